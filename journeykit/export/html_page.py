"""The standalone HTML page of a journey map: persona, figures and the map as a table.

One file that opens from disk with no network: the page's styles are inline,
plotly.js is copied into it once from the installed ``plotly`` package, and
the figures are plain plotly JSON. Learner text is escaped everywhere (HTML
text here, plotly labels in :mod:`journeykit.figures`, and plotly's JSON encoder
escapes ``<`` and ``>`` inside the page's scripts). The output is the same
for the same map: fixed element ids, no timestamps, no machine paths.

Printing the page (or Save as PDF) gives a landscape A4 handout: the persona
and emotion curve on the first page, the map scaled to fit the second, then
the table.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from string import Template
from typing import TYPE_CHECKING

from .._version import __version__
from ..catalogue import LANES, SCORE_LABELS, get_framework
from ..figures import plot_emotions, plot_map

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from ..model import JourneyMap, Persona

#: Width of the figures in the page, in CSS pixels: fits an A4 landscape page at 10 mm margins.
PAGE_PX = 1040
#: Height left for the map figure on a printed A4 landscape page, in CSS pixels.
PRINT_MAP_PX = 660

#: plotly.js settings for the figures in the page (no logo, no tools that need a server).
PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "sendDataToCloud"],
}


def esc(text: str) -> str:
    """Learner text as HTML text (quotes escaped too, so it is safe in attributes).

    Examples
    --------
    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(text, quote=True)


@cache
def page_template() -> tuple[Template, str]:
    """The map page's body and its stylesheet (package data in ``journeykit/export/templates``)."""
    folder = resources.files(__package__).joinpath("templates")
    return (
        Template(folder.joinpath("map.html").read_text("utf-8")),
        folder.joinpath("map.css").read_text("utf-8"),
    )


@cache
def _shell() -> Template:
    return Template(
        resources.files(__package__).joinpath("templates").joinpath("page.html").read_text("utf-8")
    )


def standalone_page(title: str, css: str, body: str) -> str:
    """A whole offline page: *body* (HTML) under a head holding *css* and plotly.js.

    *title* is plain text (escaped here). The map page and the class roll-up's page share it.
    """
    return _shell().substitute(
        version=esc(__version__),
        title=esc(title),
        css=css,
        plotlyjs=plotly_js(),
        body=body.rstrip("\n"),
    )


def plotly_js() -> str:
    """The plotly.js bundle shipped inside the installed plotly package, safe to inline."""
    from plotly.offline import get_plotlyjs

    script = get_plotlyjs()
    return script.replace("</script", "<\\/script") if "</script" in script else script


def figure_div(fig: go.Figure, div_id: str) -> str:
    """*fig* as a ``<div>`` and the script that draws it, with a fixed id (no plotly.js)."""
    import plotly.io as pio

    div = pio.to_html(
        fig,
        include_plotlyjs=False,
        full_html=False,
        div_id=div_id,
        config=PLOTLY_CONFIG,
        validate=False,
    )
    return f'<div class="plot">{div}</div>'


def items_html(value: object) -> str:
    """One lane of one stage as table-cell HTML."""
    if isinstance(value, list):
        if len(value) == 1:
            return esc(value[0])
        return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in value) + "</ul>"
    return esc(str(value)).replace("\n", "<br>")


def table_html(m: JourneyMap) -> str:
    """The map as an HTML table: lanes as rows, stages as columns, empty cells marked."""
    head = "".join(f'<th scope="col">{i}. {esc(s.name)}</th>' for i, s in enumerate(m.stages, 1))
    rows = []
    for spec in LANES:
        cells = []
        for stage in m.stages:
            value = stage.get(spec.key)
            if value in ("", None, []):
                cells.append('<td class="empty">empty</td>')
            elif spec.key == "emotion_score":
                cells.append(f"<td>{value} · {SCORE_LABELS[value]}</td>")
            else:
                cells.append(f"<td>{items_html(value)}</td>")
        rows.append(f'<tr><th scope="row">{esc(spec.label)}</th>{"".join(cells)}</tr>')
    return (
        f'<table class="map"><thead><tr><th scope="col">Lane</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def persona_html(persona: Persona) -> str:
    """The persona as a card: who they are, their goals, their frustrations."""

    def block(title: str, items: list[str]) -> str:
        listed = "".join(f"<li>{esc(item)}</li>" for item in items) or "<li>none yet</li>"
        return f"<div><h3>{title}</h3><ul>{listed}</ul></div>"

    name = esc(persona.name) if persona.name else "not named yet"
    about = esc(persona.description) if persona.description else "No description yet."
    return (
        f'<section class="persona"><h2>Persona: {name}</h2>'
        f"<div><h3>Who</h3><p>{about}</p></div>"
        f"{block('Goals', persona.goals)}{block('Frustrations', persona.frustrations)}"
        "</section>"
    )


def gaps_html(m: JourneyMap) -> str:
    """A line per stage that still has empty lanes (nothing when the map is complete)."""
    by_stage: dict[str, list[str]] = {}
    labels = {spec.key: spec.label for spec in LANES}
    for stage, key in m.gaps():
        by_stage.setdefault(stage, []).append(labels[key].lower())
    if not by_stage:
        return ""
    lines = "".join(
        f"<li><b>{esc(stage)}</b>: {', '.join(keys)}</li>" for stage, keys in by_stage.items()
    )
    return f'<div class="gaps"><p>Still to fill in:</p><ul>{lines}</ul></div>'


def html_page(m: JourneyMap) -> str:
    """The whole standalone page for *m*."""
    emotions = plot_emotions(m, width=PAGE_PX)
    journey = plot_map(m, width=PAGE_PX)
    zoom = min(1.0, PRINT_MAP_PX / journey.layout.height)
    template, css = page_template()
    fw = get_framework(m.framework)
    who = f" · persona: {esc(m.persona.name)}" if m.persona.name else ""
    notes = (
        f'<section><h2>Notes</h2><p class="notes">{esc(m.notes)}</p></section>' if m.notes else ""
    )
    body = template.substitute(
        version=esc(__version__),
        title=esc(m.title or "Journey map"),
        framework=f"{esc(fw.name)} ({len(m.stages)} stages){who}",
        persona=persona_html(m.persona),
        emotions=figure_div(emotions, "jk-emotions"),
        map=figure_div(journey, "jk-map"),
        print_zoom=f"{zoom:.3f}",
        table=table_html(m),
        gaps=gaps_html(m),
        notes=notes,
    )
    return standalone_page(m.title or "Journey map", css, body)
