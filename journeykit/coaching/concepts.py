"""What an item is about, beyond its words: the question a need asks, the journey moment an
item belongs to.

Two readings, both lists of word families (plain data plus a few phrases):

* :func:`concepts`: the topics a need asks about or a message answers, such as *price*,
  *time*, *refund*, *where*. "Can we get our money back if it does not stick?" asks about
  a *refund*; "Cancel any time in the first 30 days" answers it though no word is shared,
  while "Brake repairs are our speciality" shares words with "What will a brake repair
  cost?" and still does not answer it.
* :func:`moments`: the journey moments of the framework catalogue (``notice``, ``buy``,
  ``recommend`` ...) an item or a KPI belongs to: a billboard is about noticing, a
  referral card about recommending.

Both are cached per text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_set
from .reading import lemmas, tokens


def _families(table: dict[str, str]) -> dict[str, frozenset[str]]:
    return {name: frozenset(words.split()) for name, words in table.items()}


#: Topics of information needs and messages. Words in their base form; ``lemmas`` folds
#: plurals and verb endings.
CONCEPTS = _families(
    {
        "price": "price cost pay fee charge cheap expensive free discount save budget afford "
        "euro eur dollar pound deposit instalment installment payment spend total quote fixed "
        "value worth bill rate cheaper dearer pricier costly",
        "refund": "refund cancel cancellation guarantee guaranteed riskfree moneyback pause return",
        "time": "when long quick quickly fast wait time day hour minute week today tomorrow "
        "soon ready sameday within late delay schedule date deadline due arrive arrival noon "
        "morning afternoon evening night pm am oclock before until",
        "delivery": "delivery deliver parcel shipping ship post courier dispatch tracking arrive",
        "where": "where near nearby parking park address direction location map entrance stair "
        "stepfree lift bus route access accessible door outside",
        "availability": "available availability slot book booking table space open opening "
        "hour closed capacity sleep room",
        "size": "size sizing fit fitting measurement",
        "who": "who specialist expert accountant staff person people named mechanic doctor "
        "teacher physiotherapist nurse volunteer team host buddy mentor greeter helper "
        "instructor trainer",
        "eligibility": "eligible eligibility qualify requirement entitled tenant allowed criteria "
        "apply resident",
        "documents": "document upload paperwork form id proof certificate letter checklist",
        "trust": "safe safety secure security trust trusted review rating registered certified "
        "qualified quality proven experienced award",
        "howto": "how setup import across migrate install instruction guide step sheet video "
        "exercise tip learn training move onboard",
        "contact": "contact phone call number email reach talk speak chat text",
        "results": "result report update progress track happened number figure achieve impact",
        "food": "gluten vegan vegetarian allergen allergy dish menu eat food plate drink feed "
        "lunch meal dinner breakfast cater catering dessert",
        "family": "kid child family toddler baby chair play young grandchild grandson "
        "granddaughter grandparent teen teenager junior age aged",
        "level": "beginner novice experience level advanced intermediate skill standard improver",
        "insurance": "insurance insurer insure cover claim",
        "reward": "reward bonus gift both something anything incentive perk",
        "display": "display window paper print sticker",
        "privacy": "data privacy private confidential confidentiality gdpr detail personal",
        "attendance": "noshow attend attendance turnout absence absent miss forget remind reminder",
    }
)

#: Phrases that name a concept better than their words do.
PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), concept)
    for pattern, concept in (
        (r"\bmoney back\b|\bdoes ?n[o']t stick\b|\bchange (my|our) mind\b", "refund"),
        (r"\bhow much\b", "price"),
        (r"\bhow (long|soon|quickly|fast)\b|\bwhat time\b", "time"),
        (r"\bhow (do|can|should) (i|we)\b|\bwhat should (i|we) do\b", "howto"),
        (r"\b(get|in it) (anything|out of it|for)\b|\bget if\b|\bsomething in it\b", "reward"),
        (r"\bwhere (does|do|did) (my|our|the) (money|gift|donation)", "results"),
        (r"\bwhat did\b|\bwhat happened\b", "results"),
        (r"\bon track\b|\bthis month\b", "results"),
        (
            r"\b(made|built|designed|meant) for\b|\b(teams|people|firms) like\b|\bright for\b"
            r"|\bsuits?\b|\bsuitable\b",
            "suits",
        ),
        (r"\bwho (will|can|does)\b", "who"),
        (r"\bwhich documents\b|\bwhat (do|should|must) (i|we) bring\b|\bbring to\b", "documents"),
    )
)

#: Concepts a need asks about precisely: a message must speak to the same one (a price
#: question is not answered by a message that only names the product).
PRECISE = frozenset(
    {
        "price",
        "refund",
        "time",
        "where",
        "size",
        "delivery",
        "eligibility",
        "documents",
        "insurance",
    }
)

#: Words too general to say what an item is about (for topic matching).
GENERIC = word_set(
    """
    clinic shop store business company customer client page site website service services
    firm office studio brand app thing things way ways one new get make need want know per
    """
)


def _index(families: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Each word of *families* and the families it belongs to: one look-up per base form of
    a word instead of a pass over every family (the roll-up reviews hundreds of maps cold)."""
    return {
        word: frozenset(name for name, family in families.items() if word in family)
        for family in families.values()
        for word in family
    }


_CONCEPTS_OF = _index(CONCEPTS)


@lru_cache(maxsize=65536)
def concepts(text: str) -> frozenset[str]:
    """The topics of *text*: the question a need asks, or what a message talks about.

    Examples
    --------
    >>> sorted(concepts("Can we get our money back if it does not stick?"))
    ['refund']
    >>> sorted(concepts("Cancel any time in the first 30 days"))
    ['refund', 'time']
    >>> "price" in concepts("What will a brake repair cost?")
    True
    >>> "price" in concepts("Brake repairs are our speciality")
    False
    """
    found = {concept for pattern, concept in PHRASES if pattern.search(text)}
    words = tokens(text)
    if "refund" in found:  # "money back" is about a refund, not about price or time
        words = tuple(w for w in words if w not in ("back", "money", "get"))
    for word in words:
        for form in lemmas(word):
            found.update(_CONCEPTS_OF.get(form, ()))
    if re.search(r"[€$£]|\d\s*%|\b\d+\s*(euros?|eur|pounds?|dollars?)\b", text, re.IGNORECASE):
        found.add("price")
    return frozenset(found)


@lru_cache(maxsize=65536)
def topic_words(text: str) -> frozenset[str]:
    """The content words of *text*, as base forms, without small and general words.

    Examples
    --------
    >>> sorted(topic_words("Calls from the map listing per week"))
    ['call', 'list', 'map', 'week']
    """
    from .words import STOPWORDS, stem

    found = set()
    for word in tokens(text):
        if word in STOPWORDS or word in GENERIC or len(word) < 3 or word.isdigit():
            continue
        found.add(stem(word))
    return frozenset(found)


#: Words of each journey moment of the catalogue (``notice`` ... ``promote``).
MOMENT_WORDS = _families(
    {
        "notice": "ad advert advertising advertisement billboard radio tv television poster flyer "
        "leaflet banner sponsored ppc impression awareness follower instagram facebook tiktok "
        "youtube seo campaign like view click reach traffic acquisition cpa cpc cpm ctr",
        "research": "compare comparison shortlist brochure tour demo pricing",
        "contact": "enquiry inquiry enquire inquire meeting consultation quote callback",
        "commit": "newsletter subscribe subscriber signup subscription",
        "buy": "checkout cart basket purchase conversion deposit sale order booking gift donation "
        "contract",
        "use": "usage delivery tracking ticket complaint satisfaction completion session wait",
        "repeat": "repeat renew renewal retention churn reorder loyalty again rebook returning "
        "lapsed",
        "recommend": "referral refer recommend recommendation tag nps promoter testimonial share "
        "mouth review rating star",
        "promote": "affiliate ambassador commission",
    }
)


_MOMENTS_OF = _index(MOMENT_WORDS)


@lru_cache(maxsize=65536)
def moments(text: str) -> frozenset[str]:
    """The journey moments *text* belongs to, by its words (empty when it does not say).

    Examples
    --------
    >>> sorted(moments("Instagram followers")), sorted(moments("Referral cards brought back"))
    (['notice'], ['recommend'])
    """
    found: set[str] = set()
    for word in tokens(text):
        for form in lemmas(word):
            found.update(_MOMENTS_OF.get(form, ()))
    return frozenset(found)


#: Advertising to people who do not know the business yet.
_ADVERTISING = re.compile(
    r"\b(ads?|adverts?|advertis\w*|billboards?|radio spots?|tv spots?|commercials?|"
    r"sponsored posts?|banner ads?|ppc|pay[- ]per[- ]click|paid search|search ads|"
    r"leaflet drops?|leaflets?|flyers?|posters?|door[- ]drops?|mailshots?|direct mail|"
    r"(promoted|boosted) posts?|local radio|cold[- ]call\w*)\b",
    re.IGNORECASE,
)
#: Words that make such an item about existing customers after all ("ads that feature reviews").
_ABOUT_CUSTOMERS = re.compile(
    r"\b(referr\w*|refer|reviews?|testimonials?|customers?'? stories|share|sharing|"
    r"ambassadors?|existing|loyal|regulars|friends?|pass on|hand on)\b",
    re.IGNORECASE,
)


def is_advertising(item: str) -> bool:
    """True when *item* is advertising to strangers ("Buy radio adverts across the county").

    Examples
    --------
    >>> is_advertising("Run paid ads on local food accounts"), is_advertising("Referral program")
    (True, False)
    """
    return bool(_ADVERTISING.search(item)) and not _ABOUT_CUSTOMERS.search(item)


#: A customer action that is plainly recommending: praising the business to others, a
#: public review or rating however it is worded ("Leaves a five-star Google review"), a
#: referral code passed on, friends told ("Tells two friends"), the number passed on, a
#: public thank-you, anyone told to buy from the business ("Tells a neighbour to book
#: with the salon").
_RECOMMENDING = re.compile(
    r"^\s*(recommends?|refers?|reviews? the|rates? the|tags? the|"
    r"(writes?|leaves?|posts?|gives?|adds?) (an? |her |his |their |my )?([\w-]+ ){0,3}?"
    r"(reviews?|ratings?|testimonials?)\b|"
    r"(gives?|sends?|passes?|shares?|forwards?) ([\w'-]+ ){0,3}?(referral|discount|invite)"
    r"( code| link| card)?\b|"
    r"passes? (on )?(the|her|his|their|our|my) (number|details|name) (on )?to\b|"
    r"invites? (a |two |three )?(friends?|colleagues?)|brings? a friend|"
    r"tells? (his |her |their |my |two |three |a few |all (her |his |their |my )?)?"
    r"(friends|colleagues|others|family|neighbours|neighbors|everyone)|"
    r"spreads? the word|posts? (a |an )?(review|photo|picture)|"
    # thanking the business in public: "Posts a thank-you to the salon in the group"
    r"(posts?|writes?|leaves?|shares?|puts? up|gives?) ([\w'-]+ ){0,3}?"
    r"(thank[- ]?you|thanks|shout[- ]?out)\b|"
    # telling others to use the business: "Tells the couple at the next table to rent from"
    r"(tells?|urges?|advises?|persuades?|convinces?) ([\w'-]+ ){1,6}?to "
    r"(rent|buy|book|use|try|hire|shop|order|join|call|ring|visit) (from|with|at)\b)",
    re.IGNORECASE,
)
_BUYING = re.compile(
    r"^\s*(pays?|buys?|purchases?|checks? out|completes? the (purchase|order|checkout)|"
    r"places? (an |the )?order|renews?|reorders?|"
    # a commitment signed or secured: "Signs the repair agreement", "Leaves a deposit"
    r"signs? (the |a |an |her |his |their )?([\w-]+ ){0,2}?"
    r"(contract|agreement|order|lease|mandate|paperwork|terms)|"
    r"(leaves?|puts? down|hands? over|transfers?|sends?) (a |the |her |his |their )?"
    r"([\w%-]+ ){0,2}?deposit|"
    # a payment set up to run: "Sets up the direct debit", "Sets up a standing order"
    r"sets? up (a |the |her |his |their )?([\w-]+ )?(direct debit|standing order|"
    r"subscription|payment plan))\b",
    re.IGNORECASE,
)


def action_moment(action: str) -> str | None:
    """``"recommend"`` or ``"buy"`` for a customer action that plainly is one, else None.

    Examples
    --------
    >>> action_moment("Recommends the shop to a colleague"), action_moment("Pays by card")
    ('recommend', 'buy')
    >>> action_moment("Hears about the shop from a friend") is None
    True
    """
    if _RECOMMENDING.search(action):
        return "recommend"
    if _BUYING.search(action):
        return "buy"
    return None
