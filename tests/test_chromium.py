"""Finding the machine's browser: the learner's choice first, then choreographer's search."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from journeykit.chromium import find_chromium


def fake_browser(folder: Path, name: str) -> Path:
    path = folder / (name + (".exe" if sys.platform == "win32" else ""))
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_the_learners_choice_wins(tmp_path, monkeypatch):
    chosen = fake_browser(tmp_path, "my-chromium")
    monkeypatch.setenv("JOURNEYKIT_CHROMIUM", str(chosen))
    assert find_chromium() == chosen
    monkeypatch.setenv("JOURNEYKIT_CHROMIUM", str(tmp_path / "gone"))
    assert find_chromium() is None, "a wrong path is not silently replaced by another browser"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows also asks its registry first")
def test_a_browser_on_the_path_is_found_as_kaleido_finds_it(tmp_path, monkeypatch):
    from choreographer.browsers.chromium import Chromium

    monkeypatch.delenv("JOURNEYKIT_CHROMIUM", raising=False)
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    chrome = fake_browser(tmp_path, "google-chrome")
    monkeypatch.setenv("PATH", str(tmp_path) + os.pathsep + os.environ.get("PATH", ""))
    assert find_chromium() == chrome
    assert str(find_chromium()) == Chromium.find_browser(skip_local=True)
