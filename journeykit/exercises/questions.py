"""The kinds of question that check plain answers: orders, numbers, stages, frameworks.

Each class turns a wrong answer into the sentence that explains it ("Purchase
comes before Retention in this framework"); questions that match items to
stages or lanes are in :mod:`.matching`. The right answers come in as functions, called at
check time, so importing an exercise module stays cheap and the truth always
comes from the kit's current data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..catalogue import framework_ids, get_framework
from ._text import join_words, norm, number_from, quote, resolve, shape_hint, suggestion
from .core import Feedback, Part, Question, capped
from .truths import fact_figure, framework_phrase


class OrderQuestion(Question):
    """Put the stages of a framework in order.

    Examples
    --------
    >>> q = OrderQuestion("five-stage", hints="Start with Awareness.",
    ...                   solution='stage_order = ["Awareness"]')
    >>> print(q.evaluate(["Awareness", "Consideration", "Retention", "Purchase", "Advocacy"]))
    Not quite: Purchase comes before Retention in this framework.
    """

    kind = "order the stages"

    def __init__(self, framework: str, variable: str = "stage_order", **kwargs: Any) -> None:
        super().__init__(variables=variable, **kwargs)
        self.framework = framework

    def judge(self, answer: Any) -> Feedback:
        variable = self.variables[0]
        truth = get_framework(self.framework).stage_names
        where = framework_phrase(self.framework)
        if isinstance(answer, str) or not isinstance(answer, (list, tuple)):
            return self.wrong(
                shape_hint(variable, 'a list of stage names in quotes, such as ["First", "Second"]')
            )
        given: list[str] = []
        unknown: list[str] = []
        for item in answer:
            name = resolve(item, truth) if isinstance(item, str) else None
            if name is None:
                unknown.append(
                    f"{quote(item)} is not a stage of {where}." + suggestion(item, truth)
                )
            else:
                given.append(name)
        if unknown:
            return self.wrong(
                f"`{variable}` holds a name the framework does not use:", capped(unknown)
            )
        repeated = sorted({name for name in given if given.count(name) > 1}, key=truth.index)
        if repeated:
            verb = "appears" if len(repeated) == 1 else "appear"
            return self.wrong(
                f"{join_words(repeated)} {verb} more than once: each stage comes exactly once."
            )
        missing = [name for name in truth if name not in given]
        if missing:
            return self.wrong(
                f"{len(truth)} stages make up {where}; your list leaves out {join_words(missing)}."
            )
        for position, (expected, placed) in enumerate(zip(truth, given, strict=True), 1):
            if expected != placed:
                return self.verdict(
                    f"{expected} comes before {placed} in this framework.",
                    without_answer=f"the stages are not in order yet: stage {position} of "
                    f"your list, {placed}, is not where {where} puts it.",
                )
        return self.correct(f"{where} runs {' > '.join(truth)}.")


def common_slips(
    target: float, *, percent: bool = False, multiple: bool = False, complement: str = ""
) -> dict[float, str]:
    """Wrong numbers a learner typically gives for *target*, and what each one shows.

    * a **multiple** (5x) answered as the matching fraction (0.2, "a fifth") or as a
      percentage (500);
    * a **share** (92%) answered as the share of the other group (8: *complement* names
      that group).

    Examples
    --------
    >>> sorted(common_slips(5, multiple=True))
    [0.2, 500]
    >>> common_slips(92, percent=True, complement="who decide alone")[8]
    'that is the share of the others (who decide alone); the question asks about the rest.'
    """
    slips: dict[float, str] = {}
    if multiple and target > 1:
        slips[round(1 / target, 4)] = (
            f"that is a fraction (one part in {target:g}); the figure is a multiple: how many "
            "times as much the one costs as the other."
        )
        slips[target * 100] = (
            f"that reads {target:g} times as a percentage; give the multiple itself, a number "
            f"such as {target:g}."
        )
    if percent and complement:
        slips[100 - target] = (
            f"that is the share of the others ({complement}); the question asks about the rest."
        )
    return slips


class NumberQuestion(Question):
    """Give a number; wrong numbers that reveal a typical slip say what the slip was.

    Parameters
    ----------
    expected : callable returning float
        The right number, computed from the kit's data at check time.
    near_misses : callable returning {number: feedback}, optional
        Wrong numbers worth a specific explanation (a step too many, the other figure...).
    otherwise : str
        Feedback for any other wrong number.
    explain : callable returning str, optional
        The sentence shown with "Correct".
    percent : bool
        Also accept a fraction (0.92 for 92).
    multiple : bool
        The answer is a multiple ("5 times"): its fraction (0.2) and its percentage (500)
        get their own explanation (:func:`common_slips`).
    complement : str
        For a share: who the rest are ("who decide on their own"), so that 100 minus the
        answer is explained as the share of the wrong group.
    """

    kind = "give a number"

    def __init__(
        self,
        variable: str,
        expected: Callable[[], float],
        *,
        near_misses: Callable[[], Mapping[float, str]] | None = None,
        otherwise: str,
        explain: Callable[[], str] | None = None,
        percent: bool = False,
        multiple: bool = False,
        complement: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(variables=variable, **kwargs)
        self.expected = expected
        self.near_misses = near_misses
        self.otherwise = otherwise
        self.explain_right = explain
        self.percent = percent
        self.multiple = multiple
        self.complement = complement

    def slips(self) -> dict[float, str]:
        """Every wrong number with its own explanation: the question's and the common ones."""
        found = common_slips(
            self.expected(),
            percent=self.percent,
            multiple=self.multiple,
            complement=self.complement,
        )
        found.update(self.near_misses() if self.near_misses else {})
        return found

    def judge(self, answer: Any) -> Feedback:
        number = number_from(answer)
        if number is None:
            return self.wrong(shape_hint(self.variables[0], "a number, such as 12"))
        if self.percent and 0 < number <= 1:
            number *= 100
        target = self.expected()
        if abs(number - target) < 0.5:
            return self.correct(self.explain_right() if self.explain_right else "")
        for value, message in self.slips().items():
            close = abs(number - value) < (0.01 if abs(value) < 1 else 0.5)
            if close:
                return self.verdict(message)
        return self.verdict(self.otherwise)


def fact_question(variable: str, fact_id: str, **kwargs: Any) -> NumberQuestion:
    """A :class:`NumberQuestion` whose answer is the number in one of :func:`jk.facts`."""

    def near() -> dict[float, str]:
        from ..catalogue import facts

        return {
            fact_figure(f.id)[0]: f"that is the other figure: {f.statement}"
            for f in facts()
            if f.id != fact_id
        }

    percent = "%" in _figure_text(fact_id)
    kwargs.setdefault("multiple", not percent)
    return NumberQuestion(
        variable,
        lambda: fact_figure(fact_id)[0],
        near_misses=near,
        explain=lambda: fact_figure(fact_id)[1],
        percent=percent,
        **kwargs,
    )


def _figure_text(fact_id: str) -> str:
    from ..catalogue import facts

    return next(f.figure for f in facts() if f.id == fact_id)


class StageQuestion(Question):
    """Name the stage of a framework where something happens.

    The right stage is the one whose *field* (``actions``, ``touchpoints``,
    ``emotions`` ...) in the catalogue mentions *clue*. A wrong stage is answered
    with what really happens in that stage, which is usually enough for the
    learner to see the difference.

    Examples
    --------
    >>> q = StageQuestion("offer_stage", "eight-stage", "touchpoints", "entry-point",
    ...                   hints="", solution="")
    >>> q.target()
    'Convert'
    """

    kind = "pick a stage"
    part_kind = "choice"

    def __init__(self, variable: str, framework: str, field: str, clue: str, **kwargs: Any) -> None:
        super().__init__(variables=variable, **kwargs)
        self.framework = framework
        self.field = field
        self.clue = clue

    def target(self) -> str:
        """The stage whose catalogue entry for :attr:`field` mentions :attr:`clue`."""
        return next(
            stage.name
            for stage in get_framework(self.framework).stages
            if any(self.clue.casefold() in item.casefold() for item in getattr(stage, self.field))
        )

    def judge(self, answer: Any) -> Feedback:
        spec = get_framework(self.framework)
        target = self.target()
        if not isinstance(answer, str):
            return self.wrong(
                shape_hint(
                    self.variables[0], f'one stage name in quotes, such as "{spec.stage_names[0]}"'
                )
            )
        name = resolve(answer, spec.stage_names)
        if name is None:
            return self.wrong(
                f"{quote(answer)} is not a stage of "
                f"{framework_phrase(self.framework)}." + suggestion(answer, spec.stage_names)
            )
        if name != target:
            return self.verdict(
                f"{name} is a different step. What happens in {name}: {spec.stage(name).summary}"
            )
        return self.correct(f"{target}. {spec.stage(target).summary}")


@dataclass(frozen=True)
class Verdict:
    """How a framework choice is judged for one business.

    Parameters
    ----------
    accept : bool
        Whether the choice can be defended for this business.
    feedback : str
        What the learner reads after choosing it (why it fits, or why not).
    model_reason : str
        For an accepted choice: a good reason, which the learner compares with their own.
    look_for : tuple of str
        For an accepted choice: what a good reason says, one point per entry (the marker's
        checklist; nothing matches words against it).
    """

    accept: bool
    feedback: str
    model_reason: str = ""
    look_for: tuple[str, ...] = ()


class FrameworkChoiceQuestion(Question):
    """Pick the framework for a described business and say why.

    More than one framework can be defensible; each gets its own feedback. The choice is
    checked; the reason is not marked by the check (no word list can tell a reason from a
    string of the right words): the learner compares it with the model answer shown, and a
    course graded with nbgrader collects it for the instructor (:meth:`parts` describes it
    as a ``reason`` graded by hand).
    """

    kind = "choose a framework"

    def __init__(
        self, choice: str, reason: str, verdicts: Mapping[str, Verdict], **kwargs: Any
    ) -> None:
        super().__init__(variables=(choice, reason), **kwargs)
        self.verdicts = dict(verdicts)

    @staticmethod
    def framework_of(value: str) -> str | None:
        """The framework id a learner means: an id, a name, or "8 stages"."""
        ids = framework_ids()
        names = {get_framework(fid).name: fid for fid in ids}

        def key(text: str) -> str:
            text = norm(number_from_words(text)).replace("journey", "").replace("with", "")
            return text.replace("stages", "stage")

        wanted = key(value)
        for option in (*ids, *names):
            if key(option) == wanted:
                return names.get(option, option)
        return None

    def judge(self, choice: Any, reason: Any) -> Feedback:
        choice_var, reason_var = self.variables
        if not isinstance(choice, str):
            return self.wrong(
                shape_hint(choice_var, 'a framework id in quotes, such as "six-stage"')
            )
        fid = self.framework_of(choice)
        if fid is None:
            return self.wrong(
                f"{quote(choice)} is not a framework in the kit: pick one of "
                f"{join_words(framework_ids(), 'or')}."
            )
        if not isinstance(reason, str) or len(reason.split()) < 4:
            return self.wrong(
                f"give a reason of a sentence or so in `{reason_var}`: what "
                f"about this business makes the framework fit?"
            )
        verdict = self.verdicts[fid]
        if not verdict.accept:
            return self.verdict(verdict.feedback)
        return self.correct(
            f"your choice fits: {verdict.feedback} Your reason is not marked here: compare it "
            f"with this model answer: “{verdict.model_reason}”"
            + (
                f" A good reason says {join_words(list(verdict.look_for))}."
                if verdict.look_for
                else ""
            )
        )

    def parts(self) -> tuple[Part, ...]:
        best = next(fid for fid, verdict in self.verdicts.items() if verdict.accept)
        model = self.verdicts[best]
        choice_var, reason_var = self.variables
        others = [f'"{fid}"' for fid, v in self.verdicts.items() if v.accept and fid != best]
        also = f"  # or {join_words(others, 'or')}" if others else ""
        return (
            Part(choice_var, "choice", "auto", f'{choice_var} = "{best}"{also}'),
            Part(reason_var, "reason", "manual", model.model_reason, model.look_for),
        )


def number_from_words(text: str) -> str:
    """Digits spelled out, so "8 stage" and "eight-stage" compare equal."""
    digits = {"5": "five", "6": "six", "8": "eight"}
    return "".join(digits.get(ch, ch) for ch in str(text))
