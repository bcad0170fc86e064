"""Measure a journey on a log: :func:`measure` and the :class:`Measurement` it returns.

Definitions (the same on every backend):

reaching a stage
    A user reaches the first stage at their first event of it. They reach stage
    ``k`` at their first event of stage ``k`` that comes *after* the event that
    reached stage ``k-1``: later in time, or at the same time but later in the
    log (log order breaks ties). Events of a stage met earlier do not count, so
    the funnel is ordered and closed, and each user counts once per stage.
window (``within=``)
    The whole journey must fit in the window from the event that reached the first
    stage: a stage reached later than that does not count (the end is inclusive).
entering a stage
    An event of a stage whose previous claimed event (of the same user) was of
    another stage, or was none. Unclaimed events do not interrupt a visit.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import JourneyMapError, Problem
from . import _backend, queries
from .events import EventLog, read_events
from .stages import StageMap

if TYPE_CHECKING:
    import pandas as pd
    from ibis.expr.types import Table, Value

    from .events import EventSource
    from .stages import StageSpec

__all__ = ["Measurement", "measure"]

END = "(end)"


def measure(
    events: EventLog | EventSource,
    stages: StageSpec,
    *,
    framework: str | None = None,
    within: str | _dt.timedelta | None = None,
) -> Measurement:
    """Measure a journey: which stage each user of the log reaches, in order.

    Parameters
    ----------
    events : EventLog or anything :func:`read_events` reads
        The log (a path or DataFrame is read with the default column names).
    stages : dict
        Each stage, in journey order, mapped to the events that count as reaching it:
        a name, a list of names, a wildcard such as ``"view *"`` or a rule
        (:func:`prefix`, :func:`pattern`).
    framework : str, optional
        A framework id such as ``"five-stage-decision"``: the stage names must then be
        that framework's (some of them, in its order). Without it, any labels do.
    within : str or datetime.timedelta, optional
        A window such as ``"30D"``, ``"12h"``: the journey must fit in it, counted
        from the event that reached the first stage.

    Returns
    -------
    Measurement

    Raises
    ------
    JourneyMapError
        An event claimed by two stages, a stage no event of the log matches, a stage
        name not in the framework, a window that is not a duration.

    Examples
    --------
    >>> import pandas as pd
    >>> from journeykit.analytics import measure
    >>> log = pd.DataFrame({
    ...     "user_id": ["ana", "ana", "ana", "ben", "ben", "cy"],
    ...     "event": ["ad click", "browse", "purchase", "purchase", "ad click", "ad click"],
    ...     "timestamp": pd.to_datetime(["2024-05-01 10:00", "2024-05-01 10:02",
    ...                                  "2024-05-01 10:30", "2024-05-02 09:00",
    ...                                  "2024-05-02 09:05", "2024-05-03 12:00"])})
    >>> m = measure(log, {"Awareness": "ad click", "Consideration": "browse",
    ...                   "Decision": "purchase"}, framework="five-stage-decision")
    >>> m.funnel()
               stage  users  share_of_start  share_of_previous
    0      Awareness      3        1.000000           1.000000
    1  Consideration      1        0.333333           0.333333
    2       Decision      1        0.333333           1.000000
    >>> from ..errors import JourneyMapError
    >>> try:
    ...     measure(log, {"Awareness": "ad click", "Purchase": "purchase"},
    ...             framework="five-stage-decision")
    ... except JourneyMapError as err:
    ...     print(err.problems[0].where, "|", err.problems[0].fix)
    stages['Purchase'] | use the framework's stage names
    """
    log = events if isinstance(events, EventLog) else read_events(events)
    stage_map = StageMap.parse(stages, framework)
    stage_of = stage_map.resolve(log.event_counts["event"], source=log.source)
    return Measurement(
        log=log,
        stage_map=stage_map,
        stage_of=stage_of,
        within_us=_window_us(within),
        within=within,
    )


def _window_us(within: object) -> int | None:
    if within is None:
        return None
    import pandas as pd

    problem = Problem(
        "within",
        f"{within!r} is not a length of time",
        "write it like '30D' (days), '12h' (hours) or '90min'",
    )
    if isinstance(within, (int, float)) and not isinstance(within, bool):
        raise JourneyMapError(
            [
                Problem(
                    "within",
                    f"{within!r} has no unit",
                    f"write it with one, like '{within}D' for days",
                )
            ]
        )
    try:
        span = pd.Timedelta(within)
    except (ValueError, TypeError):
        raise JourneyMapError([problem]) from None
    if pd.isna(span) or span <= pd.Timedelta(0):
        raise JourneyMapError(
            [
                Problem(
                    "within",
                    f"{within!r} is not a positive length of time",
                    "give a window longer than zero, like '30D'",
                )
            ]
        )
    return int(span / pd.Timedelta(microseconds=1))


@dataclass(eq=False, kw_only=True)
class Measurement:
    """A journey measured on a log; each method answers one question with one query.

    Results are pandas DataFrames with fixed columns, in stage order, ready to
    plot (``plot_funnel`` takes ``funnel()``, a Sankey takes ``transitions()``).

    Examples
    --------
    Ana sees an ad, opens the size guide and buys; weeks later she browses and buys
    again. Ben sees an ad, browses and leaves from the home page.

    >>> import pandas as pd
    >>> from journeykit.analytics import measure
    >>> log = pd.DataFrame({
    ...     "user_id": ["ana"] * 5 + ["ben"] * 3,
    ...     "event": ["ad click", "size guide", "purchase", "browse", "purchase",
    ...               "ad click", "browse", "home page"],
    ...     "timestamp": pd.to_datetime([
    ...         "2024-05-01 10:00", "2024-05-01 10:04", "2024-05-01 10:30",
    ...         "2024-05-20 18:00", "2024-05-20 18:10",
    ...         "2024-05-02 09:00", "2024-05-02 09:01", "2024-05-02 09:02"])})
    >>> m = measure(log, {"Awareness": "ad click", "Consideration": ["browse", "size guide"],
    ...                   "Decision": "purchase"})
    >>> m.dropoff()[["from_stage", "to_stage", "dropped", "dropoff_rate"]]
          from_stage       to_stage  dropped  dropoff_rate
    0      Awareness  Consideration        0           0.0
    1  Consideration       Decision        1           0.5
    >>> m.time_to_next()[["to_stage", "users", "median"]]
            to_stage  users          median
    0  Consideration      2 0 days 00:02:30
    1       Decision      1 0 days 00:26:00
    >>> m.repeat_rate("Decision")
          stage  users  repeat_users  repeat_rate
    0  Decision      1             1          1.0
    >>> m.transitions()
          from_stage       to_stage     kind  users  moves
    0      Awareness  Consideration  forward      2      2
    1  Consideration       Decision  forward      1      2
    2  Consideration          (end)      end      1      1
    3       Decision  Consideration     back      1      1
    4       Decision          (end)      end      1      1
    >>> m.unmapped()
           event  events  users
    0  home page       1      1
    >>> "ROW_NUMBER()" in m.sql()
    True
    """

    log: EventLog
    stage_map: StageMap
    stage_of: dict[str, int]
    within_us: int | None = None
    within: str | _dt.timedelta | None = None  # as given to measure(), for the repr
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def stages(self) -> list[str]:
        """The stage names, in journey order."""
        return list(self.stage_map.names)

    def _args(self) -> tuple[Any, ...]:
        return (self.log.table, self.stage_of, len(self.stages), self.within_us, self.log.backend)

    def _run(self, key: str, expr: Table | Value, what: str) -> pd.DataFrame:
        if key not in self._cache:
            self._cache[key] = _backend.execute(expr, self.log.source, what)
        return self._cache[key].copy()

    def mapping(self) -> pd.DataFrame:
        """Which event names of the log count for which stage (``stage``, ``event``, ``events``)."""
        import pandas as pd

        counts = dict(
            zip(self.log.event_counts["event"], self.log.event_counts["events"], strict=True)
        )
        rows = [(self.stages[i], name, int(counts[name])) for name, i in self.stage_of.items()]
        return pd.DataFrame(rows, columns=["stage", "event", "events"])

    def funnel(self) -> pd.DataFrame:
        """Users reaching each stage, in order (``stage``, ``users``, ``share_of_start``,
        ``share_of_previous``); the first stage's shares are 1.
        """
        import numpy as np
        import pandas as pd

        got = self._run("funnel", queries.funnel(*self._args()), "the funnel")
        users = dict(zip(got["stage"].astype(int), got["users"].astype("int64"), strict=True))
        counts = np.array([users.get(i, 0) for i in range(len(self.stages))], dtype="int64")
        previous = np.concatenate([[counts[0]], counts[:-1]])
        with np.errstate(divide="ignore", invalid="ignore"):
            of_start = np.where(counts[0] > 0, counts / max(counts[0], 1), 0.0)
            of_previous = np.where(previous > 0, counts / np.maximum(previous, 1), 0.0)
        return pd.DataFrame(
            {
                "stage": self.stages,
                "users": counts,
                "share_of_start": of_start.astype(float),
                "share_of_previous": of_previous.astype(float),
            }
        )

    def dropoff(self) -> pd.DataFrame:
        """Who stops between each stage and the next (``from_stage``, ``to_stage``,
        ``reached``, ``continued``, ``dropped``, ``dropoff_rate``); no query of its own.
        """
        import pandas as pd

        f = self.funnel()
        reached, continued = f["users"].to_numpy()[:-1], f["users"].to_numpy()[1:]
        dropped = reached - continued
        rate = [d / r if r else 0.0 for d, r in zip(dropped, reached, strict=True)]
        return pd.DataFrame(
            {
                "from_stage": self.stages[:-1],
                "to_stage": self.stages[1:],
                "reached": reached,
                "continued": continued,
                "dropped": dropped,
                "dropoff_rate": pd.Series(rate, dtype=float),
            }
        )

    def time_to_next(self) -> pd.DataFrame:
        """How long users take from one stage to the next (``from_stage``, ``to_stage``,
        ``users``, ``median``, ``p90`` as Timedeltas; linear interpolation).

        On a backend without exact percentiles (SQLite) the waits are fetched and the
        percentiles computed in pandas, with the same definition.
        """
        import numpy as np
        import pandas as pd

        if len(self.stages) < 2:
            return _empty_waits()
        waits = queries.waits(*self._args())
        summary = queries.wait_summary(waits)
        if _backend.compiles(summary, self.log.backend):
            got = self._run("waits", summary, "the time between stages")
        else:
            raw = self._run("waits_raw", waits, "the time between stages")
            got = (
                raw.groupby("stage")["wait_us"]
                .agg(users="count", median_us="median", p90_us=lambda s: s.quantile(0.9))
                .reset_index()
            )
        by_stage = {int(r.stage): r for r in got.itertuples()}
        rows = []
        for i in range(1, len(self.stages)):
            r = by_stage.get(i)
            users = int(r.users) if r is not None else 0
            med = float(r.median_us) if r is not None and users else np.nan
            p90 = float(r.p90_us) if r is not None and users else np.nan
            rows.append((self.stages[i - 1], self.stages[i], users, med, p90))
        out = pd.DataFrame(rows, columns=["from_stage", "to_stage", "users", "median", "p90"])
        for col in ("median", "p90"):
            out[col] = pd.to_timedelta(out[col].round(), unit="us")
        return out.astype({"users": "int64"})

    def repeat_rate(self, stage: str | None = None) -> pd.DataFrame:
        """Share of users who enter a stage again after reaching it (re-purchase).

        Counts, for each user who reached the stage, their entries into it from the
        event that reached it on (within the window, if any); two or more is a repeat.
        Columns: ``stage``, ``users`` (reached it), ``repeat_users``, ``repeat_rate``.
        Without ``stage``, one row per stage.
        """
        import pandas as pd

        if stage is not None and stage not in self.stages:
            from ._sources import closest

            near = closest(str(stage), self.stages)
            raise JourneyMapError(
                [
                    Problem(
                        "stage",
                        f"{stage!r} is not one of the measured stages ({', '.join(self.stages)})",
                        f"write {near!r}, the closest one"
                        if near
                        else "use one of the measured stages",
                    )
                ]
            )
        got = self._run("repeats", queries.repeats(*self._args()), "the repeat rate")
        by_stage = {int(r.stage): r for r in got.itertuples()}
        rows = []
        for i, name in enumerate(self.stages):
            r = by_stage.get(i)
            users = int(r.users) if r is not None else 0
            again = int(r.repeat_users) if r is not None and users else 0
            rows.append((name, users, again, again / users if users else 0.0))
        out = pd.DataFrame(rows, columns=["stage", "users", "repeat_users", "repeat_rate"])
        if stage is not None:
            out = out[out["stage"] == stage].reset_index(drop=True)
        return out

    def transitions(self) -> pd.DataFrame:
        """Moves between consecutive stage visits in each journey, for a Sankey.

        A journey starts at the event that reached the first stage (and ends at the
        window, if any); repeated events of one stage form one visit. Columns:
        ``from_stage``, ``to_stage`` (``"(end)"`` where journeys end), ``kind``
        (``forward``, ``skip``, ``back``, ``end``), ``users`` (making that move at least
        once), ``moves`` (all such moves); sorted in stage order.
        """
        import pandas as pd

        got = self._run("transitions", queries.transitions(*self._args()), "the transitions")
        rows = []
        for r in got.itertuples():
            src = int(r.s)
            dst = None if pd.isna(r.to) else int(r.to)
            kind = (
                "end"
                if dst is None
                else "forward"
                if dst == src + 1
                else "skip"
                if dst > src
                else "back"
            )
            rows.append(
                (
                    src,
                    len(self.stages) if dst is None else dst,
                    self.stages[src],
                    END if dst is None else self.stages[dst],
                    kind,
                    int(r.users),
                    int(r.moves),
                )
            )
        rows.sort()
        return pd.DataFrame(
            [r[2:] for r in rows], columns=["from_stage", "to_stage", "kind", "users", "moves"]
        ).astype({"users": "int64", "moves": "int64"})

    def unmapped(self) -> pd.DataFrame:
        """Events no stage claims (``event``, ``events``, ``users``), most frequent first."""
        got = self._run(
            "unmapped", queries.unmapped(self.log.table, self.stage_of), "the unmapped events"
        )
        got = got.astype({"events": "int64", "users": "int64"})
        return got.sort_values(["events", "event"], ascending=[False, True]).reset_index(drop=True)[
            ["event", "events", "users"]
        ]

    def sql(self, question: str = "funnel") -> str:
        """The SQL of one question's query (``funnel``, ``time_to_next``, ``repeat_rate``,
        ``transitions`` or ``unmapped``), in the backend's own dialect, to learn from.
        """
        ibis = _backend.ibis_module()
        builders = {
            "funnel": lambda: queries.funnel(*self._args()),
            "time_to_next": lambda: queries.wait_summary(queries.waits(*self._args())),
            "repeat_rate": lambda: queries.repeats(*self._args()),
            "transitions": lambda: queries.transitions(*self._args()),
            "unmapped": lambda: queries.unmapped(self.log.table, self.stage_of),
        }
        if question not in builders:
            raise JourneyMapError(
                [
                    Problem(
                        "question",
                        f"{question!r} is not a question with a query",
                        "use one of " + ", ".join(builders),
                    )
                ]
            )
        text = str(ibis.to_sql(builders[question](), dialect=self.log.backend))
        if self.log.definition:  # where the events table comes from, as a comment
            note = "\n".join("-- " + line for line in self.log.definition.splitlines())
            text = f"-- The events table:\n{note}\n{text}"
        return text

    def __repr__(self) -> str:
        frame = f" ({self.stage_map.framework})" if self.stage_map.framework else ""
        window = f", within {self.within}" if self.within is not None else ""
        return (
            f"Measurement: {len(self.stages)} stages{frame}: {' > '.join(self.stages)}"
            f"{window}; {len(self.stage_of)} event names claimed; {self.log!r}"
        )


def _empty_waits() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            "from_stage": pd.Series(dtype=str),
            "to_stage": pd.Series(dtype=str),
            "users": pd.Series(dtype="int64"),
            "median": pd.Series(dtype="timedelta64[us]"),
            "p90": pd.Series(dtype="timedelta64[us]"),
        }
    )
