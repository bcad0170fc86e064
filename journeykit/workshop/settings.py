"""A room's settings, handed from the launcher to every kernel through environment variables.

Voila starts each participant's kernel with the server's environment (a
pre-heated kernel too), so the launcher puts the room's settings there and the
apps read them back with :meth:`RoomSettings.from_environment`. Under
JupyterHub the spawner sets the same variables (:mod:`.hub`).

======================== ==============================================================
``JOURNEYKIT_ROOM_DIR``  the folder of this room's maps (required)
``JOURNEYKIT_ROOM_NAME`` the room's name as the facilitator typed it
``JOURNEYKIT_FRAMEWORK`` the framework of new maps
``JOURNEYKIT_ROOM_MAX``  how many participants may join
``JOURNEYKIT_ROOM_RUN``  the launcher's own folder (the room's state: open or closing)
``JOURNEYKIT_JOIN_URL``  the participants' link (given to the dashboard only)
``JOURNEYKIT_ROOM_SAVE_DELAY`` seconds of quiet before a participant's map is saved
                         (0.5; tests raise it to keep edits waiting)
``JOURNEYKIT_ROOM_PER_DEVICE`` names one device (network address) may take (0: no limit)
``JOURNEYKIT_ROOM_TEAMS`` the teams' names, comma-separated (none: a map each; :mod:`.teams`)
======================== ==============================================================

The run folder also holds what the launcher hands the servers but not the
kernels: the login cookies' secret (:data:`COOKIE_SECRET`, readable by the
facilitator's user only).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass
from pathlib import Path

from ..catalogue import framework_ids
from ..errors import JourneyMapError, Problem
from .closing import is_closing

#: The framework of new maps unless the facilitator picks another.
DEFAULT_FRAMEWORK = "five-stage"
#: How many participants may join a room unless the facilitator says otherwise.
DEFAULT_MAX_PARTICIPANTS = 60
#: The file of the run folder holding the servers' login-cookie secret.
COOKIE_SECRET = "cookie-secret"

#: The environment variable of each setting.
VARIABLES = {
    "room_dir": "JOURNEYKIT_ROOM_DIR",
    "name": "JOURNEYKIT_ROOM_NAME",
    "framework": "JOURNEYKIT_FRAMEWORK",
    "max_participants": "JOURNEYKIT_ROOM_MAX",
    "run_dir": "JOURNEYKIT_ROOM_RUN",
    "join_url": "JOURNEYKIT_JOIN_URL",
    "save_delay": "JOURNEYKIT_ROOM_SAVE_DELAY",
    "per_device": "JOURNEYKIT_ROOM_PER_DEVICE",
    "teams": "JOURNEYKIT_ROOM_TEAMS",
}


@dataclass(frozen=True)
class RoomSettings:
    """Where a room keeps its maps and what its participants start with.

    Examples
    --------
    >>> room = RoomSettings(Path("rooms") / "bakery-class", "Bakery class")
    >>> env = room.environment()
    >>> env["JOURNEYKIT_ROOM_NAME"], env["JOURNEYKIT_FRAMEWORK"]
    ('Bakery class', 'five-stage')
    >>> RoomSettings.from_environment(env) == room
    True
    """

    room_dir: Path
    name: str = ""
    _: KW_ONLY  # the folder and the room's name may be given in order, the rest by name
    framework: str = DEFAULT_FRAMEWORK
    max_participants: int = DEFAULT_MAX_PARTICIPANTS
    run_dir: Path | None = None
    join_url: str = ""
    save_delay: float | None = None  # None: the editor's own (editing.autosave.SAVE_DELAY)
    per_device: int = 0  # names one device may take (0: no limit)
    teams: tuple[str, ...] = ()  # the teams' names (none: a map per participant)

    @property
    def title(self) -> str:
        """The room's name, or its folder's name when it has none."""
        return self.name or self.room_dir.name

    def environment(self) -> dict[str, str]:
        """The environment variables that carry these settings (empty ones left out)."""
        values = {
            "room_dir": str(self.room_dir),
            "name": self.name,
            "framework": self.framework,
            "max_participants": str(self.max_participants),
            "run_dir": str(self.run_dir) if self.run_dir else "",
            "join_url": self.join_url,
            "save_delay": "" if self.save_delay is None else str(self.save_delay),
            "per_device": str(self.per_device) if self.per_device else "",
            "teams": ",".join(self.teams),
        }
        return {VARIABLES[key]: value for key, value in values.items() if value}

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> RoomSettings:
        """Read the settings a launcher or spawner put in *environ* (``os.environ`` by default).

        Raises
        ------
        JourneyMapError
            When the room folder is not set, or the framework or the limit is not valid.
        """
        env = os.environ if environ is None else environ
        folder = env.get(VARIABLES["room_dir"], "")
        if not folder:
            raise JourneyMapError(
                [
                    Problem(
                        VARIABLES["room_dir"],
                        "no room folder is set",
                        'start the room with: journeykit workshop --room "My class"',
                    )
                ]
            )
        framework = env.get(VARIABLES["framework"]) or DEFAULT_FRAMEWORK
        check_framework(framework)
        limit = env.get(VARIABLES["max_participants"], "")
        run = env.get(VARIABLES["run_dir"], "")
        per_device = env.get(VARIABLES["per_device"], "")
        return cls(
            Path(folder),
            env.get(VARIABLES["name"], ""),
            framework=framework,
            max_participants=check_limit(limit) if limit else DEFAULT_MAX_PARTICIPANTS,
            run_dir=Path(run) if run else None,
            join_url=env.get(VARIABLES["join_url"], ""),
            save_delay=save_delay_from(env),
            per_device=int(per_device) if per_device.isdigit() else 0,
            teams=tuple(filter(None, env.get(VARIABLES["teams"], "").split(","))),
        )

    @property
    def closing(self) -> bool:
        """True once the launcher has started closing the room."""
        return self.run_dir is not None and is_closing(self.run_dir)


def check_framework(framework: str) -> str:
    """*framework* if the catalogue has it; otherwise a problem listing the ones it has."""
    if framework not in framework_ids():
        raise JourneyMapError(
            [
                Problem(
                    "framework",
                    f"there is no framework {framework!r}",
                    "use one of " + ", ".join(framework_ids()),
                )
            ]
        )
    return framework


def check_limit(value: str | int) -> int:
    """A participant limit from 1 to 1,000.

    Examples
    --------
    >>> check_limit("30")
    30
    >>> check_limit("0")
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - max participants: '0' is not a number of participants from 1 to 1000. \
Fix: give a whole number such as 30.
    """
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= 1000:
        raise JourneyMapError(
            [
                Problem(
                    "max participants",
                    f"{str(value)!r} is not a number of participants from 1 to 1000",
                    "give a whole number such as 30",
                )
            ]
        )
    return number


def save_delay_from(environ: Mapping[str, str]) -> float | None:
    """The save delay *environ* asks for (``JOURNEYKIT_ROOM_SAVE_DELAY``), or None.

    Examples
    --------
    >>> save_delay_from({}), save_delay_from({"JOURNEYKIT_ROOM_SAVE_DELAY": "60"})
    (None, 60.0)
    """
    value = environ.get(VARIABLES["save_delay"], "")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 3600:
        raise JourneyMapError(
            [
                Problem(
                    VARIABLES["save_delay"],
                    f"{value!r} is not a number of seconds from 0 to 3600",
                    "give e.g. 0.5",
                )
            ]
        )
    return seconds
