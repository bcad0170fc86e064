"""Exercises for ``01_customer_journeys``: the two figures and the stages they support.

Use in a notebook: ``from journeykit.exercises import ex01 as q, ____``.
"""

from __future__ import annotations

from ..catalogue import facts, get_framework
from .core import bind
from .matching import MatchQuestion
from .questions import fact_question
from .truths import fact_stages

q1 = fact_question(
    "cost_ratio",
    "retention-cost",
    otherwise="look for the figure that compares winning a new customer with keeping one you "
    "already have.",
    hints=(
        "It is a ratio: how many times as much one thing costs as the other.",
        "`jk.facts()` lists both figures with what they say.",
    ),
    solution="cost_ratio = 5",
    explanation="Finding a new customer costs about five times as much as keeping one, which "
    "is why the journey does not stop at the first purchase.",
)

q2 = fact_question(
    "opinion_share",
    "opinion-share",
    otherwise="look for the figure about how many buying decisions lean on someone else's opinion.",
    complement="the decisions made on one's own, with no one else's opinion",
    hints=(
        "It is a percentage, close to all of them.",
        "`jk.facts()` lists both figures with what they say.",
    ),
    solution="opinion_share = 92",
    explanation="Most decisions rest on another person's opinion, so happy customers who "
    "speak up are worth planning for.",
)


def _explain_fact(figure: str, given: str, accepted: tuple[str, ...]) -> str:
    statement = next(f.statement for f in facts() if f.figure == figure)
    return f"the {figure} figure backs up {accepted[0]}, not {given}: {statement}"


q3 = MatchQuestion(
    "fact_stage",
    lambda: fact_stages("six-stage"),
    lambda: get_framework("six-stage").stage_names,
    _explain_fact,
    item_word="figure",
    category_word="stage",
    kind="match figures to stages",
    hints=(
        "One figure is about keeping customers, the other about what they tell others.",
        "Look for the stage about buying again and the stage about recommending.",
    ),
    solution='fact_stage = {"5x": "Re-purchase", "92%": "Advocate"}',
    explanation="Cheap retention argues for looking after the customer after the sale "
    "(Re-purchase); the weight of other people's opinions argues for turning "
    "customers into advocates (Advocate).",
)

QUESTIONS = bind(globals())
