"""Rules about information needs and messages: each question answered in time.

An information need counts as answered when a message in the same stage or an
earlier one shares a key word with it (see :mod:`.words`): a customer can only
act on an answer they have already heard. Like every word match here, it is
lenient: it notices needs that no message mentions at all, so it gives no
praise here (a message that mentions the menu may still not say what is new on it).
"""

from __future__ import annotations

from collections.abc import Iterator

from .context import MapView, Rule
from .findings import Finding
from .words import key_words, quoted_list

RULES = (
    Rule(
        "need-without-message",
        ("improve",),
        "information needs that no message in the same or an earlier stage mentions",
    ),
)


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
    heard: set[str] = set()
    for stage in view.stages:
        for message in stage.messages:
            heard |= key_words(message)
        if not stage.information_needs:
            continue
        missing = [n for n in stage.information_needs if key_words(n) and not key_words(n) & heard]
        if not missing:
            continue
        yield Finding(
            rule="need-without-message",
            level="improve",
            message=(
                f"{stage.name}: {who} needs to know {quoted_list(missing)}, and no message up "
                f"to this stage mentions {'it' if len(missing) == 1 else 'them'}."
            ),
            why="A question the customer cannot get answered is where the journey stalls.",
            fix=(
                f"Add a message in {stage.name} or an earlier stage that answers "
                f"{'it' if len(missing) == 1 else 'each'}, or say where {who} finds the answer."
            ),
            stage=stage.name,
            lane="messages",
        )
