"""How much of a map rests on research and how much on assumptions, and where.

Each item of the lanes about the customer (:func:`evidence_lanes`: actions,
touchpoints, emotion words, pain points, participants, information needs) may say
where it comes from (its ``evidence``: a kind of research, or ``"assumption"``; see
:mod:`journeykit.catalogue.method`). The counts cover those lanes only.
:func:`evidence_counts` counts the items of a map by that; :func:`evidence_table`
says it per stage and lane. The coach, the class roll-up, the rubric and the map
figure's legend all count from here, so they agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..catalogue import ASSUMPTION, Schema, schema
from ..catalogue.method import is_research
from .items import attributes_of

if TYPE_CHECKING:
    import pandas as pd

    from .journey_map import JourneyMap
    from .parts import Stage

#: Columns of :func:`evidence_table`.
EVIDENCE_COLUMNS = ["stage", "lane", "items", "research", "assumption", "untagged"]


@dataclass(frozen=True)
class EvidenceCounts:
    """How many list items of a map come from research, are assumptions, or say neither.

    Examples
    --------
    >>> counts = EvidenceCounts(research=6, assumption=2, untagged=2)
    >>> counts.items, counts.tagged, counts.share_assumed, counts.share_tagged
    (10, 8, 0.25, 0.8)
    """

    research: int = 0
    assumption: int = 0
    untagged: int = 0

    @property
    def items(self) -> int:
        """Every list item counted."""
        return self.research + self.assumption + self.untagged

    @property
    def tagged(self) -> int:
        """The items that say where they come from."""
        return self.research + self.assumption

    @property
    def share_assumed(self) -> float | None:
        """The share of the tagged items that are assumptions (None when none is tagged)."""
        return self.assumption / self.tagged if self.tagged else None

    @property
    def share_tagged(self) -> float | None:
        """The share of all items that say where they come from (None for no items)."""
        return self.tagged / self.items if self.items else None


def item_evidence(item: str) -> str:
    """Which of ``"research"``, ``"assumption"`` or ``"untagged"`` *item* is.

    Examples
    --------
    >>> from journeykit.model import Item
    >>> item_evidence(Item("Ad", evidence="survey")), item_evidence("Ad")
    ('research', 'untagged')
    """
    if type(item) is str:  # a plain string has no attributes, so no evidence: most items
        return "untagged"
    evidence = attributes_of(item).get("evidence", "")
    if is_research(evidence):
        return "research"
    return ASSUMPTION if evidence == ASSUMPTION else "untagged"


def evidence_lanes() -> tuple[str, ...]:
    """The keys of the lanes whose items can say where they come from (those the schema
    gives an ``evidence`` attribute: the lanes about the customer).

    Examples
    --------
    >>> evidence_lanes()[:3]
    ('actions', 'touchpoints', 'emotion_words')
    """
    return tuple(key for key, _ in _evidence_lanes(schema()))


@lru_cache(maxsize=8)
def _evidence_lanes(current: Schema) -> tuple[tuple[str, str], ...]:
    """(key, attribute name on a stage) of each lane of evidence of the schema *current*:
    worked out once per schema, since the coach and the figures ask on every map."""
    return tuple(
        (key, current.lanes_by_key[key].name)
        for key in current.list_lanes
        if any(a.name == "evidence" for a in current.attributes(current.lanes_by_key[key]))
    )


def _cells(stages: Iterable[Stage]) -> Iterator[tuple[str, str, EvidenceCounts]]:
    """(stage, lane, counts) for every lane of evidence of every stage that holds items.

    Only items with attributes can say where they come from; plain strings (most items,
    and every item of a map that tags none) are counted as untagged without reading each.
    """
    lanes = _evidence_lanes(schema())
    for stage in stages:
        for key, name in lanes:
            items = getattr(stage, name)
            if items:
                kinds = [item_evidence(item) for item in items if type(item) is not str]
                research, assumption = kinds.count("research"), kinds.count(ASSUMPTION)
                yield (
                    stage.name,
                    key,
                    EvidenceCounts(research, assumption, len(items) - research - assumption),
                )


def evidence_counts(m: JourneyMap) -> EvidenceCounts:
    """The items of every list lane of *m*, counted by where they come from.

    Examples
    --------
    >>> import journeykit as jk
    >>> m = jk.example("clothing-store")
    >>> m.set_item("Decision", "pain_points", 0, evidence="analytics")
    >>> m.set_item("Decision", "pain_points", 1, evidence="assumption")
    >>> counts = evidence_counts(m)
    >>> counts.research, counts.assumption, counts.share_assumed
    (1, 1, 0.5)
    """
    return evidence_counts_of(m.stages)


def evidence_counts_of(stages: Iterable[Stage]) -> EvidenceCounts:
    """The items of every list lane of *stages*, counted by where they come from."""
    research = assumption = untagged = 0
    for _, _, counts in _cells(stages):
        research += counts.research
        assumption += counts.assumption
        untagged += counts.untagged
    return EvidenceCounts(research, assumption, untagged)


def evidence_table(m: JourneyMap) -> pd.DataFrame:
    """Where a map's items come from, per stage and lane: how many items, how many from
    research, how many assumptions, how many not tagged.

    One row per list lane of each stage that holds items; ``stage`` and ``lane``
    keep the map's order. Sum a column, or group by ``stage``, to see where the
    assumptions are.

    Parameters
    ----------
    m : JourneyMap

    Returns
    -------
    pandas.DataFrame
        Columns ``stage``, ``lane``, ``items``, ``research``, ``assumption``,
        ``untagged``.

    Examples
    --------
    >>> import journeykit as jk
    >>> shop = jk.example("clothing-store")
    >>> shop.set_item("Consideration", "pain_points", 0, evidence="interview")
    >>> shop.set_item("Consideration", "pain_points", 1, evidence="assumption")
    >>> table = evidence_table(shop)
    >>> table[table.assumption > 0]
               stage         lane  items  research  assumption  untagged
    9  Consideration  pain_points      2         1           1         0
    """
    import pandas as pd

    rows = [
        (stage, lane, c.items, c.research, c.assumption, c.untagged)
        for stage, lane, c in _cells(m.stages)
    ]
    frame = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    frame["stage"] = pd.Categorical(frame["stage"], categories=m.stage_names, ordered=True)
    frame["lane"] = pd.Categorical(frame["lane"], categories=list(evidence_lanes()), ordered=True)
    return frame
