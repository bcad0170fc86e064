"""Exercises for ``03_five_stage``: the order, the match with six stages, the emotional peak.

Use in a notebook: ``from journeykit.exercises import ex03 as q, ____``.
"""

from __future__ import annotations

from .core import bind
from .matching import CrosswalkQuestion
from .questions import OrderQuestion, StageQuestion

q1 = OrderQuestion(
    "five-stage",
    hints=(
        "Becoming aware comes first; speaking up for the brand comes last.",
        "Customers weigh the options before they buy, and stay (or not) after buying.",
    ),
    solution='stage_order = ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"]',
    explanation='Or let the kit say it: `jk.get_framework("five-stage").stage_names`.',
)

q2 = CrosswalkQuestion(
    "five_to_six",
    "five-stage",
    "six-stage",
    hints=(
        "Ask what the customer is doing in each stage, then find the six-stage stage "
        "where they do the same.",
        '`jk.crosswalk("five-stage", "six-stage")` shows the whole table, with reasons.',
    ),
    solution="five_to_six = {\n"
    '    "Awareness": "Discover",\n'
    '    "Consideration": "Investigate",\n'
    '    "Purchase": "Purchase",\n'
    '    "Retention": "Re-purchase",\n'
    '    "Advocacy": "Advocate",\n'
    "}",
    explanation='Consideration spans two six-stage stages, so "Engage" is accepted for it '
    "too: the six-stage journey splits research from contact.",
)


q3 = StageQuestion(
    "peak_stage",
    "five-stage",
    "emotions",
    "peak",
    hints=(
        "Which moment would you celebrate as a customer?",
        '`jk.get_framework("five-stage").stage(name).emotions` shows the feelings noted '
        "for each stage.",
    ),
    solution='peak_stage = "Purchase"',
    explanation="The purchase is often the emotional high point, which is why it is a poor "
    "moment to stop talking to the customer.",
)

QUESTIONS = bind(globals())
