"""Grouping items that say the same thing in slightly different words.

Twenty learners write "Delivery is too slow", "delivery is too slow!",
"Delivery too slow" and "Delivry is to slow". Counting them apart hides the
class's most common pain point, so items are grouped when they differ only in

* case, spaces, accents and punctuation (``"Sign-up form"`` and ``"sign up form"``);
* a plural "s" (``"Hidden costs"`` and ``"hidden cost"``, ``"Replies"`` and ``"reply"``);
* a small typo: one letter added, dropped, changed or two swapped, in a long word
  (``"delivry"``) or anywhere in an item of 8 letters or more (``"to"`` and ``"too"``).

Numbers must match exactly (``"3 days"`` and ``"5 days"`` stay apart). Every
group keeps all its wordings with their counts, so a facilitator sees what was
merged, including the rare wrong merge of two words one letter apart
(``"shirt"`` and ``"short"``).

Examples
--------
>>> groups = group_wordings(["Delivery is too slow", "delivery is too slow!",
...                          "Delivry is to slow", "Hidden costs", "Hidden costs", "hidden cost"])
>>> [(g.text, g.count) for g in groups]
[('Delivery is too slow', 3), ('Hidden costs', 3)]
>>> groups[1].describe()
'Hidden costs (2) · hidden cost (1)'
>>> wording_key("  Sign-up FORMS! ")
'sign up form'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: Words at least this long may hold a one-letter typo on their own.
TYPO_WORD = 6
#: Whole items (their key) at least this long may differ by one letter anywhere.
TYPO_ITEM = 8

_APOSTROPHES = re.compile(r"['\u2019\u02bc`]")
_WORDS = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Wording:
    """A group of items that say the same thing.

    Attributes
    ----------
    text : str
        The wording shown for the group: its most common variant.
    count : int
        How many items fell in the group (a variant written twice counts twice).
    variants : tuple of (str, int)
        Every distinct wording and how often it was written, most common first.
    """

    text: str
    count: int
    variants: tuple[tuple[str, int], ...]

    def describe(self) -> str:
        """The variants as one line: ``"Delivery too slow (3) · delivry too slow (1)"``."""
        return " · ".join(f"{text} ({n})" for text, n in self.variants)


def wording_key(text: str) -> str:
    """*text* with case, accents, punctuation, spacing and plural "s" taken out."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    words = _WORDS.findall(_APOSTROPHES.sub("", plain))
    return " ".join(_singular(word) for word in words)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def one_edit_apart(a: str, b: str) -> bool:
    """True when *a* becomes *b* by adding, dropping or changing one letter, or swapping two.

    Examples
    --------
    >>> one_edit_apart("recieve", "receive"), one_edit_apart("to slow", "too slow")
    (True, True)
    >>> one_edit_apart("abcd", "abdc"), one_edit_apart("cost", "coast"), one_edit_apart("a", "bc")
    (True, True, False)
    """
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) != len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (
        a[i + 1 : i + 2] == b[i : i + 1]
        and a[i : i + 1] == b[i + 1 : i + 2]
        and a[i + 2 :] == b[i + 2 :]
    )


def _deletions(text: str) -> Iterator[str]:
    yield text
    for i in range(len(text)):
        yield text[:i] + text[i + 1 :]


def _near_pairs(keys: Iterable[str], min_length: int) -> Iterator[tuple[str, str]]:
    """Pairs of *keys* one edit apart, found through their one-letter deletions."""
    seen: dict[str, list[str]] = {}
    for key in keys:
        if len(key) < min_length:
            continue
        found: set[str] = set()
        for variant in _deletions(key):
            for other in seen.get(variant, ()):
                if other not in found and one_edit_apart(key, other):
                    found.add(other)
                    yield key, other
            seen.setdefault(variant, []).append(key)


class _Groups:
    """Union-find over keys: the smallest key of a group (after sorting) names it."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = self.parent.setdefault(key, key)
        while root != self.parent[root]:
            root = self.parent[root]
        self.parent[key] = root
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _canonical_words(keys: Iterable[str]) -> dict[str, str]:
    """Each long word that looks like a typo of a more common word, mapped to that word."""
    counts = Counter(
        word
        for key in keys
        for word in key.split()
        if len(word) >= TYPO_WORD and not _DIGITS.search(word)
    )
    order = sorted(counts, key=lambda word: (-counts[word], word))
    rank = {word: i for i, word in enumerate(order)}
    canonical: dict[str, str] = {}
    for word, other in _near_pairs(order, TYPO_WORD):
        rare, common = (word, other) if rank[word] > rank[other] else (other, word)
        canonical.setdefault(rare, canonical.get(common, common))
    return canonical


def _fixed_keys(texts: Iterable[str]) -> dict[str, str]:
    """Each distinct text's key, with long words that look like typos spelt the common way."""
    keys = {text: wording_key(text) for text in dict.fromkeys(texts)}
    canonical = _canonical_words(keys.values())
    return {
        text: " ".join(canonical.get(word, word) for word in key.split())
        for text, key in keys.items()
    }


def key_groups(texts: Iterable[str]) -> dict[str, str]:
    """Each distinct text mapped to the id of its group (texts in one group share an id)."""
    fixed = _fixed_keys(texts)
    groups = _Groups()
    distinct = sorted(set(fixed.values()))
    for key in distinct:
        groups.find(key)
    for a, b in _near_pairs(distinct, TYPO_ITEM):
        if _DIGITS.findall(a) == _DIGITS.findall(b):
            groups.join(a, b)
    return {text: groups.find(key) for text, key in fixed.items()}


def _tidiness(text: str) -> tuple[bool, int, str, str]:
    """Sorts tidier wordings first: a capital first letter, fewer punctuation marks."""
    marks = sum(1 for ch in text if not (ch.isalnum() or ch.isspace()))
    return (not text[:1].isupper(), marks, text.casefold(), text)


def group_wordings(texts: Iterable[str]) -> list[Wording]:
    """*texts* grouped by what they say, the most common group first.

    Each group is shown by the wording of its most common form (the form
    most items share once case, punctuation, plurals and long-word typos are
    set aside), then the wording written most often, then the tidiest (a
    capital first letter, fewer punctuation marks). Empty texts are left out.
    """
    counts = Counter(text for text in texts if text.strip())
    ids = key_groups(counts)
    fixed = _fixed_keys(counts)
    forms: Counter[str] = Counter()
    for text, n in counts.items():
        forms[fixed[text]] += n
    members: dict[str, list[tuple[str, int]]] = {}
    for text, n in counts.items():
        members.setdefault(ids[text], []).append((text, n))
    groups = []
    for variants in members.values():
        shown = min(
            variants, key=lambda pair: (-forms[fixed[pair[0]]], -pair[1], *_tidiness(pair[0]))
        )[0]
        variants.sort(key=lambda pair: (-pair[1], pair[0].casefold(), pair[0]))
        groups.append(Wording(shown, sum(n for _, n in variants), tuple(variants)))
    groups.sort(key=lambda g: (-g.count, g.text.casefold(), g.text))
    return groups
