"""The engine room: lazy imports of Ibis and DuckDB, and the kit's embedded DuckDB.

Nothing here imports Ibis or DuckDB at module import time, so ``import journeykit``
(and ``import journeykit.analytics``) stays quick; the first call that needs an engine
pays for importing it, once per Python process.

Files and DataFrames are read into the kit's own DuckDB (a plain ``duckdb`` connection,
:func:`duckdb_connection`), and the kit's Ibis tables over them are *unbound*
(:func:`kit_table`): Ibis only compiles each question to DuckDB SQL, and DuckDB runs it
and hands pandas the result. That is the part of Ibis that needs no pyarrow, so the
``analytics`` extra is Ibis without its backend extras, and DuckDB. An Ibis table of any
other backend (a warehouse) is run by Ibis itself, which needs pyarrow: the
``warehouse`` extra.

Every query the measure layer runs goes through :func:`execute`, which turns an
engine's own error into a :class:`~journeykit.errors.JourneyMapError` that names the
source, so a learner never meets a DuckDB or Ibis traceback.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from typing import TYPE_CHECKING, Any

from ..errors import JourneyMapError, Problem

if TYPE_CHECKING:
    from types import ModuleType

    from duckdb import DuckDBPyConnection
    from ibis.expr.operations import Node
    from ibis.expr.types import Table, Value

_lock = threading.Lock()
_default: dict[str, Any] = {}
_pending: list[str] = []  # views and tables of garbage-collected logs, to drop
_names = iter(range(1, 1 << 62))

# Microseconds per unit, for numeric time columns (epoch numbers).
UNITS = {"s": 1_000_000, "ms": 1_000, "us": 1, "ns": 0.001}


#: The extra that brings the engine: ``pip install "journeykit[analytics]"``.
EXTRA = "analytics"


def install_command() -> str:
    """The pip command that installs the engine, from the kit's own dependency list.

    Examples
    --------
    >>> install_command().startswith("python -m pip install")
    True
    """
    try:
        from importlib.metadata import PackageNotFoundError, requires

        wanted = [
            req.split(";")[0].strip()
            for req in requires("journeykit") or []
            if f'extra == "{EXTRA}"' in req.replace("'", '"')
        ]
    except (ImportError, PackageNotFoundError):
        wanted = []
    if not wanted:  # not installed as a package (a copied folder): name the extra
        return f'python -m pip install "journeykit[{EXTRA}]"'
    return "python -m pip install " + " ".join(f'"{req}"' for req in wanted)


def missing_engine(package: str, why: str = "is not installed") -> JourneyMapError:
    """The error a learner gets when Ibis or DuckDB is missing (or the wrong version).

    Examples
    --------
    >>> print(missing_engine("duckdb").problems[0].message)
    measuring a journey needs duckdb, which is not installed
    """
    command = install_command()
    return JourneyMapError(
        [
            Problem(
                "journeykit.analytics",
                f"measuring a journey needs {package}, which {why}",
                f"install the analytics extra: run "
                f"`%pip install {command.split(' install ', 1)[1]}` "
                f"in a notebook cell and restart the kernel, or `{command}` in a terminal "
                "(`make lab` in the kit's folder installs it too)",
            )
        ]
    )


def ibis_module() -> ModuleType:
    """Return the ``ibis`` module, importing it on first use.

    Raises
    ------
    JourneyMapError
        If Ibis is not installed, with the command that installs it.

    Examples
    --------
    >>> ibis_module().__name__
    'ibis'
    """
    try:
        import ibis
    except ImportError:
        raise missing_engine("ibis-framework") from None
    return ibis


def _check_duckdb() -> None:
    """Raise a JourneyMapError if DuckDB is missing, or a version Ibis cannot drive."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        major = int(version("duckdb").split(".")[0])
    except PackageNotFoundError:
        raise missing_engine("duckdb") from None
    except ValueError:  # an unusual version string: let the import decide
        return
    if major >= 2:  # duckdb 2 removed fetch_arrow_table(), which Ibis 12's backend calls
        raise missing_engine(
            "duckdb 1.x", f"Ibis cannot drive yet (duckdb {version('duckdb')} is installed)"
        )


def address_space_limit() -> int | None:
    """The memory this process may map (``ulimit -v``, ``RLIMIT_AS``) in bytes, or None.

    None when there is no such limit, or no way to read one (Windows).

    Examples
    --------
    >>> limit = address_space_limit()
    >>> limit is None or limit > 0
    True
    """
    try:
        import resource
    except ImportError:  # Windows has no ulimit
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    return None if soft == resource.RLIM_INFINITY else soft


def duckdb_memory_share(limit: int | None) -> int | None:
    """The memory DuckDB may use (bytes) in a process allowed ``limit`` bytes, or None.

    DuckDB takes 80% of the machine's RAM by default and sees cgroup limits (a
    container's, a JupyterHub spawner's), but not ``ulimit -v``: under that limit it
    would fail to allocate instead of spilling to disk. A third of the limit leaves the
    rest to Python, Ibis and pandas (about 0.5 GiB of address space once imported), to
    what DuckDB allocates outside its limit, and to the address space its allocator
    keeps after freeing, so a log larger than the limit streams through with bounded
    memory. Half was too much: a 4.5 GB CSV failed under a 3 GiB limit ("bad
    allocation") and passed with a third.

    Parameters
    ----------
    limit : int or None
        The process's limit in bytes (:func:`address_space_limit`).

    Returns
    -------
    int or None
        A third of ``limit``, at least 128 MiB; None when there is no limit.

    Examples
    --------
    >>> duckdb_memory_share(3 * 2**30) // 2**20
    1024
    >>> duckdb_memory_share(None) is None
    True
    """
    return None if limit is None else max(limit // 3, 128 * 2**20)


def duckdb_connection() -> DuckDBPyConnection:
    """The embedded DuckDB (in memory) that files and DataFrames are read with.

    One per Python process, made on first use, with its clock set to UTC so a
    timestamp without a zone means UTC on every machine. A plain ``duckdb``
    connection: the queries on it are compiled by Ibis (:func:`execute`).

    Examples
    --------
    >>> duckdb_connection().execute("SELECT current_setting('TimeZone')").fetchone()
    ('UTC',)
    >>> duckdb_connection() is duckdb_connection()
    True
    """
    with _lock:
        con = _default.get("duckdb")
        if con is None:
            ibis_module()  # without the compiler there is nothing to run: say so first
            _check_duckdb()
            import duckdb

            con = duckdb.connect()
            con.execute("SET TimeZone = 'UTC'")
            con.execute("SET enable_progress_bar = false")  # no bars in notebooks or logs
            # no Python variables read as tables by name (as Ibis's DuckDB sets it too)
            con.execute("SET python_enable_replacements = false")
            share = duckdb_memory_share(address_space_limit())
            if share is None:  # DuckDB's own choice (most of the RAM it sees), to the MiB
                share = size_bytes(_memory_limit(con))
            if share is not None:  # DuckDB sizes itself by the RAM it sees, not ulimit -v
                _default["limit"] = f"SET memory_limit = '{share // 2**20}MiB'"
                con.execute(_default["limit"])
                _default["limit_shown"] = _memory_limit(con)
            _default["duckdb"] = con
        return con


def _memory_limit(con: DuckDBPyConnection) -> str:
    row = con.execute("SELECT current_setting('memory_limit')").fetchone()
    return str(row[0]) if row else ""


def size_bytes(shown: str) -> int | None:
    """The bytes in a size as DuckDB shows it (``18.8 GiB``), or None if it is not one.

    Examples
    --------
    >>> size_bytes("1.5 GiB"), size_bytes("976.5 KiB"), size_bytes("lots")
    (1610612736, 999936, None)
    """
    units = {"bytes": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40, "PiB": 2**50}
    number, _, unit = shown.strip().partition(" ")
    try:
        return int(float(number) * units[unit])
    except (KeyError, ValueError):
        return None


def quote_id(name: str) -> str:
    """A SQL identifier in double quotes.

    Examples
    --------
    >>> quote_id('my "odd" column')
    '"my ""odd"" column"'
    """
    return '"' + name.replace('"', '""') + '"'


def kit_table(name: str) -> Table:
    """An Ibis table over a view or table of the kit's DuckDB, with the columns it has.

    The table is unbound (Ibis knows its name and schema, not its engine):
    :func:`execute` compiles what is built on it to DuckDB SQL and runs that on
    :func:`duckdb_connection`. The schema is DuckDB's own ``DESCRIBE``, read as Ibis
    reads it for its DuckDB backend.

    Examples
    --------
    >>> _ = duckdb_connection().execute("CREATE TEMP VIEW jk_doc AS SELECT 1 AS x, 'a' AS y")
    >>> t = kit_table("jk_doc")
    >>> t.schema()
    ibis.Schema {
      x  int32
      y  string
    }
    >>> execute(t.mutate(z=t.x + 1), None, "the rows")
       x  y  z
    0  1  a  2
    """
    from ibis.backends.sql.datatypes import DuckDBType

    ibis = ibis_module()
    rows = duckdb_connection().execute(f"DESCRIBE {quote_id(name)}").fetchall()
    schema = {
        str(column): DuckDBType.from_string(str(kind), nullable=null == "YES")
        for column, kind, null, *_ in rows
    }
    return ibis.table(ibis.schema(schema), name=name)


def fresh_name(prefix: str = "jk_events") -> str:
    """A table or view name not used before in this process.

    Examples
    --------
    >>> fresh_name("x") != fresh_name("x")
    True
    """
    return f"{prefix}_{next(_names)}"


def drop_later(what: str) -> None:
    """Queue a ``VIEW name`` or ``TABLE name`` of the kit's DuckDB to be dropped.

    Called by a garbage-collection finalizer, which can run in the middle of a query on
    the same connection, so it only queues; :func:`drop_pending` drops at a safe point.
    """
    _pending.append(what)


def drop_pending() -> None:
    """Drop the views and tables queued by :func:`drop_later` (before reading a new log)."""
    con = _default.get("duckdb")
    while _pending:
        kind, name = _pending.pop().split()
        if con is not None:
            with contextlib.suppress(Exception):  # already gone
                con.execute(f"DROP {kind} IF EXISTS {name}")


def is_ibis_table(obj: object) -> bool:
    """Whether ``obj`` is an Ibis table expression, without importing Ibis for others.

    Examples
    --------
    >>> is_ibis_table("events.csv")
    False
    """
    if not type(obj).__module__.startswith("ibis"):
        return False
    from ibis.expr.types import Table

    return isinstance(obj, Table)


def backend_name(table: Table) -> str:
    """The name of the backend an Ibis table lives in (``duckdb``, ``sqlite``, ...).

    Examples
    --------
    >>> import ibis
    >>> backend_name(ibis.duckdb.connect().sql("SELECT 1 AS x"))
    'duckdb'
    """
    try:
        return str(table.get_backend().name)
    except Exception:  # an unbound table: compile for DuckDB
        return "duckdb"


def sql_of(expr: Value | Table, dialect: str) -> str:
    """The SQL of ``expr`` in ``dialect``, compiled once per expression and dialect.

    Compiling is a noticeable part of a small measurement's time, so the text is kept
    (an expression is compared by structure, so the same question on the same log
    and stages is compiled once per process), which also spares the second compile
    when :func:`compiles` has checked an expression before it runs.

    Examples
    --------
    >>> import ibis
    >>> t = ibis.table({"x": "int64"}, name="t")
    >>> print(sql_of(t.x.sum(), "duckdb"))
    SELECT
      SUM("t0"."x") AS "Sum(x)"
    FROM "t" AS "t0"
    >>> sql_of(t.x.sum(), "duckdb") is sql_of(t.x.sum(), "duckdb")
    True
    """
    from ibis.expr.types import Table

    table = expr if isinstance(expr, Table) else expr.as_table()
    return _compiled(table.op(), dialect)


@functools.lru_cache(maxsize=256)
def _compiled(op: Node, dialect: str) -> str:
    return str(ibis_module().to_sql(op.to_expr(), dialect=dialect))


def compiles(expr: Value | Table, backend: str) -> bool:
    """Whether ``expr`` compiles to SQL for ``backend`` (some operations exist on few).

    Examples
    --------
    >>> import ibis
    >>> t = ibis.table({"x": "int64"}, name="t")
    >>> compiles(t.x.median(), "duckdb"), compiles(t.x.median(), "sqlite")
    (True, False)
    """
    try:
        sql_of(expr, backend)
    except Exception:
        return False
    return True


def epoch_us(value: Value, backend: str) -> Value:
    """Microseconds since 1970-01-01 UTC as an int64 expression, on any backend.

    Uses the backend's own microsecond difference where it has one; otherwise
    whole seconds plus milliseconds (SQLite keeps timestamps as text with
    millisecond precision).

    Examples
    --------
    >>> import ibis
    >>> t = ibis.memtable({"t": ["2024-01-01 00:00:01.25"]}).mutate(t=ibis._.t.cast("timestamp"))
    >>> int(t.select(us=epoch_us(t.t, "duckdb")).execute()["us"][0])
    1704067201250000
    """
    ibis = ibis_module()
    epoch = ibis.timestamp("1970-01-01 00:00:00")
    exact = value.delta(epoch, unit="microsecond").cast("int64")
    if compiles(exact, backend):
        return exact
    return (
        value.epoch_seconds().cast("int64") * 1_000_000 + value.millisecond().cast("int64") * 1_000
    )


#: Engines by the name Ibis gives their backend, as a learner knows them.
ENGINES = {
    "duckdb": "DuckDB",
    "sqlite": "SQLite",
    "pyspark": "Spark",
    "databricks": "Databricks",
    "bigquery": "BigQuery",
    "snowflake": "Snowflake",
    "postgres": "PostgreSQL",
    "mysql": "MySQL",
    "mssql": "SQL Server",
    "trino": "Trino",
    "athena": "Athena",
    "clickhouse": "ClickHouse",
    "datafusion": "DataFusion",
    "polars": "Polars",
    "oracle": "Oracle",
    "impala": "Impala",
}


def engine_name(backend: str) -> str:
    """The name a learner knows an engine by.

    Examples
    --------
    >>> engine_name("pyspark"), engine_name("duckdb"), engine_name("somedb")
    ('Spark', 'DuckDB', 'somedb')
    """
    return ENGINES.get(backend, backend)


def _cannot_translate(exc: BaseException) -> bool:
    """Whether Ibis refused to write the query for the backend (an operation it lacks)."""
    from ibis.common import exceptions as com

    return isinstance(
        exc,
        (
            com.OperationNotDefinedError,
            com.UnsupportedOperationError,
            com.UnsupportedArgumentError,
            com.TranslationError,
        ),
    )


def execute(
    expr: Table | Value, source: str | None, what: str, backend: str = "duckdb", rows: bool = False
) -> Any:
    """Run one Ibis expression and return a pandas DataFrame (or a scalar).

    On DuckDB (the kit's, or an Ibis DuckDB table) the compiled SQL (:func:`sql_of`)
    runs on the DuckDB connection and DuckDB hands the result to pandas itself, with
    no pyarrow; other backends run through Ibis. With ``rows`` a table comes back as a
    list of tuples instead, and on DuckDB pandas is not imported for it: reading a big
    log then leaves pandas (about 80 MB once imported, with the pyarrow it loads)
    unloaded until a question's result is made, after DuckDB has let go of the
    memory the question took, so the two never add up. An engine error (a CSV row with too
    many fields, a file deleted since it was read) or a question the engine cannot
    answer (an operation its SQL lacks) becomes a ``JourneyMapError`` that names the
    engine (``backend``, Ibis's name for it) and the question (``what``).

    Examples
    --------
    >>> import ibis
    >>> events = ibis.table({"x": "int64"}, name="jk_doc_events")
    >>> _ = duckdb_connection().execute("CREATE TEMP TABLE jk_doc_events AS SELECT 2 AS x")
    >>> int(execute(events.x.sum(), None, "a sum"))
    2
    >>> try:
    ...     execute(ibis.table({"x": "int64"}, name="jk_gone").x.sum(), "shop.csv", "the funnel")
    ... except JourneyMapError as err:
    ...     print(err.problems[0].message[:40])
    DuckDB could not compute the funnel: Cat
    """
    engine = engine_name(backend)
    try:
        raw = _duckdb_of(expr)
        if raw is None:
            got = expr.execute()
            return list(got.itertuples(index=False, name=None)) if rows else got
        from ibis.expr.types import Scalar

        # run to the end first: a pending result keeps the query's memory until it is read
        result = raw.sql(sql_of(expr, "duckdb")).execute()
        release_memory()
        if rows:
            return result.fetchall()
        frame = result.df()
        return frame.iat[0, 0] if isinstance(expr, Scalar) else frame
    except JourneyMapError:
        raise
    except Exception as exc:  # DuckDB, SQLite, a warehouse: their errors vary
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if _cannot_translate(exc):
            problem = Problem(
                "",
                f"{what} cannot be asked of {engine}: {first}",
                "ask it of the same log in DuckDB (save the table as Parquet and read the "
                "file), or measure without the option that needs it",
            )
        elif backend == "duckdb" and "Out of Memory" in first:
            problem = Problem(
                "",
                f"{engine} ran out of memory computing {what}: {first}",
                "close other notebooks and programs and ask again, or measure a part of "
                "the log (fewer days or users); DuckDB spills to disk within its memory "
                "limit, but not every step of a question can",
            )
        elif backend == "duckdb":
            problem = Problem(
                "",
                f"{engine} could not compute {what}: {first}",
                "check that the file is complete and well formed (every row has the "
                "same columns), or read it again with read_events",
            )
        else:
            problem = Problem(
                "",
                f"{engine} could not compute {what}: {first}",
                "check that the table is still there and the connection works, then ask "
                f"again; if {engine} cannot run this query, save the log as Parquet and "
                "measure the file (DuckDB answers every question)",
            )
        raise JourneyMapError([problem], source=source) from None


def release_memory() -> None:
    """Hand the memory DuckDB freed after a query back to the system, now.

    DuckDB's allocator keeps what a query freed (a big funnel's few hundred MB) for a
    while before returning it, so making the result right after (importing pandas,
    about 80 MB, on a first question) would add to it: the process's peak would be the
    two together. DuckDB returns all of it when its memory limit is set (DuckDB 1.x
    flushes its allocator then), so the kit sets the limit it has again: a few
    milliseconds after a small query, about 50 ms after a 10-million-row funnel. It
    leaves a limit someone else set on the kit's connection as it is (and does nothing).

    Examples
    --------
    >>> con = duckdb_connection()
    >>> before = con.execute("SELECT current_setting('memory_limit')").fetchone()
    >>> release_memory()
    >>> con.execute("SELECT current_setting('memory_limit')").fetchone() == before
    True
    """
    if "duckdb" not in _default or "limit" not in _default:
        return
    with _lock:  # a cursor of its own: a statement on the kit's connection ends its result
        con = _default.get("release") or _default["duckdb"].cursor()
        _default["release"] = con
    with contextlib.suppress(Exception):  # a limit the tables it holds no longer fit: keep it
        if _memory_limit(con) == _default["limit_shown"]:  # not one someone else has set
            con.execute(_default["limit"])


def _duckdb_of(expr: Table | Value) -> DuckDBPyConnection | None:
    """The DuckDB connection ``expr`` can run on as plain SQL, or None (then Ibis runs it).

    Unbound tables are the kit's own (:func:`kit_table`): the kit's DuckDB. Expressions
    over in-memory tables (``ibis.memtable``, which need pyarrow to exist at all) go
    through Ibis, which registers those tables first.
    """
    import ibis.expr.operations as ops

    if expr.op().find(ops.UnboundTable):
        return duckdb_connection()
    try:
        backend = expr._find_backend(use_default=False)
    except Exception:  # unbound, or tables of several backends
        return None
    if getattr(backend, "name", "") != "duckdb" or expr.op().find(ops.InMemoryTable):
        return None
    return backend.con
