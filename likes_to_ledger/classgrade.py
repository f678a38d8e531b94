"""Grading a class: collect submissions, autograde them over several worker processes, write feedback.

nbgrader grades one notebook after another, each in a fresh kernel. `course grade` keeps nbgrader's own
autograde and feedback steps (so grades, hand grades and the formgrader behave exactly as nbgrader's) and
runs them in a few long-lived worker processes, one more than the cores by default, each taking the next
submission when it is free. Every worker writes to the one gradebook (SQLite by default; PostgreSQL through
`CourseDirectory.db_url` for several graders or machines): nbgrader writes a student's grades in short
transactions, and one student is only ever graded by one worker.

What makes a re-run safe and cheap:
- a submission is graded again only when it changed (its notebook or timestamp), its grades are missing from
  the gradebook, or the instructor asks (`--force`); a record of what was graded is written only after
  the student's grades and feedback are complete, so a crash mid-grading is completed by the next run;
- nbgrader's autograde never overwrites hand-entered grades or comments (it sets only the automatic score
  and flags the cell for review);
- feedback is generated again for a graded student whose grades or comments changed since, e.g. after hand
  grading in the formgrader.

Kernels talk to their worker over local sockets (IPC) instead of TCP ports: several workers starting
kernels at once can no longer pick the same port.

Submissions are not trusted (sandbox.py, submission_repair.py, guarded_execute.py): nbgrader grades a
repaired copy of each (submitted/ is only read), each kernel runs in a bubblewrap sandbox within limits, and
what was repaired, undone or stopped is a remark on that student in the report and in their record.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing import get_context
from multiprocessing.util import Finalize
from pathlib import Path
from typing import TextIO

from likes_to_ledger.errors import CourseError
from likes_to_ledger.grading import ScratchCourse, nbgrader_reason, put_nbgrader_tools_on_path
from likes_to_ledger.paths import CourseDir
from likes_to_ledger.sandbox import DEFAULT_LIMITS, Limits, require_sandbox


class GradingError(CourseError, RuntimeError):
    """The class cannot be graded as asked; the message says why and what to do."""


@dataclass(frozen=True)
class GradeJob:
    lesson_id: str
    student_id: str
    autograde: bool  # False: only the feedback is out of date


@dataclass(frozen=True)
class JobResult:
    lesson_id: str
    student_id: str
    ok: bool
    reason: str = ""
    seconds: float = 0.0
    notes: tuple[str, ...] = ()  # what was repaired, undone or stopped while grading it


@dataclass
class LessonReport:
    lesson_id: str
    graded: list[str] = field(default_factory=list)
    feedback_only: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # student -> reason
    notes: list[str] = field(default_factory=list)
    student_notes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # graded, with these remarks


@dataclass
class ClassReport:
    lessons: dict[str, LessonReport]
    workers: int
    seconds: float
    results: list[JobResult] = field(default_factory=list)  # one per submission graded, as completed

    @property
    def ok(self) -> bool:
        return not any(report.failed for report in self.lessons.values())

    def text(self) -> str:
        lines = []
        for report in self.lessons.values():
            parts = [f"{len(report.graded)} graded"]
            if report.feedback_only:
                parts.append(f"{len(report.feedback_only)} with new feedback (grades changed by hand)")
            if report.unchanged:
                parts.append(f"{len(report.unchanged)} unchanged since the last run")
            if report.failed:
                parts.append(f"{len(report.failed)} NOT graded")
            lines.append(f"{report.lesson_id}: " + ", ".join(parts) + ".")
            lines += [f"  {note}" for note in report.notes]
            for student, remarks in sorted(report.student_notes.items()):
                lines += [f"  {student}: {remark}" for remark in remarks]
            for student, reason in sorted(report.failed.items()):
                lines.append(f"  {student}: not graded: {reason}")
        lines.append(f"Done in {self.seconds:.1f} s with {self.workers} worker(s).")
        if not self.ok:
            lines.append(
                "Fix or replace the submissions listed above (in submitted/<student>/<lesson>/), then run "
                "the same command again: only those are graded again."
            )
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- config


def load_nbgrader_config(course: CourseDir, db_url: str | None = None):
    """The course's nbgrader configuration, as nbgrader itself loads it, with an optional other gradebook."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(course.root)).load_config()
    if db_url:
        config.CourseDirectory.db_url = db_url
    return config


def course_directory(course: CourseDir, db_url: str | None = None):
    from nbgrader.coursedir import CourseDirectory

    return CourseDirectory(config=load_nbgrader_config(course, db_url), root=str(course.root))


def ledger_folder(course: CourseDir, lesson_id: str) -> Path:
    """Where `course grade` records what it graded (one small JSON file per student)."""
    return course.root / ".course" / "grading" / lesson_id


# ------------------------------------------------------------------------------------------ collection


def exchange_root_of(config) -> str:
    """The exchange folder nbgrader's own collect would use: `c.Exchange.root`, or nbgrader's default."""
    from nbgrader.exchange.default.exchange import Exchange

    return Exchange(config=config).root


def collect_from_exchange(course: CourseDir, lesson_id: str, exchange_root: str) -> list[str]:
    """Run `nbgrader collect --update` for a lesson; return notes for the instructor."""
    inbound = Path(exchange_root) / course_directory(course).course_id / "inbound"
    if not inbound.is_dir():
        return [f"No nbgrader exchange inbox at {inbound}: grading the submissions already in submitted/."]
    result = ScratchCourse.run_nbgrader(course.root, "collect", lesson_id, "--update")
    if result.returncode != 0:
        raise GradingError(
            f"nbgrader could not collect {lesson_id} from {inbound}:\n"
            f"{nbgrader_reason(result.stderr + result.stdout)}"
        )
    return []


def collect_from_zip(course: CourseDir, lesson_id: str, zip_path: Path, db_url: str | None) -> list[str]:
    """Put the notebooks of an LMS download into submitted/; return notes for the instructor.

    A submission that differs from the one already collected replaces it; the old one is kept in
    .course/replaced-submissions/ (nothing a student handed in is ever lost)."""
    from nbgrader.api import Gradebook

    from likes_to_ledger.lms_zip import read_lms_zip
    from likes_to_ledger.synthetic import nbgrader_timestamp

    submissions, problems = read_lms_zip(zip_path, lesson_id)
    coursedir = course_directory(course, db_url)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    with Gradebook(coursedir.db_url, coursedir.course_id) as gradebook:
        for submission in submissions:
            folder = course.root / "submitted" / submission.student_id / lesson_id
            notebook = folder / f"{lesson_id}.ipynb"
            if notebook.exists() and notebook.read_bytes() != submission.notebook:
                backup = course.root / ".course" / "replaced-submissions" / lesson_id / submission.student_id
                backup.mkdir(parents=True, exist_ok=True)
                shutil.copy2(notebook, backup / f"{stamp}.ipynb")
            folder.mkdir(parents=True, exist_ok=True)
            _write_if_changed(notebook, submission.notebook)
            if submission.submitted_at is not None:  # nbgrader's late policy reads it
                timestamp = nbgrader_timestamp(submission.submitted_at)
                _write_if_changed(folder / "timestamp.txt", timestamp.encode())
            gradebook.update_or_create_student(
                submission.student_id, first_name=submission.first_name, last_name=submission.last_name
            )
    notes = [f"{zip_path.name}: {len(submissions)} submission(s) of {lesson_id}."]
    return notes + [f"{zip_path.name}: {problem}" for problem in problems]


def _write_if_changed(path: Path, content: bytes) -> None:
    if path.exists() and path.read_bytes() == content:
        return
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(content)
    partial.replace(path)


def submitted_students(course: CourseDir, lesson_id: str) -> list[str]:
    submitted = course.root / "submitted"
    if not submitted.is_dir():
        return []
    return sorted(
        student.name
        for student in submitted.iterdir()
        if (student / lesson_id / f"{lesson_id}.ipynb").is_file()
    )


# ------------------------------------------------------------------------------ the lesson in the gradebook


def lesson_fingerprint(course: CourseDir, lesson_id: str) -> str:
    """A hash of the lesson's source folder: when it changes, the gradebook's copy must be regenerated."""
    digest = hashlib.sha256()
    folder = course.solution_folder(lesson_id)
    for path in sorted(folder.rglob("*")):
        if path.is_file() and ".ipynb_checkpoints" not in path.parts and "output" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def ensure_lesson_in_gradebook(course: CourseDir, lesson_id: str, db_url: str, due: datetime | None) -> bool:
    """Make the gradebook know the lesson's cells (what nbgrader's generate_assignment records), without
    touching lessons/; set its due date if one is given. Returns whether the lesson was (re)written."""
    from nbgrader.api import Gradebook, MissingEntry

    put_nbgrader_tools_on_path()
    course_id = course_directory(course).course_id
    record = ledger_folder(course, lesson_id) / "lesson.json"
    fingerprint = lesson_fingerprint(course, lesson_id)
    wanted = {"db_url": gradebook_key(course, db_url), "lesson": fingerprint}
    with Gradebook(db_url, course_id) as gradebook:
        try:
            gradebook.find_notebook(lesson_id, lesson_id)
            known = True
        except MissingEntry:
            known = False
    recorded = json.loads(record.read_text()) if record.exists() else []
    regenerate = not known or wanted not in recorded
    if regenerate:
        with tempfile.TemporaryDirectory(prefix=f"course-grade-{lesson_id}-") as scratch_root:
            ScratchCourse(course, Path(scratch_root)).release(lesson_id, db_url=db_url)
        record.parent.mkdir(parents=True, exist_ok=True)
        recorded = [entry for entry in recorded if entry["db_url"] != wanted["db_url"]] + [wanted]
        record.write_text(json.dumps(recorded, indent=1))
    if due is not None:
        with Gradebook(db_url, course_id) as gradebook:
            gradebook.update_or_create_assignment(lesson_id, duedate=due.astimezone(UTC).replace(tzinfo=None))
    return regenerate


def gradebook_key(course: CourseDir, db_url: str) -> str:
    """How the records name a gradebook: a SQLite file in the course folder by its relative path (a copied
    or moved course folder keeps its records), any other by its URL without the password."""
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database:
        try:
            return "sqlite:" + Path(url.database).resolve().relative_to(course.root.resolve()).as_posix()
        except ValueError:
            pass
    return url.render_as_string(hide_password=True)


# --------------------------------------------------------------------------------------------- planning


def submission_fingerprint(course: CourseDir, lesson_id: str, student: str) -> str:
    folder = course.root / "submitted" / student / lesson_id
    digest = hashlib.sha256((folder / f"{lesson_id}.ipynb").read_bytes())
    timestamp = folder / "timestamp.txt"
    if timestamp.exists():
        digest.update(b"\0" + timestamp.read_bytes())
    return digest.hexdigest()


def gradebook_fingerprints(
    db_url: str, course_id: str, lesson_id: str, student_id: str | None = None
) -> dict[str, str]:
    """Student -> a hash of everything their feedback shows from the gradebook (scores, comments, penalty);
    for one student, or every student of the lesson."""
    from nbgrader.api import Comment, Grade, Gradebook, SubmittedAssignment, SubmittedNotebook

    rows: dict[str, list] = {}
    with Gradebook(db_url, course_id) as gradebook:
        db = gradebook.db
        for model, values in (
            (Grade, (Grade.cell_id, Grade.auto_score, Grade.manual_score, Grade.extra_credit)),
            (Comment, (Comment.cell_id, Comment.auto_comment, Comment.manual_comment)),
        ):
            query = (
                db.query(SubmittedAssignment.student_id, *values)
                .join(SubmittedNotebook, model.notebook_id == SubmittedNotebook.id)
                .join(SubmittedAssignment, SubmittedNotebook.assignment_id == SubmittedAssignment.id)
                .filter(SubmittedAssignment.assignment.has(name=lesson_id))
            )
            if student_id is not None:
                query = query.filter(SubmittedAssignment.student_id == student_id)
            for student, *row in query:
                rows.setdefault(student, []).append([str(value) for value in row])
        submitted_notebooks = (
            db.query(SubmittedNotebook)
            .join(SubmittedAssignment)
            .filter(SubmittedAssignment.assignment.has(name=lesson_id))
        )
        if student_id is not None:
            submitted_notebooks = submitted_notebooks.filter(SubmittedAssignment.student_id == student_id)
        for notebook in submitted_notebooks:
            rows.setdefault(notebook.assignment.student_id, []).append(
                ["late", str(notebook.late_submission_penalty)]
            )
    return {
        student: hashlib.sha256(json.dumps(sorted(values)).encode()).hexdigest()
        for student, values in rows.items()
    }


def plan_lesson(
    course: CourseDir, lesson_id: str, db_url: str, course_id: str, force: bool, report: LessonReport
) -> list[GradeJob]:
    """Which students of a lesson need grading, and which only need their feedback regenerated."""
    in_gradebook = gradebook_fingerprints(db_url, course_id, lesson_id)
    lesson = lesson_fingerprint(course, lesson_id)
    ledger = ledger_folder(course, lesson_id)
    jobs = []
    for student in submitted_students(course, lesson_id):
        record_path = ledger / f"{student}.json"
        record = json.loads(record_path.read_text()) if record_path.exists() else {}
        graded_before = (
            record.get("db_url") == gradebook_key(course, db_url)
            and record.get("lesson") == lesson  # a changed lesson (its tests) grades everyone again
            and record.get("submission") == submission_fingerprint(course, lesson_id, student)
            and student in in_gradebook
        )
        if force or not graded_before:
            jobs.append(GradeJob(lesson_id, student, autograde=True))
        elif record.get("gradebook") != in_gradebook[student]:
            jobs.append(GradeJob(lesson_id, student, autograde=False))
        else:
            report.unchanged.append(student)
    return jobs


def record_graded(
    course: CourseDir, job: GradeJob, db_url: str, gradebook_fingerprint: str, notes: Sequence[str] = ()
) -> None:
    """Note that a student's grades and feedback are complete (written last, atomically)."""
    path = ledger_folder(course, job.lesson_id) / f"{job.student_id}.json"
    if not job.autograde and path.exists():  # only the feedback was redone: keep the grading's remarks
        notes = json.loads(path.read_text()).get("notes", [])
    record = {
        "db_url": gradebook_key(course, db_url),
        "lesson": lesson_fingerprint(course, job.lesson_id),
        "submission": submission_fingerprint(course, job.lesson_id, job.student_id),
        "gradebook": gradebook_fingerprint,
        "graded_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "notes": list(notes),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_if_changed(path, json.dumps(record, indent=1).encode())


# ---------------------------------------------------------------------------------------------- workers

_worker_api = None
_worker_course: CourseDir | None = None

# Where each submission is copied, repaired, for nbgrader to grade (submitted/ is only ever read).
STAGED_FOLDER = Path(".course") / "staged-submissions"


def _start_worker(course_root: str, db_url: str, sandbox: bool, limits: Limits) -> None:
    """Runs once in each worker process: nbgrader's API over the course, each kernel in a sandbox (or, without
    one, on local sockets)."""
    global _worker_api, _worker_course
    from nbgrader.apps.api import NbGraderAPI

    from likes_to_ledger import guarded_execute

    # nbgrader's own SQLAlchemy usage warns on every new submission; the grading report says what matters.
    warnings.filterwarnings("ignore")
    # Ctrl+C is the main process's to handle: it cancels what has not started, and each worker finishes
    # the notebook it is on (kernels run in sessions of their own, so they never see it).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.chdir(course_root)  # nbgrader's course root is the working folder, as with its own commands
    _worker_course = CourseDir(Path(course_root))
    config = load_nbgrader_config(_worker_course, db_url)
    config.CourseDirectory.submitted_directory = str(STAGED_FOLDER)
    guarded_execute.configure(config, sandbox, limits)
    if not sandbox and os.name == "posix":  # ZeroMQ has no IPC sockets on Windows: kernels keep TCP there
        sockets = tempfile.mkdtemp(prefix="course-grade-kernels-")
        Finalize(None, shutil.rmtree, args=(sockets, True), exitpriority=0)  # when the worker exits
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = os.path.join(sockets, "kernel")
    _worker_api = NbGraderAPI(config=config)


def stage_submission(course: CourseDir, lesson_id: str, student_id: str) -> list[str]:
    """Copy a submission, repaired (submission_repair.py), to where nbgrader grades it; return the remarks.

    Only the notebook and its timestamp are copied: a file handed in beside the notebook (say, a
    course_checks.py that passes everything) never reaches the grading."""
    import nbformat

    from likes_to_ledger.submission_repair import repair_submission

    source = course.root / "submitted" / student_id / lesson_id
    staged = course.root / STAGED_FOLDER / student_id / lesson_id
    shutil.rmtree(staged, ignore_errors=True)
    staged.mkdir(parents=True)
    release = nbformat.read(course.lesson_notebook(lesson_id), as_version=4)
    repair = repair_submission(source / f"{lesson_id}.ipynb", release)
    nbformat.write(repair.notebook, staged / f"{lesson_id}.ipynb")
    if (source / "timestamp.txt").is_file():
        shutil.copyfile(source / "timestamp.txt", staged / "timestamp.txt")
    if repair.blank:
        return [*repair.findings, "Ask the student for the notebook again."]
    return list(repair.findings)


def _run_job(job: GradeJob) -> JobResult:
    from likes_to_ledger.guarded_execute import grading_notes

    started = time.perf_counter()
    notes: list[str] = []
    if job.autograde:
        try:
            notes += stage_submission(_worker_course, job.lesson_id, job.student_id)
        except Exception as error:  # one student's file must never stop the class
            reason = f"could not read the submission: {type(error).__name__}: {error}"
            return JobResult(job.lesson_id, job.student_id, False, reason)
        grading_notes.clear()
        result = _worker_api.autograde(job.lesson_id, job.student_id, force=True, create=True)
        notes += [note for folder_notes in grading_notes.values() for note in folder_notes]
        if not result["success"]:
            reason = nbgrader_reason(result.get("log", "") + "\n" + result.get("error", ""))
            return JobResult(job.lesson_id, job.student_id, False, reason, time.perf_counter() - started)
    result = _worker_api.generate_feedback(job.lesson_id, job.student_id, force=True)
    if not result["success"]:
        reason = "feedback: " + nbgrader_reason(result.get("log", "") + "\n" + result.get("error", ""))
        return JobResult(job.lesson_id, job.student_id, False, reason, time.perf_counter() - started)
    return JobResult(
        job.lesson_id, job.student_id, True, seconds=time.perf_counter() - started, notes=tuple(notes)
    )


class ProgressBar:
    """One line that fills up on a terminal; a line per tenth of the work in a log."""

    def __init__(self, total: int, stream: TextIO | None, width: int = 30):
        self.total, self.stream, self.width, self.done = total, stream, width, 0
        self.started = time.perf_counter()
        self.interactive = bool(stream is not None and stream.isatty())

    def advance(self, label: str) -> None:
        self.done += 1
        if self.stream is None or not self.total:
            return
        filled = self.width * self.done // self.total
        elapsed = time.perf_counter() - self.started
        left = elapsed / self.done * (self.total - self.done)
        line = (
            f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} "
            f"{elapsed:.0f} s, about {left:.0f} s to go  ({label})"
        )
        if self.interactive:
            self.stream.write("\r" + line.ljust(100)[:100] + ("\n" if self.done == self.total else ""))
        elif self.done == self.total or self.done * 10 // self.total != (self.done - 1) * 10 // self.total:
            self.stream.write(line + "\n")
        self.stream.flush()


def run_jobs(
    course: CourseDir,
    jobs: Sequence[GradeJob],
    db_url: str,
    workers: int,
    progress: TextIO | None,
    sandbox: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterable[tuple[GradeJob, JobResult]]:
    """Grade the jobs over `workers` processes; yield each job with its result as it completes."""
    if not jobs:
        return
    bar = ProgressBar(len(jobs), progress)
    # "spawn": a fresh interpreter per worker, never a fork of a process holding database connections.
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("spawn"),
        initializer=_start_worker,
        initargs=(str(course.root), db_url, sandbox, limits),
    ) as pool:
        futures = {pool.submit(_run_job, job): job for job in jobs}
        try:
            for future in as_completed(futures):
                job = futures[future]
                try:
                    result = future.result()
                except BrokenProcessPool:
                    reason = "a grading worker died (out of memory?); run again"
                    result = JobResult(job.lesson_id, job.student_id, False, reason)
                except Exception as error:  # a bug met by one submission: reported, the class goes on
                    reason = f"grading failed with {type(error).__name__}: {error}; run again"
                    result = JobResult(job.lesson_id, job.student_id, False, reason)
                bar.advance(f"{job.lesson_id} {job.student_id}")
                yield job, result
        except KeyboardInterrupt:
            pool.shutdown(wait=False, cancel_futures=True)  # stop soon; the next run completes the class
            raise


# ------------------------------------------------------------------------------------------- the command


def machine_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def default_workers() -> int:
    """One worker more than the machine's cores: a worker waits while its kernel runs the notebook and the
    kernel waits while nbgrader writes grades and feedback, so one extra keeps every core busy
    (benchmarks/class_grading.py: on 2 cores, 3 workers grade a class clearly faster than 2)."""
    return machine_cores() + 1


def grade_class(
    course: CourseDir,
    lesson_ids: Sequence[str],
    *,
    workers: int | None = None,
    from_zip: Path | None = None,
    db_url: str | None = None,
    force: bool = False,
    due: datetime | None = None,
    progress: TextIO | None = sys.stderr,
    sandbox: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> ClassReport:
    """Collect, autograde and write feedback for every submission of the lessons; see the module docstring.

    `sandbox=False` runs the submissions' code with the grader's own rights (sandbox.py says what it guards);
    `limits` bound what each notebook may use."""
    started = time.perf_counter()
    if sandbox:
        require_sandbox()
    if from_zip is not None and len(lesson_ids) != 1:
        raise GradingError(
            "An LMS download holds one lesson: name that one lesson, "
            "e.g. `course grade 03-crisis-or-noise --from-zip submissions.zip`."
        )
    if from_zip is not None and not from_zip.is_file():
        raise GradingError(f"{from_zip} does not exist. Give the path of the zip file the LMS downloaded.")
    workers = workers or default_workers()
    put_nbgrader_tools_on_path()  # for this process and the workers, which inherit its environment
    coursedir = course_directory(course, db_url)
    db_url = coursedir.db_url
    exchange_root = exchange_root_of(coursedir.config)
    reports = {lesson_id: LessonReport(lesson_id) for lesson_id in lesson_ids}
    jobs: list[GradeJob] = []
    for lesson_id in lesson_ids:
        report = reports[lesson_id]
        if ensure_lesson_in_gradebook(course, lesson_id, db_url, due):
            report.notes.append(
                f"Recorded the lesson's cells in the gradebook ({gradebook_key(course, db_url)})."
            )
        if from_zip is not None:
            report.notes += collect_from_zip(course, lesson_id, from_zip, db_url)
        else:
            report.notes += collect_from_exchange(course, lesson_id, exchange_root)
        if not submitted_students(course, lesson_id):
            report.notes.append(f"No submissions of {lesson_id} in submitted/.")
        jobs += plan_lesson(course, lesson_id, db_url, coursedir.course_id, force, report)
    results = []
    for job, result in run_jobs(course, jobs, db_url, workers, progress, sandbox, limits):
        results.append(result)
        report = reports[job.lesson_id]
        if not result.ok:
            report.failed[job.student_id] = result.reason
            continue
        fingerprint = gradebook_fingerprints(db_url, coursedir.course_id, job.lesson_id, job.student_id)
        fingerprint = fingerprint.get(job.student_id, "")
        record_graded(course, job, db_url, fingerprint, result.notes)
        (report.graded if job.autograde else report.feedback_only).append(job.student_id)
        if result.notes:
            report.student_notes[job.student_id] = result.notes
    return ClassReport(reports, workers, time.perf_counter() - started, results)


def parse_due(text: str) -> datetime:
    """A due date as instructors write it: '2026-12-01 17:00' (UTC) or with an offset, '...+01:00'."""
    try:
        moment = datetime.fromisoformat(text.strip().removesuffix("Z").removesuffix(" UTC"))
    except ValueError:
        raise GradingError(
            f"--due {text!r} is not a date and time. Write it like 2026-12-01 17:00 (UTC) "
            "or 2026-12-01T17:00+01:00."
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def gradebook_problems(db_url: str, course_id: str, lesson_id: str) -> list[str]:
    """What is inconsistent in a lesson's grades: a submission without a notebook, a notebook without a
    grade for every graded cell, or with two; a score above the points (empty when all is well)."""
    from nbgrader.api import Gradebook, MissingEntry

    problems = []
    with Gradebook(db_url, course_id) as gradebook:
        try:
            assignment = gradebook.find_assignment(lesson_id)
        except MissingEntry:
            return [f"the gradebook has no lesson {lesson_id}"]
        wanted = {notebook.name: notebook for notebook in assignment.notebooks}
        for submission in assignment.submissions:
            student = submission.student_id
            found = [notebook.name for notebook in submission.notebooks]
            if sorted(found) != sorted(wanted):
                problems.append(f"{student}: notebooks {sorted(found)}, expected {sorted(wanted)}")
            for notebook in submission.notebooks:
                cells = sorted(cell.name for cell in wanted[notebook.name].grade_cells)
                graded = sorted(grade.name for grade in notebook.grades)
                if graded != cells:
                    problems.append(f"{student}: grades for {graded}, expected one each for {cells}")
                for grade in notebook.grades:
                    # extra credit may go beyond the points; the score itself may not
                    score = grade.manual_score if grade.manual_score is not None else grade.auto_score
                    if score is not None and score > grade.max_score:
                        problems.append(f"{student}: {grade.name} scored {score} of {grade.max_score}")
    return problems
