"""Who may open a room's pages, and what a participant's server under JupyterHub allows.

They are Jupyter Server classes, named by their dotted path in the room's
configuration:

* :class:`RoomIdentityProvider` (both standalone Voila servers of a room):
  the token check of Jupyter Server stays as it is (``?token=`` in the link,
  then the login cookie it sets, which also authenticates the kernel's
  websocket); the password form is replaced by a short refusal page, and the
  ``_xsrf`` cookie is set so that closing a tab shuts its kernel down.
  The join token only lets a browser in: each browser that brings it gets an
  identity of its own, a random id in the signed login cookie, kept for 30
  days and across reopening the room (:mod:`.identity`).
* :class:`RoomAuthorizer` (both standalone servers): a kernel answers only the
  browser it belongs to: its websocket, ``/api/kernels/<id>`` and shutting it
  down need the kernel's owner's cookie, not only the join token; no kernel
  is listed or started over the REST API.
* :class:`ParticipantAuthorizer` (each participant's single-user server under
  JupyterHub): only what the Voila page needs, nothing of the REST API that
  lists, reads or writes files.
"""

from __future__ import annotations

import html
from typing import Any

from jupyter_server.auth.authorizer import Authorizer
from jupyter_server.auth.identity import PasswordIdentityProvider, User
from tornado import web


def short_page(sentence: str) -> str:
    """A page of one sentence (escaped): what a refused request gets, no form, no data.

    Examples
    --------
    >>> "&lt;b&gt;" in short_page("<b>")
    True
    """
    return (
        "<!doctype html><html lang='en'><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>JourneyKit room</title>"
        "<p style='font:18px/1.5 system-ui,sans-serif;margin:3em auto;max-width:32em;"
        f"padding:0 1em'>{html.escape(sentence)}</p></html>"
    )


#: The page anyone without a valid link gets.
REFUSAL_PAGE = short_page(
    "This link does not open this room. Ask the facilitator for the room's link or its QR code."
)


def busy_page() -> str:
    """The page a device gets when it already holds its share of the room's pages."""
    return short_page(
        "This device already has several pages of this room open. Close the ones you "
        "do not use, then open the link again (or ask the facilitator)."
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


#: Websockets one page's kernel takes at once (a page opens one; a reconnect briefly two).
MAX_SOCKETS_PER_KERNEL = 4


class RoomAuthorizer(Authorizer):
    """Kernels only for their owner; everything else as Voila allows it (its pages need a login).

    The owner of a kernel is the browser whose page request started it or was handed it
    (:meth:`~.kernels.RoomKernelManager.assign`). A request about a kernel without one (a
    pre-heated kernel, an id that was never handed out, ``GET /api/kernels``) is refused.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from journeykit.workshop.identity import Identity
    >>> kernels = SimpleNamespace(owner_of={"k-1": Identity("ana")}.get, _kernel_connections={})
    >>> def request(kernel_id):
    ...     return SimpleNamespace(path_kwargs={"kernel_id": kernel_id}, kernel_manager=kernels)
    >>> ana, ben = SimpleNamespace(username="ana"), SimpleNamespace(username="ben")
    >>> auth = RoomAuthorizer()
    >>> auth.is_authorized(request("k-1"), ana, "execute", "kernels")
    True
    >>> auth.is_authorized(request("k-1"), ben, "execute", "kernels")
    False
    >>> auth.is_authorized(request(None), ana, "read", "kernels")
    False
    """

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        if resource != "kernels":
            return True
        kernel_id = getattr(handler, "path_kwargs", {}).get("kernel_id")
        kernels = getattr(handler, "kernel_manager", None)
        if not kernel_id or user is None or kernels is None or not hasattr(kernels, "owner_of"):
            return False
        owner = kernels.owner_of(kernel_id)
        if owner is None or owner.user != getattr(user, "username", None):
            return False
        if action == "execute":  # a new websocket
            return kernels._kernel_connections.get(kernel_id, 0) < MAX_SOCKETS_PER_KERNEL
        return True


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
