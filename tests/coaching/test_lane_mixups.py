"""Items in the wrong lane, read by how they are written, on wordings of our own.

Each test adds one item to a lane of the clean bike-repair map's Consideration stage.
A touchpoint written as what the customer does ("Books online") or as a feeling with its
cause ("Worried about the cost"), a pain point written as the fix ("Offer evening
appointments", "A clearer price list"): the coach points at the lane. Guards: channels,
problems and feeling-led touchpoint names that are not feelings stay quiet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk

CLEAN = Path(__file__).resolve().parent / "data" / "clean" / "bike-repair.json"
STAGE = "Consideration"
LANE_RULES = {"wrong-lane", "touchpoint-is-an-action", "pain-is-an-idea"}


def noted(lane: str, item: str) -> bool:
    bike = jk.load_map(CLEAN)
    now = getattr(bike.stages[bike.stage_names.index(STAGE)], lane)
    bike.set_lane(STAGE, lane, [*now, item])
    return any(
        f.rule in LANE_RULES and f.stage == STAGE and f.lane == lane for f in jk.review(bike)
    )


@pytest.mark.parametrize(
    ("lane", "item"),
    [
        ("touchpoints", "Books online after work"),
        ("touchpoints", "Orders ahead by phone"),
        ("touchpoints", "Worried about the cost"),
        ("touchpoints", "Quite relieved it is sorted"),
        ("pain_points", "Offer evening appointments"),
        ("pain_points", "A clearer price list"),
    ],
)
def test_an_item_written_as_another_lanes_kind_is_noted(lane, item):
    assert noted(lane, item)


@pytest.mark.parametrize(
    ("lane", "item"),
    [
        ("touchpoints", "Booking page"),
        ("touchpoints", "Happy hour email"),
        ("touchpoints", "Trust badges on the quote"),
        ("pain_points", "Offer codes do not work at the till"),
        ("pain_points", "A longer wait than promised"),
        ("pain_points", "Worried about the cost"),
    ],
)
def test_items_of_their_own_lane_stay_quiet(lane, item):
    assert not noted(lane, item)
