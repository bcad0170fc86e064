"""The editor's live preview: a plotly figure drawn in the page, redrawn with ``Plotly.react``.

:class:`LivePlot` is a small anywidget. The kit's figure functions still draw
every figure (one source of truth); :meth:`LivePlot.show` turns the fresh
figure into plotly JSON and compares it with the last one shown:

* the first figure, or one with other kinds of traces (switching from the map
  to the emotion curve), goes to the page whole, as the widget's state;
* otherwise only a patch goes, in one message: for each trace, and for the
  layout, the top-level properties that changed, and of a list property only
  the items that changed (typing a touchpoint changes one cell's text, the
  label of a layout shape, and its hover text). The page applies it and calls
  ``Plotly.react``, which skips the properties that kept their old objects and
  redraws a changed shape alone. Nothing comes back.

A patch that changes only the layout, and the hover text of traces, keeps the
hover text apart (``"hover"``): the page draws the rest at once and the hover
text once typing pauses (``HOVER_PAUSE_MS`` in live_plot.js). Plotly.react
recomputes and redraws every trace when any list of a trace changes, so this way
the typed text shows without that redraw, and the hover box, which nobody reads
while typing, costs one redraw of the traces per pause instead of one per keystroke.

plotly.js is the one in the installed plotly package, loaded once per page. When
the server serves it (``journeykit lab`` and the workshop room do: :mod:`journeykit.lab`)
the page fetches it from there, as a file the browser caches, and the kernel never
sends it (in a room, a page asking for it again and again must not make the server
hold megabytes per request); otherwise the page asks the kernel for it once, over
the widget's own channel. No CDN, ever.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anywidget
import traitlets

from ..lab import PLOTLY_URL_VARIABLE, plotly_static_dir

if TYPE_CHECKING:
    import plotly.graph_objects as go

#: Keys plotly manages itself; never compared or sent.
_OWN_KEYS = frozenset({"type", "uid"})
#: Trace properties seen only in the hover box (drawn after the rest, see the module notes).
HOVER_PROPERTIES = frozenset({"hovertext", "hovertemplate"})


def changed_properties(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The top-level properties to send so that *old* becomes *new*.

    Properties missing from *new* are reset with ``None``.

    Examples
    --------
    >>> changed_properties({"x": [1], "name": "a", "text": "t"}, {"x": [1], "name": "b"})
    {'text': None, 'name': 'b'}
    """
    removed = {key: None for key in old if key not in new and key not in _OWN_KEYS}
    updated = {
        key: value for key, value in new.items() if key not in _OWN_KEYS and old.get(key) != value
    }
    return {**removed, **updated}


def changed_items(old: object, new: object) -> dict[int, Any] | None:
    """The items of list *new* that differ from list *old*, when that is worth sending alone.

    None when they are not two lists of one length, or when half or more changed.

    Examples
    --------
    >>> changed_items(["a", "b", "c"], ["a", "B", "c"])
    {1: 'B'}
    >>> changed_items(["a", "b"], ["A", "B"]) is None, changed_items("ab", "aB") is None
    (True, True)
    """
    if not isinstance(old, list) or not isinstance(new, list) or len(old) != len(new):
        return None
    items = {
        index: value
        for index, (before, value) in enumerate(zip(old, new, strict=True))
        if before != value
    }
    return items if 2 * len(items) < len(new) else None


def trace_patch(
    old: dict[str, Any], new: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, dict[int, Any]]]:
    """What to send so that trace (or layout) *old* becomes *new*: whole properties, and
    single items of list properties (typing in one cell changes one item of the texts).

    Examples
    --------
    >>> trace_patch({"text": ["a", "b", "c"], "name": "x"}, {"text": ["a", "B", "c"], "name": "y"})
    ({'name': 'y'}, {'text': {1: 'B'}})
    """
    whole = changed_properties(old, new)
    items = {
        key: found
        for key in list(whole)
        if (found := changed_items(old.get(key), whole[key])) is not None
    }
    return {key: value for key, value in whole.items() if key not in items}, items


def hover_part(changes: dict[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Take the :data:`HOVER_PROPERTIES` out of *changes* (by trace), return them (by trace).

    Examples
    --------
    >>> changes = {0: {"hovertext": {3: "new"}, "x": [1]}, 1: {"hovertext": {0: "b"}}}
    >>> hover_part(changes), changes
    ({0: {'hovertext': {3: 'new'}}, 1: {'hovertext': {0: 'b'}}}, {0: {'x': [1]}})
    """
    taken = {}
    for index in list(changes):
        hover = {
            key: changes[index].pop(key) for key in list(changes[index]) if key in HOVER_PROPERTIES
        }
        if hover:
            taken[index] = hover
        if not changes[index]:
            del changes[index]
    return taken


def merged(
    changes: dict[int, dict[str, Any]], more: dict[int, dict[str, Any]]
) -> dict[int, dict[str, Any]]:
    """*changes* and *more* (both by trace) as one.

    Examples
    --------
    >>> merged({0: {"x": [1]}}, {0: {"hovertext": ["a"]}, 2: {"hovertext": ["b"]}})
    {0: {'x': [1], 'hovertext': ['a']}, 2: {'hovertext': ['b']}}
    """
    return {
        index: {**changes.get(index, {}), **more.get(index, {})}
        for index in sorted({*changes, *more})
    }


def figure_json(fig: go.Figure | dict[str, Any]) -> dict[str, Any]:
    """*fig* as plotly JSON (``{"data": [...], "layout": {...}}``), as the page gets it.

    A figure given as plotly JSON already (a dict) is returned as it is.
    """
    if isinstance(fig, dict):
        return fig
    return json.loads(fig.to_json(validate=False, engine="json"))


@cache
def plotly_bundle() -> bytes:
    """The installed plotly package's ``plotly.min.js``."""
    folder = plotly_static_dir()
    if folder is None:  # plotly itself is missing: the editor could not draw a figure either
        raise FileNotFoundError("plotly.min.js is not in the installed plotly package")
    return (folder / "plotly.min.js").read_bytes()


class LivePlot(anywidget.AnyWidget):
    """A plotly figure in the page that :meth:`show` redraws in place.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure or dict, optional
        The figure shown first, as a figure or as plotly JSON (see :meth:`show`).

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> live = LivePlot(go.Figure(go.Scatter(x=[1, 2], y=[3, 4])))
    >>> live.show(go.Figure(go.Scatter(x=[1, 2], y=[3, 5])))  # one property: a patch
    1
    >>> live.data[0].y
    (3, 5)
    >>> live.show(go.Figure(go.Bar(x=["a"], y=[1])))  # other kinds of traces: sent whole
    1
    >>> live.figure["data"][0]["type"]
    'bar'
    >>> live
    LivePlot(1 trace)
    """

    _esm = Path(__file__).with_name("live_plot.js")
    #: The figure as plotly JSON, sent whole when a view is made or the kinds of traces
    #: change; between those the page keeps it up to date from the patches.
    figure = traitlets.Dict().tag(sync=True)
    #: plotly.js's config, given to the first drawing only.
    config = traitlets.Dict({"displaylogo": False}).tag(sync=True)
    #: Where the server serves plotly.js, relative to the page's base URL ("" if nowhere).
    plotly_url = traitlets.Unicode("").tag(sync=True)

    def __init__(self, fig: go.Figure | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("plotly_url", os.environ.get(PLOTLY_URL_VARIABLE, ""))
        super().__init__(**kwargs)
        self._fig: go.Figure | dict[str, Any] | None = None
        self._shown: dict[str, Any] = {"data": [], "layout": {}}  # what the page shows
        self.on_msg(self._answer)
        if fig is not None:
            self.show(fig)

    @property
    def data(self) -> tuple[Any, ...]:
        """The traces of the figure shown last."""
        return self._figure().data if self._fig is not None else ()

    @property
    def layout(self) -> Any:
        """The layout of the figure shown last."""
        return self._figure().layout if self._fig is not None else None

    def _figure(self) -> go.Figure:
        """The figure shown last as a plotly figure (made, and checked, when first asked for)."""
        if isinstance(self._fig, dict):
            import plotly.graph_objects as go

            self._fig = go.Figure(self._fig)
        return self._fig

    @property
    def shown(self) -> dict[str, Any]:
        """What the page shows, as plotly JSON."""
        return self._shown

    def show(self, fig: go.Figure | dict[str, Any]) -> int:
        """Show *fig* in place of the figure shown now; return how many properties were sent.

        *fig* is a plotly figure, or plotly JSON that plotly.py would accept as it is (the
        editor's map, :func:`journeykit.figures.journey_map.map_json`: checking a figure
        costs more than drawing it). The dict is kept as what the page shows: do not
        change it afterwards.
        """
        new, old = figure_json(fig), self._shown
        self._fig, self._shown = fig, new
        if [t.get("type") for t in new["data"]] != [t.get("type") for t in old["data"]]:
            self.figure = new
            return len(new["data"])
        traces: dict[int, dict[str, Any]] = {}
        items: dict[int, dict[str, dict[int, Any]]] = {}
        for index, (before, after) in enumerate(zip(old["data"], new["data"], strict=True)):
            whole, some = trace_patch(before, after)
            if whole:
                traces[index] = whole
            if some:
                items[index] = some
        layout, layout_items = trace_patch(old["layout"], new["layout"])
        count = sum(map(len, [*traces.values(), *items.values()])) + len(layout) + len(layout_items)
        if not count:
            return 0
        patch: dict[str, Any] = {"kind": "patch", "layout": layout, "layout_items": layout_items}
        hover_traces, hover_items = hover_part(traces), hover_part(items)
        if (layout or layout_items) and not traces and not items:
            patch["hover"] = {"traces": hover_traces, "items": hover_items}
        else:  # traces change anyway: the hover text is drawn with them
            traces, items = merged(traces, hover_traces), merged(items, hover_items)
        self.send({**patch, "traces": traces, "items": items})
        return count

    def _answer(self, _widget: LivePlot, content: object, _buffers: list[bytes]) -> None:
        kind = content.get("kind") if isinstance(content, dict) else None
        if kind == "hello":  # a new view: bring the state up to date (sent only if it differs)
            self.figure = self._shown
        elif kind == "send-plotly" and not self.plotly_url:  # the server does not serve it
            self.send({"kind": "plotly"}, buffers=[plotly_bundle()])

    def __repr__(self) -> str:
        count = len(self._shown["data"])
        return f"LivePlot({count} trace{'' if count == 1 else 's'})"
