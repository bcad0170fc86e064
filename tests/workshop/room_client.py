"""A participant without a browser: loads a room page and speaks the widget protocol.

Used by the room's tests (to send what a hostile page could send: an
``execute_request``, a forged browser id) and by ``benchmarks/workshop_load.py``
(thirty participants on a 2-core machine, where thirty Chromium pages would
measure Chromium instead of the room).

What a client does is what Voila's page does, minus drawing:

1. ``GET /?token=...`` makes Voila start a kernel (or hand out a pre-heated one)
   for this browser; the page's HTML names the kernel; the response sets the
   login cookie, which holds the browser's identity (a client made with the
   *cookie* of another comes back as that browser);
2. it opens the kernel's websocket (``/api/kernels/<id>/channels``) with that
   cookie and the page's binary protocol (``v1.kernel.websocket.jupyter.org``,
   which the server relays without parsing each message), asks for every
   widget's state at once over the widget manager's control channel
   (``request_states``, as ipywidgets 8 pages do), and from then on follows
   every ``comm_open`` and ``update`` the kernel sends;
3. it sets synced values (``update`` messages) as the page's JavaScript does when
   a participant types, and clicks buttons (``custom`` click events).

*address* makes the client connect from another loopback address
(``127.0.0.2``...), which the room counts as another device.

Everything runs on asyncio with tornado's HTTP and websocket clients (tornado
comes with Jupyter Server), so no other package is needed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.cookies import SimpleCookie
from typing import Any

from jupyter_server.services.kernels.connection.base import (
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

# A page's request lasts until its kernel has run the app; thirty at once must not queue.
AsyncHTTPClient.configure(None, max_clients=200)
#: The websocket protocol of JupyterLab's (and so Voila's) pages.
PAGE_PROTOCOL = "v1.kernel.websocket.jupyter.org"
_KERNEL_ID = re.compile(r'"kernelId"\s*:\s*"([0-9a-f-]{36})"')
_SESSION = uuid.uuid4().hex


def message(msg_type: str, content: dict[str, Any], channel: str = "shell") -> dict[str, Any]:
    """A Jupyter message as the page sends it over the kernel websocket."""
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "username": "",
            "session": _SESSION,
            "version": "5.3",
            "date": datetime.now(timezone.utc).isoformat(),
        },
        "parent_header": {},
        "metadata": {},
        "content": content,
        "channel": channel,
        "buffers": [],
    }


@dataclass
class Model:
    """One widget model as the kernel described it."""

    comm_id: str
    state: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.state.get("_model_name", ""))

    @property
    def classes(self) -> list[str]:
        return list(self.state.get("_dom_classes", []))


@dataclass
class RoomClient:
    """One simulated page of a room (see the module docstring).

    Attributes
    ----------
    models : dict
        Every widget model seen so far, by comm id.
    received : list of str
        The type of every message the kernel sent, in order.
    received_bytes : int
        How much came over the websocket (the editor's preview script is most of it).
    errors : list of dict
        The content of every ``error`` message and every ``stream`` text that came.
    """

    url: str
    cookie: str = ""
    address: str = ""
    models: dict[str, Model] = field(default_factory=dict)
    received: list[str] = field(default_factory=list)
    received_bytes: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    kernel_id: str = ""
    page_html: str = ""
    status: int = 0
    _socket: Any = None
    _reader: asyncio.Task[None] | None = None
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def origin(self) -> str:
        return self.url.split("/?", 1)[0]

    async def load(self, timeout: float = 180) -> int:
        """Load the page only (as a link preview or a script does); return the HTTP status."""
        response = await AsyncHTTPClient().fetch(
            HTTPRequest(
                self.url,
                request_timeout=timeout,
                follow_redirects=False,
                headers={"Cookie": self.cookie} if self.cookie else None,
                network_interface=self.address or None,
            ),
            raise_error=False,
        )
        self.status = response.code
        self.page_html = (response.body or b"").decode("utf-8", "replace")
        found = _KERNEL_ID.search(self.page_html)
        self.kernel_id = found[1] if found else ""
        jar = SimpleCookie()
        if self.cookie:
            jar.load(self.cookie)
        for header in response.headers.get_list("Set-Cookie"):
            jar.load(header)
        self.cookie = "; ".join(f"{key}={morsel.value}" for key, morsel in jar.items())
        return self.status

    async def open(self, timeout: float = 180) -> None:
        """Load the page (the kernel runs the app) and connect to the kernel's websocket."""
        await self.load(timeout)
        if not self.kernel_id:
            raise AssertionError(
                f"the page ({self.status}) names no kernel:\n{self.page_html[:500]}"
            )
        self._socket = await self.connect()
        self._reader = asyncio.ensure_future(self._read())
        await self.request_states()

    async def request_states(self) -> None:
        """Ask for every widget's state at once, as an ipywidgets 8 page does when it loads."""
        msg = message(
            "comm_open",
            {"comm_id": uuid.uuid4().hex, "target_name": "jupyter.widget.control", "data": {}},
        )
        msg["metadata"] = {"version": "1.0.0"}
        await self.send(msg)
        await self.send(
            message(
                "comm_msg",
                {"comm_id": msg["content"]["comm_id"], "data": {"method": "request_states"}},
            )
        )

    async def connect(self, cookie: str | None = None, kernel_id: str = "") -> Any:
        """A new websocket to this page's kernel, or *kernel_id*'s (with the page's cookie
        unless told)."""
        kernel = kernel_id or self.kernel_id
        ws_url = self.origin.replace("http://", "ws://") + f"/api/kernels/{kernel}/channels"
        request = HTTPRequest(
            ws_url,
            headers={"Cookie": self.cookie if cookie is None else cookie},
            request_timeout=60,
            network_interface=self.address or None,
        )
        return await websocket_connect(
            request, max_message_size=64 * 2**20, subprotocols=[PAGE_PROTOCOL]
        )

    async def send(self, msg: dict[str, Any]) -> None:
        packed = serialize_msg_to_ws_v1(
            msg, msg["channel"], pack=lambda part: json.dumps(part).encode()
        )
        await self._socket.write_message(packed, binary=True)

    async def _read(self) -> None:
        while True:
            raw = await self._socket.read_message()
            if raw is None:
                return
            self.received_bytes += len(raw)
            if not isinstance(raw, bytes):
                continue
            _, parts = deserialize_msg_from_ws_v1(raw)
            msg = {"header": json.loads(parts[0]), "content": json.loads(parts[3])}
            kind = msg["header"]["msg_type"]
            self.received.append(kind)
            content = msg.get("content", {})
            if kind in ("error", "stream"):
                self.errors.append(content)
            if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
                state = content.get("data", {}).get("state", {})
                self.models[content["comm_id"]] = Model(content["comm_id"], dict(state))
            elif kind == "comm_msg":
                data = content.get("data", {})
                if data.get("method") in ("update", "echo_update"):
                    model = self.models.setdefault(
                        content["comm_id"], Model(content["comm_id"], {})
                    )
                    model.state.update(data.get("state", {}))
                elif data.get("method") == "update_states":
                    for comm_id, described in data.get("states", {}).items():
                        state = {"_model_name": described.get("model_name", "")}
                        state.update(described.get("state", {}))
                        self.models.setdefault(comm_id, Model(comm_id, {})).state.update(state)
            self._changed.set()

    async def wait_for(self, found: Callable[[RoomClient], Any], timeout: float = 120) -> Any:
        """Wait until ``found(self)`` returns something true; return it."""
        deadline = time.monotonic() + timeout
        while True:
            result = found(self)
            if result:
                return result
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(
                    f"not found within {timeout} s; models: "
                    f"{sorted({m.name for m in self.models.values()})}"
                )
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), min(left, 1.0))
            except asyncio.TimeoutError:
                continue

    async def next_message(self, timeout: float) -> None:
        """Wait until the kernel sends anything more, or *timeout* seconds."""
        self._changed.clear()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._changed.wait(), timeout)

    # ----- finding and driving widgets ----------------------------------------------------
    def find(self, test: Callable[[Model], bool]) -> Model | None:
        return next((m for m in self.models.values() if test(m)), None)

    def child_of(self, css_class: str, model_name: str) -> Model | None:
        """The *model_name* widget inside the box with *css_class* (an editor field)."""
        box = self.find(lambda m: css_class in m.classes)
        if box is None:
            return None
        for child in _descendants(self, box):
            if child.name == model_name:
                return child
        return None

    async def update(self, model: Model, **state: Any) -> None:
        """Set synced values of *model*, as the page does when a participant types."""
        model.state.update(state)
        await self.send(
            message(
                "comm_msg",
                {
                    "comm_id": model.comm_id,
                    "data": {"method": "update", "state": state, "buffer_paths": []},
                },
            )
        )

    async def click(self, model: Model) -> None:
        await self.send(
            message(
                "comm_msg",
                {
                    "comm_id": model.comm_id,
                    "data": {"method": "custom", "content": {"event": "click"}},
                },
            )
        )

    async def close(self) -> None:
        """Close the websocket (what a lost connection looks like to the server)."""
        if self._reader is not None:
            self._reader.cancel()
        if self._socket is not None:
            self._socket.close()

    async def shut_down_kernel(self, kernel_id: str = "") -> int:
        """Shut this page's kernel (or *kernel_id*) down as closing the tab does (Voila's
        unload beacon)."""
        xsrf = next(
            (
                part.split("=", 1)[1]
                for part in self.cookie.split("; ")
                if part.startswith("_xsrf=")
            ),
            "",
        )
        response = await AsyncHTTPClient().fetch(
            HTTPRequest(
                f"{self.origin}/voila/api/shutdown/{kernel_id or self.kernel_id}",
                method="POST",
                body=f"_xsrf={xsrf}",
                headers={"Cookie": self.cookie},
                network_interface=self.address or None,
            ),
            raise_error=False,
        )
        if not kernel_id:
            await self.close()
        return response.code


def execute_request(code: str) -> dict[str, Any]:
    """An ``execute_request`` for *code*, what a page would send to run code."""
    return message(
        "execute_request",
        {
            "code": code,
            "silent": False,
            "store_history": False,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
    )


async def probe_execute(ws_url: str, cookie: str, code: str, seconds: float = 120) -> list[str]:
    """Send *code* to run and a ``kernel_info_request`` over a kernel websocket.

    It speaks the server's older JSON protocol, as a hand-written script would (the
    page and :class:`RoomClient` speak the binary one): a room must refuse both.

    Returns the type of every message that came back until two seconds after
    the ``kernel_info_reply`` (time enough for an ``execute_reply`` that must not come).
    """
    socket = await websocket_connect(
        HTTPRequest(ws_url, headers={"Cookie": cookie}, request_timeout=60)
    )
    await socket.write_message(json.dumps(execute_request(code)))
    await socket.write_message(json.dumps(message("kernel_info_request", {})))
    seen: list[str] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            raw = await asyncio.wait_for(socket.read_message(), 0.5)
        except asyncio.TimeoutError:
            continue
        if raw is None:
            break
        if isinstance(raw, str):
            seen.append(json.loads(raw)["header"]["msg_type"])
        if "kernel_info_reply" in seen:
            deadline = min(deadline, time.monotonic() + 2)
    socket.close()
    return seen


def run_apart(coroutine: Any) -> Any:
    """Run *coroutine* to its end on a loop of its own, in another thread.

    Playwright's synchronous API keeps an event loop running in the test's thread,
    where ``asyncio.run`` is not allowed.
    """
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _descendants(client: RoomClient, box: Model) -> list[Model]:
    out: list[Model] = []
    todo = list(box.state.get("children", []))
    while todo:
        ref = todo.pop(0)
        model = client.models.get(str(ref).removeprefix("IPY_MODEL_"))
        if model is not None:
            out.append(model)
            todo.extend(model.state.get("children", []))
    return out
