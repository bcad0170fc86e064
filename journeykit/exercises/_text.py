"""Small text helpers the checks share: forgiving name matching and tidy wording."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}


def norm(text: object) -> str:
    """Lower-case letters and digits only, so spelling of spaces and dashes does not matter.

    Examples
    --------
    >>> norm(" Re-purchase "), norm("repurchase")
    ('repurchase', 'repurchase')
    """
    return re.sub(r"[^a-z0-9]+", "", str(text).casefold())


def quote(text: object) -> str:
    """A learner's text in single quotes, with backticks neutralised.

    Examples
    --------
    >>> quote("Instagram post")
    "'Instagram post'"
    """
    return "'" + str(text).replace("`", "'") + "'"


def resolve(
    value: object, options: Iterable[str], aliases: dict[str, str] | None = None
) -> str | None:
    """The option *value* names (ignoring case, spaces and dashes), or None.

    *aliases* maps other spellings to options.

    Examples
    --------
    >>> resolve("re purchase", ["Purchase", "Re-purchase"])
    'Re-purchase'
    >>> resolve("Checkout", ["Purchase"]) is None
    True
    """
    wanted = norm(value)
    for option in options:
        if norm(option) == wanted:
            return option
    for alias, option in (aliases or {}).items():
        if norm(alias) == wanted:
            return option
    return None


def suggestion(value: object, options: Iterable[str]) -> str:
    """ " Did you mean 'X'?" when *value* is close to one option, else "".

    Examples
    --------
    >>> suggestion("Repurchse", ["Purchase", "Re-purchase"])
    " Did you mean 'Re-purchase'?"
    """
    options = list(options)
    by_norm = {norm(option): option for option in options}
    close = difflib.get_close_matches(norm(value), list(by_norm), n=1, cutoff=0.7)
    return f" Did you mean {quote(by_norm[close[0]])}?" if close else ""


def join_words(items: Iterable[str], last: str = "and") -> str:
    """``A``, ``A and B``, ``A, B and C``.

    Examples
    --------
    >>> join_words(["Investigate", "Engage"], last="or")
    'Investigate or Engage'
    """
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def number_from(value: object) -> float | None:
    """A number from an int, a float or text such as ``"5x"``, ``"92%"``, ``"five"``.

    Examples
    --------
    >>> number_from("5x"), number_from("92 %"), number_from("five times"), number_from("x")
    (5.0, 92.0, 5.0, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).casefold().replace(",", "")
    for word, digits in _NUMBER_WORDS.items():
        text = re.sub(rf"\b{word}\b", digits, text)
    found = re.search(r"-?\d+(?:\.\d+)?", text)
    return float(found.group()) if found else None


def sentence_start(text: str) -> str:
    """*text* with its first letter in lower case, to continue a sentence.

    Examples
    --------
    >>> sentence_start("Find out which businesses could meet a need")
    'find out which businesses could meet a need'
    """
    return text[:1].lower() + text[1:]


def shape_hint(variable: str, example: str) -> str:
    """What shape of answer *variable* needs, as a short instruction.

    Examples
    --------
    >>> shape_hint("order", "a list of stage names")
    'make `order` a list of stage names.'
    """
    return f"make `{variable}` {example}."
