"""The Ibis expressions behind a measurement: one expression per question.

Each function takes the log's event table (``user_id``, ``event``, ``time_us``,
``log_order``), the event-to-stage map and the window, and returns *one* Ibis
expression, so the whole funnel runs as one query on the backend, not one per stage.

How the closed funnel is computed (``reach``):

1. keep the events some stage claims, tag each with its stage number ``s``;
2. number each user's events in time order, ties in log order: ``k``
   (``row_number() over (partition by user order by time, log order)``);
3. stage 0 is reached at a user's first stage-0 event; stage ``j`` at the first
   stage-``j`` event whose ``k`` is greater than the one that reached stage ``j-1``
   (and, with a window, no later than the window after the stage-0 event).

Step 3 is a chain of grouped joins, one link per stage, all in one SQL statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _backend

if TYPE_CHECKING:
    from ibis.expr.types import Table

__all__ = ["funnel", "reach", "repeats", "stage_events", "transitions", "unmapped", "waits"]


#: Single-machine engines, where one ordering of all claimed events is the fastest way to
#: number them; distributed ones (BigQuery, Spark, ...) number each user's events apart.
SINGLE_NODE = ("duckdb", "sqlite", "datafusion", "polars")


def stage_events(events: Table, stage_of: dict[str, int], backend: str = "duckdb") -> Table:
    """The claimed events: user ``u``, time ``t``, stage ``s`` and order ``k``.

    ``k`` increases along each user's events in time order, ties in log order: a
    row number over all claimed events on single-machine engines (one parallel sort),
    per user elsewhere (so no single worker has to sort everything).

    Examples
    --------
    >>> import ibis
    >>> log = ibis.memtable({"user_id": ["a", "a", "a"], "event": ["x", "y", "z"],
    ...                      "time_us": [5, 5, 1], "log_order": [0, 1, 2]})
    >>> stage_events(log, {"x": 0, "y": 1}).order_by("k").execute()[["s", "k"]].to_dict("list")
    {'s': [0, 1], 'k': [0, 1]}
    """
    ibis = _backend.ibis_module()
    by_stage: dict[int, list[str]] = {}
    for name, index in stage_of.items():
        by_stage.setdefault(index, []).append(name)
    stage = ibis.cases(
        *[(events.event.isin(names), index) for index, names in sorted(by_stage.items())]
    ).cast("int32")
    claimed = events.filter(events.event.isin(list(stage_of)))
    tagged = claimed.select(u=claimed.user_id, t=claimed.time_us, s=stage, o=claimed.log_order)
    by_time = [tagged.t, tagged.o]
    order = (
        ibis.row_number().over(order_by=by_time)
        if backend in SINGLE_NODE
        else ibis.row_number().over(group_by=tagged.u, order_by=by_time)
    )
    return tagged.mutate(k=order).alias("claimed_events")


def reach(tagged: Table, stages: int, within_us: int | None, times: bool = True) -> list[Table]:
    """Per stage, one row per user who reached it.

    Columns: ``u``; ``k``, the order of the event that reached the stage; and, with
    ``times``, ``t`` (its time), ``t0`` (when the journey began, at stage 0) and ``pt``
    (when the previous stage was reached; ``t0`` for stage 0). Without ``times`` only
    what the window needs is kept (``t0``, when there is one): a smaller query.
    """
    first = tagged.filter(tagged.s == 0)
    keep_t0 = times or within_us is not None
    first = first.group_by("u").aggregate(
        k=first.k.min(), **({"t": first.t.min()} if keep_t0 else {})
    )
    if keep_t0:
        first = first.mutate(t0=first.t, pt=first.t) if times else first.rename(t0="t")
    chain = [first]
    for index in range(1, stages):
        previous = chain[-1]
        carried = {"pk": previous.k}
        if keep_t0:
            carried["t0"] = previous.t0
        if times:
            carried["pt"] = previous.t
        previous = previous.select(u=previous.u, **carried)
        stage = tagged.filter(tagged.s == index)
        joined = stage.join(previous, "u")
        later = joined.k > joined.pk
        if within_us is not None:
            later = later & (joined.t <= joined.t0 + within_us)
        joined = joined.filter(later)
        metrics = {"k": joined.k.min()}
        if keep_t0:
            metrics["t0"] = joined.t0.max()
        if times:
            metrics.update(t=joined.t.min(), pt=joined.pt.max())
        chain.append(joined.group_by("u").aggregate(**metrics))
    return chain


def _union(parts: list[Table]) -> Table:
    ibis = _backend.ibis_module()
    return parts[0] if len(parts) == 1 else ibis.union(*parts)


def funnel(
    events: Table,
    stage_of: dict[str, int],
    stages: int,
    within_us: int | None,
    backend: str = "duckdb",
) -> Table:
    """Users reaching each stage: one row per stage (``stage``, ``users``), one query.

    Examples
    --------
    >>> import ibis
    >>> log = ibis.memtable({"user_id": ["a", "a", "b"], "event": ["ad", "buy", "buy"],
    ...                      "time_us": [1, 2, 1], "log_order": [0, 1, 2]})
    >>> funnel(log, {"ad": 0, "buy": 1}, 2, None).order_by("stage").execute().to_dict("list")
    {'stage': [0, 1], 'users': [1, 1]}
    """
    ibis = _backend.ibis_module()
    chain = reach(stage_events(events, stage_of, backend), stages, within_us, times=False)
    return _union(
        [
            r.aggregate(users=r.count())
            .mutate(stage=ibis.literal(i, "int32"))
            .select("stage", "users")
            for i, r in enumerate(chain)
        ]
    )


def waits(
    events: Table,
    stage_of: dict[str, int],
    stages: int,
    within_us: int | None,
    backend: str = "duckdb",
) -> Table:
    """Each wait between reaching stage ``j-1`` and stage ``j``: ``stage``, ``wait_us``."""
    ibis = _backend.ibis_module()
    chain = reach(stage_events(events, stage_of, backend), stages, within_us)
    return _union(
        [
            r.select(stage=ibis.literal(i, "int32"), wait_us=r.t - r.pt)
            for i, r in enumerate(chain)
            if i > 0
        ]
    )


def wait_summary(waits_table: Table) -> Table:
    """Users, median and 90th percentile of the waits, per stage (where the backend can)."""
    w = waits_table
    return w.group_by("stage").aggregate(
        users=w.count(), median_us=w.wait_us.median(), p90_us=w.wait_us.quantile(0.9)
    )


def _entries(tagged: Table) -> Table:
    """The events where a user enters a stage (the previous claimed event had another)."""
    ibis = _backend.ibis_module()
    window = ibis.window(group_by=tagged.u, order_by=tagged.k)
    marked = tagged.mutate(prev=tagged.s.lag().over(window))
    return marked.filter(marked.prev.isnull() | (marked.prev != marked.s)).drop("prev")


def repeats(
    events: Table,
    stage_of: dict[str, int],
    stages: int,
    within_us: int | None,
    backend: str = "duckdb",
) -> Table:
    """Per stage: users who reached it and those who entered it two or more times."""
    ibis = _backend.ibis_module()
    tagged = stage_events(events, stage_of, backend)
    chain = reach(tagged, stages, within_us)
    entries = _entries(tagged)
    parts = []
    for index, reached in enumerate(chain):
        mine = entries.filter(entries.s == index)
        start = reached.select(u=reached.u, rk=reached.k, t0=reached.t0)
        joined = mine.join(start, "u")
        keep = joined.k >= joined.rk
        if within_us is not None:
            keep = keep & (joined.t <= joined.t0 + within_us)
        kept = joined.filter(keep)
        per_user = kept.group_by("u").aggregate(n=kept.count())
        again = per_user.aggregate(repeat_users=(per_user.n >= 2).cast("int64").sum())
        parts.append(
            reached.aggregate(users=reached.count())
            .cross_join(again)
            .mutate(stage=ibis.literal(index, "int32"))
            .select("stage", "users", "repeat_users")
        )
    return _union(parts)


def transitions(
    events: Table,
    stage_of: dict[str, int],
    stages: int,
    within_us: int | None,
    backend: str = "duckdb",
) -> Table:
    """Moves between consecutive stage visits of each journey: ``s``, ``to``, counts.

    ``to`` is null for the last visit of a journey (where it ends).
    """
    ibis = _backend.ibis_module()
    tagged = stage_events(events, stage_of, backend)
    first = reach(tagged, 1, None)[0]
    start = first.select(u=first.u, k0=first.k, t0=first.t)
    joined = tagged.join(start, "u")
    keep = joined.k >= joined.k0
    if within_us is not None:
        keep = keep & (joined.t <= joined.t0 + within_us)
    journey = joined.filter(keep).select("u", "t", "s", "k")
    visits = _entries(journey)
    window = ibis.window(group_by=visits.u, order_by=visits.k)
    moves = visits.mutate(to=visits.s.lead().over(window))
    return moves.group_by(["s", "to"]).aggregate(users=moves.u.nunique(), moves=moves.count())


def unmapped(events: Table, stage_of: dict[str, int]) -> Table:
    """Events no stage claims, with their number of rows and of users."""
    rest = events.filter(~events.event.isin(list(stage_of))) if stage_of else events
    return rest.group_by("event").aggregate(events=rest.count(), users=rest.user_id.nunique())
