"""The parts of a journey map: the :class:`Persona` it follows and its :class:`Stage` rows.

Plain dataclasses; :class:`~journeykit.JourneyMap` holds one persona and one
stage per stage of its framework.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalogue import LANES, lane


@dataclass
class Persona:
    """The customer a journey map follows.

    Parameters
    ----------
    name : str
        A first name or a label, e.g. ``"Maya"``.
    description : str
        Who they are, in a sentence or two.
    goals : list of str
        What they want overall.
    frustrations : list of str
        What gets in their way in general (stage-specific ones are pain points).

    Examples
    --------
    >>> Persona("Maya", "Student who shops online", ["Look good on a budget"]).name
    'Maya'
    """

    name: str = ""
    description: str = ""
    goals: list[str] = field(default_factory=list)
    frustrations: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "goals": list(self.goals),
            "frustrations": list(self.frustrations),
        }


@dataclass
class Stage:
    """One stage of a map: its name and the content of every lane.

    The emotion lanes are stored as ``emotion_score`` (1 to 5, or ``None`` when
    not filled in yet) and ``emotion_words``; the saved JSON nests them as
    ``{"emotion": {"score": ..., "words": [...]}}``.

    Examples
    --------
    >>> s = Stage("Awareness", touchpoints=["Facebook ad"])
    >>> s.get("touchpoints")
    ['Facebook ad']
    >>> s.is_blank()
    False
    """

    name: str
    goal: str = ""
    actions: list[str] = field(default_factory=list)
    touchpoints: list[str] = field(default_factory=list)
    emotion_score: int | None = None
    emotion_words: list[str] = field(default_factory=list)
    pain_points: list[str] = field(default_factory=list)
    business_activities: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    information_needs: list[str] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)
    kpis: list[str] = field(default_factory=list)

    def get(self, key: str) -> Any:
        """The content of lane *key* (a copy for list lanes)."""
        value = getattr(self, lane(key).key)
        return list(value) if isinstance(value, list) else value

    def is_blank(self) -> bool:
        """True when no lane holds anything yet."""
        return not any(self.get(spec.key) not in ("", None, []) for spec in LANES)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"stage": self.name}
        for spec in LANES:
            if spec.key == "emotion_score":
                out["emotion"] = {"score": self.emotion_score, "words": list(self.emotion_words)}
            elif spec.key != "emotion_words":
                out[spec.key] = self.get(spec.key)
        return out
