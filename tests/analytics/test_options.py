"""The funnel options against a pandas reference, on random logs (hypothesis).

Step order (in order, strictly consecutive, any order), a window over the whole
journey and per step, counting users or sessions (split at gaps or by a column), a
breakdown by a column's first-touch value, and the median time to convert per step.
The logs are small on purpose: few users, names and distinct seconds, so ties (same
user, same second), repeats, skipped and out-of-order stages are common, and some
rows have no device or no session id.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from journeykit.analytics import measure, read_events
from journeykit.errors import JourneyMapError

from . import pandas_reference as ref

EVENTS = ["e0", "e1", "e2", "e3", "e4", "noise"]
START = pd.Timestamp("2024-03-01")
SECOND = 1_000_000
FAST = settings(max_examples=35, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def cases(draw):
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from("abcd"),
                st.sampled_from(EVENTS),
                st.integers(0, 8),
                st.sampled_from(["phone", "computer", None]),
                st.sampled_from(["s1", "s2", None]),
            ),
            min_size=1,
            max_size=50,
        )
    )
    stages = draw(st.integers(1, 4))
    names = draw(st.permutations(EVENTS[:5]))
    sizes = draw(st.lists(st.integers(1, 2), min_size=stages, max_size=stages))
    stage_map, position = {}, 0
    for index, size in enumerate(sizes):
        stage_map[f"S{index}"] = list(names[position : position + size])
        position += size
    order = draw(st.sampled_from(["ordered", "strict", "any"]))
    within = draw(st.one_of(st.none(), st.integers(1, 6)))
    steps = None
    if order != "any" and stages > 1:
        steps = draw(
            st.one_of(
                st.none(),
                st.integers(1, 4),
                st.dictionaries(
                    st.sampled_from(list(stage_map)[1:]), st.integers(1, 4), min_size=1
                ),
            )
        )
    count = draw(st.sampled_from(["users", "gap", "column"]))
    gap = draw(st.integers(1, 3))
    breakdown = draw(st.sampled_from([None, "device"]))
    return rows, stage_map, order, within, steps, count, gap, breakdown


def _frame(rows):
    return pd.DataFrame(
        {
            "user_id": [r[0] for r in rows],
            "event": [r[1] for r in rows],
            "timestamp": [START + pd.Timedelta(seconds=r[2]) for r in rows],
            "device": [r[3] for r in rows],
            "visit": [r[4] for r in rows],
        }
    )


def _seconds(n):
    return None if n is None else f"{n}s"


def _run(case):
    """(kit measurement, reference answers, stage names, breakdown) or None when the log
    has no event of some stage (refused, as tested elsewhere)."""
    rows, stage_map, order, within, steps, count, gap, breakdown = case
    log = read_events(_frame(rows))
    present = set(log.event_counts["event"])
    if not all(present & set(names) for names in stage_map.values()):
        return None
    if isinstance(steps, dict):
        step_within = {k: _seconds(v) for k, v in steps.items()}
    else:
        step_within = _seconds(steps)
    options = {
        "within": _seconds(within),
        "step_within": step_within,
        "order": order,
        "count": "users" if count == "users" else "sessions",
        "session": {"users": None, "gap": f"{gap}s", "column": "visit"}[count],
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a name of a stage missing from the log
        m = measure(log, stage_map, **options)
    stage_of = {
        name: i for i, names in enumerate(stage_map.values()) for name in names if name in present
    }
    n = len(stage_map)
    if isinstance(steps, dict):
        step_us = tuple(
            None if i == 0 or name not in steps else steps[name] * SECOND
            for i, name in enumerate(stage_map)
        )
    elif steps is not None:
        step_us = (None, *[steps * SECOND] * (n - 1))
    else:
        step_us = ()
    opts = ref.Options(
        n,
        None if within is None else within * SECOND,
        step_us,
        order,
        gap * SECOND if count == "gap" else None,
        "visit" if count == "column" else None,
    )
    frame = pd.DataFrame(
        {
            "user": [r[0] for r in rows],
            "event": [r[1] for r in rows],
            "t": [r[2] * SECOND for r in rows],
            "o": range(len(rows)),
            "device": [r[3] for r in rows],
            "visit": [r[4] for r in rows],
        }
    )
    return m, ref.measure(frame, stage_of, opts, breakdown), list(stage_map), breakdown


@FAST
@given(cases())
@example(  # any order: the breakdown value of the event that reached stage 0, on every stage
    (
        [("a", "e0", 0, "phone", "s1"), ("c", "e1", 0, None, "s2"), ("c", "e4", 0, "phone", "s2")],
        {"S0": ["e4", "e2"], "S1": ["e1"]},
        "any",
        None,
        None,
        "users",
        1,
        "device",
    )
)
def test_funnel_matches_the_reference(case):
    got = _run(case)
    if got is None:
        return
    m, expected, names, breakdown = got
    funnel = m.funnel(breakdown)
    unit = m.unit
    if breakdown is None:
        assert funnel["stage"].tolist() == names
        assert funnel[unit].tolist() == expected["funnel"].get(None, [0] * len(names))
        return
    by_segment = {
        segment: part[unit].tolist() for segment, part in funnel.groupby(breakdown, sort=False)
    }
    assert by_segment == expected["funnel"]
    # segments with the most journeys first, then by name; "(none)" last
    assert list(by_segment) == sorted(
        by_segment, key=lambda s: (s == ref.NO_VALUE, -by_segment[s][0], s)
    )


@FAST
@given(cases())
def test_median_time_to_convert_matches_the_reference(case):
    got = _run(case)
    if got is None:
        return
    m, expected, names, breakdown = got
    if m.order == "any":
        with pytest.raises(JourneyMapError, match="no order"):
            m.time_to_next()
        return
    table = m.time_to_next(breakdown)
    parts = [(None, table)] if breakdown is None else list(table.groupby(breakdown, sort=False))
    if breakdown is not None and len(names) > 1:
        assert {s for s, _ in parts} == set(expected["funnel"])
    for segment, part in parts:
        waits = expected["waits"].get(segment, {})
        assert part["from_stage"].tolist() == names[:-1]
        for j, row in enumerate(part.itertuples(), start=1):
            found = waits.get(j, [])
            assert getattr(row, m.unit) == len(found)
            if found:
                assert row.median == pd.Timedelta(microseconds=round(ref.quantile(found, 0.5)))
                assert row.p90 == pd.Timedelta(microseconds=round(ref.quantile(found, 0.9)))
            else:
                assert pd.isna(row.median) and pd.isna(row.p90)


@FAST
@given(cases())
def test_repeats_and_transitions_match_the_reference(case):
    got = _run(case)
    if got is None:
        return
    m, expected, names, _ = got
    repeats = m.repeat_rate()
    pairs = list(zip(repeats[m.unit], repeats[f"repeat_{m.unit}"], strict=True))
    assert pairs == expected["repeats"]
    moves = {
        (names.index(r.from_stage), None if r.to_stage == "(end)" else names.index(r.to_stage)): (
            getattr(r, m.unit),
            r.moves,
        )
        for r in m.transitions().itertuples()
    }
    assert moves == expected["transitions"]


def _log(*rows, **columns):
    frame = pd.DataFrame(
        {
            "user_id": [r[0] for r in rows],
            "event": [r[1] for r in rows],
            "timestamp": [START + pd.Timedelta(seconds=r[2]) for r in rows],
        }
    )
    return read_events(frame.assign(**columns))


STAGES = {"A": "e0", "B": "e1", "C": "e2"}
TWO = {"A": "e0", "B": "e1"}


def test_strict_order_needs_the_very_next_event_ties_in_log_order():
    log = _log(
        ("a", "e0", 0), ("a", "e1", 0), ("a", "e2", 0),  # a tie, in order in the log
        ("b", "e0", 0), ("b", "noise", 1), ("b", "e1", 2),  # something between
        ("c", "e0", 0), ("c", "e0", 1), ("c", "e1", 2),  # the first stage twice
    )  # fmt: skip
    assert measure(log, STAGES).funnel()["users"].tolist() == [3, 3, 1]
    assert measure(log, STAGES, order="strict").funnel()["users"].tolist() == [3, 1, 1]


def test_any_order_takes_stages_as_they_come_within_one_window():
    log = _log(
        ("a", "e2", 0), ("a", "e1", 1), ("a", "e0", 2),  # backwards
        ("b", "e1", 0), ("b", "e0", 9),  # B and A, far apart
        ("c", "e0", 0), ("c", "e2", 1),  # skips B
    )  # fmt: skip
    assert measure(log, STAGES).funnel()["users"].tolist() == [3, 0, 0]
    assert measure(log, STAGES, order="any").funnel()["users"].tolist() == [3, 2, 1]
    window = measure(log, STAGES, order="any", within="5s").funnel()
    assert window["users"].tolist() == [3, 1, 1]
    with pytest.raises(JourneyMapError, match="no steps"):
        measure(log, STAGES, order="any", step_within="5s")


def test_a_window_per_step_counts_from_the_stage_before_and_is_inclusive():
    log = _log(
        ("a", "e0", 0), ("a", "e1", 5), ("a", "e2", 6),
        ("b", "e0", 0), ("b", "e1", 1), ("b", "e2", 7),
    )  # fmt: skip
    steps = measure(log, STAGES, step_within={"B": "5s", "C": "1s"})
    assert steps.funnel()["users"].tolist() == [2, 2, 1]
    overall = measure(log, STAGES, within="6s", step_within="5s")
    assert overall.funnel()["users"].tolist() == [2, 2, 1]
    times = steps.time_to_next()
    assert times["median"].tolist() == [pd.Timedelta(seconds=3), pd.Timedelta(seconds=1)]


def test_sessions_split_at_gaps_or_by_a_column():
    log = _log(
        ("a", "e0", 0), ("a", "e1", 60), ("a", "e0", 4000), ("a", "noise", 5000),
        ("a", "e1", 6000),
        visit=["v1", "v1", "v2", "v2", "v2"],
    )  # fmt: skip
    users = measure(log, TWO).funnel()
    assert users.columns[1] == "users" and users["users"].tolist() == [1, 1]
    by_gap = measure(log, TWO, count="sessions").funnel()  # 30 minutes
    assert by_gap.columns[1] == "sessions" and by_gap["sessions"].tolist() == [2, 2]
    for gap, counts in (("10min", [2, 1]), ("2h", [1, 1])):
        got = measure(log, TWO, count="sessions", session=gap).funnel()
        assert got["sessions"].tolist() == counts, gap
    by_column = measure(log, TWO, count="sessions", session="visit").funnel()
    assert by_column["sessions"].tolist() == [2, 2]
    # a gap exactly as long as the limit does not end the visit; one second more does
    edge = _log(("a", "e0", 0), ("a", "e1", 600), ("b", "e0", 0), ("b", "e1", 601))
    got = measure(edge, TWO, count="sessions", session="10min").funnel()
    assert got["sessions"].tolist() == [2, 1]
    with pytest.raises(JourneyMapError, match="neither a length of time nor a column"):
        measure(log, TWO, count="sessions", session="visits")
    with pytest.raises(JourneyMapError, match="count='sessions'"):
        measure(log, TWO, session="visit")


def test_a_breakdown_uses_the_first_touch_and_names_a_missing_column():
    log = _log(
        ("a", "e0", 0), ("a", "e1", 1),
        ("b", "e0", 0), ("b", "e1", 1), ("b", "e2", 2),
        ("c", "e0", 0),
        device=["phone", "computer", "computer", "computer", "computer", None],
    )  # fmt: skip
    m = measure(log, STAGES)
    table = m.funnel(breakdown="device")
    assert table.columns.tolist() == [
        "device",
        "stage",
        "users",
        "share_of_start",
        "share_of_previous",
    ]
    assert table.attrs["breakdown"] == "device"
    got = {d: part["users"].tolist() for d, part in table.groupby("device", sort=False)}
    assert got == {"computer": [1, 1, 1], "phone": [1, 1, 0], "(none)": [1, 0, 0]}
    assert list(got) == ["computer", "phone", "(none)"]  # a's phone: its first event
    by_event = m.funnel(breakdown="event")
    assert set(by_event["event"]) == {"e0"}
    with pytest.raises(JourneyMapError, match=r"no column 'devise'.*write 'device'") as err:
        m.funnel(breakdown="devise")
    assert "device" in err.value.problems[0].message


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"order": "random"}, "not an order"),
        ({"count": "visitors"}, "not what a funnel counts"),
        ({"step_within": {"A": "1h"}}, "first stage has no step"),
        ({"step_within": {"D": "1h"}}, "not one of the measured stages"),
        ({"step_within": "soon"}, "not a length of time"),
        ({"count": "sessions", "session": "-5min"}, "neither a length of time"),
    ],
)
def test_bad_options_say_what_to_write(options, says):
    log = _log(("a", "e0", 0), ("a", "e1", 1), ("a", "e2", 2))
    with pytest.raises(JourneyMapError, match=says):
        measure(log, STAGES, **options)
