"""A Jupyter Server extension for tests: ``GET /nodelay-probe`` answers, for each open kernel
websocket, whether its TCP socket has Nagle's algorithm off (``TCP_NODELAY``)."""

from __future__ import annotations

import json
import socket
from typing import Any

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from tornado import web


class NoDelayProbe(web.RequestHandler):
    def get(self) -> None:
        flags = []
        for connection in list(ZMQChannelsWebsocketConnection._open_sockets):
            websocket = connection.websocket_handler.ws_connection
            if websocket is not None:
                sock = websocket.stream.socket
                flags.append(bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)))
        self.finish(json.dumps(flags))


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "nodelay_probe"}]


def _load_jupyter_server_extension(server_app: Any) -> None:
    server_app.web_app.add_handlers(".*$", [(server_app.base_url + "nodelay-probe", NoDelayProbe)])
