"""The journey-map editor, driven from Python the way the browser drives it.

Each test changes the editor through its widgets (setting a box's value is
what a keystroke does) or through ``Editor.set_lane`` and checks what a
learner relies on: the map changes, the live preview shows it, the file holds
it, a refused value is explained beside its field, and nothing is lost.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

import journeykit as jk
from journeykit.editing.fields import ListField, ScoreField, TextField
from journeykit.model import MAPS_DIR_ENV

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh notebook folder with its own my_maps/."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(MAPS_DIR_ENV, str(tmp_path / "my_maps"))
    return tmp_path


@pytest.fixture
def shop(workdir: Path) -> jk.Editor:
    """An editor on a new eight-stage map file; long save delay so tests flush by hand."""
    ed = jk.Editor(*new_map("my_maps/shop.json", "eight-stage"), save_delay=60)
    yield ed
    ed.close()


def new_map(path: str, framework: str) -> tuple[jk.JourneyMap, str]:
    from journeykit.editing import open_or_create

    return open_or_create(path, framework)[0], path


def saved(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def trace_text(ed: jk.Editor) -> str:
    """Every text and hover text the preview shows, with plotly's line breaks undone."""
    shown = ed.preview.shown  # what was sent to the page
    parts = [
        json.dumps(shape.get("label"), ensure_ascii=False)
        for shape in shown["layout"].get("shapes", [])
    ]
    for trace in shown["data"]:
        for value in (trace.get("text"), trace.get("hovertext")):
            parts.append(json.dumps(value, ensure_ascii=False))
    flat = " ".join(parts).replace("<br>", " ").replace("\u00a0", " ")
    return " ".join(flat.split())


# ----- edits reach the map, the preview and the file ------------------------------------------
def test_typing_in_a_lane_reaches_map_preview_and_file(shop: jk.Editor) -> None:
    box = shop.fields["Convert.touchpoints"]
    assert isinstance(box, ListField)
    before = trace_text(shop)

    box.input.value = "Trial offer page\n\n  Checkout  "
    shop.flush()

    assert shop.map.stage("Convert").touchpoints == ["Trial offer page", "Checkout"]
    assert trace_text(shop) != before
    assert "Trial offer page" in trace_text(shop)
    assert saved("my_maps/shop.json")["stages"][3]["touchpoints"] == [
        "Trial offer page",
        "Checkout",
    ]
    assert shop.status.startswith("Saved ")


def test_the_box_keeps_what_the_learner_is_typing(shop: jk.Editor) -> None:
    box = shop.fields["Aware.actions"].input
    box.value = "Sees a poster\n"  # about to type the next line
    assert shop.map.stage("Aware").actions == ["Sees a poster"]
    assert box.value == "Sees a poster\n", "the trailing newline must survive"


def test_code_edits_take_the_same_path_and_show_in_the_widgets(shop: jk.Editor) -> None:
    assert shop.set_lane("Convert", "goal", "  Try the product for free ") is True
    assert shop.fields["Convert.goal"].input.value == "Try the product for free"
    assert shop.set_persona(name="Sam", goals=["Save time", "Pay less"])
    assert shop.fields["persona.goals"].input.value == "Save time\nPay less"
    assert "Sam" in shop.header.value
    shop.flush()
    data = saved("my_maps/shop.json")
    assert data["persona"]["goals"] == ["Save time", "Pay less"]
    assert data["stages"][3]["goal"] == "Try the product for free"


def test_changes_made_on_the_map_itself_show_in_the_editor(shop: jk.Editor) -> None:
    shop.map.set_lane("Promote", "kpis", ["Referrals per month"])
    assert shop.fields["Promote.kpis"].input.value == "Referrals per month"
    shop.flush()
    assert "Referrals per month" in trace_text(shop)


def test_the_emotion_slider_scores_a_stage_and_the_tick_box_clears_it(shop: jk.Editor) -> None:
    field = shop.fields["Engage.emotion_score"]
    assert isinstance(field, ScoreField)
    assert field.read() is None and "not scored" in field.readout.value

    def curve() -> dict:
        return next(t for t in shop.preview.shown["data"] if t["name"] == "emotion")

    assert curve()["y"][1] is None

    field.slider.value = 2
    shop.flush()
    assert shop.map.stage("Engage").emotion_score == 2
    assert field.scored.value is True and "negative" in field.readout.value
    assert curve()["y"][1] is not None
    assert saved("my_maps/shop.json")["stages"][1]["emotion"]["score"] == 2

    field.scored.value = False
    shop.flush()
    assert shop.map.stage("Engage").emotion_score is None
    assert saved("my_maps/shop.json")["stages"][1]["emotion"]["score"] is None


def test_the_preview_is_one_figure_changed_in_place(shop: jk.Editor) -> None:
    figure = shop.preview
    revision = shop.preview_revision
    shop.set_lane("Aware", "touchpoints", ["Radio ad"])
    shop.set_lane("Aware", "touchpoints", ["Radio ad", "Poster"])
    shop.flush()
    assert shop.preview is figure
    assert shop.preview_revision > revision
    assert "Poster" in trace_text(shop)

    shop.show_preview("emotions")
    assert shop.preview is figure
    assert [t.name for t in figure.data] == [t.name for t in jk.plot_emotions(shop.map).data]
    shop.show_preview("map")
    assert "Poster" in trace_text(shop)


def test_a_burst_of_edits_redraws_once_more_not_once_per_keystroke(workdir: Path) -> None:
    ed = jk.Editor(jk.example("clothing-store"), redraw_delay=60)  # later edits all wait
    start = ed.preview_revision
    for text in ("W", "We", "Web", "Webs", "Websi", "Websit", "Website"):
        ed.fields["Awareness.touchpoints"].input.value = text
    assert ed.preview_revision == start + 1, "the first edit draws at once"
    ed.flush()
    assert ed.preview_revision == start + 2, "the rest are merged into one redraw"
    assert "Website" in trace_text(ed)


# ----- refused input: explained beside the field, nothing changed -----------------------------
def test_a_refused_value_is_explained_beside_its_field_and_changes_nothing(shop: jk.Editor) -> None:
    shop.save()
    before = Path("my_maps/shop.json").read_bytes()

    assert shop.set_lane("Convert", "emotion_score", 7) is False
    assert "7 is not a score from 1 to 5" in shop.problems["Convert.emotion_score"]
    assert "To fix it" in shop.fields["Convert.emotion_score"].problem_message
    assert shop.fields["Convert.emotion_score"].problem.layout.display != "none"
    assert shop.map.stage("Convert").emotion_score is None
    shop.flush()
    assert Path("my_maps/shop.json").read_bytes() == before

    assert shop.set_lane("Convert", "emotion_score", 4) is True
    assert "Convert.emotion_score" not in shop.problems
    assert shop.fields["Convert.emotion_score"].problem.layout.display == "none"


def test_a_list_lane_refuses_non_text_items_and_keeps_the_box(shop: jk.Editor) -> None:
    box = shop.fields["Ascend.pain_points"].input
    box.value = "Too many plans to compare"
    assert shop.set_lane("Ascend", "pain_points", ["Fine", 42]) is False
    assert "Expected text" in shop.problems["Ascend.pain_points"]
    assert box.value == "Too many plans to compare"
    assert shop.map.stage("Ascend").pain_points == ["Too many plans to compare"]


def test_text_too_long_is_refused_beside_its_field_and_the_file_keeps_the_last_good_version(
    shop: jk.Editor,
) -> None:
    shop.set_lane("Aware", "actions", ["Reads a blog post"])
    shop.flush()
    good = Path("my_maps/shop.json").read_bytes()

    shop.fields["Aware.actions"].input.value = "x" * 2500
    shop.flush()
    assert Path("my_maps/shop.json").read_bytes() == good
    assert shop.map.stage("Aware").actions == ["Reads a blog post"], "the map never took it"
    assert "2500 characters" in shop.problems["Aware.actions"]
    assert shop.fields["Aware.actions"].input.value == "x" * 2500, "the text stays in the box"

    shop.fields["Aware.actions"].input.value = "Reads a shorter blog post"
    shop.flush()
    assert shop.status.startswith("Saved ")
    assert "Aware.actions" not in shop.problems
    assert saved("my_maps/shop.json")["stages"][0]["actions"] == ["Reads a shorter blog post"]


def test_an_unknown_stage_in_code_raises_the_kits_readable_error(shop: jk.Editor) -> None:
    with pytest.raises(jk.JourneyMapError, match="use one of Aware, Engage"):
        shop.set_lane("Checkout", "goal", "Pay")


# ----- autosave -------------------------------------------------------------------------------
def test_autosave_waits_for_a_pause_then_writes_once_keeping_a_backup(workdir: Path) -> None:
    ed = jk.Editor(*new_map("my_maps/cafe.json", "five-stage"), save_delay=0.3)
    first = Path("my_maps/cafe.json").read_text(encoding="utf-8")
    ed.last_saved = None
    for text in ("L", "La", "Lat", "Latte"):
        ed.fields["Purchase.touchpoints"].input.value = text
    assert ed.save_pending
    assert Path("my_maps/cafe.json").read_text(encoding="utf-8") == first
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not (
        ed.status.startswith("Saved")
        and ed.last_saved is not None
        and "Latte" in Path("my_maps/cafe.json").read_text(encoding="utf-8")
    ):
        time.sleep(0.05)  # no flush: the timer alone must write it
    assert saved("my_maps/cafe.json")["stages"][2]["touchpoints"] == ["Latte"]
    assert Path("my_maps/cafe.json.bak").read_text(encoding="utf-8") == first
    assert ed.last_saved is not None and ed.status.startswith("Saved ")
    ed.close()


def test_reopening_the_file_brings_every_edit_back(workdir: Path) -> None:
    ed = jk.editor("my_maps/salon.json", framework="six-stage")
    ed.set_title("Hair salon: first visit")
    ed.set_persona(name="Lena", frustrations="Long waits\nNo online booking")
    ed.set_lane("Engage", "emotion_score", 2)
    ed.fields["Purchase.opportunities"].input.value = "Book online\nText reminders"
    ed.close()  # what a kernel restart does: pending saves are written

    again = jk.editor("my_maps/salon.json")
    assert again.map == ed.map
    assert again.fields["title"].input.value == "Hair salon: first visit"
    assert again.fields["persona.frustrations"].input.value == "Long waits\nNo online booking"
    assert again.fields["Engage.emotion_score"].read() == 2
    assert again.fields["Purchase.opportunities"].input.value == "Book online\nText reminders"
    assert "Opened salon.json" in again.status or again.status.startswith("Saved")
    again.close()


def test_a_save_still_waiting_is_written_when_python_exits(workdir: Path) -> None:
    script = textwrap.dedent("""
        import journeykit as jk
        from journeykit.editing import open_or_create
        m, _ = open_or_create("my_maps/exit.json", "five-stage")
        ed = jk.Editor(m, "my_maps/exit.json", save_delay=60)
        ed.set_lane("Advocacy", "messages", ["Tell a friend"])
        assert ed.save_pending
    """)
    subprocess.run(
        [sys.executable, "-c", script],
        check=True,
        cwd=workdir,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert saved(workdir / "my_maps/exit.json")["stages"][4]["messages"] == ["Tell a friend"]


def test_a_map_given_in_memory_is_edited_without_touching_any_file(workdir: Path) -> None:
    ed = jk.editor(jk.example("clothing-store"))
    ed.set_lane("Awareness", "kpis", ["Reach"])
    ed.flush()
    assert "in memory" in ed.status
    assert not (workdir / "my_maps").exists()
    assert ed.save() is None and "Nothing to save to" in ed.status
    with_path = jk.editor(jk.example("clothing-store"), path="my_maps/copy.json")
    assert with_path.save() == Path("my_maps/copy.json")
    assert jk.load_map("my_maps/copy.json").title == jk.example("clothing-store").title


# ----- opening --------------------------------------------------------------------------------
def test_a_missing_file_needs_a_framework_and_a_broken_file_is_left_alone(workdir: Path) -> None:
    with pytest.raises(jk.JourneyMapError, match="framework"):
        jk.editor("my_maps/nothing.json")
    broken = workdir / "broken.json"
    broken.write_text('{"framework": "six-stage",', encoding="utf-8")
    with pytest.raises(jk.JourneyMapError, match="line 1"):
        jk.editor(broken, framework="six-stage")
    assert broken.read_text(encoding="utf-8") == '{"framework": "six-stage",'


def test_the_start_screen_starts_an_own_map_or_the_example(workdir: Path) -> None:
    ed = jk.editor()
    assert ed.map is None and "choose" in ed.summary()
    screen = ed.start_screen
    assert [value for _, value in screen.framework.options] == jk.framework_ids()
    assert jk.get_framework("six-stage").name in screen.framework.label

    screen.framework.value = "eight-stage"
    screen.name.value = "???"
    screen.start_button.click()
    assert "cannot be used as a file name" in screen.name_problem.value
    assert ed.map is None

    screen.name.value = "bike shop"
    screen.start_button.click()
    assert ed.map.framework == "eight-stage"
    assert (workdir / "my_maps" / "bike_shop.json").exists()
    assert ed.view.children[0] is ed.header

    chooser = jk.editor()
    chooser.start_screen.example_button.click()
    example = chooser
    example.set_lane("Decision", "kpis", ["Checkout completion"])
    example.close()
    reopened = jk.editor().start_example()
    assert reopened.map.stage("Decision").kpis == ["Checkout completion"]
    assert "Reopened" in reopened.status


# ----- read-only and the notebook's stored output ----------------------------------------------
def test_read_only_switches_every_input_off_and_writes_nothing(workdir: Path) -> None:
    jk.example("clothing-store").save("shown.json")
    before = Path("shown.json").read_bytes()
    ed = jk.editor("shown.json", read_only=True)
    assert all(
        field.input.disabled for field in ed.fields.values() if not isinstance(field, ScoreField)
    )
    assert all(
        field.slider.disabled for field in ed.fields.values() if isinstance(field, ScoreField)
    )
    assert ed.exports.box not in ed.view.children
    assert ed.set_lane("Decision", "goal", "Something else") is False
    assert "read-only" in ed.problems["Decision.goal"]
    ed.flush()
    assert Path("shown.json").read_bytes() == before
    assert not Path("shown.json.bak").exists()


def test_the_notebook_output_text_is_stable_and_the_widget_is_shown(workdir: Path) -> None:
    bundles = [jk.editor(jk.example("clothing-store"))._repr_mimebundle_() for _ in range(2)]
    assert (
        bundles[0]["text/plain"]
        == bundles[1]["text/plain"]
        == (
            "JourneyKit editor: Online clothing store: a summer outfit (five-stage-decision), "
            "5 stages"
        )
    )
    assert "application/vnd.jupyter.widget-view+json" in bundles[0]
    assert "uid" not in bundles[0]["text/plain"]


def test_import_journeykit_does_not_load_the_editor_stack() -> None:
    code = (
        "import sys, journeykit; "
        "print(any(m in sys.modules for m in ('ipywidgets', 'plotly.graph_objects', "
        "'journeykit.editing')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=ROOT,
    ).stdout.strip()
    assert out == "False"


# ----- exports --------------------------------------------------------------------------------
def test_export_buttons_write_files_and_link_them_relative_to_the_notebook(shop: jk.Editor) -> None:
    for fmt, suffix in (("html", ".html"), ("markdown", ".md"), ("mermaid", ".mmd")):
        shop.exports.buttons[fmt].click()
        written = Path("my_maps/shop").with_suffix(suffix)
        assert written.exists()
        assert shop.exports.message.endswith(f"my_maps/shop{suffix}")
        html_output = shop.exports.output.outputs[0]["data"]["text/html"]
        assert f"href='my_maps/shop{suffix}'" in html_output
    assert shop.export("mermaid", "elsewhere/journey.mmd") == Path("elsewhere/journey.mmd")
    assert Path("elsewhere/journey.mmd").read_text(encoding="utf-8").startswith("journey")


def test_a_failed_export_shows_a_sentence_not_a_traceback(
    shop: jk.Editor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNEYKIT_CHROMIUM", str(Path("no-such-browser")))
    assert shop.export("png") is None
    message = shop.exports.message
    assert message.startswith("Could not write the PNG image.")
    assert "Traceback" not in message and "JOURNEYKIT_CHROMIUM" in message
    assert not Path("my_maps/shop.png").exists()


# ----- the fields themselves ------------------------------------------------------------------
def test_every_stage_has_every_lane_with_help_and_framework_hints(shop: jk.Editor) -> None:
    lane_keys = [lane.key for lane in jk.LANES]
    for stage in shop.map.stage_names:
        assert [k.split(".", 1)[1] for k in shop.fields if k.startswith(stage + ".")] == lane_keys
    convert = jk.get_framework("eight-stage").stage("Convert")
    hints = shop.fields["Convert.touchpoints"].box.children[-1].value
    assert convert.touchpoints[0] in hints
    assert isinstance(shop.fields["Convert.goal"], TextField)
    assert isinstance(shop.fields["persona.description"], TextField)


def test_a_broken_copy_of_the_example_is_reported_on_the_start_screen(workdir: Path) -> None:
    copy = workdir / "my_maps" / "clothing-store.json"
    copy.parent.mkdir()
    copy.write_text("{ not json", encoding="utf-8")
    chooser = jk.editor()
    chooser.start_screen.example_button.click()
    assert chooser.map is None
    assert "clothing-store.json" in chooser.start_screen.example_problem.value
    assert "not valid JSON" in chooser.start_screen.example_problem.value
    assert copy.read_text(encoding="utf-8") == "{ not json"


def test_without_anywidget_the_editor_still_edits_and_says_how_to_get_the_preview(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "anywidget", None)  # import anywidget: ImportError
    monkeypatch.delitem(sys.modules, "journeykit.editing.live_plot", raising=False)
    ed = jk.editor("my_maps/plain.json", framework="six-stage")
    assert ed.preview is None
    assert "pip install anywidget" in ed.preview_note.value
    assert ed.set_lane("Discover", "touchpoints", ["Trade fair"])
    ed.flush()
    assert saved("my_maps/plain.json")["stages"][0]["touchpoints"] == ["Trade fair"]


def test_a_file_that_cannot_be_written_is_reported_on_the_status_line(workdir: Path) -> None:
    (workdir / "not_a_folder").write_text("a file where a folder should be", encoding="utf-8")
    ed = jk.editor(jk.example("clothing-store"), path="not_a_folder/shop.json")
    assert ed.save() is None
    assert ed.status.startswith("Not saved: Could not write the file")
    assert "save it again under another name" in ed.status


# ----- timing: on the kernel's event loop, never on a thread of its own ------------------------
def run_on_a_loop_thread(main: Callable[[], Coroutine[Any, Any, None]]) -> threading.Thread:
    """Run *main* on an asyncio loop of a thread of its own, as a kernel runs its cells and
    widget messages on its loop; return that thread. (Not this test's thread: a browser test
    earlier in the session may leave its Playwright loop marked as running here.)"""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(main())
        except BaseException as exc:  # handed to the test below
            failures.append(exc)

    thread = threading.Thread(target=run, name="kernel-like loop")
    thread.start()
    thread.join(timeout=60)
    if failures:
        raise failures[0]
    return thread


def test_the_event_loop_alone_saves_and_redraws_on_its_thread(workdir: Path) -> None:
    """As in a kernel: edits arrive on the loop's thread and the loop, left alone, saves."""
    ed = jk.Editor(*new_map("my_maps/loop.json", "five-stage"), save_delay=0.2)
    saved_in: list[threading.Thread] = []
    shown = ed._saver.on_save
    ed._saver.on_save = lambda result: (saved_in.append(threading.current_thread()), shown(result))

    async def type_then_wait() -> None:
        threads = threading.active_count()
        for text in ("T", "Tr", "Tram stop poster"):
            ed.fields["Awareness.touchpoints"].input.value = text
        ed.set_lane("Purchase", "goal", "Pay in one tap")
        assert threading.active_count() == threads, "no timer thread was started"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if "Tram stop poster" in Path("my_maps/loop.json").read_text(encoding="utf-8"):
                return
            await asyncio.sleep(0.05)  # nothing here touches the editor: the loop must save

    loop_thread = run_on_a_loop_thread(type_then_wait)
    data = saved("my_maps/loop.json")
    assert data["stages"][0]["touchpoints"] == ["Tram stop poster"]
    assert data["stages"][2]["goal"] == "Pay in one tap"
    assert saved_in == [loop_thread], "one save for the burst, on the loop's thread"
    assert "Tram stop poster" in trace_text(ed), "the trailing redraw ran on the loop too"
    ed.close()


def test_in_a_real_kernel_the_idle_loop_writes_the_file(tmp_path: Path) -> None:
    """A keystroke's message is handled, the cell ends, and the kernel's loop saves alone."""
    from .kernels import kernels

    with kernels(1, tmp_path) as (kernel,):
        kernel.run(
            "import threading, journeykit as jk\n"
            "ed = jk.editor('my_maps/idle.json', framework='six-stage')\n"
            "saved_in = []\n"
            "shown = ed._saver.on_save\n"
            "ed._saver.on_save = lambda r: (saved_in.append(threading.current_thread().name), "
            "shown(r))"
        )
        kernel.run("ed.fields['Discover.touchpoints'].input.value = 'Trade fair stand'")
        path = tmp_path / "my_maps" / "idle.json"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and "Trade fair stand" not in path.read_text("utf-8"):
            time.sleep(0.05)  # the kernel is idle: no cell asks the editor anything
        assert saved(path)["stages"][0]["touchpoints"] == ["Trade fair stand"]
        assert kernel.value("saved_in") == ["MainThread"], "saved on the kernel's main thread"
        assert kernel.value("ed.status").startswith("Saved ")


def test_the_inputs_and_notes_share_their_layout_and_style() -> None:
    """Every widget is a model the kernel keeps and a page (a phone in a workshop) builds:
    the inputs and the notes under them take one shared layout and style, not a copy each."""
    from ipywidgets.widgets.widget import _instances

    before = set(_instances)
    ed = jk.editor(jk.JourneyMap.new("five-stage"))
    made = len(set(_instances) - before)
    boxes = [field.input for field in ed.fields.values() if isinstance(field, ListField)]
    assert len(boxes) > 40
    assert len({id(box.layout) for box in boxes}) == 1
    assert len({id(box.style) for box in boxes}) == 1
    assert made < 900, f"a five-stage editor made {made} widgets"
    ed.close()
