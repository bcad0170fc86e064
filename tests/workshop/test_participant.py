"""The participant's page without a browser: the same object a room's kernel shows.

In a room the server tells the page's kernel whose page it is (the browser's
identity, its address and a personal link's name); these tests hand the page
the same :class:`Identity`.
"""

from __future__ import annotations

import asyncio
import html
import json
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest

import journeykit as jk
from journeykit.workshop.closing import PAGES, flag_closing, pages_waiting
from journeykit.workshop.identity import Identity
from journeykit.workshop.participant import ParticipantPage
from journeykit.workshop.settings import RoomSettings
from tests.workshop.room_client import run_apart

ANA_BROWSER, BEN_BROWSER = "a1" * 16, "b2" * 16


def page_in(
    room: Path, browser_id: str = "", link_name: str = "", address: str = "", **options: Any
) -> ParticipantPage:
    page = ParticipantPage(RoomSettings(room, "Bakery class", **options), warm=False)
    if browser_id or link_name:
        page.identify(Identity(browser_id, address, link_name))
    return page


def shown_text(widget: widgets.Widget) -> str:
    """Every piece of HTML the page shows (text boxes show their value as text, not markup)."""
    parts = [widget.value] if isinstance(widget, widgets.HTML) else []
    for child in getattr(widget, "children", ()):
        parts.append(shown_text(child))
    return "\n".join(parts)


@pytest.fixture
def room(tmp_path: Path) -> Path:
    return tmp_path / "rooms" / "bakery-class"


def test_a_new_browser_is_asked_for_a_name_and_gets_its_own_map(room: Path) -> None:
    page = page_in(room, ANA_BROWSER)
    assert page.editor is None and page.name.placeholder == "Your first name"
    page.name.value = "Ana"
    assert page.stem == "ana"
    saved = jk.load_map(room / "ana.json")
    assert saved.title == "Ana" and saved.framework == "five-stage"
    page.editor.set_lane("Awareness", "touchpoints", ["Shop window"])
    page.editor.flush()
    assert jk.load_map(room / "ana.json").stage("Awareness").touchpoints == ["Shop window"]
    page.close()


def test_the_editor_shows_no_export_row_and_no_file_path(room: Path) -> None:
    page = page_in(room, ANA_BROWSER, "Ana")
    assert page.editor.exports.box not in page.editor.view.children
    assert str(room) not in shown_text(page.box)
    assert page.editor.status.startswith("Saved ") and "/" not in page.editor.status
    page.close()


def test_the_same_browser_comes_back_to_its_map(room: Path) -> None:
    first = page_in(room, ANA_BROWSER, "Ana")
    first.editor.set_lane("Awareness", "touchpoints", ["Shop window"])
    first.close()
    again = page_in(room, ANA_BROWSER)
    assert again.stem == "ana" and "Welcome back" in shown_text(again.box)
    assert again.editor.map.stage("Awareness").touchpoints == ["Shop window"]
    again.close()


def test_another_device_with_the_same_name_gets_a_separate_map(room: Path) -> None:
    ana = page_in(room, ANA_BROWSER, "Ana")
    ana.editor.set_lane("Awareness", "touchpoints", ["Shop window"])
    ana.editor.flush()
    other = page_in(room, BEN_BROWSER, "Ana")
    assert other.stem == "ana-2"
    assert other.editor.map.stage("Awareness").touchpoints == []
    assert jk.load_map(room / "ana.json").stage("Awareness").touchpoints == ["Shop window"]
    ana.close()
    other.close()


def test_an_identity_the_server_did_not_make_never_reaches_a_map(room: Path) -> None:
    ana = page_in(room, ANA_BROWSER, "Ana")
    ana.close()
    for forged in ("../.owners/ana", "ana", ANA_BROWSER.upper(), ANA_BROWSER + "0"):
        page = page_in(room, forged)
        assert page.editor is None, forged  # asked for a name, not given Ana's map
        page.close()


@pytest.mark.parametrize(
    "typed",
    ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "x" * 10_000, "../../CON"],
)
def test_names_reach_the_page_escaped_and_the_disk_as_plain_files(room: Path, typed: str) -> None:
    page = page_in(room, ANA_BROWSER, typed)
    assert page.editor is not None
    text = shown_text(page.box)
    assert "<script" not in text and "<img" not in text
    assert html.escape(typed[:20]) in text or typed.startswith("x")
    files = [p for p in room.parent.parent.rglob("*") if p.is_file()]
    assert all(room in p.parents for p in files)
    page.close()


def test_the_page_says_connecting_until_it_knows_the_browser(room: Path) -> None:
    page = ParticipantPage(RoomSettings(room, "Bakery class"), warm=False)
    assert "Connecting" in page.message.value
    assert page.message._dom_classes == ("jk-room-connecting",)
    page.close()


def test_an_empty_name_is_refused_with_a_sentence(room: Path) -> None:
    page = page_in(room, ANA_BROWSER)
    page.join("   \n ")
    assert page.editor is None and "Type your first name" in page.problem.value
    page.close()


def test_a_full_room_refuses_new_names_but_not_returning_browsers(room: Path) -> None:
    page_in(room, ANA_BROWSER, "Ana", max_participants=1).close()
    late = page_in(room, BEN_BROWSER, "Ben", max_participants=1)
    assert late.editor is None and "This room is full" in late.message.value
    assert late.message._dom_classes == ("jk-room-message",)  # no longer "Connecting…"
    back = page_in(room, ANA_BROWSER, max_participants=1)
    assert back.stem == "ana"
    back.close()


def test_a_map_that_does_not_load_is_left_untouched(room: Path) -> None:
    page_in(room, ANA_BROWSER, "Ana").close()
    (room / "ana.json").write_text("{ broken", encoding="utf-8")
    again = page_in(room, ANA_BROWSER)
    assert again.editor is None and "could not be opened" in again.message.value
    assert (room / "ana.json").read_text(encoding="utf-8") == "{ broken"


def test_a_hub_user_needs_no_prompt(room: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUPYTERHUB_USER", "ana")
    page = page_in(room)
    assert page.stem == "ana"
    assert (room / ".owners" / "ana").read_text().splitlines()[0] == "hub:ana"
    page.close()


def test_closing_the_room_saves_and_says_so(tmp_path: Path, room: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()

    async def session() -> ParticipantPage:
        page = page_in(room, ANA_BROWSER, "Ana", run_dir=run, save_delay=60)
        page.editor.set_lane("Awareness", "touchpoints", ["Typed just before closing"])
        assert page.editor.save_pending
        await asyncio.sleep(0.1)  # the page's watcher says it is open
        assert pages_waiting(run) != []
        flag_closing(run)
        for _ in range(50):
            await asyncio.sleep(0.1)
            if page.editor.view not in page.box.children:
                break
        # the room waits until the browser says it drew the sentence (a server stopped
        # sooner can drop it): nothing is "saved" before that answer
        assert "closed the room" in page.link.last_word
        await asyncio.sleep(0.3)
        assert not any((run / PAGES).glob("*.saved"))
        page.link._handle_custom_msg({"told": True}, [])  # what room_link.js sends
        for _ in range(20):
            await asyncio.sleep(0.05)
            if any((run / PAGES).glob("*.saved")):
                break
        return page

    page = run_apart(session())  # Playwright may hold this thread's loop
    assert "closed the room" in shown_text(page.box)
    assert pages_waiting(run) == [] and any((run / PAGES).glob("*.saved"))
    saved = json.loads((room / "ana.json").read_text(encoding="utf-8"))
    assert saved["stages"][0]["touchpoints"] == ["Typed just before closing"]


def test_a_map_too_big_to_open_again_is_never_saved(room: Path) -> None:
    # A page may send any value; thousands of long items would make a file that no
    # longer loads, and the participant could not come back to their map.
    page = page_in(room, ANA_BROWSER, "Ana")
    page.editor.set_lane("Awareness", "touchpoints", ["Shop window"])
    page.editor.flush()
    huge = [f"{n} " + "x" * 1990 for n in range(3000)]  # each item is within the model's limit
    for lane in ("actions", "touchpoints"):
        page.editor.set_lane("Awareness", lane, huge)
    page.editor.flush()
    assert "could not be opened again" in page.editor.status
    assert jk.load_map(room / "ana.json").stage("Awareness").touchpoints == ["Shop window"]
    page.close()


def test_one_device_takes_its_share_of_names_but_this_computer_is_never_limited(
    room: Path,
) -> None:
    first = page_in(room, ANA_BROWSER, "Ana", address="192.168.1.20", per_device=1)
    second = page_in(room, BEN_BROWSER, "Ben", address="192.168.1.20", per_device=1)
    assert first.stem == "ana" and second.editor is None
    assert "already joined the room 1 times" in second.message.value
    elsewhere = page_in(room, "c3" * 16, "Cy", address="192.168.1.21", per_device=1)
    here = [
        page_in(room, f"{n:02d}" * 16, f"P{n}", address="127.0.0.1", per_device=1) for n in (1, 2)
    ]
    assert elsewhere.stem == "cy" and [page.stem for page in here] == ["p1", "p2"]
    for page in (first, second, elsewhere, *here):
        page.close()


def test_a_second_tab_takes_the_map_and_the_first_stops_editing(room: Path) -> None:
    first = page_in(room, ANA_BROWSER, "Ana")
    first.editor.set_lane("Awareness", "touchpoints", ["Typed in the first tab"])
    second = page_in(room, ANA_BROWSER)  # the same browser, another tab
    assert second.stem == "ana" and "Welcome back" in shown_text(second.box)
    first.look()
    assert first.editor.view not in first.box.children
    assert "open in another tab" in shown_text(first.box)
    second.look()  # the first tab's last save comes into the second
    assert second.editor.map.stage("Awareness").touchpoints == ["Typed in the first tab"]
    second.editor.set_lane("Awareness", "touchpoints", ["Typed in the second tab"])
    second.editor.flush()
    second.look()
    assert second.editor.view in second.box.children
    assert list(room.glob("*.conflict-*")) == []
    assert jk.load_map(room / "ana.json").stage("Awareness").touchpoints == [
        "Typed in the second tab"
    ]
    second.close()


def test_text_kept_aside_is_shown_on_the_page_and_can_be_put_back(room: Path) -> None:
    page = page_in(room, ANA_BROWSER, "Ana")
    page.editor.set_lane("Awareness", "goal", "Find a gift")
    page.editor.flush()
    other = jk.load_map(room / "ana.json")
    other.set_lane("Awareness", "goal", "Find a birthday gift fast")
    other.set_lane("Awareness", "touchpoints", ["Radio"])
    other.save(room / "ana.conflict-20260301-093005.json")  # another page's text, set aside
    page.look()
    shown = shown_text(page.kept.box)
    assert "kept aside" in shown and "Find a birthday gift fast" in shown and "Radio" in shown
    put_back = [w for w in _all(page.kept.box) if "jk-room-put-back" in w._dom_classes]
    for button in put_back:
        button.click()
    page.editor.flush()
    saved = jk.load_map(room / "ana.json").stage("Awareness")
    assert saved.goal == "Find a birthday gift fast" and saved.touchpoints == ["Radio"]
    assert list(room.glob("*.conflict-*")) == [] and page.kept.box.children == ()
    assert (room / ".kept" / "ana.conflict-20260301-093005.json").exists()  # not deleted
    other.set_lane("Awareness", "actions", ["Asked a friend"])
    other.save(room / "ana.conflict-20260301-094500.json")
    page.look()
    done = [w for w in _all(page.kept.box) if "jk-room-kept-done" in w._dom_classes]
    done[0].click()  # not wanted: cleared away, the map as it was
    assert page.kept.box.children == () and page.editor.map.stage("Awareness").actions == []
    page.close()


def test_a_freed_place_stops_the_page_and_its_browser_starts_again(room: Path) -> None:
    from journeykit.workshop.names import free_claim

    page = page_in(room, ANA_BROWSER, "Ana")
    page.editor.set_lane("Awareness", "touchpoints", ["Shop window"])
    assert free_claim(room, "ana")
    page.look()
    assert "freed your place" in shown_text(page.box)
    assert jk.load_map(room / "ana.json").stage("Awareness").touchpoints == ["Shop window"]
    again = page_in(room, ANA_BROWSER)
    assert again.editor is None and again.name.placeholder == "Your first name"
    again.close()


def _all(widget: widgets.Widget) -> list[widgets.Widget]:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found.extend(_all(child))
    return found


def test_a_pre_heated_page_joins_with_values_not_new_widgets(room: Path) -> None:
    """A class joining at once waits for what each join sends: the editor built before
    anyone came keeps its form, folds, review and export row for the participant's map."""
    from ipywidgets.widgets.widget import _instances

    page = ParticipantPage(RoomSettings(room, "Bakery class"))  # warm, as in a room's pool
    page._prepare()  # built at once, or soon on a running loop (as in a kernel)
    editor = page._spare
    assert editor is not None
    folds, review, exports = list(editor.item_panels), editor.review_panel, editor.exports
    before = set(_instances)
    page.identify(Identity(ANA_BROWSER))
    page.name.value = "Ana"
    assert page.editor is editor and page.stem == "ana"
    assert editor.item_panels == folds and editor.review_panel is review
    assert editor.exports is exports
    made = len(set(_instances) - before)
    assert made < 60, f"joining made {made} widgets"
    editor.set_lane("Awareness", "touchpoints", ["Shop window"])
    folds[0].open()
    folds[0].flush()
    assert folds[0].row("touchpoints", "Shop window").text == "Shop window"
    review.flush()
    assert review.map is editor.map and review.revision > 0
    page.close()


def test_a_page_asking_for_every_widget_state_gets_them_without_defaults(room: Path) -> None:
    from ipywidgets.widgets.widget import _instances

    from journeykit.workshop.kernel import widget_states

    before = set(_instances)  # widgets of earlier tests
    page = ParticipantPage(RoomSettings(room, "Bakery class"))
    page._prepare()
    lean = {key: state for key, state in widget_states().items() if key not in before}
    full = {key: _instances[key].get_state() for key in lean}
    assert len(lean) > 500  # the pre-built editor's
    assert len(json.dumps(lean, default=str)) < 0.5 * len(json.dumps(full, default=str))
    name = page.heading.model_id
    assert lean[name]["model_name"] == "HTMLModel"
    assert lean[name]["state"]["value"] == page.heading.value
    page.close()
