"""Exports checked in a real browser: headless Chromium with the network blocked.

* The HTML page draws every figure offline, asks for nothing off the machine,
  logs no error and has no critical or serious axe-core finding; screenshots
  (screen and print) land in ``test-output/``.
* The Mermaid text is parsed and drawn by the real Mermaid library (the npm
  package in ``tests/node``), and the drawing shows the learner's text as typed.
* PNG and SVG images come out of kaleido with the machine's Chromium.
"""

from __future__ import annotations

import json
import re
import struct

import pytest

import journeykit as jk
from journeykit import export
from journeykit.export.formats import PNG_SCALE
from journeykit.model.tables import shown_lanes
from tests.conftest import describe, serious

pytestmark = pytest.mark.browser


def open_export(chromium_page, m, folder, name):
    path = folder / f"{name}.html"
    jk.to_html(m, path)
    dialogs = []
    chromium_page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    chromium_page.goto(path)
    chromium_page.page.wait_for_selector("#jk-map .main-svg", timeout=15_000)
    chromium_page.page.wait_for_selector("#jk-emotions .main-svg", timeout=15_000)
    return dialogs


@pytest.mark.parametrize("which", ["clothing-store", "awkward"])
def test_html_export_draws_every_figure_offline(
    which, chromium_page, test_output_dir, awkward_map, axe_audit
):
    m = jk.example("clothing-store") if which == "clothing-store" else awkward_map
    dialogs = open_export(chromium_page, m, test_output_dir, which)
    page = chromium_page.page
    for div in ("#jk-map", "#jk-emotions"):
        assert page.locator(f"{div} .plot-container").count() == 1
        assert page.locator(f"{div} .main-svg").count() >= 1
    # the figures hold the map's content: every stage name is drawn in the map figure
    drawn = page.locator("#jk-map .xtick text").all_text_contents()
    assert drawn == [f"{i}. {name}" for i, name in enumerate(m.stage_names, 1)]
    table_rows = page.locator("table.map tbody tr").count()
    assert table_rows == len(shown_lanes(m))  # the blueprint's lanes only when filled in
    page.screenshot(path=test_output_dir / f"{which}-screen.png", full_page=True)
    violations = axe_audit(page)  # the whole page, figures drawn
    (test_output_dir / f"{which}-axe.json").write_text(json.dumps(violations, indent=1))
    assert serious(violations) == [], describe(serious(violations))
    chromium_page.assert_clean()
    assert dialogs == [], "learner text ran as a script"


def test_html_export_shows_awkward_text_exactly_as_typed(
    chromium_page, test_output_dir, awkward_map
):
    open_export(chromium_page, awkward_map, test_output_dir, "awkward")
    page = chromium_page.page
    assert page.title() == awkward_map.title
    assert page.locator("h1").inner_text() == awkward_map.title
    cell = page.locator("table.map tbody tr").nth(1).locator("td").first
    assert awkward_map.stage("Awareness").actions[0] in cell.inner_text()
    svg_text = " ".join(page.locator("#jk-map text").all_text_contents())
    assert "<b>bold</b>" in svg_text, "plotly drew the tags as text, not as markup"
    chromium_page.assert_clean()


def test_html_export_prints_as_a_landscape_handout(chromium_page, test_output_dir):
    open_export(chromium_page, jk.example("clothing-store"), test_output_dir, "print")
    page = chromium_page.page
    page.emulate_media(media="print")
    assert page.locator(".modebar").first.is_hidden()
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (test_output_dir / "handout.pdf").write_bytes(pdf)
    boxes = [
        tuple(float(v) for v in box)
        for box in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    ]
    assert boxes, "no pages in the PDF"
    assert all(w > h for w, h in boxes), f"pages are not landscape: {boxes}"
    # persona + emotions, the map on its own page, then the table
    assert len(boxes) == 3, f"expected 3 pages, got {len(boxes)}"
    # the map figure is scaled down to fit its page: A4 landscape less 10 mm margins, in CSS px
    printable = (210 - 2 * 10) / 25.4 * 96
    height = page.evaluate("document.querySelector('.map-figure').getBoundingClientRect().height")
    assert height <= printable
    page.set_viewport_size({"width": 1047, "height": 718})
    page.screenshot(path=test_output_dir / "print-preview.png", full_page=True)
    chromium_page.assert_clean()


# ----- Mermaid ---------------------------------------------------------------------------
MERMAID_PROBE = """async (text) => {
  try {
    await mermaid.parse(text);
    const { svg } = await mermaid.render("diagram" + (window.count = (window.count || 0) + 1),
                                         text);
    document.getElementById("out").innerHTML = svg;
    const shown = (selector) => [...document.querySelectorAll(selector)]
      .map((node) => node.textContent);
    return { ok: true, tasks: shown("#out div.task .label"), taskTexts: shown("#out text.task"),
             sections: shown("#out div.journey-section .label"),
             labels: shown("#out text") };
  } catch (error) {
    return { ok: false, error: String(error.message || error) };
  }
}"""


@pytest.fixture
def mermaid_page(chromium_page, require_node_package, tmp_path):
    script = require_node_package("mermaid") / "dist" / "mermaid.min.js"
    page_file = tmp_path / "mermaid.html"
    page_file.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f'<script src="{script.as_uri()}"></script></head>'
        '<body><div id="out"></div></body></html>',
        encoding="utf-8",
    )
    chromium_page.goto(page_file)
    chromium_page.page.evaluate("mermaid.initialize({ startOnLoad: false })")
    return chromium_page


def run_mermaid(mermaid_page, text):
    return mermaid_page.page.evaluate(MERMAID_PROBE, text)


def test_mermaid_parser_is_really_checking(mermaid_page):
    naive = "journey\n  section Pay\n    Step 1; pay #2: 5: Me\n"
    assert run_mermaid(mermaid_page, naive)["ok"] is False


def flat(text):
    return " ".join(text.split())


def expected_tasks(m):
    return [
        flat(task)
        for stage in m.stages
        for task in (stage.actions or [stage.goal or "Nothing mapped yet"])
    ]


@pytest.mark.parametrize("which", ["clothing-store", "awkward"])
def test_mermaid_export_parses_and_draws_the_text_as_typed(
    which, mermaid_page, awkward_map, test_output_dir
):
    m = jk.example("clothing-store") if which == "clothing-store" else awkward_map
    text = jk.to_mermaid(m)
    (test_output_dir / f"{which}.mmd").write_text(text, encoding="utf-8")
    result = run_mermaid(mermaid_page, text)
    assert result["ok"], result.get("error")
    assert [flat(t) for t in result["tasks"]] == expected_tasks(m), "tasks as drawn"
    assert [flat(t) for t in result["taskTexts"]] == expected_tasks(m), "tasks without HTML"
    assert result["sections"] == m.stage_names, "a section per stage"
    labels = set(result["labels"])
    assert flat(m.persona.name or "Customer") in labels, "the persona as the actor"
    assert flat(m.title) in labels
    mermaid_page.page.locator("#out svg").screenshot(path=test_output_dir / f"{which}.png")
    mermaid_page.assert_clean()


# ----- images ----------------------------------------------------------------------------
def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_map_saves_as_png_and_svg_with_the_machine_chromium(test_output_dir, chromium_page):
    # chromium_page makes this test skip/fail exactly like the other browser tests
    m = jk.example("clothing-store")
    fig = jk.plot_map(m)
    png = jk.to_image(m, test_output_dir / "map.png")
    width, height = png_size(png.read_bytes())
    assert (width, height) == (fig.layout.width * PNG_SCALE, fig.layout.height * PNG_SCALE)
    svg = export.export_map(m, "svg", test_output_dir / "map.svg")
    text = svg.read_text("utf-8")
    assert text.lstrip().startswith("<svg") and all(name in text for name in m.stage_names)
    funnel = jk.to_image(jk.plot_funnel({"Aware": 10, "Buy": 4}), test_output_dir / "f.svg")
    assert json.dumps("Aware")[1:-1] in funnel.read_text("utf-8")
