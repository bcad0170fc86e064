"""Rules about coverage: every stage started, touchpoints everywhere, life after the purchase.

Which stages come after the purchase is read from the framework catalogue: the
stage tagged with the ``buy`` journey moment is the first purchase, and every
stage after it is where customers are kept (the catalogue's 5x fact: keeping
a customer costs far less than winning a new one) and bring in others (the
92% fact: most buying decisions lean on someone else's opinion).
"""

from __future__ import annotations

from collections.abc import Iterator

from .context import MapView, Rule, fact_figure
from .findings import Finding
from .words import and_list

RULES = (
    Rule("blank-map", ("improve",), "nothing is filled in yet"),
    Rule("empty-stage", ("improve",), "a stage with nothing in it while others have content"),
    Rule("stage-without-touchpoints", ("fix",), "a stage with content but no touchpoints"),
    Rule(
        "stops-at-purchase", ("fix",), "the purchase stage is filled, every stage after it is empty"
    ),
    Rule("after-purchase-mapped", ("praise",), "every stage after the purchase has content"),
)


def check(view: MapView) -> Iterator[Finding]:
    stages = view.stages
    filled = [s for s in stages if not s.is_blank()]
    who = view.persona_name
    if not filled:
        first = stages[0].name if stages else None
        yield Finding(
            rule="blank-map",
            level="improve",
            message="Nothing is filled in yet.",
            why="A map grows stage by stage; an empty one is simply the to-do list.",
            fix=(
                f"Start with {first}: write the goal, then the touchpoints."
                if first
                else "Start with the persona, then fill in the first stage."
            ),
            stage=first,
            lane="goal" if first else None,
        )
        return
    after = view.after_purchase
    after_names = {s.name for s in after}
    for stage in stages:
        if stage.is_blank():
            if stage.name not in after_names:
                yield Finding(
                    rule="empty-stage",
                    level="improve",
                    message=f"{stage.name}: nothing is filled in yet.",
                    why="A gap in the middle of the journey hides where customers may drop out.",
                    fix=f"Fill in what {who} wants and where they meet you in {stage.name}.",
                    stage=stage.name,
                    lane="goal",
                )
        elif not stage.touchpoints:
            yield Finding(
                rule="stage-without-touchpoints",
                level="fix",
                message=f"{stage.name}: the stage has content but no touchpoints.",
                why=(
                    "Touchpoints are where the business can act; a stage without them gives you "
                    "nothing to change."
                ),
                fix=(
                    f"List every place or channel where {who} meets the business in "
                    f"{stage.name}, including ones you do not run yourself."
                ),
                stage=stage.name,
                lane="touchpoints",
            )
    if not after:
        return
    empty_after = [s for s in after if s.is_blank()]
    retention = fact_figure("retention-cost")
    reached = view.purchase_index is not None and not stages[view.purchase_index].is_blank()
    if reached and len(empty_after) == len(after):
        names = and_list([s.name for s in after])
        yield Finding(
            rule="stops-at-purchase",
            level="fix",
            message=(
                f"The map stops at {view.purchase_stage}: {names} "
                f"{'is' if len(after) == 1 else 'are'} still empty."
            ),
            why=f"Winning a new customer costs about {retention} as much as keeping one, and the "
            "keeping happens in those stages."
            if retention
            else "Keeping customers and winning others through them happens after the purchase.",
            fix=(
                f"Follow {who} past the purchase: what happens when the order arrives, and what "
                "would make them come back and tell others?"
            ),
            stage=after[0].name,
            lane="goal",
        )
        return
    for stage in empty_after:
        yield Finding(
            rule="empty-stage",
            level="improve",
            message=f"{stage.name}: nothing is filled in yet.",
            why="The stages after the purchase are where customers stay or drift away.",
            fix=f"Fill in what {who} wants and where they meet you in {stage.name}.",
            stage=stage.name,
            lane="goal",
        )
    if not empty_after:
        yield Finding(
            rule="after-purchase-mapped",
            level="praise",
            message=(
                f"The map follows {who} past the purchase, through "
                f"{and_list([s.name for s in after])}."
            ),
            why="Many maps end at the sale, yet the stages after it decide whether customers stay"
            + (
                f", and a new customer costs about {retention} as much as one you keep."
                if retention
                else "."
            ),
            fix="Keep those stages as concrete as the ones before the sale.",
        )
