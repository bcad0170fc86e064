"""Re-execute course notebooks in place and store them clean, ready for nbval.

Run after changing the kit, the datasets or a notebook:

    python tools/refresh_notebooks.py                 # every notebook, exercise and
                                                      # facilitator notebook
    python tools/refresh_notebooks.py notebooks/04_five_stages_in_depth.ipynb

Each notebook runs from its own folder with a fresh, empty maps folder and progress
file (as the tests do). The stored file keeps no widget state (it would carry megabytes of
plotly.js), no execution timings, and widget views get ids derived from the
notebook and cell, so re-running an unchanged notebook leaves it byte-identical.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MACHINE_PATHS = ("/tmp/", "/work/", "/root", "/home/", "C:\\", "journeykit-maps-")


def integral_floats_as_ints(value: Any) -> Any:
    """*value* with every float that is a whole number (5.0) as an int (5), recursively.

    JupyterLab writes numbers as JavaScript does (5.0 becomes 5), so storing them that
    way keeps a learner's first save from rewriting every figure in the file.

    >>> integral_floats_as_ints({"y": [5.0, 2.5], "n": [0.0]})
    {'y': [5, 2.5], 'n': [0]}
    """
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return type(value)((k, integral_floats_as_ints(v)) for k, v in value.items())
    if isinstance(value, list):
        return [integral_floats_as_ints(v) for v in value]
    return value


def refresh(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    os.environ["JOURNEYKIT_MAPS_DIR"] = tempfile.mkdtemp(prefix="journeykit-maps-")
    # a progress file of its own, empty, so jk.progress() shows what a newcomer sees
    os.environ["JOURNEYKIT_PROGRESS"] = os.path.join(
        tempfile.mkdtemp(prefix="journeykit-progress-"), "progress.json"
    )
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    nb.metadata.pop("widgets", None)
    # Keep the kernel's whole language_info as nbclient recorded it: JupyterLab writes the
    # kernel's language_info into the notebook as soon as the kernel is up, so anything
    # else stored here marks the notebook modified on opening.
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":  # JupyterLab saves 5.0 as 5 (a JS number): store 5
            cell.outputs = integral_floats_as_ints(cell.outputs)
        for n, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is not None:
                seed = f"{path.name}:{cell.id}:{n}".encode()
                view["model_id"] = hashlib.sha256(seed).hexdigest()[:32]
    text = nbformat.writes(nb) + "\n"
    path.write_text(text, encoding="utf-8", newline="\n")
    leaks = [p for p in MACHINE_PATHS if p in text]
    errors = [c.id for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    return (
        f"{path.relative_to(ROOT)}: {len(nb.cells)} cells, {len(text.encode()) / 1024:.0f} KB"
        + (f", MACHINE PATHS {leaks}" if leaks else "")
        + (f", ERRORS in {errors}" if errors else "")
    )


def default_paths() -> list[Path]:
    """The course notebooks, the exercises and the facilitator notebooks, in that order."""
    return [
        *sorted(ROOT.glob("notebooks/[0-9][0-9]_*.ipynb")),
        *sorted(ROOT.glob("exercises/ex[0-9][0-9]_*.ipynb")),
        *sorted(ROOT.glob("notebooks/facilitator/*.ipynb")),
    ]


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or default_paths()
    for path in paths:
        print(refresh(path), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
