"""Rules about information needs and messages: each question answered in time, in meaning.

An information need counts as answered when a message in the same stage or an earlier
one answers what it *asks* (:func:`.concepts.concepts`): "Can we get our money back?"
asks about a refund, and "Cancel any time in the first 30 days" answers it with no word
in common, while "Brake repairs are our speciality" shares words with "What will a brake
repair cost?" and leaves the price open. A precise question (a price, a time, a refund,
where, who qualifies: :data:`.concepts.PRECISE`) needs a message on that very point. An
open question ("What does the school have to do?") may be answered in words no list
follows, so the coach only notes it when no message has been given up to that stage, or
when the stage's messages are claims that say nothing concrete (below). A
customer can only act on an answer they have already heard, hence "the same stage or an
earlier one".

A message may also answer without naming its topic (:func:`told`): "Two minutes from the
station" says where, "Small, medium and large" gives the sizes, "Bring your licence" names
the papers, "Not right? We redo it" answers a refund question. These readings apply to
messages only, so a need does not become a precise question by using such words.

Two more ways a need is met in meaning, not in words:

* A question about where to *get hold of* something ("Where do we collect the keys?") is
  answered by a message that says the very thing comes to the customer ("Your key code
  arrives the day before"): there is nowhere to go. The message has to name what is asked
  for; a message about deliveries in general leaves the keys where they were.
* The map may already say the question is open: a need that no message answers yet, which
  an opportunity of its stage takes up ("Which documents do I need?" beside "List the
  documents before the form starts"), is a gap the learner found and plans to close, so
  the coach does not ask about it again, provided the stage's messages belong to that plan
  (a message speaks to one of the stage's opportunities or business activities). A slogan
  beside the opportunity ("Make memories that last") is not part of any plan, and the
  question stays.

Two ways a message *seems* to answer and does not:

* A question whether a thing is worth the customer's while ("Is it worth going if I
  have never been?", "Is the course any good?") asks how to judge it before paying,
  not what it costs: it is answered by a way to see for oneself (a clip, a taster, a
  trial, a demo), by proof (ratings, results) or by a message on the very thing it asks
  about, and a price alone ("Places from £12") leaves it open. "Worth the money" stays a
  question about price.
* A question in a stage whose messages say nothing concrete (they tell no topic other
  than vouching for the business, give no figure and share no word with the stage's
  needs, pain points or opportunities: "Ideas come to life here", "Three generations of
  fine craftsmanship", "Trusted by breweries across the north"; what a business says of
  its own age, reach or crowd of customers is no figure) is only answered by a message,
  up to that stage, that shares a word (not the map's main subject, which is in the
  goals, actions or touchpoints of most stages) or a topic with it; a precise question with a
  point of its own ("What will it cost *each month*?") only by a message on that point,
  not by a price heard earlier for something else. A claim about the business answers
  nobody's question, and the learner who puts one where the answer was has left the
  question open.

A clause of time at the end of a need ("... before it arrives?", "... when I play?") says
when the question matters, not what it asks; and a message that names the very things a
precise question asks about and gives a figure ("Standard scans suit phones and prints up
to A5") answers it without naming its topic.

What a business says of itself answers no question and makes no message concrete: besides
its age, reach and crowd, its pride ("We are proud to"), a boast ("the perfect people",
"the friendliest team"), a promise of being there ("here when you need us": no time), a
cause ("saving lives"). A message that cheers the customer on or thanks them ("Well done,
keep going!") is no answer either, whatever words of the question it repeats. Some words
of a question are read in another sense: "rated for" is a standard, not a rate; "Will the
test cover ...?" asks what it includes, not about insurance; "Can I safely ...?" asks what
the customer may do; "handle subcontractor payments" is the customer's own business, not a
price; "What am I ..." names no time. A question about the price of a thing ("What will
delivery to Caithness cost?") wants that thing priced: a free extra elsewhere is no answer
(a question about the total, "Total price including delivery", is about the price).

Some questions are read by their kind before the topics they name, in any voice (terse,
second person, second language): what if the thing goes wrong ("What if a name is
wrong?") asks for a remedy, answered by money back, a redo, a swap, a change or insurance,
or by a message that names a fault and what the business then does ("Missing button? We
sew it back"); whether others see what is the customer's own ("Will they see my private
photos?") asks about privacy; whom to ask ("Who can I ask about access?") wants a person
or a way to reach one; how the business guards against something ("How do they stop
clothes getting mixed up?") is an open question. What a total covers ("the total price
with parking and food") is part of the price asked, not a question of its own.

A message that is the same in every stage (a slogan) answers no stage's question.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..model import Stage
from .concepts import PHRASES, PRECISE, concepts, topic_words
from .context import MapView, Rule
from .findings import Finding
from .loop import common_words
from .words import quoted, quoted_list, squash

RULES = (
    Rule(
        "need-without-message",
        ("improve",),
        "information needs that no message in the same or an earlier stage answers in meaning "
        "(a precise question, about a price, a time, a refund, where, whether it is worth it "
        "..., needs a message on that point, and beside a claim on its own point; an open "
        "one, a message that says something concrete, not a claim about the business)",
    ),
    Rule(
        "same-message-in-every-stage",
        ("fix",),
        "one message (a slogan) in every stage that has messages, three stages or more",
    ),
)


#: A message naming how many people a thing serves ("Prices by number of guests", "Tables
#: for up to 12 people") or how big a place is by what it holds ("Most 30-bed homes pay ...",
#: "a 12-desk office").
_HEADCOUNT = re.compile(
    r"\b(number of|for up to|serves|feeds|seats) (\d+ )?(people|guests|persons)\b"
    r"|\b\d+ (people|guests|persons|servings|portions)\b"
    r"|\b\d+[- ](bed|bedroom|room|seat|seater|desk|berth|pupil|cover)s?\b",
    re.IGNORECASE,
)


#: Something the business does or delivers turning out wrong: a mistake, a fault, a breakdown
#: ("a name is wrong", "the screen stop working", "it doesn't work").
_FAULT = (
    r"\b(wrong|mistakes?|errors?|typos?|misspel\w*|broken|breaks?|damaged|faulty|leaks?"
    r"|stops? working|(does|do|did)\s?n[o']?t work\w*|not work\w*|not right)\b"
)

#: A fault named in a message, the business's answer to it: the faults of :data:`_FAULT`,
#: and a thing missing, lost, torn or not OK ("Missing button?", "Screen not OK?").
_FAULT_TOLD = _FAULT + r"|\b(missing|lost|torn|stained|ripped|not ok(ay)?)\b"

#: Ways a message gives an answer without naming its topic, read in messages only (a need
#: that uses these words does not, by that alone, ask a precise question): where a place
#: is, by what it is near ("Two minutes from the station"); sizes, by the sizes on offer
#: ("Small, medium and large"); the papers to bring, by naming one ("Bring her passport");
#: a promise to put a bad job right or to swap the thing, which is what a refund question
#: wants to hear; when a thing happens, by what it follows ("Paid the moment the buyer
#: collects") or by the slots open to book ("Open slots on the calendar").
_ANSWERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), concept)
    for pattern, concept in (
        (
            r"\b(minutes?|mins?|steps|metres|meters|miles|yards) (from|away)\b"
            r"|\b(walk|drive) from\b|\b(behind|opposite|beside|next (door )?to|across from)\b"
            r"|\b(round|around) the corner\b|\b(station|street|road|high st|car park"
            r"|parking spaces?|ground floor|first floor|gate|reception|driveway|forecourt|yard)\b"
            # a room or building the customer can go to: "Clubhouse lounge heated"
            r"|\b(lounge|clubhouse|caf[eé]|bar|changing rooms?|hall|foyer|lobby|waiting room)\b",
            "where",
        ),
        (
            r"\b(the moment|as soon as|straight after|right after|immediately|instantly"
            r"|on the day|once (the|you|we|your|it))\b|\b(slots?|calendar|diary)\b",
            "time",
        ),
        (r"\b(extra )?small\b.*\b(medium|large)\b|\b(xs|xl|xxl)\b|\bup to \d+ ?kg\b", "size"),
        (r"\b(licen[cs]e|passport|birth certificate|bank statement|payslips?)\b", "documents"),
        (
            r"\bput (it|things|that) right\b|\bredo\b|\bdo it again\b"
            r"|\bno quibble\b|\bnot happy\b|\bswap\b|\bexchange\b|\bsend (it|them) back\b"
            # a remedy at the business's cost: "Mistakes corrected free", "6 months warranty"
            r"|\bwarrant(y|ies)\b|\bfree (of charge )?(re-?)?(check|fix|correction|repair"
            r"|replacement|reprint|redo)s?\b|\b(fix|correct|replac|repair|reprint|resend)\w*"
            r"\b[^.;:]{0,30}\b(free|no (extra )?(charge|cost)|on us|at our (cost|expense))\b"
            # a fault named, and what the business then does: "Missing button? We sew it back"
            rf"|^(?=.*({_FAULT_TOLD}))(?=.*\b(we|we'll|we will|our|free|no charge|on us)\b)",
            "refund",
        ),
        (
            # what the business does not do with the customer's things, or how they are kept
            r"\bnever (see|sees|look|looks|open|opens|read|reads|share|shares|sell|sells"
            r"|pass|passes|keep|keeps|store|stores|copy|copies)\b|\bencrypt\w*"
            r"|\b(wiped?|deleted|erased)\b|\bonly you\b|\bstays? (on|with|in) your\b",
            "privacy",
        ),
        (
            # a way to reach someone: "Thursday Q&A thread", "DM us", "a helpline"
            r"\bq ?& ?a\b|\b(forum|thread|dms?|inbox|helpline|hotline|help ?desk|whatsapp"
            r"|drop-in|answered by|ask (us|me|our|the|any)\w*)\b",
            "contact",
        ),
        (
            # a report of the work done: "what we did", "what was changed"
            r"\bwhat (we|i|they) (did|changed|fixed|replaced|found|repaired|checked)\b"
            r"|\bwhat (was|were|got|has been|have been) (done|changed|fixed|replaced|found"
            r"|repaired|checked)\b",
            "results",
        ),
        (
            r"\b(move|moves|moved|moving|change|changes|changed|changing|swap\w*|switch\w*"
            r"|reschedul\w*|rearrang\w*|postpon\w*|rebook\w*)\b",
            "change",
        ),
    )
)


#: A question whether a thing is worth the customer's while: "Is it worth going?", "Is it
#: any good?", "What is the standard like?" ("worth the money" is a price question).
_WORTH_ASKED = re.compile(
    r"\bworth (it|\w+ing)\b|\b(any|much) good\b|\bwhat (standard|level)\b"
    r"|\bwhat (is|are) (it|they|the \w+) (really )?like\b",
    re.IGNORECASE,
)

#: A message that lets the customer judge for themselves: a sample of the thing itself, how
#: others rated it, or a record of its history and checks.
_WORTH_TOLD = re.compile(
    r"\b(clips?|videos?|trailers?|recordings?|tasters?|trials?|samples?|demos?|previews?"
    r"|outlines?|excerpts?|tours?|rated)\b|\btry (it|one|a|any|before)\b|\bfor yourself\b"
    r"|\b\d(\.\d)? stars?\b"
    # a record of the thing's own history or checks: "a card listing what was restored"
    r"|\b(records?|history|logbook|listing what|inspected|tested|checked|certificates?"
    r"|warrant(y|ies)|guarantee[ds]?|accredited|members of)\b",
    re.IGNORECASE,
)


#: A clause of time after the question ("... before it arrives?", "... when I play?"): it
#: says when the question matters, not what is asked, so its words ask nothing.
_WHEN_CLAUSE = re.compile(
    r"(?<=\w)\s+(before|when|until|after|once|while)\s+"
    r"(it|i|we|you|they|he|she|the|my|our|your|his|her|their)\b.*$",
    re.IGNORECASE,
)


#: Words of a question in a sense other than their topic's: "rated for site work" is a
#: standard, not a rate; "Will the test cover ...?" asks what it includes, not about
#: insurance; "Can I safely share ...?" asks what the customer may do, not whether the
#: business is safe; payments the customer's firm handles are no price, "am I" no time, nor
#: a "before" that ends the question ("Has anyone done it before?").
_OTHER_SENSE = re.compile(
    r"\brated\b|\b(will|does|do|would|can) (it|they|this|that"
    r"|the (?!policy|insurance|plan|warranty|guarantee)\w+) cover\b"
    r"|\b(safely|securely|confidently|properly)\b"
    # covering a thing over, not insurance: "good at covering names", "a cover-up"
    r"|\bcovering\b|\bcover[- ]?ups?\b"
    # payments the customer's own business makes or takes ("Can they handle subcontractor
    # payments?"), and "am" as a verb ("What am I allowed to say?"), not a time of day
    r"|\b(handl|process|manag|run|track|chas|reconcil|sort)\w* (\w+ ){0,2}?payments?\b"
    r"|\bam (i|we)\b|\bi am\b"
    # "before" that ends the question means "ever", not a time ("Has anyone built one before?")
    r"|\bbefore\s*[?.!]*\s*$",
    re.IGNORECASE,
)


#: Questions read as another question than their words name: "Where do I start?" asks how
#: to begin, not for a place; "Are the translators qualified?" asks whether the people the
#: business sends can be trusted, not whether the customer qualifies.
_READ_AS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), reading)
    for pattern, reading in (
        (
            r"\bwhere (do|should|can|shall|would) (i|we|you) (\w+ )?(start|begin)\b",
            "how do I start",
        ),
        (
            r"\b(are|is) (the|your|their|its|his|her) ([\w'-]+ ){1,2}?"
            r"(properly |fully |suitably )?qualified\b",
            "are they trusted",
        ),
    )
)

#: A yes-or-no question whether the customer can change a plan once made: "Can I move the
#: date if my shifts change?", "Could we swap to a smaller room?". What it asks is the
#: change, whatever the plan is about (a date, a place); "Until when can we change the
#: order?" asks a time, and a cancellation is a refund question.
_CHANGE_ASKED = re.compile(
    r"(^|[,;] (and )?)\s*(can|could|may) (i|we|you|he|she|they|[A-Z]\w+) (still |later )?"
    r"(move|change|swap|switch|reschedule|rearrange|postpone|rebook)\b",
    re.IGNORECASE,
)

#: A question whether someone else will accept what the customer gets: "Will the paperwork
#: satisfy an inspector?", "Will the registration body accept it?". Its ``judge`` group is
#: who judges or what they judge by (:func:`judge`). What is accepted is the customer's own
#: thing ("accept it", "accept my papers"): "Does the shop accept returns?" asks what the
#: business takes.
_ACCEPTANCE_ASKED = re.compile(
    r"\bsatisf(y|ies) (?P<judge>.+)$|\bbe accepted (by|for) (?P<judge2>.+)$"
    r"|\b(will|would|does|do) (?P<judge3>(the|a|an|my|our|their|your|his|her) ([\w'-]+ ){1,4}?)"
    r"accept (it|them|this|that|these|those|my|our|his|her|their)\b"
    r"|\bmeets? (?P<judge4>(the|their|its|all) ([\w-]+ )?(requirements?|standards?|rules).*)$",
    re.IGNORECASE,
)


def judge(need: str) -> frozenset[str]:
    """The words of who judges, in a question whether they will accept what the customer gets
    (:data:`_ACCEPTANCE_ASKED`): a message naming them answers it ("Drawings made to the
    council's own rules" for "Will the council accept these drawings?"), a message on the
    thing judged does not.

    Examples
    --------
    >>> "council" in judge("Will the council accept these drawings?")
    True
    >>> "draw" in judge("Will the council accept these drawings?")
    False
    >>> sorted(judge("Will the paperwork satisfy a CQC inspector?"))
    ['cqc', 'inspector']
    """
    found = _ACCEPTANCE_ASKED.search(need)
    if not found:
        return frozenset()
    said = next(part for part in found.group("judge", "judge2", "judge3", "judge4") if part)
    return _with_bases(_words(said))


#: A question how the customer can be sure of something before paying: "How do we know this
#: one won't need expensive work soon?". It asks for proof (:data:`_WORTH_TOLD`) or a message
#: on what it is to be sure of, and a price is neither ("How do I know when it is ready?"
#: asks no proof).
_ASSURANCE_ASKED = re.compile(
    r"\bhow (do|can|will|would|should) (i|we|you|they) (know|tell|be sure)\b"
    r"(?! (when|where|what|which|how|who|if|whether)\b)",
    re.IGNORECASE,
)

#: A question what happens when that thing goes wrong ("What if a name is wrong?", "What
#: happen if the screen stop working?", "If the print is damaged, what then?"): it asks for a
#: remedy (money back, a redo, a swap, a change or insurance), whatever thing it names ("What if it
#: rains?" names no fault and is no such question).
_FAULT_ASKED = re.compile(
    r"^\W*(and |so |but )?(what|who)\b[^?]{0,25}?\b(if|when|in case)\b.*"
    + _FAULT
    + r"|^\W*(and |so |but )?(if|when|in case)\b.*"
    + _FAULT
    + r".*\b(what|who)\b",
    re.IGNORECASE,
)

#: Who may see what is the customer's own, in a privacy question: anyone but the customer
#: ("Can I share my photos?" is the customer's own doing), and "you" only when what is seen
#: is not "your" (in a second-person voice "you" is the customer).
_OTHERS = (
    r"(they|anyone|anybody|someone|somebody|staff|strangers|others|other people|he|she|it"
    r"|the [\w'-]+)"
)
_SEEN = (
    r"(\w+ ){0,2}?(see|look at|read|open|go through|access|sell|share|pass on|keep|copy)\w*"
    r" (\w+ ){0,2}?"
)
_OWN_THINGS = (
    r" ([\w']+ ){0,2}?(data|details|photos?|pictures?|files?|messages?|chats?|records?"
    r"|information|info|emails?|contacts?|history|accounts?)\b"
)

#: A question whether others will see, read or pass on what is the customer's own ("Will
#: they see my private photos?", "Does anyone read your messages?", "Is it confidential?"):
#: it asks about privacy, which only a message on privacy answers. A need that merely names
#: details ("What details do I need?") is no such question.
_PRIVACY_ASKED = re.compile(
    r"\b(private|privacy|confidential\w*|gdpr)\b"
    rf"|\b{_OTHERS} {_SEEN}(my|our|your|his|her|their){_OWN_THINGS}"
    rf"|\byou {_SEEN}(my|our|his|her|their){_OWN_THINGS}",
    re.IGNORECASE,
)

#: A question whom to ask ("Who can I ask about access, day to day?", "Who do you call when
#: ..."): it wants a person or a way to reach one, whatever it is about; what follows "about"
#: is its subject, not its kind.
_WHOM_ASKED = re.compile(
    r"\bwho (can|could|do|should|shall|will|would|to) ((i|we|you|they) )?"
    r"(ask|contact|call|ring|text|message|email|talk to|speak to|turn to|go to|chat to)\b",
    re.IGNORECASE,
)

#: A question how the business guards against something ("How do they stop clothes getting
#: mixed up between residents?", "How will you make sure nothing is lost?"): it asks for a way
#: of working, an open question; the things it names ("residents") are what the way is for,
#: not a question whether the customer qualifies.
_METHOD_ASKED = re.compile(
    r"^\W*how (do|does|will|would|can|could) (they|you|it|the [\w'-]+|[A-Z][\w'-]+) "
    r"(stop|keep|make sure|ensure|prevent|avoid|handle|deal with|protect|guard|check|look after)"
    r"\b",
    re.IGNORECASE,
)

#: Questions whose kind outweighs the topics they name (:data:`_CHANGE_ASKED`,
#: :data:`_ACCEPTANCE_ASKED`, :data:`_ASSURANCE_ASKED`, :data:`_FAULT_ASKED`,
#: :data:`_PRIVACY_ASKED`, :data:`_WHOM_ASKED`, :data:`_METHOD_ASKED`): what they ask, in the
#: order read.
_KIND_ASKED = (
    (_CHANGE_ASKED, "change"),
    (_ACCEPTANCE_ASKED, "accepted"),
    (_ASSURANCE_ASKED, "proof"),
    (_FAULT_ASKED, "remedy"),
    (_PRIVACY_ASKED, "kept-private"),
    (_WHOM_ASKED, "whom-to-ask"),
    (_METHOD_ASKED, "howto"),
)

#: Kinds of question (:data:`_KIND_ASKED`) answered by a message that tells one of these
#: topics (:func:`told`): a remedy by a refund, a change or insurance, privacy by a message
#: on privacy,
#: whom to ask by a person or a way to reach one.
_ANSWERED_BY_KIND: dict[str, frozenset[str]] = {
    "remedy": frozenset({"refund", "change", "insurance"}),
    "kept-private": frozenset({"privacy"}),
    "whom-to-ask": frozenset({"who", "contact"}),
}


@lru_cache(maxsize=65536)
def asks(need: str) -> frozenset[str]:
    """What *need* asks: its topics (:func:`.concepts.concepts`), and ``worth`` when it asks
    whether the thing is worth the customer's while, which is then no price question
    unless it names money too. A clause of time at its end (:data:`_WHEN_CLAUSE`: "Can our
    staff be certified before it arrives?") only says when the question matters: it asks
    about the certificate, not about a delivery.

    Examples
    --------
    >>> sorted(asks("Is it worth going if I have never been?"))
    ['worth']
    >>> "price" in asks("Is it worth the money?"), "worth" in asks("Is it worth the money?")
    (True, False)
    >>> "delivery" in asks("Can our staff be certified before it arrives?")
    False
    >>> "time" in asks("How long before the bank says yes?")
    True

    A question of a kind that outweighs its topics (:data:`_KIND_ASKED`) asks that kind
    only: "Can I move the date?" asks about a change, not a time.

    >>> sorted(asks("Can I move the date if my shifts change?"))
    ['change']
    >>> sorted(asks("Where do we start?")), sorted(asks("Is the tutor qualified?"))
    (['howto'], ['trust'])
    >>> sorted(asks("How can we tell it will last?")), "proof" in asks("How do I know when?")
    (['proof'], False)
    """
    for pattern, kind in _KIND_ASKED:
        if pattern.search(need) and (kind != "accepted" or judge(need)):
            return frozenset({kind})
    for pattern, reading in _READ_AS:
        need = pattern.sub(reading, need)
    need = _OTHER_SENSE.sub(" ", _WHEN_CLAUSE.sub("", need))
    found = set(concepts(need))
    if _WORTH_ASKED.search(need):
        found.add("worth")
        if "price" not in concepts(re.sub(r"\bworth\b", " ", need, flags=re.IGNORECASE)):
            found.discard("price")
    return frozenset(found)


@lru_cache(maxsize=65536)
def told(message: str) -> frozenset[str]:
    """What *message* tells: its topics, the size of a thing when it says how many people it
    serves, and the answers of :data:`_ANSWERS`. Only the message is read this way: a
    question that mentions people ("How do I change the number of people?") is not, by that
    alone, a question about size, nor "Is there a station nearby?" one about a place.

    Examples
    --------
    >>> "size" in told("Prices by number of guests: 50, 80 or 120")
    True
    >>> "size" in told("Fresh lunches for the whole office")
    False
    >>> "where" in told("Two minutes from the station")
    True
    >>> "refund" in told("Not happy? We redo it at no charge")
    True
    >>> sorted(told("Lessons every week"))
    ['time']
    """
    found = set(concepts(message))
    if _HEADCOUNT.search(message):
        found.add("size")
    found.update(concept for pattern, concept in _ANSWERS if pattern.search(message))
    if _WORTH_TOLD.search(message) or found & {"trust", "results"}:
        found.add("worth")
    return frozenset(found)


#: A question about getting hold of something: "Where do we collect the keys?", "Where can I
#: pick up my order?".
_OBTAIN = re.compile(
    r"\b(collect|pick (it |them )?up|pickup|fetch|get|receive|obtain)\b", re.IGNORECASE
)


def brings(need: str, message: str) -> bool:
    """True when *need* asks where to get something and *message* says that thing comes to
    the customer (delivered, sent, arriving): the question has nothing left to ask.

    Examples
    --------
    >>> brings("Where do we collect the keys?", "Your key code arrives the day before")
    True
    >>> brings("Where do we collect the keys?", "Free delivery on every order")
    False
    >>> brings("Where can I pick up my glasses?", "Glasses posted to your door in a week")
    True
    """
    if "where" not in concepts(need) or not _OBTAIN.search(need):
        return False
    return bool(topic_words(need) & topic_words(message)) and ("delivery" in told(message))


def _about_it(need: str, message: str) -> bool:
    """True when *message* names what *need* asks about ("Is the premium plan worth it?",
    "Premium adds ..."): a message on the very thing tells what it is worth."""
    return bool((topic_words(need) - {"worth"}) & topic_words(message))


def _on_the_things(need: str, message: str) -> bool:
    """True when *message* names two or more of the things *need* asks about and gives a
    figure, and tells no precise topic the need does not ask about: "Standard scans suit
    phones and prints up to A5" answers "Which scan size is enough for small prints?"
    without naming a size, while "Brake repairs done in 2 hours" gives a time, not the
    price "What will a brake repair cost?" asks. A price is always told in words the coach
    reads (a currency, "free", "from"), so a bare figure never answers one."""
    asked = asks(need)
    if "price" in asked or (told(message) & PRECISE) - asked - told(need):
        return False
    return len(_words(need) & _words(message)) >= 2 and bool(_FIGURE.search(_plain(message)))


#: A question about the whole price, with a thing in it ("Total price including delivery"):
#: the price is its point, not the thing.
_TOTAL = re.compile(
    r"\b(total|all[- ]in|overall|all ?together|in all|including|included|with everything)\b",
    re.IGNORECASE,
)


def answered(need: str, messages: list[str]) -> bool:
    """True when one of *messages* answers what *need* asks: a precise question by a
    message on its point (or on the very things it names, with a figure:
    :func:`_on_the_things`), an open one by any message.

    Examples
    --------
    >>> answered("How quickly can they do a repair?", ["Most repairs done within a day"])
    True
    >>> answered("What will a brake repair cost?", ["Brake repairs are our speciality"])
    False
    >>> answered("When does the parcel arrive?", ["Free returns within 30 days"])
    False
    >>> answered("Where do we collect the keys?", ["Your key code arrives the day before"])
    True
    >>> answered("Is the course any good?", ["Places from 90 euros"])
    False
    >>> answered("Will the forms satisfy the auditor?", ["Forms the auditors sign off on"])
    True
    >>> answered("Can we move the date if it rains?", ["Dates fixed at booking"])
    False
    """
    asked = asks(need)
    if "accepted" in asked:  # "Will the paperwork satisfy an inspector?": the inspector
        return any(judge(need) & _with_bases(_words(m)) for m in messages)
    if "proof" in asked:  # "How do we know it lasts?": a record, a rating, a trial, or a
        # message on what it is sure of ("... my data is safe?": "Data never leaves the EU")
        sure_of = concepts(need) - _BROAD - {"price"}
        return any(told(_plain(m)) & (sure_of | {"worth"}) for m in messages)
    for kind, answering in _ANSWERED_BY_KIND.items():
        if kind in asked:
            return any(told(_plain(m)) & answering for m in messages)
    precise = asked & (PRECISE | {"worth", "change"})
    if "price" in precise and _TOTAL.search(need):
        # "What is the total price with parking and food?": what the total covers is part
        # of the price asked, no question of its own
        precise = frozenset({"price"})
    if len(precise) > 1:  # "When does the parcel arrive?": the parcel, not any time
        precise -= {"time"}
    if len(precise) > 1:
        precise -= {"price"}  # "What will delivery cost?": the delivery's price, not any price
    if precise:
        return any(
            precise & told(_plain(message))
            or ("change" in precise and "refund" in told(message))
            or brings(need, message)
            or ("worth" in precise and _about_it(need, message))
            or _on_the_things(need, message)
            for message in messages
        )
    # An open question ("What does the school have to do?") can be answered in words the
    # coach cannot follow; it only speaks up when no message has been given at all.
    return bool(messages)


def planned(
    need: str,
    messages: list[str],
    ideas: list[str],
    activities: list[str],
    subject: frozenset[str] = frozenset(),
) -> bool:
    """True when the stage's *ideas* (its opportunities) already take up *need*, and its
    *messages* belong to the stage's plan: the map itself says the question is still open.

    The messages belong to the plan when one of them speaks to one of the stage's
    opportunities or business *activities* (they share a topic), apart from what the business
    says of its own standing (:data:`_STANDING`: "Best day out for all the family" beside "a
    price calculator for family groups"); a slogan speaks to none,
    nor does a message that shares only a word of the map's main *subject* with the plan
    ("Fast, accurate translations" beside "Write a guide to each body's translation rules"
    on a translator's map).

    Examples
    --------
    >>> planned(
    ...     "Which documents do I need?",
    ...     ["Save your application and finish it later"],
    ...     ["List the documents before the form starts and save progress"],
    ...     [],
    ... )
    True
    >>> planned(
    ...     "What is the total price for the week?",
    ...     ["Make memories that last"],
    ...     ["Show the full weekly price on every cabin page"],
    ...     ["Keep the activity calendar current"],
    ... )
    False
    >>> planned(
    ...     "Which price suits a family of five?",
    ...     ["Cosy cabins in the pines"],
    ...     ["Show a family price on every cabin page"],
    ...     [],
    ...     subject=frozenset({"cabin"}),
    ... )
    False
    """
    asked = topic_words(need)
    if not any(asked & topic_words(idea) for idea in ideas):
        return False
    plan = frozenset().union(*(topic_words(item) for item in (*ideas, *activities))) - subject
    return any(topic_words(_plain(message)) & plan for message in messages)


#: A figure in a message: a digit or a small number in words ("for twelve years", "ages 6
#: and up"), not the year a business began ("since 1987") nor a vague crowd ("thousands"),
#: nor "one", which says "a single" ("One collection for all your waste") more often than
#: it counts.
_FIGURE = re.compile(
    r"\d|\b(two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety)\b",
    re.IGNORECASE,
)

#: What a business says of its own standing, figures and all: the year it began ("since
#: 1987"), its age ("three generations of", "40 years of experience", "decades in"), the
#: crowd that chose it ("over 200 hospitals", "trusted by families"), how far it reaches
#: ("across the north", "all over the country"), its make-up and history ("a family firm"),
#: the standards it holds ("ISO 9001"), its tagline ("the friendly way to travel") and its
#: praise of its own work ("Fast, accurate translations"). None of it answers a customer's
#: question.
_STANDING = re.compile(
    r"\b(since|est\.?|established( in)?) \d{4}\b"
    r"|\b[\w-]+ (generations?|decades?)'? (of|in)\b"
    r"|\b[\w-]+ years'? ((of )?(experience|expertise|craft\w*|trading|history|service)"
    r"|in (business|the trade))\b"
    r"|\b(over|more than) [\d,]+\+? \w+"
    r"|\b(across|all over|throughout) the \w+"
    r"|\b(trusted|loved|chosen|relied on|preferred) by (\d[\d,]*\+? )?\w+"
    # its pride and its care: "We are proud to", "passionate about", "we care about"
    r"|\b((we are|we're) (so )?(proud|passionate|delighted|thrilled)( to| about| of)?"
    r"|proud(ly)? to|passionate about|we (love|care about))\b"
    # a boast: "the perfect people", "the friendliest team", "the right partner"
    r"|\bthe (perfect|best|finest|greatest|friendliest|ideal|right|leading|top) \w+"
    # the same boast as a headline, for whom or where: "Best day out for all the family"
    r"|^\s*(best|finest|greatest|friendliest|nicest|tastiest) ([\w'-]+ ){1,3}?(for|in|of) "
    r"(all )?(the |your |every )?[\w-]+"
    # a promise of being there: "here when you need us", "always there for you"
    r"|\b(always )?(here|there)( for you)?( when(ever)? you need( us| it| help| them)?)?$"
    r"|\bwhenever you need( us| it| help)?\b|\b(here|there) for you\b"
    # a cause: "saving lives", "making a difference", in every village it reaches
    r"|\b(sav|chang|transform)\w* lives\b|\bmak\w* a (real )?difference\b"
    r"|\bin every (village|town|city|county|home|community|corner)\b"
    # its make-up and history: "a family firm", "has been designing homes for twenty years"
    r"|\bfamily[- ](run|owned|firm|business|company)\b"
    r"|\b(has|have|'ve) been\b.*?\bfor (over |more than |nearly |almost )?[\w-]+ years\b"
    # a standard it works to, by number: "our ISO 17100 certified process"
    r"|\b(iso|bs|en) ?\d[\d:-]*\b"
    # a tagline: "the friendly way for groups to travel", "the smart choice for ..."
    r"|\bthe [\w-]+ (way|choice|place|name) (to|for)\b.*$"
    # praise of its own work before naming it: "Fast, accurate translations"
    r"|^\s*((fast|quick|accurate|reliable|friendly|professional|affordable|honest|expert"
    r"|high[- ]quality)(,| and|,? &)? )+",
    re.IGNORECASE,
)

#: A message that cheers the customer on or thanks them ("Well done, keep going!", "Thanks
#: for choosing us"): kind words, no answer, whatever words of the stage it repeats.
_CHEERING = re.compile(
    r"\b(well done|keep (it up|going)|you('ve| have) got this|good luck|great (job|work)"
    r"|congratulations|congrats|thank(s| you) for)\b",
    re.IGNORECASE,
)

#: Topics a message tells when it vouches for the business (trusted, proven, rated): proof
#: for a question whether it is any good, no concrete answer to anything else.
_VOUCHING = frozenset({"trust", "worth"})


@lru_cache(maxsize=65536)
def _plain(message: str) -> str:
    """*message* without what the business says of its own standing (:data:`_STANDING`)."""
    return _STANDING.sub(" ", message)


#: The business speaking of itself.
_FIRST_PERSON = re.compile(r"\b(we|our|us|we're|we've|ours)\b", re.IGNORECASE)


def _concrete(message: str, stage: Stage, subject: frozenset[str] = frozenset()) -> bool:
    """True when *message* says something concrete for *stage*: apart from what it says of
    the business's standing (:data:`_STANDING`), it tells a topic (:func:`told`) other than
    vouching for the business, gives a figure, or shares a word with the stage's needs, or
    with its pain points or opportunities other than a word of the map's main *subject*: a
    message naming what a question asks about speaks to it ("We service wind-up watches" to
    "Who still fixes mechanical watches?"), while "Our workshop knows every kind of boat"
    beside "a repair slot for junior boats", on a boat dealer's map, says nothing. A message
    in which the business vouches for itself (in the first person: "Every order handled
    through our certified process") must share its word with a need: naming the order a
    pain point is about does not make the vouching an answer."""
    plain = _plain(message)
    if _CHEERING.search(plain):
        return False
    topics = told(plain)
    if topics - _VOUCHING or _FIGURE.search(plain):
        return True
    said = _words(plain)
    if any(said & _words(need) for need in stage.information_needs):
        return True
    if topics & _VOUCHING and _FIRST_PERSON.search(plain):
        return False
    said -= subject
    return any(said & _words(item) for item in (*stage.pain_points, *stage.opportunities))


#: Topics so wide that sharing one ties nothing: a question with "how", a text message, a
#: time of day, a free slot, a person, a report.
_BROAD = frozenset({"howto", "contact", "time", "availability", "who", "results"})


def _words(text: str) -> frozenset[str]:
    """:func:`.concepts.topic_words` of *text*, with the parts of a hyphenated word apart
    ("certified-organic" shares "organic")."""
    return topic_words(text.replace("-", " "))


def _claims(stage: Stage, subject: frozenset[str] = frozenset()) -> bool:
    """True when *stage* has messages and none of them is concrete (:func:`_concrete`; the
    map's main *subject* makes none concrete)."""
    return bool(stage.messages) and not any(_concrete(m, stage, subject) for m in stage.messages)


def claimed_only(
    need: str, stage: Stage, heard: list[str], subject: frozenset[str] = frozenset()
) -> bool:
    """True when *need* asks an open question, *stage*'s messages are claims that say
    nothing concrete (:func:`_concrete`), and no message *heard* up to it shares a word or
    a topic with the need (not a topic as wide as :data:`_BROAD`, nor a word of the map's
    main *subject*: "cabin" on a holiday cabin's map ties no message to a question).

    Examples
    --------
    >>> from journeykit.model import Stage
    >>> stage = Stage("Purchase", information_needs=["Can I bring my dog to work?"],
    ...               messages=["Ideas come to life here"])
    >>> claimed_only("Can I bring my dog to work?", stage, stage.messages)
    True
    >>> stage.messages = ["Dogs welcome at every desk, with water bowls by the door"]
    >>> claimed_only("Can I bring my dog to work?", stage, stage.messages)
    False
    """
    asked = asks(need)
    if asked & (PRECISE | {"worth"}) or not _claims(stage, subject):
        return False
    words = _words(need) - subject
    ideas = asked - _BROAD
    return not any(words & _words(m) or ideas & told(m) for m in heard if not _CHEERING.search(m))


def _with_bases(words: frozenset[str]) -> frozenset[str]:
    """*words* (stems) with the base of each adverb or adjective in "-ly" ("monthl" also
    counts as "month", "yearl" as "year")."""
    return words | {w[:-1] for w in words if w.endswith("l") and len(w) > 4}


def _point(need: str) -> frozenset[str]:
    """The words that make *need* its own question: its topic words that name no topic of
    :data:`.concepts.CONCEPTS` ("What will it cost each month?" asks a price, and its point
    is the month), or that name a kind of price (:func:`_kind_of_price`: "Is a deposit
    needed?" asks about the deposit), outside the phrases that name a topic ("how much") and
    a clause of time at its end (:data:`_WHEN_CLAUSE`)."""
    need = _WHEN_CLAUSE.sub("", need)
    for pattern, _ in PHRASES:  # "how much" names the price, as "cost" does
        need = pattern.sub(" ", need)
    return _with_bases(
        frozenset().union(
            *(_words(w) for w in need.split() if _kind_of_price(w) or not concepts(w))
        )
    )


#: The words that only say "a price" ("What does it cost?"); the price family's other words
#: name a kind of price, which is the question's point ("a deposit", "instalments", "a
#: discount", "the bill").
_PRICE_NAMES = frozenset(
    {"price", "prices", "cost", "costs", "pay", "paying", "fee", "fees", "charge", "charges"}
)


def _kind_of_price(word: str) -> bool:
    """True when *word* names a kind of price, not a price as such (:data:`_PRICE_NAMES`)."""
    word = word.strip("?,.!:;'\"").lower()
    return concepts(word) == {"price"} and word not in _PRICE_NAMES and not _FIGURE.search(word)


def claimed_past(need: str, heard: list[str], subject: frozenset[str] = frozenset()) -> bool:
    """True when *need* asks a precise question with a point of its own (:func:`_point`)
    and no message *heard* answers it on that point (names the point and answers the
    question or gives a figure): beside a stage whose messages are
    claims, a price given earlier for something else ("yearly running cost") leaves "What
    will it cost each month?" open.

    Examples
    --------
    >>> claimed_past("What will it cost each month?", ["Yearly running cost on every quote"])
    True
    >>> claimed_past("What will it cost each month?", ["A monthly figure of 85, servicing in"])
    False
    >>> claimed_past("How much is it?", ["Prices from 40 euros"])
    False
    """
    if not asks(need) & PRECISE:
        return False
    point = _point(need) - subject
    if not point:
        return False
    return not any(
        point & _with_bases(_words(m)) and (answered(need, [m]) or _FIGURE.search(_plain(m)))
        for m in heard
        if not _CHEERING.search(m)
    )


def check(view: MapView) -> Iterator[Finding]:
    who = view.persona_name
    subject: frozenset[str] | None = None  # the map's main subject, read when first needed

    def main_subject() -> frozenset[str]:
        nonlocal subject
        if subject is None:
            subject = common_words(view)
        return subject

    heard: list[str] = []
    for stage in view.stages:
        heard.extend(stage.messages)
        if not stage.information_needs:
            continue
        claims = _claims(stage, main_subject())
        missing = [
            n
            for n in stage.information_needs
            if (
                not answered(n, heard)
                and not planned(
                    n,
                    stage.messages,
                    stage.opportunities,
                    stage.business_activities,
                    main_subject(),
                )
            )
            or (
                claims
                and (
                    claimed_only(n, stage, heard, main_subject())
                    or claimed_past(n, heard, main_subject())
                )
            )
        ]
        if not missing:
            continue
        yield Finding(
            rule="need-without-message",
            level="improve",
            message=(
                f"{stage.name}: {who} needs to know {quoted_list(missing)}; which message up to "
                f"this stage answers {'it' if len(missing) == 1 else 'them'}?"
            ),
            why="A question the customer cannot get answered is where the journey stalls.",
            fix=(
                f"Add a message in {stage.name} or an earlier stage that answers "
                f"{'it' if len(missing) == 1 else 'each'}, or say where {who} finds the answer."
            ),
            stage=stage.name,
            lane="messages",
        )
    yield from _slogan(view)


def _slogan(view: MapView) -> Iterator[Finding]:
    with_messages = [s for s in view.stages if s.messages]
    if len(with_messages) < 3:
        return
    common = set.intersection(*({squash(m) for m in s.messages} for s in with_messages))
    common.discard("")
    if not common:
        return
    slogan = next(m for m in with_messages[0].messages if squash(m) in common)
    yield Finding(
        rule="same-message-in-every-stage",
        level="fix",
        message=(
            f"{quoted(slogan)} is the message in every stage; it answers none of the questions "
            f"{view.persona_name} has along the way."
        ),
        why=(
            "Each stage has its own question (what is it, what does it cost, when does it "
            "arrive); a slogan repeated everywhere answers none of them."
        ),
        fix="Write, for each stage, what the customer needs to hear right then, and keep the "
        "slogan for one place at most.",
        stage=None,
        lane="messages",
    )
