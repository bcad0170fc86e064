"""Find the machine's Chromium, for PNG figures, PDF handouts and browser tests.

The kit never downloads a browser: it uses the one installed on the machine
(Debian's ``chromium`` package, Google Chrome, or Microsoft Edge on Windows).
Set ``JOURNEYKIT_CHROMIUM`` to a browser's path to choose one explicitly.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from .errors import JourneyMapError, Problem

#: Flags for a headless Chromium on a closed network (no background fetches).
HEADLESS_ARGS: tuple[str, ...] = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
)

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
          "msedge")
_WINDOWS_PATHS = (
    r"Google\Chrome\Application\chrome.exe",
    r"Microsoft\Edge\Application\msedge.exe",
    r"Chromium\Application\chrome.exe",
)
_MAC_PATHS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
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
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    candidates: list[Path] = []
    if sys.platform == "win32":
        for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)"),
                     os.environ.get("LOCALAPPDATA")):
            if root:
                candidates += [Path(root) / rel for rel in _WINDOWS_PATHS]
    elif sys.platform == "darwin":
        candidates += [Path(p) for p in _MAC_PATHS]
    return next((p for p in candidates if p.exists()), None)


def require_chromium(purpose: str) -> Path:
    """Like :func:`find_chromium`, but raise a helpful error when none is installed."""
    path = find_chromium()
    if path is None:
        raise JourneyMapError([Problem(
            "browser", f"{purpose} needs Chromium, Google Chrome or Microsoft Edge, "
            "and none was found on this computer",
            "install one (Debian/Ubuntu: sudo apt-get install chromium; Windows and macOS: "
            "install Google Chrome), or set JOURNEYKIT_CHROMIUM to the browser's path")])
    return path
