"""Rules about the other people in the journey: who sways the choice, who hears about it.

The framework catalogue says which stages involve other people: stages tagged
with the journey moments of researching (reviews, friends, colleagues) and of
recommending or promoting (the people the customer tells). The catalogue's 92%
fact is why: most buying decisions lean on somebody else's opinion.
"""

from __future__ import annotations

from collections.abc import Iterator

from .context import MapView, Rule, fact_figure
from .findings import Finding
from .words import and_list

RULES = (
    Rule(
        "stage-without-participants",
        ("improve",),
        "a stage the framework ties to other people (research, recommend, promote) names "
        "no participants or influencers",
    ),
    Rule(
        "others-named",
        ("praise",),
        "every such stage names the people who take part or sway the decision",
    ),
)


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
    social = [s for s in view.social if not s.is_blank()]
    share = fact_figure("opinion-share")
    why = (
        f"{share} of buying decisions lean on somebody else's opinion, so the people "
        "around the customer belong on the map."
        if share
        else "The people around the customer often decide as much as the customer does."
    )
    missing = 0
    for stage in social:
        if stage.participants:
            continue
        missing += 1
        yield Finding(
            rule="stage-without-participants",
            level="improve",
            message=(
                f"{stage.name}: nobody else appears, though other people usually weigh in at "
                "this point of the journey."
            ),
            why=why,
            fix=(
                f"Name who takes part in or sways {who}'s choice in {stage.name}: friends, "
                "colleagues, reviewers, the people they tell."
            ),
            stage=stage.name,
            lane="participants",
        )
    if social and not missing:
        yield Finding(
            rule="others-named",
            level="praise",
            message=(
                f"The map names the people around {who} where they matter: "
                f"{and_list([s.name for s in social])}."
            ),
            why=why,
            fix="Ask what each of them needs to hear from you too.",
        )
