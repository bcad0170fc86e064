"""Reading a class's maps: a folder, a list of files or maps, and re-reading only what changed.

A folder is searched with everything below it, in a stable order (by path, any
case). Left out, and counted as ignored: backups (``shop.json.bak``), conflict
copies (``shop.conflict-<stamp>.json``), hidden files and folders (the kit's own
``.journeykit-tmp-*`` files among them), ``.ipynb_checkpoints`` and the
``__MACOSX`` folders of zip files made on a Mac. A file that does not load is
never fatal: it becomes a :class:`Skipped` with the reason and its fix.

:class:`Collection` remembers each file's size and modification time, so a
roll-up that is refreshed every few seconds (the workshop room) reads only the
files that changed since last time.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from ..errors import JourneyMapError, Problem
from ..model import JourneyMap, load_map

if TYPE_CHECKING:
    from ..coaching import Review

#: More map files than this in one roll-up is almost certainly the wrong folder.
MAX_MAPS = 1000
#: Stop searching a folder after looking at this many files and folders.
MAX_ENTRIES = 50_000
#: Folders that never hold learners' maps.
IGNORED_FOLDERS = frozenset({".ipynb_checkpoints", "__MACOSX", "__pycache__", "node_modules"})

#: Called while files are read: (files read so far, files to read).
Progress = Callable[[int, int], None]
_Signature = tuple[int, int]


@dataclass(frozen=True)
class Skipped:
    """A file left out of a roll-up, and why.

    Attributes
    ----------
    path : Path
        The file, as found (relative when the folder was given relative).
    error : JourneyMapError
        Every problem found, each with its fix.
    """

    path: Path
    error: JourneyMapError

    @property
    def reason(self) -> str:
        """The first problem and its fix, in one line (no file name)."""
        first = str(self.error.problems[0]) if self.error.problems else "it could not be read"
        more = len(self.error.problems) - 1
        return first + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")

    @property
    def name(self) -> str:
        """The file's name, readable even when it is not valid UTF-8."""
        return readable(self.path.name)

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


@dataclass(eq=False, kw_only=True)
class Entry:
    """One map of the class: its participant label, the map, and where it came from."""

    label: str
    journey_map: JourneyMap
    path: Path | None = None
    review: Review | None = field(default=None, repr=False)


def is_ignored(name: str) -> bool:
    """True for backups, conflict copies and hidden files, which a roll-up leaves out.

    Examples
    --------
    >>> [is_ignored(n) for n in ("shop.json", "shop.json.bak", "shop.conflict-20250301.json",
    ...                         ".journeykit-tmp-x.json", "Shop.JSON")]
    [False, True, True, True, False]
    """
    lower = name.casefold()
    return name.startswith(".") or ".conflict-" in lower or lower.endswith((".bak", "~"))


def find_map_files(folder: Path) -> tuple[list[Path], int]:
    """The ``.json`` files in and below *folder* in a stable order, and how many were ignored.

    Raises
    ------
    JourneyMapError
        When the folder does not exist, is a file, or holds more than
        :data:`MAX_MAPS` maps (or :data:`MAX_ENTRIES` files): likely the wrong folder.
    """
    source = str(folder)
    if not folder.exists():
        raise JourneyMapError(
            [
                Problem(
                    "",
                    "there is no such folder",
                    "check the name; give the folder the maps were collected into",
                )
            ],
            source=source,
        )
    if not folder.is_dir():
        raise JourneyMapError(
            [
                Problem(
                    "",
                    "this is a file, not a folder",
                    "give the folder that holds the maps, or a list of files",
                )
            ],
            source=source,
        )
    found: list[Path] = []
    ignored = looked = 0
    for top, folders, files in os.walk(folder, onerror=None):
        folders[:] = [d for d in folders if not d.startswith(".") and d not in IGNORED_FOLDERS]
        looked += len(folders) + len(files)
        for name in files:
            if not name.casefold().endswith((".json", ".json.bak")):
                continue
            if is_ignored(name):
                ignored += 1
            else:
                found.append(Path(top) / name)
        if len(found) > MAX_MAPS or looked > MAX_ENTRIES:
            raise _too_many(folder, len(found), looked)
    found.sort(key=lambda p: (p.relative_to(folder).as_posix().casefold(), p.as_posix()))
    return found, ignored


def _too_many(folder: Path, maps: int, looked: int) -> JourneyMapError:
    what = (
        f"more than {MAX_MAPS:,} map files"
        if maps > MAX_MAPS
        else f"more than {MAX_ENTRIES:,} files and folders"
    )
    return JourneyMapError(
        [
            Problem(
                "",
                f"this folder holds {what}; a class roll-up compares at most {MAX_MAPS:,} maps",
                "check you gave the folder the class's maps were collected into (not a whole drive "
                "or home folder), or split a very large class into folders of a few hundred maps",
            )
        ],
        source=str(folder),
    )


def readable(text: str) -> str:
    """*text* with bytes that are not UTF-8 (a file name from an old zip) shown as "�".

    Examples
    --------
    >>> readable("caf\\udce9_bakery")
    'caf�_bakery'
    """
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def file_labels(paths: list[Path], root: Path | None) -> list[str]:
    """Participant labels: the file name without ``.json``, made longer only when names clash.

    Examples
    --------
    >>> file_labels([Path("a/priya_bakery.json"), Path("b/priya_bakery.json"),
    ...              Path("b/sam.json")], Path("."))
    ['a/priya_bakery', 'b/priya_bakery', 'sam']
    """
    stems = [
        readable(p.name[:-5] if p.name.casefold().endswith(".json") else p.name) for p in paths
    ]
    counts = Counter(stem.casefold() for stem in stems)
    clashes = {stem for stem, n in counts.items() if n > 1}
    labels = []
    for path, stem in zip(paths, stems, strict=True):
        if stem.casefold() not in clashes:
            labels.append(stem)
            continue
        try:
            longer = path.relative_to(root) if root is not None else path
        except ValueError:
            longer = path
        parent = readable(longer.parent.as_posix())
        labels.append(stem if parent in ("", ".") else f"{parent}/{stem}")
    return unique_labels(labels)


def unique_labels(labels: Iterable[str]) -> list[str]:
    """*labels* with repeats numbered: ``["Shop", "Shop"]`` gives ``["Shop", "Shop (2)"]``."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        key = label.casefold()
        seen[key] = seen.get(key, 0) + 1
        out.append(label if seen[key] == 1 else f"{label} ({seen[key]})")
    return out


def _signature(path: Path) -> _Signature | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


#: Where a class roll-up reads its maps: a folder or one file, a map, a mapping of label to
#: map, or any iterable of files and maps (a list, ``Path.glob``, a generator).
MapSource: TypeAlias = (
    "str | os.PathLike[str] | JourneyMap | Mapping[str, JourneyMap]"
    " | Iterable[str | os.PathLike[str] | JourneyMap]"
)


class Collection:
    """Where a roll-up's maps come from, and what has been read from there already.

    Parameters
    ----------
    source : folder, file, list of files and maps, mapping of label to map, or a map
        See :func:`journeykit.rollup`.
    """

    def __init__(self, source: MapSource) -> None:
        self.folder: Path | None = None
        self.paths: list[Path] = []
        self.maps: list[tuple[str, JourneyMap]] = []
        self._read: dict[Path, tuple[_Signature | None, Entry | Skipped]] = {}
        self._given: list[Entry] | None = None
        self.ignored = 0
        if isinstance(source, (str, os.PathLike)):
            path = Path(source)
            if path.is_file():
                self.paths = [path]
            else:
                self.folder = path
        elif isinstance(source, JourneyMap):
            self.maps = [(source.title or "Map 1", source)]
        elif isinstance(source, Mapping):
            self.maps = [(str(k), self._check_map(v, f"[{k!r}]")) for k, v in source.items()]
        elif isinstance(source, Iterable) and not isinstance(source, (bytes, dict)):
            self._take_items(list(source))
        else:
            raise _bad_source(source)

    @property
    def live(self) -> bool:
        """True when the maps come from files, which :meth:`collect` re-reads."""
        return self.folder is not None or bool(self.paths)

    def _take_items(self, items: list[object]) -> None:
        for i, item in enumerate(items):
            if isinstance(item, JourneyMap):
                self.maps.append((item.title or f"Map {i + 1}", item))
            elif isinstance(item, (str, os.PathLike)):
                self.paths.append(Path(item))
            else:
                raise _bad_source(item, where=f"[{i}]")
        self.paths = list(dict.fromkeys(self.paths))

    @staticmethod
    def _check_map(value: object, where: str) -> JourneyMap:
        if not isinstance(value, JourneyMap):
            raise _bad_source(value, where=where)
        return value

    def collect(self, progress: Progress | None = None) -> tuple[list[Entry], list[Skipped]]:
        """Every map (as entries) and every file left out, reading only files that changed.

        Maps read from files come first, in file order, then maps given as objects.
        """
        if not self.live:
            if self._given is None:
                labels = unique_labels(label for label, _ in self.maps)
                self._given = [
                    Entry(label=label, journey_map=m)
                    for label, (_, m) in zip(labels, self.maps, strict=True)
                ]
            return list(self._given), []
        entries, skipped = self._collect_files(progress)
        if self.maps:
            labels = unique_labels([e.label for e in entries] + [name for name, _ in self.maps])
            if self._given is None:
                self._given = [
                    Entry(label=label, journey_map=m)
                    for label, (_, m) in zip(labels[len(entries) :], self.maps, strict=True)
                ]
            entries += self._given
        return entries, skipped

    def _collect_files(self, progress: Progress | None) -> tuple[list[Entry], list[Skipped]]:
        paths = self.paths
        if self.folder is not None:
            paths, self.ignored = find_map_files(self.folder)
        if len(paths) > MAX_MAPS:
            raise _too_many(self.folder or Path("."), len(paths), 0)
        signatures = {path: _signature(path) for path in paths}
        stale = [
            p
            for p in paths
            if p not in self._read or self._read[p][0] != signatures[p] or signatures[p] is None
        ]
        for done, path in enumerate(stale, 1):
            self._read[path] = (signatures[path], self._load(path))
            if progress is not None:
                progress(done, len(stale))
        for gone in set(self._read) - set(paths):
            del self._read[gone]
        labels = file_labels(paths, self.folder)
        entries, skipped = [], []
        for path, label in zip(paths, labels, strict=True):
            result = self._read[path][1]
            if isinstance(result, Skipped):
                skipped.append(result)
                continue
            if result.label != label:  # a clash appeared or went away: relabel, keep the map
                result = Entry(
                    label=label, journey_map=result.journey_map, path=path, review=result.review
                )
                self._read[path] = (signatures[path], result)
            entries.append(result)
        return entries, skipped

    @staticmethod
    def _load(path: Path) -> Entry | Skipped:
        try:
            return Entry(label="", journey_map=load_map(path), path=path)
        except JourneyMapError as err:
            return Skipped(path, err)


def _bad_source(value: object, where: str = "") -> JourneyMapError:
    return JourneyMapError(
        [
            Problem(
                f"source{where}",
                f"cannot read maps from {type(value).__name__}",
                "give a folder, a list of .json files, or a list of journey maps "
                "(for example jk.rollup('collected'))",
            )
        ]
    )
