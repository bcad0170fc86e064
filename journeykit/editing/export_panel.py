"""The editor's export row: buttons that write the map as HTML, Markdown, Mermaid or PNG.

Each button calls :func:`journeykit.export.export_map` and then shows a link
to the written file, relative to the notebook's folder so that JupyterLab
opens it. When an export fails (for example a PNG on a computer without
Chromium) the row says what went wrong and what to do, in a sentence, never
with a traceback.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import ipywidgets as widgets

from ..errors import JourneyMapError, Problem
from ..export import FORMATS, export_format, export_map
from ..figures.theme import MUTED, PAIN
from ..model import JourneyMap, map_path
from ..model.workspace import course_dir
from .fields import problem_text

#: The formats offered: id passed to ``export_map`` -> button label. Their file
#: suffixes come from :data:`journeykit.export.FORMATS`.
EXPORT_FORMATS: dict[str, str] = {
    "html": "HTML page",
    "markdown": "Markdown",
    "mermaid": "Mermaid diagram",
    "png": "PNG image",
}


def link_target(path: Path) -> str | None:
    """*path* relative to the working folder (the notebook's), or None if it lies outside
    both that folder and the course the notebook is in (``../my_maps/shop.html`` from
    ``notebooks/``: JupyterLab serves the whole course).

    Examples
    --------
    >>> link_target(Path("my_maps") / "shop.html")
    'my_maps/shop.html'
    >>> link_target(Path("/") / "elsewhere.html") is None
    True
    """
    target = Path(path).resolve()
    try:
        relative = os.path.relpath(target, Path.cwd().resolve())
    except ValueError:  # another drive on Windows
        return None
    if relative == ".." or relative.startswith(".." + os.sep):
        course = course_dir()
        if course is None or not target.is_relative_to(course):
            return None
    return Path(relative).as_posix()


def failure_text(fmt: str, exc: BaseException) -> str:
    """One readable sentence about a failed export, with what to do next.

    Examples
    --------
    >>> failure_text("png", RuntimeError("Could not find Chrome\\n  at line 3"))
    'Could not write the PNG image: Could not find Chrome. A PNG is drawn by Chromium, \
Google Chrome or Microsoft Edge; install one, or export as HTML instead.'
    >>> from journeykit.errors import Problem
    >>> failure_text("html", JourneyMapError([Problem("out", "this is a folder", "add a name")]))
    'Could not write the HTML page. This is a folder. To fix it: add a name.'
    """
    label = EXPORT_FORMATS.get(fmt, fmt)
    if isinstance(exc, JourneyMapError):  # the kit's own errors already say what to do
        return f"Could not write the {label}. " + " ".join(problem_text(p) for p in exc.problems)
    lines = str(exc).strip().splitlines()
    reason = lines[0].rstrip(".") if lines else type(exc).__name__
    text = f"Could not write the {label}: {reason}."
    if fmt == "png":
        text += (
            " A PNG is drawn by Chromium, Google Chrome or Microsoft Edge; install one, "
            "or export as HTML instead."
        )
    return text


class ExportPanel:
    """Buttons for each format in :data:`EXPORT_FORMATS` and a line for links and messages.

    Parameters
    ----------
    journey_map : JourneyMap
        The map to export.
    base : Path, optional
        The map's file: an export without a path of its own goes beside it, with
        the format's suffix (without one, into ``my_maps/`` under the map's title).
    """

    def __init__(self, journey_map: JourneyMap, base: Path | None) -> None:
        self.map = journey_map
        self.base = base
        self.message = ""
        self.buttons = {
            fmt: widgets.Button(
                description=label,
                icon="download",
                tooltip=f"Save the map as a {label} next to the map file",
                layout=widgets.Layout(width="auto"),
            )
            for fmt, label in EXPORT_FORMATS.items()
        }
        for fmt, button in self.buttons.items():
            button.on_click(lambda _button, fmt=fmt: self.export(fmt))
        self.output = widgets.Output()
        self.box = widgets.VBox(
            [
                widgets.HBox(
                    [widgets.HTML("<b>Export:</b>"), *self.buttons.values()],
                    layout=widgets.Layout(
                        align_items="center", flex_flow="row wrap", grid_gap="6px"
                    ),
                ),
                self.output,
            ]
        )
        self.box.add_class("jk-export")

    def follow(self, journey_map: JourneyMap, base: Path | None) -> None:
        """Export *journey_map*, saved at *base*, from now on (an editor reopened on
        another map keeps its buttons); the last export's message is cleared."""
        self.map = journey_map
        self.base = base
        self.message = ""
        self.output.outputs = ()

    def export(self, fmt: str, out: Path | None = None) -> Path | None:
        """Write the map as *fmt*; show a link or a readable message; never raise."""
        label = EXPORT_FORMATS.get(fmt, fmt)
        self._say(f"Writing the {label}…", MUTED)
        try:
            path = self.write(fmt, out)
        except Exception as exc:  # a button must never end in a traceback
            self._say(failure_text(fmt, exc), PAIN)
            return None
        target = link_target(path)
        if target is None:
            self._say(f"Wrote the {label} to {path}", MUTED)
        else:
            # A relative link in an output (unlike one inside a widget) is resolved by
            # JupyterLab against the notebook's folder, so it opens the written file.
            self._say(
                f"Wrote the {label}: ",
                MUTED,
                f"<a href='{html.escape(target, quote=True)}' target='_blank' "
                f"rel='noopener'>{html.escape(target)}</a>",
                target,
            )
        return path

    def write(self, fmt: str, out: Path | None = None) -> Path:
        """Write the map as *fmt* to *out* (or the default place); raise if it fails."""
        if fmt not in EXPORT_FORMATS:
            raise JourneyMapError(
                [
                    Problem(
                        "format",
                        f"{fmt!r} is not an export format",
                        "use one of " + ", ".join(EXPORT_FORMATS),
                    )
                ]
            )
        if out is None:
            base = self.base or map_path(self.map.title or "journey_map")
            out = base.with_suffix(FORMATS[export_format(fmt)])
        return Path(export_map(self.map, fmt, out))

    def _say(self, text: str, colour: str, link: str = "", link_text: str = "") -> None:
        self.message = text + link_text
        markup = f"<span style='color:{colour}'>{html.escape(text)}</span>{link}"
        self.output.outputs = (
            {
                "output_type": "display_data",
                "metadata": {},
                "data": {"text/plain": self.message, "text/html": markup},
            },
        )
