"""A whole class's emotions: every map as a heatmap row, and the spread of scores per step.

Both figures take the roll-up's emotion table (participants as rows, steps as
columns, scores 1 to 5, NaN where none was given; :meth:`journeykit.debrief.Rollup.emotions`)
and stay readable from 5 to 300 participants:

* :func:`plot_class_heatmap` sorts the rows so similar journeys sit together
  (:func:`similarity_order`), shrinks rows to fit a projector (at most 720 pixels
  of rows) and names the participants beside their rows only while each row is
  tall enough to read; beyond that, hovering a row names it.
* :func:`plot_class_spread` summarises instead of drawing every map: the median,
  the middle half of the class as a band, and a dot per score sized by how many
  maps gave it, with the worked example's curve for reference.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..catalogue import SCORE_LABELS, SCORE_MAX, SCORE_MIN
from . import theme
from .layout import (
    EDGE_PX,
    escape,
    figure_width,
    longest_word,
    stage_labels,
    themed_figure,
    widest,
    wrap,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    import plotly.graph_objects as go

#: How far apart two rows are at a step where one has a score and the other none.
MISSING_PENALTY = 2.0
#: Space kept free between the headings of two columns, in pixels.
TICK_GAP = 2
#: Participants named beside their rows up to this many; beyond, hover names them.
NAMED_ROWS = 40
#: Height of all heatmap rows together at most, in pixels (a projector shows about 720).
ROWS_PX = 720
#: Height of one named heatmap row, in pixels.
ROW_PX = 22
#: Widest participant label beside a heatmap row, in pixels.
LABEL_PX = 150
#: Height of the colour key above the heatmap, in pixels.
KEY_PX = 30
#: Colour of a neutral score (3), between the negative and positive ends of the scale.
NEUTRAL = "#E3E3E3"
#: Colours of the scores 1 to 5: vermilion to blue through grey (safe for colour blindness).
SCORE_COLOURS = (
    theme.PAIN,
    theme.tint(theme.PAIN, 0.45),
    NEUTRAL,
    theme.tint(theme.EMOTION, 0.45),
    theme.EMOTION,
)


def similarity_order(values: np.ndarray) -> list[int]:
    """Row order that puts rows with similar scores next to each other.

    A nearest-neighbour chain: it starts from the row farthest from all the
    others (one end of the class) and moves each time to the closest row not yet
    placed. Two rows are as far apart as their scores differ on average over the
    steps, where a score given in one row and missing in the other counts as a
    difference of :data:`MISSING_PENALTY`, so maps filled in as far as each other
    stay together.
    Ties go to the earlier row, so the order is the same on every run.

    Examples
    --------
    >>> import numpy as np
    >>> similarity_order(np.array([[5, 5], [1, 1], [4, 5], [1, 2]], dtype=float))
    [0, 2, 3, 1]
    """
    import numpy as np

    count = len(values)
    if count <= 2:
        return list(range(count))
    scores = np.array(values, dtype=float)
    known = ~np.isnan(scores)
    both = known[:, None, :] & known[None, :, :]
    one = known[:, None, :] ^ known[None, :, :]
    filled = np.where(known, scores, 0.0)
    gaps = np.abs(filled[:, None, :] - filled[None, :, :])
    distance = (np.where(both, gaps, 0.0) + MISSING_PENALTY * one).mean(axis=2)
    order = [int(np.argmax(distance.mean(axis=1)))]
    placed = np.zeros(count, dtype=bool)
    placed[order[0]] = True
    for _ in range(count - 1):
        row = np.where(placed, np.inf, distance[order[-1]])
        nearest = int(np.argmin(row))
        order.append(nearest)
        placed[nearest] = True
    return order


def score_key() -> dict[str, Any]:
    """The heatmap's colour key, one line above the plot: a swatch and a label per score."""
    swatch = "<span style='color:{}'>■</span> {}"
    labels = [
        f"{k} {v}" if k in (SCORE_MIN, 3, SCORE_MAX) else str(k) for k, v in SCORE_LABELS.items()
    ]
    parts = [
        swatch.format(colour, label) for colour, label in zip(SCORE_COLOURS, labels, strict=True)
    ]
    parts.append(f"<span style='color:{theme.RULE}'>□</span> no score yet")
    return {
        "text": " ".join(parts),
        "x": 0,
        "xref": "paper",
        "xanchor": "left",
        "y": 1,
        "yref": "paper",
        "yanchor": "bottom",
        "yshift": 6,
        "showarrow": False,
        "font": {"size": theme.SMALL_SIZE, "color": theme.INK},
    }


def empty_figure(title: str, message: str, width: int | None) -> go.Figure:
    """A figure that says there is nothing to draw yet, in the kit's look."""
    note = {
        "text": escape(message),
        "x": 0.5,
        "y": 0.5,
        "xref": "paper",
        "yref": "paper",
        "showarrow": False,
        "font": {"size": theme.FONT_SIZE, "color": theme.MUTED},
    }
    return themed_figure(
        [],
        title,
        "",
        width,
        plot_height=160,
        annotations=[note],
        xaxis={"visible": False},
        yaxis={"visible": False},
    )


@dataclass(frozen=True, kw_only=True)
class StepTicks:
    """The x axis of a class figure: one column per step."""

    #: Escaped step names: the x values of the traces.
    x: list[str]
    #: The headings drawn under (or over) the columns.
    ticks: list[str]
    #: Lines the tallest heading takes.
    lines: int
    #: A sentence naming the steps (plain text), for the subtitle, when the headings are
    #: only numbers.
    legend: str


def step_ticks(steps: Sequence[str], room: float) -> StepTicks:
    """Headings for *steps* sharing *room* pixels: numbered names, wrapped between words.

    When a word of some step is wider than its column (nine steps of a mixed class in a
    narrow notebook), the columns are headed by their numbers and the legend names them.

    Examples
    --------
    >>> step_ticks(["Aware", "Engage"], 400).ticks
    ['1. Aware', '2. Engage']
    >>> narrow = step_ticks(["Small commitment", "Recommend"], 120)
    >>> narrow.ticks, narrow.legend
    (['1', '2'], 'Steps: 1 Small commitment · 2 Recommend.')
    """
    column = room / max(len(steps), 1) - TICK_GAP
    if longest_word(steps, theme.SMALL_SIZE) > column:
        legend = " · ".join(f"{i} {name}" for i, name in enumerate(steps, 1))
        return StepTicks(
            x=[escape(s) for s in steps],
            ticks=[str(i) for i in range(1, len(steps) + 1)],
            lines=1,
            legend=f"Steps: {legend}.",
        )
    ticks = stage_labels(list(steps), column, theme.SMALL_SIZE, bold=False)
    lines = max((t.count("<br>") + 1 for t in ticks), default=1)
    return StepTicks(x=[escape(s) for s in steps], ticks=ticks, lines=lines, legend="")


def plot_class_heatmap(emotions: pd.DataFrame, width: int | None = None) -> go.Figure:
    """Every map's emotion scores as one row of colour, similar journeys next to each other.

    Parameters
    ----------
    emotions : pandas.DataFrame
        Participants as rows (the index names them), steps as columns, scores 1
        to 5 (NaN where none was given), as :meth:`Rollup.emotions` returns.
    width : int, optional
        Figure width in pixels; by default the figure fills the width it is shown in.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"Aware": [4, 2, 5], "Convert": [5, None, 5]},
    ...                      index=["ana", "ben", "cy"])
    >>> plot_class_heatmap(table).data[0].y
    ('ben', 'ana', 'cy')
    """
    import plotly.graph_objects as go

    chosen = figure_width(width, default=None)
    title = "How each map feels along the journey"
    scores = emotions.astype(float)
    if scores.empty or scores.shape[1] == 0:
        return empty_figure(title, "No maps to compare yet.", chosen)
    order = similarity_order(scores.to_numpy())
    rows = scores.iloc[order]
    count = len(rows)
    named = count <= NAMED_ROWS
    names = [escape(str(label)) for label in rows.index]
    label_px = (min(LABEL_PX, widest(names, theme.SMALL_SIZE, False)) + 12) if named else 0
    room = (chosen or theme.FIT_WIDTH) - 2 * EDGE_PX - label_px
    axis = step_ticks(list(rows.columns), room)
    x, ticks, tick_lines = axis.x, axis.ticks, axis.lines
    row_px = max(2.0, min(ROW_PX, ROWS_PX / count))
    rows_px = count * row_px
    scale = [
        [round(i / 5 + edge, 2), colour]
        for i, colour in enumerate(SCORE_COLOURS)
        for edge in (0, 0.2)
    ]
    heat = go.Heatmap(
        z=[[None if math.isnan(v) else v for v in row] for row in rows.to_numpy().tolist()],
        x=x,
        y=names,
        name="scores",
        zmin=SCORE_MIN - 0.5,
        zmax=SCORE_MAX + 0.5,
        colorscale=scale,
        xgap=1,
        ygap=1 if row_px >= 6 else 0,
        showscale=False,
        hovertemplate="<b>%{y}</b><br>%{x}: %{z} of 5<extra></extra>",
    )
    sub = (
        "One map so far."
        if count == 1
        else f"{count} maps, one per row, sorted so that similar journeys sit together."
    )
    if not named:
        sub += " Hover over a row to see whose map it is."
    sub = f"{sub} {axis.legend}".strip()
    tick_text = (
        [
            wrap(name, LABEL_PX, size=theme.SMALL_SIZE, max_lines=1)[0]
            for name in (str(label) for label in rows.index)
        ]
        if named
        else []
    )
    return themed_figure(
        [heat],
        title,
        sub,
        chosen,
        plot_height=rows_px + tick_lines * theme.SMALL_SIZE * theme.LINE_SPACING + 8,
        plot_bgcolor=theme.PAPER,
        top=KEY_PX,
        annotations=[score_key()],
        xaxis={
            "side": "bottom",
            "tickvals": x,
            "ticktext": ticks,
            "tickangle": 0,
            "fixedrange": True,
            "showgrid": False,
            "tickfont": {"size": theme.SMALL_SIZE},
        },
        yaxis={
            "autorange": "reversed",
            "fixedrange": True,
            "showgrid": False,
            "showticklabels": named,
            "tickvals": names if named else [],
            "ticktext": tick_text,
            "tickfont": {"size": theme.SMALL_SIZE},
        },
    )


def _quartiles(scores: pd.DataFrame) -> tuple[list[float | None], ...]:
    out = []
    for q in (0.25, 0.5, 0.75):
        values = scores.quantile(q)
        out.append([None if math.isnan(v) else round(float(v), 2) for v in values])
    return tuple(out)


def plot_class_spread(
    emotions: pd.DataFrame,
    reference: Sequence[float | None] | None = None,
    reference_name: str = "the worked example",
    width: int | None = None,
) -> go.Figure:
    """How the class feels at each step: the median, the middle half, and how many gave each score.

    Parameters
    ----------
    emotions : pandas.DataFrame
        Participants by steps, scores 1 to 5 (see :func:`plot_class_heatmap`).
    reference : sequence of float or None, optional
        A curve to compare with, one value per step (the worked example's, laid
        out on the same steps); drawn dashed.
    reference_name : str
        What the reference curve is, for its legend entry.
    width : int, optional
        Figure width in pixels; by default the figure fills the width it is shown in.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"Aware": [4, 2, 3], "Convert": [5, 1, None]})
    >>> fig = plot_class_spread(table, reference=[4, 3], reference_name="Maya's shop")
    >>> [t.name for t in fig.data]
    ['maps', 'upper quartile', 'middle half', 'median', "Maya's shop"]
    >>> fig.data[3].y
    (3.0, 3.0)
    """
    import plotly.graph_objects as go

    chosen = figure_width(width, default=None)
    title = "How the class feels at each step"
    scores = emotions.astype(float)
    if scores.empty or scores.shape[1] == 0:
        return empty_figure(title, "No maps to compare yet.", chosen)
    scale = [f"{k} {v}" for k, v in SCORE_LABELS.items()]
    room = (chosen or theme.FIT_WIDTH) - 3 * EDGE_PX - widest(scale, theme.FONT_SIZE, False)
    axis = step_ticks(list(scores.columns), room)
    x, ticks, tick_lines = axis.x, axis.ticks, axis.lines
    low, median, high = _quartiles(scores)
    values = scores.to_numpy()
    counts = [
        (x[j], k, int((values[:, j] == k).sum())) for j in range(len(x)) for k in SCORE_LABELS
    ]
    counts = [c for c in counts if c[2]]
    biggest = max((n for *_, n in counts), default=1)
    scored = scores.notna().sum().astype(int).tolist()
    dots = go.Scatter(
        x=[c[0] for c in counts],
        y=[c[1] for c in counts],
        mode="markers",
        name="maps",
        marker={
            "size": [n for *_, n in counts],
            "sizemode": "area",
            "sizemin": 3,
            "sizeref": biggest / 34**2,
            "color": theme.tint(theme.MUTED, 0.3),
            "line": {"width": 0},
        },
        hovertext=[
            f"{n} map{'s' if n > 1 else ''} scored {s}: {SCORE_LABELS[s]}" for _, s, n in counts
        ],
        hovertemplate="<b>%{x}</b><br>%{hovertext}<extra></extra>",
        showlegend=False,
    )
    upper = go.Scatter(
        x=x,
        y=high,
        mode="lines",
        name="upper quartile",
        hoverinfo="skip",
        line={"width": 0},
        showlegend=False,
        connectgaps=False,
    )
    band = go.Scatter(
        x=x,
        y=low,
        mode="lines",
        name="middle half",
        fill="tonexty",
        fillcolor="rgba(0,114,178,0.18)",
        line={"width": 0},
        hoverinfo="skip",
        connectgaps=False,
    )
    middle = go.Scatter(
        x=x,
        y=median,
        mode="lines+markers",
        name="median",
        connectgaps=False,
        line={"color": theme.EMOTION, "width": 4},
        marker={"size": 11},
        customdata=[[lo, hi, n] for lo, hi, n in zip(low, high, scored, strict=True)],
        hovertemplate="<b>%{x}</b><br>median %{y}, middle half %{customdata[0]} to "
        "%{customdata[1]}<br>%{customdata[2]} maps gave a score<extra></extra>",
    )
    traces = [dots, upper, band, middle]
    if reference is not None:
        traces.append(
            go.Scatter(
                x=x,
                y=list(reference),
                mode="lines+markers",
                name=escape(reference_name),
                legendgroup="reference",
                connectgaps=False,
                line={"color": theme.PALETTE[1], "width": 3, "dash": "dash"},
                marker={"symbol": "diamond", "size": 10},
                hovertemplate=f"<b>%{{x}}</b><br>{escape(reference_name)}: %{{y}}<extra></extra>",
            )
        )
    sub = (
        f"{len(scores)} maps. Line: the median score; band: the middle half of the maps; "
        "grey dots: how many maps gave each score (bigger dot, more maps)."
    )
    sub = f"{sub} {axis.legend}".strip()
    return themed_figure(
        traces,
        title,
        sub,
        chosen,
        plot_height=360 + tick_lines * theme.SMALL_SIZE * 1.3,
        top=34,
        margin={"r": 2 * EDGE_PX},
        legend={"orientation": "h", "x": 0, "y": 1, "yanchor": "bottom", "xanchor": "left"},
        yaxis={
            "range": [SCORE_MIN - 0.6, SCORE_MAX + 0.6],
            "tickvals": list(SCORE_LABELS),
            "ticktext": scale,
            "fixedrange": True,
        },
        xaxis={
            "fixedrange": True,
            "showgrid": False,
            "tickvals": x,
            "ticktext": ticks,
            "tickangle": 0,
            "tickfont": {"size": theme.SMALL_SIZE},
        },
    )
