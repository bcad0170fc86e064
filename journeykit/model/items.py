"""One item of a list field, with the attributes the schema gives items.

An item is its text. When the schema gives the items of a list field attributes
(an ``item`` field in :mod:`journeykit.catalogue.fields`, such as where an item
comes from), an item that has any is an :class:`Item`: still a ``str`` equal to
its text, so everything that reads items as text keeps working, carrying its
attributes alongside. In the saved file an item without attributes is a plain
string and one with attributes is an object, ``{"text": ..., "<attribute>": ...}``
(:func:`saved_item`).

Examples
--------
>>> item = Item("Size guide", evidence="survey")
>>> item == "Size guide", item.attributes["evidence"], saved_item(item)
(True, 'survey', {'text': 'Size guide', 'evidence': 'survey'})
>>> saved_item("Checkout page")
'Checkout page'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from ..catalogue import schema


class Item(str):
    """A list item's text with its attributes (read-only; make a new item to change one).

    Equal to its text, as a plain string is: compare :func:`saved_item` forms to
    tell apart two items whose attributes differ.
    """

    _attributes: Mapping[str, Any]

    def __new__(cls, text: str, /, **attributes: Any) -> Item:
        item = super().__new__(cls, text)
        kept = {key: value for key, value in attributes.items() if value not in ("", None)}
        item._attributes = MappingProxyType(kept)
        return item

    @property
    def text(self) -> str:
        """The item's text as a plain string."""
        return str.__str__(self)

    @property
    def attributes(self) -> Mapping[str, Any]:
        """The item's attributes by name (only those that are set)."""
        return self._attributes

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (self.text, dict(self._attributes))

    def __repr__(self) -> str:
        extra = "".join(f", {key}={value!r}" for key, value in self._attributes.items())
        return f"Item({self.text!r}{extra})"


def _rebuild(text: str, attributes: dict[str, Any]) -> Item:
    return Item(text, **attributes)


_NONE: Mapping[str, Any] = MappingProxyType({})


def attributes_of(item: str) -> Mapping[str, Any]:
    """The attributes of *item* (empty for a plain string)."""
    return item.attributes if isinstance(item, Item) else _NONE


def saved_item(item: str) -> str | dict[str, Any]:
    """*item* as the saved file holds it: its text, or an object when it has attributes."""
    if type(item) is str:
        return item
    attributes = attributes_of(item)
    if not attributes:
        return str.__str__(item)
    return {"text": str.__str__(item), **attributes}


def saved_value(value: Any) -> Any:
    """A field's value as the saved file holds it (list items through :func:`saved_item`)."""
    if isinstance(value, list):
        return [item if type(item) is str else saved_item(item) for item in value]
    return value


def carry_attributes(before: Iterable[str], after: list[str]) -> list[str]:
    """*after* with the attributes of *before*'s items carried over to plain strings of the
    same text, so retyping a list (the editor sends every line again) keeps them.

    Each item of *before* lends its attributes once, in order; an :class:`Item` in
    *after* is taken as it is.

    Examples
    --------
    >>> carry_attributes([Item("Ad", evidence="survey"), "Blog"], ["Blog", "Ad", "Ad"])
    ['Blog', Item('Ad', evidence='survey'), 'Ad']
    """
    lenders: dict[str, list[Item]] = {}
    for item in before:
        if isinstance(item, Item) and item.attributes:
            lenders.setdefault(item.text, []).append(item)
    if not lenders:
        return after
    out: list[str] = []
    for item in after:
        waiting = lenders.get(item) if type(item) is str else None
        out.append(waiting.pop(0) if waiting else item)
    return out


def item_note(item: str) -> str:
    """What an item's attributes say, in words (``"Evidence: survey · Source: Ana"``);
    empty for an item without attributes. Exports and figures show it beside the item."""
    attributes = attributes_of(item)
    if not attributes:
        return ""
    labels = {spec.name: spec.label for spec in schema().scope("item")}
    return " · ".join(f"{labels.get(key, key)}: {value}" for key, value in attributes.items())


def item_with_note(item: str) -> str:
    """An item's text followed by its attributes in brackets, when it has any.

    Examples
    --------
    >>> item_with_note("Checkout page")
    'Checkout page'
    """
    if type(item) is str:
        return item
    note = item_note(item)
    return f"{str.__str__(item)} ({note})" if note else str.__str__(item)
