"""Reading saved-file data: every problem, with its field path and its fix.

One reader, :func:`read_map_data`, walks the saved-file layout and collects
problems instead of stopping at the first. Loading a file
(:meth:`JourneyMap.from_dict`) and checking a map in memory
(:meth:`JourneyMap.problems`) both go through it, so a map that has no
problems always saves and loads back. It returns the parts of a map, not a
:class:`~journeykit.JourneyMap`, so this module does not import the class that
uses it.
"""

from __future__ import annotations

import difflib
from typing import Any

from ..catalogue import LANES, LIST_LANES, framework_ids, get_framework
from ..errors import JourneyMapError, Problem
from .parts import Persona, Stage
from .values import PERSONA_KEYS, SCHEMA_VERSION, normalize_lane_value, shown, type_name

_TOP_KEYS = ("schema_version", "framework", "title", "persona", "stages", "notes")
_STAGE_KEYS = (
    "stage",
    "emotion",
    *(lane.key for lane in LANES if lane.kind != "score" and lane.key != "emotion_words"),
)
_EMOTION_KEYS = ("score", "words")


class _Collector:
    """Gathers problems while values are read, so every problem is reported at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, where: str, message: str, fix: str) -> None:
        self.problems.append(Problem(where, message, fix))

    def value(self, key: str, raw: Any, where: str) -> Any:
        """Normalise a lane-like value, recording a problem instead of raising."""
        try:
            clean = normalize_lane_value(key, raw, where)
        except JourneyMapError as err:
            self.problems.extend(err.problems)
            return None
        return clean

    def unknown_keys(self, data: dict[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in data:
            if key in known:
                continue
            close = difflib.get_close_matches(str(key), known, n=1)
            fix = (
                f"did you mean {close[0]!r}?"
                if close
                else "remove it, or use one of " + ", ".join(known)
            )
            name = (
                key if isinstance(key, str) and key.isprintable() and len(key) <= 40 else shown(key)
            )
            self.add(
                f"{where}.{name}" if where else name, "this field is not part of a journey map", fix
            )

    def mapping(self, raw: Any, where: str, what: str) -> dict[str, Any]:
        if isinstance(raw, dict):
            return raw
        self.add(
            where or "(top level)",
            f"expected {what} in curly braces {{ }}, got {type_name(raw)}",
            "compare with datasets/clothing-store.json",
        )
        return {}


def read_map_data(data: Any) -> tuple[list[Problem], dict[str, Any] | None]:
    """Read saved-file data; return the problems and the map's fields (None if any problem).

    The fields are the keyword arguments of :class:`~journeykit.JourneyMap`.

    Examples
    --------
    >>> problems, parts = read_map_data({"schema_version": 1, "framework": "six-stage"})
    >>> parts is None, problems[0].where
    (True, 'stages')
    """
    c = _Collector()
    top = c.mapping(data, "", "a journey map")
    if not top:
        return c.problems or [
            Problem("", "the file holds no journey map", "start from datasets/clothing-store.json")
        ], None
    c.unknown_keys(top, _TOP_KEYS, "")
    _check_schema_version(c, top.get("schema_version"))
    framework = _read_framework(c, top.get("framework"))
    title = c.value("goal", top.get("title", ""), "title")
    notes = c.value("goal", top.get("notes", ""), "notes")
    persona = _read_persona(c, top.get("persona", {}))
    stages = _read_stages(c, top.get("stages"), framework)
    if c.problems:
        return c.problems, None
    return [], {
        "framework": framework or "",
        "title": title,
        "persona": persona,
        "stages": stages,
        "notes": notes,
    }


def saved_layout(
    framework: str, title: str, persona: Persona, stages: list[Stage], notes: str
) -> dict[str, Any]:
    """The parts of a map as plain data in the saved-file layout (stable key order).

    :meth:`JourneyMap.to_dict` is this for a map; :func:`read_map_data` gives the parts back.
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "framework": framework,
        "title": title,
        "persona": persona.to_dict(),
        "stages": [stage.to_dict() for stage in stages],
        "notes": notes,
    }


def _check_schema_version(c: _Collector, version: Any) -> None:
    if version is None:
        c.add(
            "schema_version",
            "the format version is missing",
            f'add "schema_version": {SCHEMA_VERSION} as the first field',
        )
    elif isinstance(version, bool) or not isinstance(version, int) or version < 1:
        c.add(
            "schema_version", f"{shown(version)} is not a format version", f"use {SCHEMA_VERSION}"
        )
    elif version > SCHEMA_VERSION:
        c.add(
            "schema_version",
            f"this map was saved by a newer JourneyKit (format {version}); "
            f"this one reads format {SCHEMA_VERSION}",
            "update the kit with: pip install --upgrade journeykit",
        )


def _read_framework(c: _Collector, raw: Any) -> str | None:
    valid = ", ".join(framework_ids())
    if not isinstance(raw, str):
        c.add(
            "framework",
            "the framework is missing"
            if raw is None
            else f"expected a framework id, got {type_name(raw)}",
            f"use one of {valid}",
        )
        return None
    if raw not in framework_ids():
        close = difflib.get_close_matches(raw, framework_ids(), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        c.add(
            "framework",
            f"{shown(raw)} is not a framework the kit knows",
            f"{hint}use one of {valid}",
        )
        return None
    return raw


def _read_persona(c: _Collector, raw: Any) -> Persona:
    data = c.mapping(raw, "persona", "the persona")
    c.unknown_keys(data, PERSONA_KEYS, "persona")
    return Persona(
        name=c.value("goal", data.get("name", ""), "persona.name") or "",
        description=c.value("goal", data.get("description", ""), "persona.description") or "",
        goals=c.value("actions", data.get("goals", []), "persona.goals") or [],
        frustrations=c.value("actions", data.get("frustrations", []), "persona.frustrations") or [],
    )


def _read_stages(c: _Collector, raw: Any, framework: str | None) -> list[Stage]:
    if not isinstance(raw, list):
        c.add(
            "stages",
            "the list of stages is missing"
            if raw is None
            else f"expected a list of stages in [ ], got {type_name(raw)}",
            "add one entry per stage of the framework, in order",
        )
        return []
    stages = [_read_stage(c, item, f"stages[{i}]") for i, item in enumerate(raw)]
    if framework is not None:
        _check_stage_names(c, [s.name for s in stages], framework)
    return stages


def _read_stage(c: _Collector, raw: Any, where: str) -> Stage:
    data = c.mapping(raw, where, "a stage")
    c.unknown_keys(data, _STAGE_KEYS, where)
    name = data.get("stage")
    if not isinstance(name, str) or not name.strip():
        c.add(
            f"{where}.stage",
            "the stage name is missing",
            'add "stage": followed by the stage name in quotes',
        )
        name = ""
    stage = Stage(name.strip())
    stage.goal = c.value("goal", data.get("goal", ""), f"{where}.goal") or ""
    for key in LIST_LANES:
        if key != "emotion_words":
            setattr(stage, key, c.value(key, data.get(key, []), f"{where}.{key}") or [])
    emotion = c.mapping(data.get("emotion", {}), f"{where}.emotion", "the emotion")
    c.unknown_keys(emotion, _EMOTION_KEYS, f"{where}.emotion")
    stage.emotion_score = c.value("emotion_score", emotion.get("score"), f"{where}.emotion.score")
    stage.emotion_words = (
        c.value("emotion_words", emotion.get("words", []), f"{where}.emotion.words") or []
    )
    return stage


def _check_stage_names(c: _Collector, names: list[str], framework: str) -> None:
    expected = get_framework(framework).stage_names
    in_order = ", ".join(expected)
    if len(names) != len(expected):
        c.add(
            "stages",
            f"the {framework} framework has {len(expected)} stages, this map has {len(names)}",
            f"list exactly these stages, in order: {in_order}",
        )
    for i, (found, wanted) in enumerate(zip(names, expected, strict=False)):
        if found and found != wanted:
            c.add(
                f"stages[{i}].stage",
                f"expected {wanted!r} here, found {shown(found)}",
                f"the {framework} stages in order are: {in_order}",
            )
