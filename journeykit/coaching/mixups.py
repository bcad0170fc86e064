"""Rules about lane mix-ups the word lists of the kit's data cannot see.

:mod:`.hygiene` knows items the catalogue and the examples place in a lane, and feelings;
these rules read the shape of an item instead:

* a **customer action** that is the business's to-do ("Send a text when the bike is
  ready" among "Pays by card", "Collects the bike"): a verb only the business uses, the
  business as the subject (by its name in the map's title too: "Mill Desk sends ..."), or an
  order given in a lane otherwise written about the customer.
  Written about someone ("Publishes the rota"), such a verb is the customer's own when the
  persona's description or goals say they run that thing themselves. Asked, not asserted:
  an action written about someone that gives what the business gives, by the map's own
  business activities ("Issues a written estimate" where the business "Gives a rough
  estimate", "Sends an engineer" where it "Sends a sales engineer"), or a fresh quote,
  invoice or member of staff ("Sends a technician"), or a trade's work on the customer's
  thing that the business activities speak of ("Services the truck" where the business
  plans its servicing): the business is its agent.
  Who the subject is counts: the business by its kind ("The practice keeps ...") is a fix,
  a member of staff or anyone acting on the customer ("The consultant sends us ...") is
  asked about, and "we" in a map whose actions speak as the customer ("I phone ...") is
  the customer's household. Someone the map itself puts on the customer's side acts as the
  customer: the persona by name ("Tendai tells her crew ..."), people the persona's
  description names, a participant named alone or as family or a friend ("Mo drives us
  ..."), family ("Her sister pays ..."); an action opening with its own verb has no other
  subject ("Gives Clearword's details to ..."). Among actions written about the
  customer, an order in its bare form that is no customer's verb ("Conduct a safety
  check"), or one that hands something to the clients ("Deliver a debrief to the client's
  staff"), is the business's; one in
  the bare verb the business activities open with ("confirm booking" where they "Confirm
  each booking") is asked about. What is handed to the customer's own circle ("gives the
  number to a colleague") is the customer's;
  The map's own voice decides what breaks its pattern: in a map of noun phrases ("Sea
  trial on the first trip out") a business's verb at the start is a noun, and what is
  asked about is a thing the business activities speak of given without a giver
  ("Written care plan sent within a day") or a selling move named as a noun ("Winter tyre
  upsell"); in a map spoken to the customer ("You ...") an action that drops the "You"
  to act on the customer or on the business's work ("Slips a voucher into your box") is
  asked about; a verb in the past ("Went back ...") or an order to the customer's own
  circle ("Ask other owners ...") is the customer's;
* a **touchpoint** that is an action ("Reads comparison articles", "Scrolling through
  listings", "Spots boxes on doorsteps down her street"): it starts with what the customer
  does, where a touchpoint names a place or a channel; a verb that is also a noun ("Spots",
  "Posts") is read as a verb when the item goes on to speak of the customer ("her street"),
  when any verb in "-s" or "-ing" goes on to its object ("Evaluates the bids"), or when the
  map's own customer actions open with it ("Requests quotes ..."), or when it copies the
  opening of one of the stage's actions ("Searches for van hire"); a sentence with its
  speaker ("I phone reception ...", "You read the reviews ...") is an action too, and so
  is an activity in "-ing" with its object and where it happens ("Scrolling #buzzcut on
  TikTok"); a conversation with someone ("Talking with my neighbour") is word of mouth,
  a channel;
* a **pain point** that is already the fix ("Remove the repeated address field") or the
  thing wished for ("A weekly report showing what was fixed"), or a contact to make: an
  order to the business addressed to its customers ("Ring every new wearer on day five")
  or the contact named with when ("A follow-up call on day five"), or advice or a wish
  after a subject of its own ("The press should put ...", "I'd like ...", "It would help
  if ..."), a change named as a noun ("Introduction of ...") or asked for ("pls add"): the
  coach asks, since the learner may have meant the problem. A pain point that opens with a
  thing the business activities name ("Print copy arrive smudged" where the business
  posts a print copy) is that thing going wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..catalogue import FieldPath, schema
from ..model import Stage
from . import lexicon as lx
from .concepts import topic_words
from .context import MapView, Rule, once_per_view
from .findings import Finding, Level
from .reading import is_a, lemmas, tokens
from .words import STOPWORDS, quoted

RULES = (
    Rule(
        "action-is-business-activity",
        ("fix", "improve"),
        "a customer action that is something the business does (a verb only the business "
        "uses, the business as the subject, by its name in the map's title too, or an order "
        "in a lane written about the customer; improve: giving what the map's business "
        "activities give, or a new quote, invoice or member of staff, asked as a question)",
    ),
    Rule(
        "touchpoint-is-an-action",
        ("fix",),
        "a touchpoint that starts with what the customer does instead of naming a place or "
        "a channel",
    ),
    Rule(
        "pain-is-an-idea",
        ("improve",),
        "a pain point written as the improvement (it starts with what to do, or orders the "
        "business to contact its customers), asked as a question",
    ),
)

#: Verbs only a business does to or for its customers, in any form.
_BUSINESS_ONLY = lx.word_set(
    """
    offer provide publish introduce launch promote advertise simplify streamline automate
    collaborate feature highlight host sponsor partner reward greet welcome serve seat hire
    remind personalise personalize upsell crosssell nurture onboard retarget thank respond
    """
)
#: Verbs a business gives as an order in its to-do list ("Send ...", "Run ...", "Put ...").
_TO_DO = lx.word_set("send run put train set make give keep follow email text call ask")
_DETERMINERS = lx.word_set("a an the his her their its some two three every each all")


#: Words after a verb that name how or where it is done ("Books online", "Orders ahead"),
#: never what a touchpoint is.
_HOW = lx.word_set("online ahead early again directly direct late")
#: Words after "Offer", "List" ... that name the kind of thing offered: "Offer evening
#: appointments" is an idea, "Offer codes do not work" is a problem.
_OFFERED = lx.word_set(
    "free more better clear online evening weekend sameday extra later earlier longer "
    "flexible instant live"
)
#: Comparatives of improvement: "A clearer price list", "A quicker way to book".
_BETTER = lx.word_set("better clearer easier simpler quicker faster cheaper smoother friendlier")


def _third_person(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


@lru_cache(maxsize=65536)
def business_action(
    action: str,
    third_person_lane: bool,
    own_work: frozenset[str] = frozenset(),
    first_person_map: bool = False,
    noun_phrase_map: bool = False,
) -> bool:
    """True when customer action *action* reads as the business's activity.

    *third_person_lane* says whether the lane's other items are written about the
    customer ("Pays by card"), so that an order among them stands out. *own_work* holds
    the topic words of the persona's own description and goals: a customer who runs
    something herself (a matron and her rotas, a club secretary and his newsletter) does,
    in the third person, what businesses do ("Publishes the new rota"); a verb shared with
    customers ("Hires a van", "Sponsors a child") is the customer's too.
    *first_person_map* says the map's actions speak as the customer ("I phone ..."): there
    "we" is the customer's household ("We go together to the assessment"), not the
    business. *noun_phrase_map* says the map's actions are noun phrases ("Sea trial on the
    first trip out"): there a business's verb at the start is a noun ("Reward points
    redemption") unless what it acts on follows ("Offer a free trim").

    Examples
    --------
    >>> business_action("Offer discount codes", False), business_action("Searches online", False)
    (True, False)
    >>> business_action("Reward points redemption", False, frozenset(), False, True)
    False
    >>> business_action("Offer a free trim", False, frozenset(), False, True)
    True
    >>> business_action("Send a text when the bike is ready", True)
    True
    >>> business_action("Send back the jeans", True)
    False
    >>> business_action("Publishes the rota", True, frozenset({"rota"}))
    False
    >>> business_action("Hires a van for the move", True)
    False
    >>> business_action("We buy the rain cover", False), business_action(
    ...     "We buy the rain cover", False, frozenset(), True)
    (True, False)
    >>> business_action("Deliver a findings debrief to the client's staff", True)
    True
    >>> business_action("Conduct a survey", True), business_action("Conduct a survey", False)
    (True, False)
    >>> business_action("Ask other owners at the club", True), business_action(
    ...     "Became the club's contact for the kit order", True)
    (False, False)
    """
    words = tokens(action)
    if not words:
        return False
    first = words[0]
    rest = words[1:]
    if first in ("we", "our") and not first_person_map:
        return True
    if first == "staff" or (first == "the" and rest[:1] in (("store",), ("shop",))):
        return True
    if first in _BUSINESS_ONLY:
        acted_on = rest[:1] and (
            rest[0] in _DETERMINERS or rest[0] in lx.CUSTOMER_ROLES or rest[0].isdigit()
        )
        if acted_on or not noun_phrase_map:
            return True
    if _third_person(first) and is_a(first, _BUSINESS_ONLY):
        # Written about someone: the business only when that cannot be the customer.
        shared = is_a(first, lx.CUSTOMER_VERBS)
        what = " ".join(w for w in rest if w not in lx.DETERMINERS)
        return not shared and not (topic_words(what) & own_work)
    if rest and rest[0] in lx.CUSTOMER_ROLES and first in lx.IDEA_VERBS | _TO_DO:
        return True  # "Email customers a survey", "Call leads back"
    if _order_for_clients(words):
        return True  # "Deliver a debrief to the client's staff": the business's view
    if third_person_lane and first in _TO_DO and rest[:1] != ("back",):
        # "Ask other owners ...", "Text her sister": the customer turning to their own circle
        to_own_circle = bool(rest) and rest[0] in _PEERS
        return not to_own_circle and not any(w in ("my", "me", "i") for w in rest)
    return third_person_lane and _bare_order(words)


def _bare(word: str) -> bool:
    """True when *word* may be a verb in its bare form: no "-s", "-ing" or "-ed", and no
    past form without it ("Has" is the third person, "Became" the past; "Process",
    "Discuss" are bare)."""
    if _third_person(word) or word in lx.IRREGULAR_PAST:
        return False
    return len(lemmas(word)) == 1 or word.endswith("ss")


#: Words that may open an action without being its verb: "After the call, ...", "Then ...".
_NOT_VERBS = lx.PHRASE_ENDS | lx.word_set("then next later once also both first each every")


def _bare_order(words: tuple[str, ...]) -> bool:
    """True when *words* open with a verb in its bare form that is none of a customer's
    verbs, then what it acts on ("Conduct a site survey", "Process the refund"): among
    actions written about the customer, an order in the business's to-do list."""
    first, second = words[0], words[1] if len(words) > 1 else ""
    return (
        _bare(first)
        and first not in _NOT_VERBS
        and not is_a(first, _DOING | lx.SEEKING_VERBS)  # "Book a slot", "Read the reviews"
        and (second in _DETERMINERS or second.isdigit())
        and not any(w in ("my", "me", "i") for w in words[1:])
    )


#: What a business calls the people it serves, never what they call themselves: an order
#: that gives something to "the client" is the business's to-do.
_CLIENTS = lx.word_set(
    "client clients customer customers patient patients user users subscriber subscribers"
)
#: Words that hand something over to someone: "*to* the client's staff", "*for* each user".
_TOWARDS = lx.word_set("to for with")


def _order_for_clients(words: tuple[str, ...]) -> bool:
    """True when *words* are an order, a bare verb of giving or doing ("Deliver", "Run",
    "Send"), that hands something to the customers by the business's own word for them
    ("to the client's technical staff", "for every patient")."""
    first = words[0]
    if not _bare(first) or not (first in _GIVING or first in _TO_DO or first in lx.IDEA_VERBS):
        return False  # "Delivers", "Sending": written about someone, not an order
    for i, word in enumerate(words[1:-1], start=1):
        if word in _TOWARDS:
            after = [w for w in words[i + 1 : i + 4] if w not in _DETERMINERS]
            if after[:1] and after[0] in _CLIENTS:
                return True
    return False


#: Verbs of giving or making something for someone: what the business does *to* the
#: customer or their thing ("Issues an estimate", "Sends an engineer", "Fits the aids").
_GIVING = lx.word_set(
    "send issue give provide supply prepare write quote deliver fit install service lend "
    "assign dispatch"
)
#: Words that end the thing given: "a sales engineer *out* to measure", "estimates *that*".
_OBJECT_END = lx.word_set(
    """
    out back up down in on at to for with from by of that which who whose every each before
    after when while within as so and or per
    """
)
#: What a business gives and a customer receives, new: a quote, an invoice, a member of staff.
_FROM_BUSINESS = lx.word_set(
    "estimate quote invoice receipt refund engineer technician fitter installer courier"
)


#: Verbs of answering what the customer sent: their object is the customer's ("Answer
#: chat messages"), not something the business gives.
_ANSWERING = lx.word_set("answer reply respond")


#: Verbs of a trade's work on the customer's thing: "Services the truck", "Repairs the
#: crack". The business's work when the map's business activities speak of that work.
_WORKS_ON = lx.word_set("service overhaul calibrate diagnose repair reupholster")
#: Words that say the customer does it themselves: "Repairs the strap herself".
_THEMSELVES = lx.word_set("herself himself themselves myself own diy")


def _given(words: tuple[str, ...]) -> tuple[str | None, bool]:
    """The head noun of the thing given after the verb in *words* (the last word before a
    preposition, a clause, a number or a second noun phrase), and whether it is one already
    known: someone's own ("her", "his") or named with "the", "this"."""
    head = None
    for i, word in enumerate(words[1:6], start=1):
        if word in _OBJECT_END or word.isdigit() or (i > 1 and word in _DETERMINERS):
            break
        head = word
    known = lx.word_set("her his their my our its the this that these those")
    return head, words[1] in known or bool(set(words[1:3]) & known - {"the"})


@lru_cache(maxsize=1024)
def business_given(business_activities: tuple[str, ...]) -> frozenset[str]:
    """The topic words of what the map's *business_activities* give or make ("Give a rough
    estimate" gives an estimate, "Send a sales engineer out" an engineer).

    Examples
    --------
    >>> sorted(business_given(("Send a sales engineer out to measure", "Reply within a day")))
    ['engineer']
    >>> sorted(business_given(("Answer questions left on the forum",)))
    []
    """
    given: set[str] = set()
    for activity in business_activities:
        words = tokens(activity)
        if words[:1] and words[0] in _ANSWERING:
            continue  # "Answer chat messages": the messages are the customer's, not given
        if len(words) > 1 and (words[0] in _GIVING or words[0] in lx.IDEA_VERBS):
            head, _ = _given(words)
            given |= topic_words(head) if head else set()
    return frozenset(given)


@lru_cache(maxsize=1024)
def business_work(business_activities: tuple[str, ...]) -> frozenset[str]:
    """Every form of every word of the map's *business_activities*: the work the business
    says it does ("plan its servicing", "List cello repairs").

    Examples
    --------
    >>> "service" in business_work(("Plan each truck's servicing",))
    True
    """
    return frozenset(form for a in business_activities for w in tokens(a) for form in lemmas(w))


@lru_cache(maxsize=65536)
def works_on_for_business(action: str, work: frozenset[str]) -> bool:
    """True when customer action *action* is a trade's work on the customer's thing
    ("Services the forklift", "Repairs the crack") that the map's business activities
    speak of (*work*, from :func:`business_work`), and not done by the customer themselves.

    Examples
    --------
    >>> works_on_for_business("Services the truck every 500 hours", frozenset({"service"}))
    True
    >>> works_on_for_business("Repairs the strap herself", frozenset({"repair"}))
    False
    >>> works_on_for_business("Repairs the crack", frozenset())
    False
    """
    words = tokens(action)
    if len(words) < 2 or not _third_person(words[0]) or not is_a(words[0], _WORKS_ON):
        return False
    return bool(set(lemmas(words[0])) & work) and not set(words) & _THEMSELVES


#: Past participles of the verbs of giving that take no "-ed": "a plan *sent* within a day".
_GIVEN_FORMS = lx.word_set("sent given written lent")
#: Words that open a clause with its own subject: "*I* sent ...", "*She* wrote ...".
_PRONOUNS = lx.word_set("i we you she he they it")
#: Words before a thing given that make it the customer's own, or had given at their
#: asking: "Mum *has her* pack delivered", "*Gets your* parcel sent on".
_OWN_OR_ARRANGED = lx.word_set("my our your his her their has have had gets get got")


def _given_participle(word: str) -> bool:
    """True when *word* is the past participle of a verb of giving ("sent", "issued")."""
    return word in _GIVEN_FORMS or (
        word.endswith("ed") and any(form in _GIVING for form in lemmas(word)[1:])
    )


def _content(words: tuple[str, ...]) -> set[str]:
    """The *words* that carry meaning, without the small words every item has."""
    return {w for w in words if w not in STOPWORDS and not w.isdigit()}


@lru_cache(maxsize=65536)
def given_passively(action: str, work: frozenset[str]) -> bool:
    """True when customer action *action* names a thing, then that it is given, without
    saying by whom ("Written care plan sent within a day", "Loan bike delivered to the
    door"), and the thing is one the map's business activities speak of (*work*, from
    :func:`business_work`): the business gives it, the customer receives it. The
    customer's own thing going back ("Signed form sent back"), or had given at their
    asking ("Mum has her pack delivered"), is not read.

    Examples
    --------
    >>> given_passively("Written care plan sent within a day", frozenset({"care", "plan"}))
    True
    >>> given_passively("Signed form sent back the same day", frozenset({"form"}))
    False
    >>> given_passively("I sent the care plan to my sister", frozenset({"care", "plan"}))
    False
    >>> given_passively("Dad has his care plan sent to me", frozenset({"care", "plan"}))
    False
    """
    words = tokens(action)
    if len(words) < 3 or words[0] in _PRONOUNS or _third_person(words[0]):
        return False
    for i, word in enumerate(words[1:5], start=1):
        if _given_participle(word):
            after = words[i + 1 : i + 2]
            before = set(words[:i])
            spoken_of = _content(words[:i]) & work
            return after != ("back",) and bool(spoken_of) and not before & _OWN_OR_ARRANGED
    return False


#: Of the verbs only a business uses, those of its selling to the customers it has
#: ("Upsell", "Promote"): as a noun ("Winter tyre upsell"), still the business's move.
_SALES_MOVES = _BUSINESS_ONLY & lx.MARKET_VERBS


@lru_cache(maxsize=65536)
def sales_move_named(action: str) -> bool:
    """True when customer action *action* is a noun phrase whose head, the last word before
    a preposition or a clause, is one of the business's selling moves ("Storage upsell at
    collection", "Loyalty promotion by email"): the business's move, named as a thing.

    Examples
    --------
    >>> sales_move_named("Winter tyre upsell at the MOT"), sales_move_named(
    ...     "Upsell email arrives after the MOT")
    (True, False)
    """
    words = tokens(action)
    if len(words) < 2 or words[0] in _PRONOUNS:
        return False
    head = None
    for word in words:
        if word in _OBJECT_END:
            break
        head = word
    return head is not None and head != words[0] and is_a(head, _SALES_MOVES)


#: The customer's family and friends: as the subject of an action ("Mum starts taking
#: ...", "Her sister pays ..."), someone on the customer's side acts, not the business.
_KIN = lx.word_set(
    """
    friend friends mate mates neighbours neighbor neighbors family sister brother mum mom
    dad mother father son daughter wife husband partner cousin nan gran grandma grandad
    grandmother grandfather aunt uncle flatmate flatmates housemate housemates
    """
)
#: People of the customer's own circle: what is handed to one of them ("gives the
#: builder's number to a colleague") is the customer passing it on, not the business giving.
_PEERS = lx.PEER_WORDS | _KIN | lx.word_set("colleague colleagues boss manager")


def _to_a_peer(words: tuple[str, ...]) -> bool:
    """True when *words* hand something "to" someone of the customer's own circle."""
    for i, word in enumerate(words[:-1]):
        if word == "to":
            after = [w for w in words[i + 1 : i + 4] if w not in _DETERMINERS]
            return bool(after) and (after[0] in _PEERS or any(w in _PEERS for w in after[:2]))
    return False


@lru_cache(maxsize=65536)
def gives_what_business_gives(action: str, given: frozenset[str] = frozenset()) -> bool:
    """True when customer action *action*, written about someone, gives or makes what the
    business gives (*given*, from :func:`business_given`), or something new only a
    business gives a customer ("Issues a written estimate", "Sends a technician"): the
    business is its agent. The customer's own thing ("Sends her photos") is not.

    Examples
    --------
    >>> gives_what_business_gives("Issues a written estimate with each extra priced")
    True
    >>> gives_what_business_gives("Sends an engineer every 500 hours", frozenset({"engineer"}))
    True
    >>> gives_what_business_gives("Sends her friend code to two colleagues", frozenset({"cod"}))
    False
    >>> gives_what_business_gives("gives builders number to colleague", frozenset({"number"}))
    False
    >>> gives_what_business_gives("Reads the written estimate"), gives_what_business_gives(
    ...     "Sends the invoice on to accounts")
    (False, False)
    """
    words = tokens(action)
    if len(words) < 2 or not _third_person(words[0]) or not is_a(words[0], _GIVING):
        return False
    head, owned = _given(words)
    if head is None or owned or _to_a_peer(words):
        return False
    if topic_words(head) & given:
        return True
    return words[1] in ("a", "an") and is_a(head, _FROM_BUSINESS)


def _first_two(text: str) -> tuple[str, str] | None:
    """The first two words of *text*, which say whether it opens with a verb; None when it
    has fewer (one word names a thing)."""
    words = tokens(text)
    return (words[0], words[1]) if len(words) >= 2 else None


#: Base forms of the verbs a customer action starts with ("look", "scroll", "compare").
_DOING = lx.CUSTOMER_VERBS | frozenset(
    form for verb in lx.ACTION_VERBS_3RD for form in lemmas(verb)[1:]
)
#: Words after a verb in "-ing" that show it acts on something ("Looking through sold
#: dressers", "Waiting for the bus", "Scrolling her feed"): an activity, not a place.
_ACTING_ON = (
    _DETERMINERS
    | lx.FIRST_PERSON
    | lx.word_set(
        "through around round for up over into about with to this that these those my your our"
    )
)
#: Nouns in "-ing" that name a place, an event or a thing a touchpoint may be ("Parking
#: for visitors", "Booking for groups", "Meeting with the architect").
_ING_NOUNS = lx.word_set(
    """
    booking parking meeting listing opening seating training shopping ticketing catering
    building marketing advertising clothing wedding morning evening setting rating signing
    reading viewing screening tasting fitting hearing sitting landing
    """
)


#: Verbs of conversation: "Talking with my neighbour" names word of mouth, a channel.
_CONVERSING = lx.word_set("talk chat speak")


def _doing(first: str, second: str) -> bool:
    """True when *first* and *second* open an activity in "-ing" ("Looking through"), not
    a conversation with someone ("Talking with my neighbour": word of mouth)."""
    return (
        first.endswith("ing")
        and first not in _ING_NOUNS
        and any(form in _DOING for form in lemmas(first)[1:])
        and second in _ACTING_ON
        and not (is_a(first, _CONVERSING) and second in ("with", "to"))
    )


#: Words that say where an activity happens: "Scrolling cover-up posts *on* Instagram".
_WHERE = lx.word_set("on in via at")


def _doing_somewhere(touchpoint: str, words: tuple[str, ...]) -> bool:
    """True when *words* (of *touchpoint*) open with a customer's verb in "-ing", then
    what it acts on, a tag or a plural ("Scrolling #tiling", "Checking prices", "Watching
    tile reels"), then where it happens ("*on* TikTok"): the activity, with the channel
    it happens in, where a touchpoint names only the channel. Singular nouns after the
    "-ing" word make it a name ("Waiting room at the depot")."""
    first = words[0]
    where = next((i for i, w in enumerate(words[2:], start=2) if w in _WHERE), None)
    if where is None or not first.endswith("ing") or first in _ING_NOUNS:
        return False
    tagged = any(w.startswith(("#", "@")) for w in touchpoint.split()[1:where])
    plural = any(_third_person(w) and w not in _HOW for w in words[1:where])
    return (
        (tagged or plural)
        and any(form in _DOING for form in lemmas(first)[1:])
        and not is_a(first, _CONVERSING)  # "Chatting to friends on WhatsApp": word of mouth
    )


#: Words that open the object of a verb and never follow a noun that names a channel:
#: "Evaluates *the* bids", "Benchmarking *her* options".
_OBJECT_START = lx.word_set("the a an his her their my our your this these those")


def _verb_then_object(first: str, second: str) -> bool:
    """True when *first* is a verb in the third person or in "-ing", of any verb, and
    *second* opens its object ("Evaluates the bids", "Shortlisting the suppliers"): no
    name of a place or a channel goes on from a plural or an "-ing" word to "the"."""
    if second not in _OBJECT_START or len(first) < 6:
        return False
    if first.endswith("ing"):
        return first not in _ING_NOUNS and not first.endswith("thing")
    return _third_person(first) and not first.endswith(("ous", "us", "is", "ics"))


#: Subjects a learner writing in the first or second person opens a sentence with: "I phone
#: ...", "You compare ...".
_SPEAKER = lx.word_set("i im ive id we were you youre youve")


#: Words that speak of a person: a touchpoint never names the customer's own life ("her
#: street", "his phone"), a clause about what they do may.
_PERSONAL = lx.word_set("her his their she he they him them my me i")
#: Words right after a plural noun that begins a touchpoint: "Posts *from* friends".
_NOUN_FOLLOWERS = _HOW | lx.word_set(
    "on in at from by of and or near through around round for up over into about with to"
)


def _clause_about_someone(words: tuple[str, ...]) -> bool:
    """True when *words* open with a verb about someone, read as such because the item goes
    on to speak of a person ("Spots boxes on doorsteps down her street"), where a plural
    noun that begins a touchpoint is followed by a preposition ("Posts from friends")."""
    first, second = words[0], words[1]
    return (
        _third_person(first)
        and first not in lx.NOUN_LIKE_VERBS_3RD  # "Reviews page for her area": read below
        and is_a(first, _DOING)
        and second not in _NOUN_FOLLOWERS
        and not second.endswith("ed")  # "Reports posted to his inbox": a noun and its verb
        and second not in lx.word_set("sent left given shown made kept put")
        and any(w in _PERSONAL for w in words[2:])
    )


@lru_cache(maxsize=65536)
def action_as_touchpoint(touchpoint: str) -> bool:
    """True when *touchpoint* is written as something the customer does.

    Examples
    --------
    >>> action_as_touchpoint("Reads comparison articles"), action_as_touchpoint("Review site")
    (True, False)
    >>> action_as_touchpoint("Calls the shop"), action_as_touchpoint("Calls from the listing")
    (True, False)
    >>> action_as_touchpoint("Scrolling through old listings"), action_as_touchpoint("Waiting room")
    (True, False)
    >>> action_as_touchpoint("Spots vans outside her neighbours' houses")
    True
    >>> action_as_touchpoint("Posts from her club"), action_as_touchpoint("Spots on the radio")
    (False, False)
    >>> action_as_touchpoint("I phone reception to ask"), action_as_touchpoint(
    ...     "Talking with my neighbour")
    (True, False)
    >>> action_as_touchpoint("Scrolling #buzzcut on TikTok"), action_as_touchpoint(
    ...     "Parking on the high street"), action_as_touchpoint("Chatting on WhatsApp")
    (True, False, False)
    >>> action_as_touchpoint("Evaluates the three bids"), action_as_touchpoint(
    ...     "Benchmarking the day rates"), action_as_touchpoint("Minutes of the meeting")
    (True, True, False)
    """
    if (opening := _first_two(touchpoint)) is None:
        return False
    first, second = opening
    if first in _SPEAKER:  # "I phone reception ...": a sentence, unless a name ("We Are ...")
        parts = touchpoint.split()
        return len(parts) > 1 and not parts[1][:1].isupper()
    words = tokens(touchpoint)
    if _doing(first, second) or _clause_about_someone(words):
        return True
    if _doing_somewhere(touchpoint, words):
        return True
    if _verb_then_object(first, second):
        return True
    if first in lx.NOUN_LIKE_VERBS_3RD:  # "Books online": the verb, by the word after it
        return second in _DETERMINERS or second in lx.FIRST_PERSON or second in _HOW
    if first in lx.ACTION_VERBS_3RD:
        return True
    return (
        is_a(first, lx.CUSTOMER_VERBS)
        and first not in lx.ACTION_VERBS_3RD
        and (second in _DETERMINERS and not _third_person(first))
    )


@lru_cache(maxsize=1024)
def action_verbs(actions: tuple[str, ...]) -> frozenset[str]:
    """The first words of the map's customer *actions* that are verbs in the third person
    ("Requests quotes ..." gives "requests"): the verbs this learner writes actions with.

    Examples
    --------
    >>> sorted(action_verbs(("Requests quotes from three suppliers", "I pay the deposit")))
    ['requests']
    """
    firsts = (tokens(a)[:1] for a in actions)
    return frozenset(w[0] for w in firsts if w and _third_person(w[0]) and len(w[0]) > 3)


@lru_cache(maxsize=65536)
def repeats_an_action(
    touchpoint: str, verbs: frozenset[str], stage_actions: frozenset[tuple[str, ...]]
) -> bool:
    """True when *touchpoint* opens with a verb the map's customer actions open with
    (*verbs*, from :func:`action_verbs`), read as that verb ("Requests quotes from three
    suppliers" where an action "Requests ..."), or is one of the stage's actions word for
    word, or its opening words, three or more and led by a verb (*stage_actions*, as
    their :func:`tokens`: "Searches for van hire" where the stage's action "Searches for
    van hire near home"): the learner has written what the customer does, not where.

    Examples
    --------
    >>> none = frozenset()
    >>> repeats_an_action("Requests quotes from three suppliers", frozenset({"requests"}), none)
    True
    >>> repeats_an_action("Quote request form", frozenset({"requests"}), none)
    False
    >>> repeats_an_action("Reviews from other parents", frozenset({"reviews"}), none)
    False
    >>> repeats_an_action("Reviews page", frozenset({"reviews"}), none)
    False
    >>> nearby = frozenset({tokens("Looks for a tiler nearby")})
    >>> repeats_an_action("Looks for a tiler", none, nearby)
    True
    """
    words = tokens(touchpoint)
    if len(words) < 2:
        return False
    second = words[1]
    acted_on = second in _DETERMINERS or second in _PERSONAL or second.isdigit()
    if words[0] in verbs and (
        acted_on or (_third_person(second) and second not in _NOUN_FOLLOWERS)
    ):
        return True  # "Requests quotes ...", "Requests a callback"; "Requests form": a name
    if len(words) < 3 or not (words[0] in verbs or is_a(words[0], _DOING)):
        return False  # "Quote request form": a name, whatever the action goes on with
    return any(action[: len(words)] == words for action in stage_actions)


def _map_action_verbs(view: MapView, forms: bool = False) -> frozenset[str]:
    """The verbs the map's customer actions open with (:func:`action_verbs`), or with
    *forms* every base form of them, for the map of *view*."""
    return _action_verbs_and_forms(view)[1 if forms else 0]


@once_per_view
def _action_verbs_and_forms(view: MapView) -> tuple[frozenset[str], frozenset[str]]:
    """The verbs the map's customer actions open with, and every base form of them."""
    verbs = action_verbs(tuple(a for s in view.stages for a in s.actions))
    return verbs, frozenset(f for v in verbs for f in lemmas(v))


def _touchpoint_actions(view: MapView, stage: Stage) -> Callable[[str], bool]:
    """A test for the touchpoints of *stage* written as what the customer does, by their
    wording or by the verbs of the map's own customer actions."""
    verbs = _map_action_verbs(view)
    actions = frozenset(tokens(a) for a in stage.actions)

    def spots(touchpoint: str) -> bool:
        return action_as_touchpoint(touchpoint) or repeats_an_action(touchpoint, verbs, actions)

    return spots


#: Verbs that say what a wished-for thing would do for the customer: "A report *showing*
#: what was fixed", "An app that *lets* me pay later".
_DOES_FOR = lx.word_set("show list tell explain let give say warn remind track compare")
#: Things that exist to make something possible: "A way to pay in instalments".
_MEANS = lx.word_set("way option button link tool chance place app")
#: Words of a problem: a wished-for thing with one of these is still a complaint ("A form
#: that never says what went wrong").
_PROBLEM = lx.word_set(
    """
    not no never nothing nobody without too only cannot cant wont doesnt dont didnt isnt
    arent wasnt werent hasnt havent couldnt shouldnt wrong late missing broken confusing
    unclear hidden surprise extra twice lost error
    """
)
#: Words that ask for more of something: "More evening slots", "Fewer forms".
_MORE = lx.word_set("more fewer")
#: Openings that wish for something instead of saying what goes wrong.
_WISHES = lx.word_set("wish wishes wished wishing")


#: Changes named as a noun: "Introduction of online payment", "Provision of a summary".
_CHANGES = lx.word_set(
    """
    introduction provision addition creation implementation extension simplification
    inclusion installation adoption
    """
)
#: Openings of a request: "Please add ...", "pls send ...".
_PLEASE = lx.word_set("please pls plz")


def _wished_thing(words: tuple[str, ...]) -> bool:
    """True when *words* name a thing by what it would do ("A termly report showing which
    faults were fixed", "A way to pay in instalments", tersely "option to pay monthly"),
    or a change as a noun ("Introduction of online payment"), or ask for it ("Please add
    ..."), with no sign of a problem."""
    if any(w in _PROBLEM for w in words):
        return False
    if words[0] in _PLEASE:
        return True
    if words[0] in _CHANGES and words[1] == "of":  # "... of spare bikes is patchy": a state
        return not any(w in _FINITE for w in words)
    if words[0] in _MEANS and words[1] == "to" and len(words) > 2 and is_a(words[2], _DOING):
        return True  # "Option to pay monthly": a way wished for, without its article
    if words[0] not in ("a", "an"):
        return False
    for i, word in enumerate(words[2:], start=2):
        after = words[i + 1] if i + 1 < len(words) else ""
        if word.endswith("ing") and any(f in _DOES_FOR for f in lemmas(word)[1:]):
            return True  # "A report showing ...", "A map telling ..."
        if word in ("that", "which") and any(f in _DOES_FOR for f in lemmas(after)):
            return True  # "A sheet that lists ..."
        if word == "to" and words[i - 1] in _MEANS and is_a(after, _DOING):
            return True  # "A way to pay ..."
    return False


#: Verbs of getting in touch: a pain point that orders one of these, addressed to the
#: customers ("Ring every new wearer on day five"), names a contact to make, not a problem.
_CONTACTING = lx.word_set("ring phone call text email message contact visit write remind")
#: Words that address the customers as a whole: "every new wearer", "all riders".
_ADDRESSED = lx.word_set("every each all")


#: Ways of getting in touch, as nouns: "A follow-up call on day five" names a contact to
#: make, not what goes wrong.
_CONTACTS = lx.word_set("call visit text email message reminder checkin followup")
#: Words that time a contact: "on day five", "after the fitting", "within a week".
_WHEN = lx.word_set("on after before within once")
#: Verbs that say something happens: a contact with one of them is an event, not a wish.
_FINITE = lx.ACTION_VERBS_3RD | lx.word_set(
    "is are was were goes gets takes comes arrives has have rings keeps"
)


def _contact_wished(words: tuple[str, ...]) -> bool:
    """True when *words* name a contact to make, with when ("A follow-up call on day five",
    "A check-in visit after the fitting"), and no sign of a problem."""
    if words[0] not in ("a", "an") or any(w in _PROBLEM or w in _FINITE for w in words):
        return False  # "A call after six goes unanswered": something happens, a problem
    for i, word in enumerate(words[1:4], start=1):
        contact = word.removesuffix("s") in _CONTACTS or word in _CONTACTS
        if contact and (i + 1 == len(words) or words[i + 1] in _WHEN):
            return True  # "A follow-up call on ...": the noun of a contact, then when
    return False


def _people(word: str) -> bool:
    """True when *word* names customers: a customer role ("clients"), or someone named by
    what they do with the business ("wearer", "riders", "users")."""
    if word in lx.CUSTOMER_ROLES:
        return word != "them"  # the business or the customers: "Ring them twice"

    stem = word.removesuffix("s")
    return stem.endswith("er") and any(
        is_a(base, _DOING) for base in (stem[:-2], stem[:-1]) if len(base) > 2
    )


def _order_to_customers(words: tuple[str, ...]) -> bool:
    """True when *words* are an order to the business to contact or do something for its
    customers ("Ring every new wearer", "Call clients back", "Text all riders"), with no
    sign of a problem. "Ring them twice" may be the customer's own chore: not read."""
    first, second = words[0], words[1]
    addressed = _people(second) or (second in _ADDRESSED and any(_people(w) for w in words[2:4]))
    return (
        (first in _CONTACTING or first in _TO_DO)
        and len(lemmas(first)) == 1  # the bare verb: "Rings", "Calling" are no orders
        and addressed
        and not any(w in _PROBLEM for w in words)
    )


#: Modal verbs of advice: "The press *should* put ...", "They *could* send ...".
_ADVISING = lx.word_set("should could shouldve")
#: Words after such a verb that look back at what went wrong: "should *have* told me".
_LOOKING_BACK = lx.word_set("have ve not never")
#: Verbs of wanting after a speaker: "I'd *like* ...", "We would *love* ...".
_WANTING = lx.word_set("like love prefer want")
#: Words that judge a wished-for change as helpful: "It would *help* if ...".
_HELPFUL = lx.word_set("help good nice better great easier useful")


_JUDGED = tuple((w,) for w in _HELPFUL)


def _advised(words: tuple[str, ...]) -> bool:
    """True when *words* give advice or a wish after a subject of their own, with no sign
    of a problem: "The press should put a prepaid envelope in", "I wish they sent ...",
    "I'd like a reminder", "It would help if the form saved my details". Looking back at
    what went wrong ("They should have told me") is a problem."""
    if any(w in _PROBLEM or w == "but" for w in words):
        return False
    for i, word in enumerate(words[1:5], start=1):
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in _ADVISING:  # "I could pay by card" says what was possible: not advice
            able = word == "could" and words[i - 1] in lx.word_set("i we")
            return bool(after) and after not in _LOOKING_BACK and not able
        if word in _WISHES:
            return True  # "I wish ...", "She wishes ..."
        if word in _WANTING and words[i - 1] in lx.word_set("id wed would"):
            return True  # "I'd like ...", "We would love ..."
        judged = after in _HELPFUL or (after == "be" and words[i + 2 : i + 3] in _JUDGED)
        if word == "would" and judged:
            return words[0] in lx.word_set("it that")  # "It would help if ..."
    return False


@lru_cache(maxsize=65536)
def idea_as_pain(pain: str) -> bool:
    """True when *pain* says what to do, or the thing wished for, rather than what goes wrong.

    Examples
    --------
    >>> idea_as_pain("Remove the repeated address field"), idea_as_pain("Queue at the counter")
    (True, False)
    >>> idea_as_pain("Offer codes do not work at checkout")
    False
    >>> idea_as_pain("A weekly email showing what the tutor covered")
    True
    >>> idea_as_pain("A form that never says what went wrong")
    False
    >>> idea_as_pain("Ring every new wearer on day five"), idea_as_pain("Calls them twice a day")
    (True, False)
    >>> idea_as_pain("A follow-up call on day five"), idea_as_pain("A call after six goes unheard")
    (True, False)
    >>> idea_as_pain("The press should put a prepaid envelope with the proof")
    True
    >>> idea_as_pain("They should have told me about the deposit")
    False
    >>> idea_as_pain("Introduction of a plain-language summary"), idea_as_pain(
    ...     "option to pay monthly"), idea_as_pain("No option to pay monthly")
    (True, True, False)
    """
    if (opening := _first_two(pain)) is None:
        return False
    first, second = opening
    if first in lx.SUGGESTION_WORDS or first in _WISHES or (first, second) == ("if", "only"):
        return True
    words = tokens(pain)
    if _wished_thing(words) or _order_to_customers(words) or _contact_wished(words):
        return True
    if _advised(words):
        return True
    if first in lx.NOUN_LIKE_IDEA_VERBS:
        return second in _DETERMINERS or second in _OFFERED
    # "A clearer price list", "Better signs to the entrance", "More evening slots": the thing
    # wished for, not what goes wrong ("More fees than she expected" compares: a problem).
    if first in ("a", "an") and second in _BETTER:
        return True
    if (
        first in _BETTER | _MORE
        and second != "and"  # "More and more emails": a problem
        and not set(tokens(pain)) & (_PROBLEM | {"than"})
    ):
        return True
    return first in lx.IDEA_VERBS


@lru_cache(maxsize=1024)
def business_things(business_activities: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """The pairs of words the map's *business_activities* name after their first word:
    the things the business works on ("Send welcome pack with voucher" names "welcome
    pack"). A pain point that opens with one ("Welcome pack arrive crushed") speaks of that
    thing going wrong; its first word is no order, whatever verb it may also be.

    Examples
    --------
    >>> ("welcome", "pack") in business_things(("Send welcome pack with voucher",))
    True
    """
    return frozenset(
        pair
        for activity in business_activities
        for pair in zip(tokens(activity)[1:], tokens(activity)[2:], strict=False)
    )


def _pain_ideas(view: MapView, stage: Stage) -> Callable[[str], bool]:
    """A test for the pain points of *stage* written as the fix (:func:`idea_as_pain`),
    except those that open with a thing the map's business activities name, without an
    article (a thing named with "a" may still be the one wished for)."""
    named = business_things(tuple(a for s in view.stages for a in s.business_activities))

    def spots(pain: str) -> bool:
        opening = tokens(pain)[:2]
        thing = opening in named and opening[0] not in _DETERMINERS  # "A termly report ...": wished
        return not thing and idea_as_pain(pain)

    return spots


def _own_work(view: MapView) -> frozenset[str]:
    """The topic words of what the persona does in their own right: description and goals."""
    persona = view.map.persona
    return frozenset().union(
        *(topic_words(t) for t in (persona.description, *persona.goals)),
    )


def business_name(title: str) -> tuple[str, ...]:
    """The words of the business's name, when the map's title starts with it before a colon
    or a dash ("The Mill Desk: a coworking space ..."), without a leading "The".

    Examples
    --------
    >>> business_name("The Mill Desk: a coworking space"), business_name("My first map")
    (('mill', 'desk'), ())
    """
    for mark in (":", " - ", " – ", " — "):
        if mark in title:
            words = tokens(title.split(mark, 1)[0])
            words = words[1:] if words[:1] == ("the",) else words
            return words if 0 < len(words) <= 4 else ()
    return ()


def _named_subject(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """True when the action *words* start with the business's *name* as their subject
    ("Mill Desk sends ...", "The Mill Desk's host shows ...")."""
    if not name:
        return False
    start = 1 if words[:1] == ("the",) else 0
    return words[start : start + len(name)] == name and len(words) > start + len(name)


#: Words naming a business by its kind, as a customer speaks of it: "The practice keeps
#: ...", "The agency sends ...". As the subject of a customer action, the business acts.
_ORGANISATIONS = lx.BUSINESS_SUBJECTS | lx.word_set(
    """
    practice agency consultancy press salon clinic surgery firm supplier provider studio
    garage dealer dealership insurer lender vendor seller contractor
    """
)
#: Words naming a member of a business's staff: as the subject, someone acting for the
#: business, or someone else; the coach asks.
_STAFF = lx.word_set(
    """
    consultant adviser advisor receptionist reception instructor tutor teacher trainer
    mechanic technician engineer installer fitter nurse coordinator manager rep agent
    representative assistant salesperson stylist therapist
    """
)
#: Words for the customer as the object of someone else's act: "sends *us*", "calls *me*".
_CUSTOMER_OBJECTS = lx.word_set("us me my our him her them")


def _subject(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The subject that opens *words* ("The consultant sends us ...", "practice keeps
    ...", "Her sister pays ...") and the words after its verb, when a verb in the third
    person follows a noun phrase of one or two words (after "the", "our", "her" ...); None
    otherwise, or when the action opens with its own verb ("Books tables ...", "Gives
    Clearword's details to ...": the name is its object)."""
    start = 1 if words[:1] and words[0] in _SUBJECT_OPENINGS else 0
    for size in (1, 2):
        verb_at = start + size
        if verb_at >= len(words) - 1:
            return None
        verb = words[verb_at]
        if _third_person(verb) and len(verb) > 3 and verb not in ("is", "has", "was", "does"):
            if start == 0 and _opens_with_a_verb(words[0], size):
                return None  # "Books tables ...", "Give X's details ...": the customer's verb
            return words[start:verb_at], words[verb_at + 1 :]
    return None


def _opens_with_a_verb(first: str, size: int) -> bool:
    """True when *first*, the first word of an action read as a subject of *size* words,
    is the action's own verb: in the third person ("Books tables ...", "Gives X's details
    ..."), or a customer's verb in its bare form before a name ("Give X's details ...")."""
    if _third_person(first):
        return size == 1 or len(first) > 3
    return size == 2 and _bare(first) and is_a(first, _DOING)


#: Words that open a subject before its noun: "*The* consultant", "*Her* sister".
_SUBJECT_OPENINGS = lx.word_set("the our my his her their")


@lru_cache(maxsize=65536)
def someone_else_acts(
    action: str,
    business_words: tuple[str, ...] = (),
    customer_side: frozenset[str] = frozenset(),
) -> str | None:
    """How surely customer action *action* is written with the business as its subject:
    ``"fix"`` when the subject names a business by its kind or by a word of its name
    (*business_words*: "The practice keeps two evenings free", "The press posts the
    proof"), ``"improve"`` when it is a member of staff, or anyone else doing something to
    the customer ("The consultant sends us a fee example"), None when the customer acts.
    Someone on the customer's side acts for the customer: the persona, the people the
    map names with them or their family and friends (*customer_side*, from
    :func:`customer_side`: "Mo drives us down", "Mum starts taking her tablets").

    Examples
    --------
    >>> someone_else_acts("The practice keeps two evenings free for school children")
    'fix'
    >>> someone_else_acts("The consultant sends us a written example of the fee")
    'improve'
    >>> someone_else_acts("Compares the fee with a local advert"), someone_else_acts(
    ...     "Mark and I interview two candidates")
    (None, None)
    >>> someone_else_acts("Ana drives us to the depot"), someone_else_acts(
    ...     "Ana drives us to the depot", (), frozenset({"ana"}))
    ('improve', None)
    >>> someone_else_acts("Hands Brightway's card to a classmate", ("brightway",))
    >>> someone_else_acts("Give Brightway's cards to a classmate", ("brightway",))
    >>> someone_else_acts("Brightway's planner draws the kitchen", ("brightway",))
    'improve'
    """
    words = tokens(action)
    if len(words) < 3 or words[0] in ("i", "we", "she", "he", "they", "you"):
        return None
    found = _subject(words)
    if found is None:
        return None
    subject, after = found
    head = subject[-1]
    if any(w in _KIN or w in customer_side for w in subject):
        return None  # the customer's own side acts: "Ana drives us", "Her sister pays"
    if head in _ORGANISATIONS or head in business_words:
        return "fix"
    if head in _STAFF or any(w in _CUSTOMER_OBJECTS for w in after[:2]):
        return "improve"
    if len(subject) > 1 and subject[0] in business_words:
        return "improve"  # "Brightway's planner draws ...": someone of the business's
    return None


@once_per_view
def _voice(view: MapView) -> tuple[bool, bool, bool]:
    """Whether the map's customer actions speak as the customer (:func:`_speaks_as_customer`),
    whether they speak to the customer (:func:`_spoken_to`) and whether they are noun
    phrases (:func:`_noun_phrases`), read once per review."""
    return _speaks_as_customer(view), _spoken_to(view), _noun_phrases(view)


def _first_person(view: MapView) -> bool:
    """True when the map's customer actions speak as the customer: one opens with "I" or
    has "and I" as its subject ("Mark and I interview ...")."""
    return _voice(view)[0]


def _speaks_as_customer(view: MapView) -> bool:
    for stage in view.stages:
        for action in stage.actions:
            words = tokens(action)
            if words[:1] in (("i",), ("im",), ("ive",)) or "i" in words[1:4]:
                return True
    return False


#: Words of the customer spoken to: "*You* ring the studio", "... in *your* bag".
_YOU = lx.word_set("you your youre youve yours")


def _noun_phrases(view: MapView) -> bool:
    """True when fewer than a quarter of the map's customer actions, four at least, open
    with a verb, a person or a subject and its verb (:func:`_verb_led`): the learner
    names what happens ("Free site survey booking", "Sea trial on the first trip"), and a
    business's verb at the start is a noun ("Reward points redemption")."""
    actions = [tokens(a) for s in view.stages for a in s.actions]
    led = sum(_verb_led(words) for words in actions if words)
    return len(actions) >= 4 and 4 * led < len(actions)


def _verb_led(words: tuple[str, ...]) -> bool:
    """True when action *words* open with a person ("You ..."), a verb in the third person
    in their first three words ("Books ...", "Halima presents ..."), or a known verb before
    what it acts on ("Book a slot", "Offer your ...")."""
    if words[0] in _PRONOUNS or any(_third_person(w) and len(w) > 3 for w in words[:3]):
        return True
    acted_on = len(words) < 2 or words[1] in _DETERMINERS | _YOU | _PERSONAL
    return acted_on and is_a(words[0], _DOING | lx.SEEKING_VERBS | _BUSINESS_ONLY | _TO_DO)


def _spoken_to(view: MapView) -> bool:
    """True when half or more of the map's customer actions, three at least, open with
    "You" ("You ring round and ask ..."): the map speaks to the customer."""
    firsts = [tokens(a)[:1] for s in view.stages for a in s.actions]
    to_you = sum(w in (("you",), ("youre",)) for w in firsts)
    return to_you >= 3 and 2 * to_you >= len(firsts)


@lru_cache(maxsize=65536)
def breaks_second_person(action: str, work: frozenset[str]) -> bool:
    """True when customer action *action*, in a map whose actions speak to the customer
    ("You ..."), drops the "You" for a verb of its own that acts on the customer ("Slips a
    voucher into your box", "Send you a reminder") or on what the map's business activities
    speak of (*work*, from :func:`business_work`: "Labels new guests' towels" where the
    business labels them): someone else, the business, acts.

    Examples
    --------
    >>> breaks_second_person("Slips a voucher into your box", frozenset())
    True
    >>> breaks_second_person("Labels new guests' towels", frozenset({"label", "towels"}))
    True
    >>> breaks_second_person("Send you a reminder the day before", frozenset())
    True
    >>> breaks_second_person("You slip the voucher into your wallet", frozenset())
    False
    >>> breaks_second_person("Reviews on Google", frozenset({"reviews"}))
    False
    >>> breaks_second_person("Pick up your box from the locker", frozenset())
    False
    >>> breaks_second_person("Mo drives you to the clinic", frozenset())
    False
    """
    words = tokens(action)
    if len(words) < 2 or words[0] in _YOU:
        return False
    first, rest = words[0], words[1:]
    addressed = bool(set(rest) & _YOU)
    if _third_person(first) and len(first) > 3 and rest[0] not in _NOUN_FOLLOWERS:
        return addressed or bool(_content(rest) & work)
    if not _bare(first) or first in _NOT_VERBS or _subject(words) is not None:
        return False  # "Mo drives you ...": a subject and its verb, read elsewhere
    # "Send you ...": the customer is its object; "... your box": a verb no customer uses
    return rest[0] == "you" or (addressed and not is_a(first, _DOING | lx.SEEKING_VERBS))


#: Ends of a sentence: the capitalised word after one opens the sentence, it is no name.
_SENTENCE_END = re.compile(r"[.!?;:]\s+|\s+-\s+|\n")


@lru_cache(maxsize=256)
def customer_side(
    title: str, persona: str, about: tuple[str, ...], participants: tuple[str, ...] = ()
) -> frozenset[str]:
    """The names of the people on the customer's side, as the map writes them: the words of
    the persona's name (*persona*), the names (capitalised words inside a sentence) in the
    persona's description and goals (*about*), and the names in the stages'
    *participants* written as someone the customer knows: a name alone ("Mo") or with a
    word of family or friends ("Her father Rui", "Sam, her crew mate"); none of these
    others a word of the map's *title* (where the business is named), nor a name that a
    participant gives a role ("Driver, Keith", "Mel, the trial teacher"): that may be the
    business's, wherever else it stands alone.

    Examples
    --------
    >>> sorted(customer_side("Kettle Hill: Ana's beans by post", "Ana Silva",
    ...     ("Ana shares a flat with Tomasz. She buys from Kettle Hill.",),
    ...     ("Bea", "Her brother Rui", "Driver, Keith", "Keith", "Bea's manager")))
    ['ana', 'bea', 'rui', 'silva', 'tomasz']
    """
    known = [_known(p) for p in participants]
    others = set().union(*map(_names_in_text, about), *(names for names, _ in known))
    roles = set().union(*(role for _, role in known)) | set(tokens(title))
    names = set(tokens(persona)) | (others - roles)
    return frozenset(names - lx.FIRST_PERSON - _SUBJECT_OPENINGS)


@lru_cache(maxsize=4096)
def _names_in_text(text: str) -> frozenset[str]:
    """The capitalised words of *text* that open no sentence: names ("with Tomasz")."""
    return frozenset(
        name for sentence in _SENTENCE_END.split(text) for name in _names_in(sentence.split()[1:])
    )


@lru_cache(maxsize=4096)
def _known(participant: str) -> tuple[frozenset[str], frozenset[str]]:
    """The names in *participant* when it is someone the customer knows (a name alone,
    "Mo", or with a word of family or friends, "Her father Rui"), and otherwise the names
    it gives a role ("Driver, Keith"; not "Bea" in "Bea's manager")."""
    words = participant.split()
    names = _names_in(words)
    if set(tokens(participant)) & _KIN or len(words) == len(names) == 1:
        return frozenset(names), frozenset()
    owners = [w for w in words if w.endswith(("'s", "’s"))]
    return frozenset(), frozenset(names) - set(_names_in(owners))


def _names_in(words: list[str]) -> list[str]:
    """The capitalised *words* ("Rui", "Sam,"), as :func:`tokens` writes them."""
    found: list[str] = []
    for word in words:
        bare = word.strip(",()\"'‘’")
        if bare[:1].isupper() and bare[1:2].islower():
            found += tokens(bare)[:1]
    return found


@once_per_view
def _side(view: MapView) -> frozenset[str]:
    """The :func:`customer_side` of the map of *view*, read once per review."""
    persona = view.map.persona
    return customer_side(
        view.map.title,
        persona.name,
        (persona.description, *persona.goals),
        tuple(p for s in view.stages for p in s.participants),
    )


def _business_actions(view: MapView, stage: Stage) -> Callable[[str], bool]:
    """A test for the customer actions of *stage* that read as the business's, given how
    the stage's other actions are written (counted once per stage), what the persona does
    in their own right, and the business's name from the title (an action with the
    business as its subject is the business's)."""
    side = _side(view)
    third = sum(_third_person(words[0]) for a in stage.actions if (words := tokens(a)))
    own = _own_work(view)
    name = business_name(view.map.title)
    first_person, _, noun_phrases = _voice(view)

    def spots(action: str) -> bool:
        words = tokens(action)
        if _named_subject(words, name) or someone_else_acts(action, name, side) == "fix":
            return True
        others_third = third - (1 if words and _third_person(words[0]) else 0)
        return business_action(action, others_third > 0, own, first_person, noun_phrases)

    return spots


@lru_cache(maxsize=1024)
def business_verbs(business_activities: tuple[str, ...]) -> frozenset[str]:
    """The verbs the map's *business_activities* open with, in their bare form ("Confirm
    each booking by text" gives "confirm"), none of them a customer's verb.

    Examples
    --------
    >>> sorted(business_verbs(("Confirm each booking by text", "Pay referrers a share")))
    ['confirm']
    >>> sorted(business_verbs(("Harbour tour session", "Kit hire price list")))
    []
    """
    openings = (tokens(a)[:2] for a in business_activities)
    return frozenset(
        w[0]
        for w in openings
        if len(w) == 2
        and w[0] not in _NOT_VERBS
        and not _third_person(w[0])
        and not is_a(w[0], lx.CUSTOMER_VERBS | lx.SEEKING_VERBS)
        and _used_as_a_verb(w[0], w[1])
    )


#: Verbs a business's to-do list opens with, in any trade: known to be verbs whatever
#: follows them ("Answer chat messages", "Send reminders").
_KNOWN_BUSINESS_VERBS = (
    _BUSINESS_ONLY | _TO_DO | _GIVING | lx.IDEA_VERBS | lx.MARKET_VERBS | lx.OBJECT_VERBS
)


def _used_as_a_verb(first: str, second: str) -> bool:
    """True when *first*, opening a business activity before *second*, is a verb: one of
    a business's known verbs, or any word before what it acts on ("Confirm *each*
    booking", "Chase *unpaid* invoices" is not read). Business activities written as noun
    phrases ("Harbour tour session", "Kit hire price list", "Club newsletter sponsorship")
    open with a noun: the customer actions that share it are no business voice."""
    return first in _KNOWN_BUSINESS_VERBS or second in _DETERMINERS or second.isdigit()


def _in_business_voice(action: str, verbs: frozenset[str]) -> bool:
    """True when customer action *action* opens with a verb the map's business activities
    open with, in the same bare form ("confirm booking by email" where the business
    activities "Confirm each booking by text"): the learner's own wording for the
    business's work."""
    words = tokens(action)
    return len(words) > 1 and words[0] in verbs and _bare(words[0])


@once_per_view
def _what_business_gives(
    view: MapView,
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What the map's business activities give, the work they speak of and the verbs they
    open with (see :func:`business_given`, :func:`business_work`,
    :func:`business_verbs`), for the map of *view*, read once per review, not once per
    stage."""
    activities = tuple(a for s in view.stages for a in s.business_activities)
    return business_given(activities), business_work(activities), business_verbs(activities)


def _given_by_business(view: MapView, stage: Stage) -> Callable[[str], bool]:
    """A test for the customer actions of *stage* that give what the map's business
    activities give (in any stage), or something new only a business gives, or do the
    trade's work the business activities speak of, or break the map's "You ..." voice to
    act on the customer, and that the surer test of :func:`_business_actions` has not
    spotted already."""
    given, work, business = _what_business_gives(view)
    name = business_name(view.map.title)
    verbs = business - _map_action_verbs(view, forms=True)  # "Books ...": hers
    side = _side(view)
    spoken_to = _voice(view)[1]

    def spots(action: str) -> bool:
        if not (
            (spoken_to and breaks_second_person(action, work))
            or gives_what_business_gives(action, given)
            or works_on_for_business(action, work)
            or given_passively(action, work)
            or sales_move_named(action)
            or someone_else_acts(action, name, side) == "improve"
            or _in_business_voice(action, verbs)
        ):
            return False
        return not _business_actions(view, stage)(action)  # read only when needed: rare

    return spots


@dataclass(frozen=True)
class _MixUp:
    """One kind of mix-up: the lane it reads, how an item of it is spotted (``spots`` gives,
    for the map and a stage, the test for one item, so what the stage's items share and
    what the persona does is read once), and
    what the coach says. The sentences are formatted with ``stage``, ``item`` and ``who``, and with
    ``this`` and ``other``: the lane read and the lane the item belongs in, named as the
    schema names them."""

    rule: str
    level: Level
    lane: str
    other: str
    spots: Callable[[MapView, Stage], Callable[[str], bool]]
    message: str
    why: str
    fix: str


_MIXUPS = (
    _MixUp(
        rule="action-is-business-activity",
        level="fix",
        lane="actions",
        other="business_activities",
        spots=_business_actions,
        message="{stage}: {item} is something the business does, but it sits in {who}'s {this}.",
        why="The {this} are what the customer does; the business's own work goes in the "
        "{other}, so the two can be read against each other.",
        fix="Move {item} to the {other} of {stage} and write what {who} does at that point.",
    ),
    _MixUp(
        rule="action-is-business-activity",
        level="improve",
        lane="actions",
        other="business_activities",
        spots=_given_by_business,
        message="{stage}: is {item} something {who} does, or what the business does for {who}?",
        why="The {this} are what the customer does; what the business gives or does for "
        "the customer goes in the {other}, so the two can be read against each other.",
        fix="If the business does it, move {item} to the {other} of {stage} and write what "
        "{who} does at that point.",
    ),
    _MixUp(
        rule="touchpoint-is-an-action",
        level="fix",
        lane="touchpoints",
        other="actions",
        spots=_touchpoint_actions,
        message="{stage}: the touchpoint {item} is something {who} does, not where {who} meets "
        "the business.",
        why="A touchpoint is a place or a channel (a review site, the checkout page) that the "
        "business can change; what the customer does belongs in the {other}.",
        fix="Move it to the {other} and name the place or channel it happens in as the touchpoint.",
    ),
    _MixUp(
        rule="pain-is-an-idea",
        level="improve",
        lane="pain_points",
        other="opportunities",
        spots=_pain_ideas,
        message="{stage}: is {item} what goes wrong for {who}, or already the fix for it?",
        why="The {this} say what hurts, in the customer's terms; the improvement belongs in the "
        "{other}. Kept apart, each idea can be checked against the problem it is meant to solve.",
        fix="Write the problem as the pain point and move {item} to the {other} of {stage}.",
    ),
)


def check(view: MapView) -> Iterator[Finding]:
    lanes = schema().lanes_by_key
    for mix in _MIXUPS:
        if mix.lane not in lanes or mix.other not in lanes:
            continue  # a schema without one of the two lanes has no such mix-up
        this, other = lanes[mix.lane], lanes[mix.other]
        for stage in view.filled():
            spots = mix.spots(view, stage)
            item = next((i for i in getattr(stage, this.name) if spots(i)), None)
            if item is None:
                continue
            words = {
                "stage": stage.name,
                "item": quoted(item),
                "who": view.persona_name,
                "this": this.in_text,
                "other": other.in_text,
            }
            yield Finding(
                rule=mix.rule,
                level=mix.level,
                message=mix.message.format(**words),
                why=mix.why.format(**words),
                fix=mix.fix.format(**words),
                field=FieldPath(stage.name, this.key),
            )
