"""Two mistakes put into every readable sound map of the coach's set, to see how generally
the messages and KPI rules catch them (issue 23), beyond the single flaws of the set.

* **A claim in place of the answer**: each stage with information needs gets one of four
  claims about the business as its only message ("Three generations of craft"); the
  ``need-without-message`` rule should ask about that stage.
* **A KPI of something else**: each stage with opportunities gets one of six KPIs that
  count another part of the journey or the business ("Newsletter open rate", "Hours the
  office opens each week"); ``kpi-measures-something-else`` should ask about that stage.
  Some of these rightly stay quiet (Instagram followers beside an Awareness idea about
  Instagram), so the figure is a comparison between two coaches, not a recall.

The wordings are ours, not the set's. It reads the sound maps of tune, holdout, fresh,
fresh2 and fresh3 only: fresh4 and fresh8 stay unseen. It also prints how many of these
rules' findings the sound maps get as they are (the goal is none).

Run: ``.venv/bin/python benchmarks/replace_probe.py`` (about a minute). To compare with
another revision, run the same file with ``PYTHONPATH`` set to a checkout of it
(``git archive REV | tar -x -C DIR``), e.g. ``PYTHONPATH=DIR python benchmarks/...``.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "coaching"))

from bench_data import sound_maps  # noqa: E402

import journeykit as jk  # noqa: E402

PARTS = ("tune", "holdout", "fresh", "fresh2", "fresh3")
CLAIMS = (
    "Trusted by families across the region",
    "Three generations of craft",
    "Proudly local since 1990",
    "Over 3,000 happy customers",
)
KPIS = (
    "Newsletter open rate",
    "Website bounce rate",
    "Instagram followers gained",
    "Leaflets handed out",
    "Average spend in the shop",
    "Hours the office opens each week",
)


def _asked(journey_map: jk.JourneyMap, rule: str, stage: str) -> bool:
    return any(f.rule == rule and f.stage == stage for f in jk.review(journey_map))


def main() -> None:
    print(f"journeykit from {Path(jk.__file__).parent}")
    maps = [m for part in PARTS for m in sound_maps(part).values()]
    rules = ("need-without-message", "kpi-measures-something-else")
    on_sound = sum(1 for m in maps for f in jk.review(m) if f.rule in rules)
    claims = claimed = kpis = questioned = 0
    for journey_map in maps:
        for stage in journey_map.stages:
            if stage.information_needs and not _asked(
                journey_map, "need-without-message", stage.name
            ):
                for claim in CLAIMS:
                    changed = copy.deepcopy(journey_map)
                    changed.set_lane(stage.name, "messages", [claim])
                    claims += 1
                    claimed += _asked(changed, "need-without-message", stage.name)
            if stage.opportunities:
                for kpi in KPIS:
                    changed = copy.deepcopy(journey_map)
                    changed.set_lane(stage.name, "kpis", [kpi])
                    kpis += 1
                    questioned += _asked(changed, "kpi-measures-something-else", stage.name)
    print(f"sound maps: {len(maps)}, findings of these two rules on them: {on_sound}")
    print(f"a claim in place of a stage's messages: asked about {claimed} of {claims}")
    print(f"a KPI of something else in a stage with ideas: asked about {questioned} of {kpis}")


if __name__ == "__main__":
    main()
