"""Exports: a journey map as a file to hand in, print, paste or open offline.

Layer 5, on top of the model and the figures. :mod:`.formats` has one
``to_*`` function per format and :func:`export_map`, which picks the format by
name; :mod:`.html_page` builds the offline web page and :mod:`.text` the
Markdown, CSV and Mermaid text. A new format gets its text or page builder here
and an entry in :data:`FORMATS`.
"""

from __future__ import annotations

from .formats import (
    FORMATS,
    IMAGE_FORMATS,
    export_format,
    export_map,
    read_csv,
    to_csv,
    to_html,
    to_image,
    to_markdown,
    to_mermaid,
)

__all__ = [
    "FORMATS",
    "IMAGE_FORMATS",
    "export_format",
    "export_map",
    "read_csv",
    "to_csv",
    "to_html",
    "to_image",
    "to_markdown",
    "to_mermaid",
]
