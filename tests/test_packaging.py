"""Set-up promises: one dependency list, a cheap import, the command installed."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import journeykit as jk

ROOT = Path(__file__).resolve().parent.parent
# conda-forge names the few packages that differ on PyPI
CONDA_NAMES = {"python-kaleido": "kaleido"}


def requirement_names_and_bounds(requirements: list[str]) -> dict[str, str]:
    """name -> extras and version bounds, e.g. ``"[duckdb,sqlite]<13,>=10"``; each needs a
    lower bound. Bounds are compared as a set, so their order does not matter.

    A package in two extras (Ibis in ``analytics`` and, with its backends, in
    ``warehouse``) must carry the same bounds in both; its extras are the union, as one
    environment that installs both gets them.
    """
    extras_of: dict[str, set[str]] = {}
    bounds_of: dict[str, str] = {}
    for req in requirements:
        parsed = Requirement(req.split(";")[0])
        name = parsed.name.lower()
        bounds = ",".join(sorted(str(spec) for spec in parsed.specifier))
        assert ">=" in bounds, f"{req!r} needs a lower bound"
        assert bounds_of.setdefault(name, bounds) == bounds, (
            f"{name} has bounds {bounds_of[name]} in one place and {bounds} in another"
        )
        extras_of.setdefault(name, set()).update(parsed.extras)
    return {
        name: (f"[{','.join(sorted(extras_of[name]))}]" if extras_of[name] else "") + bounds
        for name, bounds in bounds_of.items()
    }


#: One dependency line of environment.yml: ``- name>=1.2`` (conda or, under ``- pip:``, PyPI).
_YML_REQUIREMENT = re.compile(
    r"(?P<name>[A-Za-z0-9][A-Za-z0-9_.-]*)(?P<extras>\[[a-z0-9,]+\])?"
    r"(?P<bound>>=[0-9][0-9.]*(?:,<[0-9][0-9.]*)?)"
)
#: Lines that are not packages of the kit: the interpreter, pip itself, the kit from this folder.
_YML_TOOLING = {"python>=3.10", "pip", "pip:", "-e ."}


def environment_yml_requirements(text: str) -> dict[str, str]:
    """``{pypi name: extras and bounds}`` for every dependency line; fails on any line it
    cannot read.

    Every line of the ``dependencies:`` block must be a comment, a top-level item
    (``  - name>=x``), ``  - pip:`` or an item of the pip list (deeper indent), so a
    pin like ``numpy=1.26``, a stray indent or a typo fails instead of being skipped.
    """
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("dependencies:"))
    found: dict[str, str] = {}
    top = pip = None  # the indent of top-level items and of the pip list
    previous = ""
    for number, line in enumerate(lines[start + 1 :], start + 2):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line.startswith((" ", "-")):
            break  # the next top-level key: the block is over
        indent = len(line) - len(line.lstrip(" "))
        assert stripped.startswith("- "), f"environment.yml:{number}: not a list item: {line!r}"
        item = stripped[2:].split(" #")[0].strip()
        top = indent if top is None else top
        if indent != top and indent != pip:
            assert indent > top and pip is None and previous == "pip:", (
                f"environment.yml:{number}: unexpected indent: {line!r}"
            )
            pip = indent
        previous = item
        if item in _YML_TOOLING:
            continue
        match = _YML_REQUIREMENT.fullmatch(item)
        assert match, (
            f"environment.yml:{number}: {item!r} is not a package with a lower bound "
            "(write it as name>=version, as in pyproject.toml)"
        )
        ((name, spec),) = requirement_names_and_bounds([item]).items()
        name = CONDA_NAMES.get(name, name) if indent == top else name
        assert name not in found, f"environment.yml:{number}: {name} is listed twice"
        found[name] = spec
    return found


def test_environment_yml_mirrors_pyproject():
    # the installed metadata is built from pyproject.toml (make test installs it fresh),
    # optional extras (test, analytics) included
    wanted = requirement_names_and_bounds(requires("journeykit") or [])
    conda = environment_yml_requirements((ROOT / "environment.yml").read_text("utf-8"))
    assert conda == wanted
    for extra in ("analytics", "warehouse"):
        assert any(
            f'extra == "{extra}"' in req.replace("'", '"') for req in requires("journeykit") or []
        ), f"the {extra} extra is declared"


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        ("  - numpy=1.26", "not a package with a lower bound"),
        ("  - pandsa>=2.1", None),  # a typo: an unknown package
        ("   - pandas>=2.1", "unexpected indent"),
        ("  -pandas>=2.1", "not a list item"),
    ],
)
def test_environment_yml_check_reads_every_line(line, complaint):
    text = (ROOT / "environment.yml").read_text("utf-8").replace("  - pip\n", line + "\n  - pip\n")
    wanted = requirement_names_and_bounds(requires("journeykit") or [])
    with pytest.raises(AssertionError, match=complaint):
        assert environment_yml_requirements(text) == wanted


def test_required_top_level_layout_exists():
    for name in (
        "notebooks",
        "journeykit",
        "exercises",
        "datasets",
        "tests",
        "benchmarks",
        "environment.yml",
        "README.md",
        "pyproject.toml",
        "Makefile",
        "LICENSE",
        ".ci/run",
    ):
        assert (ROOT / name).exists(), name


def test_import_journeykit_does_not_load_the_heavy_stack():
    code = (
        "import sys, journeykit; heavy = [m for m in ('pandas', 'plotly', 'ipywidgets', "
        "'nbconvert', 'ibis', 'duckdb', 'pyarrow', 'sqlglot') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
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
    code = (
        "import journeykit.viz as viz, journeykit.widgets as widgets; "
        "from journeykit.theme import template, FIT_WIDTH; "
        "import journeykit as jk; "
        "assert viz.plot_map is jk.plot_map and widgets.editor is jk.editor; "
        "assert widgets.Editor is jk.Editor and callable(widgets.open_or_create); "
        "assert template().layout.font.size and FIT_WIDTH == 800; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_every_public_name_imports_in_a_fresh_process():
    code = (
        "import journeykit as jk; missing = [n for n in jk.__all__ if getattr(jk, n, None) "
        "is None]; print(missing, callable(jk.editor), callable(jk.plot_map))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[] True True", out.stderr


def test_lazy_names_are_all_listed_in_all():
    from journeykit import _LAZY

    assert set(_LAZY) <= set(jk.__all__)


# Tools only `make test` needs, and Sphinx (a documentation builder a deck never runs).
TEST_ONLY = {
    "nbval",
    "pytest",
    "hypothesis",
    "playwright",
    "ruff",
    "jupyterhub",
    "sphinx",
    "nbgrader",  # a teacher's tool: the grading extra
}
#: The extras `make lab` installs with the kit: what every course notebook needs.
LEARNER_EXTRAS = ("analytics",)


def learner_install(
    name: str = "journeykit", extras: tuple[str, ...] = LEARNER_EXTRAS, seen: set[str] | None = None
) -> set[str]:
    """Every distribution a learner's install of *name* with *extras* brings (read from the
    installed metadata, dependencies of dependencies included)."""
    seen = set() if seen is None else seen
    for text in requires(name) or []:
        req = Requirement(text)
        dist = canonicalize_name(req.name)
        wanted = not req.marker or any(
            req.marker.evaluate({"extra": extra}) for extra in ("", *extras)
        )
        if dist in seen or not wanted:
            continue
        seen.add(dist)
        with contextlib.suppress(PackageNotFoundError):  # one for another platform only
            learner_install(dist, tuple(sorted(req.extras)), seen)
    return seen


def test_a_learner_install_brings_no_test_tools_and_no_sphinx():
    installed = learner_install()
    assert {
        "jupyterlab",
        "plotly",
        "pyreveal",
        "choreographer",
        "voila",
        "duckdb",
        "ibis-framework",
    } <= installed
    assert not installed & TEST_ONLY, "make lab would install " + ", ".join(
        sorted(installed & TEST_ONLY)
    )


def test_a_learner_install_brings_no_pyarrow():
    """pyarrow (170 MB) is for Ibis running other backends: the warehouse extra only."""
    assert "pyarrow" not in learner_install(), "make lab would install pyarrow"
    assert "pyarrow" in learner_install(extras=("warehouse",)), "the check can see pyarrow"


def test_make_lab_installs_the_kit_without_its_test_extra():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    lab_recipe = makefile[makefile.index("$(LAB_STAMP):") : makefile.index("$(TEST_STAMP):")]
    extras = ",".join(LEARNER_EXTRAS)
    assert re.search(rf'pip install -e "\.\[{extras}\]"\s*$', lab_recipe, re.M), lab_recipe
    assert not [
        line for line in lab_recipe.splitlines() if "pip install" in line and "test" in line
    ], lab_recipe
    assert re.search(r"^lab: \$\(LAB_STAMP\)$", makefile, re.M)
