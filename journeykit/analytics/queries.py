"""The Ibis expressions behind a measurement: one expression per question.

Every question of one measurement shares a :class:`Plan`: the log's event table
(``user_id``, ``event``, ``time_us``, ``log_order`` and the source's other columns), the
event-to-stage map and the options. Each function returns *one* Ibis expression, so a
question runs as one query on the backend, not one per stage.

The rows a question reads (:func:`tagged_rows`)
    the claimed events (every event, for strict order or sessions split at gaps), each
    with its journey (``u``, and ``v`` for a session), time ``t``, stage ``s``, log order
    ``o`` and ``k``, increasing along each journey in time order, ties in log order.
    In a log checked only in part, rows without a user or a time get no stage and are
    counted in the same pass (:func:`with_check`).

Reaching the stages (:func:`reached`: one row per journey and stage it reaches)
    * ``ordered`` (in order, other events between): stage 0 at the journey's first
      stage-0 event; stage ``j`` at the first stage-``j`` event after the one that
      reached stage ``j-1``. A chain of grouped joins, one link per stage.
    * ``strict`` (strictly consecutive): from that first stage-0 event, stage ``j`` is
      the journey's very next event of any kind. The events at positions ``k0 + j``.
    * ``any`` (any order): stages ``0..j`` each have an event, within one window of
      ``within`` if there is one (the earliest window that holds the most stages);
      each stage is reached at its first event there.
    The overall window counts from the event that reached stage 0, a step's window from
    the event that reached the stage before (ends inclusive).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import _backend

if TYPE_CHECKING:
    from ibis.expr.types import BooleanValue, Table, Value

__all__ = [
    "ORDERS",
    "Plan",
    "funnel",
    "reached",
    "repeats",
    "tagged_rows",
    "transitions",
    "unmapped",
    "wait_summary",
    "waits",
    "with_check",
]

#: Single-machine engines, where one ordering of all claimed events is the fastest way to
#: number them; distributed ones (BigQuery, Spark, ...) number each journey's events apart.
SINGLE_NODE = ("duckdb", "sqlite", "datafusion", "polars")
#: How the stages must follow each other: in order with other events between, strictly
#: one after the other, or in any order.
ORDERS = ("ordered", "strict", "any")
#: Check rows (:func:`with_check`): -1 rows without a time, -2 without a user, and
#: ``NAMES - i`` the rows of ``Plan.names[i]``.
NAMES = -100


@dataclass(frozen=True, eq=False)
class Plan:
    """What every question of one measurement shares: the log, the stages, the options.

    ``step_within_us[j]`` is the longest wait from stage ``j-1`` to stage ``j`` (None: no
    limit; index 0 unused). ``session`` is None to follow each user, a number of
    microseconds to split a user's events into sessions at gaps that long, or the name
    of a column that holds a session id.
    """

    events: Table
    stage_of: Mapping[str, int]
    stages: int
    within_us: int | None = None
    step_within_us: tuple[int | None, ...] = ()
    order: str = "ordered"
    session: int | str | None = None
    backend: str = "duckdb"
    checked: bool = True
    names: tuple[str, ...] = ()  # event names to count in the same pass (a big log's)

    @property
    def keys(self) -> list[str]:
        """The columns that name a journey: the user, and the session when counting those."""
        return ["u"] if self.session is None else ["u", "v"]

    def step_limit(self, index: int) -> int | None:
        return self.step_within_us[index] if index < len(self.step_within_us) else None


def tagged_rows(
    plan: Plan, breakdown: str | None = None, times: bool = True
) -> tuple[Table, Table | None]:
    """The claimed events as ``u`` (``v``), ``t``, ``s``, ``o``, ``k`` (and ``b``, the
    breakdown column as text), and the check of a log checked only in part (or None).

    For strict order (and sessions split at gaps) every event of the log is read, and
    ``k`` is the position in the journey counting every event; the claimed events are
    returned. Otherwise ``k`` numbers the claimed events: one row number over all of
    them on single-machine engines (one parallel sort), per journey elsewhere (so no
    single worker has to sort everything).

    Without ``times`` the rows leave out ``t`` and ``o`` once ``k`` is numbered: a
    question that only follows ``k`` (a funnel without windows) then keeps the claimed
    events (which DuckDB holds in memory, since every stage reads them) about a third
    narrower. In a log checked only in part, a row without a time has stage -1 and one
    without a user -2 until they are counted, so counting them needs no ``t`` either.

    Examples
    --------
    >>> import ibis
    >>> log = ibis.memtable({"user_id": ["a", "a", "a"], "event": ["x", "y", "z"],
    ...                      "time_us": [5, 5, 1], "log_order": [0, 1, 2]})
    >>> rows, check = tagged_rows(Plan(log, {"x": 0, "y": 1}, 2))
    >>> rows.order_by("k").execute()[["s", "k"]].to_dict("list"), check
    ({'s': [0, 1], 'k': [0, 1]}, None)
    """
    ibis = _backend.ibis_module()
    events = plan.events
    by_stage: dict[int, list[str]] = {}
    for name, index in plan.stage_of.items():
        by_stage.setdefault(index, []).append(name)
    every = plan.order == "strict" or isinstance(plan.session, int)
    rows = events if every else events.filter(events.event.isin(list(plan.stage_of)))
    stage = ibis.cases(
        *[(rows.event.isin(names), index) for index, names in sorted(by_stage.items())]
    ).cast("int32")
    if not plan.checked:  # rows without a time (-1) or a user (-2) reach nothing; counted
        stage = ibis.cases(
            (rows.time_us.isnull(), -1), (rows.user_id.isnull(), -2), else_=stage
        ).cast("int32")
    columns = {"u": rows.user_id, "t": rows.time_us, "s": stage, "o": rows.log_order}
    # which stage each name counts for: when no two share a stage, a row's stage names it
    name_of = {plan.stage_of.get(name): i for i, name in enumerate(plan.names)}
    by_name = bool(plan.names) and (None in name_of or len(name_of) < len(plan.names))
    if by_name:  # which of the names each row has, to count them
        columns["name"] = ibis.cases(
            *[(rows.event == name, i) for i, name in enumerate(plan.names)]
        ).cast("int32")
    if isinstance(plan.session, str):
        # events without a session id make one session of their user's
        columns["v"] = rows[plan.session].cast("string").coalesce("")
    if breakdown is not None:
        columns["b"] = rows[breakdown].cast("string")
    tagged = rows.select(**columns)
    if isinstance(plan.session, int):
        tagged = _sessions_at_gaps(tagged, plan.session)
    by_time = [tagged.t, tagged.o]
    if plan.order == "strict" or plan.backend not in SINGLE_NODE:
        order = ibis.row_number().over(group_by=[tagged[k] for k in plan.keys], order_by=by_time)
    else:
        order = ibis.row_number().over(order_by=by_time)
    tagged = tagged.mutate(k=order)
    if not times:  # k holds the time order from here on
        tagged = tagged.drop("t", "o")
    tagged = tagged.alias("claimed_events")
    checks = []
    if not plan.checked:
        for code in (-1, -2):
            checks.append(
                tagged.aggregate(n=(tagged.s == code).cast("int64").sum()).mutate(
                    code=ibis.literal(code, "int32")
                )
            )
    if by_name:
        named = tagged.filter(tagged.name.notnull())
        checks.append(
            named.group_by("name")
            .aggregate(n=named.count())
            .mutate(code=(NAMES - named.name).cast("int32"))
            .drop("name")
        )
        tagged = tagged.drop("name")
    elif plan.names:  # counted by stage, with no column of their own in the claimed events
        staged = tagged.filter(tagged.s >= 0)
        per_stage = staged.group_by("s").aggregate(n=staged.count())
        code = ibis.cases(*[(per_stage.s == j, NAMES - i) for j, i in name_of.items()])
        checks.append(per_stage.mutate(code=code.cast("int32")).drop("s"))
    if every or not plan.checked:
        tagged = tagged.filter(tagged.s >= 0)
    check = _union([c.select("code", "n") for c in checks]) if checks else None
    return tagged, check


def _sessions_at_gaps(tagged: Table, limit: int) -> Table:
    """``tagged`` with ``v``, each user's session number: a new session begins after each
    gap longer than ``limit`` (microseconds) between a user's events in time order.

    Parameters
    ----------
    tagged : ibis Table
        Events with ``u`` (user), ``t`` (time) and ``o`` (log order for ties).
    limit : int
        The longest gap that keeps a visit going; one microsecond more ends it.

    Returns
    -------
    ibis Table
        ``tagged`` and ``v``, counted from 1 for each user.

    Examples
    --------
    >>> import ibis
    >>> events = ibis.memtable({"u": ["a", "a", "a", "b"], "t": [0, 10, 21, 0],
    ...                         "o": [0, 1, 2, 3]})
    >>> out = _sessions_at_gaps(events, 10).order_by("o").execute()
    >>> out["v"].tolist()
    [1, 1, 2, 1]
    """
    ibis = _backend.ibis_module()
    in_time = {"group_by": tagged.u, "order_by": [tagged.t, tagged.o]}
    gap = tagged.t - tagged.t.lag().over(ibis.window(**in_time))
    tagged = tagged.mutate(new=(gap.isnull() | (gap > limit)).cast("int64"))
    return tagged.mutate(v=tagged.new.sum().over(ibis.cumulative_window(**in_time))).drop("new")


def with_check(result: Table, check: Table | None, marker: str, count: str) -> Table:
    """``result`` and the check's rows (``code``, ``n``: see :data:`NAMES`), the code in
    ``marker`` and the number in ``count``, other columns empty."""
    if check is None:
        return result
    ibis = _backend.ibis_module()
    values = {}
    for name, dtype in result.schema().items():
        if name == marker:
            values[name] = check.code.cast(dtype)
        elif name == count:
            values[name] = check.n.cast(dtype)
        else:
            values[name] = ibis.null(dtype)
    return ibis.union(result, check.select(**values))


def _same(table: Table, keys: list[str], other: Table) -> list[BooleanValue]:
    return [table[k] == other[k] for k in keys]


def _first_touch(plan: Plan, starts: Table, claimed: Table) -> Table:
    """``starts`` (one row per journey with ``k`` of the event that reached stage 0) with
    ``b``, the breakdown value on that event."""
    values = claimed.select(*plan.keys, "k", "b")
    return starts.join(values, [*plan.keys, "k"])


def reached(plan: Plan, claimed: Table, times: bool = True, breakdown: bool = False) -> list[Table]:
    """Per stage, one row per journey that reaches it: the keys, ``k`` (the order of the
    event that reached it) and, with ``times``, ``t`` (its time), ``t0`` (when stage 0
    was reached) and ``pt`` (when the stage before was; ``t0`` for stage 0), and ``b``
    with ``breakdown``. Without ``times`` only what the windows need is kept.
    """
    if plan.order == "strict":
        return _strict(plan, claimed, times, breakdown)
    if plan.order == "any":
        return _any_order(plan, claimed, times, breakdown)
    return _ordered(plan, claimed, times, breakdown)


def _ordered(plan: Plan, tagged: Table, times: bool, breakdown: bool) -> list[Table]:
    keys = plan.keys
    steps = any(plan.step_limit(j) is not None for j in range(1, plan.stages))
    keep_t0 = times or plan.within_us is not None
    keep_t = times or steps
    first = tagged.filter(tagged.s == 0)
    first = first.group_by(keys).aggregate(
        k=first.k.min(), **({"t": first.t.min()} if keep_t0 or keep_t else {})
    )
    if keep_t0:
        first = first.mutate(t0=first.t)
    if times:
        first = first.mutate(pt=first.t)
    if breakdown:
        first = _first_touch(plan, first, tagged)
    chain = [first]
    for index in range(1, plan.stages):
        previous = chain[-1]
        carried = {"pk": previous.k}
        if keep_t0:
            carried["t0"] = previous.t0
        if keep_t:
            carried["pt"] = previous.t
        if breakdown:
            carried["b"] = previous.b
        previous = previous.select(*keys, **carried)
        stage = tagged.filter(tagged.s == index).select(
            *keys, "k", *(["t"] if keep_t0 or keep_t else [])
        )
        joined = stage.join(previous, keys)
        later = joined.k > joined.pk
        if plan.within_us is not None:
            later = later & (joined.t <= joined.t0 + plan.within_us)
        limit = plan.step_limit(index)
        if limit is not None:
            later = later & (joined.t <= joined.pt + limit)
        joined = joined.filter(later)
        metrics = {"k": joined.k.min()}
        if keep_t0:
            metrics["t0"] = joined.t0.max()
        if keep_t:
            metrics["t"] = joined.t.min()
        if times:
            metrics["pt"] = joined.pt.max()
        if breakdown:
            metrics["b"] = joined.b.max()
        chain.append(joined.group_by(keys).aggregate(**metrics))
    return chain


def _contiguous(plan: Plan, rows: Table) -> Table:
    """Keep the rows (one per journey and stage) of stages 0, 1, ... with none missing
    and ``ok`` on each one so far."""
    ibis = _backend.ibis_module()
    keys = [rows[k] for k in plan.keys]
    rows = rows.mutate(rank=ibis.row_number().over(ibis.window(group_by=keys, order_by=rows.s)))
    good = ((rows.rank == rows.s) & rows.ok).cast("int8")
    keys = [rows[k] for k in plan.keys]
    so_far = good.min().over(ibis.cumulative_window(group_by=keys, order_by=rows.s))
    rows = rows.mutate(so_far=so_far)
    return rows.filter(rows.so_far == 1).drop("so_far", "ok", "rank")


def _split(plan: Plan, rows: Table, times: bool, breakdown: bool) -> list[Table]:
    """One table per stage from the long rows of the journeys that reach each."""
    wanted = [*plan.keys, "k"] + (["t", "t0", "pt"] if times else []) + (["b"] if breakdown else [])
    if not times and plan.within_us is not None:
        wanted.append("t0")
    return [rows.filter(rows.s == index).select(*wanted) for index in range(plan.stages)]


def _strict(plan: Plan, tagged: Table, times: bool, breakdown: bool) -> list[Table]:
    ibis = _backend.ibis_module()
    keys = plan.keys
    first = tagged.filter(tagged.s == 0)
    first = first.group_by(keys).aggregate(k=first.k.min(), t0=first.t.min())
    if breakdown:
        first = _first_touch(plan, first, tagged)
    start = first.select(*keys, k0=first.k, t0=first.t0, **({"b": first.b} if breakdown else {}))
    run = tagged.drop(*(["b"] if breakdown else [])).join(start, keys)
    run = run.filter(run.k - run.s == run.k0)  # the events right after the start, in a row
    window = ibis.window(group_by=[run[k] for k in keys], order_by=run.s)
    run = run.mutate(pt=run.t.lag().over(window))
    ok = ibis.literal(True)
    if plan.within_us is not None:
        ok = ok & (run.t <= run.t0 + plan.within_us)
    limits = [(j, plan.step_limit(j)) for j in range(1, plan.stages)]
    limits = [(j, limit) for j, limit in limits if limit is not None]
    if limits:
        limit = ibis.cases(*[(run.s == j, limit) for j, limit in limits])
        ok = ok & (limit.isnull() | (run.t <= run.pt + limit))
    rows = _contiguous(plan, run.mutate(ok=ok, pt=run.pt.coalesce(run.t)))
    return _split(plan, rows, times, breakdown)


def _any_order(plan: Plan, tagged: Table, times: bool, breakdown: bool) -> list[Table]:
    ibis = _backend.ibis_module()
    keys = plan.keys
    if plan.within_us is None:  # one window: the whole journey
        starts = tagged.group_by(keys).aggregate(ts=tagged.t.min())
        inside = tagged.join(starts, keys)
    else:  # the earliest window (from an event's time) that holds the most stages
        span = ibis.range_window(
            preceding=0, following=plan.within_us, group_by=keys, order_by=tagged.t
        )
        present = [(tagged.s == j).cast("int8").max().over(span) for j in range(plan.stages)]
        depth = ibis.cases(*[(p == 0, j - 1) for j, p in enumerate(present)], else_=plan.stages - 1)
        scored = tagged.mutate(depth=depth)
        best = scored.group_by(keys).aggregate(most=scored.depth.max())
        scored = scored.join(best, keys)
        top = scored.filter(scored.depth == scored.most)
        starts = top.group_by(keys).aggregate(ts=top.t.min())
        inside = tagged.join(starts, keys)
        inside = inside.filter((inside.t >= inside.ts) & (inside.t <= inside.ts + plan.within_us))
    firsts = inside.group_by([*keys, "s", "ts"]).aggregate(k=inside.k.min(), t=inside.t.min())
    rows = _contiguous(plan, firsts.mutate(ok=ibis.literal(True)))
    stage0 = rows.filter(rows.s == 0)
    if breakdown:  # the value on the event that reached stage 0, for every stage
        stage0 = _first_touch(plan, stage0, tagged)
    stage0 = stage0.select(*keys, t0=stage0.t, **({"b": stage0.b} if breakdown else {}))
    rows = rows.join(stage0, keys).mutate(pt=ibis.null("int64"))
    return _split(plan, rows, times, breakdown)


def _union(parts: list[Table]) -> Table:
    ibis = _backend.ibis_module()
    return parts[0] if len(parts) == 1 else ibis.union(*parts)


def _long(chain: list[Table], columns: list[str]) -> Table:
    """The chain's tables as one: a row per journey and stage reached, with ``stage``."""
    ibis = _backend.ibis_module()
    return _union(
        [
            r.select(stage=ibis.literal(i, "int32"), **{c: r[c] for c in columns})
            for i, r in enumerate(chain)
        ]
    )


def funnel(plan: Plan, breakdown: str | None = None) -> Table:
    """Journeys reaching each stage: ``stage``, ``n`` (and ``b``, the breakdown value at
    the event that reached stage 0), one query.

    Examples
    --------
    >>> import ibis
    >>> log = ibis.memtable({"user_id": ["a", "a", "b"], "event": ["ad", "buy", "buy"],
    ...                      "time_us": [1, 2, 1], "log_order": [0, 1, 2]})
    >>> funnel(Plan(log, {"ad": 0, "buy": 1}, 2)).order_by("stage").execute().to_dict("list")
    {'stage': [0, 1], 'n': [1, 1]}
    """
    steps = (plan.step_limit(j) for j in range(1, plan.stages))
    windows = plan.within_us is not None or any(limit is not None for limit in steps)
    timed = plan.order != "ordered" or windows
    tagged, check = tagged_rows(plan, breakdown, times=timed)
    by = breakdown is not None
    chain = reached(plan, tagged, times=False, breakdown=by)
    if not by:
        counts = _union(
            [
                r.aggregate(n=r.count()).mutate(stage=_int(i)).select("stage", "n")
                for i, r in enumerate(chain)
            ]
        )
    else:
        rows = _long(chain, ["b"])
        counts = rows.group_by(["b", "stage"]).aggregate(n=rows.count())
    return with_check(counts, check, "stage", "n")


def _int(value: int) -> Value:
    return _backend.ibis_module().literal(value, "int32")


def waits(plan: Plan, breakdown: str | None = None) -> Table:
    """Each wait between reaching stage ``j-1`` and stage ``j``: ``stage``, ``wait_us``
    (and ``b``)."""
    tagged, check = tagged_rows(plan, breakdown)
    by = breakdown is not None
    chain = reached(plan, tagged, breakdown=by)
    parts = [
        r.select(stage=_int(i), wait_us=r.t - r.pt, **({"b": r.b} if by else {}))
        for i, r in enumerate(chain)
        if i > 0
    ]
    return with_check(_union(parts), check, "stage", "wait_us")


def wait_summary(plan: Plan, waits_table: Table, by: bool = False) -> Table:
    """Waits (``users``), their median and 90th percentile per stage (and ``b``), where
    the backend can compute them; the check rows of :func:`waits` pass through, their
    count in ``users``."""
    ibis = _backend.ibis_module()
    w = waits_table
    real = w if plan.checked else w.filter(w.stage >= 0)
    summary = real.group_by(["b", "stage"] if by else ["stage"]).aggregate(
        users=real.count(), median_us=real.wait_us.median(), p90_us=real.wait_us.quantile(0.9)
    )
    if plan.checked:
        return summary
    checks = w.filter(w.stage < 0)
    checks = checks.select(
        **({"b": checks.b} if by else {}),
        stage=checks.stage,
        users=checks.wait_us,
        median_us=ibis.null("float64"),
        p90_us=ibis.null("float64"),
    )
    return ibis.union(summary, checks)


def _entries(tagged: Table, keys: list[str]) -> Table:
    """The events where a journey enters a stage (the previous claimed event had another)."""
    ibis = _backend.ibis_module()
    window = ibis.window(group_by=[tagged[k] for k in keys], order_by=tagged.k)
    marked = tagged.mutate(prev=tagged.s.lag().over(window))
    return marked.filter(marked.prev.isnull() | (marked.prev != marked.s)).drop("prev")


def repeats(plan: Plan) -> Table:
    """Per stage: journeys that reached it (``users``) and those that entered it two or
    more times from then on (``repeat_users``), within the window if there is one."""
    tagged, check = tagged_rows(plan)
    keys = plan.keys
    chain = reached(plan, tagged)
    entries = _entries(tagged, keys)
    parts = []
    for index, got in enumerate(chain):
        mine = entries.filter(entries.s == index).select(*keys, "k", "t")
        start = got.select(*keys, rk=got.k, t0=got.t0)
        joined = mine.join(start, keys)
        keep = joined.k >= joined.rk
        if plan.within_us is not None:
            keep = keep & (joined.t <= joined.t0 + plan.within_us)
        kept = joined.filter(keep)
        per_journey = kept.group_by(keys).aggregate(n=kept.count())
        again = per_journey.aggregate(repeat_users=(per_journey.n >= 2).cast("int64").sum())
        parts.append(
            got.aggregate(users=got.count())
            .cross_join(again)
            .mutate(stage=_int(index))
            .select("stage", "users", "repeat_users")
        )
    return with_check(_union(parts), check, "stage", "users")


def transitions(plan: Plan) -> Table:
    """Moves between consecutive stage visits of each journey: ``s``, ``to``, ``users``
    (journeys making the move at least once), ``moves``.

    A journey starts at its first stage-0 event (and ends at the window, if any); ``to``
    is null for the last visit of a journey (where it ends).
    """
    ibis = _backend.ibis_module()
    tagged, check = tagged_rows(plan)
    keys = plan.keys
    first = tagged.filter(tagged.s == 0)
    start = first.group_by(keys).aggregate(k0=first.k.min(), t0=first.t.min())
    joined = tagged.join(start, keys)
    keep = joined.k >= joined.k0
    if plan.within_us is not None:
        keep = keep & (joined.t <= joined.t0 + plan.within_us)
    journey = joined.filter(keep).select(*keys, "t", "s", "k")
    visits = _entries(journey, keys)
    window = ibis.window(group_by=[visits[k] for k in keys], order_by=visits.k)
    moves = visits.mutate(to=visits.s.lead().over(window))
    per_journey = moves.group_by(["s", "to", *keys]).aggregate(n=moves.count())
    counts = per_journey.group_by(["s", "to"]).aggregate(
        users=per_journey.count(), moves=per_journey.n.sum()
    )
    return with_check(counts, check, "s", "users")


def unmapped(plan: Plan) -> Table:
    """Events no stage claims: per event name, rows (``events``) and users, and the rows
    without a time (``no_time``) or a user (``no_user``), counted in the same pass."""
    events = plan.events
    rest = events.filter(~events.event.isin(list(plan.stage_of))) if plan.stage_of else events
    rest = rest.filter(rest.event.notnull())
    good = rest.user_id.notnull() & rest.time_us.notnull()
    ibis = _backend.ibis_module()
    return rest.group_by("event").aggregate(
        events=good.cast("int64").sum(),
        users=ibis.ifelse(good, rest.user_id, ibis.null(rest.user_id.type())).nunique(),
        no_time=rest.time_us.isnull().cast("int64").sum(),
        no_user=(rest.user_id.isnull() & rest.time_us.notnull()).cast("int64").sum(),
    )
