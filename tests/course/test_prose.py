"""Everything the kit shows learners is written in our own words.

The team's checker (``../shared/tools/seed_overlap.py``, beside the repository
in the team's checkout and on CI) lists any passage that repeats eight or more
consecutive words of a source text (``../shared/seeds/*.txt``). Facts, names and
figures may carry over; sentences may not.

A checker with no source texts, or one that stopped finding anything, would pass
every file, so before it reads the kit it must catch a passage copied on purpose
from each source text.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEARNER_FACING = ["notebooks", "exercises", "journeykit", "datasets", "docs", "README.md"]
CHECKER_PATH = Path("shared") / "tools" / "seed_overlap.py"
#: Words copied into the canary file: well past the checker's eight.
CANARY_WORDS = 16


def find_checker() -> Path | None:
    """``../shared/tools/seed_overlap.py`` beside this checkout, or beside the main checkout
    when this is a git worktree elsewhere."""
    candidates = [ROOT.parent / CHECKER_PATH]
    try:
        common = subprocess.run(
            ["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.strip()
        candidates.append(Path(common).parent.parent / CHECKER_PATH)
    except (OSError, subprocess.SubprocessError):
        pass
    return next((path for path in candidates if path.is_file()), None)


@pytest.fixture(scope="module")
def checker() -> Path:
    found = find_checker()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"the seed checker is missing at {ROOT.parent / CHECKER_PATH}")
        pytest.skip("the team's seed checker is not beside this checkout")
    return found


def run_checker(checker: Path, *paths: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(checker), *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_checker_catches_a_passage_copied_from_each_source_text(checker, tmp_path):
    seeds = sorted(
        path
        for path in (checker.parent.parent / "seeds").glob("*.txt")
        if len(path.read_text(encoding="utf-8").split()) >= CANARY_WORDS
    )
    assert seeds, f"no source texts in {checker.parent.parent / 'seeds'}: nothing is checked"
    for seed in seeds:
        words = seed.read_text(encoding="utf-8").split()
        middle = max(0, len(words) // 2 - CANARY_WORDS // 2)
        canary = tmp_path / f"canary-{seed.stem}.md"
        canary.write_text(" ".join(words[middle : middle + CANARY_WORDS]), encoding="utf-8")
        result = run_checker(checker, canary)
        assert result.returncode == 1 and seed.name in result.stdout, (
            f"the checker missed a passage copied from {seed.name}: {result.stdout!r}"
        )


def test_no_sentence_is_copied_from_the_source_texts(checker):
    result = run_checker(checker, *LEARNER_FACING)
    assert result.returncode == 0, result.stdout
