"""Spark, a distributed engine, answers every question notebook 09 asks as DuckDB does.

Spark runs in local mode (``local[1]``, bound to 127.0.0.1, no web UI), one session for
the module (a JVM takes seconds to start), through Ibis's PySpark backend: the kit
gets an Ibis table of Spark and every question runs there, in Spark SQL. The log is
the clothing store's own CSV, read by Spark; its row order is kept as a column, as the
kit asks of any table without one. PySpark comes with the test tools
(``pip install -e ".[test]"``) and Java with ``tools/ensure_test_deps.py``; without them
the tests are skipped on a developer's machine and fail on CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

import journeykit as jk
from journeykit.analytics import measure, read_events
from journeykit.errors import JourneyMapError
from journeykit.exercises.ex09 import CHECKOUT_STEPS, EVENT_STAGES
from tests.conftest import missing_dependency

ROOT = Path(__file__).resolve().parents[2]
STORE = ROOT / "datasets" / "clothing-store-events.csv.gz"
FRAMEWORK = "five-stage-decision"
ARRIVALS = {"arrived": EVENT_STAGES["Awareness"], "bought": "purchase"}
SIZES = {"browse": "browse collection", "size guide": "size guide", "cart": "add to cart"}
BUYING = {"Consideration": EVENT_STAGES["Consideration"], "Decision": "purchase"}


@pytest.fixture(scope="module")
def spark():
    """A local Spark session for this module, stopped with its JVM at the end."""
    try:
        from pyspark import SparkContext
        from pyspark.sql import SparkSession
    except ImportError:
        missing_dependency("PySpark", 'install the test tools: pip install -e ".[test]"')
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing_dependency("Java", "run tools/ensure_test_deps.py (Debian: default-jre-headless)")
    session = (
        SparkSession.builder.master("local[1]")
        .appName("journeykit-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.default.parallelism", "1")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    gateway = SparkContext._gateway
    try:
        yield session
    finally:
        session.stop()
        if gateway is not None:  # the JVM this module started goes with it
            gateway.shutdown()
            process = getattr(gateway, "proc", None)
            if process is not None:
                _stop(process)
        SparkContext._gateway = SparkContext._jvm = None


def _stop(process: subprocess.Popen) -> None:
    """Wait for the JVM to exit after its gateway shut down; a loaded machine may take
    a while, so it is asked to stop (SIGTERM) and then made to (SIGKILL), never left."""
    for end in (None, process.terminate, process.kill):
        if end is not None:
            end()
        try:
            process.wait(timeout=120)
            return
        except subprocess.TimeoutExpired:
            continue
    process.wait()


@pytest.fixture(scope="module")
def logs(spark):
    """The store's log read by DuckDB (the kit's default) and by Spark."""
    import ibis
    from pyspark.sql.functions import monotonically_increasing_id

    # one gzip file is one partition: the ids follow the file's rows
    frame = spark.read.csv(str(STORE), header=True).withColumn(
        "log_order", monotonically_increasing_id()
    )
    frame.cache().createOrReplaceTempView("store_events")
    table = ibis.pyspark.connect(spark).table("store_events")
    return read_events(STORE), read_events(table, order="log_order")


def _same(duck, spark_table, what):
    pdt.assert_frame_equal(
        duck.reset_index(drop=True), spark_table.reset_index(drop=True), check_dtype=False, obj=what
    )


#: Each measurement notebook 09 makes: its stage map and options.
MEASUREMENTS = {
    "journey": (EVENT_STAGES, {"framework": FRAMEWORK}),
    "checkout": (CHECKOUT_STEPS, {}),
    "sizes": (SIZES, {}),
    "buying": (BUYING, {"framework": FRAMEWORK}),
    "arrivals": (ARRIVALS, {}),
    "strict": (EVENT_STAGES, {"framework": FRAMEWORK, "order": "strict"}),
    "any order": (EVENT_STAGES, {"framework": FRAMEWORK, "order": "any", "within": "2h"}),
    "windows": (EVENT_STAGES, {"framework": FRAMEWORK, "step_within": "1D", "within": "30D"}),
    "sessions": (EVENT_STAGES, {"framework": FRAMEWORK, "count": "sessions"}),
}


@pytest.fixture(scope="module")
def measured(logs):
    """Each measurement on both engines, made once: a question asked twice is not re-run."""
    return {
        name: [measure(log, stages, **options) for log in logs]
        for name, (stages, options) in MEASUREMENTS.items()
    }


def test_the_log_reads_the_same(logs):
    duck, spark = logs
    assert spark.backend == "pyspark" and duck.backend == "duckdb"
    assert repr(spark).split(", from")[0] == repr(duck).split(", from")[0]
    _same(duck.event_counts, spark.event_counts, "event_counts")
    _same(duck.head(), spark.head(), "head")
    assert spark.users == duck.users
    assert spark.extras == ("device",) == duck.extras


@pytest.mark.parametrize(
    ("name", "question", "argument"),
    [
        ("journey", "funnel", None),
        ("journey", "dropoff", None),
        ("journey", "time_to_next", None),
        ("journey", "repeat_rate", None),
        ("journey", "transitions", None),
        ("journey", "unmapped", None),
        ("journey", "funnel", "device"),
        ("journey", "time_to_next", "device"),
        ("checkout", "funnel", None),
        ("checkout", "funnel", "device"),
        ("sizes", "transitions", None),
        ("buying", "repeat_rate", "Decision"),
        ("arrivals", "funnel", "event"),
        ("strict", "funnel", None),
        ("any order", "funnel", None),
        ("windows", "funnel", None),
        ("windows", "time_to_next", None),
        ("sessions", "funnel", None),
    ],
)
def test_every_question_of_notebook_09(measured, name, question, argument):
    duck, spark = (getattr(m, question) for m in measured[name])
    args = () if argument is None else (argument,)
    _same(duck(*args), spark(*args), f"{name}.{question}({argument or ''})")


def test_the_measured_map_draws_the_same(measured):
    shop = jk.example("clothing-store")
    on_duck, on_spark = (jk.plot_map(shop, measured=m) for m in measured["journey"])
    assert on_duck.to_plotly_json() == on_spark.to_plotly_json()
    assert "ROW_NUMBER() OVER (PARTITION BY" in measured["journey"][1].sql()  # per journey


def test_an_engine_error_names_spark_and_the_question(spark, tmp_path):
    import ibis

    path = tmp_path / "events.parquet"
    pd.read_csv(STORE).assign(log_order=lambda f: range(len(f))).to_parquet(path)
    spark.read.parquet(str(path)).createOrReplaceTempView("gone_events")
    log = read_events(ibis.pyspark.connect(spark).table("gone_events"), order="log_order")
    path.unlink()  # the data moved away after it was read
    with warnings.catch_warnings(), pytest.raises(JourneyMapError) as err:
        warnings.simplefilter("ignore")
        measure(log, ARRIVALS).funnel()
    problem = err.value.problems[0]
    assert problem.message.startswith("Spark could not compute the funnel: ")
    assert "(pyspark)" in err.value.source and "connection" in problem.fix
