"""The coach's labelled test set (``data/bench/``), loaded for the tests and the benchmark.

``data/bench/README.md`` says how it was written. Three kinds of case:

* :func:`goals`: stage goals labelled ``customer`` or ``business``;
* :func:`sound_maps`: maps with nothing to fix and at most a weak spot or two;
* :func:`flawed_maps`: a sound map with **one** flaw, its rule family and the stage it is in.

Each comes in parts (``data/bench/README.md``): ``tune`` (the coach was built looking at
it); ``holdout`` (written before the coach was changed, and meant to stay unseen, but looked at
while the coach was built); ``fresh`` (written later by someone who had not read the coach,
then used once, by its figures, while the coach was changed); ``fresh2``, ``fresh3``,
``fresh4`` to ``fresh13`` (written likewise, blind to the coach, then used to change it); and
``fresh14``, ``fresh15`` and ``fresh16`` (written likewise and never tuned on: the honest estimate
of how the coach does on work nobody tuned it on).
"""

from __future__ import annotations

import copy
import csv
import json
from dataclasses import dataclass
from pathlib import Path

import journeykit as jk

DATA = Path(__file__).resolve().parent / "data"
BENCH = DATA / "bench"
SPLITS = (
    "tune",
    "holdout",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "fresh10",
    "fresh11",
    "fresh12",
    "fresh13",
    "fresh14",
    "fresh15",
    "fresh16",
)
#: The parts written by someone who had not read the coach: each has its own ``goals.csv``, and
#: the benchmark lists their cases only when asked (``--show-fresh``).
FRESH = SPLITS[2:]

#: Industries of the shared ``goals.csv`` whose goals are in holdout (the rest are tune);
#: each fresh part's goals are in a file of its own.
HOLDOUT_INDUSTRIES = frozenset({"b2b-services", "non-profit", "public-sector", "travel", "finance"})


@dataclass(frozen=True)
class Goal:
    text: str
    label: str  # "customer" or "business"
    industry: str
    hard: bool
    split: str


@dataclass(frozen=True)
class Flawed:
    id: str
    base: str
    family: str
    stage: str | None
    split: str
    map: jk.JourneyMap


def goals(split: str | None = None) -> list[Goal]:
    """Every labelled goal (of one split when *split* is given)."""
    rows = []
    for path in (BENCH / "goals.csv", *(BENCH / part / "goals.csv" for part in FRESH)):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if path.parent.name in FRESH:
                    part = path.parent.name
                else:
                    part = "holdout" if row["industry"] in HOLDOUT_INDUSTRIES else "tune"
                rows.append(
                    Goal(row["goal"], row["label"], row["industry"], row["hard"] == "1", part)
                )
    return [g for g in rows if split is None or g.split == split]


def _sound_paths(split: str) -> dict[str, Path]:
    paths = {p.stem: p for p in sorted((BENCH / split / "sound").glob("*.json"))}
    if split == "tune":  # the review tests' clean bike-repair map is a tuning map too
        paths["bike-repair"] = DATA / "clean" / "bike-repair.json"
    return paths


def sound_maps(split: str) -> dict[str, jk.JourneyMap]:
    """The sound maps of one split, by name."""
    return {name: jk.load_map(path) for name, path in _sound_paths(split).items()}


def _apply(journey_map: jk.JourneyMap, change: dict) -> None:
    if "persona" in change:
        journey_map.set_persona(**change["persona"])
    else:
        journey_map.set_lane(change["stage"], change["lane"], copy.deepcopy(change["value"]))


def flawed_maps(split: str) -> list[Flawed]:
    """Each sound map of *split* with one flaw, as ``data/bench/<split>/flaws.json`` lists them."""
    bases = sound_maps(split)
    found = []
    for entry in json.loads((BENCH / split / "flaws.json").read_text("utf-8")):
        journey_map = copy.deepcopy(bases[entry["base"]])
        for change in entry["changes"]:
            _apply(journey_map, change)
        found.append(
            Flawed(entry["id"], entry["base"], entry["family"], entry["stage"], split, journey_map)
        )
    return found


# ----- scoring ------------------------------------------------------------------------------

#: Rule id -> the family of flaws it catches (ids of today's coach and of the coach before
#: issue 23 alike, so the benchmark can score both). ``same-in-every-stage`` counts as a
#: message finding on the messages lane (see :func:`family_of`).
FAMILY_OF_RULE: dict[str, str] = {
    "goal-is-internal-step": "goal",
    **dict.fromkeys(
        (
            "persona-missing",
            "persona-is-a-market",
            "persona-is-a-job-title",
            "persona-without-description",
            "persona-without-goals",
        ),
        "persona",
    ),
    **dict.fromkeys(
        ("wrong-lane", "action-is-business-activity", "touchpoint-is-an-action", "pain-is-an-idea"),
        "lanes",
    ),
    "item-in-wrong-stage": "stage-content",
    "stage-without-participants": "participants",
    "decided-without-others": "participants",
    "opportunity-without-kpi": "kpi",
    "kpi-measures-something-else": "kpi",
    "need-without-message": "messages",
    "same-message-in-every-stage": "messages",
    **dict.fromkeys(("stage-without-score", "dip-without-pain-point", "flat-emotions"), "emotions"),
    **dict.fromkeys(
        (
            "blank-map",
            "empty-stage",
            "stage-without-touchpoints",
            "stops-at-purchase",
            "stage-without-goal",
        ),
        "coverage",
    ),
    "pain-without-opportunity": "loop",
    **dict.fromkeys(
        ("placeholder-text", "duplicate-item", "same-in-every-stage", "paragraph-item"), "hygiene"
    ),
}
#: The families the benchmark reports, in its table's order.
FAMILIES = (
    "goal",
    "persona",
    "lanes",
    "stage-content",
    "participants",
    "kpi",
    "messages",
    "emotions",
)
#: The stage the goals are put in: the worked example's Consideration, as the issue measured.
GOAL_STAGE = "Consideration"


def family_of(finding: jk.Finding) -> str:
    if finding.rule == "same-in-every-stage" and finding.lane == "messages":
        return "messages"
    return FAMILY_OF_RULE.get(finding.rule, "other")


def criticism(review: jk.Review) -> list[jk.Finding]:
    """The findings that say something is wrong or weak (fix and improve)."""
    return [f for f in review if f.level != "praise"]


def goal_flagged(goal: str) -> str | None:
    """The level of the goal finding on *goal* in the worked example's Consideration, or None."""
    shop = jk.example("clothing-store")
    shop.set_lane(GOAL_STAGE, "goal", goal)
    levels = [
        f.level
        for f in criticism(jk.review(shop))
        if family_of(f) == "goal" and f.stage == GOAL_STAGE
    ]
    return "fix" if "fix" in levels else (levels[0] if levels else None)


@dataclass
class Score:
    """Precision and recall of one family: true and false positives, flaws missed."""

    found: int = 0
    false: int = 0
    missed: int = 0

    @property
    def precision(self) -> float | None:
        total = self.found + self.false
        return self.found / total if total else None

    @property
    def recall(self) -> float | None:
        total = self.found + self.missed
        return self.found / total if total else None


@dataclass
class Report:
    """What the benchmark prints for one split."""

    split: str
    families: dict[str, Score]
    business_flagged: float
    customer_flagged: float
    hard_business_flagged: float
    hard_customer_flagged: float
    goals_asked: int
    flaws_caught: int
    flaws: int
    missed: list[str]
    sound_fix: float
    sound_improve: float
    sound_maps: int
    sound_notes: list[str]


def _key(finding: jk.Finding) -> tuple[str, str | None, str | None]:
    return finding.rule, finding.stage, finding.lane


def report(split: str) -> Report:
    """Score the coach on one split of the test set."""
    families = {family: Score() for family in FAMILIES}
    business = [g for g in goals(split) if g.label == "business"]
    customer = [g for g in goals(split) if g.label == "customer"]
    flagged = {g.text: goal_flagged(g.text) for g in business + customer}
    goal_score = families["goal"]
    for g in business:
        if flagged[g.text]:
            goal_score.found += 1
        else:
            goal_score.missed += 1
    goal_score.false += sum(1 for g in customer if flagged[g.text])

    def share(items: list[Goal]) -> float:
        return sum(1 for g in items if flagged[g.text]) / len(items) if items else 0.0

    bases = sound_maps(split)
    base_findings = {name: criticism(jk.review(m)) for name, m in bases.items()}
    sound_notes = []
    for name, found in base_findings.items():
        for finding in found:
            family = family_of(finding)
            if family in families:
                families[family].false += 1
            sound_notes.append(f"{name}: {finding.level} {finding.rule} ({finding.stage})")
    caught = 0
    missed = []
    for flawed in flawed_maps(split):
        known = {_key(f) for f in base_findings[flawed.base]}
        hit = False
        for finding in criticism(jk.review(flawed.map)):
            if _key(finding) in known:
                continue
            family = family_of(finding)
            right = family == flawed.family and finding.stage == flawed.stage
            if right:
                hit = True
            elif family in families and family != flawed.family:
                # the same flaw showing elsewhere in its family (a slogan leaves each
                # stage's needs unanswered) is neither a hit nor a false alarm
                families[family].false += 1
        if hit:
            caught += 1
            families[flawed.family].found += 1
        else:
            families[flawed.family].missed += 1
            missed.append(f"{flawed.id} ({flawed.family}, {flawed.stage or 'whole map'})")
    every = [f for found in base_findings.values() for f in found]
    return Report(
        split=split,
        families=families,
        business_flagged=share(business),
        customer_flagged=share(customer),
        hard_business_flagged=share([g for g in business if g.hard]),
        hard_customer_flagged=share([g for g in customer if g.hard]),
        goals_asked=sum(1 for level in flagged.values() if level == "improve"),
        flaws_caught=caught,
        flaws=len(flawed_maps(split)),
        missed=missed,
        sound_fix=sum(f.level == "fix" for f in every) / len(bases),
        sound_improve=sum(f.level == "improve" for f in every) / len(bases),
        sound_maps=len(bases),
        sound_notes=sound_notes,
    )
