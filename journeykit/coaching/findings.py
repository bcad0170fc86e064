"""What a review says: :class:`Finding` (one remark) and :class:`Review` (all of them).

A finding is what a coach would say about one spot of a map: the field it is
about (a :class:`~journeykit.catalogue.FieldPath`: a stage's lane, a lane across
the map, a whole stage, the persona, or nothing for the whole map), how much it
matters (``level``), a short stable ``rule`` id, what the coach noticed, why it
matters and what to do next. A :class:`Review` keeps its findings most important
first.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..catalogue import FieldPath

if TYPE_CHECKING:
    import pandas as pd

Level = Literal["fix", "improve", "praise"]

#: Levels, most important first: a mistake in the method, a weak spot, something done well.
LEVELS: tuple[Level, ...] = ("fix", "improve", "praise")

#: Columns of :meth:`Review.to_frame`.
COLUMNS = ["level", "rule", "stage", "lane", "message", "why", "fix"]

#: The field a finding about the persona as a whole points at.
_PERSONA_FIELD = "persona.name"


@dataclass(frozen=True, init=False)
class Finding:
    """One remark of a review. Every argument is given by name.

    Parameters
    ----------
    rule : str
        A short stable id such as ``"dip-without-pain-point"``.
    level : {"fix", "improve", "praise"}
        ``fix``: a mistake in the method; ``improve``: a weak spot; ``praise``:
        something done well.
    message : str
        What the coach noticed, naming the learner's own text where it helps.
    why : str
        The principle behind it, in one sentence.
    fix : str
        What to do next (for praise: how to keep it up, or empty).
    field : FieldPath, optional
        Where on the map it points. Or, instead, the two parts of a place:
    stage : str, optional
        The stage it is about; None for the whole map (or the persona).
    lane : str, optional
        The lane key it is about (``"pain_points"``), ``"persona"`` for the persona, or a
        map field (``"title"``); None when it is about a whole stage or the whole map.

    Attributes
    ----------
    field : FieldPath
        Where it points (``stage`` and ``lane`` above are read from it).

    Examples
    --------
    >>> f = Finding(rule="r", level="fix", message="m", why="w", fix="f",
    ...             stage="Decision", lane="pain_points")
    >>> f.field, f.stage, f.lane
    (FieldPath(stage='Decision', key='pain_points'), 'Decision', 'pain_points')
    >>> Finding(rule="r", level="fix", message="m", why="w", fix="f", lane="persona").field
    FieldPath(stage=None, key='persona.name')
    """

    rule: str
    level: Level
    message: str
    why: str
    fix: str
    field: FieldPath

    def __init__(
        self,
        *,
        rule: str,
        level: Level,
        message: str,
        why: str,
        fix: str,
        field: FieldPath | None = None,
        stage: str | None = None,
        lane: str | None = None,
    ) -> None:
        if field is None:
            field = FieldPath(stage, _PERSONA_FIELD if lane == "persona" else lane)
        elif stage is not None or lane is not None:
            raise TypeError("give a finding its field, or its stage and lane, not both")
        for name, value in (
            ("rule", rule),
            ("level", level),
            ("message", message),
            ("why", why),
            ("fix", fix),
            ("field", field),
        ):
            object.__setattr__(self, name, value)

    @property
    def stage(self) -> str | None:
        """The name of the stage it is about (None for the persona or the whole map)."""
        return self.field.stage

    @property
    def lane(self) -> str | None:
        """The lane key it is about, ``"persona"`` for any persona field, a map field's key
        (``"title"``), or None for a whole stage or the whole map."""
        spec = self.field.spec
        if spec is not None and spec.scope == "persona":
            return "persona"
        return self.field.key

    def where(self) -> str:
        """Where the finding points, for one-line output: ``"Decision · pain_points"``."""
        parts = [p for p in (self.stage, self.lane) if p]
        return " · ".join(parts) if parts else "whole map"

    def line(self) -> str:
        """The finding on one line: level, what the coach noticed, what to do, the rule id.

        Examples
        --------
        >>> Finding(rule="stage-without-touchpoints", level="fix",
        ...         message="Decision: no touchpoints.", why="Touchpoints are where you act.",
        ...         fix="List them.", stage="Decision", lane="touchpoints").line()
        'fix      Decision: no touchpoints. List them. [stage-without-touchpoints]'
        """
        todo = f" {self.fix}" if self.fix and self.level != "praise" else ""
        return f"{self.level:<8} {self.message}{todo} [{self.rule}]"

    def __str__(self) -> str:
        return self.line()


#: How a notebook shows each level.
LEVEL_NAMES: dict[str, str] = {"fix": "Fix", "improve": "Improve", "praise": "Well done"}
#: The colour of each level's name in a notebook and in the editor's Review panel.
LEVEL_COLOURS: dict[str, str] = {"fix": "#B42318", "improve": "#9A6700", "praise": "#1A7F37"}


@dataclass
class Review:
    """All findings about one map, most important first (fix, improve, praise).

    Iterate over it, take ``len()``, or index it like a list. In a notebook it
    shows as a short list; ``print(review)`` gives the same list as text.
    """

    findings: list[Finding] = field(default_factory=list)
    title: str = ""

    def __post_init__(self) -> None:
        order = {level: i for i, level in enumerate(LEVELS)}
        self.findings = sorted(self.findings, key=lambda f: order[f.level])

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __getitem__(self, index: int) -> Finding:
        return self.findings[index]

    def of_level(self, level: Level) -> list[Finding]:
        """The findings of one level, in review order."""
        return [f for f in self.findings if f.level == level]

    @property
    def fixes(self) -> list[Finding]:
        """The ``fix`` findings: mistakes in the method."""
        return self.of_level("fix")

    def in_stage(self, stage: str) -> list[Finding]:
        """The findings about one stage (any capitalisation), in review order."""
        wanted = stage.casefold()
        return [f for f in self.findings if f.stage is not None and f.stage.casefold() == wanted]

    def counts(self) -> dict[str, int]:
        """How many findings of each level: ``{"fix": 0, "improve": 2, "praise": 5}``."""
        return {level: len(self.of_level(level)) for level in LEVELS}

    @property
    def next_step(self) -> str:
        """The one thing to do next: the most important finding's fix, with where it is."""
        for finding in self.findings:
            if finding.level != "praise":
                if finding.stage and finding.stage not in finding.fix:
                    return f"{finding.stage}: {finding.fix}"
                return finding.fix
        if self.findings:
            return (
                "Nothing to fix: tell the map as a story to someone who knows your "
                "customers and see what they add."
            )
        return "Nothing to review yet."

    def summary(self, named: bool = True) -> str:
        """One line: the map (unless *named* is False) and how many findings of each level."""
        counts = self.counts()
        tally = (
            f"{counts['fix']} to fix, {counts['improve']} to improve, {counts['praise']} done well"
        )
        if not named:
            return tally
        return f"Review of “{self.title}”: {tally}" if self.title else f"Review: {tally}"

    def _closing(self) -> str:
        """The next step, when no finding already says it (nothing left to fix or improve)."""
        return "" if any(f.level != "praise" for f in self.findings) else self.next_step

    def __str__(self) -> str:
        closing = self._closing()
        lines = [self.summary(), *([f"Next step: {closing}"] if closing else [])]
        for finding in self.findings:
            lines.append(f"- {LEVEL_NAMES[finding.level]}: {finding.message}")
            if finding.fix and finding.level != "praise":
                lines.append(f"  To do: {finding.fix}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        items = []
        for finding in self.findings:
            colour = LEVEL_COLOURS[finding.level]
            todo = (
                f"<br><b>To do:</b> {html.escape(finding.fix)}"
                if finding.fix and finding.level != "praise"
                else ""
            )
            items.append(
                f"<li style='margin:0 0 6px'><b style='color:{colour}'>"
                f"{LEVEL_NAMES[finding.level]}</b> · {html.escape(finding.message)}"
                f"<br><span style='color:#57606A'>{html.escape(finding.why)}</span>{todo}</li>"
            )
        closing = self._closing()
        closing = f"<br>Next step: {html.escape(closing)}" if closing else ""
        return (
            f"<div class='jk-review'><p style='margin:0 0 4px'><b>"
            f"{html.escape(self.summary())}</b>{closing}</p>"
            f"<ul style='margin:0;padding-left:20px'>{''.join(items)}</ul></div>"
        )

    def to_frame(self) -> pd.DataFrame:
        """A tidy table, one row per finding, columns :data:`COLUMNS`."""
        import pandas as pd

        return pd.DataFrame(
            [{name: getattr(f, name) for name in COLUMNS} for f in self.findings], columns=COLUMNS
        )
