"""Kernel websockets that pass each message on at once: Nagle's algorithm off.

Jupyter Server writes kernel messages to the browser over a TCP connection left
with the operating system's default, Nagle's algorithm on: a small write waits
while an earlier one is not yet acknowledged. A widget edit answers with a few
small messages in a row (the kernel busy, the widget's echo, the preview's patch,
the kernel idle), and the browser acknowledges late on purpose (delayed ACK, up to
40 ms on Linux), so every other reply sat waiting for that acknowledgement.

Measured in JupyterLab on this kit's test machine, a widget message to the
kernel and its answer back took 11 to 22 ms median and 48 ms at the 90th
percentile with the default; with :class:`NoDelayConnection`, 8 to 12 ms
median and 11 to 19 ms at the 90th percentile (``benchmarks/editor_latency.py``
measures what it does to the editor's preview).

``journeykit lab`` (:data:`~.launch.WEBSOCKET_OPTION`, naming this class by
:data:`~.launch.NO_DELAY_CONNECTION`), the workshop room's
Voila servers (``workshop/config/voila.json``) and participants' servers under
JupyterHub (``workshop/config/hub/jupyter_server_config.json``) all use it.
"""

from __future__ import annotations

import asyncio

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection


class NoDelayConnection(ZMQChannelsWebsocketConnection):
    """Jupyter Server's kernel websocket connection, sending each message without delay.

    Everything else (authentication, message filtering, replay after a reconnect) is
    Jupyter Server's own: only the socket option differs.
    """

    # The abstract base declares connect() a coroutine; the ZMQ connection overrides it with
    # a method returning a Future, as this one does (the handler awaits what it returns).
    def connect(self) -> asyncio.Future[None] | None:  # type: ignore[override]
        """Turn Nagle's algorithm off on the open websocket, then connect as usual."""
        self.websocket_handler.set_nodelay(True)
        return super().connect()
