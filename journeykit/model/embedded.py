"""A journey map carried inside a notebook output, so pages made without a kernel can draw it.

A live editor is a widget: a deck or a hand-in page has no kernel to run it,
and JupyterLab saves no widget state unless asked to. So the editor's output
also carries its map under its own MIME type (:data:`MAP_MIME`): the map as it
was when the cell ran, and the file it is saved to. :func:`embedded_map` reads
it back, preferring the file (what the learner has typed since), so the slide
and hand-in preprocessors can draw a picture of the editor. JupyterLab shows
nothing for a MIME type it does not know, so this changes nothing on screen.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import JourneyMapError
from .journey_map import JourneyMap
from .storage import load_map
from .workspace import MAPS_DIR_ENV, maps_dir

#: The MIME type of a map inside a notebook output.
MAP_MIME = "application/vnd.journeykit.map+json"


def embed(
    journey_map: JourneyMap, path: Path | None, figure: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The output data for *journey_map*, saved to *path* (or None): ``{MAP_MIME: {...}}``.

    *figure*, the map drawn as plotly JSON, is stored with it when given: JupyterLab
    draws it in place of an editor whose kernel is gone (the kit's extension, in
    :mod:`journeykit.lab`).

    The file is named relative to the notebook's folder when it lies inside it,
    or by its name in the maps folder (the course's ``my_maps/``, or wherever
    ``JOURNEYKIT_MAPS_DIR`` points), so no machine path is stored in a notebook.

    Examples
    --------
    >>> import journeykit as jk
    >>> data = embed(jk.example("clothing-store"), Path("my_maps") / "shop.json")
    >>> data[MAP_MIME]["file"], data[MAP_MIME]["map"]["framework"]
    ('my_maps/shop.json', 'five-stage-decision')
    """
    record: dict[str, Any] = {"map": journey_map.to_dict(), "file": None, "in_maps_dir": False}
    if figure is not None:
        record["figure"] = figure
    if path is not None:
        target = Path(path).resolve()
        in_maps_dir = target.parent == maps_dir().resolve()
        try:
            inside = target.relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:  # outside the notebook's folder
            inside = None
        if in_maps_dir and (os.environ.get(MAPS_DIR_ENV) or inside is None):
            record.update(file=target.name, in_maps_dir=True)  # the course's my_maps/
        else:
            record["file"] = inside  # None: keep the stored map only
    return {MAP_MIME: record}


def embedded_map(data: Mapping[str, Any], notebook_dir: Path | None = None) -> JourneyMap | None:
    """The map in an output's *data*: from its file if that still loads, else as stored.

    *notebook_dir* is the folder the notebook's file names are relative to.
    Returns None when the output holds no map or nothing readable.

    Examples
    --------
    >>> import journeykit as jk
    >>> data = embed(jk.example("clothing-store"), None)
    >>> embedded_map(data).title
    'Online clothing store: a summer outfit'
    >>> embedded_map({"text/plain": "x"}) is None
    True
    """
    record = data.get(MAP_MIME)
    if not isinstance(record, Mapping):
        return None
    name = record.get("file")
    if isinstance(name, str) and name:
        base = maps_dir(notebook_dir) if record.get("in_maps_dir") else (notebook_dir or Path.cwd())
        try:
            return load_map(Path(base) / Path(name))
        except JourneyMapError:
            pass  # moved, renamed or broken since: fall back to the map as it was stored
    try:
        return JourneyMap.from_dict(record.get("map"))
    except JourneyMapError:
        return None
