"""Questions that match items to categories: lanes to stages, stages across frameworks.

:class:`MatchQuestion` checks a dictionary ``{item: category}`` item by item;
:class:`SortQuestion` sorts items into lanes; :class:`CrosswalkQuestion` matches
the stages of one framework to another's. The right answers come in as
functions, called at check time, so they always come from the kit's current data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..catalogue import get_framework
from ..model import example
from ._text import join_words, quote, resolve, sentence_start, shape_hint, suggestion
from .core import Feedback, Question, capped
from .truths import (
    LANE_NOUNS,
    crosswalk_truth,
    example_stage_of,
    framework_phrase,
    framework_stage_of,
)


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

    def __init__(
        self,
        variable: str,
        truth: Callable[[], Mapping[str, Any]],
        categories: Callable[[], list[str]],
        explain: Callable[[str, str, tuple[str, ...]], str],
        *,
        item_word: str = "item",
        category_word: str = "stage",
        scope: str = "you can use here",
        aliases: Callable[[], dict[str, str]] | None = None,
        **kwargs: Any,
    ) -> None:
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
        return {
            item: (value,) if isinstance(value, str) else tuple(value)
            for item, value in self.truth().items()
        }

    def category(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return None
        return resolve(value, self.categories(), self.aliases() if self.aliases else None)

    def unknown_category(self, value: Any) -> str:
        options = self.categories()
        return (
            f"{quote(value)} is not a {self.category_word} {self.scope}: pick one of "
            f"{join_words(options, 'or')}." + suggestion(value, options)
        )

    def judge(self, answer: Any) -> Feedback:
        truth = self.accepted()
        variable = self.variables[0]
        first = next(iter(truth))
        if not isinstance(answer, Mapping):
            return self.wrong(
                shape_hint(variable, f'a dictionary such as {{"{first}": "...", ...}}')
            )
        given: dict[str, str] = {}
        problems: list[str] = []
        for key, value in answer.items():
            item = resolve(key, truth) if isinstance(key, str) else None
            if item is None:
                problems.append(
                    f"{quote(key)} is not one of the {self.item_word}s to match."
                    + suggestion(key, truth)
                )
                continue
            category = self.category(value)
            if category is None:
                problems.append(self.unknown_category(value))
                continue
            given[item] = category
        if problems:
            return self.wrong(
                f"some entries of `{variable}` cannot be checked yet:", capped(problems)
            )
        missing = [quote(item) for item in truth if item not in given]
        if missing:
            verb = "is" if len(missing) == 1 else "are"
            return self.wrong(
                f"{join_words(missing)} {verb} missing from `{variable}`: every "
                f"{self.item_word} needs an answer."
            )
        return self.compare(given, truth)

    def compare(self, given: Mapping[str, str], truth: Mapping[str, tuple[str, ...]]) -> Feedback:
        wrong = [
            self.explain(item, category, truth[item])
            for item, category in given.items()
            if category not in truth[item]
        ]
        if not wrong:
            every = "both" if len(truth) == 2 else f"all {len(truth)}"
            return self.correct(f"{every} {self.item_word}s are in the right place.")
        verb = "is" if len(wrong) == 1 else "are"
        head = f"{len(wrong)} of {len(truth)} {self.item_word}s {verb} not in the right place yet:"
        misplaced = [quote(item) for item, category in given.items() if category not in truth[item]]
        return self.verdict(
            head,
            capped(wrong),
            without_answer=(f"{head} {join_words(misplaced)}.", ()),
        )


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

    def __init__(
        self,
        variable: str,
        truth: Callable[[], Mapping[str, Any]],
        bins: Callable[[], Mapping[str, str]],
        *,
        reasons: Mapping[str, str] | None = None,
        category_word: str = "lane",
        **kwargs: Any,
    ) -> None:
        self.bins = bins
        self.reasons = dict(reasons or {})
        super().__init__(
            variable,
            truth,
            lambda: list(bins()),
            self._explain_misplaced,
            category_word=category_word,
            **kwargs,
        )

    def _explain_misplaced(self, item: str, given: str, accepted: tuple[str, ...]) -> str:
        nouns = self.bins()
        text = f"{quote(item)} is {nouns[accepted[0]]}, not {nouns[given]}."
        return f"{text} {self.reasons[item]}" if item in self.reasons else text

    def judge(self, answer: Any) -> Feedback:
        truth = self.accepted()
        variable = self.variables[0]
        if not isinstance(answer, Mapping):
            first = next(iter(self.bins()))
            return self.wrong(
                shape_hint(
                    variable,
                    f"a dictionary of {self.category_word}s "
                    f'and lists, such as {{"{first}": ["..."], ...}}',
                )
            )
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
                    problems.append(
                        f"{quote(raw)} is not one of the items to sort." + suggestion(raw, truth)
                    )
                else:
                    placed.setdefault(item, []).append(bin_)
        if problems:
            return self.wrong(
                f"some entries of `{variable}` cannot be checked yet:", capped(problems)
            )
        doubled = [
            f"{quote(item)} is in more than one {self.category_word}: "
            f"{join_words(bins)}. Keep it in one."
            for item, bins in placed.items()
            if len(bins) > 1
        ]
        if doubled:
            return self.wrong("each item belongs in one place:", capped(doubled))
        missing = [quote(item) for item in truth if item not in placed]
        if missing:
            return self.wrong(
                f"not every item is sorted yet: {join_words(missing)} "
                f"{'is' if len(missing) == 1 else 'are'} in no "
                f"{self.category_word}."
            )
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
        super().__init__(
            variable,
            lambda: {k: tuple(v) for k, v in crosswalk_truth(a, b).items()},
            lambda: get_framework(b).stage_names,
            self._explain_crosswalk,
            item_word="stage",
            category_word="stage",
            scope=f"of {framework_phrase(b)}",
            **kwargs,
        )

    def _explain_crosswalk(self, item: str, given: str, accepted: tuple[str, ...]) -> str:
        a, b = self.frameworks
        text = (
            f"{item} in {framework_phrase(a)} lines up with {join_words(accepted, 'or')} "
            f"in {framework_phrase(b)}"
        )
        if len(accepted) == 1:
            return f"{text}: {sentence_start(crosswalk_truth(a, b)[item][accepted[0]])}"
        return f"{text}, not {given}."


def _items_question(
    variable: str,
    items: tuple[str, ...],
    stage_of: Callable[[], Mapping[str, str]],
    stage_names: Callable[[], list[str]],
    goal_of: Callable[[str], str],
    who: Callable[[], str],
    item_word: str,
    scope: str,
    **kwargs: Any,
) -> MatchQuestion:
    def truth() -> dict[str, str]:
        table = stage_of()
        return {item: table[item] for item in items}

    def explain(item: str, given: str, accepted: tuple[str, ...]) -> str:
        right = accepted[0]
        # The goal is quoted as written (often in the customer's own first person), so the
        # sentence around it never mixes "Maya wants" with "my new outfit".
        return (
            f"{quote(item)} belongs to {right}, not {given}: in {right}, {who()}'s goal is "
            f"“{goal_of(right)}”."
        )

    return MatchQuestion(
        variable,
        truth,
        stage_names,
        explain,
        item_word=item_word,
        scope=scope,
        kind=f"match {item_word}s to stages",
        **kwargs,
    )


def framework_items_question(
    variable: str, framework: str, field: str, items: tuple[str, ...], **kwargs: Any
) -> MatchQuestion:
    """Match items of a framework's stage descriptions (its actions, say) to their stage."""
    return _items_question(
        variable,
        items,
        lambda: framework_stage_of(framework, field),
        lambda: get_framework(framework).stage_names,
        lambda name: get_framework(framework).stage(name).goal,
        lambda: "the customer",
        item_word=field.rstrip("s").replace("_", " "),
        scope=f"of {framework_phrase(framework)}",
        **kwargs,
    )


def example_items_question(
    variable: str, example_name: str, lane: str, items: tuple[str, ...], **kwargs: Any
) -> MatchQuestion:
    """Match items from one lane of an example map to the stage they sit in."""
    return _items_question(
        variable,
        items,
        lambda: example_stage_of(example_name, lane),
        lambda: example(example_name).stage_names,
        lambda name: example(example_name).stage(name).goal,
        lambda: example(example_name).persona.name,
        item_word=LANE_NOUNS[lane].split(" ", 1)[1],
        scope="of this map",
        **kwargs,
    )
