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
Then: an action that gives what the business gives ("Issues a written quote"), a touchpoint
that goes on to speak of the customer ("Spots a sticker on his colleague's helmet"), a pain
point that orders a contact with the customers ("Ring every rider"), a feeling said as a set
phrase ("On cloud nine"), each with guards worded like them.
Round 3, in the first person, tersely and formally, in other trades: who the subject of an
action is ("We ..." in a first-person map, "The practice keeps ...", "The consultant sends
us ..."), bare orders, a touchpoint led by the speaker, by the map's own action verb or by
any verb and its object, a feeling in the learner's words, advice after a subject of its
own; each with guards.
Round 4, on a locksmith's map of our own: who the subject of an action is, by the map itself
(the persona's name, the people its description and participants name, family; the business's
name as the object of the customer's verb), a touchpoint copying the opening of the stage's
own action, and actions written as the customer's orders to herself.
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


def given_noted(action: str, activity: str = "") -> set[str]:
    """The levels of ``action-is-business-activity`` when *action* is added to the Purchase
    actions of the clean map, and *activity* (if any) to its Retention business activities."""
    bike = jk.load_map(CLEAN)
    if activity:
        later = bike.stages[bike.stage_names.index("Retention")]
        bike.set_lane("Retention", "business_activities", [*later.business_activities, activity])
    stage = bike.stages[bike.stage_names.index("Purchase")]
    bike.set_lane("Purchase", "actions", [*stage.actions, action])
    return {f.level for f in jk.review(bike) if f.rule == "action-is-business-activity"}


@pytest.mark.parametrize(
    ("action", "activity"),
    [
        ("Issues a written quote for the new chainset", ""),
        ("Sends a mechanic to the office car park", "Send a mechanic to riders who cannot come in"),
        ("Fits a new chain while Sam waits", "Fit new chains while the rider waits"),
        ("Services the hub gears every spring", "Plan each bike's servicing a year ahead"),
    ],
)
def test_giving_what_the_business_gives_is_asked_about(action, activity):
    # the business is the agent: what it does *to* the customer or their bike
    assert given_noted(action, activity) == {"improve"}


@pytest.mark.parametrize(
    ("action", "activity"),
    [
        ("Sends her photos of the buckled wheel", "Send photos of every finished repair"),
        ("Gives the mechanic the spare key", "Give a loan key while the repair is done"),
        ("Writes a review of the repair", ""),
        ("Sends the invoice on to her employer", ""),
        ("Repairs the puncture himself at the roadside", "Repair punctures while you wait"),
        ("Services his own bike over the winter", "Plan each bike's servicing a year ahead"),
    ],
)
def test_giving_what_is_the_customers_own_or_already_there_is_not(action, activity):
    assert given_noted(action, activity) == set()


@pytest.mark.parametrize(
    "item",
    [
        "Spots a sticker on his colleague's helmet",
        "Catches sight of the van outside her office",
        "Finds flyers in the lobby of her building",
    ],
)
def test_a_touchpoint_that_goes_on_to_speak_of_the_customer_is_an_action(item):
    assert noted("touchpoints", item)


@pytest.mark.parametrize(
    "item",
    [
        "Reviews page for her area",
        "Spots on his local radio station",
        "Posts from her cycle club",
        "Reports sent to his inbox",
    ],
)
def test_a_plural_noun_then_a_preposition_or_a_page_is_still_a_touchpoint(item):
    assert not noted("touchpoints", item)


@pytest.mark.parametrize(
    "pain",
    [
        "Ring every rider the day after a repair",
        "Text all commuters when the bike is ready",
        "Call customers back within the hour",
        "A follow-up call on day three",
    ],
)
def test_an_order_to_contact_the_customers_is_the_fix_not_the_pain(pain):
    assert noted("pain_points", pain)


@pytest.mark.parametrize(
    "pain",
    [
        "Has to ring them twice before anyone answers",
        "Calls every shop and none of them answer",
        "Text messages arrive after the shop has closed",
        "Ring them three times to get an answer",
        "Check every bolt again at home",
        "A call after six goes unanswered",
        "A reminder email every single day",
    ],
)
def test_a_contact_that_goes_wrong_is_a_pain(pain):
    assert not noted("pain_points", pain)


@pytest.mark.parametrize("item", ["On cloud nine", "A bit fed up", "In two minds about the price"])
def test_a_feeling_said_as_a_set_phrase_is_not_a_touchpoint(item):
    assert noted("touchpoints", item)


@pytest.mark.parametrize(
    "item", ["Cloud storage of service records", "Edge-of-town workshop", "Two-minute booking form"]
)
def test_a_channel_with_a_word_of_such_a_phrase_is_a_touchpoint(item):
    assert not noted("touchpoints", item)


# ----- round 3: first-person and terse wordings, someone else as the subject -----------------


def first_person_noted(action: str, stage: str = "Purchase") -> set[str]:
    """The levels of ``action-is-business-activity`` on the clean map rewritten in the first
    person (every customer action opens with "I"), with *action* added to *stage*."""
    bike = jk.load_map(CLEAN)
    for name, s in zip(bike.stage_names, bike.stages, strict=True):
        mine = [f"I {a[0].lower()}{a[1:]}" for a in s.actions]
        bike.set_lane(name, "actions", mine)
    now = bike.stages[bike.stage_names.index(stage)].actions
    bike.set_lane(stage, "actions", [*now, action])
    return {f.level for f in jk.review(bike) if f.rule == "action-is-business-activity"}


@pytest.mark.parametrize(
    "action",
    [
        "We go together to the shop and Sam rides the test bike",
        "We buy the lights in autumn",
        "We let our son choose the colour of the frame",
    ],
)
def test_we_in_a_first_person_map_is_the_customers_household(action):
    assert first_person_noted(action) == set()


@pytest.mark.parametrize(
    "action",
    [
        "The practice keeps two evenings a week free for school children",
        "The agency sends us a written example of the fee",
        "The studio posts the proofs the next morning",
    ],
)
def test_the_business_as_the_subject_of_a_first_person_action_is_noted(action):
    assert first_person_noted(action) == {"fix"}


@pytest.mark.parametrize(
    "action",
    [
        "The consultant sends us a written example of the fee after the call",
        "The instructor shows me the shallow end before the lesson",
        "The mechanic rings me when the wheel is trued",
    ],
)
def test_staff_or_anyone_acting_on_the_customer_is_asked_about(action):
    assert first_person_noted(action) == {"improve"}


@pytest.mark.parametrize(
    "action",
    [
        "My husband reads the terms with me in the evening",
        "Mark and I interview two candidates in the lounge",
        "Leyla checks the payment plan at the kitchen table",
    ],
)
def test_the_customer_or_their_own_people_as_the_subject_is_quiet(action):
    assert first_person_noted(action) == set()


@pytest.mark.parametrize(
    "action",
    [
        "Deliver a findings debrief to the client's technical staff",
        "Send each customer a welcome pack with the keys",
        "Run a safety briefing for every patient before the scan",
    ],
)
def test_an_order_handing_something_to_the_clients_is_the_businesss(action):
    assert business_activity_noted(action)


@pytest.mark.parametrize(
    "action",
    [
        "Sends the report to the client's board",
        "gives builders number to colleague",
        "Passes the fitter's number to a friend",
    ],
)
def test_passing_something_on_is_the_customers_own_act(action):
    assert not business_activity_noted(action)


@pytest.mark.parametrize(
    "item",
    [
        "I phone the shop to ask about tubeless tyres",
        "We ring round three garages for a price",
        "I'm asking in the cycling club's chat",
    ],
)
def test_a_first_person_sentence_is_not_a_touchpoint(item):
    assert noted("touchpoints", item)


@pytest.mark.parametrize(
    "item",
    ["Talking with my neighbour", "Chatting to other parents at the gate", "Ring-and-ride line"],
)
def test_word_of_mouth_and_channels_stay_touchpoints(item):
    assert not noted("touchpoints", item)


def touchpoint_with_map_verb(touchpoint: str, action: str) -> bool:
    """True when *touchpoint* is noted as an action on the clean map, with *action* added to
    the Consideration actions: the learner's own verbs tell a verb from a noun."""
    bike = jk.load_map(CLEAN)
    now = bike.stages[bike.stage_names.index(STAGE)]
    bike.set_lane(STAGE, "actions", [*now.actions, action])
    bike.set_lane(STAGE, "touchpoints", [*now.touchpoints, touchpoint])
    return any(f.rule == "touchpoint-is-an-action" and f.stage == STAGE for f in jk.review(bike))


@pytest.mark.parametrize(
    ("touchpoint", "action"),
    [
        ("Requests quotes from three garages", "Requests quotes from three garages"),
        ("Requisitions a loan bike", "Requisitions a courtesy bike for the week"),
        ("Canvasses riders at the club night", "Canvasses friends for a mechanic"),
    ],
)
def test_a_touchpoint_led_by_the_maps_own_action_verb_is_an_action(touchpoint, action):
    assert touchpoint_with_map_verb(touchpoint, action)


@pytest.mark.parametrize(
    ("touchpoint", "action"),
    [
        ("Requests form on the website", "Requests a quote"),
        ("Reviews from other riders", "Reviews the quote at home"),
        ("Quote request page", "Requests quotes from three garages"),
    ],
)
def test_a_channel_named_with_such_a_word_is_a_touchpoint(touchpoint, action):
    assert not touchpoint_with_map_verb(touchpoint, action)


@pytest.mark.parametrize(
    "item",
    [
        "Frustrated and rushed",
        "I feel rushed",
        "Worry about being turned down",
        "I'm worried the wheel won't arrive in time",
        "Doubts over whether the frame is worth saving",
    ],
)
def test_a_feeling_in_the_learners_own_words_is_not_a_touchpoint(item):
    assert noted("touchpoints", item)


@pytest.mark.parametrize(
    "item",
    [
        "Feeling Good radio show",
        "We Are Cycling forum",
        "Worry-free returns page",
        "Fear Less bikes",
    ],
)
def test_channels_named_like_a_feeling_stay_touchpoints(item):
    assert not noted("touchpoints", item)


@pytest.mark.parametrize(
    "pain",
    [
        "The shop should put a spare tube in with every wheel",
        "I wish they texted when the part arrives",
        "I'd like a photo of the worn parts before they are replaced",
        "It would help if the quote listed labour and parts apart",
    ],
)
def test_advice_or_a_wish_after_a_subject_is_the_fix_not_the_pain(pain):
    assert noted("pain_points", pain)


@pytest.mark.parametrize(
    "pain",
    [
        "They should have told me the wheel was out of stock",
        "I could not find the opening hours anywhere",
        "Nobody could say when the bike would be ready",
        "The bike should be ready on Friday but it never is",
    ],
)
def test_a_let_down_expectation_is_still_a_pain(pain):
    assert not noted("pain_points", pain)


@pytest.mark.parametrize(
    "action",
    [
        "Conduct a safety check on the brakes",
        "Process the refund the same day",
        "Schedule a service reminder for March",
    ],
)
def test_a_bare_order_among_actions_about_the_customer_is_the_businesss(action):
    assert business_activity_noted(action)


@pytest.mark.parametrize(
    "action",
    ["Book a slot for Saturday", "Read the reviews on the bus", "Collect the bike after work"],
)
def test_a_customer_verb_in_its_bare_form_is_still_the_customers(action):
    assert not business_activity_noted(action)


@pytest.mark.parametrize(
    ("action", "activity"),
    [
        ("confirm booking by email", "Confirm each booking by text"),
        ("dispatch courier for pickup", "Dispatch a courier within the hour"),
        ("Inspect the frame for cracks", "Inspect every frame before a repair"),
    ],
)
def test_an_action_in_the_business_activities_own_verb_is_asked_about(action, activity):
    assert given_noted(action, activity) & {"improve", "fix"}


@pytest.mark.parametrize(
    ("action", "activity"),
    [
        ("Books the next service at the till", "Book the next service before the bike leaves"),
        ("Collects the bike after work", "Collect bikes from the office on Fridays"),
        ("Chooses a frame colour", "Choose the frames we stock with care"),
    ],
)
def test_an_action_sharing_a_customer_verb_with_the_business_is_quiet(action, activity):
    assert given_noted(action, activity) == set()


@pytest.mark.parametrize(
    "item",
    [
        "Evaluates the three written bids",
        "Benchmarking the day rates side by side",
        "Shortlisting the suppliers with procurement",
    ],
)
def test_a_touchpoint_led_by_any_verb_and_its_object_is_an_action(item):
    assert noted("touchpoints", item)


@pytest.mark.parametrize(
    "item",
    ["Minutes of the board meeting", "Terms and conditions page", "Something for the weekend blog"],
)
def test_a_plural_or_ing_name_of_a_channel_stays_a_touchpoint(item):
    assert not noted("touchpoints", item)


@pytest.mark.parametrize(
    "item",
    ["Concern regarding eligibility", "anxious re cost", "v nervous", "Fairly stressed out"],
)
def test_formal_and_terse_feelings_are_not_touchpoints(item):
    assert noted("touchpoints", item)


@pytest.mark.parametrize(
    "pain",
    [
        "Introduction of a plain-language summary of the policy",
        "option to pay monthly",
        "pls add photos of the finished wheel",
    ],
)
def test_a_change_named_as_a_noun_or_asked_for_tersely_is_the_fix(pain):
    assert noted("pain_points", pain)


@pytest.mark.parametrize(
    "pain",
    [
        "No option to pay monthly",
        "Introduction of the new booking system lost her slot",
        "Provision of spare bikes is patchy",
    ],
)
def test_a_change_that_went_wrong_is_still_a_pain(pain):
    assert not noted("pain_points", pain)


# Round 4: who the subject of an action is, read from the map itself (the persona's name,
# the people its description and participants name as the customer's own, the business's
# name in the title); a touchpoint that copies the opening of the stage's own action; guards
# for a map or a stage written in the customer's orders to herself. Other trades and voices.

#: A locksmith's map, written about the customer in the third person.
LOCK_ACTIONS = {
    "Awareness": ["Searches for an emergency locksmith near the flat"],
    "Consideration": ["Compares two call-out prices on the phone"],
    "Purchase": ["Waits outside for the van", "Pays by card on the doorstep"],
    "Retention": ["Keeps the new keys on a hook by the door"],
    "Advocacy": ["Writes a short review on the estate forum"],
}


def lock_map(
    actions: dict[str, list[str]],
    *,
    name: str = "Kwame",
    description: str = "Rents a ground-floor flat and works nights at a bakery.",
    participants: dict[str, list[str]] | None = None,
    touchpoints: dict[str, list[str]] | None = None,
) -> jk.JourneyMap:
    """A five-stage map of a lockout fixed by Brightlock, with *actions* per stage (the
    others from :data:`LOCK_ACTIONS`), and optional *participants* and *touchpoints*."""
    m = jk.JourneyMap.new(
        "five-stage",
        title="Brightlock: a lockout fixed at night",
        persona=jk.Persona(name, description, ["Get back inside the flat tonight"]),
    )
    for stage in m.stage_names:
        m.set_lane(stage, "goal", "Get back inside without breaking the door")
        m.set_lane(stage, "actions", actions.get(stage, LOCK_ACTIONS[stage]))
        m.set_lane(stage, "touchpoints", (touchpoints or {}).get(stage, ["Phone line"]))
        m.set_lane(stage, "participants", (participants or {}).get(stage, []))
        m.set_lane(stage, "business_activities", ["Answer the night line within a minute"])
    return m


def lane_levels(journey_map: jk.JourneyMap, rule: str = "action-is-business-activity") -> set:
    """The (level, stage) of every *rule* finding on *journey_map*."""
    return {(f.level, f.stage) for f in jk.review(journey_map) if f.rule == rule}


@pytest.mark.parametrize(
    ("action", "description", "participants"),
    [
        # careful voice: the persona's own name leads every item
        ("Abena tells her sister which locksmith came quickest", "", []),
        ("Abena Owusu asks her landlord for the spare key first", "", []),
        # a name the persona's description gives
        ("Dawn lets her wait in the flat next door", "Shares a hallway with Dawn.", []),
        # a name only the participants give, in the first person
        ("Pablo drives me to the 24-hour shop for a spare", "", ["Pablo"]),
        # family, in a second-language voice and in the second person
        ("Her brother he brings us the spare key", "", []),
        ("Your flatmate texts you the landlord's number", "", []),
    ],
)
def test_someone_on_the_customers_side_as_the_subject_is_quiet(action, description, participants):
    m = lock_map(
        {"Purchase": [action, "Pays by card on the doorstep"]},
        name="Abena Owusu",
        description=description or "Rents a ground-floor flat and works nights at a bakery.",
        participants={"Purchase": participants},
    )
    assert lane_levels(m) == set()


@pytest.mark.parametrize(
    ("action", "level"),
    [
        ("The engineer emails him the invoice before leaving", "improve"),
        # "Technician, Omar" in Retention, "Omar" alone in Advocacy: the business's
        ("Omar sends us the written report the next day", "improve"),
        ("Brightlock texts him a reminder to service the lock", "fix"),
    ],
)
def test_staff_or_the_business_as_the_subject_is_still_noted(action, level):
    m = lock_map(
        {"Retention": [action, "Keeps the new keys on a hook by the door"]},
        participants={"Retention": ["Technician, Omar"], "Advocacy": ["Omar"]},
    )
    assert lane_levels(m) == {(level, "Retention")}


@pytest.mark.parametrize(
    "action",
    [
        "Forwards Brightlock's quotes to her landlord",
        "Gives Brightlock's card to the caretaker",
        "passes brightlock leaflets round the estate",
        "Pass Brightlock's details on to her cousin",
    ],
)
def test_the_business_named_as_the_object_of_the_customers_verb_is_quiet(action):
    m = lock_map({"Advocacy": [action, "Writes a short review on the estate forum"]})
    assert lane_levels(m) == set()


def test_a_map_written_as_orders_throughout_is_quiet():
    orders = {
        "Awareness": ["Search for a locksmith open at night"],
        "Consideration": ["Compare two call-out prices"],
        "Purchase": ["Call the customer back within the hour", "Pay by card"],
        "Retention": ["Keep the new keys by the door"],
        "Advocacy": ["Write a review on the estate forum"],
    }
    assert lane_levels(lock_map(orders)) == set()


def test_customer_verbs_in_one_stage_of_a_third_person_map_are_quiet():
    mine = ["Book the earliest slot", "Pay the call-out fee up front"]
    assert lane_levels(lock_map({"Purchase": mine})) == set()


@pytest.mark.parametrize(
    ("touchpoint", "action"),
    [
        ("Looks for a glazier", "Looks for a glazier open on Sundays"),
        ("browse tiler sites", "browse tiler sites on phone"),
        ("ask in estate group", "ask in estate group who to call at night"),
    ],
)
def test_a_touchpoint_copying_the_opening_of_the_stages_action_is_an_action(touchpoint, action):
    m = lock_map({"Awareness": [action]}, touchpoints={"Awareness": [touchpoint, "Estate forum"]})
    assert lane_levels(m, "touchpoint-is-an-action") == {("fix", "Awareness")}


@pytest.mark.parametrize(
    ("touchpoint", "action"),
    [
        ("Locksmith listings", "Locksmith listings checked on the night bus"),
        ("Quote request form", "Quote request form filled in twice"),
        ("Night line", "Night line answered at the second ring"),
    ],
)
def test_a_touchpoint_named_as_a_thing_stays_one(touchpoint, action):
    m = lock_map({"Awareness": [action]}, touchpoints={"Awareness": [touchpoint, "Estate forum"]})
    assert lane_levels(m, "touchpoint-is-an-action") == set()
