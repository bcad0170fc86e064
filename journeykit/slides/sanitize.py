"""Learner HTML made safe to open: what JupyterLab would show, without scripts or fetches.

A hand-in is opened by someone else (the teacher, on their own machine), so the
HTML that learners wrote or printed is cleaned the way JupyterLab cleans a
notebook it does not trust: headings, lists, tables, links, emphasis and inline
pictures stay; scripts, styles, frames, forms and event handlers go, and so does
anything that would be fetched (a picture from the web or from a file beside
the notebook becomes a link to it; pictures pasted into a Markdown cell are
attachments, which stay in the page). The kit's own figures and widget pictures
are added *after* this cleaning by :mod:`.preprocessors`, from data they escape
themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode

from .widget_pictures import stored_widget_state

#: Elements removed together with everything inside them.
_DROPPED = (
    "script",
    "style",
    "iframe",
    "frame",
    "object",
    "embed",
    "template",
    "noscript",
    "link",
    "meta",
    "base",
    "form",
    "svg",
    "math",
    "audio",
    "video",
    "source",
)
#: Elements kept (the others are removed, their text kept).
ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "var",
    }
)
_COMMON_ATTRIBUTES = ["class", "id", "title", "lang", "dir", "style"]
ALLOWED_ATTRIBUTES: dict[str, list[str]] = {
    "*": _COMMON_ATTRIBUTES,
    "a": [*_COMMON_ATTRIBUTES, "href", "name"],
    "img": [*_COMMON_ATTRIBUTES, "src", "alt", "width", "height"],
    "td": [*_COMMON_ATTRIBUTES, "colspan", "rowspan", "align"],
    "th": [*_COMMON_ATTRIBUTES, "colspan", "rowspan", "align", "scope"],
    "ol": [*_COMMON_ATTRIBUTES, "start"],
    "table": [*_COMMON_ATTRIBUTES, "border"],
}
_PROTOCOLS = ("http", "https", "mailto", "data")
_HTML_WIDGETS = frozenset({"HTMLModel", "HTMLMathModel"})


def clean_html(markup: str) -> str:
    """*markup* with only safe, offline HTML left in it.

    Examples
    --------
    >>> clean_html('<h2 onclick="x()">Plan</h2><script>alert(1)</script><p>a &lt; b</p>')
    '<h2>Plan</h2><p>a &lt; b</p>'
    >>> clean_html('<img src="https://example.com/cat.png" alt="a cat">')
    '<a href="https://example.com/cat.png">a cat (picture not included in this page)</a>'
    >>> clean_html('<table border="1"><tr style="text-align: right;"><td>5</td></tr></table>')
    '<table border="1"><tbody><tr style="text-align: right;"><td>5</td></tr></tbody></table>'
    """
    import bleach
    from bleach.css_sanitizer import CSSSanitizer
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for element in soup.find_all(_DROPPED):
        element.decompose()
    for image in soup.find_all("img"):
        source = str(image.get("src") or "")
        if not source.startswith("data:"):  # a picture would be fetched: link to it instead
            link = soup.new_tag("a", href=source)
            link.string = f"{image.get('alt') or 'A picture'} (picture not included in this page)"
            image.replace_with(link)
    return bleach.clean(
        str(soup),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=_PROTOCOLS,
        strip=True,
        strip_comments=True,
        css_sanitizer=CSSSanitizer(),
    )


def _text(value: object) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def _clean_outputs(outputs: list[Any]) -> None:
    for output in outputs:
        data = output.get("data") if isinstance(output, Mapping) else None
        if not isinstance(data, dict):
            continue
        data.pop("application/javascript", None)
        if "text/html" in data:
            data["text/html"] = clean_html(_text(data["text/html"]))


class SanitizePreprocessor(Preprocessor):
    """Clean the HTML that code printed, in cell outputs and in saved widget state.

    Markdown cells are cleaned by the template after they are turned into HTML
    (cleaning the Markdown source would break its syntax). Runs before the kit's
    own preprocessors, so the figures and pictures they add are kept.
    """

    def preprocess(
        self, nb: NotebookNode, resources: dict[str, Any]
    ) -> tuple[NotebookNode, dict[str, Any]]:
        for cell in nb.cells:
            if cell.cell_type == "code":
                _clean_outputs(cell.get("outputs", []))
            elif cell.cell_type == "raw":  # raw cells are shown only when marked as HTML
                cell.source = clean_html(cell.source)
        for model in stored_widget_state(nb.get("metadata", {})).values():
            state = model.get("state")
            if not isinstance(state, dict):
                continue
            if model.get("model_name") in _HTML_WIDGETS and "value" in state:
                state["value"] = clean_html(_text(state["value"]))
            if isinstance(state.get("outputs"), list):
                _clean_outputs(state["outputs"])
        return nb, resources
