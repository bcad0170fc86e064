"""What a self-paced learner has done: the progress file behind ``jk.progress()``.

Every ``check()`` notes its outcome in one small JSON file on the learner's own computer
(``~/.journeykit/progress.json``, or the file ``$JOURNEYKIT_PROGRESS`` names); nothing is
sent anywhere. A question counts as done while its last check said "Correct"; a later wrong
answer makes it open again, and a check of a blank answer changes nothing. Noting never
gets in the way of a check: a file that cannot be read or written is left alone, and
``jk.progress()`` says so.

Examples
--------
>>> import os, tempfile, pathlib
>>> os.environ["JOURNEYKIT_PROGRESS"] = str(pathlib.Path(tempfile.mkdtemp()) / "p.json")
>>> from journeykit.exercises import ex02
>>> ex02.q3.check("Investigate")
Correct: Investigate. ...
>>> print(progress("ex02"))
ex02 · The six-stage journey: 1 of 3 questions done. Left: q1 (order the stages), ...
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import JourneyMapError

if TYPE_CHECKING:
    import pandas as pd

    from .core import Feedback, Question

#: Environment variable naming the progress file (tests and shared machines set it).
PROGRESS_ENV = "JOURNEYKIT_PROGRESS"
#: Version of the progress file's layout.
FILE_VERSION = 1

#: The exercise notebooks of the course, in order: id -> (title, notebook file name).
#: The titles are the exercise notebooks' own (``tests/exercises`` keeps the two in step).
COURSE: dict[str, tuple[str, str]] = {
    "ex00": ("Welcome to JourneyKit", "ex00_welcome.ipynb"),
    "ex01": ("Customer journeys", "ex01_customer_journeys.ipynb"),
    "ex02": ("The six-stage journey", "ex02_six_stage.ipynb"),
    "ex03": ("The five-stage journey", "ex03_five_stage.ipynb"),
    "ex04": ("The five stages in depth", "ex04_five_stages_in_depth.ipynb"),
    "ex05": ("The eight-stage journey", "ex05_eight_stage.ipynb"),
    "ex06": ("Comparing the frameworks", "ex06_comparing_frameworks.ipynb"),
    "ex07": ("The mapping method", "ex07_mapping_method.ipynb"),
    "ex08": ("Presenting a map", "ex08_presenting.ipynb"),
    "ex09": ("Measuring the journey", "ex09_measuring_the_journey.ipynb"),
}


def progress_path() -> Path:
    """The progress file: ``$JOURNEYKIT_PROGRESS``, or ``.journeykit/progress.json`` at home."""
    named = os.environ.get(PROGRESS_ENV)
    return Path(named) if named else Path.home() / ".journeykit" / "progress.json"


def _read(path: Path) -> dict[str, dict[str, Any]]:
    """The file's ``exercises`` table; empty when the file is missing. Raises OSError/ValueError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    table = data.get("exercises") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise ValueError("it is not a JourneyKit progress file")
    return {k: dict(v) for k, v in table.items() if isinstance(v, dict)}


def note(question: Question, feedback: Feedback) -> None:
    """Note *feedback*'s outcome for *question* in the progress file (never raises)."""
    if not question.exercise or feedback.outcome not in ("correct", "incorrect"):
        return
    done = feedback.correct
    path = progress_path()
    try:
        table = _read(path)
        entry = table.setdefault(question.exercise, {})
        if isinstance(entry.get(question.name), dict) and entry[question.name].get("done") == done:
            return
        stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        entry[question.name] = {"done": done, "checked": stamp}
        text = json.dumps({"version": FILE_VERSION, "exercises": table}, indent=1, sort_keys=True)
        from ..model.files import write_text_atomic

        write_text_atomic(path, text + "\n")
    except (OSError, ValueError, JourneyMapError):
        return  # a check must never fail because its note could not be kept


@dataclass(frozen=True)
class ExerciseProgress:
    """How far one exercise notebook is done."""

    exercise: str
    title: str
    notebook: str
    #: (question name, kind, done) in question order.
    questions: tuple[tuple[str, str, bool], ...]

    @property
    def done(self) -> int:
        return sum(1 for _, _, done in self.questions if done)

    @property
    def left(self) -> list[str]:
        """The open questions, as ``q2 (match touchpoints to stages)``."""
        return [f"{name} ({kind})" for name, kind, done in self.questions if not done]

    def line(self) -> str:
        total = len(self.questions)
        head = f"{self.exercise} · {self.title}: {self.done} of {total} questions done."
        if not self.left:
            return head + " Nothing left: well done."
        return head + " Left: " + ", ".join(self.left) + "."


@dataclass(frozen=True)
class Progress:
    """What ``jk.progress()`` shows: the course's exercise notebooks and what is done in each.

    ``print`` it, show it in a notebook (a table), or take :meth:`table` as a DataFrame.
    """

    exercises: tuple[ExerciseProgress, ...]
    source: str
    problem: str = ""

    def table(self) -> pd.DataFrame:
        """One row per exercise notebook: id, title, questions, done, left."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "exercise": e.exercise,
                    "title": e.title,
                    "questions": len(e.questions),
                    "done": e.done,
                    "left": ", ".join(name for name, _, done in e.questions if not done),
                }
                for e in self.exercises
            ],
            columns=["exercise", "title", "questions", "done", "left"],
        )

    def _headline(self) -> str:
        if len(self.exercises) == 1:
            return ""
        total = sum(len(e.questions) for e in self.exercises)
        done = sum(e.done for e in self.exercises)
        finished = sum(1 for e in self.exercises if not e.left)
        return (
            f"Your progress: {done} of {total} questions done; {finished} of "
            f"{len(self.exercises)} exercise notebooks finished."
        )

    def _footnote(self) -> str:
        if self.problem:
            return f"The progress file could not be read ({self.problem}): {self.source}."
        return ""

    def __str__(self) -> str:
        if len(self.exercises) == 1:
            return "\n".join(filter(None, [self.exercises[0].line(), self._footnote()]))
        width = max(len(e.title) for e in self.exercises)
        rows = [
            f"{e.exercise}  {e.title:<{width}}  {e.done} of {len(e.questions)}  "
            + ("finished" if not e.left else "left: " + ", ".join(e.left))
            for e in self.exercises
        ]
        return "\n".join(filter(None, [self._headline(), *rows, self._footnote()]))

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        note_ = f"<p><i>{html.escape(self._footnote())}</i></p>" if self.problem else ""
        if len(self.exercises) == 1:
            return f"<p>{html.escape(self.exercises[0].line())}</p>{note_}"
        rows = "".join(
            f"<tr><td>{e.exercise}</td><td>{html.escape(e.title)}</td>"
            f'<td style="text-align:right">{e.done} of {len(e.questions)}</td>'
            f"<td>{'✓ finished' if not e.left else html.escape(', '.join(e.left))}</td></tr>"
            for e in self.exercises
        )
        return (
            f"<p><b>{html.escape(self._headline())}</b></p>"
            "<table><thead><tr><th>Exercise</th><th>Notebook</th><th>Done</th>"
            f"<th>Left</th></tr></thead><tbody>{rows}</tbody></table>{note_}"
        )


def _questions(exercise: str) -> list[Question]:
    return list(import_module(f"{__package__}.{exercise}").QUESTIONS)


def progress(exercise: str | None = None) -> Progress:
    """Which questions of the course's exercise notebooks are done, from this computer's notes.

    Parameters
    ----------
    exercise : str, optional
        One exercise notebook's id (``"ex04"``): what is done in it and what is left.
        By default, every exercise notebook of the course.

    Returns
    -------
    Progress
        Shows as a table in a notebook; ``print`` gives the same as text, and
        ``Progress.table()`` a DataFrame.

    Raises
    ------
    JourneyMapError
        For an *exercise* id the course does not have.

    Examples
    --------
    >>> import os, tempfile, pathlib
    >>> os.environ["JOURNEYKIT_PROGRESS"] = str(pathlib.Path(tempfile.mkdtemp()) / "p.json")
    >>> progress().table().loc[:1, ["exercise", "questions", "done"]]
      exercise  questions  done
    0     ex00          3     0
    1     ex01          3     0
    """
    if exercise is not None and exercise not in COURSE:
        from ..errors import Problem

        raise JourneyMapError(
            [Problem("exercise", f"the course has no exercise {exercise!r}", _known())]
        )
    path = progress_path()
    problem = ""
    try:
        table = _read(path)
    except (OSError, ValueError) as err:
        table, problem = {}, str(err)
    wanted = [exercise] if exercise else list(COURSE)
    rows = []
    for key in wanted:
        title, notebook = COURSE[key]
        noted: Mapping[str, Any] = table.get(key, {})
        rows.append(
            ExerciseProgress(
                key,
                title,
                notebook,
                tuple(
                    (
                        q.name,
                        q.kind,
                        bool(isinstance(noted.get(q.name), dict) and noted[q.name].get("done")),
                    )
                    for q in _questions(key)
                ),
            )
        )
    return Progress(tuple(rows), str(path), problem)


def _known() -> str:
    return "use one of " + ", ".join(COURSE)
