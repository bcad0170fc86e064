"""Paper: canvases, maps and persona cards printed to PDF for groups without devices.

Layer 6: lays out the kit's figures (:mod:`journeykit.figures`) on sheets with the
HTML export's page code (:mod:`journeykit.export`) and prints them with the
machine's Chromium (:mod:`journeykit.chromium`), as the decks' handouts are printed.

* :mod:`.sheets`: A4 and A3 landscape sheets, the page holding them, printing it;
* :mod:`.printouts`: :func:`print_canvas`, :func:`print_map`, :func:`print_personas`.

From a terminal: ``journeykit print canvas --framework five-stage --size A3``,
``journeykit print map my_maps/shop.json``, ``journeykit print persona``.
"""

from __future__ import annotations

from .printouts import print_canvas, print_map, print_personas
from .sheets import PAPERS, Paper, paper

__all__ = ["PAPERS", "Paper", "paper", "print_canvas", "print_map", "print_personas"]
