"""``journeykit course nbgrader DIR``: the exercise notebooks as an nbgrader course directory.

One assignment per exercise notebook (``source/ex04/ex04_five_stages_in_depth.ipynb``), made
from the notebook as learners know it:

* the setup cell is locked, and marks the notebook as assessed (solutions stay hidden);
* each answer cell becomes an autograded answer: the exercise's own template with the ``____``
  placeholder is what learners get, and the question's solution sits between nbgrader's
  solution markers after it;
* each check cell becomes a test cell worth points (:mod:`.parts` says how many) that judges the
  answer with a fresh copy of the kit's own check (:mod:`.testcell`); a secret answer's test is
  hidden, its visible half checking only the answer's form;
* a reason in the learner's words becomes a task the grader marks, with the model answer and
  what to look for in nbgrader's mark scheme (hidden from learners and from their feedback);
* the capstone map becomes a task the grader marks, under a cell that shows the rubric the
  coach filled in as a suggestion;
* facilitator notes are left out: they are for presenting, and some name answers.

``nbgrader_config.py`` sets what the course needs (an empty solution stub, test cells put back
when a learner deletes one, a time limit per cell) and loads the kit's nbgrader plugins
(:mod:`.nbgrader_plugins`). Nothing here imports nbgrader: making a course needs only the kit.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import JourneyMapError, Problem
from ..exercises.tracking import COURSE
from ..model.files import write_text_atomic
from .parts import Part, find_question, parts, questions

#: nbgrader's metadata schema version these cells use.
SCHEMA_VERSION = 3
#: The course id written into nbgrader_config.py.
COURSE_ID = "journeykit"
#: Added to the setup cell: checks judge only an answer's form, solutions stay hidden.
ASSESSED_LINES = (
    "from journeykit.exercises import assessed\n\n"
    "assessed(q)  # a graded notebook: q.qN.check() looks at the form of a hidden answer\n"
)
#: The cells at the end of an exercise notebook that say what is left (self-paced only).
PROGRESS_CELLS = ("progress-intro", "progress")
_CHECK = re.compile(r"^\s*q\.(q\d+)\.check\(\)", re.MULTILINE)
_SETUP = re.compile(r"from journeykit\.exercises import (ex\d\d) as q")

CONFIG = r'''"""nbgrader settings of the JourneyKit course, from `journeykit course nbgrader`.

Run nbgrader from this folder (`nbgrader generate_assignment ex04`, `nbgrader autograde
ex04`, ...). docs/grading.md in the JourneyKit repository walks through a term.
"""

c = get_config()  # noqa: F821 (nbgrader provides get_config)
c.CourseDirectory.course_id = {course_id!r}

# A solution region leaves the exercise's own template, with its ____ blanks, in the
# notebook learners get: the template comes before the region, so the stub is empty.
c.ClearSolutions.code_stub = {{"python": ""}}
# A test cell a learner deleted is put back and run, so every question is marked.
c.OverwriteCells.add_missing_cells = True
# A cell that runs longer than this (an endless loop) is stopped; the rest is still graded.
c.Execute.timeout = {timeout}
# Outputs may arrive late on a busy machine or hub; wait for them rather than fail the notebook.
c.Execute.iopub_timeout = 30

# The kit judges every answer again outside the learner's kernel, and keeps the feedback
# pages free of hidden tests, mark schemes and links to the internet.
from journeykit.grading.nbgrader_plugins import configure  # noqa: E402

configure(c)

# Submissions downloaded from an LMS: `nbgrader zip_collect ASSIGNMENT` reads the zip in
# downloaded/ASSIGNMENT/archive/ and finds the student id and notebook name in each file's
# path (matched from its start, hence the leading .*). Canvas names files
# login_userid_submissionid_notebook.ipynb:
# c.FileNameCollectorPlugin.named_regexp = (
#     r".*[\\/][a-z]+(_late)?_(?P<student_id>\d+)_\d+_(?P<file_id>[^\\/]+)$"
# )
# Moodle puts each file in a folder (or a name) "Full Name_userid_assignsubmission_file_":
# c.FileNameCollectorPlugin.named_regexp = (
#     r".*_(?P<student_id>\d+)_assignsubmission_file_[\\/]?(?P<file_id>[^\\/]+)$"
# )
'''

README = """# JourneyKit course for nbgrader

Made by `journeykit course nbgrader` from the kit's exercise notebooks: one assignment
per exercise notebook in `source/`. From this folder:

    nbgrader generate_assignment ex04      # release/ex04: what learners get
    nbgrader autograde ex04                # grade what is in submitted/
    nbgrader generate_feedback ex04        # feedback/: one offline page per learner
    nbgrader export                        # grades.csv

`journeykit course grade . ex04` runs the autograding and says which submissions could
not be graded and why. `journeykit course mistakes . ex04` makes the debrief page of what
the class got wrong. docs/grading.md in the JourneyKit repository has the whole term:
a laptop, The Littlest JupyterHub, and submissions downloaded from an LMS.
"""


@dataclass
class Assignment:
    """One assignment written into the course: its id, notebook and points."""

    id: str
    notebook: Path
    points: float = 0
    manual_points: float = 0


@dataclass
class Course:
    """What :func:`nbgrader_course` wrote."""

    root: Path
    assignments: list[Assignment] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"nbgrader course in {self.root}:"]
        for a in self.assignments:
            manual = f" (+{_num(a.manual_points)} marked by hand)" if a.manual_points else ""
            lines.append(f"  {a.id}: {a.notebook.name}, {_num(a.points)} points{manual}")
        lines.append("Next: cd into it and run `nbgrader generate_assignment ASSIGNMENT`.")
        return "\n".join(lines)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def exercises_folder() -> Path:
    """The kit's exercise notebooks: ``exercises/`` of the repository the kit runs from."""
    here = Path(__file__).resolve().parents[2] / "exercises"
    return here if here.is_dir() else Path.cwd() / "exercises"


def nbgrader_course(
    directory: str | Path,
    exercises: list[str] | None = None,
    *,
    source: str | Path | None = None,
    force: bool = False,
    timeout: int = 120,
) -> Course:
    """Write an nbgrader course directory made from the kit's exercise notebooks.

    Parameters
    ----------
    directory : str or Path
        The course folder (created if missing).
    exercises : list of str, optional
        Exercise ids to include (``["ex01", "ex04"]``); by default every one.
    source : str or Path, optional
        The folder holding the exercise notebooks (default: :func:`exercises_folder`).
    force : bool
        Overwrite assignments already in ``source/`` (an edited one is otherwise kept).
    timeout : int
        Seconds a cell may run while autograding before nbgrader stops it.

    Raises
    ------
    JourneyMapError
        For an unknown exercise id, a missing notebook, an assignment that exists already
        (without *force*), or a notebook whose cells do not follow the exercise layout.
    """
    root = Path(directory)
    folder = Path(source) if source is not None else exercises_folder()
    wanted = list(exercises) if exercises else list(COURSE)
    unknown = [e for e in wanted if e not in COURSE]
    if unknown:
        raise JourneyMapError(
            [
                Problem(
                    "--exercises",
                    f"the course has no exercise {', '.join(unknown)}",
                    "use ids such as " + ", ".join(COURSE),
                )
            ]
        )
    course = Course(root)
    planned = []
    for exercise in wanted:
        notebook = folder / COURSE[exercise][1]
        if not notebook.is_file():
            raise JourneyMapError(
                [
                    Problem(
                        str(notebook),
                        "the exercise notebook is not there",
                        "run this from the JourneyKit folder, or pass the exercises folder "
                        "with --from",
                    )
                ]
            )
        target = root / "source" / exercise / notebook.name
        if target.exists() and not force:
            raise JourneyMapError(
                [
                    Problem(
                        str(target),
                        "the assignment exists already (it may hold your own changes)",
                        "pass --force to write it again from the exercise notebook",
                    )
                ]
            )
        planned.append((exercise, notebook, target))
    for exercise, notebook, target in planned:
        text, assignment = assignment_notebook(exercise, notebook.read_text(encoding="utf-8"))
        write_text_atomic(target, text)
        assignment.notebook = target
        course.assignments.append(assignment)
    config = root / "nbgrader_config.py"
    if force or not config.exists():
        write_text_atomic(config, CONFIG.format(course_id=COURSE_ID, timeout=int(timeout)))
    if not (root / "README.md").exists():
        write_text_atomic(root / "README.md", README)
    return course


# ----- one notebook -----------------------------------------------------------------------
def _nbgrader(cell: dict[str, Any], grade_id: str, **flags: Any) -> dict[str, Any]:
    meta = {
        "grade": False,
        "solution": False,
        "locked": False,
        "schema_version": SCHEMA_VERSION,
        "grade_id": grade_id,
        **flags,
    }
    cell.setdefault("metadata", {})["nbgrader"] = meta
    cell["id"] = grade_id
    if meta["locked"]:
        cell["metadata"]["editable"] = False
        cell["metadata"]["deletable"] = False
    return cell


def _code(source: str, slide: str = "-") -> dict[str, Any]:
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {"slideshow": {"slide_type": slide}},
        "outputs": [],
        "source": source,
    }


def _markdown(source: str, slide: str = "-") -> dict[str, Any]:
    return {
        "cell_type": "markdown",
        "metadata": {"slideshow": {"slide_type": slide}},
        "source": source,
    }


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def fresh_import(lines: list[str], heading: list[str]) -> str:
    """A test cell's code: *lines* run against a fresh copy of the kit, under *heading*."""
    return "\n".join(
        [
            *(f"# {line}" for line in heading),
            "import sys",
            "",
            "_kit = {m: sys.modules.pop(m) for m in list(sys.modules) if m.split('.')[0] == "
            "'journeykit'}",
            "try:",
            *(f"    {line}" if line else "" for line in lines),
            "finally:",
            "    sys.modules.update(_kit)  # your own copy of the kit, as you left it",
        ]
    )


def _names(variables: tuple[str, ...]) -> str:
    """A tuple of names as code: ``("lanes",)``."""
    inner = ", ".join(f'"{v}"' for v in variables)
    return f"({inner},)" if len(variables) == 1 else f"({inner})"


def _test_cell(exercise: str, name: str, number: str, part: Part) -> dict[str, Any]:
    points = _num(part.points)
    plural = "point" if part.points == 1 else "points"
    call = f'test("{exercise}", "{name}", {_names(part.variables)}, points={points}' + (
        f', part="{part.key}"' if part.key else ""
    )
    what = f"Question {number}" + (f", your {part.key}" if part.key else "")
    if part.hidden:
        heading = [
            f"{what} ({points} {plural}). Run this cell before you hand in: it checks that",
            "your answer is complete and in the right form. It is marked when your work is graded.",
        ]
        lines = [
            "from journeykit.grading.testcell import test  # a fresh copy of the kit's checks",
            "",
            call + ", full=False)",
            "### BEGIN HIDDEN TESTS",
            call + ")",
            "### END HIDDEN TESTS",
        ]
    else:
        heading = [
            f"{what} ({points} {plural}). Run this cell to test your answer; it runs again",
            "when your work is graded.",
        ]
        lines = [
            "from journeykit.grading.testcell import test  # a fresh copy of the kit's checks",
            "",
            call + ")",
        ]
    suffix = f"-{part.key}" if part.key else ""
    return _nbgrader(
        _code(fresh_import(lines, heading)),
        f"{name}{suffix}-test",
        grade=True,
        locked=True,
        points=part.points,
    )


def _mark_scheme(part: Part) -> list[str]:
    lines = ["### BEGIN MARK SCHEME"]
    if part.model_answer:
        lines += ["**Model answer.** " + part.model_answer, ""]
    if part.look_for:
        lines += ["**What to look for.**", "", *(f"- {item}" for item in part.look_for)]
    return [*lines, "### END MARK SCHEME"]


def _reason_task(name: str, number: str, part: Part) -> dict[str, Any]:
    variable = part.variables[0]
    text = [
        f"**Question {number}, your reason ({_num(part.points)} points, marked by your "
        f"instructor).** Your instructor reads the reason you wrote in `{variable}` above: "
        "say what about the business makes your choice fit.",
        "",
        *_mark_scheme(part),
    ]
    return _nbgrader(
        _markdown("\n".join(text)),
        f"{name}-{part.key}",
        task=True,
        locked=True,
        points=part.points,
    )


def _capstone_cells(exercise: str, name: str, number: str, part: Part) -> list[dict[str, Any]]:
    rubric_code = fresh_import(
        [
            "from journeykit.grading.testcell import show_rubric",
            "",
            f'show_rubric("{exercise}", "{name}", {_names(part.variables)})',
        ],
        [
            f"Question {number}: the rubric for your map, filled in by the coach as a suggestion.",
            "Your instructor marks your map with it, and may change any level.",
        ],
    )
    rubric_cell = _nbgrader(_code(rubric_code), f"{name}-rubric", locked=True)
    task = _nbgrader(
        _markdown(
            "\n".join(
                [
                    f"**Question {number}, your own map ({_num(part.points)} points, marked by "
                    "your instructor with the rubric above).** Each criterion scores 0 to 3; "
                    "the coach's suggestion is a starting point, not the mark.",
                    "",
                    "### BEGIN MARK SCHEME",
                    "Start from the coach's levels in the table above and change those it "
                    "got wrong: it cannot tell whether a goal is true to the customer or an "
                    "opportunity would work. Score each criterion 0 to 3 and give the total.",
                    "",
                    *(f"- {item}" for item in part.look_for),
                    "### END MARK SCHEME",
                ]
            )
        ),
        f"{name}-task",
        task=True,
        locked=True,
        points=part.points,
    )
    return [rubric_cell, task]


def _is_notes(cell: dict[str, Any]) -> bool:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes"


def assignment_notebook(exercise: str, text: str) -> tuple[str, Assignment]:
    """The nbgrader source notebook made from exercise notebook *text* (its JSON)."""
    import json

    nb = json.loads(text)
    cells: list[dict[str, Any]] = nb["cells"]
    out: list[dict[str, Any]] = []
    assignment = Assignment(exercise, Path())
    found_setup = False
    seen: list[str] = []
    for index, cell in enumerate(cells):
        source = _source(cell)
        if _is_notes(cell) or cell.get("id") in PROGRESS_CELLS:
            continue
        setup = _SETUP.search(source) if cell["cell_type"] == "code" else None
        if setup:
            if setup.group(1) != exercise:
                raise _layout(exercise, f"cell {index + 1} sets up another exercise")
            new = _code(source.rstrip() + "\n\n" + ASSESSED_LINES, "skip")
            out.append(_nbgrader(new, "setup", locked=True))
            found_setup = True
            continue
        match = _CHECK.search(source) if cell["cell_type"] == "code" else None
        if match is None:
            out.append(_plain_cell(cell))
            continue
        name = match.group(1)
        question = find_question(exercise, name)
        answer = out.pop() if out and out[-1]["cell_type"] == "code" else None
        if answer is None or "nbgrader" in answer["metadata"]:
            raise _layout(exercise, f"the check of {name} has no answer cell right above it")
        seen.append(name)
        out += _question_cells(exercise, name, answer, question, assignment)
    if not found_setup:
        raise _layout(exercise, "no setup cell imports the exercise's checks")
    expected = [q.name for q in questions(exercise)]
    if seen != expected:
        raise _layout(
            exercise,
            f"the notebook checks {', '.join(seen) or 'nothing'}; the exercise has "
            f"{', '.join(expected)}",
        )
    last = max(i for i, cell in enumerate(out) if "nbgrader" in cell["metadata"])
    out.insert(
        last + 1,
        _markdown(
            "## Before you hand in\n\nRestart the kernel and run every cell (**Kernel > "
            "Restart Kernel and Run All Cells...**), then read each test cell's feedback: a "
            "test that says *Not ready yet* loses marks that are easy to keep.",
            "slide",
        ),
    )
    taken = {cell["id"] for cell in out if "nbgrader" in cell["metadata"]}
    for number, cell in enumerate(out):
        if "nbgrader" not in cell["metadata"] and cell.get("id", "") in taken | {""}:
            cell["id"] = f"cell-{number}"
        taken.add(cell["id"])
    nb["cells"] = out
    nb.setdefault("metadata", {}).pop("widgets", None)
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n", assignment


def _plain_cell(cell: dict[str, Any]) -> dict[str, Any]:
    new = copy.deepcopy(cell)
    if new["cell_type"] == "code":
        new["outputs"], new["execution_count"] = [], None
    new.get("metadata", {}).pop("nbgrader", None)
    return new


def _question_cells(
    exercise: str, name: str, answer: dict[str, Any], question: Any, assignment: Assignment
) -> list[dict[str, Any]]:
    number = name[1:]
    template = _source(answer).rstrip()
    solution = "\n".join(
        [template, "### BEGIN SOLUTION", question.solution_code.rstrip(), "### END SOLUTION"]
    )
    answer_cell = _plain_cell(answer)
    answer_cell["source"] = solution
    cells = [_nbgrader(answer_cell, f"{name}-answer", solution=True)]
    for part in parts(question):
        if part.how == "auto":
            cells.append(_test_cell(exercise, name, number, part))
            assignment.points += part.points
        elif part.how == "manual":
            cells.append(_reason_task(name, number, part))
            assignment.manual_points += part.points
        else:
            cells += _capstone_cells(exercise, name, number, part)
            assignment.manual_points += part.points
    return cells


def _layout(exercise: str, what: str) -> JourneyMapError:
    return JourneyMapError(
        [
            Problem(
                COURSE[exercise][1],
                what,
                "keep the exercise layout: a setup cell, then for each question an answer "
                "cell followed by its `q.qN.check()` cell",
            )
        ]
    )
