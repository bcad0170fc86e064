"""The participant's page in a room: a first name, then the editor on their own map.

:func:`participant_app` is what the room's participant notebook runs, one
kernel per connected page. The page learns whose it is from the server, never
from the page itself (:mod:`.identity`): the participants' server notes the
browser's identity (a random id in its login cookie) when it hands the kernel
to a page request, and the kernel reads it:

* a browser that joined before gets its map back at once ("Welcome back");
* a personal link (``...&name=Ana``) joins straight away under that name;
* otherwise the page asks for a first name.

The name becomes a file in the room folder through :mod:`.names` (claimed
atomically for that identity, so the same name from another device gets its
own map; one device takes a few names at most), and the editor opens on it
with autosave, the Review panel and no export row or file paths
(``served=True``). Under JupyterHub the hub login is the identity: no prompt,
the map is named after the user.

A pre-heated kernel (``--preheat``) builds the editor before any page asks
for it, on a blank map of the room's framework, and opens the participant's
map in it when they join (:meth:`~journeykit.editing.Editor.open` keeps the
widgets): joining costs a fraction of a second, not seconds.

Every second the page looks at the room: when the launcher starts closing it,
the page saves what is waiting and says the room is closed; when the
facilitator frees its name slot, or the same participant opens their map in
another tab or on another device, it saves and stops editing, and says so;
when a version of the map was kept aside (saved from two places at once), it
shows what that version holds, to put back (:mod:`.kept_aside`).

The page shows the facilitator's timed activity above the editor (:mod:`.timer`),
and, once the participant joined, the room's dot vote (:mod:`.voting`; in a room
run in teams, their team's vote, or a sentence saying whose vote it is).
In a room run in teams, the participant also picks a team as they join and
edits that team's shared map (:mod:`.teams`).

When the page's kernel or the room's server is gone, the editor's status line
stops saying "Saved" and the page keeps what is typed (the editor's guard);
the page's :class:`~.room_link.RoomLink` says which of the two happened and
offers a reload, after which the same browser gets its map back with what it
kept.
"""

from __future__ import annotations

import asyncio
import html
import os
import secrets
from collections.abc import Callable

import ipywidgets as widgets

from ..editing import Editor
from ..editing.autosave import SAVE_DELAY
from ..errors import JourneyMapError
from ..figures.theme import MUTED, PAIN
from ..model import JourneyMap, load_map
from ..model.saving import changed_elsewhere
from .closing import is_closing, page_alive, page_saved
from .identity import Identity, identity_of_kernel, this_kernel_id
from .kept_aside import KeptAsidePanel
from .kernel import prepare_kernel
from .names import (
    BROWSER_ID,
    claim,
    claimed_count,
    claimed_from,
    clean_name,
    editing_page,
    file_stem,
    map_file,
    owner_of_stem,
    remember,
    take_map,
)
from .names import remembered as remembered_stem
from .room_link import RoomLink
from .settings import RoomSettings
from .teams import KEPT_HEADING, TEAM_POLL, Team, TeamPicker, join_team, parse_teams, team_of
from .teams import greeting as team_greeting
from .timer import TimerBanner
from .voting import BallotCard

#: Seconds between two looks at the room (closing, a freed slot, another tab).
CLOSING_POLL = 1.0
#: Seconds between two looks for the server's word on whose page this is: the server says
#: it before it sends the page, so the page finds its prompt or its map ready when it loads.
IDENTITY_POLL = 0.2
#: Seconds a closing page waits for its browser to say it showed the closing sentence.
TOLD_WAIT = 5.0


def participant_app(settings: RoomSettings | None = None) -> widgets.VBox:
    """The participant's page for the room described by *settings* (the environment's).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> room = RoomSettings(pathlib.Path(tempfile.mkdtemp()), "Bakery class")
    >>> page = ParticipantPage(room, warm=False)
    >>> page.identify(Identity("ab" * 16))
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
        The room (its folder, framework and limits).
    warm : bool, default True
        Build the editor now, on a blank map, so that joining only fills it in.

    Attributes
    ----------
    box : ipywidgets.VBox
        What the page shows.
    identity : Identity or None
        Whose page this is, once the server has said so.
    stem : str or None
        The participant's map file, without ``.json``, once they joined.
    editor : Editor or None
        The editor on that map.
    """

    def __init__(self, settings: RoomSettings, *, warm: bool = True) -> None:
        self.settings = settings
        self.room = settings.room_dir
        self.room.mkdir(parents=True, exist_ok=True)
        self.identity: Identity | None = None
        self.stem: str | None = None
        self.editor: Editor | None = None
        self.kept: KeptAsidePanel | None = None
        self.teams = parse_teams(settings.teams)
        self.team: Team | None = None
        self.poll = CLOSING_POLL  # a team's page looks more often (teammates' saves)
        self._known_mtime = 0
        self.page_id = this_kernel_id() or secrets.token_hex(16)
        self._spare: Editor | None = None
        self.heading = widgets.HTML(f"<h2 class='jk-room-title'>{html.escape(settings.title)}</h2>")
        self.timer = TimerBanner()  # the facilitator's timed activity, when there is one
        self.timer.follow(self.room)
        self.ballot = BallotCard(self.room, self.teams)  # the room's or team's vote, once joined
        # "Connecting…" until the page knows whose it is; a refusal then replaces it
        self.message = widgets.HTML(_note("Connecting…"))
        self.message.add_class("jk-room-connecting")
        self.link = RoomLink()
        self.box = widgets.VBox(
            [self.heading, self.timer, self.link, self.message],
            layout=widgets.Layout(width="100%"),
        )
        self.box.add_class("jk-room")
        if warm:
            _soon(self._prepare)
        hub_user = os.environ.get("JUPYTERHUB_USER", "")
        if hub_user:
            self.identify(Identity(f"hub:{hub_user}", link_name=hub_user))
        self._watcher = _start_watching(self)

    def _prepare(self) -> None:
        """Build the editor on a blank map, to fill in when the participant joins.

        Run once the app's cell has shown the page: the editor's nine hundred widgets
        would otherwise come before the page in the kernel's output, and Voila, which
        waits a few seconds for it, could show an empty page on a busy laptop.
        """
        if self.editor is None and self._spare is None:
            self._spare = self._blank_editor()

    # ----- who is this? -----------------------------------------------------------------
    def identify(self, identity: Identity) -> None:
        """Show the page for *identity*: their map, their personal link's name, or the prompt."""
        if self.identity is not None:
            return
        self.identity = identity
        stem = remembered_stem(self.room, identity.user)
        if stem is not None:
            self._open(stem, "", "Welcome back!")
        elif clean_name(identity.link_name):
            self.join(identity.link_name)
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
        self.picker = TeamPicker(
            self.teams, lambda: self.join(self.name.value) if self.name.value else None
        )
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
                        if not self.teams
                        else "Type your first name and choose your team: your team "
                        "builds one journey map together, saved as you type on the "
                        "facilitator's computer."
                    )
                ),
                self.name,
                *([self.picker.choice] if self.teams else []),
                self.start_button,
                self.problem,
            ]
        )
        prompt.add_class("jk-room-prompt")
        self.box.children = [self.heading, self.timer, self.link, prompt]

    def join(self, typed: str) -> None:
        """Join the room as *typed* (a first name) and open the editor on a new map.

        A problem (no name, a full room, a device that took its share) is shown on
        the page instead.
        """
        if self.editor is not None or self.identity is None:
            return
        name = clean_name(typed)
        if not name:
            return self._refuse("Type your first name (a letter or a digit is enough).")
        team = self.picker.chosen if self.teams else None
        if self.teams and team is None:
            return self._refuse("Choose your team, then start.")
        if claimed_count(self.room) >= self.settings.max_participants:
            return self._refuse(
                f"This room is full: it takes {self.settings.max_participants} "
                "participants. Ask the facilitator."
            )
        limit, address = self.settings.per_device, self.identity.address
        if limit and not self.identity.this_computer and claimed_from(self.room, address) >= limit:
            return self._refuse(
                f"This device has already joined the room {limit} times. Ask the "
                "facilitator if someone else needs to join from it."
            )
        try:
            stem = claim(self.room, file_stem(name), self.identity.user, address)
            if team is not None:
                join_team(self.room, stem, self.identity.user, team, self.teams)
        except JourneyMapError as err:
            return self._refuse(" ".join(p.message for p in err.problems))
        remember(self.room, self.identity.user, stem)
        self._open(stem, name, f"Hello {name}!")

    def _refuse(self, text: str) -> None:
        if hasattr(self, "problem"):
            self.problem.value = _note(text, PAIN)
        else:
            self._say(text, PAIN)

    def _say(self, text: str, colour: str = MUTED) -> None:
        self.message.value = _note(text, colour)
        self.message.remove_class("jk-room-connecting")
        self.message.add_class("jk-room-message")
        self.box.children = [self.heading, self.link, self.message]

    # ----- the editor ---------------------------------------------------------------------
    def _blank_editor(self) -> Editor:
        """An editor on a blank map of the room's framework, not saved anywhere yet."""
        return Editor(
            JourneyMap.new(self.settings.framework),
            None,
            served=True,
            save_delay=self._save_delay,
        )

    @property
    def _save_delay(self) -> float:
        delay = self.settings.save_delay
        return SAVE_DELAY if delay is None else delay

    def _open(self, stem: str, name: str, greeting: str) -> None:
        assert self.identity is not None
        self.team = team_of(self.room, stem, self.identity.user, self.teams)
        path = map_file(self.room, stem) if self.team is None else self.team.map_file(self.room)
        try:
            journey_map = (
                load_map(path) if path.exists() else _new_map(self.settings, name, path.stem)
            )
        except JourneyMapError:  # never overwrite a file that does not load
            self._refuse(
                f"Your map {stem}.json could not be opened. Ask the facilitator "
                "to look at it; nothing has been changed."
            )
            return
        self.stem = stem
        take_map(self.room, stem, self.page_id)
        if self._spare is not None:
            self.editor, self._spare = self._spare.open(journey_map, path), None
        else:
            self.editor = Editor(journey_map, path, served=True, save_delay=self._save_delay)
        hello = (
            f"{greeting} Your map is saved as {stem}.json on the facilitator's computer "
            "while you type."
            if self.team is None
            else team_greeting(self.team, greeting)
        )
        who = widgets.HTML(_note(hello))
        who.add_class("jk-room-who")
        assert self.editor.map is not None
        if self.team is None:
            self.kept = KeptAsidePanel(self.editor.map, path)
        else:
            self.kept, self.poll = KeptAsidePanel(self.editor.map, path, KEPT_HEADING), TEAM_POLL
        self.kept.look()
        assert self.identity is not None
        self.ballot.sign_in(self.identity.user, stem)
        self.box.children = [
            self.heading,
            self.timer,
            self.ballot,
            self.link,
            who,
            self.kept.box,
            self.editor.view,
        ]

    def look(self) -> None:
        """Show text kept aside beside the map; stop editing if the facilitator freed this
        page's slot or another page took the map."""
        if self.editor is None or self.stem is None or self.identity is None:
            return
        self._follow_the_file()  # first: a copy is compared with the map as saved now
        if self.kept is not None:
            self.kept.look()
        if owner_of_stem(self.room, self.stem) != self.identity.user:
            self.close(
                "The facilitator has freed your place in the room. What you typed is "
                "saved. Reload the page to join again."
            )
        elif editing_page(self.room, self.stem) not in ("", self.page_id):
            self.close(
                "Your map is now open in another tab or on another device, so this page "
                "has stopped editing it (everything typed here is saved). Reload this "
                "page to edit here instead."
            )

    def _follow_the_file(self) -> None:
        """Bring in what was written to the map's file since this page last saw it (an
        older tab's last save, after this page took the map): a save merges it in.

        Only the file's time is looked at each second; the editor reads the file only
        when it changed, and saves only when someone else wrote it
        (:meth:`~journeykit.editing.Editor.refresh`).
        """
        assert self.editor is not None and self.editor.path is not None
        if self.team is not None and self.editor.save_pending:
            return  # a member typing: their save takes teammates' edits in when they pause
        try:
            mtime = self.editor.path.stat().st_mtime_ns
        except OSError:
            return
        if mtime != self._known_mtime:
            self.editor.refresh(at_most_every=self.poll)
            assert self.editor.map is not None
            if not changed_elsewhere(self.editor.map, self.editor.path):
                self._known_mtime = mtime  # else: look again next time

    def close(self, text: str = "") -> None:
        """Save what is waiting, stop the editor and show *text* (the room is closed)."""
        if self._watcher is not None and text:
            self._watcher.cancel()
            self._watcher = None
        for editor in (self.editor, self._spare):
            if editor is not None:
                editor.close()
        if text:
            self._say(text)
            self.link.last_word = text  # the browser answers once it has drawn it


def _new_map(settings: RoomSettings, name: str, stem: str) -> JourneyMap:
    """A blank map in the room's framework, titled with the participant's name."""
    try:
        return JourneyMap.new(settings.framework, title=name or stem)
    except JourneyMapError:  # a name the model will not take as a title
        return JourneyMap.new(settings.framework, title=stem)


def _note(text: str, colour: str = MUTED) -> str:
    return f"<p style='color:{colour};font-size:16px;line-height:1.4'>{html.escape(text)}</p>"


def _soon(work: Callable[[], None]) -> None:
    """Run *work* once the running cell is done (now, outside a kernel's event loop)."""
    try:
        asyncio.get_running_loop().call_soon(work)
    except RuntimeError:
        work()


def _start_watching(page: ParticipantPage) -> asyncio.Task[None] | None:
    """Follow the room for *page* on the kernel's running event loop (see the module notes)."""
    run_dir = page.settings.run_dir
    if run_dir is None:
        return None
    try:
        loop = asyncio.get_running_loop()  # the kernel's, while the app's cell runs
    except RuntimeError:
        return None

    async def watch() -> None:
        said_alive = 0.0
        while not is_closing(run_dir):
            page.timer.follow(page.room)  # the facilitator's timed activity (.timer)
            page.ballot.follow()  # the room's vote and this browser's ballot (.voting)
            if loop.time() - said_alive >= CLOSING_POLL:
                page_alive(run_dir, page.page_id)
                said_alive = loop.time()
            if page.identity is None:
                found = identity_of_kernel(run_dir, page.page_id)
                if found is not None and BROWSER_ID.fullmatch(found.user):
                    page.identify(found)
                else:
                    await asyncio.sleep(IDENTITY_POLL)
                    continue
            page.look()
            await asyncio.sleep(page.poll)
        stem = f" as {page.stem}.json" if page.stem else ""
        page._watcher = None
        page.close(f"The facilitator has closed the room. Your map is saved{stem}. Thank you!")
        await page.link.told(TOLD_WAIT)
        page_saved(run_dir, page.page_id)

    return loop.create_task(watch())
