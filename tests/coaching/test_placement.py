"""Content in the wrong stage, read by what the item does, on wordings of our own.

Each test puts one item in the first stage (Awareness) or the last (Advocacy) of the
clean bike-repair map. They test the general readings of ``journeykit.coaching.concepts``
behind ``item-in-wrong-stage``: a review, a referral code or friends told is the customer
recommending, however it is worded; posters, leaflets and door drops are advertising to
strangers, unless they are for customers to pass on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk

CLEAN = Path(__file__).resolve().parent / "data" / "clean" / "bike-repair.json"


def questioned(stage: str, lane: str, item: str) -> bool:
    """True when the review asks whether *item*, added to *lane* of *stage*, belongs there."""
    bike = jk.load_map(CLEAN)
    stage_now = bike.stages[bike.stage_names.index(stage)]
    bike.set_lane(stage, lane, [*getattr(stage_now, lane), item])
    return any(f.rule == "item-in-wrong-stage" and f.stage == stage for f in jk.review(bike))


@pytest.mark.parametrize(
    "action",
    [
        "Leaves a five-star Google review",
        "Gives two colleagues her referral code",
        "Passes the number on to a neighbour",
        "Tells three friends at the club",
    ],
)
def test_recommending_before_the_purchase_is_questioned(action):
    assert questioned("Awareness", "actions", action)


@pytest.mark.parametrize(
    "action",
    [
        "Reads reviews of local workshops",
        "Asks friends which workshop they use",
        "Sends the quote to his partner",
    ],
)
def test_asking_and_reading_before_the_purchase_is_not(action):
    assert not questioned("Awareness", "actions", action)


@pytest.mark.parametrize(
    ("lane", "item"),
    [
        ("business_activities", "Put posters up in the library"),
        ("business_activities", "Door drops across new estates"),
        ("touchpoints", "Promoted posts on Facebook"),
    ],
)
def test_advertising_to_strangers_in_advocacy_is_questioned(lane, item):
    assert questioned("Advocacy", lane, item)


def test_leaflets_for_customers_to_pass_on_belong_in_advocacy():
    assert not questioned("Advocacy", "business_activities", "Leaflets to pass on to friends")
