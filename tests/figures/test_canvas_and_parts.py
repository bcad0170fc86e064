"""The paper canvas and map parts: what a printed sheet and a projected slide are cut from.

A blank canvas must carry every lane of the schema (one added at run time too), each
row tall enough to write in and to hold its label and prompt, on as few sheets as
that allows; :func:`map_parts` must show every cell of a map exactly once, each part
within the size asked for. Everything printed must stay readable on a grey printer.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

import pytest

import journeykit as jk
from journeykit.catalogue import FieldSpec, extended
from journeykit.figures import theme
from journeykit.figures.canvas import (
    BAND_SCALE,
    MIN_LANE_PX,
    OUTLINE,
    canvas_sheets,
    prompt,
)
from journeykit.figures.journey_map import EMOTION_ROW, map_json, map_parts, map_rows, row_label
from journeykit.paper import PAPERS

SHEETS = [paper.content_px for paper in PAPERS.values()]


def canvas_rows_of(sheet: dict[str, Any]) -> list[tuple[str, float, float]]:
    """(label, top, bottom) of each row a canvas sheet draws, from its annotations and cells."""
    notes = sheet["layout"]["annotations"]
    labels = [re.sub(r"</b><br><b>", " ", note["text"]).split("</b>")[0][3:] for note in notes]
    cells = sheet["data"][0]
    n = len(sheet["layout"]["xaxis"]["tickvals"])
    spans = [
        (y - h / 2, y + h / 2) for y, h in zip(cells["y"][::n], cells["width"][::n], strict=True)
    ]
    return [(label, top, bottom) for label, (top, bottom) in zip(labels, spans, strict=True)]


@pytest.mark.parametrize("framework", jk.framework_ids())
@pytest.mark.parametrize("size", SHEETS, ids=list(PAPERS))
def test_a_canvas_has_every_lane_once_with_room_to_write(framework, size):
    width, height = size
    sheets = canvas_sheets(framework, width, height)
    rows = [row for sheet in sheets for row in canvas_rows_of(sheet)]
    # every lane of a journey map; the blueprint's optional lanes only when asked for
    assert [label for label, _, _ in rows] == [row_label(row) for row in map_rows(optional=False)]
    assert len(map_rows(optional=False)) < len(map_rows())
    needed = []
    for sheet in sheets:
        layout = sheet["layout"]
        assert (layout["width"], layout["height"]) == (width, height)
        names = jk.get_framework(framework).stage_names
        for name, head in zip(names, layout["xaxis"]["ticktext"], strict=True):
            assert name in head, (name, head)
        room = height - layout["margin"]["t"] - layout["margin"]["b"]
        for note, (label, top, bottom) in zip(
            layout["annotations"], canvas_rows_of(sheet), strict=True
        ):
            least = MIN_LANE_PX * (BAND_SCALE if label == row_label(EMOTION_ROW) else 1)
            lines = note["text"].count("<br>") + 1  # its label and prompt must fit too
            needed.append(max(least, lines * theme.SMALL_SIZE * theme.LINE_SPACING))
            assert bottom - top >= needed[-1] - 4, (framework, size, label, bottom - top)
    # as few sheets as that allows: one fewer could not hold what the lanes need
    assert sum(needed) > room * (len(sheets) - 1)


def test_a_lane_added_to_the_schema_is_printed_with_its_prompt():
    lane = FieldSpec(
        key="moment_of_truth",
        kind="text",
        label="Moment of truth",
        help="The moment that decides whether the customer goes on. More words here.",
    )
    with extended(lane):
        sheets = canvas_sheets("five-stage", *PAPERS["A3"].content_px)
        labels = [label for sheet in sheets for label, _, _ in canvas_rows_of(sheet)]
        notes = [note["text"] for sheet in sheets for note in sheet["layout"]["annotations"]]
        assert labels[-1] == "Moment of truth"
        assert prompt("moment_of_truth") == "The moment that decides whether the customer goes on"
        assert "customer goes on" in notes[-1] and "More words" not in notes[-1]


def test_a_canvas_can_print_some_lanes_only():
    sheets = canvas_sheets("eight-stage", *PAPERS["A4"].content_px, rows=["goal", "emotion"])
    assert len(sheets) == 1
    assert [label for label, _, _ in canvas_rows_of(sheets[0])] == ["Customer goal", "Emotions"]
    with pytest.raises(jk.JourneyMapError, match="no lane 'feelings'"):
        canvas_sheets("eight-stage", 1000, 700, rows=["feelings"])


def test_a_blueprint_canvas_prints_the_lanes_behind_the_scenes_when_asked():
    blueprint = ["touchpoints", "frontstage_actions", "backstage_actions", "support_processes"]
    sheets = canvas_sheets("five-stage", *PAPERS["A3"].content_px, rows=blueprint)
    labels = [label for sheet in sheets for label, _, _ in canvas_rows_of(sheet)]
    assert labels == [row_label(row) for row in blueprint]


def full_map(framework: str) -> jk.JourneyMap:
    """A map of *framework* with every lane of every stage filled in, some of it long."""
    m = jk.JourneyMap.new(framework, title="Everything filled in")
    for i, stage in enumerate(m.stages):
        for spec in jk.LANES:
            if spec.kind == "list":
                value: Any = [
                    f"{spec.label} item {k} of stage {i} with some words" for k in range(4)
                ]
            elif spec.kind == "score":
                value = 1 + i % 5
            else:
                value = f"{spec.label} of stage {i}, written out as a whole sentence"
            m.set_lane(stage.name, spec.key, value)
    return m


def cells_in(figure: dict[str, Any]) -> set[tuple[int, int]]:
    """(row, stage) of each cell a figure's window shows (its y and x ranges)."""
    layout = figure["layout"]
    edges = layout["meta"]["journeykit"]["row_edges"]
    bottom, top = layout["yaxis"]["range"]
    left, right = layout["xaxis"]["range"]
    return {
        (i, j)
        for i, (a, b) in enumerate(pairwise(edges))
        if a >= top - 1e-9 and b <= bottom + 1e-9
        for j in range(round(left + 0.5), round(right + 0.5))
    }


@pytest.mark.parametrize(
    ("framework", "design", "width", "height", "zoom"),
    [
        ("five-stage-decision", 800, 1230, 560, 1.45),  # a projected slide
        ("eight-stage", 1200, 1230, 600, 1.45),  # too wide too: cut between stages
        ("eight-stage", 909, 1046, 694, 1.15),  # an A4 sheet
        ("six-stage", 944, 1511, 1022, 1.6),  # an A3 sheet
    ],
)
def test_map_parts_show_every_cell_exactly_once_and_fit(framework, design, width, height, zoom):
    whole = map_json(full_map(framework), width=design)
    parts = map_parts(whole, width, height, zoom=zoom)
    assert len(parts) > 1
    everything = cells_in(whole)
    seen: list[tuple[int, int]] = []
    for part in parts:
        layout = part["layout"]
        assert layout["width"] * zoom <= width + 1
        rows = {row for row, _ in cells_in(part)}
        # a part fits, unless it is a single row too tall for any part (shrunk by its page)
        assert layout["height"] * zoom <= height + 1 or len(rows) == 1, (
            len(rows),
            layout["height"],
        )
        seen += cells_in(part)
    assert sorted(seen) == sorted(everything), "each cell in exactly one part"
    if design > width / zoom:
        assert len({part["layout"]["xaxis"]["range"][0] for part in parts}) > 1, "stage groups"


def grey(colour: str) -> float:
    """The relative luminance of *colour* (``#RRGGBB``), as a grey printer keeps it."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(colour: str, background: str = "#FFFFFF") -> float:
    high, low = sorted((grey(colour), grey(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_what_paper_prints_stays_readable_in_grey():
    """Text inks keep 4.5:1 on white, lines and outlines 3:1, and cell fills stay pale
    enough (under 1.2:1) for black text and pen on them."""
    for ink in (theme.INK, theme.MUTED):
        assert contrast(ink) >= 4.5, ink
    assert contrast(OUTLINE) >= 3, "cell outlines"
    assert contrast(theme.EMOTION) >= 3, "the emotion curve"
    for fill in (theme.FILLED_FILL, theme.EMPTY_FILL):
        assert contrast(fill) < 1.2, fill
        assert contrast(theme.INK, fill) >= 4.5, fill
    sheet = canvas_sheets("five-stage", *PAPERS["A4"].content_px)[0]
    colours = set(re.findall(r"#[0-9A-Fa-f]{6}\b", str(sheet)))
    assert colours <= {theme.INK, theme.MUTED, OUTLINE, theme.PAPER, theme.RULE, *theme.PALETTE}
    for colour in colours - {theme.PAPER, theme.RULE, *theme.PALETTE}:
        assert contrast(colour) >= 3, colour


def test_static_pictures_do_not_invite_a_hover():
    blank = jk.JourneyMap.new("five-stage")
    assert "hover" in jk.plot_map(blank).layout.title.subtitle.text
    assert "hover" not in jk.plot_map(blank, interactive=False).layout.title.subtitle.text
