"""Files, safely: atomic writes and JSON reading that never shows a raw traceback.

* Writes are atomic: the text goes to a temporary file in the same folder, is
  flushed to disk, and only then replaces the target, so a crash or a full disk
  never leaves half a file. The previous version can be kept as ``NAME.bak``.
* Reading turns a missing file, unreadable bytes or broken JSON into one
  :class:`~journeykit.JourneyMapError` naming the file, the line and the fix.
"""

from __future__ import annotations

import json
import os
import tempfile
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
    return write_bytes_atomic(path, text.encode("utf-8"), backup=backup)


def write_bytes_atomic(path: str | Path, data: bytes, *, backup: bool = False) -> Path:
    """Write *data* to *path* atomically; see :func:`write_text_atomic`.

    Raises
    ------
    JourneyMapError
        If the file cannot be written; the old file, if any, is left as it was.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if backup and target.exists():
            _replace_atomic(target.with_name(target.name + BACKUP_SUFFIX), target.read_bytes())
        _replace_atomic(target, data)
    except OSError as exc:
        raise _write_error(target, exc) from None
    return target


def _replace_atomic(target: Path, data: bytes) -> None:
    """Write *data* to a temporary file beside *target*, flush it, then swap it in.

    The new file keeps the permissions of the file it replaces, or gets the
    permissions a newly created file would get.
    """
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_UMASK
    fd, tmp_name = tempfile.mkstemp(prefix=".journeykit-tmp-", suffix=target.suffix,
                                    dir=target.parent)
    try:
        os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _write_error(target: Path, exc: OSError) -> JourneyMapError:
    return JourneyMapError([Problem(
        "", f"could not write the file ({exc.strerror or exc})",
        "check that the folder exists, is not read-only and the disk is not full; "
        "your map is still in memory, so save it again under another name")],
        source=str(target))


def read_json(path: str | Path) -> object:
    """Read and parse a JSON file, turning every failure into a JourneyMapError."""
    target = Path(path)
    source = str(path)
    try:
        size = target.stat().st_size
        if size > MAX_FILE_BYTES:
            raise JourneyMapError([Problem(
                "", f"the file is {size / 1e6:.1f} MB; a journey map is at most "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
                "check you picked the right file; a map this big is not a journey map")],
                source=source)
        raw = target.read_bytes()
    except FileNotFoundError:
        raise JourneyMapError([Problem(
            "", "there is no such file",
            "check the name and folder; maps you make are usually in my_maps/")],
            source=source) from None
    except IsADirectoryError:
        raise JourneyMapError([Problem("", "this is a folder, not a file",
                                       "give the path of a .json map file")],
                              source=source) from None
    except OSError as exc:
        raise JourneyMapError([Problem("", f"the file cannot be read ({exc.strerror or exc})",
                                       "check that it exists and you may read it")],
                              source=source) from None
    return parse_json_bytes(raw, source)


def parse_json_bytes(raw: bytes, source: str) -> object:
    """Decode UTF-8 (with or without a byte-order mark) and parse JSON."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise JourneyMapError([Problem(
            f"line {line}", f"byte {exc.start} is not valid UTF-8 text",
            "save the file with UTF-8 encoding (in Notepad: File > Save As > Encoding: UTF-8)")],
            source=source) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JourneyMapError([Problem(
            f"line {exc.lineno}, column {exc.colno}", f"this is not valid JSON ({exc.msg})",
            _json_hint(exc))], source=source) from None


def _json_hint(exc: json.JSONDecodeError) -> str:
    if "Expecting ',' delimiter" in exc.msg:
        return "a comma is missing between two items just before this point"
    if "Expecting property name" in exc.msg:
        return ("remove the comma after the last item, and put field names in double "
                "quotes")
    if "Expecting value" in exc.msg:
        return "a value is missing here, or there is an extra comma; text needs double quotes"
    if "Unterminated string" in exc.msg:
        return "close the text with a double quote \"; write a line break as \\n"
    if "Extra data" in exc.msg:
        return "the file has something after the map's final }; delete it"
    return "compare this spot with the example map in datasets/clothing-store.json"
