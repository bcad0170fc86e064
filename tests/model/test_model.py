"""The journey-map model: blank maps, the worked example, lanes and the tidy table."""

from __future__ import annotations

import pytest

import journeykit as jk
from journeykit.catalogue import LANES


@pytest.mark.parametrize(
    "framework_id", ["six-stage", "five-stage", "five-stage-decision", "eight-stage"]
)
def test_new_map_has_one_blank_stage_per_framework_stage(framework_id):
    m = jk.JourneyMap.new(framework_id, title="Test", persona=jk.Persona("Sam"))
    assert m.stage_names == jk.get_framework(framework_id).stage_names
    assert all(stage.is_blank() for stage in m.stages)
    assert m.problems() == []
    assert len(m.gaps()) == len(m.stages) * len([spec for spec in LANES if not spec.optional])


def test_map_has_every_lane_of_the_mapping_method():
    keys = [lane.key for lane in jk.LANES]
    assert keys == [
        "goal",
        "actions",
        "touchpoints",
        "emotion_score",
        "emotion_words",
        "pain_points",
        "business_activities",
        "messages",
        "participants",
        "information_needs",
        "opportunities",
        "kpis",
        "frontstage_actions",
        "backstage_actions",
        "support_processes",
    ]
    assert [lane.key for lane in jk.LANES if lane.optional] == keys[-3:], "the blueprint's"
    assert all(len(lane.help.split()) >= 6 for lane in jk.LANES)


def test_clothing_store_example_carries_the_source_example():
    m = jk.example("clothing-store")
    assert m.framework == "five-stage-decision"
    assert m.problems() == []
    assert not m.gaps(), "the worked example fills every lane"
    assert "Facebook ad" in m.stage("Awareness").touchpoints
    assert "Customer service chat" in m.stage("Decision").touchpoints
    assert "Referral program" in m.stage("Advocacy").touchpoints
    assert "Offer discount codes" in m.stage("Decision").business_activities
    framework = jk.get_framework("five-stage-decision")
    for stage in m.stages:
        assert set(stage.emotion_words) <= set(framework.stage(stage.name).emotions)


def test_example_returns_an_independent_copy_each_time():
    first = jk.example("clothing-store")
    first.set_lane("Awareness", "touchpoints", ["Billboard"])
    assert jk.example("clothing-store").stage("Awareness").touchpoints != ["Billboard"]


def test_unknown_example_lists_the_names():
    with pytest.raises(jk.JourneyMapError, match="clothing-store"):
        jk.example("bakery")


def test_set_lane_accepts_one_item_per_line_and_tells_observers():
    m = jk.JourneyMap.new("eight-stage")
    seen = []
    m.observe(seen.append)  # each change as a FieldPath, equal to its (stage, key) pair
    m.set_lane("convert", "touchpoints", "Trial page\n\n  Checkout  \n")
    assert m.stage("Convert").touchpoints == ["Trial page", "Checkout"]
    assert seen == [("Convert", "touchpoints")]
    m.set_lane("Convert", "touchpoints", ["Trial page", "Checkout"])
    assert seen == [("Convert", "touchpoints")], "an unchanged value is not a change"


@pytest.mark.parametrize(
    ("stage", "key", "value", "where"),
    [
        ("Convert", "emotion_score", 6, "stages[3].emotion.score"),
        ("Convert", "emotion_score", 2.5, "stages[3].emotion.score"),
        ("Convert", "emotion_score", True, "stages[3].emotion.score"),
        ("Convert", "goal", ["not", "text"], "stages[3].goal"),
        ("Convert", "touchpoints", [1, "ok"], "stages[3].touchpoints[0]"),
        ("Checkout", "touchpoints", ["x"], "stage"),
        ("Convert", "toucpoints", ["x"], "lane"),
    ],
)
def test_bad_values_are_refused_with_where_and_how_to_fix(stage, key, value, where):
    m = jk.JourneyMap.new("eight-stage")
    before = m.to_dict()
    with pytest.raises(jk.JourneyMapError) as info:
        m.set_lane(stage, key, value)
    assert info.value.problems[0].where == where
    assert info.value.problems[0].fix
    assert m.to_dict() == before, "a refused change leaves the map as it was"


def test_set_persona_and_title_are_checked_too():
    m = jk.JourneyMap.new("five-stage")
    m.set_persona(name="Maya", goals="Look good\nSpend little")
    m.set_title("Corner shop")
    assert m.persona.goals == ["Look good", "Spend little"]
    assert m.title == "Corner shop"
    with pytest.raises(jk.JourneyMapError, match=r"persona\.age"):
        m.set_persona(age=30)


def test_to_frame_is_tidy_and_keeps_journey_order():
    m = jk.example("clothing-store")
    table = m.to_frame()
    assert list(table.columns) == ["stage", "lane", "item"]
    assert list(table.stage.cat.categories) == m.stage_names
    assert table.stage.cat.ordered
    shuffled = table.sample(frac=1, random_state=0).sort_values(["stage", "lane"])
    assert shuffled.stage.drop_duplicates().tolist() == m.stage_names
    counted = table.groupby(["stage", "lane"], observed=True).size()
    for stage in m.stages:
        assert counted[(stage.name, "touchpoints")] == len(stage.touchpoints)
        assert counted[(stage.name, "emotion_score")] == 1


def test_frame_round_trip_rebuilds_the_same_map():

    m = jk.example("clothing-store")
    back = jk.JourneyMap.from_frame(m.to_frame(), m.framework, m.title, m.persona)
    assert back.stages == m.stages


def test_repr_says_what_the_map_is():
    m = jk.example("clothing-store")
    assert repr(m) == (
        "JourneyMap('five-stage-decision', title='Online clothing store: "
        "a summer outfit', persona='Maya', 5/5 stages filled in)"
    )


def test_overlong_text_is_refused_before_the_map_changes():
    m = jk.JourneyMap.new("five-stage")
    with pytest.raises(jk.JourneyMapError) as info:
        m.set_lane("Purchase", "pain_points", ["ok", "x" * 5000])
    assert info.value.problems[0].where == "stages[2].pain_points[1]"
    assert m.stage("Purchase").pain_points == []
