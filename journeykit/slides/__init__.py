"""Slides: offline reveal.js workshop decks and PDF handouts from the course notebooks.

Layer 6, what facilitators touch. :func:`build_deck` and :func:`build_course`
(:mod:`.build`) run nbconvert's ``SlidesExporter`` with the kit's template
(``templates/journeykit_reveal``) and preprocessors (:mod:`.preprocessors`),
which draw stored plotly figures (:mod:`.figure_html`) and pictures of widgets
(:mod:`.widget_pictures`) with no kernel and no network. :mod:`.assets` copies
reveal.js and plotly.js from installed packages, :mod:`.source` finds and checks
the notebooks, and :mod:`.pdf` prints decks with the machine's Chromium.

:mod:`.handin` is the hand-in exporter (``jupyter nbconvert --to journeykit_html``):
the same preprocessors on nbconvert's lab page, one offline HTML file with plotly.js
inlined; :mod:`.sanitize` cleans the HTML learners wrote before it is shown.
"""

from __future__ import annotations

from .build import COURSE_TITLE, REVEAL_CONFIG, build_course, build_deck

__all__ = ["COURSE_TITLE", "REVEAL_CONFIG", "build_course", "build_deck"]
