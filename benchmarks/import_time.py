"""How long ``import journeykit`` takes, next to the stack it stands on.

Each figure is the median wall time of fresh Python processes (so nothing is
cached in memory between runs), all measured in this same run:

* ``python``: starting Python and doing nothing (the floor);
* ``stack``: ``import pandas, plotly.graph_objects`` (the baseline);
* ``journeykit``: ``import journeykit`` alone (heavy layers load lazily);
* ``kit + stack``: ``import journeykit, pandas, plotly.graph_objects``.

Goal: ``kit + stack`` / ``stack`` <= 1.1, the kit adds nothing noticeable.
Usage: ``python benchmarks/import_time.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CASES = {
    "python": "pass",
    "stack": "import pandas, plotly.graph_objects",
    "journeykit": "import journeykit",
    "kit + stack": "import journeykit, pandas, plotly.graph_objects",
}
GOAL = 1.1


def time_once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    for code in CASES.values():  # warm the file-system cache once
        time_once(code)
    samples: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(runs):  # interleave cases so drift hits them all alike
        for name, code in CASES.items():
            samples[name].append(time_once(code))
    median = {name: statistics.median(values) for name, values in samples.items()}
    base = median["stack"]
    print(f"import time, median of {runs} fresh processes")
    for name, value in median.items():
        print(f"  {name:<12} {value * 1000:8.1f} ms   ratio to stack {value / base:5.2f}")
    ratio = median["kit + stack"] / base
    verdict = "OK" if ratio <= GOAL else "OVER GOAL"
    print(f"kit + stack / stack = {ratio:.3f} (goal <= {GOAL}): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
