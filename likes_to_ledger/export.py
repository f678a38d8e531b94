"""Grade exports for the instructor: a CSV for the LMS and a formatted Excel workbook, as nbgrader plugins.

Both are nbgrader export plugins, so they run through nbgrader itself, from the course folder:

    nbgrader export --exporter=likes_to_ledger.export.LmsCsvExport --to grades.csv
    nbgrader export --exporter=likes_to_ledger.export.ExcelGradesExport --to grades.xlsx

with nbgrader's `--assignment` and `--student` to export only some lessons or students, or through
`export_grades`, which runs both against one gradebook. Lessons are nbgrader assignments.

The numbers are nbgrader's own, read from its gradebook (nbgrader/api.py) and combined as its
CsvExportPlugin (`nbgrader export`) combines them:

- A question's score is `Grade.score`: the score given by hand in the formgrader when there is one (it
  overrides the autograder's), else the autograder's, plus any extra credit. A question with neither is
  *not graded yet*: nbgrader counts it 0 in every total, and so do these exports; the workbook leaves its
  cell blank and marks it.
- A lesson's score is the `score` column of `nbgrader export`: the submission's score
  (`SubmittedAssignment.score`, the sum of its grades) minus its late penalty
  (`SubmittedAssignment.late_submission_penalty`, the sum of its notebooks'), never below 0.
- A student who did not submit a lesson scores 0 on it, as in `nbgrader export`; the lesson's maximum is
  `Assignment.max_score`.
- "Needs hand grading" is nbgrader's `Grade.needs_manual_grade`: what the formgrader lists as still to grade.
- A question is hand-graded when nbgrader cannot autograde it (nbgrader.utils.determine_grade): its cell is
  also a solution cell (an answer cell), a markdown cell, or a task; the others are autograded tests.

Grade cells appear in the order of the lesson's source notebook (solutions/NN-slug/NN-slug.ipynb) when it
can be found, since the gradebook does not record positions; otherwise in natural name order (ex2 before
ex10). Lessons come in course.toml order where known, the others after them by name; students by id.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nbgrader.api import Assignment, Gradebook, GradeCell
from nbgrader.plugins import ExportPlugin
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from sqlalchemy.engine import make_url
from traitlets import List, Unicode

from likes_to_ledger import notebooks
from likes_to_ledger.errors import CourseError
from likes_to_ledger.grading import put_nbgrader_tools_on_path
from likes_to_ledger.manifest import load_manifest
from likes_to_ledger.paths import CourseDir

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

AUTOGRADED = "autograded"
HAND_GRADED = "hand-graded"

CSV_HEADER = ("student_id", "lesson", "score", "max_score")
SUMMARY_SHEET = "Summary"
ITEM_SHEET = "Item analysis"
ITEM_NOTE = (
    "Hardest questions first: sorted by share with full marks, lowest first, then by mean share of max. "
    "Hand-graded questions count only the submissions graded so far; autograded ones, every submission."
)
ITEM_HEADER = (
    "Lesson",
    "Question",
    "Kind",
    "Max points",
    "Graded submissions",
    "Mean score",
    "Mean share of max",
    "Share with full marks",
    "Chart label",
)
# Column number -> number format: max points, graded submissions, mean score, and the two shares.
ITEM_FORMATS = {4: "0.0", 5: "0", 6: "0.00", 7: "0%", 8: "0%"}
CHART_TITLE = "Share of graded submissions with full marks, hardest first"
CHART_CATEGORY_TITLE = "Question (lesson and grade cell)"
CHART_VALUE_TITLE = "Share with full marks"
LESSON_NOTE = (
    "Filled cells: answers nbgrader flags as needing hand grading (an answer not graded yet counts 0). "
    "Score = sum of the questions minus the late penalty, never below 0; no submission counts 0."
)
NO_SUBMISSION = "No submission: counted 0, as nbgrader export does."

SCORE_FORMAT = "0.0"
PERCENT_FORMAT = "0%"
HAND_GRADING_FILL = PatternFill(fill_type="solid", fgColor="FFD966")  # amber: waiting for the grader
HEADER_FONT = Font(bold=True)
NOTE_FONT = Font(italic=True)
# Red at 0, yellow half-way, green at full marks.
SCALE_COLOURS = ("F8696B", "FFEB84", "63BE7B")
FORBIDDEN_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
FULL_MARKS_TOLERANCE = 1e-9  # scores are floats in the gradebook: 2.0 may come back as 1.9999999999


class ExportError(CourseError, ValueError):
    """The grades cannot be exported as asked; the message names the gradebook and what to do."""


@dataclass(frozen=True)
class Question:
    """A graded cell of a lesson: an autograded test or an answer graded by hand."""

    lesson: str
    name: str  # the grade cell's id, e.g. "ex1_check"; "notebook/id" when a lesson has several notebooks
    kind: str  # AUTOGRADED or HAND_GRADED
    max_points: float

    @property
    def header(self) -> str:
        """The column header of a lesson sheet, e.g. "ex1_check (2 pts)"."""
        unit = "pt" if self.max_points == 1 else "pts"
        return f"{self.name} ({self.max_points:g} {unit})"


@dataclass(frozen=True)
class StudentInfo:
    id: str
    last_name: str | None
    first_name: str | None


@dataclass(frozen=True)
class LessonResult:
    """One student's submission of one lesson."""

    raw_score: float  # nbgrader's SubmittedAssignment.score
    late_penalty: float
    scores: dict[str, float | None]  # question name -> Grade.score, None while not graded yet
    needs_hand_grading: frozenset[str]  # question names nbgrader flags for the formgrader

    @property
    def score(self) -> float:
        return max(0.0, self.raw_score - self.late_penalty)


@dataclass(frozen=True)
class LessonGrades:
    id: str
    max_score: float
    questions: tuple[Question, ...]  # in notebook order
    results: dict[str, LessonResult]  # student id -> result; students who did not submit are absent

    def score(self, student_id: str) -> float:
        result = self.results.get(student_id)
        return result.score if result else 0.0


@dataclass(frozen=True)
class ClassGrades:
    """What the exports show, read from the gradebook once."""

    students: tuple[StudentInfo, ...]  # by id
    lessons: tuple[LessonGrades, ...]  # course order


@dataclass(frozen=True)
class ItemStats:
    """How a class did on one question."""

    lesson: str
    question: str
    kind: str  # AUTOGRADED or HAND_GRADED
    max_points: float
    graded: int  # submissions with a score: for hand-graded questions, those graded so far
    mean_score: float | None  # None when no submission is graded
    mean_share: float | None  # mean score as a share of max points
    full_marks_share: float | None  # share of the graded submissions with full marks

    @property
    def label(self) -> str:
        return f"{self.lesson} {self.question}"


# --- Reading the gradebook -----------------------------------------------------------------------


def load_class_grades(
    gradebook: Gradebook,
    lessons: Sequence[str] | None = None,
    students: Sequence[str] | None = None,
    lesson_order: Sequence[str] = (),
    source_dir: Path | None = None,
) -> ClassGrades:
    """The grades of `lessons` (default: every lesson in the gradebook) for `students` (default: all).

    `lesson_order` is the course order (course.toml); `source_dir` the folder of the lessons' source
    notebooks (solutions/), for grade cells in notebook order.
    Raises ExportError naming a lesson or student the gradebook does not hold.
    """
    assignments = {assignment.name: assignment for assignment in gradebook.assignments}
    wanted = list(dict.fromkeys(lessons)) if lessons else list(assignments)
    _check_known("lesson", wanted, assignments, gradebook, "autograde it first, or check its name")
    everyone = {student.id: student for student in gradebook.students}
    selected = list(dict.fromkeys(students)) if students else list(everyone)
    _check_known("student", selected, everyone, gradebook, "check the id, or add the student to nbgrader")
    infos = tuple(
        StudentInfo(student_id, everyone[student_id].last_name, everyone[student_id].first_name)
        for student_id in sorted(selected)
    )
    ordered = sorted(wanted, key=_lesson_sort_key(lesson_order))
    return ClassGrades(
        students=infos,
        lessons=tuple(_lesson_grades(assignments[name], set(selected), source_dir) for name in ordered),
    )


def _check_known(what: str, names: Iterable[str], known: dict, gradebook: Gradebook, advice: str) -> None:
    unknown = [name for name in names if name not in known]
    if unknown:
        listed = ", ".join(sorted(known)) or "none"
        raise ExportError(
            f"No {what} {', '.join(map(repr, unknown))} in the gradebook {gradebook.engine.url!r} "
            f"(its {what}s: {listed}): {advice}."
        )


def _lesson_sort_key(lesson_order: Sequence[str]):
    position = {lesson_id: number for number, lesson_id in enumerate(lesson_order)}

    def key(lesson_id: str) -> tuple[int, int, str]:
        if lesson_id in position:
            return 0, position[lesson_id], ""
        return 1, 0, lesson_id

    return key


def _natural_key(name: str) -> list[int | str]:
    """ex2_check before ex10_check: the digits of a name compare as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _lesson_grades(assignment: Assignment, students: set[str], source_dir: Path | None) -> LessonGrades:
    questions_by_cell = _questions(assignment, source_dir)
    results = {}
    for submission in assignment.submissions:
        if submission.student_id not in students:
            continue
        scores: dict[str, float | None] = {}
        flagged = set()
        for submitted_notebook in submission.notebooks:
            for grade in submitted_notebook.grades:
                name = questions_by_cell[grade.cell_id].name
                graded = grade.manual_score is not None or grade.auto_score is not None
                scores[name] = grade.score if graded else None
                if grade.needs_manual_grade:
                    flagged.add(name)
        results[submission.student_id] = LessonResult(
            raw_score=float(submission.score),
            late_penalty=float(submission.late_submission_penalty or 0.0),
            scores=scores,
            needs_hand_grading=frozenset(flagged),
        )
    return LessonGrades(
        id=assignment.name,
        max_score=float(assignment.max_score),
        questions=tuple(questions_by_cell.values()),
        results=results,
    )


def _questions(assignment: Assignment, source_dir: Path | None) -> dict[str, Question]:
    """Cell id in the gradebook -> question, in notebook order."""
    several = len(assignment.notebooks) > 1
    questions = {}
    for notebook in assignment.notebooks:  # nbgrader orders them by name
        answer_cells = {cell.name for cell in notebook.solution_cells}
        cells = [*notebook.grade_cells, *notebook.task_cells]
        position = _source_positions(source_dir, assignment.name, notebook.name)
        cells.sort(key=lambda cell: (position.get(cell.name, len(position)), _natural_key(cell.name)))
        for cell in cells:
            # nbgrader.utils.determine_grade: only a code cell that is not an answer cell is autograded.
            autograded = isinstance(cell, GradeCell) and cell.cell_type == "code"
            kind = AUTOGRADED if autograded and cell.name not in answer_cells else HAND_GRADED
            name = f"{notebook.name}/{cell.name}" if several else cell.name
            questions[cell.id] = Question(assignment.name, name, kind, float(cell.max_score))
    return questions


def _source_positions(source_dir: Path | None, lesson_id: str, notebook_name: str) -> dict[str, int]:
    """Grade id -> position in the lesson's source notebook; empty when there is none to read."""
    if source_dir is None:
        return {}
    path = source_dir / lesson_id / f"{notebook_name}.ipynb"
    if not path.is_file():
        return {}
    cells = notebooks.graded_cells(notebooks.read(path))
    return {cell.grade_id: number for number, cell in enumerate(cells)}


# --- Item analysis -------------------------------------------------------------------------------


def item_analysis(
    gradebook: Gradebook, lessons: Sequence[str] | None = None, source_dir: Path | None = None
) -> list[ItemStats]:
    """How the class did on each question of `lessons` (default: all), hardest first.

    Hardest: lowest share of graded submissions with full marks, then lowest mean share of max; ties
    keep lesson and notebook order. A hand-graded question counts only the submissions graded so far;
    a student who did not submit counts nowhere. Questions nobody has been graded on come last.
    """
    return item_stats(
        load_class_grades(gradebook, lessons, lesson_order=lessons or (), source_dir=source_dir)
    )


def item_stats(grades: ClassGrades) -> list[ItemStats]:
    """The item analysis of grades already read (see `item_analysis`)."""
    stats = []
    for lesson in grades.lessons:
        for question in lesson.questions:
            scores = [
                result.scores[question.name]
                for result in lesson.results.values()
                if result.scores.get(question.name) is not None
            ]
            stats.append(_question_stats(question, scores))
    # sorted() is stable: equal questions stay in lesson and notebook order.
    return sorted(stats, key=_difficulty)


def _question_stats(question: Question, scores: list[float]) -> ItemStats:
    mean = sum(scores) / len(scores) if scores else None
    has_max = question.max_points > 0
    full = sum(score >= question.max_points - FULL_MARKS_TOLERANCE for score in scores)
    return ItemStats(
        lesson=question.lesson,
        question=question.name,
        kind=question.kind,
        max_points=question.max_points,
        graded=len(scores),
        mean_score=mean,
        mean_share=mean / question.max_points if mean is not None and has_max else None,
        full_marks_share=full / len(scores) if scores else None,
    )


def _difficulty(stats: ItemStats) -> tuple[bool, float, float]:
    if stats.full_marks_share is None:
        return True, 0.0, 0.0
    return False, stats.full_marks_share, stats.mean_share if stats.mean_share is not None else 0.0


# --- The nbgrader plugins ------------------------------------------------------------------------


class CourseExportPlugin(ExportPlugin):
    """What both exports share: which lessons and students, in which order (see the module docstring)."""

    lesson_order = List(
        Unicode(),
        help="Lesson ids in course order (default: the order of course.toml in the course folder, if any).",
    ).tag(config=True)

    source_directory = Unicode(
        "",
        help="The folder of the lessons' source notebooks, whose order the grade cells follow "
        "(default, under nbgrader: its source directory, solutions/).",
    ).tag(config=True)

    default_name = ""

    def class_grades(self, gradebook: Gradebook) -> ClassGrades:
        return load_class_grades(
            gradebook,
            lessons=[str(name) for name in self.assignment],
            students=[str(name) for name in self.student],
            lesson_order=self.lesson_order or self._course_lesson_order(),
            source_dir=self._source_dir(),
        )

    def destination(self) -> Path:
        path = Path(self.to or self.default_name)
        self.log.info("Exporting grades to %s", path)
        return path

    def _course_root(self) -> Path | None:
        """The course folder nbgrader runs in, when an nbgrader command runs this plugin."""
        coursedir = getattr(self.parent, "coursedir", None)
        return Path(coursedir.root) if coursedir is not None else None

    def _course_lesson_order(self) -> list[str]:
        root = self._course_root()
        if root is None or not CourseDir(root).manifest.is_file():
            return []
        return [lesson.id for lesson in load_manifest(CourseDir(root)).lessons]

    def _source_dir(self) -> Path | None:
        if self.source_directory:
            return Path(self.source_directory)
        root = self._course_root()
        return root / self.parent.coursedir.source_directory if root is not None else None


class LmsCsvExport(CourseExportPlugin):
    """One row per student and lesson, for an LMS gradebook import: student_id, lesson, score, max_score.

    score is after the late penalty, rounded to 2 decimals; a student who did not submit scores 0.
    Rows are sorted by lesson (course order), then student id. UTF-8, with a header row.
    """

    default_name = "grades.csv"

    def export(self, gradebook: Gradebook) -> None:
        write_lms_csv(self.class_grades(gradebook), self.destination())


class ExcelGradesExport(CourseExportPlugin):
    """A formatted workbook: a Summary sheet, a sheet per lesson and an Item analysis sheet with a chart."""

    default_name = "grades.xlsx"

    def export(self, gradebook: Gradebook) -> None:
        grades = self.class_grades(gradebook)
        write_workbook(grades, item_stats(grades), self.destination())


def export_grades(
    db_url: str,
    course_id: str,
    out_dir: Path,
    lessons: Sequence[str] | None = None,
    lesson_order: Sequence[str] | None = None,
    *,
    source_dir: Path | None = None,
) -> list[Path]:
    """Write grades.csv (LmsCsvExport) and grades.xlsx (ExcelGradesExport) in `out_dir` from one gradebook.

    `lessons` limits the export (default: every lesson in the gradebook); `lesson_order` is the course
    order (course.toml); `source_dir` the lessons' source notebooks (the course's solutions/), for grade
    cells in notebook order. Returns [csv path, xlsx path].
    """
    _check_gradebook_exists(db_url)
    put_nbgrader_tools_on_path()  # an empty PostgreSQL database makes nbgrader create its tables
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / LmsCsvExport.default_name, out_dir / ExcelGradesExport.default_name]
    with Gradebook(db_url, course_id) as gradebook:
        for plugin_class, path in zip((LmsCsvExport, ExcelGradesExport), paths, strict=True):
            plugin = plugin_class(
                to=str(path),
                assignment=list(lessons or []),
                lesson_order=list(lesson_order or []),
                source_directory=str(source_dir or ""),
            )
            plugin.export(gradebook)
    return paths


def _check_gradebook_exists(db_url: str) -> None:
    """nbgrader creates an empty gradebook where none exists: a mistyped path would export nothing."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        if not Path(url.database).is_file():
            raise ExportError(
                f"No gradebook at {url.database}: run `nbgrader autograde` in the course folder first, "
                "or give the database URL of your gradebook (e.g. sqlite:///path/to/gradebook.db)."
            )


# --- The CSV -------------------------------------------------------------------------------------


def write_lms_csv(grades: ClassGrades, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_HEADER)
        for lesson in grades.lessons:
            for student in grades.students:
                writer.writerow(
                    [student.id, lesson.id, _points(lesson.score(student.id)), _points(lesson.max_score)]
                )


def _points(value: float) -> str:
    """A score rounded to 2 decimals, without trailing zeros: 6, 3.5, 3.33."""
    return f"{round(value, 2):.2f}".rstrip("0").rstrip(".")


# --- The workbook --------------------------------------------------------------------------------


def write_workbook(grades: ClassGrades, stats: list[ItemStats], path: Path) -> None:
    book = Workbook()
    _summary_sheet(book.active, grades)
    for lesson, name in zip(grades.lessons, _sheet_names(grades.lessons), strict=True):
        _lesson_sheet(book.create_sheet(name), lesson, grades.students)
    _item_sheet(book.create_sheet(ITEM_SHEET), stats)
    book.save(path)


def _sheet_names(lessons: Sequence[LessonGrades]) -> list[str]:
    """A sheet name per lesson: its id, without the characters Excel forbids, at most 31 characters."""
    taken = {SUMMARY_SHEET.lower(), ITEM_SHEET.lower()}
    names = []
    for lesson in lessons:
        base = FORBIDDEN_IN_SHEET_NAMES.sub("_", lesson.id)[:31]
        name, number = base, 2
        while name.lower() in taken:  # Excel compares sheet names without case
            suffix = f" ({number})"
            name, number = base[: 31 - len(suffix)] + suffix, number + 1
        taken.add(name.lower())
        names.append(name)
    return names


def _summary_sheet(sheet: Worksheet, grades: ClassGrades) -> None:
    sheet.title = SUMMARY_SHEET
    lesson_ids = [lesson.id for lesson in grades.lessons]
    sheet.append(["Student ID", "Last name", "First name", *lesson_ids, "Total", "Max", "Percent"])
    max_total = sum(lesson.max_score for lesson in grades.lessons)
    for row, student in enumerate(grades.students, start=2):
        scores = [lesson.score(student.id) for lesson in grades.lessons]
        percent = sum(scores) / max_total if max_total else None
        sheet.append(
            [student.id, student.last_name, student.first_name, *scores, sum(scores), max_total, percent]
        )
        for column, lesson in enumerate(grades.lessons, start=4):
            if student.id not in lesson.results:
                sheet.cell(row, column).comment = Comment(NO_SUBMISSION, "Likes to Ledger")
    last_row = len(grades.students) + 1
    first_lesson, total = 4, 4 + len(lesson_ids)
    _number_format(sheet, first_lesson, total + 1, last_row, SCORE_FORMAT)
    _number_format(sheet, total + 2, total + 2, last_row, PERCENT_FORMAT)
    for column, lesson in enumerate(grades.lessons, start=first_lesson):
        _colour_scale(sheet, column, last_row, lesson.max_score)
    _colour_scale(sheet, total + 2, last_row, 1.0)
    if grades.students:  # an Excel table needs a row under its header
        table = Table(displayName="Grades", ref=f"A1:{get_column_letter(total + 2)}{last_row}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        sheet.add_table(table)
    sheet.freeze_panes = "B2"
    _fit_columns(sheet)


def _lesson_sheet(sheet: Worksheet, lesson: LessonGrades, students: Sequence[StudentInfo]) -> None:
    questions = lesson.questions
    sheet.append(
        [
            "Student ID",
            "Last name",
            "First name",
            *(question.header for question in questions),
            "Late penalty",
            "Score",
            "Max",
            "Needs hand grading",
        ]
    )
    for cell in sheet[1]:
        cell.font = HEADER_FONT
    first_question, penalty_column = 4, 4 + len(questions)
    for row, student in enumerate(students, start=2):
        result = lesson.results.get(student.id)
        if result is None:
            sheet.append([student.id, student.last_name, student.first_name])
            sheet.cell(row, penalty_column).value = 0.0
            sheet.cell(row, penalty_column + 1).value = 0.0
            sheet.cell(row, penalty_column + 1).comment = Comment(NO_SUBMISSION, "Likes to Ledger")
            sheet.cell(row, penalty_column + 2).value = lesson.max_score
            continue
        scores = [result.scores.get(question.name) for question in questions]
        needs = "yes" if result.needs_hand_grading else None
        sheet.append(
            [student.id, student.last_name, student.first_name, *scores]
            + [result.late_penalty, result.score, lesson.max_score, needs]
        )
        for column, question in enumerate(questions, start=first_question):
            if question.name in result.needs_hand_grading:
                sheet.cell(row, column).fill = HAND_GRADING_FILL
    last_row = len(students) + 1
    _number_format(sheet, first_question, penalty_column + 2, last_row, SCORE_FORMAT)
    for column, question in enumerate(questions, start=first_question):
        _colour_scale(sheet, column, last_row, question.max_points)
    _colour_scale(sheet, penalty_column + 1, last_row, lesson.max_score)
    note = sheet.cell(last_row + 2, 1, LESSON_NOTE)
    note.font = NOTE_FONT
    sheet.freeze_panes = "B2"
    _fit_columns(sheet, skip_rows={last_row + 2})


def _item_sheet(sheet: Worksheet, stats: list[ItemStats]) -> None:
    sheet.cell(1, 1, ITEM_NOTE).font = NOTE_FONT
    sheet.append(list(ITEM_HEADER))
    for item in stats:
        sheet.append(
            [
                item.lesson,
                item.question,
                item.kind,
                item.max_points,
                item.graded,
                item.mean_score,
                item.mean_share,
                item.full_marks_share,
                item.label,
            ]
        )
    for cell in sheet[2]:
        cell.font = HEADER_FONT
    last_row = len(stats) + 2
    for column, number_format in ITEM_FORMATS.items():
        _number_format(sheet, column, column, last_row, number_format, first_row=3)
    _colour_scale(sheet, 8, last_row, 1.0, first_row=3)
    sheet.freeze_panes = "A3"
    _fit_columns(sheet, skip_rows={1})
    if stats:
        sheet.add_chart(_full_marks_chart(sheet, len(stats)), "K2")


def _full_marks_chart(sheet: Worksheet, count: int) -> BarChart:
    """Horizontal bars of the share with full marks, the hardest question on top."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = CHART_TITLE
    chart.x_axis.title = CHART_CATEGORY_TITLE  # in a bar chart, x is the category axis
    chart.y_axis.title = CHART_VALUE_TITLE
    chart.x_axis.scaling.orientation = "maxMin"  # first row on top
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
    chart.y_axis.number_format = PERCENT_FORMAT
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 hides axes unless told
    chart.legend = None
    last_row = count + 2
    chart.add_data(Reference(sheet, min_col=8, min_row=2, max_row=last_row), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=9, min_row=3, max_row=last_row))
    chart.width, chart.height = 20, max(7.5, 0.55 * count + 3)  # centimetres: a bar stays readable
    return chart


def _number_format(
    sheet: Worksheet,
    first_column: int,
    last_column: int,
    last_row: int,
    number_format: str,
    first_row: int = 2,
) -> None:
    for row in sheet.iter_rows(first_row, last_row, first_column, last_column):
        for cell in row:
            cell.number_format = number_format


def _colour_scale(sheet: Worksheet, column: int, last_row: int, maximum: float, first_row: int = 2) -> None:
    """Red at 0, green at `maximum`: a score reads as a share of what it could be."""
    if last_row < first_row or maximum <= 0:
        return
    letter = get_column_letter(column)
    low, middle, high = SCALE_COLOURS
    rule = ColorScaleRule(
        start_type="num",
        start_value=0,
        start_color=low,
        mid_type="num",
        mid_value=maximum / 2,
        mid_color=middle,
        end_type="num",
        end_value=maximum,
        end_color=high,
    )
    sheet.conditional_formatting.add(f"{letter}{first_row}:{letter}{last_row}", rule)


def _fit_columns(sheet: Worksheet, skip_rows: Collection[int] = ()) -> None:
    """Each column as wide as its longest text (numbers shown with one decimal), within bounds."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None or cell.row in skip_rows:
                continue
            text = f"{cell.value:.1f}" if isinstance(cell.value, float) else str(cell.value)
            widths[cell.column] = max(widths.get(cell.column, 0), len(text))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 8), 40)
