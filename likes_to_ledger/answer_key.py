"""checks.json: the fingerprints a lesson's visible checks recognise answers by, recorded from its solution.

The build runs the solution notebook with COURSE_CHECKS_RECORD set; every hidden `grade()` call then
writes its exercise's declaration and fingerprints (see checks.py). The key records a fingerprint of its
inputs (the solution, the lesson's data files, the checks module), so an unchanged lesson is not re-run.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from likes_to_ledger import checks, notebooks
from likes_to_ledger.errors import CourseError
from likes_to_ledger.manifest import Lesson
from likes_to_ledger.paths import CourseDir

KEY_NAME = checks.KEY_FILE.name
CHECKS_MODULE = Path(checks.__file__)
CHECKS_MODULE_NAME = "course_checks.py"  # the name lessons import the checks module by


class AnswerKeyError(CourseError, RuntimeError):
    """The solution could not be run to record its checks; the message names the lesson and the cell."""


def inputs_fingerprint(course: CourseDir, lesson: Lesson) -> str:
    digest = hashlib.sha256()
    data_files = [course.dataset(name) for name in lesson.datasets]
    for path in [course.solution_notebook(lesson.id), *data_files, CHECKS_MODULE]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def recorded_inputs(key_path: Path) -> str | None:
    try:
        return json.loads(key_path.read_text(encoding="utf-8"))["recorded_from"]
    except (OSError, ValueError, KeyError):
        return None


def record(course: CourseDir, lesson: Lesson) -> str:
    """Run the lesson's solution in a scratch copy of its folder and return the text of its checks.json."""
    with tempfile.TemporaryDirectory(prefix="course-key-") as scratch:
        folder = Path(scratch) / lesson.id
        source = course.solution_folder(lesson.id)
        folder.mkdir()
        for name in [*lesson.datasets, CHECKS_MODULE_NAME]:
            (folder / name).write_bytes((source / name).read_bytes())
        record_file = Path(scratch) / "record.jsonl"
        record_file.touch()
        executed = notebooks.execute(
            notebooks.read(course.solution_notebook(lesson.id)),
            folder,
            allow_errors=True,
            env={checks.RECORD_VARIABLE: str(record_file)},
        )
        _raise_first_error(course, lesson, executed)
        entries = [json.loads(line) for line in record_file.read_text(encoding="utf-8").splitlines()]
    exercises = {entry.pop("id"): entry for entry in entries}
    key = {
        "about": "Fingerprints of the right answers and known mistakes, written by `course build`. "
        "Don't edit: the checks of this lesson read it.",
        "recorded_from": inputs_fingerprint(course, lesson),
        "exercises": dict(sorted(exercises.items(), key=lambda item: _exercise_number(item[0]))),
    }
    return json.dumps(key, indent=1, ensure_ascii=False) + "\n"


def _exercise_number(exercise_id: str) -> int:
    return int(exercise_id.removeprefix("ex"))


def _raise_first_error(course: CourseDir, lesson: Lesson, executed) -> None:
    for index, cell in enumerate(executed.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", f"cell {index}")
                raise AnswerKeyError(
                    f"{lesson.id}: the solution fails in {grade_id} "
                    f"({course.relative(course.solution_notebook(lesson.id))}): "
                    f"{output.ename}: {output.evalue}"
                )
