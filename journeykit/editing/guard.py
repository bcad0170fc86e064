"""The editor's status line in the page, which tells the truth when the kernel is gone.

:class:`StatusGuard` is a small anywidget that shows the status sentence the kernel
writes (its ``value``, as ``widgets.HTML`` would). Its script (``guard.js``) also
watches the kernel's connection from the page: when the connection drops, the kernel
restarts or dies, or the server goes away, the line says so at once, in the words
:func:`lost_sentences` gave it beforehand, instead of a "Saved" that is no longer true.

It also keeps what the learner types into the editor's text boxes, in the page and in
the browser's ``localStorage`` (per map file: :func:`file_key`), until the kernel says
a save holds it (:meth:`StatusGuard.saved`, with the text it received). When the
connection returns, or an editor on the same file is shown again (the cell re-run, the
page reloaded), the page sends what it kept; the editor merges it into the file with
the rules of two editors (see :meth:`journeykit.editing.Editor.recover`).

Everything a page sends is checked here first (:func:`kept_fields`): a served page
(Voila, the workshop room) is someone else's browser.

The mechanism is the same wherever the editor is shown; how the editor comes back is
the only difference: ``rerun="cell"`` in JupyterLab, ``"page"`` on a served page.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from ..figures.theme import PAIN
from .form import FORM_CSS
from .preview import status_html

#: Most fields and characters a page may send back at once (an editor has a few dozen
#: text fields; the map's own checks refuse text longer than a field takes).
MAX_FIELDS = 200
MAX_CHARACTERS = 200_000


def file_key(path: str | Path | None) -> str:
    """The id under which a page keeps unsaved text for the map at *path* ("" for none).

    A hash of the resolved path: the page never learns where the file is.

    Examples
    --------
    >>> file_key("my_maps/shop.json") == file_key(Path("my_maps") / ".." / "my_maps/shop.json")
    True
    >>> file_key(None)
    ''
    """
    if path is None:
        return ""
    where = os.path.normcase(str(Path(path).resolve()))
    return hashlib.sha256(where.encode("utf-8")).hexdigest()[:32]


def lost_sentences(*, rerun: str, keeping: bool) -> dict[str, str]:
    """What the status line says when the kernel cannot save, by reason, as HTML.

    *rerun* is how the editor comes back (``"cell"``: run the cell again, ``"page"``:
    reload the page); *keeping*: whether the page keeps what is typed (a map file).

    Examples
    --------
    >>> sentences = lost_sentences(rerun="cell", keeping=True)
    >>> sorted(sentences)
    ['disconnected', 'reconnecting', 'stopped']
    >>> "Re-run this cell" in sentences["stopped"]
    True
    >>> "Reload to continue" in sentences["disconnected"]
    True
    """
    kept = " What you type is kept in this page and saved once it is back." if keeping else ""
    since = " What you typed since the last save is kept and saved then." if keeping else ""
    if rerun == "cell":
        stopped = "Not saved: the kernel restarted, so this editor has stopped. Re-run this cell."
    else:
        stopped = "Not saved: your editor stopped on the server. Reload to continue."
    return {
        reason: status_html(text, PAIN)
        for reason, text in {
            "reconnecting": "Not saved: reconnecting to the kernel…" + kept,
            "disconnected": "Not saved: the server is gone. Reload to continue once it runs again."
            + (" What you typed is kept in this browser." if keeping else ""),
            "stopped": stopped + since,
        }.items()
    }


def kept_fields(sent: Any, known: set[str]) -> dict[str, tuple[str, str]]:
    """The ``{field: (text, base)}`` a page sent back, keeping only well-formed entries
    for fields in *known*; anything else is dropped.

    Examples
    --------
    >>> kept_fields({"title": {"text": "Shop", "base": ""}, "x": {"text": 1}}, {"title"})
    {'title': ('Shop', '')}
    >>> kept_fields("nonsense", {"title"})
    {}
    """
    if not isinstance(sent, dict) or len(sent) > MAX_FIELDS:
        return {}
    out: dict[str, tuple[str, str]] = {}
    size = 0
    for key, entry in sent.items():
        if key not in known or not isinstance(entry, dict):
            continue
        text, base = entry.get("text"), entry.get("base", "")
        if not isinstance(text, str) or not isinstance(base, str):
            continue
        size += len(text) + len(base)
        if size > MAX_CHARACTERS:
            break
        out[key] = (text, base)
    return out


class StatusGuard(anywidget.AnyWidget):
    """The status line: the kernel's sentence, or the truth when the kernel is gone.

    Examples
    --------
    >>> line = StatusGuard()
    >>> line.value = status_html("Saved 10:00:00.")
    >>> line.watch("abc", {"jk-field-title": "title"}, rerun="cell")
    >>> line.fields, "Re-run this cell" in line.lost["stopped"]
    ({'jk-field-title': 'title'}, True)
    """

    _esm = Path(__file__).with_name("guard.js")
    #: The form's layout (:data:`.form.FORM_CSS`: the editor's one stylesheet, carried by
    #: the one anywidget every editor shows) and the look of a stopped editor: ipywidgets
    #: marks each widget of a stopped kernel with a broken-link icon, which shifts every
    #: field; the status line says it once instead, and the form fades.
    _css = (
        FORM_CSS
        + f"""
    .jk-editor .jupyter-widgets-disconnected::before {{ content: none; display: none; }}
    .jk-editor.jk-lost {{ border-left: 3px solid {PAIN}; padding-left: 6px; }}
    .jk-editor.jk-lost .jk-preview, .jk-editor.jk-lost .jk-review {{ opacity: 0.55; }}
    """
    )
    #: The status sentence as HTML (escaped by :func:`.preview.status_html`).
    value = traitlets.Unicode("").tag(sync=True)
    #: The map file's id (:func:`file_key`); "" when nothing is saved to a file.
    file_key = traitlets.Unicode("").tag(sync=True)
    #: The text boxes whose typing the page keeps: their CSS class -> the field's key.
    fields = traitlets.Dict().tag(sync=True)
    #: What the line says when the kernel cannot save (:func:`lost_sentences`).
    lost = traitlets.Dict().tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lost = lost_sentences(rerun="cell", keeping=False)
        #: Called when a page shows the line or comes back into view.
        self.on_hello: Callable[[], None] | None = None
        #: Called with the text a page kept (:func:`kept_fields`).
        self.on_recover: Callable[[dict[str, tuple[str, str]]], None] | None = None
        #: Called with what a box held before the typing it is about to send.
        self.on_typed: Callable[[dict[str, tuple[str, str]]], None] | None = None
        self.on_msg(self._message)

    def watch(self, key: str, fields: dict[str, str], *, rerun: str) -> None:
        """Keep typing for the map file *key* in the text boxes *fields* (CSS class -> key)."""
        self.file_key = key
        self.fields = fields
        self.lost = lost_sentences(rerun=rerun, keeping=bool(key))

    def saved(self, fields: dict[str, str]) -> None:
        """Tell the page a save holds *fields* (key -> the text the kernel received)."""
        if fields:
            self.send({"kind": "saved", "fields": fields})

    def _message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        kind = content.get("kind") if isinstance(content, dict) else None
        if kind == "hello" and self.on_hello is not None:
            self.on_hello()
        elif kind == "recover" and self.on_recover is not None:
            kept = kept_fields(content.get("fields"), set(self.fields.values()))
            if kept:
                self.on_recover(kept)
        elif kind == "typed" and self.on_typed is not None:
            self.on_typed(kept_fields(content.get("fields"), set(self.fields.values())))
