"""A pandas reference for the funnel options: order, windows, sessions, breakdowns.

Written for reading, not speed, and on its own: pandas sorts the log, splits sessions
(``diff`` and ``cumsum`` per user) and groups the journeys; each journey is then walked
event by event, the way the definitions in ``journeykit.analytics.measurement`` read.
The tests check the engine against it on random logs.

A log here is a DataFrame with ``user``, ``event``, ``t`` (microseconds), ``o`` (log
order) and any other columns; rows without a user or a time are left out first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

NO_VALUE = "(none)"


@dataclass(frozen=True)
class Options:
    stages: int
    within: int | None = None  # microseconds
    steps: tuple[int | None, ...] = ()  # per stage index, index 0 unused
    order: str = "ordered"
    gap: int | None = None  # sessions split at gaps longer than this (microseconds)
    session_column: str | None = None

    def step(self, j: int) -> int | None:
        return self.steps[j] if j < len(self.steps) else None


def journeys(log: pd.DataFrame, stage_of: dict[str, int], opts: Options):
    """Yield (key, events) per journey: events sorted by (t, o) with a ``stage`` column
    (NaN where no stage claims the event), every event of the journey."""
    log = log.dropna(subset=["user", "t"]).copy()
    log["stage"] = log["event"].map(stage_of)
    log = log.sort_values(["user", "t", "o"], kind="stable")
    if opts.gap is not None:
        gap = log.groupby("user")["t"].diff()
        log["session"] = (gap.isna() | (gap > opts.gap)).astype(int).groupby(log["user"]).cumsum()
        keys = ["user", "session"]
    elif opts.session_column is not None:
        log["session"] = log[opts.session_column].astype("string").fillna("")
        keys = ["user", "session"]
    else:
        keys = ["user"]
    for key, events in log.groupby(keys, sort=True):
        yield key, events.reset_index(drop=True)


def reach(events: pd.DataFrame, opts: Options) -> list[int]:
    """Row positions (in ``events``) of the events that reach stages 0, 1, ..."""
    stage = events["stage"].to_numpy()
    t = events["t"].to_numpy()
    if opts.order == "any":
        return _reach_any(events, opts)
    zeros = np.flatnonzero(stage == 0)
    if not len(zeros):
        return []
    got = [int(zeros[0])]
    for j in range(1, opts.stages):
        before = got[-1]
        if opts.order == "strict":
            candidates = [before + 1] if before + 1 < len(events) and stage[before + 1] == j else []
        else:
            later = np.flatnonzero(stage[before + 1 :] == j)
            candidates = [before + 1 + int(later[0])] if len(later) else []
        if not candidates:
            break
        i = candidates[0]
        if opts.within is not None and t[i] - t[got[0]] > opts.within:
            break
        if opts.step(j) is not None and t[i] - t[before] > opts.step(j):
            break
        got.append(i)
    return got


def _reach_any(events: pd.DataFrame, opts: Options) -> list[int]:
    claimed = events[events["stage"].notna()]
    if opts.within is None:
        windows = [claimed]
    else:  # every window that starts at an event's time, earliest first
        windows = [
            claimed[(claimed["t"] >= start) & (claimed["t"] <= start + opts.within)]
            for start in claimed["t"]
        ]

    def depth(window):
        present = set(window["stage"].astype(int))
        d = -1
        while d + 1 < opts.stages and d + 1 in present:
            d += 1
        return d

    best = max(windows, key=depth, default=None)  # max keeps the first of equals
    if best is None or depth(best) < 0:
        return []
    return [int(best.index[best["stage"] == j][0]) for j in range(depth(best) + 1)]


def _entries(events: pd.DataFrame) -> list[int]:
    """Positions of the claimed events that enter a stage (the claimed one before differs)."""
    claimed = events[events["stage"].notna()]
    previous = claimed["stage"].shift()
    return list(claimed.index[previous.isna() | (previous != claimed["stage"])])


def measure(log, stage_of, opts: Options, breakdown: str | None = None):
    """Everything the engine answers, as plain Python values.

    Returns ``funnel`` ({segment: [counts]}, one segment ``None`` without a breakdown),
    ``waits`` ({segment: {j: [waits]}}), ``repeats`` ([(reached, repeated)] per stage)
    and ``transitions`` ({(from, to or None): (journeys, moves)}).
    """
    funnel: dict = {}
    waits: dict = {}
    repeats = [[0, 0] for _ in range(opts.stages)]
    moves: dict = {}
    for key, events in journeys(log, stage_of, opts):
        got = reach(events, opts)
        t = events["t"].to_numpy()
        if got:
            segment = None
            if breakdown is not None:
                value = events[breakdown].iloc[got[0]]
                segment = NO_VALUE if pd.isna(value) else str(value)
            counts = funnel.setdefault(segment, [0] * opts.stages)
            for j in range(len(got)):
                counts[j] += 1
            for j in range(1, len(got)):
                waits.setdefault(segment, {}).setdefault(j, []).append(t[got[j]] - t[got[j - 1]])
        entries = _entries(events)
        for j, i in enumerate(got):
            repeats[j][0] += 1
            later = [
                e
                for e in entries
                if e >= i
                and events["stage"].iloc[e] == j
                and (opts.within is None or t[e] - t[got[0]] <= opts.within)
            ]
            repeats[j][1] += len(later) >= 2
        _transitions(key, events, opts, moves)
    return {
        "funnel": funnel,
        "waits": waits,
        "repeats": [tuple(r) for r in repeats],
        "transitions": {k: (len(v[0]), v[1]) for k, v in moves.items()},
    }


def _transitions(key, events: pd.DataFrame, opts: Options, moves: dict) -> None:
    claimed = events[events["stage"].notna()]
    zeros = claimed.index[claimed["stage"] == 0]
    if not len(zeros):
        return
    start = zeros[0]
    t0 = events["t"].iloc[start]
    journey = claimed.loc[start:]
    if opts.within is not None:
        journey = journey[journey["t"] <= t0 + opts.within]
    visits = [int(s) for s in journey["stage"][journey["stage"] != journey["stage"].shift()]]
    for a, b in zip(visits, [*visits[1:], None], strict=True):
        seen = moves.setdefault((a, b), [set(), 0])
        seen[0].add(key)
        seen[1] += 1


def quantile(values, q):
    """pandas' default quantile (linear interpolation)."""
    return float(pd.Series(values, dtype="float64").quantile(q))
