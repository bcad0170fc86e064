"""The maps the course builds in its notebooks, rebuilt by running the notebook's own cells."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import journeykit as jk

ROOT = Path(__file__).resolve().parents[2]
METHOD_NOTEBOOK = ROOT / "notebooks" / "07_mapping_method.ipynb"


def fern_and_flour() -> jk.JourneyMap:
    """Notebook 07's worked example, built by its cells up to "Your turn" (figures skipped)."""
    cells = json.loads(METHOD_NOTEBOOK.read_text("utf-8"))["cells"]
    namespace: dict = {}
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or source.lstrip().startswith("jk.plot_map"):
            continue
        if "FRAMEWORK =" in source:
            break
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, str(METHOD_NOTEBOOK), "exec"), namespace)
    return namespace["example"]
