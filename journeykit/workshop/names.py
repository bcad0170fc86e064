"""Who owns which map in a room: safe file names, atomic name claims and who edits a map now.

Everything here is plain files, so it works the same in every participant's
kernel and on every operating system. A typed name becomes a file stem with
:func:`file_stem` (letters, digits and ``-`` only, never a name Windows
reserves), and :func:`claim` takes it for one browser with an exclusive create
(``O_CREAT | O_EXCL``): two people typing "Ana" at the same moment get
``ana.json`` and ``ana-2.json``, never the same file. :func:`remember` and
:func:`remembered` link a browser's identity (:mod:`.identity`, told to the
kernel by the server) to its map, so the same browser gets its map back after
closing the tab.

A claim is a name slot: the room takes ``max_participants`` of them, and one
device (network address) takes at most ``per_device``, so a script cannot take
them all. Slots that nobody used (the map was never edited) are given back when
the room opens again (:func:`tidy_claims`); the facilitator frees any slot from
the dashboard (:func:`free_claim`).

One page edits a map at a time: the page that opens a map last takes it
(:func:`take_map`) and an older page of the same browser (another tab, a
second device) stops editing and says so, so a participant's own tabs never
write each other's text into conflict copies.

The room folder::

    bakery-class/
        ana.json, ana-2.json, ...     the maps (what the roll-up reads)
        .owners/ana                   the identity that claimed ana.json, and its address
        .browsers/<identity>          the stem of that browser's map
        .editing/ana                  the page (kernel id) editing ana.json now
        .freed/ana-<time>.json        a blank map whose slot the facilitator freed

Hidden folders are left out of the roll-up.
"""

from __future__ import annotations

import os
import re
import time
import unicodedata
from contextlib import suppress
from pathlib import Path

from ..errors import JourneyMapError, Problem
from ..model import JourneyMap, load_map

#: A browser's identity as the room's server makes it: 16 random bytes as hex.
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
EDITING = ".editing"
FREED = ".freed"


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


def claimed_stems(room: Path) -> list[str]:
    """The file stems of the maps claimed in *room*, sorted (the name slots taken)."""
    owners = room / OWNERS
    return (
        sorted(m.name for m in owners.iterdir() if STEM.fullmatch(m.name))
        if owners.is_dir()
        else []
    )


def claimed_from(room: Path, address: str) -> int:
    """How many maps of *room* were claimed from network address *address*."""
    owners = room / OWNERS
    if not address or not owners.is_dir():
        return 0
    return sum(1 for marker in owners.iterdir() if _claim_of(marker)[1] == address)


def claim(room: Path, stem: str, owner: str, address: str = "") -> str:
    """Take ``<stem>.json`` in *room* for *owner*; a stem owned by someone else gets ``-2``...

    *owner* is a browser's identity, or ``hub:<user>`` under JupyterHub; *address*
    the network address it joined from (kept with the claim, so a device's names
    can be counted). Claiming a stem one already owns returns it again. A map file
    nobody claimed (copied in by the facilitator, say) is never handed out.

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
            if _claim_of(marker)[0] == owner:
                return candidate
            continue
        with os.fdopen(descriptor, "w", encoding="ascii", errors="replace") as handle:
            handle.write(f"{owner}\n{address}")
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


def is_blank(journey_map: JourneyMap) -> bool:
    """True for a map nobody has written in: a new map of its framework, titled as it is.

    Examples
    --------
    >>> m = JourneyMap.new("five-stage", title="Ana")
    >>> is_blank(m)
    True
    >>> m.set_lane("Awareness", "touchpoints", ["Shop window"]); is_blank(m)
    False
    """
    blank = JourneyMap.new(journey_map.framework, title=journey_map.title)
    return journey_map.to_dict() == blank.to_dict()


def free_claim(room: Path, stem: str) -> bool:
    """Give the name slot of ``<stem>.json`` back (the dashboard's *Free*); True if it was taken.

    The browser that held it is a newcomer again. A map nobody wrote in moves to
    ``.freed/`` (kept, out of the roll-up and out of the way of the next "Ana"); a
    map with anything in it stays where it is, for the debrief.
    """
    marker = room / OWNERS / stem
    if not STEM.fullmatch(stem) or not marker.is_file():
        return False
    owner = _claim_of(marker)[0]
    path = map_file(room, stem)
    if path.exists() and _blank_file(path):
        stamp = time.strftime("%Y%m%d-%H%M%S")
        with suppress(OSError):
            os.replace(path, _folder(room, FREED) / f"{stem}-{stamp}.json")
    with suppress(OSError):
        marker.unlink()
    if BROWSER_ID.fullmatch(owner):
        with suppress(OSError):
            (room / BROWSERS / owner).unlink()
    return True


def tidy_claims(room: Path, *, keep_people: bool = True) -> list[str]:
    """Give back the slots nobody used, as the room opens; return the stems freed.

    A slot whose map is missing or was never written in is freed (its blank map
    too). With *keep_people* False (new links: a new group), every slot is freed:
    the browsers of the last session are newcomers now, and their maps stay in
    the folder.
    """
    owners = room / OWNERS
    if not owners.is_dir():
        return []
    freed = []
    for marker in sorted(owners.iterdir()):
        stem = marker.name
        path = room / f"{stem}.json"
        unused = not path.exists() or _blank_file(path)
        if keep_people and not unused:
            continue
        if unused and path.exists():
            with suppress(OSError):
                path.unlink()
            with suppress(OSError):
                Path(f"{path}.bak").unlink()
        with suppress(OSError):
            marker.unlink()
        freed.append(stem)
    if not keep_people:
        for entry in (room / BROWSERS).glob("*") if (room / BROWSERS).is_dir() else []:
            with suppress(OSError):
                entry.unlink()
    return freed


def take_map(room: Path, stem: str, page: str) -> None:
    """Note that page *page* (its kernel id) edits ``<stem>.json`` from now on."""
    if STEM.fullmatch(stem):
        target = _folder(room, EDITING) / stem
        tmp = target.with_name(f".{stem}.{os.getpid()}.tmp")
        tmp.write_text(page, encoding="ascii", errors="replace")
        os.replace(tmp, target)


def editing_page(room: Path, stem: str) -> str:
    """The page that edits ``<stem>.json`` now ("" if none said so)."""
    return _read(room / EDITING / stem) if STEM.fullmatch(stem) else ""


def remember(room: Path, browser_id: str, stem: str) -> None:
    """Note that *browser_id* works on ``<stem>.json`` (ignored unless the server made it)."""
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
    if STEM.fullmatch(stem) and _claim_of(room / OWNERS / stem)[0] == browser_id:
        return stem
    return None


def owner_of_stem(room: Path, stem: str) -> str:
    """The identity that claimed ``<stem>.json`` ("" if nobody holds it now)."""
    return _claim_of(room / OWNERS / stem)[0] if STEM.fullmatch(stem) else ""


def _claim_of(marker: Path) -> tuple[str, str]:
    """The owner and the address a claim marker holds (an older marker holds the owner only)."""
    owner, _, address = _read(marker).partition("\n")
    return owner.strip(), address.strip()


def _blank_file(path: Path) -> bool:
    try:
        return is_blank(load_map(path))
    except JourneyMapError:
        return False


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
