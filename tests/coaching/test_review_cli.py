"""``journeykit review FILE...``: one line per finding, exit 1 when anything is to fix."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from journeykit.cli import main

DATA = Path(__file__).resolve().parent / "data"
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "datasets" / "clothing-store.json"


def test_a_map_with_nothing_to_fix_exits_0_with_one_line_per_finding(capsys):
    assert main(["review", str(EXAMPLE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    findings, total = lines[:-1], lines[-1]
    assert findings and all(line.startswith(f"{EXAMPLE}: ") for line in lines)
    assert all(line.rstrip().endswith("]") for line in findings)  # each names its rule id
    assert total == f"{EXAMPLE}: 0 to fix, 3 to improve, 6 done well"


def test_a_map_with_a_fix_exits_1_and_names_the_rule(capsys):
    path = DATA / "dip-without-pain-point.json"
    assert main(["review", "--no-praise", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{path}: fix ")
    assert out[0].endswith("[dip-without-pain-point]")
    assert "Consideration" in out[0]
    assert not any(" praise " in line for line in out)


def test_one_failing_file_fails_the_run_and_every_file_is_still_reviewed(capsys):
    clean = DATA / "clean" / "bike-repair.json"
    assert main(["review", str(DATA / "stops-at-purchase.json"), str(clean)]) == 1
    out = capsys.readouterr().out
    assert "[stops-at-purchase]" in out
    assert f"{clean}: 0 to fix, 0 to improve" in out


def test_a_broken_file_prints_its_problems_and_counts_as_a_failure(tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text('{"framework": "five-stage",\n "stages": [}', encoding="utf-8")
    assert main(["review", str(broken), str(EXAMPLE)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{broken}: line 2")
    assert "Traceback" not in captured.err
    assert f"{EXAMPLE}: 0 to fix" in captured.out


def test_compare_with_adds_the_examples_lanes(capsys):
    path = DATA / "clean" / "yoga-studio.json"
    assert main(["review", "--compare-with", "clothing-store", str(path)]) == 0
    assert "[example-lane-missing]" in capsys.readouterr().out


def test_the_installed_command_runs_with_odd_unicode_in_a_narrow_console(tmp_path):
    """Learners' text that the console cannot encode is replaced, never a traceback."""
    path = tmp_path / "unicode.json"
    shutil.copy(DATA / "goal-is-internal-step.json", path)
    text = path.read_text("utf-8").replace("Upsell campaign", "Upsell campaign 🚲 李")
    path.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "journeykit.cli", "review", str(path)],
        capture_output=True,
        env={"PYTHONIOENCODING": "ascii", "PATH": ""},
        cwd=ROOT,
    )
    assert run.returncode == 1, run.stderr.decode()
    out = run.stdout.decode("ascii")
    assert "[goal-is-internal-step]" in out and "Upsell campaign ? ? for" in out
