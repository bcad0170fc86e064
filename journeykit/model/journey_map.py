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

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..catalogue import LANES, get_framework
from ..errors import JourneyMapError, Problem
from .files import MAX_FILE_BYTES, write_bytes_atomic
from .parts import Persona, Stage
from .reading import read_map_data, saved_layout
from .saving import MergeWarning, Seen, remember, save_merging, saved_text
from .tables import frame_lane_values, map_to_frame
from .values import field_path, normalize_lane_value

if TYPE_CHECKING:
    import pandas as pd

#: Called after every change with (stage name or "", field key).
Observer = Callable[[str, str], None]

_STAGE_FIELD = re.compile(r"stages\[(\d+)\]\.(.+)")


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
    #: What this map last read from or wrote to each file (see :mod:`.saving`).
    _seen: dict[str, Seen] = field(default_factory=dict, repr=False, compare=False)

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
        return saved_layout(self.framework, self.title, self.persona, self.stages, self.notes)

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
        raise JourneyMapError(
            [
                Problem(
                    "stage",
                    f"this {self.framework} map has no stage {name!r}",
                    "use one of " + ", ".join(self.stage_names),
                )
            ]
        )

    def gaps(self) -> list[tuple[str, str]]:
        """(stage, lane) pairs that are still empty: what is left to fill in."""
        return [
            (stage.name, spec.key)
            for stage in self.stages
            for spec in LANES
            if stage.get(spec.key) in ("", None, [])
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
        problems = [
            Problem(
                f"persona.{k}",
                "there is no such persona field",
                "use one of " + ", ".join(sorted(known)),
            )
            for k in changes
            if k not in known
        ]
        if problems:
            raise JourneyMapError(problems)
        for key, value in changes.items():
            kind = "text" if key in ("name", "description") else "list"
            clean = normalize_lane_value(
                "goal" if kind == "text" else "actions", value, f"persona.{key}"
            )
            if getattr(self.persona, key) != clean:
                setattr(self.persona, key, clean)
                self._changed("", f"persona.{key}")

    def set_title(self, title: str) -> None:
        clean = normalize_lane_value("goal", title, "title")
        if clean != self.title:
            self.title = clean
            self._changed("", "title")

    def set_field(self, path: str, value: Any) -> None:
        """Set the field at a saved-file path: ``"title"``, ``"notes"``, ``"persona.goals"``,
        ``"stages[2].touchpoints"``, ``"stages[2].emotion.score"`` (the paths problems name).

        Examples
        --------
        >>> m = JourneyMap.new("five-stage")
        >>> m.set_field("stages[2].emotion.score", 4)
        >>> m.stage("Purchase").emotion_score
        4
        """
        stage = _STAGE_FIELD.fullmatch(path)
        if stage is not None:
            self.set_lane(int(stage[1]), stage[2].replace("emotion.", "emotion_"), value)
        elif path.startswith("persona."):
            self.set_persona(**{path.removeprefix("persona."): value})
        elif path == "title":
            self.set_title(value)
        elif path == "notes":
            self.set_notes(value)
        else:
            raise JourneyMapError(
                [
                    Problem(
                        path,
                        "there is no such field",
                        'use "title", "notes", "persona.<field>" or "stages[<n>].<lane>"',
                    )
                ]
            )

    def set_notes(self, notes: str) -> None:
        clean = normalize_lane_value("goal", notes, "notes")
        if clean != self.notes:
            self.notes = clean
            self._changed("", "notes")

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
