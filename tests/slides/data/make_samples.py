"""Write the small notebooks the slide tests build decks from, with real stored outputs.

Each notebook exercises one part of the deck builder: plotly figures on slides,
sub-slides and fragments (01), widgets with saved state and without (02), and a
notebook whose first shown cell is code, with hidden input (03). They are run
with nbclient, as the course notebooks are, so the outputs are what Jupyter
stores. Regenerate them with::

    .venv/bin/python tests/slides/data/make_samples.py
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def md(cell_id: str, kind: str, source: str) -> nbformat.NotebookNode:
    cell = new_markdown_cell(source, metadata={"slideshow": {"slide_type": kind}})
    cell.id = cell_id
    return cell


def code(cell_id: str, kind: str, source: str, tags: tuple[str, ...] = ()) -> nbformat.NotebookNode:
    metadata: dict = {"slideshow": {"slide_type": kind}}
    if tags:
        metadata["tags"] = list(tags)
    cell = new_code_cell(source, metadata=metadata)
    cell.id = cell_id
    return cell


FIGURES = [
    md("notes-first", "notes", "Say hello before the first slide: **these notes come first**."),
    md("title", "slide", "# 01 · Sample deck with figures\n\nA deck that the slide tests build."),
    code("setup", "skip", "import pandas as pd\nimport plotly.express as px"),
    md("bars-intro", "slide", "## Visits per stage\n\nA bar chart on a slide of its own."),
    code(
        "bars",
        "-",
        'stages = ["Awareness", "Consideration", "Purchase"]\n'
        'visits = pd.DataFrame({"stage": stages, "visits": [120, 60, 15]})\n'
        'px.bar(visits, x="stage", y="visits", title="Visits per stage")',
    ),
    md("bars-notes", "notes", "Point at the drop between the first two bars."),
    md("line-intro", "subslide", "## Mood along the way\n\nThe same stages, as a line."),
    code("line", "fragment", 'px.line(visits, x="stage", y="visits", markers=True, height=900)'),
    md(
        "table",
        "slide",
        "## Three lanes\n\n| lane | holds |\n| --- | --- |\n"
        "| actions | what the customer does |\n| touchpoints | where it happens |\n"
        "| emotions | how it feels |",
    ),
    md("frag-1", "fragment", "First point, shown on a click."),
    md("frag-2", "fragment", "Second point, shown on the next click."),
    md("tall", "slide", "## A long list\n\n" + "\n".join(f"- item {i}" for i in range(1, 31))),
    md("tall-notes", "notes", "This slide is taller than the screen: scroll it."),
    md("tall-end", "fragment", "**The end of the list**, scrolled into view when it appears."),
    md(
        "next",
        "slide",
        "## Next\n\n[02 · Widgets](02_sample_widgets.ipynb) and "
        "[a web page](https://example.org/page.ipynb).",
    ),
    code("teardown", "skip", "del visits"),
]

WIDGETS = [
    md("title", "slide", "# 02 · Widgets in a deck\n\nWidgets saved with their state."),
    code("setup", "skip", "import ipywidgets as w\nimport plotly.graph_objects as go"),
    md("controls-intro", "slide", "## Controls"),
    code(
        "controls",
        "-",
        "w.VBox([\n"
        '    w.Label("Pick a stage"),\n'
        '    w.Dropdown(options=["Awareness", "Purchase"], value="Purchase", '
        'description="Stage"),\n'
        '    w.IntSlider(value=4, min=1, max=5, description="Mood"),\n'
        '    w.Tab([w.Text(value="Checkout page")], titles=("Touchpoint",)),\n'
        "])",
    ),
    md("controls-notes", "notes", "Ask the room which stage they would pick."),
    md("figure-intro", "slide", "## A figure widget"),
    code("figure", "-", 'go.FigureWidget(go.Bar(x=["Awareness", "Purchase"], y=[3, 5]))'),
    md("output-intro", "subslide", "## An output widget"),
    code(
        "output",
        "fragment",
        'out = w.Output()\nwith out:\n    print("Printed inside the widget")\nout',
    ),
    md("lost-intro", "slide", "## A widget whose state was not saved"),
    code("lost", "-", 'w.Button(description="Save")'),
]

PLAIN = [
    code("first", "-", 'print("A deck that starts with code")'),
    md("notes", "notes", "The title slide here is made by the deck builder."),
    md("second", "slide", "## Output only\n\nThe next cell hides its code."),
    code("hidden-input", "-", 'print("only this line shows")', tags=("hide-input",)),
    md("last", "subslide", "## The end"),
]


def _trim_widget_state(nb: nbformat.NotebookNode, lost_cell: str | None) -> None:
    """Drop plotly.js (anywidget's _esm) from the saved state; forget one widget's state."""
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    for model in state.values():
        model["state"].pop("_esm", None)
    for cell in nb.cells:
        if cell.id == lost_cell:
            for output in cell.outputs:
                view = output["data"]["application/vnd.jupyter.widget-view+json"]
                state.pop(view["model_id"])


def write(name: str, cells: list, *, widgets: bool = False, lost: str | None = None) -> Path:
    nb = new_notebook(
        cells=cells, metadata={"kernelspec": KERNEL, "language_info": {"name": "python"}}
    )
    NotebookClient(
        nb, store_widget_state=widgets, resources={"metadata": {"path": str(HERE)}}
    ).execute()
    if widgets:
        _trim_widget_state(nb, lost)
    path = HERE / name
    nbformat.write(nb, path)
    return path


def main() -> None:
    print(write("01_sample_figures.ipynb", FIGURES))
    print(write("02_sample_widgets.ipynb", WIDGETS, widgets=True, lost="lost"))
    print(write("03_sample_plain.ipynb", PLAIN))


if __name__ == "__main__":
    main()
