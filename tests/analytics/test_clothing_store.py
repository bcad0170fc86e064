"""The invented clothing-store log: small, reproducible, and showing the map's pain points."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from journeykit.analytics import measure, read_events

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "datasets" / "clothing-store-events.csv.gz"
SCRIPT = ROOT / "tools" / "make_clothing_store_events.py"


def _generator():
    spec = importlib.util.spec_from_file_location("make_clothing_store_events", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def log():
    return read_events(str(DATA))


def test_the_file_is_small_and_regenerates_byte_for_byte(tmp_path):
    assert DATA.stat().st_size < 1_000_000
    again = tmp_path / "again.csv.gz"
    rows = _generator().write(str(again))
    assert again.read_bytes() == DATA.read_bytes()
    assert 20_000 <= rows <= 60_000


def test_a_few_thousand_visitors_over_three_months(log):
    assert 2_000 <= log.users <= 6_000
    times = log.head(1)["time"]
    assert str(times[0]).startswith("2024-03")


def test_the_worked_example_map_measures_on_it(log):
    stages = _generator().STAGES
    m = measure(log, stages, framework="five-stage-decision")
    f = m.funnel()
    assert f["stage"].tolist() == ["Awareness", "Consideration", "Decision", "Retention",
                                   "Advocacy"]
    assert f["users"].is_monotonic_decreasing and f["users"].iloc[-1] > 0
    assert set(m.unmapped()["event"]) == {"home page", "search"}
    assert m.repeat_rate("Decision")["repeat_rate"].iloc[0] > 0.05  # customers come back


def test_surprise_delivery_costs_show_as_a_big_drop_at_checkout(log):
    m = measure(log, {"cart": "add to cart", "checkout": "checkout",
                      "delivery cost": "delivery cost shown", "purchase": "purchase"})
    share = dict(zip(m.funnel()["stage"], m.funnel()["share_of_previous"], strict=True))
    assert share["purchase"] < 0.55 < share["checkout"]


def test_the_size_guide_is_a_dead_end(log):
    m = measure(log, {"browse": "browse collection", "size guide": "size guide",
                      "cart": "add to cart"})
    moves = m.transitions().set_index(["from_stage", "to_stage"])["users"]
    opened = m.funnel()["users"].iloc[1]
    assert moves["size guide", "(end)"] / opened > 0.6          # most leave right there
    assert moves["size guide", "(end)"] > 2 * moves["size guide", "cart"]
