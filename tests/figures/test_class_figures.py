"""The class figures: what each shows, that they stay readable from 5 to 300 maps, and that
learner text stays text. (tests/figures/test_figures.py also runs its checks on them: small
JSON, the kit's template, fonts for a projector, the same figure in a fresh process, no
text cut at the figure's edge.)"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

import journeykit as jk
from journeykit.debrief.sample import sample_class
from journeykit.figures.class_emotions import NAMED_ROWS, ROWS_PX, similarity_order
from journeykit.figures.layout import escape

STEPS = ["Aware", "Engage", "Subscribe", "Convert"]


def emotions(rows: dict[str, list[float | None]]) -> pd.DataFrame:
    return pd.DataFrame.from_dict(rows, orient="index", columns=STEPS, dtype=float)


def trace(fig, name):
    return next(t for t in fig.data if t.name == name)


# ----- heatmap ------------------------------------------------------------------------------
def test_heatmap_puts_similar_journeys_next_to_each_other():
    shapes = {"rise": [1, 2, 4, 5], "fall": [5, 4, 2, 1], "dip": [4, 1, 4, 4]}
    rng = np.random.default_rng(0)
    rows = {
        f"{shape}{i}": list(np.clip(np.array(curve) + rng.integers(-1, 1, 4), 1, 5))
        for i in range(6)
        for shape, curve in shapes.items()
    }  # interleaved on purpose
    fig = jk.plot_class_heatmap(emotions(rows))
    order = [name.rstrip("0123456789") for name in trace(fig, "scores").y]
    runs = [shape for i, shape in enumerate(order) if i == 0 or order[i - 1] != shape]
    assert sorted(runs) == sorted(shapes), f"each shape is one block: {order}"


def test_similarity_order_keeps_maps_filled_in_as_far_together():
    nan = math.nan
    values = np.array([[3, 3, 3, 3], [3, 3, nan, nan], [3, 3, 3, 3], [3, 3, nan, nan]])
    order = similarity_order(values)
    assert sorted(order) == [0, 1, 2, 3]
    assert abs(order.index(0) - order.index(2)) == 1 and abs(order.index(1) - order.index(3)) == 1


def test_heatmap_cells_are_the_scores_and_missing_scores_stay_empty():
    fig = jk.plot_class_heatmap(emotions({"ana": [1, None, 3, 5]}))
    heat = trace(fig, "scores")
    assert list(heat.z[0]) == [1, None, 3, 5]
    assert list(heat.x) == STEPS and heat.zmin < 1 and heat.zmax > 5


@pytest.mark.parametrize("count", [3, NAMED_ROWS, NAMED_ROWS + 1, 300])
def test_heatmap_fits_a_projector_and_names_rows_only_while_they_can_be_read(count):
    rows = {f"p{i:03d}": [1 + i % 5, 2, 3, 4] for i in range(count)}
    fig = jk.plot_class_heatmap(emotions(rows))
    plot_px = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert plot_px <= ROWS_PX + 80, "the rows never need scrolling on a projector"
    named = fig.layout.yaxis.showticklabels
    assert named == (count <= NAMED_ROWS)
    if named:
        assert plot_px / count >= 17, "named rows are tall enough to read their names"
    else:
        assert "Hover over a row" in fig.layout.title.subtitle.text


# ----- spread -------------------------------------------------------------------------------
def test_spread_draws_the_median_and_middle_half_of_each_step():
    table = emotions(
        {"a": [1, 2, 5, None], "b": [3, 2, 5, None], "c": [4, 4, 1, None], "d": [5, 2, 2, None]}
    )
    fig = jk.plot_class_spread(table, reference=[4, 3, 3, 5], reference_name="Maya")
    assert list(trace(fig, "median").y) == [*table.median().iloc[:3], None]
    assert list(trace(fig, "middle half").y)[:3] == list(table.quantile(0.25).iloc[:3])
    assert list(trace(fig, "upper quartile").y)[:3] == list(table.quantile(0.75).iloc[:3])
    assert list(trace(fig, "Maya").y) == [4, 3, 3, 5]
    dots = trace(fig, "maps")
    counted = dict(zip(zip(dots.x, dots.y, strict=True), dots.marker.size, strict=True))
    assert counted[("Engage", 2)] == 3 and counted[("Aware", 1)] == 1
    assert sum(dots.marker.size) == table.notna().sum().sum(), "every score is in a dot"


# ----- coverage and top items ---------------------------------------------------------------
def test_coverage_shows_each_share_as_a_percentage():
    table = pd.DataFrame(
        [[1.0, 0.5], [0.0, 0.25]], index=["Touchpoints", "Pain points"], columns=["Aware", "Engage"]
    )
    fig = jk.plot_class_coverage(table, maps=4)
    heat = trace(fig, "coverage")
    assert [list(row) for row in heat.z] == [[1.0, 0.5], [0.0, 0.25]]
    assert "of the 4 maps" in heat.hovertemplate


def test_top_items_have_a_bar_each_under_their_step_and_show_the_grouping():
    r = jk.rollup(sample_class(25, seed=5))
    top = r.top("pain_points", 3)
    fig = r.plot_top()
    bars = trace(fig, "items")
    assert len(bars.x) == len(top)
    assert list(bars.x) == [round(s, 3) for s in top.share]
    grouped = top[top.wordings > 1]
    assert len(grouped), "the sample class has wordings to group"
    for row, text, hover in zip(top.itertuples(), bars.text, bars.hovertext, strict=True):
        assert text.startswith(f"{row.maps} map")
        assert (f"{row.wordings} wordings" in text) == (row.wordings > 1)
        assert escape(row.variants.split(" · ")[0]) in hover
    headings = [t for t in fig.layout.yaxis.ticktext if t.startswith("<b>")]
    assert len(headings) == len(r.steps)


def test_a_step_with_no_items_says_so():
    rows = pd.DataFrame(
        {
            "step": pd.Categorical(["Aware"], ["Aware", "Convert"]),
            "item": ["No reviews"],
            "maps": [1],
            "share": [0.5],
            "wordings": [1],
            "variants": ["No reviews (1)"],
        }
    )
    ticks = jk.plot_class_top(rows, "Pain points", maps=2).layout.yaxis.ticktext
    assert sum("none written yet" in t for t in ticks) == 1


# ----- all of them --------------------------------------------------------------------------
def test_nine_steps_in_a_narrow_figure_are_numbered_and_named_in_the_subtitle():
    r = jk.rollup(sample_class(25, seed=5))
    assert len(r.steps) == 9
    for name, fig in r.figures().items():
        ticks = fig.layout.xaxis.ticktext
        if name == "pain_points":
            continue
        assert list(ticks) == [str(i) for i in range(1, 10)], name
        assert "Steps: 1 Discover / Awareness / Aware" in fig.layout.title.subtitle.text
    wide = r.plot_coverage(width=1100)
    assert wide.layout.xaxis.ticktext[1].endswith("Research"), "names come back when they fit"
    assert "Steps:" not in wide.layout.title.subtitle.text


def test_learner_text_cannot_inject_markup_into_class_figures():
    evil = "<script>alert(1)</script><b>x</b>"
    m = jk.JourneyMap.new("five-stage", title=evil)
    m.set_lane("Purchase", "pain_points", [evil])
    m.set_lane("Purchase", "emotion_score", 2)
    r = jk.rollup({evil: m, "ok": jk.JourneyMap.new("five-stage")})
    for name, fig in r.figures().items():
        dumped = json.dumps(fig.to_plotly_json())
        assert "<script>" not in dumped and "<b>x</b>" not in dumped, name


def test_every_class_figure_says_when_there_is_nothing_to_draw():
    empty = jk.rollup([])
    for name, fig in empty.figures().items():
        assert fig.layout.annotations[0].text == "No maps to compare yet.", name
        assert fig.layout.title.text, name
