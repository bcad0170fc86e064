"""Workshop decks: whole-course build time, size on disk, time to the first painted slide.

Both sides are measured in this same run, on the same notebooks (``notebooks/``,
or the test samples when the course is not there):

* ``journeykit``: ``journeykit slides NOTEBOOKS -o DIR`` in a fresh process, as a
  facilitator runs it (Python start-up and imports included);
* ``nbconvert``: plain ``jupyter nbconvert --to slides NOTEBOOKS`` (the baseline),
  also a fresh process. Its decks load reveal.js 4, require.js, jQuery and
  MathJax from CDNs and leave plotly figures undrawn: offline they never start.

Time to first painted slide: each deck opened cold in headless Chromium with
every non-file request blocked, from navigation start until reveal.js is ready
and a frame with the first slide has painted (for the baseline, which never
gets there offline, the first contentful paint is shown instead).

Goals: build < 10 s, total < 10 MB, first slide < 1 s.
Usage: ``python benchmarks/slides_build.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GOALS = {"build": 10.0, "size": 10.0, "paint": 1.0}

FIRST_PAINT = """async () => {
  const paint = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  if (window.journeykitSlides) {
    await window.journeykitSlides.ready;
    await paint();
    return {slide: performance.now(), started: true};
  }
  await new Promise(r => setTimeout(r, 1500));   // give the baseline every chance to start
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const started = typeof Reveal !== 'undefined' && !!Reveal.isReady && Reveal.isReady();
  return {slide: fcp ? fcp.startTime : null, started};
}"""


def course_notebooks() -> list[Path]:
    found = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    return found or sorted((ROOT / "tests" / "data" / "slides").glob("[0-9][0-9]_*.ipynb"))


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def build_ours(notebooks: list[Path], out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    return timed(
        [sys.executable, "-m", "journeykit.cli", "slides", *map(str, notebooks), "-o", str(out)]
    )


def build_baseline(notebooks: list[Path], out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    return timed(
        [
            str(BIN / "jupyter"),
            "nbconvert",
            "--to",
            "slides",
            "--output-dir",
            str(out),
            *map(str, notebooks),
        ]
    )


def first_paints(decks: list[Path]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from journeykit.chromium import HEADLESS_ARGS, require_chromium

    args = [arg for arg in HEADLESS_ARGS if not arg.startswith("--headless")]
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(require_chromium("the slide benchmark")), headless=True, args=args
        )
        for deck in decks:
            context = browser.new_context(viewport={"width": 1280, "height": 720})
            context.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith("file:") else route.abort()
                ),
            )
            page = context.new_page()
            page.goto(deck.as_uri(), wait_until="commit")
            page.wait_for_load_state("load")
            results.append(page.evaluate(FIRST_PAINT))
            context.close()
        browser.close()
    return results


def line(name: str, ours: float, base: float, unit: str, goal: float | None) -> str:
    ratio = f"{ours / base:5.2f}" if base else "  n/a"
    verdict = "" if goal is None else ("  OK" if ours < goal else "  OVER GOAL")
    return (
        f"  {name:<22} journeykit {ours:8.2f} {unit:<3} nbconvert {base:8.2f} {unit:<3} "
        f"ratio {ratio}{verdict}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per side (median)")
    runs = parser.parse_args().runs
    notebooks = course_notebooks()
    work = Path(tempfile.mkdtemp(prefix="journeykit-slides-bench-"))
    try:
        ours_dir, base_dir = work / "journeykit", work / "nbconvert"
        ours_t, base_t = [], []
        for _ in range(runs):  # interleave so machine load hits both alike
            ours_t.append(build_ours(notebooks, ours_dir))
            base_t.append(build_baseline(notebooks, base_dir))
        ours_decks = sorted(ours_dir.glob("*.slides.html"))
        base_decks = sorted(base_dir.glob("*.slides.html"))
        ours_paint = first_paints(ours_decks)
        base_paint = first_paints(base_decks)
        print(
            f"slide decks: {len(notebooks)} notebooks from "
            f"{notebooks[0].parent.relative_to(ROOT)}, median of {runs} builds"
        )
        print(
            line(
                "build, whole course",
                statistics.median(ours_t),
                statistics.median(base_t),
                "s",
                GOALS["build"],
            )
        )
        print(line("size on disk", folder_mb(ours_dir), folder_mb(base_dir), "MB", GOALS["size"]))
        ours_ms = [r["slide"] / 1000 for r in ours_paint]
        base_ms = [r["slide"] / 1000 for r in base_paint if r["slide"] is not None]
        print(
            line("first slide, slowest", max(ours_ms), max(base_ms, default=0), "s", GOALS["paint"])
        )
        print(
            line(
                "first slide, median",
                statistics.median(ours_ms),
                statistics.median(base_ms) if base_ms else 0,
                "s",
                None,
            )
        )
        started = sum(r["started"] for r in base_paint)
        print(
            f"  offline, reveal.js started in {sum(r['started'] for r in ours_paint)}/"
            f"{len(ours_decks)} journeykit decks and {started}/{len(base_decks)} nbconvert "
            "decks (baseline time is its first contentful paint: a flat page)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
