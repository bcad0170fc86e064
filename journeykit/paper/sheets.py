"""Sheets of paper: their sizes, the page that holds them, and printing it to PDF.

A printout is one offline page (:func:`journeykit.export.html_page.standalone_page`,
the page code of the HTML export, plotly.js inside) holding one ``<section>`` per
sheet, each exactly the printable area of an A4 or A3 landscape sheet. The machine's
Chromium opens it, waits until every figure is drawn and prints it with the sheet
size the page's CSS asks for (:func:`journeykit.chromium.print_pages`, which prints
the decks' handouts too).
"""

from __future__ import annotations

import html
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..chromium import PrintFailed, print_pages
from ..errors import JourneyMapError, Problem
from ..export.html_page import figure_div, standalone_page
from ..model import write_bytes_atomic

#: CSS pixels per millimetre (CSS has 96 pixels to the inch).
PX_PER_MM = 96 / 25.4
#: The sheet's margin on every side, in millimetres (most printers print to 5 mm).
MARGIN_MM = 10
#: Wall-clock limit for drawing and printing one printout (seconds).
TIMEOUT_S = 120

_READY = """(async () => {
  await document.fonts.ready;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const figures = [...document.querySelectorAll(".plot .plotly-graph-div")];
  const missing = figures.filter((div) => !div.querySelector(".main-svg")).length;
  return missing ? `${missing} figure(s) were not drawn` : "";
})()"""


@dataclass(frozen=True)
class Paper:
    """A sheet size, landscape: its name and its size in millimetres.

    Examples
    --------
    >>> paper("a3").content_px
    (1511, 1046)
    >>> paper("A4").content_px
    (1046, 718)
    """

    name: str
    width_mm: float
    height_mm: float

    @property
    def content_px(self) -> tuple[int, int]:
        """Width and height inside the margins, in CSS pixels (rounded down)."""
        return (
            int((self.width_mm - 2 * MARGIN_MM) * PX_PER_MM),
            int((self.height_mm - 2 * MARGIN_MM) * PX_PER_MM),
        )


#: The sheets ``journeykit print`` knows, landscape.
PAPERS = {"A4": Paper("A4", 297, 210), "A3": Paper("A3", 420, 297)}


def paper(name: str) -> Paper:
    """The sheet called *name* (``"A4"`` or ``"A3"``, in any case)."""
    found = PAPERS.get(str(name).strip().upper())
    if found is None:
        raise JourneyMapError(
            [
                Problem(
                    "size",
                    f"{name!r} is not a paper size the kit prints on",
                    "use " + " or ".join(PAPERS),
                )
            ]
        )
    return found


@cache
def paper_css() -> str:
    """The printout's stylesheet (package data in ``journeykit/paper/templates``)."""
    return (
        resources.files(__package__).joinpath("templates").joinpath("paper.css").read_text("utf-8")
    )


def figure_sheet(figure: dict[str, Any], div_id: str, *, zoom: float = 1.0) -> str:
    """A figure (plotly JSON) as a static picture for a sheet, drawn *zoom* times its size."""
    import plotly.graph_objects as go

    div = figure_div(go.Figure(figure), div_id, config={"staticPlot": True}, fixed=True)
    return div.replace('<div class="plot">', f'<div class="plot" style="zoom:{zoom:g}">', 1)


def sheets_page(title: str, sheets: list[str], size: Paper) -> str:
    """The whole page to print: each of *sheets* (HTML) on a sheet of its own."""
    width, height = size.content_px
    css = paper_css() + (
        f"\n@page {{ size: {size.name} landscape; margin: {MARGIN_MM}mm; }}\n"
        f".sheet {{ width: {width}px; height: {height}px; }}\n"
    )
    body = "".join(f'<section class="sheet">{sheet}</section>' for sheet in sheets)
    return standalone_page(title, css, f'<main class="paper">{body}</main>')


def sheet_note(text: str) -> str:
    """A line of small print at the foot of a sheet (escaped)."""
    return f'<p class="sheet-note">{html.escape(text)}</p>'


def print_page(page: str, target: str | Path) -> Path:
    """Print *page* (HTML from :func:`sheets_page`) to the PDF *target* with Chromium.

    Raises
    ------
    JourneyMapError
        No Chromium is installed, it could not print, or *target* cannot be written.
    """
    target = Path(target)
    with tempfile.TemporaryDirectory(prefix="journeykit-print-") as folder:
        source = Path(folder) / "printout.html"
        source.write_text(page, encoding="utf-8")
        printed: list[bytes] = []
        try:
            print_pages(
                [source],
                _READY,
                lambda index, data: printed.append(data),
                purpose="printing to PDF",
                timeout=TIMEOUT_S,
            )
        except PrintFailed as failure:
            raise JourneyMapError(
                [
                    Problem(
                        "",
                        f"the browser could not print ({failure.detail})",
                        "try again; if it fails again, export the map as HTML and print "
                        "that page from the browser",
                    )
                ],
                source=str(target),
            ) from None
    if target.parent != Path():
        target.parent.mkdir(parents=True, exist_ok=True)
    return write_bytes_atomic(target, printed[0])
