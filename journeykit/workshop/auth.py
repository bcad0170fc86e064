"""Who may open a room's pages, and what a participant's server under JupyterHub allows.

Both are Jupyter Server classes, named by their dotted path in the room's
configuration:

* :class:`RoomIdentityProvider` (both standalone Voila servers of a room):
  the token check of Jupyter Server stays as it is (``?token=`` in the link,
  then the login cookie it sets, which also authenticates the kernel's
  websocket); the password form is replaced by a short refusal page, and the
  ``_xsrf`` cookie is set so that closing a tab shuts its kernel down.
* :class:`ParticipantAuthorizer` (each participant's single-user server under
  JupyterHub): only what the Voila page needs, nothing of the REST API that
  lists, reads or writes files.
"""

from __future__ import annotations

from typing import Any

from jupyter_server.auth.authorizer import Authorizer
from jupyter_server.auth.identity import PasswordIdentityProvider, User
from tornado import web

#: The page anyone without a valid link gets: one sentence, no form, no data.
REFUSAL_PAGE = (
    "<!doctype html><html lang='en'><meta charset='utf-8'>"
    "<meta name='viewport' content='width=device-width, initial-scale=1'>"
    "<title>JourneyKit room</title>"
    "<p style='font:18px/1.5 system-ui,sans-serif;margin:3em auto;max-width:32em;"
    "padding:0 1em'>This link does not open this room. Ask the facilitator for "
    "the room's link or its QR code.</p></html>"
)

#: (resource, action) pairs a participant's own Jupyter Server grants under JupyterHub:
#: the kernel of their page (its websocket is ``kernels/execute``; what may pass through it
#: is limited to widget messages by ``MappingKernelManager.allowed_message_types``), and the
#: read-only status and settings the page asks for. No contents, files, sessions, terminals.
PARTICIPANT_PERMISSIONS = frozenset(
    {
        ("kernels", "read"),
        ("kernels", "execute"),
        ("kernelspecs", "read"),
        ("api", "read"),
        ("config", "read"),
    }
)


class RefusalHandler(web.RequestHandler):
    """Answers ``/login`` and ``/logout`` with :data:`REFUSAL_PAGE` (HTTP 403)."""

    def get(self, *args: Any) -> None:
        self.set_status(403)
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(REFUSAL_PAGE)

    post = get


class RoomIdentityProvider(PasswordIdentityProvider):
    """The token login of Jupyter Server with a refusal page instead of a password form.

    Standalone Voila honours only ``--token`` (``Voila.token``): settings such as
    ``IdentityProvider.token`` are silently overridden by it.
    """

    async def _get_user(self, handler: web.RequestHandler) -> User | None:
        user = await super()._get_user(handler)
        if user is not None and handler.request.method == "GET":
            # Voila shuts a page's kernel down when the tab closes, with a sendBeacon POST
            # carrying the `_xsrf` cookie's value; with a token nothing sets that cookie, the
            # POST is refused and the kernel lives on (voila-dashboards/voila#1458). Reading
            # xsrf_token makes tornado set the cookie on this response; it reads current_user,
            # which is not set yet at this point.
            handler.current_user = user
            handler.xsrf_token  # noqa: B018
        return user

    def get_handlers(self) -> list[tuple[str, object]]:
        return [(r"/login", RefusalHandler), (r"/logout", RefusalHandler)]


class ParticipantAuthorizer(Authorizer):
    """Allows a participant's single-user server only :data:`PARTICIPANT_PERMISSIONS`.

    Voila's own pages only check that the user is logged in, so the app keeps
    working; ``/api/contents``, ``/files``, ``/api/sessions``, starting kernels
    over REST and the rest of the API answer 403.

    Examples
    --------
    >>> ParticipantAuthorizer().is_authorized(None, None, "read", "contents")
    False
    >>> ParticipantAuthorizer().is_authorized(None, None, "execute", "kernels")
    True
    """

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        return (resource, action) in PARTICIPANT_PERMISSIONS
