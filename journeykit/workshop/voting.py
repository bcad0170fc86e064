"""Dot voting: a few dots each on the room's (or a team's) pain points or opportunities.

The facilitator opens a vote from the dashboard (:class:`VoteControls`) on one lane
of the room's maps, with a number of dots per participant. The items are the
roll-up's groups of near-identical wordings (:meth:`journeykit.debrief.Rollup.wording`,
grouped by :mod:`journeykit.debrief.wording`), taken when the vote opens, so everyone
votes on the same list while maps keep changing. Each participant's page shows them
in a :class:`BallotCard` with a button to add a dot and one to take it back while
the vote is open; the dashboard and its Present mode show the tally and how many
have voted (:func:`tally`), and the export adds the result to the debrief page and
writes it as CSV.

In a room run in teams (:mod:`.teams`) the facilitator may open the vote for the
whole room, for one team, or for every team at once (the usual choice: each team
ranks what its own map found while the facilitator goes round the tables). A
team's vote takes its items from that team's map only, only that team's members
cast on it, and the others' pages say the vote is another team's without showing
its items (a team's map is its own unless the facilitator shows it). The votes
opened together are a *round*, opened and closed together; the tally, Present mode,
the debrief page and the CSV name each vote's team.

Several dots on one item are allowed, up to all of a participant's dots: with
stickers on a wall people stack them too, and a few strong wishes tell a facilitator
more than evenly spread dots. The tally counts both the dots and the voters behind
each item, so one keen voter is visible as such.

The room's files, beside the timer's (:mod:`.timer`)::

    .activity/vote.json                        the vote: id, lane, dots, items, open or closed,
                                               its team; a round of team votes: {"votes": [...]}
    .activity/ballots/<vote id>/<voter>.json   one ballot per identity: item id -> dots

Only the dashboard writes ``vote.json``. A participant's kernel writes one ballot:
the one of the identity the server told it (:mod:`.identity`), and only while that
identity holds its name slot in the room (and, for a team's vote, is noted in that
team: :func:`~.teams.team_of`). The page sends nothing but "a dot on item
3" or "one back from item 3", for the vote it shows; the kernel reads the vote from
the file and refuses an item not in it, a dot over the budget, a vote that closed or
changed, and anything else. A ballot is written under its file's lock as a
read-modify-write, so a participant's two tabs share one ballot. The file is named
after a hash of the identity, so no file name says who voted what.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anywidget
import ipywidgets as widgets
import traitlets

from ..catalogue import lane
from ..errors import JourneyMapError, Problem
from ..export.text import guard_cell
from ..figures.theme import MUTED, PAIN
from ..model.files import locked, read_bytes_if_exists, replace_if_unchanged, write_text_atomic
from .names import owner_of_stem
from .teams import MAX_TEAMS, Team, team_of
from .timer import ACTIVITY_FOLDER

if TYPE_CHECKING:
    from ..debrief import Rollup

#: The room's vote, in the activity folder.
VOTE_FILE = "vote.json"
#: The folder of the activity folder holding one folder of ballots per vote.
BALLOTS = "ballots"
#: The lanes a room votes on.
VOTE_LANES = ("pain_points", "opportunities")
#: Dots per participant unless the facilitator says otherwise, and the most allowed.
DEFAULT_DOTS = 3
MAX_DOTS = 10
#: The most items on a ballot (the groups most maps name): a phone screen, not a wall.
MAX_ITEMS = 30
#: Characters of an item's wording kept on the ballot.
MAX_TEXT = 200
#: A vote's id: it names the folder of its ballots, so nothing but hex digits.
VOTE_ID = re.compile(r"[0-9a-f]{16}")
#: Characters of a team's name a vote keeps (the room's names are shorter).
MAX_TEAM = 100


@dataclass(frozen=True)
class VoteItem:
    """One thing to vote on: a group of near-identical wordings of the room's maps.

    Attributes
    ----------
    id : str
        Its number on the ballot ("1", "2", ...).
    text : str
        The group's most common wording.
    variants : str
        Every wording grouped under it, with how often it was written.
    maps : int
        How many maps name it.
    """

    id: str
    text: str
    variants: str = ""
    maps: int = 0


@dataclass(frozen=True)
class Vote:
    """A vote: on which lane, how many dots each, the items, open or closed, whose.

    *team* is the name of the team whose vote it is ("" for the whole room).

    Examples
    --------
    >>> vote = Vote("0123456789abcdef", "pain_points", 3, (VoteItem("1", "Slow delivery"),))
    >>> vote.label, vote.item("1").text, vote.item("9"), vote.subject
    ('Pain points', 'Slow delivery', None, 'pain points')
    >>> Vote.from_json(vote.to_json()) == vote
    True
    >>> Vote(vote.id, "opportunities", 2, vote.items, team="Red").subject
    "team Red's opportunities"
    """

    id: str
    lane: str
    dots: int
    items: tuple[VoteItem, ...]
    open: bool = True
    team: str = ""

    @property
    def label(self) -> str:
        """The lane's name as the room shows it ("Pain points")."""
        return lane(self.lane).label

    @property
    def subject(self) -> str:
        """What is voted on, in a sentence: "pain points", "team Red's pain points"."""
        noun = self.label.lower()
        return f"team {self.team}'s {noun}" if self.team else noun

    def item(self, item_id: object) -> VoteItem | None:
        """The item numbered *item_id*, or None (anything else, from anywhere)."""
        return next((item for item in self.items if item.id == item_id), None)

    def record(self) -> dict[str, Any]:
        """The vote as the JSON object ``vote.json`` holds."""
        record: dict[str, Any] = {
            "id": self.id,
            "lane": self.lane,
            "dots": self.dots,
            "open": self.open,
            "items": [item.__dict__ for item in self.items],
        }
        if self.team:
            record["team"] = self.team
        return record

    def to_json(self) -> str:
        return json.dumps(self.record(), ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Vote:
        """The vote *text* holds; ValueError when it is not one the dashboard writes."""
        return cls.from_record(json.loads(text))

    @classmethod
    def from_record(cls, data: Any) -> Vote:
        """The vote of a JSON object *data*; ValueError when it is not one the dashboard writes.

        Its id names a folder of ballots, so it must be the dashboard's 16 hex digits
        (never ``..`` or a path): a damaged or forged ``vote.json`` shows no vote.
        """
        items = tuple(
            VoteItem(str(i["id"]), str(i["text"]), str(i["variants"]), int(i["maps"]))
            for i in data["items"]
        )
        team = data.get("team", "")
        vote = cls(
            str(data["id"]),
            str(data["lane"]),
            int(data["dots"]),
            items,
            data["open"] is True,
            team if isinstance(team, str) else "",
        )
        if not VOTE_ID.fullmatch(vote.id) or vote.lane not in VOTE_LANES:
            raise ValueError(f"not a vote: id {vote.id!r}, lane {vote.lane!r}")
        if not 1 <= vote.dots <= MAX_DOTS or not 1 <= len(items) <= MAX_ITEMS:
            raise ValueError(f"not a vote: {vote.dots} dots, {len(items)} items")
        if team != vote.team or len(team) > MAX_TEAM or not team.isprintable():
            raise ValueError(f"not a vote: team {str(team)[:MAX_TEAM]!r}")
        return vote


def vote_file(room: Path) -> Path:
    return room / ACTIVITY_FOLDER / VOTE_FILE


def ballot_file(room: Path, vote: Vote, user: str) -> Path:
    """Where the ballot of identity *user* in *vote* is kept (named by a hash of *user*)."""
    voter = hashlib.sha256(user.encode("utf-8", "replace")).hexdigest()[:32]
    return room / ACTIVITY_FOLDER / BALLOTS / vote.id / f"{voter}.json"


def vote_items(rollup: Rollup, lane_key: str, limit: int = MAX_ITEMS) -> tuple[VoteItem, ...]:
    """The items of lane *lane_key* to vote on: the roll-up's groups, those most maps name first.

    Examples
    --------
    >>> import journeykit as jk
    >>> a, b = jk.JourneyMap.new("five-stage"), jk.JourneyMap.new("five-stage")
    >>> a.set_lane("Purchase", "pain_points", ["Delivery is too slow", "Hidden costs"])
    >>> b.set_lane("Purchase", "pain_points", ["delivery is too slow!"])
    >>> [(i.id, i.text, i.maps) for i in vote_items(jk.rollup([a, b]), "pain_points")]
    [('1', 'Delivery is too slow', 2), ('2', 'Hidden costs', 1)]
    """
    table = rollup.wording(lane_key).head(limit)
    return tuple(
        VoteItem(str(n), str(row.item)[:MAX_TEXT], str(row.variants)[: MAX_TEXT * 4], int(row.maps))
        for n, row in enumerate(table.itertuples(), 1)
    )


def _check_choice(lane_key: str, dots: object) -> int:
    """*dots*, when *lane_key* is a lane a room votes on and *dots* a number of dots to give."""
    if lane_key not in VOTE_LANES:
        raise JourneyMapError(
            [Problem("lane", f"{lane_key!r} is not voted on", "pick " + " or ".join(VOTE_LANES))]
        )
    if isinstance(dots, bool) or not isinstance(dots, int) or not 1 <= dots <= MAX_DOTS:
        raise JourneyMapError(
            [Problem("dots", f"{dots!r} dots", f"give each participant 1 to {MAX_DOTS} dots")]
        )
    return dots


def open_vote(room: Path, rollup: Rollup, lane_key: str, dots: object = DEFAULT_DOTS) -> Vote:
    """Open a vote on lane *lane_key* of the maps in *rollup*, *dots* dots per participant.

    A new vote replaces the room's last one (whose ballots stay in their folder).

    Raises
    ------
    JourneyMapError
        When the lane is not one a room votes on, *dots* is not 1 to :data:`MAX_DOTS`,
        or no map of the room has an item in that lane yet.

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> room = pathlib.Path(tempfile.mkdtemp())
    >>> ana = jk.JourneyMap.new("five-stage")
    >>> ana.set_lane("Purchase", "pain_points", ["Hidden costs"])
    >>> vote = open_vote(room, jk.rollup([ana]), "pain_points")
    >>> vote.dots, [item.text for item in vote.items], current_vote(room) == vote
    (3, ['Hidden costs'], True)
    >>> open_vote(room, jk.rollup([ana]), "opportunities")
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - lane: no map in the room has opportunities yet. Fix: ...
    """
    dots = _check_choice(lane_key, dots)
    items = vote_items(rollup, lane_key)
    if not items:
        noun = lane(lane_key).label.lower()
        raise JourneyMapError(
            [Problem("lane", f"no map in the room has {noun} yet", "open the vote once some do")]
        )
    vote = Vote(secrets.token_hex(8), lane_key, dots, items)
    write_text_atomic(vote_file(room), vote.to_json())
    return vote


def team_items(room: Path, team: Team, lane_key: str) -> tuple[VoteItem, ...]:
    """The items of lane *lane_key* on *team*'s map in *room*: that map's only, grouped as
    the roll-up groups them (none when the map is missing or does not load)."""
    from ..debrief import rollup

    path = team.map_file(room)
    if not path.is_file():
        return ()
    return vote_items(rollup([path]), lane_key)


def open_team_votes(
    room: Path, teams: Sequence[Team], lane_key: str, dots: object = DEFAULT_DOTS
) -> tuple[Vote, ...]:
    """Open one vote per team of *teams* on lane *lane_key* of its own map: one round.

    A team whose map has nothing in that lane yet gets no vote (its members' pages say
    whose vote it is). The round replaces the room's last vote or round.

    Raises
    ------
    JourneyMapError
        As :func:`open_vote`, and when no map of *teams* has an item in that lane.

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> from journeykit.workshop.teams import open_team_maps, parse_teams
    >>> room, teams = pathlib.Path(tempfile.mkdtemp()), parse_teams("Red,Blue")
    >>> red, _ = open_team_maps(room, teams, "five-stage")
    >>> reds = jk.load_map(red)
    >>> reds.set_lane("Purchase", "pain_points", ["Hidden costs"])
    >>> _ = reds.save(red)
    >>> [(v.team, [i.text for i in v.items]) for v in open_team_votes(room, teams, "pain_points")]
    [('Red', ['Hidden costs'])]
    >>> [vote.team for vote in current_round(room)]
    ['Red']
    """
    dots = _check_choice(lane_key, dots)
    votes = []
    for team in teams[:MAX_TEAMS]:
        items = team_items(room, team, lane_key)
        if items:
            votes.append(Vote(secrets.token_hex(8), lane_key, dots, items, team=team.name))
    if not votes:
        noun = lane(lane_key).label.lower()
        raise JourneyMapError(
            [
                Problem(
                    "lane",
                    f"no team's map has {noun} yet",
                    "open the vote once a team has written some",
                )
            ]
        )
    _write_round(room, tuple(votes))
    return tuple(votes)


def _write_round(room: Path, votes: tuple[Vote, ...]) -> None:
    if len(votes) == 1:
        write_text_atomic(vote_file(room), votes[0].to_json())
    else:
        record = {"votes": [vote.record() for vote in votes]}
        write_text_atomic(vote_file(room), json.dumps(record, ensure_ascii=False, indent=1) + "\n")


def close_vote(room: Path) -> tuple[Vote, ...]:
    """Close the room's vote or round: ballots stay as they are and no page can change them.

    Returns the votes closed now (none when none was open).
    """
    votes = current_round(room)
    if not any(vote.open for vote in votes):
        return ()
    closed = tuple(replace(vote, open=False) for vote in votes)
    _write_round(room, closed)
    return closed


def current_round(room: Path) -> tuple[Vote, ...]:
    """The room's votes opened together, open or closed: the room's one vote, or one per
    team; none when there is none or ``vote.json`` cannot be read as the dashboard writes it.
    """
    try:
        data = json.loads(vote_file(room).read_text(encoding="utf-8"))
        records = data["votes"] if isinstance(data, dict) and "votes" in data else [data]
        if not isinstance(records, list) or not 1 <= len(records) <= MAX_TEAMS:
            return ()
        votes = tuple(Vote.from_record(record) for record in records)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return ()
    teams = [vote.team for vote in votes]
    if len({vote.id for vote in votes}) != len(votes) or len(set(teams)) != len(teams):
        return ()  # a forged round: two votes sharing ballots, or a team voting twice
    if len(votes) > 1 and "" in teams:
        return ()  # the whole room votes alone
    return votes


def current_vote(room: Path) -> Vote | None:
    """The room's vote (open or closed), or None when there is none or it cannot be read.

    In a round of team votes, the first team's.
    """
    votes = current_round(room)
    return votes[0] if votes else None


def vote_for(votes: Sequence[Vote], team: Team | None) -> Vote | None:
    """The vote of *votes* a member of *team* casts on (None: no team), if any.

    Examples
    --------
    >>> from journeykit.workshop.teams import parse_teams
    >>> red, blue = parse_teams("Red,Blue")
    >>> room_vote = Vote("0" * 16, "pain_points", 3, (VoteItem("1", "Slow"),))
    >>> vote_for([room_vote], red) == room_vote
    True
    >>> reds = Vote("1" * 16, "pain_points", 3, (VoteItem("1", "Slow"),), team="Red")
    >>> vote_for([reds], red) == reds, vote_for([reds], blue), vote_for([reds], None)
    (True, None, None)
    """
    for vote in votes:
        if not vote.team or (team is not None and vote.team == team.name):
            return vote
    return None


def _checked(vote: Vote, data: object) -> dict[str, int]:
    """The dots of a ballot's *data* if it is a valid ballot of *vote*, else no dots."""
    if not isinstance(data, dict) or data.get("vote") != vote.id:
        return {}
    dots = data.get("dots")
    if not isinstance(dots, dict):
        return {}
    valid = {
        key: n for key, n in dots.items() if vote.item(key) is not None and type(n) is int and n > 0
    }
    return valid if sum(valid.values()) <= vote.dots else {}


def ballot(room: Path, vote: Vote, user: str) -> dict[str, int]:
    """The dots identity *user* spent in *vote*, by item id (none when it has not voted)."""
    try:
        return _checked(vote, json.loads(ballot_file(room, vote, user).read_bytes()))
    except (OSError, ValueError):
        return {}


def cast(
    room: Path,
    user: str,
    vote_id: object,
    item_id: object,
    step: int,
    *,
    member: str = "",
    teams: Sequence[Team] = (),
) -> dict[str, int]:
    """Add a dot (*step* 1) to item *item_id* or take one back (-1) on *user*'s ballot.

    *vote_id* is the vote the page shows: a page still showing an older vote is
    refused. A team's vote takes only the dots of its members: *member* is the name
    slot *user* holds, and the room's *teams* say which team that slot joined
    (:func:`~.teams.team_of`, read from the room folder, never from the page).
    Returns the ballot afterwards.

    Raises
    ------
    JourneyMapError
        When there is no open vote with that id, it is a team's that *user* is not a
        member of, the item is not on it, no dot is left, or no dot on that item to
        take back; the ballot is unchanged.

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> room, ana = pathlib.Path(tempfile.mkdtemp()), jk.JourneyMap.new("five-stage")
    >>> ana.set_lane("Purchase", "pain_points", ["Hidden costs", "Slow site"])
    >>> vote = open_vote(room, jk.rollup([ana]), "pain_points", dots=2)
    >>> cast(room, "a" * 32, vote.id, "1", 1)
    {'1': 1}
    >>> cast(room, "a" * 32, vote.id, "1", 1)
    {'1': 2}
    >>> cast(room, "a" * 32, vote.id, "2", 1)
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - dots: all 2 of your dots are spent. Fix: take one back from another item first.
    """
    vote = next((vote for vote in current_round(room) if vote.id == vote_id), None)
    if vote is None or not vote.open:
        raise _refusal("vote", "this vote is closed", "look at the vote the page shows now")
    if vote.team:
        team = team_of(room, member, user, tuple(teams))
        if team is None or team.name != vote.team:
            raise _refusal(
                "team", f"this vote belongs to team {vote.team}", "only its members place dots"
            )
    if vote.item(item_id) is None or step not in (1, -1):
        raise _refusal("item", "that is not an item of this vote", "pick one from the list")
    key = str(item_id)
    target = ballot_file(room, vote, user)
    with locked(target):
        while True:
            before = read_bytes_if_exists(target)
            mine = _checked(vote, _json_or_none(before)) if before else {}
            count = mine.get(key, 0) + step
            if step > 0 and sum(mine.values()) >= vote.dots:
                raise _refusal(
                    "dots",
                    f"all {vote.dots} of your dots are spent",
                    "take one back from another item first",
                )
            if count < 0:
                raise _refusal("dots", "no dot of yours is on that item", "pick another item")
            mine = {k: n for k, n in {**mine, key: count}.items() if n}
            data = json.dumps({"vote": vote.id, "dots": dict(sorted(mine.items()))}) + "\n"
            if replace_if_unchanged(target, data.encode("utf-8"), before, backup=False):
                return mine


def _json_or_none(data: bytes) -> object:
    """What *data* holds as JSON, or None (a damaged ballot is started again)."""
    try:
        return json.loads(data)
    except ValueError:
        return None


def _refusal(where: str, what: str, fix: str) -> JourneyMapError:
    return JourneyMapError([Problem(where, what, fix)])


@dataclass(frozen=True)
class Tally:
    """The dots of a vote counted: per item, how many dots and how many voters.

    Attributes
    ----------
    vote : Vote
    dots : dict of str to int
        Dots per item id.
    voters : dict of str to int
        Voters per item id (a voter's several dots on one item count once here).
    ballots : int
        Voters who spent at least one dot.
    """

    vote: Vote
    dots: Mapping[str, int] = field(default_factory=dict)
    voters: Mapping[str, int] = field(default_factory=dict)
    ballots: int = 0

    def rows(self) -> list[tuple[VoteItem, int, int]]:
        """(item, dots, voters) for every item, most dots first (then the ballot's order)."""
        rows = [
            (item, self.dots.get(item.id, 0), self.voters.get(item.id, 0))
            for item in self.vote.items
        ]
        return sorted(rows, key=lambda row: -row[1])

    def to_csv(self) -> str:
        """The result as CSV: the team (empty for the whole room), lane, rank, item, dots,
        voters, maps naming it, wordings grouped.

        Cells a spreadsheet would run as a formula get a leading ``'``.
        """
        return results_csv([self])

    def csv_rows(self) -> list[list[object]]:
        """The rows of :meth:`to_csv`, without its header."""
        rows: list[list[object]] = []
        for rank, (item, dots, voters) in enumerate(self.rows(), 1):
            rows.append(
                [
                    guard_cell(self.vote.team),
                    self.vote.lane,
                    rank,
                    guard_cell(item.text),
                    dots,
                    voters,
                    item.maps,
                    guard_cell(item.variants),
                ]
            )
        return rows


#: The CSV's columns.
CSV_HEADER = ("team", "lane", "rank", "item", "dots", "voters", "maps", "variants")


def results_csv(results: Sequence[Tally]) -> str:
    """The results of a round as one CSV, one team's rows after another's (:meth:`Tally.to_csv`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for result in results:
        writer.writerows(result.csv_rows())
    return out.getvalue()


def tally(room: Path, vote: Vote) -> Tally:
    """Count the ballots of *vote* in *room* (a ballot that is not valid counts for nothing).

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> room, ana = pathlib.Path(tempfile.mkdtemp()), jk.JourneyMap.new("five-stage")
    >>> ana.set_lane("Purchase", "pain_points", ["Hidden costs", "Slow site"])
    >>> vote = open_vote(room, jk.rollup([ana]), "pain_points")
    >>> _ = cast(room, "a" * 32, vote.id, "2", 1), cast(room, "a" * 32, vote.id, "2", 1)
    >>> _ = cast(room, "b" * 32, vote.id, "2", 1), cast(room, "b" * 32, vote.id, "1", 1)
    >>> result = tally(room, vote)
    >>> [(item.text, dots, voters) for item, dots, voters in result.rows()], result.ballots
    ([('Slow site', 3, 2), ('Hidden costs', 1, 1)], 2)
    """
    dots: dict[str, int] = {}
    voters: dict[str, int] = {}
    ballots = 0
    for path in sorted((room / ACTIVITY_FOLDER / BALLOTS / vote.id).glob("*.json")):
        try:
            mine = _checked(vote, json.loads(path.read_bytes()))
        except (OSError, ValueError):
            continue
        ballots += bool(mine)
        for key, n in mine.items():
            dots[key] = dots.get(key, 0) + n
            voters[key] = voters.get(key, 0) + 1
    return Tally(vote, dots, voters, ballots)


def tally_html(result: Tally, joined: int | None = None) -> str:
    """The tally as HTML: how many voted, then each item with its dots as a bar."""
    vote = result.vote
    state = "open" if vote.open else "closed"
    who = f"{result.ballots} of {joined}" if joined is not None else f"{result.ballots}"
    most = max([1, *result.dots.values()])
    rows = []
    for item, dots, voters in result.rows():
        rows.append(
            f"<tr data-item='{html.escape(item.id)}' data-dots='{dots}'>"
            f"<td>{html.escape(item.text)}</td>"
            f"<td><span class='jk-vote-bar' style='width:{round(dots / most * 100)}%'></span></td>"
            f"<td class='jk-vote-num'>{dots}</td>"
            f"<td class='jk-vote-num'>{voters}</td></tr>"
        )
    return (
        f"<div class='jk-vote-tally' data-state='{state}' data-ballots='{result.ballots}' "
        f"data-team='{html.escape(vote.team)}'>"
        f"<p class='jk-vote-status'><b>Vote on {html.escape(vote.subject)}: {state}.</b> "
        f"<span class='jk-vote-voted'>{who} voted</span>, {vote.dots} dots each.</p>"
        "<table><thead><tr><th scope='col'>Item</th><th scope='col'><span "
        "class='jk-vote-hidden'>Share</span></th><th scope='col'>Dots</th>"
        f"<th scope='col'>Voters</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def debrief_section(results: Tally | Sequence[Tally]) -> str:
    """The result of the vote, or of each team's vote in a round, as a section of the
    debrief page."""
    results = [results] if isinstance(results, Tally) else list(results)
    if not results:
        return ""
    first = results[0].vote
    noun = html.escape(first.label.lower())
    if not first.team:
        heading, whose = "What the room voted for", f"the room's {noun}"
    elif len(results) == 1:
        heading = f"What team {html.escape(first.team)} voted for"
        whose = f"their team map's {noun}"
    else:
        heading, whose = "What each team voted for", f"their own team map's {noun}"
    return (
        f"<section id='vote'><h2>{heading}</h2><p class='hint'>Each participant "
        f"had {first.dots} dots to share out among {whose}, several on one item if they "
        "wished; near-identical wordings were one item.</p>"
        + TALLY_STYLE
        + "".join(tally_html(result) for result in results)
        + "</section>"
    )


TALLY_STYLE = """<style>
.jk-vote-tally table { border-collapse:collapse; width:100%; }
.jk-vote-tally td, .jk-vote-tally th { padding:4px 8px; border-bottom:1px solid #D0D7DE;
  text-align:left; }
.jk-vote-tally td:nth-child(2) { width:35%; }
.jk-vote-bar { display:inline-block; height:12px; min-width:2px; background:#1f3a5f; }
.jk-vote-num { font-variant-numeric:tabular-nums; text-align:right; }
.jk-vote-tally + .jk-vote-tally { margin-top:16px; }
.jk-vote-hidden { position:absolute; width:1px; height:1px; overflow:hidden;
  clip:rect(0 0 0 0); white-space:nowrap; }
.jk-present .jk-vote-tally { font-size:26px; }
.jk-present .jk-vote-bar { height:24px; }
.jk-present .jk-vote-controls, .jk-present .jk-vote-message { display:none; }
.jk-present .jk-dash-vote h3 { font-size:1.6em; }
</style>"""


#: What the dashboard's "For" choice can be: the whole room, each team at once, one team.
ROOM, EACH, ONE = "room", "each", "team"


class VoteControls:
    """The dashboard's vote: a lane, dots per participant, Open and Close, the live tally.

    In a room run in teams, a "For" choice too: the whole room, each team on its own
    map at once (the first choice offered: the teams work side by side, so they vote
    side by side), or one team.

    Parameters
    ----------
    room : Path
        The room folder.
    rollup : callable
        Returns the room's roll-up when a vote opens (its items are taken from it).
    teams : tuple of Team
        The room's teams (none: the room votes as one).

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> room, ana = pathlib.Path(tempfile.mkdtemp()), jk.JourneyMap.new("five-stage")
    >>> ana.set_lane("Purchase", "pain_points", ["Hidden costs"])
    >>> controls = VoteControls(room, lambda: jk.rollup([ana]))
    >>> controls.dots.value, controls.open()
    (3, True)
    >>> _ = cast(room, "a" * 32, current_vote(room).id, "1", 1)
    >>> controls.follow(joined=2)
    True
    >>> "1 of 2 voted" in controls.tally.value, controls.close(), current_vote(room).open
    (True, True, False)
    """

    def __init__(
        self, room: Path, rollup: Callable[[], Rollup], teams: Sequence[Team] = ()
    ) -> None:
        self.room = room
        self.rollup = rollup
        self.teams = tuple(teams)
        self.lane = widgets.Dropdown(
            options=[(lane(key).label, key) for key in VOTE_LANES], description="Vote on"
        )
        self.dots = widgets.BoundedIntText(
            value=DEFAULT_DOTS, min=1, max=MAX_DOTS, description="Dots each"
        )
        choices: list[tuple[str, tuple[str, str]]] = []
        if self.teams:
            choices.append(("Each team, on its own map", (EACH, "")))
        choices.append(("The whole room", (ROOM, "")))
        choices += [(f"Team {team.name} only", (ONE, team.name)) for team in self.teams]
        self.scope = widgets.Dropdown(options=choices, description="For")
        self.scope.add_class("jk-vote-scope")
        self.open_button = widgets.Button(description="Open vote", icon="check-square-o")
        self.close_button = widgets.Button(description="Close vote", icon="lock")
        self.open_button.on_click(lambda _: self.open())
        self.close_button.on_click(lambda _: self.close())
        self.message = widgets.HTML()
        self.message.add_class("jk-vote-message")  # the facilitator's, not the projector's
        self.tally = widgets.HTML()
        self.tally.add_class("jk-dash-vote-box")
        controls = widgets.HBox(
            [
                self.lane,
                *([self.scope] if self.teams else []),
                self.dots,
                self.open_button,
                self.close_button,
            ],
            layout=widgets.Layout(flex_flow="row wrap"),
        )
        controls.add_class("jk-vote-controls")  # not on the projector
        self.box = widgets.VBox(
            [widgets.HTML(TALLY_STYLE + "<h3>Dot vote</h3>"), controls, self.message, self.tally]
        )
        self.box.add_class("jk-dash-vote")
        self._shown: tuple[Tally, ...] = ()
        self._joined: int | None = None
        self._members: Mapping[str, Sequence[str]] | None = None
        self.follow()

    def open(self) -> bool:
        """Open a vote on the chosen lane for the chosen part of the room (the message says
        why when it cannot)."""
        kind, name = self.scope.value if self.teams else (ROOM, "")
        lane_key, dots = str(self.lane.value), self.dots.value
        try:
            if kind == ROOM:
                votes: tuple[Vote, ...] = (open_vote(self.room, self.rollup(), lane_key, dots),)
            else:
                teams = [t for t in self.teams if kind == EACH or t.name == name]
                votes = open_team_votes(self.room, teams, lane_key, dots)
        except JourneyMapError as err:
            self._say(" ".join(f"{p.message} ({p.fix})" for p in err.problems), PAIN)
            return False
        if kind == ROOM:
            text = f"Vote open: {len(votes[0].items)} items, {votes[0].dots} dots each."
        else:
            text = "Vote open for " + ", ".join(
                f"team {vote.team} ({len(vote.items)} items)" for vote in votes
            )
            text += f"; {votes[0].dots} dots each."
            left = [t.name for t in self.teams if t.name not in {v.team for v in votes}]
            if kind == EACH and left:
                noun = lane(lane_key).label.lower()
                text += f" No {noun} on the map of {', '.join(left)} yet: no vote there."
        self._say(text)
        self.follow(self._joined, self._members)
        return True

    def close(self) -> bool:
        """Close the room's vote (every team's, in a round); True when one was open."""
        closed = close_vote(self.room)
        self.follow(self._joined, self._members)
        if not closed:
            self._say("No vote is open.")
            return False
        self._say("Vote closed. Export HTML or CSV to keep the result.")
        return True

    def follow(
        self, joined: int | None = None, members: Mapping[str, Sequence[str]] | None = None
    ) -> bool:
        """Count the ballots again; True when the tally shown changed.

        *joined* is how many have joined the room, *members* each team map's members
        (:func:`~.teams.members`): a team's vote is "2 of 3 voted" of its members.
        """
        self._joined, self._members = joined, members
        results = tuple(tally(self.room, vote) for vote in current_round(self.room))
        if results == self._shown and self.tally.value:
            return False
        self._shown = results
        self.tally.value = (
            "".join(tally_html(result, self._voters(result.vote)) for result in results)
            if results
            else f"<p style='color:{MUTED}'>No vote yet.</p>"
        )
        return True

    def _voters(self, vote: Vote) -> int | None:
        """How many may cast on *vote*: the room's participants or the team's members."""
        if not vote.team:
            return self._joined
        if self._members is None:
            return None
        return len(self._members.get(Team(vote.team).stem, ()))

    @property
    def result(self) -> Tally | None:
        """The tally of the room's vote as last shown (the first team's in a round), or None."""
        return self._shown[0] if self._shown else None

    @property
    def results(self) -> tuple[Tally, ...]:
        """The tally of each vote of the round as last shown (one for the room's vote)."""
        return self._shown

    def debrief_html(self) -> str:
        """The vote's result as a section of the debrief page ("" when there was no vote)."""
        self.follow(self._joined, self._members)
        return debrief_section(self._shown)

    def write_csv(self, path: Path) -> Path | None:
        """Write the vote's result as CSV to *path*; None (nothing written) when there was none."""
        self.follow(self._joined, self._members)
        if not self._shown:
            return None
        return write_text_atomic(path, results_csv(self._shown))

    def _say(self, text: str, colour: str = MUTED) -> None:
        self.message.value = f"<p style='color:{colour}'>{html.escape(text)}</p>"


_SCRIPT = """
function hidden(text) {
  const s = document.createElement("span");
  s.className = "jk-ballot-hidden";
  s.textContent = text;
  return s;
}
export default {
  render({ model, el }) {
    el.classList.add("jk-ballot");
    const box = document.createElement("section");
    box.className = "jk-ballot-box";
    const heading = document.createElement("h3");
    heading.id = "jk-ballot-heading-" + Math.random().toString(36).slice(2);
    box.setAttribute("aria-labelledby", heading.id);
    const left = document.createElement("p");
    left.className = "jk-ballot-left";
    left.setAttribute("aria-live", "polite");
    const note = document.createElement("p");
    note.className = "jk-ballot-note";
    note.setAttribute("role", "status");
    const list = document.createElement("ul");
    list.className = "jk-ballot-items";
    box.append(heading, left, list, note);
    el.append(box);
    let rows = {};
    function ask(kind, id) {
      model.send({ [kind]: id, vote: model.get("vote_id") });
    }
    function button(kind, face, label, item) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "jk-ballot-" + kind;
      b.textContent = face;
      b.setAttribute("aria-label", label + item.text);
      b.addEventListener("click", () => ask(kind, item.id));
      return b;
    }
    function build() {
      const items = model.get("items") || [];
      const elsewhere = model.get("elsewhere");
      el.classList.toggle("jk-ballot-on", !!model.get("vote_id") || !!elsewhere);
      el.classList.toggle("jk-ballot-elsewhere", !!elsewhere);
      heading.textContent = elsewhere ? "Dot vote" : "Vote: " + model.get("lane_label");
      list.replaceChildren();
      rows = {};
      for (const item of items) {
        const li = document.createElement("li");
        li.className = "jk-ballot-item";
        li.dataset.item = item.id;
        const text = document.createElement("span");
        text.className = "jk-ballot-text";
        text.textContent = item.text;
        const dots = document.createElement("span");
        dots.className = "jk-ballot-dots";
        dots.setAttribute("aria-hidden", "true");
        const count = hidden("");
        const take = button("take", "\\u2212", "Take a dot back from: ", item);
        const add = button("add", "+", "Add a dot to: ", item);
        const buttons = document.createElement("span");
        buttons.className = "jk-ballot-buttons";
        buttons.append(take, add);
        li.append(text, dots, count, buttons);
        list.append(li);
        rows[item.id] = { li, dots, count, take, add };
      }
      update();
    }
    function update() {
      if (model.get("elsewhere")) {
        left.textContent = model.get("elsewhere");
        el.classList.remove("jk-ballot-closed");
        return;
      }
      const mine = model.get("mine") || {};
      const total = model.get("dots");
      const open = model.get("is_open");
      let spent = 0;
      for (const id in rows) { spent += mine[id] || 0; }
      for (const id in rows) {
        const n = mine[id] || 0;
        const row = rows[id];
        row.dots.textContent = "\\u25cf".repeat(n);
        row.count.textContent = n ? " (" + n + " of your dots)" : "";
        row.add.disabled = !open || spent >= total;
        row.take.disabled = !open || n === 0;
        row.li.classList.toggle("jk-ballot-mine", n > 0);
      }
      left.textContent = open
        ? (total - spent) + " of " + total + " dots left"
        : "The vote is closed. You spent " + spent + " of " + total + " dots.";
      el.classList.toggle("jk-ballot-closed", !open);
    }
    model.on("change:version", build);
    model.on("change:mine", update);
    model.on("change:is_open", update);
    model.on("change:note", () => { note.textContent = model.get("note"); });
    build();
    note.textContent = model.get("note");
  }
};
"""

_STYLE = """
.jk-ballot:not(.jk-ballot-on) { display:none !important; }
.jk-ballot-box { padding:8px 12px; margin:4px 0 8px; border:2px solid #1f3a5f;
  border-radius:6px; background:#fff; color:#111; font-size:16px; line-height:1.4;
  max-width:100%; box-sizing:border-box; }
.jk-ballot-box h3 { margin:0 0 4px; font-size:18px; }
.jk-ballot-left { margin:0 0 6px; font-weight:600; }
.jk-ballot-items { list-style:none; margin:0; padding:0; }
.jk-ballot-item { display:flex; flex-wrap:wrap; align-items:center; gap:4px 8px;
  padding:4px 0; border-bottom:1px solid #D0D7DE; }
.jk-ballot-text { flex:1 1 160px; min-width:0; overflow-wrap:anywhere; }
.jk-ballot-dots { color:#1f3a5f; letter-spacing:2px; min-width:1em; }
.jk-ballot-buttons { display:flex; gap:6px; margin-left:auto; }
.jk-ballot-buttons button { min-width:44px; min-height:44px; font-size:22px; line-height:1;
  border:2px solid #1f3a5f; border-radius:6px; background:#fff; color:#111; cursor:pointer; }
.jk-ballot-buttons button:disabled { border-color:#8c959f; color:#57606a; cursor:default; }
.jk-ballot-closed .jk-ballot-item:not(.jk-ballot-mine),
.jk-ballot-closed .jk-ballot-buttons { display:none; }
.jk-ballot-note { margin:4px 0 0; color:#a40e26; }
.jk-ballot-note:empty { display:none; }
.jk-ballot-hidden { position:absolute; width:1px; height:1px; overflow:hidden;
  clip:rect(0 0 0 0); white-space:nowrap; }
"""


class BallotCard(anywidget.AnyWidget):
    """A participant's ballot: the vote's items, a dot to add or take back on each.

    The kernel holds the truth: what the page sends is only a request
    (``{"add": "3", "vote": ...}``), checked by :func:`cast` for the identity the
    page was given (:meth:`sign_in`); the synced values are what the kernel shows,
    and a page that sets them itself changes its own screen and nothing else.

    In a room run in teams (*teams*), the card shows the vote of the member's team
    (or the whole room's); when the round has none for them, it shows only
    :attr:`elsewhere`, a sentence naming the teams voting, and none of their items.

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> room, ana = pathlib.Path(tempfile.mkdtemp()), jk.JourneyMap.new("five-stage")
    >>> ana.set_lane("Purchase", "pain_points", ["Hidden costs"])
    >>> card = BallotCard(room)
    >>> card.follow(), card.vote_id                # no vote: nothing shown
    (False, '')
    >>> vote = open_vote(room, jk.rollup([ana]), "pain_points")
    >>> card.follow(), card.vote_id == ""          # not signed in: still nothing
    (False, True)
    """

    _esm = _SCRIPT
    _css = _STYLE
    vote_id = traitlets.Unicode("").tag(sync=True)
    lane_label = traitlets.Unicode("").tag(sync=True)
    items = traitlets.List(traitlets.Dict()).tag(sync=True)
    dots = traitlets.Int(0).tag(sync=True)
    is_open = traitlets.Bool(False).tag(sync=True)
    mine = traitlets.Dict().tag(sync=True)
    note = traitlets.Unicode("").tag(sync=True)
    #: Changes with every new vote, so the page draws the list again.
    version = traitlets.Int(0).tag(sync=True)
    #: When the round's votes are other teams': the sentence saying so, in place of a ballot.
    elsewhere = traitlets.Unicode("").tag(sync=True)

    def __init__(self, room: Path, teams: Sequence[Team] = (), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.room = room
        self.teams = tuple(teams)
        self.user = ""
        self.stem = ""
        self.vote: Vote | None = None
        self._elsewhere = ""
        self._mine: dict[str, int] = {}
        self.on_msg(self._answer)

    def sign_in(self, user: str, stem: str) -> None:
        """Vote as identity *user*, who holds the name slot of map *stem* (the page calls this)."""
        self.user, self.stem = user, stem
        self.follow()

    def follow(self) -> bool:
        """Show the room's vote and this identity's ballot; True when that changed the card."""
        votes = current_round(self.room) if self.user else ()
        team = None
        if any(vote.team for vote in votes):
            team = team_of(self.room, self.stem, self.user, self.teams)
        vote = vote_for(votes, team)
        elsewhere = others_vote(votes) if vote is None else ""
        mine = ballot(self.room, vote, self.user) if vote is not None else {}
        if vote == self.vote and mine == self._mine and elsewhere == self._elsewhere:
            return False
        with self.hold_sync():
            if elsewhere != self._elsewhere:
                self._elsewhere = self.elsewhere = elsewhere
                self.version += 1
            if vote != self.vote:
                if vote is None or self.vote is None or vote.id != self.vote.id:
                    self.note = ""  # a new vote: the last one's refusal no longer applies
                self.vote = vote
                self.vote_id = vote.id if vote else ""
                self.lane_label = ""
                if vote is not None:  # the card's heading: "Vote: Pain points, team Red"
                    self.lane_label = vote.label + (f", team {vote.team}" if vote.team else "")
                self.dots = vote.dots if vote else 0
                self.is_open = bool(vote and vote.open)
                self.items = [{"id": i.id, "text": i.text} for i in vote.items] if vote else []
                self.version += 1
            self._mine = mine
            self.mine = dict(mine)
        return True

    def _answer(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict) or not self.user:
            return
        step = 1 if "add" in content else -1 if "take" in content else 0
        if not step or len(content) != 2 or "vote" not in content:
            return
        if owner_of_stem(self.room, self.stem) != self.user:
            self.note = "Your place in the room was freed, so this page cannot vote."
            return
        try:
            cast(
                self.room,
                self.user,
                content["vote"],
                content.get("add", content.get("take")),
                step,
                member=self.stem,
                teams=self.teams,
            )
            self.note = ""
        except JourneyMapError as err:
            self.note = " ".join(f"Not counted: {p.message}." for p in err.problems)
        self.follow()


def others_vote(votes: Sequence[Vote]) -> str:
    """What a participant's card says while the open votes of *votes* are other teams'.

    Examples
    --------
    >>> item = (VoteItem("1", "Slow"),)
    >>> others_vote([Vote("1" * 16, "pain_points", 3, item, team="Red")])
    "This vote is team Red's, on their own map: only its members place dots."
    >>> others_vote([Vote(c * 16, "opportunities", 3, item, team=c) for c in "AB"])
    'This vote is for teams A and B, each on its own map: only their members place dots.'
    >>> others_vote([Vote("1" * 16, "pain_points", 3, item, open=False, team="Red")])
    ''
    """
    names = [vote.team for vote in votes if vote.team and vote.open]
    if not names:
        return ""
    if len(names) == 1:
        return f"This vote is team {names[0]}'s, on their own map: only its members place dots."
    who = f"{', '.join(names[:-1])} and {names[-1]}"
    return f"This vote is for teams {who}, each on its own map: only their members place dots."
