"""The options and environment ``journeykit lab`` gives JupyterLab.

Examples
--------
>>> "--LabApp.news_url=None" in lab_options()
True
>>> env = lab_environment({"JUPYTER_CONFIG_PATH": "elsewhere"})
>>> env["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [str(KIT_JUPYTER_CONFIG), "elsewhere"]
True
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path

#: Holds ``labconfig/default_setting_overrides.json``: the defaults of JupyterLab's
#: notification settings (``fetchNews`` "false", ``checkForUpdates`` false), so the
#: "official Jupyter news?" question is never asked. A learner's own settings still win.
KIT_JUPYTER_CONFIG = Path(__file__).resolve().parent / "jupyter_config"

#: Holds ``labextensions/journeykit-lab``, the kit's own JupyterLab extension (a saved
#: editor output whose kernel is gone shows the map it carries), put first on
#: ``JUPYTER_PATH`` for that server only. Written by hand, so nothing is built at install.
KIT_JUPYTER_DATA = Path(__file__).resolve().parent / "jupyter_data"

#: Tells the editor's live preview (and so the page) where the server serves plotly.js,
#: relative to the page's base URL. Set for JupyterLab by :func:`lab_environment`; kernels
#: inherit it from the server. Unset, the preview sends plotly.js over the kernel's socket.
PLOTLY_URL_VARIABLE = "JOURNEYKIT_PLOTLY_URL"

#: Server side: never fetch the Jupyter news feed nor ask PyPI for a newer JupyterLab,
#: even when a learner later turns the news on.
QUIET_OPTIONS = (
    "--LabApp.news_url=None",
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
)

#: Kernel messages reach the page at once, not after the browser's delayed
#: acknowledgement (see :mod:`.websocket`): the class, by the dotted name Jupyter Server's
#: and Voila's ``kernel_websocket_connection_class`` take (named here, not imported, so
#: the command line does not load Jupyter Server).
NO_DELAY_CONNECTION = "journeykit.lab.websocket.NoDelayConnection"
WEBSOCKET_OPTION = f"--ServerApp.kernel_websocket_connection_class={NO_DELAY_CONNECTION}"

#: Serves notebooks with the kernel's language_info (see :mod:`.contents`).
CONTENTS_OPTION = (
    "--ServerApp.contents_manager_class=journeykit.lab.contents.KernelLanguageContentsManager"
)


def plotly_static_dir() -> Path | None:
    """The installed plotly package's folder holding ``plotly.min.js``, or ``None``.

    Found without importing plotly (the command line stays quick).

    Examples
    --------
    >>> folder = plotly_static_dir()
    >>> folder is None or (folder / "plotly.min.js").is_file()
    True
    """
    spec = find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "package_data"
    return folder if (folder / "plotly.min.js").is_file() else None


def lab_options() -> list[str]:
    """Command-line options for the kit's JupyterLab (after ``jupyter lab NOTEBOOK``).

    jupyter_server serves every ``extra_static_paths`` folder under ``static/``:
    plotly's folder there makes ``static/plotly.min.js`` a file the browser caches.
    """
    options = [*QUIET_OPTIONS, CONTENTS_OPTION, WEBSOCKET_OPTION]
    folder = plotly_static_dir()
    if folder is not None:
        options.append(f"--ServerApp.extra_static_paths={folder}")
    return options


def lab_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """*base* (this process's environment) with the kit's Jupyter config folder first on
    ``JUPYTER_CONFIG_PATH``, its data folder (the kit's extension) first on ``JUPYTER_PATH``
    and :data:`PLOTLY_URL_VARIABLE` set when plotly is installed.

    Only the JupyterLab started with this environment (and its kernels) sees it.
    """
    env = dict(os.environ if base is None else base)
    for variable, folder in (
        ("JUPYTER_CONFIG_PATH", KIT_JUPYTER_CONFIG),
        ("JUPYTER_PATH", KIT_JUPYTER_DATA),
    ):
        env[variable] = os.pathsep.join(filter(None, [str(folder), env.get(variable)]))
    url = plotly_url("static/")
    if url:
        env[PLOTLY_URL_VARIABLE] = url
    return env


def plotly_url(route: str) -> str:
    """Where a server that serves plotly's folder at *route* serves plotly.js ("" without plotly).

    ``?v=`` lets jupyter_server answer with a long cache lifetime; a new plotly, a new URL.

    Examples
    --------
    >>> plotly_url("static/").startswith("static/plotly.min.js?v=") or plotly_static_dir() is None
    True
    """
    if plotly_static_dir() is None:
        return ""
    try:
        stamp = version("plotly")
    except PackageNotFoundError:  # plotly importable but without metadata
        stamp = "0"
    return f"{route}plotly.min.js?v={stamp}"
