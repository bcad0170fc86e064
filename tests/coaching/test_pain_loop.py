"""A pain point and the opportunity that takes it on, on stages of our own.

Each test rewrites one stage of the clean bike-repair map in another trade and voice (a
dentist's, a gym's, a physio clinic's, a language school's, a removals firm's, a software
vendor's; terse, first and second person, jargon, second-language). A stage whose own
opportunity takes on one of its pain points, in its words or in other words (a price for a
price, a reminder for a missed session, a person for a pain that nobody helps with), has
done the loop and is not asked about, even when it leaves another pain for later; a stage
whose ideas take on none of its pains is. Not the benchmark's wordings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk

CLEAN = Path(__file__).resolve().parent / "data" / "clean" / "bike-repair.json"


def asked(pains: list[str], ideas: list[str], stage: str = "Consideration") -> bool:
    """True when the coach asks which opportunity answers *stage*'s *pains*, once its pain
    points are *pains* and its opportunities *ideas*."""
    bike = jk.load_map(CLEAN)
    bike.set_lane(stage, "pain_points", pains)
    bike.set_lane(stage, "opportunities", ideas)
    return any(f.rule == "pain-without-opportunity" and f.stage == stage for f in jk.review(bike))


@pytest.mark.parametrize(
    ("pains", "ideas"),
    [
        # terse: the one idea is about neither pain
        (["no parking near the yard", "form asks same thing thrice"], ["loyalty stamp card"]),
        # first person
        (["I waited forty minutes in the cold", "My kid got bored"], ["Sell branded mugs"]),
        # a pain that nobody helps with, and an idea that puts nobody there
        (["Nobody explains the warranty", "Workshop smells of solvent"], ["Fit a water fountain"]),
    ],
)
def test_a_stage_whose_ideas_take_on_none_of_its_pains_is_asked_about(pains, ideas):
    assert asked(pains, ideas)


@pytest.mark.parametrize(
    ("pains", "ideas"),
    [
        # second person, a dentist's: a price answered by a price in other words
        (
            ["You only learn what the filling costs after it's done", "The chair is too low"],
            ["Send a fixed fee estimate before treatment"],
        ),
        # first person, a courier's: a time answered by a time
        (
            ["I never know when the parcel will turn up", "The app logs me out"],
            ["Text a two-hour arrival window the night before"],
        ),
        # second-language, a gym's: nobody helps, and the idea puts a trainer there
        (
            ["Nobody explain me the machines in first week", "Music too loud"],
            ["Free session with trainer for all new starters"],
        ),
        # jargon, a software vendor's: no one walks a new admin through, a named specialist
        (
            ["No one walks new admins through SSO config", "Dashboard laggy on Mondays"],
            ["Named onboarding specialist per new account"],
        ),
        # jargon, a physio clinic's: missed sessions answered by a reminder, no word shared
        (
            ["Pts forget follow-ups", "Car park tiny"],
            ["Automatic SMS reminder the evening before"],
        ),
        # second person, a language school's: the level answered by a placement test
        (
            ["You can't tell if the class is too advanced for you", "The room is cold"],
            ["Free placement test to match each learner to a level"],
        ),
        # terse, a removals firm's: one pain taken on in its own words, one left for later
        (
            ["deposit non-refundable", "van turns up late"],
            ["refund deposit if cancelled 7 days ahead"],
        ),
    ],
)
def test_a_stage_whose_own_idea_takes_on_one_of_its_pains_is_left_alone(pains, ideas):
    assert not asked(pains, ideas)


def test_a_stage_with_pains_and_no_idea_is_still_asked_about():
    assert asked(["The counter has no pen to sign with"], [], stage="Purchase")
