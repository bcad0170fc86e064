"""Workshop decks built from notebooks: what the files hold, offline by construction.

The browser checks (slides counted by reveal.js, figures drawn, speaker view,
PDF) are in test_slides_browser.py; these read the built files directly.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import journeykit as jk
from journeykit.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tests" / "slides" / "data"
SAMPLE_NOTEBOOKS = sorted(SAMPLES.glob("[0-9][0-9]_*.ipynb"))
COURSE_NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
URL = re.compile(r"^[a-zA-Z][\w+.-]*:")


def slide_types(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [(c.get("metadata", {}).get("slideshow") or {}).get("slide_type", "-") for c in cells]


def cell_sources(notebook: Path, kind: str) -> list[str]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    kinds = slide_types(notebook)
    return ["".join(c["source"]) for c, t in zip(cells, kinds, strict=True) if t == kind]


class Loads(HTMLParser):
    """Every URL the page loads by itself: scripts, style sheets, images, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in {"script", "img", "iframe", "video", "audio", "source", "embed"}:
            self.urls += [values["src"]] if values.get("src") else []
        if tag == "link":
            self.urls += [values["href"]] if values.get("href") else []
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def loads_of(html: str) -> Loads:
    parser = Loads()
    parser.feed(html)
    return parser


def plotly_specs(html: str) -> list[dict]:
    """The figures a deck's script will draw, in slide order."""
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    return [json.loads(body) for attrs, body in scripts if "jk-plotly-spec" in attrs]


@pytest.fixture(scope="module")
def sample_decks(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("decks")
    decks = jk.build_course([SAMPLES], out, progress=None)
    return {deck.name.removesuffix(".slides.html"): deck for deck in decks}


def deck_html(sample_decks, name: str) -> str:
    return sample_decks[name].read_text(encoding="utf-8")


# ---------- files and assets ----------


def test_build_deck_writes_the_deck_and_shared_assets(tmp_path):
    deck = jk.build_deck(SAMPLES / "01_sample_figures.ipynb", tmp_path / "out")
    assert deck == tmp_path / "out" / "01_sample_figures.slides.html"
    assets = tmp_path / "out" / "_assets"
    for name in (
        "reveal/reveal.js",
        "reveal/reveal.css",
        "reveal/notes.js",
        "plotly/plotly.min.js",
        "notebook.css",
        "journeykit-slides.css",
        "journeykit-slides.js",
        "fonts/source-sans-pro-regular.woff",
    ):
        assert (assets / name).is_file(), name
    html = deck.read_text(encoding="utf-8")
    assert "_assets/plotly/plotly.min.js" in html
    # libraries are linked, never inlined: the deck is a small file
    assert deck.stat().st_size < 200_000
    assert (assets / "plotly" / "plotly.min.js").stat().st_size > 1_000_000


def test_build_course_builds_numbered_notebooks_in_order_with_progress(tmp_path):
    lines: list[str] = []
    decks = jk.build_course([SAMPLES], tmp_path, progress=lines.append)
    assert [d.name for d in decks] == [p.stem + ".slides.html" for p in SAMPLE_NOTEBOOKS]
    assert len(lines) == len(decks) + 1
    for done, (line, deck) in enumerate(zip(lines[:-1], decks, strict=True), start=1):
        assert re.match(r"^\[[#.]{20}\] ", line), line
        assert f" {done}/{len(decks)} {deck.name} " in line
    assert lines[-1].startswith(f"Built {len(decks)} deck(s)")
    # one shared copy of each library for the whole course
    assert len(list(tmp_path.rglob("plotly.min.js"))) == 1
    assert len(list(tmp_path.rglob("reveal.js"))) == 1


def test_build_course_accepts_files_and_skips_repeats(tmp_path):
    first, second = SAMPLE_NOTEBOOKS[1], SAMPLE_NOTEBOOKS[0]
    decks = jk.build_course([first, str(second), first], tmp_path, progress=None)
    assert [d.name for d in decks] == [first.stem + ".slides.html", second.stem + ".slides.html"]


def test_every_file_a_deck_loads_is_local_and_present(sample_decks):
    for name, deck in sample_decks.items():
        page = loads_of(deck.read_text(encoding="utf-8"))
        assert page.urls, name
        for url in page.urls:
            assert not URL.match(url) and not url.startswith("//"), f"{name} loads {url}"
            assert (deck.parent / url).is_file(), f"{name}: {url} is missing"
        for style in page.styles:
            assert "@import" not in style and not re.search(r"url\(\s*['\"]?(https?:)?//", style)


def test_no_cdn_or_require_js_anywhere_in_the_output(sample_decks):
    out = next(iter(sample_decks.values())).parent
    for path in [*sample_decks.values(), *out.glob("_assets/*.css"), *out.glob("_assets/*.js")]:
        text = path.read_text(encoding="utf-8")
        for needle in (
            "unpkg.com",
            "cdnjs",
            "jsdelivr",
            "fonts.googleapis",
            "mathjax",
            "require.js",
            "requirejs",
            "jquery",
        ):
            assert needle not in text.lower(), f"{path.name} mentions {needle}"
        assert not re.search(r"url\(\s*['\"]?https?://", text), path.name
        assert "@import" not in text, path.name


def test_reveal_starts_without_require(sample_decks):
    js = next(iter(sample_decks.values())).parent / "_assets" / "journeykit-slides.js"
    script = js.read_text(encoding="utf-8")
    assert "Reveal.initialize(" in script
    assert "require(" not in script


def test_building_twice_gives_the_same_bytes(tmp_path):
    first = jk.build_deck(SAMPLES / "02_sample_widgets.ipynb", tmp_path / "a").read_bytes()
    second = jk.build_deck(SAMPLES / "02_sample_widgets.ipynb", tmp_path / "b").read_bytes()
    assert first == second


# ---------- what the slides hold ----------


def test_first_slide_shows_course_and_notebook_title(sample_decks):
    html = deck_html(sample_decks, "01_sample_figures")
    first = html.index("<section")
    course = html.index(jk.slides.COURSE_TITLE, first)
    title = html.index(">01 · Sample deck with figures<")
    assert first < course < title < html.index("<section", html.index("</section>"))
    assert "<title>01 · Sample deck with figures · " in html


def test_a_title_slide_is_made_when_the_notebook_starts_with_code(sample_decks):
    html = deck_html(sample_decks, "03_sample_plain")
    assert html.index(">03 · Sample plain<") < html.index("A deck that starts with code")


def test_speaker_notes_stay_in_the_deck_as_reveal_notes(sample_decks):
    for notebook in SAMPLE_NOTEBOOKS:
        html = deck_html(sample_decks, notebook.stem)
        asides = re.findall(r'<aside class="notes">(.*?)</aside>', html, flags=re.S)
        notes = cell_sources(notebook, "notes")
        assert len(asides) == len(notes)
        for source, aside in zip(notes, asides, strict=True):
            words = re.findall(r"[A-Za-z]+", source)[:4]
            assert re.search(r"\W+".join(words), re.sub(r"<[^>]+>", " ", aside)), source


def test_notes_before_the_first_slide_move_into_it(sample_decks):
    html = deck_html(sample_decks, "01_sample_figures")
    end_of_first_slide = html.index("</section>")
    assert html.index("these notes come first") < end_of_first_slide


def test_skipped_cells_are_left_out(sample_decks):
    for notebook in SAMPLE_NOTEBOOKS:
        html = deck_html(sample_decks, notebook.stem)
        for source in cell_sources(notebook, "skip"):
            first_line = source.splitlines()[0]
            assert first_line not in html, first_line


def test_slides_and_fragments_follow_the_metadata(sample_decks):
    for notebook in SAMPLE_NOTEBOOKS:
        html = deck_html(sample_decks, notebook.stem)
        shown = [t for t in slide_types(notebook) if t not in {"skip", "notes"}]
        slides = 1 + sum(t in {"slide", "subslide"} for t in shown[1:])
        stacks = 1 + sum(t == "slide" for t in shown[1:])
        # nbconvert nests every slide: <section> (a stack) around its <section>s
        assert html.count("<section") == slides + stacks, notebook.name
        assert html.count('class="fragment"') == sum(t == "fragment" for t in shown[1:])


def test_plotly_figures_become_html_for_the_shared_plotly_js(sample_decks):
    html = deck_html(sample_decks, "01_sample_figures")
    assert html.count('class="jk-plotly"') == 2
    assert "application/vnd.plotly.v1+json" not in html
    figures = plotly_specs(html)
    assert [f["data"][0]["type"] for f in figures] == ["bar", "scatter"]
    assert figures[0]["data"][0]["x"] == ["Awareness", "Consideration", "Purchase"]
    # a figure with no size of its own fills the slide's width; one with a size keeps it
    # (its text is laid out for that size) and the deck's script scales it to fit
    assert "width" not in figures[0]["layout"] and figures[0]["layout"]["autosize"] is True
    assert figures[1]["layout"]["height"] == 900
    assert 'data-jk-size="0x900"' in html


def test_plotly_js_is_only_referenced_by_decks_with_figures(sample_decks):
    assert "plotly.min.js" in deck_html(sample_decks, "01_sample_figures")
    assert "plotly.min.js" not in deck_html(sample_decks, "03_sample_plain")


def test_widgets_show_their_saved_state(sample_decks):
    html = deck_html(sample_decks, "02_sample_widgets")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Pick a stage" in text
    assert "Stage Purchase" in text
    assert "Mood 4" in text
    assert "Touchpoint Checkout page" in text
    assert "Printed inside the widget" in text
    # the FigureWidget is drawn from its saved data like any plotly figure
    assert [figure["data"][0]["y"] for figure in plotly_specs(html)] == [[3, 5]]
    # the widget saved without state gets a note, not an empty hole
    assert "Live widget: open this notebook in JupyterLab to use it." in html
    # no live-widget machinery or saved state is left in the deck
    for leftover in ("widget-view+json", "widget-state+json", "IPY_MODEL_", "_esm"):
        assert leftover not in html


def test_links_to_notebooks_point_to_their_decks(sample_decks):
    html = deck_html(sample_decks, "01_sample_figures")
    assert 'href="02_sample_widgets.slides.html"' in html
    assert 'href="https://example.org/page.ipynb"' in html


def test_hide_input_tag_shows_the_output_only(sample_decks):
    html = deck_html(sample_decks, "03_sample_plain")
    assert "only this line shows" in html
    assert "print(&quot;only this line shows" not in html and 'print("only' not in html


def test_titles_from_metadata_are_escaped(tmp_path):
    nb = new_notebook(
        cells=[new_code_cell("1 + 1")], metadata={"title": "<script>alert(1)</script> & more"}
    )
    path = tmp_path / "05_odd.ipynb"
    nbformat.write(nb, path)
    html = jk.build_deck(path, tmp_path / "out").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


@pytest.mark.parametrize("notebook", COURSE_NOTEBOOKS, ids=lambda p: p.stem)
def test_course_notebook_builds_a_deck_that_follows_its_metadata(notebook, tmp_path):
    deck = jk.build_deck(notebook, tmp_path)
    html = deck.read_text(encoding="utf-8")
    shown = [t for t in slide_types(notebook) if t not in {"skip", "notes"}]
    assert html.count('class="fragment"') == sum(t == "fragment" for t in shown[1:])
    assert html.count('<aside class="notes">') == slide_types(notebook).count("notes")
    assert jk.slides.COURSE_TITLE in html


# ---------- errors a facilitator can act on ----------


def write_notebook(path: Path, cells: list) -> Path:
    nbformat.write(new_notebook(cells=cells), path)
    return path


def problem_text(excinfo) -> str:
    return str(excinfo.value)


def test_missing_notebook_names_the_path_and_where_notebooks_are(tmp_path):
    with pytest.raises(jk.JourneyMapError) as excinfo:
        jk.build_deck(tmp_path / "04_nope.ipynb", tmp_path / "out")
    assert "04_nope.ipynb" in problem_text(excinfo)
    assert "notebooks/" in problem_text(excinfo)


def test_broken_json_names_line_and_column(tmp_path):
    path = tmp_path / "01_broken.ipynb"
    path.write_text('{"cells": [\n  {"cell_type": }', encoding="utf-8")
    with pytest.raises(jk.JourneyMapError) as excinfo:
        jk.build_deck(path, tmp_path / "out")
    assert excinfo.value.source == str(path)
    assert excinfo.value.problems[0].where == "line 2, column 17"
    assert "JupyterLab" in excinfo.value.problems[0].fix


def test_json_that_is_not_a_notebook_is_refused(tmp_path):
    path = tmp_path / "01_odd.ipynb"
    path.write_text(
        '{"cells": 3, "nbformat": 4, "nbformat_minor": 5, "metadata": {}}', encoding="utf-8"
    )
    with pytest.raises(jk.JourneyMapError) as excinfo:
        jk.build_deck(path, tmp_path / "out")
    assert "does not follow the notebook format" in problem_text(excinfo)


def test_a_file_that_is_not_a_notebook_is_refused(tmp_path):
    path = tmp_path / "map.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(jk.JourneyMapError, match=r"not a notebook"):
        jk.build_deck(path, tmp_path / "out")


def test_unknown_slide_type_names_the_cell_and_the_choices(tmp_path):
    cell = new_markdown_cell("# Hi", metadata={"slideshow": {"slide_type": "slides"}})
    cell.id = "title"
    path = write_notebook(tmp_path / "01_typo.ipynb", [cell])
    with pytest.raises(jk.JourneyMapError) as excinfo:
        jk.build_deck(path, tmp_path / "out")
    problem = excinfo.value.problems[0]
    assert problem.where == "cell 1 (id 'title')"
    assert "'slides'" in problem.message
    assert "subslide" in problem.fix and "Slide Type" in problem.fix


def test_a_notebook_with_nothing_to_show_is_refused(tmp_path):
    cell = new_markdown_cell("note", metadata={"slideshow": {"slide_type": "notes"}})
    path = write_notebook(tmp_path / "01_empty.ipynb", [cell])
    with pytest.raises(jk.JourneyMapError, match="nothing to show"):
        jk.build_deck(path, tmp_path / "out")


def test_a_folder_without_numbered_notebooks_is_refused(tmp_path):
    (tmp_path / "scratch.ipynb").write_text("{}", encoding="utf-8")
    with pytest.raises(jk.JourneyMapError, match="no numbered notebooks"):
        jk.build_course([tmp_path], tmp_path / "out", progress=None)


def test_two_notebooks_with_one_name_are_refused(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write_notebook(tmp_path / folder / "01_same.ipynb", [new_markdown_cell("# x")])
    with pytest.raises(jk.JourneyMapError, match=r"01_same\.slides\.html"):
        jk.build_course([tmp_path / "a", tmp_path / "b"], tmp_path / "out", progress=None)


def test_an_output_path_that_is_a_file_is_reported(tmp_path):
    blocker = tmp_path / "decks"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(jk.JourneyMapError) as excinfo:
        jk.build_deck(SAMPLE_NOTEBOOKS[2], blocker)
    assert "decks" in str(excinfo.value)


def test_cli_builds_decks_and_reports_errors_in_one_line(tmp_path, capsys):
    assert main(["slides", str(SAMPLE_NOTEBOOKS[2]), "-o", str(tmp_path)]) == 0
    assert (tmp_path / f"{SAMPLE_NOTEBOOKS[2].stem}.slides.html").is_file()
    assert "1/1" in capsys.readouterr().out
    assert main(["slides", str(tmp_path / "missing.ipynb"), "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "missing.ipynb" in err and "Traceback" not in err


def test_the_course_editor_shows_as_a_picture_of_its_map_in_the_deck(tmp_path):
    """Course notebooks store no widget state, so the deck draws the editor from its map."""
    deck = jk.build_deck(ROOT / "notebooks" / "04_five_stages_in_depth.ipynb", tmp_path)
    html = deck.read_text(encoding="utf-8")
    assert html.count('class="jk-editor-picture"') == 1
    picture = html[html.index('class="jk-editor-picture"') :]
    assert "Online clothing store" in picture[:400]
    assert 'class="jk-plotly"' in picture[:1000], "the map is drawn as a figure right after"
    assert "application/vnd.journeykit.map+json" not in html
