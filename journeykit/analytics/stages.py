"""Which events count as reaching which stage: stage maps, rules and their checks.

A stage map is a dict from stage name, in journey order, to what counts as
reaching that stage. A value is an event name, a list of names, or a rule:

* ``"purchase"``: exactly that event name;
* ``"view_*"``: a wildcard (``*`` any text, ``?`` one character), as in file names;
* :func:`prefix` ``("add_")``: every event name that starts with it;
* :func:`pattern` ``(r"checkout|payment")``: a regular expression found anywhere in the
  name (anchor it with ``^`` and ``$`` for a whole-name match); a compiled
  ``re.Pattern`` works too.

Rules are matched against the log's own event names in Python, so a pattern means
the same on DuckDB, SQLite or BigQuery, and the query that runs only lists names.
"""

from __future__ import annotations

import fnmatch
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeAlias

from ..catalogue import get_framework
from ..errors import JourneyMapError, Problem
from ._sources import closest

__all__ = ["Rule", "StageMap", "pattern", "prefix"]


@dataclass(frozen=True)
class Rule:
    """One way of recognising a stage's events by name.

    Examples
    --------
    >>> Rule("prefix", "add_").matches("add_to_cart")
    True
    >>> str(Rule("name", "purchase"))
    "'purchase'"
    """

    kind: str  # name, glob, prefix or pattern
    text: str

    def matches(self, name: str) -> bool:
        """Whether the event name ``name`` counts under this rule."""
        if self.kind == "name":
            return name == self.text
        if self.kind == "prefix":
            return name.startswith(self.text)
        if self.kind == "glob":
            return fnmatch.fnmatchcase(name, self.text)
        return re.search(self.text, name) is not None

    def __str__(self) -> str:
        return repr(self.text) if self.kind in ("name", "glob") else f"{self.kind}({self.text!r})"


def prefix(text: str) -> Rule:
    """Count every event whose name starts with ``text``.

    Examples
    --------
    >>> from journeykit.analytics import prefix
    >>> prefix("add ").matches("add to cart"), prefix("add ").matches("cart add")
    (True, False)
    """
    return Rule("prefix", str(text))


def pattern(regex: str | re.Pattern[str]) -> Rule:
    """Count every event whose name contains a match of the regular expression.

    Examples
    --------
    >>> from journeykit.analytics import pattern
    >>> pattern("^(tag|refer)").matches("refer a friend")
    True
    >>> from ..errors import JourneyMapError
    >>> try:
    ...     pattern("(")
    ... except JourneyMapError as err:
    ...     print(err.problems[0].where, "|", err.problems[0].message[:30])
    pattern '(' | it is not a regular expression
    """
    text = regex.pattern if isinstance(regex, re.Pattern) else str(regex)
    try:
        re.compile(text)
    except re.error as exc:
        raise JourneyMapError(
            [
                Problem(
                    f"pattern {text!r}",
                    f"it is not a regular expression ({exc})",
                    "check the brackets and escape special characters with a backslash",
                )
            ]
        ) from None
    return Rule("pattern", text)


def _rules(value: object, where: str) -> list[Rule]:
    if isinstance(value, Rule):
        return [value]
    if isinstance(value, re.Pattern):
        return [pattern(value)]
    if isinstance(value, str):
        if not value.strip():
            raise JourneyMapError(
                [
                    Problem(
                        where, "an event name is empty", "write the event name, such as 'purchase'"
                    )
                ]
            )
        return [Rule("glob" if any(c in value for c in "*?[") else "name", value)]
    if isinstance(value, Iterable) and not isinstance(value, (bytes, Mapping)):
        rules = [rule for item in value for rule in _rules(item, where)]
        if rules:
            return rules
    raise JourneyMapError(
        [
            Problem(
                where,
                f"{value!r} does not say which events count",
                "give an event name, a list of names, or a rule such as prefix('add ')",
            )
        ]
    )


#: What counts as reaching one stage: an event name (``*`` and ``?`` match any text),
#: a rule (:func:`prefix`, :func:`pattern`), a compiled regular expression, or a list of them.
Events: TypeAlias = "str | Rule | re.Pattern[str] | Iterable[str | Rule | re.Pattern[str]]"
#: A stage map: each stage, in journey order, and the events that count as reaching it.
StageSpec: TypeAlias = "Mapping[str, Events]"


@dataclass(frozen=True)
class StageMap:
    """Stages in journey order, each with its rules; checked on construction.

    Examples
    --------
    >>> sm = StageMap.parse({"Awareness": ["ad click", "blog visit"], "Decision": "purchase"},
    ...                     framework="five-stage-decision")
    >>> sm.names
    ('Awareness', 'Decision')
    >>> sm.resolve(["ad click", "purchase", "blog visit", "newsletter"])
    {'ad click': 0, 'blog visit': 0, 'purchase': 1}
    """

    names: tuple[str, ...]
    rules: tuple[tuple[Rule, ...], ...]
    framework: str | None = None

    @classmethod
    def parse(cls, stages: StageSpec, framework: str | None = None) -> StageMap:
        """Check a stage map (and its stage names against ``framework``) and build it."""
        if not isinstance(stages, Mapping) or not stages:
            raise JourneyMapError(
                [
                    Problem(
                        "stages",
                        "the stages must be a dict from stage "
                        "name to the events that count as reaching it",
                        "write e.g. {'Awareness': 'ad click', 'Decision': 'purchase'}",
                    )
                ]
            )
        problems: list[Problem] = []
        names = [str(name) for name in stages]
        if any(not name.strip() for name in names):
            problems.append(Problem("stages", "a stage name is empty", "name every stage"))
        if framework is not None:
            problems += _framework_problems(names, framework)
        rules = []
        for name, value in stages.items():
            try:
                rules.append(tuple(_rules(value, f"stages[{str(name)!r}]")))
            except JourneyMapError as err:
                problems += err.problems
        if problems:
            raise JourneyMapError(problems)
        seen: dict[str, str] = {}
        for name, stage_rules in zip(names, rules, strict=True):
            for rule in stage_rules:
                if rule.kind != "name":
                    continue
                if seen.get(rule.text, name) != name:
                    problems.append(_conflict(rule.text, seen[rule.text], name))
                seen.setdefault(rule.text, name)
        if problems:
            raise JourneyMapError(problems)
        return cls(tuple(names), tuple(rules), framework)

    def resolve(self, vocabulary: Iterable[str], source: str | None = None) -> dict[str, int]:
        """Map each event name of the log that some stage claims to that stage's index.

        Raises when a name is claimed by two stages, or a stage claims no event of
        the log; warns when some (not all) of a stage's names are not in the log.
        """
        vocabulary = [str(v) for v in vocabulary]
        claimed: dict[str, int] = {}
        problems: list[Problem] = []
        for index, stage_rules in enumerate(self.rules):
            hits = [v for v in vocabulary if any(rule.matches(v) for rule in stage_rules)]
            missing = [r for r in stage_rules if not any(r.matches(v) for v in vocabulary)]
            where = f"stages[{self.names[index]!r}]"
            if not hits:
                problems.append(
                    Problem(
                        where,
                        "no event in the log matches " + ", ".join(map(str, stage_rules)),
                        _suggest(missing, vocabulary),
                    )
                )
            elif missing:
                warnings.warn(
                    f"{where}: no event in the log matches "
                    f"{', '.join(map(str, missing))}; {_suggest(missing, vocabulary)}",
                    UserWarning,
                    stacklevel=3,
                )
            for name in hits:
                if name in claimed and claimed[name] != index:
                    problems.append(
                        _conflict(
                            name,
                            self.names[claimed[name]],
                            self.names[index],
                            self._rule_for(claimed[name], name),
                            self._rule_for(index, name),
                        )
                    )
                claimed.setdefault(name, index)
        if problems:
            raise JourneyMapError(problems, source=source)
        return dict(sorted(claimed.items(), key=lambda item: (item[1], item[0])))

    def _rule_for(self, index: int, name: str) -> Rule:
        return next(rule for rule in self.rules[index] if rule.matches(name))


def _conflict(
    event: str, first: str, second: str, rule_a: Rule | None = None, rule_b: Rule | None = None
) -> Problem:
    how = (
        f" (by {rule_a} and {rule_b})"
        if rule_a and rule_b and (rule_a.kind != "name" or rule_b.kind != "name")
        else ""
    )
    return Problem(
        f"event {event!r}",
        f"two stages claim it: {first!r} and {second!r}{how}",
        "keep it in one stage only, so reaching a stage means one thing",
    )


def _suggest(missing: list[Rule], vocabulary: list[str]) -> str:
    names = [r.text for r in missing if r.kind == "name"]
    near = [(n, closest(n, vocabulary)) for n in names]
    near = [(n, c) for n, c in near if c]
    if near:
        return "the log has " + ", ".join(f"{c!r} (not {n!r})" for n, c in near)
    common = ", ".join(repr(v) for v in vocabulary[:6])
    return f"use event names the log has, such as {common} (see log.event_counts)"


def _framework_problems(names: list[str], framework: str) -> list[Problem]:
    known = get_framework(framework).stage_names  # a JourneyMapError for an unknown id
    problems = []
    for name in names:
        if name not in known:
            near = closest(name, known)
            fix = (
                f"write {near!r}, the closest stage name"
                if near
                else "use the framework's stage names"
            )
            problems.append(
                Problem(
                    f"stages[{name!r}]",
                    f"{name!r} is not a stage of {framework} ({', '.join(known)})",
                    fix,
                )
            )
    inside = [n for n in names if n in known]
    in_order = sorted(inside, key=known.index)
    if not problems and inside != in_order:
        problems.append(
            Problem(
                "stages",
                f"the stages are not in {framework}'s order",
                "list them as " + ", ".join(in_order),
            )
        )
    return problems
