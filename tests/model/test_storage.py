"""Saving and loading maps: round trips, atomic saves, and every kind of bad input."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import journeykit as jk
from journeykit.catalogue import LANES, lane
from journeykit.model import field_path, files
from journeykit.model.characters import REFUSED
from journeykit.model.merging import field_values, with_values

# ----- round trips -----------------------------------------------------------------

#: Characters worth trying often: halves of emoji, controls, every kind of line break,
#: format characters, noncharacters, private use, the last code point.
TRICKY = [
    "\ud800",
    "\udbff",
    "\udc00",
    "\udfff",
    "\ud83d",
    "\ude00",
    "\ud83d\ude00",
    "\x00",
    "\x01",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x80",
    "\x85",
    "\x9f",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1e",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200d",
    "\u202e",
    "\ufdd0",
    "\ufdef",
    "\ufffe",
    "\uffff",
    "\U0001fffe",
    "\U0010ffff",
    "\ue000",
    "\U0001f600",
    "\u00e9",
    "e\u0301",
    " ",
    "\u00a0",
    '"',
    "\\",
    "<",
    "&",
    "|",
    "#",
    ";",
    "=",
    "'",
]
any_char = st.characters(exclude_categories=()) | st.sampled_from(TRICKY)
any_text = st.lists(any_char, max_size=12).map("".join)
#: Saved-file paths of every field of a map (stage lanes of one stage; the others are alike).
FIELDS = [
    "title",
    "notes",
    "persona.name",
    "persona.description",
    "persona.goals",
    "persona.frustrations",
    *(f"stages[1].{field_path(spec.key)}" for spec in LANES),
]
TEXT_FIELDS = {"title", "notes", "persona.name", "persona.description", "stages[1].goal"}
SCORE = "stages[1].emotion.score"


def field_words(path: str) -> str:
    """How a fix message must name the field at *path*."""
    if path.startswith("persona."):
        return "persona's " + path.removeprefix("persona.")
    if path.startswith("stages["):
        return lane(path.split(".", 1)[1].replace("emotion.", "emotion_")).label.lower()
    return path


def assert_refused_naming(err: jk.JourneyMapError, path: str) -> None:
    assert err.problems
    for problem in err.problems:
        assert problem.where == path or problem.where.startswith(path + "["), problem
        assert field_words(path) in problem.fix.lower(), problem
    str(err).encode("utf-8")  # the message itself can be printed and sent to a browser


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(framework=st.sampled_from(jk.framework_ids()), data=st.data())
def test_any_text_is_saved_and_read_back_exactly_or_refused_naming_the_field(
    tmp_path, framework, data
):
    m = jk.JourneyMap.new(framework)
    for path in FIELDS:
        if path == SCORE:
            continue
        value = data.draw(
            any_text if path in TEXT_FIELDS else any_text | st.lists(any_text, max_size=3),
            label=path,
        )
        before = m.copy()
        try:
            m.set_field(path, value)
        except jk.JourneyMapError as err:
            assert_refused_naming(err, path)
            assert m == before, "a refused value changes nothing"
    for value in field_values(m.to_dict()).values():
        if isinstance(value, str):
            assert REFUSED.search(value) is None
            assert "\n".join(value.splitlines()) == value, "every line break is \\n"
        elif isinstance(value, list):
            assert all(REFUSED.search(item) is None for item in value)
            assert all(item.splitlines() == [item] for item in value), "an item is one line"
    path = m.save(tmp_path / "map.json")
    path.read_bytes().decode("utf-8")  # strict UTF-8
    assert jk.load_map(path) == m


#: A 16-bit value a JSON \\u escape can write, with the surrogate edges tried often.
code_unit = st.integers(0, 0xFFFF) | st.sampled_from(
    [0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00, 0, 0x1F, 0x85, 0x2028, 0xFFFE, 0xFFFF]
)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from([f for f in FIELDS if f != SCORE]), units=st.lists(code_unit, max_size=8)
)
def test_every_json_escape_loads_and_saves_back_or_is_refused_naming_the_field(
    tmp_path, path, units
):
    data = with_values(valid_data(), {path: "@" if path in TEXT_FIELDS else ["@"]})
    escaped = '"' + "".join(f"\\u{unit:04x}" for unit in units) + '"'
    file = write(tmp_path, json.dumps(data).replace('"@"', escaped))
    try:
        m = jk.load_map(file)
    except jk.JourneyMapError as err:
        assert err.source == str(file)
        assert_refused_naming(err, path)
        return
    again = m.save(tmp_path / "again.json")
    assert jk.load_map(again) == m


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8,
)
places = st.sampled_from(["", "persona", "stages[0]", "stages[0].emotion"])
keys = (
    st.sampled_from(
        [
            "schema_version",
            "framework",
            "title",
            "persona",
            "stages",
            "notes",
            "name",
            "goals",
            "stage",
            "goal",
            "touchpoints",
            "emotion",
            "score",
            "words",
        ]
    )
    | any_text
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(place=places, key=keys, value=json_values, whole=st.booleans())
def test_any_json_anywhere_gives_a_map_or_a_readable_error(tmp_path, place, key, value, whole):
    data = valid_data()
    if whole:
        data = value
    else:
        container = data
        for part in filter(None, place.replace("[0]", ".0").split(".")):
            container = container[int(part)] if part.isdigit() else container[part]
        container[key] = value
    file = write(tmp_path, json.dumps(data))
    try:
        m = jk.load_map(file)
    except jk.JourneyMapError as err:
        assert err.problems and all(p.fix for p in err.problems)
        str(err).encode("utf-8")
        return
    assert jk.load_map(m.save(tmp_path / "again.json")) == m


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"schema_version": 1, "title": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"schema_version": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "}",
    ],
)
def test_deeply_nested_json_is_refused_not_a_crash(tmp_path, text):
    [problem] = problems_of(write(tmp_path, text))
    assert "levels deep" in problem.message


def test_nesting_the_parser_manages_still_gets_short_messages(tmp_path):
    data = valid_data()
    data["stages"][2]["emotion"]["score"] = json.loads("[" * 500 + "]" * 500)
    [problem] = problems_of(write(tmp_path, json.dumps(data)))
    assert problem.where == "stages[2].emotion.score" and len(problem.message) < 80


def test_a_number_too_long_to_read_is_refused(tmp_path):
    text = json.dumps(valid_data()).replace('"score": 3', '"score": ' + "9" * 5000)
    [problem] = problems_of(write(tmp_path, text))
    assert "number too long" in problem.message


def test_saved_file_is_readable_stable_json(tmp_path):
    m = jk.example("clothing-store")
    path = m.save(tmp_path / "shop.json")
    raw = path.read_bytes()
    assert raw.endswith(b"}\n") and b"\r\n" not in raw
    data = json.loads(raw)
    assert list(data) == ["schema_version", "framework", "title", "persona", "stages", "notes"]
    assert data["schema_version"] == 1, "no field of format 2: every older kit reads it"
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


LIST_FIELDS = [f for f in FIELDS if f not in TEXT_FIELDS and f != SCORE]
#: (field, wrong value, where the problem is): every field with a value of the wrong type.
WRONG_TYPES = [
    *((f, 42, f) for f in TEXT_FIELDS),
    *((f, 42, f) for f in LIST_FIELDS),
    *((f, {"first": "x"}, f) for f in LIST_FIELDS),
    *((f, ["fine", 3], f + "[1]") for f in LIST_FIELDS),
    (SCORE, "high", SCORE),
    (SCORE, 3.5, SCORE),
    (SCORE, 9, SCORE),
    (SCORE, True, SCORE),
    *((f, "x" * 5000, f) for f in TEXT_FIELDS),
]


@pytest.mark.parametrize(("path", "wrong", "where"), WRONG_TYPES)
def test_every_fix_names_the_field_it_is_about(tmp_path, path, wrong, where):
    data = with_values(valid_data(), {path: wrong})
    [from_file] = problems_of(write(tmp_path, json.dumps(data)))
    with pytest.raises(jk.JourneyMapError) as info:
        jk.example("clothing-store").set_field(path, wrong)
    [from_code] = info.value.problems
    assert from_file == from_code, "a file and the editor refuse a value the same way"
    assert from_file.where == where
    assert field_words(path) in from_file.fix.lower(), from_file.fix
    if path != "stages[1].goal":
        assert "goal" not in from_file.fix.replace("goals", ""), "no talk of another field"


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


def test_notebook_07_and_exercise_ex07_open_the_same_map(tmp_path, monkeypatch):
    """Each notebook's kernel starts in its own folder (notebooks/, exercises/), yet both
    must reach the course's my_maps/my_business.json (issue 22, item 10)."""
    monkeypatch.delenv("JOURNEYKIT_MAPS_DIR", raising=False)
    course = tmp_path / "course"
    for name in ("notebooks", "exercises"):
        (course / name).mkdir(parents=True)
    found = []
    for name in ("notebooks", "exercises"):
        monkeypatch.chdir(course / name)
        found.append(jk.map_path("my_business").resolve())
    assert found == [(course / "my_maps" / "my_business.json").resolve()] * 2
