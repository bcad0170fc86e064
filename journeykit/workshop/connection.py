"""A room page's kernel websocket: what may reach the page, and how much may wait for it.

:class:`RoomConnection` is the kernel websocket connection of both room servers
(``Voila.kernel_websocket_connection_class``). On top of
:class:`~journeykit.lab.websocket.NoDelayConnection` (each message sent at
once) it keeps two promises of the room:

* **Nothing about the laptop reaches a page.** A kernel's ``error`` messages
  (an exception in a widget's callback) carry a traceback full of install
  paths, and its standard error carries warnings with more; ``show_tracebacks:
  false`` only covers the notebook's own cells. Here every traceback is
  replaced by one sentence and standard error stays in the room's log
  (:func:`~.kernel.prepare_kernel` writes tracebacks there).
* **A page that does not read cannot grow the server.** Tornado keeps what a
  websocket could not send yet in memory, without a limit by default; a client
  that asks for large answers and never reads would make the server hold them
  all. Each connection may have :data:`MAX_UNSENT_BYTES` waiting; past that it
  is closed (a real page reconnects by itself, and then reloads if messages were
  lost). The kernel manager bounds what it keeps for a closed connection
  (:class:`~.kernels.RoomKernelManager`).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from tornado.iostream import StreamBufferFullError

from ..lab.websocket import NoDelayConnection

#: Bytes a page's websocket may have waiting to be sent before it is closed: far more
#: than the largest answer a page asks for (every widget of a 5 MB map at once).
MAX_UNSENT_BYTES = 32 * 2**20
#: What a page is told instead of a traceback.
ERROR_SENTENCE = "Something went wrong on the room's side; the facilitator's log has the details."


def page_safe(parts: list[Any]) -> list[Any] | None:
    """The message *parts* (header, parent header, metadata, content, buffers) fit for a page.

    An ``error`` message keeps its type with :data:`ERROR_SENTENCE` as its value and
    no traceback; text on standard error is dropped (None); anything else passes.

    Examples
    --------
    >>> def msg(kind, content):
    ...     return [json.dumps({"msg_type": kind}).encode(), b"{}", b"{}",
    ...             json.dumps(content).encode()]
    >>> safe = page_safe(msg("error", {"ename": "OSError", "evalue": "/home/x",
    ...                                "traceback": ["File /usr/lib/python3/x.py"]}))
    >>> json.loads(safe[3])["traceback"], json.loads(safe[3])["ename"]
    ([], 'Error')
    >>> page_safe(msg("stream", {"name": "stderr", "text": "/usr/lib warning"})) is None
    True
    >>> page_safe(msg("status", {"execution_state": "idle"}))[3]
    b'{"execution_state": "idle"}'
    """
    try:
        header = json.loads(parts[0])
        kind = header.get("msg_type", "")
    except (ValueError, TypeError, IndexError, AttributeError):
        return parts
    if kind == "stream":
        content = json.loads(parts[3])
        return None if content.get("name") == "stderr" else parts
    if kind == "error" or (kind.endswith("_reply") and b"traceback" in bytes(parts[3])):
        content = json.loads(parts[3])
        if "traceback" in content or kind == "error":
            content.update(ename="Error", evalue=ERROR_SENTENCE, traceback=[])
            return [*parts[:3], json.dumps(content).encode(), *parts[4:]]
    return parts


class RoomConnection(NoDelayConnection):
    """A room page's kernel websocket (see the module notes)."""

    def connect(self) -> asyncio.Future[None] | None:  # type: ignore[override]
        """Bound what may wait to be sent, then connect as usual."""
        ws = self.websocket_handler.ws_connection
        stream = getattr(ws, "stream", None)
        if stream is not None:
            stream.max_write_buffer_size = MAX_UNSENT_BYTES
        return super().connect()

    def _on_zmq_reply(self, stream: Any, msg_list: Any) -> None:
        if isinstance(msg_list, dict):  # the older JSON protocol: a whole message
            msg_list = self._safe_message(msg_list)
        else:
            msg_list = page_safe(msg_list)
        if msg_list is None:
            return
        try:
            super()._on_zmq_reply(stream, msg_list)
        except StreamBufferFullError:
            self.log.warning(
                "Closing the websocket of kernel %s: more than %d bytes unread",
                self.kernel_id,
                MAX_UNSENT_BYTES,
            )
            self.websocket_handler.close()

    @staticmethod
    def _safe_message(msg: dict[str, Any]) -> dict[str, Any] | None:
        parts = [
            json.dumps(msg.get(key, {}), default=str).encode()
            for key in ("header", "parent_header", "metadata", "content")
        ]
        safe = page_safe(parts)
        if safe is None:
            return None
        if safe[3] is not parts[3]:
            msg = {**msg, "content": json.loads(safe[3])}
        return msg
