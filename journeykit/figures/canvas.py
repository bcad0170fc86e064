"""A blank journey canvas for paper: a framework's stages as columns, the lanes as rows.

The journey map figure (:mod:`.journey_map`) with nothing in it and room to write:
each row is one lane of the field schema (the emotion band included), labelled with
the lane's name and its one-line prompt (the first clause of the field's help), each
column a stage of the framework under the customer's goal there as the framework
puts it. Cells are white boxes with a dark outline, so the sheet reads the same
printed in grey; the emotion band has a dotted line per score (5 at the top) to put
a dot on. ``journeykit print`` lays it out at the size of an A4 or A3 sheet, shared
out over sheets when the lanes do not fit one with room to write
(:func:`canvas_sheets`).

Examples
--------
>>> fig = plot_canvas("five-stage")
>>> fig.layout.xaxis.ticktext[0].startswith("<b>1. Awareness</b>")
True
>>> fig.layout.annotations[0].text.split("<br>")[0]
'<b>Customer goal</b>'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..catalogue import SCORE_MAX, SCORE_MIN, get_framework, schema
from . import theme
from .journey_map import (
    EMOTION_ROW,
    balanced_groups,
    cell_bars,
    map_rows,
    map_template,
    row_label,
)
from .layout import EDGE_PX, LABEL_SIZE, label_lines, stage_labels, theme_layout, wrap

if TYPE_CHECKING:
    import plotly.graph_objects as go

#: The outline of a canvas cell: dark enough to print in grey on any printer.
OUTLINE = "#6E7781"
#: The emotion band is this many times as tall as a lane.
BAND_SCALE = 1.6
#: Lines of a stage's goal (as the framework gives it) under its heading.
SUMMARY_LINES = 4
#: The narrowest a lane may be on paper to write in, in CSS pixels (18 mm: three lines).
MIN_LANE_PX = 68
#: Share of the width the lane labels and their prompts take.
LABEL_SHARE = 0.2


def prompt(row: str) -> str:
    """The one-line prompt of a row: what belongs in it (the first clause of its field's
    help; for the emotion band, how to mark it).

    Examples
    --------
    >>> prompt("goal")
    'What the customer wants to get done in this stage'
    >>> prompt("participants")
    'Who else takes part or sways the decision'
    >>> prompt("emotion")
    'How the customer feels: a dot on a line (5 is best) and a word'
    """
    if row == EMOTION_ROW:
        return f"How the customer feels: a dot on a line ({SCORE_MAX} is best) and a word"
    text = schema().saved_groups("stage")[row][0].help
    return re.split(r"[.,:;] ", text, maxsplit=1)[0].rstrip(".")


def canvas_rows(rows: Sequence[str] | None = None) -> tuple[str, ...]:
    """The rows a canvas draws: *rows* (keys of :func:`~.journey_map.map_rows`, checked),
    or the rows of a blank map's figure (the blueprint's optional lanes only when asked
    for: notebook 11 adds them to a map that already exists)."""
    every = map_rows()
    if rows is None:
        return map_rows(optional=False)
    unknown = [row for row in rows if row not in every]
    if unknown:
        from ..errors import JourneyMapError, Problem

        raise JourneyMapError(
            [
                Problem(
                    "lanes",
                    f"there is no lane {row!r} on a canvas",
                    "use some of " + ", ".join(every),
                )
                for row in unknown
            ]
        )
    return tuple(rows)


def canvas_json(
    framework: str,
    width: int,
    height: int,
    rows: Sequence[str] | None = None,
    *,
    sheet: str = "",
) -> dict[str, Any]:
    """The blank canvas of *framework* as plotly JSON, exactly *width* x *height* pixels.

    *rows* are the lanes to draw (by default every one); they share the height, the
    emotion band :data:`BAND_SCALE` times a lane. *sheet* ends the subtitle (e.g.
    ``"sheet 1 of 2"``).
    """
    fw = get_framework(framework)
    rows = canvas_rows(rows)
    n = len(fw.stages)
    label_px = max(LABEL_SHARE * width, 150.0)
    column = (width - 2 * EDGE_PX - label_px) / n
    labels = [_row_label(row, label_px) for row in rows]
    headers = [
        head
        + "<br>"
        + _muted(wrap(stage.goal, column - 8, max_lines=SUMMARY_LINES, size=theme.SMALL_SIZE))
        for head, stage in zip(
            stage_labels([s.name for s in fw.stages], column - 8, LABEL_SIZE),
            fw.stages,
            strict=True,
        )
    ]
    lines = max(h.count("<br>") + 1 for h in headers)
    headers = [h + "<br> " * (lines - h.count("<br>") - 1) for h in headers]  # names in line
    header_px = lines * LABEL_SIZE * theme.LINE_SPACING + 10
    title = f"Journey canvas · {fw.name}"
    subtitle = f"{n} stages from left to right: write in the boxes or stick notes on them" + (
        f" · {sheet}" if sheet else ""
    )
    layout = theme_layout(title, subtitle, width, 0, top=header_px, margin={"l": label_px})
    plot_height = height - layout["margin"]["t"] - layout["margin"]["b"]
    sizes = _least_heights(rows, labels)
    weights = [BAND_SCALE if row == EMOTION_ROW else 1.0 for row in rows]
    spare = max(0.0, plot_height - sum(sizes)) / sum(weights)
    edges = [0.0]
    for size, weight in zip(sizes, weights, strict=True):
        edges.append(edges[-1] + size + spare * weight)
    xs = list(range(n))
    grid = cell_bars(  # rows measured in pixels here
        xs, edges, column, [[theme.PAPER] * n for _ in rows], [[""] * n for _ in rows], "cells", 1
    )
    grid["marker"]["line"] = {"width": 1.5, "color": OUTLINE}
    grid["hoverinfo"] = "skip"
    grid.pop("hovertemplate")
    traces = [grid]
    if EMOTION_ROW in rows:
        band = rows.index(EMOTION_ROW)
        traces += score_lines(xs, edges[band], edges[band + 1])
    return {
        "data": traces,
        "layout": {
            **layout,
            "height": height,
            "template": map_template(),
            "hovermode": False,
            "xaxis": {
                "side": "top",
                "tickvals": xs,
                "ticktext": headers,
                "range": [-0.5, n - 0.5],
                "tickfont": {"size": LABEL_SIZE},
                "showgrid": False,
                "fixedrange": True,
                "ticks": "",
                "showline": False,
                "ticklabelstandoff": 4,
            },
            "yaxis": {"range": [plot_height, 0], "visible": False, "fixedrange": True},
            # lane labels as notes at the top of their rows (axis labels sit in the middle)
            "annotations": [
                {
                    "text": label,
                    "x": 0,
                    "xref": "paper",
                    "xanchor": "right",
                    "xshift": -8,
                    "y": edges[i] + 4,
                    "yref": "y",
                    "yanchor": "top",
                    "align": "right",
                    "showarrow": False,
                    "font": {"size": LABEL_SIZE, "color": theme.INK},
                }
                for i, label in enumerate(labels)
            ],
        },
    }


def _row_label(row: str, label_px: float) -> str:
    """A row's label: its name in bold over its prompt in small grey italics."""
    width = label_px - 16
    return (
        label_lines(row_label(row), width, LABEL_SIZE)
        + "<br>"
        + _muted(wrap(prompt(row), width, size=theme.SMALL_SIZE), italic=True)
    )


def _least_heights(rows: Sequence[str], labels: Sequence[str]) -> list[float]:
    """How tall each row must be, in pixels: room to write (:data:`MIN_LANE_PX`, the band
    :data:`BAND_SCALE` times that) and never less than its label."""
    heights = []
    for row, label in zip(rows, labels, strict=True):
        bold = label.count("<b>")
        small = label.count("<br>") + 1 - bold
        need = (bold * LABEL_SIZE + small * theme.SMALL_SIZE) * theme.LINE_SPACING + 12
        weight = BAND_SCALE if row == EMOTION_ROW else 1.0
        heights.append(max(MIN_LANE_PX * weight, need))
    return heights


def _muted(lines: list[str], italic: bool = False) -> str:
    """Lines of small grey text for a label (each line already escaped)."""
    style = f"font-size:{theme.SMALL_SIZE}px;color:{theme.MUTED}"
    tags = ("<i>", "</i>") if italic else ("", "")
    return "<br>".join(f"<span style='{style}'>{tags[0]}{line}{tags[1]}</span>" for line in lines)


def score_lines(xs: list[int], top: float, bottom: float) -> list[dict[str, Any]]:
    """A dotted line per emotion score across each column of the band, numbered at its
    left end (the highest score at the top)."""
    scores = range(SCORE_MAX, SCORE_MIN - 1, -1)
    step = (bottom - top) / (len(scores) + 1)
    line_x: list[float | None] = []
    line_y: list[float | None] = []
    label_x, label_y, label_text = [], [], []
    for j in xs:
        for k, score in enumerate(scores, 1):
            y = top + k * step
            line_x += [j - 0.38, j + 0.44, None]
            line_y += [y, y, None]
            label_x.append(j - 0.44)
            label_y.append(y)
            label_text.append(str(score))
    return [
        {
            "type": "scatter",
            "x": line_x,
            "y": line_y,
            "mode": "lines",
            "line": {"color": OUTLINE, "width": 1, "dash": "dot"},
            "hoverinfo": "skip",
            "showlegend": False,
            "name": "scores",
        },
        {
            "type": "scatter",
            "x": label_x,
            "y": label_y,
            "mode": "text",
            "text": label_text,
            "textfont": {"size": theme.SMALL_SIZE, "color": theme.INK},
            "hoverinfo": "skip",
            "showlegend": False,
            "name": "score labels",
        },
    ]


def canvas_sheets(
    framework: str, width: int, height: int, rows: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """The canvas of *framework* on sheets of *width* x *height* pixels: as few sheets as
    leave every lane at least :data:`MIN_LANE_PX` tall, lanes shared out evenly, one
    figure (plotly JSON) per sheet.

    Examples
    --------
    >>> sheets = canvas_sheets("five-stage", 1046, 718)     # A4 landscape
    >>> len(sheets), [sheet["layout"]["height"] for sheet in sheets]
    (2, [718, 718])
    >>> len(canvas_sheets("five-stage", 1511, 1046))        # A3 landscape
    1
    """
    rows = canvas_rows(rows)
    probe = canvas_json(framework, width, height, rows[:1])["layout"]
    room = height - probe["margin"]["t"] - probe["margin"]["b"]
    label_px = probe["margin"]["l"]
    sizes = _least_heights(rows, [_row_label(row, label_px) for row in rows])
    groups = [rows[a:b] for a, b in balanced_groups(sizes, room)]
    return [
        canvas_json(
            framework,
            width,
            height,
            group,
            sheet=f"sheet {i} of {len(groups)}" if len(groups) > 1 else "",
        )
        for i, group in enumerate(groups, 1)
    ]


def plot_canvas(
    framework: str,
    width: int = 1046,
    height: int = 718,
    rows: Sequence[str] | None = None,
) -> go.Figure:
    """A blank canvas of *framework* to print: stages as columns, each lane a row with its
    prompt (see the module). The default size is an A4 landscape sheet's printable area;
    ``journeykit print canvas`` prints it, on as many sheets as the lanes need.

    Parameters
    ----------
    framework : str
        A framework id (``jk.frameworks_table()`` lists them).
    width, height : int
        The figure's size in CSS pixels.
    rows : sequence of str, optional
        The lanes to draw (``"emotion"`` for the emotion band); every lane by default.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    import plotly.graph_objects as go

    return go.Figure(canvas_json(framework, width, height, rows))
