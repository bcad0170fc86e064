"""The parts of a journey map: the :class:`Persona` it follows and its :class:`Stage` rows.

Each part holds the values of the schema's fields of its scope
(:mod:`journeykit.catalogue.fields`) as plain attributes: ``stage.touchpoints``,
``persona.goals``. The set of attributes is the schema's, so a field added to the
schema is a field of every persona or stage, with no code here to change;
:class:`~journeykit.JourneyMap` holds one persona and one stage per stage of its
framework, and the map's own fields the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ..catalogue import FieldSpec, lane, schema
from .items import saved_value

#: (class, schema) pairs whose field names were checked not to hide the class's own.
_CHECKED: set[tuple[type, object]] = set()


def saved_fields(holder: FieldValues) -> Iterator[tuple[FieldSpec, Any]]:
    """The fields of *holder*'s scope with their values as the saved file holds them, in
    schema order; an optional field (:attr:`~journeykit.catalogue.FieldSpec.optional`)
    only when it holds something, so maps that do not use it are saved as before."""
    for spec in schema().scope(holder._scope):
        value = getattr(holder, spec.name)
        if not (spec.optional and spec.is_empty(value)):
            yield spec, saved_value(value)


class FieldValues:
    """The values of the fields of one scope of the schema, as attributes.

    A field the schema gained after the object was made reads as empty.
    Two objects are equal when every field holds the same, item attributes
    included.
    """

    _scope: ClassVar[str]

    def __init__(self, **values: Any) -> None:
        current = schema()
        specs = current.names[self._scope]
        for name in values:
            if name not in specs:
                raise TypeError(
                    f"{type(self).__name__}() has no field {name!r}; its fields are "
                    + ", ".join(specs)
                )
        if (type(self), current) not in _CHECKED:
            for name, spec in specs.items():
                if hasattr(type(self), name):
                    raise TypeError(
                        f"the field {spec.key!r} would hide {type(self).__name__}.{name}"
                    )
            _CHECKED.add((type(self), current))
        own = self.__dict__
        for name, spec in specs.items():
            own[name] = values[name] if name in values else spec.empty()

    def __getattr__(self, name: str) -> Any:
        # only called for a name not set on the object: a field added to the schema since
        spec = schema().names[self._scope].get(name) if not name.startswith("_") else None
        if spec is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = spec.empty()
        self.__dict__[name] = value
        return value

    def field_values(self) -> dict[str, Any]:
        """Every field's value by name, in schema order (lists are not copied)."""
        return {name: getattr(self, name) for name in schema().names[self._scope]}

    def _compared(self) -> tuple[Any, ...]:
        return tuple(saved_value(value) for value in self.field_values().values())

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._compared() == other._compared()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self.field_values().items())
        return f"{type(self).__name__}({shown})"


class Persona(FieldValues):
    """The customer a journey map follows.

    Its fields are the schema's persona fields, in order, given by position or name.

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

    _scope = "persona"

    def __init__(self, *values: Any, **named: Any) -> None:
        names = list(schema().names["persona"])
        if len(values) > len(names):
            raise TypeError(f"Persona() takes at most {len(names)} values: {', '.join(names)}")
        for name, value in zip(names, values, strict=False):
            if name in named:
                raise TypeError(f"Persona() got two values for {name!r}")
            named[name] = value
        super().__init__(**named)

    def to_dict(self) -> dict[str, Any]:
        """The persona in the saved-file layout."""
        return {".".join(spec.saved): value for spec, value in saved_fields(self)}


class Stage(FieldValues):
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

    _scope = "stage"

    def __init__(self, name: str, **lanes: Any) -> None:
        self.name = name
        super().__init__(**lanes)

    def get(self, key: str) -> Any:
        """The content of lane *key* (a copy for list lanes)."""
        value = getattr(self, lane(key).name)
        return list(value) if isinstance(value, list) else value

    def is_blank(self) -> bool:
        """True when no lane holds anything yet."""
        return all(spec.is_empty(getattr(self, spec.name)) for spec in schema().lanes)

    def _compared(self) -> tuple[Any, ...]:
        return (self.name, *super()._compared())

    def to_dict(self) -> dict[str, Any]:
        """The stage in the saved-file layout: its name, then each lane where the schema
        saves it (fields that share a first key, like the emotion's, share an object)."""
        out: dict[str, Any] = {"stage": self.name}
        for spec, value in saved_fields(self):
            if len(spec.saved) == 1:
                out[spec.saved[0]] = value
            else:
                out.setdefault(spec.saved[0], {})[spec.saved[1]] = value
        return out

    def __repr__(self) -> str:
        return f"Stage(name={self.name!r}, " + super().__repr__().removeprefix("Stage(")
