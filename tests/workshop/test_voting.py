"""The room's dot vote without a browser: who opens it, what a ballot holds, who cannot cheat.

The browser side (three pages, two of them phones, votes adding up on the dashboard)
is in ``test_room_voting.py``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.workshop.dashboard import Dashboard
from journeykit.workshop.identity import Identity
from journeykit.workshop.names import free_claim
from journeykit.workshop.participant import ParticipantPage
from journeykit.workshop.settings import RoomSettings
from journeykit.workshop.timer import activity_file, start_activity
from journeykit.workshop.voting import (
    MAX_DOTS,
    ballot,
    ballot_file,
    cast,
    close_vote,
    current_vote,
    open_vote,
    tally,
    vote_file,
)

PAINS = {
    "dee": ["Delivery is too slow", "Hidden costs at checkout"],
    "eli": ["delivery is too slow!", "Sizes run small"],
    "fay": ["Delivry is to slow", "hidden cost at checkout"],
}


@pytest.fixture
def room(tmp_path: Path) -> Path:
    """A room folder holding three maps with near-identical pain points."""
    folder = tmp_path / "rooms" / "bakery-class"
    folder.mkdir(parents=True)
    for name, pains in PAINS.items():
        journey_map = jk.JourneyMap.new("five-stage", title=name)
        journey_map.set_lane("Purchase", "pain_points", pains)
        journey_map.save(folder / f"{name}.json")
    return folder


def joined(settings: RoomSettings, name: str, user: str) -> ParticipantPage:
    page = ParticipantPage(settings, warm=False)
    page.identify(Identity(user))  # as the server tells the kernel
    page.join(name)
    return page


def press(page: ParticipantPage, kind: str, item: str, vote: object = None) -> None:
    """What the page's + and − buttons send over the ballot's comm."""
    card = page.ballot
    card._answer(card, {kind: item, "vote": card.vote_id if vote is None else vote}, [])


def test_participants_spend_their_dots_and_the_dashboard_counts_them(room: Path) -> None:
    settings = RoomSettings(room, "Bakery class")
    board = Dashboard(settings)
    ana, ben, cy = (joined(settings, n, c * 32) for n, c in zip("ABC", "abc", strict=True))
    assert ana.ballot.vote_id == "" and not ana.ballot.follow()  # no vote: no ballot

    board.voting.lane.value = "pain_points"
    board.voting.dots.value = 3
    board.voting.open_button.click()
    vote = current_vote(room)
    assert vote is not None and vote.open and vote.dots == 3
    # the items are the roll-up's groups: three wordings of slow delivery are one item
    expected = board.rollup.wording("pain_points")
    assert [item.text for item in vote.items] == list(expected["item"])
    assert [item.text for item in vote.items] == [
        "Delivery is too slow",
        "Hidden costs at checkout",
        "Sizes run small",
    ]
    for page in (ana, ben, cy):
        assert page.ballot.follow() and page.ballot in page.box.children
        assert [i["text"] for i in page.ballot.items] == [i.text for i in vote.items]

    press(ana, "add", "1")
    press(ana, "add", "1")  # several dots on one item are allowed
    press(ana, "add", "3")
    press(ben, "add", "2")
    press(ben, "add", "1")
    press(ben, "take", "1")  # and taken back while the vote is open
    assert ana.ballot.mine == {"1": 2, "3": 1} and ben.ballot.mine == {"2": 1}
    board.refresh()
    result = board.voting.result
    assert result is not None
    assert {i.text: (d, v) for i, d, v in result.rows()} == {
        "Delivery is too slow": (2, 1),
        "Hidden costs at checkout": (1, 1),
        "Sizes run small": (1, 1),
    }
    assert "2 of 3 voted" in board.voting.tally.value  # three names taken, two ballots

    board.voting.close_button.click()
    assert current_vote(room).open is False  # type: ignore[union-attr]
    press(cy, "add", "1")  # too late
    assert ballot(room, vote, "c" * 32) == {} and "closed" in cy.ballot.note
    cy.ballot.follow()
    assert cy.ballot.is_open is False

    # the result goes into the debrief page and a CSV beside the roll-up's
    page = board.export("html")
    assert page is not None
    text = page.read_text("utf-8")
    assert "What the room voted for" in text and "Delivery is too slow" in text
    assert ".jk-vote-bar {" in text  # the bars are drawn in the page, not only on the dashboard
    assert board.export("csv") is not None
    rows = list(csv.DictReader(io.StringIO((room.parent / "bakery-class-votes.csv").read_text())))
    assert [(r["item"], r["dots"], r["voters"], r["maps"]) for r in rows] == [
        ("Delivery is too slow", "2", "1", "3"),
        ("Hidden costs at checkout", "1", "1", "2"),
        ("Sizes run small", "1", "1", "1"),
    ]
    for participant in (ana, ben, cy):
        participant.close()


def test_a_participant_cannot_vote_for_someone_else_overspend_or_open_a_vote(
    room: Path,
) -> None:
    """A page may send its ballot any message and set any synced value of its own card:
    none of it reaches another ballot, the vote, the timer, or goes past the page's dots."""
    settings = RoomSettings(room, "Bakery class")
    start_activity(room, "five-stage", "Purchase", 10)
    mallory, ana = joined(settings, "Mallory", "e" * 32), joined(settings, "Ana", "a" * 32)
    vote = open_vote(room, jk.rollup(room), "pain_points", dots=2)
    for page in (mallory, ana):
        page.ballot.follow()
    press(ana, "add", "2")
    files = [vote_file(room), activity_file(room), ballot_file(room, vote, "a" * 32)]
    before = [path.read_bytes() for path in files]

    card = mallory.ballot
    # hostile synced values: a bigger budget, someone else's dots, another vote, open again
    card.set_state(
        {
            "dots": 99,
            "mine": {"1": -5, "2": 40},
            "vote_id": "0" * 16,
            "is_open": True,
            "items": [{"id": "99", "text": "<img src=x onerror=alert(1)>"}],
        }
    )
    hostile: list[object] = [
        {"add": "99", "vote": vote.id},  # not an item of the vote
        {"add": "../../ana", "vote": vote.id},
        {"add": ["1"], "vote": vote.id},
        {"add": 1, "vote": vote.id},
        {"add": "1", "vote": "0" * 16},  # another vote
        {"add": "1", "vote": vote.id, "user": "a" * 32},  # on someone else's ballot
        {"add": "1", "vote": vote.id, "as": "ana"},
        {"take": "2", "vote": vote.id},  # ana's dot, not mallory's
        {"open": "pain_points", "dots": 99},
        {"close": True},
        {"add": "1", "take": "1"},
        "add",
        None,
        ["add", "1"],
    ]
    for content in hostile:
        card._answer(card, content, [])
    for _ in range(5):  # more dots than given
        press(mallory, "add", "1", vote.id)
    assert "spent" in card.note
    assert ballot(room, vote, "e" * 32) == {"1": 2}
    assert [path.read_bytes() for path in files] == before  # byte for byte
    ballots = sorted(p.name for p in ballot_file(room, vote, "x").parent.iterdir())
    assert len(ballots) == 2, ballots  # ana's and mallory's, nothing else
    # the page has no control that opens or closes a vote
    assert not any(hasattr(card, name) for name in ("open_vote", "close_vote", "open_button"))
    assert not hasattr(mallory, "voting")

    close_vote(room)
    closed = vote_file(room).read_bytes()
    press(mallory, "take", "1", vote.id)
    press(mallory, "add", "3", vote.id)
    assert ballot(room, vote, "e" * 32) == {"1": 2}  # after the close, nothing changes
    assert vote_file(room).read_bytes() == closed
    assert tally(room, vote).dots == {"1": 2, "2": 1}
    mallory.close()
    ana.close()


def test_only_a_participant_holding_their_place_votes(room: Path) -> None:
    settings = RoomSettings(room, "Bakery class")
    waiting = ParticipantPage(settings, warm=False)
    waiting.identify(Identity("b" * 32))  # on the name prompt: not joined
    ana = joined(settings, "Ana", "a" * 32)
    vote = open_vote(room, jk.rollup(room), "pain_points")
    assert not waiting.ballot.follow() and waiting.ballot.vote_id == ""
    press(waiting, "add", "1", vote.id)
    ana.ballot.follow()
    press(ana, "add", "1")
    assert free_claim(room, ana.stem or "")  # the facilitator frees Ana's place
    press(ana, "add", "1")
    assert "freed" in ana.ballot.note
    assert tally(room, vote).dots == {"1": 1} and tally(room, vote).ballots == 1
    waiting.close()
    ana.close()


def test_two_tabs_of_one_browser_share_one_ballot(room: Path) -> None:
    vote = open_vote(room, jk.rollup(room), "pain_points", dots=3)
    for item in ("1", "2", "3"):  # one tab after the other, same identity
        cast(room, "a" * 32, vote.id, item, 1)
    with pytest.raises(jk.JourneyMapError, match="all 3 of your dots are spent"):
        cast(room, "a" * 32, vote.id, "1", 1)
    assert tally(room, vote).ballots == 1


@pytest.mark.parametrize(
    "forged",
    [
        "{ not json",
        "[]",
        '{"vote": "%s", "dots": {"1": 50}}',  # over the budget
        '{"vote": "%s", "dots": {"99": 1}}',  # no such item
        '{"vote": "%s", "dots": {"1": true}}',
        '{"vote": "%s", "dots": {"1": -3, "2": 1}}',
        '{"vote": "another", "dots": {"1": 1}}',
    ],
)
def test_a_forged_or_damaged_ballot_counts_for_nothing(room: Path, forged: str) -> None:
    vote = open_vote(room, jk.rollup(room), "pain_points", dots=3)
    cast(room, "a" * 32, vote.id, "1", 1)
    path = ballot_file(room, vote, "f" * 32)
    path.write_text(forged.replace("%s", vote.id), encoding="utf-8")
    # a negative count is no dot; what is left of that ballot is one dot on item 2
    expected = {"2": 1} if '"2": 1' in forged else {}
    assert ballot(room, vote, "f" * 32) == expected
    assert tally(room, vote).dots == {"1": 1, **expected}


def test_only_the_rooms_lanes_and_a_sensible_number_of_dots_open_a_vote(room: Path) -> None:
    rollup = jk.rollup(room)
    for lane in ("touchpoints", "../vote", ""):
        with pytest.raises(jk.JourneyMapError, match="lane"):
            open_vote(room, rollup, lane)
    for dots in (0, -1, MAX_DOTS + 1, 2.5, True, "3"):
        with pytest.raises(jk.JourneyMapError, match="dots"):
            open_vote(room, rollup, "pain_points", dots)
    with pytest.raises(jk.JourneyMapError, match="no map in the room has opportunities"):
        open_vote(room, rollup, "opportunities")
    assert current_vote(room) is None
    vote_file(room).parent.mkdir()
    vote_file(room).write_text('{"id": 3}', encoding="utf-8")  # damaged: no vote shown
    assert current_vote(room) is None
    page = ParticipantPage(RoomSettings(room, "Bakery class"), warm=False)
    page.ballot.sign_in("a" * 32, "ana")
    assert page.ballot.vote_id == "" and json.loads(vote_file(room).read_text()) == {"id": 3}
    page.close()


@pytest.mark.parametrize(
    "forged_id", ["../../escape", "..", "/tmp/elsewhere", "0123456789ABCDEF", "0" * 17, ""]
)
def test_a_vote_writes_under_the_room_folder_only(room: Path, forged_id: str) -> None:
    """A vote's id names its folder of ballots: a vote.json whose id is a path (damaged or
    forged) shows no vote, and no page's press writes anywhere."""
    before = {p for p in room.parent.parent.rglob("*")}
    vote = open_vote(room, jk.rollup(room), "pain_points")
    cast(room, "a" * 32, vote.id, "1", 1)
    written = {p for p in room.parent.parent.rglob("*")} - before
    assert written and all(p.is_relative_to(room / ".activity") for p in written), written

    record = json.loads(vote_file(room).read_text("utf-8"))
    vote_file(room).write_text(json.dumps({**record, "id": forged_id}), encoding="utf-8")
    assert current_vote(room) is None
    page = ParticipantPage(RoomSettings(room, "Bakery class"), warm=False)
    page.ballot.sign_in("a" * 32, "ana")
    assert page.ballot.vote_id == ""
    with pytest.raises(jk.JourneyMapError, match="closed"):
        cast(room, "a" * 32, forged_id, "1", 1)
    assert {p for p in room.parent.parent.rglob("*")} - before == written
    page.close()


def test_the_csv_has_one_row_per_item_and_no_formula_runs(room: Path) -> None:
    eve = jk.JourneyMap.new("five-stage", title="eve")
    eve.set_lane("Purchase", "pain_points", ['=HYPERLINK("http://x")', "Sizes run small"])
    eve.save(room / "eve.json")
    vote = open_vote(room, jk.rollup(room), "pain_points", dots=2)
    cast(room, "a" * 32, vote.id, "3", 1)
    text = tally(room, vote).to_csv()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["lane", "rank", "item", "dots", "voters", "maps", "variants"]
    assert len(rows) == 1 + len(vote.items) and all(len(row) == 7 for row in rows)
    assert [row[1] for row in rows[1:]] == [str(n) for n in range(1, len(vote.items) + 1)]
    assert rows[1][2:5] == [vote.items[2].text, "1", "1"]  # the item voted for comes first
    formula = next(row for row in rows if "HYPERLINK" in row[2])
    assert formula[2].startswith("'=") and formula[6].startswith("'")
    assert {row[0] for row in rows[1:]} == {"pain_points"}
