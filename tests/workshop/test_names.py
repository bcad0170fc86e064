"""Whatever a participant types as a name, their map stays in the room folder and is theirs.

The name a page sends is untrusted (a participant can set any value of their
own widgets), so these tests throw path separators, ``..``, names Windows
reserves, 10,000 characters, markup and control characters at the same
functions the page calls, and race two devices for one name.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journeykit.errors import JourneyMapError
from journeykit.workshop.names import (
    MAX_STEM,
    STEM,
    WINDOWS_RESERVED,
    claim,
    clean_name,
    file_stem,
    map_file,
    remember,
    remembered,
)

#: Names that try to leave the room folder, trouble a file system or inject markup.
HOSTILE_NAMES = [
    "../../escape",
    "..\\..\\windows\\system32",
    "/etc/passwd",
    "C:\\Users\\x",
    "..",
    ".",
    "Ana/../../../tmp/x",
    "CON",
    "nul",
    "Com1",
    "LPT9",
    "aux.json",
    "x" * 10_000,
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "a\x00b",
    "\u202eana",
    "名前",
    "   ",
    "-",
    "ana.json.bak",
    ".owners",
    "~root",
    "$HOME",
    "%APPDATA%",
]


@pytest.mark.parametrize("typed", HOSTILE_NAMES)
def test_any_name_becomes_a_plain_file_inside_the_room(tmp_path: Path, typed: str) -> None:
    room = tmp_path / "rooms" / "bakery"
    stem = claim(room, file_stem(typed), "a" * 32)
    path = map_file(room, stem)
    path.write_text("{}", encoding="utf-8")
    assert STEM.fullmatch(stem) and len(stem) <= MAX_STEM + 2
    assert stem not in WINDOWS_RESERVED
    assert path.resolve().parent == room.resolve()
    outside = [
        p
        for p in tmp_path.rglob("*")
        if room not in p.parents and p != room and p not in room.parents
    ]
    assert outside == []


def test_reserved_windows_names_get_a_suffix() -> None:
    assert [file_stem(name) for name in ("CON", "prn", "Aux", "NUL", "com0", "lpt1")] == [
        "con-1",
        "prn-1",
        "aux-1",
        "nul-1",
        "com0-1",
        "lpt1-1",
    ]
    assert file_stem("Connor") == "connor"


def test_the_title_keeps_the_name_but_not_its_control_characters() -> None:
    assert clean_name("  Zoë\n\t O'Brien \x00") == "Zoë O'Brien"
    assert len(clean_name("y" * 10_000)) == 60


def test_map_file_refuses_what_file_stem_cannot_make(tmp_path: Path) -> None:
    for bad in ("../x", "a/b", "A", "con", "", "a..b", "-a"):
        with pytest.raises(JourneyMapError):
            map_file(tmp_path, bad)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_every_text_gives_a_safe_stem(typed: str) -> None:
    stem = file_stem(typed)
    assert STEM.fullmatch(stem), stem
    assert stem not in WINDOWS_RESERVED and len(stem) <= MAX_STEM + 2


def test_two_devices_racing_for_one_name_get_two_maps(tmp_path: Path) -> None:
    owners = [f"{n:02x}" * 16 for n in range(8)]
    stems: list[str] = []
    start = threading.Barrier(len(owners))

    def join(owner: str) -> None:
        start.wait()
        stems.append(claim(tmp_path, "ana", owner))

    threads = [threading.Thread(target=join, args=(owner,)) for owner in owners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(stems) == sorted(["ana", *(f"ana-{n}" for n in range(2, 9))])


def test_the_same_browser_gets_its_own_name_back(tmp_path: Path) -> None:
    me, other = "1" * 32, "2" * 32
    stem = claim(tmp_path, "ana", me)
    remember(tmp_path, me, stem)
    assert claim(tmp_path, "ana", other) == "ana-2"
    assert remembered(tmp_path, me) == "ana"
    assert remembered(tmp_path, other) is None


def test_a_forged_browser_id_opens_nothing(tmp_path: Path) -> None:
    me = "3" * 32
    remember(tmp_path, me, claim(tmp_path, "ana", me))
    for forged in ("../.owners/ana", "3" * 31, "3" * 33, "X" * 32, "", "b" * 32):
        assert remembered(tmp_path, forged) is None
    assert not (tmp_path / ".browsers" / ("3" * 31)).exists()


def test_a_map_nobody_claimed_is_never_handed_out(tmp_path: Path) -> None:
    (tmp_path / "ana.json").write_text("{}", encoding="utf-8")  # copied in by the facilitator
    assert claim(tmp_path, "ana", "4" * 32) == "ana-2"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_shared_room_folder_shares_its_hidden_folders(tmp_path: Path) -> None:
    # On a hub every participant is a system user of their own; the admin makes the room
    # folder writable by all with the sticky bit, and the claims folder must be so too.
    tmp_path.chmod(0o1777)
    claim(tmp_path, "ana", "5" * 32)
    assert (tmp_path / ".owners").stat().st_mode & 0o1777 == 0o1777
    private = tmp_path / "private"
    private.mkdir(mode=0o755)
    claim(private, "ana", "5" * 32)
    assert (private / ".owners").stat().st_mode & 0o002 == 0


def test_reopening_gives_back_the_places_nobody_used(tmp_path: Path) -> None:
    import journeykit as jk
    from journeykit.workshop.names import claimed_stems, tidy_claims

    room = tmp_path / "bakery"
    used, unused = claim(room, "ana", "a" * 32), claim(room, "bot", "b" * 32)
    remember(room, "a" * 32, used)
    written = jk.JourneyMap.new("five-stage", title="Ana")
    written.set_lane("Awareness", "touchpoints", ["Shop window"])
    written.save(map_file(room, used))
    jk.JourneyMap.new("five-stage", title="bot").save(map_file(room, unused))  # never edited
    assert tidy_claims(room) == ["bot"]
    assert claimed_stems(room) == ["ana"] and not map_file(room, "bot").exists()
    assert remembered(room, "a" * 32) == "ana"
    assert tidy_claims(room, keep_people=False) == ["ana"]  # new links: a new group
    assert claimed_stems(room) == [] and remembered(room, "a" * 32) is None
    assert map_file(room, "ana").exists()  # the map stays for the debrief


def test_freeing_a_place_keeps_every_word(tmp_path: Path) -> None:
    import journeykit as jk
    from journeykit.workshop.names import claimed_stems, free_claim

    room = tmp_path / "bakery"
    for stem in ("ana", "bot"):
        claim(room, stem, (stem[0] * 32).replace("o", "b"))
        jk.JourneyMap.new("five-stage", title=stem).save(map_file(room, stem))
    written = jk.load_map(map_file(room, "ana"))
    written.set_lane("Awareness", "goal", "Find a gift")
    written.save(map_file(room, "ana"))
    assert free_claim(room, "ana") and free_claim(room, "bot")
    assert not free_claim(room, "bot") and not free_claim(room, "../x")
    assert claimed_stems(room) == []
    assert jk.load_map(map_file(room, "ana")).stage("Awareness").goal == "Find a gift"
    assert not map_file(room, "bot").exists() and list((room / ".freed").glob("bot-*.json"))
