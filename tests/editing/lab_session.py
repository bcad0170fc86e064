"""A real JupyterLab for browser tests and benchmarks: start it, drive it, stop it.

Used by ``tests/test_editor_browser.py`` and ``benchmarks/editor_latency.py``.
The server listens on 127.0.0.1 on a free port with a random token, keeps its
configuration, settings and runtime files in a folder of its own (nothing from
the user's Jupyter set-up leaks in), and is always stopped, even when a step
fails. Every wait has a time limit, so nothing hangs.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SERVER_START_SECONDS = 90
STEP_MS = 60_000  # Playwright's limit for any one wait

#: Settings that keep JupyterLab from asking questions: news, updates, which kernel.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"autoStartDefaultKernel": True},
}
#: A URL JupyterLab prints for a browser: ``http://127.0.0.1:PORT/PATH?token=TOKEN``.
URL = re.compile(r"(?P<origin>http://127\.0\.0\.1:\d+)(?P<path>/\S*)\?token=(?P<token>\w+)")
#: The one of :data:`LAB_SETTINGS` that ``journeykit lab`` gives by itself (journeykit.lab).
NEWS_SETTINGS = "@jupyterlab/apputils-extension/notification.jupyterlab-settings"


class LabError(RuntimeError):
    """JupyterLab did not start; the message ends with the server's log."""


@dataclass(frozen=True)
class Lab:
    """A running server: where it is and how to open a notebook in it."""

    origin: str
    token: str
    root_dir: Path
    process: subprocess.Popen | None = field(default=None, compare=False, repr=False)

    def stop(self) -> None:
        """Stop the server now (as Ctrl+C does: its kernels are shut down too)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def notebook_url(self, name: str) -> str:
        return f"{self.origin}/lab/tree/{name}?token={self.token}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise LabError("JupyterLab exited early:\n" + log.read_text(errors="replace")[-3000:])
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise LabError(
        f"JupyterLab did not start in {SERVER_START_SECONDS} s:\n"
        + log.read_text(errors="replace")[-3000:]
    )


@contextmanager
def lab_server(
    root_dir: Path,
    home: Path,
    *,
    kit: bool = False,
    news_settings: bool = True,
    options: Sequence[str] = (),
    port: int | None = None,
) -> Iterator[Lab]:
    """Run JupyterLab on 127.0.0.1 with a token serving *root_dir*; always stop it.

    *home* receives the server's own configuration, settings and log. With *kit*,
    the server gets what ``journeykit lab`` adds (options and environment, from
    :mod:`journeykit.lab`); without *news_settings*, no user setting answers the news
    question (a learner's first start). *options* come last on the command line, in place
    of a kit option of the same name. *port*: the port to listen on (a free one if None),
    e.g. the port of a server stopped before, so pages keep their origin (and storage).
    """
    from journeykit.lab import lab_environment, lab_options

    port, token = port or free_port(), secrets.token_hex(16)
    for name, values in LAB_SETTINGS.items():
        if name == NEWS_SETTINGS and not news_settings:
            continue
        target = home / "lab-settings" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "lab-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--LabApp.expose_app_in_browser=True",
        "--ServerApp.terminals_enabled=False",
        "--LabApp.extension_manager=readonly",
    ]
    if kit:
        replaced = {option.split("=", 1)[0] for option in options}
        command += [option for option in lab_options() if option.split("=", 1)[0] not in replaced]
        env = lab_environment(env)
    command += options
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI runners often run as root
    home.mkdir(parents=True, exist_ok=True)
    log = home / "server.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(
            command,
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=root_dir,
        )
        try:
            origin = f"http://127.0.0.1:{port}"
            _wait_until_up(f"{origin}/api/status?token={token}", server, log)
            yield Lab(origin, token, root_dir, server)
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=15)


def lab_only_page(
    browser: Any,
    lab: Lab,
    blocked: list[str],
    viewport: dict[str, int] | None = None,
    console_errors: list[str] | None = None,
) -> Any:
    """A new page that may reach only *lab*; every other request is refused into *blocked*.

    JupyterLab, the widgets and plotly all come from the local server, so a
    request anywhere else means something tried the network. When
    *console_errors* is given, every console error and uncaught exception of the
    page (and of anything it opens) is added to it.
    """
    from tests.conftest import allow_only

    context = browser.new_context(
        viewport=viewport or {"width": 1400, "height": 3000},
        device_scale_factor=1,
        service_workers="block",
    )
    allow_only(context, (lab.origin,), blocked)
    if console_errors is not None:
        context.on(
            "console",
            lambda msg: (
                msg.type == "error"
                and console_errors.append(f"console: {msg.text} ({msg.location.get('url', '')})")
            ),
        )
        context.on("weberror", lambda error: console_errors.append(f"uncaught: {error.error}"))
    page = context.new_page()
    page.set_default_timeout(STEP_MS)
    return page


# ----- JupyterLab steps --------------------------------------------------------------------
def wait_for_idle_kernel(page: Any) -> None:
    """Wait until the notebook's kernel is connected and idle (ready to run a cell)."""
    page.wait_for_function("""() => {
        const kernel = window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel;
        return !!kernel && kernel.status === 'idle' && kernel.connectionStatus === 'connected';
    }""")


def run_lab_command(page: Any, command: str) -> None:
    """Start a JupyterLab command without waiting for it (``evaluate`` has no time limit)."""
    page.evaluate("command => { window.jupyterapp.commands.execute(command); }", command)


def open_notebook(page: Any, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    wait_for_idle_kernel(page)


def run_first_code_cell(page: Any, shows: str) -> None:
    """Run the notebook's first code cell and wait for *shows* (a CSS selector) to appear."""
    page.click(".jp-CodeCell .jp-InputArea-editor")  # also makes the notebook the current one
    page.keyboard.press("Shift+Enter")
    page.wait_for_selector(shows)
    wait_for_idle_kernel(page)


def restart_kernel(page: Any) -> None:
    run_lab_command(page, "kernelmenu:restart")
    page.click(".jp-Dialog .jp-mod-accept")
    page.wait_for_selector(".jp-Dialog", state="detached")
    wait_for_idle_kernel(page)


@contextmanager
def journeykit_lab(cwd: Path, home: Path) -> Iterator[tuple[str, Lab]]:
    """Run ``journeykit lab`` in *cwd* as ``make lab`` does on a machine with no display.

    Yields the first URL it prints for a browser (the one a learner copies) and the
    server as a :class:`Lab`; stops it after. It listens on a free port; *home* gets
    its runtime files, settings and workspaces (a first start).
    """
    env = {
        **os.environ,
        "DISPLAY": "",
        "WAYLAND_DISPLAY": "",
        "JUPYTER_PORT": str(free_port()),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "journeykit.cli", "lab"],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    printed: list[str] = []
    # read everything it prints (a full pipe would stop the server) and find the URL
    reader = threading.Thread(target=lambda: printed.extend(server.stdout), daemon=True)
    reader.start()
    try:
        found = None
        deadline = time.monotonic() + SERVER_START_SECONDS
        while found is None and time.monotonic() < deadline:
            if server.poll() is not None:
                raise LabError("journeykit lab stopped:\n" + "".join(printed)[-3000:])
            urls = (URL.search(line) for line in list(printed))
            found = next((url for url in urls if url), None)
            time.sleep(0.1)
        if found is None:
            raise LabError("journeykit lab printed no URL:\n" + "".join(printed)[-3000:])
        origin, token = found["origin"], found["token"]
        log = home / "printed.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text("".join(printed), encoding="utf-8")
        _wait_until_up(f"{origin}/api/status?token={token}", server, log)
        yield found[0], Lab(origin, token, cwd, server)
    finally:
        server.terminate()  # its kernels are shut down first: give it time
        try:
            server.wait(timeout=90)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
        reader.join(timeout=10)
