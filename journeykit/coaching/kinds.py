"""What kind of item a piece of text is, where the kit's own data can tell.

Two sources, both cached on first use:

* every item the framework catalogue and the shipped example maps place in a
  lane (:func:`known_item_lanes`): an item found in one lane only tells the
  coach, and the exercise checks, which lane it belongs in;
* feelings (:func:`is_feeling`): the emotion words of the catalogue and the
  examples, and common feeling words, so that a "touchpoint" such as
  *Frustrated* can be spotted; and a feeling in the learner's own words
  (:func:`felt_state`): "I feel rushed", "Frustrated and rushed", "Worry about
  being turned down".

Anything else is unknown, and the coach says nothing about its lane.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

from ..catalogue import framework_ids, get_framework, schema
from ..catalogue.fields import live_mapping
from ..model import example, example_names
from .lexicon import word_set
from .words import squash

#: The noun for one item of each lane, with its article, for feedback sentences
#: (each lane's ``noun`` in the schema).
LANE_NOUNS: Mapping[str, str] = live_mapping(
    lambda: {spec.key: spec.noun for spec in schema().lanes}
)


def lane_name(key: str) -> str:
    """How a sentence names lane *key*: ``"pain points"``, ``"KPIs"``.

    Examples
    --------
    >>> lane_name("pain_points"), lane_name("kpis")
    ('pain points', 'KPIs')
    """
    return schema().lanes_by_key[key].in_text


def catalogue_lanes() -> dict[str, str]:
    """Each part of a framework stage's description that lists items, and the list lane
    those items belong in (``"emotions"``: ``"emotion_words"``), from the schema."""
    return {
        spec.framework_field: spec.key
        for spec in schema().lanes
        if spec.kind == "list" and spec.framework_field
    }


#: Feeling words a learner may use, besides those in the kit's data.
_FEELINGS = """
afraid angry annoyed anxious ashamed bored calm cheerful comfortable confident confused
curious delighted disappointed disgusted doubtful eager embarrassed excited
frustrated glad grateful guilty happy hopeful impatient indifferent insecure irritated
joyful lonely nervous overwhelmed pleased proud reassured relaxed relieved sad satisfied
scared sceptical skeptical stressed surprised suspicious tense thankful thrilled tired
uncertain uneasy unhappy unsure upset worried elated ecstatic wary cautious hesitant
apprehensive enthusiastic chuffed gutted heartbroken jubilant
anger anxiety boredom confusion curiosity delight disappointment doubt excitement fear
frustration happiness hope impatience irritation joy loyalty pride relief sadness
satisfaction stress surprise trust uncertainty worry
"""

#: The feeling words of :data:`_FEELINGS` that describe a person (its first part).
_FEELING_ADJECTIVES = frozenset(_FEELINGS.split("anger anxiety", 1)[0].split())

#: Small words that may come with a feeling: "very anxious", "feels a bit lost".
_SOFTENERS = frozenset(
    {
        "a",
        "bit",
        "very",
        "really",
        "quite",
        "so",
        "slightly",
        "rather",
        "feel",
        "feels",
        "feeling",
        "is",
        "gets",
        "getting",
        "becomes",
        "somewhat",
        "v",
        "pretty",
        "fairly",
        "totally",
        "more",
        "less",
        "extremely",
        "super",
    }
)
_JOINERS = frozenset({"and", "&", "or", "but"})


@cache
def known_item_lanes() -> dict[str, frozenset[str]]:
    """Every item the catalogue and the examples place in a lane: squashed item -> lanes.

    An item found in one lane only tells a check what kind of item it is; items
    found in several lanes (``Content marketing``) are left out of such checks.

    Examples
    --------
    >>> sorted(known_item_lanes()["checkoutpage"])
    ['touchpoints']
    """
    seen: dict[str, set[str]] = {}
    for fid in framework_ids():
        for stage in get_framework(fid).stages:
            for field, lane in catalogue_lanes().items():
                for item in getattr(stage, field):
                    seen.setdefault(squash(item), set()).add(lane)
    for name in example_names():
        for map_stage in example(name).stages:
            for spec in schema().lanes:
                if spec.kind == "list":
                    for item in getattr(map_stage, spec.name):
                        seen.setdefault(squash(item), set()).add(spec.key)
    return {item: frozenset(lanes) for item, lanes in seen.items()}


def kind_of(item: str) -> str | None:
    """The one lane the kit's data puts *item* in, or None when unknown or ambiguous.

    Examples
    --------
    >>> kind_of("instagram post"), kind_of("Offer discount codes"), kind_of("A new idea")
    ('touchpoints', 'business_activities', None)
    """
    lanes = known_item_lanes().get(squash(item), frozenset())
    return next(iter(lanes)) if len(lanes) == 1 else None


@cache
def feeling_words() -> frozenset[str]:
    """Single words that name a feeling (lower case).

    Examples
    --------
    >>> {"frustrated", "curiosity"} <= feeling_words()
    True
    """
    words = set(_FEELINGS.split())
    for item, lanes in known_item_lanes().items():
        if lanes == {"emotion_words"} and item.isalpha():
            words.add(item)
    return frozenset(words)


#: Words after a feeling that say what it is about ("Worried about the cost").
_CAUSE = word_set(
    "about by with that it when to because at of for after as whether if re regarding around over"
)


#: Words of a clause: a feeling followed by one of these within a few words is a state of
#: mind about something ("Worried Bernard won't manage", "Nervous she will fall behind"),
#: where a name built on a feeling word goes on with nouns ("Happy hour email").
_CLAUSE = word_set(
    """
    i you he she we they will wont would can cant cannot could might may should must is isnt
    are arent was wasnt were werent has hasnt have havent had does doesnt do dont did didnt
    ll
    """
)


#: States of mind written as a verb: "Wondering whether ...", "Hoping the ...".
_WONDERING = word_set("wondering hoping fearing doubting dreading")


#: Feelings named as a noun that a cause may follow: "Worry about being turned down",
#: "Fear that the bid fails". A name built on one goes on with nouns ("Trust badges").
_FEELING_NOUNS = word_set(
    """
    worry worries fear fears anxiety anxieties doubt doubts concern concerns stress
    frustration confusion dread panic nerves
    """
)
#: Words after such a noun that say what it is about: never the start of a channel's name.
_ABOUT = word_set("about over that whether if of re regarding around")
#: The speaker of a first-person item and the verbs of feeling they use: "I feel rushed",
#: "I'm worried about ...", "We are nervous".
_SPEAKERS = word_set("i im i'm we we're were am are")
_FEEL = word_set("feel feels feeling felt im i'm am are we're")


def _unspoken(words: list[str]) -> tuple[list[str], bool]:
    """*words* without a first-person speaker and a verb of feeling or being at the start
    ("I feel", "I'm", "We are"), and whether such a verb was among them."""
    felt = False
    while words and (words[0] in _SPEAKERS or words[0] in _FEEL):
        felt = felt or words[0] in _FEEL
        words = words[1:]
    return words, felt


#: States that are no feeling word and no participle: "I'm a bit lost", "We feel alone".
_STATES = word_set("lost alone stuck unsafe unwelcome small silly stupid useless")
#: Words that show a phrase names something, not how someone feels: "Feeling Good radio".
_NAMING = word_set("the a an on at in from by for to with page site app email group")


@lru_cache(maxsize=65536)
def felt_state(item: str) -> bool:
    """True when *item* says how someone feels in their own words: "I feel rushed", "Feels
    let down", a feeling word and a state joined to it ("Frustrated and rushed"), or a
    feeling named as a noun with its cause ("Worry about being turned down").

    Examples
    --------
    >>> felt_state("Frustrated and rushed"), felt_state("I feel rushed")
    (True, True)
    >>> felt_state("Worry about being turned down"), felt_state("I'm a bit lost")
    (True, True)
    >>> felt_state("Worry-free returns page"), felt_state("Feeling Good radio show")
    (False, False)
    >>> felt_state("We are Family forum"), felt_state("I phone reception")
    (False, False)
    """
    words = [w.strip(",.!?") for w in item.casefold().replace("’", "'").split()]
    words, felt = _unspoken([w for w in words if w])
    while words and words[0] in _SOFTENERS:
        felt = felt or words[0] in _FEEL
        words = words[1:]
    if not words or len(words) > 8:
        return False
    if words[0] in _FEELING_NOUNS and len(words) > 1 and words[1] in _ABOUT:
        return True  # "Worry about ...", "Fear that ..."
    if felt and words[0] in _FEELING_ADJECTIVES:
        return True  # "I'm worried about ...", "We are nervous she ..."
    if felt:  # "I feel rushed", "I'm a bit lost": a state, no channel ("Feeling Good radio")
        state = words[0].endswith("ed") or words[0] in _STATES or words[0] in feeling_words()
        return state and len(words) <= 3 and not set(words) & _NAMING
    if words[0] in feeling_words() and len(words) in (3, 4) and words[1] in _JOINERS:
        joined = words[2:]
        return all(w.endswith("ed") or w in feeling_words() or w in _SOFTENERS for w in joined)
    return False


@lru_cache(maxsize=65536)
def led_by_feeling(item: str) -> bool:
    """True when *item* is a feeling with its cause ("Worried about the cost", "Relieved
    it is sorted", "Worried Bernard won't cope"): a feeling word describing a person (not
    a noun such as *trust*), then what it is about or a clause. Fine as a pain point; no
    channel can be written this way.

    Examples
    --------
    >>> led_by_feeling("Worried about the cost"), led_by_feeling("Very relieved it is sorted")
    (True, True)
    >>> led_by_feeling("Nervous her son won't keep up"), led_by_feeling("Not sure it will fit")
    (True, True)
    >>> led_by_feeling("Trust badges on the checkout"), led_by_feeling("Happy hour email")
    (False, False)
    >>> led_by_feeling("I'm worried about being turned down")
    True
    """
    if felt_state(item):
        return True
    if (rest := feeling_phrase(item)) not in ("", "-"):
        after = rest.split()
        return after[0] in _CAUSE or bool(set(after[:4]) & _CLAUSE)  # "Fed up with ..."
    words = [w.strip(",.!?") for w in item.casefold().replace("’", "'").split()]
    while words and words[0] in _SOFTENERS:
        words = words[1:]
    if words[:2] == ["not", "sure"]:  # "Not sure the bikes will cope": unsure
        words = ["unsure", *words[2:]]
    if len(words) > 1 and words[0] in _WONDERING and words[1] in _CAUSE | _CLAUSE:
        return True  # "Wondering whether ...", "Hoping she can ..."
    if len(words) < 2 or words[0] not in _FEELING_ADJECTIVES:
        return False
    clause = {part for w in words[1:5] for part in (w.replace("'", ""), *w.split("'"))}
    return words[1] in _CAUSE or bool(clause & _CLAUSE)


#: Whose a set phrase of feeling is, in any person: "out of *her* depth", "out of *your*
#: depth" (a map written to the customer as "you").
_WHOSE = r"(her|his|their|my|your|our)"
#: Feelings said in a set phrase, with no feeling word in it: "Over the moon", "Fed up",
#: "In two minds", "At the end of her tether" (any person's).
_FEELING_PHRASES = re.compile(
    r"(over the moon|on cloud nine|on top of the world|walking on air|thrilled to bits|"
    r"fed up|at ease|ill at ease|on edge|in two minds|at a loss|let down|put off|made up|"
    r"stressed out|freaked out|blown away|beside (her|him|them|my|your|our)sel(f|ves)|"
    rf"at {_WHOSE} wits'? ends?|at the end of {_WHOSE} tether|"
    rf"out of {_WHOSE} depth|all at sea|down in the dumps|on tenterhooks|"
    r"in a (panic|state|flap)|over the worst)",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def feeling_phrase(item: str) -> str:
    """What follows the set phrase of feeling that *item* opens with (perhaps after "very"
    or "a bit"): ``""`` when *item* is only the phrase, ``"-"`` when it opens with none.

    Examples
    --------
    >>> feeling_phrase("Over the moon!"), feeling_phrase("Fed up with the queue")
    ('', 'with the queue')
    >>> feeling_phrase("Moon festival page")
    '-'
    """
    words = item.casefold().replace("’", "'").split()
    while words and words[0] in _SOFTENERS:
        words = words[1:]
    text = " ".join(words).strip(" .,!?")
    found = _FEELING_PHRASES.match(text)
    if found is None:
        return "-"
    rest = text[found.end() :]
    if rest and not rest.startswith(" "):
        return "-"  # "made-up" is no "made up", nor "put offer"
    return rest.strip(" .,!?")


def is_feeling(item: str) -> bool:
    """True when *item* is only a feeling, perhaps with "very" or "a bit".

    Examples
    --------
    >>> is_feeling("Frustrated"), is_feeling("Very anxious"), is_feeling("Anxiety, doubt")
    (True, True, True)
    >>> is_feeling("Frustrated by the queue"), is_feeling("Trust badges on the checkout")
    (False, False)
    >>> is_feeling("Over the moon"), is_feeling("A bit fed up"), is_feeling("Let down page")
    (True, True, False)
    >>> is_feeling("A bit out of our depth"), is_feeling("Beside yourself")
    (True, True)
    """
    if feeling_phrase(item) == "":
        return True
    if len(item) > 60:  # longer than a few feeling words
        return False
    feelings = feeling_words()
    first = item.split(None, 1)[0].casefold().strip(",./!?") if item.strip() else ""
    if first not in feelings and first not in _SOFTENERS:
        return False
    count = 0
    for word in item.casefold().replace(",", " ").replace("/", " ").split():
        if word in _SOFTENERS or word in _JOINERS:
            continue
        if count == 3 or word.strip(".!?") not in feelings:
            return False
        count += 1
    return count > 0
