"""Figures of a measured journey: the funnel, the Sankey of moves, the map's Measured row.

The figures read a measurement by its shape (the figures layer does not import the
analytics layer), so most tests give them hand-made tables and a stand-in measurement;
one test draws them from a real ``jk.measure`` on a small log.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

import journeykit as jk
from journeykit.figures import theme
from journeykit.figures.measured import duration_text

STAGES = ["Awareness", "Consideration", "Decision", "Retention", "Advocacy"]
FUNNEL = pd.DataFrame(
    {
        "stage": STAGES,
        "users": [4000, 3600, 1400, 350, 100],
        "share_of_start": [1, 0.9, 0.35, 0.0875, 0.025],
        "share_of_previous": [1, 0.9, 0.389, 0.25, 0.286],
    }
)
MOVES = pd.DataFrame(
    {
        "from_stage": [
            "Awareness",
            "Awareness",
            "Consideration",
            "Consideration",
            "Consideration",
            "Decision",
            "Decision",
            "Decision",
            "Retention",
            "Retention",
            "Advocacy",
        ],
        "to_stage": [
            "Consideration",
            "(end)",
            "Awareness",
            "Decision",
            "(end)",
            "Retention",
            "Advocacy",
            "(end)",
            "Advocacy",
            "(end)",
            "(end)",
        ],
        "kind": [
            "forward",
            "end",
            "back",
            "forward",
            "end",
            "forward",
            "skip",
            "end",
            "forward",
            "end",
            "end",
        ],
        "users": [3600, 400, 250, 1400, 2300, 350, 10, 900, 90, 200, 100],
        "moves": [4000, 400, 260, 1600, 2300, 380, 10, 900, 91, 200, 100],
    }
)


class StandIn:
    """What plot_map and plot_funnel read from a Measurement, and nothing else."""

    stages = STAGES

    def funnel(self):
        return FUNNEL.copy()

    def time_to_next(self):
        return pd.DataFrame(
            {
                "from_stage": STAGES[:-1],
                "to_stage": STAGES[1:],
                "users": [3600, 1400, 350, 100],
                "median": pd.to_timedelta([80, 400, 110_000, 340_000], unit="s"),
                "p90": pd.to_timedelta([140, 4000, 300_000, 900_000], unit="s"),
            }
        )

    def repeat_rate(self):
        return pd.DataFrame(
            {
                "stage": STAGES,
                "users": FUNNEL["users"],
                "repeat_users": [400, 570, 160, 24, 1],
                "repeat_rate": [0.1, 0.158, 0.114, 0.069, 0.01],
            }
        )

    def transitions(self):
        return MOVES.copy()


def measured_text(fig) -> list[str]:
    return list(next(t for t in fig.data if t.name == "measured text").text)


# ----- plot_funnel ---------------------------------------------------------------------------
def test_funnel_takes_a_measurement_or_its_table_as_well_as_typed_counts():
    typed = jk.plot_funnel(dict(zip(FUNNEL["stage"], FUNNEL["users"], strict=True)))
    for given in (StandIn(), FUNNEL):
        fig = jk.plot_funnel(given)
        assert fig.to_plotly_json() == typed.to_plotly_json()
    assert jk.plot_funnel(StandIn()).data[0].text[-1] == "100 · 2.5%"


# ----- plot_transitions ----------------------------------------------------------------------
def test_transitions_draw_each_move_with_an_end_node_per_stage():
    fig = jk.plot_transitions(StandIn())
    sankey = fig.data[0]
    assert list(sankey.node.label) == [*STAGES, *["left"] * 5]
    drawn = {
        (sankey.node.label[s], sankey.node.label[t] if t < 5 else "left", v)
        for s, t, v in zip(sankey.link.source, sankey.link.target, sankey.link.value, strict=True)
    }
    assert ("Decision", "Advocacy", 10) in drawn, "a skip is drawn"
    assert ("Consideration", "left", 2300) in drawn
    assert not any(a == "Consideration" and b == "Awareness" for a, b, _ in drawn)
    assert "250 users move back" in fig.layout.title.subtitle.text.replace("<br>", " ")


def test_transitions_name_the_stage_whose_moves_most_often_end_the_journey():
    # Decision: 900 of its 1,260 moves end there (71%), Consideration 2,300 of 3,950 (58%);
    # Advocacy, where every journey ends, is the last stage and not counted
    title = jk.plot_transitions(MOVES).layout.title.text
    assert title == "<b>71% of the moves out of Decision end the journey</b>"


def test_transitions_can_draw_moves_back_and_count_moves_not_users():
    fig = jk.plot_transitions(MOVES, back=True, value="moves")
    assert 260 in fig.data[0].link.value and 4000 in fig.data[0].link.value
    assert "move back" not in fig.layout.title.subtitle.text


def test_transitions_without_a_kind_column_work_it_out_from_the_stage_order():
    fig = jk.plot_transitions(MOVES.drop(columns="kind"))
    assert fig.to_plotly_json() == jk.plot_transitions(MOVES).to_plotly_json()


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (pd.DataFrame({"from": ["A"], "to": ["B"]}), "from_stage"),
        (MOVES.iloc[:0], "no moves"),
        ("moves.csv", "expected a table"),
    ],
)
def test_bad_transitions_say_what_to_pass(given, message):
    with pytest.raises(jk.JourneyMapError, match=message):
        jk.plot_transitions(given)
    with pytest.raises(jk.JourneyMapError, match="band width"):
        jk.plot_transitions(MOVES, value="people")


def test_transition_labels_are_escaped():
    odd = MOVES.replace({"Awareness": "<b>Ads</b> & more"})
    dumped = json.dumps(jk.plot_transitions(odd).to_plotly_json())
    assert "<b>Ads</b>" not in dumped and "&lt;b&gt;Ads&lt;/b&gt; &amp; more" in dumped


# ----- plot_map(measured=...) ----------------------------------------------------------------
def test_the_measured_row_says_what_the_log_shows_for_each_stage():
    fig = jk.plot_map(jk.example("clothing-store"), measured=StandIn())
    assert fig.layout.yaxis.ticktext[-1] == "<b>Measured</b>"
    cells = measured_text(fig)
    assert cells[0].startswith("<b>4,000 reach it</b>")
    assert "90% of the stage" in cells[1] and "61% go no further" in cells[1]
    assert "median 6.7 min to the next" in cells[1].replace("<br>", " ")
    assert "16% come back" in cells[1]
    assert "go no further" not in cells[-1], "nothing comes after the last stage"
    assert "of the stage" not in cells[0], "nothing comes before the first"


def test_the_biggest_drop_is_marked_in_its_stage_under_its_pain_points():
    fig = jk.plot_map(jk.example("clothing-store"), measured=StandIn())
    cells = measured_text(fig)
    marked = [i for i, cell in enumerate(cells) if "biggest drop" in cell]
    assert marked == [STAGES.index("Decision")]  # 75% of Decision's 1,400 go no further
    row = next(t for t in fig.data if t.name == "measured")
    drop, measured = theme.tint(theme.PAIN, 0.22), theme.tint(theme.PALETTE[2], 0.16)
    assert row.marker.color[marked[0]] == drop and set(row.marker.color) == {drop, measured}


def test_a_map_without_measured_is_drawn_exactly_as_before():
    m = jk.example("clothing-store")
    plain = jk.plot_map(m)
    assert [t.name for t in plain.data] == ["cells", "gaps", "emotion"]
    assert plain.to_plotly_json() == jk.plot_map(m, measured=None).to_plotly_json()
    measured = jk.plot_map(m, measured=StandIn())
    assert measured.layout.height > plain.layout.height
    assert measured.data[0].to_plotly_json() == plain.data[0].to_plotly_json()


def test_a_funnel_table_alone_fills_the_counts_and_unmeasured_stages_say_so():
    fig = jk.plot_map(jk.example("clothing-store"), measured=FUNNEL.iloc[:3])
    cells = measured_text(fig)
    assert "1,400 reach it" in cells[2] and "come back" not in cells[2]
    assert all("not measured" in cell for cell in cells[3:])


def test_a_measured_stage_the_map_does_not_have_is_named_with_the_closest():
    wrong = FUNNEL.replace({"Decision": "Decisions"})
    with pytest.raises(jk.JourneyMapError, match="'Decision'") as caught:
        jk.plot_map(jk.example("clothing-store"), measured=wrong)
    assert caught.value.problems[0].where == "measured stage 'Decisions'"
    with pytest.raises(jk.JourneyMapError, match="expected a table"):
        jk.plot_map(jk.example("clothing-store"), measured={"Awareness": 10})


@pytest.mark.parametrize(
    ("seconds", "text"), [(42, "42 s"), (400, "6.7 min"), (110_000, "31 h"), (340_000, "3.9 days")]
)
def test_durations_read_like_a_person_would_say_them(seconds, text):
    assert duration_text(seconds) == text


# ----- from a real measurement ---------------------------------------------------------------
def test_the_figures_draw_a_real_measurement():
    log = pd.DataFrame(
        {
            "user_id": ["a", "a", "a", "b", "b", "c"],
            "event": ["ad click", "size guide", "purchase", "ad click", "size guide", "ad click"],
            "timestamp": pd.to_datetime(
                [
                    "2024-05-01 10:00",
                    "2024-05-01 10:05",
                    "2024-05-01 10:20",
                    "2024-05-02 09:00",
                    "2024-05-02 09:01",
                    "2024-05-03 12:00",
                ]
            ),
        }
    )
    m = jk.measure(
        log,
        {"Awareness": "ad click", "Consideration": "size guide", "Decision": "purchase"},
        framework="five-stage-decision",
    )
    assert jk.plot_funnel(m).data[0].x == (3, 2, 1)
    cells = [
        cell.replace("<br>", " ")
        for cell in measured_text(jk.plot_map(jk.example("clothing-store"), measured=m))
    ]
    assert "3 reach it" in cells[0] and "median 3 min to the next" in cells[0]
    assert "not measured" in cells[3]
    sankey = jk.plot_transitions(m).data[0]
    assert list(sankey.node.label) == [
        "Awareness",
        "Consideration",
        "Decision",
        "left",
        "left",
        "left",
    ]
