"""A real room, probed as someone on the Wi-Fi would: links, files, the kernel's websocket.

One room (``journeykit workshop`` on 127.0.0.1) serves every test of this
module. Without its token a server answers with a short refusal page and
nothing else; each server refuses the other's token; no route lists or reads
files; the dashboard's token reaches nothing on the participants' side; and
an ``execute_request`` sent over a participant's kernel websocket, from the
page itself or from a script holding the link, never runs.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.request import HTTPRedirectHandler, Request, build_opener

import pytest

from journeykit.workshop.servers import PARTICIPANT_APP
from tests.workshop.room_client import RoomClient, execute_request, message, run_apart
from tests.workshop.room_session import (
    RunningRoom,
    join,
    kernel_id,
    open_room_page,
    room_page,
    running_room,
    wait_until,
)

pytestmark = pytest.mark.browser

#: Routes of Jupyter Server and Voila that list or serve files or kernels.
PROBED_ROUTES = [
    "/api/kernels",
    "/api/contents",
    "/api/contents/bakery-class",
    "/api/sessions",
    "/api/terminals",
    "/tree",
    "/lab",
    "/files/participant.ipynb",
    "/voila/tree",
    "/voila/api/contents",
    "/voila/render/participant.ipynb",
    "/voila/render/dashboard.ipynb",
    "/voila/files/participant.ipynb",
    "/voila/files/../../../rooms/bakery-class/ana.json",
    "/notebooks/x.ipynb",
    f"/api/kernels/{uuid.uuid4()}",
    "/api/kernelspecs",
    "/api/config/x",
]


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def fetch(url: str, method: str = "GET") -> tuple[int, str, str]:
    """Status, ``Location`` header and body of one request (redirects not followed)."""
    request = Request(url, method=method, data=b"" if method == "POST" else None)
    try:
        with build_opener(_NoRedirect).open(request, timeout=60) as response:
            return (
                response.status,
                response.headers.get("Location", ""),
                response.read().decode("utf-8", "replace"),
            )
    except HTTPError as error:
        return (
            error.code,
            error.headers.get("Location", ""),
            error.read().decode("utf-8", "replace"),
        )


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningRoom]:
    with running_room(tmp_path_factory.mktemp("security") / "rooms", "--preheat", "0") as running:
        yield running


@pytest.fixture(scope="module")
def ana(chromium_browser: Any, room: RunningRoom) -> Iterator[tuple[Any, list[str]]]:
    """Ana's page, joined, and the requests it tried to send off the machine."""
    blocked: list[str] = []
    page = room_page(chromium_browser, room, blocked)
    open_room_page(page, room.join_url)
    join(page, "Ana")
    yield page, blocked
    page.context.close()


def test_without_the_token_there_is_only_a_refusal_page(room: RunningRoom) -> None:
    for origin in (room.join_url, room.dashboard_url):
        base = origin.split("/?", 1)[0]
        status, where, _ = fetch(base + "/")
        assert status == 302 and where.startswith("/login")
        status, _, body = fetch(base + where)
        assert status == 403 and "does not open this room" in body
        assert "password" not in body.lower() and "<form" not in body.lower()
        assert len(body) < 1000


def test_each_server_refuses_the_other_servers_token(room: RunningRoom) -> None:
    participants = room.join_url.split("/?", 1)[0]
    dashboard = room.dashboard_url.split("/?", 1)[0]
    status, where, _ = fetch(f"{participants}/?token={room.dashboard_token}")
    assert status == 302 and where.startswith("/login")
    status, where, _ = fetch(f"{dashboard}/?token={room.join_token}")
    assert status == 302 and where.startswith("/login")


@pytest.mark.parametrize("token", ["", "join"])
def test_no_route_lists_or_serves_files_or_kernels(room: RunningRoom, ana: Any, token: str) -> None:
    base = room.join_url.split("/?", 1)[0]
    query = f"?token={room.join_token}" if token else ""
    for route in PROBED_ROUTES:
        status, _, body = fetch(base + route + query)
        assert status in (302, 403, 404, 405), (route, status)
        assert "Shop window" not in body and '"kernels"' not in body and '"content"' not in body


def test_voila_files_serves_no_image_from_the_app_folder(room: RunningRoom) -> None:
    # Voila's own default would serve *.png/*.jpg/*.gif/*.svg below the app folder to anyone,
    # with or without a token; the room's settings allow no file at all.
    probe = PARTICIPANT_APP.parent / f"probe-{uuid.uuid4().hex}.png"
    probe.write_bytes(b"\x89PNG\r\n\x1a\n")
    try:
        base = room.join_url.split("/?", 1)[0]
        assert fetch(f"{base}/voila/files/{probe.name}")[0] == 403
        assert fetch(f"{base}/voila/files/{probe.name}?token={room.join_token}")[0] == 403
    finally:
        probe.unlink()


def test_the_dashboard_token_never_reaches_the_participants_side(
    room: RunningRoom, ana: Any
) -> None:
    page, _ = ana
    assert room.dashboard_token not in page.content()
    assert room.join_token not in page.content()  # the login cookie carries it, not the page
    participants = room.servers()[0]
    for process in [participants, *room.kernels()]:
        seen = " ".join(process.cmdline()) + " ".join(process.environ().values())
        assert room.dashboard_token not in seen, process.cmdline()


def test_an_execute_request_from_the_page_is_not_run(
    room: RunningRoom, ana: Any, tmp_path: Path
) -> None:
    page, _ = ana
    marker = tmp_path / "page-ran-code.txt"
    seen = page.evaluate(PAGE_PROBE, [kernel_id(page), str(marker)])
    assert "kernel_info_reply" in seen and "execute_reply" not in seen and "stream" not in seen
    assert not marker.exists()


def test_an_execute_request_from_a_script_with_the_link_is_not_run(
    room: RunningRoom, tmp_path: Path
) -> None:
    marker = tmp_path / "script-ran-code.txt"

    async def probe() -> list[str]:
        client = RoomClient(room.join_url)
        await client.open()
        await client.send(execute_request(f"open({str(marker)!r}, 'w').write('ran')"))
        await client.send(message("kernel_info_request", {}))
        await client.wait_for(lambda c: "kernel_info_reply" in c.received)
        await asyncio.sleep(2)  # room for an execute_reply that must not come
        with pytest.raises(Exception, match="403"):
            await client.connect(cookie="")  # and no websocket at all without the login
        await client.shut_down_kernel()
        return client.received

    received = run_apart(probe())
    assert "execute_reply" not in received and "execute_input" not in received
    assert not marker.exists()
    wait_until(
        lambda: "execute_request" in room.participants_log(),
        30,
        "the server logging the refused execute_request",
    )
    assert "not allowed" in room.participants_log()


def test_a_page_that_closes_shuts_its_kernel_down(room: RunningRoom, chromium_browser: Any) -> None:
    # Voila's unload beacon needs the _xsrf cookie, which nothing sets when a token is used
    # (voila#1458); the room's login sets it, so a closed tab frees its kernel at once.
    blocked: list[str] = []
    page = room_page(chromium_browser, room, blocked)
    open_room_page(page, room.join_url)
    kernel = kernel_id(page)
    assert "_xsrf" in {cookie["name"] for cookie in page.context.cookies()}
    page.close(run_before_unload=True)
    wait_until(
        lambda: f"Kernel shutdown: {kernel}" in room.participants_log(),
        60,
        "the closed page's kernel shutting down",
    )
    assert f"403 POST /voila/api/shutdown/{kernel}" not in room.participants_log()
    page.context.close()


def test_the_pages_fetch_nothing_from_the_internet(ana: Any) -> None:
    page, blocked = ana
    page.wait_for_timeout(500)
    assert blocked == []
    loaded = page.evaluate("""async () => {
        document.body.insertAdjacentHTML('beforeend', '<i class="fa fa-download"></i>');
        const faces = await document.fonts.load('900 16px "Font Awesome 5 Free"', '\\uf019');
        return faces.map(f => f.status);
    }""")
    assert loaded and set(loaded) == {"loaded"}, "Font Awesome comes from Voila's own bundle"
    assert blocked == []


PAGE_PROBE = """async ([kernelId, marker]) => {
  const url = location.origin.replace('http', 'ws') + '/api/kernels/' + kernelId + '/channels';
  const ws = new WebSocket(url);
  const seen = [];
  await new Promise((ok, bad) => { ws.onopen = ok; ws.onerror = bad; });
  ws.onmessage = (e) => {
    if (typeof e.data === 'string') seen.push(JSON.parse(e.data).header.msg_type);
  };
  const send = (type, content) => ws.send(JSON.stringify({header: {msg_id: String(Math.random()),
      msg_type: type, username: '', session: 'probe', version: '5.3',
      date: new Date().toISOString()}, parent_header: {}, metadata: {}, content,
      channel: 'shell', buffers: []}));
  send('execute_request', {code: "open('" + marker + "', 'w').write('ran')", silent: false,
       store_history: false, user_expressions: {}, allow_stdin: false, stop_on_error: true});
  send('kernel_info_request', {});
  const until = Date.now() + 60000;
  while (!seen.includes('kernel_info_reply') && Date.now() < until) {
    await new Promise(r => setTimeout(r, 100));
  }
  await new Promise(r => setTimeout(r, 2000));
  ws.close();
  return seen;
}"""
