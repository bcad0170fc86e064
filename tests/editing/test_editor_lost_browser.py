"""The editor in a real JupyterLab when its kernel or the server goes away, and after reloads.

What a learner meets (issue 22, items 8 and 9), each in headless Chromium:

* the kernel restarts (Kernel > Restart) or crashes: the status line says so at once and
  stops saying it saves; what is typed meanwhile stays in the page and reaches the file
  once the cell runs again;
* the server stops: the page says so at once and keeps the typing in the browser; with the
  server back and the page reloaded, the saved editor output shows the map it carries
  (not "model not found"), and running the cell brings the typing into the file;
* the page is reloaded with the kernel running: a stage tab opens at a click, and an editor
  shows what its file holds even when a newer run of the cell was never saved.

Uses the machine's Chromium through ``chromium_browser`` (tests/conftest.py).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from journeykit.editing.fields import css_name
from tests.editing.lab_session import (
    Lab,
    lab_only_page,
    lab_server,
    open_notebook,
    run_first_code_cell,
    run_lab_command,
    wait_for_idle_kernel,
)
from tests.editing.test_editor_browser import EDITOR_SHOWN, MAP_FILE, NOTEBOOK, TOUCHPOINTS
from tests.editing.test_editor_browser import LabPage as LabPage
from tests.editing.test_editor_browser import lab as lab  # the editor notebook in a JupyterLab
from tests.editing.test_editor_browser import lab_page as lab_page

pytestmark = pytest.mark.browser

STATUS = ".jk-editor .jk-status"
TABS = ".jk-editor .lm-TabBar-tab"
#: How soon the page must tell the truth (seconds): "at once", with room for a loaded machine.
AT_ONCE_S = 5
WAIT_S = 30


def status(page: Any) -> str:
    return page.inner_text(STATUS)


def wait_for_status(page: Any, text: str, seconds: float = WAIT_S) -> None:
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.innerText.includes(text)",
        arg=[STATUS, text],
        timeout=seconds * 1000,
    )


def touchpoints_in_file(folder: Path) -> list[str]:
    path = folder / MAP_FILE
    return json.loads(path.read_text(encoding="utf-8"))["stages"][0]["touchpoints"]


def wait_for_file(folder: Path, predicate: Any, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        if predicate(touchpoints_in_file(folder)):
            return
        time.sleep(0.2)
    pytest.fail(f"after {WAIT_S} s the map file still lacks {what}: {touchpoints_in_file(folder)}")


def type_touchpoint(page: Any, text: str) -> None:
    """Type one more line at the end of the Awareness touchpoints box."""
    page.click(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
    page.click(TOUCHPOINTS)
    page.keyboard.press("Control+End")
    if page.input_value(TOUCHPOINTS):
        page.keyboard.press("Enter")
    page.keyboard.type(text)


def open_and_type_first(page: Any, lab: Lab) -> None:
    open_notebook(page, lab.notebook_url(NOTEBOOK.name))
    run_first_code_cell(page, EDITOR_SHOWN)
    type_touchpoint(page, "Shop window")
    wait_for_file(lab.root_dir, lambda items: items == ["Shop window"], "the first touchpoint")
    wait_for_status(page, "Saved")


def rerun_editor_cell(page: Any) -> None:
    """Run the editor's cell again and wait for its new output (not the old one)."""
    page.evaluate("() => document.querySelector('.jk-editor').dataset.old = 'yes'")
    page.click(".jp-CodeCell .jp-InputArea-editor")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector(".jk-editor:not([data-old]) .jk-preview .js-plotly-plot .main-svg")
    wait_for_idle_kernel(page)


def dismiss_dialog(page: Any) -> None:
    """Accept JupyterLab's dialog if one is open (e.g. "the kernel appears to have died")."""
    dialog = page.locator(".jp-Dialog .jp-mod-accept")
    if dialog.count():
        dialog.first.click()
        page.wait_for_selector(".jp-Dialog", state="detached")


def type_through_events(page: Any, selector: str, text: str) -> None:
    """Add *text* to a box with the events typing fires (beforeinput, then input)."""
    page.evaluate(
        """([selector, text]) => {
            const box = document.querySelector(selector);
            box.dispatchEvent(new InputEvent('beforeinput', {bubbles: true, data: text}));
            box.value += text;
            box.dispatchEvent(new InputEvent('input', {bubbles: true, data: text}));
        }""",
        [selector, text],
    )


def crash_kernel(page: Any) -> None:
    """Kill the kernel's process, as a crash does (JupyterLab's server restarts it)."""
    page.evaluate("""() => {
        const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
        kernel.requestExecute({code: 'import os, signal; os.kill(os.getpid(), signal.SIGKILL)'});
    }""")


@pytest.mark.parametrize("how", ["restart", "crash"])
def test_after_the_kernel_stops_the_page_says_so_and_keeps_the_typing_until_the_cell_runs(
    lab: Lab, lab_page: LabPage, test_output_dir: Path, how: str
) -> None:
    page = lab_page.page
    open_and_type_first(page, lab)

    if how == "restart":
        run_lab_command(page, "kernelmenu:restart")
        page.click(".jp-Dialog .jp-mod-accept")
    else:
        crash_kernel(page)
    wait_for_status(page, "Re-run this cell", AT_ONCE_S)
    assert "Saved" not in status(page) and "saved as you type" not in status(page)
    page.wait_for_timeout(1000)
    dismiss_dialog(page)
    wait_for_idle_kernel(page)

    type_touchpoint(page, "Pop-up stall")
    time.sleep(2)  # longer than the autosave's pause: nothing may save it now
    assert touchpoints_in_file(lab.root_dir) == ["Shop window"]
    assert status(page).startswith("Not saved"), status(page)
    page.locator(".jk-editor").screenshot(path=str(test_output_dir / f"after-{how}.png"))

    rerun_editor_cell(page)  # the cell again: a new editor on the file
    wait_for_file(
        lab.root_dir, lambda items: items == ["Shop window", "Pop-up stall"], "the kept typing"
    )
    wait_for_status(page, "Brought back what was typed while the kernel was away")
    page.click(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
    assert page.input_value(TOUCHPOINTS) == "Shop window\nPop-up stall"
    assert lab_page.blocked == []


@pytest.fixture
def lab_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "lab"
    folder.mkdir()
    shutil.copy(NOTEBOOK, folder / NOTEBOOK.name)
    return folder


def test_when_the_server_stops_the_page_says_so_and_the_typing_survives_a_reload(
    chromium_browser: Any, lab_folder: Path, tmp_path: Path, test_output_dir: Path
) -> None:
    home = tmp_path / "home"
    blocked: list[str] = []
    with lab_server(lab_folder, home, kit=True) as first:
        page = lab_only_page(chromium_browser, first, blocked)
        open_and_type_first(page, first)
        run_lab_command(page, "docmanager:save")  # the output is stored with the notebook
        page.wait_for_function("() => !window.jupyterapp.shell.currentWidget.context.model.dirty")
        port = int(first.origin.rsplit(":", 1)[1])
        first.stop()
        wait_for_status(page, "Not saved: reconnecting", AT_ONCE_S)
        # JupyterLab's modal "Server Connection Error" comes back every few seconds, so the
        # typing arrives as the events a keystroke fires in the box
        type_through_events(page, TOUCHPOINTS, "\nPop-up stall")
        page.locator(".jk-editor").screenshot(path=str(test_output_dir / "server-gone.png"))
        assert touchpoints_in_file(lab_folder) == ["Shop window"]

    with lab_server(lab_folder, home, kit=True, port=port) as second:  # the same origin
        page.goto(second.notebook_url(NOTEBOOK.name), wait_until="domcontentloaded")
        page.wait_for_selector(".jp-Notebook .jp-Cell")
        wait_for_idle_kernel(page)
        carried = page.wait_for_selector(".jk-saved-editor .js-plotly-plot", timeout=WAIT_S * 1000)
        output = page.inner_text(".jp-Cell .jp-OutputArea")
        assert "model not found" not in output
        assert "run the cell again to go on editing" in output
        assert "Browser shop" in carried.inner_text(), "the map as it was when the cell ran"
        page.locator(".jp-Cell .jp-OutputArea").first.screenshot(
            path=str(test_output_dir / "carried-map.png")
        )
        run_first_code_cell(page, EDITOR_SHOWN)
        wait_for_file(
            lab_folder, lambda items: items == ["Shop window", "Pop-up stall"], "the kept typing"
        )
        wait_for_status(page, "Brought back")
        page.context.close()
    assert blocked == []


def test_after_a_reload_the_editor_shows_its_file_and_its_tabs_open(
    lab: Lab, lab_page: LabPage, test_output_dir: Path
) -> None:
    page = lab_page.page
    open_notebook(page, lab.notebook_url(NOTEBOOK.name))
    run_first_code_cell(page, EDITOR_SHOWN)
    run_lab_command(page, "docmanager:save")  # the notebook keeps this run's output ...
    page.wait_for_function("() => !window.jupyterapp.shell.currentWidget.context.model.dirty")
    rerun_editor_cell(page)  # ... and this newer run is never saved
    type_touchpoint(page, "Loyalty card")
    wait_for_file(lab.root_dir, lambda items: items == ["Loyalty card"], "the typing")

    for reload in range(3):
        page.reload(wait_until="domcontentloaded")
        page.wait_for_selector(".jp-Notebook .jp-Cell")
        wait_for_idle_kernel(page)
        page.wait_for_selector(TABS)
        tabs = page.locator(TABS)
        names = tabs.all_inner_texts()
        for index in [2, 4, 1, 3] if reload % 2 else [3, 1, 4, 2]:
            tabs.nth(index).click()
            stage = names[index].split(". ", 1)[1]
            shown = f".{css_name(stage + '.goal')}"
            page.wait_for_selector(shown, state="visible", timeout=AT_ONCE_S * 1000)
            assert "lm-mod-current" in (tabs.nth(index).get_attribute("class") or ""), (
                f"reload {reload}: the click on {names[index]} was ignored"
            )
        tabs.nth(1).click()
        page.wait_for_function(
            "([selector, text]) => document.querySelector(selector)?.value === text",
            arg=[TOUCHPOINTS, "Loyalty card"],
            timeout=AT_ONCE_S * 1000,
        )  # the older editor caught up with the file when it was shown
    page.locator(".jk-editor").screenshot(path=str(test_output_dir / "reloaded.png"))
    assert lab_page.console_errors == [], lab_page.console_errors
