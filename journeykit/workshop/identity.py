"""Who a participant's page belongs to, told by the server to the page's kernel.

Every browser that opens the join link gets an identity of its own from the
participants' server: Jupyter Server's login (:mod:`.auth`) gives each
browser a random id in a signed cookie the first time it brings the link's
token, and the same browser keeps it for 30 days, across closed tabs and a
reopened room. That id, not the join token, is what a room trusts:

* the server notes which identity each kernel was started or handed out for
  (:class:`~.kernels.RoomKernelManager`) and lets only that identity connect
  to the kernel or shut it down (:class:`~.auth.RoomAuthorizer`);
* it writes the identity, with the browser's network address and the
  ``name=`` of a personal link, to ``<run folder>/identities/<kernel id>.json``
  (:func:`tell_kernel`) before the page is sent, and the kernel reads it
  (:func:`identity_of_kernel`): nothing the page itself sends can change whose
  map a kernel opens;
* a map is claimed for an identity (:mod:`.names`), so the same browser finds
  its map again, and a second browser never does.

Under JupyterHub the hub's login is the identity (``hub:<user>``) and there is
no run folder.

Examples
--------
>>> import tempfile, pathlib
>>> run = pathlib.Path(tempfile.mkdtemp())
>>> tell_kernel(run, "k-1", Identity("ab" * 16, "192.168.1.20", "Ana"))
>>> identity_of_kernel(run, "k-1")
Identity(user='abababababababababababababababab', address='192.168.1.20', link_name='Ana')
>>> forget_kernel(run, "k-1"); identity_of_kernel(run, "k-1") is None
True
"""

from __future__ import annotations

import json
import os
import re
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from ..model.files import write_text_atomic

#: The folder of the run folder where the server tells kernels whose pages they serve.
IDENTITIES = "identities"
#: A kernel id as Jupyter Server makes it (a UUID); anything else names no file.
KERNEL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|k-[0-9]+")
#: The addresses of this computer: the facilitator's own browser is never limited.
THIS_COMPUTER = frozenset({"127.0.0.1", "::1"})
#: The longest personal-link name kept (the page cuts a longer one).
MAX_LINK_NAME = 200


@dataclass(frozen=True)
class Identity:
    """A participant's browser as the server knows it.

    Attributes
    ----------
    user : str
        The browser's id: 32 hex digits from the server's login cookie, or
        ``hub:<user>`` under JupyterHub.
    address : str
        The network address the page was requested from ("" when unknown).
    link_name : str
        The ``name=`` of a personal link ("" for the plain join link).
    """

    user: str
    address: str = ""
    link_name: str = ""

    @property
    def this_computer(self) -> bool:
        """True for a page opened on the facilitator's own computer."""
        return self.address in THIS_COMPUTER


def _file(run_dir: Path, kernel_id: str) -> Path | None:
    if not KERNEL_ID.fullmatch(kernel_id):
        return None
    return run_dir / IDENTITIES / f"{kernel_id}.json"


def tell_kernel(run_dir: Path, kernel_id: str, identity: Identity) -> None:
    """Tell kernel *kernel_id* whose page it serves (the server calls this)."""
    target = _file(run_dir, kernel_id)
    if target is not None:
        record = asdict(identity)
        record["link_name"] = identity.link_name[:MAX_LINK_NAME]
        write_text_atomic(target, json.dumps(record))


def forget_kernel(run_dir: Path, kernel_id: str) -> None:
    """Remove what :func:`tell_kernel` wrote (the kernel has stopped)."""
    target = _file(run_dir, kernel_id)
    if target is not None:
        with suppress(OSError):
            target.unlink()


def identity_of_kernel(run_dir: Path, kernel_id: str) -> Identity | None:
    """What the server told kernel *kernel_id*, or None (not yet, or nothing valid)."""
    target = _file(run_dir, kernel_id)
    if target is None:
        return None
    try:
        record = json.loads(target.read_text(encoding="utf-8"))
        return Identity(str(record["user"]), str(record["address"]), str(record["link_name"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def this_kernel_id() -> str:
    """The id of the kernel this code runs in ("" outside a room's kernel).

    Voila puts it in the environment before the app runs.
    """
    return os.environ.get("VOILA_KERNEL_ID", "")
