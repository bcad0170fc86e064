"""The saved format's version, and the steps that bring an older file up to it.

A saved map says which version of the format it was written in
(``"schema_version"``). The reader accepts every version up to
:data:`SCHEMA_VERSION`: a file of an older version is first passed through
:data:`MIGRATIONS`, one step per version, so the rest of the reader only ever
sees the current layout. A file of a newer version is refused with a request to
update the kit.

Adding a field the schema describes does not by itself change the layout: the
file already has a place for it (a key in the map, the persona or each stage, or
an attribute of an item) and older files, which lack it, read as empty. But a kit
without the field refuses a file that holds it, as a field it does not know. So a
new field says which version brought it in (:attr:`FieldSpec.since
<journeykit.catalogue.FieldSpec.since>`), and a file is written with the oldest
version that can hold what it uses (:func:`written_version`): a map that uses no
newer field is written as before and every older kit reads it, and one that does
tells an older kit to update itself instead of calling its content a mistake.

A version that only added fields needs no step (``None`` in :data:`MIGRATIONS`);
add a step when older files need reshaping, not only filling. A file is never
written with a version older than the last reshaping step.

=======  ===========================================================================
version  what it brought
=======  ===========================================================================
1        the map, persona and eleven lanes of the first course
2        the method's second half: where each list item comes from (``evidence``,
         ``source``), impact, effort and owner of opportunities, the current or future
         ``state`` and the map it is ``based_on``, the blueprint lanes
=======  ===========================================================================

Examples
--------
>>> migrate({"schema_version": 1, "title": "Shop"})["title"]
'Shop'
>>> written_version({"stages": [{"stage": "Aware", "touchpoints": ["Flyer"]}]})
1
>>> written_version({"stages": [{"touchpoints": [{"text": "Flyer", "evidence": "survey"}]}]})
2
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from ..catalogue import Schema, schema

#: The newest version of the saved JSON format this kit reads and writes.
SCHEMA_VERSION = 2

#: Steps from one version to the next: ``MIGRATIONS[n]`` turns version-*n* data
#: (a copy, changed in place) into version *n* + 1; None when version *n* + 1 only
#: added fields, so version-*n* data needs no change.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], None] | None] = {1: None}


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
    steps = [MIGRATIONS[n] for n in range(version, SCHEMA_VERSION)]
    data = copy.deepcopy(data) if any(steps) else dict(data)
    for step in steps:
        if step is not None:
            step(data)
    data["schema_version"] = SCHEMA_VERSION
    return data


def written_version(data: dict[str, Any]) -> int:
    """The version to write saved-file *data* with: the newest version among the fields it
    holds (:attr:`~journeykit.catalogue.FieldSpec.since`), and never older than the last
    version whose layout needed a migration step."""
    version = max((n + 1 for n, step in MIGRATIONS.items() if step is not None), default=1)
    current = schema()
    for scope, holder in (("map", data), ("persona", data.get("persona", {}))):
        version = max(version, _newest(current, scope, holder))
    for stage in data.get("stages", []):
        version = max(version, _newest(current, "stage", stage))
    return min(version, SCHEMA_VERSION)


def _newest(current: Schema, scope: str, holder: Any) -> int:
    """The newest ``since`` among the fields (and item attributes) *holder* holds."""
    newest = 1
    if not isinstance(holder, dict):
        return newest
    items = current.names["item"]
    for key, specs in current.saved_groups(scope).items():
        if key not in holder:
            continue
        for spec in specs:
            newest = max(newest, spec.since)
            if spec.kind != "list":
                continue
            value = holder[key]
            value = value.get(spec.saved[-1], []) if len(spec.saved) > 1 else value
            for item in value if isinstance(value, list) else []:
                if isinstance(item, dict):
                    newest = max([newest, *(items[k].since for k in item if k in items)])
    return newest
