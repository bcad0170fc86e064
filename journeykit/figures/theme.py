"""The kit's look: a colour-blind-safe palette and one small plotly template.

Every figure the kit draws uses :func:`template`, so all of them share fonts
large enough for a projector and colours that stay apart for people with the
common kinds of colour blindness (the Okabe-Ito palette). The template is
deliberately small: plotly copies a figure's template into the figure's JSON,
and that JSON is what a notebook stores and nbval compares.

Learners can use the same look for their own plotly express charts::

    import plotly.express as px
    import journeykit as jk
    px.bar(df, x="stage", y="customers", template=jk.template())

Examples
--------
>>> len(PALETTE), PALETTE[0]
(8, '#0072B2')
>>> template().layout.font.size
16
>>> FIT_WIDTH
800
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import plotly.graph_objects as go

#: Okabe-Ito colours, darkest and most distinct first; yellow last (weak on white paper).
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermilion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#7A7A7A",  # grey, in place of Okabe-Ito black so text on top stays readable
    "#F0E442",  # yellow
)

#: Named roles, so figures say what a colour means rather than which colour it is.
INK = "#1F2328"  # body text
MUTED = "#57606A"  # secondary text (4.6:1 on white)
RULE = "#D0D7DE"  # cell borders and grid lines
PAPER = "#FFFFFF"
FILLED_FILL = "#E8F3FB"  # a filled-in cell of a journey map (sky blue, pale)
EMPTY_FILL = "#F3F4F6"  # an empty cell of a journey map: a gap to fill (grey, labelled too)
EMOTION = PALETTE[0]  # the emotion curve
PAIN = PALETTE[3]  # pain points, drawn with a distinct marker shape as well

#: Fonts every computer has, so nothing is fetched from the network.
FONT_FAMILY = (
    '"Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif'
)

#: Sizes in CSS pixels: 16 px body text reads from the back of a classroom.
FONT_SIZE = 16
TITLE_SIZE = 22
SMALL_SIZE = 13
#: plotly's spacing of the lines of a multi-line text, in font sizes.
LINE_SPACING = 1.3

#: Width in CSS pixels every kit figure fits by default, text wrapping included. Measured
#: room: JupyterLab's output area with the file browser open is 934 px on a 1366-pixel
#: laptop screen and 848 px on a 1280-pixel projector; nbconvert's HTML page leaves the
#: window width minus 122 px (828 px in a 950-pixel window). Ask a figure for more with
#: ``width=``.
FIT_WIDTH = 800

#: Advance widths of Helvetica and Arial in 1/1000 of the font size, by character. Segoe UI
#: (Windows) and DejaVu Sans (some Linux desktops) are wider, hence ``FONT_SLACK``.
_WIDTHS = {
    191: "'",
    222: "ijl\u2019",
    260: "|",
    278: " !,./:;I[\\]ft\u00a0\u00b7",
    333: "()-`r",
    334: "{}",
    350: "\u2022",
    355: '"',
    389: "*",
    469: "^",
    500: "Jckvsxyz",
    556: "#$0123456789?L_abdeghnopqu\u2013",
    584: "+<=>~",
    611: "FTZ",
    667: "&ABEKPSVXY",
    722: "CDHNRUw",
    778: "GOQ",
    833: "Mm",
    889: "%",
    944: "W",
    1000: "\u2026\u2014",
    1015: "@",
}
_WIDTH_OF = {char: width / 1000 for width, chars in _WIDTHS.items() for char in chars}
#: Width of a character missing from the table (accents, arrows, symbols), in font sizes.
_OTHER_WIDTH = 0.72
#: Bold text is this much wider than regular text.
_BOLD = 1.1
#: Safety margin for fonts wider than Arial. Measured in Chromium on the kit's own labels:
#: Liberation Sans (Arial's metrics) takes 0.95-1.0 of the table's estimate, DejaVu Sans
#: up to 1.16 (bold 1.21), which the padding around text absorbs.
FONT_SLACK = 1.1


def text_width(text: str, size: float, bold: bool = False) -> float:
    """About how many CSS pixels *text* takes in the kit's font at *size* pixels.

    An upper estimate from Arial's letter widths plus ``FONT_SLACK`` for wider fonts, good
    enough to wrap text so that it stays inside a box. Markup is not understood: pass
    plain text (``&amp;`` counts as five characters, which only errs on the wide side).

    Examples
    --------
    >>> round(text_width("Touchpoints", 13))
    78
    >>> text_width("Touchpoints", 13, bold=True) > text_width("Touchpoints", 13)
    True
    >>> round(text_width("日本", 13))  # a full em each
    29
    """
    em = sum(_WIDTH_OF.get(char) or _other_width(char) for char in text)
    return em * size * FONT_SLACK * (_BOLD if bold else 1.0)


def _other_width(char: str) -> float:
    """Width of a character missing from the table: a full em for Chinese, Japanese,
    Korean and emoji, otherwise a wide letter."""
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else _OTHER_WIDTH


def tint(colour: str, strength: float) -> str:
    """*colour* mixed with white; ``strength`` 1 keeps the colour, 0 gives white.

    Examples
    --------
    >>> tint("#0072B2", 0.5)
    '#80B8D8'
    """
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(255 - (255 - c) * strength) for c in (red, green, blue))
    return "#" + "".join(f"{c:02X}" for c in mixed)


@cache
def template() -> go.layout.Template:
    """The kit's plotly template (also registered in ``plotly.io.templates`` as "journeykit")."""
    import plotly.graph_objects as go
    import plotly.io as pio

    built = go.layout.Template(
        layout={
            "font": {"family": FONT_FAMILY, "size": FONT_SIZE, "color": INK},
            "title": {"font": {"size": TITLE_SIZE}, "x": 0.0, "xanchor": "left", "xref": "paper"},
            "colorway": list(PALETTE),
            "paper_bgcolor": PAPER,
            "plot_bgcolor": PAPER,
            "hoverlabel": {"font": {"family": FONT_FAMILY, "size": FONT_SIZE}, "align": "left"},
            "xaxis": {"gridcolor": RULE, "linecolor": MUTED, "zeroline": False, "automargin": True},
            "yaxis": {"gridcolor": RULE, "linecolor": MUTED, "zeroline": False, "automargin": True},
            "legend": {"font": {"size": SMALL_SIZE + 1}},
        }
    )
    pio.templates["journeykit"] = built
    return built


@cache
def _template_text() -> str:
    return json.dumps(template().to_plotly_json())


def template_json() -> dict[str, Any]:
    """:func:`template` as plotly JSON, a fresh copy on each call (figures built as JSON).

    Examples
    --------
    >>> template_json()["layout"]["font"]["size"]
    16
    """
    return json.loads(_template_text())
