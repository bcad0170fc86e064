"""Merging two versions of one map, and two editors saving to one file in any order.

The unit tests pin the merge rules field by field. The property tests play
random interleavings of two editors (and a learner editing the file by hand)
and check that no edit is ever lost: every value anyone typed is still in the
map file or in a ``.conflict-`` copy beside it, unless someone who could see
it replaced it on purpose.
"""

from __future__ import annotations

import itertools
import tempfile
import warnings
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import journeykit as jk
from journeykit.model.merging import field_values, merge_items, merge_saved, with_values


def base_map() -> jk.JourneyMap:
    m = jk.JourneyMap.new("five-stage", title="Corner shop")
    m.set_lane("Awareness", "touchpoints", ["Shop window", "Flyer"])
    m.set_lane("Purchase", "goal", "Pay quickly")
    return m


def merged(change_ours, change_theirs):
    base = base_map()
    ours, theirs = base.copy(), base.copy()
    change_ours(ours)
    change_theirs(theirs)
    return merge_saved(base.to_dict(), ours.to_dict(), theirs.to_dict())


def as_map(merge) -> jk.JourneyMap:
    return jk.JourneyMap.from_dict(merge.data)


# ----- the rules, field by field --------------------------------------------------------------
def test_changes_to_different_fields_are_all_kept():
    result = merged(
        lambda m: m.set_lane("Awareness", "touchpoints", ["Shop window"]),
        lambda m: (
            m.set_title("Corner shop: lunch"),
            m.set_persona(goals=["Eat well"]),
            m.set_lane("Purchase", "emotion_score", 4),
        ),
    )
    m = as_map(result)
    assert m.stage("Awareness").touchpoints == ["Shop window"], "our removal stays"
    assert (m.title, m.persona.goals) == ("Corner shop: lunch", ["Eat well"])
    assert m.stage("Purchase").emotion_score == 4
    assert result.taken == ("title", "persona.goals", "stages[2].emotion.score")
    assert result.conflicts == () and not result.needs_copy


def test_a_list_both_changed_keeps_what_each_side_added_and_drops_what_one_removed():
    result = merged(
        lambda m: m.set_lane("Awareness", "touchpoints", ["Shop window", "Flyer", "Radio"]),
        lambda m: m.set_lane("Awareness", "touchpoints", ["Flyer", "Instagram"]),
    )
    assert as_map(result).stage("Awareness").touchpoints == ["Flyer", "Instagram", "Radio"]
    assert result.combined == ("stages[0].touchpoints",)
    assert not result.needs_copy


def test_the_same_edit_on_both_sides_is_no_conflict():
    result = merged(
        lambda m: m.set_lane("Awareness", "kpis", ["Footfall"]),
        lambda m: m.set_lane("Awareness", "kpis", ["Footfall"]),
    )
    assert as_map(result).stage("Awareness").kpis == ["Footfall"]
    assert result.taken == result.combined == result.conflicts == ()


def test_text_or_score_both_changed_keeps_ours_and_reports_a_conflict():
    result = merged(
        lambda m: (
            m.set_lane("Purchase", "goal", "Pay by card"),
            m.set_lane("Purchase", "emotion_score", 2),
        ),
        lambda m: (
            m.set_lane("Purchase", "goal", "Pay with my phone"),
            m.set_lane("Purchase", "emotion_score", 5),
        ),
    )
    m = as_map(result)
    assert (m.stage("Purchase").goal, m.stage("Purchase").emotion_score) == ("Pay by card", 2)
    assert result.conflicts == ("stages[2].goal", "stages[2].emotion.score")
    assert result.needs_copy


def test_another_framework_on_disk_cannot_be_merged_field_by_field():
    base = base_map()
    theirs = jk.JourneyMap.new("six-stage", title="Corner shop")
    result = merge_saved(base.to_dict(), base.to_dict(), theirs.to_dict())
    assert result.mismatch.startswith("the file now holds a six-stage map")
    assert result.data == base.to_dict() and result.needs_copy


def test_field_values_and_with_values_are_inverse():
    data = jk.example("clothing-store").to_dict()
    values = field_values(data)
    assert with_values(jk.JourneyMap.new("five-stage-decision").to_dict(), values) == data


# ----- merging the items of one list ------------------------------------------------------------
items = st.lists(st.sampled_from("abcde"), max_size=6)


@settings(max_examples=400, deadline=None)
@given(base=items, ours=items, theirs=items)
def test_merged_items_keep_every_addition_and_every_one_sided_removal(base, ours, theirs):
    result = merge_items(base, ours, theirs)
    b, o, t, r = Counter(base), Counter(ours), Counter(theirs), Counter(result)
    for item in set(base) | set(ours) | set(theirs):
        if o[item] == b[item]:
            assert r[item] == t[item], f"only theirs changed {item!r}"
        elif t[item] == b[item]:
            assert r[item] == o[item], f"only ours changed {item!r}"
        elif o[item] > b[item] and t[item] > b[item]:
            assert r[item] == max(o[item], t[item]), f"both added {item!r}: kept once"
        else:
            assert r[item] >= min(o[item], t[item])
    if ours == base:
        assert result == theirs
    if theirs == base:
        assert result == ours


# ----- two editors, any interleaving --------------------------------------------------------------
TEXT_FIELDS = ("title", "persona.name", "stages[0].goal", "stages[2].goal")
LIST_FIELDS = (
    "persona.goals",
    "stages[0].touchpoints",
    "stages[1].touchpoints",
    "stages[2].emotion.words",
)
FIELDS = TEXT_FIELDS + LIST_FIELDS

step = st.one_of(
    st.tuples(
        st.just("edit"),
        st.sampled_from("AB"),
        st.sampled_from(FIELDS),
        st.integers(0, 3),
        st.booleans(),
    ),
    st.tuples(st.just("save"), st.sampled_from("AB")),
    st.tuples(st.just("by hand"), st.sampled_from(FIELDS)),
)


class Room:
    """Two maps loaded from one file, a record of every value typed, and who saw what."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "shop.json"
        base_map().save(self.path)
        self.editors = {"A": jk.load_map(self.path), "B": jk.load_map(self.path)}
        self.typed: dict[str, set[str]] = {f: set() for f in FIELDS}
        self.dropped: dict[str, set[str]] = {f: set() for f in FIELDS}
        self.names = (f"v{n}" for n in itertools.count())

    def items(self, m: jk.JourneyMap, path: str) -> list[str]:
        value = field_values(m.to_dict())[path]
        return value if isinstance(value, list) else [value] if value else []

    def edit(self, who: str, path: str, drop: int, add: bool) -> None:
        m = self.editors[who]
        before = self.items(m, path)
        new = next(self.names)
        if path in TEXT_FIELDS:
            after = [new]
        else:
            after = [x for i, x in enumerate(before) if i != drop] + ([new] if add else [])
        self.typed[path] |= set(after) - set(before)
        self.dropped[path] |= set(before) - set(after)  # seen, and replaced on purpose
        m.set_field(path, after if path in LIST_FIELDS else after[0])

    def save(self, who: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", jk.MergeWarning)
            self.editors[who].save(self.path, merge=True)

    def by_hand(self, path: str) -> None:
        """A learner changes the file in a text editor (no lock, no merge)."""
        m = jk.load_map(self.path)
        new = next(self.names)
        self.typed[path].add(new)
        if path in TEXT_FIELDS:  # replaced by someone who could see it
            self.dropped[path] |= set(self.items(m, path))
        value = new if path in TEXT_FIELDS else [*self.items(m, path), new]
        m.set_field(path, value)
        self.path.write_text(m.to_json(), encoding="utf-8")

    def everything_kept(self) -> dict[str, set[str]]:
        versions = [self.path, *self.path.parent.glob("*.conflict-*.json")]
        kept: dict[str, set[str]] = {f: set() for f in FIELDS}
        for version in versions:
            m = jk.load_map(version)
            for path in FIELDS:
                kept[path] |= set(self.items(m, path))
        return kept


@settings(max_examples=150, deadline=None)
@given(steps=st.lists(step, max_size=25))
def test_no_edit_is_lost_in_any_interleaving_of_two_editors(steps):
    with tempfile.TemporaryDirectory() as folder:
        room = Room(Path(folder))
        for kind, *args in steps:
            {"edit": room.edit, "save": room.save, "by hand": room.by_hand}[kind](*args)
        for who in "ABA":  # everyone saves once more, as the autosave would
            room.save(who)
        kept = room.everything_kept()
        for path in FIELDS:
            lost = room.typed[path] - room.dropped[path] - kept[path]
            assert not lost, f"{path}: {sorted(lost)} typed and never replaced, but gone"
        file = jk.load_map(room.path)
        assert room.editors["A"] == file and room.editors["B"] == file, "both show the file"
