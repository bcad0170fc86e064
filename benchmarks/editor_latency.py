"""How long the editor takes from a widget change to a redrawn preview.

Python side (always): the clothing-store example in an editor with autosave
on. Each of 100 edits sets a lane's text box (or the emotion slider) exactly as
a keystroke does, and is timed until the preview (``LivePlot``) holds the
new figure (the first edit after a pause redraws at once, so this is the wait
a learner sees). Measured in the same run, the baselines are:

* ``rebuild``: what re-creating the preview would cost: ``plot_map`` plus a
  new ``LivePlot``;
* ``plot_map``: drawing the figure alone, the floor any redraw pays.

Browser side (when Chromium is found; ``--no-browser`` skips it): JupyterLab,
started as ``journeykit lab`` starts it, runs the editor; 100 times a text box
is changed in the page and timed until the plot in the page shows the new text.
Edits are 150 ms apart, like a learner pausing between words. Baseline:
``Plotly.newPlot`` of the same figure into a fresh element, what drawing it
from scratch costs the browser. Peer, measured the same way in the same run:
a second JupyterLab with Jupyter Server's own kernel websocket, where Nagle's
algorithm holds small messages back until the browser acknowledges earlier
ones (``journeykit.lab.websocket`` turns it off). Also printed: the bytes the
page receives for the preview (websocket frames and HTTP bodies from running
the editor cell until the preview shows), for the first editor in a fresh page
and again after the page is reloaded (the browser's HTTP cache is warm then).

A peer from the project's own history: ``--ref REF`` also measures the kit as it was
at git commit *REF* (checked out in a temporary git worktree, removed afterwards), in
the same run and the same way, each tree in a process of its own, and prints the
ratios of this tree's medians and p95s to the ref's. ``--no-nagle`` leaves out the
Nagle's-algorithm peer (shorter runs).

Goals: median and p95 under 50 ms on the Python side; median under 50 ms in the browser.
Usage: ``python benchmarks/editor_latency.py [--edits N] [--no-browser] [--no-nagle]
[--ref REF]``.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The kit measured: this checkout, or the tree a ``--ref`` run hands its child process.
ROOT = Path(
    os.environ.get(TREE_VARIABLE := "JOURNEYKIT_BENCH_TREE", "")
    or Path(__file__).resolve().parent.parent
)
sys.path.insert(0, str(ROOT))

import journeykit as jk  # noqa: E402

GOAL_MS = 50.0
PAUSE_S = 0.15  # between browser edits: longer than the editor's 0.1 s redraw merge


def summary(samples: list[float]) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def line(name: str, samples: list[float], base: float, base_name: str) -> str:
    """One result row: median, p95 and the median's ratio to the baseline's median (s)."""
    median, p95 = summary(samples)
    ratio = statistics.median(samples) / base
    return (
        f"  {name:<27} median {median:7.2f} ms   p95 {p95:7.2f} ms   "
        f"ratio to {base_name} {ratio:5.2f}"
    )


def time_each(count: int, step: Callable[[int], None]) -> list[float]:
    samples = []
    for i in range(count):
        start = time.perf_counter()
        step(i)
        samples.append(time.perf_counter() - start)
    return samples


def python_side(edits: int, folder: Path) -> tuple[float, float]:
    ed = jk.Editor(
        jk.example("clothing-store"), folder / "shop.json", save_delay=60, redraw_delay=0.0
    )  # every edit takes the immediate (first-edit) path
    box = ed.fields["Decision.touchpoints"].input
    slider = ed.fields["Decision.emotion_score"].slider

    def type_text(i: int) -> None:
        box.value = f"Checkout page\nPop-up shop {i}"

    def move_slider(i: int) -> None:
        slider.value = 1 + slider.value % 5  # 3, 4, 5, 1, 2, ...: always a change

    def counted(step: Callable[[int], None]) -> Callable[[int], None]:
        def run(i: int) -> None:
            before = ed.preview_revision
            step(i)
            assert ed.preview_revision == before + 1, "every edit must redraw the preview"

        return run

    counted(type_text)(-1)  # warm caches once, as the first edit after opening would
    typing = time_each(edits, counted(type_text))
    sliding = time_each(edits, counted(move_slider))
    ed.close()

    m = jk.example("clothing-store")
    widget = type(ed.preview)  # the editor's own preview widget
    rebuild = time_each(edits, lambda i: widget(jk.plot_map(m)))
    plot_only = time_each(edits, lambda i: jk.plot_map(m))
    base = statistics.median(rebuild)
    print(f"Python side: widget change -> preview redrawn, {edits} edits each")
    for name, samples in (
        ("typing in a lane", typing),
        ("moving the emotion slider", sliding),
        ("rebuild (baseline)", rebuild),
        ("plot_map alone", plot_only),
    ):
        print(line(name, samples, base, "rebuild"))
    return typing + sliding


BROWSER_EDITS_JS = """async ([selector, count, pause]) => {
    const box = document.querySelector(selector);
    const plot = document.querySelector('.jk-preview .js-plotly-plot');
    const shows = marker => JSON.stringify([plot.data.map(t => t.text),  // cell texts are
        (plot.layout.shapes || []).map(s => s.label)]).includes(marker);  // shape labels
    const times = [];
    for (let i = 0; i < count; i++) {
        const marker = `Q${i}Z`;
        const start = performance.now();
        box.value = `Checkout page\\n${marker}`;
        box.dispatchEvent(new Event('input', {bubbles: true}));
        while (!shows(marker)) {
            if (performance.now() - start > 10000) throw new Error(`edit ${i} never showed`);
            await new Promise(resolve => setTimeout(resolve, 1));
        }
        await new Promise(resolve => requestAnimationFrame(resolve));
        times.push(performance.now() - start);
        await new Promise(resolve => setTimeout(resolve, pause));
    }
    return times;
}"""

NEWPLOT_JS = """async (count) => {
    const live = document.querySelector('.jk-preview .js-plotly-plot');
    const times = [];
    for (let i = 0; i < count; i++) {
        const target = document.createElement('div');
        document.body.appendChild(target);
        const start = performance.now();
        await Plotly.newPlot(target, live.data, live.layout);
        await new Promise(resolve => requestAnimationFrame(resolve));
        times.push(performance.now() - start);
        Plotly.purge(target);
        target.remove();
    }
    return times;
}"""


class Traffic:
    """Bytes a page receives over the network (websocket frames, HTTP transfers), counted
    by Chromium itself (DevTools protocol) since :meth:`reset`; a cache hit counts 0."""

    def __init__(self, page: Any) -> None:
        self.websocket = 0
        self.http = 0
        devtools = page.context.new_cdp_session(page)
        devtools.send("Network.enable")
        devtools.on("Network.webSocketFrameReceived", self._frame)
        devtools.on("Network.loadingFinished", self._transfer)

    def _frame(self, event: dict[str, Any]) -> None:
        frame = event["response"]
        data = frame["payloadData"]
        self.websocket += (
            len(base64.b64decode(data)) if frame["opcode"] == 2 else len(data.encode())
        )

    def _transfer(self, event: dict[str, Any]) -> None:
        self.http += int(event.get("encodedDataLength", 0))

    def reset(self) -> None:
        self.websocket = self.http = 0

    def line(self, what: str) -> str:
        total = (self.websocket + self.http) / 1e6
        return (
            f"  {what:<38} {total:6.2f} MB  (websocket {self.websocket / 1e6:5.2f} MB, "
            f"HTTP {self.http / 1e6:5.2f} MB)"
        )


def show_editor(page: Any, traffic: Traffic, shown: str) -> None:
    """Run the editor cell and wait until its preview shows, counting what the page receives."""
    from tests.editing.lab_session import run_first_code_cell

    traffic.reset()
    run_first_code_cell(page, shown)
    page.wait_for_timeout(1000)  # late messages count too


#: The peer: the same server with Jupyter Server's own kernel websocket (Nagle's algorithm on).
DEFAULT_CONNECTION = (
    "--ServerApp.kernel_websocket_connection_class=jupyter_server.services."
    "kernels.connection.channels.ZMQChannelsWebsocketConnection"
)


def browser_run(
    playwright: Any, chromium: Path, folder: Path, options: list[str], edits: int, bytes_too: bool
) -> dict[str, Any]:
    """One JupyterLab started as ``journeykit lab`` starts it (plus *options*): the editor's
    round trips, ``Plotly.newPlot`` of its figure and, with *bytes_too*, the bytes received."""
    from journeykit.chromium import HEADLESS_ARGS
    from journeykit.editing.fields import css_name
    from tests.editing.lab_session import STEP_MS, lab_server, open_notebook

    notebook = ROOT / "tests" / "editing" / "data" / "editor.ipynb"
    lab_dir = folder / "lab"
    shutil.rmtree(lab_dir, ignore_errors=True)  # a fresh map for each server
    lab_dir.mkdir()
    shutil.copy(notebook, lab_dir / notebook.name)
    # Nothing may leave the machine: every host name but 127.0.0.1 fails to resolve. (Not
    # Playwright's request routing, which would turn off the HTTP cache measured here.)
    args = [
        *(arg for arg in HEADLESS_ARGS if arg != "--headless=new"),
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ]
    shown = ".jk-editor .jk-preview .js-plotly-plot .main-svg"
    found: dict[str, Any] = {}
    with lab_server(lab_dir, folder / "home", kit=True, options=options) as lab:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=args, headless=True, timeout=60_000
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 3000})
            page.set_default_timeout(STEP_MS)
            traffic = Traffic(page)
            open_notebook(page, lab.notebook_url(notebook.name))
            show_editor(page, traffic, shown)
            found["first view"] = traffic.line("first editor in a fresh page")
            page.click(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
            selector = f".{css_name('Awareness.touchpoints')} textarea"
            found["round trips"] = [
                ms / 1000
                for ms in page.evaluate(BROWSER_EDITS_JS, [selector, edits, PAUSE_S * 1000])
            ]
            plotly_js = Path(__import__("plotly").__file__).parent / "package_data"
            page.add_script_tag(path=str(plotly_js / "plotly.min.js"))
            found["newPlot"] = [ms / 1000 for ms in page.evaluate(NEWPLOT_JS, edits)]
            if bytes_too:
                open_notebook(page, lab.notebook_url(notebook.name) + "&reset")  # a reload
                show_editor(page, traffic, shown)
                found["reloaded"] = traffic.line("again after reloading the page")
        finally:
            browser.close()
    return found


def browser_side(edits: int, folder: Path, nagle: bool = True) -> list[float]:
    from playwright.sync_api import sync_playwright

    from journeykit.chromium import find_chromium

    chromium = find_chromium()
    if chromium is None:
        print("Browser side: skipped, no Chromium found")
        return []
    with sync_playwright() as playwright:
        kit = browser_run(playwright, chromium, folder, [], edits, bytes_too=True)
        peer = (
            browser_run(playwright, chromium, folder, [DEFAULT_CONNECTION], edits, False)
            if nagle
            else None
        )
    base = statistics.median(kit["newPlot"])
    print(
        f"Browser side: text box changed in the page -> plot shows it, {edits} edits "
        f"{PAUSE_S * 1000:.0f} ms apart (kernel round trip included)"
    )
    print(line("typing in a lane", kit["round trips"], base, "newPlot"))
    print(line("Plotly.newPlot (baseline)", kit["newPlot"], base, "newPlot"))
    if peer is not None:
        print(line("same, Nagle on (peer)", peer["round trips"], base, "newPlot"))
        print(
            "  (the peer: Jupyter Server's own kernel websocket, as a plain `jupyter lab` has"
            f" it;\n   its newPlot median {statistics.median(peer['newPlot']) * 1000:.2f} ms)"
        )
    print("Bytes the page receives for the preview (running the editor cell until it shows)")
    print(kit["first view"])
    print(kit["reloaded"])
    return list(kit["round trips"])


RESULT_MARK = "editor-latency-result: "


def measure_tree(tree: Path, ref: str, edits: int, browser: bool) -> dict[str, list[float]]:
    """Run this script on the kit in *tree* in a process of its own (its report printed
    as it goes) and return its samples."""
    print(f"===== {ref} ({tree})", flush=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--edits", str(edits), "--no-nagle"]
    command += [] if browser else ["--no-browser"]
    env = {**os.environ, TREE_VARIABLE: str(tree)}
    found: dict[str, list[float]] = {}
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        for text in child.stdout:
            if text.startswith(RESULT_MARK):
                found = json.loads(text.removeprefix(RESULT_MARK))
            else:
                print(text, end="", flush=True)
    if child.returncode != 0 or not found:
        raise SystemExit(f"measuring {ref} failed (exit {child.returncode})")
    return found


def compare_with(ref: str, edits: int, browser: bool) -> None:
    """Measure this tree and the kit at commit *ref* in the same run; print the ratios."""
    here = Path(__file__).resolve().parent.parent
    worktree = Path(tempfile.mkdtemp(prefix="journeykit-ref-"))
    git = ["git", "-C", str(here)]
    subprocess.run([*git, "worktree", "add", "--detach", str(worktree), ref], check=True)
    try:
        ours = measure_tree(here, "this tree", edits, browser)
        theirs = measure_tree(worktree, ref, edits, browser)
    finally:
        subprocess.run([*git, "worktree", "remove", "--force", str(worktree)], check=True)
    print(f"This tree against {ref}, measured in the same run (ratio < 1: this tree is faster)")
    for side, samples in ours.items():
        (median, p95), (ref_median, ref_p95) = summary(samples), summary(theirs[side])
        print(
            f"  {side:<8} median {median:7.2f} ms vs {ref_median:7.2f} ms "
            f"(ratio {median / ref_median:4.2f})   p95 {p95:7.2f} ms vs {ref_p95:7.2f} ms "
            f"(ratio {p95 / ref_p95:4.2f})"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-nagle", action="store_true", help="leave out the Nagle peer")
    parser.add_argument("--ref", help="also measure the kit at this git commit, as a peer")
    options = parser.parse_args()
    if options.ref:
        compare_with(options.ref, options.edits, not options.no_browser)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="journeykit-bench-"))
    found: dict[str, list[float]] = {}
    try:
        found["python"] = python_side(options.edits, folder)
        median, p95 = summary(found["python"])
        verdict = "OK" if p95 < GOAL_MS else "OVER GOAL"
        print(
            f"Python side, all edits: median {median:.2f} ms, p95 {p95:.2f} ms "
            f"(goal < {GOAL_MS:.0f} ms): {verdict}"
        )
        if not options.no_browser:
            found["browser"] = browser_side(options.edits, folder, not options.no_nagle)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if os.environ.get(TREE_VARIABLE):  # a child of a --ref run: its samples for the parent
        print(RESULT_MARK + json.dumps({k: v for k, v in found.items() if v}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
