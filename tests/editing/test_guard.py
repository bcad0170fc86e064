"""What the page keeps while the kernel is gone, and what the kernel does with it.

The page side (``guard.js``) is driven in a real JupyterLab by
``test_editor_lost_browser.py``; here the kernel side gets the messages a page sends
(``hello``, ``recover``) and the tests check what a learner relies on: text typed while
the kernel was away reaches the file by the rules of two editors, the page is told what
a save holds (so it can forget it), a shown editor catches up with its file, and
nothing a page sends can do more than type into its own editor's boxes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import journeykit as jk
from journeykit.editing.fields import css_name

PATH = "my_maps/shop.json"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


class Page:
    """What a page receives from an editor's status line (its custom messages)."""

    def __init__(self, ed: jk.Editor) -> None:
        self.editor = ed
        self.guard = ed._status.guard
        self.received: list[dict[str, Any]] = []
        self.guard.send = lambda content, buffers=None: self.received.append(content)

    def sends(self, content: Any) -> None:
        """A message from the page, as the widget's comm delivers it."""
        self.guard._message(self.guard, content, [])

    def confirmed(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for message in self.received:
            if message.get("kind") == "saved":
                out.update(message["fields"])
        return out


def editor(**options: Any) -> tuple[jk.Editor, Page]:
    ed = jk.editor(PATH, framework="five-stage", **options)
    ed._saver._debouncer.delay = 60  # these tests save by hand
    return ed, Page(ed)


def saved() -> dict:
    return json.loads(Path(PATH).read_text(encoding="utf-8"))


def test_the_line_watches_the_file_and_the_text_boxes(workdir: Path) -> None:
    _, page = editor()
    guard = page.guard
    assert guard.file_key and len(guard.file_key) == 32, "a hash: no path reaches the page"
    assert str(workdir) not in json.dumps(guard.get_state())
    assert guard.fields[css_name("Awareness.touchpoints")] == "Awareness.touchpoints"
    assert guard.fields[css_name("title")] == "title"
    assert css_name("Awareness.emotion_score") not in guard.fields, "a slider is not typing"
    assert "Re-run this cell" in guard.lost["stopped"]
    assert "Reload to continue" in guard.lost["disconnected"]
    assert "Not saved: reconnecting" in guard.lost["reconnecting"]
    served, _ = editor(served=True)
    assert "Reload to continue" in served._status.guard.lost["stopped"]
    memory = jk.editor(jk.example("clothing-store"))
    assert memory._status.guard.file_key == "" and memory._status.guard.fields == {}


def test_a_save_tells_the_page_which_typed_text_the_file_holds(workdir: Path) -> None:
    ed, page = editor()
    box = ed.fields["Awareness.touchpoints"].input
    box.value = "Shop window\n"  # as the page sends it, trailing newline and all
    assert page.confirmed() == {}, "not saved yet: the page keeps it"
    ed.flush()
    assert page.confirmed() == {"Awareness.touchpoints": "Shop window\n"}
    ed.fields["Awareness.goal"].input.value = "x" * 5000  # refused: too long
    ed.fields["Awareness.actions"].input.value = "Sees a poster"
    ed.flush()
    assert "Awareness.actions" in page.confirmed()
    assert "Awareness.goal" not in page.confirmed(), "refused text stays kept in the page"
    page.received.clear()
    box.value = "Shop window\n\n"  # the same map: no save is needed, the file holds it
    assert page.confirmed() == {"Awareness.touchpoints": "Shop window\n\n"}


def test_text_kept_while_the_kernel_was_away_is_merged_into_the_file(workdir: Path) -> None:
    first, _ = editor()
    first.set_lane("Awareness", "touchpoints", ["Shop window"])
    first.set_lane("Purchase", "goal", "Pay quickly")
    first.save()
    # the kernel restarts; meanwhile another notebook on the file adds a touchpoint and a goal
    other = jk.editor(PATH)
    other.set_lane("Awareness", "touchpoints", ["Shop window", "Flyer"])
    other.set_lane("Purchase", "goal", "Pay at the counter")
    other.save()
    # the cell runs again: a new editor, and the page sends what it kept
    again, page = editor()
    page.sends(
        {
            "kind": "recover",
            "fields": {
                "Awareness.touchpoints": {
                    "text": "Shop window\nPop-up stall",
                    "base": "Shop window",
                },
                "Purchase.goal": {"text": "Pay in one tap", "base": "Pay quickly"},
                "Retention.kpis": {"text": "Repeat orders", "base": ""},
            },
        }
    )
    data = saved()
    assert sorted(data["stages"][0]["touchpoints"]) == ["Flyer", "Pop-up stall", "Shop window"]
    assert data["stages"][2]["goal"] == "Pay in one tap", "the typed text is saved ..."
    [aside] = sorted(Path("my_maps").glob("shop.conflict-*.json"))
    assert jk.load_map(aside).stage("Purchase").goal == "Pay at the counter", "... theirs kept"
    assert data["stages"][3]["kpis"] == ["Repeat orders"]
    assert again.fields["Awareness.touchpoints"].input.value.count("\n") == 2, "the box shows it"
    status = again.status
    assert status.startswith("Saved ")
    assert "Brought back what was typed while the kernel was away" in status
    assert "Awareness: touchpoints changed here and elsewhere: the items of both are kept" in status
    assert aside.name in status
    assert set(page.confirmed()) == {"Awareness.touchpoints", "Purchase.goal", "Retention.kpis"}


def test_text_the_file_already_holds_is_only_confirmed(workdir: Path) -> None:
    ed, page = editor()
    ed.set_lane("Awareness", "goal", "Notice the shop")
    ed.save()
    stamp = Path(PATH).stat().st_mtime_ns
    page.sends({"kind": "recover", "fields": {"Awareness.goal": {"text": " Notice the shop "}}})
    assert page.confirmed() == {"Awareness.goal": " Notice the shop "}
    assert Path(PATH).stat().st_mtime_ns == stamp, "nothing to write"
    assert "Brought back" not in ed.status


@pytest.mark.parametrize(
    "content",
    [
        {"kind": "recover", "fields": "not a dict"},
        {"kind": "recover", "fields": {"Awareness.goal": {"text": 42}}},
        {"kind": "recover", "fields": {"../../etc/passwd": {"text": "x", "base": ""}}},
        {"kind": "recover", "fields": {"Awareness.emotion_score": {"text": "5", "base": ""}}},
        {"kind": "recover", "fields": {f"k{i}": {"text": "x"} for i in range(1000)}},
        {"kind": "something else"},
        ["not", "a", "dict"],
    ],
)
def test_what_a_page_sends_can_only_type_into_its_own_text_boxes(
    workdir: Path, content: Any
) -> None:
    ed, page = editor()
    before = Path(PATH).read_bytes()
    page.sends(content)
    assert Path(PATH).read_bytes() == before
    assert ed.map == jk.load_map(PATH)


def test_a_shown_editor_catches_up_with_its_file(workdir: Path) -> None:
    """A page shows an editor (a reload, the notebook reopened): it says hello first."""
    shown, page = editor()
    elsewhere = jk.editor(PATH)  # the cell run again, or the other notebook
    elsewhere.set_lane("Consideration", "touchpoints", ["Price comparison site"])
    elsewhere.save()
    assert shown.fields["Consideration.touchpoints"].input.value == "", "stale until shown"
    before = Path(PATH).read_bytes()
    page.sends({"kind": "hello"})
    assert shown.fields["Consideration.touchpoints"].input.value == "Price comparison site"
    assert "Merged in changes saved elsewhere to Consideration: touchpoints" in shown.status
    assert Path(PATH).read_bytes() == before, "catching up writes nothing"
    assert not shown.save_pending


def test_a_box_typed_into_before_a_teammates_save_reached_it_takes_nothing_out(
    workdir: Path,
) -> None:
    """Two pages on one map (a workshop team's): the second page's box still showed the
    map before the first one's save when its participant typed; the page says what the
    box showed ("typed"), so the first one's item stays. A deletion typed into a box that
    showed the item still takes it out."""
    ed, page = editor()
    ed._saver._debouncer.delay = 0.01  # the refresh below reads the file at once
    other = jk.load_map(PATH)
    other.set_lane("Awareness", "touchpoints", ["Shop window"])
    other.save(PATH)
    ed.refresh(at_most_every=0)  # the kernel takes the teammate's item in...
    assert ed.map.stage("Awareness").touchpoints == ["Shop window"]
    box = ed.fields["Awareness.touchpoints"].input
    typed = {"text": "Radio", "base": ""}
    page.sends({"kind": "typed", "fields": {"Awareness.touchpoints": typed}})
    box.value = "Radio"  # ...but the page had typed into a box that never showed it
    ed.save()
    assert sorted(saved()["stages"][0]["touchpoints"]) == ["Radio", "Shop window"]
    assert sorted(ed.map.stage("Awareness").touchpoints) == ["Radio", "Shop window"]
    typed = {"text": "Radio", "base": "Radio\nShop window"}
    page.sends({"kind": "typed", "fields": {"Awareness.touchpoints": typed}})
    box.value = "Radio"  # the box showed the item: taking it out is meant
    ed.save()
    assert saved()["stages"][0]["touchpoints"] == ["Radio"]
    page.sends({"kind": "typed", "fields": {"nope": {"text": "x", "base": ""}}, "x": 1})
    assert ed._typed_from == {}, "only the editor's own boxes"


def test_a_box_that_sends_only_some_of_its_texts_keeps_no_half_typed_line(
    workdir: Path,
) -> None:
    """A page under load says what it typed at every key ("typed") while its box sends only
    some of the texts (ipywidgets coalesces them). The merge must start from what the kernel
    holds from this page, not from a text the box never sent, or a half-typed line stays
    in the map as an item of its own ("Pop-up sta")."""
    ed, page = editor()
    box = ed.fields["Awareness.touchpoints"].input
    texts = [
        "Shop window",
        "Shop window\nPop",
        "Shop window\nPop-up sta",
        "Shop window\nPop-up stall",
    ]
    known = ""
    for text in texts[:2]:
        page.sends(
            {"kind": "typed", "fields": {"Awareness.touchpoints": {"text": text, "base": known}}}
        )
        known = text
    box.value = texts[0]  # the box sends an earlier text while more is typed
    for text in texts[2:]:
        page.sends(
            {"kind": "typed", "fields": {"Awareness.touchpoints": {"text": text, "base": known}}}
        )
        known = text
    box.value = texts[-1]  # ... and then only its last
    ed.save()
    assert saved()["stages"][0]["touchpoints"] == ["Shop window", "Pop-up stall"]
    assert ed._typed_from == {}, "nothing waits once the box sent what was typed"
