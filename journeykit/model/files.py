"""Files, safely: atomic writes and JSON reading that never shows a raw traceback.

* Writes are atomic: the text goes to a temporary file in the same folder, is
  flushed to disk, and only then replaces the target, so a crash or a full disk
  never leaves half a file. The previous version can be kept as ``NAME.bak``.
* Writers take turns: each write holds a lock file beside the target
  (:func:`locked`), and :func:`replace_if_unchanged` swaps the new file in only
  if the old one still holds what the writer expects, which is how two editors
  on one map notice each other (:mod:`.saving`).
* Reading turns a missing file, unreadable bytes or broken JSON into one
  :class:`~journeykit.JourneyMapError` naming the file, the line and the fix.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from ..errors import JourneyMapError, Problem

#: Larger files are refused before parsing: a real map is a few kilobytes.
MAX_FILE_BYTES = 5 * 1024 * 1024

BACKUP_SUFFIX = ".bak"

# Temporary files are created owner-only; the finished file gets the usual permissions.
_UMASK = os.umask(0)
os.umask(_UMASK)


def write_text_atomic(path: str | Path, text: str, *, backup: bool = False) -> Path:
    """Write *text* to *path* as UTF-8 so that readers see the old or the new file, never half.

    Parameters
    ----------
    path : str or Path
        Target file; missing parent folders are created.
    text : str
        The content. Newlines are written as ``\\n`` on every platform.
    backup : bool, default False
        Keep the file being replaced as ``path + ".bak"``.

    Raises
    ------
    JourneyMapError
        If the file cannot be written, or *text* holds a character UTF-8 cannot
        store (a lone surrogate); the old file, if any, is left as it was.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "notes" / "a.txt"
    >>> write_text_atomic(target, "first\\n").read_text()
    'first\\n'
    >>> _ = write_text_atomic(target, "second\\n", backup=True)
    >>> target.with_name("a.txt.bak").read_text()
    'first\\n'
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise JourneyMapError(
            [
                Problem(
                    f"line {line}",
                    f"the text holds U+{ord(text[exc.start]):04X}, half of a character "
                    "whose other half is missing, which UTF-8 cannot store",
                    "delete that character where you typed it and save again",
                )
            ],
            source=str(path),
        ) from None
    return write_bytes_atomic(path, data, backup=backup)


def write_bytes_atomic(path: str | Path, data: bytes, *, backup: bool = False) -> Path:
    """Write *data* to *path* atomically; see :func:`write_text_atomic`.

    The write holds the file's lock (:func:`locked`), and a write that would
    change nothing leaves the file and its backup alone, so the backup always
    holds the version before the last real change.

    Raises
    ------
    JourneyMapError
        If the file cannot be written; the old file, if any, is left as it was.
    """
    target = Path(path)
    with locked(target):
        while True:
            before = read_bytes_if_exists(target)
            if before == data or replace_if_unchanged(target, data, before, backup=backup):
                return target


def replace_if_unchanged(
    path: str | Path, data: bytes, expected: bytes | None, *, backup: bool = True
) -> bool:
    """Swap *data* in at *path* if the file still holds *expected* (None: no file); else False.

    The new bytes go to a temporary file beside *path* and are flushed to disk
    (and with *backup*, *expected* is kept as ``NAME.bak``); then the file is
    read once more and compared with *expected* right before ``os.replace``, so
    a change made meanwhile by a program that does not take the lock (a text
    editor) is noticed too.

    Raises
    ------
    JourneyMapError
        If a file cannot be written or read; the old file is left as it was.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = _write_temp(target, data)
        try:
            if backup and expected is not None:
                _put(target.with_name(target.name + BACKUP_SUFFIX), expected)
            if read_bytes_if_exists(target) != expected:
                return False  # the backup holds a version the file really had: no harm
            _swap(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise _write_error(target, exc) from None
    return True


def read_bytes_if_exists(path: str | Path) -> bytes | None:
    """The bytes of the file at *path*, or None when there is no file (for writers).

    Raises
    ------
    JourneyMapError
        If something is there but cannot be read: then it cannot safely be
        written over either.
    """
    target = Path(path)
    try:
        return target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _write_error(target, exc) from None


def _put(target: Path, data: bytes) -> None:
    """Write *data* to a temporary file beside *target*, flush it, then swap it in."""
    tmp = _write_temp(target, data)
    try:
        _swap(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _write_temp(target: Path, data: bytes) -> Path:
    """*data* in a flushed temporary file beside *target*, with the permissions *target* has.

    A new file gets the permissions a newly created file would get. The name
    starts with a dot and ends in ``.tmp``, so nothing that collects maps by
    their suffix picks it up.
    """
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_UMASK
    fd, tmp_name = tempfile.mkstemp(prefix=".journeykit-tmp-", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return Path(tmp_name)


def _swap(tmp: Path, target: Path) -> None:
    """``os.replace(tmp, target)``, retried for a moment on Windows while a reader has it open."""
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            if not _ON_WINDOWS or attempt == _REPLACE_TRIES - 1:
                raise
            time.sleep(0.05)


_REPLACE_TRIES = 20
#: Windows refuses to replace or create a file another process has open or is deleting.
_ON_WINDOWS = os.name == "nt"


@contextmanager
def locked(path: str | Path) -> Iterator[None]:
    """Hold the lock of the file at *path* while the block runs.

    The lock is a file ``.NAME.lock`` beside it, made with ``O_CREAT | O_EXCL``
    (which works the same on Windows, macOS, Linux and network drives). Another
    JourneyKit writer waits for it; a lock older than :data:`STALE_LOCK_SECONDS`
    was left by a program that stopped mid-save and is taken over.

    Raises
    ------
    JourneyMapError
        If the lock cannot be made (a read-only folder) or another writer keeps
        it for more than :data:`LOCK_WAIT_SECONDS`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "shop.json"
    >>> with locked(target):
    ...     sorted(p.name for p in target.parent.iterdir())
    ['.shop.json.lock']
    >>> list(target.parent.iterdir())
    []
    """
    target = Path(path)
    lock = target.with_name(f".{target.name}.lock")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _acquire(lock, target)
    except OSError as exc:
        raise _write_error(target, exc) from None
    try:
        yield
    finally:
        with suppress(OSError):  # Windows: another process has it open; it goes stale
            lock.unlink(missing_ok=True)


#: A lock this old was left behind by a program that stopped while saving.
STALE_LOCK_SECONDS = 10.0
#: The longest a save waits for another writer before giving up.
LOCK_WAIT_SECONDS = 30.0


def _acquire(lock: Path, target: Path) -> None:
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            pass
        except PermissionError:
            if not _ON_WINDOWS:  # on Windows: the lock is being deleted right now
                raise
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(f"{os.getpid()}\n")
            return
        try:
            age = time.time() - lock.stat().st_mtime
        except FileNotFoundError:
            continue
        if age > STALE_LOCK_SECONDS:
            lock.unlink(missing_ok=True)
            continue
        if time.monotonic() > deadline:
            raise JourneyMapError(
                [
                    Problem(
                        "",
                        f"another program has been saving this file for over "
                        f"{LOCK_WAIT_SECONDS:.0f} seconds",
                        f"save again in a moment; if this keeps "
                        f"happening, delete the file {lock.name} beside it",
                    )
                ],
                source=str(target),
            )
        time.sleep(0.01)


def conflict_path(path: str | Path, when: datetime) -> Path:
    """A free name beside *path* for a version kept aside: ``NAME.conflict-<stamp>.json``.

    Examples
    --------
    >>> from datetime import datetime
    >>> conflict_path("my_maps/shop.json", datetime(2026, 3, 1, 9, 30, 5)).name
    'shop.conflict-20260301-093005.json'
    """
    target = Path(path)
    stamp = f"{when:%Y%m%d-%H%M%S}"
    candidate = target.with_name(f"{target.stem}{CONFLICT_MARK}{stamp}{target.suffix}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = target.with_name(f"{target.stem}{CONFLICT_MARK}{stamp}-{number}{target.suffix}")
    return candidate


#: What marks a version kept aside after two editors changed the same field.
CONFLICT_MARK = ".conflict-"
#: Versions kept aside beside one map, and in one folder, before saves that would keep
#: another are refused (each can be as large as a map): two editors fighting over one map
#: must not fill the disk unseen.
MAX_KEPT_ASIDE = 5
MAX_KEPT_ASIDE_IN_FOLDER = 50


def kept_aside(path: str | Path) -> list[Path]:
    """The versions kept aside beside the map *path* (``NAME.conflict-*.json``), oldest first.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "shop.conflict-20260301-093005.json").write_text("{}")
    >>> [p.name for p in kept_aside(folder / "shop.json")], kept_aside(folder / "other.json")
    (['shop.conflict-20260301-093005.json'], [])
    """
    target = Path(path)
    found = target.parent.glob(f"{target.stem}{CONFLICT_MARK}*{target.suffix}")
    return sorted(p for p in found if p.stem.rsplit(CONFLICT_MARK, 1)[0] == target.stem)


def kept_aside_in(folder: str | Path) -> int:
    """How many versions are kept aside in *folder* (every map's)."""
    return sum(1 for _ in Path(folder).glob(f"*{CONFLICT_MARK}*.json"))


def check_room_to_keep_aside(path: str | Path) -> None:
    """Raise if no other version of the map *path* may be kept aside (see the caps above)."""
    target = Path(path)
    beside, in_folder = len(kept_aside(target)), kept_aside_in(target.parent)
    if beside < MAX_KEPT_ASIDE and in_folder < MAX_KEPT_ASIDE_IN_FOLDER:
        return
    where = (
        f"{beside} versions of this map are already kept aside beside it"
        if beside >= MAX_KEPT_ASIDE
        else f"{in_folder} versions of maps are already kept aside in its folder"
    )
    raise JourneyMapError(
        [
            Problem(
                "",
                f"{where} (NAME{CONFLICT_MARK}<time>.json), so this save, which would keep "
                "one more, did not happen",
                "copy what you need from them into the map and delete them (in a workshop "
                "room, ask the facilitator); your text stays in the boxes until then",
            )
        ],
        source=str(target),
    )


def _write_error(target: Path, exc: OSError) -> JourneyMapError:
    return JourneyMapError(
        [
            Problem(
                "",
                f"could not write the file ({exc.strerror or exc})",
                "check that the folder exists, is not read-only and the disk is not full; "
                "your map is still in memory, so save it again under another name",
            )
        ],
        source=str(target),
    )


def read_json(path: str | Path) -> object:
    """Read and parse a JSON file, turning every failure into a JourneyMapError."""
    return parse_json_bytes(read_file_bytes(path), str(path))


def read_file_bytes(path: str | Path) -> bytes:
    """The bytes of a map file, checked for size; every failure is a JourneyMapError."""
    target = Path(path)
    source = str(path)
    try:
        size = target.stat().st_size
        if size > MAX_FILE_BYTES:
            raise JourneyMapError(
                [
                    Problem(
                        "",
                        f"the file is {size / 1e6:.1f} MB; a journey map is at most "
                        f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
                        "check you picked the right file; a map this big is not a journey map",
                    )
                ],
                source=source,
            )
        return target.read_bytes()
    except FileNotFoundError:
        raise JourneyMapError(
            [
                Problem(
                    "",
                    "there is no such file",
                    "check the name and folder; maps you make are usually in my_maps/",
                )
            ],
            source=source,
        ) from None
    except IsADirectoryError:
        raise JourneyMapError(
            [Problem("", "this is a folder, not a file", "give the path of a .json map file")],
            source=source,
        ) from None
    except OSError as exc:
        raise JourneyMapError(
            [
                Problem(
                    "",
                    f"the file cannot be read ({exc.strerror or exc})",
                    "check that it exists and you may read it",
                )
            ],
            source=source,
        ) from None


def parse_json_bytes(raw: bytes, source: str) -> object:
    """Decode UTF-8 (with or without a byte-order mark) and parse JSON."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise JourneyMapError(
            [
                Problem(
                    f"line {line}",
                    f"byte {exc.start} is not valid UTF-8 text",
                    "save the file with UTF-8 encoding "
                    "(in Notepad: File > Save As > Encoding: UTF-8)",
                )
            ],
            source=source,
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JourneyMapError(
            [
                Problem(
                    f"line {exc.lineno}, column {exc.colno}",
                    f"this is not valid JSON ({exc.msg})",
                    _json_hint(exc),
                )
            ],
            source=source,
        ) from None
    except RecursionError:
        raise JourneyMapError(
            [
                Problem(
                    "",
                    "the file nests brackets [ ] or braces { } hundreds of levels deep",
                    "check you picked the right file; a journey map nests at most four levels",
                )
            ],
            source=source,
        ) from None
    except ValueError as exc:  # a number with more digits than Python will read
        raise JourneyMapError(
            [
                Problem(
                    "",
                    f"the file holds a number too long to read ({exc})",
                    "check you picked the right file; a journey map's numbers are 1 to 5",
                )
            ],
            source=source,
        ) from None


def _json_hint(exc: json.JSONDecodeError) -> str:
    if "Expecting ',' delimiter" in exc.msg:
        return "a comma is missing between two items just before this point"
    if "Expecting property name" in exc.msg:
        return "remove the comma after the last item, and put field names in double quotes"
    if "Expecting value" in exc.msg:
        return "a value is missing here, or there is an extra comma; text needs double quotes"
    if "Unterminated string" in exc.msg:
        return 'close the text with a double quote "; write a line break as \\n'
    if "Extra data" in exc.msg:
        return "the file has something after the map's final }; delete it"
    return "compare this spot with the example map in datasets/clothing-store.json"
