"""Offline reveal.js workshop decks from the course notebooks.

A facilitator often presents from a borrowed laptop with no network, so a deck
must open from disk and work with Wi-Fi off. :func:`build_deck` and
:func:`build_course` use nbconvert's ``SlidesExporter`` with the kit's own
template (``slides/templates/journeykit_reveal``) and preprocessors
(:mod:`journeykit.slides.preprocessors`):

* slides, sub-slides, fragments, skipped cells and speaker notes come from each
  cell's ``slideshow.slide_type`` (JupyterLab: Property Inspector, Slide Type);
  notes show in reveal.js's speaker view (press ``S``);
* reveal.js, plotly.js, the fonts and styles are copied from installed packages
  into one ``_assets/`` folder shared by all decks of a build, never fetched
  from a CDN and never inlined into each deck;
* plotly figures stored in the notebook are drawn by that local plotly.js;
  widgets show their saved state, another stored rendering, or a short note.

Examples
--------
::

    import journeykit as jk
    jk.build_deck("notebooks/04_five_stages_in_depth.ipynb", "decks")
    jk.build_course(["notebooks"], "decks", pdf=True)   # also PDF handouts

From a terminal: ``journeykit slides notebooks -o decks`` or ``make slides``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..chromium import require_chromium
from ..errors import JourneyMapError, Problem
from ..model import write_text_atomic
from .assets import ASSETS_DIRNAME, CODE_STYLE, TEMPLATE_NAME, TEMPLATES_DIR, copy_assets
from .pdf import print_pdfs
from .source import course_notebooks, read_notebook

if TYPE_CHECKING:
    from nbconvert import SlidesExporter
    from nbformat import NotebookNode

#: Shown above the notebook's title on every deck's first slide.
COURSE_TITLE = "Customer journey mapping with JourneyKit"

#: Options for ``Reveal.initialize``: a 16:9 slide, numbered, with a URL per slide; a PDF
#: handout gets one page per slide (fragments shown), more when a slide is tall. Linear
#: navigation: the right arrow (and a clicker's "next") goes through every slide,
#: the ones stacked below a slide included.
#: Any of them can be overridden from the address bar, e.g. ``?transition=none``.
REVEAL_CONFIG: dict[str, Any] = {
    "width": 1280,
    "height": 720,
    "margin": 0.04,
    "center": True,
    "controls": True,
    "progress": True,
    "slideNumber": "c/t",
    "hash": True,
    "transition": "slide",
    "backgroundTransition": "fade",
    "pdfSeparateFragments": False,
    "navigationMode": "linear",
}

#: Cells with one of these tags show their output without their code.
HIDE_INPUT_TAGS = frozenset({"hide-input", "remove-input"})

_BAR_WIDTH = 20


def build_deck(notebook: str | Path, out_dir: str | Path, *, pdf: bool = False) -> Path:
    """Build one notebook's deck, ``out_dir/<notebook stem>.slides.html``.

    Parameters
    ----------
    notebook : str or Path
        The ``.ipynb`` file, with its outputs stored (run it before building).
    out_dir : str or Path
        The folder for the deck; created when missing. The files the deck loads
        go to ``out_dir/_assets/``.
    pdf : bool, default False
        Also print the deck to ``out_dir/<notebook stem>.pdf`` with the
        machine's Chromium, one slide per page.

    Returns
    -------
    Path
        The deck's HTML file. Open it in a browser; press ``S`` for the speaker view.

    Raises
    ------
    JourneyMapError
        The notebook is missing or not a valid notebook, a slide type is
        unknown, every cell is hidden, or the folder cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import nbformat
    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> folder = Path(tempfile.mkdtemp())
    >>> nb = new_notebook(cells=[new_markdown_cell("# 01 · Hello\\n\\nA first slide.")])
    >>> _ = (folder / "01_hello.ipynb").write_text(nbformat.writes(nb), encoding="utf-8")
    >>> deck = build_deck(folder / "01_hello.ipynb", folder / "decks")
    >>> deck.name, (folder / "decks" / "_assets" / "plotly" / "plotly.min.js").is_file()
    ('01_hello.slides.html', True)
    """
    if pdf:  # say so before building, not after
        require_chromium("printing slides to PDF")
    deck = _Builder(Path(out_dir)).build(Path(notebook))
    if pdf:
        print_pdfs([deck])
    return deck


def build_course(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    *,
    pdf: bool = False,
    progress: Callable[[str], None] | None = print,
) -> list[Path]:
    """Build the decks of many notebooks into one folder that shares its assets.

    Parameters
    ----------
    paths : sequence of str or Path
        Notebook files, or folders: a folder stands for its numbered notebooks
        (``NN_*.ipynb``) in order.
    out_dir : str or Path
        The folder for the decks and their shared ``_assets/``.
    pdf : bool, default False
        Also print each deck to PDF beside it (one line of progress per PDF).
    progress : callable or None, default print
        Called with one line per deck (with a progress bar) and a summary line.

    Returns
    -------
    list of Path
        The decks' HTML files, in course order.

    Examples
    --------
    >>> import tempfile, nbformat
    >>> from nbformat.v4 import new_notebook, new_markdown_cell as text
    >>> course = tempfile.mkdtemp()
    >>> for name in ("00_start", "01_next"):
    ...     nbformat.write(new_notebook(cells=[text(f"# {name}")]), f"{course}/{name}.ipynb")
    >>> decks = build_course([course], f"{course}/decks", progress=None)
    >>> [deck.name for deck in decks]
    ['00_start.slides.html', '01_next.slides.html']
    """
    notebooks = course_notebooks(paths)
    if pdf:
        require_chromium("printing slides to PDF")
    say = progress or (lambda line: None)
    builder = _Builder(Path(out_dir))
    started = time.perf_counter()
    decks: list[Path] = []
    for notebook in notebooks:
        step_started = time.perf_counter()
        decks.append(builder.build(notebook))
        say(
            progress_line(
                len(decks), len(notebooks), decks[-1].name, time.perf_counter() - step_started
            )
        )
    if pdf:
        pdfs = 0
        step_started = time.perf_counter()

        def printed(path: Path) -> None:
            nonlocal pdfs, step_started
            pdfs += 1
            say(progress_line(pdfs, len(decks), path.name, time.perf_counter() - step_started))
            step_started = time.perf_counter()

        print_pdfs(decks, on_printed=printed)
    total = sum(p.stat().st_size for p in Path(out_dir).rglob("*") if p.is_file())
    what = "deck(s) and PDFs" if pdf else "deck(s)"
    say(
        f"Built {len(decks)} {what} in {time.perf_counter() - started:.1f} s, "
        f"{total / 1e6:.1f} MB in {Path(out_dir)}. Open {decks[0]} in a browser; "
        "press S for speaker notes."
    )
    return decks


def progress_line(done: int, total: int, label: str, seconds: float) -> str:
    """One line of build progress with a text progress bar.

    Examples
    --------
    >>> progress_line(3, 4, "02_six_stage.slides.html", 0.42)
    '[###############.....] 3/4 02_six_stage.slides.html (0.4 s)'
    """
    filled = round(_BAR_WIDTH * done / total)
    bar = "#" * filled + "." * (_BAR_WIDTH - filled)
    return f"[{bar}] {done}/{total} {label} ({seconds:.1f} s)"


def new_exporter() -> SlidesExporter:
    """nbconvert's ``SlidesExporter`` set up with the kit's template and preprocessors.

    Examples
    --------
    >>> new_exporter().template_name
    'journeykit_reveal'
    """
    from nbconvert import SlidesExporter
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_input_tags = set(HIDE_INPUT_TAGS)
    config.CSSHTMLHeaderPreprocessor.style = CODE_STYLE
    return SlidesExporter(
        config=config,
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


class _Builder:
    """Builds decks into one folder; copies the shared assets on first use only."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._exporter: SlidesExporter | None = None

    @property
    def exporter(self) -> SlidesExporter:
        if self._exporter is None:
            self._exporter = new_exporter()
            copy_assets(self.out_dir, self._exporter.template_paths)
        return self._exporter

    def build(self, notebook: Path) -> Path:
        nb = read_notebook(notebook)
        html = self.render(nb, notebook)
        return write_text_atomic(self.out_dir / f"{notebook.stem}.slides.html", html)

    def render(self, nb: NotebookNode, notebook: Path) -> str:
        import nbconvert

        resources = {
            "metadata": {"name": notebook.stem, "path": str(notebook.parent)},
            "journeykit": {
                "course_title": COURSE_TITLE,
                "assets_url": ASSETS_DIRNAME,
                "reveal_config": REVEAL_CONFIG,
                "nbconvert_version": nbconvert.__version__,
            },
        }
        try:
            html, _ = self.exporter.from_notebook_node(nb, resources=resources)
        except JourneyMapError:
            raise
        except Exception as exc:  # nbconvert's errors name no file; add the file and a fix
            raise JourneyMapError(
                [
                    Problem(
                        "",
                        f"nbconvert could not turn the notebook into slides ({exc})",
                        "open the notebook in JupyterLab, run all cells, save it, and build again",
                    )
                ],
                source=str(notebook),
            ) from exc
        return html
