"""Saving and loading maps: round trips, atomic saves, and every kind of bad input."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import journeykit as jk
from journeykit.catalogue import LIST_LANES
from journeykit.model import files

# ----- round trips -----------------------------------------------------------------

text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40).map(str.strip)
items = st.lists(text.filter(bool), max_size=4)


@st.composite
def journey_maps(draw):
    framework = draw(st.sampled_from(jk.framework_ids()))
    m = jk.JourneyMap.new(framework, title=draw(text), persona=jk.Persona(
        name=draw(text), description=draw(text), goals=draw(items),
        frustrations=draw(items)))
    for stage in m.stages:
        stage.goal = draw(text)
        stage.emotion_score = draw(st.none() | st.integers(1, 5))
        for key in LIST_LANES:
            setattr(stage, key, draw(items))
    return m


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(m=journey_maps())
def test_any_valid_map_survives_save_and_load(tmp_path, m):
    path = tmp_path / "map.json"
    m.save(path)
    assert jk.load_map(path) == m


def test_saved_file_is_readable_stable_json(tmp_path):
    m = jk.example("clothing-store")
    path = m.save(tmp_path / "shop.json")
    raw = path.read_bytes()
    assert raw.endswith(b"}\n") and b"\r\n" not in raw
    data = json.loads(raw)
    assert list(data) == ["schema_version", "framework", "title", "persona", "stages", "notes"]
    assert data["schema_version"] == jk.SCHEMA_VERSION
    assert data["stages"][0]["emotion"] == {"score": 4, "words": ["Curiosity", "Interest"]}
    m.save(path)
    assert path.read_bytes() == raw, "saving the same map twice gives the same bytes"


def test_save_keeps_the_previous_version_as_backup(tmp_path):
    path = tmp_path / "shop.json"
    m = jk.JourneyMap.new("five-stage", title="First")
    m.save(path)
    m.set_title("Second")
    m.save(path)
    assert jk.load_map(path).title == "Second"
    assert jk.load_map(tmp_path / "shop.json.bak").title == "First"


def test_failed_save_leaves_the_old_file_whole_and_no_temp_files(tmp_path, monkeypatch):
    path = tmp_path / "shop.json"
    jk.JourneyMap.new("five-stage", title="Safe").save(path)
    before = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(jk.JourneyMapError, match="No space left"):
        jk.JourneyMap.new("five-stage", title="Lost?").save(path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.json"]


def test_save_refuses_an_invalid_map_without_touching_the_file(tmp_path):
    path = tmp_path / "shop.json"
    m = jk.JourneyMap.new("five-stage", title="Good")
    m.save(path)
    m.stages[0].emotion_score = 9  # bypassing set_lane, as a careless script might
    with pytest.raises(jk.JourneyMapError, match=r"stages\[0\]\.emotion\.score"):
        m.save(path)
    assert jk.load_map(path).title == "Good"


def test_save_creates_missing_folders(tmp_path):
    path = tmp_path / "my_maps" / "class 1" / "shop.json"
    jk.JourneyMap.new("six-stage").save(path)
    assert path.exists()


# ----- bad input -------------------------------------------------------------------

def write(tmp_path, content, name="map.json"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def problems_of(path):
    with pytest.raises(jk.JourneyMapError) as info:
        jk.load_map(path)
    err = info.value
    assert err.source == str(path)
    assert str(path) in str(err)
    assert all(p.fix for p in err.problems), "every problem says how to fix it"
    return err.problems


def valid_data():
    return jk.example("clothing-store").to_dict()


def test_byte_order_mark_from_notepad_is_accepted(tmp_path):
    text = jk.example("clothing-store").to_json()
    path = write(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert jk.load_map(path) == jk.example("clothing-store")


def test_broken_json_names_line_and_column(tmp_path):
    text = jk.example("clothing-store").to_json().replace('"title":', '"title"', 1)
    [problem] = problems_of(write(tmp_path, text))
    assert problem.where == "line 4, column 11"
    assert "not valid JSON" in problem.message


def test_trailing_comma_gets_a_specific_hint(tmp_path):
    [problem] = problems_of(write(tmp_path, '{"schema_version": 1,}'))
    assert "remove the comma" in problem.fix


def test_non_utf8_bytes_name_the_line_and_the_encoding_fix(tmp_path):
    text = jk.example("clothing-store").to_json().replace("Maya", "Ma\u00efa")
    [problem] = problems_of(write(tmp_path, text.encode("latin-1")))
    assert problem.where == "line 6"
    assert "UTF-8" in problem.fix


def test_absurdly_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    [problem] = problems_of(write(tmp_path, " " * 2000 + "{}"))
    assert "MB" in problem.message


def test_missing_file_and_folder_say_so(tmp_path):
    assert "no such file" in problems_of(tmp_path / "nope.json")[0].message
    assert "folder" in problems_of(tmp_path)[0].message


def test_wrong_types_and_out_of_range_scores_are_all_reported_at_once(tmp_path):
    data = valid_data()
    data["title"] = 42
    data["stages"][2]["emotion"]["score"] = 7
    data["stages"][1]["touchpoints"] = "Website"  # a string where a list belongs is fine...
    data["stages"][3]["actions"] = {"first": "x"}  # ...an object is not
    data["persona"]["goals"] = ["ok", 3]
    where = [p.where for p in problems_of(write(tmp_path, json.dumps(data)))]
    assert where == ["title", "persona.goals[1]", "stages[2].emotion.score", "stages[3].actions"]


def test_unknown_framework_lists_valid_ids_and_suggests_the_closest(tmp_path):
    data = valid_data()
    data["framework"] = "five-stages"
    [problem] = problems_of(write(tmp_path, json.dumps(data)))
    assert problem.where == "framework"
    assert "did you mean 'five-stage'" in problem.fix
    assert "eight-stage" in problem.fix


def test_stages_that_do_not_match_the_framework(tmp_path):
    data = valid_data()
    data["stages"][2]["stage"] = "Purchase"
    del data["stages"][4]
    problems = problems_of(write(tmp_path, json.dumps(data)))
    assert [p.where for p in problems] == ["stages", "stages[2].stage"]
    assert "has 5 stages, this map has 4" in problems[0].message
    assert "expected 'Decision' here, found 'Purchase'" in problems[1].message


def test_unknown_fields_get_a_did_you_mean(tmp_path):
    data = valid_data()
    data["stages"][0]["toucpoints"] = data["stages"][0].pop("touchpoints")
    [problem] = problems_of(write(tmp_path, json.dumps(data)))
    assert problem.where == "stages[0].toucpoints"
    assert "did you mean 'touchpoints'" in problem.fix


def test_newer_schema_version_asks_for_an_upgrade(tmp_path):
    data = valid_data()
    data["schema_version"] = jk.SCHEMA_VERSION + 1
    [problem] = problems_of(write(tmp_path, json.dumps(data)))
    assert problem.where == "schema_version"
    assert "newer JourneyKit" in problem.message
    assert "pip install --upgrade" in problem.fix


@pytest.mark.parametrize("content", ["[]", "null", '"map"', "{}"])
def test_files_that_hold_no_map_at_all(tmp_path, content):
    assert problems_of(write(tmp_path, content))


def test_overlong_text_is_refused(tmp_path):
    data = valid_data()
    data["stages"][0]["goal"] = "x" * 5000
    [problem] = problems_of(write(tmp_path, json.dumps(data)))
    assert problem.where == "stages[0].goal"


def test_error_is_a_value_error_with_one_line_per_problem():
    err = jk.JourneyMapError([jk.Problem("a", "b", "c"), "d"], source="f.json")
    assert isinstance(err, ValueError)
    assert err.lines() == ["f.json: a: b. Fix: c.", "f.json: d."]


def test_write_errors_keep_the_learners_work_in_memory_and_say_so(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(jk.JourneyMapError, match="still in memory"):
        jk.JourneyMap.new("five-stage").save(blocker / "shop.json")
    assert os.listdir(tmp_path) == ["file"]


def test_saved_files_get_normal_permissions_not_the_temp_files_owner_only_ones(tmp_path):
    if os.name != "posix":
        pytest.skip("file modes are a POSIX notion")
    path = jk.JourneyMap.new("five-stage").save(tmp_path / "shop.json")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    path.chmod(0o640)
    jk.JourneyMap.new("five-stage", title="again").save(path)
    assert path.stat().st_mode & 0o777 == 0o640, "a re-save keeps the file's permissions"
