"""The stage funnel: how many customers reach each stage.

The counts can be typed in (a dict, a Series, a table of ``stage`` and ``customers``) or
measured on an event log: ``jk.measure(...)`` returns a ``Measurement`` whose
``funnel()`` table has ``stage`` and ``users``; both the measurement and the table are
read here by their shape (:class:`~.shapes.MeasuredFunnel`), without importing the
analytics layer.

Examples
--------
>>> plot_funnel({"Aware": 1000, "Convert": 150, "Promote": 20}).data[0].type
'funnel'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import JourneyMapError, Problem
from . import theme
from .layout import escape, figure_width, themed_figure
from .shapes import MeasuredFunnel

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

    from .shapes import Counts, Measured


def plot_funnel(counts: Counts, width: int | None = None) -> go.Figure:
    """A stage funnel: how many customers reach each stage and what share of the first stage.

    Parameters
    ----------
    counts : dict, pandas.Series, pandas.DataFrame or Measurement
        Customers who reached each stage, first stage first: a dict
        ``{stage: count}``, a Series indexed by stage, a tidy DataFrame with
        columns ``stage`` and ``customers`` (or ``users``, as in a measured funnel),
        or a measurement from ``jk.measure`` (anything with a ``funnel()`` method).
        Each count is a whole number that is not larger than the one before it.
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
    >>> import pandas as pd
    >>> measured = pd.DataFrame({"stage": ["Awareness", "Decision"], "users": [400, 90]})
    >>> plot_funnel(measured).data[0].text
    ('400 · 100%', '90 · 22%')
    """
    import plotly.graph_objects as go

    chosen = figure_width(width, default=None)
    stages, values = funnel_rows(counts)
    first = values[0]
    shares = [percent(v / first if first else 0.0) for v in values]
    wide = [first and v / first >= 0.25 for v in values]
    funnel = go.Funnel(
        y=[escape(s) for s in stages],
        x=values,
        textinfo="text",
        text=[f"{v:,} · {p}" for v, p in zip(values, shares, strict=True)],
        textposition=["inside" if w else "outside" for w in wide],
        textfont={
            "size": theme.FONT_SIZE,
            "color": [theme.PAPER if w else theme.INK for w in wide],
        },
        marker={"color": [theme.PALETTE[0]] * (len(values) - 1) + [theme.PALETTE[1]]},
        connector={"fillcolor": theme.tint(theme.PALETTE[0], 0.15)},
        customdata=shares,
        hovertemplate="<b>%{y}</b><br>%{x:,} customers<br>%{customdata} of the first stage"
        "<extra></extra>",
    )
    return themed_figure(
        [funnel],
        f"{shares[-1]} of customers reach the last stage, {stages[-1]}",
        "Customers who reached each stage, and their share of the first stage",
        chosen,
        plot_height=max(220, 64 * len(values) + 20),
        yaxis={"fixedrange": True},
        xaxis={"fixedrange": True},
    )


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


def funnel_table(measured: Measured) -> pd.DataFrame:
    """The funnel table of a measurement (what its ``funnel()`` returns), or *measured*
    itself when it is already a table."""
    return measured.funnel() if isinstance(measured, MeasuredFunnel) else measured


def funnel_rows(given: Counts) -> tuple[list[str], list[int]]:
    """Stage names and counts from a dict, Series, tidy DataFrame or measurement, checked."""
    counts = given.funnel() if isinstance(given, MeasuredFunnel) else given
    if isinstance(counts, Mapping):
        pairs = list(counts.items())
    elif hasattr(counts, "columns"):
        column = (
            "users"
            if "users" in counts.columns and "customers" not in counts.columns
            else "customers"
        )
        missing = [c for c in ("stage", column) if c not in counts.columns]
        if missing:
            raise JourneyMapError(
                [
                    Problem(
                        "counts",
                        "the table has no column " + " or ".join(repr(c) for c in missing),
                        "give a table with the columns 'stage' and 'customers', one row per stage",
                    )
                ]
            )
        pairs = list(zip(counts["stage"], counts[column], strict=True))
    elif hasattr(counts, "items"):  # a Series indexed by stage
        pairs = list(counts.items())
    else:
        raise JourneyMapError(
            [
                Problem(
                    "counts",
                    f"expected stage counts, got {type(counts).__name__}",
                    'give a dict such as {"Aware": 1000, "Engage": 400}',
                )
            ]
        )
    if not pairs:
        raise JourneyMapError(
            [Problem("counts", "there are no stages", "give at least one stage and its count")]
        )
    problems: list[Problem] = []
    values: list[int] = []
    for stage, raw in pairs:
        value = as_count(raw)
        where = f"counts[{str(stage)!r}]"
        if value is None:
            problems.append(
                Problem(
                    where, f"{raw!r} is not a count of customers", "use a whole number of 0 or more"
                )
            )
        elif values and value > values[-1]:
            problems.append(
                Problem(
                    where,
                    f"{value} customers is more than the {values[-1]} of the stage before",
                    "count everyone who got at least this far, so no stage has more customers "
                    "than the one before it",
                )
            )
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
