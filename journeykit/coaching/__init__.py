"""Coaching: feedback on a journey map, the way a good instructor gives it (``jk.review``).

Layer 4: reads a map (the model) with the framework catalogue beside it and
says what to work on next and why. Its modules:

* :mod:`.findings`: what a review says (:class:`Finding`, :class:`Review`);
* :mod:`.reviewer`: :func:`review` and the table of every rule id;
* one module per family of rules: :mod:`.persona`, :mod:`.goals` (stages as
  customer goals), :mod:`.coverage` (touchpoints, after the purchase),
  :mod:`.feelings` (emotions and dips), :mod:`.loop` (pain point, opportunity,
  KPI), :mod:`.messages` (information needs, slogans), :mod:`.participants`
  (including journeys decided with others), :mod:`.mixups` (items written in the
  shape of another lane), :mod:`.placement` (items in the wrong stage),
  :mod:`.hygiene` (placeholders, repeats, paragraphs, wrong lanes) and
  :mod:`.compare` (``compare_with``, lane by lane);
* helpers: :mod:`.context` (what the catalogue says about a map's stages),
  :mod:`.reading` (a goal or an item read as a small sentence: whose goal it is),
  :mod:`.lexicon` (the word lists it reads with), :mod:`.concepts` (what a need asks,
  which journey moment an item belongs to), :mod:`.words` (key words, quotes) and
  :mod:`.kinds` (what kind of item a text is).

Nothing here imports pandas until ``Review.to_frame()`` is called.
"""

from __future__ import annotations

from .findings import LEVELS, Finding, Level, Review
from .reviewer import RULES, review

__all__ = ["LEVELS", "RULES", "Finding", "Level", "Review", "review"]
