"""Who owns which map in a room: safe file names and atomic name claims.

Everything here is plain files, so it works the same in every participant's
kernel and on every operating system. A typed name becomes a file stem with
:func:`file_stem` (letters, digits and ``-`` only, never a name Windows
reserves), and :func:`claim` takes it for one browser with an exclusive create
(``O_CREAT | O_EXCL``): two people typing "Ana" at the same moment get
``ana.json`` and ``ana-2.json``, never the same file. :func:`remember` and
:func:`remembered` link a browser id to its map, so the same browser gets its
map back after closing the tab.

The room folder::

    bakery-class/
        ana.json, ana-2.json, ...     the maps (what the roll-up reads)
        .owners/ana                   holds the browser id that claimed ana.json
        .browsers/<browser id>        holds the stem of that browser's map

Hidden folders are left out of the roll-up.
"""

from __future__ import annotations

import os
import re
import unicodedata
from contextlib import suppress
from pathlib import Path

from ..errors import JourneyMapError, Problem

#: A browser id as the page makes it: 16 random bytes as hex.
BROWSER_ID = re.compile(r"[0-9a-f]{32}")
#: A file stem as :func:`file_stem` makes it.
STEM = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
#: The longest file stem a typed name becomes.
MAX_STEM = 40
#: The longest name kept for the map's title and the greeting.
MAX_NAME = 60
#: The stem of a name with no letter or digit left (for example one in another script).
FALLBACK_STEM = "participant"
#: Names Windows cannot use as files, with any extension (``con.json`` is refused too).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)
#: How many ``<stem>-N`` variants a claim tries before giving up.
MAX_VARIANTS = 999
OWNERS = ".owners"
BROWSERS = ".browsers"


def clean_name(typed: str) -> str:
    """The name to greet and title a map with: one line, no control characters, not too long.

    Examples
    --------
    >>> clean_name("  Ana\\n María\\t ")
    'Ana María'
    >>> len(clean_name("x" * 10_000))
    60
    """
    printable = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in typed)
    return " ".join(printable.split())[:MAX_NAME].strip()


def file_stem(typed: str, fallback: str = FALLBACK_STEM) -> str:
    """A file stem for a typed name: lower-case ASCII letters, digits and ``-``.

    Accents are dropped, path separators, dots and markup become ``-``, the
    result is cut to :data:`MAX_STEM` characters, and a name Windows reserves
    (``CON``, ``NUL``, ``COM1``...) gets ``-1`` added. A name with nothing
    usable left becomes *fallback*.

    Examples
    --------
    >>> file_stem("Zoë O'Brien")
    'zoe-o-brien'
    >>> file_stem("../../etc/passwd"), file_stem("C:\\\\Windows\\\\x")
    ('etc-passwd', 'c-windows-x')
    >>> file_stem("<script>alert(1)</script>")
    'script-alert-1-script'
    >>> file_stem("NUL"), file_stem("com1"), file_stem("日本")
    ('nul-1', 'com1-1', 'participant')
    """
    ascii_text = unicodedata.normalize("NFKD", typed).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_STEM].strip("-")
    if not stem:
        return fallback
    return f"{stem}-1" if stem in WINDOWS_RESERVED else stem


def map_file(room: Path, stem: str) -> Path:
    """The map file of *stem* in *room*; refuses a stem :func:`file_stem` could not make.

    Examples
    --------
    >>> map_file(Path("rooms") / "bakery", "ana-2").name
    'ana-2.json'
    >>> map_file(Path("rooms"), "../x")
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - name: '../x' is not a room file name. Fix: use letters, digits and - only.
    """
    if not STEM.fullmatch(stem) or stem in WINDOWS_RESERVED:
        raise JourneyMapError(
            [Problem("name", f"{stem!r} is not a room file name", "use letters, digits and - only")]
        )
    return room / f"{stem}.json"


def claimed_count(room: Path) -> int:
    """How many maps have been claimed in *room* (participants who joined)."""
    owners = room / OWNERS
    return sum(1 for _ in owners.iterdir()) if owners.is_dir() else 0


def claim(room: Path, stem: str, owner: str) -> str:
    """Take ``<stem>.json`` in *room* for *owner*; a stem owned by someone else gets ``-2``...

    *owner* is a browser id, or ``hub:<user>`` under JupyterHub. Claiming a stem
    one already owns returns it again. A map file nobody claimed (copied in by
    the facilitator, say) is never handed out.

    Raises
    ------
    JourneyMapError
        When every variant up to ``<stem>-999`` is taken.

    Examples
    --------
    >>> import tempfile
    >>> room = Path(tempfile.mkdtemp())
    >>> claim(room, "ana", "a" * 32), claim(room, "ana", "b" * 32), claim(room, "ana", "a" * 32)
    ('ana', 'ana-2', 'ana')
    """
    owners = _folder(room, OWNERS)
    for number in range(1, MAX_VARIANTS + 1):
        candidate = stem if number == 1 else f"{stem}-{number}"
        marker = owners / candidate
        try:
            descriptor = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            if _read(marker) == owner:
                return candidate
            continue
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(owner)
        if map_file(room, candidate).exists():  # a map nobody claimed: leave it alone
            continue
        return candidate
    raise JourneyMapError(
        [
            Problem(
                "name",
                f"every map name from {stem} to {stem}-{MAX_VARIANTS} is taken in this room",
                "type your name with a second word, e.g. your last name",
            )
        ]
    )


def remember(room: Path, browser_id: str, stem: str) -> None:
    """Note that *browser_id* works on ``<stem>.json`` (ignored for an id the page did not make)."""
    if BROWSER_ID.fullmatch(browser_id):
        (_folder(room, BROWSERS) / browser_id).write_text(stem, encoding="ascii")


def remembered(room: Path, browser_id: str) -> str | None:
    """The stem of the map *browser_id* claimed before in *room*, or None.

    Examples
    --------
    >>> import tempfile
    >>> room, me = Path(tempfile.mkdtemp()), "c" * 32
    >>> remembered(room, me) is None
    True
    >>> remember(room, me, claim(room, "ben", me))
    >>> remembered(room, me), remembered(room, "../../etc/passwd")
    ('ben', None)
    """
    if not BROWSER_ID.fullmatch(browser_id):
        return None
    stem = _read(room / BROWSERS / browser_id)
    if STEM.fullmatch(stem) and _read(room / OWNERS / stem) == browser_id:
        return stem
    return None


def _folder(room: Path, name: str) -> Path:
    """The hidden folder *name* of *room*, shared like the room folder itself.

    On a JupyterHub each participant is their own system user: the admin makes the
    room folder writable by all with the sticky bit (``chmod 1777``), and its hidden
    folders get the same, so every participant can claim a name but nobody can
    replace or remove another's files.
    """
    folder = room / name
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        return folder
    with suppress(OSError):
        if room.stat().st_mode & 0o1002 == 0o1002:  # sticky and writable by all
            folder.chmod(0o1777)
    return folder


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii", errors="replace").strip()
    except (OSError, ValueError):
        return ""
