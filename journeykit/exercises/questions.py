"""The kinds of question that check plain answers: orders, numbers, stages, matches, sorts.

Each class turns a wrong answer into the sentence that explains it ("Purchase
comes before Retention in this framework", "'Instagram post' is a touchpoint,
not a business activity"). The right answers come in as functions, called at
check time, so importing an exercise module stays cheap and the truth always
comes from the kit's current data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..frameworks import framework_ids, get_framework
from ._text import join_words, norm, number_from, quote, resolve, sentence_start, suggestion
from .core import Feedback, Question, capped
from .truths import crosswalk_truth, fact_figure, framework_phrase


def _shape_hint(variable: str, example: str) -> str:
    return f"make `{variable}` {example}."


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
            return self.wrong(_shape_hint(variable, 'a list of stage names in quotes, '
                                          'such as ["First", "Second"]'))
        given: list[str] = []
        unknown: list[str] = []
        for item in answer:
            name = resolve(item, truth) if isinstance(item, str) else None
            if name is None:
                unknown.append(f"{quote(item)} is not a stage of {where}."
                               + suggestion(item, truth))
            else:
                given.append(name)
        if unknown:
            return self.wrong(f"`{variable}` holds a name the framework does not use:",
                              capped(unknown))
        repeated = sorted({name for name in given if given.count(name) > 1}, key=truth.index)
        if repeated:
            verb = "appears" if len(repeated) == 1 else "appear"
            return self.wrong(f"{join_words(repeated)} {verb} more than once: each stage "
                              f"comes exactly once.")
        missing = [name for name in truth if name not in given]
        if missing:
            return self.wrong(f"{len(truth)} stages make up {where}; your list leaves out "
                              f"{join_words(missing)}.")
        for expected, placed in zip(truth, given, strict=True):
            if expected != placed:
                return self.wrong(f"{expected} comes before {placed} in this framework.")
        return self.correct(f"{where} runs {' > '.join(truth)}.")


class NumberQuestion(Question):
    """Give a number; near misses that reveal a typical slip get their own feedback.

    Parameters
    ----------
    expected : callable returning float
        The right number, computed from the kit's data at check time.
    near_misses : callable returning {number: feedback}, optional
        Wrong numbers worth a specific explanation.
    otherwise : str
        Feedback for any other wrong number.
    explain : callable returning str, optional
        The sentence shown with "Correct".
    percent : bool
        Also accept a fraction (0.92 for 92).
    """

    kind = "give a number"

    def __init__(self, variable: str, expected: Callable[[], float], *,
                 near_misses: Callable[[], Mapping[float, str]] | None = None,
                 otherwise: str, explain: Callable[[], str] | None = None,
                 percent: bool = False, **kwargs: Any) -> None:
        super().__init__(variables=variable, **kwargs)
        self.expected = expected
        self.near_misses = near_misses
        self.otherwise = otherwise
        self.explain_right = explain
        self.percent = percent

    def judge(self, answer: Any) -> Feedback:
        number = number_from(answer)
        if number is None:
            return self.wrong(_shape_hint(self.variables[0], "a number, such as 12"))
        if self.percent and 0 < number <= 1:
            number *= 100
        target = self.expected()
        if abs(number - target) < 0.5:
            return self.correct(self.explain_right() if self.explain_right else "")
        for value, message in (self.near_misses() if self.near_misses else {}).items():
            if abs(number - value) < 0.5:
                return self.wrong(message)
        return self.wrong(self.otherwise)


def fact_question(variable: str, fact_id: str, **kwargs: Any) -> NumberQuestion:
    """A :class:`NumberQuestion` whose answer is the number in one of :func:`jk.facts`."""

    def near() -> dict[float, str]:
        from ..frameworks import facts

        return {fact_figure(f.id)[0]: f"that is the other figure: {f.statement}"
                for f in facts() if f.id != fact_id}

    return NumberQuestion(variable, lambda: fact_figure(fact_id)[0], near_misses=near,
                          explain=lambda: fact_figure(fact_id)[1],
                          percent="%" in _figure_text(fact_id), **kwargs)


def _figure_text(fact_id: str) -> str:
    from ..frameworks import facts

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

    def __init__(self, variable: str, framework: str, field: str, clue: str,
                 **kwargs: Any) -> None:
        super().__init__(variables=variable, **kwargs)
        self.framework = framework
        self.field = field
        self.clue = clue

    def target(self) -> str:
        """The stage whose catalogue entry for :attr:`field` mentions :attr:`clue`."""
        return next(stage.name for stage in get_framework(self.framework).stages
                    if any(self.clue.casefold() in item.casefold()
                           for item in getattr(stage, self.field)))

    def judge(self, answer: Any) -> Feedback:
        spec = get_framework(self.framework)
        target = self.target()
        if not isinstance(answer, str):
            return self.wrong(_shape_hint(self.variables[0], 'one stage name in quotes, such '
                                          f'as "{spec.stage_names[0]}"'))
        name = resolve(answer, spec.stage_names)
        if name is None:
            return self.wrong(f"{quote(answer)} is not a stage of "
                              f"{framework_phrase(self.framework)}." +
                              suggestion(answer, spec.stage_names))
        if name != target:
            return self.wrong(f"{name} is a different step. What happens in {name}: "
                              f"{spec.stage(name).summary}")
        return self.correct(f"{target}. {spec.stage(target).summary}")


class MatchQuestion(Question):
    """Match each item (the keys of a dict) to a category (its value).

    Parameters
    ----------
    truth : callable returning {item: category or categories}
        Every item and the categories accepted for it.
    categories : callable returning list of str
        The values a learner may use (for spelling help).
    explain : callable (item, given, accepted) -> str
        The sentence for an item matched to the wrong category.
    item_word, category_word : str
        How feedback names an item and a category ("stage", "format").
    """

    kind = "match"

    def __init__(self, variable: str, truth: Callable[[], Mapping[str, Any]],
                 categories: Callable[[], list[str]], explain: Callable[[str, str, tuple[str, ...]],
                                                                        str], *,
                 item_word: str = "item", category_word: str = "stage",
                 scope: str = "you can use here",
                 aliases: Callable[[], dict[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(variables=variable, **kwargs)
        self.truth = truth
        self.categories = categories
        self.explain = explain
        self.item_word = item_word
        self.category_word = category_word
        self.scope = scope
        self.aliases = aliases

    def accepted(self) -> dict[str, tuple[str, ...]]:
        """Item -> the categories accepted for it."""
        return {item: (value,) if isinstance(value, str) else tuple(value)
                for item, value in self.truth().items()}

    def category(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return None
        return resolve(value, self.categories(), self.aliases() if self.aliases else None)

    def unknown_category(self, value: Any) -> str:
        options = self.categories()
        return (f"{quote(value)} is not a {self.category_word} {self.scope}: pick one of "
                f"{join_words(options, 'or')}." + suggestion(value, options))

    def judge(self, answer: Any) -> Feedback:
        truth = self.accepted()
        variable = self.variables[0]
        first = next(iter(truth))
        if not isinstance(answer, Mapping):
            return self.wrong(_shape_hint(variable, f'a dictionary such as {{"{first}": "...", '
                                          '...}'))
        given: dict[str, str] = {}
        problems: list[str] = []
        for key, value in answer.items():
            item = resolve(key, truth) if isinstance(key, str) else None
            if item is None:
                problems.append(f"{quote(key)} is not one of the {self.item_word}s to match."
                                + suggestion(key, truth))
                continue
            category = self.category(value)
            if category is None:
                problems.append(self.unknown_category(value))
                continue
            given[item] = category
        if problems:
            return self.wrong(f"some entries of `{variable}` cannot be checked yet:",
                              capped(problems))
        missing = [quote(item) for item in truth if item not in given]
        if missing:
            verb = "is" if len(missing) == 1 else "are"
            return self.wrong(f"{join_words(missing)} {verb} missing from `{variable}`: every "
                              f"{self.item_word} needs an answer.")
        return self.compare(given, truth)

    def compare(self, given: Mapping[str, str],
                truth: Mapping[str, tuple[str, ...]]) -> Feedback:
        wrong = [self.explain(item, category, truth[item])
                 for item, category in given.items() if category not in truth[item]]
        if not wrong:
            every = "both" if len(truth) == 2 else f"all {len(truth)}"
            return self.correct(f"{every} {self.item_word}s are in the right place.")
        verb = "is" if len(wrong) == 1 else "are"
        return self.wrong(f"{len(wrong)} of {len(truth)} {self.item_word}s {verb} not in the "
                          f"right place yet:", capped(wrong))


class SortQuestion(MatchQuestion):
    """Sort items into bins: a dict of bin -> list of items.

    Parameters
    ----------
    bins : callable returning {bin: noun phrase}
        The bins and how a sentence names one of their items ("a touchpoint").
    reasons : mapping of item -> sentence, optional
        An extra explanation for a misplaced item.

    Examples
    --------
    >>> from journeykit.exercises.truths import LANE_NOUNS
    >>> q = SortQuestion("lanes", truth=lambda: {"Instagram post": "touchpoints",
    ...                                          "Run targeted ads": "business_activities"},
    ...                  bins=lambda: LANE_NOUNS, hints="", solution="")
    >>> print(q.evaluate({"touchpoints": ["Run targeted ads"],
    ...                   "business_activities": ["Instagram post"]}))
    Not quite: 2 of 2 items are not in the right place yet:
      - 'Run targeted ads' is a business activity, not a touchpoint.
      - 'Instagram post' is a touchpoint, not a business activity.
    """

    kind = "sort into lanes"

    def __init__(self, variable: str, truth: Callable[[], Mapping[str, Any]],
                 bins: Callable[[], Mapping[str, str]], *,
                 reasons: Mapping[str, str] | None = None, category_word: str = "lane",
                 **kwargs: Any) -> None:
        self.bins = bins
        self.reasons = dict(reasons or {})
        super().__init__(variable, truth, lambda: list(bins()), self._explain_misplaced,
                         category_word=category_word, **kwargs)

    def _explain_misplaced(self, item: str, given: str, accepted: tuple[str, ...]) -> str:
        nouns = self.bins()
        text = f"{quote(item)} is {nouns[accepted[0]]}, not {nouns[given]}."
        return f"{text} {self.reasons[item]}" if item in self.reasons else text

    def judge(self, answer: Any) -> Feedback:
        truth = self.accepted()
        variable = self.variables[0]
        if not isinstance(answer, Mapping):
            first = next(iter(self.bins()))
            return self.wrong(_shape_hint(variable, f'a dictionary of {self.category_word}s '
                                          f'and lists, such as {{"{first}": ["..."], ...}}'))
        placed: dict[str, list[str]] = {}
        problems: list[str] = []
        for key, items in answer.items():
            bin_ = self.category(key)
            if bin_ is None:
                problems.append(self.unknown_category(key))
                continue
            for raw in [items] if isinstance(items, str) else list(items or []):
                item = resolve(raw, truth) if isinstance(raw, str) else None
                if item is None:
                    problems.append(f"{quote(raw)} is not one of the items to sort."
                                    + suggestion(raw, truth))
                else:
                    placed.setdefault(item, []).append(bin_)
        if problems:
            return self.wrong(f"some entries of `{variable}` cannot be checked yet:",
                              capped(problems))
        doubled = [f"{quote(item)} is in more than one {self.category_word}: "
                   f"{join_words(bins)}. Keep it in one." for item, bins in placed.items()
                   if len(bins) > 1]
        if doubled:
            return self.wrong("each item belongs in one place:", capped(doubled))
        missing = [quote(item) for item in truth if item not in placed]
        if missing:
            return self.wrong(f"not every item is sorted yet: {join_words(missing)} "
                              f"{'is' if len(missing) == 1 else 'are'} in no "
                              f"{self.category_word}.")
        return self.compare({item: bins[0] for item, bins in placed.items()}, truth)


class CrosswalkQuestion(MatchQuestion):
    """Match every stage of framework *a* to its stage in *b*, judged by :func:`jk.crosswalk`.

    Examples
    --------
    >>> q = CrosswalkQuestion("m", "eight-stage", "five-stage", hints="", solution="")
    >>> q.accepted()["Subscribe"]
    ('Consideration',)
    """

    kind = "match stages across frameworks"

    def __init__(self, variable: str, a: str, b: str, **kwargs: Any) -> None:
        self.frameworks = (a, b)
        super().__init__(variable, lambda: {k: tuple(v) for k, v in crosswalk_truth(a, b).items()},
                         lambda: get_framework(b).stage_names, self._explain_crosswalk,
                         item_word="stage", category_word="stage",
                         scope=f"of {framework_phrase(b)}", **kwargs)

    def _explain_crosswalk(self, item: str, given: str, accepted: tuple[str, ...]) -> str:
        a, b = self.frameworks
        text = (f"{item} in {framework_phrase(a)} lines up with {join_words(accepted, 'or')} "
                f"in {framework_phrase(b)}")
        if len(accepted) == 1:
            return f"{text}: {sentence_start(crosswalk_truth(a, b)[item][accepted[0]])}"
        return f"{text}, not {given}."


@dataclass(frozen=True)
class Verdict:
    """How a framework choice is judged for one business.

    Parameters
    ----------
    accept : bool
        Whether the choice can be defended for this business.
    feedback : str
        What the learner reads after choosing it (why it fits, or why not).
    keywords : tuple of str
        Word starts a good reason mentions (any one is enough), e.g. ``"subscri"``.
    nudge : str
        Shown when the choice is fine but the reason names none of the keywords.
    """

    accept: bool
    feedback: str
    keywords: tuple[str, ...] = ()
    nudge: str = ""


class FrameworkChoiceQuestion(Question):
    """Pick the framework for a described business and say why.

    More than one framework can be defensible; each gets its own feedback.
    The reason is checked for at least one of the ideas that make the choice fit.
    """

    kind = "choose a framework"

    def __init__(self, choice: str, reason: str, verdicts: Mapping[str, Verdict],
                 **kwargs: Any) -> None:
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
            return self.wrong(_shape_hint(choice_var, 'a framework id in quotes, such as '
                                          '"six-stage"'))
        fid = self.framework_of(choice)
        if fid is None:
            return self.wrong(f"{quote(choice)} is not a framework in the kit: pick one of "
                              f"{join_words(framework_ids(), 'or')}.")
        if not isinstance(reason, str) or len(reason.split()) < 4:
            return self.wrong(f"give a reason of a sentence or so in `{reason_var}`: what "
                              f"about this business makes the framework fit?")
        verdict = self.verdicts[fid]
        if not verdict.accept:
            return self.wrong(verdict.feedback)
        text = reason.casefold()
        if not any(_mentions(text, word) for word in verdict.keywords):
            return self.wrong(f"{framework_phrase(fid)} can work here, but your reason does "
                              f"not yet say why. {verdict.nudge}")
        return self.correct(verdict.feedback)


def number_from_words(text: str) -> str:
    """Digits spelled out, so "8 stage" and "eight-stage" compare equal."""
    digits = {"5": "five", "6": "six", "8": "eight"}
    return "".join(digits.get(ch, ch) for ch in str(text))


def _mentions(text: str, stem: str) -> bool:
    return re.search(r"\b" + re.escape(stem.casefold()), text) is not None


def _items_question(variable: str, items: tuple[str, ...],
                    stage_of: Callable[[], Mapping[str, str]],
                    stage_names: Callable[[], list[str]], goal_of: Callable[[str], str],
                    who: Callable[[], str], item_word: str, scope: str,
                    **kwargs: Any) -> MatchQuestion:
    def truth() -> dict[str, str]:
        table = stage_of()
        return {item: table[item] for item in items}

    def explain(item: str, given: str, accepted: tuple[str, ...]) -> str:
        right = accepted[0]
        return (f"{quote(item)} belongs to {right}, not {given}: there {who()} wants to "
                f"{sentence_start(goal_of(right))}.")

    return MatchQuestion(variable, truth, stage_names, explain, item_word=item_word,
                         scope=scope, kind=f"match {item_word}s to stages", **kwargs)


def framework_items_question(variable: str, framework: str, field: str, items: tuple[str, ...],
                             **kwargs: Any) -> MatchQuestion:
    """Match items of a framework's stage descriptions (its actions, say) to their stage."""
    from .truths import framework_stage_of

    return _items_question(
        variable, items, lambda: framework_stage_of(framework, field),
        lambda: get_framework(framework).stage_names,
        lambda name: get_framework(framework).stage(name).goal, lambda: "the customer",
        item_word=field.rstrip("s").replace("_", " "), scope=f"of {framework_phrase(framework)}",
        **kwargs)


def example_items_question(variable: str, example_name: str, lane: str, items: tuple[str, ...],
                           **kwargs: Any) -> MatchQuestion:
    """Match items from one lane of an example map to the stage they sit in."""
    from ..examples import example
    from .truths import LANE_NOUNS, example_stage_of

    return _items_question(
        variable, items, lambda: example_stage_of(example_name, lane),
        lambda: example(example_name).stage_names,
        lambda name: example(example_name).stage(name).goal,
        lambda: example(example_name).persona.name,
        item_word=LANE_NOUNS[lane].split(" ", 1)[1], scope="of this map", **kwargs)
