"""Rules about evidence and priorities: how much of the map rests on assumptions, and where.

A map is worth what its evidence is worth. Once a learner starts saying where items
come from (``evidence`` on list items: a kind of research, or ``"assumption"``), the
coach counts (:func:`journeykit.model.evidence.evidence_counts`) and says how much of
the map is still the team's guess and in which stages and lanes most of it sits; a
dip that only assumed pain points explain is the first thing to check with customers.
A map that tags nothing hears nothing from these rules: tagging is taught in
notebook 10, and earlier maps are not judged by it.

Scored opportunities (impact and effort) are the other half: once some are scored,
the ones still missing a score are named, since the roadmap leaves them out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..catalogue import ASSUMPTION, is_dip, schema
from ..model.evidence import evidence_counts, evidence_lanes, item_evidence
from ..model.items import attributes_of
from ..model.values import lane_name
from .context import MapView, Rule
from .findings import Finding
from .words import and_list, quoted, quoted_list

RULES = (
    Rule(
        "rests-on-assumptions",
        ("improve",),
        "half or more of the items that say where they come from are assumptions (the "
        "message counts them and names the stages and lanes that hold most)",
    ),
    Rule(
        "dip-on-assumptions",
        ("improve",),
        "a dip whose pain points are all tagged as assumptions",
    ),
    Rule(
        "evidence-half-tagged",
        ("improve",),
        "some items say where they come from, others in the same lanes do not",
    ),
    Rule(
        "evidence-backed",
        ("praise",),
        "every item says where it comes from, and at least two in three come from research",
    ),
    Rule(
        "opportunity-unscored",
        ("improve",),
        "some opportunities have an impact and an effort, others not (the roadmap leaves them out)",
    ),
)

#: A map whose tagged items are this share assumptions or more rests on them.
ASSUMED_SHARE = 0.5
#: The share of items from research that earns praise, when every item is tagged.
BACKED_SHARE = 2 / 3

_WHY_EVIDENCE = (
    "A journey map shows what customers live through; an item nobody has heard from a "
    "customer may be the team's own habit, not theirs."
)


def check(view: MapView) -> Iterator[Finding]:
    m = view.map
    counts = evidence_counts(m)
    if counts.tagged:
        yield from _assumptions(view, counts.tagged, counts.assumption)
        yield from _dips(view)
        if counts.untagged:
            yield _half_tagged(view, counts.untagged, counts.items)
        elif counts.research >= BACKED_SHARE * counts.items:
            yield Finding(
                rule="evidence-backed",
                level="praise",
                message=(
                    f"Every item says where it comes from, and {counts.research} of "
                    f"{counts.items} come from research."
                ),
                why=_WHY_EVIDENCE,
                fix="Keep tagging new items as you add them, assumptions included.",
            )
    yield from _unscored(view)


def _assumptions(view: MapView, tagged: int, assumed: int) -> Iterator[Finding]:
    if assumed < ASSUMED_SHARE * tagged:
        return
    places: Counter[tuple[str, str]] = Counter()
    for stage in view.stages:
        for key in evidence_lanes():
            for item in getattr(stage, schema().lanes_by_key[key].name):
                if item_evidence(item) == ASSUMPTION:
                    places[(stage.name, key)] += 1
    top = [f"{stage} {lane_name(key)} ({n})" for (stage, key), n in places.most_common(3)]
    by_stage: Counter[str] = Counter()
    for (name, _), n in places.items():
        by_stage[name] += n
    worst, most = by_stage.most_common(1)[0]
    yield Finding(
        rule="rests-on-assumptions",
        level="improve",
        message=(
            f"{assumed} of the {tagged} items that say where they come from "
            f"({round(100 * assumed / tagged)}%) are assumptions, most of them in "
            f"{and_list(top)}."
        ),
        why=_WHY_EVIDENCE,
        fix=(
            f"Check the assumptions in {worst} first ({most} of them) with a few customers: "
            "ask what happened the last time, then tag each item with what you found, or "
            "drop it."
        ),
        stage=worst if len(by_stage) == 1 else None,
    )


def _dips(view: MapView) -> Iterator[Finding]:
    scores = [s.emotion_score for s in view.stages]
    for i, stage in enumerate(view.stages):
        pains = stage.pain_points
        if not pains or not is_dip(scores, i):
            continue
        if all(item_evidence(p) == ASSUMPTION for p in pains):
            yield Finding(
                rule="dip-on-assumptions",
                level="improve",
                message=(
                    f"{stage.name}: the emotion curve dips here, and the only reasons given, "
                    f"{quoted_list(pains)}, are assumptions."
                ),
                why=(
                    "A dip is where customers are most likely to give up; if the reason for it "
                    "is a guess, the fix may aim at the wrong problem."
                ),
                fix=(
                    f"Ask customers who went through {stage.name} what went wrong, or look at "
                    "the support tickets and the data for this step, before choosing what to "
                    "change here."
                ),
                stage=stage.name,
                lane="pain_points",
            )


def _half_tagged(view: MapView, untagged: int, items: int) -> Finding:
    lanes: Counter[str] = Counter()
    for stage in view.stages:
        for key in evidence_lanes():
            for item in getattr(stage, schema().lanes_by_key[key].name):
                if item_evidence(item) == "untagged":
                    lanes[key] += 1
    most = [f"{lane_name(key)} ({n})" for key, n in lanes.most_common(2)]
    return Finding(
        rule="evidence-half-tagged",
        level="improve",
        message=(
            f"{untagged} of the {items} items do not say where they come from yet, most of "
            f"them in {and_list(most)}."
        ),
        why=(
            "Untagged items read like facts; only the tag tells a reader which ones the team "
            "has checked."
        ),
        fix=(
            "Open each stage's Evidence and priorities fold and tag the rest, 'assumption' "
            "for anything nobody has checked."
        ),
    )


def _unscored(view: MapView) -> Iterator[Finding]:
    scored: list[tuple[str, str]] = []
    unscored: list[tuple[str, str]] = []
    for stage in view.stages:
        for item in stage.opportunities:
            if type(item) is str:  # a plain string has no attributes, so no score: most items
                unscored.append((stage.name, item))
                continue
            attributes = attributes_of(item)
            done = attributes.get("impact") is not None and attributes.get("effort") is not None
            (scored if done else unscored).append((stage.name, item))
    if not scored or not unscored:
        return
    where, first = unscored[0]
    yield Finding(
        rule="opportunity-unscored",
        level="improve",
        message=(
            f"{len(scored)} opportunit{'ies have' if len(scored) > 1 else 'y has'} an impact "
            f"and an effort, but {len(unscored)} not yet, starting with {quoted(first)} in "
            f"{where}."
        ),
        why=(
            "The impact/effort matrix and the roadmap only place opportunities that are "
            "scored; an unscored one is quietly left out of the plan."
        ),
        fix="Give each of them an impact and an effort from 1 to 4, even a rough one.",
        stage=where,
        lane="opportunities",
    )
