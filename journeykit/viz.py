"""Plotly figures of journey maps and frameworks: one call, one figure.

Every function returns a :class:`plotly.graph_objects.Figure` in the kit's look
(:mod:`journeykit.theme`) with a title that says what the figure shows and hover
text that explains each mark. The figures hold only plain data and a small
template, so a notebook that shows one stores a few kilobytes of JSON that come
out the same on every run (nbval compares them).

Learner text is escaped before it reaches plotly, so ``<b>`` typed into a map
shows as ``<b>`` and never changes how the figure looks.

Examples
--------
>>> import journeykit as jk
>>> fig = plot_map(jk.example("clothing-store"))
>>> fig.layout.xaxis.ticktext[:2]
('<b>1. Awareness</b>', '<b>2. Consideration</b>')
>>> plot_funnel({"Aware": 1000, "Convert": 150, "Promote": 20}).data[0].type
'funnel'
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import theme
from .errors import JourneyMapError, Problem
from .frameworks import catalogue, crosswalk_pairs, framework_ids, get_framework
from .lanes import LANES_BY_KEY, SCORE_LABELS, SCORE_MAX, SCORE_MIN

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from .model import JourneyMap, Stage

#: The rows of the map figure: each lane, with the two emotion lanes merged into one band.
MAP_ROWS: tuple[str, ...] = ("goal", "actions", "touchpoints", "emotion", "pain_points",
                             "business_activities", "messages", "participants",
                             "information_needs", "opportunities", "kpis")

#: Items shown in one cell of the map figure; the rest are counted and listed on hover.
CELL_ITEMS = 5
#: Items listed in one hover box.
HOVER_ITEMS = 20
#: Height of one text line in a map cell, in pixels (cell text is theme.SMALL_SIZE).
LINE_PX = 18
#: Width of the lane-label column of the map figure, in pixels.
LABEL_PX = 210
#: Width of one stage column when no width is asked for, in pixels.
STAGE_PX = 200
#: Height of the emotion band, in text lines.
EMOTION_LINES = 7


# ----- small helpers ----------------------------------------------------------------
def escape(text: str) -> str:
    """Learner text made safe for plotly's HTML-like labels.

    Examples
    --------
    >>> escape("<b>50% off</b> & more")
    '&lt;b&gt;50% off&lt;/b&gt; &amp; more'
    """
    return html.escape(text, quote=False)


def wrap(text: str, width: int, indent: str = "", max_lines: int | None = None) -> list[str]:
    """*text* wrapped to lines of at most *width* characters, each line escaped.

    Continuation lines start with *indent*, so a wrapped list item stays visibly
    one item. With *max_lines*, longer text is cut and the last line ends in "…".

    Examples
    --------
    >>> wrap("Compare prices with two other shops", 14)
    ['Compare prices', 'with two other', 'shops']
    >>> wrap("Compare prices with two other shops", 14, max_lines=2)
    ['Compare prices', 'with two other …']
    """
    lines = textwrap.wrap(" ".join(text.split()), width=max(width, 6),
                          subsequent_indent=indent) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += " …"
    return [escape(line) for line in lines]


def bullets(items: Sequence[str], width: int, limit: int) -> list[str]:
    """Wrapped, escaped lines for a list of items: one bullet each, at most *limit* items.

    Examples
    --------
    >>> bullets(["Website", "Review sections", "Email newsletters"], 30, limit=2)
    ['• Website', '• Review sections', '+ 1 more (hover to see all)']
    """
    lines: list[str] = []
    for item in items[:limit]:
        lines += wrap("• " + item, width, indent="\u00a0\u00a0")
    if len(items) > limit:
        lines.append(f"+ {len(items) - limit} more (hover to see all)")
    return lines


def hover_list(items: Sequence[str]) -> str:
    """Items as hover text, one per line, long lists shortened."""
    shown = [f"• {escape(item)}" for item in items[:HOVER_ITEMS]]
    if len(items) > HOVER_ITEMS:
        shown.append(f"… and {len(items) - HOVER_ITEMS} more")
    return "<br>".join(shown)


def apply_theme(fig: go.Figure, title: str, subtitle: str = "", **layout: Any) -> go.Figure:
    """Give *fig* the kit's template and a title (with an optional muted subtitle)."""
    text = f"<b>{title}</b>"
    if subtitle:
        text += (f"<br><span style='font-size:{theme.SMALL_SIZE + 1}px;"
                 f"color:{theme.MUTED}'>{subtitle}</span>")
    fig.update_layout(template=theme.template(), title={"text": text}, **layout)
    return fig


def persona_label(journey_map: JourneyMap) -> str:
    """Whose journey it is, for titles: ``"Maya's"`` or ``"The customer's"``."""
    name = journey_map.persona.name.strip()
    return f"{escape(name)}'s" if name else "The customer's"


# ----- the journey map ----------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    """What one cell of the map figure shows: wrapped lines and the hover text."""

    lines: list[str]
    hover: str
    empty: bool


def row_label(row: str) -> str:
    return "Emotions" if row == "emotion" else LANES_BY_KEY[row].label


def map_cell(stage: Stage, row: str, width: int) -> Cell:
    """The content of lane *row* of *stage*, ready to draw."""
    head = f"<b>{row_label(row)}</b> · {escape(stage.name)}<br>"
    if row == "emotion":
        score, words = stage.emotion_score, stage.emotion_words
        if score is None and not words:
            return Cell([], head + "Empty: " + escape(LANES_BY_KEY["emotion_score"].help),
                        True)
        feeling = f"{score} of {SCORE_MAX} ({SCORE_LABELS[score]})" if score else "no score yet"
        return Cell([], head + feeling + ("<br>" + hover_list(words) if words else ""), False)
    value = stage.get(row)
    items = [value] if isinstance(value, str) and value else value or []
    if not items:
        return Cell([], head + "Empty: " + escape(LANES_BY_KEY[row].help), True)
    if isinstance(value, str):
        return Cell(wrap(value, width, max_lines=CELL_ITEMS + 1),
                    head + "<br>".join(wrap(value, 60)), False)
    return Cell(bullets(items, width, CELL_ITEMS), head + hover_list(items), False)


def plot_map(m: JourneyMap, width: int | None = None) -> go.Figure:
    """The journey map as a swimlane grid: stages as columns, lanes as rows.

    Long text is wrapped; a cell shows up to five items and its hover box lists
    them all. Empty cells are pale and labelled as gaps to fill, and their hover
    box says what belongs there. The emotion scores are drawn as a curve across
    the stages in their own band, with the emotion words at the points.

    Parameters
    ----------
    m : JourneyMap
        The map to draw.
    width : int, optional
        Figure width in pixels; text wraps to fit. By default each stage gets
        200 pixels.

    Returns
    -------
    plotly.graph_objects.Figure

    Examples
    --------
    >>> import journeykit as jk
    >>> blank = jk.JourneyMap.new("five-stage", title="Corner shop")
    >>> plot_map(blank).layout.title.text.split("<br>")[0]
    "<b>The customer's journey · Corner shop</b>"
    """
    import plotly.graph_objects as go

    n = len(m.stages)
    width = width or LABEL_PX + STAGE_PX * max(n, 1)
    chars = max(8, int((width - LABEL_PX) / max(n, 1) / (theme.SMALL_SIZE * 0.56)) - 1)
    cells = [[map_cell(stage, row, chars) for stage in m.stages] for row in MAP_ROWS]
    heights = [EMOTION_LINES if row == "emotion" else
               max(2.0, *(len(cell.lines) + 0.7 for cell in cells[i]))
               for i, row in enumerate(MAP_ROWS)]
    edges = [0.0]
    for h in heights:
        edges.append(edges[-1] + h)
    xs = list(range(n))

    # Backgrounds and hover in one heatmap: z is 1 for an empty cell, 0 for a filled one.
    grid = go.Heatmap(
        x=xs, y=edges, z=[[int(cell.empty) for cell in row] for row in cells], zmin=0, zmax=1,
        showscale=False, xgap=3, ygap=3,
        colorscale=[[0, theme.FILLED_FILL], [1, theme.EMPTY_FILL]],
        hovertext=[[cell.hover for cell in row] for row in cells],
        hovertemplate="%{hovertext}<extra></extra>", name="cells")

    text_x, text_y, text = [], [], []
    gap_x, gap_y = [], []
    for i, row in enumerate(cells):
        for j, cell in enumerate(row):
            if cell.lines:
                text_x.append(j - 0.46)
                text_y.append(edges[i] + 0.3)
                text.append("<br>".join(cell.lines))
            elif cell.empty:
                gap_x.append(j)
                gap_y.append((edges[i] + edges[i + 1]) / 2)
    words = go.Scatter(x=text_x, y=text_y, text=text, mode="text", textposition="bottom right",
                       textfont={"size": theme.SMALL_SIZE, "color": theme.INK},
                       hoverinfo="skip", showlegend=False, name="text")
    gaps = go.Scatter(x=gap_x, y=gap_y, mode="text", text=["<i>+ to fill in</i>"] * len(gap_x),
                      textfont={"size": theme.SMALL_SIZE, "color": theme.MUTED},
                      hoverinfo="skip", showlegend=False, name="gaps")
    band = MAP_ROWS.index("emotion")
    curve = emotion_band(m, edges[band], edges[band + 1], chars)

    fig = go.Figure([grid, words, gaps, curve])
    row_mid = [(edges[i] + edges[i + 1]) / 2 for i in range(len(MAP_ROWS))]
    open_cells = sum(cell.empty for row in cells for cell in row)
    title = f"{persona_label(m)} journey" + (f" · {escape(m.title)}" if m.title else "")
    subtitle = (f"{get_framework(m.framework).name}, {n} stages · "
                + ("every lane filled in" if not open_cells else
                   f"{open_cells} empty cells to fill in (hover over one to see what goes there)"))
    return apply_theme(
        fig, title, subtitle,
        width=width, height=int(edges[-1] * LINE_PX) + 150,
        margin={"l": 10, "r": 10, "t": 120, "b": 10}, hovermode="closest",
        xaxis={"side": "top", "tickvals": xs, "range": [-0.5, n - 0.5], "showgrid": False,
               "ticktext": [f"<b>{i}. {escape(s.name)}</b>" for i, s in enumerate(m.stages, 1)],
               "fixedrange": True, "ticks": "", "showline": False},
        yaxis={"tickvals": row_mid, "ticktext": [f"<b>{row_label(r)}</b>" for r in MAP_ROWS],
               "range": [edges[-1], 0], "showgrid": False, "fixedrange": True, "ticks": "",
               "showline": False, "ticklabelstandoff": 6},
    )


def emotion_band(m: JourneyMap, top: float, bottom: float, chars: int) -> go.Scatter:
    """The emotion curve drawn inside the map's emotion band (from *top* to *bottom*)."""
    import plotly.graph_objects as go

    high, low = top + 0.7, bottom - 2.0  # where scores 5 and 1 sit: room for labels
    ys, labels, positions = [], [], []
    for stage in m.stages:
        score = stage.emotion_score
        if score is None:
            ys.append(None)
        else:
            ys.append(low - (low - high) * (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN))
        words = ", ".join(stage.emotion_words)
        text = f"{score or '?'} · {words}" if words else f"{score or ''}"
        labels.append("<br>".join(wrap(text, chars, max_lines=3)))
        positions.append("bottom center" if (score or 3) >= 3 else "top center")
    return go.Scatter(
        x=list(range(len(m.stages))), y=ys, mode="lines+markers+text", text=labels,
        textposition=positions, textfont={"size": theme.SMALL_SIZE, "color": theme.INK},
        line={"color": theme.EMOTION, "width": 3},
        marker={"size": 12, "color": theme.EMOTION, "line": {"color": theme.PAPER, "width": 2}},
        hoverinfo="skip", showlegend=False, connectgaps=False, name="emotion")


def plot_emotions(m: JourneyMap) -> go.Figure:
    """The emotion curve: the score from 1 to 5 in every stage, emotion words at the points.

    Stages where the curve dips (the score falls from the stage before, or is
    negative) get a vermilion triangle and their first pain point under the
    words; hover over the triangle for all of them. A stage without a score
    leaves a gap in the line.

    Examples
    --------
    >>> import journeykit as jk
    >>> fig = plot_emotions(jk.example("clothing-store"))
    >>> [trace.name for trace in fig.data]
    ['emotion', 'dip']
    """
    import plotly.graph_objects as go

    names = [f"{i}. {escape(s.name)}" for i, s in enumerate(m.stages, 1)]
    scores = [s.emotion_score for s in m.stages]
    dips = [i for i in range(len(scores)) if is_dip(scores, i)]
    hover = []
    for stage, score in zip(m.stages, scores, strict=True):
        feeling = f"{score} of {SCORE_MAX}: {SCORE_LABELS[score]}" if score else "no score yet"
        words = escape(", ".join(stage.emotion_words))
        hover.append(f"<b>{escape(stage.name)}</b><br>{feeling}"
                     + (f"<br>Feels: {words}" if words else ""))
    curve = go.Scatter(
        x=names, y=scores, hovertext=hover, mode="lines+markers", name="emotion",
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False, connectgaps=False,
        line={"color": theme.EMOTION, "width": 4},
        marker={"size": 14, "color": theme.EMOTION, "line": {"color": theme.PAPER, "width": 2}})
    pain = go.Scatter(
        x=[names[i] for i in dips], y=[scores[i] for i in dips], mode="markers", name="dip",
        hovertext=[f"<b>Pain points in {escape(m.stages[i].name)}</b><br>"
                   + (hover_list(m.stages[i].pain_points) or "none written yet")
                   for i in dips],
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
        marker={"symbol": "triangle-down", "size": 24, "color": theme.PAIN,
                "line": {"color": theme.PAPER, "width": 2}})
    notes = [emotion_note(name, stage, i in dips) for i, (name, stage)
             in enumerate(zip(names, m.stages, strict=True))]
    low = ", ".join(escape(m.stages[i].name) for i in dips)
    subtitle = (f"▼ marks a dip, where pain points need attention: {low}" if dips else
                "No dips: the score never falls from one stage to the next")
    return apply_theme(
        go.Figure([curve, pain]), f"{persona_label(m)} emotions, stage by stage", subtitle,
        height=500, margin={"l": 10, "r": 20, "t": 100, "b": 10}, showlegend=False,
        annotations=notes,
        yaxis={"range": [SCORE_MIN - 0.9, SCORE_MAX + 0.6], "tickvals": list(SCORE_LABELS),
               "ticktext": [f"{k} {v}" for k, v in SCORE_LABELS.items()], "fixedrange": True},
        xaxis={"fixedrange": True, "showgrid": False})


def emotion_note(x: str, stage: Stage, dip: bool) -> dict[str, Any]:
    """The label beside one point of the emotion curve: its words, and a pain point at a dip."""
    score = stage.emotion_score
    lines = wrap(", ".join(stage.emotion_words), 20, max_lines=3) if stage.emotion_words else []
    if dip and stage.pain_points:
        pain = wrap("▼ " + stage.pain_points[0], 22, max_lines=2)
        lines.append(f"<span style='color:{theme.PAIN}'>{'<br>'.join(pain)}</span>")
    if score is None:
        lines = ["<i>no score yet</i>"]
    below = score is None or score >= 3
    return {"x": x, "y": score if score is not None else 3, "text": "<br>".join(lines),
            "showarrow": False, "yanchor": "top" if below else "bottom",
            "yshift": -16 if below else 16, "bgcolor": "rgba(255,255,255,0.85)",
            "font": {"size": theme.SMALL_SIZE + 1,
                     "color": theme.MUTED if score is None else theme.INK}}


def is_dip(scores: Sequence[int | None], i: int) -> bool:
    """True when stage *i* scores below the stage before it, or negative (2 or less).

    Examples
    --------
    >>> [is_dip([4, 3, 5, 2, None], i) for i in range(5)]
    [False, True, False, True, False]
    """
    score = scores[i]
    if score is None:
        return False
    before = scores[i - 1] if i > 0 else None
    return score <= 2 or (before is not None and score < before)


# ----- frameworks -----------------------------------------------------------------------
def plot_framework(framework_id: str) -> go.Figure:
    """One framework's stages in order, each box with its number, name and the customer's goal.

    Hover over a box for the stage's summary, typical actions and touchpoints.

    Examples
    --------
    >>> fig = plot_framework("eight-stage")
    >>> len(fig.layout.shapes), fig.data[0].text[0]
    (8, '<b>1. Aware</b>')
    """
    import plotly.graph_objects as go

    fw = get_framework(framework_id)
    n = len(fw.stages)
    chars = 26 if n <= 6 else 18
    shapes, goals, hover = [], [], []
    for i, st in enumerate(fw.stages):
        shapes.append(chevron(i, theme.PALETTE[i % 6], first=i == 0))
        goals.append("<br>".join(wrap(st.goal, chars)))
        details = [f"<b>{i + 1}. {escape(st.name)}</b>", *wrap(st.summary, 60)]
        for label, items in (("Customer actions", st.actions), ("Touchpoints", st.touchpoints),
                             ("Emotions", st.emotions)):
            if items:
                details.append(f"<i>{label}:</i> " + escape(", ".join(items)))
        hover.append("<br>".join(details))
    size = theme.SMALL_SIZE if n > 6 else theme.FONT_SIZE
    middles = [i + 0.5 for i in range(n)]
    names = go.Scatter(
        x=middles, y=[0.8] * n, mode="text", hoverinfo="skip", showlegend=False, name="names",
        text=[f"<b>{i}. {escape(st.name)}</b>" for i, st in enumerate(fw.stages, 1)],
        textfont={"size": size + 1, "color": theme.INK})
    goals_trace = go.Scatter(
        x=middles, y=[0.68] * n, text=goals, hovertext=hover, mode="text",
        textposition="bottom center", textfont={"size": size, "color": theme.INK},
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False, name="goals")
    fig = go.Figure([names, goals_trace])
    return apply_theme(
        fig, f"{escape(fw.name)}: {n} stages, left to right",
        "Best for: " + escape(fw.best_for[0].lower() + fw.best_for[1:]),
        height=320, shapes=shapes, margin={"l": 10, "r": 10, "t": 100, "b": 10},
        xaxis={"visible": False, "range": [-0.02, n + 0.02], "fixedrange": True},
        yaxis={"visible": False, "range": [0, 1], "fixedrange": True})


def chevron(i: int, colour: str, first: bool) -> dict[str, Any]:
    """A pale arrow-shaped box for stage *i* (x from i to i + 1), as a plotly shape."""
    notch = "" if first else f" L {i + 0.08},0.5"
    path = (f"M {i},0.05 L {i + 0.92},0.05 L {i + 1},0.5 L {i + 0.92},0.95 L {i},0.95"
            f"{notch} Z")
    return {"type": "path", "path": path, "fillcolor": theme.tint(colour, 0.22),
            "line": {"color": colour, "width": 2}, "layer": "below"}


def plot_frameworks() -> go.Figure:
    """All four frameworks one above the other, lined up on the journey moments they cover.

    The columns are the shared journey moments (first notice, research, ...,
    promoting); each stage is a bar across the moments it covers, so stages that
    line up cover the same part of the journey.

    Examples
    --------
    >>> fig = plot_frameworks()
    >>> sorted({trace.name for trace in fig.data}) == sorted(
    ...     get_framework(i).name for i in framework_ids())
    True
    """
    import plotly.graph_objects as go

    moments = list(catalogue().moments.values())
    column = {moment.id: i for i, moment in enumerate(moments)}
    traces = []
    for k, fid in enumerate(framework_ids()):
        fw = get_framework(fid)
        starts = [min(column[m] for m in st.moments) for st in fw.stages]
        spans = [max(column[m] for m in st.moments) + 1 - s for st, s in zip(
            fw.stages, starts, strict=True)]
        traces.append(go.Bar(
            y=[escape(fw.name)] * len(fw.stages), x=spans, base=starts, orientation="h",
            name=escape(fw.name), text=[f"<b>{escape(st.name)}</b>" for st in fw.stages],
            textposition="inside", insidetextanchor="middle", constraintext="none",
            textfont={"size": theme.FONT_SIZE, "color": theme.INK},
            hovertext=[f"<b>{escape(fw.name)}: {escape(st.name)}</b><br>"
                       + "<br>".join(wrap(st.summary, 60)) for st in fw.stages],
            hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
            marker={"color": [theme.tint(theme.PALETTE[k], 0.3 if i % 2 else 0.18)
                              for i in range(len(fw.stages))],
                    "line": {"color": theme.PALETTE[k], "width": 2}}))
    fig = go.Figure(traces)
    return apply_theme(
        fig, "Four frameworks, one journey: how their stages line up",
        "Columns are the moments of a customer's journey; each bar is a stage "
        "and spans the moments it covers", height=500, bargap=0.3,
        margin={"l": 10, "r": 10, "t": 160, "b": 10}, uniformtext={"minsize": 11},
        barmode="overlay",
        xaxis={"side": "top", "tickvals": [i + 0.5 for i in range(len(moments))],
               "ticktext": ["<br>".join(m.label.split()) for m in moments], "tickangle": 0,
               "range": [0, len(moments)],
               "showgrid": False, "fixedrange": True},
        yaxis={"autorange": "reversed", "fixedrange": True, "showgrid": False,
               "ticklabelstandoff": 8},
        shapes=[{"type": "line", "x0": i, "x1": i, "y0": 0, "y1": 1, "yref": "paper",
                 "line": {"color": theme.RULE, "width": 1, "dash": "dot"}, "layer": "below"}
                for i in range(1, len(moments))])


def plot_crosswalk(a: str, b: str) -> go.Figure:
    """A Sankey diagram of how the stages of framework *a* map to those of framework *b*.

    A band joins two stages that cover the same journey moment; it is wider the
    more moments they share. Hover over a band for the reason.

    Examples
    --------
    >>> fig = plot_crosswalk("six-stage", "eight-stage")
    >>> fig.data[0].node.label[:2]
    ('Discover', 'Investigate')
    """
    import plotly.graph_objects as go

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
        node={"label": [escape(name) for name in names], "pad": 18, "thickness": 22,
              "x": [0.001] * offset + [0.999] * len(right.stages), "y": ys,
              "color": colours + [theme.tint(theme.MUTED, 0.6)] * len(right.stages),
              "line": {"color": theme.PAPER, "width": 1},
              "hovertemplate": "%{label}<extra></extra>"},
        link={"source": source, "target": target,
              "value": [len(r["shared"].split(", ")) for r in rows],
              "color": [theme.tint(colours[s], 0.35) for s in source],
              "customdata": [escape(r["reason"]) for r in rows],
              "hovertemplate": "<b>%{source.label} → %{target.label}</b><br>"
                               "%{customdata}<extra></extra>"},
        textfont={"size": theme.FONT_SIZE, "color": theme.INK})
    fig = go.Figure([sankey])
    return apply_theme(
        fig, f"From the {escape(left.name.lower())} to the {escape(right.name.lower())}",
        f"{escape(left.name)} on the left, {escape(right.name)} on the right; "
        "a band joins stages that cover the same moment", height=520,
        margin={"l": 10, "r": 10, "t": 100, "b": 20})


def evenly(count: int) -> list[float]:
    """*count* positions spread evenly between 0 and 1 (node centres of a Sankey column)."""
    return [round((i + 0.5) / count, 4) for i in range(count)]


# ----- funnel -----------------------------------------------------------------------------
def plot_funnel(counts: Any) -> go.Figure:
    """A stage funnel: how many customers reach each stage and what share of the first stage.

    Parameters
    ----------
    counts : dict, pandas.Series or pandas.DataFrame
        Customers who reached each stage, first stage first: a dict
        ``{stage: count}``, a Series indexed by stage, or a tidy DataFrame with
        columns ``stage`` and ``customers``. Each count is a whole number that is
        not larger than the one before it.

    Raises
    ------
    JourneyMapError
        If a count is missing, negative, not a number, or larger than the stage before.

    Examples
    --------
    >>> fig = plot_funnel({"Aware": 2000, "Engage": 800, "Subscribe": 300, "Convert": 120,
    ...                    "Excite": 110, "Ascend": 60, "Advocate": 30, "Promote": 12})
    >>> fig.data[0].text[-1]
    '12 · 0.6%'
    >>> fig.layout.title.text.split("<br>")[0]
    '<b>0.6% of customers reach the last stage, Promote</b>'
    """
    import plotly.graph_objects as go

    stages, values = funnel_rows(counts)
    first = values[0]
    shares = [percent(v / first if first else 0.0) for v in values]
    wide = [first and v / first >= 0.25 for v in values]
    funnel = go.Funnel(
        y=[escape(s) for s in stages], x=values, textinfo="text",
        text=[f"{v:,} · {p}" for v, p in zip(values, shares, strict=True)],
        textposition=["inside" if w else "outside" for w in wide],
        textfont={"size": theme.FONT_SIZE,
                  "color": [theme.PAPER if w else theme.INK for w in wide]},
        marker={"color": [theme.PALETTE[0]] * (len(values) - 1) + [theme.PALETTE[1]]},
        connector={"fillcolor": theme.tint(theme.PALETTE[0], 0.15)},
        customdata=shares,
        hovertemplate="<b>%{y}</b><br>%{x:,} customers<br>%{customdata} of the first stage"
                      "<extra></extra>")
    return apply_theme(
        go.Figure([funnel]),
        f"{shares[-1]} of customers reach the last stage, {escape(stages[-1])}",
        "Customers who reached each stage, and their share of the first stage",
        height=max(320, 64 * len(values) + 120), margin={"l": 10, "r": 10, "t": 100, "b": 10},
        yaxis={"fixedrange": True}, xaxis={"fixedrange": True})


def percent(share: float) -> str:
    """A share as a percentage with as many digits as it needs to not read as zero.

    Examples
    --------
    >>> percent(1.0), percent(0.2), percent(0.036), percent(0.00024), percent(0.0)
    ('100%', '20%', '3.6%', '0.024%', '0%')
    """
    value = share * 100
    if value == 0 or value >= 10:
        return f"{value:.0f}%"
    digits = max(1, 1 - math.floor(math.log10(value)))
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") + "%"


def funnel_rows(counts: Any) -> tuple[list[str], list[int]]:
    """Stage names and counts from a dict, Series or tidy DataFrame, checked."""
    if hasattr(counts, "columns"):
        missing = [c for c in ("stage", "customers") if c not in counts.columns]
        if missing:
            raise JourneyMapError([Problem(
                "counts", "the table has no column " + " or ".join(repr(c) for c in missing),
                "give a table with the columns 'stage' and 'customers', one row per stage")])
        pairs = list(zip(counts["stage"], counts["customers"], strict=True))
    elif isinstance(counts, Mapping) or hasattr(counts, "items"):
        pairs = list(counts.items())
    else:
        raise JourneyMapError([Problem(
            "counts", f"expected stage counts, got {type(counts).__name__}",
            'give a dict such as {"Aware": 1000, "Engage": 400}')])
    if not pairs:
        raise JourneyMapError([Problem("counts", "there are no stages",
                                       "give at least one stage and its count")])
    problems: list[Problem] = []
    values: list[int] = []
    for stage, raw in pairs:
        value = as_count(raw)
        where = f"counts[{str(stage)!r}]"
        if value is None:
            problems.append(Problem(where, f"{raw!r} is not a count of customers",
                                    "use a whole number of 0 or more"))
        elif values and value > values[-1]:
            problems.append(Problem(
                where, f"{value} customers is more than the {values[-1]} of the stage before",
                "count everyone who got at least this far, so no stage has more customers "
                "than the one before it"))
        if value is not None:
            values.append(value)
    if problems:
        raise JourneyMapError(problems)
    return [str(stage) for stage, _ in pairs], values


def as_count(raw: Any) -> int | None:
    """*raw* as a whole number of 0 or more, or None.

    Examples
    --------
    >>> as_count(12.0), as_count("7"), as_count(-1), as_count(float("nan")), as_count(True)
    (12, 7, None, None, None)
    """
    if isinstance(raw, bool):
        return None
    try:
        number = float(raw)
    except (TypeError, ValueError):
        return None
    if math.isnan(number) or number < 0 or number != int(number):
        return None
    return int(number)
