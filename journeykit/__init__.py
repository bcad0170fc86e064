"""JourneyKit: customer journey mapping in Jupyter, for classes and workshops.

The public API is re-exported here. Heavy layers (pandas tables, plotly
figures, ipywidgets, nbconvert, Ibis and DuckDB) load on first use, so
``import journeykit`` is quick and a learner's first cell does not wait for
libraries it does not use.

Examples
--------
>>> import journeykit as jk
>>> jk.get_framework("five-stage").stage_names
['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy']
>>> jk.example("clothing-store").stage("Decision").touchpoints
['Checkout page', 'Shopping cart', 'Customer service chat']
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._notebook import install_friendly_errors
from ._version import __version__ as __version__
from .catalogue import (
    LANES,
    Fact,
    FieldPath,
    FieldSpec,
    Framework,
    FrameworkStage,
    crosswalk,
    facts,
    framework_ids,
    frameworks_table,
    get_framework,
)
from .errors import JourneyMapError, Problem
from .model import (
    SCHEMA_VERSION,
    JourneyMap,
    MergeWarning,
    Persona,
    Stage,
    example,
    example_names,
    load_map,
    map_path,
    maps_dir,
    save_map,
)

# Names served lazily: name -> subpackage that defines it.
_LAZY: dict[str, str] = {
    # figures
    "plot_map": "figures",
    "plot_emotions": "figures",
    "plot_framework": "figures",
    "plot_frameworks": "figures",
    "plot_crosswalk": "figures",
    "plot_funnel": "figures",
    "plot_class_heatmap": "figures",
    "plot_class_spread": "figures",
    "plot_class_coverage": "figures",
    "plot_class_top": "figures",
    "plot_transitions": "figures",
    "plot_canvas": "figures",
    # exports
    "to_html": "export",
    "to_markdown": "export",
    "to_csv": "export",
    "to_mermaid": "export",
    "to_image": "export",
    "export_map": "export",
    "read_csv": "export",
    # the editor
    "editor": "editing",
    "Editor": "editing",
    # paper (journeykit print)
    "print_canvas": "paper",
    "print_map": "paper",
    "print_personas": "paper",
    # slides
    "build_deck": "slides",
    "build_course": "slides",
    # coaching
    "review": "coaching",
    "Review": "coaching",
    "Finding": "coaching",
    # the class roll-up
    "rollup": "debrief",
    "Rollup": "debrief",
    # the workshop room (journeykit workshop)
    "Room": "workshop",
    # measuring a journey on an event log (needs the analytics extra)
    "read_events": "analytics",
    "measure": "analytics",
    "Measurement": "analytics",
    "EventLog": "analytics",
    "prefix": "analytics",
    "pattern": "analytics",
}

__all__ = [
    "LANES",
    "SCHEMA_VERSION",
    "Fact",
    "FieldPath",
    "FieldSpec",
    "Framework",
    "FrameworkStage",
    "JourneyMap",
    "JourneyMapError",
    "MergeWarning",
    "Persona",
    "Problem",
    "Stage",
    "crosswalk",
    "example",
    "example_names",
    "facts",
    "framework_ids",
    "frameworks_table",
    "get_framework",
    "load_map",
    "map_path",
    "maps_dir",
    "save_map",
    # served lazily (see _LAZY)
    "Editor",
    "EventLog",
    "Finding",
    "Measurement",
    "Review",
    "Rollup",
    "Room",
    "build_course",
    "build_deck",
    "editor",
    "export_map",
    "measure",
    "pattern",
    "plot_class_coverage",
    "plot_class_heatmap",
    "plot_class_spread",
    "plot_class_top",
    "plot_crosswalk",
    "plot_emotions",
    "plot_framework",
    "plot_frameworks",
    "plot_canvas",
    "plot_funnel",
    "plot_map",
    "plot_transitions",
    "prefix",
    "print_canvas",
    "print_map",
    "print_personas",
    "read_csv",
    "read_events",
    "rollup",
    "review",
    "to_csv",
    "to_html",
    "to_image",
    "to_markdown",
    "to_mermaid",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'journeykit' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .analytics import EventLog, Measurement, measure, pattern, prefix, read_events
    from .coaching import Finding, Review, review
    from .debrief import Rollup, rollup
    from .editing import Editor, editor
    from .export import export_map, to_csv, to_html, to_image, to_markdown, to_mermaid
    from .figures import (
        plot_canvas,
        plot_class_coverage,
        plot_class_heatmap,
        plot_class_spread,
        plot_class_top,
        plot_crosswalk,
        plot_emotions,
        plot_framework,
        plot_frameworks,
        plot_funnel,
        plot_map,
        plot_transitions,
    )
    from .paper import print_canvas, print_map, print_personas
    from .slides import build_course, build_deck
    from .workshop import Room

install_friendly_errors()
