"""`course check NOTEBOOK`: grade a learner's lesson exactly as the instructor's autograde would.

nbgrader's own autograde and generate_feedback run, in this process, in a throwaway course under a
temporary folder: hidden tests are restored from the lesson's solution, data files are replaced by the
master copies, and the learner's file is only ever read. What makes it quick (2.9 s for lesson 00
instead of 10.6 s for nbgrader's route of three commands; benchmarks/check_times.py):
- the lesson's gradebook is prepared once per version of its solution and kept in .course/check/;
- nbgrader runs in-process, and asks alembic for the gradebook schema's version once, not per query;
- an optional, slow-to-import IRI validator of jsonschema (0.8 s) is skipped: notebooks don't use it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import warnings
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from likes_to_ledger import notebooks
from likes_to_ledger.errors import CourseError
from likes_to_ledger.manifest import Lesson, load_manifest
from likes_to_ledger.paths import CourseDir

STUDENT = "learner"
GUARD_VARIABLE = "LIKES_TO_LEDGER_SELF_CHECK"  # set while grading, so a lesson can't start a check itself
STATUS_BY_ERROR = {"NotAttempted": "not attempted", "NotYetRight": "not yet right"}


class SubmissionError(CourseError, ValueError):
    """The notebook can't be graded as it is; the message names the file and what to do next."""


@dataclass(frozen=True)
class Question:
    id: str
    title: str
    points: float | None  # None: graded by hand, not yet
    max_points: float
    status: str  # right, not yet right, not attempted, error, graded by hand
    message: str


@dataclass
class CheckReport:
    lesson: Lesson
    notebook: Path
    questions: list[Question]
    feedback_page: Path
    checked_at: datetime
    notes: list[str] = field(default_factory=list)

    @property
    def autograded(self) -> list[Question]:
        return [q for q in self.questions if q.status != "graded by hand"]

    @property
    def score(self) -> float:
        return sum(q.points or 0 for q in self.autograded)

    @property
    def max_score(self) -> float:
        return sum(q.max_points for q in self.autograded)

    @property
    def manual_points(self) -> float:
        return sum(q.max_points for q in self.questions if q.status == "graded by hand")

    def progress_entry(self, course: CourseDir) -> dict:
        from likes_to_ledger.progress import lesson_entry

        questions = [{k: v for k, v in asdict(q).items() if k != "title"} for q in self.questions]
        return lesson_entry(course.relative(self.notebook), questions, self.checked_at)

    def text(self, width: int = 100) -> str:
        rows = [("question", "points", "status", "message")]
        for q in self.questions:
            points = "—" if q.points is None else _points(q.points)
            rows.append((f"{q.id} {q.title}", f"{points} / {_points(q.max_points)}", q.status, q.message))
        widths = [min(max(len(row[i]) for row in rows), limit) for i, limit in enumerate((34, 9, 14))]
        lines = []
        for row in rows:
            cells = [_fit(row[i], widths[i]).ljust(widths[i]) for i in range(3)]
            lines.append("  ".join([*cells, row[3]]).rstrip())
        lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 7)
        lines += ["", self.summary()]
        return "\n".join(lines)

    def summary(self) -> str:
        total = f"Score: {_points(self.score)} / {_points(self.max_score)} autograded points"
        if self.manual_points:
            total += f" (and {_points(self.manual_points)} more graded by your instructor)"
        return f"{self.lesson.id}: {total}.\nFeedback page: {self.feedback_page}"

    def _repr_html_(self) -> str:
        from html import escape

        colours = {
            "right": "#1b7f3b",
            "not yet right": "#b35900",
            "not attempted": "#4a5a70",
            "error": "#b00020",
        }
        rows = "".join(
            f"<tr><td style='text-align:left'>{escape(q.id)} {escape(q.title)}</td>"
            f"<td>{'—' if q.points is None else _points(q.points)} / {_points(q.max_points)}</td>"
            f"<td style='color:{colours.get(q.status, '#333')}'><b>{escape(q.status)}</b></td>"
            f"<td style='text-align:left'>{escape(q.message)}</td></tr>"
            for q in self.questions
        )
        summary = escape(self.summary()).replace("\n", "<br>")
        return (
            "<table><thead><tr><th>question</th><th>points</th><th>status</th><th>message</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><p>{summary}</p>"
        )

    def __str__(self) -> str:
        return self.text()


def _points(value: float) -> str:
    return f"{value:g}"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --- Reading and recognising the learner's notebook ---------------------------------------------------


def read_submission(path: Path) -> dict:
    """The notebook as JSON, or a SubmissionError that says what's wrong and how to get the work back."""
    if path.suffix != ".ipynb":
        raise SubmissionError(f"{path} is not a notebook (.ipynb). Give the path of your lesson's notebook.")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SubmissionError(
            f"{path} does not exist. Check the path: lessons are in lessons/NN-slug/."
        ) from None
    except UnicodeDecodeError:
        raise SubmissionError(f"{path} is not a text file, so it can't be a notebook.") from None
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as error:
        raise SubmissionError(
            f"{path} is damaged: it is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}). If it is open in JupyterLab, use File → Revert Notebook to Checkpoint; otherwise "
            "look for a copy in the .ipynb_checkpoints folder next to it."
        ) from None
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list) or not all(isinstance(cell, dict) for cell in cells):
        raise SubmissionError(
            f"{path} is valid JSON but not a Jupyter notebook (it has no list of cells). Check the path; "
            "if it is your lesson's notebook, restore it as for a damaged file: in JupyterLab, File → "
            "Revert Notebook to Checkpoint, or a copy in the .ipynb_checkpoints folder next to it."
        )
    return nb


def _grade_ids(nb: dict) -> list[tuple[int, str, str]]:
    """(cell number, grade id, cell type) of every nbgrader cell, in order."""
    found = []
    for number, cell in enumerate(nb["cells"], start=1):
        metadata = cell.get("metadata")
        meta = metadata.get("nbgrader") if isinstance(metadata, dict) else None
        if isinstance(meta, dict) and "grade_id" in meta:  # a hand-edited file may hold anything here
            found.append((number, str(meta["grade_id"]), cell.get("cell_type")))
    return found


def identify_lesson(course: CourseDir, path: Path, nb: dict) -> Lesson:
    """The lesson a notebook is: by its file name, or else by its graded cells (a renamed copy)."""
    lessons = load_manifest(course).lessons
    by_name = [lesson for lesson in lessons if path.stem == lesson.id]
    if by_name:
        return by_name[0]
    # A renamed copy (JupyterLab's Duplicate makes 00-orientation-Copy1.ipynb) is the lesson whose graded
    # cells it shares most, even with a cell deleted or renamed, so that structure_problems can say which.
    # Lessons share grade ids (ex1_answer, ...): it must be the only best match, or be named in the file name.
    ids = {grade_id for _, grade_id, _ in _grade_ids(nb)}
    likeness = {}
    for lesson in lessons:
        expected = _lesson_cells(course, lesson).keys()
        likeness[lesson] = (len(ids & expected) / len(ids | expected) if ids else 0.0, lesson.id in path.stem)
    ranked = sorted(lessons, key=likeness.get, reverse=True)
    best = ranked[0]
    if likeness[best][0] >= 0.5 and (len(ranked) == 1 or likeness[ranked[1]] != likeness[best]):
        return best
    listed = ", ".join(f"lessons/{lesson.id}/{lesson.id}.ipynb" for lesson in lessons)
    raise SubmissionError(
        f"{path} is not one of the course's lessons: its name and its graded cells match none of them. "
        f"Check one of: {listed}."
    )


def _lesson_cells(course: CourseDir, lesson: Lesson) -> dict[str, str]:
    """grade id -> cell type, as the lesson's student version has them."""
    nb = json.loads(course.lesson_notebook(lesson.id).read_text(encoding="utf-8"))
    return {grade_id: cell_type for _, grade_id, cell_type in _grade_ids(nb)}


def structure_problems(course: CourseDir, lesson: Lesson, path: Path, nb: dict) -> list[str]:
    """Deleted, duplicated, renamed or retyped graded cells: nbgrader would score these wrongly or crash."""
    expected = _lesson_cells(course, lesson)
    found = _grade_ids(nb)
    problems = []
    positions: dict[str, list[int]] = {}
    for number, grade_id, cell_type in found:
        positions.setdefault(grade_id, []).append(number)
        if grade_id not in expected:
            problems.append(
                f"cell {number} is marked as a graded cell {grade_id!r}, which lesson {lesson.id} "
                "doesn't have. Was a cell's metadata edited? Copy your answer into the right cell of a "
                "fresh copy of the lesson."
            )
        elif cell_type != expected[grade_id]:
            problems.append(
                f"cell {number} ({grade_id}) should be a {expected[grade_id]} cell but is a "
                f"{cell_type} cell. Change it back with the cell-type menu in JupyterLab's toolbar."
            )
    for grade_id, numbers in positions.items():
        if len(numbers) > 1 and grade_id in expected:
            cells = " and ".join(str(n) for n in numbers)
            problems.append(
                f"{grade_id} appears {len(numbers)} times (cells {cells}): a copy was made. "
                "Delete the extra copies and keep one, in its original place."
            )
    for grade_id in expected:
        if grade_id not in positions:
            problems.append(
                f"{grade_id} is missing: the cell was deleted. Open a fresh copy of the lesson "
                f"(lessons/{lesson.id}/{lesson.id}.ipynb from the course download) and copy that cell back, "
                "in the same place."
            )
    return [f"{path.name}: {problem}" for problem in problems]


# --- Grading in a throwaway course -------------------------------------------------------------------


def _quick_nbgrader() -> None:
    """Make in-process nbgrader quick; see the module docstring. Safe to call more than once."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]
    import nbgrader.api

    if getattr(nbgrader.api.get_alembic_version, "cached", False):
        return
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(Path(nbgrader.api.__file__).with_name("alembic"))).get_current_head()

    def get_alembic_version() -> str:
        return head

    get_alembic_version.cached = True  # type: ignore[attr-defined]
    nbgrader.api.get_alembic_version = get_alembic_version


def _api(root: Path):
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    from likes_to_ledger import guarded_execute, sandbox

    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    config.Exchange.root = str(root / "exchange")  # never the machine's shared exchange
    # ipykernel warns on stderr that its local TCP connection is unencrypted: noise for a learner.
    config.Execute.extra_arguments = ["--IPKernelApp.log_level=ERROR"]
    config.Execute.shutdown_kernel = "immediate"  # the outputs are in; a graceful stop only waits
    # The notebook runs guarded, and in the sandbox where this machine has one (Linux with bubblewrap):
    # a learner's own notebook on their own laptop puts nobody else's files at risk, so without one it
    # runs as before rather than refusing.
    guarded_execute.configure(config, sandbox=sandbox.unavailable_reason() is None)
    return NbGraderAPI(config=config)


def _prepared_course(course: CourseDir, lesson: Lesson) -> Path:
    """A course folder with the lesson's source and a gradebook that knows it, made once per version."""
    import nbgrader

    digest = hashlib.sha256(nbgrader.__version__.encode())
    source = course.solution_folder(lesson.id)
    for path in [*course.nbgrader_config_files, *sorted(p for p in source.rglob("*") if p.is_file())]:
        if ".ipynb_checkpoints" not in path.parts and "__pycache__" not in path.parts:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    prepared = course.root / ".course" / "check" / f"{lesson.id}-{digest.hexdigest()[:16]}"
    if (prepared / "gradebook.db").is_file():
        return prepared
    prepared.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{lesson.id}-", dir=prepared.parent))
    try:
        _copy_course_sources(course, lesson, staging)
        result = _api(staging).generate_assignment(lesson.id, force=True)
        if not result["success"]:
            raise RuntimeError(f"nbgrader could not prepare lesson {lesson.id}:\n{result['log'][-2000:]}")
        shutil.rmtree(staging / "lessons")
        try:
            staging.rename(prepared)  # atomic: a check running alongside sees all of it or none
        except OSError:
            pass  # another check prepared it first
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return prepared


def _copy_course_sources(course: CourseDir, lesson: Lesson, root: Path) -> None:
    for config in course.nbgrader_config_files:
        shutil.copyfile(config, root / config.name)
    shutil.copytree(
        course.solution_folder(lesson.id),
        root / "solutions" / lesson.id,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )


class _GradingEnvironment:
    """Kernels started while grading judge strictly, as in nbgrader, even when this runs inside JupyterLab."""

    def __enter__(self):
        self.saved = {
            name: os.environ.get(name) for name in ("JPY_SESSION_NAME", "COURSE_CHECKS_MODE", GUARD_VARIABLE)
        }
        os.environ.pop("JPY_SESSION_NAME", None)
        os.environ["COURSE_CHECKS_MODE"] = "strict"
        os.environ[GUARD_VARIABLE] = "1"

    def __exit__(self, *exc):
        for name, value in self.saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def check_notebook(path: Path, course: CourseDir | None = None, record: bool = True) -> CheckReport:
    """Self-grade one lesson notebook; write its feedback page next to it; return the report."""
    path = Path(path).resolve()
    course = course or CourseDir.find(path.parent)
    nb = read_submission(path)
    lesson = identify_lesson(course, path, nb)
    problems = structure_problems(course, lesson, path, nb)
    if problems:
        raise SubmissionError("\n".join(["This notebook can't be graded until these are fixed:", *problems]))
    if not course.solution_notebook(lesson.id).is_file():
        raise SubmissionError(
            f"course check needs the course's solutions/ folder to run the hidden tests, and "
            f"{course.relative(course.solution_notebook(lesson.id))} is not there. In a class, use Validate "
            "and your instructor's feedback instead."
        )
    _quick_nbgrader()
    prepared = _prepared_course(course, lesson)
    with tempfile.TemporaryDirectory(prefix="course-check-") as scratch, _GradingEnvironment():
        root = Path(scratch)
        for name in ("nbgrader_config.py", "grader_config.py", "gradebook.db"):
            shutil.copyfile(prepared / name, root / name)
        shutil.copytree(prepared / "solutions", root / "solutions")
        submitted = root / "submitted" / STUDENT / lesson.id
        submitted.mkdir(parents=True)
        shutil.copyfile(path, submitted / f"{lesson.id}.ipynb")
        api = _api(root)
        with warnings.catch_warnings():
            # nbgrader's gradebook code trips SQLAlchemy's autoflush warnings; they don't affect grades.
            warnings.simplefilter("ignore", category=Warning)
            result = api.autograde(lesson.id, STUDENT, force=True, create=True)
        if not result["success"]:
            raise SubmissionError(f"{path.name} could not be graded:\n{_last_error(result['log'])}")
        questions = _questions(root, lesson)
        result = api.generate_feedback(lesson.id, STUDENT, force=True)
        if not result["success"]:
            raise RuntimeError(f"The feedback page could not be made:\n{_last_error(result['log'])}")
        feedback_page = path.with_name(f"{path.stem}.feedback.html")
        shutil.copyfile(root / "feedback" / STUDENT / lesson.id / f"{lesson.id}.html", feedback_page)
    report = CheckReport(lesson, path, questions, feedback_page, datetime.now(UTC))
    if record:
        from likes_to_ledger.progress import record_check

        report.notes = record_check(course, lesson.id, report.progress_entry(course))
    return report


def _last_error(log: str) -> str:
    from likes_to_ledger.grading import nbgrader_reason

    return nbgrader_reason(log)


def _questions(root: Path, lesson: Lesson) -> list[Question]:
    from nbgrader.api import Gradebook

    autograded = notebooks.read(root / "autograded" / STUDENT / lesson.id / f"{lesson.id}.ipynb")
    titles = _exercise_titles(autograded)
    cells = {meta["grade_id"]: cell for cell, meta in notebooks.nbgrader_cells(autograded)}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission_notebook(lesson.id, lesson.id, STUDENT)
        grades = {grade.name: (grade.score, grade.max_score) for grade in submission.grades}
    questions = []
    for cell, meta in notebooks.nbgrader_cells(autograded):
        grade_id = meta["grade_id"]
        if grade_id not in grades:
            continue
        score, max_score = grades[grade_id]
        exercise = grade_id.removesuffix("_check")
        title = titles.get(exercise, "")
        if meta.get("solution"):  # a written answer, graded by hand
            written = cell.source.strip() and "Double-click this cell" not in cell.source
            message = "Written; your instructor grades it with a rubric." if written else "Not written yet."
            questions.append(Question(grade_id, title, None, max_score, "graded by hand", message))
            continue
        status, message = _outcome(cell, cells.get(f"{exercise}_answer"), score, max_score)
        questions.append(Question(exercise, title, score, max_score, status, message))
    return questions


def _outcome(check_cell, answer_cell, score: float, max_score: float) -> tuple[str, str]:
    errors = [o for o in check_cell.get("outputs", []) if o.output_type == "error"]
    shown = [
        o.get("data", {}).get("text/plain", "") for o in check_cell.get("outputs", []) if "data" in o
    ] + [o.get("text", "") for o in check_cell.get("outputs", []) if o.output_type == "stream"]
    if score >= max_score and not errors:
        message = next((text.lstrip("✓ ").strip() for text in shown if text.strip()), "Right.")
        return "right", message
    answer_errors = [o for o in (answer_cell or {}).get("outputs", []) if o.output_type == "error"]
    if errors and errors[0].ename in STATUS_BY_ERROR:
        status, message = STATUS_BY_ERROR[errors[0].ename], errors[0].evalue
    elif errors:
        status, message = "error", f"The check stopped with {errors[0].ename}: {errors[0].evalue}"
    else:
        status, message = "not yet right", "Not right yet."
    if answer_errors:
        message = (
            f"Your answer cell stops with {answer_errors[0].ename}: {answer_errors[0].evalue}. {message}"
        )
    return status, message


EXERCISE_HEADING = re.compile(
    r"^###\s+Exercise\s+(\d+)\s+[—-]\s+(.+?)(\s+\(\d+ points?\))?\s*$", re.MULTILINE
)
WRITTEN_HEADING = re.compile(r"^###\s+Written answer\s+[—-]\s+(.+?)(\s+\(.*\))?\s*$", re.MULTILINE)


def _exercise_titles(nb) -> dict[str, str]:
    titles, written = {}, 0
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for match in EXERCISE_HEADING.finditer(cell.source):
            titles[f"ex{match[1]}"] = match[2]
        for match in WRITTEN_HEADING.finditer(cell.source):
            written += 1
            titles[f"written{written}"] = match[1]
    return titles


def self_check(notebook: str | Path | None = None) -> CheckReport | str:
    """`course check` from a notebook cell: `from likes_to_ledger import self_check; self_check()`.

    Without an argument it grades the notebook this kernel belongs to, as last saved.
    """
    if os.environ.get(GUARD_VARIABLE):
        return "self_check() does nothing while a notebook is being graded."
    if notebook is None:
        session = os.environ.get("JPY_SESSION_NAME")
        if not session:
            raise SubmissionError("Say which notebook to check, e.g. self_check('00-orientation.ipynb').")
        # jupyter_server gives the path from its root folder; the kernel runs in the notebook's folder.
        notebook = session if Path(session).is_file() else Path.cwd() / Path(session).name
    return check_notebook(Path(notebook))
