"""The service blueprint: what the business does, seen and unseen, under each customer step.

A journey map follows the customer; a service blueprint adds what it takes to serve
them. Its rows, top to bottom (:data:`journeykit.catalogue.BLUEPRINT_ROWS`): the
customer's actions, then the front stage (what staff or the website do where the
customer sees it), the back stage (what staff do out of sight) and the support
processes (systems, partners, internal services). Three lines run between them
(:data:`journeykit.catalogue.BLUEPRINT_LINES`): the line of interaction, where
customer and business meet; the line of visibility, below which the customer sees
nothing; the line of internal interaction, where staff hand over to what supports
them. Each line is drawn differently (solid, dashed, dotted) and labelled.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..catalogue import BLUEPRINT_LINES, BLUEPRINT_ROWS, lane
from ..catalogue.method import ASSUMPTION, EVIDENCE_MARKS
from ..model.evidence import item_evidence
from . import theme
from .grid import GridRow, GridShape, grid_json, grid_width
from .journey_map import map_cell
from .layout import escape, persona_label

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from ..model import JourneyMap

#: Lines one item takes at most in a cell: a blueprint is read across, so long items are
#: cut (with "…") and hold their whole text on hover.
ITEM_LINES = 3
#: Text lines of space between two rows of the blueprint, where a line runs.
LINE_SPACE = 1.7
#: The fill of the cells of each row: the customer's in the map's blue, the business's
#: rows each in a pale colour of their own (Okabe-Ito hues, so they stay apart).
ROW_FILLS = (
    theme.FILLED_FILL,
    theme.tint(theme.PALETTE[1], 0.2),
    theme.tint(theme.PALETTE[6], 0.16),
    theme.tint(theme.PALETTE[2], 0.16),
)


def plot_blueprint(m: JourneyMap, width: int | None = None) -> go.Figure:
    """The map as a service blueprint: customer actions on top, then the front stage, the
    back stage and the support processes, with the lines of interaction, visibility and
    internal interaction between them.

    The cells are drawn as in the journey map (:func:`journeykit.plot_map`): text
    wrapped to fit, five items at most with the rest on hover, evidence marks
    (✓ research, ? assumption) on items that carry them, empty cells marked to
    fill in. Hover over a line's label to read what the line means.

    Parameters
    ----------
    m : JourneyMap
        The map; its lanes ``frontstage_actions``, ``backstage_actions`` and
        ``support_processes`` hold what the business does (the editor's *Behind the
        scenes* fold, or ``m.set_lane``).
    width : int, optional
        Figure width in pixels, which the columns share; by default ``theme.FIT_WIDTH``
        (800), wider when the stages would leave a column under
        :data:`~journeykit.figures.grid.MIN_COLUMN_PX`.

    Returns
    -------
    plotly.graph_objects.Figure

    Examples
    --------
    >>> import journeykit as jk
    >>> shop = jk.example("clothing-store")
    >>> shop.set_lane("Decision", "backstage_actions", ["Warehouse reserves the stock"])
    >>> fig = plot_blueprint(shop)
    >>> import re
    >>> [" ".join(re.sub("<[^>]*>", " ", text).split()) for text in fig.layout.yaxis.ticktext]
    ['Customer actions', 'Front-stage actions', 'Back-stage actions', 'Support processes']
    >>> for note in fig.layout.annotations:
    ...     print(note.text)
    <i>Line of interaction</i>
    <i>Line of visibility</i>
    <i>Line of internal interaction</i>
    """
    import plotly.graph_objects as go

    return go.Figure(blueprint_json(m, width))


def blueprint_json(m: JourneyMap, width: int | None = None) -> dict[str, Any]:
    """:func:`plot_blueprint`'s figure as plotly JSON (the editor's preview draws it)."""
    chosen = grid_width(width, len(m.stages))

    def row(key: str, fill: str, space: float) -> GridRow:
        return GridRow(
            lane(key).label,
            lambda room: [map_cell(stage, key, room, ITEM_LINES) for stage in m.stages],
            space_above=space,
            fill=fill,
        )

    rows = [
        row(key, fill, LINE_SPACE if i else 0.0)
        for i, (key, fill) in enumerate(zip(BLUEPRINT_ROWS, ROW_FILLS, strict=True))
    ]
    behind = BLUEPRINT_ROWS[1:]
    filled = sum(1 for stage in m.stages for key in behind if getattr(stage, lane(key).name))
    title = f"{persona_label(m)} journey, behind the scenes" + (f" · {m.title}" if m.title else "")
    if filled:
        subtitle = (
            "A service blueprint: above the line of interaction the customer acts; below the "
            "line of visibility the business works out of sight"
        )
    else:
        subtitle = (
            "Nothing behind the scenes yet: fill in front-stage actions, back-stage actions "
            "and support processes for each stage"
        )
    tags = [
        item_evidence(item) for stage in m.stages for item in getattr(stage, lane("actions").name)
    ]
    if set(tags) - {"untagged"}:  # the marks' key, as on the map
        subtitle += (
            f"\nCustomer actions: {EVIDENCE_MARKS['research']} from research: "
            f"{tags.count('research')} · {EVIDENCE_MARKS[ASSUMPTION]} assumption, to check: "
            f"{tags.count(ASSUMPTION)} · {EVIDENCE_MARKS['']} not tagged: "
            f"{tags.count('untagged')} (hover for sources)"
        )
    return grid_json(
        m.stage_names,
        rows,
        title,
        subtitle,
        chosen,
        extra=_lines,
        gap_text="<i>+ to fill in</i>",
    )


def _lines(shape: GridShape) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Any]]:
    """The three lines between the rows, each with its label at the right-hand end."""
    shapes: list[dict[str, Any]] = []
    notes: list[Any] = []
    right = shape.stages - 0.5
    for line, (above, below) in zip(BLUEPRINT_LINES, pairwise(shape.edges), strict=False):
        y = (above[1] + below[0]) / 2
        shapes.append(
            {
                "type": "line",
                "x0": -0.5,
                "x1": right,
                "y0": y,
                "y1": y,
                "xref": "x",
                "yref": "y",
                "layer": "below",
                "line": {"color": theme.INK, "width": 2, "dash": line.dash},
                "name": line.name,
            }
        )
        notes.append(
            {
                "x": right,
                "y": y,
                "xref": "x",
                "yref": "y",
                "xanchor": "right",
                "xshift": -4,
                "yanchor": "middle",
                "text": f"<i>{escape(line.name)}</i>",
                "hovertext": escape(line.name + ": " + line.meaning),
                "showarrow": False,
                "bgcolor": theme.PAPER,
                "borderpad": 2,
                "font": {"size": theme.SMALL_SIZE, "color": theme.INK},
            }
        )
    return [], shapes, notes
