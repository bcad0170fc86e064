"""What the class got wrong: a debrief page from an assignment's autograded notebooks.

Every test cell of a graded notebook keeps the learner's answer as plain data (its answer
record, :data:`~.testcell.RECORD_MIME`). This module reads those records from nbgrader's
``autograded/`` folder, judges each answer again with the kit's checks, and tallies per
question: how many got it right, how many left it blank, and the most common mistakes, each
with the kit's feedback on it and an example answer. The page is built like the class
roll-up's (:mod:`journeykit.debrief.page`): one offline file, learner text escaped, no names.
The full feedback shows here (which stage an item belongs to): the page is for the teacher's
debrief after the marks are in, not for a learner before.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..export.html_page import esc, figure_div, standalone_page
from .parts import find_question, judge
from .plain import from_plain
from .testcell import RECORD_MIME

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

#: Mistakes listed per question, most common first.
TOP_MISTAKES = 5
#: An answer shown as an example is cut to this many characters.
EXAMPLE_CHARS = 160


@dataclass
class Tally:
    """One question of the assignment, across the class."""

    exercise: str
    question: str
    part: str
    kind: str
    submissions: int = 0
    correct: int = 0
    blank: int = 0
    #: feedback point -> how many submissions got it
    points: Counter[str] = field(default_factory=Counter)
    #: feedback point -> an example answer that got it
    examples: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.question}" + (f" ({self.part})" if self.part else "")

    @property
    def share_correct(self) -> float:
        return self.correct / self.submissions if self.submissions else 0.0

    def top(self) -> list[tuple[str, int, str]]:
        """(feedback point, submissions, example answer), most common first."""
        return [
            (point, count, self.examples.get(point, ""))
            for point, count in self.points.most_common(TOP_MISTAKES)
        ]


def _records(notebook: Path) -> list[dict[str, Any]]:
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return []
    found = []
    for cell in cells:
        for output in cell.get("outputs", []) if isinstance(cell, dict) else []:
            record = output.get("data", {}).get(RECORD_MIME) if isinstance(output, dict) else None
            if isinstance(record, dict) and "missing" not in record and "rubric" not in record:
                found.append(record)
    return found


def _example(answers: dict[str, Any]) -> str:
    """A learner's answer as short text (the first variable's value)."""
    if not answers:
        return ""
    value = from_plain(next(iter(answers.values())))
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"


def class_mistakes(root: str | Path, assignment: str) -> list[Tally]:
    """Tally every autograded answer of *assignment* in nbgrader course folder *root*."""
    tallies: dict[tuple[str, str, str], Tally] = {}
    folder = Path(root) / "autograded"
    for notebook in sorted(folder.glob(f"*/{assignment}/*.ipynb")):
        for record in _records(notebook):
            key = (
                str(record.get("exercise")),
                str(record.get("question")),
                str(record.get("part", "")),
            )
            try:
                question = find_question(key[0], key[1])
            except (LookupError, ImportError):
                continue
            tally = tallies.setdefault(key, Tally(*key, kind=question.kind))
            raw = record.get("answers")
            answers: dict[str, Any] = raw if isinstance(raw, dict) else {}
            tally.submissions += 1
            try:
                feedback = judge(question, key[2], {k: from_plain(v) for k, v in answers.items()})
            except Exception:  # a record that does not read back counts as blank
                tally.blank += 1
                continue
            if feedback.correct:
                tally.correct += 1
            elif feedback.outcome == "unanswered":
                tally.blank += 1
            else:
                for point in feedback.details or (feedback.message,):
                    if point.startswith("... and "):
                        continue
                    tally.points[point] += 1
                    tally.examples.setdefault(point, _example(answers))
    return sorted(tallies.values(), key=lambda t: (t.exercise, int(t.question[1:]), t.part))


def mistakes_table(tallies: list[Tally]) -> pd.DataFrame:
    """One row per question: submissions, correct, blank, share correct, top mistake."""
    import pandas as pd

    return pd.DataFrame(
        [
            {
                "exercise": t.exercise,
                "question": t.label,
                "kind": t.kind,
                "submissions": t.submissions,
                "correct": t.correct,
                "blank": t.blank,
                "share_correct": round(t.share_correct, 3),
                "top_mistake": t.top()[0][0] if t.points else "",
            }
            for t in tallies
        ]
    )


def _figure(tallies: list[Tally]) -> go.Figure:
    import plotly.graph_objects as go

    from ..figures.layout import themed_figure

    bar = go.Bar(
        x=[round(100 * t.share_correct) for t in tallies],
        y=[f"{t.exercise} {t.label}" for t in tallies],
        orientation="h",
        text=[f"{t.correct} of {t.submissions}" for t in tallies],
        textposition="auto",
        hovertemplate="%{y}: %{x}% right<extra></extra>",
    )
    return themed_figure(
        [bar],
        "Who got each question right",
        "share of the submissions with the right answer",
        None,
        plot_height=36 * len(tallies),
        xaxis={"title": {"text": "% right"}, "range": [0, 100]},
        yaxis={"autorange": "reversed"},
    )


def _section(t: Tally) -> str:
    head = (
        f"<h2>{esc(t.exercise)} {esc(t.label)} · {esc(t.kind)}</h2>"
        f'<p class="hint">{t.correct} of {t.submissions} right ({t.share_correct:.0%}), '
        f"{t.blank} left blank.</p>"
    )
    if not t.points:
        return f"<section>{head}<p>No mistakes to discuss.</p></section>"
    rows = "".join(
        f'<tr><td>{esc(point)}</td><td class="num">{count}</td>'
        f'<td class="variants">{esc(example)}</td></tr>'
        for point, count, example in t.top()
    )
    return (
        f'<section>{head}<table class="data"><thead><tr><th>What the kit told them</th>'
        f"<th>Learners</th><th>An answer that got it</th></tr></thead><tbody>{rows}"
        "</tbody></table></section>"
    )


def mistakes_page(tallies: list[Tally], title: str) -> str:
    """The debrief page: the share correct per question, then each question's mistakes."""
    from ..debrief.page import debrief_css

    total = max((t.submissions for t in tallies), default=0)
    body = (
        f'<main><header><h1>{esc(title)}</h1><div class="summary"><p>{total} '
        "submissions, autograded with the kit's checks. Below each question: the most "
        "common mistakes, what the kit told the learners who made them, and an example "
        "answer (no names).</p></div></header>"
    )
    if tallies:
        body += f'<section class="figure">{figure_div(_figure(tallies), "jk-mistakes")}</section>'
    else:
        body += "<p>No autograded answers yet: run the autograding first.</p>"
    body += "".join(_section(t) for t in tallies) + "</main>"
    return standalone_page(title, debrief_css(), body)


def write_mistakes_page(root: str | Path, assignment: str, out: str | Path) -> Path:
    """Write the debrief page of *assignment*'s mistakes to *out*; return its path."""
    from ..model.files import write_text_atomic

    tallies = class_mistakes(root, assignment)
    page = mistakes_page(tallies, f"What the class got wrong: {assignment}")
    return write_text_atomic(out, page)
