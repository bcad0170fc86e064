"""How fast and lean ``jk.measure`` computes a closed funnel, next to the alternatives.

One run generates (seeded) a 10-million-event log as Parquet, then computes the
same 4-step closed funnel with each contender, each in its own fresh process:

* ``journeykit``: ``jk.read_events(path)`` + ``jk.measure(...).funnel()``, end to end
  from ``import journeykit`` (the read includes the one profiling query that checks the log);
* ``duckdb floor``: the best hand-written DuckDB query we know (the floor);
* ``pandas``: a plain vectorised pandas implementation (read, sort, chained merges);
* ``retentioneering``: ``Eventstream(df).funnel_data(steps)``, installed by this script
  into a throwaway venv, telemetry off (``RETENTIONEERING_NO_TRACK=1``).

Every contender must report the same counts (the script fails otherwise). Time is
the worker's own wall time from before its imports to the result (and its CPU time,
steadier on a shared machine); peak memory is the worker process's maximum resident set
size, read with ``os.wait4`` (Linux and macOS; data is generated in its own child, since
a child's peak starts at its parent's size when it forks). Each contender runs ``--runs``
times; the median time and the largest peak are shown.

Goals: journeykit's funnel query <= 1.5x the floor's query (both after their imports and,
for journeykit, after reading and checking the log); retentioneering >= 10x slower and
>= 4x heavier than journeykit end to end.

The machine these figures come from is shared: under load, wall times swing 2-4x from
run to run, so the CPU times (user + system, from ``os.wait4``) are printed beside them.

Options: ``--big-csv-gb 3`` also streams a multi-GB CSV (journeykit and the floor);
``--spark`` also runs the same ``jk.measure`` through Ibis on PySpark in local mode, a
correctness check that the warehouse path gives the same counts (needs Java 17 or
newer on the PATH; installs pyspark into a throwaway venv); ``--skip retentioneering``
leaves a contender out. Data and venvs go to ``--data`` (default: the temp folder's
``jk-bench``) and are reused by later runs.
Usage: ``python benchmarks/measure.py [--events N] [--runs N] [--spark] [--big-csv-gb G]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STEPS = ["view_item", "add_to_cart", "begin_checkout", "purchase"]
NAMES = [
    "session_start",
    "page_view",
    "scroll",
    "search",
    "view_item_list",
    "view_item",
    "select_item",
    "add_to_wishlist",
    "add_to_cart",
    "remove_from_cart",
    "view_cart",
    "begin_checkout",
    "add_shipping_info",
    "add_payment_info",
    "purchase",
    "sign_up",
    "login",
    "share",
    "view_promotion",
    "user_engagement",
]
WEIGHTS = [6, 30, 12, 4, 6, 12, 4, 1, 4, 1, 3, 2, 1.5, 1.2, 1, 0.5, 2, 0.3, 2, 6.5]
GOALS = {"floor": 1.5, "rete_time": 10.0, "rete_memory": 4.0}


def generate(path: Path, events: int, seed: int) -> None:
    """Write a seeded GA4-like log: ``user_id``, ``event``, ``timestamp`` (time order).

    One user per 20 events; 90 days in whole seconds; 3% of events share the time of
    the same user's previous event (ties, kept in log order).
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    users = max(events // 20, 1)
    p = np.array(WEIGHTS) / sum(WEIGHTS)
    event = rng.choice(len(NAMES), size=events, p=p).astype(np.int32)
    user = rng.integers(0, users, size=events).astype(np.int32)
    start, span = 1_704_067_200, 90 * 86_400  # 2024-01-01, 90 days
    ts = start + rng.integers(0, span, size=events)
    by_user = np.lexsort((ts, user))
    tie = rng.random(events) < 0.03
    same = np.zeros(events, dtype=bool)
    same[1:] = user[by_user][1:] == user[by_user][:-1]
    sorted_ts = ts[by_user]
    take = np.flatnonzero(tie[1:] & same[1:]) + 1
    sorted_ts[take] = sorted_ts[take - 1]
    ts[by_user] = sorted_ts
    order = np.argsort(ts, kind="stable")
    ids = pa.array([f"u{i:07d}" for i in range(users)])
    table = pa.table(
        {
            "user_id": pa.DictionaryArray.from_arrays(pa.array(user[order]), ids).cast(pa.string()),
            "event": pa.DictionaryArray.from_arrays(pa.array(event[order]), pa.array(NAMES)).cast(
                pa.string()
            ),
            "timestamp": pa.array(ts[order] * 1_000_000, pa.timestamp("us")),
        }
    )
    pq.write_table(table, path, row_group_size=1_000_000)


PRELUDE = """
import json, resource, sys, time
START = time.perf_counter()
PATH, STEPS = sys.argv[1], json.loads(sys.argv[2])
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
def done(counts, **extra):
    print(json.dumps({"seconds": time.perf_counter() - START,
                      "counts": [int(c) for c in counts], **extra}))
"""

WORKERS = {
    "journeykit": """
import journeykit as jk
log = jk.read_events(PATH)
read = time.perf_counter() - START
m = jk.measure(log, {step: step for step in STEPS})
t0, c0 = time.perf_counter(), cpu()
f = m.funnel()
done(f["users"], read_s=read, query_s=time.perf_counter() - t0, query_cpu_s=cpu() - c0)
""",
    "duckdb floor": """
import duckdb
con = duckdb.connect()
source = (f"read_csv('{PATH}')" if PATH.endswith(".csv") else
          f"read_parquet('{PATH}', file_row_number = true)")
position = "row_number() OVER ()" if PATH.endswith(".csv") else "file_row_number"
case = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STEPS))
links = [f"r0 AS (SELECT u, min(k) AS k FROM e WHERE s = 0 GROUP BY u)"] + [
    f"r{i} AS (SELECT e.u, min(e.k) AS k FROM e JOIN r{i-1} p ON e.u = p.u "
    f"WHERE e.s = {i} AND e.k > p.k GROUP BY e.u)" for i in range(1, len(STEPS))]
sql = f'''
WITH raw AS (SELECT user_id AS u, "timestamp" AS t, event, {position} AS o FROM {source}),
c AS (SELECT u, t, o, CASE event {case} END AS s FROM raw
      WHERE event IN ({", ".join(repr(s) for s in STEPS)})),
e AS (SELECT u, s, row_number() OVER (ORDER BY t, o) AS k FROM c),
{", ".join(links)}
SELECT {", ".join(f"(SELECT count(*) FROM r{i})" for i in range(len(STEPS)))}'''
t0, c0 = time.perf_counter(), cpu()
row = con.sql(sql).fetchone()
done(row, query_s=time.perf_counter() - t0, query_cpu_s=cpu() - c0)
""",
    "pandas": """
import numpy as np, pandas as pd
df = pd.read_parquet(PATH, columns=["user_id", "event", "timestamp"])
df["o"] = np.arange(len(df))
stage = df["event"].map({s: i for i, s in enumerate(STEPS)})
df = df[stage.notna()].assign(s=stage[stage.notna()].astype("int8"))
df = df.sort_values(["user_id", "timestamp", "o"], kind="stable")
df["k"] = np.arange(len(df))  # increasing in each user's (time, log) order
reach = df[df["s"] == 0].groupby("user_id")["k"].min()
counts = [len(reach)]
for i in range(1, len(STEPS)):
    c = df.loc[df["s"] == i, ["user_id", "k"]]
    c = c.join(reach.rename("pk"), on="user_id", how="inner")
    reach = c[c["k"] > c["pk"]].groupby("user_id")["k"].min()
    counts.append(len(reach))
done(counts)
""",
    "retentioneering": """
import pandas as pd
from retentioneering.eventstream import Eventstream
df = pd.read_parquet(PATH, columns=["user_id", "event", "timestamp"])
stream = Eventstream(df, schema={"path_cols": ["user_id"], "event_col": "event",
                                 "timestamp_col": "timestamp"})
result = stream.funnel_data(steps=STEPS)
done([s["unique_paths"] for s in result["steps"]])
""",
    "journeykit on pyspark": """
sys.path.insert(0, sys.argv[3])  # the kit from this folder (the venv has no DuckDB)
import journeykit as jk
import ibis
from pyspark.sql import SparkSession
spark = (SparkSession.builder.master("local[2]").config("spark.driver.memory", "4g")
         .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
         .getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
from pyspark.sql.functions import monotonically_increasing_id
# Spark tables have no row order of their own: keep the file's as a column
spark.read.parquet(PATH).withColumn("log_order", monotonically_increasing_id()
                                    ).createOrReplaceTempView("events")
con = ibis.pyspark.connect(spark)
m = jk.measure(jk.read_events(con.table("events"), order="log_order"),
               {step: step for step in STEPS})
done(m.funnel()["users"])
""",
}


def run_worker(name: str, python: str, data: Path, env: dict[str, str] | None = None) -> dict:
    """Run one contender in a fresh process; return its JSON plus ``peak_mb``."""
    code = textwrap.dedent(PRELUDE) + textwrap.dedent(WORKERS[name])
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            [python, "-c", code, str(data), json.dumps(STEPS), str(ROOT)],
            stdout=out,
            stderr=err,
            env={**os.environ, **(env or {})},
        )
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, problems = out.read(), err.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{problems[-3000:]}")
    result = json.loads(text.strip().splitlines()[-1])
    result["peak_mb"] = usage.ru_maxrss / 1024  # KiB on Linux
    result["cpu_s"] = usage.ru_utime + usage.ru_stime
    return result


def throwaway_venv(where: Path, packages: list[str]) -> str:
    """A venv with ``packages`` (made once, reused); return its python."""
    python = where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        print(f"  installing {' '.join(packages)} into {where} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=True)
    return str(python)


def measure_all(contenders: dict[str, tuple[str, dict]], data: Path, runs: int) -> dict:
    results = {}
    for name, (python, env) in contenders.items():
        tries = [run_worker(name, python, data, env) for _ in range(runs)]
        counts = {tuple(t["counts"]) for t in tries}
        assert len(counts) == 1, f"{name} gave different counts across runs: {counts}"
        results[name] = {
            "seconds": statistics.median(t["seconds"] for t in tries),
            "best": min(t["seconds"] for t in tries),
            "peak_mb": max(t["peak_mb"] for t in tries),
            "cpu_s": statistics.median(t["cpu_s"] for t in tries),
            "counts": tries[0]["counts"],
            **{
                k: statistics.median(t[k] for t in tries)
                for k in ("read_s", "query_s", "query_cpu_s")
                if k in tries[0]
            },
        }
        r = results[name]
        extra = f"  (imports+read+check {r['read_s']:.2f} s)" if "read_s" in r else ""
        extra += (
            f"  funnel query {r['query_s']:.2f} s (cpu {r['query_cpu_s']:.2f})"
            if "query_s" in r
            else ""
        )
        print(
            f"  {name:<22} {r['seconds']:7.2f} s (best {r['best']:.2f}, cpu {r['cpu_s']:.2f})"
            f"  {r['peak_mb']:7.0f} MB  {r['counts']}{extra}",
            flush=True,
        )
    return results


def report(results: dict) -> bool:
    counts = {name: tuple(r["counts"]) for name, r in results.items()}
    agree = len(set(counts.values())) == 1
    print("same counts everywhere:", "yes" if agree else f"NO: {counts}")
    ours = results["journeykit"]
    ok = agree
    if "duckdb floor" in results:
        floor = results["duckdb floor"]
        ratio = ours["query_s"] / floor["query_s"]
        ok &= ratio <= GOALS["floor"]
        cpu = ours["query_cpu_s"] / floor["query_cpu_s"]
        print(
            f"journeykit / floor: funnel query {ratio:.2f}x (goal <= {GOALS['floor']}; "
            f"cpu {cpu:.2f}x), end to end {ours['seconds'] / floor['seconds']:.2f}x, "
            f"memory {ours['peak_mb'] / floor['peak_mb']:.2f}x"
        )
    if "pandas" in results:
        print(
            f"pandas / journeykit: time {results['pandas']['seconds'] / ours['seconds']:.1f}x, "
            f"memory {results['pandas']['peak_mb'] / ours['peak_mb']:.1f}x"
        )
    if "retentioneering" in results:
        rete = results["retentioneering"]
        t, m = rete["seconds"] / ours["seconds"], rete["peak_mb"] / ours["peak_mb"]
        ok &= t >= GOALS["rete_time"] and m >= GOALS["rete_memory"]
        print(
            f"retentioneering / journeykit: time {t:.1f}x (goal >= {GOALS['rete_time']:.0f}; "
            f"cpu {rete['cpu_s'] / ours['cpu_s']:.1f}x), "
            f"memory {m:.1f}x (goal >= {GOALS['rete_memory']:.0f})"
        )
    return ok


def big_csv(parquet: Path, gigabytes: float, folder: Path) -> Path:
    """A CSV of about ``gigabytes`` GB: the log repeated with renamed users, streamed."""
    import duckdb

    path = folder / f"big-{gigabytes:g}GB.csv"
    if path.exists():
        return path
    con = duckdb.connect()
    one = parquet.stat().st_size * 4.3  # a CSV is about 4.3 times the Parquet here
    copies = max(1, round(gigabytes * 1e9 / one))
    con.sql(f"""COPY (SELECT 'c' || c.i || '-' || user_id AS user_id, event, "timestamp"
                FROM range({copies}) c(i), read_parquet('{parquet}')
                ORDER BY c.i) TO '{path}' (HEADER)""")
    return path


def in_child(call: str) -> None:
    """Run ``call`` (a function of this file) in a fresh Python process."""
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r})\n"
        f"from pathlib import Path\nfrom measure import *\n{call}"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "jk-bench")
    parser.add_argument("--skip", nargs="*", default=[], help="contenders to leave out")
    parser.add_argument("--big-csv-gb", type=float, default=0.0)
    parser.add_argument("--spark", action="store_true")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    data = args.data / f"events-{args.events}-seed{args.seed}.parquet"
    if not data.exists():  # in a child: a big parent would inflate every child's peak RSS
        t0 = time.perf_counter()
        in_child(f"generate(Path({str(data)!r}), {args.events}, {args.seed})")
        print(f"generated {data} in {time.perf_counter() - t0:.1f} s")
    print(
        f"{args.events:,} events, {data.stat().st_size / 1e6:.0f} MB Parquet, "
        f"{os.cpu_count()} cores; steps {' > '.join(STEPS)}"
    )
    contenders = {name: (sys.executable, {}) for name in ("journeykit", "duckdb floor", "pandas")}
    if "retentioneering" not in args.skip:
        rete = throwaway_venv(args.data / "venv-retentioneering", ["retentioneering", "pyarrow"])
        contenders["retentioneering"] = (rete, {"RETENTIONEERING_NO_TRACK": "1"})
    contenders = {k: v for k, v in contenders.items() if k not in args.skip}
    results = measure_all(contenders, data, args.runs)
    ok = report(results)
    if args.big_csv_gb:
        path = args.data / f"big-{args.big_csv_gb:g}GB.csv"
        if not path.exists():
            in_child(f"big_csv(Path({str(data)!r}), {args.big_csv_gb}, Path({str(args.data)!r}))")
        print(f"\nstreaming {path.name} ({path.stat().st_size / 1e9:.1f} GB CSV), one run each")
        measure_all({k: (sys.executable, {}) for k in ("journeykit", "duckdb floor")}, path, 1)
    if args.spark and shutil.which("java") is None:
        print("\n--spark: no java on the PATH; install Java 17 or newer to run the Spark check")
    elif args.spark:
        python = throwaway_venv(
            args.data / "venv-pyspark",
            ["pyspark", "ibis-framework[pyspark]>=12,<13", "pandas", "pyarrow"],
        )
        print("\njourneykit through Ibis on PySpark (local[2]): a check of the counts, not a race")
        spark = measure_all({"journeykit on pyspark": (python, {})}, data, 1)
        duck = results.get("journeykit", results.get("duckdb floor", {})).get("counts")
        same = spark["journeykit on pyspark"]["counts"] == duck
        print("same counts as on DuckDB:", "yes" if same else "NO")
        ok &= same
    print("goals met" if ok else "GOALS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
