"""What every rule needs to know about a map, worked out once per review.

:class:`MapView` wraps a :class:`~journeykit.JourneyMap` with what the
framework catalogue says about its stages: which stage holds the first
purchase (the ``buy`` journey moment), which stages come after it, and which
involve other people (researching, recommending, promoting). A map whose
framework or stage names the catalogue does not know still gets a view: the
rules that need the catalogue then stay quiet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import wraps
from typing import TypeVar

from ..catalogue import LANES, facts, get_framework
from ..errors import JourneyMapError
from ..model import JourneyMap, Stage
from .findings import Level


@dataclass(frozen=True)
class Rule:
    """One thing the coach checks: its stable id, the levels it gives, what it looks for."""

    id: str
    levels: tuple[Level, ...]
    checks: str


#: The journey moment of the first purchase (see the catalogue's ``moments``).
BUY_MOMENT = "buy"

#: Journey moments where other people take part: comparing opinions, telling others.
SOCIAL_MOMENTS = frozenset({"research", "recommend", "promote"})


@dataclass
class MapView:
    """A map plus what the catalogue says about each of its stages.

    Examples
    --------
    >>> import journeykit as jk
    >>> view = MapView.of(jk.example("clothing-store"))
    >>> view.purchase_stage, [s.name for s in view.after_purchase]
    ('Decision', ['Retention', 'Advocacy'])
    >>> [s.name for s in view.social]
    ['Consideration', 'Advocacy']
    """

    map: JourneyMap
    moments: dict[str, tuple[str, ...]] = field(default_factory=dict)
    purchase_index: int | None = None

    @classmethod
    def of(cls, journey_map: JourneyMap) -> MapView:
        moments: dict[str, tuple[str, ...]] = {}
        try:
            framework = get_framework(journey_map.framework)
        except JourneyMapError:
            framework = None
        if framework is not None:
            known = {s.name.casefold(): s.moments for s in framework.stages}
            moments = {s.name: known.get(s.name.casefold(), ()) for s in journey_map.stages}
        purchase = next(
            (i for i, s in enumerate(journey_map.stages) if BUY_MOMENT in moments.get(s.name, ())),
            None,
        )
        return cls(journey_map, moments, purchase)

    @property
    def stages(self) -> list[Stage]:
        return self.map.stages

    def filled(self) -> Iterator[Stage]:
        """The stages with anything in them."""
        return (s for s in self.map.stages if not s.is_blank())

    @property
    def purchase_stage(self) -> str | None:
        """The name of the stage of the first purchase, if the catalogue knows it."""
        return None if self.purchase_index is None else self.stages[self.purchase_index].name

    @property
    def after_purchase(self) -> list[Stage]:
        """The stages after the first purchase, where customers are kept and win others."""
        return [] if self.purchase_index is None else self.stages[self.purchase_index + 1 :]

    @property
    def social(self) -> list[Stage]:
        """The stages whose journey moments involve other people."""
        return [s for s in self.stages if SOCIAL_MOMENTS & set(self.moments.get(s.name, ()))]

    @property
    def persona_name(self) -> str:
        """The persona's name, or "the customer" when it has none yet."""
        return self.map.persona.name.strip() or "the customer"


_Read = TypeVar("_Read")


def once_per_view(read: Callable[[MapView], _Read]) -> Callable[[MapView], _Read]:
    """*read*, remembered for the last view it was given: a rule that needs the same reading
    of a whole map in every stage works it out once per review. Only the view of the review
    in progress is kept, so memory does not grow with the maps reviewed.

    Examples
    --------
    >>> import journeykit as jk
    >>> calls = []
    >>> @once_per_view
    ... def stage_count(view):
    ...     calls.append(view)
    ...     return len(view.stages)
    >>> view = MapView.of(jk.example("clothing-store"))
    >>> stage_count(view), stage_count(view), len(calls)
    (5, 5, 1)
    """
    last: list[tuple[MapView, _Read]] = []

    @wraps(read)
    def remembered(view: MapView) -> _Read:
        if not (last and last[0][0] is view):
            last[:] = [(view, read(view))]
        return last[0][1]

    return remembered


def is_empty(value: object) -> bool:
    return value in ("", None, [])


def filled_lanes(stage: Stage) -> list[str]:
    """The keys of the lanes of *stage* that hold something."""
    return [spec.key for spec in LANES if not is_empty(stage.get(spec.key))]


def fact_figure(fact_id: str) -> str:
    """The figure of a catalogue fact (``"5x"``), or "" if the catalogue lost it."""
    return next((f.figure for f in facts() if f.id == fact_id), "")
