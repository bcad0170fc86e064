"""Turn a source (DataFrame, CSV or Parquet files, an Ibis table) into raw event rows.

Every source becomes the same *raw* Ibis table, with five columns:

``user_id``, ``event``
    the source's user and event columns (events cast to text);
``time_us``
    the event time as microseconds since 1970-01-01 UTC (``NULL`` when it does not parse);
``log_order``
    where the row sits in the log, which breaks ties between events with the same time;
``time_raw``
    the time as written, as text, for error messages.

Files are read by DuckDB where they lie (a view, streamed on every query), never
loaded into pandas. A DataFrame is copied once into the embedded DuckDB.
"""

from __future__ import annotations

import difflib
import glob
import os
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..errors import JourneyMapError, Problem
from . import _backend
from ._backend import quote_id

if TYPE_CHECKING:
    import pandas as pd
    from duckdb import DuckDBPyConnection
    from ibis.expr.types import Table

FILE_BITS = 40  # log_order of a file row: (file index << 40) + row number in the file
NUMERIC = (
    "TINYINT",
    "SMALLINT",
    "INTEGER",
    "BIGINT",
    "HUGEINT",
    "UTINYINT",
    "USMALLINT",
    "UINTEGER",
    "UBIGINT",
    "FLOAT",
    "DOUBLE",
    "DECIMAL",
)
CSV_ENDINGS = (".csv", ".csv.gz", ".tsv", ".tsv.gz", ".txt", ".csv.zst")
PARQUET_ENDINGS = (".parquet", ".pq", ".parq")


@dataclass(frozen=True, eq=False, kw_only=True)
class Raw:
    """A source read as raw event rows, and how to name a row in a message."""

    table: Table
    source: str
    backend: str
    files: tuple[str, ...] = ()
    kind: str = "table"  # csv, parquet, dataframe or table
    definition: str = ""  # how the kit made the table, shown by Measurement.sql()
    complete: bool = False  # known without a scan: no missing user or time, all times valid
    owned: str = ""  # "VIEW name" or "TABLE name" the kit made in its DuckDB, to drop later

    def where(self, log_order: int) -> str:
        """Name a row for a learner: ``line 7`` of a CSV, ``row 6`` of a DataFrame."""
        if self.kind in ("csv", "parquet"):
            index, row = log_order >> FILE_BITS, log_order & ((1 << FILE_BITS) - 1)
            name = os.path.basename(self.files[index]) + ", " if len(self.files) > 1 else ""
            return f"{name}line {row + 2}" if self.kind == "csv" else f"{name}row {row}"
        return f"row {log_order}"


def quote_str(text: str) -> str:
    """A SQL string literal.

    Examples
    --------
    >>> quote_str("it's.csv")
    "'it''s.csv'"
    """
    return "'" + text.replace("'", "''") + "'"


def closest(name: str, options: list[str]) -> str | None:
    """The option most like ``name`` (case-insensitive), or ``None`` if none is close.

    Examples
    --------
    >>> closest("user", ["user_pseudo_id", "event_name", "event_timestamp"])
    'user_pseudo_id'
    >>> closest("timestamp", ["ts", "Timestamp"])
    'Timestamp'
    """
    lowered = {option.lower(): option for option in options}
    if name.lower() in lowered:
        return lowered[name.lower()]
    hits = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.5)
    if hits:
        return lowered[hits[0]]
    inside = [o for o in options if name.lower() in o.lower() or o.lower() in name.lower()]
    return inside[0] if inside else None


def check_columns(wanted: dict[str, str], present: list[str], source: str, hint: str = "") -> None:
    """Raise one error naming every missing column and the closest one present.

    ``wanted`` maps a ``read_events`` argument (``user``, ``event``, ``time``, ``order``)
    to the column name it asks for.
    """
    problems = []
    for argument, column in wanted.items():
        if column in present:
            continue
        near = closest(column, present)
        fix = (
            f"pass {argument}={near!r} if that is the {argument} column"
            if near
            else f"pass {argument}= with the name of the {argument} column"
        )
        problems.append(
            Problem(
                f"column {column!r}",
                f"the log has no column {column!r} (its columns: "
                f"{', '.join(present[:12])}{', ...' if len(present) > 12 else ''})",
                fix + hint,
            )
        )
    if problems:
        raise JourneyMapError(problems, source=source)


def unit_guess(value: float) -> str:
    """Which epoch unit a number of that size is likely in.

    Examples
    --------
    >>> unit_guess(1_714_000_000), unit_guess(1_714_000_000_000_000)
    ('s', 'us')
    """
    size = abs(value)
    return "s" if size < 1e11 else "ms" if size < 1e14 else "us" if size < 1e17 else "ns"


def time_sql(column: str, duck_type: str, unit: str | None, time_format: str | None) -> str:
    """DuckDB SQL turning a time column of ``duck_type`` into epoch microseconds."""
    col = quote_id(column)
    base = duck_type.split("(")[0].upper()
    if time_format:
        parsed = f"try_strptime(CAST({col} AS VARCHAR), {quote_str(time_format)})"
        return f"epoch_us({parsed})"
    if unit is not None:
        factor = _backend.UNITS[unit]
        return f"CAST(round(TRY_CAST({col} AS DOUBLE) * {factor}) AS BIGINT)"
    if base.startswith("TIMESTAMP"):
        return f"epoch_us({col})"
    if base == "DATE":
        return f"epoch_us(CAST({col} AS TIMESTAMP))"
    if base in NUMERIC:
        return "NULL::BIGINT"  # numbers need a unit: the caller reports it
    text = f"CAST({col} AS VARCHAR)"
    # ISO 8601 text. A plain TIMESTAMP cast is fast but ignores a "+02:00" offset, so
    # text with an offset after the date takes the (slower) TIMESTAMPTZ cast. That cast
    # needs seconds ("09:00+02" fails), hence the strptime fallbacks.
    offset = f"({text}[11:] LIKE '%+%' OR {text}[11:] LIKE '%-%')"
    zoned = (
        f"coalesce(TRY_CAST({text} AS TIMESTAMPTZ), "
        f"try_strptime({text}, '%Y-%m-%dT%H:%M%z'), "
        f"try_strptime({text}, '%Y-%m-%d %H:%M%z'))"
    )
    plain = f"TRY_CAST({text} AS TIMESTAMP)"
    return (
        f"CASE WHEN {offset} THEN epoch_us({zoned}) "
        f"WHEN {plain} IS NOT NULL THEN epoch_us({plain}) "
        f"ELSE epoch_us(try_strptime({text}, '%Y-%m-%dT%H:%MZ')) END"
    )


def expand_paths(source: str | os.PathLike[str]) -> tuple[str, str, list[str]]:
    """Return (shown name, kind, sorted files) for a path or a glob.

    A ``pathlib`` path is shown with forward slashes on every system, so messages and
    stored notebook outputs read the same on Windows.

    Examples
    --------
    >>> from pathlib import PureWindowsPath
    >>> from journeykit.errors import JourneyMapError
    >>> try:
    ...     expand_paths(PureWindowsPath("..") / "logs" / "*.nothing")
    ... except JourneyMapError as err:
    ...     print(err.source)
    ../logs/*.nothing
    """
    text = source.as_posix() if isinstance(source, PurePath) else os.fspath(source)
    if any(ch in text for ch in "*?["):
        files = sorted(glob.glob(text, recursive=True))
        if not files:
            raise JourneyMapError(
                [Problem("", f"no file matches {text!r}", "check the folder and the pattern")],
                source=text,
            )
    elif not os.path.exists(text):
        folder = os.path.dirname(text) or "."
        names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
        near = closest(os.path.basename(text), names)
        fix = (
            f"check the path; the closest file there is {os.path.join(folder, near)!r}"
            if near
            else "check the path"
        )
        raise JourneyMapError([Problem("", "the file does not exist", fix)], source=text)
    else:
        files = [text]
    lowered = files[0].lower()
    if lowered.endswith(PARQUET_ENDINGS):
        kind = "parquet"
    elif lowered.endswith(CSV_ENDINGS):
        kind = "csv"
    else:
        raise JourneyMapError(
            [
                Problem(
                    "",
                    "the kit reads CSV (.csv, .csv.gz) and Parquet (.parquet) event logs",
                    "save the log as CSV or Parquet",
                )
            ],
            source=text,
        )
    return text, kind, files


def from_files(
    source: str | os.PathLike[str], names: dict[str, str], unit: str | None, time_format: str | None
) -> tuple[Raw, dict[str, str]]:
    """Read CSV or Parquet files as a DuckDB view; return it and each column's type."""
    shown, kind, files = expand_paths(source)
    con = _backend.duckdb_connection()
    wanted = [names[k] for k in ("user", "event", "time")] + (
        [names["order"]] if names.get("order") else []
    )
    if kind == "csv":
        forced = "{" + ", ".join(f"{quote_str(c)}: 'VARCHAR'" for c in wanted[:3]) + "}"
        reader = [f"read_csv({quote_str(f)}, types = {forced})" for f in files]
    else:
        reader = [
            "read_parquet([" + ", ".join(quote_str(f) for f in files) + "], file_row_number = true)"
        ]
    try:
        described = con.execute(
            f"DESCRIBE SELECT * FROM read_{kind}({quote_str(files[0])})"
        ).fetchall()
    except Exception as exc:
        raise JourneyMapError(
            [
                Problem(
                    "",
                    f"DuckDB cannot read it: {_first_line(exc)}",
                    "check that the file is a complete CSV or Parquet file",
                )
            ],
            source=shown,
        ) from None
    types = {str(row[0]): str(row[1]) for row in described}
    check_columns(names, list(types), shown, _ga4_hint(list(types)))
    if kind == "csv":
        for column in wanted[:3]:
            types[column] = "VARCHAR"
    user, event, time = (quote_id(names[k]) for k in ("user", "event", "time"))
    tsql = time_sql(names["time"], types[names["time"]], unit, time_format)
    order = names.get("order")
    parts = []
    for index, read in enumerate(reader):
        if kind == "csv":
            position = f"({index}::BIGINT << {FILE_BITS}) + (row_number() OVER () - 1)"
        else:
            position = f"(file_index::BIGINT << {FILE_BITS}) + file_row_number"
        log_order = quote_id(order) if order else position
        parts.append(
            f"SELECT {user} AS user_id, CAST({event} AS VARCHAR) AS event, "
            f"{tsql} AS time_us, {log_order} AS log_order, "
            f"CAST({time} AS VARCHAR) AS time_raw FROM {read}"
        )
    view = _backend.fresh_name()
    definition = f"CREATE TEMP VIEW {view} AS " + "\nUNION ALL\n".join(parts)
    try:
        con.execute(definition)
        table = _backend.kit_table(view)
    except Exception as exc:
        raise JourneyMapError(
            [
                Problem(
                    "",
                    f"DuckDB cannot read it: {_first_line(exc)}",
                    "check that every file has the same columns",
                )
            ],
            source=shown,
        ) from None
    complete = kind == "parquet" and _parquet_complete(con, files, names, types, unit, time_format)
    return Raw(
        table=table,
        source=shown,
        backend="duckdb",
        files=tuple(files),
        kind=kind,
        definition=definition,
        complete=complete,
        owned=f"VIEW {view}",
    ), types


def _parquet_complete(
    con: DuckDBPyConnection,
    files: list[str],
    names: dict[str, str],
    types: dict[str, str],
    unit: str | None,
    time_format: str | None,
) -> bool:
    """Whether Parquet statistics show no missing user or time, with times already typed.

    Then the read-time check needs only the event column, not a scan of the user ids.
    """
    typed = types[names["time"]].split("(")[0].upper()
    if time_format or not (
        typed.startswith("TIMESTAMP") or typed == "DATE" or (unit is not None and typed in NUMERIC)
    ):
        return False
    listed = ", ".join(quote_str(f) for f in files)
    wanted = ", ".join(quote_str(names[k]) for k in ("user", "time"))
    try:
        rows = con.execute(
            f"SELECT path_in_schema, count(*) - count(stats_null_count), "
            f"coalesce(sum(stats_null_count), 0) FROM parquet_metadata([{listed}]) "
            f"WHERE path_in_schema IN ({wanted}) GROUP BY 1"
        ).fetchall()
    except Exception:  # no statistics to go by: scan instead
        return False
    return len(rows) == 2 and all(unknown == 0 and nulls == 0 for _, unknown, nulls in rows)


def from_dataframe(
    frame: pd.DataFrame, names: dict[str, str], unit: str | None, time_format: str | None
) -> tuple[Raw, dict[str, str]]:
    """Copy the needed columns of a DataFrame into the embedded DuckDB."""
    import numpy as np
    import pandas as pd

    shown = "DataFrame"
    present = [str(c) for c in frame.columns]
    check_columns(names, present, shown, _ga4_hint(present))
    time = frame[names["time"]]
    if time.dtype == object:  # mixed Python objects: let DuckDB see text
        time = time.astype("string")
    order = frame[names["order"]] if names.get("order") else np.arange(len(frame))
    slim = pd.DataFrame(
        {"u": frame[names["user"]].to_numpy(), "e": frame[names["event"]], "t": time, "o": order},
        copy=False,
    ).reset_index(drop=True)
    con = _backend.duckdb_connection()
    view, table_name = _backend.fresh_name("jk_frame"), _backend.fresh_name()
    con.register(view, slim)
    try:
        types = {str(r[0]): str(r[1]) for r in con.execute(f"DESCRIBE {view}").fetchall()}
        tsql = time_sql("t", types["t"], unit, time_format)
        con.execute(
            f"CREATE TEMP TABLE {table_name} AS SELECT u AS user_id, "
            f"CAST(e AS VARCHAR) AS event, {tsql} AS time_us, o AS log_order, "
            f"CAST(t AS VARCHAR) AS time_raw FROM {view}"
        )
    finally:
        con.unregister(view)
    definition = (
        f"{table_name}: a temporary DuckDB table with the DataFrame's user, event "
        f"and time columns, made with SELECT u AS user_id, CAST(e AS VARCHAR) AS "
        f"event, {tsql} AS time_us, (row position) AS log_order"
    )
    return Raw(
        table=_backend.kit_table(table_name),
        source=shown,
        backend="duckdb",
        kind="dataframe",
        definition=definition,
        owned=f"TABLE {table_name}",
    ), {names["time"]: types["t"]}


def from_ibis(table: Table, names: dict[str, str], unit: str | None) -> tuple[Raw, dict[str, str]]:
    """Build the raw rows as an Ibis expression on the table's own backend."""
    ibis = _backend.ibis_module()
    backend = _backend.backend_name(table)
    try:
        label = table.get_name()
    except Exception:
        label = "query"
    shown = f"Ibis table {label!r} ({backend})"
    schema = table.schema()
    present = list(schema.names)
    check_columns(names, present, shown, _ga4_hint(present))
    time = table[names["time"]]
    dtype = schema[names["time"]]
    types = {names["time"]: str(dtype)}
    if unit is not None:
        number = time.cast("float64") if dtype.is_numeric() else time.try_cast("float64")
        time_us = (number * _backend.UNITS[unit]).round().cast("int64")
    elif dtype.is_timestamp():
        time_us = _backend.epoch_us(time, backend)
    elif dtype.is_date():
        time_us = _backend.epoch_us(time.cast("timestamp"), backend)
    elif dtype.is_string():
        time_us = _backend.epoch_us(time.try_cast("timestamp"), backend)
    else:
        time_us = ibis.null("int64")  # numbers without a unit: reported by the caller
    order = table[names["order"]] if names.get("order") else ibis.row_number()
    raw = table.select(
        user_id=table[names["user"]],
        event=table[names["event"]].cast("string"),
        time_us=time_us,
        log_order=order,
        time_raw=time.cast("string"),
    )
    return Raw(table=raw, source=shown, backend=backend, kind="table"), types


def _ga4_hint(present: list[str]) -> str:
    ga4 = {"user_pseudo_id", "event_name", "event_timestamp"}
    return ", or pass preset='ga4' (a GA4 export)" if ga4 <= set(present) else ""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def describe_source(source: object) -> str:
    """A short name for any source, for messages.

    Examples
    --------
    >>> describe_source("logs/shop.csv")
    'logs/shop.csv'
    >>> describe_source(42)
    'int'
    """
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return type(source).__name__
