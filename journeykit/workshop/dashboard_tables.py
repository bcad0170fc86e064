"""The dashboard's tables as HTML: who joined and how far each map is, top pain points, review.

Pure functions of a :class:`~journeykit.debrief.Rollup`; every text that came
from a participant (names, titles, items, file names) is escaped. In present
mode (``present=True``) nothing names a participant, nor lets a number be
traced back to a name: the roll-up is anonymized with numbers in a random order
(:class:`~journeykit.debrief.Rollup` ``shuffled``), rows follow those numbers,
save times are rough ("a few minutes ago"), and titles and file names are left
out (a title is the participant's name).
"""

from __future__ import annotations

import html
import time
from typing import TYPE_CHECKING

from ..catalogue import LANES
from ..figures.theme import MUTED, PAIN

if TYPE_CHECKING:
    from ..debrief import Rollup
    from ..model import JourneyMap

#: Rows of the class-wide review shown on the dashboard.
REVIEW_ROWS = 8
#: Items per step in the top pain points.
TOP_ITEMS = 3

_TABLE = "style='border-collapse:collapse;width:100%'"
_CELL = "style='padding:4px 8px;border-bottom:1px solid #D0D7DE;text-align:left'"


def progress(journey_map: JourneyMap) -> tuple[float, int]:
    """How far a map is: the share of its lanes filled in, and the stages started.

    Examples
    --------
    >>> import journeykit as jk
    >>> m = jk.JourneyMap.new("five-stage")
    >>> m.set_lane("Awareness", "touchpoints", ["Shop window"])
    >>> share, started = progress(m)
    >>> round(share * len(m.stages) * 12), started   # 1 of 12 lanes filled, 1 stage started
    (1, 1)
    """
    lanes = [spec for spec in LANES if not spec.optional]  # the blueprint's are not to do
    total = len(journey_map.stages) * len(lanes)
    gaps = journey_map.gaps()
    empty_stages = sum(1 for stage in journey_map.stages if stage.is_blank())
    return (1 - len(gaps) / total if total else 0.0), len(journey_map.stages) - empty_stages


def people_table(
    rollup: Rollup,
    *,
    present: bool,
    kept_aside: dict[str, int] | None = None,
    members: dict[str, list[str]] | None = None,
) -> str:
    """Who has joined and how far each map is, with the time each was last saved.

    *kept_aside* counts the versions kept aside beside each map (by file stem): a
    column of its own outside present mode. *members* lists who edits each team's
    map (by its file stem), under its name outside present mode.
    """
    entries = rollup.entries()
    if not entries:
        return (
            f"<p class='jk-dash-empty' style='color:{MUTED}'>Nobody has joined yet. "
            "Share the link or the QR code.</p>"
        )
    head = [
        "Participant",
        *([] if present else ["Map"]),
        "Filled in",
        "Stages started",
        "Last saved",
        *([] if present or kept_aside is None else ["Kept aside"]),
    ]
    if present:
        entries = sorted(entries, key=lambda item: _number(item[0]))
    rows = []
    for label, entry in entries:
        share, started = progress(entry.journey_map)
        stamp, mtime = _saved_at(entry.path)
        if present:
            stamp, mtime = _roughly(mtime), 0
        bar = (
            f"<div style='background:#EAEEF2;width:120px;height:10px;display:inline-block'>"
            f"<div style='background:#2DA44E;width:{round(share * 120)}px;height:10px'>"
            f"</div></div> {round(share * 100)}%"
        )
        copies = (kept_aside or {}).get(label, 0)
        team = (members or {}).get(label)
        who = ""
        if team is not None and not present:
            names = html.escape(", ".join(team) or "no members yet")
            who = f"<br><small class='jk-dash-members'>{names}</small>"
        cells = [
            html.escape(label) + who,
            *([] if present else [html.escape(entry.journey_map.title)]),
            bar,
            f"{started} of {len(entry.journey_map.stages)}",
            stamp,
            *(
                []
                if present or kept_aside is None
                else [f"<span style='color:{PAIN}'>{copies}</span>" if copies else "0"]
            ),
        ]
        saved = "" if present else f"data-mtime='{mtime}' "
        rows.append(
            f"<tr data-participant='{html.escape(label, quote=True)}' "
            f"{saved}data-filled='{round(share * 100)}'>"
            + "".join(f"<td {_CELL}>{cell}</td>" for cell in cells)
            + "</tr>"
        )
    header = "".join(f"<th {_CELL}>{name}</th>" for name in head)
    return f"<table class='jk-dash-people' {_TABLE}><tr>{header}</tr>{''.join(rows)}</table>"


def skipped_list(rollup: Rollup, *, present: bool) -> str:
    """The files of the room folder that could not be read, each with why (empty if none)."""
    if not rollup.skipped:
        return ""
    count = len(rollup.skipped)
    head = f"Skipped {count} file{'' if count == 1 else 's'} that could not be read" + (
        "." if present else ":"
    )
    items = (
        ""
        if present
        else "".join(
            f"<li data-skipped='{html.escape(item.name, quote=True)}'><b>{html.escape(item.name)}"
            f"</b>: {html.escape(item.reason)}</li>"
            for item in rollup.skipped
        )
    )
    return (
        f"<div class='jk-dash-skipped' style='color:{PAIN}'>{head}"
        f"<ul style='margin:4px 0'>{items}</ul></div>"
    )


def top_pain_points(rollup: Rollup) -> str:
    """The pain points most maps name, step by step (near-identical wordings grouped)."""
    if not len(rollup):
        return ""
    top = rollup.top("pain_points", TOP_ITEMS)
    if top.empty:
        return f"<p style='color:{MUTED}'>No pain points yet.</p>"
    parts = []
    for step, rows in top.groupby("step", sort=False, observed=True):
        items = "".join(
            f"<li>{html.escape(str(row.item))} <span style='color:{MUTED}'>"
            f"({row.maps} map{'' if row.maps == 1 else 's'})</span></li>"
            for row in rows.itertuples()
        )
        parts.append(
            f"<div style='flex:1 1 180px;min-width:0'><b>{html.escape(str(step))}"
            f"</b><ol style='margin:4px 0 8px;padding-left:1.4em'>{items}</ol></div>"
        )
    return (
        "<div class='jk-dash-pains' style='display:flex;flex-wrap:wrap;gap:12px'>"
        + "".join(parts)
        + "</div>"
    )


def review_table(rollup: Rollup, *, present: bool) -> str:
    """The class-wide review: what most maps still need, with how many maps and what to do."""
    if not len(rollup):
        return ""
    review = rollup.review()
    review = review[review["level"] != "praise"].head(REVIEW_ROWS)
    if review.empty:
        return f"<p style='color:{MUTED}'>The review finds nothing to fix in any map.</p>"
    head = ["Maps", "What the review finds", "What to do", *([] if present else ["Who"])]
    rows = []
    for row in review.itertuples():
        cells = [
            f"{row.maps} ({round(row.share * 100)}%)",
            html.escape(row.why),
            html.escape(row.fix),
            *([] if present else [html.escape(row.participants)]),
        ]
        rows.append(
            f"<tr data-rule='{html.escape(row.rule, quote=True)}'>"
            + "".join(f"<td {_CELL}>{cell}</td>" for cell in cells)
            + "</tr>"
        )
    header = "".join(f"<th {_CELL}>{name}</th>" for name in head)
    return f"<table class='jk-dash-review' {_TABLE}><tr>{header}</tr>{''.join(rows)}</table>"


def _number(label: str) -> int:
    """The number of an anonymized label ("Participant 7" -> 7)."""
    tail = label.rsplit(" ", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _roughly(mtime_ns: int, now: float | None = None) -> str:
    """When a map was saved, roughly: nobody can match a row to the moment someone typed.

    Examples
    --------
    >>> now = 1_000_000.0
    >>> [_roughly(int((now - ago) * 1e9), now) for ago in (20, 300, 3600)]
    ['in the last 2 minutes', 'a few minutes ago', 'over 10 minutes ago']
    """
    if not mtime_ns:
        return ""
    ago = (time.time() if now is None else now) - mtime_ns / 1e9
    if ago < 120:
        return "in the last 2 minutes"
    return "a few minutes ago" if ago < 600 else "over 10 minutes ago"


def _saved_at(path: object) -> tuple[str, int]:
    """The time a map file was last written (``HH:MM:SS``) and its ``st_mtime_ns``."""
    try:
        mtime = path.stat().st_mtime_ns  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return "", 0
    return time.strftime("%H:%M:%S", time.localtime(mtime / 1e9)), mtime
