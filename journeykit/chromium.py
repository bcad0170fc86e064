"""Find the machine's Chromium, for PNG figures, PDF handouts and browser tests.

The kit never downloads a browser: it uses the one installed on the machine
(Google Chrome, Debian's ``chromium`` package, Microsoft Edge, Brave...), found
the way kaleido finds it, by choreographer's search (the ``PATH``, the Windows
registry, the usual install folders of each system). Set ``JOURNEYKIT_CHROMIUM``
to a browser's path to choose one explicitly.
"""

from __future__ import annotations

import os
from pathlib import Path

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
