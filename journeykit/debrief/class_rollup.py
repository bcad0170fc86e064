"""The class roll-up: :func:`rollup` and :class:`Rollup`, many learners' maps compared at once.

A :class:`Rollup` holds the maps that loaded (each with a participant label),
the files that did not (:attr:`Rollup.skipped`), the steps the maps are
compared on (:mod:`.steps`), and builds every table and figure from them on
first use. Built from files, :meth:`Rollup.refresh` re-reads only the files whose
size or modification time changed and rebuilds the tables only when something did.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Callable, Hashable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from ..catalogue import get_framework, lane
from ..errors import JourneyMapError, Problem
from ..model import JourneyMap, Stage, example, priorities, roadmap, write_text_atomic
from ..model.priorities import UNSCORED
from .loading import Collection, Entry, MapSource, Progress, Skipped
from .steps import Steps, steps_for
from .tables import (
    class_table,
    coverage_frame,
    emotions_frame,
    evidence_frame,
    placed_stages,
    review_frame,
    top_frame,
    wording_frame,
    wordings_of,
)

if TYPE_CHECKING:
    import pandas as pd
    import plotly.graph_objects as go

    from .wording import Wording

T = TypeVar("T")

#: The worked example every class is compared with in the spread figure.
REFERENCE_EXAMPLE = "clothing-store"


@cache
def _reference() -> tuple[str, dict[str, int | None], str]:
    m = example(REFERENCE_EXAMPLE)
    name = f"Worked example: {m.title}" if m.title else "Worked example"
    return m.framework, {s.name: s.emotion_score for s in m.stages}, name


def rollup(
    source: MapSource, *, anonymize: bool = False, progress: Progress | None = None
) -> Rollup:
    """Compare a whole class's journey maps: tables, figures and one offline page for the debrief.

    Parameters
    ----------
    source : folder, file, list of files or maps, or a dict of label to map
        A folder: every ``*.json`` map in and below it (backups ``*.bak``,
        conflict copies ``*.conflict-*.json``, hidden files and
        ``.ipynb_checkpoints`` are ignored). A list may mix file paths and
        :class:`~journeykit.JourneyMap` objects.
    anonymize : bool, default False
        Label participants "Participant 1" to "Participant N" (in the order of
        their files, kept when the folder is refreshed), e.g. for a projector.
    progress : callable, optional
        Called as ``progress(done, total)`` while files are read.

    Returns
    -------
    Rollup
        Files that do not load are listed in :attr:`Rollup.skipped`, never fatal.

    Raises
    ------
    JourneyMapError
        When the folder does not exist or holds far more files than a class
        (more than 1,000 maps): most likely the wrong folder.

    Examples
    --------
    >>> import journeykit as jk
    >>> shop = jk.example("clothing-store")
    >>> blank = jk.JourneyMap.new("eight-stage", title="Pottery school")
    >>> class_ = jk.rollup([shop, blank])
    >>> class_.participants
    ['Online clothing store: a summer outfit', 'Pottery school']
    >>> class_.steps[:3]
    ['Awareness / Aware', 'Research + Contact', 'Small commitment']
    """
    return Rollup(source, anonymize=anonymize, progress=progress)


class Rollup:
    """Many learners' journey maps, compared: see :func:`journeykit.rollup`.

    Attributes
    ----------
    skipped : list of Skipped
        Files that did not load, each with the :class:`~journeykit.JourneyMapError`
        that says why and how to fix it.
    ignored : int
        Backups, conflict copies and hidden files left out of a folder.
    """

    def __init__(
        self,
        source: MapSource,
        *,
        anonymize: bool = False,
        progress: Progress | None = None,
        shuffled: bool = False,
    ) -> None:
        self.anonymize = bool(anonymize)
        #: Number anonymized participants in a random order instead of their files'
        #: (the workshop room's projector view: a number tells nothing of a name).
        self.shuffled = bool(shuffled)
        self._collection = Collection(source)
        self._numbers: dict[str, int] = {}
        self._entries: list[Entry] = []
        self.skipped: list[Skipped] = []
        self._cache: dict[Hashable, object] = {}
        folder = self._collection.folder
        #: The folder's name (no path, so nothing about the machine shows), or "".
        self.name = folder.resolve().name if folder is not None else ""
        self.refresh(progress)

    # ----- loading ---------------------------------------------------------------------
    def refresh(self, progress: Progress | None = None) -> bool:
        """Read the files again, only those changed since last time; True if anything changed.

        Maps given as objects are not re-read (they are already in memory).
        """
        entries, skipped = self._collection.collect(progress)
        changed = [id(e) for e in entries] != [id(e) for e in self._entries] or [
            (s.path, str(s.error)) for s in skipped
        ] != [(s.path, str(s.error)) for s in self.skipped]
        self._entries, self.skipped = entries, skipped
        if changed or not self._cache:
            self._cache = {}
            new = [key for key in map(self._key, entries) if key not in self._numbers]
            numbers = list(range(len(self._numbers) + 1, len(self._numbers) + len(new) + 1))
            if self.shuffled:
                secrets.SystemRandom().shuffle(numbers)
            self._numbers.update(zip(new, numbers, strict=True))
        return changed

    @staticmethod
    def _key(entry: Entry) -> str:
        return entry.path.as_posix() if entry.path is not None else entry.label

    @property
    def ignored(self) -> int:
        """How many backups, conflict copies and hidden files the folder search left out."""
        return self._collection.ignored

    def _cached(self, key: Hashable, build: Callable[[], T]) -> T:
        """What *build* returns, built once until a refresh changes the maps."""
        if key not in self._cache:
            self._cache[key] = build()
        return cast(T, self._cache[key])

    # ----- what is in it ---------------------------------------------------------------
    @property
    def maps(self) -> list[JourneyMap]:
        """The maps that loaded, in participant order."""
        return [entry.journey_map for entry in self._entries]

    @property
    def participants(self) -> list[str]:
        """A label per map: the file name without ``.json`` (or the map's title), or
        "Participant N" when anonymized."""
        if not self.anonymize:
            return [entry.label for entry in self._entries]
        return [f"Participant {self._numbers[self._key(e)]}" for e in self._entries]

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def frameworks(self) -> dict[str, int]:
        """How many maps use each framework, most used first."""
        return dict(Counter(m.framework for m in self.maps).most_common())

    @property
    def layout(self) -> Steps:
        """The steps the maps are compared on and which stage of each framework is where."""
        return self._cached("steps", lambda: steps_for(self.frameworks))

    @property
    def steps(self) -> list[str]:
        """The names of the steps: the stages, or journey moments when frameworks mix."""
        return self.layout.labels

    def stages_table(self) -> pd.DataFrame:
        """Which stage of each framework in the class falls in each step (a row per step).

        Examples
        --------
        >>> import journeykit as jk
        >>> jk.rollup([jk.example(), jk.JourneyMap.new("eight-stage")]).stages_table().iloc[1]
        Five-stage journey with Decision    Consideration
        Eight-stage journey                        Engage
        Name: Research + Contact, dtype: object
        """
        import pandas as pd

        layout = self.layout
        names = {fw: get_framework(fw).name for fw in layout.frameworks}
        rows = [
            {names[fw]: dict(step.stages).get(fw, "") for fw in layout.frameworks}
            for step in layout.steps
        ]
        return pd.DataFrame(
            rows,
            index=pd.Index(layout.labels, name="step"),
            columns=list(names.values()),
            dtype=object,
        )

    def _pairs(self) -> list[tuple[str, JourneyMap]]:
        return list(zip(self.participants, self.maps, strict=True))

    def _placed(self) -> list[list[Stage | None]]:
        return self._cached("placed", lambda: placed_stages(self._pairs(), self.layout))

    def summary(self) -> str:
        """What the roll-up holds, in a few lines: maps, files left out, frameworks, steps."""
        maps = len(self)
        head = f"Class roll-up of {self.name}" if self.name else "Class roll-up"
        lines = [f"{head}: {maps} map{'' if maps == 1 else 's'}."]
        if not maps:
            lines[0] = (
                f"{head}: no maps yet. Learners' saved .json files appear here once "
                "they are copied into the folder."
            )
        if self.skipped:
            count = len(self.skipped)
            names = ", ".join(s.name for s in self.skipped[:5])
            more = f" and {count - 5} more" if count > 5 else ""
            which = (
                " (file names hidden while anonymized)" if self.anonymize else f": {names}{more}"
            )
            lines.append(
                f"Left out: {count} file{'' if count == 1 else 's'} that could not be read{which}."
            )
        if self.ignored:
            lines.append(
                f"Ignored {self.ignored} backup, conflict or hidden "
                f"file{'' if self.ignored == 1 else 's'}."
            )
        if maps:
            used = ", ".join(f"{get_framework(fw).name} ({n})" for fw, n in self.frameworks.items())
            lines.append(f"Frameworks: {used}.")
            lines.append(self.layout.describe())
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    # ----- tables ----------------------------------------------------------------------
    def table(self) -> pd.DataFrame:
        """Every item of every map, tidy: participant, framework, stage, lane, item.

        Stages are the maps' own; :attr:`layout` says which step each one falls in.
        """
        return self._cached("table", lambda: class_table(self._pairs())).copy()

    def emotions(self) -> pd.DataFrame:
        """Participants by steps: each map's emotion score, NaN where none was given."""
        return self._cached(
            "emotions", lambda: emotions_frame(self._pairs(), self._placed(), self.layout)
        ).copy()

    def coverage(self) -> pd.DataFrame:
        """Lanes by steps: the share of maps (0 to 1) with the lane filled in there."""
        return self._cached("coverage", lambda: coverage_frame(self._placed(), self.layout)).copy()

    def _grouping(self, key: str) -> tuple[dict[str, str], dict[str, Wording]]:
        return self._cached(("wordings", key), lambda: wordings_of(self._placed(), key))

    def top(self, lane_key: str = "pain_points", n: int = 5) -> pd.DataFrame:
        """The *n* items most maps name at each step, near-identical wordings grouped.

        Columns: ``step``, ``rank``, ``item`` (the most common wording), ``maps``
        (maps naming it there), ``share`` (of all maps), ``wordings`` (how many
        distinct wordings were grouped) and ``variants`` (each wording with its count).
        """
        key = lane(lane_key).key
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise JourneyMapError(
                [
                    Problem(
                        "n",
                        f"{n!r} is not a number of items to show",
                        "give a whole number such as 3 or 5",
                    )
                ]
            )
        return self._cached(
            ("top", key, n),
            lambda: top_frame(self._placed(), self.layout, key, n, self._grouping(key)),
        ).copy()

    def wording(self, lane_key: str = "pain_points") -> pd.DataFrame:
        """Every group of near-identical items of a lane, with all the wordings it holds."""
        key = lane(lane_key).key
        return self._cached(
            ("wording", key), lambda: wording_frame(self._placed(), key, self._grouping(key))
        ).copy()

    def review(self) -> pd.DataFrame:
        """The class-wide review: how many maps trip each rule of ``jk.review``, most first.

        Columns: ``rule``, ``level``, ``maps``, ``share``, ``participants``,
        ``why``, ``fix``. Each map is reviewed once and remembered until its file changes.
        """
        from ..coaching import review

        def build() -> pd.DataFrame:
            reviewed = []
            for label, entry in zip(self.participants, self._entries, strict=True):
                if entry.review is None:
                    entry.review = review(entry.journey_map)
                reviewed.append((label, entry.review))
            return review_frame(reviewed)

        return self._cached("review", build).copy()

    def evidence(self) -> pd.DataFrame:
        """Per map, where its items come from: how many from research, how many
        assumptions, how many not tagged, the share of tagged items that are assumptions
        and the stage holding most of them.

        Columns: ``participant``, ``items``, ``research``, ``assumption``,
        ``untagged``, ``share_assumed`` (0 to 1, NaN when the map tags nothing) and
        ``most_assumed`` (a stage name, or empty).

        Examples
        --------
        >>> import journeykit as jk
        >>> shop = jk.example()
        >>> shop.set_item("Decision", "pain_points", 0, evidence="assumption")
        >>> jk.rollup({"Ana": shop, "Ben": jk.example()}).evidence()[
        ...     ["participant", "most_assumed", "assumption", "share_assumed"]]
          participant most_assumed  assumption  share_assumed
        0         Ana     Decision           1            1.0
        1         Ben                        0            NaN
        """
        return self._cached("evidence", lambda: evidence_frame(self._pairs())).copy()

    def priorities(self) -> pd.DataFrame:
        """Every opportunity of every map with its impact, effort, owner and place on the
        impact/effort matrix (:func:`journeykit.priorities`, one row per opportunity)."""
        return self._cached("priorities", lambda: priorities(self._pairs())).copy()

    def roadmap(self) -> pd.DataFrame:
        """The class's scored opportunities, now / next / later (:func:`journeykit.roadmap`)."""
        return roadmap(self)

    def plot_priorities(self, width: int | None = None) -> go.Figure:
        """The class's opportunities on the impact/effort matrix (``plot_priorities``)."""
        from ..figures import plot_priorities

        return plot_priorities(self.priorities(), width=width)

    def rubric(self) -> pd.DataFrame:
        """A class's rubric levels side by side (``jk.rubric``, the coach's suggestion).

        One row per map: ``participant``, one column per criterion id holding its level
        (0 *Not shown* to 3 *Exemplary*; empty where the criterion does not count for that
        map: evidence for a map that tags nothing), ``points``, their sum, and
        ``max_points``, what that map could reach.
        """
        import pandas as pd

        from ..assessment import CRITERIA, rubric
        from ..coaching import review

        def build() -> pd.DataFrame:
            rows = []
            for label, entry in zip(self.participants, self._entries, strict=True):
                if entry.review is None:
                    entry.review = review(entry.journey_map)
                result = rubric(entry.journey_map, findings=entry.review)
                levels = {row.criterion.id: row.level for row in result.rows}
                rows.append(
                    {
                        "participant": label,
                        **levels,
                        "points": result.points,
                        "max_points": result.max_points,
                    }
                )
            ids = [c.id for c in CRITERIA]
            frame = pd.DataFrame(rows, columns=["participant", *ids, "points", "max_points"])
            return frame.astype(dict.fromkeys(ids, "Int64"))

        return self._cached("rubric", build).copy()

    def reference(self) -> list[float | None]:
        """The worked example's emotion scores laid out on this class's steps."""
        framework, scores, _ = _reference()
        return self.layout.scores_of(framework, scores)

    # ----- figures ---------------------------------------------------------------------
    def plot_heatmap(self, width: int | None = None) -> go.Figure:
        """Every map's emotions as a row, similar journeys together (``plot_class_heatmap``)."""
        from ..figures import plot_class_heatmap

        return plot_class_heatmap(self.emotions(), width=width)

    def plot_spread(self, width: int | None = None) -> go.Figure:
        """Median and middle half of the scores per step, with the worked example's curve."""
        from ..figures import plot_class_spread

        return plot_class_spread(
            self.emotions(), reference=self.reference(), reference_name=_reference()[2], width=width
        )

    def plot_coverage(self, width: int | None = None) -> go.Figure:
        """Which lanes the class filled in at each step (``plot_class_coverage``)."""
        from ..figures import plot_class_coverage

        return plot_class_coverage(self.coverage(), maps=len(self), width=width)

    def plot_top(
        self, lane_key: str = "pain_points", n: int = 3, width: int | None = None
    ) -> go.Figure:
        """The items most maps name at each step (``plot_class_top``); pain points by default."""
        from ..figures import plot_class_top

        return plot_class_top(
            self.top(lane_key, n), lane(lane_key).label, maps=len(self), width=width
        )

    def figures(self, width: int | None = None) -> dict[str, go.Figure]:
        """Every figure of the roll-up, by name, in the order the debrief page shows them
        (the impact/effort matrix only when some map scores its opportunities)."""
        figures = {
            "heatmap": self.plot_heatmap(width),
            "spread": self.plot_spread(width),
            "coverage": self.plot_coverage(width),
            "pain_points": self.plot_top(width=width),
        }
        if (self.priorities()["horizon"] != UNSCORED).any():
            figures["priorities"] = self.plot_priorities(width)
        return figures

    # ----- files -----------------------------------------------------------------------
    def to_html(self, path: str | Path | None = None, *, extra: str = "") -> str:
        """One offline page for the debrief; also written to *path* if given.

        The summary, every figure, the class-wide review, the most common items
        with their grouped wordings, and a gallery of every map (click one to
        open it). plotly.js is copied in from the installed package; all learner
        text is escaped. *extra* is HTML the caller made and escaped, placed before
        the gallery (the workshop room's vote).
        """
        from .page import rollup_page

        return _write(rollup_page(self, extra), path)

    def to_csv(self, path: str | Path | None = None) -> str:
        """The tidy :meth:`table` as CSV for a spreadsheet; also written to *path* if given.

        Cells a spreadsheet would run as a formula get a leading ``'``.
        """
        from .page import rollup_csv

        return _write(rollup_csv(self), path)

    def entries(self) -> list[tuple[str, Entry]]:
        """(participant label, entry) for every map, for the page and the workshop room."""
        return list(zip(self.participants, self._entries, strict=True))


def _write(text: str, path: str | Path | None) -> str:
    if path is not None:
        write_text_atomic(path, text)
    return text
