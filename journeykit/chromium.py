"""Find the machine's Chromium, for PNG figures, PDF handouts and browser tests.

The kit never downloads a browser: it uses the one installed on the machine
(Google Chrome, Debian's ``chromium`` package, Microsoft Edge, Brave...), found
the way kaleido finds it, by choreographer's search (the ``PATH``, the Windows
registry, the usual install folders of each system). Set ``JOURNEYKIT_CHROMIUM``
to a browser's path to choose one explicitly.

:func:`print_pages` prints local web pages to PDF with that browser (the decks'
handouts, ``journeykit print``).
"""

from __future__ import annotations

import asyncio
import base64
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .errors import JourneyMapError, Problem

#: Flags for a headless Chromium on a closed network (no background fetches).
HEADLESS_ARGS: tuple[str, ...] = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def find_chromium() -> Path | None:
    """The path of an installed Chromium-family browser, or ``None``.

    Examples
    --------
    >>> path = find_chromium()
    >>> path is None or path.exists()
    True
    """
    chosen = os.environ.get("JOURNEYKIT_CHROMIUM")
    if chosen:
        return Path(chosen) if Path(chosen).exists() else None
    try:
        from choreographer.browsers.chromium import Chromium
    except ImportError:  # choreographer comes with kaleido; without it, no search
        return None
    found = Chromium.find_browser(skip_local=True)  # never a browser choreographer fetched
    return Path(found) if found else None


def require_chromium(purpose: str) -> Path:
    """Like :func:`find_chromium`, but raise a helpful error when none is installed."""
    path = find_chromium()
    if path is None:
        raise JourneyMapError(
            [
                Problem(
                    "browser",
                    f"{purpose} needs Chromium, Google Chrome or Microsoft Edge, "
                    "and none was found on this computer",
                    "install one (Debian/Ubuntu: sudo apt-get install chromium; Windows and macOS: "
                    "install Google Chrome), or set JOURNEYKIT_CHROMIUM to the browser's path",
                )
            ]
        )
    return path


class PrintFailed(Exception):
    """Chromium could not print page number :attr:`index` of a :func:`print_pages` call."""

    def __init__(self, index: int, detail: str) -> None:
        super().__init__(detail)
        self.index = index
        self.detail = detail


def print_pages(
    pages: Sequence[Path],
    ready: str,
    on_printed: Callable[[int, bytes], None],
    *,
    query: str = "",
    purpose: str = "printing to PDF",
    timeout: float = 120,
) -> None:
    """Print each local HTML file of *pages* to PDF with the machine's Chromium, one tab.

    Each page is opened (its address followed by *query*), then *ready*, a script
    whose promise resolves to ``""`` once the page is laid out (or to a sentence
    saying why it cannot be printed), is awaited, and the page is printed with the
    page size its CSS asks for (``@page``), backgrounds included. *on_printed* gets
    the page's index and the PDF's bytes. The browser is driven through the
    DevTools protocol with ``choreographer``, the library kaleido drives the same
    Chromium with, so nothing new is installed and nothing is downloaded. The decks'
    PDF handouts and ``journeykit print`` both print here.

    Raises
    ------
    JourneyMapError
        When no Chromium is installed.
    PrintFailed
        When a page says it cannot be printed, takes longer than *timeout* seconds,
        or the browser fails; ``index`` names the page.
    """
    browser = require_chromium(purpose)
    _run_async(_print_all(browser, list(pages), ready, on_printed, query, timeout))


def _run_async(coroutine: Any) -> Any:
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

    thread = threading.Thread(target=worker, name="journeykit-print")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


async def _print_all(
    browser_path: Path,
    pages: list[Path],
    ready: str,
    on_printed: Callable[[int, bytes], None],
    query: str,
    timeout: float,
) -> None:
    import choreographer

    done = 0
    try:
        async with choreographer.Browser(path=str(browser_path), headless=True) as browser:
            tab = await browser.create_tab("")
            await tab.send_command("Page.enable")
            for index, page in enumerate(pages):
                try:
                    data = await asyncio.wait_for(
                        _print_one(tab, page.resolve().as_uri() + query, ready), timeout
                    )
                except asyncio.TimeoutError:
                    raise PrintFailed(index, f"no answer within {timeout:g} s") from None
                except _NotReady as reason:
                    raise PrintFailed(index, str(reason)) from None
                on_printed(index, data)
                done += 1
    except PrintFailed:
        raise
    except Exception as exc:  # the browser failed to start or crashed
        raise PrintFailed(done, f"{type(exc).__name__}: {exc}") from None


class _NotReady(Exception):
    """The page's own script says it cannot be printed."""


async def _print_one(tab: Any, url: str, ready: str) -> bytes:
    loaded = tab.subscribe_once("Page.loadEventFired")
    await _command(tab, "Page.navigate", url=url)
    await loaded
    answer = await _command(
        tab, "Runtime.evaluate", expression=ready, awaitPromise=True, returnByValue=True
    )
    problem = answer.get("exceptionDetails") or answer.get("result", {}).get("value")
    if problem:
        raise _NotReady(str(problem))
    printed = await _command(tab, "Page.printToPDF", preferCSSPageSize=True, printBackground=True)
    return base64.b64decode(printed["data"])


async def _command(tab: Any, method: str, **params: Any) -> dict[str, Any]:
    response = await tab.send_command(method, params=params)
    if "error" in response:
        raise RuntimeError(f"{method}: {response['error']}")
    return dict(response.get("result") or {})
