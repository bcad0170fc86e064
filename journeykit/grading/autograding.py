"""``journeykit course grade``: nbgrader's autograde for every submission, with a reason for
each one that could not be graded.

nbgrader does the grading (:func:`course_api` is its Python API, with the course's own
``nbgrader_config.py``); this module runs it once per submission in one process, so a broken
submission stops only itself, and turns what happened into a line a teacher can act on: a
file that is not a notebook, a test cell the learner deleted (nbgrader puts it back), a
cell that ran too long and was stopped, an error in a cell of the learner's.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@contextmanager
def _tools_on_path() -> Iterator[None]:
    """nbgrader runs ``alembic`` (installed beside Python) to set up its gradebook."""
    before = os.environ.get("PATH", "")
    here = str(Path(sys.executable).parent)
    if shutil.which("alembic") is None:
        os.environ["PATH"] = here + os.pathsep + before
    try:
        yield
    finally:
        os.environ["PATH"] = before


def course_api(root: str | Path, **settings: Any) -> Any:
    """nbgrader's API for the course in *root*, with its ``nbgrader_config.py`` loaded.

    *settings* are extra config values as ``Section__name=value`` (``Execute__timeout=5``).
    """
    from nbgrader.apps import NbGraderAPI
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    folder = Path(root).resolve()
    config = Config()
    if (folder / "nbgrader_config.py").is_file():
        config.merge(PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config())
    config.CourseDirectory.root = str(folder)
    for key, value in settings.items():
        section, name = key.split("__", 1)
        config[section][name] = value
    return NbGraderAPI(config=config)


@dataclass
class Submission:
    """What became of one learner's submission."""

    student: str
    graded: bool
    score: float | None = None
    max_score: float | None = None
    notes: list[str] = field(default_factory=list)
    #: Points of *max_score* that wait for the teacher (reasons, the own map), not autograded.
    by_hand: float = 0

    def line(self) -> str:
        if not self.graded:
            return f"{self.student}: not graded: " + "; ".join(self.notes)
        points = f"{_num(self.score or 0)} of {_num(self.max_score or 0)} points"
        if self.by_hand:
            points += f" ({_num(self.by_hand)} of them yours to mark by hand in the Formgrader)"
        return f"{self.student}: {points}" + ("; " + "; ".join(self.notes) if self.notes else "")


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def submitted_students(root: str | Path, assignment: str) -> list[str]:
    """The students with a submission of *assignment* in the course's ``submitted/``."""
    folder = Path(root) / "submitted"
    return sorted(p.parent.name for p in folder.glob(f"*/{assignment}") if p.is_dir())


def _not_a_notebook(path: Path) -> str:
    """Why *path* cannot be read as a notebook ("" when it can)."""
    import nbformat

    try:
        nbformat.read(path, as_version=4)
    except Exception as err:  # nbformat raises several kinds for a file that is no notebook
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return f"{path.name} is not a notebook ({first[:160]})"
    return ""


def _cell_notes(autograded: Path, source: Path, timeout: int | None) -> list[str]:
    """What happened inside a graded notebook: cells that failed, ran too long, went missing."""
    import nbformat

    from .nbgrader_plugins import calls_in

    notes = []
    graded = nbformat.read(autograded, as_version=4)
    wanted = nbformat.read(source, as_version=4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in graded.cells]
    for cell in wanted.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id and grade_id not in ids and cell.metadata["nbgrader"].get("solution"):
            notes.append(f"the answer cell {grade_id} was deleted")
    for number, cell in enumerate(graded.cells, 1):
        if cell.cell_type != "code" or calls_in(cell.source):
            continue
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        where = f"the answer cell {grade_id}" if grade_id else f"cell {number}"
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            name = output.get("ename", "an error")
            if name == "CellTimeoutError":
                limit = f" {timeout} s" if timeout else " the time limit"
                notes.append(f"{where} ran longer than{limit} and was stopped")
            elif name != "KeyboardInterrupt":
                value = str(output.get("evalue", ""))[:120]
                notes.append(f"{where} stopped with {name}" + (f": {value}" if value else ""))
    for cell in graded.cells:
        if "was missing from the submission" in cell.source:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "a test cell")
            notes.append(f"{grade_id} was deleted; nbgrader put it back and ran it")
    return notes


def grade(
    root: str | Path, assignment: str, students: list[str] | None = None, **settings: Any
) -> list[Submission]:
    """Autograde every submission of *assignment* with nbgrader; say what became of each.

    Parameters
    ----------
    root : str or Path
        The course folder (holding ``nbgrader_config.py`` and ``submitted/``).
    assignment : str
        The assignment id (``"ex04"``).
    students : list of str, optional
        Only these students (default: every submission of the assignment).
    **settings
        nbgrader config values as ``Section__name=value`` (``Execute__timeout=30``).

    Returns
    -------
    list of Submission
        One per student: the score, or why the submission could not be graded, and notes
        on cells that failed, ran too long or were deleted.
    """
    from nbgrader.api import Gradebook, MissingEntry

    folder = Path(root).resolve()
    report = []
    with _tools_on_path():
        api = course_api(folder, **settings)
        timeout = api.config.Execute.get("timeout") if "Execute" in api.config else None
        sources = sorted((folder / "source" / assignment).glob("*.ipynb"))
        for student in students or submitted_students(folder, assignment):
            here = folder / "submitted" / student / assignment
            broken = [why for nb in sorted(here.glob("*.ipynb")) if (why := _not_a_notebook(nb))]
            result = api.autograde(assignment, student, force=True)
            if broken or not result.get("success"):
                reason = broken or [_failure(result)]
                report.append(Submission(student, False, notes=reason))
                continue
            notes = []
            for source in sources:
                done = folder / "autograded" / student / assignment / source.name
                if done.is_file():
                    notes += _cell_notes(done, source, timeout)
                else:
                    notes.append(f"{source.name} was not handed in")
            with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gb:
                try:
                    sub = gb.find_submission(assignment, student)
                    score, top = sub.score, sub.max_score
                    by_hand = sub.max_written_score + sub.max_task_score
                    by_hand = by_hand if sub.needs_manual_grade else 0
                except MissingEntry:
                    score, top, by_hand = None, None, 0
            report.append(Submission(student, True, score, top, notes, by_hand))
    return report


def _failure(result: dict[str, Any]) -> str:
    """A one-line reason from nbgrader's error text."""
    text = "\n".join(str(result.get(key) or "") for key in ("error", "log"))
    for line in reversed(text.splitlines()):
        line = line.strip()
        if line and not line.startswith(("File ", "Traceback", "^", "[")) and ":" in line:
            return "nbgrader could not grade it: " + line[:200]
    return "nbgrader could not grade it (see its log)"
