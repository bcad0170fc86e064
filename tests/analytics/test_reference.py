"""The engine against a plain-Python reference, on random logs (hypothesis).

The logs are small on purpose: few users, few event names and few distinct times,
so that ties (same user, same time), repeats, skipped and out-of-order stages are
common in every example.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeykit.analytics import measure, read_events

from . import reference as ref

EVENTS = ["e0", "e1", "e2", "e3", "e4", "noise"]
START = pd.Timestamp("2024-03-01")
SECOND = 1_000_000


@st.composite
def logs(draw):
    rows = draw(
        st.lists(
            st.tuples(st.sampled_from("abcdef"), st.sampled_from(EVENTS), st.integers(0, 6)),
            min_size=1,
            max_size=60,
        )
    )
    stages = draw(st.integers(1, 4))
    names = draw(st.permutations(EVENTS[:5]))
    # each stage gets one or two of the names; the rest stay unmapped
    cuts = sorted(draw(st.lists(st.integers(1, 2), min_size=stages, max_size=stages)))
    stage_map, position = {}, 0
    for index, size in enumerate(cuts):
        stage_map[f"S{index}"] = list(names[position : position + size])
        position += size
    within = draw(st.one_of(st.none(), st.integers(1, 5)))
    return rows, stage_map, within


def _frame(rows):
    return pd.DataFrame(
        {
            "user_id": [r[0] for r in rows],
            "event": [r[1] for r in rows],
            "timestamp": [START + pd.Timedelta(seconds=r[2]) for r in rows],
        }
    )


def _ref_rows(rows):
    base = int(START.value // 1000)
    return [(u, e, base + t * SECOND, i) for i, (u, e, t) in enumerate(rows)]


def _stage_of(stage_map, log):
    present = set(log.event_counts["event"])
    return {
        name: i for i, names in enumerate(stage_map.values()) for name in names if name in present
    }


def _measure(rows, stage_map, within):
    log = read_events(_frame(rows))
    present = set(log.event_counts["event"])
    if not all(present & set(names) for names in stage_map.values()):
        return None, None  # a stage with no event in the log is refused (tested elsewhere)
    with (
        pytest.warns(UserWarning)
        if any(set(n) - present for n in stage_map.values())
        else _nothing()
    ):
        m = measure(log, stage_map, within=None if within is None else f"{within}s")
    return m, _stage_of(stage_map, log)


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _prepared(case):
    """(rows, stage map, measurement or None, event -> stage index, window in µs)."""
    rows, stage_map, within = case
    m, stage_of = _measure(rows, stage_map, within)
    return rows, stage_map, m, stage_of, None if within is None else within * SECOND


@FAST
@given(logs())
def test_funnel_matches_reference(case):
    rows, stage_map, m, stage_of, within_us = _prepared(case)
    if m is None:
        return
    expected = ref.funnel(_ref_rows(rows), stage_of, len(stage_map), within_us)
    got = m.funnel()
    assert got["users"].tolist() == expected
    assert got["stage"].tolist() == list(stage_map)


@FAST
@given(logs())
def test_time_to_next_matches_reference(case):
    rows, stage_map, m, stage_of, within_us = _prepared(case)
    if m is None:
        return
    expected = ref.waits(_ref_rows(rows), stage_of, len(stage_map), within_us)
    got = m.time_to_next()
    assert len(got) == len(stage_map) - 1
    for j, row in enumerate(got.itertuples(), start=1):
        users, median, p90 = expected.get(j, (0, None, None))
        assert row.users == users
        if users:
            assert row.median == pd.Timedelta(microseconds=round(median))
            assert row.p90 == pd.Timedelta(microseconds=round(p90))
        else:
            assert pd.isna(row.median) and pd.isna(row.p90)


@FAST
@given(logs())
def test_repeat_rate_matches_reference(case):
    rows, stage_map, m, stage_of, within_us = _prepared(case)
    if m is None:
        return
    expected = ref.repeats(_ref_rows(rows), stage_of, len(stage_map), within_us)
    got = m.repeat_rate()
    assert list(zip(got["users"], got["repeat_users"], strict=True)) == expected


@FAST
@given(logs())
def test_transitions_match_reference(case):
    rows, stage_map, m, stage_of, within_us = _prepared(case)
    if m is None:
        return
    expected = ref.transitions(_ref_rows(rows), stage_of, within_us)
    names = list(stage_map)
    got = {
        (names.index(r.from_stage), None if r.to_stage == "(end)" else names.index(r.to_stage)): (
            r.users,
            r.moves,
        )
        for r in m.transitions().itertuples()
    }
    assert got == expected
    starts = sum(moves for (a, _b), (_u, moves) in expected.items() if a == 0)
    assert starts >= m.funnel()["users"].iloc[0]


def test_ties_keep_log_order():
    same = START
    first = _frame([("a", "e0", 0), ("a", "e1", 0)]).assign(timestamp=same)
    second = _frame([("a", "e1", 0), ("a", "e0", 0)]).assign(timestamp=same)
    stages = {"A": "e0", "B": "e1"}
    assert measure(read_events(first), stages).funnel()["users"].tolist() == [1, 1]
    assert measure(read_events(second), stages).funnel()["users"].tolist() == [1, 0]


def test_users_who_skip_a_stage_stop_there():
    rows = [("a", "e0", 0), ("a", "e2", 1), ("b", "e0", 0), ("b", "e1", 1), ("b", "e2", 2)]
    m = measure(read_events(_frame(rows)), {"A": "e0", "B": "e1", "C": "e2"})
    assert m.funnel()["users"].tolist() == [2, 1, 1]
    assert m.dropoff()["dropped"].tolist() == [1, 0]
    skip = m.transitions().query("kind == 'skip'")
    assert skip[["from_stage", "to_stage", "users"]].values.tolist() == [["A", "C", 1]]


def test_events_before_the_previous_stage_do_not_count():
    rows = [("a", "e1", 0), ("a", "e0", 1)]
    assert measure(read_events(_frame(rows)), {"A": "e0", "B": "e1"}).funnel()[
        "users"
    ].tolist() == [1, 0]


def test_within_counts_from_the_first_stage_and_is_inclusive():
    rows = [("a", "e0", 0), ("a", "e1", 3), ("b", "e0", 0), ("b", "e1", 4)]
    m = measure(read_events(_frame(rows)), {"A": "e0", "B": "e1"}, within="3s")
    assert m.funnel()["users"].tolist() == [2, 1]


def test_shares_and_dropoff():
    rows = [(u, "e0", 0) for u in "abcd"] + [(u, "e1", 1) for u in "ab"] + [("a", "e2", 2)]
    m = measure(read_events(_frame(rows)), {"A": "e0", "B": "e1", "C": "e2"})
    f = m.funnel()
    assert f["share_of_start"].tolist() == [1.0, 0.5, 0.25]
    assert f["share_of_previous"].tolist() == [1.0, 0.5, 0.5]
    d = m.dropoff()
    assert d.columns.tolist() == [
        "from_stage",
        "to_stage",
        "reached",
        "continued",
        "dropped",
        "dropoff_rate",
    ]
    assert d["dropoff_rate"].tolist() == [0.5, 0.5]
