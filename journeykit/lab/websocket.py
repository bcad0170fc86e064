"""Kernel websockets that pass each message on at once: Nagle's algorithm off.

Jupyter Server writes kernel messages to the browser over a TCP connection left
with the operating system's default, Nagle's algorithm on: a small write waits
while an earlier one is not yet acknowledged. A widget edit answers with a few
small messages in a row (the kernel busy, the widget's echo, the preview's patch,
the kernel idle), and the browser acknowledges late on purpose (delayed ACK), so
every other reply would wait for that acknowledgement. With :class:`NoDelayConnection`
each reply leaves at once; ``benchmarks/editor_latency.py`` measures the editor's
round trips through it and through Jupyter Server's own connection in the same run.

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
