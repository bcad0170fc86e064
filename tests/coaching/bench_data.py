"""The coach's labelled test set (``data/bench/``), loaded for the tests and the benchmark.

``data/bench/README.md`` says how it was written. Three kinds of case:

* :func:`goals`: stage goals labelled ``customer`` or ``business``;
* :func:`sound_maps`: maps with nothing to fix and at most a weak spot or two;
* :func:`flawed_maps`: a sound map with **one** flaw, its rule family and the stage it is in.

Each comes in two parts: ``tune`` (the coach was built looking at it) and ``holdout``
(written before the coach was changed and never looked at while building it: the honest
estimate of how the coach does on maps nobody on the team wrote).
"""

from __future__ import annotations

import copy
import csv
import json
from dataclasses import dataclass
from pathlib import Path

import journeykit as jk

DATA = Path(__file__).resolve().parent / "data"
BENCH = DATA / "bench"
SPLITS = ("tune", "holdout")

#: Industries whose goals are held out (never looked at while building the coach).
HOLDOUT_INDUSTRIES = frozenset({"b2b-services", "non-profit", "public-sector", "travel", "finance"})


@dataclass(frozen=True)
class Goal:
    text: str
    label: str  # "customer" or "business"
    industry: str
    hard: bool
    split: str


@dataclass(frozen=True)
class Flawed:
    id: str
    base: str
    family: str
    stage: str | None
    split: str
    map: jk.JourneyMap


def goals(split: str | None = None) -> list[Goal]:
    """Every labelled goal (of one split when *split* is given)."""
    with (BENCH / "goals.csv").open(encoding="utf-8", newline="") as handle:
        rows = [
            Goal(
                row["goal"],
                row["label"],
                row["industry"],
                row["hard"] == "1",
                "holdout" if row["industry"] in HOLDOUT_INDUSTRIES else "tune",
            )
            for row in csv.DictReader(handle)
        ]
    return [g for g in rows if split is None or g.split == split]


def _sound_paths(split: str) -> dict[str, Path]:
    paths = {p.stem: p for p in sorted((BENCH / split / "sound").glob("*.json"))}
    if split == "tune":  # the review tests' clean bike-repair map is a tuning map too
        paths["bike-repair"] = DATA / "clean" / "bike-repair.json"
    return paths


def sound_maps(split: str) -> dict[str, jk.JourneyMap]:
    """The sound maps of one split, by name."""
    return {name: jk.load_map(path) for name, path in _sound_paths(split).items()}


def _apply(journey_map: jk.JourneyMap, change: dict) -> None:
    if "persona" in change:
        journey_map.set_persona(**change["persona"])
    else:
        journey_map.set_lane(change["stage"], change["lane"], copy.deepcopy(change["value"]))


def flawed_maps(split: str) -> list[Flawed]:
    """Each sound map of *split* with one flaw, as ``data/bench/<split>/flaws.json`` lists them."""
    bases = sound_maps(split)
    found = []
    for entry in json.loads((BENCH / split / "flaws.json").read_text("utf-8")):
        journey_map = copy.deepcopy(bases[entry["base"]])
        for change in entry["changes"]:
            _apply(journey_map, change)
        found.append(
            Flawed(entry["id"], entry["base"], entry["family"], entry["stage"], split, journey_map)
        )
    return found
