"""The participant's page in a room: a first name, then the editor on their own map.

:func:`participant_app` is what the room's participant notebook runs, one
kernel per open page. The page first learns which browser it runs in
(:class:`~.browser_id.BrowserId`):

* a browser that joined before gets its map back at once ("Welcome back");
* a personal link (``...&name=Ana``) joins straight away under that name;
* otherwise the page asks for a first name.

The name becomes a file in the room folder through :mod:`.names` (claimed
atomically, so the same name from another device gets its own map), and the
editor opens on it with autosave, the Review panel and no export row or file
paths (``served=True``). Under JupyterHub the hub login is the identity: no
prompt, the map is named after the user.

The page shows the facilitator's timed activity above the editor (:mod:`.timer`).
When the launcher starts closing the room, every page saves what is waiting
and says the room is closed.
"""

from __future__ import annotations

import asyncio
import html
import os
import secrets
import threading
from typing import Any

import ipywidgets as widgets

from ..editing import Editor
from ..editing.autosave import SAVE_DELAY
from ..errors import JourneyMapError
from ..figures.theme import MUTED, PAIN
from ..model import JourneyMap, load_map
from .browser_id import BrowserId
from .closing import is_closing, page_alive, page_saved
from .kernel import prepare_kernel
from .names import BROWSER_ID, claim, claimed_count, clean_name, file_stem, map_file, remember
from .names import remembered as remembered_stem
from .settings import RoomSettings
from .timer import TimerBanner

#: Seconds between two looks at whether the room is closing.
CLOSING_POLL = 1.0


def participant_app(settings: RoomSettings | None = None) -> widgets.VBox:
    """The participant's page for the room described by *settings* (the environment's).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> room = RoomSettings(pathlib.Path(tempfile.mkdtemp()), "Bakery class")
    >>> page = ParticipantPage(room, warm=False)
    >>> page.join("Ana <b>")
    >>> page.stem, page.editor.map.title
    ('ana-b', 'Ana <b>')
    >>> page.close()
    """
    prepare_kernel()
    return ParticipantPage(settings or RoomSettings.from_environment()).box


class ParticipantPage:
    """One participant's page: who they are, and the editor once they joined.

    Parameters
    ----------
    settings : RoomSettings
        The room (its folder, framework and participant limit).
    warm : bool, default True
        Import the preview's plotly widget in the background while the page
        asks for a name, so the editor opens quicker.

    Attributes
    ----------
    box : ipywidgets.VBox
        What the page shows.
    stem : str or None
        The participant's map file, without ``.json``, once they joined.
    editor : Editor or None
        The editor on that map.
    """

    def __init__(self, settings: RoomSettings, *, warm: bool = True) -> None:
        self.settings = settings
        self.room = settings.room_dir
        self.room.mkdir(parents=True, exist_ok=True)
        self.stem: str | None = None
        self.editor: Editor | None = None
        self._owner = ""
        self.browser = BrowserId(storage_key=f"journeykit-room-{file_stem(settings.title)}")
        self.heading = widgets.HTML(f"<h2 class='jk-room-title'>{html.escape(settings.title)}</h2>")
        self.timer = TimerBanner()  # the facilitator's timed activity, when there is one
        self.timer.follow(self.room)
        # "Connecting…" until the page knows this browser; a refusal then replaces it
        self.message = widgets.HTML(_note("Connecting…"))
        self.message.add_class("jk-room-connecting")
        self.box = widgets.VBox(
            [self.browser, self.heading, self.timer, self.message],
            layout=widgets.Layout(width="100%"),
        )
        self.box.add_class("jk-room")
        if warm:
            threading.Thread(target=_warm_up, name="journeykit-warm-up", daemon=True).start()
        hub_user = os.environ.get("JUPYTERHUB_USER", "")
        if hub_user:
            self._owner = f"hub:{hub_user}"
            self.join(hub_user)
        else:
            self.browser.observe(self._identified, names="browser_id")
        self._watcher = _start_watching(self)

    # ----- who is this? -----------------------------------------------------------------
    def _identified(self, change: dict[str, Any]) -> None:
        if self.editor is not None or self._owner:
            return
        browser_id = str(change["new"])
        self._owner = browser_id if BROWSER_ID.fullmatch(browser_id) else secrets.token_hex(16)
        stem = remembered_stem(self.room, self._owner)
        if stem is not None:
            self._open(stem, "", "Welcome back!")
        elif clean_name(self.browser.link_name):
            self.join(self.browser.link_name)
        else:
            self._ask_name()

    def _ask_name(self) -> None:
        self.name = widgets.Text(
            placeholder="Your first name",
            continuous_update=False,
            layout=widgets.Layout(width="auto", max_width="420px"),
        )
        self.name.add_class("jk-room-name")
        self.start_button = widgets.Button(
            description="Start my map", button_style="primary", layout=widgets.Layout(width="auto")
        )
        self.start_button.add_class("jk-room-start")
        self.problem = widgets.HTML()
        self.start_button.on_click(lambda _: self.join(self.name.value))
        self.name.observe(
            lambda change: self.join(change["new"]) if change["new"] else None, names="value"
        )
        prompt = widgets.VBox(
            [
                widgets.HTML(
                    _note(
                        "Type your first name to start your journey map. It is saved "
                        "as you type, on the facilitator's computer."
                    )
                ),
                self.name,
                self.start_button,
                self.problem,
            ]
        )
        prompt.add_class("jk-room-prompt")
        self.box.children = [self.browser, self.heading, self.timer, prompt]

    def join(self, typed: str) -> None:
        """Join the room as *typed* (a first name) and open the editor on a new map.

        A problem (no name, a full room) is shown on the page instead.
        """
        if self.editor is not None:
            return
        name = clean_name(typed)
        if not name:
            return self._refuse("Type your first name (a letter or a digit is enough).")
        if not self._owner:
            self._owner = secrets.token_hex(16)
        if claimed_count(self.room) >= self.settings.max_participants:
            return self._refuse(
                f"This room is full: it takes {self.settings.max_participants} "
                "participants. Ask the facilitator."
            )
        try:
            stem = claim(self.room, file_stem(name), self._owner)
        except JourneyMapError as err:
            return self._refuse(" ".join(p.message for p in err.problems))
        remember(self.room, self._owner, stem)
        self._open(stem, name, f"Hello {name}!")

    def _refuse(self, text: str) -> None:
        if hasattr(self, "problem"):
            self.problem.value = _note(text, PAIN)
        else:
            self.message.value = _note(text, PAIN)
            self.message.remove_class("jk-room-connecting")
            self.message.add_class("jk-room-message")

    # ----- the editor ---------------------------------------------------------------------
    def _open(self, stem: str, name: str, greeting: str) -> None:
        path = map_file(self.room, stem)
        try:
            journey_map = load_map(path) if path.exists() else _new_map(self.settings, name, stem)
        except JourneyMapError:  # never overwrite a file that does not load
            self._refuse(
                f"Your map {stem}.json could not be opened. Ask the facilitator "
                "to look at it; nothing has been changed."
            )
            return
        self.stem = stem
        delay = self.settings.save_delay
        self.editor = Editor(
            journey_map, path, served=True, save_delay=SAVE_DELAY if delay is None else delay
        )
        who = widgets.HTML(
            _note(
                f"{greeting} Your map is saved as {stem}.json on the "
                "facilitator's computer while you type."
            )
        )
        who.add_class("jk-room-who")
        self.box.children = [self.browser, self.heading, self.timer, who, self.editor.view]

    def close(self, text: str = "") -> None:
        """Save what is waiting, stop the editor and show *text* (the room is closed)."""
        if self._watcher is not None:
            self._watcher.cancel()
            self._watcher = None
        if self.editor is not None:
            self.editor.close()
        if text:
            self.box.children = [self.browser, self.heading, widgets.HTML(_note(text))]


def _new_map(settings: RoomSettings, name: str, stem: str) -> JourneyMap:
    """A blank map in the room's framework, titled with the participant's name."""
    try:
        return JourneyMap.new(settings.framework, title=name or stem)
    except JourneyMapError:  # a name the model will not take as a title
        return JourneyMap.new(settings.framework, title=stem)


def _note(text: str, colour: str = MUTED) -> str:
    return f"<p style='color:{colour};font-size:16px;line-height:1.4'>{html.escape(text)}</p>"


def _warm_up() -> None:
    """Import what the first editor's preview needs, before a participant asks for it.

    Only imports: a preview made here would send its plotly.js script (megabytes) to
    the page a second time.
    """
    try:
        import plotly.graph_objects  # noqa: F401

        from ..editing import live_plot  # noqa: F401
    except Exception:  # warming up is only an optimisation
        return


def _start_watching(page: ParticipantPage) -> asyncio.Task[None] | None:
    """Show the room's timed activity on *page*, and close it once the launcher flags the
    room as closing (needs a running loop)."""
    try:
        loop = asyncio.get_running_loop()  # the kernel's, while the app's cell runs
    except RuntimeError:
        return None

    run_dir, page_id = page.settings.run_dir, secrets.token_hex(8)

    async def watch() -> None:
        while run_dir is None or not is_closing(run_dir):
            page.timer.follow(page.room)
            if run_dir is not None:
                page_alive(run_dir, page_id)
            await asyncio.sleep(CLOSING_POLL)
        stem = f" as {page.stem}.json" if page.stem else ""
        page._watcher = None
        page.close(f"The facilitator has closed the room. Your map is saved{stem}. Thank you!")
        page_saved(run_dir, page_id)

    return loop.create_task(watch())
