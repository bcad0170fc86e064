"""Rules about information needs and messages: each question answered in time, in meaning.

An information need counts as answered when a message in the same stage or an earlier
one answers what it *asks* (:func:`.concepts.concepts`): "Can we get our money back?"
asks about a refund, and "Cancel any time in the first 30 days" answers it with no word
in common, while "Brake repairs are our speciality" shares words with "What will a brake
repair cost?" and leaves the price open. A precise question (a price, a time, a refund,
where, who qualifies: :data:`.concepts.PRECISE`) needs a message on that very point. An
open question ("What does the school have to do?") may be answered in words no list
follows, so the coach only notes it when no message has been given up to that stage. A
customer can only act on an answer they have already heard, hence "the same stage or an
earlier one".

A message that is the same in every stage (a slogan) answers no stage's question.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .concepts import PRECISE, concepts
from .context import MapView, Rule
from .findings import Finding
from .words import quoted, quoted_list, squash

RULES = (
    Rule(
        "need-without-message",
        ("improve",),
        "information needs that no message in the same or an earlier stage answers in meaning "
        "(a precise question, about a price, a time, a refund, where ..., needs a message on "
        "that point; an open one, any message at all)",
    ),
    Rule(
        "same-message-in-every-stage",
        ("fix",),
        "one message (a slogan) in every stage that has messages, three stages or more",
    ),
)


#: A message naming how many people a thing serves ("Prices by number of guests", "Tables
#: for up to 12 people").
_HEADCOUNT = re.compile(
    r"\b(number of|for up to|serves|feeds|seats) (\d+ )?(people|guests|persons)\b"
    r"|\b\d+ (people|guests|persons|servings|portions)\b",
    re.IGNORECASE,
)


def told(message: str) -> frozenset[str]:
    """What *message* tells: its topics, and the size of a thing when it says how many people
    it serves. Only the message is read this way: a question that mentions people ("How do I
    change the number of people?") is not, by that alone, a question about size.

    Examples
    --------
    >>> "size" in told("Prices by number of guests: 50, 80 or 120")
    True
    >>> "size" in told("Fresh lunches for the whole office")
    False
    """
    found = concepts(message)
    return found | {"size"} if _HEADCOUNT.search(message) else found


def answered(need: str, messages: list[str]) -> bool:
    """True when one of *messages* answers what *need* asks.

    Examples
    --------
    >>> answered("How quickly can they do a repair?", ["Most repairs done within a day"])
    True
    >>> answered("What will a brake repair cost?", ["Brake repairs are our speciality"])
    False
    >>> answered("When does the parcel arrive?", ["Free returns within 30 days"])
    False
    """
    asked = concepts(need)
    precise = asked & PRECISE
    if len(precise) > 1:  # "When does the parcel arrive?": the parcel, not any time
        precise -= {"time"}
    if precise:
        return any(precise & told(message) for message in messages)
    # An open question ("What does the school have to do?") can be answered in words the
    # coach cannot follow; it only speaks up when no message has been given at all.
    return bool(messages)


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
    heard: list[str] = []
    for stage in view.stages:
        heard.extend(stage.messages)
        if not stage.information_needs:
            continue
        missing = [n for n in stage.information_needs if not answered(n, heard)]
        if not missing:
            continue
        yield Finding(
            rule="need-without-message",
            level="improve",
            message=(
                f"{stage.name}: {who} needs to know {quoted_list(missing)}; which message up to "
                f"this stage answers {'it' if len(missing) == 1 else 'them'}?"
            ),
            why="A question the customer cannot get answered is where the journey stalls.",
            fix=(
                f"Add a message in {stage.name} or an earlier stage that answers "
                f"{'it' if len(missing) == 1 else 'each'}, or say where {who} finds the answer."
            ),
            stage=stage.name,
            lane="messages",
        )
    yield from _slogan(view)


def _slogan(view: MapView) -> Iterator[Finding]:
    with_messages = [s for s in view.stages if s.messages]
    if len(with_messages) < 3:
        return
    common = set.intersection(*({squash(m) for m in s.messages} for s in with_messages))
    common.discard("")
    if not common:
        return
    slogan = next(m for m in with_messages[0].messages if squash(m) in common)
    yield Finding(
        rule="same-message-in-every-stage",
        level="fix",
        message=(
            f"{quoted(slogan)} is the message in every stage; it answers none of the questions "
            f"{view.persona_name} has along the way."
        ),
        why=(
            "Each stage has its own question (what is it, what does it cost, when does it "
            "arrive); a slogan repeated everywhere answers none of them."
        ),
        fix="Write, for each stage, what the customer needs to hear right then, and keep the "
        "slogan for one place at most.",
        stage=None,
        lane="messages",
    )
