"""Text kept aside beside a participant's map, shown on their page so they can put it back.

When a map is saved from two places at once and both changed the same text,
one version is written and the other is kept beside the map in a
``NAME.conflict-<time>.json`` file (:mod:`journeykit.model.saving`). In a
room the participant cannot open files, and the page whose text went aside
may never hear of it; so every participant page lists, above the editor, what
each copy of *their* map holds that the map does not (:class:`KeptAsidePanel`):
field by field, with a button that puts the text back into the map (saved as
usual) and one that clears the copy away once they have what they need (it
moves to the hidden ``.kept/`` folder, where the facilitator still finds it,
and no longer counts against the room's cap on copies). A copy whose every
text is in the map already is cleared away by itself.

Examples
--------
>>> import tempfile, pathlib, journeykit as jk
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> mine = jk.JourneyMap.new("five-stage", title="Ana")
>>> other = jk.JourneyMap.new("five-stage", title="Ana")
>>> other.set_lane("Awareness", "touchpoints", ["Radio"])
>>> differences(other.to_dict(), mine.to_dict())
[('stages[0].touchpoints', 'Awareness: touchpoints', ['Radio'])]
"""

from __future__ import annotations

import html
import os
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..errors import JourneyMapError
from ..figures.theme import MUTED, PAIN
from ..model import JourneyMap, kept_aside, read_json
from ..model.merging import field_label, field_values

#: The hidden folder of the room where copies a participant is done with are kept.
KEPT = ".kept"
#: The longest text shown for one kept-aside value (the button puts back all of it).
SHOWN_CHARS = 300
#: What a copy's block says first (HTML; ``{when}``: the copy's time).
HEADING = (
    "<b>Some of your text was kept aside at {when}</b>: your map was saved from two places "
    "at once (another tab or device), and this version did not go into it. Put back what "
    "you need:"
)


def differences(copy: dict[str, Any], current: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """What *copy* holds that *current* does not: (field path, field in words, value).

    For a list, the value is the items *current* lacks (putting them back adds them);
    for a text or a score, the copy's value (putting it back replaces the map's).
    """
    theirs, ours = field_values(copy), field_values(current)
    found = []
    for path, value in theirs.items():
        if isinstance(value, list):
            value = [item for item in value if item not in (ours.get(path) or [])]
        if value not in ("", [], None) and value != ours.get(path):
            found.append((path, field_label(path, copy), value))
    return found


def _shown(value: Any) -> str:
    text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


class KeptAsidePanel:
    """The copies of one map that hold text it lacks, each field with *Put back*.

    Parameters
    ----------
    journey_map : JourneyMap
        The map being edited (text is put back through it, so the editor shows and
        saves it).
    path : Path
        The map's file; its copies lie beside it.
    heading : str
        What each copy's block says first, as HTML with ``{when}`` for its time (a
        team's map says whose text it may be, :data:`~.teams.KEPT_HEADING`).
    """

    def __init__(self, journey_map: JourneyMap, path: Path, heading: str = HEADING) -> None:
        self.map = journey_map
        self.path = path
        self.heading = heading
        self.box = widgets.VBox()
        self.box.add_class("jk-room-kept")
        self._seen: tuple[tuple[str, int], ...] = ()

    def look(self) -> bool:
        """Show the copies beside the map as they are now; True if the panel changed."""
        copies = kept_aside(self.path)
        seen = tuple((copy.name, _mtime(copy)) for copy in copies)
        if seen == self._seen:
            return False
        self._seen = seen
        blocks = []
        current = self.map.to_dict()
        for copy in copies:
            try:
                data = read_json(copy)
            except JourneyMapError:
                continue
            if not isinstance(data, dict):
                continue
            found = differences(data, current)
            if found:
                blocks.append(self._block(copy, found))
            else:  # all of it is in the map now: nothing left to put back
                self._clear_away(copy)
        self.box.children = blocks
        return True

    def _block(self, copy: Path, found: list[tuple[str, str, Any]]) -> widgets.Widget:
        when = time.strftime("%H:%M", time.localtime(_mtime(copy) / 1e9))
        rows: list[widgets.Widget] = [
            widgets.HTML(
                f"<p style='color:{PAIN};margin:4px 0'>{self.heading.format(when=when)}</p>"
            )
        ]
        for path, label, value in found:
            button = widgets.Button(description="Put back", layout=widgets.Layout(width="auto"))
            button.add_class("jk-room-put-back")
            button.on_click(self._putting_back(path, value))
            text = widgets.HTML(
                f"<span style='color:{MUTED}'>{html.escape(label)}:</span> "
                f"{html.escape(_shown(value))}"
            )
            rows.append(widgets.HBox([text, button], layout=widgets.Layout(flex_flow="row wrap")))
        done = widgets.Button(description="I have what I need", layout=widgets.Layout(width="auto"))
        done.add_class("jk-room-kept-done")
        done.on_click(lambda _: self.clear(copy))
        rows.append(done)
        block = widgets.VBox(rows, layout=widgets.Layout(border=f"1px solid {PAIN}", padding="4px"))
        return block

    def _putting_back(self, path: str, value: Any) -> Callable[[Any], None]:
        def put_back(_: Any) -> None:
            now = field_values(self.map.to_dict()).get(path)
            back = [*now, *value] if isinstance(value, list) and isinstance(now, list) else value
            with suppress(JourneyMapError):  # a value the map refuses stays in the copy
                self.map.set_field(path, back)
            self._seen = ()
            self.look()

        return put_back

    def clear(self, copy: Path) -> None:
        """Move *copy* to the room's hidden ``.kept/`` folder (the participant is done with it)."""
        self._clear_away(copy)
        self.look()

    @staticmethod
    def _clear_away(copy: Path) -> None:
        folder = copy.parent / KEPT
        folder.mkdir(exist_ok=True)
        with suppress(OSError):
            os.replace(copy, folder / copy.name)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
