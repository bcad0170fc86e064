"""Six members typing into one team map at once, beside six participants with a map each.

Two real rooms (``journeykit workshop`` on 127.0.0.1), one after the other in the
same run: a **solo** room (each participant their own map) and a **team** room
(``--teams "Red"``: all six edit ``team-red.json``). Each participant is a
scripted page (``tests/workshop/room_client.py``: the messages a browser sends,
from a loopback address of its own) that joins and then, ``--edits`` times, a
couple of seconds apart, adds an item to the first stage's touchpoints the way a
page does: the box's text as the page shows it now, plus a new line, after the
status line's word on what the box showed before the typing (``guard.js``). In the
team room all six type into that same box, the hardest case for a merge.

Printed per room:

* **lost**: items missing from the final map files (goal 0);
* **edit -> disk**: from sending an edit to the file holding it (read every 50 ms);
* **edit -> teammate's screen** (team room): from sending an edit to each other
  member's page receiving a box holding it (goal p95 <= 2 s on a 2-core machine);
* **kept aside**: versions kept beside the maps (a text both typed into; none
  expected for a list, whose items merge).

The solo room's edit -> disk is the same run's baseline: a teammate's screen waits
for that save, then for the member's page to look at the file and send the box.

Usage: ``python benchmarks/team_map.py [--members 6] [--edits 10] [--gap 2]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.workshop_load import percentile  # noqa: E402
from tests.workshop.room_client import RoomClient, message  # noqa: E402
from tests.workshop.room_session import RunningRoom, running_room  # noqa: E402

GOALS = {"lost": 0, "screen_p95": 2.0}
BOX = "jk-field-Awareness-touchpoints"


@dataclass
class Member:
    name: str
    client: RoomClient | None = None
    sent: dict[str, float] = field(default_factory=dict)  # item -> when sent
    seen: dict[str, float] = field(default_factory=dict)  # teammates' items -> when shown
    error: str = ""

    def shown(self) -> list[str]:
        assert self.client is not None
        box = self.client.child_of(BOX, "TextareaModel")
        return str(box.state.get("value", "")).splitlines() if box is not None else []


async def join(room: RunningRoom, member: Member, device: str, team: bool) -> None:
    client = member.client = RoomClient(room.join_url, address=device)
    await client.open(timeout=600)
    name = await client.wait_for(
        lambda c: c.find(
            lambda m: m.name == "TextModel" and m.state.get("placeholder") == "Your first name"
        ),
        600,
    )
    if team:
        picker = await client.wait_for(lambda c: c.find(lambda m: "jk-room-team" in m.classes))
        await client.update(picker, index=0)
    await client.update(name, value=member.name)
    await client.wait_for(lambda c: c.child_of(BOX, "TextareaModel"), 600)


async def type_items(member: Member, edits: int, gap: float, start: float) -> None:
    assert member.client is not None
    await asyncio.sleep(max(0.0, start - time.monotonic()))
    try:
        for number in range(edits):
            box = member.client.child_of(BOX, "TextareaModel")
            assert box is not None
            item = f"{member.name} item {number + 1}"
            base = str(box.state.get("value", ""))
            text = "\n".join([*member.shown(), item])
            member.sent[item] = time.monotonic()
            await say_typed(member.client, base, text)
            await member.client.update(box, value=text)
            await asyncio.sleep(gap)
    except Exception as exc:  # report and go on
        member.error = f"{type(exc).__name__}: {exc}"[:200]


async def say_typed(client: RoomClient, base: str, text: str) -> None:
    """What the page's status line says as a box sends its text: what the box showed before
    the typing (``guard.js``), so the kernel merges the typing from there."""
    guard = client.find(lambda m: BOX in m.state.get("fields", {}))
    assert guard is not None
    key = guard.state["fields"][BOX]
    content = {"kind": "typed", "fields": {key: {"text": text, "base": base}}}
    await client.send(
        message(
            "comm_msg", {"comm_id": guard.comm_id, "data": {"method": "custom", "content": content}}
        )
    )


async def follow_screens(members: list[Member], done: asyncio.Event) -> None:
    """Note when each member's page first shows each teammate's item."""
    while not done.is_set():
        now = time.monotonic()
        for member in members:
            for item in member.shown():
                if not item.startswith(member.name + " "):
                    member.seen.setdefault(item, now)
        await asyncio.gather(*(m.client.next_message(0.05) for m in members if m.client))


async def follow_disk(files: list[Path], on_disk: dict[str, float], done: asyncio.Event) -> None:
    while not done.is_set():
        now = time.monotonic()
        for path in files:
            try:
                data = json.loads(path.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            for item in data["stages"][0]["touchpoints"]:
                on_disk.setdefault(str(item), now)
        await asyncio.sleep(0.05)


async def run_room(
    folder: Path, team: bool, count: int, edits: int, gap: float
) -> dict[str, float]:
    options = ("--teams", "Red") if team else ()
    with running_room(folder, *options, "--preheat", str(count), "--per-device", "0") as room:
        members = [Member(f"M{n}") for n in range(count)]
        await asyncio.gather(
            *(join(room, m, f"127.0.0.{20 + n}", team) for n, m in enumerate(members))
        )
        files = [room.room_dir / ("team-red.json" if team else f"m{n}.json") for n in range(count)]
        on_disk: dict[str, float] = {}
        done = asyncio.Event()
        watchers = [
            asyncio.ensure_future(follow_disk(sorted(set(files)), on_disk, done)),
            asyncio.ensure_future(follow_screens(members, done)),
        ]
        start = time.monotonic() + 1
        await asyncio.gather(
            *(type_items(m, edits, gap, start + gap * n / count) for n, m in enumerate(members))
        )
        settle = time.monotonic() + 30  # the last saves reach the files and the pages
        expected = {item for m in members for item in m.sent}
        while time.monotonic() < settle and not expected <= set(on_disk):
            await asyncio.sleep(0.1)
        if team:
            while time.monotonic() < settle and any(
                len(m.seen) < len(expected) - len(m.sent) for m in members
            ):
                await asyncio.sleep(0.1)
        done.set()
        await asyncio.gather(*watchers)
        final: set[str] = set()
        for path in set(files):
            final |= set(json.loads(path.read_text("utf-8"))["stages"][0]["touchpoints"])
        kept = len(list(room.room_dir.glob("*.conflict-*.json")))
        for m in members:
            if m.client is not None:
                await m.client.shut_down_kernel()
    sent_at = {item: when for m in members for item, when in m.sent.items()}
    to_disk = [on_disk[item] - sent_at[item] for item in sent_at if item in on_disk]
    to_screen = [
        when - sent_at[item] for m in members for item, when in m.seen.items() if item in sent_at
    ]
    missing_on_screens = sum(len(expected) - len(m.sent) - len(m.seen) for m in members)
    errors = [f"{m.name}: {m.error}" for m in members if m.error]
    for line in errors:
        print("  error:", line)
    return {
        "edits": len(expected),
        "lost": len(expected - final),
        "disk_median": statistics.median(to_disk) if to_disk else 0.0,
        "disk_p95": percentile(to_disk, 0.95),
        "screen_median": statistics.median(to_screen) if to_screen else 0.0,
        "screen_p95": percentile(to_screen, 0.95),
        "screen_max": max(to_screen, default=0.0),
        "never_shown": float(missing_on_screens if team else 0),
        "kept_aside": float(kept),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=6)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--gap", type=float, default=2.0, help="seconds between a member's edits")
    args = parser.parse_args()
    results = {}
    for label, team in (("solo", False), ("team", True)):
        folder = Path(tempfile.mkdtemp(prefix=f"journeykit-{label}-")) / "rooms"
        results[label] = asyncio.run(run_room(folder, team, args.members, args.edits, args.gap))
    print(f"{args.members} participants, {args.edits} edits each, {args.gap:g} s apart")
    print(f"{'':28}{'solo room':>12}{'team room':>12}")
    rows = [
        ("edits sent", "edits", "{:.0f}"),
        ("lost (goal 0)", "lost", "{:.0f}"),
        ("edit -> disk median s", "disk_median", "{:.2f}"),
        ("edit -> disk p95 s", "disk_p95", "{:.2f}"),
        ("edit -> teammate median s", "screen_median", "{:.2f}"),
        ("edit -> teammate p95 s", "screen_p95", "{:.2f}"),
        ("edit -> teammate max s", "screen_max", "{:.2f}"),
        ("teammate never shown", "never_shown", "{:.0f}"),
        ("versions kept aside", "kept_aside", "{:.0f}"),
    ]
    for label, key, shape in rows:
        solo, team = (shape.format(results[r][key]) for r in ("solo", "team"))
        print(f"{label:28}{solo if not key.startswith(('screen', 'never')) else '-':>12}{team:>12}")
    team = results["team"]
    solo_disk = results["solo"]["disk_p95"]
    if solo_disk:
        print(f"teammate p95 / solo edit -> disk p95: {team['screen_p95'] / solo_disk:.1f}x")
    met = team["lost"] <= GOALS["lost"] and team["screen_p95"] <= GOALS["screen_p95"]
    print(f"goals (team: lost 0, teammate p95 <= 2 s): {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
