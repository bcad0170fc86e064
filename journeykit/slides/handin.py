"""The hand-in page: a whole notebook as ONE HTML file that opens offline with its figures.

Students hand in work as HTML. nbconvert's own HTML export of a course notebook
shows no figure (plotly outputs are stored as JSON only, and the page expects
require.js to draw them), no editor (a widget needs a kernel) and asks CDNs for
require.js, MathJax and Mermaid. :class:`HandinExporter` is nbconvert's
``HTMLExporter`` with the kit's template (``templates/journeykit_handin``) and
the slide decks' preprocessors (:mod:`.preprocessors`): every plotly figure is
drawn by plotly.js from the installed ``plotly`` package, inlined once into the
page; every widget whose state was saved becomes a static picture of what it
showed (the editor too), the others a short note. Learner HTML is cleaned first
(:mod:`.sanitize`) and learner text in widgets is escaped. The page fetches
nothing: no CDN, no font, no picture from the web.

It is registered with nbconvert (the ``nbconvert.exporters`` entry points in
``pyproject.toml``), so

* ``jupyter nbconvert --to journeykit_html my_notebook.ipynb`` writes
  ``my_notebook.html`` beside the notebook (``--to journeykit-html`` works too), and
* JupyterLab lists it in *File > Save and Export Notebook As* as "Journeykit_html"
  (the menu comes from the server's ``/api/nbconvert`` list of exporters).

Why two names: Jupyter Server exports through the address
``/nbconvert/<name>/<notebook>``, whose ``<name>`` may hold only letters, digits and
``_``; a menu entry named ``journeykit-html`` would answer "404 Not Found". So the
name JupyterLab shows is ``journeykit_html``, and ``journeykit-html`` is an alias
that switches itself off inside a Jupyter Server, so the server leaves it out of
the list behind the menu.

Examples
--------
>>> import nbformat
>>> from nbformat.v4 import new_notebook, new_markdown_cell
>>> nb = new_notebook(cells=[new_markdown_cell("# My map\\n\\n<script>alert(1)</script>Hi")])
>>> html, _ = HandinExporter().from_notebook_node(nb)
>>> "<script>alert" in html, "Hi" in html, "cdnjs" in html, "require.js" in html
(False, True, False, False)
"""

from __future__ import annotations

import sys
from typing import Any

from markupsafe import Markup
from nbconvert.exporters import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import default
from traitlets.config import Config

from .assets import CODE_STYLE, TEMPLATES_DIR, plotly_js
from .preprocessors import notebook_title
from .sanitize import clean_html

#: The exporter's name for ``jupyter nbconvert --to`` and JupyterLab's export menu.
EXPORTER_NAME = "journeykit_html"
#: The same exporter for the command line only (see the module docstring).
COMMAND_ALIAS = "journeykit-html"
TEMPLATE_NAME = "journeykit_handin"


def inline_script(source: str) -> Markup:
    """JavaScript that can sit inside a ``<script>`` element without ending it early.

    Examples
    --------
    >>> str(inline_script('var s = "</script><!--";'))
    'var s = "<\\\\/script><\\\\!--";'
    """
    escaped = source.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    return Markup(escaped.replace("<!--", "<\\!--"))


class HandinPreprocessor(Preprocessor):
    """Give the page the notebook's own title (its first heading) and say what made it."""

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        import nbconvert

        name = resources.get("metadata", {}).get("name") or "Notebook"
        nb.metadata.setdefault("title", notebook_title(nb, name))
        resources.setdefault("journeykit", {})["nbconvert_version"] = nbconvert.__version__
        return nb, resources


class HandinExporter(HTMLExporter):
    """nbconvert's HTML exporter for hand-ins: one offline file with every figure drawn.

    Use it as ``jupyter nbconvert --to journeykit-html NOTEBOOK`` or from
    JupyterLab's *File > Save and Export Notebook As > journeykit-html*.
    """

    export_from_notebook = "JourneyKit hand-in (HTML)"

    @default("template_name")
    def _template_name_default(self) -> str:
        return TEMPLATE_NAME

    @default("extra_template_basedirs")
    def _default_extra_template_basedirs(self) -> list[str]:
        return [str(TEMPLATES_DIR), *super()._default_extra_template_basedirs()]

    @property
    def default_config(self) -> Config:
        config = super().default_config.copy()
        config.merge(Config({"CSSHTMLHeaderPreprocessor": {"style": CODE_STYLE}}))
        return config

    @default("sanitize_html")
    def _sanitize_html_default(self) -> bool:
        return True  # markdown is cleaned by the kit's clean_html (see default_filters)

    @default("exclude_anchor_links")
    def _exclude_anchor_links_default(self) -> bool:
        return True  # the "¶" after each heading is noise for a screen reader

    def default_filters(self) -> Any:
        yield from super().default_filters()
        # nbconvert's own clean_html escapes headings and paragraphs; ours keeps what
        # JupyterLab shows and removes what runs or fetches (journeykit.slides.sanitize)
        yield ("clean_html", clean_html)

    # nbconvert's base Exporter declares a NotebookNode result; its template exporters,
    # this one's bases, return the page's text, as this method does.
    def from_notebook_node(  # type: ignore[override]
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[str, dict[str, Any]]:
        html, resources = super().from_notebook_node(nb, resources, **kw)
        if resources["journeykit"].get("figures"):
            # plotly.js (megabytes) is only read for a notebook that has a figure to draw
            script = inline_script(plotly_js().read_text(encoding="utf-8"))
            html = html.replace("<!-- journeykit: plotly.js -->", f"<script>{script}</script>", 1)
        return html, resources


class HandinCommandAlias(HandinExporter):
    """:class:`HandinExporter` under the name ``journeykit-html``, for the command line.

    Inside a running Jupyter Server it is not ``enabled``, so nbconvert leaves it
    out of the list that fills JupyterLab's export menu, where a name with ``-``
    could not be exported (see the module docstring).
    """

    @default("enabled")
    def _enabled_default(self) -> bool:
        return not _in_jupyter_server()


def _in_jupyter_server() -> bool:
    server = sys.modules.get("jupyter_server.serverapp")
    return bool(server is not None and server.ServerApp.initialized())
