"""Rules about stage goals: each stage reads as what the customer wants, in their words."""

from __future__ import annotations

from collections.abc import Iterator

from .context import MapView, Rule
from .findings import Finding
from .reading import lemmas, read_goal, tokens
from .words import quoted

RULES = (
    Rule(
        "goal-is-internal-step",
        ("fix", "improve"),
        "a stage goal that is the business's step, read by meaning (fix: a funnel, CRM, KPI "
        "or growth step, a verb aimed at the customer, a target with a number, the business's "
        '"our"; improve, as a question: signs both ways, such as the customer\'s "my" with a '
        "growth verb, or a standard for every case; never what the persona's own description "
        "or goals say they want)",
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


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
    persona = view.map.persona
    own = (persona.description, *persona.goals)
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
        reading = read_goal(goal)
        if reading.side != "customer" and persona_wants(reading.evidence, own):
            clean += 1  # the persona's own aim, in the persona's own words
        elif reading.side == "business":
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
