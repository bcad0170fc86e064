"""Redraw a live plotly ``FigureWidget`` in place, sending only what changed.

The editor's preview is one ``FigureWidget`` made once. On every change the
kit's figure function draws a fresh :class:`plotly.graph_objects.Figure`, and
:func:`update_in_place` copies across only the trace and layout properties
that differ, inside one ``batch_update``: the browser receives a single small
message and plotly restyles the existing plot instead of building a new one,
so nothing flickers. Only when the kind of traces changes (switching from the
map to the emotion curve) are the traces replaced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import plotly.graph_objects as go

#: Keys plotly manages itself; never copied from a fresh figure.
_OWN_KEYS = frozenset({"type", "uid"})


def changed_properties(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The top-level properties to send so that *old* becomes *new*.

    Properties missing from *new* are reset with ``None``.

    Examples
    --------
    >>> changed_properties({"x": [1], "name": "a", "text": "t"}, {"x": [1], "name": "b"})
    {'text': None, 'name': 'b'}
    """
    removed = {key: None for key in old if key not in new and key not in _OWN_KEYS}
    updated = {key: value for key, value in new.items()
               if key not in _OWN_KEYS and old.get(key) != value}
    return {**removed, **updated}


def update_in_place(widget: go.FigureWidget, figure: go.Figure) -> int:
    """Make *widget* show *figure* without re-creating it; return how many properties changed.

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> live = go.FigureWidget(go.Figure(go.Scatter(x=[1, 2], y=[3, 4])))
    >>> update_in_place(live, go.Figure(go.Scatter(x=[1, 2], y=[3, 5])))
    1
    >>> live.data[0].y
    (3, 5)
    >>> update_in_place(live, go.Figure(go.Bar(x=["a"], y=[1])))  # new trace kind: replaced
    1
    >>> live.data[0].type
    'bar'
    """
    with widget.batch_update():
        count = _update_traces(widget, figure)
        layout = changed_properties(widget.layout.to_plotly_json(),
                                    figure.layout.to_plotly_json())
        if layout:
            widget.layout.update(layout, overwrite=True)
    return count + len(layout)


def _update_traces(widget: go.FigureWidget, figure: go.Figure) -> int:
    if [trace.type for trace in widget.data] != [trace.type for trace in figure.data]:
        widget.data = []
        widget.add_traces(figure.data)
        return len(figure.data)
    count = 0
    for live, fresh in zip(widget.data, figure.data, strict=True):
        changes = changed_properties(live.to_plotly_json(), fresh.to_plotly_json())
        if changes:
            live.update(changes, overwrite=True)
            count += len(changes)
    return count


def fix_title_after_first_draw(widget: go.FigureWidget) -> None:
    """Lay *widget*'s title out again each time a new view of it is put on the page.

    A ``FigureWidget`` view draws its plot before the plot is on the page, and
    plotly.js then measures the title as empty, so the subtitle lands on top of
    the title. When the browser reports the view displayed (its ``_view_count``
    goes up), an invisible layout change (``title.pad.b`` between unset and 0)
    makes plotly.js lay the title out again, now measured properly.

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> titled = go.Figure(layout={"title": {"text": "T", "subtitle": {"text": "s"}}})
    >>> live = go.FigureWidget(titled)
    >>> fix_title_after_first_draw(live)
    >>> live._view_count = 1  # what the browser reports when it shows the widget
    >>> live.layout.title.pad.b
    0
    """
    def shown(change: dict[str, Any]) -> None:
        if (change["new"] or 0) > (change["old"] or 0):
            pad = widget.layout.title.pad
            pad.b = None if pad.b == 0 else 0

    widget.observe(shown, names="_view_count")
