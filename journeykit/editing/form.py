"""The editor's form: a Persona tab and one tab per stage, with a field for every lane.

:func:`build_form` lays out one input per field of the schema that the editor
shows (:mod:`journeykit.catalogue.fields`): the map's own fields and the
persona's on the first tab, each stage's lanes on its tab. Each field calls back
with what the learner typed, and the editor applies it to the map.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..catalogue import FieldPath, FrameworkStage, get_framework, schema
from ..errors import JourneyMapError
from ..figures.theme import MUTED
from ..model import JourneyMap
from .fields import EditHandler, Field, make_field


def build_form(
    journey_map: JourneyMap, on_edit: EditHandler
) -> tuple[widgets.Tab, dict[str, Field]]:
    """The tabs of the form for *journey_map*, and its fields by key.

    Keys are ``"persona.name"`` ... and ``"<stage>.<lane>"``, e.g.
    ``"Decision.touchpoints"``. The fields start empty: the editor shows the
    map's values in them.

    Examples
    --------
    >>> import journeykit as jk
    >>> tabs, fields = build_form(jk.example("clothing-store"), lambda field, value: None)
    >>> tabs.titles[:2], "Decision.touchpoints" in fields
    (('Persona', '1. Awareness'), True)
    """
    fields: dict[str, Field] = {}
    persona = [
        make_field(FieldPath(None, spec.key), None, on_edit)
        for scope in ("map", "persona")
        for spec in schema().scope(scope)
        if spec.in_editor
    ]
    pages = [_grid([field.box for field in persona])]
    fields.update((field.key, field) for field in persona)
    for name in journey_map.stage_names:
        described = _described(journey_map.framework, name)
        lanes = [
            make_field(FieldPath(name, spec.key), described, on_edit)
            for spec in schema().lanes
            if spec.in_editor
        ]
        fields.update((field.key, field) for field in lanes)
        about = (
            f"<div style='color:{MUTED};margin:0 0 8px;line-height:1.4'>"
            f"<b>{html.escape(name)}:</b> {html.escape(described.summary)}</div>"
            if described
            else ""
        )
        pages.append(widgets.VBox([widgets.HTML(about), _grid([f.box for f in lanes])]))
    tabs = widgets.Tab(children=pages)
    tabs.titles = [
        "Persona",
        *(f"{i}. {name}" for i, name in enumerate(journey_map.stage_names, 1)),
    ]
    return tabs, fields


def _described(framework: str, stage: str) -> FrameworkStage | None:
    try:
        return get_framework(framework).stage(stage)
    except JourneyMapError:
        return None


def _grid(boxes: list[widgets.Widget]) -> widgets.Widget:
    # columns of at least 300px, or one column as wide as the space on a narrower screen
    return widgets.GridBox(
        boxes,
        layout=widgets.Layout(
            grid_template_columns="repeat(auto-fill, minmax(min(300px, 100%), 1fr))",
            grid_gap="4px 18px",
            width="100%",
        ),
    )
