"""Text the editor cannot save is refused beside its field; autosave never starts failing.

A browser can send half of an emoji (a lone surrogate) when a paste cuts one in
two, and a map file can spell one as a ``\\ud83d`` escape. Before issue 15 the
map took such text and then every autosave raised an encoding traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import journeykit as jk


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_half_an_emoji_is_refused_beside_the_field_and_the_next_keystroke_saves(workdir):
    ed = jk.editor("my_maps/cafe.json", framework="five-stage")
    ed._saver._debouncer.delay = 60
    box = ed.fields["Purchase.touchpoints"]
    box.input.value = "Till\nTap to pay \ud83d"
    problem = ed.problems["Purchase.touchpoints"]
    assert problem.startswith("In item 2, character 12 is U+D83D, half of a character")
    assert "delete it from the touchpoints" in problem
    assert ed.map.stage("Purchase").touchpoints == [], "the map keeps its last good value"
    assert not ed.save_pending, "nothing was changed, so nothing waits to be saved"
    box.input.value = "Till\nTap to pay \U0001f4f1"
    assert "Purchase.touchpoints" not in ed.problems
    ed.flush()
    assert ed.status.startswith("Saved ")
    saved = json.loads(Path("my_maps/cafe.json").read_text(encoding="utf-8"))
    assert saved["stages"][2]["touchpoints"] == ["Till", "Tap to pay \U0001f4f1"]


def test_a_file_spelling_half_an_emoji_is_refused_when_opened_and_left_alone(workdir):
    path = Path("my_maps/cafe.json")
    jk.JourneyMap.new("five-stage", title="Cafe").save(path)
    text = path.read_text(encoding="utf-8").replace('"Cafe"', '"Cafe \\ud83d"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(jk.JourneyMapError) as info:
        jk.editor(path)
    [problem] = info.value.problems
    assert problem.where == "title" and "delete it from the title" in problem.fix
    assert path.read_text(encoding="utf-8") == text
