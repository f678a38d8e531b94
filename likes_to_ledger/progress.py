"""A learner's self-grades: `course check` records them, the progress report reads them back.

Results live in `.course/progress.json` inside the course folder, one entry per lesson:

    {"lessons": {"00-orientation": {
        "checked_at": "2026-11-26T12:00:00+00:00",
        "notebook": "lessons/00-orientation/00-orientation.ipynb",
        "score": 7.0, "max_score": 10.0,
        "questions": [{"id": "ex1", "points": 1.0, "max_points": 1.0, "status": "right", "message": "..."},
                      {"id": "written1", "points": null, "max_points": 3.0,
                       "status": "graded by hand", "message": "..."}]}}}

`score` and `max_score` count the autograded questions only (build entries with `lesson_entry`).
Reading never changes the file; `record_check` sets a corrupt file aside before writing a fresh one.
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
import tempfile
import textwrap
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from likes_to_ledger.errors import CourseError
from likes_to_ledger.manifest import Lesson, load_manifest
from likes_to_ledger.paths import CourseDir

if TYPE_CHECKING:
    from matplotlib.figure import Figure

RIGHT = "right"
NOT_YET_RIGHT = "not yet right"
NOT_ATTEMPTED = "not attempted"
ERROR = "error"
HAND_GRADED = "graded by hand"
STATUSES = (RIGHT, NOT_YET_RIGHT, NOT_ATTEMPTED, ERROR, HAND_GRADED)

CHART_TITLE = "Your self-grades, lesson by lesson"
CHART_XLABEL = "Self-grade score (%)"
NOT_CHECKED = "not checked"


class ProgressError(CourseError, RuntimeError):
    """The progress file could not be written; the message says where and why."""


def progress_file(course: CourseDir) -> Path:
    return course.root / ".course" / "progress.json"


# --- Writing -------------------------------------------------------------------------------------


def lesson_entry(notebook: str, questions: list[dict], checked_at: datetime | None = None) -> dict:
    """One lesson's entry for `record_check`: score and max_score add up the autograded questions.

    `questions` are dicts with id, points, max_points, status (one of STATUSES) and message;
    `checked_at` defaults to now.
    """
    autograded = [question for question in questions if question["status"] != HAND_GRADED]
    return {
        "checked_at": (checked_at or datetime.now(UTC)).isoformat(timespec="seconds"),
        "notebook": notebook,
        "score": float(sum(question["points"] or 0 for question in autograded)),
        "max_score": float(sum(question["max_points"] for question in autograded)),
        "questions": [dict(question) for question in questions],
    }


def record_check(course: CourseDir, lesson_id: str, result: dict) -> list[str]:
    """Save one lesson's self-grade in .course/progress.json, replacing that lesson's earlier one.

    Returns notes for the learner: empty, unless an unreadable progress file had to be moved aside
    (it is kept as progress.json.corrupt-<timestamp>, and a fresh file is started).
    Raises ProgressError if the file cannot be written at all.
    """
    path = progress_file(course)
    where = course.relative(path)
    data, problem = _read(path)
    data["lessons"][lesson_id] = result
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"  # a result that is not JSON fails here
    notes: list[str] = []
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if problem:
            aside = _set_aside(path)
            notes.append(
                f"{where} could not be read ({problem}), so it was moved to {course.relative(aside)} "
                "and a fresh one was started. Check your other lessons again to see them in the report."
            )
        _write_atomically(path, text)
    except OSError as error:
        raise ProgressError(
            f"Could not save your result in {where}: {error.strerror or error}. "
            "Check that you can write to the course folder."
        ) from None
    return notes


def _read(path: Path) -> tuple[dict, str | None]:
    """The progress data, and what is wrong with the file if it cannot be used (then empty data)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"lessons": {}}, None
    except OSError as error:
        return {"lessons": {}}, error.strerror or str(error)
    except UnicodeDecodeError:
        return {"lessons": {}}, "it is not text"
    except json.JSONDecodeError as error:
        return {"lessons": {}}, f"it is not valid JSON: line {error.lineno}, column {error.colno}"
    if not isinstance(data, dict) or not isinstance(data.get("lessons"), dict):
        return {"lessons": {}}, 'it lacks the "lessons" table'
    return data, None


def _set_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
        number += 1
    os.replace(path, aside)
    return aside


def _write_atomically(path: Path, text: str) -> None:
    """Write a temporary file next to `path`, then rename it over `path`: readers see old or new."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- Reading -------------------------------------------------------------------------------------


def load_progress(course: CourseDir) -> dict:
    """The contents of .course/progress.json: {"lessons": {lesson id: entry}}.

    A missing or unreadable file reads as no lessons checked; the file is never changed here.
    """
    return _read(progress_file(course))[0]


@dataclass(frozen=True)
class ProgressRow:
    """One lesson of the report, with its cells as the learner reads them."""

    lesson_id: str
    title: str
    notebook: str  # the lesson notebook, relative to the course folder
    checked_at: str  # local time, e.g. "26 Nov 2026 12:00"; "" if never checked
    score: str  # e.g. "7 / 10" (autograded points); "" if never checked
    right: str  # autograded questions right, e.g. "4 of 6"; "" if never checked
    left: str  # what is left to do, in words
    percent: float | None  # score as a percentage of its maximum; None if never checked
    to_fix: tuple[str, ...] = ()  # autograded questions not right yet
    hand_graded: tuple[str, ...] = ()  # answers the instructor grades
    feedback: tuple[tuple[str, str, str], ...] = ()  # (question id, status, message) of those questions

    @property
    def checked(self) -> bool:
        return self.percent is not None


@dataclass
class ProgressReport:
    course_title: str
    rows: list[ProgressRow]
    notes: list[str] = field(default_factory=list)  # e.g. the progress file could not be read

    @property
    def heading(self) -> str:
        checked = sum(row.checked for row in self.rows)
        return f"{self.course_title}: your self-grades ({checked} of {len(self.rows)} lessons checked)"

    def text(self, width: int = 80) -> str:
        """A plain-text table for a terminal `width` columns wide; long cells wrap inside their column.

        It fits 80 columns for lesson ids of up to 27 characters; a path or command is never split,
        so a very long one may run past the edge.
        """
        return _text_table(self, max(width, 60))

    def _repr_html_(self) -> str:
        return _html_table(self) + _chart_img(self)

    def figure(self) -> Figure:
        """The bar chart of `chart`, as a matplotlib Figure (nothing global of matplotlib changes)."""
        return _figure(self.rows)

    def chart(self, path: str | os.PathLike) -> Path:
        """Save the bar chart of self-grades as a PNG at `path`; return the path."""
        path = Path(path)
        self.figure().savefig(path, format="png", dpi=100)
        return path


def progress_report(course: CourseDir) -> ProgressReport:
    """Every lesson of course.toml in order, with its last self-grade (or how to get one)."""
    manifest = load_manifest(course)
    data, problem = _read(progress_file(course))
    notes = []
    if problem:
        where = course.relative(progress_file(course))
        notes.append(
            f"{where} could not be read ({problem}), so every lesson shows as not checked. "
            "Your next `course check` moves it aside and starts a fresh one."
        )
    entries = data["lessons"]
    rows = [_row(course, lesson, entries.get(lesson.id)) for lesson in manifest.lessons]
    return ProgressReport(manifest.title, rows, notes)


def _row(course: CourseDir, lesson: Lesson, entry) -> ProgressRow:
    notebook = course.lesson_notebook(lesson.id).relative_to(course.root).as_posix()
    if not isinstance(entry, dict):
        hint = f"not checked yet — run `course check {notebook}`"
        return ProgressRow(lesson.id, lesson.title, notebook, "", "", "", hint, None)
    questions = [q for q in entry.get("questions") or [] if isinstance(q, dict)]
    autograded = [q for q in questions if q.get("status") != HAND_GRADED]
    to_fix = tuple(str(q.get("id", "?")) for q in autograded if q.get("status") != RIGHT)
    hand_graded = tuple(str(q.get("id", "?")) for q in questions if q.get("status") == HAND_GRADED)
    score = _number(entry.get("score"), sum(_number(q.get("points"), 0) for q in autograded))
    max_score = _number(entry.get("max_score"), sum(_number(q.get("max_points"), 0) for q in autograded))
    right = sum(q.get("status") == RIGHT for q in autograded)
    return ProgressRow(
        lesson_id=lesson.id,
        title=lesson.title,
        notebook=notebook,
        checked_at=friendly_time(entry.get("checked_at")),
        score=f"{_points(score)} / {_points(max_score)}",
        right=f"{right} of {len(autograded)}",
        left=_left(to_fix, hand_graded),
        percent=100 * score / max_score if max_score > 0 else 0.0,
        to_fix=to_fix,
        hand_graded=hand_graded,
        feedback=tuple(
            (str(q.get("id", "?")), str(q.get("status", "")), str(q.get("message") or ""))
            for q in questions
            if q.get("status") != RIGHT
        ),
    )


def _left(to_fix: tuple[str, ...], hand_graded: tuple[str, ...]) -> str:
    hand = f"{', '.join(hand_graded)} graded by your instructor" if hand_graded else ""
    if to_fix:
        return "; ".join(filter(None, [", ".join(to_fix), hand]))
    return f"nothing to fix; {hand}" if hand else "nothing — all right!"


def friendly_time(value, tz: tzinfo | None = None) -> str:
    """An ISO time as '26 Nov 2026 12:00' in `tz` (default: this computer's time zone)."""
    try:
        moment = datetime.fromisoformat(str(value)).astimezone(tz)
    except ValueError:
        return str(value or "")
    return f"{moment.day} {moment:%b %Y %H:%M}"


def _number(value, default: float) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else float(default)


def _points(value: float) -> str:
    """7.0 -> '7', 7.5 -> '7.5', 2/3 -> '0.67'."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


# --- Showing -------------------------------------------------------------------------------------

HEADERS = ("Lesson", "Checked", "Score", "Right", "What's left")
GAP = "  "


def _text_table(report: ProgressReport, width: int) -> str:
    rows = report.rows
    ids = max([len(row.lesson_id) for row in rows] + [len(HEADERS[0])])
    fixed = [
        max([len(row.checked_at) for row in rows] + [len(HEADERS[1])]),
        max([len(row.score) for row in rows] + [len(HEADERS[2])]),
        max([len(row.right) for row in rows] + [len(HEADERS[3])]),
    ]
    # The lesson column takes what the other columns leave, up to 26 characters, to show titles.
    left = 24
    lesson = max(ids, min(26, width - sum(fixed) - left - len(GAP) * 4))
    left = max(16, width - lesson - sum(fixed) - len(GAP) * 4)
    widths = [lesson, *fixed, left]
    span = sum(fixed) + left + len(GAP) * 3  # the cells after the lesson, for a lesson never checked

    lines = [line for note in report.notes for line in [*_wrap(note, width), ""]]
    lines += [report.heading, "", _line(HEADERS, widths)]
    lines.append(_line(["-" * w for w in widths], widths))
    for number, row in enumerate(rows):
        if number:
            lines.append("")
        first = _wrap(row.lesson_id, lesson) + _wrap(row.title, lesson)
        if row.checked:
            cells = [first, [row.checked_at], [row.score], [row.right], _wrap(row.left, left)]
            cell_widths = widths
        else:
            cells = [first, _wrap(row.left, span)]
            cell_widths = [lesson, span]
        for index in range(max(len(cell) for cell in cells)):
            lines.append(_line([cell[index] if index < len(cell) else "" for cell in cells], cell_widths))
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int) -> list[str]:
    # Words (a command, a path) stay whole: a line may run long rather than break a path in two.
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def _line(cells, widths) -> str:
    return GAP.join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()


def _html_table(report: ProgressReport) -> str:
    e = html.escape
    parts = [f'<p style="color:#a15c00">{e(note)}</p>' for note in report.notes]
    parts.append('<table class="course-progress">')
    parts.append(f'<caption style="text-align:left">{e(report.heading)}</caption>')
    parts.append("<thead><tr>" + "".join(f"<th>{e(header)}</th>" for header in HEADERS) + "</tr></thead>")
    parts.append("<tbody>")
    for row in report.rows:
        lesson = f"<td><b>{e(row.lesson_id)}</b><br>{e(row.title)}</td>"
        if row.checked:
            texts = (row.checked_at, row.score, row.right)
            cells = (
                "".join(f"<td>{e(text)}</td>" for text in texts) + f"<td>{e(row.left)}{_details(row)}</td>"
            )
        else:
            cells = f'<td colspan="4">not checked yet — run <code>course check {e(row.notebook)}</code></td>'
        parts.append(f"<tr>{lesson}{cells}</tr>")
    parts.append("</tbody></table>")
    return "\n".join(parts) + "\n"


def _details(row: ProgressRow) -> str:
    """What `course check` said about each question not right yet, folded away until clicked."""
    if not row.feedback:
        return ""
    items = "".join(
        f"<li><b>{html.escape(question)}</b> ({html.escape(status)}){': ' if message else ''}"
        f"{html.escape(message)}</li>"
        for question, status, message in row.feedback
    )
    return f"<details><summary>what the check said</summary><ul>{items}</ul></details>"


def _chart_img(report: ProgressReport) -> str:
    buffer = io.BytesIO()
    report.figure().savefig(buffer, format="png", dpi=100)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{html.escape(CHART_TITLE)}" src="data:image/png;base64,{data}">\n'


def _figure(rows: list[ProgressRow]) -> Figure:
    # matplotlib is imported here: `course check` records progress without drawing, and quickly.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(8, 1.2 + 0.45 * len(rows)), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    labels = [_shorten(f"{row.lesson_id[:2]} {row.title}", 40) for row in rows]
    values = [min(row.percent or 0.0, 100.0) for row in rows]
    positions = range(len(rows))
    axes.barh(positions, values, color=["#3a7ca5" if row.checked else "#cccccc" for row in rows])
    for position, value, row in zip(positions, values, rows, strict=True):
        label = f"{row.percent:.0f}%" if row.checked else NOT_CHECKED
        inside = value > 85
        axes.text(
            value - 1 if inside else value + 1,
            position,
            label,
            va="center",
            ha="right" if inside else "left",
            color="white" if inside else "#333333",
            fontsize=9,
        )
    axes.set_yticks(list(positions), labels)
    axes.invert_yaxis()  # course order, top to bottom
    axes.set_xlim(0, 100)
    axes.set_xlabel(CHART_XLABEL)
    axes.set_title(CHART_TITLE)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
