"""The room's Voila: ``python -m journeykit.workshop.serving NOTEBOOK ...``.

Both servers of a room run :class:`RoomVoila`, standalone Voila with the
room's additions, each made where Voila offers a place for it:

* **plotly.js as a file.** The installed plotly package's folder is one of
  Voila's static folders, so ``voila/static/plotly.min.js`` is a file the
  browser fetches once and caches, as ``journeykit lab`` serves it; kernels
  never send it (:data:`~journeykit.lab.PLOTLY_URL_VARIABLE` tells the preview
  where it is, and a kernel that has it set refuses to send the script itself).
* **Who a page belongs to.** :class:`RoomPageHandler` serves the app page as
  Voila does, with the requesting browser's :class:`~.identity.Identity` set
  for the kernel manager to note as the kernel's owner; a device that already
  holds its share of kernels gets a short refusal page instead, before any
  kernel is taken (:class:`~.kernels.RoomKernelManager`).
  :class:`RoomShutdownHandler` shuts a kernel down for its owner only (Voila's
  own checks the login alone).
* **No unauthenticated channel.** Voila's ``/voila/query/<kernel id>``
  websocket (which hands a pre-heated kernel its page's query string, the join
  token included, to anyone who connects, and keeps every page's in memory)
  is not served: the room tells kernels whose page they serve through files
  (:mod:`.identity`).
* **A quiet log.** Requests refused for want of a login (a scanner, a wrong
  link) are counted and logged once a minute, not one line each, so nobody can
  grow the facilitator's log by knocking.
* **Logins that survive a reopened room.** The cookie secret is read from the
  room's run folder (the launcher keeps it with the links), so a browser keeps
  its identity, and its map, when the room is opened again with the same links.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

from jupyter_server import DEFAULT_STATIC_FILES_PATH
from jupyter_server.log import log_request
from tornado import web
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler

from ..lab import plotly_static_dir
from .auth import busy_page
from .identity import MAX_LINK_NAME, Identity
from .settings import COOKIE_SECRET, VARIABLES

#: Seconds between two log lines about refused requests.
REFUSED_LOG_SECONDS = 60.0


class RoomPageHandler(TornadoVoilaHandler):  # type: ignore[misc]  # Voila is untyped
    """Voila's app page, served with the requesting browser's identity (see the module)."""

    @web.authenticated
    async def get(self, path: str | None = None) -> None:
        user = self.current_user
        identity = Identity(
            getattr(user, "username", ""),
            self.request.remote_ip or "",
            self.get_argument("name", "")[:MAX_LINK_NAME],
        )
        rooms_kernels = self.kernel_manager  # a RoomKernelManager: config/voila.json says so
        if rooms_kernels.device_full(identity.address):
            self.set_status(429)
            self.set_header("Cache-Control", "no-store")
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(busy_page())
            return
        with rooms_kernels.page_request(identity):
            await super().get(path)


class RoomShutdownHandler(VoilaShutdownKernelHandler):  # type: ignore[misc]
    """Voila's unload beacon (a closed tab shuts its kernel down), for the kernel's owner only."""

    @web.authenticated
    async def post(self, kernel_id: str) -> None:
        if not self.authorizer.is_authorized(self, self.current_user, "write", "kernels"):
            raise web.HTTPError(403)
        await super().post(kernel_id)


class RoomVoila(Voila):  # type: ignore[misc]
    """Standalone Voila with the room's additions (see the module notes)."""

    def setup_template_dirs(self) -> None:
        super().setup_template_dirs()
        folder = plotly_static_dir()
        if folder is not None:
            self.static_paths.append(str(folder))

    def init_settings(self) -> dict[str, Any]:
        secret = _saved_cookie_secret()
        if secret:
            self.cookie_secret = secret
        settings = super().init_settings()
        settings["log_function"] = _RefusedRequests().log
        settings["cookie_secret"] = self.cookie_secret
        # Jupyter Server's error page (a refused websocket) links its favicon as a static file
        settings.setdefault("static_path", DEFAULT_STATIC_FILES_PATH)
        return settings

    def init_handlers(self) -> list[Any]:
        handlers = []
        for route in super().init_handlers():
            pattern, handler = route[0], route[1]
            if handler is RequestInfoSocketHandler:
                continue
            if handler is VoilaShutdownKernelHandler:
                route = (pattern.replace("(.*)", "(?P<kernel_id>[^/]+)"), RoomShutdownHandler)
            elif handler is TornadoVoilaHandler:
                route = (pattern, RoomPageHandler, *route[2:])
            handlers.append(route)
        return handlers

    def start(self) -> None:
        # Voila hands the query string of each page request to a pool kernel's waiting
        # channel, which the room does not serve; keeping them would only grow memory.
        RequestInfoSocketHandler.send_updates = classmethod(lambda cls, msg: None)
        logging.getLogger("tornado.general").addFilter(_skip_request_warnings)
        super().start()


def _saved_cookie_secret() -> bytes:
    run = os.environ.get(VARIABLES["run_dir"], "")
    if not run:
        return b""
    try:
        return (Path(run) / COOKIE_SECRET).read_bytes()
    except OSError:
        return b""


def _skip_request_warnings(record: logging.LogRecord) -> bool:
    """Drop tornado's second line about a refused request ("403 GET ...: reason")."""
    args = record.args if isinstance(record.args, tuple) else ()
    return not (record.msg == "%d %s: %s" and args and isinstance(args[0], int) and args[0] < 500)


class _RefusedRequests:
    """Jupyter Server's request log, with refused requests of no logged-in browser counted.

    A request that carried no valid login (no token, a wrong one, a scanner) and was
    redirected or refused adds to a count, logged once a minute; the rest is logged as
    Jupyter Server logs it.
    """

    def __init__(self) -> None:
        self.count = 0
        self.since = time.monotonic()

    def log(self, handler: web.RequestHandler) -> None:
        status = handler.get_status()
        if 300 <= status < 500 and getattr(handler, "_current_user", None) is None:
            self.count += 1
            now = time.monotonic()
            if now - self.since >= REFUSED_LOG_SECONDS:
                logging.getLogger("Voila").warning(
                    "Refused %d requests without the room's link in the last %.0f s",
                    self.count,
                    now - self.since,
                )
                self.count, self.since = 0, now
            return
        log_request(handler, record_prometheus_metrics=False)


main = RoomVoila.launch_instance

if __name__ == "__main__":  # pragma: no cover
    main()
