"""Write the sample class the facilitator notebook debriefs: ``datasets/sample-class/``.

    python tools/make_sample_class.py            # 25 maps, seed 2024 (what is committed)
    python tools/make_sample_class.py --check    # exit 1 if the folder differs from the seed

The maps are made by :func:`journeykit.debrief.sample.write_sample_class`: 25 learners,
five small businesses, all four frameworks, finished, half-done and barely started maps,
plus a file with a missing comma, one naming a framework the kit does not know, and a
conflict copy. The same seed always writes the same bytes, so the folder can be rebuilt
and checked at any time.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from journeykit.debrief.sample import write_sample_class

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "datasets" / "sample-class"
COUNT, SEED = 25, 2024


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*")) if p.is_file()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare the committed folder with a fresh copy, write nothing",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        write_sample_class(tmp, count=COUNT, seed=SEED)
        fresh = snapshot(Path(tmp))
        if args.check:
            same = FOLDER.is_dir() and snapshot(FOLDER) == fresh
            print(f"{FOLDER.relative_to(ROOT)}: {'up to date' if same else 'DIFFERS'}")
            return 0 if same else 1
        shutil.rmtree(FOLDER, ignore_errors=True)
        shutil.copytree(tmp, FOLDER)
    print(f"Wrote {len(fresh)} files to {FOLDER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
