"""The facilitator's dashboard without a browser: what it shows, hides and writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.workshop.closing import close_requested
from journeykit.workshop.dashboard import Dashboard
from journeykit.workshop.settings import RoomSettings


@pytest.fixture
def room(tmp_path: Path) -> Path:
    folder = tmp_path / "rooms" / "bakery-class"
    folder.mkdir(parents=True)
    ana = jk.JourneyMap.new("five-stage", title="Ana <b>Smith</b>")
    ana.set_lane("Awareness", "touchpoints", ["Shop window"])
    ana.set_lane("Awareness", "pain_points", ["Queue <script>x</script>"])
    ana.set_lane("Awareness", "emotion_score", 2)
    ana.save(folder / "ana.json")
    jk.JourneyMap.new("five-stage", title="Ben").save(folder / "ben.json")
    (folder / "late & 'soon'.json").write_text("{ not json", encoding="utf-8")
    (folder / ".owners").mkdir()
    (folder / ".owners" / "ana").write_text("a" * 32, encoding="ascii")
    return folder


def test_it_lists_who_joined_how_far_and_what_could_not_be_read(room: Path) -> None:
    board = Dashboard(RoomSettings(room, "Bakery class"))
    assert board.count.value == "2 participants"
    assert "data-participant='ana'" in board.people.value
    assert "Ana &lt;b&gt;Smith&lt;/b&gt;" in board.people.value
    assert "1 of 5" in board.people.value and "0 of 5" in board.people.value
    assert "late &amp; &#x27;soon&#x27;.json" in board.skipped.value
    assert "'soon'" not in board.skipped.value
    assert "Queue &lt;script&gt;" in board.pains.value and "<script>" not in board.pains.value
    assert "data-rule=" in board.review.value


def test_present_mode_names_nobody(room: Path) -> None:
    board = Dashboard(RoomSettings(room, "Bakery class"))
    board.set_present(True)
    shown = board.people.value + board.review.value + board.skipped.value
    assert "Participant 1" in board.people.value
    assert not any(word in shown for word in ("ana", "Ana", "Ben", "late"))
    assert "jk-present" in board.box._dom_classes
    board.set_present(False)
    assert "data-participant='ana'" in board.people.value


def test_it_follows_the_folder_and_redraws_only_on_change(room: Path) -> None:
    board = Dashboard(RoomSettings(room, "Bakery class"))
    assert board.refresh() is False
    jk.JourneyMap.new("five-stage", title="Cy").save(room / "cy.json")
    assert board.refresh() is True
    assert board.count.value == "3 participants" and "data-participant='cy'" in board.people.value


def test_exports_go_next_to_the_room_folder(room: Path) -> None:
    board = Dashboard(RoomSettings(room, "Bakery class"))
    page, table = board.export("html"), board.export("csv")
    assert page == room.parent / "bakery-class-rollup.html"
    assert table == room.parent / "bakery-class-rollup.csv"
    assert "Shop window" in page.read_text("utf-8") and "Shop window" in table.read_text("utf-8")
    assert "Wrote" in board.message.value


def test_close_room_asks_once_then_asks_the_launcher(room: Path, tmp_path: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()
    board = Dashboard(RoomSettings(room, "Bakery class", run_dir=run))
    assert board.close_button in board.box.children[1].children
    assert board.close_room() is False and not close_requested(run)
    assert board.close_room() is True and close_requested(run)
    hub_board = Dashboard(RoomSettings(room, "Hub class"))  # no launcher: nothing to close
    assert hub_board.close_button not in hub_board.box.children[1].children


def test_the_join_link_and_its_qr_code_are_shown_escaped(room: Path) -> None:
    board = Dashboard(
        RoomSettings(room, "Bakery <class>", join_url="http://192.168.1.20:8866/?token=abc&x=<y>")
    )
    assert "<svg" in board.heading.value and "Bakery &lt;class&gt;" in board.heading.value
    assert "token=abc&amp;x=&lt;y&gt;" in board.heading.value


def test_present_mode_numbers_say_nothing_of_names_or_save_times(room: Path) -> None:
    for name in ("cy", "dee", "eve", "fay", "gus", "hal"):
        jk.JourneyMap.new("five-stage", title=name.title()).save(room / f"{name}.json")
    orders = set()
    for _ in range(5):
        board = Dashboard(RoomSettings(room, "Bakery class"))
        board.set_present(True)
        table = board.people.value
        assert "data-mtime" not in table and not re.search(r"\d\d:\d\d:\d\d", table)
        assert "in the last 2 minutes" in table
        rows = re.findall(r"data-participant='Participant (\d+)'", table)
        assert rows == sorted(rows, key=int)  # rows follow the numbers, not the names
        labels = dict(
            zip(
                board.rollup.participants,
                [e.path.stem for _, e in board.rollup.entries()],
                strict=True,
            )
        )
        orders.add(tuple(labels[f"Participant {n}"] for n in range(1, len(labels) + 1)))
    alphabetical = tuple(sorted(p.stem for p in room.glob("*.json") if p.stem != "late & 'soon'"))
    assert orders != {alphabetical}, "the numbers follow the file names"
    assert len(orders) > 1


def test_present_mode_hides_the_place_controls(room: Path) -> None:
    board = Dashboard(RoomSettings(room, "Bakery class"))
    assert board.free_choice.options == ("ana",)
    board.set_present(True)
    assert board.place_controls.layout.display == "none"
