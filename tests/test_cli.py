"""The journeykit command: readable output, exit codes, never a traceback."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.cli import main


def run(*args):
    """Run the real installed command, as a learner would."""
    return subprocess.run(
        [sys.executable, "-m", "journeykit.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_frameworks_lists_every_framework_with_its_stages(capsys):
    assert main(["frameworks"]) == 0
    out = capsys.readouterr().out
    for framework_id in jk.framework_ids():
        assert framework_id in out
        assert " > ".join(jk.get_framework(framework_id).stage_names) in out


def test_crosswalk_prints_one_line_per_link(capsys):
    assert main(["crosswalk", "five-stage", "five-stage-decision"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(jk.crosswalk("five-stage", "five-stage-decision"))
    assert any(line.startswith("Purchase") and "Decision" in line for line in lines)


def test_new_then_validate(tmp_path):
    path = tmp_path / "shop.json"
    made = run("new", "--framework", "eight-stage", "-o", path, "--title", "My shop")
    assert made.returncode == 0, made.stderr
    assert jk.load_map(path).stage_names == jk.get_framework("eight-stage").stage_names
    checked = run("validate", path)
    assert checked.returncode == 0
    assert "valid eight-stage map" in checked.stdout


def test_new_never_overwrites_work_without_force(tmp_path, capsys):
    path = tmp_path / "shop.json"
    jk.example("clothing-store").save(path)
    assert main(["new", "--framework", "six-stage", "-o", str(path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert jk.load_map(path).framework == "five-stage-decision"


def test_validate_prints_one_line_per_problem_and_exits_1(tmp_path):
    data = jk.example("clothing-store").to_dict()
    data["stages"][0]["emotion"]["score"] = 9
    data["framework"] = "nine-stage"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("validate", path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith(str(path)) for line in lines)
    assert "Traceback" not in result.stderr


def test_validate_broken_json_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "schema_version": 1\n  "framework": "six-stage"\n}', encoding="utf-8")
    result = run("validate", path)
    assert result.returncode == 1
    assert "line 3, column 3" in result.stderr
    assert "comma is missing" in result.stderr


def test_unknown_framework_is_one_readable_line(capsys, tmp_path):
    assert main(["new", "--framework", "ten-stage", "-o", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "six-stage" in err


def test_usage_errors_exit_2():
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2


def test_lab_without_a_display_prints_the_url_instead_of_opening_a_browser(monkeypatch):
    from journeykit import cli

    monkeypatch.setattr(cli.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    calls = []
    monkeypatch.setattr(cli, "run_in_place", lambda command, env=None: calls.append(command) or 0)
    monkeypatch.setattr(cli, "running_as_root", lambda: False)
    assert main(["lab"]) == 0
    assert calls[0][-1] == "--no-browser"
    assert calls[0][4].endswith("00_welcome.ipynb")


def test_lab_is_quiet_and_serves_plotly_without_touching_the_learners_settings(monkeypatch):
    """The kit's JupyterLab only: server options, and setting defaults from the kit's own
    labconfig folder put first on JUPYTER_CONFIG_PATH for that one process."""
    from journeykit import cli

    seen = []
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", "elsewhere")
    monkeypatch.delenv("JOURNEYKIT_PLOTLY_URL", raising=False)
    monkeypatch.setattr(
        cli, "run_in_place", lambda command, env=None: seen.append((command, env)) or 0
    )
    assert main(["lab", "--no-browser"]) == 0
    command, env = seen[0]
    assert "--LabApp.news_url=None" in command
    assert "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate" in command
    assert (
        "--ServerApp.contents_manager_class=journeykit.lab.contents.KernelLanguageContentsManager"
    ) in command
    static = next(o for o in command if o.startswith("--ServerApp.extra_static_paths="))
    assert (Path(static.split("=", 1)[1]) / "plotly.min.js").is_file()
    assert env["JOURNEYKIT_PLOTLY_URL"].startswith("static/plotly.min.js?v=")
    first, *rest = env["JUPYTER_CONFIG_PATH"].split(os.pathsep)
    assert rest == ["elsewhere"]
    overrides = json.loads(
        (Path(first) / "labconfig" / "default_setting_overrides.json").read_text("utf-8")
    )
    assert overrides["@jupyterlab/apputils-extension:notification"] == {
        "fetchNews": "false",
        "checkForUpdates": False,
    }
    # this process is unchanged: only the JupyterLab started with *env* sees the kit's set-up
    assert os.environ["JUPYTER_CONFIG_PATH"] == "elsewhere"
    assert "JOURNEYKIT_PLOTLY_URL" not in os.environ


def test_lab_serves_the_first_notebook_for_real(tmp_path):
    """Start `journeykit lab` as `make lab` does, with no display, and fetch notebook 00:
    served with this Python's language_info, no news, no update check, plotly.js served."""
    from tests.editing.lab_session import journeykit_lab

    root = Path(__file__).resolve().parent.parent
    with journeykit_lab(root, tmp_path) as (_, lab):  # a first start

        def get(path):
            with urllib.request.urlopen(f"{lab.origin}/{path}", timeout=30) as reply:
                return reply.read()

        token = lab.token
        notebook = json.loads(get(f"api/contents/notebooks/00_welcome.ipynb?token={token}"))
        assert notebook["type"] == "notebook"
        assert (
            notebook["content"]["metadata"]["language_info"]["version"] == platform.python_version()
        )
        settings = json.loads(
            get(f"lab/api/settings/@jupyterlab/apputils-extension:notification?token={token}")
        )
        defaults = settings["schema"]["properties"]
        assert defaults["fetchNews"]["default"] == "false"
        assert defaults["checkForUpdates"]["default"] is False
        assert json.loads(get(f"lab/api/news?token={token}")) == {"news": []}
        assert json.loads(get(f"lab/api/update?token={token}"))["notification"] is None
        assert b"plotly" in get("static/plotly.min.js")[:2000]


# ----- journeykit rollup ----------------------------------------------------------------------
def test_rollup_writes_the_page_and_csv_and_names_files_left_out(tmp_path):
    from journeykit.debrief.sample import write_sample_class

    write_sample_class(tmp_path / "collected", count=6, seed=2)
    out = tmp_path / "debrief" / "class.html"
    done = run("rollup", tmp_path / "collected", "-o", out, "--csv")
    assert done.returncode == 0, done.stderr
    assert out.is_file() and out.with_suffix(".csv").is_file()
    assert "6 maps" in done.stdout and f"Wrote {out}" in done.stdout
    problems = done.stderr.splitlines()
    assert any("late_submission.json" in line and "comma" in line for line in problems)
    assert any("old_version.json" in line and "seven-stage" in line for line in problems)
    assert "Traceback" not in done.stderr


def test_rollup_anonymized_page_and_csv_to_a_chosen_file(tmp_path):
    jk.example().save(tmp_path / "in" / "priya_bakery.json")
    table = tmp_path / "table.csv"
    done = run("rollup", tmp_path / "in", "-o", tmp_path / "c.html", "--csv", table, "--anonymize")
    assert done.returncode == 0, done.stderr
    assert "priya" not in table.read_text("utf-8") and "Participant 1" in table.read_text()
    assert "priya" not in (tmp_path / "c.html").read_text("utf-8")


@pytest.mark.parametrize("setup", ["empty", "missing", "all-broken"])
def test_rollup_of_nothing_readable_exits_1_with_a_fix(tmp_path, setup):
    folder = tmp_path / "collected"
    if setup != "missing":
        folder.mkdir()
    if setup == "all-broken":
        (folder / "a.json").write_text("{")
    done = run("rollup", folder, "-o", tmp_path / "class.html")
    assert done.returncode == 1
    assert "Fix:" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "class.html").exists()


def test_rollup_shows_a_progress_bar_on_a_large_folder(tmp_path, capsys):
    from journeykit.cli import ProgressBar

    for i in range(ProgressBar.SHOW_FROM):
        jk.JourneyMap.new("six-stage", title=f"m{i}").save(tmp_path / "big" / f"m{i:02d}.json")
    assert main(["rollup", str(tmp_path / "big"), "-o", str(tmp_path / "c.html")]) == 0
    err = capsys.readouterr().err
    total = ProgressBar.SHOW_FROM
    assert f"Reading maps [{'#' * ProgressBar.WIDTH}] {total}/{total}" in err
    assert err.count("\r") <= ProgressBar.WIDTH + 1, "the bar redraws only when it grows"
    (tmp_path / "small").mkdir()
    jk.example().save(tmp_path / "small" / "one.json")
    assert main(["rollup", str(tmp_path / "small"), "-o", str(tmp_path / "d.html")]) == 0
    assert "Reading maps" not in capsys.readouterr().err, "no bar for a small folder"
