"""Hand-ins: a course notebook through ``jupyter nbconvert --to journeykit_html``.

The exporter is found the way nbconvert and JupyterLab find it (the entry point),
run as the command a student types, and the page it writes is opened in headless
Chromium with every request off the machine blocked: every plotly figure is
drawn, the editor shows as a picture, nothing is fetched (not even a file beside
the page: a hand-in is one file), nothing is logged as an error, and learner
text with ``<script>`` in it shows as text and never runs. A real JupyterLab
server lists the exporter in ``/api/nbconvert`` (what fills its export menu) and
exports through it; the command-line alias ``journeykit-html`` is not listed there,
as Jupyter Server could not export through a name with ``-`` in it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from nbclient import NotebookClient
from nbconvert.exporters import get_export_names, get_exporter
from nbformat.v4 import new_code_cell, new_markdown_cell

import journeykit as jk
from journeykit.model import MAP_MIME
from journeykit.slides.figure_html import PLOTLY_MIME
from journeykit.slides.handin import COMMAND_ALIAS, EXPORTER_NAME, HandinExporter
from journeykit.slides.widget_pictures import LIVE_PLOT, WIDGET_STATE_MIME
from tests.conftest import describe, serious
from tests.editing.lab_session import lab_server

ROOT = Path(__file__).resolve().parents[2]
COURSE_NOTEBOOK = ROOT / "notebooks" / "07_mapping_method.ipynb"  # figures, tables, editor
#: What a learner might type: HTML that must not run, and plain text with markup characters.
LEARNER = (
    'Tom & <b>Jerry</b> <script>window.jkRan = 1</script><img src="x" onerror="window.jkRan = 2">'
)
LEARNER_CELLS = [
    new_markdown_cell(f"## My notes\n\n{LEARNER}"),
    new_code_cell(f"print({LEARNER!r})"),
    new_code_cell(f"from IPython.display import HTML\nHTML({LEARNER!r})"),
    # typed into the editor: the picture of the editor must show it as text
    new_code_cell(f'editor.map.set_lane("Awareness", "goal", {LEARNER!r})'),
]


def expected_figures(notebook: Path) -> int:
    """Plotly outputs, plotly widgets and editor previews (LivePlot) with saved state, and
    editors without saved state (drawn from the map their output carries), read from the
    .ipynb JSON."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    state = (nb["metadata"].get("widgets") or {}).get(WIDGET_STATE_MIME, {}).get("state", {})
    saved = [model.get("state", {}) for model in state.values()]
    figures = sum(
        "_widget_data" in model
        or (model.get("_anywidget_id") == LIVE_PLOT and isinstance(model.get("figure"), dict))
        for model in saved
    )
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            figures += PLOTLY_MIME in data
            view = data.get("application/vnd.jupyter.widget-view+json", {})
            figures += MAP_MIME in data and view.get("model_id") not in state
    return figures


def nbconvert_to_handin(notebook: Path, name: str) -> Path:
    """``jupyter nbconvert --to NAME NOTEBOOK``, as a student runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "nbconvert", "--to", name, str(notebook)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return notebook.with_suffix(".html")


@pytest.fixture(scope="module")
def handins(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """``{"stored": ..., "run": ...}``: (notebook, hand-in) pairs.

    *stored* is the course notebook as committed (figures stored as plotly JSON,
    the editor without widget state, as JupyterLab saves by default); *run* is
    the same notebook run with learner cells added, its widget state saved.
    """
    folder = tmp_path_factory.mktemp("handin")
    stored = folder / "07_stored.ipynb"
    shutil.copyfile(COURSE_NOTEBOOK, stored)
    nb = nbformat.read(COURSE_NOTEBOOK, as_version=4)
    nb.cells.extend(LEARNER_CELLS)
    with pytest.MonkeyPatch.context() as patch:  # the kernel saves maps here, not in the
        patch.setenv("JOURNEYKIT_MAPS_DIR", str(folder / "my_maps"))  # folder nbval uses
        NotebookClient(
            nb,
            timeout=600,
            kernel_name="python3",
            store_widget_state=True,
            resources={"metadata": {"path": str(folder)}},
        ).execute()
    assert WIDGET_STATE_MIME in nb.metadata.get("widgets", {})
    run = folder / "07_run.ipynb"
    nbformat.write(nb, run)
    return {
        "stored": (stored, nbconvert_to_handin(stored, COMMAND_ALIAS)),
        "run": (run, nbconvert_to_handin(run, EXPORTER_NAME)),
    }


def test_nbconvert_finds_the_exporter_by_its_entry_point_names():
    assert {EXPORTER_NAME, COMMAND_ALIAS} <= set(get_export_names())
    assert get_exporter(EXPORTER_NAME) is HandinExporter
    assert issubclass(get_exporter(COMMAND_ALIAS), HandinExporter)
    assert HandinExporter().output_mimetype == "text/html"


def test_the_page_names_no_cdn_and_holds_plotly_js_once(handins):
    html = handins["stored"][1].read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("script[src], link[href], iframe, object, embed") == []
    code = [
        script.get_text()
        for script in soup.find_all("script")
        if script.get("type") != "application/json"
    ]
    assert len(code) == 2 and code[0].lstrip().startswith("/**\n* plotly.js v"), (
        "plotly.js, inlined once, then the kit's drawing script"
    )
    for script in soup.find_all("script"):
        script.decompose()  # plotly.js itself mentions MathJax
    page = str(soup).lower()
    for name in ("require.js", "require.min.js", "mathjax", "mermaid", "cdnjs", "unpkg"):
        assert name not in page


@pytest.mark.browser
@pytest.mark.parametrize("which", ["stored", "run"])
def test_handin_opens_offline_with_every_figure_drawn(
    which, handins, chromium_page, axe_audit, test_output_dir
):
    notebook, handin = handins[which]
    page = chromium_page.page
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    chromium_page.goto(handin)
    page.evaluate("window.journeykitHandin.ready")
    figures = page.evaluate("""() => [...document.querySelectorAll('.jk-plotly')].map(div => ({
        drawn: div.getAttribute('data-jk-drawn') === 'true' && !!div.querySelector('.main-svg'),
        traces: (div.data || []).length,
        wanted: JSON.parse(div.nextElementSibling.textContent).data.length}))""")
    assert len(figures) == expected_figures(notebook) > 0
    for figure in figures:
        assert figure["drawn"] and figure["traces"] == figure["wanted"] > 0, figure
    page.screenshot(path=test_output_dir / f"{which}.png", full_page=True)
    violations = axe_audit(page)
    (test_output_dir / "axe.json").write_text(json.dumps(violations, indent=1), encoding="utf-8")
    assert serious(violations) == [], describe(serious(violations))
    assert loaded == [handin.resolve().as_uri()], "a hand-in is one file that loads nothing"
    chromium_page.assert_clean()
    assert dialogs == []


@pytest.mark.browser
def test_the_editor_shows_as_a_picture_and_learner_text_as_text(handins, chromium_page):
    page = chromium_page.page
    chromium_page.goto(handins["run"][1])
    page.evaluate("window.journeykitHandin.ready")
    assert page.evaluate("window.jkRan") is None, "learner HTML ran as a script"
    editor = page.locator(".jk-widget-tabs").first  # the editor's stage tabs, as a picture
    titles = editor.locator(".jk-widget-tab-title").all_inner_texts()
    assert {"Persona", "1. Awareness", "5. Advocacy"} <= set(titles), titles
    assert LEARNER in editor.inner_text(), "the goal typed into the editor, as typed"
    assert page.locator(".jk-notice", has_text="JourneyKit editor").count() == 0
    printed = page.locator(
        ".jp-OutputArea-output pre", has_text="<script>window.jkRan = 1</script>"
    )
    assert printed.count() == 1, "printed learner text is shown, escaped"
    notes = page.locator(".jp-MarkdownCell", has_text="My notes")
    assert notes.locator("b", has_text="Jerry").count() == 1, "learner markup is kept"
    assert "window.jkRan" not in notes.inner_html()
    scripts = page.evaluate("""() => [...document.scripts]
        .filter(s => s.type !== 'application/json').map(s => s.textContent.includes('jkRan'))""")
    assert scripts == [False, False], "only plotly.js and the kit's drawing script"
    chromium_page.assert_clean()


def test_an_editor_without_saved_state_is_drawn_from_its_map_file(tmp_path, monkeypatch):
    """JupyterLab saves no widget state by default: the hand-in then draws the editor's map,
    read from its file, so it shows what the learner typed after the cell ran."""
    maps = tmp_path / "my_maps"
    monkeypatch.setenv("JOURNEYKIT_MAPS_DIR", str(maps))
    notebook = tmp_path / "mine.ipynb"
    nb = nbformat.v4.new_notebook(
        cells=[
            new_code_cell(
                'import journeykit as jk\njk.editor(jk.map_path("bakery"), framework="five-stage")'
            )
        ]
    )
    NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        store_widget_state=False,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    nbformat.write(nb, notebook)  # no widget state, as JupyterLab saves by default
    later = jk.load_map(maps / "bakery.json")
    later.set_title("Typed after the cell ran")
    later.save(maps / "bakery.json")
    html = nbconvert_to_handin(notebook, EXPORTER_NAME).read_text(encoding="utf-8")
    assert "A picture of the editor" in html and "Typed after the cell ran" in html
    assert html.count('class="jk-plotly"') == 1
    (maps / "bakery.json").unlink()  # gone since: the map as the output stored it
    html = nbconvert_to_handin(notebook, EXPORTER_NAME).read_text(encoding="utf-8")
    assert "A picture of the editor" in html and "Typed after the cell ran" not in html


def test_jupyterlab_lists_the_exporter_and_exports_through_it(handins, tmp_path):
    notebook = handins["stored"][0]
    with lab_server(notebook.parent, tmp_path / "home") as lab:
        with urllib.request.urlopen(
            f"{lab.origin}/api/nbconvert?token={lab.token}", timeout=60
        ) as response:
            exporters = json.load(response)
        # JupyterLab's File > Save and Export Notebook As menu lists these names
        assert exporters[EXPORTER_NAME] == {"output_mimetype": "text/html"}
        assert COMMAND_ALIAS not in exporters, "a menu entry that would answer 404"
        url = (
            f"{lab.origin}/nbconvert/{EXPORTER_NAME}/{notebook.name}"
            f"?download=true&token={lab.token}"
        )
        with urllib.request.urlopen(url, timeout=300) as response:
            page = response.read().decode("utf-8")
            disposition = response.headers["Content-Disposition"]
    assert "07_stored.html" in disposition
    assert 'content="JourneyKit hand-in' in page
    assert page.count('class="jk-plotly"') == expected_figures(notebook)
