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
from journeykit.workshop.teams import open_team_maps, parse_teams
from journeykit.workshop.timer import activity_file, start_activity
from journeykit.workshop.voting import (
    MAX_DOTS,
    ballot,
    ballot_file,
    cast,
    close_vote,
    current_round,
    current_vote,
    open_team_votes,
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
    # the team column comes first (empty: the whole room voted), so a round's rows sort by team
    assert rows[0] == ["team", "lane", "rank", "item", "dots", "voters", "maps", "variants"]
    assert len(rows) == 1 + len(vote.items) and all(len(row) == 8 for row in rows)
    assert [row[2] for row in rows[1:]] == [str(n) for n in range(1, len(vote.items) + 1)]
    assert rows[1][3:6] == [vote.items[2].text, "1", "1"]  # the item voted for comes first
    formula = next(row for row in rows if "HYPERLINK" in row[3])
    assert formula[3].startswith("'=") and formula[7].startswith("'")
    assert {row[1] for row in rows[1:]} == {"pain_points"}
    assert {row[0] for row in rows[1:]} == {""}


# ----- a room run in teams -------------------------------------------------------------------
TEAMS = ("Red", "Blue", "Green")
TEAM_PAINS = {
    "Red": ["Delivery is too slow", "Hidden costs at checkout"],
    "Blue": ["No reply to emails", "delivery is too slow!"],
    "Green": [],  # nothing written yet
}
ANA, BEN, CY, DEE = "a1" * 16, "b2" * 16, "c3" * 16, "d4" * 16


@pytest.fixture
def team_room(tmp_path: Path) -> Path:
    """A room in three teams, two of whose maps have pain points; a solo map left from
    before the room ran in teams, to show a team's vote takes nothing from other maps."""
    folder = tmp_path / "rooms" / "bakery-class"
    folder.mkdir(parents=True)
    for path in open_team_maps(folder, parse_teams(",".join(TEAMS)), "five-stage"):
        journey_map = jk.load_map(path)
        journey_map.set_lane("Purchase", "pain_points", TEAM_PAINS[journey_map.title])
        journey_map.save(path)
    solo = jk.JourneyMap.new("five-stage", title="old")
    solo.set_lane("Purchase", "pain_points", ["Sizes run small"])
    solo.save(folder / "old.json")
    return folder


def team_settings(room: Path) -> RoomSettings:
    return RoomSettings(room, "Bakery class", teams=TEAMS)


def member(room: Path, name: str, user: str, team: str) -> ParticipantPage:
    """A member's page: the browser identified, a team chosen and a name typed."""
    page = ParticipantPage(team_settings(room), warm=False)
    page.identify(Identity(user))
    page.picker.choice.value = team
    page.name.value = name
    assert page.team is not None and page.team.name == team
    return page


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under *folder* and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_teams_vote_holds_that_teams_map_items_only(team_room: Path) -> None:
    """Each team, at once: Red votes on Red's map, Blue on Blue's; Green, whose map has no
    pain point yet, gets no vote, and its member's page names the teams voting, not their items."""
    board = Dashboard(team_settings(team_room))
    ana, ben = member(team_room, "Ana", ANA, "Red"), member(team_room, "Ben", BEN, "Red")
    cy, dee = member(team_room, "Cy", CY, "Blue"), member(team_room, "Dee", DEE, "Green")
    assert board.voting.scope.value == ("each", "")  # a team room: each team, by default
    board.voting.open_button.click()
    red, blue = current_round(team_room)
    assert (red.team, blue.team) == ("Red", "Blue")
    assert sorted(item.text for item in red.items) == sorted(TEAM_PAINS["Red"])
    # Blue's own wording: not grouped with Red's, and the old solo map's item in neither
    assert sorted(item.text for item in blue.items) == sorted(TEAM_PAINS["Blue"])
    assert all(item.maps == 1 for item in (*red.items, *blue.items))
    assert "Green yet: no vote there" in board.voting.message.value
    for page, vote in ((ana, red), (ben, red), (cy, blue)):
        assert page.ballot.follow()
        assert page.ballot.vote_id == vote.id and page.ballot.elsewhere == ""
        assert [i["text"] for i in page.ballot.items] == [i.text for i in vote.items]
        assert page.ballot.lane_label == f"Pain points, team {vote.team}"
    dee.ballot.follow()
    assert dee.ballot.vote_id == "" and dee.ballot.items == []  # no other team's items
    assert "teams Red and Blue" in dee.ballot.elsewhere

    # the whole room is still a choice: its items come from every map in the folder
    board.voting.scope.value = ("room", "")
    board.voting.open_button.click()
    (whole,) = current_round(team_room)
    assert whole.team == "" and "Sizes run small" in [item.text for item in whole.items]
    dee.ballot.follow()
    assert dee.ballot.vote_id == whole.id and dee.ballot.elsewhere == ""
    for page in (ana, ben, cy, dee):
        page.close()


def test_a_non_members_cast_on_a_teams_vote_is_refused_and_changes_nothing(
    team_room: Path,
) -> None:
    board = Dashboard(team_settings(team_room))
    ana, cy = member(team_room, "Ana", ANA, "Red"), member(team_room, "Cy", CY, "Blue")
    board.voting.scope.value = ("team", "Red")
    board.voting.dots.value = 2
    board.voting.open_button.click()
    (vote,) = current_round(team_room)
    assert vote.team == "Red"
    for page in (ana, cy):
        page.ballot.follow()
    press(ana, "add", "1")
    assert cy.ballot.vote_id == "" and cy.ballot.items == []
    assert cy.ballot.elsewhere.startswith("This vote is team Red's")
    before = snapshot(team_room.parent)

    teams = parse_teams(",".join(TEAMS))
    card = cy.ballot
    card.set_state({"vote_id": vote.id, "items": [{"id": "1", "text": "x"}], "is_open": True})
    for content in ({"add": "1", "vote": vote.id}, {"take": "1", "vote": vote.id}):
        card._answer(card, content, [])
        assert "team Red" in card.note and "Not counted" in card.note
    for slot in ("cy", "ana", "", "../ana", "team-red"):  # her own slot, Ana's, none, forged
        with pytest.raises(jk.JourneyMapError, match="belongs to team Red"):
            cast(team_room, CY, vote.id, "1", 1, member=slot, teams=teams)
    with pytest.raises(jk.JourneyMapError, match="belongs to team Red"):
        cast(team_room, CY, vote.id, "1", 1)  # no slot named: no team
    assert snapshot(team_room.parent) == before  # byte for byte, and no new file
    assert ballot(team_room, vote, CY) == {} and tally(team_room, vote).dots == {"1": 1}

    press(ana, "add", "2")  # a member still votes
    assert ana.ballot.mine == {"1": 1, "2": 1}
    for page in (ana, cy):
        page.close()


def test_the_tally_present_mode_debrief_and_csv_name_the_team(team_room: Path) -> None:
    board = Dashboard(team_settings(team_room))
    ana, ben = member(team_room, "Ana", ANA, "Red"), member(team_room, "Ben", BEN, "Red")
    cy = member(team_room, "Cy", CY, "Blue")
    board.voting.open_button.click()  # each team
    for page in (ana, ben, cy):
        page.ballot.follow()
    press(ana, "add", "2")
    press(cy, "add", "1")
    press(cy, "add", "1")
    board.refresh()
    shown = board.voting.tally.value
    assert "Vote on team Red&#x27;s pain points: open." in shown
    assert "Vote on team Blue&#x27;s pain points: open." in shown
    assert "1 of 2 voted" in shown and "1 of 1 voted" in shown  # of each team's members
    board.set_present(True)
    assert "team Red&#x27;s" in board.voting.tally.value  # the projector names them too
    board.voting.close_button.click()
    assert not any(vote.open for vote in current_round(team_room))

    page = board.export("html")
    assert page is not None
    text = page.read_text("utf-8")
    assert "What each team voted for" in text and "team Blue&#x27;s pain points" in text
    assert board.export("csv") is not None
    rows = list(
        csv.DictReader(io.StringIO((team_room.parent / "bakery-class-votes.csv").read_text()))
    )
    assert [(r["team"], r["rank"], r["item"], r["dots"]) for r in rows] == [
        ("Red", "1", "Hidden costs at checkout", "1"),
        ("Red", "2", "Delivery is too slow", "0"),
        ("Blue", "1", "delivery is too slow!", "2"),
        ("Blue", "2", "No reply to emails", "0"),
    ]
    for participant in (ana, ben, cy):
        participant.close()


@pytest.mark.parametrize(
    "forged",
    [
        {"team": "Red\nBlue"},  # not a team's name as the dashboard writes it
        {"team": 7},
        {"team": "x" * 1000},
        "two votes, one id",
        "the room and a team",
    ],
)
def test_a_forged_round_shows_no_vote(team_room: Path, forged: object) -> None:
    votes = open_team_votes(team_room, parse_teams("Red,Blue"), "pain_points")
    records = [json.loads(v.to_json()) for v in votes]
    if forged == "two votes, one id":
        records[1]["id"] = records[0]["id"]
    elif forged == "the room and a team":
        del records[1]["team"]
    else:
        assert isinstance(forged, dict)
        records[0].update(forged)
    vote_file(team_room).write_text(json.dumps({"votes": records}), encoding="utf-8")
    assert current_round(team_room) == ()
    with pytest.raises(jk.JourneyMapError, match="closed"):
        cast(team_room, ANA, votes[0].id, "1", 1, member="ana")
