"""Questions on the method's second half: items tagged, a future state, a stage's blueprint.

* :class:`ItemAttributesQuestion`: given items of a map carry the attributes asked for
  (where an item comes from, an opportunity's impact and effort);
* :class:`FutureStateQuestion`: a future state started from a map, linked to it, saved
  to a file of its own, with the changes asked for and nothing lost on the way;
* :class:`BlueprintStageQuestion`: the blueprint lanes of one stage filled in, each with
  what belongs there (not the customer's own actions moved down a row).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..catalogue import BLUEPRINT_ROWS, LANES, lane
from ..model import JourneyMap, load_map, maps_dir
from ..model.changes import changes, lane_texts
from ..model.items import attributes_of
from ._text import join_words, quote
from .core import Feedback, Question, capped
from .maps import _not_a_map

#: (stage, lane, item text) -> {attribute: expected value, or ANY for "set to anything"}.
Wanted = Mapping[tuple[str, str, str], Mapping[str, Any]]
#: Stands for "any value, as long as one is set" in a :data:`Wanted` table.
ANY = object()


class ItemAttributesQuestion(Question):
    """Set attributes of given items of a map (``m.set_item(...)``), leaving the rest alone.

    Parameters
    ----------
    variable : str
        The notebook variable holding the map.
    start : callable returning JourneyMap
        The map the learner starts from (to tell what else changed).
    wanted : mapping
        ``{(stage, lane, item): {attribute: value}}``; :data:`ANY` accepts any value.
    """

    kind = "tag items"

    def __init__(
        self, variable: str, start: Callable[[], JourneyMap], wanted: Wanted, **kwargs: Any
    ) -> None:
        super().__init__(variables=variable, **kwargs)
        self.start = start
        self.wanted = wanted

    def judge(self, value: Any) -> Feedback:
        variable = self.variables[0]
        if not isinstance(value, JourneyMap):
            return self.wrong(_not_a_map(variable, value))
        if not any(
            attributes_of(item).get(name) is not None
            for (stage, key, text), attributes in self.wanted.items()
            for item in value.stage(stage).get(key)
            if item == text
            for name in attributes
        ):
            return self.fill_in(
                f"the items of `{variable}` (uncomment the `set_item` lines and replace each "
                '"..." with your answer)'
            )
        problems: list[str] = []
        for (stage, key, text), attributes in self.wanted.items():
            items = value.stage(stage).get(key)
            found = next((item for item in items if item == text), None)
            if found is None:
                problems.append(f"{quote(text)} is no longer in {stage}'s {lane(key).in_text}.")
                continue
            have = attributes_of(found)
            for name, expected in attributes.items():
                got = have.get(name)
                if got is None:
                    problems.append(f"{quote(text)} ({stage}) has no {name} yet.")
                elif expected is not ANY and got != expected:
                    problems.append(
                        f"{quote(text)} ({stage}) has {name} {quote(got)}: {_why(name, expected)}"
                    )
        if problems:
            return self.wrong("not every item says what it should yet:", capped(problems))
        touched = _other_changes(self.start(), value, {(s, k) for s, k, _ in self.wanted})
        if touched:
            return self.wrong(
                "the items are tagged, but other lanes changed too: start again from the "
                "example and set only these items.",
                capped(touched),
            )
        count = len(self.wanted)
        return self.correct(
            f"{'both' if count == 2 else f'all {count}'} items say where they stand, and the "
            "rest of the map is as it was."
        )


def _why(name: str, expected: Any) -> str:
    if name == "evidence":
        return f"the finding comes from {quote(expected)}."
    return f"it should be {quote(expected)}."


def _other_changes(
    before: JourneyMap, after: JourneyMap, allowed: set[tuple[str, str]]
) -> list[str]:
    """Lanes whose texts differ between the maps, besides those in *allowed*."""
    if (before.framework, before.stage_names) != (after.framework, after.stage_names):
        return ["the map follows another framework than the example's."]
    table = changes(before, after)
    moved = table[table["change"] != "kept"]
    return sorted(
        {
            f"{stage}: {lane(key).in_text}"
            for stage, key in zip(moved["stage"], moved["lane"], strict=True)
            if (str(stage), str(key)) not in allowed
        }
    )


class FutureStateQuestion(Question):
    """Start a future state of a map, make the changes asked for, and save it.

    Parameters
    ----------
    variable : str
        The notebook variable holding the future map.
    current : callable returning JourneyMap
        The map the future starts from.
    file_name : str
        The file (in the maps folder) it must be saved to.
    removed, added : mapping of (stage, lane) -> list of str
        Items the future must not have, and items it must have.
    scores : mapping of stage -> int
        Emotion scores the future must have.
    """

    kind = "future state"

    def __init__(
        self,
        variable: str,
        current: Callable[[], JourneyMap],
        file_name: str,
        *,
        removed: Mapping[tuple[str, str], list[str]] | None = None,
        scores: Mapping[str, int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(variables=variable, **kwargs)
        self.current = current
        self.file_name = file_name
        self.removed = dict(removed or {})
        self.scores = dict(scores or {})

    def judge(self, value: Any) -> Feedback:
        variable = self.variables[0]
        if not isinstance(value, JourneyMap):
            return self.wrong(_not_a_map(variable, value))
        if value.state != "future":
            return self.wrong(
                f"`{variable}` does not say it is a future state: start it with "
                "`current.future_state(...)`, which sets that and links it to the current map."
            )
        if not value.based_on:
            return self.wrong(
                f"`{variable}` does not name the map it was drawn from: use `future_state`."
            )
        current = self.current()
        if (value.framework, value.stage_names) != (current.framework, current.stage_names):
            return self.wrong("the future state has other stages than the current map.")
        todo: list[str] = []
        for (stage, key), items in self.removed.items():
            left = [item for item in items if item in lane_texts(value.stage(stage).get(key))]
            todo += [f"{stage} still has {quote(item)} in {lane(key).in_text}." for item in left]
        for stage, score in self.scores.items():
            got = value.stage(stage).emotion_score
            if got != score:
                todo.append(f"{stage} should score {score} in the future, not {got}.")
        if todo:
            return self.wrong("the future state does not make the change yet:", capped(todo))
        lost = [
            f"{stage}: {quote(item)} in {lane(key).in_text}"
            for stage in current.stage_names
            for key in (spec.key for spec in LANES if spec.key != "emotion_score")
            for item in lane_texts(current.stage(stage).get(key))
            if item not in self.removed.get((stage, key), [])
            and item not in lane_texts(value.stage(stage).get(key))
        ]
        if lost:
            return self.wrong(
                "the future state lost items the question did not ask to remove:", capped(lost)
            )
        path = maps_dir() / self.file_name
        if not path.is_file():
            return self.wrong(
                f"there is no {quote(self.file_name)} in your maps folder yet: pass the path to "
                f'`future_state(jk.map_path("{Path(self.file_name).stem}"))` or call `save`.'
            )
        saved = load_map(path)
        if saved != value:
            return self.wrong(
                f"{quote(self.file_name)} holds an older version of `{variable}`: save it again "
                "after the changes."
            )
        return self.correct(
            f"the future state is saved as {quote(self.file_name)}, linked to "
            f"{quote(value.based_on)}; `jk.compare(current, {variable})` draws what changed."
        )


#: What sits in each row of a blueprint, as a learner would say it.
ROW_NAMES: dict[str, str] = {
    "actions": "customer actions",
    "frontstage_actions": "front stage",
    "backstage_actions": "back stage",
    "support_processes": "support processes",
}


class BlueprintStageQuestion(Question):
    """Fill in the blueprint lanes of one stage of a map.

    Parameters
    ----------
    variable : str
        The notebook variable holding the map.
    stage : str
        The stage whose blueprint lanes to fill.
    """

    kind = "fill a blueprint stage"

    def __init__(self, variable: str, stage: str, **kwargs: Any) -> None:
        super().__init__(variables=variable, **kwargs)
        self.stage = stage

    def judge(self, value: Any) -> Feedback:
        variable = self.variables[0]
        if not isinstance(value, JourneyMap):
            return self.wrong(_not_a_map(variable, value))
        stage = value.stage(self.stage)
        rows = BLUEPRINT_ROWS[1:]
        empty = [ROW_NAMES[key] for key in rows if not stage.get(key)]
        if len(empty) == len(rows):
            return self.fill_in(
                f"the blueprint lanes of {self.stage} in `{variable}` (the `set_lane` lines for "
                "frontstage_actions, backstage_actions and support_processes)"
            )
        if empty:
            return self.wrong(f"{self.stage} still needs its {join_words(empty)}.")
        problems = [str(p) for p in value.problems()]
        if problems:
            return self.wrong("the map does not validate yet:", capped(problems))
        customer = {text.casefold() for text in lane_texts(stage.actions)}
        copied = [
            f"{quote(item)} is one of the customer's own actions: the rows below the line of "
            f"interaction say what the business does in answer."
            for key in rows
            for item in lane_texts(stage.get(key))
            if item.casefold() in customer
        ]
        if copied:
            return self.wrong("some rows repeat the customer's actions:", capped(copied))
        seen = [item.casefold() for key in rows for item in lane_texts(stage.get(key))]
        twice = sorted({item for item in seen if seen.count(item) > 1})
        if twice:
            return self.wrong(
                "an item sits in two rows; each row is a different layer of the business:",
                capped([quote(item) for item in twice]),
            )
        return self.correct(
            f"{self.stage} has a front stage, a back stage and support processes: "
            "`jk.plot_blueprint` draws them under the customer's actions."
        )
