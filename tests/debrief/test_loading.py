"""Reading a class: which files count, bad files never fatal, labels, and cheap refreshes."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.debrief import MAX_MAPS, loading
from journeykit.model import MAX_FILE_BYTES


def save(folder: Path, name: str, m: jk.JourneyMap | None = None) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((m or jk.example("clothing-store")).to_json(), encoding="utf-8")
    return path


def test_a_folder_reads_every_map_below_it_and_ignores_backups_conflicts_and_hidden(tmp_path):
    save(tmp_path, "priya_bakery.json")
    save(tmp_path, "group2/sam_bikes.json")
    save(tmp_path, "priya_bakery.json.bak")
    save(tmp_path, "priya_bakery.conflict-20250301-1015.json")
    save(tmp_path, ".journeykit-tmp-abc.json")
    save(tmp_path, ".ipynb_checkpoints/priya_bakery-checkpoint.json")
    save(tmp_path, "__MACOSX/._priya_bakery.json")
    save(tmp_path, ".hidden/old.json")
    (tmp_path / "notes.txt").write_text("not a map")
    r = jk.rollup(tmp_path)
    assert r.participants == ["sam_bikes", "priya_bakery"], "group2/ sorts before p"
    assert r.skipped == []
    assert r.ignored == 3  # the .bak, the conflict copy and the hidden temporary file
    assert "Ignored 3 backup, conflict or hidden files" in r.summary()


def test_bad_files_are_left_out_with_the_reason_and_the_fix_never_fatal(tmp_path):
    save(tmp_path, "good.json")
    (tmp_path / "broken.json").write_text('{"schema_version": 1\n "framework": "six-stage"}')
    wrong = jk.example("clothing-store").to_dict() | {"framework": "seven-stage"}
    (tmp_path / "wrong.json").write_text(json.dumps(wrong))
    (tmp_path / "huge.json").write_bytes(b" " * (MAX_FILE_BYTES + 1))
    (tmp_path / "package.json").write_text('{"name": "a node project"}')
    (tmp_path / "latin1.json").write_bytes('{"title": "Caf\xe9"}'.encode("latin-1"))
    (tmp_path / "empty.json").write_text("")
    r = jk.rollup(tmp_path)
    assert r.participants == ["good"]
    reasons = {s.path.name: s.reason for s in r.skipped}
    assert set(reasons) == {
        "broken.json",
        "wrong.json",
        "huge.json",
        "package.json",
        "latin1.json",
        "empty.json",
    }
    assert "line 2" in reasons["broken.json"] and "comma" in reasons["broken.json"]
    assert "seven-stage" in reasons["wrong.json"] and "five-stage" in reasons["wrong.json"]
    assert "MB" in reasons["huge.json"]
    assert "UTF-8" in reasons["latin1.json"]
    for skipped in r.skipped:
        assert isinstance(skipped.error, jk.JourneyMapError)
        assert all(p.fix for p in skipped.error.problems), skipped
        assert skipped.error.source == str(skipped.path)
    assert "Left out: 6 files" in r.summary()


def test_an_empty_folder_gives_an_empty_roll_up_that_says_so(tmp_path):
    r = jk.rollup(tmp_path)
    assert len(r) == 0 and r.skipped == []
    assert "no maps yet" in r.summary()
    assert r.emotions().empty and r.table().empty
    assert r.top().empty and r.review().empty
    for name, fig in r.figures().items():
        assert "No maps" in fig.layout.annotations[0].text, name
    assert "No maps yet" in r.to_html()


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(jk.JourneyMapError, match="no such folder") as caught:
        jk.rollup(tmp_path / "colected")
    assert caught.value.problems[0].fix


def test_a_folder_of_10000_files_is_refused_quickly_with_a_fix(tmp_path):
    for i in range(10_000):
        (tmp_path / f"m{i:05d}.json").write_bytes(b"{}")
    start = time.perf_counter()
    with pytest.raises(jk.JourneyMapError) as caught:
        jk.rollup(tmp_path)
    assert time.perf_counter() - start < 5, "it stops early instead of reading every file"
    problem = caught.value.problems[0]
    assert f"{MAX_MAPS:,}" in problem.message
    assert "folder" in problem.fix


def test_a_folder_of_many_other_files_is_refused_too(tmp_path, monkeypatch):
    monkeypatch.setattr(loading, "MAX_ENTRIES", 50)
    for i in range(60):
        (tmp_path / f"photo{i}.jpg").write_bytes(b"")
    with pytest.raises(jk.JourneyMapError, match="more than 50 files"):
        jk.rollup(tmp_path)


def test_participants_are_named_by_file_and_clashing_names_keep_their_folder(tmp_path):
    save(tmp_path, "monday/priya_bakery.json")
    save(tmp_path, "tuesday/priya_bakery.json")
    save(tmp_path, "tuesday/Sam.json")
    r = jk.rollup(tmp_path)
    assert r.participants == ["monday/priya_bakery", "tuesday/priya_bakery", "Sam"]


def test_maps_are_named_by_title_and_repeats_are_numbered():
    shop = jk.example("clothing-store")
    untitled = jk.JourneyMap.new("six-stage")
    r = jk.rollup([shop, shop.copy(), untitled])
    assert r.participants == [shop.title, f"{shop.title} (2)", "Map 3"]
    assert jk.rollup({"ana": shop, "ben": untitled}).participants == ["ana", "ben"]


def test_a_list_may_mix_files_and_maps_and_repeats_of_a_file_count_once(tmp_path):
    path = save(tmp_path, "priya.json")
    r = jk.rollup([path, str(path), jk.JourneyMap.new("eight-stage", title="Pottery")])
    assert r.participants == ["priya", "Pottery"]
    assert jk.rollup(path).participants == ["priya"], "a single file works too"


@pytest.mark.parametrize("source", [42, [jk.example(), 3.5], {"a": "not a map"}, b"bytes"])
def test_a_source_the_roll_up_cannot_read_says_what_to_give(source):
    with pytest.raises(jk.JourneyMapError, match="cannot read maps") as caught:
        jk.rollup(source)
    assert "folder" in caught.value.problems[0].fix


def test_anonymized_participants_are_numbered_in_file_order_and_keep_their_number(tmp_path):
    save(tmp_path, "ben.json")
    save(tmp_path, "cleo.json")
    r = jk.rollup(tmp_path, anonymize=True)
    assert r.participants == ["Participant 1", "Participant 2"]
    assert "ben" not in r.to_csv() and "cleo" not in r.to_html()
    save(tmp_path, "ana.json")  # sorts first, but arrives later
    assert r.refresh()
    assert r.participants == ["Participant 3", "Participant 1", "Participant 2"]
    assert jk.rollup(tmp_path, anonymize=True).participants == [
        "Participant 1",
        "Participant 2",
        "Participant 3",
    ], "a fresh roll-up numbers by file"


class CountingLoads:
    """Counts the files the roll-up reads (it goes through load_map)."""

    def __init__(self, monkeypatch):
        self.paths: list[str] = []
        real = loading.load_map
        monkeypatch.setattr(
            loading, "load_map", lambda p: self.paths.append(Path(p).name) or real(p)
        )

    def take(self) -> list[str]:
        taken, self.paths = sorted(self.paths), []
        return taken


def touch_later(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))


def test_refresh_reads_only_files_that_changed(class_folder, monkeypatch):
    loads = CountingLoads(monkeypatch)
    r = jk.rollup(class_folder)
    first = loads.take()
    assert len(first) == len(r) + len(r.skipped)
    before = r.emotions()
    assert r.refresh() is False and loads.take() == [], "nothing changed: nothing read"
    assert r.emotions().equals(before)

    changed = class_folder / f"{r.participants[0]}.json"
    edited = jk.load_map(changed)
    edited.set_lane(0, "emotion_score", 1)
    edited.save(changed)
    touch_later(changed)
    save(class_folder, "new_learner.json")
    (class_folder / f"{r.participants[1]}.json").unlink()
    (class_folder / "late_submission.json").write_text(jk.example().to_json())
    assert r.refresh() is True
    assert loads.take() == sorted([changed.name, "new_learner.json", "late_submission.json"])
    assert "new_learner" in r.participants and "late_submission" in r.participants
    assert r.emotions().loc[r.participants[0]].iloc[0] == 1
    assert len(r.skipped) == 1, "the file that was fixed is no longer left out"


def test_progress_is_reported_for_each_file_read(class_folder):
    calls = []
    jk.rollup(class_folder, progress=lambda done, total: calls.append((done, total)))
    total = calls[-1][1]
    assert calls == [(i, total) for i in range(1, total + 1)]


def test_maps_given_in_memory_are_not_re_read():
    r = jk.rollup([jk.example()])
    assert r.refresh() is False


def test_a_file_name_that_is_not_utf8_still_gives_a_page_and_a_csv(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9_bakery.json"), "w", encoding="utf-8") as handle:
        handle.write(jk.example().to_json())
    with open(os.path.join(folder, b"\xff.json"), "w", encoding="utf-8") as handle:
        handle.write("{")
    r = jk.rollup(tmp_path)
    assert r.participants == ["caf\ufffd_bakery"]
    assert r.skipped[0].name == "\ufffd.json"
    r.to_html(tmp_path / "class.html")
    r.to_csv(tmp_path / "class.csv")
    assert "caf\ufffd_bakery" in (tmp_path / "class.csv").read_text("utf-8")
