"""Find and read the notebooks a deck is built from, with errors that say what to fix."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import JourneyMapError, Problem
from .preprocessors import HIDDEN_TYPES, SLIDE_TYPES, slide_type

if TYPE_CHECKING:
    from nbformat import NotebookNode

#: A course notebook's name: two digits, an underscore, a slug (``04_five_stages.ipynb``).
NUMBERED_NOTEBOOK = re.compile(r"^\d\d_.+\.ipynb$")

_SLIDE_TYPE_FIX = (
    "set it to one of " + ", ".join(SLIDE_TYPES) + " (JupyterLab: Property Inspector, Slide Type)"
)


def course_notebooks(paths: Sequence[str | Path]) -> list[Path]:
    """The notebooks that *paths* stand for, in order; a folder gives its ``NN_*.ipynb``.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("01_b.ipynb", "00_a.ipynb", "notes.ipynb", "00_a.json"):
    ...     _ = (folder / name).write_text("{}")
    >>> [p.name for p in course_notebooks([folder])]
    ['00_a.ipynb', '01_b.ipynb']
    >>> try:  # doctest: +ELLIPSIS
    ...     course_notebooks([folder / "missing"])
    ... except JourneyMapError as err:
    ...     print(err.problems[0].message, "|", err.problems[0].fix)
    no such file or folder | check the path; the course notebooks are in notebooks/, ...
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            numbered = sorted(
                p for p in path.iterdir() if p.is_file() and NUMBERED_NOTEBOOK.match(p.name)
            )
            if not numbered:
                raise JourneyMapError(
                    [
                        Problem(
                            "",
                            "the folder holds no numbered notebooks (NN_name.ipynb)",
                            "pass the notebooks folder (notebooks/) or notebook files",
                        )
                    ],
                    source=str(path),
                )
            found += numbered
        elif path.exists():
            found.append(path)
        else:
            raise _missing(path)
    if not found:
        raise JourneyMapError(
            [Problem("", "no notebooks were given", "pass notebook files or the notebooks/ folder")]
        )
    return _unique_stems(found)


def _unique_stems(paths: list[Path]) -> list[Path]:
    seen: dict[str, Path] = {}
    unique: list[Path] = []
    for path in paths:
        other = seen.get(path.stem)
        if other is None:
            seen[path.stem] = path
            unique.append(path)
        elif other.resolve() != path.resolve():
            raise JourneyMapError(
                [
                    Problem(
                        "",
                        f"{other} and {path} would both become {path.stem}.slides.html",
                        "build them into different output folders, or rename one",
                    )
                ]
            )
    return unique


def _missing(path: Path) -> JourneyMapError:
    return JourneyMapError(
        [
            Problem(
                "",
                "no such file or folder",
                "check the path; the course notebooks are in notebooks/, "
                "e.g. notebooks/00_welcome.ipynb",
            )
        ],
        source=str(path),
    )


def read_notebook(path: Path) -> NotebookNode:
    """Read and check a notebook for slides; every problem becomes a :class:`JourneyMapError`.

    Examples
    --------
    >>> import tempfile
    >>> bad = Path(tempfile.mkdtemp()) / "broken.ipynb"
    >>> _ = bad.write_text('{"cells": [', encoding="utf-8")
    >>> try:
    ...     read_notebook(bad)
    ... except JourneyMapError as err:
    ...     print(err.problems[0].where, "|", err.problems[0].message)
    line 1, column 12 | the file is not valid notebook JSON (Expecting value)
    """
    import nbformat

    if not path.is_file():
        raise _missing(path)
    if path.suffix != ".ipynb":
        raise JourneyMapError(
            [
                Problem(
                    "",
                    "this is not a notebook (a notebook's name ends in .ipynb)",
                    "pass a .ipynb file or the notebooks/ folder",
                )
            ],
            source=str(path),
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
        json.loads(text)  # for the line and column of a syntax error
    except (OSError, UnicodeDecodeError) as exc:
        raise JourneyMapError(
            [
                Problem(
                    "",
                    f"could not read the file ({exc})",
                    "check that it exists and is a notebook saved by Jupyter",
                )
            ],
            source=str(path),
        ) from None
    except json.JSONDecodeError as exc:
        raise JourneyMapError(
            [
                Problem(
                    f"line {exc.lineno}, column {exc.colno}",
                    f"the file is not valid notebook JSON ({exc.msg})",
                    "open it in JupyterLab and save it again, or restore it from git",
                )
            ],
            source=str(path),
        ) from None
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # nbformat raises several types for malformed notebooks
        message = str(getattr(exc, "message", exc)).splitlines()[0]
        raise JourneyMapError(
            [
                Problem(
                    "",
                    f"the file does not follow the notebook format ({message})",
                    "open it in JupyterLab and save it again, which repairs the format",
                )
            ],
            source=str(path),
        ) from None
    check_slide_types(nb, str(path))
    return nb


def check_slide_types(nb: NotebookNode, source: str) -> None:
    """Refuse unknown slide types, and notebooks in which every cell is hidden.

    Examples
    --------
    >>> from nbformat.v4 import new_notebook, new_markdown_cell
    >>> cell = new_markdown_cell("# Hi", metadata={"slideshow": {"slide_type": "slides"}})
    >>> cell.id = "title"  # course cells have readable ids; the message names them
    >>> try:  # doctest: +ELLIPSIS
    ...     check_slide_types(new_notebook(cells=[cell]), "a.ipynb")
    ... except JourneyMapError as err:
    ...     print(err.problems[0])
    ...     print(err.problems[0].fix)
    cell 1 (id 'title'): unknown slide type 'slides'. Fix: set it to one of slide, ...
    set it to one of slide, subslide, fragment, -, skip, notes (JupyterLab: ...)
    """
    problems = []
    for index, cell in enumerate(nb.cells, start=1):
        kind = slide_type(cell)
        if kind not in SLIDE_TYPES:
            cell_id = cell.get("id")
            where = f"cell {index}" + (f" (id {cell_id!r})" if cell_id else "")
            problems.append(Problem(where, f"unknown slide type {kind!r}", _SLIDE_TYPE_FIX))
    if not problems and all(slide_type(cell) in HIDDEN_TYPES for cell in nb.cells):
        problems.append(
            Problem(
                "",
                "every cell is skipped or is a speaker note, so there is nothing to show",
                "give the title cell the slide type 'slide'",
            )
        )
    if problems:
        raise JourneyMapError(problems, source=source)
