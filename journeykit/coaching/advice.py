"""What to do about each rule, said to a whole class: no learner's persona, stage or words.

A :class:`~journeykit.coaching.Finding` tells one learner what to do with their own map
("Write what goes wrong for Maya in Retention"). The class roll-up and a rubric speak to
everyone at once, so they use these lines instead: one per rule id, in the order of the
table in :mod:`.reviewer`.
"""

from __future__ import annotations

ADVICE: dict[str, str] = {
    "persona-missing": "Give the persona a first name and one sentence about who they are.",
    "persona-is-a-market": "Pick one typical member of the group, give them a name, and "
    "describe their situation rather than the segment.",
    "persona-is-a-job-title": "Turn the job title into a person: a name, a workplace, what "
    "they are measured on and what worries them.",
    "persona-without-description": "Add a sentence on the persona's situation, habits and "
    "how they like to buy.",
    "persona-without-goals": "Add one or two goals the persona has overall and one frustration.",
    "persona-is-a-person": "Keep asking at every stage what this one person would do.",
    "goal-is-internal-step": "Write each stage goal as what the customer wants to get done, "
    "in their words; move the business's own steps to business activities or KPIs.",
    "stage-without-goal": "Give every started stage a goal in the customer's words.",
    "goals-from-the-customer-side": "Read the goals in a row: they should tell the journey "
    "on their own.",
    "blank-map": "Start with the persona, then the first stage's goal and touchpoints.",
    "empty-stage": "Fill in the empty stages between started ones: what the customer wants "
    "there and where they meet the business.",
    "stage-without-touchpoints": "List every place or channel where the customer meets the "
    "business in each started stage.",
    "stops-at-purchase": "Follow the customer past the purchase: delivery, use, coming back "
    "and telling others.",
    "after-purchase-mapped": "Keep the stages after the sale as concrete as those before it.",
    "stage-without-score": "Score how the customer feels in every started stage, 1 to 5.",
    "dip-without-pain-point": "For every dip in the emotion curve, write the pain point that "
    "causes it.",
    "flat-emotions": "Score each stage on its own, thinking of its best and worst moment.",
    "dips-explained": "Start improving where the curve is lowest.",
    "pain-without-opportunity": "For each pain point, write one idea that would remove it.",
    "opportunity-without-kpi": "Give every opportunity a KPI that would move if it works.",
    "kpi-measures-something-else": "Check that each KPI counts what its stage's opportunity "
    "changes, not another part of the journey.",
    "pain-to-kpi": "Try the opportunity in the lowest stage of the curve first.",
    "need-without-message": "For each information need, make sure a message in that stage "
    "or an earlier one answers it.",
    "same-message-in-every-stage": "Replace the slogan with a message per stage that answers "
    "what the customer wonders about right then.",
    "stage-without-participants": "Name the people who sway the choice or hear about it in "
    "the stages where others take part.",
    "decided-without-others": "Where the customer buys for a company, a family or with a "
    "carer, name who else decides in the purchase stage.",
    "others-named": "Ask what each of the people named needs to hear.",
    "action-is-business-activity": "Keep customer actions for what the customer does; move "
    "the business's own work to business activities.",
    "touchpoint-is-an-action": "Name places and channels as touchpoints; move what the "
    "customer does to the customer actions.",
    "pain-is-an-idea": "Write pain points as what goes wrong, and move the fixes to the "
    "opportunities.",
    "item-in-wrong-stage": "Check that each item sits in the stage where it happens: "
    "referrals after the purchase, advertising at the start.",
    "placeholder-text": "Replace placeholder text with real content or leave the field empty.",
    "duplicate-item": "Keep one copy of each item in a lane.",
    "same-in-every-stage": "Keep an item that is in every stage where it matters most, and "
    "say what is special about each other stage.",
    "paragraph-item": "Split long items into short ones, one idea per line.",
    "wrong-lane": "Move each item to the lane of its kind: feelings to emotion words, "
    "channels to touchpoints.",
    "example-lane-missing": "Fill in the lanes the worked example uses and the map leaves empty.",
    "example-lane-thinner": "Fill in those lanes in every started stage.",
    "example-lanes-matched": "Compare the content: is each item as concrete as the example's?",
    "rests-on-assumptions": "Before acting on the map, test its biggest guesses: talk to a few "
    "customers or look at the data for the stages that hold most of them.",
    "dip-on-assumptions": "Check the low points first: find out from customers whether those "
    "pain points really happen.",
    "evidence-half-tagged": "Tag every item in a lane with where it comes from, so the map "
    "shows what is known and what is guessed.",
    "evidence-backed": "Keep the sources with the map so the next team can check them.",
    "opportunity-unscored": "Give every opportunity an impact and an effort, so none drops off "
    "the roadmap.",
}
