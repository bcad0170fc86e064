"""A KPI that counts another part of the journey, read by what it counts, on KPIs of our own.

Each test replaces one stage's KPIs in the clean bike-repair map. Ratings and reviews are
what customers say after buying, likes, views and clicks are people noticing, quote
requests are people getting in touch, rebooking is coming back: such a KPI beside an
opportunity about something else is asked about; one that counts the stage's own moment
is not. Not the benchmark's wordings.

The later tests rewrite a whole stage in another trade (a garden centre, a dental practice,
an evening-language school, a tax-return service) and read the KPI against the rest of its
stage: a KPI that counts something its stage never mentions (the café's takings beside an
idea about heavy bags) is asked about whatever it names; one that shares a word or an idea
with the stage ("what it costs" beside "fees"), or counts the thing the map follows from
stage to stage, is not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk

CLEAN = Path(__file__).resolve().parent / "data" / "clean" / "bike-repair.json"


def questioned(stage: str, kpi: str) -> bool:
    bike = jk.load_map(CLEAN)
    bike.set_lane(stage, "kpis", [kpi])
    return any(
        f.rule == "kpi-measures-something-else" and f.stage == stage for f in jk.review(bike)
    )


@pytest.mark.parametrize(
    ("stage", "kpi"),
    [
        ("Awareness", "Average star rating"),
        ("Awareness", "Customers who rebook"),
        ("Retention", "Likes on the shop's posts"),
        ("Advocacy", "Quote requests per week"),
    ],
)
def test_a_kpi_of_another_moment_is_questioned(stage, kpi):
    assert questioned(stage, kpi)


@pytest.mark.parametrize(
    ("stage", "kpi"),
    [("Advocacy", "Average star rating"), ("Retention", "Customers who rebook")],
)
def test_a_kpi_of_the_stages_own_moment_is_not(stage, kpi):
    assert not questioned(stage, kpi)


def questioned_in(stage: str, kpi: str, **lanes: object) -> bool:
    """Like :func:`questioned`, after rewriting *stage*'s other lanes with *lanes*."""
    bike = jk.load_map(CLEAN)
    for lane, value in lanes.items():
        bike.set_lane(stage, lane, value)
    bike.set_lane(stage, "kpis", [kpi])
    return any(
        f.rule == "kpi-measures-something-else" and f.stage == stage for f in jk.review(bike)
    )


GARDEN = {
    "goal": "Get twenty bags of compost home without hurting my back",
    "actions": ["Loads a trolley at the till", "Drives round to the collection bay"],
    "touchpoints": ["Till", "Collection bay"],
    "pain_points": ["The bags are too heavy to lift into the boot alone"],
    "opportunities": ["Have staff lift heavy bags into customers' cars at the bay"],
    "business_activities": ["Staff the collection bay at weekends"],
}
DENTIST = {
    "goal": "Keep up my check-ups without having to remember them",
    "actions": ["Gets a text from the practice", "Rebooks on the phone"],
    "touchpoints": ["Reminder text", "Reception phone"],
    "pain_points": ["Forgets the six-month check-up until the tooth hurts"],
    "opportunities": ["Text each patient two weeks before the check-up is due"],
    "business_activities": ["Keep patients' mobile numbers up to date"],
}
LANGUAGE = {
    "goal": "Find out what an evening course would cost me",
    "actions": ["Reads the course page", "Rings the school"],
    "touchpoints": ["Course page", "School phone line"],
    "pain_points": ["Fees are only given out on the phone"],
    "opportunities": ["Print the fees for each level on the course page"],
    "business_activities": ["Answer the phone until seven"],
}


BOILER = {
    "goal": "Get the boiler fixed for the price we agreed",
    "actions": ["Agrees the quote for the boiler repair"],
    "touchpoints": ["Engineer's visit"],
    "pain_points": ["The final bill was higher than the quote"],
    "opportunities": ["Fix the price in writing before work starts"],
    "business_activities": ["Give written quotes"],
}
SAAS = {
    "goal": "Get the team using the tool in the first week",
    "actions": ["Invites colleagues", "Imports tasks"],
    "touchpoints": ["Setup wizard", "Help centre"],
    "pain_points": ["Importing from spreadsheets fails on dates"],
    "opportunities": ["Fix date formats in the importer"],
    "business_activities": ["Answer chat questions in five minutes"],
}
HOTEL = {
    "goal": "Arrive late and still get into my room",
    "actions": ["Checks in at midnight"],
    "touchpoints": ["Night door", "Key safe"],
    "pain_points": ["Reception closes at ten"],
    "opportunities": ["Send a door code by text on the day of arrival"],
    "business_activities": ["Change codes daily"],
}
GYM = {
    "goal": "Keep my sessions at the gym without thinking about it",
    "actions": ["Gets a text the day before"],
    "touchpoints": ["Reminder text"],
    "pain_points": ["Forgets sessions booked weeks ago"],
    "opportunities": ["Text a reminder the day before each session"],
    "business_activities": ["Send reminder texts"],
}


@pytest.mark.parametrize(
    ("lanes", "kpi"),
    [
        (GARDEN, "Coffee-shop takings each weekend"),
        (BOILER, "Likes on the firm's Instagram posts"),
        (GYM, "Protein bars sold at the front desk"),
        (SAAS, "Blog subscribers"),
        (HOTEL, "Breakfast covers"),
        (DENTIST, "Average bill for teeth whitening"),
        (LANGUAGE, "Certificates awarded at the end of term"),
    ],
)
def test_a_kpi_its_own_stage_never_mentions_is_questioned(lanes, kpi):
    assert questioned_in("Purchase", kpi, **lanes)


@pytest.mark.parametrize(
    ("lanes", "kpi"),
    [
        (GARDEN, "Cars loaded by staff at the bay"),
        (DENTIST, "Check-ups kept on the first date offered"),
        # no word in common, but the same idea: "costs" and "fees" are both about price
        (LANGUAGE, "Callers asking what it costs"),
        # a complaint belongs to using a service, but this one is about the price
        (BOILER, "Complaints about surprise charges"),
        # sharing is recommending, but the tasks are the stage's own (in its actions)
        (SAAS, "Time to first shared task"),
        (HOTEL, "Complaints from late check-ins"),
        # missed sessions and forgetting are the same idea in other words
        (GYM, "No-show rate"),
    ],
)
def test_a_kpi_about_its_own_stage_is_not(lanes, kpi):
    assert not questioned_in("Purchase", kpi, **lanes)


def test_a_kpi_that_follows_the_maps_own_count_is_not_questioned():
    # a tax-return service counts returns from the letter to the filing: the Purchase KPI is
    # the next step of the same count, though its stage only talks about receipts and photos
    bike = jk.load_map(CLEAN)
    bike.set_lane("Awareness", "kpis", ["Returns started from the letter's link"])
    lanes = {
        "goal": "Send everything in one evening",
        "actions": ["Photographs her receipts"],
        "touchpoints": ["Upload screen"],
        "pain_points": ["The upload screen rejects photos taken sideways"],
        "opportunities": ["Turn sideways photos the right way round"],
        "business_activities": ["Check each upload within the hour"],
        "kpis": ["Returns filed in one sitting"],
    }
    for lane, value in lanes.items():
        bike.set_lane("Purchase", lane, value)
    assert not any(f.rule == "kpi-measures-something-else" for f in jk.review(bike))


def test_the_maps_main_subject_does_not_tie_a_kpi_to_a_stage():
    # "boiler" is in every stage's goal: "Boilers installed" still counts another stage
    bike = jk.load_map(CLEAN)
    for stage in bike.stages:
        bike.set_lane(stage.name, "goal", "Keep the boiler working through the winter")
    assert questioned_in_map(bike, "Retention", "Boilers installed", **GYM)
    assert not questioned_in_map(bike, "Retention", "Sessions kept after a reminder", **GYM)


def questioned_in_map(journey_map: jk.JourneyMap, stage: str, kpi: str, **lanes: object) -> bool:
    for lane, value in lanes.items():
        if lane != "goal":
            journey_map.set_lane(stage, lane, value)
    journey_map.set_lane(stage, "kpis", [kpi])
    return any(
        f.rule == "kpi-measures-something-else" and f.stage == stage for f in jk.review(journey_map)
    )


def test_the_question_names_the_stage_whose_idea_the_kpi_counts():
    bike = jk.load_map(CLEAN)
    for lane, value in GYM.items():
        bike.set_lane("Retention", lane, value)
    # the Advocacy stage's idea is about referral cards; Retention counts them
    bike.set_lane("Retention", "kpis", ["Cards handed in at the counter"])
    found = [f for f in jk.review(bike) if f.rule == "kpi-measures-something-else"]
    assert [f.stage for f in found] == ["Retention"]
    assert "Advocacy" in found[0].message


# A KPI worded with a past participle ("scanned", "planned", "tagged") counts what its
# stage does in another verb form ("Scans", "Plans", "Tags"): it is the stage's own count.
# A KPI that names another moment of the journey (a newsletter opened, a page bounced)
# beside an idea about ambassadors or a checklist is still asked about. Our own wordings:
# an accountant's upload, a wedding venue, a climbing wall's ambassadors, a print shop.

ACCOUNTANT = {
    "goal": "Get the year's paperwork to the accountant in one go",
    "actions": ["Scans the paperwork with her phone"],
    "touchpoints": ["Upload page"],
    "pain_points": ["Blurred photos are sent back a week later"],
    "opportunities": ["Check each photo for blur the moment it is taken"],
    "business_activities": ["Review uploads the same day"],
}
WEDDING = {
    "goal": "Know where every guest will sit before the invitations go out",
    "actions": ["Plans the seating with the venue"],
    "touchpoints": ["Seating chart"],
    "pain_points": ["Changes by email get lost"],
    "opportunities": ["A shared chart both sides can edit"],
    "business_activities": ["Lock the chart a week before"],
}
AMBASSADORS = {
    "goal": "Bring my climbing friends to the wall I love",
    "actions": ["Wears the ambassador shirt at competitions", "Passes on her discount code"],
    "touchpoints": ["Ambassador pack"],
    "pain_points": ["Does not know whether friends used her code"],
    "opportunities": ["Show each ambassador the sign-ups from their code"],
    "business_activities": ["Send ambassadors a monthly summary"],
}
PRINT_SHOP = {
    "goal": "Hand in a file that prints right the first time",
    "actions": ["Checks the file against the checklist", "Uploads the artwork"],
    "touchpoints": ["Artwork checklist"],
    "pain_points": ["Bleed and margins explained only in jargon"],
    "opportunities": ["A plain-words checklist beside the upload button"],
    "business_activities": ["Check every file before printing"],
}


@pytest.mark.parametrize(
    ("lanes", "kpi"),
    [
        (ACCOUNTANT, "Pages scanned in one go"),
        (WEDDING, "Tables planned a month ahead"),
        (AMBASSADORS, "Codes passed on per ambassador"),
    ],
)
def test_a_kpi_in_another_form_of_the_stages_own_verb_is_not_questioned(lanes, kpi):
    assert not questioned_in("Purchase", kpi, **lanes)


@pytest.mark.parametrize(
    ("lanes", "kpi"),
    [
        (AMBASSADORS, "Newsletter open rate"),
        (PRINT_SHOP, "Website bounce rate"),
        (WEDDING, "Instagram followers gained"),
    ],
)
def test_a_kpi_of_another_moment_beside_the_stages_idea_is_questioned(lanes, kpi):
    assert questioned_in("Purchase", kpi, **lanes)


# A wide idea (a time, being open, a person) shared only with the stage's goal, actions or
# touchpoints ties no KPI to it; shared with its plan (pain points, opportunities,
# activities: what the opportunity changes) it does. A tailor's alterations, a council
# helpline, a tyre fitter.

TAILOR = {
    "goal": "Have the suit taken in before the wedding this week",
    "actions": ["Tries the suit on for pinning"],
    "touchpoints": ["Fitting room"],
    "pain_points": ["Pins fall out on the way home"],
    "opportunities": ["Tack the seams instead of pinning them"],
    "business_activities": ["Tack every alteration by hand"],
}
HELPLINE = {
    "goal": "Sort out the missed bin collection today",
    "actions": ["Rings the council"],
    "touchpoints": ["Helpline"],
    "pain_points": ["A long wait on hold before anyone answers"],
    "opportunities": ["Offer a call back instead of the queue"],
    "business_activities": ["Staff the lines at the busiest hour"],
}


@pytest.mark.parametrize(
    ("lanes", "kpi", "open_"),
    [
        # "hours" and "this week" share only a time with the goal
        (TAILOR, "Hours the shop opens each week", True),
        (TAILOR, "Staff on the shop floor at noon", True),
        # the wait is the stage's problem: minutes on hold is its count
        (HELPLINE, "Minutes on hold", False),
        (TAILOR, "Alterations that come back with loose seams", False),
    ],
)
def test_a_wide_idea_ties_a_kpi_to_the_stages_plan_only(lanes, kpi, open_):
    assert questioned_in("Purchase", kpi, **lanes) is open_


# Four kinds of KPI that only seem to share something with their stage (our own wordings: a
# mobile vet, a yoga studio, a physiotherapy clinic, a climbing gym, a bike shop, a choir):
# - attention (visits, views, subscribers) counts a channel's audience: "Website visits"
#   beside a home visit counts the website, and a channel's subscribers are people noticing;
# - the people a KPI is counted among and its period ("minutes a patient waits", "the yearly
#   member survey") are not what it counts;
# - sales after the purchase, or the business's own output ("Workshops run"), are tied only
#   by the stage's pain points and opportunities, not by a product or a routine it names;
# - new business that a friend or another customer brought in is recommending.

VET = {
    "goal": "Get our old dog seen at home without a car journey",
    "actions": ["Books a home visit on the phone", "Asks what a home visit costs"],
    "touchpoints": ["Home visit", "Phone line"],
    "pain_points": ["Home-visit prices are only given on the phone"],
    "opportunities": ["Print home-visit prices on the website"],
    "business_activities": ["Keep two home-visit slots free each day"],
}
YOGA = {
    "goal": "Find a class that suits a stiff beginner",
    "actions": ["Watches a class video", "Books a free first class"],
    "touchpoints": ["Class timetable", "Video of a beginners' class"],
    "pain_points": ["The timetable does not say which classes are for beginners"],
    "opportunities": ["Mark beginners' classes on the timetable"],
    "business_activities": ["Film one beginners' class a month"],
}
PHYSIO = {
    "goal": "Tell other runners where my knee got sorted",
    "actions": ["Tells the running club about the clinic", "Writes a review for every patient"],
    "touchpoints": ["Running club chat", "Review page"],
    "pain_points": ["Not sure what to say in a review"],
    "opportunities": ["Send each patient three questions to answer in a review"],
    "business_activities": ["Ask every patient for a review on the last visit"],
}
CLIMBING = {
    "goal": "Keep climbing every week without the price creeping up",
    "actions": ["Reads the yearly price letter", "Pauses the membership for a trip"],
    "touchpoints": ["Member app", "Yearly price letter"],
    "pain_points": ["A trip abroad means cancelling and paying the joining fee again"],
    "opportunities": ["Add a pause button to the member app"],
    "business_activities": ["Email each member a yearly summary"],
}
BIKE_CARE = {
    "goal": "Keep the bike running without losing it for days",
    "actions": ["Buys a helmet at the counter", "Drops the bike off for a service"],
    "touchpoints": ["Helmet display", "Workshop counter"],
    "pain_points": ["The bike is gone for a week every service"],
    "opportunities": ["Offer a same-day service slot"],
    "business_activities": ["Run a monthly maintenance workshop"],
}


@pytest.mark.parametrize(
    ("stage", "lanes", "kpi", "open_"),
    [
        # a home visit is not a visit to the website; a channel's subscribers are noticing
        ("Consideration", VET, "Website visits per month", True),
        ("Consideration", YOGA, "Facebook page subscribers", True),
        ("Consideration", YOGA, "Views of the beginners' timetable", False),
        ("Consideration", VET, "Home visits booked after reading the prices", False),
    ],
)
def test_attention_counts_a_channels_audience(stage, lanes, kpi, open_):
    assert questioned_in(stage, kpi, **lanes) is open_


def test_a_visit_is_not_the_thing_the_map_follows():
    # Awareness counts visits to the shop's booking page; "Visits to the blog" in Purchase
    # counts the blog's readers, not the next step of the same count
    bike = jk.load_map(CLEAN)
    bike.set_lane("Awareness", "kpis", ["Visits to the booking page"])
    assert questioned_in_map(bike, "Purchase", "Visits to the shop's blog", **YOGA)
    bike = jk.load_map(CLEAN)
    bike.set_lane("Awareness", "kpis", ["Visits to the booking page"])
    assert not questioned_in_map(bike, "Purchase", "Timetable visits that end in a booking", **YOGA)


@pytest.mark.parametrize(
    ("stage", "lanes", "kpi", "open_"),
    [
        ("Advocacy", PHYSIO, "Average minutes a patient waits at reception", True),
        ("Retention", CLIMBING, "Net promoter score from the yearly member survey", True),
        # a person is the thing counted when the KPI starts with it
        ("Retention", CLIMBING, "Members who pause instead of cancelling", False),
        ("Advocacy", PHYSIO, "Patients who answer the three review questions", False),
    ],
)
def test_who_and_when_are_not_what_a_kpi_counts(stage, lanes, kpi, open_):
    assert questioned_in(stage, kpi, **lanes) is open_


@pytest.mark.parametrize(
    ("stage", "lanes", "kpi", "open_"),
    [
        ("Retention", BIKE_CARE, "Helmets sold per customer", True),
        ("Retention", BIKE_CARE, "Maintenance workshops run per month", True),
        ("Retention", BIKE_CARE, "Same-day service slots offered each week", False),
        ("Retention", GYM, "Reminder texts sent the day before", False),
        # before the purchase, a sale the stage's touchpoint leads to is its own count
        ("Consideration", YOGA, "Free first classes that end in a sale", False),
    ],
)
def test_sales_after_the_purchase_and_output_are_tied_by_the_plan_only(stage, lanes, kpi, open_):
    assert questioned_in(stage, kpi, **lanes) is open_


CHOIR = {
    "goal": "Help other singers find a choir that welcomes beginners",
    "actions": ["Talks about the choir at work", "Shares the concert video"],
    "touchpoints": ["Office kitchen", "Concert video"],
    "pain_points": ["Colleagues think they must read music to join"],
    "opportunities": ["A short note to share: no reading music needed"],
    "business_activities": ["Film each concert"],
}


@pytest.mark.parametrize(
    ("kpi", "open_"),
    [
        ("Enquiries that mention a friend", False),
        ("New singers who came through another member", False),
        ("Enquiries that mention the radio advert", True),
    ],
)
def test_new_business_a_peer_brought_is_recommending(kpi, open_):
    assert questioned_in("Advocacy", kpi, **CHOIR) is open_


# Attention (followers, views, visits, opens) moves with a stage's opportunity only when the
# stage's plan makes or changes what is looked at. The customer using that channel in the
# stage's goal, actions or touchpoints, the stage's moment being noticing, or another
# stage's KPI counting the same page are no sign. Our own wordings in other voices: a
# plumber (terse), a home baker (first person), a co-op grocer (jargon), a hearing clinic
# (second person), a language tutor (second language).

PLUMBER = {
    "goal": "find plumber fast, burst pipe",
    "actions": ["scrolls TikTok for local trades", "rings first number seen"],
    "touchpoints": ["TikTok", "van livery"],
    "pain_points": ["no idea who does emergencies at night"],
    "opportunities": ["24h number big on the van doors"],
    "business_activities": ["repaint vans w/ night number"],
}
BAKER = {
    "goal": "I want to order a cake I know is nut-free",
    "actions": ["I read the weekly newsletter", "I sign up for the bake list"],
    "touchpoints": ["Weekly newsletter", "Order form"],
    "pain_points": ["I can never tell which cakes were baked near nuts"],
    "opportunities": ["Mark every cake with an allergen label on the order form"],
    "business_activities": ["Bake nut-free cakes on Mondays"],
}
GROCER = {
    "goal": "Repeat weekly veg box without friction",
    "actions": ["Opens the member portal", "Edits the box contents"],
    "touchpoints": ["Member portal landing page", "Box edit screen"],
    "pain_points": ["Edit window closes Sunday noon, members miss cut-off"],
    "opportunities": ["Push a cut-off reminder Saturday evening"],
    "business_activities": ["Pick and pack boxes Monday"],
}
HEARING = {
    "goal": "You want to hear your grandchildren at dinner again",
    "actions": ["You follow the clinic's page", "You come back for a fitting"],
    "touchpoints": ["Clinic's Facebook page", "Fitting room"],
    "pain_points": ["You find the new aids whistle in noisy rooms"],
    "opportunities": ["Offer you a free retune after two weeks"],
    "business_activities": ["Book a retune for every new wearer"],
}
TUTOR = {
    "goal": "To make my speaking more fluent before the interview of job",
    "actions": ["Is watching the tutor's videos on YouTube", "Is booking the trial lesson"],
    "touchpoints": ["YouTube channel", "Booking calendar"],
    "pain_points": ["Is not sure the tutor knows the words of nursing"],
    "opportunities": ["A lesson plan for nurses with the words of the ward"],
    "business_activities": ["Prepare a word list for each profession"],
}


@pytest.mark.parametrize(
    ("stage", "lanes", "kpi", "open_"),
    [
        # the channel is the customer's, not what the opportunity changes
        ("Awareness", PLUMBER, "TikTok followers", True),
        ("Purchase", BAKER, "Newsletter open rate", True),
        ("Retention", GROCER, "Landing page pageviews", True),
        ("Retention", HEARING, "Facebook page likes", True),
        ("Consideration", TUTOR, "YouTube channel subscribers", True),
        # the plan makes what is looked at: its audience is the opportunity's count
        ("Awareness", PLUMBER, "Calls from people who saw the night number on a van", False),
        ("Purchase", BAKER, "Order form visitors who tick the allergen label", False),
        ("Retention", GROCER, "Open rate of the Saturday cut-off reminder", False),
        ("Retention", HEARING, "Retune texts opened within a day", False),
        ("Consideration", TUTOR, "Views of the nursing lesson plan", False),
    ],
)
def test_attention_is_tied_by_the_stages_plan_only(stage, lanes, kpi, open_):
    assert questioned_in(stage, kpi, **lanes) is open_


def test_a_page_counted_in_another_stage_is_not_this_stages_audience():
    # Awareness counts visits to the price guide; the same count in Purchase, beside an idea
    # about paying in two parts, is another stage's number
    bike = jk.load_map(CLEAN)
    bike.set_lane("Awareness", "kpis", ["Visits to the price guide from search"])
    split_pay = {
        "pain_points": ["Has to pay the whole repair up front"],
        "opportunities": ["Let customers pay in two parts"],
        "business_activities": ["Take part payments at the till"],
    }
    assert questioned_in_map(bike, "Purchase", "Visits to the price guide from search", **split_pay)


# The business's own money (what an order is worth, what a van's fuel costs, a margin) moves
# with a stage's opportunity only through the thing it is the money of, named in the stage's
# pain points or opportunities: a price or a quote in the stage's plan is the customer's
# money, not the business's. Our own wordings: a dog walker (terse), a florist (first
# person), a software firm (jargon), and the same stages with money the plan does move.

DOG_WALKER = {
    "goal": "find walker for the days I'm on site",
    "actions": ["asks on the street group", "checks walker's prices"],
    "touchpoints": ["street group chat", "walker's price list"],
    "pain_points": ["can't see if walker has insurance"],
    "opportunities": ["insurance cert pinned in street group post"],
    "business_activities": ["post weekly walk photos w/ cert"],
}
FLORIST = {
    "goal": "I want the flowers to reach Mum on her birthday, with my words on the card",
    "actions": ["I pick a bouquet on the website", "I type my card message"],
    "touchpoints": ["Website checkout", "Card message box"],
    "pain_points": ["My card message gets cut off at 80 characters"],
    "opportunities": ["Let the card message run to 300 characters"],
    "business_activities": ["Hand-write every card in the shop"],
}
SOFTWARE = {
    "goal": "Onboard the whole team in week one",
    "actions": ["Admin invites the team", "Imports projects via CSV"],
    "touchpoints": ["Admin console", "CSV importer", "Pricing tier page"],
    "pain_points": ["CSV import drops custom fields, admin rebuilds them by hand"],
    "opportunities": ["Map custom fields on import"],
    "business_activities": ["CS call for every new workspace"],
}


@pytest.mark.parametrize(
    ("stage", "lanes", "kpi", "open_"),
    [
        ("Awareness", DOG_WALKER, "avg value of a walk booking", True),
        ("Purchase", FLORIST, "Van fuel cost per delivery round", True),
        ("Retention", SOFTWARE, "Gross margin per pricing tier", True),
        ("Awareness", DOG_WALKER, "avg spend of owners who saw the insurance cert", False),
        ("Purchase", FLORIST, "Value of orders with a card message over 80 characters", False),
        ("Retention", SOFTWARE, "Revenue from workspaces whose custom fields imported", False),
    ],
)
def test_the_businesss_money_is_tied_by_what_it_is_the_money_of(stage, lanes, kpi, open_):
    assert questioned_in(stage, kpi, **lanes) is open_


# New customers joining (enquiries, sign-ups, consultations) in a stage where customers use
# the service and come back count the business's next customer, not what keeping this one
# changed: only a pain point or opportunity about getting in touch or signing up ties them,
# and the people they are counted among ("... from members") are no sign. Our own wordings:
# a gym (terse), a climbing wall (second person), a law firm (jargon), a cycling club.

CYCLING_CLUB = {
    "goal": "Keep riding with the club through the winter",
    "actions": ["Checks the winter route each Friday"],
    "touchpoints": ["Club app", "Route newsletter"],
    "pain_points": ["Route changes only go out on the group chat, which she has muted"],
    "opportunities": ["Let members subscribe to a route newsletter instead of the chat"],
    "business_activities": ["Send the route newsletter every Thursday"],
}
LAW_FIRM = {
    "goal": "Matter progressed w/o chasing fee earner",
    "actions": ["Client checks matter status on portal"],
    "touchpoints": ["Client portal", "Fee earner email"],
    "pain_points": ["Status stale for weeks, client chases by phone"],
    "opportunities": ["Auto-post status on each file milestone"],
    "business_activities": ["Weekly file review by supervising partner"],
}


@pytest.mark.parametrize(
    ("lanes", "kpi", "open_"),
    [
        (GYM, "trial sign-ups from people who came along to a session", True),
        (CLIMBING, "New members who enquire after a taster", True),
        (LAW_FIRM, "Initial consultations booked via the client portal", True),
        # the stage's own opportunity is about signing up: its sign-ups are its count
        (CYCLING_CLUB, "Members who subscribe to the route newsletter", False),
        # an enquiry about coming back is the stage's own moment
        (CLIMBING, "Renewal enquiries after a pause", False),
    ],
)
def test_new_customers_joining_are_not_a_count_of_keeping_them(lanes, kpi, open_):
    assert questioned_in("Retention", kpi, **lanes) is open_


# Content the business makes (videos uploaded, reels filmed, guides produced) counts its
# effort: a channel the stage's customer uses in its actions or touchpoints does not tie it,
# only the stage's pain points and opportunities do. Our own wordings: a bakery (first
# person), a council (jargon), an accountant's upload (sound).

BAKERY_CHAT = {
    "goal": "I want to ask whether the birthday cake can be made without eggs",
    "actions": ["I message the bakery under one of its videos", "I wait for a reply"],
    "touchpoints": ["Video comments", "Direct messages"],
    "pain_points": ["Questions in the comments go unanswered for days"],
    "opportunities": ["Answer cake questions in direct messages within the hour"],
    "business_activities": ["Check messages at opening and at lunch"],
}
COUNCIL_FORM = {
    "goal": "Submit the parking permit application in one sitting",
    "actions": ["Resident watches the how-to video", "Completes the e-form"],
    "touchpoints": ["How-to video", "Permit e-form"],
    "pain_points": ["E-form times out after 10 min, data lost"],
    "opportunities": ["Autosave e-form progress every field"],
    "business_activities": ["Digital team monitors form drop-off weekly"],
}


@pytest.mark.parametrize(
    ("stage", "lanes", "kpi", "open_"),
    [
        ("Consideration", BAKERY_CHAT, "New videos uploaded each week", True),
        ("Purchase", COUNCIL_FORM, "How-to videos produced per quarter", True),
        ("Purchase", ACCOUNTANT, "Paperwork photos uploaded without blur", False),
        ("Consideration", BAKERY_CHAT, "Cake questions answered within the hour", False),
    ],
)
def test_content_the_business_makes_is_tied_by_the_plan_only(stage, lanes, kpi, open_):
    assert questioned_in(stage, kpi, **lanes) is open_


# A wide idea ties a KPI to its stage's plan by what the KPI counts, not by the state it is
# counted in: "booked" or "scheduled" shares being available with a plan about a room or a
# pitch, but the thing booked is something else. Our own wordings: a pub's gig room
# (terse), a campsite (first person).

GIG_ROOM = {
    "goal": "find live music near home on a weeknight",
    "actions": ["walks past the pub", "checks the pub's page"],
    "touchpoints": ["Pub frontage", "Pub page"],
    "pain_points": ["nobody knows there's a back room for gigs"],
    "opportunities": ["chalkboard outside w/ tonight's band + back room arrow"],
    "business_activities": ["chalk up the band every afternoon"],
}
CAMPSITE = {
    "goal": "I want a pitch where the tent and the car both fit",
    "actions": ["I look at the site map", "I ring to ask about pitch sizes"],
    "touchpoints": ["Site map", "Reception phone"],
    "pain_points": ["I can never tell which pitches have space for a car"],
    "opportunities": ["Show the size of every pitch on the site map"],
    "business_activities": ["Measure the pitches each spring"],
}


@pytest.mark.parametrize(
    ("stage", "lanes", "kpi", "open_"),
    [
        ("Awareness", GIG_ROOM, "drum lessons booked", True),
        ("Consideration", CAMPSITE, "Bike hires booked each weekend", True),
        # opening hours are availability itself, as the back room is
        ("Awareness", GIG_ROOM, "Late-night opening hours each week", False),
        ("Consideration", CAMPSITE, "Pitches booked with a car space", False),
    ],
)
def test_a_wide_idea_ties_by_what_a_kpi_counts_not_its_state(stage, lanes, kpi, open_):
    assert questioned_in(stage, kpi, **lanes) is open_


# A sale counted before the purchase stage counts that stage's result, not what this stage's
# idea changes: only its pain points and opportunities tie it, not a product, a place or a
# routine its goal, touchpoints or activities name. Our own wordings: a kennel (terse), a
# bridal shop (second person), a rota tool (marketing noun phrases), a bike hire (second
# language).

KENNEL = {
    "goal": "find kennel for 2 wks in aug",
    "actions": ["asks dog park regulars", "checks google maps"],
    "touchpoints": ["dog park", "google maps listing"],
    "pain_points": ["no idea which take big dogs"],
    "opportunities": ["big-dog badge on the maps listing"],
    "business_activities": ["kennel open days in aug"],
}
BRIDAL = {
    "goal": "You want to compare three gowns before you pick one",
    "actions": ["You try gowns on at two shops", "You book a fitting room for Saturday"],
    "touchpoints": ["Fitting room", "Gown rail"],
    "pain_points": ["The rails are so crammed you can't see a gown properly"],
    "opportunities": ["Fewer gowns on each rail, lit from above"],
    "business_activities": ["Keep a fitting room free on Saturdays"],
}
ROTA_TOOL = {
    "goal": "Problem awareness re: manual rota admin",
    "actions": ["LinkedIn thought-leadership consumption", "Webinar attendance"],
    "touchpoints": ["LinkedIn carousel", "Partner webinar"],
    "pain_points": ["Low category awareness among practice managers"],
    "opportunities": ["Rota-pain benchmark report as gated asset"],
    "business_activities": ["Monthly webinar series with partner practices"],
}
BIKE_HIRE = {
    "goal": "To know where I can rent the electric bike in the city",
    "actions": ["Is seeing the bikes parked at the station", "Is asking the hotel reception"],
    "touchpoints": ["Bike rack at the station", "Hotel reception"],
    "pain_points": ["The app is only in the local language, I am not understanding it"],
    "opportunities": ["App in English and Spanish from the first screen"],
    "business_activities": ["Park more bikes at the station every morning"],
}


@pytest.mark.parametrize(
    ("stage", "lanes", "kpi", "open_"),
    [
        # a sale tied only by the stage's goal, touchpoints or activities
        ("Awareness", KENNEL, "Kennel bookings for august", True),
        ("Consideration", BRIDAL, "Deposits paid in the fitting room", True),
        ("Awareness", ROTA_TOOL, "Paid plans sold via webinar", True),
        ("Awareness", BIKE_HIRE, "Rentals paid at the station", True),
        # a sale of what the stage's idea changes
        ("Awareness", KENNEL, "Bookings from the big-dog badge", False),
        ("Consideration", BRIDAL, "Gowns ordered from the lit rails", False),
        ("Awareness", ROTA_TOOL, "Paid conversions from benchmark report downloads", False),
        ("Awareness", BIKE_HIRE, "Rentals paid in the app in English or Spanish", False),
    ],
)
def test_a_sale_before_the_purchase_is_tied_by_the_plan_only(stage, lanes, kpi, open_):
    assert questioned_in(stage, kpi, **lanes) is open_


# A channel's whole audience ("Instagram followers") grows with whatever the business posts
# there: the business's activities posting on that channel are no sign that the stage's idea
# moves it; only a pain point or an opportunity about the channel is. Our own wordings: a dog
# groomer (terse), a dance school (second person), a mortgage broker (noun phrases).

GROOMER = {
    "goal": "find groomer who does big breeds",
    "actions": ["scrolls insta", "asks at the park"],
    "touchpoints": ["Instagram", "dog park"],
    "pain_points": ["cant tell who handles a newfoundland"],
    "opportunities": ["before/after gallery of big breeds on website"],
    "business_activities": ["post daily on Instagram"],
}
DANCE = {
    "goal": "You want a class where you won't be the only beginner",
    "actions": ["You watch class clips on TikTok", "You ask a friend who dances"],
    "touchpoints": ["TikTok clips", "Friend's recommendation"],
    "pain_points": ["You can't tell which clips show a beginners' class"],
    "opportunities": ["Caption every clip with the class level"],
    "business_activities": ["Post your teachers' class clips on TikTok twice a week"],
}
BROKER = {
    "goal": "Jargon-free first-time-buyer orientation",
    "actions": ["Short-form video consumption", "Podcast listening"],
    "touchpoints": ["YouTube Shorts", "Property podcast"],
    "pain_points": ["Acronym overload (LTV, AIP, ERC)"],
    "opportunities": ["Explainer short per acronym"],
    "business_activities": ["Always-on YouTube content calendar"],
}


@pytest.mark.parametrize(
    ("stage", "lanes", "kpi", "open_"),
    [
        ("Awareness", GROOMER, "Instagram followers", True),
        ("Awareness", DANCE, "TikTok views", True),
        ("Awareness", BROKER, "YouTube subscriber growth", True),
        # the idea is on that channel, or the KPI counts what the idea makes
        ("Awareness", GROOMER, "Website gallery views", False),
        ("Awareness", DANCE, "Views of captioned clips", False),
        ("Awareness", BROKER, "Explainer short views", False),
    ],
)
def test_a_channels_whole_audience_is_tied_by_the_aim_only(stage, lanes, kpi, open_):
    assert questioned_in(stage, kpi, **lanes) is open_


def test_the_channels_own_idea_ties_its_audience():
    groomer = {**GROOMER, "opportunities": ["Before/after reels of big breeds on Instagram"]}
    assert not questioned_in("Awareness", "Instagram followers", **groomer)


# A count of what comes in through one of the stage's own touchpoints ("... from the studio
# door") is the stage's count, even when that touchpoint is the map's main subject; a count
# that comes in elsewhere is still asked about. Our own wordings: a launderette (terse), a
# pottery studio (second person).

LAUNDERETTE = {
    "goal": "get duvet washed, machine too small",
    "actions": ["walks past the drop box at the station"],
    "touchpoints": ["drop box at the station", "bus stop"],
    "pain_points": ["no idea they do duvets"],
    "opportunities": ["duvet price card on the drop box"],
    "business_activities": ["hand out loyalty cards"],
}
POTTERY = {
    "goal": "You want to try the wheel without feeling clumsy",
    "actions": ["You walk past the studio's van at the market"],
    "touchpoints": ["Studio van at the market", "Your friend's mugs"],
    "pain_points": ["You think everyone inside is already good at it"],
    "opportunities": ["A painted sign on the van: beginners welcome"],
    "business_activities": ["Fire the kiln on Fridays"],
}


@pytest.mark.parametrize(
    ("lanes", "main_subject", "kpi", "open_"),
    [
        (LAUNDERETTE, "Drop box", "App installs from the drop box code", False),
        (LAUNDERETTE, "Drop box", "App installs from the council website", True),
        (POTTERY, "Studio van", "Taster vouchers picked up from the van", False),
        (POTTERY, "Studio van", "Taster vouchers picked up from the library", True),
    ],
)
def test_a_count_through_the_stages_own_touchpoint_is_its_own(lanes, main_subject, kpi, open_):
    # the touchpoint is met in every stage, so it is the map's main subject
    bike = jk.load_map(CLEAN)
    for stage in bike.stages:
        bike.set_lane(stage.name, "touchpoints", [*stage.touchpoints, main_subject])
    for lane, value in lanes.items():
        bike.set_lane("Awareness", lane, value)
    bike.set_lane("Awareness", "kpis", [kpi])
    found = jk.review(bike)
    assert (
        any(f.rule == "kpi-measures-something-else" and f.stage == "Awareness" for f in found)
        is open_
    )
