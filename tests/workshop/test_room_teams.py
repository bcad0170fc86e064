"""Team maps in a real room (``journeykit workshop --teams "Red,Blue"``), in headless Chromium
and from a script holding the link.

Three members of team Red join from their own devices (two of them 390 px phones) and
type into the team's map at the same time: every item ends up in ``team-red.json`` and on
every teammate's page without a reload, and the dashboard lists them under the team's map
(a phone's page is kept in ``test-output/``). A scripted page of team Blue then forges
what a page sends (another team, a team the room does not have, a switch after joining)
and never reaches Red's map.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.workshop.room_client import Model, RoomClient, run_apart
from tests.workshop.room_session import (
    PHONE,
    TOUCHPOINTS,
    RunningRoom,
    join_team,
    open_room_page,
    room_page,
    running_room,
    touchpoints,
    type_touchpoint,
    wait_for_map,
    wait_for_preview,
)

pytestmark = pytest.mark.browser

ITEMS = {"Ana": "Shop window", "Ben": "Radio advert", "Cy": "Friend's post"}


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningRoom]:
    folder = tmp_path_factory.mktemp("teams") / "rooms"
    with running_room(folder, "--teams", "Red,Blue", "--preheat", "2") as running:
        yield running


def test_everyones_typing_ends_up_in_the_team_map_and_on_every_page(
    chromium_browser: Any, room: RunningRoom, blocked: list[str], test_output_dir: Path
) -> None:
    assert (room.room_dir / "team-red.json").exists() and (
        room.room_dir / "team-blue.json"
    ).exists()
    pages = [room_page(chromium_browser, room, blocked)]
    pages += [room_page(chromium_browser, room, blocked, **PHONE) for _ in range(2)]
    for page, name in zip(pages, ITEMS, strict=True):
        open_room_page(page, room.join_url)
        join_team(page, name, "Red")
        page.wait_for_selector(".jk-room-who:has-text('You are in team Red')")
    for page, item in zip(pages, ITEMS.values(), strict=True):  # one after another, no waiting
        type_touchpoint(page, "\n" + item if page is not pages[0] else item)
        page.keyboard.press("Tab")  # the box syncs when it loses focus, as on a phone
    saved = wait_for_map(
        room.room_dir / "team-red.json",
        lambda data: set(ITEMS.values()) <= set(touchpoints(data)),
        seconds=120,
    )
    assert saved["title"] == "Red"
    for page in pages:  # each teammate's page shows every item without a reload
        for item in ITEMS.values():
            wait_for_preview(page, item)
    for page in pages:
        assert page.viewport_size is not None
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.viewport_size["width"] + 1, "the page scrolls sideways"
    phone = pages[1]
    phone.locator(".jk-room-who").scroll_into_view_if_needed()
    phone.screenshot(path=test_output_dir / "team-map-phone-top.png")
    phone.locator(TOUCHPOINTS).scroll_into_view_if_needed()
    phone.screenshot(path=test_output_dir / "team-map-phone.png")
    # the dashboard lists the team map's members under its name
    board = room_page(chromium_browser, room, blocked)
    board.goto(room.dashboard_url, wait_until="domcontentloaded")
    board.wait_for_selector(".jk-dash-members:has-text('ana, ben, cy')")
    board.wait_for_selector(".jk-dash-members:has-text('no members yet')")  # team Blue
    for page in [*pages, board]:
        page.context.close()
    blue = (room.room_dir / "team-blue.json").read_text("utf-8")
    assert not any(item in blue for item in ITEMS.values())


def test_a_forged_team_never_reaches_another_teams_map(room: RunningRoom) -> None:
    red_before = (room.room_dir / "team-red.json").read_bytes()

    async def forge() -> list[str]:
        client = RoomClient(room.join_url, address="127.0.0.5")
        await client.open()
        try:
            picker: Model = await client.wait_for(
                lambda c: c.find(lambda m: "jk-room-team" in m.classes)
            )
            name = await client.wait_for(lambda c: c.find(lambda m: "jk-room-name" in m.classes))
            for forged in ({"index": 7}, {"index": -1}, {"index": "team-red"}, {"value": "Red"}):
                await client.update(picker, **forged)  # the kernel refuses each (not an option)
            await client.update(name, value="Dee")  # no team chosen: refused, nothing made
            await client.wait_for(lambda c: c.find(lambda m: "Choose your team" in str(m.state)))
            await client.update(picker, index=1)  # Blue, as the page's own list offers
            await client.wait_for(lambda c: c.find(lambda m: "jk-room-who" in m.classes))
            for forged in ({"index": 0}, {"index": None}):  # a switch to Red after joining
                await client.update(picker, **forged)
            await client.update(name, value="Dee again")
            await client.next_message(3)
            return [str(m.state.get("value", "")) for m in client.models.values()]
        finally:
            await client.close()

    shown = run_apart(asyncio.wait_for(forge(), 300))
    assert any("You are in team Blue" in text for text in shown)
    assert not any(item in text for text in shown for item in ITEMS.values())
    assert (room.room_dir / "team-red.json").read_bytes() == red_before
    assert sorted(p.name for p in room.room_dir.glob("*.json")) == [
        "team-blue.json",
        "team-red.json",
    ]
