"""The invented clothing-store log: made by its script, small, and showing the map's pain
points, as datasets/README.md says and notebook 09 teaches."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.analytics import measure, read_events
from journeykit.exercises.ex09 import CHECKOUT_STEPS, EVENT_STAGES

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "datasets" / "clothing-store-events.csv.gz"
README = ROOT / "datasets" / "README.md"


@pytest.fixture(scope="module")
def log():
    return read_events(DATA)


@pytest.fixture(scope="module")
def journey(log):
    return measure(log, EVENT_STAGES, framework="five-stage-decision")


def test_the_committed_log_is_what_its_seeded_script_writes():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_clothing_store_events.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert DATA.stat().st_size < 1_000_000


def test_a_few_thousand_visitors_over_three_months(log):
    assert 20_000 <= log.rows <= 60_000
    assert 2_000 <= log.users <= 6_000
    assert str(log.head(1)["time"][0]).startswith("2024-03")


def test_the_readme_describes_the_log_as_it_is(log, journey):
    text = README.read_text("utf-8")
    section = text[text.index("## `clothing-store-events.csv.gz`") :]
    section = section[: section.index("\n## ", 1)]
    said = re.search(r"funnel runs \*\*([\d,\s→]+)\*\*", section).group(1)
    counts = [int(n.replace(",", "")) for n in said.split("→")]
    assert counts == journey.funnel()["users"].tolist()
    assert f"{log.rows:,} rows" in section
    listed = set(re.findall(r"`([a-z ]+)`", section))
    assert set(log.event_counts["event"]) <= listed
    for stage, events in EVENT_STAGES.items():
        row = next(line for line in section.splitlines() if line.startswith(f"| {stage} |"))
        assert re.findall(r"`([a-z ]+)`", row) == events


def test_the_worked_example_map_measures_on_it(journey):
    f = journey.funnel()
    assert f["stage"].tolist() == jk.get_framework("five-stage-decision").stage_names
    assert f["users"].is_monotonic_decreasing and f["users"].iloc[-1] > 0
    assert set(journey.unmapped()["event"]) == {"home page", "search"}
    assert journey.repeat_rate("Decision")["repeat_rate"].iloc[0] > 0.05  # customers come back


def test_the_biggest_drop_is_after_decision_and_the_most_customers_leave_consideration(journey):
    lost = journey.dropoff().set_index("from_stage")
    assert lost["dropoff_rate"].idxmax() == "Decision"
    assert lost["dropped"].idxmax() == "Consideration"


def test_surprise_delivery_costs_show_as_a_big_drop_at_checkout(log):
    share = measure(log, CHECKOUT_STEPS).funnel().set_index("stage")["share_of_previous"]
    assert share["purchase"] < 0.5 < share["checkout"]
    assert share["purchase"] == share.min()


def test_the_size_guide_is_a_dead_end(log):
    m = measure(
        log, {"browse": "browse collection", "size guide": "size guide", "cart": "add to cart"}
    )
    moves = m.transitions().set_index(["from_stage", "to_stage"])["users"]
    opened = m.funnel()["users"].iloc[1]
    assert moves["size guide", "(end)"] / opened > 0.6  # most leave right there
    assert moves["size guide", "(end)"] > 2 * moves["size guide", "cart"]


def test_friends_who_were_referred_buy_more_often_than_visitors_from_an_ad(log):
    def buys(arrival):
        return (
            measure(log, {"arrived": arrival, "bought": "purchase"})
            .funnel()["share_of_previous"]
            .iloc[1]
        )

    assert buys("referral visit") > 2 * buys("ad click")
