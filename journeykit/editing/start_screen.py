"""The editor's start screen: explore the clothing-store example, or map your own business.

Shown by ``journeykit.editor()`` when no map is given. It only collects the
learner's choice (a framework and a file name under ``my_maps/``) and hands
it to the editor; a problem with the choice, such as a file name that cannot
be used, shows under the field it concerns.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets

from ..catalogue import framework_ids, get_framework
from ..figures.theme import MUTED, PAIN

#: The example offered on the start screen and the file its copy is kept in.
EXAMPLE_NAME = "clothing-store"
#: What the start screen says about the example (followed by where the copy is kept).
EXAMPLE_ABOUT = (
    "An online clothing store and its customer Maya, mapped in the five-stage "
    "framework with a Decision stage. Change anything: your copy is kept in"
)
#: The file name suggested for a learner's own map.
DEFAULT_MAP_NAME = "my_business"


def framework_options() -> list[tuple[str, str]]:
    """(label, id) pairs for the framework picker, in teaching order.

    Examples
    --------
    >>> framework_options()[0]
    ('Six-stage journey (6 stages)', 'six-stage')
    """
    return [
        (f"{get_framework(fid).name} ({len(get_framework(fid).stages)} stages)", fid)
        for fid in framework_ids()
    ]


class StartScreen:
    """Two ways in: a copy of the example, or a blank map in a chosen framework.

    Parameters
    ----------
    on_example : callable
        Called with no arguments when the learner picks the example; returns a
        problem text to show under its button, or None when the map opened.
    on_own : callable
        Called as ``on_own(framework_id, file_name)``; returns a problem text to
        show under the file name, or None when the map opened.
    """

    def __init__(
        self, on_example: Callable[[], str | None], on_own: Callable[[str, str], str | None]
    ) -> None:
        self.on_own = on_own
        self.example_button = widgets.Button(
            description="Open the clothing-store example",
            button_style="info",
            icon="shopping-bag",
            layout=widgets.Layout(width="auto"),
        )
        self.example_problem = widgets.HTML()
        self.example_button.on_click(lambda _: self._show(self.example_problem, on_example()))
        self.framework = widgets.Dropdown(
            options=framework_options(),
            value=framework_ids()[0],
            layout=widgets.Layout(width="100%"),
        )
        self.about = widgets.HTML()
        self.framework.observe(lambda _: self._describe(), "value")
        self._describe()
        self.name = widgets.Text(value=DEFAULT_MAP_NAME, layout=widgets.Layout(width="100%"))
        self.name_problem = widgets.HTML()
        self.start_button = widgets.Button(
            description="Start my map",
            button_style="success",
            icon="pencil",
            layout=widgets.Layout(width="auto"),
        )
        self.start_button.on_click(lambda _: self._start_own())
        card = widgets.Layout(
            border="1px solid #D0D7DE", padding="10px 14px", flex="1 1 320px", min_width="0"
        )
        self.box = widgets.HBox(
            [
                widgets.VBox(
                    [
                        widgets.HTML(
                            "<h3 style='margin:0 0 6px'>Explore the worked example</h3>"
                            f"<div style='color:{MUTED};line-height:1.45'>{EXAMPLE_ABOUT}"
                            f" <code>my_maps/{EXAMPLE_NAME}.json</code>.</div>"
                        ),
                        self.example_button,
                        self.example_problem,
                    ],
                    layout=card,
                ),
                widgets.VBox(
                    [
                        widgets.HTML("<h3 style='margin:0 0 6px'>Map your own business</h3>"),
                        widgets.HTML("<b>Framework</b>"),
                        self.framework,
                        self.about,
                        widgets.HTML("<b>File name</b> (saved in <code>my_maps/</code>)"),
                        self.name,
                        self.name_problem,
                        self.start_button,
                    ],
                    layout=card,
                ),
            ],
            layout=widgets.Layout(flex_flow="row wrap", grid_gap="12px"),
        )
        self.box.add_class("jk-start")

    def _describe(self) -> None:
        fw = get_framework(self.framework.value)
        stages = " → ".join(fw.stage_names)
        self.about.value = (
            f"<div style='color:{MUTED};font-size:12px;margin:2px 0 8px;"
            "line-height:1.45'>"
            f"{html.escape(stages)}<br>{html.escape(fw.best_for)}</div>"
        )

    def _start_own(self) -> None:
        self._show(self.name_problem, self.on_own(self.framework.value, self.name.value))

    @staticmethod
    def _show(line: widgets.HTML, problem: str | None) -> None:
        line.value = (
            f"<div style='color:{PAIN};line-height:1.45'>⚠ {html.escape(problem)}</div>"
            if problem
            else ""
        )
