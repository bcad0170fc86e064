"""Rules about content in the wrong stage, judged by the catalogue's journey moments.

Each stage of a framework covers some journey moments (``notice``, ``research``, ``buy``,
``use``, ``repeat``, ``recommend`` ...; see :mod:`journeykit.catalogue`), in order: the
moments before the purchase, the purchase, then the moments after it. Some items plainly
belong to one moment: the customer recommending the business, the customer paying or
committing to pay (signing the agreement, leaving a deposit, setting up a direct debit),
the customer using what was bought (moving in, collecting the keys, making a claim, a first
day or morning with it, a login set up), the customer coming back for more (rebooking,
reordering, next year's appointment), the business advertising to strangers. Found in a
stage that covers nothing near that moment (a referral in Awareness, a billboard in
Advocacy, paying in Discover, a claim or next year's recall before the purchase), the coach
asks whether the item is in the right stage: the learner may know something it does not.
What presupposes a purchase already made is out of place before any purchase stage, whoever
does it: the customer recommending, using or coming back, and the business asking its
customers for a review, a rating or a referral ("Ask customers to rate their order" in
Awareness), serving them (a welcome pack, a delivery, a claim handled) or reminding them to
come back, and a touchpoint only a customer meets (order tracking, an invoice, a loyalty
card). Paying is also questioned in a stage before the map's purchase stage where the
customer is still comparing the options ("Compares three schools", "Pays for ten lessons"):
the purchase comes after the choice.

A customer action is read clause by clause from its verb, so the moment is found in any
wording: terse ("orders album + pays by card"), in the first person ("I recommend the
lessons to my colleagues"), with a named subject ("Mark and I sign the contract"). Print
(leaflets, flyers, posters) is advertising in a telling stage only when the business puts
it out to strangers, not when it is a touchpoint customers hand on or is given to them.
Recommending an option to the people who decide with the customer (the committee, a
partner, "for approval") is part of deciding, not telling others, and is not questioned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..catalogue import FieldPath, FieldSpec, schema
from . import lexicon as lx
from .concepts import action_moment, is_advertising
from .context import MapView, Rule
from .findings import Finding
from .reading import tokens
from .words import quoted

RULES = (
    Rule(
        "item-in-wrong-stage",
        ("improve",),
        "an item of another journey moment than its stage covers (the customer recommending, "
        "paying, using what was bought or coming back for more, or the business asking "
        "customers for reviews or referrals or serving them, or a touchpoint met only after "
        "buying, before the purchase stages, or paying while still comparing before the "
        "purchase stage, advertising to strangers in a recommend or promote stage), asked as "
        "a question",
    ),
)

#: Moments before the purchase: a stage covering only these has not bought anything yet.
_BEFORE = frozenset({"notice", "research", "contact", "commit"})
#: Moments of telling others, where the customer (not an advert) carries the message.
_TELLING = frozenset({"recommend", "promote"})
#: Where an item of each kind belongs, in words a learner knows.
_BELONGS = {
    "recommend": "a stage where the customer tells others (Advocacy, Advocate)",
    "asking": "a stage after the purchase, where customers can tell others (Advocacy, Advocate)",
    "buy": "the stage of the purchase",
    "use": "a stage after the purchase, where the customer uses what they bought (Retention, "
    "Excite, Re-purchase)",
    "repeat": "a stage after the purchase, where the customer comes back (Retention, Ascend, "
    "Re-purchase)",
    "serving": "a stage after the purchase, where the customer uses what they bought "
    "(Retention, Excite, Re-purchase)",
    "met-after": "the stage of the purchase or a stage after it (Retention, Excite, Re-purchase)",
    "recalling": "a stage after the purchase, where the customer comes back (Retention, "
    "Ascend, Re-purchase)",
    "advertising": "the first stage, where people first notice the business",
}
#: The journey moment where an item of each kind happens, to name the map's own stage, and
#: what happens there.
_MOMENT_OF = {
    "recommend": ("recommend", "the customer tells others"),
    "asking": ("recommend", "customers who have bought can tell others"),
    "buy": ("buy", "the customer buys"),
    "use": ("use", "the customer uses what they bought"),
    "repeat": ("repeat", "the customer comes back"),
    "serving": ("use", "the customer uses what they bought"),
    "met-after": ("use", "the customer uses what they bought"),
    "recalling": ("repeat", "the customer comes back"),
    "advertising": ("notice", "people first notice the business"),
}


#: A customer action of still comparing the options: "Compares the prices of three
#: schools", "Reads reviews", "Shortlists two firms", "Gets three quotes".
_COMPARING = re.compile(
    r"^\s*(compares?|weighs? up|shortlists?|(reads?|checks?) (the |online )?(reviews|ratings)|"
    r"looks? (at|round|around) (other|several|a few|two|three|alternatives)|"
    r"(gets?|asks? for) (two|three|four|several|a few) (quotes|prices|offers))\b",
    re.IGNORECASE,
)


#: The business asking for a review, a rating or a referral: "Ask customers to rate their
#: order on Trustpilot", "Email buyers a review link", "Hand out referral cards".
_ASKING_FOR_WORD = re.compile(
    r"^\s*((ask|invite|email|text|remind|encourage|prompt|nudge|chase) "
    r"([\w'-]+ ){0,6}?(to )?(rate|review|recommend|refer|rating|reviews|ratings|referrals|"
    r"testimonials?|feedback)\b|"
    r"(request|collect|gather|chase|send( out)?) ([\w'-]+ ){0,2}?(reviews|ratings|referrals|"
    r"testimonials|review requests|review links?)\b|"
    r"(hand out|give( out)?|send|email|print) ([\w'-]+ ){0,3}?(referral|review) "
    r"(cards?|codes?|links?|requests?)\b)",
    re.IGNORECASE,
)
#: People who have not bought yet: asking them is no sign of a purchase made.
_NOT_YET = lx.word_set(
    "prospects prospect leads enquiries inquiries browsers visitors visitor followers follower "
    "people readers viewers audience audiences applicants applicant fans fan them"
)
#: Words that say the people asked have bought: "past clients", "their order".
_BOUGHT = lx.word_set(
    "past happy existing recent regular loyal previous every each their order orders purchase "
    "purchases stay visit booking repair delivery"
)


@lru_cache(maxsize=65536)
def asks_for_word(item: str) -> bool:
    """True when *item* is the business asking people who have bought for a review, a rating
    or a referral, which only someone who has bought can give (a referral card or a review
    link is for them too); asking the press or passers-by is not.

    Examples
    --------
    >>> asks_for_word("Ask customers to rate their order"), asks_for_word("Hand out referral cards")
    (True, True)
    >>> asks_for_word("Ask the local paper to review the new shop")
    False
    """
    found = next(filter(None, (_ASKING_FOR_WORD.search(c) for c in _clauses(item))), None)
    if found is None:
        return False
    if found.group(1).casefold().endswith(("cards", "card", "codes", "code", "links", "link")):
        return True
    words = set(tokens(item))
    return bool(words & (_BOUGHT | (lx.CUSTOMER_ROLES - _NOT_YET)))


#: Where a clause of an action starts: "Orders a reflector and pays by card" is two, and so
#: is "sets up student login + first homework plan".
_CLAUSES = re.compile(r"\s*(?:[,;+&]|\band then\b|\bthen\b|\band\b)\s*", re.IGNORECASE)
#: The subject a first-person or story-like action starts with, after a time or place that
#: may come first: "I recommend ...", "Mark and I interview ...", "At night I search ...",
#: "My wife pays ...".
_SUBJECT = re.compile(
    r"^(?:(?:then|so|now|first|next|finally|later|today|tonight|soon|afterwards|eventually|"
    r"(?:at|in|on|after|before|during|over|one|every|each|that|this|last|next) "
    r"[\w'’-]+(?: [\w'’-]+)?),? )?"
    r"(?:i|we|you|he|she|they|(?:my|our|his|her|their) [\w'’-]+(?: and (?:i|me))?)\s+",
    re.IGNORECASE,
)
#: A person named as the subject: "Sam pays ...", "Tom and Ana sign ..." (a verb that
#: starts the item, "Orders a ...", "Reads reviews", is no name).
_NAMED = re.compile(
    r"^(?:[A-Z][a-z'’-]*[a-rt-z] (?=[a-z'’-]+s\b)|"
    r"[A-Z][a-z'’-]+ and (?:I|[A-Z][a-z'’-]+) (?=[a-z]))"
)


def _clause_forms(action: str) -> Iterator[tuple[str, ...]]:
    """The clauses of *action*, each from its verb: without the subject a first-person
    wording puts before it ("I sign the form and pay the first part" gives "sign the form"
    and "pay the first part"). A capitalised first word may be a name or a verb ("Sam
    pays", "Ask buyers to ..."): such a clause comes in both forms.

    Examples
    --------
    >>> list(_clause_forms("At night I search on my phone"))
    [('search on my phone',)]
    >>> list(_clause_forms("Sam orders a reflector and pays by card"))
    [('Sam orders a reflector', 'orders a reflector'), ('pays by card',)]
    """
    for clause in _CLAUSES.split(action):
        clause = clause.strip()
        if found := _SUBJECT.match(clause):
            clause = clause[found.end() :]
        elif found := _NAMED.match(clause):
            yield (clause, clause[found.end() :])
            continue
        if clause:
            yield (clause,)


def _clauses(action: str) -> Iterator[str]:
    """Every form of every clause of *action* (see :func:`_clause_forms`).

    Examples
    --------
    >>> list(_clauses("Orders a reflector and pays by card"))
    ['Orders a reflector', 'pays by card']
    """
    for forms in _clause_forms(action):
        yield from forms


#: A clause of using what was bought, which only a customer can do: a first day, morning or
#: week with it ("shows Joanna the safe on her first morning"), the keys collected, moving
#: in, a claim made, the customer's own login or portal set up ("sets up student login"),
#: the course or treatment started, the goods unpacked.
_USING = re.compile(
    r"^(?:"
    r"(?:collects?|picks? up|gets?|receives?) (?:the|her|his|their|my|our) (?:new |front[- ]door )?"
    r"keys\b|"
    r"moves? (?:in|into)\b|"
    r"(?:makes?|files?|submits?|lodges?|puts? in|raises?) "
    r"(?:a |an |the |her |his |their |my |our )?"
    r"(?:[\w-]+ )?claim\b|claims? (?:on|against|for) (?:the|her|his|their|my|our) "
    r"(?:[\w-]+ )?(?:insurance|policy|cover|warranty|guarantee)\b|"
    r"(?:sets? up|creates?|activates?) (?:a |an |the |her |his |their |my |our )?(?:new )?"
    r"(?:(?:student|resident|customer|member|patient|client|tenant|pupil|owner|parent|"
    r"policyholder|account[- ]holder)s?['’]? )?(?:[\w-]+ )?(?:login|log-in|portal)\b|"
    r"(?:starts?|begins?) (?:the|her|his|their|my|our) (?:first )?(?:[\w-]+ )?"
    r"(?:course|lessons|classes|treatment|tenancy|lease|policy|membership|placement|contract)\b|"
    r"(?:unpacks?|unboxes?) (?:the|her|his|their|my|our)\b|"
    # the order received: "Receives the first box", "Signs for the parcel"
    r"(?:receives?|collects?|picks? up|signs? for) (?:the|her|his|their|my|our) (?:first )?"
    r"(?:[\w-]+ )?(?:order|parcel|delivery|box|goods|purchase)\b|"
    # a first lesson, an induction or a kick-off of what was bought
    r"(?:has|attends?|goes? to|takes?|does|completes?) (?:the|her|his|their|my|our) "
    r"(?:[\w-]+ )?(?:induction|orientation|kick-?off|onboarding (?:session|call|meeting))\b|"
    r"(?:has|attends?|goes? to|takes?|does) (?:her|his|their|my|our) first (?:[\w-]+ )?"
    r"(?:lesson|session|class|treatment|shift|day|week)\b"
    r")|"
    # the customer's first day, morning, week or term with what was bought, anywhere, but
    # not a first day somewhere else ("on her first day at university")
    r"\b(?:on|for|in|during) (?:her|his|their|my|our|its) first "
    r"(?:day|morning|afternoon|evening|week|shift|night|term|month)\b"
    r"(?! (?:at|in|of|back|as|off|out|away|home)\b)|"
    r"\bfirst (?:homework|lesson plan|assignment|invoice|bill|statement)\b",
    re.IGNORECASE,
)
#: Verbs of noticing or finding out: what follows them is heard of, not done ("Hears about
#: the gym on her first day at work", "Reads how to make a claim").
_NOTICING = re.compile(
    r"^(hears?|sees?|notices?|spots?|reads?|learns?|finds? out|asks?|wonders?|worries|"
    r"looks?|searches?|googles?|watches?|checks?|compares?|considers?|thinks?|imagines?|"
    r"plans?|expects?|estimates?|calculates?|wants?|needs?|hopes?|dreads?)\b",
    re.IGNORECASE,
)
#: Words that make such a clause about a trial or a look before buying after all.
_TRYING = re.compile(r"\b(free|trial|taster|demo|sample|guest|viewing|test drive)\b", re.IGNORECASE)
#: A clause of coming back for more, which presupposes a first purchase: booking again,
#: reordering, rebooking, next year's or a recall appointment booked.
_REPEATING = re.compile(
    r"^(?:re-?books?|re-?orders?|re-?subscribes?|re-?enrol?ls?|re-?joins?|tops? up\b|"
    # the same thing kept for longer or made bigger: "Extends the lease", "Upgrades her plan"
    r"(?:extends?|upgrades?) (?:to |the |her |his |their |my |our )?(?:[\w-]+ ){0,2}?"
    r"(?:contract|membership|stay|subscription|lease|tenancy|plan|package|tier|policy|cover)\b|"
    r"(?:books?|orders?|pays? for|signs? up for|reserves?|schedules?|arranges?) "
    r"(?:[\w'’-]+ ){0,3}?(?:next (?:year|season|term|month|winter|summer|spring|autumn)['’]s|"
    r"recall|repeat|refill|top-up)\b)",
    re.IGNORECASE,
)

#: The next one of the same booked, or coming back: "Books the next groom while collecting
#: the dog", "Books again for the summer" (not the next free slot or a second viewing, which
#: are first looks).
_NEXT_ONE = re.compile(
    r"^(?:(?:re-?)?books? (?:the|her|his|their|my|our) next\b|"
    r"books? (?:again|another (?:year|term|season|course|block|round|series|stay))\b|"
    r"(?:orders?|buys?) (?:more|again|another|a second|a further)\b|"
    r"comes? back (?:for|to (?:buy|book|order))\b)",
    re.IGNORECASE,
)


def later_moment(action: str) -> str | None:
    """``"use"`` or ``"repeat"`` for a customer action that presupposes a purchase already made
    (using what was bought, coming back for more), read clause by clause, else None.

    Examples
    --------
    >>> later_moment("Collects the keys and sets up the resident portal")
    'use'
    >>> later_moment("Books next year's check-up from the reminder text")
    'repeat'
    >>> later_moment("Reads how to make a claim") is None
    True
    """
    for forms in _clause_forms(action):
        if any(_REPEATING.search(c) or (_NEXT_ONE.match(c) and not _LOOK.search(c)) for c in forms):
            return "repeat"
        if any(_NOTICING.match(c) or _TRYING.search(c) for c in forms):
            continue  # heard of or tried, not used
        if any(_USING.search(c) for c in forms):
            return "use"
    return None


#: Ordering something, which is buying it unless what is ordered is free or a first look:
#: "Orders a 130 mm reflector", not "Orders a free brochure".
_ORDERING = re.compile(
    r"^orders? (?!(?:a |an |the |some |her |his |their |my |our )?(?:free|sample|samples|"
    r"brochures?|catalogues?|catalogs?|swatch|swatches|info|information|callback|quote|trial|"
    r"taster|prospectus)\b)",
    re.IGNORECASE,
)


#: Booking or enrolling, which is buying a service unless what is booked is a first look
#: (a call, a tour, a demo, a free taster): "Books the venue for June", "Enrols on the course".
_LOOK = re.compile(
    r"\b(?:free|trial|taster|tasting|demo|tour|call|chat|viewing|visit|consultation|"
    r"fitting|test|meeting|quote|survey|callback|open (?:day|evening)|webinar|info|"
    r"information|assessment|newsletter|e-?mails?|updates|waitlist|waiting list|mailing list|"
    r"alerts|come round|look|available|slot|appointment|check-?up|consult\w*|discovery|"
    r"intro\w*|samples?|second (?:look|opinion)|brochures?|catalogues?|prospectus|talk|"
    r"seminar|workshop|event|fair|exhibition|library)\b",
    re.IGNORECASE,
)
_BOOKING = re.compile(
    r"^(?:books?|reserves?|enrol?ls?|registers? for|signs? up (?:for|to))\b", re.IGNORECASE
)


def _books(action: str) -> bool:
    """True when a clause of *action* books or enrols on the service itself, not a look at
    it ("Books the venue for June", not "Books a free taster lesson").

    Examples
    --------
    >>> _books("I book the photographer for the wedding"), _books("Books a call with sales")
    (True, False)
    """
    return any(_BOOKING.match(c) and not _LOOK.search(c) for c in _clauses(action))


#: Praising the business to others, which only someone who has used it can do: "Raves
#: about the bakery to her sister", "Tells his brother the garage was brilliant".
_PRAISING = re.compile(
    r"^(?:raves?|gushes?|swears? by|sings? (?:the |its |their |her |his )?praises|vouches? for|"
    r"speaks? highly|talks? up|nominates?|puts? in a good word)\b|"
    r"^(?:gives?|leaves?|awards?) (?:it |them |the [\w-]+ )?(?:five|four|5|4)[- ]stars?\b|"
    r"^(?:tells?|says? to|assures?) (?:[\w'’-]+ ){1,5}?(?:that )?(?:the|it|they|she|he|[A-Z]\w+) "
    r"(?:[\w'’-]+ ){0,4}?(?:is|was|are|were|did|does|do) (?:a |an |so |really |just )?"
    r"(?:great|brilliant|amazing|excellent|fantastic|the best|lovely|spot on|worth it|superb|"
    r"a great job|an amazing job|a brilliant job)\b",
    re.IGNORECASE,
)


#: Paying in other words than "pays": "Transfers the fee", "Taps her card", "Settles the bill".
_PAYING = re.compile(
    r"^(?:(?:transfers?|sends?|wires?) (?:the |a |an |her |his |their |my |our )?(?:[\w-]+ )?"
    r"(?:money|payment|fees?|balance|full amount|instalment|installment)\b|"
    r"(?:taps?|swipes?|hands? over) (?:her|his|their|my|our) (?:[\w-]+ )?card\b|"
    r"settles? (?:the|her|his|their|my|our) (?:[\w-]+ )?(?:bill|invoice|balance)\b)",
    re.IGNORECASE,
)


#: Showing off the result to others: "shares pics of the finished extension".
_SHOWING_OFF = re.compile(
    r"^(?:shares?|posts?|sends?|shows?) (?:[\w'’-]+ ){0,2}?(?:photos?|pictures?|pics|videos?) "
    r"of (?:her|his|their|my|our|the) (?:finished|new|completed)\b",
    re.IGNORECASE,
)
#: Recommending to the people who decide with the customer, which is part of deciding, not
#: telling others: "Recommends the firm to the committee", "... for approval".
_TO_DECIDERS = re.compile(
    r"\bto (?:the|her|his|their|my|our) (?:[\w-]+ )?(?:board|committee|panel|trustees|"
    r"governors|council|manager|boss|director|head|cfo|ceo|partner|husband|wife|family|"
    r"procurement|budget holder|line manager)\b|\bfor (?:approval|sign-off|sign off)\b|"
    r"\bshortlist",
    re.IGNORECASE,
)


def _early_action(action: str) -> str | None:
    """``"recommend"`` or ``"buy"`` for a customer action with a clause that plainly is one,
    however it is worded: in the first person ("I recommend the lessons to my colleagues"),
    with a named subject, or in a later clause ("Orders a reflector and pays by card").

    Examples
    --------
    >>> _early_action("I sign the consent form and pay the first monthly part")
    'buy'
    >>> _early_action("I ask our dentist why her teeth are crowding") is None
    True
    """
    for clause in _clauses(action):
        kind = action_moment(clause) or (
            "buy"
            if (_ORDERING.match(clause) and not _LOOK.search(clause)) or _PAYING.match(clause)
            else None
        )
        if kind is None and (_PRAISING.search(clause) or _SHOWING_OFF.match(clause)):
            kind = "recommend"
        if kind == "recommend" and _TO_DECIDERS.search(clause):
            kind = None  # part of deciding with others, not telling them
        if kind:
            return kind
    return None


#: Print the business makes (leaflets, flyers, posters): advertising when the business puts
#: it out itself, but also what customers are given to pass on in a telling stage.
_PRINT = re.compile(r"\b(leaflets?|flyers?|posters?)\b", re.IGNORECASE)
#: The business handing something to someone: "Give every author a pack of leaflets".
_HANDING = re.compile(
    r"^\s*(give|send|hand|supply|provide|post|offer|mail|email)s? (out |over )?"
    r"((every|each|all|our|the|new|happy|loyal) )*([\w'’-]+)\b",
    re.IGNORECASE,
)
#: Whom a business sends print to when it advertises: strangers and their homes.
_STRANGERS = _NOT_YET | lx.word_set(
    "households householders homeowners residents house houses home homes door doors address "
    "addresses street streets letterbox letterboxes postcode postcodes estate estates"
)


def _handed_to_customers(item: str) -> bool:
    """True when *item* hands something to a person who is not a stranger: a customer, an
    author, a member (``"Give every author a pack of leaflets"``).

    Examples
    --------
    >>> _handed_to_customers("Give every author a pack of leaflets")
    True
    >>> _handed_to_customers("Send leaflets to every house in the postcode")
    False
    """
    found = _HANDING.match(item)
    if found is None:
        return False
    whom = found.group(5).casefold()
    if whom in _STRANGERS:
        return False
    return whom in lx.CUSTOMER_ROLES or whom.endswith(
        ("er", "or", "ist", "ian", "ee", "ent", "ant", *lx.PEOPLE_ENDINGS)
    )


#: The business going after people who do not know it yet: "Cold-email new prospects",
#: "Target new audiences on TikTok", "Stand at the county trade fair".
_NEW_PEOPLE = re.compile(
    r"\b(?:new|potential|prospective) (?:customers|clients|audiences?|buyers|leads|patients|"
    r"members|students|families|markets?|donors)\b|\bprospects\b|"
    r"\bcold[- ]?(?:e-?mails?|e-?mailing|calls?|calling|outreach|mail\w*)\b|"
    r"\btrade (?:fairs?|shows?)\b",
    re.IGNORECASE,
)
#: ... unless customers bring them: "Reward members who bring new members".
_THROUGH_CUSTOMERS = re.compile(
    r"\b(?:brings?|bringing|invites?|introduces?|existing|current|loyal|referr\w*|refers?|"
    r"friends?|reviews?|shares?|sharing|word of mouth)\b|"
    r"\b(?:customers|clients|members|users|guests)['’]",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def _advertises(lane: str, item: str) -> bool:
    """True when *item* of lane *lane* is the business advertising to strangers. Paid media
    always are (adverts, billboards, sponsored posts, door drops); print alone is not when it
    is a touchpoint (in a telling stage, the leaflet the customer hands on) or handed to
    customers to pass on. The business going after new prospects itself (cold emails, a
    trade fair) is advertising too, unless customers bring them.

    Examples
    --------
    >>> _advertises("touchpoints", "Billboard on the ring road")
    True
    >>> _advertises("touchpoints", "Beginner guide leaflets")
    False
    >>> _advertises("business_activities", "Put posters up at the station")
    True
    """
    if not is_advertising(item):
        return bool(
            lane != "touchpoints"
            and _NEW_PEOPLE.search(item)
            and not _THROUGH_CUSTOMERS.search(item)
        )
    if is_advertising(_PRINT.sub(" ", item)):
        return True  # paid media, with or without print
    return lane != "touchpoints" and not _handed_to_customers(item)


@lru_cache(maxsize=65536)
def _misplaced(
    moments: frozenset[str], lane: str, item: str, comparing: bool = False
) -> str | None:
    """The kind of item *item* of lane *lane* is when it is out of place in a stage covering
    *moments*: what the customer does (the customer actions) can be a purchase, a
    recommendation, or using or coming back for what was bought, each of which only happens
    after choosing; what the business does or where it speaks can be advertising.
    *comparing* says the stage comes before the map's purchase stage and the customer is
    still comparing in it: paying there is paying before choosing, even in a stage where
    a deposit or a first contact may be paid for.

    Examples
    --------
    >>> _misplaced(frozenset({"research", "contact"}), "actions", "Pays for ten lessons")
    >>> _misplaced(frozenset({"research", "contact"}), "actions", "Pays for ten lessons", True)
    'buy'
    >>> _misplaced(frozenset({"notice"}), "business_activities", "Ask buyers to rate us")
    'asking'
    >>> _misplaced(frozenset({"contact"}), "actions", "I show her the safe on her first day")
    'use'
    """
    if not moments:
        return None
    if lane == "actions" and moments <= _BEFORE:
        kind, later, books = _read_action(item)
        if kind == "recommend" or (
            kind == "buy" and (comparing or not moments & {"commit", "contact"})
        ):
            return kind
        if later:
            return later
        if not moments & {"commit", "contact"} and books:
            return "buy"  # booking the service where nobody has even been in touch yet
    if lane != "actions" and moments <= _BEFORE and asks_for_word(item):
        return "asking"
    if lane == "business_activities" and moments <= _BEFORE:
        served = serving_moment(item)
        if served:
            return "serving" if served == "use" else "recalling"
    if lane == "touchpoints" and moments <= _BEFORE and _AFTER_TOUCHPOINT.search(item):
        return "met-after"
    telling = lane != "actions" and moments <= _TELLING  # where the business speaks
    if telling and _advertises(lane, item):
        return "advertising"
    return None


#: The business serving a customer who has already bought: welcoming or onboarding them,
#: delivering or fitting what they bought, handling their claims, reminding them to come
#: back ("Send the welcome pack", "Process claims within a week", "Remind patients to book
#: their next check-up").
_SERVING = re.compile(
    r"^(?:"
    r"(?:send|post|email|give|hand over|print) (?:out )?(?:the |a |an |each |every |new )?"
    r"(?:[\w-]+ )?(?:welcome (?:pack|email|kit|box|letter|call)s?|login details|"
    r"first invoices?|renewal (?:reminders?|notices?|letters?|quotes?|invitations?))\b|"
    r"(?:onboard|induct)s? (?:the |each |every |new |our )?\w+|"
    r"(?:run|hold|book) (?:the |an? |each |every )?(?:[\w-]+ )?(?:induction|onboarding|"
    r"kick-?off)s?\b|"
    r"(?:deliver|dispatch|ship|install|fit)s? (?:the|their|each|every|all) (?:[\w-]+ )?"
    r"(?:orders?|goods|purchases?|new [\w-]+)\b|"
    r"(?:process|handle|settle|pay out|pay)s? (?:the |their |every |each |all )?"
    r"(?:[\w-]+ )?claims?\b|"
    r"reminds? (?:[\w'’-]+ ){1,3}?(?:to )?(?:rebook|renew|reorder|book (?:their|the|a) next|"
    r"come back)\b"
    r")",
    re.IGNORECASE,
)


#: Touchpoints a customer meets only after buying: "Order tracking page", "Welcome pack",
#: "Invoice", "Loyalty card", "Claims line", "Instruction manual" (not a delivery van or
#: driver, which anyone can see in the street).
_AFTER_TOUCHPOINT = re.compile(
    r"\b(?:order (?:tracking|confirmation|status)|(?:delivery|parcel) (?:tracking|slot|note)|"
    r"tracking (?:page|link|email|text)|invoices?|receipts?|welcome (?:pack|box|kit|"
    r"bag|letter|call)|loyalty (?:card|app|scheme|programme|program|points)|claims? (?:form|line|"
    r"portal|handler|team)|(?:user|instruction|owner['’]?s?) (?:manual|guide)|warranty card|"
    r"aftercare|renewal reminder)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def serving_moment(item: str) -> str | None:
    """``"use"`` or ``"repeat"`` for a business activity that serves a customer who has
    already bought (reminding them to come back is ``"repeat"``), else None.

    Examples
    --------
    >>> serving_moment("Send the welcome pack and login details")
    'use'
    >>> serving_moment("Remind patients to book their next check-up")
    'repeat'
    >>> serving_moment("Send a free pricing guide to everyone who signs up") is None
    True
    """
    for clause in _clauses(item):
        found = _SERVING.match(clause)
        if found and not _TRYING.search(clause):
            return "repeat" if found.group(0).casefold().startswith("remind") else "use"
    return None


@lru_cache(maxsize=65536)
def _compares(action: str) -> bool:
    """True when a clause of *action* is still comparing the options, in any wording ("We
    compare three nurseries", "I read the reviews of two firms")."""
    return any(_COMPARING.match(clause) for clause in _clauses(action))


@lru_cache(maxsize=65536)
def _read_action(action: str) -> tuple[str | None, str | None, bool]:
    """What a customer action presupposes, read once per text (the roll-up reviews many
    maps): its early moment (recommending, buying), its moment after the purchase (using,
    coming back), and whether it books the service itself."""
    return _early_action(action), later_moment(action), _books(action)


def _moment_lanes() -> tuple[FieldSpec, ...]:
    """The list lanes whose items the catalogue describes stage by stage (actions,
    touchpoints, business activities, emotion words), from the schema: the lanes where an
    item belongs to a journey moment."""
    return tuple(spec for spec in schema().lanes if spec.kind == "list" and spec.framework_field)


def _belongs(view: MapView, kind: str) -> str:
    """Where an item of *kind* belongs: the map's own stage that covers its journey moment
    when the catalogue knows one ("Retention, where ..."), else the general words."""
    moment, happens = _MOMENT_OF[kind]
    stage = next((name for name, covers in view.moments.items() if moment in covers), None)
    return _BELONGS[kind] if stage is None else f"{stage}, where {happens}"


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
    lanes = _moment_lanes()
    purchase = view.purchase_index
    for index, stage in enumerate(view.stages):
        if stage.is_blank():
            continue
        moments = frozenset(view.moments.get(stage.name, ()))
        comparing = (
            purchase is not None and index < purchase and any(_compares(a) for a in stage.actions)
        )
        found = next(
            (
                (spec, item, kind)
                for spec in lanes
                for item in getattr(stage, spec.name)
                if (kind := _misplaced(moments, spec.key, item, comparing))
            ),
            None,
        )
        if found is None:
            continue
        spec, item, kind = found
        what = {
            "recommend": f"{who} recommending the business",
            "buy": f"{who} buying",
            "advertising": "advertising to people who do not know the business yet",
            "asking": "asking customers for a review or a referral, which only someone who "
            "has already bought can give",
            "use": f"{who} already using what they bought, which happens after the purchase",
            "repeat": f"{who} coming back for more, which needs a first purchase",
            "serving": "the business serving a customer who has already bought (welcoming, "
            "delivering, handling a claim)",
            "recalling": "the business bringing back a customer who has already bought",
            "met-after": f"where {who} meets the business only after buying",
        }[kind]
        belongs = _belongs(view, kind)
        yield Finding(
            rule="item-in-wrong-stage",
            level="improve",
            message=f"{stage.name}: {quoted(item)} is {what}. Does it happen in {stage.name}?",
            why=(
                f"Each stage covers its own moments of the journey; this item belongs in "
                f"{belongs}, and in the wrong stage it hides what really happens here."
            ),
            fix=f"Move {quoted(item)} to {belongs}, and write what happens in "
            f"{stage.name} instead.",
            field=FieldPath(stage.name, spec.key),
        )
