"""Measure a journey on a log: :func:`measure` and the :class:`Measurement` it returns.

Definitions (the same on every backend):

journey
    Each user's events (``count="users"``, the default), or each session's
    (``count="sessions"``: a user's events split where they pause longer than a gap,
    30 minutes unless told, or grouped by a session-id column).
reaching a stage (``order=``)
    A journey reaches the first stage at its first event of it. With
    ``order="ordered"`` (the default) it reaches stage ``k`` at its first event of stage
    ``k`` that comes *after* the event that reached stage ``k-1``: later in time, or at
    the same time but later in the log (log order breaks ties); other events may come
    between. Events of a stage met earlier do not count, so the funnel is ordered and
    closed, and each journey counts once per stage. With ``order="strict"`` the event
    that reaches stage ``k`` must be the journey's very next event after it, of any
    kind, claimed by a stage or not. With ``order="any"`` a journey reaches stage ``k``
    when it has events of every stage up to ``k``, in any order; each stage is reached
    at its first event.
window (``within=``, ``step_within=``)
    The whole journey must fit in ``within`` from the event that reached the first
    stage, and each step in its own ``step_within`` from the event that reached the
    stage before: a stage reached later does not count (the end is inclusive). In any
    order, the stages must all fall in one window of ``within`` (the earliest window
    that holds the most stages); steps have no order, so no step windows.
first touch (``breakdown=``)
    A breakdown splits the journeys by the value a column has on the event that
    reached the first stage (its channel, device, persona tag...).
entering a stage
    An event of a stage whose previous claimed event (of the same journey) was of
    another stage, or was none. Unclaimed events do not interrupt a visit.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
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
    step_within: Any = None,
    order: str = "ordered",
    count: str = "users",
    session: str | _dt.timedelta | None = None,
) -> Measurement:
    """Measure a journey: which stage each user (or session) of the log reaches, in order.

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
    step_within : str, timedelta or dict, optional
        A window for each step: one length for every step, or a dict from a stage
        name to the longest wait from the stage before it (``{"Decision": "1h"}``).
    order : {"ordered", "strict", "any"}
        How the stages follow each other: in order with other events between (default),
        strictly one right after the other, or in any order.
    count : {"users", "sessions"}
        What a journey is: all of a user's events, or one session of them.
    session : str or timedelta, optional
        With ``count="sessions"``: the gap that ends a session (default ``"30min"``),
        or the name of a column of the log that holds a session id.

    Returns
    -------
    Measurement

    Raises
    ------
    JourneyMapError
        An event claimed by two stages, a stage no event of the log matches, a stage
        name not in the framework, a window that is not a duration, an option that
        does not exist.

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
    >>> measure(log, {"Ad": "ad click", "Buy": "purchase"}, order="any").funnel()["users"].tolist()
    [3, 2]
    >>> measure(log, {"Ad": "ad click", "Buy": "purchase"}, step_within="20min").funnel()[
    ...     "users"].tolist()
    [3, 0]
    >>> from ..errors import JourneyMapError
    >>> try:
    ...     measure(log, {"Awareness": "ad click", "Purchase": "purchase"},
    ...             framework="five-stage-decision")
    ... except JourneyMapError as err:
    ...     print(err.problems[0].where, "|", err.problems[0].fix)
    stages['Purchase'] | use the framework's stage names
    """
    if order not in queries.ORDERS:
        raise JourneyMapError(
            [
                Problem(
                    "order",
                    f"{order!r} is not an order",
                    "use order='ordered' (other events may come between the stages), "
                    "'strict' (each stage right after the one before) or 'any'",
                )
            ]
        )
    if count not in COUNTS:
        raise JourneyMapError(
            [
                Problem(
                    "count", f"{count!r} is not what a funnel counts", "use 'users' or 'sessions'"
                )
            ]
        )
    log = events if isinstance(events, EventLog) else read_events(events)
    stage_map = StageMap.parse(stages, framework)
    steps = _step_windows(step_within, stage_map.names, order)
    gap = _session(session, count, log)
    literal = None if log.counted else stage_map.literal_names()
    if literal is None:
        stage_of = stage_map.resolve(log.event_counts["event"], source=log.source)
    else:  # a big log, plain names: the first question checks them in its own pass
        stage_of = literal
    return Measurement(
        log=log,
        stage_map=stage_map,
        stage_of=stage_of,
        within_us=_window_us(within),
        within=within,
        order=order,
        step_within_us=steps,
        count=count,
        session=gap,
        unverified=tuple(literal or ()),
    )


#: What a journey is, by the name of what a funnel counts.
COUNTS = ("users", "sessions")
#: A session ends after this long without an event, unless ``session=`` says otherwise.
SESSION_GAP = "30min"


def _step_windows(step_within: Any, names: tuple[str, ...], order: str) -> tuple[int | None, ...]:
    """``step_within`` as microseconds per stage index (index 0 unused), checked."""
    if step_within is None:
        return ()
    if order == "any":
        raise JourneyMapError(
            [
                Problem(
                    "step_within",
                    "in any order the stages have no steps between them",
                    "use order='ordered' or 'strict' for windows per step, or within= for "
                    "one window around the whole journey",
                )
            ]
        )
    if not isinstance(step_within, Mapping):
        return (None, *[_window_us(step_within, "step_within")] * (len(names) - 1))
    problems = []
    for name in step_within:
        if name not in names:
            from ._sources import closest

            near = closest(str(name), list(names[1:]))
            problems.append(
                Problem(
                    f"step_within[{name!r}]",
                    f"{name!r} is not one of the measured stages ({', '.join(names)})",
                    f"write {near!r}, the closest one" if near else "use a stage name",
                )
            )
        elif name == names[0]:
            problems.append(
                Problem(
                    f"step_within[{name!r}]",
                    "the first stage has no step before it",
                    f"give the window to the stage it leads to, such as {names[1:2] or names}",
                )
            )
    if problems:
        raise JourneyMapError(problems)
    return tuple(
        None
        if i == 0 or name not in step_within
        else _window_us(step_within[name], f"step_within[{name!r}]")
        for i, name in enumerate(names)
    )


def _session(session: Any, count: str, log: EventLog) -> int | str | None:
    """The session option as queries take it: None, a gap in microseconds, or a column."""
    if count == "users":
        if session is not None:
            raise JourneyMapError(
                [
                    Problem(
                        "session",
                        "sessions only matter when counting them",
                        "add count='sessions', or leave session= out",
                    )
                ]
            )
        return None
    if isinstance(session, str) and session in log.extras:
        return session
    try:
        return _window_us(SESSION_GAP if session is None else session, "session")
    except JourneyMapError:
        from ._sources import closest

        near = closest(str(session), list(log.extras))
        raise JourneyMapError(
            [
                Problem(
                    "session",
                    f"{session!r} is neither a length of time nor a column of the log",
                    "give the gap that ends a session, like '30min', or a session-id column"
                    + (f" such as {near!r}" if near else ""),
                )
            ]
        ) from None


def _window_us(within: object, where: str = "within") -> int | None:
    if within is None:
        return None
    import pandas as pd

    problem = Problem(
        where,
        f"{within!r} is not a length of time",
        "write it like '30D' (days), '12h' (hours) or '90min'",
    )
    if isinstance(within, (int, float)) and not isinstance(within, bool):
        raise JourneyMapError(
            [
                Problem(
                    where,
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
                    where,
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
    order: str = "ordered"
    step_within_us: tuple[int | None, ...] = ()
    count: str = "users"
    session: int | str | None = None
    unverified: tuple[str, ...] = ()  # names not yet looked for in a big log
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def stages(self) -> list[str]:
        """The stage names, in journey order."""
        return list(self.stage_map.names)

    @property
    def unit(self) -> str:
        """What the counts count: ``"users"`` or ``"sessions"``."""
        return self.count

    def _plan(self) -> queries.Plan:
        log = self.log  # read each time: a question may have finished checking the log
        return queries.Plan(
            log.table,
            self.stage_of,
            len(self.stages),
            self.within_us,
            self.step_within_us,
            self.order,
            self.session,
            log.backend,
            log.checked,
            self.unverified,
        )

    def _run(
        self,
        key: str,
        expr: Table | Value,
        what: str,
        marker: str = "stage",
        counted: str = "users",
    ) -> pd.DataFrame:
        """Run a question's query once (then from the cache); report the bad rows its pass
        found in a log checked only in part (the rows ``marker`` -1 and -2 carry)."""
        if key not in self._cache:
            names = self.unverified
            got = _backend.execute(expr, self.log.source, what, self.log.backend)
            found: dict[int, int] = {}
            if marker in got.columns and len(got) and (got[marker] < 0).any():
                bad = got[got[marker] < 0]
                found = {int(m): int(n) for m, n in zip(bad[marker], bad[counted], strict=True)}
                got = got[got[marker] >= 0].reset_index(drop=True)
            self.log.settle(found.get(-1, 0), found.get(-2, 0), stacklevel=4)
            self._verify(names, {names[queries.NAMES - c] for c in found if c <= queries.NAMES})
            self._cache[key] = got
        return self._cache[key].copy()

    def _verify(self, names: tuple[str, ...], seen: set[str]) -> None:
        """After a question's pass counted the stage map's names: if one is missing from
        the log, report it as :func:`measure` does with a log whose names it knows."""
        if not names:
            return
        if set(names) - seen:  # a typo, or an event this log lacks: say so, with suggestions
            self.stage_map.resolve(self.log.event_counts["event"], self.log.source, stacklevel=5)
        self.unverified = ()

    def _segment(self, breakdown: str | None) -> str | None:
        """Check a breakdown column: the log must carry it (or it is ``event``)."""
        if breakdown is None:
            return None
        allowed = ["event", *self.log.extras]
        if breakdown in allowed and breakdown not in ("stage", "from_stage", "to_stage", self.unit):
            return breakdown
        from ._sources import closest

        near = closest(str(breakdown), allowed)
        listed = ", ".join(self.log.extras) or "none besides user, event and time"
        raise JourneyMapError(
            [
                Problem(
                    "breakdown",
                    f"the log has no column {breakdown!r} to break the journeys down by "
                    f"(its other columns: {listed})",
                    f"write {near!r}, the closest one"
                    if near
                    else "read a log with a column such as a channel, a device or a persona "
                    "tag, or use 'event' (the event that started each journey)",
                )
            ],
            source=self.log.source,
        )

    def mapping(self) -> pd.DataFrame:
        """Which event names of the log count for which stage (``stage``, ``event``, ``events``)."""
        import pandas as pd

        counts = dict(
            zip(self.log.event_counts["event"], self.log.event_counts["events"], strict=True)
        )
        rows = [(self.stages[i], name, int(counts[name])) for name, i in self.stage_of.items()]
        return pd.DataFrame(rows, columns=["stage", "event", "events"])

    def funnel(self, breakdown: str | None = None) -> pd.DataFrame:
        """Users (or sessions) reaching each stage, in order (``stage``, ``users``,
        ``share_of_start``, ``share_of_previous``); the first stage's shares are 1.

        With ``breakdown``, a column of the log (such as a channel, a device or a persona
        tag), one funnel per value the column has on the event that reached the first
        stage (first touch), in a first column named after it: segments with the most
        journeys first, a missing value as ``"(none)"``. ``jk.plot_funnel`` draws it as
        grouped bars.
        """
        column = self._segment(breakdown)
        key = f"funnel:{column}"
        got = self._run(key, queries.funnel(self._plan(), column), "the funnel", counted="n")
        if column is None:
            return self._shares(got, None)
        got["b"] = got["b"].fillna(NO_VALUE)
        first = got[got["stage"] == 0].set_index("b")["n"]
        segments = sorted(first.index, key=lambda b: (b == NO_VALUE, -int(first[b]), str(b)))
        parts = [self._shares(got[got["b"] == b], (column, b)) for b in segments]
        import pandas as pd

        out = pd.concat(parts, ignore_index=True) if parts else self._shares(got[:0], (column, ""))
        out.attrs["breakdown"] = column
        return out

    def _shares(self, got: pd.DataFrame, segment: tuple[str, Any] | None) -> pd.DataFrame:
        import numpy as np
        import pandas as pd

        users = dict(zip(got["stage"].astype(int), got["n"].astype("int64"), strict=True))
        counts = np.array([users.get(i, 0) for i in range(len(self.stages))], dtype="int64")
        previous = np.concatenate([[counts[0]], counts[:-1]])
        with np.errstate(divide="ignore", invalid="ignore"):
            of_start = np.where(counts[0] > 0, counts / max(counts[0], 1), 0.0)
            of_previous = np.where(previous > 0, counts / np.maximum(previous, 1), 0.0)
        columns = {} if segment is None else {segment[0]: [segment[1]] * len(self.stages)}
        return pd.DataFrame(
            {
                **columns,
                "stage": self.stages,
                self.unit: counts,
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
        reached, continued = f[self.unit].to_numpy()[:-1], f[self.unit].to_numpy()[1:]
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

    def time_to_next(self, breakdown: str | None = None) -> pd.DataFrame:
        """How long journeys take from one stage to the next: the median time to convert
        per step (``from_stage``, ``to_stage``, ``users``, ``median``, ``p90`` as
        Timedeltas; linear interpolation), and with ``breakdown`` one set per segment.

        On a backend without exact percentiles (SQLite) the waits are fetched and the
        percentiles computed in pandas, with the same definition. In any order the
        stages have no steps, so there is no time between them to measure.
        """
        import pandas as pd

        if self.order == "any":
            raise JourneyMapError(
                [
                    Problem(
                        "time_to_next",
                        "in any order a journey's stages have no order, so no time between them",
                        "measure with order='ordered' or 'strict' to time each step",
                    )
                ]
            )
        column = self._segment(breakdown)
        if len(self.stages) < 2:
            empty = _empty_waits(self.unit)
            if column is not None:
                empty.insert(0, column, pd.Series(dtype=str))
            return empty
        plan = self._plan()
        waits = queries.waits(plan, column)
        summary = queries.wait_summary(plan, waits, by=column is not None)
        if _backend.compiles(summary, self.log.backend):
            got = self._run(f"waits:{column}", summary, "the time between stages")
        else:
            raw = self._run(
                f"waits_raw:{column}", waits, "the time between stages", counted="wait_us"
            )
            groups = ["stage"] if column is None else ["b", "stage"]
            got = (
                raw.groupby(groups)["wait_us"]
                .agg(users="count", median_us="median", p90_us=lambda s: s.quantile(0.9))
                .reset_index()
            )
        if column is None:
            return self._waits(got, None)
        got["b"] = got["b"].fillna(NO_VALUE)
        order = self.funnel(column)[column].drop_duplicates().tolist()
        out = pd.concat(
            [self._waits(got[got["b"] == b], (column, b)) for b in order], ignore_index=True
        )
        out.attrs["breakdown"] = column
        return out

    def _waits(self, got: pd.DataFrame, segment: tuple[str, Any] | None) -> pd.DataFrame:
        import numpy as np
        import pandas as pd

        by_stage = {int(r.stage): r for r in got.itertuples()}
        rows = []
        for i in range(1, len(self.stages)):
            r = by_stage.get(i)
            users = int(r.users) if r is not None else 0
            med = float(r.median_us) if r is not None and users else np.nan
            p90 = float(r.p90_us) if r is not None and users else np.nan
            rows.append((self.stages[i - 1], self.stages[i], users, med, p90))
        out = pd.DataFrame(rows, columns=["from_stage", "to_stage", self.unit, "median", "p90"])
        for col in ("median", "p90"):
            out[col] = pd.to_timedelta(out[col].round(), unit="us")
        if segment is not None:
            out.insert(0, segment[0], segment[1])
        return out.astype({self.unit: "int64"})

    def repeat_rate(self, stage: str | None = None) -> pd.DataFrame:
        """Share of users (or sessions) who enter a stage again after reaching it.

        Counts, for each journey that reached the stage, its entries into it from the
        event that reached it on (within the window, if any); two or more is a repeat.
        Columns: ``stage``, ``users`` (reached it), ``repeat_users``, ``repeat_rate``
        (``sessions`` and ``repeat_sessions`` when counting sessions). Without
        ``stage``, one row per stage.
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
        got = self._run("repeats", queries.repeats(self._plan()), "the repeat rate")
        by_stage = {int(r.stage): r for r in got.itertuples()}
        rows = []
        for i, name in enumerate(self.stages):
            r = by_stage.get(i)
            users = int(r.users) if r is not None else 0
            again = int(r.repeat_users) if r is not None and users else 0
            rows.append((name, users, again, again / users if users else 0.0))
        out = pd.DataFrame(rows, columns=["stage", self.unit, f"repeat_{self.unit}", "repeat_rate"])
        if stage is not None:
            out = out[out["stage"] == stage].reset_index(drop=True)
        return out

    def transitions(self) -> pd.DataFrame:
        """Moves between consecutive stage visits in each journey, for a Sankey.

        A journey starts at the event that reached the first stage (and ends at the
        window, if any); repeated events of one stage form one visit. Columns:
        ``from_stage``, ``to_stage`` (``"(end)"`` where journeys end), ``kind``
        (``forward``, ``skip``, ``back``, ``end``), ``users`` (making that move at least
        once; ``sessions`` when counting sessions), ``moves`` (all such moves); sorted
        in stage order.
        """
        import pandas as pd

        got = self._run(
            "transitions", queries.transitions(self._plan()), "the transitions", marker="s"
        )
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
            [r[2:] for r in rows], columns=["from_stage", "to_stage", "kind", self.unit, "moves"]
        ).astype({self.unit: "int64", "moves": "int64"})

    def unmapped(self) -> pd.DataFrame:
        """Events no stage claims (``event``, ``events``, ``users``), most frequent first."""
        got = self._run("unmapped", queries.unmapped(self._plan()), "the unmapped events")
        if not self.log.checked:
            self.log.settle(int(got["no_time"].sum()), int(got["no_user"].sum()), stacklevel=3)
        got = got[got["events"] > 0].astype({"events": "int64", "users": "int64"})
        return got.sort_values(["events", "event"], ascending=[False, True]).reset_index(drop=True)[
            ["event", "events", "users"]
        ]

    def sql(self, question: str = "funnel") -> str:
        """The SQL of one question's query (``funnel``, ``time_to_next``, ``repeat_rate``,
        ``transitions`` or ``unmapped``), in the backend's own dialect, to learn from.
        """
        ibis = _backend.ibis_module()
        plan = self._plan()
        builders = {
            "funnel": lambda: queries.funnel(plan),
            "time_to_next": lambda: queries.wait_summary(plan, queries.waits(plan)),
            "repeat_rate": lambda: queries.repeats(plan),
            "transitions": lambda: queries.transitions(plan),
            "unmapped": lambda: queries.unmapped(plan),
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
        options = []
        if self.within is not None:
            options.append(f"within {self.within}")
        if self.step_within_us:
            options.append("a window per step")
        if self.order != "ordered":
            options.append(f"{self.order} order")
        if self.count != "users":
            options.append("counting sessions")
        extra = "".join(f", {o}" for o in options)
        return (
            f"Measurement: {len(self.stages)} stages{frame}: {' > '.join(self.stages)}"
            f"{extra}; {len(self.stage_of)} event names claimed; {self.log!r}"
        )


#: A breakdown's label for journeys whose first event has no value in the column.
NO_VALUE = "(none)"


def _empty_waits(unit: str = "users") -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(
        {
            "from_stage": pd.Series(dtype=str),
            "to_stage": pd.Series(dtype=str),
            unit: pd.Series(dtype="int64"),
            "median": pd.Series(dtype="timedelta64[us]"),
            "p90": pd.Series(dtype="timedelta64[us]"),
        }
    )
