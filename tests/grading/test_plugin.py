"""The kit's nbgrader plugin, cell by cell: a test cell's outputs are written from its answer
record, judged here, whatever the kernel printed (no nbgrader run; the end-to-end test runs it)."""

from __future__ import annotations

import json

import nbformat
import pytest

from journeykit.grading.course import _test_cell
from journeykit.grading.parts import parts, questions
from journeykit.grading.testcell import RECORD_MIME
from tests.conftest import ON_CI

if not ON_CI:  # on CI (make test installs nbgrader) a missing nbgrader fails the import below
    pytest.importorskip("nbgrader")
from journeykit.grading.nbgrader_plugins import (
    FeedbackExporter,
    calls_in,
    judge_cell,
    offline,
)


def kit_cell(exercise: str, name: str, outputs: list[dict]) -> nbformat.NotebookNode:
    question = next(q for q in questions(exercise) if q.name == name)
    (part,) = [p for p in parts(question) if p.how == "auto"]
    cell = nbformat.from_dict(_test_cell(exercise, name, name[1:], part))
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    return cell


def claimed(answers: dict, outcome: str = "correct") -> dict:
    """An output as a kernel could print it: a record and a claim of full marks."""
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {
            "text/plain": "Correct",
            RECORD_MIME: {
                "exercise": "ex02",
                "question": "q3",
                "part": "",
                "answers": answers,
                "outcome": outcome,
                "score": 1,
            },
        },
    }


def said(cell) -> str:
    return "\n".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)


def errors(cell) -> list:
    return [o for o in cell.outputs if o.output_type == "error"]


def test_a_wrong_answer_claimed_correct_by_the_kernel_scores_nothing():
    cell = kit_cell("ex02", "q3", [claimed({"shortlist_stage": "Engage"})])
    assert judge_cell(cell)
    assert said(cell).startswith("Not quite: Engage is a different step")
    assert errors(cell)[0].evalue.startswith("0 of 1 point")
    record = cell.outputs[0].data[RECORD_MIME]
    assert record["answers"] == {"shortlist_stage": "Engage"} and record["score"] == 0


def test_a_right_answer_scores_whatever_the_kernel_said():
    cell = kit_cell("ex02", "q3", [claimed({"shortlist_stage": "Investigate"}, "incorrect")])
    judge_cell(cell)
    assert said(cell).startswith("Correct") and not errors(cell)


@pytest.mark.parametrize(
    ("outputs", "why"),
    [
        ([], "it did not run"),
        (
            [{"output_type": "error", "ename": "CellTimeoutError", "evalue": "", "traceback": []}],
            "it stopped with CellTimeoutError",
        ),
        ([{"output_type": "stream", "name": "stdout", "text": "Correct\n"}], "it did not run"),
        ([claimed({"shortlist_stage": {"$dict": "not pairs"}})], "it did not run"),
    ],
    ids=["no-output", "timeout", "printed-correct", "unreadable-record"],
)
def test_a_test_that_left_no_readable_answer_scores_nothing_and_says_why(outputs, why):
    cell = kit_cell("ex02", "q3", outputs)
    judge_cell(cell)
    assert "this test could not finish" in said(cell) and why in said(cell)
    assert errors(cell)


def test_a_record_for_another_question_is_not_taken():
    output = claimed({"stage_order": ["Discover"]})
    output["data"][RECORD_MIME]["question"] = "q1"
    cell = kit_cell("ex02", "q3", [output])
    judge_cell(cell)
    assert "could not finish" in said(cell)


def test_only_the_kit_s_cells_are_touched():
    cell = nbformat.v4.new_code_cell("print('hello')", outputs=[])
    assert calls_in(cell.source) == []
    assert not judge_cell(cell)


def test_the_feedback_page_loads_nothing_from_the_internet():
    page = (
        '<head><script src="https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js">'
        ' </script><link rel="stylesheet" href="http://example.org/x.css">'
        "<script>var local = 1;</script></head>"
    )
    assert offline(page) == "<head><script>var local = 1;</script></head>"
    assert issubclass(FeedbackExporter, object) and json.dumps(offline(page))


def test_a_hidden_test_teaches_without_naming_where_an_item_belongs():
    from journeykit.grading.testcell import Call, mark

    wrong = {
        "Facebook ad": "Awareness",
        "Review sections": "Consideration",
        "Checkout page": "Decision",
        "Delivery tracking": "Decision",
        "Referral program": "Advocacy",
    }
    shown = mark(
        Call("ex04", "q2", 1), {"touchpoint_stage": {"$dict": [[k, v] for k, v in wrong.items()]}}
    ).shown
    text = shown.text()
    assert "'Delivery tracking'" in text and "Hint:" in text
    assert "Retention" not in text and "belongs to" not in text
    visible = mark(
        Call("ex04", "q2", 1, full=False),
        {"touchpoint_stage": {"$dict": [[k, v] for k, v in wrong.items()]}},
    )
    assert visible.passed and visible.shown.outcome == "ready"
