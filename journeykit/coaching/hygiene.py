"""Rules about tidy lanes: no placeholders, no repeats, no paragraphs, items in the right lane.

One finding per stage and lane (naming the first items), so a messy lane gives
one remark rather than fifty. The lane an item belongs in is judged only where
the kit can tell (:mod:`.kinds`): a feeling, or an item the catalogue and the
examples always place in one lane.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache

from ..catalogue import Schema, schema
from .context import MapView, Rule
from .findings import Finding
from .kinds import LANE_NOUNS, is_feeling, known_item_lanes, lane_name, led_by_feeling
from .words import is_paragraph, is_placeholder, quoted, quoted_list, squash

RULES = (
    Rule(
        "placeholder-text", ("fix",), 'text that only holds a place: "...", "TODO", "xxx", "test"'
    ),
    Rule("duplicate-item", ("improve",), "the same item twice in one lane of a stage"),
    Rule(
        "same-in-every-stage",
        ("improve",),
        "one item repeated in every stage of a lane (three stages or more), the participants "
        "apart: the same person may take part in every stage",
    ),
    Rule(
        "paragraph-item",
        ("improve",),
        "an item that is a paragraph (over 25 words, or three sentences)",
    ),
    Rule(
        "wrong-lane",
        ("fix", "improve"),
        "an item of another kind than its lane: a feeling as a touchpoint (fix), an item "
        "the kit's data knows from another lane (fix), a bare feeling as a pain point "
        "(improve)",
    ),
)


def _text_fields(view: MapView) -> Iterator[tuple[str | None, str, str]]:
    """(stage, lane, text) for the title, persona and every text lane of every stage (the
    goal, and any text lane the schema adds)."""
    m = view.map
    yield None, "title", m.title
    yield None, "persona", m.persona.description
    text_lanes = [spec for spec in schema().lanes if spec.kind == "text"]
    for stage in view.stages:
        for spec in text_lanes:
            yield stage.name, spec.key, getattr(stage, spec.name)


def check(view: MapView) -> Iterator[Finding]:
    for stage_name, lane, text in _text_fields(view):
        if text and is_placeholder(text):
            where = _MAP_TEXTS.get(lane) or f"{stage_name}: the {_text_lane_name(lane)} "
            yield _placeholders(stage_name, lane, [text], where, "")
        elif text and is_paragraph(text) and stage_name is not None:
            yield _paragraphs(stage_name, lane, [text])
    current = schema()
    list_lanes = current.list_lanes
    squashed: dict[str, list[frozenset[str]]] = {key: [] for key in list_lanes}
    for stage in view.stages:
        for key in list_lanes:
            items = getattr(stage, key)
            if items:
                keys, found = _lane_once(stage.name, key, tuple(items), current)
                squashed[key].append(keys)
                yield from found
    yield from _repeated(view, squashed)


#: How a finding starts for the text fields that belong to no stage.
_MAP_TEXTS = {"title": "The map's title ", "persona": "The persona's description "}


def _text_lane_name(key: str) -> str:
    """A text lane in a sentence; the goal is "the goal", as learners call it."""
    return "goal" if key == "goal" else lane_name(key)


@lru_cache(maxsize=65536)
def _facts(item: str) -> tuple[str, bool, bool, bool]:
    """What the hygiene rules need to know about one item, worked out once per text:
    (squashed, placeholder, paragraph, feeling). The editor reviews the same items on
    every edit, so they come from this cache (which is why it squashes *item* past
    :func:`.words.squash`'s own cache: a map never seen before then fills one cache, not two)."""
    squashed = squash.__wrapped__(item)
    return squashed, is_placeholder(item, squashed), is_paragraph(item), is_feeling(item)


@lru_cache(maxsize=4096)
def _lane_once(
    stage: str, key: str, items: tuple[str, ...], current: Schema
) -> tuple[frozenset[str], tuple[Finding, ...]]:
    """One lane of one stage, worked out once per (stage, lane, items): its items squashed
    (for :func:`_repeated`) and its findings.

    The editor reviews the same map after every pause in typing and an edit changes one
    lane, so the other lanes come from this cache instead of being judged item by item
    again. The findings depend only on the items' text (an :class:`~journeykit.model.Item`
    is equal to its text, attributes apart, which these rules never read) and on the lane
    names of the schema in force (*current*, so an extended schema gets its own entries).
    Findings are frozen, so one review's findings are safely another's.
    """
    facts = [_facts(i) for i in items]
    keys = [f[0] for f in facts]
    return frozenset(keys), tuple(_lane(stage, key, items, keys, facts))


def _lane(
    stage: str,
    key: str,
    items: Sequence[str],
    keys: list[str],
    facts: list[tuple[str, bool, bool, bool]],
) -> Iterator[Finding]:
    """The findings of one lane of one stage, from its items, their squashed *keys* and
    their :func:`_facts`."""
    placeholders, long, feelings = [], [], []
    misplaced: tuple[str, str] | None = None
    known = known_item_lanes()
    judge_kind = key != "emotion_words"
    for item, (squashed_item, placeholder, paragraph, feeling) in zip(items, facts, strict=True):
        if placeholder:
            placeholders.append(item)
            continue
        if paragraph:
            long.append(item)
        if not judge_kind:
            continue
        if feeling or (key == "touchpoints" and led_by_feeling(item)):
            feelings.append(item)
            continue
        lanes = known.get(squashed_item, ())
        if misplaced is None and len(lanes) == 1 and key not in lanes:
            misplaced = item, next(iter(lanes))
    if placeholders:
        yield _placeholders(stage, key, placeholders, f"{stage}: ", f" in the {lane_name(key)}")
    counts = Counter(keys)
    if len(counts) < len(keys):
        firsts = {k: i for k, i in zip(reversed(keys), reversed(items), strict=True)}
        twice = [firsts[k] for k, count in counts.items() if count > 1 and k]
        if twice:
            yield Finding(
                rule="duplicate-item",
                level="improve",
                message=(
                    f"{stage}: {quoted_list(twice)} appear{'s' if len(twice) == 1 else ''} more "
                    f"than once in the {lane_name(key)}."
                ),
                why="A repeated item makes a lane look fuller than it is.",
                fix="Keep one copy, or make the two say different things.",
                stage=stage,
                lane=key,
            )
    if long:
        yield _paragraphs(stage, key, long)
    if feelings and key == "pain_points":
        yield Finding(
            rule="wrong-lane",
            level="improve",
            message=(
                f"{stage}: the pain point {quoted_list(feelings)} is a feeling, not what causes it."
            ),
            why=(
                "A feeling tells you something hurts; the pain point should say what, so that "
                "someone can change it."
            ),
            fix="Move the feeling to the emotion words and write what caused it as the pain point.",
            stage=stage,
            lane=key,
        )
    elif feelings:
        yield Finding(
            rule="wrong-lane",
            level="fix",
            message=f"{stage}: {quoted_list(feelings)} in the {lane_name(key)} is a feeling.",
            why=f"Each lane holds one kind of item; here each item should be {LANE_NOUNS[key]}.",
            fix="Move it to the emotion words of the same stage.",
            stage=stage,
            lane=key,
        )
    if misplaced is not None:
        item, kind = misplaced
        yield Finding(
            rule="wrong-lane",
            level="fix",
            message=(
                f"{stage}: {quoted(item)} is {LANE_NOUNS[kind]}, "
                f"but it sits in the {lane_name(key)}."
            ),
            why=f"Each lane holds one kind of item; here each item should be {LANE_NOUNS[key]}.",
            fix=f"Move {quoted(item)} to the {lane_name(kind)} of {stage}.",
            stage=stage,
            lane=key,
        )


def _placeholders(
    stage: str | None, lane: str, texts: list[str], before: str, after: str
) -> Finding:
    return Finding(
        rule="placeholder-text",
        level="fix",
        message=(
            f"{before}{quoted_list(texts)}{after} {'is' if len(texts) == 1 else 'are'} "
            "placeholder text."
        ),
        why=(
            "Placeholder text makes a lane look done when it is not, and ends up in exports "
            "and slides."
        ),
        fix="Replace it with your own words, or leave the field empty until you know.",
        stage=stage,
        lane=lane,
    )


def _paragraphs(stage: str | None, lane: str, texts: list[str]) -> Finding:
    return Finding(
        rule="paragraph-item",
        level="improve",
        message=f"{stage}: {quoted_list(texts, 1)} is a whole paragraph in the {lane_name(lane)}.",
        why="Short items can be read at a glance on the map; a paragraph hides the point.",
        fix="Split it into separate items of a few words each, one per line.",
        stage=stage,
        lane=lane,
    )


#: Lanes whose items may rightly be the same in every stage: the messages (a slogan is
#: :mod:`.messages`' ``same-message-in-every-stage``) and the participants, people rather
#: than content: the carer, the partner or the buying team who weigh in at each stage are
#: named in each, which is what the method asks.
_MAY_REPEAT = frozenset({"messages", "participants"})


def _repeated(view: MapView, squashed: dict[str, list[frozenset[str]]]) -> Iterator[Finding]:
    """Items found in the same lane of every stage that fills it (three stages or more), in
    a lane where repeating says nothing about any one stage (not the people taking part)."""
    for key, lanes in squashed.items():
        if len(lanes) < 3 or key in _MAY_REPEAT:
            continue
        common = set(lanes[0]).intersection(*lanes[1:])
        common.discard("")
        if not common:
            continue
        first = next(getattr(s, key) for s in view.stages if getattr(s, key))
        shown = [i for i in first if squash(i) in common]
        yield Finding(
            rule="same-in-every-stage",
            level="improve",
            message=(
                f"{quoted_list(shown)} appear{'s' if len(shown) == 1 else ''} in the "
                f"{lane_name(key)} of every stage."
            ),
            why="What is true of every stage tells the reader nothing about any one of them.",
            fix="Keep it where it matters most and say what is special about each other stage.",
            stage=None,
            lane=key,
        )
