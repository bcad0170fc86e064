"""What a lane may hold: the checks every value passes before it reaches a map.

:func:`normalize_lane_value` turns what a learner typed (or what a file holds)
into what a lane stores, or raises a :class:`~journeykit.JourneyMapError` that
names the field and says how to fix it. The editor, the file reader and the
table reader all go through it, so a value is accepted or refused the same way
everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..catalogue import SCORE_LABELS, SCORE_MAX, SCORE_MIN, lane
from ..errors import JourneyMapError, Problem

#: Version of the saved JSON format. Raise it when the format changes.
SCHEMA_VERSION = 1

#: Longest text accepted in one field; longer text is almost certainly a paste accident.
MAX_TEXT_CHARS = 2000


def normalize_lane_value(key: str, value: Any, where: str) -> Any:
    """Turn what a learner typed into what lane *key* stores, or raise.

    List lanes take a list of strings or one string with an item per line;
    blank items and surrounding spaces are dropped. The goal takes a string.
    The emotion score takes a whole number from 1 to 5, or ``None``.

    Examples
    --------
    >>> normalize_lane_value("touchpoints", "Website\\n  \\n Checkout page ", "t")
    ['Website', 'Checkout page']
    >>> normalize_lane_value("emotion_score", 6, "stages[0].emotion.score")
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - stages[0].emotion.score: 6 is not a score from 1 to 5. Fix: pick a whole number \
from 1 (very negative) to 5 (very positive).
    """
    spec = lane(key)
    if spec.kind == "score":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise JourneyMapError([Problem(where, f"{value!r} is not a whole number",
                                           score_fix())])
        if not SCORE_MIN <= value <= SCORE_MAX:
            raise JourneyMapError([Problem(where, f"{value} is not a score from "
                                           f"{SCORE_MIN} to {SCORE_MAX}", score_fix())])
        return value
    if spec.kind == "text":
        if not isinstance(value, str):
            raise JourneyMapError([Problem(where, f"expected text, got {type_name(value)}",
                                           "write the goal as one sentence in quotes")])
        return _check_length(value.strip(), where)
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, Iterable) or isinstance(value, (bytes, dict)):
        raise JourneyMapError([Problem(where, f"expected a list of text, got {type_name(value)}",
                                       'write it as a list such as ["Website", "Email"]')])
    items = list(value)
    wrong = [i for i, item in enumerate(items) if not isinstance(item, str)]
    if wrong:
        raise JourneyMapError([Problem(f"{where}[{i}]", f"expected text, got "
                                       f"{type_name(items[i])}", "put the item in quotes")
                               for i in wrong])
    return [_check_length(item.strip(), f"{where}[{i}]")
            for i, item in enumerate(item for item in items if item.strip())]


def _check_length(text: str, where: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise JourneyMapError([Problem(where, f"the text is {len(text)} characters long",
                                       f"keep each entry under {MAX_TEXT_CHARS} characters; "
                                       "split long notes")])
    return text


def score_fix() -> str:
    return (f"pick a whole number from {SCORE_MIN} ({SCORE_LABELS[SCORE_MIN]}) "
            f"to {SCORE_MAX} ({SCORE_LABELS[SCORE_MAX]})")


def type_name(value: Any) -> str:
    """A learner-friendly name for the type of *value*."""
    names = {str: "text", int: "a number", float: "a number", bool: "true/false",
             list: "a list", dict: "an object", type(None): "nothing (null)"}
    return names.get(type(value), type(value).__name__)


def field_path(key: str) -> str:
    """The JSON field path of lane *key* inside a stage."""
    return {"emotion_score": "emotion.score", "emotion_words": "emotion.words"}.get(key, key)
