"""Rules about the persona: one named person with a description, not a whole market."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import MapView, Rule
from .findings import Finding
from .lexicon import word_set
from .words import is_placeholder, quoted

RULES = (
    Rule("persona-missing", ("fix",), "the persona has no name"),
    Rule(
        "persona-is-a-market",
        ("fix", "improve"),
        "the persona is a group, a segment or a market, with or without a name attached "
        '("small businesses", "Daniel - mid-life givers segment", a description such as '
        '"Parents aged 25-40, middle income"; improve: one sign only, asked as a question)',
    ),
    Rule(
        "persona-is-a-job-title",
        ("fix",),
        'the persona is a job title ("Office manager", "Finance director") rather than a person',
    ),
    Rule("persona-without-description", ("improve",), "a named persona with no description"),
    Rule("persona-without-goals", ("improve",), "a persona with neither goals nor frustrations"),
    Rule("persona-is-a-person", ("praise",), "a named persona with a description and goals"),
)

#: Words that name a group of people rather than one person.
_GROUP_WORDS = (
    r"everyone|everybody|anyone|anybody|all|people|public|market|audience|"
    r"segment|customers?|clients?|users?|consumers?|buyers?|shoppers?|visitors?|"
    r"businesses|companies|firms|organi[sz]ations|smes?|b2b|b2c|families|"
    r"students|parents|owners|managers|members|millennials|men|women|teens|"
    r"professionals|travel+ers|target group|general public"
)
#: Plural nouns of people, beyond the group words: what a segment is made of.
_PEOPLE_WORDS = (
    r"patients|residents|renters|tenants|homeowners|retirees|pensioners|seniors|commuters|"
    r"donors|givers|families|parents|mothers|fathers|mums|dads|teachers|nurses|drivers|owners|"
    r"founders|startups|freelancers"
)
#: Plural nouns of people a persona's *name* may be, though a description may mention them
#: ("Has two kids" describes one person).
_NAME_PEOPLE_WORDS = (
    r"children|kids|couples|households|newlyweds|graduates|employees|workers|guests|diners|"
    r"volunteers|citizens|locals|tourists|holidaymakers"
)
#: A group named by its head noun, with or without words before it ("Small businesses",
#: "The general public") or a phrase after it that narrows the group ("Families with young
#: children", "Renters who drive to work"). The words before the head are a few modifiers,
#: never a first name joined by "and" ("Sam and the kids" is a person and company).
_GROUP = re.compile(
    r"^(the |all |our |every |any |most |many )?(((?!and\b|with\b)\w+[- ])*?)"
    rf"({_GROUP_WORDS}|{_PEOPLE_WORDS}|{_NAME_PEOPLE_WORDS})"
    r"( (with|who|that|in|on|from|of|aged|living|looking|planning|near|across|at|after|"
    r"without|under|over|buying|using|new to)\b.*)?$",
    re.IGNORECASE,
)
#: A segment named beside a first name: "Daniel - mid-life givers segment", "Gen Z".
_SEGMENT_WORDS = re.compile(
    r"\b(segment|persona group|target (group|market|audience)|demographic|cohort|audience|"
    r"millennials|gen ?[xyz]|boomers|\d+\s*[-–]\s*\d+\s*(year[- ]olds|yo)?)\b",
    re.IGNORECASE,
)
#: A description of many people: "Parents aged 25-40", "mostly renters", "middle income".
_SEGMENT_MARKS = (
    re.compile(r"\baged? \d+\s*(-|–|to)\s*\d+|\b\d+\s*(-|–|to)\s*\d+ ?(year|yr)s?[- ]olds?", re.I),
    re.compile(
        r"\b(over|under) \d\ds?\b(?! ?(euros?|eur|pounds?|dollars?|km|kilo|mile))|\b\d\d\+", re.I
    ),
    re.compile(r"\b(mostly|mainly|typically|usually|often) [a-z]+s\b", re.I),
    re.compile(r"\b(middle|high|low|higher|lower)[- ]income\b|\bincome\b|\bsocio", re.I),
    re.compile(r"\b(segment|demographic|target (group|market|audience))\b", re.I),
)
_PLURAL_PEOPLE = re.compile(
    rf"^(the |all |most |many )?(\w+[- ]){{0,3}}?({_GROUP_WORDS}|{_PEOPLE_WORDS})\b",
    re.IGNORECASE,
)
#: Words of a job title; a name made of these only is a role, not a person.
_TITLE_WORDS = word_set(
    """
    head chief director manager officer lead owner founder cofounder buyer coordinator
    administrator admin assistant analyst engineer specialist consultant executive ceo cfo
    cto coo cmo cio vp president secretary clerk supervisor partner principal controller
    accountant planner representative rep agent advisor adviser strategist designer developer
    of the and for office finance financial marketing sales hr human resources it operations
    procurement purchasing facilities project product account accounts customer service
    support practice general senior junior deputy managing regional area store shop team
    technical digital commercial
    """
)

_WHY_PERSON = (
    "A map follows one person through the journey; a whole market has no single "
    "path, so every stage ends up vague."
)


def is_group(name: str) -> bool:
    """True when *name* describes a group of people rather than one person.

    Examples
    --------
    >>> [is_group(n) for n in ("Small businesses", "Everyone", "Office managers", "Priya")]
    [True, True, True, False]
    >>> [is_group(n) for n in ("Renters who drive to work", "Sam and the kids")]
    [True, False]
    """
    return bool(_GROUP.match(" ".join(name.split())))


def is_job_title(name: str) -> bool:
    """True when *name* is only a job title, with no person's name in it.

    Examples
    --------
    >>> [is_job_title(n) for n in ("Office manager", "Finance director", "Priya", "Sam, CFO")]
    [True, True, False, False]
    """
    words = re.findall(r"[a-z]+", name.casefold())
    return (
        bool(words)
        and all(w in _TITLE_WORDS for w in words)
        and any(w in _TITLE_WORDS - {"of", "the", "and", "for"} for w in words)
    )


def segment_signs(persona_name: str, description: str) -> int:
    """How many signs say the persona is a segment rather than one person.

    Examples
    --------
    >>> segment_signs("Daniel - mid-life givers segment", "")
    2
    >>> segment_signs("Ruth", "Patients over 65 after a joint replacement, mostly women")
    2
    >>> segment_signs("Ruth", "Seventy-four, lives alone and had a new hip in March.")
    0
    """
    signs = 0
    if _SEGMENT_WORDS.search(persona_name):
        signs += 2
    flat = " ".join(description.split())
    if _PLURAL_PEOPLE.match(flat):
        signs += 1
    signs += sum(1 for mark in _SEGMENT_MARKS if mark.search(flat))
    return signs


def check(view: MapView) -> Iterator[Finding]:
    persona = view.map.persona
    name = persona.name.strip()
    if not name or is_placeholder(name):
        yield Finding(
            rule="persona-missing",
            level="fix",
            message="The persona has no name yet."
            if not name
            else f"The persona is still called {quoted(name)}.",
            why=(
                "A named persona is someone the whole team can picture and argue about; without "
                "one, every stage drifts towards customers in general."
            ),
            fix=(
                "Give the persona a first name (for example the customer you interviewed who is "
                "most typical) and say who they are in a sentence."
            ),
            lane="persona",
        )
        return
    if is_group(name):
        yield Finding(
            rule="persona-is-a-market",
            level="fix",
            message=f"The persona {quoted(name)} is a whole group of people, not one person.",
            why=_WHY_PERSON,
            fix=(
                f"Pick one typical member of {quoted(name)}, give them a first name, and put "
                "the group into the description."
            ),
            lane="persona",
        )
        return
    if is_job_title(name):
        yield Finding(
            rule="persona-is-a-job-title",
            level="fix",
            message=f"The persona {quoted(name)} is a job title: many people hold it.",
            why=(
                "A role tells you what someone is paid to do, not what they want, fear or put "
                "up with; a map needs one person with a situation of their own."
            ),
            fix=(
                f"Give the {name.casefold()} a first name and describe their situation: the "
                "company, what they are measured on, what keeps them up at night."
            ),
            lane="persona",
        )
        return
    signs = segment_signs(name, persona.description)
    if signs:
        sure = signs >= 2
        yield Finding(
            rule="persona-is-a-market",
            level="fix" if sure else "improve",
            message=(
                f"The persona {quoted(name)} describes a segment (many people with something "
                "in common), not one person."
                if sure
                else f"Is {quoted(name)} one person, or a whole group? The description reads "
                "partly like a segment."
            ),
            why=_WHY_PERSON,
            fix=(
                f"Describe one member of the segment as {name} would be described by a friend: "
                "age, situation, habits; keep the segment in your notes."
            ),
            lane="persona",
        )
        return
    if not persona.description.strip():
        yield Finding(
            rule="persona-without-description",
            level="improve",
            message=f"{name} has a name but no description.",
            why=(
                "A sentence about who the persona is keeps everyone who reads the map picturing "
                "the same customer."
            ),
            fix=(
                f"Describe {name} in a sentence or two: their situation, habits and how they "
                "like to buy."
            ),
            lane="persona",
        )
        return
    if not (persona.goals or persona.frustrations):
        yield Finding(
            rule="persona-without-goals",
            level="improve",
            message=f"{name} has no goals or frustrations yet.",
            why=(
                "Knowing what the persona wants overall, and what generally annoys them, explains "
                "the choices they make at every stage."
            ),
            fix=(
                f"Add one or two goals {name} has overall and one thing that often frustrates them."
            ),
            lane="persona",
        )
        return
    yield Finding(
        rule="persona-is-a-person",
        level="praise",
        message=f"{name} is a real person on the page: named, described, with goals of their own.",
        why="One concrete customer makes every later stage easier to picture and to check.",
        fix=f"Keep asking at each stage what {name} would actually do.",
        lane="persona",
    )
