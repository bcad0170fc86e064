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
    ],
)
def test_a_shared_purchase_asks_who_else_has_a_say(description):
    assert asks_who_else(description)


def test_someone_who_decides_alone_is_not_asked():
    assert not asks_who_else("A 34-year-old nurse who rides to her night shifts.")


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
