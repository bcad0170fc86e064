"""``journeykit course nbgrader``: the course directory, cell by cell (no nbgrader run here;
``test_nbgrader_end_to_end`` runs the real thing)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from journeykit.cli import main
from journeykit.errors import JourneyMapError
from journeykit.exercises.tracking import COURSE
from journeykit.grading import nbgrader_course
from journeykit.grading.course import assignment_notebook, exercises_folder
from journeykit.grading.nbgrader_plugins import calls_in
from journeykit.grading.parts import parts, questions

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    return nbgrader_course(tmp_path_factory.mktemp("c") / "course")


def cells_of(course, exercise):
    assignment = next(a for a in course.assignments if a.id == exercise)
    return json.loads(assignment.notebook.read_text("utf-8"))["cells"]


def nbgrader(cell):
    return cell["metadata"].get("nbgrader", {})


def test_one_assignment_per_exercise_notebook(course):
    assert [a.id for a in course.assignments] == list(COURSE)
    for a in course.assignments:
        assert a.notebook == course.root / "source" / a.id / COURSE[a.id][1]
    config = (course.root / "nbgrader_config.py").read_text("utf-8")
    assert "configure(c)" in config and 'code_stub = {"python": ""}' in config
    compile(config, "nbgrader_config.py", "exec")
    assert exercises_folder() == ROOT / "exercises"


@pytest.mark.parametrize("exercise", list(COURSE))
def test_every_question_has_its_answer_cell_and_its_marked_parts(course, exercise):
    cells = cells_of(course, exercise)
    ids = [nbgrader(c).get("grade_id") for c in cells if nbgrader(c)]
    assert len(ids) == len(set(ids)), "grade ids are unique"
    assert len({c["id"] for c in cells}) == len(cells), "cell ids are unique"
    assert nbgrader(cells[[nbgrader(c).get("grade_id") for c in cells].index("setup")])["locked"]
    for question in questions(exercise):
        answer = next(c for c in cells if nbgrader(c).get("grade_id") == f"{question.name}-answer")
        assert nbgrader(answer)["solution"] and not nbgrader(answer)["grade"]
        source = answer["source"]
        template, solution = source.split("### BEGIN SOLUTION\n")
        assert "____" in template or "#" in template  # the exercise's own template first
        assert solution.rstrip().endswith("### END SOLUTION")
        assert question.solution_code.strip() in solution
        for part in parts(question):
            suffix = f"-{part.key}" if part.key else ""
            if part.how == "auto":
                test = next(
                    c
                    for c in cells
                    if nbgrader(c).get("grade_id") == f"{question.name}{suffix}-test"
                )
                meta = nbgrader(test)
                assert meta["grade"] and meta["locked"] and meta["points"] == part.points
                assert ("### BEGIN HIDDEN TESTS" in test["source"]) == part.hidden
                calls = calls_in(test["source"])
                assert [c.full for c in calls] == ([False, True] if part.hidden else [True])
                assert {(c.exercise, c.question, c.part) for c in calls} == {
                    (exercise, question.name, part.key)
                }
                # the test cell itself never holds an answer
                assert question.solution_code.strip() not in test["source"]
            else:
                task = next(
                    c
                    for c in cells
                    if nbgrader(c).get("task") and question.name in nbgrader(c)["grade_id"]
                )
                assert nbgrader(task)["points"] == part.points
                assert "### BEGIN MARK SCHEME" in task["source"]


def test_facilitator_notes_and_the_progress_cell_stay_out(course):
    for exercise in COURSE:
        for cell in cells_of(course, exercise):
            assert cell["metadata"].get("slideshow", {}).get("slide_type") != "notes"
            assert "jk.progress(" not in cell["source"]


def test_secret_answers_get_hidden_tests_and_built_answers_visible_ones():
    hidden = {
        (ex, q.name): p.hidden
        for ex in COURSE
        for q in questions(ex)
        for p in parts(q)
        if p.how == "auto"
    }
    assert hidden[("ex02", "q1")] and hidden[("ex04", "q2")] and hidden[("ex01", "q1")]
    assert not hidden[("ex04", "q3")] and not hidden[("ex08", "q3")] and not hidden[("ex00", "q2")]


def test_the_reasons_and_the_capstone_are_marked_by_hand(course):
    cells = cells_of(course, "ex06")
    reason = next(c for c in cells if nbgrader(c).get("grade_id") == "q3-reason")
    assert "**Model answer.**" in reason["source"] and "**What to look for.**" in reason["source"]
    # the question's own description for graders (exercises.core.Part), word for word
    assert "which stage holds that conversation (Engage)" in reason["source"]
    from journeykit.exercises import ex06

    described = next(p for p in ex06.q3.parts() if p.kind == "reason")
    assert described.model_answer in reason["source"]
    assert all(point in reason["source"] for point in described.look_for)
    cells = cells_of(course, "ex07")
    rubric = next(c for c in cells if nbgrader(c).get("grade_id") == "q4-rubric")
    task = next(c for c in cells if nbgrader(c).get("grade_id") == "q4-task")
    assert nbgrader(rubric)["locked"] and not nbgrader(rubric)["grade"]
    assert 'show_rubric("ex07", "q4", ("my_map",))' in rubric["source"]
    assert nbgrader(task)["task"] and nbgrader(task)["points"] == 21
    assert not any(nbgrader(c).get("grade_id") == "q4-test" for c in cells)


def test_an_edited_assignment_is_never_overwritten_without_force(tmp_path):
    nbgrader_course(tmp_path, ["ex01"])
    notebook = tmp_path / "source" / "ex01" / COURSE["ex01"][1]
    notebook.write_text(notebook.read_text("utf-8").replace("Question 1", "Frage 1"), "utf-8")
    with pytest.raises(JourneyMapError, match="exists already"):
        nbgrader_course(tmp_path, ["ex01"])
    assert "Frage 1" in notebook.read_text("utf-8")
    nbgrader_course(tmp_path, ["ex01"], force=True)
    assert "Frage 1" not in notebook.read_text("utf-8")


def test_bad_requests_say_what_to_do(tmp_path, capsys):
    assert main(["course", "nbgrader", str(tmp_path), "--exercises", "ex01,ex42"]) == 1
    assert "the course has no exercise ex42" in capsys.readouterr().err
    assert main(["course", "nbgrader", str(tmp_path), "--from", str(tmp_path)]) == 1
    assert "the exercise notebook is not there" in capsys.readouterr().err
    assert not (tmp_path / "nbgrader_config.py").exists()


def test_a_notebook_out_of_the_exercise_layout_is_refused():
    text = (ROOT / "exercises" / COURSE["ex02"][1]).read_text("utf-8")
    nb = json.loads(text)
    check = next(i for i, c in enumerate(nb["cells"]) if "q.q2.check()" in "".join(c["source"]))
    del nb["cells"][check]
    with pytest.raises(
        JourneyMapError, match=re.escape("checks q1, q3; the exercise has q1, q2, q3")
    ):
        assignment_notebook("ex02", json.dumps(nb))
    nb = json.loads(text)
    nb["cells"] = [c for c in nb["cells"] if "import journeykit" not in "".join(c["source"])]
    with pytest.raises(JourneyMapError, match="no setup cell"):
        assignment_notebook("ex02", json.dumps(nb))


def test_the_command_line_writes_the_course(tmp_path, capsys):
    assert main(["course", "nbgrader", str(tmp_path / "c"), "--exercises", "ex04"]) == 0
    out = capsys.readouterr().out
    assert "ex04: ex04_five_stages_in_depth.ipynb, 4 points" in out
    assert (tmp_path / "c" / "source" / "ex04" / "ex04_five_stages_in_depth.ipynb").is_file()


def test_grading_without_nbgrader_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    import sys

    monkeypatch.setitem(sys.modules, "nbgrader", None)  # as on a machine without it
    assert main(["course", "grade", str(tmp_path), "ex04"]) == 1
    assert 'pip install "journeykit[grading]"' in capsys.readouterr().err


def test_a_grade_line_says_which_points_wait_for_the_teacher():
    from journeykit.grading.autograding import Submission

    waiting = Submission("amira", True, 3, 24, by_hand=21)
    assert (
        waiting.line()
        == "amira: 3 of 24 points (21 of them yours to mark by hand in the Formgrader)"
    )
    assert Submission("ben", True, 4, 4).line() == "ben: 4 of 4 points"
