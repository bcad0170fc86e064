"""Set-up promises: one dependency list, a cheap import, the command installed."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, requires
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import journeykit as jk

ROOT = Path(__file__).resolve().parent.parent
# conda-forge names the few packages that differ on PyPI
CONDA_NAMES = {"python-kaleido": "kaleido"}


def requirement_names_and_bounds(requirements: list[str]) -> dict[str, str]:
    out = {}
    for req in requirements:
        match = re.match(r"\s*([A-Za-z0-9_.-]+)\s*(>=\s*[0-9.]+)?", req)
        assert match and match.group(2), f"{req!r} needs a lower bound"
        out[match.group(1).lower()] = match.group(2).replace(" ", "")
    return out


def test_environment_yml_mirrors_pyproject():
    # the installed metadata is built from pyproject.toml (make test installs it fresh)
    wanted = requirement_names_and_bounds(requires("journeykit") or [])
    conda = {}
    text = (ROOT / "environment.yml").read_text("utf-8")
    for line in text[text.index("dependencies:"):].splitlines():
        # conda packages ("  - name>=x") and PyPI-only ones in the pip section ("      - ...")
        match = re.match(r"(?:  |      )- ([a-z][a-z0-9_.-]*)(>=[0-9.]+)?\s*$", line)
        if match and match.group(1) not in ("python", "pip"):
            conda[CONDA_NAMES.get(match.group(1), match.group(1))] = match.group(2)
    assert conda == wanted


def test_required_top_level_layout_exists():
    for name in ("notebooks", "journeykit", "exercises", "datasets", "tests", "benchmarks",
                 "environment.yml", "README.md", "pyproject.toml", "Makefile", "LICENSE",
                 ".ci/run"):
        assert (ROOT / name).exists(), name


def test_import_journeykit_does_not_load_the_heavy_stack():
    code = ("import sys, journeykit; heavy = [m for m in ('pandas', 'plotly', 'ipywidgets', "
            "'nbconvert') if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_public_api_is_re_exported_and_documented():
    for name in jk.__all__:
        obj = getattr(jk, name)
        if callable(obj):
            assert obj.__doc__, f"journeykit.{name} has no docstring"


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    first = readme[: readme.index("make test") + 10]
    assert "make lab" in first
    assert "conda env create -f environment.yml" in readme
    assert ".venv\\Scripts\\" in readme, "Windows commands are given"


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert re.search(r"^make test$", ci, re.M)


def test_old_module_paths_still_work_in_a_fresh_process():
    """Notebooks and learners' code written against the flat layout keep running."""
    code = ("import journeykit.viz as viz, journeykit.widgets as widgets; "
            "from journeykit.theme import template, FIT_WIDTH; "
            "import journeykit as jk; "
            "assert viz.plot_map is jk.plot_map and widgets.editor is jk.editor; "
            "assert widgets.Editor is jk.Editor and callable(widgets.open_or_create); "
            "assert template().layout.font.size and FIT_WIDTH == 800; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_every_public_name_imports_in_a_fresh_process():
    code = ("import journeykit as jk; missing = [n for n in jk.__all__ if getattr(jk, n, None) "
            "is None]; print(missing, callable(jk.editor), callable(jk.plot_map))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[] True True", out.stderr


def test_lazy_names_are_all_listed_in_all():
    from journeykit import _LAZY

    assert set(_LAZY) <= set(jk.__all__)


# Tools only `make test` needs, and Sphinx (a documentation builder a deck never runs).
TEST_ONLY = {"nbval", "pytest", "hypothesis", "playwright", "ruff", "sphinx"}


def learner_install(name: str = "journeykit", seen: set[str] | None = None) -> set[str]:
    """Every distribution ``pip install journeykit`` (no extras) brings, read from metadata."""
    seen = set() if seen is None else seen
    for text in requires(name) or []:
        req = Requirement(text)
        dist = canonicalize_name(req.name)
        if dist in seen or (req.marker and not req.marker.evaluate({"extra": ""})):
            continue
        seen.add(dist)
        with contextlib.suppress(PackageNotFoundError):  # one for another platform only
            learner_install(dist, seen)
    return seen


def test_a_learner_install_brings_no_test_tools_and_no_sphinx():
    installed = learner_install()
    assert {"jupyterlab", "plotly", "pyreveal", "choreographer"} <= installed
    assert not installed & TEST_ONLY, "make lab would install " + ", ".join(
        sorted(installed & TEST_ONLY))


def test_make_lab_installs_the_kit_without_its_test_extra():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    lab_recipe = makefile[makefile.index("$(LAB_STAMP):"):makefile.index("$(TEST_STAMP):")]
    assert re.search(r"pip install -e \.\s*$", lab_recipe, re.M), lab_recipe
    assert "[test]" not in lab_recipe
    assert re.search(r"^lab: \$\(LAB_STAMP\)$", makefile, re.M)
