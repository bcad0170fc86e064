"""The method's new fields, whatever they hold, survive load, save, every export and reload.

Evidence and source notes on items of the lanes about the customer, impact, effort and
owner on opportunities, the blueprint lanes, the current or future state and the map it is
based on: hypothesis fills them with any text the model accepts (and the choices and scores
they allow), then every writer writes the map, the JSON and the CSV read back to the same
map, and the HTML page shows every text escaped. Old files (format 1) keep loading.
"""

from __future__ import annotations

import contextlib
import html
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import journeykit as jk
from journeykit import export
from journeykit.catalogue import EVIDENCE, EVIDENCE_LANES, LIST_LANES, FieldPath
from journeykit.model import Item, datasets_dir
from tests.model.test_storage import any_text

evidence = st.sampled_from(EVIDENCE) | st.none()
score = st.integers(min_value=1, max_value=4) | st.none()


@st.composite
def customer_item(draw: st.DrawFn) -> Item | str:
    text = draw(any_text)
    return Item(text, evidence=draw(evidence), source=draw(any_text))


@st.composite
def opportunity(draw: st.DrawFn) -> Item | str:
    return Item(draw(any_text), impact=draw(score), effort=draw(score), owner=draw(any_text))


def fill(m: jk.JourneyMap, data: st.DataObject) -> None:
    """Every new field of *m* filled with drawn values; what the model refuses is left out."""
    for path, value in (
        (FieldPath(None, "state"), data.draw(st.sampled_from(["", "current", "future"]))),
        (FieldPath(None, "based_on"), data.draw(any_text)),
    ):
        with contextlib.suppress(jk.JourneyMapError):
            m.set_field(path, value)
    for stage in m.stage_names[:2]:
        lanes = {key: st.lists(customer_item(), max_size=3) for key in EVIDENCE_LANES[:3]}
        lanes["opportunities"] = st.lists(opportunity(), max_size=3)
        for key in ("frontstage_actions", "backstage_actions", "support_processes"):
            lanes[key] = st.lists(any_text, max_size=2)
        for key, values in lanes.items():
            items = data.draw(values)
            with contextlib.suppress(jk.JourneyMapError):  # refused at the door
                m.set_lane(stage, key, items)
            for item in items:  # and one at a time, so a refused one spoils no other
                with contextlib.suppress(jk.JourneyMapError):
                    m.set_lane(stage, key, [*m.stage(stage).get(key), item])


def texts_of(m: jk.JourneyMap) -> list[str]:
    """Every text the map holds, the new fields' included."""
    out = [m.based_on]
    for stage in m.stages:
        for spec in jk.LANES:
            value = stage.get(spec.key)
            for item in value if isinstance(value, list) else []:
                out.append(str(item))
                out += [str(v) for v in getattr(item, "attributes", {}).values()]
    return [text for text in out if text.strip()]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_the_new_fields_survive_save_every_export_and_reload(tmp_path, data):
    m = jk.JourneyMap.new("five-stage-decision", title="Shop")
    fill(m, data)
    saved = m.save(tmp_path / "map.json")
    back = jk.load_map(saved)
    assert back == m
    for to in ("html", "md", "csv", "mermaid", "json"):
        out = jk.export_map(back, to, tmp_path / f"map.{to}")
        out.read_bytes().decode("utf-8")
    assert jk.load_map(tmp_path / "map.json") == m
    table = export.read_csv(tmp_path / "map.csv")
    assert jk.JourneyMap.from_frame(table, m.framework, m.title, m.persona).stages == m.stages
    page = (tmp_path / "map.html").read_text(encoding="utf-8")
    for text in texts_of(m):
        lines = html.escape(text, quote=True).split("\n")
        assert all(line in page for line in lines), text
    version = json.loads(saved.read_text("utf-8"))["schema_version"]
    uses_new = any(
        [m.state, m.based_on]
        + [s.get(k) for s in m.stages for k in ("frontstage_actions", "backstage_actions")]
        + [s.get("support_processes") for s in m.stages]
        + [getattr(i, "attributes", {}) for s in m.stages for k in LIST_LANES for i in s.get(k)]
    )
    assert version == (2 if uses_new else 1)


def test_files_of_the_first_format_load_and_are_saved_back_unchanged(tmp_path):
    """Every format-1 map the kit ships (the examples, the sample class) loads, and a map
    that uses nothing new is saved back byte for byte."""
    broken = ("late_submission.json", "old_version.json")  # on purpose: datasets/README.md
    old = [
        p
        for p in sorted(datasets_dir().rglob("*.json"))
        if p.name not in broken and json.loads(p.read_text("utf-8-sig"))["schema_version"] == 1
    ]
    assert len(old) > 20
    for path in old:
        m = jk.load_map(path)
        assert m.to_json() == path.read_text("utf-8-sig").replace("\r\n", "\n"), path.name
