"""The participant app on a real JupyterHub: three users save maps, the roll-up sees all three.

The hub runs on 127.0.0.1 with configurable-http-proxy from the npm registry
(``tests/node``), the dummy authenticator and the simple local process
spawner; every user's server is ``python -m journeykit.workshop.singleuser``,
as docs/facilitator.md tells a facilitator to set up. Each user logs in with
the hub's form in headless Chromium, types a touchpoint, and the map lands in
the shared room folder. One user's server is then probed: no file API, no
JupyterLab, no terminals, no other user's server, no code run from the page.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import pytest

import journeykit as jk
from tests.conftest import NODE_MODULES, allow_only, missing_dependency
from tests.workshop.room_client import probe_execute, run_apart
from tests.workshop.room_session import (
    EDITOR_SHOWN,
    free_ports,
    touchpoints,
    type_touchpoint,
    wait_for_map,
    wait_until,
)

pytestmark = pytest.mark.browser

USERS = ["ana", "ben", "cy"]
START_SECONDS = 300


@dataclass
class Hub:
    url: str
    token: str
    room_dir: Path
    process: subprocess.Popen[bytes]
    log: Path

    def api(self, method: str, path: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
        request = urllib.request.Request(
            f"{self.url}/hub/api{path}",
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def ready(self, user: str) -> bool:
        status, body = self.api("GET", f"/users/{user}")
        return status == 200 and bool(body["servers"].get("", {}).get("ready"))


HUB_CONFIG = """
c = get_config()  # noqa: F821
c.JupyterHub.bind_url = {bind!r}
c.JupyterHub.hub_bind_url = {hub_api!r}
c.ConfigurableHTTPProxy.api_url = {proxy_api!r}
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.db_url = {db!r}
c.JupyterHub.cookie_secret_file = {secret!r}
c.JupyterHub.pid_file = {pid!r}
c.ConfigurableHTTPProxy.pid_file = {proxy_pid!r}
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {homes!r}
# What docs/facilitator.md tells a facilitator to set:
c.Spawner.cmd = [{python!r}, "-m", "journeykit.workshop.singleuser"]
c.Spawner.default_url = "/voila/render/participant.ipynb"
c.Spawner.environment = {{"JOURNEYKIT_ROOM_DIR": {room!r}, "JOURNEYKIT_ROOM_NAME": "Hub class"}}
c.Spawner.args = {args!r}
c.Spawner.start_timeout = {timeout}
c.Spawner.http_timeout = {timeout}
c.JupyterHub.services = [{{"name": "room-admin", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "room-admin", "services": ["room-admin"],
    "scopes": ["admin:users", "admin:servers", "list:users", "read:users"]}}]
"""


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    proxy = NODE_MODULES / ".bin" / "configurable-http-proxy"
    if not proxy.exists():
        missing_dependency("configurable-http-proxy", "run: npm ci --prefix tests/node")
    run = tmp_path_factory.mktemp("hub")
    port, hub_api, proxy_api = free_ports(3)
    token = secrets.token_hex(32)
    room_dir = run / "rooms" / "hub-class"
    config = run / "jupyterhub_config.py"
    config.write_text(
        HUB_CONFIG.format(
            bind=f"http://127.0.0.1:{port}",
            hub_api=f"http://127.0.0.1:{hub_api}",
            proxy_api=f"http://127.0.0.1:{proxy_api}",
            proxy=str(proxy),
            db=f"sqlite:///{run / 'hub.sqlite'}",
            secret=str(run / "cookie_secret"),
            pid=str(run / "hub.pid"),
            proxy_pid=str(run / "proxy.pid"),
            homes=str(run / "home" / "{username}"),
            python=sys.executable,
            room=str(room_dir),
            args=["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [],
            timeout=START_SECONDS,
            token=token,
        ),
        encoding="utf-8",
    )
    log = run / "hub.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)],
            cwd=run,
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    hub = Hub(f"http://127.0.0.1:{port}", token, room_dir, process, log)
    started: list[psutil.Process] = []
    try:
        wait_until(
            lambda: _answers(hub) or process.poll() is not None, START_SECONDS, "the hub answering"
        )
        assert process.poll() is None, log.read_text("utf-8", errors="replace")[-3000:]
        assert hub.api("POST", "/users", {"usernames": USERS})[0] == 201
        for user in USERS:  # the three servers start side by side
            assert hub.api("POST", f"/users/{user}/server", {})[0] in (201, 202)
        wait_until(
            lambda: all(hub.ready(user) for user in USERS),
            START_SECONDS,
            "three single-user servers starting",
        )
        started = psutil.Process(process.pid).children(recursive=True)
        yield hub
    finally:
        for user in USERS:
            hub.api("DELETE", f"/users/{user}/server")
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(120)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        left = [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        for leftover in left:
            leftover.kill()
        assert not left, f"left running: {[p.cmdline() for p in left]}"


def _answers(hub: Hub) -> bool:
    try:
        with urllib.request.urlopen(f"{hub.url}/hub/api", timeout=5):
            return True
    except OSError:
        return False


def hub_page(browser: Any, hub: Hub, blocked: list[str]) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, service_workers="block")
    allow_only(context, (hub.url + "/",), blocked)
    page = context.new_page()
    page.set_default_timeout(START_SECONDS * 1000)
    return page


def test_three_users_save_maps_and_the_rollup_sees_all_three(
    chromium_browser: Any, hub: Hub
) -> None:
    blocked: list[str] = []
    pages = {}
    for user in USERS:  # log everyone in first, so their kernels start side by side
        page = hub_page(chromium_browser, hub, blocked)
        page.goto(f"{hub.url}/hub/login")
        page.fill("input[name=username]", user)
        page.fill("input[name=password]", "any")
        page.click("input[type=submit], button[type=submit]")
        pages[user] = page
    for user, page in pages.items():
        page.wait_for_selector(EDITOR_SHOWN)
        assert f"/user/{user}/voila/render/participant.ipynb" in page.url
        assert f"{user}.json" in page.inner_text(".jk-room-who")
        type_touchpoint(page, f"Touchpoint of {user}")
    for user in USERS:
        wait_for_map(
            hub.room_dir / f"{user}.json",
            lambda d, user=user: touchpoints(d) == [f"Touchpoint of {user}"],
        )
    assert jk.rollup(hub.room_dir).participants == USERS
    mathjax = pages["ana"].evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).fullMathjaxUrl"
    )
    assert mathjax is None  # Voila's bundled MathJax, not a CDN
    assert blocked == []
    probe_participant_server(hub, pages["ana"])
    for page in pages.values():
        page.context.close()


def probe_participant_server(hub: Hub, page: Any) -> None:
    """What ana, logged in, can reach on her own server and on ben's."""
    base = f"{hub.url}/user/ana"
    get: Callable[..., Any] = page.request.get
    refused = {
        "/api/contents": 403,
        "/api/contents/participant.ipynb": 403,
        "/files/participant.ipynb": 403,
        "/api/sessions": 403,
        "/lab": 404,
        "/tree": 404,
        "/api/terminals": 404,
        "/voila/render/dashboard.ipynb": 404,
        "/voila/files/participant.ipynb": 403,
    }
    for route, status in refused.items():
        assert get(base + route, max_redirects=0).status == status, route
    assert page.request.post(base + "/api/kernels", data="{}").status == 403
    listed = get(base + "/voila/api/contents").text()
    assert "participant.ipynb" in listed and "dashboard" not in listed
    assert get(f"{hub.url}/user/ben/api/kernels", max_redirects=0).status in (302, 403)
    kernel = page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies())
    marker = hub.room_dir.parent / "ran-code.txt"
    ws_url = base.replace("http://", "ws://") + f"/api/kernels/{kernel}/channels"
    seen = run_apart(probe_execute(ws_url, cookie, f"open({str(marker)!r}, 'w').write('x')"))
    assert "kernel_info_reply" in seen and "execute_reply" not in seen
    assert not marker.exists()
