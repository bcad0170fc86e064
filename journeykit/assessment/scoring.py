"""``jk.rubric``: a journey map judged criterion by criterion, the coach's findings as evidence.

For each criterion of :mod:`.criteria` the map's content gives a level (how far the map goes:
no persona, a name, a described person...), and the coach's findings about the same part of
the map cap it: a ``fix`` finding keeps a criterion at *Beginning* at best, an ``improve``
finding at *Proficient*. The findings are listed beside the level as its evidence, so a
grader sees why the coach suggests it and decides.

The level is a suggestion. The coach cannot tell whether a goal is true to the customer or an
opportunity would work; a grader can, and changes the level where the coach is wrong.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..coaching import Finding, Review, review
from ..coaching.context import MapView
from ..coaching.reviewer import FAMILIES
from ..model import JourneyMap, load_map
from .criteria import LEVELS, Criterion, criteria_for_every_map, criteria_in_use

if TYPE_CHECKING:
    import pandas as pd

#: Rule id -> the family (module of :mod:`journeykit.coaching`) it belongs to.
FAMILY_OF: dict[str, str] = {
    rule.id: family.__name__.rpartition(".")[2] for family in FAMILIES for rule in family.RULES
}
#: The highest level a criterion keeps while the coach has a finding of this level about it.
CAP: dict[str, int] = {"fix": 1, "improve": 2, "praise": len(LEVELS) - 1}
#: Columns of :meth:`Rubric.to_frame`.
COLUMNS = ["criterion", "title", "level", "level_name", "points", "max_points", "evidence"]


@dataclass(frozen=True)
class Row:
    """One criterion of a map's rubric: the level reached and the coach's findings behind it."""

    criterion: Criterion
    level: int
    evidence: tuple[Finding, ...]

    @property
    def level_name(self) -> str:
        return LEVELS[self.level]

    @property
    def descriptor(self) -> str:
        """What a map at this level looks like."""
        return self.criterion.descriptors[self.level]

    @property
    def next_step(self) -> str:
        """What the next level asks for ("" at the top level)."""
        if self.level + 1 >= len(LEVELS):
            return ""
        return self.criterion.descriptors[self.level + 1]


@dataclass(frozen=True)
class Rubric:
    """A map judged on every criterion; ``points`` is the sum of the levels.

    Show it in a notebook (a table of criteria by levels, the suggested level marked), print
    it, or take :meth:`to_frame`.
    """

    title: str
    rows: tuple[Row, ...]
    other: tuple[Finding, ...] = ()

    @property
    def points(self) -> int:
        return sum(row.level for row in self.rows)

    @property
    def max_points(self) -> int:
        return (len(LEVELS) - 1) * len(self.rows)

    def level(self, criterion: str) -> int:
        """The level (0 to 3) of the criterion with id *criterion*."""
        return next(row.level for row in self.rows if row.criterion.id == criterion)

    def to_frame(self) -> pd.DataFrame:
        """One row per criterion: id, title, level, its name, points, the evidence as text."""
        import pandas as pd

        top = len(LEVELS) - 1
        return pd.DataFrame(
            [
                {
                    "criterion": row.criterion.id,
                    "title": row.criterion.title,
                    "level": row.level,
                    "level_name": row.level_name,
                    "points": row.level,
                    "max_points": top,
                    "evidence": " ".join(f"[{f.level}] {f.message}" for f in row.evidence),
                }
                for row in self.rows
            ],
            columns=COLUMNS,
        )

    def __str__(self) -> str:
        head = f"Rubric for “{self.title}”" if self.title else "Rubric"
        lines = [
            f"{head}: {self.points} of {self.max_points} points (the coach's suggestion)",
        ]
        for row in self.rows:
            lines.append(
                f"- {row.criterion.title}: {row.level_name} ({row.level}). {row.descriptor}"
            )
            lines += [f"    {f.level}: {f.message}" for f in row.evidence if f.level != "praise"]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return rubric_html(self)


def _criterion_of(finding: Finding, view: MapView, criteria: tuple[Criterion, ...]) -> str | None:
    family = FAMILY_OF.get(finding.rule, "")
    after = {s.name for s in view.after_purchase}
    for criterion in criteria:
        if family in criterion.families and finding.rule not in criterion.other_rules:
            if criterion.id == "beyond-purchase" and finding.stage not in after | {None}:
                continue  # a coverage finding about a stage before the purchase
            return criterion.id
    for criterion in criteria:
        if finding.lane in criterion.lanes:
            return criterion.id
    return None


def rubric(
    journey_map: JourneyMap | str | Path,
    *,
    findings: Review | None = None,
    criteria: tuple[Criterion, ...] | None = None,
) -> Rubric:
    """Judge a journey map on the rubric: each criterion's level, with the coach's evidence.

    Parameters
    ----------
    journey_map : JourneyMap, str or Path
        The map, or the path of a saved map file.
    findings : Review, optional
        The coach's review of this map, when it is at hand already (the class roll-up
        reviews every map once).
    criteria : tuple of Criterion, optional
        The criteria to judge on; by default those that count for this map
        (:func:`~journeykit.assessment.criteria.criteria_in_use`): evidence counts once the
        map tags at least one item, so a map drawn before notebook 10 is not marked down
        for it. The capstone passes the criteria that count for every map.

    Returns
    -------
    Rubric
        One row per criterion (persona, stages as customer goals, the journey beyond the
        purchase, emotions and pain points, opportunities with KPIs, information needs
        answered, participants, and evidence for a map that tags its items), each at a
        level from 0 (*Not shown*) to 3 (*Exemplary*), with the coach's findings about it.
        ``Rubric.points`` is the suggested score, out of ``Rubric.max_points``.

    Raises
    ------
    JourneyMapError
        Only for a file that does not load.

    Examples
    --------
    >>> import journeykit as jk
    >>> result = jk.rubric(jk.example("clothing-store"))
    >>> result.points, result.max_points
    (20, 21)
    >>> result.to_frame()[["criterion", "level_name"]].head(3)
             criterion level_name
    0          persona  Exemplary
    1   customer-goals  Exemplary
    2  beyond-purchase  Exemplary
    >>> jk.rubric(jk.JourneyMap.new("five-stage")).points
    0

    A map that says where its items come from is judged on its evidence too:

    >>> researched = jk.rubric(jk.example("clothing-store-researched"))
    >>> researched.max_points, researched.level("evidence")
    (24, 3)
    """
    if not isinstance(journey_map, JourneyMap):
        journey_map = load_map(journey_map)
    view = MapView.of(journey_map)
    if criteria is None:
        criteria = criteria_in_use(view)
    if findings is None:
        findings = review(journey_map)
    by_criterion: dict[str, list[Finding]] = {c.id: [] for c in criteria}
    other: list[Finding] = []
    for finding in findings:
        key = _criterion_of(finding, view, criteria)
        (by_criterion[key] if key else other).append(finding)
    rows = []
    for criterion in criteria:
        evidence = by_criterion[criterion.id]
        level = criterion.measure(view)
        for finding in evidence:
            level = min(level, CAP[finding.level])
        rows.append(Row(criterion, level, tuple(evidence)))
    return Rubric(journey_map.title, tuple(rows), tuple(other))


#: Inline styles, so the table reads the same in JupyterLab, nbgrader's pages and an email.
_CELL = "border:1px solid #D0D7DE;padding:4px 6px;vertical-align:top;text-align:left"
_CHOSEN = "background:#E8F1FB;outline:2px solid #1565C0;outline-offset:-2px"


def rubric_html(result: Rubric) -> str:
    """The rubric as an HTML table: criteria by levels, the suggested level marked."""
    esc = html.escape
    head = "".join(
        f'<th scope="col" style="{_CELL}">{i} · {esc(name)}</th>' for i, name in enumerate(LEVELS)
    )
    body = []
    for row in result.rows:
        cells = "".join(
            (
                f'<td style="{_CELL};{_CHOSEN}"><b>✓ {esc(text)}</b></td>'
                if i == row.level
                else f'<td style="{_CELL};color:#57606A">{esc(text)}</td>'
            )
            for i, text in enumerate(row.criterion.descriptors)
        )
        evidence = "".join(
            f"<li><b>{esc(f.level)}</b>: {esc(f.message)}</li>" for f in row.evidence
        )
        body.append(
            f'<tr><th scope="row" style="{_CELL}">{esc(row.criterion.title)}'
            f"<br><small>{row.level} of {len(LEVELS) - 1}</small></th>{cells}"
            f'<td style="{_CELL}"><ul style="margin:0;padding-left:16px">{evidence}</ul></td></tr>'
        )
    title = f"Rubric for “{esc(result.title)}”" if result.title else "Rubric"
    return (
        f"<div class='jk-rubric'><p><b>{title}: {result.points} of {result.max_points} "
        "points</b>, as the coach suggests. Change any level the coach got wrong.</p>"
        f'<table style="border-collapse:collapse"><thead><tr>'
        f'<th scope="col" style="{_CELL}">Criterion</th>{head}'
        f'<th scope="col" style="{_CELL}">The coach noticed</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def rubric_markdown() -> str:
    """The blank rubric as Markdown, to print for a class (``docs/rubric.md`` holds it)."""
    criteria = criteria_in_use()
    top = len(LEVELS) - 1
    lines = [
        "# The journey map rubric",
        "",
        "<!-- Made by `journeykit rubric --markdown`; edit journeykit/assessment/criteria.py "
        "instead. -->",
        "",
        f"Each criterion is scored from 0 to {top}; a map scores up to "
        f"{top * len(criteria)} points. `jk.rubric(my_map)` fills the rubric in for a map, "
        "with the coach's findings as evidence for each level: a suggestion, which the "
        "grader confirms or changes.",
        "",
        "| Criterion | " + " | ".join(f"{i} · {name}" for i, name in enumerate(LEVELS)) + " |",
        "|---" * (len(LEVELS) + 1) + "|",
    ]
    for c in criteria:
        cells = " | ".join(c.descriptors)
        lines.append(f"| **{c.title}**<br>{c.asks} | {cells} |")
    lines += [
        "",
        "How the coach suggests a level: the map's content sets how far it goes (for the "
        "persona: a name, a description, goals), and a finding of the coach about that part "
        "of the map caps it: a *fix* keeps the criterion at Beginning at most, an *improve* "
        "at Proficient.",
        "",
        "Evidence counts only for a map that tags at least one item with where it comes "
        "from (notebook 10 teaches it); a map that tags nothing is scored on the other "
        f"criteria, out of {top * len(criteria_for_every_map())} points. The own-map "
        "capstone (exercise 07) comes before notebook 10 and is always scored without it.",
        "",
    ]
    return "\n".join(lines)
