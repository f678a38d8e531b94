"""The sandbox's cost per notebook: `course grade` with and without it, on the same class, in the same run.

    python benchmarks/isolation.py                            # 24 students x lesson 00, 2 rounds
    python benchmarks/isolation.py --students 12 --rounds 3 --lesson 05-social-traffic
    python benchmarks/isolation.py --dry-run                  # prepare the class, print the commands only

One synthetic class (right, partly right, wrong, blank and broken submissions from the course's known
answers) is written into two identical instructor course folders, one per variant, with the lesson recorded
in their gradebooks before any clock starts. Each run grades a fresh copy of its variant's folder with
`course grade LESSON --workers 1 --no-sandbox` or `course grade LESSON --workers 1` (sandboxed, the default),
as a subprocess, so both pay the same start-up. One worker: the difference is the sandbox's own cost per
notebook, not how workers share the cores. The order alternates from round to round (the plain run first in
odd rounds) so that neither variant always profits from caches the other warmed.

The difference per notebook is the sandboxed mean minus the plain mean, over the rounds, divided by the
students; the ratio is sandboxed over plain. Plain `nbgrader autograde LESSON` on one more fresh copy is
timed once, as a reference: it writes no feedback pages, which `course grade` does.
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

from class_grading import timed_nbgrader  # this folder's other benchmark (run as a script, it is on the path)

from likes_to_ledger import synthetic
from likes_to_ledger.classgrade import course_directory, ensure_lesson_in_gradebook
from likes_to_ledger.grading import nbgrader_environment
from likes_to_ledger.manifest import load_manifest
from likes_to_ledger.paths import CourseDir

VARIANTS = {"no sandbox": ["--no-sandbox"], "sandboxed": []}


def course_grade_command(lesson_id: str, variant: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "likes_to_ledger.cli",
        "grade",
        lesson_id,
        "--workers",
        "1",
        *VARIANTS[variant],
    ]


def supports_no_sandbox() -> bool:
    """Whether this checkout's `course grade` has the --no-sandbox option yet."""
    result = subprocess.run(
        [sys.executable, "-m", "likes_to_ledger.cli", "grade", "--help"], capture_output=True, text=True
    )
    return "--no-sandbox" in result.stdout


def prepared_folder(
    course: CourseDir, root: Path, lesson_id: str, submissions: list[synthetic.SyntheticSubmission]
) -> CourseDir:
    """An instructor's course folder with the lesson in its gradebook and the class in submitted/."""
    folder = synthetic.instructor_course(course, root, [lesson_id])
    ensure_lesson_in_gradebook(folder, lesson_id, course_directory(folder).db_url, None)
    synthetic.write_submitted(submissions, folder.root)
    return folder


def fresh_copy(folder: CourseDir, root: Path) -> Path:
    """A copy nothing has graded yet (the datasets stay a link to the course's, as in the original)."""
    shutil.copytree(folder.root, root, symlinks=True)
    return root


def timed_course_grade(root: Path, lesson_id: str, variant: str, n_students: int) -> float:
    """Seconds `course grade` takes in this folder; exits, quoting it, unless it graded every student."""
    started = time.perf_counter()
    result = subprocess.run(
        course_grade_command(lesson_id, variant),
        cwd=root,
        env=nbgrader_environment(),
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0 or f"{lesson_id}: {n_students} graded" not in result.stdout:
        sys.exit(
            f"course grade ({variant}) did not grade the {n_students} students in {root}:\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return elapsed


def round_order(round_number: int) -> list[str]:
    """The variants in the order round `round_number` (from 1) runs them: plain first in odd rounds."""
    order = list(VARIANTS)
    return order if round_number % 2 else order[::-1]


def print_plan(lesson_id: str, runs: list[tuple[int, str]], prepared: dict[str, CourseDir]) -> None:
    """What a run would do, for --dry-run."""
    supported = "has" if supports_no_sandbox() else "does NOT have yet"
    print(f"Dry run: `course grade` {supported} --no-sandbox. Would run, each in a fresh copy:")
    for number, variant in runs:
        command = " ".join(course_grade_command(lesson_id, variant))
        print(f"  round {number}, {variant:<10} (copy of {prepared[variant].root}): {command}")
    print(f"  reference: nbgrader autograde {lesson_id} --create (copy of {prepared['no sandbox'].root})")


def kernel_start_seconds(manager_class, folder: Path) -> float:
    """Seconds from asking for a kernel to its first reply, and its shutdown: the sandbox's fixed cost."""
    import asyncio

    async def once() -> float:
        started = time.perf_counter()
        # Local sockets for both, as `course grade` uses them with and without the sandbox.
        sockets = tempfile.mkdtemp(prefix="bench-kernel-")
        manager = manager_class(kernel_name="python3", transport="ipc", ip=f"{sockets}/kernel")
        await manager.start_kernel(cwd=str(folder))
        client = manager.client()
        client.start_channels()
        await client.wait_for_ready(timeout=60)
        client.stop_channels()
        await manager.shutdown_kernel(now=True)
        elapsed = time.perf_counter() - started
        shutil.rmtree(sockets, ignore_errors=True)
        return elapsed

    return asyncio.run(once())


def compare_kernel_starts(course: CourseDir, lesson_id: str, times: int) -> None:
    from jupyter_client.manager import AsyncKernelManager

    from likes_to_ledger.sandbox import SandboxedKernelManager

    managers = {"no sandbox": AsyncKernelManager, "sandboxed": SandboxedKernelManager}
    seconds: dict[str, list[float]] = {variant: [] for variant in managers}
    for number in range(1, times + 1):
        for variant in round_order(number):  # alternating, as the class runs
            seconds[variant].append(kernel_start_seconds(managers[variant], course.lesson_folder(lesson_id)))
    plain, sandboxed = (statistics.median(seconds[variant]) for variant in managers)
    print(
        f"kernel start to first reply and shutdown, median of {times}: {plain:.3f} s without the sandbox, "
        f"{sandboxed:.3f} s with it: {sandboxed - plain:+.3f} s per notebook"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lesson", default="00-orientation", help="the lesson (default 00-orientation)")
    parser.add_argument("--students", type=int, default=24, help="students in the class (default 24)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each variant (default 2)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--kernel-starts", type=int, default=20, help="kernel starts timed alone, per variant (default 20)"
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="prepare the class and folders, print the commands, grade nothing",
    )
    args = parser.parse_args()

    course = CourseDir.find(Path(__file__).parent)
    known = [lesson.id for lesson in load_manifest(course).lessons]
    if args.lesson not in known:
        sys.exit(f"No lesson {args.lesson} in course.toml; the lessons are: {', '.join(known)}")
    if args.students < 1 or args.rounds < 1:
        sys.exit("--students and --rounds must be 1 or more.")
    if not args.dry_run and not supports_no_sandbox():
        sys.exit(
            "`course grade` has no --no-sandbox option in this checkout yet, so the two variants cannot be "
            "told apart. Run with --dry-run to check the set-up, or update the checkout."
        )

    print(f"{args.students} students x {args.lesson}, course grade with 1 worker, {args.rounds} round(s)")
    with tempfile.TemporaryDirectory(prefix="course-bench-isolation-") as scratch_name:
        scratch = Path(scratch_name)
        submissions = synthetic.make_class(course, [args.lesson], args.students, seed=args.seed)
        prepared = {
            variant: prepared_folder(course, scratch / "prepared" / slug, args.lesson, submissions)
            for variant, slug in (("no sandbox", "plain"), ("sandboxed", "sandboxed"))
        }
        runs = [(number, variant) for number in range(1, args.rounds + 1) for variant in round_order(number)]
        if args.dry_run:
            print_plan(args.lesson, runs, prepared)
            return 0

        print(f"{'round':<6} {'variant':<11} {'seconds':>8} {'s/notebook':>11}")
        seconds: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
        for number, variant in runs:
            copy = fresh_copy(prepared[variant], scratch / f"round-{number}-{variant.replace(' ', '-')}")
            elapsed = timed_course_grade(copy, args.lesson, variant, args.students)
            seconds[variant].append(elapsed)
            print(f"{number:<6} {variant:<11} {elapsed:8.1f} {elapsed / args.students:11.2f}", flush=True)
        reference_copy = fresh_copy(prepared["no sandbox"], scratch / "reference-nbgrader")
        reference = timed_nbgrader(reference_copy, "autograde", args.lesson, "--create")

    plain = statistics.mean(seconds["no sandbox"]) / args.students
    sandboxed = statistics.mean(seconds["sandboxed"]) / args.students
    print(
        f"\nnbgrader autograde alone (reference, no feedback): {reference:.1f} s, "
        f"{reference / args.students:.2f} s per notebook"
    )
    print(
        f"per notebook, mean of {args.rounds} round(s): {plain:.2f} s without the sandbox, {sandboxed:.2f} s "
        f"with it: {sandboxed - plain:+.2f} s per notebook, x{sandboxed / plain:.2f}"
    )
    if args.kernel_starts:
        compare_kernel_starts(course, args.lesson, args.kernel_starts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
