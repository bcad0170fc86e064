"""The catalogue: layer 2 of the kit, just above the error type, plain data about journey mapping.

* :mod:`.frameworks`: the four frameworks of the course (stages in order, each
  described in our own words), the journey moments their crosswalk lines up on,
  and the figures the source texts quote. The data is ``frameworks.json``.
* :mod:`.fields`: the field schema: every field of a map (the title and notes, the
  persona's fields, the lanes of every stage, the attributes of list items)
  described once, and :class:`FieldPath`, the one way any layer names a field;
* :mod:`.lanes`: the emotion scale and what counts as a dip;
* :mod:`.method`: the method's second half: the kinds of evidence behind an item, the
  impact/effort matrix and its roadmap, the rows and lines of a service blueprint.

Nothing here imports pandas, plotly or any other layer of the kit.
"""

from __future__ import annotations

from .fields import (
    FIELDS,
    LANES,
    LANES_BY_KEY,
    LIST_LANES,
    FieldKind,
    FieldPath,
    FieldSpec,
    Schema,
    extended,
    field,
    lane,
    schema,
)
from .frameworks import (
    Catalogue,
    Fact,
    Framework,
    FrameworkStage,
    Moment,
    catalogue,
    crosswalk,
    crosswalk_pairs,
    facts,
    framework_ids,
    frameworks_table,
    get_framework,
)
from .lanes import LOW_SCORE, SCORE_LABELS, SCORE_MAX, SCORE_MIN, is_dip
from .method import (
    ASSUMPTION,
    BLUEPRINT_LINES,
    BLUEPRINT_ROWS,
    EVIDENCE,
    EVIDENCE_LANES,
    EVIDENCE_MEANING,
    HORIZONS,
    QUADRANTS,
    RESEARCH,
    BlueprintLine,
    Quadrant,
    evidence_mark,
    is_research,
    quadrant,
)

__all__ = [
    "ASSUMPTION",
    "BLUEPRINT_LINES",
    "BLUEPRINT_ROWS",
    "EVIDENCE",
    "EVIDENCE_LANES",
    "EVIDENCE_MEANING",
    "HORIZONS",
    "QUADRANTS",
    "RESEARCH",
    "BlueprintLine",
    "Quadrant",
    "evidence_mark",
    "is_research",
    "quadrant",
    "FIELDS",
    "LANES",
    "LANES_BY_KEY",
    "LIST_LANES",
    "LOW_SCORE",
    "SCORE_LABELS",
    "SCORE_MAX",
    "SCORE_MIN",
    "Catalogue",
    "Fact",
    "Framework",
    "FrameworkStage",
    "FieldKind",
    "FieldPath",
    "FieldSpec",
    "Moment",
    "catalogue",
    "Schema",
    "crosswalk",
    "crosswalk_pairs",
    "extended",
    "facts",
    "field",
    "framework_ids",
    "frameworks_table",
    "get_framework",
    "is_dip",
    "lane",
    "schema",
]
