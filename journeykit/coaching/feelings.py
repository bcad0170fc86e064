"""Rules about emotions: every stage scored, and every dip explained by a pain point.

A *dip* is what the emotion curve marks with a triangle
(:func:`journeykit.catalogue.is_dip`): a stage scored 2 or less, or lower than
the stage before it. Every dip needs a pain point that says why. How much it
matters depends on the depth: a low score (2 or less) or a drop of two points
or more without a pain point is a ``fix``; a one-point drop to a neutral or
better score without one is an ``improve``. A pain point that only says there is none
("Nothing in particular") explains nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue import LOW_SCORE, SCORE_LABELS, is_dip
from .context import MapView, Rule
from .findings import Finding, Level
from .words import says_nothing

RULES = (
    Rule("stage-without-score", ("improve",), "a stage with content but no emotion score"),
    Rule(
        "dip-without-pain-point",
        ("fix", "improve"),
        "a dip with no pain point in that stage (fix: a score of 2 or less, or a drop of "
        "2 or more; improve: a drop of 1)",
    ),
    Rule("flat-emotions", ("improve",), "three or more stages scored, all the same"),
    Rule("dips-explained", ("praise",), "the curve dips and every dip has a pain point"),
)

#: A drop of this many points or more is a deep dip, like a low score.
DEEP_DROP = 2


def dip_level(scores: list[int | None], i: int) -> Level | None:
    """How much a dip at stage *i* without a pain point matters: fix, improve, or None.

    Examples
    --------
    >>> [dip_level([4, 3, 5, 2, None, 3], i) for i in range(6)]
    [None, 'improve', None, 'fix', None, None]
    >>> dip_level([5, 3], 1)
    'fix'
    """
    if not is_dip(scores, i):
        return None
    score, before = scores[i], scores[i - 1] if i > 0 else None
    assert score is not None
    deep = score <= LOW_SCORE or (before is not None and before - score >= DEEP_DROP)
    return "fix" if deep else "improve"


def _describe(scores: list[int | None], i: int) -> str:
    score, before = scores[i], scores[i - 1] if i > 0 else None
    assert score is not None
    if before is not None and score < before:
        return f"the score drops from {before} to {score}"
    return f"the score is {score} ({SCORE_LABELS[score]})"


def check(view: MapView) -> Iterator[Finding]:
    stages = view.stages
    who = view.persona_name
    scores = [s.emotion_score for s in stages]
    dips = 0
    explained = 0
    for i, stage in enumerate(stages):
        if stage.emotion_score is None:
            if not stage.is_blank():
                yield Finding(
                    rule="stage-without-score",
                    level="improve",
                    message=f"{stage.name}: the stage has no emotion score yet.",
                    why=(
                        "The scores draw the emotion curve, and its low points show where to "
                        "act first."
                    ),
                    fix=(
                        f"Score how {who} feels overall in {stage.name}, from 1 (very negative) "
                        "to 5 (very positive)."
                    ),
                    stage=stage.name,
                    lane="emotion_score",
                )
            continue
        level = dip_level(scores, i)
        if level is None:
            continue
        dips += 1
        if any(not says_nothing(pain) for pain in stage.pain_points):
            explained += 1
            continue
        yield Finding(
            rule="dip-without-pain-point",
            level=level,
            message=f"{stage.name}: {_describe(scores, i)}, but no pain point says why.",
            why=(
                "A dip in the curve is only useful once you know what causes it; that cause is "
                "what you can fix."
            ),
            fix=(
                f"Write what goes wrong for {who} in {stage.name}, ideally in the words a "
                "customer used."
            ),
            stage=stage.name,
            lane="pain_points",
        )
    scored = [s for s in scores if s is not None]
    if len(scored) >= 3 and len(set(scored)) == 1:
        yield Finding(
            rule="flat-emotions",
            level="improve",
            message=f"Every scored stage has the same score ({scored[0]}).",
            why=(
                "Real journeys have ups and downs; a flat line usually means the scores were "
                "guessed rather than heard from customers."
            ),
            fix="Score each stage on its own, thinking of the best and the worst moment in it.",
            stage=None,
            lane="emotion_score",
        )
    elif dips and explained == dips:
        yield Finding(
            rule="dips-explained",
            level="praise",
            message=f"Every dip in {who}'s emotion curve has a pain point that explains it.",
            why="Dips tied to causes turn the curve into a list of things to improve.",
            fix="Start improving where the curve is lowest.",
        )
