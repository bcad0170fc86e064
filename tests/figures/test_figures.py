"""The figures: what each one shows, that learner text stays text, that they stay small,
and that they fit a narrow notebook with no text cut off or spilling out of its box."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import plotly
import pytest
from hypothesis import given
from hypothesis import strategies as st

import journeykit as jk
from journeykit.catalogue import LANES, catalogue, is_dip
from journeykit.debrief.sample import sample_class
from journeykit.figures import theme
from journeykit.figures.journey_map import MAP_ROWS, map_json, map_rows
from journeykit.figures.layout import MIN_WIDTH, escape, wrap
from journeykit.model import datasets_dir

from .test_measured_figures import StandIn

FRAMEWORK_IDS = jk.framework_ids()


ROOT = Path(__file__).resolve().parents[2]


def figure_json(fig) -> str:
    return json.dumps(fig.to_plotly_json(), sort_keys=True)


def trace(fig, name):
    return next(t for t in fig.data if t.name == name)


def by_cell(fig, values, name="cells"):
    """*values* (one per cell of the map's cell trace *name*) as rows of cells, one per stage."""
    columns = len(fig.layout.xaxis.tickvals)
    values = list(values)
    return [values[i : i + columns] for i in range(0, len(values), columns)]


def cell_hovers(fig, name="cells"):
    """The hover text of each map cell: rows of cells (a row per lane, a cell per stage)."""
    return by_cell(fig, trace(fig, name).hovertext, name)


def labels(fig, name):
    """The texts of the map's cells drawn as the labels of shapes named *name*."""
    return [shape.label.text for shape in fig.layout.shapes if shape.name == name]


def empty_cells(fig):
    """Which map cells are drawn as empty (grey): rows of cells, a row per lane."""
    return by_cell(fig, [fill == theme.EMPTY_FILL for fill in trace(fig, "cells").marker.color])


def plain(label: str) -> str:
    """A plotly label as read: markup dropped, a line break read as a space (none after "-")."""
    return re.sub(r"<.*?>", "", re.sub(r"(?<=-)<br>", "", label).replace("<br>", " "))


def heading(label: str) -> str:
    """A stage heading as "2. Engage", whether drawn on one line or as "Stage 2" above "Engage"."""
    return re.sub(r"^Stage (\d+) ", r"\1. ", plain(label))


# ----- plot_map -----------------------------------------------------------------------------
def test_map_has_a_column_per_stage_and_a_row_per_lane():
    m = jk.example("clothing-store")
    fig = jk.plot_map(m)
    columns = [heading(t) for t in fig.layout.xaxis.ticktext]
    assert columns == [f"{i}. {name}" for i, name in enumerate(m.stage_names, 1)]
    rows = [plain(t) for t in fig.layout.yaxis.ticktext]
    labels = [lane.label for lane in LANES if not lane.key.startswith("emotion")]
    core = [
        lane.label for lane in LANES if not lane.key.startswith("emotion") and not lane.optional
    ]
    assert [r for r in rows if r != "Emotions"] == core == labels[:-3], (
        "the blueprint's lanes are rows only where the map uses them"
    )
    assert "Emotions" in rows, "the two emotion lanes become one band"
    m.set_lane("Retention", "backstage_actions", ["Warehouse packs the parcel"])
    rows = [plain(t) for t in jk.plot_map(m).layout.yaxis.ticktext]
    assert rows[-2:] == ["KPIs", "Back-stage actions"]
    assert "+ to fill in" not in str(trace(jk.plot_map(m), "gaps").text), "optional: no gaps"


def test_every_item_of_the_map_is_in_the_hover_of_its_cell():
    m = jk.example("clothing-store")
    fig = jk.plot_map(m)
    hovers = cell_hovers(fig)
    rows = list(MAP_ROWS)
    for row in m.to_frame().itertuples():
        lane = "emotion" if row.lane.startswith("emotion") else row.lane
        hover = hovers[rows.index(lane)][m.stage_names.index(row.stage)]
        assert escape(row.item) in hover, (row.stage, row.lane, row.item)


def test_empty_cells_are_the_map_gaps_and_say_what_goes_there():
    m = jk.JourneyMap.new("eight-stage", title="Pottery school")
    m.set_lane("Aware", "touchpoints", ["Instagram reel"])
    m.set_lane("Convert", "emotion_words", ["Relief"])
    fig = jk.plot_map(m)
    hovers, empty = cell_hovers(fig), empty_cells(fig)
    gaps = set(m.gaps())
    for i, row in enumerate(map_rows(m)):
        for j, stage in enumerate(m.stage_names):
            if row == "emotion":
                expected = {(stage, "emotion_score"), (stage, "emotion_words")} <= gaps
            else:
                expected = (stage, row) in gaps
            assert empty[i][j] == expected, (stage, row)
            if expected and row != "emotion":
                assert escape(jk.LANES[[x.key for x in LANES].index(row)].help) in hovers[i][j]
    assert len(trace(fig, "gaps").x) == sum(sum(r) for r in empty)
    assert "86 empty cells" in fig.layout.title.subtitle.text


def test_long_text_is_wrapped_and_long_lists_are_cut_with_a_count():
    m = jk.JourneyMap.new("five-stage")
    long_goal = " ".join(["journey"] * 40)
    m.set_lane("Awareness", "goal", long_goal)
    m.set_lane("Awareness", "actions", [f"Action number {i}" for i in range(1, 9)])
    fig = jk.plot_map(m)
    text = labels(fig, "text")
    goal_cell = next(t for t in text if "journey" in t)
    assert max(len(line) for line in goal_cell.split("<br>")) <= 40
    actions_cell = next(t for t in text if "Action number 1" in t)
    assert "Action number 5" in actions_cell and "Action number 6" not in actions_cell
    assert "+ 3 more" in actions_cell
    hover = cell_hovers(fig)[MAP_ROWS.index("actions")][0]
    assert "Action number 8" in hover


def test_emotion_band_puts_higher_scores_higher_and_leaves_gaps_for_missing_scores():
    m = jk.JourneyMap.new("five-stage")
    for stage, score in zip(m.stage_names, [4, 2, None, 5, 1], strict=True):
        m.set_lane(stage, "emotion_score", score)
    ys = trace(jk.plot_map(m), "emotion").y
    assert ys[2] is None
    # the y axis runs downwards, so a higher score has a smaller y
    assert ys[3] < ys[0] < ys[1] < ys[4]


def test_learner_text_cannot_inject_markup_into_figures(awkward_map):
    for fig in (jk.plot_map(awkward_map), jk.plot_emotions(awkward_map)):
        dumped = figure_json(fig)
        assert "<script" not in dumped and "<em>" not in dumped and "<i>shop" not in dumped
        assert "&lt;script&gt;" in dumped or "&lt;em&gt;" in dumped


# ----- plot_emotions --------------------------------------------------------------------------
def test_emotion_curve_plots_each_score_and_marks_dips_with_pain_points():
    m = jk.example("clothing-store")
    m.set_lane("Retention", "emotion_score", 2)
    fig = jk.plot_emotions(m)
    scores = [s.emotion_score for s in m.stages]
    assert list(trace(fig, "emotion").y) == scores
    dips = trace(fig, "dip")
    expected = [i for i in range(len(scores)) if is_dip(scores, i)]
    assert [x.split(". ", 1)[1] for x in dips.x] == [m.stages[i].name for i in expected]
    assert "Retention" in [x.split(". ", 1)[1] for x in dips.x]
    for hover, i in zip(dips.hovertext, expected, strict=True):
        for pain in m.stages[i].pain_points:
            assert escape(pain) in hover
    words = " ".join(a.text for a in fig.layout.annotations)
    assert "Curiosity" in words and "Loyalty" in words


def test_emotion_labels_keep_off_the_line():
    """A dip's label (its words and its pain point) goes under the V, a peak's over it, and
    a point the line climbs or falls through gets its label in the empty corner beside it."""
    m = jk.example("clothing-store")
    for stage, score in zip(m.stages, [4, 2, 3, 1, 5], strict=True):
        m.set_lane(stage.name, "emotion_score", score)
    fig = jk.plot_emotions(m)
    place = {
        a.x.split(". ", 1)[1]: ("above" if a.yanchor == "bottom" else "below", a.xanchor)
        for a in fig.layout.annotations
    }
    assert place["Consideration"][0] == "below" and place["Retention"][0] == "below", "dips"
    assert place["Decision"][0] == "above" and place["Advocacy"][0] == "above", "peaks"
    assert place["Awareness"][0] == "above", "the line falls away below it"
    assert fig.layout.yaxis.range[0] <= 0, "room under a dip at 1 for its label"
    for name, score in (("Awareness", 2), ("Consideration", 3), ("Decision", 4)):
        m.set_lane(name, "emotion_score", score)  # 2, 3, 4: the line climbs through 3
    fig = jk.plot_emotions(m)
    beside = next(a for a in fig.layout.annotations if a.x.endswith("Consideration"))
    assert (beside.yanchor, beside.xanchor) == ("bottom", "right"), "above-left of a climb"


def test_emotion_curve_of_a_blank_map_says_no_score_yet():
    fig = jk.plot_emotions(jk.JourneyMap.new("six-stage"))
    assert list(trace(fig, "emotion").y) == [None] * 6
    assert all("no score yet" in a.text for a in fig.layout.annotations)
    assert len(trace(fig, "dip").x) == 0


# ----- frameworks ----------------------------------------------------------------------------
@pytest.mark.parametrize("framework_id", FRAMEWORK_IDS)
def test_framework_diagram_shows_every_stage_in_order_with_its_goal(framework_id):
    fw = jk.get_framework(framework_id)
    fig = jk.plot_framework(framework_id)
    assert len(fig.layout.shapes) == len(fw.stages)
    names = [heading(t) for t in trace(fig, "names").text]
    assert names == [f"{i}. {s.name}" for i, s in enumerate(fw.stages, 1)]
    goals = trace(fig, "goals")
    for text, hover, stage in zip(goals.text, goals.hovertext, fw.stages, strict=True):
        assert plain(text) == escape(stage.goal)
        assert escape(stage.summary.split()[0]) in hover


def test_unknown_framework_is_a_helpful_error():
    with pytest.raises(jk.JourneyMapError, match="eight-stage"):
        jk.plot_framework("seven-stage")


def test_frameworks_overview_lines_stages_up_on_the_shared_moments():
    fig = jk.plot_frameworks()
    moments = list(catalogue().moments)
    assert len(fig.data) == len(FRAMEWORK_IDS)
    for bars, framework_id in zip(fig.data, FRAMEWORK_IDS, strict=True):
        fw = jk.get_framework(framework_id)
        for stage, base, span in zip(fw.stages, bars.base, bars.x, strict=True):
            covered = moments[base : base + span]
            assert sorted(covered) == sorted(stage.moments), stage.name
    buy = moments.index("buy")
    for bars in fig.data:  # every framework has exactly one stage starting at "buy"
        assert list(bars.base).count(buy) == 1


def test_crosswalk_sankey_has_one_band_per_crosswalk_row_with_its_reason():
    fig = jk.plot_crosswalk("six-stage", "eight-stage")
    sankey = fig.data[0]
    table = jk.crosswalk("six-stage", "eight-stage")
    labels = list(sankey.node.label)
    pairs = [
        (labels[s], labels[t]) for s, t in zip(sankey.link.source, sankey.link.target, strict=True)
    ]
    assert pairs == list(zip(table.from_stage, table.to_stage, strict=True))
    assert list(sankey.link.customdata) == [escape(r) for r in table.reason]
    assert set(labels) >= set(jk.get_framework("six-stage").stage_names)


# ----- plot_funnel --------------------------------------------------------------------------
FUNNEL = {"Aware": 50000, "Engage": 10000, "Subscribe": 2000, "Convert": 300, "Promote": 12}


@pytest.mark.parametrize(
    "as_input",
    [
        lambda d: d,
        lambda d: pd.Series(d),
        lambda d: pd.DataFrame({"stage": list(d), "customers": list(d.values())}),
    ],
    ids=["dict", "series", "dataframe"],
)
def test_funnel_takes_dict_series_or_tidy_table(as_input):
    fig = jk.plot_funnel(as_input(FUNNEL))
    funnel = fig.data[0]
    assert list(funnel.y) == list(FUNNEL) and list(funnel.x) == list(FUNNEL.values())
    assert funnel.text[-1] == "12 · 0.024%"
    assert fig.layout.title.text.startswith("<b>0.024% of customers reach the last stage")


def test_funnel_with_the_example_data_set():
    table = pd.read_csv(datasets_dir() / "eight-stage-funnel.csv")
    fig = jk.plot_funnel(table.rename(columns={"people": "customers"}))
    assert list(fig.data[0].y) == jk.get_framework("eight-stage").stage_names


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ({}, "no stages"),
        ({"Aware": 10, "Engage": -1}, "not a count"),
        ({"Aware": 10, "Engage": "many"}, "not a count"),
        ({"Aware": 10, "Engage": 2.5}, "not a count"),
        ({"Aware": 10, "Engage": 20}, "more than the 10"),
        (pd.DataFrame({"stage": ["Aware"], "people": [3]}), "'customers'"),
        ([10, 5], "expected stage counts"),
    ],
)
def test_bad_funnel_counts_say_what_to_fix(counts, message):
    with pytest.raises(jk.JourneyMapError, match=message) as caught:
        jk.plot_funnel(counts)
    assert all(problem.fix for problem in caught.value.problems)


# ----- all figures ----------------------------------------------------------------------------
def all_figures():
    m = jk.example("clothing-store")
    class_figures = jk.rollup(sample_class(25, seed=5)).figures()
    return {
        **{f"class-{name}": fig for name, fig in class_figures.items()},
        "map": jk.plot_map(m),
        "emotions": jk.plot_emotions(m),
        "framework": jk.plot_framework("eight-stage"),
        "frameworks": jk.plot_frameworks(),
        "crosswalk": jk.plot_crosswalk("five-stage", "eight-stage"),
        "funnel": jk.plot_funnel(FUNNEL),
        "measured-map": jk.plot_map(m, measured=StandIn()),
        "transitions": jk.plot_transitions(StandIn()),
    }


def test_figures_are_small_use_the_kit_template_and_carry_no_random_ids():
    for name, fig in all_figures().items():
        dumped = figure_json(fig)
        # The map's cell texts are shape labels (the live preview redraws one alone): a few
        # kB more than the text traces they replaced; the budget allows for them.
        assert len(dumped) < 30_000, f"{name} is {len(dumped)} bytes of JSON"
        assert '"uid"' not in dumped, name
        assert fig.layout.template.layout.colorway == theme.template().layout.colorway
        assert not fig.layout.template.data.to_plotly_json(), f"{name}: template carries data"
        assert fig.layout.title.text, f"{name} has no title"


def test_the_map_json_the_editor_sends_is_a_figure_plotly_accepts_unchanged(awkward_map):
    """The editor's preview sends ``map_json`` without plotly.py checking it: it must be
    exactly the checked figure ``plot_map`` returns, or the page would draw another map."""
    import plotly.graph_objects as go

    blank = jk.JourneyMap.new("eight-stage", title="Corner shop")
    shop = jk.example("clothing-store")
    for m, options in (
        (shop, {}),
        (shop, {"measured": StandIn()}),
        (shop, {"width": 1200}),
        (blank, {}),
        (awkward_map, {}),
    ):
        sent = map_json(m, **options)
        assert json.loads(go.Figure(sent).to_json()) == sent
        assert json.loads(jk.plot_map(m, **options).to_json()) == sent


def test_wrapped_lines_are_a_new_list_on_every_call():
    lines = wrap("Compare prices with two other shops", 14)
    lines.append("changed by the caller")
    assert wrap("Compare prices with two other shops", 14) == [
        "Compare prices",
        "with two other",
        "shops",
    ]


def test_figures_are_identical_in_a_fresh_python_process():
    """nbval compares stored figure JSON across runs: nothing may depend on the process."""
    code = (
        f"import json, sys; sys.path.insert(0, {str(ROOT)!r}); "
        "import tests.figures.test_figures as t; "
        "print(json.dumps({k: t.figure_json(f) for k, f in t.all_figures().items()}))"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "123"},
    ).stdout
    here = {k: figure_json(f) for k, f in all_figures().items()}
    assert json.loads(fresh) == here


def font_sizes(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if (
                key in ("font", "textfont", "tickfont", "insidetextfont")
                and isinstance(value, dict)
                and isinstance(value.get("size"), (int, float))
            ):
                yield value["size"]
            yield from font_sizes(value)
    elif isinstance(node, list):
        for value in node:
            yield from font_sizes(value)


def test_text_is_large_enough_for_a_projector():
    for name, fig in all_figures().items():
        sizes = list(font_sizes(fig.to_plotly_json()))
        assert sizes and min(sizes) >= 13, (name, sorted(set(sizes)))


# ----- fitting a narrow notebook ------------------------------------------------------------
def test_laid_out_figures_fit_a_notebook_by_default_and_widen_on_request():
    m = jk.example("clothing-store")
    for fig in (jk.plot_map(m), *(jk.plot_framework(i) for i in FRAMEWORK_IDS)):
        assert fig.layout.width == theme.FIT_WIDTH
    narrow, wide = jk.plot_map(m), jk.plot_map(m, width=1200)
    assert wide.layout.width == 1200
    assert wide.layout.height < narrow.layout.height, "wider columns wrap into fewer lines"


def test_charts_fill_the_width_they_are_shown_in_unless_given_one():
    m = jk.example("clothing-store")
    charts = {
        "emotions": lambda **kw: jk.plot_emotions(m, **kw),
        "frameworks": jk.plot_frameworks,
        "crosswalk": lambda **kw: jk.plot_crosswalk("six-stage", "eight-stage", **kw),
        "funnel": lambda **kw: jk.plot_funnel(FUNNEL, **kw),
    }
    for name, chart in charts.items():
        assert chart().layout.width is None, name
        assert chart(width=1000).layout.width == 1000, name


def test_eight_stage_boxes_take_two_rows_when_one_row_would_split_words():
    rows = {
        len(set(trace(jk.plot_framework("eight-stage", width=w), "names").y))
        for w in (theme.FIT_WIDTH, 1600)
    }
    assert rows == {2, 1}
    assert len(set(trace(jk.plot_framework("six-stage"), "names").y)) == 1


@pytest.mark.parametrize("framework_id", FRAMEWORK_IDS)
def test_stage_headings_keep_their_words_whole_at_the_default_width(framework_id):
    blank = jk.JourneyMap.new(framework_id)
    expected = [f"{i}. {name}" for i, name in enumerate(blank.stage_names, 1)]
    for labels in (
        jk.plot_map(blank).layout.xaxis.ticktext,
        jk.plot_emotions(blank).layout.xaxis.ticktext,
        trace(jk.plot_framework(framework_id), "names").text,
    ):
        assert [heading(label) for label in labels] == expected


@pytest.mark.parametrize("width", [200, -5, "wide", True])
def test_a_width_the_kit_cannot_lay_out_says_what_to_give(width):
    with pytest.raises(jk.JourneyMapError, match="width") as caught:
        jk.plot_map(jk.example("clothing-store"), width=width)
    assert str(MIN_WIDTH) in caught.value.problems[0].fix


WORDS = st.lists(st.text(alphabet="abcdefghij-", min_size=1, max_size=18), max_size=12)


@given(words=WORDS, width=st.integers(min_value=3, max_value=30))
def test_wrapped_lines_fit_keep_every_letter_and_split_only_words_too_long(words, width):
    lines = wrap(" ".join(words), width)
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == "".join(words)
    tokens = {token for line in lines for token in line.split(" ")}
    assert {w for w in words if len(w) <= width} <= tokens


@given(words=WORDS, width=st.integers(min_value=40, max_value=300))
def test_lines_wrapped_to_pixels_fit_their_pixels(words, width):
    lines = wrap(" ".join(words), width, size=13)
    longest = max((theme.text_width(w, 13) for w in words), default=0)
    if longest <= width:
        assert all(theme.text_width(line, 13) <= width for line in lines)


#: Checks every drawn figure on the page: no text outside the figure, cell text inside its
#: map cell, box text inside its stage box, the title above the plot, the figure inside its area.
FIT_CHECK = r"""
(gd) => {
  const problems = [], svg = gd.querySelector('.main-svg').getBoundingClientRect();
  const area = gd.parentNode.getBoundingClientRect(), fl = gd._fullLayout;
  const say = (what, t, by) => problems.push(`${what} by ${by.toFixed(1)} px: "${t.textContent}"`);
  if (svg.right > area.right + 0.5) problems.push(`figure ${svg.width} px, area ${area.width} px`);
  gd.querySelectorAll('text').forEach(t => {
    const r = t.getBoundingClientRect();
    const out = Math.max(svg.left - r.left, r.right - svg.right);
    if (r.width && out > 0.5) say('cut at the figure edge', t, out);
  });
  const X = v => svg.left + fl.xaxis._offset + fl.xaxis.l2p(v);
  const Y = v => svg.top + fl.yaxis._offset + fl.yaxis.l2p(v);
  const texts = name => Array.from(gd.querySelectorAll('.scatterlayer .trace'))
    .filter(g => g.__data__[0].trace.name === name)
    .flatMap(g => Array.from(g.querySelectorAll('.textpoint text')));
  const labels = name => Array.from(gd.querySelectorAll('g.shape-label'))  // [text, shape]
    .map(g => [g.querySelector('text'), fl.shapes[Number(g.dataset.index)]])
    .filter(([, shape]) => shape.name === name);
  const bars = name => Array.from(gd.querySelectorAll('.barlayer .trace'))
    .find(g => g.__data__[0].trace.name === name);
  [['cells', 'text'], ['measured', 'measured text']].forEach(([grid, name]) => {
    const cells = gd._fullData.find(t => t.name === grid);
    labels(name).forEach(([t, shape]) => {  // a cell is a bar: base to base + x, y -/+ width / 2
      const r = t.getBoundingClientRect(), j = Math.floor(shape.x0 + 0.5);
      const b = cells.y.findIndex((y, c) => Math.floor(cells.base[c] + 0.5) === j
        && Math.abs(y - cells.width[c] / 2 - shape.y0) < 0.5);
      if (b < 0) return problems.push(`no cell under "${t.textContent}"`);
      const right = X(cells.base[b] + cells.x[b]), bottom = Y(cells.y[b] + cells.width[b] / 2);
      const drawn = bars(grid).querySelectorAll('.point path')[b].getBoundingClientRect();
      if (Math.abs(drawn.bottom - bottom) > 1 || Math.abs(drawn.right - right) > 1)
        say('cell drawn away from its row and column', t, Math.abs(drawn.bottom - bottom));
      if (r.right > right) say('over its cell', t, r.right - right);
      if (r.bottom > bottom) say('below its cell', t, r.bottom - bottom);
    });
  });
  ['names', 'goals'].forEach(name => texts(name).forEach((t, k) => {
    const r = t.getBoundingClientRect();
    const [c, bottom, , , , , , , , top] = gd.layout.shapes[k].path.match(/-?[\d.]+/g).map(Number);
    const left = X(c + (c ? 0.08 : 0)), right = X(c + 0.92);
    const out = Math.max(left - r.left, r.right - right);
    if (out > 0) say('out of its box', t, out);
    if (r.top < Y(top) || r.bottom > Y(bottom)) say('above or below its box', t, 0);
  }));
  const title = Math.max(...Array.from(gd.querySelectorAll('.infolayer text'))
    .filter(t => /title/.test(t.getAttribute('class'))).map(t => t.getBoundingClientRect().bottom));
  const overlap = title - svg.top - fl._size.t;
  if (overlap > 0) problems.push(`title overlaps the plot by ${overlap} px`);
  return problems;
}
"""


@pytest.mark.browser
def test_no_text_is_cut_or_spills_out_of_its_box_in_a_narrow_notebook(
    chromium_page, tmp_path, test_output_dir, awkward_map
):
    """All figures drawn in a box as wide as nbconvert's output area in a 950-pixel window."""
    area = theme.FIT_WIDTH + 28
    figures = {
        **all_figures(),
        "awkward": jk.plot_map(awkward_map),
        "blank": jk.plot_map(jk.JourneyMap.new("eight-stage")),
        **{f"boxes-{i}": jk.plot_framework(i) for i in FRAMEWORK_IDS},
        "emotions-8": jk.plot_emotions(jk.JourneyMap.new("eight-stage")),
    }
    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    divs = "".join(f'<div style="width:{area}px"><div id="{name}"></div></div>' for name in figures)
    specs = json.dumps({name: fig.to_plotly_json() for name, fig in figures.items()})
    page = tmp_path / "figures.html"
    page.write_text(
        f'<!doctype html><meta charset="utf-8"><body style="margin:0">{divs}'
        f'<script src="{plotly_js.as_uri()}"></script><script>window.drawn = '
        f"Promise.all(Object.entries({specs}).map(([id, f]) => "
        "Plotly.newPlot(id, f.data, f.layout)));</script>",
        encoding="utf-8",
    )
    chromium_page.goto(page)
    chromium_page.page.evaluate("window.drawn")
    chromium_page.page.screenshot(path=test_output_dir / "figures.png", full_page=True)
    problems = [
        f"{name}: {problem}"
        for name in figures
        for problem in chromium_page.page.eval_on_selector(f"#{name}", FIT_CHECK)
    ]
    assert not problems, "\n".join(problems)
    chromium_page.assert_clean()
