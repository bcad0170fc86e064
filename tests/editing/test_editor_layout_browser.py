"""The editor's form in a real JupyterLab at a phone's and a laptop's width (390 and 1366 px):
every text box is as wide as its column and shows its whole example, and the stage tabs
show their whole names.

Uses the machine's Chromium through ``chromium_browser`` (tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.editing.lab_session import Lab, lab_only_page, open_notebook, run_first_code_cell
from tests.editing.test_editor_browser import EDITOR_SHOWN, NOTEBOOK
from tests.editing.test_editor_browser import lab as lab  # the editor notebook in a JupyterLab

pytestmark = pytest.mark.browser

#: For each text box of the shown tab: its width against its field's, and whether its
#: example (placeholder) fits: on one line in a one-line box, within its rows in a text
#: area (which wraps it), measured in the placeholder's own font, in CSS pixels.
BOXES = """() => {
    const canvas = document.createElement('canvas').getContext('2d');
    return [...document.querySelectorAll('.jk-editor .jk-field')]
        .filter(field => field.offsetParent !== null)
        .flatMap(field => [...field.querySelectorAll('input[type=text], textarea')].map(box => {
            const style = getComputedStyle(box);
            const example = getComputedStyle(box, '::placeholder');
            canvas.font = `${example.fontSize} ${example.fontFamily}`;
            const room = box.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
            const widths = (box.placeholder || '').split('\\n')
                .map(line => canvas.measureText(line).width);
            // a text area wraps its example over its rows; a one-line box cannot
            const fits = box.tagName === 'TEXTAREA'
                ? widths.reduce((rows, w) => rows + Math.max(1, Math.ceil(w / room)), 0)
                    <= box.rows
                : Math.max(...widths) <= room + 1;
            return {field: [...field.classList].find(c => c.startsWith('jk-field-')),
                    box: box.getBoundingClientRect().width,
                    column: field.getBoundingClientRect().width,
                    example: box.placeholder, widths, room, fits};
        }));
}"""
#: Each stage tab: the width its name needs and the width it has.
TABS = """() => [...document.querySelectorAll('.jk-editor .lm-TabBar-tab')].map(tab => {
    const label = tab.querySelector('.lm-TabBar-tabLabel');
    return {name: label.innerText, needs: label.scrollWidth, has: label.clientWidth};
})"""


@pytest.mark.parametrize("width", [390, 1366])
def test_every_text_box_is_as_wide_as_its_column_and_shows_its_example(
    chromium_browser: Any, lab: Lab, test_output_dir: Path, width: int
) -> None:
    blocked: list[str] = []
    page = lab_only_page(chromium_browser, lab, blocked, viewport={"width": width, "height": 900})
    try:
        open_notebook(page, lab.notebook_url(NOTEBOOK.name) + "&reset")
        page.evaluate("() => window.jupyterapp.shell.collapseLeft()")  # the notebook alone
        run_first_code_cell(page, EDITOR_SHOWN)
        tabs = page.locator(".jk-editor .lm-TabBar-tab")
        for index in range(tabs.count()):
            tabs.nth(index).click()
            page.locator(".jk-editor .widget-tab").screenshot(
                path=str(test_output_dir / f"tab-{index}-{width}px.png")
            )
            boxes = page.evaluate(BOXES)
            narrow = [box for box in boxes if box["box"] < 0.9 * box["column"]]
            assert narrow == [], f"{width} px: boxes narrower than their column: {narrow}"
            cut = [box for box in boxes if not box["fits"]]
            assert cut == [], f"{width} px: examples cut off: {cut}"
        cut = [tab for tab in page.evaluate(TABS) if tab["needs"] > tab["has"] + 1]
        assert cut == [], f"{width} px: tab names cut off: {cut}"
        assert blocked == []
    finally:
        page.context.close()
