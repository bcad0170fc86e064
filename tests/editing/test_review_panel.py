"""The editor's Review panel: the coach's findings beside the preview, following every edit.

The panel is driven the way the editor drives it: edits go through the editor
(as typing does), the panel re-runs the review after a pause, and its buttons
open the stage tab a finding is about.
"""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

import journeykit as jk
from journeykit.editing.review_panel import SHOWN, ReviewPanel
from tests.editing.test_editor import run_on_a_loop_thread


@pytest.fixture
def shop() -> jk.Editor:
    """The worked example in an editor, in memory."""
    ed = jk.editor(jk.example("clothing-store"))
    yield ed
    ed.close()


def test_the_editor_shows_the_panel_below_the_preview_with_nothing_to_fix(shop):
    panel = shop.review_panel
    children = list(shop.view.children)
    assert panel.box in children
    preview_box = next(c for c in children if "jk-preview" in c._dom_classes)
    assert children.index(panel.box) > children.index(preview_box)
    assert panel.review.fixes == []
    assert "0 to fix" in panel.heading.value
    assert [f.level for f, _ in panel.rows][:1] == ["improve"]


def test_an_edit_is_reviewed_after_a_pause_on_the_kernels_event_loop(monkeypatch, shop):
    """Run as a kernel runs it: edits arrive on the event loop's thread, and the review
    waits on that loop for a pause (it used to run on a timer thread, which changed
    widgets off the kernel's main thread)."""
    import journeykit.editing.review_panel as module

    threads = []

    def spy(journey_map):
        threads.append(threading.current_thread())
        return jk.review(journey_map)

    monkeypatch.setattr(module, "review", spy)
    panel = shop.review_panel
    before = panel.revision

    async def type_then_pause() -> None:
        shop.set_lane("Decision", "emotion_score", 1)
        shop.set_lane("Decision", "pain_points", [])
        assert threads == [], "typing never waits for the review"
        deadline = time.monotonic() + 10
        while not panel.review.fixes and time.monotonic() < deadline:
            await asyncio.sleep(0.05)  # the loop is free: nothing here asks the panel to run

    loop_thread = run_on_a_loop_thread(type_then_pause)
    assert panel.revision > before, "the panel caught up on its own after the pause"
    assert threads == [loop_thread], "one review, merged, on the loop's thread"
    first, _ = panel.rows[0]
    assert (first.rule, first.level, first.stage) == ("dip-without-pain-point", "fix", "Decision")
    assert "1 to fix" in panel.heading.value
    assert "Decision" in panel.list.children[0].children[0].value


def test_the_button_opens_the_stage_tab_and_marks_the_lane(shop):
    shop.set_lane("Retention", "kpis", [])
    shop.flush()
    finding, button = shop.review_panel.rows[0]
    assert finding.rule == "opportunity-without-kpi"
    assert button.description == "Go to Retention · KPIs"
    tabs = shop.view.children[2]
    assert tabs.titles[tabs.selected_index or 0] != "4. Retention"
    button.click()
    assert tabs.titles[tabs.selected_index] == "4. Retention"
    assert shop.fields["Retention.kpis"].box.layout.border
    shop.set_persona(name="Everyone")
    shop.flush()
    finding, button = shop.review_panel.rows[0]
    assert finding.rule == "persona-is-a-market" and button.description == "Go to Persona"
    button.click()
    assert tabs.selected_index == 0
    assert shop.fields["persona.name"].box.layout.border
    assert not shop.fields["Retention.kpis"].box.layout.border, "one lane marked at a time"


def test_learner_text_in_the_panel_is_escaped(shop):
    shop.set_persona(name="<b>Maya</b>")
    shop.set_lane("Decision", "touchpoints", ["<img src=x onerror=alert(1)>", "Anxious"])
    shop.set_lane("Decision", "goal", "<img src=x onerror=alert(1)> upsell campaign")
    shop.flush()
    text = shop.review_panel.heading.value + "".join(
        row.children[0].value for row in shop.review_panel.list.children if hasattr(row, "children")
    )
    assert "“Anxious”" in text  # the learner's own words are quoted ...
    assert "&lt;b&gt;Maya&lt;/b&gt;" in text and "&lt;img src=x" in text  # ... and escaped
    assert "<b>Maya</b>" not in text and "<img" not in text


def test_a_long_review_lists_the_first_findings_and_counts_the_rest():
    ed = jk.editor(jk.JourneyMap.new("eight-stage"))
    for name in ed.map.stage_names[:4]:
        ed.set_lane(name, "goal", "Upsell campaign")
    ed.flush()
    panel = ed.review_panel
    assert len(panel.review) > SHOWN
    assert len(panel.rows) == SHOWN
    more = panel.list.children[-1]
    assert more.description == f"Show {len(panel.review) - SHOWN} more"
    # no line of code naming a variable the learner may not have (notebook 00 has no `editor`)
    assert "jk.review(" not in "".join(getattr(c, "value", "") for c in panel.list.children)
    more.click()
    assert len(panel.rows) == len(panel.review)
    assert not isinstance(panel.list.children[-1], type(more))
    ed.close()


def test_closing_the_editor_stops_the_review(shop):
    panel = shop.review_panel
    shop.close()
    revision = panel.revision
    shop.map.set_lane("Decision", "touchpoints", [])
    assert not panel.pending
    panel.flush()
    time.sleep(0.5)  # longer than the review delay
    assert panel.revision == revision


def test_a_review_that_fails_is_reported_in_the_panel_and_editing_goes_on(monkeypatch, shop):
    import journeykit.editing.review_panel as module

    def broken(journey_map):
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "review", broken)
    assert shop.set_lane("Decision", "touchpoints", ["Checkout page"])
    shop.flush()
    assert "could not run" in shop.review_panel.note.value
    assert shop.map.stage("Decision").touchpoints == ["Checkout page"]


def test_the_panel_works_alone_on_a_map_and_its_form():
    from journeykit.editing.form import build_form

    m = jk.example("clothing-store")
    tabs, fields = build_form(m, lambda field, value: None)
    panel = ReviewPanel(m, tabs, fields, delay=60)
    m.set_lane("Awareness", "touchpoints", [])
    assert panel.pending
    panel.flush()
    assert panel.rows[0][0].rule == "stage-without-touchpoints"
    panel.close()
