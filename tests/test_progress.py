"""Self-grades are recorded safely and reported lesson by lesson, in words, HTML and a chart."""

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

import matplotlib.image
import pytest

from likes_to_ledger.paths import CourseDir
from likes_to_ledger.progress import (
    CHART_XLABEL,
    HAND_GRADED,
    NOT_ATTEMPTED,
    NOT_YET_RIGHT,
    RIGHT,
    friendly_time,
    lesson_entry,
    load_progress,
    progress_file,
    progress_report,
    record_check,
)

MANIFEST = """
[course]
id = "tiny"
title = "Tiny Course"

[[lessons]]
id = "00-orientation"
title = "Orientation: from spreadsheets to notebooks"
question = "How does this course work?"
minutes = 45
datasets = []
points = { autograded = 10, manual = 3 }

[[lessons]]
id = "01-reading"
title = "Reading exports"
question = "What is in an export?"
minutes = 60
datasets = []
points = { autograded = 5, manual = 0 }

[[lessons]]
id = "02-rates"
title = "Rates"
question = "Which rate?"
minutes = 60
datasets = []
points = { autograded = 4, manual = 0 }
"""

NOON = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.fixture
def course(tmp_path):
    (tmp_path / "course.toml").write_text(MANIFEST, encoding="utf-8")
    return CourseDir(tmp_path)


def question(question_id, points, max_points, status, message="a message"):
    return dict(id=question_id, points=points, max_points=max_points, status=status, message=message)


def orientation_result(message="Not yet: the total should be 42."):
    """Lesson 00 self-graded at 7 of 10: four of six questions right, one answer for the instructor."""
    questions = [
        question("ex1", 1.0, 1.0, RIGHT),
        question("ex2", 2.0, 2.0, RIGHT),
        question("ex3", 0.0, 2.0, NOT_YET_RIGHT, message),
        question("ex4", 2.0, 2.0, RIGHT),
        question("ex5", 0.0, 1.0, NOT_ATTEMPTED),
        question("ex6", 2.0, 2.0, RIGHT),
        question("written1", None, 3.0, HAND_GRADED),
    ]
    return lesson_entry("lessons/00-orientation/00-orientation.ipynb", questions, checked_at=NOON)


def row(report, lesson_id):
    return next(row for row in report.rows if row.lesson_id == lesson_id)


def test_an_entry_counts_autograded_points_only():
    """Does a lesson's score leave out the answers the instructor grades by hand?"""
    entry = orientation_result()
    assert (entry["score"], entry["max_score"]) == (7.0, 10.0)
    assert entry["checked_at"] == "2026-11-26T12:00:00+00:00"
    assert [q["id"] for q in entry["questions"]][-1] == "written1"


def test_a_recorded_check_is_reported(course):
    """After one check, does the report show its time, score, questions right and what is left?"""
    assert record_check(course, "00-orientation", orientation_result()) == []

    lesson = row(progress_report(course), "00-orientation")
    assert lesson.title == "Orientation: from spreadsheets to notebooks"
    assert lesson.checked_at == friendly_time("2026-11-26T12:00:00+00:00")
    assert "Nov 2026" in lesson.checked_at
    assert lesson.score == "7 / 10"
    assert lesson.right == "4 of 6"
    assert lesson.to_fix == ("ex3", "ex5")
    assert lesson.left == "ex3, ex5; written1 graded by your instructor"
    assert lesson.percent == 70


def test_the_file_holds_what_was_recorded(course):
    """Is the recorded entry stored as given, in .course/progress.json, with no temporary file left?"""
    record_check(course, "00-orientation", orientation_result())

    assert load_progress(course) == {"lessons": {"00-orientation": orientation_result()}}
    assert json.loads(progress_file(course).read_text(encoding="utf-8"))["lessons"]["00-orientation"]
    assert [path.name for path in progress_file(course).parent.iterdir()] == ["progress.json"]


def test_a_second_check_replaces_the_first(course):
    """Does checking a lesson again replace its earlier result, and leave other lessons alone?"""
    record_check(course, "00-orientation", orientation_result())
    record_check(course, "02-rates", lesson_entry("x", [question("ex1", 1.0, 4.0, NOT_YET_RIGHT)]))
    all_right = lesson_entry("x", [question("ex1", 7.5, 10.0, RIGHT), question("ex2", 0, 0, RIGHT)])
    record_check(course, "00-orientation", all_right)

    report = progress_report(course)
    assert row(report, "00-orientation").score == "7.5 / 10"
    assert row(report, "00-orientation").right == "2 of 2"
    assert row(report, "00-orientation").left == "nothing — all right!"
    assert row(report, "02-rates").score == "1 / 4"
    assert list(load_progress(course)["lessons"]) == ["00-orientation", "02-rates"]


def test_a_lesson_never_checked_shows_how_to_check_it(course):
    """Does a lesson never checked appear, in course order, with the command that checks it?"""
    record_check(course, "00-orientation", orientation_result())

    report = progress_report(course)
    assert [lesson.lesson_id for lesson in report.rows] == ["00-orientation", "01-reading", "02-rates"]
    unchecked = row(report, "01-reading")
    assert not unchecked.checked
    assert unchecked.percent is None
    assert unchecked.left == "not checked yet — run `course check lessons/01-reading/01-reading.ipynb`"
    assert report.heading == "Tiny Course: your self-grades (1 of 3 lessons checked)"


def test_a_course_never_checked_is_reported(course):
    """With no progress file at all, is every lesson listed as not checked, without creating the file?"""
    report = progress_report(course)
    assert [lesson.checked for lesson in report.rows] == [False, False, False]
    assert report.notes == []
    assert not progress_file(course).parent.exists()


def test_lessons_no_longer_in_the_course_are_ignored(course):
    """Does a result for a lesson removed from course.toml stay out of the report?"""
    record_check(course, "07-removed", orientation_result())
    record_check(course, "01-reading", lesson_entry("x", [question("ex1", 5.0, 5.0, RIGHT)]))

    report = progress_report(course)
    assert [lesson.lesson_id for lesson in report.rows] == ["00-orientation", "01-reading", "02-rates"]
    assert "07-removed" not in report.text()
    assert "07-removed" in load_progress(course)["lessons"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"lessons": {"00-orientation": ', "it is not valid JSON: line 1, column 32"),
        (b"\xff\xfe\x00garbage", "it is not text"),
        (b"[1, 2, 3]", 'it lacks the "lessons" table'),
    ],
)
def test_a_corrupt_progress_file_is_set_aside(course, content, reason):
    """Is an unreadable progress file kept aside, reported, and replaced by a fresh one?"""
    path = progress_file(course)
    path.parent.mkdir()
    path.write_bytes(content)

    report = progress_report(course)
    assert report.notes and reason in report.notes[0]
    assert report.notes[0] in report.text().replace("\n", " ")
    assert path.read_bytes() == content, "reading the report must not change the file"

    notes = record_check(course, "01-reading", lesson_entry("x", [question("ex1", 5.0, 5.0, RIGHT)]))
    assert len(notes) == 1
    assert f".course/progress.json could not be read ({reason}), so it was moved to" in notes[0]
    (aside,) = path.parent.glob("progress.json.corrupt-*")
    assert aside.read_bytes() == content
    assert course.relative(aside) in notes[0]
    assert list(load_progress(course)["lessons"]) == ["01-reading"]
    assert progress_report(course).notes == []


def test_the_text_table_fits_a_terminal(course):
    """Does the plain-text table show scores and what is left, within 80 columns?"""
    record_check(course, "00-orientation", orientation_result())
    record_check(course, "02-rates", lesson_entry("x", [question("ex1", 4.0, 4.0, RIGHT)]))

    text = progress_report(course).text()
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0] == "Tiny Course: your self-grades (2 of 3 lessons checked)"
    assert lines[2].split() == ["Lesson", "Checked", "Score", "Right", "What's", "left"]
    first = next(line for line in lines if line.startswith("00-orientation"))
    assert f"  {friendly_time(NOON.isoformat())}  " in first
    assert "  7 / 10  4 of 6  ex3, ex5; written1" in first
    assert "graded by your" in text and "instructor" in text
    assert "not checked yet — run `course check" in text
    assert "lessons/01-reading/01-reading.ipynb`" in text
    assert "nothing — all right!" in text
    # Columns line up: every score starts where the header "Score" does.
    column = lines[2].index("Score")
    assert first[column:].startswith("7 / 10")


def test_the_text_table_wraps_to_a_narrow_width(course):
    """Does a narrower terminal get a narrower table, each cell wrapped in its own column?"""
    record_check(course, "00-orientation", orientation_result())
    lines = progress_report(course).text(width=70).splitlines()
    assert max(len(line) for line in lines) <= 70
    header = lines.index(next(line for line in lines if line.startswith("Lesson")))
    lesson = [line[: lines[header].index("Checked")].strip() for line in lines[header + 2 : header + 9]]
    left = [line[lines[header].index("What's left") :] for line in lines[header + 2 : header + 9]]
    assert " ".join(lesson).startswith("00-orientation Orientation: from spreadsheets to notebooks")
    assert " ".join(filter(None, left)) == "ex3, ex5; written1 graded by your instructor"


def test_the_html_table_escapes_text(course):
    """Is a message holding HTML shown as text in JupyterLab, never run as HTML?"""
    record_check(course, "00-orientation", orientation_result(message="<script>alert('hi')</script>"))

    page = progress_report(course)._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;" in page
    assert "<td>7 / 10</td>" in page
    assert "<code>course check lessons/01-reading/01-reading.ipynb</code>" in page
    assert page.count("<tr>") == 1 + 3  # header and one row per lesson
    assert '<img alt="Your self-grades, lesson by lesson" src="data:image/png;base64,iVBORw0KGgo' in page


def test_the_chart_has_one_bar_per_lesson(course, tmp_path):
    """Does the chart show every lesson as a percentage, in course order, with unchecked ones labelled?"""
    record_check(course, "00-orientation", orientation_result())
    record_check(course, "02-rates", lesson_entry("x", [question("ex1", 4.0, 4.0, RIGHT)]))
    report = progress_report(course)

    (axes,) = report.figure().axes
    assert [bar.get_width() for bar in axes.patches] == [70, 0, 100]
    assert [label.get_text() for label in axes.get_yticklabels()] == [
        "00 Orientation: from spreadsheets to no…",
        "01 Reading exports",
        "02 Rates",
    ]
    assert axes.yaxis_inverted(), "lesson 00 belongs at the top"
    assert [text.get_text() for text in axes.texts] == ["70%", "not checked", "100%"]
    assert axes.get_xlim() == (0, 100)
    assert axes.get_xlabel() == CHART_XLABEL

    path = report.chart(tmp_path / "progress.png")
    assert path == tmp_path / "progress.png"
    assert path.stat().st_size > 0
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert matplotlib.image.imread(path).shape[:2] == (round(100 * (1.2 + 0.45 * 3)), 800)


def test_the_chart_leaves_pyplot_alone(course, tmp_path):
    """Does drawing the chart leave matplotlib's global state (pyplot) untouched?"""
    script = (
        "import sys; from pathlib import Path; from likes_to_ledger.paths import CourseDir; "
        "from likes_to_ledger.progress import progress_report; "
        f"progress_report(CourseDir(Path({str(course.root)!r}))).chart(Path({str(tmp_path / 'c.png')!r})); "
        "assert 'matplotlib.pyplot' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


@pytest.mark.parametrize(
    ("value", "tz", "shown"),
    [
        ("2026-11-26T12:00:00+00:00", UTC, "26 Nov 2026 12:00"),
        ("2026-11-26T12:00:00+00:00", timezone(timedelta(hours=-5)), "26 Nov 2026 07:00"),
        ("2026-03-05T23:30:00+00:00", timezone(timedelta(hours=1)), "6 Mar 2026 00:30"),
        ("yesterday", UTC, "yesterday"),
        (None, UTC, ""),
    ],
)
def test_times_are_shown_in_local_time(value, tz, shown):
    """Is a check's time shown as a plain date and clock time in the learner's time zone?"""
    assert friendly_time(value, tz) == shown
