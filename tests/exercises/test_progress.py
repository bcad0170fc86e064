"""``jk.progress()``: what a self-paced learner has done, from a small file on their computer."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.exercises import assessed, ex02, ex04
from journeykit.exercises.core import _ASSESSED
from journeykit.exercises.tracking import COURSE, PROGRESS_ENV, progress, progress_path

ROOT = Path(__file__).resolve().parents[2]
ORDER = ["Discover", "Investigate", "Engage", "Purchase", "Re-purchase", "Advocate"]


@pytest.fixture
def progress_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "p" / "progress.json"
    monkeypatch.setenv(PROGRESS_ENV, str(path))
    return path


def test_a_right_answer_is_done_a_later_wrong_one_opens_it_again(progress_file, capsys):
    assert not progress_file.exists()
    ex02.q1.check(ORDER)
    assert progress("ex02").exercises[0].done == 1
    data = json.loads(progress_file.read_text("utf-8"))
    assert data["exercises"]["ex02"]["q1"]["done"] is True
    ex02.q1.check(list(reversed(ORDER)))
    assert progress("ex02").exercises[0].done == 0
    stamp = progress_file.stat().st_mtime_ns
    ex02.q1.check(jk.exercises.____)  # a blank answer changes nothing
    ex02.q1.check(list(reversed(ORDER)))  # nor does the same outcome again
    assert progress_file.stat().st_mtime_ns == stamp
    capsys.readouterr()


def test_the_course_table_and_one_notebook_s_line(progress_file, capsys):
    ex02.q3.check("Investigate")
    capsys.readouterr()
    whole = progress()
    assert list(whole.table()["exercise"]) == list(COURSE)
    row = whole.table().set_index("exercise").loc["ex02"]
    assert (row["questions"], row["done"], row["left"]) == (3, 1, "q1, q2")
    assert str(whole).startswith("Your progress: 1 of ")
    assert "<table>" in whole._repr_html_() and "ex02" in whole._repr_html_()
    line = str(progress("ex02"))
    assert line.startswith("ex02 · The six-stage journey: 1 of 3 questions done. Left: q1")


def test_a_finished_notebook_says_so(progress_file, capsys):
    for question in ex02.QUESTIONS:
        namespace: dict = {"jk": jk, "q": ex02}
        exec(question.solution_code, namespace)
        question.check(*(namespace[v] for v in question.variables))
    capsys.readouterr()
    assert str(progress("ex02")).endswith("Nothing left: well done.")


def test_a_file_it_cannot_read_is_left_alone_and_reported(progress_file, capsys):
    progress_file.parent.mkdir(parents=True)
    progress_file.write_text("my shopping list", "utf-8")
    ex02.q3.check("Investigate")
    assert "Correct" in capsys.readouterr().out  # the check still answers
    assert progress_file.read_text("utf-8") == "my shopping list"
    shown = str(progress("ex02"))
    assert "could not be read" in shown and "0 of 3" in shown


def test_a_place_it_cannot_write_never_stops_a_check(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv(PROGRESS_ENV, str(blocker / "progress.json"))  # a file as a folder
    ex02.q3.check("Investigate")
    assert capsys.readouterr().out.startswith("Correct")
    assert progress("ex02").exercises[0].done == 0


def test_the_file_is_at_home_unless_told_otherwise(monkeypatch):
    monkeypatch.delenv(PROGRESS_ENV, raising=False)
    assert progress_path() == Path.home() / ".journeykit" / "progress.json"


def test_an_assessed_notebook_notes_nothing_and_hides_solutions(progress_file, capsys):
    assessed(ex04)
    try:
        ex04.q2.check({"Facebook ad": "Awareness"})
        said = capsys.readouterr().out
        assert "missing" in said  # the form of an answer is still checked
        ex04.q2.solution()
        assert "solutions stay hidden" in capsys.readouterr().out
        assert not progress_file.exists()
    finally:
        _ASSESSED.discard("ex04")


def test_an_unknown_exercise_is_refused_with_the_ids_it_knows():
    with pytest.raises(jk.JourneyMapError, match="use one of ex00"):
        progress("ex42")


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text("utf-8"))["cells"]


@pytest.mark.parametrize("exercise", list(COURSE))
def test_each_exercise_notebook_ends_by_saying_what_is_left(exercise):
    title, name = COURSE[exercise]
    cells = _cells(ROOT / "exercises" / name)
    first = "".join(cells[0]["source"]).splitlines()[0]
    assert first == f"# {exercise} · {title}: exercises"
    code = [c for c in cells if c["cell_type"] == "code"]
    assert "".join(code[-1]["source"]) == f'jk.progress("{exercise}")'
    text = "".join("".join(o.get("data", {}).get("text/plain", "")) for o in code[-1]["outputs"])
    assert text == str(progress(exercise))  # as stored: nothing done yet


def test_the_welcome_notebook_shows_the_course_table_with_what_is_done():
    cells = _cells(ROOT / "notebooks" / "00_welcome.ipynb")
    cell = next(c for c in cells if "".join(c["source"]) == "jk.progress()")
    html = "".join(cell["outputs"][0]["data"]["text/html"])
    assert html.count("<tr>") == len(COURSE) + 1 and "0 of" in html
    assert os.environ[PROGRESS_ENV]  # the tests never read a learner's own file
