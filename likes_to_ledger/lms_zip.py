"""Submissions downloaded from an LMS: the one zip Moodle or Canvas gives for all of an assignment.

The student is read off each file's name in the zip. The names, as the two LMSs write them:

Moodle, "Download all submissions" of an assignment (mod/assign):

    Jane Smith_1043217_assignsubmission_file/00-orientation.ipynb    Moodle 4.1 and later
    Jane Smith_1043217_assignsubmission_file_/00-orientation.ipynb   Moodle 3.1 to 4.0
    Jane Smith_1043217_assignsubmission_file_00-orientation.ipynb    before 3.1, or "Download submissions
                                                                     in folders" turned off

    that is `<Full Name>_<participant id>_assignsubmission_file`, then the student's file, in a folder
    per student (which keeps the student's own subfolders) or joined to it by `_`. The participant id is
    the assignment's participant number, not the user id. Underscores in a name become spaces; with
    blind marking the name is "Participant"; a group submission carries the group's name and id. Other
    kinds of submission come in their own folder (`..._assignsubmission_onlinetext/onlinetext.html`).

Canvas, "Download Submissions" of an assignment (lib/content_zipper.rb):

    smithjane_48213_7730121_00-orientation.ipynb        on time
    smithjane_LATE_48213_7730121_00-orientation.ipynb   late ("late" in lower case in older Canvas)
    smithjane_48213_7730125_00-orientation-1.ipynb      a file uploaded again under the same name
    anon_Xk3pQ_7730121_00-orientation.ipynb             anonymous grading

    that is `<name>_<user id>_<attachment id>_<file>`, all in one folder. The name is the sortable
    name "Smith, Jane" in lower case without anything but letters and digits ("García López, Ana" gives
    "garcíalópezana"), so it cannot be split into first and last names. Canvas keeps one file name per
    student: uploading `00-orientation.ipynb` again makes it `00-orientation-1.ipynb`, then `-2`...

Both are recognised anywhere below a wrapping folder (a zip that was unpacked and zipped again). Folders,
`__MACOSX/`, `.ipynb_checkpoints/`, hidden files and a student's files other than notebooks are left out.
A zip keeps each file's time without a time zone, to two seconds; it is read as UTC.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from likes_to_ledger import notebooks
from likes_to_ledger.errors import CourseError
from likes_to_ledger.synthetic import SyntheticSubmission

LMS_NAMES = ("moodle", "canvas")
MOODLE_LAYOUTS = ("folder", "folder_", "flat")  # Moodle 4.1+, Moodle 3.1-4.0, older Moodle

# A folder of one student's submission (`Jane Smith_1043217_assignsubmission_file` or `..._file_`).
MOODLE_FOLDER = re.compile(r"^(?P<name>.+)_(?P<id>\d+)_assignsubmission_(?P<plugin>[a-z0-9]+)_?$")
# One student's file, without folders (`Jane Smith_1043217_assignsubmission_file_00-orientation.ipynb`).
MOODLE_FILE = re.compile(r"^(?P<name>.+)_(?P<id>\d+)_assignsubmission_(?P<plugin>[a-z0-9]+)_(?P<file>.+)$")
CANVAS_FILE = re.compile(
    r"^(?:(?!late_)(?P<name>[^\W_]+)_)?(?:(?P<late>late)_)?(?P<id>\d+|anon_[^\W_]+)_(?P<attachment>\d+)_(?P<file>.+)$",
    re.IGNORECASE,
)
PATTERNS_TEXT = (
    "Moodle's `<Full Name>_<participant id>_assignsubmission_file/<file>` (or `..._file_<file>`) "
    "and Canvas's `<name>_<user id>_<attachment id>_<file>`"
)
IGNORED_FOLDERS = ("__MACOSX", ".ipynb_checkpoints")

# The ids made-up students get in each LMS: s007 is Moodle participant 1043007 or Canvas user 48007.
MOODLE_FIRST_ID = 1043000
CANVAS_FIRST_USER_ID = 48000
CANVAS_FIRST_ATTACHMENT_ID = 7730000


class LmsZipError(CourseError, ValueError):
    """A submissions zip cannot be read or written; the message names the file and says what to do."""


@dataclass(frozen=True)
class ZipSubmission:
    student_id: str  # Moodle: the participant id; Canvas: the user id (or anon_<id>), digits as text
    first_name: str  # Canvas: "" (its one squashed name goes in last_name)
    last_name: str
    lms: str  # "moodle" or "canvas"
    member: str  # the file's path inside the zip, for messages
    notebook: bytes
    submitted_at: datetime | None  # the zip entry's time, read as UTC; None when the zip holds none
    late: bool  # Canvas's late marker; always False for Moodle


@dataclass(frozen=True)
class _Member:
    """A student's file in the zip, as its name tells."""

    lms: str
    student_id: str
    first_name: str
    last_name: str
    late: bool
    file: str  # the student's own file name (Canvas: with its -N)
    info: zipfile.ZipInfo

    @property
    def who(self) -> str:
        name = " ".join(part for part in (self.first_name, self.last_name) if part)
        return f"{name} ({self.lms} id {self.student_id})" if name else f"{self.lms} id {self.student_id}"


def read_lms_zip(path: Path, lesson_id: str) -> tuple[list[ZipSubmission], list[str]]:
    """The notebook each student submitted, and the problems found (a message per problem, naming the
    file in the zip and what to do). Nothing is extracted: the files are only read from the zip."""
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise LmsZipError(f"{path} does not exist. Give the zip downloaded from Moodle or Canvas.") from None
    except (zipfile.BadZipFile, OSError) as error:
        raise LmsZipError(
            f"{path} is not a zip file ({error}). Download all submissions of the assignment again from "
            "Moodle or Canvas, and give that zip as it is."
        ) from None
    problems: list[str] = []
    by_student: dict[tuple[str, str], list[_Member]] = {}
    with archive:
        for info in archive.infolist():
            name = _member_name(info)
            if _ignored(name, info):
                continue
            member = _recognised(name, info)
            if member is None:
                problems.append(
                    f"{name}: not a file name that Moodle or Canvas gives; expected {PATTERNS_TEXT}. Take it "
                    "out of the zip, or rename it after one of those patterns, and read the zip again."
                )
            else:
                by_student.setdefault((member.lms, member.student_id), []).append(member)
        submissions = []
        for members in by_student.values():
            chosen = _chosen_notebook(members, lesson_id, problems)
            if chosen is None:
                continue
            try:
                data = archive.read(chosen.info)
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, zlib.error) as error:
                problems.append(
                    f"{_member_name(chosen.info)}: cannot be read from the zip ({error}). Download the "
                    "submissions again; if it stays unreadable, ask the student to submit again."
                )
                continue
            submissions.append(
                ZipSubmission(
                    student_id=chosen.student_id,
                    first_name=chosen.first_name,
                    last_name=chosen.last_name,
                    lms=chosen.lms,
                    member=_member_name(chosen.info),
                    notebook=data,
                    submitted_at=_entry_time(chosen.info),
                    late=chosen.late,
                )
            )
    return submissions, problems


def write_lms_zip(
    submissions: Sequence[SyntheticSubmission],
    path: Path,
    lms: str,
    due: datetime | None = None,
    moodle_layout: str = "folder",
) -> Path:
    """Write the zip that Moodle or Canvas would give for one lesson's made-up submissions; return `path`.

    Each entry's time is the submission's time (in UTC, to two seconds, as zips keep it). Canvas marks a
    submission late when `due` is given and it came after `due`. `moodle_layout` picks the Moodle version:
    "folder" (4.1 and later), "folder_" (3.1 to 4.0) or "flat" (older). The students' ids come from
    `lms_student_id`.
    """
    if lms not in LMS_NAMES:
        raise LmsZipError(f"Unknown LMS {lms!r}: choose one of {', '.join(LMS_NAMES)}.")
    if moodle_layout not in MOODLE_LAYOUTS:
        raise LmsZipError(
            f"Unknown Moodle layout {moodle_layout!r}: choose one of {', '.join(MOODLE_LAYOUTS)}."
        )
    lessons = sorted({submission.lesson_id for submission in submissions})
    if len(lessons) != 1:
        raise LmsZipError(
            f"An LMS zip holds the submissions of one assignment; these are of {lessons or 'no lesson'}. "
            "Write one zip per lesson."
        )
    path = Path(path)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for submission in submissions:
            late = due is not None and submission.submitted_at > due
            member = _member_for(submission, lms, late, moodle_layout)
            moment = submission.submitted_at.astimezone(UTC)
            info = zipfile.ZipInfo(member, date_time=moment.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, notebooks.dumps(submission.notebook).encode("utf-8"))
    return path


def lms_student_id(student_id: str, lms: str) -> str:
    """The id a made-up student ("s007") has in an LMS: Moodle's participant id or Canvas's user id."""
    number = re.sub(r"\D", "", student_id)
    if not number:
        raise LmsZipError(f"Student id {student_id!r} holds no number to turn into an {lms} id.")
    first = MOODLE_FIRST_ID if lms == "moodle" else CANVAS_FIRST_USER_ID
    return str(first + int(number))


def canvas_name(first_name: str, last_name: str) -> str:
    """The name Canvas puts in its file names: the sortable name "Last, First", lower case, with nothing
    but letters and digits ("García López", "Ana" -> "garcíalópezana")."""
    return re.sub(r"\W", "", f"{last_name}, {first_name}").lower()


def _member_for(submission: SyntheticSubmission, lms: str, late: bool, moodle_layout: str) -> str:
    file = f"{submission.lesson_id}.ipynb"
    student_id = lms_student_id(submission.student_id, lms)
    if lms == "canvas":
        attachment_id = CANVAS_FIRST_ATTACHMENT_ID + int(student_id) - CANVAS_FIRST_USER_ID
        name = canvas_name(submission.first_name, submission.last_name) + ("_LATE" if late else "")
        return f"{name}_{student_id}_{attachment_id}_{file}"
    full_name = f"{submission.first_name} {submission.last_name}".replace("_", " ")
    prefix = f"{full_name}_{student_id}_assignsubmission_file"
    return {"folder": f"{prefix}/{file}", "folder_": f"{prefix}_/{file}", "flat": f"{prefix}_{file}"}[
        moodle_layout
    ]


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's name; a UTF-8 name stored without zip's UTF-8 flag (Windows tools do it) is decoded
    as UTF-8 rather than shown as the old DOS code page."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except UnicodeError:
        return info.filename


def _ignored(name: str, info: zipfile.ZipInfo) -> bool:
    parts = PurePosixPath(name).parts
    return (
        info.is_dir()
        or not parts
        or any(part in IGNORED_FOLDERS for part in parts)
        or parts[-1].startswith(".")
    )


def _recognised(name: str, info: zipfile.ZipInfo) -> _Member | None:
    """The student a member's name belongs to, or None when it follows neither LMS's pattern."""
    parts = PurePosixPath(name).parts
    for depth, part in enumerate(parts[:-1]):
        folder = MOODLE_FOLDER.match(part)
        if folder:
            file = "/".join(parts[depth + 1 :])
            return _moodle_member(folder, file, info)
    moodle_file = MOODLE_FILE.match(parts[-1])
    if moodle_file:
        return _moodle_member(moodle_file, moodle_file["file"], info)
    canvas = CANVAS_FILE.match(parts[-1])
    if canvas:
        return _Member(
            lms="canvas",
            student_id=canvas["id"],
            first_name="",
            last_name=canvas["name"] or "",
            late=canvas["late"] is not None,
            file=canvas["file"],
            info=info,
        )
    return None


def _moodle_member(match: re.Match, file: str, info: zipfile.ZipInfo) -> _Member:
    first_name, _, last_name = match["name"].strip().partition(" ")  # Moodle's default: "First Last"
    return _Member("moodle", match["id"], first_name, last_name.strip(), False, file, info)


def _chosen_notebook(members: list[_Member], lesson_id: str, problems: list[str]) -> _Member | None:
    """The one notebook to grade of a student: the only one, else the only one named after the lesson,
    else (Canvas) the one uploaded last under that name (highest -N); None after adding a problem."""
    notebooks_sent = [member for member in members if member.file.lower().endswith(".ipynb")]
    if not notebooks_sent:
        files = ", ".join(_member_name(member.info) for member in members)
        problems.append(
            f"{files}: no notebook (.ipynb) from {members[0].who}. Ask the student to submit "
            f"{lesson_id}.ipynb, then download the submissions again."
        )
        return None
    candidates = [member for member in notebooks_sent if lesson_id in member.file] or notebooks_sent
    if len(candidates) > 1 and candidates[0].lms == "canvas":
        latest = max(_resubmission_number(member.file, lesson_id) for member in candidates)
        candidates = [
            member for member in candidates if _resubmission_number(member.file, lesson_id) == latest
        ]
    if len(candidates) == 1:
        return candidates[0]
    files = ", ".join(_member_name(member.info) for member in candidates)
    problems.append(
        f"{files}: several notebooks from {members[0].who}; keep one (the one to grade) and zip again."
    )
    return None


def _resubmission_number(file: str, lesson_id: str) -> int:
    """Canvas's count of uploads under one name: 0 for `00-orientation.ipynb`, 2 for `...-2.ipynb`."""
    stem = PurePosixPath(file).stem
    if stem == lesson_id:
        return 0
    again = re.fullmatch(r".*-(\d+)", stem)
    return int(again[1]) if again else 0


def _entry_time(info: zipfile.ZipInfo) -> datetime | None:
    try:
        return datetime(*info.date_time, tzinfo=UTC)
    except ValueError:  # a zip entry without a time holds 1980-00-00
        return None
