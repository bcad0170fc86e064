"""The debrief page in headless Chromium, network blocked: figures draw, nothing is fetched,
learner text never runs as script, and a click on a card opens that map."""

from __future__ import annotations

import pytest

import journeykit as jk
from journeykit.debrief.sample import write_sample_class
from journeykit.model.tables import shown_lanes

from .conftest import HOSTILE

pytestmark = pytest.mark.browser

FIGURES = ("jk-heatmap", "jk-spread", "jk-coverage", "jk-pain_points")
HOSTILE_FILE = '<img src=x onerror="window.__pwned=2">'


def open_page(chromium_page, page_file):
    dialogs = []
    chromium_page.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    chromium_page.goto(page_file)
    for div in FIGURES:
        chromium_page.page.wait_for_selector(f"#{div} .main-svg", timeout=20_000)
    return dialogs


@pytest.fixture
def hostile_class(tmp_path, hostile_map):
    folder = tmp_path / "class"
    write_sample_class(folder, count=8, seed=3)
    hostile_map.save(folder / f"{HOSTILE_FILE}.json")
    hostile_map.save(folder / "twin" / f"{HOSTILE_FILE}.json")  # a clashing name
    return folder


def test_page_draws_offline_and_runs_no_learner_script(
    chromium_page, hostile_class, tmp_path, test_output_dir
):
    r = jk.rollup(hostile_class)
    page_file = tmp_path / "class.html"
    r.to_html(page_file)
    dialogs = open_page(chromium_page, page_file)
    page = chromium_page.page
    assert page.evaluate("window.__pwned") is None, "learner text ran as script"
    assert dialogs == []
    assert page.locator("img").count() == 0, "no learner <img> became an element"
    for div in FIGURES:
        assert page.locator(f"#{div} .plot-container").count() == 1
    cards = page.locator(".card .who").all_inner_texts()
    assert cards == r.participants
    assert HOSTILE_FILE in cards and f"twin/{HOSTILE_FILE}" in cards
    heat_rows = page.evaluate("document.getElementById('jk-heatmap').data[0].y.length")
    assert heat_rows == len(r)
    page.screenshot(path=test_output_dir / "class.png", full_page=True)
    chromium_page.assert_clean()


def test_a_click_on_a_card_opens_that_map_and_close_hides_it(
    chromium_page, hostile_class, tmp_path, test_output_dir
):
    r = jk.rollup(hostile_class)
    r.to_html(tmp_path / "class.html")
    open_page(chromium_page, tmp_path / "class.html")
    page = chromium_page.page
    index = r.participants.index(HOSTILE_FILE) + 1
    detail = page.locator(f"#map-{index}")
    assert detail.is_hidden()
    page.locator(".card").nth(index - 1).click()
    detail.wait_for(state="visible")
    assert detail.locator("h2").inner_text() == f"{HOSTILE_FILE}: {HOSTILE}"
    # a row per lane the map shows (the blueprint's optional lanes only when filled in)
    shown = shown_lanes(r.maps[index - 1])
    assert len(shown) < len(jk.LANES)  # the class's maps leave the blueprint empty
    assert detail.locator("table.map tbody tr").count() == len(shown)
    assert HOSTILE in detail.locator("table.map").inner_text()
    page.screenshot(path=test_output_dir / "open-map.png")
    detail.locator(".close").click()
    detail.wait_for(state="hidden")
    assert page.evaluate("window.__pwned") is None
    chromium_page.assert_clean()


def test_a_class_of_300_fits_a_projector(chromium_page, tmp_path, test_output_dir):
    folder = tmp_path / "big"
    write_sample_class(folder, count=300, seed=11, extras=False)
    r = jk.rollup(folder, anonymize=True)
    r.to_html(tmp_path / "big.html")
    open_page(chromium_page, tmp_path / "big.html")
    page = chromium_page.page
    assert page.locator(".card").count() == 300
    for div in FIGURES:
        height = page.locator(f"#{div} .main-svg").first.bounding_box()["height"]
        assert height < 1300, f"{div} is {height} px tall"
    ticks = page.locator("#jk-heatmap .ytick text").count()
    assert ticks == 0, "300 names are not squeezed beside 2-pixel rows"
    page.screenshot(path=test_output_dir / "class-300.png", full_page=False)
    chromium_page.assert_clean()
