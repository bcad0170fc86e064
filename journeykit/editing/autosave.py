"""Autosave: keep a journey map's file in step with every change, safely.

An :class:`Autosaver` watches a :class:`~journeykit.JourneyMap` and, half a
second after the learner stops typing, saves it through
:func:`journeykit.model.saving.save_merging` (a temporary file swapped in with
``os.replace``; the previous version stays as ``NAME.json.bak``). If another
editor saved to the same file meanwhile, its changes are merged in, into the
file and into the map in memory, and where both changed the same field the
other version is kept in a ``NAME.conflict-...json`` file; the result says so.
A map with a problem is not written, so the file always holds the last version
that loads back; the problems are handed to whoever shows them. Saves still
waiting when Python exits (a kernel restart or shutdown) are written first.

Saves wait on the kernel's event loop (:mod:`.debounce`), so a save, and the
changes it merges in from another editor, happen on the thread that handles
the widgets' messages: nothing here needs a lock.
"""

from __future__ import annotations

import atexit
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import JourneyMapError, Problem
from ..model import save_merging
from .debounce import Debouncer

if TYPE_CHECKING:
    from ..catalogue import FieldPath
    from ..model import JourneyMap

#: Seconds of quiet before a save.
SAVE_DELAY = 0.5
#: Longest a change waits for its save while the learner keeps typing.
SAVE_MAX_WAIT = 5.0


@dataclass(frozen=True)
class SaveResult:
    """What one save did: the time it was written, or the problems that stopped it.

    ``merged`` says in words what came in from another editor (empty after a
    plain save); ``kept_aside`` is the file holding the other side's version
    when both changed the same field.
    """

    path: Path
    saved_at: datetime | None
    problems: list[Problem] = field(default_factory=list)
    merged: str = ""
    kept_aside: Path | None = None

    @property
    def ok(self) -> bool:
        return self.saved_at is not None


def write_map(journey_map: JourneyMap, path: Path) -> SaveResult:
    """Save *journey_map* to *path* now and report the outcome instead of raising.

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_map(jk.JourneyMap.new("six-stage"), folder / "a.json").ok
    True
    >>> write_map(jk.JourneyMap.new("six-stage"), folder).problems[0].message
    'could not write the file (Is a directory)'
    """
    try:
        report = save_merging(journey_map, path)
    except JourneyMapError as err:
        return SaveResult(path, None, err.problems)
    except Exception as exc:  # a save run by the event loop has no one to show a traceback to
        return SaveResult(
            path,
            None,
            [
                Problem(
                    "",
                    f"saving failed ({type(exc).__name__}: {exc})",
                    "try again with the save button, or save under another name",
                )
            ],
        )
    return SaveResult(path, datetime.now(), merged=report.sentence(), kept_aside=report.kept_aside)


class Autosaver:
    """Save *journey_map* to *path* a moment after each change.

    Parameters
    ----------
    journey_map : JourneyMap
        The map to watch (through :meth:`JourneyMap.observe`).
    path : str or Path
        The file to keep up to date.
    on_save : callable, optional
        Called with a :class:`SaveResult` after every attempt.
    delay, max_wait : float
        See :class:`~journeykit.editing.debounce.Debouncer`.

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "shop.json"
    >>> m = jk.JourneyMap.new("five-stage", title="Corner shop")
    >>> saver = Autosaver(m, path, delay=60)
    >>> m.set_lane("Awareness", "touchpoints", ["Shop window"])
    >>> path.exists()
    False
    >>> saver.flush().ok
    True
    >>> jk.load_map(path).stage("Awareness").touchpoints
    ['Shop window']
    >>> saver.close()
    """

    def __init__(
        self,
        journey_map: JourneyMap,
        path: str | Path,
        *,
        on_save: Callable[[SaveResult], None] | None = None,
        delay: float = SAVE_DELAY,
        max_wait: float = SAVE_MAX_WAIT,
    ) -> None:
        self.map = journey_map
        self.path = Path(path)
        self.on_save = on_save
        self.last: SaveResult | None = None
        self._saving = False  # a save is running: the changes it merges in are in the file
        self._debouncer = Debouncer(self.save, delay, max_wait=max_wait)
        journey_map.observe(self._changed)
        _LIVE.add(self)

    @property
    def pending(self) -> bool:
        """True while a change waits to be saved (a save whose time has come is made first)."""
        return self._debouncer.pending

    def save(self) -> SaveResult:
        """Save now (dropping any waiting save) and report what happened."""
        self._debouncer.cancel()
        self._saving = True
        try:
            result = write_map(self.map, self.path)
        finally:
            self._saving = False
        self.last = result
        if self.on_save is not None:
            self.on_save(result)
        return result

    def catch_up(self) -> None:
        """Make a waiting save whose time has come (see :mod:`.debounce`)."""
        self._debouncer.catch_up()

    def flush(self) -> SaveResult | None:
        """Write a waiting save now; return its result (the last one if none was waiting)."""
        self._debouncer.flush()
        return self.last

    def close(self) -> None:
        """Write what is waiting and stop watching the map."""
        self.flush()
        self.map.unobserve(self._changed)
        _LIVE.discard(self)

    def _changed(self, path: FieldPath) -> None:
        if self._saving:
            return  # a change merged in by this save: the file has it already
        self._debouncer()


_LIVE: weakref.WeakSet[Autosaver] = weakref.WeakSet()


@atexit.register
def _flush_all() -> None:
    """Write every waiting save before Python exits (kernel restart or shutdown)."""
    for saver in list(_LIVE):
        saver._debouncer.flush()
