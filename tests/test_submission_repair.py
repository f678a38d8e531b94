"""Repairing a submission before nbgrader grades it (likes_to_ledger.submission_repair), on lesson 00.

Every submission is the lesson's student version (lessons/00-orientation/00-orientation.ipynb) changed the
way a student's notebook gets changed, written to a file as JSON as it is (not through nbformat, which
would repair some of it on the way). The last test autogrades repaired notebooks with real nbgrader.
Cells are numbered from 1 in the findings, as in the module: in lesson 00, cell 5 is the setup cell,
cell 13 the prompt of exercise 1, cells 14 and 15 ex1_answer and ex1_check.
"""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path

import nbformat
import pytest
from known_answers import KNOWN_ANSWERS
from lesson_tools import cells_by_grade_id, filled_lesson

from likes_to_ledger import notebooks
from likes_to_ledger.grading import ScratchCourse
from likes_to_ledger.submission_repair import (
    MAX_SUBMISSION_BYTES,
    Repair,
    SubmissionUnreadable,
    repair_submission,
)

LESSON = "00-orientation"
BLANK = (
    "graded as the lesson's blank notebook (every check scores 0); next time, save the notebook in "
    "JupyterLab and submit the .ipynb file it saved"
)
MISSING = "was missing (deleted, or its nbgrader marks removed)"
HANDED_OUT = "put back from the lesson as it was handed out"
NEXT_TIME = "next time, write each answer in its answer cell"


@pytest.fixture(scope="module")
def release(course) -> nbformat.NotebookNode:
    return notebooks.read(course.lesson_notebook(LESSON))


def position(nb, grade_id: str) -> int:
    """The index of a lesson cell in a notebook, by grade id or cell id."""
    for index, cell in enumerate(nb.cells):
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id or cell.get("id") == grade_id:
            return index
    raise KeyError(grade_id)


def grade_id_of(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def layout(nb) -> list[str]:
    """Each cell as its grade id, or its source for an ordinary cell: the shape of a notebook."""
    return [grade_id_of(cell) or cell.source for cell in nb.cells]


def write(path: Path, submission) -> Path:
    if isinstance(submission, bytes):
        path.write_bytes(submission)
    else:
        path.write_text(json.dumps(submission, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def repaired(tmp_path: Path, submission, release) -> Repair:
    """Repair a submission (a notebook or the bytes of a file) and check what must hold of every repair:
    the result validates and holds the source of every cell the student could write in."""
    repair = repair_submission(write(tmp_path / "submitted.ipynb", submission), release)
    nbformat.validate(repair.notebook)
    assert repair.notebook.nbformat == 4
    if not repair.blank:
        locked = {
            grade_id
            for grade_id, cell in cells_by_grade_id(release).items()
            if cell.metadata.nbgrader.get("locked") or not cell.metadata.nbgrader.get("solution")
        }
        student_sources = Counter(
            "".join(cell["source"])
            for cell in submission["cells"]
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") not in locked
        )
        assert not student_sources - Counter(cell.source for cell in repair.notebook.cells)
    return repair


def test_an_untouched_lesson_gives_no_findings(tmp_path, release):
    """Does the untouched lesson come back as it is, with no findings?"""
    repair = repaired(tmp_path, release, release)

    assert (repair.findings, repair.blank) == ([], False)
    assert notebooks.dumps(repair.notebook) == notebooks.dumps(release)


def test_a_lesson_saved_after_running_gives_no_findings(tmp_path, release, course):
    """Does a filled lesson saved after running, with outputs, execution counts, the language's info and
    editor state, give no findings, and come back with every output, count and editor state dropped?"""
    submission = filled_lesson(course, LESSON)
    submission.metadata["language_info"] = {"name": "python", "version": "3.12.3"}
    for count, cell in enumerate(submission.cells, start=1):
        cell.metadata["collapsed"] = False
        cell.metadata["tags"] = ["mine"]
        if cell.cell_type == "code":
            cell.execution_count = count
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="x" * 1000)]

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == []
    assert layout(repair.notebook) == layout(submission)
    assert repair.notebook.metadata == release.metadata
    for cell, release_cell in zip(repair.notebook.cells, release.cells, strict=True):
        assert cell.metadata == release_cell.metadata
        if cell.cell_type == "code":
            assert (cell.outputs, cell.execution_count) == ([], None)


def notebook_json(cells: list[dict], version: int = 4) -> bytes:
    return json.dumps({"nbformat": version, "nbformat_minor": 5, "metadata": {}, "cells": cells}).encode()


def nested(depth: int) -> list:
    """A list in a list in a list..., `depth` deep: deeper than recursive code can follow."""
    value = []
    for _ in range(depth):
        value = [value]
    return value


MARKDOWN = {"cell_type": "markdown", "metadata": {}, "source": "# hello"}
UNREADABLE = {
    "empty": (b"", "the file is empty"),
    "png": (b"\x89PNG\r\n\x1a\n", "the file is not UTF-8 text (byte 0x89 at position 0)"),
    "latin-1": (
        '{"cells": ["café"]}'.encode("latin-1"),
        "the file is not UTF-8 text (byte 0xe9 at position 15)",
    ),
    "broken JSON": (
        b'{\n "cells": [\n  {"cell_type": "code",}\n ]\n}',
        "the file is not valid JSON (Expecting property name enclosed in double quotes at line 3, column 24)",
    ),
    "NaN": (b'{"nbformat": NaN}', "the file is not valid JSON (NaN is not a JSON value)"),
    "too deep": (
        b"[" * 100_000 + b"]" * 100_000,
        "the file is not valid JSON (it is nested too deeply to read)",
    ),
    "a list": (b"[1, 2]", "the file is JSON but not a notebook (it holds a list, not a notebook)"),
    "no cells": (b'{"metadata": {}}', "the file is JSON but not a notebook (it has no list of cells)"),
    "cells of numbers": (
        b'{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [1, 2]}',
        "the file is JSON but not a notebook (it has no list of cells)",
    ),
    "version 3": (
        b'{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": []}',
        "the file is a notebook of format version 3, not 4",
    ),
    "no version": (
        b'{"metadata": {}, "cells": []}',
        "the file is not a notebook of format version 4 (it names no format version)",
    ),
    "heading cell": (
        notebook_json([MARKDOWN, MARKDOWN, {"cell_type": "heading", "metadata": {}, "source": "Hi"}]),
        "cell 3 can't be read: its type 'heading' is not code, markdown or raw",
    ),
    "source of numbers": (
        notebook_json([{**MARKDOWN, "source": [1, 2]}]),
        "cell 1 can't be read: its source is not text",
    ),
    "bad attachment": (
        notebook_json([{**MARKDOWN, "attachments": {"image.png": "not a mime bundle"}}]),
        "cell 1 can't be read: its attachments are not valid ('not a mime bundle' is not of type 'object')",
    ),
    "attachment too deep": (
        notebook_json([{**MARKDOWN, "attachments": {"image.png": {"image/png": nested(900)}}}]),
        "cell 1 can't be read: its attachments are nested too deeply",
    ),
}


@pytest.mark.parametrize("content, problem", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_unreadable_file_is_graded_as_the_blank_lesson(tmp_path, release, content, problem):
    """Is a file that isn't a version-4 notebook graded as a copy of the lesson's own student version,
    with one finding that says what is wrong with it?"""
    repair = repaired(tmp_path, content, release)

    assert repair.blank
    assert repair.findings == [f"{problem}: {BLANK}"]
    assert notebooks.dumps(repair.notebook) == notebooks.dumps(release)
    assert repair.notebook is not release


def test_a_file_too_large_is_graded_as_the_blank_lesson_unread(tmp_path, release):
    """Is a file over the size limit graded as the blank lesson, from its size alone (a sparse file of
    zeros would otherwise be 'not valid JSON')?"""
    path = tmp_path / "huge.ipynb"
    with path.open("wb") as file:
        file.truncate(MAX_SUBMISSION_BYTES + 1)

    repair = repair_submission(path, release)

    assert repair.blank
    assert repair.findings == [
        "the file is 50.0 MB, more than the 50 MB a submission may be: graded as the lesson's blank notebook "
        "(every check scores 0); next time, clear the outputs before you save and submit (Edit → Clear "
        "Outputs of All Cells)"
    ]
    assert notebooks.dumps(repair.notebook) == notebooks.dumps(release)


def test_a_file_that_cannot_be_opened_is_an_error_naming_it(tmp_path, release):
    """Does a missing submission raise an error that names the file and says what to do?"""
    missing = tmp_path / "s001" / f"{LESSON}.ipynb"
    with pytest.raises(
        SubmissionUnreadable, match=re.escape(f"{missing} cannot be opened (No such file")
    ) as error:
        repair_submission(missing, release)
    assert "collect the submissions again" in str(error.value)


@pytest.mark.parametrize("megabytes, findings", [(4.9, []), (6, ["stored outputs of 6.0 MB were dropped"])])
def test_outputs_are_dropped_and_only_large_ones_reported(tmp_path, release, megabytes, findings):
    """Are a code cell's outputs and execution count dropped, with a finding only above 5 MB of them?"""
    submission = copy.deepcopy(release)
    cell = submission.cells[position(release, "c06")]
    cell.execution_count = 3
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="x" * int(megabytes * 1024 * 1024))]

    repair = repaired(tmp_path, submission, release)

    assert [finding.split(" (")[0] for finding in repair.findings] == findings
    assert all(f.endswith("(Edit → Clear Outputs of All Cells)") for f in repair.findings)
    assert notebooks.dumps(repair.notebook) == notebooks.dumps(release)


def test_another_kernel_is_replaced_by_the_lessons(tmp_path, release):
    """Does a notebook that asks for an R kernel get the lesson's kernel, with a finding naming both?"""
    submission = copy.deepcopy(release)
    submission.metadata = {
        "kernelspec": {"name": "ir", "display_name": "R", "language": "R"},
        "language_info": {"name": "R"},
    }

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == ["the notebook asked for kernel 'ir'; graded with the lesson's Python 3 kernel"]
    assert repair.notebook.metadata == release.metadata


def test_the_same_kernel_under_another_display_name_is_no_finding(tmp_path, release):
    """Does the lesson's kernel under another display name (another Jupyter) give no finding?"""
    submission = copy.deepcopy(release)
    submission.metadata.kernelspec.display_name = "Python 3"

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == []
    assert repair.notebook.metadata == release.metadata


def test_odd_values_are_named_in_findings_not_printed(tmp_path, release):
    """Are a kernel name that is a list, points nested 900 deep and a grade id of 100 letters named or cut
    short in the findings, and are deep outputs and cell metadata dropped without a word?"""
    submission = json.loads(notebooks.dumps(release))
    submission["metadata"]["kernelspec"]["name"] = ["python3"]
    cells = submission["cells"]
    cells[position(release, "ex1_check")]["metadata"]["nbgrader"]["points"] = nested(900)
    cells[position(release, "ex2_answer")]["metadata"]["nbgrader"]["grade_id"] = "g" * 100
    cells[position(release, "c06")].update(outputs=[{"deep": nested(900)}], metadata={"deep": nested(900)})

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == [
        "the notebook asked for kernel a list; graded with the lesson's Python 3 kernel",
        "the nbgrader marks of cell 15 (ex1_check) were changed (points a list instead of 1): graded with "
        "the lesson's marks",
        f"cell 17 is marked '{'g' * 60}…', which the lesson doesn't have: graded as an ordinary cell",
        f"the answer cell ex2_answer {MISSING}: {HANDED_OUT}, after cell 16; {NEXT_TIME}",
    ]
    assert repair.notebook.cells[position(release, "c06")].metadata == {}


def test_a_grade_id_the_lesson_doesnt_have_becomes_an_ordinary_cell(tmp_path, release):
    """Does a check whose grade id was renamed run as an ordinary cell, with the lesson's check put back
    in its place?"""
    submission = copy.deepcopy(release)
    renamed = submission.cells[position(release, "ex1_check")]
    renamed.metadata.nbgrader.grade_id = "ex1_check_mine"

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == [
        "cell 15 is marked 'ex1_check_mine', which the lesson doesn't have: graded as an ordinary cell",
        f"the check ex1_check {MISSING}: put back from the lesson, after cell 14 (ex1_answer)",
    ]
    expected = layout(release)
    expected.insert(position(release, "ex1_check") + 1, renamed.source)
    assert layout(repair.notebook) == expected
    ordinary = repair.notebook.cells[position(release, "ex1_check") + 1]
    assert ordinary.metadata == {}
    assert (
        repair.notebook.cells[position(release, "ex1_check")] == release.cells[position(release, "ex1_check")]
    )


def test_a_repeated_grade_id_is_kept_on_its_first_cell(tmp_path, release):
    """Does a pasted copy of a check, and a copy of an answer cell holding the student's answer, run as
    ordinary cells after the first of each, which alone keeps its grade id?"""
    submission = copy.deepcopy(release)
    check_copy = copy.deepcopy(submission.cells[position(release, "ex1_check")])
    check_copy.id = "pasted-check"
    answer_copy = copy.deepcopy(submission.cells[position(release, "ex2_answer")])
    answer_copy.id, answer_copy.source = "pasted-answer", "total_reach = 1"
    submission.cells.insert(position(release, "ex2_answer") + 1, answer_copy)  # becomes cell 18
    submission.cells.insert(position(release, "ex1_check") + 1, check_copy)  # becomes cell 16

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == [
        "cell 16 repeats ex1_check (already in cell 15): graded as an ordinary cell",
        "cell 19 repeats ex2_answer (already in cell 18): graded as an ordinary cell",
    ]
    assert (
        layout(repair.notebook)
        == layout(submission)[:15]
        + ['check("ex1")']
        + layout(submission)[16:18]
        + ["total_reach = 1"]
        + layout(submission)[19:]
    )
    assert [repair.notebook.cells[index].metadata for index in (15, 18)] == [{}, {}]
    assert [repair.notebook.cells[index].id for index in (15, 18)] == ["pasted-check", "pasted-answer"]


MISSING_CELLS = {
    "a check": (
        ["ex1_check"],
        [f"the check ex1_check {MISSING}: put back from the lesson, after cell 14 (ex1_answer)"],
    ),
    "an answer cell": (
        ["ex1_answer"],
        [f"the answer cell ex1_answer {MISSING}: {HANDED_OUT}, after cell 13; {NEXT_TIME}"],
    ),
    "the setup cell": (
        ["setup"],
        [f"the locked cell setup {MISSING}: put back from the lesson, after cell 4"],
    ),
    "a written answer": (
        ["written1"],
        [f"the answer cell written1 {MISSING}: {HANDED_OUT}, after cell 37; {NEXT_TIME}"],
    ),
    "an answer and its check": (
        ["ex2_answer", "ex2_check"],
        [
            f"the answer cell ex2_answer {MISSING}: {HANDED_OUT}, after cell 16; {NEXT_TIME}",
            f"the check ex2_check {MISSING}: put back from the lesson, after ex2_answer, put back too",
        ],
    ),
}


@pytest.mark.parametrize("deleted, findings", MISSING_CELLS.values(), ids=MISSING_CELLS.keys())
def test_a_deleted_cell_is_put_back_where_the_lesson_has_it(tmp_path, release, deleted, findings):
    """Is a deleted nbgrader cell put back from the lesson right after the cell that precedes it in the
    lesson, so that the notebook is the lesson again?"""
    submission = copy.deepcopy(release)
    submission.cells = [cell for cell in submission.cells if grade_id_of(cell) not in deleted]

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == findings
    assert notebooks.dumps(repair.notebook) == notebooks.dumps(release)


def test_without_cell_ids_a_deleted_cell_goes_right_after_the_previous_nbgrader_cell(tmp_path, release):
    """In a notebook saved without cell ids (format 4.4), is a deleted answer cell put back right after
    the nbgrader cell before it, so that the student's own answer cells after it run later?"""
    submission = json.loads(notebooks.dumps(release))
    submission["nbformat_minor"] = 4
    for cell in submission["cells"]:
        del cell["id"]
    answer = position(release, "ex1_answer")
    submission["cells"][answer] = nbformat.v4.new_code_cell("n_posts = len(posts)")
    del submission["cells"][answer]["id"]

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == [
        f"the answer cell ex1_answer {MISSING}: put back from the lesson as it was handed out, after cell 5 "
        "(setup); next time, write each answer in its answer cell"
    ]
    expected = layout(release)
    expected[answer] = "n_posts = len(posts)"
    expected.insert(position(release, "setup") + 1, "ex1_answer")
    assert layout(repair.notebook) == expected
    ids = [cell.id for cell in repair.notebook.cells]
    assert len(set(ids)) == len(ids)


def test_graded_cells_out_of_order_are_put_back_in_the_lessons_order(tmp_path, release):
    """Are an exercise's check and answer cells, swapped, put back in the lesson's order, each with the
    ordinary cells that followed it, with one finding?"""
    submission = copy.deepcopy(release)
    answer, check = position(release, "ex2_answer"), position(release, "ex2_check")
    submission.cells[answer], submission.cells[check] = submission.cells[check], submission.cells[answer]
    student_cell = nbformat.v4.new_code_cell("posts.tail()", id="mine")
    submission.cells.insert(check + 1, student_cell)  # after ex2_answer, now in the check's place

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == [
        "graded cells were out of order (ex2_check in cell 17 came before ex2_answer in cell 18): "
        "put back in the lesson's order, each with the cells that followed it"
    ]
    expected = layout(release)
    prompt_of_ex3 = expected.pop(check + 1)
    expected[check:check] = ["posts.tail()", prompt_of_ex3]
    assert layout(repair.notebook) == expected


def test_a_check_turned_into_markdown_is_put_back_whole(tmp_path, release):
    """Is a check cell turned into markdown put back whole from the lesson?"""
    submission = copy.deepcopy(release)
    check = position(release, "ex1_check")
    metadata = release.cells[check].metadata
    submission.cells[check] = nbformat.v4.new_markdown_cell("no thanks", metadata=metadata, id="ex1-check")

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == [
        "cell 15 (ex1_check) was changed from a code cell to a markdown cell: put back from the lesson"
    ]
    assert notebooks.dumps(repair.notebook) == notebooks.dumps(release)


@pytest.mark.parametrize(
    "grade_id, turned_into, number",
    [("ex1_answer", "markdown", 14), ("written1", "code", 38)],
)
def test_an_answer_cell_of_another_type_gets_the_lessons_type_and_keeps_its_text(
    tmp_path, release, grade_id, turned_into, number
):
    """Does an answer cell turned into another type get the lesson's type back, with the student's text?"""
    submission = copy.deepcopy(release)
    index = position(release, grade_id)
    make = nbformat.v4.new_markdown_cell if turned_into == "markdown" else nbformat.v4.new_code_cell
    submission.cells[index] = make("my answer", metadata=release.cells[index].metadata, id="mine")

    repair = repaired(tmp_path, submission, release)

    lesson_type = release.cells[index].cell_type
    assert repair.findings == [
        f"the answer cell {number} ({grade_id}) was changed to a {turned_into} cell: graded as a "
        f"{lesson_type} cell, with its text unchanged; next time, keep it a {lesson_type} cell"
    ]
    cell = repair.notebook.cells[index]
    assert (cell.cell_type, cell.source, cell.metadata, cell.id) == (
        lesson_type,
        "my answer",
        release.cells[index].metadata,
        "mine",
    )


def test_edited_nbgrader_marks_are_replaced_by_the_lessons(tmp_path, release):
    """Do a check given 100 points and unlocked, and an answer cell no longer marked as one, get the
    lesson's nbgrader marks back, with a finding each naming what changed, and a new checksum none?"""
    submission = copy.deepcopy(release)
    check = submission.cells[position(release, "ex1_check")].metadata.nbgrader
    check.update(points=100, locked=False)
    answer = submission.cells[position(release, "ex2_answer")].metadata.nbgrader
    answer.solution = False
    del answer["grade"]  # a missing flag is False to nbgrader: no finding
    submission.cells[position(release, "ex3_check")].metadata.nbgrader.checksum = "0" * 32

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == [
        "the nbgrader marks of cell 15 (ex1_check) were changed (locked False instead of True, points 100 "
        "instead of 1): graded with the lesson's marks",
        "the nbgrader marks of cell 17 (ex2_answer) were changed (solution False instead of True): graded "
        "with the lesson's marks",
    ]
    assert notebooks.dumps(repair.notebook) == notebooks.dumps(release)


def test_an_edited_check_or_locked_cell_gets_the_lessons_source(tmp_path, release):
    """Do an edited check cell and an edited setup cell get the lesson's source back, with a finding each?"""
    submission = copy.deepcopy(release)
    submission.cells[position(release, "setup")].source += "\nimport os"
    submission.cells[position(release, "ex1_check")].source = "pass"

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == [
        "the locked cell 5 (setup) was edited: graded with the lesson's version",
        "the check in cell 15 (ex1_check) was edited: graded with the lesson's check",
    ]
    assert notebooks.dumps(repair.notebook) == notebooks.dumps(release)


def test_cell_ids_are_made_unique_and_valid_without_findings(tmp_path, release):
    """Are missing, repeated, invalid and too long cell ids replaced by valid new ones, the valid ones kept,
    with no finding?"""
    submission = json.loads(notebooks.dumps(release))
    cells = submission["cells"]
    del cells[0]["id"]
    cells[1]["id"] = cells[2]["id"] = "same"
    cells[3]["id"] = "not valid!"
    cells[5]["id"] = "x" * 65
    cells[6]["id"] = 12

    repair = repaired(tmp_path, submission, release)

    assert repair.findings == []
    ids = [cell.id for cell in repair.notebook.cells]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", cell_id) for cell_id in ids)
    assert (ids[1], ids[4]) == ("same", release.cells[4].id)
    assert ids[7:] == [cell.id for cell in release.cells[7:]]


# --- the repaired notebooks through real nbgrader --------------------------------------------------------


def graded_submissions(course) -> dict[str, tuple[nbformat.NotebookNode, dict[str, str]]]:
    """Student -> (submission, the exercises that must score 0): lessons filled with right answers, broken
    the ways plain nbgrader grades wrong or not at all."""
    right = filled_lesson(course, LESSON)
    release = notebooks.read(course.lesson_notebook(LESSON))

    deleted_check = copy.deepcopy(right)
    del deleted_check.cells[position(release, "ex1_check")]

    duplicated_check = copy.deepcopy(right)
    pasted = copy.deepcopy(duplicated_check.cells[position(release, "ex3_check")])
    pasted.id = "pasted"
    duplicated_check.cells.insert(position(release, "ex3_check") + 1, pasted)

    renamed_check = copy.deepcopy(right)
    renamed_check.cells[position(release, "ex2_check")].metadata.nbgrader.grade_id = "my_check"

    # A wrong answer whose check was edited to pass: the lesson's check must score it 0.
    wrong_answer = next(iter(KNOWN_ANSWERS[LESSON]["ex4"]["wrong"].values()))
    edited_check = filled_lesson(course, LESSON, replace={"ex4": wrong_answer})
    edited_check.cells[position(release, "ex4_check")].source = "pass"

    # The answer cell deleted and the answer written in a new cell in its place: it must count.
    deleted_answer = copy.deepcopy(right)
    answer = position(release, "ex5_answer")
    deleted_answer.cells[answer] = nbformat.v4.new_code_cell(right.cells[answer].source, id="mine")

    return {
        "deleted-check": (deleted_check, set()),
        "duplicated-check": (duplicated_check, set()),
        "renamed-check": (renamed_check, set()),
        "edited-check": (edited_check, {"ex4_check"}),
        "deleted-answer": (deleted_answer, set()),
    }


def test_repaired_notebooks_are_graded_right_by_nbgrader(course, release, tmp_path):
    """Does nbgrader's autograde, on the repaired copies of a lesson filled with right answers whose check
    was deleted, duplicated, renamed or edited (over a wrong answer), or whose answer cell was replaced
    by a cell of the student's, give every check its points, and the wrong answer 0?"""
    scratch = ScratchCourse(course, tmp_path / "course")
    scratch.release(LESSON)
    points = {
        grade_id: float(cell.metadata.nbgrader.points)
        for grade_id, cell in cells_by_grade_id(release).items()
        if grade_id.endswith("_check")
    }
    submissions = graded_submissions(course)
    for student, (submission, _zero) in submissions.items():
        (tmp_path / student).mkdir()
        repair = repaired(tmp_path / student, submission, release)
        assert repair.findings and not repair.blank, student
        scratch.submit(LESSON, student, repair.notebook)

    result = scratch.autograde(LESSON)

    assert result.returncode == 0, result.stdout + result.stderr
    for student, (_submission, zero) in submissions.items():
        scores = {
            grade_id: score.score
            for grade_id, score in scratch.scores(LESSON, student).items()
            if grade_id.endswith("_check")
        }
        assert scores == {grade_id: 0.0 if grade_id in zero else full for grade_id, full in points.items()}, (
            student
        )
