"""The words the coach reads a map with, grouped by what they tell it (plain data).

The coach does not look words up one by one to pass judgement; :mod:`.reading` reads
a goal or an item as a small sentence (who acts, on whom, towards what) and these
lists say what each word can mean there. Words are lower case, without hyphens
(``crosssell``), in their base form (``nurture``, not ``nurturing``):
:func:`.reading.lemmas` folds the endings.

They are kept small and general on purpose: each list names a *kind* of word (verbs
a business uses on its market, nouns for the people a business serves, metrics)
rather than phrases seen in one map, so that the coach generalises to maps nobody
on the team wrote (``benchmarks/review.py`` measures it on a held-out set).
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of *text* as a set (a list written as one string, one word per space)."""
    return frozenset(text.split())


#: Verbs whose subject is the business working on its market: a goal that starts with
#: one is the business's step ("Nurture prospects", "Promote the new menu").
MARKET_VERBS = word_set(
    """
    acquire activate advertise attract boost capture convert crosssell drive expand fundraise
    generate incentivise incentivize increase lift market maximise maximize monetise monetize
    nurture onboard optimise optimize persuade convince position promote publicise publicize
    grow sell send deliver provide recruit reengage reactivate retain retarget remarket segment
    showcase solicit target upsell upgrade land close secure fill collect thank educate inform
    encourage shift process win raise qualify
    """
)

#: Of :data:`MARKET_VERBS`, those with an everyday sense a customer uses too ("*Secure* a
#: place on the course", "*Convert* the loft", "*Fill* the fridge"): the business's only
#: when what they act on is its market (people it serves, funnel words, a metric, something
#: of its own, more of something, a number).
EVERYDAY_MARKET_VERBS = word_set(
    """
    convert drive secure win land close collect raise capture attract generate upgrade
    retain target process deliver send provide expand boost increase lift maximise maximize
    optimise optimize grow showcase shift activate
    """
)

#: The steps of a sale a business moves a buyer through ("Convert the demo into a pilot"):
#: acted on by one of those verbs, they are the business's market too.
SALES_STEPS = word_set("demo demos pilot pilots trial trials trialist trialists")

#: Verbs that belong to the business only where their object says so ("Reduce churn"
#: but "Reduce my bills"; "Grow the pipeline" but "Grow my savings").
OBJECT_VERBS = word_set(
    """
    reduce cut lower minimise minimize improve build create establish book ensure want need
    reach get make keep help turn move bring show welcome greet remind engage invite ask
    call contact email text serve delight wow reward support find deliver launch run answer
    clear hit beat
    """
)

#: Verbs of what a customer sets out to do: a goal led by one is in the customer's terms.
CUSTOMER_VERBS = word_set(
    """
    find choose pick decide compare understand know learn check see buy order pay try test
    enjoy feel fix repair save avoid solve sort start return swap exchange cancel renew switch
    replace share recommend tell trust receive apply claim register enrol enroll sign join attend
    visit meet talk ask hear discover explore browse research shortlist plan prepare arrange
    organise organize travel relax celebrate pass graduate donate give volunteer vote borrow open
    spend split eat recover manage catch stay report appeal agree hand set sponsor come go walk
    ride park store stop look wear use drop collect spot stick hire train protect prove rest
    have be move keep get make help
    """
)

#: Nouns for the people a business serves, as the business talks about them. As the object
#: of a verb ("Get *patients* to book online", "Make *diners* feel at home") they show the
#: business acting on its customers.
CUSTOMER_ROLES = word_set(
    """
    customer customers client clients user users visitor visitors shopper shoppers browser
    browsers buyer buyers member members patient patients student students learner learners
    applicant applicants parents donor donors supporter supporters giver givers volunteers
    citizen citizens resident residents guest guests diner diners traveller travellers traveler
    travelers subscriber subscribers follower followers fan fans audience audiences prospect
    prospects leads accounts admins trials trialists enquiries inquiries people families regulars
    newcomers holders investors them consumers households attendees readers viewers
    owners homeowners householders drivers motorists callers riders passengers commuters
    patrons couples
    """
)

#: Endings of plural nouns for people ("tenants", "senders", "stylists", "landlords"): a bare
#: plural with one, after a business's verb, reads as the market it works on.
PEOPLE_ENDINGS = ("ers", "ors", "ants", "ents", "ists", "ians", "ees", "lords")

#: Plural nouns with those endings that name things, not people.
THING_PLURALS = word_set(
    """
    offers orders papers numbers letters answers flowers folders filters covers containers
    vouchers stickers posters flyers banners headers layers towers powers barriers borders
    corners matters centers centres waters chargers heaters boilers printers computers speakers
    trailers tractors floors doors errors colors colours mirrors sensors motors monitors factors
    sectors indoors outdoors others events documents payments appointments treatments
    agreements arrangements requirements parents' elements instruments investments moments
    comments contents plants grants restaurants fees trees degrees coffees committees others
    hours tours yours ours lockers trainers sneakers burgers dinners starters layers stickers
    meters litres liters kilometers kilometres parameters registers calendars minutes
    """
)

#: Customer nouns that also name people a customer hires ("Find drivers who can move a
#: piano"): after a verb of seeking, they are the providers sought, not the business's market.
HIRED_TOO = word_set("drivers riders")

#: Verbs of seeking someone to do a job.
SEEKING_VERBS = word_set("find hire book choose")

#: Verbs of telling or showing others something: at a stage where customers recommend or
#: promote, "*Show* people what a beginner can do" is the customer spreading the word.
TELLING_VERBS = word_set("show tell let teach prove remind")

#: Words for people at large, nobody's market in particular: "Let *people* know ...".
PEOPLE_AT_LARGE = word_set("people everyone everybody anyone anybody others folk folks world")

#: Words that make a following person noun a peer of the customer ("other parents").
PEER_WORDS = word_set("other another fellow my our their his her friend friends neighbour")

#: Funnel, CRM and KPI words: the business's view of its market.
FUNNEL_WORDS = word_set(
    """
    leads prospects pipeline funnel conversion conversions churn crm upsell crosssell
    acquisition retention activation onboarding throughput footfall covers turnover occupancy
    revenue margin margins kpi kpis roi mql mqls sql sqls nps csat uptake takeup adoption
    signups enrolments enrollments applications bookings reviews referrals awareness brand
    reputation following followers loyalty engagement touchpoints campaign campaigns segment
    segments quota targets tender deal deals proposal stock inventory share wallet ltv cac
    arpu aov footprint traffic visibility reach impressions clicks listings
    """
)

#: Metrics: what a number in a business target counts ("Reduce no-shows by 20%").
METRIC_WORDS = word_set(
    """
    rate rates score scores volume volumes cost costs value size average share number count
    ratio time times percentage total growth sales revenue churn noshows dropout closures
    abandonment reliance occupancy throughput covers turnover uptake takeup applications
    enrolments enrollments signups bookings renewals donations subscribers members users
    followers reviews referrals leads accounts holdings satisfaction completion attendance
    ratings
    """
)

#: Nominalised business processes: a goal that *is* one of these names a step, not a want.
PROCESS_NOUNS = word_set(
    """
    acquisition qualification generation nurturing nurture onboarding activation retention
    conversion expansion shift campaign fundraising processing fulfilment fulfillment
    invoicing billing prospecting upselling crossselling remarketing retargeting outreach
    recruitment registration enrolment occupancy management invoice quote quotation followup
    billing lead
    """
)

#: What a business owns or builds on its side: "our *brand*", "Build *trust* with ...".
BUSINESS_ASSETS = word_set(
    """
    brand brands reputation awareness trust loyalty following audience community list lists
    pipeline presence credibility name message story range collection menu offer offers
    products product store shop services stock inventory profile listing ranking visibility
    relationship relationships sales revenue base mailing newsletter database databases
    """
)

#: What the buying side owns when it says "our": a family, a household, a buying team.
BUYER_SIDE = word_set(
    """
    family kids kid children child son sons daughter daughters baby babies toddler
    grandparents parents mum mom dad mother father gran granny grandma grandpa wife husband
    partner household home house flat garden car dog cat pet wedding honeymoon anniversary
    trip holiday holidays team teams staff office colleagues employees department board
    budget finance director manager boss school class club church savings account money
    bills bill insurance data calendar bags street neighbourhood village town
    """
)

#: Deals a business closes: "Get the *contract* signed", "Send the *proposal*".
DEAL_NOUNS = word_set("contract deal deals sale sales signature proposal tender commission")

#: Verbs of a supplier getting a buyer's work: "*Win* the order", "*Land* the account".
WINNING_VERBS = word_set("win land")

#: What a buyer awards a supplier: won or landed, it is the business's sale ("Win the
#: *order*", "Land the *account*"), where a customer wins a prize or lands a place.
AWARDED_WORK = word_set(
    "order orders business account accounts work custom contract contracts tender tenders"
)

#: Business processes no customer asks for: after a first word that is also a verb they
#: make the goal a noun compound naming the process ("Email *capture*", "Review
#: *generation*"), where a customer's verb takes a thing ("Email the landlord").
SELLER_PROCESSES = word_set(
    """
    capture nurture nurturing generation prospecting upselling crossselling remarketing
    retargeting outreach
    """
)

#: Money a business takes from its market: "repeat *spend* from junior families", "*revenue*
#: from members" (a customer's money comes from their own people: "money from my parents").
MARKET_MONEY = word_set("spend spending revenue income takings money business custom sales")

#: Words that say how many, before a noun a second-language writer may leave singular
#: ("*more* shop owner"): the noun is read as the plural it stands for.
MANY_WORDS = word_set("more many fewer most several")

#: Funnel names for the customer, as the subject of a goal: "Prospect signs the contract".
FUNNEL_SUBJECTS = word_set("prospect prospects lead leads trial trials mql sql")

#: Verbs a business uses for "make people see us": "Be *seen* as the expert".
POSITION_WORDS = word_set("seen known recognised recognized regarded perceived found visible")

#: First person singular: the persona speaking.
FIRST_PERSON = word_set("i me my mine myself im ive id")

#: First person plural: a business ("our brand") or a buying team or a family ("our son").
FIRST_PLURAL = word_set("we our ours us ourselves")

#: Words that end a noun phrase when reading the object of a verb.
PHRASE_ENDS = word_set(
    """
    to into in on at by for from with without about before after during so and or but that
    who which whose when where while than as if because across back out up down off over away
    together again online quickly faster fast now today directly instead early through
    towards toward per until within via we i you they he she
    """
)

#: Small words skipped when reading a noun phrase.
DETERMINERS = word_set(
    """
    a an the this that these those some any each every all both more most new existing
    current potential first second next last old young local lapsed loyal happy regular
    returning repeat occasional inactive
    """
)

#: How many, in words: "two mates", "a few colleagues" (the count, not the thing counted).
COUNT_WORDS = word_set(
    """
    one two three four five six seven eight nine ten eleven twelve twenty dozen dozens
    several few couple many lots
    """
)

#: Verbs in the third person that a customer action starts with, and that are never a
#: plural noun: a touchpoint starting with one is an action ("Reads comparison articles").
ACTION_VERBS_3RD = word_set(
    """
    reads searches compares asks browses checks finds chooses pays buys receives opens
    clicks downloads watches signs subscribes joins tries uses tells recommends writes leaves
    follows goes walks sees hears looks uploads fills phones scrolls googles rings picks
    collects tags attends applies registers enrols enrolls donates gives talks meets gets
    decides adds completes sends enters types scans installs logs waits queues drives arrives
    unpacks wears shares posts books orders emails texts calls visits messages chats returns
    rates reviews
    """
)

#: Of those, the ones that are also plural nouns ("Calls from the listing", "Reviews"):
#: an action only when a determiner follows ("Calls the shop").
NOUN_LIKE_VERBS_3RD = word_set(
    "shares posts books orders emails texts calls visits messages chats returns rates reviews "
    "searches looks checks picks tags drops"
)

#: Verbs a business's activity or an improvement idea starts with; as the first word of a
#: customer action or a pain point they show an item from another lane.
IDEA_VERBS = word_set(
    """
    add offer provide publish introduce create build improve simplify reduce make send let
    allow enable give launch put display include remove shorten lower explain clarify
    highlight automate streamline redesign rewrite replace extend hire train invite remind
    thank reward run promote advertise collaborate feature host sponsor partner set ensure
    keep train respond reply follow greet welcome serve seat personalise personalize
    encourage engage prepare print post email text call answer show list fix
    """
)

#: Of those, the ones that are also common nouns at the start of an item ("Offer codes
#: do not work", "Post arrives late"): an idea only when a determiner follows.
NOUN_LIKE_IDEA_VERBS = word_set("offer list fix post email text call set run display host answer")

#: Past forms of common verbs that take no "-ed" ("Became the treasurer ...", "Went back
#: ..."): written about the customer, not orders in the bare form. Forms that are also the
#: bare verb ("put", "read", "set") are left out.
IRREGULAR_PAST = word_set(
    """
    became went took gave made got saw found told sent bought paid brought thought came
    left kept felt met ran said sold spent stood wrote heard began chose drove rode spoke
    knew grew lent lost won caught taught understood
    """
)

#: The business as the subject of an item: "We send ...", "Staff greet ...".
BUSINESS_SUBJECTS = word_set("we staff store shop business company team brand our")

#: Words that say an item is a suggestion: "Should add ...", "Could we ...".
SUGGESTION_WORDS = word_set("should could would need needs let's lets why")
