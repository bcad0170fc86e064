"""The editor's Review panel: the coach's findings on the map, kept up to date as it changes.

:class:`ReviewPanel` watches the map and re-runs :func:`journeykit.review`
shortly after the learner stops typing (debounced on the kernel's event loop,
so a keystroke never waits for it). It lists
the findings most important first, each with a button that opens the stage
tab it is about and marks the lane's field.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from ..coaching import Finding, Review, review
from ..coaching.findings import LEVEL_COLOURS, LEVEL_NAMES
from ..figures.theme import MUTED, PAIN, RULE
from .debounce import Debouncer
from .preview import status_html

if TYPE_CHECKING:
    from ..catalogue import FieldPath
    from ..model import JourneyMap
    from .fields import Field

#: Seconds of quiet after an edit before the review is run again.
REVIEW_DELAY = 0.3
#: Longest a learner typing without pause waits for the review to catch up.
REVIEW_MAX_WAIT = 1.5
#: How many findings the panel lists (the rest are counted).
SHOWN = 8
#: A finding's text is never squeezed narrower than this beside its "Go to" button (CSS
#: pixels): on a narrower panel the button moves under the text.
TEXT_MIN_PX = 260

_MARK = f"2px solid {PAIN}"


def target_field(finding: Finding) -> str | None:
    """The editor field a finding is about (``"Decision.pain_points"``), if any.

    Examples
    --------
    >>> finding = Finding(rule="r", level="fix", message="m", why="w", fix="f",
    ...                   stage="Decision", lane="pain_points")
    >>> target_field(finding)
    'Decision.pain_points'
    >>> target_field(Finding(rule="r", level="fix", message="m", why="w", fix="f", lane="persona"))
    'persona.name'
    """
    return str(finding.field) if finding.field.is_field else None


def button_label(finding: Finding) -> str:
    """What the finding's button says: where it takes the learner.

    Examples
    --------
    >>> finding = Finding(rule="r", level="fix", message="m", why="w", fix="f",
    ...                   stage="Decision", lane="pain_points")
    >>> button_label(finding)
    'Go to Decision · Pain points'
    >>> button_label(Finding(rule="r", level="fix", message="m", why="w", fix="f", lane="persona"))
    'Go to Persona'
    """
    spec = finding.field.spec
    if finding.stage is None:
        on_first_tab = spec is not None and spec.scope in ("map", "persona")
        return "Go to Persona" if on_first_tab else "Go to the map"
    return f"Go to {finding.stage}" + (f" · {spec.label}" if spec is not None else "")


class ReviewPanel:
    """The Review panel of an editor: findings on *journey_map*, each pointing at its tab.

    Parameters
    ----------
    journey_map : JourneyMap
        The map under review; the panel observes it.
    tabs : ipywidgets.Tab
        The editor's form: tab 0 is the persona, tab *n* the *n*-th stage.
    fields : dict of str -> Field
        The editor's fields by key, to mark the lane a finding is about.
    delay, max_wait : float
        See :data:`REVIEW_DELAY` and :data:`REVIEW_MAX_WAIT`.

    Examples
    --------
    >>> import journeykit as jk
    >>> from journeykit.editing.form import build_form
    >>> shop = jk.example("clothing-store")
    >>> tabs, fields = build_form(shop, lambda field, value: None)
    >>> panel = ReviewPanel(shop, tabs, fields)
    >>> panel.review.fixes, len(panel.rows) > 0
    ([], True)
    >>> panel.close()
    """

    def __init__(
        self,
        journey_map: JourneyMap,
        tabs: widgets.Tab,
        fields: dict[str, Field],
        *,
        delay: float = REVIEW_DELAY,
        max_wait: float = REVIEW_MAX_WAIT,
    ) -> None:
        self.map = journey_map
        self.tabs = tabs
        self.fields = fields
        self.review = Review()
        self.revision = 0
        self.rows: list[tuple[Finding, widgets.Button | None]] = []
        self._marked: Field | None = None
        self._closed = False
        #: True once the learner asked to see every finding, not only the first :data:`SHOWN`.
        self.show_all = False
        self.heading = widgets.HTML()
        self.note = widgets.HTML()
        self.list = widgets.VBox()
        self.box = widgets.VBox(
            [self.heading, self.note, self.list],
            layout=widgets.Layout(
                width="100%", border=f"1px solid {RULE}", padding="4px 10px", margin="8px 0"
            ),
        )
        self.box.add_class("jk-review")
        self._update = Debouncer(self.refresh, delay, max_wait=max_wait)
        journey_map.observe(self._changed)
        self.refresh()

    @property
    def pending(self) -> bool:
        """True while a change waits for the review to run again."""
        return self._update.pending

    def _changed(self, path: FieldPath) -> None:
        self._update()

    def catch_up(self) -> None:
        """Review now if a waiting review's time has come (see :mod:`.debounce`)."""
        if not self._closed:
            self._update.catch_up()

    def flush(self) -> None:
        """Review now (tests call this)."""
        if not self._closed:
            self._update.run()

    def close(self) -> None:
        """Stop watching the map and drop a waiting review."""
        self._closed = True
        self.map.unobserve(self._changed)
        self._update.cancel()

    def follow(self, journey_map: JourneyMap) -> None:
        """Review *journey_map* from now on, keeping the widgets (an editor reopened on
        another map with the same stages and fields)."""
        self.close()
        self.map = journey_map
        self._closed = False
        self.show_all = False
        self.review = Review()
        self.revision = 0
        journey_map.observe(self._changed)
        self.refresh()

    def refresh(self) -> None:
        """Review the map again and redraw the list if anything changed."""
        try:
            fresh = review(self.map)
        except Exception as exc:  # the panel must never break the editor
            self.note.value = status_html(
                f"The review could not run ({type(exc).__name__}: {exc}); your changes are kept.",
                PAIN,
            )
            return
        self.note.value = ""
        if fresh.findings == self.review.findings and self.revision:
            return
        calm = not (fresh.fixes or fresh.of_level("improve"))
        closing = (
            f"<br><span style='color:{MUTED}'>{html.escape(fresh.next_step)}</span>" if calm else ""
        )
        self.heading.value = (
            f"<div style='margin:4px 0'><b>Review</b> · "
            f"{html.escape(fresh.summary(named=False))}{closing}</div>"
        )
        rows = []
        children: list[widgets.Widget] = []
        shown = fresh.findings if self.show_all else fresh.findings[:SHOWN]
        for finding in shown:
            row, button = self._row(finding)
            rows.append((finding, button))
            children.append(row)
        rest = len(fresh) - len(shown)
        if rest > 0:
            # A button rather than a line of code to type: the panel cannot know what the
            # learner called their editor or map.
            more = widgets.Button(
                description=f"Show {rest} more",
                tooltip="List every finding of the review",
                layout=widgets.Layout(width="auto"),
            )
            more.on_click(self._show_everything)
            children.append(more)
        old, self.list.children, self.rows = self.list.children, children, rows
        for row in old:
            for part in getattr(row, "children", ()):
                part.close()
            row.close()
        self.review = fresh
        self.revision += 1

    def _show_everything(self, _button: widgets.Button | None = None) -> None:
        """List every finding, not only the first :data:`SHOWN`."""
        self.show_all = True
        self.review = Review()  # redraw even though the findings did not change
        self.refresh()

    def _row(self, finding: Finding) -> tuple[widgets.Widget, widgets.Button | None]:
        colour = LEVEL_COLOURS[finding.level]
        todo = (
            f"<br><span style='color:{MUTED}'>{html.escape(finding.fix)}</span>"
            if finding.fix and finding.level != "praise"
            else ""
        )
        text = widgets.HTML(
            f"<div style='line-height:1.35;white-space:normal'><b style='color:{colour}'>"
            f"{LEVEL_NAMES[finding.level]}</b> · {html.escape(finding.message)}{todo}</div>",
            layout=widgets.Layout(flex=f"1 1 {TEXT_MIN_PX}px", min_width="0"),
        )
        if finding.level == "praise" or target_field(finding) is None:
            return widgets.HBox([text], layout=widgets.Layout(margin="2px 0")), None
        button = widgets.Button(
            description=button_label(finding),
            tooltip=f"Open the tab: {finding.why}",
            layout=widgets.Layout(width="auto", flex="0 0 auto"),
        )
        button.on_click(lambda _: self.go_to(finding))
        # Side by side where both fit; on a phone the button goes under the text, which keeps
        # the panel's width.
        return widgets.HBox(
            [text, button],
            layout=widgets.Layout(
                margin="2px 0", align_items="center", grid_gap="8px", flex_flow="row wrap"
            ),
        ), button

    def go_to(self, finding: Finding) -> None:
        """Open the tab *finding* is about and mark its lane's field."""
        key = target_field(finding)
        if key is None:
            return
        stage = finding.field.stage
        names = [s.name for s in self.map.stages]
        if stage is not None and stage not in names:
            return  # the stage was renamed since the review ran
        self.tabs.selected_index = 0 if stage is None else 1 + names.index(stage)
        if self._marked is not None:
            self._marked.box.layout.border = ""
        field = self.fields.get(key)
        self._marked = field
        if field is not None:
            if field.fold is not None:
                field.fold.selected_index = 0
            field.box.layout.border = _MARK
            field.input.focus()
