"""Placeholder for ``jk.review`` until the coaching rules land (issue 11).

It returns an empty :class:`~.findings.Review`, so the class roll-up's
class-wide review can be written and tested against the real entry point.
The lead drops this file when the real ``review`` is merged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .findings import Review

if TYPE_CHECKING:
    from ..model import JourneyMap


def review(journey_map: JourneyMap, *, compare_with: JourneyMap | None = None) -> Review:
    """Coaching feedback on *journey_map* (placeholder: no findings yet).

    Examples
    --------
    >>> import journeykit as jk
    >>> len(review(jk.example("clothing-store")))
    0
    """
    return Review([], title=journey_map.title)
