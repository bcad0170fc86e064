"""Answers as plain data: what a graded test judges instead of the learner's own objects."""

from __future__ import annotations

import json
from pathlib import Path

import plotly.graph_objects as go

import journeykit as jk
from journeykit.exercises import ____, ex02
from journeykit.grading.plain import MAX_ITEMS, from_plain, to_plain
from journeykit.grading.testcell import Call, mark


def round_trip(value):
    return from_plain(json.loads(json.dumps(to_plain(value))))


def test_plain_values_come_back_equal_and_json_ready():
    value = {"Awareness": ["Ad", 3, 2.5, None, True], (1, 2): {"x"}, "t": ("a", "b")}
    assert round_trip(value) == value
    assert round_trip(____) is ____
    assert round_trip(Path("my_maps/x.json")) == Path("my_maps/x.json")


def test_a_journey_map_comes_back_as_a_fresh_map_with_the_same_content():
    shop = jk.example("clothing-store")
    back = round_trip(shop)
    assert isinstance(back, jk.JourneyMap) and back is not shop
    assert back.to_dict() == shop.to_dict()


def test_a_figure_comes_back_as_a_plotly_figure():
    fig = go.Figure(go.Bar(x=["a"], y=[1], name="measured text"))
    back = round_trip(fig)
    assert type(back).__name__ == "Figure" and back.data[0].name == "measured text"


class AlwaysEqual(list):
    def __eq__(self, other):
        return True

    def __iter__(self):
        return iter(["Discover", "Investigate", "Engage", "Purchase", "Re-purchase", "Advocate"])


class SneakyText(str):
    def casefold(self):
        return "investigate"

    def __str__(self):
        return "Investigate"


def test_objects_that_lie_about_themselves_are_judged_by_their_content():
    """A list claiming to equal anything, or iterating over the right answer; a string
    whose methods are patched: the copy reads them with the built-in types' own methods."""
    liar = AlwaysEqual(["Advocate"])
    assert to_plain(liar) == ["Advocate"]
    verdict = mark(Call("ex02", "q1", 1), {"stage_order": to_plain(liar)})
    assert not verdict.passed
    sneaky = SneakyText("Discover")
    assert to_plain(sneaky) == "Discover"
    assert not mark(Call("ex02", "q3", 1), {"shortlist_stage": to_plain(sneaky)}).passed
    assert ex02.q3.evaluate(sneaky).correct  # the check itself, handed the object, is fooled


def test_anything_else_is_recorded_by_its_type_and_huge_answers_are_capped():
    class Gadget:
        pass

    back = round_trip(Gadget())
    assert type(back).__name__ == "Gadget"
    feedback = mark(Call("ex04", "q2", 1), {"touchpoint_stage": to_plain(Gadget())}).shown
    assert "dictionary" in feedback.text()
    huge = list(range(MAX_ITEMS * 2))
    assert "too large" in json.dumps(to_plain(huge))
    assert mark(Call("ex04", "q1", 1), {"lanes": to_plain(huge)}).passed is False
