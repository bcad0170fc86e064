"""Team maps without a browser: the same page objects a room's kernels show, one per member.

Each member's page is a :class:`ParticipantPage` given its browser's identity, as
the room's server gives it; ``page.look()`` is what the page's loop runs every
:data:`~journeykit.workshop.teams.TEAM_POLL` seconds in a room.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import Any

import pytest
from traitlets import TraitError

import journeykit as jk
from journeykit.errors import JourneyMapError
from journeykit.workshop.dashboard import Dashboard
from journeykit.workshop.names import claim, free_claim
from journeykit.workshop.participant import ParticipantPage
from journeykit.workshop.settings import RoomSettings
from journeykit.workshop.teams import (
    TEAM_POLL,
    join_team,
    members,
    open_team_maps,
    parse_teams,
    team_of,
)
from tests.workshop.test_participant import _all, shown_text

ANA, BEN, CY, DEE = "a1" * 16, "b2" * 16, "c3" * 16, "d4" * 16
TEAMS = ("Red", "Blue")
#: Names and team names a hostile page could send.
HOSTILE = [
    "Green",
    "red",
    " Red",
    "../Blue",
    "team-blue",
    "<img src=x onerror=alert(1)>",
    "Blue\nRed",
    "",
    "x" * 10_000,
]


@pytest.fixture
def room(tmp_path: Path) -> Path:
    folder = tmp_path / "rooms" / "bakery-class"
    folder.mkdir(parents=True)
    open_team_maps(folder, parse_teams(",".join(TEAMS)), "five-stage")
    return folder


def member(room: Path, browser: str, name: str = "", team: str = "") -> ParticipantPage:
    """A member's page: the browser identified, then (if given) the name typed and the team
    chosen, as a participant does."""
    from journeykit.workshop.identity import Identity

    page = ParticipantPage(RoomSettings(room, "Bakery class", teams=TEAMS), warm=False)
    page.identify(Identity(browser))
    if team:
        page.picker.choice.value = team
    if name:
        page.name.value = name
    return page


def sees(page: ParticipantPage, test: Any, seconds: float = 30) -> None:
    """Let *page* look at the room, as its loop does, until ``test()`` holds."""
    deadline = time.monotonic() + seconds
    page.look()
    while not test():
        assert time.monotonic() < deadline, "the page never showed the change"
        time.sleep(TEAM_POLL)
        page.look()


def test_members_of_a_team_edit_one_map_and_see_each_others_edits(room: Path) -> None:
    ana, ben = member(room, ANA, "Ana", "Red"), member(room, BEN, "Ben", "Red")
    assert ana.editor.path == ben.editor.path == room / "team-red.json"
    assert "You are in team Red" in shown_text(ana.box)
    ana.editor.set_lane("Awareness", "touchpoints", ["Shop window"])
    ana.editor.flush()
    # Ben's page brings Ana's save in, no reload
    sees(ben, lambda: ben.editor.map.stage("Awareness").touchpoints == ["Shop window"])
    assert ben.editor.fields["Awareness.touchpoints"].input.value == "Shop window"
    ben.editor.set_lane("Awareness", "touchpoints", ["Shop window", "Radio"])
    ana.editor.set_lane("Purchase", "goal", "Pay quickly")  # at the same time
    ben.editor.flush()
    ana.editor.flush()
    for page in (ana, ben):
        sees(page, lambda page=page: page.editor.map.stage("Purchase").goal == "Pay quickly")
        stage = page.editor.map.stage
        assert stage("Awareness").touchpoints == ["Shop window", "Radio"]
        assert stage("Purchase").goal == "Pay quickly"
    saved = jk.load_map(room / "team-red.json")
    assert saved.title == "Red" and saved.stage("Purchase").goal == "Pay quickly"
    assert not (room / "ana.json").exists() and not (room / "ben.json").exists()
    assert members(room, parse_teams(TEAMS)) == {"team-red": ["ana", "ben"], "team-blue": []}
    ana.close()
    ben.close()


def test_a_text_two_members_typed_at_once_is_kept_aside_and_both_are_told(room: Path) -> None:
    ana, ben = member(room, ANA, "Ana", "Red"), member(room, BEN, "Ben", "Red")
    ana.editor.set_lane("Awareness", "goal", "Find a gift")
    ben.editor.set_lane("Awareness", "goal", "Get ideas for a party")
    ana.editor.flush()
    ben.editor.flush()  # Ben's is written, Ana's kept aside
    assert jk.load_map(room / "team-red.json").stage("Awareness").goal == "Get ideas for a party"
    for page in (ana, ben):
        sees(page, lambda page=page: page.editor.map.stage("Awareness").goal[0] == "G")
        shown = shown_text(page.kept.box)
        assert "two members of the team typed into the same box" in shown, shown
        assert "Find a gift" in shown
    put_back = [w for w in _all(ana.kept.box) if "jk-room-put-back" in w._dom_classes]
    put_back[0].click()
    ana.editor.flush()
    sees(ben, lambda: ben.editor.map.stage("Awareness").goal == "Find a gift")
    ana.close()
    ben.close()


def test_a_member_never_reaches_another_teams_map(room: Path) -> None:
    blue_before = (room / "team-blue.json").read_bytes()
    ana = member(room, ANA, "Ana", "Red")
    dee = member(room, DEE, "Dee", "Blue")
    dee.editor.set_lane("Awareness", "goal", "Blue's secret plan")
    dee.editor.flush()
    blue_after = (room / "team-blue.json").read_bytes()
    for hostile in [*HOSTILE, "Blue"]:  # after joining, a forged choice changes nothing
        with contextlib.suppress(TraitError):
            ana.picker.choice.value = hostile
        ana.join("Ana")
        ana.look()
    assert ana.editor.path == room / "team-red.json"
    assert "Blue's secret plan" not in shown_text(ana.box)
    ana.editor.set_lane("Awareness", "touchpoints", ["Red only"])
    ana.editor.flush()
    assert (room / "team-blue.json").read_bytes() == blue_after != blue_before
    again = member(room, ANA)  # the same browser in a new tab: its team, not the last choice
    assert again.editor.path == room / "team-red.json"
    for page in (ana, dee, again):
        page.close()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_team_the_room_does_not_have_is_refused(room: Path, hostile: str) -> None:
    with pytest.raises((TraitError, JourneyMapError)):
        page = member(room, CY)
        page.picker.choice.value = hostile
    page = member(room, CY)
    page.picker.choice.index = None
    page.name.value = "Cy"
    assert page.editor is None and "Choose your team" in page.problem.value
    teams = parse_teams(TEAMS)
    stem = claim(room, "cy", CY)
    with pytest.raises(JourneyMapError):
        join_team(room, stem, CY, hostile, teams)
    with pytest.raises(JourneyMapError):  # a slot this browser does not hold
        join_team(room, claim(room, "dee", DEE), CY, "Red", teams)
    assert team_of(room, stem, CY, teams) is None
    assert sorted(p.name for p in room.glob("*.json")) == ["team-blue.json", "team-red.json"]
    page.close()


def test_a_freed_place_taken_again_does_not_inherit_the_team(room: Path) -> None:
    teams = parse_teams(TEAMS)
    ana = member(room, ANA, "Ana", "Red")
    assert free_claim(room, "ana")
    ana.look()
    stem = claim(room, "ana", BEN)  # someone else named Ana
    assert stem == "ana" and team_of(room, stem, BEN, teams) is None
    assert join_team(room, stem, BEN, "Blue", teams).name == "Blue"
    ana.close()


def test_the_dashboard_shows_a_team_map_as_one_map_with_its_members(room: Path) -> None:
    pages = [member(room, ANA, "Ana", "Red"), member(room, BEN, "Ben", "Red")]
    pages.append(member(room, DEE, "Dee", "Blue"))
    board = Dashboard(RoomSettings(room, "Bakery class", teams=TEAMS), poll=0)
    board.refresh()
    table: Any = board.people.value
    assert board.count.value == "2 participants"  # two maps: one per team
    assert "team-red<br><small class='jk-dash-members'>ana, ben</small>" in table
    assert "team-blue<br><small class='jk-dash-members'>dee</small>" in table
    for page in pages:
        page.close()


def test_team_names_are_checked_as_the_room_opens(tmp_path: Path) -> None:
    assert [t.name for t in parse_teams("Red,,Blue, red ")] == ["Red", "Blue"]
    with pytest.raises(JourneyMapError, match="at most"):
        parse_teams(",".join(f"T{n}" for n in range(31)))
    room = tmp_path / "room"
    claim(room, "team-red", ANA)  # a participant called "Team Red" in an earlier session
    with pytest.raises(JourneyMapError, match=r"already called team-red\.json"):
        open_team_maps(room, parse_teams("Red"), "five-stage")
