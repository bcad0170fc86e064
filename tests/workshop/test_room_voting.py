"""The dot vote in a real room, in headless Chromium: the facilitator opens it on the
dashboard, three participants (two of them on phones) spend their dots, the dashboard and
Present count them, and no page has a control of the vote. In a room run in teams, a vote
for one team reaches its members only (another team's phone shows a sentence, not the
list), and a vote for each team at once is counted team by team.

Pages may reach only the room (every other request is refused and recorded), so the vote
runs with the network cut. The rules themselves (dots, hostile messages, another
identity's ballot) are tested without a browser in ``test_voting.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import journeykit as jk
from journeykit.workshop.voting import current_round, current_vote, tally
from tests.conftest import describe, serious
from tests.workshop.room_session import (
    PHONE,
    RunningRoom,
    board_and_three,
    join_team,
    open_room_page,
    room_page,
    running_room,
)

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


# ----- a room run in teams ----------------------------------------------------------------
TEAM_PAINS = {
    "Red": ["Delivery is too slow", "Hidden costs at checkout"],
    "Blue": ["No reply to emails", "Sizes run small", "Parking is hard"],
}


@pytest.fixture(scope="module")
def team_room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningRoom]:
    folder = tmp_path_factory.mktemp("team-voting") / "rooms"
    with running_room(folder, "--teams", "Red,Blue", "--preheat", "2") as running:
        for team, pains in TEAM_PAINS.items():  # typed in before anyone joins
            path = running.room_dir / f"team-{team.lower()}.json"
            team_map = jk.load_map(path)
            team_map.set_lane("Purchase", "pain_points", pains)
            team_map.save(path)
        yield running


def test_a_teams_vote_reaches_its_members_only_and_each_team_is_counted_apart(
    chromium_browser: Any,
    team_room: RunningRoom,
    blocked: list[str],
    axe_audit: Any,
    test_output_dir: Any,
) -> None:
    room = team_room
    board = room_page(chromium_browser, room, blocked)
    board.goto(room.dashboard_url, wait_until="domcontentloaded")
    board.wait_for_selector(".jk-dash-vote .jk-vote-scope select", timeout=180_000)
    ana = room_page(chromium_browser, room, blocked)
    ben, cy = (room_page(chromium_browser, room, blocked, **PHONE) for _ in range(2))
    for page, name, team in ((ana, "Ana", "Red"), (ben, "Ben", "Red"), (cy, "Cy", "Blue")):
        open_room_page(page, room.join_url)
        join_team(page, name, team)

    # team Red only: Red's two members get Red's list, Blue's phone a sentence and no list
    board.select_option(".jk-dash-vote .jk-vote-scope select", label="Team Red only")
    board.click(".jk-dash-vote button:has-text('Open vote')")
    board.wait_for_selector(f"{TALLY}[data-team='Red'][data-state='open']", timeout=60_000)
    for page in (ana, ben):
        page.wait_for_selector(f"{BALLOT} .jk-ballot-left:has-text('3 of 3 dots left')")
        texts = page.locator(f"{BALLOT} .jk-ballot-text").all_inner_texts()
        assert sorted(texts) == sorted(TEAM_PAINS["Red"]), texts
    cy.wait_for_selector(f'{BALLOT} .jk-ballot-left:has-text("This vote is team Red\'s")')
    assert cy.locator(f"{BALLOT} li, {BALLOT} button").count() == 0
    assert not any(pain in cy.content() for pain in TEAM_PAINS["Red"])
    box = cy.locator(BALLOT).bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    cy.locator(BALLOT).scroll_into_view_if_needed()
    cy.screenshot(path=test_output_dir / "team-vote-other-team-phone.png")
    found = serious(axe_audit(cy, include=".jk-ballot"))
    assert not found, describe(found)
    press(ana, "add", "1", "2 of 3")
    press(ben, "add", "2", "2 of 3")
    board.wait_for_selector(f"{TALLY}[data-team='Red'][data-ballots='2']", timeout=60_000)
    assert board.locator(f"{TALLY} .jk-vote-voted").inner_text() == "2 of 2 voted"
    assert "team Red's pain points" in board.locator(f"{TALLY} .jk-vote-status").inner_text()

    # each team at once: Blue's phone now has Blue's list; two tallies, one per team
    board.select_option(".jk-dash-vote .jk-vote-scope select", label="Each team, on its own map")
    board.click(".jk-dash-vote button:has-text('Open vote')")
    board.wait_for_selector(f"{TALLY}[data-team='Blue'][data-state='open']", timeout=60_000)
    cy.wait_for_selector(f"{BALLOT} .jk-ballot-left:has-text('3 of 3 dots left')")
    texts = cy.locator(f"{BALLOT} .jk-ballot-text").all_inner_texts()
    assert sorted(texts) == sorted(TEAM_PAINS["Blue"]), texts
    ana.wait_for_selector(f"{BALLOT} .jk-ballot-left:has-text('3 of 3 dots left')")
    press(cy, "add", "3", "2 of 3")
    press(cy, "add", "3", "1 of 3")
    press(ana, "add", "2", "2 of 3")
    board.wait_for_selector(f"{TALLY}[data-team='Blue'][data-ballots='1']", timeout=60_000)
    board.wait_for_selector(f"{TALLY}[data-team='Red'][data-ballots='1']", timeout=60_000)
    blue = board.locator(f"{TALLY}[data-team='Blue']")
    assert blue.locator(".jk-vote-voted").inner_text() == "1 of 1 voted"
    assert blue.locator("tr[data-item='3']").get_attribute("data-dots") == "2"
    red_vote, blue_vote = current_round(room.room_dir)
    assert (red_vote.team, blue_vote.team) == ("Red", "Blue")
    assert tally(room.room_dir, blue_vote).dots == {"3": 2}
    assert tally(room.room_dir, red_vote).dots == {"2": 1}
    board.click("button:has-text('Present')")
    board.wait_for_selector(".jk-dashboard.jk-present")
    assert board.locator(".jk-vote-controls").is_hidden()
    assert board.locator(f"{TALLY}").count() == 2
    board.locator(TALLY).first.scroll_into_view_if_needed()
    board.screenshot(path=test_output_dir / "team-vote-projector.png")
    cy.locator(BALLOT).scroll_into_view_if_needed()
    cy.screenshot(path=test_output_dir / "team-vote-blue-phone.png")
    found = serious(axe_audit(board, include=".jk-dash-vote"))
    assert not found, describe(found)
    for page in (board, ana, ben, cy):
        page.context.close()
