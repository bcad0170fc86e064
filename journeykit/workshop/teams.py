"""Team maps in a room: a team shares one map, each member edits it from their own device.

The facilitator names the teams when the room opens (``journeykit workshop
--teams "Red,Blue"``, carried to every kernel in the room's settings); a
participant picks one of them as they join, beside their first name
(:class:`TeamPicker`). Nothing a page sends can name another team: the page
offers only the room's teams and :func:`join_team` refuses any other, and a
member stays in the team they joined (a second choice, from a forged message or
another tab, is ignored). Only the facilitator's dashboard shows every team's map.

Each member still takes a name slot of their own (:func:`~.names.claim`), so
one page per member edits (:func:`~.names.take_map` is noted by the member's
name), the facilitator frees a member's place as anyone's, and a member's
browser comes back to its team. What they edit is the team's map, saved with
:func:`~journeykit.model.saving.save_merging` as any map of the room, so edits
from every member merge field by field, and a text two members typed into at
once keeps one version in the map and the other beside it, which each member's
page shows with *Put back* (:mod:`.kept_aside`). A member's page looks at the
map's file every :data:`TEAM_POLL` seconds and brings teammates' saves into
the editor (the editor's own :meth:`~journeykit.editing.Editor.refresh`).

The room folder::

    bakery-class/
        team-red.json             the team's map, titled with its name (one map in the roll-up)
        .teams/ana                the team of the member whose slot is ana, the owner, the name

Examples
--------
>>> teams = parse_teams(" Red, Blue ,red")
>>> [(team.name, team.stem) for team in teams]
[('Red', 'team-red'), ('Blue', 'team-blue')]
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..errors import JourneyMapError, Problem
from ..model import JourneyMap
from .names import MAX_STEM, OWNERS, STEM, _folder, _read, claimed_stems, file_stem, map_file
from .names import owner_of_stem as _owner_of_stem

#: The hidden folder of the room noting each member's team.
TEAMS = ".teams"
#: What every team map's file name starts with (``team-red.json``).
PREFIX = "team-"
#: How many teams a room may have.
MAX_TEAMS = 30
#: What a team map's page says above a version kept aside (see :mod:`.kept_aside`).
KEPT_HEADING = (
    "<b>Some text was kept aside at {when}</b>: two members of the team typed into the "
    "same box at once, so one version went into the map and this one was kept here. "
    "If it is yours, put back what you need:"
)
#: Seconds between two looks at a team map's file from a member's page: a teammate's
#: save shows within a save delay and this.
TEAM_POLL = 0.25


@dataclass(frozen=True)
class Team:
    """A team of the room: the name the facilitator gave and its map's file stem."""

    name: str

    @property
    def stem(self) -> str:
        """The team map's file stem: ``team-`` and the name as a file name."""
        return PREFIX + file_stem(self.name).removeprefix(PREFIX)[: MAX_STEM - len(PREFIX)]

    def map_file(self, room: Path) -> Path:
        """The team's map in *room*."""
        return map_file(room, self.stem)


def parse_teams(text: str | tuple[str, ...] | list[str]) -> tuple[Team, ...]:
    """The teams named in *text* (``"Red, Blue"``), each once, in order.

    Names are cleaned as participants' names are (one line, no control
    characters); a name that repeats another's file name is dropped.

    Raises
    ------
    JourneyMapError
        When more than :data:`MAX_TEAMS` teams are named.

    Examples
    --------
    >>> [team.stem for team in parse_teams(["Team <b>A</b>", "../../x", ""])]
    ['team-b-a-b', 'team-x']
    """
    from .names import clean_name

    parts = text.split(",") if isinstance(text, str) else list(text)
    teams: dict[str, Team] = {}
    for part in parts:
        name = clean_name(str(part))
        if name:
            teams.setdefault(Team(name).stem, Team(name))
    if len(teams) > MAX_TEAMS:
        raise JourneyMapError(
            [
                Problem(
                    "teams",
                    f"{len(teams)} teams are named; a room takes at most {MAX_TEAMS}",
                    'name fewer teams, e.g. --teams "Red,Blue,Green"',
                )
            ]
        )
    return tuple(teams.values())


def open_team_maps(room: Path, teams: tuple[Team, ...], framework: str) -> list[Path]:
    """Start each team's map in *room* (a blank map titled with the team's name) if missing.

    Made before anyone joins, so no participant's name can take a team map's file
    (a claim never hands out a map that exists).

    Raises
    ------
    JourneyMapError
        When a participant of an earlier session holds a team map's file name.
    """
    taken = set(claimed_stems(room))
    paths = []
    for team in teams:
        path = team.map_file(room)
        if team.stem in taken:
            raise JourneyMapError(
                [
                    Problem(
                        "teams",
                        f"a participant's map is already called {path.name}",
                        f"give the team {team.name!r} another name",
                    )
                ]
            )
        if not path.exists():
            JourneyMap.new(framework, title=team.name).save(path)
        paths.append(path)
    return paths


def join_team(room: Path, member: str, owner: str, team: str, teams: tuple[Team, ...]) -> Team:
    """Put the member of slot *member* (held by *owner*) in the team named *team*.

    A member stays in the team they joined first: asking again, for any team,
    returns that team. A slot freed and claimed again by someone else starts afresh.

    Raises
    ------
    JourneyMapError
        When *team* is not one of the room's *teams*, or *owner* does not hold *member*.

    Examples
    --------
    >>> import tempfile
    >>> from journeykit.workshop.names import claim
    >>> room, red = Path(tempfile.mkdtemp()), parse_teams("Red,Blue")
    >>> ana = claim(room, "ana", "a" * 32)
    >>> join_team(room, ana, "a" * 32, "Red", red).name
    'Red'
    >>> join_team(room, ana, "a" * 32, "Blue", red).name  # no switching
    'Red'
    >>> ben = claim(room, "ben", "b" * 32)
    >>> join_team(room, ben, "b" * 32, "Green", red)
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - team: 'Green' is not a team of this room. Fix: choose one of Red, Blue.
    """
    current = team_of(room, member, owner, teams)
    if current is not None:
        return current
    chosen = next((t for t in teams if t.name == team), None)
    if chosen is None:
        raise JourneyMapError(
            [
                Problem(
                    "team",
                    f"{str(team)[:60]!r} is not a team of this room",
                    "choose one of " + ", ".join(t.name for t in teams),
                )
            ]
        )
    if not STEM.fullmatch(member) or _owner_of_stem(room, member) != owner:
        raise JourneyMapError(
            [Problem("team", "this page holds no place in the room", "reload and type your name")]
        )
    target = _folder(room, TEAMS) / member
    temporary = target.with_name(f".{member}.{os.getpid()}.tmp")
    temporary.write_text(f"{chosen.stem}\n{owner}", encoding="ascii", errors="replace")
    os.replace(temporary, target)
    return chosen


def team_of(room: Path, member: str, owner: str, teams: tuple[Team, ...]) -> Team | None:
    """The team the member of slot *member* joined, if *owner* still holds the slot."""
    if not STEM.fullmatch(member) or _owner_of_stem(room, member) != owner:
        return None
    stem, _, noted_owner = _read(room / TEAMS / member).partition("\n")
    if noted_owner.strip() != owner:
        return None  # noted for someone who held the slot before
    return next((team for team in teams if team.stem == stem.strip()), None)


def members(room: Path, teams: tuple[Team, ...]) -> dict[str, list[str]]:
    """Each team's map stem and the slots (first names as files) of its members now.

    Examples
    --------
    >>> import tempfile
    >>> from journeykit.workshop.names import claim
    >>> room, teams = Path(tempfile.mkdtemp()), parse_teams("Red,Blue")
    >>> for name, who in (("ana", "a"), ("ben", "b")):
    ...     _ = join_team(room, claim(room, name, who * 32), who * 32, "Red", teams)
    >>> members(room, teams)
    {'team-red': ['ana', 'ben'], 'team-blue': []}
    """
    found: dict[str, list[str]] = {team.stem: [] for team in teams}
    folder = room / TEAMS
    if not folder.is_dir() or not (room / OWNERS).is_dir():
        return found
    for member in sorted(folder.iterdir()):
        owner = _read(member).partition("\n")[2].strip()
        team = team_of(room, member.name, owner, teams)
        if team is not None:
            found[team.stem].append(member.name)
    return found


class TeamPicker:
    """The choice of team beside the name prompt: the room's teams, nothing else.

    Parameters
    ----------
    teams : tuple of Team
        The room's teams.
    on_choice : callable
        Called with nothing once a team is chosen (the page then joins, if the name
        is typed too).

    Examples
    --------
    >>> picker = TeamPicker(parse_teams("Red,Blue"), lambda: None)
    >>> picker.chosen is None
    True
    >>> picker.choice.value = "Blue"
    >>> picker.chosen
    'Blue'
    """

    def __init__(self, teams: tuple[Team, ...], on_choice: Callable[[], None]) -> None:
        self.teams = teams
        self.choice = widgets.Dropdown(
            options=[team.name for team in teams],
            value=None,
            description="Your team:",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto", max_width="420px"),
        )
        self.choice.add_class("jk-room-team")
        self.choice.observe(lambda _: on_choice(), names="value")

    @property
    def chosen(self) -> str | None:
        """The team chosen on the page (one of the room's), or None."""
        value: Any = self.choice.value
        return value if isinstance(value, str) and value in self.choice.options else None


def greeting(team: Team, hello: str) -> str:
    """What a member's page says above the editor (plain text: the page escapes it)."""
    return (
        f"{hello} You are in team {team.name}: everyone in it edits this map, and their "
        "changes show here as they save. It is kept on the facilitator's computer."
    )
