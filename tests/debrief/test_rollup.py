"""The roll-up's tables, class-wide review, page and CSV, checked against the maps themselves."""

from __future__ import annotations

import io
import math
import re

import pandas as pd
import pytest

import journeykit as jk
from journeykit.catalogue import LANES
from journeykit.coaching import Finding, Review, review
from journeykit.debrief.tables import lane_items, review_frame


@pytest.fixture
def sample(class_folder):
    return jk.rollup(class_folder)


def test_the_tidy_table_holds_every_item_of_every_map(sample):
    table = sample.table()
    assert list(table.columns) == ["participant", "framework", "stage", "lane", "item"]
    for label, m in zip(sample.participants, sample.maps, strict=True):
        mine = table[table.participant == label]
        expected = m.to_frame()
        assert len(mine) == len(expected)
        assert (
            mine[["stage", "lane", "item"]].astype(str).values.tolist()
            == expected.astype(str).values.tolist()
        )
        assert set(mine.framework) <= {m.framework}


def test_emotions_put_each_stage_score_in_every_step_it_covers(sample):
    emotions = sample.emotions()
    assert list(emotions.index) == sample.participants
    assert list(emotions.columns) == sample.steps
    for label, m in zip(sample.participants, sample.maps, strict=True):
        for stage in m.stages:
            for step in sample.layout.of_stage(m.framework, stage.name):
                value = emotions.loc[label, step]
                if stage.emotion_score is None:
                    assert math.isnan(value)
                else:
                    assert value == stage.emotion_score


def test_a_class_of_one_framework_keeps_its_stage_names():
    shop = jk.example("clothing-store")
    r = jk.rollup({"maya": shop})
    assert r.steps == shop.stage_names
    assert r.emotions().loc["maya"].tolist() == [s.emotion_score for s in shop.stages]
    assert r.reference() == [s.emotion_score for s in shop.stages]


def test_coverage_is_the_share_of_maps_with_each_lane_filled_per_step(sample):
    coverage = sample.coverage()
    # the blueprint's lanes are rows only when a map of the class fills them in
    core = [lane for lane in LANES if not lane.optional]
    assert list(coverage.index) == [lane.label for lane in core]
    for spec in core:
        for step in sample.steps:
            filled = 0
            for m in sample.maps:
                stage = sample.layout.stage_in(m.framework, step)
                filled += bool(stage and lane_items(m.stage(stage), spec.key))
            assert coverage.loc[spec.label, step] == pytest.approx(filled / len(sample))


def test_top_items_count_maps_and_group_wordings_visibly():
    def shop(pains):
        m = jk.JourneyMap.new("five-stage")
        m.set_lane("Purchase", "pain_points", pains)
        return m

    r = jk.rollup(
        {
            "a": shop(["Delivery costs too high", "Card refused"]),
            "b": shop(["delivery cost too high!", "Delivery costs to high"]),
            "c": shop(["Card refused"]),
            "d": shop(["Parking"]),
        }
    )
    top = r.top("pain_points", n=2)
    purchase = top[top.step == "Purchase"]
    assert purchase[["item", "maps", "wordings"]].values.tolist() == [
        ["Card refused", 2, 1],
        ["Delivery costs too high", 2, 3],
    ]
    assert purchase.share.tolist() == [0.5, 0.5]
    row = purchase[purchase.item == "Delivery costs too high"].iloc[0]
    assert (
        "delivery cost too high! (1)" in row.variants
        and "Delivery costs to high (1)" in row.variants
    ), "the grouping is shown"
    assert top[top.step != "Purchase"].empty
    wording = r.wording("pain_points")
    assert wording.iloc[0][["item", "count", "maps"]].tolist() == ["Delivery costs too high", 3, 2]


def test_an_unknown_lane_lists_the_lanes():
    with pytest.raises(jk.JourneyMapError, match="no lane called") as caught:
        jk.rollup([jk.example()]).top("painpoints")
    assert "pain_points" in caught.value.problems[0].fix


def test_class_wide_review_counts_agree_with_reviewing_each_map(sample):
    table = sample.review()
    expected: dict[str, set[str]] = {}
    for label, m in zip(sample.participants, sample.maps, strict=True):
        for finding in review(m):
            expected.setdefault(finding.rule, set()).add(label)
    assert dict(zip(table.rule, table.maps, strict=True)) == {
        rule: len(who) for rule, who in expected.items()
    }
    assert table.maps.is_monotonic_decreasing


def test_class_wide_review_counts_each_map_once_per_rule_most_common_first():
    def finding(rule, level, stage=None):
        return Finding(
            rule=rule,
            level=level,
            message=f"{rule} at {stage}",
            why=f"why {rule}",
            fix=f"fix {rule}",
            stage=stage,
        )

    reviews = [
        (
            "ana",
            Review(
                [
                    finding("dip", "fix", "Aware"),
                    finding("dip", "fix", "Buy"),
                    finding("kpi", "improve"),
                ]
            ),
        ),
        ("ben", Review([finding("kpi", "improve"), finding("goal", "praise")])),
        ("cy", Review([finding("kpi", "improve"), finding("dip", "fix")])),
        ("dee", Review([])),
    ]
    table = review_frame(reviews)
    assert table[["rule", "level", "maps", "participants"]].values.tolist() == [
        ["kpi", "improve", 3, "ana, ben, cy"],
        ["dip", "fix", 2, "ana, cy"],
        ["goal", "praise", 1, "ben"],
    ]
    assert table.share.tolist() == [0.75, 0.5, 0.25]
    assert table.iloc[0][["why", "fix"]].tolist() == ["why kpi", "fix kpi"]


def test_summary_says_what_was_read_left_out_and_how_maps_are_compared(sample):
    text = sample.summary()
    assert f"{len(sample)} maps" in text
    assert "Left out: 2 files" in text and "Ignored 1 backup" in text
    assert "journey moments" in text if sample.layout.mixed else "stage by stage" in text
    assert repr(sample) == text
    assert "/tmp/" not in text, "no machine paths in what a notebook stores"


def test_csv_is_the_tidy_table_with_formulas_guarded(hostile_map):
    r = jk.rollup({"=HYPERLINK(1)": hostile_map})
    text = r.to_csv()
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(back.columns) == ["participant", "framework", "stage", "lane", "item"]
    assert len(back) == len(r.table())
    assert set(back.participant) == {"'=HYPERLINK(1)"}


def test_files_are_written_atomically_where_asked(tmp_path, sample):
    page, table = tmp_path / "out" / "class.html", tmp_path / "class.csv"
    assert sample.to_html(page) == page.read_text("utf-8")
    assert sample.to_csv(table) == table.read_text("utf-8")


def test_the_page_is_one_offline_file_with_every_part(sample):
    page = sample.to_html()
    assert page.count("<script src=") == 0 and "<link" not in page
    body = page[page.index("</head>") :]  # after plotly.js, whose code mentions web addresses
    assert not re.search(r"(?:src|href)=[\"']?https?:", body)
    for div in ("jk-heatmap", "jk-spread", "jk-coverage", "jk-pain_points"):
        assert f'id="{div}"' in page
    assert page.count('class="card"') == len(sample)
    assert page.count('class="detail"') == len(sample)
    for skipped in sample.skipped:
        assert skipped.path.name in page
    assert sample.to_html() == page, "the same roll-up gives the same page"


def test_every_piece_of_learner_text_is_escaped_in_the_page(tmp_path, hostile_map):
    folder = tmp_path / "x"
    hostile_map.save(folder / "<img src=y onerror=alert(1)>.json")
    page = jk.rollup(folder).to_html()
    body = page[page.index("</head>") :]
    assert "<script>window.__pwned" not in body and "<img src=x" not in body
    assert "<img src=y" not in body
    assert "&lt;script&gt;window.__pwned" in body
    assert "&lt;img src=y onerror=alert(1)&gt;" in body


def test_an_anonymized_page_shows_no_file_names(class_folder):
    page = jk.rollup(class_folder, anonymize=True).to_html()
    assert "late_submission" not in page and "Participant 1" in page
    names = [p.stem for p in class_folder.glob("*.json")]
    assert not [name for name in names if name in page]


@pytest.mark.parametrize("n", [0, -1, "3", 2.5, True])
def test_a_count_of_top_items_that_is_not_a_whole_number_says_what_to_give(n):
    with pytest.raises(jk.JourneyMapError, match="not a number of items"):
        jk.rollup([jk.example()]).top("pain_points", n=n)


def test_the_class_wide_review_speaks_to_the_class_not_to_one_learner(sample):
    """ "What to do" names no learner's persona, stage or words: the rule's general advice."""
    from journeykit.coaching import RULES
    from journeykit.coaching.advice import ADVICE

    assert set(ADVICE) == set(RULES), "every rule has a line of advice for the class"
    table = sample.review()
    personas = {m.persona.name for m in sample.maps if m.persona.name}
    assert personas
    for row in table.itertuples():
        assert row.fix == ADVICE[row.rule]
        assert not [name for name in personas if name in row.fix], row.fix


def test_the_roll_up_page_keeps_levels_whole_and_explains_the_wording_counts(sample, tmp_path):
    page = sample.to_html()
    assert 'class="level level-improve"' in page
    assert "table.data td.level { white-space: nowrap" in page
    assert "can be larger than Maps" in page
