"""Text layout shared by every figure: wrapping by pixel width, labels, titles, the theme.

Figure text is wrapped by its estimated width in pixels
(:func:`journeykit.figures.theme.text_width`), so labels fit the columns they sit
in at the figure's width. :func:`themed_figure` makes every figure of the kit in
its look: template, a wrapped title with a muted subtitle, margins and a height
(:func:`themed_json` the same as plotly JSON, for figures redrawn on every keystroke).

Learner text is escaped before it reaches plotly, so ``<b>`` typed into a map
shows as ``<b>`` and never changes how the figure looks.

Examples
--------
>>> wrap("Compare prices with two other shops", 14)
['Compare prices', 'with two other', 'shops']
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, overload

from ..errors import JourneyMapError, Problem
from . import theme

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from ..model import JourneyMap

#: Items listed in one hover box.
HOVER_ITEMS = 20
#: Font size of lane labels and stage headings, in pixels.
LABEL_SIZE = 14
#: Narrowest figure the kit lays out, in pixels.
MIN_WIDTH = 480
#: Space around a figure's edges, in pixels.
EDGE_PX = 10
#: Space above the title, and between the title block and the plot, in pixels.
TITLE_PAD = 12
#: Width left free right of the longest title line, for fonts wider than estimated.
TITLE_SPARE = 40
#: plotly.js lowers a one-line title by 0.7 em so that its top, not its baseline, sits at
#: the pad; a title of several lines loses that shift (each line's own position replaces
#: it) and its first line is cut off at the top of the figure. A wrapped title is lowered
#: by this much to match.
CAP_SHIFT_PX = round(0.7 * theme.TITLE_SIZE)


def escape(text: str) -> str:
    """Learner text made safe for plotly's HTML-like labels.

    Examples
    --------
    >>> escape("<b>50% off</b> & more")
    '&lt;b&gt;50% off&lt;/b&gt; &amp; more'
    """
    return html.escape(text, quote=False)


def wrap(
    text: str,
    width: float,
    indent: str = "",
    max_lines: int | None = None,
    size: float | None = None,
    bold: bool = False,
) -> list[str]:
    """*text* wrapped to lines no wider than *width*, each line escaped.

    *width* counts characters, or CSS pixels when a font *size* is given (measured
    with :func:`journeykit.figures.theme.text_width`). Lines break between words; a word
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
    >>> wrap("Engage: a longer line", 9, indent="  ", max_lines=2)
    ['Engage: a', '  longe …']
    """
    return list(_wrapped(text, width, indent, max_lines, size, bold))


@lru_cache(maxsize=4096)
def _wrapped(
    text: str, width: float, indent: str, max_lines: int | None, size: float | None, bold: bool
) -> tuple[str, ...]:
    """:func:`wrap`, remembered: the editor redraws every cell of a map on each keystroke,
    and all but one are wrapped as before."""

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
        # one word left that is still too wide with the mark: cut letters (keep one)
        while not fits(last + " …") and len(last.strip()) > 1:
            last = last[:-1]
        lines[-1] = last + " …"
    return tuple(escape(line) for line in lines)


def split_word(
    line: str, start: int, indent: str, fits: Callable[[str], bool]
) -> tuple[list[str], str]:
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
        while cut < len(line) and fits(line[: cut + 1]):
            cut += 1
        if cut == start:  # not one more letter fits: end the line there, or force one
            cut = start if line[:start].strip() else start + 1
        full.append(line[:cut].rstrip())
        line, start = indent + line[cut:].lstrip(" "), len(indent)
    return full, line


def bullets(
    items: Sequence[str],
    width: float,
    limit: int,
    size: float | None = None,
    mark: Callable[[str], tuple[str, bool]] | None = None,
    item_lines: int | None = None,
) -> list[str]:
    """Wrapped, escaped lines for a list of items: one bullet each, at most *limit* items.

    *width* and *size* are as in :func:`wrap`. *mark* gives each item its bullet and
    whether it is set in italics (by default a plain "•"); *item_lines* cuts each item to
    that many lines, ending in "…".

    Examples
    --------
    >>> bullets(["Website", "Review sections", "Email newsletters"], 30, limit=2)
    ['• Website', '• Review sections', '+ 1 more (hover to see all)']
    >>> bullets(["Unsure of size"], 30, 5, mark=lambda item: ("?", True))
    ['<i>? Unsure of size</i>']
    """
    lines: list[str] = []
    for item in items[:limit]:
        bullet, italic = mark(item) if mark is not None else ("•", False)
        wrapped = wrap(
            f"{bullet} {item}", width, indent="\u00a0\u00a0", max_lines=item_lines, size=size
        )
        lines += [f"<i>{line}</i>" for line in wrapped] if italic else wrapped
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


@overload
def figure_width(width: object, default: int = theme.FIT_WIDTH) -> int: ...
@overload
def figure_width(width: object, default: None) -> int | None: ...
def figure_width(width: object, default: int | None = theme.FIT_WIDTH) -> int | None:
    """The figure width asked for, checked; *default* when none was asked for.

    Examples
    --------
    >>> figure_width(None), figure_width(1200), figure_width(None, default=None)
    (800, 1200, None)
    """
    if width is None:
        return default
    if isinstance(width, bool) or not isinstance(width, (int, float)) or width < MIN_WIDTH:
        raise JourneyMapError(
            [
                Problem(
                    "width",
                    f"{width!r} is not a figure width the kit can lay out",
                    f"give a number of pixels of at least {MIN_WIDTH}, or leave width out for "
                    f"{theme.FIT_WIDTH} pixels, which fit a notebook on a laptop or a projector",
                )
            ]
        )
    return int(width)


def title_height(lines: int, sub_lines: int) -> float:
    """Pixels taken by a title of *lines* lines above a subtitle of *sub_lines* lines."""
    title_px = lines * theme.TITLE_SIZE * theme.LINE_SPACING
    sub_px = sub_lines * (theme.SMALL_SIZE + 1) * theme.LINE_SPACING
    return TITLE_PAD + title_px + (sub_px + 6 if sub_lines else 0) + TITLE_PAD


def theme_layout(
    title: str, subtitle: str, width: int | None, plot_height: float, top: float = 0, **layout: Any
) -> dict[str, Any]:
    """The kit's layout: template, a title with a muted subtitle, margins and a height.

    *title* and *subtitle* are plain text (escaped here; a line break in *subtitle*
    starts a new line), wrapped to fit *width*
    (``theme.FIT_WIDTH`` when None: the figure then fills the width it is shown
    in). The figure is *plot_height* pixels tall below the title block, plus
    *top* pixels between the two (room for labels above the plot). Other
    keyword arguments are layout properties, passed on as they are.
    """
    room = (width or theme.FIT_WIDTH) - 2 * EDGE_PX - TITLE_SPARE
    lines = wrap(title, room, size=theme.TITLE_SIZE, bold=True)
    sub_lines = [
        line
        for part in subtitle.split("\n")
        for line in wrap(part, room, size=theme.SMALL_SIZE + 1)
        if subtitle
    ]
    margin = {"l": EDGE_PX, "r": EDGE_PX, "b": EDGE_PX, **layout.pop("margin", {})}
    margin["t"] = round(title_height(len(lines), len(sub_lines)) + top)
    out = {
        "template": theme.template(),
        "title": {
            "text": "<br>".join(f"<b>{line}</b>" for line in lines),
            "subtitle": {
                "text": "<br>".join(sub_lines),
                "font": {"size": theme.SMALL_SIZE + 1, "color": theme.MUTED},
            },
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"l": EDGE_PX, "t": TITLE_PAD + (CAP_SHIFT_PX if len(lines) > 1 else 0)},
        },
        "margin": margin,
        "height": round(plot_height + margin["t"] + margin["b"]),
        **layout,
    }
    if width:
        out["width"] = width
    return out


def themed_figure(
    data: Sequence[Any],
    title: str,
    subtitle: str,
    width: int | None,
    plot_height: float,
    top: float = 0,
    **layout: Any,
) -> go.Figure:
    """A new figure of *data* (traces) in the kit's look (:func:`theme_layout`): every
    figure of the kit is made here or, as plotly JSON, by :func:`themed_json`.

    The layout goes to the constructor whole: plotly validates it once there, where
    ``update_layout`` afterwards would validate it again, property by property (the
    editor redraws its preview on every keystroke, the class figures draw hundreds of
    maps).

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> fig = themed_figure([go.Bar(x=["a"], y=[1])], "Sales", "by shop", 800, plot_height=200)
    >>> fig.layout.title.text, fig.layout.width, fig.layout.height > 200
    ('<b>Sales</b>', 800, True)
    """
    import plotly.graph_objects as go

    return go.Figure(
        data=list(data), layout=theme_layout(title, subtitle, width, plot_height, top, **layout)
    )


def themed_json(
    data: Sequence[dict[str, Any]],
    title: str,
    subtitle: str,
    width: int | None,
    plot_height: float,
    top: float = 0,
    template: dict[str, Any] | None = None,
    **layout: Any,
) -> dict[str, Any]:
    """:func:`themed_figure` as plotly JSON, from traces given as plotly JSON (dicts with
    a ``"type"``); nothing is checked, so it costs a fraction of the figure. *template*
    (plotly JSON) replaces the kit's (:func:`journeykit.figures.theme.template_json`).

    ``go.Figure(themed_json(...))`` is the checked figure, equal to the figure
    :func:`themed_figure` makes of the same traces.

    Examples
    --------
    >>> figure = themed_json([{"type": "bar", "x": ["a"], "y": [1]}], "Sales", "", 800, 200)
    >>> figure["data"][0]["type"], figure["layout"]["title"]["text"]
    ('bar', '<b>Sales</b>')
    >>> figure["layout"]["template"]["layout"]["font"]["size"]
    16
    """
    return {
        "data": list(data),
        "layout": {
            **theme_layout(title, subtitle, width, plot_height, top, **layout),
            "template": template or theme.template_json(),
        },
    }


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
    return "<br>".join(
        f"{tag[0]}{line}{tag[1]}" for line in wrap(text, width, size=size, bold=bold)
    )


def widest(labels: Sequence[str], size: float, bold: bool = True) -> float:
    """Pixels taken by the widest line of the plotly *labels* (markup ignored)."""
    plain = (
        html.unescape(re.sub(r"<[^>]*>", "", line))
        for label in labels
        for line in label.split("<br>")
    )
    return max((theme.text_width(line, size, bold) for line in plain), default=0.0)


def stage_labels(names: Sequence[str], width: float, size: float, bold: bool = True) -> list[str]:
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
    return [
        f"<span style='color:{theme.MUTED}'>Stage {i}</span><br>"
        + label_lines(name, width, size, bold)
        for i, name in enumerate(names, 1)
    ]


def longest_word(texts: Sequence[str], size: float, bold: bool = False) -> float:
    """Pixels taken by the widest word (or part of a hyphenated word) in *texts*."""
    return max(
        (
            theme.text_width(piece, size, bold)
            for text in texts
            for piece in re.findall(r"[^\s-]+-*", text)
        ),
        default=0.0,
    )


def word_size(
    texts: Sequence[str],
    width: float,
    bold: bool = False,
    sizes: Sequence[int] = (LABEL_SIZE, theme.SMALL_SIZE),
) -> int:
    """The first of *sizes* at which every word of *texts* fits *width* pixels, else the
    last: labels shrink a little rather than split a word.

    Examples
    --------
    >>> word_size(["Subscribe"], 100), word_size(["Subscribe"], 60)
    (14, 13)
    """
    return next((size for size in sizes if longest_word(texts, size, bold) <= width), sizes[-1])
