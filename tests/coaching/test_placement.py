"""Content in the wrong stage, read by what the item does, on wordings of our own.

Each test puts one item in the first stage (Awareness) or the last (Advocacy) of the
clean bike-repair map. They test the general readings of ``journeykit.coaching.concepts``
behind ``item-in-wrong-stage``: a review, a referral code or friends told is the customer
recommending, however it is worded; posters, leaflets and door drops are advertising to
strangers, unless they are for customers to pass on. A public thank-you or someone told to
buy from the business is recommending too; paying in a stage before the purchase stage where
the customer is still comparing is paying before choosing.
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


@pytest.mark.parametrize(
    "action",
    [
        "Posts a big thank-you to the garage on the street's WhatsApp",
        "Gives the florist a shout-out on Instagram",
        "Urges her neighbour to book with the same plumber",
    ],
)
def test_thanking_in_public_or_telling_others_to_buy_before_the_purchase_is_questioned(action):
    assert questioned("Awareness", "actions", action)


@pytest.mark.parametrize(
    "action",
    [
        "Thanks the receptionist for the quick reply",
        "Tells her partner about the shop she walked past",
        "Reads the thank-you note pinned in the window",
        "Tells her husband to go with the cheaper plan",
    ],
)
def test_private_thanks_and_talk_at_home_before_the_purchase_are_not(action):
    assert not questioned("Awareness", "actions", action)


def paying_questioned(stage: str, actions: list[str]) -> bool:
    """True when the review asks whether a purchase in *actions*, the whole customer actions
    of *stage* of the clean map, belongs there."""
    bike = jk.load_map(CLEAN)
    bike.set_lane(stage, "actions", actions)
    return any(f.rule == "item-in-wrong-stage" and f.stage == stage for f in jk.review(bike))


@pytest.mark.parametrize(
    "actions",
    [
        ["Compares three workshops' prices", "Pays for a full service"],
        ["Reads reviews of two shops", "Buys a yearly repair plan"],
        ["Gets three quotes for a new wheel", "Pays for the wheel online"],
    ],
)
def test_paying_while_still_comparing_before_the_purchase_stage_is_questioned(actions):
    assert paying_questioned("Consideration", actions)


@pytest.mark.parametrize(
    ("stage", "actions"),
    [
        ("Consideration", ["Phones the shop", "Pays a deposit to hold a Saturday slot"]),
        ("Purchase", ["Compares the two quotes at the counter", "Pays by card"]),
        ("Consideration", ["Compares two shops", "Books a free safety check"]),
    ],
)
def test_a_deposit_without_comparing_or_paying_in_the_purchase_stage_is_not(stage, actions):
    assert not paying_questioned(stage, actions)


@pytest.mark.parametrize(
    ("lane", "item"),
    [
        ("business_activities", "Ask buyers to leave a star rating on Google"),
        ("business_activities", "Email past clients a review link"),
        ("business_activities", "Hand out referral cards at the till"),
    ],
)
def test_the_business_asking_for_reviews_before_any_purchase_is_questioned(lane, item):
    # a review or a referral can only come from someone who has already bought
    assert questioned("Awareness", lane, item)


@pytest.mark.parametrize(
    ("stage", "lane", "item"),
    [
        ("Awareness", "business_activities", "Show customer reviews on the homepage"),
        ("Awareness", "business_activities", "Ask the local paper to review the new shop"),
        ("Advocacy", "business_activities", "Ask riders to rate the service a week later"),
    ],
)
def test_reviews_shown_or_asked_for_after_the_purchase_are_not(stage, lane, item):
    assert not questioned(stage, lane, item)


@pytest.mark.parametrize(
    "actions",
    [
        ["Asks two garages for a price", "Signs the service agreement at the counter"],
        ["Looks up opening hours", "Leaves a deposit for the new wheelset"],
        ["Reads the price list", "Signs a twelve-month maintenance contract"],
        ["Looks up the opening hours", "Sets up a monthly direct debit for servicing"],
    ],
)
def test_signing_or_leaving_a_deposit_while_still_researching_is_questioned(actions):
    # Consideration covers contact and commitment: only after comparing is it early
    assert paying_questioned("Awareness", actions)


@pytest.mark.parametrize(
    ("stage", "actions"),
    [
        ("Awareness", ["Signs up for the shop's newsletter", "Reads the price list"]),
        ("Purchase", ["Signs the repair agreement", "Leaves a deposit for the parts"]),
        ("Awareness", ["Signs the petition for a cycle lane outside the shop"]),
        ("Awareness", ["Sets up a route planner on her phone"]),
    ],
)
def test_signing_up_or_signing_in_the_purchase_stage_is_not(stage, actions):
    assert not paying_questioned(stage, actions)
