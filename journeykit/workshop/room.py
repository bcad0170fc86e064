"""Opening and closing a room: what ``journeykit workshop`` runs.

:class:`Room` starts the participants' server and the dashboard
(:mod:`.servers`), prints the links and a QR code, waits, and closes the room
on Ctrl+C, on ``SIGTERM`` or when the dashboard's *Close room* button asks:

1. it flags the room as closing, and every participant's page saves what is
   waiting and says the room is closed; it waits until every open page has
   saved (:mod:`.closing`);
2. it stops both servers; each shuts its kernels down, and a kernel writes any
   save still waiting as it exits;
3. the room folder then holds one map per participant. Opening the same room
   again reopens it, with the same links (so the projected QR code still
   works), unless new links are asked for.

The servers run in process groups of their own, so the terminal's Ctrl+C
reaches only this launcher, which then closes the room in that order.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType, TracebackType

from ..errors import JourneyMapError, Problem
from .closing import SAVE_WAIT, close_requested, flag_closing, wait_for_pages
from .links import LOOPBACK, lan_address, new_token, qr_terminal, room_link, save_qr_svg
from .names import file_stem, tidy_claims
from .servers import (
    DASHBOARD_APP,
    DEFAULT_PER_DEVICE,
    DEFAULT_PREHEAT,
    PARTICIPANT_APP,
    ServerPlan,
    kernel_options,
    server_environment,
)
from .settings import (
    COOKIE_SECRET,
    DEFAULT_FRAMEWORK,
    DEFAULT_MAX_PARTICIPANTS,
    RoomSettings,
    check_framework,
    check_limit,
    save_delay_from,
)
from .teams import open_team_maps, parse_teams

#: The longest the open pages get to save and say so before the servers stop.
CLOSING_GRACE = SAVE_WAIT
#: Seconds a server may take to stop after it was asked to.
STOP_SECONDS = 60
#: Kernels idle this long (no page connected, no message) are shut down; their map is saved.
IDLE_TIMEOUT = 600


class Room:
    """A workshop room: two Voila servers, their links and the room folder.

    Parameters
    ----------
    name : str
        The room's name ("Bakery class"); its folder is ``<folder>/bakery-class``.
    folder : str or Path
        Where rooms keep their maps.
    framework : str
        The framework of the participants' maps.
    port : int
        The participants' port; the dashboard uses *dashboard_port* (default ``port + 1``).
    lan : bool
        Let other devices on the local network join (the dashboard stays on this computer).
    max_participants : int
        How many participants may join.
    idle_timeout : float
        Seconds after which a kernel with no page connected is shut down (0: never).
    preheat : int
        Kernels kept started, with the app and an editor ready, before anyone joins
        (0: start one per page). Never more than *max_participants*.
    per_device : int
        Pages (kernels) and names one device (network address) may hold at once;
        this computer is never limited (0: no limit).
    new_links : bool
        Make new tokens instead of reusing the ones of the room's last session; the
        browsers of that session are then new participants (their maps stay).
    participants : bool
        Serve the participants' app. Without it only the dashboard runs, e.g. for a
        room whose participants join through JupyterHub (:mod:`.singleuser`).
    join_link : str
        The link to show participants when they join elsewhere (the hub's address).
    teams : str or sequence of str
        Run the room in teams (``"Red,Blue"``): each participant picks one as they
        join and edits its shared map (:mod:`.teams`). None: a map each.

    Examples
    --------
    >>> import tempfile
    >>> room = Room("Bakery class", folder=tempfile.mkdtemp(), port=8866)
    >>> room.room_dir.name, room.dashboard_url.startswith("http://127.0.0.1:8867/?token=")
    ('bakery-class', True)
    """

    def __init__(
        self,
        name: str,
        *,
        folder: str | Path = "rooms",
        framework: str = DEFAULT_FRAMEWORK,
        port: int = 8866,
        dashboard_port: int | None = None,
        lan: bool = False,
        max_participants: int = DEFAULT_MAX_PARTICIPANTS,
        idle_timeout: float = IDLE_TIMEOUT,
        preheat: int = DEFAULT_PREHEAT,
        per_device: int = DEFAULT_PER_DEVICE,
        new_links: bool = False,
        participants: bool = True,
        join_link: str = "",
        teams: str | tuple[str, ...] = (),
    ) -> None:
        if not name.strip():
            raise JourneyMapError(
                [Problem("room", "the room has no name", 'give one, e.g. --room "Bakery class"')]
            )
        self.name = " ".join(name.split())
        self.folder = Path(folder).resolve()
        self.room_dir = self.folder / file_stem(self.name, fallback="room")
        self.framework = check_framework(framework)
        self.max_participants = check_limit(max_participants)
        self.idle_timeout = idle_timeout
        self.preheat = min(max(0, int(preheat)), self.max_participants)
        self.per_device = max(0, int(per_device))
        self.new_links = new_links
        self.lan = lan
        self.host = (lan_address() or LOOPBACK) if lan else LOOPBACK
        self.port = port
        self.dashboard_port = dashboard_port or port + 1
        self.join_token, self.dashboard_token, self._cookie_secret = self._tokens(new_links)
        self.teams = parse_teams(teams)
        self.participants = participants
        self.join_url = (
            room_link(self.host, self.port, self.join_token) if participants else join_link
        )
        self.dashboard_url = room_link(LOOPBACK, self.dashboard_port, self.dashboard_token)
        self.qr_file = self.folder / f"{self.room_dir.name}-join.svg"
        self.run_dir: Path | None = None
        self.processes: list[subprocess.Popen[bytes]] = []
        self._closing = False

    # ----- links that survive a restart --------------------------------------------------
    def _tokens(self, new_links: bool) -> tuple[str, str, str]:
        """The room's two tokens and its login cookies' secret: those of its last session,
        or new ones (a new secret makes every browser a newcomer)."""
        store = self.folder / f".{self.room_dir.name}.links.json"
        if not new_links:
            try:
                saved = json.loads(store.read_text("utf-8"))
                if isinstance(saved.get("join"), str) and isinstance(saved.get("dashboard"), str):
                    cookie = saved.get("cookie")
                    if not isinstance(cookie, str) or not cookie:
                        cookie = new_token()
                        self._store(store, {**saved, "cookie": cookie})
                    return saved["join"], saved["dashboard"], cookie
            except (OSError, ValueError, AttributeError):
                pass
        tokens = new_token(), new_token(), new_token()
        self._store(store, dict(zip(("join", "dashboard", "cookie"), tokens, strict=True)))
        return tokens

    def _store(self, store: Path, links: dict[str, str]) -> None:
        """Write *links* to *store*, readable by this user only."""
        self.folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(store, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(links, handle)

    @property
    def log_files(self) -> tuple[Path, Path]:
        """The participants' server log and the dashboard's (next to the room folder)."""
        stem = self.room_dir.name
        return (self.folder / f".{stem}-participants.log", self.folder / f".{stem}-dashboard.log")

    # ----- opening -------------------------------------------------------------------------
    def server_plans(self) -> tuple[ServerPlan, ServerPlan]:
        """The participants' server (every address with ``--lan``) and the dashboard (loopback).

        Examples
        --------
        >>> import tempfile
        >>> room = Room("Bakery", folder=tempfile.mkdtemp(), lan=True)
        >>> [(plan.ip, plan.port) for plan in room.server_plans()]
        [('0.0.0.0', 8866), ('127.0.0.1', 8867)]
        """
        return (
            ServerPlan(
                app=PARTICIPANT_APP,
                ip="0.0.0.0" if self.lan else LOOPBACK,
                port=self.port,
                token=self.join_token,
            ),
            ServerPlan(
                app=DASHBOARD_APP, ip=LOOPBACK, port=self.dashboard_port, token=self.dashboard_token
            ),
        )

    def open(self) -> Room:
        """Start both servers and wait until they answer; raise (having stopped both) if not."""
        self.room_dir.mkdir(parents=True, exist_ok=True)
        tidy_claims(self.room_dir, keep_people=not self.new_links)
        open_team_maps(self.room_dir, self.teams, self.framework)
        team_names = tuple(team.name for team in self.teams)
        self.run_dir = Path(tempfile.mkdtemp(prefix="journeykit-room-"))
        secret = os.open(self.run_dir / COOKIE_SECRET, os.O_WRONLY | os.O_CREAT, 0o600)
        with os.fdopen(secret, "w", encoding="ascii") as handle:
            handle.write(self._cookie_secret)
        settings = RoomSettings(
            self.room_dir,
            self.name,
            framework=self.framework,
            max_participants=self.max_participants,
            run_dir=self.run_dir,
            save_delay=save_delay_from(os.environ),
            per_device=self.per_device,
            teams=team_names,
        )
        board_settings = RoomSettings(
            self.room_dir,
            self.name,
            framework=self.framework,
            max_participants=self.max_participants,
            run_dir=self.run_dir if self.participants else None,
            join_url=self.join_url,
            teams=team_names,
        )
        participants, dashboard = self.server_plans()
        kernels = kernel_options(
            places=self.max_participants,
            idle_timeout=self.idle_timeout,
            preheat=self.preheat,
            per_device=self.per_device,
        )
        participant_log, dashboard_log = self.log_files
        plans: list[tuple[ServerPlan, dict[str, str], Path, list[str]]] = [
            (dashboard, server_environment(board_settings), dashboard_log, [])
        ]
        if self.participants:
            plans.insert(0, (participants, server_environment(settings), participant_log, kernels))
        try:
            for plan, environment, log, extra in plans:
                self.processes.append(plan.start(environment, log, extra))
            for (plan, _, log, _), process in zip(plans, self.processes, strict=True):
                plan.wait_until_serving(process, log)
            if self.join_url:
                save_qr_svg(self.join_url, self.qr_file)
        except BaseException:
            self.close(grace=0)
            raise
        return self

    def __enter__(self) -> Room:
        return self.open()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def describe(self, qr: bool = True) -> str:
        """What the facilitator needs: the links, a QR code, where the maps go."""
        lines = [f'Room "{self.name}" is open. Maps are saved in {self.room_dir}', ""]
        if not self.participants:
            lines[0] = f'Dashboard of room "{self.name}", reading the maps in {self.room_dir}'
        elif self.lan and self.host == LOOPBACK:
            lines += [
                "No network found: only this computer can join. Connect to the Wi-Fi "
                "(or start a hotspot) and open the room again.",
                "",
            ]
        elif not self.lan:
            lines += [
                "Rehearsal: only this computer can join. Add --lan to let participants "
                "join over the local network.",
                "",
            ]
        if self.join_url:
            lines += [
                "Participants join here (scan the code or type the link):",
                f"  {self.join_url}",
            ]
            if qr:
                lines += [qr_terminal(self.join_url).rstrip("\n")]
            lines += [f"QR code for the projector: {self.qr_file}", ""]
        lines += [
            "Your dashboard (this computer only; keep this link to yourself):",
            f"  {self.dashboard_url}",
            "",
        ]
        lines += [
            "Press Ctrl+C, or Close room on the dashboard, to close the room "
            "(every map is saved first)."
            if self.participants
            else "Press Ctrl+C to stop the dashboard (the maps stay as they are)."
        ]
        return "\n".join(lines)

    # ----- running -------------------------------------------------------------------------
    def wait(self) -> str:
        """Block until the room should close; return why. Ctrl+C and SIGTERM end the wait."""
        stop: list[str] = []

        def asked_to_stop(number: int, frame: FrameType | None) -> None:
            stop.append("stopped")

        main = threading.current_thread() is threading.main_thread()
        if main:  # Ctrl+C closes the room even when started from a shell that ignores it
            previous = signal.signal(signal.SIGTERM, asked_to_stop)
            previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
        try:
            while not stop:
                if self.run_dir is not None and close_requested(self.run_dir):
                    return "closed from the dashboard"
                if any(process.poll() is not None for process in self.processes):
                    return "a server stopped by itself"
                time.sleep(0.3)
        except KeyboardInterrupt:
            return "Ctrl+C"
        finally:
            if main:
                signal.signal(signal.SIGTERM, previous)
                signal.signal(signal.SIGINT, previous_int)
        return "stopped"

    # ----- closing -------------------------------------------------------------------------
    def close(self, grace: float = CLOSING_GRACE) -> None:
        """Close the room: pages save and say so, then both servers stop (see the module)."""
        if self._closing:
            return
        self._closing = True
        with _ctrl_c_ignored():  # a second Ctrl+C must not leave servers running
            self._stop_servers(grace)

    def _stop_servers(self, grace: float) -> None:
        running = [process for process in self.processes if process.poll() is None]
        if self.run_dir is not None and running and grace:
            flag_closing(self.run_dir)
            wait_for_pages(self.run_dir, grace)
        for process in running:
            _ask_to_stop(process)
        for process in running:
            try:
                process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(STOP_SECONDS)
        if self.run_dir is not None:
            shutil.rmtree(self.run_dir, ignore_errors=True)

    def saved_maps(self) -> tuple[list[Path], list[Path]]:
        """The map files in the room folder that load, and those that do not."""
        from ..model import load_map

        loaded, broken = [], []
        for path in sorted(self.room_dir.glob("*.json")):
            try:
                load_map(path)
            except JourneyMapError:
                broken.append(path)
            else:
                loaded.append(path)
        return loaded, broken


@contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """Ignore Ctrl+C inside the block (only possible in the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _ask_to_stop(process: subprocess.Popen[bytes]) -> None:
    """Ask a server to stop: SIGTERM lets Voila shut its kernels down (they save first)."""
    if sys.platform == "win32":
        process.terminate()  # no graceful signal on Windows; the pages saved during the grace
    else:
        process.send_signal(signal.SIGTERM)
