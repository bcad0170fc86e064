"""The columns a class is compared on: one step per stage, or journey moments when frameworks mix.

Every stage of every framework is tagged with the journey moments it covers
(``moments`` in ``catalogue/frameworks.json``, the same tags the crosswalk is
derived from), and in each framework every moment belongs to exactly one stage.
The steps of a roll-up are the coarsest grouping of moments that no framework in
the class splits: a class that all used one framework gets that framework's
stages; a class mixing the five-stage framework and the one with a Decision
stage gets five steps (their stages cover the same moments); a class mixing the
six- and eight-stage frameworks gets the nine moments. Each map then has exactly
one stage in each step, so its emotion score and items land in every step its
stage covers and nothing is dropped or averaged away.

A step is named after the stages that match it exactly, in every framework of
the class (``"Purchase / Decision"``); when some framework's stage is wider than
the step, it is named after its moments (``"Research"``, ``"Use + Buy again"``).

Examples
--------
>>> steps_for(["five-stage", "five-stage-decision"]).labels
['Awareness', 'Consideration', 'Purchase / Decision', 'Retention', 'Advocacy']
>>> steps_for(["six-stage", "eight-stage"]).labels[:4]
['Discover / Aware', 'Research', 'Contact', 'Small commitment']
>>> steps_for(["six-stage", "eight-stage"]).stage_in("eight-stage", "Research")
'Engage'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import mean

from ..catalogue import catalogue, framework_ids, get_framework


@dataclass(frozen=True)
class Step:
    """One column of a roll-up: a label and the journey moments it groups."""

    label: str
    moments: tuple[str, ...]
    #: For each framework of the class, the stage that covers this step.
    stages: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Steps:
    """The steps of a roll-up, in journey order, and which stage of each framework is where."""

    frameworks: tuple[str, ...]
    steps: tuple[Step, ...]

    @property
    def labels(self) -> list[str]:
        return [step.label for step in self.steps]

    @property
    def mixed(self) -> bool:
        """True when the class used more than one framework (steps may be journey moments)."""
        return len(self.frameworks) > 1

    def of_stage(self, framework: str, stage: str) -> list[str]:
        """The labels of the steps that stage *stage* of *framework* covers.

        Examples
        --------
        >>> steps_for(["five-stage", "eight-stage"]).of_stage("five-stage", "Consideration")
        ['Research + Contact', 'Small commitment']
        """
        return [step.label for step in self.steps if (framework, stage) in step.stages]

    def stage_in(self, framework: str, label: str) -> str | None:
        """The stage of *framework* that covers the step called *label* (None if none does)."""
        for step in self.steps:
            if step.label == label:
                return dict(step.stages).get(framework)
        return None

    def describe(self) -> str:
        """One sentence saying what the columns are, for summaries and subtitles."""
        if not self.frameworks:
            return "No maps yet, so no stages to compare."
        if not self.mixed:
            return f"Compared stage by stage ({get_framework(self.frameworks[0]).name})."
        names = ", ".join(get_framework(fw).name for fw in self.frameworks)
        return (
            f"The class mixes {len(self.frameworks)} frameworks ({names}), so maps are "
            f"compared on {len(self.steps)} steps: the journey moments of the crosswalk, "
            "grouped where every framework agrees."
        )

    def scores_of(self, framework: str, scores: dict[str, int | None]) -> list[float | None]:
        """Scores by stage name of one map of *framework*, laid out on the steps.

        A map of another framework (such as the worked example) is placed by its
        moments: each step takes the mean score of the stages covering its moments.

        Examples
        --------
        >>> s = steps_for(["five-stage"])
        >>> s.scores_of("eight-stage", {"Aware": 4, "Engage": 2, "Subscribe": 3, "Convert": 5})
        [4, 2.5, 5, None, None]
        """
        spec = get_framework(framework)
        out: list[float | None] = []
        for step in self.steps:
            found = [
                scores.get(st.name) for st in spec.stages if set(st.moments) & set(step.moments)
            ]
            known = [score for score in found if score is not None]
            out.append(None if not known else known[0] if len(known) == 1 else mean(known))
        return out


def steps_for(frameworks: Iterable[str]) -> Steps:
    """The steps that compare maps of *frameworks* (ids; repeats and order do not matter)."""
    present = tuple(fw for fw in framework_ids() if fw in set(frameworks))
    specs = [get_framework(fw) for fw in present]
    groups: list[tuple[list[str], tuple[tuple[str, str], ...]]] = []
    for moment in catalogue().moments:
        owners = tuple(
            (spec.id, st.name) for spec in specs for st in spec.stages if moment in st.moments
        )
        if not owners:
            continue
        if groups and groups[-1][1] == owners:
            groups[-1][0].append(moment)
        else:
            groups.append(([moment], owners))
    return Steps(
        present,
        tuple(Step(_label(moments, owners), tuple(moments), owners) for moments, owners in groups),
    )


def _label(moments: list[str], owners: tuple[tuple[str, str], ...]) -> str:
    """Stage names when every framework's stage matches the step exactly, else moment labels."""
    exact = all(set(get_framework(fw).stage(stage).moments) == set(moments) for fw, stage in owners)
    if exact:
        return " / ".join(dict.fromkeys(stage for _, stage in owners))
    labels = catalogue().moments
    return " + ".join(labels[m].label for m in moments)
