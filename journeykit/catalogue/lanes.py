"""The emotion scale of a journey map, and what counts as a dip in it.

The lanes themselves, with every other field of a map, are described once in
:mod:`.fields`. This module is plain data (it imports nothing), so the schema
and the figures share one scale.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Lowest and highest emotion score (the scale Mermaid ``journey`` diagrams use).
SCORE_MIN, SCORE_MAX = 1, 5

#: Scores of this or lower are negative: a stage scored so low is a dip on its own.
LOW_SCORE = 2

#: What each emotion score means, for labels, hover text and help.
SCORE_LABELS = {
    1: "very negative",
    2: "negative",
    3: "neutral",
    4: "positive",
    5: "very positive",
}


def is_dip(scores: Sequence[int | None], i: int) -> bool:
    """True when stage *i* scores below the stage before it, or negative (2 or less).

    The emotion curve marks these stages, and the map review asks each of them
    for a pain point, so both agree on what a dip is.

    Examples
    --------
    >>> [is_dip([4, 3, 5, 2, None], i) for i in range(5)]
    [False, True, False, True, False]
    """
    score = scores[i]
    if score is None:
        return False
    before = scores[i - 1] if i > 0 else None
    return score <= LOW_SCORE or (before is not None and score < before)
