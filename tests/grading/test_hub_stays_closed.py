"""The grading extra beside the workshop room: nbgrader's server extensions, enabled for every
Jupyter server of an environment that has nbgrader (a hub set up as docs/grading.md says),
stay off on the room's participant servers, which must serve the participant app alone."""

from __future__ import annotations

import json
from pathlib import Path

from jupyter_core.paths import jupyter_config_path

from journeykit.workshop.singleuser import HUB_CONFIG


def enabled_server_extensions() -> set[str]:
    """Every server extension this environment's Jupyter config switches on."""
    found: dict[str, bool] = {}
    for folder in reversed(jupyter_config_path()):  # lowest priority first
        for path in sorted(Path(folder, "jupyter_server_config.d").glob("*.json")):
            settings = json.loads(path.read_text("utf-8")).get("ServerApp", {})
            found.update(settings.get("jpserver_extensions", {}))
    return {name for name, on in found.items() if on}


def test_participant_servers_switch_off_every_extension_but_voila():
    hub = json.loads((HUB_CONFIG / "jupyter_server_config.json").read_text("utf-8"))
    switched = hub["ServerApp"]["jpserver_extensions"]
    installed = enabled_server_extensions()
    assert "nbgrader.server_extensions.formgrader" in installed  # the test environment has it
    # Voila is the app itself (the hub config switches it on as "voila")
    left_on = {n for n in installed if switched.get(n, True) and n.split(".")[0] != "voila"}
    assert left_on == set(), f"participant servers would also load {sorted(left_on)}"
