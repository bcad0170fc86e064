"""One real nbgrader course per test session, graded once: the fixture the grading tests read.

``graded_course`` writes the course with ``journeykit course nbgrader`` (every exercise
notebook), releases each assignment with nbgrader, writes the submissions a class would hand
in, and runs nbgrader's autograde, feedback and export on them, through nbgrader's own API
and command line. The work is done once and the tests only look at what came out, so the
whole pipeline costs one autograde run per submission (about 55 kernels).

Per exercise notebook there are four learners: ``solved`` (each answer cell holds the
question's own solution), ``untouched`` (the released notebook as it is), ``wrong`` (a typical
wrong answer per question, from ``tests/exercises``) and ``tamper`` (the wrong answers, plus
code in the first answer cell that would fool a check living in the learner's kernel, one of
:data:`TAMPERING` per notebook in turn). On ex04 four broken submissions, and on ex05 an
LMS-style zip collected with ``nbgrader zip_collect``.
"""

from __future__ import annotations

import ast
import copy
import csv
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
import pytest

from journeykit.exercises.tracking import COURSE
from journeykit.grading import nbgrader_course
from journeykit.grading.parts import parts, questions
from journeykit.grading.testcell import GRADER_JUDGES
from tests.conftest import missing_dependency
from tests.exercises.test_exercises import WRONG

EXERCISES = list(COURSE)
STUDENTS = ("solved", "untouched", "wrong", "tamper")
#: Seconds a cell may run while the tests autograde (the endless loop waits this long).
TIMEOUT = 20

#: Code a learner could add to an answer cell to fool a check that trusts their kernel.
TAMPERING: dict[str, str] = {
    # q becomes an object whose every check says "Correct"
    "redefine-q": (
        "class _AlwaysRight:\n"
        "    def check(self, *answers):\n"
        "        print('Correct')\n"
        "    def __getattr__(self, name):\n"
        "        return self\n"
        "q = _AlwaysRight()\n"
    ),
    # check() is replaced, on the class and as a global
    "redefine-check": (
        "from journeykit.exercises.core import Feedback, Question\n"
        "def check(*answers):\n"
        "    print('Correct')\n"
        "Question.check = lambda self, *answers: print('Correct')\n"
        "Question.evaluate = lambda self, *answers, namespace=None: Feedback('correct', '')\n"
    ),
    # the checks themselves are patched, and the grading module the test cells import
    "patch-exercises": (
        "import journeykit.exercises as _ex\n"
        "import journeykit.exercises.core as _core\n"
        "import journeykit.grading.testcell as _cell\n"
        "_right = _core.Feedback('correct', 'well done')\n"
        "for _name in ('judge', 'evaluate', 'form_feedback'):\n"
        "    setattr(_core.Question, _name, lambda self, *a, **k: _right)\n"
        "_cell.test = lambda *a, **k: print('Correct')\n"
        "_cell.mark = lambda call, answers: _cell.Marked(call, _right, True)\n"
    ),
    # a fake journeykit put first on sys.path: the fresh import in the test cell finds it,
    # and its test() says "Correct" and raises nothing; only the judging outside the kernel
    # (the kit's nbgrader plugin) sees that no answer was recorded
    "fake-kit-on-path": (
        "import os, sys, tempfile\n"
        "_fake = tempfile.mkdtemp()\n"
        "os.makedirs(os.path.join(_fake, 'journeykit', 'grading'))\n"
        "for _part in ('__init__.py', os.path.join('grading', '__init__.py')):\n"
        "    open(os.path.join(_fake, 'journeykit', _part), 'w').close()\n"
        "with open(os.path.join(_fake, 'journeykit', 'grading', 'testcell.py'), 'w') as _f:\n"
        "    _f.write('def test(*args, **kwargs):\\n    print(\"Correct\")\\n')\n"
        "sys.path.insert(0, _fake)\n"
    ),
}
#: Which tampering each notebook's ``tamper`` learner tries: every kind on two or three.
TAMPER_OF = {ex: list(TAMPERING)[i % len(TAMPERING)] for i, ex in enumerate(EXERCISES)}
#: A wrong answer with markup in it, to show the debrief page escapes learner text.
MARKUP_ANSWER = ("ex02", "q3", 'shortlist_stage = "<img src=x onerror=alert(1)>"')


def canvas_regexp(config: str) -> str:
    """The Canvas file-name pattern the course's nbgrader_config.py documents for zip_collect."""
    lines = config.splitlines()
    start = next(i for i, line in enumerate(lines) if "Canvas names files" in line)
    pattern = next(line for line in lines[start:] if line.lstrip("# ").startswith('r"'))
    return ast.literal_eval(pattern.lstrip("# ").strip())


def wrong_code(exercise: str, name: str) -> str:
    """The first typical wrong answer of a question (``tests/exercises``), or the markup one."""
    if (exercise, name) == MARKUP_ANSWER[:2]:
        return MARKUP_ANSWER[2]
    return next(code for code, _ in WRONG[f"{exercise}.{name}"] if code)


def auto_points(exercise: str) -> float:
    """The autograded points of an assignment (what a perfect submission scores)."""
    return sum(p.points for q in questions(exercise) for p in parts(q) if p.how == "auto")


def answer_cells(nb: Any) -> dict[str, Any]:
    """The answer cells of a released notebook, by question name (``q1``)."""
    return {
        c.metadata.nbgrader.grade_id.split("-")[0]: c
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"
    }


def with_answers(release: Any, code: dict[str, str], prefix: str = "") -> Any:
    """A copy of notebook *release* whose answer cells hold *code* (by question name)."""
    nb = copy.deepcopy(release)
    for position, (name, cell) in enumerate(answer_cells(nb).items()):
        cell.source = code.get(name, cell.source)
        if position == 0 and prefix:
            cell.source = cell.source + "\n" + prefix
    return nb


@dataclass
class GradedCourse:
    """What the session's nbgrader run left behind."""

    root: Path
    notebooks: dict[str, str]  # exercise -> notebook file name
    scores: dict[tuple[str, str], float] = field(default_factory=dict)
    without_plugin: dict[tuple[str, str], float] = field(default_factory=dict)
    report: list[Any] = field(default_factory=list)
    collected: list[str] = field(default_factory=list)
    grades_csv: list[dict[str, str]] = field(default_factory=list)
    api_results: dict[str, Any] = field(default_factory=dict)

    def release(self, exercise: str) -> Any:
        return nbformat.read(self.root / "release" / exercise / self.notebooks[exercise], 4)

    def autograded(self, student: str, exercise: str) -> Any:
        path = self.root / "autograded" / student / exercise / self.notebooks[exercise]
        return nbformat.read(path, 4)

    def feedback_page(self, student: str, exercise: str) -> Path:
        name = Path(self.notebooks[exercise]).with_suffix(".html").name
        return self.root / "feedback" / student / exercise / name

    def submit(self, student: str, exercise: str, nb: Any) -> None:
        folder = self.root / "submitted" / student / exercise
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / self.notebooks[exercise])


def _nbgrader_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the ``nbgrader`` command in the course folder, as a teacher would."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _score(root: Path, exercise: str, student: str) -> float:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "journeykit") as gb:
        return float(gb.find_submission(exercise, student).score)


def _broken(course: GradedCourse, solutions: dict[str, str]) -> None:
    """ex04's broken submissions: each is the solution with one thing gone wrong."""
    release = course.release("ex04")
    name = course.notebooks["ex04"]
    folder = course.root / "submitted" / "broken_notjson" / "ex04"
    folder.mkdir(parents=True)
    (folder / name).write_text("My answers are in the email I sent you.", encoding="utf-8")
    nb = with_answers(release, solutions)
    nb.cells = [
        c
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade_id") not in ("q1-answer", "q2-test")
    ]
    course.submit("broken_deleted", "ex04", nb)
    course.submit(
        "broken_loop", "ex04", with_answers(release, {**solutions, "q2": "while True:\n    pass"})
    )
    course.submit(
        "broken_import",
        "ex04",
        with_answers(release, {**solutions, "q1": "import journeykit_helpers\n" + solutions["q1"]}),
    )


def _lms_zip(course: GradedCourse, solutions: dict[str, str]) -> Path:
    """A Canvas-style download of ex05: ``login_userid_submissionid_filename``."""
    release = course.release("ex05")
    wrong = {q.name: wrong_code("ex05", q.name) for q in questions("ex05")}
    archive = course.root / "downloaded" / "ex05" / "archive"
    archive.mkdir(parents=True)
    name = course.notebooks["ex05"]
    with zipfile.ZipFile(archive / "submissions.zip", "w") as zf:
        for login, user, answers in (("smithalex", "1001", solutions), ("leesam", "1002", wrong)):
            nb = with_answers(release, answers)
            zf.writestr(f"{login}_{user}_77{user}_{name}", nbformat.writes(nb))
        zf.writestr("leesam_1002_771002_notes.txt", "not part of the assignment")
    return archive / "submissions.zip"


def needs_nbgrader() -> None:
    """Skip without nbgrader on a developer's machine; on CI fail (``make test`` installs it)."""
    try:
        import nbgrader  # noqa: F401
    except ImportError:
        missing_dependency("nbgrader", 'install the test tools: pip install -e ".[test]"')


@pytest.fixture(scope="session")
def graded_course(tmp_path_factory: pytest.TempPathFactory) -> GradedCourse:
    needs_nbgrader()
    from nbgrader.converters import Autograde

    from journeykit.grading.autograding import _tools_on_path, course_api, grade

    root = tmp_path_factory.mktemp("course") / "journeykit-course"
    made = nbgrader_course(root, timeout=TIMEOUT)
    course = GradedCourse(root, {a.id: a.notebook.name for a in made.assignments})
    solutions_of = {ex: {q.name: q.solution_code for q in questions(ex)} for ex in EXERCISES}
    with _tools_on_path():
        api = course_api(root)
        for ex in EXERCISES:
            result = api.generate_assignment(ex, force=True)
            assert result["success"], result.get("error")
        for ex in EXERCISES:
            release = course.release(ex)
            wrong = {q.name: wrong_code(ex, q.name) for q in questions(ex)}
            course.submit("solved", ex, with_answers(release, solutions_of[ex]))
            course.submit("untouched", ex, copy.deepcopy(release))
            course.submit("wrong", ex, with_answers(release, wrong))
            course.submit("tamper", ex, with_answers(release, wrong, TAMPERING[TAMPER_OF[ex]]))
        # the tampering once more without the kit's nbgrader plugin: what the kernel alone
        # stops (every kind but the fake kit) and what only the plugin stops
        plain = course_api(
            root,
            Autograde__autograde_preprocessors=Autograde.class_traits()[
                "autograde_preprocessors"
            ].default(),
        )
        first_of = {}
        for ex, kind in TAMPER_OF.items():
            first_of.setdefault(kind, ex)
        # as on a machine that never loaded the plugin: nothing tells the kernels it judges
        told = os.environ.pop(GRADER_JUDGES)
        try:
            for kind, ex in first_of.items():
                result = plain.autograde(ex, "tamper", force=True)
                assert result["success"], result.get("error")
                course.without_plugin[(ex, kind)] = _score(root, ex, "tamper")
        finally:
            os.environ[GRADER_JUDGES] = told
        for ex in EXERCISES:
            for student in STUDENTS:
                result = api.autograde(ex, student, force=True)
                assert result["success"], (ex, student, result.get("error"))
                course.scores[(ex, student)] = _score(root, ex, student)
        _broken(course, solutions_of["ex04"])
        course.report = grade(
            root,
            "ex04",
            [s for s in ("broken_notjson", "broken_deleted", "broken_loop", "broken_import")],
        )
        for ex in EXERCISES:  # the pages the tests open: the typical wrong answers
            result = api.generate_feedback(ex, "wrong", force=True)
            assert result["success"], result.get("error")
    _lms_zip(course, solutions_of["ex05"])
    regexp = canvas_regexp((root / "nbgrader_config.py").read_text("utf-8"))
    collect = _nbgrader_cli(
        root, "zip_collect", "ex05", f"--FileNameCollectorPlugin.named_regexp={regexp}"
    )
    assert collect.returncode == 0, collect.stderr[-3000:]
    course.collected = sorted(p.name for p in (root / "submitted").iterdir() if p.name.isdigit())
    course.report += grade(root, "ex05", course.collected)
    exported = _nbgrader_cli(root, "export")
    assert exported.returncode == 0, exported.stderr[-3000:]
    with open(root / "grades.csv", newline="", encoding="utf-8") as handle:
        course.grades_csv = list(csv.DictReader(handle))
    return course
