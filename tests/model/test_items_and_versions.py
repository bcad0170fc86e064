"""List items with attributes, and old saved maps: the format's room to grow.

The schema may give the items of list fields attributes (where an item comes
from, how much an opportunity is worth); a saved item is then plain text or an
object. Old files keep loading: every shipped map and test map, and a file of an
older format version passed through its migration steps.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.catalogue import FieldSpec, extended
from journeykit.model import Item, migrations
from journeykit.model.merging import merge_saved

ROOT = Path(__file__).resolve().parents[2]
#: JSON files under tests' data that are not maps: the coach's labelled flaws, each a
#: change to one of the sound maps beside them (tests/coaching/data/bench/README.md).
NOT_MAPS = {"flaws.json"}
SAVED_MAPS = sorted(
    [
        *ROOT.joinpath("datasets").rglob("*.json"),
        *(p for p in ROOT.joinpath("tests").glob("*/data/**/*.json") if p.name not in NOT_MAPS),
    ]
)

#: Files of the sample class that are broken on purpose (datasets/README.md says how).
BROKEN_ON_PURPOSE = {"late_submission.json": "line", "old_version.json": "seven-stage"}


@pytest.mark.parametrize("path", SAVED_MAPS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_saved_map_in_the_repository_loads_and_saves_back_the_same(path):
    if path.name in BROKEN_ON_PURPOSE:
        with pytest.raises(jk.JourneyMapError, match=BROKEN_ON_PURPOSE[path.name]):
            jk.load_map(path)
        return
    m = jk.load_map(path)
    assert json.loads(m.to_json()) == json.loads(path.read_text("utf-8-sig"))


def test_a_plain_item_is_saved_as_text_and_an_object_with_only_text_reads_as_text():
    data = jk.example("clothing-store").to_dict()
    data["stages"][0]["touchpoints"][0] = {"text": "Instagram post"}
    m = jk.JourneyMap.from_dict(data)
    assert m.to_dict()["stages"][0]["touchpoints"][0] == "Instagram post"
    assert type(m.stage(0).touchpoints[0]) is str


def test_an_attribute_the_schema_does_not_give_is_refused_naming_the_item():
    data = jk.example("clothing-store").to_dict()
    # impact is an attribute of opportunities only; evidence is one of every stage list
    data["stages"][1]["pain_points"][0] = {"text": "Unsure", "impact": 3, "evidence": "survey"}
    with pytest.raises(jk.JourneyMapError) as err:
        jk.JourneyMap.from_dict(data)
    [problem] = err.value.problems
    assert problem.where == "stages[1].pain_points[0].impact"
    assert "the pain points" in problem.message and "text" in problem.fix
    assert "evidence" in problem.fix and "impact" not in problem.fix


def test_items_with_attributes_load_save_merge_and_keep_them_while_retyped(tmp_path):
    data = jk.JourneyMap.new("five-stage", title="Shop").to_dict()
    data["stages"][0]["touchpoints"] = [
        {"text": "Shop window", "evidence": "interview", "source": "Ana, 3 May"},
        "Flyer",
    ]
    m = jk.JourneyMap.from_dict(data)
    [window, flyer] = m.stage(0).touchpoints
    assert window == "Shop window" and window.attributes["evidence"] == "interview"
    assert type(flyer) is str
    assert jk.load_map(m.save(tmp_path / "shop.json")) == m
    assert (
        json.loads((tmp_path / "shop.json").read_text())["stages"][0]["touchpoints"]
        == (data["stages"][0]["touchpoints"])
    )

    # the editor sends every line again: the attributes stay with their text
    m.set_lane(0, "touchpoints", "Flyer\nShop window\nRadio")
    assert [dict(getattr(i, "attributes", {})) for i in m.stage(0).touchpoints] == [
        {},
        {"evidence": "interview", "source": "Ana, 3 May"},
        {},
    ]

    # a changed attribute is a change, and an unknown choice is refused
    seen = []
    m.observe(seen.append)
    m.set_lane(0, "touchpoints", [Item("Flyer", evidence="assumption"), "Shop window"])
    assert seen == [("Awareness", "touchpoints")]
    with pytest.raises(jk.JourneyMapError, match=r"stages\[0\]\.touchpoints\[0\]\.evidence"):
        m.set_lane(0, "touchpoints", [{"text": "Flyer", "evidence": "rumour"}])

    # two sides: one tags an item, the other adds one; both kept
    base = m.to_dict()
    mine, theirs = jk.JourneyMap.from_dict(base), jk.JourneyMap.from_dict(base)
    mine.set_lane(0, "touchpoints", [Item("Flyer", evidence="survey"), "Shop window"])
    theirs.set_lane(0, "touchpoints", ["Flyer", "Shop window", "Poster"])
    merged = jk.JourneyMap.from_dict(merge_saved(base, mine.to_dict(), theirs.to_dict()).data)
    items = merged.stage(0).touchpoints
    assert items == ["Flyer", "Shop window", "Poster"]
    assert items[0].attributes == {"evidence": "survey"}

    # the tidy table carries the attributes as columns, and reads them back
    table = m.to_frame()
    assert list(table.columns) == ["stage", "lane", "item", "evidence", "source"]
    back = jk.JourneyMap.from_frame(table, m.framework, m.title, m.persona)
    assert back.stages == m.stages


def test_a_file_of_an_older_format_is_brought_up_to_date_by_its_migration_steps(
    tmp_path, monkeypatch
):
    """Simulates the next format change: the next version renames ``kpis`` to ``measures``."""
    measures = FieldSpec(
        key="measures", kind="list", label="Measures", help="How you would measure success here."
    )

    def rename(data):
        for stage in data["stages"]:
            stage["measures"] = stage.pop("kpis", [])

    old = jk.example("clothing-store").to_dict()
    path = tmp_path / "old.json"
    following = migrations.SCHEMA_VERSION + 1
    old["schema_version"] = migrations.SCHEMA_VERSION
    path.write_text(json.dumps(old), encoding="utf-8")
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", following)
    monkeypatch.setitem(migrations.MIGRATIONS, following - 1, rename)
    with extended(measures):
        m = jk.load_map(path)
        assert m.stage("Decision").measures == old["stages"][2]["kpis"]
        saved = json.loads(m.save(tmp_path / "new.json").read_text("utf-8"))
        assert saved["schema_version"] == following and "measures" in saved["stages"][0]
        assert json.loads(path.read_text("utf-8")) == old, "the old file is not touched"
