"""The example maps that ship with the kit (the ``datasets/`` folder).

In a source checkout the files are read from ``datasets/`` at the top of the
repository; an installed wheel carries the same files as ``journeykit/datasets``.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import JourneyMapError, Problem
from .journey_map import JourneyMap
from .storage import load_map


def datasets_dir() -> Path:
    """The folder holding the kit's example data."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "datasets", package.parent / "datasets"):
        if candidate.is_dir():
            return candidate
    raise JourneyMapError(
        [
            Problem(
                "datasets",
                "the kit's example data is missing",
                "reinstall the kit: pip install --force-reinstall journeykit",
            )
        ]
    )


def example_names() -> list[str]:
    """Names accepted by :func:`example`.

    Examples
    --------
    >>> "clothing-store" in example_names()
    True
    """
    return sorted(p.name.removesuffix(".json") for p in datasets_dir().glob("*.json"))


def example(name: str = "clothing-store") -> JourneyMap:
    """A filled-in example map; each call returns a fresh copy to edit freely.

    Parameters
    ----------
    name : str, default "clothing-store"
        One of :func:`example_names`. ``"clothing-store"`` is the online
        clothing store from the five-stage framework with a Decision stage.

    Examples
    --------
    >>> m = example("clothing-store")
    >>> m.framework, m.stage_names
    ('five-stage-decision', ['Awareness', 'Consideration', 'Decision', 'Retention', 'Advocacy'])
    """
    path = datasets_dir() / f"{name}.json"
    if not path.is_file():
        raise JourneyMapError(
            [
                Problem(
                    "name",
                    f"there is no example called {name!r}",
                    "use one of " + ", ".join(example_names()),
                )
            ]
        )
    found = load_map(path)
    found._example = name  # a future state names the example, not a file inside the kit
    return found
