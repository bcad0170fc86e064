"""How long the HTML export of a big map takes, next to plotly's own HTML export.

The map: the eight-stage framework with every list lane holding 50 items in
every stage (8 stages x 10 list lanes x 50 items = 4,000 items), plus goals and
scores. Figures measured in this same run, each the median of several runs:

* ``baseline``: ``plotly.io.to_html`` of one empty figure with plotly.js inlined
  (the floor for any offline plotly page: reading and copying 4.7 MB of plotly.js);
* ``to_html``: :func:`journeykit.to_html` of the big map (two figures, the table,
  plotly.js once);
* ``write``: the same, written to a file atomically.

Goal: ``to_html`` well under a second. Usage: ``python benchmarks/export_html.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

import journeykit as jk
from journeykit.catalogue import LIST_LANES

GOAL_SECONDS = 1.0
STAGES_FRAMEWORK = "eight-stage"
ITEMS_PER_LANE = 50


def big_map() -> jk.JourneyMap:
    """An eight-stage map with 50 items in every list lane of every stage."""
    m = jk.JourneyMap.new(
        STAGES_FRAMEWORK,
        title="Benchmark: a very full map",
        persona=jk.Persona("Sam", "A learner who writes a lot"),
    )
    for i, stage in enumerate(m.stage_names):
        m.set_lane(stage, "goal", f"Goal of the {stage} stage, written as one sentence")
        m.set_lane(stage, "emotion_score", 1 + i % 5)
        for key in LIST_LANES:
            m.set_lane(
                stage,
                key,
                [
                    f"{stage} {key.replace('_', ' ')} item {n} with a few "
                    "words <and> some & awkward; text: #1"
                    for n in range(1, ITEMS_PER_LANE + 1)
                ],
            )
    return m


def median_seconds(action: Callable[[], object], runs: int) -> float:
    action()  # warm up: imports, file cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    m = big_map()
    items = len(m.to_frame())
    empty = go.Figure()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "big.html"
        timings = {
            "baseline": median_seconds(
                lambda: pio.to_html(empty, include_plotlyjs=True, full_html=True), runs
            ),
            "to_html": median_seconds(lambda: jk.to_html(m), runs),
            "write": median_seconds(lambda: jk.to_html(m, target), runs),
        }
        size = target.stat().st_size
    baseline_size = len(pio.to_html(empty, include_plotlyjs=True, full_html=True).encode())
    print(
        f"HTML export of a {len(m.stages)}-stage map with {ITEMS_PER_LANE} items per lane "
        f"({items} rows), median of {runs} runs"
    )
    for name, seconds in timings.items():
        print(
            f"  {name:<9} {seconds * 1000:8.1f} ms   ratio to baseline "
            f"{seconds / timings['baseline']:5.2f}"
        )
    print(
        f"  file size {size / 1e6:.2f} MB (baseline page {baseline_size / 1e6:.2f} MB, "
        f"ratio {size / baseline_size:.2f})"
    )
    verdict = "OK" if timings["write"] < GOAL_SECONDS else "OVER GOAL"
    print(f"to_html + write = {timings['write']:.3f} s (goal < {GOAL_SECONDS:.0f} s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
