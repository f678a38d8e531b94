"""Grade exports from a real nbgrader gradebook: the LMS CSV, the formatted workbook and the item analysis.

A made-up class of five students takes two lessons. Every score below is seeded with nbgrader's Gradebook
API, and every expected number is written as arithmetic on those seeded scores.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import nbformat
import pytest
from conftest import COURSE
from nbgrader.api import Gradebook
from openpyxl import load_workbook
from sqlalchemy.exc import SAWarning
from test_xlsx_libreoffice import convert_with_libreoffice, differences, read_with_pandas, same_value

from likes_to_ledger import notebooks
from likes_to_ledger.export import (
    AUTOGRADED,
    CHART_CATEGORY_TITLE,
    CHART_TITLE,
    CHART_VALUE_TITLE,
    HAND_GRADED,
    ITEM_NOTE,
    ExportError,
    ItemStats,
    LmsCsvExport,
    export_grades,
    item_analysis,
    load_class_grades,
)
from likes_to_ledger.grading import nbgrader_environment

COURSE_ID = "likes-to-ledger"
ORIENTATION, READING = "00-orientation", "01-reading"
# Each lesson's graded cells in notebook order: grade id, cell type, points. Written answers: graded by hand.
CELLS = {
    ORIENTATION: [("ex1_check", "code", 2), ("written1", "markdown", 3), ("ex2_check", "code", 1)],
    READING: [("ex1_check", "code", 2), ("ex2_check", "code", 2), ("written1", "markdown", 2)],
}
STUDENTS = {  # id: (first name, last name)
    "s01": ("Ada", "Lovelace"),
    "s02": ("Grace", "Hopper"),
    "s03": (None, None),
    "s04": ("Émile", "Durand"),
    "s05": ("Alan", "Turing"),
}
# The autograder's score of each check and the grader's score of each written answer; None: not graded yet.
SCORES = {
    ORIENTATION: {
        "s01": {"ex1_check": 2, "written1": 3, "ex2_check": 1},
        "s02": {"ex1_check": 2, "written1": 1.5, "ex2_check": 0},
        "s03": {"ex1_check": 0, "written1": None, "ex2_check": 1},
        "s04": {"ex1_check": 0, "written1": 2, "ex2_check": 1},
        "s05": {"ex1_check": 2, "written1": 0, "ex2_check": 0},
    },
    READING: {  # s05 did not submit this lesson
        "s01": {"ex1_check": 2, "ex2_check": 2, "written1": 2},
        "s02": {"ex1_check": 2, "ex2_check": 0, "written1": 1.333},
        "s03": {"ex1_check": 0, "ex2_check": 0, "written1": 0},
        "s04": {"ex1_check": 2, "ex2_check": 2, "written1": 1.5},
    },
}
OVERRIDE = (ORIENTATION, "s04", "ex1_check", 2)  # the grader gives s04 full marks the autograder did not
LATE = (ORIENTATION, "s04", 1.0)  # s04 handed lesson 00 in late: a penalty of 1 point

SUMMARY_HEADER = ["Student ID", "Last name", "First name", ORIENTATION, READING, "Total", "Max", "Percent"]
LESSON_TAIL = ["Late penalty", "Score", "Max", "Needs hand grading"]


def write_source_notebook(path: Path, cells: list[tuple[str, str, float]]) -> None:
    """A lesson's nbgrader source notebook holding just its graded cells, in order."""
    nb = nbformat.v4.new_notebook()
    for grade_id, cell_type, points in cells:
        written = cell_type == "markdown"
        meta = {"grade": True, "solution": written, "locked": not written, "grade_id": grade_id}
        meta |= {"points": points, "schema_version": 3}
        new_cell = nbformat.v4.new_markdown_cell if written else nbformat.v4.new_code_cell
        nb.cells.append(new_cell("", metadata={"nbgrader": meta}))
    path.parent.mkdir(parents=True)
    notebooks.write(nb, path)


def seed_gradebook(db_url: str) -> None:
    with Gradebook(db_url, COURSE_ID) as gradebook:
        for lesson, cells in CELLS.items():
            gradebook.add_assignment(lesson)
            gradebook.add_notebook(lesson, lesson)
            # Added in reverse: the exports must take the order from the source notebook, not the database.
            for grade_id, cell_type, points in reversed(cells):
                if cell_type == "markdown":
                    gradebook.add_solution_cell(grade_id, lesson, lesson)
                gradebook.add_grade_cell(grade_id, lesson, lesson, max_score=points, cell_type=cell_type)
        for student_id, (first, last) in STUDENTS.items():
            gradebook.add_student(student_id, first_name=first, last_name=last)
        for lesson, students in SCORES.items():
            kinds = {grade_id: cell_type for grade_id, cell_type, _ in CELLS[lesson]}
            for student_id, scores in students.items():
                gradebook.add_submission(lesson, student_id)
                for grade_id, score in scores.items():
                    grade = gradebook.find_grade(grade_id, lesson, lesson, student_id)
                    if kinds[grade_id] == "code":
                        grade.auto_score = score
                    else:
                        grade.manual_score = score
                    grade.needs_manual_grade = score is None  # as the formgrader leaves it
        lesson, student_id, grade_id, score = OVERRIDE
        override = gradebook.find_grade(grade_id, lesson, lesson, student_id)
        override.manual_score, override.needs_manual_grade = score, False
        lesson, student_id, penalty = LATE
        gradebook.find_submission_notebook(lesson, lesson, student_id).late_submission_penalty = penalty
        gradebook.db.commit()


def db_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'gradebook.db'}"


@pytest.fixture(scope="module")
def course_folder(tmp_path_factory) -> Path:
    """A course folder as nbgrader sees it: its configuration, the source notebooks and the gradebook."""
    folder = tmp_path_factory.mktemp("course")
    for config in COURSE.nbgrader_config_files:
        shutil.copyfile(config, folder / config.name)
    for lesson, cells in CELLS.items():
        write_source_notebook(folder / "solutions" / lesson / f"{lesson}.ipynb", cells)
    # A new gradebook asks nbgrader's `alembic` command for its schema version: it must be on PATH.
    with pytest.MonkeyPatch.context() as patch, warnings.catch_warnings():
        patch.setenv("PATH", nbgrader_environment()["PATH"])
        # nbgrader's add_submission trips an SQLAlchemy warning about its own objects; nothing to act on.
        warnings.simplefilter("ignore", SAWarning)
        seed_gradebook(db_url(folder))
    return folder


@pytest.fixture(scope="module")
def exported(course_folder, tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("export")
    return export_grades(
        db_url(course_folder),
        COURSE_ID,
        out,
        lesson_order=[ORIENTATION, READING],
        source_dir=course_folder / "solutions",
    )


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def shown(points: float) -> str:
    """Points as the LMS file writes them: rounded to 2 decimals, no trailing zeros."""
    return f"{round(points, 2):g}"


def values(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def approx_rows(rows: list[list]) -> list:
    """Rows to compare with a sheet's: numbers to within float rounding, everything else exactly."""
    return [pytest.approx(row) for row in rows]


def colour_scale_ranges(sheet) -> list[str]:
    return sorted(
        str(formatting.sqref)
        for formatting in sheet.conditional_formatting
        if any(rule.type == "colorScale" for rule in formatting.rules)
    )


def title_text(title) -> str:
    return "".join(run.t for paragraph in title.tx.rich.p for run in paragraph.r or [])


def test_lms_csv_has_a_row_per_student_and_lesson(exported):
    """Does the LMS file hold, lesson by lesson and student by student, the score after the late penalty
    (rounded to 2 decimals, 0 without a submission) and the lesson's maximum?"""
    csv_path, _ = exported
    orientation_max, reading_max = 2 + 3 + 1, 2 + 2 + 2
    assert read_csv(csv_path) == [
        ["student_id", "lesson", "score", "max_score"],
        ["s01", ORIENTATION, shown(2 + 3 + 1), shown(orientation_max)],
        ["s02", ORIENTATION, shown(2 + 1.5 + 0), shown(orientation_max)],
        ["s03", ORIENTATION, shown(0 + 0 + 1), shown(orientation_max)],  # the ungraded answer counts 0
        ["s04", ORIENTATION, shown(2 + 2 + 1 - 1.0), shown(orientation_max)],  # override, late penalty
        ["s05", ORIENTATION, shown(2 + 0 + 0), shown(orientation_max)],
        ["s01", READING, shown(2 + 2 + 2), shown(reading_max)],
        ["s02", READING, shown(2 + 0 + 1.333), shown(reading_max)],
        ["s03", READING, shown(0 + 0 + 0), shown(reading_max)],
        ["s04", READING, shown(2 + 2 + 1.5), shown(reading_max)],
        ["s05", READING, "0", shown(reading_max)],  # no submission
    ]
    assert shown(2 + 0 + 1.333) == "3.33"


def test_lms_csv_follows_course_order_and_nbgrader_filters(course_folder, tmp_path):
    """Do lessons come in course order where known, then by name, and do nbgrader's --assignment and
    --student options limit the rows?"""
    with Gradebook(db_url(course_folder), COURSE_ID) as gradebook:
        LmsCsvExport(to=str(tmp_path / "all.csv"), lesson_order=[READING]).export(gradebook)
        LmsCsvExport(to=str(tmp_path / "some.csv"), assignment=[READING], student=["s05", "s01"]).export(
            gradebook
        )
    lessons = [row[1] for row in read_csv(tmp_path / "all.csv")[1:]]
    assert lessons == [READING] * 5 + [ORIENTATION] * 5
    assert read_csv(tmp_path / "some.csv")[1:] == [["s01", READING, shown(2 + 2 + 2), shown(2 + 2 + 2)]] + [
        ["s05", READING, "0", shown(2 + 2 + 2)]
    ]


def test_bad_input_is_named_with_what_to_do(course_folder, tmp_path):
    """Does an export name a lesson or student the gradebook lacks, or a gradebook that does not exist,
    and say what to do?"""
    with pytest.raises(ExportError) as missing_lesson:
        export_grades(db_url(course_folder), COURSE_ID, tmp_path, lessons=["02-which-posts-won"])
    message = str(missing_lesson.value)
    assert "'02-which-posts-won'" in message and f"{ORIENTATION}, {READING}" in message
    assert "autograde it first" in message
    with Gradebook(db_url(course_folder), COURSE_ID) as gradebook, pytest.raises(ExportError) as missing:
        LmsCsvExport(to=str(tmp_path / "x.csv"), student=["s99"]).export(gradebook)
    assert "No student 's99'" in str(missing.value) and "s01, s02, s03, s04, s05" in str(missing.value)
    nowhere = tmp_path / "nowhere" / "gradebook.db"
    with pytest.raises(ExportError, match="No gradebook at .*nowhere.*nbgrader autograde"):
        export_grades(f"sqlite:///{nowhere}", COURSE_ID, tmp_path)
    assert not nowhere.exists()


def test_summary_sheet(exported):
    """Does the Summary sheet show each student's lesson scores, total, maximum and percent, formatted,
    frozen, colour-scaled and as an Excel table?"""
    book = load_workbook(exported[1])
    assert book.sheetnames == ["Summary", ORIENTATION, READING, "Item analysis"]
    sheet = book["Summary"]
    total_max = (2 + 3 + 1) + (2 + 2 + 2)
    rows = [
        ("s01", "Lovelace", "Ada", 2 + 3 + 1, 2 + 2 + 2),
        ("s02", "Hopper", "Grace", 2 + 1.5 + 0, 2 + 0 + 1.333),
        ("s03", None, None, 0 + 0 + 1, 0 + 0 + 0),
        ("s04", "Durand", "Émile", 2 + 2 + 1 - 1.0, 2 + 2 + 1.5),
        ("s05", "Turing", "Alan", 2 + 0 + 0, 0),
    ]
    expected = [SUMMARY_HEADER] + [
        [*row, row[3] + row[4], total_max, (row[3] + row[4]) / total_max] for row in rows
    ]
    assert values(sheet) == approx_rows(expected)
    assert sheet["E6"].comment is not None and "No submission" in sheet["E6"].comment.text
    assert {sheet.cell(2, column).number_format for column in range(4, 8)} == {"0.0"}
    assert sheet["H2"].number_format == "0%"
    assert sheet.freeze_panes == "B2"
    assert colour_scale_ranges(sheet) == ["D2:D6", "E2:E6", "H2:H6"]
    assert [table.ref for table in sheet.tables.values()] == ["A1:H6"]
    assert sheet.column_dimensions["D"].width >= len(ORIENTATION)


def test_lesson_sheets(exported):
    """Does each lesson's sheet show every question in notebook order with its points, the late penalty,
    the score and what still needs hand grading, with those cells filled?"""
    book = load_workbook(exported[1])
    orientation = book[ORIENTATION]
    assert values(orientation)[:6] == approx_rows(
        [
            ["Student ID", "Last name", "First name", "ex1_check (2 pts)", "written1 (3 pts)"]
            + ["ex2_check (1 pt)", *LESSON_TAIL],
            ["s01", "Lovelace", "Ada", 2, 3, 1, 0, 2 + 3 + 1, 6, None],
            ["s02", "Hopper", "Grace", 2, 1.5, 0, 0, 2 + 1.5 + 0, 6, None],
            ["s03", None, None, 0, None, 1, 0, 0 + 0 + 1, 6, "yes"],
            ["s04", "Durand", "Émile", 2, 2, 1, 1.0, 2 + 2 + 1 - 1.0, 6, None],
            ["s05", "Turing", "Alan", 2, 0, 0, 0, 2 + 0 + 0, 6, None],
        ]
    )
    filled = [cell.coordinate for row in orientation["D2:F6"] for cell in row if cell.fill.fill_type]
    assert filled == ["E4"]  # s03's written answer, not graded yet
    assert orientation["E4"].fill.fgColor.rgb.endswith("FFD966")
    assert "hand grading" in orientation["A8"].value
    assert orientation.freeze_panes == "B2"
    assert orientation["D2"].number_format == "0.0"
    assert colour_scale_ranges(orientation) == ["D2:D6", "E2:E6", "F2:F6", "H2:H6"]

    reading = book[READING]
    assert values(reading)[0][3:6] == ["ex1_check (2 pts)", "ex2_check (2 pts)", "written1 (2 pts)"]
    assert values(reading)[5] == ["s05", "Turing", "Alan", None, None, None, 0, 0, 2 + 2 + 2, None]
    assert "No submission" in reading["H6"].comment.text


EXPECTED_ITEMS = [  # hardest first: share with full marks, then mean share of max
    ItemStats(
        ORIENTATION, "written1", HAND_GRADED, 3, 4, (3 + 1.5 + 2 + 0) / 4, (3 + 1.5 + 2 + 0) / 4 / 3, 1 / 4
    ),
    ItemStats(
        READING, "written1", HAND_GRADED, 2, 4, (2 + 1.333 + 0 + 1.5) / 4, (2 + 1.333 + 0 + 1.5) / 8, 1 / 4
    ),
    ItemStats(READING, "ex2_check", AUTOGRADED, 2, 4, (2 + 0 + 0 + 2) / 4, (2 + 0 + 0 + 2) / 4 / 2, 2 / 4),
    ItemStats(
        ORIENTATION, "ex2_check", AUTOGRADED, 1, 5, (1 + 0 + 1 + 1 + 0) / 5, (1 + 0 + 1 + 1 + 0) / 5, 3 / 5
    ),
    ItemStats(READING, "ex1_check", AUTOGRADED, 2, 4, (2 + 2 + 0 + 2) / 4, (2 + 2 + 0 + 2) / 4 / 2, 3 / 4),
    ItemStats(
        ORIENTATION, "ex1_check", AUTOGRADED, 2, 5, (2 + 2 + 0 + 2 + 2) / 5, (2 + 2 + 0 + 2 + 2) / 10, 4 / 5
    ),
]


def as_tuple(stats: ItemStats) -> tuple:
    return (stats.lesson, stats.question, stats.kind, stats.max_points, stats.graded) + (
        stats.mean_score,
        stats.mean_share,
        stats.full_marks_share,
    )


def test_item_analysis_numbers(course_folder):
    """Does the item analysis count, per question, the graded submissions (hand-graded ones only once
    graded, no submission nowhere), the mean score, its share of max and the share with full marks,
    hardest first?"""
    with Gradebook(db_url(course_folder), COURSE_ID) as gradebook:
        stats = item_analysis(gradebook, [ORIENTATION, READING], course_folder / "solutions")
    assert [as_tuple(item) for item in stats] == pytest.approx([as_tuple(item) for item in EXPECTED_ITEMS])


def test_item_analysis_sheet_and_chart(exported):
    """Does the Item analysis sheet say how it is sorted, list the numbers hardest first, and chart the
    share with full marks per question, with a title and axis titles?"""
    sheet = load_workbook(exported[1])["Item analysis"]
    rows = values(sheet)
    assert rows[0][0] == ITEM_NOTE and "lowest first" in ITEM_NOTE and "graded so far" in ITEM_NOTE
    assert rows[1] == [
        "Lesson",
        "Question",
        "Kind",
        "Max points",
        "Graded submissions",
        "Mean score",
        "Mean share of max",
        "Share with full marks",
        "Chart label",
    ]
    expected = [[*as_tuple(item), f"{item.lesson} {item.question}"] for item in EXPECTED_ITEMS]
    assert rows[2:] == approx_rows(expected)
    assert sheet["H3"].number_format == "0%" and sheet["G3"].number_format == "0%"
    assert sheet.freeze_panes == "A3"

    [chart] = sheet._charts
    assert title_text(chart.title) == CHART_TITLE
    assert title_text(chart.x_axis.title) == CHART_CATEGORY_TITLE
    assert title_text(chart.y_axis.title) == CHART_VALUE_TITLE
    [series] = chart.series
    last_row = 2 + len(EXPECTED_ITEMS)
    assert series.val.numRef.f == f"'Item analysis'!$H$3:$H${last_row}"
    assert series.tx.strRef.f == "'Item analysis'!H2"  # the series is named after its header
    assert series.cat.numRef.f == f"'Item analysis'!$I$3:$I${last_row}"


def test_cells_fall_back_to_natural_order_without_a_source_notebook(course_folder):
    """Without the source notebooks, are a lesson's questions in natural name order (checks, then written)?"""
    with Gradebook(db_url(course_folder), COURSE_ID) as gradebook:
        grades = load_class_grades(gradebook, lessons=[ORIENTATION])
        in_notebook_order = load_class_grades(
            gradebook, lessons=[ORIENTATION], source_dir=course_folder / "solutions"
        )
    assert [question.name for question in grades.lessons[0].questions] == [
        "ex1_check",
        "ex2_check",
        "written1",
    ]
    assert [question.name for question in in_notebook_order.lessons[0].questions] == [
        grade_id for grade_id, _, _ in CELLS[ORIENTATION]
    ]


def test_nbgrader_export_runs_both_plugins(course_folder, tmp_path):
    """Does `nbgrader export --exporter=...` run both exports from the course folder, with lessons in the
    order of its course.toml, writing what export_grades writes?"""
    manifest = """[course]\nid = "likes-to-ledger"\ntitle = "Likes to Ledger"\n
[[lessons]]\nid = "01-reading"\ntitle = "Reading"\nquestion = "What?"\nminutes = 60\n
points = { autograded = 4, manual = 2 }\n"""
    (course_folder / "course.toml").write_text(manifest, encoding="utf-8")
    try:
        for exporter, name in (
            ("LmsCsvExport", "via-nbgrader.csv"),
            ("ExcelGradesExport", "via-nbgrader.xlsx"),
        ):
            result = subprocess.run(
                [sys.executable, "-m", "nbgrader", "export", f"--exporter=likes_to_ledger.export.{exporter}"]
                + ["--to", name],
                cwd=course_folder,
                env=nbgrader_environment(),
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert result.returncode == 0, result.stdout + result.stderr
    finally:
        (course_folder / "course.toml").unlink()
    ours = export_grades(
        db_url(course_folder),
        COURSE_ID,
        tmp_path,
        lesson_order=[READING],
        source_dir=course_folder / "solutions",
    )
    assert read_csv(course_folder / "via-nbgrader.csv") == read_csv(ours[0])
    assert read_csv(ours[0])[1][1] == READING
    theirs_book, ours_book = load_workbook(course_folder / "via-nbgrader.xlsx"), load_workbook(ours[1])
    assert theirs_book.sheetnames == ["Summary", READING, ORIENTATION, "Item analysis"]
    for name in ours_book.sheetnames:
        assert values(theirs_book[name]) == values(ours_book[name]), name


def test_libreoffice_reads_the_summary(exported, tmp_path):
    """Does LibreOffice Calc open the workbook and read the Summary sheet's values as written?"""
    workbook = exported[1]
    converted, log = convert_with_libreoffice([workbook], tmp_path)
    sheets = converted[workbook]
    assert "Summary" in sheets, f"LibreOffice could not open the workbook; its output:\n{log}"
    summary = sheets["Summary"]
    assert summary[0] == SUMMARY_HEADER
    pandas_summary = {"Summary": read_with_pandas(workbook)["Summary"]}
    assert differences("grades.xlsx", pandas_summary, {"Summary": summary}) == []
    written = values(load_workbook(workbook)["Summary"])
    mismatched = [
        (row, column, value, summary[row][column])
        for row, cells in enumerate(written[1:], start=1)
        for column, value in enumerate(cells)
        if not same_value("" if value is None else value, summary[row][column])
    ]
    assert mismatched == []
