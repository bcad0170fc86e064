"""Rules about lane mix-ups the word lists of the kit's data cannot see.

:mod:`.hygiene` knows items the catalogue and the examples place in a lane, and feelings;
these rules read the shape of an item instead:

* a **customer action** that is the business's to-do ("Send a text when the bike is
  ready" among "Pays by card", "Collects the bike"): a verb only the business uses, the
  business as the subject, or an order given in a lane otherwise written about the customer;
* a **touchpoint** that is an action ("Reads comparison articles"): it starts with what the
  customer does, where a touchpoint names a place or a channel;
* a **pain point** that is already the fix ("Remove the repeated address field"): the coach
  asks, since the learner may have meant the problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from . import lexicon as lx
from .context import MapView, Rule
from .findings import Finding
from .reading import is_a, tokens
from .words import quoted

RULES = (
    Rule(
        "action-is-business-activity",
        ("fix",),
        "a customer action that is something the business does (a verb only the business "
        "uses, the business as the subject, or an order in a lane written about the customer)",
    ),
    Rule(
        "touchpoint-is-an-action",
        ("fix",),
        "a touchpoint that starts with what the customer does instead of naming a place or "
        "a channel",
    ),
    Rule(
        "pain-is-an-idea",
        ("improve",),
        "a pain point written as the improvement (it starts with what to do), asked as a question",
    ),
)

#: Verbs only a business does to or for its customers, in any form.
_BUSINESS_ONLY = lx.word_set(
    """
    offer provide publish introduce launch promote advertise simplify streamline automate
    collaborate feature highlight host sponsor partner reward greet welcome serve seat hire
    remind personalise personalize upsell crosssell nurture onboard retarget thank respond
    """
)
#: Verbs a business gives as an order in its to-do list ("Send ...", "Run ...", "Put ...").
_TO_DO = lx.word_set("send run put train set make give keep follow email text call ask")
_DETERMINERS = lx.word_set("a an the his her their its some two three every each all")


def _third_person(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


@lru_cache(maxsize=65536)
def business_action(action: str, third_person_lane: bool) -> bool:
    """True when customer action *action* reads as the business's activity.

    *third_person_lane* says whether the lane's other items are written about the
    customer ("Pays by card"), so that an order among them stands out.

    Examples
    --------
    >>> business_action("Offer discount codes", False), business_action("Searches online", False)
    (True, False)
    >>> business_action("Send a text when the bike is ready", True)
    True
    >>> business_action("Send back the jeans", True)
    False
    """
    words = tokens(action)
    if not words:
        return False
    first = words[0]
    rest = words[1:]
    if first in ("we", "our", "staff") or (first == "the" and rest[:1] in (("store",), ("shop",))):
        return True
    if first in _BUSINESS_ONLY or (_third_person(first) and is_a(first, _BUSINESS_ONLY)):
        return True
    if rest and rest[0] in lx.CUSTOMER_ROLES and first in lx.IDEA_VERBS | _TO_DO:
        return True  # "Email customers a survey", "Call leads back"
    if third_person_lane and first in _TO_DO and rest[:1] != ("back",):
        return not any(w in ("my", "me", "i") for w in rest)
    return False


@lru_cache(maxsize=65536)
def action_as_touchpoint(touchpoint: str) -> bool:
    """True when *touchpoint* is written as something the customer does.

    Examples
    --------
    >>> action_as_touchpoint("Reads comparison articles"), action_as_touchpoint("Review site")
    (True, False)
    >>> action_as_touchpoint("Calls the shop"), action_as_touchpoint("Calls from the listing")
    (True, False)
    """
    words = tokens(touchpoint)
    if len(words) < 2:
        return False
    first, second = words[0], words[1]
    if first in lx.NOUN_LIKE_VERBS_3RD:
        return second in _DETERMINERS or second in lx.FIRST_PERSON
    if first in lx.ACTION_VERBS_3RD:
        return True
    return (
        is_a(first, lx.CUSTOMER_VERBS)
        and first not in lx.ACTION_VERBS_3RD
        and (second in _DETERMINERS and not _third_person(first))
    )


@lru_cache(maxsize=65536)
def idea_as_pain(pain: str) -> bool:
    """True when *pain* says what to do rather than what goes wrong.

    Examples
    --------
    >>> idea_as_pain("Remove the repeated address field"), idea_as_pain("Queue at the counter")
    (True, False)
    >>> idea_as_pain("Offer codes do not work at checkout")
    False
    """
    words = tokens(pain)
    if len(words) < 2:
        return False
    first, second = words[0], words[1]
    if first in lx.SUGGESTION_WORDS:
        return True
    if first in lx.NOUN_LIKE_IDEA_VERBS:
        return second in _DETERMINERS or second in ("free", "more", "better", "clear")
    return first in lx.IDEA_VERBS


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
    for stage in view.filled():
        third = sum(_third_person(tokens(a)[0]) for a in stage.actions if tokens(a))
        for action in stage.actions:
            others_third = third - (1 if tokens(action) and _third_person(tokens(action)[0]) else 0)
            if business_action(action, others_third > 0):
                yield Finding(
                    rule="action-is-business-activity",
                    level="fix",
                    message=(
                        f"{stage.name}: {quoted(action)} is something the business does, but it "
                        f"sits in {who}'s actions."
                    ),
                    why=(
                        "Customer actions are what the customer does; the business's own work "
                        "goes in the business activities, so the two can be read against each "
                        "other."
                    ),
                    fix=f"Move {quoted(action)} to the business activities of {stage.name} and "
                    f"write what {who} does at that point.",
                    stage=stage.name,
                    lane="actions",
                )
                break
        for touchpoint in stage.touchpoints:
            if action_as_touchpoint(touchpoint):
                yield Finding(
                    rule="touchpoint-is-an-action",
                    level="fix",
                    message=(
                        f"{stage.name}: the touchpoint {quoted(touchpoint)} is something {who} "
                        "does, not where {who} meets the business.".replace("{who}", who)
                    ),
                    why=(
                        "A touchpoint is a place or a channel (a review site, the checkout page) "
                        "that the business can change; an action belongs in the customer actions."
                    ),
                    fix="Move it to the customer actions and name the place or channel it "
                    "happens in as the touchpoint.",
                    stage=stage.name,
                    lane="touchpoints",
                )
                break
        for pain in stage.pain_points:
            if idea_as_pain(pain):
                yield Finding(
                    rule="pain-is-an-idea",
                    level="improve",
                    message=(
                        f"{stage.name}: is {quoted(pain)} what goes wrong for {who}, or already "
                        "the fix for it?"
                    ),
                    why=(
                        "A pain point says what hurts, in the customer's terms; the improvement "
                        "is an opportunity. Kept apart, each idea can be checked against the "
                        "problem it is meant to solve."
                    ),
                    fix=f"Write the problem as the pain point and move {quoted(pain)} to the "
                    f"opportunities of {stage.name}.",
                    stage=stage.name,
                    lane="pain_points",
                )
                break
