"""``tools/ensure_test_deps.py`` installs Java so that it also works on slim Debian images."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

TOOL = Path(__file__).resolve().parent.parent / "tools" / "ensure_test_deps.py"


@pytest.fixture
def deps(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> ModuleType:
    """The tool as a module, on a pretend Linux with apt-get, Java missing, run as root,
    its manual-page folder moved under ``tmp_path`` (where a slim image has none)."""
    spec = importlib.util.spec_from_file_location("ensure_test_deps", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "MAN1", tmp_path / "usr" / "share" / "man" / "man1")
    monkeypatch.setattr(module.sys, "platform", "linux")
    monkeypatch.setattr(module.shutil, "which", lambda name, path=None: f"/usr/bin/{name}")
    monkeypatch.setattr(module.os, "geteuid", lambda: 0, raising=False)
    return module


def test_the_man_folder_is_made_before_apt_installs_java(
    deps: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed: list[tuple[str, bool]] = []

    def apt_install(package: str) -> bool:
        # OpenJDK's set-up script links java.1.gz into MAN1 while apt runs
        installed.append((package, deps.MAN1.is_dir()))
        return True

    monkeypatch.setattr(deps, "apt_install", apt_install)
    monkeypatch.setattr(deps, "java_version", lambda: 17 if installed else None)
    assert not deps.MAN1.exists()
    assert deps.ensure_java()
    assert installed == [("default-jre-headless", True)]


def test_a_java_already_there_installs_nothing(
    deps: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deps, "apt_install", lambda package: pytest.fail("apt ran"))
    monkeypatch.setattr(deps, "java_version", lambda: 21)
    assert deps.ensure_java()
    assert not deps.MAN1.exists()
