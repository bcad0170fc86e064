"""What a big funnel keeps in memory: the query's own, not pandas on top of it.

A file read with ``jk.read_events`` and measured leaves pandas (about 80 MB resident once
imported, with the pyarrow it loads) unloaded until the first result is made, and the
kit's DuckDB hands the memory its query took back to the system before that: so the
process's peak is the query's, not the query's plus pandas (``_backend.execute``,
``_backend.release_memory``). ``benchmarks/measure.py --cases public`` measures the
same on 10 million events, against the hand-written DuckDB query and retentioneering.

Each check runs in a fresh process (the test process has pandas loaded already) and
reads its resident memory from ``/proc``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads resident memory from /proc"
)

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys

def rss(field="VmRSS"):
    with open("/proc/self/status") as status:
        return int(dict(line.split(":", 1) for line in status)[field].split()[0]) // 1024

seen = {}

class Spy:  # notes the resident memory when pandas starts to load
    def find_spec(self, name, path=None, target=None):
        if name == "pandas" and "pandas" not in seen:
            seen["pandas"] = rss()
        return None

sys.meta_path.insert(0, Spy())
import journeykit as jk
log = jk.read_events(sys.argv[1])
m = jk.measure(log, {"A": "a", "B": "b", "C": "c"})
early = sorted(name for name in ("pandas", "pyarrow") if name in sys.modules)
before = rss()
users = m.funnel()["users"].tolist()
print(json.dumps({"early": early, "before": before, "at_pandas": seen.get("pandas"),
                  "peak": rss("VmHWM"), "users": users}))
"""


@pytest.fixture(scope="module")
def big_log(tmp_path_factory: pytest.TempPathFactory) -> str:
    """1.5 M events (more than read_events checks when reading), text ids and times."""
    import duckdb

    path = tmp_path_factory.mktemp("memory") / "log.parquet"
    duckdb.sql(f"""COPY (SELECT 'user-' || lpad(CAST(i % 49999 AS VARCHAR), 8, '0') AS user_id,
                        CASE i % 4 WHEN 0 THEN 'a' WHEN 1 THEN 'b' WHEN 2 THEN 'c'
                             ELSE 'other' END AS event,
                        strftime(TIMESTAMP '2024-01-01' + to_seconds(i // 7),
                                 '%Y-%m-%dT%H:%M:%SZ') AS timestamp
                    FROM range(1500000) r(i)) TO '{path}'""")
    return str(path)


def run_child(path: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHILD), path],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    got: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return got


def test_reading_and_measuring_a_big_file_loads_neither_pandas_nor_pyarrow(big_log: str) -> None:
    got = run_child(big_log)
    assert got["early"] == [], f"loaded before the first question: {got['early']}"
    assert got["users"] == [49999, 49999, 49999]


def test_pandas_loads_after_duckdb_has_handed_back_the_funnels_memory(big_log: str) -> None:
    """The query takes 150-250 MB here; when pandas starts to load for the result, the
    process holds hardly more than before the query (about 15 MB, the result and
    DuckDB's caches). Without the release it still holds most of the query's memory,
    and pandas adds to it."""
    got = run_child(big_log)
    before, at_pandas, peak = (int(str(got[k])) for k in ("before", "at_pandas", "peak"))
    assert peak - before > 60, f"the query should take memory to hand back: {got}"
    assert at_pandas - before < (peak - before) / 3, got


def claimed_columns(sql: str) -> list[str]:
    """The columns of the claimed events, the CTE every stage of a funnel reads."""
    import sqlglot

    tree = sqlglot.parse_one(sql, read="duckdb")
    cte = next(c for c in tree.find_all(sqlglot.exp.CTE) if c.alias == "claimed_events")
    return list(cte.this.named_selects)


def test_the_events_a_funnel_holds_carry_only_what_it_follows() -> None:
    """DuckDB keeps the claimed events in memory (every stage reads them): for a funnel
    without windows, the journey, the stage and the time order, as the hand-written
    query keeps them; no time, log order or event name column (each about 10% of what
    it holds on the public case), even on a big log whose names the query checks."""
    import ibis

    from journeykit.analytics import _backend, queries

    log = ibis.table(
        {"user_id": "string", "event": "string", "time_us": "int64", "log_order": "int64"},
        name="events",
    )
    stages = {"a": 0, "b": 1, "c": 2}
    names = tuple(stages)

    def columns(**options: object) -> list[str]:
        plan = queries.Plan(log, stages, 3, checked=False, names=names)
        if options:
            import dataclasses

            plan = dataclasses.replace(plan, **options)
        return claimed_columns(_backend.sql_of(queries.funnel(plan), "duckdb"))

    assert columns() == ["u", "s", "k"]
    assert columns(within_us=60_000_000) == ["u", "t", "s", "o", "k"]  # windows need times
    shared = {"a": 0, "a2": 0, "c": 1}  # two names share a stage: counted by name
    assert "name" in columns(stage_of=shared, stages=2, names=tuple(shared))
