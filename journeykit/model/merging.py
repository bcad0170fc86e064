"""Merging two versions of one map: three-way, field by field, losing no edit.

When two editors (two notebooks, two kernels, two browser tabs) work on one
file, each one's save finds the other's version on disk. :func:`merge_saved`
takes three versions in the saved-file layout (``JourneyMap.to_dict()``):

* ``base``: what this side last read from the file or wrote to it;
* ``ours``: what this side holds now;
* ``theirs``: what the file holds now.

It compares them field by field, every field of the schema
(:mod:`journeykit.catalogue.fields`): the map's own fields (title, notes), each
persona field and each lane of each stage (the emotion score and words count as
two). A field only one side changed takes that side's value. A list field both
sides changed keeps the items of both: what either side added stays, what one
side removed and the other left alone goes (an item is its text and its
attributes: an item whose attributes one side changed counts as removed and
added again). Any other field (text, score, choice) both sides changed to
different values keeps ours and is reported as a conflict, so the caller can
keep theirs elsewhere (:mod:`.saving` writes it to a ``.conflict-`` file).

Versions whose framework or stages differ cannot be merged field by field;
:func:`merge_saved` then keeps ours and says why in ``Merge.mismatch``.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from typing import Any

from ..catalogue import FieldPath, FieldSpec, schema


@dataclass(frozen=True)
class Merge:
    """The outcome of :func:`merge_saved`.

    Attributes
    ----------
    data : dict
        The merged map in the saved-file layout.
    taken : tuple of str
        Fields (paths such as ``stages[2].touchpoints``) whose value now comes,
        wholly or partly, from theirs.
    combined : tuple of str
        List lanes both sides changed: the items of both are kept.
    conflicts : tuple of str
        Text or score fields both sides changed differently: ours is kept.
    mismatch : str
        Why the versions could not be merged at all (empty when they could).
    """

    data: dict[str, Any]
    taken: tuple[str, ...] = ()
    combined: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    mismatch: str = ""

    @property
    def needs_copy(self) -> bool:
        """True when theirs holds something the merged map does not: keep a copy of it."""
        return bool(self.conflicts or self.mismatch)


def _fields(data: dict[str, Any]) -> Iterator[tuple[str, FieldSpec, dict[str, Any]]]:
    """(saved path, field, the object of its scope) for every field of saved-file *data*:
    the map's own fields, the persona's, then each stage's lanes."""
    persona = data.get("persona", {})
    for spec in schema().scope("map"):
        yield spec.saved_path(), spec, data
    for spec in schema().scope("persona"):
        yield spec.saved_path(), spec, persona
    for index, stage in enumerate(data.get("stages", [])):
        for spec in schema().lanes:
            yield spec.saved_path(index), spec, stage


def _read(spec: FieldSpec, scope: dict[str, Any]) -> Any:
    holder = scope.get(spec.saved[0], {}) if len(spec.saved) > 1 else scope
    return holder.get(spec.saved[-1], spec.empty())


def field_values(data: dict[str, Any]) -> dict[str, Any]:
    """Every mergeable field of saved-file *data*, by field path (missing: empty).

    Examples
    --------
    >>> import journeykit as jk
    >>> values = field_values(jk.example("clothing-store").to_dict())
    >>> values["stages[2].emotion.score"], values["persona.name"], len(values)
    (3, 'Maya', 83)
    """
    return {path: _read(spec, scope) for path, spec, scope in _fields(data)}


def with_values(data: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """A copy of saved-file *data* with the fields in *values* (paths as in
    :func:`field_values`) replaced."""
    out = copy.deepcopy(data)
    for path, spec, scope in _fields(out):
        if path not in values:
            continue
        value = values[path]
        holder = scope.setdefault(spec.saved[0], {}) if len(spec.saved) > 1 else scope
        if spec.optional and spec.is_empty(value):
            holder.pop(spec.saved[-1], None)  # left out while empty, as the map saves it
        else:
            holder[spec.saved[-1]] = copy.deepcopy(value)
    return out


def merge_saved(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> Merge:
    """Merge *ours* and *theirs*, both changed from *base*, field by field.

    Examples
    --------
    >>> import journeykit as jk
    >>> base = jk.JourneyMap.new("five-stage", title="Shop")
    >>> mine, other = base.copy(), base.copy()
    >>> mine.set_lane("Awareness", "touchpoints", ["Shop window"])
    >>> other.set_lane("Purchase", "goal", "Pay quickly")
    >>> other.set_lane("Awareness", "touchpoints", ["Flyer"])
    >>> merged = merge_saved(base.to_dict(), mine.to_dict(), other.to_dict())
    >>> merged.taken, merged.combined, merged.conflicts
    (('stages[0].touchpoints', 'stages[2].goal'), ('stages[0].touchpoints',), ())
    >>> jk.JourneyMap.from_dict(merged.data).stage("Awareness").touchpoints
    ['Shop window', 'Flyer']
    """
    mismatch = _mismatch(base, ours, theirs)
    if mismatch:
        return Merge(copy.deepcopy(ours), mismatch=mismatch)
    old, mine, other = field_values(base), field_values(ours), field_values(theirs)
    lists = {path for path, spec, _ in _fields(ours) if spec.kind == "list"}
    changes: dict[str, Any] = {}
    taken: list[str] = []
    combined: list[str] = []
    conflicts: list[str] = []
    for path, value in mine.items():
        then, there = old.get(path), other.get(path)
        if there in (value, then):
            continue
        if value == then:
            changes[path] = there
            taken.append(path)
        elif path in lists:
            changes[path] = merge_items(then or [], value, there or [])
            taken.append(path)
            combined.append(path)
        else:
            conflicts.append(path)
    return Merge(with_values(ours, changes), tuple(taken), tuple(combined), tuple(conflicts))


def _hashable(item: Any) -> Hashable:
    """A saved item as a key: its text, or its object (text and attributes) as JSON."""
    return json.dumps(item, sort_keys=True) if isinstance(item, dict) else item


def merge_items(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    """The items of a list field both sides changed: every addition kept, every removal done.

    Items are counted (a lane may list the same item twice). An item both sides
    added is kept once; an item one side removed and the other kept goes. The
    order is ours, with theirs' additions placed after the item they follow in
    theirs (at the end when they follow none of ours). Items are as the saved file
    holds them: text, or an object of text and attributes.

    Examples
    --------
    >>> merge_items(["Web", "Email"], ["Web", "Email", "Chat"], ["Email", "Phone"])
    ['Email', 'Phone', 'Chat']
    """
    if ours in (base, theirs):
        return list(theirs)
    if theirs == base:
        return list(ours)
    saved = {_hashable(item): item for item in (*base, *ours, *theirs)}
    merged = _merge_keys(
        [_hashable(i) for i in base], [_hashable(i) for i in ours], [_hashable(i) for i in theirs]
    )
    return [copy.deepcopy(saved[key]) for key in merged]


def _merge_keys(
    base: list[Hashable], ours: list[Hashable], theirs: list[Hashable]
) -> list[Hashable]:
    b, o, t = Counter(base), Counter(ours), Counter(theirs)
    want = {}
    for item in o | t:
        mine, other = o[item] - b[item], t[item] - b[item]
        if mine * other > 0:  # both added (or both removed): once, not twice
            delta = max(mine, other) if mine > 0 else min(mine, other)
        else:
            delta = mine + other
        want[item] = b[item] + delta
    result: list[Hashable] = []
    have: Counter[Hashable] = Counter()
    for item in ours:
        if have[item] < want[item]:
            result.append(item)
            have[item] += 1
    at: int | None = None  # where theirs' next addition goes: after the item it follows
    lead: list[Hashable] = []  # additions that come before any item both sides hold
    for item in theirs:
        if have[item] < want[item]:
            have[item] += 1
            if at is None:
                lead.append(item)
            else:
                result.insert(at, item)
                at += 1
        elif item in result[at or 0 :]:
            found = result.index(item, at or 0)
            if at is None:
                result[found:found] = lead
                found += len(lead)
            at = found + 1
    if at is None:
        result += lead
    return result


def _mismatch(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> str:
    """Why the three versions cannot be merged field by field ("" when they can)."""

    def shape(data: dict[str, Any]) -> tuple[Any, ...]:
        return (data.get("framework"), [s.get("stage") for s in data.get("stages", [])])

    if shape(theirs) != shape(ours):
        return (
            f"the file now holds a {theirs.get('framework')} map with other stages"
            if theirs.get("framework") != ours.get("framework")
            else "the file now holds other stages"
        )
    if shape(base) != shape(ours):
        return "this map was started from another file"
    return ""


def field_label(path: str, data: dict[str, Any]) -> str:
    """A field path in words for a status line: ``stages[0].touchpoints``, ``Aware: touchpoints``.

    Examples
    --------
    >>> import journeykit as jk
    >>> data = jk.JourneyMap.new("eight-stage").to_dict()
    >>> field_label("stages[0].emotion.score", data), field_label("persona.goals", data)
    ('Aware: emotion score', "persona's goals")
    """
    field = FieldPath.from_saved(path, [stage["stage"] for stage in data.get("stages", [])])
    spec = field.spec if field is not None else None
    if field is None or spec is None:
        return path
    return f"{field.stage}: {spec.in_text}" if field.stage else spec.in_text
