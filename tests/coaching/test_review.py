"""The map review: each flaw caught by its rule, clean maps left alone, any valid map reviewed.

``data/`` holds a test set of flawed maps, each the clean bike-repair map of
``data/clean/`` with one flaw, named after the flaw (``data/README.md`` lists
them). ``data/clean/`` holds maps with nothing to fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import journeykit as jk
from journeykit.catalogue import LANES, SCORE_MAX, SCORE_MIN, FieldPath, is_dip
from journeykit.coaching import LEVELS, RULES, reviewer
from journeykit.coaching.findings import COLUMNS
from journeykit.model.characters import REFUSED

from .sample_maps import fern_and_flour, huge_map

DATA = Path(__file__).resolve().parent / "data"
CLEAN = sorted((DATA / "clean").glob("*.json"))

#: Flawed map -> the (rule, level) findings it must get and nothing else to fix or improve.
FLAWS: dict[str, set[tuple[str, str]]] = {
    "persona-missing": {("persona-missing", "fix")},
    "persona-is-a-market": {("persona-is-a-market", "fix")},
    "persona-without-description": {("persona-without-description", "improve")},
    "persona-without-goals": {("persona-without-goals", "improve")},
    "goal-is-internal-step": {("goal-is-internal-step", "fix")},
    "goal-in-business-voice": {("goal-is-internal-step", "fix")},
    "stage-without-goal": {("stage-without-goal", "improve")},
    "stage-without-touchpoints": {("stage-without-touchpoints", "fix")},
    "stops-at-purchase": {("stops-at-purchase", "fix")},
    "empty-stage": {("empty-stage", "improve")},
    "stage-without-score": {("stage-without-score", "improve")},
    "dip-without-pain-point": {("dip-without-pain-point", "fix")},
    "drop-of-one-without-pain-point": {("dip-without-pain-point", "improve")},
    "flat-emotions": {("flat-emotions", "improve")},
    "pain-without-opportunity": {("pain-without-opportunity", "improve")},
    "no-opportunities": {("pain-without-opportunity", "improve")},
    "opportunity-without-kpi": {("opportunity-without-kpi", "fix")},
    "need-without-message": {("need-without-message", "improve")},
    "stage-without-participants": {("stage-without-participants", "improve")},
    "placeholder-text": {("placeholder-text", "fix")},
    "duplicate-item": {("duplicate-item", "improve")},
    "same-in-every-stage": {("same-in-every-stage", "improve")},
    # one message everywhere answers no stage's question: the slogan, and each need it leaves open
    "same-message-in-every-stage": {
        ("same-message-in-every-stage", "fix"),
        ("need-without-message", "improve"),
    },
    "persona-is-a-job-title": {("persona-is-a-job-title", "fix")},
    "action-is-business-activity": {("action-is-business-activity", "fix")},
    "touchpoint-is-an-action": {("touchpoint-is-an-action", "fix")},
    "pain-is-an-idea": {("pain-is-an-idea", "improve")},
    "item-in-wrong-stage": {("item-in-wrong-stage", "improve")},
    "decided-without-others": {("decided-without-others", "fix")},
    "kpi-measures-something-else": {("kpi-measures-something-else", "improve")},
    "paragraph-item": {("paragraph-item", "improve")},
    "touchpoint-is-a-feeling": {("wrong-lane", "fix")},
    "pain-point-is-a-feeling": {("wrong-lane", "improve")},
    "item-in-wrong-lane": {("wrong-lane", "fix")},
    "blank-map": {("blank-map", "improve"), ("persona-missing", "fix")},
    "rests-on-assumptions": {("rests-on-assumptions", "improve")},
    "dip-on-assumptions": {("dip-on-assumptions", "improve")},
    "evidence-half-tagged": {("evidence-half-tagged", "improve")},
    "opportunity-unscored": {("opportunity-unscored", "improve")},
}


def criticism(review: jk.Review) -> set[tuple[str, str]]:
    return {(f.rule, f.level) for f in review if f.level != "praise"}


def test_the_test_set_is_every_file_in_the_data_folder():
    assert {p.stem for p in DATA.glob("*.json")} == set(FLAWS)
    readme = (DATA / "README.md").read_text("utf-8")
    for name in FLAWS:
        assert f"`{name}.json`" in readme, f"{name}.json is not described in data/README.md"


@pytest.mark.parametrize("name", sorted(FLAWS))
def test_each_flaw_is_caught_by_its_rule_and_nothing_else_is_criticised(name):
    review = jk.review(DATA / f"{name}.json")
    assert criticism(review) == FLAWS[name]


#: Flawed map -> the field its one mistaken item sits in (the flaw files' own mistakes).
FLAWED_FIELDS = {
    "action-is-business-activity": FieldPath("Purchase", "actions"),
    "touchpoint-is-an-action": FieldPath("Consideration", "touchpoints"),
    "pain-is-an-idea": FieldPath("Retention", "pain_points"),
    "item-in-wrong-stage": FieldPath("Awareness", "actions"),
    "decided-without-others": FieldPath("Purchase", "participants"),
    "kpi-measures-something-else": FieldPath("Retention", "kpis"),
}


@pytest.mark.parametrize("name", sorted(FLAWED_FIELDS))
def test_a_finding_points_at_the_field_its_mistake_is_in(name):
    """The Review panel and the roll-up show a finding beside the field it names, so the
    finding must name the lane the mistaken item is in, and only that stage's."""
    found = [f.field for f in jk.review(DATA / f"{name}.json") if f.rule == name]
    assert found == [FLAWED_FIELDS[name]]


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_clean_maps_get_nothing_to_fix(path):
    review = jk.review(jk.load_map(path))
    assert review.fixes == []
    assert review.of_level("praise"), "a good map hears what it does well"


def test_the_bike_map_the_flaws_start_from_is_spotless():
    assert criticism(jk.review(DATA / "clean" / "bike-repair.json")) == set()


def test_the_worked_example_gets_no_fix_even_compared_with_itself():
    shop = jk.example("clothing-store")
    assert jk.review(shop).fixes == []
    compared = jk.review(shop, compare_with="clothing-store")
    assert compared.fixes == []
    assert "example-lanes-matched" in {f.rule for f in compared}


def test_notebook_07s_fern_and_flour_map_gets_no_fix():
    bakery = fern_and_flour()
    assert bakery.title == "Fern & Flour: office lunches"
    review = jk.review(bakery)
    assert review.fixes == []
    # The method in 07 stops before opportunities: the coach says so, once, as a weak spot.
    assert [f.rule for f in review.of_level("improve")] == ["pain-without-opportunity"]


def test_compare_with_names_the_lanes_the_example_has_and_the_map_lacks():
    review = jk.review(fern_and_flour(), compare_with="clothing-store")
    missing = {f.lane: f for f in review if f.rule == "example-lane-missing"}
    assert set(missing) == {"actions", "business_activities", "opportunities", "kpis"}
    assert "Ad click-through rate" in missing["kpis"].message  # the example's own item
    assert all(f.stage == "Awareness" for f in missing.values())


def test_compare_with_follows_the_crosswalk_to_the_matching_example_stage():
    studio = jk.load_map(DATA / "clean" / "yoga-studio.json")  # eight-stage, no KPIs
    kpis = next(f for f in jk.review(studio, compare_with="clothing-store") if f.lane == "kpis")
    assert kpis.stage == "Aware"
    assert "In its Awareness stage" in kpis.message


def test_compare_with_an_unknown_example_is_a_readable_error():
    with pytest.raises(jk.JourneyMapError, match="clothing-store"):
        jk.review(jk.example("clothing-store"), compare_with="no-such-example")


def test_a_dip_is_the_same_for_the_coach_as_for_the_emotion_curve():
    shop = jk.example("clothing-store")
    for scores in ([4, 3, 3, 4, 5], [5, 2, 4, 4, 1], [3, 4, 2, 5, 4], [2, 2, 2, 2, 2]):
        for i, score in enumerate(scores):
            shop.set_lane(i, "emotion_score", score)
            shop.set_lane(i, "pain_points", [])
        flagged = {f.stage: f.level for f in jk.review(shop) if f.rule == "dip-without-pain-point"}
        dips = {shop.stages[i].name for i in range(5) if is_dip(scores, i)}
        assert set(flagged) == dips
        for i, stage in enumerate(shop.stages):
            if stage.name in flagged:
                deep = scores[i] <= 2 or (i > 0 and scores[i - 1] - scores[i] >= 2)
                assert flagged[stage.name] == ("fix" if deep else "improve"), scores


@pytest.mark.parametrize(
    ("pains", "explained"),
    [
        (["Not much to report"], False),
        (["No real problems", "n/a"], False),
        (["No parking near the shop"], True),
        (["Nothing fits after the first wash"], True),
    ],
)
def test_a_pain_point_that_says_there_is_none_does_not_explain_a_dip(pains, explained):
    shop = jk.example("clothing-store")
    for i, score in enumerate([4, 2, 4, 4, 5]):
        shop.set_lane(i, "emotion_score", score)
    shop.set_lane(1, "pain_points", pains)
    dip = shop.stages[1].name
    flagged = [f for f in jk.review(shop) if f.rule == "dip-without-pain-point" and f.stage == dip]
    assert bool(flagged) is not explained


def test_messages_quote_the_learners_text_and_name_the_stage():
    review = jk.review(DATA / "item-in-wrong-lane.json")
    wrong = next(f for f in review if f.rule == "wrong-lane")
    assert wrong.stage == "Purchase" and wrong.lane == "messages"
    assert "“Checkout page”" in wrong.message and wrong.message.startswith("Purchase:")
    for finding in jk.review(DATA / "dip-without-pain-point.json"):
        if finding.stage is not None and finding.level != "praise":
            assert finding.stage in finding.message


def test_every_finding_uses_a_documented_rule_and_level():
    doc = reviewer.__doc__
    table = dict(re.findall(r"^``([a-z-]+)``\s+([a-z, ]+?)\s{2,}", doc, re.MULTILINE))
    assert set(table) == set(RULES), "the rule table in coaching/reviewer.py is out of date"
    for rule in RULES.values():
        assert tuple(table[rule.id].split(", ")) == rule.levels
    paths = [*DATA.glob("*.json"), *CLEAN]
    seen = set()
    for path in paths:
        for finding in jk.review(path, compare_with="clothing-store"):
            assert finding.rule in RULES
            assert finding.level in RULES[finding.rule].levels
            assert finding.message and finding.why
            seen.add(finding.rule)
    assert seen == set(RULES), f"rules no test map triggers: {set(RULES) - seen}"


def test_the_review_lists_fix_then_improve_then_praise_and_says_what_to_do_next():
    review = jk.review(DATA / "blank-map.json")
    levels = [f.level for f in review]
    assert levels == sorted(levels, key=LEVELS.index)
    assert review.next_step == review.fixes[0].fix
    assert jk.review(DATA / "clean" / "bike-repair.json").next_step.startswith("Nothing to fix")


def test_the_review_shows_as_a_stable_list_with_learner_text_escaped():
    shop = jk.example("clothing-store")
    shop.set_persona(name="<script>alert(1)</script>")
    shop.set_lane("Decision", "messages", ["Free returns", "Frustrated & <b>cross</b>"])
    review = jk.review(shop)
    quoted = [f for f in review if "<script>" in f.message or "<b>" in f.message]
    assert quoted, "the learner's own text is quoted in the findings"
    page = review._repr_html_()
    assert "<script>" not in page and "<b>cross" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    text = repr(review)
    assert text == str(review) == repr(jk.review(shop))
    assert text.splitlines()[0] == review.summary()
    assert "0x" not in text  # no memory addresses: nbval compares this text


def test_to_frame_is_tidy_one_row_per_finding():
    review = jk.review(DATA / "blank-map.json")
    frame = review.to_frame()
    assert list(frame.columns) == COLUMNS
    assert len(frame) == len(review)
    assert set(frame["level"]) <= set(LEVELS)


def test_review_takes_a_path_and_refuses_other_things_readably(tmp_path):
    assert jk.review(str(DATA / "stops-at-purchase.json")).fixes
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(jk.JourneyMapError, match=r"broken\.json"):
        jk.review(broken)
    with pytest.raises(jk.JourneyMapError, match="JourneyMap"):
        jk.review({"title": "a dict"})


def test_a_huge_map_is_reviewed_without_a_flood():
    review = jk.review(huge_map())
    per_place = {}
    for finding in review:
        key = (finding.rule, finding.stage, finding.lane)
        per_place[key] = per_place.get(key, 0) + 1
    assert max(per_place.values()) == 1, "one finding per rule, stage and lane at most"
    assert len(review) < 200


# Any text the model accepts: what the door refuses (journeykit/model/characters.py) is not
# a valid map, so it is left out here.
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40).filter(
    lambda value: REFUSED.search(value) is None
)
items = st.lists(text, max_size=4)


@st.composite
def valid_maps(draw) -> jk.JourneyMap:
    framework = draw(st.sampled_from(jk.framework_ids()))
    m = jk.JourneyMap.new(
        framework,
        title=draw(text),
        persona=jk.Persona(draw(text), draw(text), draw(items), draw(items)),
    )
    for name in m.stage_names:
        for spec in LANES:
            if not draw(st.booleans()):
                continue
            if spec.kind == "score":
                value = draw(st.none() | st.integers(SCORE_MIN, SCORE_MAX))
            elif spec.kind == "text":
                value = draw(text)
            else:
                value = draw(
                    items
                    | st.sampled_from([["...", "TODO"], ["Frustrated"], ["Website", "website"]])
                )
            m.set_lane(name, spec.key, value)
    return m


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_maps(), st.sampled_from([None, "clothing-store"]))
def test_any_valid_map_is_reviewed_without_raising(journey_map, compare_with):
    assert journey_map.problems() == []
    review = jk.review(journey_map, compare_with=compare_with)
    assert all(f.level in LEVELS and f.rule in RULES for f in review)
    assert all(f.stage is None or f.stage in journey_map.stage_names for f in review)
    str(review)
    review._repr_html_()


def test_odd_unicode_is_quoted_as_written():
    m = jk.JourneyMap.new(
        "five-stage",
        title="Café “Ünïcødé” 🚲",
        persona=jk.Persona("Zoë 李", "Rides a 🚲 every day"),
    )
    m.set_lane("Awareness", "touchpoints", ["😡"])
    m.set_lane("Awareness", "goal", "Найти велосипед\u200b")
    m.set_lane("Awareness", "pain_points", ["𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"])
    review = jk.review(m)
    duplicate = next(f for f in review if f.rule == "duplicate-item")
    assert "𝔘𝔫𝔦𝔠𝔬𝔡𝔢" in duplicate.message
    assert not any(f.rule == "placeholder-text" for f in review), "an emoji is not a placeholder"
