"""Every deck opened in headless Chromium with the network blocked, as on a workshop laptop.

For each deck (the sample notebooks here and every course notebook): reveal.js
starts, the number of slides and fragments is what the notebook's slide
metadata asks for (counted here from the metadata, independently of the
builder), every plotly figure on every slide is drawn, each speaker note is on
its slide, and the page asks for nothing off the machine and logs no error.
Screenshots land in ``test-output/`` for a person to look at.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.model import MAP_MIME
from journeykit.slides.widget_pictures import WIDGET_STATE_MIME, WIDGET_VIEW_MIME
from tests.conftest import describe, serious

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = [
    *sorted((ROOT / "tests" / "slides" / "data").glob("[0-9][0-9]_*.ipynb")),
    *sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")),
]
HIDDEN = {"skip", "notes"}
SLIDE_W, SLIDE_H = 1280, 720


class Expected:
    """What a notebook's metadata asks the deck for, read straight from the .ipynb JSON."""

    def __init__(self, notebook: Path) -> None:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
        cells = nb["cells"]
        kinds = [
            (c.get("metadata", {}).get("slideshow") or {}).get("slide_type", "-") for c in cells
        ]
        shown = [k for k in kinds if k not in HIDDEN]
        # the first shown cell opens slide 1, whatever its own type says
        self.slides = 1 + sum(k in {"slide", "subslide"} for k in shown[1:])
        self.fragments = sum(k == "fragment" for k in shown[1:])
        self.notes: dict[int, list[str]] = {}
        slide = 0
        seen_shown = False
        for cell, kind in zip(cells, kinds, strict=True):
            if kind in {"slide", "subslide"} and seen_shown:
                slide += 1
            if kind not in HIDDEN:
                seen_shown = True
            if kind == "notes":
                self.notes.setdefault(slide, []).append("".join(cell["source"]))
        state = (nb["metadata"].get("widgets") or {}).get(WIDGET_STATE_MIME, {}).get("state", {})
        self.figures = 0
        for cell, kind in zip(cells, kinds, strict=True):
            for output in cell.get("outputs", []) if kind != "skip" else []:
                data = output.get("data", {})
                model_id = data.get(WIDGET_VIEW_MIME, {}).get("model_id", "")
                model = state.get(model_id, {})
                self.figures += (
                    "application/vnd.plotly.v1+json" in data
                    or "_widget_data" in model.get("state", {})
                    # an editor with no saved state: drawn from its map
                    or (MAP_MIME in data and model_id not in state)
                )


def words(text: str) -> str:
    return " ".join(re.findall(r"[A-Za-z0-9]+", text))


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> dict[str, tuple[Path, Expected]]:
    """Each deck with what its notebook asks for, both from one snapshot of the notebook."""
    sources = tmp_path_factory.mktemp("notebooks")
    copies = []
    for notebook in NOTEBOOKS:
        copies.append(sources / notebook.name)
        shutil.copyfile(notebook, copies[-1])
    built = jk.build_course(copies, tmp_path_factory.mktemp("decks"), progress=None)
    return {
        notebook.stem: (deck, Expected(notebook))
        for notebook, deck in zip(copies, built, strict=True)
    }


def open_deck(chromium_page, deck: Path) -> None:
    page = chromium_page.page
    page.set_viewport_size({"width": SLIDE_W, "height": SLIDE_H})
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(deck.resolve().as_uri() + "?transition=none", wait_until="load")
    page.wait_for_function("window.journeykitSlides && Reveal.isReady()", timeout=15_000)
    page.evaluate("window.journeykitSlides.ready")
    chromium_page.failed_requests = failed


SLIDE_INDICES = """() => Reveal.getSlides().map(s => {
  const i = Reveal.getIndices(s); return [i.h, i.v || 0]; })"""

VISIT = r"""async ([h, v]) => {
  Reveal.slide(h, v, 0);
  const slide = Reveal.getCurrentSlide();
  const fragments = slide.querySelectorAll('.fragment').length;
  if (fragments) { Reveal.slide(h, v, fragments - 1); }
  await window.journeykitSlides.drawCurrent();
  const notes = document.createElement('div');  // what the speaker view shows, as text
  notes.innerHTML = Reveal.getSlideNotes(slide) || '';
  const scale = Reveal.getScale();
  return {
    figures: [...slide.querySelectorAll('.jk-plotly')].map(div => {
      const stored = JSON.parse(div.nextElementSibling.textContent);
      const map = ((stored.layout.meta || {}).journeykit || {}).figure === 'map';
      const title = (stored.layout.title || {}).text || '';
      const zoom = parseFloat(div.parentNode.style.zoom) || 1;
      // a map's cell text as the audience sees it, in screen pixels
      const cells = map ? [...div.querySelectorAll('.textpoint text')].map(
        t => parseFloat(getComputedStyle(t).fontSize) * zoom * scale) : [];
      return {
        drawn: div.getAttribute('data-jk-drawn') === 'true' && !!div.querySelector('.main-svg'),
        traces: (div.data || []).length,
        wanted: stored.data.length,
        width: div.getBoundingClientRect().width,
        map: map,
        part: (/\(part (\d+) of (\d+)\)/.exec(title) || []).slice(1),
        cellPx: cells.length ? Math.min(...cells) : null,
        bottom: div.getBoundingClientRect().bottom,
      };
    }),
    follows: slide.querySelectorAll('.jk-map-follows').length,
    notes: notes.textContent,
  };
}"""


@pytest.mark.parametrize("name", [p.stem for p in NOTEBOOKS])
def test_deck_works_offline_with_every_slide_figure_and_note(
    name, decks, chromium_page, test_output_dir
):
    deck, expected = decks[name]
    open_deck(chromium_page, deck)
    page = chromium_page.page
    total = page.evaluate("Reveal.getTotalSlides()")
    assert page.locator(".reveal .slides .fragment").count() == expected.fragments
    page.screenshot(path=test_output_dir / "slide-01.png")

    figures = 0
    shot_figure = False
    added = 0  # slides and figures the deck adds when it cuts a map over several slides
    notes_moved = 0
    follows = False  # the previous slide said its map follows
    inserted_before = 0  # slides of map parts so far: the notebook's slide index is less
    for index, (h, v) in enumerate(page.evaluate(SLIDE_INDICES)):
        seen = page.evaluate(VISIT, [h, v])
        inserted = any(f["part"] and (f["part"][0] != "1" or follows) for f in seen["figures"])
        follows = seen["follows"] > 0
        added += seen["follows"]
        for figure in seen["figures"]:
            assert figure["drawn"], f"slide {index + 1}: a figure was not drawn"
            assert figure["traces"] == figure["wanted"] > 0
            assert figure["width"] > SLIDE_W / 3, "a figure is squeezed"
            if figure["map"]:  # read from the back of the room, and no 'more below'
                assert figure["cellPx"] >= 18, f"slide {index + 1}: map text {figure['cellPx']}"
                assert figure["bottom"] <= SLIDE_H + 1, f"slide {index + 1}: map runs off"
            if figure["part"] and figure["part"][0] != "1":
                added += 1
        figures += len(seen["figures"])
        notes_moved += seen["follows"]
        if inserted:  # a part of a map, after its slide: the notebook's notes are elsewhere
            assert words(seen["notes"]) == "", f"slide {index + 1}: notes on a map part"
        for note in [] if inserted else expected.notes.get(index - inserted_before, []):
            assert words(note)[:60] in words(seen["notes"]), f"slide {index + 1}: note missing"
        inserted_before += inserted
        if seen["figures"] and not shot_figure:
            page.screenshot(path=test_output_dir / f"slide-{index + 1:02d}-figure.png")
            shot_figure = True
    assert total == expected.slides + added
    assert figures == expected.figures + added - notes_moved
    page.screenshot(path=test_output_dir / "slide-last.png")
    assert chromium_page.failed_requests == []
    chromium_page.assert_clean()


#: Decks checked with axe-core on every slide: the most code and tables, code blocks in
#: Markdown, and pictures of widgets.
AXE_DECKS = ["01_customer_journeys", "08_presenting", "02_sample_widgets"]
#: Fragments fade in: wait until they have (half-faded text is not what a reader sees).
SETTLED = """() => Promise.race([new Promise(done => setTimeout(done, 2000)), Promise.all(
  document.getAnimations().filter(a => a.effect.getTiming().iterations !== Infinity)
    .map(a => a.finished))])"""


@pytest.mark.parametrize("name", AXE_DECKS)
def test_no_slide_has_a_serious_accessibility_problem(
    name, decks, chromium_page, axe_audit, test_output_dir
):
    open_deck(chromium_page, decks[name][0])
    page = chromium_page.page
    found: dict[str, list] = {}
    for index, (h, v) in enumerate(page.evaluate(SLIDE_INDICES)):
        page.evaluate(VISIT, [h, v])  # every fragment shown, every figure drawn
        page.evaluate(SETTLED)
        violations = axe_audit(page)
        if serious(violations):
            found[f"slide {index + 1}"] = serious(violations)
        (test_output_dir / f"axe-slide-{index + 1:02d}.json").write_text(
            json.dumps(violations, indent=1), encoding="utf-8"
        )
    assert not found, "\n".join(f"{slide}:\n{describe(v)}" for slide, v in found.items())
    chromium_page.assert_clean()


def test_a_fragment_below_the_fold_scrolls_into_view(decks, chromium_page, test_output_dir):
    open_deck(chromium_page, decks["01_sample_figures"][0])
    page = chromium_page.page
    page.evaluate("Reveal.slide(3, 0, -1)")  # the long list, its last fragment still hidden
    last = page.locator(".present .fragment").last
    assert last.bounding_box()["y"] > SLIDE_H, "the fragment should start below the screen"
    page.evaluate("Reveal.next()")
    page.wait_for_function(
        """() => [...document.querySelectorAll('.present .fragment')]
      .pop().getBoundingClientRect().bottom <= window.innerHeight""",
        timeout=5_000,
    )
    page.screenshot(path=test_output_dir / "fragment-scrolled.png")
    chromium_page.assert_clean()


def test_speaker_view_opens_offline_and_shows_the_notes(decks, chromium_page, test_output_dir):
    open_deck(chromium_page, decks["01_sample_figures"][0])
    page = chromium_page.page
    page.evaluate("Reveal.slide(1, 0)")
    with page.context.expect_page() as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    speaker.set_viewport_size({"width": 1280, "height": 800})
    notes = speaker.locator(".speaker-controls-notes")
    notes.filter(has_text="Point at the drop").wait_for(timeout=15_000)
    speaker.wait_for_timeout(500)  # let the preview frames paint for the screenshot
    speaker.screenshot(path=test_output_dir / "speaker-view.png")
    page.keyboard.press("ArrowRight")  # the next slide has no notes: the box goes away
    notes.wait_for(state="hidden", timeout=15_000)
    chromium_page.assert_clean()


def test_pdf_handout_has_a_page_per_slide(tmp_path):
    deck = jk.build_deck(NOTEBOOKS[0], tmp_path, pdf=True)
    pdf = tmp_path / f"{NOTEBOOKS[0].stem}.pdf"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    expected = Expected(NOTEBOOKS[0])
    # one page per slide; a slide taller than a page (the long list) runs onto more
    assert expected.slides <= pages <= expected.slides + 2
    width, height = map(float, re.search(rb"/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]", data).groups())
    assert abs(width / height - SLIDE_W / SLIDE_H) < 0.01
    assert deck.is_file()


def test_the_right_arrow_alone_reaches_every_slide(decks, chromium_page):
    """A clicker has only 'next': slides stacked below another are reached too (deck 04
    had 19 slides, 13 of them reachable with the right arrow before navigation was linear)."""
    open_deck(chromium_page, decks["04_five_stages_in_depth"][0])
    page = chromium_page.page
    total = page.evaluate("Reveal.getTotalSlides()")
    seen = set()
    for _ in range(total + page.locator(".reveal .slides .fragment").count() + 5):
        indices = page.evaluate("(() => { const i = Reveal.getIndices(); return [i.h, i.v] })()")
        seen.add(tuple(indices))
        if page.evaluate("Reveal.isLastSlide() && !Reveal.availableFragments().next"):
            break
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([h, v]) => { const i = Reveal.getIndices(); return i.h !== h || i.v !== v"
            " || document.querySelector('.present .fragment.visible') !== null }",
            arg=indices,
        )
    assert len(seen) == total > 13
    chromium_page.assert_clean()
