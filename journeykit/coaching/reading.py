"""Reading a goal or an item as a small sentence: who acts, on whom, towards what.

The coach does not need a language model to tell a customer's goal from a business's
step: the difference shows in a few places a reader looks at anyway. The first verb
(``Nurture``, ``Find``) and what it acts on (``prospects``, ``a dentist``); whose
"our" it is (``our brand`` against ``our son``); a target with a number and a metric
(``Reduce no-shows by 20%``); a process named as a noun (``Lead qualification``). The
word lists are in :mod:`.lexicon`. A reading keeps the evidence it found, so a
finding can quote it and, where the evidence points both ways, ask the learner
instead of asserting a fault.

Everything is cached per text: the editor reviews the same items on every edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lx

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"\d")
_TARGET = re.compile(
    r"\d\s*%|\bby \d|\bto \d|\bbelow \d|\babove \d|\d+\s*(a|per|each) (day|week|month|quarter|year)"
    r"|\bby (january|february|march|april|may|june|july|august|september|october|november"
    r"|december|20\d\d|q[1-4]|the end)|\bthis (quarter|year)\b|\bquarter end\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-case words, hyphens and possessive endings dropped: ``Diners'`` -> ``diners``.

    Examples
    --------
    >>> tokens("Cross-sell to Dad's clients")
    ('crosssell', 'to', 'dad', 'clients')
    """
    found = []
    for raw in _TOKEN.findall(text.casefold().replace("’", "'")):
        word = raw
        if word.endswith("'s"):
            word = word[:-2]
        found.append(word.replace("-", "").replace("'", ""))
    return tuple(w for w in found if w)


@lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """The word and the base forms it may be an inflection of (``nurturing`` -> ``nurture``).

    Examples
    --------
    >>> lemmas("nurturing")[:3]
    ('nurturing', 'nurtur', 'nurture')
    >>> "qualify" in lemmas("qualifies"), "stop" in lemmas("stopped")
    (True, True)
    """
    forms = [word]
    for ending, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("ly", ""),
    ):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)] + repl
            forms.append(stem)
            if repl == "" and len(stem) > 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # stopped -> stop, planning -> plan
    return tuple(dict.fromkeys(forms))


def is_a(word: str, words: frozenset[str]) -> bool:
    """True when *word* or one of its base forms is in *words*."""
    return any(form in words for form in lemmas(word))


@dataclass(frozen=True)
class GoalReading:
    """Whose goal a stage goal is, and why the coach thinks so.

    ``side`` is ``"customer"`` (nothing says otherwise), ``"business"`` (the business's
    own step, no sign of the customer's voice) or ``"unsure"`` (signs both ways: the coach
    asks). ``evidence`` quotes the words that decided it; ``reason`` says in a few words
    what kind of evidence it is.
    """

    side: str
    evidence: str = ""
    reason: str = ""


def _noun_phrase(words: tuple[str, ...], start: int) -> tuple[list[str], int]:
    """The words of the noun phrase from *start* (up to a preposition or a particle)."""
    phrase: list[str] = []
    i = start
    while i < len(words) and words[i] not in lx.PHRASE_ENDS and len(phrase) < 5:
        phrase.append(words[i])
        i += 1
    return phrase, i


def _is_people(phrase: list[str]) -> bool:
    """True when *phrase* names the business's customers ("new patients", "them").

    Besides the nouns the lexicon knows, a bare plural with the ending of a noun for people
    ("tenants", "young farmers") reads as the market: no article or owner says it is somebody
    in particular.
    """
    if not phrase or any(w in lx.PEER_WORDS for w in phrase[:2]):
        return False
    if any(w == "like" and phrase[i + 1 : i + 2] in (["me"], ["us"]) for i, w in enumerate(phrase)):
        return False  # "couples like us", "adults like me": the customer's peers
    owned = [i for i, w in enumerate(phrase[:-1]) if w in lx.PEER_WORDS]
    if owned and _is_known(phrase[owned[0] + 1 :]) and not _is_known(phrase[: owned[0]]):
        return False  # "a date both our families can make": the customer's own people
    return any(
        _is_known(read) or _guessed_people(read) for read in (phrase, _counted_plural(phrase))
    )


def _counted_plural(phrase: list[str]) -> list[str]:
    """*phrase* with the nouns after a word of how many ("more", "many") read as plurals:
    a second-language writer may leave them singular ("Make more shop owner ask ...").

    Examples
    --------
    >>> _counted_plural(["more", "shop", "owner"]), _counted_plural(["the", "owner"])
    (['more', 'shops', 'owners'], ['the', 'owner'])
    """
    if phrase[:1] == [] or phrase[0] not in lx.MANY_WORDS:
        return phrase
    return phrase[:1] + [w if w.endswith("s") else f"{w}s" for w in phrase[1:]]


def _guessed_people(phrase: list[str]) -> bool:
    """A bare plural that looks like a noun for people: "landlords", "first-time senders"."""
    if phrase[0] in _DETERMINERS:
        return False
    return any(_people_plural(w) for w in phrase[:3])


def _people_plural(word: str) -> bool:
    """True when *word* looks like a plural noun for people ("tenants", "trainees"); a noun
    made with "-ment" names a thing or an act, never a person ("assessments", "shipments").
    """
    shortest = 8 if word.endswith("ees") else 6  # "trainees", not "agrees" or "sees"
    return (
        len(word) >= shortest
        and word.endswith(lx.PEOPLE_ENDINGS)
        and not word.endswith("ments")
        and word not in lx.THING_PLURALS
    )


def plural_people(text: str) -> tuple[str, ...]:
    """The words of *text* that look like plural nouns for people ("partners", "trustees"),
    whether or not the lexicon knows them as a business's customers.

    Examples
    --------
    >>> plural_people("get both partners to sign the lease"), plural_people("show a bike")
    (('partners',), ())
    """
    return tuple(w for w in tokens(text) if _people_plural(w))


def _served_by(head: list[str]) -> bool:
    """True when *head* names people who serve the customer: "installers", "fitters"."""
    return bool(head) and not _is_known(head) and any(_people_plural(w) for w in head[:2])


def _is_known(phrase: list[str]) -> bool:
    """True when *phrase* names customers with a noun the lexicon knows ("the volunteers")."""
    return any(w in lx.CUSTOMER_ROLES for w in phrase)


#: Words that make a noun phrase somebody or something in particular.
_DETERMINERS = lx.word_set(
    "the a an this that these those my our your his her their its some any every each"
)


def _owner(phrase: list[str]) -> str | None:
    """Whose thing a phrase names: "customer" (my, our son), "business" (our brand), None."""
    if not phrase:
        return None
    if phrase[0] in lx.FIRST_PERSON:
        return "customer"
    if phrase[0] in lx.FIRST_PLURAL:
        rest = phrase[1:]
        if any(is_a(w, lx.BUYER_SIDE) for w in rest):
            return "customer"
        if any(w in lx.CUSTOMER_ROLES or is_a(w, lx.BUSINESS_ASSETS) for w in rest):
            return "business"
    return None


#: The metrics of the lexicon that only a business counts (not "time", "cost" or "number",
#: which a customer counts too).
_OWN_FIGURES = lx.METRIC_WORDS - lx.word_set(
    "time times cost costs value size number count total average share rate rates score scores"
)

#: Words that say how much, with no object: "Drive *less*".
_HOW_MUCH = lx.word_set("less more fewer often again")


def _counts_market(phrase: list[str] | tuple[str, ...]) -> bool:
    """True when *phrase* counts the business's market: its people, funnel words, a metric
    ("40 solar leads", "5,000 members"), not a customer's own measure ("100 kg", "10,000
    steps")."""
    market = lx.FUNNEL_WORDS | lx.CUSTOMER_ROLES
    return any(w in market or f"{w}s" in market or is_a(w, lx.METRIC_WORDS) for w in phrase)


#: Particles of a phrasal verb, before its object: "send *off* the forms".
_PARTICLES = frozenset({"off", "out", "up", "back", "away", "over", "round", "around", "on"})

#: Words that start a noun phrase naming one thing ("a place", "the loft").
_ONE = lx.word_set("a an the this that one")


#: Words that make something a sale the customer has committed to: "into *signed* plans",
#: "into a *repeat* account" (a sale made again).
_COMMITTED = lx.word_set("signed paid paying contracted repeat")


def _into_a_sale(after: tuple[str, ...]) -> bool:
    """True when *after* starts with "into" and a sale the customer commits to ("into paid
    orders", "into a signed order", "into a repeat account"): what is turned into a sale is
    the business's market, not something of the customer's ("into an office").

    Examples
    --------
    >>> _into_a_sale(tokens("into a signed order")), _into_a_sale(tokens("into an office"))
    (True, False)
    """
    return after[:1] == ("into",) and any(w in _COMMITTED for w in after[1:3])


#: Verbs of making a quantity bigger: on "the" and a plural ("Grow the app orders", "Fill
#: the empty slots") they act on a volume, which is the business's figure; other verbs on a
#: plural act on the things themselves ("Close the findings", "Collect the keys").
_GROWING = lx.word_set(
    "grow increase boost lift maximise maximize expand drive generate double triple fill"
)


def _market_object(phrase: list[str], rest: tuple[str, ...], verb: str = "") -> bool:
    """True when a verb's object *phrase* (and what follows it, *rest*) is the business's
    market: the people it serves, funnel words, a metric, something of the business's own,
    more of something, a number, or a plural of things in general ("Fill weekday slots");
    False for one thing of the customer's ("Secure a place", "Convert the loft"). A plural
    after "the" is a volume only for a *verb* of growing (any verb when none is given).

    Examples
    --------
    >>> _market_object(["open", "day", "visitors"], ()), _market_object(["the", "loft"], ())
    (True, False)
    >>> _market_object(["more", "weddings"], ()), _market_object(["a", "scholarship"], ())
    (True, False)
    """
    if not phrase and rest[:1] and rest[0] in _PARTICLES:
        phrase = _noun_phrase(rest, 1)[0]  # "Send off my rolls": the object after "off"
        rest = rest[1:]
    if not phrase:
        return True  # nothing to read: the verb decides, as before
    if _owner(phrase) == "business" or _is_people(phrase):
        return True
    if len(phrase) == 1 and phrase[0] in _HOW_MUCH:
        return False  # no object at all: "Drive less", "Spend less"
    if _NUMBER.search(phrase[0]):
        return _counts_market(phrase[1:])  # "Generate 40 leads", not "Lift 100 kg"
    if phrase[0] in ("more", "new", "extra", "repeat"):
        return True
    if phrase[-1] in lx.SALES_STEPS:
        return True  # "Convert the demo", "Land the pilot" (not "a pilot slot for our ward")
    if is_a(verb, lx.WINNING_VERBS) and phrase[-1] in lx.AWARDED_WORK:
        return True  # "Win the order", "Land the account": the buyer's work, won by a supplier
    market = lx.FUNNEL_WORDS | lx.DEAL_NOUNS | lx.CUSTOMER_ROLES
    if any(
        w in market or f"{w}s" in market or is_a(w, lx.METRIC_WORDS | lx.BUSINESS_ASSETS)
        for w in phrase
    ):
        return True
    after = rest[len(phrase) : len(phrase) + 4]
    if after[:1] in (("into",), ("among",)) and any(w in lx.CUSTOMER_ROLES for w in after):
        return True  # "Convert the open day into applicants"
    if _into_a_sale(after):
        return True  # "Convert the assessments into signed plans": into a sale
    if phrase[0] in lx.FIRST_PERSON or phrase[0] in lx.FIRST_PLURAL:
        return False  # the customer's own: "Boost my fitness", "Retain our discount"
    if phrase[0] not in _ONE and phrase[0] not in lx.DETERMINERS:
        return True  # a bare noun, as a business names its market: "Secure sponsorship"
    head = phrase[-1]
    if verb and not is_a(verb, _GROWING):
        return False  # "Close the findings", "Collect the keys": the things, not a volume
    return head.endswith("s") and not head.endswith("ss")  # "the clinic's empty slots"


def _quote(words: tuple[str, ...], start: int, end: int) -> str:
    return " ".join(words[start:end])


@lru_cache(maxsize=16384)
def read_goal(goal: str) -> GoalReading:
    """Whose goal *goal* is: the customer's, the business's, or unsure.

    Examples
    --------
    >>> read_goal("Nurture prospects").side, read_goal("Find a dentist near work").side
    ('business', 'customer')
    >>> read_goal("Get patients to book online").side
    'business'
    >>> read_goal("Choose a school our son will be happy at").side
    'customer'
    >>> read_goal("Grow my bakery's online sales").side  # the persona's own business
    'customer'
    >>> read_goal("Increase sales so I can hire a baker").side
    'unsure'
    >>> read_goal("Steer tenants towards the long lease").side  # "tenants": guessed, so asked
    'unsure'
    >>> read_goal("Secure a place on the course").side, read_goal("Secure sponsorship").side
    ('customer', 'business')
    >>> read_goal("Shorten the sales cycle").side, read_goal("Shorten the wait for my scan").side
    ('business', 'customer')
    >>> read_goal("Reach 500 members").side, read_goal("Reach 10,000 steps a day").side
    ('business', 'customer')
    >>> read_goal("Generate 40 leads a month").side, read_goal("Lift 100 kg by summer").side
    ('business', 'customer')
    """
    words = tokens(goal)
    if not words:
        return GoalReading("customer")
    customer_voice = any(w in lx.FIRST_PERSON for w in words) or any(
        words[i] in lx.FIRST_PLURAL and is_a(words[i + 1], lx.BUYER_SIDE)
        for i in range(len(words) - 1)
    )
    business = _business_evidence(goal, words)
    if business is None:
        return GoalReading("customer")
    evidence, reason = business
    unsure = customer_voice or _rests_on_a_guess(evidence) or reason == _EVERY_CASE
    return GoalReading("unsure" if unsure else "business", evidence, reason)


#: Words for a few of something: "Obtain *three* quotes", "Gather *several* samples".
_A_FEW = lx.word_set("two three four five several multiple 2 3 4 5")

#: Words that open a question: "Work out *which* ...", "Find out *whether* ...".
_QUESTION_WORDS = lx.word_set("which whether what how if where when who")
#: Funnel words that are also what a customer weighs up: "which *share* we can afford",
#: "whether the *deal* is fair".
_WEIGHED = lx.word_set("share deal deals proposal tender reviews stock listings bookings")


def _own_question(rest: tuple[str, ...]) -> bool:
    """True when the verb is followed (after a particle) by a question the customer wants
    answered, about nobody of the business's market: "Work out which share we can afford",
    "Figure out whether the loft is big enough" (not "Learn what customers want").

    Examples
    --------
    >>> _own_question(tokens("out which share we can afford")), _own_question(tokens("a van"))
    (True, False)
    >>> _own_question(tokens("what customers want")), _own_question(tokens("which leads convert"))
    (False, False)
    """
    start = 1 if rest[:1] and rest[0] in _PARTICLES else 0
    if rest[start : start + 1] == () or rest[start] not in _QUESTION_WORDS:
        return False
    clause = list(rest[start + 1 : start + 9])
    market = (lx.FUNNEL_WORDS - _WEIGHED) | lx.CUSTOMER_ROLES
    return not any(w in market or _people_plural(w) for w in clause)


def _rests_on_a_guess(evidence: str) -> bool:
    """True when the only people in *evidence* are guessed from a word's ending ("growers").

    The coach then asks rather than asserts: "growers" may be the market, or people the
    customer deals with.
    """
    words = tokens(evidence)
    return not _is_known(list(words)) and any(_people_plural(w) for w in words)


#: Funnel words that are the business's wherever they stand in a goal.
_FUNNEL_ANYWHERE = lx.word_set(
    "funnel pipeline crm churn leads upsell crosssell prospect prospects"
)


def _business_evidence(goal: str, words: tuple[str, ...]) -> tuple[str, str] | None:
    """(the words, what kind of evidence) that make *goal* the business's, or None."""
    # "Our brand becomes ...", "Our message reaches ...": the business as the subject.
    if words[0] in lx.FIRST_PLURAL and _owner(list(words[:3])) == "business":
        return _quote(words, 0, 2), "the business talking about itself"
    if words[0] in lx.FUNNEL_SUBJECTS and len(words) > 1 and not is_a(words[1], lx.PROCESS_NOUNS):
        return words[0], "funnel words"
    start = 1 if words[0] in ("we", "i") else 0
    verb = words[start] if start < len(words) else ""
    rest = words[start + 1 :]
    if _own_question(rest):
        return None  # "Work out which share we can afford": a question the customer answers
    # A process named as a noun: "Lead qualification", "Patient acquisition"; not a verb the
    # lexicon does not know before a few of something, which the customer gathers to
    # compare ("Obtain three quotes").
    if not is_a(verb, lx.CUSTOMER_VERBS | lx.MARKET_VERBS | lx.OBJECT_VERBS) and not (
        rest[:1] and rest[0] in _A_FEW
    ):
        last = max(
            (
                i
                for i, word in enumerate(words[:4])
                if (is_a(word, lx.PROCESS_NOUNS) or word in lx.FUNNEL_WORDS)
                and not (word == "deal" and words[i - 1 : i] == ("a",))  # both sides strike one
            ),
            default=None,
        )
        if last is not None:
            return _quote(words, 0, last + 1), "a step of the business's process"
        # Any other verb on one of the business's own figures, with nobody's "my" or "our":
        # "Shorten the sales cycle", "Halve refund requests".
        phrase = _noun_phrase(rest, 0)[0]
        if any(is_a(w, _OWN_FIGURES) for w in phrase) and not any(
            w in lx.FIRST_PERSON or w in lx.FIRST_PLURAL for w in words
        ):
            return " ".join([verb, *phrase]), "a business metric"
    elif rest[:1] and is_a(rest[0], lx.SELLER_PROCESSES):
        # A verb-like first word before a process: "Email capture", "Review generation".
        return _quote(words, start, start + 2), "a step of the business's process"
    found = _verb_evidence(verb, rest)
    if found is not None:
        return found
    # A second verb joined by "and": "Qualify the lead and send a fee proposal".
    if "and" in rest:
        after = rest[rest.index("and") + 1 :]
        if after:
            found = _verb_evidence(after[0], after[1:])
            if found is not None:
                return found
    # Funnel words anywhere but in a customer's own phrase: "Move trials down the funnel",
    # "a place on the prospect's shortlist" (a customer is nobody's prospect to themselves;
    # "the prospect of surgery" is an outlook).
    for i, word in enumerate(words):
        if word in _FUNNEL_ANYWHERE and words[i + 1 : i + 2] != ("of",):
            if word == "crm" and is_a(verb, lx.CUSTOMER_VERBS) and verb not in ("get", "keep"):
                continue
            return word, "funnel words"
    # Money taken from the market: "repair spend from junior families".
    for i, word in enumerate(words[:-2]):
        if word in lx.MARKET_MONEY and words[i + 1] == "from":
            payers = _noun_phrase(words, i + 2)[0]
            if _is_people(payers):
                return " ".join([word, "from", *payers]), "money the business takes from its market"
    # A target: a number with a metric ("Occupancy of 90% in August").
    if _TARGET.search(goal) and any(is_a(w, lx.METRIC_WORDS | lx.FUNNEL_WORDS) for w in words):
        return goal.strip(), "a target with a number"
    # A standard for every customer's case: "Have every claim settled in five days", "after
    # each facial". A customer speaks of their own case, or of every week or month.
    every = _EVERY.search(goal) or _EVERY_PERSON.search(goal) or _EVERY_MADE.search(goal)
    then = every.groupdict().get("then") if every else None
    if then and then.casefold() in lx.PHRASE_ENDS:
        every = None  # "Have every ward on the new rota": a place, not somebody made to act
    one = every.groupdict().get("one") if every else None
    if one and is_a(one.casefold(), _OWN_PEOPLE):
        every = None  # "every colleague's diet": the customer's own people
    if every:
        return every.group(0).casefold(), _EVERY_CASE
    # How the business wants to rank: "Make our form the shortest in the country".
    if verb in ("make", "be", "become", "keep", "stay", "remain"):
        ranked = _RANKED.search(goal)
        if ranked:
            return ranked.group(0).casefold(), "how the business wants to be seen"
    return None


#: The reason given for "every claim", "each facial": asked, since a customer may also mean
#: every room of their own house.
_EVERY_CASE = "a standard the business sets for every customer"
#: "every" or "each" with a case the business handles ("every claim", "each facial"), not a
#: period ("each week") or the customer's own things ("every room", "every ward").
_EVERY = re.compile(
    r"\b(every|each) (?!times?\b)([\w-]+ ){0,3}?(claims?|repairs?|orders?|parcels?|deliver(y|ies)|"
    r"appointments?|bookings?|visits?|jobs?|treatments?|facials?|installations?|install|"
    r"enquir(y|ies)|inquir(y|ies)|complaints?|requests?|calls?|tickets?|cases?|clients?|"
    r"customers?|guests?|patients?|members?|sales?|invoices?|returns?|refunds?|shipments?|"
    r"sessions?|services?|consignments?|applicants?|applications?|tenants?|tenanc(y|ies)|"
    r"subscribers?|users?|visitors?|diners?|donors?|households?|reports?)\b",
    re.IGNORECASE,
)
#: "every" or "each" with somebody the business serves, known as a person by what follows
#: ("every child *who* comes in", "every candidate*'s* documents") or by being made to do
#: something ("Make every child leave proud"; not "Make every minute count").
#: The people of the customer's own circle, at work or at home: "every *colleague*'s diet".
_OWN_PEOPLE = lx.word_set(
    "colleague employee staff teammate flatmate housemate neighbour neighbor friend relative cousin"
)
_EVERY_PERSON = re.compile(r"\b(every|each) (?P<one>[\w-]+)( who\b|['’]s\b)", re.I)
_EVERY_MADE = re.compile(
    r"\b(make|have|let) (every|each) (?!(minute|hour|day|week|month|year|moment|second|penny|"
    r"pound|cent|bit|room|corner|inch|mile)\b)(?P<one>[\w-]+) (?!(count|last|matter|work|go|ready|"
    r"look|fit|feel)\b)(?P<then>[a-z]+)\b",
    re.IGNORECASE,
)
#: A superlative against a whole market: "the shortest in the country", "the best in town".
_RANKED = re.compile(
    r"\bthe (\w+est|best|most \w+) (\w+ ){0,2}(in|of|on) (the )?(country|town|city|area|"
    r"region|county|market|industry|sector|world|street|high street|valley|borough|district)\b",
    re.IGNORECASE,
)


#: Words that make a following person a peer of the customer, not the business's market:
#: "*other* adults like me", "*fellow* parents".
_PEERS = lx.word_set("other another fellow")
#: Words of an approval the buying side gives itself: "signed off", "approved", "authorised".
_APPROVAL = lx.word_set(
    "signedoff approved authorised authorized sanctioned ratified rubberstamped greenlit"
)


def _approved(rest: tuple[str, ...]) -> bool:
    """True when *rest* asks for the buying side's own approval ("the budget signed off",
    "the order approved"), not a buyer's approval won by the business ("approved by new
    clients").

    Examples
    --------
    >>> _approved(tokens("the contract signed off by finance")), _approved(tokens("it signed"))
    (True, False)
    >>> _approved(tokens("the proposal approved by prospects"))
    False
    """
    for i, word in enumerate(rest[:8]):
        approved = word in _APPROVAL or (word == "signed" and rest[i + 1 : i + 2] == ("off",))
        if approved:
            after = rest[i + 1 : i + 5]
            by = after.index("by") if "by" in after else -1
            return by < 0 or not _is_people(list(after[by + 1 :]))
    return False


def _volume_done(phrase: list[str], rest: tuple[str, ...]) -> int:
    """How many words of *rest* say that "Get" or "Have" asks for more (or fewer) of
    something, done by others ("Get more interviews booked", "Have fewer parcels
    returned"), or 0 (not "Get more sleep", "Get more of my questions answered").

    Examples
    --------
    >>> _volume_done(["more", "interviews", "booked"], tokens("more interviews booked from"))
    3
    """
    if phrase[:1] not in (["more"], ["fewer"]) or len(phrase) < 2:
        return 0
    if not phrase[1].endswith("s") or phrase[1].endswith("ss"):
        return 0
    for i in range(2, min(5, len(rest))):
        if rest[i].endswith("ed") and len(rest[i]) > 4:
            return i + 1
    return 0


#: What a person feels, bears or pays, that a customer wants less of: "Reduce the *stress*
#: of planning", "Cut the heating *bills*".
_FELT = lx.word_set(
    "stress worry worries anxiety hassle fear fears nerves panic guilt effort risk confusion "
    "uncertainty pain discomfort embarrassment bill bills"
)
#: Verbs of someone choosing, recommending or calling on a business: "Be the studio local
#: midwives *recommend*", "Be the firm a finance director *calls* first".
_CHOOSING = lx.word_set(
    "recommend mention choose pick trust call ring phone think rate prefer remember refer praise "
    "name suggest turn"
)


def _chosen_by_others(rest: tuple[str, ...]) -> int:
    """How many words of *rest* (after "Be") say the business wants to be the one others
    choose, recommend or trust ("the insurer tradespeople mention", "trusted by tenants"), or
    0. The customer's own "my" or a clause about themselves ("the one who books") is not.

    Examples
    --------
    >>> _chosen_by_others(tokens("the studio local midwives recommend"))
    5
    >>> _chosen_by_others(tokens("trusted by tenants to do what we say"))
    3
    >>> _chosen_by_others(tokens("the one who books the table"))
    0
    >>> _chosen_by_others(tokens("seen by a specialist within a week"))
    0
    """
    if any(w in lx.FIRST_PERSON for w in rest):
        return 0
    if len(rest) > 2 and rest[0].endswith("ed") and rest[1] == "by":
        return 3 if _is_people(list(rest[2:4])) else 0  # "trusted by tenants"
    if rest[:1] not in (("the",), ("a",)):
        return 0
    for i, word in enumerate(rest[2:8], start=2):
        if word in ("who", "to", "that", "of", "in", "for", "at", "and"):
            return 0  # "the one who books", "the first to know", "the best in town"
        if i >= 3 and is_a(word, _CHOOSING):
            return i + 1
    return 0


def _verb_evidence(verb: str, rest: tuple[str, ...]) -> tuple[str, str] | None:
    """What the first verb and its object say about whose goal this is."""
    if not verb:
        return None
    phrase = _noun_phrase(rest, 0)[0]
    owner = _owner(phrase)
    shown = " ".join([verb, *phrase]).strip()
    nxt = rest[0] if rest else ""
    if owner == "customer":
        return None
    if verb in ("get", "have") and _approved(rest):
        return None  # "Get the budget signed off": the buying side's own approval
    if phrase[:1] and phrase[0] in _PEERS:
        return None  # "Encourage other parents to come", "Tell fellow riders": the customer's peers
    if verb == "be" or verb == "become":
        if rest[:3] == ("the", "first", "to") or (
            rest[1:2] == ("by",) and not _chosen_by_others(rest)
        ):
            return None  # "Be the first to know", "Be seen by a specialist": the customer
        # "Be the garage drivers think of first": the business as its customers see it.
        if rest[:1] in (("the",), ("a",)) and len(rest) > 2 and _is_people(list(rest[2:4])):
            return " ".join([verb, *rest[:4]]), "how the business wants to be seen"
        if any(w in lx.POSITION_WORDS for w in rest[:2]) or rest[:2] in (
            ("the", "first"),
            ("the", "goto"),
            ("top", "of"),
            ("the", "obvious"),
            ("the", "leading"),
        ):
            return " ".join([verb, *rest[:3]]), "how the business wants to be seen"
        chosen = _chosen_by_others(rest)
        if chosen:
            return " ".join([verb, *rest[:chosen]]), "how the business wants to be seen"
        return None
    if verb == "make":
        if nxt in ("sure", "a", "an", "my", "me", "us", "time", "friends", "space", "room"):
            if nxt == "sure" and _is_people(_noun_phrase(rest, 1)[0]):
                return " ".join(rest[:3]), "the business acting on its customers"
            return None
        if nxt == "it" and len(rest) > 1 and rest[1] in ("easy", "easier", "simple", "quick"):
            return " ".join([verb, *rest[:3]]), "the business's aim for its customers"
        if any(w in ("feel", "feels", "seem", "look") for w in rest[:5]) or _is_people(phrase):
            return shown, "the business acting on its customers"
        return None
    if nxt in ("in", "out") and verb in ("fill", "close", "collect", "process"):
        return None
    if verb == "raise" and nxt in ("money", "funds"):
        return None
    if verb == "qualify" and nxt in ("for", "as"):
        return None
    if verb == "sign" and nxt in ("up", "in", "off"):
        if nxt == "up" and _is_people(_noun_phrase(rest, 1)[0]):
            return " ".join([verb, *rest[:3]]), "the business acting on its customers"
        return None
    # "Turn diners into regulars", "Convert browsers into buyers".
    if verb in ("have", "get") and (done := _volume_done(phrase, rest)):
        return " ".join([verb, *rest[:done]]), "a volume the business wants done"
    # "Turn diners into regulars", not "Turn the spare room into an office": people or
    # the funnel on one side.
    moved = lx.CUSTOMER_ROLES | lx.FUNNEL_WORDS | lx.SALES_STEPS
    if (
        verb in ("turn", "transform", "move")
        and ("into" in rest or "down" in rest)
        and (
            any(w in moved or is_a(w, lx.DEAL_NOUNS) or _people_plural(w) for w in rest)
            or ("into" in rest and _into_a_sale(rest[rest.index("into") :]))
        )
    ):
        return " ".join([verb, *rest[: rest.index("into" if "into" in rest else "down") + 1]]), (
            "the business moving customers along"
        )
    if is_a(verb, lx.MARKET_VERBS):
        head = phrase[: phrase.index("of")] if "of" in phrase else phrase
        if head[:1] in (["the"], ["our"]) and _served_by(head[1:]):
            return None  # "Thank the installers who came", "Brief our decorators"
    if is_a(verb, lx.MARKET_VERBS) and (
        not is_a(verb, lx.EVERYDAY_MARKET_VERBS) or _market_object(phrase, rest, verb)
    ):
        return shown, "a verb of the business working on its market"
    # "Have drivers book again": the business having its customers do something.
    if verb in ("have", "let") and _is_people(phrase):
        return shown, "the business acting on its customers"
    # A verb the lexicon does not know, aimed at a whole market: "Steer tenants towards ...".
    known = lx.CUSTOMER_VERBS | lx.MARKET_VERBS | lx.OBJECT_VERBS
    looks_like_a_verb = not verb.endswith("s") or verb.endswith("ss")  # not "dates", "plans"
    if looks_like_a_verb and not is_a(verb, known) and phrase[:1] != ["the"] and _is_people(phrase):
        return shown, "the business acting on its customers"
    if is_a(verb, lx.OBJECT_VERBS):
        if phrase and phrase[0] in lx.PEER_WORDS:
            return None
        hired = verb in lx.SEEKING_VERBS and (
            any(w in lx.HIRED_TOO for w in phrase) or not _is_known(phrase)
        )
        if _is_people(phrase) and not hired:
            return shown, "the business acting on its customers"
        if verb in ("tell", "meet", "join", "follow"):
            return None
        # What is built is the head of "a list of dog owners", not its last words.
        head = phrase[: phrase.index("of")] if "of" in phrase else phrase
        building = verb in ("build", "create", "establish", "grow")
        # Something of a business's that is sought ("Find a shop", "Book a collection") is
        # what the customer looks for, not what the business builds.
        sought = verb in lx.SEEKING_VERBS
        if (
            owner == "business"
            or (not sought and any(is_a(w, lx.BUSINESS_ASSETS) for w in phrase[-2:]))
            or (building and any(is_a(w, lx.BUSINESS_ASSETS) for w in head[-2:]))
        ):
            return shown, "the business building something of its own"
        if any(w in lx.FUNNEL_WORDS for w in phrase):
            return shown, "funnel words"
        deal = any(is_a(w, lx.DEAL_NOUNS) for w in phrase) and not any(
            w in ("best", "good", "better", "great", "fair") for w in phrase
        )
        # Approval is what the buying side gives itself (its board, its budget holder):
        # "Get the contract approved" is the buyer's step, "Get the contract signed" the
        # seller's.
        signed = any(w in ("signed", "closed", "agreed", "accepted") for w in phrase)
        signed = signed and not _approved(rest)
        if deal and (verb in ("make", "close", "win") or (verb == "get" and signed)):
            return shown, "a deal the business closes"
        lowering = verb in ("reduce", "cut", "lower", "minimise", "minimize")
        felt = any(w in _FELT for w in phrase)  # "the stress", "bills"
        if (
            lowering
            and not felt
            and not any(w in lx.FIRST_PERSON or w in lx.FIRST_PLURAL for w in rest)
        ):
            return shown, "a business metric"
        if verb in ("improve", "raise") and any(is_a(w, lx.METRIC_WORDS) for w in phrase):
            return shown, "a business metric"
        if verb == "reach" and phrase and _NUMBER.search(phrase[0]) and _counts_market(phrase):
            return shown, "a target with a number"
        if verb == "book" and any(w in ("demos", "calls", "meetings") for w in phrase):
            return shown, "a step of the business's sales process"
        if verb == "show" and phrase[:2] == ["the", "value"]:
            return shown, "the business making its case"
    return None
