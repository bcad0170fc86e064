"""Exercises for ``00_welcome``: running cells, the catalogue, saving a map, finding gaps.

Use in a notebook: ``from journeykit.exercises import ex00 as q, ____``.
"""

from __future__ import annotations

from ..catalogue import LANES, framework_ids, get_framework
from ..model import JourneyMap
from .core import bind
from .files import SavedMapQuestion
from .questions import NumberQuestion

#: The framework the practice maps in this notebook use.
PRACTICE_FRAMEWORK = "five-stage"


def _stage_count_slip() -> dict[float, str]:
    distinct = {len(get_framework(fid).stages) for fid in framework_ids()}
    return {
        len(distinct): "that is how many different stage counts there are. Two frameworks "
        "have the same number of stages, but they are separate frameworks: "
        "count the ids."
    }


q1 = NumberQuestion(
    "framework_count",
    lambda: len(framework_ids()),
    near_misses=_stage_count_slip,
    otherwise="that is not how many frameworks the kit teaches. Run `jk.framework_ids()` and "
    "count the ids it lists.",
    explain=lambda: "the kit teaches " + ", ".join(framework_ids()) + ".",
    hints=(
        "`jk.framework_ids()` returns a list with one id per framework.",
        "`len(...)` counts the items in a list.",
    ),
    solution="framework_count = len(jk.framework_ids())",
    explanation="Counting with `len` keeps the answer right even if the catalogue grows.",
)

q2 = SavedMapQuestion(
    variables="saved_path",
    hints=(
        '`jk.map_path("first_map")` gives the path for a map called first_map in your maps folder.',
        "`first_map.save(path)` writes the file and returns the path it wrote.",
    ),
    solution='first_map = jk.JourneyMap.new("five-stage", title="My first map")\n'
    'saved_path = first_map.save(jk.map_path("first_map"))',
    explanation="`save` writes the whole map as JSON in one step, so a half-written file "
    "never replaces your work, and returns the path so you can open it again "
    "with `jk.load_map(saved_path)`.",
)


def _gap_slips() -> dict[float, str]:
    stages = len(get_framework(PRACTICE_FRAMEWORK).stages)
    lanes = sum(1 for spec in LANES if not spec.optional)  # the blueprint's are never gaps
    return {
        stages: f"{stages} is the number of stages. Each stage has {lanes} lanes, and "
        "every empty lane counts as a gap.",
        lanes: f"{lanes} is the number of lanes in one stage; the map has {stages} stages.",
    }


q3 = NumberQuestion(
    "gap_count",
    lambda: len(JourneyMap.new(PRACTICE_FRAMEWORK).gaps()),
    near_misses=_gap_slips,
    otherwise="count again: `blank.gaps()` lists every empty (stage, lane) pair of the map.",
    explain=lambda: "a blank map is all gaps: every lane of every stage is still empty.",
    hints=(
        "`blank.gaps()` returns a list of (stage, lane) pairs that are still empty.",
        "`len(blank.gaps())` counts them.",
    ),
    solution='blank = jk.JourneyMap.new("five-stage", title="Practice")\n'
    "gap_count = len(blank.gaps())",
    explanation="`gaps()` is a to-do list for a map: it shrinks as you fill lanes in.",
)

QUESTIONS = bind(globals())
