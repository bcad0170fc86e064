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

Examples
--------
>>> link = RoomLink()
>>> sorted(link.sentences), link.reload_label
(['ended', 'unreachable'], 'Reload')
"""

from __future__ import annotations

from pathlib import Path

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
