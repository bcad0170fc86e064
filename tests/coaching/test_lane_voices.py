"""Lane mix-ups read in the map's own voice, on a dog groomer's map of our own (round 5).

Learners write their lanes in a voice of their own: noun phrases throughout ("Taster groom
booking"), the past tense and bare verbs of a second language ("Became the ...", "Ask other
owners ..."), or the second person ("You ..."). What the business does is read by what breaks
the map's own pattern, and by what the map's business activities say the business does:

* business activities written as noun phrases open with nouns, not verbs: an action sharing
  that noun ("Taster groom ..." where the business runs a "Taster groom slot") is no order,
  and in a map whose actions are noun phrases a business's verb at the start is a noun too
  ("Reward stamps redemption"), unless what it acts on follows ("Offer a free ...");
* a verb in the past, with or without "-ed", says what someone did, not what to do;
* an order to the customer's own circle ("Ask other owners ...") is the customer asking;
* what the business answers ("Reply to photos sent on WhatsApp") is the customer's to send;
* a pain point that opens with a thing the business activities name ("Print copy ...") is
  that thing going wrong, not an order to print.

What breaks the pattern is still asked about: a thing the business activities name, given
without a giver ("Written coat-care plan sent ..."), the business's selling move named as a
noun ("Shampoo bundle upsell"), and a touchpoint that is an activity with the channel it
happens in ("Scrolling #doodlegroom on TikTok"). In a map spoken to the customer ("You
..."), an action that drops the "You" to act on the customer or on what the business does is
asked about, a touchpoint that speaks to them is an action, and a set phrase of feeling in
the second person ("out of your depth") is a feeling.
"""

from __future__ import annotations

import pytest

import journeykit as jk

#: The groomer's map, written about the customer in the third person.
GROOM_ACTIONS = {
    "Awareness": ["Notices a groomer's van outside the vet"],
    "Consideration": ["Compares two groomers' price lists"],
    "Purchase": ["Books a full groom for Saturday", "Pays the deposit online"],
    "Retention": ["Brushes the dog between visits"],
    "Advocacy": ["Tags the groomer in a photo of the dog"],
}
GROOM_ACTIVITIES = ["Reply to booking requests within the hour"]


def groom_map(
    actions: dict[str, list[str]] | None = None,
    *,
    activities: dict[str, list[str]] | None = None,
    touchpoints: dict[str, list[str]] | None = None,
    pains: dict[str, list[str]] | None = None,
) -> jk.JourneyMap:
    """A five-stage map of a cockapoo's first groom at Muddy Paws, with *actions*,
    *activities* (business activities), *touchpoints* and *pains* per stage (the others
    from :data:`GROOM_ACTIONS` and :data:`GROOM_ACTIVITIES`)."""
    m = jk.JourneyMap.new(
        "five-stage",
        title="Muddy Paws: a cockapoo's first groom",
        persona=jk.Persona("Priya", "Owns a year-old cockapoo and works shifts.", ["A calm dog"]),
    )
    for stage in m.stage_names:
        m.set_lane(stage, "goal", "Get the dog groomed without a fuss")
        m.set_lane(stage, "actions", (actions or {}).get(stage, GROOM_ACTIONS[stage]))
        m.set_lane(stage, "touchpoints", (touchpoints or {}).get(stage, ["Groomer's website"]))
        m.set_lane(stage, "pain_points", (pains or {}).get(stage, ["Slots fill up weeks ahead"]))
        m.set_lane(stage, "business_activities", (activities or {}).get(stage, GROOM_ACTIVITIES))
    return m


def findings(journey_map: jk.JourneyMap, rule: str = "action-is-business-activity") -> set:
    """The (level, stage) of every *rule* finding on *journey_map*."""
    return {(f.level, f.stage) for f in jk.review(journey_map) if f.rule == rule}


#: The same map in noun phrases, actions and business activities alike (a jargon voice).
NOUN_PHRASE_ACTIONS = {
    "Awareness": ["Van sighting outside the vet", "Local Facebook page scroll"],
    "Consideration": ["Price list comparison", "Taster groom with the puppy"],
    "Purchase": ["Saturday full-groom booking", "Deposit payment online"],
    "Retention": ["Home brushing routine", "Coat check at eight weeks"],
    "Advocacy": ["Before-and-after photo post", "Referral card handover at the park"],
}
NOUN_PHRASE_ACTIVITIES = {
    "Awareness": ["Van livery and local Facebook ads"],
    "Consideration": ["Taster groom slot for nervous puppies", "Price list with add-ons"],
    "Purchase": ["Deposit policy", "Saturday booking calendar"],
    "Retention": ["Coat check reminders", "Home brushing guide"],
    "Advocacy": ["Referral card scheme", "Before-and-after photo wall"],
}


def test_a_map_written_in_noun_phrases_throughout_is_quiet():
    m = groom_map(NOUN_PHRASE_ACTIONS, activities=NOUN_PHRASE_ACTIVITIES)
    assert findings(m) == set()


@pytest.mark.parametrize(
    "action",
    ["Welcome pack unboxing at home", "Reward stamps redemption", "Host family meet-up evening"],
)
def test_a_business_verb_as_the_noun_of_a_noun_phrase_map_is_quiet(action):
    actions = {**NOUN_PHRASE_ACTIONS, "Retention": ["Home brushing routine", action]}
    assert findings(groom_map(actions, activities=NOUN_PHRASE_ACTIVITIES)) == set()


def test_an_order_with_its_object_in_a_noun_phrase_map_is_still_the_business():
    order = "Offer a free nail trim to every new puppy"
    actions = {**NOUN_PHRASE_ACTIONS, "Retention": ["Home brushing routine", order]}
    found = findings(groom_map(actions, activities=NOUN_PHRASE_ACTIVITIES))
    assert found == {("fix", "Retention")}


@pytest.mark.parametrize(
    "action",
    [
        "Became the one who books grooms for the whole dog-walking group",  # the past, no "-ed"
        "Went back for a nail trim a month later",
        "Ask other owners at the dog park which groomer is gentle",  # a bare verb, her circle
        "Text her sister a photo of the new cut",
    ],
)
def test_a_second_language_voice_is_read_as_the_customer(action):
    m = groom_map({"Advocacy": ["Tags the groomer in a photo of the dog", action]})
    assert findings(m) == set()


def test_what_the_business_answers_is_the_customers_to_send():
    m = groom_map(
        {"Consideration": ["Sends photos of the matted coat on WhatsApp"]},
        activities={"Consideration": ["Answer photos sent on WhatsApp with a price"]},
    )
    assert findings(m) == set()


def test_a_pain_about_a_thing_the_business_gives_is_a_pain():
    m = groom_map(
        activities={"Retention": ["Post a print copy of the coat-care plan"]},
        pains={"Retention": ["Print copy arrive with no dog name on it"]},
    )
    assert findings(m, "pain-is-an-idea") == set()


def test_a_pain_that_orders_the_fix_is_still_asked_about():
    m = groom_map(pains={"Retention": ["Print a coat-care plan for every new dog"]})
    assert findings(m, "pain-is-an-idea") == {("improve", "Retention")}


@pytest.mark.parametrize(
    ("action", "activity"),
    [
        # noun phrases: the thing the business activities name, given without a giver
        ("Written coat-care plan sent the same evening", "Vet-style coat-care plan per dog"),
        ("Nail clippers lent for the first week", "Nail clippers on loan for new puppies"),
        # the business's selling move named as a noun
        ("Shampoo bundle upsell at pick-up", "Reply to booking requests within the hour"),
        ("Flea-treatment cross-sell at checkout", "Reply to booking requests within the hour"),
    ],
)
def test_what_the_business_gives_or_sells_named_as_a_noun_is_asked_about(action, activity):
    m = groom_map(
        {"Retention": ["Home brushing routine", action]},
        activities={"Retention": [activity]},
    )
    assert findings(m) == {("improve", "Retention")}


@pytest.mark.parametrize(
    "action",
    [
        "Signed consent form sent back before the groom",  # the customer's own, sent back
        "Priya has her coat-care plan sent to her sister",  # had sent at her asking
        "I sent the coat-care plan to my flatmate",
        "Loyalty stamp card kept in the car",  # nothing given, no selling move
    ],
)
def test_the_customers_own_thing_or_a_modifier_stays_the_customers(action):
    m = groom_map(
        {"Retention": ["Brushes the dog between visits", action]},
        activities={"Retention": ["Vet-style coat-care plan per dog"]},
    )
    assert findings(m) == set()


@pytest.mark.parametrize(
    "touchpoint",
    [
        "Scrolling #doodlegroom on TikTok",
        "checking reviews in the local dog group",
        "Watching puppy-groom reels via Instagram",
    ],
)
def test_an_activity_with_the_channel_it_happens_in_is_an_action(touchpoint):
    m = groom_map(touchpoints={"Awareness": ["Groomer's van", touchpoint]})
    assert findings(m, "touchpoint-is-an-action") == {("fix", "Awareness")}


@pytest.mark.parametrize(
    "touchpoint",
    ["Parking at the salon", "Chatting on WhatsApp", "Booking page on the website"],
)
def test_a_channel_named_with_where_it_is_stays_a_touchpoint(touchpoint):
    m = groom_map(touchpoints={"Awareness": ["Groomer's van", touchpoint]})
    assert findings(m, "touchpoint-is-an-action") == set()


#: The groomer's map spoken to the customer ("You ..."), as a chatty learner writes it.
YOU_ACTIONS = {
    "Awareness": ["You notice a groomer's van outside the vet", "You ask in the dog park"],
    "Consideration": ["You compare two price lists", "You message the salon on WhatsApp"],
    "Purchase": ["You book a full groom for Saturday", "You pay the deposit online"],
    "Retention": ["You brush the dog between visits", "You collect her at four"],
    "Advocacy": ["You tag the salon in a photo", "You pass on the referral card"],
}


def you_map(stage: str, *extra: str, activities: dict[str, list[str]] | None = None):
    """:func:`groom_map` spoken to the customer, with *extra* actions in *stage*."""
    actions = {**YOU_ACTIONS, stage: [*YOU_ACTIONS[stage], *extra]}
    return groom_map(actions, activities=activities)


def test_a_map_spoken_to_the_customer_throughout_is_quiet():
    assert findings(you_map("Retention")) == set()


@pytest.mark.parametrize(
    "action",
    [
        "Slips a spotty bandana into your lead bag",  # the "You" dropped, acting on yours
        "Send you a photo when she is ready",  # a bare order with the customer as its object
        "Trims new puppies' nails free on the first visit",  # what the business does, below
    ],
)
def test_an_action_breaking_the_you_voice_to_act_on_the_customer_is_asked_about(action):
    work = {"Retention": ["Trim new puppies' nails free on the first visit"]}
    assert findings(you_map("Retention", action, activities=work)) == {("improve", "Retention")}


@pytest.mark.parametrize(
    "action",
    [
        "Mo drives you both to the salon",  # a subject of its own: not the map's pattern broken
        "Pick up your lead from the hook",  # the customer's verb, an order to herself
        "Brushing routine every evening",  # a noun phrase, acting on nobody
    ],
)
def test_other_breaks_of_the_you_voice_stay_quiet(action):
    assert findings(you_map("Retention", action)) == set()


def test_a_touchpoint_spoken_to_the_customer_is_an_action():
    m = groom_map(touchpoints={"Consideration": ["You read every review on the salon page"]})
    assert findings(m, "touchpoint-is-an-action") == {("fix", "Consideration")}


@pytest.mark.parametrize("touchpoint", ["At your wits' end", "Beside yourself with worry"])
def test_a_set_phrase_of_feeling_in_the_second_person_is_no_touchpoint(touchpoint):
    m = groom_map(touchpoints={"Awareness": ["Groomer's van", touchpoint]})
    assert findings(m, "wrong-lane") == {("fix", "Awareness")}
