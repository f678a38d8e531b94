"""Helpers the course tests share: lesson notebooks, their regions, execution and grading."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from likes_to_ledger import notebooks, synthetic
from likes_to_ledger.grading import CellScore, ScratchCourse
from likes_to_ledger.paths import CourseDir

REGION = {
    "solution": ("### BEGIN SOLUTION", "### END SOLUTION"),
    "hidden tests": ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"),
}
PLACEHOLDER_LINE = re.compile(r"^(?P<target>\S.*?) = \.\.\.\s*$", re.MULTILINE)


def regions(source: str, kind: str) -> list[str]:
    """The text between the BEGIN and END markers of one kind of nbgrader region."""
    begin, end = REGION[kind]
    found, current = [], None
    for line in source.splitlines():
        if begin in line:
            current = []
        elif end in line and current is not None:
            found.append("\n".join(current))
            current = None
        elif current is not None:
            current.append(line)
    return found


def cells_by_grade_id(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    return {meta["grade_id"]: cell for cell, meta in notebooks.nbgrader_cells(nb)}


def exercises(nb: nbformat.NotebookNode) -> list[str]:
    """The exercise ids of a notebook, in order: 'ex1', 'ex2', ..."""
    return [gid.removesuffix("_answer") for gid in cells_by_grade_id(nb) if re.match(r"ex\d+_answer$", gid)]


def answer_targets(lesson_nb: nbformat.NotebookNode) -> dict[str, str]:
    """What each exercise asks the learner to set, read off its placeholder line, e.g. 'n_posts'."""
    cells = cells_by_grade_id(lesson_nb)
    targets = {}
    for exercise in exercises(lesson_nb):
        match = PLACEHOLDER_LINE.search(cells[f"{exercise}_answer"].source)
        assert match, f"{exercise}_answer has no placeholder line like `name = ...`"
        targets[exercise] = match["target"]
    return targets


def filled_lesson(course: CourseDir, lesson_id: str, replace: dict[str, str] | None = None):
    """The student version with every answer cell filled with the solution's code,
    except the exercises in `replace`, whose answer cells get the given code instead."""
    return synthetic.filled_lesson(course, lesson_id, replace)


def stderr_and_errors(nb: nbformat.NotebookNode) -> list[str]:
    """Warnings, stderr output and errors of an executed notebook, each with its cell."""
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "stream" and output.name == "stderr":
                found.append(f"cell {index}: stderr: {output.text.strip()}")
            elif output.output_type == "error":
                found.append(f"cell {index}: {output.ename}: {output.evalue}")
    return found


def answer_values(course: CourseDir, lesson_id: str) -> dict[str, object]:
    """The solution's answers, as plain values: run the solution and read each target."""
    solution = notebooks.read(course.solution_notebook(lesson_id))
    targets = answer_targets(notebooks.read(course.lesson_notebook(lesson_id)))
    dump = (
        "import json as _json\n"
        "def _plain(value):\n"
        "    if hasattr(value, 'tolist'):\n"
        "        return value.tolist()\n"
        "    return value.item() if hasattr(value, 'item') else value\n"
        f"print(_json.dumps({{name: _plain(eval(target)) for name, target in {targets!r}.items()}},"
        " default=str))"
    )
    solution.cells.append(nbformat.v4.new_code_cell(dump))
    executed = notebooks.execute(solution, course.solution_folder(lesson_id))
    return json.loads(executed.cells[-1].outputs[0].text)


@dataclass
class GradedClass:
    """A lesson autograded for a set of made-up students, spread over scratch courses."""

    lesson_id: str
    scratch_of: dict[str, ScratchCourse] = field(default_factory=dict)
    returncode: int = 0
    log: str = ""

    def scores(self, student: str) -> dict[str, CellScore]:
        return self.scratch_of[student].scores(self.lesson_id, student)

    def autograded_notebook(self, student: str) -> Path:
        return self.scratch_of[student].autograded_notebook(self.lesson_id, student)
