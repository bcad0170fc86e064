"""Where learners' own maps live: the ``my_maps/`` folder next to the notebooks.

Set the environment variable ``JOURNEYKIT_MAPS_DIR`` to keep maps somewhere else
(the test suite points it at a temporary folder, so running the notebooks in
tests never touches a learner's work).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import JourneyMapError, Problem

MAPS_DIR_ENV = "JOURNEYKIT_MAPS_DIR"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def maps_dir() -> Path:
    """The folder for learners' maps: ``$JOURNEYKIT_MAPS_DIR`` or ``my_maps`` here.

    Examples
    --------
    >>> maps_dir().name in ("my_maps", os.path.basename(os.environ.get(MAPS_DIR_ENV, "")))
    True
    """
    return Path(os.environ.get(MAPS_DIR_ENV) or "my_maps")


def map_path(name: str) -> Path:
    """The path for a map called *name* in :func:`maps_dir` (``.json`` added if missing).

    Spaces and other characters that trouble some file systems become ``_``.

    Examples
    --------
    >>> map_path("My shop").name
    'My_shop.json'
    """
    stem = _SAFE_NAME.sub("_", name.strip()).strip("._")
    if not stem:
        raise JourneyMapError(
            [
                Problem(
                    "name",
                    f"{name!r} cannot be used as a file name",
                    "use letters, digits, - or _, e.g. my_shop",
                )
            ]
        )
    return maps_dir() / (stem if stem.endswith(".json") else f"{stem}.json")
