"""The fields of a journey map, each described once: the schema every layer reads.

A map holds fields at three levels (*scopes*): the map's own fields (its title and
notes), the persona's fields, and the lanes every stage has. A list field's items
may carry attributes of their own (an *item* field, such as where an item comes
from). Each field is one :class:`FieldSpec` in :data:`FIELDS`, with its kind (what
it holds), its label and help for learners, and where it sits in the saved file.
Everything else is derived from these entries: the file reader and the value
checks, the three-way merge, the editor's form and its keys, the figures' rows,
the exports, the class roll-up and the coach.

:class:`FieldPath` names one field of one map wherever a field is named: an
observer is told the path of what changed, the editor keys its inputs by the
path's text (``"Decision.touchpoints"``), a review's finding points at one, and
the path turns into the saved file's path (``stages[2].touchpoints``) and back.

The schema can be extended at run time (:func:`extended`), which is how the
tests prove that one new entry flows through every layer; the kit's own fields are
added by writing a new entry in :data:`FIELDS`.

Examples
--------
>>> spec = field("emotion_score")
>>> spec.kind, spec.saved, spec.words
('score', ('emotion', 'score'), 'the emotion score')
>>> path = FieldPath("Decision", "emotion_score")
>>> str(path), path.saved(["Awareness", "Consideration", "Decision"])
('Decision.emotion_score', 'stages[2].emotion.score')
>>> FieldPath.from_saved("persona.goals[1]", []), FieldPath.parse("title")
(FieldPath(stage=None, key='persona.goals'), FieldPath(stage=None, key='title'))
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from types import MappingProxyType
from typing import Any, Literal, NamedTuple, TypeVar

from ..errors import JourneyMapError, Problem
from .lanes import SCORE_LABELS
from .method import EFFORT_SCALE, EVIDENCE, EVIDENCE_LANES, IMPACT_SCALE

FieldKind = Literal["text", "list", "score", "choice"]
Scope = Literal["map", "persona", "stage", "item"]

#: Which kinds each scope may hold (an item's attributes are single values).
KINDS: dict[str, tuple[str, ...]] = {
    "map": ("text", "list", "score", "choice"),
    "persona": ("text", "list", "score", "choice"),
    "stage": ("text", "list", "score", "choice"),
    "item": ("text", "score", "choice"),
}
#: The key prefix of the fields of each scope: persona fields are ``persona.<name>``.
PREFIXES = {"map": "", "persona": "persona.", "stage": "", "item": "item."}

_NAME = re.compile(r"[a-z][a-z0-9_]*")
_SAVED_STAGE = re.compile(r"stages\[(\d+)\]\.(.+)")


@dataclass(frozen=True, kw_only=True)
class FieldSpec:
    """One field of a journey map, as learners, files and code know it.

    Parameters
    ----------
    key : str
        The field's name, unique in the schema: a lane's key (``"touchpoints"``, also
        its ``lane`` in tidy tables), ``"persona.<name>"`` for a persona field, the
        name of a map field (``"title"``), ``"item.<name>"`` for an item attribute.
    kind : {"text", "list", "score", "choice"}
        ``text`` is one piece of text; ``list`` holds one item per line, and each item
        may carry the attributes the schema gives its items; ``score`` is a whole
        number on :attr:`scale`; ``choice`` is one of :attr:`choices` (or empty).
    label : str
        The name a learner reads (the editor's label, a figure's row, a table's head).
    help : str
        What belongs in the field, shown under it in the editor and in empty cells.
    scope : {"stage", "persona", "map", "item"}
        Where the field lives: each stage, the persona, the map itself, or each item
        of a list field.
    example : str
        A short example from the online clothing store (the editor's placeholder).
    saved : tuple of str
        Where the value sits inside its scope's object in the saved file; by default
        the field's name (the two emotion lanes share ``"emotion"``:
        ``("emotion", "score")``).
    noun : str
        One item of the field with its article, for sentences (``"a touchpoint"``).
    in_text : str
        How a sentence names the field; by default the lane's label in lower case,
        ``"persona's <name>"`` or the map field's name.
    long : bool
        Text written in a box of several lines.
    choices : tuple of str
        The values a ``choice`` field takes.
    scale : mapping of int to str
        What each value of a ``score`` field means (lowest to highest).
    framework_field : str
        The attribute of a framework's stage description that gives examples for
        this lane (``"touchpoints"``), for the editor's hints and the coach.
    hint : str
        The editor's hint sentence, ``{}`` filled with those examples.
    in_editor : bool
        Whether the editor's form has an input for it.
    first : bool
        The field that names its map or persona (the title, the persona's name):
        shown as the heading, and for the map saved before the persona and the
        stages (the other map fields follow the stages).
    items_of : tuple of str
        For an item attribute: the keys of the list fields whose items carry it
        (empty: every list lane of a stage).
    optional : bool
        A field of a layer of the method that not every map uses (the blueprint
        lanes, whether a map shows the current or the future state): while empty it is
        left out of the saved file, is not a gap to fill in, and gets no row in the
        map figure or the exports' tables; once one stage fills it in, it is shown
        like any other field.
    since : int
        The saved format's version that brought the field in
        (:mod:`journeykit.model.migrations`). A file is written with the version of
        the newest field it holds, so a map that uses none of them stays readable by
        an older kit, and a map that does tells an older kit to update itself.
    group : str
        A heading the editor puts this field under, with the other fields of the
        same group, folded away until opened (``"Behind the scenes"``).
    """

    key: str
    kind: FieldKind
    label: str
    help: str
    scope: Scope = "stage"
    example: str = ""
    saved: tuple[str, ...] = ()
    noun: str = ""
    in_text: str = ""
    long: bool = False
    choices: tuple[str, ...] = ()
    scale: Mapping[int, str] = dataclass_field(
        default_factory=lambda: MappingProxyType(SCORE_LABELS), compare=False, hash=False
    )
    framework_field: str = ""
    hint: str = ""
    in_editor: bool = True
    first: bool = False
    items_of: tuple[str, ...] = ()
    optional: bool = False
    since: int = 1
    group: str = ""

    def __post_init__(self) -> None:
        prefix = PREFIXES.get(self.scope)
        if prefix is None:
            raise ValueError(f"{self.key}: scope {self.scope!r} is not one of {list(PREFIXES)}")
        if not self.key.startswith(prefix) or not _NAME.fullmatch(self.key[len(prefix) :]):
            raise ValueError(f"{self.key!r}: a {self.scope} field's key is {prefix}<lower_case>")
        if self.kind not in KINDS[self.scope]:
            raise ValueError(f"{self.key}: a {self.scope} field cannot be a {self.kind}")
        if (self.kind == "choice") != bool(self.choices):
            raise ValueError(f"{self.key}: choices go with (and only with) a choice field")
        if self.name == "text" and self.scope == "item":
            raise ValueError("item.text is the item's own text, not an attribute")
        if not self.saved:
            object.__setattr__(self, "saved", (self.name,))
        if len(self.saved) > (2 if self.scope == "stage" else 1):
            raise ValueError(f"{self.key}: only a lane may be saved inside an object of its own")
        if not self.noun:
            article = "an" if self.label[:1].lower() in "aeiou" else "a"
            object.__setattr__(self, "noun", f"{article} {self.label.lower()}")
        if not self.in_text:
            object.__setattr__(self, "in_text", self._default_in_text())

    def _default_in_text(self) -> str:
        if self.scope == "persona":
            return f"persona's {self.name}"
        if self.scope == "map":
            return self.name
        label = self.label
        return label if label[:2].isupper() else label[:1].lower() + label[1:]

    @property
    def name(self) -> str:
        """The attribute holding the value (``persona.name`` is the persona's ``name``)."""
        return self.key.removeprefix(PREFIXES[self.scope])

    @property
    def words(self) -> str:
        """The field in a sentence: ``"the customer goal"``, ``"the persona's goals"``."""
        return "the " + self.in_text

    def empty(self) -> Any:
        """The value of the field when nothing is filled in (a new list each time)."""
        return [] if self.kind == "list" else None if self.kind == "score" else ""

    def is_empty(self, value: Any) -> bool:
        """True when *value* holds nothing (empty text, no items, no score)."""
        return value in ("", None, [])

    def saved_path(self, stage: int | None = None) -> str:
        """The field's path in the saved file (the path a problem names).

        Examples
        --------
        >>> field("emotion_words").saved_path(3), field("persona.goals").saved_path()
        ('stages[3].emotion.words', 'persona.goals')
        """
        inner = ".".join(self.saved)
        if self.scope == "stage":
            return f"stages[{stage}].{inner}"
        return f"persona.{inner}" if self.scope == "persona" else inner


class FieldPath(NamedTuple):
    """Names one field of one map: a lane of a stage, a persona field or a map field.

    ``stage`` is the stage's name (None for persona and map fields); ``key`` is the
    field's key in the schema. A path may leave parts out to name a wider place, as
    a review's finding does: no stage for a lane across the whole map, no key for a
    whole stage, neither for the whole map.

    Its text (``str(path)``: ``"Decision.touchpoints"``, ``"persona.name"``,
    ``"title"``) keys the editor's inputs; :meth:`saved` and :meth:`from_saved`
    translate to and from the saved file's paths. A path equals the tuple
    ``(stage, key)``.

    Examples
    --------
    >>> FieldPath.parse("Re-purchase.touchpoints")
    FieldPath(stage='Re-purchase', key='touchpoints')
    >>> FieldPath.from_saved("stages[1].emotion.score[0]", ["Aware", "Engage"])
    FieldPath(stage='Engage', key='emotion_score')
    """

    stage: str | None = None
    key: str | None = None

    def __str__(self) -> str:
        if self.stage is None:
            return self.key or ""
        return f"{self.stage}.{self.key}" if self.key else self.stage

    @property
    def spec(self) -> FieldSpec | None:
        """The schema entry of the field (None for a path that names no field)."""
        return schema().by_key.get(self.key) if self.key else None

    @property
    def is_field(self) -> bool:
        """True when the path names exactly one field of a map."""
        spec = self.spec
        return (
            spec is not None
            and spec.scope != "item"
            and (spec.scope == "stage") == bool(self.stage)
        )

    @classmethod
    def parse(cls, text: str) -> FieldPath:
        """The path whose text is *text* (an editor key).

        Raises
        ------
        JourneyMapError
            When *text* names no field.
        """
        spec = schema().by_key.get(text)
        if spec is not None and spec.scope in ("map", "persona"):
            return cls(None, text)
        stage, _, key = text.rpartition(".")
        spec = schema().by_key.get(key)
        if stage and spec is not None and spec.scope == "stage":
            return cls(stage, key)
        raise JourneyMapError(
            [
                Problem(
                    "field",
                    f"there is no field called {text!r}",
                    'use "title", "persona.<field>" or "<stage>.<lane>", e.g. "Decision.goal"',
                )
            ]
        )

    def saved(self, stage_names: Sequence[str]) -> str:
        """The path in the saved file of a map whose stages are *stage_names*."""
        spec = self.spec
        if spec is None or not self.is_field:
            raise ValueError(f"{self!r} names no single field")
        index = list(stage_names).index(self.stage) if self.stage else None
        return spec.saved_path(index)

    @classmethod
    def from_saved(cls, where: str, stage_names: Sequence[str]) -> FieldPath | None:
        """The field a saved-file path points into (an item or part of it counts as its
        field), or None when it points at no field of a map with *stage_names*."""
        found = schema().parse_saved(where)
        if found is None:
            return None
        spec, index = found
        if index is None:
            return cls(None, spec.key)
        return cls(stage_names[index], spec.key) if index < len(stage_names) else None


class Schema:
    """The fields of a map in order, and the lookups derived from them.

    Parameters
    ----------
    fields : sequence of FieldSpec
        Every field; the order is the order of the editor's inputs, the figure's
        rows, the tables' lanes and the saved file's keys.
    """

    def __init__(self, fields: Sequence[FieldSpec]) -> None:
        self.fields: tuple[FieldSpec, ...] = tuple(fields)
        self.by_key: dict[str, FieldSpec] = {}
        for spec in self.fields:
            if spec.key in self.by_key:
                raise ValueError(f"two fields are called {spec.key!r}")
            self.by_key[spec.key] = spec
        self.scopes: dict[str, tuple[FieldSpec, ...]] = {
            scope: tuple(s for s in self.fields if s.scope == scope) for scope in PREFIXES
        }
        self.names: dict[str, dict[str, FieldSpec]] = {
            scope: {s.name: s for s in specs} for scope, specs in self.scopes.items()
        }
        self.lanes = self.scopes["stage"]
        self.lanes_by_key = {spec.key: spec for spec in self.lanes}
        self.list_lanes = tuple(spec.key for spec in self.lanes if spec.kind == "list")
        self._saved: dict[tuple[str, tuple[str, ...]], FieldSpec] = {}
        for spec in self.fields:
            if spec.scope != "item":
                self._saved[(spec.scope, spec.saved)] = spec
        for spec in self.fields:  # a group's own name (``emotion``) points at its first field
            if len(spec.saved) > 1:
                self._saved.setdefault((spec.scope, spec.saved[:1]), spec)
        for spec in self.scopes["item"]:
            for target in spec.items_of:
                owner = self.by_key.get(target)
                if owner is None or owner.kind != "list":
                    raise ValueError(f"{spec.key}: {target!r} is not a list field")
        self._attributes: dict[str, tuple[FieldSpec, ...]] = {}
        self._groups: dict[str, dict[str, tuple[FieldSpec, ...]]] = {}

    def scope(self, scope: str) -> tuple[FieldSpec, ...]:
        """The fields of one scope, in order."""
        return self.scopes[scope]

    def attributes(self, spec: FieldSpec) -> tuple[FieldSpec, ...]:
        """The attributes the items of list field *spec* may carry, in schema order."""
        found = self._attributes.get(spec.key)
        if found is None:
            found = tuple(
                attribute
                for attribute in self.scopes["item"]
                if spec.key in attribute.items_of
                or (not attribute.items_of and spec.scope == "stage" and spec.kind == "list")
            )
            self._attributes[spec.key] = found
        return found

    def saved_groups(self, scope: str) -> dict[str, tuple[FieldSpec, ...]]:
        """The keys of *scope*'s object in the saved file, each with the fields it holds
        (a key whose value is an object of several fields, such as ``emotion``, holds
        more than one)."""
        found = self._groups.get(scope)
        if found is None:
            groups: dict[str, list[FieldSpec]] = {}
            for spec in self.scopes[scope]:
                groups.setdefault(spec.saved[0], []).append(spec)
            found = self._groups[scope] = {key: tuple(specs) for key, specs in groups.items()}
        return found

    def parse_saved(self, where: str) -> tuple[FieldSpec, int | None] | None:
        """The field a saved-file path points into, and its stage's index (None when it
        points at no field).

        Examples
        --------
        >>> spec, index = schema().parse_saved("stages[4].touchpoints[2]")
        >>> spec.key, index
        ('touchpoints', 4)
        """
        match = _SAVED_STAGE.fullmatch(where)
        if match is not None:
            scope, index, rest = "stage", int(match[1]), match[2]
        elif where.startswith("persona."):
            scope, index, rest = "persona", None, where.removeprefix("persona.")
        else:
            scope, index, rest = "map", None, where
        parts = tuple(re.split(r"\[", rest, maxsplit=1)[0].split("."))
        for size in range(len(parts), 0, -1):
            spec = self._saved.get((scope, parts[:size]))
            if spec is not None:
                return spec, index
        return None


# ----- the kit's fields ---------------------------------------------------------------------
_TYPICAL = "Typical {} in this stage: {{}}."
#: The editor's heading over the lanes of a service blueprint.
BEHIND_THE_SCENES = "Behind the scenes (service blueprint)"

#: Every field of a journey map, in order. A new field is one more entry here.
FIELDS: tuple[FieldSpec, ...] = (
    # the map's own fields
    FieldSpec(
        key="title",
        scope="map",
        kind="text",
        label="Map title",
        help="A short name for this map: the business and the journey it follows.",
        example="Corner bakery: ordering a birthday cake",
        first=True,
    ),
    FieldSpec(
        key="notes",
        scope="map",
        kind="text",
        long=True,
        label="Notes",
        help="Anything worth keeping with the map, such as where its content comes from.",
        in_editor=False,
    ),
    FieldSpec(
        key="state",
        scope="map",
        kind="choice",
        choices=("current", "future"),
        label="Journey shown",
        help="current: the journey customers live today, as research found it; future: "
        "the journey the business wants to give them. Not chosen counts as current.",
        optional=True,
        since=2,
    ),
    FieldSpec(
        key="based_on",
        scope="map",
        kind="text",
        label="Drawn from",
        help="For a future-state map: the file of the current-state map it was started from "
        "(set by JourneyMap.future_state).",
        in_text="current-state map it is drawn from",
        in_editor=False,
        optional=True,
        since=2,
    ),
    # the persona
    FieldSpec(
        key="persona.name",
        scope="persona",
        kind="text",
        label="Persona name",
        help="A first name for the customer you follow, so everyone can talk about the same "
        "person.",
        example="Maya",
        first=True,
    ),
    FieldSpec(
        key="persona.description",
        scope="persona",
        kind="text",
        long=True,
        label="Who they are",
        help="A sentence or two about them: their situation, habits and how they like to buy.",
        example="A student who shops on her phone",
    ),
    FieldSpec(
        key="persona.goals",
        scope="persona",
        kind="list",
        label="Goals",
        help="What they want overall, one goal per line.",
        example="Look good on a small budget",
    ),
    FieldSpec(
        key="persona.frustrations",
        scope="persona",
        kind="list",
        label="Frustrations",
        help="What annoys them in general, one per line. Trouble in one stage belongs in that "
        "stage's pain points.",
        example="Paying for returns",
    ),
    # the lanes of every stage
    FieldSpec(
        key="goal",
        kind="text",
        label="Customer goal",
        help="What the customer wants to get done in this stage, told from their side, "
        "not as a step in your own process.",
        example="Find a summer outfit that suits me",
        noun="a customer goal",
        framework_field="goal",
        hint="In this framework the customer here usually wants to: {}.",
    ),
    FieldSpec(
        key="actions",
        kind="list",
        label="Customer actions",
        help="The things the customer does here: one action per line, starting with a verb.",
        example="Browses the summer collection",
        noun="a customer action",
        framework_field="actions",
        hint=_TYPICAL.format("actions"),
    ),
    FieldSpec(
        key="touchpoints",
        kind="list",
        label="Touchpoints",
        help="Every place or channel where the customer meets the business in this stage.",
        example="Checkout page",
        noun="a touchpoint",
        framework_field="touchpoints",
        hint=_TYPICAL.format("touchpoints"),
    ),
    FieldSpec(
        key="emotion_score",
        kind="score",
        saved=("emotion", "score"),
        label="Emotion score",
        help="How the customer feels overall, from 1 (very negative) to 5 (very positive).",
        example="4",
        noun="an emotion score",
        framework_field="emotions",
        hint="Feelings that often come up here: {}.",
    ),
    FieldSpec(
        key="emotion_words",
        kind="list",
        saved=("emotion", "words"),
        label="Emotion words",
        help="A few words for the feelings behind the score, one per line.",
        example="Curiosity",
        noun="an emotion",
        framework_field="emotions",
        hint="Feelings that often come up here: {}.",
    ),
    FieldSpec(
        key="pain_points",
        kind="list",
        label="Pain points",
        help="What slows the customer down, confuses or annoys them here.",
        example="Unsure which size to order",
        noun="a pain point",
    ),
    FieldSpec(
        key="business_activities",
        kind="list",
        label="Business activities",
        help="What the business does to help the customer through this stage.",
        example="Offer live chat support",
        noun="a business activity",
        framework_field="business_activities",
        hint="What businesses often do here: {}.",
    ),
    FieldSpec(
        key="messages",
        kind="list",
        label="Messages",
        help="The message the business wants the customer to hear at this point.",
        example="Free returns within 30 days",
        noun="a message",
    ),
    FieldSpec(
        key="participants",
        kind="list",
        label="Participants and influencers",
        help="Who else takes part or sways the decision: friends, reviewers, colleagues.",
        example="Fashion bloggers",
        noun="a participant or influencer",
    ),
    FieldSpec(
        key="information_needs",
        kind="list",
        label="Information needs",
        help="What the customer needs to know to move on to the next stage.",
        example="Delivery time and cost",
        noun="an information need",
    ),
    FieldSpec(
        key="opportunities",
        kind="list",
        label="Opportunities",
        help="Ideas for improving this stage, drawn from the pain points.",
        example="Add a size guide to every product page",
        noun="an opportunity",
    ),
    FieldSpec(
        key="kpis",
        kind="list",
        label="KPIs",
        help="How you would measure success in this stage.",
        example="Cart abandonment rate",
        noun="a KPI",
    ),
    # behind the scenes: the lanes of a service blueprint, below the customer's actions
    FieldSpec(
        key="frontstage_actions",
        kind="list",
        label="Front-stage actions",
        help="What staff (or the website, acting for them) do in this stage where the "
        "customer can see or talk to them.",
        example="Stylist answers the chat within a minute",
        noun="a front-stage action",
        optional=True,
        since=2,
        group=BEHIND_THE_SCENES,
    ),
    FieldSpec(
        key="backstage_actions",
        kind="list",
        label="Back-stage actions",
        help="What staff do out of the customer's sight so that the front stage works: "
        "preparing, checking, packing.",
        example="Warehouse picks and packs the order",
        noun="a back-stage action",
        optional=True,
        since=2,
        group=BEHIND_THE_SCENES,
    ),
    FieldSpec(
        key="support_processes",
        kind="list",
        label="Support processes",
        help="The systems, partners and internal services the staff rely on here: stock, "
        "payments, delivery, software.",
        example="Courier's tracking system",
        noun="a support process",
        optional=True,
        since=2,
        group=BEHIND_THE_SCENES,
    ),
    # attributes of list items: where an item comes from, and what an opportunity is worth
    FieldSpec(
        key="item.evidence",
        scope="item",
        kind="choice",
        choices=EVIDENCE,
        items_of=EVIDENCE_LANES,
        label="Evidence",
        help="Where the item comes from: the kind of research that backs it, or assumption "
        "while it is still the team's guess.",
        since=2,
    ),
    FieldSpec(
        key="item.source",
        scope="item",
        kind="text",
        items_of=EVIDENCE_LANES,
        label="Source",
        help="A short note on which interview, survey, report or ticket the item comes from.",
        example="Interview 3, May",
        since=2,
    ),
    FieldSpec(
        key="item.impact",
        scope="item",
        kind="score",
        scale=IMPACT_SCALE,
        items_of=("opportunities",),
        label="Impact",
        help="How much the idea would change for customers and the business, from 1 (low) "
        "to 4 (high).",
        since=2,
    ),
    FieldSpec(
        key="item.effort",
        scope="item",
        kind="score",
        scale=EFFORT_SCALE,
        items_of=("opportunities",),
        label="Effort",
        help="How much work the idea takes, from 1 (low) to 4 (high).",
        since=2,
    ),
    FieldSpec(
        key="item.owner",
        scope="item",
        kind="text",
        items_of=("opportunities",),
        label="Owner",
        help="The person or team who takes the idea forward.",
        example="Web team",
        since=2,
    ),
)

_schema = Schema(FIELDS)


def schema() -> Schema:
    """The schema in force: :data:`FIELDS`, plus what :func:`extended` adds."""
    return _schema


@contextmanager
def extended(*specs: FieldSpec) -> Iterator[Schema]:
    """Add *specs* to the schema for the duration of a ``with`` block.

    Each new field goes after the last field of its scope. Maps made inside the
    block hold the new fields; what they saved loads again only while the fields
    are there (outside, an unknown field is a problem, as in an older kit).

    Examples
    --------
    >>> extra = FieldSpec(key="channel_owner", kind="text", label="Channel owner",
    ...                   help="Who in the team looks after this stage.")
    >>> with extended(extra):
    ...     "channel_owner" in LANES_BY_KEY
    True
    >>> "channel_owner" in LANES_BY_KEY
    False
    """
    global _schema
    before = _schema
    _schema = Schema((*before.fields, *specs))
    try:
        yield _schema
    finally:
        _schema = before


def field(key: str) -> FieldSpec:
    """The field called *key*; the error lists the valid keys.

    Examples
    --------
    >>> field("persona.goals").label
    'Goals'
    """
    return _find(schema().by_key, key, "field")


def lane(key: str) -> FieldSpec:
    """The lane (a field every stage has) called *key*; the error lists the valid keys.

    Examples
    --------
    >>> lane("touchpoints").label
    'Touchpoints'
    """
    return _find(schema().lanes_by_key, key, "lane")


def _find(known: Mapping[str, FieldSpec], key: str, what: str) -> FieldSpec:
    spec = known.get(key)
    if spec is None:
        close = difflib.get_close_matches(str(key), list(known), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise JourneyMapError(
            [
                Problem(
                    what,
                    f"there is no {what} called {key!r}",
                    hint + "use one of " + ", ".join(known),
                )
            ]
        )
    return spec


# ----- live views, for code that reads the lanes as constants ---------------------------------
_T = TypeVar("_T")


class _Live:
    """What a live view shares: the function that reads the schema's current value."""

    def __init__(self, read: Callable[[], Any]) -> None:
        self._read = read

    def __len__(self) -> int:
        return len(self._read())

    def __iter__(self) -> Iterator[Any]:
        return iter(self._read())

    def __contains__(self, value: object) -> bool:
        return value in self._read()

    def __repr__(self) -> str:
        return repr(self._read())


class _LiveSequence(_Live, Sequence[_T]):
    """A tuple computed from the schema in force each time it is read."""

    def __getitem__(self, index: Any) -> Any:
        return self._read()[index]

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    def __hash__(self) -> int:
        return hash(self._read())


class _LiveMapping(_Live, Mapping[str, _T]):
    """A dict computed from the schema in force each time it is read."""

    def __getitem__(self, key: str) -> _T:
        return self._read()[key]


def live_sequence(read: Callable[[], tuple[_T, ...]]) -> Sequence[_T]:
    """A read-only sequence that is ``read()`` each time it is used: a constant derived
    from the schema that follows it when the schema is extended."""
    return _LiveSequence(read)


def live_mapping(read: Callable[[], Mapping[str, _T]]) -> Mapping[str, _T]:
    """A read-only mapping that is ``read()`` each time it is used (see
    :func:`live_sequence`)."""
    return _LiveMapping(read)


#: The lanes every stage has, in map order (a view of the schema in force).
LANES: Sequence[FieldSpec] = _LiveSequence(lambda: schema().lanes)
#: Lanes by key, in map order.
LANES_BY_KEY: Mapping[str, FieldSpec] = _LiveMapping(lambda: schema().lanes_by_key)
#: The keys of the lanes that hold a list of items.
LIST_LANES: Sequence[str] = _LiveSequence(lambda: schema().list_lanes)
