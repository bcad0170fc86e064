"""Content in the wrong stage, read by what the item does, on wordings of our own.

Each test puts one item in the first stage (Awareness) or the last (Advocacy) of the
clean bike-repair map. They test the general readings of ``journeykit.coaching.concepts``
behind ``item-in-wrong-stage``: a review, a referral code or friends told is the customer
recommending, however it is worded; posters, leaflets and door drops are advertising to
strangers, unless they are for customers to pass on. A public thank-you or someone told to
buy from the business is recommending too; paying in a stage before the purchase stage where
the customer is still comparing is paying before choosing.

Round 3 adds what presupposes the purchase in any wording: a moment read clause by clause
from its verb (first person, a named subject, a later clause), the customer using what was
bought (the keys, a claim, a first day, a login) or coming back for more (rebooking, next
year's appointment) before the purchase, booking the service where nobody is in touch yet,
and in a telling stage, print customers hand on (not advertising) against the business
going after strangers itself (advertising). Half the probes are sound wordings.
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


# ----- round 3: the moment read in any wording, and the moments after the purchase -----


@pytest.mark.parametrize(
    "action",
    [
        # first person, a named subject, a time before the subject, a later clause
        "I recommend the florist to everyone in my book club",
        "After work I leave a glowing review of the vet",
        "Priya books the venue and pays the deposit",
        "My husband and I sign the tenancy agreement",
        "chooses a frame, orders two pairs of glasses",
        "We pay the first month's rent on the storage unit",
    ],
)
def test_recommending_or_paying_in_any_wording_before_the_purchase_is_questioned(action):
    assert questioned("Awareness", "actions", action)


@pytest.mark.parametrize(
    "action",
    [
        "I ask my sister which gym she goes to",
        "We read the price list and ask about parking",
        "I order a free brochure from the college",
        "At lunch I watch a video about solar panels",
        "Tom compares three builders and asks for quotes",
        "Reads reviews of two driving schools",
    ],
)
def test_asking_and_reading_in_the_first_person_before_the_purchase_are_not(action):
    assert not questioned("Awareness", "actions", action)


@pytest.mark.parametrize(
    ("stage", "action"),
    [
        # using what was bought: moving in, the keys, a claim, a first day, a login, treatment
        ("Awareness", "Moves into the flat and unpacks the kitchen"),
        ("Awareness", "picks up the keys to the new van"),
        ("Consideration", "Files a claim for the cracked windscreen"),
        ("Consideration", "I walk Leo through the till on his first day"),
        ("Awareness", "sets up parent login for the nursery app"),
        ("Consideration", "Starts her physiotherapy treatment"),
    ],
)
def test_using_what_was_bought_before_the_purchase_is_questioned(stage, action):
    assert questioned(stage, "actions", action)


@pytest.mark.parametrize(
    ("stage", "action"),
    [
        ("Awareness", "Reads how to make a claim on the comparison site"),
        ("Consideration", "Books a free trial lesson"),
        ("Consideration", "Asks what happens on the first day"),
        ("Awareness", "Hears about the course on her first day at the new job"),
        ("Awareness", "Sees the gym poster on his first day"),
        ("Consideration", "Picks up the keys for a viewing"),
        ("Consideration", "Creates an account to save the quote"),
    ],
)
def test_trying_or_reading_about_it_before_the_purchase_is_not(stage, action):
    assert not questioned(stage, "actions", action)


@pytest.mark.parametrize(
    ("stage", "action"),
    [
        # coming back for more: rebooking, reordering, renewing, next year's, a recall
        ("Awareness", "Rebooks the boiler service for next autumn"),
        ("Consideration", "Books next year's MOT from the reminder email"),
        ("Awareness", "I order another box of the dog food"),
        ("Consideration", "Renews the membership for another year"),
        ("Consideration", "Reorders printer ink"),
        ("Consideration", "Books a recall appointment at the hygienist"),
    ],
)
def test_coming_back_for_more_before_the_first_purchase_is_questioned(stage, action):
    assert questioned(stage, "actions", action)


@pytest.mark.parametrize(
    ("stage", "action"),
    [
        ("Awareness", "Gets a reminder about his car's MOT from the council"),
        ("Consideration", "Books a consultation for next week"),
        ("Awareness", "Hears about a product recall on the news"),
        ("Consideration", "Asks whether she can book again if she misses a class"),
    ],
)
def test_reminders_and_asking_about_coming_back_before_the_purchase_are_not(stage, action):
    assert not questioned(stage, "actions", action)


@pytest.mark.parametrize(
    ("stage", "action"),
    [
        ("Retention", "Files a claim for the cracked windscreen"),
        ("Retention", "Books next year's MOT from the reminder email"),
        ("Retention", "I walk Leo through the till on his first day"),
    ],
)
def test_using_and_coming_back_after_the_purchase_are_not(stage, action):
    assert not questioned(stage, "actions", action)


@pytest.mark.parametrize(
    ("lane", "item"),
    [
        ("business_activities", "Send every member a pack of flyers for friends"),
        ("business_activities", "Hand loyal diners a postcard-sized flyer"),
        ("touchpoints", "Shop's recipe leaflets"),
        ("touchpoints", "Beginner guide leaflets"),
    ],
)
def test_print_customers_hand_on_in_advocacy_is_not_advertising(lane, item):
    assert not questioned("Advocacy", lane, item)


@pytest.mark.parametrize(
    ("lane", "item"),
    [
        ("business_activities", "Send leaflets to every house in the postcode"),
        ("business_activities", "Put posters up in bus shelters"),
        ("touchpoints", "Radio advert on the local station"),
        ("touchpoints", "Flyers and sponsored posts on Instagram"),
    ],
)
def test_print_put_out_to_strangers_or_paid_media_in_advocacy_is_advertising(lane, item):
    assert questioned("Advocacy", lane, item)


def test_the_question_names_the_maps_own_stage_for_the_moment():
    bike = jk.load_map(CLEAN)
    bike.set_lane("Awareness", "actions", ["Books next year's service from the reminder"])
    found = next(f for f in jk.review(bike) if f.rule == "item-in-wrong-stage")
    assert "Retention" in found.fix


@pytest.mark.parametrize(
    "action",
    [
        "Books the photographer for the wedding in June",
        "I enrol on the ten-week pottery course",
        "reserves table for 8 on Friday",
    ],
)
def test_booking_the_service_where_nobody_is_in_touch_yet_is_questioned(action):
    assert questioned("Awareness", "actions", action)


@pytest.mark.parametrize(
    ("stage", "action"),
    [
        ("Awareness", "Books a free taster session"),
        ("Awareness", "I book a call with the adviser"),
        ("Awareness", "Signs up for the newsletter"),
        ("Consideration", "Books a viewing of the flat"),
        ("Consideration", "Books the next available slot"),
        ("Awareness", "Books a seat at the beginners' talk"),
        ("Awareness", "Reserves a copy at the library"),
    ],
)
def test_booking_a_first_look_before_the_purchase_is_not(stage, action):
    assert not questioned(stage, "actions", action)


@pytest.mark.parametrize(
    ("stage", "action"),
    [
        ("Awareness", "Receives the first veg box"),
        ("Consideration", "Attends her induction at the gym"),
        ("Consideration", "Has his first lesson with the instructor"),
        ("Consideration", "Upgrades to the premium plan"),
        ("Consideration", "Extends the lease for another year"),
        ("Awareness", "Books the next groom while collecting the dog"),
    ],
)
def test_more_ways_of_using_or_coming_back_before_the_purchase_are_questioned(stage, action):
    assert questioned(stage, "actions", action)


@pytest.mark.parametrize(
    ("stage", "action"),
    [
        ("Consideration", "Asks about the induction"),
        ("Awareness", "Sees a friend riding her new e-bike"),
        ("Awareness", "I use my new phone to look up driving schools"),
        ("Awareness", "On my first morning off I search for a yoga class"),
        ("Consideration", "Checks what the first bill will be"),
        ("Consideration", "Orders more brochures for her husband"),
    ],
)
def test_asking_about_or_seeing_others_use_it_before_the_purchase_is_not(stage, action):
    assert not questioned(stage, "actions", action)


@pytest.mark.parametrize(
    "item",
    [
        "Cold-email new prospects about the spring offer",
        "Take a stand at the county trade fair",
        "Target new audiences on TikTok",
    ],
)
def test_the_business_going_after_strangers_in_advocacy_is_questioned(item):
    assert questioned("Advocacy", "business_activities", item)


@pytest.mark.parametrize(
    "item",
    [
        "Reward members who bring new members",
        "Thank clients whose referrals become new clients",
        "Share customers' photos to reach new audiences",
    ],
)
def test_new_people_brought_by_customers_in_advocacy_are_not(item):
    assert not questioned("Advocacy", "business_activities", item)


@pytest.mark.parametrize(
    "action",
    [
        "Raves about the bakery to her sister",
        "Tells his brother the garage was brilliant",
        "I swear by the physio to anyone who asks",
    ],
)
def test_praising_the_business_to_others_before_the_purchase_is_questioned(action):
    assert questioned("Awareness", "actions", action)


@pytest.mark.parametrize(
    "action",
    [
        "Her sister says the salon is great",
        "Hears the garage was brilliant from a neighbour",
        "Tells her mum she needs a new boiler",
    ],
)
def test_hearing_praise_or_telling_a_need_before_the_purchase_is_not(action):
    assert not questioned("Awareness", "actions", action)


@pytest.mark.parametrize(
    ("stage", "item"),
    [
        # the business serving or recalling a customer who has already bought
        ("Awareness", "Send the welcome pack and login details"),
        ("Consideration", "Process claims within five working days"),
        ("Awareness", "Remind patients to book their next check-up"),
        ("Consideration", "Onboard new clients with a kick-off call"),
        ("Awareness", "Deliver every order in a reusable crate"),
        ("Consideration", "Send renewal reminders a month early"),
    ],
)
def test_the_business_serving_customers_before_the_purchase_is_questioned(stage, item):
    assert questioned(stage, "business_activities", item)


@pytest.mark.parametrize(
    ("stage", "item"),
    [
        ("Awareness", "Send a free pricing guide to everyone who signs up"),
        ("Consideration", "Explain how claims work on the quote page"),
        ("Consideration", "Offer a free trial induction class"),
        ("Awareness", "Publish delivery times on every product page"),
        ("Retention", "Send the welcome pack and login details"),
        ("Retention", "Remind patients to book their next check-up"),
    ],
)
def test_explaining_it_before_or_serving_after_the_purchase_is_not(stage, item):
    assert not questioned(stage, "business_activities", item)


@pytest.mark.parametrize(
    ("actions", "expected"),
    [
        (["We compare three nurseries", "We pay the first term's fees"], True),
        (["I read the reviews of two garages", "I pay for the full service"], True),
        (["I ring the nursery", "We pay a deposit to hold a place"], False),
    ],
)
def test_comparing_in_the_first_person_before_paying_is_read_too(actions, expected):
    assert paying_questioned("Consideration", actions) is expected


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("We email past clients a review link", True),
        ("We ask buyers to leave a star rating", True),
        ("We ask the local paper to review the shop", False),
    ],
)
def test_the_business_asking_for_reviews_in_the_first_person_is_read_too(item, expected):
    assert questioned("Awareness", "business_activities", item) is expected


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("Transfers the fee to the tutor", True),
        ("I tap my card at the till", True),
        ("settles the bill with the plumber", True),
        ("Gives the salon five stars", True),
        ("Nominates the café for a local award", True),
        ("Sends the quote to his partner", False),
        ("Checks how to transfer money abroad", False),
        ("Sees the café has five stars", False),
        ("Reads a five-star review", False),
    ],
)
def test_paying_and_praising_in_other_words_before_the_purchase(action, expected):
    assert questioned("Awareness", "actions", action) is expected


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("Comes back for another term", True),
        ("Books again for the summer", True),
        ("Comes back for a second viewing", False),
        ("Books an appointment with the orthodontist", False),
    ],
)
def test_coming_back_is_told_from_a_second_look(action, expected):
    assert questioned("Awareness", "actions", action) is expected


@pytest.mark.parametrize(
    ("stage", "item", "expected"),
    [
        # touchpoints a customer meets only after buying
        ("Awareness", "Order tracking page", True),
        ("Consideration", "Welcome pack in the post", True),
        ("Awareness", "Loyalty card", True),
        ("Consideration", "Claims line", True),
        ("Awareness", "Instruction manual", True),
        ("Consideration", "Welcome email", False),
        ("Consideration", "Supplier due-diligence portal", False),
        ("Awareness", "Delivery times on the product page", False),
        ("Awareness", "Delivery van in the street", False),
        ("Consideration", "Sample contract", False),
        ("Retention", "Order tracking page", False),
    ],
)
def test_touchpoints_met_only_after_buying_before_the_purchase(stage, item, expected):
    assert questioned(stage, "touchpoints", item) is expected


@pytest.mark.parametrize(
    ("stage", "action", "expected"),
    [
        # showing off the result is telling others; recommending to those who decide is not
        ("Awareness", "shares pics of the finished extension with the street WhatsApp", True),
        ("Awareness", "I post a video of my new kitchen on Facebook", True),
        ("Awareness", "Sends photos of the completed garden to her sister", True),
        ("Consideration", "Recommends the shortlisted firm to the committee", False),
        ("Consideration", "I recommend the second quote to my line manager for approval", False),
        ("Consideration", "Recommends the nursery to her husband", False),
        ("Awareness", "Sees photos of a neighbour's new kitchen", False),
        ("Awareness", "Recommends the firm to peers at the regional forum", True),
    ],
)
def test_showing_off_or_recommending_to_the_deciders_before_the_purchase(stage, action, expected):
    assert questioned(stage, "actions", action) is expected
