"""A real room for tests and the benchmark: ``journeykit workshop`` started, driven, stopped.

:func:`running_room` starts the command on 127.0.0.1 with two free ports, reads
the links it prints, and always stops it the way a facilitator does (Ctrl+C:
``SIGINT`` to the launcher's process group; the servers run in groups of
their own), then makes sure no server or kernel it started is left running.
:func:`room_page` opens a Chromium page that may reach only the room. Every
wait waits for a condition with a generous limit (the test machine has two
shared cores), never for a fixed time.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[2]
#: Seconds a room may take to open on a loaded machine.
OPEN_SECONDS = 240
#: Playwright's limit for one step (loading a page starts a kernel and builds the editor).
STEP_MS = 180_000
EDITOR_SHOWN = ".jk-editor .jk-preview .js-plotly-plot .main-svg"
TOUCHPOINTS = ".jk-field-Awareness-touchpoints textarea"


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


@dataclass
class RunningRoom:
    """A room started by :func:`running_room`."""

    process: subprocess.Popen[str]
    folder: Path
    room_dir: Path
    join_url: str
    dashboard_url: str
    output: list[str] = field(default_factory=list)

    @property
    def port(self) -> int:
        return int(self.join_url.split(":")[2].split("/")[0])

    @property
    def join_token(self) -> str:
        return self.join_url.split("token=", 1)[1]

    @property
    def dashboard_token(self) -> str:
        return self.dashboard_url.split("token=", 1)[1]

    def servers(self) -> list[psutil.Process]:
        """The two Voila processes (participants first)."""
        children = psutil.Process(self.process.pid).children()
        return sorted(children, key=lambda p: "dashboard" in " ".join(p.cmdline()))

    def kernels(self) -> list[psutil.Process]:
        """The participants' running kernels."""
        found = []
        for child in self.servers()[0].children(recursive=True):
            try:
                if (
                    "ipykernel_launcher" in " ".join(child.cmdline())
                    and child.is_running()
                    and child.status() != psutil.STATUS_ZOMBIE
                ):
                    found.append(child)
            except psutil.Error:
                continue
        return found

    def kernel_process(self, kernel: str) -> psutil.Process:
        """The process of the participants' kernel with id *kernel*."""
        found = [k for k in self.kernels() if f"kernel-{kernel}.json" in " ".join(k.cmdline())]
        assert found, f"no running kernel {kernel}"
        return found[0]

    def participants_log(self) -> str:
        log = self.folder / f".{self.room_dir.name}-participants.log"
        return log.read_text("utf-8", errors="replace") if log.exists() else ""

    def stop(self, sig: int = signal.SIGINT, seconds: float = 120) -> float:
        """Stop the room as Ctrl+C in its terminal does; return how long it took."""
        started = time.monotonic()
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            try:
                self.process.wait(seconds)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(30)
        return time.monotonic() - started


@contextmanager
def running_room(
    folder: Path,
    *options: str,
    name: str = "Bakery class",
    env: dict[str, str] | None = None,
    ports: tuple[int, int] | None = None,
) -> Iterator[RunningRoom]:
    """Run ``journeykit workshop`` on 127.0.0.1 until the block ends (free ports by default).

    The same *ports* again give pages the same origin, so a browser keeps its login cookie
    (its identity in the room) and its ``localStorage``. The room keeps a pool of two
    pre-heated kernels unless *options* say ``--preheat``: the room's default pool of 40
    would take a test machine's two cores for a minute and 3 GB while the test runs.
    """
    port, dashboard_port = ports or free_ports(2)
    if "--preheat" not in options:
        options = (*options, "--preheat", "2")
    command = [
        sys.executable,
        "-m",
        "journeykit.cli",
        "workshop",
        "--room",
        name,
        "--dir",
        str(folder),
        "--port",
        str(port),
        "--dashboard-port",
        str(dashboard_port),
        "--no-browser",
        "--no-qr",
        *options,
    ]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    output: list[str] = []
    reader = threading.Thread(
        target=lambda: output.extend(iter(process.stdout.readline, "")), daemon=True
    )
    reader.start()
    started: list[psutil.Process] = []
    room: RunningRoom | None = None
    try:
        links = _wait_for_links(process, output, port, dashboard_port)
        room_dir = Path(re.search(r"Maps are saved in (.+)", "".join(output))[1].strip())
        room = RunningRoom(process, folder, room_dir, *links, output=output)
        started = psutil.Process(process.pid).children(recursive=True)
        yield room
    finally:
        if room is not None:
            room.stop()
        elif process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(120)
        _stop_leftovers(started)


def _wait_for_links(
    process: subprocess.Popen[str], output: list[str], port: int, dashboard_port: int
) -> tuple[str, str]:
    deadline = time.monotonic() + OPEN_SECONDS
    while time.monotonic() < deadline:
        text = "".join(output)
        join = re.search(rf"http://127\.0\.0\.1:{port}/\?token=\S+", text)
        board = re.search(rf"http://127\.0\.0\.1:{dashboard_port}/\?token=\S+", text)
        if join and board and "Press Ctrl+C" in text:
            return join[0], board[0]
        if process.poll() is not None:
            raise AssertionError("the room did not open:\n" + text)
        time.sleep(0.2)
    raise AssertionError(f"the room did not open within {OPEN_SECONDS} s:\n" + "".join(output))


def _stop_leftovers(processes: list[psutil.Process]) -> None:
    """Kill anything the room started that is still running (kernels live in own sessions)."""
    for process in processes:
        try:
            for child in process.children(recursive=True):
                processes.append(child)
        except psutil.Error:
            continue
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                process.kill()
        except psutil.Error:
            continue


# ----- pages ------------------------------------------------------------------------------
def room_page(browser: Any, room: RunningRoom, blocked: list[str], **context: Any) -> Any:
    """A page in a new browser context (a new "device") that may reach only the room."""
    from tests.conftest import allow_only

    options = {"viewport": {"width": 1280, "height": 1000}, "service_workers": "block", **context}
    browser_context = browser.new_context(**options)
    allow_only(
        browser_context,
        (f"http://127.0.0.1:{room.port}/", room.dashboard_url.split("/?", 1)[0] + "/"),
        blocked,
    )
    page = browser_context.new_page()
    page.set_default_timeout(STEP_MS)
    return page


def open_room_page(page: Any, url: str) -> None:
    """Load *url* and wait until the page settled: the name prompt, an open map or a refusal.

    Not "Connecting…": that shows until the kernel knows the browser, and a pre-heated
    kernel serves it at once.
    """
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector(".jk-room-prompt input, .jk-room-who, .jk-room-message")


def join(page: Any, name: str) -> None:
    """Type *name* and start the map; wait until the editor's preview is drawn."""
    page.fill(".jk-room-name input", name)
    page.click("button.jk-room-start")
    page.wait_for_selector(EDITOR_SHOWN)


def join_team(page: Any, name: str, team: str) -> None:
    """Choose *team*, then :func:`join` as *name*: the team's map is drawn."""
    page.select_option(".jk-room-team select", team)
    join(page, name)


#: A phone's screen, for :func:`room_page`.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}


def board_and_three(
    browser: Any, room: RunningRoom, blocked: list[str], ready: str
) -> tuple[Any, list[Any]]:
    """The dashboard (once *ready* shows on it) and Ana, Ben and Cy joined, Ben and Cy on
    phones; each page waited for until its editor is drawn."""
    board = room_page(browser, room, blocked)
    board.goto(room.dashboard_url, wait_until="domcontentloaded")
    board.wait_for_selector(ready, timeout=STEP_MS)
    pages = [room_page(browser, room, blocked)]
    pages += [room_page(browser, room, blocked, **PHONE) for _ in range(2)]
    for page, name in zip(pages, ["Ana", "Ben", "Cy"], strict=True):
        open_room_page(page, room.join_url)
        join(page, name)
        page.wait_for_selector(EDITOR_SHOWN, timeout=STEP_MS)
    return board, pages


def type_touchpoint(page: Any, text: str) -> None:
    """Type *text* at the end of the first stage's touchpoints, as a participant does."""
    page.click(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
    page.click(TOUCHPOINTS)
    page.keyboard.press("Control+End")
    page.keyboard.type(text)


def wait_for_preview(page: Any, text: str) -> None:
    """Wait until the page's live preview shows *text*: the kernel has the edit."""
    page.wait_for_function(
        """text => [...document.querySelectorAll('.jk-preview .main-svg')]
        .some(svg => svg.textContent.replace(/\\s+/g, ' ').includes(text))""",
        arg=text,
    )


def kernel_id(page: Any) -> str:
    return page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )


def wait_for_map(
    path: Path, test: Callable[[dict[str, Any]], bool], seconds: float = 90
) -> dict[str, Any]:
    """The map at *path* once ``test(data)`` holds; fail with what it held otherwise."""
    deadline = time.monotonic() + seconds
    data: dict[str, Any] = {}
    while time.monotonic() < deadline:
        try:
            data = json.loads(path.read_text("utf-8"))
            if test(data):
                return data
        except (OSError, ValueError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"{path.name} never matched; it holds {data}")


def touchpoints(data: dict[str, Any]) -> list[str]:
    return data["stages"][0]["touchpoints"]


def wait_until(test: Callable[[], Any], seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = test()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"{what} did not happen within {seconds} s")
