"""Questions answered with a file or its text: a saved map, an export, a Mermaid diagram.

Feedback names files by their name only, never by a machine path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..catalogue import SCORE_MAX, SCORE_MIN
from ..model import JourneyMap, load_map, maps_dir, type_name
from ._text import quote
from .core import Feedback, Question

_TASK = re.compile(r"^(?P<task>[^:]+):\s*(?P<score>[^:]*?)\s*(?::\s*(?P<actors>.*))?$")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def _as_path(value: Any) -> Path | None:
    return Path(value) if isinstance(value, (str, Path)) and str(value).strip() else None


def _path_problem(variable: str, value: Any, what: str) -> str:
    return f"`{variable}` should hold {what}; it holds {type_name(value)}."


def _inside(path: Path, folder: Path) -> bool:
    return folder.resolve() in path.resolve().parents


class SavedMapQuestion(Question):
    """Save a map into the maps folder; the answer is the path ``save`` returned."""

    kind = "save a map"
    secret = False

    def judge(self, value: Any) -> Feedback:
        path = _as_path(value)
        if path is None:
            return self.wrong(
                _path_problem(self.variables[0], value, "the path that `save(...)` returns")
            )
        if not path.is_file():
            return self.wrong(
                f"there is no file called {quote(path.name)} yet: did the line "
                f"with `.save(...)` run?"
            )
        saved = load_map(path)
        if not _inside(path, maps_dir()):
            return self.wrong(
                f"{quote(path.name)} is saved outside your maps folder. Save it "
                f'with `jk.map_path("...")` so you can find it again.'
            )
        if not saved.title.strip():
            return self.wrong('the saved map has no title: give it one with `title="..."`.')
        return self.correct(
            f"{quote(saved.title)} is saved in your maps folder as {quote(path.name)}."
        )


class ExportFileQuestion(Question):
    """Export a map to a file; the file must exist, have the right suffix and name every stage.

    Parameters
    ----------
    variable : str
        The notebook variable holding the exported file's path.
    suffix : str
        The file suffix the format uses, e.g. ``".md"``.
    reference : callable returning JourneyMap
        The map that was exported, to compare the file with.
    """

    kind = "export a map"
    secret = False

    def __init__(
        self, variable: str, suffix: str, reference: Callable[[], JourneyMap], **kwargs: Any
    ) -> None:
        super().__init__(variables=variable, **kwargs)
        self.suffix = suffix
        self.reference = reference

    def judge(self, value: Any) -> Feedback:
        path = _as_path(value)
        if path is None:
            return self.wrong(
                _path_problem(self.variables[0], value, "the path of the exported file")
            )
        if path.suffix.casefold() != self.suffix:
            return self.wrong(
                f"{quote(path.name)} does not end in {self.suffix}: name the "
                f"file so other programs know what it holds."
            )
        if not path.is_file():
            return self.wrong(
                f"there is no file called {quote(path.name)} yet: did the export line run?"
            )
        text = path.read_text(encoding="utf-8")
        journey_map = self.reference()
        missing = [
            name for name in [journey_map.title, *journey_map.stage_names] if name not in text
        ]
        if missing:
            return self.wrong(
                f"{quote(path.name)} does not mention {quote(missing[0])}: "
                f"export the whole map, not a part of it."
            )
        return self.correct(
            f"{quote(path.name)} holds the title and all {len(journey_map.stages)} stages."
        )


class MermaidQuestion(Question):
    """Write a Mermaid ``journey`` diagram by hand for the first stages of a map.

    Each section is a stage (in order); each task line is ``Task: score: actor``
    where the score is the stage's emotion score and the actor the persona.
    """

    kind = "write Mermaid"
    secret = False

    def __init__(
        self, variable: str, reference: Callable[[], JourneyMap], stages: int, **kwargs: Any
    ) -> None:
        super().__init__(variables=variable, **kwargs)
        self.reference = reference
        self.stages = stages

    def judge(self, value: Any) -> Feedback:
        variable = self.variables[0]
        if not isinstance(value, str):
            return self.wrong(
                f"`{variable}` should be text in triple quotes; it holds {type_name(value)}."
            )
        lines = [
            line.strip()
            for line in value.splitlines()
            if line.strip() and not line.strip().startswith(("%%", "#"))
        ]
        if not lines or lines[0] != "journey":
            return self.wrong(
                "a Mermaid journey diagram starts with the word `journey` on a line of its own."
            )
        if not any(line.startswith("title ") for line in lines[1:]):
            return self.wrong("add a `title` line under `journey`, for example the map's title.")
        sections: list[tuple[str, list[str]]] = []
        for line in lines[1:]:
            if line.startswith("title "):
                continue
            if line.startswith("section "):
                sections.append((line[len("section ") :].strip(), []))
            elif not sections:
                return self.wrong(
                    f"{quote(line)} comes before any `section` line: put "
                    f"each task under the stage it belongs to."
                )
            else:
                sections[-1][1].append(line)
        return self._judge_sections(sections)

    def _judge_sections(self, sections: list[tuple[str, list[str]]]) -> Feedback:
        reference = self.reference()
        wanted = reference.stages[: self.stages]
        if len(sections) != len(wanted):
            return self.wrong(
                f"the diagram needs {len(wanted)} sections, one per stage; it has {len(sections)}."
            )
        actor = reference.persona.name
        for i, (stage, (name, tasks)) in enumerate(zip(wanted, sections, strict=True)):
            if name != stage.name:
                return self.wrong(
                    f"section {i + 1} should be {stage.name}, the "
                    f"{_ORDINALS[i]} stage of the map; it is {quote(name)}."
                )
            if not tasks:
                return self.wrong(
                    f"the {name} section has no task: add a line such as "
                    f"`{stage.actions[0]}: {stage.emotion_score}: {actor}`."
                )
            for line in tasks:
                problem = self._task_problem(line, stage.name, stage.emotion_score, actor)
                if problem:
                    return self.wrong(problem)
        return self.correct(
            "any Mermaid viewer (GitHub, GitLab, many wikis) draws this as a "
            "journey with one section per stage."
        )

    @staticmethod
    def _task_problem(line: str, stage: str, score: int | None, actor: str) -> str:
        match = _TASK.match(line)
        if match is None:
            return f"{quote(line)} is not a task line: write `Task: score: actor`."
        given = match.group("score")
        if not given.isdigit() or not SCORE_MIN <= int(given) <= SCORE_MAX:
            return (
                f"in {quote(line)} the score must be a whole number from {SCORE_MIN} to "
                f"{SCORE_MAX}."
            )
        if score is not None and int(given) != score:
            return (
                f"tasks in {stage} should carry the stage's emotion score from the map, "
                f"{score}, not {given}."
            )
        actors = [a.strip() for a in (match.group("actors") or "").split(",")]
        if actor and actor not in actors:
            return (
                f"name {actor} as the actor after the score: `{match.group('task').strip()}"
                f": {given}: {actor}`."
            )
        return ""
