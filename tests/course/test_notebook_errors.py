"""In a notebook, a JourneyMapError reads as a short fix-it message, not a traceback."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient


def run_cells(*sources: str) -> list[dict]:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in sources]
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute()
    return [out for cell in nb.cells for out in cell.outputs]


@pytest.fixture(scope="module")
def outputs():
    return run_cells(
        "import journeykit as jk",
        "jk.JourneyMap.new('five-stage').set_lane('Purchase', 'emotion_score', 9)",
        "1 / 0",
    )


def test_journey_map_error_shows_the_problem_and_fix_without_a_traceback(outputs):
    kit_error = outputs[0]
    assert kit_error["output_type"] == "stream" and kit_error["name"] == "stderr"
    assert "stages[2].emotion.score: 9 is not a score from 1 to 5" in kit_error["text"]
    assert "Fix: give the emotion score a whole number" in kit_error["text"]
    assert "Traceback" not in kit_error["text"] and "File " not in kit_error["text"]


def test_other_errors_still_show_their_usual_traceback(outputs):
    assert outputs[1]["output_type"] == "error"
    assert outputs[1]["ename"] == "ZeroDivisionError"
