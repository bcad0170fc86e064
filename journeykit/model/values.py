"""What a lane may hold: the checks every value passes before it reaches a map.

:func:`normalize_lane_value` turns what a learner typed (or what a file holds)
into what a lane stores, or raises a :class:`~journeykit.JourneyMapError` that
names the field and says how to fix it. The editor, the file reader and the
table reader all go through it, so a value is accepted or refused the same way
everywhere, and whatever it accepts can be saved, exported and read back: the
characters no file or export can hold are refused here too
(:mod:`.characters`). Every fix names its field in words (:func:`field_name`).
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Iterable
from typing import Any

from ..catalogue import SCORE_LABELS, SCORE_MAX, SCORE_MIN, lane
from ..errors import JourneyMapError, Problem
from .characters import clean_text

#: Version of the saved JSON format. Raise it when the format changes.
SCHEMA_VERSION = 1

#: Longest text accepted in one field; longer text is almost certainly a paste accident.
MAX_TEXT_CHARS = 2000


def normalize_lane_value(key: str, value: Any, where: str) -> Any:
    """Turn what a learner typed into what lane *key* stores, or raise.

    List lanes take a list of strings or one string with an item per line;
    blank items and surrounding spaces are dropped, and an item holding line
    breaks becomes one item per line. The goal takes a string. The emotion
    score takes a whole number from 1 to 5, or ``None``. Text passes
    :func:`~journeykit.model.characters.clean_text`: characters that cannot be
    saved are refused. Every fix names the field (see :func:`field_name`).

    Examples
    --------
    >>> normalize_lane_value("touchpoints", "Website\\n  \\n Checkout page ", "t")
    ['Website', 'Checkout page']
    >>> normalize_lane_value("emotion_score", 6, "stages[0].emotion.score")
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - stages[0].emotion.score: 6 is not a score from 1 to 5. Fix: give the emotion score \
a whole number from 1 (very negative) to 5 (very positive).
    >>> normalize_lane_value("goal", 42, "title")
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - title: expected text, got a number. Fix: write the title as text in double quotes.
    """
    spec = lane(key)
    name = field_name(key, where)
    if spec.kind == "score":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise JourneyMapError(
                [Problem(where, f"{shown(value)} is not a whole number", score_fix(name))]
            )
        if not SCORE_MIN <= value <= SCORE_MAX:
            raise JourneyMapError(
                [
                    Problem(
                        where,
                        f"{shown(value)} is not a score from {SCORE_MIN} to {SCORE_MAX}",
                        score_fix(name),
                    )
                ]
            )
        return value
    if spec.kind == "text":
        if not isinstance(value, str):
            raise JourneyMapError(
                [
                    Problem(
                        where,
                        f"expected text, got {type_name(value)}",
                        f"write {name} as text in double quotes",
                    )
                ]
            )
        return _check_length(clean_text(value, where, name), where, name)
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, Iterable) or isinstance(value, (bytes, dict)):
        raise JourneyMapError(
            [
                Problem(
                    where,
                    f"expected a list of text, got {type_name(value)}",
                    f'write {name} as a list such as ["Website", "Email"]',
                )
            ]
        )
    items = list(value)
    wrong = [i for i, item in enumerate(items) if not isinstance(item, str)]
    if wrong:
        raise JourneyMapError(
            [
                Problem(
                    f"{where}[{i}]",
                    f"expected text, got {type_name(items[i])}",
                    f"put each item of {name} in double quotes",
                )
                for i in wrong
            ]
        )
    lines = [
        (i, line)
        for i, item in enumerate(items)
        for line in clean_text(item, f"{where}[{i}]", name, i).split("\n")
    ]
    return [_check_length(line.strip(), f"{where}[{i}]", name) for i, line in lines if line.strip()]


def _check_length(text: str, where: str, name: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise JourneyMapError(
            [
                Problem(
                    where,
                    f"the text is {len(text)} characters long",
                    f"keep {name} under {MAX_TEXT_CHARS} characters per entry; split long notes",
                )
            ]
        )
    return text


def score_fix(name: str = "the emotion score") -> str:
    """How to fix a bad score in *name*."""
    return (
        f"give {name} a whole number from {SCORE_MIN} ({SCORE_LABELS[SCORE_MIN]}) "
        f"to {SCORE_MAX} ({SCORE_LABELS[SCORE_MAX]})"
    )


#: The fields of a persona in the saved file, in order.
PERSONA_KEYS = ("name", "description", "goals", "frustrations")


def field_name(key: str, where: str) -> str:
    """The field at *where* in words, for fix messages (*key* names its lane kind).

    Examples
    --------
    >>> field_name("goal", "title"), field_name("actions", "persona.goals[1]")
    ('the title', "the persona's goals")
    >>> field_name("emotion_score", "stages[2].emotion.score"), field_name("kpis", "x")
    ('the emotion score', 'the KPIs')
    """
    head = re.split(r"\[", where, maxsplit=1)[0]
    if head in ("title", "notes"):
        return f"the {head}"
    if head.startswith("persona.") and head.removeprefix("persona.") in PERSONA_KEYS:
        return f"the persona's {head.removeprefix('persona.')}"
    return "the " + lane_name(key)


def lane_name(key: str) -> str:
    """Lane *key*'s label as words inside a sentence.

    Examples
    --------
    >>> lane_name("touchpoints"), lane_name("kpis"), lane_name("goal")
    ('touchpoints', 'KPIs', 'customer goal')
    """
    label = lane(key).label
    return label if label[:2].isupper() else label[0].lower() + label[1:]


def shown(value: Any) -> str:
    """*value* as a short, printable quote for a message (long or deep values are cut).

    Examples
    --------
    >>> print(shown([[[[["deep"]]]]]), shown("x" * 100)[-6:], shown("\\ud800"))
    [[[[[...]]]]] xxx...' '\\ud800'
    """
    try:
        return _SHORT.repr(value)
    except ValueError:  # an int too long to print (over 4300 digits)
        return type_name(value)


_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother, _SHORT.maxlist = 4, 40, 40, 4


def type_name(value: Any) -> str:
    """A learner-friendly name for the type of *value*."""
    names = {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "an object",
        type(None): "nothing (null)",
    }
    return names.get(type(value), type(value).__name__)


def field_path(key: str) -> str:
    """The JSON field path of lane *key* inside a stage."""
    return {"emotion_score": "emotion.score", "emotion_words": "emotion.words"}.get(key, key)
