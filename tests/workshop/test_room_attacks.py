"""A real room against scripts on the Wi-Fi that hold its join link.

One room (``journeykit workshop`` on 127.0.0.1, six places, two per device)
serves the module. Each script is a :class:`RoomClient` connecting from a loopback
address of its own (``127.0.0.2``, ``127.0.0.3``...), which the room counts as
another device; the facilitator's own computer (``127.0.0.1``) is never limited.

The guarantees, one test each: a kernel answers only the browser it belongs to;
a client that never reads cannot grow the server; plain page loads cannot fill
the room; one device cannot take every name; no traceback reaches a page; a
refused request adds no line to the log; the page links nothing off the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections.abc import Iterator
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

from tests.workshop.room_client import Model, RoomClient, message, run_apart
from tests.workshop.room_session import RunningRoom, running_room, wait_until

pytestmark = pytest.mark.browser

PLACES, PER_DEVICE = 6, 2


def address(n: int) -> str:
    """The loopback address of "device" *n* (2, 3, ...)."""
    return f"127.0.0.{n}"


def custom(model: Model, content: object) -> dict[str, object]:
    """A widget's custom message, as a page sends one (a click, the preview's requests)."""
    return message(
        "comm_msg", {"comm_id": model.comm_id, "data": {"method": "custom", "content": content}}
    )


def offsite_links(html: str) -> list[str]:
    """The addresses on other sites a page names (names of XML vocabularies, an SVG's xmlns
    and DTD, are not addresses a page loads)."""
    names = r"(xmlns(:\w+)?|rdf:resource)=\"[^\"]*\"|\"http://www\.w3\.org/[^\"]*\""
    return re.findall(r"https?://[^\s\"'<>)`]+", re.sub(names, "", html))


def name_box(client: RoomClient) -> Model | None:
    return client.find(
        lambda m: m.name == "TextModel" and m.state.get("placeholder") == "Your first name"
    )


def saved(client: RoomClient) -> Model | None:
    return client.find(lambda m: "jk-status" in m.classes and "Saved" in m.state.get("value", ""))


async def joined(url: str, name: str, device: int, cookie: str = "") -> RoomClient:
    """A participant who opened the link from *device*, typed *name* and got the editor."""
    client = RoomClient(url, cookie=cookie, address=address(device))
    await client.open()
    await client.update(await client.wait_for(name_box), value=name)
    await client.wait_for(saved)
    return client


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningRoom]:
    options = ["--max-participants", str(PLACES), "--per-device", str(PER_DEVICE)]
    with running_room(
        tmp_path_factory.mktemp("attacks") / "rooms", *options, "--preheat", "2"
    ) as running:
        yield running


def test_a_kernel_id_is_not_enough_to_reach_another_participants_kernel(
    room: RunningRoom,
) -> None:
    async def attack() -> tuple[RoomClient, list[int], str]:
        ana = await joined(room.join_url, "Ana", 2)
        ben = RoomClient(room.join_url, address=address(3))  # the link, a cookie of his own
        await ben.load()
        refused = []
        try:
            await ben.connect(kernel_id=ana.kernel_id)
        except Exception as error:
            refused.append(int(re.search(r"\d{3}", str(error))[0]))
        refused.append(await ben.shut_down_kernel(kernel_id=ana.kernel_id))
        api = f"{ana.origin}/api/kernels/{ana.kernel_id}?token={room.join_token}"
        for method in ("GET", "DELETE"):
            try:
                urlopen(Request(api, method=method), timeout=60)
                refused.append(200)
            except HTTPError as error:
                refused.append(error.code)
        await asyncio.sleep(2)
        status = ana.find(lambda m: "jk-status" in m.classes)
        await ana.close()
        return ana, refused, status.state["value"] if status else ""

    ana, refused, status = run_apart(attack())
    assert refused == [403, 403, 403, 403], refused
    assert room.kernel_process(ana.kernel_id).is_running()  # Ana's page still has its kernel
    assert "Saved" in status
    data = json.loads((room.room_dir / "ana.json").read_text("utf-8"))
    assert data["title"] == "Ana"


def test_a_client_that_never_reads_cannot_grow_the_server(room: RunningRoom) -> None:
    server = room.servers()[0]

    async def flood() -> tuple[int, float, str]:
        client = RoomClient(room.join_url, address=address(4))
        await client.open()
        plot = await client.wait_for(lambda c: c.find(lambda m: "plotly_url" in m.state))
        await client.wait_for(name_box)
        await asyncio.sleep(1)
        before = client.received_bytes
        await client.send(custom(plot, {"kind": "send-plotly"}))
        await asyncio.sleep(3)
        answered = client.received_bytes - before  # a few hundred bytes, not 4.8 MB
        client._reader.cancel()  # from now on nothing is read
        start = server.memory_info().rss
        for _ in range(40):
            await client.send(custom(plot, {"kind": "send-plotly"}))
        closing = f"Closing the websocket of kernel {client.kernel_id}"
        grown = 0.0
        for _ in range(15):  # each answer is about 0.3 MB of widget state: up to 180 MB asked
            for _ in range(40):
                await client.request_states()
            await asyncio.sleep(2)
            grown = max(grown, (server.memory_info().rss - start) / 2**20)
            if closing in room.participants_log():
                break
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and closing not in room.participants_log():
            await asyncio.sleep(1)
            grown = max(grown, (server.memory_info().rss - start) / 2**20)
        for _ in range(5):  # and after the close
            await asyncio.sleep(1)
            grown = max(grown, (server.memory_info().rss - start) / 2**20)
        await client.shut_down_kernel()
        return answered, grown, client.kernel_id

    answered, grown, kernel = run_apart(flood())
    assert answered < 100_000, "the kernel sent plotly.js over the socket"
    assert grown < 100, f"the participants' server grew {grown:.0f} MB"
    closing = f"Closing the websocket of kernel {kernel}"
    assert closing in room.participants_log(), "a socket whose client stopped reading stays open"


def test_a_page_asking_for_every_widget_gets_a_lean_answer(room: RunningRoom) -> None:
    """What a page loads before its prompt shows: ipywidgets itself sends about 1 MB for a
    participant's pre-built editor; forty of those at once kept a class waiting."""

    async def first_answer() -> int:
        client = RoomClient(room.join_url, address=address(10))
        await client.open()
        await client.wait_for(name_box)
        await asyncio.sleep(0.5)
        received = client.received_bytes
        await client.shut_down_kernel()
        return received

    received = run_apart(first_answer())
    assert received < 500_000, f"a page loading its widgets received {received} bytes"


def test_plotly_js_is_a_file_the_browser_caches(room: RunningRoom) -> None:
    base = room.join_url.split("/?", 1)[0]
    with urlopen(f"{base}/voila/static/plotly.min.js?v=1", timeout=60) as response:
        assert response.status == 200
        assert len(response.read()) > 1_000_000
        assert "max-age" in response.headers.get("Cache-Control", "")


def test_plain_page_loads_cannot_fill_the_room(room: RunningRoom) -> None:
    async def loads() -> tuple[list[int], list[int], list[str]]:
        script = [RoomClient(room.join_url, address=address(6)) for _ in range(12)]
        statuses = list(await asyncio.gather(*(client.load() for client in script)))
        here = [RoomClient(room.join_url) for _ in range(12)]  # this computer: no share
        here_statuses = list(await asyncio.gather(*(client.load() for client in here)))
        refusals = [c.page_html for c in [*script, *here] if c.status != 200]
        return statuses, here_statuses, refusals

    statuses, here_statuses, refusals = run_apart(loads())
    assert statuses.count(200) == PER_DEVICE and statuses.count(429) == 12 - PER_DEVICE
    assert set(here_statuses) <= {200, 503}  # served, or refused as full: never an error
    assert all(offsite_links(page) == [] for page in refusals)

    async def visitor() -> str:
        cy = await joined(room.join_url, "Cy", 7)
        await cy.shut_down_kernel()
        return cy.kernel_id

    wait_until(
        lambda: "never connected" in room.participants_log(), 90, "unconnected kernels freed"
    )
    assert run_apart(visitor())
    assert (room.room_dir / "cy.json").exists()


def test_one_device_takes_its_share_of_names_and_the_facilitator_frees_one(
    room: RunningRoom,
) -> None:
    async def script() -> tuple[list[str], str]:
        names = []
        for who in ("Dee", "Eve"):
            client = await joined(room.join_url, who, 8)
            names.append(client.kernel_id)
            await client.shut_down_kernel()
        third = RoomClient(room.join_url, address=address(8))
        await third.open()
        await third.update(await third.wait_for(name_box), value="Fay")
        problem = await third.wait_for(
            lambda c: c.find(lambda m: "already joined" in str(m.state.get("value", "")))
        )
        await third.shut_down_kernel()
        return names, problem.state["value"]

    names, problem = run_apart(script())
    assert len(names) == 2 and "Ask the facilitator" in problem
    assert not (room.room_dir / "fay.json").exists()

    async def free_and_join() -> RoomClient:
        board = RoomClient(room.dashboard_url)
        await board.open()
        choice = await board.wait_for(
            lambda c: c.find(lambda m: "jk-dash-free-choice" in m.classes)
        )
        button = board.find(lambda m: "jk-dash-free" in m.classes and m.name == "ButtonModel")
        await board.update(choice, index=choice.state["_options_labels"].index("dee"))
        await board.click(button)
        await board.wait_for(lambda c: not (room.room_dir / ".owners" / "dee").exists(), 60)
        await board.close()
        fay = await joined(room.join_url, "Fay", 8)
        await fay.shut_down_kernel()
        return fay

    run_apart(free_and_join())
    assert (room.room_dir / "fay.json").exists()
    assert not (room.room_dir / "dee.json").exists()  # blank: kept aside, not in the room
    assert list((room.room_dir / ".freed").glob("dee-*.json"))


def test_no_traceback_reaches_a_page(room: RunningRoom) -> None:
    async def poke() -> list[dict[str, object]]:
        client = RoomClient(room.join_url, address=address(5))
        await client.open()
        await client.wait_for(name_box)
        buttons = await client.wait_for(
            lambda c: [m for m in c.models.values() if m.name == "ButtonModel"]
        )
        for button in buttons[:3]:
            await client.send(custom(button, []))  # a click that is not a click
        await client.wait_for(lambda c: c.errors, 60)
        await asyncio.sleep(2)
        await client.shut_down_kernel()
        return client.errors

    errors = run_apart(poke())
    text = json.dumps(errors)
    assert errors and "site-packages" not in text and "Traceback" not in text
    assert all(not e.get("traceback") for e in errors)
    wait_until(lambda: "Traceback" in room.participants_log(), 30, "the traceback logged")


def test_refused_requests_add_no_line_each_to_the_log(room: RunningRoom) -> None:
    base = room.join_url.split("/?", 1)[0]
    before = len(room.participants_log())
    for n in range(50):
        for path in ("/", "/login", f"/?token=wrong{n}", "/api/kernels", "/voila/static/x.js"):
            with contextlib.suppress(HTTPError):
                urlopen(base + path, timeout=30).read()
    time.sleep(1)
    grown = room.participants_log()[before:]
    assert len(grown) < 1000, grown[:2000]


def test_the_page_names_no_other_site(room: RunningRoom) -> None:
    async def page() -> str:
        client = RoomClient(room.join_url, address=address(9))
        await client.load()
        await client.shut_down_kernel()
        return client.page_html

    html = run_apart(page())
    assert offsite_links(html) == []
    assert "cdnjs" not in html


def test_the_log_holds_neither_token(room: RunningRoom) -> None:
    base = room.join_url.split("/?", 1)[0]
    for path in ("/api/kernels", f"/api/kernels/{'0' * 8}-0000-0000-0000-{'0' * 12}"):
        with contextlib.suppress(HTTPError):  # refused: and written to the log
            urlopen(f"{base}{path}?token={room.join_token}", timeout=30).read()
    wait_until(lambda: "/api/kernels" in room.participants_log(), 30, "the requests logged")
    log = room.participants_log()
    assert room.join_token not in log and room.dashboard_token not in log
