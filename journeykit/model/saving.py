"""Saving a map to a file that another editor may be saving to as well.

Two editors on one file (notebook 07 and exercise ex07 both open
``my_business.json``; two browser tabs; a cell run twice) must never write
over each other's work. So every map remembers, per file, what it last read
from that file or wrote to it (:func:`remember`: a hash of the bytes and the
data). :func:`save_merging`, which the editor's autosave uses and
``JourneyMap.save(path, merge=True)`` offers, then saves like this, holding the
file's lock (:func:`~journeykit.model.files.locked`):

1. Read the file. If it still holds what this map last saw (or there is no
   file), write the map.
2. Otherwise someone else saved meanwhile: merge their version with ours,
   three-way, field by field (:func:`~journeykit.model.merging.merge_saved`,
   with what we last saw as the base). Fields only they changed come into the
   map in memory as well, so an editor shows them.
3. Where both changed the same text or score, ours is written and theirs is
   kept beside it as ``NAME.conflict-<date>-<time>.json``; the same happens
   with a file we never read, or one that no longer loads. At most
   :data:`~.files.MAX_KEPT_ASIDE` such versions beside one map and
   :data:`~.files.MAX_KEPT_ASIDE_IN_FOLDER` in its folder: a save that would keep
   one more is refused with a problem that says so (nothing is written, the
   editor keeps the text and says "Not saved").
4. Swap the result in only if the file still holds what step 1 read
   (:func:`~journeykit.model.files.replace_if_unchanged`); if not, start again.

The file's previous version stays in ``NAME.json.bak`` as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import JourneyMapError
from .files import (
    check_room_to_keep_aside,
    conflict_path,
    locked,
    parse_json_bytes,
    read_bytes_if_exists,
    replace_if_unchanged,
    write_bytes_atomic,
)
from .merging import Merge, field_label, field_values, merge_saved, with_values
from .reading import read_map_data, saved_layout

if TYPE_CHECKING:
    from .journey_map import JourneyMap


class MergeWarning(UserWarning):
    """``JourneyMap.save(path, merge=True)`` merged in changes made elsewhere."""


@dataclass(frozen=True)
class Seen:
    """What a map last read from a file or wrote to it: the bytes' hash and the data."""

    digest: str
    data: dict[str, Any]


@dataclass(frozen=True)
class SaveReport:
    """What :func:`save_merging` did.

    Attributes
    ----------
    path : Path
        The map's file.
    written : bool
        False when the file already held exactly this map (nothing was touched).
    taken, combined, conflicts : tuple of str
        Fields in words (``"Aware: touchpoints"``): changes made elsewhere that
        were merged in; list lanes both sides changed (the items of both kept);
        text or score fields both sides changed (ours written, theirs kept aside).
    kept_aside : Path or None
        The ``.conflict-`` file holding the other version, if one was written.
    reason : str
        Why the whole other version was kept aside rather than merged.
    """

    path: Path
    written: bool = True
    taken: tuple[str, ...] = ()
    combined: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    kept_aside: Path | None = None
    reason: str = ""

    def sentence(self) -> str:
        """What happened beyond a plain save, in words ("" after a plain save)."""
        parts = []
        only_theirs = [label for label in self.taken if label not in self.combined]
        if only_theirs:
            parts.append("Merged in changes saved elsewhere to " + _listed(only_theirs) + ".")
        if self.combined:
            parts.append(
                f"{_listed(self.combined)} changed here and elsewhere: the items of both are kept."
            )
        aside = self.kept_aside.name if self.kept_aside is not None else ""
        if self.conflicts:
            parts.append(
                f"{_listed(self.conflicts)} changed here and elsewhere: yours is "
                f"saved, the other version is kept in {aside}."
            )
        if self.reason:
            parts.append(
                f"The file held a version this editor had not seen ({self.reason}); "
                f"it is kept in {aside}."
            )
        return " ".join(parts)


def _listed(labels: tuple[str, ...] | list[str]) -> str:
    return ", ".join(labels[:4]) + (f" and {len(labels) - 4} more" if len(labels) > 4 else "")


def saved_text(data: dict[str, Any]) -> str:
    """Saved-file *data* as the file's text: indented, UTF-8, newline at the end."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _key(path: str | Path) -> str:
    return os.path.normcase(str(Path(path).resolve()))


def remember(
    journey_map: JourneyMap, path: str | Path, raw: bytes, data: dict[str, Any] | None = None
) -> None:
    """Note that *journey_map* has just read *raw* from *path*, or written it there."""
    journey_map._seen[_key(path)] = Seen(
        hashlib.sha256(raw).hexdigest(), data if data is not None else journey_map.to_dict()
    )
    journey_map._file = Path(path)
    journey_map._example = ""  # a shipped example saved to a file is that file from now on


def changed_elsewhere(journey_map: JourneyMap, path: str | Path) -> bool:
    """True when *path* no longer holds what *journey_map* last read from it or wrote there.

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "shop.json"
    >>> jk.JourneyMap.new("five-stage").save(path)  # doctest: +ELLIPSIS
    PosixPath('...shop.json')
    >>> here = jk.load_map(path)
    >>> changed_elsewhere(here, path)
    False
    >>> there = jk.load_map(path); there.set_lane("Awareness", "goal", "Notice us")
    >>> _ = there.save(path)
    >>> changed_elsewhere(here, path)
    True
    """
    seen = journey_map._seen.get(_key(path))
    raw = read_bytes_if_exists(Path(path))
    if raw is None or seen is None:
        return raw is not None or seen is not None
    return hashlib.sha256(raw).hexdigest() != seen.digest


def seen_before(journey_map: JourneyMap, path: str | Path, values: dict[str, Any]) -> None:
    """Note that the fields in *values* (saved-file paths) held these values when
    *journey_map* last saw *path*.

    The next :func:`save_merging` then merges the map with the file three-way, as edits
    made from that version: text a page kept while its kernel was gone, typed against
    what the file held then.
    """
    key = _key(path)
    seen = journey_map._seen.get(key)
    data = seen.data if seen is not None else journey_map.to_dict()
    journey_map._seen[key] = Seen("", with_values(data, values))  # no digest: always merge


def save_merging(journey_map: JourneyMap, path: str | Path) -> SaveReport:
    """Save *journey_map* to *path*, merging what was saved there since it last looked.

    See the module notes for the steps. The map in memory takes in the changes
    made elsewhere (through its ``set_*`` methods, so observers such as an
    editor's fields see them).

    Raises
    ------
    JourneyMapError
        If the map has problems (nothing is written then) or a file cannot be
        read or written.

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "shop.json"
    >>> jk.JourneyMap.new("five-stage", title="Shop").save(path)  # doctest: +ELLIPSIS
    PosixPath('...shop.json')
    >>> here, there = jk.load_map(path), jk.load_map(path)
    >>> here.set_lane("Awareness", "touchpoints", ["Shop window"])
    >>> save_merging(here, path).sentence()
    ''
    >>> there.set_lane("Purchase", "goal", "Pay quickly")
    >>> print(save_merging(there, path).sentence())
    Merged in changes saved elsewhere to Awareness: touchpoints.
    >>> there.stage("Awareness").touchpoints, jk.load_map(path) == there
    (['Shop window'], True)
    """
    target = Path(path)
    problems = journey_map.problems()
    if problems:
        raise JourneyMapError(problems, source=str(target))
    ours = journey_map.to_dict()
    with locked(target):
        seen = journey_map._seen.get(_key(target))
        while True:
            raw = read_bytes_if_exists(target)
            data, merge, reason = _combine(seen, ours, raw, str(target))
            new = saved_text(data).encode("utf-8")
            if raw == new:  # the file holds it already (maybe after taking theirs in)
                report = replace(_report(target, merge, reason, None, data), written=False)
                break
            aside = None
            if raw is not None and (reason or (merge is not None and merge.needs_copy)):
                check_room_to_keep_aside(target)
                aside = write_bytes_atomic(conflict_path(target, datetime.now()), raw)
            if replace_if_unchanged(target, new, raw, backup=True):
                report = _report(target, merge, reason, aside, data)
                break
        remember(journey_map, target, new, data)
    _take(journey_map, ours, data)
    return report


def _combine(
    seen: Seen | None, ours: dict[str, Any], raw: bytes | None, source: str
) -> tuple[dict[str, Any], Merge | None, str]:
    """What to write: (data, the merge if one was made, why theirs is kept aside whole)."""
    if raw is None or (seen is not None and hashlib.sha256(raw).hexdigest() == seen.digest):
        return ours, None, ""
    theirs, trouble = _read_theirs(raw, source)
    if theirs is None:
        return ours, None, trouble
    if theirs == ours:
        return ours, None, ""
    if seen is None:
        return ours, None, "it was there before this map was opened from it"
    merge = merge_saved(seen.data, ours, theirs)
    return merge.data, merge, merge.mismatch


def _read_theirs(raw: bytes, source: str) -> tuple[dict[str, Any] | None, str]:
    """The saved-file data in *raw*, or None and why it does not load."""
    try:
        problems, parts = read_map_data(parse_json_bytes(raw, source))
    except JourneyMapError as err:
        problems, parts = err.problems, None
    if parts is None:
        return None, "it does not load as a map: " + str(problems[0]).rstrip(".")
    return saved_layout(**parts), ""


def _report(
    target: Path, merge: Merge | None, reason: str, aside: Path | None, data: dict[str, Any]
) -> SaveReport:
    if merge is None or reason:
        return SaveReport(target, kept_aside=aside, reason=reason)

    def words(paths: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(field_label(path, data) for path in paths)

    return SaveReport(
        target,
        taken=words(merge.taken),
        combined=words(merge.combined),
        conflicts=words(merge.conflicts),
        kept_aside=aside,
    )


def _take(journey_map: JourneyMap, ours: dict[str, Any], data: dict[str, Any]) -> None:
    """Bring the merged *data* into the map in memory, field by field.

    A field changed in memory while the save ran (the learner kept typing) keeps
    the newer value; the next save merges it.
    """
    if data is ours:
        return
    mine, now = field_values(ours), field_values(journey_map.to_dict())
    for path, value in field_values(data).items():
        if value != mine[path] and now.get(path) == mine[path]:
            journey_map.set_field(path, value)
