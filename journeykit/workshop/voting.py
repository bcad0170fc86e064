"""Dot voting in a room: a few dots each on the room's pain points or opportunities.

The facilitator opens a vote from the dashboard (:class:`VoteControls`) on one lane
of the room's maps, with a number of dots per participant. The items are the
roll-up's groups of near-identical wordings (:meth:`journeykit.debrief.Rollup.wording`,
grouped by :mod:`journeykit.debrief.wording`), taken when the vote opens, so everyone
votes on the same list while maps keep changing. Each participant's page shows them
in a :class:`BallotCard` with a button to add a dot and one to take it back while
the vote is open; the dashboard and its Present mode show the tally and how many
have voted (:func:`tally`), and the export adds the result to the debrief page and
writes it as CSV.

Several dots on one item are allowed, up to all of a participant's dots: with
stickers on a wall people stack them too, and a few strong wishes tell a facilitator
more than evenly spread dots. The tally counts both the dots and the voters behind
each item, so one keen voter is visible as such.

The room's files, beside the timer's (:mod:`.timer`)::

    .activity/vote.json                        the vote: id, lane, dots, items, open or closed
    .activity/ballots/<vote id>/<voter>.json   one ballot per identity: item id -> dots

Only the dashboard writes ``vote.json``. A participant's kernel writes one ballot:
the one of the identity the server told it (:mod:`.identity`), and only while that
identity holds its name slot in the room. The page sends nothing but "a dot on item
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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
    """A vote of the room: on which lane, how many dots each, the items, open or closed.

    Examples
    --------
    >>> vote = Vote("0123456789abcdef", "pain_points", 3, (VoteItem("1", "Slow delivery"),))
    >>> vote.label, vote.item("1").text, vote.item("9")
    ('Pain points', 'Slow delivery', None)
    >>> Vote.from_json(vote.to_json()) == vote
    True
    """

    id: str
    lane: str
    dots: int
    items: tuple[VoteItem, ...]
    open: bool = True

    @property
    def label(self) -> str:
        """The lane's name as the room shows it ("Pain points")."""
        return lane(self.lane).label

    def item(self, item_id: object) -> VoteItem | None:
        """The item numbered *item_id*, or None (anything else, from anywhere)."""
        return next((item for item in self.items if item.id == item_id), None)

    def to_json(self) -> str:
        record = {
            "id": self.id,
            "lane": self.lane,
            "dots": self.dots,
            "open": self.open,
            "items": [item.__dict__ for item in self.items],
        }
        return json.dumps(record, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Vote:
        """The vote *text* holds; ValueError when it is not one the dashboard writes.

        Its id names a folder of ballots, so it must be the dashboard's 16 hex digits
        (never ``..`` or a path): a damaged or forged ``vote.json`` shows no vote.
        """
        data = json.loads(text)
        items = tuple(
            VoteItem(str(i["id"]), str(i["text"]), str(i["variants"]), int(i["maps"]))
            for i in data["items"]
        )
        vote = cls(
            str(data["id"]), str(data["lane"]), int(data["dots"]), items, data["open"] is True
        )
        if not VOTE_ID.fullmatch(vote.id) or vote.lane not in VOTE_LANES:
            raise ValueError(f"not a vote: id {vote.id!r}, lane {vote.lane!r}")
        if not 1 <= vote.dots <= MAX_DOTS or not 1 <= len(items) <= MAX_ITEMS:
            raise ValueError(f"not a vote: {vote.dots} dots, {len(items)} items")
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
    if lane_key not in VOTE_LANES:
        raise JourneyMapError(
            [Problem("lane", f"{lane_key!r} is not voted on", "pick " + " or ".join(VOTE_LANES))]
        )
    if isinstance(dots, bool) or not isinstance(dots, int) or not 1 <= dots <= MAX_DOTS:
        raise JourneyMapError(
            [Problem("dots", f"{dots!r} dots", f"give each participant 1 to {MAX_DOTS} dots")]
        )
    items = vote_items(rollup, lane_key)
    if not items:
        noun = lane(lane_key).label.lower()
        raise JourneyMapError(
            [Problem("lane", f"no map in the room has {noun} yet", "open the vote once some do")]
        )
    vote = Vote(secrets.token_hex(8), lane_key, dots, items)
    write_text_atomic(vote_file(room), vote.to_json())
    return vote


def close_vote(room: Path) -> Vote | None:
    """Close the room's vote: ballots stay as they are and no page can change them."""
    vote = current_vote(room)
    if vote is None or not vote.open:
        return vote
    closed = Vote(vote.id, vote.lane, vote.dots, vote.items, open=False)
    write_text_atomic(vote_file(room), closed.to_json())
    return closed


def current_vote(room: Path) -> Vote | None:
    """The room's vote (open or closed), or None when there is none or it cannot be read."""
    try:
        return Vote.from_json(vote_file(room).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
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


def cast(room: Path, user: str, vote_id: object, item_id: object, step: int) -> dict[str, int]:
    """Add a dot (*step* 1) to item *item_id* or take one back (-1) on *user*'s ballot.

    *vote_id* is the vote the page shows: a page still showing an older vote is
    refused. Returns the ballot afterwards.

    Raises
    ------
    JourneyMapError
        When there is no open vote with that id, the item is not on it, no dot is
        left, or no dot on that item to take back; the ballot is unchanged.

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
    vote = current_vote(room)
    if vote is None or not vote.open or vote.id != vote_id:
        raise _refusal("vote", "this vote is closed", "look at the vote the page shows now")
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
        """The result as CSV: rank, item, dots, voters, maps naming it, wordings grouped.

        Cells a spreadsheet would run as a formula get a leading ``'``.
        """
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["lane", "rank", "item", "dots", "voters", "maps", "variants"])
        for rank, (item, dots, voters) in enumerate(self.rows(), 1):
            writer.writerow(
                [
                    self.vote.lane,
                    rank,
                    guard_cell(item.text),
                    dots,
                    voters,
                    item.maps,
                    guard_cell(item.variants),
                ]
            )
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
        f"<div class='jk-vote-tally' data-state='{state}' data-ballots='{result.ballots}'>"
        f"<p class='jk-vote-status'><b>Vote on {html.escape(vote.label.lower())}: {state}.</b> "
        f"<span class='jk-vote-voted'>{who} voted</span>, {vote.dots} dots each.</p>"
        "<table><thead><tr><th scope='col'>Item</th><th scope='col'><span "
        "class='jk-vote-hidden'>Share</span></th><th scope='col'>Dots</th>"
        f"<th scope='col'>Voters</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def debrief_section(result: Tally) -> str:
    """The vote's result as a section of the debrief page."""
    return (
        f"<section id='vote'><h2>What the room voted for</h2><p class='hint'>Each participant "
        f"had {result.vote.dots} dots to share out among the room's "
        f"{html.escape(result.vote.label.lower())}, several on one item if they wished; "
        "near-identical wordings were one item.</p>"
        + TALLY_STYLE
        + tally_html(result)
        + "</section>"
    )


TALLY_STYLE = """<style>
.jk-vote-tally table { border-collapse:collapse; width:100%; }
.jk-vote-tally td, .jk-vote-tally th { padding:4px 8px; border-bottom:1px solid #D0D7DE;
  text-align:left; }
.jk-vote-tally td:nth-child(2) { width:35%; }
.jk-vote-bar { display:inline-block; height:12px; min-width:2px; background:#1f3a5f; }
.jk-vote-num { font-variant-numeric:tabular-nums; text-align:right; }
.jk-vote-hidden { position:absolute; width:1px; height:1px; overflow:hidden;
  clip:rect(0 0 0 0); white-space:nowrap; }
.jk-present .jk-vote-tally { font-size:26px; }
.jk-present .jk-vote-bar { height:24px; }
.jk-present .jk-vote-controls, .jk-present .jk-vote-message { display:none; }
.jk-present .jk-dash-vote h3 { font-size:1.6em; }
</style>"""


class VoteControls:
    """The dashboard's vote: a lane, dots per participant, Open and Close, the live tally.

    Parameters
    ----------
    room : Path
        The room folder.
    rollup : callable
        Returns the room's roll-up when a vote opens (its items are taken from it).

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

    def __init__(self, room: Path, rollup: Callable[[], Rollup]) -> None:
        self.room = room
        self.rollup = rollup
        self.lane = widgets.Dropdown(
            options=[(lane(key).label, key) for key in VOTE_LANES], description="Vote on"
        )
        self.dots = widgets.BoundedIntText(
            value=DEFAULT_DOTS, min=1, max=MAX_DOTS, description="Dots each"
        )
        self.open_button = widgets.Button(description="Open vote", icon="check-square-o")
        self.close_button = widgets.Button(description="Close vote", icon="lock")
        self.open_button.on_click(lambda _: self.open())
        self.close_button.on_click(lambda _: self.close())
        self.message = widgets.HTML()
        self.message.add_class("jk-vote-message")  # the facilitator's, not the projector's
        self.tally = widgets.HTML()
        self.tally.add_class("jk-dash-vote-box")
        controls = widgets.HBox([self.lane, self.dots, self.open_button, self.close_button])
        controls.add_class("jk-vote-controls")  # not on the projector
        self.box = widgets.VBox(
            [widgets.HTML(TALLY_STYLE + "<h3>Dot vote</h3>"), controls, self.message, self.tally]
        )
        self.box.add_class("jk-dash-vote")
        self._shown: Tally | None = None
        self._joined: int | None = None
        self.follow()

    def open(self) -> bool:
        """Open a vote on the chosen lane (the message says why when it cannot)."""
        try:
            vote = open_vote(self.room, self.rollup(), str(self.lane.value), self.dots.value)
        except JourneyMapError as err:
            self._say(" ".join(f"{p.message} ({p.fix})" for p in err.problems), PAIN)
            return False
        self._say(f"Vote open: {len(vote.items)} items, {vote.dots} dots each.")
        self.follow(self._joined)
        return True

    def close(self) -> bool:
        """Close the room's vote; True when one was open."""
        vote = current_vote(self.room)
        closed = close_vote(self.room)
        self.follow(self._joined)
        if vote is None or not vote.open or closed is None:
            self._say("No vote is open.")
            return False
        self._say("Vote closed. Export HTML or CSV to keep the result.")
        return True

    def follow(self, joined: int | None = None) -> bool:
        """Count the ballots again; True when the tally shown changed."""
        self._joined = joined
        vote = current_vote(self.room)
        result = tally(self.room, vote) if vote is not None else None
        if result == self._shown and self.tally.value:
            return False
        self._shown = result
        self.tally.value = (
            tally_html(result, joined)
            if result is not None
            else f"<p style='color:{MUTED}'>No vote yet.</p>"
        )
        return True

    @property
    def result(self) -> Tally | None:
        """The tally of the room's vote as last shown, or None when there is no vote."""
        return self._shown

    def debrief_html(self) -> str:
        """The vote's result as a section of the debrief page ("" when there was no vote)."""
        self.follow(self._joined)
        return debrief_section(self._shown) if self._shown is not None else ""

    def write_csv(self, path: Path) -> Path | None:
        """Write the vote's result as CSV to *path*; None (nothing written) when there was none."""
        self.follow(self._joined)
        if self._shown is None:
            return None
        return write_text_atomic(path, self._shown.to_csv())

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
      el.classList.toggle("jk-ballot-on", !!model.get("vote_id"));
      heading.textContent = "Vote: " + model.get("lane_label");
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

    def __init__(self, room: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.room = room
        self.user = ""
        self.stem = ""
        self.vote: Vote | None = None
        self._mine: dict[str, int] = {}
        self.on_msg(self._answer)

    def sign_in(self, user: str, stem: str) -> None:
        """Vote as identity *user*, who holds the name slot of map *stem* (the page calls this)."""
        self.user, self.stem = user, stem
        self.follow()

    def follow(self) -> bool:
        """Show the room's vote and this identity's ballot; True when that changed the card."""
        vote = current_vote(self.room) if self.user else None
        mine = ballot(self.room, vote, self.user) if vote is not None else {}
        if vote == self.vote and mine == self._mine:
            return False
        with self.hold_sync():
            if vote != self.vote:
                if vote is None or self.vote is None or vote.id != self.vote.id:
                    self.note = ""  # a new vote: the last one's refusal no longer applies
                self.vote = vote
                self.vote_id = vote.id if vote else ""
                self.lane_label = vote.label if vote else ""
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
                self.room, self.user, content["vote"], content.get("add", content.get("take")), step
            )
            self.note = ""
        except JourneyMapError as err:
            self.note = " ".join(f"Not counted: {p.message}." for p in err.problems)
        self.follow()
