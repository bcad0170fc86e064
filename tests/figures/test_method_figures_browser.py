"""The method's figures looked at where learners meet them: JupyterLab, a deck, the HTML page.

Each place is opened in headless Chromium with every request off the machine refused. The
figures are the hardest case the course teaches with (eight stages, long text in every
lane, every kind of evidence, many ideas in one cell of the matrix), plus the worked
example. In each place every figure must be drawn, and, measured in the browser rather
than estimated, no two texts of a figure may overlap and none may leave it. Screenshots of
each land in ``test-output/`` for a person to look at.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import journeykit as jk
from tests.conftest import describe, serious
from tests.editing.lab_session import Lab, lab_only_page, lab_server, open_notebook
from tests.slides.test_slides_browser import SLIDE_INDICES, VISIT, open_deck

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]

#: (name, code) of each figure the notebook draws.
FIGURES = [
    ("map", "jk.plot_map(long)"),
    ("compare", "jk.compare(long, future)"),
    ("priorities-class", "jk.plot_priorities(long)"),
    ("priorities", 'jk.plot_priorities(jk.example("clothing-store-researched"))'),
    ("blueprint", "jk.plot_blueprint(long)"),
    (
        "compare-example",
        'jk.compare(*(jk.example(f"clothing-store-{n}") for n in ("researched", "future")))',
    ),
]

#: Texts of one figure whose boxes overlap, or stick out of the figure (measured).
TEXT_CLASHES = """(root) => {
  const frame = root.querySelector('.main-svg').getBoundingClientRect();
  // the plot area, which clips what the traces draw (a map cut into parts for a slide draws
  // a window of the whole map: cells beyond it are in the page but not on screen)
  const gd = root.classList.contains('js-plotly-plot')
    ? root : root.querySelector('.js-plotly-plot');
  const size = gd && gd._fullLayout && gd._fullLayout._size;
  const k = size ? frame.width / gd._fullLayout.width : 1;
  const plot = size && {left: frame.left + size.l * k, top: frame.top + size.t * k,
    right: frame.left + (size.l + size.w) * k, bottom: frame.top + (size.t + size.h) * k};
  const seen = (r, clipped) => {
    if (!clipped || !plot) return r;
    const c = {left: Math.max(r.left, plot.left), right: Math.min(r.right, plot.right),
      top: Math.max(r.top, plot.top), bottom: Math.min(r.bottom, plot.bottom)};
    return c.right - c.left > 1 && c.bottom - c.top > 1 ? c : null;
  };
  const boxes = [...root.querySelectorAll('.main-svg text')]
    .filter(t => t.textContent.trim() && !t.closest('.hoverlayer'))
    .map(t => ({text: t.textContent.slice(0, 40),
                r: seen(t.getBoundingClientRect(), !!t.closest('[clip-path]'))}))
    .filter(b => b.r && b.r.right - b.r.left > 0 && b.r.bottom - b.r.top > 0);
  const out = boxes.filter(b => b.r.left < frame.left - 1 || b.r.right > frame.right + 1
    || b.r.top < frame.top - 1 || b.r.bottom > frame.bottom + 1).map(b => b.text);
  const clashes = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i].r, b = boxes[j].r;
    const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (x > 2 && y > 2) clashes.push([boxes[i].text, boxes[j].text]);
  }
  return {texts: boxes.length, out, clashes};
}"""


def assert_readable(page: Any, root_selector: str) -> None:
    found = page.evaluate(
        f"(clashes) => ({TEXT_CLASHES})([...document.querySelectorAll({json.dumps(root_selector)})]"
        ".find(e => e.getBoundingClientRect().height > 0))"  # the one on screen (a slide's)
    )
    assert found["texts"] > 5, f"{root_selector}: the figure drew no text"
    assert found["out"] == [], f"{root_selector}: text outside the figure: {found['out']}"
    assert found["clashes"] == [], (
        f"{root_selector}: texts on top of each other: {found['clashes']}"
    )


@pytest.fixture(scope="module")
def figures_notebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A notebook that draws every figure, run once so its outputs are stored."""
    folder = tmp_path_factory.mktemp("method-figures")
    cells = [
        nbformat.v4.new_markdown_cell(
            "# The method's figures\n\nEight stages, long text. *About 5 minutes.*",
            id="title",
            metadata={"slideshow": {"slide_type": "slide"}},
        ),
        nbformat.v4.new_code_cell(
            "import journeykit as jk\n"
            "from tests.method_maps import long_future, long_method_map\n"
            "long = long_method_map()\nfuture = long_future(long)",
            id="setup",
            metadata={"slideshow": {"slide_type": "skip"}},
        ),
    ]
    for name, code in FIGURES:
        cells.append(
            nbformat.v4.new_markdown_cell(
                f"## {name}", id=f"{name}-intro", metadata={"slideshow": {"slide_type": "slide"}}
            )
        )
        cells.append(
            nbformat.v4.new_code_cell(code, id=name, metadata={"slideshow": {"slide_type": "-"}})
        )
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = json.loads((ROOT / "notebooks" / "10_insight_to_action.ipynb").read_text())[
        "metadata"
    ]
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), before]))
    try:
        NotebookClient(nb, timeout=600, kernel_name="python3").execute()
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH")
        else:
            os.environ["PYTHONPATH"] = before
    path = folder / "method_figures.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def lab(figures_notebook: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copy(figures_notebook, root / figures_notebook.name)
    with lab_server(root, tmp_path_factory.mktemp("lab-home"), kit=True) as server:
        yield server


def test_every_figure_is_drawn_and_readable_in_jupyterlab_offline(
    lab, chromium_browser, test_output_dir
):
    blocked: list[str] = []
    errors: list[str] = []
    # tall enough for the tallest figure, so each is photographed whole
    page = lab_only_page(chromium_browser, lab, blocked, {"width": 1280, "height": 3600}, errors)
    try:
        open_notebook(page, lab.notebook_url("method_figures.ipynb") + "&reset")
        plots = page.locator(".jp-OutputArea-output.js-plotly-plot")
        for i, (name, _) in enumerate(FIGURES):
            plot = plots.nth(i)
            plot.scroll_into_view_if_needed()
            plot.locator(".main-svg").first.wait_for()
            page.evaluate("(el) => el.setAttribute('data-jk-check', 'yes')", plot.element_handle())
            assert_readable(page, "[data-jk-check='yes']")
            page.evaluate("(el) => el.removeAttribute('data-jk-check')", plot.element_handle())
            plot.screenshot(path=test_output_dir / f"lab-{name}.png")
        assert plots.count() == len(FIGURES)
    finally:
        page.context.close()
    assert blocked == [], f"the page tried the network: {blocked}"
    assert not [e for e in errors if "plotly" in e.lower()], errors


def test_every_figure_is_drawn_and_readable_in_a_deck_offline(
    figures_notebook, chromium_page, test_output_dir, tmp_path
):
    deck = jk.build_deck(figures_notebook, tmp_path / "decks")
    open_deck(chromium_page, deck)
    page = chromium_page.page
    drawn = 0
    for index, (h, v) in enumerate(page.evaluate(SLIDE_INDICES)):
        seen = page.evaluate(VISIT, [h, v])
        for figure in seen["figures"]:
            assert figure["drawn"] and figure["traces"] == figure["wanted"] > 0
            page.screenshot(path=test_output_dir / f"deck-slide-{index + 1:02d}.png")
            assert_readable(page, ".reveal .slides section.present .jk-plotly")
            drawn += 1
    # every figure of the deck drawn: one per figure, the long map cut into parts that fit
    assert drawn == deck.read_text("utf-8").count('class="jk-plotly"') > len(FIGURES)
    assert chromium_page.failed_requests == []
    chromium_page.assert_clean()


@pytest.mark.parametrize("which", ["long", "future-example"])
def test_every_figure_is_drawn_and_readable_in_the_html_export_offline(
    which, chromium_page, test_output_dir, axe_audit, tmp_path
):
    from tests.method_maps import long_method_map

    m = long_method_map() if which == "long" else jk.example("clothing-store-future")
    path = tmp_path / f"{which}.html"
    jk.to_html(m, path)
    # five figures of eight long stages are drawn as the page loads: on a loaded machine
    # that takes longer than the default 30 s
    chromium_page.goto(path, timeout=180_000)
    page = chromium_page.page
    page.set_viewport_size({"width": 1100, "height": 900})
    divs = ["#jk-emotions", "#jk-map", "#jk-blueprint", "#jk-priorities"]
    if which == "future-example":
        divs.append("#jk-compare")
    for div in divs:
        page.wait_for_selector(f"{div} .main-svg", timeout=15_000)
        assert_readable(page, div)
        page.locator(div).screenshot(path=test_output_dir / f"html-{which}-{div[4:]}.png")
    legend = page.locator("p.legend").inner_text()
    assert "from research" in legend and "assumption" in legend
    assert page.locator("table.roadmap tbody tr").count() == len(jk.roadmap(m))
    assert page.locator("table.map tbody tr").count() == len(jk.LANES), "blueprint rows too"
    # a whole page of five figures takes a while to paint on a loaded machine
    page.screenshot(
        path=test_output_dir / f"html-{which}-page.png", full_page=True, timeout=180_000
    )
    violations = axe_audit(page)
    assert serious(violations) == [], describe(serious(violations))
    chromium_page.assert_clean()
