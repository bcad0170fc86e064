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
their text; items tagged as research or as assumptions carry the map figure's marks,
with a legend. A map that fills in the blueprint lanes gets its service blueprint,
and one whose opportunities are scored gets the impact/effort matrix and the roadmap.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from string import Template
from typing import TYPE_CHECKING

from .._version import __version__
from ..catalogue import ASSUMPTION, RESEARCH, evidence_mark, get_framework, schema
from ..figures import compare, plot_blueprint, plot_emotions, plot_map, plot_priorities
from ..model.changes import linked_current
from ..model.evidence import evidence_counts, item_evidence
from ..model.items import attributes_of, item_note
from ..model.priorities import roadmap
from ..model.tables import shown_lanes
from .text import shown_value

if TYPE_CHECKING:
    import pandas as pd
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
    """One list item as HTML: its text, and its attributes in a muted note when it has any.

    An item that says where it comes from starts with its mark (✓ research, ? an
    assumption, as in the map figure), and an assumption is set apart in italics
    (class ``assumption``), so the difference does not rest on colour or the mark alone.

    Examples
    --------
    >>> from journeykit.model import Item
    >>> item_html(Item("Slow delivery", evidence="assumption"))
    '<span class="assumption"><span class="mark" aria-hidden="true">? </span>Slow delivery \
<small class="note">(Evidence: assumption)</small></span>'
    """
    note = item_note(item)
    text = esc(item) + (f' <small class="note">({esc(note)})</small>' if note else "")
    kind = item_evidence(item)
    if kind == "untagged":
        return text
    mark = evidence_mark(attributes_of(item).get("evidence"))
    return f'<span class="{kind}"><span class="mark" aria-hidden="true">{mark} </span>{text}</span>'


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
    for spec in shown_lanes(m):
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


def evidence_html(m: JourneyMap) -> str:
    """The legend of the evidence marks and how many items carry each, above the table
    (nothing when no item says where it comes from)."""
    counts = evidence_counts(m)
    if not counts.tagged:
        return ""
    research, assumption = evidence_mark(RESEARCH[0]), evidence_mark(ASSUMPTION)
    return (
        '<p class="legend">Where the items come from: '
        f'<span class="research"><span class="mark">{research} </span>from research</span> '
        f"({counts.research}), "
        f'<span class="assumption"><span class="mark">{assumption} </span>an assumption still '
        f"to check</span> ({counts.assumption}), not tagged ({counts.untagged}). The note "
        "after an item names its source.</p>"
    )


def method_html(m: JourneyMap) -> str:
    """The sections of the method's second half the map uses: what it changes, for a future
    state whose current-state map can be found (``based_on``); the service blueprint (when a
    stage fills in a blueprint lane); the impact/effort matrix with the roadmap (when an
    opportunity has its impact and effort)."""
    sections = []
    current = linked_current(m)
    if current is not None:
        sections.append(
            '<section class="figure compare-figure"><h2>What the future state changes</h2>'
            f"<p>Compared with {esc(current.title or m.based_on)}.</p>"
            f"{figure_div(compare(current, m, width=PAGE_PX), 'jk-compare')}</section>"
        )
    if any(spec.optional for spec in shown_lanes(m)):
        sections.append(
            '<section class="figure blueprint-figure"><h2>Behind the scenes: the service '
            f"blueprint</h2>{figure_div(plot_blueprint(m, width=PAGE_PX), 'jk-blueprint')}"
            "</section>"
        )
    plan = roadmap(m)
    if len(plan):
        sections.append(
            '<section class="figure priorities-figure"><h2>What to do first</h2>'
            f"{figure_div(plot_priorities(m, width=PAGE_PX), 'jk-priorities')}"
            f"{roadmap_html(plan)}</section>"
        )
    return "".join(sections)


def roadmap_html(plan: pd.DataFrame) -> str:
    """The roadmap as a table: one row per scored opportunity, now / next / later."""
    heads = ["When", "Opportunity", "Stage", "Impact", "Effort", "Owner"]
    rows = "".join(
        f'<tr><th scope="row">{esc(str(row.horizon))}</th><td>{esc(row.opportunity)}</td>'
        f"<td>{esc(row.stage)}</td><td>{row.impact}</td><td>{row.effort}</td>"
        f"<td>{esc(row.owner) or '—'}</td></tr>"
        for row in plan.itertuples(index=False)
    )
    head = "".join(f'<th scope="col">{h}</th>' for h in heads)
    return (
        "<h3>The roadmap</h3>"
        f'<table class="roadmap"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


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
        table=evidence_html(m) + table_html(m),
        gaps=gaps_html(m),
        method=method_html(m),
        notes=notes,
    )
    return standalone_page(m.title or "Journey map", css, body)
