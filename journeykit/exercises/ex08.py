"""Exercises for ``08_presenting``: export formats, Mermaid by hand, a Markdown export, slides.

Use in a notebook: ``from journeykit.exercises import ex08 as q, ____``.
"""

from __future__ import annotations

from ..model import example
from ._text import join_words, quote
from .core import bind
from .files import ExportFileQuestion, MermaidQuestion
from .matching import MatchQuestion

EXAMPLE = "clothing-store"


def export_formats() -> list[str]:
    """The formats ``journeykit export --to`` accepts."""
    from ..export import FORMATS

    return list(FORMATS)


#: Situation -> (formats that fit, why).
FORMAT_FOR: dict[str, tuple[tuple[str, ...], str]] = {
    "Sort and filter the map in a spreadsheet": (
        ("csv",),
        "a spreadsheet opens a CSV file as rows and columns.",
    ),
    "Email a page anyone can open in a browser, even offline": (
        ("html",),
        "one HTML file carries the whole map and needs no network.",
    ),
    "Show the journey as a diagram in a README on GitHub": (
        ("mermaid",),
        "GitHub draws Mermaid text as a diagram.",
    ),
    "Put a picture of the map on a slide": (
        ("png", "svg"),
        "a slide takes an image; SVG stays sharp at any size.",
    ),
    "Hand the map to a colleague to keep editing in JourneyKit": (
        ("json",),
        "JSON is the map file itself, which the editor loads back.",
    ),
    "Add the map as a table to a wiki page written in Markdown": (
        ("md",),
        "Markdown keeps the lanes as a readable table in plain text.",
    ),
}


def _explain_format(item: str, given: str, accepted: tuple[str, ...]) -> str:
    return f"for {quote(item)} use {join_words(accepted, 'or')}, not {given}: {FORMAT_FOR[item][1]}"


q1 = MatchQuestion(
    "format_for",
    lambda: {item: fits for item, (fits, _) in FORMAT_FOR.items()},
    export_formats,
    _explain_format,
    item_word="situation",
    category_word="format",
    kind="match situations to formats",
    hints=(
        "Ask who opens the file, and with which program.",
        "Spreadsheets read CSV; browsers read HTML; GitHub draws Mermaid; slides take images.",
    ),
    solution="format_for = {\n"
    '    "Sort and filter the map in a spreadsheet": "csv",\n'
    '    "Email a page anyone can open in a browser, even offline": "html",\n'
    '    "Show the journey as a diagram in a README on GitHub": "mermaid",\n'
    '    "Put a picture of the map on a slide": "png",\n'
    '    "Hand the map to a colleague to keep editing in JourneyKit": "json",\n'
    '    "Add the map as a table to a wiki page written in Markdown": "md",\n'
    "}",
    explanation='For the slide, "svg" is just as right as "png".',
)

q2 = MermaidQuestion(
    "mermaid_text",
    lambda: example(EXAMPLE),
    2,
    hints=(
        "The first line is `journey`, then a `title` line, then one `section` line per "
        "stage with task lines under it.",
        "A task line reads `Task: score: actor`, with the stage's emotion score from the "
        'map (`store.stage("Awareness").emotion_score`) and Maya as the actor.',
    ),
    solution='mermaid_text = """\n'
    "journey\n"
    "  title Online clothing store: a summer outfit\n"
    "  section Awareness\n"
    "    Spots a Facebook ad: 4: Maya\n"
    "  section Consideration\n"
    "    Reads product reviews: 3: Maya\n"
    '"""',
    explanation="The indentation is only for people: Mermaid reads the keywords `journey`, "
    "`title` and `section`, and the `Task: score: actor` lines.",
)

q3 = ExportFileQuestion(
    "markdown_file",
    ".md",
    lambda: example(EXAMPLE),
    hints=(
        '`jk.map_path("clothing_store").with_suffix(".md")` gives a path in your maps '
        "folder ending in .md.",
        "`jk.to_markdown(store, path)` writes the file.",
    ),
    solution='store = jk.example("clothing-store")\n'
    'markdown_file = jk.map_path("clothing_store").with_suffix(".md")\n'
    "jk.to_markdown(store, markdown_file)",
    explanation="The same file can be pasted into a wiki, a README or an email.",
)

#: What a cell does in a deck -> (its slide type, why).
SLIDE_TYPE_FOR: dict[str, tuple[str, str]] = {
    "The title cell that opens the deck": ("slide", "a new topic starts a new slide."),
    "The setup cell with the imports": ("skip", "the audience does not need to see it."),
    "What the presenter should say, hidden from the audience": (
        "notes",
        "notes show only in the speaker view.",
    ),
    "A point that appears on the next click, on the same slide": (
        "fragment",
        "a fragment adds to the current slide step by step.",
    ),
    "A closer look at the current topic, one step down": (
        "subslide",
        "a subslide sits below its slide in the deck.",
    ),
}
SLIDE_TYPES = ["slide", "subslide", "fragment", "-", "skip", "notes"]


def _explain_slide(item: str, given: str, accepted: tuple[str, ...]) -> str:
    return (
        f"{quote(item)} is a {quote(accepted[0])} cell, not {quote(given)}: "
        f"{SLIDE_TYPE_FOR[item][1]}"
    )


q4 = MatchQuestion(
    "slide_type",
    lambda: {item: kind for item, (kind, _) in SLIDE_TYPE_FOR.items()},
    lambda: SLIDE_TYPES,
    _explain_slide,
    item_word="cell",
    category_word="slide type",
    kind="match cells to slide types",
    hints=(
        "In JupyterLab, the property inspector (the gear icon on the right) shows each "
        "cell's slide type.",
        "`skip` hides a cell from the deck; `notes` shows it in the speaker view only.",
    ),
    solution="slide_type = {\n"
    '    "The title cell that opens the deck": "slide",\n'
    '    "The setup cell with the imports": "skip",\n'
    '    "What the presenter should say, hidden from the audience": "notes",\n'
    '    "A point that appears on the next click, on the same slide": "fragment",\n'
    '    "A closer look at the current topic, one step down": "subslide",\n'
    "}",
    explanation="`journeykit slides` reads these slide types when it builds the deck.",
)

QUESTIONS = bind(globals())
