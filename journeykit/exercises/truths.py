"""The right answers, derived from the kit's own data instead of typed into the checks.

Stage orders come from the framework catalogue, lane membership from the
worked examples, stage correspondences from :func:`journeykit.crosswalk`, and
the two figures from :func:`journeykit.facts`. When the catalogue changes, the
checks follow it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..catalogue import LANES_BY_KEY, crosswalk, facts, get_framework
from ..coaching.kinds import LANE_NOUNS as LANE_NOUNS  # shared with the map review
from ..errors import JourneyMapError, Problem
from ..model import example
from ._text import number_from


def framework_phrase(framework_id: str) -> str:
    """How a sentence names a framework: ``the six-stage journey``.

    Examples
    --------
    >>> framework_phrase("five-stage-decision")
    'the five-stage journey with Decision'
    """
    name = get_framework(framework_id).name
    return "the " + name[:1].lower() + name[1:]


def lane_aliases() -> dict[str, str]:
    """Every way a learner may name a lane (label, noun, key) mapped to its key.

    Examples
    --------
    >>> lane_aliases()["business activity"]
    'business_activities'
    """
    aliases: dict[str, str] = {}
    for key, spec in LANES_BY_KEY.items():
        noun = LANE_NOUNS[key].split(" ", 1)[1]
        for alias in (key, spec.label, noun, noun + "s"):
            aliases[alias] = key
    aliases["emotions"] = "emotion_words"
    aliases["emotion"] = "emotion_words"
    return aliases


def lane_truth(example_name: str, stage: str, lanes: tuple[str, ...]) -> dict[str, str]:
    """Item -> lane for the given lanes of one stage of an example map.

    Raises if an item sits in two of the lanes, since it could then not be sorted.

    Examples
    --------
    >>> lane_truth("clothing-store", "Advocacy", ("touchpoints",))
    {'Social media': 'touchpoints', 'Referral program': 'touchpoints'}
    """
    found = example(example_name).stage(stage)
    truth: dict[str, str] = {}
    for key in lanes:
        for item in found.get(key):
            if item in truth:
                raise JourneyMapError(
                    [
                        Problem(
                            f"{example_name}: {stage}",
                            f"{item!r} sits in two lanes",
                            "pick lanes whose items differ",
                        )
                    ]
                )
            truth[item] = key
    return truth


def example_stage_of(example_name: str, lane: str) -> dict[str, str]:
    """Item -> stage for one lane of an example map (items found in one stage only).

    Examples
    --------
    >>> example_stage_of("clothing-store", "messages")["Free returns within 30 days"]
    'Decision'
    """
    return _unique_stage((stage.name, stage.get(lane)) for stage in example(example_name).stages)


def framework_stage_of(framework_id: str, field: str) -> dict[str, str]:
    """Item -> stage for one field (``actions``, ``touchpoints`` ...) of a framework.

    Examples
    --------
    >>> framework_stage_of("six-stage", "actions")["Buys again"]
    'Re-purchase'
    """
    return _unique_stage(
        (stage.name, getattr(stage, field)) for stage in get_framework(framework_id).stages
    )


def _unique_stage(stages: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Item -> stage, keeping only items that appear in exactly one stage."""
    seen: dict[str, set[str]] = {}
    for name, items in stages:
        for item in items:
            seen.setdefault(item, set()).add(name)
    return {item: next(iter(names)) for item, names in seen.items() if len(names) == 1}


def crosswalk_truth(a: str, b: str) -> dict[str, dict[str, str]]:
    """Stage of *a* -> {matching stage of *b*: the reason they match}, from the crosswalk.

    Examples
    --------
    >>> truth = crosswalk_truth("eight-stage", "five-stage")
    >>> list(truth["Subscribe"])
    ['Consideration']
    """
    truth: dict[str, dict[str, str]] = {name: {} for name in get_framework(a).stage_names}
    table = crosswalk(a, b)
    for row in table.itertuples(index=False):
        truth[row.from_stage][row.to_stage] = row.reason
    return truth


def fact_figure(fact_id: str) -> tuple[float, str]:
    """The number in a fact's figure and its statement.

    Examples
    --------
    >>> fact_figure("retention-cost")[0]
    5.0
    """
    for fact in facts():
        if fact.id == fact_id:
            number = number_from(fact.figure)
            if number is None:
                break
            return number, fact.statement
    raise JourneyMapError(
        [
            Problem(
                "fact",
                f"no fact {fact_id!r} with a number",
                "use one of " + ", ".join(f.id for f in facts()),
            )
        ]
    )


def fact_stages(framework_id: str) -> dict[str, str]:
    """Figure -> the stage of *framework_id* whose text quotes it (from each fact's source).

    Examples
    --------
    >>> fact_stages("six-stage")
    {'5x': 'Re-purchase', '92%': 'Advocate'}
    """
    names = sorted(get_framework(framework_id).stage_names, key=len, reverse=True)
    found: dict[str, str] = {}
    for fact in facts():
        source = fact.source.casefold()
        for name in names:  # longest first, so "Re-purchase" wins over "Purchase"
            if f"{name.casefold()} stage" in source:
                found[fact.figure] = name
                break
    return found
