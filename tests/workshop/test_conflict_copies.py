"""Versions kept aside in a room: capped per map and per room, counted on the dashboard.

A map saved from two places at once keeps the other side's version beside it
(``NAME.conflict-<time>.json``). Two editors fighting over one map used to write
a copy on every save, unseen: 32 MB in 13 s for a 4 MB map. These tests make
the fight happen with the same save the editor uses and check that it stops at
the cap, says so where the participant looks, and shows on the dashboard.
"""

from __future__ import annotations

from pathlib import Path

import journeykit as jk
from journeykit.editing import Editor
from journeykit.model import MAX_KEPT_ASIDE, MAX_KEPT_ASIDE_IN_FOLDER, kept_aside
from journeykit.workshop.dashboard import Dashboard
from journeykit.workshop.settings import RoomSettings


def fight(path: Path, rounds: int) -> list[str]:
    """Two editors on *path* changing the same text in turn; their status lines."""
    jk.JourneyMap.new("five-stage", title="Ana").save(path)
    here, there = (Editor(jk.load_map(path), path, save_delay=60) for _ in range(2))
    statuses = []
    for n in range(rounds):
        here.set_lane("Awareness", "goal", f"Here {n}")
        here.flush()
        there.set_lane("Awareness", "goal", f"There {n}")
        there.flush()
        statuses += [here.status, there.status]
    here.close()
    there.close()
    return statuses


def test_copies_beside_one_map_stop_at_the_cap_and_the_page_says_not_saved(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ana.json"
    statuses = fight(path, MAX_KEPT_ASIDE + 4)
    assert len(kept_aside(path)) == MAX_KEPT_ASIDE
    assert "kept in ana.conflict-" in statuses[1]
    refused = [status for status in statuses if status.startswith("Not saved")]
    assert refused and all("already kept aside" in status for status in refused)
    assert "ask the facilitator" in refused[0]


def test_copies_in_one_room_stop_at_the_rooms_cap(tmp_path: Path) -> None:
    per_map = MAX_KEPT_ASIDE - 1
    for n in range(MAX_KEPT_ASIDE_IN_FOLDER // per_map + 1):
        fight(tmp_path / f"p{n}.json", per_map + 1)
    assert len(list(tmp_path.glob("*.conflict-*.json"))) == MAX_KEPT_ASIDE_IN_FOLDER


def test_the_dashboard_counts_copies_and_places(tmp_path: Path) -> None:
    room = tmp_path / "bakery-class"
    room.mkdir()
    fight(room / "ana.json", 2)
    (room / ".owners").mkdir()
    (room / ".owners" / "ana").write_text("a" * 32, encoding="ascii")
    board = Dashboard(RoomSettings(room, "Bakery", max_participants=30))
    assert "1 of 30 places taken" in board.places.value
    assert "3 versions kept aside" in board.places.value
    assert "Kept aside" in board.people.value and ">3</span>" in board.people.value
    assert board.free_choice.options == ("ana",)
