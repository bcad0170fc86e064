"""What ``journeykit print`` prints: a blank canvas, saved maps, persona cards.

Each function lays its sheets out with the kit's own figures and page code
(:mod:`.sheets`) and prints them to one PDF with the machine's Chromium:

* :func:`print_canvas`: the blank canvas of a framework, every lane with its prompt
  (:mod:`journeykit.figures.canvas`), on as many sheets as the lanes need to leave
  room to write;
* :func:`print_map`: saved maps, each as its map figure, cut between lanes or stages
  (:func:`journeykit.figures.journey_map.map_parts`) when it does not fit one sheet at
  a size read from a wall;
* :func:`print_personas`: persona cards, two to a sheet: those of saved maps, or
  blank ones with each persona field's prompt and lines to write on.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..catalogue import get_framework, schema
from ..export.html_page import persona_html
from ..figures.canvas import canvas_sheets
from ..figures.journey_map import map_json, map_parts
from ..model import JourneyMap, load_map
from .sheets import Paper, figure_sheet, paper, print_page, sheet_note, sheets_page

#: How much larger than on screen a saved map is printed (its text 13 px on screen):
#: read at arm's length on A4, from a step away on a wall on A3.
MAP_ZOOM = {"A4": 1.15, "A3": 1.6}
#: Height kept for the line of small print under a figure, in CSS pixels.
NOTE_PX = 24
#: Height of the line to write the business, persona, team and date on, in CSS pixels.
WRITE_IN_PX = 40
#: Ruled lines for writing, by kind of persona field.
CARD_LINES = {"text": 2, "list": 5, "score": 1, "choice": 1}
#: Persona cards on one sheet, side by side.
CARDS_PER_SHEET = 2


def print_canvas(
    framework: str,
    path: str | Path,
    *,
    size: str = "A4",
    lanes: Sequence[str] | None = None,
) -> Path:
    """Print a blank journey canvas of *framework* to the PDF *path*; return its path.

    Stages are the columns and the lanes the rows, each with a one-sentence prompt;
    a line at the top is left for the business, the persona, the team and the date.
    When the lanes would be too narrow to write in on one sheet they are shared out
    over two or more, each with the stage headings (tape them one under the other).

    Parameters
    ----------
    framework : str
        A framework id (``journeykit frameworks`` lists them).
    path : str or Path
        The PDF to write.
    size : {"A4", "A3"}
        The sheet, landscape. A3 fits every lane on one sheet.
    lanes : sequence of str, optional
        The lanes to print, by key (``"emotion"`` for the emotion band), in the map's
        order; every lane by default.

    Raises
    ------
    JourneyMapError
        Unknown framework, size or lane; no Chromium; *path* cannot be written.
    """
    sheet_size = paper(size)
    width, height = sheet_size.content_px
    fw = get_framework(framework)
    figures = canvas_sheets(fw.id, width, height - WRITE_IN_PX, lanes)
    sheets = [
        _write_in_line(("Business", "Persona", "Team", "Date"))
        + figure_sheet(figure, f"jk-canvas-{i}")
        for i, figure in enumerate(figures, 1)
    ]
    return print_page(sheets_page(f"Journey canvas · {fw.name}", sheets, sheet_size), path)


def print_map(
    maps: JourneyMap | str | Path | Iterable[JourneyMap | str | Path],
    path: str | Path,
    *,
    size: str = "A4",
) -> Path:
    """Print saved maps (maps or their files) to the PDF *path*, each from a new sheet.

    A map is drawn as its map figure (:func:`journeykit.plot_map`), larger than on
    screen (:data:`MAP_ZOOM`); when it does not fit one sheet it is cut between lanes
    (or, for many stages, between stages) over several sheets, each part under the
    stage headings and beside the lane labels.

    Raises
    ------
    JourneyMapError
        A file that does not load (with its problems); unknown size; no Chromium.
    """
    sheet_size = paper(size)
    loaded = _maps(maps)
    sheets = []
    for number, journey_map in enumerate(loaded, 1):
        sheets += _map_sheets(journey_map, sheet_size, f"jk-map-{number}")
    title = loaded[0].title if len(loaded) == 1 else f"{len(loaded)} journey maps"
    return print_page(sheets_page(title or "Journey map", sheets, sheet_size), path)


def _map_sheets(journey_map: JourneyMap, size: Paper, prefix: str) -> list[str]:
    width, height = size.content_px
    zoom = MAP_ZOOM[size.name]
    whole = map_json(journey_map, width=int(width / zoom), interactive=False)
    parts = map_parts(whole, width, height - NOTE_PX, zoom=zoom)
    name = journey_map.title or "Journey map"
    return [
        figure_sheet(part, f"{prefix}-{i}", zoom=zoom)
        + sheet_note(
            f"{name} · sheet {i} of {len(parts)}"
            + (": put the sheets side by side or one under the other" if len(parts) > 1 else "")
        )
        for i, part in enumerate(parts, 1)
    ]


def print_personas(
    maps: Iterable[JourneyMap | str | Path] = (),
    path: str | Path = "personas.pdf",
    *,
    size: str = "A4",
    blank: int = 0,
) -> Path:
    """Print persona cards to the PDF *path*, two to a sheet: the persona of each map in
    *maps*, then *blank* empty cards (two when no map is given) with each persona
    field's prompt and lines to write on.

    Raises
    ------
    JourneyMapError
        A file that does not load; unknown size; no Chromium.
    """
    sheet_size = paper(size)
    loaded = _maps(maps) if maps else []
    cards = [_filled_card(m) for m in loaded]
    cards += [_blank_card()] * (blank or (0 if loaded else CARDS_PER_SHEET))
    sheets = [
        '<div class="cards">' + "".join(cards[i : i + CARDS_PER_SHEET]) + "</div>"
        for i in range(0, len(cards), CARDS_PER_SHEET)
    ]
    zoom = MAP_ZOOM[sheet_size.name] / MAP_ZOOM["A4"]
    sheets = [f'<div class="zoomed" style="zoom:{zoom:g}">{sheet}</div>' for sheet in sheets]
    return print_page(sheets_page("Persona cards", sheets, sheet_size), path)


def _filled_card(journey_map: JourneyMap) -> str:
    """The persona of *journey_map* as the HTML export shows it, with the map it is from."""
    source = html.escape(journey_map.title or "a journey map")
    return (
        '<div class="card">'
        + persona_html(journey_map.persona)
        + f'<p class="card-source">From the map: {source}</p></div>'
    )


def _blank_card() -> str:
    """An empty persona card: each persona field's label, prompt and lines to write on."""
    blocks = []
    for spec in schema().scope("persona"):
        lines = '<div class="line"></div>' * CARD_LINES[spec.kind]
        blocks.append(
            f"<div><h3>{html.escape(spec.label)}</h3>"
            f'<p class="prompt">{html.escape(spec.help)}</p>{lines}</div>'
        )
    sketch = '<div class="sketch">Sketch or photo</div>'
    return (
        '<div class="card blank"><section class="persona"><h2>Persona</h2>'
        + sketch
        + "".join(blocks)
        + "</section></div>"
    )


def _write_in_line(labels: Sequence[str]) -> str:
    """A line of labelled blanks to write on (the business, the team, ...)."""
    return (
        '<div class="write-in">'
        + "".join(f"<span><b>{html.escape(label)}:</b><i></i></span>" for label in labels)
        + "</div>"
    )


def _maps(maps: JourneyMap | str | Path | Iterable[JourneyMap | str | Path]) -> list[JourneyMap]:
    """Maps and map files as maps (a file that does not load raises its problems)."""
    items = [maps] if isinstance(maps, (JourneyMap, str, Path)) else list(maps)
    return [m if isinstance(m, JourneyMap) else load_map(m) for m in items]
