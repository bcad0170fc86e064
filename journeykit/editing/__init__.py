"""Editing: the journey-map editor, a form that fills in a map, shows it live and saves it.

Layer 6, what learners touch. :func:`editor` opens it in a notebook cell. Its
modules: :mod:`.map_editor` (the :class:`Editor` itself), :mod:`.form` and
:mod:`.fields` (the tabs and one field per lane), :mod:`.preview` and
:mod:`.live_plot` (the figure in the page, redrawn in place), :mod:`.autosave` and
:mod:`.debounce` (saving a moment after each change), :mod:`.review_panel` (the
coach's findings, updated as the learner types), :mod:`.export_panel`,
:mod:`.start_screen` and :mod:`.opening`.

Importing it loads ipywidgets and plotly; ``import journeykit`` only does so
when ``jk.editor`` is first used.
"""

from __future__ import annotations

from .map_editor import Editor, editor
from .opening import field_for, open_or_create

__all__ = ["Editor", "editor", "field_for", "open_or_create"]
