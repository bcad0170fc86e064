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
        most frequent first. A big log counts them on first use (one query over the
        event column), not when it is read.
    skipped : dict
        Rows left out, by reason (no user, no event name, a time that does not parse).
    extras : tuple of str
        The source's other columns, carried in ``table`` under their own names (a
        channel, a device, a persona tag): what a funnel can be broken down by.
    checked : bool
        Whether every row is known to have a user and a time that parses. A log bigger
        than :data:`SAMPLE_ROWS` rows has only its first rows checked when it is read;
        each question then checks the rows it reads in the same pass, and reports bad
        ones as :func:`read_events` would have (an error, or a warning with
        ``bad_times="drop"``).

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
    counts: pd.DataFrame | None = field(default=None, repr=False)
    skipped: dict[str, int] = field(default_factory=dict)
    backend: str = "duckdb"
    definition: str = field(default="", repr=False)
    extras: tuple[str, ...] = ()
    checked: bool = True
    _state: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def counted(self) -> bool:
        """Whether the events per name are known without a query (:attr:`event_counts`)."""
        return self.counts is not None

    @property
    def event_counts(self) -> pd.DataFrame:
        """Every event name with its number of rows, most frequent first (see the class)."""
        if self.counts is None:
            named = self.table.filter(self.table.event.notnull())
            counts = _backend.execute(
                named.group_by("event").aggregate(events=named.count()),
                self.source,
                "the event counts",
                self.backend,
            )
            object.__setattr__(self, "counts", _sorted_counts(counts))
        assert self.counts is not None
        return self.counts

    @property
    def rows(self) -> int:
        """How many events the log holds (after leaving out skipped rows)."""
        return int(self.event_counts["events"].sum())

    @property
    def users(self) -> int:
        """How many distinct users the log holds (runs one query)."""
        return int(
            _backend.execute(self.table.user_id.nunique(), self.source, "the users", self.backend)
        )

    def head(self, n: int = 5) -> pd.DataFrame:
        """The first ``n`` events in log order, with readable UTC times (and the
        source's other columns after them).

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

        t = self.table
        usable = t if self.checked else t.filter(t.user_id.notnull(), t.time_us.notnull())
        first = _backend.execute(
            usable.order_by(["log_order"]).limit(n),
            self.source,
            "the first events",
            self.backend,
        )
        return pd.DataFrame(
            {
                "user_id": first["user_id"],
                "event": first["event"],
                "time": pd.to_datetime(first["time_us"], unit="us", utc=True),
                **{name: first[name] for name in self.extras},
            }
        )

    def settle(self, no_time: int, no_user: int, stacklevel: int = 2) -> None:
        """Report the bad rows a question found in a log checked only in part.

        Called with what a question counted in its own pass. Nothing happens when it
        found none. Otherwise the whole log is checked once (one grouped query), and
        its bad rows are reported as :func:`read_events` reports them: a
        ``JourneyMapError`` for times that do not parse (unless ``bad_times="drop"``),
        a warning for rows left out. The log is then checked: its ``table`` leaves those
        rows out and its ``event_counts`` and ``skipped`` count them.
        """
        if self.checked or not (no_time or no_user):
            return
        if "error" in self._state:
            raise self._state["error"]
        context: _Context = self._state["context"]
        try:
            table, counts, skipped = _verdict(
                context, _profile(context.raw.table, self.source, self.backend), stacklevel + 1
            )
        except JourneyMapError as err:
            self._state["error"] = err
            raise
        for name, value in (
            ("table", table),
            ("counts", counts),
            ("skipped", skipped),
            ("checked", True),
        ):
            object.__setattr__(self, name, value)

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


#: A log of up to this many rows is checked whole when it is read. A bigger one has its
#: first rows checked then (a wrong time format shows at once), and every other row is
#: checked by each question in the same pass that answers it: a big file is parsed once,
#: not once to check it and again to measure it.
SAMPLE_ROWS = 100_000


@dataclass(frozen=True)
class _Context:
    """What reporting a log's bad rows needs, kept by a log checked only in part."""

    raw: _sources.Raw
    names: dict[str, str]
    unit: str | None
    time_format: str | None
    types: dict[str, str]
    bad_times: str


#: The columns of a log's profile (:func:`_profile`), in order.
PROFILE = ("event", "events", "no_time", "no_user", "kept")


def _profile(table: Table, source: str, backend: str, rows: bool = False) -> Any:
    """Per event name: rows, rows without a time or a user, rows kept (one grouped query),
    as a DataFrame, or with ``rows`` as tuples of :data:`PROFILE` (no pandas needed)."""
    t = table
    return _backend.execute(
        t.group_by("event").aggregate(
            events=t.count(),
            no_time=t.time_us.isnull().cast("int64").sum(),
            no_user=t.user_id.isnull().cast("int64").sum(),
            kept=(t.time_us.notnull() & t.user_id.notnull()).cast("int64").sum(),
        ),
        source,
        "the event counts",
        backend,
        rows=rows,
    )


def _checked(
    raw: _sources.Raw,
    names: dict[str, str],
    unit: str | None,
    time_format: str | None,
    types: dict[str, str],
    bad_times: str,
) -> EventLog:
    """Check the log's rows and count its events per name: whole when that is cheap.

    A DataFrame is checked whole (it was parsed when copied into DuckDB). A file or table
    is profiled on its first :data:`SAMPLE_ROWS` rows (one grouped query that stops
    there): when that is the whole log, it is checked and counted whole. A bigger log
    with bad rows among its first ones is profiled whole, to report them all; otherwise
    it is left as it is, its names counted on first use and its other rows checked by
    each question in the same pass as it answers (unless Parquet statistics already
    vouch for every user and time).
    """
    context = _Context(raw, names, unit, time_format, types, bad_times)
    t = raw.table
    if raw.kind == "dataframe":
        return _log(context, _profile(t, raw.source, raw.backend))
    # as tuples: a big log is left unchecked without importing pandas (see execute)
    head = _profile(t.limit(SAMPLE_ROWS + 1), raw.source, raw.backend, rows=True)
    events, no_time, no_user = (sum(int(row[i] or 0) for row in head) for i in (1, 2, 3))
    if events <= SAMPLE_ROWS:  # the first rows are the whole log
        import pandas as pd

        return _log(context, pd.DataFrame(head, columns=list(PROFILE)))
    if no_time or no_user:  # bad rows: count them all now
        return _log(context, _profile(t, raw.source, raw.backend))
    return _log(context, None, checked=raw.complete)


def _log(context: _Context, profile: pd.DataFrame | None, checked: bool = True) -> EventLog:
    raw = context.raw
    counts: pd.DataFrame | None = None
    skipped: dict[str, int] = {}
    if profile is None:  # a big log: nothing is known yet beyond its first rows
        table = _usable(raw, skipped)
    else:
        table, counts, skipped = _verdict(context, profile, stacklevel=5)
    columns = {
        "user_id": context.names["user"],
        "event": context.names["event"],
        "time": context.names["time"],
    }
    log = EventLog(
        table=table,
        source=raw.source,
        columns=columns,
        counts=counts,
        skipped=skipped,
        backend=raw.backend,
        definition=raw.definition,
        extras=raw.extras,
        checked=checked,
    )
    if not checked:
        log._state["context"] = context
    if raw.owned:  # drop the kit's view or table when the log is garbage collected
        weakref.finalize(log, _backend.drop_later, raw.owned)
    return log


def _verdict(
    context: _Context, profile: pd.DataFrame, stacklevel: int
) -> tuple[Table, pd.DataFrame, dict[str, int]]:
    """Apply every check to a profile: raise, or return the usable table, the event counts
    and the rows left out (warning about them)."""
    raw, names = context.raw, context.names
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
    if no_time and context.bad_times == "raise":
        raise JourneyMapError(
            [
                _bad_time_problem(
                    raw, names, context.unit, context.time_format, context.types, no_time, total
                )
            ],
            source=raw.source,
        )
    skipped = {
        "no user id": int(profile["no_user"].sum()),
        "no event name": int(profile.loc[profile["event"].isna(), "events"].sum()),
        "a time that does not parse": no_time,
    }
    skipped = {k: v for k, v in skipped.items() if v}
    counts = profile[profile["event"].notna() & (profile["kept"] > 0)]
    counts = _sorted_counts(counts[["event", "kept"]].rename(columns={"kept": "events"}))
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
    table = _usable(raw, skipped)
    if skipped:
        detail = ", ".join(f"{n:,} with {why}" for why, n in skipped.items())
        warnings.warn(
            f"{raw.source}: left out {sum(skipped.values()):,} of {total:,} rows ({detail})",
            UserWarning,
            stacklevel=stacklevel,
        )
    return table, counts, skipped


def _usable(raw: _sources.Raw, skipped: dict[str, int]) -> Table:
    """The raw rows' columns a question reads, leaving out the skipped rows if any."""
    table = raw.table.select("user_id", "event", "time_us", "log_order", *raw.extras)
    if skipped:
        table = table.filter(
            table.user_id.notnull(), table.event.notnull(), table.time_us.notnull()
        )
    return table


def _sorted_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """``event``, ``events`` as int64, most frequent first, then by name."""
    return (
        counts[["event", "events"]]
        .astype({"events": "int64"})
        .sort_values(["events", "event"], ascending=[False, True])
        .reset_index(drop=True)
    )


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
        sample = _backend.execute(
            t.time_raw.cast("float64").max(), raw.source, "a time", raw.backend
        )
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
        raw.backend,
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
