"""Print decks to PDF handouts with the machine's Chromium (no download, no network).

reveal.js lays a deck out for paper, one slide per page at the slide's size
(a tall slide runs onto a second page), when its address ends in
``?print-pdf``. The deck's script then draws every plotly figure and resolves
``window.journeykitSlides.ready``; only then is the page printed, through the
DevTools protocol (``Page.printToPDF``). The browser is driven with
``choreographer``, the library kaleido uses to drive the same Chromium, so
nothing new is installed. (``chromium --print-to-pdf`` was tried first: it
prints before reveal.js has finished its print layout, often as one blank page.)
"""

from __future__ import annotations

import asyncio
import base64
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..chromium import require_chromium
from ..errors import JourneyMapError, Problem

if TYPE_CHECKING:
    from collections.abc import Coroutine

    from choreographer import Tab

T = TypeVar("T")

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
    browser = require_chromium("printing slides to PDF")
    return _run_async(_print_all(browser, list(decks), on_printed or (lambda path: None)))


def _run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run *coroutine* to the end, also from inside Jupyter, whose event loop is running."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    outcome: dict[str, Any] = {}

    def worker() -> None:
        try:
            outcome["value"] = asyncio.run(coroutine)
        except BaseException as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=worker, name="journeykit-pdf")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


async def _print_all(
    browser_path: Path, decks: list[Path], on_printed: Callable[[Path], None]
) -> list[Path]:
    import choreographer

    written = []
    try:
        async with choreographer.Browser(path=str(browser_path), headless=True) as browser:
            tab = await browser.create_tab("")
            await tab.send_command("Page.enable")
            for deck in decks:
                pdf = pdf_path(deck)
                try:
                    data = await asyncio.wait_for(_print_one(tab, deck), TIMEOUT_S)
                except asyncio.TimeoutError:
                    raise _failed(pdf, f"no answer within {TIMEOUT_S} s") from None
                _write_bytes(pdf, data)
                written.append(pdf)
                on_printed(pdf)
    except JourneyMapError:
        raise
    except Exception as exc:  # the browser failed to start or crashed
        raise _failed(
            pdf_path(decks[len(written)]) if decks else Path(), f"{type(exc).__name__}: {exc}"
        ) from None
    return written


async def _print_one(tab: Tab, deck: Path) -> bytes:
    loaded = tab.subscribe_once("Page.loadEventFired")
    await _command(tab, "Page.navigate", url=deck.resolve().as_uri() + "?print-pdf")
    await loaded
    answer = await _command(
        tab, "Runtime.evaluate", expression=_WAIT_FOR_DECK, awaitPromise=True, returnByValue=True
    )
    problem = answer.get("exceptionDetails") or answer.get("result", {}).get("value")
    if problem:
        raise _failed(pdf_path(deck), str(problem))
    printed = await _command(tab, "Page.printToPDF", preferCSSPageSize=True, printBackground=True)
    return base64.b64decode(printed["data"])


async def _command(tab: Tab, method: str, **params: Any) -> dict[str, Any]:
    response = await tab.send_command(method, params=params)
    if "error" in response:
        raise RuntimeError(f"{method}: {response['error']}")
    return dict(response.get("result") or {})


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
