"""The same measurement on DuckDB and on SQLite gives identical results.

DuckDB is the embedded default; SQLite stands in for "any other Ibis backend"
(a warehouse such as BigQuery takes the same path: an Ibis table in, one query per
question out). Percentiles, which SQLite lacks, are computed client-side there.
"""

from __future__ import annotations

import ibis
import pandas as pd
import pandas.testing as pdt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeykit.analytics import measure, read_events
from journeykit.errors import JourneyMapError

START = pd.Timestamp("2024-03-01")
STAGES = {
    "Awareness": ["ad click", "blog visit"],
    "Consideration": "browse",
    "Decision": "purchase",
    "Retention": "delivery tracking",
}
NAMES = ["ad click", "blog visit", "browse", "purchase", "delivery tracking", "size guide"]


def _frame(rows):
    return pd.DataFrame(
        {
            "user_id": [r[0] for r in rows],
            "event": [r[1] for r in rows],
            "timestamp": [START + pd.Timedelta(seconds=r[2]) for r in rows],
            "seq": range(len(rows)),
            "device": ["phone" if r[2] % 3 else "computer" for r in rows],
        }
    )


def _results(m):
    out = {
        "funnel": m.funnel(),
        "by device": m.funnel(breakdown="device"),
        "dropoff": m.dropoff(),
        "repeat_rate": m.repeat_rate(),
        "transitions": m.transitions(),
        "unmapped": m.unmapped(),
    }
    if m.order != "any":
        out["time_to_next"] = m.time_to_next()
    return out


def _assert_same(a, b):
    for key in a:
        pdt.assert_frame_equal(
            a[key].reset_index(drop=True), b[key].reset_index(drop=True), check_dtype=False, obj=key
        )


def _sqlite_table(frame, name="events"):
    con = ibis.sqlite.connect()
    return con.create_table(name, ibis.memtable(frame))


def _duckdb_table(frame, name="events"):
    con = ibis.duckdb.connect()
    return con.create_table(name, ibis.memtable(frame))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from("abcde"), st.sampled_from(NAMES), st.integers(0, 8)),
        min_size=8,
        max_size=50,
    ),
    st.sampled_from([None, "4s"]),
    st.sampled_from(
        [
            {},
            {"order": "any"},
            {"step_within": "3s"},
            {"count": "sessions", "session": "2s"},
            {"count": "sessions", "session": "device"},
        ]
    ),
)
def test_duckdb_and_sqlite_agree(rows, within, options):
    frame = _frame(rows)
    present = set(frame["event"])
    stages = {k: v for k, v in STAGES.items() if present & ({v} if isinstance(v, str) else set(v))}
    if not stages:
        return
    stages = {
        k: [n for n in ([v] if isinstance(v, str) else v) if n in present]
        for k, v in stages.items()
    }
    on_frame = _results(measure(read_events(frame), stages, within=within, **options))
    on_duck = _results(
        measure(read_events(_duckdb_table(frame), order="seq"), stages, within=within, **options)
    )
    on_lite = _results(
        measure(read_events(_sqlite_table(frame), order="seq"), stages, within=within, **options)
    )
    _assert_same(on_frame, on_duck)
    _assert_same(on_frame, on_lite)


def test_a_question_an_engine_cannot_answer_names_the_engine_and_the_question():
    """SQLite's parser refuses the strict-order funnel (nested too deep); a warehouse may
    lack an operation Ibis needs. Either way the learner reads which engine and question."""
    frame = _frame([("a", "ad click", 0), ("a", "browse", 1), ("a", "purchase", 2)])
    stages = {"A": "ad click", "C": "browse", "D": "purchase"}
    lite = measure(read_events(_sqlite_table(frame)), stages, order="strict")
    with pytest.raises(JourneyMapError) as err:
        lite.funnel()
    assert err.value.problems[0].message.startswith("SQLite could not compute the funnel: ")
    assert "save the log as Parquet" in err.value.problems[0].fix
    duck = measure(read_events(frame), stages, order="strict")
    assert duck.funnel()["users"].tolist() == [1, 1, 1]
    from journeykit.analytics import _backend

    table = _sqlite_table(frame, "refused")
    with pytest.raises(JourneyMapError, match="the 90th percentile cannot be asked of SQLite"):
        _backend.execute(
            table.aggregate(p90=table.seq.quantile(0.9)), "t", "the 90th percentile", "sqlite"
        )


def test_sqlite_without_order_column_uses_row_order():
    rows = [("a", "ad click", 0), ("a", "browse", 0), ("b", "browse", 0), ("b", "ad click", 0)]
    frame = _frame(rows).drop(columns="seq")
    stages = {"A": "ad click", "C": "browse"}
    lite = measure(read_events(_sqlite_table(frame)), stages).funnel()
    assert lite["users"].tolist() == [2, 1]


def test_epoch_numbers_on_sqlite_keep_microseconds():
    frame = pd.DataFrame(
        {
            "user_id": ["a", "a"],
            "event": ["ad click", "purchase"],
            "t": [1_700_000_000_000_001, 1_700_000_000_000_003],
        }
    )
    lite = measure(
        read_events(_sqlite_table(frame), time="t", time_unit="us"),
        {"A": "ad click", "D": "purchase"},
    )
    assert lite.time_to_next()["median"].tolist() == [pd.Timedelta(microseconds=2)]


def test_sql_is_in_the_backends_dialect():
    frame = _frame([("a", "ad click", 0), ("a", "purchase", 1)])
    stages = {"A": "ad click", "D": "purchase"}
    lite = measure(read_events(_sqlite_table(frame)), stages)
    duck = measure(read_events(frame), stages)
    for m in (lite, duck):
        text = m.sql()
        assert "WITH" in text and "ROW_NUMBER()" in text.upper()
    assert "jk_events" in duck.sql()
    with pytest.raises(ValueError, match="is not a question"):
        duck.sql("everything")


def test_one_query_per_funnel(monkeypatch):
    """The funnel runs as one query, whatever the number of stages; drop-off reuses it."""
    from journeykit.analytics import _backend

    log = read_events(
        _frame(
            [
                (u, n, i)
                for i, (u, n) in enumerate(
                    [
                        ("a", "ad click"),
                        ("a", "browse"),
                        ("a", "purchase"),
                        ("a", "delivery tracking"),
                        ("b", "blog visit"),
                    ]
                )
            ]
        )
    )
    m = measure(log, STAGES)
    calls = []
    original = _backend.execute

    def counting(expr, *args, **kwargs):
        calls.append(expr)
        return original(expr, *args, **kwargs)

    monkeypatch.setattr(_backend, "execute", counting)
    assert m.funnel()["users"].tolist() == [2, 1, 1, 1]
    m.dropoff()
    assert len(calls) == 1
