"""The framework catalogue: four customer-journey frameworks as data.

The stage names and their order come straight from the course's source texts;
every description is written in our own words. The data lives in
``journeykit/catalogue/frameworks.json`` so an instructor can read and review it
without reading Python; this module turns it into frozen dataclasses.

The crosswalk between frameworks is derived, not hand-copied per pair: every
stage is tagged with the *journey moments* it covers (first notice, research,
first contact, a small commitment, buying, using, buying again, recommending,
promoting). Two stages correspond when they share a moment, and the reason
names what they share. That keeps all twelve directed pairs consistent with
each other (A to B is always the mirror of B to A).

No pandas at import: the table functions import it when called.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..errors import JourneyMapError, Problem

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Moment:
    """A point on the shared journey axis that the crosswalk lines stages up on."""

    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Fact:
    """A figure quoted by a source text, kept as a fact with where it comes from."""

    id: str
    figure: str
    statement: str
    source: str


@dataclass(frozen=True)
class FrameworkStage:
    """One stage of a framework, described in the kit's own words.

    Lanes the source text does not describe for a stage are empty tuples.
    """

    name: str
    summary: str
    goal: str
    actions: tuple[str, ...]
    touchpoints: tuple[str, ...]
    emotions: tuple[str, ...]
    business_activities: tuple[str, ...]
    moments: tuple[str, ...]

    def lanes(self) -> list[tuple[str, str]]:
        """What the framework says about each lane of this stage: ``(label, text)`` pairs
        in the map's lane order, labelled as the map's lanes are (a list joined by commas).

        Examples
        --------
        >>> get_framework("five-stage-decision").stage("Decision").lanes()[0]
        ('Customer goal', 'Choose one product or service and buy it')
        """
        from .fields import schema

        rows: dict[str, tuple[str, str]] = {}
        for spec in schema().lanes:
            value = getattr(self, spec.framework_field, None) if spec.framework_field else None
            if value is None or spec.framework_field in rows or spec.kind == "score":
                continue
            text = ", ".join(value) if isinstance(value, tuple) else str(value)
            rows[spec.framework_field] = (spec.label, text)
        return list(rows.values())

    def _repr_mimebundle_(self, **_: Any) -> dict[str, str]:
        """The stage in a notebook: the table of :meth:`_repr_html_`, and a one-line text
        that names its lanes (the lanes' wording is the catalogue's, shown once)."""
        lanes = ", ".join(label for label, _ in self.lanes())
        return {"text/html": self._repr_html_(), "text/plain": f"{self.name}: {lanes}"}

    def _repr_html_(self) -> str:
        """The stage as a table of its lanes, one row each, read left to right."""
        import html

        left = "text-align:left;vertical-align:top;padding:4px 10px"
        head = (
            f"<thead><tr><th scope='col' style='{left}'>Lane</th>"
            f"<th scope='col' style='{left}'>{html.escape(self.name)}</th></tr></thead>"
        )
        body = "".join(
            f"<tr><th scope='row' style='{left}'>{html.escape(label)}</th>"
            f"<td style='{left}'>{html.escape(text)}</td></tr>"
            for label, text in self.lanes()
        )
        return f"<table class='jk-stage'>{head}<tbody>{body}</tbody></table>"


@dataclass(frozen=True)
class Framework:
    """A customer-journey framework: an ordered tuple of stages and its source."""

    id: str
    name: str
    source: str
    summary: str
    best_for: str
    stages: tuple[FrameworkStage, ...]

    @property
    def stage_names(self) -> list[str]:
        """Stage names in order.

        Examples
        --------
        >>> get_framework("six-stage").stage_names
        ['Discover', 'Investigate', 'Engage', 'Purchase', 'Re-purchase', 'Advocate']
        """
        return [stage.name for stage in self.stages]

    def stage(self, name: str) -> FrameworkStage:
        """The stage called *name* (any capitalisation)."""
        for stage in self.stages:
            if stage.name.casefold() == name.strip().casefold():
                return stage
        raise JourneyMapError(
            [
                Problem(
                    "stage",
                    f"the {self.id} framework has no stage {name!r}",
                    "use one of " + ", ".join(self.stage_names),
                )
            ]
        )


@dataclass(frozen=True)
class Catalogue:
    frameworks: dict[str, Framework]
    moments: dict[str, Moment]
    facts: tuple[Fact, ...]


def _stage(raw: dict[str, Any]) -> FrameworkStage:
    return FrameworkStage(
        name=raw["name"],
        summary=raw["summary"],
        goal=raw.get("goal", ""),
        actions=tuple(raw.get("actions", ())),
        touchpoints=tuple(raw.get("touchpoints", ())),
        emotions=tuple(raw.get("emotions", ())),
        business_activities=tuple(raw.get("business_activities", ())),
        moments=tuple(raw["moments"]),
    )


@cache
def catalogue() -> Catalogue:
    """The parsed catalogue (read once per session)."""
    text = resources.files(__package__).joinpath("frameworks.json").read_text("utf-8")
    raw = json.loads(text)
    frameworks = {
        f["id"]: Framework(
            id=f["id"],
            name=f["name"],
            source=f["source"],
            summary=f["summary"],
            best_for=f["best_for"],
            stages=tuple(_stage(s) for s in f["stages"]),
        )
        for f in raw["frameworks"]
    }
    moments = {m["id"]: Moment(m["id"], m["label"], m["description"]) for m in raw["moments"]}
    facts = tuple(Fact(**fact) for fact in raw["facts"])
    return Catalogue(frameworks, moments, facts)


def framework_ids() -> list[str]:
    """The ids of all frameworks, in teaching order.

    Examples
    --------
    >>> framework_ids()
    ['six-stage', 'five-stage', 'five-stage-decision', 'eight-stage']
    """
    return list(catalogue().frameworks)


def get_framework(framework_id: str) -> Framework:
    """The framework with id *framework_id*; the error lists the valid ids.

    Examples
    --------
    >>> get_framework("eight-stage").stage_names[-1]
    'Promote'
    """
    found = catalogue().frameworks.get(framework_id)
    if found is None:
        raise JourneyMapError(
            [
                Problem(
                    "framework",
                    f"{framework_id!r} is not a framework the kit knows",
                    "use one of " + ", ".join(framework_ids()),
                )
            ]
        )
    return found


def facts() -> tuple[Fact, ...]:
    """The figures the source texts quote, each with its source.

    Examples
    --------
    >>> [f.figure for f in facts()]
    ['5x', '92%']
    """
    return catalogue().facts


def frameworks_table() -> pd.DataFrame:
    """All frameworks as one tidy DataFrame, one row per stage.

    Columns: ``framework``, ``framework_name``, ``position`` (1-based),
    ``stage``, ``summary``, ``goal``, ``moments`` (comma-separated).

    Examples
    --------
    >>> table = frameworks_table()
    >>> table.groupby("framework", sort=False).size().to_dict()
    {'six-stage': 6, 'five-stage': 5, 'five-stage-decision': 5, 'eight-stage': 8}
    """
    import pandas as pd

    rows = [
        {
            "framework": fw.id,
            "framework_name": fw.name,
            "position": i,
            "stage": st.name,
            "summary": st.summary,
            "goal": st.goal,
            "moments": ", ".join(st.moments),
        }
        for fw in catalogue().frameworks.values()
        for i, st in enumerate(fw.stages, start=1)
    ]
    return pd.DataFrame(rows)


def crosswalk_pairs(a: str, b: str) -> list[dict[str, str]]:
    """The crosswalk from framework *a* to *b* as plain rows (no pandas).

    Every stage of *a* appears at least once; a stage of *a* that spans several
    stages of *b* gets one row for each.
    """
    left, right = get_framework(a), get_framework(b)
    moments = catalogue().moments
    rows = []
    for st in left.stages:
        for other in right.stages:
            shared = [m for m in st.moments if m in other.moments]
            if not shared:
                continue
            what = " and ".join(moments[m].description for m in shared)
            rows.append(
                {
                    "from_framework": left.id,
                    "from_stage": st.name,
                    "to_framework": right.id,
                    "to_stage": other.name,
                    "shared": ", ".join(moments[m].label for m in shared),
                    "reason": f"Both cover {what}.",
                }
            )
    return rows


def crosswalk(a: str, b: str) -> pd.DataFrame:
    """Which stage of framework *a* corresponds to which stage(s) of *b*, and why.

    Parameters
    ----------
    a, b : str
        Framework ids, e.g. ``"six-stage"`` and ``"eight-stage"``.

    Returns
    -------
    pandas.DataFrame
        Columns ``from_framework``, ``from_stage``, ``to_framework``,
        ``to_stage``, ``shared`` (the journey moments both cover) and
        ``reason`` (one line).

    Examples
    --------
    >>> cw = crosswalk("five-stage", "five-stage-decision")
    >>> cw.loc[cw.from_stage == "Purchase", "to_stage"].tolist()
    ['Decision']
    """
    import pandas as pd

    return pd.DataFrame(
        crosswalk_pairs(a, b),
        columns=["from_framework", "from_stage", "to_framework", "to_stage", "shared", "reason"],
    )
