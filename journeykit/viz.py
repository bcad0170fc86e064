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
import re
from collections.abc import Callable, Mapping, Sequence
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
#: Space between the edge of a map cell or a stage box and its text, in pixels.
CELL_PAD = 7
#: Font size of the map's lane labels and stage headings, in pixels.
LABEL_SIZE = 14
#: A lane label wider than this wraps onto a second line, in pixels.
LABEL_WRAP_PX = 118
#: Height of the emotion band, in text lines.
EMOTION_LINES = 7
#: Narrowest figure the kit lays out, in pixels.
MIN_WIDTH = 480
#: Space around a figure's edges, in pixels.
EDGE_PX = 10
#: Space above the title, and between the title block and the plot, in pixels.
TITLE_PAD = 12
#: Width left free right of the longest title line, for fonts wider than estimated.
TITLE_SPARE = 40


# ----- small helpers ----------------------------------------------------------------
def escape(text: str) -> str:
    """Learner text made safe for plotly's HTML-like labels.

    Examples
    --------
    >>> escape("<b>50% off</b> & more")
    '&lt;b&gt;50% off&lt;/b&gt; &amp; more'
    """
    return html.escape(text, quote=False)


def wrap(text: str, width: float, indent: str = "", max_lines: int | None = None,
         size: float | None = None, bold: bool = False) -> list[str]:
    """*text* wrapped to lines no wider than *width*, each line escaped.

    *width* counts characters, or CSS pixels when a font *size* is given (measured
    with :func:`journeykit.theme.text_width`). Lines break between words; a word
    too long for a line of its own is split. Continuation lines start with
    *indent*, so a wrapped list item stays visibly one item. With *max_lines*,
    longer text is cut and the last line ends in "…".

    Examples
    --------
    >>> wrap("Compare prices with two other shops", 14)
    ['Compare prices', 'with two other', 'shops']
    >>> wrap("Compare prices with two other shops", 14, max_lines=2)
    ['Compare prices', 'with two …']
    >>> wrap("Compare prices with two other shops", 110, size=13)  # pixels at 13 px
    ['Compare prices', 'with two other', 'shops']
    >>> wrap("Re-purchase", 8)
    ['Re-', 'purchase']
    """
    def fits(line: str) -> bool:
        return (len(line) if size is None else theme.text_width(line, size, bold)) <= width

    lines: list[str] = []  # full lines
    line = ""  # the line being filled
    for word in text.split():
        fresh = (indent if lines or line else "") + word
        whole = fits(f"{line} {word}" if line else fresh) or fits(fresh)
        for k, piece in enumerate([word] if whole else re.findall(r"[^-]+-*|-+", word)):
            fresh = (indent if lines or line else "") + piece
            joined = f"{line}{'' if k else ' '}{piece}" if line else fresh
            if fits(joined):
                line = joined
            elif fits(fresh):
                lines.append(line)
                line = fresh
            else:  # longer than a whole line: split it, starting on this line
                full, line = split_word(joined, len(joined) - len(piece), indent, fits)
                lines += full
    if line.strip() or not lines:
        lines.append(line)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while not fits(last + " …") and " " in last.strip():
            last = last.rstrip().rsplit(" ", 1)[0]
        lines[-1] = last + " …"
    return [escape(line) for line in lines]


def split_word(line: str, start: int, indent: str,
               fits: Callable[[str], bool]) -> tuple[list[str], str]:
    """Split *line*, whose last word (from index *start*) is too long for any line.

    Returns the full lines and the rest, which fits; continuation lines start
    with *indent*. At least one letter goes on each line, so it always ends.

    Examples
    --------
    >>> split_word("see Supercalifragilistic", 4, "", lambda line: len(line) <= 10)
    (['see Superc', 'alifragili'], 'stic')
    """
    full = []
    while line[start:] and not fits(line):
        cut = start
        while cut < len(line) and fits(line[:cut + 1]):
            cut += 1
        if cut == start:  # not one more letter fits: end the line there, or force one
            cut = start if line[:start].strip() else start + 1
        full.append(line[:cut].rstrip())
        line, start = indent + line[cut:].lstrip(" "), len(indent)
    return full, line


def bullets(items: Sequence[str], width: float, limit: int,
            size: float | None = None) -> list[str]:
    """Wrapped, escaped lines for a list of items: one bullet each, at most *limit* items.

    *width* and *size* are as in :func:`wrap`.

    Examples
    --------
    >>> bullets(["Website", "Review sections", "Email newsletters"], 30, limit=2)
    ['• Website', '• Review sections', '+ 1 more (hover to see all)']
    """
    lines: list[str] = []
    for item in items[:limit]:
        lines += wrap("• " + item, width, indent="\u00a0\u00a0", size=size)
    if len(items) > limit:
        more = f"+ {len(items) - limit} more (hover to see all)"
        lines += wrap(more, width, size=size)
    return lines


def hover_list(items: Sequence[str]) -> str:
    """Items as hover text, one per line, long lists shortened."""
    shown = [f"• {escape(item)}" for item in items[:HOVER_ITEMS]]
    if len(items) > HOVER_ITEMS:
        shown.append(f"… and {len(items) - HOVER_ITEMS} more")
    return "<br>".join(shown)


def figure_width(width: Any, default: int | None = theme.FIT_WIDTH) -> int | None:
    """The figure width asked for, checked; *default* when none was asked for.

    Examples
    --------
    >>> figure_width(None), figure_width(1200), figure_width(None, default=None)
    (800, 1200, None)
    """
    if width is None:
        return default
    if isinstance(width, bool) or not isinstance(width, (int, float)) or width < MIN_WIDTH:
        raise JourneyMapError([Problem(
            "width", f"{width!r} is not a figure width the kit can lay out",
            f"give a number of pixels of at least {MIN_WIDTH}, or leave width out for "
            f"{theme.FIT_WIDTH} pixels, which fit a notebook on a laptop or a projector")])
    return int(width)


def title_height(lines: int, sub_lines: int) -> float:
    """Pixels taken by a title of *lines* lines above a subtitle of *sub_lines* lines."""
    title_px = lines * theme.TITLE_SIZE * theme.LINE_SPACING
    sub_px = sub_lines * (theme.SMALL_SIZE + 1) * theme.LINE_SPACING
    return TITLE_PAD + title_px + (sub_px + 6 if sub_lines else 0) + TITLE_PAD


def apply_theme(fig: go.Figure, title: str, subtitle: str, width: int | None,
                plot_height: float, top: float = 0, **layout: Any) -> go.Figure:
    """Give *fig* the kit's template, a title with a muted subtitle, margins and a height.

    *title* and *subtitle* are plain text (escaped here), wrapped to fit *width*
    (``theme.FIT_WIDTH`` when None: the figure then fills the width it is shown
    in). The figure is *plot_height* pixels tall below the title block, plus
    *top* pixels between the two (room for labels above the plot).
    """
    room = (width or theme.FIT_WIDTH) - 2 * EDGE_PX - TITLE_SPARE
    lines = wrap(title, room, size=theme.TITLE_SIZE, bold=True)
    sub_lines = wrap(subtitle, room, size=theme.SMALL_SIZE + 1) if subtitle else []
    margin = {"l": EDGE_PX, "r": EDGE_PX, "b": EDGE_PX, **layout.pop("margin", {})}
    margin["t"] = round(title_height(len(lines), len(sub_lines)) + top)
    fig.update_layout(
        template=theme.template(),
        title={"text": "<br>".join(f"<b>{line}</b>" for line in lines),
               "subtitle": {"text": "<br>".join(sub_lines),
                            "font": {"size": theme.SMALL_SIZE + 1, "color": theme.MUTED}},
               "x": 0, "xref": "container", "xanchor": "left", "y": 1, "yref": "container",
               "yanchor": "top", "pad": {"l": EDGE_PX, "t": TITLE_PAD}},
        margin=margin, height=round(plot_height + margin["t"] + margin["b"]), **layout)
    if width:
        fig.update_layout(width=width)
    return fig


def persona_label(journey_map: JourneyMap) -> str:
    """Whose journey it is, for titles: ``"Maya's"`` or ``"The customer's"`` (plain text)."""
    name = journey_map.persona.name.strip()
    return f"{name}'s" if name else "The customer's"


def label_lines(text: str, width: float, size: float, bold: bool = True) -> str:
    """*text* wrapped to *width* pixels as one label, each line bold (plotly markup).

    Examples
    --------
    >>> label_lines("Participants and influencers", 118, 14)
    '<b>Participants</b><br><b>and influencers</b>'
    """
    tag = ("<b>", "</b>") if bold else ("", "")
    return "<br>".join(f"{tag[0]}{line}{tag[1]}" for line in wrap(text, width, size=size,
                                                                     bold=bold))


def widest(labels: Sequence[str], size: float, bold: bool = True) -> float:
    """Pixels taken by the widest line of the plotly *labels* (markup ignored)."""
    plain = (html.unescape(re.sub(r"<[^>]*>", "", line)) for label in labels
             for line in label.split("<br>"))
    return max((theme.text_width(line, size, bold) for line in plain), default=0.0)


def stage_labels(names: Sequence[str], width: float, size: float,
                 bold: bool = True) -> list[str]:
    """Numbered stage headings, all alike: ``1. Aware`` on one line when every heading
    fits *width* pixels, else a muted ``Stage 1`` line above each (wrapped) name.

    Examples
    --------
    >>> stage_labels(["Aware", "Engage"], 200, 14)
    ['<b>1. Aware</b>', '<b>2. Engage</b>']
    >>> stage_labels(["Aware", "Engage"], 60, 14)[1]
    "<span style='color:#57606A'>Stage 2</span><br><b>Engage</b>"
    """
    inline = [f"{i}. {name}" for i, name in enumerate(names, 1)]
    if all(theme.text_width(text, size, bold) <= width for text in inline):
        return [label_lines(text, width, size, bold) for text in inline]
    return [f"<span style='color:{theme.MUTED}'>Stage {i}</span><br>"
            + label_lines(name, width, size, bold) for i, name in enumerate(names, 1)]


def longest_word(texts: Sequence[str], size: float, bold: bool = False) -> float:
    """Pixels taken by the widest word (or part of a hyphenated word) in *texts*."""
    return max((theme.text_width(piece, size, bold) for text in texts
                for piece in re.findall(r"[^\s-]+-*", text)), default=0.0)


def word_size(texts: Sequence[str], width: float, bold: bool = False,
              sizes: Sequence[int] = (LABEL_SIZE, theme.SMALL_SIZE)) -> int:
    """The first of *sizes* at which every word of *texts* fits *width* pixels, else the
    last: labels shrink a little rather than split a word.

    Examples
    --------
    >>> word_size(["Subscribe"], 100), word_size(["Subscribe"], 60)
    (14, 13)
    """
    return next((size for size in sizes if longest_word(texts, size, bold) <= width), sizes[-1])


# ----- the journey map ----------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    """What one cell of the map figure shows: wrapped lines and the hover text."""

    lines: list[str]
    hover: str
    empty: bool


def row_label(row: str) -> str:
    return "Emotions" if row == "emotion" else LANES_BY_KEY[row].label


def map_cell(stage: Stage, row: str, width: float) -> Cell:
    """The content of lane *row* of *stage*, ready to draw; text wrapped to *width* pixels."""
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
        return Cell(wrap(value, width, max_lines=CELL_ITEMS + 1, size=theme.SMALL_SIZE),
                    head + "<br>".join(wrap(value, 60)), False)
    return Cell(bullets(items, width, CELL_ITEMS, size=theme.SMALL_SIZE),
                head + hover_list(items), False)


def plot_map(m: JourneyMap, width: int | None = None) -> go.Figure:
    """The journey map as a swimlane grid: stages as columns, lanes as rows.

    Long text is wrapped to fit its cell; a cell shows up to five items and its
    hover box lists them all. Empty cells are pale and labelled as gaps to fill,
    and their hover box says what belongs there. The emotion scores are drawn as
    a curve across the stages in their own band, with the emotion words at the
    points.

    Parameters
    ----------
    m : JourneyMap
        The map to draw.
    width : int, optional
        Figure width in pixels; the columns share it and text wraps to fit. By
        default ``theme.FIT_WIDTH`` (800), which fits a notebook on a laptop or
        a projector with the file browser open, and an HTML export. Give more
        (say 1200) for wider, shorter columns on a big screen.

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
    """
    import plotly.graph_objects as go

    width = figure_width(width)
    n = max(len(m.stages), 1)
    labels = [label_lines(row_label(row), LABEL_WRAP_PX, LABEL_SIZE) for row in MAP_ROWS]
    label_px = widest(labels, LABEL_SIZE) + 12
    column = (width - 2 * EDGE_PX - label_px) / n
    room = column - 2 * CELL_PAD
    cells = [[map_cell(stage, row, room) for stage in m.stages] for row in MAP_ROWS]
    label_height = LABEL_SIZE * theme.LINE_SPACING / LINE_PX  # one label line, in cell lines
    heights = [EMOTION_LINES if row == "emotion" else
               max(2.0, labels[i].count("<br>") * label_height + 1.6,
                   *(len(cell.lines) + 0.7 for cell in cells[i]))
               for i, row in enumerate(MAP_ROWS)]
    edges = [0.0]
    for h in heights:
        edges.append(edges[-1] + h)
    xs = list(range(len(m.stages)))
    inset = CELL_PAD / column  # the text's left edge, in columns from the cell's left edge

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
                text_x.append(round(j - 0.5 + inset, 4))
                text_y.append(edges[i] + 0.3)
                text.append("<br>".join(cell.lines))
            elif cell.empty:
                gap_x.append(j)
                gap_y.append((edges[i] + edges[i + 1]) / 2)
    words = go.Scatter(x=text_x, y=text_y, text=text, mode="text", textposition="bottom right",
                       textfont={"size": theme.SMALL_SIZE, "color": theme.INK},
                       hoverinfo="skip", showlegend=False, name="text")
    gap_text = "<i>+ to fill in</i>" if theme.text_width("+ to fill in", theme.SMALL_SIZE) \
        <= room else "<i>+ fill in</i>"
    gaps = go.Scatter(x=gap_x, y=gap_y, mode="text", text=[gap_text] * len(gap_x),
                      textfont={"size": theme.SMALL_SIZE, "color": theme.MUTED},
                      hoverinfo="skip", showlegend=False, name="gaps")
    band = MAP_ROWS.index("emotion")
    curve = emotion_band(m, edges[band], edges[band + 1], room)

    fig = go.Figure([grid, words, gaps, curve])
    row_mid = [(edges[i] + edges[i + 1]) / 2 for i in range(len(MAP_ROWS))]
    open_cells = sum(cell.empty for row in cells for cell in row)
    headers = stage_labels(m.stage_names, column - 4, LABEL_SIZE)
    header_lines = max((h.count("<br>") + 1 for h in headers), default=1)
    title = f"{persona_label(m)} journey" + (f" · {m.title}" if m.title else "")
    subtitle = (f"{get_framework(m.framework).name}, {len(m.stages)} stages · "
                + ("every lane filled in" if not open_cells else
                   f"{open_cells} empty cells to fill in (hover over one to see what goes there)"))
    return apply_theme(
        fig, title, subtitle, width, plot_height=edges[-1] * LINE_PX,
        top=header_lines * LABEL_SIZE * theme.LINE_SPACING + 8,
        margin={"l": round(EDGE_PX + label_px)}, hovermode="closest",
        xaxis={"side": "top", "tickvals": xs, "range": [-0.5, len(m.stages) - 0.5],
               "showgrid": False, "ticktext": headers, "tickfont": {"size": LABEL_SIZE},
               "fixedrange": True, "ticks": "", "showline": False, "ticklabelstandoff": 4},
        yaxis={"tickvals": row_mid, "ticktext": labels, "tickfont": {"size": LABEL_SIZE},
               "range": [edges[-1], 0], "showgrid": False, "fixedrange": True, "ticks": "",
               "showline": False, "ticklabelstandoff": 6},
    )


def emotion_band(m: JourneyMap, top: float, bottom: float, width: float) -> go.Scatter:
    """The emotion curve drawn inside the map's emotion band (from *top* to *bottom*).

    The emotion words are wrapped to *width* pixels.
    """
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
        labels.append("<br>".join(wrap(text, width, max_lines=3, size=theme.SMALL_SIZE)))
        positions.append("bottom center" if (score or 3) >= 3 else "top center")
    return go.Scatter(
        x=list(range(len(m.stages))), y=ys, mode="lines+markers+text", text=labels,
        textposition=positions, textfont={"size": theme.SMALL_SIZE, "color": theme.INK},
        line={"color": theme.EMOTION, "width": 3},
        marker={"size": 12, "color": theme.EMOTION, "line": {"color": theme.PAPER, "width": 2}},
        hoverinfo="skip", showlegend=False, connectgaps=False, name="emotion")


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
    column = ((chosen or theme.FIT_WIDTH) - 3 * EDGE_PX - widest(scale, theme.FONT_SIZE, False)
              - 12) / max(len(m.stages), 1)
    names = [f"{i}. {escape(s.name)}" for i, s in enumerate(m.stages, 1)]
    tick_size = word_size(m.stage_names, column - 8,
                          sizes=(theme.FONT_SIZE, LABEL_SIZE, theme.SMALL_SIZE))
    ticks = stage_labels(m.stage_names, column - 8, tick_size, bold=False)
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
    notes = [emotion_note(name, stage, i in dips, column - 10) for i, (name, stage)
             in enumerate(zip(names, m.stages, strict=True))]
    low = ", ".join(m.stages[i].name for i in dips)
    subtitle = (f"▼ marks a dip, where pain points need attention: {low}" if dips else
                "No dips: the score never falls from one stage to the next")
    tick_lines = max((t.count("<br>") + 1 for t in ticks), default=1)
    return apply_theme(
        go.Figure([curve, pain]), f"{persona_label(m)} emotions, stage by stage", subtitle,
        chosen, plot_height=380 + tick_lines * tick_size * theme.LINE_SPACING,
        margin={"r": 2 * EDGE_PX}, showlegend=False, annotations=notes,
        yaxis={"range": [SCORE_MIN - 0.9, SCORE_MAX + 0.6], "tickvals": list(SCORE_LABELS),
               "ticktext": scale, "fixedrange": True},
        xaxis={"fixedrange": True, "showgrid": False, "tickvals": names, "ticktext": ticks,
               "tickangle": 0, "tickfont": {"size": tick_size}})


def emotion_note(x: str, stage: Stage, dip: bool, width: float) -> dict[str, Any]:
    """The label beside one point of the emotion curve: its words, and a pain point at a dip.

    The text is wrapped to *width* pixels.
    """
    size = theme.SMALL_SIZE + 1
    score = stage.emotion_score
    lines = (wrap(", ".join(stage.emotion_words), width, max_lines=3, size=size)
             if stage.emotion_words else [])
    if dip and stage.pain_points:
        pain = wrap("▼ " + stage.pain_points[0], width, max_lines=2, size=size)
        lines.append(f"<span style='color:{theme.PAIN}'>{'<br>'.join(pain)}</span>")
    if score is None:
        lines = ["<i>no score yet</i>"]
    below = score is None or score >= 3
    return {"x": x, "y": score if score is not None else 3, "text": "<br>".join(lines),
            "showarrow": False, "yanchor": "top" if below else "bottom",
            "yshift": -16 if below else 16, "bgcolor": "rgba(255,255,255,0.85)",
            "font": {"size": size, "color": theme.MUTED if score is None else theme.INK}}


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
        name_size = next((size for size in (theme.FONT_SIZE, theme.FONT_SIZE - 1)
                          if widest(fw.stage_names, size) <= room), goal_size)
        if (longest_word([st.goal for st in fw.stages], goal_size) <= room
                and longest_word(fw.stage_names, name_size, bold=True) <= room):
            break
    names = stage_labels(fw.stage_names, room, name_size)
    goals, hover = [], []
    for i, st in enumerate(fw.stages):
        goals.append("<br>".join(wrap(st.goal, room, size=goal_size)))
        details = [f"<b>{i + 1}. {escape(st.name)}</b>", *wrap(st.summary, 60)]
        for label, items in (("Customer actions", st.actions), ("Touchpoints", st.touchpoints),
                             ("Emotions", st.emotions)):
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
        x=middles, y=[top - above for top in tops], mode="text", hoverinfo="skip",
        showlegend=False, name="names", text=names, textposition="bottom center",
        textfont={"size": name_size, "color": theme.INK})
    goals_trace = go.Scatter(
        x=middles, y=[round(top - above - name_px - between, 1) for top in tops], text=goals,
        hovertext=hover, mode="text", textposition="bottom center",
        textfont={"size": goal_size, "color": theme.INK},
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False, name="goals")
    shapes = [chevron(i % per_row, theme.PALETTE[i % 6], tops[i] - box, tops[i])
              for i in range(n)]
    return apply_theme(
        go.Figure([names_trace, goals_trace]), f"{fw.name}: {n} stages, left to right",
        "Best for: " + fw.best_for[0].lower() + fw.best_for[1:], width, plot_height=total,
        shapes=shapes,
        xaxis={"visible": False, "range": [-0.02, per_row + 0.02], "fixedrange": True},
        yaxis={"visible": False, "range": [0, total], "fixedrange": True})


def chevron(column: int, colour: str, bottom: float, top: float) -> dict[str, Any]:
    """A pale arrow-shaped box from x = *column* to *column* + 1, as a plotly shape.

    The first box of a row has a flat left side; the others have a notch.
    """
    i, mid = column, (bottom + top) / 2
    notch = "" if i == 0 else f" L {i + 0.08},{mid}"
    path = (f"M {i},{bottom} L {i + 0.92},{bottom} L {i + 1},{mid} L {i + 0.92},{top} "
            f"L {i},{top}{notch} Z")
    return {"type": "path", "path": path, "fillcolor": theme.tint(colour, 0.22),
            "line": {"color": colour, "width": 2}, "layer": "below"}


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
        spans = [max(index[m] for m in st.moments) + 1 - s for st, s in zip(
            fw.stages, starts, strict=True)]
        traces.append(go.Bar(
            y=[escape(fw.name)] * len(fw.stages), x=spans, base=starts, orientation="h",
            name=escape(fw.name), textposition="inside", insidetextanchor="middle",
            text=[label_lines(st.name, span * column - 2 * BOX_PAD, name_size)
                  for st, span in zip(fw.stages, spans, strict=True)],
            constraintext="none", textfont={"size": name_size, "color": theme.INK},
            hovertext=[f"<b>{escape(fw.name)}: {escape(st.name)}</b><br>"
                       + "<br>".join(wrap(st.summary, 60)) for st in fw.stages],
            hovertemplate="%{hovertext}<extra></extra>", showlegend=False,
            marker={"color": [theme.tint(theme.PALETTE[k], 0.3 if i % 2 else 0.18)
                              for i in range(len(fw.stages))],
                    "line": {"color": theme.PALETTE[k], "width": 2}}))
        titles.append({"x": 0, "xref": "paper", "xanchor": "left", "y": escape(fw.name),
                       "yref": "y", "yanchor": "bottom", "yshift": OVERVIEW_ROW_PX / 4 + 1,
                       "text": f"<b>{escape(fw.name)}</b>", "showarrow": False,
                       "font": {"size": LABEL_SIZE, "color": theme.INK}})
    headers = [label_lines(m.label, column - 4, header_size, bold=False) for m in moments]
    header_lines = max(h.count("<br>") + 1 for h in headers)
    return apply_theme(
        go.Figure(traces), "Four frameworks, one journey: how their stages line up",
        "Columns are the moments of a customer's journey; each bar is a stage "
        "and spans the moments it covers", chosen,
        plot_height=OVERVIEW_ROW_PX * len(traces),
        top=header_lines * header_size * theme.LINE_SPACING + 12, bargap=0.5,
        barmode="overlay", annotations=titles,
        xaxis={"side": "top", "tickvals": [i + 0.5 for i in range(len(moments))],
               "ticktext": headers, "tickangle": 0, "tickfont": {"size": header_size},
               "range": [0, len(moments)], "showgrid": False, "fixedrange": True},
        yaxis={"autorange": "reversed", "fixedrange": True, "showgrid": False,
               "showticklabels": False},
        shapes=[{"type": "line", "x0": i, "x1": i, "y0": 0, "y1": 1, "yref": "paper",
                 "line": {"color": theme.RULE, "width": 1, "dash": "dot"}, "layer": "below"}
                for i in range(1, len(moments))])


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
    return apply_theme(
        go.Figure([sankey]), f"From the {left.name.lower()} to the {right.name.lower()}",
        f"{left.name} on the left, {right.name.lower()} on the right; "
        "a band joins stages that cover the same moment", chosen, plot_height=410,
        margin={"b": 2 * EDGE_PX})


def evenly(count: int) -> list[float]:
    """*count* positions spread evenly between 0 and 1 (node centres of a Sankey column)."""
    return [round((i + 0.5) / count, 4) for i in range(count)]


# ----- funnel -----------------------------------------------------------------------------
def plot_funnel(counts: Any, width: int | None = None) -> go.Figure:
    """A stage funnel: how many customers reach each stage and what share of the first stage.

    Parameters
    ----------
    counts : dict, pandas.Series or pandas.DataFrame
        Customers who reached each stage, first stage first: a dict
        ``{stage: count}``, a Series indexed by stage, or a tidy DataFrame with
        columns ``stage`` and ``customers``. Each count is a whole number that is
        not larger than the one before it.
    width : int, optional
        Figure width in pixels. By default the figure fills the width it is
        shown in, with its title wrapped to fit ``theme.FIT_WIDTH`` (800) or more.

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

    chosen = figure_width(width, default=None)
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
        f"{shares[-1]} of customers reach the last stage, {stages[-1]}",
        "Customers who reached each stage, and their share of the first stage", chosen,
        plot_height=max(220, 64 * len(values) + 20),
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
