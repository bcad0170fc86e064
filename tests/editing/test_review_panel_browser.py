"""The Review panel in a real JupyterLab: it follows what the learner types, and its buttons
open the stage tab a finding is about.

Uses the machine's Chromium through ``chromium_browser`` (tests/conftest.py):
skipped on a learner's machine without one, failing on CI.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from journeykit.editing.fields import css_name
from tests.editing.lab_session import Lab, lab_only_page, open_notebook, run_first_code_cell
from tests.editing.test_editor_browser import NOTEBOOK
from tests.editing.test_editor_browser import lab as lab  # the same notebook in a JupyterLab

pytestmark = pytest.mark.browser

PANEL = ".jk-editor .jk-review"
CURRENT_TAB = ".jk-editor .lm-TabBar-tab.lm-mod-current"
TOUCHPOINTS = f".{css_name('Awareness.touchpoints')} textarea"


def test_the_panel_follows_typing_and_its_buttons_open_the_right_tab(
    chromium_browser: Any, lab: Lab, test_output_dir: Path
) -> None:
    blocked: list[str] = []
    page = lab_only_page(chromium_browser, lab, blocked)
    try:
        open_notebook(page, lab.notebook_url(NOTEBOOK.name))
        run_first_code_cell(page, f"{PANEL} button")
        assert "The persona has no name yet" in page.inner_text(PANEL)

        page.click(".jk-editor .lm-TabBar-tab:has-text('1. Awareness')")
        page.click(TOUCHPOINTS)
        page.keyboard.type("Frustrated")
        page.wait_for_function(f"""() => document.querySelector('{PANEL}').innerText
                                   .includes('“Frustrated” in the touchpoints is a feeling')""")

        page.click(f"{PANEL} button:has-text('Go to Persona')")
        page.wait_for_function(f"""() => document.querySelector('{CURRENT_TAB}')
                                   .innerText.trim() === 'Persona'""")
        page.click(f"{PANEL} button:has-text('Go to Awareness · Touchpoints')")
        page.wait_for_function(f"""() => document.querySelector('{CURRENT_TAB}')
                                   .innerText.trim() === '1. Awareness'""")
        page.locator(PANEL).screenshot(path=str(test_output_dir / "review-panel.png"))
    except Exception:
        page.screenshot(path=str(test_output_dir / "failure.png"), full_page=True)
        raise
    finally:
        page.context.close()
    assert blocked == [], f"the page tried the network: {blocked}"
