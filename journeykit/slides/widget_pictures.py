"""Static pictures of ipywidgets for slide decks, from the widget state a notebook stored.

A deck has no kernel, so a live widget cannot run in it. When the notebook was
saved with its widget state, :func:`render_widget` draws what the widget
showed: the values of controls, the contents of boxes and tabs, the outputs of
an ``Output`` widget, and the figure of a plotly ``FigureWidget`` or of the
editor's live preview. All text is escaped; only an ``HTML`` widget's own value
is kept as HTML, as in JupyterLab.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from .figure_html import PLOTLY_MIME, figure_html, notice_html

WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"

_REF = "IPY_MODEL_"
#: The editor's live preview (``journeykit.editing.live_plot.LivePlot``): its state holds
#: the figure the page showed, as plotly JSON.
LIVE_PLOT = "journeykit.editing.live_plot.LivePlot"
#: ipywidgets' own text repr, ``VBox(children=(...`` or ``Button()``, often cut short with "…".
_DEFAULT_REPR = re.compile(r"^[A-Za-z_]\w*\((\w+=|\))")
_MAX_DEPTH = 20

State = Mapping[str, Any]
_Children = Callable[[State], list[str]]
_Render = Callable[[State, _Children], str]


def stored_widget_state(notebook_metadata: Mapping[str, Any]) -> dict[str, State]:
    """``{model_id: {"model_name": ..., "state": {...}}}`` saved in a notebook, or ``{}``.

    Examples
    --------
    >>> meta = {"widgets": {WIDGET_STATE_MIME: {"state": {"m1": {"model_name": "LabelModel",
    ...         "state": {"value": "hi"}}}}}}
    >>> stored_widget_state(meta)["m1"]["state"]["value"]
    'hi'
    >>> stored_widget_state({})
    {}
    """
    saved = (notebook_metadata.get("widgets") or {}).get(WIDGET_STATE_MIME) or {}
    models = saved.get("state") or {}
    return {key: value for key, value in models.items() if isinstance(value, Mapping)}


def render_widget(model_id: str, models: Mapping[str, Any]) -> str | None:
    """HTML for the widget *model_id*, or ``None`` when its state was not saved.

    Examples
    --------
    >>> models = {
    ...     "box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_d"]}},
    ...     "d": {"model_name": "DropdownModel", "state": {"description": "Stage", "index": 1,
    ...           "_options_labels": ["Awareness", "Purchase"]}},
    ... }
    >>> print(render_widget("box", models).replace("><", ">\\n<"))
    <div class="jk-widget jk-widget-vbox">
    <div class="jk-widget jk-widget-control">
    <span class="jk-widget-label">Stage</span> <span class="jk-widget-value">Purchase</span>
    </div>
    </div>
    >>> render_widget("gone", models) is None
    True
    """
    if model_id not in models:
        return None
    return _Renderer(models).render(model_id, 0)


class _Renderer:
    def __init__(self, models: Mapping[str, Any]) -> None:
        self.models = models

    def render(self, model_id: str, depth: int) -> str:
        model = self.models.get(model_id)
        if model is None or depth > _MAX_DEPTH:
            return ""
        state = model.get("state") or {}
        if "_widget_data" in state:  # a plotly FigureWidget (anywidget)
            return figure_html(
                {"data": state.get("_widget_data"), "layout": state.get("_widget_layout")}
            )
        if state.get("_anywidget_id") == LIVE_PLOT and isinstance(state.get("figure"), Mapping):
            return figure_html(state["figure"])  # the editor's preview, as the page showed it

        def children(of: State) -> list[str]:
            refs = of.get("children") or []
            return [self.render(str(ref).removeprefix(_REF), depth + 1) for ref in refs]

        return _RENDERERS.get(str(model.get("model_name", "")), _generic)(state, children)


def _control(label: object, value: object) -> str:
    label_html = f'<span class="jk-widget-label">{escape(str(label))}</span> ' if label else ""
    return (
        f'<div class="jk-widget jk-widget-control">{label_html}'
        f'<span class="jk-widget-value">{escape(str(value))}</span></div>'
    )


def _box(kind: str) -> _Render:
    def render(state: State, children: _Children) -> str:
        return f'<div class="jk-widget jk-widget-{kind}">{"".join(children(state))}</div>'

    return render


def _tabs(state: State, children: _Children) -> str:
    titles = list(state.get("titles") or [])
    parts = []
    for index, child in enumerate(children(state)):
        title = titles[index] if index < len(titles) and titles[index] else f"Tab {index + 1}"
        parts.append(
            f'<div class="jk-widget-tab"><div class="jk-widget-tab-title">'
            f"{escape(str(title))}</div>{child}</div>"
        )
    return f'<div class="jk-widget jk-widget-tabs">{"".join(parts)}</div>'


def _selected(state: State, children: _Children) -> str:
    labels = list(state.get("_options_labels") or [])
    index = state.get("index")
    indexes = index if isinstance(index, list) else [index]
    chosen = [str(labels[i]) for i in indexes if isinstance(i, int) and 0 <= i < len(labels)]
    return _control(state.get("description"), ", ".join(chosen) or "(nothing chosen)")


def _valued(state: State, children: _Children) -> str:
    value = state.get("value")
    if isinstance(value, list):
        value = " to ".join(map(str, value))
    elif isinstance(value, bool):
        value = "yes" if value else "no"
    return _control(state.get("description"), "" if value is None else value)


def _label(state: State, children: _Children) -> str:
    return f'<div class="jk-widget jk-widget-label">{escape(str(state.get("value", "")))}</div>'


def _html(state: State, children: _Children) -> str:
    return f'<div class="jk-widget jk-widget-html">{state.get("value", "")}</div>'


def _button(state: State, children: _Children) -> str:
    return (
        f'<div class="jk-widget"><span class="jk-widget-button">'
        f"{escape(str(state.get('description', '')))}</span></div>"
    )


def _output(state: State, children: _Children) -> str:
    parts = [output_html(output) for output in state.get("outputs") or []]
    return f'<div class="jk-widget jk-widget-output">{"".join(parts)}</div>'


def _generic(state: State, children: _Children) -> str:
    if "children" in state:
        return _box("vbox")(state, children)
    if "value" in state:
        return _valued(state, children)
    return ""


def output_html(output: Mapping[str, Any]) -> str:
    """A stored notebook output (as an ``Output`` widget keeps them) as HTML.

    Examples
    --------
    >>> output_html({"output_type": "stream", "name": "stdout", "text": "a < b\\n"})
    '<pre>a &lt; b\\n</pre>'
    >>> output_html({"output_type": "display_data", "data": {"text/plain": "42"}})
    '<pre>42</pre>'
    """
    if output.get("output_type") == "stream":
        return f"<pre>{escape(_text(output.get('text')))}</pre>"
    if output.get("output_type") == "error":
        error = f"{output.get('ename', '')}: {output.get('evalue', '')}"
        return f"<pre>{escape(error)}</pre>"
    data = output.get("data") or {}
    if PLOTLY_MIME in data:
        return figure_html(data[PLOTLY_MIME])
    if "text/html" in data:
        return _text(data["text/html"])
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            return f'<img src="data:{mime};base64,{escape(_text(data[mime]).strip())}" alt="">'
    if "text/plain" in data:
        return f"<pre>{escape(_text(data['text/plain']))}</pre>"
    return ""


def _text(value: object) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


_RENDERERS: dict[str, _Render] = {
    **{name: _box("vbox") for name in ("VBoxModel", "BoxModel", "GridBoxModel")},
    "HBoxModel": _box("hbox"),
    **{name: _tabs for name in ("TabModel", "AccordionModel", "StackModel")},
    **{
        name: _selected
        for name in (
            "DropdownModel",
            "RadioButtonsModel",
            "SelectModel",
            "ToggleButtonsModel",
            "SelectMultipleModel",
            "SelectionSliderModel",
            "SelectionRangeSliderModel",
        )
    },
    "LabelModel": _label,
    "HTMLModel": _html,
    "HTMLMathModel": _html,
    "ButtonModel": _button,
    "OutputModel": _output,
}


def widget_fallback(data: Mapping[str, Any]) -> str:
    """The note shown where a live widget stood and no saved state can draw it.

    The widget's own ``text/plain`` is shown when it says something a person can
    read; ipywidgets' default (``VBox(children=(...``) is left out.

    Examples
    --------
    >>> "Editor for shop.json" in widget_fallback({"text/plain": "Editor for shop.json"})
    True
    >>> "children" in widget_fallback({"text/plain": "VBox(children=(Label(value='x'),))"})
    False
    >>> "Dropdown" in widget_fallback({"text/plain": "HBox(children=(Dropdown(index=2, optio…"})
    False
    >>> "Button" in widget_fallback({"text/plain": "Button()"})
    False
    """
    text = _text(data.get("text/plain")).strip()
    default_repr = _DEFAULT_REPR.match(text) is not None
    return notice_html(
        "Live widget: open this notebook in JupyterLab to use it.", "" if default_repr else text
    )
