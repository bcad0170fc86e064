"""A KPI that counts another part of the journey, read by what it counts, on KPIs of our own.

Each test replaces one stage's KPIs in the clean bike-repair map. Ratings and reviews are
what customers say after buying, likes, views and clicks are people noticing, quote
requests are people getting in touch, rebooking is coming back: such a KPI beside an
opportunity about something else is asked about; one that counts the stage's own moment
is not. Not the benchmark's wordings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk

CLEAN = Path(__file__).resolve().parent / "data" / "clean" / "bike-repair.json"


def questioned(stage: str, kpi: str) -> bool:
    bike = jk.load_map(CLEAN)
    bike.set_lane(stage, "kpis", [kpi])
    return any(
        f.rule == "kpi-measures-something-else" and f.stage == stage for f in jk.review(bike)
    )


@pytest.mark.parametrize(
    ("stage", "kpi"),
    [
        ("Awareness", "Average star rating"),
        ("Awareness", "Customers who rebook"),
        ("Retention", "Likes on the shop's posts"),
        ("Advocacy", "Quote requests per week"),
    ],
)
def test_a_kpi_of_another_moment_is_questioned(stage, kpi):
    assert questioned(stage, kpi)


@pytest.mark.parametrize(
    ("stage", "kpi"),
    [("Advocacy", "Average star rating"), ("Retention", "Customers who rebook")],
)
def test_a_kpi_of_the_stages_own_moment_is_not(stage, kpi):
    assert not questioned(stage, kpi)
