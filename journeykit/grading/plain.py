"""A learner's answer as plain data, and back: what a graded test judges instead of the object.

A test cell never hands the learner's own objects to a check: a list whose ``__eq__`` always
says yes, a ``str`` subclass with a patched ``casefold``, a map whose class was swapped in the
learner's cells would all fool one. :func:`to_plain` copies an answer into JSON-ready data
using the built-in types' own methods (never the object's), and :func:`from_plain` builds a
fresh value from that data with the classes of the checks that judge it. The same data is the
answer record a graded notebook keeps in its output, which the grader judges again outside
the learner's kernel and the class debrief reads.

Tagged values keep what JSON cannot: ``{"$tuple": [...]}``, ``{"$set": [...]}``,
``{"$dict": [[key, value], ...]}`` (every dict, so keys of any type survive), ``{"$blank":
true}`` for the ``____`` placeholder, ``{"$path": "..."}``, ``{"$map": {...}}`` (a journey
map's saved layout), ``{"$figure": {...}}`` (plotly JSON) and ``{"$object": "TypeName"}`` for
anything else.

Examples
--------
>>> to_plain({"Awareness": ["Ad", 3]})
{'$dict': [['Awareness', ['Ad', 3]]]}
>>> class Yes(list):
...     def __eq__(self, other): return True
>>> from_plain(to_plain(Yes(["x"]))) == ["y"]
False
"""

from __future__ import annotations

import json
import math
from pathlib import Path, PurePath
from typing import Any

#: Beyond these an answer is recorded as too large (a real answer is a few items).
MAX_DEPTH = 12
MAX_ITEMS = 5000
MAX_TEXT = 20_000


class _Budget:
    def __init__(self) -> None:
        self.items = 0

    def spend(self) -> bool:
        self.items += 1
        return self.items <= MAX_ITEMS


def to_plain(value: Any) -> Any:
    """*value* as JSON-ready data, read with the built-in types' own methods."""
    return _plain(value, 0, _Budget())


def _plain(value: Any, depth: int, budget: _Budget) -> Any:
    if depth > MAX_DEPTH or not budget.spend():
        return {"$object": "answer too large to record"}
    kind = type(value)
    if value is None or kind is bool:
        return value
    if isinstance(value, bool):
        return bool.__bool__(value)
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, float):
        number = float.__float__(value)
        return number if math.isfinite(number) else {"$object": repr(number)}
    if isinstance(value, str):
        text = str.__str__(value)
        return text[:MAX_TEXT]
    if kind.__name__ == "Placeholder" and kind.__module__.startswith("journeykit."):
        return {"$blank": True}
    if isinstance(value, PurePath):
        return {"$path": PurePath.__str__(value)}
    if isinstance(value, dict):
        return {
            "$dict": [
                [_plain(k, depth + 1, budget), _plain(v, depth + 1, budget)]
                for k, v in dict.items(value)
            ]
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        # the built-in's own __iter__: a subclass's override is never run
        base: Any = next(b for b in (list, tuple, set, frozenset) if isinstance(value, b))
        items = [_plain(item, depth + 1, budget) for item in base.__iter__(value)]
        if base is list:
            return items
        return {"$tuple" if base is tuple else "$set": items}
    return _special(value, kind)


def _special(value: Any, kind: type) -> Any:
    """A journey map, a plotly figure or a numpy number; else the type's name only."""
    module = kind.__module__ or ""
    try:
        if module.startswith("journeykit.") and kind.__name__ == "JourneyMap":
            return {"$map": json.loads(json.dumps(value.to_dict()))}
        if module.startswith("plotly.") and callable(getattr(value, "to_json", None)):
            return {"$figure": json.loads(value.to_json())}
        if module == "numpy" and callable(getattr(value, "item", None)):
            item = value.item()
            if type(item) in (int, float, bool, str):
                return to_plain(item)
    except Exception:  # an object that breaks while being copied is recorded by its type
        pass
    return {"$object": kind.__name__}


def from_plain(data: Any) -> Any:
    """A fresh value from :func:`to_plain`'s data, made with the checking code's classes."""
    if isinstance(data, list):
        return [from_plain(item) for item in data]
    if not isinstance(data, dict):
        return data
    if "$dict" in data:
        return {_key(from_plain(k)): from_plain(v) for k, v in data["$dict"]}
    if "$tuple" in data:
        return tuple(from_plain(item) for item in data["$tuple"])
    if "$set" in data:
        return {_key(from_plain(item)) for item in data["$set"]}
    if "$blank" in data:
        from ..exercises import ____

        return ____
    if "$path" in data:
        return Path(str(data["$path"]))
    if "$map" in data:
        return _journey_map(data["$map"])
    if "$figure" in data:
        import plotly.graph_objects as go

        return go.Figure(data["$figure"])
    return _stand_in(str(data.get("$object", "object")))


def _key(value: Any) -> Any:
    """*value* made hashable for a dict key or a set (a list key becomes a tuple)."""
    if isinstance(value, list):
        return tuple(_key(item) for item in value)
    if isinstance(value, dict):
        return _stand_in("dict")
    return value


def _journey_map(data: Any) -> Any:
    from ..errors import JourneyMapError
    from ..model import JourneyMap

    try:
        return JourneyMap.from_dict(data)
    except JourneyMapError:
        return _stand_in("JourneyMap that does not load")


def _stand_in(name: str) -> Any:
    """An object whose type is called *name*, so feedback can say what the answer held."""
    return type(name, (), {"__repr__": lambda self: f"<{name}>"})()
