"""Rules about content in the wrong stage, judged by the catalogue's journey moments.

Each stage of a framework covers some journey moments (``notice``, ``research``, ``buy``,
``recommend`` ...; see :mod:`journeykit.catalogue`). Some items plainly belong to one
moment: the customer recommending the business, the customer paying, the business
advertising to strangers. Found in a stage that covers nothing near that moment (a
referral in Awareness, a billboard in Advocacy, paying in Discover), the coach asks
whether the item is in the right stage: the learner may know something it does not.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalogue import FieldPath, FieldSpec, schema
from .concepts import action_moment, is_advertising
from .context import MapView, Rule
from .findings import Finding
from .words import quoted

RULES = (
    Rule(
        "item-in-wrong-stage",
        ("improve",),
        "an item of another journey moment than its stage covers (the customer recommending "
        "or paying before the purchase stages, advertising to strangers in a recommend or "
        "promote stage), asked as a question",
    ),
)

#: Moments before the purchase: a stage covering only these has not bought anything yet.
_BEFORE = frozenset({"notice", "research", "contact", "commit"})
#: Moments of telling others, where the customer (not an advert) carries the message.
_TELLING = frozenset({"recommend", "promote"})
#: Where an item of each kind belongs, in words a learner knows.
_BELONGS = {
    "recommend": "a stage where the customer tells others (Advocacy, Advocate)",
    "buy": "the stage of the purchase",
    "advertising": "the first stage, where people first notice the business",
}


def _misplaced(moments: frozenset[str], lane: str, item: str) -> str | None:
    """The kind of item *item* of lane *lane* is when it is out of place in a stage covering
    *moments*: what the customer does (the customer actions) can be a purchase or a
    recommendation; what the business does or where it speaks can be advertising."""
    if not moments:
        return None
    if lane == "actions" and moments <= _BEFORE:
        kind = action_moment(item)
        if kind == "recommend" or (kind == "buy" and not moments & {"commit", "contact"}):
            return kind
    telling = lane != "actions" and moments <= _TELLING  # where the business speaks
    if telling and is_advertising(item):
        return "advertising"
    return None


def _moment_lanes() -> tuple[FieldSpec, ...]:
    """The list lanes whose items the catalogue describes stage by stage (actions,
    touchpoints, business activities, emotion words), from the schema: the lanes where an
    item belongs to a journey moment."""
    return tuple(spec for spec in schema().lanes if spec.kind == "list" and spec.framework_field)


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
    lanes = _moment_lanes()
    for stage in view.filled():
        moments = frozenset(view.moments.get(stage.name, ()))
        found = next(
            (
                (spec, item, kind)
                for spec in lanes
                for item in getattr(stage, spec.name)
                if (kind := _misplaced(moments, spec.key, item))
            ),
            None,
        )
        if found is None:
            continue
        spec, item, kind = found
        what = {
            "recommend": f"{who} recommending the business",
            "buy": f"{who} buying",
            "advertising": "advertising to people who do not know the business yet",
        }[kind]
        yield Finding(
            rule="item-in-wrong-stage",
            level="improve",
            message=f"{stage.name}: {quoted(item)} is {what}. Does it happen in {stage.name}?",
            why=(
                f"Each stage covers its own moments of the journey; this item belongs in "
                f"{_BELONGS[kind]}, and in the wrong stage it hides what really happens here."
            ),
            fix=f"Move {quoted(item)} to {_BELONGS[kind]}, and write what happens in "
            f"{stage.name} instead.",
            field=FieldPath(stage.name, spec.key),
        )
