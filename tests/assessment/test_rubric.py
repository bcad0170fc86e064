"""``jk.rubric``: each criterion's level follows the map's content, the coach's findings cap it
and stand beside it as evidence; the printed rubric and the roll-up come from the same table."""

from __future__ import annotations

from pathlib import Path

import pytest

import journeykit as jk
from journeykit.assessment import CRITERIA, LEVELS, rubric, rubric_markdown
from journeykit.cli import main

ROOT = Path(__file__).resolve().parents[2]


def levels(journey_map) -> dict[str, int]:
    return {row.criterion.id: row.level for row in rubric(journey_map).rows}


def test_the_worked_example_reaches_the_top_almost_everywhere():
    result = rubric(jk.example("clothing-store"))
    assert result.max_points == 3 * len(CRITERIA) == 21
    assert result.points >= 18
    assert [row.criterion.id for row in result.rows] == [c.id for c in CRITERIA]
    # its one weak spot, as the coach sees it: needs no message answers
    needs = next(row for row in result.rows if row.criterion.id == "information-needs")
    assert needs.level == 2 and needs.evidence and all(f.level == "improve" for f in needs.evidence)


def test_a_blank_map_scores_nothing_and_says_what_the_first_level_asks():
    result = rubric(jk.JourneyMap.new("five-stage"))
    assert result.points == 0
    persona = result.rows[0]
    assert persona.level_name == "Not shown" and persona.next_step.startswith("A name")


def test_content_sets_the_level_and_a_fix_finding_caps_it():
    m = jk.example("clothing-store")
    assert levels(m)["persona"] == 3
    m.set_persona(goals=[], frustrations=[])
    assert levels(m)["persona"] == 2
    m.set_persona(description="")
    assert levels(m)["persona"] == 1
    m = jk.example("clothing-store")
    m.set_persona(name="Young shoppers")  # a group, not one person: the coach says fix
    found = rubric(m).rows[0]
    assert found.level <= 1 and any(f.level == "fix" for f in found.evidence)


def test_a_map_that_stops_at_the_purchase_is_not_shown_beyond_it():
    m = jk.example("clothing-store")
    for stage in ("Retention", "Advocacy"):
        for spec in jk.LANES:
            empty = None if spec.kind == "score" else "" if spec.kind == "text" else []
            m.set_lane(stage, spec.key, empty)
    assert levels(m)["beyond-purchase"] == 0
    m.set_lane("Retention", "touchpoints", ["Delivery tracking"])
    assert levels(m)["beyond-purchase"] == 1


def test_opportunities_without_kpis_stay_at_beginning():
    m = jk.example("clothing-store")
    for stage in m.stage_names:
        m.set_lane(stage, "kpis", [])
    row = next(r for r in rubric(m).rows if r.criterion.id == "opportunities-kpis")
    assert row.level == 1
    assert any(f.rule == "opportunity-without-kpi" for f in row.evidence)


def test_the_rubric_shows_as_a_table_with_the_suggested_level_marked():
    html = rubric(jk.example("clothing-store"))._repr_html_()
    for level in LEVELS:
        assert level in html
    assert html.count("✓") == len(CRITERIA)
    assert "Change any level the coach got wrong" in html
    text = str(rubric(jk.example("clothing-store")))
    assert text.startswith("Rubric for “Online clothing store")


def test_learner_text_in_the_rubric_is_escaped():
    m = jk.JourneyMap.new("five-stage", title="<script>alert(1)</script>")
    html = rubric(m)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_docs_rubric_md_is_the_printable_rubric():
    assert (ROOT / "docs" / "rubric.md").read_text("utf-8") == rubric_markdown()
    for criterion in CRITERIA:
        assert criterion.title in rubric_markdown()


def test_the_command_line_prints_a_map_s_rubric_and_the_blank_one(tmp_path, capsys):
    path = jk.example("clothing-store").save(tmp_path / "shop.json")
    assert main(["rubric", str(path)]) == 0
    assert "Persona: Exemplary (3)" in capsys.readouterr().out
    assert main(["rubric", "--markdown"]) == 0
    assert capsys.readouterr().out == rubric_markdown()


@pytest.fixture(scope="module")
def sample_class():
    return jk.rollup(ROOT / "datasets" / "sample-class")


def test_the_roll_up_puts_a_class_s_rubric_levels_side_by_side(sample_class, tmp_path):
    table = sample_class.rubric()
    assert list(table.columns) == ["participant", *(c.id for c in CRITERIA), "points"]
    assert len(table) == len(sample_class)
    first = sample_class.maps[0]
    assert table.iloc[0]["points"] == rubric(first).points
    assert table.iloc[0][CRITERIA[0].id] == rubric(first).rows[0].level
    page = sample_class.to_html(tmp_path / "class.html")
    assert "The rubric, map by map" in page
    assert page.count('class="num lvl-') == len(table) * len(CRITERIA)
