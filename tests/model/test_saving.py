"""Saving with ``merge=True``: the file's lock, the check right before the swap, the copies.

What a learner relies on: a save never writes over a version it has not seen
without keeping that version (merged in, or in a ``.conflict-`` file beside the
map), the ``.bak`` holds the version before the last real change, and two
programs saving at the same moment take turns.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.model import files


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.json"
    jk.JourneyMap.new("five-stage", title="Corner shop").save(path)
    return path


def aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.conflict-*{path.suffix}"))


def test_a_save_that_merges_says_so_in_a_warning_and_the_map_takes_the_change(shop):
    here, there = jk.load_map(shop), jk.load_map(shop)
    there.set_lane("Retention", "kpis", ["Repeat visits"])
    jk.save_map(there, shop, merge=True)
    here.set_title("Corner shop: regulars")
    with pytest.warns(
        jk.MergeWarning, match="Merged in changes saved elsewhere to Retention: KPIs"
    ):
        here.save(shop, merge=True)
    assert here.stage("Retention").kpis == ["Repeat visits"]
    assert jk.load_map(shop) == here


def test_without_merge_a_save_still_writes_the_map_as_it_is(shop):
    here, there = jk.load_map(shop), jk.load_map(shop)
    there.set_lane("Retention", "kpis", ["Repeat visits"])
    there.save(shop)
    here.save(shop)  # a script that means "this map, exactly"
    assert jk.load_map(shop).stage("Retention").kpis == []
    assert jk.load_map(shop.with_name("shop.json.bak")).stage("Retention").kpis == ["Repeat visits"]


def test_a_file_this_map_never_read_is_kept_aside_not_written_over(shop):
    before = shop.read_bytes()
    stranger = jk.example("clothing-store")
    with pytest.warns(jk.MergeWarning, match="had not seen"):
        stranger.save(shop, merge=True)
    [copy] = aside(shop)
    assert copy.read_bytes() == before
    assert jk.load_map(shop) == stranger


def test_a_file_broken_by_hand_is_kept_aside_byte_for_byte(shop):
    m = jk.load_map(shop)
    broken = shop.read_bytes().replace(b'"title":', b'"title"')
    shop.write_bytes(broken)
    m.set_lane("Awareness", "goal", "Walk past the shop")
    report = jk.model.save_merging(m, shop)
    assert report.reason.startswith("it does not load as a map: line 4, column 11")
    assert report.kept_aside is not None and report.kept_aside.read_bytes() == broken
    assert jk.load_map(shop) == m


def test_a_map_of_another_framework_on_disk_is_kept_aside_whole(shop):
    m = jk.load_map(shop)
    jk.JourneyMap.new("six-stage", title="Someone else's").save(shop)
    m.set_lane("Awareness", "goal", "Walk past the shop")
    report = jk.model.save_merging(m, shop)
    assert "six-stage" in report.reason
    assert jk.load_map(report.kept_aside).framework == "six-stage"


def test_a_deleted_file_is_written_again_without_a_copy(shop):
    m = jk.load_map(shop)
    shop.unlink()
    m.set_lane("Awareness", "goal", "Walk past the shop")
    assert jk.model.save_merging(m, shop).sentence() == ""
    assert jk.load_map(shop) == m and not aside(shop)


def test_copies_get_distinct_names_the_roll_up_can_skip(tmp_path):
    when = __import__("datetime").datetime(2026, 3, 1, 9, 30, 5)
    first = files.conflict_path(tmp_path / "shop.json", when)
    first.write_text("{}")
    second = files.conflict_path(tmp_path / "shop.json", when)
    assert (first.name, second.name) == (
        "shop.conflict-20260301-093005.json",
        "shop.conflict-20260301-093005-2.json",
    )
    assert {p.name for p in tmp_path.glob("*.conflict-*.json")} == {first.name}


def test_a_change_made_between_the_read_and_the_swap_is_merged_not_lost(shop, monkeypatch):
    """Another program writes the file while this save is flushing its temporary file."""
    m = jk.load_map(shop)
    m.set_lane("Awareness", "goal", "Walk past the shop")
    write_temp = files._write_temp
    sneaked = []

    def write_temp_then_someone_saves(target, data):
        tmp = write_temp(target, data)
        if not sneaked and target == shop:
            other = jk.load_map(shop)
            other.set_lane("Purchase", "touchpoints", ["Till"])
            shop.write_text(other.to_json(), encoding="utf-8")  # a text editor: no lock
            sneaked.append(True)
        return tmp

    monkeypatch.setattr(files, "_write_temp", write_temp_then_someone_saves)
    jk.model.save_merging(m, shop)
    assert sneaked
    back = jk.load_map(shop)
    assert back.stage("Purchase").touchpoints == ["Till"]
    assert back.stage("Awareness").goal == "Walk past the shop"


def test_a_second_writer_waits_for_the_lock_then_merges(shop):
    there = jk.load_map(shop)
    there.set_lane("Purchase", "goal", "Pay quickly")
    holding, done = threading.Event(), []

    def save_slowly():
        """Another JourneyKit writer: holds the lock a while, then writes a change."""
        with files.locked(shop):
            holding.set()
            time.sleep(1.5)
            shop.write_text(_with_goal(shop, 0, "Walk past the shop"), encoding="utf-8")
        done.append(time.monotonic())

    worker = threading.Thread(target=save_slowly)
    worker.start()
    holding.wait(5)
    report = jk.model.save_merging(there, shop)
    waited_until = time.monotonic()
    worker.join(5)
    assert report.taken == ("Awareness: customer goal",), "it read the file after the writer"
    assert done and waited_until >= done[0], "the save waited for the lock"
    back = jk.load_map(shop)
    assert (back.stage("Awareness").goal, back.stage("Purchase").goal) == (
        "Walk past the shop",
        "Pay quickly",
    )


def _with_goal(path: Path, index: int, goal: str) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["stages"][index]["goal"] = goal
    return json.dumps(data, indent=2) + "\n"


def test_a_lock_left_by_a_crashed_save_is_taken_over(shop):
    lock = shop.with_name(f".{shop.name}.lock")
    lock.write_text("12345\n")
    old = time.time() - files.STALE_LOCK_SECONDS - 5
    os.utime(lock, (old, old))
    m = jk.load_map(shop)
    m.set_title("After a crash")
    started = time.monotonic()
    m.save(shop, merge=True)
    assert time.monotonic() - started < 2
    assert jk.load_map(shop).title == "After a crash" and not lock.exists()


def test_a_lock_held_too_long_gives_a_readable_error(shop, monkeypatch):
    monkeypatch.setattr(files, "LOCK_WAIT_SECONDS", 0.2)
    with (
        files.locked(shop),
        pytest.raises(jk.JourneyMapError, match="another program has been saving this file"),
    ):
        jk.JourneyMap.new("five-stage").save(shop)


def test_on_windows_a_file_held_open_by_a_reader_is_retried(shop, monkeypatch):
    replace = os.replace
    refusals = []

    def busy_twice(src, dst):
        if len(refusals) < 2:
            refusals.append(dst)
            raise PermissionError(13, "The process cannot access the file")
        replace(src, dst)

    monkeypatch.setattr(files.os, "replace", busy_twice)
    monkeypatch.setattr(files, "_ON_WINDOWS", True)
    jk.JourneyMap.new("five-stage", title="Retried").save(shop)
    assert len(refusals) == 2 and jk.load_map(shop).title == "Retried"
    refusals.clear()
    monkeypatch.setattr(files, "_ON_WINDOWS", False)
    with pytest.raises(jk.JourneyMapError, match="could not write"):
        jk.JourneyMap.new("five-stage", title="Not on Linux").save(shop)


def test_the_lock_and_temporary_files_never_look_like_maps(shop, monkeypatch):
    seen = []
    replace = os.replace

    def look(src, dst):
        seen.append(sorted(p.name for p in shop.parent.iterdir()))
        replace(src, dst)

    monkeypatch.setattr(files.os, "replace", look)
    m = jk.load_map(shop)
    m.set_title("Renamed")
    m.save(shop, merge=True)
    names = {name for listing in seen for name in listing}
    assert {n for n in names if n.endswith(".json")} == {"shop.json"}
    assert any(n.endswith(".lock") for n in names) and any(n.endswith(".tmp") for n in names)
