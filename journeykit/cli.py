"""The ``journeykit`` command: a thin shell over the library.

Every subcommand parses its arguments, calls the library, and turns a
:class:`~journeykit.JourneyMapError` into one readable line per problem on
standard error with exit status 1. No traceback reaches the user.

Examples
--------
::

    journeykit frameworks
    journeykit new --framework eight-stage -o my_maps/shop.json --title "My shop"
    journeykit validate my_maps/shop.json
    journeykit review my_maps/shop.json
    journeykit export my_maps/shop.json --to html -o shop.html
    journeykit slides notebooks -o decks
    journeykit rollup collected -o class.html --csv
    journeykit print canvas --framework five-stage --size A3
    journeykit rubric my_maps/shop.json
    journeykit course nbgrader my_course --exercises ex01,ex04
    journeykit lab
    journeykit workshop --room "Bakery class" --lan
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from .catalogue import crosswalk_pairs, framework_ids, get_framework
from .errors import JourneyMapError, Problem

if TYPE_CHECKING:
    from .model import JourneyMap

FIRST_NOTEBOOK = Path("notebooks") / "00_welcome.ipynb"


def _frameworks(args: argparse.Namespace) -> int:
    for fid in framework_ids():
        fw = get_framework(fid)
        print(f"{fid:<21} {fw.name} ({len(fw.stages)} stages)")
        print(f"{'':<21} {' > '.join(fw.stage_names)}")
    return 0


def _crosswalk(args: argparse.Namespace) -> int:
    for row in crosswalk_pairs(args.a, args.b):
        print(f"{row['from_stage']:<14} -> {row['to_stage']:<14} {row['reason']}")
    return 0


def _new(args: argparse.Namespace) -> int:
    from .model import JourneyMap, Persona

    out = Path(args.output)
    if out.exists() and not args.force:
        raise JourneyMapError(
            [
                Problem(
                    "",
                    "the file already exists and holds your work",
                    "pick another name, or add --force to replace it "
                    "(the old file is kept as .bak)",
                )
            ],
            source=str(out),
        )
    journey_map = JourneyMap.new(
        args.framework, title=args.title, persona=Persona(name=args.persona)
    )
    journey_map.save(out)
    print(f"Created {out} ({args.framework}: {', '.join(journey_map.stage_names)})")
    return 0


def _each_map(paths: Sequence[str], report: Callable[[str, JourneyMap], bool]) -> int:
    """Call ``report(path, map)`` for every map file; a file that does not load prints its
    problems, one line each, on stderr. Exit status 1 when a file failed or *report* said so."""
    from .model import load_map

    failed = False
    for path in paths:
        try:
            journey_map = load_map(path)
        except JourneyMapError as err:
            failed = True
            for line in err.lines():
                print(line, file=sys.stderr)
            continue
        failed |= report(path, journey_map)
    return 1 if failed else 0


def _validate(args: argparse.Namespace) -> int:
    def report(path: str, journey_map: JourneyMap) -> bool:
        gaps = len(journey_map.gaps())
        print(
            f"{path}: valid {journey_map.framework} map, "
            f"{len(journey_map.stages)} stages, {gaps} empty lane(s) left to fill"
        )
        return False

    return _each_map(args.files, report)


def _review(args: argparse.Namespace) -> int:
    from .coaching import review

    if hasattr(sys.stdout, "reconfigure"):  # learners' text may not fit a Windows console
        sys.stdout.reconfigure(errors="replace")

    def report(path: str, journey_map: JourneyMap) -> bool:
        result = review(journey_map, compare_with=args.compare_with)
        for finding in result:
            if args.praise or finding.level != "praise":
                print(f"{path}: {finding.line()}")
        print(f"{path}: {result.summary(named=False)}")
        return bool(result.fixes)

    return _each_map(args.files, report)


def _export(args: argparse.Namespace) -> int:
    from .export import export_map
    from .model import load_map

    written = export_map(load_map(args.map), args.to, args.output)
    print(f"Wrote {written}")
    return 0


def _slides(args: argparse.Namespace) -> int:
    from .slides import build_course

    build_course(args.paths, args.output, pdf=args.pdf)
    return 0


def _print(args: argparse.Namespace) -> int:
    from .paper import print_canvas, print_map, print_personas

    size = args.size.upper()
    if args.what == "canvas":
        lanes = [lane.strip() for lane in args.lanes.split(",")] if args.lanes else None
        out = args.output or f"canvas-{args.framework}-{size.lower()}.pdf"
        written = print_canvas(args.framework, out, size=size, lanes=lanes)
    elif args.what == "map":
        out = args.output or f"{Path(args.maps[0]).stem}-{size.lower()}.pdf"
        written = print_map(args.maps, out, size=size)
    else:
        out = args.output or f"personas-{size.lower()}.pdf"
        written = print_personas(args.maps, out, size=size, blank=args.blank)
    print(f"Wrote {written}")
    return 0


def _rollup(args: argparse.Namespace) -> int:
    from .debrief import rollup

    folder = Path(args.folder)
    bar = ProgressBar("Reading maps")
    result = rollup(folder, anonymize=args.anonymize, progress=bar)
    bar.close()
    for skipped in result.skipped:
        for line in skipped.error.lines():
            print(line, file=sys.stderr)
    if not len(result):
        raise JourneyMapError(
            [
                Problem(
                    "",
                    "no journey map could be read here"
                    if result.skipped
                    else "there are no journey map files (.json) here",
                    "copy the learners' saved .json files into this folder "
                    "(backups ending .bak and "
                    "conflict copies are ignored), then run the command again",
                )
            ],
            source=str(folder),
        )
    out = Path(args.output)
    result.to_html(out)
    print(result.summary())
    print(f"Wrote {out}")
    if args.csv:
        table = out.with_suffix(".csv") if args.csv is True else Path(args.csv)
        result.to_csv(table)
        print(f"Wrote {table}")
    return 0


class ProgressBar:
    """A one-line progress bar on standard error, shown only for folders of many files."""

    #: Fewer files than this are read without a bar.
    SHOW_FROM = 50
    WIDTH = 30

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = False
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        if total < self.SHOW_FROM:
            return
        filled = done * self.WIDTH // total
        if filled == self.last and done != total:
            return
        self.last, self.shown = filled, True
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        print(f"\r{self.label} [{bar}] {done}/{total}", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.shown:
            print(file=sys.stderr, flush=True)


def _lab(args: argparse.Namespace) -> int:
    from .lab import lab_environment, lab_options

    # The root stays the current folder (not the notebook's), so notebooks/, exercises/
    # and datasets/ all show in the file browser. The kit's options: see journeykit.lab.
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        str(args.notebook),
        f"--ServerApp.root_dir={Path.cwd()}",
        *lab_options(),
        *opening_url(args.notebook),
    ]
    if args.no_browser or not browser_available():
        command.append("--no-browser")
        print("No browser found here: open the URL that JupyterLab prints below.", flush=True)
    if running_as_root():
        command.append("--allow-root")  # containers and CI machines often run as root
    return run_in_place(command, lab_environment())


def _workshop(args: argparse.Namespace) -> int:
    from .workshop.room import Room

    if hasattr(sys.stdout, "reconfigure"):  # the QR code's blocks on a Windows console
        sys.stdout.reconfigure(errors="replace")
    room = Room(
        args.room,
        folder=args.dir,
        framework=args.framework,
        port=args.port,
        dashboard_port=args.dashboard_port,
        lan=args.lan,
        max_participants=args.max_participants,
        idle_timeout=args.idle_timeout,
        preheat=args.preheat,
        per_device=args.per_device,
        new_links=args.new_links,
        participants=not args.dashboard_only,
        join_link=args.join_link,
        teams=args.teams,
    )
    print(f'Opening room "{room.name}"...', flush=True)
    try:
        room.open()
        print(room.describe(qr=not args.no_qr), flush=True)
        if not args.no_browser and browser_available():
            import webbrowser

            webbrowser.open(room.dashboard_url)
        why = room.wait()
        print(f"Closing the room ({why}): saving every map...", flush=True)
    finally:
        room.close()
    maps, broken = room.saved_maps()
    print(
        f"Room closed. {len(maps)} map{'' if len(maps) == 1 else 's'} in {room.room_dir}",
        flush=True,
    )
    if broken:
        print(
            "These files are not maps that load (left as they are): "
            + ", ".join(path.name for path in broken),
            flush=True,
        )
    return 0


def _rubric(args: argparse.Namespace) -> int:
    from .assessment import rubric, rubric_markdown

    if args.markdown or not args.maps:
        print(rubric_markdown(), end="")
        return 0
    for path in args.maps:
        print(rubric(path))
    return 0


def _nbgrader_missing() -> JourneyMapError:
    return JourneyMapError(
        [
            Problem(
                "nbgrader",
                "nbgrader is not installed here",
                'install the teacher\'s tools: pip install "journeykit[grading]"',
            )
        ]
    )


def _course(args: argparse.Namespace) -> int:
    if args.course_command == "nbgrader":
        from .grading import nbgrader_course

        wanted = [e.strip() for e in args.exercises.split(",") if e.strip()] or None
        course = nbgrader_course(
            args.dir, wanted, source=args.source, force=args.force, timeout=args.timeout
        )
        print(course)
        return 0
    if args.course_command == "mistakes":
        from .grading.mistakes import write_mistakes_page

        out = args.output or Path(args.dir) / f"mistakes-{args.assignment}.html"
        print(f"Wrote {write_mistakes_page(args.dir, args.assignment, out)}")
        return 0
    try:
        import nbgrader  # noqa: F401 (the teacher's tool: the grading extra)
    except ImportError:
        raise _nbgrader_missing() from None
    from .grading.autograding import grade

    report = grade(args.dir, args.assignment, args.student or None)
    for submission in report:
        print(submission.line())
    failed = [s for s in report if not s.graded]
    print(f"{len(report) - len(failed)} of {len(report)} submissions graded.")
    return 1 if failed else 0


def opening_url(notebook: Path) -> list[str]:
    """The option that makes the URL JupyterLab prints (and ``/``) open *notebook*.

    Without it the printed URL opens the Launcher: only the browser JupyterLab opens
    itself goes to the notebook. Nothing for a notebook outside the current folder.

    Examples
    --------
    >>> opening_url(Path("notebooks") / "00_welcome.ipynb")
    ['--LabApp.default_url=/lab/tree/notebooks/00_welcome.ipynb']
    """
    try:
        inside = Path(notebook).resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return []
    return [f"--LabApp.default_url=/lab/tree/{quote(inside.as_posix())}"]


def run_in_place(command: list[str], env: dict[str, str] | None = None) -> int:
    """Run *command* as this process (POSIX), so Ctrl+C and kill reach JupyterLab itself.

    *env* is the environment it runs with (this process's own when None).
    """
    env = dict(os.environ) if env is None else env
    if os.name == "posix":
        sys.stdout.flush()
        os.execve(command[0], command, env)
    return subprocess.call(command, env=env)


def running_as_root() -> bool:
    """True for the root user on POSIX, where JupyterLab refuses to start unless told."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def browser_available() -> bool:
    """False on a Linux machine with no display, where no browser window can open."""
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="journeykit", description="Customer journey maps for classes and workshops."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("frameworks", help="list the journey frameworks and their stages")
    p.set_defaults(run=_frameworks)

    p = sub.add_parser("crosswalk", help="show how the stages of two frameworks line up")
    p.add_argument("a", help="framework id, e.g. six-stage")
    p.add_argument("b", help="framework id, e.g. eight-stage")
    p.set_defaults(run=_crosswalk)

    p = sub.add_parser("new", help="create a blank journey map file")
    p.add_argument("--framework", required=True, help="one of: " + ", ".join(framework_ids()))
    p.add_argument("-o", "--output", required=True, help="the .json file to create")
    p.add_argument("--title", default="", help="the map's title")
    p.add_argument("--persona", default="", help="the persona's name")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=_new)

    p = sub.add_parser("validate", help="check map files; exit 1 when any has problems")
    p.add_argument("files", nargs="+", help="map .json files")
    p.set_defaults(run=_validate)

    p = sub.add_parser(
        "review",
        help="coach's review of map files, one line per finding; "
        "exit 1 when any has something to fix",
    )
    p.add_argument("files", nargs="+", help="map .json files")
    p.add_argument(
        "--compare-with",
        metavar="EXAMPLE",
        default=None,
        help="also compare lane by lane with an example, e.g. clothing-store",
    )
    p.add_argument(
        "--no-praise", dest="praise", action="store_false", help="leave out what is done well"
    )
    p.set_defaults(run=_review)

    p = sub.add_parser("export", help="export a map to another format")
    p.add_argument("map", help="the map .json file")
    p.add_argument(
        "--to",
        required=True,
        help="html, md, csv, mermaid, png, svg or json (checked by the export)",
    )
    p.add_argument("-o", "--output", required=True, help="the file to write")
    p.set_defaults(run=_export)

    p = sub.add_parser("slides", help="build offline reveal.js decks from notebooks")
    p.add_argument("paths", nargs="+", help="notebooks, or folders of numbered notebooks")
    p.add_argument("-o", "--output", default="decks", help="output folder (default: decks)")
    p.add_argument("--pdf", action="store_true", help="also print each deck to PDF")
    p.set_defaults(run=_slides)

    p = sub.add_parser("rollup", help="compare a whole class's maps on one offline page")
    p.add_argument("folder", help="the folder the learners' .json maps were collected into")
    p.add_argument(
        "-o", "--output", default="class.html", help="the page to write (default: class.html)"
    )
    p.add_argument(
        "--csv",
        nargs="?",
        const=True,
        default=None,
        metavar="FILE",
        help="also write the tidy table as CSV (default: beside the page)",
    )
    p.add_argument(
        "--anonymize",
        action="store_true",
        help='label participants "Participant 1..N", e.g. for a projector',
    )
    p.set_defaults(run=_rollup)

    p = sub.add_parser(
        "print", help="print a blank canvas, saved maps or persona cards to PDF (A4 or A3)"
    )
    kinds = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    size = argparse.ArgumentParser(add_help=False)
    size.add_argument(
        "--size", default="A4", choices=["A4", "A3", "a4", "a3"], help="landscape (default A4)"
    )
    size.add_argument("-o", "--output", default=None, help="the PDF to write")
    k = kinds.add_parser(
        "canvas", parents=[size], help="a blank canvas: stages as columns, lanes as rows"
    )
    k.add_argument(
        "--framework",
        default="five-stage",
        help="one of: " + ", ".join(framework_ids()) + " (default five-stage)",
    )
    k.add_argument(
        "--lanes",
        default=None,
        help="only these lanes, comma-separated keys (emotion for the emotion band)",
    )
    k = kinds.add_parser("map", parents=[size], help="saved maps, each from a new sheet")
    k.add_argument("maps", nargs="+", help="map .json files")
    k = kinds.add_parser(
        "persona", parents=[size], help="persona cards: of saved maps, or blank to fill in"
    )
    k.add_argument("maps", nargs="*", help="map .json files (none: blank cards)")
    k.add_argument("--blank", type=int, default=0, help="blank cards to add (default: 2 alone)")
    p.set_defaults(run=_print)

    p = sub.add_parser("rubric", help="judge maps on the rubric, or print the blank rubric")
    p.add_argument("maps", nargs="*", help="map files (none: print the blank rubric)")
    p.add_argument("--markdown", action="store_true", help="print the blank rubric as Markdown")
    p.set_defaults(run=_rubric)

    p = sub.add_parser("course", help="grade a class with nbgrader (see docs/grading.md)")
    course = p.add_subparsers(dest="course_command", required=True, metavar="ACTION")
    c = course.add_parser("nbgrader", help="write an nbgrader course from the exercises")
    c.add_argument("dir", help="the course folder to write")
    c.add_argument("--exercises", default="", help="exercise ids, comma-separated (all)")
    c.add_argument("--from", dest="source", help="the exercise notebooks' folder")
    c.add_argument("--force", action="store_true", help="overwrite existing assignments")
    c.add_argument("--timeout", type=int, default=120, help="seconds a cell may run")
    c.set_defaults(run=_course)
    c = course.add_parser("grade", help="autograde every submission; say which failed, why")
    c.add_argument("dir", help="the course folder")
    c.add_argument("assignment", help="the assignment id, such as ex04")
    c.add_argument("--student", action="append", help="only this student (repeatable)")
    c.set_defaults(run=_course)
    c = course.add_parser("mistakes", help="a debrief page of what the class got wrong")
    c.add_argument("dir", help="the course folder")
    c.add_argument("assignment", help="the assignment id, such as ex04")
    c.add_argument("-o", "--output", help="the page to write (mistakes-ASSIGNMENT.html)")
    c.set_defaults(run=_course)

    p = sub.add_parser("lab", help="start JupyterLab on the first notebook")
    p.add_argument("notebook", nargs="?", default=FIRST_NOTEBOOK, type=Path)
    p.add_argument("--no-browser", action="store_true", help="only print the URL")
    p.set_defaults(run=_lab)

    p = sub.add_parser(
        "workshop",
        help="open a workshop room: participants join from a browser, you watch the live roll-up",
    )
    p.add_argument("--room", required=True, help='the room\'s name, e.g. "Bakery class"')
    p.add_argument(
        "--framework",
        default="five-stage",
        help="framework of the participants' maps: " + ", ".join(framework_ids()),
    )
    p.add_argument("--dir", default="rooms", help="folder of the rooms (default: rooms)")
    p.add_argument("--port", type=int, default=8866, help="participants' port (default 8866)")
    p.add_argument(
        "--dashboard-port",
        type=int,
        default=None,
        help="the dashboard's port (default: the participants' port + 1)",
    )
    p.add_argument(
        "--lan",
        action="store_true",
        help="let devices on the local network join (the dashboard stays on this computer)",
    )
    p.add_argument("--max-participants", type=int, default=60, help="default 60")
    p.add_argument(
        "--idle-timeout",
        type=float,
        default=600,
        help="seconds after which a closed page's kernel stops, its map saved "
        "(default 600; 0: never)",
    )
    p.add_argument(
        "--preheat",
        type=int,
        default=40,
        help="kernels started ahead, each with an editor ready, so a class joining at once "
        "waits seconds, not minutes (default 40, at most --max-participants; 0: none)",
    )
    p.add_argument(
        "--per-device",
        type=int,
        default=4,
        help="pages and names one device may hold at once (default 4; this computer is "
        "never limited; 0: no limit, when every participant comes through one router)",
    )
    p.add_argument(
        "--new-links",
        action="store_true",
        help="new tokens instead of the links of the room's last session",
    )
    p.add_argument(
        "--dashboard-only",
        action="store_true",
        help="only the dashboard, e.g. when participants join through JupyterHub",
    )
    p.add_argument(
        "--join-link",
        default="",
        help="with --dashboard-only: the link participants use (shown with a QR code)",
    )
    p.add_argument(
        "--teams",
        default="",
        help='run the room in teams, e.g. "Red,Blue": each participant picks one as they '
        "join, and each team edits one shared map",
    )
    p.add_argument("--no-qr", action="store_true", help="do not print the QR code")
    p.add_argument("--no-browser", action="store_true", help="do not open the dashboard")
    p.set_defaults(run=_workshop)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except JourneyMapError as err:
        for line in err.lines():
            print(line, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
