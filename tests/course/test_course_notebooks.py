"""The course conventions every stored notebook keeps, checked without running it.

nbval (run by ``make test``) re-executes the notebooks and compares outputs;
these tests cover what nbval cannot see: slide metadata, structure, links,
size, and nothing machine-specific or random stored in the files.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("ex[0-9][0-9]_*.ipynb"))
#: Notebooks for the facilitator, after the course: kept to the lessons' conventions.
FACILITATOR = sorted((ROOT / "notebooks" / "facilitator").glob("*.ipynb"))
TEACHING = LESSONS + FACILITATOR
ALL = LESSONS + EXERCISES + FACILITATOR
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "skip", "notes"}
MACHINE_PATHS = re.compile(r"(/tmp/|/work/|/root/|/home/\w|[A-Z]:\\\\|journeykit-maps-)")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def ids(paths):
    return [p.name for p in paths]


def test_every_notebook_nbval_runs_is_checked_here_and_refreshed_by_the_tool():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from refresh_notebooks import default_paths
    finally:
        sys.path.remove(str(ROOT / "tools"))
    found = sorted(
        p
        for folder in ("notebooks", "exercises")
        for p in (ROOT / folder).rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    )
    assert sorted(ALL) == found
    assert sorted(default_paths()) == found
    assert FACILITATOR, "the debrief notebook is in notebooks/facilitator/"


def test_the_course_has_twelve_lessons_each_with_its_exercise():
    assert [p.name[:2] for p in LESSONS] == [f"{i:02d}" for i in range(12)]
    assert [p.name.removeprefix("ex") for p in EXERCISES] == [p.name for p in LESSONS]


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_every_cell_has_slide_metadata_and_a_readable_stable_id(path):
    cells = load(path)["cells"]
    for cell in cells:
        assert cell["metadata"].get("slideshow", {}).get("slide_type") in SLIDE_TYPES, cell["id"]
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", cell["id"]), cell["id"]
    assert len({c["id"] for c in cells}) == len(cells)


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_opens_with_title_objectives_and_time_on_a_slide(path):
    first = load(path)["cells"][0]
    text = source(first)
    assert first["cell_type"] == "markdown" and text.startswith("# ")
    assert first["metadata"]["slideshow"]["slide_type"] == "slide"
    assert re.search(r"\b\d+\s*(minutes|min)\b", text), "says how long it takes"


@pytest.mark.parametrize("path", TEACHING, ids=ids(TEACHING))
def test_lesson_ends_with_takeaways_and_a_link_that_exists(path):
    cells = load(path)["cells"]
    tail = "\n".join(source(c) for c in cells[-3:] if c["cell_type"] == "markdown")
    assert re.search(r"takeaway", tail, re.I)
    links = re.findall(r"\]\(([^)#]+\.ipynb)\)", tail)
    assert links, "links to what comes next"
    assert all((path.parent / link).resolve().exists() for link in links), links


@pytest.mark.parametrize("path", TEACHING, ids=ids(TEACHING))
def test_lesson_has_speaker_notes_and_prose_before_every_shown_code_cell(path):
    cells = load(path)["cells"]
    assert any(c["metadata"]["slideshow"]["slide_type"] == "notes" for c in cells)
    shown = [c for c in cells if c["metadata"]["slideshow"]["slide_type"] not in ("skip", "notes")]
    for before, cell in itertools.pairwise(shown):
        if cell["cell_type"] == "code":
            assert before["cell_type"] == "markdown", f"no prose before code cell {cell['id']}"


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_stored_file_is_small_clean_and_runs_on_the_python3_kernel(path):
    nb = load(path)
    text = path.read_text(encoding="utf-8")
    assert len(text.encode()) < 300_000
    assert "widgets" not in nb["metadata"], "no widget state stored"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert not MACHINE_PATHS.search(text), MACHINE_PATHS.search(text)
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", cell["id"]
            assert "text/html" not in output.get("data", {}) or "cdn." not in "".join(
                output["data"]["text/html"]
            )


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_stored_language_info_is_what_the_kernel_reports(path):
    """JupyterLab writes the kernel's language_info into a notebook when the kernel starts;
    stored any other way, the notebook opens as modified (plain ``jupyter lab`` too)."""
    from ipykernel.ipkernel import IPythonKernel

    stored = dict(load(path)["metadata"]["language_info"])
    reported = dict(IPythonKernel.language_info)
    stored.pop("version", None), reported.pop("version")  # the refreshing machine's Python
    assert stored == reported
