"""Read an event log: :func:`read_events` and the :class:`EventLog` it returns.

An event log is one row per thing a customer did: who (a user id), what (an event
name) and when (a timestamp). :func:`read_events` reads one from a pandas
DataFrame, CSV or Parquet files (a path or a glob such as ``"logs/*.parquet"``), or
an Ibis table on any backend (DuckDB, BigQuery, Snowflake, Spark, Trino, ...), and
checks it once: the three columns exist, every time parses, the log is not empty.

Log order
    Two events of one user can carry the same timestamp (a page view and a click in
    the same second). The kit then keeps them in the order the log lists them: the
    row number in the file (``file, row`` for a glob of files) or the DataFrame's row
    position, taken at read time, or a column you name with ``order=``.
"""

from __future__ import annotations

import os
import warnings
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

from ..errors import JourneyMapError, Problem
from . import _backend, _sources

if TYPE_CHECKING:
    import pandas as pd
    from ibis.expr.types import Table

#: What :func:`read_events` reads: CSV or Parquet files (a path, a folder or a glob
#: pattern), a pandas DataFrame, or an Ibis table of any backend.
EventSource: TypeAlias = "str | os.PathLike[str] | pd.DataFrame | Table"

__all__ = ["PRESETS", "EventLog", "read_events"]

#: Known export layouts: the column names (and time unit) of each.
PRESETS: dict[str, dict[str, str]] = {
    # GA4's BigQuery export: event_timestamp is microseconds since 1970 (UTC).
    "ga4": {
        "user": "user_pseudo_id",
        "event": "event_name",
        "time": "event_timestamp",
        "time_unit": "us",
    },
}
DEFAULTS = {"user": "user_id", "event": "event", "time": "timestamp"}
SHOWN_EXAMPLES = 5


@dataclass(frozen=True, eq=False, kw_only=True)
class EventLog:
    """An event log, checked and ready to measure.

    Attributes
    ----------
    table : ibis.expr.types.Table
        The events with four columns: ``user_id``, ``event``, ``time_us`` (microseconds
        since 1970-01-01 UTC) and ``log_order`` (breaks ties between equal times). For
        a file or a DataFrame it is an unbound Ibis table over the kit's DuckDB
        (``ibis.to_sql(log.table, dialect="duckdb")`` gives its SQL); for an Ibis table,
        an expression on that table's backend.
    source : str
        Where the log came from, for messages.
    columns : dict
        Which source column became ``user_id``, ``event`` and the time.
    event_counts : pandas.DataFrame
        Every event name in the log with its number of rows (``event``, ``events``),
        most frequent first.
    skipped : dict
        Rows left out, by reason (no user, no event name, a time that does not parse).

    Examples
    --------
    >>> import pandas as pd
    >>> from journeykit.analytics import read_events
    >>> log = read_events(pd.DataFrame({
    ...     "user_id": ["ana", "ana", "ben"],
    ...     "event": ["ad click", "purchase", "ad click"],
    ...     "timestamp": ["2024-05-01 10:00", "2024-05-01 10:05", "2024-05-02 09:00"]}))
    >>> log
    EventLog: 3 events, 2 event names, from DataFrame
    >>> log.rows, log.users
    (3, 2)
    >>> log.event_counts.to_dict("records")
    [{'event': 'ad click', 'events': 2}, {'event': 'purchase', 'events': 1}]
    """

    table: Table
    source: str
    columns: dict[str, str]
    event_counts: pd.DataFrame = field(repr=False)
    skipped: dict[str, int] = field(default_factory=dict)
    backend: str = "duckdb"
    definition: str = field(default="", repr=False)

    @property
    def rows(self) -> int:
        """How many events the log holds (after leaving out skipped rows)."""
        return int(self.event_counts["events"].sum())

    @property
    def users(self) -> int:
        """How many distinct users the log holds (runs one query)."""
        return int(_backend.execute(self.table.user_id.nunique(), self.source, "the users"))

    def head(self, n: int = 5) -> pd.DataFrame:
        """The first ``n`` events in log order, with readable UTC times.

        Examples
        --------
        >>> import pandas as pd
        >>> from journeykit.analytics import read_events
        >>> log = read_events(pd.DataFrame({"user_id": ["a"], "event": ["visit"],
        ...                                 "timestamp": ["2024-05-01 10:00"]}))
        >>> log.head()
          user_id  event                      time
        0       a  visit 2024-05-01 10:00:00+00:00
        """
        import pandas as pd

        first = _backend.execute(
            self.table.order_by(["log_order"]).limit(n), self.source, "the first events"
        )
        return pd.DataFrame(
            {
                "user_id": first["user_id"],
                "event": first["event"],
                "time": pd.to_datetime(first["time_us"], unit="us", utc=True),
            }
        )

    def __repr__(self) -> str:
        return (
            f"EventLog: {self.rows:,} events, {len(self.event_counts):,} event names, "
            f"from {self.source}"
        )


def read_events(
    source: EventSource,
    *,
    user: str | None = None,
    event: str | None = None,
    time: str | None = None,
    preset: str | None = None,
    time_unit: str | None = None,
    time_format: str | None = None,
    order: str | None = None,
    bad_times: str = "raise",
) -> EventLog:
    """Read an event log from a DataFrame, CSV/Parquet files or an Ibis table.

    Parameters
    ----------
    source : pandas.DataFrame, str, os.PathLike, ibis Table or EventLog
        The log. A path may be a glob (``"logs/2024-*.csv.gz"``); files are read by
        DuckDB where they lie, streamed, never loaded whole into memory.
    user, event, time : str, optional
        The names of the user, event and time columns (default ``user_id``, ``event``
        and ``timestamp``, or the preset's).
    preset : {"ga4"}, optional
        A known export layout. ``"ga4"``: GA4's BigQuery export (``user_pseudo_id``,
        ``event_name``, ``event_timestamp`` in microseconds).
    time_unit : {"s", "ms", "us", "ns"}, optional
        For a time column of epoch numbers: their unit.
    time_format : str, optional
        A ``strftime`` format for text times such as ``"%d/%m/%Y %H:%M"`` (DataFrames
        and files). Without one, ISO 8601 text is understood; a time without a zone
        is taken as UTC.
    order : str, optional
        A column that orders events with the same time (default: the log's own row order).
    bad_times : {"raise", "drop"}
        What to do with rows whose time is empty or does not parse: stop with an error
        that counts them and shows a few (default), or leave them out with a warning.

    Returns
    -------
    EventLog

    Raises
    ------
    JourneyMapError
        A missing column (naming the closest one), times that do not parse, an empty log.

    Examples
    --------
    >>> import pandas as pd
    >>> from journeykit.analytics import read_events
    >>> frame = pd.DataFrame({"visitor": ["v1", "v1"], "what": ["blog visit", "purchase"],
    ...                       "when": ["2024-05-01T10:00:00Z", "2024-05-03T18:30:00Z"]})
    >>> read_events(frame, user="visitor", event="what", time="when")
    EventLog: 2 events, 2 event names, from DataFrame
    >>> from ..errors import JourneyMapError
    >>> try:
    ...     read_events(frame, user="visitor", event="what")
    ... except JourneyMapError as err:
    ...     print(err.problems[0].where, "|", err.problems[0].fix)
    column 'timestamp' | pass time= with the name of the time column
    """
    if isinstance(source, EventLog):
        return source
    _backend.drop_pending()
    names, unit = _column_names(user, event, time, preset, time_unit, order)
    if bad_times not in ("raise", "drop"):
        raise JourneyMapError(
            [
                Problem(
                    "bad_times",
                    f"{bad_times!r} is not a choice",
                    "use bad_times='raise' or bad_times='drop'",
                )
            ]
        )
    if isinstance(source, (str, os.PathLike)):
        raw, types = _sources.from_files(source, names, unit, time_format)
    elif _backend.is_ibis_table(source):
        raw, types = _sources.from_ibis(source, names, unit)
    elif type(source).__name__ == "DataFrame" and hasattr(source, "columns"):
        raw, types = _sources.from_dataframe(source, names, unit, time_format)
    else:
        raise JourneyMapError(
            [
                Problem(
                    "source",
                    f"a {type(source).__name__} object is not an event log",
                    "pass a pandas DataFrame, a CSV or Parquet path, or an Ibis table",
                )
            ]
        )
    return _checked(raw, names, unit, time_format, types, bad_times)


def _column_names(
    user: str | None,
    event: str | None,
    time: str | None,
    preset: str | None,
    unit: str | None,
    order: str | None,
) -> tuple[dict[str, str], str | None]:
    base = dict(DEFAULTS)
    if preset is not None:
        if preset not in PRESETS:
            raise JourneyMapError(
                [
                    Problem(
                        "preset",
                        f"{preset!r} is not a preset the kit knows",
                        "use one of " + ", ".join(PRESETS),
                    )
                ]
            )
        base.update({k: v for k, v in PRESETS[preset].items() if k != "time_unit"})
        unit = unit or PRESETS[preset].get("time_unit")
    if unit is not None and unit not in _backend.UNITS:
        raise JourneyMapError(
            [
                Problem(
                    "time_unit",
                    f"{unit!r} is not a time unit",
                    "use one of " + ", ".join(_backend.UNITS),
                )
            ]
        )
    given = {"user": user, "event": event, "time": time}
    names = {k: base[k] if (name := given[k]) is None else name for k in base}
    if order is not None:
        names["order"] = order
    return names, unit


def _checked(
    raw: _sources.Raw,
    names: dict[str, str],
    unit: str | None,
    time_format: str | None,
    types: dict[str, str],
    bad_times: str,
) -> EventLog:
    """Profile the raw rows once (one grouped query) and apply every check."""
    t = raw.table
    if raw.complete:  # Parquet statistics: no missing users or times, so count events only
        profile = _backend.execute(
            t.group_by("event").aggregate(events=t.count()), raw.source, "the event counts"
        )
        profile = profile.assign(no_time=0, no_user=0, kept=profile["events"])
    else:
        profile = _backend.execute(
            t.group_by("event").aggregate(
                events=t.count(),
                no_time=t.time_us.isnull().cast("int64").sum(),
                no_user=t.user_id.isnull().cast("int64").sum(),
                kept=(t.time_us.notnull() & t.user_id.notnull()).cast("int64").sum(),
            ),
            raw.source,
            "the event counts",
        )
    total = int(profile["events"].sum()) if len(profile) else 0
    if total == 0:
        raise JourneyMapError(
            [
                Problem(
                    "",
                    "the log is empty: it has no events",
                    "check the file (or the filter that made the table)",
                )
            ],
            source=raw.source,
        )
    no_time = int(profile["no_time"].sum())
    if no_time and bad_times == "raise":
        raise JourneyMapError(
            [_bad_time_problem(raw, names, unit, time_format, types, no_time, total)],
            source=raw.source,
        )
    skipped = {
        "no user id": int(profile["no_user"].sum()),
        "no event name": int(profile.loc[profile["event"].isna(), "events"].sum()),
        "a time that does not parse": no_time,
    }
    skipped = {k: v for k, v in skipped.items() if v}
    counts = profile[profile["event"].notna() & (profile["kept"] > 0)]
    counts = (
        counts.rename(columns={"kept": "n"})[["event", "n"]]
        .rename(columns={"n": "events"})
        .astype({"events": "int64"})
        .sort_values(["events", "event"], ascending=[False, True])
        .reset_index(drop=True)
    )
    if counts.empty:
        raise JourneyMapError(
            [
                Problem(
                    "",
                    "no event is left once rows without a user, an "
                    "event name or a time are left out",
                    f"check the {names['user']!r}, {names['event']!r} and "
                    f"{names['time']!r} columns",
                )
            ],
            source=raw.source,
        )
    table = t.select("user_id", "event", "time_us", "log_order")
    if skipped:
        table = table.filter(
            table.user_id.notnull(), table.event.notnull(), table.time_us.notnull()
        )
        detail = ", ".join(f"{n:,} with {why}" for why, n in skipped.items())
        warnings.warn(
            f"{raw.source}: left out {sum(skipped.values()):,} of {total:,} rows ({detail})",
            UserWarning,
            stacklevel=3,
        )
    columns = {"user_id": names["user"], "event": names["event"], "time": names["time"]}
    log = EventLog(
        table=table,
        source=raw.source,
        columns=columns,
        event_counts=counts,
        skipped=skipped,
        backend=raw.backend,
        definition=raw.definition,
    )
    if raw.owned:  # drop the kit's view or table when the log is garbage collected
        weakref.finalize(log, _backend.drop_later, raw.owned)
    return log


def _bad_time_problem(
    raw: _sources.Raw,
    names: dict[str, str],
    unit: str | None,
    time_format: str | None,
    types: dict[str, str],
    count: int,
    total: int,
) -> Problem:
    t = raw.table
    column = names["time"]
    kind = types.get(column, "")
    if unit is None and kind.split("(")[0].upper() in (*_sources.NUMERIC, "INT64", "FLOAT64"):
        sample = _backend.execute(t.time_raw.cast("float64").max(), raw.source, "a time")
        guess = _sources.unit_guess(float(sample or 0))
        words = {"s": "seconds", "ms": "milliseconds", "us": "microseconds", "ns": "nanoseconds"}
        return Problem(
            f"column {column!r}",
            "the times are numbers, not dates",
            f"pass time_unit={guess!r} if they count {words[guess]} since 1970",
        )
    bad = _backend.execute(
        t.filter(t.time_us.isnull())
        .order_by("log_order")
        .limit(SHOWN_EXAMPLES)
        .select("log_order", "time_raw"),
        raw.source,
        "the times that do not parse",
    )
    shown = "; ".join(
        f"{raw.where(int(r.log_order))}: {_shown(r.time_raw)}" for r in bad.itertuples()
    )
    numeric = all(_is_number(v) for v in bad["time_raw"].dropna())
    if numeric and len(bad["time_raw"].dropna()) and unit is None:
        fix = "these look like epoch numbers: pass time_unit='s', 'ms' or 'us'"
    elif time_format:
        fix = f"fix those rows or check time_format={time_format!r}"
    else:
        fix = (
            "fix those rows, pass time_format= (such as '%d/%m/%Y %H:%M') if the times "
            "are written another way, or pass bad_times='drop' to leave them out"
        )
    return Problem(
        f"column {column!r}",
        f"{count:,} of {total:,} times are empty or do not parse, e.g. {shown}",
        fix,
    )


def _shown(value: object) -> str:
    empty = value is None or value != value or str(value).strip() == ""
    return "(empty)" if empty else repr(str(value))


def _is_number(text: Any) -> bool:
    try:
        float(text)
    except (TypeError, ValueError):
        return False
    return True
