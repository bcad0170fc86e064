"""Information needs and messages matched by meaning: what the coach counts as an answer.

Each test changes one stage of the clean bike-repair map and asks whether the coach
still asks which message answers the stage's need. The wordings are not in the
coach's benchmark set: they test the two readings of ``journeykit.coaching.messages``
(a thing that comes to the customer answers where to get it; a need the stage's
opportunities already take up is not asked about again), not the maps they were
built from.

The last tests, in other trades (a pottery course, a swimming club, a coding bootcamp, a
community workshop), read two more ways a message only seems to answer: a question whether
a thing is worth the customer's while is not answered by its price, and an open question is
not answered by a claim about the business that says nothing concrete.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk

CLEAN = Path(__file__).resolve().parent / "data" / "clean" / "bike-repair.json"
STAGE = "Awareness"
#: An opportunity that takes up none of the needs below, unless a test gives its own.
UNRELATED = {"opportunities": ["Put the opening hours on the map listing"]}


def asked(need: str, messages: list[str], **lanes: list[str]) -> bool:
    """True when the review asks which message answers *need* in the first stage."""
    bike = jk.load_map(CLEAN)
    bike.set_lane(STAGE, "information_needs", [need])
    bike.set_lane(STAGE, "messages", messages)
    for lane, value in {**UNRELATED, **lanes}.items():
        bike.set_lane(STAGE, lane, value)
    return any(f.rule == "need-without-message" and f.stage == STAGE for f in jk.review(bike))


@pytest.mark.parametrize(
    ("need", "message"),
    [
        (
            "Where do I collect the bike after the repair?",
            "Repaired bikes delivered to your office",
        ),
        ("Where can I pick up the new lights?", "Your lights are posted the same day"),
    ],
)
def test_where_to_get_a_thing_is_answered_by_the_thing_coming_to_you(need, message):
    assert not asked(need, [message])


def test_a_delivery_message_about_something_else_leaves_the_question_open():
    assert asked("Where do I collect the bike after the repair?", ["Free delivery of spare parts"])


def test_a_need_the_stages_opportunity_takes_up_is_not_asked_again():
    plan = {
        "opportunities": ["Show chain prices on the map listing"],
        "business_activities": ["Keep the map listing up to date"],
    }
    assert not asked("What will a new chain cost?", ["Chains fitted while you wait"], **plan)


def test_a_slogan_beside_the_opportunity_still_gets_the_question():
    plan = {
        "opportunities": ["Show chain prices on the map listing"],
        "business_activities": ["Keep the map listing up to date"],
    }
    assert asked("What will a new chain cost?", ["Ride further, ride happier"], **plan)


def test_an_opportunity_about_something_else_does_not_excuse_the_need():
    # the message speaks to the stage's plan, but the plan is not about the need
    assert asked("What will a new chain cost?", ["Opening hours on the map listing"])


@pytest.mark.parametrize(
    ("need", "message"),
    [
        ("Where is the workshop?", "Three minutes' walk from the station"),
        ("Where is the workshop?", "Behind the library, by the bike racks"),
        ("Which frame size do I need?", "Frames in small, medium and large"),
        ("What do I bring to collect a loan bike?", "Bring your driving licence"),
        ("When will the repair be done?", "We ring you the moment the mechanic finishes"),
        ("Where do I leave the bike?", "Leave it by the side gate"),
        ("Can I get my money back if it breaks again?", "Not right within a month? We redo it"),
    ],
)
def test_a_message_answers_a_precise_question_without_naming_its_topic(need, message):
    assert not asked(need, [message])


@pytest.mark.parametrize(
    ("need", "message"),
    [
        ("Where is the workshop?", "Repairs ready in 20 minutes"),
        ("When will the repair be done?", "Our mechanics love old bikes"),
        ("Can I get my money back if it breaks again?", "We replace worn brake pads"),
    ],
)
def test_a_message_on_another_point_still_leaves_the_question_open(need, message):
    assert asked(need, [message])


@pytest.mark.parametrize(
    ("need", "message"),
    [
        ("Is the pottery course any good?", "Only 15 pounds a night"),
        ("Is it worth joining if I only swim once a week?", "Memberships from £20 a month"),
        ("What is the bootcamp really like?", "Enrol before Friday and save 10%"),
    ],
)
def test_a_price_does_not_say_whether_a_thing_is_worth_it(need, message):
    assert asked(need, [message])


@pytest.mark.parametrize(
    ("need", "message"),
    [
        ("Is the pottery course any good?", "Watch a whole first lesson on our video page"),
        ("Is it worth joining if I only swim once a week?", "Rated 4.7 by 900 members"),
        ("Is it worth upgrading to the premium plan?", "Premium adds unlimited storage for £3"),
        ("Is it worth the money?", "One fixed price: 40 euros, parts included"),
    ],
)
def test_a_sample_proof_or_the_thing_itself_answers_whether_it_is_worth_it(need, message):
    assert not asked(need, [message])


@pytest.mark.parametrize(
    ("need", "message"),
    [
        ("Can I bring my own tools?", "Your neighbourhood workshop since 1987"),
        ("Do you take people who have never coded?", "Ambition starts here"),
        ("Can my grandson come along?", "A warm welcome, always"),
    ],
)
def test_a_claim_about_the_business_answers_no_open_question(need, message):
    assert asked(need, [message])


@pytest.mark.parametrize(
    ("need", "message"),
    [
        ("Can I bring my own tools?", "Bring your own tools, or borrow ours for free"),
        (
            "Do you take people who have never coded?",
            "No experience needed: week one starts from zero",
        ),
        ("Can my grandson come along?", "Under-16s welcome with a grandparent"),
    ],
)
def test_a_message_on_the_question_answers_it_in_its_own_words(need, message):
    assert not asked(need, [message])


@pytest.mark.parametrize(
    ("need", "message"),
    [
        ("Do I need experience?", "Complete beginners start in the Monday group"),
        (
            "Is the teacher patient with nervous beginners?",
            "Jo has taught anxious adults for twelve years",
        ),
        ("Is the show suitable for children?", "Recommended for ages 6 and up"),
        ("Are the instructors any good?", "All our instructors are certified by the national body"),
    ],
)
def test_a_concrete_answer_in_other_words_is_not_taken_for_a_claim(need, message):
    assert not asked(need, [message])


@pytest.mark.parametrize(
    ("need", "message"),
    [
        ("Will my toddler be bored?", "Proudly independent since 2004"),
        ("Do I need experience?", "Passion, craft, community"),
        ("Are the instructors any good?", "Open seven days a week"),
    ],
)
def test_a_claim_or_another_point_leaves_the_question_open(need, message):
    assert asked(need, [message])


@pytest.mark.parametrize(
    ("need", "message", "open_"),
    [
        ("Is the weekend pass cheaper?", "Passes for every weekend of the summer", True),
        ("Is a yearly plan dearer than paying monthly?", "Plans for every team", True),
        ("Is the weekend pass cheaper?", "Weekend pass: 40 euros instead of 60", False),
    ],
)
def test_a_comparison_of_prices_is_a_price_question(need, message, open_):
    assert asked(need, [message]) is open_


@pytest.mark.parametrize(
    ("need", "message"),
    [
        ("Will my data be shared?", "We never sell or pass on your details"),
        ("Are the ingredients organic?", "Every vegetable from our own certified-organic field"),
        ("Can I change my mind about the colour?", "Swap the colour any time before we cut it"),
        ("Is it suitable for a wheelchair user?", "Level entrance and a wide lift to every floor"),
    ],
)
def test_an_answer_in_other_words_on_privacy_produce_or_a_swap(need, message):
    assert not asked(need, [message])


def test_a_wide_topic_heard_earlier_does_not_answer_a_question_beside_a_claim():
    # an earlier stage's "We text you when it is ready" is contact, as is "speak"; the
    # stage's own message is a claim, so the question stays open
    bike = jk.load_map(CLEAN)
    bike.set_lane("Retention", "information_needs", ["Do they speak Polish?"])
    bike.set_lane("Retention", "messages", ["Service with a smile"])
    assert any(f.rule == "need-without-message" and f.stage == "Retention" for f in jk.review(bike))


# A learner who puts a claim about the business where the stage's answer was: the question
# stays open even when an earlier stage gave a price or a time for something else, and a
# business's age, reach or crowd of customers is no figure. Wordings of our own, in other
# trades (a bike shop's winter storage, a piano tuner, a print shop, a boat yard).


def asked_beside(stage: str, need: str, messages: list[str], **earlier: list[str]) -> bool:
    """True when the review asks which message answers *need* in *stage*, whose messages
    are *messages*; *earlier* sets the messages of other stages, by name."""
    bike = jk.load_map(CLEAN)
    bike.set_lane(stage, "information_needs", [need])
    bike.set_lane(stage, "messages", messages)
    bike.set_lane(stage, "opportunities", UNRELATED["opportunities"])
    for name, value in earlier.items():
        bike.set_lane(name, "messages", value)
    return any(f.rule == "need-without-message" and f.stage == stage for f in jk.review(bike))


@pytest.mark.parametrize(
    ("need", "message"),
    [
        # a price was given earlier (punctures, brakes), not the month asked
        ("What does winter storage cost each month?", "Trusted by riders across the county"),
        # a time was given earlier (repairs in a day), not the storage asked
        ("How long can I leave it in storage?", "Four decades of keeping the town rolling"),
        # an open question, and "when I ride" is no question of time
        ("What if the saddle still hurts when I ride?", "Three generations of bike lovers"),
        ("Can I leave the bike overnight?", "Over 5,000 happy riders"),
    ],
)
def test_a_claim_in_place_of_the_answer_leaves_the_question_open(need, message):
    assert asked_beside("Retention", need, [message])


@pytest.mark.parametrize(
    ("need", "message", "earlier"),
    [
        # the point (the month) answered earlier, in other words
        (
            "What does winter storage cost each month?",
            "Trusted by riders across the county",
            {"Consideration": ["Winter storage: 8 euros a month, collection included"]},
        ),
        # a figure of the stage's own, not the shop's age
        ("Can I leave the bike overnight?", "Overnight racks for twelve bikes in the yard", {}),
        (
            "What if the saddle still hurts when I ride?",
            "A free saddle swap within two weeks of collection",
            {},
        ),
    ],
)
def test_the_point_answered_in_other_words_is_not_asked_again(need, message, earlier):
    assert not asked_beside("Retention", need, [message], **earlier)


@pytest.mark.parametrize(
    ("need", "message"),
    [
        # a clause of time says when the question matters, not what it asks
        (
            "Will someone show me the controls before I take it home?",
            "A mechanic walks you through every control at handover",
        ),
        (
            "Can my son try the cello before the case is posted?",
            "Every hire starts with a free try-out lesson",
        ),
        # the very things asked, with a figure, answer which size
        ("Which print size is enough for a passport photo?", "Passport photos print at 35 x 45 mm"),
        ("What size of berth suits a small yacht?", "Berths for yachts up to 9 metres"),
    ],
)
def test_an_answer_on_the_very_things_asked_is_an_answer(need, message):
    assert not asked(need, [message])


@pytest.mark.parametrize(
    ("need", "message"),
    [
        # naming the things without a figure, or a figure on something else, is no answer
        ("Which print size is enough for a passport photo?", "We love passport photos"),
        ("What size of berth suits a small yacht?", "Open 7 days a week"),
        # the things asked, with a figure on another point (a time, not the price)
        ("What will a brake repair cost?", "Brake repairs done in 2 hours"),
        ("How much is a berth for a small yacht?", "Berths for small yachts up to 9 metres"),
    ],
)
def test_the_things_asked_without_a_figure_or_on_another_point_leave_it_open(need, message):
    assert asked(need, [message])


@pytest.mark.parametrize(
    ("earlier", "open_"),
    [
        # "bike" is in every stage's goal: the map's subject ties no message to the question
        ("Bikes of every kind welcome, from folding to cargo", True),
        # a message on the very thing asked, heard earlier
        ("Borrow a loan bike free while yours is being fixed", False),
    ],
)
def test_the_maps_subject_does_not_answer_a_question_beside_a_claim(earlier, open_):
    need = "Can I borrow a bike while mine is in the workshop?"
    claim = "Trusted by riders across the county"
    assert asked_beside("Retention", need, [claim], Awareness=[earlier]) is open_


@pytest.mark.parametrize(
    ("earlier", "open_"),
    [
        # prices heard earlier (punctures, brakes) say nothing of a deposit
        ("Fixed prices for every repair, listed online", True),
        ("A 20 euro deposit holds your slot", False),
    ],
)
def test_a_kind_of_price_is_the_point_of_a_price_question(earlier, open_):
    need = "Is there a deposit?"
    claim = "Four decades of keeping the town rolling"
    assert asked_beside("Retention", need, [claim], Consideration=[earlier]) is open_


@pytest.mark.parametrize(
    ("message", "open_"),
    [
        # the business's age shares "three" with the idea, and is still a claim
        ("Three generations of bike lovers", True),
        ("Bring your own tools, or borrow one of our three kits", False),
    ],
)
def test_a_claims_figure_is_no_word_shared_with_the_stage(message, open_):
    idea = {"opportunities": ["Show the three tool kits on the website"]}
    assert asked("Can I bring my own tools?", [message], **idea) is open_


# Four more kinds, in our own words on the bike shop: what a business says of itself (its
# pride, a boast, a promise of being there, its cause) answers no question, even with a word
# of time or of people in it; a message cheering the customer on is no answer either; a word
# of a question in another sense ("rated for", "will the service cover") asks no price or
# insurance; and a question about the price of a thing (a delivery) wants that thing priced.


@pytest.mark.parametrize(
    ("need", "message", "open_"),
    [
        ("When will my bike be ready?", "Always here when you need us", True),
        (
            "Can I bring my dog into the shop?",
            "We are proud to be the friendliest team in town",
            True,
        ),
        (
            "Who will look at my e-bike motor?",
            "Making a real difference, saving lives",
            True,
        ),
        ("When will my bike be ready?", "Here for you on Saturdays until 4 pm", False),
        ("Can I bring my dog into the shop?", "Dogs welcome: water bowl by the door", False),
        # pride before an answer leaves the answer
        ("Do you deliver to the islands?", "Proud to deliver free to the islands", False),
    ],
)
def test_what_a_business_says_of_itself_answers_no_question(need, message, open_):
    assert asked(need, [message]) is open_


@pytest.mark.parametrize(
    ("message", "open_"),
    [
        ("Well done for riding every day, keep it up!", True),
        ("Thanks for riding with us every week", True),
        ("Miss your service date? We move it to any day you like", False),
    ],
)
def test_cheering_the_customer_on_is_no_answer(message, open_):
    need = "What happens if I miss my service date because of work?"
    assert asked_beside("Retention", need, [message]) is open_


@pytest.mark.parametrize(
    ("need", "message", "open_"),
    [
        ("Are the lights rated for heavy rain?", "Every light is tested in a rain box", False),
        (
            "Will the service cover the gears and brakes?",
            "Every service includes gears and brakes",
            False,
        ),
        (
            "What is your hourly rate for wheel building?",
            "Every light is tested in a rain box",
            True,
        ),
        (
            "Does the insurance cover theft from the rack?",
            "Every service includes gears and brakes",
            True,
        ),
    ],
)
def test_a_word_in_another_sense_asks_no_price_or_insurance(need, message, open_):
    assert asked(need, [message]) is open_


@pytest.mark.parametrize(
    ("message", "open_"),
    [
        ("Free safety check with every repair", True),
        ("Delivery to the islands: 15 euros", False),
        ("Free delivery anywhere on the islands", False),
    ],
)
def test_the_price_of_a_delivery_wants_the_delivery_priced(message, open_):
    assert asked("What does delivery to the islands cost?", [message]) is open_


def test_a_total_price_with_the_delivery_in_it_is_a_price_question():
    assert not asked("Total price including delivery to the islands?", ["All-in from 60 euros"])
    assert asked("Total price including delivery to the islands?", ["Ride more, worry less"])


@pytest.mark.parametrize(
    ("need", "message", "open_"),
    [
        (
            "Can they handle my staff payments?",
            "We run staff payments and payroll on Fridays",
            False,
        ),
        (
            "What am I getting with the full service?",
            "Full service: gears, brakes and chain",
            False,
        ),
        ("Can I spread the payments?", "Payroll done for you every Friday", True),
        ("Is 8 am too early to drop off?", "Full service: gears, brakes and chain", True),
    ],
)
def test_the_customers_own_payments_and_am_i_ask_no_price_or_time(need, message, open_):
    assert asked(need, [message]) is open_


# The kind of question, not its topic words, says what answers it. Wordings of our own, in
# other trades and voices (a removals van, a boiler fitter, a coding club, a planning
# consultant, a swimming club, a bakery's rota, a second-language learner).


@pytest.mark.parametrize(
    ("need", "message"),
    [
        # a verb of the topic is the topic: insured answers a question about cover
        ("r my tools covered while in ur van?", "Every load insured from pickup to drop-off"),
        # how can I be sure: a record of the thing is the proof asked for
        (
            "How can we tell the boiler won't fail next winter?",
            "Each boiler comes with its full service record",
        ),
        # "where do I begin" asks the first step, not a place
        ("where do we even begin?", "Open the welcome sheet and follow step one"),
        # whether a third party accepts it: a message naming that party
        ("Will the council accept these drawings?", "Drawings made to the council's own rules"),
        ("Does the report satisfy my lender?", "Reports written for mortgage lenders' checks"),
        # a room the customer can go to says where
        ("where do parents wait during the lesson?", "Parents' cafe upstairs, with a pool view"),
        # whether the people sent are qualified: their credentials answer it
        ("Are your coaches qualified?", "All our coaches hold the national coaching badge"),
        # whether a plan can be changed: a message on changing it
        (
            "Can I swap my shift if my child is ill?",
            "Text the rota line and we move you to another day",
        ),
    ],
)
def test_an_answer_of_the_kind_asked_is_an_answer_in_other_words(need, message):
    assert not asked(need, [message])


@pytest.mark.parametrize(
    ("need", "message"),
    [
        ("r my tools covered while in ur van?", "Since 1990, the name builders rely on"),
        # a price is no proof that it will last
        ("How can we tell the boiler won't fail next winter?", "Boilers fitted from 900 euros"),
        # a message on the thing, not on who judges it
        ("Will the council accept these drawings?", "Drawings done fast, in two weeks"),
        # a time and a place are not a change
        (
            "Can I swap my shift if my child is ill?",
            "Shifts start at 6 am at the back door",
        ),
    ],
)
def test_a_message_of_another_kind_leaves_the_question_open(need, message):
    assert asked(need, [message])


def test_until_when_a_plan_can_change_is_a_question_of_time():
    assert not asked("Until when can we change the order?", ["Order by 3 pm for the next day"])


@pytest.mark.parametrize(
    "claim",
    [
        "A family-run workshop since 1972",
        "We have been fixing bikes in this town for thirty years",
        "Our ISO 9001 certified workshop",
        "Bikewise: the easy way for riders to keep rolling",
        "Quick, friendly, reliable repairs",
    ],
)
def test_the_business_on_its_make_up_history_standards_or_praise_is_a_claim(claim):
    assert asked_beside("Retention", "Can I leave the bike overnight?", [claim])


def test_a_before_that_ends_the_question_asks_no_time():
    # "before" here means "ever": an open question, answered by a message on cargo bikes
    assert not asked(
        "have u ever repaired a cargo bike before?",
        ["Cargo bikes and trikes welcome in the workshop"],
    )


def test_one_says_a_single_and_is_no_figure_on_the_point():
    # "One tyre check at your next service" names the next service but gives no date for it
    assert asked_beside(
        "Retention",
        "When is the next service due?",
        ["Thanks for riding with us this year!"],
        Awareness=["One tyre check at your next service"],
    )


@pytest.mark.parametrize(
    ("message", "open_"),
    [
        # the business vouching for itself, naming only the plan of the stage's opportunity
        ("Every plan runs through our certified process", True),
        # not the business vouching: the customer's standing, a concrete message
        ("Registered riders renew the plan online", False),
    ],
)
def test_vouching_for_itself_beside_a_word_of_the_plan_is_a_claim(message, open_):
    bike = jk.load_map(CLEAN)  # Retention's opportunity: "Offer a yearly service plan ..."
    bike.set_lane("Retention", "messages", [message])
    found = jk.review(bike)
    assert any(f.rule == "need-without-message" and f.stage == "Retention" for f in found) is open_


@pytest.mark.parametrize(
    ("message", "open_"),
    [
        # shares only the map's main subject (bikes) with the plan: a slogan, not the plan
        ("Bikes, bikes and more bikes", True),
        # speaks to the plan itself (a permit list)
        ("Ask us for the permit list at the till", False),
    ],
)
def test_a_message_sharing_only_the_maps_subject_with_the_plan_is_not_in_it(message, open_):
    plan = {"opportunities": ["Print a permit list showing which bikes each estate allows"]}
    need = "Will the estate office accept my e-bike in the bike store?"
    assert asked(need, [message], **plan) is open_


@pytest.mark.parametrize(
    ("need", "message"),
    [
        # what the business takes is no third party's judgement
        (
            "Does the workshop accept old bikes for parts?",
            "Old bikes taken in for parts, any state",
        ),
        # how to be sure, answered on the very thing to be sure of
        ("How do I know my data is safe with you?", "Your data stays on servers in the EU"),
        ("how can i tell it is real leather?", "Every bag sold with a certificate of origin"),
    ],
)
def test_what_a_business_takes_or_a_message_on_the_thing_to_be_sure_of_answers(need, message):
    assert not asked(need, [message])


# ----- kinds of question and the answers of their kind, in other trades and voices ---------


@pytest.mark.parametrize(
    ("need", "message", "open_"),
    [
        # what if the thing goes wrong asks for a remedy, in any voice
        ("What happens if the engraving is spelt wrong?", "Hand engraving by our master", True),
        ("so what if your cake turns up broken?", "Cakes baked fresh each morning", True),
        (
            "What happen if the boiler stop working again?",
            "Engineers with 15 years experience",
            True,
        ),
        ("What if the hem is wrong?", "Any mistake corrected at no cost", False),
        ("what if something breaks during the move", "Every move fully insured", False),
        # the customer's own slip is put right by a change
        ("What if I type the date wrong?", "Move your booking free, any time before noon", False),
        ("If the boiler breaks down, who pays?", "Two-year warranty on every boiler we fit", False),
        # a what-if with no fault in it is no remedy question
        ("What if my dog is shy at first?", "Small groups of four dogs, led by a trainer", False),
    ],
)
def test_a_question_what_if_it_goes_wrong_wants_a_remedy(need, message, open_):
    assert asked(need, [message]) is open_


@pytest.mark.parametrize(
    ("need", "message", "open_"),
    [
        ("Can the tutor see my son's messages?", "Tutors reply within a school day", True),
        ("Will the clinic keep my scans private?", "Scans ready in 24 hours", True),
        ("Does anyone read your chats in the app?", "Chats answered within the hour", True),
        ("Is my health record confidential?", "Records encrypted and never shared", False),
        ("Will staff go through my emails?", "Our IT staff never open your inbox", False),
    ],
)
def test_whether_others_see_the_customers_own_things_is_a_privacy_question(need, message, open_):
    assert asked(need, [message]) is open_


@pytest.mark.parametrize(
    ("need", "private"),
    [
        ("Will they pass on our details?", True),
        ("Do they keep your data after you leave?", True),
        # naming details, or the customer's own doing, asks nothing about privacy
        ("Which personal details go on the form?", False),
        ("Can I share my photos after the course?", False),
        ("Can you share your photos with family?", False),
        ("Can I access my records online?", False),
    ],
)
def test_only_others_seeing_the_customers_own_things_asks_about_privacy(need, private):
    from journeykit.coaching.messages import asks

    assert ("kept-private" in asks(need)) is private


@pytest.mark.parametrize(
    ("need", "message", "open_"),
    [
        ("Who do I talk to about my rota?", "Care with a smile, since 1995", True),
        ("who do you ring when the heating dies at night?", "Heating you can rely on", True),
        (
            "Who can we ask about the school forms?",
            "Ask our office team any weekday, 9 to 3",
            False,
        ),
        ("who to contact re allergens", "Allergen questions: a DM to the kitchen, same day", False),
    ],
)
def test_whom_to_ask_wants_a_person_or_a_way_to_reach_one(need, message, open_):
    assert asked(need, [message]) is open_


@pytest.mark.parametrize(
    ("need", "message", "open_"),
    [
        ("What's the total with parking and lunch?", "Two minutes from the harbour", True),
        ("How much it cost all together, with the hire?", "Bikes and helmets at the station", True),
        ("What is the total with transport and meals?", "One price: £340 a child, all in", False),
    ],
)
def test_what_a_total_covers_is_part_of_the_price_asked(need, message, open_):
    assert asked(need, [message]) is open_


def test_a_headline_boast_is_no_part_of_the_plan():
    from journeykit.coaching.messages import planned

    plan = ["Show a price for school trips on the booking page"]
    need = "What do school trips cost?"
    assert not planned(need, ["Finest picnic spot for every school"], plan, [])
    assert planned(need, ["School trips booked in one call"], plan, [])


@pytest.mark.parametrize(
    ("need", "message", "open_"),
    [
        # a report of the work done answers what was done, beside no other concrete message
        ("What did the mechanic actually do?", "Your car: what we fixed and why", False),
        ("What did they replace?", "Trusted by drivers across the county", True),
        # covering a thing over is no insurance
        ("Who is good at covering scars?", "Scar cover work shown on our page", False),
    ],
)
def test_what_was_done_and_covering_over_are_read_in_their_sense(need, message, open_):
    assert asked(need, [message]) is open_


@pytest.mark.parametrize(
    ("need", "message", "open_"),
    [
        # a way of working is an open question: the people it names ask no eligibility
        ("How do you keep the tenants' keys apart?", "Each key gets a coloured tag", False),
        (
            "How do they stop parcels going to the wrong flat?",
            "Trusted by shoppers across the city",
            True,
        ),
        # a place's size by what it holds answers a price for a place of the customer's size
        (
            "What will it cost a month for an office our size?",
            "Most 12-desk offices pay £300 a month",
            False,
        ),
        # a fault named, and what the business then does, is a remedy
        ("What if a tile arrives broken?", "Broken tile? We send a new one the next day", False),
    ],
)
def test_a_way_of_working_a_size_by_capacity_and_a_remedy_in_other_words(need, message, open_):
    assert asked(need, [message]) is open_


@pytest.mark.parametrize(
    ("message", "open_"),
    [
        ("Our workshop knows every kind of bike", True),
        ("Wheel rebuilds back in three days, even in spring", False),
    ],
)
def test_sharing_only_the_maps_subject_with_a_plan_says_nothing_concrete(message, open_):
    bike = jk.load_map(CLEAN)
    bike.set_lane(
        "Retention", "information_needs", ["How long does a wheel rebuild take in spring?"]
    )
    bike.set_lane("Retention", "messages", [message])
    bike.set_lane("Retention", "opportunities", ["Offer a quick wheel slot for cargo bikes"])
    findings = jk.review(bike)
    assert (
        any(f.rule == "need-without-message" and f.stage == "Retention" for f in findings) is open_
    )
