"""A room's links: the machine's address on the local network, tokens, and QR codes.

The QR codes come from ``segno`` (pure Python, nothing fetched): one printed
in the terminal with half-block characters, one saved as an SVG file for the
projector, and one inline in the dashboard.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from contextlib import suppress
from pathlib import Path

LOOPBACK = "127.0.0.1"


def lan_address() -> str | None:
    """This machine's IPv4 address on the local network, or None without a network.

    No packet is sent: connecting a UDP socket only asks the system which of its
    addresses it would use for a private address.

    Examples
    --------
    >>> address = lan_address()
    >>> address is None or not address.startswith("127.")
    True
    """
    candidates: list[str] = []
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 1))
                candidates.append(sock.getsockname()[0])
        except OSError:
            continue
    with suppress(OSError):
        candidates += [
            str(info[4][0])
            for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        ]
    for address in candidates:
        parsed = ipaddress.ip_address(address)
        if not (parsed.is_loopback or parsed.is_unspecified or parsed.is_link_local):
            return str(address)
    return None


def new_token() -> str:
    """A random token for a room link (128 bits, URL-safe).

    Examples
    --------
    >>> len(new_token()) >= 22 and new_token() != new_token()
    True
    """
    return secrets.token_urlsafe(16)


def room_link(host: str, port: int, token: str) -> str:
    """The link of a room server.

    Examples
    --------
    >>> room_link("192.168.1.20", 8866, "abc")
    'http://192.168.1.20:8866/?token=abc'
    """
    return f"http://{host}:{port}/?token={token}"


def qr_terminal(url: str) -> str:
    """*url* as a QR code drawn with half-block characters (fits an 80 x 24 terminal).

    Examples
    --------
    >>> lines = qr_terminal("http://192.168.1.20:8866/?token=abcdefghijklmnopqrstuv").splitlines()
    >>> len(lines) < 24 and all(len(line) <= 80 for line in lines)
    True
    """
    import io

    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    return out.getvalue()


def qr_svg(url: str, scale: int = 4) -> str:
    """*url* as an inline SVG QR code (for the dashboard).

    Examples
    --------
    >>> qr_svg("http://127.0.0.1:8866/?token=abc").startswith("<svg")
    True
    """
    import segno

    return segno.make(url, error="m").svg_inline(scale=scale)


def save_qr_svg(url: str, path: Path, scale: int = 10) -> Path:
    """Save *url* as an SVG QR code at *path* (for the projector); return *path*."""
    import io

    import segno

    from ..model import write_bytes_atomic

    svg = io.BytesIO()
    segno.make(url, error="m").save(svg, kind="svg", scale=scale, border=4)
    return write_bytes_atomic(path, svg.getvalue())
