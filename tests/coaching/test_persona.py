"""The persona read as a noun phrase: a group named by its head noun is still a group.

Wordings not in the coach's benchmark set: each is put on the clean bike-repair map as
the persona's name, and the review must say whether it is one person. Also: a market of
organisations ("Rural primary schools"), a label whose last word is a plural (asked), an
occupation with no one's name ("Self-employed electrician"), and a description that says it
stands for many people.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk

CLEAN = Path(__file__).resolve().parent / "data" / "clean" / "bike-repair.json"


def persona_rules(name: str | None = None, **persona: str) -> set[tuple[str, str]]:
    """The persona findings on the clean bike map with its persona changed as given."""
    bike = jk.load_map(CLEAN)
    bike.set_persona(**({"name": name} if name is not None else {}), **persona)
    return {(f.rule, f.level) for f in jk.review(bike) if f.lane == "persona"}


@pytest.mark.parametrize(
    "name",
    [
        "Commuters who ride all year",
        "Students new to the city",
        "Couples planning a wedding",
        "Parents of toddlers",
        "Young kids",
    ],
)
def test_a_group_narrowed_by_a_phrase_is_still_a_group(name):
    assert ("persona-is-a-market", "fix") in persona_rules(name)


@pytest.mark.parametrize("name", ["Sam", "Sam and the kids", "Dr Amira Haddad"])
def test_a_person_is_not_read_as_a_group(name):
    assert persona_rules(name) == {("persona-is-a-person", "praise")}


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("Independent veterinary practices", ("persona-is-a-market", "fix")),
        ("Rural primary schools", ("persona-is-a-market", "fix")),
        ("Keen allotment growers", ("persona-is-a-market", "improve")),
        ("The Lindqvist household", ("persona-is-a-market", "improve")),
        ("Newly retired couple", ("persona-is-a-market", "improve")),
        ("Self-employed electrician", ("persona-is-a-job-title", "fix")),
        ("Retired headteacher", ("persona-is-a-job-title", "fix")),
        ("Physiotherapist", ("persona-is-a-job-title", "fix")),
    ],
)
def test_an_organisation_type_a_plural_label_or_a_bare_occupation_is_not_a_person(name, rule):
    assert rule in persona_rules(name)


@pytest.mark.parametrize(
    "name",
    [
        "Charles Hughes",
        "Heather",
        "Sam the baker",
        "Agnes",
        "Ana de Souza",
        "Mrs Evans",
        "Sam and family",
    ],
)
def test_a_name_that_ends_like_a_plural_or_an_occupation_is_still_a_person(name):
    assert persona_rules(name) == {("persona-is-a-person", "praise")}


@pytest.mark.parametrize(
    "description",
    [
        "Stands for the part-time nurses who ride to the hospital",
        "Represents small landlords with one or two flats in the city",
        "Typical of the commuting cyclists we surveyed in spring",
    ],
)
def test_a_description_that_says_it_stands_for_many_is_a_segment(description):
    assert ("persona-is-a-market", "fix") in persona_rules(description=description)


@pytest.mark.parametrize(
    "description",
    [
        "Represents his street on the residents' committee and rides to work",
        "Typical of her, she books the service the night before",
        "Rides eight kilometres to work and looks after two allotments",
    ],
)
def test_a_description_of_one_person_who_represents_others_is_not(description):
    assert ("persona-is-a-person", "praise") in persona_rules(description=description)


@pytest.mark.parametrize(
    "description",
    [
        "Orchestral string player, conservatoire-trained, 20-30",
        "Self-employed plumber in the north of the county, 35 to 50.",
        "Night-shift nurses, 25-40; rent in the city centre",
    ],
)
def test_an_age_band_in_the_description_reads_as_a_segment(description):
    # one person has an age, a segment has a band of them
    assert {rule for rule, _ in persona_rules(description=description)} == {"persona-is-a-market"}


@pytest.mark.parametrize(
    "description",
    [
        "Rides a 20-30 km loop before work, 41, two children",
        "Pays £20-30 a month for her phone and hates surprises",
        "A 34-year-old vet who works 8-6 and rides to the clinic",
    ],
)
def test_a_single_age_or_another_range_is_not(description):
    assert ("persona-is-a-person", "praise") in persona_rules(description=description)


def titled_rules(name: str, description: str) -> set[tuple[str, str]]:
    bike = jk.load_map(CLEAN)
    bike.set_persona(name=name, description=description)
    return {(f.rule, f.level) for f in jk.review(bike) if f.lane == "persona"}


@pytest.mark.parametrize(
    ("name", "description"),
    [
        ("Marek, head brewer", "Brewing lead at an independent brewery, cask and keg"),
        ("Joy - practice manager", "Practice manager at a dental surgery; budget holder"),
        ("Lena, freelance illustrator", "Illustrator for children's books, self-taught"),
    ],
)
def test_a_name_on_a_job_title_described_as_the_role_is_asked_about(name, description):
    assert titled_rules(name, description) == {("persona-is-a-job-title", "improve")}


@pytest.mark.parametrize(
    ("name", "description"),
    [
        ("Marek, head brewer", "Brews on a ten-barrel kit and hates paperwork"),
        ("Joy - practice manager", "Runs a dental surgery's front desk and lives nearby"),
        ("Lena", "Illustrator for children's books, self-taught"),
    ],
)
def test_a_name_on_a_job_title_with_a_person_described_is_not(name, description):
    assert ("persona-is-a-job-title", "improve") not in titled_rules(name, description)


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        # A plural of people without an "s", and a job title in the plural, are groups.
        ("Self-employed tradesmen", ("persona-is-a-market", "improve")),
        ("Local businesswomen", ("persona-is-a-market", "improve")),
        ("Heads of year at secondary schools", ("persona-is-a-market", "fix")),
        ("Finance directors", ("persona-is-a-market", "fix")),
        ("Practice leads", ("persona-is-a-market", "fix")),
    ],
)
def test_an_irregular_plural_or_a_plural_job_title_is_not_a_person(name, rule):
    assert rule in persona_rules(name)


@pytest.mark.parametrize(
    "name",
    ["Head of year", "Anna, finance director", "Ruth Headman", "Carmen", "Simon Heads"],
)
def test_a_single_title_or_a_name_like_a_plural_is_still_one_person(name):
    assert ("persona-is-a-market", "fix") not in persona_rules(name)


@pytest.mark.parametrize(
    "description",
    [
        "Adults between 25 and 40 who commute by bike, mostly men",
        "Sole traders in the delivery trade, approx 40k of them in the region",
        "Senior ward nurses at city hospitals, typically women in their forties",
    ],
)
def test_a_description_of_many_people_is_a_segment(description):
    assert ("persona-is-a-market", "fix") in persona_rules(description=description)


@pytest.mark.parametrize(
    "description",
    [
        "Leads the night team at the depot and rides in between 10 and 20 km a day",
        "Rides between 30 and 45 minutes each way; 38, works in a bakery",
        "Has written 60,000 words about her father's shop and rides to the archive",
    ],
)
def test_one_persons_description_with_numbers_or_a_verb_like_a_title_is_not(description):
    assert ("persona-is-a-person", "praise") in persona_rules(description=description)


@pytest.mark.parametrize(
    ("name", "description"),
    [
        ("Tutors", "Home tutors in the valley, most of them retired teachers - a niche we serve"),
        ("Florists", "small florists. weddings mostly. 2-3 staff. all florists hate invoicing"),
        ("Caterers", "wedding caterers of our city, many are small, they need van on weekends"),
    ],
)
def test_a_one_word_name_the_description_uses_for_people_is_asked_about(name, description):
    assert ("persona-is-a-market", "improve") in persona_rules(name, description=description)


@pytest.mark.parametrize(
    ("name", "description"),
    [
        ("Rogers", "Retired postman who rides to the allotment; friends call him Rogers."),
        ("Sanders", "Retired joiner; I still do a bit of work for other joiners."),
        ("Miles", "Rides 12 miles to the hospital for night shifts."),
    ],
)
def test_a_surname_or_a_name_with_a_plural_ending_is_still_a_person(name, description):
    assert persona_rules(name, description=description) == {("persona-is-a-person", "praise")}


@pytest.mark.parametrize(
    ("name", "description"),
    [
        ("Dinner lady", "Works as dinner lady at the village school, saves for a caravan."),
        ("Cleaner", "You clean offices from 5am as a cleaner, then pick up the kids."),
        ("Farm hand", "farm hand on a dairy farm, lambing in spring, no car, phone only"),
    ],
)
def test_a_name_the_description_uses_for_the_role_is_asked_about(name, description):
    assert ("persona-is-a-job-title", "improve") in persona_rules(name, description=description)


@pytest.mark.parametrize(
    ("name", "description"),
    [
        ("Rosa Baker", "Works as a baker in the old town and rides to every early shift."),
        ("Cleo", "Works as dinner lady at the village school, saves for a caravan."),
        ("Dinner lady", "Serves lunches at the village school and saves for a caravan."),
    ],
)
def test_a_name_the_description_does_not_use_for_a_role_is_not(name, description):
    assert ("persona-is-a-job-title", "improve") not in persona_rules(name, description=description)
