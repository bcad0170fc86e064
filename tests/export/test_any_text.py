"""Any text a map accepts goes out through every export and comes back the same.

The model refuses, at the door, text that a UTF-8 file cannot hold or that the
formats cannot show (see ``journeykit.model.characters``). This is the other
half of that promise: whatever it lets in, every writer (HTML, Markdown, CSV,
Mermaid, JSON) writes to a file without an error, the CSV and JSON read back to
the same map, and the HTML page shows each text escaped.
"""

from __future__ import annotations

import contextlib
import html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import journeykit as jk
from journeykit import export
from journeykit.model.merging import field_values
from tests.model.test_storage import FIELDS, SCORE, TEXT_FIELDS, any_text


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_whatever_a_map_accepts_every_export_writes_and_reads_back(tmp_path, data):
    m = jk.JourneyMap.new("five-stage")
    for path in FIELDS:
        if path != SCORE:
            value = data.draw(any_text if path in TEXT_FIELDS else st.lists(any_text, max_size=3))
            with contextlib.suppress(jk.JourneyMapError):  # refused at the door: see
                m.set_field(path, value)  # tests/model/test_storage.py
    for to in ("html", "md", "csv", "mermaid", "json"):
        out = jk.export_map(m, to, tmp_path / f"map.{to}")
        out.read_bytes().decode("utf-8")
    assert jk.load_map(tmp_path / "map.json") == m
    back = export.read_csv(tmp_path / "map.csv")
    assert jk.JourneyMap.from_frame(back, m.framework, m.title, m.persona).stages == m.stages
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    for value in field_values(m.to_dict()).values():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and text and not text.isspace():
                lines = html.escape(text, quote=True).split("\n")
                assert all(line in page for line in lines), text


@pytest.mark.parametrize("to", ["html", "md", "csv", "mermaid"])
def test_text_slipped_past_the_door_gives_a_readable_error_not_a_traceback(tmp_path, to):
    m = jk.example("clothing-store")
    m.title = m.stages[0].goal = "Half an emoji \ud83d"  # set directly, past set_lane
    with pytest.raises(jk.JourneyMapError, match="U\\+D83D"):
        jk.export_map(m, to, tmp_path / f"map.{to}")
    assert not (tmp_path / f"map.{to}").exists()
