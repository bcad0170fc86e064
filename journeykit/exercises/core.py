"""The question object every exercise uses: ``check()``, ``hint()``, ``solution()``.

The pattern follows Kaggle's learntools. A learner assigns a named variable in
the notebook (``stage_order = [...]``) and runs ``q.q1.check()``; the check reads
that variable from the notebook's namespace (the frame that called it, or the
IPython user namespace), so the answer cell stays ordinary Python. Passing the
answer directly works too: ``q.q1.check([...])``.

A check never raises. A missing variable or one still holding the ``____``
placeholder gives a "Fill in ... then run this cell again" prompt; a wrong
answer gives specific feedback; anything unexpected is reported as feedback
too, never as a traceback.

In Jupyter the feedback shows as coloured Markdown (with a ``text/plain``
twin, which is what nbval compares); in plain Python it is printed.

Examples
--------
>>> from journeykit.exercises.core import ____, Feedback
>>> ____
____
>>> print(Feedback("incorrect", "Purchase comes before Retention in this framework."))
Not quite: Purchase comes before Retention in this framework.
"""

from __future__ import annotations

import html
import inspect
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from ..errors import JourneyMapError

Outcome = Literal["correct", "incorrect", "unanswered", "hint", "solution", "ready"]

#: What one answer variable holds: ``value`` (a value the check compares with the truth),
#: ``choice`` (one of a few named options) or ``reason`` (free text the check does not mark).
PartKind = Literal["value", "choice", "reason"]


@dataclass(frozen=True)
class Part:
    """One answer variable of a question, described for graders (machine-readable).

    ``jk``'s nbgrader course (issue 24) turns each ``reason`` part into a manually graded
    cell and each ``value`` or ``choice`` part into an autograded test; the fields are a
    stable interface, listed by :meth:`Question.describe`.

    Parameters
    ----------
    variable : str
        The notebook variable that holds it.
    kind : {"value", "choice", "reason"}
        What it holds.
    graded : {"auto", "manual"}
        ``auto``: ``check()`` marks it; ``manual``: a person reads it (reasons).
    model_answer : str
        A right answer, as a learner would write it (code for values, a sentence for reasons).
    look_for : tuple of str
        What a marker looks for in a good answer, one point per entry.
    """

    variable: str
    kind: PartKind
    graded: Literal["auto", "manual"]
    model_answer: str
    look_for: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "variable": self.variable,
            "kind": self.kind,
            "graded": self.graded,
            "model_answer": self.model_answer,
            "look_for": list(self.look_for),
        }


#: Colours of the bold label in front of each kind of feedback (learntools-like).
_COLOURS: dict[str, str] = {
    "correct": "#2e7d32",
    "incorrect": "#c62828",
    "unanswered": "#1565c0",
    "hint": "#3366cc",
    "solution": "#00897b",
    "ready": "#1565c0",
}
_LABELS: dict[str, str] = {
    "correct": "Correct",
    "incorrect": "Not quite:",
    "unanswered": "Fill in",
    "hint": "Hint:",
    "solution": "Solution:",
    "ready": "Ready:",
}
#: How many wrong items one feedback lists before summarising the rest.
MAX_DETAILS = 3
#: How the feedback starts when a check itself failed on an answer it did not expect. Learners
#: should never see it for a wrong answer of the right shape; tests check that they do not.
CHECK_FAILED = "the check could not read your answer"
_MARKDOWN_SPECIAL = re.compile(r"([\\*_\[\]#|~])")
_CODE_SPAN = re.compile(r"(`[^`]*`)")


class Placeholder:
    """The ``____`` a learner replaces with an answer (one shared instance)."""

    _instance: ClassVar[Placeholder | None] = None

    def __new__(cls) -> Placeholder:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"


#: Put this where the answer goes: ``stage_order = ____``.
____ = Placeholder()


def blank_count(value: Any) -> int:
    """How many ``____`` placeholders *value* still holds (looking inside containers).

    Examples
    --------
    >>> blank_count({"Aware": ____, "Engage": "Consideration"})
    1
    >>> blank_count(["Discover", "Engage"])
    0
    """
    if value is ____ or (isinstance(value, str) and value.strip() == "____"):
        return 1
    if isinstance(value, Mapping):
        return sum(blank_count(k) + blank_count(v) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return sum(blank_count(item) for item in value)
    return 0


def capped(details: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """At most :data:`MAX_DETAILS` points, then a line saying how many more there are.

    Examples
    --------
    >>> capped(["a", "b", "c", "d", "e"])
    ('a', 'b', 'c', '... and 2 more.')
    """
    if len(details) <= MAX_DETAILS:
        return tuple(details)
    return (*details[:MAX_DETAILS], f"... and {len(details) - MAX_DETAILS} more.")


def _markdown_text(text: str) -> str:
    """Escape HTML and Markdown in *text*, leaving our own `code spans` alone."""
    parts = _CODE_SPAN.split(text)
    return "".join(
        part
        if part.startswith("`") and part.endswith("`") and len(part) > 1
        else _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(part, quote=False))
        for part in parts
    )


@dataclass(frozen=True)
class Feedback:
    """What a check, a hint or a solution tells the learner.

    Parameters
    ----------
    outcome : {"correct", "incorrect", "unanswered", "hint", "solution", "ready"}
        Which kind of message this is; it sets the label and its colour. ``ready`` is what a
        graded assignment's visible test says about a complete answer it does not judge.
    message : str
        One or two sentences. Backticks mark code (``stage_order``).
    details : tuple of str
        Extra points, shown as a bulleted list under the message.
    code : str
        Code to show in a block (solutions only).
    verdict : bool
        True when the answer was complete and of the right form and this says whether its
        content is right: the wrong values themselves, not a typo or a missing item. A graded
        assignment's visible test shows only the feedback that is not a verdict.
    without_answer : Feedback, optional
        The same verdict worded so that it does not give the expected answer away (which
        stage an item belongs to, which stage comes first). Graded feedback for a hidden test
        shows this wording; None when this feedback gives nothing away already.

    Examples
    --------
    >>> fb = Feedback("incorrect", "2 items are in the wrong lane:",
    ...               ("'Instagram post' is a touchpoint, not a business activity.",))
    >>> print(fb)
    Not quite: 2 items are in the wrong lane:
      - 'Instagram post' is a touchpoint, not a business activity.
    >>> fb.correct
    False
    """

    outcome: Outcome
    message: str
    details: tuple[str, ...] = ()
    code: str = ""
    verdict: bool = False
    without_answer: Feedback | None = None

    @property
    def correct(self) -> bool:
        """True when the answer passed the check."""
        return self.outcome == "correct"

    def safe(self) -> Feedback:
        """This feedback as it may be shown without giving the expected answer away."""
        return self.without_answer or self

    def text(self) -> str:
        """Plain text: what ``print`` shows and what nbval compares."""
        label = _LABELS[self.outcome]
        head = f"{label} {self.message}" if self.message else label
        if self.outcome == "correct" and self.message:
            head = f"{label}: {self.message}"
        lines = [head.replace("`", "")]
        lines += [f"  - {detail}".replace("`", "") for detail in self.details]
        if self.code:
            lines += ["", self.code]
        return "\n".join(lines).rstrip()

    def markdown(self) -> str:
        """Markdown with a coloured bold label, for Jupyter."""
        label = _LABELS[self.outcome]
        colour = _COLOURS[self.outcome]
        sep = ": " if self.outcome == "correct" and self.message else " "
        head = f'<span style="color:{colour}">**{label}**</span>'
        if self.message:
            head += sep + _markdown_text(self.message)
        blocks = [head]
        if self.details:
            blocks.append("\n".join(f"- {_markdown_text(d)}" for d in self.details))
        if self.code:
            blocks.append(f"```python\n{self.code}\n```")
        return "\n\n".join(blocks)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/markdown": self.markdown(), "text/plain": self.text()}

    def __str__(self) -> str:
        return self.text()


def show(feedback: Feedback) -> None:
    """Display *feedback* as Markdown in Jupyter, or print it in plain Python."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        print(feedback.text())
        return
    from IPython.display import display

    display(feedback)


def caller_namespace() -> dict[str, Any]:
    """The variables of the code that called into this package (a notebook cell, a test).

    Walks out of ``journeykit.exercises`` frames, merges that frame's globals
    and locals, then fills in anything else from the IPython user namespace.
    """
    namespace: dict[str, Any] = {}
    frame = inspect.currentframe()
    try:
        while frame is not None and str(frame.f_globals.get("__name__", "")).startswith(
            __package__ or "journeykit.exercises"
        ):
            frame = frame.f_back
        if frame is not None:
            namespace.update(frame.f_globals)
            namespace.update(frame.f_locals)
    finally:
        del frame
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None:
        for key, value in shell.user_ns.items():
            namespace.setdefault(key, value)
    return namespace


_MISSING = object()


class Question:
    """One exercise question. Subclasses implement :meth:`judge`.

    Parameters
    ----------
    variables : str or tuple of str
        The notebook variable(s) that hold the answer, in the order
        ``check(*answers)`` takes them.
    hints : str or tuple of str
        ``hint()`` shows the first, ``hint(2)`` the second, and so on.
    solution : str
        Code that sets every variable correctly. ``solution()`` shows it and the
        tests run it, so the solution shown to learners always passes.
    explanation : str
        A sentence shown under the solution: why this is the answer.
    kind : str, optional
        A more specific name for the kind of exercise than the class gives.
    """

    #: What kind of exercise this is (for the facilitator guide and reports).
    kind: str = "question"
    #: True when the answer is a fact that a right-or-wrong signal would give away (a
    #: stage, an order, a number): a graded assignment keeps its test hidden and its
    #: feedback in the :attr:`Feedback.without_answer` wording. False for answers the
    #: learner builds (a map, a file), where the check's feedback gives nothing away.
    secret: ClassVar[bool] = True

    def __init__(
        self,
        *,
        variables: str | tuple[str, ...],
        hints: str | tuple[str, ...],
        solution: str,
        explanation: str = "",
        kind: str | None = None,
    ) -> None:
        if kind is not None:
            self.kind = kind
        self.variables = (variables,) if isinstance(variables, str) else tuple(variables)
        self.hints = (hints,) if isinstance(hints, str) else tuple(hints)
        self.solution_code = solution.strip("\n")
        self.explanation = explanation
        self.name = "q"
        #: The exercise notebook's id (``"ex04"``), set by :func:`bind`.
        self.exercise = ""

    # ----- what the learner calls ---------------------------------------------------
    def check(self, *answers: Any) -> None:
        """Check the answer and show the feedback (never raises).

        The outcome is noted in the learner's progress file (:func:`journeykit.progress`).
        In an assessed notebook (:func:`assessed`) a question whose answer is
        :attr:`secret` is only checked for its form, as the assignment's visible test does.
        """
        feedback = self.evaluate(*answers, namespace=None if answers else caller_namespace())
        if self.exercise in _ASSESSED:
            feedback = self.form_feedback(feedback)
        else:
            from .tracking import note

            note(self, feedback)
        show(feedback)

    def hint(self, n: int = 1) -> None:
        """Show hint number *n* (1 is the gentlest)."""
        show(self.hint_feedback(n))

    def solution(self) -> None:
        """Show code that answers the question, and why (not in an assessed notebook)."""
        if self.exercise in _ASSESSED:
            show(Feedback("hint", ASSESSED_SOLUTION))
            return
        show(Feedback("solution", self.explanation, code=self.solution_code))

    def form_feedback(self, feedback: Feedback) -> Feedback:
        """What a graded assignment's visible test says about *feedback*'s answer.

        A question whose answer is :attr:`secret` says only whether the answer is complete
        and of the right form; anything else (a missing item, a name the question does not
        use, the wrong type) is shown as the check gives it, since it gives nothing away.
        Other questions show the whole feedback.
        """
        if not self.secret or not (feedback.correct or feedback.verdict):
            return feedback
        return Feedback("ready", FORM_OK)

    # ----- what tests and the other methods use -------------------------------------
    def evaluate(self, *answers: Any, namespace: Mapping[str, Any] | None = None) -> Feedback:
        """The feedback for *answers* (or the variables in *namespace*), never raising."""
        try:
            values = self._collect(answers, namespace)
            if isinstance(values, Feedback):
                return values
            return self.judge(*values)
        except JourneyMapError as err:
            return Feedback(
                "incorrect",
                "the kit found a problem with your answer:",
                tuple(str(p) for p in err.problems),
            )
        except Exception as err:  # a check must never show a traceback
            return Feedback(
                "incorrect",
                f"{CHECK_FAILED} ({type(err).__name__}: {err}). "
                "Compare it with the example in the instructions, or run "
                f"`{self.name}.hint()`.",
            )

    def hint_feedback(self, n: int = 1) -> Feedback:
        if not self.hints:
            return Feedback("hint", "There is no hint for this one: try the solution.")
        index = min(max(int(n), 1), len(self.hints)) - 1
        more = (
            f" (run `q.{self.name}.hint({index + 2})` for another)"
            if index + 1 < len(self.hints)
            else ""
        )
        return Feedback("hint", self.hints[index] + more)

    def judge(self, *values: Any) -> Feedback:
        """Compare the answer with the truth. Subclasses override this."""
        raise NotImplementedError

    # ----- helpers for subclasses ---------------------------------------------------
    def correct(self, message: str = "") -> Feedback:
        return Feedback("correct", message)

    def wrong(self, message: str, details: tuple[str, ...] | list[str] = ()) -> Feedback:
        """Feedback for an answer that cannot be judged yet: its form, a typo, a gap."""
        return Feedback("incorrect", message, tuple(details))

    def verdict(
        self,
        message: str,
        details: tuple[str, ...] | list[str] = (),
        *,
        without_answer: str | tuple[str, tuple[str, ...] | list[str]] | None = None,
    ) -> Feedback:
        """Feedback for a complete answer whose content is wrong (see :attr:`Feedback.verdict`).

        *without_answer* is the same point worded so it does not give the expected answer
        away: a message, or a message and its details.
        """
        hidden = None
        if without_answer is not None:
            text, more = (without_answer, ()) if isinstance(without_answer, str) else without_answer
            hidden = Feedback("incorrect", text, tuple(more), verdict=True)
        return Feedback("incorrect", message, tuple(details), verdict=True, without_answer=hidden)

    def fill_in(self, message: str) -> Feedback:
        return Feedback("unanswered", f"{message}, then run this cell again.")

    def _collect(
        self, answers: tuple[Any, ...], namespace: Mapping[str, Any] | None
    ) -> list[Any] | Feedback:
        names = ", ".join(f"`{v}`" for v in self.variables)
        if answers:
            if len(answers) != len(self.variables):
                return self.wrong(
                    f"`check()` takes {len(self.variables)} answer(s) here "
                    f"({names}); it got {len(answers)}."
                )
            values = list(answers)
        else:
            space = namespace if namespace is not None else caller_namespace()
            values = [space.get(v, _MISSING) for v in self.variables]
            missing = [
                v for v, value in zip(self.variables, values, strict=True) if value is _MISSING
            ]
            if missing:
                listed = " and ".join(f"`{v}`" for v in missing)
                return self.fill_in(
                    f"{listed} and run that cell first (Python does not know {listed} yet)"
                )
        blanks = {v: blank_count(value) for v, value in zip(self.variables, values, strict=True)}
        open_ = [v for v, count in blanks.items() if count]
        if open_:
            total = sum(blanks.values())
            where = " and ".join(f"`{v}`" for v in open_)
            what = "the `____`" if total == 1 else f"all {total} `____` blanks"
            return self.fill_in(
                f"{where}: replace {what} with your answer" + ("s" if total > 1 else "")
            )
        return values

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}: set {', '.join(self.variables)}>"

    # ----- what graders read ---------------------------------------------------------
    #: The kind of every answer variable, unless :meth:`parts` says otherwise.
    part_kind: ClassVar[PartKind] = "value"

    def parts(self) -> tuple[Part, ...]:
        """Each answer variable described for graders; subclasses with reasons override it."""
        return tuple(
            Part(variable, self.part_kind, "auto", self._model_line(variable))
            for variable in self.variables
        )

    def _model_line(self, variable: str) -> str:
        """The solution's code for *variable* (the whole solution when it is one statement)."""
        lines = self.solution_code.splitlines()
        start = next((i for i, line in enumerate(lines) if line.startswith(f"{variable} =")), None)
        if start is None:
            return self.solution_code
        block = [lines[start]]
        for line in lines[start + 1 :]:
            if not line.startswith((" ", "}", "]", ")")):
                break
            block.append(line)
        return "\n".join(block)

    def describe(self) -> dict[str, Any]:
        """The question for graders, as plain data: its name, kind, parts and explanation.

        Examples
        --------
        >>> from journeykit.exercises import ex06
        >>> [(p["variable"], p["kind"], p["graded"]) for p in ex06.q3.describe()["parts"]]
        [('firm_framework', 'choice', 'auto'), ('firm_reason', 'reason', 'manual')]
        """
        return {
            "name": self.name,
            "kind": self.kind,
            "parts": [part.to_dict() for part in self.parts()],
            "explanation": self.explanation,
        }


def describe(questions: list[Question]) -> list[dict[str, Any]]:
    """Every question of an exercise module for graders: ``describe(ex06.QUESTIONS)``."""
    return [question.describe() for question in questions]


#: What an assessed notebook's check says about a complete answer of the right form.
FORM_OK = (
    "your answer is complete and in the form the question asks for. It is marked when your "
    "work is graded, and the feedback you get back says what to work on."
)
#: What ``solution()`` says in an assessed notebook.
ASSESSED_SOLUTION = (
    "this notebook is graded, so its solutions stay hidden until your instructor shares them. "
    "Try `hint()` instead."
)
#: Exercise ids whose notebook is a graded assignment (see :func:`assessed`).
_ASSESSED: set[str] = set()


def assessed(module: Any) -> None:
    """Treat exercise *module* (``q``) as a graded assignment from now on, in this kernel.

    Its checks then say only whether a secret answer is complete and of the right form, and
    ``solution()`` stays quiet: the setup cell of an nbgrader assignment calls this (see
    ``journeykit course nbgrader``). It is a courtesy, not a lock: the answers ship with the
    kit, and docs/grading.md says what that means for marks.
    """
    _ASSESSED.add(str(getattr(module, "__name__", module)).rpartition(".")[2])


def bind(namespace: dict[str, Any]) -> list[Question]:
    """Name the questions ``q1``, ``q2`` ... defined in an exercise module.

    Call it at the bottom of the module with ``globals()``; it returns the
    questions in order, which is what the module's ``QUESTIONS`` holds.
    """
    exercise = str(namespace.get("__name__", "")).rpartition(".")[2]
    found = sorted(
        (
            (int(key[1:]), value)
            for key, value in namespace.items()
            if re.fullmatch(r"q\d+", key) and isinstance(value, Question)
        ),
        key=lambda pair: pair[0],
    )
    for number, question in found:
        question.name = f"q{number}"
        question.exercise = exercise
    return [question for _, question in found]
