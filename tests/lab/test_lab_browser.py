"""The kit's JupyterLab in headless Chromium: no news question, nothing fetched, and course
notebooks that open unmodified, also when they were stored with another Python.

The server is started with exactly what ``journeykit lab`` adds (``journeykit.lab``) and a
first-start user set-up: no user setting answers the news question. The page may reach only
that server on 127.0.0.1; every other request is refused and recorded.
"""

from __future__ import annotations

import json
import platform
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.editing.lab_session import (
    Lab,
    journeykit_lab,
    lab_only_page,
    lab_server,
    open_notebook,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
#: A lesson with an editor output, one with stored figures, an exercise.
COURSE = (
    "notebooks/00_welcome.ipynb",
    "notebooks/04_five_stages_in_depth.ipynb",
    "exercises/ex00_welcome.ipynb",
)
#: Seconds to wait after the kernel is idle: the news question and the kernel's
#: language_info both arrive within a moment of the kernel starting.
SETTLE_MS = 3000
TOAST = ".Toastify__toast"

#: Whether the current notebook counts as modified, by its tab and by its model, once the
#: kernel has told JupyterLab its language_info (which JupyterLab then writes into the model).
DIRTY = """async (settle) => {
    const widget = window.jupyterapp.shell.currentWidget;
    await widget.sessionContext.session.kernel.info;
    await new Promise(resolve => setTimeout(resolve, settle));
    const tab = document.querySelector('.lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current');
    return {tab: tab.classList.contains('jp-mod-dirty'), model: widget.context.model.dirty,
            language: widget.context.model.getMetadata('language_info')};
}"""


def fresh_url(lab: Lab, name: str) -> str:
    """*name* opened alone: ``reset`` drops the tabs an earlier page left in the workspace."""
    return lab.notebook_url(name) + "&reset"


def copy_with_language_info(source: Path, target: Path, language_info: dict) -> None:
    nb = json.loads(source.read_text(encoding="utf-8"))
    nb["metadata"]["language_info"] = language_info
    target.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def kit_lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """The kit's JupyterLab on a copy of the course (a learner's first start)."""
    home = tmp_path_factory.mktemp("kit-lab")
    root = home / "course"
    for name in COURSE:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, root / name)
    welcome = ROOT / COURSE[0]
    copy_with_language_info(
        welcome,
        root / "notebooks" / "other_python.ipynb",
        {**json.loads(welcome.read_text("utf-8"))["metadata"]["language_info"], "version": "3.0.1"},
    )
    copy_with_language_info(welcome, root / "notebooks" / "old_stub.ipynb", {"name": "python"})
    with lab_server(root, home / "home", kit=True, news_settings=False) as server:
        yield server


@pytest.fixture
def kit_page(chromium_browser: Any, kit_lab: Lab) -> Iterator[tuple[Any, list[str]]]:
    blocked: list[str] = []
    page = lab_only_page(chromium_browser, kit_lab, blocked)
    try:
        yield page, blocked
    finally:
        page.context.close()


def test_no_news_question_and_nothing_leaves_the_machine(kit_page, kit_lab):
    page, blocked = kit_page
    open_notebook(page, fresh_url(kit_lab, COURSE[0]))
    page.wait_for_timeout(SETTLE_MS)
    toasts = page.locator(TOAST).all_inner_texts()
    assert not [t for t in toasts if "news" in t.lower()], toasts
    assert blocked == [], f"the page tried the network: {blocked}"


@pytest.mark.parametrize(
    "name", [*COURSE, "notebooks/other_python.ipynb", "notebooks/old_stub.ipynb"]
)
def test_a_notebook_a_learner_only_reads_is_never_modified(kit_page, kit_lab, name):
    page, blocked = kit_page
    open_notebook(page, fresh_url(kit_lab, name))
    state = page.evaluate(DIRTY, SETTLE_MS)
    assert state["language"]["version"] == platform.python_version()
    assert not state["tab"] and not state["model"], f"{name} opened as modified: {state}"
    assert blocked == []


def test_the_url_journeykit_lab_prints_opens_notebook_00(chromium_browser, tmp_path):
    """``make lab`` on a machine with no browser prints a URL; opened, it shows notebook 00
    (the README's promise), not the Launcher."""
    course = tmp_path / "course"
    for name in COURSE[:1]:
        (course / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, course / name)
    with journeykit_lab(course, tmp_path / "home") as (url, lab):
        assert re.search(r"/lab/tree/notebooks/00_welcome\.ipynb\?token=", url), url
        blocked: list[str] = []
        page = lab_only_page(chromium_browser, lab, blocked)
        try:
            page.goto(url, wait_until="domcontentloaded")
            page.wait_for_selector(".jp-Notebook .jp-Cell")
            current = page.inner_text(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
            assert current.strip() == "00_welcome.ipynb"
            assert page.locator(".jp-Launcher").count() == 0, "the Launcher opened"
            assert blocked == []
        finally:
            page.context.close()
