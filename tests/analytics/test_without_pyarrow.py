"""A learner's install has no pyarrow, and measuring a journey works the same without it.

``make lab`` installs the ``analytics`` extra: Ibis without its backend extras, and
DuckDB. The tests run with the ``warehouse`` extra too (Ibis's own backends, which need
pyarrow), so here a fresh process blocks pyarrow the way an environment without it
looks to Python (``sys.modules["pyarrow"] = None``: every import of it fails).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pandas as pd

from journeykit.analytics import measure, read_events

ROOT = Path(__file__).resolve().parents[2]
STORE = ROOT / "datasets" / "clothing-store-events.csv.gz"
STAGES = {
    "Awareness": ["ad click", "blog visit"],
    "Consideration": "browse collection",
    "Decision": ["add to cart", "purchase"],
    "Retention": "delivery tracking",
}
#: Every question a learner asks of a log, as tidy tables (and the log's own summaries).
QUESTIONS = """
def answers(source, **options):
    log = read_events(source, **options)
    m = measure(log, STAGES, framework="five-stage-decision", within="60D")
    tables = {"funnel": m.funnel(), "dropoff": m.dropoff(), "time_to_next": m.time_to_next(),
              "repeat_rate": m.repeat_rate(), "transitions": m.transitions(),
              "unmapped": m.unmapped(), "head": log.head(), "event_counts": log.event_counts}
    out = {name: table.astype(str).to_dict("split") for name, table in tables.items()}
    out["users"], out["sql"] = log.users, m.sql("repeat_rate").splitlines()[-40:]
    return out
"""


def _without_pyarrow(code: str, *args: str) -> str:
    prelude = textwrap.dedent("""
        import json, sys
        sys.modules["pyarrow"] = None  # what an install without pyarrow looks like
        """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def _sources(tmp_path: Path) -> dict[str, str]:
    """The store's log as the CSV it ships as, and as Parquet (written by DuckDB)."""
    parquet = tmp_path / "store.parquet"
    duckdb.sql(
        f"COPY (SELECT * REPLACE (CAST(timestamp AS TIMESTAMP) AS timestamp) "
        f"FROM read_csv('{STORE.as_posix()}')) TO '{parquet.as_posix()}'"
    )
    return {"csv": str(STORE), "parquet": str(parquet)}


def test_every_question_gives_the_same_answers_without_pyarrow(tmp_path):
    sources = _sources(tmp_path)
    namespace = {"read_events": read_events, "measure": measure, "STAGES": STAGES}
    exec(QUESTIONS, namespace)
    frame = pd.read_csv(STORE)
    expected = {kind: namespace["answers"](path) for kind, path in sources.items()}
    expected["dataframe"] = namespace["answers"](frame)
    out = _without_pyarrow(
        f"""
        import pandas as pd
        from journeykit.analytics import measure, read_events
        STAGES = {STAGES!r}
        {textwrap.indent(QUESTIONS, " " * 8).strip()}
        got = {{kind: answers(path) for kind, path in json.loads(sys.argv[1]).items()}}
        got["dataframe"] = answers(pd.read_csv(sys.argv[2]))
        assert sys.modules["pyarrow"] is None  # still blocked: nothing got around it
        print(json.dumps(got))
        """,
        json.dumps(sources),
        str(STORE),
    )
    got = json.loads(out)
    assert got == json.loads(json.dumps(expected))
    assert int(got["csv"]["funnel"]["data"][0][1]) > 0  # a real funnel, not an empty one
