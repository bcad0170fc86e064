"""What a room's kernel does before it builds a page: skip a grammar nobody in it uses.

The editor's preview draws plotly figures; importing plotly's figure widget imports
``plotly.io._renderers``, then ``nbformat``, then ``jsonschema``, whose format
checks import ``rfc3987_syntax`` when it is installed (Jupyter Server's own
dependencies install it), and that module builds a parser for the URI grammar
at import time, which costs most of the CPU of importing ``FigureWidget``, once in
each participant's kernel while the room fills. A room's kernel only runs the room's
app and never checks a URI against a JSON schema, so it marks the module as missing, and
``jsonschema`` goes without that one format check, as it does wherever the
module is not installed.
"""

from __future__ import annotations

import sys


def prepare_kernel() -> None:
    """Leave out ``rfc3987_syntax`` in this process (only if nothing imported it yet)."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
