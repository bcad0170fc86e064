"""What a room's kernel does before it builds a page: skip a grammar, log tracebacks, answer lean.

The editor's preview draws plotly figures; importing plotly's figure widget imports
``plotly.io._renderers``, then ``nbformat``, then ``jsonschema``, whose format
checks import ``rfc3987_syntax`` when it is installed (Jupyter Server's own
dependencies install it), and that module builds a parser for the URI grammar
at import time, which costs most of the CPU of importing ``FigureWidget``, once in
each participant's kernel while the room fills. A room's kernel only runs the room's
app and never checks a URI against a JSON schema, so it marks the module as missing, and
``jsonschema`` goes without that one format check, as it does wherever the
module is not installed.

An exception in a widget's callback becomes an ``error`` message to the page;
the room's servers strip its traceback (:mod:`.connection`: it names the
laptop's install paths), so the kernel writes the whole traceback to its own
standard error, which is the room's log, for the facilitator.

A page that connects asks the kernel for every widget's state at once
(``request_states`` on the widget manager's control channel). ipywidgets 8.1
answers by computing every state twice (once for nothing) and sends each
trait of each widget, defaults included: about a megabyte for a participant's
editor, which the kernel encodes and signs, the server relays and the page
parses, forty times over when a class joins at once. A room's kernel answers
the same request with each state computed once, and, for ipywidgets' own
widgets, without the traits that still hold their default: a page fills those
in from the same defaults, as it does for widgets embedded in an HTML page
(:func:`answer_state_requests_lean`). Widgets of other packages (plotly's
figure, the kit's own anywidget pieces) keep every trait.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any

#: The widget model modules whose defaults a page knows (ipywidgets' own JavaScript).
CORE_WIDGET_MODULES = frozenset({"@jupyter-widgets/base", "@jupyter-widgets/controls"})


def prepare_kernel() -> None:
    """Leave out ``rfc3987_syntax`` in this process (only if nothing imported it yet), and
    copy every traceback the kernel shows to its standard error (the room's log)."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    answer_state_requests_lean()
    try:
        from IPython import get_ipython
    except ImportError:  # not in a kernel
        return
    shell = get_ipython()
    show = getattr(shell, "_showtraceback", None)
    if show is None or getattr(show, "logs_to_stderr", False):
        return

    def show_and_log(etype: Any, evalue: Any, stb: Any) -> Any:
        lines = traceback.format_exception(etype, evalue, sys.exc_info()[2])
        print("".join(lines), file=sys.__stderr__, flush=True)
        return show(etype, evalue, stb)

    show_and_log.logs_to_stderr = True  # type: ignore[attr-defined]
    shell._showtraceback = show_and_log


def answer_state_requests_lean() -> None:
    """Answer a page's ``request_states`` with each state computed once, core defaults left out.

    See the module notes. Other messages on the control channel go to ipywidgets as before.

    Examples
    --------
    >>> import ipywidgets as widgets
    >>> answer_state_requests_lean()
    >>> text = widgets.Text(value="Ana")
    >>> sorted(widget_states()[text.model_id]["state"])
    ['_dom_classes', 'layout', 'style', 'value']
    >>> len(text.get_state())  # what ipywidgets itself sends
    18
    """
    from ipywidgets.widgets import widget as widget_module

    handler = widget_module.Widget._handle_control_comm_msg
    if getattr(handler, "answers_lean", False):
        return
    original = handler.__func__

    def handle_control_message(cls: type[Any], msg: dict[str, Any]) -> None:
        data = msg["content"]["data"]
        if data.get("method") != "request_states" or cls._control_comm is None:
            original(cls, msg)
            return
        states, buffer_paths, buffers = widget_module._remove_buffers(widget_states())
        cls._control_comm.send(
            {"method": "update_states", "states": states, "buffer_paths": buffer_paths},
            buffers=buffers,
        )

    handle_control_message.answers_lean = True  # type: ignore[attr-defined]
    widget_module.Widget._handle_control_comm_msg = classmethod(handle_control_message)


def widget_states() -> dict[str, dict[str, Any]]:
    """Every live widget's state, keyed by model id, defaults left out for ipywidgets' own.

    A widget that still holds a closed one (a box whose child was closed) has no state
    a page could build; it is left out rather than failing the whole answer, which
    would leave the page empty.
    """
    from ipywidgets.widgets import widget as widget_module

    states = {}
    for widget in list(widget_module._instances.values()):
        lean = widget._model_module in CORE_WIDGET_MODULES
        try:
            state = widget.get_state(drop_defaults=lean)
        except AttributeError:  # it refers to a closed widget (no comm, no model id)
            continue
        states[widget.model_id] = {
            "model_name": widget._model_name,
            "model_module": widget._model_module,
            "model_module_version": widget._model_module_version,
            "state": state,
        }
    return states
