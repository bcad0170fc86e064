"""The input fields of the journey-map editor, one class per kind of field.

Each :class:`Field` is a small block of ipywidgets: a label, the input, the
field's help text, a hint from the framework's description of the stage, and
a line for a problem with what was typed. Which class, label, help and hint a
field gets comes from its entry in the schema
(:mod:`journeykit.catalogue.fields`, see :func:`make_field`). A field never
changes the map itself: it hands what the learner typed to ``on_edit`` (the
editor passes it on to :meth:`journeykit.JourneyMap.set_field`), and
:meth:`Field.show` puts the map's value back when the map changes elsewhere,
leaving the box alone while it already says the same thing, so the cursor never
jumps while typing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle, TextStyle

from ..catalogue import FieldPath, FieldSpec, FrameworkStage, lane
from ..errors import JourneyMapError, Problem
from ..figures.theme import MUTED, PAIN
from ..model import normalize_value

#: Called with the field and what the learner entered.
EditHandler = Callable[["Field", Any], None]


def stage_hint(stage: FrameworkStage | None, lane_key: str) -> str:
    """A hint for lane *lane_key* drawn from the framework's description of *stage*.

    The lane's schema entry says which part of the description helps
    (``framework_field``) and how the hint reads (``hint``).

    Examples
    --------
    >>> import journeykit as jk
    >>> decision = jk.get_framework("five-stage-decision").stage("Decision")
    >>> stage_hint(decision, "touchpoints")
    'Typical touchpoints in this stage: E-commerce platform, Checkout process, \
Physical store, Sales team.'
    >>> stage_hint(decision, "kpis")
    ''
    """
    spec = lane(lane_key)
    if stage is None or not spec.framework_field or not spec.hint:
        return ""
    value = getattr(stage, spec.framework_field, "")
    text = value if isinstance(value, str) else ", ".join(value)
    return spec.hint.format(text.rstrip(".")) if text else ""


def problem_text(problem: Problem) -> str:
    """A problem in plain words for the line under a field (without the field path).

    Examples
    --------
    >>> problem_text(Problem("stages[0].emotion.score", "6 is not a score from 1 to 5",
    ...                      "pick a whole number from 1 to 5"))
    '6 is not a score from 1 to 5. To fix it: pick a whole number from 1 to 5.'
    """
    text = problem.message[:1].upper() + problem.message[1:]
    return f"{text}. To fix it: {problem.fix}." if problem.fix else f"{text}."


def css_name(key: str) -> str:
    """A CSS class for the field called *key*, for styling and browser tests.

    Examples
    --------
    >>> css_name("Re-purchase.touchpoints")
    'jk-field-Re-purchase-touchpoints'
    """
    return "jk-field-" + re.sub(r"[^A-Za-z0-9-]+", "-", key)


SharedWidget = TypeVar("SharedWidget", bound=widgets.Widget)
_SHARED: dict[tuple[type[widgets.Widget], tuple[tuple[str, Any], ...]], widgets.Widget] = {}


def shared(kind: type[SharedWidget], **traits: Any) -> SharedWidget:
    """One *kind* widget with *traits*, for every input and note that takes it as its
    layout or style and never changes it.

    ipywidgets gives each widget a layout and a style of its own unless given one: in
    the editor, about half of its widgets were such identical copies, each a model the
    kernel keeps and sends and the page builds (a workshop room does that for every
    participant). A shared one that was closed (``Widget.close_all``) is made again.

    Examples
    --------
    >>> shared(widgets.Layout, width="auto") is shared(widgets.Layout, width="auto")
    True
    >>> shared(widgets.Layout, width="auto") is shared(widgets.Layout, width="100%")
    False
    """
    key = (kind, tuple(sorted(traits.items())))
    found = _SHARED.get(key)
    if found is None or found.comm is None:
        found = _SHARED[key] = kind(**traits)
    return found


def note_widget(text: str) -> widgets.HTML:
    """An HTML note that never changes, with the shared layout and style."""
    return widgets.HTML(text, layout=shared(widgets.Layout), style=shared(HTMLStyle))


def _note(text: str, colour: str, size: int = 12) -> str:
    return (
        f"<div style='font-size:{size}px;line-height:1.35;color:{colour};"
        f"white-space:normal'>{html.escape(text)}</div>"
    )


class Field:
    """One labelled input of the editor (base class).

    Parameters
    ----------
    path : FieldPath
        The field of the map it edits; its text (``"title"``, ``"persona.<field>"``,
        ``"<stage>.<lane>"``) is the field's :attr:`key`.
    spec : FieldSpec
        The field's schema entry: its kind, label, help and example.
    hint : str
        Shown under the help (a framework's examples for a stage's lane).
    on_edit : callable
        Called as ``on_edit(field, value)`` when the learner changes the input.
    """

    def __init__(self, path: FieldPath, spec: FieldSpec, hint: str, on_edit: EditHandler) -> None:
        self.path = path
        self.spec = spec
        self.key = str(path)
        self.on_edit = on_edit
        #: The fold the field sits in, for a field of a group (opened to show the field).
        self.fold: widgets.Accordion | None = None
        self._showing = False
        self._problem: str | None = None
        self.input = self._make_input()
        self.problem = widgets.HTML(layout=widgets.Layout(display="none"))
        notes = note_widget(_note(spec.help, MUTED) + (_note(hint, MUTED, 11) if hint else ""))
        self.box = widgets.VBox(
            [*self._heading(spec.label), self.input, self.problem, notes],
            layout=widgets.Layout(margin="0 0 10px 0", min_width="0"),
        )
        self.box.add_class("jk-field")
        self.box.add_class(css_name(self.key))

    # ----- subclasses fill these in ------------------------------------------------
    def _make_input(self) -> widgets.Widget:
        raise NotImplementedError

    def _heading(self, label: str) -> list[widgets.Widget]:
        """The field's label. A text box carries it as its own ``description``: ipywidgets
        draws that as a ``<label for=...>`` of the box, the name a screen reader reads."""
        self.input.description = label
        self.input.style.description_width = "initial"
        return []

    def read(self) -> Any:
        """What the learner has entered, in the form ``set_lane`` accepts."""
        raise NotImplementedError

    def _write(self, value: Any) -> None:
        raise NotImplementedError

    # ----- shared behaviour ---------------------------------------------------------
    def shows(self, value: Any) -> bool:
        """True when the input already means *value* (ignoring spaces and blank lines)."""
        try:
            return normalize_value(self.spec, self.read(), self.key) == value
        except JourneyMapError:
            return False

    def show(self, value: Any) -> None:
        """Show the map's *value*, unless the input already says the same."""
        if self.shows(value):
            return
        self._showing = True
        try:
            self._write(value)
        finally:
            self._showing = False

    def set_problem(self, text: str | None) -> None:
        """Show *text* under the input in the warning colour, or hide the line."""
        self._problem = text or None
        if text:
            self.problem.value = _note("⚠ " + text, PAIN, 13)
            self.problem.layout.display = ""
        else:
            self.problem.value = ""
            self.problem.layout.display = "none"

    @property
    def problem_message(self) -> str | None:
        """The problem shown under the input, if any."""
        return self._problem

    def set_disabled(self, disabled: bool) -> None:
        self.input.disabled = disabled

    def _edited(self, change: dict[str, Any]) -> None:
        if not self._showing:
            self.on_edit(self, self.read())


class TextField(Field):
    """One line of text (a goal, a name, a title), or a box of a few lines for long text."""

    def _make_input(self) -> widgets.Widget:
        kind = widgets.Textarea if self.spec.long else widgets.Text
        example = self.spec.example
        box = kind(
            placeholder=f"e.g. {example}" if example else "",
            layout=shared(widgets.Layout, width="auto"),
            style=shared(TextStyle, description_width="initial"),
        )
        if self.spec.long:
            box.rows = 2
        box.observe(self._edited, "value")
        return box

    def read(self) -> str:
        return self.input.value

    def _write(self, value: Any) -> None:
        self.input.value = value or ""


class ListField(Field):
    """A list field: one item per line in a text box (an item's attributes stay with its
    text, see :func:`journeykit.model.items.carry_attributes`)."""

    def _make_input(self) -> widgets.Widget:
        example = self.spec.example
        box = widgets.Textarea(
            rows=3,
            layout=shared(widgets.Layout, width="auto"),
            style=shared(TextStyle, description_width="initial"),
            placeholder=(f"e.g. {example}\n(one per line)" if example else "one per line"),
        )
        box.observe(self._edited, "value")
        return box

    def read(self) -> str:
        return self.input.value

    def _write(self, value: Any) -> None:
        self.input.value = "\n".join(value or [])


class ScoreField(Field):
    """A score such as the emotion score: a slider over the field's scale (1 to 5), its
    meaning in words, and a tick box that says whether the stage has a score.

    A stage starts without a score; moving the slider (or ticking the box) gives
    it one, and clearing the tick box takes it away again.
    """

    def _make_input(self) -> widgets.Widget:
        scale = self.spec.scale
        self.scored = widgets.Checkbox(
            value=False, description="", indent=False, layout=widgets.Layout(width="auto")
        )
        self.slider = widgets.IntSlider(
            value=(min(scale) + max(scale)) // 2,
            min=min(scale),
            max=max(scale),
            step=1,
            readout=False,
            layout=widgets.Layout(width="170px"),
        )
        self.readout = widgets.HTML()
        self.readout.add_class("jk-score-readout")
        self.slider.observe(self._slid, "value")
        self.scored.observe(self._edited, "value")
        self._update_readout()
        return widgets.HBox(
            [self.slider, self.readout, self.scored],
            layout=widgets.Layout(align_items="center", flex_flow="row wrap"),
        )

    def _heading(self, label: str) -> list[widgets.Widget]:
        # ipywidgets' slider handle cannot be given a name (its <label> points at nothing),
        # so the label stays a heading above it and the tick box names the score
        self.scored.description = f"Set the {label.lower()}"
        return [widgets.HTML(f"<b>{html.escape(label)}</b>")]

    def read(self) -> int | None:
        return self.slider.value if self.scored.value else None

    def _write(self, value: Any) -> None:
        self.scored.value = value is not None
        if value is not None:
            self.slider.value = value
        self._update_readout()

    def shows(self, value: Any) -> bool:
        return self.read() == value

    def set_disabled(self, disabled: bool) -> None:
        self.slider.disabled = self.scored.disabled = disabled

    def _slid(self, change: dict[str, Any]) -> None:
        if not self._showing and not self.scored.value:
            self._showing = True  # ticking the box is part of this one edit
            try:
                self.scored.value = True
            finally:
                self._showing = False
        self._edited(change)
        self._update_readout()

    def _edited(self, change: dict[str, Any]) -> None:
        self._update_readout()
        super()._edited(change)

    def _update_readout(self) -> None:
        score = self.read()
        text = (
            f"<b>{score}</b> · {self.spec.scale[score]}"
            if score is not None
            else "<i>not scored yet: move the slider</i>"
        )
        self.readout.value = f"<span style='margin:0 12px'>{text}</span>"


class ChoiceField(TextField):
    """One of a few choices, in a drop-down (empty until one is picked)."""

    def _make_input(self) -> widgets.Widget:
        box = widgets.Dropdown(
            options=[("(not chosen)", ""), *((choice, choice) for choice in self.spec.choices)],
            value="",
            layout=widgets.Layout(width="auto"),
        )
        box.observe(self._edited, "value")
        return box


#: The input for each kind of field.
FIELD_CLASSES: dict[str, type[Field]] = {
    "text": TextField,
    "list": ListField,
    "score": ScoreField,
    "choice": ChoiceField,
}


def make_field(
    path: FieldPath, framework_stage: FrameworkStage | None, on_edit: EditHandler
) -> Field:
    """The input for the field at *path*: the class its kind needs, with its schema entry's
    label, help and example, and for a stage's lane the framework's hint.

    Examples
    --------
    >>> field = make_field(FieldPath("Convert", "touchpoints"), None, lambda f, v: None)
    >>> field.key, type(field).__name__
    ('Convert.touchpoints', 'ListField')
    >>> type(make_field(FieldPath(None, "persona.description"), None, print)).__name__
    'TextField'
    """
    spec = path.spec
    if spec is None or not path.is_field:
        raise ValueError(f"{path!r} names no field of a map")
    hint = stage_hint(framework_stage, spec.key) if spec.scope == "stage" else ""
    return FIELD_CLASSES[spec.kind](path, spec, hint, on_edit)
