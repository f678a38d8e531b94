"""Per lesson: how long the solution takes to run, and how long nbgrader takes to autograde it.

    python benchmarks/lesson_times.py [--runs 5] [--lesson 00-orientation]

Each figure is the median of several runs, each in a fresh kernel (execution) or a fresh
`nbgrader autograde` process (grading), so the two are measured side by side on the same,
possibly noisy, machine. The ratio says how much nbgrader adds on top of running the lesson.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbclient

from likes_to_ledger import notebooks
from likes_to_ledger.grading import ScratchCourse
from likes_to_ledger.manifest import load_manifest
from likes_to_ledger.paths import CourseDir


def time_execution(course: CourseDir, lesson_id: str) -> float:
    nb = notebooks.read(course.solution_notebook(lesson_id))
    client = nbclient.NotebookClient(
        nb, kernel_name="python3", resources={"metadata": {"path": str(course.solution_folder(lesson_id))}}
    )
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def time_autograde(scratch: ScratchCourse, lesson_id: str) -> float:
    start = time.perf_counter()
    result = scratch.nbgrader("autograde", lesson_id, "--create", "--force")
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"nbgrader autograde failed for {lesson_id}:\n{result.stderr[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument("--lesson", action="append", help="only this lesson (repeatable)")
    args = parser.parse_args()

    course = CourseDir.find(Path(__file__).parent)
    lessons = [lesson.id for lesson in load_manifest(course).lessons]
    lessons = [lesson_id for lesson_id in lessons if not args.lesson or lesson_id in args.lesson]

    print(f"median of {args.runs} runs, seconds")
    print(f"{'lesson':<24} {'execute':>8} {'autograde':>10} {'ratio':>6}   (min-max execute | autograde)")
    for lesson_id in lessons:
        with tempfile.TemporaryDirectory(prefix="course-bench-") as folder:
            scratch = ScratchCourse(course, Path(folder))
            scratch.release(lesson_id)
            scratch.submit(lesson_id, "solution", notebooks.read(course.solution_notebook(lesson_id)))
            executions, autogrades = [], []
            for _ in range(args.runs):  # interleaved, so drift in machine load hits both alike
                executions.append(time_execution(course, lesson_id))
                autogrades.append(time_autograde(scratch, lesson_id))
        execute, autograde = statistics.median(executions), statistics.median(autogrades)
        print(
            f"{lesson_id:<24} {execute:8.2f} {autograde:10.2f} {autograde / execute:6.2f}"
            f"   ({min(executions):.2f}-{max(executions):.2f} | {min(autogrades):.2f}-{max(autogrades):.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
