"""Coaching: feedback on a journey map, the way a good instructor gives it (``jk.review``).

Layer 4: reads a map (the model) and says what to work on next and why.
:mod:`.findings` holds what a review says (:class:`Finding`, :class:`Review`).
"""

from __future__ import annotations

from .findings import LEVELS, Finding, Level, Review
from .review import review

__all__ = ["LEVELS", "Finding", "Level", "Review", "review"]
