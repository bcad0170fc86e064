"""The field schema: every field described once, and the one way to name a field.

A field has one :class:`FieldPath`; its editor key and its saved-file path are
two texts of it, each translated back to the same path.
"""

from __future__ import annotations

import pytest

import journeykit as jk
from journeykit.catalogue import FIELDS, FieldPath, FieldSpec, extended, field, schema


def every_path(m: jk.JourneyMap) -> list[FieldPath]:
    paths = [
        FieldPath(None, spec.key) for spec in schema().fields if spec.scope in ("map", "persona")
    ]
    paths += [FieldPath(stage, spec.key) for stage in m.stage_names for spec in schema().lanes]
    return paths


@pytest.mark.parametrize("framework", jk.framework_ids())
def test_every_field_has_one_path_that_its_editor_key_and_saved_path_translate_back_to(framework):
    m = jk.JourneyMap.new(framework)
    for path in every_path(m):
        assert FieldPath.parse(str(path)) == path
        saved = path.saved(m.stage_names)
        assert FieldPath.from_saved(saved, m.stage_names) == path
        assert FieldPath.from_saved(saved + "[3]", m.stage_names) == path, "an item of the field"
        assert m.get_field(path) == m.get_field(saved)


def test_the_saved_paths_are_the_files_paths():
    m = jk.example("clothing-store")
    data = m.to_dict()
    assert FieldPath("Decision", "emotion_score").saved(m.stage_names) == "stages[2].emotion.score"
    assert data["stages"][2]["emotion"]["score"] == m.get_field("stages[2].emotion.score")
    assert FieldPath(None, "persona.goals").saved([]) == "persona.goals"
    assert FieldPath.from_saved("stages[2].emotion", m.stage_names) == ("Decision", "emotion_score")
    assert FieldPath.from_saved("stages[9].goal", m.stage_names) is None
    assert FieldPath.from_saved("persona", m.stage_names) is None


def test_each_field_is_described_once_with_what_learners_read():
    keys = [spec.key for spec in FIELDS]
    assert len(keys) == len(set(keys))
    for spec in FIELDS:
        assert spec.label and len(spec.help.split()) >= 6, spec.key
        assert spec.words.startswith("the ")
    assert field("title").words == "the title", "the title is not the goal lane"
    assert field("persona.description").words == "the persona's description"
    assert [spec.key for spec in jk.LANES] == list(schema().lanes_by_key)


def test_a_bad_entry_is_refused_when_the_schema_is_written():
    with pytest.raises(ValueError, match=r"persona\.<lower_case>"):
        FieldSpec(key="age", scope="persona", kind="text", label="Age", help="How old")
    with pytest.raises(ValueError, match="choices"):
        FieldSpec(key="state", scope="map", kind="choice", label="State", help="Which one")
    again = FieldSpec(key="goal", kind="text", label="Goal", help="Again")
    with pytest.raises(ValueError, match="two fields"), extended(again):
        pass


def test_a_path_names_a_wider_place_when_parts_are_left_out():
    assert FieldPath("Decision").is_field is False
    assert FieldPath(None, "emotion_score").is_field is False, "a lane across the map"
    assert FieldPath("Decision", "title").is_field is False
    assert FieldPath("Decision", "goal").is_field
    with pytest.raises(jk.JourneyMapError, match="no field called"):
        FieldPath.parse("Decision.colour")
