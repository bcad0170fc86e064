"""Maps the review tests and ``benchmarks/review.py`` share.

* :func:`fern_and_flour`: notebook 07's worked example, rebuilt by running its own cells;
* :func:`huge_map`: 8 stages with 50 items in every list lane.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import journeykit as jk
from journeykit.catalogue import LANES

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


def huge_map() -> jk.JourneyMap:
    """8 stages x 50 items in every list lane (the largest map the review is built for)."""
    m = jk.JourneyMap.new("eight-stage", title="Huge", persona=jk.Persona("Ana", "Tester"))
    for s, name in enumerate(m.stage_names):
        for spec in LANES:
            if spec.kind == "list":
                m.set_lane(
                    name,
                    spec.key,
                    [f"{spec.label} {s}-{i} about item {i * 7 % 13}" for i in range(50)],
                )
        m.set_lane(name, "goal", f"Get stage {s} done")
        m.set_lane(name, "emotion_score", 1 + s % 5)
    return m
