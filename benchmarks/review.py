"""How well and how fast ``jk.review`` coaches: precision and recall on a labelled set, and time.

**Quality.** The coach's labelled test set (``tests/coaching/data/bench/``, described in its
README) has stage goals labelled customer or business, sound maps, and maps with one flaw
each. For each split (``tune``: what the coach was built on; ``holdout``: meant to stay
unseen, but looked at while the coach was built in the last round; ``fresh``: written later by
someone who had not read the coach, then used once, by its figures; ``fresh2``, ``fresh3``,
``fresh4`` to ``fresh13``: written the same way, blind to the coach, then used to change it;
``fresh14``, ``fresh15`` and ``fresh16``: written the same way and never tuned on, the honest
estimate) this prints, per rule family, precision (of the findings of that family, the share
that point at a real flaw: the right family at the right stage) and recall (of the flaws of that
family, the share caught at the right stage); the share of business and of customer goals
flagged (each put into the worked example's Consideration stage, as issue 23 measured); and the
fix and improve findings per sound map.
Goals (issue 23): at least 90 % of business goals flagged, at most 5 % of customer goals;
at least 90 % of single flaws caught at the right stage; 0 fix and at most 0.3 improve
findings per sound map.

``--before REF`` also scores the coach of git revision REF (default: the last commit before
issue 23, :data:`BEFORE`) on the same set, in a subprocess that imports that revision's
``journeykit``, and prints both tables.

**Speed.** The editor's Review panel runs the review after each pause in typing, and the
class roll-up runs it on hundreds of maps, so it has to be cheap. Measured here:

* ``example``: the clothing-store example (5 stages, every lane filled);
* ``huge``: 8 stages with 50 items in every list lane (4,400 items).

Each is timed *warm* (the same map again: the editor's case, where an edit
changes one item and the per-item caches hold the rest) and *cold* (the
caches cleared before every run: a map never seen before, the roll-up's
case). Baselines, measured in the same run on the same maps: ``to_dict()``
(reading every lane once, the floor any review pays) and ``problems()`` (the
model's own validation, which the editor already runs on every save).

Goal (warm, the editor's case): median under 5 ms for the example and under
30 ms for the huge map. The machine is shared: when other work runs, compare the
ratios (measured in the same run) rather than the milliseconds.

The fresh parts are kept unseen: their tables give figures only, not which of their cases the
coach missed or what it said on their sound maps. ``--show-fresh`` prints them for the parts
already used to change the coach, never for a part still "never tuned on" (its label in
``UNSEEN``): relabel a part only when it is used, say so in ``data/bench/README.md``, and write
a new fresh part.

Usage: ``python benchmarks/review.py [--runs N] [--before [REF]] [--quality-only]
[--split SPLIT] [--show-fresh]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The coach before issue 23 (the tree's last commit before it changed).
BEFORE = "b34590e"
GOALS_MS = {"example": 5.0, "huge": 30.0}
#: What each table's heading says of the parts written without reading the coach. The cases of
#: the parts still never tuned on are not listed, even with ``--show-fresh``: they stay unseen.
KEPT_UNSEEN = "never tuned on"
UNSEEN = {
    "fresh": "used once, by its figures",
    "fresh2": "used to change the coach",
    "fresh3": "measured once, then used to change the coach",
    "fresh4": "measured twice, then used to change the coach",
    "fresh5": "measured once, then used to change the coach",
    "fresh6": "measured once, then used to change the coach",
    "fresh7": "measured once, then used to change the coach",
    "fresh8": "measured twice, then used to change the coach",
    "fresh9": "measured twice, then used to change the coach",
    "fresh10": "measured twice, then used to change the coach",
    "fresh11": "measured twice, then used to change the coach",
    "fresh12": "measured once, then used to change the coach",
    "fresh13": "measured once, then used to change the coach",
    "fresh14": KEPT_UNSEEN,
    "fresh15": KEPT_UNSEEN,
    "fresh16": KEPT_UNSEEN,
}


def _import_kit(kit: str | None) -> None:
    """Put the kit to measure first on the path: another checkout's, or this one's."""
    sys.path.insert(0, str(ROOT))
    if kit:
        sys.path.insert(0, kit)


def quality() -> dict:
    from tests.coaching import bench_data

    return {split: dataclasses.asdict(bench_data.report(split)) for split in bench_data.SPLITS}


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value * 100:3.0f}%"


def print_quality(
    results: dict[str, dict], splits: tuple[str, ...], show_fresh: bool = False
) -> None:
    """One table per split, a column pair (precision, recall) per coach measured.

    The cases behind the fresh parts' figures (their misses, the findings on their sound
    maps) are counted, not listed, unless *show_fresh*.
    """
    from tests.coaching.bench_data import FAMILIES, FRESH

    names = list(results)
    for split in splits:
        print(f"\n{split} set" + (f" ({UNSEEN[split]})" if split in UNSEEN else ""))
        head = "".join(f" | {name:^19}" for name in names)
        print(f"  {'family':<14}{head}")
        print(f"  {'':<14}" + " | precision  recall " * len(names))
        for family in FAMILIES:
            cells = ""
            for name in names:
                score = results[name][split]["families"][family]
                found, false, missed = score["found"], score["false"], score["missed"]
                precision = found / (found + false) if found + false else None
                recall = found / (found + missed) if found + missed else None
                cells += f" |   {_pct(precision)}     {_pct(recall)}  "
            print(f"  {family:<14}{cells}")
        rows = [
            ("business goals flagged (goal >= 90%)", "business_flagged", True),
            ("customer goals flagged (goal <= 5%)", "customer_flagged", True),
            ("  hard business goals flagged", "hard_business_flagged", True),
            ("  hard customer goals flagged", "hard_customer_flagged", True),
            ("  goals asked about (a question)", "goals_asked", False),
            ("fix per sound map (goal 0)", "sound_fix", False),
            ("improve per sound map (goal <= 0.3)", "sound_improve", False),
        ]
        for label, key, percent in rows:
            values = [results[n][split][key] for n in names]
            cells = "".join(f" | {(_pct(v) if percent else f'{v:.2f}'):>19}" for v in values)
            print(f"  {label:<38}{cells}")
        cells = "".join(
            f" | {results[n][split]['flaws_caught']:>3} of {results[n][split]['flaws']:<3}{'':>9}"
            for n in names
        )
        print(f"  {'single flaws caught at the right stage (goal >= 90%)':<38}{cells}")
        for name in names:
            missed = results[name][split]["missed"]
            notes = results[name][split]["sound_notes"]
            if split in FRESH and (not show_fresh or UNSEEN[split] == KEPT_UNSEEN):
                if missed or notes:
                    print(
                        f"    {name}: {len(missed)} missed, {len(notes)} findings on sound "
                        "maps (kept unseen; --show-fresh lists them)"
                    )
                continue
            if missed:
                print(f"    {name} missed: " + "; ".join(missed))
            if notes:
                print(f"    {name} on sound maps: " + "; ".join(notes))


def _run_before(ref: str) -> dict:
    """Score revision *ref*'s coach on the current test set, in a subprocess."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "kit.tar"
        subprocess.run(
            ["git", "archive", "--format=tar", "-o", str(archive), ref, "journeykit", "datasets"],
            cwd=ROOT,
            check=True,
        )
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        out = subprocess.run(
            [sys.executable, __file__, "--kit", tmp, "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
    return json.loads(out.stdout)


def timed(action: Callable[[], object], runs: int, caches: list, cold: bool = False) -> list[float]:
    samples = []
    for _ in range(runs):
        if cold:
            for cached in caches:
                cached.cache_clear()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def speed(runs: int) -> bool:
    """Print the review's timings; True when a goal was missed."""
    import journeykit as jk
    from journeykit import coaching
    from tests.coaching.sample_maps import huge_map

    # The review's per-text caches (bounded ``lru_cache``s), cleared for a cold run; the
    # session-wide word lists (unbounded caches) stay loaded.
    caches = [
        value
        for module in vars(coaching).values()
        if type(module).__name__ == "module"
        for value in vars(module).values()
        if hasattr(value, "cache_info") and value.cache_info().maxsize is not None
    ]
    maps = {"example": jk.example("clothing-store"), "huge": huge_map()}
    start = time.perf_counter()
    jk.review(maps["example"])  # the first review reads the catalogue and the examples once
    print(
        f"\nfirst review in a fresh process (loads the kit's word lists): "
        f"{(time.perf_counter() - start) * 1000:.1f} ms"
    )
    failed = False
    for name, journey_map in maps.items():
        runs_here = runs if name == "example" else max(runs // 4, 10)
        to_dict = statistics.median(timed(journey_map.to_dict, runs_here, caches))
        problems = statistics.median(timed(journey_map.problems, runs_here, caches))
        goal = GOALS_MS[name]
        findings = len(jk.review(journey_map))
        print(
            f"  {name} ({findings} findings), goal < {goal:.0f} ms; to_dict "
            f"{to_dict * 1000:.2f} ms, problems {problems * 1000:.2f} ms"
        )
        for cold in (False, True):
            samples = sorted(timed(lambda m=journey_map: jk.review(m), runs_here, caches, cold))
            p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
            review = statistics.median(samples)
            verdict = "(no goal: the roll-up's case)"
            if not cold:  # the editor's case, which the goal is for
                ok = review * 1000 < goal
                failed |= not ok
                verdict = "goal met" if ok else "goal MISSED"
            print(
                f"    {'cold' if cold else 'warm'}  median {review * 1000:6.2f} ms  "
                f"min {samples[0] * 1000:6.2f} ms  p95 {p95 * 1000:6.2f} ms  "
                f"ratio to to_dict() {review / to_dict:7.1f}  "
                f"ratio to problems() {review / problems:5.2f}  {verdict}"
            )
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument(
        "--before",
        nargs="?",
        const=BEFORE,
        metavar="REF",
        help=f"also score the coach of git revision REF (default {BEFORE}, before issue 23)",
    )
    parser.add_argument("--quality-only", action="store_true", help="skip the timings")
    parser.add_argument(
        "--split", metavar="PART", help="print one part of the set only (tune, holdout, fresh...)"
    )
    parser.add_argument(
        "--show-fresh",
        action="store_true",
        help="list the misses and sound-map findings of the fresh parts already used to change "
        "the coach (never those of a part still never tuned on)",
    )
    parser.add_argument("--kit", help=argparse.SUPPRESS)  # measure another checkout's kit
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    _import_kit(args.kit)
    from tests.coaching.bench_data import SPLITS  # the one list of the parts

    if args.split is not None and args.split not in SPLITS:
        parser.error(f"--split: choose one of {', '.join(SPLITS)}")
    if args.json:
        print(json.dumps(quality()))
        return 0
    results = {}
    if args.before:
        results[f"before ({args.before})"] = _run_before(args.before)
    results["now"] = quality()
    splits = (args.split,) if args.split else SPLITS
    print_quality(results, splits, args.show_fresh)
    if args.quality_only:
        return 0
    return 1 if speed(args.runs) else 0


if __name__ == "__main__":
    sys.exit(main())
