"""Saving and loading journey maps as JSON files.

:func:`save_map` checks a map and writes it atomically, keeping the previous
file as ``NAME.json.bak`` (:mod:`.files` does the writing); :func:`load_map`
reads a file and checks everything in it. Neither ever shows a raw traceback:
every failure is one :class:`~journeykit.JourneyMapError` naming the file and
every problem.
"""

from __future__ import annotations

from pathlib import Path

from .files import parse_json_bytes, read_file_bytes
from .journey_map import JourneyMap
from .saving import remember


def dumps(journey_map: JourneyMap) -> str:
    """The saved-file text: indented, stable key order, UTF-8, newline at the end."""
    return journey_map.to_json()


def save_map(journey_map: JourneyMap, path: str | Path, *, merge: bool = False) -> Path:
    """Check *journey_map* and save it atomically, keeping the previous file as ``.bak``.

    With ``merge=True``, changes saved to *path* elsewhere since the map last
    read or wrote it are merged in rather than written over (see
    :meth:`JourneyMap.save`).

    Raises
    ------
    JourneyMapError
        If the map has problems (nothing is written then) or the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "shop.json"
    >>> m = jk.JourneyMap.new("five-stage", title="Corner shop")
    >>> save_map(m, path).name
    'shop.json'
    >>> jk.load_map(path) == m
    True
    """
    return journey_map.save(path, merge=merge)


def load_map(path: str | Path) -> JourneyMap:
    """Load a journey map from a JSON file, checking everything in it.

    A UTF-8 byte-order mark (as Windows Notepad writes) is accepted. The map
    remembers what it read, so ``save(path, merge=True)`` can tell later
    whether someone else saved to the file meanwhile.

    Raises
    ------
    JourneyMapError
        Naming the file and every problem: missing file, too large, not UTF-8,
        broken JSON (with line and column), wrong fields or values.

    Examples
    --------
    >>> import journeykit as jk
    >>> jk.load_map("no/such/map.json")
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: no/such/map.json: 1 problem
      - there is no such file. Fix: check the name and folder; maps you make are usually \
in my_maps/.
    """
    raw = read_file_bytes(path)
    journey_map = JourneyMap.from_dict(parse_json_bytes(raw, str(path)), source=str(path))
    remember(journey_map, path, raw)
    return journey_map
