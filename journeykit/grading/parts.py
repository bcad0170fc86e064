"""How each exercise question is graded: its marked parts, their points, how each is judged.

Everything here is read from the question objects in :mod:`journeykit.exercises`, so a course
made today follows the exercises as they change:

* a question whose answer is a value or a choice is **autograded**: a test cell judges it with
  the kit's own check, worth :data:`POINTS` ``["fact"]``. When the answer is a fact a
  right-or-wrong signal would give away (:attr:`Question.secret`), the test is hidden: the
  learner's test cell checks only the form of the answer before hand-in;
* a question the learner answers by building something (a map, a file) is autograded in the
  open, worth :data:`POINTS` ``["build"]``;
* a reason in the learner's own words is **marked by the grader**, who sees the model answer
  and what to look for;
* the own map (the capstone) is a **manually graded task** whose grader sees the rubric, filled
  in by the coach as a suggestion; it is worth the rubric's points.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Literal

from ..exercises.core import Feedback, Question
from ..exercises.questions import FrameworkChoiceQuestion

#: Points of an autograded part, by what the learner does.
POINTS: dict[str, int] = {"fact": 1, "build": 2, "reason": 2}

How = Literal["auto", "manual", "capstone"]


@dataclass(frozen=True)
class Part:
    """One marked part of a question.

    Parameters
    ----------
    key : str
        ``""`` for the whole question, else the part's name (``"choice"``, ``"reason"``).
    how : {"auto", "manual", "capstone"}
        A test cell judges it; a grader marks it; a grader marks it with the rubric.
    points : int
        What it is worth.
    hidden : bool
        Autograded with a hidden test (the visible one checks the answer's form only).
    variables : tuple of str
        The notebook variables that hold this part's answer.
    model_answer : str
        For a grader: an answer that earns full marks.
    look_for : tuple of str
        For a grader: what a good answer shows.
    """

    key: str
    how: How
    points: int
    hidden: bool
    variables: tuple[str, ...]
    model_answer: str = ""
    look_for: tuple[str, ...] = ()


def find_question(exercise: str, name: str) -> Question:
    """The question *name* (``"q2"``) of exercise notebook *exercise* (``"ex04"``)."""
    if not (exercise[:2] == "ex" and exercise[2:].isdigit() and name[:1] == "q"):
        raise LookupError(f"no exercise question {exercise}.{name}")
    module = import_module(f"journeykit.exercises.{exercise}")
    question = getattr(module, name, None)
    if not isinstance(question, Question):
        raise LookupError(f"no exercise question {exercise}.{name}")
    return question


def questions(exercise: str) -> list[Question]:
    """The questions of exercise notebook *exercise*, in order."""
    return list(import_module(f"journeykit.exercises.{exercise}").QUESTIONS)


def parts(question: Question) -> list[Part]:
    """The marked parts of *question*, in the order the notebook shows them."""
    from ..assessment import LEVELS
    from ..assessment.criteria import criteria_for_every_map
    from ..exercises.maps import MapQuestion

    if isinstance(question, MapQuestion):
        return [
            Part(
                "",
                "capstone",
                (len(LEVELS) - 1) * len(criteria_for_every_map()),
                False,
                question.variables,
                look_for=tuple(f"{c.title}: {c.asks}" for c in criteria_for_every_map()),
            )
        ]
    if isinstance(question, FrameworkChoiceQuestion):
        choice, reason = question.variables
        # the question describes its reason for graders (exercises.core.Part): one source
        described = next(p for p in question.parts() if p.variable == reason)
        return [
            Part("choice", "auto", POINTS["fact"], True, (choice,)),
            Part(
                "reason",
                "manual",
                POINTS["reason"],
                False,
                (reason,),
                model_answer=described.model_answer,
                look_for=described.look_for,
            ),
        ]
    kind = "fact" if question.secret else "build"
    return [Part("", "auto", POINTS[kind], question.secret, question.variables)]


def judge(question: Question, part: str, answers: Mapping[str, Any]) -> Feedback:
    """The kit's feedback on the answer to one autograded *part* of *question*.

    *answers* maps the question's variables to the learner's values (a missing variable is
    simply absent).
    """
    if part == "choice" and isinstance(question, FrameworkChoiceQuestion):
        return _choice(question, answers)
    return question.evaluate(namespace=answers)


def _choice(question: FrameworkChoiceQuestion, answers: Mapping[str, Any]) -> Feedback:
    """The framework choice alone (its reason is marked by the grader)."""
    choice_var, reason_var = question.variables
    value = answers.get(choice_var)
    fid = question.framework_of(value) if isinstance(value, str) else None
    if fid is None:
        # not a framework, not filled in, or not text: the check's own words say which
        stand_in = {**answers, reason_var: "a reason long enough to be read"}
        return question.evaluate(namespace=stand_in)
    verdict = question.verdicts[fid]
    if not verdict.accept:
        return question.verdict(verdict.feedback)
    return question.correct(verdict.feedback)


def rubric_of(answers: Mapping[str, Any], variable: str) -> Any:
    """The rubric of the map in *answers* (None when the variable holds no map).

    The capstone comes before notebook 10 teaches evidence, so it is judged on the criteria
    that count for every map: its points match the cell's, tagged or not.
    """
    from ..assessment import rubric
    from ..assessment.criteria import criteria_for_every_map
    from ..model import JourneyMap

    value = answers.get(variable)
    if not isinstance(value, JourneyMap):
        return None
    return rubric(value, criteria=criteria_for_every_map())
