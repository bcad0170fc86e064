"""Take a journey map out of Jupyter: HTML, Markdown, CSV, Mermaid, PNG/SVG and JSON.

Each ``to_*`` function returns the text and, given a path, also writes the file
atomically (a crash never leaves half a file). :func:`export_map` picks the
format by name, as the ``journeykit export`` command does.

=========  ===========================================================  =========
format     what you get                                                 function
=========  ===========================================================  =========
html       one offline web page: persona, figures, table; prints as a   to_html
           landscape handout
md         Markdown: one table of lanes by stages, readable on GitHub   to_markdown
csv        tidy table, one row per stage, lane and item                 to_csv
mermaid    a Mermaid ``journey`` diagram                                to_mermaid
png, svg   an image of the map figure (drawn by the machine's Chromium) to_image
json       the save format                                              JourneyMap.save
=========  ===========================================================  =========

Examples
--------
>>> import journeykit as jk
>>> m = jk.example("clothing-store")
>>> to_mermaid(m).splitlines()[0]
'journey'
>>> to_csv(m).splitlines()[0]
'stage,lane,item'
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..chromium import require_chromium
from ..errors import JourneyMapError, Problem
from ..figures import plot_map
from ..model import JourneyMap, write_bytes_atomic, write_text_atomic
from .html_page import html_page
from .text import csv_text, markdown_text, mermaid_text, read_csv

if TYPE_CHECKING:
    import plotly.graph_objects as go

__all__ = [
    "FORMATS",
    "export_map",
    "read_csv",
    "to_csv",
    "to_html",
    "to_image",
    "to_markdown",
    "to_mermaid",
]

#: Export formats by name, with the file suffix each one gets.
FORMATS: dict[str, str] = {
    "html": ".html",
    "md": ".md",
    "csv": ".csv",
    "mermaid": ".mmd",
    "png": ".png",
    "svg": ".svg",
    "json": ".json",
}
_ALIASES = {"markdown": "md", "htm": "html", "mmd": "mermaid"}
#: Image formats :func:`to_image` can write.
IMAGE_FORMATS = ("png", "svg", "pdf")
#: Pixel density of PNG images: 2 keeps text sharp on slides and in print.
PNG_SCALE = 2


def _finish(text: str, path: str | Path | None) -> str:
    if path is not None:
        write_text_atomic(path, text)
    return text


def to_html(m: JourneyMap, path: str | Path | None = None) -> str:
    """A standalone web page of the map that works offline; also written to *path* if given.

    The page holds the persona, the emotion curve, the journey map figure and
    the map as a table. plotly.js is copied in from the installed plotly
    package (a few megabytes), so the page needs no network. Printing it (or
    saving as PDF) gives a landscape A4 handout.

    Examples
    --------
    >>> import journeykit as jk
    >>> page = to_html(jk.example("clothing-store"))
    >>> page.startswith("<!DOCTYPE html>"), page.count("<script src="), page.count("<link")
    (True, 0, 0)
    """
    return _finish(html_page(m), path)


def to_markdown(m: JourneyMap, path: str | Path | None = None) -> str:
    """The map as Markdown (title, persona, one table of lanes by stages); also written to *path*.

    Examples
    --------
    >>> import journeykit as jk
    >>> to_markdown(jk.example("clothing-store")).count("| **")
    12
    """
    return _finish(markdown_text(m), path)


def to_csv(m: JourneyMap, path: str | Path | None = None) -> str:
    """The tidy table (``stage, lane, item``) as CSV; also written to *path* if given.

    Cells that a spreadsheet would run as a formula get a leading ``'``;
    :func:`read_csv` reads the file back without it.

    Examples
    --------
    >>> import journeykit as jk
    >>> to_csv(jk.example("clothing-store")).count("\\n") == len(
    ...     jk.example("clothing-store").to_frame()) + 1
    True
    """
    return _finish(csv_text(m), path)


def to_mermaid(m: JourneyMap, path: str | Path | None = None) -> str:
    """A Mermaid ``journey`` diagram of the map; also written to *path* if given.

    Paste the text into a Markdown file on GitHub inside a ```` ```mermaid ````
    block, or into the Mermaid live editor, to see it drawn.

    Examples
    --------
    >>> import journeykit as jk
    >>> to_mermaid(jk.example("clothing-store")).count("    section ")
    5
    """
    return _finish(mermaid_text(m), path)


def image_format(path: Path, format: str | None) -> str:
    """The image format: *format* if given, else the file's suffix; checked."""
    chosen = (format or path.suffix.lstrip(".")).lower()
    if chosen not in IMAGE_FORMATS:
        raise JourneyMapError(
            [
                Problem(
                    "format",
                    f"cannot save an image as {chosen!r}"
                    if chosen
                    else "the file name has no suffix to tell the image format",
                    "end the file name with "
                    + ", ".join(f".{f}" for f in IMAGE_FORMATS)
                    + " or pass format='png'",
                )
            ],
            source=str(path),
        )
    return chosen


def to_image(
    fig_or_map: go.Figure | JourneyMap, path: str | Path, format: str | None = None
) -> Path:
    """Save a figure (or a map, drawn with :func:`journeykit.plot_map`) as PNG, SVG or PDF.

    Drawing uses kaleido with the Chromium (or Chrome, or Edge) installed on the
    computer; nothing is downloaded. The first image takes a few seconds while the
    browser starts.

    Parameters
    ----------
    fig_or_map : plotly Figure or JourneyMap
    path : str or Path
        Where to write; the suffix picks the format unless *format* is given.
    format : {"png", "svg", "pdf"}, optional

    Returns
    -------
    Path
        Where the image was saved. Raises :class:`JourneyMapError` when no
        browser is installed (saying how to get one) or the format is unknown.
    """
    target = Path(path)
    chosen = image_format(target, format)
    fig = fig_or_map
    if isinstance(fig_or_map, JourneyMap):
        fig = plot_map(fig_or_map, interactive=False)  # a picture: nothing to hover
    if not hasattr(fig, "to_plotly_json"):
        raise JourneyMapError(
            [
                Problem(
                    "figure",
                    f"expected a plotly figure or a journey map, got {type(fig_or_map).__name__}",
                    "pass a figure from journeykit.plot_map(...) "
                    "or another plot_* function, or a JourneyMap",
                )
            ]
        )
    browser = require_chromium(f"Saving a figure as {chosen.upper()}")
    data = render_image(fig, chosen, browser)
    if chosen == "svg":
        return write_text_atomic(target, data.decode("utf-8"))
    return write_bytes_atomic(target, data)


def render_image(fig: go.Figure, format: str, browser: Path) -> bytes:
    """The image bytes of *fig*, drawn by kaleido in the browser at *browser*.

    MathJax is switched off (kaleido would fetch it from a CDN) and plotly.js
    comes from the installed plotly package, so this works offline.
    """
    import kaleido

    layout = fig.layout
    options = {
        "format": format,
        "width": layout.width or 1100,
        "height": layout.height or 500,
        "scale": PNG_SCALE if format == "png" else 1,
    }
    try:
        return kaleido.calc_fig_sync(
            fig, opts=options, kopts={"path": str(browser), "mathjax": False}
        )
    except Exception as exc:  # kaleido raises many kinds; the learner needs one message
        raise JourneyMapError(
            [
                Problem(
                    "browser",
                    f"the browser at {browser} could not draw the image ({exc})",
                    "close other Chromium windows and try again; if it keeps failing, set "
                    "JOURNEYKIT_CHROMIUM to another Chromium or Chrome",
                )
            ]
        ) from None


def export_format(to: str) -> str:
    """The canonical format name for *to*; the error lists the choices.

    Examples
    --------
    >>> export_format("Markdown"), export_format("mmd")
    ('md', 'mermaid')
    """
    name = str(to).strip().lower().lstrip(".")
    name = _ALIASES.get(name, name)
    if name not in FORMATS:
        raise JourneyMapError(
            [Problem("to", f"{to!r} is not an export format", "use one of " + ", ".join(FORMATS))]
        )
    return name


def export_map(m: JourneyMap, to: str, out: str | Path) -> Path:
    """Export *m* in format *to* (html, md, csv, mermaid, png, svg or json) to the file *out*.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    JourneyMapError
        For an unknown format or when *out* is a folder.

    Examples
    --------
    >>> import tempfile, pathlib, journeykit as jk
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> export_map(jk.example("clothing-store"), "md", folder / "shop.md").name
    'shop.md'
    """
    name = export_format(to)
    target = Path(out)
    if target.is_dir():
        raise JourneyMapError(
            [
                Problem(
                    "out",
                    "this is a folder",
                    f"give a file name, e.g. {target / ('map' + FORMATS[name])}",
                )
            ],
            source=str(target),
        )
    writers = {"html": to_html, "md": to_markdown, "csv": to_csv, "mermaid": to_mermaid}
    if name in writers:
        writers[name](m, target)
        return target
    if name == "json":
        return Path(m.save(target))
    return to_image(m, target, format=name)
