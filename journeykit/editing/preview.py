"""The editor's live preview: one figure in the page, redrawn in place as the map changes.

:class:`Preview` holds the view toggle (journey map or emotion curve), a line
for problems, and the figure widget (a :class:`~.live_plot.LivePlot`), made
once. Changes arrive faster than a figure can be drawn while a learner types,
so redraws are debounced: the first change draws at once, later ones within
:data:`REDRAW_DELAY` are merged into one redraw (:mod:`.live_plot` sends only
what changed, and the page redraws it with ``Plotly.react``).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..errors import JourneyMapError, Problem
from ..figures.theme import MUTED, PAIN, RULE
from .debounce import Debouncer

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from .live_plot import LivePlot

#: Seconds within which further changes are merged into one redraw of the preview.
REDRAW_DELAY = 0.1

#: The preview's views: id -> button label.
PREVIEWS: dict[str, str] = {
    "map": "Journey map",
    "emotions": "Emotion curve",
    "blueprint": "Service blueprint",
}


def status_html(text: str, colour: str = MUTED) -> str:
    """A line of status text as HTML (the text is escaped).

    Examples
    --------
    >>> status_html("Saved <now>")
    "<span style='color:#57606A;font-size:13px'>Saved &lt;now&gt;</span>"
    """
    return f"<span style='color:{colour};font-size:13px'>{html.escape(text)}</span>"


class Preview:
    """A live figure of a map that redraws itself when told the map changed.

    Parameters
    ----------
    figure : callable
        ``figure(kind)`` draws a fresh figure of the map for view *kind*
        (``"map"`` or ``"emotions"``): a plotly figure, or its plotly JSON
        (see :meth:`.live_plot.LivePlot.show`).
    kind : str, default "map"
        The view shown first.
    delay : float
        See :data:`REDRAW_DELAY`.

    Examples
    --------
    >>> import journeykit as jk
    >>> from journeykit.figures import plot_map
    >>> shop = jk.example("clothing-store")
    >>> preview = Preview(lambda kind: plot_map(shop))
    >>> preview.revision, preview.widget is not None
    (1, True)
    """

    def __init__(
        self,
        figure: Callable[[str], go.Figure | dict[str, Any]],
        *,
        kind: str = "map",
        delay: float = REDRAW_DELAY,
    ) -> None:
        self.figure = figure
        self.kind = kind
        self.revision = 0
        self.note = widgets.HTML()
        self.widget: LivePlot | None
        self._redraw = Debouncer(self.draw, delay, leading=True)
        toggle = widgets.ToggleButtons(
            options=[(label, key) for key, label in PREVIEWS.items()],
            value=kind,
            description="Preview:",
        )
        toggle.style.button_width = "auto"
        toggle.observe(lambda change: self.show(change["new"]), "value")
        try:
            from .live_plot import LivePlot
        except ImportError:  # the preview is an anywidget
            self.widget = None
            self.note.value = status_html(
                "The live preview needs the anywidget package: run  pip install anywidget  "
                "and restart the kernel. Editing and saving work without it.",
                PAIN,
            )
        else:
            self.widget = LivePlot(figure(kind))
            self.revision = 1
        box = widgets.Box(
            [self.widget] if self.widget else [],
            layout=widgets.Layout(overflow="auto", width="100%", border=f"1px solid {RULE}"),
        )
        box.add_class("jk-preview")
        self.parts: list[widgets.Widget] = [toggle, self.note, box]

    def show(self, kind: str) -> None:
        """Switch to view *kind* (``"map"``, ``"emotions"`` or ``"blueprint"``) and redraw now."""
        if kind not in PREVIEWS:
            raise JourneyMapError(
                [
                    Problem(
                        "preview",
                        f"there is no preview {kind!r}",
                        "use one of " + ", ".join(PREVIEWS),
                    )
                ]
            )
        self.kind = kind
        self._redraw.run()

    def changed(self) -> None:
        """The map changed: redraw soon (merged with other changes close by)."""
        self._redraw()

    def catch_up(self) -> None:
        """Draw a waiting redraw whose time has come (see :mod:`.debounce`)."""
        self._redraw.catch_up()

    def flush(self) -> None:
        """Draw a waiting redraw now."""
        self._redraw.flush()

    def cancel(self) -> None:
        """Drop a waiting redraw (the editor is closing or opening another map)."""
        self._redraw.cancel()

    def draw(self) -> None:
        """Redraw the figure in place; on failure keep the last drawing and say why."""
        if self.widget is None:
            return
        try:
            self.widget.show(self.figure(self.kind))
        except Exception as exc:  # keep the last good drawing and say why
            self.note.value = status_html(
                f"The preview could not be redrawn ({type(exc).__name__}: {exc}); "
                "your changes are still kept.",
                PAIN,
            )
            return
        self.note.value = ""
        self.revision += 1
