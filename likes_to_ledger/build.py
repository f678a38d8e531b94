"""`course build`: regenerate lessons/ from solutions/ with nbgrader.

For each lesson of the manifest, in order:
1. copy the lesson's data files from datasets/, and the checks module as course_checks.py, into its
   solutions/ folder, so that the solution runs where it stands and nbgrader's autograde finds the
   master copies there;
2. clean the solution notebook (outputs, execution counts and editor metadata go);
3. record the fingerprints its visible checks compare with (checks.json), by running the solution;
4. run nbgrader's generate_assignment in a scratch course and put the result in lessons/.

With check=True nothing is written; every difference is reported instead.
"""

from __future__ import annotations

import filecmp
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from likes_to_ledger import answer_key, notebooks
from likes_to_ledger.errors import CourseError
from likes_to_ledger.grading import ScratchCourse
from likes_to_ledger.manifest import Lesson, Manifest, load_manifest
from likes_to_ledger.paths import LEARNER_OUTPUT, CourseDir


def build(
    course: CourseDir,
    check: bool = False,
    say: Callable[[str], None] = print,
    only: Sequence[str] = (),
) -> list[str]:
    """Build (or with check=True, verify) every lesson, or those in `only`; return the problems found."""
    manifest = load_manifest(course)
    known = [lesson.id for lesson in manifest.lessons]
    unknown = [lesson_id for lesson_id in only if lesson_id not in known]
    if unknown:
        raise CourseError(
            f"{', '.join(unknown)}: not a lesson of course.toml. Its lessons are: {', '.join(known)}."
        )
    problems: list[str] = []
    for lesson in manifest.lessons:
        if only and lesson.id not in only:
            continue
        problems += _sync_lesson_files(course, lesson, check)
        problems += _clean_solution(course, lesson, check)
        problems += _record_answer_key(course, lesson, check, say)
        problems += _generate_lesson(course, lesson, check, say)
        if not check:
            say(f"built {course.relative(course.lesson_folder(lesson.id))}")
    if not only:
        problems += _stray_lessons(course, manifest, check, say)
    return problems


def _sync_lesson_files(course: CourseDir, lesson: Lesson, check: bool) -> list[str]:
    problems = []
    copies = {name: course.dataset(name) for name in lesson.datasets}
    copies[answer_key.CHECKS_MODULE_NAME] = answer_key.CHECKS_MODULE
    for name, source in copies.items():
        target = course.solution_folder(lesson.id) / name
        if target.is_file() and filecmp.cmp(source, target, shallow=False):
            continue
        if check:
            problems.append(
                f"{lesson.id}: {course.relative(target)} is missing or differs from "
                f"{course.relative(source)}."
            )
        else:
            shutil.copyfile(source, target)
    return problems


def _clean_solution(course: CourseDir, lesson: Lesson, check: bool) -> list[str]:
    path = course.solution_notebook(lesson.id)
    text = path.read_text(encoding="utf-8") if path.is_file() else None
    if text is None:
        return [f"{lesson.id}: {course.relative(path)} does not exist (it is listed in course.toml)."]
    cleaned = notebooks.dumps(notebooks.clean(notebooks.read(path)))
    if cleaned == text:
        return []
    if check:
        return [f"{lesson.id}: {course.relative(path)} is not clean (outputs or editor metadata)."]
    path.write_text(cleaned, encoding="utf-8", newline="\n")
    return []


def _record_answer_key(
    course: CourseDir, lesson: Lesson, check: bool, say: Callable[[str], None]
) -> list[str]:
    key = course.solution_folder(lesson.id) / answer_key.KEY_NAME
    if answer_key.recorded_inputs(key) == answer_key.inputs_fingerprint(course, lesson):
        return []
    if check:
        return [
            (
                f"{lesson.id}: {course.relative(key)} is out of date (the solution, its data or checks.py "
                "changed)."
            )
        ]
    say(f"recording the checks of {lesson.id} (running its solution)")
    key.write_text(answer_key.record(course, lesson), encoding="utf-8", newline="\n")
    return []


def _generate_lesson(course: CourseDir, lesson: Lesson, check: bool, say: Callable[[str], None]) -> list[str]:
    target = course.lesson_folder(lesson.id)
    with tempfile.TemporaryDirectory(prefix="course-build-") as scratch:
        # A scratch course keeps the instructor's own gradebook out of the build.
        generated = ScratchCourse(course, Path(scratch)).release(lesson.id)
        differences = _tree_differences(generated, target)
        if not differences:
            return []
        if check:
            listed = ", ".join(differences)
            return [f"{lesson.id}: {course.relative(target)} is out of date ({listed})."]
        if target.exists():
            _back_up_learner_work(course, lesson.id, generated, say)
            shutil.rmtree(target)
        shutil.copytree(generated, target)
    return []


def _back_up_learner_work(course: CourseDir, lesson_id: str, generated: Path, say: Callable[[str], None]):
    """Copy to .course/backups/ whatever in lessons/<lesson> is someone's work, before it is replaced:
    files the build does not make, and notebooks with outputs, edits or filled-in answers."""
    target = course.lesson_folder(lesson_id)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for path in _own_files(target):
        name = path.relative_to(target)
        made_by_build = (generated / name).is_file()
        if made_by_build and not (path.suffix == ".ipynb" and _holds_work(path, generated / name)):
            continue
        backup = course.backup_folder(lesson_id, stamp) / name
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, backup)
        say(f"kept a copy of {course.relative(path)} in {course.relative(backup)} (it held your work)")


def _holds_work(path: Path, generated: Path) -> bool:
    """A generated notebook is clean, and its answer cells hold only their placeholders."""
    try:
        nb = notebooks.read(path)
    except notebooks.NotebookError:
        return True  # unreadable: keep it for a person to look at
    if notebooks.dumps(notebooks.clean(nb)) != path.read_text(encoding="utf-8"):
        return True  # outputs, execution counts or editor metadata: it was opened and run
    placeholders = {
        meta["grade_id"]: cell.source for cell, meta in notebooks.nbgrader_cells(notebooks.read(generated))
    }
    return any(
        meta.get("solution") and cell.source != placeholders.get(meta["grade_id"])
        for cell, meta in notebooks.nbgrader_cells(nb)
    )


def _tree_differences(built: Path, committed: Path) -> list[str]:
    """Files that differ between two folders, by relative path."""

    def files(root: Path) -> set[str]:
        if not root.is_dir():
            return set()
        return {p.relative_to(root).as_posix() for p in _own_files(root)}

    built_files, committed_files = files(built), files(committed)
    differences = sorted(built_files ^ committed_files)
    for name in sorted(built_files & committed_files):
        if not filecmp.cmp(built / name, committed / name, shallow=False):
            differences.append(name)
    return differences


def _own_files(folder: Path) -> list[Path]:
    """The files of a lesson folder, without JupyterLab's checkpoints, Python's caches and the learner's
    output."""
    skipped = {".ipynb_checkpoints", "__pycache__", LEARNER_OUTPUT}
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and not skipped & set(path.relative_to(folder).parts)
    )


def _stray_lessons(
    course: CourseDir, manifest: Manifest, check: bool, say: Callable[[str], None]
) -> list[str]:
    """Folders in lessons/ that no lesson of the manifest generates."""
    if not course.lessons.is_dir():
        return []
    known = {lesson.id for lesson in manifest.lessons}
    problems = []
    for folder in sorted(p for p in course.lessons.iterdir() if p.is_dir()):
        if folder.name in known:
            continue
        if check:
            problems.append(f"{course.relative(folder)} is not a lesson of course.toml.")
        else:
            shutil.rmtree(folder)
            say(f"removed {course.relative(folder)} (not a lesson of course.toml)")
    return problems
