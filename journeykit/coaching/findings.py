"""What a review says: :class:`Finding` (one remark) and :class:`Review` (all of them).

A finding is what a coach would say about one spot of a map: the stage and
lane it is about (or None for the whole map), how much it matters (``level``),
a short stable ``rule`` id, what the coach noticed, why it matters and what to
do next. A :class:`Review` keeps its findings most important first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pandas as pd

Level = Literal["fix", "improve", "praise"]

#: Levels, most important first: a mistake in the method, a weak spot, something done well.
LEVELS: tuple[Level, ...] = ("fix", "improve", "praise")

#: Columns of :meth:`Review.to_frame`.
COLUMNS = ["level", "rule", "stage", "lane", "message", "why", "fix"]


@dataclass(frozen=True)
class Finding:
    """One remark of a review.

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
    stage : str, optional
        The stage it is about; None for the whole map (or the persona).
    lane : str, optional
        The lane key it is about (``"pain_points"``), or ``"persona"``/``"title"``; None
        when it is about a whole stage or the whole map.
    """

    rule: str
    level: Level
    message: str
    why: str
    fix: str
    stage: str | None = None
    lane: str | None = None

    def where(self) -> str:
        """Where the finding points, for one-line output: ``"Decision · pain_points"``."""
        parts = [p for p in (self.stage, self.lane) if p]
        return " · ".join(parts) if parts else "whole map"


@dataclass
class Review:
    """All findings about one map, most important first (fix, improve, praise).

    Iterate over it, take ``len()``, or index it like a list.
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

    def to_frame(self) -> pd.DataFrame:
        """A tidy table, one row per finding, columns :data:`COLUMNS`."""
        import pandas as pd

        return pd.DataFrame([{name: getattr(f, name) for name in COLUMNS}
                             for f in self.findings], columns=COLUMNS)
