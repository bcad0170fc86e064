"""The framework catalogue: names, order, content and the crosswalk."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

import journeykit as jk

# The specification: stage names and order exactly as the source texts give them.
EXPECTED_STAGES = {
    "six-stage": ["Discover", "Investigate", "Engage", "Purchase", "Re-purchase", "Advocate"],
    "five-stage": ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"],
    "five-stage-decision": ["Awareness", "Consideration", "Decision", "Retention", "Advocacy"],
    "eight-stage": [
        "Aware",
        "Engage",
        "Subscribe",
        "Convert",
        "Excite",
        "Ascend",
        "Advocate",
        "Promote",
    ],
}
ALL_PAIRS = list(itertools.permutations(EXPECTED_STAGES, 2))


def test_catalogue_has_exactly_the_four_frameworks_in_teaching_order():
    assert jk.framework_ids() == list(EXPECTED_STAGES)


@pytest.mark.parametrize("framework_id", EXPECTED_STAGES)
def test_stage_names_and_order_match_the_source(framework_id):
    assert jk.get_framework(framework_id).stage_names == EXPECTED_STAGES[framework_id]


@pytest.mark.parametrize("framework_id", EXPECTED_STAGES)
def test_every_stage_is_described_with_a_summary_and_a_goal(framework_id):
    for stage in jk.get_framework(framework_id).stages:
        assert len(stage.summary.split()) >= 8, stage.name
        assert stage.goal, stage.name
        assert stage.moments, stage.name


def test_decision_framework_fills_all_five_lanes_for_every_stage():
    for stage in jk.get_framework("five-stage-decision").stages:
        for lane in (stage.actions, stage.touchpoints, stage.emotions, stage.business_activities):
            assert len(lane) >= 2, stage.name


def test_decision_framework_keeps_the_source_emotions():
    emotions = {s.name: list(s.emotions) for s in jk.get_framework("five-stage-decision").stages}
    assert emotions == {
        "Awareness": ["Curiosity", "Interest"],
        "Consideration": ["Interest", "Evaluation", "Comparison"],
        "Decision": ["Excitement", "Anxiety", "Confidence"],
        "Retention": ["Satisfaction", "Disappointment", "Contentment"],
        "Advocacy": ["Loyalty", "Satisfaction", "Pride"],
    }


def test_eight_stage_says_what_the_business_does_at_each_step():
    stages = jk.get_framework("eight-stage").stages
    assert all(stage.business_activities for stage in stages)
    convert = jk.get_framework("eight-stage").stage("Convert")
    assert "entry-point offer" in (convert.summary + " ".join(convert.business_activities))


def test_facts_keep_their_figures_and_sources():
    by_figure = {fact.figure: fact for fact in jk.facts()}
    assert set(by_figure) == {"5x", "92%"}
    assert "five times" in by_figure["5x"].statement
    assert by_figure["92%"].statement.startswith("92%")
    assert all(fact.source.startswith("The six-stage journey text") for fact in by_figure.values())


def test_unknown_framework_lists_the_valid_ids():
    with pytest.raises(jk.JourneyMapError) as info:
        jk.get_framework("seven-stage")
    assert "six-stage, five-stage, five-stage-decision, eight-stage" in str(info.value)


def test_stage_lookup_ignores_case_and_names_the_choices():
    assert jk.get_framework("six-stage").stage("re-PURCHASE").name == "Re-purchase"
    with pytest.raises(jk.JourneyMapError, match="Discover, Investigate"):
        jk.get_framework("six-stage").stage("Buy")


def test_frameworks_table_is_tidy_with_one_row_per_stage():
    table = jk.frameworks_table()
    assert len(table) == sum(len(v) for v in EXPECTED_STAGES.values())
    for framework_id, names in EXPECTED_STAGES.items():
        rows = table[table.framework == framework_id].sort_values("position")
        assert rows.stage.tolist() == names
        assert rows.position.tolist() == list(range(1, len(names) + 1))


@pytest.mark.parametrize(("a", "b"), ALL_PAIRS)
def test_crosswalk_covers_every_stage_of_both_frameworks(a, b):
    table = jk.crosswalk(a, b)
    assert list(table.columns) == [
        "from_framework",
        "from_stage",
        "to_framework",
        "to_stage",
        "shared",
        "reason",
    ]
    assert set(table.from_stage) == set(EXPECTED_STAGES[a])
    assert set(table.to_stage) == set(EXPECTED_STAGES[b])
    assert table.reason.str.len().gt(15).all()


@pytest.mark.parametrize(("a", "b"), ALL_PAIRS)
def test_crosswalk_is_the_mirror_of_its_reverse(a, b):
    forward = {(r.from_stage, r.to_stage) for r in jk.crosswalk(a, b).itertuples()}
    backward = {(r.to_stage, r.from_stage) for r in jk.crosswalk(b, a).itertuples()}
    assert forward == backward


@pytest.mark.parametrize(("a", "b"), ALL_PAIRS)
def test_crosswalk_never_runs_backwards_in_time(a, b):
    """If stage x comes before stage y, nothing x maps to comes after what y maps to."""
    order_a = {n: i for i, n in enumerate(EXPECTED_STAGES[a])}
    order_b = {n: i for i, n in enumerate(EXPECTED_STAGES[b])}
    links = [(order_a[r.from_stage], order_b[r.to_stage]) for r in jk.crosswalk(a, b).itertuples()]
    for (x1, y1), (x2, y2) in itertools.combinations(links, 2):
        if x1 < x2:
            assert y1 <= y2


def test_crosswalk_lines_up_the_stages_a_reader_expects():
    def targets(a, b, stage):
        table = jk.crosswalk(a, b)
        return table.loc[table.from_stage == stage, "to_stage"].tolist()

    assert targets("five-stage", "five-stage-decision", "Purchase") == ["Decision"]
    assert targets("six-stage", "five-stage", "Re-purchase") == ["Retention"]
    assert targets("five-stage", "eight-stage", "Advocacy") == ["Advocate", "Promote"]
    assert targets("eight-stage", "five-stage", "Subscribe") == ["Consideration"]
    assert targets("eight-stage", "six-stage", "Convert") == ["Purchase"]


def test_same_framework_crosswalk_is_the_identity():
    table = jk.crosswalk("eight-stage", "eight-stage")
    assert (table.from_stage == table.to_stage).all()
    assert isinstance(table, pd.DataFrame)


def test_a_stage_shows_in_a_notebook_as_a_left_aligned_table_of_its_lanes():
    """Notebook 04 shows each stage this way: a header naming the stage, no empty row,
    every lane the framework describes, read left to right."""
    stage = jk.get_framework("five-stage-decision").stage("Decision")
    table = stage._repr_html_()
    labels = [label for label, _ in stage.lanes()]
    assert labels[0] == "Customer goal" and len(labels) == len(set(labels)) >= 5
    header = table[table.index("<thead>") : table.index("</thead>")]
    assert header.count("<tr>") == 1 and "<th scope='col'" in header and "Decision" in header
    assert "<th></th>" not in table and "text-align:right" not in table
    assert table.count("text-align:left") == 2 + 2 * len(labels)
    for label, text in stage.lanes():
        assert f">{label}</th>" in table and text.split(",")[0] in table
    bundle = stage._repr_mimebundle_()
    assert bundle["text/html"] == table
    assert bundle["text/plain"] == "Decision: " + ", ".join(labels)  # names, not the wording
