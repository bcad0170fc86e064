"""Workshop room: participants join from a browser, the facilitator watches the room fill in.

Layer 7: serves the editor (editing) and the live roll-up (debrief) through
Voila and Jupyter Server. ``journeykit workshop --room "Bakery class"`` opens a
room (:class:`Room`); its modules:

* :mod:`.room`: opening and closing a room, the links it prints;
* :mod:`.servers`: the two standalone Voila servers (participants, dashboard);
* :mod:`.serving`: the room's own Voila (plotly.js as a file, whose page a kernel
  serves, a quiet log), run as ``python -m journeykit.workshop.serving``;
* :mod:`.kernels`: the participants' kernels: owners, a kernel per connected
  page, a share per device, the cap, the pool, bounded buffers;
* :mod:`.connection`: a page's kernel websocket (no traceback reaches it, a cap
  on what waits unsent);
* :mod:`.auth`: the token login giving each browser an identity, with a refusal
  page; kernel ownership (:class:`~.auth.RoomAuthorizer`); the authorizer of
  participants' servers under JupyterHub;
* :mod:`.identity`: the server telling a kernel whose page it serves;
* :mod:`.settings`: the room's settings, passed to every kernel in the environment;
* :mod:`.participant`: the participant's page (:func:`participant_app`);
* :mod:`.kept_aside`: text kept aside beside a participant's map, to put back;
* :mod:`.dashboard`: the facilitator's live roll-up (:func:`dashboard_app`);
* :mod:`.names`: safe file names, name slots (claims) and who edits a map now;
* :mod:`.singleuser`: the same app on JupyterHub (The Littlest JupyterHub, Zero to
  JupyterHub);
* :mod:`.links`: the LAN address, tokens and QR codes.

Package data: ``apps/`` (the two notebooks), ``config/voila.json`` (the
servers' settings), ``jupyter/voila/templates/journeykit`` (the page without
CDN links) and ``config/hub/`` (the single-user servers' settings).
"""

from __future__ import annotations

from importlib import import_module

__all__ = ["Room", "dashboard_app", "participant_app"]

_HOMES = {"Room": "room", "dashboard_app": "dashboard", "participant_app": "participant"}


def __getattr__(name: str) -> object:
    # The apps load ipywidgets and plotly; the launcher needs neither.
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'journeykit.workshop' has no attribute {name!r}")
    return getattr(import_module(f".{home}", __name__), name)
