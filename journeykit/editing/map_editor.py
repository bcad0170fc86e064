"""The journey-map editor: a form that fills in a map, shows it live and saves it.

In a notebook cell::

    import journeykit as jk
    jk.editor("my_maps/my_shop.json", framework="eight-stage")   # open or start a map
    jk.editor(jk.example("clothing-store"))                      # explore the example
    jk.editor()                                                  # choose on a start screen

The editor is a thin view over a :class:`~journeykit.JourneyMap`. Every edit,
typed into a box or made in code with :meth:`Editor.set_lane`, goes through the
map's own ``set_lane``/``set_persona``/``set_title``; the map then tells its
observers, and they update the fields, redraw the preview (one
:class:`~.live_plot.LivePlot`, changed in place) and save the file (see
:mod:`.autosave`). A value the map refuses leaves the map and the file as they
were and shows the reason under the field; nothing raises.

The form, the preview, the export buttons and the start screen are built by
the modules beside this one; what stays here is the :class:`Editor` itself,
whose methods share one map, one file and one status line, and its long,
runnable docstrings (about a third of the file).

This module imports ipywidgets and plotly; ``import journeykit`` loads it only
when ``editor`` or ``Editor`` is first used.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..catalogue import FieldPath, get_framework, schema
from ..catalogue import lane as lane_spec
from ..errors import JourneyMapError, Problem
from ..figures import plot_emotions
from ..figures.blueprint import blueprint_json
from ..figures.journey_map import map_json
from ..figures.theme import FIT_WIDTH, MUTED
from ..model import JourneyMap, embed, example, load_map, map_path
from ..model.merging import field_label
from ..model.saving import changed_elsewhere, seen_before
from ..model.values import normalize_value
from .autosave import SAVE_DELAY, SAVE_MAX_WAIT, Autosaver, SaveResult, write_map
from .export_panel import ExportPanel, link_target
from .fields import Field, ListField, TextField, css_name, problem_text
from .form import build_form
from .item_panel import ItemPanel, add_item_panels
from .opening import field_for, open_or_create
from .preview import REDRAW_DELAY, Preview
from .review_panel import ReviewPanel
from .start_screen import EXAMPLE_NAME, StartScreen
from .status import StatusLine

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from .live_plot import LivePlot


class Editor:
    """A journey-map editor: fields per stage, a live preview, autosave and exports.

    Make one with :func:`editor`. Displaying it in a notebook shows the form;
    the same edits can be made in code, which is how the tests drive it.

    Parameters
    ----------
    journey_map : JourneyMap, optional
        The map to edit; without one the editor starts on its start screen.
    path : str or Path, optional
        The file the map is saved to. Without one, edits stay in memory.
    read_only : bool, default False
        Show the map with every input switched off and nothing saved (for Voila).
    autosave : bool, default True
        Save a moment after every change (only when there is a *path*).
    served : bool, default False
        The editor is served to someone else's browser (a Voila app, the workshop
        room): no export row and no file paths on the status line.
    note : str
        A sentence for the status line, e.g. whether the file was opened or started.

    Attributes
    ----------
    map : JourneyMap or None
        The map being edited (None on the start screen).
    preview : LivePlot or None
        The live figure, made once and changed in place.
    last_saved : datetime or None
        When the file was last written (a save whose time has come is made first).
    review_panel : ReviewPanel or None
        The coach's findings below the preview, updated after each pause in typing
        (:mod:`.review_panel`).

    Examples
    --------
    >>> import journeykit as jk
    >>> ed = jk.editor(jk.example("clothing-store"))
    >>> ed.set_lane("Decision", "touchpoints", ["Checkout page", "Pop-up shop"])
    True
    >>> ed.map.stage("Decision").touchpoints
    ['Checkout page', 'Pop-up shop']
    >>> ed.set_lane("Decision", "emotion_score", 9)
    False
    >>> ed.problems["Decision.emotion_score"]
    '9 is not a score from 1 to 5. To fix it: give the emotion score a whole number from 1 \
(very negative) to 5 (very positive).'
    >>> ed.map.stage("Decision").emotion_score
    3
    >>> print(ed._repr_mimebundle_()["text/plain"])
    JourneyKit editor: Online clothing store: a summer outfit (five-stage-decision), 5 stages
    """

    def __init__(
        self,
        journey_map: JourneyMap | None = None,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        autosave: bool = True,
        served: bool = False,
        note: str = "",
        save_delay: float = SAVE_DELAY,
        redraw_delay: float = REDRAW_DELAY,
    ) -> None:
        self.read_only = read_only
        self.served = served
        self.autosave = autosave
        self.save_delay = save_delay
        self.map: JourneyMap | None = None
        self.path: Path | None = None
        self.redraw_delay = redraw_delay
        self._preview: Preview | None = None
        self._last_saved: datetime | None = None
        self.fields: dict[str, Field] = {}
        self._problems: dict[str, str] = {}
        self._saver: Autosaver | None = None
        self._typed: dict[str, str] = {}  # text boxes: what the page sent, not yet saved
        self._typed_from: dict[str, tuple[str, str]] = {}  # a box's text and what it showed
        self._brought_back = ""  # a sentence for the next save: text a page kept came back
        self._last_hello = float("-inf")
        self.review_panel: ReviewPanel | None = None
        self.exports: ExportPanel  # made with the review panel, when a map is first opened
        self._form: widgets.Tab | None = None
        #: The *Evidence and priorities* fold of each stage tab, in stage order.
        self.item_panels: list[ItemPanel] = []
        self.header = widgets.HTML()
        self._status = StatusLine()
        self.status_line = self._status.widget
        self.view = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.view.add_class("jk-editor")
        if journey_map is None:
            self.start_screen = StartScreen(
                lambda: self._from_screen(self.start_example),
                lambda framework, name: self._from_screen(self.start_own, framework, name),
            )
            self.header.value = "<h3 style='margin:4px 0'>JourneyKit editor: choose a map</h3>"
            self.view.children = [self.header, self.start_screen.box, self.status_line]
        else:
            self._open(journey_map, path, note)

    # ----- starting -----------------------------------------------------------------
    def start_example(self, name: str = EXAMPLE_NAME) -> Editor:
        """Edit a copy of the example *name*, kept in ``my_maps/``; reopen it if it exists."""
        path = map_path(name)
        if path.exists():
            self._open(load_map(path), path, f"Reopened your copy of the {name} example.")
        else:
            self._open(example(name), path, f"Copied the {name} example to edit.")
        return self

    def start_own(self, framework: str, name: str) -> Editor:
        """Start a map of the learner's own business, or reopen ``my_maps/<name>.json``."""
        m, note = open_or_create(map_path(name), framework)
        self._open(m, map_path(name), note)
        return self

    @staticmethod
    def _from_screen(start: Callable[..., Editor], *args: str) -> str | None:
        """Run a start-screen choice; return the problem to show beside it, if any."""
        try:
            start(*args)
        except JourneyMapError as err:
            source = f"{err.source}: " if err.source else ""
            return source + " ".join(problem_text(p) for p in err.problems)
        return None

    def open(
        self, journey_map: JourneyMap, path: str | Path | None = None, *, note: str = ""
    ) -> Editor:
        """Edit *journey_map* (saved to *path*) here, in place of the map open now.

        The form's widgets stay when the new map has the same stages, and the preview
        is redrawn in place: a workshop room builds an editor before it knows whose map
        it will show, so a participant who joins waits for their values to be filled
        in, not for some nine hundred widgets to be made and sent.

        Examples
        --------
        >>> import journeykit as jk
        >>> ed = jk.editor(jk.JourneyMap.new("five-stage"))
        >>> form = ed.view.children[2]
        >>> ed.open(jk.JourneyMap.new("five-stage", title="Ana")).map.title
        'Ana'
        >>> ed.view.children[2] is form, ed.fields["title"].read()
        (True, 'Ana')
        """
        self._open(journey_map, path, note)
        return self

    def _open(self, journey_map: JourneyMap, path: str | Path | None, note: str) -> None:
        """Show the form, preview and exports for *journey_map* and start watching it."""
        self._detach()
        same_stages = self.map is not None and self.map.stage_names == journey_map.stage_names
        self.map = journey_map
        self.path = Path(path) if path is not None else None
        self._status.new_map()
        if self._form is None or not same_stages:
            self._form, self.fields = build_form(journey_map, self._edited)
            self._preview = None
        tabs = self._form
        for field in self.fields.values():
            field.show(journey_map.get_field(field.path))
            field.set_disabled(self.read_only)
            self._show_problem(field.key, None)
        reused = same_stages and self.review_panel is not None
        self.item_panels = add_item_panels(
            tabs,
            journey_map,
            self._edited_item,
            read_only=self.read_only,
            reuse=self.item_panels if reused else (),
        )
        if reused:
            # the same form: its folds, review and export row follow the new map, so
            # opening a map sends values, not new widgets (a workshop page joining)
            assert self.review_panel is not None
            self.review_panel.follow(journey_map)
            self.exports.follow(journey_map, self.path)
        else:
            self.exports = ExportPanel(journey_map, self.path)
            self.review_panel = ReviewPanel(journey_map, tabs, self.fields)
        self._update_header()
        parts = [self.header, self.status_line, tabs, *self._preview_parts(), self.review_panel.box]
        if not (self.read_only or self.served):
            parts.append(self.exports.box)
        self.view.children = parts
        journey_map.observe(self._model_changed)
        self._start_saving(note)
        self._guard_typing()

    def _preview_parts(self) -> list[widgets.Widget]:
        """The live preview of the open map (made once per form, redrawn for a new map)."""
        if self._preview is None:
            self._preview = Preview(self._figure, kind=self.preview_kind, delay=self.redraw_delay)
        else:
            self._preview.draw()
        return self._preview.parts

    def _start_saving(self, note: str) -> None:
        """Start autosave (writing a new map's file at once) and say so on the status line."""
        assert self.map is not None
        if self.read_only:
            self._status.say("Read-only view: the fields are switched off and nothing is saved.")
        elif self.path is not None and self.autosave:
            self._saver = Autosaver(
                self.map,
                self.path,
                on_save=self._saved,
                delay=self.save_delay,
                max_wait=max(SAVE_MAX_WAIT, self.save_delay),
            )
            if not self.path.exists():
                self._saver.save()
            else:
                self._status.say(f"{note} Changes are saved as you type.")
        else:
            where = "press save to write it" if self.path is not None else "it is not saved"
            self._status.say(f"{note} Editing in memory: {where}.")

    # ----- changing the map (widgets and code share this path) ------------------------------
    def set_lane(self, stage: str | int, lane: str, value: Any) -> bool:
        """Set a lane as if typed into its field; False (with a message) if refused.

        Raises
        ------
        JourneyMapError
            Only for a stage or lane that does not exist (there is no field to show
            the problem next to).
        """
        m = self._require_map()
        return self._apply(FieldPath(m.stage(stage).name, lane_spec(lane).key), value)

    def set_persona(self, **changes: Any) -> bool:
        """Set persona fields (``name``, ``description``, ``goals``, ``frustrations``)."""
        m = self._require_map()
        known = schema().names["persona"]
        unknown = {key: value for key, value in changes.items() if key not in known}
        if unknown:
            m.set_persona(**unknown)  # raises, listing the persona's fields
        results = [self._apply(FieldPath(None, known[k].key), v) for k, v in changes.items()]
        return all(results)

    def set_title(self, title: str) -> bool:
        """Set the map's title as if typed into its field."""
        return self._apply(FieldPath(None, "title"), title)

    def _edited(self, field: Field, value: Any) -> None:
        typed = self._typed_from.get(field.key)
        shown = self._require_map().get_field(field.path) if typed is not None else None
        try:
            applied = self._apply(field.path, value)
        except Exception as exc:  # a widget callback must not end in a traceback
            field.set_problem(f"This could not be applied ({type(exc).__name__}: {exc}).")
            return
        if applied and typed is not None:
            self._merge_from(field, typed[1], shown)
            if typed[0] == value:
                del self._typed_from[field.key]
            else:
                # A box may send only some of its texts: more typing is on its way, and what
                # the kernel holds now came from this page, so the page knows it. Merging the
                # rest from a text the page had but never sent would keep its half-typed line.
                self._typed_from[field.key] = (typed[0], value)
        if (
            applied
            and self._saver is not None
            and isinstance(value, str)
            and self._keeps_typing(field)
        ):
            self._typed[field.key] = value
            if not self.save_pending:  # nothing changed in the map: the file holds it already
                self._confirm_typed()

    def _note_typed_from(self, typed: dict[str, tuple[str, str]]) -> None:
        """Note what each box held, as far as this kernel knew, before the text its page is
        about to send (a page may send only the last of several changes)."""
        for key, (text, base) in typed.items():
            self._typed_from[key] = (text, self._typed_from.get(key, (text, base))[1])

    def _merge_from(self, field: Field, base: str, shown: Any) -> None:
        """Merge a box's typing from what the box showed (*base*) when that was not what
        the kernel had given it (*shown*): someone else's save was on its way to the box
        (a team's shared map), so items the page never showed are not taken out."""
        m = self._require_map()
        if self._saver is None:
            return
        try:
            value = normalize_value(field.spec, base, field.key)
        except JourneyMapError:
            return
        if value != shown:
            seen_before(m, self._saver.path, {field.path.saved(m.stage_names): value})

    def _edited_item(
        self, stage: str, lane: str, position: int, attributes: dict[str, Any]
    ) -> str | None:
        """Apply attributes set in a stage's *Evidence and priorities* fold; the problem to
        show there, or None."""
        m = self._require_map()
        if self.read_only:
            return "This map is open read-only, so it cannot be changed."
        try:
            m.set_item(stage, lane, position, **attributes)
        except JourneyMapError as err:
            return " ".join(problem_text(p) for p in err.problems)
        return None

    def set_item(self, stage: str | int, lane: str, item: str | int, **attributes: Any) -> bool:
        """Set attributes of one item as if chosen in the stage's *Evidence and priorities*
        fold (``evidence="survey"``, ``impact=3``); False, with the reason shown in the fold,
        if refused.

        Examples
        --------
        >>> import journeykit as jk
        >>> ed = jk.editor(jk.example("clothing-store"))
        >>> ed.set_item("Decision", "pain_points", 0, evidence="analytics")
        True
        >>> ed.set_item("Decision", "pain_points", 0, evidence="gossip")
        False
        >>> ed.map.stage("Decision").pain_points[0].attributes["evidence"]
        'analytics'
        """
        m = self._require_map()
        name = m.stage(stage).name
        panel = self.item_panels[m.stage_names.index(name)]
        try:
            position = item if isinstance(item, int) else m.stage(name).get(lane).index(item)
        except (ValueError, JourneyMapError) as err:
            panel.show_problem(f"There is no item {item!r} in this lane ({err}).")
            return False
        problem = self._edited_item(name, lane, position, attributes)
        panel.show_problem(problem)
        return problem is None

    def _apply(self, path: FieldPath, value: Any) -> bool:
        m = self._require_map()
        key = str(path)
        if self.read_only:
            self._show_problem(key, "This map is open read-only, so it cannot be changed.")
            return False
        try:
            m.set_field(path, value)
        except JourneyMapError as err:
            if key not in self.fields:
                raise
            self._show_problem(key, " ".join(problem_text(p) for p in err.problems))
            return False
        self._show_problem(key, None)
        return True

    def _show_problem(self, key: str, text: str | None) -> None:
        if text:
            self._problems[key] = text
        else:
            self._problems.pop(key, None)
        if key in self.fields:
            self.fields[key].set_problem(text)

    def _model_changed(self, path: FieldPath) -> None:
        field = self.fields.get(str(path))
        if field is not None:
            field.show(self._require_map().get_field(path))
        if path.stage is None and path.key in ("title", "persona.name"):
            self._update_header()
        if self._preview is not None:
            self._preview.changed()

    @property
    def problems(self) -> dict[str, str]:
        """The messages shown under fields, by field (``"Decision.touchpoints"``, ``"title"``)."""
        return dict(self._problems)

    # ----- the preview --------------------------------------------------------------------
    @property
    def preview(self) -> LivePlot | None:
        """The live figure, made once per map and changed in place (None without anywidget)."""
        return self._preview.widget if self._preview is not None else None

    @property
    def preview_kind(self) -> str:
        """The view the preview shows: ``"map"``, ``"emotions"`` or ``"blueprint"``."""
        return self._preview.kind if self._preview is not None else "map"

    @property
    def preview_revision(self) -> int:
        """How many times the preview has been drawn (tests wait for it to go up)."""
        return self._preview.revision if self._preview is not None else 0

    @property
    def preview_note(self) -> widgets.HTML:
        """The line under the preview toggle that says why a redraw failed."""
        return self._require_preview().note

    def show_preview(self, kind: str) -> None:
        """Switch the preview to ``"map"``, ``"emotions"`` or ``"blueprint"``."""
        self._require_preview().show(kind)

    def flush(self) -> None:
        """Finish waiting redraws and saves now (tests and benchmarks call this)."""
        if self._preview is not None:
            self._preview.flush()
        if self.review_panel is not None:
            self.review_panel.flush()
        for panel in self.item_panels:
            panel.flush()
        if self._saver is not None:
            self._saver.flush()

    def _figure(self, kind: str) -> go.Figure | dict[str, Any]:
        """The preview's figure: the map or its service blueprint as plotly JSON (unchecked,
        as the page gets it: the same figures as ``plot_map`` and ``plot_blueprint``), the
        emotion curve as a figure."""
        m = self._require_map()
        if kind == "blueprint":
            return blueprint_json(m, FIT_WIDTH)  # the preview pane is as wide as the map's
        return plot_emotions(m) if kind == "emotions" else map_json(m)

    def _require_preview(self) -> Preview:
        if self._preview is None:
            raise JourneyMapError(
                [
                    Problem(
                        "editor",
                        "no map is open yet, so there is no preview",
                        "pick the example or start your own map first",
                    )
                ]
            )
        return self._preview

    # ----- saving ---------------------------------------------------------------------------
    def save(self) -> Path | None:
        """Save now; return the path, or None (with the reason on the status line)."""
        m = self._require_map()
        if self.read_only or self.path is None:
            self._status.say("Nothing to save to: open the map with a file path to save it.")
            return None
        if self._saver is not None:
            result = self._saver.save()
        else:
            result = write_map(m, self.path)
            self._saved(result)
        return self.path if result.ok else None

    @property
    def last_saved(self) -> datetime | None:
        """When the file was last written (a save whose time has come is made first)."""
        if self._saver is not None:
            self._saver.catch_up()
        return self._last_saved

    @last_saved.setter
    def last_saved(self, when: datetime | None) -> None:
        self._last_saved = when

    @property
    def save_pending(self) -> bool:
        """True while a change waits for its autosave."""
        return self._saver is not None and self._saver.pending

    def _saved(self, result: SaveResult) -> None:
        shown = "" if self.served else f" to {link_target(result.path) or result.path}"
        for key in [k for k, text in self._problems.items() if text.startswith("Not saved")]:
            self._show_problem(key, None)
        if result.ok:
            self._last_saved = result.saved_at
            self._status.saved(result, shown, self._brought_back)
            self._brought_back = ""
            self._confirm_typed()
            return
        m = self._require_map()
        marked = 0
        notes = []
        for problem in result.problems:
            key = field_for(problem.where, m)
            if key in self.fields:
                self._show_problem(key, "Not saved: " + problem_text(problem))
                marked += 1
            else:
                notes.append(problem_text(problem))
        self._status.not_saved(marked, notes, self._last_saved)

    @property
    def status(self) -> str:
        """The status line's sentence (what became of the file).

        Work whose time has come (a save, a redraw) is done first: while a cell keeps the
        kernel's loop busy, or in a script with no loop, it waits for a look like this one.
        """
        self._catch_up()
        return self._status.text

    def _catch_up(self) -> None:
        for waiting in (self._saver, self._preview, self.review_panel):
            if waiting is not None:
                waiting.catch_up()

    # ----- what the page keeps while the kernel is gone (see .guard) -------------------------
    def _guard_typing(self) -> None:
        """Have the status line keep what is typed into the text boxes until it is saved."""
        boxes = {
            css_name(key): key for key, field in self.fields.items() if self._keeps_typing(field)
        }
        self._status.keep_typing(
            self._saver.path if self._saver is not None else None,
            boxes,
            rerun="page" if self.served else "cell",
            on_hello=self.refresh,
            on_recover=self.recover,
            on_typed=self._note_typed_from,
        )

    @staticmethod
    def _keeps_typing(field: Field) -> bool:
        return isinstance(field, (TextField, ListField))

    def _confirm_typed(self) -> None:
        """Tell the page that the file holds what it sent (fields with a problem wait)."""
        held = {key: text for key, text in self._typed.items() if key not in self._problems}
        for key in held:
            del self._typed[key]
        if held:
            self._status.confirm(held)

    def refresh(self, *, at_most_every: float = 1.0) -> None:
        """Bring the map up to date with its file when someone else saved to it.

        The page asks for this whenever it shows the editor (a reload, the notebook
        reopened, the tab back in view), so a shown editor never holds older text than
        the file. Saving merges the other side's changes in (nothing is written when
        this side has none). Asked again within *at_most_every* seconds, it does
        nothing (a page's hellos cost the kernel little); a workshop team's page, which
        looks at a shared map's file often, asks with a shorter wait.
        """
        now = time.monotonic()
        if self._saver is None or self.map is None or now - self._last_hello < at_most_every:
            return
        self._last_hello = now
        if self._saver.pending:
            self._saver.flush()
        elif changed_elsewhere(self.map, self._saver.path):
            self._saver.save()

    def recover(self, kept: dict[str, tuple[str, str]]) -> None:
        """Take in text a page kept while the kernel could not save it.

        *kept* maps a field to ``(text, base)``: what was typed into its box, and what
        the box held before (the version the typing started from). A field whose text
        the map already holds is only confirmed to the page. The others are typed in
        and saved at once, merged with the file by the rules of two editors, *base*
        standing for what this side last saw: a list keeps the items of both, a text
        both changed keeps the typed one and the file's other version in a
        ``.conflict-`` copy.
        """
        m = self._require_map()
        if self._saver is None or self.read_only:
            return
        bases: dict[str, Any] = {}
        labels = []
        stage_names = [stage.name for stage in m.stages]
        for key, (text, base) in kept.items():
            field = self.fields.get(key)
            if field is None or not self._keeps_typing(field):
                continue
            if self._normalized(field, text) == m.get_field(field.path):
                self._typed[key] = text
                continue
            where = field.path.saved(stage_names)
            with suppress(JourneyMapError):  # no usable base: merged as changed on both sides
                bases[where] = normalize_value(field.spec, base, key)
            if self._apply(field.path, text):
                self._typed[key] = text
                labels.append(field_label(where, m.to_dict()))
        if not labels:
            self._confirm_typed()
            return
        seen_before(m, self._saver.path, bases)
        self._brought_back = (
            "Brought back what was typed while the kernel was away: " + ", ".join(labels) + "."
        )
        self._saver.save()

    @staticmethod
    def _normalized(field: Field, text: str) -> Any:
        try:
            return normalize_value(field.spec, text, field.key)
        except JourneyMapError:
            return None

    # ----- exports --------------------------------------------------------------------------
    def export(self, to: str, out: str | Path | None = None) -> Path | None:
        """Write the map as ``"html"``, ``"markdown"``, ``"mermaid"`` or ``"png"``.

        Without *out* the file goes next to the map's file (or into ``my_maps/``).
        Returns the written path, or None with a readable message under the buttons.
        """
        self._require_map()
        return self.exports.export(to, Path(out) if out is not None else None)

    # ----- showing ----------------------------------------------------------------------------
    def summary(self) -> str:
        """One stable line about the editor (its plain-text form in a notebook)."""
        if self.map is None:
            return "JourneyKit editor: choose the example or start a map of your own"
        m = self.map
        extra = ", read-only" if self.read_only else ""
        return (
            f"JourneyKit editor: {m.title or 'untitled map'} ({m.framework}), "
            f"{len(m.stages)} stages{extra}"
        )

    def _update_header(self) -> None:
        m = self._require_map()
        who = f" · persona: {html.escape(m.persona.name)}" if m.persona.name else ""
        self.header.value = (
            f"<h3 style='margin:4px 0 0'>{html.escape(m.title or 'Untitled map')}</h3>"
            f"<div style='color:{MUTED}'>{html.escape(get_framework(m.framework).name)}, "
            f"{len(m.stages)} stages{who}</div>"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = dict(self.view._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/plain"] = self.summary()
        if self.map is not None:  # lets decks, hand-ins and a page whose kernel is gone draw it
            bundle.update(embed(self.map, self.path, figure=map_json(self.map)))
        return bundle

    def __repr__(self) -> str:
        return f"<{self.summary()}>"

    def close(self) -> None:
        """Save what is waiting, stop watching the map and close the widgets."""
        self._detach()
        self.view.close()

    def _detach(self) -> None:
        if self._saver is not None:
            self._saver.close()
            self._saver = None
        if self.map is not None:
            self.map.unobserve(self._model_changed)
        if self._preview is not None:
            self._preview.cancel()
        if self.review_panel is not None:
            self.review_panel.close()
        for panel in self.item_panels:
            panel.close()

    def _require_map(self) -> JourneyMap:
        if self.map is None:
            raise JourneyMapError(
                [
                    Problem(
                        "editor",
                        "no map is open yet",
                        "pick the example or start your own map first",
                    )
                ]
            )
        return self.map


def editor(
    source: str | Path | JourneyMap | None = None,
    framework: str | None = None,
    *,
    read_only: bool = False,
    autosave: bool = True,
    served: bool = False,
    path: str | Path | None = None,
) -> Editor:
    """Open the journey-map editor in a notebook cell.

    Parameters
    ----------
    source : str, Path or JourneyMap, optional
        A map file to open (started blank if it does not exist yet), or a map
        to edit in memory. Without one the editor shows a start screen.
    framework : str, optional
        The framework of a new map, e.g. ``"eight-stage"``; needed when *source*
        names a file that does not exist yet.
    read_only : bool, default False
        Switch every input off and save nothing (for showing maps, e.g. in Voila).
    autosave : bool, default True
        Save a moment after every change.
    served : bool, default False
        For an editor served to someone else's browser (a Voila app, the workshop
        room): no export buttons (their links would not open there) and no file
        paths on the status line.
    path : str or Path, optional
        Where to save a map passed in as *source*.

    Raises
    ------
    JourneyMapError
        If the file is broken (it is left untouched) or *framework* is needed.

    Examples
    --------
    >>> import journeykit as jk
    >>> jk.editor(jk.example("clothing-store"), read_only=True).summary()
    'JourneyKit editor: Online clothing store: a summer outfit (five-stage-decision), \
5 stages, read-only'
    """
    make = partial(Editor, read_only=read_only, autosave=autosave, served=served)
    if source is None:
        if read_only:
            raise JourneyMapError(
                [
                    Problem(
                        "source",
                        "a read-only editor needs a map to show",
                        'pass a map file, e.g. editor("my_maps/shop.json", read_only=True)',
                    )
                ]
            )
        return make()
    if isinstance(source, JourneyMap):
        return make(source, path)
    if isinstance(source, (str, Path)):
        if read_only:
            return make(load_map(source), None, note=f"Opened {Path(source).name}.")
        m, note = open_or_create(source, framework)
        return make(m, source, note=note)
    raise JourneyMapError(
        [
            Problem(
                "source",
                f"cannot open {type(source).__name__} in the editor",
                "give a file path, a JourneyMap, or nothing",
            )
        ]
    )
