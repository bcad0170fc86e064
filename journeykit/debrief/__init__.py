"""Debrief: a whole class's journey maps compared in one picture (``jk.rollup``).

Layer 6: reads many maps (the model), reviews them (coaching), draws (figures)
and writes one offline page (export). Its modules:

* :mod:`.loading`: finding and reading the maps of a folder, re-reading only changed files;
* :mod:`.steps`: the columns maps are compared on (stages, or journey moments when
  frameworks mix);
* :mod:`.wording`: grouping items that say the same thing in slightly different words;
* :mod:`.tables`: the roll-up's tables;
* :mod:`.class_rollup`: :func:`rollup` and :class:`Rollup`;
* :mod:`.page`: the debrief page (HTML, with a gallery of every map) and the CSV;
* :mod:`.sample`: a made-up class of maps, for rehearsing and for the benchmark.
"""

from __future__ import annotations

from .class_rollup import Rollup, rollup
from .loading import MAX_MAPS, Skipped
from .steps import Steps, steps_for
from .wording import Wording, group_wordings

__all__ = [
    "MAX_MAPS",
    "Rollup",
    "Skipped",
    "Steps",
    "Wording",
    "group_wordings",
    "rollup",
    "steps_for",
]
