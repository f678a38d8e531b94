"""`course check NOTEBOOK` self-grades a learner's lesson as nbgrader's autograde would, hidden tests too.

Every check runs on a copy of the course in a temporary folder (the check writes .course/ in the course
folder and a feedback page next to the notebook). Grading takes about 3 s, so three notebooks are graded,
once each, through the `course` command: the lesson filled with the solution's answers (right), a lesson
with known mistakes saved as a renamed copy (partly right), and the untouched lesson (blank). The broken
notebooks fail before grading and cost little.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from conftest import COURSE
from lesson_tools import answer_values, cells_by_grade_id, filled_lesson, regions

from likes_to_ledger import notebooks
from likes_to_ledger.paths import CourseDir
from likes_to_ledger.selfcheck import GUARD_VARIABLE, SubmissionError, self_check

LESSON_ID = "00-orientation"
COURSE_FILES = ["course.toml", "nbgrader_config.py", "grader_config.py"]
COURSE_FOLDERS = ["solutions", "lessons", "datasets"]
STATUS = r"right|not yet right|not attempted|error|graded by hand"
TABLE_ROW = re.compile(
    rf"^(?P<id>ex\d+|written\d+) .*?  (?P<points>\S+ / \S+)  +(?P<status>{STATUS})(?:  +(?P<message>.*))?$"
)

# The partly right lesson: known mistakes of known_answers.py, and one exercise left as it was.
PARTLY_RIGHT = {
    "ex1": "n_posts = len(posts.columns)",
    "ex3": 'average_likes = posts["Likes"].median()',
    "ex5": "instagram_reach = ...",
    "ex6": 'reach_by_network = posts.groupby("Network")["Reach"].mean()',
}
PARTLY_RIGHT_GRADES = {  # question -> (points, max points, status)
    "ex1": ("0", "1", "not yet right"),
    "ex2": ("1", "1", "right"),
    "ex3": ("0", "2", "not yet right"),
    "ex4": ("2", "2", "right"),
    "ex5": ("0", "2", "not attempted"),
    "ex6": ("0", "2", "not yet right"),
    "written1": ("—", "3", "graded by hand"),
}


def course_command(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "likes_to_ledger.cli", *args], cwd=cwd, capture_output=True, text=True
    )


def page_text(path: Path) -> str:
    """A feedback page as the learner reads it: without tags (code is highlighted word by word)."""
    return html.unescape(re.sub(r"<[^>]*>", "", path.read_text(encoding="utf-8")))


@dataclass
class Checked:
    """One `course check` run: the notebook, its bytes and mtime before, and what the command did."""

    notebook: Path
    before: bytes
    mtime_ns: int
    result: subprocess.CompletedProcess
    progress_entry: dict  # the lesson's entry of .course/progress.json right after this check

    @property
    def feedback_page(self) -> Path:
        return self.notebook.with_name(f"{self.notebook.stem}.feedback.html")

    @property
    def rows(self) -> dict[str, dict[str, str]]:
        """The question table the command printed: question id -> points, status, message."""
        rows = {}
        for line in self.result.stdout.splitlines():
            match = TABLE_ROW.match(line)
            if match:
                rows[match["id"]] = {
                    "points": match["points"],
                    "status": match["status"],
                    "message": match["message"] or "",
                }
        return rows


@pytest.fixture(scope="module")
def course_copy(tmp_path_factory) -> Path:
    """A copy of the course's sources, without any feedback page or checkpoint of the repository's."""
    root = tmp_path_factory.mktemp("course")
    for name in COURSE_FILES:
        shutil.copyfile(COURSE.root / name, root / name)
    for name in COURSE_FOLDERS:
        shutil.copytree(
            COURSE.root / name,
            root / name,
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.feedback.html"),
        )
    return root


@pytest.fixture(scope="module")
def lesson_nb(course_copy) -> nbformat.NotebookNode:
    return notebooks.read(course_copy / "lessons" / LESSON_ID / f"{LESSON_ID}.ipynb")


@pytest.fixture(scope="module")
def checked(course_copy) -> dict[str, Checked]:
    """The three graded notebooks, checked in this order: blank, right, partly right (the last one)."""
    course = CourseDir(course_copy)
    lesson_folder = course_copy / "lessons" / LESSON_ID
    right = course_copy / "work" / "right" / f"{LESSON_ID}.ipynb"
    right.parent.mkdir(parents=True)
    notebooks.write(filled_lesson(course, LESSON_ID), right)
    partly = lesson_folder / f"{LESSON_ID}-Copy1.ipynb"  # as JupyterLab names a duplicated notebook
    notebooks.write(filled_lesson(course, LESSON_ID, replace=PARTLY_RIGHT), partly)
    runs = {}
    for case, path in [("blank", lesson_folder / f"{LESSON_ID}.ipynb"), ("right", right), ("partly", partly)]:
        before, mtime_ns = path.read_bytes(), path.stat().st_mtime_ns
        result = course_command("check", str(path.relative_to(course_copy)), cwd=course_copy)
        assert result.returncode == 0, f"{case}: {result.stderr}"
        progress = json.loads((course_copy / ".course" / "progress.json").read_text(encoding="utf-8"))
        runs[case] = Checked(path, before, mtime_ns, result, progress["lessons"][LESSON_ID])
    return runs


def test_a_right_lesson_scores_full_marks(checked):
    """Filled with the solution's answers, does the lesson score 10 / 10, every autograded question
    right, with a feedback page written next to it?"""
    run = checked["right"]
    assert run.result.returncode == 0
    assert f"{LESSON_ID}: Score: 10 / 10 autograded points" in run.result.stdout
    assert run.rows, run.result.stdout
    autograded = {q: row for q, row in run.rows.items() if row["status"] != "graded by hand"}
    assert set(autograded) == {f"ex{n}" for n in range(1, 7)}
    assert {q: row["status"] for q, row in autograded.items()} == dict.fromkeys(autograded, "right")
    assert run.feedback_page.is_file()
    assert f"Feedback page: {run.feedback_page.resolve()}" in run.result.stdout


def test_a_partly_right_lesson_scores_each_question_and_names_the_mistakes(checked):
    """With two exercises right, three known mistakes and one exercise not attempted, are the score
    (10 - 1 - 2 - 2 - 2 = 3), each question's points and status, and each mistake's message right?"""
    run = checked["partly"]
    assert f"{LESSON_ID}: Score: 3 / 10 autograded points (and 3 more graded by your instructor)" in (
        run.result.stdout
    )
    grades = {q: (*row["points"].split(" / "), row["status"]) for q, row in run.rows.items()}
    assert grades == PARTLY_RIGHT_GRADES
    messages = {q: row["message"] for q, row in run.rows.items()}
    assert "number of columns" in messages["ex1"]
    assert "median" in messages["ex3"]
    assert "Not attempted" in messages["ex5"]
    assert "averages" in messages["ex6"]
    assert messages["written1"] == "Not written yet."


def test_a_blank_lesson_is_not_attempted(checked):
    """Checked untouched, does the lesson score 0 / 10, every exercise not attempted, and the written
    answer left to the instructor, not written yet?"""
    run = checked["blank"]
    assert f"{LESSON_ID}: Score: 0 / 10 autograded points" in run.result.stdout
    rows = run.rows
    exercises = [q for q in rows if q.startswith("ex")]
    assert exercises == [f"ex{n}" for n in range(1, 7)]
    assert {q: rows[q]["status"] for q in exercises} == dict.fromkeys(exercises, "not attempted")
    assert rows["written1"]["status"] == "graded by hand"
    assert rows["written1"]["message"] == "Not written yet."
    assert rows["written1"]["points"] == "— / 3"


def test_a_renamed_copy_is_graded_as_its_lesson(checked):
    """Is a duplicate of the lesson (00-orientation-Copy1.ipynb, in the same folder) recognised as
    lesson 00 and graded, its feedback page named after it?"""
    run = checked["partly"]
    assert run.notebook.name == f"{LESSON_ID}-Copy1.ipynb"
    assert run.result.stdout.splitlines()[-2].startswith(f"{LESSON_ID}: Score: 3 / 10")
    assert run.feedback_page.name == f"{LESSON_ID}-Copy1.feedback.html"
    assert run.feedback_page.is_file()
    assert run.progress_entry["notebook"] == f"lessons/{LESSON_ID}/{LESSON_ID}-Copy1.ipynb"


def _number_forms(value) -> set[str]:
    """How a number of three or more characters could be written: 24808, 24808.0, 24,808, 94.8."""
    if isinstance(value, list):
        return {form for item in value for form in _number_forms(item)}
    if isinstance(value, bool) or not isinstance(value, int | float):
        return set()
    forms = {str(value), f"{value:,}"}
    if isinstance(value, float) and value.is_integer():
        forms |= {str(int(value)), f"{int(value):,}"}
    return {form for form in forms if len(form) >= 3}


def test_no_message_or_feedback_page_reveals_an_expected_value(checked, course_copy):
    """Do the messages and the feedback page of a partly right lesson keep the expected answers
    (computed by running the solution) to themselves?"""
    expected = answer_values(CourseDir(course_copy), LESSON_ID)
    forms = {form for value in expected.values() for form in _number_forms(value)}
    assert {"24808", "94.8"} <= forms, expected  # what the lesson's data gives today; keeps the test honest
    run = checked["partly"]
    printed = run.result.stdout.replace(str(run.feedback_page.resolve()), "FEEDBACK PAGE")
    messages = [q["message"] for q in run.progress_entry["questions"]]
    page = page_text(run.feedback_page)
    for form in sorted(forms):
        shown = re.compile(rf"(?<![\w.,]){re.escape(form)}(?![\w]|[.,]\d)")
        assert not shown.search(printed), f"{form} is in the printed report"
        assert not any(shown.search(message) for message in messages), f"{form} is in a message"
        assert not shown.search(page), f"{form} is on the feedback page"


def test_feedback_pages_show_no_hidden_test_or_traceback(checked, course_copy):
    """Does no feedback page, right, partly right or blank, show hidden test code, the names only
    hidden tests use, or a traceback?"""
    solution = (course_copy / "solutions" / LESSON_ID / f"{LESSON_ID}.ipynb").read_text(encoding="utf-8")
    hidden = "\n".join(
        region
        for cell in nbformat.reads(solution, as_version=4).cells
        for region in regions(cell.source, "hidden tests")
    )
    hidden_names = set(re.findall(r"(?<!\w)_[a-z]\w*", hidden))
    assert "_posts" in hidden_names
    for case, run in checked.items():
        page = page_text(run.feedback_page)
        for text in ["BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "grade(", "mistakes=", "expected="]:
            assert text not in page, f"{case}: {text!r} is on the feedback page"
        for name in sorted(hidden_names):
            assert not re.search(rf"(?<!\w){name}\b", page), f"{case}: {name} is on the feedback page"
        assert "Traceback (most recent call last)" not in page, case
        assert "---->" not in page, case


def test_the_learners_notebook_is_never_changed(checked):
    """After a check, is the learner's notebook byte for byte what it was, and its mtime unchanged?"""
    for case, run in checked.items():
        assert run.notebook.read_bytes() == run.before, case
        assert run.notebook.stat().st_mtime_ns == run.mtime_ns, case


def test_progress_records_the_last_check(checked, course_copy):
    """Does each check record the lesson's score in .course/progress.json, and does `course progress`
    then show the last one?"""
    assert [run.progress_entry["score"] for run in checked.values()] == [0.0, 10.0, 3.0]
    entry = checked["partly"].progress_entry
    assert (entry["score"], entry["max_score"]) == (3.0, 10.0)
    statuses = {q["id"]: q["status"] for q in entry["questions"]}
    assert statuses == {q: status for q, (_, _, status) in PARTLY_RIGHT_GRADES.items()}

    result = course_command("progress", cwd=course_copy)
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith(LESSON_ID))
    assert "3 / 10" in row and "2 of 6" in row, result.stdout
    assert re.search(r"\(1 of \d+ lessons checked\)", result.stdout), result.stdout


# --- Notebooks that can't be graded: a clear message, exit code 2, no traceback ------------------


def _cell_number(nb, grade_id: str) -> int:
    """The 1-based number of a graded cell, as the messages count cells."""
    return next(
        n
        for n, cell in enumerate(nb.cells, 1)
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )


def _without(nb, grade_id: str):
    nb = nbformat.from_dict(nb)
    nb.cells = [cell for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade_id") != grade_id]
    return nb


def _duplicated(nb, grade_id: str):
    nb = nbformat.from_dict(nb)
    index = _cell_number(nb, grade_id) - 1
    copy = nbformat.from_dict(nb.cells[index])
    copy.id = f"{copy.id}-copy"
    nb.cells.insert(index + 1, copy)
    return nb


def _renamed(nb, grade_id: str, new_id: str):
    nb = nbformat.from_dict(nb)
    cells_by_grade_id(nb)[grade_id].metadata.nbgrader.grade_id = new_id
    return nb


def _turned_markdown(nb, grade_id: str):
    """As JupyterLab's cell-type menu does it: the cell keeps its source and metadata, loses its outputs."""
    nb = nbformat.from_dict(nb)
    index = _cell_number(nb, grade_id) - 1
    cell = nb.cells[index]
    nb.cells[index] = nbformat.v4.new_markdown_cell(cell.source, id=cell.id, metadata=cell.metadata)
    return nb


def _broken(case: str, lesson_nb) -> tuple[str, str, list[str]]:
    """A broken notebook: (file name, its text, what the message must say)."""
    lesson = notebooks.dumps(lesson_nb)
    ex3 = _cell_number(lesson_nb, "ex3_check")
    if case == "not JSON":
        return (
            f"{LESSON_ID}.ipynb",
            lesson[: len(lesson) // 2],
            ["not valid JSON", "Revert", ".ipynb_checkpoints"],
        )
    if case == "JSON, not a notebook":
        return "notes.ipynb", '{"title": "my notes"}', ["not a Jupyter notebook", "Check the path"]
    if case == "cells that are not cells":
        return f"{LESSON_ID}.ipynb", '{"cells": [1, 2]}', ["not a Jupyter notebook", "Revert"]
    if case == "not a lesson":
        return (
            "scratch.ipynb",
            notebooks.dumps(nbformat.v4.new_notebook()),
            [
                "not one of the course's lessons",
                f"lessons/{LESSON_ID}/{LESSON_ID}.ipynb",
            ],
        )
    if case == "deleted check cell":
        return (
            f"{LESSON_ID}.ipynb",
            notebooks.dumps(_without(lesson_nb, "ex3_check")),
            [
                "ex3_check is missing",
                "copy that cell back",
            ],
        )
    if case == "deleted check cell, renamed copy":
        return (
            f"{LESSON_ID}-Copy2.ipynb",
            notebooks.dumps(_without(lesson_nb, "ex3_check")),
            [
                "ex3_check is missing",
                "copy that cell back",
            ],
        )
    if case == "duplicated check cell":
        return (
            f"{LESSON_ID}.ipynb",
            notebooks.dumps(_duplicated(lesson_nb, "ex3_check")),
            [
                f"ex3_check appears 2 times (cells {ex3} and {ex3 + 1})",
                "Delete the extra copies",
            ],
        )
    if case == "renamed grade_id":
        return (
            f"{LESSON_ID}.ipynb",
            notebooks.dumps(_renamed(lesson_nb, "ex3_check", "ex3_mine")),
            [
                f"cell {ex3} is marked as a graded cell 'ex3_mine', which lesson {LESSON_ID} doesn't have",
                "ex3_check is missing",
            ],
        )
    if case == "code cell turned markdown":
        answer = _cell_number(lesson_nb, "ex3_answer")
        return (
            f"{LESSON_ID}.ipynb",
            notebooks.dumps(_turned_markdown(lesson_nb, "ex3_answer")),
            [
                f"cell {answer} (ex3_answer) should be a code cell but is a markdown cell",
                "Change it back",
            ],
        )
    raise AssertionError(case)


BROKEN = [
    "not JSON",
    "JSON, not a notebook",
    "cells that are not cells",
    "not a lesson",
    "deleted check cell",
    "deleted check cell, renamed copy",
    "duplicated check cell",
    "renamed grade_id",
    "code cell turned markdown",
]


@pytest.mark.parametrize("case", BROKEN)
def test_a_notebook_that_cant_be_graded_gets_a_clear_message(case, course_copy, lesson_nb):
    """Does `course check` refuse a broken notebook with exit code 2 and a message that names the file
    and says what to do, without a traceback, a feedback page or a progress entry?"""
    name, text, expected = _broken(case, lesson_nb)
    folder = course_copy / "broken" / re.sub(r"\W+", "-", case)
    folder.mkdir(parents=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    progress = course_copy / ".course" / "progress.json"
    progress_before = progress.read_bytes() if progress.exists() else None

    result = course_command("check", str(path), cwd=course_copy)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("course check: "), result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert name in result.stderr
    for phrase in expected:
        assert phrase in result.stderr, result.stderr
    assert path.read_text(encoding="utf-8") == text
    assert not list(folder.glob("*.feedback.html"))
    assert (progress.read_bytes() if progress.exists() else None) == progress_before


# --- self_check() in a notebook cell -------------------------------------------------------------


def test_self_check_does_nothing_while_grading(monkeypatch, course_copy):
    """While nbgrader grades a lesson (the guard variable set), does self_check() only say so?"""
    monkeypatch.setenv(GUARD_VARIABLE, "1")
    notebook = course_copy / "lessons" / LESSON_ID / f"{LESSON_ID}.ipynb"
    assert self_check() == "self_check() does nothing while a notebook is being graded."
    assert self_check(notebook) == "self_check() does nothing while a notebook is being graded."


def test_self_check_asks_which_notebook_outside_jupyter(monkeypatch):
    """Called with no notebook outside a Jupyter kernel (no JPY_SESSION_NAME), does self_check() ask
    for the notebook's path?"""
    monkeypatch.delenv(GUARD_VARIABLE, raising=False)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    with pytest.raises(SubmissionError, match=r"Say which notebook to check, e\.g\. self_check\("):
        self_check()
