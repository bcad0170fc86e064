"""How a room closes in order: files in the launcher's run folder, the same on every system.

* the dashboard asks to close (:func:`request_close`), or Ctrl+C reaches the launcher;
* the launcher flags the room as closing (:func:`flag_closing`);
* every open participant page, which says it is alive every second
  (:func:`page_alive`), sees the flag, saves what is waiting, tells its
  participant, and says it has saved (:func:`page_saved`) once its browser has
  shown the sentence (or did not answer within a few seconds);
* the launcher waits until every page open when the room began to close has
  saved (:func:`wait_for_pages`), for at most :data:`SAVE_WAIT` seconds, then
  stops the servers.

A page silent for :data:`ALIVE_SECONDS` when the room begins to close is gone
(its kernel stopped or was killed) and is not waited for. A page open then is
waited for even though it stops saying it is alive while it saves: on a busy
machine saving and telling can take longer than :data:`ALIVE_SECONDS`.
Stopping a server is graceful too (its kernels write waiting saves as they
exit), but on Windows a server can only be terminated, so the pages' own saves
are what counts there.

Examples
--------
>>> import tempfile, pathlib
>>> run = pathlib.Path(tempfile.mkdtemp())
>>> page_alive(run, "p1"); page_alive(run, "p2")
>>> flag_closing(run); is_closing(run)
True
>>> page_saved(run, "p1"); pages_waiting(run)
['p2']
"""

from __future__ import annotations

import time
from pathlib import Path

#: The file that tells participants' pages the room is closing.
CLOSING_FLAG = "closing"
#: The file the dashboard writes to ask the launcher to close the room.
CLOSE_REQUEST = "close-requested"
#: The folder where each open page says it is alive, and then that it saved.
PAGES = "pages"
#: A page silent for this long is gone (its kernel stopped or was killed).
ALIVE_SECONDS = 5.0
#: The longest the launcher waits for pages to save before it stops the servers.
SAVE_WAIT = 15.0


def request_close(run_dir: Path) -> None:
    """Ask the launcher to close the room (the dashboard's *Close room*)."""
    (run_dir / CLOSE_REQUEST).touch()


def close_requested(run_dir: Path) -> bool:
    return (run_dir / CLOSE_REQUEST).exists()


def flag_closing(run_dir: Path) -> None:
    (run_dir / CLOSING_FLAG).touch()


def is_closing(run_dir: Path) -> bool:
    return (run_dir / CLOSING_FLAG).exists()


def page_alive(run_dir: Path, page_id: str) -> None:
    """Say page *page_id* is open (called every second by the page's kernel)."""
    folder = run_dir / PAGES
    folder.mkdir(exist_ok=True)
    (folder / page_id).touch()


def page_saved(run_dir: Path, page_id: str) -> None:
    """Say page *page_id* has saved everything after the room started closing."""
    folder = run_dir / PAGES
    folder.mkdir(exist_ok=True)
    (folder / f"{page_id}.saved").touch()


def pages_waiting(run_dir: Path) -> list[str]:
    """The pages alive in the last :data:`ALIVE_SECONDS` that have not said they saved."""
    folder = run_dir / PAGES
    if not folder.is_dir():
        return []
    now = time.time()
    waiting = []
    for entry in folder.iterdir():
        if entry.suffix == ".saved" or (folder / f"{entry.name}.saved").exists():
            continue
        try:
            fresh = now - entry.stat().st_mtime < ALIVE_SECONDS
        except OSError:
            continue
        if fresh:
            waiting.append(entry.name)
    return sorted(waiting)


def wait_for_pages(run_dir: Path, seconds: float = SAVE_WAIT) -> list[str]:
    """Wait until every page open now has saved (at most *seconds*); return those that did not.

    The pages are counted once, at the start: a page saving the room's last edits no
    longer says it is alive, and must still be waited for.
    """
    deadline = time.monotonic() + seconds
    folder = run_dir / PAGES
    waiting = pages_waiting(run_dir)
    while waiting and time.monotonic() < deadline:
        time.sleep(0.2)
        waiting = [page for page in waiting if not (folder / f"{page}.saved").exists()]
    return waiting
