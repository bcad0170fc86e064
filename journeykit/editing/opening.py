"""Opening a map for the editor, and finding the field a problem is about.

Pure helpers with no widgets: :func:`open_or_create` decides between opening a
file and starting a new map, and :func:`field_for` turns a problem's field path
(``stages[2].emotion.score``) into the editor field it points at.
"""

from __future__ import annotations

from pathlib import Path

from ..catalogue import FieldPath, framework_ids
from ..errors import JourneyMapError, Problem
from ..model import JourneyMap, load_map


def open_or_create(path: str | Path, framework: str | None) -> tuple[JourneyMap, str]:
    """Load the map at *path*, or start a blank *framework* map if there is no file yet.

    Returns the map and a sentence saying which happened.

    Raises
    ------
    JourneyMapError
        If the file is broken (nothing is overwritten then), or if it does not
        exist and no framework was given.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "corner_shop.json"
    >>> m, note = open_or_create(target, "five-stage")
    >>> m.title, note
    ('Corner shop', 'Started a new five-stage map.')
    >>> open_or_create(target.with_name("other.json"), None)
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - framework: there is no map in other.json yet, and no framework to start one with. \
Fix: give one, e.g. editor("other.json", framework="six-stage"); the frameworks are six-stage, \
five-stage, five-stage-decision, eight-stage.
    """
    target = Path(path)
    if target.exists():
        m = load_map(target)
        note = f"Opened {target.name}."
        if framework is not None and framework != m.framework:
            note += f" It is a {m.framework} map, so it stays one (you asked for {framework})."
        return m, note
    if framework is None:
        raise JourneyMapError(
            [
                Problem(
                    "framework",
                    f"there is no map in {target.name} yet, and no framework to start one with",
                    f'give one, e.g. editor("{target.name}", framework="six-stage"); '
                    "the frameworks are " + ", ".join(framework_ids()),
                )
            ]
        )
    title = target.stem.replace("_", " ").replace("-", " ").strip().capitalize()
    return JourneyMap.new(framework, title=title), f"Started a new {framework} map."


def field_for(where: str, journey_map: JourneyMap) -> str:
    """The editor field a problem's field path points at (``""`` if none).

    Examples
    --------
    >>> import journeykit as jk
    >>> m = jk.example("clothing-store")
    >>> field_for("stages[2].emotion.score", m), field_for("persona.goals[1]", m)
    ('Decision.emotion_score', 'persona.goals')
    """
    path = FieldPath.from_saved(where, journey_map.stage_names)
    return str(path) if path is not None else ""
