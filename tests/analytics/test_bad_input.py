"""Every bad input gives a JourneyMapError that names the column, file or line and
says how to fix it (or a clear result), never an engine traceback."""

from __future__ import annotations

import gzip
import re
import warnings

import pandas as pd
import pytest

from journeykit.analytics import measure, pattern, prefix, read_events
from journeykit.errors import JourneyMapError


def _csv(path, text, zipped=False):
    if zipped:
        with gzip.open(path, "wt") as out:
            out.write(text)
    else:
        path.write_text(text)
    return str(path)


GOOD = (
    "user_id,event,timestamp\n"
    "u1,ad click,2024-05-01 10:00:00\nu1,browse collection,2024-05-01 10:01:00\n"
    "u1,purchase,2024-05-01 10:09:00\nu2,ad click,2024-05-02 11:00:00\n"
)


@pytest.fixture
def log(tmp_path):
    return read_events(_csv(tmp_path / "shop.csv", GOOD))


def _problem(err):
    assert isinstance(err.value, ValueError)  # a JourneyMapError is a ValueError
    assert len(err.value.problems) >= 1
    return err.value.problems[0]


def test_misnamed_column_names_it_and_suggests_the_closest(tmp_path):
    path = _csv(tmp_path / "shop.csv", GOOD.replace("user_id", "userid"))
    with pytest.raises(JourneyMapError) as err:
        read_events(path)
    p = _problem(err)
    assert err.value.source == path
    assert p.where == "column 'user_id'" and "userid" in p.message
    assert "user='userid'" in p.fix


def test_every_missing_column_is_named_at_once():
    frame = pd.DataFrame({"who": ["a"], "what": ["x"], "when": ["2024-01-01"]})
    with pytest.raises(JourneyMapError) as err:
        read_events(frame)
    assert [p.where for p in err.value.problems] == [
        "column 'user_id'",
        "column 'event'",
        "column 'timestamp'",
    ]


def test_ga4_columns_without_preset_suggest_the_preset():
    frame = pd.DataFrame(
        {
            "user_pseudo_id": ["a"],
            "event_name": ["page_view"],
            "event_timestamp": [1_714_000_000_000_000],
        }
    )
    with pytest.raises(JourneyMapError, match="preset='ga4'"):
        read_events(frame)


def test_unparseable_times_are_counted_and_shown_with_lines(tmp_path):
    text = GOOD + "u3,ad click,yesterday\nu3,purchase,\nu4,ad click,31/12/2024 10:00\n"
    path = _csv(tmp_path / "shop.csv.gz", text, zipped=True)
    with pytest.raises(JourneyMapError) as err:
        read_events(path)
    p = _problem(err)
    assert p.where == "column 'timestamp'"
    assert p.message.startswith("3 of 7 times")
    assert "line 6: 'yesterday'" in p.message and "line 7: (empty)" in p.message
    assert "line 8: '31/12/2024 10:00'" in p.message
    assert "time_format=" in p.fix and "bad_times='drop'" in p.fix


def test_bad_times_can_be_dropped_with_a_warning(tmp_path):
    path = _csv(tmp_path / "shop.csv", GOOD + "u3,ad click,yesterday\n")
    with pytest.warns(UserWarning, match="left out 1 of 5 rows"):
        events = read_events(path, bad_times="drop")
    assert events.rows == 4 and events.skipped == {"a time that does not parse": 1}


def test_a_time_format_reads_day_first_dates(tmp_path):
    path = _csv(tmp_path / "shop.csv", "user_id,event,timestamp\nu,a,31/12/2024 10:00\n")
    events = read_events(path, time_format="%d/%m/%Y %H:%M")
    assert str(events.head()["time"][0]) == "2024-12-31 10:00:00+00:00"


def test_epoch_numbers_without_a_unit_ask_for_one(tmp_path):
    path = _csv(tmp_path / "n.csv", "user_id,event,timestamp\nu,a,1714000000\nu,b,1714000100\n")
    with pytest.raises(JourneyMapError, match="time_unit="):
        read_events(path)
    frame = pd.DataFrame({"user_id": ["u"], "event": ["a"], "timestamp": [1_714_000_000_000]})
    with pytest.raises(JourneyMapError, match="time_unit='ms'"):
        read_events(frame)
    assert read_events(frame, time_unit="ms").rows == 1


def test_rows_without_user_or_event_are_left_out_with_a_warning():
    frame = pd.DataFrame(
        {
            "user_id": ["a", None, "b"],
            "event": ["x", "x", None],
            "timestamp": pd.to_datetime(["2024-01-01"] * 3),
        }
    )
    with pytest.warns(UserWarning, match="1 with no user id, 1 with no event name"):
        events = read_events(frame)
    assert events.rows == 1


def test_an_event_claimed_by_two_stages_is_refused_naming_both(log):
    with pytest.raises(JourneyMapError) as err:
        measure(log, {"Awareness": "ad click", "Decision": ["purchase", "ad click"]})
    p = _problem(err)
    assert p.where == "event 'ad click'" and "'Awareness' and 'Decision'" in p.message
    with pytest.raises(JourneyMapError, match=re.escape("by prefix('ad') and pattern('click')")):
        measure(log, {"A": prefix("ad"), "B": pattern("click")})


def test_stages_not_in_the_framework(log):
    with pytest.raises(JourneyMapError) as err:
        measure(
            log, {"Awareness": "ad click", "Purchase": "purchase"}, framework="five-stage-decision"
        )
    p = _problem(err)
    assert p.where == "stages['Purchase']" and "five-stage-decision" in p.message
    with pytest.raises(JourneyMapError, match="write 'Decision'"):
        measure(
            log, {"Awareness": "ad click", "decision": "purchase"}, framework="five-stage-decision"
        )
    with pytest.raises(JourneyMapError, match="not in five-stage's order"):
        measure(log, {"Purchase": "purchase", "Awareness": "ad click"}, framework="five-stage")
    with pytest.raises(JourneyMapError, match="not a framework the kit knows"):
        measure(log, {"Awareness": "ad click"}, framework="seven-stage")
    subset = measure(log, {"Awareness": "ad click", "Purchase": "purchase"}, framework="five-stage")
    assert subset.funnel()["users"].tolist() == [2, 1]


def test_a_stage_no_event_matches_names_the_closest_event(log):
    with pytest.raises(JourneyMapError) as err:
        measure(log, {"A": "ad click", "D": "purchse"})
    p = _problem(err)
    assert p.where == "stages['D']" and "'purchase' (not 'purchse')" in p.fix
    with pytest.warns(UserWarning, match="'purchse'"):
        measure(log, {"A": "ad click", "D": ["purchase", "purchse"]})


def test_an_empty_log(tmp_path):
    with pytest.raises(JourneyMapError, match="the log is empty"):
        read_events(_csv(tmp_path / "empty.csv", "user_id,event,timestamp\n"))
    with pytest.raises(JourneyMapError, match="the log is empty"):
        read_events(pd.DataFrame({"user_id": [], "event": [], "timestamp": []}))


def test_missing_files_globs_and_formats(tmp_path):
    _csv(tmp_path / "shop.csv", GOOD)
    with pytest.raises(JourneyMapError, match=r"closest file there is .*shop\.csv"):
        read_events(str(tmp_path / "shops.csv"))
    with pytest.raises(JourneyMapError, match="no file matches"):
        read_events(str(tmp_path / "*.parquet"))
    (tmp_path / "shop.json").write_text("{}")
    with pytest.raises(JourneyMapError, match="reads CSV"):
        read_events(str(tmp_path / "shop.json"))
    (tmp_path / "broken.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(JourneyMapError, match="DuckDB cannot read it"):
        read_events(str(tmp_path / "broken.parquet"))


def test_ragged_csv_rows_become_a_journey_map_error(tmp_path):
    path = _csv(tmp_path / "ragged.csv", GOOD + "u9,ad click,2024-05-03 10:00:00,extra,more\n")
    with pytest.raises(JourneyMapError) as err:
        read_events(path)
    assert err.value.source == path


@pytest.mark.parametrize(
    ("within", "says"),
    [("a month", "not a length of time"), (30, "has no unit"), ("-2D", "positive")],
)
def test_bad_windows(log, within, says):
    with pytest.raises(JourneyMapError, match=says):
        measure(log, {"A": "ad click"}, within=within)


@pytest.mark.parametrize("stages", [{}, [], {"A": 3}, {"A": []}, {"A": "  "}, {"": "ad click"}])
def test_bad_stage_maps(log, stages):
    with pytest.raises(JourneyMapError):
        measure(log, stages)


def test_other_bad_arguments(log):
    with pytest.raises(JourneyMapError, match="not an event log"):
        read_events(42)
    with pytest.raises(JourneyMapError, match="not a preset"):
        read_events(pd.DataFrame(), preset="ga5")
    with pytest.raises(JourneyMapError, match="not a time unit"):
        read_events(pd.DataFrame(), time_unit="days")
    with pytest.raises(JourneyMapError, match="bad_times"):
        read_events(pd.DataFrame(), bad_times="ignore")
    with pytest.raises(JourneyMapError, match="not a regular expression"):
        pattern("(")
    m = measure(log, {"Awareness": "ad click", "Decision": "purchase"})
    with pytest.raises(JourneyMapError, match="write 'Decision', the closest one"):
        m.repeat_rate("Decisions")


def _partly_checked(monkeypatch):
    """Make a small file count as big: only its first two rows are checked when read."""
    from journeykit.analytics import events

    monkeypatch.setattr(events, "SAMPLE_ROWS", 2)


def test_a_big_log_is_checked_by_each_question_in_its_own_pass(tmp_path, monkeypatch):
    text = GOOD + "u3,ad click,yesterday\nu3,purchase,\nu4,home page,31/12/2024 10:00\n"
    path = _csv(tmp_path / "shop.csv", text)
    with pytest.raises(JourneyMapError) as whole:
        read_events(path)
    _partly_checked(monkeypatch)
    log = read_events(path)  # the first rows are fine: no pass over the rest yet
    assert not log.checked and log.rows == 7
    stages = {"Awareness": "ad click", "Decision": "purchase"}
    with pytest.raises(JourneyMapError) as err:
        measure(log, stages).funnel()
    assert err.value.problems == whole.value.problems  # reported as read_events reports it
    assert "3 of 7 times" in err.value.problems[0].message


def test_bad_rows_a_question_finds_are_dropped_with_the_same_warning(tmp_path, monkeypatch):
    text = GOOD + "u3,ad click,yesterday\n,purchase,2024-05-03 10:00:00\nu4,home page,soon\n"
    path = _csv(tmp_path / "shop.csv", text)
    with pytest.warns(UserWarning) as whole:
        read_events(path, bad_times="drop")
    _partly_checked(monkeypatch)
    log = read_events(path, bad_times="drop")
    m = measure(log, {"Awareness": "ad click", "Decision": "purchase"})
    with pytest.warns(UserWarning) as found:
        assert m.funnel()["users"].tolist() == [2, 1]
    assert [str(w.message) for w in found] == [str(w.message) for w in whole]
    assert "left out 3 of 7 rows (1 with no user id, 2 with a time" in str(found[0].message)
    assert log.checked and log.skipped == {"no user id": 1, "a time that does not parse": 2}
    assert log.rows == 4 and m.unmapped()["event"].tolist() == ["browse collection"]


def test_a_question_reports_only_the_rows_it_reads(tmp_path, monkeypatch):
    path = _csv(tmp_path / "shop.csv", GOOD + "u4,home page,soon\n")
    _partly_checked(monkeypatch)
    m = measure(read_events(path), {"Awareness": "ad click", "Decision": "purchase"})
    assert m.funnel()["users"].tolist() == [2, 1]  # reads no 'home page' row
    with pytest.raises(JourneyMapError, match="1 of 5 times"):
        m.unmapped()  # reads them all


def test_a_big_log_is_read_in_one_query_and_measured_in_one_more(tmp_path, monkeypatch):
    """No pass over a big file before the question: the first rows when read, then the
    question's own query checks the rest and the stage map's names in the same pass."""
    from journeykit.analytics import _backend

    path = _csv(tmp_path / "shop.csv", GOOD)
    _partly_checked(monkeypatch)
    ran = []
    real = _backend.execute
    monkeypatch.setattr(_backend, "execute", lambda *a, **k: ran.append(a[2]) or real(*a, **k))
    log = read_events(path)
    m = measure(log, {"Awareness": "ad click", "Decision": "purchase"})
    assert m.funnel()["users"].tolist() == [2, 1]
    assert ran == ["the event counts", "the funnel"]  # the first rows' profile, the question
    assert not log.counted and log.rows == 4 and ran[-1] == "the event counts"  # on demand


def test_a_big_logs_stage_names_are_checked_by_the_first_question(tmp_path, monkeypatch):
    path = _csv(tmp_path / "shop.csv", GOOD)
    typo = {"Awareness": "ad click", "Decision": "purchse"}
    with pytest.raises(JourneyMapError) as whole:
        measure(read_events(path), typo)
    _partly_checked(monkeypatch)
    m = measure(read_events(path), typo)  # the names are not known yet
    with pytest.raises(JourneyMapError) as err:
        m.funnel()
    assert err.value.problems == whole.value.problems  # "the log has 'purchase'"
    both = measure(
        read_events(path), {"Awareness": "ad click", "Decision": ["purchase", "purchse"]}
    )
    with pytest.warns(UserWarning, match="no event in the log matches 'purchse'"):
        assert both.funnel()["users"].tolist() == [2, 1]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # checked once, not at every question
        assert both.time_to_next()["users"].tolist() == [1]
