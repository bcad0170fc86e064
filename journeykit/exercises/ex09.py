"""Exercises for ``09_measuring_the_journey``: the clothing store's map against its event log.

Use in a notebook: ``from journeykit.exercises import ex09 as q, ____``. The log is
``datasets/clothing-store-events.csv.gz`` (invented); every right answer is measured on
it with ``jk.measure`` when the check runs, so it always matches the shipped data.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..analytics import EventLog, Measurement, measure, read_events
from ..catalogue import facts
from ..model import datasets_dir, example
from ._text import join_words, quote, resolve, shape_hint, suggestion
from .core import Feedback, Question, bind
from .matching import MatchQuestion
from .questions import NumberQuestion

EXAMPLE = "clothing-store"
FRAMEWORK = "five-stage-decision"
LOG_FILE = "clothing-store-events.csv.gz"

#: The worked example's stage map for the store's log: which events reach which stage.
#: ``home page`` and ``search`` belong to no stage (``Measurement.unmapped()`` lists them).
EVENT_STAGES: dict[str, list[str]] = {
    "Awareness": ["ad click", "blog visit", "instagram post click", "referral visit"],
    "Consideration": ["browse collection", "read reviews", "size guide", "newsletter open"],
    "Decision": [
        "add to cart",
        "checkout",
        "create account",
        "delivery cost shown",
        "live chat",
        "purchase",
    ],
    "Retention": ["delivery tracking", "follow the brand", "return started"],
    "Advocacy": ["tag the store", "refer a friend"],
}
#: The events question 1 asks about.
ASKED = ("size guide", "live chat", "return started", "tag the store")
#: The Decision stage, step by step: where the surprise delivery costs show.
CHECKOUT_STEPS = {
    "cart": "add to cart",
    "checkout": "checkout",
    "delivery cost shown": "delivery cost shown",
    "purchase": "purchase",
}


@cache
def store_log() -> EventLog:
    """The clothing store's event log, read once per session (what notebook 09 reads with
    ``jk.read_events("../datasets/clothing-store-events.csv.gz")``)."""
    return read_events(datasets_dir() / LOG_FILE)


@cache
def journey() -> Measurement:
    """The log measured with the worked example's stage map."""
    return measure(store_log(), EVENT_STAGES, framework=FRAMEWORK)


def stage_of_event() -> dict[str, str]:
    """Each event of :data:`ASKED` and the stage it belongs to."""
    return {
        event: stage for stage, events in EVENT_STAGES.items() for event in events if event in ASKED
    }


def _explain_event(event: str, given: str, accepted: tuple[str, ...]) -> str:
    return f"{quote(event)} belongs to {accepted[0]}, not {given}."


q1 = MatchQuestion(
    "event_stage",
    stage_of_event,
    lambda: list(EVENT_STAGES),
    _explain_event,
    item_word="event",
    category_word="stage",
    scope="of the five-stage journey with Decision",
    kind="map events to stages",
    hints=(
        "Ask what the customer is doing at that moment: still looking, buying, living "
        "with the purchase, or telling others about it.",
        "The size guide helps a visitor choose; the live chat helps them at checkout; a "
        "return comes after the parcel arrives; tagging the store shows it to friends.",
    ),
    solution='event_stage = {"size guide": "Consideration", "live chat": "Decision",\n'
    '               "return started": "Retention", "tag the store": "Advocacy"}',
    explanation="The whole stage map is `q.EVENT_STAGES`: each stage lists the events that "
    "count as reaching it.",
)


@cache
def drops() -> tuple[tuple[str, int, float], ...]:
    """(stage, users lost after it, share lost) for every stage but the last."""
    lost = journey().dropoff()
    return tuple((r.from_stage, int(r.dropped), float(r.dropoff_rate)) for r in lost.itertuples())


class PickQuestion(Question):
    """Pick one of a few named options; each wrong option gets its own explanation.

    Parameters
    ----------
    options : callable returning list of str
        Every answer a learner may give (for spelling help).
    target : callable returning str
        The right option.
    explain : callable (option) -> str
        Why a wrong option is wrong.
    right : callable returning str
        The sentence shown with "Correct".
    """

    kind = "pick one"

    def __init__(
        self,
        variable: str,
        options: Any,
        target: Any,
        explain: Any,
        right: Any,
        example_answer: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(variables=variable, **kwargs)
        self.options, self.target, self.explain, self.right = options, target, explain, right
        self.example_answer = example_answer

    def judge(self, answer: Any) -> Feedback:
        options = self.options()
        if not isinstance(answer, str):
            return self.wrong(
                shape_hint(
                    self.variables[0], f'one name in quotes, such as "{self.example_answer}"'
                )
            )
        chosen = resolve(answer, options)
        if chosen is None:
            return self.wrong(
                f"{quote(answer)} is not one of the names you can use here: "
                f"pick one of {join_words(options, 'or')}." + suggestion(answer, options)
            )
        if chosen != self.target():
            return self.verdict(
                self.explain(chosen),
                without_answer=f"{chosen} is not the one the log points to.",
            )
        return self.correct(self.right())


def biggest_drop() -> str:
    """The stage after which the largest share of its customers goes no further."""
    return max(drops(), key=lambda d: d[2])[0]


def _explain_drop(stage: str) -> str:
    by_stage = {name: (lost, share) for name, lost, share in drops()}
    if stage not in by_stage:
        return (
            f"{stage} is the last stage: nobody can drop off on the way to a next one. "
            "Look at `dropoff_rate` in `journey.dropoff()`."
        )
    lost, share = by_stage[stage]
    most = max(drops(), key=lambda d: d[1])[0]
    extra = (
        " It loses the most customers in number, but the question asks for the largest share."
        if stage == most
        else ""
    )
    return (
        f"after {stage}, {lost:,} customers ({share:.0%}) go no further; another stage "
        f"loses a larger share.{extra}"
    )


def _right_drop() -> str:
    stage = biggest_drop()
    lost, share = next((lost, share) for name, lost, share in drops() if name == stage)
    return (
        f"{share:.0%} of the customers who reach {stage} ({lost:,}) go no further: the "
        f"biggest drop of the journey. Its pain points are the first place to look."
    )


q2 = PickQuestion(
    "biggest_drop",
    lambda: list(EVENT_STAGES),
    biggest_drop,
    _explain_drop,
    _right_drop,
    "Awareness",
    kind="read the drop-off",
    hints=(
        "`journey.dropoff()` has one row per step; `dropoff_rate` is the share of the "
        "customers who reached `from_stage` and went no further.",
        'Sort it: `journey.dropoff().sort_values("dropoff_rate")`; the last row is the '
        "biggest drop.",
    ),
    solution="log = q.store_log()  # as in the setup cell\n"
    'journey = jk.measure(log, q.EVENT_STAGES, framework="five-stage-decision")\n'
    "lost = journey.dropoff()\n"
    'biggest_drop = lost.loc[lost["dropoff_rate"].idxmax(), "from_stage"]',
    explanation="`dropoff()` needs no query of its own: it is worked out from the funnel.",
)


def pain_points() -> dict[str, str]:
    """Every pain point of the worked example's map, and its stage."""
    return {item: stage.name for stage in example(EXAMPLE).stages for item in stage.pain_points}


def backed_pain_point() -> str:
    """The Decision pain point the step-by-step checkout funnel backs up."""
    return next(p for p in pain_points() if "delivery" in p.casefold())


@cache
def checkout_shares() -> dict[str, float]:
    """The share of each checkout step's customers who reach the next one."""
    funnel = measure(store_log(), CHECKOUT_STEPS).funnel()
    return dict(zip(funnel["stage"], funnel["share_of_previous"], strict=True))


def _explain_pain(item: str) -> str:
    stage = pain_points()[item]
    if stage != biggest_drop():
        return (
            f"that pain point sits in {stage}; the biggest drop comes after "
            f"{biggest_drop()}. Read that stage's pain points."
        )
    buy = checkout_shares()["purchase"]
    return (
        f"it may well hurt, but the log points elsewhere: of the customers who are shown "
        f"the delivery cost, only {buy:.0%} buy. Measure the steps in `q.CHECKOUT_STEPS`."
    )


def _right_pain() -> str:
    shares = checkout_shares()
    return (
        f"{shares['delivery cost shown']:.0%} of those who check out go on to see the "
        f"delivery cost, and only {shares['purchase']:.0%} of them buy: the cost comes as "
        "a surprise. The map's opportunity, showing delivery costs on the product page, "
        "is what to test next."
    )


q3 = PickQuestion(
    "pain_point",
    lambda: list(pain_points()),
    backed_pain_point,
    _explain_pain,
    _right_pain,
    "Unsure which size to order",
    kind="tie a drop to a pain point",
    hints=(
        "Measure the Decision stage step by step: "
        "`jk.measure(log, q.CHECKOUT_STEPS).funnel()`, and look for the step with the "
        "smallest `share_of_previous`.",
        "The pain points of the Decision stage are "
        '`jk.example("clothing-store").stage("Decision").pain_points`.',
    ),
    solution="log = q.store_log()  # as in the setup cell\n"
    "steps = jk.measure(log, q.CHECKOUT_STEPS).funnel()\n"
    'pain_point = "Surprise delivery costs at checkout"',
    explanation="A free-label funnel (any stage names, no framework) zooms into one stage.",
)


@cache
def repurchase_share() -> float:
    """The share of customers (in %) who buy again, from the purchase on."""
    buying = measure(
        store_log(),
        {"Consideration": EVENT_STAGES["Consideration"], "Decision": "purchase"},
        framework=FRAMEWORK,
    )
    return float(buying.repeat_rate("Decision")["repeat_rate"].iloc[0]) * 100


def _cost_fact() -> str:
    return next(f.statement for f in facts() if f.figure == "5x")


q4 = NumberQuestion(
    "repurchase_share",
    repurchase_share,
    percent=True,
    near_misses=lambda: {
        float(journey().repeat_rate("Decision")["repeat_rate"].iloc[0])
        * 100: "that is the repeat rate of the whole Decision stage, which also counts coming "
        "back to the cart without buying. Measure Decision as the purchase alone.",
    },
    otherwise="measure a journey whose Decision stage is the purchase alone, then read "
    '`repeat_rate("Decision")` and turn the share into a percentage.',
    explain=lambda: (
        f"{repurchase_share():.1f}% of the customers bought again. "
        f"{_cost_fact()} Every customer kept is cheap growth."
    ),
    hints=(
        "Use two stages: Consideration (its events from `q.EVENT_STAGES`) and Decision "
        'as the single event "purchase".',
        '`repeat_rate("Decision")` gives the share who enter Decision again; multiply '
        "by 100 for a percentage.",
    ),
    solution="log = q.store_log()  # as in the setup cell\n"
    'buying = jk.measure(log, {"Consideration": q.EVENT_STAGES["Consideration"],\n'
    '                          "Decision": "purchase"},\n'
    '                     framework="five-stage-decision")\n'
    'repurchase_share = buying.repeat_rate("Decision")["repeat_rate"].iloc[0] * 100',
    explanation="Browsing again between two purchases is what makes the second one count as "
    "a new visit to Decision.",
)


@cache
def buy_share(arrival: str) -> float:
    """The share (in %) of the visitors who arrived with *arrival* and then bought."""
    funnel = measure(store_log(), {"arrived": arrival, "bought": "purchase"}).funnel()
    return float(funnel["share_of_previous"].iloc[1]) * 100


def _opinion_fact() -> str:
    return next(f.statement for f in facts() if f.figure == "92%")


q5 = NumberQuestion(
    "referral_share",
    lambda: buy_share("referral visit"),
    percent=True,
    near_misses=lambda: {
        buy_share("ad click"): "that is the share for visitors who came "
        "from an ad; measure those who came through "
        'a friend ("referral visit").'
    },
    otherwise='measure a free-label funnel from "referral visit" to "purchase" and read '
    "the last `share_of_previous` as a percentage.",
    explain=lambda: (
        f"{buy_share('referral visit'):.0f}% of the referred visitors buy, against "
        f"{buy_share('ad click'):.0f}% of those from an ad. {_opinion_fact()}"
    ),
    hints=(
        'Two free labels: `{"arrived": "referral visit", "bought": "purchase"}`.',
        "The share you want is in the `bought` row of `funnel()`, column "
        "`share_of_previous`; multiply by 100.",
    ),
    solution="log = q.store_log()  # as in the setup cell\n"
    'referred = jk.measure(log, {"arrived": "referral visit", "bought": "purchase"})\n'
    'referral_share = referred.funnel()["share_of_previous"].iloc[1] * 100',
    explanation='Try "ad click" in place of "referral visit" to compare.',
)


class MeasuredMapQuestion(Question):
    """Draw the worked example's map with the measured figures of the whole journey."""

    kind = "paint the numbers on the map"
    secret = False

    def judge(self, fig: Any) -> Feedback:
        variable = self.variables[0]
        if type(fig).__name__ != "Figure" or not hasattr(fig, "data"):
            return self.wrong(shape_hint(variable, "the figure `jk.plot_map(...)` returns"))
        row = next((t for t in fig.data if t.name == "measured text"), None)
        if row is None:
            return self.wrong(
                "the map has no Measured row yet: pass the measurement with "
                "`measured=` to `jk.plot_map`."
            )
        funnel = journey().funnel()
        text = " ".join(row.text)
        missing = [
            s
            for s, n in zip(funnel["stage"], funnel["users"], strict=True)
            if f"{n:,} reach it" not in text
        ]
        if missing:
            return self.wrong(
                f"the Measured row does not show the whole journey measured "
                f"with `q.EVENT_STAGES` ({join_words(missing)} differ or are "
                f"missing): pass `measured=journey`."
            )
        return self.correct(
            "read each stage's Measured cell against its pain points and "
            "KPIs: the marked stage is where to act first."
        )


q6 = MeasuredMapQuestion(
    variables="measured_map",
    hints=(
        "`jk.plot_map` takes the map and, with `measured=`, the measurement.",
        'The map is `jk.example("clothing-store")`; the measurement is `journey` from question 2.',
    ),
    solution="log = q.store_log()  # as in the setup cell\n"
    'journey = jk.measure(log, q.EVENT_STAGES, framework="five-stage-decision")\n'
    'measured_map = jk.plot_map(jk.example("clothing-store"), measured=journey)\n'
    "measured_map",
    explanation="The Measured row sits under the KPIs: what the map promised to measure, "
    "next to what the log says.",
)

QUESTIONS = bind(globals())
