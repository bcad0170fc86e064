"""A current-state map and its future state side by side: :func:`compare`.

The figure is a grid like the journey map's: the two emotion curves in a band at
the top (today's dashed and grey, the future's solid and blue, each labelled where
it starts), then one row per lane that changes somewhere, each cell listing what
the future removes (− struck through), what it adds (+ in bold), each cut to three lines
with the whole text on hover, and how many items it keeps. Lanes the future leaves as
they are are named in the subtitle instead of taking a row each. The table behind it is
:func:`journeykit.changes`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..catalogue import SCORE_MAX, SCORE_MIN, lane, schema
from ..model.changes import changes, check_comparable
from . import theme
from .grid import GridRow, GridShape, grid_json, grid_width
from .journey_map import CELL_ITEMS, EMOTION_LINES, Cell
from .layout import escape, hover_list, persona_label, wrap

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

    from ..model import JourneyMap

#: Colour of what the future adds: a darker bluish green, readable on the cells' blue.
ADDED = "#00704F"
#: Colour of what the future removes.
REMOVED = theme.PAIN
#: Lines one removed or added item takes at most in a cell (the hover box holds it all).
ITEM_LINES = 3
#: Today's emotion curve: grey and dashed, so it reads as the one being replaced.
TODAY = theme.PALETTE[6]


def compare(current: JourneyMap, future: JourneyMap, width: int | None = None) -> go.Figure:
    """Draw what a future-state map changes: both emotion curves, and per stage and lane
    what is removed, added and kept.

    Parameters
    ----------
    current : JourneyMap
        Today's journey (the current state).
    future : JourneyMap
        The journey the business wants, of the same framework; start one with
        ``current.future_state()``.
    width : int, optional
        Figure width in pixels; by default ``theme.FIT_WIDTH`` (800), wider when the
        stages would leave a column under :data:`~journeykit.figures.grid.MIN_COLUMN_PX`.

    Returns
    -------
    plotly.graph_objects.Figure

    Raises
    ------
    JourneyMapError
        When the two maps do not share a framework and stages.

    See Also
    --------
    journeykit.changes : the same comparison as a tidy table.

    Examples
    --------
    >>> import journeykit as jk
    >>> today = jk.example("clothing-store")
    >>> future = today.future_state()
    >>> future.set_lane("Decision", "emotion_score", 4)
    >>> future.set_lane("Decision", "pain_points", ["Having to create an account"])
    >>> fig = jk.compare(today, future)
    >>> [trace.name for trace in fig.data if trace.type == "scatter"]
    ['today', 'future']
    >>> fig.layout.yaxis.ticktext[1]
    '<b>Pain points</b>'
    >>> fig.layout.title.subtitle.text.split("<br>")[0]
    '1 item removed, 0 added, 97 kept · the emotion score changes in 1 stage'
    """
    import plotly.graph_objects as go

    return go.Figure(compare_json(current, future, width))


def compare_json(
    current: JourneyMap, future: JourneyMap, width: int | None = None
) -> dict[str, Any]:
    """:func:`compare`'s figure as plotly JSON."""
    check_comparable(current, future)
    chosen = grid_width(width, len(current.stages))
    table = changes(current, future)
    items = table[table["lane"] != "emotion_score"]
    changed = items[items["change"] != "kept"]
    lanes = [spec.key for spec in schema().lanes if spec.key in set(changed["lane"])]
    rows = [GridRow("Emotions", band=EMOTION_LINES)]
    rows += [GridRow(lane(key).label, _cells(items, key, current)) for key in lanes]
    counts = items["change"].value_counts()
    removed, added, kept = (int(counts.get(change, 0)) for change in ("removed", "added", "kept"))
    moved = sum(
        1
        for before, after in zip(current.stages, future.stages, strict=True)
        if before.emotion_score != after.emotion_score
    )
    subtitle = (
        f"{removed} item{'s' if removed != 1 else ''} removed, {added} added, {kept} kept · "
        f"the emotion score changes in {moved} stage{'s' if moved != 1 else ''}"
    )
    same = [
        spec.label.lower() if not spec.label[:2].isupper() else spec.label
        for spec in schema().lanes
        if spec.kind == "list" and spec.key not in lanes and spec.key in set(items["lane"])
    ]
    if not lanes and not moved:
        subtitle += (
            "\nThe future state is still the same as today: change what the future should "
            "change, stage by stage"
        )
    elif same:
        subtitle += "\nThe same in every stage: " + ", ".join(same)
    subtitle += "\nDashed grey: today's emotions · solid blue: the future's · − removed · + added"
    title = f"{persona_label(future)} journey: today and the future state"

    def curves(shape: GridShape) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Any]]:
        return _curves(current, future, shape), [], []

    return grid_json(current.stage_names, rows, title, subtitle, chosen, extra=curves)


def _cells(items: pd.DataFrame, key: str, current: JourneyMap) -> Any:
    """The cells of lane *key*: what each stage removes, adds and keeps."""
    label = lane(key).label

    def build(room: float) -> list[Cell]:
        out = []
        in_lane = items[items["lane"] == key]
        for stage in current.stage_names:
            here = in_lane[in_lane["stage"] == stage]
            parts = {
                c: list(here.loc[here["change"] == c, "item"]) for c in ("removed", "added", "kept")
            }
            out.append(_cell(label, stage, parts, room))
        return out

    return build


def _cell(label: str, stage: str, parts: dict[str, list[str]], room: float) -> Cell:
    """One cell: removed and added items (at most :data:`CELL_ITEMS`), then what is kept."""
    if not any(parts.values()):
        return Cell([], f"<b>{escape(label)}</b> · {escape(stage)}<br>Empty in both maps", True)
    lines: list[str] = []
    shown = 0
    size = theme.SMALL_SIZE
    for change, mark, style in (("removed", "−", "s"), ("added", "+", "b")):
        colour = REMOVED if change == "removed" else ADDED
        for item in parts[change]:
            if shown == CELL_ITEMS:
                break
            wrapped = wrap(
                f"{mark} {item}", room, indent="\u00a0\u00a0", max_lines=ITEM_LINES, size=size
            )
            for n, line in enumerate(wrapped):
                # the mark and the indent stay outside the strike-through, so a wrapped
                # removed item does not read as two
                lead = len(mark) + 1 if n == 0 else len(line) - len(line.lstrip("\u00a0"))
                lines.append(
                    f"<span style='color:{colour}'>{line[:lead]}"
                    f"<{style}>{line[lead:]}</{style}></span>"
                )
            shown += 1
    hidden = len(parts["removed"]) + len(parts["added"]) - shown
    if hidden:
        lines += wrap(f"+ {hidden} more changes (hover to see all)", room, size=size)
    if parts["kept"]:
        lines.append(f"<span style='color:{theme.MUTED}'><i>= {len(parts['kept'])} kept</i></span>")
    hover = [f"<b>{escape(label)}</b> · {escape(stage)}"]
    for change, heading in (("removed", "Removed"), ("added", "Added"), ("kept", "Kept")):
        if parts[change]:
            hover.append(f"<i>{heading}</i><br>{hover_list(parts[change])}")
    return Cell(lines, "<br>".join(hover), False)


def _curves(current: JourneyMap, future: JourneyMap, shape: GridShape) -> list[dict[str, Any]]:
    """Today's and the future's emotion curves inside the band of the first row."""
    top, bottom = shape.edges[0]
    high, low = top + 1.2, bottom - 1.4

    def y(score: int | None) -> float | None:
        if score is None:
            return None
        return low - (low - high) * (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)

    traces = []
    for name, m, colour, dash, position in (
        ("today", current, TODAY, "dash", "bottom center"),
        ("future", future, theme.EMOTION, "solid", "top center"),
    ):
        scores = [stage.emotion_score for stage in m.stages]
        labels = [str(score) if score is not None else "" for score in scores]
        labels[0] = f"{'Today' if name == 'today' else 'Future'} · {labels[0]}".rstrip(" ·")
        hover = [
            f"<b>{escape(stage.name)}</b>, {'today' if name == 'today' else 'the future state'}"
            f"<br>{score if score is not None else 'no score'} of {SCORE_MAX}"
            + (f"<br>{escape(', '.join(stage.emotion_words))}" if stage.emotion_words else "")
            for stage, score in zip(m.stages, scores, strict=True)
        ]
        traces.append(
            {
                "type": "scatter",
                "x": list(range(len(m.stages))),
                "y": [y(score) for score in scores],
                "mode": "lines+markers+text",
                "text": labels,
                "textposition": position,
                "textfont": {"size": theme.SMALL_SIZE, "color": colour},
                "line": {"color": colour, "width": 3, "dash": dash},
                "marker": {
                    "size": 11,
                    "color": colour if name == "future" else theme.PAPER,
                    "line": {"color": colour, "width": 2},
                },
                "hovertext": hover,
                "hovertemplate": "%{hovertext}<extra></extra>",
                "connectgaps": False,
                "showlegend": False,
                "name": name,
            }
        )
    return traces
