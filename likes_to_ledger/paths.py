"""Every path rule of the course lives here; nothing else joins course paths by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from likes_to_ledger.errors import CourseError

MANIFEST_NAME = "course.toml"
# A folder of a lesson where its notebook saves what the learner makes (lesson 12's workbook for
# leadership): the learner's own, so builds, releases and git leave it out.
LEARNER_OUTPUT = "output"


class CourseNotFoundError(CourseError, RuntimeError):
    """Raised when no course folder (one holding course.toml) can be found."""


@dataclass(frozen=True)
class CourseDir:
    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> CourseDir:
        """The course folder that holds `start` (default: the working directory)."""
        start = (start or Path.cwd()).resolve()
        for folder in (start, *start.parents):
            if (folder / MANIFEST_NAME).is_file():
                return cls(folder)
        raise CourseNotFoundError(
            f"No {MANIFEST_NAME} in {start} or any folder above it. "
            "Run this command from inside the course folder (the one with README.md and course.toml)."
        )

    @property
    def manifest(self) -> Path:
        return self.root / MANIFEST_NAME

    @property
    def solutions(self) -> Path:
        return self.root / "solutions"

    @property
    def lessons(self) -> Path:
        return self.root / "lessons"

    @property
    def datasets(self) -> Path:
        return self.root / "datasets"

    @property
    def ground_truth_doc(self) -> Path:
        """The instructors' statement of the effects built into the data (never copied into lessons/)."""
        return self.root / "instructors" / "ground_truth.md"

    @property
    def nbgrader_config_files(self) -> tuple[Path, Path]:
        """The shim nbgrader loads, and the configuration it loads."""
        return self.root / "nbgrader_config.py", self.root / "grader_config.py"

    def dataset(self, name: str) -> Path:
        return self.datasets / name

    def solution_folder(self, lesson_id: str) -> Path:
        return self.solutions / lesson_id

    def lesson_folder(self, lesson_id: str) -> Path:
        return self.lessons / lesson_id

    def solution_notebook(self, lesson_id: str) -> Path:
        return self.solution_folder(lesson_id) / f"{lesson_id}.ipynb"

    def lesson_notebook(self, lesson_id: str) -> Path:
        return self.lesson_folder(lesson_id) / f"{lesson_id}.ipynb"

    def backup_folder(self, lesson_id: str, stamp: str) -> Path:
        """Where `course build` keeps a learner's work before it regenerates a lesson folder."""
        return self.root / ".course" / "backups" / lesson_id / stamp

    def relative(self, path: Path) -> str:
        """A path as the user should read it: relative to the course folder, with slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)
