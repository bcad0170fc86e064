"""``jk.review``: read a journey map the way a coach would and say what to work on next.

The rules come in families, one module each; every rule has a short id that
stays the same between versions (the class roll-up counts them), and gives one
or two levels: ``fix`` for a mistake in the method, ``improve`` for a weak spot,
``praise`` for something done well.

=================================  ===============  ==============================================
rule                               levels           what the coach notices
=================================  ===============  ==============================================
``persona-missing``                fix              the persona has no name
``persona-is-a-market``            fix, improve     a group, segment or market, named or not
                                                    ("small businesses", "Heads of IT",
                                                    "Daniel - givers segment", a description
                                                    "Parents aged 25-40"; improve: one sign
                                                    only, a question)
``persona-is-a-job-title``         fix, improve     a job title ("Finance director"), no person
                                                    (improve: a name with a job title and a
                                                    description of the role only, a question)
``persona-without-description``    improve          a named persona with no description
``persona-without-goals``          improve          a persona with neither goals nor frustrations
``persona-is-a-person``            praise           named, described, with goals
``goal-is-internal-step``          fix, improve     a goal that is the business's step, read by
                                                    meaning: a verb of the business working on
                                                    its market ("Nurture prospects"), a verb
                                                    aimed at its customers ("Get patients to
                                                    book online"), funnel words, a target with
                                                    a number, the business's "our" (not a
                                                    family's or a buying team's), a standard
                                                    for every case (asked); not what the
                                                    persona's own goals say they want; improve:
                                                    signs both ways, asked as a question
``stage-without-goal``             improve          a started stage with no customer goal
``goals-from-the-customer-side``   praise           every goal told from the customer's side
``blank-map``                      improve          nothing filled in yet
``empty-stage``                    improve          an empty stage while others are started
``stage-without-touchpoints``      fix              a started stage with no touchpoints
``stops-at-purchase``              fix              the purchase stage is started, every stage
                                                    after it is empty
``after-purchase-mapped``          praise           every stage after the purchase is started
``stage-without-score``            improve          a started stage with no emotion score
``dip-without-pain-point``         fix, improve     a dip with no pain point (fix: a score of 2 or
                                                    less or a drop of 2 or more; improve: a drop
                                                    of 1)
``flat-emotions``                  improve          three or more scores, all the same
``dips-explained``                 praise           every dip has a pain point
``pain-without-opportunity``       improve          pain points no opportunity answers
``opportunity-without-kpi``        fix              a stage with opportunities but no KPI
``kpi-measures-something-else``    improve          no KPI of the stage counts anything the rest
                                                    of its stage mentions (a word or an idea) or
                                                    its journey moment (a question)
``pain-to-kpi``                    praise           every pain answered, every idea measured
``need-without-message``           improve          an information need no message (same stage
                                                    or earlier) answers in meaning: a price
                                                    question needs a price, a refund question a
                                                    refund, "is it worth it" a way to judge, an
                                                    open one more than a claim ...
``same-message-in-every-stage``    fix              one message (a slogan) in every stage
``stage-without-participants``     improve          a research, recommend or promote stage that
                                                    names no other people
``decided-without-others``         fix, improve     a stage where the choice is made names
                                                    nobody on the customer's side (only staff,
                                                    or the persona) though the persona buys for
                                                    a workplace, a family or with a carer (fix:
                                                    the purchase stage's text names them)
``others-named``                   praise           every such stage names them
``action-is-business-activity``    fix, improve     a customer action the business does
                                                    (improve: it gives what the map's business
                                                    activities give, a question)
``touchpoint-is-an-action``        fix              a touchpoint written as a customer action
``pain-is-an-idea``                improve          a pain point written as the fix or as an
                                                    order to contact customers (a question)
``item-in-wrong-stage``            improve          an item of another journey moment than the
                                                    stage covers: a referral in Awareness, a
                                                    review asked for before any purchase,
                                                    advertising in Advocacy (a question)
``placeholder-text``               fix              "...", "TODO", "xxx", "test" left in
``duplicate-item``                 improve          the same item twice in one lane
``same-in-every-stage``            improve          one item in every stage of a lane (not the
                                                    participants: the same person may take
                                                    part in each; messages: see
                                                    ``same-message-in-every-stage``)
``paragraph-item``                 improve          an item over 25 words or of three sentences
``wrong-lane``                     fix, improve     a feeling as a touchpoint (or in any lane but
                                                    the emotion words; a bare feeling as a pain
                                                    point is improve), or an item the kit's data
                                                    knows from another lane
``example-lane-missing``           improve          with ``compare_with``: a lane the example
                                                    fills and the map leaves empty
``example-lane-thinner``           improve          with ``compare_with``: a lane the example
                                                    fills in every stage, empty in some started
                                                    stages of the map
``example-lanes-matched``          praise           with ``compare_with``: no such gap
``rests-on-assumptions``           improve          half or more of the tagged items are
                                                    assumptions (counted, with the stages and
                                                    lanes that hold most)
``dip-on-assumptions``             improve          a dip whose pain points are all assumptions
``evidence-half-tagged``           improve          some items say where they come from, others
                                                    do not
``evidence-backed``                praise           every item tagged, two in three or more from
                                                    research
``opportunity-unscored``           improve          some opportunities scored for impact and
                                                    effort, others not
=================================  ===============  ==============================================

Where the coach cannot be sure (a goal with signs both ways, an item that may be in the
wrong stage, a KPI that may count something else), the finding is an ``improve`` worded as
a question to the learner, never a ``fix``. The rule ids are stable between versions: the
class roll-up counts them and ``jk.rubric`` grades by them.

The evidence rules speak only once a map tags at least one item with where it comes
from (notebook 10 teaches it); the scoring rule only once one opportunity is scored.

A *dip* is the same here as on the emotion curve (:func:`journeykit.plot_emotions`
marks it with a triangle): a score of 2 or less, or lower than the stage before.
Deep dips without a pain point (a low score, or a drop of two or more) are to
fix; a one-point drop without one is to improve.

The framework catalogue says which stage holds the first purchase (the ``buy``
journey moment; the stages after it are where customers are kept, the 5x fact)
and which stages involve other people (researching, recommending, promoting;
the 92% fact). Goals and items are read by meaning, not matched against a list of
phrases: :mod:`.reading` reads a goal as a small sentence (its first verb and what
it acts on, whose "our" it is, a target, a process named as a noun) and
:mod:`.concepts` says what a need asks and a message answers, and which journey
moment an item or a KPI belongs to. ``benchmarks/review.py`` measures both on a
labelled set, part of it held out. A review reads the map once and takes about a millisecond for the
worked example (``benchmarks/review.py``), so the editor runs it on every edit.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import JourneyMapError, Problem
from ..model import JourneyMap, load_map
from . import (
    compare,
    coverage,
    evidence,
    feelings,
    goals,
    hygiene,
    loop,
    messages,
    mixups,
    participants,
    persona,
    placement,
)
from .context import MapView, Rule
from .findings import Finding, Review

#: The rule families, in the order their findings are listed within a stage and level.
FAMILIES = (
    persona,
    goals,
    coverage,
    feelings,
    loop,
    messages,
    participants,
    mixups,
    placement,
    hygiene,
    evidence,
)

#: Every rule, by id.
RULES: dict[str, Rule] = {rule.id: rule for family in (*FAMILIES, compare) for rule in family.RULES}


def review(
    journey_map: JourneyMap | str | Path, *, compare_with: str | JourneyMap | None = None
) -> Review:
    """Review a journey map like a coach: what to fix, what to improve, what is good.

    Parameters
    ----------
    journey_map : JourneyMap, str or Path
        The map, or the path of a saved map file.
    compare_with : str or JourneyMap, optional
        An example name (``"clothing-store"``) or a map to compare with, lane by
        lane: adds what it has that this map lacks.

    Returns
    -------
    Review
        The findings, most important first; ``Review.next_step`` is the one
        thing to do next, ``Review.to_frame()`` a tidy table.

    Raises
    ------
    JourneyMapError
        Only for a file that does not load, or an unknown example name; a map
        that loads is always reviewed.

    Examples
    --------
    >>> import journeykit as jk
    >>> shop = jk.example("clothing-store")
    >>> result = jk.review(shop)
    >>> result.fixes
    []
    >>> shop.set_lane("Retention", "pain_points", [])
    >>> shop.set_lane("Retention", "emotion_score", 1)
    >>> print(jk.review(shop)[0].message)
    Retention: the score drops from 3 to 1, but no pain point says why.
    >>> jk.review(shop).next_step
    'Write what goes wrong for Maya in Retention, ideally in the words a customer used.'
    """
    m = _as_map(journey_map)
    view = MapView.of(m)
    found: list[Finding] = []
    for family in FAMILIES:
        found.extend(family.check(view))
    if compare_with is not None:
        found.extend(compare.check(view, compare.example_map(compare_with)))
    position = {name: i for i, name in enumerate(m.stage_names)}
    found.sort(key=lambda f: -1 if f.stage is None else position.get(f.stage, len(position)))
    return Review(found, title=m.title)


def _as_map(journey_map: object) -> JourneyMap:
    if isinstance(journey_map, JourneyMap):
        return journey_map
    if isinstance(journey_map, (str, Path)):
        return load_map(journey_map)
    raise JourneyMapError(
        [
            Problem(
                "journey_map",
                f"cannot review {type(journey_map).__name__}",
                'pass a JourneyMap, e.g. jk.review(jk.load_map("my_maps/shop.json"))',
            )
        ]
    )
