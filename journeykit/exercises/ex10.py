"""Exercises for ``10_insight_to_action``: evidence, assumptions, priorities, a future state.

Use in a notebook: ``from journeykit.exercises import ex10 as q, ____``.
"""

from __future__ import annotations

from ..catalogue import EVIDENCE, HORIZONS, quadrant
from ..catalogue.method import EVIDENCE_MEANING
from ..model import evidence_counts, example
from ._text import quote
from .core import bind
from .matching import MatchQuestion
from .method import ANY, FutureStateQuestion, ItemAttributesQuestion
from .questions import NumberQuestion

EXAMPLE = "clothing-store"
RESEARCHED = "clothing-store-researched"

#: What the team found out -> (the evidence it is, why).
EVIDENCE_FOR: dict[str, tuple[str, str]] = {
    "A customer said on a call that the size guide left her guessing": (
        "interview",
        "a customer told you in her own words",
    ),
    "312 buyers answered that they first saw the shop on Instagram": (
        "survey",
        "many customers answered the same question",
    ),
    "41% of visitors who see the delivery cost go on to buy": (
        "analytics",
        "the website log counted what visitors did",
    ),
    "Eleven chats this month asked whether a fabric is see-through": (
        "support tickets",
        "customers raised it with the support team",
    ),
    "You watched three shoppers give up on the size chart on their phones": (
        "observation",
        "you saw it happen",
    ),
    "The team is sure customers would love a loyalty app": (
        "assumption",
        "nobody has asked customers yet; being sure is not evidence",
    ),
}


def _explain_evidence(item: str, given: str, accepted: tuple[str, ...]) -> str:
    return (
        f"{quote(item)} is {accepted[0]}, not {given}: {EVIDENCE_FOR[item][1]} "
        f"({EVIDENCE_MEANING[accepted[0]]})."
    )


q1 = MatchQuestion(
    "evidence_for",
    lambda: {item: kind for item, (kind, _) in EVIDENCE_FOR.items()},
    lambda: list(EVIDENCE),
    _explain_evidence,
    item_word="finding",
    category_word="kind of evidence",
    kind="match findings to kinds of evidence",
    hints=(
        "Ask how the team learnt it: a conversation, a questionnaire, numbers from a "
        "system, messages to support, watching, or nobody checked.",
        "`journeykit.catalogue.EVIDENCE` lists the six kinds; only the last one is not research.",
    ),
    solution="evidence_for = {\n"
    '    "A customer said on a call that the size guide left her guessing": "interview",\n'
    '    "312 buyers answered that they first saw the shop on Instagram": "survey",\n'
    '    "41% of visitors who see the delivery cost go on to buy": "analytics",\n'
    '    "Eleven chats this month asked whether a fabric is see-through": '
    '"support tickets",\n'
    '    "You watched three shoppers give up on the size chart on their phones": '
    '"observation",\n'
    '    "The team is sure customers would love a loyalty app": "assumption",\n'
    "}",
    explanation="How sure the team feels does not make a finding research: only where it "
    "comes from does.",
)


def _assumption_slips() -> dict[float, str]:
    counts = evidence_counts(example(RESEARCHED))
    return {
        counts.research: f"{counts.research} is how many items come from research; count the "
        "assumptions.",
        counts.items: f"{counts.items} is every item that says where it comes from.",
        round(100 * counts.assumption / counts.items): "that is a percentage: give the number "
        "of items.",
    }


q2 = NumberQuestion(
    "assumption_count",
    lambda: evidence_counts(example(RESEARCHED)).assumption,
    near_misses=_assumption_slips,
    otherwise="count again: sum the `assumption` column of `jk.evidence_table(researched)`.",
    explain=lambda: "these are the items to check with customers next, most of them in Advocacy.",
    hints=(
        '`jk.evidence_table(jk.example("clothing-store-researched"))` has a row per stage and '
        "lane, with a column `assumption`.",
        '`table["assumption"].sum()` adds the column up.',
    ),
    solution='researched = jk.example("clothing-store-researched")\n'
    'assumption_count = jk.evidence_table(researched)["assumption"].sum()',
    explanation="The coach counts the same way: `jk.review(researched)` praises the map "
    "because most of it comes from research.",
)

#: The two Decision pain points of the worked example, and what the research round found.
DELIVERY_COSTS = "Surprise delivery costs at checkout"
ACCOUNT = "Having to create an account"

q3 = ItemAttributesQuestion(
    "shop",
    lambda: example(EXAMPLE),
    {
        ("Decision", "pain_points", DELIVERY_COSTS): {"evidence": "analytics", "source": ANY},
        ("Decision", "pain_points", ACCOUNT): {"evidence": "assumption"},
    },
    hints=(
        '`shop.set_item("Decision", "pain_points", "Surprise delivery costs at checkout", '
        'evidence="...", source="...")` tags one item.',
        "The delivery costs finding comes from the website log (analytics: give a source such "
        'as "Website log, May"); nobody has checked the account one yet (an assumption).',
    ),
    solution='shop = jk.example("clothing-store")\n'
    'shop.set_item("Decision", "pain_points", "Surprise delivery costs at checkout",\n'
    '              evidence="analytics", source="Website log, March to May")\n'
    'shop.set_item("Decision", "pain_points", "Having to create an account",\n'
    '              evidence="assumption")',
    explanation="The map figure now marks the first with ✓ and the second with ?, and the "
    "coach asks to check the assumption.",
)

#: Opportunity -> (impact, effort): where it falls decides its horizon.
IDEAS: dict[str, tuple[int, int]] = {
    "Show delivery costs on the product page (impact 4, effort 1)": (4, 1),
    "Add fit notes from reviewers to each product (impact 4, effort 3)": (4, 3),
    "Put the referral link in the thank-you email (impact 2, effort 1)": (2, 1),
    "Build a loyalty app (impact 2, effort 4)": (2, 4),
    "Offer guest checkout (impact 3, effort 2)": (3, 2),
}


def _explain_horizon(item: str, given: str, accepted: tuple[str, ...]) -> str:
    where = quadrant(*IDEAS[item])
    return f"{quote(item)} goes {accepted[0]}, not {given}: it is one of the {where.name.lower()}."


q4 = MatchQuestion(
    "horizon_for",
    lambda: {item: quadrant(*scores).horizon for item, scores in IDEAS.items()},
    lambda: list(HORIZONS),
    _explain_horizon,
    item_word="opportunity",
    category_word="horizon",
    kind="match opportunities to the roadmap",
    hints=(
        "Impact and effort of 3 or 4 count as high, 1 or 2 as low.",
        "High impact and low effort: now. High and high: next. Low and low: later. Low "
        "impact, high effort: rethink.",
    ),
    solution="horizon_for = {\n"
    '    "Show delivery costs on the product page (impact 4, effort 1)": "now",\n'
    '    "Add fit notes from reviewers to each product (impact 4, effort 3)": "next",\n'
    '    "Put the referral link in the thank-you email (impact 2, effort 1)": "later",\n'
    '    "Build a loyalty app (impact 2, effort 4)": "rethink",\n'
    '    "Offer guest checkout (impact 3, effort 2)": "now",\n'
    "}",
    explanation="`jk.roadmap(map)` sorts a map's scored opportunities the same way.",
)

q5 = FutureStateQuestion(
    "future",
    lambda: example(EXAMPLE),
    "shop_future.json",
    removed={("Decision", "pain_points"): [DELIVERY_COSTS]},
    scores={"Decision": 4},
    hints=(
        'Start with `future = shop.future_state(jk.map_path("shop_future"))`: it copies '
        "the map, marks it as a future state, links it and saves it.",
        'Then change the copy with `set_lane` (the pain points of "Decision" without the '
        "delivery costs one, and the emotion score 4) and `future.save(...)` again.",
    ),
    solution='shop = jk.example("clothing-store")\n'
    'future = shop.future_state(jk.map_path("shop_future"))\n'
    'future.set_lane("Decision", "pain_points", ["Having to create an account"])\n'
    'future.set_lane("Decision", "emotion_score", 4)\n'
    'future.save(jk.map_path("shop_future"))',
    explanation="The current map is untouched; `jk.compare(shop, future)` shows the removed "
    "pain point and the higher curve.",
)

QUESTIONS = bind(globals())
