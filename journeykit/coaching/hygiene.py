"""Rules about tidy lanes: no placeholders, no repeats, no paragraphs, items in the right lane.

One finding per stage and lane (naming the first items), so a messy lane gives
one remark rather than fifty. The lane an item belongs in is judged only where
the kit can tell (:mod:`.kinds`): a feeling, or an item the catalogue and the
examples always place in one lane.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..catalogue import LIST_LANES
from .context import MapView, Rule
from .findings import Finding
from .kinds import LANE_NOUNS, is_feeling, kind_of, lane_name
from .words import is_paragraph, is_placeholder, quoted, quoted_list, squash

RULES = (
    Rule("placeholder-text", ("fix",),
         "text that only holds a place: \"...\", \"TODO\", \"xxx\", \"test\""),
    Rule("duplicate-item", ("improve",), "the same item twice in one lane of a stage"),
    Rule("same-in-every-stage", ("improve",),
         "one item repeated in every stage of a lane (three stages or more)"),
    Rule("paragraph-item", ("improve",),
         "an item that is a paragraph (over 25 words, or three sentences)"),
    Rule("wrong-lane", ("fix", "improve"),
         "an item of another kind than its lane: a feeling as a touchpoint (fix), an item "
         "the kit's data knows from another lane (fix), a bare feeling as a pain point "
         "(improve)"),
)


def _text_fields(view: MapView) -> Iterator[tuple[str | None, str, str]]:
    """(stage, lane, text) for the title, persona and every stage goal."""
    m = view.map
    yield None, "title", m.title
    yield None, "persona", m.persona.description
    for stage in view.stages:
        yield stage.name, "goal", stage.goal


def check(view: MapView) -> Iterator[Finding]:
    for stage_name, lane, text in _text_fields(view):
        if text and is_placeholder(text):
            where = {"title": "The map's title ", "persona": "The persona's description "}.get(
                lane, f"{stage_name}: the goal ")
            yield _placeholders(stage_name, lane, [text], where, "")
        elif text and is_paragraph(text) and lane == "goal":
            yield _paragraphs(stage_name, lane, [text])
    for stage in view.stages:
        for key in LIST_LANES:
            items = getattr(stage, key)
            if items:
                yield from _lane(stage.name, key, items)
    yield from _repeated(view)


def _lane(stage: str, key: str, items: list[str]) -> Iterator[Finding]:
    placeholders = [i for i in items if is_placeholder(i)]
    if placeholders:
        yield _placeholders(stage, key, placeholders, f"{stage}: ", f" in the {lane_name(key)}")
    counts = Counter(squash(i) for i in items)
    firsts = {squash(i): i for i in reversed(items)}
    twice = [firsts[key] for key, count in counts.items() if count > 1 and key]
    if twice:
        yield Finding(
            "duplicate-item", "improve",
            f"{stage}: {quoted_list(twice)} appear{'s' if len(twice) == 1 else ''} more than "
            f"once in the {lane_name(key)}.",
            "A repeated item makes a lane look fuller than it is.",
            "Keep one copy, or make the two say different things.", stage, key)
    long = [i for i in items if is_paragraph(i)]
    if long:
        yield _paragraphs(stage, key, long)
    if key == "emotion_words":
        return
    feelings = [i for i in items if i not in placeholders and is_feeling(i)]
    if feelings and key == "pain_points":
        yield Finding(
            "wrong-lane", "improve",
            f"{stage}: the pain point {quoted_list(feelings)} is a feeling, not what causes it.",
            "A feeling tells you something hurts; the pain point should say what, so that "
            "someone can change it.",
            "Move the feeling to the emotion words and write what caused it as the pain "
            "point.", stage, key)
    elif feelings:
        yield Finding(
            "wrong-lane", "fix",
            f"{stage}: {quoted_list(feelings)} in the {lane_name(key)} is a feeling.",
            f"Each lane holds one kind of item; here each item should be "
            f"{LANE_NOUNS[key]}.",
            "Move it to the emotion words of the same stage.", stage, key)
    for item in items:
        kind = kind_of(item)
        if kind is not None and kind != key and item not in feelings:
            yield Finding(
                "wrong-lane", "fix",
                f"{stage}: {quoted(item)} is {LANE_NOUNS[kind]}, but it sits in the "
                f"{lane_name(key)}.",
                f"Each lane holds one kind of item; here each item should be "
                f"{LANE_NOUNS[key]}.",
                f"Move {quoted(item)} to the {lane_name(kind)} of {stage}.", stage, key)
            break


def _placeholders(stage: str | None, lane: str, texts: list[str], before: str,
                  after: str) -> Finding:
    return Finding(
        "placeholder-text", "fix",
        f"{before}{quoted_list(texts)}{after} {'is' if len(texts) == 1 else 'are'} "
        "placeholder text.",
        "Placeholder text makes a lane look done when it is not, and ends up in exports "
        "and slides.",
        "Replace it with your own words, or leave the field empty until you know.",
        stage, lane)


def _paragraphs(stage: str | None, lane: str, texts: list[str]) -> Finding:
    return Finding(
        "paragraph-item", "improve",
        f"{stage}: {quoted_list(texts, 1)} is a whole paragraph in the {lane_name(lane)}.",
        "Short items can be read at a glance on the map; a paragraph hides the point.",
        "Split it into separate items of a few words each, one per line.", stage, lane)


def _repeated(view: MapView) -> Iterator[Finding]:
    for key in LIST_LANES:
        lanes = [getattr(s, key) for s in view.stages if getattr(s, key)]
        if len(lanes) < 3:
            continue
        common = set.intersection(*({squash(i) for i in items} for items in lanes))
        common.discard("")
        if not common:
            continue
        shown = [i for i in lanes[0] if squash(i) in common]
        yield Finding(
            "same-in-every-stage", "improve",
            f"{quoted_list(shown)} appear{'s' if len(shown) == 1 else ''} in the "
            f"{lane_name(key)} of every stage.",
            "What is true of every stage tells the reader nothing about any one of them.",
            "Keep it where it matters most and say what is special about each other stage.",
            None, key)
