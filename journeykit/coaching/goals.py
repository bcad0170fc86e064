"""Rules about stage goals: each stage reads as what the customer wants, in their words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import MapView, Rule
from .findings import Finding
from .words import quoted

RULES = (
    Rule(
        "goal-is-internal-step",
        ("fix", "improve"),
        "a stage goal written as the business's own step (fix: process words such as "
        '"lead qualification", "upsell campaign", "enter in CRM", "invoice"; '
        'improve: the business speaking, "we", "our", "the customer")',
    ),
    Rule("stage-without-goal", ("improve",), "a stage with content but no customer goal"),
    Rule(
        "goals-from-the-customer-side",
        ("praise",),
        "every stage has a goal and none reads as an internal step",
    ),
)

#: Words of a business's own process: sales, marketing and back-office steps.
_INTERNAL = re.compile(
    r"\b(lead[- ]?(qualification|generation|gen|nurtur\w*|scoring|capture|management)|"
    r"qualify(ing)? (the )?leads?|leads? (qualification|handling)|"
    r"up-?sell\w*|cross-?sell\w*|campaigns?|crm|pipeline|funnel|"
    r"invoic(e|es|ing)( the| a)? (customer|client)s?|invoicing|send(ing)? (the |an )?invoices?|"
    r"(payment|order) processing|process(ing)? (the )?(payments?|orders?)|"
    r"fulfil+ment|onboard(ing)? (the |new )?(customer|client|member|user)s?|"
    r"(customer|client|member|user) onboarding|acquisition|conversion|retarget\w*|"
    r"remarketing|data entry|enter(ing)? .{0,40}\b(in|into) (the )?(crm|system|database))\b",
    re.IGNORECASE,
)
_ONE_WORD_STEP = re.compile(
    r"^\s*(invoice|invoicing|billing|quote|quotation|follow-up|"
    r"upsell|onboarding|lead|leads|prospecting)\s*$",
    re.IGNORECASE,
)
#: The business speaking, or talking about the customer in the third person.
_BUSINESS_VOICE = re.compile(
    r"\b(we|our|ours|us)\b|\b(the|a|our) (customers?|clients?|"
    r"prospects?|leads?|users?)\b",
    re.IGNORECASE,
)

_WHY = (
    "A stage is something the customer sets out to do; your own process steps describe "
    "your work and hide what the customer goes through."
)


def internal_words(goal: str) -> str | None:
    """The words that make *goal* read as the business's own step, or None.

    Examples
    --------
    >>> internal_words("Lead qualification"), internal_words("Invoice")
    ('Lead qualification', 'Invoice')
    >>> internal_words("Enter the member in the CRM"), internal_words("Find a gym near home")
    ('Enter the member in the CRM', None)
    """
    found = _INTERNAL.search(goal) or _ONE_WORD_STEP.match(goal)
    return found.group(0).strip() if found else None


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
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
        step = internal_words(goal)
        if step:
            yield Finding(
                rule="goal-is-internal-step",
                level="fix",
                message=f"{stage.name}: the goal {quoted(goal)} is a step of the business"
                + (f" ({quoted(step)})" if step.casefold() != goal.casefold() else "")
                + f", not something {who} wants.",
                why=_WHY,
                fix=(
                    f"Ask what {who} is trying to achieve here and write that as the goal; move "
                    f"{quoted(step)} to the business activities lane."
                ),
                stage=stage.name,
                lane="goal",
            )
        elif _BUSINESS_VOICE.search(goal):
            yield Finding(
                rule="goal-is-internal-step",
                level="improve",
                message=f"{stage.name}: the goal {quoted(goal)} sounds like the business talking.",
                why=_WHY,
                fix=(
                    f"Rewrite it in {who}'s own voice, starting with what they want "
                    '("Find ...", "Decide ...", "Get ...").'
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
