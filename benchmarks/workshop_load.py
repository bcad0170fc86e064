"""A workshop room under load: simulated participants join and edit for about a minute.

A real room (``journeykit workshop`` on 127.0.0.1) is opened; then N simulated
participants join, spread over ``--ramp`` seconds, and each makes ``--edits``
edits to their map, a few seconds apart, for about a minute. Each participant
is a client speaking the widget protocol over the kernel's websocket
(``tests/workshop/room_client.py``): it loads the page (Voila starts a kernel
and runs the app), sends its browser id, types a name, waits for the editor
and types touchpoints, exactly the messages a page sends, without drawing.
Thirty Chromium pages would measure Chromium on two cores, not the room; one
real page is measured at the end, in the loaded room, for the drawing side.

Printed:

* **join -> editor ready**: from the page request to the editor's first save
  (its status line says "Saved"), per participant;
* **edit -> saved on disk**: from sending an edit to the map file holding it
  (the file is read every 50 ms);
* **dashboard freshness**: from a map file being written to the dashboard's
  kernel sending the updated row (a client follows the dashboard page too);
* **lost edits**: edits missing from the final files (goal 0);
* **memory**: RSS of the participants' kernels, per participant, and of the
  two Voila servers;
* the baseline, measured in the same run: one participant joining an empty room;
* all of it twice by default: kernels started per page (cold), and a room with a pool of
  pre-heated kernels as large as the crowd (``--preheat 30``).

Goals with 30 participants x 20 edits on the 2-core test machine: 0 lost edits,
p95 edit -> saved under 2 s, p95 join -> editor ready under 10 s.

Usage: ``python benchmarks/workshop_load.py [--participants 30] [--edits 20]
[--ramp 30] [--minute 60] [--preheat 0,30] [--no-browser]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import secrets
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.workshop.room_client import RoomClient  # noqa: E402
from tests.workshop.room_session import RunningRoom, running_room  # noqa: E402

GOALS = {"lost": 0, "edit_p95": 2.0, "join_p95": 10.0}
_ROW = re.compile(r"data-participant='([^']*)' data-mtime='(\d+)'")


@dataclass
class Participant:
    name: str
    joined: float = 0.0  # seconds from page request to editor ready
    received_mb: float = 0.0
    sent: list[float] = field(default_factory=list)  # monotonic time of each edit
    saved: dict[int, float] = field(default_factory=dict)  # edit number -> seen on disk
    error: str = ""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


async def participate(
    room: RunningRoom, person: Participant, start_at: float, edits: int, minute: float
) -> None:
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    client = RoomClient(room.join_url)
    begun = time.monotonic()
    try:
        await client.open(timeout=600)
        browser = await client.wait_for(lambda c: c.find(lambda m: "storage_key" in m.state), 600)
        await client.update(browser, link_name="", browser_id=secrets.token_hex(16))
        name = await client.wait_for(
            lambda c: c.find(
                lambda m: m.name == "TextModel" and m.state.get("placeholder") == "Your first name"
            ),
            600,
        )
        await client.update(name, value=person.name)
        await client.wait_for(
            lambda c: c.find(
                lambda m: "jk-status" in m.classes and "Saved" in m.state.get("value", "")
            ),
            600,
        )
        person.joined = time.monotonic() - begun
        box = await client.wait_for(
            lambda c: c.child_of("jk-field-Awareness-touchpoints", "TextareaModel"), 600
        )
        gap = max(0.5, (minute - person.joined) / edits)
        for number in range(edits):
            lines = "\n".join(f"Touchpoint {n + 1}" for n in range(number + 1))
            person.sent.append(time.monotonic())
            await client.update(box, value=lines)
            await asyncio.sleep(gap)
        person.received_mb = client.received_bytes / 1e6
    except Exception as exc:  # report and go on: one failure must not hide the others
        person.error = f"{type(exc).__name__}: {exc}"[:200]
    finally:
        await client.shut_down_kernel()


async def watch_files(
    room: RunningRoom, people: dict[str, Participant], done: asyncio.Event
) -> None:
    """Note when each edit first shows in its map file (every 50 ms)."""
    while not done.is_set():
        now = time.monotonic()
        for stem, person in people.items():
            try:
                data = json.loads((room.room_dir / f"{stem}.json").read_text("utf-8"))
            except (OSError, ValueError):
                continue
            held = len(data["stages"][0]["touchpoints"])
            for number in range(held):
                person.saved.setdefault(number, now)
        await asyncio.sleep(0.05)


async def follow_dashboard(room: RunningRoom, freshness: list[float], done: asyncio.Event) -> None:
    """Time from a map file written to the dashboard kernel sending its new row."""
    client = RoomClient(room.dashboard_url)
    await client.open(timeout=600)
    seen: dict[str, str] = {}
    while not done.is_set():
        people = client.find(lambda m: "jk-dash-people-box" in m.classes)
        if people is not None:
            now = time.time()
            for who, mtime in _ROW.findall(people.state.get("value", "")):
                if seen.get(who) != mtime:
                    if who in seen:
                        freshness.append(now - int(mtime) / 1e9)
                    seen[who] = mtime
        await client.next_message(0.5)
    await client.close()


async def crowd(
    room: RunningRoom, count: int, edits: int, ramp: float, minute: float, prefix: str
) -> tuple[dict[str, Participant], list[float], dict[str, float]]:
    people = {f"{prefix}{n:02d}": Participant(f"{prefix}{n:02d}") for n in range(count)}
    done = asyncio.Event()
    freshness: list[float] = []
    watcher = asyncio.ensure_future(watch_files(room, people, done))
    board = asyncio.ensure_future(follow_dashboard(room, freshness, done))
    start = time.monotonic() + 1
    memory: dict[str, float] = {}

    async def sample_memory() -> None:
        # the moment most participants' kernels run at once, with their editors open
        while not done.is_set():
            kernels = room.kernels()
            if kernels and len(kernels) >= memory.get("kernels", 0):
                rss = [k.memory_info().rss / 2**20 for k in kernels]
                memory.update(
                    kernels=len(kernels),
                    kernel_mb=statistics.mean(rss),
                    total_mb=sum(rss),
                    servers_mb=sum(p.memory_info().rss / 2**20 for p in room.servers()),
                )
            await asyncio.sleep(2)

    sampler = asyncio.ensure_future(sample_memory())
    await asyncio.gather(
        *(
            participate(room, person, start + ramp * n / max(1, count - 1), edits, minute)
            for n, person in enumerate(people.values())
        )
    )
    await asyncio.sleep(3)  # the last saves and dashboard updates
    done.set()
    await asyncio.gather(watcher, board, sampler)
    return people, freshness, memory


def browser_join(room: RunningRoom) -> float | None:
    """Seconds from opening the link to the editor drawn, in a real Chromium page."""
    from journeykit.chromium import find_chromium
    from tests.workshop.room_session import EDITOR_SHOWN, join, open_room_page, room_page

    executable = find_chromium()
    if executable is None:
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), args=["--no-sandbox", "--disable-gpu"]
        )
        page = room_page(browser, room, [])
        started = time.monotonic()
        open_room_page(page, room.join_url)
        join(page, "Browser")
        page.wait_for_selector(EDITOR_SHOWN)
        took = time.monotonic() - started
        browser.close()
    return took


def report(
    label: str,
    people: dict[str, Participant],
    freshness: list[float],
    memory: dict[str, float],
    edits: int,
) -> dict[str, float]:
    joins = [p.joined for p in people.values() if p.joined]
    latencies = [
        p.saved[n] - sent for p in people.values() for n, sent in enumerate(p.sent) if n in p.saved
    ]
    lost = sum(edits - len(p.saved) for p in people.values())
    failed = [f"{p.name}: {p.error}" for p in people.values() if p.error]
    figures = {
        "participants": len(people),
        "joined": len(joins),
        "join_median": statistics.median(joins) if joins else 0.0,
        "join_p95": percentile(joins, 0.95),
        "join_max": max(joins, default=0.0),
        "edit_median": statistics.median(latencies) if latencies else 0.0,
        "edit_p95": percentile(latencies, 0.95),
        "edit_max": max(latencies, default=0.0),
        "lost": lost,
        "fresh_median": statistics.median(freshness) if freshness else 0.0,
        "fresh_p95": percentile(freshness, 0.95),
        "kernel_mb": memory.get("kernel_mb", 0.0),
        "servers_mb": memory.get("servers_mb", 0.0),
        "ws_mb": statistics.median(
            [p.received_mb for p in people.values() if p.received_mb] or [0.0]
        ),
    }
    print(f"\n{label}: {len(joins)} of {len(people)} joined, {len(latencies)} edits timed")
    print(
        f"  join -> editor ready   median {figures['join_median']:5.1f} s   "
        f"p95 {figures['join_p95']:5.1f} s   max {figures['join_max']:5.1f} s"
    )
    print(
        f"  edit -> saved on disk  median {figures['edit_median']:5.2f} s   "
        f"p95 {figures['edit_p95']:5.2f} s   max {figures['edit_max']:5.2f} s"
    )
    print(
        f"  dashboard freshness    median {figures['fresh_median']:5.2f} s   "
        f"p95 {figures['fresh_p95']:5.2f} s   ({len(freshness)} row updates)"
    )
    print(f"  lost edits             {lost}")
    print(
        f"  memory                 {figures['kernel_mb']:.0f} MB per kernel "
        f"({memory.get('kernels', 0):.0f} kernels, {memory.get('total_mb', 0):.0f} MB), "
        f"{figures['servers_mb']:.0f} MB for the two servers"
    )
    print(f"  over the websocket     {figures['ws_mb']:.1f} MB per participant")
    for line in failed:
        print(f"  FAILED {line}")
    return figures


def run_mode(args: argparse.Namespace, preheat: int) -> dict[str, float]:
    """One room with *preheat* kernels kept ready: the baseline, then the crowd."""
    folder = Path(tempfile.mkdtemp(prefix="journeykit-load-")) / "rooms"
    options = ["--max-participants", str(args.participants + 5), "--preheat", str(preheat)]
    label = f"preheat {preheat}" if preheat else "cold (a kernel started per page)"
    print(f"\n=== {label} ===")
    with running_room(folder, *options, name="Load test") as room:
        if preheat:
            started = time.monotonic()
            while (
                room.participants_log().count("Pre-heated kernel") < preheat
                and time.monotonic() - started < 1800
            ):
                time.sleep(1)
            print(
                f"pool of {preheat} ready {time.monotonic() - started:.0f} s after the room opened"
            )
        solo = asyncio.run(crowd(room, 1, args.edits, 0, min(20.0, args.minute), "solo"))
        base = report("Baseline: one participant in an empty room", *solo, args.edits)
        loaded = asyncio.run(
            crowd(room, args.participants, args.edits, args.ramp, args.minute, "p")
        )
        figures = report(f"{args.participants} participants", *loaded, args.edits)
        page = None if args.no_browser else browser_join(room)
    if page is not None:
        print(
            f"A real Chromium page after the crowd: link -> editor drawn {page:.1f} s "
            "(the widget clients do not parse the preview's script)"
        )
    figures["ratio_join"] = figures["join_p95"] / max(base["join_p95"], 1e-9)
    figures["ratio_edit"] = figures["edit_p95"] / max(base["edit_p95"], 1e-9)
    print(
        f"Ratios to the baseline: join p95 {figures['ratio_join']:.1f}x, "
        f"edit p95 {figures['ratio_edit']:.1f}x"
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument(
        "--ramp", type=float, default=30.0, help="seconds over which the participants join"
    )
    parser.add_argument(
        "--minute", type=float, default=60.0, help="seconds each participant edits for"
    )
    parser.add_argument(
        "--preheat", default="0,30", help="comma-separated pool sizes to measure, e.g. 0,30"
    )
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    modes = [int(value) for value in args.preheat.split(",")]
    print(
        f"Workshop room load: {args.participants} participants x {args.edits} edits, "
        f"joining over {args.ramp:g} s; {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the start"
    )
    results = {mode: run_mode(args, mode) for mode in modes}
    print("\nSummary (goals: 0 lost edits, p95 edit -> saved < 2 s, p95 join -> editor < 10 s)")
    print(
        f"{'mode':<12}{'join p95':>10}{'edit p95':>10}{'fresh p95':>11}{'lost':>6}"
        f"{'MB/kernel':>11}  goals"
    )
    all_met = {}
    for mode, figures in results.items():
        met = (
            figures["lost"] <= GOALS["lost"]
            and figures["edit_p95"] < GOALS["edit_p95"]
            and figures["join_p95"] < GOALS["join_p95"]
        )
        all_met[mode] = met
        print(
            f"{'preheat ' + str(mode) if mode else 'cold':<12}{figures['join_p95']:>9.1f}s"
            f"{figures['edit_p95']:>9.2f}s{figures['fresh_p95']:>10.2f}s"
            f"{figures['lost']:>6.0f}{figures['kernel_mb']:>10.0f}  "
            f"{'met' if met else 'MISSED'}"
        )
    per_gb = 1024 / max(max(f["kernel_mb"] for f in results.values()), 1.0)
    print(
        f"\nWhat limits the room size: memory, about {per_gb:.0f} participants per GB free "
        "(one kernel each, plus a pre-heated pool); and CPU when many join at once: a "
        "kernel start and an editor build each take a few seconds of one core, so joins "
        "queue on a small laptop unless kernels are pre-heated."
    )
    return 0 if any(all_met.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
