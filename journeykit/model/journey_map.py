"""The journey map: :class:`JourneyMap`, one persona's journey laid out in one framework.

A map names its framework and holds one :class:`~journeykit.Stage` per stage of
that framework, in the framework's order. Each stage has the lanes listed in
:mod:`journeykit.catalogue.lanes`. Every change made through
:meth:`JourneyMap.set_lane` (or the other ``set_*`` methods) is checked and
then announced to observers, which is how the editor, its preview and its
autosave stay in step.

The methods that read, check, tabulate and save a map are thin: the work is
done by the modules beside this one (:mod:`.reading` checks saved-file data,
:mod:`.files` writes atomically, :mod:`.tables` makes the tidy table), none of
which imports this module, so the model layer has no import cycle. Exports to
other formats live a layer up, in :mod:`journeykit.export` (``jk.to_html(m)``).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..catalogue import FieldPath, FieldSpec, get_framework, lane, schema
from ..errors import JourneyMapError, Problem
from .files import MAX_FILE_BYTES, write_bytes_atomic
from .items import attributes_of, carry_attributes, saved_item, saved_value
from .parts import FieldValues, Persona, Stage
from .reading import read_map_data, saved_layout
from .saving import MergeWarning, Seen, remember, save_merging, saved_text
from .tables import frame_lane_values, map_to_frame
from .values import normalize_value

if TYPE_CHECKING:
    import pandas as pd

#: Called after every change with the path of the field that changed.
Observer = Callable[[FieldPath], None]


def _same_file(a: Path, b: Path) -> bool:
    return os.path.normcase(str(a.resolve())) == os.path.normcase(str(b.resolve()))


def _item_position(items: list[str], item: str | int) -> int | None:
    """Where *item* (its text, or a position) is in *items* (None when it is not)."""
    if isinstance(item, int) and not isinstance(item, bool):
        return item if 0 <= item < len(items) else None
    wanted = str(item).strip()
    return next((i for i, text in enumerate(items) if str.__str__(text) == wanted), None)


def _list_lanes_fix() -> str:
    return "use a lane of items: " + ", ".join(schema().list_lanes)


class JourneyMap(FieldValues):
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

    _scope = "map"

    def __init__(
        self,
        framework: str,
        *,
        persona: Persona | None = None,
        stages: list[Stage] | None = None,
        **fields: Any,
    ) -> None:
        """A map of *framework* with *persona*, *stages* and the map's own fields (the
        schema's map fields by name: ``title``, ``notes``)."""
        self.framework = framework
        self.persona = persona if persona is not None else Persona()
        self.stages = stages if stages is not None else []
        self._observers: list[Observer] = []
        #: What this map last read from or wrote to each file (see :mod:`.saving`).
        self._seen: dict[str, Seen] = {}
        #: The file this map was last read from or written to (see :attr:`file`).
        self._file: Path | None = None
        #: The name of the shipped example this map was loaded from, if any.
        self._example = ""
        super().__init__(**fields)

    def _compared(self) -> tuple[Any, ...]:
        return (self.framework, self.persona, self.stages, *super()._compared())

    # ----- building -------------------------------------------------------------
    @classmethod
    def new(cls, framework: str, title: str = "", persona: Persona | None = None) -> JourneyMap:
        """A blank map with one empty stage per stage of *framework*."""
        spec = get_framework(framework)
        return cls(
            framework=spec.id,
            title=title,
            persona=persona or Persona(),
            stages=[Stage(name) for name in spec.stage_names],
        )

    @classmethod
    def from_dict(cls, data: Any, source: str | None = None) -> JourneyMap:
        """Build a map from parsed JSON, reporting every problem at once.

        Raises
        ------
        JourneyMapError
            Listing each problem with its field path and fix.
        """
        problems, parts = read_map_data(data)
        if parts is None:
            raise JourneyMapError(problems, source=source)
        return cls(**parts)

    @classmethod
    def from_frame(
        cls, frame: pd.DataFrame, framework: str, title: str = "", persona: Persona | None = None
    ) -> JourneyMap:
        """Rebuild a map from its tidy table (:meth:`to_frame`, or a CSV read back).

        The table holds the stages' lanes; the title and persona are given here
        (the map's notes are not part of the table).

        Raises
        ------
        JourneyMapError
            Naming each row or lane whose value does not fit.

        Examples
        --------
        >>> import journeykit as jk
        >>> m = jk.example("clothing-store")
        >>> back = JourneyMap.from_frame(m.to_frame(), m.framework, m.title, m.persona)
        >>> back.stages == m.stages
        True
        """
        journey_map = cls.new(framework, title=title, persona=persona)
        values, problems = frame_lane_values(frame)
        for (stage, key), value in values.items():
            try:
                journey_map.set_lane(stage, key, value)
            except JourneyMapError as err:
                problems.extend(err.problems)
        if problems:
            raise JourneyMapError(problems)
        return journey_map

    def to_dict(self) -> dict[str, Any]:
        """The map as plain data in the saved-file layout (stable key order)."""
        return saved_layout(self.framework, self.persona, self.stages, **self.field_values())

    def copy(self) -> JourneyMap:
        """An independent copy (observers are not copied)."""
        return JourneyMap.from_dict(self.to_dict())

    def future_state(
        self, path: str | Path | None = None, *, title: str | None = None
    ) -> JourneyMap:
        """Start a future-state map from this one: the journey the business wants to give.

        The new map is a copy of this one, every stage's content included (change
        what the future changes, keep the rest), with its ``state`` set to
        ``"future"`` and ``based_on`` naming this map: its file, written relative
        to the future map's file so that the two can be moved or handed in together,
        the call that loads it for one of the kit's examples, or this map's title when
        it was never saved. This map is not changed.
        :func:`journeykit.compare` then draws what changes between the two.

        Parameters
        ----------
        path : str or Path, optional
            Save the future map to this file at once (it gets a file of its own;
            the current map's file is never written over). Without it, save it
            yourself with :meth:`save`.
        title : str, optional
            The future map's title; by default this map's title with
            ``" (future state)"`` after it.

        Returns
        -------
        JourneyMap
            The future-state map.

        Raises
        ------
        JourneyMapError
            When *path* is this map's own file, or the map cannot be saved there.

        Examples
        --------
        >>> import tempfile, pathlib, journeykit as jk
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> today = jk.example("clothing-store")
        >>> today.save(folder / "shop.json").name
        'shop.json'
        >>> future = today.future_state(folder / "shop-future.json")
        >>> future.state, future.based_on, future.title
        ('future', 'shop.json', 'Online clothing store: a summer outfit (future state)')
        >>> future.set_lane("Decision", "emotion_score", 4)
        >>> future.save(folder / "shop-future.json").name
        'shop-future.json'
        >>> jk.load_map(folder / "shop.json").stage("Decision").emotion_score
        3
        """
        target = Path(path) if path is not None else None
        if target is not None and self._file is not None and _same_file(target, self._file):
            raise JourneyMapError(
                [
                    Problem(
                        "path",
                        "this is the current-state map's own file",
                        "give the future state a file of its own, e.g. "
                        f"{self._file.with_name(self._file.stem + '-future.json')}",
                    )
                ],
                source=str(target),
            )
        future = self.copy()
        future.set_field(FieldPath(None, "state"), "future")
        future.set_field(FieldPath(None, "based_on"), self._link_from(target))
        default = f"{self.title} (future state)" if self.title else "Future state"
        future.set_title(default if title is None else title)
        if target is not None:
            future.save(target)
        return future

    def _link_from(self, target: Path | None) -> str:
        """How a map saved at *target* names this one: this map's file relative to
        *target*'s folder (forward slashes, so it reads the same on every system), its
        file name when *target* is unknown, or its title when it has no file."""
        if self._example:  # never a path into the installed kit
            return f'jk.example("{self._example}")'
        if self._file is None:
            return self.title or "an unsaved map"
        if target is None:
            return self._file.name
        try:
            relative = os.path.relpath(self._file.resolve(), target.resolve().parent)
        except ValueError:  # another drive on Windows: no relative path exists
            return str(self._file.resolve())
        return Path(relative).as_posix()

    @property
    def file(self) -> Path | None:
        """The file this map was last read from or saved to (None for a map never saved)."""
        return self._file

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
        raise JourneyMapError(
            [
                Problem(
                    "stage",
                    f"this {self.framework} map has no stage {name!r}",
                    "use one of " + ", ".join(self.stage_names),
                )
            ]
        )

    def gaps(self) -> list[FieldPath]:
        """The lanes of stages that are still empty: what is left to fill in.

        Each is a :class:`~journeykit.catalogue.FieldPath`, equal to its
        ``(stage, lane)`` pair. Optional lanes (the blueprint's) are never gaps.
        """
        return [
            FieldPath(stage.name, spec.key)
            for stage in self.stages
            for spec in schema().lanes
            if not spec.optional and spec.is_empty(getattr(stage, spec.name))
        ]

    def problems(self) -> list[Problem]:
        """Everything wrong with the map (empty list when valid).

        Besides the fields, a map too big for its file to be opened again (more
        than :data:`~journeykit.model.files.MAX_FILE_BYTES`, thousands of items) is
        a problem, so that no save ever writes a file that no longer loads.
        """
        data = self.to_dict()
        problems, _ = read_map_data(data)
        size = len(saved_text(data).encode("utf-8"))
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    "",
                    f"the map would make a {size / 1e6:.1f} MB file, and a journey map file "
                    f"is at most {MAX_FILE_BYTES // (1024 * 1024)} MB, so it could not be opened "
                    "again",
                    "remove items you do not need, or split the journey into two maps",
                )
            )
        return problems

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
        return map_to_frame(self)

    # ----- changing -------------------------------------------------------------
    def observe(self, callback: Observer) -> None:
        """Call ``callback(path)`` after every change, with the changed field's
        :class:`~journeykit.catalogue.FieldPath`."""
        self._observers.append(callback)

    def unobserve(self, callback: Observer) -> None:
        if callback in self._observers:
            self._observers.remove(callback)

    def _changed(self, path: FieldPath) -> None:
        for callback in list(self._observers):
            callback(path)

    def get_field(self, path: FieldPath | str) -> Any:
        """The value of the field at *path* (a copy for lists).

        *path* is a :class:`~journeykit.catalogue.FieldPath` or a saved-file path
        (``"stages[2].touchpoints"``, ``"persona.goals"``, ``"title"``).
        """
        spec, holder, _, _ = self._locate(path)
        value = getattr(holder, spec.name)
        return list(value) if isinstance(value, list) else value

    def set_field(self, path: FieldPath | str, value: Any, *, keep_attributes: bool = True) -> None:
        """Set the field at *path*: a :class:`~journeykit.catalogue.FieldPath`, or a
        saved-file path: ``"title"``, ``"notes"``, ``"persona.goals"``,
        ``"stages[2].touchpoints"``, ``"stages[2].emotion.score"`` (the paths problems name).

        The value is checked first (:func:`~journeykit.model.values.normalize_value`).
        List items typed again as plain text keep the attributes they had, unless
        *keep_attributes* is False (then the value is taken exactly as given).

        Raises
        ------
        JourneyMapError
            If there is no such field or the value does not fit.

        Examples
        --------
        >>> m = JourneyMap.new("five-stage")
        >>> m.set_field("stages[2].emotion.score", 4)
        >>> m.stage("Purchase").emotion_score
        4
        """
        spec, holder, where, changed = self._locate(path)
        clean = normalize_value(spec, value, where)
        before = getattr(holder, spec.name)
        if spec.kind == "list" and keep_attributes:
            clean = carry_attributes(before, clean)
        if saved_value(before) == saved_value(clean):
            return
        setattr(holder, spec.name, clean)
        self._changed(changed)

    def _locate(self, path: FieldPath | str) -> tuple[FieldSpec, Any, str, FieldPath]:
        """The field at *path*: its schema entry, the object holding it, its saved path
        and its :class:`~journeykit.catalogue.FieldPath`."""
        spec: FieldSpec | None
        if isinstance(path, FieldPath):
            spec = path.spec if path.is_field else None
            index = None if path.stage is None else self.stage_index(path.stage)
        else:
            found = schema().parse_saved(path)
            spec, index = found if found is not None else (None, None)
            if spec is not None and spec.saved_path(index) != path:
                spec = None
            if index is not None:
                index = self.stage_index(index)
        if spec is None:
            raise JourneyMapError([self._no_such_field(str(path))])
        if spec.scope == "stage":
            assert index is not None
            stage = self.stages[index]
            return spec, stage, spec.saved_path(index), FieldPath(stage.name, spec.key)
        holder = self.persona if spec.scope == "persona" else self
        return spec, holder, spec.saved_path(), FieldPath(None, spec.key)

    @staticmethod
    def _no_such_field(path: str) -> Problem:
        if path.startswith("persona."):
            return Problem(
                path,
                "there is no such persona field",
                "use one of " + ", ".join(sorted(schema().names["persona"])),
            )
        return Problem(
            path,
            "there is no such field",
            'use "title", "notes", "persona.<field>" or "stages[<n>].<lane>"',
        )

    def set_lane(self, stage: str | int, key: str, value: Any) -> None:
        """Set lane *key* of *stage*; list lanes take a list or one item per line.

        Raises
        ------
        JourneyMapError
            If the stage or lane does not exist or the value does not fit.
        """
        name = self.stages[self.stage_index(stage)].name
        self.set_field(FieldPath(name, lane(key).key), value)

    def set_item(self, stage: str | int, key: str, item: str | int, **attributes: Any) -> None:
        """Set attributes of one item of a list lane: where it comes from, or for an
        opportunity its impact, effort and owner.

        Parameters
        ----------
        stage : str or int
            The stage's name or position.
        key : str
            The list lane's key, e.g. ``"pain_points"``.
        item : str or int
            The item's text (as it is in the lane) or its position in the lane.
        **attributes
            The attributes to set, by name (``evidence="survey"``,
            ``source="Interview 3"``, ``impact=4``); ``None`` or ``""`` removes one.
            The others the item has stay as they are.

        Raises
        ------
        JourneyMapError
            If the lane has no such item, the lane's items cannot have one of the
            attributes, or a value does not fit (naming the choices or the scale).

        Examples
        --------
        >>> import journeykit as jk
        >>> m = jk.example("clothing-store")
        >>> m.set_item("Decision", "pain_points", 0, evidence="analytics",
        ...            source="Checkout funnel, May")
        >>> m.stage("Decision").pain_points[0].attributes["evidence"]
        'analytics'
        >>> m.set_item("Decision", "opportunities", 0, impact=4, effort=2, owner="Web team")
        >>> m.set_item("Decision", "pain_points", "Slow delivery", evidence="survey")
        Traceback (most recent call last):
        ...
        journeykit.errors.JourneyMapError: 1 problem
          - stages[2].pain_points: there is no item 'Slow delivery' in the pain points of \
Decision. Fix: give the item's text as it is in the lane, or its position from 0 to 1.
        """
        index = self.stage_index(stage)
        spec = lane(key)
        items = list(getattr(self.stages[index], spec.name)) if spec.kind == "list" else []
        where = spec.saved_path(index)
        if spec.kind != "list":
            raise JourneyMapError(
                [Problem(where, f"{spec.words} hold one value, not items", _list_lanes_fix())]
            )
        position = _item_position(items, item)
        if position is None:
            stage_name = self.stages[index].name
            raise JourneyMapError(
                [
                    Problem(
                        where,
                        f"there is no item {item!r} in {spec.words} of {stage_name}"
                        if items
                        else f"{spec.words} of {stage_name} hold no items yet",
                        f"give the item's text as it is in the lane, or its position from 0 "
                        f"to {len(items) - 1}"
                        if items
                        else f"add items with set_lane({stage_name!r}, {spec.key!r}, [...]) first",
                    )
                ]
            )
        current = {"text": str(items[position]), **attributes_of(items[position])}
        current.update(attributes)
        items[position] = {k: v for k, v in current.items() if v not in ("", None)}
        self.set_field(
            FieldPath(self.stages[index].name, spec.key),
            [saved_item(i) if isinstance(i, str) else i for i in items],
            keep_attributes=False,
        )

    def set_persona(self, **changes: Any) -> None:
        """Change persona fields, e.g. ``set_persona(name="Maya")``."""
        known = schema().names["persona"]
        problems = [self._no_such_field(f"persona.{k}") for k in changes if k not in known]
        if problems:
            raise JourneyMapError(problems)
        for key, value in changes.items():
            self.set_field(FieldPath(None, known[key].key), value)

    def set_title(self, title: str) -> None:
        self.set_field(FieldPath(None, "title"), title)

    def set_notes(self, notes: str) -> None:
        self.set_field(FieldPath(None, "notes"), notes)

    # ----- files ----------------------------------------------------------------
    def to_json(self) -> str:
        """The saved-file text: indented, stable key order, UTF-8, newline at the end."""
        return saved_text(self.to_dict())

    def save(self, path: str | Path, *, merge: bool = False) -> Path:
        """Check the map and save it atomically, keeping the previous file as ``NAME.json.bak``.

        The same as :func:`journeykit.save_map`.

        Parameters
        ----------
        path : str or Path
            The file to write.
        merge : bool, default False
            If the file was changed elsewhere since this map last read or wrote
            it (another notebook, editor or tab), merge those changes in, field
            by field, instead of writing over them; both this map and the file
            end up with the merged version, and where both changed the same
            field the other version is kept in ``NAME.conflict-<date>-<time>.json``.
            A warning says what was merged. The editor always saves this way.

        Raises
        ------
        JourneyMapError
            If the map has problems (nothing is written then) or the file cannot be written.
        """
        if merge:
            report = save_merging(self, path)
            if report.sentence():
                warnings.warn(f"{path}: {report.sentence()}", MergeWarning, stacklevel=2)
            return report.path
        problems = self.problems()
        if problems:
            raise JourneyMapError(problems, source=str(path))
        data = self.to_dict()
        raw = saved_text(data).encode("utf-8")
        target = write_bytes_atomic(path, raw, backup=True)
        remember(self, target, raw, data)
        return target

    def __repr__(self) -> str:
        filled = sum(1 for s in self.stages if not s.is_blank())
        who = f", persona={self.persona.name!r}" if self.persona.name else ""
        return (
            f"JourneyMap({self.framework!r}, title={self.title!r}{who}, "
            f"{filled}/{len(self.stages)} stages filled in)"
        )
