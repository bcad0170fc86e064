"""Two editors on one map file: nothing either learner typed is ever lost.

Learners open the same file twice all the time: notebook 07 and exercise ex07
both open ``my_business.json``, a second browser tab, a cell run again. The
first test runs two real kernels, as JupyterLab does for two notebooks, each
with ``jk.editor(path)`` and its own autosave timer; the others drive two
editors in this process to check the details a learner sees (fields, status
line, the ``.bak`` and ``.conflict-`` files).
"""

from __future__ import annotations

import json
import textwrap
import time
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.figures.theme import PAIN

from .kernels import kernels

PATH = "my_maps/shop.json"

#: Run in each kernel: an editor on the shared file, and typing that waits for the autosave.
KERNEL_SETUP = textwrap.dedent(f"""
    import time
    import journeykit as jk
    ed = jk.editor({PATH!r}, framework="eight-stage")

    def type_into(field, text):
        before = ed.last_saved
        ed.fields[field].input.value = text
        deadline = time.monotonic() + 30
        while (ed.last_saved == before or ed.save_pending) and time.monotonic() < deadline:
            time.sleep(0.05)  # the autosave timer alone writes the file
        assert ed.last_saved != before, ed.status
""")


def saved(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def lane(data: dict, stage: int, key: str):
    return data["stages"][stage][key]


def conflict_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.conflict-*.json"))


def test_two_kernels_editing_one_map_keep_every_edit(tmp_path: Path) -> None:
    with kernels(2, tmp_path) as (first, second):
        first.run(KERNEL_SETUP)
        second.run(KERNEL_SETUP)

        # the report in issue 15: a touchpoint in one, another lane in the other
        first.run('type_into("Aware.touchpoints", "Instagram ad")')
        second.run('type_into("Engage.goal", "Compare prices")')
        data = saved(tmp_path / PATH)
        assert lane(data, 0, "touchpoints") == ["Instagram ad"]
        assert lane(data, 1, "goal") == "Compare prices"
        assert second.value('ed.fields["Aware.touchpoints"].input.value') == "Instagram ad"
        assert "Merged in changes saved elsewhere to Aware: touchpoints" in second.value(
            "ed.status"
        )
        second.run('type_into("Engage.pain_points", "Too many tabs")')  # one more save
        backup = saved(tmp_path / (PATH + ".bak"))
        assert lane(backup, 0, "touchpoints") == ["Instagram ad"], "the .bak is not stale"

        # both change the same text: one in the file, the other kept beside it
        first.run('type_into("Engage.goal", "Find the cheapest")')
        [aside] = conflict_files(tmp_path / "my_maps")
        assert lane(saved(aside), 1, "goal") == "Compare prices"
        assert lane(saved(tmp_path / PATH), 1, "goal") == "Find the cheapest"
        assert aside.name in first.value("ed.status")

        # both add to the same list: the items of both
        second.run('type_into("Subscribe.touchpoints", "Sign-up form")')
        first.run('type_into("Subscribe.touchpoints", "Newsletter")')
        assert sorted(lane(saved(tmp_path / PATH), 2, "touchpoints")) == [
            "Newsletter",
            "Sign-up form",
        ]
        assert "the items of both are kept" in first.value("ed.status")

        # one more save each, and both editors show what the file holds
        for kernel in (second, first, second):
            kernel.run("ed.save()")
        final = saved(tmp_path / PATH)
        for kernel in (first, second):
            assert kernel.value("ed.map.to_dict()") == final
        assert second.value('ed.fields["Engage.goal"].input.value') == "Find the cheapest"
        assert lane(final, 1, "pain_points") == ["Too many tabs"]
        assert lane(final, 0, "touchpoints") == ["Instagram ad"]


# ----- two editors in one process: what the learner sees ----------------------------------------
@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def two_editors() -> tuple[jk.Editor, jk.Editor]:
    first = jk.editor(PATH, framework="five-stage")
    second = jk.editor(PATH)
    for ed in (first, second):
        ed._saver._debouncer.delay = 60  # these tests save by hand
    return first, second


def test_changes_from_the_other_editor_reach_the_fields_the_preview_and_the_status(
    workdir: Path,
) -> None:
    first, second = two_editors()
    first.set_lane("Awareness", "touchpoints", ["Shop window"])
    first.save()
    drawn = second.preview_revision
    second.set_lane("Purchase", "kpis", ["Orders"])
    assert second.save() == Path(PATH)
    assert second.fields["Awareness.touchpoints"].input.value == "Shop window"
    second.flush()
    assert second.preview_revision > drawn, "the preview shows the merged map"
    assert second.status.endswith("Merged in changes saved elsewhere to Awareness: touchpoints.")
    assert not second.save_pending, "taking the other side's change is not a new edit"
    assert jk.load_map(PATH) == second.map
    assert not conflict_files(workdir / "my_maps")


def test_a_field_both_changed_keeps_both_versions_and_says_where(workdir: Path) -> None:
    first, second = two_editors()
    first.set_lane("Purchase", "emotion_score", 2)
    first.set_title("Corner shop: first order")
    first.save()
    second.set_lane("Purchase", "emotion_score", 4)
    second.save()
    [aside] = conflict_files(workdir / "my_maps")
    assert jk.load_map(aside).stage("Purchase").emotion_score == 2, "the copy loads as a map"
    assert jk.load_map(PATH).stage("Purchase").emotion_score == 4
    assert jk.load_map(PATH).title == "Corner shop: first order", "the rest is merged"
    assert (
        f"Purchase: emotion score changed here and elsewhere: yours is saved, the other "
        f"version is kept in {aside.name}."
    ) in second.status
    assert PAIN in second.status_line.value, "a conflict is shown in the warning colour"
    assert jk.load_map(PATH + ".bak").stage("Purchase").emotion_score == 2
    second.set_lane("Advocacy", "messages", ["Tell a friend"])
    second.save()
    assert second.status.endswith(f"the other version is kept in {aside.name}."), (
        "the note stays while the learner keeps typing"
    )


def test_a_cell_run_again_opens_a_second_editor_that_merges_with_the_first(workdir: Path) -> None:
    old = jk.editor(PATH, framework="six-stage")
    old._saver._debouncer.delay = 60
    old.set_lane("Discover", "touchpoints", ["Trade fair"])  # still waiting for its save
    new = jk.editor(PATH)  # the cell run again
    new.set_lane("Engage", "goal", "Book a demo")
    new.save()
    old.close()  # what a kernel restart does with the waiting save
    back = jk.load_map(PATH)
    assert back.stage("Discover").touchpoints == ["Trade fair"]
    assert back.stage("Engage").goal == "Book a demo"


def test_saving_an_unchanged_map_leaves_the_file_and_its_backup_alone(workdir: Path) -> None:
    first, _ = two_editors()
    first.set_lane("Awareness", "goal", "Notice the shop")
    first.save()
    first.set_lane("Awareness", "goal", "Notice the new shop")
    first.save()
    backup = Path(PATH + ".bak").read_bytes()
    stamp = Path(PATH).stat().st_mtime_ns
    time.sleep(0.01)
    first.save()
    assert Path(PATH + ".bak").read_bytes() == backup, "the backup still holds the older save"
    assert Path(PATH).stat().st_mtime_ns == stamp
