# JourneyKit: the two commands a newcomer needs are `make lab` and `make test`.
# Everything else is installed by these targets from pyproject.toml (the one
# dependency list). Windows without make: see README.md for the same steps.

ifeq ($(OS),Windows_NT)
  PYTHON ?= python
  BIN := .venv/Scripts
else
  PYTHON ?= python3
  BIN := .venv/bin
endif
VENV_PY := $(BIN)/python
# What is installed: the kit for learning (make lab), or with the test tools (make test).
LAB_STAMP := .venv/.journeykit-lab
TEST_STAMP := .venv/.journeykit-test
# the Python files ruff lints and formats
PY_SOURCES := journeykit tests benchmarks tools conftest.py

.PHONY: lab test lint slides slides-pdf bench clean

## lab: create .venv, install the kit (what learning needs), start JupyterLab on notebook 00
lab: $(LAB_STAMP)
	$(BIN)/journeykit lab

## test: create .venv if needed, install the kit and its test tools, run every test
test: $(TEST_STAMP)
	$(VENV_PY) tools/ensure_test_deps.py
	$(VENV_PY) -m ruff check $(PY_SOURCES)
	$(VENV_PY) -m ruff format --check $(PY_SOURCES)
	$(VENV_PY) -m mypy
	$(VENV_PY) -m pytest --doctest-modules --nbval journeykit tests notebooks exercises

## lint: ruff (the linter and the formatter's check) and the type checker, mypy
lint: $(TEST_STAMP)
	$(VENV_PY) -m ruff check $(PY_SOURCES)
	$(VENV_PY) -m ruff format --check $(PY_SOURCES)
	$(VENV_PY) -m mypy

## slides: build offline reveal.js decks of the whole course into decks/
slides: $(LAB_STAMP)
	$(BIN)/journeykit slides notebooks -o decks

## slides-pdf: the same decks, plus a PDF handout of each (needs Chromium, Chrome or Edge)
slides-pdf: $(LAB_STAMP)
	$(BIN)/journeykit slides notebooks -o decks --pdf

## bench: print the benchmark figures
bench: $(TEST_STAMP)
	$(VENV_PY) benchmarks/run_all.py

$(VENV_PY):
	$(PYTHON) -m venv .venv

$(LAB_STAMP): $(VENV_PY) pyproject.toml
	$(VENV_PY) -m pip install --upgrade pip
	$(VENV_PY) -m pip install -e ".[analytics]"
	$(VENV_PY) -c "import pathlib; pathlib.Path('$(LAB_STAMP)').touch()"

# the test tools come on top of the kit: a test install is also a learning install;
# the warehouse extra (Ibis running other backends, with pyarrow) so both paths are tested
$(TEST_STAMP): $(VENV_PY) pyproject.toml
	$(VENV_PY) -m pip install --upgrade pip
	$(VENV_PY) -m pip install -e ".[test,analytics,warehouse]"
	$(VENV_PY) -c "import pathlib; [pathlib.Path(p).touch() for p in ('$(LAB_STAMP)', '$(TEST_STAMP)')]"

clean:
	$(PYTHON) -c "import shutil; [shutil.rmtree(p, ignore_errors=True) for p in ('.venv', 'decks', 'test-output', '.pytest_cache', '.ruff_cache', '.mypy_cache')]"
