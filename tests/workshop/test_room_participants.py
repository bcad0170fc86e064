"""Participants in a real room, in headless Chromium: join, type, come back, share a name.

One room serves the module, with two pre-heated kernels (``--preheat 2``), so
these pages take the path where Voila ran the app before the page asked for it
(the security and fault tests use kernels started per page). Each browser
context is a device; its pages may reach only the room (every other request is
refused and recorded).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests.workshop.room_session import (
    EDITOR_SHOWN,
    STEP_MS,
    TOUCHPOINTS,
    RunningRoom,
    join,
    open_room_page,
    room_page,
    running_room,
    touchpoints,
    type_touchpoint,
    wait_for_map,
)

pytestmark = pytest.mark.browser

#: A name that tries everything at once: markup, path separators, "..", a Windows device.
HOSTILE_NAME = (
    "<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>"
    "/../..\\CON " + "x" * 10_000
)


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningRoom]:
    with running_room(
        tmp_path_factory.mktemp("participants") / "rooms", "--preheat", "2"
    ) as running:
        yield running


@pytest.fixture(scope="module")
def ana_device(chromium_browser: Any, room: RunningRoom) -> Iterator[tuple[Any, list[str]]]:
    """Ana's browser: a context whose pages share one localStorage, as one device's tabs do."""
    refused: list[str] = []
    page = room_page(chromium_browser, room, refused)
    yield page, refused
    page.context.close()
    assert refused == []


def test_a_participant_joins_types_and_the_map_file_appears(
    room: RunningRoom, ana_device: Any
) -> None:
    page, _ = ana_device
    open_room_page(page, room.join_url)
    assert page.is_visible(".jk-room-name input")
    join(page, "Ana")
    assert "ana.json" in page.inner_text(".jk-room-who")
    type_touchpoint(page, "Shop window")
    saved = wait_for_map(room.room_dir / "ana.json", lambda d: touchpoints(d) == ["Shop window"])
    assert saved["title"] == "Ana" and saved["framework"] == "five-stage"
    assert page.locator(".jk-export").count() == 0  # no export row in a room
    assert str(room.room_dir) not in page.inner_text(".jk-room")


def test_reopening_the_link_in_the_same_browser_brings_the_map_back(
    room: RunningRoom, ana_device: Any
) -> None:
    page, _ = ana_device
    context = page.context
    page.close(run_before_unload=True)
    again = context.new_page()
    again.set_default_timeout(STEP_MS)
    open_room_page(again, room.join_url)
    again.wait_for_selector(EDITOR_SHOWN)
    assert "Welcome back" in again.inner_text(".jk-room-who")
    again.click(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
    assert again.input_value(TOUCHPOINTS) == "Shop window"
    assert not again.is_visible(".jk-room-name input")


def test_another_device_with_the_same_name_gets_its_own_map(
    chromium_browser: Any, room: RunningRoom, blocked: list[str]
) -> None:
    page = room_page(chromium_browser, room, blocked)
    open_room_page(page, room.join_url)
    join(page, "Ana")
    assert "ana-2.json" in page.inner_text(".jk-room-who")
    page.click(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
    assert page.input_value(TOUCHPOINTS) == ""
    type_touchpoint(page, "Flyer")
    wait_for_map(room.room_dir / "ana-2.json", lambda d: touchpoints(d) == ["Flyer"])
    assert touchpoints(wait_for_map(room.room_dir / "ana.json", lambda d: True)) == ["Shop window"]
    page.context.close()


def test_a_personal_link_skips_the_name_and_a_phone_can_edit(
    chromium_browser: Any, room: RunningRoom, blocked: list[str]
) -> None:
    phone = {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    }
    page = room_page(chromium_browser, room, blocked, **phone)
    open_room_page(page, room.join_url + "&name=Ben")
    page.wait_for_selector(EDITOR_SHOWN)
    assert "ben.json" in page.inner_text(".jk-room-who")
    page.tap(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
    page.tap(TOUCHPOINTS)
    page.keyboard.type("Bus stop poster")
    wait_for_map(room.room_dir / "ben.json", lambda d: touchpoints(d) == ["Bus stop poster"])
    box = page.locator(TOUCHPOINTS).bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    cut = page.evaluate("""() => [...document.querySelectorAll('.jk-editor .lm-TabBar-tabLabel')]
        .filter(label => label.scrollWidth > label.clientWidth
                || label.getBoundingClientRect().right > window.innerWidth)
        .map(label => label.textContent)""")
    assert cut == [], f"stage tabs cut short on a phone: {cut}"
    # Each text box sits under its label and within the form, not beside it and past the
    # screen's edge (where only the focused box would scroll into view).
    beside = page.evaluate("""() => [...document.querySelectorAll(
            '.jk-editor .jk-field .widget-text, .jk-editor .jk-field .widget-textarea')]
        .filter(row => row.offsetParent !== null)
        .map(row => [row.querySelector('.widget-label').getBoundingClientRect(),
                     row.querySelector('input, textarea').getBoundingClientRect(),
                     row.closest('.jk-editor').getBoundingClientRect(), row.innerText])
        .filter(([label, box, form]) => label.bottom > box.top + 1 || box.right > form.right + 1)
        .map(([label, box, form, text]) => text.slice(0, 30))""")
    assert beside == [], f"text boxes beside their labels or past the form on a phone: {beside}"
    # Each Review finding keeps the panel's width for its text; its button goes under it.
    squeezed = page.evaluate("""() => [...document.querySelectorAll('.jk-review .widget-hbox')]
        .filter(row => row.querySelector('button'))
        .map(row => [row.querySelector('.widget-html').getBoundingClientRect().width,
                     row.getBoundingClientRect().width, row.innerText.slice(0, 40)])
        .filter(([text, whole]) => text < 0.9 * whole)""")
    assert page.locator(".jk-review button").count() > 0
    assert squeezed == [], f"Review findings squeezed beside their buttons: {squeezed}"
    page.context.close()


def test_a_hostile_name_stays_text_and_stays_in_the_room(
    chromium_browser: Any, room: RunningRoom, blocked: list[str]
) -> None:
    page = room_page(chromium_browser, room, blocked)
    open_room_page(page, room.join_url)
    join(page, HOSTILE_NAME)
    assert page.evaluate("window.__pwned") is None
    stem = page.inner_text(".jk-room-who").split("saved as ")[1].split(".json")[0]
    assert stem.startswith("img-src-x-onerror-window-pwned")
    made = sorted(
        p.name for p in room.folder.rglob("*") if p.is_file() and room.room_dir not in p.parents
    )
    assert all(
        name.startswith(".bakery-class") or name == "bakery-class-join.svg" for name in made
    ), made
    assert (room.room_dir / f"{stem}.json").exists()
    page.context.close()


def test_the_dashboard_shows_who_joined_and_follows_their_edits(
    chromium_browser: Any, room: RunningRoom, blocked: list[str]
) -> None:
    board = room_page(chromium_browser, room, blocked)
    board.goto(room.dashboard_url, wait_until="domcontentloaded")
    board.wait_for_selector("tr[data-participant='ana']")
    assert board.locator("tr[data-participant='ana-2']").count() == 1
    assert board.is_visible(".jk-dash-join svg")  # the QR code for the projector
    page = room_page(chromium_browser, room, blocked)
    open_room_page(page, room.join_url)
    join(page, "Cy")
    row = "tr[data-participant='cy']"
    board.wait_for_selector(row)
    before = board.get_attribute(row, "data-filled")
    type_touchpoint(page, "Market stall")
    wait_for_map(room.room_dir / "cy.json", lambda d: touchpoints(d) == ["Market stall"])
    saved_at = time.monotonic()
    board.wait_for_function(
        f"""before => document.querySelector("{row}")
        ?.getAttribute('data-filled') !== before""",
        arg=before,
        timeout=30_000,
    )
    assert time.monotonic() - saved_at < 15, "the dashboard follows within seconds"
    assert board.locator(".js-plotly-plot .main-svg").count() >= 1  # the emotion heatmap
    page.context.close()

    board.click("button:has-text('Present')")
    board.wait_for_selector(".jk-dashboard.jk-present tr[data-participant='Participant 1']")
    people = board.inner_text(".jk-dash-people")
    assert "ana" not in people.lower() and "cy" not in people.lower().split()
    board.click("button:has-text('Export HTML')")
    board.wait_for_selector(".jk-dash-message-box :text('Wrote')")
    exported = room.folder / "bakery-class-rollup.html"
    assert exported.exists() and "Market stall" in exported.read_text("utf-8")
    board.context.close()
