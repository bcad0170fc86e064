"""The catalogue: layer 2 of the kit, just above the error type, plain data about journey mapping.

* :mod:`.frameworks`: the four frameworks of the course (stages in order, each
  described in our own words), the journey moments their crosswalk lines up on,
  and the figures the source texts quote. The data is ``frameworks.json``.
* :mod:`.lanes`: the lanes a learner fills in for every stage, with help text.

Nothing here imports pandas, plotly or any other layer of the kit.
"""

from __future__ import annotations

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
from .lanes import (
    LANES,
    LANES_BY_KEY,
    LIST_LANES,
    LOW_SCORE,
    SCORE_LABELS,
    SCORE_MAX,
    SCORE_MIN,
    Lane,
    LaneKind,
    is_dip,
    lane,
)

__all__ = [
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
    "Lane",
    "LaneKind",
    "Moment",
    "catalogue",
    "crosswalk",
    "crosswalk_pairs",
    "facts",
    "framework_ids",
    "frameworks_table",
    "get_framework",
    "is_dip",
    "lane",
]
