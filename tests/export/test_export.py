"""Exports without a browser: CSV and Markdown round trips, Mermaid text, the HTML page, errors."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

import journeykit as jk
from journeykit import export
from journeykit.catalogue import LANES, LANES_BY_KEY
from journeykit.export import html_page

LABEL_TO_KEY = {lane.label: lane.key for lane in LANES}


@pytest.fixture
def clothing_store():
    return jk.example("clothing-store")


def maps(clothing_store, awkward_map):
    return {"clothing-store": clothing_store, "awkward": awkward_map}


# ----- CSV ---------------------------------------------------------------------------------
@pytest.mark.parametrize("which", ["clothing-store", "awkward"])
def test_csv_round_trips_through_pandas(which, clothing_store, awkward_map, tmp_path):
    m = maps(clothing_store, awkward_map)[which]
    path = tmp_path / "map.csv"
    text = jk.to_csv(m, path)
    assert path.read_bytes() == text.encode("utf-8")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(raw.columns) == ["stage", "lane", "item"]
    expected = m.to_frame().astype(str).reset_index(drop=True)
    back = export.read_csv(path)
    pd.testing.assert_frame_equal(back, expected)
    rebuilt = jk.JourneyMap.from_frame(back, m.framework, m.title, m.persona)
    assert rebuilt.stages == m.stages


def test_csv_cells_that_look_like_formulas_are_defused(awkward_map):
    raw = pd.read_csv(io.StringIO(jk.to_csv(awkward_map)), dtype=str, keep_default_na=False)
    items = set(raw["item"])
    for typed in ["=SUM(A1:A9)", "-10% off", "+1 call", "@handle", "'quoted'"]:
        assert typed not in items and "'" + typed in items
    assert not any(item.startswith(("=", "+", "-", "@")) for item in items)


# ----- Markdown ----------------------------------------------------------------------------
def split_row(line: str) -> list[str]:
    """Cells of a Markdown table row, split on pipes that are not escaped."""
    cells = re.split(r"(?<!\\)\|", line.strip())
    return [cell.strip() for cell in cells[1:-1]]


def unescape(cell: str) -> str:
    return re.sub(r"\\(.)", r"\1", cell)


def read_markdown_table(text: str) -> pd.DataFrame:
    """Our own small reader for the map table: back to the tidy (stage, lane, item) rows."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Lane |"))
    stages = [unescape(c) for c in split_row(lines[start])[1:]]
    assert set(split_row(lines[start + 1])) == {"---"}
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        label, *cells = split_row(line)
        key = LABEL_TO_KEY[label.strip("*")]
        for stage, cell in zip(stages, cells, strict=True):
            if not cell:
                continue
            if key == "emotion_score":
                rows.append((stage, key, cell.split(" ")[0]))
            elif LANES_BY_KEY[key].kind == "text":
                rows.append((stage, key, "\n".join(unescape(p) for p in cell.split("<br>"))))
            else:
                rows += [(stage, key, unescape(item)) for item in cell.split("<br>")]
    frame = pd.DataFrame(rows, columns=["stage", "lane", "item"])
    order = {(s, k): i for i, (s, k) in enumerate((s, lane.key) for s in stages for lane in LANES)}
    return frame.iloc[
        sorted(range(len(frame)), key=lambda i: order[tuple(frame.iloc[i, :2])])
    ].reset_index(drop=True)


@pytest.mark.parametrize("which", ["clothing-store", "awkward"])
def test_markdown_table_round_trips_the_map_content(which, clothing_store, awkward_map, tmp_path):
    m = maps(clothing_store, awkward_map)[which]
    path = tmp_path / "map.md"
    text = jk.to_markdown(m, path)
    assert path.read_text("utf-8") == text
    expected = m.to_frame().astype(str).reset_index(drop=True)
    pd.testing.assert_frame_equal(read_markdown_table(text), expected)


def test_markdown_holds_title_persona_and_no_live_markup(awkward_map):
    text = jk.to_markdown(awkward_map)
    assert text.startswith('# Café: "best" #1; \\<i\\>shop\\</i\\> \\& more\n')
    assert "## Persona: O'Brien, Jo: #1" in text
    assert "- Pay less: 50%" in text
    assert re.findall(r"(?<!\\)<(?!br>)", text) == [], "a < that Markdown would read as HTML"
    assert re.findall(r"(?<!\\)\]\(", text) == [], "a live link"
    table = [line for line in text.splitlines() if line.startswith("| ")]
    widths = {len(split_row(line)) for line in table}
    assert widths == {1 + len(awkward_map.stages)}, "a pipe in learner text split a cell"


# ----- Mermaid -----------------------------------------------------------------------------
def test_mermaid_has_a_section_per_stage_and_a_task_per_action(clothing_store):
    text = jk.to_mermaid(clothing_store)
    lines = text.splitlines()
    assert lines[0] == "journey"
    sections = [
        line.strip().removeprefix("section ")
        for line in lines
        if line.strip().startswith("section ")
    ]
    assert sections == clothing_store.stage_names
    tasks = [line.strip() for line in lines if line.startswith(" " * 8)]
    expected = [
        f"{action}: {stage.emotion_score}: Maya"
        for stage in clothing_store.stages
        for action in stage.actions
    ]
    assert tasks == expected


def test_mermaid_lines_keep_their_shape_whatever_the_learner_typed(awkward_map):
    text = jk.to_mermaid(awkward_map)
    for line in text.splitlines()[1:]:
        body = line.strip()
        if body.startswith("%%"):
            assert body.startswith("%% no emotion score yet")
            continue
        # only entity codes may hold # and ;, so no statement can end early
        assert re.sub(r"#\d+;", "", body).count("#") == 0, line
        assert ";" not in re.sub(r"#\d+;", "", body), line
        if line.startswith(" " * 8):
            assert body.count(":") == 2, line
            assert not body.lower().startswith(("section", "title", "acc", "%%")), line
    assert "        Pay#58; fast then leave#59; #35;done: 3: O'Brien#44; Jo#58; #35;1" in text


# ----- HTML (static checks; tests/test_export_browser.py opens it in Chromium) ---------------
def without_plotly_js(page: str) -> str:
    """The page minus the plotly.js bundle (whose code mentions URLs it never loads here)."""
    bundle = html_page.plotly_js()
    assert page.count(bundle) == 1, "plotly.js must be inlined exactly once"
    return page.replace(bundle, "")


def test_html_is_one_self_contained_file_with_plotly_inlined_once(clothing_store, tmp_path):
    path = tmp_path / "map.html"
    page = jk.to_html(clothing_store, path)
    assert path.read_text("utf-8") == page
    own = without_plotly_js(page)
    assert re.findall(r"(?:src|href)\s*=|<link|@import|url\(", own) == []
    assert page.count('class="plotly-graph-div"') == 2
    assert "@media print" in page and "landscape" in page
    assert page == jk.to_html(jk.example("clothing-store")), "same map, same page"
    assert str(tmp_path) not in page


def test_html_escapes_learner_text_everywhere(awkward_map):
    own = without_plotly_js(jk.to_html(awkward_map))
    page = own
    assert own.count("<script") == own.count("</script>") == 3  # plotly.js + two figures
    for raw in ("<script>alert", "<b>bold", "<i>shop", "<em>sad", "<hi>"):
        assert raw not in own, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in own, "the table shows the text as typed"
    assert "Café: &quot;best&quot; #1; &lt;i&gt;shop&lt;/i&gt; &amp; more" in page
    assert "O&#x27;Brien, Jo: #1" in page


def test_html_lists_the_gaps_still_to_fill(awkward_map, clothing_store):
    assert "Still to fill in" in jk.to_html(awkward_map)
    assert "Still to fill in" not in jk.to_html(clothing_store)


# ----- export_map and errors ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("to", "suffix", "start"),
    [
        ("html", ".html", "<!DOCTYPE html>"),
        ("md", ".md", "# "),
        ("markdown", ".md", "# "),
        ("csv", ".csv", "stage,lane,item"),
        ("mermaid", ".mmd", "journey"),
        ("json", ".json", "{"),
    ],
)
def test_export_map_writes_each_text_format(to, suffix, start, clothing_store, tmp_path):
    out = export.export_map(clothing_store, to, tmp_path / f"shop{suffix}")
    assert out == tmp_path / f"shop{suffix}"
    assert out.read_text("utf-8").startswith(start)
    assert [p.name for p in tmp_path.iterdir()] == [out.name], "no temporary files left"


def test_json_export_loads_back_as_the_same_map(clothing_store, tmp_path):
    out = export.export_map(clothing_store, "json", tmp_path / "shop.json")
    assert jk.load_map(out) == clothing_store


@pytest.mark.parametrize(
    ("to", "out", "message"),
    [
        ("pdf", "shop.pdf", "use one of html, md, csv, mermaid, png, svg, json"),
        ("html", ".", "give a file name"),
    ],
)
def test_export_map_errors_say_how_to_fix(to, out, message, clothing_store, tmp_path):
    with pytest.raises(jk.JourneyMapError, match=message):
        export.export_map(clothing_store, to, tmp_path / out)


def test_image_format_must_be_png_svg_or_pdf(clothing_store, tmp_path):
    with pytest.raises(jk.JourneyMapError, match=r"\.png, \.svg, \.pdf"):
        jk.to_image(clothing_store, tmp_path / "map.gif")
    with pytest.raises(jk.JourneyMapError, match="no suffix"):
        jk.to_image(clothing_store, tmp_path / "map")


def test_image_without_a_browser_says_how_to_install_one(clothing_store, tmp_path, monkeypatch):
    monkeypatch.setenv("JOURNEYKIT_CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(jk.JourneyMapError, match="apt-get install chromium"):
        jk.to_image(clothing_store, tmp_path / "map.png")
    assert not (tmp_path / "map.png").exists()


def test_image_of_something_that_is_not_a_figure_is_explained(tmp_path):
    with pytest.raises(jk.JourneyMapError, match="plotly figure or a journey map"):
        jk.to_image({"data": []}, tmp_path / "map.png")


def test_a_picture_of_a_map_does_not_ask_the_reader_to_hover(tmp_path):
    """A PNG/SVG/PDF cannot show hover text: its subtitle counts the empty cells only."""
    blank = jk.JourneyMap.new("five-stage", title="Bakery")
    assert "hover over one" in str(jk.plot_map(blank).layout.title.subtitle.text)
    svg = jk.to_image(blank, tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "empty cells to fill in" in svg
    assert "hover" not in svg
