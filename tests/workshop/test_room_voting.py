"""The dot vote in a real room, in headless Chromium: the facilitator opens it on the
dashboard, three participants (two of them on phones) spend their dots, the dashboard and
Present count them, and no page has a control of the vote.

Pages may reach only the room (every other request is refused and recorded), so the vote
runs with the network cut. The rules themselves (dots, hostile messages, another
identity's ballot) are tested without a browser in ``test_voting.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import journeykit as jk
from journeykit.workshop.voting import current_vote, tally
from tests.conftest import describe, serious
from tests.workshop.room_session import RunningRoom, board_and_three, running_room

pytestmark = pytest.mark.browser

#: Two tables worked on paper and typed their maps in: the pain points voted on.
PAPER_MAPS = {
    "table-one": ["Delivery is too slow", "Hidden costs at checkout"],
    "table-two": ["delivery is too slow!", "No reply to emails"],
}
BALLOT = ".jk-ballot.jk-ballot-on .jk-ballot-box"
TALLY = ".jk-dash-vote .jk-vote-tally"


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningRoom]:
    with running_room(tmp_path_factory.mktemp("voting") / "rooms", "--preheat", "2") as running:
        for name, pains in PAPER_MAPS.items():
            paper = jk.JourneyMap.new("five-stage", title=name)
            paper.set_lane("Purchase", "pain_points", pains)
            paper.save(running.room_dir / f"{name}.json")
        yield running


def press(page: Any, kind: str, item: str, left: str) -> None:
    """Press + ("add") or − ("take") on *item*; wait until the kernel counted it (*left*)."""
    page.click(f"{BALLOT} li[data-item='{item}'] button.jk-ballot-{kind}")
    page.wait_for_selector(f"{BALLOT} .jk-ballot-left:has-text('{left}')", timeout=60_000)


def test_the_room_votes_and_the_dashboard_counts_it(
    chromium_browser: Any,
    room: RunningRoom,
    blocked: list[str],
    axe_audit: Any,
    test_output_dir: Any,
) -> None:
    board, pages = board_and_three(
        chromium_browser, room, blocked, ".jk-dash-vote button:has-text('Open vote')"
    )
    assert all(page.locator(BALLOT).count() == 0 for page in pages)  # no vote: no ballot
    # the room's link is well: its box under the ballot shows nothing, not even empty
    assert all(page.locator(".jk-room-link").is_hidden() for page in pages)

    # the facilitator: pain points, 3 dots each (the dashboard's defaults)
    board.wait_for_selector(".jk-dash-vote:has-text('No vote yet')")
    board.click(".jk-dash-vote button:has-text('Open vote')")
    board.wait_for_selector(f"{TALLY}[data-state='open']", timeout=60_000)
    vote = current_vote(room.room_dir)
    assert vote is not None and [item.text for item in vote.items] == [
        "Delivery is too slow",  # two wordings, one item
        "Hidden costs at checkout",
        "No reply to emails",
    ]
    for page in pages:
        page.wait_for_selector(f"{BALLOT} .jk-ballot-left:has-text('3 of 3 dots left')")
        assert (
            page.locator(f"{BALLOT} li.jk-ballot-item")
            .all_inner_texts()[0]
            .startswith("Delivery is too slow")
        )
    ana, ben, cy = pages
    press(ana, "add", "1", "2 of 3")
    press(ana, "add", "1", "1 of 3")  # two dots on one item
    press(ana, "add", "3", "0 of 3")
    assert ana.locator(f"{BALLOT} button.jk-ballot-add:disabled").count() == 3  # all spent
    press(ben, "add", "2", "2 of 3")
    press(ben, "add", "1", "1 of 3")
    press(ben, "take", "2", "2 of 3")  # taken back
    press(cy, "add", "1", "2 of 3")

    # the dashboard counts them, live: item 1 has 4 dots from 3 voters
    board.wait_for_selector(f"{TALLY}[data-ballots='3']", timeout=60_000)
    board.wait_for_selector(f"{TALLY} tr[data-item='1'][data-dots='4']", timeout=60_000)
    assert board.locator(f"{TALLY} .jk-vote-voted").inner_text() == "3 of 3 voted"
    found = serious(axe_audit(board, include=".jk-dash-vote"))
    assert not found, describe(found)
    counted = tally(room.room_dir, vote)
    assert [(item.id, dots, voters) for item, dots, voters in counted.rows()] == [
        ("1", 4, 3),
        ("3", 1, 1),
        ("2", 0, 0),
    ]

    # on a phone: the ballot fits 390 px, its buttons are big enough to tap, axe finds nothing
    phone = ben
    box = phone.locator(BALLOT).bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    for button in phone.locator(f"{BALLOT} button").all():
        size = button.bounding_box()
        assert size is not None and size["width"] >= 44 and size["height"] >= 44, size
    phone.locator(BALLOT).scroll_into_view_if_needed()
    phone.screenshot(path=test_output_dir / "ballot-phone.png")
    found = serious(axe_audit(phone, include=".jk-ballot"))
    assert not found, describe(found)
    # the participants' pages carry no control of the vote
    assert all(
        page.locator(".jk-dash-vote, .jk-vote-controls, button:has-text('Open vote')").count() == 0
        for page in pages
    )

    # the projector: the tally large, without the controls; then the vote closes
    board.click("button:has-text('Present')")
    board.wait_for_selector(".jk-dashboard.jk-present")
    assert board.locator(".jk-vote-controls").is_hidden()
    assert board.locator(".jk-vote-message").is_hidden()
    assert board.locator(TALLY).is_visible()
    board.locator(TALLY).scroll_into_view_if_needed()
    board.screenshot(path=test_output_dir / "vote-projector.png")
    board.click("button:has-text('Present')")  # back, to reach Close vote
    board.wait_for_selector(".jk-dashboard:not(.jk-present)")
    board.click(".jk-dash-vote button:has-text('Close vote')")
    board.wait_for_selector(f"{TALLY}[data-state='closed']", timeout=60_000)
    for page in pages:
        page.wait_for_selector(f"{BALLOT} .jk-ballot-left:has-text('The vote is closed')")
        assert page.locator(f"{BALLOT} button:enabled").count() == 0
    # once closed, a phone keeps only the lines the participant put dots on, above the map
    kept = ana.locator(f"{BALLOT} li:visible .jk-ballot-text").all_inner_texts()
    assert kept == ["Delivery is too slow", "No reply to emails"], kept
    assert ben.locator(f"{BALLOT} li:visible").count() == 1
    ben.screenshot(path=test_output_dir / "ballot-phone-closed.png")
    assert tally(room.room_dir, vote) == counted
    for page in [board, *pages]:
        page.context.close()
