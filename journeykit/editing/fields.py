"""The input fields of the journey-map editor, one class per kind of lane.

Each :class:`Field` is a small block of ipywidgets: a label, the input, the
lane's help text, a hint from the framework's description of the stage, and
a line for a problem with what was typed. A field never changes the map
itself: it hands what the learner typed to ``on_edit`` (the editor passes it
on to :meth:`journeykit.JourneyMap.set_lane`), and :meth:`Field.show` puts the
map's value back when the map changes elsewhere, leaving the box alone while
it already says the same thing, so the cursor never jumps while typing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from ..catalogue import SCORE_LABELS, SCORE_MAX, SCORE_MIN, FieldSpec, FrameworkStage
from ..errors import JourneyMapError, Problem
from ..figures.theme import MUTED, PAIN
from ..model import normalize_lane_value

#: Called with the field and what the learner entered.
EditHandler = Callable[["Field", Any], None]

#: What the persona and title fields hold: key -> (label, kind, help, example).
PERSONA_FIELDS: dict[str, tuple[str, str, str, str]] = {
    "title": (
        "Map title",
        "text",
        "A short name for this map: the business and the journey it follows.",
        "Corner bakery: ordering a birthday cake",
    ),
    "persona.name": (
        "Persona name",
        "text",
        "A first name for the customer you follow, so everyone can talk about the same person.",
        "Maya",
    ),
    "persona.description": (
        "Who they are",
        "long text",
        "A sentence or two about them: their situation, habits and how they like to buy.",
        "A student who shops on her phone",
    ),
    "persona.goals": (
        "Goals",
        "list",
        "What they want overall, one goal per line.",
        "Look good on a small budget",
    ),
    "persona.frustrations": (
        "Frustrations",
        "list",
        "What annoys them in general, one per line. Trouble in one "
        "stage belongs in that stage's pain points.",
        "Paying for returns",
    ),
}

#: Which part of a framework's stage description helps with which lane.
_HINT_SOURCES: dict[str, tuple[str, str]] = {
    "goal": ("goal", "In this framework the customer here usually wants to: {}."),
    "actions": ("actions", "Typical actions in this stage: {}."),
    "touchpoints": ("touchpoints", "Typical touchpoints in this stage: {}."),
    "emotion_score": ("emotions", "Feelings that often come up here: {}."),
    "emotion_words": ("emotions", "Feelings that often come up here: {}."),
    "business_activities": ("business_activities", "What businesses often do here: {}."),
}


def stage_hint(stage: FrameworkStage | None, lane_key: str) -> str:
    """A hint for *lane_key* drawn from the framework's description of *stage*.

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
    if stage is None or lane_key not in _HINT_SOURCES:
        return ""
    attribute, template = _HINT_SOURCES[lane_key]
    value = getattr(stage, attribute)
    text = value if isinstance(value, str) else ", ".join(value)
    return template.format(text.rstrip(".")) if text else ""


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


def _note(text: str, colour: str, size: int = 12) -> str:
    return (
        f"<div style='font-size:{size}px;line-height:1.35;color:{colour};"
        f"white-space:normal'>{html.escape(text)}</div>"
    )


class Field:
    """One labelled input of the editor (base class).

    Parameters
    ----------
    key : str
        ``"title"``, ``"persona.<field>"`` or ``"<stage>.<lane>"``.
    label, help, hint : str
        Shown above and under the input.
    on_edit : callable
        Called as ``on_edit(field, value)`` when the learner changes the input.
    """

    #: The lane kind used to compare what the box shows with the map's value.
    normal_kind = "goal"

    def __init__(self, key: str, label: str, help: str, hint: str, on_edit: EditHandler) -> None:
        self.key = key
        self.on_edit = on_edit
        self._showing = False
        self._problem: str | None = None
        self.input = self._make_input()
        self.problem = widgets.HTML(layout=widgets.Layout(display="none"))
        notes = [widgets.HTML(_note(help, MUTED))]
        if hint:
            notes.append(widgets.HTML(_note(hint, MUTED, 11)))
        self.box = widgets.VBox(
            [*self._heading(label), self.input, self.problem, *notes],
            layout=widgets.Layout(margin="0 0 10px 0", min_width="0"),
        )
        self.box.add_class("jk-field")
        self.box.add_class(css_name(key))

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
            return normalize_lane_value(self.normal_kind, self.read(), self.key) == value
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
    """One line of text (a goal, a name, a title)."""

    def __init__(
        self,
        key: str,
        label: str,
        help: str,
        hint: str,
        on_edit: EditHandler,
        example: str = "",
        long: bool = False,
    ) -> None:
        self._example = example
        self._long = long
        super().__init__(key, label, help, hint, on_edit)

    def _make_input(self) -> widgets.Widget:
        kind = widgets.Textarea if self._long else widgets.Text
        box = kind(
            placeholder=f"e.g. {self._example}" if self._example else "",
            layout=widgets.Layout(width="auto"),
        )
        if self._long:
            box.rows = 2
        box.observe(self._edited, "value")
        return box

    def read(self) -> str:
        return self.input.value

    def _write(self, value: Any) -> None:
        self.input.value = value or ""


class ListField(Field):
    """A list lane: one item per line in a text box."""

    normal_kind = "actions"

    def __init__(
        self, key: str, label: str, help: str, hint: str, on_edit: EditHandler, example: str = ""
    ) -> None:
        self._example = example
        super().__init__(key, label, help, hint, on_edit)

    def _make_input(self) -> widgets.Widget:
        box = widgets.Textarea(
            rows=3,
            layout=widgets.Layout(width="auto"),
            placeholder=(
                f"e.g. {self._example}\n(one per line)" if self._example else "one per line"
            ),
        )
        box.observe(self._edited, "value")
        return box

    def read(self) -> str:
        return self.input.value

    def _write(self, value: Any) -> None:
        self.input.value = "\n".join(value or [])


class ScoreField(Field):
    """The emotion score: a 1-to-5 slider, its meaning in words, and a "scored" tick box.

    A stage starts without a score; moving the slider (or ticking the box) gives
    it one, and clearing the tick box takes it away again.
    """

    normal_kind = "emotion_score"

    def _make_input(self) -> widgets.Widget:
        self.scored = widgets.Checkbox(
            value=False, description="scored", indent=False, layout=widgets.Layout(width="auto")
        )
        self.slider = widgets.IntSlider(
            value=3,
            min=SCORE_MIN,
            max=SCORE_MAX,
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
        self.scored.description = f"{label}: scored"
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
            f"<b>{score}</b> · {SCORE_LABELS[score]}"
            if score is not None
            else "<i>not scored yet: move the slider</i>"
        )
        self.readout.value = f"<span style='margin:0 12px'>{text}</span>"


def lane_field(
    stage: str, lane: FieldSpec, framework_stage: FrameworkStage | None, on_edit: EditHandler
) -> Field:
    """The field for *lane* of *stage*, with the lane's help and the framework's hint.

    Examples
    --------
    >>> from journeykit.catalogue import lane
    >>> field = lane_field("Convert", lane("touchpoints"), None, lambda f, v: None)
    >>> field.key, type(field).__name__
    ('Convert.touchpoints', 'ListField')
    """
    key = f"{stage}.{lane.key}"
    hint = stage_hint(framework_stage, lane.key)
    if lane.kind == "score":
        return ScoreField(key, lane.label, lane.help, hint, on_edit)
    if lane.kind == "text":
        return TextField(key, lane.label, lane.help, hint, on_edit, example=lane.example)
    return ListField(key, lane.label, lane.help, hint, on_edit, example=lane.example)


def persona_field(key: str, on_edit: EditHandler) -> Field:
    """The field for the map title or a persona field (keys of :data:`PERSONA_FIELDS`)."""
    label, kind, help_text, example = PERSONA_FIELDS[key]
    if kind == "list":
        return ListField(key, label, help_text, "", on_edit, example=example)
    return TextField(key, label, help_text, "", on_edit, example=example, long=kind == "long text")
