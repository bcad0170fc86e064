"""Print decks to PDF handouts with the machine's Chromium (no download, no network).

reveal.js lays a deck out for paper, one slide per page at the slide's size
(a tall slide runs onto a second page), when its address ends in
``?print-pdf``. The deck's script then draws every plotly figure and resolves
``window.journeykitSlides.ready``; only then is the page printed, through the
DevTools protocol (``Page.printToPDF``). The browser is driven with
``choreographer``, the library kaleido uses to drive the same Chromium, so
nothing new is installed (:func:`journeykit.chromium.print_pages`).
(``chromium --print-to-pdf`` was tried first: it prints before reveal.js has
finished its print layout, often as one blank page.)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from ..chromium import PrintFailed, print_pages, require_chromium
from ..errors import JourneyMapError, Problem

#: Wall-clock limit for laying out and printing one deck (seconds).
TIMEOUT_S = 120

_WAIT_FOR_DECK = """(async () => {
  if (!window.journeykitSlides) { return "this page is not a JourneyKit deck"; }
  await window.journeykitSlides.ready;
  return "";
})()"""

_FIX = (
    "open the deck in Chrome or Edge, add ?print-pdf to the address, and print to PDF by "
    "hand (Ctrl+P, margins: none, background graphics: on)"
)


def pdf_path(deck: Path) -> Path:
    """Where the PDF of a deck goes: beside it, ``NAME.pdf`` for ``NAME.slides.html``.

    Examples
    --------
    >>> pdf_path(Path("decks/04_five_stages.slides.html")).as_posix()
    'decks/04_five_stages.pdf'
    """
    return deck.with_name(deck.name.removesuffix(".html").removesuffix(".slides") + ".pdf")


def print_pdfs(
    decks: Sequence[Path], on_printed: Callable[[Path], None] | None = None
) -> list[Path]:
    """Print each deck to :func:`pdf_path` with one Chromium; return the PDF paths.

    Parameters
    ----------
    decks : sequence of Path
        Decks built by :func:`journeykit.build_deck`.
    on_printed : callable, optional
        Called with each PDF's path once it is written.

    Raises
    ------
    JourneyMapError
        No Chromium is installed, or it could not print a deck.
    """
    require_chromium("printing slides to PDF")
    decks = list(decks)
    written: list[Path] = []

    def save(index: int, data: bytes) -> None:
        pdf = pdf_path(decks[index])
        _write_bytes(pdf, data)
        written.append(pdf)
        (on_printed or (lambda path: None))(pdf)

    try:
        print_pages(
            decks,
            _WAIT_FOR_DECK,
            save,
            query="?print-pdf",
            purpose="printing slides to PDF",
            timeout=TIMEOUT_S,
        )
    except PrintFailed as failure:
        raise _failed(pdf_path(decks[failure.index]), failure.detail) from None
    return written


def _write_bytes(target: Path, data: bytes) -> None:
    """Write *data* beside *target*, then swap it in, so a reader never sees half a PDF."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise _failed(target, exc.strerror or str(exc)) from None


def _failed(pdf: Path, detail: str) -> JourneyMapError:
    return JourneyMapError(
        [Problem("", f"the browser could not print the deck to PDF ({detail})", _FIX)],
        source=str(pdf),
    )
