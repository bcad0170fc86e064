"""Rules about stage goals: each stage reads as what the customer wants, in their words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..model import Persona
from . import lexicon as lx
from .context import MapView, Rule
from .findings import Finding
from .reading import GoalReading, is_a, lemmas, plural_people, read_goal, tokens
from .words import quoted

RULES = (
    Rule(
        "goal-is-internal-step",
        ("fix", "improve"),
        "a stage goal that is the business's step, read by meaning (fix: a funnel, CRM, KPI "
        "or growth step, a verb aimed at the customer, a target with a number, the business's "
        '"our"; improve, as a question: signs both ways, such as the customer\'s "my" with a '
        "growth verb, a standard for every case, or a goal that gets the persona, by name, to "
        "act; never what the persona's own description or goals say they want, getting the "
        "people the persona names to agree, telling people at large where customers "
        "recommend or drawing them into what the persona does, or the customer's own "
        '"your" in a map written to the persona)',
    ),
    Rule("stage-without-goal", ("improve",), "a stage with content but no customer goal"),
    Rule(
        "goals-from-the-customer-side",
        ("praise",),
        "every stage has a goal and none reads as an internal step",
    ),
)

_WHY = (
    "A stage is something the customer sets out to do; your own process steps describe "
    "your work and hide what the customer goes through."
)


def internal_words(goal: str) -> str | None:
    """The words that make *goal* read as the business's own step, or None.

    The goal is read as a sentence (:func:`.reading.read_goal`): the first verb and what
    it acts on, whose "our" it is, a target with a number, a process named as a noun.

    Examples
    --------
    >>> internal_words("Lead qualification"), internal_words("Invoice")
    ('lead qualification', 'invoice')
    >>> internal_words("Get patients to book online")
    'get patients'
    >>> internal_words("Choose a school our son will be happy at") is None
    True
    """
    reading = read_goal(goal)
    return reading.evidence or None if reading.side == "business" else None


def _same_word(word: str, others: frozenset[str]) -> bool:
    """True when *word* or one of its base forms is one of *others*' base forms."""
    return any(form in others for form in lemmas(word))


def persona_wants(evidence: str, persona_texts: tuple[str, ...]) -> bool:
    """True when the words that make a goal read as the business's (*evidence*: a verb and
    what it acts on) are what the persona says they want in their own description or goals:
    a persona who sells something themselves ("I want to sell some copies in the railway
    shop") has "Sell copies at the railway" as a goal of their own.

    Examples
    --------
    >>> persona_wants("sell copies", ("I want to sell some copies without losing money",))
    True
    >>> persona_wants("sell copies", ("I want a book with my name on it",))
    False
    """
    words = tokens(evidence)
    if len(words) < 2:
        return False
    theirs = frozenset(form for text in persona_texts for w in tokens(text) for form in lemmas(w))
    things = [w for w in words[1:] if len(w) > 3]
    return _same_word(words[0], theirs) and any(_same_word(w, theirs) for w in things)


#: The reason :func:`.reading.read_goal` gives when a goal acts on people it takes for the
#: business's customers: the one reading the map's own people can correct.
_ACTING_ON_CUSTOMERS = "the business acting on its customers"

#: The journey moments (the catalogue's) where the customer tells others about the business.
_TELLING_MOMENTS = frozenset({"recommend", "promote"})


def tells_people_at_large(reading: GoalReading, moments: tuple[str, ...]) -> bool:
    """True when a goal read as acting on customers tells or shows people at large ("Let
    people know ...", "Show everyone ...") in a stage where customers recommend or promote:
    there the customer is the one spreading the word, and "people" is their audience, not
    the business's market.

    Examples
    --------
    >>> tells_people_at_large(read_goal("Show people what a late starter can do"), ("promote",))
    True
    >>> tells_people_at_large(read_goal("Show people what a late starter can do"), ("notice",))
    False
    """
    words = [w for w in tokens(reading.evidence) if w not in lx.DETERMINERS]
    return (
        reading.reason == _ACTING_ON_CUSTOMERS
        and bool(_TELLING_MOMENTS.intersection(moments))
        and len(words) > 1
        and is_a(words[0], lx.TELLING_VERBS)
        and words[1] in lx.PEOPLE_AT_LARGE
    )


def _base_forms(texts: tuple[str, ...]) -> frozenset[str]:
    """Every base form of every word of *texts*."""
    return frozenset(form for text in texts for w in tokens(text) for form in lemmas(w))


def brings_people_to_own_pursuit(
    goal: str, reading: GoalReading, moments: tuple[str, ...], persona: Persona
) -> bool:
    """True when a goal read as acting on customers acts on people at large ("more disabled
    people", "everyone") in a stage where customers recommend or promote, and takes them
    towards something the persona's own description or goals name ("out on the water" for
    a persona who wants "weekends on the water"): the customer drawing others into what they
    love, not the business filling its books.

    Examples
    --------
    >>> from journeykit.model import Persona
    >>> rower = Persona(name="Kit", description="Rows on the canal every Sunday since retiring.")
    >>> goal = "Get more older people rowing on the canal"
    >>> brings_people_to_own_pursuit(goal, read_goal(goal), ("promote",), rower)
    True
    >>> goal = "Get more people to book the autumn course"
    >>> brings_people_to_own_pursuit(goal, read_goal(goal), ("promote",), rower)
    False
    """
    if reading.reason != _ACTING_ON_CUSTOMERS or not _TELLING_MOMENTS.intersection(moments):
        return False
    acted_on = [w for w in tokens(reading.evidence)[1:] if w in lx.CUSTOMER_ROLES]
    if not acted_on or not all(w in lx.PEOPLE_AT_LARGE for w in acted_on):
        return False
    said = tokens(goal)
    towards = said[said.index(acted_on[-1]) + 1 :]
    theirs = _base_forms((persona.description, *persona.goals))
    return any(len(w) > 3 and theirs.intersection(lemmas(w)) for w in towards)


def acts_on_own_people(reading: GoalReading, persona: Persona) -> bool:
    """True when the people a goal acts on are people the persona's own description or goals
    name beside the persona (a buying team's "partners", a club's "trustees"): getting
    them to agree is the customer's step, not the business acting on its market. Nouns the
    lexicon knows as a business's customers ("patients", "clients") are never the persona's
    own people.

    Examples
    --------
    >>> from journeykit.model import Persona
    >>> manager = Persona(name="Ana", description="Runs the office; the two directors sign.")
    >>> acts_on_own_people(read_goal("Get both directors to sign the lease"), manager)
    True
    >>> acts_on_own_people(read_goal("Get patients to book online"), manager)
    False
    """
    if reading.reason != _ACTING_ON_CUSTOMERS:
        return False
    people = [w for w in plural_people(reading.evidence) if w not in lx.CUSTOMER_ROLES]
    theirs = _base_forms((persona.description, *persona.goals))
    return bool(people) and all(theirs.intersection(lemmas(w)) for w in people)


#: Words after a person that make them the one acted on: "Get Ray *to* pick", "Win Ray *over*"
#: ("to" before a verb only: "Get Ray to the clinic" takes Ray somewhere he wants to go).
_ACTED_ON_THEN = (
    r"to(?!\s+(?:the|a|an|his|her|their|its|my|our|work|school|hospital)\b)|up|over|round"
)


@lru_cache(maxsize=4096)
def persona_acted_on(goal: str, persona_name: str) -> str:
    """The words of *goal* that make the persona the one its first verb acts on ("Get Ray
    to pick the yard", "talk Ray round"), or "": a goal written about the persona in the
    third person is still theirs when the persona acts or owns ("Ray's shifts", "a yard Ray
    can afford"), but the business's aim when it gets the persona to do something.

    Examples
    --------
    >>> persona_acted_on("Get Ray to pick the yard over the others", "Ray Doyle")
    'Get Ray to'
    >>> persona_acted_on("Book a date that fits Ray's shifts", "Ray Doyle")
    ''
    >>> persona_acted_on("Get Ray's boat out before the gales", "Ray")
    ''
    >>> persona_acted_on("Get Ray to the boat show and back by six", "Ray")
    ''
    """
    names = [re.escape(w) for w in re.findall(r"[^\W\d_]{3,}", persona_name)]
    if not names:
        return ""
    found = re.match(
        rf"\W*(?:(?:we|i)\s+)?[^\W\d_]+\s+(?:{'|'.join(names)})(?!['’]s)\s+(?:{_ACTED_ON_THEN})\b",
        goal,
        re.IGNORECASE,
    )
    return found.group(0).strip() if found else ""


#: The second person and the first person it stands for when a map is written to the
#: persona ("You're 24, you pull coffees ..."): "send *your* mates" is "send *my* mates".
_SECOND_TO_FIRST = {
    "you": "I",
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "you're": "I'm",
    "youre": "I'm",
    "you've": "I've",
    "you'd": "I'd",
    "you'll": "I'll",
    "u": "I",
    "ur": "my",
}
_SECOND_PERSON = re.compile(
    r"(?<![\w'’])(" + "|".join(sorted(_SECOND_TO_FIRST, key=len, reverse=True)) + r")(?![\w'’])",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|my|me|mine)\b", re.IGNORECASE)


def written_to_persona(persona: Persona) -> bool:
    """True when the persona is written in the second person ("You're 24, you pull coffees
    in town"): the map speaks to the persona, so its "you" and "your" are the customer's
    own, as "I" and "my" are in a map written in the first person.

    Examples
    --------
    >>> from journeykit.model import Persona
    >>> written_to_persona(Persona(name="Jo", description="You drive vans; your back hurts."))
    True
    >>> written_to_persona(Persona(name="Jo", description="Drives vans; hates waiting for you."))
    False
    """
    texts = " ".join((persona.description, *persona.goals, *persona.frustrations))
    second = len(_SECOND_PERSON.findall(texts.replace("’", "'")))
    return second >= 2 and second > len(_FIRST_PERSON.findall(texts.replace("’", "'")))


def in_first_person(goal: str) -> str:
    """*goal* with its second person put in the first ("send your mates" -> "send my mates").

    Examples
    --------
    >>> in_first_person("Show it to your mates once you're healed")
    "Show it to my mates once I'm healed"
    """
    return _SECOND_PERSON.sub(
        lambda found: _SECOND_TO_FIRST[found.group(1).casefold()], goal.replace("’", "'")
    )


def read_in_map(goal: str, moments: tuple[str, ...], persona: Persona) -> GoalReading:
    """Whose goal *goal* is, read as a sentence (:func:`.reading.read_goal`) and then against
    the map it is in: the persona's own words, the people the persona names, the stage's
    journey moments and the persona's name as the one acted on. A map written to the persona
    in the second person has its "you" and "your" read as the customer's "I" and "my".

    Examples
    --------
    >>> from journeykit.model import Persona
    >>> ray = Persona(name="Ray", description="Keeps a small boat on the river.")
    >>> read_in_map("Get Ray to book the winter lift-out", ("research",), ray).side
    'unsure'
    >>> read_in_map("Tell people the river is safe to row on", ("recommend",), ray).side
    'customer'
    """
    reading = read_goal(in_first_person(goal) if written_to_persona(persona) else goal)
    if reading.side == "customer":
        acted_on = persona_acted_on(goal, persona.name.strip())
        if acted_on:
            return GoalReading("unsure", acted_on, "the business acting on the persona")
        return reading
    if (
        persona_wants(reading.evidence, (persona.description, *persona.goals))
        or tells_people_at_large(reading, moments)
        or brings_people_to_own_pursuit(goal, reading, moments, persona)
        or acts_on_own_people(reading, persona)
    ):
        return GoalReading("customer")  # the persona's own aim, read in the map's own terms
    return reading


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
    persona = view.map.persona
    clean = 0
    filled = 0
    for stage in view.filled():
        filled += 1
        goal = stage.goal.strip()
        if not goal:
            yield Finding(
                rule="stage-without-goal",
                level="improve",
                message=f"{stage.name}: the stage has content but no customer goal.",
                why=(
                    "The goal says why the customer is in this stage at all; the other lanes "
                    "make sense against it."
                ),
                fix=f"Write what {who} wants to get done in {stage.name}, as {who} would say it.",
                stage=stage.name,
                lane="goal",
            )
            continue
        reading = read_in_map(goal, view.moments.get(stage.name, ()), persona)
        if reading.side == "business":
            step = reading.evidence
            yield Finding(
                rule="goal-is-internal-step",
                level="fix",
                message=f"{stage.name}: the goal {quoted(goal)} is a step of the business"
                + (
                    f" ({quoted(step)}: {reading.reason})"
                    if step.casefold() != goal.casefold()
                    else f" ({reading.reason})"
                )
                + f", not something {who} wants.",
                why=_WHY,
                fix=(
                    f"Ask what {who} is trying to achieve here and write that as the goal, in "
                    f"{who}'s words; move the business's step to the business activities or KPIs."
                ),
                stage=stage.name,
                lane="goal",
            )
        elif reading.side == "unsure":
            yield Finding(
                rule="goal-is-internal-step",
                level="improve",
                message=(
                    f"{stage.name}: is {quoted(goal)} what {who} wants, or what the business "
                    f"wants from {who}? {quoted(reading.evidence)} reads like the business."
                ),
                why=_WHY,
                fix=(
                    f"If it is {who}'s own aim, keep it and say it the way {who} would; if it "
                    "is the business's, write what the customer is trying to get done instead."
                ),
                stage=stage.name,
                lane="goal",
            )
        else:
            clean += 1
    if filled >= 2 and clean == len(view.stages):
        yield Finding(
            rule="goals-from-the-customer-side",
            level="praise",
            message=f"Every stage has a goal told from {who}'s side.",
            why="Goals in the customer's words keep the whole map about the customer.",
            fix="Read them in a row: they should tell the journey on their own.",
        )
