"""The method's figures: evidence marks on the map, jk.compare, jk.plot_priorities,
jk.plot_blueprint; each checked on the worked example and on eight stages of long text.

Readable means, here: every line of text fits the box it is drawn in (measured with the
kit's own text widths), nothing is cut without a count and a hover box holding all of it,
and no two marks of the priority matrix sit on top of each other.
"""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest

import journeykit as jk
from journeykit.catalogue import BLUEPRINT_LINES, BLUEPRINT_ROWS, HORIZONS, lane
from journeykit.figures import theme
from journeykit.figures.journey_map import CELL_PAD
from journeykit.figures.layout import EDGE_PX
from journeykit.figures.priorities import IMPACT_RANGE, LABELLED_PER_CELL
from journeykit.model import Item, evidence_counts

from ..method_maps import long_future, long_method_map


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", text.replace("<br>", " ")))


def lines_fit_their_cells(fig) -> None:
    """Every line of every cell's text is no wider than the cell's room for text."""
    n = len(fig.layout.xaxis.tickvals)
    label_px = fig.layout.margin.l - EDGE_PX
    room = (fig.layout.width - 2 * EDGE_PX - label_px) / n - 2 * CELL_PAD
    for shape in fig.layout.shapes:
        if shape.name != "text":
            continue
        for line in shape.label.text.split("<br>"):
            width = theme.text_width(plain(line), theme.SMALL_SIZE)
            assert width <= room + 0.5, (plain(line), width, room)


@pytest.fixture(scope="module")
def long_map() -> jk.JourneyMap:
    return long_method_map()


# ----- evidence on the map --------------------------------------------------------------
def test_the_map_marks_research_and_assumptions_and_counts_them_in_its_legend(long_map):
    fig = jk.plot_map(long_map)
    counts = evidence_counts(long_map)
    subtitle = fig.layout.title.subtitle.text
    assert f"✓ from research: {counts.research}" in subtitle
    assert f"? assumption, to check: {counts.assumption}" in subtitle
    text = " ".join(shape.label.text for shape in fig.layout.shapes)
    assert "<i>? " in text and "✓ " in text, "an assumption is italic and marked"
    hovers = " ".join(fig.data[0].hovertext)
    assert "Evidence: assumption" in hovers and "Source: Interview 7" in hovers
    lines_fit_their_cells(fig)
    untagged = jk.plot_map(jk.example("clothing-store"))
    assert "Evidence" not in untagged.layout.title.subtitle.text, "no tags, no legend"


# ----- compare ------------------------------------------------------------------------
def test_compare_draws_both_curves_and_what_each_lane_removes_adds_and_keeps(long_map):
    future = long_future(long_map)
    fig = jk.compare(long_map, future)
    today, tomorrow = (t for t in fig.data if t.type == "scatter")
    assert today.line.dash == "dash" and tomorrow.line.dash == "solid"
    assert today.text[0].startswith("Today") and tomorrow.text[0].startswith("Future")
    rows = [plain(t) for t in fig.layout.yaxis.ticktext]
    assert rows == ["Emotions", "Touchpoints", "Pain points", "Back-stage actions"]
    changes = jk.changes(long_map, future)
    hovers = " ".join(h for trace in fig.data if trace.type == "bar" for h in trace.hovertext)
    for row in changes[changes.change != "kept"].itertuples():
        if row.lane != "emotion_score":
            assert html.escape(row.item, quote=False) in hovers, row.item
    text = " ".join(shape.label.text for shape in fig.layout.shapes)
    assert "− <s>" in text and "+ <b>" in text and "kept" in text
    # a wrapped removed item reads as one: neither its mark nor its indent is struck through
    assert "<s>−" not in text and "<s>\u00a0" not in text
    lines_fit_their_cells(fig)
    assert "The same in every stage: customer actions" in plain(fig.layout.title.subtitle.text)


def test_compare_says_when_the_future_changes_nothing_and_refuses_another_framework():
    today = jk.example("clothing-store")
    same = jk.compare(today, today.future_state())
    assert "still the same as today" in same.layout.title.subtitle.text
    with pytest.raises(jk.JourneyMapError, match="future_state"):
        jk.compare(today, jk.JourneyMap.new("eight-stage"))


# ----- priorities -----------------------------------------------------------------------
def test_every_scored_opportunity_is_one_point_inside_its_cell_and_none_overlap(long_map):
    fig = jk.plot_priorities(long_map)
    points = fig.data[0]
    table = jk.priorities(long_map)
    assert len(points.x) == len(table) == 24
    spots = Counter(zip(points.x, points.y, strict=True))
    assert max(spots.values()) == 1, "two points drawn on one spot"
    scored = table.sort_values(["impact", "effort"], kind="stable")
    for x, y, row in zip(points.x, points.y, scored.itertuples(), strict=False):
        assert abs(x - row.effort) < 0.5 and abs(y - row.impact) < 0.5
    # the quarters' names sit in strips above and below the cells, clear of every point
    names = [a for a in fig.layout.annotations if a.text.startswith("<b>")]
    assert [plain(a.text) for a in names] == [
        f"{q} · {h}"
        for q, h in zip(["Quick wins", "Big bets", "Fill-ins", "Money pits"], HORIZONS, strict=True)
    ]
    assert all(a.y > 4.5 or a.y < 0.5 for a in names) and IMPACT_RANGE == (0.1, 4.9)
    # eight long ideas in one cell: too many to label, so the cell counts them
    assert points.mode == "markers" and any(a.text == "8 ideas" for a in fig.layout.annotations)


def test_one_maps_ideas_are_labelled_and_the_labels_fit_their_cells():
    shop = jk.example("clothing-store-researched")
    fig = jk.plot_priorities(shop)
    points = fig.data[0]
    assert points.mode == "markers+text"
    assert [plain(t).replace(" ", "") for t in points.text] != []
    cell_px = (fig.layout.width - 2 * EDGE_PX - fig.layout.margin.l) / 4
    for label in points.text:
        for line in label.split("<br>"):
            assert theme.text_width(plain(line), theme.SMALL_SIZE) <= 0.8 * cell_px + 0.5
    per_cell = Counter(zip(jk.priorities(shop).impact, jk.priorities(shop).effort, strict=True))
    assert max(per_cell.values()) <= LABELLED_PER_CELL


def test_a_class_matrix_draws_every_learners_ideas_and_unscored_ones_are_counted():
    ana, ben = jk.example("clothing-store-researched"), jk.example("clothing-store")
    ben.set_item("Decision", "opportunities", 0, impact=4, effort=1)
    rollup = jk.rollup({"Ana": ana, "Ben": ben})
    fig = jk.plot_priorities(rollup)
    assert len(fig.data[0].x) == 7 + 1
    subtitle = fig.layout.title.subtitle.text
    assert "8 of 13 opportunities scored" in subtitle and "from 2 maps" in subtitle
    assert "Ben" in " ".join(fig.data[0].hovertext)
    assert jk.roadmap(rollup).columns[0] == "participant"
    empty = jk.plot_priorities(jk.JourneyMap.new("five-stage"))
    assert "No opportunities" in empty.layout.title.subtitle.text


# ----- blueprint ------------------------------------------------------------------------
def test_the_blueprint_puts_customer_actions_on_top_with_three_distinct_lines_between(long_map):
    fig = jk.plot_blueprint(long_map)
    rows = [plain(t) for t in fig.layout.yaxis.ticktext]
    assert rows == [lane(key).label for key in BLUEPRINT_ROWS]
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert [s.name for s in lines] == [line.name for line in BLUEPRINT_LINES]
    assert len({s.line.dash for s in lines}) == 3, "told apart by more than their label"
    bars = [t for t in fig.data if t.type == "bar"]
    for line, above, below in zip(lines, bars, bars[1:], strict=False):
        bottom_above = max(y + w / 2 for y, w in zip(above.y, above.width, strict=True))
        top_below = min(y - w / 2 for y, w in zip(below.y, below.width, strict=True))
        assert bottom_above < line.y0 < top_below, "each line runs between two rows"
    key = fig.layout.title.subtitle.text
    assert "Customer actions: ✓ from research" in key and "? assumption, to check" in key
    notes = [a for a in fig.layout.annotations]
    assert all(a.hovertext for a in notes), "what each line means, on hover"
    lines_fit_their_cells(fig)
    hovers = " ".join(h for t in bars for h in t.hovertext)
    for stage in long_map.stages:
        for item in stage.support_processes:
            assert html.escape(item, quote=False) in hovers


def test_a_map_without_a_blueprint_says_what_to_fill_in():
    fig = jk.plot_blueprint(jk.example("clothing-store"))
    assert fig.layout.title.subtitle.text.startswith("Nothing behind the scenes yet")
    assert "from research" not in fig.layout.title.subtitle.text, "no tags, no key"
    gaps = next(t for t in fig.data if t.name == "gaps")
    assert len(gaps.x) == 3 * 5, "every business cell of every stage is a gap to fill"


@pytest.mark.parametrize("width", [800, 1040, 1200])  # a notebook, the HTML page, a wide screen
def test_the_new_figures_keep_their_text_in_its_cells_at_every_width(long_map, width):
    future = long_future(long_map)
    for fig in (
        jk.plot_map(long_map, width=width),
        jk.compare(long_map, future, width=width),
        jk.plot_blueprint(long_map, width=width),
    ):
        assert fig.layout.width == width
        lines_fit_their_cells(fig)


def test_an_item_tagged_as_assumption_is_italic_in_every_figure_it_appears_in():
    m = jk.example("clothing-store")
    m.set_lane("Decision", "actions", [Item("Checks out", evidence="assumption")])
    m.set_lane("Decision", "frontstage_actions", ["Checkout page"])
    for fig in (jk.plot_map(m), jk.plot_blueprint(m)):
        text = " ".join(s.label.text for s in fig.layout.shapes if s.name == "text")
        assert "<i>? Checks out</i>" in text


def test_eight_stages_widen_the_grid_figures_instead_of_cutting_items_to_a_word():
    """Drawn with no width, five stages keep the notebook's 800 pixels; eight stages widen
    compare and the blueprint so every word of the long map's items fits a line whole."""
    shop = jk.example("clothing-store-future")
    assert jk.plot_blueprint(shop).layout.width == theme.FIT_WIDTH
    assert jk.compare(jk.example("clothing-store-researched"), shop).layout.width == 800
    long = long_method_map()
    for fig in (jk.plot_blueprint(long), jk.compare(long, long_future(long))):
        assert fig.layout.width > theme.FIT_WIDTH
        lines_fit_their_cells(fig)
        text = " ".join(plain(s.label.text) for s in fig.layout.shapes if s.name == "text")
        words = " ".join(text.replace("\u00a0", " ").split())
        assert ("New touchpoint" in words) or ("Support processes" in words), words[:200]
        assert "Pain points" in words or "Customer actions" in words, "a word split in two"
