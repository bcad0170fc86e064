"""The timed activity in a real room, in headless Chromium: the facilitator starts it on the
dashboard, every page (two of them phone-sized) shows the stage and counts down, time up
shows on the projector, and no page can change it.

Pages may reach only the room (every other request is refused and recorded), so the
countdown is shown with the network cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from journeykit.workshop.timer import activity_file, current_activity, start_activity
from tests.conftest import describe, serious
from tests.workshop.room_session import RunningRoom, board_and_three, running_room

pytestmark = pytest.mark.browser

BANNER = ".jk-timer .jk-timer-box"
LEFT = ".jk-timer [role='timer']"
SHOWN_BANNERS = """() => [...document.querySelectorAll('.jk-timer-box')]
  .filter(box => box.getClientRects().length > 0).map(box => box.outerHTML)"""


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningRoom]:
    with running_room(tmp_path_factory.mktemp("timer") / "rooms", "--preheat", "2") as running:
        yield running


def seconds_left(page: Any) -> int:
    minutes, seconds = re.match(r"(\d+):(\d\d) left", page.inner_text(LEFT)).groups()  # type: ignore[union-attr]
    return int(minutes) * 60 + int(seconds)


def test_the_timer_shows_on_every_page_and_time_up_on_the_projector(
    chromium_browser: Any,
    room: RunningRoom,
    blocked: list[str],
    axe_audit: Any,
    test_output_dir: Any,
) -> None:
    board, pages = board_and_three(
        chromium_browser, room, blocked, ".jk-dash-timer button:has-text('Start timer')"
    )
    shown = [page.evaluate(SHOWN_BANNERS) for page in pages]  # no activity yet: no banner
    assert shown == [[], [], []], shown

    # the facilitator: Consideration, 10 minutes
    board.select_option(".jk-dash-timer select", "Consideration")
    board.fill(".jk-dash-timer input[type='number']", "10")
    board.keyboard.press("Tab")
    board.click(".jk-dash-timer button:has-text('Start timer')")
    board.wait_for_selector(f"{LEFT}:has-text('left')", timeout=30_000)
    for page in [board, *pages]:
        page.wait_for_selector(f"{BANNER}:has-text('10 minutes: Consideration')", timeout=30_000)
        page.wait_for_selector(f"{LEFT}:has-text('left')", timeout=30_000)
        assert 570 <= seconds_left(page) <= 600
    phone = pages[1]
    first = seconds_left(phone)
    phone.wait_for_function(
        f's => /(\\d+):(\\d\\d)/.exec(document.querySelector("{LEFT}").textContent)'
        ".slice(1).reduce((m, x) => m * 60 + +x) < s",
        arg=first,
        timeout=10_000,
    )  # it counts down in the page
    box = phone.locator(BANNER).bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    phone.screenshot(path=test_output_dir / "timer-phone.png")
    found = serious(axe_audit(phone, include=".jk-timer"))
    assert not found, describe(found)
    # the participants' pages carry no control of the timer
    assert all(
        page.locator(".jk-dash-timer, button:has-text('timer')").count() == 0 for page in pages
    )

    # time up, on the projector: a 3-second activity, present mode
    board.click("button:has-text('Present')")
    board.wait_for_selector(".jk-dashboard.jk-present")
    start_activity(room.room_dir, "five-stage", "Purchase", 0.05)  # as the Start button does
    for page in [board, *pages]:
        page.wait_for_selector(f"{BANNER}:has-text('Purchase')", timeout=30_000)
        page.wait_for_selector(f"{LEFT}:has-text('Time is up')", timeout=30_000)
    assert board.locator(".jk-timer-controls").is_hidden()  # the projector shows the banner only
    size = board.evaluate(
        f'parseFloat(getComputedStyle(document.querySelector("{LEFT}")).fontSize)'
    )
    assert size >= 40, f"time up in {size} px on the projector"
    board.screenshot(path=test_output_dir / "timer-time-up-projector.png")
    assert current_activity(room.room_dir) is not None
    assert activity_file(room.room_dir).parent.name.startswith(".")  # not a participant's map
    for page in [board, *pages]:
        page.context.close()
