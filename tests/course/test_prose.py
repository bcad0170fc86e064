"""Everything the kit shows learners is written in our own words.

The team's checker (``../shared/tools/seed_overlap.py``, beside the repository
in the team's checkout and on CI) lists any passage that repeats eight or more
consecutive words of a source text. Facts, names and figures may carry over;
sentences may not.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT.parent / "shared" / "tools" / "seed_overlap.py"
LEARNER_FACING = ["notebooks", "exercises", "journeykit", "datasets", "docs", "README.md"]


def test_no_sentence_is_copied_from_the_source_texts():
    if not CHECKER.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the seed checker is missing at {CHECKER}")
        pytest.skip("the team's seed checker is not beside this checkout")
    result = subprocess.run([sys.executable, str(CHECKER), *LEARNER_FACING], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout
