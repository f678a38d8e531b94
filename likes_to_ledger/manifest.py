"""The course manifest (course.toml): lesson order, titles, minutes, datasets and points."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass

from likes_to_ledger.errors import CourseError
from likes_to_ledger.paths import CourseDir

LESSON_ID_PATTERN = re.compile(r"^(\d{2})-[a-z0-9]+(-[a-z0-9]+)*$")


class ManifestError(CourseError, ValueError):
    """course.toml is missing, unreadable or inconsistent; the message says where and what to fix."""


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    question: str
    minutes: int
    datasets: tuple[str, ...]
    autograded_points: float
    manual_points: float

    @property
    def number(self) -> str:
        return self.id[:2]


@dataclass(frozen=True)
class Manifest:
    course_id: str
    title: str
    lessons: tuple[Lesson, ...]

    def lesson(self, lesson_id: str) -> Lesson:
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        known = ", ".join(lesson.id for lesson in self.lessons)
        raise ManifestError(f"No lesson {lesson_id!r} in course.toml. Known lessons: {known}.")


def load_manifest(course: CourseDir) -> Manifest:
    path = course.manifest
    where = course.relative(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"{where} is missing; the course cannot be built without it.") from None
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(f"{where} is not valid TOML: {error}.") from None

    try:
        lessons = tuple(_lesson(entry, where) for entry in data.get("lessons", []))
        manifest = Manifest(course_id=data["course"]["id"], title=data["course"]["title"], lessons=lessons)
    except KeyError as error:
        raise ManifestError(f"{where} lacks the key {error}; see the comment at its top.") from None
    _check_order(manifest, where)
    _check_datasets(manifest, course)
    return manifest


def _lesson(entry: dict, where: str) -> Lesson:
    lesson_id = entry.get("id", "<no id>")
    if not LESSON_ID_PATTERN.match(lesson_id):
        raise ManifestError(
            f"{where}: lesson id {lesson_id!r} must look like NN-slug, e.g. '01-reading-exports'."
        )
    points = entry["points"]
    return Lesson(
        id=lesson_id,
        title=entry["title"],
        question=entry["question"],
        minutes=int(entry["minutes"]),
        datasets=tuple(entry.get("datasets", [])),
        autograded_points=float(points["autograded"]),
        manual_points=float(points["manual"]),
    )


def _check_order(manifest: Manifest, where: str) -> None:
    ids = [lesson.id for lesson in manifest.lessons]
    if not ids:
        raise ManifestError(f"{where} lists no lessons.")
    if len(set(ids)) != len(ids):
        raise ManifestError(f"{where} lists a lesson twice: {ids}.")
    numbers = [int(lesson.number) for lesson in manifest.lessons]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        raise ManifestError(f"{where}: lessons must be listed in order without gaps: {ids}.")


def _check_datasets(manifest: Manifest, course: CourseDir) -> None:
    for lesson in manifest.lessons:
        for name in lesson.datasets:
            if not course.dataset(name).is_file():
                raise ManifestError(
                    f"Lesson {lesson.id} uses {course.relative(course.dataset(name))}, which does not "
                    "exist. Generate it with `course data` or fix the lesson's datasets in course.toml."
                )
