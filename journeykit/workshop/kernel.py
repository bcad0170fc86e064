"""What a room's kernel does before it builds a page: skip a grammar, log tracebacks.

The editor's preview draws plotly figures; importing plotly's figure widget imports
``plotly.io._renderers``, then ``nbformat``, then ``jsonschema``, whose format
checks import ``rfc3987_syntax`` when it is installed (Jupyter Server's own
dependencies install it), and that module builds a parser for the URI grammar
at import time, which costs most of the CPU of importing ``FigureWidget``, once in
each participant's kernel while the room fills. A room's kernel only runs the room's
app and never checks a URI against a JSON schema, so it marks the module as missing, and
``jsonschema`` goes without that one format check, as it does wherever the
module is not installed.

An exception in a widget's callback becomes an ``error`` message to the page;
the room's servers strip its traceback (:mod:`.connection`: it names the
laptop's install paths), so the kernel writes the whole traceback to its own
standard error, which is the room's log, for the facilitator.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any


def prepare_kernel() -> None:
    """Leave out ``rfc3987_syntax`` in this process (only if nothing imported it yet), and
    copy every traceback the kernel shows to its standard error (the room's log)."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    try:
        from IPython import get_ipython
    except ImportError:  # not in a kernel
        return
    shell = get_ipython()
    show = getattr(shell, "_showtraceback", None)
    if show is None or getattr(show, "logs_to_stderr", False):
        return

    def show_and_log(etype: Any, evalue: Any, stb: Any) -> Any:
        lines = traceback.format_exception(etype, evalue, sys.exc_info()[2])
        print("".join(lines), file=sys.__stderr__, flush=True)
        return show(etype, evalue, stb)

    show_and_log.logs_to_stderr = True  # type: ignore[attr-defined]
    shell._showtraceback = show_and_log
