"""Questions answered with a journey map: fill one stage, or build a small map.

Both check what a reviewer would: the map validates (``m.problems()`` is
empty), the required lanes hold enough items, no ``...`` is left from the
template, each item is the right kind for its lane (judged against every item
the kit's catalogue and examples place in a lane), and goals are written from
the customer's side rather than as the business's own steps. A map of the
learner's own (:class:`MapQuestion`) is judged by :func:`journeykit.review`:
it passes when no ``fix`` finding remains in the stages it has started.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..catalogue import LANES_BY_KEY
from ..coaching import review
from ..coaching.kinds import LANE_NOUNS, kind_of
from ..coaching.reading import read_goal
from ..model import JourneyMap, Stage, type_name
from ._text import join_words, quote
from .core import Feedback, Question, capped
from .truths import framework_phrase

#: Lanes whose items are both things the business does: an item the kit's data knows
#: from one of them fits the other ("Offer guest checkout" is an opportunity in the
#: worked example and a perfectly good business activity).
_BUSINESS_SIDE_LANES = frozenset({"business_activities", "opportunities"})
_TEMPLATE_LEFTOVER = re.compile(r"^\s*(\.\.\.|…|____)\s*$")


def blank_stage(journey_map: JourneyMap, stage: str) -> JourneyMap:
    """Empty every lane of *stage* in *journey_map* (in place) and return the map.

    Examples
    --------
    >>> import journeykit as jk
    >>> blank_stage(jk.example("clothing-store"), "Decision").stage("Decision").is_blank()
    True
    """
    for key, spec in LANES_BY_KEY.items():
        journey_map.set_lane(stage, key, spec.empty())
    return journey_map


def _lane_items(stage: Stage, key: str) -> list[str]:
    value = stage.get(key)
    if isinstance(value, list):
        return value
    return [] if value in ("", None) else [str(value)]


def leftovers(stage: Stage) -> list[str]:
    """Lanes of *stage* that still hold a ``...`` from the template."""
    return [
        f"{stage.name}: replace the ... in {LANES_BY_KEY[key].label.lower()} with your own words."
        for key in LANES_BY_KEY
        if any(_TEMPLATE_LEFTOVER.match(item) for item in _lane_items(stage, key))
    ]


def wrong_kinds(stage: Stage) -> list[str]:
    """Items the kit's data knows as another kind of item than the lane they are in."""
    found = []
    for key, spec in LANES_BY_KEY.items():
        if spec.kind != "list":
            continue
        for item in stage.get(key):
            kind = kind_of(item)
            if kind is not None and kind != key and {kind, key} != _BUSINESS_SIDE_LANES:
                found.append(
                    f"{quote(item)} is {LANE_NOUNS[kind]}, not {LANE_NOUNS[key]} (in {stage.name})."
                )
    return found


def business_voice(stage: Stage) -> list[str]:
    """A note when the stage goal reads as the business's step, not the customer's goal
    (read by meaning, as the coach reads it: :func:`journeykit.coaching.reading.read_goal`)."""
    if stage.goal and read_goal(stage.goal).side == "business":
        return [
            f"{stage.name}: the goal {quote(stage.goal)} is the business's step. Write "
            f"what the customer wants to get done, in their words."
        ]
    return []


def shortfalls(stage: Stage, required: Mapping[str, int]) -> list[str]:
    """What *stage* still lacks: lanes with fewer items than *required*."""
    missing = []
    for key, need in required.items():
        have = len(_lane_items(stage, key))
        if have < need:
            noun = LANES_BY_KEY[key].label.lower()
            missing.append(f"{noun} (at least {need}, it has {have})" if need > 1 else noun)
    return missing


def _not_a_map(variable: str, value: Any) -> str:
    return f"`{variable}` should hold a journey map (a `JourneyMap`); it holds {type_name(value)}."


class StageFillQuestion(Question):
    """Fill in one stage of a map that is otherwise complete.

    Parameters
    ----------
    variable : str
        The notebook variable holding the map.
    framework, stage : str
        The map's framework and the stage to fill.
    required : mapping of lane key -> minimum number of items
        ``{"touchpoints": 2}`` means at least two touchpoints.
    """

    kind = "fill a stage"
    secret = False

    def __init__(
        self, variable: str, framework: str, stage: str, required: Mapping[str, int], **kwargs: Any
    ) -> None:
        super().__init__(variables=variable, **kwargs)
        self.framework = framework
        self.stage = stage
        self.required = dict(required)

    def judge(self, value: Any) -> Feedback:
        variable = self.variables[0]
        if not isinstance(value, JourneyMap):
            return self.wrong(_not_a_map(variable, value))
        if value.framework != self.framework:
            return self.wrong(
                f"`{variable}` follows the {value.framework} framework; this "
                f"exercise uses {framework_phrase(self.framework)}."
            )
        stage = value.stage(self.stage)
        if stage.is_blank():
            return self.fill_in(
                f"the {self.stage} stage of `{variable}` (uncomment the "
                f"`set_lane` lines and write your own words)"
            )
        problems = [str(p) for p in value.problems()]
        if problems:
            return self.wrong("the map does not validate yet:", capped(problems))
        todo = leftovers(stage)
        if todo:
            return self.wrong("the template is still showing through:", capped(todo))
        missing = shortfalls(stage, self.required)
        if missing:
            return self.wrong(f"the {self.stage} stage still needs {join_words(missing)}.")
        misplaced = wrong_kinds(stage) + business_voice(stage)
        if misplaced:
            return self.wrong("some items are in the wrong lane:", capped(misplaced))
        return self.correct(
            f"the {self.stage} stage validates and every lane holds the right kind of item."
        )


class MapQuestion(Question):
    """Build a small map of your own that validates, with enough lanes filled and nothing to fix.

    After the map validates and *min_stages* stages hold every lane in *lanes*,
    the map review (:func:`journeykit.review`) has the last word: any ``fix``
    finding about the persona or a started stage is shown; ``fix`` findings
    about stages not started yet (such as the stages after the purchase) are
    left for later, and the next step is named in the feedback.

    Parameters
    ----------
    variable : str
        The notebook variable holding the map.
    min_stages : int
        How many stages must have every lane in *lanes* filled.
    lanes : tuple of str
        The lanes a filled stage needs.
    """

    kind = "build a map"
    secret = False

    def __init__(
        self, variable: str, min_stages: int, lanes: tuple[str, ...], **kwargs: Any
    ) -> None:
        super().__init__(variables=variable, **kwargs)
        self.min_stages = min_stages
        self.lanes = lanes

    def judge(self, value: Any) -> Feedback:
        variable = self.variables[0]
        if not isinstance(value, JourneyMap):
            return self.wrong(_not_a_map(variable, value))
        if all(stage.is_blank() for stage in value.stages):
            return self.fill_in(
                f"the stages of `{variable}` (add `set_lane` lines under the "
                f"`JourneyMap.new(...)` line)"
            )
        problems = [str(p) for p in value.problems()]
        if problems:
            return self.wrong("the map does not validate yet:", capped(problems))
        if not value.title.strip():
            return self.wrong('give the map a title: `JourneyMap.new(..., title="...")`.')
        if not (value.persona.name.strip() and value.persona.description.strip()):
            return self.wrong(
                "the map needs a persona with a name and a one-line "
                'description: `persona=jk.Persona("Name", "Who they are")`.'
            )
        todo = [line for stage in value.stages for line in leftovers(stage)]
        if todo:
            return self.wrong("the template is still showing through:", capped(todo))
        required = dict.fromkeys(self.lanes, 1)
        complete = [s for s in value.stages if not shortfalls(s, required)]
        if len(complete) < self.min_stages:
            partial = [
                f"{s.name} still needs {join_words(shortfalls(s, required))}."
                for s in value.stages
                if not s.is_blank() and shortfalls(s, required)
            ]
            return self.wrong(
                f"{len(complete)} of the {self.min_stages} stages you need are "
                f"complete; a complete stage has "
                f"{join_words(LANES_BY_KEY[k].label.lower() for k in self.lanes)}.",
                capped(partial),
            )
        found = review(value)
        to_fix = [
            f"{f.message} {f.fix}"
            for f in found.fixes
            if f.stage is None or not value.stage(f.stage).is_blank()
        ]
        if to_fix:
            return self.wrong("the map review still finds a mistake in the method:", capped(to_fix))
        done = (
            f"{quote(value.title)} validates, with {len(complete)} complete stages for "
            f"{value.persona.name} and nothing to fix in them."
        )
        rest = [f for f in found if f.level != "praise"]
        return self.correct(done + (f" Next step: {found.next_step}" if rest else ""))
