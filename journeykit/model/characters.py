"""Which characters a map may hold: text that can be saved, exported and read back the same.

Python strings (and JSON files, through ``\\uXXXX`` escapes) can hold characters
that are not text a person wrote and that no UTF-8 file can hold, or that the
exports cannot show faithfully. :func:`clean_text` decides once, for every field,
so a value is accepted everywhere or refused everywhere:

* **Line breaks** of every kind (``\\r\\n``, ``\\r``, vertical tab and form feed
  as Word pastes them, U+0085, U+2028, U+2029, ...) become ``\\n``: exactly the
  breaks :meth:`str.splitlines` knows, so a list lane's "one item per line" and
  the editor's text boxes agree on what a line is.
* **Surrogate pairs** written as two code points (``"\\ud83d\\ude00"``) are joined
  into the character they stand for (😀).
* **Refused**, with a :class:`~journeykit.JourneyMapError` naming the field, the
  character and its position: a lone surrogate (half of a character; UTF-8
  cannot store it), the other control characters (NUL, escape, delete and the
  C1 block; tab is kept), and the 66 Unicode noncharacters (U+FDD0 to U+FDEF and
  the last two code points of every plane), which mean nothing as text and which
  HTML and XML readers reject.

Everything else is accepted, including emoji, private-use characters and
characters newer than this Python's Unicode tables.
"""

from __future__ import annotations

import re

from ..errors import JourneyMapError, Problem

_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
#: Characters no field may hold (line breaks are turned into ``\n`` before this check).
REFUSED = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff" + _NONCHARACTERS + "]"
)


def join_surrogate_pairs(text: str) -> str:
    """*text* with each surrogate pair written as two code points joined into one character.

    Examples
    --------
    >>> join_surrogate_pairs("\\ud83d\\ude00 ok") == "\\U0001F600 ok"
    True
    >>> join_surrogate_pairs("lone \\ud800") == "lone \\ud800"
    True
    """
    if not _PAIR.search(text):
        return text
    return _PAIR.sub(
        lambda m: m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text
    )


def one_line_breaks(text: str) -> str:
    """*text* with every kind of line break written as ``\\n``.

    Examples
    --------
    >>> one_line_breaks("a\\r\\nb\\u2028c\\x0bd")
    'a\\nb\\nc\\nd'
    """
    return "\n".join(text.splitlines()) if _has_other_breaks(text) else text


def _has_other_breaks(text: str) -> bool:
    return any(ch in text for ch in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def clean_text(text: str, where: str, field: str, item: int | None = None) -> str:
    """*text* ready to store: pairs joined, line breaks as ``\\n``, ends stripped; or raise.

    Parameters
    ----------
    text : str
        What was typed or read.
    where : str
        The field path for the problem, e.g. ``stages[0].goal``.
    field : str
        The field in words for the fix, e.g. ``the customer goal``.
    item : int, optional
        The item's position in a list lane (0-based), named in the problem.

    Raises
    ------
    JourneyMapError
        When *text* holds a character no field may hold (see the module notes).

    Examples
    --------
    >>> clean_text("  Shop window\\r\\n", "stages[0].goal", "the customer goal")
    'Shop window'
    >>> clean_text("Caf\\ud800", "title", "the title")
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - title: character 4 is U+D800, half of a character whose other half is missing; \
it cannot be saved. Fix: delete it from the title and type that character again (a copy and \
paste sometimes cuts an emoji in two).
    """
    text = join_surrogate_pairs(text)
    bad = REFUSED.search(text)
    if bad is not None:
        raise JourneyMapError([refused_character(bad.group(), bad.start(), where, field, item)])
    return one_line_breaks(text).strip()


def refused_character(
    char: str, index: int, where: str, field: str, item: int | None = None
) -> Problem:
    """The problem for *char*, found at *index* (0-based) of the text (or list *item*)."""
    code = f"U+{ord(char):04X}"
    at = f"character {index + 1} is {code}"
    if item is not None:
        at = f"in item {item + 1}, {at}"
    if "\ud800" <= char <= "\udfff":
        return Problem(
            where,
            f"{at}, half of a character whose other half is missing; it cannot be saved",
            f"delete it from {field} and type that character "
            "again (a copy and paste sometimes cuts an emoji in two)",
        )
    if is_noncharacter(char):
        return Problem(
            where,
            f"{at}, a Unicode noncharacter, which stands for no text",
            f"delete it from {field}; it usually comes from a file read with the wrong encoding",
        )
    return Problem(
        where,
        f"{at}, an invisible control character",
        f"delete it from {field} (retype the text around it, or paste it as plain text)",
    )


def is_noncharacter(char: str) -> bool:
    """True for the 66 Unicode noncharacters.

    Examples
    --------
    >>> is_noncharacter("\\ufffe"), is_noncharacter("\\U0010ffff"), is_noncharacter("a")
    (True, True, False)
    """
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE
