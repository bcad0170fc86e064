"""How long a class roll-up takes, next to just loading its map files.

For a class of 30 and one of 300 generated maps (``journeykit.debrief.sample``,
mixed frameworks and states of completion, written to a temporary folder), each
figure the median of several runs in this same process:

* ``load``: :func:`journeykit.load_map` on every file (the baseline: reading and
  checking the files, which any roll-up must do);
* ``roll-up``: :func:`journeykit.rollup` on the folder plus its tables (emotions,
  coverage, top pain points, class-wide review);
* ``+ figures``: the same plus every figure (heatmap, spread, coverage, top pain
  points): the measured total, goal under 0.3 s for 30 maps and 2 s for 300;
* ``refresh``: :meth:`Rollup.refresh` with one file changed, then every figure again
  (what the workshop room does every few seconds);
* ``to_html``: the whole debrief page (plotly.js inlined, gallery of every map).

Usage: ``python benchmarks/rollup.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from export_html import median_seconds  # this folder is on the path when run as a script

import journeykit as jk
from journeykit.debrief.sample import write_sample_class

#: Class sizes measured and the goal for load + roll-up + every figure, in seconds.
GOALS = {30: 0.3, 300: 2.0}


def full(folder: Path) -> jk.Rollup:
    r = jk.rollup(folder)
    r.emotions(), r.coverage(), r.top("pain_points"), r.review()
    return r


def measure(count: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_sample_class(folder, count=count, seed=count, extras=False)
        live = full(folder)
        changed = files[0]

        def refresh() -> None:
            stat = changed.stat()
            os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
            live.refresh()
            live.figures()

        timings = {
            "load": median_seconds(lambda: [jk.load_map(p) for p in files], runs),
            "roll-up": median_seconds(lambda: full(folder), runs),
            "+ figures": median_seconds(lambda: full(folder).figures(), runs),
            "refresh": median_seconds(refresh, runs),
            "to_html": median_seconds(lambda: full(folder).to_html(), max(1, runs // 2)),
        }
    print(
        f"{count} maps ({len(live.steps)} steps, {len(live.frameworks)} frameworks), "
        f"median of {runs} runs"
    )
    for name, seconds in timings.items():
        print(
            f"  {name:<10} {seconds * 1000:8.1f} ms   ratio to load "
            f"{seconds / timings['load']:5.2f}"
        )
    total, goal = timings["+ figures"], GOALS[count]
    verdict = "OK" if total < goal else "OVER GOAL"
    print(f"load + roll-up + every figure = {total:.3f} s (goal < {goal} s): {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    for count in GOALS:
        measure(count, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
