"""Real nbgrader, end to end, on every exercise notebook (the run is ``graded_course``).

Marks: a submission of the solutions scores every autograded point, the untouched notebook,
the typical wrong answers and every kind of tampering score none. The exported CSV holds
exactly those points. Feedback pages open offline, show the kit's feedback for each question
and never a hidden test or a mark scheme. Broken submissions are reported with a reason while
the rest of each is graded; an LMS zip is collected and graded.
"""

from __future__ import annotations

import functools
import os
import re
from typing import Any

import nbformat
import pytest

from journeykit.grading.parts import parts, questions
from journeykit.grading.plain import to_plain
from journeykit.grading.testcell import RECORD_MIME, Call, mark

from .conftest import (
    EXERCISES,
    MARKUP_ANSWER,
    STUDENTS,
    TAMPER_OF,
    TAMPERING,
    auto_points,
    with_answers,
    wrong_code,
)

pytestmark = pytest.mark.filterwarnings("ignore")


@functools.cache
def expected_score(exercise: str, student: str) -> float:
    """What each learner should score: every autograded point for the solutions, none for
    the untouched notebook, and for the wrong answers (tampered or not) what the kit's checks,
    run here in this process, give them (a wrong reason beside a right choice keeps the
    choice's point)."""
    if student == "solved":
        return auto_points(exercise)
    if student == "untouched":
        return 0.0
    return sum(
        part.points
        for question in questions(exercise)
        for part in parts(question)
        if part.how == "auto" and _judged(exercise, question.name, part.key, part.points)[2]
    )


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_learner_gets_exactly_the_points_their_answers_earn(graded_course, exercise):
    got = {s: graded_course.scores[(exercise, s)] for s in STUDENTS}
    assert got == {s: expected_score(exercise, s) for s in STUDENTS}
    assert auto_points(exercise) > expected_score(exercise, "wrong")


@pytest.mark.parametrize("kind", list(TAMPERING))
def test_each_kind_of_tampering_earns_no_marks(graded_course, kind):
    notebooks = [ex for ex, k in TAMPER_OF.items() if k == kind]
    assert len(notebooks) >= 2
    for exercise in notebooks:
        assert graded_course.scores[(exercise, "tamper")] == expected_score(exercise, "wrong")
        # the test cells judged the recorded (wrong) answers, not what the tampering printed
        nb = graded_course.autograded("tamper", exercise)
        texts = [
            o.get("data", {}).get("text/plain", "")
            for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade")
            for o in c.get("outputs", [])
        ]
        assert texts and not any(t.startswith("Correct") for t in texts)


def test_the_kernel_alone_stops_redefining_q_check_and_patching_the_exercises(graded_course):
    """Without the kit's nbgrader plugin, the fresh copy of the checks in each test cell
    is what keeps the marks at zero for these three."""
    for (exercise, kind), score in graded_course.without_plugin.items():
        if kind != "fake-kit-on-path":
            assert score == expected_score(exercise, "wrong"), (exercise, kind)


def test_only_judging_outside_the_kernel_stops_a_fake_kit_on_the_path(graded_course):
    """A deliberate break: the same submission, autograded without the plugin, gets marks.
    The plugin is what takes them away again (the test above scores it zero)."""
    ((exercise, _),) = [k for k in graded_course.without_plugin if k[1] == "fake-kit-on-path"]
    assert graded_course.without_plugin[(exercise, "fake-kit-on-path")] == auto_points(exercise)
    assert graded_course.scores[(exercise, "tamper")] == expected_score(exercise, "wrong")
    nb = graded_course.autograded("tamper", exercise)
    said = "\n".join(
        o.get("data", {}).get("text/plain", "")
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.get("output_type") == "display_data"
    )
    assert "this test could not finish" in said


def test_the_exported_csv_holds_exactly_the_expected_points(graded_course):
    rows = {(r["assignment"], r["student_id"]): r for r in graded_course.grades_csv}
    for exercise in EXERCISES:
        for student in STUDENTS:
            row = rows[(exercise, student)]
            assert float(row["raw_score"]) == expected_score(exercise, student), (exercise, student)
            manual = sum(p.points for q in questions(exercise) for p in parts(q) if p.how != "auto")
            assert float(row["max_score"]) == auto_points(exercise) + manual
    assert float(rows[("ex04", "broken_loop")]["raw_score"]) == 3  # q1 and q3 still count
    assert float(rows[("ex05", "1001")]["raw_score"]) == auto_points("ex05")
    assert float(rows[("ex05", "1002")]["raw_score"]) == expected_score("ex05", "wrong")


def _grade_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]


def test_released_notebooks_keep_the_blanks_and_hide_what_would_give_answers_away(graded_course):
    for exercise in EXERCISES:
        release = graded_course.release(exercise)
        text = "\n".join(c.source for c in release.cells)
        assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
        assert "MARK SCHEME" not in text
        assert "____" in text
        for question in questions(exercise):
            assert question.solution_code.strip() not in text, (exercise, question.name)
        hidden = [p for q in questions(exercise) for p in parts(q) if p.hidden]
        assert text.count("full=False") == len(hidden)


def _judged(exercise: str, name: str, part: str, points: float) -> tuple[str, Any, bool]:
    """What the kit shows about the ``wrong`` learner's answer, judged in this process, the
    check's full feedback (which may name the expected answer), and whether it earns points."""
    import journeykit as jk
    from journeykit.exercises import ____
    from journeykit.grading.parts import judge

    namespace: dict[str, Any] = {"jk": jk, "____": ____}
    namespace["q"] = __import__(f"journeykit.exercises.{exercise}", fromlist=["q"])
    exec(wrong_code(exercise, name), namespace)
    question = next(q for q in questions(exercise) if q.name == name)
    answers = {v: to_plain(namespace[v]) for v in question.variables if v in namespace}
    marked = mark(Call(exercise, name, points, part), answers)
    full = judge(question, part, {v: namespace[v] for v in answers})
    return marked.shown.message, full, marked.passed


def _flat(text: str) -> str:
    return " ".join(text.replace("`", "").split())


@pytest.mark.browser
@pytest.mark.parametrize("exercise", EXERCISES)
def test_feedback_pages_open_offline_and_teach_without_giving_answers_away(
    graded_course, chromium_page, exercise, test_output_dir
):
    page = graded_course.feedback_page("wrong", exercise)
    chromium_page.goto(page)
    page_text = _flat(chromium_page.page.inner_text("body"))
    html = page.read_text("utf-8")
    chromium_page.assert_clean()
    assert "HIDDEN TESTS" not in html and "MARK SCHEME" not in html
    assert "Model answer" not in html
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']https?:", html)
    withheld = 0
    for question in questions(exercise):
        for part in parts(question):
            if part.how != "auto":
                continue
            shown, full, _ = _judged(exercise, question.name, part.key, part.points)
            assert _flat(shown) in page_text, (question.name, shown)
            if part.hidden and full.without_answer is not None:
                # the check's own wording names where each item belongs: never shown here
                for detail in full.details:
                    assert _flat(detail) not in page_text, (question.name, detail)
                if not shown.startswith(full.message):
                    assert _flat(full.message) not in page_text, (question.name, full.message)
                withheld += 1
    if exercise in ("ex02", "ex04", "ex07"):
        assert withheld, "these notebooks have match or order questions to withhold"
    if exercise == "ex04":
        chromium_page.page.screenshot(
            path=str(test_output_dir / "feedback-ex04.png"), full_page=True
        )


def test_every_test_cell_keeps_the_answer_it_judged(graded_course):
    for exercise in EXERCISES:
        nb = graded_course.autograded("wrong", exercise)
        records = [
            o["data"][RECORD_MIME]
            for c in _grade_cells(nb)
            for o in c.outputs
            if RECORD_MIME in o.get("data", {})
        ]
        auto = [p for q in questions(exercise) for p in parts(q) if p.how == "auto"]
        assert len(records) == len(auto)
        assert all(r["answers"] for r in records), exercise
        assert sum(r["score"] for r in records) == expected_score(exercise, "wrong")


def test_broken_submissions_are_reported_with_a_reason_and_the_rest_still_graded(graded_course):
    lines = {s.student: s for s in graded_course.report}
    notjson = lines["broken_notjson"]
    assert not notjson.graded and "is not a notebook" in notjson.line()
    deleted = lines["broken_deleted"]
    assert deleted.graded and deleted.score == 3  # q2's test put back and run; q1 gone
    assert "q1-answer was deleted" in deleted.line() and "q2-test was deleted" in deleted.line()
    loop = lines["broken_loop"]
    assert loop.graded and loop.score == 3 and "ran longer than 20 s" in loop.line()
    assert "q2-answer" in loop.line()
    broken_import = lines["broken_import"]
    assert broken_import.graded and broken_import.score == 3
    assert "ModuleNotFoundError" in broken_import.line() and "q1-answer" in broken_import.line()


def test_an_lms_zip_is_collected_and_graded(graded_course):
    assert graded_course.collected == ["1001", "1002"]
    lines = {s.student: s for s in graded_course.report}
    assert lines["1001"].score == auto_points("ex05")
    assert lines["1002"].score == expected_score("ex05", "wrong")
    assert MARKUP_ANSWER[0] in EXERCISES


def test_a_learner_running_the_released_notebook_sees_the_form_not_the_verdict(
    graded_course, tmp_path
):
    """Before hand-in (no nbgrader around): a hidden test says only whether the answer is
    complete and well formed; a visible test gives the kit's full check; the checks in an
    assessed notebook do the same, and solutions stay hidden."""
    from nbclient import NotebookClient

    release = graded_course.release("ex04")
    wrong = {
        "q1": wrong_code("ex04", "q1"),  # complete, well formed, wrong
        "q2": 'touchpoint_stage = {"Facebook ad": "Awarenes"}',  # a typo, items missing
        "q3": wrong_code("ex04", "q3"),
    }
    nb = with_answers(release, wrong)
    nb.cells.append(nbformat.v4.new_code_cell("q.q1.check()\nq.q1.solution()"))
    env_before = dict(os.environ)
    os.environ.pop("NBGRADER_EXECUTION", None)
    try:
        NotebookClient(
            nb,
            kernel_name="python3",
            allow_errors=True,
            resources={"metadata": {"path": str(tmp_path)}},
        ).execute()
    finally:
        os.environ.clear()
        os.environ.update(env_before)
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}

    def said(cell):
        return "\n".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)

    def failed(cell):
        return [o for o in cell.outputs if o.output_type == "error"]

    assert said(by_id["q1-test"]).startswith("Ready: your answer is complete")
    assert not failed(by_id["q1-test"])
    assert "'Awarenes' is not a stage" in said(by_id["q2-test"]) or "missing" in said(
        by_id["q2-test"]
    )
    assert failed(by_id["q2-test"])[0].evalue.startswith("Not ready yet")
    assert "'Offer discount codes' is a business activity" in said(by_id["q3-test"])
    assert failed(by_id["q3-test"])[0].evalue.startswith("0 of 2 points")
    last = said(nb.cells[-1])
    assert "Ready: your answer is complete" in last and "solutions stay hidden" in last
    assert "Spots a Facebook ad" not in last


@pytest.mark.browser
def test_what_the_class_got_wrong_is_a_debrief_page_that_escapes_learner_text(
    graded_course, chromium_page, test_output_dir
):
    from journeykit.grading.mistakes import class_mistakes, mistakes_table, write_mistakes_page

    exercise, name, _ = MARKUP_ANSWER
    tallies = {t.question: t for t in class_mistakes(graded_course.root, exercise)}
    assert [t for t in tallies] == [q.name for q in questions(exercise)]
    markup = tallies[name]
    # solved right; untouched blank; wrong and tamper the same wrong answer
    assert (markup.submissions, markup.correct, markup.blank) == (4, 1, 1)
    point, count, example = markup.top()[0]
    assert count == 2 and "is not a stage" in point and example == "<img src=x onerror=alert(1)>"
    table = mistakes_table(list(tallies.values()))
    assert list(table["share_correct"]) == [0.25] * len(tallies)
    page = write_mistakes_page(graded_course.root, exercise, test_output_dir / "mistakes.html")
    html = page.read_text("utf-8")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    for student in ("untouched", "tamper"):
        assert student not in html  # no names
    chromium_page.goto(page)
    chromium_page.page.wait_for_selector(".main-svg")
    text = chromium_page.page.inner_text("body")
    assert "<img src=x onerror=alert(1)>" in text  # shown as typed, never run
    chromium_page.assert_clean()
    chromium_page.page.screenshot(path=str(test_output_dir / "mistakes.png"), full_page=True)
