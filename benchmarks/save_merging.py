"""What checking for another editor costs a save: each figure the median of many saves.

Every autosave now takes the file's lock, reads the file back and compares its
hash with what the map last saw, and only then swaps the new file in. Measured
in this same run on the clothing-store example (about 5 KB):

* ``baseline``: what every save did before, with no lock and no check: the
  old file copied to ``.bak`` and the new text written, each as a temporary
  file, ``fsync`` and ``os.replace``;
* ``save``: ``JourneyMap.save(path)``, a plain save (lock, backup);
* ``merge, nobody else``: ``save(path, merge=True)`` when no one else saved;
* ``merge, other saved``: the same after another map saved a change to
  another field, so a three-way merge runs and the map takes the change in.

Goal: the checks cost well under the half second autosave waits anyway.
Usage: ``python benchmarks/save_merging.py [--saves N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import journeykit as jk  # noqa: E402


def median_ms(prepare: Callable[[int], object], save: Callable[[], object], runs: int) -> float:
    """Median time of *save*, each run after an untimed ``prepare(n)``."""
    samples = []
    for n in range(runs):
        prepare(n)
        started = time.perf_counter()
        save()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def write_plain(path: Path, data: bytes) -> None:
    """Temporary file, flush, fsync, replace; nothing else."""
    tmp = path.with_name(".bench.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def old_save(m: jk.JourneyMap, path: Path) -> None:
    """The save before issue 15: check the map, keep a backup, write."""
    m.problems()
    write_plain(path.with_name(path.name + ".bak"), path.read_bytes())
    write_plain(path, m.to_json().encode("utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    runs = parser.parse_args().saves
    folder = Path(tempfile.mkdtemp())
    path = folder / "shop.json"
    m = jk.example("clothing-store")
    m.save(path)
    other = jk.load_map(path)
    warnings.simplefilter("ignore", jk.MergeWarning)

    def edit(n: int) -> None:
        m.set_lane("Awareness", "kpis", [f"Reach {n}"])

    def other_saves_then_edit(n: int) -> None:
        other.set_lane("Advocacy", "kpis", [f"Referrals {n}"])
        other.save(path, merge=True)
        edit(n)

    figures = {
        "baseline": median_ms(edit, lambda: old_save(m, path), runs),
        "save": median_ms(edit, lambda: m.save(path), runs),
        "merge, nobody else": median_ms(edit, lambda: m.save(path, merge=True), runs),
        "merge, other saved": median_ms(
            other_saves_then_edit, lambda: m.save(path, merge=True), runs
        ),
    }
    assert jk.load_map(path).stage("Advocacy").kpis == [f"Referrals {runs - 1}"]
    base = figures["baseline"]
    for name, ms in figures.items():
        print(f"{name:>20}: {ms:6.2f} ms  ({ms / base:4.2f}x baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
