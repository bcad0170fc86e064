"""A timed activity in a room: "10 minutes: Consideration" on every page at once.

The facilitator starts an activity from the dashboard (:class:`TimerControls`): a
stage of the room's framework to work on and a length. The dashboard writes it to
the room's hidden folder (``.activity/now.json``, :func:`start_activity`); every
participant's page and the dashboard show it in a :class:`TimerBanner` that counts
down in the browser and says when time is up, in large type on the projector.

Only the dashboard writes the activity. A participant's page reads the file and
has no control that changes it; what a page sends back to its own banner (a
participant can set any synced value of their own widgets) changes what that one
page shows and nothing else. Under JupyterHub the folder is the facilitator's and
not writable by participants' servers.

The countdown runs in the browser, so it keeps going with the network cut and
costs the kernel nothing per second. The page asks its kernel for the time left
whenever it draws the banner or the activity changes: a page drawn later (a
pre-heated kernel, a phone waking up) still shows the right time.
"""

from __future__ import annotations

import json
import math
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets

from ..catalogue import get_framework
from ..errors import JourneyMapError, Problem

#: The room's hidden folder for the activity, and its file.
ACTIVITY_FOLDER = ".activity"
ACTIVITY_FILE = "now.json"
#: The longest activity the dashboard starts, in minutes.
MAX_MINUTES = 180


@dataclass(frozen=True)
class Activity:
    """What the room works on now: a stage, for *seconds* seconds, ending at *ends_at*.

    ``ends_at`` is seconds since the epoch on the room's computer (the participants'
    kernels run there, so no page's clock matters).

    Examples
    --------
    >>> Activity("Consideration", 600, ends_at=1_000.0).remaining(now=700.0)
    300.0
    >>> Activity("Consideration", 600, ends_at=1_000.0).remaining(now=1_200.0)
    0.0
    """

    stage: str
    seconds: float
    ends_at: float

    def remaining(self, now: float | None = None) -> float:
        """Seconds left, 0 once time is up."""
        return max(0.0, self.ends_at - (time.time() if now is None else now))

    @property
    def label(self) -> str:
        """How the activity is announced, e.g. ``10 minutes: Consideration``."""
        minutes = self.seconds / 60
        amount = f"{minutes:g} minute{'' if minutes == 1 else 's'}"
        if minutes < 1:
            amount = f"{self.seconds:g} seconds"
        return f"{amount}: {self.stage}"


def activity_file(room: Path) -> Path:
    return room / ACTIVITY_FOLDER / ACTIVITY_FILE


def start_activity(
    room: Path, framework: str, stage: str, minutes: float, *, now: float | None = None
) -> Activity:
    """Start a timed activity on *stage* of *framework* in the room folder *room*.

    Raises
    ------
    JourneyMapError
        When *stage* is not a stage of *framework* or *minutes* is not between a few
        seconds and :data:`MAX_MINUTES`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> room = pathlib.Path(tempfile.mkdtemp())
    >>> start_activity(room, "five-stage-decision", "Decision", 10, now=0.0).label
    '10 minutes: Decision'
    >>> current_activity(room).ends_at
    600.0
    >>> start_activity(room, "five-stage-decision", "Checkout", 10)
    Traceback (most recent call last):
    ...
    journeykit.errors.JourneyMapError: 1 problem
      - stage: 'Checkout' is not a stage of five-stage-decision. Fix: pick one of ...
    """
    stages = [s.name for s in get_framework(framework).stages]
    if stage not in stages:
        raise JourneyMapError(
            [Problem("stage", f"'{stage}' is not a stage of {framework}", _pick(stages))]
        )
    if not (isinstance(minutes, (int, float)) and 0.05 <= minutes <= MAX_MINUTES):
        raise JourneyMapError(
            [Problem("minutes", f"{minutes!r} minutes", f"give 0.05 to {MAX_MINUTES} minutes")]
        )
    seconds = float(minutes) * 60
    activity = Activity(stage, seconds, (time.time() if now is None else now) + seconds)
    _write(room, {"stage": stage, "seconds": seconds, "ends_at": activity.ends_at})
    return activity


def _pick(stages: list[str]) -> str:
    return "pick one of " + ", ".join(stages)


def stop_activity(room: Path) -> None:
    """End the activity now: the pages stop showing a countdown."""
    _write(room, {})


def current_activity(room: Path) -> Activity | None:
    """The room's activity, or None when there is none (or its file cannot be read)."""
    try:
        data = json.loads(activity_file(room).read_text(encoding="utf-8"))
        return Activity(str(data["stage"]), float(data["seconds"]), float(data["ends_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(room: Path, data: dict[str, Any]) -> None:
    folder = room / ACTIVITY_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{ACTIVITY_FILE}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temporary, activity_file(room))  # readers see the old file or the new one


_SCRIPT = """
function clock(ms) {
  const s = Math.ceil(ms / 1000);
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}
export default {
  render({ model, el }) {
    el.classList.add("jk-timer");
    const box = document.createElement("div");
    box.className = "jk-timer-box";
    const what = document.createElement("span");
    what.className = "jk-timer-stage";
    const left = document.createElement("span");
    left.className = "jk-timer-left";
    left.setAttribute("role", "timer");
    // read out at the start, at one minute left and at time up, not every second
    const said = document.createElement("span");
    said.className = "jk-timer-said";
    said.setAttribute("aria-live", "assertive");
    said.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;" +
      "clip:rect(0 0 0 0);white-space:nowrap";
    box.append(what, left);
    el.append(box, said);
    let endsAt = null, ticker = null, warned = false;
    function tick() {
      if (endsAt === null) { return; }
      const ms = Math.max(0, endsAt - performance.now());
      if (ms > 0) {
        left.textContent = clock(ms) + " left";
        if (ms <= 60000 && !warned) { warned = true; said.textContent = "One minute left."; }
        return;
      }
      left.textContent = "Time is up";
      el.classList.add("jk-timer-up");
      said.textContent = "Time is up. " + model.get("stage") + " is done.";
      clearInterval(ticker); ticker = null;
    }
    function show() {
      const stage = model.get("stage");
      clearInterval(ticker); ticker = null; endsAt = null; warned = false;
      el.classList.remove("jk-timer-up");
      el.classList.toggle("jk-timer-on", !!stage);  // hidden by the stylesheet until then
      if (!stage) { what.textContent = ""; left.textContent = ""; return; }
      what.textContent = model.get("label");
      model.send({ ask: "time" });  // the kernel answers with the seconds left right now
    }
    model.on("msg:custom", (msg) => {
      if (typeof msg.remaining_ms !== "number" || !model.get("stage")) { return; }
      endsAt = performance.now() + msg.remaining_ms;
      if (msg.remaining_ms > 60000) { warned = false; }
      said.textContent = msg.remaining_ms > 0 ? "Now: " + model.get("label") + "." : "";
      tick();
      if (msg.remaining_ms > 0 && ticker === null) { ticker = setInterval(tick, 250); }
    });
    model.on("change:version", show);
    show();
    return () => clearInterval(ticker);
  }
};
"""

_STYLE = """
.jk-timer:not(.jk-timer-on) { display:none !important; }
.jk-timer-box { display:flex; flex-wrap:wrap; gap:4px 16px; align-items:baseline;
  padding:8px 12px; margin:4px 0 8px; border:2px solid #1f3a5f; border-radius:6px;
  background:#fff; color:#111; font-size:18px; line-height:1.3; }
.jk-timer-stage { font-weight:600; }
.jk-timer-left { font-variant-numeric:tabular-nums; font-weight:700; }
.jk-timer-up .jk-timer-box { border-width:4px; border-color:#000; background:#fff1b8; }
.jk-present .jk-timer-box { font-size:44px; padding:12px 24px; }
.jk-present .jk-timer-controls { display:none; }
"""


class TimerBanner(anywidget.AnyWidget):
    """The room's activity as a banner that counts down in the page (hidden when there is none).

    Examples
    --------
    >>> banner = TimerBanner()
    >>> banner.show(Activity("Decision", 600, ends_at=1_000.0))
    True
    >>> banner.stage, banner.label
    ('Decision', '10 minutes: Decision')
    >>> banner.show(Activity("Decision", 600, ends_at=1_000.0))   # the same: nothing sent
    False
    """

    _esm = _SCRIPT
    _css = _STYLE
    stage = traitlets.Unicode("").tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    #: Changes with every new activity, so the page asks for the time left again.
    version = traitlets.Int(0).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.activity: Activity | None = None
        self.on_msg(self._answer)

    def show(self, activity: Activity | None) -> bool:
        """Show *activity* (None: hide the banner); True when that changed the banner."""
        if activity == self.activity:
            return False
        self.activity = activity
        with self.hold_sync():
            self.stage = activity.stage if activity else ""
            self.label = activity.label if activity else ""
            self.version += 1
        return True

    def follow(self, room: Path) -> bool:
        """Show the room's current activity (called by the page's polling loop)."""
        return self.show(current_activity(room))

    def _answer(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("ask") == "time" and self.activity:
            self.send({"remaining_ms": math.floor(self.activity.remaining() * 1000)})


class TimerControls:
    """The dashboard's controls: a stage, a length in minutes, Start and Stop.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> room = pathlib.Path(tempfile.mkdtemp())
    >>> controls = TimerControls(room, "five-stage")
    >>> controls.stage.options[:2], controls.minutes.value
    (('Awareness', 'Consideration'), 10)
    >>> controls.stage.value = "Consideration"
    >>> controls.start()
    >>> controls.banner.label, current_activity(room).stage
    ('10 minutes: Consideration', 'Consideration')
    >>> controls.stop()
    >>> controls.banner.stage, current_activity(room) is None
    ('', True)
    """

    def __init__(self, room: Path, framework: str) -> None:
        self.room = room
        self.framework = framework
        names = tuple(s.name for s in get_framework(framework).stages)
        self.stage = widgets.Dropdown(options=names, description="Stage")
        self.minutes = widgets.BoundedIntText(
            value=10, min=1, max=MAX_MINUTES, description="Minutes"
        )
        self.start_button = widgets.Button(description="Start timer", icon="clock-o")
        self.stop_button = widgets.Button(description="Stop timer", icon="stop")
        self.start_button.on_click(lambda _: self.start())
        self.stop_button.on_click(lambda _: self.stop())
        self.banner = TimerBanner()
        self.banner.follow(room)
        controls = widgets.HBox([self.stage, self.minutes, self.start_button, self.stop_button])
        controls.add_class("jk-timer-controls")  # not on the projector
        self.box = widgets.VBox(
            [
                controls,
                self.banner,
            ]
        )
        self.box.add_class("jk-dash-timer")

    def start(self) -> None:
        self.banner.show(
            start_activity(self.room, self.framework, str(self.stage.value), self.minutes.value)
        )

    def stop(self) -> None:
        stop_activity(self.room)
        self.banner.show(None)
