"""nbconvert preprocessors that make a notebook ready for an offline reveal.js deck.

Our template (``journeykit/slides/templates/journeykit_reveal/conf.json``) runs them in
this order, before nbconvert's own reveal preprocessor groups cells into slides:

1. :class:`SlideCellsPreprocessor` drops ``skip`` cells, keeps speaker notes that
   come before the first slide, makes sure the first slide shows the notebook's
   title, and points links to other notebooks at their decks.
2. :class:`WidgetPreprocessor` replaces live widgets (which need a kernel) with
   their saved state, another stored rendering, or a short note.
3. :class:`PlotlyPreprocessor` turns stored plotly figures into HTML drawn by the
   shared, local plotly.js.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell

from ..figures import plot_map
from ..model import MAP_MIME, embedded_map
from .figure_html import PLOTLY_MIME, figure_html
from .widget_pictures import WIDGET_VIEW_MIME, render_widget, stored_widget_state, widget_fallback

#: The slide types JupyterLab offers ("-" continues the current slide).
SLIDE_TYPES = ("slide", "subslide", "fragment", "-", "skip", "notes")
HIDDEN_TYPES = frozenset({"skip", "notes"})

_HEADING = re.compile(r"^#\s+(?P<title>\S.*?)\s*#*\s*$", re.MULTILINE)
#: A Markdown link to a notebook by relative path (not https: or any scheme): ``](05_x.ipynb)``.
_NOTEBOOK_LINK = re.compile(
    r"\]\((?P<target>(?![a-zA-Z][\w+.-]*:)[^()\s]+?)\.ipynb"
    r"(?P<anchor>#[^()\s]*)?\)"
)


def slide_type(cell: NotebookNode) -> str:
    """The slide type a cell asks for; ``"-"`` when it has none.

    Examples
    --------
    >>> from nbformat.v4 import new_markdown_cell
    >>> slide_type(new_markdown_cell("hi", metadata={"slideshow": {"slide_type": "notes"}}))
    'notes'
    >>> slide_type(new_markdown_cell("hi"))
    '-'
    """
    slideshow = cell.get("metadata", {}).get("slideshow") or {}
    return str(slideshow.get("slide_type") or "-") if isinstance(slideshow, dict) else "-"


def _set_slide_type(cell: NotebookNode, value: str) -> None:
    cell.setdefault("metadata", {}).setdefault("slideshow", {})["slide_type"] = value


def notebook_title(nb: NotebookNode, fallback: str) -> str:
    """The notebook's title: its first ``# heading``, else ``metadata.title``, else *fallback*.

    Examples
    --------
    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> notebook_title(new_notebook(cells=[new_markdown_cell("# 04 · Five stages")]), "x")
    '04 · Five stages'
    >>> notebook_title(new_notebook(), "04_five_stages")
    '04 · Five stages'
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown" and slide_type(cell) not in HIDDEN_TYPES:
            match = _HEADING.search(cell.source)
            if match:
                return match.group("title")
    title = nb.get("metadata", {}).get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    number, _, words = fallback.partition("_")
    if number.isdigit() and words:
        return f"{number} · {words.replace('_', ' ').capitalize()}"
    return fallback.replace("_", " ")


def deck_links(markdown: str) -> str:
    """Point relative links to notebooks at the decks built beside them.

    Examples
    --------
    >>> deck_links("[Next](05_eight_stage.ipynb) or [web](https://x.org/a.ipynb)")
    '[Next](05_eight_stage.slides.html) or [web](https://x.org/a.ipynb)'
    """
    return _NOTEBOOK_LINK.sub(
        lambda m: f"]({m.group('target')}.slides.html{m.group('anchor') or ''})", markdown
    )


class SlideCellsPreprocessor(Preprocessor):
    """Prepare cells for slides: skipped cells, early notes, the title slide, links.

    Writes ``resources["journeykit"]["deck_title"]`` and marks the first shown
    cell with ``metadata.journeykit_first_slide`` (the template puts the course
    title above it).
    """

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        kit = resources.setdefault("journeykit", {})
        title = notebook_title(nb, resources.get("metadata", {}).get("name") or "Slides")
        kit["deck_title"] = title
        cells = [cell for cell in nb.cells if slide_type(cell) != "skip"]
        first = next(
            (i for i, cell in enumerate(cells) if slide_type(cell) not in HIDDEN_TYPES), None
        )
        if first is not None:
            # Notes before the first slide would fall outside every slide: move them in.
            early_notes, cells = cells[:first], cells[first:]
            if not (cells[0].cell_type == "markdown" and _HEADING.search(cells[0].source)):
                if slide_type(cells[0]) in {"slide", "subslide"}:
                    _set_slide_type(cells[0], "-")
                cells.insert(
                    0,
                    new_markdown_cell(
                        f"# {escape(title)}", metadata={"slideshow": {"slide_type": "slide"}}
                    ),
                )
            cells[0].metadata["journeykit_first_slide"] = True
            cells[1:1] = early_notes
        for cell in cells:
            if cell.cell_type == "markdown":
                cell.source = deck_links(cell.source)
        nb.cells = cells
        return nb, resources


class WidgetPreprocessor(Preprocessor):
    """Replace widget views, which need a kernel, with something a deck can show.

    In order of preference: the widget drawn from the state saved in the
    notebook; for the kit's editor, a picture of its map (:func:`editor_picture`);
    another rendering stored with the output (HTML, an image, a plotly figure);
    a short note saying the widget is live in JupyterLab. The saved widget state
    itself is then dropped from the deck.
    """

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        models = stored_widget_state(nb.get("metadata", {}))
        folder = notebook_folder(resources)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                view = data.pop(WIDGET_VIEW_MIME, None)
                if view is None:
                    continue
                drawn = render_widget(str(view.get("model_id", "")), models)
                if drawn is None:
                    drawn = editor_picture(data, folder)
                if drawn is not None:
                    data.clear()
                    data["text/html"] = drawn
                elif not set(data) - {"text/plain", MAP_MIME}:
                    data["text/html"] = widget_fallback(data)
                data.pop(MAP_MIME, None)
        nb.metadata.pop("widgets", None)
        return nb, resources


def editor_picture(data: dict[str, Any], notebook_dir: Path | None) -> str | None:
    """A picture of an editor whose widget state was not saved: its map, drawn as a figure.

    The editor's output carries its map (:mod:`journeykit.model.embedded`); the
    map file, when it is still there, has what the learner typed since the cell ran.

    Examples
    --------
    >>> import journeykit as jk
    >>> from journeykit.model import embed
    >>> html = editor_picture(embed(jk.example("clothing-store"), None), None)
    >>> 'class="jk-plotly"' in html, "Online clothing store" in html
    (True, True)
    """
    journey_map = embedded_map(data, notebook_dir)
    if journey_map is None:
        return None
    title = escape(journey_map.title or "Untitled map")
    caption = (
        f'<p class="jk-editor-picture">A picture of the editor: <b>{title}</b>, '
        "as saved when this page was made. Open the notebook to edit it.</p>"
    )
    return caption + figure_html(plot_map(journey_map).to_plotly_json())


class PlotlyPreprocessor(Preprocessor):
    """Turn stored plotly figures into HTML that the deck's local plotly.js draws.

    Sets ``resources["journeykit"]["figures"]`` to the number of figures, so
    the template loads plotly.js only for decks that have one.
    """

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        count = 0
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if PLOTLY_MIME in data:
                    data["text/html"] = figure_html(data.pop(PLOTLY_MIME))
                # figures made here, and those drawn from widget state before
                count += str(data.get("text/html", "")).count('class="jk-plotly"')
        resources.setdefault("journeykit", {})["figures"] = count
        return nb, resources


def notebook_folder(resources: dict[str, Any]) -> Path | None:
    """The folder of the notebook being converted (nbconvert's ``metadata.path``), if known."""
    path = (resources.get("metadata") or {}).get("path")
    return Path(path) if path else None
