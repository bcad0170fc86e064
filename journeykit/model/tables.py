"""Journey maps as tidy pandas tables: one row per stage, lane and item.

The tidy layout is what plotly express and pandas expect, and what the CSV
export writes, so a map read back from its table
(:meth:`journeykit.JourneyMap.from_frame`) is the same map. The lanes are the
schema's (:mod:`journeykit.catalogue.fields`), in its order; each attribute of list
items that the map uses (where an item comes from, an opportunity's impact) is one
more column after ``item``, empty where an item has none. Attributes no item has
get no column, so a map that uses none has the three columns it always had.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..catalogue import FieldSpec, schema
from ..errors import JourneyMapError, Problem
from .items import attributes_of

if TYPE_CHECKING:
    import pandas as pd

    from .journey_map import JourneyMap

COLUMNS = ["stage", "lane", "item"]


def used_attributes(items: Iterable[object]) -> list[str]:
    """The names of the item attributes any of *items* has, in schema order.

    Examples
    --------
    >>> from journeykit.model import Item
    >>> used_attributes([Item("Ad", source="Ana", evidence="survey"), "Blog"])
    ['evidence', 'source']
    """
    found: set[str] = set()
    for item in items:
        if isinstance(item, str):
            found.update(attributes_of(item))
    return [spec.name for spec in schema().scope("item") if spec.name in found]


def item_columns(attributes: Sequence[str] = ()) -> list[str]:
    """The columns of the tidy table: :data:`COLUMNS`, then one per attribute in *attributes*.

    Examples
    --------
    >>> item_columns(), item_columns(["evidence"])
    (['stage', 'lane', 'item'], ['stage', 'lane', 'item', 'evidence'])
    """
    return [*COLUMNS, *attributes]


def shown_lanes(journey_map: JourneyMap) -> tuple[FieldSpec, ...]:
    """The lanes a view of the map shows: every lane, but an optional one (the
    blueprint's) only when some stage fills it in.

    Examples
    --------
    >>> import journeykit as jk
    >>> m = jk.example("clothing-store")
    >>> len(shown_lanes(m)), len(jk.LANES)
    (12, 15)
    >>> m.set_lane("Decision", "backstage_actions", ["Packs the order"])
    >>> shown_lanes(m)[-1].key
    'backstage_actions'
    """
    return tuple(
        spec
        for spec in schema().lanes
        if not spec.optional
        or any(not spec.is_empty(getattr(stage, spec.name)) for stage in journey_map.stages)
    )


def map_items(journey_map: JourneyMap) -> Iterator[object]:
    """Every list item of the map's stages."""
    for stage in journey_map.stages:
        for key in schema().list_lanes:
            yield from getattr(stage, schema().lanes_by_key[key].name)


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

    lanes = schema().lanes
    attributes = used_attributes(map_items(journey_map))
    rows: list[tuple[Any, ...]] = []
    for stage in journey_map.stages:
        for spec in lanes:
            value = getattr(stage, spec.name)
            items = value if isinstance(value, list) else [] if spec.is_empty(value) else [value]
            rows += [
                (
                    stage.name,
                    spec.key,
                    str(item),
                    *(_cell(attributes_of(item).get(name)) for name in attributes),
                )
                for item in items
            ]
    frame = pd.DataFrame(rows, columns=item_columns(attributes), dtype=object)  # text as it is
    frame["stage"] = pd.Categorical(
        frame["stage"], categories=journey_map.stage_names, ordered=True
    )
    frame["lane"] = pd.Categorical(
        frame["lane"], categories=[spec.key for spec in lanes], ordered=True
    )
    return frame


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


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
    lanes = schema().lanes_by_key
    attributes = {spec.name: spec for spec in schema().scope("item")}
    extra = [column for column in frame.columns if column in attributes]
    problems: list[Problem] = []
    collected: dict[tuple[str, str], list[Any]] = {}
    for row_number, (stage, lane_key, item, *more) in enumerate(
        frame[[*COLUMNS, *extra]].itertuples(index=False), start=1
    ):
        if str(lane_key) not in lanes:
            problems.append(
                Problem(
                    f"row {row_number}",
                    f"unknown lane {lane_key!r}",
                    "use one of " + ", ".join(lanes),
                )
            )
            continue
        given = {
            name: _attribute(attributes[name], cell)
            for name, cell in zip(extra, more, strict=True)
            if cell not in ("", None) and cell == cell  # NaN is not equal to itself
        }
        collected.setdefault((str(stage), str(lane_key)), []).append(
            {"text": str(item), **given} if given else str(item)
        )
    values: dict[tuple[str, str], object] = {}
    for (stage, lane_key), items in collected.items():
        kind = lanes[lane_key].kind
        value: object = items if kind == "list" else items[0]
        if kind == "score":
            value = int(items[0]) if items[0].strip().isdigit() else items[0]
        values[(stage, lane_key)] = value
    return values, problems


def _attribute(spec: Any, cell: Any) -> Any:
    """A table cell as an item attribute's value (a score's digits as a number)."""
    text = str(cell)
    return int(text) if spec.kind == "score" and text.strip().isdigit() else text
