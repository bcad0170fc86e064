"""The impact/effort matrix of a map's (or a class's) opportunities: :func:`plot_priorities`.

Effort runs left to right and impact bottom to top, each from 1 to 4; the split at
2.5 cuts the matrix into its four quarters (:data:`journeykit.catalogue.QUADRANTS`),
each tinted and named with its place on the roadmap: quick wins (now), big bets
(next), fill-ins (later), money pits (rethink). Each scored opportunity is a point
in its cell; several in one cell are stacked, not drawn on top of each other.
For one map each point is labelled with the opportunity, wrapped to fit its cell;
a class has too many for labels, so its points are small dots and each cell says
how many it holds (hover for every one).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ..catalogue import QUADRANTS
from ..catalogue.method import EFFORT_SCALE, HIGH, IMPACT_SCALE
from ..model.priorities import UNSCORED, priorities
from . import theme
from .layout import EDGE_PX, escape, figure_width, themed_figure, widest, wrap

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

#: The fill of each quarter of the matrix, in the order of QUADRANTS (Okabe-Ito hues).
QUADRANT_FILLS = (
    theme.tint(theme.PALETTE[2], 0.18),  # quick wins: bluish green
    theme.tint(theme.PALETTE[0], 0.14),  # big bets: blue
    theme.tint(theme.PALETTE[6], 0.12),  # fill-ins: grey
    theme.tint(theme.PAIN, 0.16),  # money pits: vermilion
)
#: Most points in one cell that still get a label each; more make the figure a class's.
LABELLED_PER_CELL = 6
#: Height of the plot area, in pixels (each of the 4 rows of cells gets a quarter).
PLOT_PX = 600
#: Height of one line of label text, in pixels.
LABEL_LINE_PX = 17
#: The impact axis runs a little past the cells, top and bottom: a strip for the names of
#: the quarters, clear of the points.
IMPACT_RANGE = (0.1, 4.9)


def plot_priorities(source: Any, width: int | None = None) -> go.Figure:
    """The impact/effort matrix: where each opportunity falls, and what to do first.

    Parameters
    ----------
    source : JourneyMap, list of maps, a class roll-up, or a table
        One map's opportunities, a class's (``jk.rollup(folder)``, or a list of
        maps), or the table :func:`journeykit.priorities` returns. Opportunities
        need an ``impact`` and an ``effort`` (1 to 4) to be placed: set them with
        ``m.set_item(stage, "opportunities", item, impact=..., effort=...)`` or in
        the editor's *Evidence and priorities* fold. The others are counted in the
        subtitle.
    width : int, optional
        Figure width in pixels, by default ``theme.FIT_WIDTH`` (800).

    Returns
    -------
    plotly.graph_objects.Figure

    See Also
    --------
    journeykit.roadmap : the same opportunities as a now / next / later table.

    Examples
    --------
    >>> import journeykit as jk
    >>> shop = jk.example("clothing-store")
    >>> shop.set_item("Decision", "opportunities", 0, impact=4, effort=1, owner="Web team")
    >>> shop.set_item("Consideration", "opportunities", 0, impact=3, effort=3)
    >>> fig = jk.plot_priorities(shop)
    >>> [note.text for note in fig.layout.annotations][:2]
    ['<b>Quick wins</b> · now', '<b>Big bets</b> · next']
    >>> print(fig.data[0].hovertext[0].replace("<br>", "\\n"))
    <b>Add fit notes from reviewers to each product</b>
    Consideration
    Impact 3 (fairly high), effort 3 (fairly high)
    Big bets: next
    >>> fig.layout.title.subtitle.text
    '2 of 6 opportunities scored · 4 still need an impact and an effort'
    """
    import pandas as pd

    table = source if isinstance(source, pd.DataFrame) else priorities(source)
    chosen = figure_width(width)
    assert chosen is not None
    return _matrix(table, chosen)


def _matrix(table: pd.DataFrame, width: int) -> go.Figure:
    scored = table[table["horizon"] != UNSCORED]
    many_maps = bool((table["participant"] != "").any()) and table["participant"].nunique() > 1
    per_cell = scored.groupby(["impact", "effort"]).size()
    labelled = not many_maps and (per_cell.max() if len(per_cell) else 0) <= LABELLED_PER_CELL
    scale_labels = [f"{k} {v}" for k, v in IMPACT_SCALE.items()]
    left = widest(scale_labels, theme.FONT_SIZE, bold=False) + 44
    cell_px = (width - 2 * EDGE_PX - left) / 4
    xs, ys, texts, hovers = [], [], [], []
    notes: list[dict[str, Any]] = _quadrant_names()
    for (impact, effort), group in scored.groupby(["impact", "effort"], sort=True):
        spots = _spots(len(group), labelled)
        slot_px = PLOT_PX / 4 * 0.84 / max(len(group), 1)
        lines = max(1, int(slot_px // LABEL_LINE_PX))
        for (dx, dy), row in zip(spots, group.itertuples(index=False), strict=True):
            xs.append(effort + dx)
            ys.append(impact + dy)
            text = str(row.opportunity)
            if labelled:
                wrapped = wrap(text, cell_px * 0.8, max_lines=lines, size=theme.SMALL_SIZE)
                texts.append("<br>".join(wrapped))
            hovers.append(_hover(row))
        if not labelled:
            notes.append(_count_note(int(impact), int(effort), len(group)))
    points: dict[str, Any] = {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "markers+text" if labelled else "markers",
        "marker": {
            "size": 11 if labelled else 8,
            "color": theme.EMOTION,
            "line": {"color": theme.PAPER, "width": 1.5},
        },
        "hovertext": hovers,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "showlegend": False,
        "name": "opportunities",
    }
    if labelled:
        points.update(
            text=texts,
            textposition="middle right",
            textfont={"size": theme.SMALL_SIZE, "color": theme.INK},
            cliponaxis=False,
        )
    total, placed = len(table), len(scored)
    subtitle = f"{placed} of {total} opportunit{'ies' if total != 1 else 'y'} scored"
    if total > placed:
        missing = total - placed
        subtitle += f" · {missing} still need{'s' if missing == 1 else ''} an impact and an effort"
    if many_maps:
        subtitle += f", from {table['participant'].nunique()} maps"
    if not total:
        subtitle = "No opportunities on the map yet: write some, then score their impact and effort"
    title = "Impact and effort: which opportunities to take on first"
    import plotly.graph_objects as go

    return themed_figure(
        [go.Scatter(points)],
        title,
        subtitle,
        width,
        plot_height=PLOT_PX * (IMPACT_RANGE[1] - IMPACT_RANGE[0]) / 4,
        margin={"l": round(left), "r": 2 * EDGE_PX},
        shapes=_quadrant_shapes(),
        annotations=notes,
        hovermode="closest",
        xaxis={
            "range": [0.5, 4.5],
            "tickvals": list(EFFORT_SCALE),
            "ticktext": [f"{k} {v}" for k, v in EFFORT_SCALE.items()],
            "title": {"text": "<b>Effort</b> (the work it takes) →", "standoff": 10},
            "showgrid": False,
            "fixedrange": True,
            "zeroline": False,
        },
        yaxis={
            "range": list(IMPACT_RANGE),
            "tickvals": list(IMPACT_SCALE),
            "ticktext": scale_labels,
            "title": {"text": "<b>Impact</b> (what it changes) →", "standoff": 14},
            "showgrid": False,
            "fixedrange": True,
            "zeroline": False,
        },
    )


def _spots(count: int, labelled: bool) -> list[tuple[float, float]]:
    """Offsets from a cell's centre for *count* points: a column down the cell's left
    side when each gets a label, else a small square grid."""
    if labelled:
        step = 0.84 / count
        return [(-0.42, 0.42 - step * (k + 0.5)) for k in range(count)]
    across = math.ceil(math.sqrt(count))
    step = 0.8 / across
    return [
        (-0.4 + step * (k % across + 0.5), 0.4 - step * (k // across + 0.5)) for k in range(count)
    ]


def _hover(row: Any) -> str:
    lines = [f"<b>{escape(str(row.opportunity))}</b>"]
    where = escape(str(row.stage)) + (
        f" · {escape(str(row.participant))}" if row.participant else ""
    )
    lines.append(where)
    lines.append(
        f"Impact {row.impact} ({IMPACT_SCALE[int(row.impact)]}), "
        f"effort {row.effort} ({EFFORT_SCALE[int(row.effort)]})"
    )
    if row.owner:
        lines.append(f"Owner: {escape(str(row.owner))}")
    lines.append(f"{row.quadrant}: {row.horizon}")
    return "<br>".join(lines)


def _quadrant_shapes() -> list[dict[str, Any]]:
    split = HIGH - 0.5
    shapes = []
    for q, fill in zip(QUADRANTS, QUADRANT_FILLS, strict=True):
        x0, x1 = (split, 4.5) if q.high_effort else (0.5, split)
        y0, y1 = (split, IMPACT_RANGE[1]) if q.high_impact else (IMPACT_RANGE[0], split)
        shapes.append(
            {
                "type": "rect",
                "x0": x0,
                "x1": x1,
                "y0": y0,
                "y1": y1,
                "fillcolor": fill,
                "line": {"width": 0},
                "layer": "below",
            }
        )
    for axis in ("x", "y"):
        shapes.append(
            {
                "type": "line",
                f"{axis}0": split,
                f"{axis}1": split,
                f"{'y' if axis == 'x' else 'x'}0": IMPACT_RANGE[0] if axis == "x" else 0.5,
                f"{'y' if axis == 'x' else 'x'}1": IMPACT_RANGE[1] if axis == "x" else 4.5,
                "line": {"color": theme.MUTED, "width": 1.5, "dash": "dash"},
                "layer": "below",
            }
        )
    return shapes


def _quadrant_names() -> list[dict[str, Any]]:
    """Each quarter's name and horizon in its outer corner, its advice on hover."""
    notes = []
    for q in QUADRANTS:
        notes.append(
            {
                "x": 4.45 if q.high_effort else 0.55,
                "y": IMPACT_RANGE[1] - 0.03 if q.high_impact else IMPACT_RANGE[0] + 0.03,
                "xanchor": "right" if q.high_effort else "left",
                "yanchor": "top" if q.high_impact else "bottom",
                "text": f"<b>{escape(q.name)}</b> · {q.horizon}",
                "hovertext": escape(q.advice),
                "showarrow": False,
                "font": {"size": theme.SMALL_SIZE + 1, "color": theme.INK},
            }
        )
    return notes


def _count_note(impact: int, effort: int, count: int) -> dict[str, Any]:
    return {
        "x": effort + 0.45,
        "y": impact - 0.45,
        "xanchor": "right",
        "yanchor": "bottom",
        "text": f"{count} idea{'s' if count != 1 else ''}",
        "showarrow": False,
        "font": {"size": theme.SMALL_SIZE, "color": theme.MUTED},
    }
