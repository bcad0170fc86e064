"""``journeykit workshop`` around its servers: links, binding, mistakes, the hub command."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from journeykit.cli import main
from journeykit.workshop.room import Room
from journeykit.workshop.servers import kernel_options, server_environment
from journeykit.workshop.settings import RoomSettings
from journeykit.workshop.singleuser import singleuser_command, singleuser_environment


def test_with_lan_only_the_participants_server_listens_beyond_this_computer(tmp_path: Path) -> None:
    lan, rehearsal = Room("Bakery", folder=tmp_path, lan=True), Room("Bakery", folder=tmp_path)
    assert [plan.ip for plan in lan.server_plans()] == ["0.0.0.0", "127.0.0.1"]
    assert [plan.ip for plan in rehearsal.server_plans()] == ["127.0.0.1", "127.0.0.1"]
    assert lan.dashboard_url.startswith("http://127.0.0.1:8867/?token=")
    assert rehearsal.join_url.startswith("http://127.0.0.1:8866/?token=")


def test_the_links_survive_a_restart_unless_new_ones_are_asked_for(tmp_path: Path) -> None:
    first = Room("Bakery class", folder=tmp_path)
    again = Room("Bakery class", folder=tmp_path)
    fresh = Room("Bakery class", folder=tmp_path, new_links=True)
    assert (again.join_url, again.dashboard_url) == (first.join_url, first.dashboard_url)
    assert fresh.join_token not in (first.join_token, first.dashboard_token)
    assert first.join_token != first.dashboard_token
    store = tmp_path / ".bakery-class.links.json"
    assert set(json.loads(store.read_text("utf-8"))) == {"join", "dashboard", "cookie"}
    if sys.platform != "win32":
        assert store.stat().st_mode & 0o077 == 0  # readable by the facilitator only


def test_the_servers_get_the_room_but_the_participants_never_the_dashboard_link(
    tmp_path: Path,
) -> None:
    room = RoomSettings(tmp_path / "bakery", "Bakery", join_url="http://x/?token=join")
    participants = server_environment(RoomSettings(tmp_path / "bakery", "Bakery"))
    assert "JOURNEYKIT_JOIN_URL" not in participants
    assert server_environment(room)["JOURNEYKIT_JOIN_URL"] == "http://x/?token=join"
    assert participants["JOURNEYKIT_ROOM_DIR"] == str(tmp_path / "bakery")


def test_idle_kernels_are_culled_but_never_connected_ones() -> None:
    options = kernel_options(places=60, idle_timeout=600, preheat=2)
    assert "--MappingKernelManager.cull_idle_timeout=600" in options
    assert not any("cull_connected" in option for option in options)
    assert "--RoomKernelManager.max_kernels=70" in options and "--pool_size=2" in options
    assert not any(
        "cull" in option for option in kernel_options(places=9, idle_timeout=0, preheat=0)
    )
    assert "--pool_size=9" in kernel_options(places=9, idle_timeout=0, preheat=40)


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (["--framework", "seven-stage"], "there is no framework 'seven-stage'"),
        (["--max-participants", "0"], "is not a number of participants"),
        (["--room", " "], "the room has no name"),
    ],
)
def test_mistakes_give_one_line_and_exit_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture, arguments: list[str], says: str
) -> None:
    base = ["workshop", "--room", "Bakery", "--dir", str(tmp_path), "--no-browser"]
    assert main(base + arguments) == 1
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err


def test_a_port_in_use_is_named_with_what_to_do(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "journeykit.cli",
                "workshop",
                "--room",
                "Bakery",
                "--dir",
                str(tmp_path),
                "--port",
                str(port),
                "--no-browser",
                "--no-qr",
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 1
    assert f"port {port}" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_hub_server_runs_jupyterhub_singleuser_with_the_kits_settings() -> None:
    command = singleuser_command(["--port=9000", "--ServerApp.root_dir=/home/ana"])
    assert command[1:3] == ["-m", "jupyterhub.singleuser"]
    assert command[-1].startswith("--ServerApp.root_dir=") and command[-1].endswith("participant")
    static = next(arg for arg in command if arg.startswith("--ServerApp.extra_static_paths="))
    assert (Path(static.split("=", 1)[1]) / "plotly.min.js").is_file()
    env = singleuser_environment({"JUPYTER_PATH": "/usr/share/jupyter"})
    assert env["JOURNEYKIT_PLOTLY_URL"].startswith("static/plotly.min.js?v=")
    assert env["JUPYTER_PATH"].endswith("/usr/share/jupyter")
    assert env["JUPYTERHUB_SINGLEUSER_EXTENSION"] == "1"


def test_a_hub_server_without_a_room_folder_says_so(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("JOURNEYKIT_ROOM")}
    result = subprocess.run(
        [sys.executable, "-m", "journeykit.workshop.singleuser"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "JOURNEYKIT_ROOM_DIR: no room folder is set" in result.stderr
