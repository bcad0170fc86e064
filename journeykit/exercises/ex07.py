"""Exercises for ``07_mapping_method``: goals vs internal steps, messages, lanes, your own map.

Use in a notebook: ``from journeykit.exercises import ex07 as q, ____``.
"""

from __future__ import annotations

from .core import bind
from .maps import MapQuestion
from .matching import SortQuestion, example_items_question
from .truths import LANE_NOUNS, lane_aliases, lane_truth

EXAMPLE = "clothing-store"

#: Candidate stage names for a gym, and whether each is a customer goal or an internal step.
STAGE_CANDIDATES: dict[str, str] = {
    "Find a gym close to home": "customer_goal",
    "Check what a membership costs": "customer_goal",
    "Try a class before committing": "customer_goal",
    "Get fitter without getting hurt": "customer_goal",
    "Lead qualification": "internal_step",
    "Membership upsell campaign": "internal_step",
    "Payment processing": "internal_step",
    "Enter the member in the CRM": "internal_step",
}

_WHY: dict[str, str] = {
    "Lead qualification": "Nobody joins a gym hoping to be qualified: that is the sales "
    "team's step.",
    "Membership upsell campaign": "A campaign is something the gym runs, not something the "
    "member sets out to do.",
    "Payment processing": "The member wants to pay and start; processing is the back "
    "office's work.",
    "Enter the member in the CRM": "The member never sees the CRM: this is a task on the "
    "gym's side.",
    "Find a gym close to home": "It is what the person is trying to get done, in their own words.",
    "Check what a membership costs": "The person wants to know the price: a goal on their side.",
    "Try a class before committing": "This is the person's aim before signing up, whatever "
    "the gym calls it internally.",
    "Get fitter without getting hurt": "This is why the person came in the first place.",
}

q1 = SortQuestion(
    "stage_kinds",
    lambda: STAGE_CANDIDATES,
    lambda: {"customer_goal": "a customer goal", "internal_step": "an internal step"},
    aliases=lambda: {
        "customer goal": "customer_goal",
        "customer goals": "customer_goal",
        "goal": "customer_goal",
        "internal step": "internal_step",
        "internal steps": "internal_step",
        "internal": "internal_step",
    },
    reasons=_WHY,
    category_word="group",
    kind="sort goals from internal steps",
    hints=(
        'Read each one aloud as the member: "I want to ...". Does it make sense?',
        "Internal steps are things staff or systems do; the member may never notice them.",
    ),
    solution="stage_kinds = {\n"
    '    "customer_goal": ["Find a gym close to home", "Check what a membership costs",\n'
    '                      "Try a class before committing",\n'
    '                      "Get fitter without getting hurt"],\n'
    '    "internal_step": ["Lead qualification", "Membership upsell campaign",\n'
    '                      "Payment processing", "Enter the member in the CRM"],\n'
    "}",
    explanation="Stages named after customer goals keep the map about the customer; internal "
    "steps belong in the business activities lane instead.",
)

q2 = example_items_question(
    "message_stage",
    EXAMPLE,
    "messages",
    (
        "New summer collection, picked for you",
        "See how it fits before you buy",
        "Free returns within 30 days",
        "Here is how to style your new outfit",
        "Share your look and your friends save 10%",
    ),
    hints=(
        "A message answers what the customer is wondering about at that moment.",
        "Free returns calm the nerves of someone about to pay.",
    ),
    solution="message_stage = {\n"
    '    "New summer collection, picked for you": "Awareness",\n'
    '    "See how it fits before you buy": "Consideration",\n'
    '    "Free returns within 30 days": "Decision",\n'
    '    "Here is how to style your new outfit": "Retention",\n'
    '    "Share your look and your friends save 10%": "Advocacy",\n'
    "}",
    explanation="The right message at the right stage answers the question the customer has "
    "right then.",
)

METHOD_LANES = ("participants", "information_needs", "pain_points")

q3 = SortQuestion(
    "method_lanes",
    lambda: lane_truth(EXAMPLE, "Consideration", METHOD_LANES),
    lambda: {key: LANE_NOUNS[key] for key in METHOD_LANES},
    aliases=lane_aliases,
    hints=(
        "Participants are people; information needs are questions the customer wants "
        "answered; pain points are what goes wrong or gets in the way.",
    ),
    solution="method_lanes = {\n"
    '    "participants": ["Other shoppers who wrote reviews"],\n'
    '    "information_needs": ["Fit and sizing", "Fabric and care",\n'
    '                          "Delivery and return costs"],\n'
    '    "pain_points": ["Unsure which size to order",\n'
    '                    "Photos do not show how the fabric looks"],\n'
    "}",
    explanation="The method asks who is involved, what they need to know and what hurts, "
    "stage by stage.",
)

MAP_LANES = ("goal", "touchpoints", "messages", "pain_points")

q4 = MapQuestion(
    "my_map",
    3,
    MAP_LANES,
    hints=(
        'Start with `my_map = jk.JourneyMap.new("five-stage", title=..., '
        "persona=jk.Persona(name, description))`.",
        "Then, for three stages, set the goal, touchpoints, messages and pain points with "
        "`my_map.set_lane(stage, lane, value)`.",
        "`my_map.problems()` lists anything that stops the map from validating, and "
        "`jk.review(my_map)` what the coach would still fix: the check passes when the "
        "three stages have nothing left to fix.",
    ),
    solution="my_map = jk.JourneyMap.new(\n"
    '    "five-stage", title="Corner bike repair",\n'
    '    persona=jk.Persona("Sam", "Commutes by bike every day and cannot be without '
    'it for long"))\n'
    'my_map.set_lane("Awareness", "goal", "Get my bike fixed before Monday")\n'
    'my_map.set_lane("Awareness", "touchpoints", ["Map search", "Shop sign"])\n'
    'my_map.set_lane("Awareness", "messages", ["Most repairs done the same day"])\n'
    'my_map.set_lane("Awareness", "pain_points", ["Opening hours are hard to find"])\n'
    'my_map.set_lane("Consideration", "goal", "Know the price and the wait up front")\n'
    'my_map.set_lane("Consideration", "touchpoints", ["Website price list", "Phone"])\n'
    'my_map.set_lane("Consideration", "messages", ["Fixed prices for common repairs"])\n'
    'my_map.set_lane("Consideration", "pain_points", ["No prices online"])\n'
    'my_map.set_lane("Purchase", "goal", "Drop the bike off and pay without fuss")\n'
    'my_map.set_lane("Purchase", "touchpoints", ["Shop counter", "Card reader"])\n'
    'my_map.set_lane("Purchase", "messages", ["We text you when it is ready"])\n'
    'my_map.set_lane("Purchase", "pain_points", ["Queue at the counter"])',
    explanation="Three complete stages with nothing to fix are enough to tell the story; "
    "fill in the rest the same way when you map your own business, and run "
    "`jk.review(my_map)` as you go.",
)

QUESTIONS = bind(globals())
