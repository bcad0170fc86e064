"""The lanes of a journey map: what a learner fills in for every stage.

The lanes follow the mapping method taught in the course (persona, stages as
customer goals, touchpoints, the people involved, what they need to know, the
messages to send, pain points) and the five per-stage lanes of the five-stage
framework with a Decision stage (goal, customer actions, touchpoints, emotions,
business activities). Opportunities and KPIs close the loop from insight to action.

This module is plain data (it imports only the kit's error type), so the
editor, the exports and the exercises can all share one description of a lane.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..errors import JourneyMapError, Problem

LaneKind = Literal["text", "list", "score"]

#: Lowest and highest emotion score (the scale Mermaid ``journey`` diagrams use).
SCORE_MIN, SCORE_MAX = 1, 5

#: Scores of this or lower are negative: a stage scored so low is a dip on its own.
LOW_SCORE = 2

#: What each emotion score means, for labels, hover text and help.
SCORE_LABELS = {
    1: "very negative",
    2: "negative",
    3: "neutral",
    4: "positive",
    5: "very positive",
}


@dataclass(frozen=True)
class Lane:
    """One row of a journey map.

    Parameters
    ----------
    key : str
        The field name in the saved JSON and in ``JourneyMap.to_frame()``.
    label : str
        The name a learner reads.
    kind : {"text", "list", "score"}
        ``text`` is one sentence, ``list`` holds one item per line, ``score`` is
        a whole number from 1 to 5.
    help : str
        What belongs in the lane, shown under the field in the editor.
    example : str
        One short example from the online clothing store.
    """

    key: str
    label: str
    kind: LaneKind
    help: str
    example: str


LANES: tuple[Lane, ...] = (
    Lane(
        "goal",
        "Customer goal",
        "text",
        "What the customer wants to get done in this stage, told from their side, "
        "not as a step in your own process.",
        "Find a summer outfit that suits me",
    ),
    Lane(
        "actions",
        "Customer actions",
        "list",
        "The things the customer does here: one action per line, starting with a verb.",
        "Browses the summer collection",
    ),
    Lane(
        "touchpoints",
        "Touchpoints",
        "list",
        "Every place or channel where the customer meets the business in this stage.",
        "Checkout page",
    ),
    Lane(
        "emotion_score",
        "Emotion score",
        "score",
        "How the customer feels overall, from 1 (very negative) to 5 (very positive).",
        "4",
    ),
    Lane(
        "emotion_words",
        "Emotion words",
        "list",
        "A few words for the feelings behind the score, one per line.",
        "Curiosity",
    ),
    Lane(
        "pain_points",
        "Pain points",
        "list",
        "What slows the customer down, confuses or annoys them here.",
        "Unsure which size to order",
    ),
    Lane(
        "business_activities",
        "Business activities",
        "list",
        "What the business does to help the customer through this stage.",
        "Offer live chat support",
    ),
    Lane(
        "messages",
        "Messages",
        "list",
        "The message the business wants the customer to hear at this point.",
        "Free returns within 30 days",
    ),
    Lane(
        "participants",
        "Participants and influencers",
        "list",
        "Who else takes part or sways the decision: friends, reviewers, colleagues.",
        "Fashion bloggers",
    ),
    Lane(
        "information_needs",
        "Information needs",
        "list",
        "What the customer needs to know to move on to the next stage.",
        "Delivery time and cost",
    ),
    Lane(
        "opportunities",
        "Opportunities",
        "list",
        "Ideas for improving this stage, drawn from the pain points.",
        "Add a size guide to every product page",
    ),
    Lane(
        "kpis",
        "KPIs",
        "list",
        "How you would measure success in this stage.",
        "Cart abandonment rate",
    ),
)

#: Lanes by key, in map order.
LANES_BY_KEY: dict[str, Lane] = {lane.key: lane for lane in LANES}

#: The keys of the lanes that hold a list of items.
LIST_LANES: tuple[str, ...] = tuple(lane.key for lane in LANES if lane.kind == "list")


def lane(key: str) -> Lane:
    """Return the lane called *key*; the error lists the valid keys.

    Examples
    --------
    >>> lane("touchpoints").label
    'Touchpoints'
    """
    try:
        return LANES_BY_KEY[key]
    except KeyError:
        raise JourneyMapError(
            [
                Problem(
                    "lane",
                    f"there is no lane called {key!r}",
                    "use one of " + ", ".join(LANES_BY_KEY),
                )
            ]
        ) from None


def is_dip(scores: Sequence[int | None], i: int) -> bool:
    """True when stage *i* scores below the stage before it, or negative (2 or less).

    The emotion curve marks these stages, and the map review asks each of them
    for a pain point, so both agree on what a dip is.

    Examples
    --------
    >>> [is_dip([4, 3, 5, 2, None], i) for i in range(5)]
    [False, True, False, True, False]
    """
    score = scores[i]
    if score is None:
        return False
    before = scores[i - 1] if i > 0 else None
    return score <= LOW_SCORE or (before is not None and score < before)
