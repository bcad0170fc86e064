"""The editor's form: a Persona tab and one tab per stage, with a field for every lane.

:func:`build_form` lays out one input per field of the schema that the editor
shows (:mod:`journeykit.catalogue.fields`): the map's own fields and the
persona's on the first tab, each stage's lanes on its tab; lanes of a group (the
service blueprint's) in a fold of their own under the others. Each field calls back
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
        main = [f for f in lanes if not f.spec.group]
        pages.append(
            widgets.VBox(
                [widgets.HTML(about), _grid([f.box for f in main]), *_folds(lanes, journey_map)]
            )
        )
    tabs = widgets.Tab(children=pages)
    tabs.titles = [
        "Persona",
        *(f"{i}. {name}" for i, name in enumerate(journey_map.stage_names, 1)),
    ]
    return tabs, fields


def _folds(lanes: list[Field], journey_map: JourneyMap) -> list[widgets.Accordion]:
    """A fold per group of lanes (:attr:`FieldSpec.group`, such as the blueprint's), under
    the stage's other lanes: closed until opened, or open when the map already fills one of
    its lanes in this stage. Each field remembers its fold, so the Review panel can open it."""
    groups: dict[str, list[Field]] = {}
    for field in lanes:
        if field.spec.group:
            groups.setdefault(field.spec.group, []).append(field)
    folds = []
    for title, members in groups.items():
        filled = any(not f.spec.is_empty(journey_map.get_field(f.path)) for f in members)
        fold = widgets.Accordion(
            children=[_grid([f.box for f in members])], selected_index=0 if filled else None
        )
        fold.set_title(0, title)
        fold.add_class("jk-fold")
        for field in members:
            field.fold = fold
        folds.append(fold)
    return folds


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
