"""The figures read a measurement by its shape (figures/shapes.py); the analytics layer's
``Measurement`` has every shape they read, at run time and for the type checker."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
from mypy import api

import journeykit as jk
from journeykit.figures.shapes import MeasuredFunnel, MeasuredMoves, MeasuredStages

ROOT = Path(__file__).resolve().parents[2]

#: Assigning a Measurement to each protocol: mypy fails here if a shape drifts from the class.
HOLDS_EVERY_SHAPE = textwrap.dedent(
    """
    from journeykit.analytics import Measurement
    from journeykit.figures.shapes import MeasuredFunnel, MeasuredMoves, MeasuredStages

    def shapes(m: Measurement) -> tuple[MeasuredFunnel, MeasuredStages, MeasuredMoves]:
        return m, m, m
    """
)


def type_errors(code: str, folder: Path) -> list[str]:
    """mypy's errors on *code*, checked with the kit's settings (pyproject.toml)."""
    program = folder / "uses_shapes.py"
    program.write_text(code, "utf-8")
    out, err, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), str(program)])
    assert status in (0, 1) and not err, err  # 2: mypy itself could not run
    return [line for line in out.splitlines() if ": error:" in line]


def test_a_measurement_has_each_shape_for_the_type_checker(tmp_path):
    assert type_errors(HOLDS_EVERY_SHAPE, tmp_path) == []


def test_the_type_checker_names_a_method_a_measurement_lacks(tmp_path):
    """The check above can fail: a shape asking for a method Measurement lacks is reported."""
    lacking = HOLDS_EVERY_SHAPE.replace(
        "from journeykit.figures.shapes import MeasuredFunnel, MeasuredMoves, MeasuredStages",
        "from typing import Protocol\n"
        "from journeykit.figures.shapes import MeasuredFunnel, MeasuredMoves\n"
        "class MeasuredStages(Protocol):\n"
        "    def share_of_users(self) -> float: ...",
    )
    errors = type_errors(lacking, tmp_path)
    assert len(errors) == 1 and "MeasuredStages" in errors[0], errors


def test_a_measurement_has_each_shape_at_run_time():
    log = pd.DataFrame(
        {
            "user_id": ["a", "a", "b"],
            "event": ["ad click", "purchase", "ad click"],
            "timestamp": pd.to_datetime(
                ["2024-05-01 10:00", "2024-05-01 10:20", "2024-05-02 09:00"]
            ),
        }
    )
    m = jk.measure(log, {"Awareness": "ad click", "Decision": "purchase"})
    assert isinstance(m, MeasuredFunnel) and isinstance(m, MeasuredStages)
    assert isinstance(m, MeasuredMoves) and m.stages == ["Awareness", "Decision"]
    assert not isinstance(m.funnel(), MeasuredFunnel), "a funnel table is read as a table"
