"""Exercises for ``11_service_blueprint``: rows, lines, a stage's blueprint, the hidden work.

Use in a notebook: ``from journeykit.exercises import ex11 as q, ____``.
"""

from __future__ import annotations

from ..catalogue import BLUEPRINT_LINES, BLUEPRINT_ROWS
from ..model import example
from ._text import quote
from .core import bind
from .matching import MatchQuestion
from .method import ROW_NAMES, BlueprintStageQuestion
from .questions import NumberQuestion

RESEARCHED = "clothing-store-researched"

#: Something that happens at the clothing store -> the blueprint row it belongs in.
ROW_OF: dict[str, str] = {
    "Maya tries on the clothes at home": "actions",
    "The courier hands over the parcel": "frontstage_actions",
    "A chat agent answers Maya's question about sizes": "frontstage_actions",
    "The warehouse picks and packs the order": "backstage_actions",
    "The payments team checks the order for fraud": "backstage_actions",
    "The stock system keeps count of every size": "support_processes",
}


def _explain_row(item: str, given: str, accepted: tuple[str, ...]) -> str:
    where = accepted[0]
    why = {
        "actions": "Maya does it herself",
        "frontstage_actions": "someone from the store does it where Maya can see or talk to them",
        "backstage_actions": "staff do it out of Maya's sight",
        "support_processes": "it is a system the staff rely on",
    }[where]
    return f"{quote(item)} belongs in {ROW_NAMES[where]}, not {given}: {why}."


q1 = MatchQuestion(
    "row_for",
    lambda: dict(ROW_OF),
    lambda: list(BLUEPRINT_ROWS),
    _explain_row,
    item_word="event",
    category_word="row",
    aliases=lambda: {name: key for key, name in ROW_NAMES.items()},
    kind="match events to blueprint rows",
    hints=(
        "Ask who does it and whether Maya can see it.",
        "Maya herself: actions. Staff in front of her: frontstage_actions. Staff out of sight: "
        "backstage_actions. Systems and partners behind the staff: support_processes.",
    ),
    solution="row_for = {\n"
    '    "Maya tries on the clothes at home": "actions",\n'
    '    "The courier hands over the parcel": "frontstage_actions",\n'
    '    "A chat agent answers Maya\'s question about sizes": "frontstage_actions",\n'
    '    "The warehouse picks and packs the order": "backstage_actions",\n'
    '    "The payments team checks the order for fraud": "backstage_actions",\n'
    '    "The stock system keeps count of every size": "support_processes",\n'
    "}",
    explanation="The rows are the lanes `plot_blueprint` draws, top to bottom.",
)

#: A hand-over at the store -> the (upper, lower) rows it crosses between.
CROSSINGS: dict[str, tuple[str, str]] = {
    "Maya asks the chat agent whether a dress runs small": ("actions", "frontstage_actions"),
    "The chat agent asks the warehouse whether a size is in stock": (
        "frontstage_actions",
        "backstage_actions",
    ),
    "The warehouse looks the size up in the stock system": (
        "backstage_actions",
        "support_processes",
    ),
}


def _line_between(upper: str, lower: str) -> str:
    """The name of the line between two neighbouring rows of the blueprint."""
    return BLUEPRINT_LINES[BLUEPRINT_ROWS.index(upper)].name


def _explain_line(item: str, given: str, accepted: tuple[str, ...]) -> str:
    upper, lower = CROSSINGS[item]
    return (
        f"{quote(item)} crosses the {accepted[0].lower()}, not the {given.lower()}: it goes "
        f"from the {ROW_NAMES[upper]} to the {ROW_NAMES[lower]}."
    )


q2 = MatchQuestion(
    "line_crossed",
    lambda: {item: _line_between(*rows) for item, rows in CROSSINGS.items()},
    lambda: [line.name for line in BLUEPRINT_LINES],
    _explain_line,
    item_word="hand-over",
    category_word="line",
    kind="match hand-overs to the lines of a blueprint",
    hints=(
        "Find the two rows each hand-over goes between; the line between them is the one it "
        "crosses.",
        "Customer to front stage: interaction. Front stage to back stage: visibility. Back "
        "stage to support processes: internal interaction.",
    ),
    solution="line_crossed = {\n"
    '    "Maya asks the chat agent whether a dress runs small": "Line of interaction",\n'
    '    "The chat agent asks the warehouse whether a size is in stock": '
    '"Line of visibility",\n'
    '    "The warehouse looks the size up in the stock system": '
    '"Line of internal interaction",\n'
    "}",
    explanation="Every hand-over across the line of visibility is work the customer waits "
    "for without seeing it: a common place for a delay to hide.",
)

q3 = BlueprintStageQuestion(
    "shop",
    "Retention",
    hints=(
        'Start from `shop = jk.example("clothing-store")` and add three `set_lane` lines for '
        '"Retention": "frontstage_actions", "backstage_actions" and "support_processes".',
        "Front stage: who Maya meets after paying (the courier, the order emails). Back stage: "
        "who makes that happen out of sight (packing, returns). Support: the systems they use.",
    ),
    solution='shop = jk.example("clothing-store")\n'
    'shop.set_lane("Retention", "frontstage_actions", ["Courier delivers the parcel"])\n'
    'shop.set_lane("Retention", "backstage_actions", ["Warehouse packs the order"])\n'
    'shop.set_lane("Retention", "support_processes", ["Courier\'s tracking system"])',
    explanation="`jk.plot_blueprint(shop)` now draws Retention's three layers under Maya's "
    "actions.",
)


def _hidden(stage: str) -> int:
    decision = example(RESEARCHED).stage(stage)
    return len(decision.backstage_actions) + len(decision.support_processes)


def _hidden_slips() -> dict[float, str]:
    decision = example(RESEARCHED).stage("Decision")
    back, support = len(decision.backstage_actions), len(decision.support_processes)
    front = len(decision.frontstage_actions)
    return {
        back: f"{back} is the back stage alone: the support processes are below the line "
        "of visibility too.",
        support: f"{support} is the support processes alone: add the back stage.",
        back + support + front: "the front stage is above the line of visibility: Maya sees it.",
    }


q4 = NumberQuestion(
    "hidden_count",
    lambda: _hidden("Decision"),
    near_misses=_hidden_slips,
    otherwise="count again: the items below the line of visibility in Decision.",
    explain=lambda: (
        "none of them shows on the checkout page, yet a delivery price table "
        "kept by operations is why the costs surprise Maya."
    ),
    hints=(
        '`jk.plot_blueprint(jk.example("clothing-store-researched"))` draws the line of '
        "visibility; count what sits under it in Decision.",
        "Below the line: back-stage actions and support processes, "
        "`len(stage.backstage_actions) + len(stage.support_processes)` for "
        '`stage = researched.stage("Decision")`.',
    ),
    solution='researched = jk.example("clothing-store-researched")\n'
    'decision = researched.stage("Decision")\n'
    "hidden_count = len(decision.backstage_actions) + len(decision.support_processes)",
    explanation="What the customer never sees still shapes what they feel.",
)

QUESTIONS = bind(globals())
