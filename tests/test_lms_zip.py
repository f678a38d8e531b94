"""Submissions zips of Moodle and Canvas (likes_to_ledger.lms_zip): written for a made-up class, and read
back, as the LMSs name their files."""

import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from likes_to_ledger import notebooks
from likes_to_ledger.errors import CourseError
from likes_to_ledger.lms_zip import canvas_name, lms_student_id, read_lms_zip, write_lms_zip
from likes_to_ledger.synthetic import make_class

LESSON = "00-orientation"
NOTEBOOK = b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n'
MOMENT = (2026, 9, 9, 17, 42, 8)


@pytest.fixture(scope="module")
def small_class(course):
    return make_class(course, [LESSON], n_students=6, seed=4)


def zip_of(path, members: dict[str, bytes]):
    """A zip holding the given members (name -> bytes), each dated MOMENT."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=MOMENT), data)
    return path


def in_zip_time(moment: datetime) -> datetime:
    """A time as a zip keeps it: to two seconds."""
    return moment.replace(second=moment.second - moment.second % 2)


@pytest.mark.parametrize(
    ("layout", "folder_end"), [("folder", "_file/"), ("folder_", "_file_/"), ("flat", "_file_")]
)
def test_a_moodle_zip_gives_back_each_student_notebook_and_time(small_class, tmp_path, layout, folder_end):
    """Does a zip written as Moodle writes it (each of its three layouts) give back every student's
    participant id, first and last name, notebook bytes and submission time, with no problem?"""
    path = write_lms_zip(small_class, tmp_path / "moodle.zip", "moodle", moodle_layout=layout)

    submissions, problems = read_lms_zip(path, LESSON)

    assert problems == []
    first = small_class[0]
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist()[0] == (
            f"{first.first_name} {first.last_name}_{lms_student_id(first.student_id, 'moodle')}"
            f"_assignsubmission{folder_end}{LESSON}.ipynb"
        )
    assert [
        (s.student_id, s.first_name, s.last_name, s.lms, s.notebook, s.submitted_at, s.late)
        for s in submissions
    ] == [
        (
            lms_student_id(s.student_id, "moodle"),
            s.first_name,
            s.last_name,
            "moodle",
            notebooks.dumps(s.notebook).encode("utf-8"),
            in_zip_time(s.submitted_at),
            False,
        )
        for s in small_class
    ]


def test_a_canvas_zip_gives_back_each_student_and_marks_the_late_ones(small_class, tmp_path):
    """Does a zip written as Canvas writes it give back every student's user id, squashed name, notebook
    bytes and time, late exactly for those who submitted after the due time?"""
    due = sorted(s.submitted_at for s in small_class)[3]
    path = write_lms_zip(small_class, tmp_path / "canvas.zip", "canvas", due=due)

    submissions, problems = read_lms_zip(path, LESSON)

    assert problems == []
    assert [
        (s.student_id, s.first_name, s.last_name, s.lms, s.notebook, s.submitted_at, s.late)
        for s in submissions
    ] == [
        (
            lms_student_id(s.student_id, "canvas"),
            "",
            canvas_name(s.first_name, s.last_name),
            "canvas",
            notebooks.dumps(s.notebook).encode("utf-8"),
            in_zip_time(s.submitted_at),
            s.submitted_at > due,
        )
        for s in small_class
    ]
    assert sum(s.late for s in submissions) == 2
    late = next(s for s in small_class if s.submitted_at > due)
    user_id = lms_student_id(late.student_id, "canvas")
    assert f"{canvas_name(late.first_name, late.last_name)}_LATE_{user_id}_" in "\n".join(
        s.member for s in submissions
    )


def test_canvas_names_are_squashed_as_canvas_does():
    """Is Canvas's name the sortable name in lower case with only letters and digits?"""
    assert canvas_name("Ana", "García López") == "garcíalópezana"
    assert canvas_name("Zoë", "O'Brien") == "obrienzoë"
    assert canvas_name("Tom", "van Dijk") == "vandijktom"


def test_moodle_folders_per_student_give_names_and_ids(tmp_path):
    """Are Moodle's folder names read for the student, whatever the name's words, a trailing '_', a
    subfolder of the student or a folder wrapping the whole zip, and is online text left out?"""
    path = zip_of(
        tmp_path / "moodle.zip",
        {
            "Ana García López_1043217_assignsubmission_file/00-orientation.ipynb": NOTEBOOK,
            "Ana García López_1043217_assignsubmission_onlinetext/onlinetext.html": b"<p>hi</p>",
            "Zoë O'Brien_1043218_assignsubmission_file_/work/00-orientation.ipynb": NOTEBOOK + b" ",
            "CS-101-Lesson 00-4471/Participant_1043219_assignsubmission_file/00-orientation.ipynb": NOTEBOOK,
        },
    )

    submissions, problems = read_lms_zip(path, LESSON)

    assert problems == []
    assert [(s.student_id, s.first_name, s.last_name, s.member, s.notebook) for s in submissions] == [
        (
            "1043217",
            "Ana",
            "García López",
            "Ana García López_1043217_assignsubmission_file/00-orientation.ipynb",
            NOTEBOOK,
        ),
        (
            "1043218",
            "Zoë",
            "O'Brien",
            "Zoë O'Brien_1043218_assignsubmission_file_/work/00-orientation.ipynb",
            NOTEBOOK + b" ",
        ),
        (
            "1043219",
            "Participant",
            "",
            "CS-101-Lesson 00-4471/Participant_1043219_assignsubmission_file/00-orientation.ipynb",
            NOTEBOOK,
        ),
    ]
    assert {s.submitted_at for s in submissions} == {datetime(*MOMENT, tzinfo=UTC)}


def test_canvas_late_markers_and_uploads_again_are_understood(tmp_path):
    """Is a Canvas file marked late ('LATE', or 'late' in older Canvas), is the last upload of a file
    sent several times taken (highest -N), and is an anonymous student known by its anon id?"""
    path = zip_of(
        tmp_path / "canvas.zip",
        {
            "smithjane_LATE_48213_7730121_00-orientation.ipynb": b"first",
            "smithjane_LATE_48213_7730125_00-orientation-1.ipynb": b"second",
            "obrienzoë_late_48214_7730126_00-orientation-2.ipynb": b"third",
            "obrienzoë_late_48214_7730127_00-orientation-10.ipynb": b"eleventh",
            "obrienzoë_late_48214_7730128_00-orientation.ipynb": b"first",
            "latekoeama_48215_7730129_00-orientation.ipynb": b"on time",
            "anon_Xk3pQ_7730130_00-orientation.ipynb": b"anonymous",
            "LATE_anon_Yq7rT_7730131_00-orientation.ipynb": b"anonymous and late",
        },
    )

    submissions, problems = read_lms_zip(path, LESSON)

    assert problems == []
    assert [(s.student_id, s.last_name, s.late, s.notebook) for s in submissions] == [
        ("48213", "smithjane", True, b"second"),
        ("48214", "obrienzoë", True, b"eleventh"),
        ("48215", "latekoeama", False, b"on time"),
        ("anon_Xk3pQ", "", False, b"anonymous"),
        ("anon_Yq7rT", "", True, b"anonymous and late"),
    ]


def test_a_student_with_several_notebooks_gets_the_one_named_after_the_lesson(tmp_path):
    """Of a student's notebooks, is the one named after the lesson taken, and are several candidates
    reported, naming the files and what to do?"""
    path = zip_of(
        tmp_path / "moodle.zip",
        {
            "Ana Ruiz_1043217_assignsubmission_file/scratch.ipynb": b"scratch",
            "Ana Ruiz_1043217_assignsubmission_file/00-orientation.ipynb": b"lesson",
            "Ben Ito_1043218_assignsubmission_file/mine.ipynb": b"one",
            "Ben Ito_1043218_assignsubmission_file/mine (copy).ipynb": b"two",
        },
    )

    submissions, problems = read_lms_zip(path, LESSON)

    assert [(s.student_id, s.notebook) for s in submissions] == [("1043217", b"lesson")]
    assert problems == [
        "Ben Ito_1043218_assignsubmission_file/mine.ipynb, "
        "Ben Ito_1043218_assignsubmission_file/mine (copy).ipynb: several notebooks from "
        "Ben Ito (moodle id 1043218); keep one (the one to grade) and zip again."
    ]


def test_junk_in_the_zip_is_left_out_without_a_word(tmp_path):
    """Are folders, __MACOSX/, .ipynb_checkpoints/, hidden files and a student's other files left out
    silently, the student's notebook still read?"""
    path = tmp_path / "moodle.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Ana Ruiz_1043217_assignsubmission_file/", b"")
        archive.writestr("Ana Ruiz_1043217_assignsubmission_file/00-orientation.ipynb", NOTEBOOK)
        archive.writestr("Ana Ruiz_1043217_assignsubmission_file/workbook.xlsx", b"PK...")
        archive.writestr(
            "Ana Ruiz_1043217_assignsubmission_file/.ipynb_checkpoints/00-orientation-checkpoint.ipynb",
            b"old",
        )
        archive.writestr("__MACOSX/Ana Ruiz_1043217_assignsubmission_file/._00-orientation.ipynb", b"mac")
        archive.writestr(".DS_Store", b"mac")

    submissions, problems = read_lms_zip(path, LESSON)

    assert problems == []
    assert [(s.student_id, s.notebook) for s in submissions] == [("1043217", NOTEBOOK)]


def test_files_named_after_neither_lms_are_reported(tmp_path):
    """Is a file named after neither pattern reported by name, with both patterns, and is a student
    without any notebook reported too?"""
    path = zip_of(
        tmp_path / "mixed.zip",
        {
            "jane.ipynb": NOTEBOOK,
            "Ben Ito_1043218_assignsubmission_file/answers.pdf": b"%PDF",
            "smithjane_48213_7730121_00-orientation.ipynb": NOTEBOOK,
        },
    )

    submissions, problems = read_lms_zip(path, LESSON)

    assert [(s.lms, s.student_id) for s in submissions] == [("canvas", "48213")]
    assert problems == [
        "jane.ipynb: not a file name that Moodle or Canvas gives; expected Moodle's "
        "`<Full Name>_<participant id>_assignsubmission_file/<file>` (or `..._file_<file>`) and Canvas's "
        "`<name>_<user id>_<attachment id>_<file>`. Take it out of the zip, or rename it after one of those "
        "patterns, and read the zip again.",
        "Ben Ito_1043218_assignsubmission_file/answers.pdf: no notebook (.ipynb) from Ben Ito (moodle id "
        "1043218). Ask the student to submit 00-orientation.ipynb, then download the submissions again.",
    ]


def test_names_outside_the_zip_are_only_read_never_written(tmp_path, monkeypatch):
    """Is a member named to climb out of the folder (zip slip) only reported, nothing written anywhere?"""
    path = zip_of(tmp_path / "evil.zip", {"../../evil.ipynb": NOTEBOOK, "/tmp/evil.ipynb": NOTEBOOK})
    working = tmp_path / "a" / "b"
    working.mkdir(parents=True)
    monkeypatch.chdir(working)
    before = sorted(tmp_path.rglob("*"))

    submissions, problems = read_lms_zip(path, LESSON)

    assert submissions == []
    assert [problem.split(":")[0] for problem in problems] == ["../../evil.ipynb", "/tmp/evil.ipynb"]
    assert sorted(tmp_path.rglob("*")) == before
    assert not (tmp_path / "evil.ipynb").exists()


def test_a_utf8_name_without_the_utf8_flag_is_read_as_utf8(tmp_path):
    """Is a name stored in UTF-8 without zip's UTF-8 flag (as rubyzip, Canvas's zip library, writes it)
    read as UTF-8 rather than as the DOS code page?"""

    class WithoutUtf8Flag(zipfile.ZipInfo):
        def _encodeFilenameFlags(self):  # noqa: N802 (zipfile's own name)
            return self.filename.encode("utf-8"), self.flag_bits & ~0x800

    path = tmp_path / "canvas.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            WithoutUtf8Flag("garcíalópezana_48213_7730121_00-orientation.ipynb", MOMENT), NOTEBOOK
        )
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist()[0].startswith("garc├¡al├│pezana")  # what zipfile alone makes of it

    submissions, problems = read_lms_zip(path, LESSON)

    assert problems == []
    assert [(s.last_name, s.member) for s in submissions] == [
        ("garcíalópezana", "garcíalópezana_48213_7730121_00-orientation.ipynb")
    ]


def test_a_file_that_is_not_a_zip_is_named_in_the_error(tmp_path):
    """Does a file that is not a zip, or no file at all, stop with a CourseError naming it?"""
    not_a_zip = tmp_path / "submissions.zip"
    not_a_zip.write_text("Jane Smith, 00-orientation.ipynb", encoding="utf-8")
    with pytest.raises(CourseError, match=f"{not_a_zip} is not a zip file .*Download all submissions"):
        read_lms_zip(not_a_zip, LESSON)
    with pytest.raises(CourseError, match=f"{tmp_path / 'missing.zip'} does not exist"):
        read_lms_zip(tmp_path / "missing.zip", LESSON)


def test_writing_refuses_several_lessons_and_unknown_lms(course, small_class, tmp_path):
    """Does write_lms_zip refuse submissions of two lessons, an LMS it doesn't know and a Moodle layout
    it doesn't know, saying what to do?"""
    two_lessons = make_class(course, [LESSON, "01-reading-exports"], n_students=2)
    with pytest.raises(CourseError, match="one assignment.*Write one zip per lesson"):
        write_lms_zip(two_lessons, tmp_path / "x.zip", "moodle")
    with pytest.raises(CourseError, match="Unknown LMS 'blackboard': choose one of moodle, canvas"):
        write_lms_zip(small_class, tmp_path / "x.zip", "blackboard")
    with pytest.raises(CourseError, match="Unknown Moodle layout 'tree'"):
        write_lms_zip(small_class, tmp_path / "x.zip", "moodle", moodle_layout="tree")


def test_a_time_in_another_zone_is_written_and_read_as_utc(small_class, tmp_path):
    """Is a submission made at 19:42 in UTC+2 written in the zip, and read back, as 17:42 UTC?"""
    summer_time = timezone(timedelta(hours=2))
    submission = replace(small_class[0], submitted_at=datetime(2026, 9, 9, 19, 42, 8, tzinfo=summer_time))
    path = write_lms_zip([submission], tmp_path / "moodle.zip", "moodle")
    with zipfile.ZipFile(path) as archive:
        assert archive.infolist()[0].date_time == (2026, 9, 9, 17, 42, 8)

    submissions, _ = read_lms_zip(path, LESSON)

    assert [s.submitted_at for s in submissions] == [datetime(2026, 9, 9, 17, 42, 8, tzinfo=UTC)]
