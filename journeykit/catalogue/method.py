"""The method's second half as plain data: evidence, priorities and the service blueprint.

A map drawn from what customers said is worth more than one drawn from what the
team believes. The kit lets every list item say where it comes from
(:data:`EVIDENCE`: five kinds of research, or an assumption still to check);
lets each opportunity carry its impact, effort and owner on a four-point scale
with no middle, so that each one falls on one side of the impact/effort matrix
(:data:`QUADRANTS`), which in turn gives the now / next / later roadmap; and
adds the lanes of a service blueprint below the customer's actions, with the
three lines between them (:data:`BLUEPRINT_ROWS`, :data:`BLUEPRINT_LINES`).

The field schema (:mod:`.fields`) takes its choices and scales from here, and the
figures, the coach and the exercises read the same names, so each fact is
written once. Like the rest of the catalogue, this module imports nothing.

Examples
--------
>>> quadrant(impact=4, effort=1).name, quadrant(impact=4, effort=1).horizon
('Quick wins', 'now')
>>> [quadrant(impact=i, effort=e).horizon for i, e in [(3, 3), (2, 1), (1, 4)]]
['next', 'later', 'rethink']
>>> is_research("survey"), is_research("assumption"), is_research("")
(True, False, False)
"""

from __future__ import annotations

from dataclasses import dataclass

# ----- evidence ------------------------------------------------------------------------------
#: The kinds of research an item can come from.
RESEARCH: tuple[str, ...] = (
    "interview",
    "survey",
    "analytics",
    "support tickets",
    "observation",
)
#: The tag of an item nobody has checked with customers yet.
ASSUMPTION = "assumption"
#: Every value the evidence of an item can take, research first.
EVIDENCE: tuple[str, ...] = (*RESEARCH, ASSUMPTION)

#: The lanes whose items say something about the customer (what they do, meet, feel,
#: struggle with, who sways them, what they need to know): the claims research backs or
#: leaves as assumptions, so the lanes whose items say where they come from. The other
#: lanes are the business's own (its activities, messages, ideas, measures, the blueprint).
EVIDENCE_LANES: tuple[str, ...] = (
    "actions",
    "touchpoints",
    "emotion_words",
    "pain_points",
    "participants",
    "information_needs",
)

#: What each kind of evidence means, for help text and legends.
EVIDENCE_MEANING: dict[str, str] = {
    "interview": "a customer said it in an interview",
    "survey": "a survey of customers shows it",
    "analytics": "web or sales data shows it",
    "support tickets": "customers raised it with support",
    "observation": "someone watched customers do it",
    ASSUMPTION: "the team believes it; nobody has checked it with customers yet",
}

#: How the map figure marks an item by its evidence: research, an assumption, not tagged.
EVIDENCE_MARKS: dict[str, str] = {"research": "✓", ASSUMPTION: "?", "": "•"}


def is_research(evidence: object) -> bool:
    """True when *evidence* names a kind of research (not an assumption, not empty)."""
    return evidence in RESEARCH


def evidence_mark(evidence: object) -> str:
    """The mark an item carries in the map figure: ✓ research, ? assumption, • not tagged.

    Examples
    --------
    >>> evidence_mark("interview"), evidence_mark("assumption"), evidence_mark("")
    ('✓', '?', '•')
    """
    if is_research(evidence):
        return EVIDENCE_MARKS["research"]
    return EVIDENCE_MARKS[ASSUMPTION] if evidence == ASSUMPTION else EVIDENCE_MARKS[""]


# ----- priorities ----------------------------------------------------------------------------
#: How much an opportunity would change for customers and the business, 1 to 4.
IMPACT_SCALE: dict[int, str] = {1: "low", 2: "fairly low", 3: "fairly high", 4: "high"}
#: How much work an opportunity takes, 1 to 4.
EFFORT_SCALE: dict[int, str] = {1: "low", 2: "fairly low", 3: "fairly high", 4: "high"}
#: A score of this or more counts as high on either scale (the matrix splits at 2.5).
HIGH = 3

#: The roadmap's columns, in order; ``rethink`` holds ideas that cost more than they bring.
HORIZONS: tuple[str, ...] = ("now", "next", "later", "rethink")


@dataclass(frozen=True)
class Quadrant:
    """One quarter of the impact/effort matrix.

    Attributes
    ----------
    name : str
        Its name on the matrix (``"Quick wins"``).
    horizon : str
        Where its ideas go on the roadmap: one of :data:`HORIZONS`.
    advice : str
        What to do with its ideas, in a sentence.
    high_impact, high_effort : bool
        Which quarter it is.
    """

    name: str
    horizon: str
    advice: str
    high_impact: bool
    high_effort: bool


#: The four quarters of the matrix, in roadmap order.
QUADRANTS: tuple[Quadrant, ...] = (
    Quadrant("Quick wins", "now", "Much gain for little work: start here.", True, False),
    Quadrant("Big bets", "next", "Much gain for much work: plan them properly.", True, True),
    Quadrant("Fill-ins", "later", "Little gain, little work: when there is time.", False, False),
    Quadrant(
        "Money pits", "rethink", "Much work for little gain: rethink or drop them.", False, True
    ),
)


def quadrant(impact: int, effort: int) -> Quadrant:
    """The quarter of the matrix an opportunity of *impact* and *effort* (1 to 4) falls in."""
    high_impact, high_effort = impact >= HIGH, effort >= HIGH
    return next(
        q for q in QUADRANTS if (q.high_impact, q.high_effort) == (high_impact, high_effort)
    )


# ----- the service blueprint -----------------------------------------------------------------
#: The lanes of a service blueprint, top to bottom: the customer, then the business.
BLUEPRINT_ROWS: tuple[str, ...] = (
    "actions",
    "frontstage_actions",
    "backstage_actions",
    "support_processes",
)


@dataclass(frozen=True)
class BlueprintLine:
    """A line between two rows of a service blueprint.

    Attributes
    ----------
    name : str
        Its name as the figure labels it.
    meaning : str
        What crossing it means, in a sentence.
    dash : str
        How the figure draws it (a plotly dash style), so the three lines differ by
        more than their label.
    """

    name: str
    meaning: str
    dash: str


#: The lines between the rows of :data:`BLUEPRINT_ROWS`, top to bottom.
BLUEPRINT_LINES: tuple[BlueprintLine, ...] = (
    BlueprintLine(
        "Line of interaction",
        "where the customer and the business meet: above it the customer acts, below it "
        "someone answers",
        "solid",
    ),
    BlueprintLine(
        "Line of visibility",
        "what the customer can see: everything below it happens out of their sight",
        "dash",
    ),
    BlueprintLine(
        "Line of internal interaction",
        "where the people who serve customers hand over to the systems, teams and "
        "partners that support them",
        "dot",
    ),
)
