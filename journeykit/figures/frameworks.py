"""Figures of the framework catalogue: one framework, all four side by side, a crosswalk.

Examples
--------
>>> plot_framework("eight-stage").data[0].text[0]
'<b>1. Aware</b>'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ..catalogue import catalogue, crosswalk_pairs, framework_ids, get_framework
from . import theme
from .layout import (
    EDGE_PX,
    LABEL_SIZE,
    escape,
    figure_width,
    label_lines,
    longest_word,
    stage_labels,
    themed_figure,
    widest,
    word_size,
    wrap,
)

if TYPE_CHECKING:
    import plotly.graph_objects as go

#: Empty space in a stage box above its name, between name and goal, and below the goal.
BOX_PADS = (14, 8, 16)
#: Space between the rows of stage boxes when a framework takes two rows, in pixels.
ROW_GAP = 18
#: Space between a stage box's flat sides and its text, in pixels.
BOX_PAD = 4


def plot_framework(framework_id: str, width: int | None = None) -> go.Figure:
    """One framework's stages in order, each box with its number, name and the customer's goal.

    Hover over a box for the stage's summary, typical actions and touchpoints.
    The text is wrapped to fit the boxes, which grow taller to hold it; when a
    word would not fit a box (eight boxes in a narrow figure), the boxes take
    two rows, read like lines of text.

    Parameters
    ----------
    framework_id : str
        One of :func:`journeykit.framework_ids`.
    width : int, optional
        Figure width in pixels; by default ``theme.FIT_WIDTH`` (800).

    Examples
    --------
    >>> fig = plot_framework("eight-stage")
    >>> len(fig.layout.shapes), fig.data[0].text[0]
    (8, '<b>1. Aware</b>')
    >>> len(set(fig.data[0].y)), len(set(plot_framework("eight-stage", width=1600).data[0].y))
    (2, 1)
    """
    import plotly.graph_objects as go

    width = figure_width(width)
    fw = get_framework(framework_id)
    n = len(fw.stages)
    for rows in (1, 2):
        per_row = math.ceil(n / rows)
        unit = (width - 2 * EDGE_PX) / (per_row + 0.04)  # one box with its arrow point, in px
        room = 0.84 * unit - 2 * BOX_PAD  # text is centred and kept clear of notch and point
        goal_size = theme.SMALL_SIZE + 1 if per_row <= 6 else theme.SMALL_SIZE
        name_size = next(
            (
                size
                for size in (theme.FONT_SIZE, theme.FONT_SIZE - 1)
                if widest(fw.stage_names, size) <= room
            ),
            goal_size,
        )
        if (
            longest_word([st.goal for st in fw.stages], goal_size) <= room
            and longest_word(fw.stage_names, name_size, bold=True) <= room
        ):
            break
    names = stage_labels(fw.stage_names, room, name_size)
    goals, hover = [], []
    for i, st in enumerate(fw.stages):
        goals.append("<br>".join(wrap(st.goal, room, size=goal_size)))
        details = [f"<b>{i + 1}. {escape(st.name)}</b>", *wrap(st.summary, 60)]
        for label, items in (
            ("Customer actions", st.actions),
            ("Touchpoints", st.touchpoints),
            ("Emotions", st.emotions),
        ):
            if items:
                details.append(f"<i>{label}:</i> " + escape(", ".join(items)))
        hover.append("<br>".join(details))
    name_px = max(t.count("<br>") + 1 for t in names) * name_size * theme.LINE_SPACING
    goal_px = max(t.count("<br>") + 1 for t in goals) * goal_size * theme.LINE_SPACING
    above, between, below = BOX_PADS
    box = round(above + name_px + between + goal_px + below)
    total = rows * box + (rows - 1) * ROW_GAP
    tops = [total - (i // per_row) * (box + ROW_GAP) for i in range(n)]
    middles = [i % per_row + 0.5 for i in range(n)]
    names_trace = go.Scatter(
        x=middles,
        y=[top - above for top in tops],
        mode="text",
        hoverinfo="skip",
        showlegend=False,
        name="names",
        text=names,
        textposition="bottom center",
        textfont={"size": name_size, "color": theme.INK},
    )
    goals_trace = go.Scatter(
        x=middles,
        y=[round(top - above - name_px - between, 1) for top in tops],
        text=goals,
        hovertext=hover,
        mode="text",
        textposition="bottom center",
        textfont={"size": goal_size, "color": theme.INK},
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
        name="goals",
    )
    shapes = [chevron(i % per_row, theme.PALETTE[i % 6], tops[i] - box, tops[i]) for i in range(n)]
    return themed_figure(
        [names_trace, goals_trace],
        f"{fw.name}: {n} stages, left to right",
        "Best for: " + fw.best_for[0].lower() + fw.best_for[1:],
        width,
        plot_height=total,
        shapes=shapes,
        xaxis={"visible": False, "range": [-0.02, per_row + 0.02], "fixedrange": True},
        yaxis={"visible": False, "range": [0, total], "fixedrange": True},
    )


def chevron(column: int, colour: str, bottom: float, top: float) -> dict[str, Any]:
    """A pale arrow-shaped box from x = *column* to *column* + 1, as a plotly shape.

    The first box of a row has a flat left side; the others have a notch.
    """
    i, mid = column, (bottom + top) / 2
    notch = "" if i == 0 else f" L {i + 0.08},{mid}"
    path = (
        f"M {i},{bottom} L {i + 0.92},{bottom} L {i + 1},{mid} L {i + 0.92},{top} "
        f"L {i},{top}{notch} Z"
    )
    return {
        "type": "path",
        "path": path,
        "fillcolor": theme.tint(colour, 0.22),
        "line": {"color": colour, "width": 2},
        "layer": "below",
    }


#: Height of one framework's row in the overview, in pixels; half of it is the bar.
OVERVIEW_ROW_PX = 92


def plot_frameworks(width: int | None = None) -> go.Figure:
    """All four frameworks one above the other, lined up on the journey moments they cover.

    The columns are the shared journey moments (first notice, research, ...,
    promoting); each stage is a bar across the moments it covers, so stages that
    line up cover the same part of the journey.

    Parameters
    ----------
    width : int, optional
        Figure width in pixels. By default the figure fills the width it is
        shown in, with its text wrapped to fit ``theme.FIT_WIDTH`` (800) or more.

    Examples
    --------
    >>> fig = plot_frameworks()
    >>> sorted({trace.name for trace in fig.data}) == sorted(
    ...     get_framework(i).name for i in framework_ids())
    True
    """
    import plotly.graph_objects as go

    chosen = figure_width(width, default=None)
    moments = list(catalogue().moments.values())
    column = ((chosen or theme.FIT_WIDTH) - 2 * EDGE_PX) / len(moments)
    index = {moment.id: i for i, moment in enumerate(moments)}
    names = [st.name for fid in framework_ids() for st in get_framework(fid).stages]
    name_size = word_size(names, column - 2 * BOX_PAD, bold=True)
    header_size = word_size([m.label for m in moments], column - 4)
    traces, titles = [], []
    for k, fid in enumerate(framework_ids()):
        fw = get_framework(fid)
        starts = [min(index[m] for m in st.moments) for st in fw.stages]
        spans = [
            max(index[m] for m in st.moments) + 1 - s
            for st, s in zip(fw.stages, starts, strict=True)
        ]
        traces.append(
            go.Bar(
                y=[escape(fw.name)] * len(fw.stages),
                x=spans,
                base=starts,
                orientation="h",
                name=escape(fw.name),
                textposition="inside",
                insidetextanchor="middle",
                text=[
                    label_lines(st.name, span * column - 2 * BOX_PAD, name_size)
                    for st, span in zip(fw.stages, spans, strict=True)
                ],
                constraintext="none",
                textfont={"size": name_size, "color": theme.INK},
                hovertext=[
                    f"<b>{escape(fw.name)}: {escape(st.name)}</b><br>"
                    + "<br>".join(wrap(st.summary, 60))
                    for st in fw.stages
                ],
                hovertemplate="%{hovertext}<extra></extra>",
                showlegend=False,
                marker={
                    "color": [
                        theme.tint(theme.PALETTE[k], 0.3 if i % 2 else 0.18)
                        for i in range(len(fw.stages))
                    ],
                    "line": {"color": theme.PALETTE[k], "width": 2},
                },
            )
        )
        titles.append(
            {
                "x": 0,
                "xref": "paper",
                "xanchor": "left",
                "y": escape(fw.name),
                "yref": "y",
                "yanchor": "bottom",
                "yshift": OVERVIEW_ROW_PX / 4 + 1,
                "text": f"<b>{escape(fw.name)}</b>",
                "showarrow": False,
                "font": {"size": LABEL_SIZE, "color": theme.INK},
            }
        )
    headers = [label_lines(m.label, column - 4, header_size, bold=False) for m in moments]
    header_lines = max(h.count("<br>") + 1 for h in headers)
    return themed_figure(
        traces,
        "Four frameworks, one journey: how their stages line up",
        "Columns are the moments of a customer's journey; each bar is a stage "
        "and spans the moments it covers",
        chosen,
        plot_height=OVERVIEW_ROW_PX * len(traces),
        top=header_lines * header_size * theme.LINE_SPACING + 12,
        bargap=0.5,
        barmode="overlay",
        annotations=titles,
        xaxis={
            "side": "top",
            "tickvals": [i + 0.5 for i in range(len(moments))],
            "ticktext": headers,
            "tickangle": 0,
            "tickfont": {"size": header_size},
            "range": [0, len(moments)],
            "showgrid": False,
            "fixedrange": True,
        },
        yaxis={
            "autorange": "reversed",
            "fixedrange": True,
            "showgrid": False,
            "showticklabels": False,
        },
        shapes=[
            {
                "type": "line",
                "x0": i,
                "x1": i,
                "y0": 0,
                "y1": 1,
                "yref": "paper",
                "line": {"color": theme.RULE, "width": 1, "dash": "dot"},
                "layer": "below",
            }
            for i in range(1, len(moments))
        ],
    )


def plot_crosswalk(a: str, b: str, width: int | None = None) -> go.Figure:
    """A Sankey diagram of how the stages of framework *a* map to those of framework *b*.

    A band joins two stages that cover the same journey moment; it is wider the
    more moments they share. Hover over a band for the reason. By default the
    figure fills the width it is shown in; *width* fixes it in pixels.

    Examples
    --------
    >>> fig = plot_crosswalk("six-stage", "eight-stage")
    >>> fig.data[0].node.label[:2]
    ('Discover', 'Investigate')
    """
    import plotly.graph_objects as go

    chosen = figure_width(width, default=None)
    left, right = get_framework(a), get_framework(b)
    rows = crosswalk_pairs(a, b)
    names = left.stage_names + right.stage_names
    offset = len(left.stages)
    source = [left.stage_names.index(r["from_stage"]) for r in rows]
    target = [offset + right.stage_names.index(r["to_stage"]) for r in rows]
    colours = [theme.PALETTE[i % 6] for i in range(offset)]
    ys = evenly(len(left.stages)) + evenly(len(right.stages))
    sankey = go.Sankey(
        arrangement="fixed",
        node={
            "label": [escape(name) for name in names],
            "pad": 18,
            "thickness": 22,
            "x": [0.001] * offset + [0.999] * len(right.stages),
            "y": ys,
            "color": colours + [theme.tint(theme.MUTED, 0.6)] * len(right.stages),
            "line": {"color": theme.PAPER, "width": 1},
            "hovertemplate": "%{label}<extra></extra>",
        },
        link={
            "source": source,
            "target": target,
            "value": [len(r["shared"].split(", ")) for r in rows],
            "color": [theme.tint(colours[s], 0.35) for s in source],
            "customdata": [escape(r["reason"]) for r in rows],
            "hovertemplate": "<b>%{source.label} → %{target.label}</b><br>"
            "%{customdata}<extra></extra>",
        },
        textfont={"size": theme.FONT_SIZE, "color": theme.INK},
    )
    return themed_figure(
        [sankey],
        f"From the {left.name.lower()} to the {right.name.lower()}",
        f"{left.name} on the left, {right.name.lower()} on the right; "
        "a band joins stages that cover the same moment",
        chosen,
        plot_height=410,
        margin={"b": 2 * EDGE_PX},
    )


def evenly(count: int) -> list[float]:
    """*count* positions spread evenly between 0 and 1 (node centres of a Sankey column)."""
    return [round((i + 0.5) / count, 4) for i in range(count)]
