"""The journey map figure: stages as columns, lanes as rows, the emotion curve in its band.

The rows are the lanes of the field schema (:mod:`journeykit.catalogue.fields`),
in its order: a lane added there is a row here. The two emotion lanes, saved
together, share one band that the emotion curve is drawn in.

Examples
--------
>>> import journeykit as jk
>>> fig = plot_map(jk.example("clothing-store"))
>>> fig.layout.xaxis.ticktext[:2]
('<b>1. Awareness</b>', '<b>2. Consideration</b>')
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..catalogue import SCORE_LABELS, SCORE_MAX, SCORE_MIN, FieldSpec, get_framework, schema
from ..catalogue.fields import live_sequence
from ..catalogue.method import ASSUMPTION, EVIDENCE_MARKS, evidence_mark
from ..model.evidence import evidence_counts
from ..model.items import attributes_of, item_with_note
from . import theme
from .layout import (
    EDGE_PX,
    LABEL_SIZE,
    bullets,
    escape,
    figure_width,
    hover_list,
    label_lines,
    persona_label,
    stage_labels,
    themed_json,
    widest,
    wrap,
)
from .measured import MeasuredCell, measured_cells

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from ..model import JourneyMap, Stage
    from .shapes import Measured

#: The band the emotion lanes (saved together as ``emotion``) share, and its label.
EMOTION_ROW, EMOTION_LABEL = "emotion", "Emotions"


def map_rows(m: JourneyMap | None = None, *, optional: bool = True) -> tuple[str, ...]:
    """The rows of the map figure: each lane of the schema, in order, lanes saved in one
    object (the emotion score and words) as one row named by that object's key.

    Given a map, an optional lane (the blueprint's) is a row only when one of its
    stages fills it in; without a map, only when *optional* is true (a blank canvas
    leaves them out, as the figure of a blank map does).
    """
    groups = schema().saved_groups("stage")
    return tuple(
        row
        for row, specs in groups.items()
        if not all(spec.optional for spec in specs)
        or (m is None and optional)
        or (
            m is not None
            and any(
                not spec.is_empty(getattr(stage, spec.name)) for spec in specs for stage in m.stages
            )
        )
    )


#: Every row the map figure can have (:func:`map_rows` of the schema in force).
MAP_ROWS: Sequence[str] = live_sequence(map_rows)

#: Items shown in one cell of the map figure; the rest are counted and listed on hover.
CELL_ITEMS = 5
#: Height of one text line in a map cell, in pixels (cell text is theme.SMALL_SIZE).
LINE_PX = 18
#: Space between the edge of a map cell and its text, in pixels.
CELL_PAD = 7
#: A lane label wider than this wraps onto a second line, in pixels.
LABEL_WRAP_PX = 118
#: Height of the emotion band, in text lines.
EMOTION_LINES = 7
#: Space between two neighbouring map cells, in pixels.
CELL_GAP = 3
#: The hover box of a map cell: plotly's dark grey, white text (a bar's would be its colour).
HOVER_FILL = "#444"
#: How far plotly.js draws a shape's label from the top left corner it is placed at, in
#: pixels across and down: undone, so that a cell's text sits exactly where plotly.js draws
#: a trace's text placed "bottom right" of the same point.
LABEL_NUDGE = (3.0, theme.SMALL_SIZE / 4)


@dataclass(frozen=True)
class Cell:
    """What one cell of the map figure shows: wrapped lines and the hover text."""

    lines: list[str]
    hover: str
    empty: bool


def _row_fields(row: str) -> tuple[FieldSpec, ...]:
    return schema().saved_groups("stage")[row]


def row_label(row: str) -> str:
    """The label of a row: its lane's, or "Emotions" for the emotion band."""
    if row == EMOTION_ROW:
        return EMOTION_LABEL
    specs = _row_fields(row)
    return specs[0].label if len(specs) == 1 else row.replace("_", " ").capitalize()


def evidence_bullet(item: str) -> tuple[str, bool]:
    """How a list item is marked in a cell: its bullet (✓ for research, ? for an
    assumption, • when not tagged) and whether it is set in italics (assumptions are,
    so they stand apart by more than one character)."""
    evidence = attributes_of(item).get("evidence", "")
    return evidence_mark(evidence), evidence == ASSUMPTION


def evidence_legend(m: JourneyMap) -> str:
    """The legend of the evidence marks, with how many items carry each (empty when no
    item of *m* says where it comes from).

    Examples
    --------
    >>> import journeykit as jk
    >>> m = jk.example("clothing-store")
    >>> evidence_legend(m)
    ''
    >>> m.set_item("Decision", "pain_points", 0, evidence="analytics")
    >>> m.set_item("Decision", "pain_points", 1, evidence="assumption")
    >>> evidence_legend(m)
    '✓ from research: 1 · ? assumption, to check: 1 · • not tagged: 56'
    """
    counts = evidence_counts(m)
    if not counts.tagged:
        return ""
    shown = (
        ("research", "from research", counts.research),
        (ASSUMPTION, "assumption, to check", counts.assumption),
        ("", "not tagged", counts.untagged),
    )
    return " · ".join(f"{EVIDENCE_MARKS[key]} {words}: {n}" for key, words, n in shown)


def gap_trace(x: Sequence[float], y: Sequence[float], text: str) -> dict[str, Any]:
    """The trace that marks the empty cells at (*x*, *y*) as gaps to fill, with *text*."""
    return {
        "type": "scatter",
        "x": x,
        "y": y,
        "mode": "text",
        "text": [text] * len(x),
        "textfont": {"size": theme.SMALL_SIZE, "color": theme.MUTED},
        "hoverinfo": "skip",
        "showlegend": False,
        "name": "gaps",
    }


def map_cell(stage: Stage, row: str, width: float, item_lines: int | None = None) -> Cell:
    """The content of lane *row* of *stage*, ready to draw; text wrapped to *width* pixels,
    each item of a list cut to *item_lines* lines when given (the hover box holds it all)."""
    head = f"<b>{row_label(row)}</b> · {escape(stage.name)}<br>"
    specs = _row_fields(row)
    if row == EMOTION_ROW:
        score, words = stage.emotion_score, stage.emotion_words
        if score is None and not words:
            return Cell([], head + "Empty: " + escape(specs[0].help), True)
        feeling = f"{score} of {SCORE_MAX} ({SCORE_LABELS[score]})" if score else "no score yet"
        return Cell([], head + feeling + ("<br>" + hover_list(words) if words else ""), False)
    spec = specs[0]
    value = getattr(stage, spec.name)
    if spec.is_empty(value):
        return Cell([], head + "Empty: " + escape(spec.help), True)
    if spec.kind == "list":
        return Cell(
            bullets(
                value,
                width,
                CELL_ITEMS,
                size=theme.SMALL_SIZE,
                mark=evidence_bullet,
                item_lines=item_lines,
            ),
            head + hover_list([item_with_note(item) for item in value]),
            False,
        )
    text = f"{value} ({spec.scale[value]})" if spec.kind == "score" else str(value)
    return Cell(
        wrap(text, width, max_lines=CELL_ITEMS + 1, size=theme.SMALL_SIZE),
        head + "<br>".join(wrap(text, 60)),
        False,
    )


def stage_axis(headers: Sequence[str]) -> dict[str, Any]:
    """The x axis of a grid of stages: one column per stage, its header on top."""
    return {
        "side": "top",
        "tickvals": list(range(len(headers))),
        "range": [-0.5, len(headers) - 0.5],
        "showgrid": False,
        "ticktext": list(headers),
        "tickfont": {"size": LABEL_SIZE},
        "fixedrange": True,
        "ticks": "",
        "showline": False,
        "ticklabelstandoff": 4,
    }


def plot_map(
    m: JourneyMap,
    width: int | None = None,
    measured: Measured | None = None,
    *,
    interactive: bool = True,
) -> go.Figure:
    """The journey map as a swimlane grid: stages as columns, lanes as rows.

    Long text is wrapped to fit its cell; a cell shows up to five items and its
    hover box lists them all. Empty cells are pale and labelled as gaps to fill,
    and their hover box says what belongs there. The emotion scores are drawn as
    a curve across the stages in their own band, with the emotion words at the
    points. With *measured*, a last row says what an event log shows for each
    stage, under the map's own KPIs.

    Parameters
    ----------
    m : JourneyMap
        The map to draw.
    width : int, optional
        Figure width in pixels; the columns share it and text wraps to fit. By
        default ``theme.FIT_WIDTH`` (800), which fits a notebook on a laptop or
        a projector with the file browser open, and an HTML export. Give more
        (say 1200) for wider, shorter columns on a big screen.
    measured : Measurement or pandas.DataFrame, optional
        The journey measured on an event log (``jk.measure(...)``, or its
        ``funnel()`` table), with the map's stage names. A **Measured** row then
        shows, for each stage: the users who reached it, their share of the stage
        before, the share who go no further, the median time to the next stage and
        the share who come back; the stage with the biggest drop is marked, so its
        pain points can be read against it. Stages not measured say so.
    interactive : bool, default True
        False for a picture or a printout, which nobody can hover over: the
        subtitle then counts the empty cells without inviting a hover.

    Returns
    -------
    plotly.graph_objects.Figure

    Examples
    --------
    >>> import journeykit as jk
    >>> blank = jk.JourneyMap.new("five-stage", title="Corner shop")
    >>> plot_map(blank).layout.title.text
    "<b>The customer's journey · Corner shop</b>"
    >>> plot_map(blank).layout.width, plot_map(blank, width=1200).layout.width
    (800, 1200)
    >>> import pandas as pd
    >>> counts = pd.DataFrame({"stage": ["Awareness", "Consideration"], "users": [120, 45]})
    >>> plot_map(blank, measured=counts).layout.yaxis.ticktext[-1]
    '<b>Measured</b>'
    """
    import plotly.graph_objects as go

    return go.Figure(map_json(m, width, measured, interactive=interactive))


def map_json(
    m: JourneyMap,
    width: int | None = None,
    measured: Measured | None = None,
    *,
    interactive: bool = True,
) -> dict[str, Any]:
    """:func:`plot_map`'s figure as plotly JSON, built without plotly.py checking it.

    ``plot_map`` is ``go.Figure(map_json(...))``. Checking the figure costs several
    times more than drawing it, so the editor's preview, which redraws on every
    keystroke, sends this JSON as it is (the tests check that plotly.py accepts it
    unchanged).

    Examples
    --------
    >>> import journeykit as jk
    >>> figure = map_json(jk.example("clothing-store"))
    >>> [trace["name"] for trace in figure["data"]]
    ['cells', 'gaps', 'emotion']
    >>> figure["layout"]["shapes"][0]["label"]["text"]
    'Find something<br>fresh to wear this<br>summer'
    """
    width = figure_width(width)
    n = max(len(m.stages), 1)
    rows = map_rows(m)
    labels = [label_lines(row_label(row), LABEL_WRAP_PX, LABEL_SIZE) for row in rows]
    label_px = widest(labels, LABEL_SIZE) + 12
    column = (width - 2 * EDGE_PX - label_px) / n
    room = column - 2 * CELL_PAD
    cells = [[map_cell(stage, row, room) for stage in m.stages] for row in rows]
    label_height = LABEL_SIZE * theme.LINE_SPACING / LINE_PX  # one label line, in cell lines
    heights = [
        EMOTION_LINES
        if row == EMOTION_ROW
        else max(
            2.0,
            labels[i].count("<br>") * label_height + 1.6,
            *(len(cell.lines) + 0.7 for cell in cells[i]),
        )
        for i, row in enumerate(rows)
    ]
    figures = None if measured is None else measured_cells(m.stage_names, measured, room)
    if figures is not None:
        labels.append(label_lines("Measured", LABEL_WRAP_PX, LABEL_SIZE))
        heights.append(max(2.0, *(len(cell.lines) + 0.7 for cell in figures)))
    edges = [0.0]
    for h in heights:
        edges.append(edges[-1] + h)
    grid_edges = edges[: len(rows) + 1]
    xs = list(range(len(m.stages)))
    inset = CELL_PAD / column  # the text's left edge, in columns from the cell's left edge

    # Backgrounds and hover in one trace of bars, one bar per cell: SVG rectangles that
    # plotly redraws cheaply when only the text changes (a heatmap is re-painted as an image).
    grid = cell_bars(
        xs,
        grid_edges,
        column,
        [[theme.EMPTY_FILL if cell.empty else theme.FILLED_FILL for cell in row] for row in cells],
        [[cell.hover for cell in row] for row in cells],
        name="cells",
    )

    # the optional lanes (a blueprint begun in some stages) are not gaps where they are empty
    optional = {i for i, row in enumerate(rows) if all(f.optional for f in _row_fields(row))}
    text_x, text_y, text = [], [], []
    gap_x, gap_y = [], []
    for i, row in enumerate(cells):
        for j, cell in enumerate(row):
            if cell.lines:
                text_x.append(round(j - 0.5 + inset, 4))
                text_y.append(edges[i] + 0.3)
                text.append("<br>".join(cell.lines))
            elif cell.empty and i not in optional:
                gap_x.append(j)
                gap_y.append((edges[i] + edges[i + 1]) / 2)
    gap_text = (
        "<i>+ to fill in</i>"
        if theme.text_width("+ to fill in", theme.SMALL_SIZE) <= room
        else "<i>+ fill in</i>"
    )
    # The cells' texts are labels of layout shapes, not a trace's text: Plotly.react redraws
    # one changed label alone, where one changed text of a trace redraws every trace. (The
    # gaps change only when a cell's colour does, which redraws every trace anyway.)
    texts = cell_labels(text_x, text_y, text, "text", column)
    gaps = gap_trace(gap_x, gap_y, gap_text)
    band = rows.index(EMOTION_ROW)
    curve = emotion_band(m, edges[band], edges[band + 1], room)

    traces = [grid, gaps, curve]
    if figures is not None:
        traces += measured_row(figures, xs, edges[-2:], column, inset)
    row_mid = [(edges[i] + edges[i + 1]) / 2 for i in range(len(edges) - 1)]
    open_cells = sum(cell.empty for i, row in enumerate(cells) if i not in optional for cell in row)
    headers = stage_labels(m.stage_names, column - 4, LABEL_SIZE)
    header_lines = max((h.count("<br>") + 1 for h in headers), default=1)
    title = f"{persona_label(m)} journey" + (f" · {m.title}" if m.title else "")
    subtitle = f"{get_framework(m.framework).name}, {len(m.stages)} stages · " + (
        "every lane filled in"
        if not open_cells
        else f"{open_cells} empty cells to fill in"
        + (" (hover over one to see what goes there)" if interactive else "")
    )
    if figures is not None:
        subtitle += " · the Measured row comes from an event log"
    legend = evidence_legend(m)
    if legend:
        subtitle += f"\nEvidence: {legend} (hover for sources)"
    return themed_json(
        traces,
        title,
        subtitle,
        width,
        plot_height=edges[-1] * LINE_PX,
        top=header_lines * LABEL_SIZE * theme.LINE_SPACING + 8,
        margin={"l": round(EDGE_PX + label_px)},
        hovermode="closest",
        **({"shapes": texts} if texts else {}),
        meta=part_meta(edges),
        template=map_template(),
        xaxis=stage_axis(headers),
        yaxis={
            "tickvals": row_mid,
            "ticktext": labels,
            "tickfont": {"size": LABEL_SIZE},
            "range": [edges[-1], 0],
            "showgrid": False,
            "fixedrange": True,
            "ticks": "",
            "showline": False,
            "ticklabelstandoff": 6,
        },
    )


def part_meta(edges: Sequence[float]) -> dict[str, Any]:
    """What :func:`map_parts` needs to cut a map figure into parts, kept in ``layout.meta``:
    the rows' edges (in row units, top to bottom) and the pixels of one row unit."""
    return {
        "journeykit": {
            "figure": "map",
            "row_edges": [round(edge, 4) for edge in edges],
            "row_px": LINE_PX,
        }
    }


def map_parts(
    figure: dict[str, Any],
    max_width: float,
    max_height: float,
    *,
    zoom: float = 1.0,
    first_height: float | None = None,
) -> list[dict[str, Any]]:
    """A map figure (plotly JSON from :func:`map_json`) cut into parts that each fit
    *max_width* x *max_height* pixels when drawn *zoom* times its size (the first part
    *first_height* high, when given: a slide that already holds some text).

    A map too tall is cut between rows (lane groups, each part under the stage
    headings), one too wide between stages (stage groups, each part beside the lane
    labels); a part is the same figure looking at a window of its rows and stages,
    so every cell is drawn exactly as in the whole map. Parts are balanced: three
    parts of four rows rather than 5, 5 and 2. A single row taller than the height
    is a part of its own. Figures that are not maps come back whole.

    Examples
    --------
    >>> import journeykit as jk
    >>> whole = map_json(jk.example("clothing-store"))
    >>> parts = map_parts(whole, 1280, 700, zoom=1.45)
    >>> len(parts) > 1, all(part["layout"]["height"] * 1.45 <= 700 for part in parts)
    (True, True)
    >>> parts[1]["layout"]["title"]["text"].endswith("(part 2 of %d)</b>" % len(parts))
    True
    >>> map_parts(whole, 5000, 5000) == [whole]
    True
    """
    layout = figure.get("layout") or {}
    meta = (layout.get("meta") or {}).get("journeykit") or {}
    if meta.get("figure") != "map":
        return [figure]
    edges, unit = list(meta["row_edges"]), float(meta["row_px"])
    margin = layout["margin"]
    top, bottom, left, right = (float(margin.get(side, 0)) for side in "tblr")
    n = round(layout["xaxis"]["range"][1] + 0.5)
    column = (layout["width"] - left - right) / n
    rows = balanced_groups(
        [(b - a) * unit for a, b in pairwise(edges)],
        max_height / zoom - top - bottom,
        None if first_height is None else first_height / zoom - top - bottom,
    )
    stages = balanced_groups([column] * n, max_width / zoom - left - right)
    if len(rows) == 1 and len(stages) == 1:
        return [figure]
    total = len(rows) * len(stages)
    parts: list[dict[str, Any]] = []
    for first_row, last_row in rows:
        for first_stage, last_stage in stages:
            part = copy.deepcopy(figure)
            part_layout = part["layout"]
            part_layout["height"] = round(
                top + bottom + (edges[last_row] - edges[first_row]) * unit
            )
            part_layout["width"] = round(left + right + (last_stage - first_stage) * column)
            part_layout["yaxis"]["range"] = [edges[last_row], edges[first_row]]
            part_layout["xaxis"]["range"] = [first_stage - 0.5, last_stage - 0.5]
            title = part_layout["title"]
            title["text"] = title["text"].removesuffix("</b>") + (
                f" (part {len(parts) + 1} of {total})</b>"
            )
            parts.append(part)
    return parts


def balanced_groups(
    sizes: Sequence[float], room: float, first_room: float | None = None
) -> list[tuple[int, int]]:
    """Consecutive groups of *sizes* (as ``(start, stop)`` index pairs), as few as fit
    *room* each (the first *first_room*, when given), made as even as that allows.

    Examples
    --------
    >>> balanced_groups([1, 1, 1, 1, 1, 1], 5)   # two groups of three, not five and one
    [(0, 3), (3, 6)]
    >>> balanced_groups([4, 1], 2)               # a size larger than the room is a group alone
    [(0, 1), (1, 2)]
    """
    count = len(sizes)
    for groups in range(1, count + 1):
        target = sum(sizes) / groups
        bounds: list[tuple[int, int]] = []
        start, used = 0, 0.0
        for i, size in enumerate(sizes):
            # close the group before this size when it would overflow, or when the group
            # has reached its even share and enough groups remain for the sizes left
            if i > start and (used + size > room or (used >= target and len(bounds) < groups - 1)):
                bounds.append((start, i))
                start, used = i, 0.0
            used += size
        bounds.append((start, count))
        if len(bounds) <= groups and all(sum(sizes[a:b]) <= room or b - a == 1 for a, b in bounds):
            return bounds
    return [(i, i + 1) for i in range(count)]


def cell_bars(
    xs: list[int],
    edges: list[float],
    column: float,
    fills: list[list[str]],
    hovers: list[list[str]],
    name: str,
    unit: float = LINE_PX,
) -> dict[str, Any]:
    """Cells as one trace of horizontal bars: row *i* of column *j* spans ``edges[i]`` to
    ``edges[i + 1]``, in colour ``fills[i][j]``, with hover text ``hovers[i][j]``.

    Neighbouring cells are kept :data:`CELL_GAP` pixels apart (*column* is one column's
    width in pixels; a row unit is *unit* pixels, :data:`LINE_PX` by default).

    Examples
    --------
    >>> bars = cell_bars([0, 1], [0.0, 2.0], 100.0, [["red", "blue"]], [["a", "b"]], "cells")
    >>> bars["base"], bars["y"], bars["hovertext"]
    ([-0.485, 0.515], [1.0, 1.0], ['a', 'b'])
    """
    across, down = CELL_GAP / column, CELL_GAP / unit  # the gap in columns and in rows
    heights = [bottom - top - down for top, bottom in pairwise(edges) for _ in xs]
    # Each bar placed by its own offset, so that two traces of cells are not put side by side.
    return {
        "type": "bar",
        "orientation": "h",
        "base": [j - 0.5 + across / 2 for _ in edges[1:] for j in xs],
        "x": [1 - across] * len(heights),
        "y": [(top + bottom) / 2 for top, bottom in pairwise(edges) for _ in xs],
        "width": heights,
        "offset": [-height / 2 for height in heights],
        "marker": {"color": [fill for row in fills for fill in row], "line": {"width": 0}},
        "hovertext": [hover for row in hovers for hover in row],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "hoverlabel": {"bgcolor": HOVER_FILL},
        "unselected": {"marker": {"opacity": 1}},
        "showlegend": False,
        "name": name,
    }


def cell_labels(
    xs: list[float], ys: list[float], texts: list[str], name: str, column: float
) -> list[dict[str, Any]]:
    """Texts drawn at points (*xs*, *ys*) as labels of invisible layout shapes, one each.

    A text's top left corner is at its point, exactly where a trace's text placed
    ``"bottom right"`` of it is drawn (*column* is one column's width in pixels). Every
    shape is named *name*; what the shapes share is in :func:`map_template`.

    Examples
    --------
    >>> [shape["label"]["text"] for shape in cell_labels([0.1], [2.0], ["Shop"], "text", 100)]
    ['Shop']
    """
    across, down = LABEL_NUDGE
    return [
        {"x0": x, "x1": x, "y0": y, "y1": y, "name": name, "label": {"text": text}}
        for x, y, text in zip(
            (round(x - across / column, 6) for x in xs),
            (round(y - down / LINE_PX, 6) for y in ys),
            texts,
            strict=True,
        )
    ]


def map_template() -> dict[str, Any]:
    """The kit's template plus what every shape of the map shares (an invisible rectangle
    whose label is a cell's text), as plotly JSON: a fresh copy on each call.

    Examples
    --------
    >>> map_template()["layout"]["shapedefaults"]["label"]["textposition"]
    'top left'
    """
    built = theme.template_json()
    built["layout"]["shapedefaults"] = {
        "type": "rect",
        "xref": "x",
        "yref": "y",
        "line": {"width": 0},
        "layer": "above",
        "label": {
            "textposition": "top left",
            "padding": 0,
            "font": {"size": theme.SMALL_SIZE, "color": theme.INK},
        },
    }
    return built


def measured_row(
    figures: list[MeasuredCell], xs: list[int], edges: list[float], column: float, inset: float
) -> list[dict[str, Any]]:
    """The Measured row: a bar per cell (the biggest drop tinted) and their text."""
    fills = [theme.tint(theme.PALETTE[2], 0.16), theme.EMPTY_FILL, theme.tint(theme.PAIN, 0.22)]
    cells = cell_bars(
        xs,
        edges,
        column,
        [[fills[cell.state] for cell in figures]],
        [[cell.hover for cell in figures]],
        name="measured",
    )
    text = {
        "type": "scatter",
        "x": [round(j - 0.5 + inset, 4) for j in xs],
        "y": [edges[0] + 0.3] * len(xs),
        "text": ["<br>".join(cell.lines) for cell in figures],
        "mode": "text",
        "textposition": "bottom right",
        "textfont": {"size": theme.SMALL_SIZE, "color": theme.INK},
        "hoverinfo": "skip",
        "showlegend": False,
        "name": "measured text",
    }
    return [cells, text]


def emotion_band(m: JourneyMap, top: float, bottom: float, width: float) -> dict[str, Any]:
    """The emotion curve drawn inside the map's emotion band (from *top* to *bottom*).

    The emotion words are wrapped to *width* pixels.
    """
    high, low = top + 0.7, bottom - 2.0  # where scores 5 and 1 sit: room for labels
    ys: list[float | None] = []
    labels: list[str] = []
    positions: list[str] = []
    for stage in m.stages:
        score = stage.emotion_score
        if score is None:
            ys.append(None)
        else:
            ys.append(low - (low - high) * (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN))
        words = ", ".join(stage.emotion_words)
        text = f"{score or '?'} · {words}" if words else f"{score or ''}"
        labels.append("<br>".join(wrap(text, width, max_lines=3, size=theme.SMALL_SIZE)))
        positions.append("bottom center" if (score or 3) >= 3 else "top center")
    return {
        "type": "scatter",
        "x": list(range(len(m.stages))),
        "y": ys,
        "mode": "lines+markers+text",
        "text": labels,
        "textposition": positions,
        "textfont": {"size": theme.SMALL_SIZE, "color": theme.INK},
        "line": {"color": theme.EMOTION, "width": 3},
        "marker": {"size": 12, "color": theme.EMOTION, "line": {"color": theme.PAPER, "width": 2}},
        "hoverinfo": "skip",
        "showlegend": False,
        "connectgaps": False,
        "name": "emotion",
    }
