"""The kit's plugins for nbgrader, switched on by the course's ``nbgrader_config.py``.

:func:`configure` puts them in nbgrader's own pipelines (nbgrader's extension points, no
grader of our own):

* :class:`JudgeOutsideKernel` runs in ``nbgrader autograde`` right after the notebook has
  run. For every test cell the kit wrote (read from the cell's source, which nbgrader has
  restored from the course's copy) it takes the answer record the cell left, judges it again
  here, in the grader's own process with the kit's checks, and writes the cell's outputs
  itself. Whatever the learner's cells did inside the kernel (patched the checks, swallowed
  errors, printed a fake result), the marks come from the answer values alone. A test cell
  that left no record (it never ran, the kernel died, the cell was stopped) scores zero and
  says why.
* ``generate_feedback`` also clears hidden tests and mark schemes from what a learner gets
  back (nbgrader shows both by default), and :class:`FeedbackExporter` leaves out the one
  script nbgrader's feedback page loads from the internet (MathJax), so the page opens
  offline.

This module imports nbgrader; only the course's config (and the tests) load it.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import nbformat
from nbconvert.exporters import HTMLExporter
from nbgrader import utils
from nbgrader.converters import Autograde, GenerateFeedback
from nbgrader.preprocessors import (
    ClearHiddenTests,
    ClearMarkScheme,
    Execute,
    GetGrades,
    NbGraderPreprocessor,
)

from ..exercises.core import Feedback
from .testcell import (
    GRADER_JUDGES,
    RECORD_MIME,
    Call,
    Marked,
    mark,
    outputs,
    rubric_outputs,
)

#: A script or stylesheet a page would fetch from the internet.
_REMOTE = re.compile(
    r"<script[^>]*\bsrc=[\"']https?://[^\"']*[\"'][^>]*>\s*</script>|"
    r"<link[^>]*\bhref=[\"']https?://[^\"']*[\"'][^>]*>",
    re.IGNORECASE,
)


def calls_in(source: str) -> list[Call]:
    """The kit's calls in a test cell's source: ``test(...)`` and ``show_rubric(...)``."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id not in ("test", "show_rubric"):
            continue
        try:
            args = [ast.literal_eval(a) for a in node.args]
            kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
        except ValueError:
            continue
        if node.func.id == "show_rubric" and len(args) in (2, 3):
            found.append(Call(str(args[0]), str(args[1]), 0, kind="rubric"))
        elif node.func.id == "test" and len(args) in (2, 3):
            found.append(
                Call(
                    str(args[0]),
                    str(args[1]),
                    float(kwargs.get("points", 0)),
                    str(kwargs.get("part", "")),
                    bool(kwargs.get("full", True)),
                )
            )
    return found


@contextmanager
def _working_in(folder: str | Path) -> Iterator[None]:
    """Run in *folder*, as the notebook's kernel did (relative paths, ``my_maps/``)."""
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _records(cell: Any) -> list[dict[str, Any]]:
    return [
        output["data"][RECORD_MIME]
        for output in cell.get("outputs", [])
        if output.get("output_type") == "display_data"
        and isinstance(output.get("data", {}).get(RECORD_MIME), dict)
    ]


def _why_not_run(cell: Any) -> str:
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if errors:
        return f"it stopped with {errors[-1].get('ename', 'an error')}"
    return "it did not run"


def _not_run(call: Call, cell: Any) -> list[dict[str, Any]]:
    feedback = Feedback(
        "incorrect",
        f"this test could not finish ({_why_not_run(cell)}), so it found no answer to mark. "
        "Run the notebook from the top and make sure no cell above it stops it or runs forever.",
    )
    marked = Marked(call, feedback, False)
    record = {"exercise": call.exercise, "question": call.question, "part": call.part}
    return outputs(marked, {**record, "answers": {}, "missing": True})


def judge_cell(cell: Any) -> bool:
    """Write the outputs of one of the kit's cells from its answer records; False if not one."""
    calls = calls_in(cell.get("source", ""))
    if cell.get("cell_type") != "code" or not calls:
        return False
    records = _records(cell)
    new: list[dict[str, Any]] = []
    for call in calls:
        if not call.full:
            continue
        record = next(
            (
                r
                for r in records
                if r.get("exercise") == call.exercise
                and r.get("question") == call.question
                and r.get("part", "") == call.part
            ),
            None,
        )
        trusted = {"exercise": call.exercise, "question": call.question, "part": call.part}
        answers = record.get("answers") if record else None
        if not isinstance(answers, dict):
            if call.kind == "rubric":  # no map to fill the rubric in from
                new += rubric_outputs(call, {**trusted, "answers": {}})
            else:
                new += _not_run(call, cell)
            continue
        try:
            if call.kind == "rubric":
                new += rubric_outputs(call, {**trusted, "answers": answers})
            else:
                new += outputs(mark(call, answers), {**trusted, "answers": answers})
        except Exception:  # a record that does not read back: no marks, and say so
            new += _not_run(call, {"outputs": []})
    cell["outputs"] = [nbformat.from_dict(output) for output in new]
    return True


class JudgeOutsideKernel(NbGraderPreprocessor):  # type: ignore[misc]  # nbgrader is untyped
    """Judge the kit's test cells again from their answer records, outside the kernel."""

    def preprocess(self, nb: Any, resources: Any) -> tuple[Any, Any]:
        folder = resources.get("metadata", {}).get("path") or "."
        with _working_in(folder):
            for cell in nb.cells:
                if utils.is_locked(cell) or utils.is_grade(cell):
                    judge_cell(cell)
        return nb, resources


class FeedbackExporter(HTMLExporter):
    """nbgrader's feedback page without the scripts it would fetch from the internet."""

    def from_notebook_node(  # type: ignore[override]  # as HTMLExporter's own
        self, nb: Any, resources: Any = None, **kw: Any
    ) -> tuple[str, Any]:
        output, resources = super().from_notebook_node(nb, resources, **kw)
        return offline(output), resources


def offline(page: str) -> str:
    """*page* without ``<script src=http...>`` and ``<link href=http...>`` tags."""
    return _REMOTE.sub("", page)


def _default(cls: Any, name: str) -> list[Any]:
    return list(cls.class_traits()[name].default())


def configure(c: Any) -> None:
    """Put the kit's plugins into nbgrader's pipelines (call it from ``nbgrader_config.py``).

    Also tells the kernels nbgrader starts that the plugin judges the answers
    (:data:`~.testcell.GRADER_JUDGES`), so their test cells only record them.
    """
    os.environ[GRADER_JUDGES] = "1"
    autograde = _default(Autograde, "autograde_preprocessors")
    autograde.insert(autograde.index(Execute) + 1, JudgeOutsideKernel)
    c.Autograde.autograde_preprocessors = autograde
    feedback = _default(GenerateFeedback, "preprocessors")
    feedback[feedback.index(GetGrades) + 1 : feedback.index(GetGrades) + 1] = [
        ClearHiddenTests,
        ClearMarkScheme,
    ]
    c.GenerateFeedback.preprocessors = feedback
    c.GenerateFeedback.exporter_class = FeedbackExporter
