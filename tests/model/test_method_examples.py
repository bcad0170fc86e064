"""The worked example's second half: the researched map and its future state.

Both files are written by ``tools/make_clothing_store_method.py`` from the base map;
these tests hold them to what notebooks 10 and 11 say about them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import journeykit as jk
from journeykit.catalogue import HORIZONS
from journeykit.model import datasets_dir
from journeykit.model.evidence import evidence_lanes

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_files_are_what_the_script_writes():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_clothing_store_method.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_researched_map_is_the_worked_example_with_evidence_scores_and_a_blueprint():
    base, researched = jk.example("clothing-store"), jk.example("clothing-store-researched")
    assert researched.state == "current" and "invented" in researched.notes
    for before, after in zip(base.stages, researched.stages, strict=True):
        for spec in jk.LANES:
            if spec.optional or spec.key == "opportunities":
                continue
            assert after.get(spec.key) == before.get(spec.key), (after.name, spec.key)
        for key in evidence_lanes():
            assert all(item.attributes.get("evidence") for item in after.get(key)), key
        assert after.frontstage_actions and after.backstage_actions and after.support_processes
    ideas = [idea for stage in researched.stages for idea in stage.opportunities]
    assert ideas[:-1] == [idea for stage in base.stages for idea in stage.opportunities]
    assert list(jk.roadmap(researched)["horizon"].unique()) == list(HORIZONS)
    assert jk.review(researched).fixes == []


def test_the_future_state_is_linked_to_the_researched_map_and_changes_the_dips():
    researched, future = (
        jk.example("clothing-store-researched"),
        jk.example("clothing-store-future"),
    )
    assert future.state == "future" and "invented" in future.notes
    assert (datasets_dir() / future.based_on).resolve() == (
        datasets_dir() / "clothing-store-researched.json"
    ).resolve()
    table = jk.changes(researched, future)
    added = table[table.change == "added"]
    assert set(added.stage) >= {"Consideration", "Decision", "Retention", "Advocacy"}
    removed_pains = set(table[(table.change == "removed") & (table.lane == "pain_points")].item)
    assert "Surprise delivery costs at checkout" in removed_pains
    # what the future adds is a guess until customers try it
    for stage in future.stages:
        for key in evidence_lanes():
            for item in stage.get(key):
                if item in set(added.item):
                    assert item.attributes["evidence"] == "assumption", item
    scores = zip(future.stages, researched.stages, strict=True)
    assert all(after.emotion_score >= before.emotion_score for after, before in scores)
