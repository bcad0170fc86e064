"""Rules about the persona: one named person with a description, not a whole market."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .context import MapView, Rule
from .findings import Finding
from .lexicon import word_set
from .words import is_placeholder, quoted

RULES = (
    Rule("persona-missing", ("fix",), "the persona has no name"),
    Rule(
        "persona-is-a-market",
        ("fix", "improve"),
        "the persona is a group, a segment or a market, with or without a name attached "
        '("small businesses", "Mid-sized hospital trusts", "Heads of IT", '
        '"Daniel - mid-life givers segment", '
        'a description such as "Parents aged 25-40, middle income" or one that says it stands '
        "for many; improve: one sign only, a name that only reads as a plural, or a one-word "
        "name its own description uses as a noun for people, asked as a question)",
    ),
    Rule(
        "persona-is-a-job-title",
        ("fix", "improve"),
        'the persona is a job title ("Office manager", "Finance director") or an occupation '
        'with no one\'s name ("Freelance translator") rather than a person; improve: a name '
        'with a job title ("Adaeze, professional cellist") and a description that only lists '
        "what the role is, with nothing about the person, or a label the description itself "
        'uses for what the persona does ("Night porter", "works as night porter"), asked as a '
        "question",
    ),
    Rule("persona-without-description", ("improve",), "a named persona with no description"),
    Rule("persona-without-goals", ("improve",), "a persona with neither goals nor frustrations"),
    Rule("persona-is-a-person", ("praise",), "a named persona with a description and goals"),
)

#: Words that name a group of people rather than one person.
_GROUP_WORDS = (
    r"everyone|everybody|anyone|anybody|all|people|public|market|audience|"
    r"segment|customers?|clients?|users?|consumers?|buyers?|shoppers?|visitors?|"
    r"businesses|companies|firms|organi[sz]ations|smes?|b2b|b2c|families|"
    r"students|parents|owners|managers|members|millennials|men|women|teens|"
    r"professionals|travel+ers|target group|general public"
)
#: Plural nouns of people, beyond the group words: what a segment is made of.
_PEOPLE_WORDS = (
    r"patients|residents|renters|tenants|homeowners|retirees|pensioners|seniors|commuters|"
    r"donors|givers|families|parents|mothers|fathers|mums|dads|teachers|nurses|drivers|owners|"
    r"founders|startups|freelancers"
)
#: Plural nouns of people a persona's *name* may be, though a description may mention them
#: ("Has two kids" describes one person).
_NAME_PEOPLE_WORDS = (
    r"children|kids|couples|households|newlyweds|graduates|employees|workers|guests|diners|"
    r"volunteers|citizens|locals|tourists|holidaymakers"
)
#: Plural names of organisations and places of business: a persona named after one
#: ("Mid-sized hospital trusts", "Independent bakeries") is a market of organisations.
_ORG_WORDS = (
    r"hospitals|trusts|schools|academies|colleges|universities|nurseries|councils|charities|"
    r"clinics|practices|surgeries|pharmacies|farms|restaurants|caf[eé]s|pubs|bars|hotels|shops|"
    r"stores|retailers|brands|agencies|studios|salons|garages|bakeries|gyms|clubs|venues|"
    r"libraries|museums|theatres|theaters|landlords|suppliers|partnerships|departments|"
    r"teams|institutions|authorities|offices|branches|chains|franchises|manufacturers|"
    r"wholesalers|distributors|contractors|builders|estates"
)
#: A group named by its head noun, with or without words before it ("Small businesses",
#: "The general public") or a phrase after it that narrows the group ("Families with young
#: children", "Renters who drive to work"). The words before the head are a few modifiers,
#: never a first name joined by "and" ("Sam and the kids" is a person and company).
_GROUP = re.compile(
    r"^(the |all |our |every |any |most |many )?(((?!and\b|with\b)\w+[- ])*?)"
    rf"({_GROUP_WORDS}|{_PEOPLE_WORDS}|{_NAME_PEOPLE_WORDS}|{_ORG_WORDS})"
    r"( (with|who|that|in|on|from|of|aged|living|looking|planning|near|across|at|after|"
    r"without|under|over|buying|using|new to)\b.*)?$",
    re.IGNORECASE,
)
#: A segment named beside a first name: "Daniel - mid-life givers segment", "Gen Z".
_SEGMENT_WORDS = re.compile(
    r"\b(segment|persona group|target (group|market|audience)|demographic|cohort|audience|"
    r"millennials|gen ?[xyz]|boomers|\d+\s*[-–]\s*\d+\s*(year[- ]olds|yo)?)\b",
    re.IGNORECASE,
)
#: A description of many people: "Parents aged 25-40", "mostly renters", "middle income".
_SEGMENT_MARKS = (
    re.compile(r"\baged? \d+\s*(-|–|to)\s*\d+|\b\d+\s*(-|–|to)\s*\d+ ?(year|yr)s?[- ]olds?", re.I),
    re.compile(
        r"\b(over|under) \d\ds?\b(?! ?(euros?|eur|pounds?|dollars?|km|kilo|mile))|\b\d\d\+", re.I
    ),
    re.compile(
        r"\b(mostly|mainly|typically|usually|often) ([a-z]+s|[a-z]*(wo)?men|people)\b", re.I
    ),
    # an age band written out ("between 30 and 55"), not a band of anything else
    re.compile(
        r"\b(aged )?between [1-9]\d and [1-9]\d\b(?! ?(min|hour|km|mile|kg|pound|euro|%|per))",
        re.I,
    ),
    # the size of the group: "approx 300k of them", "thousands of them", "some 2 million"
    re.compile(
        r"\b(\d[\d,.]*\s*(k|m|million|thousand)?|hundreds|thousands|millions) of them\b"
        r"|\b\d[\d,.]*\s*(k|million|thousand)\b(?! ?(km|miles|pounds|euros|steps|words))",
        re.I,
    ),
    re.compile(r"\b(middle|high|low|higher|lower)[- ]income\b|\bincome\b|\bsocio", re.I),
    re.compile(r"\b(segment|demographic|target (group|market|audience))\b", re.I),
    # an age band on its own ("Orchestral string player, 20-30"): one person has an age,
    # many people have a band of them; a band of anything else names its unit ("20-30 minutes")
    re.compile(r"(?<![\w£$€.,:/-])[1-9]\d\s*(-|–|to)\s*[1-9]\ds?(?=\s*([,;.)]|$))"),
)
#: A description that says outright the persona stands for many ("Stands for primary-school
#: business managers", "Represents small landlords across the county"): the words that
#: say so, then a plural noun within the next few words (:func:`_stands_for_many`).
_STANDS_FOR = re.compile(
    r"\b(stands? for|represents?|speaks? for|typical of|a composite of|sums? up|"
    r"a stand-?in for)\b(.*)",
    re.IGNORECASE,
)
#: Words that end the phrase after "represents": what follows is no longer who is stood for
#: (a preposition, or one person: "Typical of her, she books late").
_PHRASE_STOP = word_set("on in at to for by as her him she he them they it me you we")
#: Short words ending in "s" that are not plural nouns.
_NOT_PLURAL = word_set("his hers its this yours ours theirs us is was has does as")


def _stands_for_many(description: str) -> bool:
    """True when *description* says the persona stands for a plural group of people.

    Examples
    --------
    >>> _stands_for_many("Stands for the school business managers of the county")
    True
    >>> _stands_for_many("Represents his street on the residents' committee")
    False
    """
    found = _STANDS_FOR.search(description)
    if found is None:
        return False
    for word in re.findall(r"[\w'-]+", found.group(2).casefold())[:4]:
        if word in _PHRASE_STOP:
            return False
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word not in _NOT_PLURAL
    return False


_PLURAL_PEOPLE = re.compile(
    rf"^(the |all |most |many )?(\w+[- ]){{0,3}}?({_GROUP_WORDS}|{_PEOPLE_WORDS})\b",
    re.IGNORECASE,
)
#: Words of a job title; a name made of these only is a role, not a person.
_TITLE_WORDS = word_set(
    """
    head chief director manager officer lead owner founder cofounder buyer coordinator
    administrator admin assistant analyst engineer specialist consultant executive ceo cfo
    cto coo cmo cio vp president secretary clerk supervisor partner principal controller
    accountant planner representative rep agent advisor adviser strategist designer developer
    of the and for office finance financial marketing sales hr human resources it operations
    procurement purchasing facilities project product account accounts customer service
    support practice general senior junior deputy managing regional area store shop team
    technical digital commercial
    """
)

_WHY_PERSON = (
    "A map follows one person through the journey; a whole market has no single "
    "path, so every stage ends up vague."
)


def is_group(name: str) -> bool:
    """True when *name* describes a group of people rather than one person.

    Examples
    --------
    >>> [is_group(n) for n in ("Small businesses", "Everyone", "Office managers", "Priya")]
    [True, True, True, False]
    >>> [is_group(n) for n in ("Renters who drive to work", "Sam and the kids")]
    [True, False]
    """
    return bool(_GROUP.match(" ".join(name.split())))


#: Endings of nouns for what someone does for a living: "translator", "electrician".
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ic")
#: Endings no first name has: a one-word name with one is an occupation ("Physiotherapist").
_OCCUPATION_ENDINGS = ("ist", "ician", "ologist", "grapher", "ographer")
#: Occupations without an agent ending.
_OCCUPATIONS = word_set(
    "nurse chef vet midwife cook coach guide pilot medic surgeon barista trainee apprentice "
    "intern tutor student pupil farmer"
)
#: Small words of a phrase: a name with one ("Sam the baker", "Mum of two") is no bare label.
_PHRASE_WORDS = word_set("the a an of and with from at in on for to who by")


def _label_words(name: str) -> list[str] | None:
    """The words of *name* when it reads as a common-noun label, not a person's name: plain
    words, only the first of them capitalised ("Freelance translator", "Keen cyclists"),
    none of them a small word of a phrase; else None."""
    if not re.fullmatch(r"[A-Z][A-Za-z-]*( [a-z][a-z-]*)+", name):
        return None
    words = name.casefold().split()
    return None if any(w in _PHRASE_WORDS for w in words) else words


def is_bare_occupation(name: str) -> bool:
    """True when *name* is an occupation with no one's name: "Freelance translator",
    "Retired teacher", "Physiotherapist".

    Examples
    --------
    >>> [is_bare_occupation(n) for n in ("Freelance translator", "Electrician", "Peter")]
    [True, True, False]
    >>> [is_bare_occupation(n) for n in ("Sam the baker", "Heather Walker", "Busy mum")]
    [False, False, False]
    """
    flat = " ".join(name.split())
    if " " not in flat:
        word = flat.casefold()
        return word.isalpha() and len(word) > 6 and word.endswith(_OCCUPATION_ENDINGS)
    words = _label_words(flat)
    if words is None:
        return False
    head = words[-1]
    return head in _OCCUPATIONS or head in _TITLE_WORDS or head.endswith(_AGENT_ENDINGS)


#: Nouns for several people taken as one: "The Okafor family", "Retired couple".
_COLLECTIVES = word_set("family household couple team group committee board crew partnership")


def is_plural_label(name: str) -> bool:
    """True when *name* is a label whose last word reads as a plural ("Keen cyclists",
    "Independent optometrists"), or names several people as one ("The Okafor family",
    "Retired couple"): most likely a group, though no list names it.

    Examples
    --------
    >>> [is_plural_label(n) for n in ("Keen cyclists", "Charles Hughes", "Busy mum")]
    [True, False, False]
    >>> [is_plural_label(n) for n in ("The Okafor family", "Sam and family")]
    [True, False]
    """
    flat = " ".join(name.split())
    every = re.findall(r"[\w'&-]+", flat.casefold())
    if len(every) > 1 and every[-1] in _COLLECTIVES and not {"and", "with", "&"} & set(every):
        return True
    words = _label_words(flat)
    if words is None:
        return False
    return _plural_noun(words[-1])


#: Endings of plural nouns for people by what they do: "carers", "tutors", "florists".
_PEOPLE_PLURAL_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents", "ees")


def is_described_group(name: str, description: str) -> bool:
    """True when a one-word *name* is a plural noun for people that the description itself
    uses as a common noun, in lower case ("Carers", described as "the country's unpaid
    carers"): the map's own words say the name is a kind of people, not somebody's name (a
    surname such as "Rogers" is never written in lower case).

    Examples
    --------
    >>> is_described_group("Carers", "Unpaid carers across the region, many working")
    True
    >>> is_described_group("Carers", "Looks after her mother three days a week")
    False
    >>> is_described_group("Miles", "Drives 20 miles to the depot every day")
    False
    """
    word = name.strip()
    return (
        word.isalpha()
        and word[:1].isupper()
        and word.casefold().endswith(_PEOPLE_PLURAL_ENDINGS)
        and re.search(rf"\b{word.casefold()}\b", description) is not None
    )


def is_described_role(name: str, description: str) -> bool:
    """True when *name* is a common-noun label ("Security guard") or one word after "a",
    "an" or "as" ("Cleaner"), and the map's own description uses it in lower case for what
    the persona is or does ("works nights as security guard"): the name is a role, not
    somebody's name (a surname such as "Baker" is never written in lower case).

    Examples
    --------
    >>> is_described_role("Night porter", "Works as night porter in a hotel near the docks")
    True
    >>> is_described_role("Cleaner", "She works evenings as a cleaner at the airport")
    True
    >>> is_described_role("Rosa Baker", "Works as a baker in the old town")
    False
    >>> is_described_role("Night porter", "Looks after the front desk of a hotel at night")
    False
    """
    flat = " ".join(name.split())
    if " " in flat:
        words = _label_words(flat)
        return words is not None and re.search(rf"\b{' '.join(words)}\b", description) is not None
    word = flat.casefold()
    return (
        word.isalpha()
        and flat[:1].isupper()
        and re.search(rf"\b(a|an|as)\s+{word}\b", description) is not None
    )


def _plural_noun(word: str) -> bool:
    """True when *word* reads as a plural noun: "cyclists", or a plural of people without
    an "s" ("tradesmen", "businesswomen", "townspeople", "kinsfolk")."""
    if word.endswith(("people", "folk", "women")) or (
        word.endswith("men") and len(word) >= 6 and not word.endswith(("imen", "omen"))
    ):
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def is_plural_title(name: str) -> bool:
    """True when *name* is a job title in the plural: "Heads of information security",
    "Finance directors", "Practice leads": everyone who holds the role.

    Examples
    --------
    >>> [is_plural_title(n) for n in ("Heads of IT", "Finance directors", "Sam Roberts")]
    [True, True, False]
    >>> [is_plural_title(n) for n in ("Head of IT", "Anna, sales lead")]
    [False, False]
    """
    words = re.findall(r"[a-z]+", name.casefold())
    if not words or "," in name:
        return False
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if not all(w in _TITLE_WORDS or w == head for w in words[: words.index(head)]):
        return False
    return head.endswith("s") and head[:-1] in _TITLE_WORDS - _NOT_TITLES


#: Title words whose plural is a department, not people: "Sales", "Accounts", "Operations".
_NOT_TITLES = word_set("account sale operation resource")


def is_job_title(name: str) -> bool:
    """True when *name* is only a job title or an occupation, with no person's name in it.

    Examples
    --------
    >>> [is_job_title(n) for n in ("Office manager", "Finance director", "Priya", "Sam, CFO")]
    [True, True, False, False]
    >>> is_job_title("Freelance translator")
    True
    """
    return _title_only(name) or is_bare_occupation(name)


def _title_only(name: str) -> bool:
    """True when *name* is made of the words of a job title only ("Finance director")."""
    words = re.findall(r"[a-z]+", name.casefold())
    return (
        bool(words)
        and all(w in _TITLE_WORDS for w in words)
        and any(w in _TITLE_WORDS - {"of", "the", "and", "for"} for w in words)
    )


#: Words that speak of a person or what they do: a description with none of them
#: ("Orchestral string player, conservatoire-trained") lists what a role is, not who holds it.
_ABOUT_SOMEONE = word_set(
    """
    he she his her him hers they their them who whose i my me is was has had does lives
    works runs wants needs loves hates likes keeps spends shares owns uses
    """
)


def titled_role(name: str, description: str) -> bool:
    """True when *name* is a first name with a job title or an occupation ("Adaeze,
    professional cellist", "Tom - head brewer") and *description* says nothing about the
    person (no "she", "who", "lives", "has" ...): a role with a name pinned on it. With no
    description at all, ``persona-without-description`` asks for one instead.

    Examples
    --------
    >>> titled_role("Adaeze, professional cellist", "Orchestral string player, 20-30")
    True
    >>> titled_role("Adaeze, professional cellist", "Plays in the city orchestra and teaches")
    False
    >>> titled_role("Adaeze", "Orchestral string player"), titled_role("Sam, CFO", "")
    (False, False)
    """
    parts = re.split(r"\s*(?:,|\s[-–—]\s|\bthe\b)\s*", " ".join(name.split()), maxsplit=1)
    if len(parts) < 2 or not parts[1]:
        return False
    role = parts[1][:1].upper() + parts[1][1:]
    if not (_title_only(role) or is_bare_occupation(role)):
        return False
    words = re.findall(r"[a-z]+", description.casefold())
    if not words or len(words) >= 20 or any(w in _ABOUT_SOMEONE for w in words):
        return False
    # a clause about someone: a part opening with a verb in "-s" and a small word ("Plays
    # in the orchestra", "... and teaches at the college"), where labels open with nouns
    for part in re.split(r"[,;.]|\band\b|\bbut\b", description.casefold()):
        first_two = re.findall(r"[a-z]+", part)[:2]
        if len(first_two) == 2 and first_two[0].endswith("s") and first_two[1] in _PHRASE_WORDS:
            return False
    return True


#: Plural nouns for people with no ending that gives them away.
_PLAIN_PEOPLE = word_set("adults people folk men women children kids teens youngsters")


def _opens_with_people(description: str) -> bool:
    """True when *description* opens, after a few modifiers, with a plural noun for people
    the lists do not name: "UK sole traders in the trades", "Senior security leads at ...",
    "Adults who cannot swim" (a person's description opens with their age or a singular).

    Examples
    --------
    >>> _opens_with_people("UK sole traders w/ 1 van"), _opens_with_people("Adults who swim")
    (True, True)
    >>> _opens_with_people("72, retired signalman in Crewe"), _opens_with_people("Runs a cafe")
    (False, False)
    """
    words = re.findall(r"[a-z]+", description.casefold())
    for i, word in enumerate(words[:4]):
        if word in _PHRASE_STOP or word in _PHRASE_WORDS or word in _ABOUT_SOMEONE:
            return False
        titled = i > 0 and word.endswith("s") and word[:-1] in _TITLE_WORDS - _NOT_TITLES
        if word in _PLAIN_PEOPLE or titled:  # "Senior security leads", not "Leads the team"
            return True
        if word.endswith(("ers", "ors", "ists", "ians", "ants")) and len(word) > 5:
            return word not in _NOT_PEOPLE
    return False


#: Plurals with a people ending that name things: "Offers", "Papers".
_NOT_PEOPLE = word_set(
    "offers papers numbers orders letters others hours years flowers computers motors colours"
)


def segment_signs(persona_name: str, description: str) -> int:
    """How many signs say the persona is a segment rather than one person.

    Examples
    --------
    >>> segment_signs("Daniel - mid-life givers segment", "")
    2
    >>> segment_signs("Ruth", "Patients over 65 after a joint replacement, mostly women")
    3
    >>> segment_signs("Ruth", "Seventy-four, lives alone and had a new hip in March.")
    0
    >>> segment_signs("Gwen", "Stands for school business managers in the county")
    2
    >>> segment_signs("Ali", "Represents his street on the residents' committee")
    0
    >>> segment_signs("Adaeze", "Professional cellist, 20-30"), segment_signs("Jo", "Runs 20-30 km")
    (1, 0)
    """
    signs = 0
    if _SEGMENT_WORDS.search(persona_name):
        signs += 2
    flat = " ".join(description.split())
    if _stands_for_many(flat):
        signs += 2
    if _PLURAL_PEOPLE.match(flat) or _opens_with_people(flat):
        signs += 1
    signs += sum(1 for mark in _SEGMENT_MARKS if mark.search(flat))
    return signs


def check(view: MapView) -> Iterator[Finding]:
    persona = view.map.persona
    name = persona.name.strip()
    if not name or is_placeholder(name):
        yield Finding(
            rule="persona-missing",
            level="fix",
            message="The persona has no name yet."
            if not name
            else f"The persona is still called {quoted(name)}.",
            why=(
                "A named persona is someone the whole team can picture and argue about; without "
                "one, every stage drifts towards customers in general."
            ),
            fix=(
                "Give the persona a first name (for example the customer you interviewed who is "
                "most typical) and say who they are in a sentence."
            ),
            lane="persona",
        )
        return
    if is_group(name):
        yield Finding(
            rule="persona-is-a-market",
            level="fix",
            message=f"The persona {quoted(name)} is a whole group of people, not one person.",
            why=_WHY_PERSON,
            fix=(
                f"Pick one typical member of {quoted(name)}, give them a first name, and put "
                "the group into the description."
            ),
            lane="persona",
        )
        return
    if is_plural_title(name):
        yield Finding(
            rule="persona-is-a-market",
            level="fix",
            message=f"The persona {quoted(name)} is everyone who holds a role, not one person.",
            why=_WHY_PERSON,
            fix=(
                f"Pick one of the {name.casefold()}, give them a first name, and describe "
                "their situation: the organisation, what they answer for, what worries them."
            ),
            lane="persona",
        )
        return
    if is_job_title(name):
        titled = _title_only(name)  # "Office manager", not "Keen gardener"
        yield Finding(
            rule="persona-is-a-job-title",
            level="fix",
            message=f"The persona {quoted(name)} is a job title: many people hold it."
            if titled
            else f"The persona {quoted(name)} names what someone does, not who they are: "
            "many people could answer to it.",
            why=(
                "A role tells you what someone is paid to do, not what they want, fear or put "
                "up with; a map needs one person with a situation of their own."
            ),
            fix=(
                f"Give the {name.casefold()} a first name and describe their situation: the "
                "company, what they are measured on, what keeps them up at night."
                if titled
                else f"Give the {name.casefold()} a first name and describe their situation: "
                "where they live and work, what they want, what gets in their way."
            ),
            lane="persona",
        )
        return
    if is_plural_label(name) or is_described_group(name, persona.description):
        yield Finding(
            rule="persona-is-a-market",
            level="improve",
            message=f"Is {quoted(name)} one person, or a whole group? The name reads as several "
            "people.",
            why=_WHY_PERSON,
            fix=(
                f"If it is a group, pick one typical member of {quoted(name)}, give them a "
                "first name, and put the group into the description."
            ),
            lane="persona",
        )
        return
    signs = segment_signs(name, persona.description)
    if signs < 2 and titled_role(name, persona.description):  # unless surely a segment
        yield Finding(
            rule="persona-is-a-job-title",
            level="improve",
            message=f"Is {quoted(name)} a person, or a role with a name on it? The description "
            "says what the job is, not who holds it.",
            why=(
                "A role tells you what someone is paid to do, not what they want, fear or put "
                "up with; a map needs one person with a situation of their own."
            ),
            fix="Describe the person in the role: their situation, what they want from the "
            "business and what gets in their way.",
            lane="persona",
        )
        return
    if signs:
        sure = signs >= 2
        yield Finding(
            rule="persona-is-a-market",
            level="fix" if sure else "improve",
            message=(
                f"The persona {quoted(name)} describes a segment (many people with something "
                "in common), not one person."
                if sure
                else f"Is {quoted(name)} one person, or a whole group? The description reads "
                "partly like a segment."
            ),
            why=_WHY_PERSON,
            fix=(
                f"Describe one member of the segment as {name} would be described by a friend: "
                "age, situation, habits; keep the segment in your notes."
            ),
            lane="persona",
        )
        return
    if is_described_role(name, persona.description):
        yield Finding(
            rule="persona-is-a-job-title",
            level="improve",
            message=f"Is {quoted(name)} a person's name? The description uses it for what the "
            "persona does, and many people could answer to it.",
            why=(
                "A role tells you what someone is paid to do, not what they want, fear or put "
                "up with; a map needs one person with a situation of their own."
            ),
            fix=f"Give the {name.casefold()} a first name and keep the role in the description.",
            lane="persona",
        )
        return
    if not persona.description.strip():
        yield Finding(
            rule="persona-without-description",
            level="improve",
            message=f"{name} has a name but no description.",
            why=(
                "A sentence about who the persona is keeps everyone who reads the map picturing "
                "the same customer."
            ),
            fix=(
                f"Describe {name} in a sentence or two: their situation, habits and how they "
                "like to buy."
            ),
            lane="persona",
        )
        return
    if not (persona.goals or persona.frustrations):
        yield Finding(
            rule="persona-without-goals",
            level="improve",
            message=f"{name} has no goals or frustrations yet.",
            why=(
                "Knowing what the persona wants overall, and what generally annoys them, explains "
                "the choices they make at every stage."
            ),
            fix=(
                f"Add one or two goals {name} has overall and one thing that often frustrates them."
            ),
            lane="persona",
        )
        return
    yield Finding(
        rule="persona-is-a-person",
        level="praise",
        message=f"{name} is a real person on the page: named, described, with goals of their own.",
        why="One concrete customer makes every later stage easier to picture and to check.",
        fix=f"Keep asking at each stage what {name} would actually do.",
        lane="persona",
    )
