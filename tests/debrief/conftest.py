"""Fixtures of the roll-up tests: a folder holding a small class, and hostile learner text."""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk
from journeykit.debrief.sample import write_sample_class

#: Learner text that would run script or load something if it reached the page unescaped.
HOSTILE = (
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=1">'
    "</textarea><b>bold</b> & ' \" =cmd|' /C calc'!A0"
)


@pytest.fixture
def class_folder(tmp_path: Path) -> Path:
    """A folder of 12 sample maps, plus a broken file, an unknown framework and a conflict copy."""
    folder = tmp_path / "collected"
    write_sample_class(folder, count=12, seed=7)
    return folder


@pytest.fixture
def hostile_map() -> jk.JourneyMap:
    """A map whose title, persona and items are all hostile HTML and script."""
    m = jk.JourneyMap.new("five-stage", title=HOSTILE, persona=jk.Persona(HOSTILE, HOSTILE))
    for i, stage in enumerate(m.stage_names):
        m.set_lane(stage, "pain_points", [HOSTILE, f"{HOSTILE} {i}"])
        m.set_lane(stage, "touchpoints", [HOSTILE])
        m.set_lane(stage, "emotion_score", 1 + i % 5)
        m.set_lane(stage, "emotion_words", [HOSTILE])
    return m
