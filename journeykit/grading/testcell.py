"""What the test cells of a graded notebook run, in the learner's kernel and in the grader's.

``journeykit course nbgrader`` writes each test cell so that it first drops every
``journeykit`` module from ``sys.modules`` and imports this one afresh: whatever the
learner's cells did to ``q``, ``check`` or ``journeykit.exercises``, the test judges with a
clean copy of the kit's checks, and puts the learner's modules back afterwards. It reads the
answer from the notebook's variables as plain data (:mod:`.plain`), judges it (:func:`mark`)
and shows the kit's feedback; a wrong answer raises :class:`NotYet`, which nbgrader scores as
zero. The output also carries the answer record (:data:`RECORD_MIME`), which the grader judges
again outside the kernel (:mod:`.nbgrader_plugins`) and the class debrief reads
(:mod:`.mistakes`).

A test written with ``full=False`` is the visible half of a hidden test: it says whether the
answer is complete and of the right form, and stays quiet while nbgrader autogrades (its
hidden ``full=True`` twin does the marking).

While nbgrader autogrades a course whose config loads the kit's plugin, the plugin judges
every answer itself (:data:`GRADER_JUDGES` tells the kernel so): a test then only records the
answer, which keeps autograding about as quick as plain ``assert`` cells. The checks load only
when a test judges in the kernel.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .plain import from_plain, to_plain

if TYPE_CHECKING:
    from ..exercises.core import Feedback

#: The output MIME type of an answer record.
RECORD_MIME = "application/vnd.journeykit.answer+json"
#: Set by nbgrader in the kernel while it autogrades.
AUTOGRADING = ("NBGRADER_EXECUTION", "autograde")
#: Set by the kit's nbgrader plugin (:func:`~.nbgrader_plugins.configure`) in the grader's
#: process, and so in every kernel it starts: the plugin judges the answers.
GRADER_JUDGES = "JOURNEYKIT_GRADER_JUDGES"


@dataclass(frozen=True)
class Call:
    """One call a test cell makes: which question, which part, for how many points."""

    exercise: str
    question: str
    points: float
    part: str = ""
    full: bool = True
    kind: str = "test"  # "test" or "rubric"


@dataclass(frozen=True)
class Marked:
    """What a test made of an answer: the feedback to show and the points it earned."""

    call: Call
    shown: Feedback
    passed: bool

    @property
    def score(self) -> float:
        return self.call.points if self.passed and self.call.full else 0.0

    def verdict_line(self) -> str:
        """The line nbgrader shows as the error of a test that gives no points."""
        if not self.call.full:
            return "Not ready yet: see the feedback above before you hand this in."
        points = _points(self.call.points)
        return f"0 of {points}: not yet. The feedback above says what to change."


def _points(points: float) -> str:
    value = int(points) if float(points).is_integer() else points
    return f"{value} point" + ("" if value == 1 else "s")


class NotYet(Exception):
    """Raised by a test whose answer earns no points; shows one line, not a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def _autograding_for_the_plugin() -> bool:
    return os.environ.get(AUTOGRADING[0]) == AUTOGRADING[1] and os.environ.get(GRADER_JUDGES) == "1"


def record(
    call: Call, namespace: dict[str, Any], variables: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The answer record of *call*: the question's *variables* in *namespace*, as plain data."""
    if not variables:
        from .parts import find_question

        variables = find_question(call.exercise, call.question).variables
    answers = {v: to_plain(namespace[v]) for v in variables if v in namespace}
    return {
        "exercise": call.exercise,
        "question": call.question,
        "part": call.part,
        "answers": answers,
    }


def mark(call: Call, answers: dict[str, Any]) -> Marked:
    """Judge the plain-data *answers* of a record for *call* with the kit's checks.

    The expected answer never shows: a hidden (secret) question's feedback is worded without
    it (:meth:`Feedback.safe`), with the question's first hint when the answer is wrong.
    """
    from ..exercises.core import Feedback
    from .parts import find_question, judge

    question = find_question(call.exercise, call.question)
    values = {name: from_plain(value) for name, value in answers.items()}
    feedback = judge(question, call.part, values)
    if not call.full:
        shown = question.form_feedback(feedback)
        return Marked(call, shown, shown.outcome in ("correct", "ready"))
    if question.secret and not feedback.correct:
        safe = feedback.safe()
        hint = (f"Hint: {question.hints[0]}",) if question.hints else ()
        shown = Feedback(safe.outcome, safe.message, safe.details + hint)
        return Marked(call, shown, False)
    return Marked(call, feedback, feedback.correct)


def outputs(marked: Marked, answer_record: dict[str, Any]) -> list[dict[str, Any]]:
    """The notebook outputs of a test: the feedback (with the record), then the error if any."""
    data = {
        "text/markdown": marked.shown.markdown(),
        "text/plain": marked.shown.text(),
        RECORD_MIME: {**answer_record, "outcome": marked.shown.outcome, "score": marked.score},
    }
    shown = [{"output_type": "display_data", "data": data, "metadata": {}}]
    if not marked.passed:
        line = marked.verdict_line()
        shown.append(
            {"output_type": "error", "ename": "NotYet", "evalue": line, "traceback": [line]}
        )
    return shown


def _namespace() -> dict[str, Any]:
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None:
        return dict(shell.user_ns)
    frame = sys._getframe(2)
    return {**frame.f_globals, **frame.f_locals}


def _publish(data: dict[str, Any]) -> None:
    ipython = sys.modules.get("IPython")
    if ipython is not None and ipython.get_ipython() is not None:
        from IPython.display import publish_display_data

        publish_display_data(data)
    else:
        print(data["text/plain"])


def test(
    exercise: str,
    question: str,
    reads: tuple[str, ...] = (),
    *,
    points: float,
    part: str = "",
    full: bool = True,
) -> None:
    """Judge the learner's answer to one question in a graded notebook's test cell.

    *reads* names the notebook variables that hold the answer. Shows the kit's feedback;
    raises :class:`NotYet` (nbgrader's zero) when the answer earns no points, or, with
    ``full=False``, when it is not yet complete and of the right form.
    """
    if not full and os.environ.get(AUTOGRADING[0]) == AUTOGRADING[1]:
        return
    call = Call(exercise, question, points, part, full)
    answer_record = record(call, _namespace(), tuple(reads))
    if _autograding_for_the_plugin():
        _publish(
            {
                "text/plain": "Answer recorded: the grader marks it.",
                RECORD_MIME: {**answer_record, "outcome": "recorded", "score": 0},
            }
        )
        return
    marked = mark(call, answer_record["answers"])
    display, *error = outputs(marked, answer_record)
    _publish(display["data"])
    if error:
        raise NotYet(marked.verdict_line())


def rubric_outputs(call: Call, answer_record: dict[str, Any]) -> list[dict[str, Any]]:
    """The outputs of the capstone's rubric cell: the kit's check, then the rubric."""
    from .parts import find_question, rubric_of

    question = find_question(call.exercise, call.question)
    values = {name: from_plain(value) for name, value in answer_record["answers"].items()}
    feedback = question.evaluate(namespace=values)
    found = rubric_of(values, question.variables[0])
    if found is None:
        html = text = "No rubric yet: the answer is not a journey map."
    else:
        from ..assessment import rubric_html

        html, text = rubric_html(found), str(found)
    record_data = {**answer_record, "outcome": feedback.outcome, "score": 0}
    if found is not None:
        record_data["rubric"] = {row.criterion.id: row.level for row in found.rows}
    return [
        {
            "output_type": "display_data",
            "data": {
                "text/markdown": feedback.markdown(),
                "text/plain": feedback.text(),
                RECORD_MIME: record_data,
            },
            "metadata": {},
        },
        {
            "output_type": "display_data",
            "data": {"text/html": html, "text/plain": text},
            "metadata": {},
        },
    ]


def show_rubric(exercise: str, question: str, reads: tuple[str, ...] = ()) -> None:
    """Show the coach's check and rubric of the capstone map: the grader's suggestion."""
    call = Call(exercise, question, 0, kind="rubric")
    answer_record = record(call, _namespace(), tuple(reads))
    if _autograding_for_the_plugin():
        _publish(
            {"text/plain": "Map recorded: the grader's rubric follows.", RECORD_MIME: answer_record}
        )
        return
    for output in rubric_outputs(call, answer_record):
        _publish(output["data"])
