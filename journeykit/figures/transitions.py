"""Where journeys go after each stage: a Sankey diagram of measured stage-to-stage moves.

It takes what ``jk.measure(...).transitions()`` returns (``from_stage``, ``to_stage``,
``kind``, ``users``, ``moves``; ``"(end)"`` where journeys end), or the measurement
itself, read by its shape: the figures layer does not import the analytics layer.

Examples
--------
>>> import pandas as pd
>>> moves = pd.DataFrame({"from_stage": ["Browse", "Browse", "Size guide"],
...                       "to_stage": ["Size guide", "(end)", "(end)"],
...                       "users": [60, 40, 45]})
>>> plot_transitions(moves).data[0].node.label
('Browse', 'Size guide', 'left', 'left')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import JourneyMapError, Problem
from . import theme
from .funnel import percent
from .layout import EDGE_PX, escape, figure_width, themed_figure
from .shapes import MeasuredMoves

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

#: What ``transitions()`` writes where a journey ends.
END = "(end)"
#: Link colours by kind of move.
KIND_COLOURS = {
    "forward": theme.tint(theme.PALETTE[0], 0.4),
    "skip": theme.tint(theme.PALETTE[1], 0.5),
    "back": theme.tint(theme.PAIN, 0.45),
    "end": theme.tint(theme.MUTED, 0.35),
}
KIND_WORDS = {
    "forward": "on to the next stage",
    "skip": "skipping a stage",
    "back": "back to an earlier stage",
    "end": "the journey ends",
}


def _moves(
    transitions: MeasuredMoves | pd.DataFrame, value: str
) -> tuple[list[str], list[tuple[str, str, str, int]]]:
    """Stage names in journey order and (from, to, kind, value) rows, checked."""
    table = transitions.transitions() if isinstance(transitions, MeasuredMoves) else transitions
    needed = ("from_stage", "to_stage", value)
    columns = [str(c) for c in getattr(table, "columns", [])]
    if any(c not in columns for c in needed) or not hasattr(table, "to_dict"):
        raise JourneyMapError(
            [
                Problem(
                    "transitions",
                    "expected a table with the columns "
                    + ", ".join(repr(c) for c in needed)
                    + (f" (it has {', '.join(columns)})" if columns else ""),
                    "pass the Measurement from jk.measure(...), or its transitions() table",
                )
            ]
        )
    records = table.to_dict("records")
    stages = list(transitions.stages) if isinstance(transitions, MeasuredMoves) else []
    for r in records:  # without a measurement: stages in the order they first appear
        for name in (str(r["from_stage"]), str(r["to_stage"])):
            if name != END and name not in stages:
                stages.append(name)
    rows = []
    for r in records:
        a, b = str(r["from_stage"]), str(r["to_stage"])
        kind = str(
            r.get("kind")
            or (
                "end"
                if b == END
                else "forward"
                if stages.index(b) == stages.index(a) + 1
                else "skip"
                if stages.index(b) > stages.index(a)
                else "back"
            )
        )
        rows.append((a, b, kind, int(r[value])))
    if not rows:
        raise JourneyMapError(
            [
                Problem(
                    "transitions",
                    "there are no moves to draw",
                    "measure a log in which some users reach a stage",
                )
            ]
        )
    return stages, rows


def plot_transitions(
    transitions: MeasuredMoves | pd.DataFrame,
    width: int | None = None,
    value: str = "users",
    back: bool = False,
) -> go.Figure:
    """Where journeys go after each stage: on, ahead, back, or nowhere (the journey ends).

    Each stage is a node, in journey order from left to right; a grey "left" node
    beside it collects the journeys that end there, so a dead end shows as a wide
    grey band. Moves back to an earlier stage make loops; they are left out unless
    *back* is true, and the subtitle counts them.

    Parameters
    ----------
    transitions : Measurement or pandas.DataFrame
        A measurement from ``jk.measure`` or its ``transitions()`` table.
    width : int, optional
        Figure width in pixels. By default the figure fills the width it is shown in.
    value : {"users", "moves"}
        Band widths: users making the move at least once (default) or all moves.
    back : bool
        Also draw the moves back to an earlier stage (as loops).

    Returns
    -------
    plotly.graph_objects.Figure

    Raises
    ------
    JourneyMapError
        If the table lacks the columns ``from_stage``, ``to_stage`` and *value*, or
        holds no move.

    Examples
    --------
    >>> import pandas as pd
    >>> moves = pd.DataFrame({"from_stage": ["Aware", "Aware", "Buy", "Buy"],
    ...                       "to_stage": ["Buy", "(end)", "Aware", "(end)"],
    ...                       "users": [30, 70, 5, 25]})
    >>> fig = plot_transitions(moves)
    >>> fig.layout.title.text
    '<b>70% of the moves out of Aware end the journey</b>'
    >>> fig.data[0].link.value  # the move back (5 users) is left out, and counted
    (30, 70, 25)
    >>> "; 5 users" in fig.layout.title.subtitle.text
    True
    """
    import plotly.graph_objects as go

    if value not in ("users", "moves"):
        raise JourneyMapError(
            [
                Problem(
                    "value", f"{value!r} is not a band width", "use value='users' or value='moves'"
                )
            ]
        )
    chosen = figure_width(width, default=None)
    stages, rows = _moves(transitions, value)
    hidden = sum(v for _, _, kind, v in rows if kind == "back") if not back else 0
    drawn = [r for r in rows if (back or r[2] != "back") and r[3] > 0]
    ends = [s for s in stages if any(a == s and b == END for a, b, _, _ in drawn)]
    labels = [escape(s) for s in stages] + ["left"] * len(ends)
    hovers = [f"<b>{escape(s)}</b>" for s in stages] + [
        f"Journeys that end after <b>{escape(s)}</b>" for s in ends
    ]
    index = {s: i for i, s in enumerate(stages)}
    target = [len(stages) + ends.index(a) if b == END else index[b] for a, b, _, _ in drawn]
    sankey = go.Sankey(
        arrangement="snap",
        node={
            "label": labels,
            "pad": 24,
            "thickness": 20,
            "align": "left",
            "color": [theme.PALETTE[0]] * len(stages) + [theme.MUTED] * len(ends),
            "line": {"color": theme.PAPER, "width": 1},
            "customdata": hovers,
            "hovertemplate": "%{customdata}<br>%{value:,} " + value + "<extra></extra>",
        },
        link={
            "source": [index[a] for a, _, _, _ in drawn],
            "target": target,
            "value": [v for *_, v in drawn],
            "color": [KIND_COLOURS.get(kind, KIND_COLOURS["forward"]) for _, _, kind, _ in drawn],
            "customdata": [
                f"<b>{escape(a)} → {'left' if b == END else escape(b)}</b><br>"
                f"{v:,} {value}: {KIND_WORDS.get(kind, kind)}"
                for a, b, kind, v in drawn
            ],
            "hovertemplate": "%{customdata}<extra></extra>",
        },
        textfont={"size": theme.FONT_SIZE, "color": theme.INK},
    )
    out_of = {s: sum(v for a, _, _, v in rows if a == s) for s in stages}
    share = {
        s: sum(v for a, b, _, v in rows if a == s and b == END) / out_of[s]
        for s in stages
        if out_of[s]
    }
    # the last stage is where a journey is meant to end: name the stage before it that
    # ends the largest share of its moves
    before_last = [s for s in share if s != stages[-1]] or list(share)
    worst = max(before_last, key=lambda s: (share[s], -index[s]))
    subtitle = (
        "Each stage's users going on (blue), skipping ahead (orange) or ending their "
        "journey (grey)" + (" or going back (red)" if back else "")
    )
    if hidden:
        subtitle += (
            f"; {hidden:,} {value} move back to an earlier stage (not drawn: back=True draws them)"
        )
    return themed_figure(
        [sankey],
        f"{percent(share[worst])} of the moves out of {worst} end the journey",
        subtitle,
        chosen,
        plot_height=380,
        margin={"b": 2 * EDGE_PX},
    )
