"""Reading a learner's words the way the coach needs: key words, quotes, placeholders.

The coach cannot understand text, so it compares *key words*: the words of an
item without the small ones ("the", "to", "what"), cut down to a rough stem
("deliveries" and "delivered" both become ``deliver``) and mapped to a shared
word for a few families of everyday synonyms (price, cost, pay, free ...).
Two items that share a key word are taken to talk about the same thing. The
match is lenient on purpose: the coach would rather miss a gap than nag about
one that is not there.

Everything here is plain Python (no pandas) and cached, so a review of a large
map stays within a few milliseconds.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SMALL_WORDS = """
a about after again all also an and any are as at be been before being both but by can
could did do does doing done each either for from get gets getting got had has have having
he her here hers him his how i if in into is it its just me more most my no not now of off
on once one only or other our out over own same she should so some such than that the their
them then there these they this those through to too under until up upon us very was we
were what when where which while who whom why will with without would yes you your yours
"""

#: Words that carry no topic of their own.
STOPWORDS = frozenset(_SMALL_WORDS.split())

#: Families of words that mean the same thing for the coach's purposes.
_SYNONYMS: tuple[tuple[str, ...], ...] = (
    (
        "price",
        "prices",
        "cost",
        "costs",
        "pay",
        "paying",
        "payment",
        "fee",
        "fees",
        "charge",
        "cheap",
        "expensive",
        "free",
        "discount",
        "save",
        "saving",
        "budget",
        "afford",
    ),
    (
        "delivery",
        "deliver",
        "delivered",
        "arrive",
        "arrives",
        "arrival",
        "parcel",
        "shipping",
        "ship",
        "shipped",
        "post",
        "courier",
        "dispatch",
    ),
    ("return", "returns", "refund", "refunds", "exchange", "send back"),
    ("size", "sizes", "sizing", "fit", "fits", "fitting"),
    ("food", "lunch", "lunches", "meal", "meals", "dish", "dishes", "eat", "feed", "menu"),
    ("open", "opening", "hours", "closed"),
    ("review", "reviews", "rating", "ratings", "opinion", "opinions", "recommend"),
    ("book", "booking", "order", "orders", "reserve", "reservation", "buy", "purchase"),
    ("time", "wait", "waiting", "quick", "fast", "slow", "long", "late", "delay", "soon"),
)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "s")
#: Endings before which a short vowel's consonant is doubled ("tagged", "shipping"), and
#: the doubled consonants that are undone after them ("ll", "ss", "ff", "zz", "dd" stay).
_VERB_ENDINGS = frozenset({"ings", "ing", "ed"})
_DOUBLED = re.compile(r"[aeiou](bb|gg|mm|nn|pp|rr|tt)$")


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """A rough stem of one lower-case word, shared by its plural and verb forms.

    Examples
    --------
    >>> [stem(w) for w in ("deliveries", "delivered", "delivery", "sizing", "size")]
    ['deliver', 'deliver', 'deliver', 'siz', 'siz']

    A consonant doubled before "-ed" or "-ing" is single again, so "tagged" and "tags",
    "shipping" and "ship" share a stem ("billing" keeps its "ll", as "bill" does).

    >>> [stem(w) for w in ("tagged", "tags", "shipping", "setting", "billing")]
    ['tag', 'tag', 'ship', 'set', 'bill']
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in _VERB_ENDINGS and _DOUBLED.search(word):
                word = word[:-1]
            break
    if word.endswith(("e", "y", "i")) and len(word) > 3:
        word = word[:-1]
    return word


def _family_of() -> dict[str, str]:
    family: dict[str, str] = {}
    for words in _SYNONYMS:
        for word in words:
            family[stem(word)] = stem(words[0])
    return family


_FAMILY = _family_of()


@lru_cache(maxsize=65536)
def key_words(text: str) -> frozenset[str]:
    """The key words of *text*: stems of its topic words, synonyms merged.

    Examples
    --------
    >>> sorted(key_words("When does the parcel arrive?"))
    ['deliver']
    >>> key_words("Free returns within 30 days") & key_words("What does it cost?")
    frozenset({'pric'})
    """
    found = set()
    for word in _WORD.findall(text.casefold()):
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        stemmed = stem(word)
        found.add(_FAMILY.get(stemmed, stemmed))
    return frozenset(found)


_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """Lower-case letters and digits only, so spacing, case and punctuation do not count.

    Worked out once per text: the rules compare every message and item squashed on each
    review, and the editor reviews the same texts after every pause in typing.

    Examples
    --------
    >>> squash(" Re-purchase! "), squash("Café")
    ('repurchase', 'café')
    """
    return _NOT_WORD.sub("", text.casefold())


#: What learners leave in a lane while they are still thinking (compared squashed). Only
#: words that name nothing real: "Bar" (where a theatre sells drinks) and "Text" (a text
#: message) are places and channels a touchpoint may rightly be, so only "foo bar" counts.
_PLACEHOLDERS = frozenset(
    {
        "todo",
        "tbd",
        "tbc",
        "fixme",
        "test",
        "testing",
        "asdf",
        "asdfgh",
        "qwerty",
        "placeholder",
        "fillin",
        "fillmein",
        "changeme",
        "sometext",
        "item",
        "lorem",
        "loremipsum",
        "foo",
        "foobar",
        "na",
        "etc",
        "blah",
        "blahblah",
        "something",
    }
)
_PLACEHOLDER_START = re.compile(r"^\s*(todo|tbd|fixme|lorem ipsum)\b", re.IGNORECASE)
_REPEATED = re.compile(r"^(x+|z+|a+|(test)+\d*|(item|text)\d+)$")
_MARKS_ONLY = re.compile(r"^[\s.…?!_*#/\\-]+$")


#: An item that answers its lane by saying there is nothing to put in it.
_SAYS_NOTHING = re.compile(
    r"^\s*(nothing|none|nil|n/?a|not (really|much|applicable)|no (real |big |particular )?"
    r"(problems?|issues?|pain( points?)?|complaints?|worries|concerns?|difficult(y|ies))|"
    r"all (good|fine|ok|okay|smooth)|everything (is |was |went )?(fine|ok|okay|well|smoothly)|"
    r"can'?t think of (any|anything))( (in particular|really|at all|so far|yet|here|to "
    r"(report|speak of|mention|note)|of note|went wrong|comes to mind|that I know of))*"
    r"[.!]?\s*$",
    re.IGNORECASE,
)


def says_nothing(text: str) -> bool:
    """True for an item that says its lane is empty: "Nothing in particular", "No problems".

    Examples
    --------
    >>> [says_nothing(t) for t in ("Nothing in particular", "None", "No issues really")]
    [True, True, True]
    >>> [says_nothing(t) for t in ("No parking near the shop", "Nothing fits my size")]
    [False, False]
    """
    return bool(_SAYS_NOTHING.match(text))


#: Longest text that can be a placeholder (longer ones only count when they start with one).
_PLACEHOLDER_CHARS = 24


def is_placeholder(text: str, squashed: str | None = None) -> bool:
    """True for text that holds a place instead of content: ``...``, ``TODO``, ``xxx``.

    *squashed* is ``squash(text)`` when the caller has it already.

    Examples
    --------
    >>> [is_placeholder(t) for t in ("...", "TODO: ask Sam", "xxx", "test", "Test drive")]
    [True, True, True, True, False]
    """
    if len(text) > _PLACEHOLDER_CHARS:
        return bool(_PLACEHOLDER_START.match(text))
    if squashed is None:
        squashed = squash(text)
    if not squashed:
        return bool(_MARKS_ONLY.match(text))
    return (
        squashed in _PLACEHOLDERS
        or bool(_REPEATED.match(squashed))
        or bool(_PLACEHOLDER_START.match(text))
    )


#: Longest item the coach reads as one item rather than a paragraph.
MAX_ITEM_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?](\s|$)")


def is_paragraph(text: str) -> bool:
    """True when *text* is too long for one item: over 25 words, or three sentences.

    Examples
    --------
    >>> is_paragraph("Checkout page"), is_paragraph("One. Two. Three.")
    (False, True)
    """
    if len(text) > 2 * MAX_ITEM_WORDS and len(text.split()) > MAX_ITEM_WORDS:
        return True
    if "." not in text and "!" not in text and "?" not in text:
        return False
    return len(_SENTENCE_END.findall(text.strip())) >= 3


#: Longest quote of a learner's text in a message, in characters.
QUOTE_CHARS = 60


def quoted(text: str, limit: int = QUOTE_CHARS) -> str:
    """The learner's own text in curly quotes, shortened to *limit* characters.

    Examples
    --------
    >>> quoted("Checkout page")
    '“Checkout page”'
    >>> quoted("A very long pain point that goes on and on", limit=20)
    '“A very long pain…”'
    """
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f"“{flat}”"


def quoted_list(items: list[str], most: int = 2) -> str:
    """Up to *most* quoted items, then how many more.

    Examples
    --------
    >>> quoted_list(["Phone", "Email", "Shop", "Fair"])
    '“Phone”, “Email” and 2 more'
    >>> quoted_list(["Phone", "Email"])
    '“Phone” and “Email”'
    """
    shown = [quoted(item) for item in items[:most]]
    rest = len(items) - len(shown)
    if rest:
        return ", ".join(shown) + f" and {rest} more"
    if len(shown) == 2:
        return f"{shown[0]} and {shown[1]}"
    return ", ".join(shown)


def and_list(names: list[str]) -> str:
    """Names joined the way a sentence lists them.

    Examples
    --------
    >>> and_list(["Retention"]), and_list(["Retention", "Advocacy"]), and_list(["A", "B", "C"])
    ('Retention', 'Retention and Advocacy', 'A, B and C')
    """
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
