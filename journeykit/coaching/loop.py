"""Rules about the loop from insight to action: pain point, opportunity, KPI.

A pain point counts as answered when an opportunity anywhere on the map shares
a key word with it (see :mod:`.words`), or when its stage lists at least as
many opportunities as pain points (one idea per problem). A stage whose own
opportunity takes on one of its pain points (a key word or an idea in
common, or a person put there for a pain that nobody helps with: :func:`takes_on`)
has done the loop: picking the pain worth an idea first is part of the method, so
the pains it leaves are not asked about. The coach cannot tell whether an idea
really solves the problem; it only notices stages whose pain points no idea even
mentions.

A KPI should count what its stage's opportunity changes. The coach reads what a KPI
counts (:func:`counted`: its words without the kind of figure and the period, so
"Average bill per visit" counts the *bill*) and looks for it in the rest of its own stage:
the goal, actions, touchpoints, pain points, opportunities and business activities, by a
shared topic word or a shared idea (:func:`.concepts.concepts`: "bill" and "price"), or
by the journey moment the catalogue gives the stage (a referral KPI in Advocacy). An idea as
wide as a time, being open or a person ties a KPI only to the stage's plan (its pain points,
opportunities and activities), not to a "this week" in its goal, and only by what the KPI
counts, not by the state it is counted in ("booked", "scheduled"). A word in
the goals, actions or touchpoints of most stages (the map's main subject) is no sign, nor
are words of attention ("Website visits" counts the website, not a home visit), the people a
KPI is counted among or its period ("minutes a *family* waits", "the *annual* survey"). A
KPI of sales in a stage before or after the purchase ("Group bookings paid online" where the
customer first hears of the park), or of the business's own output ("Workshops run"), is
tied only by its stage's pain points and opportunities. A KPI of attention
(followers, views, visits, opens) is tied only by its stage's plan (pain points,
opportunities, activities) naming what is looked at: the channel the customer uses, the
moment of noticing or another stage's count of the same page is no sign; a whole channel's
audience ("Instagram follower growth") only by a pain point or opportunity naming the
channel, since the business posts there whatever its idea. The business's own
money (an order's value, a van's fuel cost) is tied only by its stage's pain points and
opportunities naming what it is the money of, not by a price they mention. New enquiries or
sign-ups in a stage of using and coming back count the next customer: only a pain point or
opportunity about getting in touch or signing up ties them. A count of what comes in
through one of the stage's own touchpoints ("App downloads from the drop box's code") is the
stage's own, even when that touchpoint is the map's main subject. A channel's audience
("YouTube subscribers") is noticing; new business a peer brought ("Enquiries that mention
another council") is recommending. A stage
whose KPIs all count something its own stage never mentions (the gift shop's takings
beside an opportunity about parking, blog readers beside a shorter booking form) is
asked about, and the finding names the stage the KPI seems to belong to when another
stage does mention it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property, lru_cache

from ..model import Stage
from .concepts import PRECISE, concepts, moments, topic_words
from .context import BUY_MOMENT, MapView, Rule, once_per_view
from .findings import Finding
from .lexicon import CUSTOMER_ROLES
from .words import key_words, quoted, quoted_list

RULES = (
    Rule(
        "pain-without-opportunity",
        ("improve",),
        "pain points that no opportunity on the map answers",
    ),
    Rule("opportunity-without-kpi", ("fix",), "a stage with opportunities but no KPI"),
    Rule(
        "kpi-measures-something-else",
        ("improve",),
        "no KPI of a stage counts anything its own stage mentions (a topic word or idea of its "
        "goal, actions, touchpoints, pain points, opportunities or activities) or its journey "
        "moment (Instagram followers beside a repair service plan), asked as a question",
    ),
    Rule(
        "pain-to-kpi",
        ("praise",),
        "every pain point answered by an opportunity, every opportunity measured",
    ),
)

_WHY_OPPORTUNITY = (
    "A pain point is worth writing down because it shows what to improve; "
    "the opportunity is that improvement."
)


def check(view: MapView) -> Iterator[Finding]:
    stages = view.stages
    with_pain = [s for s in stages if s.pain_points]
    with_ideas = [s for s in stages if s.opportunities]
    if with_pain and not with_ideas:
        first = with_pain[0]
        count = sum(len(s.pain_points) for s in with_pain)
        yield Finding(
            rule="pain-without-opportunity",
            level="improve",
            message=(
                f"The map lists {count} pain point{'s' if count > 1 else ''} but no "
                f"opportunities yet, starting with {quoted(first.pain_points[0])} in "
                f"{first.name}."
            ),
            why=_WHY_OPPORTUNITY,
            fix=(
                "For each pain point, write one idea that would remove it, in the opportunities "
                "lane of the same stage."
            ),
            stage=first.name,
            lane="opportunities",
        )
    unanswered_total = 0
    if with_ideas:
        idea_words = frozenset().union(*(key_words(o) for s in with_ideas for o in s.opportunities))
        for stage in with_pain:
            if len(stage.opportunities) >= len(stage.pain_points) or any(
                takes_on(o, p) for o in stage.opportunities for p in stage.pain_points
            ):
                continue
            open_pains = [p for p in stage.pain_points if not key_words(p) & idea_words]
            if not open_pains:
                continue
            unanswered_total += len(open_pains)
            yield Finding(
                rule="pain-without-opportunity",
                level="improve",
                message=(
                    f"{stage.name}: no opportunity on the map seems to answer "
                    f"{quoted_list(open_pains)}."
                ),
                why=_WHY_OPPORTUNITY,
                fix=(
                    f"Add an opportunity to {stage.name} that would take "
                    f"{'this' if len(open_pains) == 1 else 'each'} pain away."
                ),
                stage=stage.name,
                lane="opportunities",
            )
    unmeasured = 0
    for stage in with_ideas:
        if stage.kpis:
            continue
        unmeasured += 1
        yield Finding(
            rule="opportunity-without-kpi",
            level="fix",
            message=(
                f"{stage.name}: {quoted_list(stage.opportunities, 1)} has no KPI to show "
                "whether it worked."
            ),
            why="An improvement you cannot measure cannot be told apart from a lucky month.",
            fix=(
                f"Add a KPI to {stage.name} that would move if the idea works: a rate, a count "
                "or a time."
            ),
            stage=stage.name,
            lane="kpis",
        )
    common = common_words(view) if with_ideas else frozenset()
    heads = _kpi_heads(view) if with_ideas else {}
    for stage in with_ideas:
        finding = _unrelated_kpis(view, stage, common, heads)
        if finding is not None:
            unmeasured += 1
            yield finding
    if with_pain and with_ideas and not unanswered_total and not unmeasured:
        yield Finding(
            rule="pain-to-kpi",
            level="praise",
            message="Every pain point has an opportunity, and every opportunity a KPI.",
            why=(
                "That loop, from a problem to an idea to a number, is what turns a map into a plan."
            ),
            fix="Pick the opportunity in the lowest stage of the curve and try it first.",
        )


#: A pain point that is the lack of a person: nobody tells, shows or greets the customer,
#: or everyone else already knows each other.
_NOBODY = re.compile(r"\b(nobody|no[- ]?one|no staff|each other)\b", re.IGNORECASE)

#: Ideas too wide to tie an opportunity to a pain point on their own: a person (any staff
#: member, any team) and a figure or report.
_LOOSE_IDEAS = frozenset({"who", "results"})


def takes_on(opportunity: str, pain: str) -> bool:
    """True when *opportunity* takes on *pain*: a key word (:func:`.words.key_words`) or
    an idea (:func:`.concepts.concepts`, not one of :data:`_LOOSE_IDEAS`) in common, so an
    idea in other words counts ("Drop the deposit for short stays" for "Two months charged
    up front", "Text a reminder" for "Forgets the appointment"); or, for a pain that nobody
    helps with (:data:`_NOBODY`), an idea that puts a person there (the *who* of
    :func:`.concepts.concepts`: a mentor, a host, named staff).

    Examples
    --------
    >>> takes_on("Offer evening survey slots", "Surveys only in working hours")
    True
    >>> takes_on("Print the fee on the quote", "Too expensive for a one-off job")
    True
    >>> takes_on("A mentor for each new starter's first month", "Nobody explains the rota")
    True
    >>> takes_on("Text a reminder the evening before", "Forgets the appointment")
    True
    >>> takes_on("Add a loyalty card", "The waiting room has no wifi")
    False
    """
    ideas = concepts(opportunity)
    return bool(
        key_words(opportunity) & key_words(pain)
        or ideas & concepts(pain) - _LOOSE_IDEAS
        or ("who" in ideas and _NOBODY.search(pain))
    )


#: What frames a KPI rather than naming what it counts: the kind of figure ("rate",
#: "average", "number of", "growth"), the unit it is divided by ("per visit") and the period ("each
#: week", "this season").
_FRAME = re.compile(
    r"\bper ((\d[\d,]*|hundred|thousand|million) )?\w+"
    r"|\b(each|every|this|a|one|the) (day|week|weekend|night|month|quarter|year|term|season)\b"
    r"|\b(rate|ratio|share|number|count|average|mean|total|percentage|proportion|growth|"
    r"uplift|increase)\b",
    re.IGNORECASE,
)


#: Words for attention (visits, views, subscribers, likes ...): "Visits to the blog" counts
#: the blog's audience, so the thing it counts is the blog, and a visit elsewhere in the stage
#: ("Home visit") is no tie. A KPI of attention on a channel of noticing ("YouTube
#: subscribers") belongs to noticing, whatever else its words name.
_ATTENTION = topic_words(
    "visit visits visitor visitors view views viewer viewers subscriber subscribers follower "
    "followers like likes click clicks impression impressions reach traffic hits pageviews"
)

#: A rate of opening ("Newsletter open rate", "Email opens", "Opens per send"): attention to
#: a message, as views are attention to a page; not a verb ("Hours the shop opens").
_OPENS = re.compile(r"\bopen rates?\b|\bopens( (of|per|from|by)\b|$)", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _attention(kpi: str) -> bool:
    """True when *kpi* counts attention (:data:`_ATTENTION`, :data:`_OPENS`): an audience,
    which the stage's opportunity moves only when its plan makes or changes what is
    looked at ("Views of the beginners' timetable" beside an idea to mark the timetable),
    not because the stage's customer happens to use that channel or its moment is noticing.
    """
    return bool(topic_words(counted(kpi)) & _ATTENTION or _OPENS.search(kpi))


#: The journey moment of noticing a business.
_NOTICING = frozenset({"notice"})


@lru_cache(maxsize=65536)
def _channel_audience(kpi: str) -> bool:
    """True when *kpi* counts attention to a whole channel of noticing ("Instagram follower
    growth", "TikTok views"): every word of what it counts, apart from the words of attention,
    names such a channel (:func:`.concepts.moments`). The business posts on its channels
    whatever the stage's idea is, so only a pain point or opportunity naming the channel ties
    the KPI to the stage: an explainer reel is counted by the reel's own views, not by the
    account's followers.
    """
    words = [w for w in counted(kpi).split() if topic_words(w) - _ATTENTION]
    return bool(words) and all(moments(w) == _NOTICING for w in words)


#: Money the business takes in or spends ("Average value of a garden build", "Fuel cost per
#: move", "Monthly takings"): its own figures, which an opportunity moves only through the
#: thing they are the money of.
_MONEY = topic_words("value cost costs revenue takings margin profit turnover income spend")

#: Where a KPI's thing counted ends and what qualifies it begins ("Callers | asking what it
#: costs", "Orders | with a card message"): a word of money after it is not what is counted.
_QUALIFIER = re.compile(
    r"\b(who|that|which|whose|when|where|asking|about|after|before|with|from)\b", re.IGNORECASE
)


@lru_cache(maxsize=65536)
def _lead(kpi: str) -> str:
    """What *kpi* counts before what qualifies it (:data:`_QUALIFIER`).

    Examples
    --------
    >>> _lead("Trial sign-ups from people who came to a session")
    'Trial sign-ups'
    """
    return _QUALIFIER.split(counted(kpi))[0].strip()


def _money(kpi: str) -> bool:
    """True when what *kpi* counts is the business's money (:data:`_MONEY`): "Average value
    of a garden build", not "Callers asking what it costs" (callers, asking about a price)."""
    return bool(topic_words(_lead(kpi)) & _MONEY)


#: Who a KPI is counted among and over what period ("minutes a *family* waits", "the
#: *annual* *resident* survey"): people and periods, not the thing counted, so sharing one
#: with the stage ("Ask every family for a review") ties no KPI to it. A person is the
#: thing counted only as a KPI's first word ("Members who renew").
_WHO_AND_WHEN = (
    topic_words(" ".join(CUSTOMER_ROLES) + " parent")
    - topic_words("enquiries inquiries trials trialists leads accounts admins attendees")
    - _ATTENTION
) | topic_words("annual yearly monthly weekly daily quarterly")


@lru_cache(maxsize=65536)
def counted(kpi: str) -> str:
    """What *kpi* counts: its words without the kind of figure, the unit and the period.

    Examples
    --------
    >>> counted("Average bill per visit")
    'bill'
    >>> counted("Number of classes run this term")
    'of classes run'
    """
    return " ".join(_FRAME.sub(" ", kpi).split())


class _Said:
    """What a stage says apart from its KPIs, needs and messages, read once per review and
    only as far as needed: the topic words and ideas of its pain points, opportunities and
    activities (``plan_words``, ``plan_ideas``) and of all of it with its goal, actions and
    touchpoints (``words``, ``ideas``)."""

    def __init__(self, stage: Stage) -> None:
        self.aim = [*stage.pain_points, *stage.opportunities]
        self.plan = [*self.aim, *stage.business_activities]
        self.rest = [t for t in (stage.goal, *stage.actions, *stage.touchpoints) if t]

    @cached_property
    def plan_words(self) -> frozenset[str]:
        return frozenset().union(*(topic_words(t) for t in self.plan))

    @cached_property
    def plan_ideas(self) -> frozenset[str]:
        return frozenset().union(*(concepts(t) for t in self.plan))

    @cached_property
    def aim_words(self) -> frozenset[str]:
        return frozenset().union(*(topic_words(t) for t in self.aim))

    @cached_property
    def aim_ideas(self) -> frozenset[str]:
        return frozenset().union(*(concepts(t) for t in self.aim))

    @cached_property
    def aim_moments(self) -> frozenset[str]:
        return frozenset().union(*(moments(t) for t in self.aim))

    @cached_property
    def words(self) -> frozenset[str]:
        return self.plan_words.union(*(topic_words(t) for t in self.rest))

    @cached_property
    def ideas(self) -> frozenset[str]:
        return self.plan_ideas.union(*(concepts(t) for t in self.rest))


#: Ideas that tie a KPI naming a journey moment to its stage: those a precise question
#: asks about (a price, a refund ...), not a time.
_CLEAR_IDEAS = PRECISE - {"time"}


#: Ideas so wide that sharing one with a stage's goal, actions or touchpoints ties no KPI
#: to it: a time or an hour, being open or booked, a "how", a call, a person, a report
#: ("Hours the office opens each week" shares "time" with any goal "this week"). Only the
#: stage's plan (pain points, opportunities, activities: what the opportunity changes) is
#: tied by them ("Minutes on hold" beside a pain point about the wait).
_WIDE_IDEAS = frozenset({"time", "availability", "howto", "contact", "who", "results"})


#: A KPI counting sales ("Accessories sold", "Course enrolments", "Group bookings paid
#: online") or the business's own output ("Early-morning slots offered", "Leaflets handed
#: out", "Videos uploaded"): one of the first kind in a stage after the purchase counts the
#: next sale, and in a stage before it counts the purchase stage's result; one of the second
#: counts effort, not what it changes. Either is tied only by its stage's pain points and
#: opportunities.
_SALES = topic_words(
    "sold sell sells sale sales bought paid payments enrolment enrolments enrollments order "
    "orders purchases revenue takings upsells upgrades"
)
_OUTPUT = re.compile(
    r"\b(offered|sent( out)?|published|run|held|issued|provided|made available|handed out|"
    r"put up|printed|uploaded|filmed|recorded|produced|created)\b",
    re.IGNORECASE,
)
#: The journey moments up to the purchase.
_BEFORE_USE = frozenset({"notice", "research", "contact", "commit", "buy"})
#: The journey moments of keeping a customer (using, coming back), and of a new one joining
#: (getting in touch, signing up): new enquiries or sign-ups in a stage of keeping count the
#: business's next customer, not what keeping this one changed.
_KEEPING = frozenset({"use", "repeat"})
_JOINING = frozenset({"contact", "commit"})


@lru_cache(maxsize=65536)
def _sale(kpi: str) -> bool:
    """True when what *kpi* counts is a sale: a word of selling (:data:`_SALES`) or of the
    moment of buying (:func:`.concepts.moments`: bookings, orders, deposits) before what
    qualifies it (:func:`_lead`), so "Calls asking about a booking" is no sale."""
    return bool(topic_words(counted(kpi)) & _SALES or BUY_MOMENT in moments(_lead(kpi)))


def _strict(kpi: str, off_purchase: bool) -> bool:
    """True when *kpi* counts sales (:func:`_sale`) in a stage *off_purchase* (before or after
    the map's purchase stage), or the business's output (:data:`_OUTPUT`): only its stage's
    pain points and opportunities tie it."""
    return bool(off_purchase and _sale(kpi)) or bool(_OUTPUT.search(kpi))


def _mentions(
    kpi: str, said: _Said, common: frozenset[str] = frozenset(), off_purchase: bool = False
) -> bool:
    """True when a stage that *said* what it says mentions what *kpi* counts: a topic word
    (not one of the map's *common* words) or an idea (:func:`.concepts.concepts`) in common.

    A wide idea (:data:`_WIDE_IDEAS`) ties a KPI by what it counts, not by the state it is
    counted in (:func:`_wide_ideas`): "Inhaler checks booked each month" shares being
    booked with a plan about a leaflet, but it counts inhaler checks.

    A KPI that names a journey moment ("Instagram likes", "Newsletter open rate") is read
    more strictly for ideas, since what it names already belongs to a part of the journey:
    only an idea a precise question asks about (:data:`.concepts.PRECISE`, a price, a
    refund ..., not a time) in the stage's pain points, opportunities and activities
    counts, so "Complaints about surprise charges" fits a pain point about the bill, while
    "open" alone does not tie a newsletter to booking a table, nor "fixed" in a goal a
    quote to recommending.
    """
    ideas = _ideas(kpi)
    if _strict(kpi, off_purchase):
        return bool(_things(kpi) - common & said.aim_words or ideas & said.aim_ideas - _WIDE_IDEAS)
    if _things(kpi) - common & said.words:
        return True
    if moments(kpi):
        return bool(ideas & said.plan_ideas & _CLEAR_IDEAS)
    return bool((ideas - _WIDE_IDEAS) & said.ideas or _wide_ideas(kpi) & said.plan_ideas)


def _narrow_tie(
    kpi: str, said: _Said, common: frozenset[str], covered: frozenset[str]
) -> bool | None:
    """Whether *kpi*, a KPI of attention (:func:`_attention`), of the business's money
    (:func:`_money`) or of new customers joining in a stage of keeping them (*covered*, the
    stage's journey moments, all :data:`_KEEPING`), is tied to a stage that *said* what it
    says; None for any other KPI.

    An audience is tied only by the stage's plan (pain points, opportunities, activities)
    naming what is looked at, and money only by its pain points and opportunities naming
    what it is the money of, by a word: a price in the plan does not make the business's
    fuel bill or order value the stage's count. New enquiries or sign-ups where customers
    use and come back, unless what they count (:func:`_lead`) is using or coming back
    ("Renewal enquiries"), are tied only by pain points or opportunities about getting in
    touch or signing up (:data:`_JOINING`): customers the KPI is counted among ("sign-ups
    from charities") or a session they came to are no sign. None of these is tied by the
    stage's moment, its goal, actions or touchpoints, or another stage's count of the same
    thing.
    """
    joining = _kpi_moments(kpi) & _JOINING
    if covered and covered <= _KEEPING and joining and not moments(_lead(kpi)) & covered:
        return bool(joining & said.aim_moments)
    if _attention(kpi):
        plan = said.aim_words if _channel_audience(kpi) else said.plan_words
        return bool(_things(kpi) - common & plan)
    if _money(kpi):
        return bool(_things(kpi) - common - _MONEY & said.aim_words)
    return None


@lru_cache(maxsize=65536)
def _head(kpi: str) -> str:
    """The first topic word of what *kpi* counts: the thing it counts ("Returns filed in one
    sitting" counts returns, "Visits to the blog" the blog), "" when it has none."""
    for word in counted(kpi).split():
        found = topic_words(word) - _ATTENTION
        if found:
            return next(iter(found))
    return ""


@lru_cache(maxsize=65536)
def _things(kpi: str) -> frozenset[str]:
    """The topic words of what *kpi* counts that can tie it to a stage: without words of
    attention (:data:`_ATTENTION`), and without people and periods (:data:`_WHO_AND_WHEN`)
    unless one is its first word."""
    head = _head(kpi)
    return frozenset(
        w for w in topic_words(counted(kpi)) - _ATTENTION if w == head or w not in _WHO_AND_WHEN
    )


@lru_cache(maxsize=65536)
def _ideas(kpi: str) -> frozenset[str]:
    """The ideas (:func:`.concepts.concepts`) of what *kpi* counts, read without the people
    and periods it is counted among (a "resident survey" asks nothing about eligibility)."""
    head = _head(kpi)
    kept = [
        w
        for w in counted(kpi).split()
        if not (topic_words(w) & _WHO_AND_WHEN and head not in topic_words(w))
    ]
    return concepts(" ".join(kept))


#: New business put down to a peer of the customer's ("Enquiries that mention another
#: council", "Bookings from a friend's code"): what recommending brings in.
_FROM_PEERS = re.compile(
    r"\b(mention(s|ing)?|from|via|through|by|named by|sent by)\s+(an?other|other|(a |their )?"
    r"(friends?|neighbours?|neighbors?|colleagues?|relatives?|peers?)\b|word of mouth)",
    re.IGNORECASE,
)


#: A past participle ("booked", "scheduled", "answered"): the state a KPI's thing is counted
#: in, not the thing.
_PARTICIPLE = re.compile(r"\b\w{2,}[^e\W]ed\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _wide_ideas(kpi: str) -> frozenset[str]:
    """The wide ideas (:data:`_WIDE_IDEAS`) of what *kpi* counts, without the state it is
    counted in (:data:`_PARTICIPLE`): "Inhaler checks booked each month" is booked, but
    counts no availability; "Calls that mention the site sign" are getting in touch."""
    return _ideas(_PARTICIPLE.sub(" ", kpi)) & _WIDE_IDEAS


@lru_cache(maxsize=65536)
def _kpi_moments(kpi: str) -> frozenset[str]:
    """The journey moments of *kpi* (:func:`.concepts.moments`): only noticing for attention
    on a channel of noticing ("YouTube subscribers"); recommending too for new business a
    peer brought (:data:`_FROM_PEERS`)."""
    found = moments(kpi)
    if "notice" in found and topic_words(kpi) & _ATTENTION:
        found = frozenset({"notice"})
    if _FROM_PEERS.search(kpi):
        found |= {"recommend"}
    return found


def _kpi_heads(view: MapView) -> dict[str, frozenset[str]]:
    """The things each stage's KPIs count (:func:`_head`), by stage name."""
    return {s.name: frozenset(filter(None, (_head(k) for k in s.kpis))) for s in view.stages}


def _funnel(kpi: str, stage: Stage, heads: dict[str, frozenset[str]]) -> bool:
    """True when *kpi* names no journey moment and counts the thing a KPI of another stage
    counts too (*heads*, from :func:`_kpi_heads`): the map follows one thing through its
    stages ("Returns started from the letter's link", then "Returns filed in one sitting"),
    and this is its step here. A word elsewhere in the KPI ("... at the counter") is not
    the thing it counts."""
    head = _head(kpi)
    if moments(kpi) or not head:
        return False
    return any(head in things for name, things in heads.items() if name != stage.name)


@once_per_view
def common_words(view: MapView) -> frozenset[str]:
    """Words in the goal, actions or touchpoints of more than half the map's stages (its
    main subject: "boiler" on a boiler service's map): sharing one is no sign that a KPI
    belongs to a stage. Read once per review: the messages rules ask for it too."""
    seen: dict[str, int] = {}
    for stage in view.stages:
        words = frozenset().union(
            *(topic_words(t) for t in (stage.goal, *stage.actions, *stage.touchpoints) if t)
        )
        for word in words:
            seen[word] = seen.get(word, 0) + 1
    return frozenset(w for w, n in seen.items() if n * 2 > len(view.stages))


#: Where what a KPI counts comes in: "App downloads from the locker's QR code", "Calls via
#: the number on the van".
_SOURCE = re.compile(r"\b(from|via|through)\s+(.+)", re.IGNORECASE)


def _through_touchpoint(kpi: str, stage: Stage) -> bool:
    """True when *kpi* counts what comes in through one of *stage*'s own touchpoints ("App
    downloads from the locker's QR code" beside the touchpoint "Locker in the lobby"): the
    stage's own count, even when the touchpoint is the map's main subject (:func:`common_words`),
    which ties no KPI by itself. Not a KPI that names a journey moment (a score of
    recommending "from the annual survey"), nor by the people and periods it is counted among
    (:data:`_WHO_AND_WHEN`)."""
    source = _SOURCE.search(kpi)
    if source is None or _kpi_moments(kpi):
        return False
    where = topic_words(source.group(2)) - _WHO_AND_WHEN
    return any(where & topic_words(t) for t in stage.touchpoints)


def _unrelated_kpis(
    view: MapView, stage: Stage, common: frozenset[str], heads: dict[str, frozenset[str]]
) -> Finding | None:
    """A finding when no KPI of *stage* counts anything its own stage mentions (*common*
    from :func:`common_words`, *heads* from :func:`_kpi_heads`)."""
    if not stage.kpis:
        return None
    covered = frozenset(view.moments.get(stage.name, ()))
    before = view.purchase_index is not None and any(
        s is stage for s in view.stages[: view.purchase_index]
    )
    off_purchase = before or (bool(covered) and not covered & _BEFORE_USE)
    said = _Said(stage)
    for kpi in stage.kpis:
        narrow = _narrow_tie(kpi, said, common, covered)
        if narrow is not None:
            if narrow:
                return None
            continue
        if (
            _kpi_moments(kpi) & covered
            or _mentions(kpi, said, common, off_purchase)
            or _funnel(kpi, stage, heads)
            or (not _strict(kpi, off_purchase) and _through_touchpoint(kpi, stage))
        ):
            return None
    mine = frozenset().union(*(_things(k) for k in stage.kpis))
    things = heads.get(stage.name, frozenset())
    ranked = []
    for s in view.stages:
        if s is stage:
            continue
        plan = _Said(s).plan_words
        if mine & plan:
            ranked.append((-len(things & plan), -len(mine & plan), s.name))
    elsewhere = [name for *_, name in sorted(ranked)]
    seems = (
        f"What it counts comes up in {elsewhere[0]} instead."
        if elsewhere
        else f"Nothing else in {stage.name} mentions what it counts."
    )
    return Finding(
        rule="kpi-measures-something-else",
        level="improve",
        message=(
            f"{stage.name}: would {quoted_list(stage.kpis, 1)} move if "
            f"{quoted(stage.opportunities[0])} works? {seems}"
        ),
        why=(
            "A KPI is there to show whether the stage's opportunity worked; one that counts "
            "something else cannot tell a good idea from a lucky month."
        ),
        fix=f"Pick a number in {stage.name} that the opportunity would change: a rate, a count "
        "or a time of what it improves.",
        stage=stage.name,
        lane="kpis",
    )
