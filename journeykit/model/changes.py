"""What changes between a current-state map and its future state, lane by lane.

:func:`changes` lines two maps of one framework up stage by stage and lane by lane
and says, for every item, whether the future removes it, adds it or keeps it.
Items are compared by their text (an item whose evidence tag changed is kept).
A text lane (the goal) and the emotion score count as one item each, the score
as its number written out, as the tidy table holds it. :func:`journeykit.compare`
draws this table.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..catalogue import schema
from ..errors import JourneyMapError, Problem

if TYPE_CHECKING:
    import pandas as pd

    from .journey_map import JourneyMap

#: What can happen to an item, in the order the tables list them.
CHANGES = ("removed", "added", "kept")
#: Columns of :func:`changes`.
CHANGE_COLUMNS = ["stage", "lane", "item", "change"]


_EXAMPLE_LINK = re.compile(r'jk\.example\("([a-z0-9-]+)"\)')


def linked_current(future: JourneyMap) -> JourneyMap | None:
    """The current-state map a future-state map names in ``based_on``, if it can be found:
    a shipped example (``jk.example("...")``) or a file, read relative to the folder of the
    file *future* was loaded from. None when it names neither, or the file is gone or
    broken, or its stages are not the future's.

    Examples
    --------
    >>> import journeykit as jk
    >>> linked_current(jk.example("clothing-store-future")).title
    'Online clothing store: a summer outfit, researched'
    >>> linked_current(jk.example("clothing-store")) is None
    True
    """
    from .examples import example
    from .storage import load_map

    link = future.based_on.strip()
    if not link or future.state != "future":
        return None
    found = _EXAMPLE_LINK.fullmatch(link)
    try:
        if found is not None:
            current = example(found[1])
        elif future.file is not None and (future.file.parent / link).is_file():
            current = load_map(future.file.parent / link)
        else:
            return None
    except JourneyMapError:
        return None
    same = (current.framework, current.stage_names) == (future.framework, future.stage_names)
    return current if same else None


def lane_texts(value: Any) -> list[str]:
    """A lane's value as a list of texts: its items, its text, its score written out."""
    if isinstance(value, list):
        return [str.__str__(item) for item in value]
    return [] if value in ("", None) else [str(value)]


def check_comparable(current: JourneyMap, future: JourneyMap) -> None:
    """Raise a :class:`JourneyMapError` unless the two maps share framework and stages."""
    if (current.framework, current.stage_names) == (future.framework, future.stage_names):
        return
    raise JourneyMapError(
        [
            Problem(
                "future",
                f"the current map follows {current.framework} and the future one {future.framework}"
                if current.framework != future.framework
                else "the two maps do not have the same stages",
                "start the future map from the current one with current.future_state(), so "
                "both share their stages",
            )
        ]
    )


def diff_items(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    """(item, change) for two lists of texts: what *after* removes, adds and keeps.

    Removed and kept items come in *before*'s order, added ones in *after*'s; an
    item listed twice counts twice.

    Examples
    --------
    >>> diff_items(["Ad", "Blog", "Ad"], ["Ad", "Podcast"])
    [('Blog', 'removed'), ('Ad', 'removed'), ('Podcast', 'added'), ('Ad', 'kept')]
    """
    left = Counter(after)
    kept: list[tuple[str, str]] = []
    removed: list[tuple[str, str]] = []
    for item in before:
        if left[item] > 0:
            left[item] -= 1
            kept.append((item, "kept"))
        else:
            removed.append((item, "removed"))
    stays = Counter(before)
    added = []
    for item in after:
        if stays[item] > 0:
            stays[item] -= 1
        else:
            added.append((item, "added"))
    return removed + added + kept


def changes(current: JourneyMap, future: JourneyMap) -> pd.DataFrame:
    """What the future-state map removes, adds and keeps, per stage and lane.

    One row per item of either map: its stage, lane, text, and ``change``, one of
    ``"removed"`` (in the current map only), ``"added"`` (in the future map only)
    or ``"kept"`` (in both). A text lane and the emotion score are one item each
    (a new goal is the old one removed and the new one added).

    Parameters
    ----------
    current, future : JourneyMap
        Two maps of the same framework, typically ``future = current.future_state()``.

    Returns
    -------
    pandas.DataFrame
        Columns ``stage``, ``lane``, ``item``, ``change``; ``stage``, ``lane`` and
        ``change`` are ordered categoricals (journey order, lane order, then
        removed, added, kept).

    Raises
    ------
    JourneyMapError
        When the maps do not share a framework and stages.

    Examples
    --------
    >>> import journeykit as jk
    >>> today = jk.example("clothing-store")
    >>> future = today.future_state()
    >>> future.set_lane("Decision", "pain_points", ["Having to create an account"])
    >>> future.set_lane("Decision", "emotion_score", 4)
    >>> table = changes(today, future)
    >>> table[(table.stage == "Decision") & (table.change != "kept")]
           stage           lane                                 item   change
    49  Decision  emotion_score                                    3  removed
    50  Decision  emotion_score                                    4    added
    54  Decision    pain_points  Surprise delivery costs at checkout  removed
    """
    import pandas as pd

    check_comparable(current, future)
    rows = []
    for before, after in zip(current.stages, future.stages, strict=True):
        for spec in schema().lanes:
            for item, change in diff_items(
                lane_texts(getattr(before, spec.name)), lane_texts(getattr(after, spec.name))
            ):
                rows.append((before.name, spec.key, item, change))
    frame = pd.DataFrame(rows, columns=CHANGE_COLUMNS, dtype=object)
    frame["stage"] = pd.Categorical(frame["stage"], categories=current.stage_names, ordered=True)
    frame["lane"] = pd.Categorical(
        frame["lane"], categories=[spec.key for spec in schema().lanes], ordered=True
    )
    frame["change"] = pd.Categorical(frame["change"], categories=CHANGES, ordered=True)
    return frame
