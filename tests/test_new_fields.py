"""A new field is one entry in the schema: the proof, consumer by consumer.

Each test adds fields to the schema at run time (``catalogue.fields.extended``),
one entry each: a text lane ("Moment of truth") and a list lane ("Workarounds"),
then a map-level choice and an attribute for list items. Nothing else in the
kit is told about them. Each test follows the new fields through one consumer
and is named after it, so a consumer that ignores the schema fails the test
that names it: the file (load, save), two editors merging, the editor's form,
the map figure, every export format, the review and the Review panel, the
class roll-up.
"""

from __future__ import annotations

import html
import json
import re
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.catalogue import FieldPath, FieldSpec, extended, fields
from journeykit.editing.fields import ChoiceField, ListField, TextField
from journeykit.editing.form import build_form
from journeykit.editing.review_panel import ReviewPanel, button_label, target_field
from journeykit.export.formats import FORMATS, PNG_SCALE, export_map
from journeykit.model import Item, datasets_dir

#: The two lanes, each one schema entry.
MOMENT = FieldSpec(
    key="moment_of_truth",
    kind="text",
    label="Moment of truth",
    help="The one moment in this stage that decides whether the customer goes on.",
    example="Sees the delivery date",
)
WORKAROUNDS = FieldSpec(
    key="workarounds",
    kind="list",
    label="Workarounds",
    help="What the customer does to get around a problem here, one per line.",
    example="Asks a friend",
)

TEXT = "Sees the delivery date before paying"
ITEMS = ["Asks a friend to order for her", "Pays by bank transfer"]


@pytest.fixture
def lanes() -> Iterator[None]:
    with extended(MOMENT, WORKAROUNDS):
        yield


@pytest.fixture
def shop(lanes: None) -> jk.JourneyMap:
    """The worked example with the two new lanes filled in at Decision."""
    m = jk.example("clothing-store")
    m.set_lane("Decision", "moment_of_truth", TEXT)
    m.set_lane("Decision", "workarounds", ITEMS)
    return m


def test_new_lanes_reach_the_file_load_and_save(shop: jk.JourneyMap, tmp_path: Path) -> None:
    path = shop.save(tmp_path / "shop.json")
    data = json.loads(path.read_text("utf-8"))
    decision = data["stages"][2]
    assert decision["moment_of_truth"] == TEXT and decision["workarounds"] == ITEMS
    assert list(decision)[-2:] == ["moment_of_truth", "workarounds"], "after the kit's lanes"
    assert data["stages"][0]["moment_of_truth"] == "" and data["stages"][0]["workarounds"] == []
    back = jk.load_map(path)
    assert back == shop and back.stage("Decision").workarounds == ITEMS
    # a file from before the lanes existed loads, with the lanes empty
    old = jk.load_map(datasets_dir() / "clothing-store.json")
    assert old.stage("Decision").moment_of_truth == "" and old.stage("Decision").workarounds == []
    # and the checks know the lanes' kinds
    decision["moment_of_truth"] = ["not", "text"]
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(jk.JourneyMapError) as err:
        jk.load_map(path)
    assert err.value.problems[0].where == "stages[2].moment_of_truth"
    assert "write the moment of truth as text" in err.value.problems[0].fix


def test_new_lanes_reach_the_merge_of_two_editors(lanes: None, tmp_path: Path) -> None:
    path = tmp_path / "shop.json"
    jk.JourneyMap.new("five-stage", title="Shop").save(path)
    first, second = jk.editor(path, autosave=False), jk.editor(path, autosave=False)
    first.fields["Awareness.workarounds"].input.value = ITEMS[0]
    first.fields["Awareness.moment_of_truth"].input.value = "Sees the price"
    first.save()
    second.fields["Awareness.workarounds"].input.value = ITEMS[1]
    second.fields["Awareness.moment_of_truth"].input.value = TEXT
    second.save()

    awareness = json.loads(path.read_text("utf-8"))["stages"][0]
    assert sorted(awareness["workarounds"]) == sorted(ITEMS), "the items of both"
    assert awareness["moment_of_truth"] == TEXT, "yours is saved"
    [aside] = tmp_path.glob("*.conflict-*.json")
    assert jk.load_map(aside).stage("Awareness").moment_of_truth == "Sees the price"
    assert "Awareness: workarounds changed here and elsewhere: the items of both" in second.status
    assert "Awareness: moment of truth changed here and elsewhere: yours is saved" in second.status
    assert sorted(second.fields["Awareness.workarounds"].input.value.splitlines()) == sorted(ITEMS)


def test_new_lanes_reach_the_editor_form(shop: jk.JourneyMap) -> None:
    ed = jk.editor(shop)
    moment, workarounds = ed.fields["Decision.moment_of_truth"], ed.fields["Decision.workarounds"]
    assert isinstance(moment, TextField) and isinstance(workarounds, ListField)
    assert moment.input.value == TEXT and workarounds.input.value.splitlines() == ITEMS
    assert moment.input.description == "Moment of truth"
    assert MOMENT.help in moment.box.children[-1].value
    assert workarounds.input.placeholder.startswith("e.g. Asks a friend")
    stage_tab = ed.view.children[2].children[3]  # the Decision tab
    assert workarounds.box in stage_tab.children[1].children
    workarounds.input.value = "Waits for a discount code\n" + ITEMS[0]
    assert shop.stage("Decision").workarounds == ["Waits for a discount code", ITEMS[0]]
    moment.input.value = ["not text"][0] * 3000  # too long: refused beside the field
    assert "under 2000 characters" in ed.problems["Decision.moment_of_truth"]
    assert shop.stage("Decision").moment_of_truth == TEXT


def plain(label: str) -> str:
    return re.sub(r"<.*?>", "", label.replace("<br>", " "))


def test_new_lanes_reach_the_map_figure(shop: jk.JourneyMap) -> None:
    fig = jk.plot_map(shop)
    rows = [plain(t) for t in fig.layout.yaxis.ticktext]
    assert rows[-2:] == ["Moment of truth", "Workarounds"]
    cells = next(t for t in fig.data if t.name == "cells")
    columns = len(shop.stages)
    hovers = [cells.hovertext[i : i + columns] for i in range(0, len(cells.hovertext), columns)]
    assert TEXT in plain(hovers[-2][2]) and all(html.escape(i) in hovers[-1][2] for i in ITEMS)
    assert MOMENT.help in hovers[-2][0], "an empty cell says what goes there"
    texts = " ".join(plain(shape.label.text) for shape in fig.layout.shapes)
    assert "Sees the delivery" in texts and "Asks a friend" in texts
    assert f"{len(shop.gaps())} empty cells" in fig.layout.title.subtitle.text


def png_height(path: Path) -> int:
    return struct.unpack(">I", path.read_bytes()[20:24])[0]


@pytest.mark.parametrize("to", list(FORMATS))
def test_new_lanes_reach_every_export_format(shop: jk.JourneyMap, tmp_path: Path, to: str) -> None:
    out = export_map(shop, to, tmp_path / f"shop{FORMATS[to]}")
    if to == "png":  # the map figure, taller than the same map's without the two lanes
        height = jk.plot_map(shop).layout.height
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(fields, "_schema", fields.Schema(fields.FIELDS))
            assert jk.plot_map(shop).layout.height < height
        assert png_height(out) == PNG_SCALE * height
        return
    text = out.read_text("utf-8")
    if to == "json":
        assert jk.load_map(out) == shop and '"workarounds": [' in text
        return
    if to == "mermaid":  # a journey diagram draws actions and scores, so no other lane
        assert text.startswith("journey\n") and "Adds items to the cart" in text
        return
    if to == "csv":
        back = jk.JourneyMap.from_frame(jk.read_csv(out), shop.framework, shop.title, shop.persona)
        assert back.stages == shop.stages
        return
    shown = html.unescape(text) if to in ("html", "svg") else text.replace("\\", "")
    for words in ("Moment of", "Workarounds", "Sees the delivery", "Asks a friend"):
        assert words in shown, (to, words)  # (a figure's label wraps after "Moment of")
    if to == "html":  # the page's table too, not only its figure: a screen reader reads the table
        table = html.unescape(text[text.index("<table") : text.index("</table>")])
        for words in ("Moment of truth", "Workarounds", "Sees the delivery", "Asks a friend"):
            assert words in table, words


def test_new_lanes_reach_the_review_and_the_review_panel(shop: jk.JourneyMap) -> None:
    shop.set_lane("Retention", "moment_of_truth", "TODO")
    shop.set_lane("Retention", "workarounds", ["...", "Calls the shop"])
    review = jk.review(shop)
    placeholders = {f.lane: f for f in review if f.rule == "placeholder-text"}
    assert {"moment_of_truth", "workarounds"} <= set(placeholders)
    assert "Retention: the moment of truth" in placeholders["moment_of_truth"].message
    finding = placeholders["workarounds"]
    assert finding.field == FieldPath("Retention", "workarounds")
    assert target_field(finding) == "Retention.workarounds"
    assert button_label(finding) == "Go to Retention · Workarounds"
    tabs, fields = build_form(shop, lambda field, value: None)
    panel = ReviewPanel(shop, tabs, fields)
    panel.go_to(finding)
    assert tabs.selected_index == 4 and fields["Retention.workarounds"].box.layout.border
    panel.close()


def test_new_lanes_reach_the_roll_up(shop: jk.JourneyMap, tmp_path: Path) -> None:
    other = jk.JourneyMap.new("five-stage", title="Bakery")
    other.set_lane("Purchase", "workarounds", ["Asks a friend to order for her!"])
    r = jk.rollup({"Ana": shop, "Ben": other})
    table = r.table()
    assert set(table[table.lane == "workarounds"].item) == {
        *ITEMS,
        "Asks a friend to order for her!",
    }
    assert {"Moment of truth", "Workarounds"} <= set(r.coverage().index)
    top = r.top("workarounds")
    assert top.iloc[0]["maps"] == 2, "near-identical wordings are grouped across the class"
    assert ITEMS[1] in r.to_csv() and "Moment of truth" in html.unescape(r.to_html())
    assert r.plot_top("workarounds").layout.title.text.startswith("<b>Workarounds")


# ----- a map-level field and an attribute for list items ------------------------------------
# (the kit's own state and evidence are such fields; these two are new to it)
SEASON = FieldSpec(
    key="season",
    scope="map",
    kind="choice",
    choices=("spring", "summer", "autumn", "winter"),
    label="Season",
    help="The time of year the journey happens in, when it changes with the seasons.",
)
CONFIDENCE = FieldSpec(
    key="item.confidence",
    scope="item",
    kind="choice",
    choices=("low", "medium", "high"),
    label="Confidence",
    help="How sure the team is of the item, whatever its source.",
)


def test_a_map_field_and_an_item_attribute_are_one_entry_each(tmp_path: Path) -> None:
    with extended(SEASON, CONFIDENCE):
        m = jk.example("clothing-store")
        m.set_field(FieldPath(None, "season"), "summer")
        pains = m.stage("Decision").pain_points
        m.set_lane("Decision", "pain_points", [Item(pains[0], confidence="high"), *pains[1:]])

        data = json.loads(m.save(tmp_path / "shop.json").read_text("utf-8"))
        assert list(data)[-2:] == ["notes", "season"] and data["season"] == "summer"
        assert data["stages"][2]["pain_points"][0] == {"text": pains[0], "confidence": "high"}
        assert jk.load_map(tmp_path / "shop.json") == m

        ed = jk.editor(tmp_path / "shop.json", autosave=False)
        season = ed.fields["season"]
        assert isinstance(season, ChoiceField) and season.input.value == "summer"
        season.input.value = "winter"
        ed.fields["Decision.pain_points"].input.value = "\n".join(reversed(pains))
        assert ed.map.season == "winter"
        assert ed.map.stage("Decision").pain_points[-1].attributes == {"confidence": "high"}

        other = jk.load_map(tmp_path / "shop.json")
        other.set_lane("Awareness", "touchpoints", [Item("Flyer", confidence="low")])
        other.save(tmp_path / "shop.json", merge=True)
        ed.save()
        merged = jk.load_map(tmp_path / "shop.json")
        assert merged.season == "winter" and merged.stage(0).touchpoints[0].attributes
        assert merged.stage("Decision").pain_points[-1].attributes == {"confidence": "high"}

        markdown = jk.to_markdown(merged)
        assert "**Season:** winter" in markdown and "(Confidence: high)" in markdown
        page = html.unescape(jk.to_html(merged))
        assert "Season:</b> winter" in page and "(Confidence: low)" in page
        assert "confidence" in jk.read_csv(jk.to_csv(merged)).columns
        table = jk.rollup({"Ana": merged}).table()
        assert set(table.confidence) == {"", "high", "low"}
