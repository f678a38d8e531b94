"""`course grade`: a made-up class collected, autograded in parallel and given feedback, as instructors do.

Every test grades lesson 00 (the quickest to run) in a throwaway course folder, from the course's own known
right and wrong answers (likes_to_ledger.synthetic), and checks the gradebook against the scores each
submission is known to deserve.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from conftest import COURSE
from lesson_tools import cells_by_grade_id, regions
from nbgrader.api import Gradebook

from likes_to_ledger import notebooks, synthetic
from likes_to_ledger.classgrade import (
    GradingError,
    ensure_lesson_in_gradebook,
    grade_class,
    gradebook_problems,
    ledger_folder,
    parse_due,
)
from likes_to_ledger.grading import nbgrader_environment
from likes_to_ledger.late import PercentPerDayLate
from likes_to_ledger.lms_zip import write_lms_zip
from likes_to_ledger.paths import CourseDir

LESSON = "00-orientation"
COURSE_ID = "likes-to-ledger"


def make_course_folder(root: Path) -> CourseDir:
    return synthetic.instructor_course(COURSE, root, [LESSON])


@pytest.fixture(scope="module")
def made_up_class():
    """Ten students of lesson 00, every kind of submission among them."""
    return synthetic.make_class(COURSE, [LESSON], 10, seed=8)


@pytest.fixture
def course_folder(tmp_path) -> CourseDir:
    return make_course_folder(tmp_path / "course")


@pytest.fixture(scope="module")
def graded_once(tmp_path_factory, made_up_class) -> tuple[CourseDir, object]:
    """The made-up class graded by two workers, once for the tests that only read the result."""
    folder = make_course_folder(tmp_path_factory.mktemp("graded") / "course")
    synthetic.write_submitted(made_up_class, folder.root)
    return folder, grade_class(folder, [LESSON], workers=2, progress=None)


@pytest.fixture
def graded_copy(graded_once, tmp_path) -> CourseDir:
    """A copy of the graded course folder (gradebook, records, feedback) for a test to change."""
    return CourseDir(Path(shutil.copytree(graded_once[0].root, tmp_path / "course", symlinks=True)))


def db_of(course: CourseDir) -> str:
    return f"sqlite:///{course.root / 'gradebook.db'}"


def autograded_scores(db_url: str, student: str) -> dict[str, float]:
    with Gradebook(db_url, COURSE_ID) as gradebook:
        submission = gradebook.find_submission_notebook(LESSON, LESSON, student)
        return {grade.name: grade.score for grade in submission.grades if grade.name.endswith("_check")}


def everything_graded(db_url: str) -> dict[str, list]:
    """Every grade and comment of the lesson, by student: to compare two runs."""
    with Gradebook(db_url, COURSE_ID) as gradebook:
        return {
            submission.student_id: sorted(
                [grade.name, grade.auto_score, grade.manual_score, grade.needs_manual_grade]
                for notebook in submission.notebooks
                for grade in notebook.grades
            )
            + sorted(
                [comment.name, comment.auto_comment, comment.manual_comment]
                for notebook in submission.notebooks
                for comment in notebook.comments
            )
            for submission in gradebook.find_assignment(LESSON).submissions
        }


def assert_graded_as_expected(db_url: str, made_up_class) -> None:
    wrong = {
        s.student_id: (s.kind, autograded_scores(db_url, s.student_id), s.expected)
        for s in made_up_class
        if autograded_scores(db_url, s.student_id) != s.expected
    }
    assert not wrong, f"students graded differently from what their answers deserve: {wrong}"
    assert gradebook_problems(db_url, COURSE_ID, LESSON) == []


def test_a_class_graded_by_two_workers_gets_exactly_the_grades_its_answers_deserve(
    graded_once, made_up_class
):
    """Does every student of a mixed class (right, partly right, wrong, blank, broken) get the scores their
    answers deserve, once each, with their own notebook and a feedback page?"""
    assert {s.kind for s in made_up_class} == set(synthetic.KINDS)
    course_folder, report = graded_once

    assert report.ok, report.text()
    assert sorted(report.lessons[LESSON].graded) == sorted(s.student_id for s in made_up_class)
    assert_graded_as_expected(db_of(course_folder), made_up_class)
    with Gradebook(db_of(course_folder), COURSE_ID) as gradebook:
        assert len(gradebook.find_assignment(LESSON).submissions) == len(made_up_class)
    for submission in made_up_class:
        autograded = notebooks.read(
            course_folder.root / "autograded" / submission.student_id / LESSON / f"{LESSON}.ipynb"
        )
        answers = {k: c.source for k, c in cells_by_grade_id(autograded).items() if k.endswith("_answer")}
        theirs = {k: c.source for k, c in cells_by_grade_id(submission.notebook).items() if k in answers}
        assert answers == theirs, (
            f"{submission.student_id}'s autograded notebook holds someone else's answers"
        )
        assert (course_folder.root / "feedback" / submission.student_id / LESSON / f"{LESSON}.html").is_file()


def test_feedback_keeps_the_checks_messages_and_never_shows_hidden_tests(graded_once, made_up_class):
    """Does each feedback page show the visible checks' messages but no hidden test line?"""
    course_folder, report = graded_once
    assert report.ok
    solution = notebooks.read(COURSE.solution_notebook(LESSON))
    hidden_lines = {
        line.strip()
        for cell in solution.cells
        for region in regions(cell.source, "hidden tests")
        for line in region.splitlines()
        if len(line.strip()) > 12
    }
    assert hidden_lines, "lesson 00 has no hidden tests to look for"
    for submission in made_up_class:
        page = (
            course_folder.root / "feedback" / submission.student_id / LESSON / f"{LESSON}.html"
        ).read_text()
        text = html.unescape(re.sub(r"<[^>]+>", "", page))
        shown = [line for line in hidden_lines if line in text]
        assert not shown, f"{submission.student_id}'s feedback shows hidden tests: {shown[:3]}"
        assert "BEGIN HIDDEN TESTS" not in text
        if submission.kind in {"wrong", "partly"}:
            assert "NotYetRight" in text, f"{submission.student_id}'s feedback lost the check's message"


def test_running_again_changes_nothing_and_force_regrades_to_the_same_grades(graded_copy, made_up_class):
    """Is a second run a no-op (same grades, feedback untouched), and does --force give identical grades?"""
    course_folder = graded_copy
    first = everything_graded(db_of(course_folder))
    feedback = sorted((course_folder.root / "feedback").rglob("*.html"))
    written = {page: page.stat().st_mtime_ns for page in feedback}

    again = grade_class(course_folder, [LESSON], workers=2, progress=None)
    assert again.lessons[LESSON].graded == [] and again.lessons[LESSON].feedback_only == []
    assert len(again.lessons[LESSON].unchanged) == len(made_up_class)
    assert everything_graded(db_of(course_folder)) == first
    assert {page: page.stat().st_mtime_ns for page in feedback} == written

    forced = grade_class(course_folder, [LESSON], workers=2, force=True, progress=None)
    assert len(forced.lessons[LESSON].graded) == len(made_up_class)
    assert everything_graded(db_of(course_folder)) == first


def test_a_changed_lesson_grades_everyone_again(graded_copy, made_up_class):
    """When the lesson's source changes (a fixed test, a new data file), is everyone graded again?"""
    (graded_copy.solution_folder(LESSON) / "errata.txt").write_text("ex3: the hint now names the sheet.\n")
    report = grade_class(graded_copy, [LESSON], workers=2, progress=None)
    assert report.ok, report.text()
    assert len(report.lessons[LESSON].graded) == len(made_up_class)
    assert (graded_copy.root / "autograded" / made_up_class[0].student_id / LESSON / "errata.txt").is_file()
    assert_graded_as_expected(db_of(graded_copy), made_up_class)


def test_hand_grades_and_comments_survive_regrading_and_reach_the_feedback(graded_copy, made_up_class):
    """Do a hand grade, a hand comment and an overridden autograde survive `--force`, and does the next
    plain run rewrite only that student's feedback, with the comment in it?"""
    course_folder = graded_copy
    student = made_up_class[0].student_id
    with Gradebook(db_of(course_folder), COURSE_ID) as gradebook:
        gradebook.find_grade("written1", LESSON, LESSON, student).manual_score = 2.5
        gradebook.find_comment("written1", LESSON, LESSON, student).manual_comment = "Tie it to revenue, Ada."
        gradebook.find_grade("ex1_check", LESSON, LESSON, student).manual_score = 0.5
        gradebook.db.commit()

    rerun = grade_class(course_folder, [LESSON], workers=2, progress=None)
    assert rerun.lessons[LESSON].feedback_only == [student]
    page = course_folder.root / "feedback" / student / LESSON / f"{LESSON}.html"
    assert "Tie it to revenue, Ada." in page.read_text()

    assert grade_class(course_folder, [LESSON], workers=2, force=True, progress=None).ok
    with Gradebook(db_of(course_folder), COURSE_ID) as gradebook:
        written = gradebook.find_grade("written1", LESSON, LESSON, student)
        overridden = gradebook.find_grade("ex1_check", LESSON, LESSON, student)
        comment = gradebook.find_comment("written1", LESSON, LESSON, student)
        assert (written.manual_score, comment.manual_comment) == (2.5, "Tie it to revenue, Ada.")
        assert (overridden.manual_score, overridden.score) == (0.5, 0.5)
        assert overridden.needs_manual_grade, "an overridden autograde should be flagged for review"


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["killed", "ctrl-c"])
def test_a_grader_stopped_mid_class_is_completed_by_the_next_run(course_folder, made_up_class, stop):
    """Killed, or stopped with Ctrl+C, in the middle of a class, does the next run grade the rest and give
    everyone the grades an uninterrupted run gives, with a consistent gradebook?"""
    synthetic.write_submitted(made_up_class, course_folder.root)
    command = [sys.executable, "-m", "likes_to_ledger.cli", "grade", LESSON, "--workers", "2"]
    grader = subprocess.Popen(
        command,
        cwd=course_folder.root,
        env=nbgrader_environment(),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        # as in a terminal: a test runner started in the background may pass SIGINT on ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    ledger = ledger_folder(course_folder, LESSON)
    deadline = time.monotonic() + 120
    while len(list(ledger.glob("s*.json"))) < 2 and grader.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(grader.pid, stop)  # the grader and its workers, mid-class, as a crash or Ctrl+C does
    stderr = grader.communicate(timeout=60)[1]
    if stop == signal.SIGINT:
        assert grader.returncode == 130, stderr
        assert "stopped. Run the same command again" in stderr
    recorded = len(list(ledger.glob("s*.json")))
    assert 2 <= recorded < len(made_up_class), f"the kill came too late to test anything ({recorded} done)"

    report = grade_class(course_folder, [LESSON], workers=2, progress=None)

    assert report.ok, report.text()
    assert len(report.lessons[LESSON].graded) == len(made_up_class) - recorded
    assert_graded_as_expected(db_of(course_folder), made_up_class)


def test_late_submissions_lose_the_configured_share(course_folder, made_up_class):
    """With a due date set, does each late submission lose the policy's share of its score, and an on-time
    one nothing?"""
    synthetic.write_submitted(made_up_class, course_folder.root)
    times = sorted(s.submitted_at for s in made_up_class)
    due = times[len(times) // 2]
    report = grade_class(course_folder, [LESSON], workers=2, due=due, progress=None)
    assert report.ok, report.text()
    policy = PercentPerDayLate()
    late = 0
    with Gradebook(db_of(course_folder), COURSE_ID) as gradebook:
        for submission in made_up_class:
            notebook = gradebook.find_submission_notebook(LESSON, LESSON, submission.student_id)
            seconds_late = max(0.0, (submission.submitted_at - due).total_seconds())
            expected = policy.late_submission_penalty(submission.student_id, notebook.score, seconds_late)
            assert (notebook.late_submission_penalty or 0) == expected, submission.student_id
            late += expected > 0
    assert late, "no submission was late enough to test the penalty"


def test_the_late_policy_counts_started_days_after_the_grace_period():
    """Does the policy forgive the grace minutes, take 10% per started day, and zero after seven days?"""
    policy = PercentPerDayLate()
    day = timedelta(days=1).total_seconds()
    assert policy.late_submission_penalty("s", 8.0, 10 * 60) == 0
    assert policy.late_submission_penalty("s", 8.0, 20 * 60) == 0.8
    assert policy.late_submission_penalty("s", 8.0, day + 1) == 1.6
    assert policy.late_submission_penalty("s", 8.0, 7 * day) == 5.6
    assert policy.late_submission_penalty("s", 8.0, 7 * day + 1) == 8.0


def test_a_due_date_is_read_as_utc_unless_it_says_otherwise():
    """Is '--due 2026-12-01 17:00' UTC, an offset respected, and nonsense refused with an example?"""
    assert parse_due("2026-12-01 17:00").isoformat() == "2026-12-01T17:00:00+00:00"
    assert parse_due("2026-12-01T17:00+01:00").astimezone(UTC).hour == 16
    with pytest.raises(GradingError, match="2026-12-01 17:00"):
        parse_due("next friday")


@pytest.mark.parametrize("lms", ["moodle", "canvas"])
def test_a_class_downloaded_from_the_lms_is_graded_from_its_zip(course_folder, made_up_class, lms):
    """Does `course grade LESSON --from-zip` grade every student of a Moodle or Canvas download under their
    LMS id, and after a new download regrade only the student whose notebook changed, keeping the old one?"""
    download = write_lms_zip(made_up_class, course_folder.root.parent / f"{lms}.zip", lms)
    command = [sys.executable, "-m", "likes_to_ledger.cli", "grade", LESSON, "--from-zip", str(download)]
    first = subprocess.run(
        command, cwd=course_folder.root, env=nbgrader_environment(), capture_output=True, text=True
    )
    assert first.returncode == 0, first.stdout + first.stderr
    assert f"{len(made_up_class)} graded" in first.stdout
    with Gradebook(db_of(course_folder), COURSE_ID) as gradebook:
        students = {student.id: student for student in gradebook.students}
        graded = {s.student_id for s in gradebook.find_assignment(LESSON).submissions}
    assert len(graded) == len(made_up_class)
    assert all(students[student].last_name for student in graded), "names from the download were lost"

    changed = list(made_up_class)
    changed[0] = synthetic.SyntheticSubmission(
        **{**changed[0].__dict__, "notebook": made_up_class[-1].notebook}
    )
    write_lms_zip(changed, download, lms)
    second = subprocess.run(
        command, cwd=course_folder.root, env=nbgrader_environment(), capture_output=True, text=True
    )
    assert second.returncode == 0, second.stdout + second.stderr
    assert "1 graded" in second.stdout and f"{len(made_up_class) - 1} unchanged" in second.stdout
    kept = list((course_folder.root / ".course" / "replaced-submissions" / LESSON).rglob("*.ipynb"))
    assert len(kept) == 1, "the replaced submission was not kept"


def test_submissions_are_collected_from_the_nbgrader_exchange(course_folder, made_up_class, tmp_path):
    """Does `course grade` collect what students submitted through nbgrader's exchange, and grade it?"""
    exchange = tmp_path / "exchange"
    synthetic.write_exchange(made_up_class[:4], exchange, COURSE_ID)
    with (course_folder.root / "grader_config.py").open("a") as config:
        config.write(f"\nc.Exchange.root = {str(exchange)!r}\n")
    report = grade_class(course_folder, [LESSON], workers=2, progress=None)
    assert report.ok, report.text()
    assert sorted(report.lessons[LESSON].graded) == sorted(s.student_id for s in made_up_class[:4])
    assert_graded_as_expected(db_of(course_folder), made_up_class[:4])


def test_without_an_exchange_setting_it_looks_where_nbgrader_collect_looks(course_folder):
    """With no `c.Exchange.root` configured, does `course grade` look for the exchange's inbox in nbgrader's
    own default folder, the one `nbgrader collect` and the formgrader use?"""
    from nbgrader.exchange.default.exchange import Exchange

    report = grade_class(course_folder, [LESSON], workers=1, progress=None)
    inbound = Path(Exchange.class_traits()["root"].default_value) / COURSE_ID / "inbound"
    assert f"No nbgrader exchange inbox at {inbound}" in report.text()


def test_a_class_is_graded_into_postgresql_by_two_graders_at_once(tmp_path, made_up_class, postgres_url):
    """Sharing one PostgreSQL gradebook, do two graders on two course folders (as on two machines), each
    with two workers, grade their halves of the class at the same time, without a lost or mixed-up grade?"""
    halves = [made_up_class[::2], made_up_class[1::2]]
    folders = [make_course_folder(tmp_path / f"grader{n}") for n in (1, 2)]
    for folder, half in zip(folders, halves, strict=True):
        synthetic.write_submitted(half, folder.root)
    # the lesson is recorded once, before the two graders start (as an instructor's first run does)
    ensure_lesson_in_gradebook(folders[0], LESSON, postgres_url, None)
    command = [sys.executable, "-m", "likes_to_ledger.cli", "grade", LESSON, "--db", postgres_url]
    graders = [
        subprocess.Popen(
            command,
            cwd=folder.root,
            env=nbgrader_environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for folder in folders
    ]
    outputs = [grader.communicate(timeout=300)[0] for grader in graders]
    assert [grader.returncode for grader in graders] == [0, 0], outputs
    assert_graded_as_expected(postgres_url, made_up_class)
    with Gradebook(postgres_url, COURSE_ID) as gradebook:
        assert len(gradebook.find_assignment(LESSON).submissions) == len(made_up_class)


def test_bad_requests_get_a_message_that_says_what_to_do(course_folder, tmp_path):
    """Are an unknown lesson, a zip for two lessons and a missing zip refused with a clear message?"""

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "likes_to_ledger.cli", "grade", *args],
            cwd=course_folder.root,
            env=nbgrader_environment(),
            capture_output=True,
            text=True,
        )

    unknown = run("99-nothing")
    assert unknown.returncode == 2 and "no lesson 99-nothing in course.toml" in unknown.stderr
    two = run(LESSON, "01-reading-exports", "--from-zip", str(tmp_path / "x.zip"))
    assert two.returncode == 2 and "holds one lesson" in two.stderr
    missing = run(LESSON, "--from-zip", str(tmp_path / "nowhere.zip"))
    assert missing.returncode == 2 and "nowhere.zip does not exist" in missing.stderr
    nothing = run()
    assert nothing.returncode == 2 and "--all" in nothing.stderr
