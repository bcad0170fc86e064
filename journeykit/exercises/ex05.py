"""Exercises for ``05_eight_stage``: the order, the entry-point offer, the funnel.

Use in a notebook: ``from journeykit.exercises import ex05 as q, ____``.
"""

from __future__ import annotations

from ..catalogue import get_framework
from .core import bind
from .questions import NumberQuestion, OrderQuestion, StageQuestion

#: The funnel exercise: people who reach Aware, and the share kept at every later step.
FUNNEL_START = 6400
FUNNEL_KEEP = 0.5


def _steps() -> int:
    """How many steps lead from the first to the last of the eight stages."""
    return len(get_framework("eight-stage").stages) - 1


def funnel_end(steps: int) -> float:
    """People left after *steps* steps of the funnel exercise.

    Examples
    --------
    >>> funnel_end(3)
    800.0
    """
    return FUNNEL_START * FUNNEL_KEEP**steps


q1 = OrderQuestion(
    "eight-stage",
    hints=(
        "Four stages lead up to the first payment, four come after it.",
        "The small commitment (an email address) comes before the first purchase, and "
        "Promote is the very last step.",
    ),
    solution='stage_order = ["Aware", "Engage", "Subscribe", "Convert", "Excite", "Ascend",\n'
    '               "Advocate", "Promote"]',
    explanation='Or let the kit say it: `jk.get_framework("eight-stage").stage_names`.',
)


q2 = StageQuestion(
    "offer_stage",
    "eight-stage",
    "touchpoints",
    "entry-point",
    hints=(
        "The offer turns a subscriber into a paying customer.",
        "It comes right after the newsletter sign-up.",
    ),
    solution='offer_stage = "Convert"',
    explanation="The entry-point offer is cheap to accept and low in risk, priced to cover "
    "its costs, so the first payment is an easy step.",
)

q3 = NumberQuestion(
    "promoters",
    lambda: funnel_end(_steps()),
    near_misses=lambda: {
        funnel_end(_steps() + 1): "you halved once too often: count the steps between "
        "stages, not the stages.",
        funnel_end(_steps() - 1): "you halved once too few: every step from Aware to Promote "
        "loses half, including the last one.",
        FUNNEL_START / len(get_framework("eight-stage").stages): "you divided by the number of "
        "stages; each step halves what is left, so the losses multiply instead.",
        FUNNEL_KEEP ** _steps(): "that is the share of the people who are left; multiply it by "
        "the 6,400 who start in Aware to get how many people that is.",
        FUNNEL_START * FUNNEL_KEEP: "you halved once; every one of the seven steps halves "
        "the number again.",
    },
    otherwise="start from 6,400 people in Aware and halve the number at each step until Promote.",
    explain=lambda: (
        f"{FUNNEL_START:,} people become {funnel_end(_steps()):,.0f} after "
        f"{_steps()} halvings. Keeping a bigger share at each step is what a "
        "planned journey is for."
    ),
    hints=(
        "Eight stages have seven steps between them.",
        "Halving seven times is the same as multiplying by 0.5 ** 7.",
    ),
    solution="promoters = 6400 * 0.5 ** 7",
    explanation=f"Keeping 60% instead of 50% at each step would bring about "
    f"{FUNNEL_START * 0.6**7:.0f} people to Promote: small gains per step add "
    f"up along the funnel.",
)

QUESTIONS = bind(globals())
