"""The rubric's criteria: what each one asks, what each level looks like, how the map shows it.

One :class:`Criterion` per thing the mapping method asks of a map. Each says in words what a
map at each of the four :data:`LEVELS` looks like (the printed rubric, ``docs/rubric.md``), and
reads the map's content for the level it reaches (:attr:`Criterion.measure`); the coach's
findings about the same part of the map then cap that level (:mod:`.scoring`).

A new criterion goes in :data:`CRITERIA`; everything else (the printed rubric, the roll-up's
columns, the capstone's points) follows.

Evidence (where each item of a map comes from) is taught in notebook 10, after the own-map
capstone of ex07. So it is a criterion a map *opts into*: it counts for a map once the map
tags at least one item (:attr:`Criterion.counts_for`, :func:`criteria_in_use`), and a map that
tags nothing is judged on the other criteria alone, out of fewer points, not marked down for
a step it has not been taught. The capstone is graded on :func:`criteria_for_every_map`, so
its points do not depend on whether a learner read ahead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..coaching.context import MapView
from ..coaching.evidence import ASSUMED_SHARE, BACKED_SHARE
from ..model import Stage
from ..model.evidence import evidence_counts

#: The levels of every criterion, lowest first; a criterion's level is its index here.
LEVELS: tuple[str, ...] = ("Not shown", "Beginning", "Proficient", "Exemplary")


@dataclass(frozen=True)
class Criterion:
    """One row of the rubric.

    Parameters
    ----------
    id : str
        A short stable id (the roll-up's column).
    title : str
        The criterion as a grader reads it.
    asks : str
        What the method asks of the map here, in a sentence.
    descriptors : tuple of str
        What a map at each of :data:`LEVELS` looks like, lowest first.
    families : tuple of str
        The coach's rule families (modules of :mod:`journeykit.coaching`) whose findings are
        evidence for this criterion.
    lanes : tuple of str
        Lanes (and ``"persona"``) whose findings from any other family are evidence too.
    measure : callable (MapView) -> int
        The level the map's content reaches, before the coach's findings cap it.
    counts_for : callable (MapView) -> bool, optional
        For a criterion a map opts into (evidence): whether it counts for this map. None (the
        default): it counts for every map.
    other_rules : tuple of str
        Rules of :attr:`families` that are about another criterion (their findings go by lane).
    """

    id: str
    title: str
    asks: str
    descriptors: tuple[str, str, str, str]
    families: tuple[str, ...]
    lanes: tuple[str, ...]
    measure: Callable[[MapView], int]
    counts_for: Callable[[MapView], bool] | None = None
    other_rules: tuple[str, ...] = ()


def _started(view: MapView) -> list[Stage]:
    return list(view.filled())


def _share_level(have: int, of: int) -> int:
    """0 when none of *of* has it, 1 under half, 2 half or more, 3 all."""
    if of == 0 or have == 0:
        return 0
    if have == of:
        return 3
    return 2 if have * 2 >= of else 1


def _persona(view: MapView) -> int:
    persona = view.map.persona
    if not persona.name.strip():
        return 0
    if not persona.description.strip():
        return 1
    return 3 if (persona.goals or persona.frustrations) else 2


def _goals(view: MapView) -> int:
    started = _started(view)
    return _share_level(sum(1 for s in started if s.goal.strip()), len(started))


def _beyond(view: MapView) -> int:
    after = view.after_purchase
    if not after:
        # a framework without a purchase moment: judged by how far the map runs
        started = _started(view)
        return _share_level(len(started), len(view.stages))
    begun = [s for s in after if not s.is_blank()]
    if not begun:
        return 0
    if len(begun) < len(after):
        return 1
    rich = all(s.touchpoints and s.emotion_score is not None for s in after)
    return 3 if rich else 2


def _emotions(view: MapView) -> int:
    started = _started(view)
    scored = [s for s in started if s.emotion_score is not None]
    if not scored:
        return 0
    if len(scored) < len(started):
        return 1
    low = [s for s in scored if s.emotion_score <= 2]
    explained = all(s.pain_points for s in low)
    worded = all(s.emotion_words for s in scored)
    return 3 if explained and worded and any(s.pain_points for s in started) else 2


def _opportunities(view: MapView) -> int:
    started = _started(view)
    ideas = [s for s in started if s.opportunities]
    if not ideas:
        return 0
    measured = [s for s in ideas if s.kpis]
    if not measured:
        return 1
    pains = [s for s in started if s.pain_points]
    answered = all(s.opportunities for s in pains)
    return 3 if len(measured) == len(ideas) and answered else 2


def _needs(view: MapView) -> int:
    started = _started(view)
    needs = [s for s in started if s.information_needs]
    if not needs:
        return 0
    if not any(s.messages for s in started):
        return 1
    answered = all(s.messages for s in needs)
    return 3 if answered and len(needs) * 2 >= len(started) else 2


def _participants(view: MapView) -> int:
    social = [s for s in view.social if not s.is_blank()] or _started(view)
    return _share_level(sum(1 for s in social if s.participants), len(social))


def _tags_evidence(view: MapView) -> bool:
    return evidence_counts(view.map).tagged > 0


def _evidence(view: MapView) -> int:
    """How much of the map says where it comes from, and how little of that is guesswork
    (the coach's shares: half assumptions or more rests on them, two in three from research
    is backed)."""
    counts = evidence_counts(view.map)
    assumed, tagged = counts.share_assumed, counts.share_tagged
    if assumed is None or tagged is None:
        return 0
    if tagged < 0.5 or assumed >= ASSUMED_SHARE:
        return 1
    return 3 if counts.untagged == 0 and counts.research >= BACKED_SHARE * counts.items else 2


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "persona",
        "Persona",
        "The map follows one person: named, described, with what they want.",
        (
            "No persona, or only a group of people.",
            "A name or a segment, with little about who they are.",
            "One named person with a line about who they are.",
            "One believable person: who they are, what they want and what gets in their way.",
        ),
        ("persona",),
        ("persona",),
        _persona,
    ),
    Criterion(
        "customer-goals",
        "Stages as the customer's goals",
        "Each stage says what the customer is trying to get done, in their own terms.",
        (
            "No stage goals.",
            "Few goals, or goals that are the business's own steps (leads, upsell, CRM).",
            "Most stages carry a goal told from the customer's side.",
            "Every started stage carries a goal the customer would say in their own words.",
        ),
        ("goals",),
        ("goal",),
        _goals,
    ),
    Criterion(
        "beyond-purchase",
        "The journey beyond the purchase",
        "The map goes on after the first purchase: keeping the customer, and their word of mouth.",
        (
            "The map stops at the purchase.",
            "Some stages after the purchase are started.",
            "Every stage after the purchase is started.",
            "Every stage after the purchase is mapped with its touchpoints and feelings.",
        ),
        ("coverage",),
        (),
        _beyond,
    ),
    Criterion(
        "emotions-and-pain",
        "Emotions, and the pain points behind them",
        "Each stage says how the customer feels, and every low point has a pain point behind it.",
        (
            "No emotion scores.",
            "Some stages are scored; low points are left unexplained.",
            "Every started stage is scored; most dips have a pain point.",
            "Scores and feeling words in every stage, and every dip explained by a pain point.",
        ),
        ("feelings",),
        ("emotion_score", "emotion_words", "pain_points"),
        _emotions,
    ),
    Criterion(
        "opportunities-kpis",
        "Opportunities with KPIs",
        "Pain points lead to opportunities, and each opportunity has a KPI that measures it.",
        (
            "No opportunities.",
            "Opportunities without any KPI.",
            "Opportunities with KPIs in most stages.",
            "Every pain point answered by an opportunity, and every opportunity measured.",
        ),
        ("loop",),
        ("opportunities", "kpis"),
        _opportunities,
    ),
    Criterion(
        "information-needs",
        "Information needs answered",
        "What the customer needs to know at each stage, and a message that answers it.",
        (
            "No information needs.",
            "Needs listed, but no messages answer them.",
            "Needs and messages, with a few needs left unanswered.",
            "The customer's questions listed through the journey, each answered by a message.",
        ),
        ("messages",),
        ("information_needs", "messages"),
        _needs,
    ),
    Criterion(
        "participants",
        "Participants",
        "The other people who take part: friends, reviewers, family, colleagues, staff.",
        (
            "No one but the customer appears.",
            "Others appear in a few stages.",
            "Others appear in most of the stages where people decide or talk together.",
            "Every stage where others weigh in names who they are.",
        ),
        ("participants",),
        ("participants",),
        _participants,
    ),
    Criterion(
        "evidence",
        "Evidence behind the map",
        "Each item says whether customers told or showed it (research) or the team guessed it "
        "(an assumption). Counts once the map tags an item (taught in notebook 10).",
        (
            "No item says where it comes from.",
            "Fewer than half the items are tagged, or half or more of the tagged ones are guesses.",
            "Half the items or more are tagged, and research outweighs guesswork.",
            "Every item is tagged, two in three or more rest on research, guesses named.",
        ),
        ("evidence",),
        (),
        _evidence,
        counts_for=_tags_evidence,
        # scored opportunities are the priorities half of the family: judged by their lane
        other_rules=("opportunity-unscored",),
    ),
)


def criteria_in_use(view: MapView | None = None) -> tuple[Criterion, ...]:
    """The criteria a map is judged on; with no map, every criterion (the printed rubric, the
    roll-up's columns).

    A criterion a map opts into (evidence) is left out for a map that has not: judging a map
    on a step taught after it was drawn would mark the learner down for the course's order.

    Examples
    --------
    >>> import journeykit as jk
    >>> from journeykit.coaching.context import MapView
    >>> [c.id for c in criteria_in_use()][-1]
    'evidence'
    >>> untagged = MapView.of(jk.example("clothing-store"))
    >>> len(criteria_in_use()), len(criteria_in_use(untagged))
    (8, 7)
    """
    if view is None:
        return CRITERIA
    return tuple(c for c in CRITERIA if c.counts_for is None or c.counts_for(view))


def criteria_for_every_map() -> tuple[Criterion, ...]:
    """The criteria that count whatever a map holds: the capstone's, which comes before
    evidence is taught (so its points are the same for every learner)."""
    return tuple(c for c in CRITERIA if c.counts_for is None)
