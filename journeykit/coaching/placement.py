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
lessons to my colleagues"), with a named subject ("Mark and I sign the contract"), or as
the noun phrase of notes and jargon, read from the verb its last noun is made from ("£200
livery deposit payment" is paying, "Gym referral to two colleagues" is referring). A
review or a referral in the stage of the purchase itself comes before anything bought was
used ("Writes a 5-star review" as the lease is signed), and is asked about too. Print
(leaflets, flyers, posters) is advertising in a telling stage only when the business puts
it out to strangers, not when it is a touchpoint customers hand on or is given to them.
Recommending an option to the people who decide with the customer (the committee, a
partner, "for approval") is part of deciding, not telling others, and is not questioned.

The map's own structure says more than any word list. The persona's name, as the subject
of an action, is read as one ("Ines recommends ..."), whatever it ends in. An action before
the purchase stage is asked about when it does what the map itself has the customer do
after the purchase, the same verb on the same thing ("varnishes the boat" in Discover and
again in Re-purchase), or begins using what the map's purchase stage buys ("starts taking
her tablets from the new packs" before the purchase stage collects the first pack); the
same call or visit to the business before and after is no sign. The same verb on what
the purchase stage buys, in the setting the map has it used in after buying, is an echo
too ("tests the new screen on the delivery app" before the screen is chosen), and so is
paying before the purchase stage for what the map has the customer come back for ("pays
for the weekly plan" at Subscribe, when the weekly plan is the step up of Ascend), and
the person the purchase stage books doing the trade the map names before the booking
("Marek interprets the appointment" before "You book Marek", in a map that looks for an
interpreter). An object's head comes after its count ("sends two mates the link" is about
the mates, as "sends her mates the link" is). A welcome email where people sign up
(Subscribe) welcomes them, not a customer. The messages, where the business speaks to the
customer, are read as the customer actions they urge: asking for a review or a referral
before any purchase stage ("Happy with your van? Leave us a review"), and selling with no
one else to bring in a telling stage ("Buy a new strap today").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..catalogue import FieldPath, FieldSpec, schema
from . import lexicon as lx
from .concepts import action_moment, is_advertising
from .context import MapView, Rule
from .findings import Finding
from .reading import lemmas, tokens
from .words import STOPWORDS, key_words, quoted, stem

RULES = (
    Rule(
        "item-in-wrong-stage",
        ("improve",),
        "an item of another journey moment than its stage covers (the customer recommending, "
        "paying, using what was bought or coming back for more, or the business asking "
        "customers for reviews or referrals or serving them, or a touchpoint met only after "
        "buying, before the purchase stages, or paying while still comparing before the "
        "purchase stage, advertising to strangers in a recommend or promote stage; an action "
        "before the purchase that the map itself has after it, or that begins using what its "
        "purchase stage buys, or pays for what the map has the customer come back for, or "
        "has the person the purchase stage books already at work; a "
        "review or a referral in the purchase stage; a message asking for reviews before the "
        "purchase or selling in a telling stage), asked as a question",
    ),
)

#: Moments before the purchase: a stage covering only these has not bought anything yet.
_BEFORE = frozenset({"notice", "research", "contact", "commit"})
#: Moments of telling others, where the customer (not an advert) carries the message.
_TELLING = frozenset({"recommend", "promote"})
#: The purchase alone: the customer has bought but not used it yet, so has nothing to
#: recommend from.
_BUYING_ONLY = frozenset({"buy"})
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
    "selling": "the stage of the purchase, or a stage where the customer comes back (Retention, "
    "Ascend, Re-purchase)",
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
    "selling": ("repeat", "the customer comes back for more"),
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


#: Where the noun phrase a nominal clause is made of ends: "£200 livery deposit payment",
#: "Shieldline recommendation | to other managers".
_PHRASE_END = re.compile(
    r"\s+(?:to|for|from|with|in|into|on|at|of|by|via|after|before|through|about)\s+",
    re.IGNORECASE,
)
#: A noun made from a verb, and the endings that give the verb back: "payment" (pay),
#: "recommendation" (recommend), "reservation" (reserve), "renewal" (renew), "referral"
#: (refer), "rebooking" (rebook), "sign-up" (sign up).
_NOMINAL_ENDINGS = (
    ("ation", ("", "e")),
    ("ment", ("",)),
    ("al", ("", "e")),
    ("ing", ("", "e")),
    ("-up", (" up",)),
)
#: Words before a clause's last noun that show it starts with a verb, not a noun phrase:
#: an article or a possessive ("Books the fitting", "Confirms her booking").
_NOT_NOUN_PHRASE = lx.DETERMINERS | lx.word_set(
    "my your his her its our their i we you he she they me him us them"
)


#: A first word in the third person, which starts a clause from its verb: "interprets
#: grandad's echo appointment" (not "Access guide download", nor a possessive).
_THIRD_PERSON = re.compile(r"[a-z]+[^s's]s", re.IGNORECASE)


def _verbs_of(noun: str) -> tuple[str, ...]:
    """The verbs *noun* may be made from, by its ending, or none when it is no such noun.

    Examples
    --------
    >>> _verbs_of("recommendation"), _verbs_of("referral"), _verbs_of("sign-up")
    (('recommend', 'recommende'), ('referr', 'referre', 'refer'), ('sign up',))
    >>> _verbs_of("dinghy")
    ()
    """
    noun = noun.casefold()
    for ending, replacements in _NOMINAL_ENDINGS:
        stem = noun[: -len(ending)]
        if noun.endswith(ending) and len(stem) >= 3:
            verbs = [stem + replacement for replacement in replacements]
            if stem[-1] == stem[-2]:
                verbs.append(stem[:-1])  # referral -> refer, shipping -> ship
            return tuple(verbs)
    return ()


@lru_cache(maxsize=65536)
def _verbal_forms(clause: str) -> tuple[str, ...]:
    """A clause in the noun-phrase voice of notes and jargon ("£200 livery deposit payment",
    "Shieldline recommendation to other managers") said again from its verb ("pay £200
    livery deposit", "recommend Shieldline to other managers"), so that it reads as the
    same action does in any other voice; one form per verb its last noun may come from.
    A clause with an article or a possessive before that noun ("Books the fitting")
    starts with a verb already, and gives none.

    Examples
    --------
    >>> _verbal_forms("£200 livery deposit payment")
    ('pay £200 livery deposit',)
    >>> _verbal_forms("Books the fitting for Sunday"), _verbal_forms("interprets his booking")
    ((), ())
    """
    phrase, *rest = _PHRASE_END.split(clause, maxsplit=1)
    words = phrase.split()
    if (
        (len(words) < 2 and not rest)
        or {w.casefold() for w in words[:-1]} & _NOT_NOUN_PHRASE
        or (len(words) > 1 and _THIRD_PERSON.fullmatch(words[0]))
    ):
        return ()  # a lone noun says too little; an article or a verb in -s starts it
    tail = clause[len(phrase) :]
    return tuple(" ".join([verb, *words[:-1]]) + tail for verb in _verbs_of(words[-1]))


def _subject_forms(action: str) -> Iterator[tuple[str, ...]]:
    """The clauses of *action*, each from its verb: without the subject a first-person
    wording puts before it ("I sign the form and pay the first part" gives "sign the form"
    and "pay the first part"). A capitalised first word may be a name or a verb ("Sam
    pays", "Ask buyers to ..."): such a clause comes in both forms, the one from the verb
    last.

    Examples
    --------
    >>> list(_subject_forms("At night I search on my phone"))
    [('search on my phone',)]
    >>> list(_subject_forms("Sam orders a reflector and pays by card"))
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


def _clause_forms(action: str) -> Iterator[tuple[str, ...]]:
    """The clauses of *action* in every form they may be read in: from the verb, without
    a subject (see :func:`_subject_forms`), and a noun phrase said from its verb (see
    :func:`_verbal_forms`).

    Examples
    --------
    >>> list(_clause_forms("Google search and £200 livery deposit payment"))
    [('Google search',), ('£200 livery deposit payment', 'pay £200 livery deposit')]
    """
    for forms in _subject_forms(action):
        yield (*forms, *_verbal_forms(forms[-1]))


def _clauses(action: str) -> Iterator[str]:
    """Every form of every clause of *action* (see :func:`_clause_forms`).

    Examples
    --------
    >>> list(_clauses("Orders a reflector and pays by card"))
    ['Orders a reflector', 'pays by card']
    """
    for forms in _clause_forms(action):
        yield from forms


#: The customer named by the role they have once they have bought: "student", "member".
_CUSTOMER_ROLE = (
    r"(?:student|resident|customer|member|patient|client|tenant|pupil|owner|parent|"
    r"policyholder|account[- ]holder)s?['’]?"
)
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
    rf"(?:{_CUSTOMER_ROLE} )?(?:[\w-]+ )?(?:login|log-in|portal)\b|"
    # an account in the customer's role: "sets up his student account" (not any account,
    # which a shop may ask for to save a quote)
    r"(?:sets? up|creates?|activates?|opens?) (?:a |an |the |her |his |their |my |our )?"
    rf"(?:new )?{_CUSTOMER_ROLE} account\b|"
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


@lru_cache(maxsize=65536)
def _clause_moment(clause: str) -> str | None:
    """``"recommend"`` or ``"buy"`` for one clause of a customer action, read from its verb
    ("Orders a reflector", "Raves about the bakery"), else None; recommending to the people
    who decide with the customer is part of deciding and is None."""
    kind = action_moment(clause) or (
        "buy"
        if (_ORDERING.match(clause) and not _LOOK.search(clause)) or _PAYING.match(clause)
        else None
    )
    if kind is None and (_PRAISING.search(clause) or _SHOWING_OFF.match(clause)):
        kind = "recommend"
    if kind == "recommend" and _TO_DECIDERS.search(clause):
        return None  # part of deciding with others, not telling them
    return kind


@lru_cache(maxsize=65536)
def _plainly_recommends(action: str) -> bool:
    """True when a clause of *action* plainly recommends the business to others, in the
    concepts' own words (a review written, a referral passed on, friends told), not only
    praises or names it: "Nominates the pharmacy for his prescriptions" at the purchase is
    choosing it.

    Examples
    --------
    >>> _plainly_recommends("Pays and writes a 5-star review"), _plainly_recommends(
    ...     "Nominates the pharmacy for her prescriptions"
    ... )
    (True, False)
    """
    return any(
        action_moment(clause) == "recommend" and not _TO_DECIDERS.search(clause)
        for clause in _clauses(action)
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
    return next(filter(None, map(_clause_moment, _clauses(action))), None)


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
    >>> _misplaced(frozenset({"buy"}), "actions", "Leaves a five-star review as she pays")
    'recommend'
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
    if lane == "actions" and moments == _BUYING_ONLY and _plainly_recommends(item):
        return "recommend"  # a review or a referral before anything bought was used
    if lane != "actions" and moments <= _BEFORE and asks_for_word(item):
        return "asking"
    if lane == "business_activities" and moments <= _BEFORE:
        served = serving_moment(item)
        if served and not ("commit" in moments and _WELCOME_MESSAGE.search(item)):
            return "serving" if served == "use" else "recalling"
    if lane == "touchpoints" and moments <= _BEFORE and _AFTER_TOUCHPOINT.search(item):
        return "met-after"
    telling = lane != "actions" and moments <= _TELLING  # where the business speaks
    if telling and _advertises(lane, item):
        return "advertising"
    return None


#: A welcome sent, not handed over: in a stage where people sign up or commit (Subscribe),
#: it welcomes someone who has signed up, not a customer who has bought ("Send welcome
#: email with voucher"); a welcome pack or kit is still for a customer.
_WELCOME_MESSAGE = re.compile(
    r"\bwelcome (?:e-?mails?|letters?|calls?|texts?|messages?|sms)\b", re.IGNORECASE
)
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


#: Where the sentences of a message part: "Happy with your van? Leave us a review".
_SENTENCES = re.compile(r"\s*[.?!:;]\s+|\s+[—–-]\s+|\s*[?!:;]\s*")


#: A message's words for the business and for its reader, as a customer action says them:
#: "Rate us and tell your friends" reads as "Rate the business and tell their friends".
_MESSAGE_VOICE = {"us": "the business", "our": "the business's", "your": "their", "you": "they"}
_MESSAGE_PERSON = re.compile(r"\b(?:us|our|your|you)\b", re.IGNORECASE)


def _as_action(sentence: str) -> str:
    """*sentence* of a message in the words of a customer action (see ``_MESSAGE_VOICE``).

    Examples
    --------
    >>> print(_as_action("Leave us a review of your stay"))
    Leave the business a review of their stay
    """
    return _MESSAGE_PERSON.sub(lambda found: _MESSAGE_VOICE[found.group(0).casefold()], sentence)


@lru_cache(maxsize=65536)
def urged_moments(message: str) -> frozenset[str]:
    """The journey moments (``"recommend"``, ``"buy"``) a message urges its reader to, each
    sentence read as a customer action in the imperative: "Happy with your van? Leave us a
    review" urges recommending, "Buy a new strap today: 20% off" buying. Only someone who
    has bought can answer the first, and the second is selling, not telling others.

    Examples
    --------
    >>> sorted(urged_moments("Loved your stay? Rate us and tell your friends"))
    ['recommend']
    >>> sorted(urged_moments("Order the winter tyres today and save 15%"))
    ['buy']
    >>> urged_moments("Most learners need about forty hours")
    frozenset()
    """
    return frozenset(
        kind
        for sentence in _SENTENCES.split(message)
        for clause in _clauses(_as_action(sentence))
        if (kind := _clause_moment(clause))
    )


#: Words of the other people a customer brings along, which make an offer in a telling
#: stage one for them: "Order for your whole circle together: one box and a group price".
_FOR_OTHERS = re.compile(
    r"\b(?:others?|everyone|everybody|together|group|whole|team|circle|club|crew|colleagues?|"
    r"neighbou?rs?|family|families)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def _misplaced_message(moments: frozenset[str], message: str) -> str | None:
    """The kind of message *message* is when it is out of place in a stage covering
    *moments*: asking for a review or a referral before any purchase stage, or selling (and
    nothing to pass on, no one else to bring) in a stage where the customer tells others.

    Examples
    --------
    >>> _misplaced_message(frozenset({"notice"}), "Enjoyed it? Leave us a review")
    'asking'
    >>> _misplaced_message(frozenset({"recommend"}), "Buy a second lamp at half price")
    'selling'
    >>> _misplaced_message(frozenset({"recommend"}), "Refer a friend and buy yours at 10% off")
    """
    urged = urged_moments(message)
    if moments <= _BEFORE and "recommend" in urged:
        return "asking"
    if (
        moments <= _TELLING
        and urged == {"buy"}
        and not _THROUGH_CUSTOMERS.search(message)
        and not _FOR_OTHERS.search(message)
    ):
        return "selling"
    return None


def _without_persona(action: str, first_name: str) -> str:
    """*action* without the persona's own name as its subject: the map names its customer,
    so "Ines recommends the agency" reads as "recommends the agency" even where the name
    looks like a verb to the clause reader (it ends in "s", as "Reads" does).

    Examples
    --------
    >>> _without_persona("Ines recommends the agency to a friend", "Ines")
    'recommends the agency to a friend'
    >>> _without_persona("Inspects the van", "Ines")
    'Inspects the van'
    """
    if first_name and action.startswith(first_name + " "):
        rest = action[len(first_name) + 1 :]
        if rest[:1].islower():
            return rest
    return action


#: Verbs of getting in touch, done before buying and after alike ("Phones the shop to ask
#: about the hills", "Phones the shop when the battery runs low"): the same verb to the same
#: person in a later stage is no sign of an item out of place.
_CONTACTING = lx.word_set(
    "phone phones ring rings call calls email emails message messages text texts contact "
    "contacts visit visits ask asks write writes talk talks speak speaks meet meets chat chats "
    "send sends"
)


@lru_cache(maxsize=65536)
def _action_shape(clause: str) -> tuple[str, str, frozenset[str]] | None:
    """What a clause of a customer action does, to compare it with another: its verb (a
    stem), the head of its object (a stem) and the object's key words; None for a clause of
    noticing or trying, which happens at any moment.

    Examples
    --------
    >>> verb, head, keys = _action_shape("varnishes the boat before launch")
    >>> verb, head, sorted(keys)
    ('varnish', 'boat', ['boat', 'launch'])
    >>> _action_shape("Reads the reviews") is None
    True
    """
    words = clause.split()
    if len(words) < 2 or _NOTICING.match(clause) or _TRYING.search(clause):
        return None
    rest = " ".join(words[1:])
    head = next((w for w in tokens(rest) if not _skipped_before_head(w)), "")
    return stem(words[0].casefold()), stem(head), key_words(rest)


def _skipped_before_head(word: str) -> bool:
    """True for a word an object's head comes after: a small word, a determiner or a count
    ("sends two mates the link" is about the mates, as "sends her mates the link" is)."""
    return word in STOPWORDS or word in lx.DETERMINERS or word in lx.COUNT_WORDS


@dataclass(frozen=True)
class _MapOrder:
    """What the map itself says comes with or after the purchase, to read an earlier action
    by: each clause of the customer actions after the purchase stage (see
    :func:`_action_shape`) by its verb and its object's head, with the object's key words
    and the kind of item it makes before the purchase (using, coming back, recommending),
    and the key words
    of the purchase stage's own actions (what is bought: "the packs", "the lease"); the
    people the purchase stage names (who is booked: "You book Marek for the 14th") and the
    verbs of the trades the map names ("interpreter": interpret), to tell the person booked
    doing the work before the booking."""

    later: dict[tuple[str, str], list[tuple[frozenset[str], str]]] = field(default_factory=dict)
    bought: frozenset[str] = frozenset()
    booked: frozenset[str] = frozenset()
    #: The items the trades are read from, read only when someone booked is a subject.
    trade_texts: tuple[str, ...] = ()

    @cached_property
    def trades(self) -> frozenset[str]:
        """The verbs (stems) of the trades the map names ("interpreter": interpret)."""
        return frozenset(
            stem(word[: -len(found.group(1))])
            for item in self.trade_texts
            for word in tokens(item)
            if (found := _AGENT_NOUN.search(word))
        )


#: The head and the verb :class:`_MapOrder` files a later clause under by its verb alone,
#: and, for using or coming back, by nothing but its object's key words.
_ANY_HEAD = _ANY_VERB = ""
#: How many key words of its object an earlier clause shares with a later one of the same
#: verb to do the same thing, when their heads differ and the earlier one names what the
#: purchase stage buys ("tests the new screen on the delivery app" before the screen is
#: chosen and paid for, "tests the touch on the delivery app" after it).
_SAME_THINGS = 2

#: No map order to read by: a stage on or after the purchase, or a map without one.
_NO_ORDER = _MapOrder()


@lru_cache(maxsize=65536)
def _things(keys: frozenset[str]) -> frozenset[str]:
    """The key words of an object that name things, not amounts ("18", "7")."""
    return frozenset(word for word in keys if not word.isdigit())


def _map_order(view: MapView, first_name: str) -> _MapOrder:
    """The map's own order around its purchase stage (see :class:`_MapOrder`)."""
    if view.purchase_index is None:
        return _NO_ORDER
    later: dict[tuple[str, str], list[tuple[frozenset[str], str]]] = {}
    for stage in view.after_purchase:
        covers = set(view.moments.get(stage.name, ()))
        kind = (
            "recommend"
            if covers & _TELLING
            else "use"
            if "use" in covers
            else "repeat"
            if "repeat" in covers
            else None
        )
        if kind is None:
            continue
        for action in stage.actions:
            for clause in _verb_clauses(_without_persona(action, first_name)):
                if (shape := _action_shape(clause)) and shape[1]:
                    verb, head, keys = shape
                    later.setdefault((verb, head), []).append((keys, kind))
                    things = _things(keys)
                    if len(things) < _SAME_THINGS:
                        continue  # too little to be the same things under another head
                    for filed in (verb, _ANY_HEAD), (_ANY_VERB, _ANY_HEAD):
                        if (things, kind) not in later.setdefault(filed, []) and (
                            filed[0] or kind != "recommend"
                        ):
                            later[filed].append((things, kind))
    purchase = view.stages[view.purchase_index]
    bought = frozenset().union(*(key_words(action) for action in purchase.actions))
    booked = frozenset().union(*map(_names_in, purchase.actions))
    trade_texts = tuple(
        item for stage in view.stages for item in (*stage.actions, *stage.touchpoints)
    )
    return _MapOrder(later, bought, booked, trade_texts)


#: A name in the middle of a sentence: "You book Marek online".
_NAME = re.compile(r"[A-Z][a-z'’-]+")


@lru_cache(maxsize=65536)
def _names_in(action: str) -> frozenset[str]:
    """The names (lower case) after the first word of *action*: "You book Marek online"
    gives ``{"marek"}``."""
    return frozenset(word.casefold() for word in action.split()[1:] if _NAME.fullmatch(word))


#: A noun of someone who does a trade, and the ending that makes it from its verb:
#: "interpreter" (interpret), "cleaner", "tattooist".
_AGENT_NOUN = re.compile(r"\w{4,}(er|or|ist)$")


#: Beginning to use something: "starts taking her tablets from the new packs", "begins
#: wearing the brace at night" (the verb in -ing, the rest what is used), not what is only
#: aimed at ("starts saving for the desk").
_STARTING = re.compile(
    r"^(?:starts?|begins?) ([a-z]+ing) (?!(?:for|to|towards|about|into|up|around|on)\b)(.+)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def _started_use(clause: str) -> frozenset[str]:
    """The key words of what *clause* begins to use ("starts taking her tablets from the
    new packs"), or none: beginning to look, ask or try is not using.

    Examples
    --------
    >>> sorted(_started_use("begins wearing the night brace"))
    ['brac', 'night']
    >>> _started_use("starts looking for a brace")
    frozenset()
    """
    found = _STARTING.match(clause)
    if found is None or _TRYING.search(clause):
        return frozenset()
    if any(_NOTICING.match(form) for form in lemmas(found.group(1).casefold())):
        return frozenset()
    return key_words(found.group(2))


@lru_cache(maxsize=65536)
def _verb_clauses(action: str) -> tuple[str, ...]:
    """The clauses of *action*, each from its verb (the subject dropped, see
    :func:`_clause_forms`), read once per text."""
    return tuple(
        form for forms in _subject_forms(action) for form in (forms[-1], *_verbal_forms(forms[-1]))
    )


def _booked_at_work(action: str, order: _MapOrder) -> bool:
    """True when a clause of *action* has the person the map's purchase stage books do the
    trade the map names, before the booking ("Marek interprets grandad's appointment" when
    "You book Marek" is the purchase and the map looks for an interpreter); quoting,
    answering or a free sample is not the work.

    Examples
    --------
    >>> order = _MapOrder(booked=frozenset({"marek"}), trade_texts=("Finds an interpreter",))
    >>> _booked_at_work("Marek interprets the check-up for us", order)
    True
    >>> _booked_at_work("Marek quotes £45 an hour", order)
    False
    """
    return bool(order.booked) and any(
        name in order.booked and verb in order.trades for name, verb in _named_subjects(action)
    )


@lru_cache(maxsize=65536)
def _named_subjects(action: str) -> tuple[tuple[str, str], ...]:
    """Each name that is the subject of a clause of *action*, with its verb (a stem), but
    in a trial ("Marek interprets a free sample"): ``(("marek", "interpret"),)``."""
    return tuple(
        (forms[0].split()[0].casefold(), stem(forms[-1].split()[0].casefold()))
        for forms in _subject_forms(action)
        if len(forms) > 1 and not _TRYING.search(forms[-1])
    )


def _echoed(action: str, order: _MapOrder) -> str | None:
    """The kind of item *action* is when a clause of it does what the map itself has the
    customer do with or after the purchase: the same verb on the same thing as a later
    stage ("varnishes the boat" before the boat is laid up at the yard, "sends my friend
    code" before the tickets are bought), or beginning to use what the purchase stage buys.
    Getting in touch again ("Phones the shop") is no echo unless more than its head is the
    same. With another head, the same verb is an echo on what the purchase stage buys, in
    the setting the map has it used in after buying; paying before the purchase stage is
    one on what the map has the customer come back for, not bought in its purchase stage.
    The map's own order says when the customer does it; the coach only asks."""
    if _booked_at_work(action, order):
        return "use"  # the person the purchase stage books, already doing the work
    for clause in _verb_clauses(action):
        if _started_use(clause) & order.bought:
            return "use"  # beginning to use what the purchase stage buys
        shape = _action_shape(clause)
        if shape is None:
            continue
        verb, head, keys = shape
        contacting = clause.split()[0].casefold() in _CONTACTING
        for later_keys, kind in order.later.get((verb, head), ()):
            if not contacting or len(keys & later_keys) >= 2:
                return kind
        things = _things(keys)
        if _clause_moment(clause) == "buy":
            for later_keys, kind in order.later.get((_ANY_VERB, _ANY_HEAD), ()):
                if len(things & later_keys - order.bought) >= _SAME_THINGS:
                    return kind  # paying now for what the map has the customer get later
        if contacting or not things & order.bought:
            continue
        for later_keys, kind in order.later.get((verb, _ANY_HEAD), ()):
            if len(things & later_keys) >= _SAME_THINGS:
                return kind  # what is bought, used as the map has it used after buying
    return None


#: The lane where the business speaks to the customer: what it urges belongs to a moment.
_MESSAGES = "messages"


def _moment_lanes() -> tuple[FieldSpec, ...]:
    """The list lanes whose items the catalogue describes stage by stage (actions,
    touchpoints, business activities, emotion words), and the messages, from the schema:
    the lanes where an item belongs to a journey moment."""
    return tuple(
        spec
        for spec in schema().lanes
        if spec.kind == "list" and (spec.framework_field or spec.key == _MESSAGES)
    )


def _belongs(view: MapView, kind: str) -> str:
    """Where an item of *kind* belongs: the map's own stage that covers its journey moment
    when the catalogue knows one ("Retention, where ..."), else the general words."""
    moment, happens = _MOMENT_OF[kind]
    stage = next((name for name, covers in view.moments.items() if moment in covers), None)
    return _BELONGS[kind] if stage is None else f"{stage}, where {happens}"


def _item_kind(
    moments: frozenset[str], lane: str, item: str, comparing: bool, order: _MapOrder
) -> str | None:
    """The kind of item *item* of lane *lane* is when it is out of place in a stage covering
    *moments*: read by its own words (:func:`_misplaced`, :func:`_misplaced_message`) or, for
    a customer action before the purchase stage, by the map's own order (*order*, see
    :func:`_echoed`)."""
    if lane == _MESSAGES:
        return _misplaced_message(moments, item) if moments else None
    return _misplaced(moments, lane, item, comparing) or (
        _echoed(item, order) if lane == "actions" and order is not _NO_ORDER else None
    )


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
    first_name = next(iter(view.map.persona.name.split()), "")
    lanes = _moment_lanes()
    actions_only = tuple(spec for spec in lanes if spec.key == "actions")  # at the purchase
    purchase = view.purchase_index
    order = _map_order(view, first_name)
    for index, stage in enumerate(view.stages):
        moments = frozenset(view.moments.get(stage.name, ()))
        if (
            not (moments and (moments <= _BEFORE or moments <= _TELLING or moments == _BUYING_ONLY))
            or stage.is_blank()
        ):
            continue  # every item fits a stage of use or coming back
        before_purchase = purchase is not None and index < purchase
        comparing = before_purchase and any(_compares(a) for a in stage.actions)
        found = next(
            (
                (spec, item, kind)
                for spec in (actions_only if moments == _BUYING_ONLY else lanes)
                for item in getattr(stage, spec.name)
                if (
                    kind := _item_kind(
                        moments,
                        spec.key,
                        _without_persona(item, first_name) if spec.key == "actions" else item,
                        comparing,
                        order if before_purchase else _NO_ORDER,
                    )
                )
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
            "selling": "selling to the customer, not helping them tell others",
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
