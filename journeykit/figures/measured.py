"""What an event log says about each stage, read for the figures: counts, shares, waits.

The figures layer never imports :mod:`journeykit.analytics` (both are layer 4), so a
measurement is read by its shape (:mod:`.shapes`): anything with a ``funnel()`` method
that returns a table with ``stage`` and ``users`` (``jk.measure``'s ``Measurement``),
and, when it has them, ``time_to_next()`` and ``repeat_rate()``. A funnel table itself
(``stage`` and ``users`` columns, one row per stage in journey order) works too.

Examples
--------
>>> import pandas as pd
>>> rows = stage_figures(pd.DataFrame({"stage": ["Aware", "Buy"], "users": [200, 50]}))
>>> [(r.stage, r.users, r.share_of_previous, r.dropoff_rate) for r in rows]
[('Aware', 200, None, 0.75), ('Buy', 50, 0.25, None)]
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import JourneyMapError, Problem
from . import theme
from .funnel import funnel_table, percent
from .layout import escape, wrap
from .shapes import MeasuredStages

if TYPE_CHECKING:
    import pandas as pd

    from .shapes import Measured


@dataclass(frozen=True, kw_only=True)
class StageFigures:
    """The measured figures of one stage, as plain numbers (None where there is none)."""

    stage: str
    users: int
    share_of_previous: float | None  # None for the first stage
    dropoff_rate: float | None  # the share who go no further; None for the last stage
    median_to_next: float | None = None  # seconds to the next stage
    repeat_rate: float | None = None  # the share who come back to the stage


def _records(table: pd.DataFrame, what: str, needed: tuple[str, ...]) -> list[dict[str, Any]]:
    columns = [str(c) for c in getattr(table, "columns", [])]
    missing = [c for c in needed if c not in columns]
    if missing or not hasattr(table, "to_dict"):
        raise JourneyMapError(
            [
                Problem(
                    what,
                    "expected a table with the columns "
                    + ", ".join(repr(c) for c in needed)
                    + (f" (it has {', '.join(columns)})" if columns else ""),
                    "pass the Measurement from jk.measure(...), or its funnel() table",
                )
            ]
        )
    return list(table.to_dict("records"))


def _seconds(value: Any) -> float | None:
    """A duration (a pandas Timedelta, a number of seconds) in seconds; None if missing."""
    if value is None:
        return None
    seconds = value.total_seconds() if hasattr(value, "total_seconds") else float(value)
    return None if math.isnan(seconds) else seconds


def stage_figures(measured: Measured) -> list[StageFigures]:
    """One :class:`StageFigures` per measured stage, in journey order.

    Raises
    ------
    JourneyMapError
        If *measured* is neither a measurement nor a table with ``stage`` and ``users``.
    """
    rows = _records(funnel_table(measured), "measured", ("stage", "users"))
    if not rows:
        raise JourneyMapError(
            [
                Problem(
                    "measured",
                    "the measurement has no stages",
                    "measure at least one stage with jk.measure",
                )
            ]
        )
    users = [int(r["users"]) for r in rows]
    waits: dict[str, float | None] = {}
    repeats: dict[str, float] = {}
    if isinstance(measured, MeasuredStages):
        for r in _records(measured.time_to_next(), "time_to_next()", ("from_stage", "median")):
            waits[str(r["from_stage"])] = _seconds(r["median"])
        for r in _records(measured.repeat_rate(), "repeat_rate()", ("stage", "repeat_rate")):
            repeats[str(r["stage"])] = float(r["repeat_rate"])
    out = []
    for i, row in enumerate(rows):
        name = str(row["stage"])
        before = users[i - 1] if i else None
        after = users[i + 1] if i + 1 < len(users) else None
        out.append(
            StageFigures(
                stage=name,
                users=users[i],
                share_of_previous=None
                if before is None
                else (users[i] / before if before else 0.0),
                dropoff_rate=None
                if after is None
                else ((users[i] - after) / users[i] if users[i] else 0.0),
                median_to_next=waits.get(name),
                repeat_rate=repeats.get(name),
            )
        )
    return out


def biggest_drop(rows: list[StageFigures]) -> str | None:
    """The stage after which the largest share of its users goes no further (first if tied).

    Examples
    --------
    >>> def stage(name, users, share, drop):
    ...     return StageFigures(stage=name, users=users, share_of_previous=share,
    ...                         dropoff_rate=drop)
    >>> biggest_drop([stage("A", 10, None, 0.5), stage("B", 5, 0.5, 0.8), stage("C", 1, 0.2, None)])
    'B'
    """
    rates = [
        (r.dropoff_rate, -i, r.stage)
        for i, r in enumerate(rows)
        if r.dropoff_rate is not None and r.users
    ]
    return max(rates)[2] if rates else None


def duration_text(seconds: float) -> str:
    """A duration for people: ``40 s``, ``12 min``, ``3.5 h``, ``2 days``.

    Examples
    --------
    >>> duration_text(42), duration_text(150), duration_text(5400), duration_text(86400 * 3.2)
    ('42 s', '2.5 min', '1.5 h', '3.2 days')
    >>> duration_text(86400), duration_text(86400 * 2)
    ('24 h', '2 days')
    """
    for unit, size, limit in (("s", 1, 90), ("min", 60, 90 * 60), ("h", 3600, 36 * 3600)):
        if seconds < limit:
            return f"{_short(seconds / size)} {unit}"
    return f"{_short(seconds / 86400)} days"


def _short(value: float) -> str:
    """A number with one decimal when it is small, none when it is large."""
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".removesuffix(".0")


@dataclass(frozen=True)
class MeasuredCell:
    """One cell of the map's Measured row: wrapped lines, hover text and how to colour it."""

    lines: list[str]
    hover: str
    state: int  # MEASURED, NOT_MEASURED or BIGGEST_DROP


MEASURED, NOT_MEASURED, BIGGEST_DROP = 0, 1, 2


def measured_cells(stage_names: list[str], measured: Measured, width: float) -> list[MeasuredCell]:
    """The Measured row of a journey map: one cell per stage of the map.

    Each measured stage says how many users reached it, what share of the stage before
    that is, what share goes no further, the median time to the next stage and the share
    who come back; the stage after which the largest share goes no further is marked.
    Text is wrapped to *width* pixels at the small font size and escaped.

    Raises
    ------
    JourneyMapError
        If a measured stage is not a stage of the map.

    Examples
    --------
    >>> import pandas as pd
    >>> cells = measured_cells(["Aware", "Buy", "Stay"], pd.DataFrame(
    ...     {"stage": ["Aware", "Buy"], "users": [200, 50]}), 200)
    >>> cells[1].lines
    ['<b>50 reach it</b>', '25% of the stage before']
    >>> [c.state == BIGGEST_DROP for c in cells], "not measured" in cells[2].lines[0]
    ([True, False, False], True)
    """
    rows = stage_figures(measured)
    unknown = [r.stage for r in rows if r.stage not in stage_names]
    if unknown:
        problems = []
        for name in unknown:
            near = difflib.get_close_matches(name, stage_names, n=1)
            problems.append(
                Problem(
                    f"measured stage {name!r}",
                    f"the map has no stage {name!r} (its stages: {', '.join(stage_names)})",
                    f"measure with the map's stage names, e.g. {near[0]!r}"
                    if near
                    else "measure with the map's stage names, e.g. framework=the map's framework",
                )
            )
        raise JourneyMapError(problems)
    by_stage = {r.stage: r for r in rows}
    marked = biggest_drop(rows)
    cells = []
    for name in stage_names:
        r = by_stage.get(name)
        if r is None:
            cells.append(
                MeasuredCell(
                    [f"<span style='color:{theme.MUTED}'>not measured</span>"],
                    f"<b>Measured</b> · {escape(name)}<br>Not measured: add this stage to the "
                    "stage map given to jk.measure",
                    NOT_MEASURED,
                )
            )
            continue
        said = [(f"{r.users:,} reach it", f"{r.users:,} users reached it in order")]
        shown = [  # (value, how to write it, the cell's words, the hover's words)
            (
                r.share_of_previous,
                percent,
                "{} of the stage before",
                "{} of those who reached the stage before",
            ),
            (r.dropoff_rate, percent, "{} go no further", "{} of them reached no further stage"),
            (
                r.median_to_next,
                duration_text,
                "median {} to the next",
                "half of those who went on took {} or less to reach the next stage",
            ),
            (r.repeat_rate, percent, "{} come back", "{} came back to this stage after leaving it"),
        ]
        said += [
            (short.format(write(value)), long.format(write(value)))
            for value, write, short, long in shown
            if value is not None
        ]
        lines = []
        for k, (text, _) in enumerate(said):
            wrapped = wrap(text, width, size=theme.SMALL_SIZE)
            lines += [f"<b>{line}</b>" for line in wrapped] if k == 0 else wrapped
        hover = f"<b>Measured</b> · {escape(name)}<br>" + "<br>".join(
            escape(long) for _, long in said
        )
        if name == marked:
            lines.append(f"<span style='color:{theme.PAIN}'>▼ biggest drop</span>")
            hover += "<br><b>The biggest drop of the journey</b>: read this stage's pain points"
        cells.append(MeasuredCell(lines, hover, BIGGEST_DROP if name == marked else MEASURED))
    return cells
