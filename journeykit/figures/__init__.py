"""Figures: plotly figures of journey maps and frameworks, one call each.

Layer 4. Every function takes kit data (a map, a framework id, counts) and
returns a :class:`plotly.graph_objects.Figure` in the kit's look, with a title
that says what the figure shows and hover text that explains each mark. The
figures hold only plain data and a small template, so a notebook that shows one
stores a few kilobytes of JSON that come out the same on every run.

* :mod:`.theme`: palette, fonts, text widths and the plotly template;
* :mod:`.layout`: text wrapping by pixel width, labels, titles (shared by all);
* :mod:`.journey_map`: :func:`plot_map`;
* :mod:`.canvas`: :func:`plot_canvas` (a blank canvas to print);
* :mod:`.emotions`: :func:`plot_emotions`;
* :mod:`.frameworks`: :func:`plot_framework`, :func:`plot_frameworks`,
  :func:`plot_crosswalk`;
* :mod:`.funnel`: :func:`plot_funnel` (typed-in counts or a measured funnel);
* :mod:`.transitions`: :func:`plot_transitions` (a Sankey of measured stage-to-stage moves);
* :mod:`.measured`: what a measurement says about each stage, for the map's Measured row
  (read by duck typing: this layer never imports :mod:`journeykit.analytics`);
* :mod:`.class_emotions`: :func:`plot_class_heatmap`, :func:`plot_class_spread` (a whole
  class's emotions, for the debrief);
* :mod:`.class_lanes`: :func:`plot_class_coverage`, :func:`plot_class_top` (what a whole
  class wrote);
* the method's second half: :mod:`.compare` (:func:`compare`, a current map and its
  future state), :mod:`.priorities` (:func:`plot_priorities`, the impact/effort
  matrix), :mod:`.blueprint` (:func:`plot_blueprint`, the service blueprint), all laid
  out on :mod:`.grid` (the map figure's grid of stages by rows) but the matrix.

Examples
--------
>>> import journeykit as jk
>>> plot_map(jk.example("clothing-store")).layout.xaxis.ticktext[:2]
('<b>1. Awareness</b>', '<b>2. Consideration</b>')
"""

from __future__ import annotations

from . import theme
from .blueprint import plot_blueprint
from .canvas import plot_canvas
from .class_emotions import plot_class_heatmap, plot_class_spread, similarity_order
from .class_lanes import plot_class_coverage, plot_class_top
from .compare import compare
from .emotions import plot_emotions
from .frameworks import plot_crosswalk, plot_framework, plot_frameworks
from .funnel import plot_funnel
from .journey_map import plot_map
from .priorities import plot_priorities
from .transitions import plot_transitions

__all__ = [
    "compare",
    "plot_blueprint",
    "plot_canvas",
    "plot_class_coverage",
    "plot_class_heatmap",
    "plot_class_spread",
    "plot_class_top",
    "plot_crosswalk",
    "plot_emotions",
    "plot_framework",
    "plot_frameworks",
    "plot_funnel",
    "plot_map",
    "plot_priorities",
    "plot_transitions",
    "similarity_order",
    "theme",
]
