"""A room page's link to the room: the page says when it is gone, and why, at once.

:class:`RoomLink` is a small anywidget at the top of every participant page. The
editor's status line (its guard, :mod:`journeykit.editing.guard`) already stops
saying "Saved" the moment the kernel's connection drops, and keeps what is typed
in the browser. What only the room can tell is why and what to do, so when the
connection stays down for a few seconds the page asks the room's server about
its kernel (``room_link.js``):

* no answer: the room's server is gone (closed, crashed, the laptop asleep or off
  the network): "reload once the room is open again";
* an answer without the kernel: the page's kernel has ended (it crashed, or it was
  stopped while the page was away, e.g. a phone asleep for ten minutes): "reload
  to continue".

Either way a *Reload* button sits under the sentence; after the reload the same
browser gets its map back and what it kept is saved into it. While the server
still has the kernel the page is only reconnecting, and nothing more is shown.

When the page stops editing for good (the room closes, or the page hands its map
on), the kernel sets :attr:`RoomLink.last_word` beside the sentence it shows. The
browser then stops looking at the link, since the connection is meant to end, and
answers that it has drawn the sentence: :meth:`RoomLink.told` waits for that
answer, so a closing room stops its servers only once each open page has been told
(a server stopped sooner can drop the page's last message on the way).

Examples
--------
>>> link = RoomLink()
>>> sorted(link.sentences), link.reload_label
(['ended', 'unreachable'], 'Reload')
>>> import asyncio
>>> from concurrent.futures import ThreadPoolExecutor
>>> link.last_word = "The room is closed."
>>> def wait(seconds):  # a loop of its own, as a kernel has
...     return asyncio.run(link.told(seconds))
>>> ThreadPoolExecutor(1).submit(wait, 0.1).result()  # no browser answered
False
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import anywidget
import traitlets

#: What the page says, by why its link to the room is gone.
SENTENCES = {
    "unreachable": (
        "The room is not answering: the facilitator may have closed it, or their computer "
        "is asleep or off the network. What you typed is kept in this browser. Reload this "
        "page once the room is open again."
    ),
    "ended": (
        "This page's link to the room has ended. What you typed is kept in this browser: "
        "reload the page to continue where you were."
    ),
}


class RoomLink(anywidget.AnyWidget):
    """Shows nothing while the page's link to the room holds; says why and offers a reload
    when it is gone (see the module notes)."""

    _esm = Path(__file__).with_name("room_link.js")
    sentences = traitlets.Dict(SENTENCES).tag(sync=True)
    reload_label = traitlets.Unicode("Reload").tag(sync=True)
    #: The page's last sentence, once it has stopped editing for good ("" until then).
    last_word = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._told: asyncio.Event | None = None
        self._was_told = False
        self.on_msg(self._on_message)

    def _on_message(self, _widget: object, content: object, _buffers: Sequence[bytes]) -> None:
        if isinstance(content, dict) and content.get("told") is True:
            self._was_told = True
            if self._told is not None:
                self._told.set()

    async def told(self, seconds: float) -> bool:
        """Wait at most *seconds* for the browser to say it drew :attr:`last_word`.

        Returns False when no browser answered in time (the tab was closed, or the
        page is not shown anywhere); the caller goes on either way.
        """
        if not self._was_told:
            self._told = asyncio.Event()
            try:
                await asyncio.wait_for(self._told.wait(), seconds)
            except TimeoutError:
                return False
            finally:
                self._told = None
        return True
