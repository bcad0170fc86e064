"""The roll-up's tables, built from the class's maps laid out on its steps.

Pure functions of ``(participant, map)`` pairs and :class:`~.steps.Steps`;
:class:`~.class_rollup.Rollup` calls them and keeps the results until a map changes.
Every table is a pandas DataFrame whose step column (or columns) keeps journey order.
The lanes are the schema's (:mod:`journeykit.catalogue.fields`), in its order; list
items' attributes are columns of the class table, as in a map's own tidy table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..catalogue import LANES, schema
from ..coaching import LEVELS
from ..model.evidence import evidence_counts, evidence_table
from ..model.items import attributes_of
from ..model.tables import map_items, used_attributes
from .steps import Steps
from .wording import Wording, group_wordings, key_groups

if TYPE_CHECKING:
    import pandas as pd

    from ..coaching import Review
    from ..model import JourneyMap, Stage

Maps = Sequence[tuple[str, "JourneyMap"]]

#: Columns of the tidy table of the whole class.
TABLE_COLUMNS = ["participant", "framework", "stage", "lane", "item"]
TOP_COLUMNS = ["step", "rank", "item", "maps", "share", "wordings", "variants"]
WORDING_COLUMNS = ["item", "count", "maps", "wordings", "variants"]
REVIEW_COLUMNS = ["rule", "level", "maps", "share", "participants", "why", "fix"]


def lane_items(stage: Stage, key: str) -> list[str]:
    """What lane *key* of *stage* holds, as a list of text (empty when blank; not a copy)."""
    value = getattr(stage, key)
    if isinstance(value, list):
        return value
    return [] if value in ("", None) else [str(value)]


def class_table(maps: Maps) -> pd.DataFrame:
    """One row per item of every map: participant, framework, stage, lane, item (then
    one column per item attribute any map of the class uses)."""
    import pandas as pd

    lanes = schema().lanes
    attributes = used_attributes(item for _, m in maps for item in map_items(m))
    rows = [
        (
            label,
            m.framework,
            stage.name,
            spec.key,
            str(item),
            *(str(attributes_of(item).get(name, "")) for name in attributes),
        )
        for label, m in maps
        for stage in m.stages
        for spec in lanes
        for item in lane_items(stage, spec.key)
    ]
    frame = pd.DataFrame(rows, columns=[*TABLE_COLUMNS, *attributes])
    frame["lane"] = pd.Categorical(
        frame["lane"], categories=[spec.key for spec in lanes], ordered=True
    )
    return frame


def placed_stages(maps: Maps, steps: Steps) -> list[list[Stage | None]]:
    """For each map, the stage that falls in each step (None when its framework has none)."""
    where = {
        (fw, label): steps.stage_in(fw, label) for fw in steps.frameworks for label in steps.labels
    }
    out = []
    for _, m in maps:
        by_name = {stage.name: stage for stage in m.stages}
        out.append([by_name.get(where.get((m.framework, label)) or "") for label in steps.labels])
    return out


def emotions_frame(maps: Maps, placed: list[list[Stage | None]], steps: Steps) -> pd.DataFrame:
    """Participants by steps: the emotion score (NaN where none was given)."""
    import pandas as pd

    values = [
        [float("nan") if st is None or st.emotion_score is None else st.emotion_score for st in row]
        for row in placed
    ]
    frame = pd.DataFrame(
        values,
        index=pd.Index([label for label, _ in maps], name="participant", dtype=object),
        columns=pd.Index(steps.labels, name="step", dtype=object),
        dtype=float,
    )
    return frame


def coverage_frame(placed: list[list[Stage | None]], steps: Steps) -> pd.DataFrame:
    """Lanes by steps: the share of maps with the lane filled in (0 to 1). An optional lane
    (the blueprint's) is a row only when some map of the class fills it in."""
    import pandas as pd

    total = len(placed)
    filled: dict[int, frozenset[str]] = {}  # a stage spanning several steps is looked at once
    for row in placed:
        for stage in row:
            if stage is not None and id(stage) not in filled:
                filled[id(stage)] = frozenset(
                    spec.key for spec in LANES if lane_items(stage, spec.key)
                )
    used = set().union(*filled.values())
    lanes = [spec for spec in LANES if not spec.optional or spec.key in used]
    shares = [
        [
            sum(1 for row in placed if row[j] is not None and spec.key in filled[id(row[j])])
            / total
            if total
            else 0.0
            for j in range(len(steps.labels))
        ]
        for spec in lanes
    ]
    return pd.DataFrame(
        shares,
        index=pd.Index([s.label for s in lanes], name="lane", dtype=object),
        columns=pd.Index(steps.labels, name="step", dtype=object),
        dtype=float,
    )


def wordings_of(
    placed: list[list[Stage | None]], key: str
) -> tuple[dict[str, str], dict[str, Wording]]:
    """Every item of lane *key* in the class: text -> group id, and group id -> its wording."""
    texts = [item for row in placed for st in row if st is not None for item in lane_items(st, key)]
    ids = key_groups(texts)
    wordings = {}
    for wording in group_wordings(texts):
        wordings[ids[wording.variants[0][0]]] = wording
    return ids, wordings


def top_frame(
    placed: list[list[Stage | None]],
    steps: Steps,
    key: str,
    n: int,
    grouping: tuple[dict[str, str], dict[str, Wording]],
) -> pd.DataFrame:
    """The *n* most frequent items of lane *key* in every step, near-identical wording grouped.

    ``maps`` counts the maps that mention the item at that step (each map once);
    ``variants`` lists the wordings grouped under it across the class, with counts.
    """
    import pandas as pd

    ids, wordings = grouping
    total = len(placed)
    rows = []
    for j, label in enumerate(steps.labels):
        maps_with: dict[str, int] = {}
        for row in placed:
            stage = row[j]
            if stage is None:
                continue
            for group in {ids[item] for item in lane_items(stage, key)}:
                maps_with[group] = maps_with.get(group, 0) + 1
        ranked = sorted(maps_with, key=lambda g: (-maps_with[g], wordings[g].text.casefold()))
        for rank, group in enumerate(ranked[:n], 1):
            wording = wordings[group]
            rows.append(
                (
                    label,
                    rank,
                    wording.text,
                    maps_with[group],
                    maps_with[group] / total,
                    len(wording.variants),
                    wording.describe(),
                )
            )
    frame = pd.DataFrame(rows, columns=TOP_COLUMNS)
    frame["step"] = pd.Categorical(frame["step"], categories=steps.labels, ordered=True)
    return frame


def wording_frame(
    placed: list[list[Stage | None]], key: str, grouping: tuple[dict[str, str], dict[str, Wording]]
) -> pd.DataFrame:
    """Every group of lane *key* in the class: shown wording, items, maps, all its variants."""
    import pandas as pd

    ids, wordings = grouping
    maps_with: dict[str, int] = {}
    for row in placed:
        for group in {ids[item] for st in row if st is not None for item in lane_items(st, key)}:
            maps_with[group] = maps_with.get(group, 0) + 1
    rows = [
        (w.text, w.count, maps_with.get(group, 0), len(w.variants), w.describe())
        for group, w in wordings.items()
    ]
    rows.sort(key=lambda r: (-r[2], -r[1], r[0].casefold()))
    return pd.DataFrame(rows, columns=WORDING_COLUMNS)


def review_frame(reviews: Sequence[tuple[str, Review]]) -> pd.DataFrame:
    """How many maps trip each rule of the review, most common first.

    A map counts once per rule however many findings of that rule it has. ``why`` comes
    from the rule's first finding; ``fix`` is the rule's advice to a whole class
    (:data:`journeykit.coaching.advice.ADVICE`), so that no learner's persona, stage or
    words appear in a table the whole class sees.
    """
    import pandas as pd

    from ..coaching.advice import ADVICE

    total = len(reviews)
    levels: dict[str, str] = {}
    texts: dict[str, tuple[str, str]] = {}
    who: dict[str, list[str]] = {}
    for label, review in reviews:
        for finding in review:
            levels.setdefault(finding.rule, finding.level)
            texts.setdefault(finding.rule, (finding.why, ADVICE.get(finding.rule, finding.fix)))
            names = who.setdefault(finding.rule, [])
            if label not in names[-1:]:
                names.append(label)
    order: dict[str, int] = {level: i for i, level in enumerate(LEVELS)}
    ranked = sorted(
        who, key=lambda rule: (-len(who[rule]), order.get(levels[rule], len(order)), rule)
    )
    rows = [
        (rule, levels[rule], len(who[rule]), len(who[rule]) / total, ", ".join(who[rule]))
        + texts[rule]
        for rule in ranked
    ]
    return pd.DataFrame(rows, columns=REVIEW_COLUMNS)


#: Columns of :func:`evidence_frame`.
EVIDENCE_COLUMNS = [
    "participant",
    "items",
    "research",
    "assumption",
    "untagged",
    "share_assumed",
    "most_assumed",
]


def evidence_frame(maps: Maps) -> pd.DataFrame:
    """Per map: how many items come from research, are assumptions or say neither, the
    share of tagged items that are assumptions (NaN when none is tagged) and the stage
    holding most assumptions (empty when none)."""
    import pandas as pd

    rows = []
    for label, m in maps:
        counts = evidence_counts(m)
        table = evidence_table(m)
        by_stage = table.groupby("stage", observed=True)["assumption"].sum()
        most = str(by_stage.idxmax()) if len(by_stage) and by_stage.max() > 0 else ""
        rows.append(
            (
                label,
                counts.items,
                counts.research,
                counts.assumption,
                counts.untagged,
                counts.share_assumed if counts.share_assumed is not None else float("nan"),
                most,
            )
        )
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
