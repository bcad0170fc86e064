"""What a whole class wrote: which lanes are filled in where, and the most common items.

Both figures summarise, so they read the same for 5 maps or 300:

* :func:`plot_class_coverage`: lanes by steps, each cell the share of maps with
  that lane filled in (:meth:`journeykit.debrief.Rollup.coverage`);
* :func:`plot_class_top`: for each step, the items most maps name, one bar each,
  with near-identical wordings grouped and counted on the bar
  (:meth:`journeykit.debrief.Rollup.top`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from . import theme
from .class_emotions import empty_figure, step_ticks
from .layout import EDGE_PX, LABEL_SIZE, escape, figure_width, label_lines, themed_figure, wrap

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

#: Lane labels wrap beyond this width, in pixels.
LANE_LABEL_PX = 150
#: Height of one coverage row, in pixels.
COVERAGE_ROW_PX = 34
#: Share of the figure's width given to the item labels of the top-items chart.
ITEM_LABEL_SHARE = 0.42
#: Height of one line of an item label, in pixels.
ITEM_LINE_PX = 19
#: Lines an item label may take before it is cut with "…".
ITEM_LINES = 2
#: Space between two rows of the top-items chart, in label lines.
ROW_GAP = 0.45


class TopRow(Protocol):
    """One row of the top-items table (:meth:`journeykit.debrief.Rollup.top`), as
    ``itertuples()`` gives it: the columns the chart reads."""

    step: str
    item: str
    maps: int
    share: float
    wordings: int
    variants: str


def plot_class_coverage(coverage: pd.DataFrame, maps: int, width: int | None = None) -> go.Figure:
    """Which lanes the class filled in at each step: pale cells are what most maps left empty.

    Parameters
    ----------
    coverage : pandas.DataFrame
        Lanes as rows (the index holds their labels), steps as columns, each
        value the share of maps (0 to 1) with that lane filled in.
    maps : int
        How many maps the shares are of (for the hover text and subtitle).
    width : int, optional
        Figure width in pixels; by default the figure fills the width it is shown in.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"Aware": [1.0, 0.25]}, index=["Customer goal", "Pain points"])
    >>> plot_class_coverage(table, maps=4).data[0].texttemplate
    '%{z:.0%}'
    """
    import plotly.graph_objects as go

    chosen = figure_width(width, default=None)
    title = "Which lanes the class filled in"
    if coverage.empty or maps == 0:
        return empty_figure(title, "No maps to compare yet.", chosen)
    lanes = [
        label_lines(str(lane), LANE_LABEL_PX, LABEL_SIZE, bold=False) for lane in coverage.index
    ]
    room = (chosen or theme.FIT_WIDTH) - 2 * EDGE_PX - LANE_LABEL_PX - 12
    axis = step_ticks(list(coverage.columns), room)
    x, ticks, tick_lines = axis.x, axis.ticks, axis.lines
    heat = go.Heatmap(
        z=coverage.to_numpy().round(3).tolist(),
        x=x,
        y=lanes,
        name="coverage",
        zmin=0,
        zmax=1,
        xgap=2,
        ygap=2,
        showscale=False,
        texttemplate="%{z:.0%}",
        textfont={"size": theme.SMALL_SIZE, "color": theme.INK},
        colorscale=[[0, "#F7F9FB"], [1, theme.tint(theme.EMOTION, 0.55)]],
        hovertemplate=f"<b>%{{y}}</b> at %{{x}}<br>%{{z:.0%}} of the {maps} maps<extra></extra>",
    )
    sub = (
        f"Share of the {maps} maps with each lane filled in at each step. Pale cells are "
        "the gaps most of the class left: a good place to start the debrief."
    )
    sub = f"{sub} {axis.legend}".strip()
    return themed_figure(
        [heat],
        title,
        sub,
        chosen,
        plot_height=len(lanes) * COVERAGE_ROW_PX,
        top=tick_lines * theme.SMALL_SIZE * theme.LINE_SPACING + 12,
        xaxis={
            "side": "top",
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
            "tickfont": {"size": LABEL_SIZE},
        },
    )


def plot_class_top(
    top: pd.DataFrame, lane_label: str, maps: int, width: int | None = None
) -> go.Figure:
    """The items most maps name at each step, one bar each, similar wordings grouped.

    Parameters
    ----------
    top : pandas.DataFrame
        Columns ``step`` (ordered categorical: every step, even those with no
        rows), ``item``, ``maps``, ``share``, ``wordings`` and ``variants``, as
        :meth:`Rollup.top` returns.
    lane_label : str
        What the items are, e.g. "Pain points".
    maps : int
        How many maps the shares are of.
    width : int, optional
        Figure width in pixels; by default the figure fills the width it is shown in.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"step": pd.Categorical(["Aware"], ["Aware", "Convert"]),
    ...                      "item": ["No reviews"], "maps": [3], "share": [0.75],
    ...                      "wordings": [2], "variants": ["No reviews (2) · no review (1)"]})
    >>> fig = plot_class_top(rows, "Pain points", maps=4)
    >>> fig.data[0].text
    ('3 maps · 2 wordings',)
    """
    import plotly.graph_objects as go

    chosen = figure_width(width, default=None)
    title = f"{lane_label}: what most maps name at each step"
    steps = list(top["step"].cat.categories) if hasattr(top["step"], "cat") else []
    if not steps or maps == 0:
        return empty_figure(title, "No maps to compare yet.", chosen)
    full = chosen or theme.FIT_WIDTH
    label_px = full * ITEM_LABEL_SHARE
    y: list[float] = []
    ticks: list[str] = []
    bars: list[tuple[float, TopRow]] = []
    end = 0.0  # rows are placed in units of one label line, with a gap between rows

    def add(label: str, lines: int) -> float:
        nonlocal end
        y.append(end + lines / 2)
        ticks.append(label)
        end += lines + ROW_GAP
        return y[-1]

    for number, step in enumerate(steps, 1):
        end += ROW_GAP if number > 1 else 0
        add(
            "<b>"
            + "<br>".join(
                wrap(
                    f"{number}. {step}",
                    label_px,
                    size=theme.SMALL_SIZE,
                    bold=True,
                    max_lines=ITEM_LINES,
                )
            )
            + "</b>",
            1,
        )
        rows = top[top["step"] == step]
        if rows.empty:
            add(f"<span style='color:{theme.MUTED}'><i>none written yet</i></span>", 1)
        for row in rows.itertuples():
            lines = wrap(str(row.item), label_px, size=theme.SMALL_SIZE, max_lines=ITEM_LINES)
            bars.append((add("<br>".join(lines), len(lines)), row))
    colour = theme.PAIN if "pain" in lane_label.casefold() else theme.EMOTION
    bar = go.Bar(
        y=[pos for pos, _ in bars],
        x=[round(row.share, 3) for _, row in bars],
        orientation="h",
        name="items",
        marker={"color": colour},
        textposition="outside",
        cliponaxis=False,
        width=0.8,
        text=[
            f"{row.maps} map{'s' if row.maps != 1 else ''}"
            + (f" · {row.wordings} wordings" if row.wordings > 1 else "")
            for _, row in bars
        ],
        textfont={"size": theme.SMALL_SIZE},
        hovertext=[
            f"<b>{escape(str(row.item))}</b><br>{row.maps} of {maps} maps at "
            f"{escape(str(row.step))}<br>Wordings grouped here (times written in the whole "
            "class, any stage):<br>"
            + "<br>".join(escape(v) for v in str(row.variants).split(" · ")[:12])
            for _, row in bars
        ],
        hovertemplate="%{hovertext}<extra></extra>",
    )
    top_share = max((row.share for _, row in bars), default=0.5)
    sub = (
        f"Bars: the share of the {maps} maps naming the item. Wordings that differ only "
        "in case, punctuation, a plural or a small typo are counted together; hover over "
        "a bar to see them."
    )
    return themed_figure(
        [bar],
        title,
        sub,
        chosen,
        plot_height=end * ITEM_LINE_PX + 40,
        margin={"r": 2 * EDGE_PX},
        showlegend=False,
        bargap=0.25,
        xaxis={
            "range": [0, min(1.0, top_share * 1.45) or 1],
            "tickformat": ".0%",
            "fixedrange": True,
        },
        yaxis={
            "tickvals": y,
            "ticktext": ticks,
            "fixedrange": True,
            "range": [end, 0],
            "showgrid": False,
            "zeroline": False,
            "tickfont": {"size": theme.SMALL_SIZE},
        },
    )
