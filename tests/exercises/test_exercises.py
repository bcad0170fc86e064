"""The exercises: every solution passes, typical mistakes get their specific feedback,
unanswered questions get the "Fill in" prompt, and no check ever raises.

Questions are discovered from ``journeykit.exercises.ex00`` ... ``ex11`` (every
module attribute named ``q<number>``), so a new question without a solution, or
without a wrong answer below, fails this file.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.exercises import Feedback, Question, ____
from journeykit.exercises.core import CHECK_FAILED
from journeykit.exercises.matching import CrosswalkQuestion
from journeykit.exercises.questions import FrameworkChoiceQuestion

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = ROOT / "exercises"
MODULES = {
    f"ex{n:02d}": importlib.import_module(f"journeykit.exercises.ex{n:02d}") for n in range(12)
}
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "skip", "notes"}


def discovered(module) -> list[tuple[str, Question]]:
    return sorted(
        (
            (name, value)
            for name, value in vars(module).items()
            if re.fullmatch(r"q\d+", name) and isinstance(value, Question)
        ),
        key=lambda pair: int(pair[0][1:]),
    )


QUESTIONS = [
    (mod, name, question)
    for mod, module in MODULES.items()
    for name, question in discovered(module)
]
QUESTION_IDS = [f"{mod}.{name}" for mod, name, _ in QUESTIONS]


@pytest.fixture(autouse=True)
def own_maps_dir(tmp_path, monkeypatch):
    """Each test saves maps into a fresh folder of its own."""
    monkeypatch.setenv("JOURNEYKIT_MAPS_DIR", str(tmp_path / "my_maps"))


def run(code: str, mod: str) -> dict:
    """Execute answer code the way a notebook would, with `jk` and `q` imported."""
    namespace = {"jk": jk, "q": MODULES[mod], "____": ____}
    exec(code, namespace)
    return namespace


# ----- every question, from its own solution --------------------------------------------
@pytest.mark.parametrize(("mod", "name", "question"), QUESTIONS, ids=QUESTION_IDS)
def test_the_solution_shown_to_learners_passes(mod, name, question):
    assert question.name == name, f"{mod}: call bind(globals()) at the end of the module"
    assert question.solution_code.strip(), f"{mod}.{name} has no solution"
    assert question.hints, f"{mod}.{name} has no hint"
    feedback = question.evaluate(namespace=run(question.solution_code, mod))
    assert feedback.correct, feedback.text()


@pytest.mark.parametrize(("mod", "name", "question"), QUESTIONS, ids=QUESTION_IDS)
def test_check_reads_the_answer_from_the_calling_cell(mod, name, question, capsys):
    namespace = run(question.solution_code, mod)
    exec(f"q.{name}.check()", namespace)
    assert capsys.readouterr().out.startswith("Correct")


@pytest.mark.parametrize(("mod", "name", "question"), QUESTIONS, ids=QUESTION_IDS)
def test_placeholder_gives_the_fill_in_prompt(mod, name, question):
    namespace = dict.fromkeys(question.variables, ____)
    feedback = question.evaluate(namespace=namespace)
    assert feedback.outcome == "unanswered"
    assert feedback.text().startswith("Fill in ")
    assert feedback.text().endswith("then run this cell again.")
    assert question.variables[0] in feedback.text()


@pytest.mark.parametrize(("mod", "name", "question"), QUESTIONS, ids=QUESTION_IDS)
def test_missing_variable_gives_the_fill_in_prompt(mod, name, question):
    feedback = question.evaluate(namespace={})
    assert feedback.outcome == "unanswered"
    assert "does not know" in feedback.text()


@pytest.mark.parametrize(
    "junk",
    [None, 42, 3.5, "text", ["a", 1], {"x": None}, object(), {"Awareness": ["x", None]}, ("a",)],
    ids=["none", "int", "float", "str", "list", "dict", "object", "nested", "tuple"],
)
@pytest.mark.parametrize(("mod", "name", "question"), QUESTIONS, ids=QUESTION_IDS)
def test_a_check_never_raises(mod, name, question, junk):
    feedback = question.evaluate(*[junk] * len(question.variables))
    assert isinstance(feedback, Feedback)
    assert feedback.outcome == "incorrect"
    assert feedback.text().startswith("Not quite: ")
    # evaluate() turns a crash inside the check into "could not read your answer"; a check
    # that needs that safety net on these inputs is broken, so it must not be reached
    assert not feedback.message.startswith(CHECK_FAILED), feedback.message


def test_a_crashing_check_shows_the_safety_net_message_not_a_traceback():
    """The message test_a_check_never_raises looks for is the one a crash really gives."""

    class Crashing(Question):
        def judge(self, *values):
            raise KeyError("stage")

    feedback = Crashing(variables="answer", hints="h", solution="answer = 1").evaluate(1)
    assert feedback.outcome == "incorrect"
    assert feedback.message.startswith(CHECK_FAILED + " (KeyError: 'stage')")


# ----- typical wrong answers and the feedback they must get ----------------------------
EIGHT = '"Aware", "Engage", "Subscribe", "Convert", "Excite", "Ascend", "Advocate", "Promote"'
DECISION_GOOD = """
store = q.starting_store()
store.set_lane("Decision", "goal", "Buy the clothes I picked without hassle")
store.set_lane("Decision", "actions", ["Adds items to the cart", "Checks out"])
store.set_lane("Decision", "emotion_score", 3)
"""
MAP_START = """
my_map = jk.JourneyMap.new("five-stage", title="Bike repair",
                           persona=jk.Persona("Sam", "Rides to work every day"))
"""
MAP_STAGE = """
my_map.set_lane("{s}", "goal", "Get my bike back quickly")
my_map.set_lane("{s}", "touchpoints", ["Shop counter"])
my_map.set_lane("{s}", "messages", ["Ready the same day"])
my_map.set_lane("{s}", "pain_points", ["Long queue"])
"""
FULL_MAP = MAP_START + "".join(
    MAP_STAGE.format(s=s) for s in ("Awareness", "Consideration", "Purchase")
)

WRONG: dict[str, list[tuple[str, str]]] = {
    "ex00.q1": [
        ("framework_count = 3", "Two frameworks have the same number of stages"),
        ("framework_count = 9", "Run jk.framework_ids() and count"),
    ],
    "ex00.q2": [
        ('saved_path = "nowhere.json"', "there is no file called 'nowhere.json'"),
        (
            'm = jk.JourneyMap.new("five-stage")\nsaved_path = m.save(jk.map_path("untitled"))',
            "the saved map has no title",
        ),
        (
            'saved_path = jk.JourneyMap.new("five-stage", title="T").save(\n'
            '    jk.maps_dir().parent / "elsewhere.json")',
            "'elsewhere.json' is saved outside your maps folder",
        ),
    ],
    "ex00.q3": [
        ("gap_count = 5", "5 is the number of stages"),
        ("gap_count = 12", "12 is the number of lanes in one stage"),
    ],
    "ex01.q1": [
        ("cost_ratio = 92", "that is the other figure"),
        ("cost_ratio = 0.2", "that is a fraction (one part in 5)"),
        ("cost_ratio = 1 / 5", "the figure is a multiple"),
        ("cost_ratio = 500", "that reads 5 times as a percentage"),
    ],
    "ex01.q2": [
        ("opinion_share = 5", "that is the other figure"),
        ("opinion_share = 8", "that is the share of the others"),
        ("opinion_share = 0.08", "that is the share of the others"),
        ("opinion_share = 50", "how many buying decisions lean on someone else"),
    ],
    "ex01.q3": [
        (
            'fact_stage = {"5x": "Purchase", "92%": "Advocate"}',
            "the 5x figure backs up Re-purchase, not Purchase",
        ),
        ('fact_stage = {"5x": "Re-purchase"}', "'92%' is missing from fact_stage"),
    ],
    "ex02.q1": [
        (
            'stage_order = ["Discover", "Investigate", "Engage", "Purchase", "Advocate",'
            ' "Re-purchase"]',
            "Re-purchase comes before Advocate in this framework",
        ),
        (
            'stage_order = ["Discover", "Investigate", "Engage", "Purchase", "Repurchse",'
            ' "Advocate"]',
            "Did you mean 'Re-purchase'?",
        ),
        (
            'stage_order = ["Discover", "Investigate", "Engage", "Purchase"]',
            "your list leaves out Re-purchase and Advocate",
        ),
        ('stage_order = "Discover, Investigate"', "make stage_order a list"),
    ],
    "ex02.q2": [
        (
            'action_stage = {"Comes across your outreach by chance": "Discover",\n'
            ' "Builds a short list (the consideration set)": "Engage",\n'
            ' "Phones the business": "Engage", "Buys the product or service": "Purchase",\n'
            ' "Buys again": "Re-purchase", "Recommends the business to others": "Advocate"}',
            "'Builds a short list (the consideration set)' belongs to Investigate, not Engage",
        )
    ],
    "ex02.q3": [
        ('shortlist_stage = "Engage"', "Engage is a different step"),
        ('shortlist_stage = "Research"', "'Research' is not a stage of the six-stage"),
    ],
    "ex03.q1": [
        (
            'stage_order = ["Awareness", "Consideration", "Retention", "Purchase", "Advocacy"]',
            "Purchase comes before Retention in this framework",
        ),
        (
            'stage_order = ["Awareness", "Awareness", "Purchase", "Retention", "Advocacy"]',
            "Awareness appears more than once",
        ),
    ],
    "ex03.q2": [
        (
            'five_to_six = {"Awareness": "Discover", "Consideration": "Purchase",\n'
            ' "Purchase": "Purchase", "Retention": "Re-purchase", "Advocacy": "Advocate"}',
            "Consideration in the five-stage journey lines up with Investigate or Engage "
            "in the six-stage journey",
        ),
        (
            'five_to_six = {"Awareness": "Awareness", "Consideration": "Investigate",\n'
            ' "Purchase": "Purchase", "Retention": "Re-purchase", "Advocacy": "Advocate"}',
            "'Awareness' is not a stage of the six-stage journey",
        ),
    ],
    "ex03.q3": [('peak_stage = "Advocacy"', "Advocacy is a different step")],
    "ex04.q1": [
        (
            'lanes = {"actions": ["Spots a Facebook ad showing trendy summer clothes"],\n'
            ' "touchpoints": ["Facebook ad", "Fashion blog", "Collaborate with fashion '
            'bloggers"],\n "emotion_words": ["Curiosity", "Interest"],\n'
            ' "business activities": ["Instagram post", "Run targeted ads", '
            '"Use attractive visuals"]}',
            "'Instagram post' is a touchpoint, not a business activity",
        ),
        (
            'lanes = {"touchpoints": ["Instagram"]}',
            "'Instagram' is not one of the items to sort. Did you mean 'Instagram post'?",
        ),
        (
            'lanes = {"touchpoints": ["Instagram post"], "actions": ["Instagram post"]}',
            "'Instagram post' is in more than one lane",
        ),
    ],
    "ex04.q2": [
        (
            'touchpoint_stage = {"Facebook ad": "Awareness", "Review sections": '
            '"Consideration",\n "Checkout page": "Decision", "Delivery tracking": '
            '"Decision",\n "Referral program": "Advocacy"}',
            "'Delivery tracking' belongs to Retention, not Decision",
        )
    ],
    "ex04.q3": [
        (
            DECISION_GOOD + 'store.set_lane("Decision", "touchpoints", '
            '["Shopping cart", "Offer discount codes"])\n'
            'store.set_lane("Decision", "business_activities", '
            '["Simplify the checkout process", "Provide live chat support"])',
            "'Offer discount codes' is a business activity, not a touchpoint",
        ),
        (DECISION_GOOD, "the Decision stage still needs touchpoints"),
        (
            'store = q.starting_store()\nstore.set_lane("Decision", "goal", "...")',
            "replace the ... in customer goal",
        ),
        (
            DECISION_GOOD.replace("Buy the clothes I picked without hassle", "We want them to pay")
            + 'store.set_lane("Decision", "touchpoints", ["Shopping cart", '
            '"Checkout page"])\n'
            'store.set_lane("Decision", "business_activities", '
            '["Simplify the checkout process", "Provide live chat support"])',
            "is the business's step",
        ),
        (
            'store = jk.JourneyMap.new("five-stage")',
            "this exercise uses the five-stage journey with Decision",
        ),
    ],
    "ex05.q1": [
        (
            f"stage_order = [{EIGHT.replace(chr(34) + 'Subscribe' + chr(34) + ', ', '')}"
            ', "Subscribe"]',
            "Subscribe comes before Convert in this framework",
        )
    ],
    "ex05.q2": [('offer_stage = "Subscribe"', "Subscribe is a different step")],
    "ex05.q3": [
        ("promoters = 6400 * 0.5 ** 8", "you halved once too often"),
        ("promoters = 6400 * 0.5 ** 6", "you halved once too few"),
        ("promoters = 3200", "you halved once;"),
        ("promoters = 800", "you divided by the number of stages"),
        ("promoters = 0.5 ** 7", "that is the share of the people who are left"),
        ("promoters = 1234", "start from 6,400 people in Aware"),
    ],
    "ex06.q1": [
        (
            'eight_to_five = {"Aware": "Awareness", "Engage": "Consideration",\n'
            ' "Subscribe": "Purchase", "Convert": "Purchase", "Excite": "Retention",\n'
            ' "Ascend": "Retention", "Advocate": "Advocacy", "Promote": "Advocacy"}',
            "Subscribe in the eight-stage journey lines up with Consideration in the "
            "five-stage journey",
        )
    ],
    "ex06.q2": [
        (
            'decision_to_six = {"Awareness": "Discover", "Consideration": "Engage",\n'
            ' "Decision": "Engage", "Retention": "Re-purchase", "Advocacy": "Advocate"}',
            "Decision in the five-stage journey with Decision lines up with Purchase",
        )
    ],
    "ex06.q3": [
        (
            'firm_framework = "eight-stage"\nfirm_reason = "It is the longest, so it '
            'must be the most complete."',
            "Subscribe and Convert would stay empty",
        ),
        ('firm_framework = "six-stage"\nfirm_reason = "ok"', "give a reason of a sentence or so"),
        (
            'firm_framework = "seven-stage"\nfirm_reason = "It fits the firm well."',
            "'seven-stage' is not a framework in the kit",
        ),
    ],
    "ex06.q4": [
        (
            'course_framework = "six-stage"\ncourse_reason = "Clients research and then '
            'phone the business."',
            "Nobody phones Rina",
        ),
        (
            'course_framework = "five-stage"\ncourse_reason = "It is a short and simple outline."',
            "no place for the newsletter sign-up",
        ),
    ],
    "ex07.q1": [
        (
            'stage_kinds = {"customer_goal": ["Find a gym close to home",\n'
            ' "Check what a membership costs", "Try a class before committing",\n'
            ' "Lead qualification"], "internal_step": ["Get fitter without getting hurt",\n'
            ' "Membership upsell campaign", "Payment processing",\n'
            ' "Enter the member in the CRM"]}',
            "'Lead qualification' is an internal step, not a customer goal",
        )
    ],
    "ex07.q2": [
        (
            'message_stage = {"New summer collection, picked for you": "Awareness",\n'
            ' "See how it fits before you buy": "Consideration",\n'
            ' "Free returns within 30 days": "Retention",\n'
            ' "Here is how to style your new outfit": "Retention",\n'
            ' "Share your look and your friends save 10%": "Advocacy"}',
            "'Free returns within 30 days' belongs to Decision, not Retention",
        )
    ],
    "ex07.q3": [
        (
            'method_lanes = {"participants": ["Other shoppers who wrote reviews"],\n'
            ' "information_needs": ["Fit and sizing", "Fabric and care",\n'
            ' "Unsure which size to order"], "pain_points": ["Delivery and return costs",\n'
            ' "Photos do not show how the fabric looks"]}',
            "'Unsure which size to order' is a pain point, not an information need",
        )
    ],
    "ex07.q4": [
        (MAP_START + MAP_STAGE.format(s="Awareness"), "1 of the 3 stages you need are complete"),
        (FULL_MAP.replace('title="Bike repair"', 'title=""'), "give the map a title"),
        (
            FULL_MAP.replace('"Sam", "Rides to work every day"', '"Sam"'),
            "a persona with a name and a one-line description",
        ),
        (
            FULL_MAP + 'my_map.set_lane("Retention", "messages", ["Checkout page"])',
            "Retention: “Checkout page” is a touchpoint, but it sits in the messages",
        ),
        (
            FULL_MAP.replace("Get my bike back quickly", "Upsell campaign", 1),
            "Awareness: the goal “Upsell campaign” is a step of the business",
        ),
        (
            FULL_MAP.replace('"Sam", "Rides', '"Office manager", "Rides'),
            "The persona “Office manager” is a job title",
        ),
        (
            FULL_MAP.replace('"Sam", "Rides', '"Everyone", "Rides'),
            "The persona “Everyone” is a whole group of people",
        ),
        (FULL_MAP.replace('["Long queue"]', '["..."]', 1), "replace the ... in pain points"),
        ('my_map = jk.JourneyMap.new("five-stage", title="x")', "Fill in the stages of my_map"),
    ],
    "ex08.q1": [
        (
            'format_for = {"Sort and filter the map in a spreadsheet": "xlsx"}',
            "'xlsx' is not a format you can use here",
        ),
        (None, "use png or svg, not html"),
    ],
    "ex08.q2": [
        ('mermaid_text = "title Online\\nsection Awareness"', "starts with the word journey"),
        (
            'mermaid_text = """journey\n title T\n section Awareness\n  Sees an ad: 5: '
            'Maya\n section Consideration\n  Reads reviews: 3: Maya"""',
            "should carry the stage's emotion score from the map, 4, not 5",
        ),
        (
            'mermaid_text = """journey\n title T\n section Consideration\n  Reads: 3: Maya'
            '\n section Awareness\n  Sees an ad: 4: Maya"""',
            "section 1 should be Awareness",
        ),
        (
            'mermaid_text = """journey\n title T\n section Awareness\n  Sees an ad: 4\n'
            ' section Consideration\n  Reads: 3: Maya"""',
            "name Maya as the actor",
        ),
    ],
    "ex08.q3": [
        (
            'markdown_file = jk.map_path("store").with_suffix(".md")',
            "there is no file called 'store.md' yet",
        ),
        ('markdown_file = jk.map_path("store")', "does not end in .md"),
        (
            'markdown_file = jk.map_path("part").with_suffix(".md")\n'
            "markdown_file.parent.mkdir(parents=True, exist_ok=True)\n"
            'markdown_file.write_text("# Online clothing store: a summer outfit")',
            "does not mention 'Awareness'",
        ),
    ],
    "ex08.q4": [
        (
            'slide_type = {"The title cell that opens the deck": "slide",\n'
            ' "The setup cell with the imports": "-",\n'
            ' "What the presenter should say, hidden from the audience": "notes",\n'
            ' "A point that appears on the next click, on the same slide": "fragment",\n'
            ' "A closer look at the current topic, one step down": "subslide"}',
            "'The setup cell with the imports' is a 'skip' cell, not '-'",
        )
    ],
    "ex09.q1": [
        (
            'event_stage = {"size guide": "Decision", "live chat": "Decision",\n'
            ' "return started": "Retention", "tag the store": "Advocacy"}',
            "'size guide' belongs to Consideration, not Decision",
        ),
        ('event_stage = {"size guide": "Consideration"}', "are missing from"),
        (
            'event_stage = {"size guide": "Purchase", "live chat": "Decision",\n'
            ' "return started": "Retention", "tag the store": "Advocacy"}',
            "'Purchase' is not a stage of the five-stage journey with Decision",
        ),
    ],
    "ex09.q2": [
        ('biggest_drop = "Consideration"', "the question asks for the largest share"),
        ('biggest_drop = "Advocacy"', "Advocacy is the last stage"),
        ('biggest_drop = "Checkout"', "'Checkout' is not one of the names"),
    ],
    "ex09.q3": [
        ('pain_point = "Having to create an account"', "only 41% buy"),
        ('pain_point = "Unsure which size to order"', "that pain point sits in Consideration"),
        ('pain_point = "delivery"', "is not one of the names you can use here"),
    ],
    "ex09.q4": [
        ("repurchase_share = 11.7", "also counts coming back to the cart"),
        ("repurchase_share = 35", "measure a journey whose Decision stage is the purchase alone"),
    ],
    "ex09.q5": [
        ("referral_share = 9.8", "visitors who came from an ad"),
        ("referral_share = 53", "measure a free-label funnel"),
    ],
    "ex09.q6": [
        (
            'measured_map = jk.plot_map(jk.example("clothing-store"))',
            "the map has no Measured row yet",
        ),
        (
            'measured_map = jk.plot_map(jk.example("clothing-store"), measured=jk.measure(\n'
            '    q.store_log(), {"Awareness": "ad click", "Decision": "purchase"},\n'
            '    framework="five-stage-decision"))',
            "does not show the whole journey",
        ),
        ('measured_map = jk.plot_funnel({"Aware": 10})', "Measured row"),
    ],
    "ex10.q1": [
        (
            'evidence_for = {"A customer said on a call that the size guide left her guessing": '
            '"interview",\n'
            ' "312 buyers answered that they first saw the shop on Instagram": "survey",\n'
            ' "41% of visitors who see the delivery cost go on to buy": "analytics",\n'
            ' "Eleven chats this month asked whether a fabric is see-through": '
            '"support tickets",\n'
            ' "You watched three shoppers give up on the size chart on their phones": '
            '"observation",\n'
            ' "The team is sure customers would love a loyalty app": "survey"}',
            "being sure is not evidence",
        ),
        (
            'evidence_for = {"A customer said on a call that the size guide left her guessing": '
            '"chat"}',
            "'chat' is not a kind of evidence",
        ),
    ],
    "ex10.q2": [
        ("assumption_count = 44", "44 is how many items come from research"),
        ("assumption_count = 24", "that is a percentage"),
    ],
    "ex10.q3": [
        (
            'shop = jk.example("clothing-store")\n'
            'shop.set_item("Decision", "pain_points", "Surprise delivery costs at checkout",\n'
            '              evidence="survey", source="x")\n'
            'shop.set_item("Decision", "pain_points", "Having to create an account",\n'
            '              evidence="assumption")',
            "has evidence 'survey': the finding comes from 'analytics'",
        ),
        (
            'shop = jk.example("clothing-store")\n'
            'shop.set_item("Decision", "pain_points", "Surprise delivery costs at checkout",\n'
            '              evidence="analytics")\n'
            'shop.set_item("Decision", "pain_points", "Having to create an account",\n'
            '              evidence="assumption")',
            "has no source yet",
        ),
        (
            'shop = jk.example("clothing-store")\n'
            'shop.set_item("Decision", "pain_points", "Surprise delivery costs at checkout",\n'
            '              evidence="analytics", source="Log")\n'
            'shop.set_item("Decision", "pain_points", "Having to create an account",\n'
            '              evidence="assumption")\n'
            'shop.set_lane("Awareness", "touchpoints", ["Radio"])',
            "other lanes changed too",
        ),
    ],
    "ex10.q4": [
        (
            MODULES["ex10"].q4.solution_code.replace(
                'effort 4)": "rethink"', 'effort 4)": "later"'
            ),
            "it is one of the money pits",
        ),
    ],
    "ex10.q5": [
        (
            'shop = jk.example("clothing-store")\nfuture = shop.copy()',
            "does not say it is a future state",
        ),
        (
            'shop = jk.example("clothing-store")\n'
            'future = shop.future_state(jk.map_path("shop_future"))\n'
            'future.set_lane("Decision", "emotion_score", 4)',
            "Decision still has 'Surprise delivery costs at checkout'",
        ),
        (
            'shop = jk.example("clothing-store")\n'
            'future = shop.future_state(jk.map_path("shop_future"))\n'
            'future.set_lane("Decision", "pain_points", ["Having to create an account"])\n'
            'future.set_lane("Decision", "emotion_score", 4)',
            "holds an older version of `future`".replace("`", ""),
        ),
        (
            'shop = jk.example("clothing-store")\n'
            'future = shop.future_state(jk.map_path("shop_future"))\n'
            'future.set_lane("Decision", "pain_points", [])\n'
            'future.set_lane("Decision", "emotion_score", 4)\n'
            'future.save(jk.map_path("shop_future"))',
            "lost items the question did not ask to remove",
        ),
    ],
    "ex11.q1": [
        (
            MODULES["ex11"].q1.solution_code.replace(
                '"The courier hands over the parcel": "frontstage_actions"',
                '"The courier hands over the parcel": "back stage"',
            ),
            "belongs in front stage, not backstage_actions",
        ),
    ],
    "ex11.q2": [
        (
            MODULES["ex11"].q2.solution_code.replace(
                '"Line of visibility"', '"Line of internal interaction"', 1
            ),
            "crosses the line of visibility, not the line of internal interaction",
        ),
    ],
    "ex11.q3": [
        (
            'shop = jk.example("clothing-store")\n'
            'shop.set_lane("Retention", "frontstage_actions", ["Courier delivers the parcel"])',
            "Retention still needs its back stage and support processes",
        ),
        (
            'shop = jk.example("clothing-store")\n'
            'shop.set_lane("Retention", "frontstage_actions", ["Receives the order"])\n'
            'shop.set_lane("Retention", "backstage_actions", ["Warehouse packs the order"])\n'
            'shop.set_lane("Retention", "support_processes", ["Tracking system"])',
            "is one of the customer's own actions",
        ),
    ],
    "ex11.q4": [
        ("hidden_count = 2", "the support processes are below the line of visibility too"),
        ("hidden_count = 7", "the front stage is above the line of visibility"),
    ],
}


def _slide_for_html() -> str:
    """ex08.q1's solution with the slide picture exported as HTML (a typical mix-up)."""
    code = MODULES["ex08"].q1.solution_code
    return code.replace(
        '"Put a picture of the map on a slide": "png"',
        '"Put a picture of the map on a slide": "html"',
    )


WRONG["ex08.q1"][1] = (_slide_for_html(), WRONG["ex08.q1"][1][1])
WRONG_CASES = [(key, code, expected) for key, cases in WRONG.items() for code, expected in cases]


def test_every_question_has_typical_wrong_answers():
    assert sorted(WRONG) == sorted(QUESTION_IDS)


@pytest.mark.parametrize(
    ("key", "code", "expected"),
    WRONG_CASES,
    ids=[f"{key}-{i}" for i, (key, _, _) in enumerate(WRONG_CASES)],
)
def test_typical_mistake_gets_specific_feedback(key, code, expected):
    mod, name = key.split(".")
    question = getattr(MODULES[mod], name)
    feedback = question.evaluate(namespace=run(code, mod))
    assert not feedback.correct, feedback.text()
    assert expected in feedback.text(), feedback.text()


# ----- derived truths, multiple defensible answers, display -----------------------------
def crosswalk_questions():
    return [(f"{mod}.{name}", q) for mod, name, q in QUESTIONS if isinstance(q, CrosswalkQuestion)]


@pytest.mark.parametrize(("key", "question"), crosswalk_questions())
def test_stage_matches_follow_the_crosswalk(key, question):
    a, b = question.frameworks
    table = jk.crosswalk(a, b)
    expected = {
        stage: tuple(table.loc[table.from_stage == stage, "to_stage"])
        for stage in jk.get_framework(a).stage_names
    }
    assert question.accepted() == expected


def choice_questions():
    return [
        (f"{mod}.{name}", q) for mod, name, q in QUESTIONS if isinstance(q, FrameworkChoiceQuestion)
    ]


@pytest.mark.parametrize(("key", "question"), choice_questions())
def test_framework_choice_judges_every_framework_and_accepts_more_than_one(key, question):
    assert set(question.verdicts) == set(jk.framework_ids())
    accepted = [fid for fid, verdict in question.verdicts.items() if verdict.accept]
    assert len(accepted) >= 2, f"{key} should accept more than one defensible framework"
    texts = set()
    for fid in accepted:
        verdict = question.verdicts[fid]
        reason = "I pick it because it fits this business best."
        feedback = question.evaluate(fid, reason)
        assert feedback.correct, feedback.text()
        assert "not marked here" in feedback.text() and verdict.model_reason in feedback.text()
        texts.add(feedback.text())
    assert len(texts) == len(accepted), "each defensible answer gets its own feedback"


@pytest.mark.parametrize(
    "spelling", ["eight-stage", "Eight-stage journey", "8 stages", "eight stage"]
)
def test_a_framework_can_be_named_in_several_ways(spelling):
    assert FrameworkChoiceQuestion.framework_of(spelling) == "eight-stage"


def test_the_kits_own_mermaid_export_passes_the_hand_written_check():
    exported = jk.to_mermaid(jk.example("clothing-store"))
    first_two = exported[: exported.index("section", exported.index("section Consideration") + 1)]
    assert MODULES["ex08"].q2.evaluate(first_two).correct


def test_check_accepts_the_answer_as_an_argument(capsys):
    ex03 = MODULES["ex03"]
    ex03.q1.check(["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"])
    ex03.q1.check(["Awareness", "Consideration", "Retention", "Purchase", "Advocacy"])
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Correct")
    assert out[1] == "Not quite: Purchase comes before Retention in this framework."


def test_hints_come_in_order_and_the_solution_shows_runnable_code(capsys):
    q1 = MODULES["ex02"].q1
    q1.hint()
    q1.hint(2)
    q1.hint(99)
    q1.solution()
    out = capsys.readouterr().out
    first, second = q1.hints[0], q1.hints[1]
    assert out.index(first) < out.index(second)
    assert "run q.q1.hint(2) for another" in out
    assert out.count(second) == 2, "a hint number past the last shows the last hint"
    assert "Solution:" in out and "stage_order = [" in out


def test_feedback_markdown_escapes_learner_text():
    lanes = {"touchpoints": ["<script>alert(1)</script>", "*bold*"]}
    feedback = MODULES["ex04"].q1.evaluate(lanes)
    markdown = feedback.markdown()
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert r"\*bold\*" in markdown
    assert feedback._repr_mimebundle_()["text/plain"] == feedback.text()


def test_importing_journeykit_does_not_load_the_exercises():
    code = "import sys, journeykit; print('journeykit.exercises' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()
    assert out == "False"


# ----- the exercise notebooks ----------------------------------------------------------
NOTEBOOKS = sorted(EXERCISES.glob("ex[0-9][0-9]_*.ipynb"))


def test_there_is_one_exercise_notebook_per_module():
    assert [p.name[:4] for p in NOTEBOOKS] == list(MODULES)


def source(cell: dict) -> str:
    text = cell["source"]
    return "".join(text) if isinstance(text, list) else text


def code_cells(path: Path) -> dict[str, str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return {cell["id"]: source(cell) for cell in cells if cell["cell_type"] == "code"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_has_prose_answer_and_check_cells_for_every_question(path):
    mod = path.name[:4]
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cells = {cell["id"]: cell for cell in notebook["cells"]}
    assert f"from journeykit.exercises import {mod} as q" in source(cells["setup"])
    for cell in notebook["cells"]:
        assert cell["metadata"]["slideshow"]["slide_type"] in SLIDE_TYPES, cell["id"]
    for name, _ in discovered(MODULES[mod]):
        assert cells[name]["cell_type"] == "markdown"
        answer = source(cells[f"{name}-answer"])
        assert "____" in answer or '"..."' in answer, f"{name}: store the template"
        check = source(cells[f"{name}-check"])
        assert check.splitlines() == [
            f"q.{name}.check()",
            f"# q.{name}.hint()",
            f"# q.{name}.solution()",
        ]
        stored = "".join(cells[f"{name}-check"]["outputs"][0]["data"]["text/plain"])
        assert stored.startswith("Fill in "), f"{path.name} {name}: store the unanswered state"


def _run_cells(path: Path, replace: dict[str, str], capsys) -> list[str]:
    """Run a notebook's code cells in this process; return what each check cell printed."""
    namespace: dict = {"__name__": "__main__"}
    printed = []
    for cell_id, code in code_cells(path).items():
        exec(replace.get(cell_id, code), namespace)
        out = capsys.readouterr().out
        if cell_id.endswith("-check"):
            printed.append(out)
    return printed


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_as_stored_asks_for_every_answer(path, capsys):
    printed = _run_cells(path, {}, capsys)
    assert printed and all(out.startswith("Fill in ") for out in printed), printed
    assert not any("does not know" in out for out in printed), "answer cells set the variables"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_with_the_solutions_filled_in_passes_every_check(path, capsys):
    module = MODULES[path.name[:4]]
    solved = {f"{name}-answer": q.solution_code for name, q in discovered(module)}
    printed = _run_cells(path, solved, capsys)
    assert len(printed) == len(solved)
    assert all(out.startswith("Correct") for out in printed), printed


# ----- reasons are not marked by words; numbers explain slips; the capstone ------------
def test_a_reason_is_never_marked_right_by_its_words():
    """ex06 used to accept "Clients never phone or visit anyone." for its keywords."""
    nonsense = jk_exercises("ex06").q3.evaluate("six-stage", "Clients never phone or visit anyone.")
    good = jk_exercises("ex06").q3.evaluate(
        "six-stage", "Clients compare firms, then phone before signing: Engage shows that."
    )
    for feedback in (nonsense, good):
        assert "Your reason is not marked here" in feedback.text()
        assert "model answer" in feedback.text()
    # the feedback is the same whatever the reason says: no word in it changes the verdict
    assert nonsense.text() == good.text()


def test_every_question_describes_its_parts_for_graders():
    import json

    for mod, name, question in QUESTIONS:
        described = question.describe()
        json.dumps(described)  # plain data
        parts = described["parts"]
        assert [p["variable"] for p in parts] == list(question.variables), f"{mod}.{name}"
        for part in parts:
            assert part["kind"] in ("value", "choice", "reason"), (mod, name, part)
            assert part["model_answer"], (mod, name, part)
            if part["kind"] == "reason":
                assert part["graded"] == "manual" and part["look_for"], (mod, name, part)
            else:
                assert part["graded"] == "auto", (mod, name, part)


def test_the_reasons_of_ex06_are_for_a_person_to_read():
    kinds = {
        (name, p["variable"]): (p["kind"], p["graded"])
        for name, q in (("q3", jk_exercises("ex06").q3), ("q4", jk_exercises("ex06").q4))
        for p in q.describe()["parts"]
    }
    assert kinds[("q3", "firm_reason")] == ("reason", "manual")
    assert kinds[("q4", "course_framework")] == ("choice", "auto")


FUNNEL_MAP = """
my_map = jk.JourneyMap.new("five-stage", title="Growth plan",
                           persona=jk.Persona("Sam", "Rides to work every day"))
for stage, goal in (("Awareness", "Generate leads"), ("Consideration", "Nurture prospects"),
                    ("Purchase", "Close the sale")):
    my_map.set_lane(stage, "goal", goal)
    my_map.set_lane(stage, "touchpoints", ["Website"])
    my_map.set_lane(stage, "messages", ["We are the best"])
    my_map.set_lane(stage, "pain_points", ["Slow replies"])
"""


def test_the_capstone_rejects_the_funnel_step_map_with_one_slogan_everywhere():
    feedback = jk_exercises("ex07").q4.evaluate(namespace=run(FUNNEL_MAP, "ex07"))
    assert not feedback.correct, feedback.text()
    text = feedback.text()
    assert "“Generate leads” is a step of the business" in text
    slogan_only = FUNNEL_MAP.replace('"Generate leads"', '"Find a repair shop near work"')
    slogan_only = slogan_only.replace('"Nurture prospects"', '"Know the price up front"')
    slogan_only = slogan_only.replace('"Close the sale"', '"Drop the bike off before work"')
    feedback = jk_exercises("ex07").q4.evaluate(namespace=run(slogan_only, "ex07"))
    assert not feedback.correct and "“We are the best” is the message in every stage" in (
        feedback.text()
    )


def test_ex04_accepts_a_business_activity_the_example_lists_as_an_opportunity():
    code = DECISION_GOOD + (
        'store.set_lane("Decision", "touchpoints", ["Shopping cart", "Checkout page"])\n'
        'store.set_lane("Decision", "business_activities", '
        '["Offer guest checkout", "Simplify the checkout process"])\n'
    )
    feedback = jk_exercises("ex04").q3.evaluate(namespace=run(code, "ex04"))
    assert feedback.correct, feedback.text()


def jk_exercises(name: str):
    return MODULES[name]
