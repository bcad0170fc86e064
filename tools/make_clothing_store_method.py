"""Write the worked example's second half: the researched current state and its future state.

    python tools/make_clothing_store_method.py            # write the two files
    python tools/make_clothing_store_method.py --check    # exit 1 if they differ from this script

``datasets/clothing-store.json`` is the online clothing store as notebooks 04-09 draw it.
This script adds what notebooks 10 and 11 teach, all invented for teaching:

* ``datasets/clothing-store-researched.json``: the same map after an invented research
  round. Every item of the lanes about the customer says where it comes from (the tables
  below: interviews, a survey, the website log of notebook 09, support tickets, watching
  shoppers, or an assumption), every opportunity has an impact, an effort and an owner (one
  more idea joins them, the team's own), and the blueprint lanes say what the store does
  behind the scenes.
* ``datasets/clothing-store-future.json``: the journey the store wants to give once its
  quick wins and big bets are done, started with ``JourneyMap.future_state`` from the
  researched map and linked to it. What it adds is tagged as an assumption: a future state
  is a set of guesses to test.

The stage names, order and the base map's content come from the base file; nothing else
here comes from a source text. The same script always writes the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import journeykit as jk
from journeykit.catalogue import FieldPath
from journeykit.model import Item, datasets_dir, write_text_atomic

FOLDER = Path(__file__).resolve().parent.parent / "datasets"
BASE = "clothing-store.json"
RESEARCHED = "clothing-store-researched.json"
FUTURE = "clothing-store-future.json"

INTERVIEWS = "Interviews with 8 recent customers, May"
SURVEY = "Post-purchase survey, 312 answers"
LOG = "Website log, March to May (notebook 09)"
TICKETS = "Chat and email tickets, March to May"
WATCHED = "Two sessions watching shoppers on their phones"

#: (stage, lane) -> one (evidence, source) per item, in the lane's order.
EVIDENCE: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("Awareness", "actions"): [("analytics", "Ad click log, March to May")],
    ("Awareness", "touchpoints"): [
        ("survey", SURVEY),
        ("analytics", "Ad click log, March to May"),
        ("assumption", ""),
    ],
    ("Awareness", "emotion_words"): [("interview", INTERVIEWS)] * 2,
    ("Awareness", "pain_points"): [("interview", "Interviews 2 and 5")],
    ("Awareness", "participants"): [("survey", SURVEY), ("assumption", "")],
    ("Awareness", "information_needs"): [("assumption", "")],
    ("Consideration", "actions"): [
        ("analytics", LOG),
        ("analytics", LOG),
        ("observation", WATCHED),
    ],
    ("Consideration", "touchpoints"): [
        ("analytics", "Newsletter opens"),
        ("analytics", LOG),
        ("observation", WATCHED),
    ],
    ("Consideration", "emotion_words"): [("interview", INTERVIEWS)] * 3,
    ("Consideration", "pain_points"): [
        ("analytics", "Website log: most size-guide visits end the visit"),
        ("support tickets", "Tickets asking what a fabric is like"),
    ],
    ("Consideration", "participants"): [("observation", WATCHED)],
    ("Consideration", "information_needs"): [
        ("support tickets", TICKETS),
        ("support tickets", TICKETS),
        ("assumption", ""),
    ],
    ("Decision", "actions"): [("analytics", LOG)] * 2,
    ("Decision", "touchpoints"): [
        ("analytics", LOG),
        ("analytics", LOG),
        ("support tickets", TICKETS),
    ],
    ("Decision", "emotion_words"): [
        ("interview", INTERVIEWS),
        ("interview", INTERVIEWS),
        ("assumption", ""),
    ],
    ("Decision", "pain_points"): [
        ("analytics", "Website log: 41% buy once the delivery cost shows"),
        ("assumption", ""),
    ],
    ("Decision", "participants"): [("interview", "Interviews 1, 4 and 7")],
    ("Decision", "information_needs"): [("survey", SURVEY), ("support tickets", TICKETS)],
    ("Retention", "actions"): [
        ("analytics", "Delivery tracking data"),
        ("interview", INTERVIEWS),
        ("assumption", ""),
    ],
    ("Retention", "touchpoints"): [
        ("analytics", "Delivery tracking data"),
        ("analytics", "Email opens"),
        ("assumption", ""),
    ],
    ("Retention", "emotion_words"): [("survey", SURVEY), ("assumption", "")],
    ("Retention", "pain_points"): [("support tickets", "Tickets asking where the order is")],
    ("Retention", "participants"): [("support tickets", TICKETS)],
    ("Retention", "information_needs"): [("support tickets", TICKETS)] * 2,
    ("Advocacy", "actions"): [("observation", "Tagged posts, counted each week")],
    ("Advocacy", "touchpoints"): [
        ("observation", "Tagged posts, counted each week"),
        ("analytics", "Referral sign-ups"),
    ],
    ("Advocacy", "emotion_words"): [("assumption", "")] * 2,
    ("Advocacy", "pain_points"): [("assumption", "")],
    ("Advocacy", "participants"): [("assumption", "")],
    ("Advocacy", "information_needs"): [("assumption", "")],
}

#: The team's own idea, added to Advocacy's opportunities after the research round.
EXTRA_IDEA = "Build a loyalty app"

#: Opportunity -> (impact, effort, owner).
SCORES: dict[str, tuple[int, int, str]] = {
    "Show the size range in the ads": (2, 1, "Marketing"),
    "Add fit notes from reviewers to each product": (4, 3, "Product team"),
    "Offer guest checkout": (3, 2, "Web team"),
    "Show delivery costs on the product page": (4, 1, "Web team"),
    "Send delivery updates by text message": (3, 3, "Operations"),
    "Put the referral link in the thank-you email": (2, 1, "Marketing"),
    EXTRA_IDEA: (2, 4, "Web team"),
}

#: Stage -> (front-stage actions, back-stage actions, support processes) today.
BLUEPRINT: dict[str, tuple[list[str], list[str], list[str]]] = {
    "Awareness": (
        ["Social media team answers comments on the ads"],
        ["Marketing picks the products for each ad"],
        ["Ad platform's targeting"],
    ),
    "Consideration": (
        ["Product pages show the size guide and reviews"],
        ["Copywriters write the product descriptions", "Photo studio shoots each product"],
        ["Product information system", "Review platform"],
    ),
    "Decision": (
        ["Checkout asks for an account", "Chat agents answer order questions"],
        ["Warehouse reserves the stock", "Payments team checks for fraud"],
        ["Payment provider", "Stock system", "Delivery price table kept by operations"],
    ),
    "Retention": (
        ["Order and dispatch emails", "Courier delivers the parcel"],
        ["Warehouse picks and packs the order", "Returns team checks returned items"],
        ["Courier's tracking system", "Email platform"],
    ),
    "Advocacy": (
        ["Social media team comments on tagged posts"],
        ["Marketing sends referral codes by hand"],
        ["Referral code generator"],
    ),
}

RESEARCHED_NOTES = (
    "The worked example after an invented research round (May): eight interviews, a "
    "post-purchase survey, the website log of notebook 09, support tickets and two sessions "
    "watching shoppers. Every research finding, source, score, owner and blueprint item is "
    "invented for teaching, as are the map's persona, goals, scores and pain points (see "
    "clothing-store.json). Written by tools/make_clothing_store_method.py."
)
FUTURE_NOTES = (
    "The journey the store wants to give once its quick wins and big bets are done: an "
    "invented future state for teaching, drawn from clothing-store-researched.json. What it "
    "adds is tagged as an assumption until customers try it. Written by "
    "tools/make_clothing_store_method.py."
)


def researched() -> jk.JourneyMap:
    """The base map with evidence, scored opportunities and blueprint lanes."""
    m = jk.load_map(datasets_dir() / BASE)
    for (stage, lane), tags in EVIDENCE.items():
        items = m.stage(stage).get(lane)
        if len(items) != len(tags):
            raise SystemExit(f"{stage} {lane}: {len(items)} items, {len(tags)} tags")
        m.set_lane(
            stage,
            lane,
            [
                Item(text, evidence=evidence, source=source)
                for text, (evidence, source) in zip(items, tags, strict=True)
            ],
        )
    m.set_lane("Advocacy", "opportunities", [*m.stage("Advocacy").opportunities, EXTRA_IDEA])
    for stage in m.stages:
        for i, idea in enumerate(stage.opportunities):
            impact, effort, owner = SCORES[idea]
            m.set_item(stage.name, "opportunities", i, impact=impact, effort=effort, owner=owner)
    for stage, (front, back, support) in BLUEPRINT.items():
        m.set_lane(stage, "frontstage_actions", front)
        m.set_lane(stage, "backstage_actions", back)
        m.set_lane(stage, "support_processes", support)
    m.set_field(FieldPath(None, "state"), "current")
    m.set_title(m.title + ", researched")
    m.set_notes(RESEARCHED_NOTES)
    return m


def _swap(items: list[str], old: str, new: str | None) -> list[str]:
    return [new if item == old else item for item in items if item != old or new is not None]


def _new(text: str) -> Item:
    """An item the future state adds: an assumption until customers try it."""
    return Item(text, evidence="assumption", source="Future state: to test")


def future(current: jk.JourneyMap) -> jk.JourneyMap:
    """The future state of the researched map (it keeps its link to it)."""
    # both files sit in datasets/, so the link is the current map's file name
    m = current.future_state(title="Online clothing store: the summer outfit, redesigned")
    done = {
        "Add fit notes from reviewers to each product",
        "Offer guest checkout",
        "Show delivery costs on the product page",
        "Send delivery updates by text message",
        "Put the referral link in the thank-you email",
    }
    for stage in m.stages:
        m.set_lane(stage.name, "opportunities", [o for o in stage.opportunities if o not in done])
    consideration = m.stage("Consideration")
    m.set_lane(
        "Consideration",
        "touchpoints",
        [*consideration.touchpoints, _new("Fit notes on each product page")],
    )
    m.set_lane(
        "Consideration",
        "pain_points",
        _swap(consideration.pain_points, "Unsure which size to order", None),
    )
    m.set_lane("Consideration", "emotion_score", 4)
    m.set_lane(
        "Consideration",
        "backstage_actions",
        [*consideration.backstage_actions, "Product team collects fit notes from reviews"],
    )
    decision = m.stage("Decision")
    m.set_lane(
        "Decision",
        "actions",
        [*_swap(decision.actions, "Checks out", None), _new("Checks out as a guest")],
    )
    m.set_lane(
        "Decision",
        "touchpoints",
        [*decision.touchpoints, _new("Delivery cost on the product page")],
    )
    m.set_lane("Decision", "pain_points", [])
    m.set_lane(
        "Decision",
        "emotion_words",
        [*_swap(decision.emotion_words, "Anxiety", None), _new("Relief")],
    )
    m.set_lane("Decision", "emotion_score", 4)
    m.set_lane(
        "Decision",
        "frontstage_actions",
        _swap(
            decision.frontstage_actions,
            "Checkout asks for an account",
            "Checkout offers to buy as a guest",
        ),
    )
    m.set_lane(
        "Decision",
        "support_processes",
        [
            *decision.support_processes,
            "Delivery cost shown from the price table on every product page",
        ],
    )
    retention = m.stage("Retention")
    m.set_lane(
        "Retention",
        "touchpoints",
        [*retention.touchpoints, _new("Delivery updates by text message")],
    )
    m.set_lane(
        "Retention", "support_processes", [*retention.support_processes, "Text message service"]
    )
    advocacy = m.stage("Advocacy")
    m.set_lane(
        "Advocacy",
        "touchpoints",
        [*advocacy.touchpoints, _new("Referral link in the thank-you email")],
    )
    m.set_lane("Advocacy", "pain_points", [])
    m.set_lane(
        "Advocacy",
        "backstage_actions",
        _swap(
            advocacy.backstage_actions,
            "Marketing sends referral codes by hand",
            "Thank-you email adds each customer's referral link",
        ),
    )
    m.set_notes(FUTURE_NOTES)
    return m


def texts() -> dict[str, str]:
    """The two files' text, by file name."""
    today = researched()
    today._file = FOLDER / RESEARCHED  # the future state links to this file
    return {RESEARCHED: today.to_json(), FUTURE: future(today).to_json()}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    fresh = texts()
    if args.check:
        stale = [
            name
            for name, text in fresh.items()
            if not (FOLDER / name).is_file() or (FOLDER / name).read_text("utf-8") != text
        ]
        for name in fresh:
            print(f"datasets/{name}: {'DIFFERS' if name in stale else 'up to date'}")
        return 1 if stale else 0
    for name, text in fresh.items():
        write_text_atomic(FOLDER / name, text)
        print(f"Wrote datasets/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
