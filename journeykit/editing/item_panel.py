"""The editor's *Evidence and priorities* fold: the attributes of each item of a stage.

A list is typed in a plain text box, one item per line, which keeps typing fast. What
the schema lets an item carry besides its text (:mod:`journeykit.catalogue.fields`,
``scope="item"``: where it comes from and a source note; an opportunity's impact,
effort and owner) is set in a fold under the stage's lanes, one row per item, one
input per attribute by its kind: a drop-down for a choice or a score, a text box for
text. A new attribute in the schema gets its input here with no code to change.

The fold is built only when the learner opens it, and then follows the map: after
a pause in typing (debounced, like the Review panel) its rows are brought up to date,
reusing the rows of items that are still there, so an input being typed in is never
replaced. A keystroke in a lane's box costs the fold nothing but a scheduled refresh.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from ..catalogue import FieldPath, FieldSpec, schema
from ..catalogue.method import EVIDENCE_MEANING
from ..errors import JourneyMapError
from ..figures.theme import MUTED, PAIN, RULE
from ..model import JourneyMap
from ..model.evidence import evidence_counts_of
from ..model.items import attributes_of
from .debounce import Debouncer
from .fields import problem_text

#: Seconds of quiet after an edit before an open fold catches up with the map.
REFRESH_DELAY = 0.3
#: The title of the fold.
TITLE = "Evidence and priorities: where each item comes from"

#: Called as ``on_edit(stage, lane, position, {attribute: value})``; returns a problem
#: to show, or None when the map took the change.
ItemEditHandler = Callable[[str, str, int, dict[str, Any]], "str | None"]


def attribute_input(spec: FieldSpec) -> widgets.Widget:
    """The input for one attribute of an item, by its kind: a drop-down for a choice or a
    score (its scale's words beside each number), a one-line text box for text.

    Examples
    --------
    >>> from journeykit.catalogue import field
    >>> attribute_input(field("item.impact")).options[:3]
    (('impact: not set', None), ('1 low', 1), ('2 fairly low', 2))
    >>> attribute_input(field("item.evidence")).options[1]
    ('interview', 'interview')
    """
    if spec.kind == "text":
        return widgets.Text(
            placeholder=f"{spec.label.lower()}, e.g. {spec.example}"
            if spec.example
            else spec.label.lower(),
            layout=widgets.Layout(flex="1 1 140px", min_width="0"),
        )
    options: list[tuple[str, Any]]
    if spec.kind == "score":
        options = [(f"{spec.label.lower()}: not set", None)]
        options += [(f"{value} {words}", value) for value, words in spec.scale.items()]
    else:
        options = [(f"{spec.label.lower()}: not set", "")]
        options += [(choice, choice) for choice in spec.choices]
    return widgets.Dropdown(
        options=options,
        value=options[0][1],
        layout=widgets.Layout(width="auto", flex="0 1 auto", min_width="0"),
    )


class ItemRow:
    """One item of a stage and an input for each attribute its lane's items may have."""

    def __init__(self, lane: FieldSpec, on_change: Callable[[ItemRow, str, Any], None]) -> None:
        self.lane = lane
        self.text = ""
        self.occurrence = 0  # which item of this text in the lane (items may repeat)
        self._showing = False
        self.label = widgets.HTML(layout=widgets.Layout(flex="2 1 220px", min_width="0"))
        self.inputs: dict[str, widgets.Widget] = {}
        for spec in schema().attributes(lane):
            box = attribute_input(spec)
            box.description_allow_html = False
            box.observe(lambda change, name=spec.name: self._edited(name, change["new"]), "value")
            self.inputs[spec.name] = box
        self.box = widgets.HBox(
            [self.label, *self.inputs.values()],
            layout=widgets.Layout(
                flex_flow="row wrap",
                align_items="center",
                grid_gap="4px 8px",
                border_bottom=f"1px solid {RULE}",
                padding="2px 0",
            ),
        )
        self.box.add_class("jk-item-row")
        self._on_change = on_change

    def show(self, text: str, occurrence: int, attributes: dict[str, Any]) -> None:
        """Show *text* (the *occurrence*-th item of that text) and its *attributes*,
        leaving an input alone while it already says the same."""
        self.text, self.occurrence = text, occurrence
        label = (
            f"<span style='color:{MUTED}'>{html.escape(self.lane.label)}</span> · "
            f"{html.escape(text)}"
        )
        if self.label.value != label:
            self.label.value = label
        self._showing = True
        try:
            for name, box in self.inputs.items():
                value = attributes.get(name)
                wanted = (
                    value
                    if value is not None
                    else ("" if isinstance(box, widgets.Text) else box.options[0][1])
                )
                if box.value != wanted:
                    box.value = wanted
        finally:
            self._showing = False

    def set_disabled(self, disabled: bool) -> None:
        for box in self.inputs.values():
            box.disabled = disabled

    def _edited(self, name: str, value: Any) -> None:
        if not self._showing:
            self._on_change(self, name, value)


class ItemPanel:
    """The fold under one stage's lanes where its items' attributes are set.

    Parameters
    ----------
    journey_map : JourneyMap
        The map; the fold observes it while open.
    stage : str
        The stage whose items it lists.
    on_edit : callable
        ``on_edit(stage, lane, position, {name: value})`` applies a change (the editor
        passes it to :meth:`JourneyMap.set_item`) and returns the problem to show, or
        None.
    read_only : bool
        Show the attributes with every input switched off.

    Examples
    --------
    >>> import journeykit as jk
    >>> shop = jk.example("clothing-store")
    >>> def apply(stage, lane, position, attributes):
    ...     shop.set_item(stage, lane, position, **attributes)
    >>> panel = ItemPanel(shop, "Decision", apply)
    >>> panel.open()
    >>> pain = panel.row("pain_points", "Surprise delivery costs at checkout")
    >>> pain.inputs["evidence"].value = "analytics"
    >>> shop.stage("Decision").pain_points[0].attributes
    mappingproxy({'evidence': 'analytics'})
    >>> sorted(panel.row("opportunities", 0).inputs), sorted(panel.row("touchpoints", 0).inputs)
    (['effort', 'impact', 'owner'], ['evidence', 'source'])
    >>> panel.close()
    """

    def __init__(
        self,
        journey_map: JourneyMap,
        stage: str,
        on_edit: ItemEditHandler | Callable[..., Any],
        *,
        read_only: bool = False,
        delay: float = REFRESH_DELAY,
    ) -> None:
        self.map = journey_map
        self.stage = stage
        self.read_only = read_only
        self._on_edit = on_edit
        self._rows: dict[tuple[str, int], ItemRow] = {}
        self._opened = False
        self._closed = False
        self.summary = widgets.HTML()
        self.problem = widgets.HTML()
        self.list = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.body = widgets.VBox([self.summary, self.problem, self.list])
        self.fold = widgets.Accordion(children=[self.body], selected_index=None)
        self.fold.set_title(0, TITLE)
        self.fold.add_class("jk-item-panel")
        self.fold.observe(self._toggled, "selected_index")
        self._refresh = Debouncer(self.refresh, delay, max_wait=4 * delay)

    # ----- opening and following the map ------------------------------------------------
    def open(self) -> None:
        """Open the fold (as a click on its title does) and list the items."""
        self.fold.selected_index = 0
        if not self._opened:
            self._start()

    def _toggled(self, change: dict[str, Any]) -> None:
        if change["new"] == 0 and not self._opened:
            self._start()

    def _start(self) -> None:
        self._opened = True
        self.map.observe(self._changed)
        self.refresh()

    def _changed(self, path: FieldPath) -> None:
        if path.stage == self.stage or path.stage is None:
            self._refresh()

    def flush(self) -> None:
        """Bring the rows up to date now (tests call this)."""
        if self._opened and not self._closed:
            self._refresh.run()

    def close(self) -> None:
        """Stop following the map."""
        self._closed = True
        self._refresh.cancel()
        if self._opened:
            self.map.unobserve(self._changed)

    def follow(self, journey_map: JourneyMap) -> None:
        """List *journey_map*'s items of the same stage from now on, keeping the widgets.

        An editor reopened on another map with the same stages (a workshop page that
        learns whose map it shows) reuses its folds instead of making new ones.
        """
        self.close()
        self.map = journey_map
        self._closed = False
        self.problem.value = ""
        if self._opened:
            self.map.observe(self._changed)
            self.refresh()

    def refresh(self) -> None:
        """List the stage's items again, reusing the rows of items still in place."""
        if self._closed:
            return
        stage = self.map.stage(self.stage)
        children: list[widgets.Widget] = []
        kept: dict[tuple[str, int], ItemRow] = {}
        for key in schema().list_lanes:
            spec = schema().lanes_by_key[key]
            if not schema().attributes(spec):
                continue
            seen: dict[str, int] = {}
            for position, item in enumerate(getattr(stage, spec.name)):
                text = str.__str__(item)
                seen[text] = seen.get(text, -1) + 1
                row = self._rows.get((key, position)) or ItemRow(spec, self._row_edited)
                row.show(text, seen[text], dict(attributes_of(item)))
                row.set_disabled(self.read_only)
                kept[(key, position)] = row
                children.append(row.box)
        for place, row in self._rows.items():
            if place not in kept:
                row.box.close()
        self._rows = kept
        self.list.children = children
        self.summary.value = self._summary_html()

    def _summary_html(self) -> str:
        counts = evidence_counts_of([self.map.stage(self.stage)])
        if not counts.items:
            return _note(
                "No items in this stage yet: type them in the lanes above, one per line, then "
                "say here where each comes from."
            )
        meanings = "; ".join(f"{kind}: {meaning}" for kind, meaning in EVIDENCE_MEANING.items())
        return _note(
            f"{counts.research} of the {counts.items} items come from research, "
            f"{counts.assumption} are assumptions still to check, {counts.untagged} say "
            f"nothing yet. Evidence, {meanings}."
        )

    # ----- changes from the learner -------------------------------------------------------
    def row(self, lane: str, item: str | int) -> ItemRow:
        """The row of an item of *lane*, by its text or its position (tests use it)."""
        for (key, position), found in self._rows.items():
            if key == lane and (item == position or item == found.text):
                return found
        raise KeyError(f"{self.stage}: no item {item!r} in {lane}")

    def _row_edited(self, row: ItemRow, name: str, value: Any) -> None:
        position = self._position(row)
        if position is None:  # the lane changed since the row was drawn
            self.refresh()
            self.show_problem("The list changed meanwhile: pick again for the item you meant.")
            return
        try:
            problem = self._on_edit(self.stage, row.lane.key, position, {name: value})
        except JourneyMapError as err:
            problem = " ".join(problem_text(p) for p in err.problems)
        except Exception as exc:  # a widget callback must never end in a traceback
            problem = f"This could not be applied ({type(exc).__name__}: {exc})."
        self.show_problem(problem)
        self.summary.value = self._summary_html()

    def _position(self, row: ItemRow) -> int | None:
        """Where *row*'s item is in its lane now: the row's occurrence of its text."""
        items = getattr(self.map.stage(self.stage), row.lane.name)
        found = [i for i, item in enumerate(items) if str.__str__(item) == row.text]
        return found[row.occurrence] if row.occurrence < len(found) else None

    def show_problem(self, text: str | None) -> None:
        """Show *text* under the fold's summary in the warning colour, or clear the line."""
        self.problem.value = _note("⚠ " + text, PAIN) if text else ""

    @property
    def problem_message(self) -> str:
        """The problem shown in the fold, as text (empty when none)."""
        return html.unescape(re.sub("<[^>]*>", "", self.problem.value)).removeprefix("⚠ ")


def add_item_panels(
    tabs: widgets.Tab,
    journey_map: JourneyMap,
    on_edit: ItemEditHandler,
    *,
    read_only: bool = False,
    reuse: Sequence[ItemPanel] = (),
) -> list[ItemPanel]:
    """Put an *Evidence and priorities* fold at the foot of each stage tab of the form
    *tabs* (tab 0 is the persona's); return the folds in stage order.

    A form that already has them (*reuse*, in stage order) keeps them, following
    *journey_map* instead.
    """
    if reuse and len(reuse) == len(journey_map.stage_names):
        for panel in reuse:
            panel.read_only = read_only
            panel.follow(journey_map)
        return list(reuse)
    panels = []
    for index, name in enumerate(journey_map.stage_names, 1):
        panel = ItemPanel(journey_map, name, on_edit, read_only=read_only)
        page = tabs.children[index]
        page.children = (*page.children, panel.fold)
        panels.append(panel)
    return panels


def _note(text: str, colour: str = MUTED) -> str:
    return (
        f"<div style='font-size:12px;line-height:1.35;color:{colour};white-space:normal;"
        f"margin:2px 0 6px'>{html.escape(text)}</div>"
    )
