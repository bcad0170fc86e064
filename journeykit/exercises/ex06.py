"""Exercises for ``06_comparing_frameworks``: the crosswalk, and choosing for a business.

Use in a notebook: ``from journeykit.exercises import ex06 as q, ____``.
"""

from __future__ import annotations

from .core import bind
from .matching import CrosswalkQuestion
from .questions import FrameworkChoiceQuestion, Verdict

q1 = CrosswalkQuestion(
    "eight_to_five",
    "eight-stage",
    "five-stage",
    hints=(
        "Three eight-stage steps happen before the first purchase; find where each falls "
        "in the shorter journey.",
        "A newsletter sign-up is a small commitment made while the customer is still "
        "weighing the brand up.",
    ),
    solution="eight_to_five = {\n"
    '    "Aware": "Awareness",\n'
    '    "Engage": "Consideration",\n'
    '    "Subscribe": "Consideration",\n'
    '    "Convert": "Purchase",\n'
    '    "Excite": "Retention",\n'
    '    "Ascend": "Retention",\n'
    '    "Advocate": "Advocacy",\n'
    '    "Promote": "Advocacy",\n'
    "}",
    explanation="The longer journey splits several five-stage stages in two: "
    '`jk.crosswalk("eight-stage", "five-stage")` gives the reason for each row.',
)

q2 = CrosswalkQuestion(
    "decision_to_six",
    "five-stage-decision",
    "six-stage",
    hints=(
        "Decision is the stage where the customer buys.",
        "Consideration covers both researching and getting in touch, so two six-stage "
        "stages fit it.",
    ),
    solution="decision_to_six = {\n"
    '    "Awareness": "Discover",\n'
    '    "Consideration": "Engage",\n'
    '    "Decision": "Purchase",\n'
    '    "Retention": "Re-purchase",\n'
    '    "Advocacy": "Advocate",\n'
    "}",
    explanation='"Investigate" is just as right for Consideration: the six-stage journey '
    "splits it into research and contact.",
)

#: The bookkeeping firm of question 3.
FIRM = (
    "Ledger & Co is a two-person bookkeeping firm for local tradespeople. New clients "
    "search online, read about two or three firms, then phone or drop by the office for "
    "a chat before they sign up for a yearly package."
)

q3 = FrameworkChoiceQuestion(
    "firm_framework",
    "firm_reason",
    {
        "six-stage": Verdict(
            True,
            "the six-stage journey gives the phone call or office visit a stage of "
            "its own (Engage), right after the short list is made (Investigate). For "
            "this firm that conversation is where clients decide.",
            model_reason="New clients compare a few firms and then phone or visit before "
            "signing; the six-stage journey has a stage for that conversation (Engage), "
            "separate from the research (Investigate).",
            look_for=(
                "that clients research and shortlist a few firms first",
                "that they then phone or visit the office before signing",
                "which stage holds that conversation (Engage)",
            ),
        ),
        "five-stage": Verdict(
            True,
            "a defensible choice. The five-stage outline covers this firm and is quick to "
            "sketch. Its Consideration stage folds the research and the phone call "
            "together, though; the six-stage journey would show the call on its own.",
            model_reason="A two-person firm needs a quick outline it can fill in on one page; "
            "the five stages cover the whole path, with the research and the call together "
            "in Consideration.",
            look_for=(
                "what a short outline buys a small firm (speed, one page)",
                "what it hides: the call is folded into Consideration",
            ),
        ),
        "five-stage-decision": Verdict(
            False,
            "the Decision version shines when you plan every lane of a shop's "
            "stages in depth. This firm wins clients in one conversation after a "
            "comparison, and no stage of that version is about getting in touch.",
        ),
        "eight-stage": Verdict(
            False,
            "the eight-stage journey is built around a newsletter sign-up and a "
            "low-price first offer. Ledger & Co has neither: clients sign a yearly "
            "package after a chat, so Subscribe and Convert would stay empty.",
        ),
    },
    hints=(
        "Underline what new clients do before they sign up: search, read, phone, visit.",
        "Which framework has a stage for getting in touch with the businesses on the short list?",
    ),
    solution='firm_framework = "six-stage"\n'
    'firm_reason = ("Clients research a few firms, then phone or visit before they '
    'sign;"\n'
    '               " Engage gives that conversation its own stage.")',
    explanation="The five-stage journey is accepted too, with a note on what it hides. The "
    "reason is yours to compare with the model answer; in a graded course your instructor "
    "reads it.",
)

#: The online yoga teacher of question 4.
COURSE = (
    "Flow with Rina is an online yoga teacher. People find her short videos on social "
    "media and sign up for her newsletter to get a free seven-day guide. Many then buy "
    "a beginner course for 9 euros; later some buy the full-year programme, and a few "
    "earn a commission for bringing in friends."
)

q4 = FrameworkChoiceQuestion(
    "course_framework",
    "course_reason",
    {
        "eight-stage": Verdict(
            True,
            "every step of Rina's business has its own stage: the newsletter sign-up "
            "(Subscribe), the 9-euro course as the entry-point offer (Convert), the "
            "full-year programme (Ascend) and the commission for referrals (Promote).",
            model_reason="Rina's business runs on a newsletter sign-up, a 9-euro first "
            "course, an upsell to the full year and paid referrals; the eight-stage journey "
            "gives each of these a stage she can measure.",
            look_for=(
                "the newsletter sign-up for the free guide (Subscribe)",
                "the cheap first course as the entry-point offer (Convert)",
                "the full-year programme or the commission for referrals (Ascend, Promote)",
            ),
        ),
        "five-stage-decision": Verdict(
            True,
            "a defensible choice if you want to plan each stage's lanes in depth. The "
            "newsletter sign-up and the 9-euro course end up as lines inside "
            "Consideration and Decision, though, while the eight-stage journey makes "
            "each one a step you can measure.",
            model_reason="Its lanes (touchpoints, emotions, business activities) help Rina "
            "plan each stage in depth, even if the sign-up and the first course become lines "
            "inside Consideration and Decision.",
            look_for=(
                "what the lanes of this version would help Rina plan",
                "what it blurs: the sign-up and the first course have no stage of their own",
            ),
        ),
        "six-stage": Verdict(
            False,
            "the six-stage journey turns on contacting the businesses on a short "
            "list. Nobody phones Rina: her path runs through a sign-up, a low-price "
            "first course and an upsell, which the eight-stage journey names step by "
            "step.",
        ),
        "five-stage": Verdict(
            False,
            "the five-stage outline has no place for the newsletter sign-up or the "
            "9-euro first course, and those are exactly where Rina wins customers.",
        ),
    },
    hints=(
        "List what a newcomer does, in order, from the first video to earning a commission.",
        "Which framework has a step for a small commitment and one for a low-risk first offer?",
    ),
    solution='course_framework = "eight-stage"\n'
    'course_reason = ("The newsletter sign-up, the 9-euro entry-point offer and the "\n'
    '                 "upsell to the full programme each get their own stage.")',
    explanation="The five-stage journey with Decision is accepted too, with a note on what it "
    "blurs. The reason is yours to compare with the model answer; in a graded course your "
    "instructor reads it.",
)

QUESTIONS = bind(globals())
