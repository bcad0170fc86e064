"""Journey maps as tidy pandas tables: one row per stage, lane and item.

The tidy layout is what plotly express and pandas expect, and what the CSV
export writes, so a map read back from its table
(:meth:`journeykit.JourneyMap.from_frame`) is the same map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalogue import LANES, LANES_BY_KEY
from ..errors import JourneyMapError, Problem

if TYPE_CHECKING:
    import pandas as pd

    from .journey_map import JourneyMap

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
    frame = pd.DataFrame(rows, columns=COLUMNS, dtype=object)  # text as it is, any characters
    frame["stage"] = pd.Categorical(
        frame["stage"], categories=journey_map.stage_names, ordered=True
    )
    frame["lane"] = pd.Categorical(frame["lane"], categories=list(LANES_BY_KEY), ordered=True)
    return frame


def frame_lane_values(frame: pd.DataFrame) -> tuple[dict[tuple[str, str], object], list[Problem]]:
    """The lane values in a tidy table, by (stage, lane), and the rows that do not fit.

    :meth:`journeykit.JourneyMap.from_frame` sets these values on a new map.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"stage": ["Aware", "Aware", "Aware"],
    ...                      "lane": ["touchpoints", "touchpoints", "emotion_score"],
    ...                      "item": ["Ad", "Blog", "4"]})
    >>> frame_lane_values(rows)
    ({('Aware', 'touchpoints'): ['Ad', 'Blog'], ('Aware', 'emotion_score'): 4}, [])
    """
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise JourneyMapError(
            [
                Problem(
                    "columns",
                    "missing column(s) " + ", ".join(missing),
                    "the table needs the columns stage, lane and item",
                )
            ]
        )
    problems: list[Problem] = []
    collected: dict[tuple[str, str], list[str]] = {}
    for row_number, (stage, lane_key, item) in enumerate(
        frame[COLUMNS].itertuples(index=False), start=1
    ):
        if str(lane_key) not in LANES_BY_KEY:
            problems.append(
                Problem(
                    f"row {row_number}",
                    f"unknown lane {lane_key!r}",
                    "use one of " + ", ".join(LANES_BY_KEY),
                )
            )
            continue
        collected.setdefault((str(stage), str(lane_key)), []).append(str(item))
    values: dict[tuple[str, str], object] = {}
    for (stage, lane_key), items in collected.items():
        kind = LANES_BY_KEY[lane_key].kind
        value: object = items if kind == "list" else items[0]
        if kind == "score":
            value = int(items[0]) if items[0].strip().isdigit() else items[0]
        values[(stage, lane_key)] = value
    return values, problems
