"""The live preview's messages: what a page that applies them ends up showing.

The page's side (``journeykit/editing/live_plot.js``) keeps the figure whole
and applies each patch; :class:`Page` below does the same with what
:class:`LivePlot` sends, so these tests check that a page following the
messages always shows exactly the figure the kit's figure function drew, and
that an edit costs one small message. The real page is driven in
``test_editor_browser.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import journeykit as jk
from journeykit.editing.live_plot import LivePlot, figure_json
from journeykit.figures import plot_emotions, plot_map
from journeykit.figures.journey_map import map_json


class Page:
    """A page holding one view of *live*: the widget's state plus every custom message."""

    def __init__(self, live: LivePlot, monkeypatch: pytest.MonkeyPatch) -> None:
        self.figure = live.figure
        self.messages: list[tuple[dict[str, Any], list[bytes]]] = []
        live.observe(lambda change: setattr(self, "figure", change["new"]), "figure")
        monkeypatch.setattr(live, "send", self.receive)

    def receive(self, content: dict[str, Any], buffers: list[bytes] | None = None) -> None:
        self.messages.append((content, buffers or []))
        if content["kind"] == "patch":  # the hover part too: what the page ends up showing
            self.figure = patched(patched(self.figure, content), content.get("hover", {}))


def patched(figure: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    data = list(figure["data"])
    for index, changes in patch.get("traces", {}).items():
        data[int(index)] = replaced(data[int(index)], changes)
    for index, lists in patch.get("items", {}).items():
        data[int(index)] = items_set(data[int(index)], lists)
    layout = items_set(
        replaced(figure["layout"], patch.get("layout", {})), patch.get("layout_items", {})
    )
    return {"data": data, "layout": layout}


def items_set(old: dict[str, Any], lists: dict[str, dict[int, Any]]) -> dict[str, Any]:
    out = dict(old)
    for key, items in lists.items():
        out[key] = [items.get(n, value) for n, value in enumerate(out[key])]
    return out


def replaced(old: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    out = {**old, **changes}
    return {key: value for key, value in out.items() if value is not None}


def size(value: Any) -> int:
    return len(json.dumps(value))


@pytest.fixture
def shop() -> jk.JourneyMap:
    return jk.example("clothing-store")


def test_a_page_following_the_messages_shows_what_plot_map_draws(shop, monkeypatch):
    live = LivePlot(plot_map(shop))
    page = Page(live, monkeypatch)
    edits = [
        ("Awareness", "touchpoints", ["Radio ad"]),
        ("Awareness", "touchpoints", ["Radio ad", "Poster <b>50%</b>"]),
        ("Decision", "emotion_score", 1),
        ("Decision", "emotion_score", None),
        ("Awareness", "touchpoints", []),
    ]
    for stage, lane, value in edits:
        shop.set_lane(stage, lane, value)
        sent = len(page.messages)
        live.show(plot_map(shop))
        assert len(page.messages) == sent + 1, "one message per edit"
        assert page.figure == figure_json(plot_map(shop))


def test_an_edit_sends_only_what_changed(shop, monkeypatch):
    live = LivePlot(plot_map(shop))
    page = Page(live, monkeypatch)
    shop.set_lane("Decision", "touchpoints", ["Checkout page", "Pop-up shop"])
    assert live.show(plot_map(shop)) <= 4
    ((patch, _),) = page.messages
    assert size(patch) < size(live.figure) / 20
    assert "template" not in patch["layout"], "the look is never sent again"


def test_the_map_sent_as_plotly_json_is_shown_as_plot_map_draws_it(shop, monkeypatch):
    """The editor gives the preview the map as plotly JSON (``map_json``, unchecked)."""
    live = LivePlot(map_json(shop))
    page = Page(live, monkeypatch)
    shop.set_lane("Decision", "touchpoints", ["Checkout page", "Pop-up shop"])
    assert live.show(map_json(shop)) <= 4
    assert page.figure == figure_json(plot_map(shop))
    assert live.data[0].name == "cells" and live.layout.width == 800  # checked when read


def test_typing_on_in_a_cell_sends_its_text_to_draw_at_once_and_its_hover_text_apart(
    shop, monkeypatch
):
    """A cell's text is a shape's label (redrawn alone); its hover text is a list of a trace
    (redrawing every trace), so the page draws it just after the text: it is sent apart."""
    live = LivePlot(map_json(shop))
    page = Page(live, monkeypatch)
    shop.set_lane("Awareness", "touchpoints", ["Poster 1"])
    live.show(map_json(shop))
    shop.set_lane("Awareness", "touchpoints", ["Poster 2"])  # the same lines, other text
    live.show(map_json(shop))
    patch = page.messages[-1][0]
    assert patch["traces"] == {} and patch["items"] == {}, "no list of a trace at once"
    ((_shape, label),) = patch["layout_items"]["shapes"].items()
    assert "Poster 2" in label["label"]["text"]
    ((_cell, hover),) = patch["hover"]["items"][0]["hovertext"].items()
    assert "Poster 2" in hover
    shop.set_lane("Awareness", "touchpoints", [])  # the cell turns grey: traces change
    live.show(map_json(shop))
    patch = page.messages[-1][0]
    assert "hover" not in patch and "hovertext" in {
        **patch["traces"].get(0, {}),
        **patch["items"].get(0, {}),
    }
    assert page.figure == figure_json(plot_map(shop))


def test_switching_views_sends_the_figure_whole_and_back(shop, monkeypatch):
    live = LivePlot(plot_map(shop))
    page = Page(live, monkeypatch)
    live.show(plot_emotions(shop))
    assert page.messages == [] and page.figure == figure_json(plot_emotions(shop))
    live.show(plot_map(shop))
    assert page.figure == figure_json(plot_map(shop))


def test_a_view_made_later_is_brought_up_to_date(shop, monkeypatch):
    """A reloaded page or a second view starts from the widget's state, then says hello."""
    live = LivePlot(plot_map(shop))
    Page(live, monkeypatch)
    shop.set_lane("Awareness", "touchpoints", ["Radio ad"])
    live.show(plot_map(shop))
    late = Page(live, monkeypatch)  # starts from the state the kernel holds
    assert late.figure != figure_json(plot_map(shop))
    live._handle_custom_msg({"kind": "hello"}, [])
    assert late.figure == figure_json(plot_map(shop))


def test_plotly_js_comes_from_the_installed_package_when_the_page_asks(shop, monkeypatch):
    import plotly

    live = LivePlot(plot_map(shop))
    page = Page(live, monkeypatch)
    live._handle_custom_msg({"kind": "send-plotly"}, [])
    ((content, buffers),) = page.messages
    assert content == {"kind": "plotly"}
    installed = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    assert buffers == [installed.read_bytes()]


def test_the_text_repr_is_stable_for_stored_notebooks(shop):
    assert repr(LivePlot(plot_map(shop))) == "LivePlot(3 traces)"
    assert repr(LivePlot()) == "LivePlot(0 traces)"


def test_a_notebook_saved_with_widget_state_shows_the_preview_in_decks_and_hand_ins(shop):
    from journeykit.slides.widget_pictures import render_widget

    live = LivePlot(plot_map(shop))
    picture = render_widget("m", {"m": {"model_name": "AnyModel", "state": live.get_state()}})
    assert "Online clothing store" in picture and "plotly" in picture.lower()
