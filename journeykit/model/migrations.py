"""The saved format's version, and the steps that bring an older file up to it.

A saved map says which version of the format it was written in
(``"schema_version"``). The reader accepts every version up to
:data:`SCHEMA_VERSION`: a file of an older version is first passed through
:data:`MIGRATIONS`, one step per version, so the rest of the reader only ever
sees the current layout. A file of a newer version is refused with a request to
update the kit.

Adding a field the schema describes does not by itself change the version: the
file's layout already has a place for it (a key in the map, the persona or each
stage, or an attribute of an item) and older files, which lack it, read as
empty. Raise the version when files written now could be misread, or not read,
by the kit as it was (a kit without the new field refuses a file that holds it),
and add a step here when older files need reshaping, not only filling.

Examples
--------
>>> migrate({"schema_version": SCHEMA_VERSION, "title": "Shop"})["title"]
'Shop'
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

#: Version of the saved JSON format this kit writes. Raise it when the format changes.
SCHEMA_VERSION = 1

#: Steps from one version to the next: ``MIGRATIONS[n]`` turns version-*n* data
#: (a copy, changed in place) into version *n* + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], None]] = {}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Saved-file *data* of any version up to :data:`SCHEMA_VERSION`, in the current layout.

    Data already current is returned as it is; older data is copied, then passed
    through each step in turn. A version this kit cannot read (missing, not a
    whole number, newer) is left for the reader to report.
    """
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        return data
    if not 1 <= version < SCHEMA_VERSION:
        return data
    data = copy.deepcopy(data)
    for step in range(version, SCHEMA_VERSION):
        MIGRATIONS[step](data)
        data["schema_version"] = step + 1
    return data
