"""The room's timed activity without a browser: who starts it, who sees it, who cannot change it.

The browser side (the countdown on several pages, time up on the projector) is in
``test_room_timer.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.workshop.dashboard import Dashboard
from journeykit.workshop.identity import Identity
from journeykit.workshop.participant import ParticipantPage
from journeykit.workshop.settings import RoomSettings
from journeykit.workshop.timer import (
    TimerBanner,
    activity_file,
    current_activity,
    start_activity,
    stop_activity,
)


@pytest.fixture
def room(tmp_path: Path) -> Path:
    folder = tmp_path / "rooms" / "bakery-class"
    folder.mkdir(parents=True)
    return folder


def sent(banner: TimerBanner) -> list[dict]:
    """What the kernel sends the page from now on (custom messages)."""
    messages: list[dict] = []
    banner.send = lambda content, buffers=None: messages.append(content)  # type: ignore[method-assign]
    return messages


def test_the_facilitator_starts_a_stage_for_some_minutes_and_every_page_shows_it(
    room: Path,
) -> None:
    settings = RoomSettings(room, "Bakery class", framework="five-stage-decision")
    board = Dashboard(settings)
    pages = [ParticipantPage(settings, warm=False) for _ in range(3)]
    pages[0].identify(Identity("a1" * 16, "", ""))  # the browser, as the room learns it
    pages[0].join("Ana")
    board.refresh()
    assert all(not page.timer.stage for page in pages)  # no activity: no banner

    board.timer.stage.value = "Consideration"
    board.timer.minutes.value = 10
    board.timer.start_button.click()
    assert board.timer.banner.label == "10 minutes: Consideration"
    for page in pages:  # what each page's polling loop does every second
        assert page.timer.follow(room)
        assert page.timer.label == "10 minutes: Consideration"
        assert page.timer in page.box.children
        messages = sent(page.timer)
        page.timer._answer(page.timer, {"ask": "time"}, [])  # the page asks for the time left
        assert 595_000 < messages[0]["remaining_ms"] <= 600_000

    board.timer.stop_button.click()
    assert current_activity(room) is None
    assert all(page.timer.follow(room) and not page.timer.stage for page in pages)
    # the map files are untouched and the roll-up does not count the activity as a map
    assert board.refresh() is False and board.count.value == "1 participant"
    for page in pages:
        page.close()


def test_a_participant_cannot_change_the_timer_for_anyone(room: Path) -> None:
    """A page may set its own banner's synced values (the page is the participant's), and
    send it any message: neither reaches the room's activity or another page."""
    settings = RoomSettings(room, "Bakery class")
    start_activity(room, "five-stage", "Purchase", 10)
    before = activity_file(room).read_bytes()
    mallory, ana = ParticipantPage(settings, warm=False), ParticipantPage(settings, warm=False)
    # what a hostile page sends over its widget's comm: new values and odd messages
    mallory.timer.set_state({"stage": "Advocacy", "label": "0 minutes: time is up", "version": 99})
    for content in ({"ask": "stop"}, {"stage": "Advocacy"}, "stop", None, {"ask": "time"}):
        mallory.timer._answer(mallory.timer, content, [])
    assert activity_file(room).read_bytes() == before
    ana.timer.follow(room)
    assert ana.timer.label == "10 minutes: Purchase"
    # the participant's page has no control that writes the activity
    assert not hasattr(mallory, "start_activity") and not hasattr(mallory.timer, "start")
    mallory.close()
    ana.close()


def test_only_stages_of_the_rooms_framework_and_sensible_lengths_are_accepted(
    room: Path,
) -> None:
    with pytest.raises(jk.JourneyMapError, match="stage: 'Checkout' is not a stage"):
        start_activity(room, "five-stage", "Checkout", 10)
    for minutes in (0, -5, 500, float("nan")):
        with pytest.raises(jk.JourneyMapError, match="minutes"):
            start_activity(room, "five-stage", "Purchase", minutes)
    assert current_activity(room) is None


@pytest.mark.parametrize("content", ["{ not json", '{"stage": "Purchase"}', "[]", ""])
def test_a_damaged_activity_file_shows_no_timer_instead_of_failing(
    room: Path, content: str
) -> None:
    start_activity(room, "five-stage", "Purchase", 10)
    activity_file(room).write_text(content, encoding="utf-8")
    assert current_activity(room) is None
    page = ParticipantPage(RoomSettings(room, "Bakery class"), warm=False)
    assert page.timer.follow(room) is False and not page.timer.stage
    page.close()


def test_time_up_is_zero_left_and_the_file_says_when_it_ends(room: Path) -> None:
    activity = start_activity(room, "five-stage", "Retention", 0.05, now=1_000.0)
    assert json.loads(activity_file(room).read_text("utf-8")) == {
        "stage": "Retention",
        "seconds": 3.0,
        "ends_at": 1_003.0,
    }
    assert activity.label == "3 seconds: Retention"
    assert activity.remaining(now=1_001.0) == 2.0 and activity.remaining(now=2_000.0) == 0.0
    banner = TimerBanner()
    banner.show(activity)
    messages = sent(banner)
    banner._answer(banner, {"ask": "time"}, [])
    assert messages == [{"remaining_ms": 0}]  # long past: the page shows time up at once
    stop_activity(room)
