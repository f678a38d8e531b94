"""Untrusted submissions: a class of hostile notebooks graded by `course grade`, each with its exact outcome.

Every kind of tampering, breakage and attack in hostile_submissions.py is handed in by one student of lesson
00, beside honest students of every kind (likes_to_ledger.synthetic). The class is graded once, in the
sandbox, with small limits so that the loops and bombs end quickly; the tests then read what each student got,
what the report says about them, what the kernels could see, and what became of the instructor's files.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import COURSE
from hostile_submissions import HOSTILE, HOSTILE_BY_KIND, STORED_OUTPUT_LINES, TAMPER_MARK
from nbgrader.api import Gradebook

from likes_to_ledger import notebooks, synthetic
from likes_to_ledger.classgrade import grade_class, gradebook_problems, ledger_folder
from likes_to_ledger.grading import nbgrader_environment
from likes_to_ledger.paths import CourseDir
from likes_to_ledger.sandbox import Limits, unavailable_reason
from likes_to_ledger.submission_repair import MEGABYTE

pytestmark = pytest.mark.skipif(
    unavailable_reason() is not None, reason=f"no sandbox on this machine: {unavailable_reason()}"
)

LESSON = "00-orientation"
COURSE_ID = "likes-to-ledger"
# Small limits: an endless loop is interrupted after 8 s, a notebook stopped after 60 s.
LIMITS = Limits(cell_seconds=8, wall_seconds=60, cpu_seconds=60, memory_bytes=2048 * 1024 * 1024)
SECRET = "hostile-test-secret-4711"  # in the grader's environment: no kernel may see it
POINTS = {"ex1": 1, "ex2": 1, "ex3": 2, "ex4": 2, "ex5": 2, "ex6": 2}

# Checks that score 0 by design even though their answers are right: the notebook stopped before them.
NOT_RUN = {
    "kills-kernel": {"ex5", "ex6"},  # os._exit(1) after ex4's check
    "infinite-loop-catching-interrupt": {"ex4", "ex5", "ex6"},  # stopped after ex3's check
}

# What the grading report says about each kind (every remark, in order; a phrase of each is enough).
REMARKS = {
    "deleted-test-cell": ["the check ex3_check was missing", "put back from the lesson"],
    "duplicated-test-cell": ["cell 19 repeats ex2_check (already in cell 18): graded as an ordinary cell"],
    "reordered-cells": ["graded cells were out of order (ex5_check in cell 30 came before ex5_answer"],
    "renamed-grade-id": [
        "cell 15 is marked 'ex1_check_mine', which the lesson doesn't have",
        "the check ex1_check was missing",
    ],
    "changed-points": ["(ex1_check) were changed (points 100 instead of 1): graded with the lesson's marks"],
    "changed-cell-type": ["cell 36 (ex6_check) was changed from a code cell to a markdown cell"],
    "edited-test": ["the check in cell 18 (ex2_check) was edited: graded with the lesson's check"],
    "fake-check-function": ["Before ex1_check", "put back: the name 'check'"],
    "patched-grade": ["Before ex1_check", "put back: course_checks.grade"],
    "patched-check-and-grade": ["put back: course_checks.check, course_checks.grade, the name 'check'"],
    "patched-builtins": ["put back: builtins.abs, builtins.isinstance"],
    "patched-sys-exit": ["Before ex2_check", "put back: sys.exit"],
    "patched-showtraceback": ["put back: IPython's _showtraceback, IPython's showtraceback"],
    "silenced-errors": ["IPython's post_run_cell callbacks"],
    "invalid-json": ["the file is not valid JSON (", "Ask the student for the notebook again."],
    "not-a-notebook": ["the file is JSON but not a notebook", "Ask the student for the notebook again."],
    "wrong-kernel": ["the notebook asked for kernel 'python2'; graded with the lesson's Python 3 kernel"],
    "wrong-kernel-ir": ["the notebook asked for kernel 'ir'; graded with the lesson's Python 3 kernel"],
    "huge-output": ["The notebook printed more than 2 MB; the rest of it was not kept."],
    "stored-huge-output": [f"stored outputs of {STORED_OUTPUT_LINES * 1000 / MEGABYTE:.1f} MB were dropped"],
    "oversized-file": ["more than the 50 MB a submission may be", "Ask the student for the notebook again."],
    "infinite-loop": ["Cell 22 ran longer than 8 seconds and was interrupted; the notebook went on"],
    "kills-kernel": ["Grading stopped: the kernel stopped (exit code 1): the notebook's own code ended it"],
    "infinite-loop-catching-interrupt": [
        "Grading stopped: a cell ran longer than 8 seconds and could not be interrupted"
    ],
}


def expected_scores(kind: str) -> dict[str, float]:
    hostile = HOSTILE_BY_KIND[kind]
    return {
        f"{exercise}_check": float(points)
        if exercise in hostile.right_exercises and exercise not in NOT_RUN.get(kind, ())
        else 0.0
        for exercise, points in POINTS.items()
    }


def instructor_files(course: CourseDir) -> dict[str, str]:
    """A hash of every file of the course folder that grading must leave alone (all but its own output:
    the gradebook, autograded/, feedback/ and the records in .course/)."""
    produced = {"gradebook.db", "autograded", "feedback", ".course"}
    hashes = {}
    for path in sorted(course.root.rglob("*")):
        relative = path.relative_to(course.root)
        if relative.parts[0] in produced or not path.is_file():
            continue
        hashes[relative.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    for path in sorted(course.datasets.rglob("*")):  # linked from the course: shared with every test
        if path.is_file():
            hashes[f"datasets/{path.relative_to(course.datasets)}"] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return hashes


def scores_of(course: CourseDir, student: str) -> dict[str, float]:
    with Gradebook(f"sqlite:///{course.root / 'gradebook.db'}", COURSE_ID) as gradebook:
        submission = gradebook.find_submission_notebook(LESSON, LESSON, student)
        return {grade.name: grade.score for grade in submission.grades if grade.name.endswith("_check")}


def hostile_cell_output(course: CourseDir, student: str) -> str:
    """Everything the hostile cells of a student's autograded notebook printed."""
    nb = notebooks.read(course.root / "autograded" / student / LESSON / f"{LESSON}.ipynb")
    texts = []
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.get("id", "").startswith("hostile"):
            for output in cell.outputs:
                texts.append(output.get("text", "") + json.dumps(output.get("data", {})))
                texts += [output.get("evalue", "")]
    return "\n".join(texts)


def write_class(course: CourseDir, kinds, honest) -> None:
    for kind in kinds:
        HOSTILE_BY_KIND[kind].make(course.root / "submitted" / kind / LESSON / f"{LESSON}.ipynb")
    synthetic.write_submitted(honest, course.root)


@pytest.fixture(scope="module")
def honest_students():
    return synthetic.make_class(COURSE, [LESSON], 5, seed=9)


@pytest.fixture(scope="module")
def hostile_class(tmp_path_factory, honest_students):
    """The whole class, graded once: (course folder, report, instructor files before grading, the port of
    a loopback service running meanwhile)."""
    course = synthetic.instructor_course(COURSE, tmp_path_factory.mktemp("hostile") / "course", [LESSON])
    write_class(course, [hostile.kind for hostile in HOSTILE], honest_students)
    before = instructor_files(course)
    os.environ["AWS_SECRET_ACCESS_KEY"] = SECRET  # the workers inherit it; the kernels must not
    # A service of the grader's machine on loopback, which the port scan must not reach.
    with socket.create_server(("127.0.0.1", 0)) as service:
        try:
            report = grade_class(course, [LESSON], progress=None, limits=LIMITS)
        finally:
            del os.environ["AWS_SECRET_ACCESS_KEY"]
        return course, report, before, service.getsockname()[1]


def test_the_suite_covers_at_least_fifteen_kinds():
    """Are there at least 15 kinds of hostile submission, each with a distinct name?"""
    assert len(HOSTILE) >= 15
    assert len(HOSTILE_BY_KIND) == len(HOSTILE)


@pytest.mark.parametrize("kind", [hostile.kind for hostile in HOSTILE])
def test_each_hostile_submission_gets_exactly_its_score_and_reason(hostile_class, kind):
    """Is the student graded (not left out), with the scores their answers deserve, and does the report
    say what was repaired, undone or stopped, and nothing about a submission it did nothing to?"""
    course, report, *_ = hostile_class
    lesson = report.lessons[LESSON]
    assert kind in lesson.graded, f"{kind} was not graded: {lesson.failed.get(kind)}"
    assert scores_of(course, kind) == expected_scores(kind)
    remarks = lesson.student_notes.get(kind, ())
    if kind in REMARKS:
        text = "\n".join(remarks)
        missing = [phrase for phrase in REMARKS[kind] if phrase not in text]
        assert not missing, f"the report on {kind} lacks {missing}; it says: {remarks}"
        assert len(remarks) <= len(REMARKS[kind]), remarks
    else:
        assert remarks == (), f"{kind}: nothing needed repairing, yet the report says {remarks}"
    record = json.loads((ledger_folder(course, LESSON) / f"{kind}.json").read_text())
    assert record["notes"] == list(remarks)  # kept with the record, for the next run and the instructor


def test_honest_students_in_the_same_class_get_exactly_what_they_deserve(hostile_class, honest_students):
    """Are the honest students graded as their answers deserve, without a remark, whatever the others did?"""
    course, report, *_ = hostile_class
    for student in honest_students:
        assert scores_of(course, student.student_id) == student.expected, student.kind
        assert student.student_id not in report.lessons[LESSON].student_notes
    assert report.ok, report.text()


def test_the_gradebook_passes_its_integrity_check(hostile_class):
    """One notebook per submission, one grade per graded cell, no score above its points?"""
    course, *_ = hostile_class
    assert gradebook_problems(f"sqlite:///{course.root / 'gradebook.db'}", COURSE_ID, LESSON) == []


def test_the_instructors_files_are_byte_identical_after_grading(hostile_class):
    """Are the solutions, lessons, datasets, configuration and every submission exactly as before?"""
    course, _, before, _ = hostile_class
    assert instructor_files(course) == before
    # ...and the gradebook, which grading writes, holds nothing a submission wrote into it
    assert TAMPER_MARK.encode() not in (course.root / "gradebook.db").read_bytes()


def test_kernels_see_nothing_of_the_course_the_home_folder_or_the_network(hostile_class):
    """Did the hostile cells find no solution, gradebook, configuration, other submission, home folder,
    secret or network, and could they write nowhere that lasts?"""
    course, _, _, service_port = hostile_class
    stolen = hostile_cell_output(course, "reads-solutions")
    assert "FileNotFoundError" in stolen
    for secret in ("BEGIN HIDDEN TESTS", "SQLite format", "get_config", "CourseDirectory"):
        assert secret not in stolen
    home = hostile_cell_output(course, "reads-home")
    assert SECRET not in home and "AWS_SECRET" not in home
    assert "'/root/.ssh': \"FileNotFoundError" in home, home[:2000]
    assert "PRIVATE KEY" not in home and "ssh-" not in home
    network = hostile_cell_output(course, "network")
    assert "'1.1.1.1:80': 'OSError: [Errno 101] Network is unreachable'" in network
    scanned = ast.literal_eval(network.splitlines()[0])["127.0.0.1"]
    assert service_port not in scanned  # only the sandbox's own loopback (a port may connect to itself)
    written = hostile_cell_output(course, "writes-instructor-files")
    assert "overwritten" not in written.replace("'orientation_week.xlsx': 'overwritten'", "")
    assert "Read-only file system" in written


def test_bombs_and_loops_end_at_the_limits_without_harming_the_grader(hostile_class):
    """Did the fork bomb, the memory bomb, the endless loops and the output flood each end within the
    limits, leaving no process behind, and did the report keep the run's length sensible?"""
    course, report, *_ = hostile_class
    seconds = {result.student_id: result.seconds for result in report.results}
    for kind in ("fork-bomb", "memory-bomb", "infinite-loop", "huge-output"):
        assert seconds[kind] < LIMITS.wall_seconds, (kind, seconds[kind])
    assert seconds["infinite-loop-catching-interrupt"] < LIMITS.wall_seconds + 3 * LIMITS.cell_seconds
    leftover = subprocess.run(["pgrep", "-f", "ipykernel_launcher"], capture_output=True, text=True).stdout
    assert not any(
        str(course.root) in Path(f"/proc/{pid}/cwd").resolve().as_posix()
        for pid in leftover.split()
        if Path(f"/proc/{pid}").exists()
    )
    # 2 MB kept of 200 MB (the report says so), which nbgrader's own LimitOutput then shortens further
    assert len(hostile_cell_output(course, "huge-output")) < LIMITS.output_bytes


KILL_KINDS = ["patched-check-and-grade", "deleted-test-cell", "invalid-json", "kills-kernel", "fork-bomb"]


@pytest.mark.parametrize("moment", [0.05, 0.6], ids=["early", "mid-class"])
def test_a_grader_killed_at_any_moment_then_run_again_gives_identical_results(
    tmp_path, hostile_class, honest_students, moment
):
    """Killed outright (SIGKILL, grader, workers and kernels) early or mid-class, does the next run complete
    the class with exactly the grades and remarks of an uninterrupted run, and a consistent gradebook?"""
    reference, reference_report, *_ = hostile_class
    course = synthetic.instructor_course(COURSE, tmp_path / "course", [LESSON])
    write_class(course, KILL_KINDS, honest_students[:3])
    students = KILL_KINDS + [student.student_id for student in honest_students[:3]]
    grader = subprocess.Popen(
        [sys.executable, "-m", "likes_to_ledger.cli", "grade", LESSON, "--workers", "2"],
        cwd=course.root,
        env=nbgrader_environment(),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    ledger = ledger_folder(course, LESSON)
    wanted = int(moment * len(students))
    deadline = time.monotonic() + 120
    while grader.poll() is None and time.monotonic() < deadline:
        if (wanted == 0 and (course.root / "autograded").exists()) or (
            wanted and len([p for p in ledger.glob("*.json") if p.name != "lesson.json"]) >= wanted
        ):
            break
        time.sleep(0.02)
    os.killpg(grader.pid, signal.SIGKILL)
    grader.wait(timeout=30)
    done = len([p for p in ledger.glob("*.json") if p.name != "lesson.json"])
    assert done < len(students), "the kill came too late to test anything"

    report = grade_class(course, [LESSON], workers=2, progress=None, limits=LIMITS)

    assert report.ok, report.text()
    assert sorted(report.lessons[LESSON].graded + report.lessons[LESSON].unchanged) == sorted(students)
    for student in students:
        assert scores_of(course, student) == scores_of(reference, student), student
        record = json.loads((ledger / f"{student}.json").read_text())
        assert record["notes"] == list(reference_report.lessons[LESSON].student_notes.get(student, ()))
    assert gradebook_problems(f"sqlite:///{course.root / 'gradebook.db'}", COURSE_ID, LESSON) == []


def test_course_check_runs_a_learners_notebook_in_the_sandbox(tmp_path):
    """Does `course check` grade a notebook that hunts for the course's solutions without letting it see
    them, while grading its right answers right?"""
    course = CourseDir(Path(shutil.copytree(COURSE.root, tmp_path / "course", symlinks=True, ignore=_heavy)))
    path = course.lesson_notebook(LESSON)
    HOSTILE_BY_KIND["reads-solutions"].make(path)
    from likes_to_ledger.selfcheck import check_notebook

    report = check_notebook(path, course, record=False)
    assert report.score == report.max_score
    page = report.feedback_page.read_text()
    assert "FileNotFoundError" in page
    assert "BEGIN HIDDEN TESTS" not in page


def _heavy(folder: str, names: list[str]) -> list[str]:
    """What a copy of the course folder for `course check` can leave out."""
    return [name for name in names if name in {".venv", ".git", ".course", "node_modules", "__pycache__"}]
