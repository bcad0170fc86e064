"""Content in the wrong stage read by the map's own order and in the messages lane.

Round 4 of ``item-in-wrong-stage``, on wordings and trades of our own. An action before the
purchase stage is asked about when it does what the map itself has the customer do after
the purchase (the same verb on the same thing), when it begins using what the map's
purchase stage buys, or when the persona, named as its subject, recommends (a name ending
in "s" reads like a verb). A message is asked about when it asks for a review or a referral
before any purchase stage, or sells (with no one else to bring) where the customer tells
others. Each flawed probe has a sound twin the rule must leave alone: contacting the
business again, trying, reading or only aiming at the thing.
"""

from __future__ import annotations

import pytest

import journeykit as jk


def journey(framework: str, persona: str, actions: dict[str, list[str]]) -> jk.JourneyMap:
    """A map of *framework* for *persona* with the customer actions of *actions* by stage."""
    built = jk.JourneyMap.new(framework, title="Probe", persona=jk.Persona(persona, "Customer"))
    for stage, items in actions.items():
        built.set_lane(stage, "actions", items)
    return built


def questioned(built: jk.JourneyMap, stage: str) -> bool:
    """True when the review asks whether an item of *stage* belongs there."""
    return any(f.rule == "item-in-wrong-stage" and f.stage == stage for f in jk.review(built))


#: Five-stage maps in several voices: (persona, early stage, early action, later stage, what
#: the map has the customer do there, whether the early action is asked about).
FIVE_STAGE_ORDER = [
    # first person, solar panels: the same cleaning before the panels are even bought
    (
        "Priya",
        "Awareness",
        "I clean the panels with the soft brush",
        "Retention",
        "I clean the panels with the soft brush every spring",
        True,
    ),
    # second language, a tailor: sharing the tailor's link before any alteration
    (
        "Jonas",
        "Consideration",
        "I share the link of my tailor with my cousin",
        "Advocacy",
        "I share the link of my tailor with the people from work",
        True,
    ),
    # terse, a piano tuner: tuning before the tuner is booked
    (
        "Mo",
        "Awareness",
        "tunes the upright w/ new app",
        "Retention",
        "tunes the upright twice a year",
        True,
    ),
    # second person, a plant nursery: repotting the fig before the planter is bought
    (
        "Bea",
        "Awareness",
        "You repot the fig in the big planter",
        "Retention",
        "You repot the fig every March",
        True,
    ),
    # second person: emailing the nursery before and after is getting in touch, not use
    (
        "Bea",
        "Consideration",
        "You email the nursery a photo of the fig",
        "Retention",
        "You email the nursery when the leaves drop",
        False,
    ),
    # contacting the business again is no repeat: the same phone call before and after
    (
        "Priya",
        "Consideration",
        "Phones the installer to ask about scaffolding",
        "Retention",
        "Phones the installer when the inverter beeps",
        False,
    ),
    # trying before buying is no use: a demo row against the daily rows
    (
        "Mo",
        "Consideration",
        "Rows on the demo machine in the showroom",
        "Retention",
        "Rows on the machine every morning",
        False,
    ),
    # reading the same guide before and after is noticing, not using
    (
        "Jonas",
        "Awareness",
        "Reads the care guide on the website",
        "Retention",
        "Reads the care guide when the leaves go yellow",
        False,
    ),
]


@pytest.mark.parametrize(
    ("persona", "early", "action", "later", "later_action", "expected"), FIVE_STAGE_ORDER
)
def test_an_action_the_map_itself_has_after_the_purchase(
    persona, early, action, later, later_action, expected
):
    built = journey(
        "five-stage",
        persona,
        {early: [action], "Purchase": ["Pays the deposit"], later: [later_action]},
    )
    assert questioned(built, early) is expected


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        # jargon, B2B software: presenting the rollout case study before signing
        ("Presents the rollout case study at the user-group summit", True),
        ("Presents the business case to the steering group", False),
    ],
)
def test_the_map_order_reads_a_six_stage_business_purchase(action, expected):
    built = journey(
        "six-stage",
        "Ngozi",
        {
            "Discover": [action],
            "Purchase": ["Signs the licence agreement with procurement"],
            "Advocate": ["Presents the rollout case study at the user-group summit"],
        },
    )
    assert questioned(built, "Discover") is expected


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        # terse, a kombucha box: a flavour added to a box before the first order
        ("adds ginger flavour to box", True),
        ("asks if ginger flavour is in stock", False),
    ],
)
def test_the_map_order_reads_an_eight_stage_subscription(action, expected):
    built = journey(
        "eight-stage",
        "Lou",
        {
            "Engage": [action],
            "Convert": ["orders the starter box"],
            "Ascend": ["ups delivery to weekly + adds ginger flavour"],
        },
    )
    assert questioned(built, "Engage") is expected


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("Begins using the standing desk every morning", True),
        ("I start wearing the wrist rest at work", False),  # not what the purchase buys
        ("Starts saving for the standing desk", False),
        ("Starts looking at standing desks in the showroom", False),
    ],
)
def test_beginning_to_use_what_the_purchase_stage_buys(action, expected):
    built = journey(
        "five-stage",
        "Femi",
        {"Consideration": [action], "Purchase": ["Orders the standing desk and pays online"]},
    )
    assert questioned(built, "Consideration") is expected


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("Agnes recommends the roofer to her neighbour", True),
        ("Agnes searches for roofers who do slate", False),
    ],
)
def test_a_persona_named_as_the_subject_is_read_as_one(action, expected):
    built = journey("five-stage", "Agnes", {"Awareness": [action], "Purchase": ["Pays"]})
    assert questioned(built, "Awareness") is expected


def with_message(stage: str, message: str) -> jk.JourneyMap:
    """A five-stage map with *message* in the messages of *stage*."""
    built = journey("five-stage", "Kit", {"Purchase": ["Pays for the boiler service"]})
    built.set_lane(stage, "messages", [message])
    return built


@pytest.mark.parametrize(
    ("stage", "message", "expected"),
    [
        # asking for a review or a referral before anyone has bought
        ("Awareness", "Loved your new boiler? Rate us on Checkatrade", True),
        ("Consideration", "Tell your neighbours about us - they get £20 off", True),
        ("Awareness", "Read what 300 customers say about us", False),
        ("Consideration", "Our customers rate us 4.9 out of 5", False),
        ("Advocacy", "Loved your new boiler? Rate us on Checkatrade", False),
        # selling, with no one to bring, where the customer tells others
        ("Advocacy", "Buy a second year of cover at half price", True),
        ("Advocacy", "Pay now for next year's service and get a filter free", True),
        ("Advocacy", "Order a gift service for a friend: they get 10% off", False),
        ("Advocacy", "Buy for your whole street at the group rate", False),
        ("Purchase", "Buy a second year of cover at half price", False),
    ],
)
def test_messages_asking_for_reviews_early_or_selling_late(stage, message, expected):
    assert questioned(with_message(stage, message), stage) is expected
