"""The kit's own JupyterLab: quiet, offline, and notebooks that open unmodified.

``journeykit lab`` starts an ordinary JupyterLab with four things added for
that one server only (nothing is written to the learner's own settings, and
``jupyter lab`` started any other way is unchanged):

* no news and no update check: setting defaults from this package's
  ``jupyter_config/`` folder, put first on ``JUPYTER_CONFIG_PATH`` for that
  process, plus server options that stop the server fetching the news feed or
  asking PyPI for a newer JupyterLab (:mod:`.launch`);
* notebooks served with the ``language_info`` the kernel will report, so
  JupyterLab finds nothing to change when the kernel starts and a learner who
  only reads is never asked to save (:mod:`.contents`);
* plotly.js from the installed plotly package at an HTTP-cached URL, which the
  editor's live preview loads instead of receiving it over the kernel's socket;
* kernel messages sent to the page at once (:mod:`.websocket`: Nagle's algorithm
  off), so a widget's answer never waits for the browser's delayed acknowledgement.
  The workshop room's servers use the same connection class.
"""

from __future__ import annotations

from .launch import (
    KIT_JUPYTER_CONFIG,
    NO_DELAY_CONNECTION,
    PLOTLY_URL_VARIABLE,
    lab_environment,
    lab_options,
    plotly_static_dir,
    plotly_url,
)

__all__ = [
    "KIT_JUPYTER_CONFIG",
    "NO_DELAY_CONNECTION",
    "PLOTLY_URL_VARIABLE",
    "lab_environment",
    "lab_options",
    "plotly_static_dir",
    "plotly_url",
]
