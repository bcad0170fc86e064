"""A participant's server under JupyterHub: ``python -m journeykit.workshop.singleuser``.

Set it as the spawner's command and every user's server becomes the room's
participant app, and nothing else::

    c.Spawner.cmd = ["python", "-m", "journeykit.workshop.singleuser"]
    c.Spawner.default_url = "/voila/render/participant.ipynb"
    c.Spawner.environment = {"JOURNEYKIT_ROOM_DIR": "/srv/rooms/bakery-class",
                             "JOURNEYKIT_ROOM_NAME": "Bakery class"}

It runs ``jupyterhub-singleuser`` (Jupyter Server with the Hub's login and
Voila as an extension) with the kit's settings, found next to this module, so
the hub itself needs no JourneyKit: on The Littlest JupyterHub the user
environment has the kit, on Zero to JupyterHub the single-user image has it.

Voila as a server extension restricts nothing by itself (the user's server is
a full Jupyter Server), so ``config/hub/jupyter_server_config.json`` closes it:

* the kernels accept widget messages only, never ``execute_request``
  (``MappingKernelManager.allowed_message_types``, as standalone Voila does);
* :class:`~journeykit.workshop.auth.ParticipantAuthorizer` refuses the REST API
  that lists, reads or writes files, and starting kernels over REST;
* JupyterLab, the classic notebook, LSP and terminals are switched off;
* the server's root holds the participant notebook alone (Voila renders and
  lists any notebook under the root);
* MathJax is left to Voila's bundled copy (as an extension, Voila would
  otherwise point every page at a CDN);
* the kernel websocket is the room's (:mod:`.connection`: no traceback reaches
  the page, a client that stops reading is cut off), and plotly.js is a static
  file of the server that the preview fetches, never sent by the kernel.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence

from ..errors import JourneyMapError
from ..lab import PLOTLY_URL_VARIABLE, plotly_static_dir, plotly_url
from .servers import HERE, JUPYTER_DATA, PARTICIPANT_APP
from .settings import RoomSettings

#: The Jupyter config folder of participants' servers under JupyterHub.
HUB_CONFIG = HERE / "config" / "hub"


def singleuser_command(argv: Sequence[str]) -> list[str]:
    """The ``jupyterhub-singleuser`` command for *argv* (the spawner's arguments).

    Examples
    --------
    >>> singleuser_command(["--port=9000"])[1:4]
    ['-m', 'jupyterhub.singleuser', '--port=9000']
    """
    folder = plotly_static_dir()
    static = [f"--ServerApp.extra_static_paths={folder}"] if folder is not None else []
    return [
        sys.executable,
        "-m",
        "jupyterhub.singleuser",
        *argv,
        *static,
        f"--ServerApp.root_dir={PARTICIPANT_APP.parent}",
    ]


def singleuser_environment(environ: dict[str, str]) -> dict[str, str]:
    """*environ* with the kit's template and settings on the Jupyter paths.

    Examples
    --------
    >>> env = singleuser_environment({"JOURNEYKIT_ROOM_DIR": "/srv/rooms/a"})
    >>> env["JUPYTER_CONFIG_PATH"] == str(HUB_CONFIG)
    True
    """

    def first(path: object, variable: str) -> str:
        return os.pathsep.join([str(path), *filter(None, [environ.get(variable)])])

    environment = {
        **environ,
        "JUPYTER_PATH": first(JUPYTER_DATA, "JUPYTER_PATH"),
        "JUPYTER_CONFIG_PATH": first(HUB_CONFIG, "JUPYTER_CONFIG_PATH"),
        "JUPYTERHUB_SINGLEUSER_EXTENSION": "1",
    }
    url = plotly_url("static/")  # the server serves plotly's folder there (the command)
    if url:
        environment[PLOTLY_URL_VARIABLE] = url
    return environment


def main(argv: Sequence[str] | None = None) -> int:
    """Check the room's settings, then become ``jupyterhub-singleuser``."""
    environment = singleuser_environment(dict(os.environ))
    try:
        RoomSettings.from_environment(environment)
    except JourneyMapError as err:
        for line in err.lines():
            print(line, file=sys.stderr)
        return 1
    command = singleuser_command(sys.argv[1:] if argv is None else argv)
    if os.name == "posix":  # the spawner's signals then reach the server itself
        sys.stdout.flush()
        os.execve(command[0], command, environment)
    return subprocess.call(command, env=environment)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
