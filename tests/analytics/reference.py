"""A plain-Python reference for every measurement, written for reading, not speed.

Each function walks each user's events one by one in time order (ties in log
order), the way a person would with a pencil. The tests check the engine against it.
"""

from __future__ import annotations

import math
from collections import defaultdict


def journeys(rows, stage_of):
    """Per user: the claimed events as (time_us, log_order, stage), in order."""
    per_user = defaultdict(list)
    for user, event, time_us, order in rows:
        if event in stage_of:
            per_user[user].append((time_us, order, stage_of[event]))
    return {user: sorted(events) for user, events in per_user.items()}


def reach_times(events, stages, within_us):
    """Times at which one user reaches stages 0, 1, ... (a closed, ordered funnel)."""
    reached = []
    for position, (time_us, _order, stage) in enumerate(events):
        if len(reached) == stages:
            break
        if stage != len(reached):
            continue
        if reached and within_us is not None and time_us - reached[0][0] > within_us:
            break
        reached.append((time_us, position))
    return reached


def funnel(rows, stage_of, stages, within_us=None):
    counts = [0] * stages
    for events in journeys(rows, stage_of).values():
        for index in range(len(reach_times(events, stages, within_us))):
            counts[index] += 1
    return counts


def _quantile(values, q):
    """Linear interpolation between closest ranks (pandas' and DuckDB's default)."""
    values = sorted(values)
    position = (len(values) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return values[low] + (values[high] - values[low]) * (position - low)


def waits(rows, stage_of, stages, within_us=None):
    """Per stage j >= 1: (users, median_us, p90_us) of the waits from stage j-1 to j."""
    found = defaultdict(list)
    for events in journeys(rows, stage_of).values():
        reached = reach_times(events, stages, within_us)
        for index in range(1, len(reached)):
            found[index].append(reached[index][0] - reached[index - 1][0])
    return {j: (len(v), _quantile(v, 0.5), _quantile(v, 0.9)) for j, v in found.items()}


def _visits(events):
    """Positions of the events that enter a stage (the previous claimed one differs)."""
    return [i for i, e in enumerate(events) if i == 0 or events[i - 1][2] != e[2]]


def repeats(rows, stage_of, stages, within_us=None):
    """Per stage: (users who reached it, users who entered it 2+ times from then on)."""
    out = [[0, 0] for _ in range(stages)]
    for events in journeys(rows, stage_of).values():
        reached = reach_times(events, stages, within_us)
        entries = _visits(events)
        for index, (_time, position) in enumerate(reached):
            out[index][0] += 1
            start = reached[0][0]
            later = [
                i
                for i in entries
                if i >= position
                and events[i][2] == index
                and (within_us is None or events[i][0] - start <= within_us)
            ]
            if len(later) >= 2:
                out[index][1] += 1
    return [tuple(pair) for pair in out]


def transitions(rows, stage_of, within_us=None):
    """{(from, to or None): (users, moves)} over each journey's stage visits."""
    moves = defaultdict(int)
    users = defaultdict(set)
    for user, events in journeys(rows, stage_of).items():
        reached = reach_times(events, 1, None)
        if not reached:
            continue
        start_time, start = reached[0]
        journey = [e for e in events[start:] if within_us is None or e[0] - start_time <= within_us]
        visits = [journey[i][2] for i in _visits(journey)]
        for a, b in zip(visits, [*visits[1:], None], strict=True):
            moves[(a, b)] += 1
            users[(a, b)].add(user)
    return {key: (len(users[key]), moves[key]) for key in moves}
