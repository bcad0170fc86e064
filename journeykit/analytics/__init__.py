"""Analytics: a journey measured on an event log (``jk.read_events``, ``jk.measure``).

Layer 4, beside the figures: reads event logs through Ibis (an embedded DuckDB by
default) and answers one question per query: how many customers reach each stage,
where they drop off, how long each step takes, who comes back, what nobody claims.

Read a log with :func:`read_events`, map each stage of a journey to the events that
count as reaching it, and :func:`measure` it::

    import journeykit as jk
    log = jk.read_events("datasets/clothing-store-events.csv.gz")
    m = jk.measure(log, {"Awareness": ["ad click", "blog visit"],
                         "Consideration": "browse collection",
                         "Decision": "purchase"}, framework="five-stage-decision")
    m.funnel()

* :mod:`.events`: :func:`read_events` and :class:`EventLog`, the checked log;
* :mod:`.stages`: stage maps and their rules (:func:`prefix`, :func:`pattern`);
* :mod:`.measurement`: :func:`measure` and :class:`Measurement`, the questions;
* :mod:`.queries`: the Ibis expression behind each question (one query each);
* ``_sources`` (files, DataFrames and Ibis tables as raw rows) and ``_backend``
  (lazy imports of Ibis and DuckDB, the embedded DuckDB, engine errors).

Ibis and DuckDB come with the ``analytics`` extra (``pip install "journeykit[analytics]"``;
``make lab`` and ``make test`` install it): Ibis compiles each question to DuckDB SQL and
DuckDB runs it, with no pyarrow. Measuring an Ibis table of another backend (a
warehouse) has Ibis run the query there, which needs pyarrow: the ``warehouse`` extra
and that backend's Ibis extra. Nothing here imports them until a log is read; without
them the first call raises a :class:`~journeykit.errors.JourneyMapError` that gives the
install command.
"""

from __future__ import annotations

from .events import PRESETS, EventLog, read_events
from .measurement import Measurement, measure
from .stages import pattern, prefix

__all__ = ["PRESETS", "EventLog", "Measurement", "measure", "pattern", "prefix", "read_events"]
