"""Repository-wide pytest set-up, shared by tests/, notebooks/ and exercises/.

Notebook kernels started by nbval inherit this process's environment, so
pointing ``JOURNEYKIT_MAPS_DIR`` at a fresh temporary folder here means the
notebooks never read or overwrite a learner's own ``my_maps/`` during tests,
and every run starts from the same empty folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from journeykit.model import MAPS_DIR_ENV


def pytest_configure(config) -> None:
    folder = tempfile.mkdtemp(prefix="journeykit-maps-")
    os.environ[MAPS_DIR_ENV] = folder
    config._journeykit_maps_dir = folder


def pytest_unconfigure(config) -> None:
    folder = getattr(config, "_journeykit_maps_dir", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
