"""Coaching: feedback on a journey map, the way a good instructor gives it (``jk.review``).

Layer 4: reads a map (the model) with the framework catalogue beside it and
says what to work on next and why. Its modules:

* :mod:`.findings`: what a review says (:class:`Finding`, :class:`Review`);
* :mod:`.reviewer`: :func:`review` and the table of every rule id;
* one module per family of rules: :mod:`.persona`, :mod:`.goals` (stages as
  customer goals), :mod:`.coverage` (touchpoints, after the purchase),
  :mod:`.feelings` (emotions and dips), :mod:`.loop` (pain point, opportunity,
  KPI), :mod:`.messages` (information needs), :mod:`.participants`,
  :mod:`.hygiene` (placeholders, repeats, paragraphs, wrong lanes) and
  :mod:`.compare` (``compare_with``, lane by lane);
* helpers: :mod:`.context` (what the catalogue says about a map's stages),
  :mod:`.words` (key words, quotes) and :mod:`.kinds` (what kind of item a text is).

Nothing here imports pandas until ``Review.to_frame()`` is called.
"""

from __future__ import annotations

from .findings import LEVELS, Finding, Level, Review
from .reviewer import RULES, review

__all__ = ["LEVELS", "RULES", "Finding", "Level", "Review", "review"]
