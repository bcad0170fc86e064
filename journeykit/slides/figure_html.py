"""Small HTML pieces for slide decks: a plotly figure drawn by the shared plotly.js.

A figure becomes an empty ``div`` followed by its JSON in a
``<script type="application/json">`` element. The deck's script
(``journeykit-slides.js``) loads plotly.js from ``_assets/`` once and draws each
figure when its slide is first shown, so the first slide paints at once and a
figure is drawn at the size of its visible slide.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

PLOTLY_MIME = "application/vnd.plotly.v1+json"

#: Height of a figure whose layout sets no size (CSS pixels).
DEFAULT_FIGURE_HEIGHT = 460

_CONFIG = {"displaylogo": False, "responsive": True}
#: Text in figures as large as the slide's small print, in the slide's font.
_FONT = {"family": '"Source Sans Pro", "Segoe UI", Helvetica, Arial, sans-serif', "size": 20}


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>`` can end it early).

    Examples
    --------
    >>> script_json({"title": "</script><b>"})
    '{"title": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    >>> json.loads(script_json({"a": "<&>"}))
    {'a': '<&>'}
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _size(value: object) -> int | None:
    return int(value) if isinstance(value, (int, float)) and value > 0 else None


def figure_html(figure: dict[str, Any]) -> str:
    """A plotly figure (``{"data": ..., "layout": ...}``) as HTML for a slide.

    A figure with no size of its own (a quick ``px.bar``) fills the slide's
    width at a default height, with text large enough for the room; the deck's
    script may shorten it to fit a crowded slide. A figure whose layout sets a
    width or height was designed at that size (the kit's own figures): it is
    kept exactly, and the script scales it down as a whole to fit. A journey map
    cut for slides says in ``layout.meta`` how much larger to draw it
    (``data-jk-zoom``).

    Examples
    --------
    >>> print(figure_html({"data": [{"type": "bar", "y": [1, 2]}]})[:80])
    <div class="jk-plotly-figure"><div class="jk-plotly" style="height:460px"></div>
    >>> print(figure_html({"data": [], "layout": {"width": 1500, "height": 900}}).split("><")[1])
    div class="jk-plotly" data-jk-size="1500x900" style="width:1500px;height:900px"
    """
    layout = dict(figure.get("layout") or {})
    width, height = _size(layout.get("width")), _size(layout.get("height"))
    if width or height:
        style = (f"width:{width}px;" if width else "") + f"height:{height or 450}px"
        sized = f' data-jk-size="{width or 0}x{height or 450}" style="{style}"'
        zoom = ((layout.get("meta") or {}).get("journeykit") or {}).get("zoom")
        if isinstance(zoom, (int, float)) and zoom > 0:
            sized = f' data-jk-zoom="{zoom:g}"' + sized
    else:  # a quick chart: slide-sized text in the slide's font, unless it sets its own
        layout["autosize"] = True
        layout["font"] = {**_FONT, **(layout.get("font") or {})}
        sized = f' style="height:{DEFAULT_FIGURE_HEIGHT}px"'
    spec = {
        "data": figure.get("data") or [],
        "layout": layout,
        "config": {**(figure.get("config") or {}), **_CONFIG},
    }
    return (
        f'<div class="jk-plotly-figure"><div class="jk-plotly"{sized}></div>'
        f'<script type="application/json" class="jk-plotly-spec">{script_json(spec)}'
        "</script></div>"
    )


def notice_html(message: str, detail: str = "") -> str:
    """A boxed note on a slide, e.g. where a live widget stood; the text is escaped.

    Examples
    --------
    >>> notice_html("Live widget", "Editor(<shop>)")
    '<div class="jk-notice"><p>Live widget</p><pre>Editor(&lt;shop&gt;)</pre></div>'
    """
    extra = f"<pre>{escape(detail)}</pre>" if detail else ""
    return f'<div class="jk-notice"><p>{escape(message)}</p>{extra}</div>'
