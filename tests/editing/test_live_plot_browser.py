"""The live preview in a real JupyterLab: where plotly.js comes from, and what a page gets.

* In the kit's JupyterLab the page fetches plotly.js once from the server's static
  files (a file the browser can cache) and never receives it over the kernel's
  socket; two previews in one page share it.
* In a JupyterLab that does not serve it (plain ``jupyter lab``), the page asks
  the kernel for it once and the preview still draws and follows typing.
* A second view of the same preview (the cell's output shown again) follows
  every edit, and so does a view in a page opened later, which starts from the
  widget's state in the kernel (the figure sent whole, before the patches).

The page may reach only the local server (see ``lab_session.lab_only_page``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest

from journeykit.editing.fields import css_name
from tests.editing.lab_session import Lab, lab_only_page, lab_server, open_notebook

pytestmark = pytest.mark.browser

NOTEBOOK = Path(__file__).resolve().parent / "data" / "editor.ipynb"
TOUCHPOINTS = f".{css_name('Awareness.touchpoints')} textarea"
#: Plot *index* of the notebook (the editor's preview, then the same preview shown on its
#: own) shows *marker* somewhere in its texts (of traces, and of the cells' shape labels).
SHOWS = """([index, marker]) => {
    const plot = document.querySelectorAll('.jp-Notebook .js-plotly-plot')[index];
    return !!plot && JSON.stringify([plot.data.map(t => t.text),
        (plot.layout.shapes || []).map(s => s.label)]).includes(marker);
}"""
#: Hovers plot *index*'s Awareness touchpoints cell (its bar in the map's cells, trace 0)
#: and says whether the hover box shows *marker*: a typed item is in the hover box too.
HOVER_SHOWS = """([index, marker]) => {
    const plot = document.querySelectorAll('.jp-Notebook .js-plotly-plot')[index];
    const cell = plot.data[0].hovertext.findIndex(
        text => text.includes('Touchpoints') && text.includes('· Awareness'));
    window.jkPlotly.Fx.hover(plot, [{curveNumber: 0, pointNumber: cell}]);
    const box = plot.querySelector('.hoverlayer .hovertext');
    return !!box && box.textContent.includes(marker);
}"""


def two_editor_notebook(folder: Path) -> str:
    """The editor test notebook plus a second cell showing the same preview again."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("ed.preview", id="again"))
    nbformat.write(nb, folder / "two.ipynb")
    return "two.ipynb"


def run_cell(page: Any, index: int) -> None:
    """Run code cell *index* and wait until its plot shows."""
    page.click(f".jp-CodeCell >> nth={index} >> .jp-InputArea-editor")
    page.keyboard.press("Shift+Enter")
    page.wait_for_selector(f".jp-CodeCell >> nth={index} >> .js-plotly-plot .main-svg")


@pytest.fixture(params=["kit", "plain"])
def lab(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Lab, bool]]:
    folder = tmp_path / "lab"
    folder.mkdir()
    shutil.copy(NOTEBOOK, folder / NOTEBOOK.name)
    two_editor_notebook(folder)
    kit = request.param == "kit"
    with lab_server(folder, tmp_path / "home", kit=kit) as server:
        yield server, kit


def test_plotly_js_comes_once_from_the_server_or_the_kernel(
    chromium_browser: Any, lab: tuple[Lab, bool]
) -> None:
    server, kit = lab
    blocked: list[str] = []
    page = lab_only_page(chromium_browser, server, blocked)
    fetched: list[str] = []
    frames: list[int] = []
    page.on(
        "request", lambda request: "plotly.min.js" in request.url and fetched.append(request.url)
    )
    page.on(
        "websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload)))
    )
    try:
        open_notebook(page, server.notebook_url("two.ipynb"))
        run_cell(page, 0)  # the editor ...
        run_cell(page, 1)  # ... and its preview shown a second time

        page.click(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
        page.fill(TOUCHPOINTS, "Radio ad\nQ7Z")
        page.wait_for_function(SHOWS, arg=[0, "Q7Z"])
        page.wait_for_function(SHOWS, arg=[1, "Q7Z"])  # both views follow the edit
        # Typing on in the filled cell (the same lines) changes only the cell's text, drawn at
        # once, and its hover text, drawn when typing pauses: both views' hover boxes follow.
        page.fill(TOUCHPOINTS, "Radio ad\nQ8Z")
        page.evaluate(
            "async () => { window.jkPlotly = await globalThis[Symbol.for('journeykit.plotly')]; }"
        )
        for view in (0, 1):
            page.wait_for_function(SHOWS, arg=[view, "Q8Z"])
            page.wait_for_function(HOVER_SHOWS, arg=[view, "Q8Z"])
    finally:
        page.context.close()
    assert blocked == [], f"the page tried the network: {blocked}"
    big = [size for size in frames if size > 1_000_000]
    if kit:
        assert len(fetched) == 1 and "/static/plotly.min.js?v=" in fetched[0]
        assert big == [], "plotly.js never goes over the kernel's socket when it is served"
    else:
        assert fetched == []
        assert len(big) == 1, "asked for once, by the first preview only"


def test_a_page_opened_later_shows_the_current_figure(
    chromium_browser: Any, lab: tuple[Lab, bool]
) -> None:
    """After a reload the page gets the widget's state from the kernel, which the edits
    since the preview was made only patched in the old page: the preview asks for more."""
    server, _ = lab
    blocked: list[str] = []
    page = lab_only_page(chromium_browser, server, blocked)
    try:
        open_notebook(page, server.notebook_url("two.ipynb"))
        run_cell(page, 0)  # the editor only
        page.click(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
        page.fill(TOUCHPOINTS, "Radio ad\nQ8Z")
        page.wait_for_function(SHOWS, arg=[0, "Q8Z"])
        open_notebook(page, server.notebook_url("two.ipynb") + "&reset")  # a reload
        run_cell(page, 1)  # the same preview, in the new page
        page.wait_for_function(SHOWS, arg=[0, "Q8Z"])
    finally:
        page.context.close()
    assert blocked == []
