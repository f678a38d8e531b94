"""nbgrader runs in a scratch course: a throwaway course folder with its own gradebook.

The build uses one to generate a lesson's student version without touching the
instructor's gradebook; the course tests and the benchmark use one to autograde
submissions exactly as an instructor's `nbgrader autograde` would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from likes_to_ledger import notebooks
from likes_to_ledger.errors import CourseError
from likes_to_ledger.paths import LEARNER_OUTPUT, CourseDir


class NbgraderError(CourseError, RuntimeError):
    """An nbgrader command failed; the message names the lesson and quotes nbgrader's last words."""


@dataclass(frozen=True)
class CellScore:
    grade_id: str
    score: float  # nbgrader's Grade.score: the hand score if given, else the autograde, else 0
    max_score: float


def nbgrader_environment() -> dict[str, str]:
    """The environment for an nbgrader subprocess.

    nbgrader runs the `alembic` command of its own Python environment to set up a gradebook,
    so that environment's scripts folder must be on PATH even when the virtual environment
    was never activated (e.g. `.venv/bin/course build`).
    """
    scripts = str(Path(sys.executable).parent)
    env = dict(os.environ)
    path = env.get("PATH", "")
    if scripts not in path.split(os.pathsep):
        env["PATH"] = os.pathsep.join([scripts, path])
    return env


def put_nbgrader_tools_on_path() -> None:
    """Let nbgrader find `alembic` when it creates a gradebook in this process (and in the processes it
    starts): nbgrader runs it by name, from PATH, which lacks .venv's scripts unless .venv was activated."""
    os.environ["PATH"] = nbgrader_environment()["PATH"]


class ScratchCourse:
    def __init__(self, course: CourseDir, root: Path):
        self.course = course
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        for config in course.nbgrader_config_files:
            shutil.copyfile(config, root / config.name)

    @staticmethod
    def run_nbgrader(root: Path, *args: str) -> subprocess.CompletedProcess:
        """Run an nbgrader command in a course folder (nbgrader finds its configuration there)."""
        return subprocess.run(
            [sys.executable, "-m", "nbgrader", *args],
            cwd=root,
            env=nbgrader_environment(),
            capture_output=True,
            text=True,
        )

    def nbgrader(self, *args: str) -> subprocess.CompletedProcess:
        return self.run_nbgrader(self.root, *args)

    def release(self, lesson_id: str, db_url: str | None = None) -> Path:
        """Generate the student version of a lesson; return its folder (clean notebooks).

        nbgrader records the lesson's cells in the scratch course's gradebook, or in `db_url`'s."""
        source = self.course.solution_folder(lesson_id)
        target = self.root / "solutions" / lesson_id
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints", LEARNER_OUTPUT))
        database = [f"--db={db_url}"] if db_url else []
        result = self.nbgrader("generate_assignment", lesson_id, "--force", *database)
        release = self.root / "lessons" / lesson_id
        if result.returncode != 0 or not release.is_dir():
            raise NbgraderError(
                f"nbgrader could not generate lesson {lesson_id} from "
                f"{self.course.relative(source)}:\n{nbgrader_reason(result.stderr + result.stdout)}\n"
                f"Fix {self.course.relative(self.course.solution_notebook(lesson_id))} and build again."
            )
        notebook = release / f"{lesson_id}.ipynb"
        notebooks.write(notebooks.clean(notebooks.read(notebook)), notebook)
        return release

    def submit(self, lesson_id: str, student: str, nb: nbformat.NotebookNode) -> Path:
        folder = self.root / "submitted" / student / lesson_id
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{lesson_id}.ipynb"
        notebooks.write(nb, path)
        return path

    def autograde(self, lesson_id: str) -> subprocess.CompletedProcess:
        """Autograde every submission of a lesson (students are added to the gradebook)."""
        return self.nbgrader("autograde", lesson_id, "--create")

    def autograded_notebook(self, lesson_id: str, student: str) -> Path:
        return self.root / "autograded" / student / lesson_id / f"{lesson_id}.ipynb"

    def scores(self, lesson_id: str, student: str) -> dict[str, CellScore]:
        """The score of each graded cell of a student's autograded lesson."""
        from nbgrader.api import Gradebook  # imports SQLAlchemy: only when grades are read

        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gradebook:
            submission = gradebook.find_submission_notebook(lesson_id, lesson_id, student)
            return {
                grade.name: CellScore(grade.name, grade.score, grade.max_score) for grade in submission.grades
            }


EXCEPTION_LINE = re.compile(r"^\s*[\w.]*(Error|Exception): .+$")


def nbgrader_reason(log: str) -> str:
    """The lines of an nbgrader log that say what went wrong, without the tracebacks around them."""
    reasons = []
    for line in log.splitlines():
        if EXCEPTION_LINE.match(line) and line.strip() not in reasons:
            reasons.append(line.strip())
    return "\n".join(reasons or log.strip().splitlines()[-15:])
