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

from ..catalogue import FieldSpec, framework_ids, get_framework, schema
from ..errors import JourneyMapError, Problem
from . import migrations
from .items import saved_value
from .parts import Persona, Stage
from .values import normalize_value, shown, type_name

#: The keys of the saved file's top level that are not fields of the schema.
_STRUCTURE = ("schema_version", "framework", "persona", "stages")


class _Collector:
    """Gathers problems while values are read, so every problem is reported at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, where: str, message: str, fix: str) -> None:
        self.problems.append(Problem(where, message, fix))

    def value(self, spec: FieldSpec, raw: Any, where: str) -> Any:
        """Normalise a field's value, recording a problem (and giving the field's empty
        value) instead of raising."""
        try:
            return normalize_value(spec, raw, where)
        except JourneyMapError as err:
            self.problems.extend(err.problems)
            return spec.empty()

    def fields(self, scope: str, data: dict[str, Any], where: str) -> dict[str, Any]:
        """The values of *scope*'s fields in the saved object *data* (at *where*), by name.

        Fields whose saved path has two parts (``emotion.score``, ``emotion.words``)
        sit in an object of their own, read once; a missing value reads as the
        field's empty value.
        """
        values: dict[str, Any] = {}
        prefix = f"{where}." if where else ""
        for key, specs in schema().saved_groups(scope).items():
            holder = data
            if len(specs[0].saved) > 1:
                holder = self.mapping(data.get(key, {}), prefix + key, f"the {key}")
                self.unknown_keys(holder, tuple(spec.saved[1] for spec in specs), prefix + key)
            for spec in specs:
                raw = holder.get(spec.saved[-1], spec.empty())
                values[spec.name] = self.value(spec, raw, prefix + ".".join(spec.saved))
        return values

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


def _saved_keys(scope: str) -> tuple[str, ...]:
    """The keys of *scope*'s object in the saved file (the map's: in saved order)."""
    keys = tuple(schema().saved_groups(scope))
    if scope != "map":
        return keys
    first = tuple(spec.saved[0] for spec in schema().scope("map") if spec.first)
    rest = tuple(key for key in keys if key not in first)
    return (*_STRUCTURE[:2], *first, *_STRUCTURE[2:], *rest)


def read_map_data(data: Any) -> tuple[list[Problem], dict[str, Any] | None]:
    """Read saved-file data; return the problems and the map's fields (None if any problem).

    The fields are the keyword arguments of :class:`~journeykit.JourneyMap`. Data
    of an older format version is brought up to date first
    (:func:`~.migrations.migrate`).

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
    top = migrations.migrate(top)
    c.unknown_keys(top, _saved_keys("map"), "")
    _check_schema_version(c, top.get("schema_version"))
    framework = _read_framework(c, top.get("framework"))
    values = c.fields("map", top, "")
    persona = _read_persona(c, top.get("persona", {}))
    stages = _read_stages(c, top.get("stages"), framework)
    if c.problems:
        return c.problems, None
    return [], {"framework": framework or "", "persona": persona, "stages": stages, **values}


def saved_layout(
    framework: str, persona: Persona, stages: list[Stage], **values: Any
) -> dict[str, Any]:
    """The parts of a map as plain data in the saved-file layout (stable key order).

    The format version and the framework come first, then the map fields marked
    ``first`` (the title), the persona and the stages, then the other map fields
    in schema order (the notes). Optional fields are left out while empty, and the
    version is the oldest that holds what the map uses
    (:func:`~.migrations.written_version`). :meth:`JourneyMap.to_dict` is this for a
    map; :func:`read_map_data` gives the parts back.
    """
    specs = schema().scope("map")
    own = {spec.name: values.get(spec.name, spec.empty()) for spec in specs}
    out: dict[str, Any] = {"schema_version": migrations.SCHEMA_VERSION, "framework": framework}
    for first in (True, False):
        if not first:
            out["persona"] = persona.to_dict()
            out["stages"] = [stage.to_dict() for stage in stages]
        for spec in specs:
            value = own[spec.name]
            if spec.first == first and not (spec.optional and spec.is_empty(value)):
                out[spec.saved[0]] = saved_value(value)
    out["schema_version"] = migrations.written_version(out)
    return out


def _check_schema_version(c: _Collector, version: Any) -> None:
    current = migrations.SCHEMA_VERSION
    if version is None:
        c.add(
            "schema_version",
            "the format version is missing",
            f'add "schema_version": {current} as the first field',
        )
    elif isinstance(version, bool) or not isinstance(version, int) or version < 1:
        c.add("schema_version", f"{shown(version)} is not a format version", f"use {current}")
    elif version > current:
        c.add(
            "schema_version",
            f"this map was saved by a newer JourneyKit (format {version}); "
            f"this one reads format {current}",
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
    c.unknown_keys(data, _saved_keys("persona"), "persona")
    return Persona(**c.fields("persona", data, "persona"))


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
    c.unknown_keys(data, ("stage", *_saved_keys("stage")), where)
    name = data.get("stage")
    if not isinstance(name, str) or not name.strip():
        c.add(
            f"{where}.stage",
            "the stage name is missing",
            'add "stage": followed by the stage name in quotes',
        )
        name = ""
    return Stage(name.strip(), **c.fields("stage", data, where))


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
