"""The standalone HTML page of a journey map: persona, figures and the map as a table.

One file that opens from disk with no network: the page's styles are inline,
plotly.js is copied into it once from the installed ``plotly`` package, and
the figures are plain plotly JSON. Learner text is escaped everywhere (HTML
text here, plotly labels in :mod:`journeykit.figures`, and plotly's JSON encoder
escapes ``<`` and ``>`` inside the page's scripts). The output is the same
for the same map: fixed element ids, no timestamps, no machine paths.

Printing the page (or Save as PDF) gives a landscape A4 handout: the persona
and emotion curve on the first page, the map scaled to fit the second, then
the table. The persona card, the table and the map's own fields show every field
of the schema (:mod:`journeykit.catalogue.fields`), list items' attributes beside
their text.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from string import Template
from typing import TYPE_CHECKING

from .._version import __version__
from ..catalogue import get_framework, schema
from ..figures import plot_emotions, plot_map
from ..model.items import item_note
from .text import shown_value

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


def figure_div(
    fig: go.Figure, div_id: str, config: dict[str, object] | None = None, *, fixed: bool = False
) -> str:
    """*fig* as a ``<div>`` and the script that draws it, with a fixed id (no plotly.js).

    *config* is plotly.js's (:data:`PLOTLY_CONFIG` by default). The ``<div>`` fills
    the width it is given, or with *fixed* takes the figure's own width and height
    (paper sheets draw fixed, ``staticPlot`` figures)."""
    import plotly.io as pio

    div = pio.to_html(
        fig,
        include_plotlyjs=False,
        full_html=False,
        div_id=div_id,
        config=PLOTLY_CONFIG if config is None else config,
        validate=False,
        **(
            {"default_width": f"{fig.layout.width}px", "default_height": f"{fig.layout.height}px"}
            if fixed
            else {}
        ),
    )
    return f'<div class="plot">{div}</div>'


def item_html(item: str) -> str:
    """One list item as HTML: its text, and its attributes in a muted note when it has any."""
    note = item_note(item)
    return esc(item) + (f' <small class="note">({esc(note)})</small>' if note else "")


def items_html(value: object) -> str:
    """One lane of one stage as table-cell HTML."""
    if isinstance(value, list):
        if len(value) == 1:
            return item_html(value[0])
        return "<ul>" + "".join(f"<li>{item_html(item)}</li>" for item in value) + "</ul>"
    return esc(str(value)).replace("\n", "<br>")


def table_html(m: JourneyMap) -> str:
    """The map as an HTML table: lanes as rows, stages as columns, empty cells marked."""
    head = "".join(f'<th scope="col">{i}. {esc(s.name)}</th>' for i, s in enumerate(m.stages, 1))
    rows = []
    for spec in schema().lanes:
        cells = []
        for stage in m.stages:
            value = getattr(stage, spec.name)
            if spec.is_empty(value):
                cells.append('<td class="empty">empty</td>')
            elif spec.kind == "score":
                cells.append(f"<td>{value} · {spec.scale[value]}</td>")
            else:
                cells.append(f"<td>{items_html(value)}</td>")
        rows.append(f'<tr><th scope="row">{esc(spec.label)}</th>{"".join(cells)}</tr>')
    return (
        f'<table class="map"><thead><tr><th scope="col">Lane</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def persona_html(persona: Persona) -> str:
    """The persona as a card: their name as its heading, then a block per persona field
    (who they are, their goals, their frustrations)."""
    blocks = []
    for spec in schema().scope("persona"):
        if spec.first:
            continue
        value = getattr(persona, spec.name)
        if spec.kind == "list":
            listed = "".join(f"<li>{item_html(item)}</li>" for item in value)
            body = f"<ul>{listed or '<li>none yet</li>'}</ul>"
        else:
            body = f"<p>{esc(shown_value(spec, value)) or 'not filled in yet'}</p>"
        blocks.append(f"<div><h3>{esc(spec.label)}</h3>{body}</div>")
    name = esc(persona.name) if persona.name else "not named yet"
    return f'<section class="persona"><h2>Persona: {name}</h2>{"".join(blocks)}</section>'


def map_fields_html(m: JourneyMap) -> tuple[str, str]:
    """The map's own fields besides its title: (lines under the heading, sections at the
    end). Long text, such as the notes, is a section of its own; other fields are a
    labelled line."""
    lines, sections = [], []
    for spec in schema().scope("map"):
        value = getattr(m, spec.name)
        if spec.first or spec.is_empty(value):
            continue
        if spec.kind == "text" and spec.long:
            sections.append(
                f'<section><h2>{esc(spec.label)}</h2><p class="notes">{esc(value)}</p></section>'
            )
        elif spec.kind == "list":
            lines.append(f"<p><b>{esc(spec.label)}:</b> {items_html(value)}</p>")
        else:
            lines.append(f"<p><b>{esc(spec.label)}:</b> {esc(shown_value(spec, value))}</p>")
    return "".join(lines), "".join(sections)


def gaps_html(m: JourneyMap) -> str:
    """A line per stage that still has empty lanes (nothing when the map is complete)."""
    by_stage: dict[str, list[str]] = {}
    labels = {spec.key: spec.label for spec in schema().lanes}
    for gap in m.gaps():
        by_stage.setdefault(str(gap.stage), []).append(labels[str(gap.key)].lower())
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
    about, notes = map_fields_html(m)
    body = template.substitute(
        version=esc(__version__),
        title=esc(m.title or "Journey map"),
        framework=f"{esc(fw.name)} ({len(m.stages)} stages){who}",
        about=about,
        persona=persona_html(m.persona),
        emotions=figure_div(emotions, "jk-emotions"),
        map=figure_div(journey, "jk-map"),
        print_zoom=f"{zoom:.3f}",
        table=table_html(m),
        gaps=gaps_html(m),
        notes=notes,
    )
    return standalone_page(m.title or "Journey map", css, body)
