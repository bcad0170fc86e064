"""A workshop room under load: simulated participants join and edit for about a minute.

A real room (``journeykit workshop`` on 127.0.0.1, with the room's defaults
unless told otherwise) is opened; then N simulated participants join and each
makes ``--edits`` edits to their map, a few seconds apart, for about a minute.
Each participant is a client speaking the widget protocol over the kernel's
websocket (``tests/workshop/room_client.py``) from a loopback address of its
own (``127.0.0.10``, ``127.0.0.11``...: a device each, as in a classroom): it
loads the page (Voila hands out a pre-heated kernel or starts one), asks for
every widget's state as a page does, types a name, waits for the editor and
types touchpoints, exactly the messages a page sends, without drawing. Forty
Chromium pages would measure Chromium on two cores, not the room; one real page
is measured at the end, in the loaded room, for the drawing side.

Two modes, each in a room of its own, printed side by side in one run:

* **ramp**: the participants join spread over ``--ramp`` seconds, once the room's
  pool of pre-heated kernels is ready (the join of earlier rounds);
* **burst**: the room is opened ``--opened-before`` seconds (120) before every
  participant opens the link at the same second, as a class scanning the QR code.

Printed per mode:

* **join -> editor ready**: from the page request to the editor's first save
  (its status line says "Saved"), per participant;
* **edit -> saved on disk**: from sending an edit to the map file holding it
  (the file is read every 50 ms);
* **dashboard freshness**: from a map file being written to the dashboard's
  kernel sending the updated row (a client follows the dashboard page too);
* **lost edits**: edits missing from the final files (goal 0);
* **memory**: RSS of the participants' kernels, per participant, and of the
  two Voila servers;
* **room CPU per join**: CPU seconds the participants' server and its kernels
  spent from the first page request to the last editor ready, per participant:
  what a join costs on any machine, busy or quiet (two cores give 20 s of CPU in
  the 10 s a class should wait at most);
* the baseline, measured in the same room: one participant joining it empty.

Goals with 40 participants on the 2-core test machine: 0 lost edits, p95 edit ->
saved under 2 s, p95 join -> editor ready under 10 s, in both modes.

Usage: ``python benchmarks/workshop_load.py [--participants 40] [--edits 20]
[--ramp 30] [--opened-before 120] [--modes ramp,burst] [--preheat N] [--no-browser]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journeykit.workshop.servers import DEFAULT_PREHEAT  # noqa: E402
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
    room: RunningRoom,
    person: Participant,
    start_at: float,
    edits: int,
    minute: float,
    device: str,
) -> None:
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    client = RoomClient(room.join_url, address=device)
    begun = time.monotonic()
    try:
        await client.open(timeout=600)
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


async def follow_dashboard(client: RoomClient, freshness: list[float], done: asyncio.Event) -> None:
    """Time from a map file written to the dashboard kernel sending its new row."""
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
    room: RunningRoom,
    count: int,
    edits: int,
    ramp: float,
    minute: float,
    prefix: str,
    offset: int = 0,
) -> tuple[dict[str, Participant], list[float], dict[str, float]]:
    people = {f"{prefix}{n:02d}": Participant(f"{prefix}{n:02d}") for n in range(count)}
    done = asyncio.Event()
    freshness: list[float] = []
    dashboard = RoomClient(room.dashboard_url)
    await dashboard.open(timeout=600)  # the facilitator's page is open before the class comes
    watcher = asyncio.ensure_future(watch_files(room, people, done))
    board = asyncio.ensure_future(follow_dashboard(dashboard, freshness, done))
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

    async def cpu_while_joining() -> None:
        # the room's CPU (server and kernels) from the first page request to the last editor
        # ready: what a join costs, whatever else the machine is doing meanwhile
        before = room_cpu(room)
        while not all(p.joined or p.error for p in people.values()):
            await asyncio.sleep(0.2)
        after = room_cpu(room)
        memory["join_cpu_server"] = after["server"] - before["server"]
        memory["join_cpu_kernels"] = sum(
            seconds - before["kernels"].get(pid, 0.0) for pid, seconds in after["kernels"].items()
        )

    sampler = asyncio.ensure_future(sample_memory())
    await asyncio.sleep(max(0.0, start - time.monotonic() - 0.5))
    cpu = asyncio.ensure_future(cpu_while_joining())
    await asyncio.gather(
        *(
            participate(
                room,
                person,
                start + ramp * n / max(1, count - 1),
                edits,
                minute,
                f"127.0.{(10 + offset + n) // 250}.{(10 + offset + n) % 250 + 1}",
            )
            for n, person in enumerate(people.values())
        )
    )
    await asyncio.sleep(3)  # the last saves and dashboard updates
    done.set()
    await asyncio.gather(watcher, board, sampler, cpu)
    return people, freshness, memory


def room_cpu(room: RunningRoom) -> dict[str, Any]:
    """CPU seconds (user + system) of the participants' server, and of each of its kernels."""
    server = room.servers()[0]
    times = server.cpu_times()
    kernels = {}
    for kernel in room.kernels():
        try:
            spent = kernel.cpu_times()
        except psutil.Error:
            continue
        kernels[kernel.pid] = spent.user + spent.system
    return {"server": times.user + times.system, "kernels": kernels}


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
        "join_cpu": (memory.get("join_cpu_server", 0.0) + memory.get("join_cpu_kernels", 0.0))
        / max(1, len(joins)),
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
    print(
        f"  room CPU per join      {figures['join_cpu']:.2f} s (server "
        f"{memory.get('join_cpu_server', 0.0):.1f} s, kernels "
        f"{memory.get('join_cpu_kernels', 0.0):.1f} s, from the first page request to the "
        "last editor ready)"
    )
    for line in failed:
        print(f"  FAILED {line}")
    return figures


def pool_ready(room: RunningRoom, size: int, limit: float) -> float:
    """Wait until the room's pool holds *size* warm kernels (at most *limit* s); return when."""
    started = time.monotonic()
    while (
        room.participants_log().count("Pre-heated kernel") < size
        and time.monotonic() - started < limit
    ):
        time.sleep(1)
    return time.monotonic() - started


def run_mode(args: argparse.Namespace, mode: str) -> dict[str, float]:
    """One room with the room's defaults (or ``--preheat``): the baseline, then the crowd."""
    folder = Path(tempfile.mkdtemp(prefix="journeykit-load-")) / "rooms"
    places = max(args.participants + 5, 60)
    preheat = min(DEFAULT_PREHEAT if args.preheat is None else args.preheat, places)
    options = ["--max-participants", str(places), "--preheat", str(preheat)]
    label = (
        f"burst: {args.participants} open the link at the same second, "
        f"{args.opened_before:g} s after the room opened"
        if mode == "burst"
        else f"ramp: {args.participants} join over {args.ramp:g} s once the pool is ready"
    )
    print(f"\n=== {label} (pool of {preheat}) ===", flush=True)
    opened = time.monotonic()
    with running_room(folder, *options, name="Load test") as room:
        if mode == "burst":
            ready = pool_ready(room, preheat, args.opened_before)
            warm = room.participants_log().count("Pre-heated kernel")
            print(
                f"pool of {preheat} ready {ready:.0f} s after the room opened"
                if warm >= preheat
                else f"{warm} of {preheat} pool kernels warm when the class arrived"
            )
            time.sleep(max(0.0, args.opened_before - (time.monotonic() - opened)))
            loaded = asyncio.run(
                crowd(room, args.participants, args.edits, 0.0, args.minute, "p", offset=1)
            )
            solo = asyncio.run(crowd(room, 1, args.edits, 0, min(20.0, args.minute), "solo"))
        else:
            ready = pool_ready(room, preheat, 1800)
            print(f"pool of {preheat} ready {ready:.0f} s after the room opened")
            solo = asyncio.run(crowd(room, 1, args.edits, 0, min(20.0, args.minute), "solo"))
            loaded = asyncio.run(
                crowd(room, args.participants, args.edits, args.ramp, args.minute, "p", offset=1)
            )
        figures = report(f"{args.participants} participants ({mode})", *loaded, args.edits)
        base = report("Baseline: one participant alone", *solo, args.edits)
        page = None if args.no_browser else browser_join(room)
    if page is not None:
        print(
            f"A real Chromium page after the crowd: link -> editor drawn {page:.1f} s "
            "(the widget clients do not parse the preview's script)"
        )
    figures["ratio_join"] = figures["join_p95"] / max(base["join_p95"], 1e-9)
    figures["ratio_edit"] = figures["edit_p95"] / max(base["edit_p95"], 1e-9)
    figures["ready"] = ready
    print(
        f"Ratios to the baseline: join p95 {figures['ratio_join']:.1f}x, "
        f"edit p95 {figures['ratio_edit']:.1f}x"
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=40)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument(
        "--ramp", type=float, default=30.0, help="seconds over which the ramp's participants join"
    )
    parser.add_argument(
        "--opened-before",
        type=float,
        default=120.0,
        help="seconds between opening the room and the burst (default 120)",
    )
    parser.add_argument(
        "--minute", type=float, default=60.0, help="seconds each participant edits for"
    )
    parser.add_argument("--modes", default="ramp,burst", help="ramp, burst or both (default)")
    parser.add_argument(
        "--preheat", type=int, default=None, help="the room's pool (default: the room's own)"
    )
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    modes = [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    print(
        f"Workshop room load: {args.participants} participants x {args.edits} edits; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start"
    )
    results = {mode: run_mode(args, mode) for mode in modes}
    print("\nSummary (goals: 0 lost edits, p95 edit -> saved < 2 s, p95 join -> editor < 10 s)")
    print(
        f"{'mode':<8}{'join p50':>10}{'join p95':>10}{'edit p95':>10}{'fresh p95':>11}"
        f"{'lost':>6}{'MB/kernel':>11}{'CPU/join':>10}{'x alone':>9}  goals"
    )
    all_met = {}
    for mode, figures in results.items():
        met = (
            figures["lost"] <= GOALS["lost"]
            and figures["edit_p95"] < GOALS["edit_p95"]
            and figures["join_p95"] < GOALS["join_p95"]
            and figures["joined"] == figures["participants"]
        )
        all_met[mode] = met
        print(
            f"{mode:<8}{figures['join_median']:>9.1f}s{figures['join_p95']:>9.1f}s"
            f"{figures['edit_p95']:>9.2f}s{figures['fresh_p95']:>10.2f}s"
            f"{figures['lost']:>6.0f}{figures['kernel_mb']:>10.0f}"
            f"{figures['join_cpu']:>9.2f}s{figures['ratio_join']:>8.1f}x  "
            f"{'met' if met else 'MISSED'}"
        )
    per_gb = 1024 / max(max(f["kernel_mb"] for f in results.values()), 1.0)
    print(
        f"\nWhat limits the room size: memory, about {per_gb:.0f} participants per GB free "
        "(one kernel each, the pool included); joining costs little CPU once the pool is "
        "warm (a pre-heated kernel has its editor built), so a class joining at once waits "
        "for its pages to load, not for editors to be built."
    )
    return 0 if all(all_met.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
