"""The editor's status line: one sentence on what became of the map's file.

:class:`StatusLine` words the outcome of each save (saved, merged with another
editor's version, a version kept aside, or not saved and why) and keeps a note
about a version kept aside on the line until the map is closed, because that note
points at a file the learner should look at. In the page the line is a
:class:`~.guard.StatusGuard`, which also says when the kernel is gone and keeps
what is typed meanwhile (a plain ``widgets.HTML`` without anywidget).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as widgets

from ..figures.theme import MUTED, PAIN
from .autosave import SaveResult
from .preview import status_html

if TYPE_CHECKING:
    from .guard import StatusGuard


class StatusLine:
    """The status line widget and the sentence it shows.

    Examples
    --------
    >>> line = StatusLine()
    >>> line.say("Editing in memory: it is not saved.")
    >>> line.text
    'Editing in memory: it is not saved.'
    >>> line.not_saved(marked=2, notes=[], last_saved=None)
    >>> line.text
    'Not saved: fix the 2 problems marked below.'
    """

    def __init__(self) -> None:
        self.guard: StatusGuard | None
        try:
            from .guard import StatusGuard
        except ImportError:  # anywidget is missing: a line that cannot watch the kernel
            self.guard = None
            self.widget: widgets.HTML | StatusGuard = widgets.HTML()
        else:
            self.widget = self.guard = StatusGuard()
        self.widget.add_class("jk-status")
        self.text = ""
        self._kept_aside_note = ""  # the last save that kept another version aside

    def keep_typing(
        self,
        path: Path | None,
        boxes: dict[str, str],
        *,
        rerun: str,
        on_hello: Callable[[], None],
        on_recover: Callable[[dict[str, tuple[str, str]]], None],
        on_typed: Callable[[dict[str, tuple[str, str]]], None] | None = None,
    ) -> None:
        """Have the page keep what is typed into *boxes* (CSS class -> field key) for the
        map file *path* (None: nothing is saved, nothing kept) until a save holds it.

        *rerun* says how the editor comes back after the kernel is gone (``"cell"`` or
        ``"page"``); *on_hello* runs when a page shows the editor, *on_recover* with the
        text a page kept (see :mod:`.guard`), *on_typed* with what a box held before the
        typing it is about to send.
        """
        if self.guard is None:
            return
        from .guard import file_key

        self.guard.watch(file_key(path), boxes if path is not None else {}, rerun=rerun)
        self.guard.on_hello = on_hello
        self.guard.on_recover = on_recover
        self.guard.on_typed = on_typed

    def confirm(self, held: dict[str, str]) -> None:
        """Tell the page that the file holds *held* (field key -> the text it sent)."""
        if self.guard is not None:
            self.guard.saved(held)

    def say(self, text: str, colour: str = MUTED) -> None:
        """Show *text* (escaped) in *colour*."""
        self.text = text.strip()
        self.widget.value = status_html(self.text, colour)

    def new_map(self) -> None:
        """Forget the note about a version kept aside: another map is open now."""
        self._kept_aside_note = ""

    def saved(self, result: SaveResult, where: str, extra: str = "") -> None:
        """Say that *result*, a save that worked, wrote the file (*where*: `` to PATH`` or "";
        *extra*: a sentence for this save only)."""
        note = f"{extra} {result.merged}".strip()
        if result.kept_aside is not None:  # stays on the status line: a file to look at
            self._kept_aside_note = f"At {result.saved_at:%H:%M:%S}: {result.merged}"
        elif self._kept_aside_note:
            note = f"{note} {self._kept_aside_note}"
        self.say(
            f"Saved {result.saved_at:%H:%M:%S}{where}. {note}",
            PAIN if self._kept_aside_note else MUTED,
        )

    def not_saved(self, marked: int, notes: list[str], last_saved: datetime | None) -> None:
        """Say that a save failed: *marked* problems shown under fields, *notes* the others."""
        text = "Not saved:"
        if marked:
            text += f" fix the {marked} problem{'s' if marked > 1 else ''} marked below."
        text += " " + " ".join(notes)
        if last_saved:
            text += f" The file still holds the version saved at {last_saved:%H:%M:%S}."
        self.say(text, PAIN)
