"""Who decides with the persona, read from the persona's description, on wordings of our own.

Each test gives the clean bike-repair map's persona a description and empties the
participants of its purchase stage. The coach should ask who else has a say when the
description shows the purchase is shared (a couple, a minor and the parent who pays, a
sibling, an institution where someone else approves), and stay quiet for a person who
decides alone. Not the benchmark's wordings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk

CLEAN = Path(__file__).resolve().parent / "data" / "clean" / "bike-repair.json"


def asks_who_else(description: str) -> bool:
    bike = jk.load_map(CLEAN)
    bike.set_persona(description=description)
    bike.set_lane("Purchase", "participants", [])
    return any(
        f.rule == "decided-without-others" and f.stage == "Purchase" for f in jk.review(bike)
    )


@pytest.mark.parametrize(
    "description",
    [
        "Half of a newly married couple who share one car and one budget.",
        "A 16-year-old saving for a bike; her dad pays half.",
        "Shares a flat and a tandem with his brother.",
        "Bursar of a village primary; the head teacher and governors approve spending.",
    ],
)
def test_a_shared_purchase_asks_who_else_has_a_say(description):
    assert asks_who_else(description)


def test_someone_who_decides_alone_is_not_asked():
    assert not asks_who_else("A 34-year-old nurse who rides to her night shifts.")
