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
and the governors approve"), and so does the map when its title sells to an organisation
("... for a district hospital") or its people before the purchase sign off or hold the budget
("Procurement officer", "Investment committee"). A purchase stage that then names nobody on
the customer's side is missing the people who decide: nobody at all, only the persona, or only
the business's own people ("Front desk staff", the brand's account manager). When the stage's
own text names them (an action "with Luca"), it is a mistake to fix; otherwise the coach asks
who else has a say.

The map itself is read for who is on the customer's side: a description that mentions family
only as whom the purchase is for ("a book for his grandchildren", "to swim with her children")
counts only when a stage where the choice is made names one of the persona's own people (by a
name the map uses, a possessive, a relative or someone who signs off); one that names a
relative only by something of theirs ("for his sister's wedding") does not count, nor does a
relative named only where the persona first hears of the business. The business's own name
in the possessive ("Openfold's architect") names the business's people; a name given with a
role ("Dennis, the treasurer") names one of the customer's own, unless the role serves.

And when a stage's own goal or actions have such a person take part ("decides with Tom",
"gets finance to approve the deposit", "prints for the grandparents") while its participants
name none of them, the coach asks whether they have a say there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property, lru_cache

from ..model import Stage
from .context import BUY_MOMENT, MapView, Rule, fact_figure
from .findings import Finding
from .words import and_list, quoted_list

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
        "a stage where the choice is made names nobody on the customer's side (only the "
        "business's people, or the persona) though the persona buys for a workplace, a family "
        "or with a carer, or whose own text has the persona's people take part while its "
        "participants leave them out (fix: the purchase stage's own text names them and its "
        "participants are empty; improve: a question)",
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
#: A number of people, in figures or words ("14-person", "nine-person", "three others").
_HOW_MANY = (
    r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred)"
)
_GROUPS = (
    (
        "the people at work who sign off or will use it",
        re.compile(
            r"\b(compan(y|ies)|firm|studio|agency|practice|department|office manager|"
            r"procurement|purchasing|co-?owns?|co-?founder|founder|director|board|"
            r"business manager|bursar|head ?teacher|governors|trustees|budget holder|"
            rf"{_HOW_MANY}-(person|people|strong|staff|bed|seat)|team of|"
            r"(runs?|manages?|owns?) (a|the|an|her|his|their|your) "
            r"\w+ ?\w* (business|firm|studio|shop|company|team|school|clinic|practice)|"
            # a purchase made for an organisation whose people approve, vote or sign:
            r"(head|chair|secretary|treasurer|clerk) of|committee|(parish|town|city|district) "
            r"council|approv\w*|sign-?off|votes?|on behalf of|buys? for|signs? for|"
            r"(her|his|their|your) (team|staff|manager|boss|colleagues))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "the family or household who decide and come along",
        re.compile(
            r"\b((mother|father|mum|dad|parent) of|children|kids|family|husband|wife|"
            r"toddler|baby|twins|couple(?! of)|sister|brother|siblings?|father|mother|mum|dad|"
            r"grand(ad|dad|pa|ma|mother|father|son|daughter)|gran|nan|"
            r"parents|grandparents|grandchildren|grandkids|teenager|1[3-7]-year-old|"
            r"engaged|fianc\w*|bride(-to-be)?|groom|girlfriend|boyfriend|spouse|partner|"
            r"in-laws|moving in with|jointly|"
            r"house-?mates?|flat-?mates?|room-?mates?|(share|split|splits|shares|sharing|"
            r"splitting|lives|living) (the|a|an|their|our|with) ([\w-]+ ){0,2}(cost|costs|bill|"
            r"bills|rent|house|flat|home)|(lives|living|sharing|shares) with "
            rf"({_HOW_MANY}|her|his|their|your) (others|friends|people|students))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "the people who care for them",
        re.compile(
            r"\b(carer|caregiver|(her|his|their|your) "
            r"(daughter|son|wife|husband|partner|niece|nephew)|elderly|"
            r"in (her|his|your) (seventies|eighties|nineties)|looks? after|cares? for|"
            r"dementia|disabled|wheelchair)\b",
            re.IGNORECASE,
        ),
    ),
)
#: Others named in a stage's own text: "with Luca", "the director", "Anna books".
_OTHERS_IN_TEXT = re.compile(
    r"\b(with (his|her|their|my|our|your) \w+|with [A-Z][a-z]+|director|manager|boss|board|"
    r"partner|colleagues?|team|family|children|kids|wife|husband|daughter|son|carer|"
    r"co-?owner|co-?founder|approves?|approval|sign-?off|signs off)\b"
)


#: Roles on the business's side: the people who serve, sell or set up, not who decide with
#: the customer ("Front desk staff", "the account manager", "Sam, her instructor").
_SERVES = re.compile(
    r"\b(receptionists?|mechanics?|hosts?|account (manager|executive)s?|"
    r"onboarding|specialists?|sales\w*|reps?|representatives?|advis[eo]rs?|consultants?|"
    r"agents?|assistants?|technicians?|installers?|instructors?|coach(es)?|tutors?|"
    r"trainers?|groomers?|bakers?|waiters?|waitress(es)?|cashiers?|front[- ]desk|"
    r"front[- ]of[- ]house|attendants?|customer (service|support)|support (team|desk)|"
    r"help ?desk|vendors?|suppliers?|sellers?|dealers?|demonstrators?|fitters?|couriers?|"
    r"brokers?|\w+ologists?|\w+icians?|\w+apists?|dentists?|pharmacists?|stylists?|"
    r"florists?|shop|store|salon)\b",
    re.IGNORECASE,
)
#: People who work somewhere: the business's own in a family's journey ("Waiting staff"),
#: but maybe the customer's own in a workplace's ("Staff who will drive it").
_WORKERS = re.compile(r"\b(staff|employees?|crew|volunteers?|workers?)\b", re.IGNORECASE)
#: An entry that names somebody by whose they are: "Her deputy", "Their bookkeeper", "Rafi's dad".
_OWNED = re.compile(r"^\s*(the )?((?i:my|our|his|her|their|your)|[A-Z][a-z]+'s)\b")
#: What a participant's entry says about the person rather than who they are: a bracket or a
#: clause ("Her landlord, who must confirm the tenancy").
_ASIDE = re.compile(r"\([^)]*\)?|,? (who|that|which|whose)\b.*", re.IGNORECASE)
#: A title that names the customer as an organisation: "Tasklane: a project tool for a design
#: studio", "rostering software for a district hospital".
_FOR_AN_ORGANISATION = re.compile(
    r"\bfor (a|an|the|their|her|his|your) ([\w-]+ ){0,3}(studio|firm|agency|practice|company|"
    r"business|school|college|university|hospital|clinic|surgery|council|trust|charity|"
    r"office|department|team|ward|factory|warehouse|restaurant|hotel|club|society|"
    r"association|nursery|care home|lab|laboratory|estate|farm|fleet|shop|store|"
    r"\w*(brewery|bakery|distillery|winery|dairy|pharmacy|garage|workshop|kitchen|gym|salon|"
    r"centre|center|library|museum|theatre|church|co-?op|cooperative|start-?up|academy|"
    r"depot|mill|site|yard|unit))s?\b",
    re.IGNORECASE,
)
#: People in a deciding stage who sign off, fund or will use what a workplace buys.
_SIGNS_OFF = re.compile(
    r"\b(procurement|purchasing|committee|finance|budget|director|board|governors|trustees|"
    r"head ?teacher|principal|co-?owner|partners? at|(?-i:IT)\b|security lead|legal|"
    r"compliance|signs? off|approves?|approval|co-?founder|co-?signs?|co-?director|"
    r"guarantor|lender|underwriter|bank|investors?|purse strings|holds the budget)",
    re.IGNORECASE,
)


def _group(view: MapView) -> str | None:
    """Who decides with the persona: read from the persona, the title and the map's people.

    Last, from the map's own voice: "we" where the choice is made, with one of the persona's
    own people named in those stages.
    """
    text = view.map.persona.description  # not the name: a job title there is its own flaw
    found = next((who for who, _ in _GROUPS if _cues(text, who)), None)
    if found is not None and (
        not _only_dependants(text, found) or _shown_deciding(view, _names(view))
    ):
        return found
    deciding = [p for s in view.stages[: _deciding_end(view)] for p in s.participants]
    if _FOR_AN_ORGANISATION.search(view.map.title) or any(
        _signs_off(p) and not _serves(p, view, work=True) for p in deciding
    ):
        return _GROUPS[0][0]
    # The people named where the choice is made: "Housemates Jordan and Ellis", "His wife"
    # (not a sister who only heard about it first, in a stage of noticing).
    choosing = [p for s in _deciding(view) for p in s.participants]
    found = next((who for who, _ in _GROUPS[1:] for d in choosing if who in _groups_named(d)), None)
    if found is not None:
        return found
    # The map's own voice where the choice is made ("a flat we can afford", "agree together"),
    # with one of the persona's own people named there ("Aiden"): a choice made with others.
    said = [t for s in _deciding(view) for t in (s.goal, *s.actions)]
    if any(_WE.search(t) for t in said) and _shown_deciding(view, _names(view)):
        return _SHARED
    return None


#: First person plural or a joint act: "a builder we can trust", "course booking for two",
#: "Couples membership", "you both" (not "a couple of weeks", "for two weeks").
_WE = re.compile(
    r"\b(we|us|our|ourselves|together|jointly|both of (us|you|them)|you both|"
    r"for (two|both)\b(?! [a-z])|as a pair|couples?(?! of)|two-person|the two of (us|you|them))\b",
    re.IGNORECASE,
)
#: Who decides with the persona when only the map's own voice says so.
_SHARED = "the people who share this choice"


#: Words that say whom a purchase is for ("a book for his grandchildren", "to swim with her
#: children") or what the persona is like ("in her eighties", "uses a wheelchair"), rather than
#: who makes the choice with them: a partner, a parent who pays, a daughter who drives her.
_DEPENDANTS = re.compile(
    r"^((mother|father|mum|dad|parent) of|children|kids|toddler|baby|twins|family|"
    r"grandparents|grandchildren|grandkids|elderly|in (her|his|your) (seventies|eighties|nineties)|"
    r"dementia|disabled|wheelchair)$",
    re.IGNORECASE,
)


def _only_dependants(description: str, group: str) -> bool:
    """True when *description* ties the persona to others only by whom they buy for, or by
    what they are like (a family or carer cue, never a co-decider)."""
    pattern = dict(_GROUPS[1:]).get(group)
    if pattern is None:
        return False
    found = [word for who, _ in _GROUPS[1:] for word in _cues(description, who)]
    return all(_DEPENDANTS.match(word) for word in found)


#: A possessive: a description that names a relative by something of theirs ("his sister's
#: wedding", "her father's watch") says what the purchase is about, not who chooses it.
_POSSESSIVE = re.compile(r"['’]s\b")


def _cues(description: str, group: str) -> list[str]:
    """The words of *description* that tie the persona to *group* (:data:`_GROUPS`); for a
    family or carers, not a relative named only by something of theirs (:data:`_POSSESSIVE`)."""
    pattern = dict(_GROUPS)[group]
    work = group == _GROUPS[0][0]
    return [
        m.group(0)
        for m in pattern.finditer(description)
        if work or not _POSSESSIVE.match(description, m.end())
    ]


def _names(view: MapView) -> set[str]:
    """Names the map uses mid-sentence ("decides with Tom", "her dad Jan"): people, not roles.

    A capitalised word after the first of a sentence, in the persona's description or any
    stage's text, or one that opens a participant's entry before their role ("Dennis, the
    treasurer"), that is not the persona's nor the business's own name.
    """
    texts = [view.map.persona.description]
    found: set[str] = set()
    for stage in view.stages:
        texts += [stage.goal, *stage.actions, *stage.pain_points, *stage.participants]
        found.update(m.group(1) for p in stage.participants if (m := _NAME_THEN_ROLE.match(p)))
    found |= {m.group(0) for text in texts for m in _CAPITALISED.finditer(text) if _a_name(text, m)}
    return found - _brand_words(view) - {view.map.persona.name.strip()} - _NAME_FILLERS


_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]*\b")
#: A participant's entry that gives a name, then the role: "Dennis, the treasurer".
_NAME_THEN_ROLE = re.compile(r"\s*([A-Z][a-z]+), (the|a|an|my|our|his|her|their|your)\b")


def _a_name(text: str, found: re.Match[str]) -> bool:
    """True when the capitalised word *found* in *text* reads as a name: "MD", or "Tom" after
    the first word of a sentence and not after "the" or "her" ("asks the Receptionist")."""
    word, at = found.group(0), found.start()
    if word.isupper():
        return 2 <= len(word) <= 4  # "MD", "CISO"
    return (
        len(word) > 1
        and word[1:].islower()
        and at >= 2
        and text[at - 1] == " "
        and (text[at - 2].isalnum() or text[at - 2] in "_,;:+&/)")
        and not _DETERMINER.search(text, max(0, at - 8), at)
    )


#: A word before a noun that a name does not take: "the Committee", "our Procurement Officer".
_DETERMINER = re.compile(r"\b(the|a|an|my|our|his|her|their|your|its|each|every) $", re.I)


def _own_people(participant: str, view: MapView, work: bool, names: set[str]) -> list[str]:
    """What marks *participant* as one of the persona's own people, or [] when nothing does.

    Their name as the map uses it ("Tom", "MD"), a possessive ("Her dad", "Their bank"), or a
    word for a relative or someone who signs off ("wife", "finance"); never the business's.
    """
    if _serves(participant, view, work):
        return []
    who = _ASIDE.sub("", participant)
    marks = [w for w in re.findall(r"\b[A-Z]\w+\b", who) if w in names]
    marks += [m.group(0) for m in _SIGNS_OFF.finditer(who) if m.group(0)[0].isalpha()]
    marks += [m.group(0) for _, pattern in _GROUPS[1:] for m in pattern.finditer(who)]
    if not marks and _OWNED.match(who):
        marks.append(who.strip())
    return marks


def _deciding(view: MapView) -> list[Stage]:
    """The stages up to the purchase where the choice is made (research to buy)."""
    return [
        s
        for s in view.stages[: _deciding_end(view)]
        if set(view.moments.get(s.name, ())) & _DECIDING_MOMENTS
    ]


def _shown_deciding(view: MapView, names: set[str]) -> bool:
    """True when the map names one of the persona's own people where the choice is made."""
    return any(_own_people(p, view, False, names) for s in _deciding(view) for p in s.participants)


class _Cast:
    """The map's people, worked out the first time a rule needs them."""

    def __init__(self, view: MapView, work: bool) -> None:
        self.view, self.work = view, work

    @cached_property
    def names(self) -> set[str]:
        return _names(self.view)

    def marks(self, person: str) -> list[str]:
        """What marks *person* as one of the persona's own people (see :func:`_own_people`)."""
        return _own_people(person, self.view, self.work, self.names)

    @cached_property
    def known(self) -> list[tuple[Stage, str, list[str]]]:
        """Each participant of the map: its stage, who it is (without the aside), its marks."""
        return [
            (stage, _ASIDE.sub("", person).strip(), self.marks(person))
            for stage in self.view.stages
            for person in stage.participants
        ]


@lru_cache(maxsize=65536)
def _signs_off(participant: str) -> bool:
    """True when a participant's entry names someone who signs off or funds (cached per text:
    the editor reviews the same entries on every keystroke)."""
    return _SIGNS_OFF.search(participant) is not None


@lru_cache(maxsize=65536)
def _groups_named(participant: str) -> frozenset[str]:
    """The groups of :data:`_GROUPS` after the workplace's that a participant's entry names
    ("His wife": the family), cached per text."""
    return frozenset(who for who, pattern in _GROUPS[1:] if pattern.search(participant))


def _deciding_end(view: MapView) -> int:
    """The index after the purchase stage (all stages when the catalogue does not know it)."""
    return len(view.stages) if view.purchase_index is None else view.purchase_index + 1


#: Words of a business's name that say nothing about who is meant.
_NAME_FILLERS = frozenset({"The", "And", "For", "Our", "Your", "Its", "Ltd", "Inc", "Co"})


def _brand_words(view: MapView) -> frozenset[str]:
    """The business's own name, from the map's title ("Shiftwise: ward rostering ...")."""
    return _brand_of(view.map.title)


@lru_cache(maxsize=64)
def _brand_of(title: str) -> frozenset[str]:
    name = title.split(":", 1)[0] if ":" in title else ""
    return frozenset(re.findall(r"\b[A-Z][\w&'-]{2,}", name)) - _NAME_FILLERS


def _serves(participant: str, view: MapView, work: bool = False) -> bool:
    """True when *participant* is on the business's side (staff, a seller, the brand's own).

    One the business's own name owns ("Lingomark's project manager") is its people, however
    the role is called. A role that serves customers ("Her audiologist", "the dealer's
    demonstrator") is the business's, whoever it is said to belong to; so is a role the map
    shows to be the business's (:func:`_of_the_business`: "hotel events coordinator" at
    Fellside Hotel); people who work somewhere ("staff") are the business's in a family's
    journey unless said to be the customer's ("Their staff"), and the customer's own in a
    workplace's (*work*: "Staff who will drive it").
    """
    who = _ASIDE.sub("", participant)  # "Finance team (approves suppliers)": the team decides
    # the business's name in the possessive is still the business ("Openfold's architect")
    words = {_POSSESSIVE.sub("", w) for w in re.findall(r"\b[A-Z][\w&'’-]{2,}", who)}
    if words & _brand_words(view) or _SERVES.search(who) or _of_the_business(who, view):
        return True
    return not work and not _OWNED.match(who) and bool(_WORKERS.search(who))


#: Other customers, not the business's people: "Other dog walkers", "Fellow members", a crowd
#: named by a plural at the end ("The lab's followers", "Members of the press's forum").
_OTHER_CUSTOMERS = re.compile(
    r"^\s*(the )?(other|fellow)\b|^[^(,]*\b\w+[^s\W]s\s*$|\bmembers\b", re.IGNORECASE
)


def _of_the_business(who: str, view: MapView) -> bool:
    """True when a role is named by what the business is or by where the map meets it.

    The business's name says what it is ("Brick & Beam Builders", "Fellside Hotel"): "builder"
    and "hotel events coordinator" are its people. Its touchpoints are where the customer meets
    its people ("Tour w/ events coordinator"): a role named there is its own. Never someone the
    customer owns or who signs off ("Her builder brother", "Hotel finance committee").
    """
    kinds, places = _business_marks(
        view.map.title, tuple(t for s in view.stages for t in s.touchpoints)
    )
    role = re.sub(r"^\s*(the|a|an)\s+", "", who.strip(), flags=re.IGNORECASE)
    said = kinds & {w.casefold().rstrip("s") for w in re.findall(r"[\w-]+", who)} or (
        len(role.split()) >= 2  # a bare word or a name is too little to tell a role by
        and not re.search(r"\s[A-Z]", role)
        and f" {_plain(role)} " in places
    )
    return (
        bool(said)
        and not (
            _OWNED.match(who)
            or _SIGNS_OFF.search(who)
            or _OTHER_CUSTOMERS.search(who)  # "Other dog walkers", "The lab's followers"
            or any(p.search(who) for _, p in _GROUPS[1:])
        )
    )


def _plain(text: str) -> str:
    """*text* in lower case with runs of anything but letters, digits and hyphens as one space."""
    return " ".join(re.findall(r"[\w-]+", text.casefold()))


@lru_cache(maxsize=64)
def _business_marks(title: str, touchpoints: tuple[str, ...]) -> tuple[frozenset[str], str]:
    """What the business's name says it is ("hotel", "builder") and its touchpoints, plain."""
    return frozenset(
        w.casefold().rstrip("s") for w in _brand_of(title)
    ), f" {' ; '.join(map(_plain, touchpoints))} "


def _others_on_the_customers_side(stage: Stage, view: MapView, work: bool) -> list[str]:
    """The participants of *stage* who decide or take part with the persona."""
    persona = view.map.persona.name.strip().casefold()
    return [
        p
        for p in stage.participants
        if p.strip() and not _is_persona(p, persona) and not _serves(p, view, work)
    ]


def _is_persona(participant: str, persona: str) -> bool:
    """True when *participant* is the persona ("Priya", "Priya herself", "Herself", "Me")."""
    words = _ASIDE.sub("", participant).casefold().split()
    selves = {"herself", "himself", "themselves", "myself", "me", "alone", "only", "just"}
    return bool(words) and all(w in selves or w == persona for w in words)


def _names_others(stage_text: str, persona: str) -> bool:
    found = _OTHERS_IN_TEXT.search(stage_text)
    if found is None:
        return bool(re.search(r"\b[A-Z][a-z]+ (books|pays|signs|chooses|decides)\b", stage_text))
    return persona not in found.group(0)


#: The journey moments where the choice is made: researching, contacting, committing, buying.
_DECIDING_MOMENTS = frozenset({"research", "contact", "commit", BUY_MOMENT})


def check_decisions(view: MapView) -> Iterator[Finding]:
    """Stages of a journey decided with others that name nobody on the customer's side.

    The purchase stage must name them; so must the stages before it where the choice is made
    when they name only the business's own people ("Front desk staff"), or, for a workplace's
    purchase, when they name nobody at all (a buying team sits in on the demos and the trial).
    """
    group = _group(view)
    if group is None:
        return
    who = view.persona_name
    work = group == _GROUPS[0][0]
    social = {s.name for s in view.social}
    cast = _Cast(view, work)
    yield from _empty_yet_named(view, cast, group)
    for stage in view.stages[: _deciding_end(view)]:
        moments = set(view.moments.get(stage.name, ()))
        if stage.is_blank() or not moments & _DECIDING_MOMENTS:
            continue
        if _others_on_the_customers_side(stage, view, work):
            yield from _left_out(stage, view, cast, group)
            continue
        buying = BUY_MOMENT in moments
        if not buying and not stage.participants and (social & {stage.name} or not work):
            continue  # an empty research stage is stage-without-participants' to ask about
        text = " ".join([stage.goal, *stage.actions, *stage.pain_points])
        named = buying and not stage.participants and _names_others(text, who)
        named_here = [p.strip() for p in stage.participants if p.strip()]
        only = and_list(named_here) if named_here else ""
        yield Finding(
            rule="decided-without-others",
            level="fix" if named else "improve",
            message=(
                f"{stage.name}: the stage's own text names others, yet nobody is in its "
                f"participants."
                if named
                else f"{stage.name}: who else has a say when {who} buys? The participants are "
                f"empty, though {who} does not decide alone."
                if not only
                else f"{stage.name}: besides {who} and the business's own people ({only}), "
                f"nobody is named; who else has a say in this choice?"
            ),
            why=(
                f"{who} decides with {group}; what each of them needs to hear can make or "
                "break the purchase."
            ),
            fix=f"Name them in the participants of {stage.name}, with what each cares about.",
            stage=stage.name,
            lane="participants",
        )


def _mentions(text: str, mark: str) -> bool:
    """True when *text* says *mark*: a name as written ("Tom"), a word in any case ("finance")."""
    return _said(mark).search(text) is not None


@lru_cache(maxsize=512)
def _said(mark: str) -> re.Pattern[str]:
    flags = 0 if mark[:1].isupper() and mark not in _NAME_FILLERS else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(mark)}(?![\w-])", flags)


def _people_named(stage: Stage, cast: _Cast) -> list[str]:
    """The persona's own people whom *stage*'s goal or actions name.

    Those the map's other stages list ("Tom, her partner", "finance mgr": "decides with Tom",
    "gets finance to approve the deposit") and relatives by what they are ("prints for the
    grandparents").
    """
    text = " ".join([stage.goal, *stage.actions])
    named: list[str] = []
    for other, who, marks in cast.known:
        if other is not stage and any(_mentions(text, m) for m in marks) and who not in named:
            named.append(who)
    for _, pattern in _GROUPS[1:]:
        for found in pattern.finditer(text):  # not by something of theirs: "grandad's initials"
            if found.group(0) not in named and not _POSSESSIVE.match(text, found.end()):
                named.append(found.group(0))
    return named


def _empty_yet_named(view: MapView, cast: _Cast, group: str) -> Iterator[Finding]:
    """Stages the choice is not made in whose own text has the persona's people take part,
    while their participants name none of the persona's own people.

    Nobody at all ("buys prints for both grandparents"; participants: none), or only roles
    (:func:`_only_a_role`: the instructor, the membership secretary) when the stage's text
    names the persona's people or says the persona does it with others (:data:`_WE`:
    "course booking for two", "together").
    """
    deciding = {s.name for s in _deciding(view)} | {s.name for s in view.social}
    for stage in view.stages:
        if stage.is_blank() or stage.name in deciding:
            continue
        if not all(_only_a_role(p, view, cast) for p in stage.participants):
            continue
        here = " ; ".join(stage.participants)
        named = [who for who in _people_named(stage, cast) if not _mentions(here, who)]
        joint = [
            m.group(0)
            for t in (stage.goal, *stage.actions)
            if stage.participants and (m := _WE.search(t))
        ]
        if not named and not joint:
            continue
        message = (
            f"{stage.name}: the stage's own text names {and_list(named)}, yet nobody is "
            "in its participants; what part do they play here?"
            if not stage.participants
            else f"{stage.name}: the stage's own text has {view.persona_name} do it with "
            f"{and_list(named) if named else 'others'} ({quoted_list(joint)})"
            if joint
            else f"{stage.name}: the stage's own text names {and_list(named)}"
        )
        if stage.participants:
            message += (
                f", yet its participants name only {and_list(stage.participants)}; "
                f"who takes part with {view.persona_name} here?"
            )
        yield Finding(
            rule="decided-without-others",
            level="improve",
            message=message,
            why=(
                f"{view.persona_name} buys with {group}; the people who share the experience "
                "shape whether it is bought again."
            ),
            fix=f"Name them in the participants of {stage.name}, with what each cares about.",
            stage=stage.name,
            lane="participants",
        )


#: A participant named by a personal name only: "Jordan", "Grandad Joe", "Ms Okafor".
_PERSONAL_NAME = re.compile(r"^\s*([A-Z][\w'’.-]*\s*){1,3}$")


def _only_a_role(participant: str, view: MapView, cast: _Cast) -> bool:
    """True when *participant* is only a role on the map: the business's people (:func:`_serves`)
    or a role the map marks as nobody's (:meth:`_Cast.marks`), not someone named ("Jordan"),
    another customer ("Other club members") or one of the persona's own people."""
    who = _ASIDE.sub("", participant)
    if _serves(participant, view, cast.work) or (
        _PERSONAL_NAME.match(who) and _met_at(who.strip(), view)
    ):
        return True
    return not (
        cast.marks(participant)
        or _OTHER_CUSTOMERS.search(who)
        or _PERSONAL_NAME.match(who)
        or any(p.search(who) for _, p in _GROUPS[1:])
    )


def _met_at(name: str, view: MapView) -> bool:
    """True when a touchpoint of the map opens with *name* ("Marek at the clinic"): the
    business's person, met where the customer meets the business, not one of the customer's
    own (whom a touchpoint names by whose they are: "Your colleague Ben")."""
    return any(
        re.match(rf"{re.escape(name)}\b", t.strip()) for s in view.stages for t in s.touchpoints
    )


def _left_out(stage: Stage, view: MapView, cast: _Cast, group: str) -> Iterator[Finding]:
    """The persona's own people whom *stage*'s text has take part, missing from its participants.

    The map's other stages say who is on the customer's side ("Tom, her partner", "finance
    mgr"); when this stage's goal or actions name one of them ("decides with Tom", "gets finance
    to approve the deposit") but its participants name none of the persona's own people (only
    roles like "Affordability assessor" or "builder"), the people who decide were left out.
    """
    if any(cast.marks(p) for p in stage.participants):
        return  # some of the persona's own people are there: the rest may have had their say
    here = " ; ".join(stage.participants)
    missing = [who for who in _people_named(stage, cast) if not _mentions(here, who)]
    if not missing:
        return
    who = view.persona_name
    yield Finding(
        rule="decided-without-others",
        level="improve",
        message=(
            f"{stage.name}: the stage's own text has {and_list(missing)} take part, yet the "
            "participants leave them out; do they have a say here?"
        ),
        why=(
            f"{who} decides with {group}; what each of them needs to hear can make or "
            "break the purchase."
        ),
        fix=f"Add them to the participants of {stage.name}, with what each cares about.",
        stage=stage.name,
        lane="participants",
    )
