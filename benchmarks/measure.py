"""How fast and lean ``jk.measure`` computes a closed funnel, next to the alternatives.

One run prepares three logs of 10 million events as Parquet (made once, kept in
``--data``), then computes the same 4-step closed funnel on each with every contender,
each run in its own fresh process, the contenders taking turns:

* ``ga4``: generated, GA4-like: 20 events per user, dictionary-encoded text, typed times;
* ``export``: generated, shaped like many real exports: 16-character text user ids,
  text ISO times with milliseconds (``2024-01-01T10:00:00.123Z``), about 50 events per
  user, 20 event names, 3% ties; and the same log with typed times (``export typed``);
* ``public``: the synthetic e-commerce clickstream retentioneering 5.2 ships
  (``retentioneering/datasets/ecom.csv.gz``: 31,106 events, 19 event names, about 52
  per user, text times), written by its authors, not by us, replicated to 10 million
  events with renamed users; text times and typed (``public typed``). Not committed:
  it is read from the benchmark's own retentioneering venv.

Contenders:

* ``journeykit``: ``jk.read_events(path)`` + ``jk.measure(...).funnel()``;
* ``journeykit before``: the same code on the kit as it was at ``--before`` (default
  b34590e, before issue 27), checked out with ``git archive`` into ``--data``;
* ``duckdb floor``: the best hand-written DuckDB query we know, text times cast inside it
  (``CAST("timestamp" AS TIMESTAMP)``);
* ``pandas``: a plain vectorised pandas implementation (read, sort, chained merges);
* ``retentioneering``: ``Eventstream(df).funnel_data(steps)`` (5.2), installed by this
  script into its own venv (never a kit dependency), telemetry off
  (``RETENTIONEERING_NO_TRACK=1``).

Every contender must report the same counts on a log (the script fails otherwise). Time
is the worker's own wall time **from after its imports** to the result (read + measure +
funnel: what a user waits for; the kit imports Ibis, its SQL compilers and DuckDB, the
floor DuckDB, retentioneering pandas and itself), with its CPU time (steadier on a
shared machine) beside it. The kit imports pandas only when it makes its first result,
after its query has handed its memory back, as a user's script would: the worker does
not import it ahead, and the time that import takes in the run is left out of both
times (``imports_s``). Peak memory is the worker process's maximum resident set size,
imports included, read with ``os.wait4`` (Linux and macOS; logs are made in their own
child, since a child's peak starts at its parent's size when it forks). Each contender
runs ``--runs`` times, taking turns; the median time and the largest peak are shown.

Goals, on ``export`` and ``export typed``: journeykit <= 1.5x the floor end to end;
retentioneering >= 10x slower and >= 4x heavier than journeykit (text times).

Options: ``--big-csv-gb 6`` also streams a CSV of that size (the ``export`` log repeated
with renamed users) through journeykit and the floor, and shows the peak next to the
10 M case and what pandas would need to load it (its measured bytes per row);
``--memory-cap-gb 2`` runs those two with each process allowed that much address space
(``ulimit -v``, ``RLIMIT_AS``; Linux), less than the CSV, so neither could hold it, and
the kit gives DuckDB a third (the floor sets the same by hand); ``--delete-big-csv``
removes the CSV afterwards; ``--spark``
also runs the same ``jk.measure`` through Ibis on PySpark in local mode, a check of the
counts (Java 17 or newer; the tests run every question on Spark too); ``--cases``,
``--skip`` choose logs and contenders.
Usage: ``python benchmarks/measure.py [--events N] [--runs N] [--cases export public]``.
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
BEFORE = "b34590e"  # the kit as issue 27 measured it
STEPS = ["view_item", "add_to_cart", "begin_checkout", "purchase"]
PUBLIC_STEPS = ["product_view", "add_to_cart", "shipping_details", "purchase"]
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
CASES = ("ga4", "export", "public")
RETE = ["retentioneering>=5.2,<5.3", "pyarrow"]


def _draw(events: int, per_user: int, seed: int, ms: bool):
    """(user index, event index, epoch time) arrays in time order, 3% ties per user."""
    import numpy as np

    rng = np.random.default_rng(seed)
    users = max(events // per_user, 1)
    p = np.array(WEIGHTS) / sum(WEIGHTS)
    event = rng.choice(len(NAMES), size=events, p=p).astype(np.int32)
    user = rng.integers(0, users, size=events).astype(np.int32)
    scale = 1000 if ms else 1
    start, span = 1_704_067_200 * scale, 90 * 86_400 * scale  # 2024-01-01, 90 days
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
    return rng, users, user[order], event[order], ts[order]


def generate(path: Path, events: int, seed: int) -> None:
    """The ``ga4`` log: ``user_id``, ``event``, ``timestamp`` (typed, whole seconds)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    _, users, user, event, ts = _draw(events, 20, seed, ms=False)
    ids = pa.array([f"u{i:07d}" for i in range(users)])
    table = pa.table(
        {
            "user_id": pa.DictionaryArray.from_arrays(pa.array(user), ids).cast(pa.string()),
            "event": pa.DictionaryArray.from_arrays(pa.array(event), pa.array(NAMES)).cast(
                pa.string()
            ),
            "timestamp": pa.array(ts * 1_000_000, pa.timestamp("us")),
        }
    )
    pq.write_table(table, path, row_group_size=1_000_000)


def generate_export(text: Path, typed: Path, events: int, seed: int) -> None:
    """The ``export`` log: text user ids and text ISO times (milliseconds, ``Z``), plain
    (not dictionary-encoded) strings as exports write them; and a copy with typed times."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    rng, users, user, event, ts = _draw(events, 50, seed, ms=True)
    ids = pa.array([f"{h:016x}" for h in rng.integers(0, 2**63, size=users)])
    when = pa.array(ts * 1000, pa.timestamp("us"))
    written = pc.binary_join_element_wise(
        pc.utf8_slice_codeunits(pc.strftime(when, format="%Y-%m-%dT%H:%M:%S"), 0, 23), "Z", ""
    )
    columns = {
        "user_id": pa.DictionaryArray.from_arrays(pa.array(user), ids).cast(pa.string()),
        "event": pa.DictionaryArray.from_arrays(pa.array(event), pa.array(NAMES)).cast(pa.string()),
    }
    options = {"row_group_size": 1_000_000, "use_dictionary": False}
    pq.write_table(pa.table({**columns, "timestamp": written}), text, **options)
    pq.write_table(pa.table({**columns, "timestamp": when}), typed, **options)


def public_source(python: str) -> Path:
    """retentioneering's shipped clickstream, in its venv."""
    out = subprocess.run(
        [python, "-c", "import retentioneering.datasets.ecom as e; print(e._DATA_FILE)"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "RETENTIONEERING_NO_TRACK": "1"},
    )
    return Path(out.stdout.strip().splitlines()[-1])


def generate_public(source: Path, text: Path, typed: Path, events: int) -> None:
    """The ``public`` log: ``source`` repeated (users renamed per copy) to ``events`` rows,
    in the CSV's own row order; text times as the CSV writes them, and typed."""
    import duckdb

    con = duckdb.connect()
    one = con.sql(f"SELECT count(*) FROM read_csv('{source}')").fetchone()[0]
    copies = -(-events // one)
    for path, time_sql in ((text, "CAST(timestamp AS VARCHAR)"), (typed, "timestamp")):
        con.sql(f"""COPY (SELECT 'c' || c.i || '-' || user_id AS user_id, event,
                           {time_sql} AS timestamp
                    FROM range({copies}) c(i),
                         (SELECT *, row_number() OVER () AS r FROM read_csv('{source}')) s
                    ORDER BY c.i, s.r LIMIT {events})
                    TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)""")


# Each worker: imports, then START, then the work; "done" prints the counts and figures.
PRELUDE = """
import json, resource, sys, time
PATH, STEPS = sys.argv[1], json.loads(sys.argv[2])
TEXT = sys.argv[4] == "text"
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
IMPORTS = [0.0, 0.0]  # wall and cpu seconds spent importing modules after START
def done(counts, **extra):
    print(json.dumps({"seconds": time.perf_counter() - START - IMPORTS[0],
                      "cpu_work": cpu() - CPU0 - IMPORTS[1], "imports_s": IMPORTS[0],
                      "counts": [int(c) for c in counts], **extra}))
def time_imports():
    # count the time new top-level imports take (pandas, which the kit imports only when
    # it makes its first result), so that every contender's time is after its imports
    import builtins
    real, depth = builtins.__import__, [0]
    def timed(name, *args, **kwargs):
        if depth[0] or name in sys.modules:
            return real(name, *args, **kwargs)
        depth[0] += 1
        t, c = time.perf_counter(), cpu()
        try:
            return real(name, *args, **kwargs)
        finally:
            IMPORTS[0] += time.perf_counter() - t
            IMPORTS[1] += cpu() - c
            depth[0] -= 1
    builtins.__import__ = timed
"""

KIT = """
sys.path.insert(0, sys.argv[3])  # the kit to time: this folder's, or the one --before
import journeykit as jk
import duckdb, ibis  # what jk.read_events loads on first use, with Ibis's compilers;
import ibis.backends.sql.compilers  # pandas comes with the first result: timed apart
time_imports()
START, CPU0 = time.perf_counter(), cpu()
log = jk.read_events(PATH)
read = time.perf_counter() - START - IMPORTS[0]
m = jk.measure(log, {step: step for step in STEPS})
f = m.funnel()
done(f["users"], read_s=read)
"""

WORKERS = {
    "journeykit": KIT,
    "journeykit before": KIT,
    "duckdb floor": """
import duckdb
START, CPU0 = time.perf_counter(), cpu()
con = duckdb.connect()
con.execute("SET TimeZone = 'UTC'")
import os  # under --memory-cap-gb: the share the kit gives DuckDB, written by hand
if os.environ.get("JK_BENCH_CAP_BYTES"):
    con.execute(f"SET memory_limit = '{int(os.environ['JK_BENCH_CAP_BYTES']) // 3 // 2**20}MiB'")
source = (f"read_csv('{PATH}')" if PATH.endswith(".csv") else
          f"read_parquet('{PATH}', file_row_number = true)")
position = "row_number() OVER ()" if PATH.endswith(".csv") else "file_row_number"
when = 'CAST("timestamp" AS TIMESTAMP)' if TEXT else '"timestamp"'
case = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STEPS))
links = [f"r0 AS (SELECT u, min(k) AS k FROM e WHERE s = 0 GROUP BY u)"] + [
    f"r{i} AS (SELECT e.u, min(e.k) AS k FROM e JOIN r{i-1} p ON e.u = p.u "
    f"WHERE e.s = {i} AND e.k > p.k GROUP BY e.u)" for i in range(1, len(STEPS))]
sql = f'''
WITH raw AS (SELECT user_id AS u, {when} AS t, event, {position} AS o FROM {source}),
c AS (SELECT u, t, o, CASE event {case} END AS s FROM raw
      WHERE event IN ({", ".join(repr(s) for s in STEPS)})),
e AS (SELECT u, s, row_number() OVER (ORDER BY t, o) AS k FROM c),
{", ".join(links)}
SELECT {", ".join(f"(SELECT count(*) FROM r{i})" for i in range(len(STEPS)))}'''
done(con.sql(sql).fetchone())
""",
    "pandas": """
import numpy as np, pandas as pd
START, CPU0 = time.perf_counter(), cpu()
df = pd.read_parquet(PATH, columns=["user_id", "event", "timestamp"])
if TEXT:
    df["timestamp"] = pd.to_datetime(df["timestamp"], format="ISO8601", utc=True)
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
done(counts, rows=len(stage))
""",
    "retentioneering": """
import pandas as pd
from retentioneering.eventstream import Eventstream
START, CPU0 = time.perf_counter(), cpu()
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
START, CPU0 = time.perf_counter(), cpu()
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


def run_worker(
    name: str, python: str, data: Path, steps: list[str], kit: Path, kind: str, env: dict
) -> dict:
    """Run one contender in a fresh process; return its JSON plus ``peak_mb`` and ``cpu_s``."""
    code = textwrap.dedent(PRELUDE) + textwrap.dedent(WORKERS[name])
    cap = int(env.get("JK_BENCH_CAP_BYTES", 0))
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            [python, "-c", code, str(data), json.dumps(steps), str(kit), kind],
            stdout=out,
            stderr=err,
            env={**os.environ, **env},
            preexec_fn=(lambda: capped(cap)) if cap else None,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, problems = out.read(), err.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{name} failed on {data.name}:\n{problems[-3000:]}")
    result = json.loads(text.strip().splitlines()[-1])
    result["peak_mb"] = usage.ru_maxrss / 1024  # KiB on Linux
    return result


def capped(limit: int) -> None:
    """Allow this process (a worker, before it starts Python) ``limit`` bytes of address
    space (``ulimit -v``): more and it fails to allocate, whatever the machine has."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def throwaway_venv(where: Path, packages: list[str]) -> str:
    """A venv with ``packages`` (made once, reused); return its python."""
    python = where / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        print(f"  installing {' '.join(packages)} into {where} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=True)
    return str(python)


def kit_before(ref: str, folder: Path) -> Path | None:
    """The kit as it was at ``ref``, unpacked once into ``folder``; None without git."""
    target = folder / f"kit-{ref}"
    if (target / "journeykit").is_dir():
        return target
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref, "journeykit"],
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"  no 'before' run: cannot check out {ref} ({exc})")
        return None
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def measure_all(contenders: dict, data: Path, steps: list[str], kind: str, runs: int) -> dict:
    """Each contender ``runs`` times, taking turns; the median time and the largest peak."""
    tries: dict[str, list[dict]] = {name: [] for name in contenders}
    for _ in range(runs):
        for name, (python, kit, env) in contenders.items():
            tries[name].append(run_worker(name, python, data, steps, kit, kind, env))
    results = {}
    for name, got in tries.items():
        counts = {tuple(t["counts"]) for t in got}
        assert len(counts) == 1, f"{name} gave different counts across runs: {counts}"
        results[name] = {
            "seconds": statistics.median(t["seconds"] for t in got),
            "best": min(t["seconds"] for t in got),
            "cpu": statistics.median(t["cpu_work"] for t in got),
            "peak_mb": max(t["peak_mb"] for t in got),
            "counts": got[0]["counts"],
            **{k: statistics.median(t[k] for t in got) for k in ("read_s", "rows") if k in got[0]},
        }
        r = results[name]
        read = f"  (read {r['read_s']:.2f} s)" if "read_s" in r else ""
        print(
            f"    {name:<20} {r['seconds']:7.2f} s (best {r['best']:.2f}, cpu {r['cpu']:.2f})"
            f"  {r['peak_mb']:7.0f} MB  {r['counts']}{read}",
            flush=True,
        )
    return results


def agree(label: str, *tables: dict) -> bool:
    counts = {f"{label}:{n}": tuple(r["counts"]) for t in tables for n, r in t.items()}
    same = len(set(counts.values())) == 1
    print(f"    same counts everywhere: {'yes' if same else f'NO: {counts}'}")
    return same


def row(label: str, r: dict | None) -> str:
    if r is None:
        return f"| {label} | - | - | - |"
    read = f" (read {r['read_s']:.2f})" if "read_s" in r else ""
    return f"| {label} | {r['seconds']:.2f} s{read} | {r['cpu']:.2f} s | {r['peak_mb']:,.0f} MB |"


def report(case: str, text: dict, typed: dict | None) -> bool:
    """The issue's table for one log, before and after, and the goals' ratios."""
    print(f"\n  {case}: 4-step closed funnel, end to end after imports (median of runs)")
    print("  | contender | time | cpu | peak memory |\n  | --- | --- | --- | --- |")
    lines = [
        ("journeykit before, text times", text.get("journeykit before")),
        ("journeykit, text times", text.get("journeykit")),
        ("hand-written DuckDB, text times", text.get("duckdb floor")),
        ("pandas, text times", text.get("pandas")),
        ("retentioneering 5.2 funnel_data, text times", text.get("retentioneering")),
    ]
    if typed:
        lines += [
            ("journeykit before, typed times", typed.get("journeykit before")),
            ("journeykit, typed times", typed.get("journeykit")),
            ("hand-written DuckDB, typed times", typed.get("duckdb floor")),
        ]
    for label, r in lines:
        if r is not None:
            print("  " + row(label, r))
    ok = True
    for kind, results in (("text", text), ("typed", typed or {})):
        ours, floor = results.get("journeykit"), results.get("duckdb floor")
        if not (ours and floor):
            continue
        ratio = ours["seconds"] / floor["seconds"]
        ok &= ratio <= GOALS["floor"]
        before = results.get("journeykit before")
        was = f"; before {before['seconds'] / floor['seconds']:.2f}x" if before else ""
        print(
            f"  journeykit / floor, {kind} times: {ratio:.2f}x (goal <= {GOALS['floor']}; "
            f"cpu {ours['cpu'] / floor['cpu']:.2f}x){was}"
        )
    ours, rete = text.get("journeykit"), text.get("retentioneering")
    if ours and rete:
        t, m = rete["seconds"] / ours["seconds"], rete["peak_mb"] / ours["peak_mb"]
        ok &= t >= GOALS["rete_time"] and m >= GOALS["rete_memory"]
        before = text.get("journeykit before")
        was = f"; before {rete['seconds'] / before['seconds']:.1f}x" if before else ""
        print(
            f"  retentioneering / journeykit: time {t:.1f}x (goal >= {GOALS['rete_time']:.0f}; "
            f"cpu {rete['cpu'] / ours['cpu']:.1f}x{was}), memory {m:.1f}x "
            f"(goal >= {GOALS['rete_memory']:.0f})"
        )
    return ok


def big_csv(parquet: Path, gigabytes: float, folder: Path) -> Path:
    """A CSV of about ``gigabytes`` GB: the ``export`` log repeated with renamed users."""
    import duckdb

    path = folder / f"big-{gigabytes:g}GB.csv"
    if path.exists():
        return path
    con = duckdb.connect()
    # the sort by copy spills to the data folder rather than take a shared machine's RAM
    con.execute(f"SET memory_limit = '2GiB'; SET temp_directory = '{folder / 'spill'}'")
    one = parquet.stat().st_size * 2.9  # this CSV is about 2.9 times its Parquet
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


def prepare(case: str, args: argparse.Namespace, rete: str | None) -> list[tuple[Path, str]]:
    """The case's Parquet files (made once) as (path, "text" or "typed")."""
    name = f"{case}-{args.events}-seed{args.seed}"
    files = {
        "ga4": [(args.data / f"events-{args.events}-seed{args.seed}.parquet", "typed")],
        "export": [
            (args.data / f"{name}-text.parquet", "text"),
            (args.data / f"{name}-typed.parquet", "typed"),
        ],
        "public": [
            (args.data / f"public-{args.events}-text.parquet", "text"),
            (args.data / f"public-{args.events}-typed.parquet", "typed"),
        ],
    }[case]
    if all(path.exists() for path, _ in files):
        return files
    t0 = time.perf_counter()
    # in a child: a big parent would inflate every child's peak RSS
    paths = ", ".join(f"Path({str(p)!r})" for p, _ in files)
    if case == "ga4":
        in_child(f"generate({paths}, {args.events}, {args.seed})")
    elif case == "export":
        in_child(f"generate_export({paths}, {args.events}, {args.seed})")
    else:
        source = public_source(rete)
        in_child(f"generate_public(Path({str(source)!r}), {paths}, {args.events})")
    print(f"  made {', '.join(p.name for p, _ in files)} in {time.perf_counter() - t0:.0f} s")
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "jk-bench")
    parser.add_argument("--cases", nargs="*", default=list(CASES), choices=CASES)
    parser.add_argument("--skip", nargs="*", default=[], help="contenders to leave out")
    parser.add_argument("--before", default=BEFORE, help="git ref of the kit to compare with")
    parser.add_argument("--big-csv-gb", type=float, default=0.0)
    parser.add_argument(
        "--memory-cap-gb",
        type=float,
        default=0.0,
        help="with --big-csv-gb: the address space each process may use (ulimit -v)",
    )
    parser.add_argument(
        "--delete-big-csv", action="store_true", help="delete the big CSV when measured"
    )
    parser.add_argument("--spark", action="store_true")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    print(f"{args.events:,} events per log, {os.cpu_count()} cores, {args.runs} runs each")
    here = (sys.executable, ROOT, {})
    contenders = {"journeykit": here, "duckdb floor": here, "pandas": here}
    before = None if "journeykit before" in args.skip else kit_before(args.before, args.data)
    if before is not None:
        contenders = {"journeykit before": (sys.executable, before, {}), **contenders}
    rete = None
    if "retentioneering" not in args.skip or "public" in args.cases:
        rete = throwaway_venv(args.data / "venv-retentioneering", RETE)
    if "retentioneering" not in args.skip:
        contenders["retentioneering"] = (rete, ROOT, {"RETENTIONEERING_NO_TRACK": "1"})
    contenders = {k: v for k, v in contenders.items() if k not in args.skip}
    ok, measured = True, {}
    for case in args.cases:
        steps = PUBLIC_STEPS if case == "public" else STEPS
        files = prepare(case, args, rete)
        tables = []
        for path, kind in files:
            print(f"\n  {path.name} ({path.stat().st_size / 1e6:,.0f} MB, {kind} times)")
            chosen = dict(contenders)
            if kind == "typed" and len(files) > 1:  # the slow peers once per log, on text
                chosen = {k: v for k, v in chosen.items() if k not in ("retentioneering", "pandas")}
            tables.append(measure_all(chosen, path, steps, kind, args.runs))
        ok &= agree(case, *tables)
        text = tables[0] if files[0][1] == "text" else {}
        typed = tables[-1] if files[-1][1] == "typed" else None
        ok &= report(case, text or tables[0], typed if text else None)
        measured[case] = (files, tables)
    if args.big_csv_gb and "export" in measured:
        files, tables = measured["export"]
        path = args.data / f"big-{args.big_csv_gb:g}GB.csv"
        if not path.exists():
            in_child(
                f"big_csv(Path({str(files[0][0])!r}), {args.big_csv_gb}, Path({str(args.data)!r}))"
            )
        print(f"\n  streaming {path.name} ({path.stat().st_size / 1e9:.1f} GB CSV), one run each")
        cap = int(args.memory_cap_gb * 2**30)
        if cap:
            print(f"  each process allowed {args.memory_cap_gb:g} GiB (ulimit -v)", flush=True)
        limited = (sys.executable, ROOT, {"JK_BENCH_CAP_BYTES": str(cap)} if cap else {})
        big = measure_all(
            {k: limited for k in ("journeykit", "duckdb floor")}, path, STEPS, "text", 1
        )
        small = tables[0]["journeykit"]
        rows = path.stat().st_size / files[0][0].stat().st_size * args.events / 2.9
        need = ""
        if "pandas" in tables[0]:
            per_row = tables[0]["pandas"]["peak_mb"] / args.events
            need = f"; pandas would need about {per_row * rows / 1024:,.0f} GB to load it"
        ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        allowed = f", each allowed {args.memory_cap_gb:g} GiB" if cap else ""
        print(
            f"  journeykit peak: {small['peak_mb']:,.0f} MB on {args.events / 1e6:g} M events, "
            f"{big['journeykit']['peak_mb']:,.0f} MB on about {rows / 1e6:,.0f} M "
            f"({path.stat().st_size / 2**30:.1f} GiB of CSV{allowed}){need} "
            f"(this machine: {ram:.0f} GB)"
        )
        if args.delete_big_csv:
            path.unlink()
    if args.spark and shutil.which("java") is None:
        print("\n--spark: no java on the PATH; install Java 17 or newer to run the Spark check")
    elif args.spark:
        python = throwaway_venv(
            args.data / "venv-pyspark",
            ["pyspark>=3.5,<4.1", "ibis-framework[pyspark]>=12,<13", "pandas", "pyarrow"],
        )
        case = args.cases[0]
        files, tables = measured[case]
        print(f"\njourneykit through Ibis on PySpark (local[2]), {case}: a check of the counts")
        steps = PUBLIC_STEPS if case == "public" else STEPS
        spark = measure_all(
            {"journeykit on pyspark": (python, ROOT, {})}, files[0][0], steps, files[0][1], 1
        )
        ok &= agree(case, tables[0], spark)
    print("\ngoals met" if ok else "\nGOALS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
