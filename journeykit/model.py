"""The journey-map model: :class:`Persona`, :class:`Stage`, :class:`JourneyMap`.

A map names its framework and holds one :class:`Stage` per stage of that
framework, in the framework's order. Each stage has the lanes listed in
:mod:`journeykit.lanes`. Every change made through :meth:`JourneyMap.set_lane`
(or the other ``set_*`` methods) is checked and then announced to observers,
which is how the editor, its preview and its autosave stay in step.

Reading and writing files lives in :mod:`journeykit.storage`; checking a map
lives in :mod:`journeykit.validation`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import JourneyMapError, Problem
from .frameworks import get_framework
from .lanes import LANES, SCORE_LABELS, SCORE_MAX, SCORE_MIN, lane

if TYPE_CHECKING:
    import pandas as pd

#: Version of the saved JSON format. Raise it when the format changes.
SCHEMA_VERSION = 1

#: Longest text accepted in one field; longer text is almost certainly a paste accident.
MAX_TEXT_CHARS = 2000

#: Called after every change with (stage name or "", field key).
Observer = Callable[[str, str], None]


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
        return {"name": self.name, "description": self.description,
                "goals": list(self.goals), "frustrations": list(self.frustrations)}


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
                out["emotion"] = {"score": self.emotion_score,
                                  "words": list(self.emotion_words)}
            elif spec.key != "emotion_words":
                out[spec.key] = self.get(spec.key)
        return out


def normalize_lane_value(key: str, value: Any, where: str) -> Any:
    """Turn what a learner typed into what lane *key* stores, or raise.

    List lanes take a list of strings or one string with an item per line;
    blank items and surrounding spaces are dropped. The goal takes a string.
    The emotion score takes a whole number from 1 to 5, or ``None``.

    Examples
    --------
    >>> normalize_lane_value("touchpoints", "Website\\n  \\n Checkout page ", "t")
    ['Website', 'Checkout page']
    >>> normalize_lane_value("emotion_score", 6, "stages[0].emotion.score")
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - stages[0].emotion.score: 6 is not a score from 1 to 5. Fix: pick a whole number \
from 1 (very negative) to 5 (very positive).
    """
    spec = lane(key)
    if spec.kind == "score":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise JourneyMapError([Problem(where, f"{value!r} is not a whole number",
                                           score_fix())])
        if not SCORE_MIN <= value <= SCORE_MAX:
            raise JourneyMapError([Problem(where, f"{value} is not a score from "
                                           f"{SCORE_MIN} to {SCORE_MAX}", score_fix())])
        return value
    if spec.kind == "text":
        if not isinstance(value, str):
            raise JourneyMapError([Problem(where, f"expected text, got {type_name(value)}",
                                           "write the goal as one sentence in quotes")])
        return _check_length(value.strip(), where)
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, Iterable) or isinstance(value, (bytes, dict)):
        raise JourneyMapError([Problem(where, f"expected a list of text, got {type_name(value)}",
                                       'write it as a list such as ["Website", "Email"]')])
    items = list(value)
    wrong = [i for i, item in enumerate(items) if not isinstance(item, str)]
    if wrong:
        raise JourneyMapError([Problem(f"{where}[{i}]", f"expected text, got "
                                       f"{type_name(items[i])}", "put the item in quotes")
                               for i in wrong])
    return [_check_length(item.strip(), f"{where}[{i}]")
            for i, item in enumerate(item for item in items if item.strip())]


def _check_length(text: str, where: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise JourneyMapError([Problem(where, f"the text is {len(text)} characters long",
                                       f"keep each entry under {MAX_TEXT_CHARS} characters; "
                                       "split long notes")])
    return text


def score_fix() -> str:
    return (f"pick a whole number from {SCORE_MIN} ({SCORE_LABELS[SCORE_MIN]}) "
            f"to {SCORE_MAX} ({SCORE_LABELS[SCORE_MAX]})")


def type_name(value: Any) -> str:
    """A learner-friendly name for the type of *value*."""
    names = {str: "text", int: "a number", float: "a number", bool: "true/false",
             list: "a list", dict: "an object", type(None): "nothing (null)"}
    return names.get(type(value), type(value).__name__)


@dataclass
class JourneyMap:
    """A customer journey map for one persona, laid out in one framework.

    Make a blank one with :meth:`new`, load one with
    :func:`journeykit.load_map`, or start from :func:`journeykit.example`.

    Examples
    --------
    >>> m = JourneyMap.new("eight-stage", title="My shop", persona=Persona("Sam"))
    >>> m.stage_names[:3]
    ['Aware', 'Engage', 'Subscribe']
    >>> m.set_lane("Convert", "touchpoints", "Trial offer page\\nCheckout")
    >>> m.stage("Convert").touchpoints
    ['Trial offer page', 'Checkout']
    >>> m.to_frame().head(2)
         stage         lane              item
    0  Convert  touchpoints  Trial offer page
    1  Convert  touchpoints          Checkout
    """

    framework: str
    title: str = ""
    persona: Persona = field(default_factory=Persona)
    stages: list[Stage] = field(default_factory=list)
    notes: str = ""
    _observers: list[Observer] = field(default_factory=list, repr=False, compare=False)

    # ----- building -------------------------------------------------------------
    @classmethod
    def new(cls, framework: str, title: str = "", persona: Persona | None = None) -> JourneyMap:
        """A blank map with one empty stage per stage of *framework*."""
        spec = get_framework(framework)
        return cls(framework=spec.id, title=title, persona=persona or Persona(),
                   stages=[Stage(name) for name in spec.stage_names])

    @classmethod
    def from_dict(cls, data: Any, source: str | None = None) -> JourneyMap:
        """Build a map from parsed JSON, reporting every problem at once.

        Raises
        ------
        JourneyMapError
            Listing each problem with its field path and fix.
        """
        from .validation import map_from_dict

        return map_from_dict(data, source)

    def to_dict(self) -> dict[str, Any]:
        """The map as plain data in the saved-file layout (stable key order)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "framework": self.framework,
            "title": self.title,
            "persona": self.persona.to_dict(),
            "stages": [stage.to_dict() for stage in self.stages],
            "notes": self.notes,
        }

    def copy(self) -> JourneyMap:
        """An independent copy (observers are not copied)."""
        return JourneyMap.from_dict(self.to_dict())

    # ----- reading --------------------------------------------------------------
    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def stage(self, name: str | int) -> Stage:
        """The stage called *name* (any capitalisation) or at position *name*."""
        return self.stages[self.stage_index(name)]

    def stage_index(self, name: str | int) -> int:
        if isinstance(name, int) and not isinstance(name, bool):
            if 0 <= name < len(self.stages):
                return name
        else:
            wanted = str(name).strip().casefold()
            for i, stage in enumerate(self.stages):
                if stage.name.casefold() == wanted:
                    return i
        raise JourneyMapError([Problem(
            "stage", f"this {self.framework} map has no stage {name!r}",
            "use one of " + ", ".join(self.stage_names))])

    def gaps(self) -> list[tuple[str, str]]:
        """(stage, lane) pairs that are still empty: what is left to fill in."""
        return [(stage.name, spec.key) for stage in self.stages for spec in LANES
                if stage.get(spec.key) in ("", None, [])]

    def problems(self) -> list[Problem]:
        """Everything structurally wrong with the map (empty list when valid)."""
        from .validation import check_map

        return check_map(self)

    def validate(self) -> JourneyMap:
        """Raise :class:`JourneyMapError` if anything is wrong; return the map."""
        problems = self.problems()
        if problems:
            raise JourneyMapError(problems)
        return self

    def to_frame(self) -> pd.DataFrame:
        """A tidy table with one row per stage, lane and item.

        ``stage`` and ``lane`` are ordered categoricals (framework order and
        lane order), so sorting and grouping keep the journey's order. Text
        lanes give one row; the emotion score gives one row holding the number
        as text; empty lanes give no row.
        """
        from .tables import map_to_frame

        return map_to_frame(self)

    # ----- changing -------------------------------------------------------------
    def observe(self, callback: Observer) -> None:
        """Call ``callback(stage_name, key)`` after every change."""
        self._observers.append(callback)

    def unobserve(self, callback: Observer) -> None:
        if callback in self._observers:
            self._observers.remove(callback)

    def _changed(self, stage: str, key: str) -> None:
        for callback in list(self._observers):
            callback(stage, key)

    def set_lane(self, stage: str | int, key: str, value: Any) -> None:
        """Set lane *key* of *stage*; list lanes take a list or one item per line.

        Raises
        ------
        JourneyMapError
            If the stage or lane does not exist or the value does not fit.
        """
        index = self.stage_index(stage)
        where = f"stages[{index}].{field_path(key)}"
        clean = normalize_lane_value(key, value, where)
        target = self.stages[index]
        if getattr(target, key) == clean:
            return
        setattr(target, key, clean)
        self._changed(target.name, key)

    def set_persona(self, **changes: Any) -> None:
        """Change persona fields, e.g. ``set_persona(name="Maya")``."""
        known = {f.name for f in fields(Persona)}
        problems = [Problem(f"persona.{k}", "there is no such persona field",
                            "use one of " + ", ".join(sorted(known)))
                    for k in changes if k not in known]
        if problems:
            raise JourneyMapError(problems)
        for key, value in changes.items():
            kind = "text" if key in ("name", "description") else "list"
            clean = normalize_lane_value("goal" if kind == "text" else "actions",
                                         value, f"persona.{key}")
            if getattr(self.persona, key) != clean:
                setattr(self.persona, key, clean)
                self._changed("", f"persona.{key}")

    def set_title(self, title: str) -> None:
        clean = normalize_lane_value("goal", title, "title")
        if clean != self.title:
            self.title = clean
            self._changed("", "title")

    # ----- files ----------------------------------------------------------------
    def to_json(self) -> str:
        """The map as the JSON text :meth:`save` writes."""
        from .storage import dumps

        return dumps(self)

    def save(self, path: str | Path) -> Path:
        """Save atomically as JSON, keeping the previous file as ``NAME.json.bak``."""
        from .storage import save_map

        return save_map(self, path)

    # ----- exports (journeykit.export does the work) ------------------------------
    def to_html(self, path: str | Path | None = None) -> str:
        """A standalone, offline HTML page of the map; also written to *path* if given."""
        from .export import to_html

        return to_html(self, path)

    def to_markdown(self, path: str | Path | None = None) -> str:
        """The map as Markdown tables; also written to *path* if given."""
        from .export import to_markdown

        return to_markdown(self, path)

    def to_csv(self, path: str | Path | None = None) -> str:
        """The tidy table (stage, lane, item) as CSV; also written to *path* if given."""
        from .export import to_csv

        return to_csv(self, path)

    def to_mermaid(self, path: str | Path | None = None) -> str:
        """A Mermaid ``journey`` diagram of the map; also written to *path* if given."""
        from .export import to_mermaid

        return to_mermaid(self, path)

    def __repr__(self) -> str:
        filled = sum(1 for s in self.stages if not s.is_blank())
        who = f", persona={self.persona.name!r}" if self.persona.name else ""
        return (f"JourneyMap({self.framework!r}, title={self.title!r}{who}, "
                f"{filled}/{len(self.stages)} stages filled in)")


def field_path(key: str) -> str:
    """The JSON field path of lane *key* inside a stage."""
    return {"emotion_score": "emotion.score", "emotion_words": "emotion.words"}.get(key, key)
