"""The editor's status line: one sentence on what became of the map's file.

:class:`StatusLine` words the outcome of each save (saved, merged with another
editor's version, a version kept aside, or not saved and why) and keeps a note
about a version kept aside on the line until the map is closed, because that note
points at a file the learner should look at.
"""

from __future__ import annotations

from datetime import datetime

import ipywidgets as widgets

from ..figures.theme import MUTED, PAIN
from .autosave import SaveResult
from .preview import status_html


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
        self.widget = widgets.HTML()
        self.widget.add_class("jk-status")
        self.text = ""
        self._kept_aside_note = ""  # the last save that kept another version aside

    def say(self, text: str, colour: str = MUTED) -> None:
        """Show *text* (escaped) in *colour*."""
        self.text = text.strip()
        self.widget.value = status_html(self.text, colour)

    def new_map(self) -> None:
        """Forget the note about a version kept aside: another map is open now."""
        self._kept_aside_note = ""

    def saved(self, result: SaveResult, where: str) -> None:
        """Say that *result*, a save that worked, wrote the file (*where*: `` to PATH`` or "")."""
        note = result.merged
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
