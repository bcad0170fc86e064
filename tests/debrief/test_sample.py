"""The shipped sample class: made by its script, and a class worth debriefing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import journeykit as jk
from journeykit.debrief.sample import BUSINESSES, sample_class

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "datasets" / "sample-class"


def test_the_committed_sample_class_is_what_its_script_writes():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_sample_class.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_sample_class_mixes_businesses_frameworks_and_states_of_completion():
    r = jk.rollup(SAMPLE)
    assert 20 <= len(r) <= 30
    assert set(r.frameworks) == set(jk.framework_ids())
    businesses = {label.split("_", 1)[1] for label in r.participants}
    assert businesses <= set(BUSINESSES) and len(businesses) >= 3
    filled = [sum(not s.is_blank() for s in m.stages) / len(m.stages) for m in r.maps]
    assert min(filled) < 0.3 and max(filled) == 1 and any(0.3 < f < 1 for f in filled)
    assert sorted(s.path.name for s in r.skipped) == ["late_submission.json", "old_version.json"]
    assert r.ignored == 1
    assert (r.top("pain_points").wordings > 1).any(), "there are wordings to group"


def test_the_same_seed_gives_the_same_class_and_another_seed_another():
    assert sample_class(10, seed=4) == sample_class(10, seed=4)
    assert sample_class(10, seed=4) != sample_class(10, seed=5)
    assert len(sample_class(300, seed=1)) == 300, "big classes get unique file names"
