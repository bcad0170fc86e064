"""The editor in a real JupyterLab, driven by headless Chromium through Playwright.

A learner's whole round trip: open the notebook, run the editor cell, type
touchpoints, move the emotion slider; the live preview changes and the map
file holds both edits. Then the kernel restarts and the page reloads (as after
a crashed browser tab), the cell runs again, and everything is still there.
The page may reach only the local JupyterLab server, so this also shows the
editor needs no network.

Uses the machine's Chromium through ``chromium_browser`` (tests/conftest.py):
skipped on a learner's machine without one, failing on CI.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from journeykit.editing.fields import css_name
from tests.editing.lab_session import (
    Lab,
    lab_only_page,
    lab_server,
    open_notebook,
    restart_kernel,
    run_first_code_cell,
    wait_for_idle_kernel,
)

pytestmark = pytest.mark.browser

NOTEBOOK = Path(__file__).resolve().parent / "data" / "editor.ipynb"
MAP_FILE = Path("my_maps") / "browser_shop.json"  # as written in the notebook's cell
SAVE_SECONDS = 15
EDITOR_SHOWN = ".jk-editor .jk-preview .js-plotly-plot .main-svg"
TOUCHPOINTS = f".{css_name('Awareness.touchpoints')} textarea"
SLIDER = f".{css_name('Awareness.emotion_score')} .noUi-handle"
READOUT = f".{css_name('Awareness.emotion_score')} .jk-score-readout"
TYPED = ["Shop window", "Pop-up stall at the market"]
#: True once the preview's subtitle sits below its title (plotly.js can draw them on top of
#: each other when a plot is drawn before it is on the page; the editor redraws the title).
TITLE_CLEAR_OF_SUBTITLE = """() => {
    const title = document.querySelector('.jk-preview .gtitle');
    const sub = document.querySelector('.jk-preview .gtitle-subtitle');
    return !!title && !!sub
        && sub.getBoundingClientRect().top >= title.getBoundingClientRect().bottom - 2;
}"""


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    """The kit's JupyterLab (as ``journeykit lab`` starts it) on a copy of the test notebook."""
    folder = tmp_path / "lab"
    folder.mkdir()
    shutil.copy(NOTEBOOK, folder / NOTEBOOK.name)
    with lab_server(folder, tmp_path / "home", kit=True) as server:
        yield server


@pytest.fixture
def lab_page(chromium_browser: Any, lab: Lab) -> Iterator[tuple[Any, list[str]]]:
    """A page that may reach only the local JupyterLab, and the list of refused requests."""
    blocked: list[str] = []
    page = lab_only_page(chromium_browser, lab, blocked)
    try:
        yield page, blocked
    finally:
        page.context.close()


def preview_state(page: Any) -> dict[str, Any]:
    """What the live plotly figure in the page shows: trace texts and the emotion curve."""
    return page.evaluate("""() => {
        const plot = document.querySelector('.jk-preview .js-plotly-plot');
        const curve = plot.data.find(t => t.name === 'emotion');
        return {text: JSON.stringify(plot.data.map(t => t.text)),
                emotion_y: curve ? Array.from(curve.y) : null};
    }""")


def saved_map(folder: Path, predicate: Any, what: str) -> dict[str, Any]:
    """The map file once *predicate* holds for it (autosave waits for a pause)."""
    path = folder / MAP_FILE
    deadline = time.monotonic() + SAVE_SECONDS
    data: dict[str, Any] = {}
    while time.monotonic() < deadline:
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            if predicate(data):
                return data
        time.sleep(0.2)
    pytest.fail(f"after {SAVE_SECONDS} s the map file still lacks {what}: {data}")


def test_typing_and_sliding_reach_preview_and_file_and_survive_a_restart(
        lab: Lab, lab_page: tuple[Any, list[str]], test_output_dir: Path) -> None:
    page, blocked = lab_page
    try:
        round_trip(page, lab, test_output_dir)
    except Exception:
        page.screenshot(path=str(test_output_dir / "failure.png"), full_page=True)
        raise
    assert blocked == [], f"the page tried the network: {blocked}"


def round_trip(page: Any, lab: Lab, output_dir: Path) -> None:
    open_notebook(page, lab.notebook_url(NOTEBOOK.name))
    run_first_code_cell(page, EDITOR_SHOWN)
    assert (lab.root_dir / MAP_FILE).exists(), "a new map's file is written when it opens"
    page.wait_for_function(TITLE_CLEAR_OF_SUBTITLE)
    before = preview_state(page)

    page.click(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
    page.click(TOUCHPOINTS)
    page.keyboard.type("\n".join(TYPED))
    page.click(SLIDER)  # gives the stage a score (3) ...
    for _ in range(2):
        page.keyboard.press("ArrowRight")  # ... and moves it to 5
    page.wait_for_function("""() => {
        const data = document.querySelector('.jk-preview .js-plotly-plot').data;
        const curve = data.find(t => t.name === 'emotion');
        return data.some(t => JSON.stringify(t.text || '').includes('Pop-up stall'))
            && curve.y[0] !== null && curve.y[0] !== undefined;
    }""")
    after = preview_state(page)
    assert after["text"] != before["text"], "the preview shows the typed touchpoints"
    assert after["emotion_y"] != before["emotion_y"], "the emotion curve moved"

    data = saved_map(lab.root_dir, lambda d: d["stages"][0]["emotion"]["score"] == 5
                     and d["stages"][0]["touchpoints"] == TYPED, "the touchpoints and score 5")
    assert page.inner_text(READOUT).startswith("5")
    page.wait_for_function("() => document.querySelector('.jk-status').innerText"
                           ".startsWith('Saved')")
    page.locator(".jk-editor").screenshot(path=str(output_dir / "editor.png"))

    restart_kernel(page)
    page.reload(wait_until="domcontentloaded")  # as after a crashed browser tab
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    wait_for_idle_kernel(page)
    run_first_code_cell(page, EDITOR_SHOWN)
    page.click(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
    assert page.input_value(TOUCHPOINTS) == "\n".join(TYPED)
    assert page.inner_text(READOUT).startswith("5")
    assert "Pop-up stall" in preview_state(page)["text"]
    assert json.loads((lab.root_dir / MAP_FILE).read_text(encoding="utf-8")) == data
    page.locator(".jk-editor").screenshot(path=str(output_dir / "editor-reopened.png"))
