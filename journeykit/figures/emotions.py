"""The emotion curve: how the customer feels in each stage, with the dips marked.

A dip is a stage that scores below the one before it, or 2 or less
(:func:`journeykit.catalogue.is_dip`, shared with the map review); the figure
marks each with a triangle and its first pain point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..catalogue import SCORE_LABELS, SCORE_MAX, SCORE_MIN, is_dip
from . import theme
from .layout import (
    EDGE_PX,
    LABEL_SIZE,
    escape,
    figure_width,
    hover_list,
    persona_label,
    stage_labels,
    themed_figure,
    widest,
    word_size,
    wrap,
)

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from ..model import JourneyMap, Stage


def plot_emotions(m: JourneyMap, width: int | None = None) -> go.Figure:
    """The emotion curve: the score from 1 to 5 in every stage, emotion words at the points.

    Stages where the curve dips (the score falls from the stage before, or is
    negative) get a vermilion triangle and their first pain point under the
    words; hover over the triangle for all of them. A stage without a score
    leaves a gap in the line.

    Parameters
    ----------
    m : JourneyMap
        The map whose emotions to draw.
    width : int, optional
        Figure width in pixels. By default the figure fills the width it is
        shown in, with its text wrapped to fit ``theme.FIT_WIDTH`` (800) or more.

    Examples
    --------
    >>> import journeykit as jk
    >>> fig = plot_emotions(jk.example("clothing-store"))
    >>> [trace.name for trace in fig.data]
    ['emotion', 'dip']
    """
    import plotly.graph_objects as go

    chosen = figure_width(width, default=None)
    scale = [f"{k} {v}" for k, v in SCORE_LABELS.items()]
    column = (
        (chosen or theme.FIT_WIDTH) - 3 * EDGE_PX - widest(scale, theme.FONT_SIZE, False) - 12
    ) / max(len(m.stages), 1)
    names = [f"{i}. {escape(s.name)}" for i, s in enumerate(m.stages, 1)]
    tick_size = word_size(
        m.stage_names, column - 8, sizes=(theme.FONT_SIZE, LABEL_SIZE, theme.SMALL_SIZE)
    )
    ticks = stage_labels(m.stage_names, column - 8, tick_size, bold=False)
    scores = [s.emotion_score for s in m.stages]
    dips = [i for i in range(len(scores)) if is_dip(scores, i)]
    hover = []
    for stage, score in zip(m.stages, scores, strict=True):
        feeling = f"{score} of {SCORE_MAX}: {SCORE_LABELS[score]}" if score else "no score yet"
        words = escape(", ".join(stage.emotion_words))
        hover.append(
            f"<b>{escape(stage.name)}</b><br>{feeling}" + (f"<br>Feels: {words}" if words else "")
        )
    curve = go.Scatter(
        x=names,
        y=scores,
        hovertext=hover,
        mode="lines+markers",
        name="emotion",
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
        connectgaps=False,
        line={"color": theme.EMOTION, "width": 4},
        marker={"size": 14, "color": theme.EMOTION, "line": {"color": theme.PAPER, "width": 2}},
    )
    pain = go.Scatter(
        x=[names[i] for i in dips],
        y=[scores[i] for i in dips],
        mode="markers",
        name="dip",
        hovertext=[
            f"<b>Pain points in {escape(m.stages[i].name)}</b><br>"
            + (hover_list(m.stages[i].pain_points) or "none written yet")
            for i in dips
        ],
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
        marker={
            "symbol": "triangle-down",
            "size": 24,
            "color": theme.PAIN,
            "line": {"color": theme.PAPER, "width": 2},
        },
    )
    sides = [label_side(scores, i) for i in range(len(scores))]
    notes = [
        emotion_note(name, stage, i in dips, column - 10, sides[i])
        for i, (name, stage) in enumerate(zip(names, m.stages, strict=True))
    ]
    # a label under the lowest score needs room above the stage names
    under_lowest = any(
        s == SCORE_MIN and side[0] == "below" for s, side in zip(scores, sides, strict=True)
    )
    floor = 1.5 if under_lowest else 0.9
    low = ", ".join(m.stages[i].name for i in dips)
    subtitle = (
        f"▼ marks a dip, where pain points need attention: {low}"
        if dips
        else "No dips: the score never falls from one stage to the next"
    )
    tick_lines = max((t.count("<br>") + 1 for t in ticks), default=1)
    return themed_figure(
        [curve, pain],
        f"{persona_label(m)} emotions, stage by stage",
        subtitle,
        chosen,
        plot_height=380 + tick_lines * tick_size * theme.LINE_SPACING,
        margin={"r": 2 * EDGE_PX},
        showlegend=False,
        annotations=notes,
        yaxis={
            "range": [SCORE_MIN - floor, SCORE_MAX + 0.6],
            "tickvals": list(SCORE_LABELS),
            "ticktext": scale,
            "fixedrange": True,
        },
        xaxis={
            "fixedrange": True,
            "showgrid": False,
            "tickvals": names,
            "ticktext": ticks,
            "tickangle": 0,
            "tickfont": {"size": tick_size},
        },
    )


def label_side(scores: list[int | None], index: int) -> tuple[str, str]:
    """Where the label of point *index* goes so the line does not run through it:
    ``("above" or "below", "center" or "left" or "right")`` (the second is the side
    the text grows towards).

    Above a peak, below a dip; where the line climbs or falls through the point, in
    the empty corner beside it. A flat line leaves room on both sides: below from the
    middle score up, above under it (the text stays inside the plot).

    Examples
    --------
    >>> label_side([4, 2, 3], 1), label_side([2, 4, 3], 1), label_side([3, 3, 3], 1)
    (('below', 'center'), ('above', 'center'), ('below', 'center'))
    >>> label_side([2, 3, 4], 1), label_side([4, 3, 2], 1)
    (('above', 'left'), ('above', 'right'))
    """
    here = scores[index]
    if here is None:
        return "below", "center"
    beside = (scores[i] for i in (index - 1, index + 1) if 0 <= i < len(scores))
    near = [score for score in beside if score is not None]
    line_above = any(score > here for score in near)
    line_below = any(score < here for score in near)
    if line_above and line_below:  # through the point: the corner the line leaves empty
        before = scores[index - 1] if index > 0 else None
        climbing = before is not None and before < here
        return "above", "left" if climbing else "right"
    if line_below:
        return "above", "center"
    if line_above:
        return "below", "center"
    return ("below" if here >= 3 else "above"), "center"


def emotion_note(
    x: str,
    stage: Stage,
    dip: bool,
    width: float,
    side: tuple[str, str] = ("below", "center"),
) -> dict[str, Any]:
    """The label beside one point of the emotion curve: its words, and a pain point at a dip.

    The text is wrapped to *width* pixels and placed on *side* of the point
    (:func:`label_side`).
    """
    size = theme.SMALL_SIZE + 1
    score = stage.emotion_score
    lines = (
        wrap(", ".join(stage.emotion_words), width, max_lines=3, size=size)
        if stage.emotion_words
        else []
    )
    if dip and stage.pain_points:
        pain = wrap("▼ " + stage.pain_points[0], width, max_lines=2, size=size)
        lines.append(f"<span style='color:{theme.PAIN}'>{'<br>'.join(pain)}</span>")
    if score is None:
        lines = ["<i>no score yet</i>"]
    below = side[0] == "below"
    grows = side[1]
    note = {
        "x": x,
        "y": score if score is not None else 3,
        "text": "<br>".join(lines),
        "showarrow": False,
        "yanchor": "top" if below else "bottom",
        "yshift": -16 if below else 16,
        "bgcolor": "rgba(255,255,255,0.85)",
        "font": {"size": size, "color": theme.MUTED if score is None else theme.INK},
    }
    if grows != "center":  # beside the marker, clear of the line's two slopes
        note.update(xanchor="right" if grows == "left" else "left", align=grows)
        note["xshift"] = -10 if grows == "left" else 10
        note["yshift"] = 6 if not below else -6
    return note
