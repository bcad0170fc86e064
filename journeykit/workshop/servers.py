"""The two standalone Voila servers of a room: their commands, files and environment.

A room runs two processes, each a standalone Voila rendering one notebook:

* the **participants' server** (``apps/participant/participant.ipynb``), on
  127.0.0.1, or on every address of the machine with ``--lan``;
* the **dashboard** (``apps/dashboard/dashboard.ipynb``), always on 127.0.0.1,
  so nobody on the network can reach it, whatever they know.

Two servers give two independent tokens (one Voila has one token for
everything it serves) and keep the dashboard's socket off the network.

What they share is package data found at run time, so it works from a wheel
and on Windows: the Voila settings in ``config/voila.json`` (passed with
``--Voila.config_file_paths``) and the ``journeykit`` template in
``jupyter/voila/templates/`` (on ``JUPYTER_PATH``): Voila's lab template
without its two links to a CDN (Font Awesome is in Voila's own bundle).
``file_allowlist`` is empty: Voila's ``/voila/files/`` answers without any
token, and by default it serves the images under the notebook's folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import JourneyMapError, Problem
from ..lab import PLOTLY_URL_VARIABLE, plotly_url
from .settings import VARIABLES, RoomSettings

HERE = Path(__file__).resolve().parent
#: The notebooks the two servers render, each alone in its folder (Voila's root).
PARTICIPANT_APP = HERE / "apps" / "participant" / "participant.ipynb"
DASHBOARD_APP = HERE / "apps" / "dashboard" / "dashboard.ipynb"
#: A Jupyter data folder holding the ``journeykit`` Voila template.
JUPYTER_DATA = HERE / "jupyter"
#: The folder of ``voila.json``, the settings both servers share.
VOILA_CONFIG = HERE / "config"
#: Seconds a server may take to answer after it was started.
START_SECONDS = 120
#: Kernels a room may run beyond one per participant (reloaded tabs not yet shut down).
SPARE_KERNELS = 10
#: The room's own Voila (:mod:`.serving`), run as a module.
SERVER_MODULE = "journeykit.workshop.serving"
#: The pre-heated kernels a room keeps by default: a class joining at once finds one each.
DEFAULT_PREHEAT = 40
#: Kernels one device (network address) may hold at once by default; 0: no limit.
DEFAULT_PER_DEVICE = 4
#: Seconds a page has to connect to its kernel before the kernel is freed.
CONNECT_GRACE = 30


@dataclass(frozen=True, kw_only=True)
class ServerPlan:
    """One Voila server of a room: what it renders, where it listens, its token."""

    app: Path
    ip: str
    port: int
    token: str

    def command(self, extra: list[str] | None = None) -> list[str]:
        """The command line that starts this server.

        Examples
        --------
        >>> plan = ServerPlan(app=PARTICIPANT_APP, ip="127.0.0.1", port=8866, token="secret")
        >>> plan.command()[1:4], plan.command()[-1]
        (['-m', 'journeykit.workshop.serving', 'participant.ipynb'], '--token=secret')
        """
        return [
            sys.executable,
            "-m",
            SERVER_MODULE,
            self.app.name,
            f"--Voila.config_file_paths={VOILA_CONFIG}",
            f"--Voila.ip={self.ip}",
            f"--port={self.port}",
            *(extra or []),
            f"--token={self.token}",
        ]

    def start(
        self, environment: dict[str, str], log: Path | None, extra: list[str] | None = None
    ) -> subprocess.Popen[bytes]:
        """Start the server in its own process group (so Ctrl+C reaches only the launcher)."""
        if sys.platform == "win32":
            group, new_session = subprocess.CREATE_NEW_PROCESS_GROUP, False
        else:
            group, new_session = 0, True
        sink = log.open("ab") if log is not None else None
        try:
            return subprocess.Popen(
                self.command(extra),
                cwd=self.app.parent,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL if sink is None else sink,
                stderr=subprocess.STDOUT,
                creationflags=group,
                start_new_session=new_session,
            )
        finally:
            if sink is not None:
                sink.close()

    def wait_until_serving(self, process: subprocess.Popen[bytes], log: Path | None) -> None:
        """Wait until the server answers on its port; raise if it exits or stays silent."""
        url = f"http://127.0.0.1:{self.port}/voila/static/voila.js"
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise JourneyMapError(
                    [
                        Problem(
                            "port",
                            f"the room's server on port {self.port} stopped at once"
                            + _log_tail(log),
                            f"if another program uses port {self.port}, start the "
                            "room on another one with --port",
                        )
                    ]
                )
            try:
                with urllib.request.urlopen(url, timeout=3):
                    return
            except OSError:
                time.sleep(0.3)
        raise JourneyMapError(
            [
                Problem(
                    "port",
                    f"the room's server on port {self.port} did not "
                    f"answer within {START_SECONDS} s" + _log_tail(log),
                    "close other programs and start the room again",
                )
            ]
        )


def server_environment(settings: RoomSettings) -> dict[str, str]:
    """The environment both servers (and so every kernel) run with.

    Examples
    --------
    >>> env = server_environment(RoomSettings(Path("rooms") / "bakery", "Bakery"))
    >>> env["JOURNEYKIT_ROOM_NAME"], str(JUPYTER_DATA) in env["JUPYTER_PATH"]
    ('Bakery', True)
    """
    inherited = {key: value for key, value in os.environ.items() if key not in VARIABLES.values()}
    paths = [str(JUPYTER_DATA), *filter(None, [os.environ.get("JUPYTER_PATH")])]
    environment = {
        **inherited,
        **settings.environment(),
        "JUPYTER_PATH": os.pathsep.join(paths),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }
    url = plotly_url("voila/static/")  # RoomVoila serves plotly's folder there
    if url:
        environment[PLOTLY_URL_VARIABLE] = url
    return environment


def kernel_options(
    *, places: int, idle_timeout: float, preheat: int, per_device: int = DEFAULT_PER_DEVICE
) -> list[str]:
    """Command-line settings for the participants' kernels (:mod:`.kernels`).

    At most *places* participants plus :data:`SPARE_KERNELS` kernels run at once,
    the pool of *preheat* kernels included, and the pool never holds more kernels
    than the room has free places; pool kernels warm up one per core at a time
    (they refill only while no page is being handed out). One device holds at
    most *per_device* kernels.
    A kernel whose page never connects is freed after :data:`CONNECT_GRACE`
    seconds; idle kernels (no message for *idle_timeout* seconds and no page
    connected) are shut down, which saves their map first; ``cull_connected`` stays
    off: a participant who is thinking, not typing, keeps their kernel. A kernel
    that dies is not restarted: its page says so and asks for a reload (a restarted
    kernel would not run the app).

    Examples
    --------
    >>> options = kernel_options(places=30, idle_timeout=600, preheat=0)
    >>> options[0], "--RoomKernelManager.places=30" in options
    ('--RoomKernelManager.max_kernels=40', True)
    >>> "--KernelRestarter.restart_limit=0" in options
    True
    """
    options = [
        f"--RoomKernelManager.max_kernels={places + SPARE_KERNELS}",
        f"--RoomKernelManager.warming_at_once={max(1, os.cpu_count() or 1)}",
        f"--RoomKernelManager.places={places}",
        f"--RoomKernelManager.per_device={max(0, per_device)}",
        f"--RoomKernelManager.connect_grace={CONNECT_GRACE}",
        "--KernelRestarter.restart_limit=0",
    ]
    if idle_timeout > 0:
        interval = max(1, min(60, int(idle_timeout // 2)))
        options += [
            f"--MappingKernelManager.cull_idle_timeout={int(idle_timeout)}",
            f"--MappingKernelManager.cull_interval={interval}",
        ]
    if preheat > 0:
        options += ["--preheat_kernel=True", f"--pool_size={min(preheat, places)}"]
    return options


def _log_tail(log: Path | None) -> str:
    if log is None or not log.exists():
        return ""
    lines = [line for line in log.read_text("utf-8", errors="replace").splitlines() if line.strip()]
    return f" (its last words: {lines[-1].strip()[:200]})" if lines else ""
