"""Comparing a map with a worked example, lane by lane (``review(m, compare_with=...)``).

For every lane the example fills, the coach asks whether the learner's map
fills it too, in as many of its started stages. Where it does not, the finding
shows what the example holds in the stage that corresponds to the learner's
stage (through the crosswalk, so an eight-stage map can be compared with the
five-stage clothing store).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from ..catalogue import LANES, crosswalk_pairs
from ..errors import JourneyMapError
from ..model import JourneyMap, Stage, example
from .context import MapView, Rule, is_empty
from .findings import Finding
from .kinds import lane_name
from .words import and_list, quoted

RULES = (
    Rule(
        "example-lane-missing",
        ("improve",),
        "with compare_with: a lane the example fills that the map leaves empty everywhere",
    ),
    Rule(
        "example-lane-thinner",
        ("improve",),
        "with compare_with: a lane the example fills in every stage, missing from some "
        "started stages of the map",
    ),
    Rule(
        "example-lanes-matched",
        ("praise",),
        "with compare_with: every lane the example fills is filled in the map too",
    ),
)


def example_map(compare_with: str | JourneyMap) -> JourneyMap:
    """The map to compare with: an example by name, or a map given as it is.

    Raises
    ------
    JourneyMapError
        For an example name the kit does not ship (the error lists the names).
    """
    return compare_with if isinstance(compare_with, JourneyMap) else example(compare_with)


@lru_cache(maxsize=64)
def _corresponding(mine: str, theirs: str) -> dict[str, tuple[str, ...]]:
    """Stage of framework *mine* -> stages of framework *theirs* that cover the same moments."""
    if mine == theirs:
        return {}
    try:
        rows = crosswalk_pairs(mine, theirs)
    except JourneyMapError:
        return {}
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row["from_stage"], []).append(row["to_stage"])
    return {stage: tuple(names) for stage, names in found.items()}


def _sample(reference: JourneyMap, stage: str, key: str, mine: str) -> tuple[str, str] | None:
    """(example stage, first item) of lane *key* in the example stage matching *stage*."""
    names = _corresponding(mine, reference.framework).get(stage, (stage,))
    for name in names:
        for candidate in reference.stages:
            if candidate.name.casefold() == name.casefold():
                value = candidate.get(key)
                if not is_empty(value):
                    return candidate.name, str(value[0] if isinstance(value, list) else value)
    return None


def _share(stages: list[Stage], key: str) -> float:
    return sum(not is_empty(getattr(s, key)) for s in stages) / len(stages) if stages else 0.0


def check(view: MapView, reference: JourneyMap) -> Iterator[Finding]:
    mine = view.map
    started = list(view.filled())
    if not started:
        return
    title = f"The example {quoted(reference.title)}" if reference.title else "The example"
    gaps = 0
    for spec in LANES:
        key = spec.key
        if key == "emotion_words" or spec.optional or _share(reference.stages, key) == 0:
            continue
        label = lane_name(key)
        lacking = [s for s in started if is_empty(getattr(s, key))]
        if not lacking:
            continue
        every = _share(reference.stages, key) == 1
        if len(lacking) < len(started) and not every:
            continue
        gaps += 1
        target = lacking[0]
        sample = _sample(reference, target.name, key, mine.framework)
        hint = f" In its {sample[0]} stage it has {quoted(sample[1])}." if sample else ""
        if len(lacking) == len(started):
            yield Finding(
                rule="example-lane-missing",
                level="improve",
                message=f"{title} fills in the {label}; your map has none yet.{hint}",
                why=(
                    "The worked example shows every lane of the method in use; an empty lane is a "
                    "question you have not asked yet."
                ),
                fix=f"Fill in the {label} for {target.name} first, then the other stages.",
                stage=target.name,
                lane=key,
            )
        else:
            yield Finding(
                rule="example-lane-thinner",
                level="improve",
                message=(
                    f"{title} fills in the {label} in every stage; your map leaves them empty in "
                    f"{and_list([s.name for s in lacking])}.{hint}"
                ),
                why=(
                    "Comparing lane by lane with a complete map shows which questions are "
                    "still open."
                ),
                fix=f"Fill in the {label} of {target.name}.",
                stage=target.name,
                lane=key,
            )
    if not gaps:
        yield Finding(
            rule="example-lanes-matched",
            level="praise",
            message=f"Every lane {title} fills is filled in your map too.",
            why="Covering every lane of the method means no question was skipped.",
            fix="Now compare the content: is each of your items as concrete as the example's?",
        )
