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

#: The form's layout in the page (the editor's status line carries it: :mod:`.guard`).
#: ipywidgets puts a text box's label beside it, which leaves the box a sliver of a
#: narrow column (a phone, a third of a laptop screen) and cuts its example off; here
#: the label sits above and the box takes the column's width. The stage tabs wrap
#: onto a second row rather than cutting their names to "1. A". The column never
#: wraps: a column that may wrap within the box's height puts the box beside its
#: label again, past the edge of a phone's screen. In a phone-wide editor the tab's
#: padding shrinks and examples take a point less, so they fit.
FORM_CSS = """
.jk-editor .jk-field .widget-text, .jk-editor .jk-field .widget-textarea {
  flex-direction: column; flex-wrap: nowrap; align-items: stretch; width: 100%;
  max-width: 100%; height: auto;
}
.jk-editor .jk-field .widget-text > .widget-label,
.jk-editor .jk-field .widget-textarea > .widget-label {
  text-align: left; width: auto; max-width: 100%; margin: 0 0 3px; font-weight: 600;
  white-space: normal; line-height: 1.3; height: auto;
}
.jk-editor .jk-field .widget-text > input, .jk-editor .jk-field .widget-textarea > textarea {
  width: 100%; box-sizing: border-box;
}
.jk-editor .widget-tab > .lm-TabBar, .jk-editor .widget-tab > .lm-TabBar .lm-TabBar-content {
  height: auto; min-height: var(--jp-widgets-horizontal-tab-height, 24px);
}
.jk-editor .widget-tab > .lm-TabBar .lm-TabBar-content { flex-wrap: wrap; }
.jk-editor .widget-tab > .lm-TabBar .lm-TabBar-tab {
  flex: 0 1 auto; min-width: 0; max-width: none;
}
.jk-editor { container-type: inline-size; }
@container (max-width: 440px) {
  .jk-editor .widget-tab > .widget-tab-contents { padding: 8px 6px; }
  .jk-editor .jk-field input::placeholder, .jk-editor .jk-field textarea::placeholder {
    font-size: 12px;
  }
}
"""


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
