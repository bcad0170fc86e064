"""The facilitator's dashboard: the room's live roll-up, on this computer only.

:func:`dashboard_app` is what the dashboard notebook runs. A task on the
kernel's event loop looks at the room folder every :data:`POLL` seconds; the
roll-up (:class:`~journeykit.debrief.Rollup`) re-reads only the maps whose
files changed, and only then are the widgets updated, in place: the page
follows the room without a reload. It shows who has joined and how far each
map is, the emotion heatmap, the top pain points, the class-wide review, and
the files that could not be read, the timed activity
(:mod:`.timer`: the stage to work on and the time left, on every page), and
the dot vote (:mod:`.voting`: open and close it, for the room or its teams, the
tally and how many voted).

A team's map (:mod:`.teams`) is one map, named by its team, with its members
listed under it. It also shows how many of the room's places (name slots) are taken, lets the
facilitator free one (:func:`~.names.free_claim`: a script's names, someone who
joined twice), and counts the versions kept aside beside each map when a map
was saved from two places at once (at most
:data:`~journeykit.model.MAX_KEPT_ASIDE` per map and
:data:`~journeykit.model.MAX_KEPT_ASIDE_IN_FOLDER` in the room).

*Present* switches to the projector view: participants numbered in a random
order instead of named, rough save times, no titles or file names, no place
controls, large type. *Export* writes the roll-up as an HTML page or CSV next
to the room folder (with the vote's result: a section of the page, and
``<room>-votes.csv``). *Close room* asks the launcher to close the room (every
map is saved first).
"""

from __future__ import annotations

import asyncio
import html
import time
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as widgets

from ..debrief import Rollup
from ..editing.live_plot import LivePlot
from ..errors import JourneyMapError
from ..figures.theme import MUTED, PAIN
from ..model import CONFLICT_MARK, MAX_KEPT_ASIDE, MAX_KEPT_ASIDE_IN_FOLDER
from .closing import request_close
from .dashboard_tables import people_table, review_table, skipped_list, top_pain_points

if TYPE_CHECKING:
    import plotly.graph_objects as go
from .kernel import prepare_kernel
from .links import qr_svg
from .names import claimed_stems, free_claim
from .settings import RoomSettings
from .teams import members, parse_teams
from .timer import TimerControls
from .voting import VoteControls

#: Seconds between two looks at the room folder.
POLL = 1.0
#: Seconds the Close room button waits for its confirming second click.
CONFIRM_SECONDS = 10.0


def dashboard_app(settings: RoomSettings | None = None) -> widgets.VBox:
    """The facilitator's dashboard for the room described by *settings* (the environment's)."""
    prepare_kernel()
    return Dashboard(settings or RoomSettings.from_environment()).box


class Dashboard:
    """The live roll-up of a room folder, with present mode, exports and Close room.

    Parameters
    ----------
    settings : RoomSettings
        The room: its folder, name, join link and the launcher's run folder.
    poll : float
        Seconds between two looks at the folder (the update loop runs only inside
        a kernel; call :meth:`refresh` yourself elsewhere).

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> board = Dashboard(RoomSettings(folder, "Bakery class"))
    >>> board.count.value
    'Nobody has joined yet.'
    >>> _ = jk.JourneyMap.new("five-stage", title="Ana").save(folder / "ana.json")
    >>> board.refresh()
    True
    >>> board.count.value
    '1 participant'
    """

    def __init__(self, settings: RoomSettings, *, poll: float = POLL) -> None:
        self.settings = settings
        self.poll = poll
        self.present = False
        settings.room_dir.mkdir(parents=True, exist_ok=True)
        self.rollup = Rollup(settings.room_dir)
        self.heading = widgets.HTML()
        self.count = widgets.HTML()
        self.people = widgets.HTML()
        self.skipped = widgets.HTML()
        self.pains = widgets.HTML()
        self.review = widgets.HTML()
        self.stamp = widgets.HTML()
        self.message = widgets.HTML()
        self.places = widgets.HTML()
        for part, name in (
            (self.count, "count"),
            (self.people, "people"),
            (self.skipped, "skipped"),
            (self.stamp, "stamp"),
            (self.message, "message"),
            (self.places, "places"),
        ):
            part.add_class(f"jk-dash-{name}-box")
        self.free_choice = widgets.Dropdown(
            options=[], description="Free a place:", style={"description_width": "initial"}
        )
        self.free_choice.add_class("jk-dash-free-choice")
        self.free_button = widgets.Button(description="Free this place", icon="user-times")
        self.free_button.add_class("jk-dash-free")
        self.free_button.on_click(lambda _: self.free_place(self.free_choice.value))
        self.place_controls = widgets.VBox(
            [self.places, widgets.HBox([self.free_choice, self.free_button])]
        )
        self._claims: list[str] = []
        self._kept_aside: dict[str, int] = {}
        self._members: dict[str, list[str]] | None = None  # a team map's members (.teams)
        self.heatmap = _figure_widget(self.rollup.plot_heatmap())
        self.present_button = widgets.ToggleButton(
            description="Present", icon="television", tooltip="Anonymized, large type"
        )
        self.present_button.observe(lambda change: self.set_present(change["new"]), names="value")
        self.html_button = widgets.Button(description="Export HTML", icon="download")
        self.csv_button = widgets.Button(description="Export CSV", icon="table")
        self.html_button.on_click(lambda _: self.export("html"))
        self.csv_button.on_click(lambda _: self.export("csv"))
        self.close_button = widgets.Button(
            description="Close room", icon="power-off", button_style="danger"
        )
        self.close_button.on_click(lambda _: self.close_room())
        self._confirm_until = 0.0
        self.timer = TimerControls(settings.room_dir, settings.framework)
        self.voting = VoteControls(
            settings.room_dir, lambda: self.rollup, parse_teams(settings.teams)
        )
        buttons = [self.present_button, self.html_button, self.csv_button]
        if settings.run_dir is not None:
            buttons.append(self.close_button)
        self.box = widgets.VBox(
            [
                self.heading,
                widgets.HBox(buttons),
                self.message,
                self.timer.box,
                self.voting.box,
                self.count,
                self.people,
                self.place_controls,
                self.skipped,
                widgets.HTML("<h3>Emotions along the journey</h3>"),
                self.heatmap,
                widgets.HTML("<h3>Top pain points</h3>"),
                self.pains,
                widgets.HTML("<h3>What the review finds across the class</h3>"),
                self.review,
                self.stamp,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.box.add_class("jk-dashboard")
        self._show_heading()
        self._look_at_places()
        self._redraw()
        self._task = _start_polling(self)

    # ----- updating ----------------------------------------------------------------------
    def refresh(self) -> bool:
        """Look at the room folder again; redraw and return True if anything changed."""
        changed = self.rollup.refresh()
        places = self._look_at_places()
        self.timer.banner.follow(self.settings.room_dir)  # a timer started in another tab
        self.voting.follow(len(self._claims), self._members)  # the ballots, live
        if changed:
            self._redraw()
        elif places:
            self._show_people()
        self.stamp.value = (
            f"<small style='color:{MUTED}'>Checked {time.strftime('%H:%M:%S')}"
            f", every {self.poll:g} s</small>"
        )
        return changed

    def _redraw(self) -> None:
        maps = len(self.rollup)
        self.count.value = (
            "Nobody has joined yet."
            if not maps
            else f"{maps} participant{'' if maps == 1 else 's'}"
        )
        self._show_people()
        self.skipped.value = skipped_list(self.rollup, present=self.present)
        self.pains.value = top_pain_points(self.rollup)
        self.review.value = review_table(self.rollup, present=self.present)
        self.heatmap.show(self.rollup.plot_heatmap())

    def _show_people(self) -> None:
        self.people.value = people_table(
            self.rollup, present=self.present, kept_aside=self._kept_aside, members=self._members
        )

    def _look_at_places(self) -> bool:
        """Read the name slots taken and the versions kept aside; True if they changed."""
        room = self.settings.room_dir
        claims = claimed_stems(room)
        kept: dict[str, int] = {}
        for copy in room.glob(f"*{CONFLICT_MARK}*.json"):
            stem = copy.name.split(CONFLICT_MARK, 1)[0]
            kept[stem] = kept.get(stem, 0) + 1
        teams = members(room, parse_teams(self.settings.teams)) if self.settings.teams else None
        if (claims, kept, teams) == (self._claims, self._kept_aside, self._members) and (
            self.places.value
        ):
            return False
        self._claims, self._kept_aside, self._members = claims, kept, teams
        limit = self.settings.max_participants
        text = f"{len(claims)} of {limit} places taken."
        total = sum(kept.values())
        if total:
            text += (
                f" <span style='color:{PAIN}'>{total} version{'' if total == 1 else 's'} "
                "kept aside beside the maps (saved from two places at once; at most "
                f"{MAX_KEPT_ASIDE} per map and {MAX_KEPT_ASIDE_IN_FOLDER} in the room, "
                "then such saves are refused and the page says so).</span>"
            )
        self.places.value = f"<p style='color:{MUTED}'>{text}</p>"
        self.free_choice.options = claims
        return True

    def free_place(self, stem: str | None) -> bool:
        """Free the name slot of map *stem*: its browser is a newcomer again (see the module)."""
        if not stem or not free_claim(self.settings.room_dir, stem):
            self._say("Choose a place to free.", PAIN)
            return False
        self._look_at_places()
        self._say(
            f"Freed the place of {stem}: that browser starts again with its name. A map "
            "with something in it stays in the folder; a blank one was put aside."
        )
        return True

    def set_present(self, on: bool) -> None:
        """Switch present mode (anonymized in a random order, large type) on or off."""
        self.present = bool(on)
        self.rollup = Rollup(self.settings.room_dir, anonymize=self.present, shuffled=self.present)
        self.place_controls.layout.display = "none" if self.present else None
        if self.present:
            self.box.add_class("jk-present")
        else:
            self.box.remove_class("jk-present")
        self._show_heading()
        self._redraw()

    def _show_heading(self) -> None:
        title = f"<h2 style='margin:4px 0'>{html.escape(self.settings.title)}</h2>"
        join = self.settings.join_url
        if not join:
            self.heading.value = title
            return
        code = qr_svg(join, scale=8 if self.present else 4)
        self.heading.value = (
            f"{title}<div class='jk-dash-join' style='display:flex;gap:16px;"
            f"align-items:center;flex-wrap:wrap'>{code}<div>Join the room: scan the code or "
            f"open<br><code style='font-size:1.1em;word-break:break-all'>{html.escape(join)}"
            "</code></div></div>"
        )

    # ----- buttons -----------------------------------------------------------------------
    def export(self, kind: str) -> Path | None:
        """Write the roll-up as ``"html"`` or ``"csv"`` next to the room folder; return the file."""
        folder = self.settings.room_dir
        target = folder.parent / f"{folder.name}-rollup.{kind}"
        try:
            if kind == "html":
                self.rollup.to_html(target, extra=self.voting.debrief_html())
            else:
                self.rollup.to_csv(target)
                self.voting.write_csv(folder.parent / f"{folder.name}-votes.csv")
        except (JourneyMapError, OSError) as err:
            self._say(f"Could not write {target.name}: {err}", PAIN)
            return None
        self._say(f"Wrote {target}")
        return target

    def close_room(self) -> bool:
        """Ask the launcher to close the room; the first click only asks to confirm."""
        run = self.settings.run_dir
        if run is None:
            return False
        now = time.monotonic()
        if now > self._confirm_until:
            self._confirm_until = now + CONFIRM_SECONDS
            self.close_button.description = "Click again to close"
            self._say(
                "Closing the room saves every map and stops the room for everyone. "
                "Click again to close it.",
                PAIN,
            )
            return False
        request_close(run)
        self.close_button.disabled = True
        self._say("Closing the room: every participant's map is being saved...")
        return True

    def _say(self, text: str, colour: str = MUTED) -> None:
        self.message.value = f"<p style='color:{colour}'>{html.escape(text)}</p>"


def _figure_widget(figure: go.Figure) -> LivePlot:
    return LivePlot(figure)


def _start_polling(board: Dashboard) -> asyncio.Task[None] | None:
    """Refresh *board* every ``board.poll`` seconds on the kernel's running event loop."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None

    async def poll() -> None:
        while True:
            await asyncio.sleep(board.poll)
            try:
                board.refresh()
            except Exception as exc:  # keep following the room whatever one look meets
                board.stamp.value = (
                    f"<small style='color:{PAIN}'>Could not look at the "
                    f"room folder: {html.escape(str(exc))}</small>"
                )

    return loop.create_task(poll())
