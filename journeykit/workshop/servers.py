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

import asyncio
import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Int

from ..errors import JourneyMapError, Problem
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


class RoomKernelManager(AsyncMappingKernelManager):
    """Jupyter Server's kernel manager with a cap on kernels and pre-heated kernels in turn.

    Every page load starts a kernel, so without a cap anyone holding the join
    link could start kernels until the facilitator's laptop runs out of memory.

    With ``--preheat`` Voila keeps a pool of kernels that have run the app and
    wait for a page, and starts a replacement for each one handed out. Started
    all at once, thirty kernels take the laptop's every core for a minute or
    more, just when thirty participants join; so pool kernels warm up
    :attr:`warming_at_once` at a time (a kernel counts as warm once it has run
    the app), and the joins keep the rest of the machine.
    """

    max_kernels = Int(0, config=True, help="Most kernels running at once (0: no limit).")
    warming_at_once = Int(1, config=True, help="Pre-heated kernels warming up at once.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._warming: asyncio.Semaphore | None = None
        self._warm_ups: set[asyncio.Future[None]] = set()

    # jupyter_client types the synchronous MultiKernelManager.start_kernel; the async
    # managers (this one's bases) override it with a coroutine, as this method is.
    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        if self.max_kernels and len(self.list_kernel_ids()) >= self.max_kernels:
            raise web.HTTPError(503, reason="This room is full")
        if (kwargs.get("env") or {}).get("VOILA_PREHEAT") != "True":
            return await super().start_kernel(*args, **kwargs)
        if self._warming is None:
            self._warming = asyncio.Semaphore(max(1, self.warming_at_once))
        await self._warming.acquire()
        try:
            kernel_id = await super().start_kernel(*args, **kwargs)
        except BaseException:
            self._warming.release()
            raise
        warm_up = asyncio.ensure_future(self._release_when_warm(kernel_id))
        self._warm_ups.add(warm_up)
        warm_up.add_done_callback(self._warm_ups.discard)
        return kernel_id

    async def _release_when_warm(self, kernel_id: str) -> None:
        """Let the next pool kernel start once *kernel_id* has run the app.

        The pool entry of a kernel is filled in just after it started; a kernel whose
        entry is gone was handed out to a page. Three minutes at most in any case.
        """
        started = time.monotonic()
        found = False
        try:
            while time.monotonic() - started < 180 and kernel_id in self:
                rendering = self._pool_rendering(kernel_id)
                found = found or rendering is not None
                gone = rendering is None and (found or time.monotonic() - started > 10)
                if gone or (rendering is not None and rendering.done()):
                    self.log.info("Pre-heated kernel %s is ready", kernel_id)
                    break
                await asyncio.sleep(0.25)
        finally:
            assert self._warming is not None
            self._warming.release()

    def _pool_rendering(self, kernel_id: str) -> asyncio.Future[Any] | None:
        """The task running the app in pool kernel *kernel_id*, if it is in a pool."""
        for pool in getattr(self, "_pools", {}).values():  # Voila's pre-heated kernels
            for entry in pool:
                if (
                    entry.done()
                    and not entry.cancelled()
                    and entry.exception() is None
                    and entry.result().get("kernel_id") == kernel_id
                ):
                    return entry.result().get("task")
        return None


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
        (['-m', 'voila', 'participant.ipynb'], '--token=secret')
        """
        return [
            sys.executable,
            "-m",
            "voila",
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
    return {
        **inherited,
        **settings.environment(),
        "JUPYTER_PATH": os.pathsep.join(paths),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }


def kernel_options(*, max_kernels: int, idle_timeout: float, preheat: int) -> list[str]:
    """Command-line settings for the participants' kernels.

    Idle kernels (no message for *idle_timeout* seconds and no page connected)
    are shut down, which saves their map first. ``cull_connected`` stays off: a
    participant who is thinking, not typing, keeps their kernel.

    Examples
    --------
    >>> kernel_options(max_kernels=40, idle_timeout=600, preheat=0)[1:]
    ['--RoomKernelManager.max_kernels=40', '--MappingKernelManager.cull_idle_timeout=600', \
'--MappingKernelManager.cull_interval=60']
    """
    interval = max(1, min(60, int(idle_timeout // 2)))
    options = [
        f"--VoilaConfiguration.multi_kernel_manager_class={__name__}.RoomKernelManager",
        f"--RoomKernelManager.max_kernels={max_kernels}",
    ]
    if idle_timeout > 0:
        options += [
            f"--MappingKernelManager.cull_idle_timeout={int(idle_timeout)}",
            f"--MappingKernelManager.cull_interval={interval}",
        ]
    if preheat > 0:
        options += ["--preheat_kernel=True", f"--pool_size={preheat}"]
    return options


def _log_tail(log: Path | None) -> str:
    if log is None or not log.exists():
        return ""
    lines = [line for line in log.read_text("utf-8", errors="replace").splitlines() if line.strip()]
    return f" (its last words: {lines[-1].strip()[:200]})" if lines else ""
