"""The persona read as a noun phrase: a group named by its head noun is still a group.

Wordings not in the coach's benchmark set: each is put on the clean bike-repair map as
the persona's name, and the review must say whether it is one person.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk

CLEAN = Path(__file__).resolve().parent / "data" / "clean" / "bike-repair.json"


def persona_rules(name: str) -> set[tuple[str, str]]:
    bike = jk.load_map(CLEAN)
    bike.set_persona(name=name)
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
