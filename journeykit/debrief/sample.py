"""A made-up class of journey maps: for rehearsing a debrief, the notebook and the benchmark.

:func:`sample_class` invents *count* learners, each mapping one of five small
businesses in one of the four frameworks, some finished, some half done, some
barely started. The same seed always gives the same maps. Content is written
per journey moment and poured into each framework's stages, so maps of
different frameworks tell comparable stories. Pain points come in several
wordings (case, punctuation, plurals, typos), as a real class writes them, the
first wording of each the most common.

``tools/make_sample_class.py`` writes ``datasets/sample-class/`` with
:func:`write_sample_class`, adding two broken files and a conflict copy.

Examples
--------
>>> maps = sample_class(4, seed=1)
>>> sorted(maps)[:2]
['ana_bike_repair', 'ben_pottery_school']
>>> sample_class(4, seed=1)["ben_pottery_school"] == maps["ben_pottery_school"]
True
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any, TypeVar

from ..catalogue import get_framework
from ..model import JourneyMap, Persona, write_text_atomic

#: The businesses of the class: title, what it offers, the persona and their goals, the
#: framework most use, and how the customer feels at each journey moment (notice ...
#: promote), 1 to 5.
BUSINESSES: dict[str, dict[str, Any]] = {
    "bakery": {
        "title": "Corner bakery",
        "offer": "fresh bread",
        "framework": "five-stage",
        "persona": ("Lena", "Office worker who picks up lunch on the way in"),
        "goals": ["A good lunch without queueing"],
        "feel": (4, 3, 3, 3, 2, 5, 4, 4, 3),
    },
    "bike_repair": {
        "title": "Bike repair shop",
        "offer": "a bike repair",
        "framework": "six-stage",
        "persona": ("Omar", "Commutes by bike and cannot be without it for long"),
        "goals": ["Get the bike back within a day"],
        "feel": (2, 3, 2, 3, 3, 4, 4, 4, 3),
    },
    "yoga_studio": {
        "title": "Neighbourhood yoga studio",
        "offer": "yoga classes",
        "framework": "eight-stage",
        "persona": ("Kim", "Nurse on shifts who wants to stretch after work"),
        "goals": ["A class that fits around changing shifts"],
        "feel": (3, 3, 4, 4, 2, 5, 3, 4, 4),
    },
    "bookshop": {
        "title": "Second-hand bookshop",
        "offer": "a good book",
        "framework": "five-stage-decision",
        "persona": ("Ruth", "Retired teacher who reads two novels a week"),
        "goals": ["Find authors she has not read yet"],
        "feel": (4, 4, 3, 3, 3, 5, 5, 4, 3),
    },
    "pottery_school": {
        "title": "Pottery school",
        "offer": "pottery lessons",
        "framework": "eight-stage",
        "persona": ("Theo", "Designer looking for a hobby away from screens"),
        "goals": ["Make something by hand every week"],
        "feel": (3, 2, 3, 4, 2, 5, 3, 5, 4),
    },
}

MOMENTS = (
    "notice",
    "research",
    "contact",
    "commit",
    "buy",
    "use",
    "repeat",
    "recommend",
    "promote",
)

#: What learners write at each journey moment ({offer} becomes the business's offer): texts
#: per lane, and for pain points groups of wordings of one pain (a list each).
TEXT: dict[str, dict[str, list[Any]]] = {
    "notice": {
        "goal": ["Find a place for {offer} close by"],
        "actions": [
            "Searches online for {offer}",
            "Hears about it from a friend",
            "Walks past the shop window",
        ],
        "touchpoints": ["Search results", "Instagram post", "Shop window", "Flyer"],
        "pain_points": [
            ["Hard to find online", "hard to find online", "Hard to find on line"],
            ["No photos of {offer}", "no photo of {offer}!"],
        ],
        "business_activities": ["Keep the map listing up to date"],
    },
    "research": {
        "goal": ["Choose the best place for {offer}"],
        "actions": ["Reads reviews", "Compares prices with two other places"],
        "touchpoints": ["Review site", "Website", "Price list"],
        "pain_points": [
            ["Prices are not shown", "prices are not shown", "Prices are not shwon"],
            ["Too few reviews", "too few reviews!", "Too few review"],
        ],
        "information_needs": ["Opening hours", "Prices"],
    },
    "contact": {
        "goal": ["Get a quick answer before deciding"],
        "actions": ["Sends a message with a question", "Phones to check a time"],
        "touchpoints": ["Phone", "Email", "Chat on the website"],
        "pain_points": [
            ["Slow reply to messages", "slow replies to messages", "Slow reply to mesages"],
            ["Phone always busy"],
        ],
    },
    "commit": {
        "goal": ["Try it out without much risk"],
        "actions": ["Signs up for the newsletter", "Books a free taster"],
        "touchpoints": ["Sign-up form", "Newsletter"],
        "pain_points": [
            ["Sign-up form is too long", "Sign up form is too long", "sign-up form is to long"]
        ],
        "messages": ["Your first visit is on us"],
    },
    "buy": {
        "goal": ["Pay quickly and get on with my day"],
        "actions": ["Pays at the counter", "Orders online"],
        "touchpoints": ["Checkout page", "Card reader", "Counter"],
        "pain_points": [
            ["Long queue at the till", "long queues at the till", "Long queue at the til"],
            ["Card payment refused", "Card payments refused"],
            ["Delivery costs too high", "delivery cost too high", "Delivery costs to high"],
        ],
        "kpis": ["Orders per week"],
        "opportunities": ["Add a second till at lunchtime"],
    },
    "use": {
        "goal": ["Enjoy {offer} as promised"],
        "actions": ["Enjoys {offer}", "Asks staff for help"],
        "touchpoints": ["Staff", "Receipt email"],
        "pain_points": [["Not as shown online", "not as shown on-line"]],
        "participants": ["Partner at home"],
    },
    "repeat": {
        "goal": ["Get the same good experience again"],
        "actions": ["Comes back the next week", "Uses the loyalty card"],
        "touchpoints": ["Loyalty card", "Reminder email"],
        "pain_points": [["No reminder to come back", "No reminders to come back"]],
        "kpis": ["Customers who return within a month"],
    },
    "recommend": {
        "goal": ["Help friends find something good"],
        "actions": ["Tells a colleague", "Leaves a review"],
        "touchpoints": ["Review site", "Word of mouth"],
        "pain_points": [["Review site is hard to use"]],
        "opportunities": ["Send a thank-you note with a review link"],
    },
    "promote": {
        "goal": ["Share something I am proud of"],
        "actions": ["Shares a post", "Brings a friend along"],
        "touchpoints": ["Instagram", "Referral code"],
        "pain_points": [["No reward for bringing friends", "No rewards for bringing friends"]],
        "business_activities": ["Start a bring-a-friend offer"],
    },
}

FEELINGS = {
    1: ["Frustrated", "Angry"],
    2: ["Annoyed", "Unsure"],
    3: ["Curious", "Calm"],
    4: ["Pleased", "Hopeful"],
    5: ["Delighted", "Proud"],
}
LEARNERS = (
    "ana",
    "ben",
    "chloe",
    "dev",
    "emma",
    "farid",
    "grace",
    "hugo",
    "ines",
    "jonas",
    "kofi",
    "lea",
    "mia",
    "nils",
    "olga",
    "priya",
    "quinn",
    "rosa",
    "sam",
    "tariq",
    "uma",
    "vik",
    "wen",
    "xavi",
    "yara",
    "zoe",
)

T = TypeVar("T")


def _pick(rng: random.Random, options: list[T], k: int) -> list[T]:
    return rng.sample(options, min(k, len(options)))


def _stage_content(
    rng: random.Random, moments: tuple[str, ...], offer: str, score: int, full: bool
) -> dict[str, Any]:
    def texts(key: str, k: int) -> list[str]:
        pool = [t for m in moments for t in TEXT[m].get(key, [])]
        return [t.format(offer=offer) for t in _pick(rng, pool, k)]

    pains = [
        (group[0] if rng.random() < 0.6 else rng.choice(group)).format(offer=offer)
        for group in _pick(
            rng, [g for m in moments for g in TEXT[m]["pain_points"]], rng.choice((1, 1, 2))
        )
    ]
    content = {
        "goal": texts("goal", 1)[0],
        "actions": texts("actions", 2),
        "touchpoints": texts("touchpoints", rng.choice((1, 2, 3))),
        "emotion_score": score,
        "emotion_words": _pick(rng, FEELINGS[score], 1),
        "pain_points": pains if score <= 3 or rng.random() < 0.4 else [],
    }
    if full:
        for key in (
            "business_activities",
            "messages",
            "participants",
            "information_needs",
            "opportunities",
            "kpis",
        ):
            if rng.random() < 0.6:
                content[key] = texts(key, 1)
    return content


def sample_map(
    rng: random.Random, business: str, framework: str, completion: str, title: str
) -> JourneyMap:
    """One learner's map of *business*: ``"complete"``, ``"partial"`` or ``"started"``."""
    spec = BUSINESSES[business]
    name, about = spec["persona"]
    goals = spec["goals"] if completion != "started" and rng.random() < 0.7 else []
    m = JourneyMap.new(
        framework, title=title, persona=Persona(name, description=about, goals=goals)
    )
    shift = rng.choice((-1, 0, 0, 1))
    feel = {
        moment: max(1, min(5, base + shift + rng.choice((-1, 0, 0, 0, 1))))
        for moment, base in zip(MOMENTS, spec["feel"], strict=True)
    }
    stages = get_framework(framework).stages
    done = {"complete": len(stages), "partial": max(1, len(stages) * 3 // 5), "started": 0}[
        completion
    ]
    for i, stage in enumerate(stages[:done]):
        score = round(sum(feel[m] for m in stage.moments) / len(stage.moments))
        content = _stage_content(
            rng, stage.moments, spec["offer"], score, full=completion == "complete"
        )
        for key, value in content.items():
            m.set_lane(i, key, value)
    if completion == "started":
        m.set_lane(0, "touchpoints", TEXT["notice"]["touchpoints"][:2])
    return m


def sample_class(count: int = 25, seed: int = 2024) -> dict[str, JourneyMap]:
    """*count* made-up learners' maps by file name (``"priya_bakery"``), the same for one seed.

    About a third of the learners pick a framework other than the one most use for
    their business; about half finish their map, a third get halfway and the rest
    have barely started.
    """
    rng = random.Random(seed)
    maps: dict[str, JourneyMap] = {}
    names = list(BUSINESSES)
    for i in range(count):
        learner = LEARNERS[i % len(LEARNERS)]
        business = rng.choice(names)
        framework = BUSINESSES[business]["framework"]
        if rng.random() < 0.35:
            framework = rng.choice(
                ["six-stage", "five-stage", "five-stage-decision", "eight-stage"]
            )
        completion = rng.choices(("complete", "partial", "started"), (0.5, 0.33, 0.17))[0]
        stem = f"{learner}_{business}"
        if stem in maps:
            stem = f"{stem}_{i // len(LEARNERS) + 1}"
        title = f"{BUSINESSES[business]['title']} ({learner.capitalize()})"
        maps[stem] = sample_map(rng, business, framework, completion, title)
    return maps


def write_sample_class(
    folder: str | Path, count: int = 25, seed: int = 2024, extras: bool = True
) -> list[Path]:
    """Write :func:`sample_class` into *folder* as one ``.json`` file per map.

    With *extras*, also a file with a missing comma, one naming a framework the
    kit does not know, and a conflict copy (which a roll-up ignores).
    Returns the files written, maps first.
    """
    target = Path(folder)
    maps = sample_class(count, seed)
    written = [write_text_atomic(target / f"{stem}.json", m.to_json()) for stem, m in maps.items()]
    if extras:
        first_stem, first = next(iter(maps.items()))
        text = first.to_json()
        broken = text.replace('",\n', '"\n', 1)
        unknown = text.replace(f'"framework": "{first.framework}"', '"framework": "seven-stage"')
        written += [
            write_text_atomic(target / "late_submission.json", broken),
            write_text_atomic(target / "old_version.json", unknown),
            write_text_atomic(target / f"{first_stem}.conflict-20250301-101500.json", text),
        ]
    return written
