"""What a field may hold: the checks every value passes before it reaches a map.

:func:`normalize_value` turns what a learner typed (or what a file holds) into
what a field stores, by the field's kind in the schema
(:mod:`journeykit.catalogue.fields`), or raises a
:class:`~journeykit.JourneyMapError` that names the field and says how to fix it.
The editor, the file reader and the table reader all go through it, so a value is
accepted or refused the same way everywhere, and whatever it accepts can be saved,
exported and read back: the characters no file or export can hold are refused here
too (:mod:`.characters`). Every fix names its field in words
(:attr:`~journeykit.catalogue.FieldSpec.words`).
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable
from typing import Any

from ..catalogue import FieldSpec, field, schema
from ..errors import JourneyMapError, Problem
from .characters import clean_text
from .items import Item

#: Longest text accepted in one field; longer text is almost certainly a paste accident.
MAX_TEXT_CHARS = 2000


def normalize_lane_value(key: str, value: Any, where: str) -> Any:
    """Turn what a learner typed into what the field called *key* stores, or raise.

    The same as :func:`normalize_value` for the schema's field *key* (a lane's key,
    ``"title"``, ``"persona.goals"``...).

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
    >>> normalize_lane_value("title", 42, "title")
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - title: expected text, got a number. Fix: write the title as text in double quotes.
    """
    return normalize_value(field(key), value, where)


def normalize_value(spec: FieldSpec, value: Any, where: str) -> Any:
    """Turn what a learner typed (or a file holds) into what field *spec* stores, or raise.

    By the field's kind: ``text`` takes a string; ``list`` takes a list or one string
    with an item per line (blank items and surrounding spaces are dropped, and an
    item holding line breaks becomes one item per line), each item a string or, where
    the schema gives the field's items attributes, an object ``{"text": ...,
    "<attribute>": ...}`` (or an :class:`~.items.Item`); ``score`` takes a whole number
    on the field's scale, or ``None``; ``choice`` takes one of its choices or ``""``.
    Text passes :func:`~journeykit.model.characters.clean_text`: characters that
    cannot be saved are refused. Every fix names the field (:attr:`FieldSpec.words`).
    """
    if spec.kind == "score":
        return _score(spec, value, where)
    if spec.kind == "text":
        return _text(spec, value, where)
    if spec.kind == "choice":
        return _choice(spec, value, where)
    return _items(spec, value, where)


def _score(spec: FieldSpec, value: Any, where: str) -> int | None:
    if value is None:
        return None
    low, high = min(spec.scale), max(spec.scale)
    if isinstance(value, bool) or not isinstance(value, int):
        raise JourneyMapError(
            [Problem(where, f"{shown(value)} is not a whole number", score_fix(spec))]
        )
    if not low <= value <= high:
        raise JourneyMapError(
            [Problem(where, f"{shown(value)} is not a score from {low} to {high}", score_fix(spec))]
        )
    return value


def _text(spec: FieldSpec, value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise JourneyMapError(
            [
                Problem(
                    where,
                    f"expected text, got {type_name(value)}",
                    f"write {spec.words} as text in double quotes",
                )
            ]
        )
    return _check_length(clean_text(value, where, spec.words), where, spec.words)


def _choice(spec: FieldSpec, value: Any, where: str) -> str:
    if value in spec.choices or value == "":
        return value
    raise JourneyMapError(
        [
            Problem(
                where,
                f"{shown(value)} is not one of the choices",
                f"give {spec.words} one of " + ", ".join(repr(c) for c in spec.choices),
            )
        ]
    )


def _items(spec: FieldSpec, value: Any, where: str) -> list[str]:
    name = spec.words
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
    problems: list[Problem] = []
    parts: list[tuple[str, dict[str, Any]]] = []
    for i, raw in enumerate(list(value)):
        try:
            parts.append(_item_parts(spec, raw, f"{where}[{i}]"))
        except JourneyMapError as err:
            problems.extend(err.problems)
    if problems:
        raise JourneyMapError(problems)
    out: list[str] = []
    for i, (text, attributes) in enumerate(parts):
        for line in clean_text(text, f"{where}[{i}]", name, i).split("\n"):
            if line.strip():
                clean = _check_length(line.strip(), f"{where}[{i}]", name)
                out.append(Item(clean, **attributes) if attributes else clean)
    return out


def _item_parts(spec: FieldSpec, raw: Any, where: str) -> tuple[str, dict[str, Any]]:
    """An item's text and attributes, checked against the attributes the schema gives
    the items of *spec*."""
    if isinstance(raw, Item):
        raw = {"text": raw.text, **raw.attributes}
    if isinstance(raw, str):
        return raw, {}
    if not isinstance(raw, dict):
        raise JourneyMapError(
            [
                Problem(
                    where,
                    f"expected text, got {type_name(raw)}",
                    f"put each item of {spec.words} in double quotes",
                )
            ]
        )
    allowed = {attribute.name: attribute for attribute in schema().attributes(spec)}
    problems = []
    text = raw.get("text")
    if not isinstance(text, str):
        problems.append(
            Problem(
                where,
                "the item has no text" if text is None else f"expected text, got {type_name(text)}",
                'write the item as {"text": "..."}, or as text in double quotes',
            )
        )
    attributes: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "text":
            continue
        attribute = allowed.get(key) if isinstance(key, str) else None
        if attribute is None:
            known = ", ".join(["text", *allowed])
            problems.append(
                Problem(
                    f"{where}.{key if isinstance(key, str) and key.isprintable() else shown(key)}",
                    f"this is not an attribute the items of {spec.words} can have",
                    f"remove it; an item holds {known}",
                )
            )
            continue
        try:
            attributes[key] = normalize_value(attribute, value, f"{where}.{key}")
        except JourneyMapError as err:
            problems.extend(err.problems)
    if problems:
        raise JourneyMapError(problems)
    return str(text), attributes


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


def score_fix(spec: FieldSpec | None = None) -> str:
    """How to fix a bad score in the score field *spec* (the emotion score by default)."""
    spec = spec or field("emotion_score")
    low, high = min(spec.scale), max(spec.scale)
    return (
        f"give {spec.words} a whole number from {low} ({spec.scale[low]}) "
        f"to {high} ({spec.scale[high]})"
    )


def lane_name(key: str) -> str:
    """The field called *key* as words inside a sentence (:attr:`FieldSpec.in_text`).

    Examples
    --------
    >>> lane_name("touchpoints"), lane_name("kpis"), lane_name("goal")
    ('touchpoints', 'KPIs', 'customer goal')
    """
    return field(key).in_text


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
    """The saved-file path of lane *key* inside a stage (``"emotion.score"``)."""
    return ".".join(field(key).saved)
