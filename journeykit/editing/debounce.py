"""Run an action once for a burst of calls: the editor's redraws, reviews and autosaves.

A learner typing a touchpoint changes the map on every keystroke. Redrawing
the preview or writing the file on each one would be wasteful, so the editor
hands these actions to a :class:`Debouncer`:

* ``leading=True`` (the preview): the first call after a quiet spell runs at
  once, so a single edit shows without delay; further calls within ``delay``
  seconds are merged into one run at the end of that spell.
* ``leading=False`` (autosave, the review): the action runs ``delay`` seconds
  after the last call, but no later than ``max_wait`` seconds after the first
  call that is still waiting, so a learner who types without pause still gets
  saves.

Where the waiting runs happen
-----------------------------
On the event loop of the thread that made the call: in a notebook, Voila or
nbclient that is the kernel's asyncio loop, on its main thread, where the
widgets' messages are handled too (ipywidgets' own advice for debouncing). So
an action changes widgets on the thread ipywidgets expects, never two actions
run at once, and nothing needs a lock.

The loop can only run a waiting action when it is free. While a cell keeps it
busy, or in a plain Python script with no running loop, an action whose time
has come runs as soon as anyone touches the debouncer again: a new call,
:attr:`Debouncer.pending`, :meth:`Debouncer.catch_up`, :meth:`Debouncer.flush`.
So code that waits for a save by asking whether one is pending sees it happen,
and no run is ever later than the first look after its time. Whatever still
waits when Python exits is written by the autosave's exit hook.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class Debouncer:
    """Merge bursts of calls into few runs of *action*.

    Parameters
    ----------
    action : callable
        Called with no arguments. It should not raise: a run on the event loop
        has no one to report to.
    delay : float
        Seconds of quiet before a waiting run happens (see the module notes).
        Read at each call, so it may be changed on a live debouncer.
    leading : bool, default False
        Run at once on the first call after a quiet spell.
    max_wait : float, optional
        Without ``leading``: the longest a call waits for its run.

    Examples
    --------
    >>> runs = []
    >>> later = Debouncer(lambda: runs.append("saved"), delay=60)
    >>> later(); later(); later()
    >>> runs, later.pending
    ([], True)
    >>> later.flush()
    True
    >>> runs, later.pending
    (['saved'], False)
    >>> now = Debouncer(lambda: runs.append("drawn"), delay=60, leading=True)
    >>> now(); runs[-1]
    'drawn'

    With no running event loop, a run whose time has come happens at the next look:

    >>> soon = Debouncer(lambda: runs.append("caught up"), delay=0.01)
    >>> soon(); time.sleep(0.02)
    >>> soon.pending, runs[-1]
    (False, 'caught up')
    """

    def __init__(
        self,
        action: Callable[[], object],
        delay: float,
        *,
        leading: bool = False,
        max_wait: float | None = None,
    ) -> None:
        self.action = action
        self.delay = delay
        self.leading = leading
        self.max_wait = max_wait
        self._due: float | None = None  # when the waiting run is due (time.monotonic)
        self._first_waiting: float | None = None
        self._handle: asyncio.TimerHandle | None = None  # the loop's call, if there is a loop
        self._handle_due = 0.0  # when that call comes
        self._last_run = float("-inf")
        self._running = False

    @property
    def pending(self) -> bool:
        """True while a run is waiting (one whose time has come runs first)."""
        self.catch_up()
        return self._due is not None

    def __call__(self) -> None:
        now = time.monotonic()
        if self.catch_up(now):
            return  # the run just made saw this call's change too
        if self.leading:
            if self._due is not None:
                return  # the waiting run will pick this call up
            quiet = now - self._last_run
            if quiet >= self.delay:
                self._run()
            else:
                self._wait_until(now + self.delay - quiet)
            return
        if self._first_waiting is None:
            self._first_waiting = now
        due = now + self.delay
        if self.max_wait is not None:
            due = min(due, self._first_waiting + self.max_wait)
        self._wait_until(due)

    def catch_up(self, now: float | None = None) -> bool:
        """Run a waiting action whose time has come; return whether one ran."""
        if self._due is None or self._running:
            return False
        if (time.monotonic() if now is None else now) < self._due:
            return False
        self._stop_waiting()
        self._run()
        return True

    def flush(self) -> bool:
        """Run a waiting action now; return whether one was waiting."""
        waiting = self._due is not None
        self._stop_waiting()
        if waiting:
            self._run()
        return waiting

    def run(self) -> None:
        """Run now, taking the place of any waiting run."""
        self._stop_waiting()
        self._run()

    def cancel(self) -> None:
        """Drop a waiting run without running it."""
        self._stop_waiting()

    def _wait_until(self, due: float) -> None:
        """Have the waiting run happen at *due*: on the running loop, else at the next look."""
        self._due = due
        if self._handle is not None:
            if self._handle_due <= due:
                return  # the loop's call comes first and waits on for the rest (_fire)
            self._handle.cancel()  # moved earlier (a shorter delay)
            self._handle = None
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop here: the next look runs it (catch_up)
            if due <= time.monotonic():
                self.catch_up()
            return
        self._handle_due = due
        self._handle = loop.call_later(max(due - time.monotonic(), 0.0), self._fire)

    def _fire(self) -> None:
        self._handle = None
        if self._due is None:
            return
        wait = self._due - time.monotonic()
        if wait > 0.001:  # calls since it was set moved the run later: wait for the rest
            self._handle_due = self._due
            self._handle = asyncio.get_running_loop().call_later(wait, self._fire)
            return
        self.catch_up(self._due)

    def _stop_waiting(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self._handle = None
        self._due = None
        self._first_waiting = None

    def _run(self) -> None:
        self._running = True
        try:
            self._last_run = time.monotonic()
            self.action()
        finally:
            self._running = False
