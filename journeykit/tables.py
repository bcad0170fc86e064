"""Journey maps as tidy pandas tables: one row per stage, lane and item.

The tidy layout is what plotly express and pandas expect, and what the CSV
export writes, so a map read back from its table is the same map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import JourneyMapError, Problem
from .lanes import LANES, LANES_BY_KEY

if TYPE_CHECKING:
    import pandas as pd

    from .model import JourneyMap, Persona

COLUMNS = ["stage", "lane", "item"]


def map_to_frame(journey_map: JourneyMap) -> pd.DataFrame:
    """The map as a tidy DataFrame with columns ``stage``, ``lane``, ``item``.

    Examples
    --------
    >>> import journeykit as jk
    >>> table = jk.example("clothing-store").to_frame()
    >>> table[table.lane == "touchpoints"].groupby("stage", observed=True).size().tolist()
    [3, 3, 3, 3, 2]
    """
    import pandas as pd

    rows = []
    for stage in journey_map.stages:
        for spec in LANES:
            value = stage.get(spec.key)
            items = value if isinstance(value, list) else [] if value in ("", None) else [value]
            rows += [(stage.name, spec.key, str(item)) for item in items]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["stage"] = pd.Categorical(frame["stage"], categories=journey_map.stage_names,
                                    ordered=True)
    frame["lane"] = pd.Categorical(frame["lane"], categories=list(LANES_BY_KEY), ordered=True)
    frame["item"] = frame["item"].astype(object)
    return frame


def map_from_frame(frame: pd.DataFrame, framework: str, title: str = "",
                   persona: Persona | None = None) -> JourneyMap:
    """Rebuild a map from a tidy table made by :func:`map_to_frame` (or read from its CSV).

    Examples
    --------
    >>> import journeykit as jk
    >>> m = jk.example("clothing-store")
    >>> back = map_from_frame(m.to_frame(), m.framework, m.title, m.persona)
    >>> back.stages == m.stages
    True
    """
    from .model import JourneyMap

    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise JourneyMapError([Problem("columns", "missing column(s) " + ", ".join(missing),
                                       "the table needs the columns stage, lane and item")])
    journey_map = JourneyMap.new(framework, title=title, persona=persona)
    problems: list[Problem] = []
    collected: dict[tuple[str, str], list[str]] = {}
    for row_number, (stage, lane_key, item) in enumerate(
            frame[COLUMNS].itertuples(index=False), start=1):
        if str(lane_key) not in LANES_BY_KEY:
            problems.append(Problem(f"row {row_number}", f"unknown lane {lane_key!r}",
                                    "use one of " + ", ".join(LANES_BY_KEY)))
            continue
        collected.setdefault((str(stage), str(lane_key)), []).append(str(item))
    for (stage, lane_key), items in collected.items():
        kind = LANES_BY_KEY[lane_key].kind
        value: object = items if kind == "list" else items[0]
        if kind == "score":
            value = int(items[0]) if items[0].strip().isdigit() else items[0]
        try:
            journey_map.set_lane(stage, lane_key, value)
        except JourneyMapError as err:
            problems.extend(err.problems)
    if problems:
        raise JourneyMapError(problems)
    return journey_map
