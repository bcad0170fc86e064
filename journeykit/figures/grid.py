"""A grid of stages by rows, as the map figure draws one: the base of the method's figures.

The service blueprint (:mod:`.blueprint`) and the comparison of a current and a
future state (:mod:`.compare`) lay their content out as the journey map does:
stages as columns, headed by their numbered names; rows labelled on the left;
each cell a pale box whose text is wrapped to fit it, up to a few items, with
every item in its hover box. :func:`grid_json` builds such a figure from rows
of :class:`~.journey_map.Cell` (the map figure's own cells), with room for bands
of other traces (an emotion curve) and for space between rows (the blueprint's
lines), and returns plotly JSON in the kit's look.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import theme
from .journey_map import (
    CELL_PAD,
    LABEL_WRAP_PX,
    LINE_PX,
    Cell,
    cell_bars,
    cell_labels,
    gap_trace,
    map_template,
    stage_axis,
)
from .layout import (
    EDGE_PX,
    LABEL_SIZE,
    figure_width,
    label_lines,
    stage_labels,
    themed_json,
    widest,
)

#: The narrowest column a grid figure gets when no width is asked for: five stages fit
#: the notebook's 800 pixels; eight stages make the figure wider (the notebook scrolls)
#: rather than cut every item to a word or two (looked at: at 800 pixels, eight stages
#: left 70 pixels a column and split 'touchpoint' across two lines).
MIN_COLUMN_PX = 130


def grid_width(width: object, stages: int) -> int:
    """The width of a grid figure of *stages* columns: *width* when asked for (checked),
    else the notebook's width, widened so that no column is narrower than
    :data:`MIN_COLUMN_PX`.

    Examples
    --------
    >>> grid_width(None, 5), grid_width(None, 8), grid_width(900, 8)
    (800, 1190, 900)
    """
    least = 2 * EDGE_PX + LABEL_WRAP_PX + 12 + stages * MIN_COLUMN_PX
    return figure_width(width, default=max(theme.FIT_WIDTH, least))


@dataclass(frozen=True)
class GridRow:
    """One row of a grid figure.

    Attributes
    ----------
    label : str
        The row's label on the left (plain text; wrapped and set in bold).
    cells : callable
        ``cells(room)``: the row's cells, one per stage, their text wrapped to
        *room* pixels. Ignored for a band.
    band : float
        For a band of other traces (an emotion curve): its height in text lines.
        Its cells are drawn empty; :func:`grid_json`'s *bands* draws into it.
    space_above : float
        Text lines of space above the row (where a line between rows is drawn).
    fill : str
        The colour of the row's cells that hold something.
    """

    label: str
    cells: Callable[[float], list[Cell]] = field(default=lambda room: [])
    band: float = 0.0
    space_above: float = 0.0
    fill: str = theme.FILLED_FILL


@dataclass(frozen=True)
class GridShape:
    """Where a grid figure's rows ended up, for drawing more into it.

    Attributes
    ----------
    edges : list of (float, float)
        Each row's top and bottom, in text lines from the top of the grid.
    room : float
        The width of a cell's text, in pixels.
    column : float
        The width of one column, in pixels.
    stages : int
        How many columns.
    """

    edges: list[tuple[float, float]]
    room: float
    column: float
    stages: int


#: Draws more into a grid once its rows are laid out: (traces, shapes, annotations).
Extra = Callable[[GridShape], tuple[list[dict[str, Any]], list[dict[str, Any]], list[Any]]]


def grid_json(
    stage_names: Sequence[str],
    rows: Sequence[GridRow],
    title: str,
    subtitle: str,
    width: int,
    *,
    extra: Extra | None = None,
    gap_text: str = "",
) -> dict[str, Any]:
    """A grid figure of *rows* across the stages *stage_names*, as plotly JSON.

    Parameters
    ----------
    stage_names : sequence of str
        The columns, in order.
    rows : sequence of GridRow
        The rows, top to bottom.
    title, subtitle : str
        Plain text, wrapped to the figure's width.
    width : int
        The figure's width in pixels.
    extra : callable, optional
        ``extra(shape)`` returns more traces, layout shapes and annotations to draw
        once the rows are laid out (an emotion curve in a band, lines between rows).
    gap_text : str
        Written in the middle of each empty cell (none by default).

    Examples
    --------
    >>> from journeykit.figures.journey_map import Cell
    >>> cells = [Cell(["• Faster checkout"], "", False), Cell([], "", True)]
    >>> row = GridRow("Ideas", lambda room: cells)
    >>> figure = grid_json(["Aware", "Engage"], [row], "Ideas by stage", "", 800)
    >>> figure["layout"]["xaxis"]["ticktext"], figure["layout"]["yaxis"]["ticktext"]
    (['<b>1. Aware</b>', '<b>2. Engage</b>'], ['<b>Ideas</b>'])
    """
    n = max(len(stage_names), 1)
    labels = [label_lines(row.label, LABEL_WRAP_PX, LABEL_SIZE) for row in rows]
    label_px = widest(labels, LABEL_SIZE) + 12
    column = (width - 2 * EDGE_PX - label_px) / n
    room = column - 2 * CELL_PAD
    empty = [Cell([], "", True)] * len(stage_names)
    cells = [empty if row.band else row.cells(room) for row in rows]
    label_height = LABEL_SIZE * theme.LINE_SPACING / LINE_PX  # one label line, in cell lines
    edges: list[tuple[float, float]] = []
    bottom = 0.0
    for i, row in enumerate(rows):
        top = bottom + row.space_above
        height = row.band or max(
            2.0,
            labels[i].count("<br>") * label_height + 1.6,
            *(len(cell.lines) + 0.7 for cell in cells[i]),
        )
        edges.append((top, top + height))
        bottom = top + height
    xs = list(range(len(stage_names)))
    inset = CELL_PAD / column
    traces: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        traces.append(
            cell_bars(
                xs,
                list(edges[i]),
                column,
                [[theme.EMPTY_FILL if cell.empty else row.fill for cell in cells[i]]],
                [[cell.hover for cell in cells[i]]],
                name=f"cells {i}",
            )
        )
    text_x, text_y, texts = [], [], []
    gap_x, gap_y = [], []
    for i, row_cells in enumerate(cells):
        for j, cell in enumerate(row_cells):
            if cell.lines:
                text_x.append(round(j - 0.5 + inset, 4))
                text_y.append(edges[i][0] + 0.3)
                texts.append("<br>".join(cell.lines))
            elif cell.empty and gap_text and not rows[i].band:
                gap_x.append(j)
                gap_y.append(sum(edges[i]) / 2)
    if gap_x:
        traces.append(gap_trace(gap_x, gap_y, gap_text))
    shapes = cell_labels(text_x, text_y, texts, "text", column)
    annotations: list[Any] = []
    if extra is not None:
        more, more_shapes, notes = extra(GridShape(edges, room, column, len(stage_names)))
        traces += more
        shapes += more_shapes
        annotations += notes
    headers = stage_labels(list(stage_names), column - 4, LABEL_SIZE)
    header_lines = max((h.count("<br>") + 1 for h in headers), default=1)
    layout: dict[str, Any] = {}
    if shapes:
        layout["shapes"] = shapes
    if annotations:
        layout["annotations"] = annotations
    return themed_json(
        traces,
        title,
        subtitle,
        width,
        plot_height=bottom * LINE_PX,
        top=header_lines * LABEL_SIZE * theme.LINE_SPACING + 8,
        margin={"l": round(EDGE_PX + label_px)},
        hovermode="closest",
        template=map_template(),
        showlegend=False,
        xaxis=stage_axis(headers),
        yaxis={
            "tickvals": [sum(edge) / 2 for edge in edges],
            "ticktext": labels,
            "tickfont": {"size": LABEL_SIZE},
            "range": [bottom, 0],
            "showgrid": False,
            "fixedrange": True,
            "ticks": "",
            "showline": False,
            "ticklabelstandoff": 6,
        },
        **layout,
    )
