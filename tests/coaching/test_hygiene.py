"""The same item in every stage: a weak spot in content lanes, not in the people taking part.

Each test puts one item in one lane of every stage of the clean bike-repair map. The
wordings are ours, not the coach's benchmark set's: they test the general reading of
``journeykit.coaching.hygiene`` (who else is involved may rightly be the same at each
stage; what the business says, does or offers should not). Placeholders: text that names
nothing ("foo bar", "TBC") holds a place; a short word that names a place or a channel
("Bar", "Text") does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk

CLEAN = Path(__file__).resolve().parent / "data" / "clean" / "bike-repair.json"


def repeated(lane: str, item: str) -> bool:
    """True when the review notes *item*, put in *lane* of every stage, as the same in each."""
    bike = jk.load_map(CLEAN)
    for stage in bike.stage_names:
        bike.set_lane(stage, lane, [item])
    return any(f.rule == "same-in-every-stage" and f.lane == lane for f in jk.review(bike))


@pytest.mark.parametrize("person", ["Partner who also rides", "His daughter", "The office manager"])
def test_a_person_who_takes_part_at_every_stage_is_named_at_every_stage(person):
    assert not repeated("participants", person)


@pytest.mark.parametrize(
    ("lane", "item"),
    [("touchpoints", "Shop website"), ("business_activities", "Post on social media")],
)
def test_the_same_content_in_every_stage_is_still_a_weak_spot(lane, item):
    assert repeated(lane, item)


def placeholder_noted(item: str) -> bool:
    """True when *item*, added to the touchpoints of the clean map's Purchase, is placeholder."""
    bike = jk.load_map(CLEAN)
    stage = bike.stages[bike.stage_names.index("Purchase")]
    bike.set_lane("Purchase", "touchpoints", [*stage.touchpoints, item])
    return any(f.rule == "placeholder-text" for f in jk.review(bike))


@pytest.mark.parametrize("item", ["foo bar", "TBC", "xxxx"])
def test_text_that_names_nothing_is_a_placeholder(item):
    assert placeholder_noted(item)


@pytest.mark.parametrize("item", ["Bar", "Text", "Test centre"])
def test_a_short_word_that_names_a_place_or_a_channel_is_not(item):
    assert not placeholder_noted(item)
