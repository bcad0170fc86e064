"""Kernel messages leave the kit's servers at once: Nagle's algorithm is off on every kernel
websocket of ``journeykit lab`` (checked on the server's own socket), and the room's Voila
servers and participants' servers under JupyterHub are set to the same connection class.

Jupyter Server's default leaves it on; a plain JupyterLab, checked the same way, shows that
the probe tells the two apart.
"""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path

import pytest
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from traitlets.utils.importstring import import_item

from journeykit.lab import NO_DELAY_CONNECTION, lab_options
from journeykit.lab.launch import WEBSOCKET_OPTION
from journeykit.workshop.servers import VOILA_CONFIG
from journeykit.workshop.singleuser import HUB_CONFIG
from tests.editing.lab_session import Lab, lab_server

PROBE_DIR = Path(__file__).resolve().parent / "data"  # the nodelay_probe server extension


def nodelay_flags(lab: Lab) -> list[bool]:
    """Open a kernel's websocket on *lab* and ask the probe about every open one."""
    import websocket  # websocket-client, which Jupyter Server depends on

    def call(path: str, method: str = "GET", body: bytes | None = None) -> bytes:
        request = urllib.request.Request(
            f"{lab.origin}{path}?token={lab.token}", body, method=method
        )
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.read()

    kernel = json.loads(call("/api/kernels", "POST", b"{}"))["id"]
    socket = websocket.create_connection(
        f"{lab.origin.replace('http', 'ws', 1)}/api/kernels/{kernel}/channels?token={lab.token}",
        timeout=30,
    )
    try:
        for _ in range(100):  # the server opens the kernel's channels, then counts it as open
            flags = json.loads(call("/nodelay-probe"))
            if flags:
                return flags
            time.sleep(0.1)
        raise AssertionError("the kernel's websocket never showed as open")
    finally:
        socket.close()
        call(f"/api/kernels/{kernel}", "DELETE")


def probed_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, kit: bool) -> list[bool]:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "jupyter_server_config.json").write_text(
        json.dumps({"ServerApp": {"jpserver_extensions": {"nodelay_probe": True}}}),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(PROBE_DIR))
    monkeypatch.setenv("PYTHONPATH", str(PROBE_DIR))  # the server finds the probe too
    (tmp_path / "root").mkdir()
    with lab_server(tmp_path / "root", home, kit=kit) as lab:
        return nodelay_flags(lab)


def test_journeykit_lab_sends_kernel_messages_without_delay(tmp_path, monkeypatch):
    assert probed_flags(tmp_path, monkeypatch, kit=True) == [True]


def test_a_plain_jupyterlab_keeps_the_delay_the_probe_can_see(tmp_path, monkeypatch):
    assert probed_flags(tmp_path, monkeypatch, kit=False) == [False]


def test_every_server_of_the_kit_names_the_same_connection_class():
    voila = json.loads((VOILA_CONFIG / "voila.json").read_text(encoding="utf-8"))
    hub = json.loads((HUB_CONFIG / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert WEBSOCKET_OPTION in lab_options()
    assert WEBSOCKET_OPTION.endswith(f"={NO_DELAY_CONNECTION}")
    assert issubclass(import_item(NO_DELAY_CONNECTION), ZMQChannelsWebsocketConnection)
    # the room's servers add their own checks on top of it (journeykit.workshop.connection)
    for config in (voila["Voila"], hub["ServerApp"]):
        room = import_item(config["kernel_websocket_connection_class"])
        assert issubclass(room, import_item(NO_DELAY_CONNECTION))
