"""Items in the wrong lane, read by how they are written, on wordings of our own.

Each test adds one item to a lane of the clean bike-repair map's Consideration stage.
A touchpoint written as what the customer does ("Books online") or as a feeling with its
cause ("Worried about the cost"), a pain point written as the fix ("Offer evening
appointments", "A clearer price list"): the coach points at the lane. Guards: channels,
problems and feeling-led touchpoint names that are not feelings stay quiet. Also: a
touchpoint that is an activity in "-ing" ("Scrolling through listings") or a state of mind
("Nervous her son won't keep up"), a pain point that is the thing wished for ("A weekly email
showing ..."); and a customer action with a business's verb that is the persona's own work
(what their description and goals say they run) or a verb customers use too ("Hires a van").
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


@pytest.mark.parametrize(
    ("lane", "item"),
    [
        ("touchpoints", "Scrolling through second-hand listings at night"),
        ("touchpoints", "Waiting for the quote by the phone"),
        ("touchpoints", "Nervous her son won't keep up with the group"),
        ("pain_points", "A weekly email showing what the tutor covered"),
        ("pain_points", "An app that lets her rebook from the pitch"),
        ("pain_points", "Wishes the gym had a crèche"),
    ],
)
def test_an_activity_a_state_of_mind_or_a_wish_is_noted(lane, item):
    assert noted(lane, item)


@pytest.mark.parametrize(
    ("lane", "item"),
    [
        ("touchpoints", "Waiting room at the depot"),
        ("touchpoints", "Parking for visitors"),
        ("touchpoints", "Training videos"),
        ("touchpoints", "Bar"),
        ("pain_points", "A form that never says what went wrong"),
        ("pain_points", "A second form to fill in at the desk"),
        ("pain_points", "A reminder text giving the wrong date"),
    ],
)
def test_places_channels_and_problems_worded_like_them_stay_quiet(lane, item):
    assert not noted(lane, item)


def business_activity_noted(action: str, description: str = "", goals: tuple = ()) -> bool:
    """True when *action*, added to the Purchase actions of the clean map with the persona
    described by *description* and *goals*, is read as the business's activity."""
    bike = jk.load_map(CLEAN)
    if description or goals:
        bike.set_persona(description=description, goals=list(goals))
    stage = bike.stages[bike.stage_names.index("Purchase")]
    bike.set_lane("Purchase", "actions", [*stage.actions, action])
    return any(f.rule == "action-is-business-activity" for f in jk.review(bike))


@pytest.mark.parametrize(
    ("action", "description", "goals"),
    [
        (
            "Publishes the new match rota on the club page",
            "Volunteer secretary of a village cricket club; keeps the match rota going.",
            ("Get a rota out before the season starts",),
        ),
        (
            "Hosts a tasting evening for her book group",
            "Runs a book group that meets monthly at her house.",
            ("Give the book group an evening to remember",),
        ),
        ("Hires a van for the move", "", ()),
        ("Sponsors a child through the charity", "", ()),
    ],
)
def test_what_a_customer_runs_in_their_own_right_is_their_action(action, description, goals):
    assert not business_activity_noted(action, description, goals)


@pytest.mark.parametrize(
    "action",
    [
        "Offers every new rider a free safety check",
        "Publishes the winter opening hours",
        "Promote the repair plan at the counter",
    ],
)
def test_the_businesss_work_in_the_customers_actions_is_noted(action):
    assert business_activity_noted(action)


@pytest.mark.parametrize(
    "action",
    [
        "Spoke & Chain texts him when the bike is ready",
        "The Spoke & Chain mechanic phones with a quote",
    ],
)
def test_an_action_with_the_named_business_as_its_subject_is_the_businesss(action):
    assert business_activity_noted(action)


@pytest.mark.parametrize(
    "action", ["Spoke to the mechanic about the brakes", "Recommends Spoke & Chain to a friend"]
)
def test_an_action_that_only_names_the_business_is_the_customers(action):
    assert not business_activity_noted(action)


@pytest.mark.parametrize(
    "item",
    [
        "Unsure whether the shop fixes hub gears",
        "Not sure the stand-up desk will suit his back",
        "Wondering if the pool is open to children",
    ],
)
def test_a_state_of_mind_is_not_a_touchpoint(item):
    assert noted("touchpoints", item)


@pytest.mark.parametrize("item", ["Curious Minds podcast", "Proud sponsor banner at the ground"])
def test_a_channel_named_with_a_feeling_word_is_a_touchpoint(item):
    assert not noted("touchpoints", item)


@pytest.mark.parametrize("pain", ["More Saturday slots", "Fewer forms at the front desk"])
def test_a_pain_point_asking_for_more_or_fewer_is_a_wish(pain):
    assert noted("pain_points", pain)


@pytest.mark.parametrize(
    "pain", ["More paperwork than the old bank asked for", "More and more reminder emails"]
)
def test_a_pain_point_that_compares_or_piles_up_is_a_problem(pain):
    assert not noted("pain_points", pain)
