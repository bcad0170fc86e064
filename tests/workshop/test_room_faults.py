"""What goes wrong in a real room, and what the folder holds afterwards.

The room runs with ``JOURNEYKIT_ROOM_SAVE_DELAY=60``: an edit waits a minute
for its autosave, so an edit found in the file afterwards was written by the
flush under test (a closed tab, a culled kernel, Ctrl+C, *Close room*), not by
the timer. That an edit reached the kernel is seen in the page's live
preview, which the kernel redraws at once.

In order: a corrupt file in the folder (the room opens, the dashboard lists it
as skipped); a closed tab and a lost connection (saved); a kernel killed
mid-edit (the page says "Reload to continue" at once and stops saying "Saved",
the saved map is intact, and after the reload what was typed, before and after
the kill, reaches the file); the participants' server killed (the page says so;
what was typed comes back when the room is opened again and the page
reloaded); Ctrl+C with edits waiting (all saved); the room opened again (same
links, same maps) and closed from the dashboard with an edit waiting (saved).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import journeykit as jk
from tests.workshop.room_session import (
    EDITOR_SHOWN,
    TOUCHPOINTS,
    RunningRoom,
    free_ports,
    join,
    kernel_id,
    open_room_page,
    room_page,
    running_room,
    touchpoints,
    type_touchpoint,
    wait_for_map,
    wait_for_preview,
    wait_until,
)

pytestmark = pytest.mark.browser

WAITING = {"JOURNEYKIT_ROOM_SAVE_DELAY": "60"}
IDLE_SECONDS = 8
STATUS = ".jk-editor .jk-status"


def wait_for_status(page: Any, text: str, seconds: float = 30) -> None:
    """Wait until the editor's status line says *text* (the page tells the truth by itself)."""
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.innerText.includes(text)",
        arg=[STATUS, text],
        timeout=seconds * 1000,
    )


BROKEN = '{\n  "framework": "five-stage",\n  "stages": [\n'  # cut off mid-write


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rooms = tmp_path_factory.mktemp("faults") / "rooms"
    (rooms / "faults").mkdir(parents=True)
    (rooms / "faults" / "broken.json").write_text(BROKEN, encoding="utf-8")
    return rooms


@pytest.fixture(scope="module")
def room(folder: Path) -> Iterator[RunningRoom]:
    with running_room(
        folder, "--idle-timeout", str(IDLE_SECONDS), "--preheat", "0", name="Faults", env=WAITING
    ) as running:
        yield running


@pytest.fixture(scope="module")
def dana(chromium_browser: Any, room: RunningRoom) -> Iterator[tuple[Any, list[str]]]:
    """Dana's device (its pages share the room id in localStorage) and what it tried to fetch."""
    blocked: list[str] = []
    context = room_page(chromium_browser, room, blocked).context
    yield context, blocked
    context.close()
    assert blocked == []


def new_tab(context: Any, url: str) -> Any:
    page = (
        context.pages[0]
        if context.pages and context.pages[0].url == "about:blank"
        else context.new_page()
    )
    page.set_default_timeout(180_000)
    open_room_page(page, url)
    return page


def edit_waiting(
    page: Any, room: RunningRoom, stem: str, word: str, shown: str | None = None
) -> None:
    """Type *word*; wait until the kernel has it (the preview shows it, or *shown*: a cell
    lists five items and counts the rest) but the file does not."""
    type_touchpoint(page, ("\n" if page.input_value(TOUCHPOINTS) else "") + word)
    wait_for_preview(page, shown or word)
    assert word not in touchpoints(json.loads((room.room_dir / f"{stem}.json").read_text()))


def test_a_corrupt_map_is_listed_as_skipped_and_left_alone(
    chromium_browser: Any, room: RunningRoom
) -> None:
    blocked: list[str] = []
    board = room_page(chromium_browser, room, blocked)
    board.goto(room.dashboard_url, wait_until="domcontentloaded")
    board.wait_for_selector(".jk-dash-skipped li[data-skipped='broken.json']")
    assert "not valid JSON" in board.inner_text(".jk-dash-skipped")
    assert (room.room_dir / "broken.json").read_text(encoding="utf-8") == BROKEN
    board.context.close()
    assert blocked == []


def test_closing_the_tab_saves_the_waiting_edit(room: RunningRoom, dana: Any) -> None:
    context, _ = dana
    page = new_tab(context, room.join_url)
    join(page, "Dana")
    edit_waiting(page, room, "dana", "Kiosk")
    page.close(run_before_unload=True)
    wait_for_map(room.room_dir / "dana.json", lambda d: touchpoints(d) == ["Kiosk"])


def test_a_lost_connection_is_culled_and_saved(room: RunningRoom, dana: Any) -> None:
    context, _ = dana
    page = new_tab(context, room.join_url)
    page.wait_for_selector(EDITOR_SHOWN)
    edit_waiting(page, room, "dana", "Radio")
    kernel = kernel_id(page)
    page.close(run_before_unload=False)  # no unload beacon: the Wi-Fi dropped
    wait_until(
        lambda: f"Kernel shutdown: {kernel}" in room.participants_log(),
        IDLE_SECONDS + 120,
        "the idle kernel being culled",
    )
    wait_for_map(room.room_dir / "dana.json", lambda d: touchpoints(d) == ["Kiosk", "Radio"])


def test_a_kernel_killed_mid_edit_is_said_at_once_and_nothing_typed_is_lost(
    room: RunningRoom, dana: Any
) -> None:
    context, _ = dana
    page = new_tab(context, room.join_url)
    page.wait_for_selector(EDITOR_SHOWN)
    edit_waiting(page, room, "dana", "Lost")  # the kernel has it, the file not yet
    room.kernel_process(kernel_id(page)).kill()
    wait_for_status(page, "Reload to continue")
    assert "Saved" not in page.inner_text(STATUS)
    page.wait_for_selector(".jk-room-link:has-text('has ended') button.jk-room-reload")
    type_touchpoint(page, "\nAfter")  # typed into a page whose kernel is gone
    saved = jk.load_map(room.room_dir / "dana.json")  # still a whole, valid map
    assert saved.stage("Awareness").touchpoints == ["Kiosk", "Radio"]
    page.close()
    again = new_tab(context, room.join_url)
    again.wait_for_selector(EDITOR_SHOWN)
    assert "Welcome back" in again.inner_text(".jk-room-who")
    wait_for_map(
        room.room_dir / "dana.json",
        lambda d: touchpoints(d) == ["Kiosk", "Radio", "Lost", "After"],
    )
    wait_for_status(again, "Brought back")
    again.close(run_before_unload=True)


def test_a_stopped_server_is_said_and_what_was_typed_comes_back_with_the_room(
    chromium_browser: Any, tmp_path: Path
) -> None:
    # the editor's own save delay: "Before" is saved as in any room, "During" cannot be
    # (a blank map's name slot is given back when the room opens again, so it must hold
    # something for the participant to be welcomed back)
    folder, ports = tmp_path / "rooms", (free_ports(2)[0], free_ports(2)[1])
    blocked: list[str] = []
    with running_room(folder, "--preheat", "0", name="Outage", ports=ports) as room:
        page = room_page(chromium_browser, room, blocked)
        open_room_page(page, room.join_url)
        join(page, "Gil")
        type_touchpoint(page, "Before")
        wait_for_map(room.room_dir / "gil.json", lambda d: touchpoints(d) == ["Before"])
        room.servers()[0].kill()  # the participants' server is gone, as in a crash
        wait_for_status(page, "Not saved")
        page.wait_for_selector(".jk-room-link:has-text('not answering') button.jk-room-reload")
        assert "Reload this page once the room is open again" in page.inner_text(".jk-room-link")
        type_touchpoint(page, "\nDuring")
        assert "Saved" not in page.inner_text(STATUS)
        room.process.wait(120)  # the launcher closes what is left of the room
    assert touchpoints(json.loads((room.room_dir / "gil.json").read_text())) == ["Before"]
    with running_room(folder, "--preheat", "0", name="Outage", ports=ports) as again:
        open_room_page(page, again.join_url)  # the participant reloads the page
        page.wait_for_selector(EDITOR_SHOWN)
        assert "Welcome back" in page.inner_text(".jk-room-who")
        wait_for_map(again.room_dir / "gil.json", lambda d: touchpoints(d) == ["Before", "During"])
        wait_for_status(page, "Brought back")
    page.context.close()
    assert blocked == []


def test_ctrl_c_saves_every_waiting_edit(
    chromium_browser: Any, room: RunningRoom, dana: Any
) -> None:
    context, _ = dana
    page = new_tab(context, room.join_url)
    page.wait_for_selector(EDITOR_SHOWN)
    edit_waiting(page, room, "dana", "Poster")
    blocked: list[str] = []
    eli = room_page(chromium_browser, room, blocked)
    open_room_page(eli, room.join_url)
    join(eli, "Eli")
    edit_waiting(eli, room, "eli", "Banner")
    kernels = room.kernels()
    seconds = room.stop()
    assert room.process.returncode == 0 and seconds < 90
    assert touchpoints(json.loads((room.room_dir / "dana.json").read_text())) == [
        "Kiosk",
        "Radio",
        "Lost",
        "After",
        "Poster",
    ]
    assert touchpoints(json.loads((room.room_dir / "eli.json").read_text())) == ["Banner"]
    assert not [k for k in kernels if k.is_running() and k.status() != "zombie"]
    assert "Room closed. 2 maps" in "".join(room.output)  # broken.json is not a map
    page.close()
    eli.context.close()
    assert blocked == []


def test_the_room_opens_again_and_closes_from_the_dashboard(
    chromium_browser: Any, room: RunningRoom, folder: Path, dana: Any
) -> None:
    context, _ = dana
    ports = (room.port, int(room.dashboard_url.split(":")[2].split("/")[0]))
    with running_room(folder, "--preheat", "0", name="Faults", env=WAITING, ports=ports) as again:
        assert (again.join_url, again.dashboard_url) == (room.join_url, room.dashboard_url)
        page = new_tab(context, again.join_url)
        page.wait_for_selector(EDITOR_SHOWN)
        assert "Welcome back" in page.inner_text(".jk-room-who")
        edit_waiting(page, again, "dana", "Leaflet", shown="+ 1 more")  # the sixth item
        blocked: list[str] = []
        board = room_page(chromium_browser, again, blocked)
        board.goto(again.dashboard_url, wait_until="domcontentloaded")
        board.wait_for_selector("tr[data-participant='eli']")
        board.click("button:has-text('Close room')")
        board.click("button:has-text('Click again to close')")
        page.wait_for_selector(".jk-room :text('closed the room')")
        again.process.wait(120)
        assert "closed from the dashboard" in "".join(again.output)
        board.context.close()
        page.close()
    assert touchpoints(json.loads((folder / "faults" / "dana.json").read_text())) == [
        "Kiosk",
        "Radio",
        "Lost",
        "After",
        "Poster",
        "Leaflet",
    ]
