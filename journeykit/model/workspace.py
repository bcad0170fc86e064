"""Where learners' own maps live: the ``my_maps/`` folder of the course.

Each notebook's kernel starts in the notebook's own folder (``notebooks/``,
``exercises/``), yet notebook 07 and exercise ex07 must open the same
``my_business.json``. So inside a course (a folder holding both ``notebooks/``
and ``exercises/``: :func:`course_dir`) the maps folder is the course's
``my_maps/``, beside those two; elsewhere it is ``my_maps/`` in the working folder.

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


#: How many folders up from the working folder a course is looked for
#: (``notebooks/facilitator/`` is two below the course).
COURSE_DEPTH = 2


def course_dir(start: Path | None = None) -> Path | None:
    """The course folder *start* (the working folder) is in, or None outside a course.

    A course folder holds both ``notebooks/`` and ``exercises/``; it is *start* itself
    or one of the :data:`COURSE_DEPTH` folders above it.

    Examples
    --------
    >>> import tempfile
    >>> course = Path(tempfile.mkdtemp())
    >>> for name in ("notebooks/facilitator", "exercises"):
    ...     (course / name).mkdir(parents=True)
    >>> course_dir(course / "exercises") == course_dir(course / "notebooks" / "facilitator")
    True
    >>> course_dir(course / "exercises") == course.resolve()
    True
    >>> course_dir(course.parent) is None
    True
    """
    here = (start or Path.cwd()).resolve()
    for folder in [here, *here.parents][: COURSE_DEPTH + 1]:
        if (folder / "notebooks").is_dir() and (folder / "exercises").is_dir():
            return folder
    return None


def maps_dir(start: Path | None = None) -> Path:
    """The folder for learners' maps: ``$JOURNEYKIT_MAPS_DIR``, else the course's
    ``my_maps`` (see :func:`course_dir`), else ``my_maps`` in *start* (the working folder).

    Inside a course the path is relative to the working folder (``../my_maps`` from
    ``notebooks/``), so messages and notebooks never show a machine's full path.

    Examples
    --------
    >>> maps_dir().name in ("my_maps", os.path.basename(os.environ.get(MAPS_DIR_ENV, "")))
    True
    """
    if os.environ.get(MAPS_DIR_ENV):
        return Path(os.environ[MAPS_DIR_ENV])
    here = start or Path.cwd()
    course = course_dir(here)
    if course is None:
        return here / "my_maps" if start is not None else Path("my_maps")
    try:
        return Path(os.path.relpath(course / "my_maps", Path.cwd()))
    except ValueError:  # another drive on Windows
        return course / "my_maps"


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
