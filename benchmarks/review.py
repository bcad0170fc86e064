"""How long ``jk.review`` takes: the worked example and a huge map, on every edit.

The editor's Review panel runs the review after each pause in typing, and the
class roll-up runs it on hundreds of maps, so it has to be cheap. Measured here:

* ``example``: the clothing-store example (5 stages, every lane filled);
* ``huge``: 8 stages with 50 items in every list lane (4,400 items).

Each is timed *warm* (the same map again: the editor's case, where an edit
changes one item and the per-item word caches hold the rest) and *cold* (the
word caches cleared before every run: a map never seen before, the roll-up's
case). Baselines, measured in the same run on the same maps: ``to_dict()``
(reading every lane once, the floor any review pays) and ``problems()`` (the
model's own validation, which the editor already runs on every save).

Goal (warm, the editor's case): median under 5 ms for the example and under
30 ms for the huge map. The machine is shared: when other work runs, compare the
ratios (measured in the same run) rather than the milliseconds.
Usage: ``python benchmarks/review.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import journeykit as jk  # noqa: E402
from journeykit.coaching import hygiene, kinds, words  # noqa: E402
from tests.coaching.sample_maps import huge_map  # noqa: E402

#: The review's per-text caches (bounded ``lru_cache``s), cleared for a cold run; the
#: session-wide word lists (``kinds.known_item_lanes``, unbounded) stay loaded.
CACHES = [
    value
    for module in (words, kinds, hygiene)
    for value in vars(module).values()
    if hasattr(value, "cache_info") and value.cache_info().maxsize is not None
]

GOALS_MS = {"example": 5.0, "huge": 30.0}


def timed(action: Callable[[], object], runs: int, cold: bool = False) -> list[float]:
    samples = []
    for _ in range(runs):
        if cold:
            for cached in CACHES:
                cached.cache_clear()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)
    maps = {"example": jk.example("clothing-store"), "huge": huge_map()}
    start = time.perf_counter()
    jk.review(maps["example"])  # the first review reads the catalogue and the examples once
    print(
        f"first review in a fresh process (loads the kit's word lists): "
        f"{(time.perf_counter() - start) * 1000:.1f} ms"
    )
    failed = False
    for name, journey_map in maps.items():
        runs = args.runs if name == "example" else max(args.runs // 4, 10)
        to_dict = statistics.median(timed(journey_map.to_dict, runs))
        problems = statistics.median(timed(journey_map.problems, runs))
        goal = GOALS_MS[name]
        findings = len(jk.review(journey_map))
        print(
            f"  {name} ({findings} findings), goal < {goal:.0f} ms; to_dict "
            f"{to_dict * 1000:.2f} ms, problems {problems * 1000:.2f} ms"
        )
        for cold in (False, True):
            samples = sorted(timed(lambda m=journey_map: jk.review(m), runs, cold))
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
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
