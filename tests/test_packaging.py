"""Set-up promises: one dependency list, a cheap import, the command installed."""

from __future__ import annotations

import ast
import contextlib
import json
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
CONDA_NAMES = {"python-kaleido": "kaleido", "lazy_loader": "lazy-loader"}


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


def test_make_test_runs_the_type_checker_on_the_package():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    test_recipe = makefile[makefile.index("\ntest:") : makefile.index("\nlint:")]
    assert re.search(r"^\t\$\(VENV_PY\) -m mypy$", test_recipe, re.M), test_recipe
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    config = pyproject[pyproject.index("[tool.mypy]") :]
    assert re.search(r'^files = \["journeykit"\]$', config, re.M), "mypy checks the package"
    assert re.search(r"^strict = true$", config, re.M), "mypy in strict mode"


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert re.search(r"^make test$", ci, re.M)


#: The one list of public names: type checkers read it, ``journeykit/__init__.py`` serves it.
STUB = ROOT / "journeykit" / "__init__.pyi"


def stub_entries(text: str) -> list[tuple[str, str, str | None]]:
    """``(module, name, as-name)`` of each import in the stub, in order."""
    return [
        (node.module or "", alias.name, alias.asname)
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]


def stub_problems(text: str) -> list[str]:
    """What would let the runtime and a type checker see different public names."""
    entries = stub_entries(text)
    names = [name for _, name, _ in entries]
    problems = [f"{name} is listed twice" for name in sorted(set(names)) if names.count(name) > 1]
    problems += [
        f"write `{name} as {name}` (from .{module}): a type checker re-exports only that form"
        for module, name, asname in entries
        if asname != name
    ]
    return problems


def test_public_names_are_listed_once_and_serve_all_and_dir():
    text = STUB.read_text("utf-8")
    assert stub_problems(text) == []
    listed = [name for _, name, _ in stub_entries(text)]
    assert sorted(jk.__all__) == sorted(name for name in listed if not name.startswith("_"))
    assert set(listed) <= set(dir(jk))
    assert "_LAZY" not in vars(jk), "the names are listed in the stub only"


def test_the_stub_check_catches_a_name_a_type_checker_would_not_see():
    """``read_csv`` once fell out of the type checkers' list while the runtime served it."""
    assert stub_problems("from .export import read_csv\n") == [
        "write `read_csv as read_csv` (from .export): a type checker re-exports only that form"
    ]
    assert stub_problems("from .a import x as x\nfrom .b import x as x\n") == ["x is listed twice"]


def test_every_public_name_imports_in_a_fresh_process():
    """Each listed name points at a real object, the one its stub line names."""
    code = (
        "import importlib, json, sys, journeykit as jk; "
        "entries = json.loads(sys.stdin.read()); "
        "wrong = [n for m, n in entries if getattr(jk, n, None) is None "
        "or getattr(jk, n) is not getattr(importlib.import_module('journeykit.' + m), n)]; "
        "print(wrong, callable(jk.editor), callable(jk.plot_map))"
    )
    entries = [(module, name) for module, name, _ in stub_entries(STUB.read_text("utf-8"))]
    out = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(entries), capture_output=True, text=True
    )
    assert out.stdout.strip() == "[] True True", out.stderr


#: Where learners, facilitators and the kit itself write ``jk.<name>``.
JK_USERS = ("notebooks", "exercises", "docs", "journeykit", "tests", "benchmarks", "datasets")
JK_NAME = re.compile(r"(?<![\w.])jk\.([A-Za-z_]\w*)")


def jk_names_used() -> dict[str, set[str]]:
    """``{name: files}`` for every ``jk.<name>`` in the README, the course, the docs and code."""
    files = [ROOT / "README.md"] + [
        path
        for folder in JK_USERS
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in {".py", ".ipynb", ".md"} and ".ipynb_checkpoints" not in path.parts
    ]
    used: dict[str, set[str]] = {}
    for path in files:
        for name in JK_NAME.findall(path.read_text("utf-8")):
            used.setdefault(name, set()).add(path.relative_to(ROOT).as_posix())
    return used


def test_every_jk_name_the_course_docs_and_code_use_is_listed():
    """A name a notebook, the README or a docstring reaches as ``jk.<name>`` is in the stub
    (or is a subpackage, as ``jk.model`` after ``import journeykit.model``)."""
    used = jk_names_used()
    assert {"editor", "review", "template", "measure"} <= set(used), "the scan finds the course"
    subpackages = {path.name for path in (ROOT / "journeykit").iterdir() if path.is_dir()}
    missing = {
        name: sorted(files)
        for name, files in used.items()
        if name not in jk.__all__ and name not in subpackages and not name.startswith("__")
    }
    assert missing == {}, "add these to journeykit/__init__.pyi"


# Tools only `make test` needs, and Sphinx (a documentation builder a deck never runs).
TEST_ONLY = {
    "nbval",
    "pytest",
    "hypothesis",
    "playwright",
    "ruff",
    "mypy",
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
