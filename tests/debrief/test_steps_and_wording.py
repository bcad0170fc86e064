"""The columns maps are compared on, and the grouping of near-identical wordings."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import journeykit as jk
from journeykit.catalogue import catalogue
from journeykit.debrief import group_wordings, steps_for
from journeykit.debrief.wording import key_groups, one_edit_apart

SUBSETS = [combo for k in range(1, 5) for combo in itertools.combinations(jk.framework_ids(), k)]


# ----- steps -------------------------------------------------------------------------------
def test_one_framework_is_compared_stage_by_stage():
    for framework_id in jk.framework_ids():
        assert steps_for([framework_id]).labels == jk.get_framework(framework_id).stage_names


@pytest.mark.parametrize("frameworks", SUBSETS, ids="+".join)
def test_every_stage_lands_in_a_step_and_each_step_holds_one_stage_per_framework(frameworks):
    layout = steps_for(frameworks)
    for framework_id in frameworks:
        for stage in jk.get_framework(framework_id).stage_names:
            assert layout.of_stage(framework_id, stage), f"{framework_id} {stage} was dropped"
    for step in layout.steps:
        assert sorted(fw for fw, _ in step.stages) == sorted(frameworks)
        for fw, stage in step.stages:
            assert set(step.moments) <= set(jk.get_framework(fw).stage(stage).moments)
    assert [m for step in layout.steps for m in step.moments] == list(catalogue().moments)


def test_steps_are_no_finer_than_the_frameworks_need():
    assert steps_for(["five-stage", "five-stage-decision"]).labels == [
        "Awareness",
        "Consideration",
        "Purchase / Decision",
        "Retention",
        "Advocacy",
    ]
    assert len(steps_for(["six-stage", "eight-stage"]).labels) == len(catalogue().moments)
    mixed = steps_for(["five-stage", "eight-stage"])
    assert mixed.of_stage("five-stage", "Consideration") == [
        "Research + Contact",
        "Small commitment",
    ]
    assert mixed.of_stage("eight-stage", "Engage") == ["Research + Contact"]


def test_the_worked_example_is_laid_out_on_any_class_steps_by_its_moments():
    shop = jk.example("clothing-store")
    scores = {s.name: s.emotion_score for s in shop.stages}
    same = steps_for(["five-stage-decision"]).scores_of(shop.framework, scores)
    assert same == [s.emotion_score for s in shop.stages]
    nine = steps_for(["six-stage", "eight-stage"]).scores_of(shop.framework, scores)
    consideration = shop.stage("Consideration").emotion_score
    assert nine[1:4] == [consideration] * 3, "Consideration spans research, contact, commit"


# ----- wording -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "variants",
    [
        ["Delivery is too slow", "delivery is too slow", "DELIVERY IS TOO SLOW"],
        ["Sign-up form", "sign up form", "Sign up  form!", "sign-up form."],
        ["Hidden costs", "hidden cost", "Hidden Costs"],
        ["Replies are slow", "Reply are slow"],
        [
            "Delivery is too slow",
            "Delivry is too slow",
            "Delivery is to slow",
            "Dleivery is too slow",
        ],
        ["Can't find the price", "Cant find the price", "Can’t find the price"],
        ["Café too noisy", "Cafe too noisy"],
    ],
    ids=["case", "punctuation", "plural", "plural-ies", "typos", "apostrophes", "accents"],
)
def test_near_identical_wordings_are_grouped_and_every_wording_is_kept(variants):
    groups = group_wordings(variants)
    assert len(groups) == 1, [g.variants for g in groups]
    assert groups[0].count == len(variants)
    assert sorted(text for text, _ in groups[0].variants) == sorted(set(variants))


@pytest.mark.parametrize(
    "different",
    [
        ["Delivery takes 3 days", "Delivery takes 5 days"],
        ["Too slow", "Too low"],
        ["Long queue at the till", "No parking near the shop"],
        ["App", "Ads"],
    ],
    ids=["numbers", "short", "unrelated", "tiny"],
)
def test_different_items_stay_apart(different):
    assert len(group_wordings(different)) == len(different)


def test_the_shown_wording_is_the_most_common_one_and_counts_add_up():
    texts = ["no reviews"] + ["No reviews"] * 3 + ["No review!"] * 2 + ["Parking"]
    groups = group_wordings(texts)
    assert [(g.text, g.count) for g in groups] == [("No reviews", 6), ("Parking", 1)]
    assert groups[0].describe() == "No reviews (3) · No review! (2) · no reviews (1)"


def test_grouping_does_not_depend_on_the_order_items_come_in():
    texts = [
        "Delivery is too slow",
        "delivry is too slow",
        "Delivery is to slow",
        "Hidden costs",
        "hidden cost",
        "Prices not shown",
        "prices not shwon",
        "Parking",
    ]
    expected = group_wordings(texts)
    rng = random.Random(3)
    for _ in range(20):
        shuffled = texts[:]
        rng.shuffle(shuffled)
        assert group_wordings(shuffled) == expected


NOISE = st.sampled_from(
    [
        str.lower,
        str.upper,
        str.title,
        lambda t: t + "!",
        lambda t: f"  {t} ",
        lambda t: t.replace(" ", "  "),
    ]
)


@given(
    words=st.lists(
        st.sampled_from(["queue", "till", "price", "parking", "slow", "card"]),
        min_size=1,
        max_size=4,
    ),
    noise=NOISE,
)
def test_case_spacing_and_punctuation_never_split_a_group(words, noise):
    text = " ".join(words)
    ids = key_groups([text, noise(text)])
    assert len(set(ids.values())) == 1


@given(a=st.text("abcdef ", max_size=12), b=st.text("abcdef ", max_size=12))
def test_one_edit_apart_agrees_with_a_brute_force_distance(a, b):
    def distance(x: str, y: str) -> int:  # optimal string alignment distance
        d = [[i + j if i * j == 0 else 0 for j in range(len(y) + 1)] for i in range(len(x) + 1)]
        for i, j in itertools.product(range(1, len(x) + 1), range(1, len(y) + 1)):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] != y[j - 1])
            )
            if i > 1 and j > 1 and x[i - 1] == y[j - 2] and x[i - 2] == y[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        return d[-1][-1]

    assert one_edit_apart(a, b) == (distance(a, b) <= 1)
