"""Text exports of a journey map: Markdown, CSV and Mermaid, as strings.

Each function is pure: map in, text out. :mod:`journeykit.export.formats` writes the
files. Markdown and CSV hold every field of the schema
(:mod:`journeykit.catalogue.fields`), list items' attributes included (Markdown adds
how many items come from research and the roadmap, when the map has them); a Mermaid
``journey`` diagram draws what that grammar can (customer actions, the emotion
score, the persona) and nothing else. Learner text is treated as untrusted in
every format:

* Markdown: characters that would start formatting, links, HTML, maths or a
  new table cell are escaped, so the text shows exactly as typed.
* CSV: a cell that a spreadsheet would run as a formula (starting with
  ``= + - @``) is protected by a leading apostrophe, as OWASP recommends;
  :func:`read_csv` takes it off again.
* Mermaid: characters that end a title, section or task early (``: ; #``) or
  that Mermaid decodes (``&``, ``%``), and words that Mermaid reads as keywords,
  are written as Mermaid entity codes such as ``#58;``, which Mermaid draws as
  the character itself. (Mermaid already shows ``<b>`` as text.)
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from ..catalogue import SCORE_MAX, SCORE_MIN, FieldSpec, get_framework, schema
from ..model.evidence import evidence_counts
from ..model.items import item_with_note
from ..model.priorities import roadmap
from ..model.tables import COLUMNS, shown_lanes

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from ..model import JourneyMap, Stage
    from ..model.parts import FieldValues

# ----- Markdown -------------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~$])")
_MD_LINE_START = re.compile(r"^(#|>|[-+] |\d+[.)] )")


def md_text(text: str) -> str:
    """*text* escaped so that Markdown (GitHub flavour) shows it literally, on one line.

    Examples
    --------
    >>> print(md_text("50% off | *today* <b>only</b>"))
    50% off \\| \\*today\\* \\<b\\>only\\</b\\>
    >>> print(md_text("# not a heading\\nsecond line"))
    \\# not a heading<br>second line
    """
    lines = [_MD_SPECIAL.sub(r"\\\1", line.strip()) for line in text.splitlines()] or [""]
    lines = [_MD_LINE_START.sub(r"\\\1", line) for line in lines]
    return "<br>".join(lines)


def shown_value(spec: FieldSpec, value: Any) -> str:
    """A single value (text, choice or score) as a person reads it: a score with its
    meaning, ``"4 (positive)"``; empty text for no value."""
    if spec.is_empty(value):
        return ""
    return f"{value} ({spec.scale[value]})" if spec.kind == "score" else str(value)


def md_cell(stage: Stage, key: str) -> str:
    """The content of one lane of one stage as a Markdown table cell."""
    spec = schema().lanes_by_key[key]
    value = getattr(stage, spec.name)
    if spec.kind == "list":
        return "<br>".join(md_text(item_with_note(item)) for item in value)
    return md_text(shown_value(spec, value))


def md_list(title: str, items: list[str]) -> list[str]:
    return (
        [f"**{title}**", "", *(f"- {md_text(item_with_note(item))}" for item in items), ""]
        if items
        else []
    )


def md_fields(holder: FieldValues, scope: str, long: bool) -> list[str]:
    """The filled fields of *scope* on *holder* (the map or its persona) as Markdown
    blocks, leaving out the field that names it (its heading): long text as a
    paragraph when *long*, other text, choices and scores as a labelled line when not,
    lists as a labelled list when not."""
    out: list[str] = []
    for spec in schema().scope(scope):
        value = getattr(holder, spec.name)
        if spec.first or spec.is_empty(value) or (spec.kind == "text" and spec.long) != long:
            continue
        if spec.kind == "list":
            out += md_list(spec.label, value)
        elif long:
            out += [md_text(value), ""]
        else:
            out += [f"**{spec.label}:** {md_text(shown_value(spec, value))}", ""]
    return out


def markdown_text(m: JourneyMap) -> str:
    """The map as a Markdown document: title, persona, one table of lanes by stages, notes.

    Examples
    --------
    >>> import journeykit as jk
    >>> text = markdown_text(jk.example("clothing-store"))
    >>> print(text.splitlines()[0])
    # Online clothing store: a summer outfit
    >>> [line[:40] for line in text.splitlines() if line.startswith("| **Touch")]
    ['| **Touchpoints** | Instagram post<br>Fa']
    """
    fw = get_framework(m.framework)
    persona = m.persona
    out = [
        f"# {md_text(m.title or 'Journey map')}",
        "",
        f"A customer journey map in the {md_text(fw.name.lower())} framework "
        f"(`{m.framework}`), made with JourneyKit.",
        "",
        *md_fields(m, "map", long=False),
    ]
    out += [f"## Persona: {md_text(persona.name or 'not named yet')}", ""]
    out += md_fields(persona, "persona", long=True) + md_fields(persona, "persona", long=False)
    out += [
        "## Journey map",
        "",
        "| Lane | " + " | ".join(md_text(s.name) for s in m.stages) + " |",
        "| --- |" + " --- |" * len(m.stages),
    ]
    for spec in shown_lanes(m):
        cells = [md_cell(stage, spec.key) for stage in m.stages]
        out.append(f"| **{spec.label}** | " + " | ".join(cells) + " |")
    out.append("")
    gaps = len(m.gaps())
    if gaps:
        out += [f"Empty cells: {gaps} (lanes still to fill in).", ""]
    counts = evidence_counts(m)
    if counts.tagged:
        out += [
            f"Where the items come from: {counts.research} from research, "
            f"{counts.assumption} assumptions still to check, {counts.untagged} not tagged "
            "(the note after an item says which).",
            "",
        ]
    plan = roadmap(m)
    if len(plan):
        out += ["## Roadmap", "", "| When | Opportunity | Stage | Impact | Effort | Owner |"]
        out.append("| --- | --- | --- | --- | --- | --- |")
        out += [
            f"| {row.horizon} | {md_text(row.opportunity)} | {md_text(row.stage)} | "
            f"{row.impact} | {row.effort} | {md_text(row.owner)} |"
            for row in plan.itertuples(index=False)
        ]
        out.append("")
    for spec in schema().scope("map"):
        value = getattr(m, spec.name)
        if spec.kind == "text" and spec.long and value:
            out += [f"## {md_text(spec.label)}", "", md_text(value), ""]
    return "\n".join(out)


# ----- CSV --------------------------------------------------------------------------------
#: First characters that make a spreadsheet treat a cell as a formula (plus the guard itself).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def guard_cell(text: str) -> str:
    """Protect a cell from being run as a spreadsheet formula.

    Examples
    --------
    >>> guard_cell("=HYPERLINK(\\"http://x\\")"), guard_cell("Website")
    ('\\'=HYPERLINK("http://x")', 'Website')
    """
    return "'" + text if text.startswith(FORMULA_START) else text


def unguard_cell(text: str) -> str:
    """Undo :func:`guard_cell`.

    Examples
    --------
    >>> unguard_cell(guard_cell("-10% for students")), unguard_cell(guard_cell("'quoted'"))
    ('-10% for students', "'quoted'")
    """
    return text[1:] if text.startswith("'") else text


def csv_text(m: JourneyMap) -> str:
    """The tidy table of :meth:`JourneyMap.to_frame` as CSV (UTF-8 text, ``\\n`` line ends).

    Examples
    --------
    >>> import journeykit as jk
    >>> print(csv_text(jk.example("clothing-store")).splitlines()[:2])
    ['stage,lane,item', 'Awareness,goal,Find something fresh to wear this summer']
    """
    frame = m.to_frame()
    # object, not pandas' string type: text it could not store reaches the writer, which names it
    for column in _learner_columns(frame):
        cells = frame[column]
        frame[column] = type(cells)(
            [guard_cell(str(cell)) for cell in cells], index=cells.index, dtype=object
        )
    return frame.to_csv(index=False, lineterminator="\n")


def _learner_columns(frame: pd.DataFrame) -> list[str]:
    """The columns of a tidy table that hold what learners typed: the item and its
    attributes (the stage and lane come from the kit)."""
    return [column for column in frame.columns if column not in COLUMNS[:2]]


def read_csv(source: str | Path | io.StringIO) -> pd.DataFrame:
    """Read a CSV written by :func:`journeykit.to_csv` back into the tidy table.

    Parameters
    ----------
    source : str, Path or file-like
        A path, or the CSV text itself (anything holding a line break is read as text).

    Returns
    -------
    pandas.DataFrame
        Columns ``stage``, ``lane``, ``item`` as text, formula guards removed.
        :meth:`journeykit.JourneyMap.from_frame` turns it back into a map.

    Examples
    --------
    >>> import journeykit as jk
    >>> m = jk.example("clothing-store")
    >>> back = read_csv(csv_text(m))
    >>> back.equals(m.to_frame().astype(str))
    True
    """
    import pandas as pd

    if isinstance(source, str) and "\n" in source:
        source = io.StringIO(source)
    frame = pd.read_csv(source, dtype=str, keep_default_na=False, encoding="utf-8")
    for column in _learner_columns(frame):
        frame[column] = frame[column].map(unguard_cell)
    return frame


# ----- Mermaid ----------------------------------------------------------------------------
#: Characters Mermaid's journey grammar stops at or decodes, written as entity codes.
_MERMAID_CODES = {"#": "#35;", ";": "#59;", ":": "#58;", "&": "#38;", "%": "#37;"}
_MERMAID_SPECIAL = re.compile("[" + re.escape("".join(_MERMAID_CODES)) + "]")
#: Words Mermaid reads as a statement when a line starts with them (any case).
_MERMAID_KEYWORDS = ("title", "section", "acctitle", "accdescr", "journey")


def mermaid_text_escape(text: str, actor: bool = False) -> str:
    """*text* made safe for a Mermaid ``journey`` title, section, task or actor.

    Line breaks become spaces; ``: ; # & %`` become entity codes (Mermaid draws
    the character itself); a leading keyword gets its first letter coded; in an actor
    name a comma is coded too, as commas separate actors.

    Examples
    --------
    >>> mermaid_text_escape("Step 1: pay; then #2")
    'Step 1#58; pay#59; then #35;2'
    >>> mermaid_text_escape("Section leader signs off")
    '#83;ection leader signs off'
    >>> mermaid_text_escape("Smith, Jo", actor=True)
    'Smith#44; Jo'
    """
    flat = " ".join(text.split())
    coded = _MERMAID_SPECIAL.sub(lambda match: _MERMAID_CODES[match.group()], flat)
    if actor:
        coded = coded.replace(",", "#44;")
    if coded.casefold().startswith(_MERMAID_KEYWORDS):
        coded = f"#{ord(coded[0])};{coded[1:]}"
    return coded or "(blank)"


def mermaid_text(m: JourneyMap) -> str:
    """The map as a Mermaid ``journey`` diagram.

    A section per stage; a task per customer action, scored with the stage's
    emotion score (1 to 5) and done by the persona. A stage with no actions
    shows its goal as the task; a stage with no score is drawn as 3 (neutral)
    and says so in a Mermaid comment.

    Examples
    --------
    >>> import journeykit as jk
    >>> print("\\n".join(mermaid_text(jk.example("clothing-store")).splitlines()[:4]))
    journey
        title Online clothing store#58; a summer outfit
        section Awareness
            Spots a Facebook ad showing trendy summer clothes: 4: Maya
    """
    actor = mermaid_text_escape(m.persona.name or "Customer", actor=True)
    lines = ["journey", f"    title {mermaid_text_escape(m.title or 'Journey map')}"]
    neutral = (SCORE_MIN + SCORE_MAX) // 2
    for stage in m.stages:
        lines.append(f"    section {mermaid_text_escape(stage.name)}")
        score = stage.emotion_score
        if score is None:
            lines.append(f"        %% no emotion score yet, drawn as {neutral} (neutral)")
        tasks = stage.actions or [stage.goal or "Nothing mapped yet"]
        lines += [
            f"        {mermaid_text_escape(task)}: {score or neutral}: {actor}" for task in tasks
        ]
    return "\n".join(lines) + "\n"
