"""Exercises for ``04_five_stages_in_depth``: the online clothing store, lane by lane.

Use in a notebook: ``from journeykit.exercises import ex04 as q, ____``.
"""

from __future__ import annotations

from ..model import JourneyMap, example
from .core import bind
from .maps import StageFillQuestion, blank_stage
from .matching import SortQuestion, example_items_question
from .truths import LANE_NOUNS, lane_aliases, lane_truth

EXAMPLE = "clothing-store"
SORTED_LANES = ("actions", "touchpoints", "emotion_words", "business_activities")
FILL_STAGE = "Decision"


def starting_store() -> JourneyMap:
    """The clothing store with every lane of the Decision stage emptied, ready to fill in.

    Examples
    --------
    >>> starting_store().stage("Decision").is_blank()
    True
    """
    return blank_stage(example(EXAMPLE), FILL_STAGE)


q1 = SortQuestion(
    "lanes",
    lambda: lane_truth(EXAMPLE, "Awareness", SORTED_LANES),
    lambda: {key: LANE_NOUNS[key] for key in SORTED_LANES},
    aliases=lane_aliases,
    hints=(
        "A touchpoint is a place or channel; an action is something the customer does; a "
        "business activity is something the store does; an emotion is a feeling.",
        "Items that start with a verb are things someone does: ask who does them, Maya or "
        "the store.",
    ),
    solution="lanes = {\n"
    '    "actions": ["Spots a Facebook ad showing trendy summer clothes"],\n'
    '    "touchpoints": ["Instagram post", "Facebook ad", "Fashion blog"],\n'
    '    "emotion_words": ["Curiosity", "Interest"],\n'
    '    "business_activities": ["Run targeted ads", "Use attractive visuals",\n'
    '                            "Collaborate with fashion bloggers"],\n'
    "}",
    explanation='`jk.example("clothing-store").stage("Awareness")` holds the same items, '
    "lane by lane.",
)

q2 = example_items_question(
    "touchpoint_stage",
    EXAMPLE,
    "touchpoints",
    ("Facebook ad", "Review sections", "Checkout page", "Delivery tracking", "Referral program"),
    hints=(
        "Picture Maya's week: she sees an ad, reads reviews, pays, waits for the parcel, "
        "then tells friends.",
        "Delivery tracking only matters once the order is placed.",
    ),
    solution="touchpoint_stage = {\n"
    '    "Facebook ad": "Awareness",\n'
    '    "Review sections": "Consideration",\n'
    '    "Checkout page": "Decision",\n'
    '    "Delivery tracking": "Retention",\n'
    '    "Referral program": "Advocacy",\n'
    "}",
    explanation="Each touchpoint is where Maya meets the store while chasing the goal of "
    "that stage.",
)

q3 = StageFillQuestion(
    "store",
    "five-stage-decision",
    FILL_STAGE,
    {"goal": 1, "actions": 2, "touchpoints": 2, "emotion_score": 1, "business_activities": 2},
    hints=(
        "In Decision, Maya picks her clothes and pays. What does she do, where, how does "
        "she feel, and what does the store do to help?",
        "Touchpoints are places such as the shopping cart; business activities start with "
        'what the store does, such as "Offer ...".',
        'Lists take one item per entry: `["Adds items to the cart", "Checks out"]`.',
    ),
    solution="store = q.starting_store()\n"
    'store.set_lane("Decision", "goal", "Buy the clothes I picked without hassle")\n'
    'store.set_lane("Decision", "actions", ["Adds items to the cart", "Checks out"])\n'
    'store.set_lane("Decision", "touchpoints", ["Shopping cart", "Checkout page"])\n'
    'store.set_lane("Decision", "emotion_score", 3)\n'
    'store.set_lane("Decision", "business_activities",\n'
    '               ["Simplify the checkout process", "Offer discount codes"])',
    explanation="Any goal, actions and touchpoints that fit the stage pass; these come from "
    "the worked example.",
)

QUESTIONS = bind(globals())
