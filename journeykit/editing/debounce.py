"""Run an action once for a burst of calls: the editor's redraws and autosaves.

A learner typing a touchpoint changes the map on every keystroke. Redrawing
the preview or writing the file on each one would be wasteful, so the editor
hands these actions to a :class:`Debouncer`:

* ``leading=True`` (the preview): the first call after a quiet spell runs at
  once, so a single edit shows without delay; further calls within ``delay``
  seconds are merged into one run at the end of that spell.
* ``leading=False`` (autosave): the action runs ``delay`` seconds after the
  last call, but no later than ``max_wait`` seconds after the first call that
  is still waiting, so a learner who types without pause still gets saves.

Waiting runs happen on a timer thread; :meth:`Debouncer.flush` runs a waiting
action at once in the calling thread (tests and "save now" use it). Runs never
overlap.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Debouncer:
    """Merge bursts of calls into few runs of *action*.

    Parameters
    ----------
    action : callable
        Called with no arguments. It should not raise: a timer thread has no
        one to report to.
    delay : float
        Seconds of quiet before a waiting run happens (see the module notes).
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
        self._lock = threading.Lock()
        self._run_lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._first_waiting: float | None = None
        self._last_run = float("-inf")

    @property
    def pending(self) -> bool:
        """True while a run is waiting on the timer."""
        return self._timer is not None

    def __call__(self) -> None:
        now = time.monotonic()
        with self._lock:
            if self.leading:
                if self._timer is not None:
                    return  # the waiting run will pick this call up
                quiet = now - self._last_run
                if quiet >= self.delay:
                    run_now = True
                else:
                    run_now = False
                    self._start_timer(self.delay - quiet)
            else:
                run_now = False
                if self._first_waiting is None:
                    self._first_waiting = now
                wait = self.delay
                if self.max_wait is not None:
                    wait = min(wait, self._first_waiting + self.max_wait - now)
                self._start_timer(max(wait, 0.0))
        if run_now:
            self._run()

    def flush(self) -> bool:
        """Run a waiting action now, in this thread; return whether one was waiting."""
        with self._lock:
            waiting = self._timer is not None
            self._stop_timer()
        if waiting:
            self._run()
        return waiting

    def run(self) -> None:
        """Run now, in this thread, taking the place of any waiting run."""
        self.cancel()
        self._run()

    def cancel(self) -> None:
        """Drop a waiting run without running it."""
        with self._lock:
            self._stop_timer()

    def _start_timer(self, seconds: float) -> None:
        if self._timer is not None:
            self._timer.cancel()
        timer = threading.Timer(seconds, self._fire)
        timer.daemon = True
        self._timer = timer
        timer.start()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = None
        self._first_waiting = None

    def _fire(self) -> None:
        with self._lock:
            if self._timer is not threading.current_thread():
                return  # cancelled or replaced after it started
            self._timer = None
            self._first_waiting = None
        self._run()

    def _run(self) -> None:
        with self._run_lock:
            self._last_run = time.monotonic()
            self.action()
