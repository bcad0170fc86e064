"""Maps for the tests of the method's second half: eight stages, long text, every new field.

* :func:`long_method_map`: an eight-stage map whose every lane (the blueprint's too) holds
  long items, whose customer items say where they come from (every kind of evidence, long
  source notes) and whose opportunities are scored, several in one cell of the matrix;
* :func:`long_future`: its future state, with items removed, added and kept in every stage.

The figures, exports, deck and JupyterLab tests draw these to check that the new
figures stay readable at the largest size the kit teaches with.
"""

from __future__ import annotations

import journeykit as jk
from journeykit.catalogue import EVIDENCE, EVIDENCE_LANES, LANES
from journeykit.model import Item

#: Long words and long items: what a learner pastes from interview notes.
LONG = (
    "Compares delivery options and return costs on three other shops before deciding "
    "whether the summer dress is really worth the price"
)
SOURCE = "Interview 7 with a returning customer, who asked to stay anonymous, on 14 May"


def long_method_map() -> jk.JourneyMap:
    """Eight stages x every lane x three long items, tagged and scored."""
    m = jk.JourneyMap.new(
        "eight-stage",
        title="Pottery school for beginners: from the first reel to recommending the course",
        persona=jk.Persona("Aleksandra", "A nurse on shifts who wants a calm hobby"),
    )
    m.set_field(jk.FieldPath(None, "state"), "current")
    for s, stage in enumerate(m.stage_names):
        m.set_lane(stage, "goal", f"{stage}: {LONG}")
        m.set_lane(stage, "emotion_score", [4, 3, 2, 3, 5, 4, 2, 4][s])
        for spec in LANES:
            if spec.kind != "list":
                continue
            items = [f"{spec.label} {n} of {stage}: {LONG}" for n in range(1, 4)]
            if spec.key in EVIDENCE_LANES:
                items = [
                    Item(text, evidence=EVIDENCE[(s + n) % len(EVIDENCE)], source=SOURCE)
                    for n, text in enumerate(items)
                ]
            m.set_lane(stage, spec.key, items)
        for n in range(3):
            impact, effort = [(4, 1), (4, 1), (2, 4)][n] if s < 4 else [(3, 3), (1, 2), (4, 2)][n]
            m.set_item(stage, "opportunities", n, impact=impact, effort=effort, owner="Studio team")
    return m


def long_future(current: jk.JourneyMap) -> jk.JourneyMap:
    """A future state of *current* that removes, adds and keeps something in every stage."""
    future = current.future_state()
    for s, stage in enumerate(future.stages):
        pains = stage.pain_points
        future.set_lane(stage.name, "pain_points", pains[1:])
        future.set_lane(
            stage.name,
            "touchpoints",
            [
                *stage.touchpoints,
                Item(f"New touchpoint of {stage.name}: {LONG}", evidence="assumption"),
            ],
        )
        future.set_lane(
            stage.name,
            "backstage_actions",
            [*stage.backstage_actions[:2], f"New hand-over: {LONG}"],
        )
        future.set_lane(stage.name, "emotion_score", min(5, [4, 3, 2, 3, 5, 4, 2, 4][s] + 1))
    return future
