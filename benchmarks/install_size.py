"""What a learner's install costs: ``make lab``'s install step against the bare stack.

Both installs go into a fresh virtual environment, one after the other, from the
same warm pip cache (both sets of packages are downloaded into it first, not
timed), each one run:

* ``stack``: the six packages of the stack alone (:data:`STACK`), installed the
  way ``make lab`` installs (pip upgraded first, then one ``pip install``);
* ``make lab``: the Makefile's own install step (``make`` builds its learner
  stamp), in a copy of this checkout, so it installs exactly what a learner gets.

Printed: seconds and the megabytes of each ``.venv``, and the kit's ratio to the
stack for both. Goal: at most 1.3 in both.

Usage: ``python benchmarks/install_size.py`` (needs ``make`` and the network or a
pip cache that already holds every package).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The stack a journey-mapping course in Jupyter needs at the least.
STACK = ("jupyterlab", "ipywidgets", "pandas", "plotly", "nbconvert", "nbval")
GOAL = 1.3
LAB_STAMP = ".venv/.journeykit-lab"  # the Makefile's learner install (keep in step)


def run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout[-3000:], result.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"failed: {' '.join(command)}")


def megabytes(folder: Path) -> float:
    return (
        sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / "python"


def copy_checkout(target: Path) -> None:
    """The files git knows of, as a fresh clone would have them (with uncommitted edits)."""
    listed = (
        subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def warm_cache(folder: Path) -> None:
    """Download both sets of packages, so both timed installs find them in pip's cache."""
    run(
        [sys.executable, "-m", "pip", "download", "-q", "-d", str(folder / "stack"), *STACK], folder
    )
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "-q",
            "-d",
            str(folder / "kit"),
            str(ROOT),
            "pip",
        ],
        folder,
    )


def stack_install(folder: Path) -> tuple[float, float]:
    venv = folder / ".venv"
    start = time.perf_counter()
    run([sys.executable, "-m", "venv", str(venv)], folder)
    run([str(venv_python(venv)), "-m", "pip", "install", "-q", "--upgrade", "pip"], folder)
    run([str(venv_python(venv)), "-m", "pip", "install", "-q", *STACK], folder)
    return time.perf_counter() - start, megabytes(venv)


def make_lab_install(folder: Path) -> tuple[float, float]:
    copy_checkout(folder)
    start = time.perf_counter()
    run(["make", f"PYTHON={sys.executable}", LAB_STAMP], folder)
    return time.perf_counter() - start, megabytes(folder / ".venv")


def main() -> int:
    if shutil.which("make") is None:
        print("install_size: skipped, make is not installed")
        return 0
    with tempfile.TemporaryDirectory(prefix="journeykit-install-") as tmp:
        work = Path(tmp)
        for name in ("cache", "stack", "kit"):
            (work / name).mkdir()
        warm_cache(work / "cache")
        stack_s, stack_mb = stack_install(work / "stack")
        kit_s, kit_mb = make_lab_install(work / "kit")
    print("Install into a fresh .venv, warm pip cache, one run each")
    print(f"  the six packages of the stack   {stack_s:6.1f} s   {stack_mb:6.0f} MB")
    print(f"  make lab's install step         {kit_s:6.1f} s   {kit_mb:6.0f} MB")
    time_ratio, size_ratio = kit_s / stack_s, kit_mb / stack_mb
    verdict = "OK" if max(time_ratio, size_ratio) <= GOAL else "OVER GOAL"
    print(
        f"  ratio to the stack: time {time_ratio:4.2f}, size {size_ratio:4.2f} "
        f"(goal <= {GOAL}): {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
