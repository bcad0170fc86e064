"""The debrief page of a roll-up (one offline HTML file) and its CSV.

Built with the export layer's helpers, so it works like a map's own page: one
file, plotly.js copied in once from the installed ``plotly`` package, figures as
plain plotly JSON, the map page's stylesheet plus a few rules of its own, and
every piece of learner text (file names, titles, items) escaped. The gallery is
plain HTML and SVG: each card links to a hidden section holding that map, which
CSS shows when its link is followed (``:target``), so opening a map needs no
script at all. The same roll-up gives the same page, byte for byte.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from string import Template
from typing import TYPE_CHECKING

from .._version import __version__
from ..catalogue import SCORE_MAX, SCORE_MIN, get_framework
from ..export.html_page import (
    PAGE_PX,
    esc,
    figure_div,
    page_template,
    standalone_page,
    table_html,
)
from ..export.text import guard_cell
from ..model.evidence import evidence_counts

if TYPE_CHECKING:
    from .class_rollup import Rollup
    from .loading import Entry

#: Size of a gallery sparkline, in SVG units (it scales with its card).
SPARK_W, SPARK_H, SPARK_PAD = 160, 56, 6
#: Rows of the most common items listed with all their wordings.
WORDING_ROWS = 15
#: Headings of the figures on the page, by figure name.
FIGURE_HEADINGS = {
    "heatmap": "Every map's emotions",
    "spread": "The spread, step by step",
    "coverage": "What the class filled in",
    "pain_points": "The most common pain points",
    "priorities": "Impact and effort of the class's opportunities",
}


@cache
def _templates() -> tuple[Template, str]:
    folder = resources.files(__package__).joinpath("templates")
    css = page_template()[1] + "\n" + folder.joinpath("rollup.css").read_text("utf-8")
    return Template(folder.joinpath("rollup.html").read_text("utf-8")), css


def debrief_css() -> str:
    """The stylesheet of the debrief pages (the map page's, plus the roll-up's rules)."""
    return _templates()[1]


def sparkline(scores: list[float | None], big: bool = False) -> str:
    """An SVG line of *scores* (1 to 5, None for a gap), one point per step.

    Examples
    --------
    >>> sparkline([1, None, 5]).count("<circle")
    2
    """
    width, height = (SPARK_W * 3, SPARK_H * 3) if big else (SPARK_W, SPARK_H)
    pad = SPARK_PAD * (3 if big else 1)
    step = (width - 2 * pad) / max(len(scores) - 1, 1)

    def y(score: float) -> float:
        return pad + (SCORE_MAX - score) * (height - 2 * pad) / (SCORE_MAX - SCORE_MIN)

    grid = "".join(
        f'<line class="spark-grid" x1="0" x2="{width}" y1="{y(s):.1f}" y2="{y(s):.1f}"/>'
        for s in (SCORE_MIN, 3, SCORE_MAX)
    )
    runs: list[list[str]] = [[]]
    dots = []
    for i, score in enumerate(scores):
        if score is None:
            runs.append([])
            continue
        point = f"{pad + i * step:.1f},{y(score):.1f}"
        runs[-1].append(point)
        x_, y_ = point.split(",")
        dots.append(f'<circle class="spark-dot" cx="{x_}" cy="{y_}" r="{6 if big else 3}"/>')
    lines = "".join(
        f'<polyline class="spark-line" points="{" ".join(run)}"/>' for run in runs if len(run) > 1
    )
    return (
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="emotion curve" '
        f'class="{"big" if big else "spark"}">{grid}{lines}{"".join(dots)}</svg>'
    )


def _summary_html(r: Rollup) -> str:
    return (
        '<div class="summary">'
        + "".join(f"<p>{esc(line)}</p>" for line in r.summary().splitlines())
        + "</div>"
    )


def _skipped_html(r: Rollup) -> str:
    if not r.skipped:
        return ""
    items = []
    for i, skipped in enumerate(r.skipped, 1):
        name = f"File {i}" if r.anonymize else skipped.name
        items.append(f"<li><b>{esc(name)}</b>: {esc(skipped.reason)}</li>")
    return (
        '<section><h2>Files left out</h2><p class="hint">These files could not be read. '
        "Send each learner the line about their file.</p>"
        f'<ul class="skipped">{"".join(items)}</ul></section>'
    )


def _steps_html(r: Rollup) -> str:
    if not r.layout.mixed:
        return ""
    table = r.stages_table()
    head = "".join(f'<th scope="col">{esc(name)}</th>' for name in table.columns)
    rows = "".join(
        f'<tr><th scope="row">{i}. {esc(step)}</th>'
        + "".join(f"<td>{esc(stage)}</td>" for stage in stages)
        + "</tr>"
        for i, (step, stages) in enumerate(zip(table.index, table.values.tolist(), strict=True), 1)
    )
    return (
        '<section><h2>How the frameworks line up</h2><p class="hint">Each step is a '
        "journey moment of the crosswalk, or several where every framework agrees. A "
        "stage that spans several steps counts in each.</p>"
        f'<table class="data"><thead><tr><th scope="col">Step</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def _figures_html(r: Rollup) -> str:
    parts = []
    for name, fig in r.figures(width=PAGE_PX).items():
        parts.append(
            f'<section class="figure"><h2>{FIGURE_HEADINGS[name]}</h2>'
            f"{figure_div(fig, f'jk-{name}')}</section>"
        )
    return "\n".join(parts)


def _review_html(r: Rollup) -> str:
    if not len(r):
        return ""
    table = r.review()
    if table.empty:
        body = "<p>No review remarks for any map.</p>"
    else:
        rows = "".join(
            f'<tr><td class="level level-{esc(row.level)}">{esc(row.level)}</td>'
            f'<td>{esc(row.rule)}</td><td class="num">{row.maps} ({row.share:.0%})</td>'
            f"<td>{esc(row.why)}</td><td>{esc(row.fix)}</td></tr>"
            for row in table.itertuples()
        )
        body = (
            '<table class="data"><thead><tr><th>Level</th><th>Rule</th><th>Maps</th>'
            f"<th>Why it matters</th><th>What to do</th></tr></thead><tbody>{rows}"
            "</tbody></table>"
        )
    return (
        '<section><h2>The review, across the class</h2><p class="hint">How many maps '
        "each coaching remark applies to, most common first, with what to do about it in "
        f"general (each learner's own review names their stages and items).</p>{body}</section>"
    )


def _level_cell(level: int | None, names: tuple[str, ...]) -> str:
    """A rubric level's cell; a dash where the criterion does not count for the map."""
    if level is None:
        return '<td class="num" title="Not counted: this map tags no item">–</td>'
    return f'<td class="num lvl-{level}" title="{esc(names[level])}">{level}</td>'


def _rubric_html(r: Rollup) -> str:
    if not len(r):
        return ""
    from ..assessment import CRITERIA, LEVELS

    table = r.rubric()
    head = "".join(f'<th scope="col">{esc(c.title)}</th>' for c in CRITERIA)
    rows = []
    for row in table.to_dict("records"):
        cells = "".join(_level_cell(row[c.id], LEVELS) for c in CRITERIA)
        rows.append(
            f'<tr><th scope="row">{esc(str(row["participant"]))}</th>{cells}'
            f'<td class="num">{row["points"]} of {row["max_points"]}</td></tr>'
        )
    legend = ", ".join(f"{i} {name}" for i, name in enumerate(LEVELS))
    return (
        '<section><h2>The rubric, map by map</h2><p class="hint">Each map\'s level on every '
        f"criterion of the rubric, as the coach suggests it ({esc(legend)}; – where evidence "
        "does not count because the map tags no item). The printable rubric says what each "
        "level looks like.</p>"
        f'<div class="figure"><table class="data rubric"><thead><tr><th scope="col">Map</th>'
        f'{head}<th scope="col">Points</th></tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table></div></section>"
    )


def _wordings_html(r: Rollup) -> str:
    table = r.wording("pain_points").head(WORDING_ROWS)
    if table.empty:
        return ""
    rows = "".join(
        f'<tr><td>{esc(row.item)}</td><td class="num">{row.maps}</td>'
        f'<td class="variants">{esc(row.variants)}</td></tr>'
        for row in table.itertuples()
    )
    return (
        '<section><h2>Pain points and how they were worded</h2><p class="hint">Items '
        "that differ only in case, punctuation, a plural or a small typo are counted "
        "together; every wording is listed with how often it was written. Maps counts each "
        "map once; the number after a wording counts every time it was written, in any stage, "
        "so it can be larger than Maps when a map names the same pain point in several "
        "stages.</p>"
        '<table class="data"><thead><tr><th>Pain point</th><th>Maps</th>'
        f"<th>Wordings grouped</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _card(i: int, label: str, entry: Entry, scores: list[float | None]) -> str:
    m = entry.journey_map
    filled = sum(1 for stage in m.stages if not stage.is_blank())
    title = esc(m.title) if m.title else "<i>no title yet</i>"
    counts = evidence_counts(m)
    evidence = (
        f" · {counts.research} from research, {counts.assumption} assumed" if counts.tagged else ""
    )
    return (
        f'<a class="card" href="#map-{i}">{sparkline(scores)}'
        f'<span class="who">{esc(label)}</span><span class="what">{title}</span>'
        f'<span class="meta">{esc(get_framework(m.framework).name)} · {filled} of '
        f"{len(m.stages)} stages{evidence}</span></a>"
    )


def _evidence_html(r: Rollup) -> str:
    """Per learner, how much of the map rests on assumptions and where (nothing when no map
    of the class tags its items)."""
    table = r.evidence()
    if not len(table) or not (table["research"] + table["assumption"]).any():
        return ""
    rows = "".join(
        f'<tr><th scope="row">{esc(row.participant)}</th><td>{row.items}</td>'
        f"<td>{row.research}</td><td>{row.assumption}</td><td>{row.untagged}</td>"
        f"<td>{'—' if row.share_assumed != row.share_assumed else f'{row.share_assumed:.0%}'}</td>"
        f"<td>{esc(row.most_assumed) or '—'}</td></tr>"
        for row in table.itertuples(index=False)
    )
    return (
        '<section id="evidence"><h2>Evidence behind each map</h2>'
        '<p class="hint">How many items of each map come from research and how many are '
        "assumptions still to check; the share counts only items that say where they come "
        "from.</p>"
        '<table class="data"><thead><tr><th>Map</th><th>Items</th><th>From research</th>'
        "<th>Assumptions</th><th>Not tagged</th><th>Share assumed</th>"
        f"<th>Most assumptions in</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _detail(i: int, label: str, entry: Entry, scores: list[float | None]) -> str:
    m = entry.journey_map
    remarks = ""
    if entry.review is not None and len(entry.review):
        remarks = (
            "<h3>Review</h3><ul>"
            + "".join(
                f"<li><b>{esc(f.level)}</b> ({esc(f.where())}): {esc(f.message)}</li>"
                for f in entry.review
            )
            + "</ul>"
        )
    who = f" · persona: {esc(m.persona.name)}" if m.persona.name else ""
    return (
        f'<section class="detail" id="map-{i}" aria-label="map of {esc(label)}">'
        f'<div class="sheet"><a class="close" href="#gallery">Close ✕</a>'
        f"<h2>{esc(label)}: {esc(m.title or 'untitled map')}</h2>"
        f"<p>{esc(get_framework(m.framework).name)}{who}</p>{sparkline(scores, big=True)}"
        f"{remarks}{table_html(m)}</div></section>"
    )


def rollup_page(r: Rollup, extra: str = "") -> str:
    """The whole debrief page of roll-up *r*, with the caller's *extra* sections before the
    gallery."""
    template, css = _templates()
    review = _review_html(r)  # reviews every map, so each map's section can list its remarks
    emotions = r.emotions()
    cards, details = [], []
    for i, (label, entry) in enumerate(r.entries(), 1):
        row = emotions.iloc[i - 1].tolist() if len(emotions.columns) else []
        scores = [None if value != value else value for value in row]  # NaN is not equal to NaN
        cards.append(_card(i, label, entry, scores))
        details.append(_detail(i, label, entry, scores))
    title = f"Class roll-up: {r.name}" if r.name else "Class roll-up"
    body = template.substitute(
        version=esc(__version__),
        title=esc(title),
        summary=_summary_html(r),
        skipped=_skipped_html(r),
        steps=_steps_html(r),
        figures=_figures_html(r),
        review=review,
        evidence=_evidence_html(r),
        rubric=_rubric_html(r),
        wordings=_wordings_html(r),
        extra=extra,
        cards="\n".join(cards) or "<p>No maps yet.</p>",
        details="\n".join(details),
    )
    return standalone_page(title, css, body)


def rollup_csv(r: Rollup) -> str:
    """The roll-up's tidy table as CSV text, cells a spreadsheet would run as formulas guarded."""
    frame = r.table()
    for column in frame.columns:
        if column not in ("framework", "stage", "lane"):  # the rest is what learners typed
            frame[column] = frame[column].map(guard_cell)
    return frame.to_csv(index=False, lineterminator="\n")
