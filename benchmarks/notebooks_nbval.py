"""How long nbval takes to check the course, notebook by notebook.

Printed, all measured in this same run:

* ``bare kernel``: nbval on a one-cell notebook (``pass``): pytest start-up, a
  fresh kernel and one cell, the floor every notebook pays;
* each notebook of ``notebooks/`` and ``exercises/`` checked on its own, with
  its ratio to the bare kernel;
* the whole suite as ``make test`` runs it (one pytest over both folders);
* ``08's work, libraries alone``: a notebook doing with plotly, kaleido and
  nbconvert directly what notebook 08's costly cells do (show a first figure,
  draw a PNG with the machine's Chromium, build the deck of notebook 04), and
  notebook 08's ratio to it: what the kit and the rest of 08 add to that work.

With ``--cells NOTEBOOK...`` it says instead where each notebook spends its
time: every cell's run time in a fresh kernel (as nbval runs it), slowest first,
and under each the modules that cell imported for the first time, by their own
import time (``python -X importtime`` in the kernel, which adds a little to each
cell's time; a cell's name rarely says what it loads: plotly's first figure
imports nbformat, and with it jsonschema).

Given notebooks (``python benchmarks/notebooks_nbval.py notebooks/00_welcome.ipynb``)
it measures only those, against the same bare kernel, and skips the whole suite.

Usage: ``python benchmarks/notebooks_nbval.py [NOTEBOOK...] [--cells NOTEBOOK...]``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent


def nbval_seconds(*paths: Path, lax: bool = False) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval-lax" if lax else "--nbval",
            "-q",
            "-p",
            "no:cacheprovider",
            *map(str, paths),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        print(result.stdout[-2000:], file=sys.stderr)
        raise SystemExit(f"nbval failed on {', '.join(p.name for p in paths)}")
    return elapsed


def bare_notebook(folder: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell("pass", id="bare")]
    path = folder / "bare.ipynb"
    nbformat.write(nb, path)
    return path


def libraries_notebook(folder: Path) -> Path:
    """Notebook 08's costly work done without the kit: plotly's first figure, one PNG drawn by
    kaleido in the machine's Chromium (as ``jk.to_image`` draws it: MathJax off), and
    nbconvert's slides of notebook 04."""
    from journeykit.chromium import find_chromium

    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("no Chromium found: the PNG cell of notebook 08 needs one")
    lesson = ROOT / "notebooks" / "04_five_stages_in_depth.ipynb"
    cells = [
        "import plotly.graph_objects as go\nfig = go.Figure(go.Bar(x=['a', 'b'], y=[3, 4]))\nfig",
        "import kaleido\n"
        "png = kaleido.calc_fig_sync(fig, opts={'format': 'png', 'scale': 2}, "
        f"kopts={{'path': {str(chromium)!r}, 'mathjax': False}})\nlen(png) > 0",
        "from nbconvert import SlidesExporter\n"
        f"body, _ = SlidesExporter().from_filename({str(lesson)!r})\nlen(body) > 0",
    ]
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(code, id=f"work{i}") for i, code in enumerate(cells)]
    path = folder / "libraries.ipynb"
    nbformat.write(nb, path)
    return path


def cell_imports(cell: nbformat.NotebookNode) -> list[tuple[float, str]]:
    """The modules *cell* imported, as ``(seconds of its own, name)``.

    ``-X importtime`` writes to the kernel's stderr, which ipykernel hands to the
    cell that is running, so each line lands in the outputs of the cell that
    caused the import.
    """
    found = []
    for output in cell.get("outputs", []):
        if output.get("name") != "stderr":
            continue
        for line in output.get("text", "").splitlines():
            parts = line.removeprefix("import time:").split("|")
            if line.startswith("import time:") and len(parts) == 3 and parts[0].strip().isdigit():
                found.append((int(parts[0]) / 1e6, parts[2].strip()))
    return found


def cell_seconds(path: Path, top: int = 6, modules: int = 3) -> None:
    """Run *path* in a fresh kernel from its own folder and print its slowest cells."""
    import os
    from datetime import datetime

    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as maps:
        os.environ["JOURNEYKIT_MAPS_DIR"] = maps
        start = time.perf_counter()
        client = NotebookClient(
            nb,
            timeout=600,
            kernel_name="python3",
            record_timing=True,
            resources={"metadata": {"path": str(path.parent)}},
        )
        # the kernel's own start-up imports go to its stderr, the cells' to their outputs
        client.execute(
            env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}, stderr=subprocess.DEVNULL
        )
        total = time.perf_counter() - start
    times = []
    for cell in nb.cells:
        timing = cell.metadata.get("execution", {})
        if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
            began, ended = (
                datetime.fromisoformat(timing[k].replace("Z", "+00:00"))
                for k in ("iopub.execute_input", "shell.execute_reply")
            )
            first = "".join(cell.source).strip().splitlines()[0][:60]
            times.append(((ended - began).total_seconds(), first, cell_imports(cell)))
    cells = sum(t for t, _, _ in times)
    print(
        f"{path.relative_to(ROOT).as_posix()}: {total:.2f} s with the kernel's start, "
        f"{cells:.2f} s in {len(times)} code cells; slowest:"
    )
    for seconds, first, imported in sorted(times, key=lambda row: row[0], reverse=True)[:top]:
        print(f"  {seconds:6.2f} s  {first}")
        if imported:
            heaviest = ", ".join(
                f"{name} {own:.2f} s" for own, name in sorted(imported, reverse=True)[:modules]
            )
            print(
                f"            imports {sum(own for own, _ in imported):.2f} s "
                f"({len(imported)} modules), heaviest: {heaviest}"
            )


def main() -> int:
    if sys.argv[1:2] == ["--cells"]:
        for name in sys.argv[2:]:
            cell_seconds(Path(name).resolve())
        return 0
    chosen = [Path(name).resolve() for name in sys.argv[1:]]
    notebooks = chosen or sorted(
        [*ROOT.glob("notebooks/[0-9][0-9]_*.ipynb"), *ROOT.glob("exercises/ex[0-9][0-9]_*.ipynb")]
    )
    presenting = ROOT / "notebooks" / "08_presenting.ipynb"
    with tempfile.TemporaryDirectory() as folder:
        bare = bare_notebook(Path(folder))
        nbval_seconds(bare)  # warm the file-system cache
        base = min(nbval_seconds(bare) for _ in range(3))
        # nbval checks outputs: the peer stores none, so run it with --nbval-lax
        libraries = (
            min(nbval_seconds(libraries_notebook(Path(folder)), lax=True) for _ in range(2))
            if presenting in notebooks
            else None
        )
    print(f"nbval, one pytest per notebook (bare kernel = {base:.2f} s, best of 3)")
    each = {}
    for path in notebooks:
        each[path] = nbval_seconds(path)
        print(
            f"  {path.relative_to(ROOT).as_posix():<42} {each[path]:6.2f} s   "
            f"ratio to bare kernel {each[path] / base:5.2f}",
            flush=True,
        )
    if libraries is not None:
        print(
            f"  08's work, libraries alone (peer)          {libraries:6.2f} s   "
            f"ratio to bare kernel {libraries / base:5.2f}\n"
            f"  notebook 08 to that peer: {each[presenting] / libraries:5.2f}"
        )
    if chosen:
        return 0
    whole = nbval_seconds(ROOT / "notebooks", ROOT / "exercises")
    print(
        f"sum of the {len(each)} single runs {sum(each.values()):.1f} s; "
        f"whole suite in one pytest {whole:.1f} s "
        f"({whole / base:.1f}x a bare kernel, {len(each)} notebooks)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
