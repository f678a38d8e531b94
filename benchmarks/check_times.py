"""How long `course check` takes to grade lesson 00, next to `nbgrader validate` and nbgrader's own route.

    python benchmarks/check_times.py [--repeat 3]

All runs grade the same learner's notebook: lesson 00's student version with every answer filled with
the solution's code (as the course tests fill it) and its written answer filled in too, in a temporary
copy of the course, so nothing in the course folder changes. Each round times these, one after the
other, so that drift in machine load hits all alike:
- course check, cold: `course check NOTEBOOK` just after its cached gradebook (.course/check/) is deleted,
  as on the first check of a lesson;
- course check: the same command as a learner runs it again, Python startup included;
- nbgrader validate: `python -m nbgrader validate NOTEBOOK`, run in the course folder;
- nbgrader route: in a fresh course, `nbgrader generate_assignment`, `autograde` and `generate_feedback`.
One untimed course check comes first. The script stops if a check doesn't give 10 / 10, or if the
learner's notebook changed, so it can't silently time a failure.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from likes_to_ledger import notebooks
from likes_to_ledger.grading import ScratchCourse, nbgrader_environment
from likes_to_ledger.manifest import load_manifest
from likes_to_ledger.paths import CourseDir

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
from lesson_tools import filled_lesson  # noqa: E402

LESSON = "00-orientation"
WRITTEN_ANSWER = (
    "Instagram reached the most people this week, mostly through its reels: I'd test one more reel "
    "next week. But one week is a small sample, and reach isn't sales."
)
FULL_SCORE = "Score: 10 / 10 autograded points"
TARGET_SECONDS = 3.0
NBGRADER_STEPS = ("generate_assignment", "autograde", "generate_feedback")


def copy_course(course: CourseDir, root: Path) -> CourseDir:
    """The files `course check` and nbgrader read: manifest, its datasets, nbgrader configuration, lessons."""
    for name in ("course.toml", "nbgrader_config.py", "grader_config.py"):
        shutil.copyfile(course.root / name, root / name)
    (root / "datasets").mkdir()
    for name in {name for lesson in load_manifest(course).lessons for name in lesson.datasets}:
        shutil.copyfile(course.dataset(name), root / "datasets" / name)
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.feedback.html")
    for folder in ("solutions", "lessons"):
        shutil.copytree(course.root / folder, root / folder, ignore=ignore)
    return CourseDir(root)


def learner_notebook(course: CourseDir):
    """Lesson 00 as a learner hands it in: answers filled as the course tests fill them, and written ones."""
    nb = filled_lesson(course, LESSON)
    for cell, meta in notebooks.nbgrader_cells(nb):
        if cell.cell_type == "markdown" and meta.get("solution"):
            cell.source = WRITTEN_ANSWER
    return nb


def run(
    command: list[str], cwd: Path, env: dict[str, str] | None = None
) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, result


def time_course_check(course: CourseDir, notebook: Path, cold: bool = False) -> float:
    if cold:
        for prepared in (course.root / ".course" / "check").glob(f"{LESSON}-*"):
            shutil.rmtree(prepared)
    # As a learner runs it: .venv/bin/course, in the course folder, with the environment as it is.
    command = [str(Path(sys.executable).parent / "course"), "check", course.relative(notebook)]
    elapsed, result = run(command, course.root)
    if result.returncode != 0 or FULL_SCORE not in result.stdout:
        sys.exit(f"course check did not give 10 / 10:\n{result.stdout}\n{result.stderr[-2000:]}")
    return elapsed


def time_validate(course: CourseDir, notebook: Path) -> float:
    command = [sys.executable, "-m", "nbgrader", "validate", str(notebook)]
    elapsed, result = run(command, course.root, nbgrader_environment())
    if result.returncode != 0 or "Success!" not in result.stdout:
        sys.exit(f"nbgrader validate did not pass:\n{result.stdout}\n{result.stderr[-2000:]}")
    return elapsed


def time_nbgrader_route(course: CourseDir, notebook: Path) -> dict[str, float]:
    """Seconds per command of nbgrader's route, in a fresh course each time."""
    with tempfile.TemporaryDirectory(prefix="course-check-bench-") as folder:
        scratch = ScratchCourse(course, Path(folder))
        shutil.copytree(course.solution_folder(LESSON), scratch.root / "solutions" / LESSON)
        seconds = {}
        for step in NBGRADER_STEPS:
            if step == "autograde":
                scratch.submit(LESSON, "learner", notebooks.read(notebook))
            start = time.perf_counter()
            args = ("--create", "--force") if step == "autograde" else ("--force",)
            result = scratch.nbgrader(step, LESSON, *args)
            seconds[step] = time.perf_counter() - start
            if result.returncode != 0:
                sys.exit(f"nbgrader {step} failed:\n{result.stderr[-2000:]}")
        scores = scratch.scores(LESSON, "learner").values()
        autograded = sum(cell.score for cell in scores if cell.grade_id.endswith("_check"))
        if autograded != 10:
            sys.exit(f"nbgrader's autograde gave {autograded:g} / 10, not 10 / 10")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds of measurements (default 3)")
    args = parser.parse_args()
    course = CourseDir.find(Path(__file__).parent)

    with tempfile.TemporaryDirectory(prefix="course-copy-") as folder:
        copy = copy_course(course, Path(folder))
        notebook = copy.lesson_notebook(LESSON)
        notebooks.write(learner_notebook(copy), notebook)
        learner_bytes = notebook.read_bytes()

        time_course_check(copy, notebook)  # warm-up: prepares the lesson's gradebook in .course/check/
        times: dict[str, list[float]] = {
            "course check, cold": [],
            "course check": [],
            "nbgrader validate": [],
        }
        steps: dict[str, list[float]] = {step: [] for step in NBGRADER_STEPS}
        for _ in range(args.repeat):  # round-robin, so drift in machine load hits every route alike
            times["course check, cold"].append(time_course_check(copy, notebook, cold=True))
            times["course check"].append(time_course_check(copy, notebook))
            times["nbgrader validate"].append(time_validate(copy, notebook))
            for step, seconds in time_nbgrader_route(copy, notebook).items():
                steps[step].append(seconds)
        times["nbgrader route"] = [sum(round_) for round_ in zip(*steps.values(), strict=True)]
        if notebook.read_bytes() != learner_bytes:
            sys.exit("The learner's notebook changed during the checks.")

    check = statistics.median(times["course check"])
    print(f"lesson {LESSON}, filled with the solution's answers; {args.repeat} rounds, seconds")
    print(f"{'route':<22} {'median':>7} {'min':>6} {'max':>6} {'÷ course check':>15}")
    for route, seconds in times.items():
        median = statistics.median(seconds)
        print(f"{route:<22} {median:7.2f} {min(seconds):6.2f} {max(seconds):6.2f} {median / check:15.2f}")
    route = statistics.median(times["nbgrader route"])
    shares = ", ".join(f"{step} {statistics.median(steps[step]) / route:.0%}" for step in NBGRADER_STEPS)
    print(f"\nnbgrader route, each command's share of its median: {shares}")
    print(f"nbgrader route / course check: {route / check:.1f}×")
    print(f"nbgrader validate / course check: {statistics.median(times['nbgrader validate']) / check:.1f}×")
    met = "met" if check < TARGET_SECONDS else "MISSED"
    print(f"course check {met} the {TARGET_SECONDS:g} s target (median {check:.2f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
