"""Content in the wrong stage in any voice, and by the map's own stages, on wordings of our own.

Round 5 of ``item-in-wrong-stage``. A customer action in the noun-phrase voice of notes and
jargon ("Deposit payment for the worktop") is read from the verb its last noun is made from,
as the same action in any other voice. A review or a referral written in the stage of the
purchase itself comes before anything bought was used. What the map itself has the customer
do after the purchase is read by the same verb on the same things, whatever the head of the
object, and paying before the purchase stage for what the map has the customer come back for
later is asked about. A welcome email in a stage where people sign up welcomes someone who
signed up, not a customer. The head of an object comes after its count ("sends two mates
the link" is about the mates), and the person the purchase stage books, doing the trade the
map names before the booking ("Ina cleans the oven" before "Books Ina"), is asked about.
Each flawed probe has sound twins the rule must leave alone.
"""

from __future__ import annotations

import pytest

import journeykit as jk


def journey(framework: str, lanes: dict[tuple[str, str], list[str]]) -> jk.JourneyMap:
    """A map of *framework* for a persona called Noor, with *lanes* filled in by (stage,
    lane)."""
    built = jk.JourneyMap.new(framework, title="Probe", persona=jk.Persona("Noor", "Customer"))
    for (stage, lane), items in lanes.items():
        built.set_lane(stage, lane, items)
    return built


def questioned(built: jk.JourneyMap, stage: str) -> bool:
    """True when the review asks whether an item of *stage* belongs there."""
    return any(f.rule == "item-in-wrong-stage" and f.stage == stage for f in jk.review(built))


def action_questioned(framework: str, stage: str, action: str) -> bool:
    """True when *action*, the only customer action of *stage*, is asked about."""
    return questioned(journey(framework, {(stage, "actions"): [action]}), stage)


@pytest.mark.parametrize(
    "action",
    [
        # jargon: a referral, a payment and a renewal said as nouns
        "Gym membership referral to two colleagues",
        "Deposit payment for the kitchen worktop",
        "Annual breakdown cover renewal",
        # second language: the noun first, then what it is of
        "Recommendation of the garage to my brother",
    ],
)
def test_recommending_or_paying_in_noun_phrases_before_the_purchase_is_questioned(action):
    assert action_questioned("five-stage", "Awareness", action)


@pytest.mark.parametrize(
    "action",
    [
        "Google search for a mobile mechanic",
        "Price comparison of three garages",
        "Newsletter sign-up for opening offers",
        "Review reading on Trustpilot",
        "Callback booking with the sales team",
        # a verb before an article is no noun phrase: booking a viewing is a first look
        "Books the viewing for Saturday",
    ],
)
def test_noticing_and_first_looks_in_noun_phrases_are_not(action):
    assert not action_questioned("five-stage", "Awareness", action)


@pytest.mark.parametrize(
    ("framework", "stage", "action"),
    [
        ("five-stage", "Purchase", "I leave a 5 star review while I wait"),
        ("five-stage", "Purchase", "pays + posts a review of the salon"),
        ("five-stage-decision", "Decision", "Refers two neighbours to the roofer"),
        ("six-stage", "Purchase", "Caterer recommendation to the other parents on signing"),
    ],
)
def test_reviewing_or_referring_in_the_purchase_stage_is_questioned(framework, stage, action):
    assert action_questioned(framework, stage, action)


@pytest.mark.parametrize(
    ("framework", "stage", "action"),
    [
        ("five-stage", "Purchase", "Chooses the roofer her neighbour recommended"),
        ("five-stage", "Purchase", "Asks the fitter to recommend a sealant"),
        ("five-stage-decision", "Decision", "Nominates the pharmacy for his repeat prescriptions"),
        ("six-stage", "Purchase", "You pay and read the reviews card on the counter"),
    ],
)
def test_choosing_on_a_recommendation_in_the_purchase_stage_is_not(framework, stage, action):
    assert not action_questioned(framework, stage, action)


#: Five-stage maps: (what the purchase stage buys, early stage, early action, later stage,
#: what the map has the customer do there, whether the early action is asked about).
SAME_THINGS = [
    # terse, a bike shop: the new saddle ridden on the commute before it is bought
    (
        "buys gel saddle",
        "Awareness",
        "rides new saddle on the canal commute",
        "Retention",
        "rides the canal commute daily",
        True,
    ),
    # second language, a phone shop: the new case tried on the work phone before paying
    (
        "I pay the leather case",
        "Awareness",
        "I test the new case on my work phone",
        "Retention",
        "I test the buttons on my work phone",
        True,
    ),
    # jargon, B2B: the same verb in the same setting, but nothing bought is named
    (
        "Signs the licence agreement",
        "Awareness",
        "Presents the vendor shortlist to the steering group",
        "Retention",
        "Presents the adoption figures to the steering group",
        False,
    ),
    # the same verb on other things is not the same thing
    (
        "Buys the new bike",
        "Awareness",
        "rides past the shop on the way to work",
        "Retention",
        "rides the new bike to the gym",
        False,
    ),
    # getting in touch again is no sign, whatever it shares
    (
        "Pays for the hearing aids",
        "Consideration",
        "Emails a question about the hearing aids",
        "Retention",
        "Emails the clinic about the hearing aids",
        False,
    ),
]


@pytest.mark.parametrize(
    ("bought", "early", "action", "later", "later_action", "asked"), SAME_THINGS
)
def test_doing_what_the_map_has_after_the_purchase_is_read_by_its_things(
    bought, early, action, later, later_action, asked
):
    built = journey(
        "five-stage",
        {
            (early, "actions"): [action],
            (later, "actions"): [later_action],
            ("Purchase", "actions"): [bought],
        },
    )
    assert questioned(built, early) is asked


#: Eight-stage maps: (action at Subscribe, what the map has at Ascend, asked about).
PAYING_EARLY = [
    # second person, a veg box: paying for the family box the map has as the step up
    ("You pay 30 pounds for the family veg box", "You switch to the family veg box", True),
    # jargon: the annual tier paid for at sign-up
    ("Annual studio tier payment", "Upgrade to the annual studio tier", True),
    # a deposit for the first purchase itself, which the purchase stage names
    ("Pays a deposit for the starter box", "Adds a fruit bag to the starter box", False),
    # only asking about the step up is no purchase
    ("Asks about the family veg box price", "Switches to the family veg box", False),
]


@pytest.mark.parametrize(("action", "later_action", "asked"), PAYING_EARLY)
def test_paying_early_for_what_the_map_has_the_customer_come_back_for(action, later_action, asked):
    built = journey(
        "eight-stage",
        {
            ("Subscribe", "actions"): [action],
            ("Convert", "actions"): ["Pays 5 pounds for the starter box"],
            ("Ascend", "actions"): [later_action],
        },
    )
    assert questioned(built, "Subscribe") is asked


@pytest.mark.parametrize(
    ("stage", "activity", "asked"),
    [
        ("Subscribe", "Send a welcome email with the first recipe", False),
        ("Subscribe", "Email a welcome letter and the size guide", False),
        # a welcome pack is for someone who has bought, wherever it is sent
        ("Subscribe", "Post out the welcome pack and the loyalty card", True),
        # where nobody has signed up, a welcome email welcomes a customer
        ("Aware", "Send a welcome email with login details", True),
    ],
)
def test_a_welcome_email_where_people_sign_up_is_for_them(stage, activity, asked):
    built = journey("eight-stage", {(stage, "business_activities"): [activity]})
    assert questioned(built, stage) is asked


@pytest.mark.parametrize(
    ("early", "later", "asked"),
    [
        # second person: the same link to a counted few after the purchase
        (
            "You send your friends the salon's price list",
            "You send three friends the salon's price list",
            True,
        ),
        # terse, with a few for the count
        (
            "sends colleagues the gym's join link",
            "sends a few colleagues the gym's join link",
            True,
        ),
        # the same people, but something else sent: getting in touch, not passing it on
        (
            "You send your friends a photo of the old sofa",
            "You send three friends the upholsterer's link",
            False,
        ),
    ],
)
def test_the_head_of_an_object_comes_after_its_count(early, later, asked):
    built = journey(
        "six-stage", {("Discover", "actions"): [early], ("Advocate", "actions"): [later]}
    )
    assert questioned(built, "Discover") is asked


@pytest.mark.parametrize(
    ("framework", "lanes", "stage", "asked"),
    [
        # the cleaner the purchase books, already cleaning before the booking
        (
            "five-stage",
            {
                ("Awareness", "actions"): ["Searches for an oven cleaner nearby"],
                ("Consideration", "actions"): ["Ina cleans the oven and the hob"],
                ("Purchase", "actions"): ["Books Ina for the Saturday slot"],
            },
            "Consideration",
            True,
        ),
        # second language: the photographer paid at the purchase, photographing before it
        (
            "six-stage",
            {
                ("Discover", "actions"): ["I look for newborn photographer"],
                ("Engage", "actions"): ["Tomek photographs the twins in the park"],
                ("Purchase", "actions"): ["We pay Tomek the deposit"],
            },
            "Engage",
            True,
        ),
        # quoting, showing a portfolio or a free sample is not the work
        (
            "five-stage",
            {
                ("Awareness", "actions"): ["Searches for an oven cleaner nearby"],
                ("Consideration", "actions"): ["Ina quotes for the oven and the hob"],
                ("Purchase", "actions"): ["Books Ina for the Saturday slot"],
            },
            "Consideration",
            False,
        ),
        (
            "six-stage",
            {
                ("Discover", "actions"): ["I look for newborn photographer"],
                ("Engage", "actions"): ["Tomek photographs a free sample of the twins"],
                ("Purchase", "actions"): ["We pay Tomek the deposit"],
            },
            "Engage",
            False,
        ),
    ],
)
def test_the_person_the_purchase_books_at_work_before_it(framework, lanes, stage, asked):
    assert questioned(journey(framework, lanes), stage) is asked
