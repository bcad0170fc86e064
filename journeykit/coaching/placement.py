"""Rules about content in the wrong stage, judged by the catalogue's journey moments.

Each stage of a framework covers some journey moments (``notice``, ``research``, ``buy``,
``recommend`` ...; see :mod:`journeykit.catalogue`). Some items plainly belong to one
moment: the customer recommending the business, the customer paying or committing to pay
(signing the agreement, leaving a deposit, setting up a direct debit), the business
advertising to strangers. Found in a stage that covers nothing near that moment (a
referral in Awareness, a billboard in Advocacy, paying in Discover), the coach asks
whether the item is in the right stage: the learner may know something it does not. What
presupposes a purchase already made is out of place before any purchase stage, whoever does
it: the customer recommending, and the business asking its customers for a review, a rating
or a referral ("Ask customers to rate their order" in Awareness). Paying
is also questioned in a stage before the map's purchase stage where the customer is still
comparing the options ("Compares three schools", "Pays for ten lessons"): the purchase
comes after the choice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..catalogue import FieldPath, FieldSpec, schema
from . import lexicon as lx
from .concepts import action_moment, is_advertising
from .context import MapView, Rule
from .findings import Finding
from .reading import tokens
from .words import quoted

RULES = (
    Rule(
        "item-in-wrong-stage",
        ("improve",),
        "an item of another journey moment than its stage covers (the customer recommending "
        "or paying, or the business asking customers for reviews or referrals, before the "
        "purchase stages, or paying while still comparing before the "
        "purchase stage, advertising to strangers in a recommend or promote stage), asked as "
        "a question",
    ),
)

#: Moments before the purchase: a stage covering only these has not bought anything yet.
_BEFORE = frozenset({"notice", "research", "contact", "commit"})
#: Moments of telling others, where the customer (not an advert) carries the message.
_TELLING = frozenset({"recommend", "promote"})
#: Where an item of each kind belongs, in words a learner knows.
_BELONGS = {
    "recommend": "a stage where the customer tells others (Advocacy, Advocate)",
    "asking": "a stage after the purchase, where customers can tell others (Advocacy, Advocate)",
    "buy": "the stage of the purchase",
    "advertising": "the first stage, where people first notice the business",
}


#: A customer action of still comparing the options: "Compares the prices of three
#: schools", "Reads reviews", "Shortlists two firms", "Gets three quotes".
_COMPARING = re.compile(
    r"^\s*(compares?|weighs? up|shortlists?|(reads?|checks?) (the |online )?(reviews|ratings)|"
    r"looks? (at|round|around) (other|several|a few|two|three|alternatives)|"
    r"(gets?|asks? for) (two|three|four|several|a few) (quotes|prices|offers))\b",
    re.IGNORECASE,
)


#: The business asking for a review, a rating or a referral: "Ask customers to rate their
#: order on Trustpilot", "Email buyers a review link", "Hand out referral cards".
_ASKING_FOR_WORD = re.compile(
    r"^\s*((ask|invite|email|text|remind|encourage|prompt|nudge|chase) "
    r"([\w'-]+ ){0,6}?(to )?(rate|review|recommend|refer|rating|reviews|ratings|referrals|"
    r"testimonials?|feedback)\b|"
    r"(request|collect|gather|chase|send( out)?) ([\w'-]+ ){0,2}?(reviews|ratings|referrals|"
    r"testimonials|review requests|review links?)\b|"
    r"(hand out|give( out)?|send|email|print) ([\w'-]+ ){0,3}?(referral|review) "
    r"(cards?|codes?|links?|requests?)\b)",
    re.IGNORECASE,
)
#: People who have not bought yet: asking them is no sign of a purchase made.
_NOT_YET = lx.word_set(
    "prospects prospect leads enquiries inquiries browsers visitors visitor followers follower "
    "people readers viewers audience audiences applicants applicant fans fan them"
)
#: Words that say the people asked have bought: "past clients", "their order".
_BOUGHT = lx.word_set(
    "past happy existing recent regular loyal previous every each their order orders purchase "
    "purchases stay visit booking repair delivery"
)


def asks_for_word(item: str) -> bool:
    """True when *item* is the business asking people who have bought for a review, a rating
    or a referral, which only someone who has bought can give (a referral card or a review
    link is for them too); asking the press or passers-by is not.

    Examples
    --------
    >>> asks_for_word("Ask customers to rate their order"), asks_for_word("Hand out referral cards")
    (True, True)
    >>> asks_for_word("Ask the local paper to review the new shop")
    False
    """
    found = _ASKING_FOR_WORD.search(item)
    if found is None:
        return False
    if found.group(1).casefold().endswith(("cards", "card", "codes", "code", "links", "link")):
        return True
    words = set(tokens(item))
    return bool(words & (_BOUGHT | (lx.CUSTOMER_ROLES - _NOT_YET)))


def _misplaced(
    moments: frozenset[str], lane: str, item: str, comparing: bool = False
) -> str | None:
    """The kind of item *item* of lane *lane* is when it is out of place in a stage covering
    *moments*: what the customer does (the customer actions) can be a purchase or a
    recommendation; what the business does or where it speaks can be advertising.
    *comparing* says the stage comes before the map's purchase stage and the customer is
    still comparing in it: paying there is paying before choosing, even in a stage where
    a deposit or a first contact may be paid for.

    Examples
    --------
    >>> _misplaced(frozenset({"research", "contact"}), "actions", "Pays for ten lessons")
    >>> _misplaced(frozenset({"research", "contact"}), "actions", "Pays for ten lessons", True)
    'buy'
    >>> _misplaced(frozenset({"notice"}), "business_activities", "Ask buyers to rate us")
    'asking'
    """
    if not moments:
        return None
    if lane == "actions" and moments <= _BEFORE:
        kind = action_moment(item)
        if kind == "recommend" or (
            kind == "buy" and (comparing or not moments & {"commit", "contact"})
        ):
            return kind
    if lane != "actions" and moments <= _BEFORE and asks_for_word(item):
        return "asking"
    telling = lane != "actions" and moments <= _TELLING  # where the business speaks
    if telling and is_advertising(item):
        return "advertising"
    return None


def _moment_lanes() -> tuple[FieldSpec, ...]:
    """The list lanes whose items the catalogue describes stage by stage (actions,
    touchpoints, business activities, emotion words), from the schema: the lanes where an
    item belongs to a journey moment."""
    return tuple(spec for spec in schema().lanes if spec.kind == "list" and spec.framework_field)


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
    lanes = _moment_lanes()
    purchase = view.purchase_index
    for index, stage in enumerate(view.stages):
        if stage.is_blank():
            continue
        moments = frozenset(view.moments.get(stage.name, ()))
        comparing = (
            purchase is not None
            and index < purchase
            and any(_COMPARING.match(a) for a in stage.actions)
        )
        found = next(
            (
                (spec, item, kind)
                for spec in lanes
                for item in getattr(stage, spec.name)
                if (kind := _misplaced(moments, spec.key, item, comparing))
            ),
            None,
        )
        if found is None:
            continue
        spec, item, kind = found
        what = {
            "recommend": f"{who} recommending the business",
            "buy": f"{who} buying",
            "advertising": "advertising to people who do not know the business yet",
            "asking": "asking customers for a review or a referral, which only someone who "
            "has already bought can give",
        }[kind]
        yield Finding(
            rule="item-in-wrong-stage",
            level="improve",
            message=f"{stage.name}: {quoted(item)} is {what}. Does it happen in {stage.name}?",
            why=(
                f"Each stage covers its own moments of the journey; this item belongs in "
                f"{_BELONGS[kind]}, and in the wrong stage it hides what really happens here."
            ),
            fix=f"Move {quoted(item)} to {_BELONGS[kind]}, and write what happens in "
            f"{stage.name} instead.",
            field=FieldPath(stage.name, spec.key),
        )
