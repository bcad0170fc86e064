"""Autograding with the kit's test cells, next to nbgrader with plain ``assert`` test cells.

Two nbgrader courses with the same assignment (ex04 by default): the kit's, made by
``journeykit course nbgrader`` (test cells that record each answer, judged again by the kit's
plugin outside the kernel), and a peer whose test cells are plain ``assert`` lines on the same
answers, graded by nbgrader alone. The same submissions go to both: a third hold the
solutions, a third typical wrong answers, a third the untouched notebook. nbgrader's own
autograde runs each submission, one course and then the other in turn, so a busy machine
slows both alike. Printed: the total time each course took for all submissions, the median
per submission, and the ratio of the kit's to the peer's (goal: at most 1.3).

``--without-plugin`` grades the kit's course as nbgrader would without the kit's plugin in
its config: every test cell then judges in the learner's kernel, with a fresh copy of the
checks (the fallback, and its cost).

Usage: ``python benchmarks/grading.py [--submissions 60] [--exercise ex04] [--without-plugin]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from journeykit.grading import nbgrader_course
from journeykit.grading.autograding import _tools_on_path, course_api
from journeykit.grading.parts import questions
from journeykit.grading.testcell import GRADER_JUDGES

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.grading.conftest import with_answers, wrong_code  # noqa: E402

#: The goal for the kit's time over the peer's.
GOAL = 1.3

#: Plain assert test cells for the peer, per exercise and question: what a teacher without the
#: kit would write for the same answers.
ASSERTS: dict[str, dict[str, str]] = {
    "ex04": {
        "q1": (
            "expected = {\n"
            '    "actions": {"Spots a Facebook ad showing trendy summer clothes"},\n'
            '    "touchpoints": {"Instagram post", "Facebook ad", "Fashion blog"},\n'
            '    "emotion_words": {"Curiosity", "Interest"},\n'
            '    "business_activities": {"Run targeted ads", "Use attractive visuals",\n'
            '                            "Collaborate with fashion bloggers"},\n'
            "}\n"
            "assert {lane: set(items) for lane, items in lanes.items()} == expected"
        ),
        "q2": (
            'assert touchpoint_stage == {"Facebook ad": "Awareness",\n'
            '    "Review sections": "Consideration", "Checkout page": "Decision",\n'
            '    "Delivery tracking": "Retention", "Referral program": "Advocacy"}'
        ),
        "q3": (
            'decision = store.stage("Decision")\n'
            "assert not store.problems()\n"
            "assert decision.goal and decision.emotion_score is not None\n"
            "assert len(decision.actions) >= 2 and len(decision.touchpoints) >= 2\n"
            "assert len(decision.business_activities) >= 2"
        ),
    },
}

PEER_CONFIG = """c = get_config()  # noqa: F821
c.CourseDirectory.course_id = "peer"
c.ClearSolutions.code_stub = {"python": ""}
c.Execute.timeout = 120
c.Execute.iopub_timeout = 30
"""


def peer_course(kit_root: Path, root: Path, exercise: str) -> None:
    """The kit's assignment with each test cell's code replaced by plain asserts."""
    source = next((kit_root / "source" / exercise).glob("*.ipynb"))
    nb = nbformat.read(source, 4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.endswith("-test"):
            cell.source = ASSERTS[exercise][grade_id.split("-")[0]]
    folder = root / "source" / exercise
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / source.name)
    (root / "nbgrader_config.py").write_text(PEER_CONFIG, encoding="utf-8")


def submissions(kit_root: Path, roots: list[Path], exercise: str, count: int) -> list[str]:
    """Write *count* submissions into each course's ``submitted/``; return the student ids."""
    release = next((kit_root / "release" / exercise).glob("*.ipynb"))
    released = nbformat.read(release, 4)
    solved = with_answers(released, {q.name: q.solution_code for q in questions(exercise)})
    wrong = with_answers(
        released, {q.name: wrong_code(exercise, q.name) for q in questions(exercise)}
    )
    kinds = [solved, wrong, released]
    students = []
    for i in range(count):
        student = f"learner{i:03d}"
        students.append(student)
        for root in roots:
            folder = root / "submitted" / student / exercise
            folder.mkdir(parents=True)
            nbformat.write(kinds[i % 3], folder / release.name)
    return students


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=60)
    parser.add_argument("--exercise", default="ex04", choices=sorted(ASSERTS))
    parser.add_argument(
        "--without-plugin", action="store_true", help="judge in the kernel (no kit plugin)"
    )
    args = parser.parse_args()
    exercise = args.exercise
    with tempfile.TemporaryDirectory() as tmp, _tools_on_path():
        kit_root, peer_root = Path(tmp) / "kit", Path(tmp) / "peer"
        nbgrader_course(kit_root, [exercise])
        kit = course_api(kit_root)
        assert kit.generate_assignment(exercise, force=True)["success"]
        if args.without_plugin:
            from nbgrader.converters import Autograde

            plain = Autograde.class_traits()["autograde_preprocessors"].default()
            kit = course_api(kit_root, Autograde__autograde_preprocessors=plain)
            os.environ.pop(GRADER_JUDGES, None)
        peer_course(kit_root, peer_root, exercise)
        peer = course_api(peer_root)
        assert peer.generate_assignment(exercise, force=True)["success"]
        students = submissions(kit_root, [kit_root, peer_root], exercise, args.submissions)
        times: dict[str, list[float]] = {"kit": [], "peer": []}
        scores: dict[str, list[float]] = {"kit": [], "peer": []}
        for n, student in enumerate(students):
            order = [("kit", kit, kit_root), ("peer", peer, peer_root)]
            for name, api, root in order if n % 2 == 0 else order[::-1]:
                start = time.perf_counter()
                result = api.autograde(exercise, student, force=True)
                times[name].append(time.perf_counter() - start)
                assert result["success"], result.get("error")
                scores[name].append(_score(root, exercise, student, name))
        # both courses give the solutions every point and the untouched notebooks none (the
        # peer's asserts are looser about a wrong map stage, as hand-written tests often are)
        for name in scores:
            assert set(scores[name][0::3]) == {max(scores[name])} and set(scores[name][2::3]) == {
                0
            }, (name, scores[name])
    kit_total, peer_total = sum(times["kit"]), sum(times["peer"])
    how = " (the kit judging in the kernel, no plugin)" if args.without_plugin else ""
    print(
        f"{args.submissions} submissions of {exercise}, nbgrader autograde, one course in "
        f"turn{how}:"
    )
    for name, total in (("kit", kit_total), ("peer: plain asserts", peer_total)):
        key = name.split(":")[0]
        median = statistics.median(times[key])
        print(f"  {name:<20} {total:7.1f} s in all, {median:5.2f} s median per submission")
    ratio = kit_total / peer_total
    verdict = "within" if ratio <= GOAL else "over"
    print(f"  ratio kit / peer: {ratio:.2f}x ({verdict} the goal of {GOAL}x)")
    figures = {"exercise": exercise, "submissions": args.submissions, "ratio": ratio}
    print(json.dumps({**figures, "without_plugin": args.without_plugin}))
    return 0


def _score(root: Path, exercise: str, student: str, course: str) -> float:
    from nbgrader.api import Gradebook

    with Gradebook(
        f"sqlite:///{root / 'gradebook.db'}", "journeykit" if course == "kit" else "peer"
    ) as gb:
        return float(gb.find_submission(exercise, student).score)


if __name__ == "__main__":
    sys.exit(main())
