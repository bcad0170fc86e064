"""Rules about the persona: one named person with a description, not a whole market."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import MapView, Rule
from .findings import Finding
from .words import is_placeholder, quoted

RULES = (
    Rule("persona-missing", ("fix",), "the persona has no name"),
    Rule(
        "persona-is-a-market",
        ("fix",),
        'the persona names a group ("small businesses", "everyone", "customers")',
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
_GROUP = re.compile(
    rf"^(the |all |our |every |any |most )?((\w+[- ])*?)({_GROUP_WORDS})$", re.IGNORECASE
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
    """
    return bool(_GROUP.match(" ".join(name.split())))


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
