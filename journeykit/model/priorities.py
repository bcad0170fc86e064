"""Choosing what to do: a map's (or a class's) opportunities, scored, and the roadmap.

Each opportunity can carry its ``impact`` and ``effort`` (1 to 4, no middle) and an
``owner``. :func:`priorities` lists every opportunity with the quarter of the
impact/effort matrix it falls in (:data:`journeykit.catalogue.QUADRANTS`) and so
its place on the roadmap: quick wins **now**, big bets **next**, fill-ins
**later**, and money pits to **rethink**. :func:`roadmap` is the same list as the
roadmap, scored ideas only, in the order to work through them.
:func:`journeykit.plot_priorities` draws the matrix.

Both take one map, several maps (a class: maps, or ``(participant, map)`` pairs),
or anything with a ``priorities()`` method returning this table (the class
roll-up, :meth:`journeykit.Rollup.priorities`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..catalogue import HORIZONS, quadrant, schema
from ..errors import JourneyMapError, Problem
from .items import attributes_of

if TYPE_CHECKING:
    import pandas as pd

    from .journey_map import JourneyMap

#: Columns of :func:`priorities`.
PRIORITY_COLUMNS = [
    "participant",
    "stage",
    "opportunity",
    "impact",
    "effort",
    "owner",
    "quadrant",
    "horizon",
]
#: The horizon of an opportunity without an impact and an effort yet.
UNSCORED = "to score"


def _pairs(source: Any) -> list[tuple[str, JourneyMap]]:
    """*source* as (participant, map) pairs: one map gets an empty participant."""
    from .journey_map import JourneyMap

    if isinstance(source, JourneyMap):
        return [("", source)]
    if isinstance(source, Iterable) and not isinstance(source, (str, bytes, dict)):
        pairs: list[tuple[str, JourneyMap]] = []
        for n, entry in enumerate(source, 1):
            if isinstance(entry, JourneyMap):
                pairs.append((entry.title or f"map {n}", entry))
            elif isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], JourneyMap):
                pairs.append((str(entry[0]), entry[1]))
            else:
                break
        else:
            return pairs
    raise JourneyMapError(
        [
            Problem(
                "source",
                f"cannot read opportunities from {type(source).__name__}",
                "pass a JourneyMap, a list of maps, or a class roll-up (jk.rollup(folder))",
            )
        ]
    )


def priorities(source: Any) -> pd.DataFrame:
    """Every opportunity, with its impact, effort, owner and place on the matrix.

    Parameters
    ----------
    source : JourneyMap, list of maps or of (participant, map) pairs, or a roll-up
        Where the opportunities come from.

    Returns
    -------
    pandas.DataFrame
        One row per opportunity, in map and stage order: ``participant`` (empty for
        one map), ``stage``, ``opportunity``, ``impact`` and ``effort`` (1 to 4, or
        missing), ``owner``, ``quadrant`` (``"Quick wins"`` ...) and ``horizon``
        (``now``, ``next``, ``later``, ``rethink``, or ``to score`` for an
        opportunity still missing its impact or effort).

    Examples
    --------
    >>> import journeykit as jk
    >>> shop = jk.example("clothing-store")
    >>> shop.set_item("Decision", "opportunities", 0, impact=4, effort=1, owner="Web team")
    >>> table = priorities(shop)
    >>> table.loc[table.impact.notna(), ["stage", "impact", "effort", "horizon"]]
          stage  impact  effort horizon
    2  Decision       4       1     now
    >>> int((table.horizon == "to score").sum())
    5
    """
    if hasattr(source, "priorities") and callable(source.priorities):
        return source.priorities()
    import pandas as pd

    rows = []
    for participant, m in _pairs(source):
        for stage in m.stages:
            for item in getattr(stage, schema().lanes_by_key["opportunities"].name):
                attributes = attributes_of(item)
                impact, effort = attributes.get("impact"), attributes.get("effort")
                where = (
                    quadrant(impact, effort) if impact is not None and effort is not None else None
                )
                rows.append(
                    (
                        participant,
                        stage.name,
                        str.__str__(item),
                        impact,
                        effort,
                        attributes.get("owner", ""),
                        where.name if where else "",
                        where.horizon if where else UNSCORED,
                    )
                )
    frame = pd.DataFrame(rows, columns=PRIORITY_COLUMNS)
    for column in ("impact", "effort"):
        frame[column] = frame[column].astype("Int64")
    frame["horizon"] = pd.Categorical(
        frame["horizon"], categories=[*HORIZONS, UNSCORED], ordered=True
    )
    return frame


def roadmap(source: Any) -> pd.DataFrame:
    """The roadmap: the scored opportunities, now / next / later, in the order to do them.

    Quick wins (high impact, low effort) go **now**, big bets (high impact, high
    effort) **next**, fill-ins (low impact, low effort) **later**; money pits (low
    impact, high effort) are listed last, to **rethink**. Within a horizon the
    larger impact comes first, then the smaller effort. Opportunities without an
    impact and an effort are left out (:func:`priorities` lists them).

    Parameters
    ----------
    source : JourneyMap, list of maps or of (participant, map) pairs, or a roll-up

    Returns
    -------
    pandas.DataFrame
        Columns ``horizon``, ``opportunity``, ``stage``, ``impact``, ``effort``,
        ``owner``, ``quadrant`` (and ``participant`` first, for a class).

    Examples
    --------
    >>> import journeykit as jk
    >>> shop = jk.example("clothing-store")
    >>> shop.set_item("Decision", "opportunities", 0, impact=4, effort=3)
    >>> shop.set_item("Consideration", "opportunities", 0, impact=3, effort=1)
    >>> roadmap(shop)[["horizon", "stage", "impact", "effort", "quadrant"]]
      horizon          stage  impact  effort    quadrant
    0     now  Consideration       3       1  Quick wins
    1    next       Decision       4       3    Big bets
    """
    table = priorities(source)
    scored = table[table["horizon"] != UNSCORED].copy()
    scored["horizon"] = scored["horizon"].cat.remove_unused_categories()
    scored["horizon"] = scored["horizon"].cat.set_categories(list(HORIZONS), ordered=True)
    scored["_order"] = range(len(scored))
    scored = scored.sort_values(
        ["horizon", "impact", "effort", "_order"], ascending=[True, False, True, True]
    )
    columns = ["horizon", "opportunity", "stage", "impact", "effort", "owner", "quadrant"]
    if (scored["participant"] != "").any():
        columns.insert(0, "participant")
    return scored[columns].reset_index(drop=True)
