"""nbconvert preprocessors that make a notebook ready for an offline reveal.js deck.

Our template (``journeykit/slides/templates/journeykit_reveal/conf.json``) runs them in
this order, before nbconvert's own reveal preprocessor groups cells into slides:

1. :class:`SlideCellsPreprocessor` drops ``skip`` cells, keeps speaker notes that
   come before the first slide, makes sure the first slide shows the notebook's
   title, and points links to other notebooks at their decks.
2. :class:`WidgetPreprocessor` replaces live widgets (which need a kernel) with
   their saved state, another stored rendering (an editor: a picture of its map),
   or a short note.
3. :class:`MapSlidesPreprocessor` (decks only) sets each journey map at a size read
   from the back of a room, and cuts one too big for a slide over several slides.
4. :class:`PlotlyPreprocessor` turns stored plotly figures into HTML drawn by the
   shared, local plotly.js.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_output

from ..figures.journey_map import map_json, map_parts
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
            outputs = []
            for output in cell.get("outputs", []):
                outputs.append(output)
                data = output.get("data", {})
                view = data.pop(WIDGET_VIEW_MIME, None)
                if view is None:
                    continue
                drawn = render_widget(str(view.get("model_id", "")), models)
                picture = None if drawn is not None else editor_picture(data, folder)
                if picture is not None:  # the caption, then the map as a figure of its own
                    data.clear()
                    data["text/html"] = picture[0]
                    outputs.append(new_output("display_data", data={PLOTLY_MIME: picture[1]}))
                elif drawn is not None:
                    data.clear()
                    data["text/html"] = drawn
                elif not set(data) - {"text/plain", MAP_MIME}:
                    data["text/html"] = widget_fallback(data)
                data.pop(MAP_MIME, None)
            if "outputs" in cell:
                cell.outputs = outputs
        nb.metadata.pop("widgets", None)
        return nb, resources


def editor_picture(
    data: dict[str, Any], notebook_dir: Path | None
) -> tuple[str, dict[str, Any]] | None:
    """A picture of an editor whose widget state was not saved: a caption (HTML) and its
    map drawn as a figure (plotly JSON), or None when the output carries no map.

    The editor's output carries its map (:mod:`journeykit.model.embedded`); the
    map file, when it is still there, has what the learner typed since the cell ran.

    Examples
    --------
    >>> import journeykit as jk
    >>> from journeykit.model import embed
    >>> caption, figure = editor_picture(embed(jk.example("clothing-store"), None), None)
    >>> "Online clothing store" in caption, figure["layout"]["meta"]["journeykit"]["figure"]
    (True, 'map')
    >>> "hover" in figure["layout"]["title"]["subtitle"]["text"]   # a picture: no hovering
    False
    """
    journey_map = embedded_map(data, notebook_dir)
    if journey_map is None:
        return None
    title = escape(journey_map.title or "Untitled map")
    caption = (
        f'<p class="jk-editor-picture">A picture of the editor: <b>{title}</b>, '
        "as saved when this page was made. Open the notebook to edit it.</p>"
    )
    return caption, map_json(journey_map, interactive=False)


#: A journey map on a slide is drawn this many times its notebook size: its cell text, 13 px
#: in a notebook, is then 19.5 px on a 1280 x 720 slide (18.7 px on a 1280 x 720 screen,
#: which reveal.js fits the slide into with its margin).
MAP_SLIDE_ZOOM = 1.5
#: Width and height a slide leaves its content, in slide pixels (1280 x 720 less padding).
SLIDE_ROOM = (1240, 680)
#: A map stays on its slide only when the cells above it take at most this many slide
#: pixels (a line of code); otherwise it goes to slides of its own. Heights above are
#: estimated from text, and an estimate 100 px short shrank a map part that shared a
#: slide with a paragraph back to 10 px type.
MAX_ABOVE = 60.0


class MapSlidesPreprocessor(Preprocessor):
    """Journey maps set large enough to read from the back of a room, each slide no taller
    than the screen (decks only; a hand-in page shows the map whole).

    A map figure (plotly JSON whose ``layout.meta`` says it is a map, from
    :func:`journeykit.plot_map` or a picture of an editor) is drawn
    :data:`MAP_SLIDE_ZOOM` times its size. When that is more than a slide holds, the
    map is cut between lanes (or stages) by
    :func:`~journeykit.figures.journey_map.map_parts`, each part a slide of its own under
    the stage headings, titled "part k of n", right after the map's own slide (whose
    other cells and speaker notes stay with it). A map below more than a line of code
    leaves a note on its slide and follows on slides of its own (the first part stays
    only below a bare line of code, :data:`MAX_ABOVE`).
    """

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        cells: list[NotebookNode] = []
        following: list[NotebookNode] = []  # map parts, shown once their slide has ended
        slide_start = 0
        for cell in nb.cells:
            if slide_type(cell) in {"slide", "subslide"}:
                cells.extend(following)
                following = []
                slide_start = len(cells)
            cells.append(cell)
            above = sum(estimated_height(c) for c in cells[slide_start:-1]) + estimated_height(
                cell, outputs=False
            )
            for output in cell.get("outputs", []):
                figure = output.get("data", {}).get(PLOTLY_MIME)
                if not _is_map(figure):
                    continue
                parts = slide_parts(figure, SLIDE_ROOM[1] - above)
                if parts[0] is None:  # no room left on this slide: every part follows
                    output["data"] = {"text/html": _follows_note(len(parts) - 1)}
                else:
                    output["data"][PLOTLY_MIME] = parts[0]
                following.extend(_part_cell(part) for part in parts[1:] if part is not None)
                break
        nb.cells = cells + following
        return nb, resources


def _is_map(figure: Any) -> bool:
    meta = (figure or {}).get("layout", {}).get("meta") if isinstance(figure, dict) else None
    return isinstance(meta, dict) and (meta.get("journeykit") or {}).get("figure") == "map"


def slide_parts(figure: dict[str, Any], room: float) -> list[dict[str, Any] | None]:
    """*figure* (a map) cut for slides: the first part fits *room* pixels of height, the
    others a whole slide; each drawn :data:`MAP_SLIDE_ZOOM` times its size. The first is
    None when *room* is too small for any part (all of them then follow)."""
    width, height = SLIDE_ROOM
    first = room if room >= height - MAX_ABOVE else None
    parts: list[dict[str, Any] | None] = list(
        map_parts(figure, width, height, zoom=MAP_SLIDE_ZOOM, first_height=first)
    )
    if first is None:
        parts.insert(0, None)
    for part in parts:
        if part is not None:
            part["layout"]["meta"]["journeykit"]["zoom"] = MAP_SLIDE_ZOOM
    return parts


def _part_cell(part: dict[str, Any]) -> NotebookNode:
    """A slide of its own holding one part of a map (a cell with no code shown)."""
    cell = new_code_cell(
        "",
        metadata={"slideshow": {"slide_type": "subslide"}, "transient": {"remove_source": True}},
        outputs=[new_output("display_data", data={PLOTLY_MIME: part})],
    )
    return cell


def _follows_note(count: int) -> str:
    plural = "s" if count > 1 else ""
    return f'<p class="jk-map-follows">The map follows on the next slide{plural}.</p>'


#: Estimated heights on a slide, in slide pixels: a line of text, of code, and headings.
_TEXT_LINE, _CODE_LINE = 41.0, 30.0
_HEADING_PX = {1: 100.0, 2: 85.0, 3: 62.0, 4: 56.0}
#: Characters in a line of slide text, and of code.
_TEXT_CHARS, _CODE_CHARS = 72, 88


def estimated_height(cell: NotebookNode, outputs: bool = True) -> float:
    """About how many slide pixels *cell* takes, from its text (erring on the tall side):
    enough to know how much of a slide a figure below it has.

    Examples
    --------
    >>> from nbformat.v4 import new_markdown_cell, new_code_cell
    >>> estimated_height(new_markdown_cell("### The map\\n\\nOne short line."))
    121.0
    >>> estimated_height(new_code_cell("jk.plot_map(store)"))
    50.0
    """
    if slide_type(cell) in HIDDEN_TYPES:
        return 0.0
    if cell.cell_type == "markdown":
        return _markdown_height(cell.source)
    if cell.cell_type != "code":
        return 0.0
    hidden = (cell.get("metadata", {}).get("transient") or {}).get("remove_source")
    height = (
        0.0
        if hidden or not cell.source.strip()
        else 20.0 + _lines(cell.source, _CODE_CHARS) * _CODE_LINE
    )
    for output in cell.get("outputs", []) if outputs else []:
        text = output.get("text") or (output.get("data") or {}).get("text/plain") or ""
        height += _lines("".join(text), _CODE_CHARS) * _CODE_LINE
    return height


def _markdown_height(source: str) -> float:
    height = 0.0
    for block in re.split(r"\n\s*\n", source.strip()):
        heading = re.match(r"(#{1,6})\s", block)
        if heading:
            height += _HEADING_PX.get(len(heading.group(1)), 56.0)
            continue
        items = re.split(r"\n(?=\s*(?:[-*+]|\d+\.)\s)", block)
        height += sum(_lines(item, _TEXT_CHARS) * _TEXT_LINE for item in items) + 18.0
    return height


def _lines(text: str, width: int) -> int:
    return sum(max(1, -(-len(line) // width)) for line in text.splitlines() or [""])


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
