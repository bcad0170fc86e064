"""Rules about the other people in the journey: who sways the choice, who hears about it.

The framework catalogue says which stages involve other people: stages tagged
with the journey moments of researching (reviews, friends, colleagues) and of
recommending or promoting (the people the customer tells). The catalogue's 92%
fact is why: most buying decisions lean on somebody else's opinion.

Some journeys are decided with others all the way to the purchase: a buyer for a
company (a director signs off, a team must use it), a parent planning for a family,
a patient and the relative who cares for them. The persona's description says so
("runs operations at a 14-person studio", "mother of three", "her daughter drives her
to appointments", "a retired couple", "a 17-year-old whose father pays", "the bursar buys
and the governors approve"); a purchase stage that then names nobody else is missing the people
who decide. When the stage's own text names them (an action "with Luca"), it is a
mistake to fix; otherwise the coach asks who else has a say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import BUY_MOMENT, MapView, Rule, fact_figure
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
        "decided-without-others",
        ("fix", "improve"),
        "the purchase stage names no other people though the persona buys for a company, a "
        "family or with a carer (fix: the stage's own text names them; improve: a question)",
    ),
    Rule(
        "others-named",
        ("praise",),
        "every such stage names the people who take part or sway the decision",
    ),
)


def check(view: MapView) -> Iterator[Finding]:
    yield from check_decisions(view)
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


#: Who decides with the persona, by what the persona's description says about them.
_GROUPS = (
    (
        "the people at work who sign off or will use it",
        re.compile(
            r"\b(compan(y|ies)|firm|studio|agency|practice|department|office manager|"
            r"procurement|purchasing|co-?owns?|co-?founder|founder|director|board|"
            r"business manager|bursar|head ?teacher|governors|trustees|budget holder|"
            r"\d+-(person|people|strong)|team of|(runs|manages|owns) (a|the|an|her|his|their) "
            r"\w+ ?\w* (business|firm|studio|shop|company|team|school|clinic|practice))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "the family who decide and come along",
        re.compile(
            r"\b((mother|father|mum|dad|parent) of|children|kids|family|husband|wife|"
            r"toddler|baby|twins|couple|sister|brother|siblings?|father|mother|mum|dad|"
            r"parents|grandparents|grandchildren|grandkids|teenager|1[3-7]-year-old)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "the people who care for them",
        re.compile(
            r"\b(carer|caregiver|(her|his|their) (daughter|son|wife|husband|partner|niece|nephew)"
            r"|lives alone|elderly|in (her|his) (seventies|eighties|nineties))\b",
            re.IGNORECASE,
        ),
    ),
)
#: Others named in a stage's own text: "with Luca", "the director", "Anna books".
_OTHERS_IN_TEXT = re.compile(
    r"\b(with (his|her|their|my|our) \w+|with [A-Z][a-z]+|director|manager|boss|board|"
    r"partner|colleagues?|team|family|children|kids|wife|husband|daughter|son|carer|"
    r"co-?owner|co-?founder|approves?|approval|sign-?off|signs off)\b"
)


def _group(view: MapView) -> str | None:
    text = f"{view.map.persona.name} {view.map.persona.description}"
    return next((who for who, pattern in _GROUPS if pattern.search(text)), None)


def _names_others(stage_text: str, persona: str) -> bool:
    found = _OTHERS_IN_TEXT.search(stage_text)
    if found is None:
        return bool(re.search(r"\b[A-Z][a-z]+ (books|pays|signs|chooses|decides)\b", stage_text))
    return persona not in found.group(0)


def check_decisions(view: MapView) -> Iterator[Finding]:
    """The purchase stage of a journey decided with others, with nobody else on it."""
    group = _group(view)
    if group is None:
        return
    who = view.persona_name
    for stage in view.filled():
        if BUY_MOMENT not in view.moments.get(stage.name, ()) or stage.participants:
            continue
        text = " ".join([stage.goal, *stage.actions, *stage.pain_points])
        named = _names_others(text, who)
        yield Finding(
            rule="decided-without-others",
            level="fix" if named else "improve",
            message=(
                f"{stage.name}: the stage's own text names others, yet nobody is in its "
                f"participants."
                if named
                else f"{stage.name}: who else has a say when {who} buys? The participants are "
                f"empty, though {who} does not decide alone."
            ),
            why=(
                f"{who} decides with {group}; what each of them needs to hear can make or "
                "break the purchase."
            ),
            fix=f"Name them in the participants of {stage.name}, with what each cares about.",
            stage=stage.name,
            lane="participants",
        )
