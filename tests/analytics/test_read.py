"""Reading logs: every kind of source, log order, presets, laziness and memory."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from importlib.metadata import requires
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from packaging.requirements import Requirement

from journeykit.analytics import measure, read_events

ROOT = Path(__file__).resolve().parents[2]
STAGES = {"A": "ad click", "C": "browse", "D": "purchase"}


def _write(path, rows, header="user_id,event,timestamp"):
    path.write_text(header + "\n" + "\n".join(",".join(r) for r in rows) + "\n")
    return str(path)


def test_csv_parquet_dataframe_and_ibis_table_agree(tmp_path):
    rows = [
        ("a", "ad click", "2024-05-01T10:00:00Z"),
        ("a", "browse", "2024-05-01T10:00:00Z"),
        ("a", "purchase", "2024-05-01T11:00:00+01:00"),
        ("b", "browse", "2024-05-01T09:00Z"),
        ("b", "ad click", "2024-05-01T09:30:00Z"),
    ]
    csv_path = _write(tmp_path / "log.csv", rows)
    frame = pd.read_csv(csv_path)
    pq_path = tmp_path / "log.parquet"
    pq.write_table(
        pa.Table.from_pandas(
            frame.assign(timestamp=pd.to_datetime(frame["timestamp"], utc=True, format="ISO8601"))
        ),
        pq_path,
    )
    import ibis

    table = ibis.duckdb.connect().create_table(
        "t",
        ibis.memtable(
            frame.assign(
                timestamp=pd.to_datetime(
                    frame["timestamp"], utc=True, format="ISO8601"
                ).dt.tz_localize(None),
                order=range(len(frame)),
            )
        ),
    )
    results = [
        measure(src, STAGES).funnel()
        for src in (csv_path, str(pq_path), frame, read_events(table, order="order"))
    ]
    for got in results:
        # a's purchase at 11:00+01:00 is 10:00 UTC: a tie, after the browse in log order
        assert got["users"].tolist() == [2, 1, 1]


def test_a_glob_keeps_file_then_row_order(tmp_path):
    _write(tmp_path / "part-1.csv", [("a", "ad click", "2024-05-01 10:00:00")])
    _write(
        tmp_path / "part-2.csv",
        [("a", "browse", "2024-05-01 10:00:00"), ("a", "purchase", "2024-05-01 10:00:00")],
    )
    events = read_events(str(tmp_path / "part-*.csv"))
    assert events.head()["event"].tolist() == ["ad click", "browse", "purchase"]
    assert measure(events, STAGES).funnel()["users"].tolist() == [1, 1, 1]
    _write(tmp_path / "part-3.csv", [("b", "ad click", "bad time")])
    with pytest.raises(ValueError, match=re.escape("part-3.csv, line 2: 'bad time'")):
        read_events(str(tmp_path / "part-*.csv"))


def test_parquet_glob_and_ga4_preset(tmp_path):
    for i, (ev, us) in enumerate(
        [("first_visit", 1_714_000_000_000_000), ("purchase", 1_714_000_000_500_000)]
    ):
        pq.write_table(
            pa.table(
                {
                    "user_pseudo_id": ["123.456"],
                    "event_name": [ev],
                    "event_timestamp": [us],
                    "event_params": ["{}"],
                }
            ),
            tmp_path / f"events_{i}.parquet",
        )
    events = read_events(str(tmp_path / "events_*.parquet"), preset="ga4")
    assert events.columns == {
        "user_id": "user_pseudo_id",
        "event": "event_name",
        "time": "event_timestamp",
    }
    m = measure(events, {"Aware": "first_visit", "Convert": "purchase"}, framework="eight-stage")
    assert m.funnel()["users"].tolist() == [1, 1]
    assert m.time_to_next()["median"].tolist() == [pd.Timedelta(milliseconds=500)]


def test_timezones_in_dataframes_become_utc():
    frame = pd.DataFrame(
        {
            "user_id": ["a", "a"],
            "event": ["ad click", "purchase"],
            "timestamp": pd.to_datetime(["2024-05-01 12:00", "2024-05-01 11:30"]).tz_localize(
                "Europe/Berlin"
            ),
        }
    )
    events = read_events(frame)
    assert str(events.head()["time"][0]) == "2024-05-01 10:00:00+00:00"


def test_mapping_shows_which_names_each_rule_claimed(tmp_path):
    from journeykit.analytics import prefix

    path = _write(
        tmp_path / "log.csv",
        [
            ("a", "view shoes", "2024-05-01 10:00:00"),
            ("a", "view hats", "2024-05-01 10:01:00"),
            ("a", "buy", "2024-05-01 10:02:00"),
        ],
    )
    m = measure(path, {"Look": prefix("view "), "Buy": "b?y"})
    assert m.mapping().values.tolist() == [
        ["Look", "view hats", 1],
        ["Look", "view shoes", 1],
        ["Buy", "buy", 1],
    ]
    assert "Look > Buy" in repr(m)


def _run(code):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    return out.stdout


def test_importing_the_kit_and_its_measure_names_loads_no_engine():
    out = _run("""
        import sys, json
        import journeykit as jk, journeykit.analytics
        jk.read_events, jk.measure, jk.prefix, jk.pattern, jk.Measurement, jk.EventLog
        print(json.dumps(sorted(m for m in ("ibis", "duckdb", "sqlglot", "pyarrow", "pandas")
                                if m in sys.modules)))
    """)
    assert json.loads(out) == []


def test_without_the_engine_a_learner_gets_the_install_command():
    """The analytics extra missing: a JourneyMapError saying what to install, no traceback."""
    out = _run("""
        import sys
        sys.modules["ibis"] = None  # what an environment without ibis-framework looks like
        import journeykit as jk
        try:
            jk.read_events("datasets/clothing-store-events.csv.gz")
        except jk.JourneyMapError as err:
            print(err)
    """)
    assert "needs ibis-framework, which is not installed" in out
    wanted = [
        req.split(";")[0]
        for req in requires("journeykit") or []
        if 'extra == "analytics"' in req.replace("'", '"')
    ]
    assert {Requirement(req).name for req in wanted} == {"ibis-framework", "duckdb"}
    assert "pip install" in out and all(f'"{req}"' in out for req in wanted), out


def test_duckdb_2_is_refused_with_the_version_that_works(monkeypatch):
    """duckdb 2.0 removed fetch_arrow_table(), which Ibis 12 calls: say so before it breaks."""
    import importlib.metadata

    from journeykit.analytics import _backend
    from journeykit.errors import JourneyMapError

    real = importlib.metadata.version
    monkeypatch.setattr(
        importlib.metadata, "version", lambda name: "2.0.1" if name == "duckdb" else real(name)
    )
    with pytest.raises(JourneyMapError) as err:
        _backend._check_duckdb()
    problem = err.value.problems[0]
    assert "duckdb 1.x" in problem.message and "2.0.1" in problem.message
    assert re.search(r'"duckdb[^"]*<2', problem.fix), problem.fix


def test_memory_stays_flat_on_a_bigger_file(tmp_path):
    """Files stream: doubling a 60 MB CSV adds less memory than the rows it adds.

    Loading it into pandas would add about twice the added size; here memory grows
    only with the events some stage claims (3 event names of 20) and the users.
    ``MALLOC_ARENA_MAX=2`` keeps the allocator's per-thread arenas from adding noise.
    """
    import duckdb

    code = """
        import resource, sys
        from journeykit.analytics import read_events, measure
        m = measure(read_events(sys.argv[1]), {"A": "ad click", "C": "browse",
                                               "D": "purchase"})
        m.funnel()
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    """

    def make(path, rows):
        duckdb.sql(f"""COPY (SELECT 'user' || (i % 50000) AS user_id,
                           CASE i % 20 WHEN 0 THEN 'ad click' WHEN 1 THEN 'browse'
                                WHEN 2 THEN 'purchase' ELSE 'other ' || (i % 20) END AS event,
                           '2024-05-01 10:' || lpad(CAST(i % 60 AS VARCHAR), 2, '0')
                               || ':00' AS timestamp
                           FROM range({rows}) r(i)) TO '{path}' (HEADER)""")
        return str(path)

    def peak(path):
        env = dict(os.environ, PYTHONPATH=str(ROOT), MALLOC_ARENA_MAX="2")
        out = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code), path],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=True,
        )
        return int(out.stdout.split()[-1])

    one = make(tmp_path / "one.csv", 1_600_000)
    two = make(tmp_path / "two.csv", 3_200_000)
    added_mb = (os.path.getsize(two) - os.path.getsize(one)) / 2**20
    # the least of two runs each: DuckDB's threads add up to ~60 MB of noise to one peak
    growth = min(peak(two) for _ in range(2)) - min(peak(one) for _ in range(2))
    assert growth < added_mb, (growth, added_mb)
