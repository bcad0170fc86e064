"""The files every slide deck loads, copied from installed packages into ``_assets/``.

A deck never fetches anything from the network and never inlines a library:
reveal.js comes from the ``pyreveal`` wheel (reveal.js and its fonts, no
dependencies: a learner needs only pip to build a deck), plotly.js from the
``plotly`` package, the notebook styles from ``nbconvert``, and the kit's theme
from this package. :func:`copy_assets` copies them once per build into one
folder that all decks of the build share, so nine decks cost one plotly.js.
Nothing here is committed to the repository: it is all copied at build time.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from ..errors import JourneyMapError, Problem

#: The folder, inside a build's output folder, that holds the shared files.
ASSETS_DIRNAME = "_assets"

#: Our nbconvert template (``conf.json``, ``index.html.j2`` and ``static/``).
TEMPLATE_NAME = "journeykit_reveal"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
THEME_DIR = TEMPLATES_DIR / TEMPLATE_NAME / "static"

#: The pygments style of code in decks and hand-ins: every colour of it keeps 4.5:1 or more
#: on the code background (pygments' "default" drops to 2.9:1 for comments and numbers).
CODE_STYLE = "xcode"

# Paths used by the template, relative to the deck (keep in step with index.html.j2).
REVEAL_JS = "reveal/reveal.js"
PLOTLY_JS = "plotly/plotly.min.js"

_FONT_FILES = (
    "source-sans-pro-regular.woff",
    "source-sans-pro-semibold.woff",
    "source-sans-pro-italic.woff",
    "LICENSE",
)
_NOTEBOOK_CSS = (
    "lab/static/index.css",
    "lab/static/theme-light.css",
    "reveal/static/custom_reveal.css",
)


@dataclass(frozen=True)
class Asset:
    """One file to copy: where it comes from and its path under ``_assets/``."""

    source: Path
    target: str


def _package_dir(package: str, install_hint: str) -> Path:
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise JourneyMapError(
            [
                Problem(
                    "slides",
                    f"the Python package {package!r} is not installed, and the decks "
                    "take their files from it",
                    f"install it: {install_hint}",
                )
            ]
        )
    return Path(next(iter(spec.submodule_search_locations)))


def reveal_dir() -> Path:
    """The reveal.js copy shipped inside the ``pyreveal`` wheel (reveal.js as released).

    Examples
    --------
    >>> (reveal_dir() / "dist" / "reveal.js").is_file()
    True
    """
    return _package_dir("pyreveal", "pip install pyreveal") / "revealjs"


def plotly_js() -> Path:
    """The minified plotly.js shipped inside the ``plotly`` package.

    Examples
    --------
    >>> plotly_js().name
    'plotly.min.js'
    """
    return _package_dir("plotly", "pip install plotly") / "package_data" / "plotly.min.js"


def asset_list() -> list[Asset]:
    """Every file a deck needs except the notebook CSS (see :func:`notebook_css`).

    Examples
    --------
    >>> targets = [asset.target for asset in asset_list()]
    >>> "reveal/reveal.js" in targets and "plotly/plotly.min.js" in targets
    True
    >>> all(asset.source.is_file() for asset in asset_list())
    True
    """
    reveal = reveal_dir()
    fonts = reveal / "css" / "theme" / "fonts" / "source-sans-pro"
    assets = [
        Asset(reveal / "dist" / "reveal.css", "reveal/reveal.css"),
        Asset(reveal / "dist" / "reveal.js", REVEAL_JS),
        Asset(reveal / "dist" / "plugin" / "notes.js", "reveal/notes.js"),
        Asset(reveal / "LICENSE", "reveal/LICENSE"),
        Asset(plotly_js(), PLOTLY_JS),
        *(Asset(fonts / name, f"fonts/{name}") for name in _FONT_FILES),
        *(Asset(path, path.name) for path in sorted(THEME_DIR.iterdir()) if path.is_file()),
    ]
    missing = [asset.source for asset in assets if not asset.source.is_file()]
    if missing:
        raise JourneyMapError(
            [
                Problem(
                    "slides",
                    f"a file the decks need is missing from the installed packages: {path}",
                    "reinstall the kit's dependencies: pip install --force-reinstall "
                    "pyreveal plotly",
                )
                for path in missing
            ]
        )
    return assets


def notebook_css(template_paths: list[str]) -> str:
    """JupyterLab's notebook styles from nbconvert's templates, as one stylesheet.

    Parameters
    ----------
    template_paths : list of str
        Where nbconvert looks for templates (``exporter.template_paths``).
    """
    parts = []
    for relative in _NOTEBOOK_CSS:
        found = next(
            (Path(base) / relative for base in template_paths if (Path(base) / relative).is_file()),
            None,
        )
        if found is None:
            raise JourneyMapError(
                [
                    Problem(
                        "slides",
                        f"nbconvert's template file {relative} was not found",
                        "reinstall nbconvert: pip install --force-reinstall nbconvert",
                    )
                ]
            )
        parts.append(f"/* from nbconvert: {relative} */\n{found.read_text(encoding='utf-8')}")
    return "\n".join(parts)


def copy_assets(out_dir: Path, template_paths: list[str]) -> Path:
    """Copy every shared file into ``out_dir/_assets`` and return that folder.

    Examples
    --------
    >>> import tempfile
    >>> from nbconvert import SlidesExporter
    >>> folder = copy_assets(Path(tempfile.mkdtemp()), SlidesExporter().template_paths)
    >>> sorted(p.name for p in folder.iterdir())[:4]
    ['fonts', 'journeykit-slides.css', 'journeykit-slides.js', 'notebook.css']
    """
    assets_dir = out_dir / ASSETS_DIRNAME
    try:
        for asset in asset_list():
            target = assets_dir / asset.target
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asset.source, target)
        (assets_dir / "notebook.css").write_text(notebook_css(template_paths), encoding="utf-8")
    except OSError as exc:
        raise JourneyMapError(
            [
                Problem(
                    "",
                    f"could not write the deck files ({exc.strerror or exc})",
                    "choose an output folder you can write to, with free disk space",
                )
            ],
            source=str(assets_dir),
        ) from None
    return assets_dir
