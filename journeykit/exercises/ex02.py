"""Exercises for ``02_six_stage``: the order, who does what in which stage, the short list.

Use in a notebook: ``from journeykit.exercises import ex02 as q, ____``.
"""

from __future__ import annotations

from .core import bind
from .matching import framework_items_question
from .questions import OrderQuestion, StageQuestion

q1 = OrderQuestion(
    "six-stage",
    hints=(
        "The journey starts when a prospect first finds you and ends with customers who "
        "bring you new ones.",
        "Research comes before contact, and buying comes before buying again.",
    ),
    solution='stage_order = ["Discover", "Investigate", "Engage", "Purchase", "Re-purchase",\n'
    '               "Advocate"]',
    explanation='Or let the kit say it: `jk.get_framework("six-stage").stage_names`.',
)

q2 = framework_items_question(
    "action_stage",
    "six-stage",
    "actions",
    (
        "Comes across your outreach by chance",
        "Builds a short list (the consideration set)",
        "Phones the business",
        "Buys the product or service",
        "Buys again",
        "Recommends the business to others",
    ),
    hints=(
        "Ask what the customer is trying to get done when they do each thing.",
        "A phone call is contact with a shortlisted business; buying again comes after the "
        "first purchase.",
    ),
    solution="action_stage = {\n"
    '    "Comes across your outreach by chance": "Discover",\n'
    '    "Builds a short list (the consideration set)": "Investigate",\n'
    '    "Phones the business": "Engage",\n'
    '    "Buys the product or service": "Purchase",\n'
    '    "Buys again": "Re-purchase",\n'
    '    "Recommends the business to others": "Advocate",\n'
    "}",
    explanation="Each action serves the customer's goal in its stage: finding, comparing, "
    "talking, buying, buying again, recommending.",
)


q3 = StageQuestion(
    "shortlist_stage",
    "six-stage",
    "actions",
    "consideration set",
    hints=(
        "The short list is built while the prospect compares the options.",
        "It happens before they get in touch with anyone.",
    ),
    solution='shortlist_stage = "Investigate"',
    explanation="A business found early joins the prospect's short list while they research; "
    "contact (Engage) only comes once the list is narrowed down.",
)

QUESTIONS = bind(globals())
