"""Repository-wide pytest set-up, shared by tests/, notebooks/ and exercises/.

Notebook kernels started by nbval inherit this process's environment, so
pointing ``JOURNEYKIT_MAPS_DIR`` at a fresh temporary folder here means the
notebooks never read or overwrite a learner's own ``my_maps/`` during tests,
and every run starts from the same empty folder. The same goes for the progress file
``check()`` writes (``JOURNEYKIT_PROGRESS``), except that each test (each doctest, and
each notebook's kernel, started at its first cell) gets a file of its own: what one test
checks never shows up as done in another's ``jk.progress()``.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile

import pytest

from journeykit.exercises.tracking import PROGRESS_ENV
from journeykit.model import MAPS_DIR_ENV

_progress_files = itertools.count()


def pytest_configure(config) -> None:
    folder = tempfile.mkdtemp(prefix="journeykit-maps-")
    os.environ[MAPS_DIR_ENV] = folder
    config._journeykit_maps_dir = folder
    config._journeykit_progress_dir = tempfile.mkdtemp(prefix="journeykit-progress-")


def pytest_unconfigure(config) -> None:
    folder = getattr(config, "_journeykit_maps_dir", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(getattr(config, "_journeykit_progress_dir", ""), ignore_errors=True)


@pytest.fixture(autouse=True)
def _own_progress_file(request, monkeypatch) -> None:
    folder = request.config._journeykit_progress_dir
    monkeypatch.setenv(PROGRESS_ENV, os.path.join(folder, f"{next(_progress_files)}.json"))
