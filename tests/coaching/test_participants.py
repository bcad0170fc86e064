"""Who decides with the persona, read from the persona's description, on wordings of our own.

Each test gives the clean bike-repair map's persona a description and empties the
participants of its purchase stage. The coach should ask who else has a say when the
description shows the purchase is shared (a couple, a minor and the parent who pays, a
sibling, an institution where someone else approves), and stay quiet for a person who
decides alone. Not the benchmark's wordings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk

CLEAN = Path(__file__).resolve().parent / "data" / "clean" / "bike-repair.json"


def asks_who_else(description: str) -> bool:
    bike = jk.load_map(CLEAN)
    bike.set_persona(description=description)
    bike.set_lane("Purchase", "participants", [])
    return any(
        f.rule == "decided-without-others" and f.stage == "Purchase" for f in jk.review(bike)
    )


@pytest.mark.parametrize(
    "description",
    [
        "Half of a newly married couple who share one car and one budget.",
        "A 16-year-old saving for a bike; her dad pays half.",
        "Shares a flat and a tandem with his brother.",
        "Bursar of a village primary; the head teacher and governors approve spending.",
        "Lives with two flatmates who all cook from the same fridge.",
        "Engaged to Kofi; they are furnishing their first flat on one budget.",
        "Treasurer of a village cricket club whose committee votes on any spend.",
        "Keeps the books at an eleven-person print shop that wants its first van.",
        "Sharing a draughty rented flat with two friends from her course.",
        "Looks after his father, who has early dementia, three days a week.",
        "Rents a terraced house with three other students; they split the bills four ways.",
        # second person
        "You run the village shop and need a bike trailer for deliveries.",
        "You live with your two friends from uni and share the bills.",
    ],
)
def test_a_shared_purchase_asks_who_else_has_a_say(description):
    assert asks_who_else(description)


def test_someone_who_decides_alone_is_not_asked():
    assert not asks_who_else("A 34-year-old nurse who rides to her night shifts.")
    assert not asks_who_else("You're a 34-year-old nurse who rides to your night shifts.")


def findings_on(bike: jk.JourneyMap, stage: str) -> list[jk.Finding]:
    return [f for f in jk.review(bike) if f.rule == "decided-without-others" and f.stage == stage]


@pytest.mark.parametrize(
    "people",
    [
        ["Counter assistant"],
        ["The workshop technician", "Sales rep on the phone"],
        ["Sam"],  # the persona alone
        ["Sam himself", "Mechanic on duty"],
    ],
)
def test_a_shared_purchase_with_only_the_business_people_asks_who_else(people):
    bike = jk.load_map(CLEAN)
    bike.set_persona(description="Shares one car and every big purchase with his wife Noor.")
    bike.set_lane("Purchase", "participants", people)
    found = findings_on(bike, "Purchase")
    assert found and found[0].level == "improve"


def test_the_customers_own_people_beside_staff_are_enough():
    bike = jk.load_map(CLEAN)
    bike.set_persona(description="Shares one car and every big purchase with his wife Noor.")
    bike.set_lane("Purchase", "participants", ["Noor", "Counter assistant"])
    assert not findings_on(bike, "Purchase")


def test_someone_alone_served_by_staff_is_not_asked():
    bike = jk.load_map(CLEAN)  # Sam decides alone; the mechanic on duty serves him
    assert not findings_on(bike, "Purchase")


def test_a_workplace_purchase_read_from_the_title_or_the_people():
    by_title = jk.load_map(CLEAN)
    by_title.title = "Spoke & Chain: a bike fleet for a courier firm"
    by_title.set_persona(description="Looks after the vans and bikes; rides to work himself.")
    by_title.set_lane("Purchase", "participants", [])
    assert findings_on(by_title, "Purchase")

    by_people = jk.load_map(CLEAN)
    by_people.set_persona(description="Looks after the vans and bikes; rides to work himself.")
    by_people.set_lane("Consideration", "participants", ["Finance lead", "Reviewers"])
    by_people.set_lane("Purchase", "participants", ["Spoke & Chain fleet desk"])
    assert findings_on(by_people, "Purchase")


@pytest.mark.parametrize(
    ("description", "people", "asked"),
    [
        ("Shares every big purchase with his wife Noor.", ["His audiologist"], True),
        ("Shares every big purchase with his wife Noor.", ["Waiting staff"], True),
        ("Shares every big purchase with his wife Noor.", ["Their neighbour Ola"], False),
        ("Co-owns a courier firm of 9 riders with his sister.", ["Riders who will use it"], False),
        ("Co-owns a courier firm of 9 riders with his sister.", ["Staff who ride them"], False),
        ("Co-owns a courier firm of 9 riders with his sister.", ["The dealer's fitter"], True),
    ],
)
def test_who_serves_and_who_decides_is_read_from_the_role_and_the_journey(
    description, people, asked
):
    bike = jk.load_map(CLEAN)
    bike.set_persona(description=description)
    bike.set_lane("Purchase", "participants", people)
    assert bool(findings_on(bike, "Purchase")) is asked


def test_a_workplace_or_household_read_from_the_people_where_the_choice_is_made():
    by_title = jk.load_map(CLEAN)
    by_title.title = "Spoke & Chain: cargo bikes for a community bakery"
    by_title.set_lane("Purchase", "participants", [])
    assert findings_on(by_title, "Purchase")

    co_founder = jk.load_map(CLEAN)
    co_founder.set_lane("Consideration", "participants", ["Lena, his co-founder"])
    co_founder.set_lane("Purchase", "participants", [])
    assert findings_on(co_founder, "Purchase")

    housemates = jk.load_map(CLEAN)
    housemates.set_lane("Consideration", "participants", ["Housemates Ali and Bea"])
    housemates.set_lane("Purchase", "participants", [])
    assert findings_on(housemates, "Purchase")

    friends = jk.load_map(CLEAN)  # friends who advise are not people who decide with him
    friends.set_lane("Consideration", "participants", ["Friends from the cycling club"])
    friends.set_lane("Purchase", "participants", [])
    assert not findings_on(friends, "Purchase")


# ----- probes of our own for three kinds of mistake (issue 23, round 3) ----------------------


def journey(
    title: str, description: str, lanes: dict[tuple[str, str], list[str] | str]
) -> jk.JourneyMap:
    """The clean bike-repair map moved to another business: a title, a persona, some lanes."""
    other = jk.load_map(CLEAN)
    other.title = title
    other.set_persona(description=description)
    for (stage, lane), value in lanes.items():
        other.set_lane(stage, lane, value)
    return other


def asked_at(journey_map: jk.JourneyMap, stage: str) -> bool:
    return bool(findings_on(journey_map, stage))


# Kind 1: the persona's description mentions family only as whom the purchase is for (a book for
# the grandchildren, lessons to swim with the children); the coach asks who else decides only
# when the map itself names one of the persona's own people where the choice is made.
@pytest.mark.parametrize(
    ("title", "description", "consideration", "asked"),
    [
        (
            "Saddle Up: a tandem for weekend rides",
            "Retired baker who wants a tandem to ride with his grandchildren at weekends.",
            ["Reviewers on the map site"],
            False,
        ),
        (
            "Brightwater Pools: adult swimming lessons",
            "Mother of two who never learned to swim and wants lessons for herself.",
            ["Pool reception"],
            False,
        ),
        (
            "Little Steps: a child seat for a cargo bike",
            "Wants a child seat fitted so she can take her toddler to nursery.",
            ["Reviewers on the map site"],
            False,
        ),
        (
            "Saddle Up: a tandem for weekend rides",
            "Retired baker who wants a tandem to ride with his grandchildren at weekends.",
            ["His daughter Ama, who rides with them", "Reviewers on the map site"],
            True,
        ),
        (
            "Brightwater Pools: family swimming lessons",
            "Mother of two who wants the whole family to swim before a beach holiday.",
            ["The kids", "Pool reception"],
            True,
        ),
        (
            "Little Steps: a child seat for a cargo bike",
            "Wants a child seat fitted so she can take her toddler to nursery.",
            ["Her partner Idris"],
            True,
        ),
    ],
)
def test_family_whom_it_is_for_counts_only_when_the_map_shows_them_deciding(
    title, description, consideration, asked
):
    other = journey(
        title,
        description,
        {("Consideration", "participants"): consideration, ("Purchase", "participants"): []},
    )
    assert asked_at(other, "Purchase") is asked


@pytest.mark.parametrize(
    ("description", "consideration", "asked"),
    [
        (
            "In her eighties and still rides a trike to the market.",
            ["Reviewers on the map site"],
            False,
        ),
        (
            "Uses a wheelchair and wants a handcycle for the park.",
            ["Reviewers on the map site"],
            False,
        ),
        ("In her eighties and still rides a trike to the market.", ["Her son Tariq"], True),
        (
            "Uses a wheelchair; her carer Bea books the repairs.",
            ["Reviewers on the map site"],
            True,
        ),
    ],
)
def test_what_the_persona_is_like_counts_only_when_the_map_shows_others_deciding(
    description, consideration, asked
):
    other = journey(
        "Three Wheels: trike and handcycle repairs",
        description,
        {("Consideration", "participants"): consideration, ("Purchase", "participants"): []},
    )
    assert asked_at(other, "Purchase") is asked


# Kind 2: a stage's own goal or actions have one of the persona's people take part ("goes
# through the quotes with Maureen", "gets the director to approve"), the map's other stages
# list them, yet its participants name only a role nobody would recognise as the customer's.
_BOILER = (
    "Warmline Heating: a new boiler",
    "Retired postman who shares the house and the savings with his wife Maureen.",
)
_PRINTER = (
    "Printwell: a large-format printer for an architecture practice",
    "Office lead who looks after the kit and the suppliers.",
)
_LAPTOP = (
    "Byte Corner: a first laptop",
    "A 15-year-old who wants a laptop for school and games; her mum Grace pays most of it.",
)


@pytest.mark.parametrize(
    ("who", "others", "actions", "people", "asked"),
    [
        (
            _BOILER,
            ["Maureen", "Neighbours who changed theirs"],
            ["Goes through the two quotes with Maureen", "Pays the deposit"],
            ["Survey coordinator"],
            True,
        ),
        (
            _PRINTER,
            ["Practice director", "Two project architects"],
            ["Gets the director to approve the lease", "Signs the lease"],
            ["Leasing coordinator"],
            True,
        ),
        (
            _LAPTOP,
            ["Grace, her mum"],
            ["Picks the model with Grace in the shop", "Grace pays by card"],
            ["Product expert"],
            True,
        ),
        (
            _BOILER,
            ["Maureen", "Neighbours who changed theirs"],
            ["Goes through the two quotes with Maureen", "Pays the deposit"],
            ["Maureen", "Survey coordinator"],
            False,
        ),
        (
            _PRINTER,
            ["Practice director", "Two project architects"],
            ["Gets the director to approve the lease", "Signs the lease"],
            ["Practice director, who approves the lease", "Leasing coordinator"],
            False,
        ),
        (
            _LAPTOP,
            ["Grace, her mum"],
            ["Picks the model in the shop", "Pays with her savings"],
            ["Product expert"],
            False,
        ),
    ],
)
def test_people_the_stage_has_take_part_belong_in_its_participants(
    who, others, actions, people, asked
):
    title, description = who
    other = journey(
        title,
        description,
        {
            ("Consideration", "participants"): others,
            ("Purchase", "actions"): actions,
            ("Purchase", "participants"): people,
        },
    )
    assert asked_at(other, "Purchase") is asked


# Kind 3: after the purchase, a stage's own text has the persona's people share the experience
# (prints for the grandparents, the whole family on the first ride) while nobody is in its
# participants.
@pytest.mark.parametrize(
    ("actions", "people", "asked"),
    [
        (["Orders a second set of prints for the grandparents"], [], True),
        (["Takes her partner Idris on the first ride", "Books the yearly service"], [], True),
        (["Brings the kids back for the free safety check"], [], True),
        (["Comes back for a yearly service", "Collects the bike"], [], False),
        (["Orders a second set of prints for the grandparents"], ["Grandparents"], False),
        (["Takes her partner Idris on the first ride"], ["Idris"], False),
    ],
)
def test_a_later_stage_that_names_the_persona_s_people_lists_them(actions, people, asked):
    other = journey(
        "Little Steps: a child seat for a cargo bike",
        "Wants a child seat fitted so she can take her toddler to nursery with her partner Idris.",
        {
            ("Consideration", "participants"): ["Idris", "Reviewers on the map site"],
            ("Purchase", "participants"): ["Idris"],
            ("Retention", "actions"): actions,
            ("Retention", "participants"): people,
        },
    )
    assert asked_at(other, "Retention") is asked


# Kind 4: a purchase stage of a shared journey names only a role the map itself shows to be the
# business's: named by what the business is ("kitchen planner" at Oakwood Kitchens) or met in
# its touchpoints ("Video call with the design coordinator"); a relative with a trade, or the
# customer's own people beside that role, are not the business's.
@pytest.mark.parametrize(
    ("title", "touchpoints", "people", "asked"),
    [
        ("Oakwood Kitchens: a new kitchen", [], ["kitchen planner"], True),
        ("Harbour Lights Marina: a season's mooring", [], ["berthing officer at the marina"], True),
        (
            "Northlight: a garden room",
            ["Video call with the design coordinator"],
            ["design coordinator"],
            True,
        ),
        ("Oakwood Kitchens: a new kitchen", [], ["Kwame", "kitchen planner"], False),
        ("Oakwood Kitchens: a new kitchen", [], ["Her brother Kojo, a kitchen designer"], False),
        (
            "Northlight: a garden room",
            ["Video call with the design coordinator"],
            ["Kwame, who checks the budget", "design coordinator"],
            False,
        ),
    ],
)
def test_a_role_the_map_shows_to_be_the_business_s_is_not_the_customer_s(
    title, touchpoints, people, asked
):
    other = journey(
        title,
        "Shares the house and every big bill with her husband Kwame.",
        {
            ("Consideration", "participants"): ["Kwame", "Reviewers on the map site"],
            ("Consideration", "touchpoints"): touchpoints or ["Showroom"],
            ("Purchase", "participants"): people,
        },
    )
    assert asked_at(other, "Purchase") is asked


# Kind 5: the description gives no cue, but the map's own voice where the choice is made says
# "we" ("a shop we both trust", "agree together") and names one of the persona's own people
# there, as the map's text does ("with Aiden"): the choice is shared. "We" alone, or a name
# alone, is not enough.
@pytest.mark.parametrize(
    ("goal", "action", "people", "asked"),
    [
        (
            "Find a shop we both trust with the bike",
            "Reads the price list with Aiden",
            ["Aiden", "Reviewers on the map site"],
            True,
        ),
        (
            "Agree together on a repair we can afford",
            "Asks Dev what he would pay",
            ["Her mate Dev"],
            True,
        ),
        (
            "Pick a service plan that suits both of us",
            "Goes through the plans with Wren",
            ["Wren", "Reviewers on the map site"],
            True,
        ),
        (
            "Find a shop that will not keep the bike for a week",
            "Reads the price list with Aiden",
            ["Aiden"],
            False,
        ),
        (
            "Find a shop we both trust with the bike",
            "Checks the Reviewers' ratings on the map site",
            ["Reviewers on the map site"],
            False,
        ),
        (
            "Pick the nearest shop our office recommends",
            "Asks the Colleague who rides to work",
            ["Colleague who rides to work"],
            False,
        ),
    ],
)
def test_the_map_s_own_we_with_a_named_person_is_a_shared_choice(goal, action, people, asked):
    other = journey(
        "Spoke & Chain: getting a commuter bike fixed",
        "Moved to the city last spring and cycles to the hospital for early shifts.",
        {
            ("Consideration", "goal"): goal,
            ("Consideration", "participants"): people,
            ("Consideration", "actions"): [action],
            ("Purchase", "participants"): [],
        },
    )
    assert asked_at(other, "Purchase") is asked


# ----- probes of our own for three more kinds of mistake (issue 23, round 4) -----------------


# Kind 6: a persona who decides alone, whose description names a relative only by something of
# theirs ("his nephew's christening") or whose map names a relative only where they first hear
# of the business (a stage of noticing), is not asked who else has a say; one whose description
# or whose stages where the choice is made name a relative who takes part still is.
@pytest.mark.parametrize(
    ("description", "awareness", "consideration", "asked"),
    [
        (
            "Plasterer who wants his late father's toolbox restored for his nephew's christening.",
            ["Reviewers on the map site"],
            ["Reviewers on the map site"],
            False,
        ),
        (
            "i am nurse, i want fix my daughter's old bike for her birthday",
            ["Reviewers on the map site"],
            ["Reviewers on the map site"],
            False,
        ),
        (
            "Retired welder who cycles to the allotment every day.",
            ["His brother Mirek, who saw the shop first"],
            ["Reviewers on the map site"],
            False,
        ),
        (
            "Restoring his late father's toolbox with his brother Mirek, who pays half.",
            ["Reviewers on the map site"],
            ["Reviewers on the map site"],
            True,
        ),
        (
            "Retired welder who cycles to the allotment every day.",
            ["Reviewers on the map site"],
            ["His brother Mirek, who pays half"],
            True,
        ),
    ],
)
def test_a_relative_named_by_their_occasion_or_only_where_noticed_is_no_co_decider(
    description, awareness, consideration, asked
):
    other = journey(
        "Spoke & Chain: an old bike made good",
        description,
        {
            ("Awareness", "participants"): awareness,
            ("Consideration", "participants"): consideration,
            ("Purchase", "participants"): ["Counter assistant"],
        },
    )
    assert asked_at(other, "Purchase") is asked


# Kind 7: the business's own name in the possessive ("Kestrel's solutions architect") names the
# business's people, whatever the role is called, not the customer's.
@pytest.mark.parametrize(
    ("title", "description", "people", "asked"),
    [
        (
            "Fernhill Glazing: new windows for a terrace",
            "Shares the house and every big bill with her wife Dana.",
            ["Fernhill's surveyor", "Fernhill's office"],
            True,
        ),
        (
            "Kestrel IT: managed backup for a law firm",
            "Office manager at a 12-person law firm; the senior partner signs any contract.",
            ["Kestrel's solutions architect", "Kestrel’s project lead"],
            True,
        ),
        (
            "Fernhill Glazing: new windows for a terrace",
            "Shares the house and every big bill with her wife Dana.",
            ["Dana", "Fernhill's surveyor"],
            False,
        ),
        (
            "Kestrel IT: managed backup for a law firm",
            "Office manager at a 12-person law firm; the senior partner signs any contract.",
            ["Kestrel's solutions architect", "Our senior partner, who signs"],
            False,
        ),
    ],
)
def test_the_business_s_name_in_the_possessive_names_the_business_s_people(
    title, description, people, asked
):
    other = journey(title, description, {("Purchase", "participants"): people})
    assert asked_at(other, "Purchase") is asked


# Kind 8: an entry that gives a person's name, then their role ("Priti, the club secretary"),
# names one of the customer's own people unless the role is the business's.
@pytest.mark.parametrize(
    ("people", "asked"),
    [
        (["Priti, the club secretary"], False),
        (["Ola, our treasurer", "Counter assistant"], False),
        (["Tomasz, the supplier's rep"], True),
    ],
)
def test_a_named_person_with_their_role_is_one_of_the_customer_s_own(people, asked):
    other = journey(
        "Oarsome: new oars for a rowing club",
        "Runs the kit store of a rowing club; its committee signs off any spending.",
        {
            ("Consideration", "participants"): ["The committee chair"],
            ("Purchase", "actions"): ["Gets the committee's yes on the quote", "Orders the oars"],
            ("Purchase", "participants"): people,
        },
    )
    assert asked_at(other, "Purchase") is asked


# Kind 5 (round 5): a stage where the choice is not made, said jointly ("for two", "together",
# "you both", "couples plan") or naming the persona's people, lists only roles (the business's
# people, or a role nobody on the map owns), leaving out who shares it with the persona. A
# named person or another customer in the participants, a persona who decides alone, or "a
# couple of" weeks is no such stage. Our own wordings: terse, second person, noun phrases,
# second language.
@pytest.mark.parametrize(
    ("actions", "people", "asked"),
    [
        (
            ["we ride the tandem sundays", "yearly service booked for 2"],
            ["Workshop mechanic"],
            True,
        ),
        (["You both come back for the spring tune-up"], ["Service desk"], True),
        (["Couples plan renewal", "Joint service slot"], ["Account manager"], True),
        (["Is coming back with the wife for service of both bikes"], ["Mechanic"], True),
        (["Comes back a couple of weeks later for a check"], ["Mechanic"], False),
        (["Comes back for the yearly service"], ["Workshop mechanic"], False),
        (["we ride the tandem sundays"], ["Workshop mechanic", "Ola"], False),
        (["we ride the tandem sundays"], ["Other tandem club riders"], False),
    ],
)
def test_a_later_stage_done_together_lists_more_than_the_business(actions, people, asked):
    other = journey(
        "Two Wheels Tandems: a tandem for weekends",
        "Nurse who wants a tandem she can ride with her partner Ola at weekends.",
        {
            ("Consideration", "participants"): ["Ola", "Tandem club forum"],
            ("Purchase", "participants"): ["Ola"],
            ("Retention", "actions"): actions,
            ("Retention", "participants"): people,
        },
    )
    assert asked_at(other, "Retention") is asked


def test_a_later_stage_said_together_is_not_asked_of_someone_who_decides_alone():
    alone = journey(
        "Two Wheels Tandems: a bike for commuting",
        "Nurse who rides to her night shifts.",
        {
            ("Retention", "actions"): ["Rides together with the club on Sundays"],
            ("Retention", "participants"): ["Workshop mechanic"],
        },
    )
    assert not asked_at(alone, "Retention")


# A person named only by a name whom the map meets at one of its touchpoints ("Jo at the
# workshop counter") is the business's, like a role; a relative named only by something of
# theirs ("her dad's old bike") or a time "for two weeks" is nobody taking part.
@pytest.mark.parametrize(
    ("actions", "people", "asked"),
    [
        (["Brings her dad to collect the bike from Jo"], ["Jo"], True),
        (["Brings her dad to collect the bike from Jo"], ["Jo", "Her dad"], False),
        (["Has Jo fix up her dad's old bike"], ["Jo"], False),
        (["Rides it every day for two weeks"], ["Jo"], False),
    ],
)
def test_a_name_met_at_a_touchpoint_is_the_business_s(actions, people, asked):
    other = journey(
        "Two Wheels Tandems: a tandem for weekends",
        "Nurse who wants a tandem she can ride with her partner Ola at weekends.",
        {
            ("Consideration", "participants"): ["Ola", "Tandem club forum"],
            ("Purchase", "participants"): ["Ola"],
            ("Purchase", "touchpoints"): ["Jo at the workshop counter"],
            ("Retention", "actions"): actions,
            ("Retention", "participants"): people,
        },
    )
    assert asked_at(other, "Retention") is asked
