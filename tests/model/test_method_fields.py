"""The method's second half in the model: evidence and priorities on items, optional
blueprint lanes, the current or future state, and the format version they need.

A map that uses none of them is saved exactly as before (format 1, no new keys), so
every older kit still reads it; a map that uses one is saved as format 2, which an
older kit refuses with a request to update itself instead of calling the new keys
mistakes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.catalogue import EVIDENCE, field
from journeykit.model import Item, datasets_dir, migrations


def saved(m: jk.JourneyMap, path: Path) -> dict:
    return json.loads(m.save(path).read_text("utf-8"))


def test_a_map_using_nothing_new_is_saved_as_before(tmp_path):
    m = jk.example("clothing-store")
    data = saved(m, tmp_path / "shop.json")
    assert data["schema_version"] == 1
    assert "state" not in data and "based_on" not in data
    assert all("frontstage_actions" not in stage for stage in data["stages"])
    original = json.loads((datasets_dir() / "clothing-store.json").read_text("utf-8"))
    assert data == original


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.set_item("Awareness", "touchpoints", 0, evidence="survey"),
        lambda m: m.set_item("Decision", "opportunities", 0, impact=3),
        lambda m: m.set_lane("Decision", "backstage_actions", ["Packs the order"]),
        lambda m: m.set_field(jk.FieldPath(None, "state"), "current"),
    ],
    ids=["evidence", "impact", "blueprint-lane", "state"],
)
def test_a_map_using_a_field_of_format_2_is_saved_as_format_2(tmp_path, change, monkeypatch):
    m = jk.example("clothing-store")
    change(m)
    data = saved(m, tmp_path / "shop.json")
    assert data["schema_version"] == 2
    assert jk.load_map(tmp_path / "shop.json") == m
    # a kit that reads format 1 only asks to be updated, naming the version
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    with pytest.raises(jk.JourneyMapError) as err:
        jk.load_map(tmp_path / "shop.json")
    [problem] = err.value.problems
    assert problem.where == "schema_version" and "newer JourneyKit (format 2)" in problem.message
    assert "upgrade" in problem.fix


def test_a_blueprint_lane_is_saved_only_where_it_is_used_and_is_never_a_gap(tmp_path):
    m = jk.example("clothing-store")
    gaps = m.gaps()
    m.set_lane("Decision", "frontstage_actions", "Chat agent answers\nSends the order email")
    data = saved(m, tmp_path / "shop.json")
    assert data["stages"][2]["frontstage_actions"] == [
        "Chat agent answers",
        "Sends the order email",
    ]
    assert "frontstage_actions" not in data["stages"][1], "empty: left out"
    assert m.gaps() == gaps == []
    assert jk.load_map(tmp_path / "shop.json").stage("Decision").frontstage_actions == [
        "Chat agent answers",
        "Sends the order email",
    ]
    m.set_lane("Decision", "frontstage_actions", [])
    assert saved(m, tmp_path / "shop.json")["schema_version"] == 1


def test_set_item_sets_and_clears_one_attribute_at_a_time():
    m = jk.example("clothing-store")
    m.set_item("Consideration", "pain_points", "Unsure which size to order", evidence="interview")
    m.set_item("Consideration", "pain_points", 0, source="Interviews 1-4")
    [first, second] = m.stage("Consideration").pain_points
    assert first.attributes == {"evidence": "interview", "source": "Interviews 1-4"}
    assert type(second) is str
    m.set_item("Consideration", "pain_points", 0, evidence=None)
    assert m.stage("Consideration").pain_points[0].attributes == {"source": "Interviews 1-4"}
    m.set_item("Consideration", "pain_points", 0, source="")
    assert type(m.stage("Consideration").pain_points[0]) is str, "no attribute left: plain text"
    # retyping the lane keeps what set_item set
    m.set_item("Consideration", "pain_points", 1, evidence="assumption")
    m.set_lane("Consideration", "pain_points", "\n".join(reversed(m.stage(1).pain_points)))
    assert m.stage(1).pain_points[0].attributes == {"evidence": "assumption"}


@pytest.mark.parametrize(
    ("lane", "item", "attributes", "where", "says"),
    [
        ("pain_points", 0, {"evidence": "rumour"}, "pain_points[0].evidence", "interview"),
        ("pain_points", 0, {"impact": 3}, "pain_points[0].impact", "evidence"),
        ("opportunities", 0, {"impact": 7}, "opportunities[0].impact", "1 (low) to 4 (high)"),
        ("opportunities", 0, {"effort": "big"}, "opportunities[0].effort", "whole number"),
        ("pain_points", 5, {"evidence": "survey"}, "pain_points", "position from 0 to 1"),
        ("goal", 0, {"evidence": "survey"}, "goal", "lane of items"),
    ],
)
def test_set_item_refuses_what_does_not_fit_naming_the_place_and_the_fix(
    lane, item, attributes, where, says
):
    m = jk.example("clothing-store")
    before = m.to_dict()
    with pytest.raises(jk.JourneyMapError) as err:
        m.set_item("Consideration", lane, item, **attributes)
    [problem] = err.value.problems
    assert problem.where == f"stages[1].{where}"
    assert says in str(problem)
    assert m.to_dict() == before


def test_every_kind_of_evidence_and_each_scale_point_is_accepted_and_kept(tmp_path):
    m = jk.example("clothing-store")
    touchpoints = [Item(f"Touchpoint {i}", evidence=kind) for i, kind in enumerate(EVIDENCE)]
    m.set_lane("Awareness", "touchpoints", touchpoints)
    scale = field("item.impact").scale
    ideas = [Item(f"Idea {i}", impact=i, effort=5 - i, owner=f"Team {i}") for i in sorted(scale)]
    m.set_lane("Awareness", "opportunities", ideas)
    back = jk.load_map(m.save(tmp_path / "shop.json"))
    assert back == m
    assert [t.attributes["evidence"] for t in back.stage(0).touchpoints] == list(EVIDENCE)
    assert [o.attributes["impact"] for o in back.stage(0).opportunities] == [1, 2, 3, 4]


def test_future_state_is_a_linked_copy_saved_as_its_own_file(tmp_path):
    folder = tmp_path / "maps"
    folder.mkdir()
    today = jk.example("clothing-store")
    today.save(folder / "shop.json")
    future = today.future_state(tmp_path / "plans" / "shop-future.json")
    assert future.state == "future" and today.state == ""
    assert future.based_on == "../maps/shop.json", "relative to the future map's folder"
    assert future.stages == today.stages and future.title.endswith("(future state)")
    data = json.loads((tmp_path / "plans" / "shop-future.json").read_text("utf-8"))
    assert data["state"] == "future" and data["based_on"] == "../maps/shop.json"
    assert list(data)[-3:] == ["notes", "state", "based_on"], "after the map's notes"
    assert (tmp_path / "plans" / data["based_on"]).resolve() == (folder / "shop.json").resolve()
    assert jk.load_map(folder / "shop.json") == today, "the current map is untouched"
    # a map never saved is named by its title; a future of the current map's own file: refused
    assert jk.JourneyMap.new("five-stage", title="Shop").future_state().based_on == "Shop"
    # a shipped example is named by the call that loads it, never by a path into the kit
    linked = jk.example("clothing-store").future_state(tmp_path / "plans" / "x.json").based_on
    assert linked == 'jk.example("clothing-store")'
    with pytest.raises(jk.JourneyMapError, match="own file"):
        today.future_state(folder / "shop.json")
    assert jk.load_map(folder / "shop.json") == today
