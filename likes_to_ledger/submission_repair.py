"""Reading a submitted notebook and repairing it, so that nbgrader grades every submission.

`course grade` never hands nbgrader the file a student submitted: it grades the repaired copy made here
(the original in submitted/ is never changed). Plain nbgrader scores a deleted check cell 0 without a
word, and stops with a traceback on a renamed grade id, a duplicated check cell or a file that isn't JSON.
Here each of those becomes a notebook nbgrader can grade, and a plain sentence for the grading report:

- a file that can't be read as a notebook is graded as the lesson's own student version (every check
  scores 0), with the reason;
- outputs and execution counts are dropped (nbgrader runs every cell again), and so is editor state in
  the metadata; the kernel is the lesson's;
- the lesson's nbgrader cells (the cells with a grade id) are all there, once each, in the lesson's order,
  with the lesson's nbgrader metadata, and the locked ones with the lesson's source; every other cell
  keeps its source and its place after the nbgrader cell it followed.

Cells are numbered from 1, as a reader counts them in the submitted file.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.corpus.words import generate_corpus_id

from likes_to_ledger.errors import CourseError

MAX_SUBMISSION_BYTES = 50 * 1024 * 1024
# Stored outputs above this size are worth a word in the report: they made the file heavy for nothing.
REPORTED_OUTPUT_BYTES = 5 * 1024 * 1024
MEGABYTE = 1024 * 1024

CELL_TYPES = ("code", "markdown", "raw")
CELL_ID = re.compile(r"[a-zA-Z0-9_-]{1,64}")  # nbformat 4.5's schema for cell ids
# The nbgrader marks that decide how a cell is graded; the others (checksum, schema_version) are
# nbgrader's bookkeeping.
GRADING_MARKS = ("grade", "solution", "locked", "points", "cell_type")
BLANK = "graded as the lesson's blank notebook (every check scores 0)"
RESUBMIT = "save the notebook in JupyterLab and submit the .ipynb file it saved"
CLEAR_OUTPUTS = "clear the outputs before you save and submit (Edit → Clear Outputs of All Cells)"


class SubmissionUnreadable(CourseError, OSError):
    """The submitted file itself cannot be opened (missing, a folder, no permission): not the student's
    doing, so it is raised rather than graded."""


@dataclass(frozen=True)
class Repair:
    notebook: nbformat.NotebookNode  # what nbgrader grades (nbformat v4, validates)
    findings: list[str]  # one plain sentence each, for the grading report
    blank: bool = False  # True: the file could not be read as a notebook; `notebook` is the lesson's own


class _Unreadable(Exception):
    """The file is not a notebook: why, and what to do next time, for the finding."""

    def __init__(self, problem: str, advice: str = RESUBMIT):
        super().__init__(problem)
        self.problem, self.advice = problem, advice


@dataclass
class _Cell:
    """A submitted cell as read, or a cell put back from the lesson (number None)."""

    number: int | None
    cell_type: str
    source: str
    metadata: dict
    cell_id: object = None
    attachments: dict | None = None
    grade_id: str | None = None  # set when the cell is kept as the lesson's nbgrader cell of that id


@dataclass
class _Group:
    """An nbgrader cell of the result (None: the top of the notebook) and the ordinary cells after it."""

    head: _Cell | None
    followers: list[_Cell] = field(default_factory=list)


def repair_submission(path: Path, release: nbformat.NotebookNode) -> Repair:
    """Read a submitted notebook and return the copy nbgrader should grade, with what was repaired.

    `release` is the lesson's student version (lessons/<id>/<id>.ipynb as nbgrader generated it).
    Raises SubmissionUnreadable when the file can't be opened at all (missing, a folder, no permission).
    """
    try:
        raw, output_bytes = _read_notebook_json(path)
        cells = _read_cells(raw["cells"])
    except _Unreadable as unreadable:
        finding = f"{unreadable.problem}: {BLANK}; next time, {unreadable.advice}"
        return Repair(copy.deepcopy(release), [finding], blank=True)

    findings = _kernel_findings(raw.get("metadata"), release)
    if output_bytes > REPORTED_OUTPUT_BYTES:
        findings.append(
            f"stored outputs of {output_bytes / MEGABYTE:.1f} MB were dropped (grading runs every cell "
            f"again); next time, {CLEAR_OUTPUTS}"
        )
    release_cells = _release_nbgrader_cells(release)
    kept, cell_findings = _mark_nbgrader_cells(cells, release_cells)
    findings += cell_findings
    findings += _order_findings(cells, kept, release_cells)
    result_cells, put_back_findings = _in_lesson_order(cells, kept, release)
    findings += put_back_findings

    notebook = nbformat.v4.new_notebook(
        cells=_notebook_cells(result_cells), metadata=copy.deepcopy(release.metadata)
    )
    nbformat.validate(notebook)
    return Repair(notebook, findings)


# ---------------------------------------------------------------------------------------------- reading


def _read_notebook_json(path: Path) -> tuple[dict, int]:
    """The notebook's JSON with outputs and execution counts dropped, and how many bytes of outputs it had."""
    try:
        size = path.stat().st_size
        if size > MAX_SUBMISSION_BYTES:  # before reading: a huge file must not cost its size in memory
            raise _Unreadable(
                f"the file is {size / MEGABYTE:.1f} MB, more than the {MAX_SUBMISSION_BYTES // MEGABYTE} MB "
                "a submission may be",
                advice=CLEAR_OUTPUTS,
            )
        data = path.read_bytes()
    except OSError as error:
        raise SubmissionUnreadable(
            f"{path} cannot be opened ({error.strerror or error}): check that the submission is a file you "
            "may read, or collect the submissions again."
        ) from None
    if not data.strip():
        raise _Unreadable("the file is empty")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise _Unreadable(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} at position {error.start})"
        ) from None
    del data
    try:
        raw = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise _Unreadable(
            f"the file is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    except ValueError as error:  # NaN or Infinity, or an integer of thousands of digits
        raise _Unreadable(f"the file is not valid JSON ({error})") from None
    except RecursionError:
        raise _Unreadable("the file is not valid JSON (it is nested too deeply to read)") from None
    if not isinstance(raw, dict):
        raise _Unreadable(f"the file is JSON but not a notebook (it holds {_json_kind(raw)}, not a notebook)")
    version = raw.get("nbformat")
    if "nbformat" in raw and not (type(version) is int and version == 4):
        raise _Unreadable(f"the file is a notebook of format version {version!r}, not 4")
    if not isinstance(raw.get("cells"), list) or not all(isinstance(cell, dict) for cell in raw["cells"]):
        raise _Unreadable("the file is JSON but not a notebook (it has no list of cells)")
    if "nbformat" not in raw:
        raise _Unreadable("the file is not a notebook of format version 4 (it names no format version)")

    output_bytes = 0
    for cell in raw["cells"]:
        output_bytes += _stored_size(cell.pop("outputs", []))
        cell.pop("execution_count", None)
    return raw, output_bytes


def _stored_size(value: object) -> int:
    """About how many bytes a JSON value takes in the file: its texts, and a few bytes for anything else.
    Counted without recursion: a value nested a thousand deep must not stop the count."""
    size, pending = 0, [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            size += len(item)
        elif isinstance(item, dict):
            pending += [*item.keys(), *item.values()]
        elif isinstance(item, list):
            pending += item
        else:
            size += 8
    return size


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON value")


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return "a text"
    return "a single value"


def _read_cells(raw_cells: list[dict]) -> list[_Cell]:
    cells = []
    for number, raw in enumerate(raw_cells, start=1):
        cell_type, source = raw.get("cell_type"), raw.get("source")
        if cell_type not in CELL_TYPES:
            raise _Unreadable(
                f"cell {number} can't be read: its type {cell_type!r} is not code, markdown or raw"
            )
        if isinstance(source, list) and all(isinstance(line, str) for line in source):
            source = "".join(source)
        if not isinstance(source, str):
            raise _Unreadable(f"cell {number} can't be read: its source is not text")
        metadata = raw.get("metadata")
        cell = _Cell(number, cell_type, source, metadata if isinstance(metadata, dict) else {}, raw.get("id"))
        if cell_type != "code" and "attachments" in raw:
            cell.attachments = raw["attachments"]
            try:
                nbformat.validate(_notebook_cell(cell, "x"), ref=f"{cell_type}_cell", version=4)
            except nbformat.ValidationError as error:
                raise _Unreadable(
                    f"cell {number} can't be read: its attachments are not valid ({error.message})"
                ) from None
            except RecursionError:
                raise _Unreadable(
                    f"cell {number} can't be read: its attachments are nested too deeply"
                ) from None
        cells.append(cell)
    return cells


# ---------------------------------------------------------------------------------------------- repairs


def _kernel_findings(metadata: object, release: nbformat.NotebookNode) -> list[str]:
    """A finding when the notebook asked for another kernel (the result always gets the lesson's)."""
    kernelspec = metadata.get("kernelspec") if isinstance(metadata, dict) else None
    asked = kernelspec.get("name") if isinstance(kernelspec, dict) else None
    lesson_kernel = release.metadata.kernelspec
    if asked is None or asked == lesson_kernel.name:
        return []
    label = lesson_kernel.display_name.split(" (")[0]  # "Python 3 (ipykernel)" -> "Python 3"
    return [f"the notebook asked for kernel {_quoted(asked)}; graded with the lesson's {label} kernel"]


def _release_nbgrader_cells(release: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    """The lesson's nbgrader cells by grade id, in the lesson's order."""
    return {
        cell.metadata.nbgrader.grade_id: cell
        for cell in release.cells
        if "grade_id" in cell.metadata.get("nbgrader", {})
    }


def _is_locked(release_cell: nbformat.NotebookNode) -> bool:
    """Locked cells and test cells: their source is the lesson's, whatever the student did."""
    marks = release_cell.metadata.nbgrader
    return bool(marks.get("locked") or (marks.get("grade") and not marks.get("solution")))


def _mark_nbgrader_cells(
    cells: list[_Cell], release_cells: dict[str, nbformat.NotebookNode]
) -> tuple[dict[str, _Cell], list[str]]:
    """Keep the first submitted cell of each of the lesson's grade ids, repaired to the lesson's marks
    (and source, when locked); every other cell becomes ordinary. Returns the kept cells by grade id."""
    kept: dict[str, _Cell] = {}
    findings = []
    for cell in cells:
        marks = cell.metadata.get("nbgrader")
        grade_id = marks.get("grade_id") if isinstance(marks, dict) else None
        if grade_id is None:
            pass
        elif not isinstance(grade_id, str) or grade_id not in release_cells:
            findings.append(
                f"cell {cell.number} is marked {_quoted(grade_id)}, which the lesson doesn't have: "
                "graded as an ordinary cell"
            )
        elif grade_id in kept:
            findings.append(
                f"cell {cell.number} repeats {grade_id} (already in cell {kept[grade_id].number}): "
                "graded as an ordinary cell"
            )
        else:
            kept[grade_id] = cell
            findings += _repair_nbgrader_cell(cell, release_cells[grade_id])
            continue
        cell.metadata = {}  # an ordinary cell: its editor state and stray nbgrader marks are dropped
    return kept, findings


def _repair_nbgrader_cell(cell: _Cell, release_cell: nbformat.NotebookNode) -> list[str]:
    """Give a kept nbgrader cell the lesson's type, marks and (when locked) source; say what changed."""
    lesson_marks = release_cell.metadata.nbgrader
    submitted_marks = cell.metadata["nbgrader"]
    name = f"cell {cell.number} ({lesson_marks.grade_id})"
    locked = _is_locked(release_cell)
    findings = []
    cell.grade_id = lesson_marks.grade_id
    cell.metadata = copy.deepcopy(dict(release_cell.metadata))
    submitted_type = cell.cell_type
    if submitted_type != release_cell.cell_type:
        cell.cell_type = release_cell.cell_type
        if cell.cell_type == "code":
            cell.attachments = None
        if locked:
            findings.append(
                f"{name} was changed from a {release_cell.cell_type} cell to a {submitted_type} cell: "
                "put back from the lesson"
            )
        else:
            findings.append(
                f"the answer {name} was changed to a {submitted_type} cell: graded as a "
                f"{release_cell.cell_type} cell, with its text unchanged; next time, keep it a "
                f"{release_cell.cell_type} cell"
            )
    changed = [
        f"{mark} {_quoted(_mark(submitted_marks, mark))} instead of {_quoted(_mark(lesson_marks, mark))}"
        for mark in GRADING_MARKS
        if _mark(submitted_marks, mark) != _mark(lesson_marks, mark)
    ]
    if changed:
        findings.append(
            f"the nbgrader marks of {name} were changed ({', '.join(changed)}): "
            "graded with the lesson's marks"
        )
    if locked:
        edited = cell.source != release_cell.source
        cell.source = release_cell.source
        cell.attachments = copy.deepcopy(release_cell.get("attachments"))
        if edited and submitted_type == release_cell.cell_type:
            if lesson_marks.get("grade"):
                findings.append(f"the check in {name} was edited: graded with the lesson's check")
            else:
                findings.append(f"the locked {name} was edited: graded with the lesson's version")
    return findings


def _mark(marks: dict, name: str) -> object:
    """One nbgrader mark; a flag nbgrader doesn't find counts as False, as nbgrader reads it."""
    return marks.get(name, False) if name in ("grade", "solution", "locked") else marks.get(name)


def _quoted(value: object) -> str:
    """A value the student wrote, as a finding shows it: texts quoted and cut short, lists and objects
    named (their repr could be megabytes long, or too deep for repr)."""
    if isinstance(value, str):
        return f"'{value[:60]}…'" if len(value) > 60 else f"'{value}'"
    if isinstance(value, (list, dict)):
        return _json_kind(value)
    return repr(value)


def _order_findings(
    cells: list[_Cell], kept: dict[str, _Cell], release_cells: dict[str, nbformat.NotebookNode]
) -> list[str]:
    """One finding when the kept nbgrader cells came in another order than the lesson's."""
    submitted = [cell.grade_id for cell in cells if cell.grade_id is not None]
    lesson_order = [grade_id for grade_id in release_cells if grade_id in kept]
    for early, expected in zip(submitted, lesson_order, strict=True):
        if early != expected:
            return [
                f"graded cells were out of order ({early} in cell {kept[early].number} came before "
                f"{expected} in cell {kept[expected].number}): put back in the lesson's order, each with "
                "the cells that followed it"
            ]
    return []


def _in_lesson_order(
    cells: list[_Cell],
    kept: dict[str, _Cell],
    release: nbformat.NotebookNode,
) -> tuple[list[_Cell], list[str]]:
    """The lesson's nbgrader cells in the lesson's order, each followed by the ordinary cells it had in
    the submission, with the missing ones put back from the lesson."""
    followers: dict[str | None, list[_Cell]] = {None: []}
    current = None
    for cell in cells:
        if cell.grade_id is None:
            followers[current].append(cell)
        else:
            current = cell.grade_id
            followers[current] = []
    groups = [_Group(None, followers[None])]
    findings = []
    for position, release_cell in enumerate(release.cells):
        grade_id = release_cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id is None:
            continue
        if grade_id in kept:
            groups.append(_Group(kept[grade_id], followers[grade_id]))
            continue
        previous = groups[-1]
        split, where = _put_back_place(previous, release.cells[position - 1] if position else None)
        put_back = _Cell(
            None,
            release_cell.cell_type,
            release_cell.source,
            copy.deepcopy(dict(release_cell.metadata)),
            release_cell.get("id"),
            copy.deepcopy(release_cell.get("attachments")),
            grade_id,
        )
        groups.append(_Group(put_back, previous.followers[split:]))
        previous.followers = previous.followers[:split]
        findings.append(_put_back_finding(grade_id, release_cell, where))
    result = []
    for group in groups:
        result += ([group.head] if group.head else []) + group.followers
    return result, findings


def _put_back_place(previous: _Group, lesson_cell_before: nbformat.NotebookNode | None) -> tuple[int, str]:
    """Where a missing cell goes among the cells after the previous nbgrader cell: right after the cell
    that precedes it in the lesson, found by its cell id, else right after the previous nbgrader cell.
    Returns the position among the followers and the words that say where."""
    if lesson_cell_before is not None and "nbgrader" not in lesson_cell_before.metadata:
        for position, cell in enumerate(previous.followers):
            if cell.cell_id is not None and cell.cell_id == lesson_cell_before.get("id"):
                return position + 1, f"after cell {cell.number}"
    head = previous.head
    if head is None:
        return 0, "at the top of the notebook"
    if head.number is None:
        return 0, f"after {head.grade_id}, put back too"
    return 0, f"after cell {head.number} ({head.grade_id})"


def _put_back_finding(grade_id: str, release_cell: nbformat.NotebookNode, where: str) -> str:
    marks = release_cell.metadata.nbgrader
    if marks.get("solution"):
        what = "the answer cell"
        done = "put back from the lesson as it was handed out"
        advice = "; next time, write each answer in its answer cell"
    elif marks.get("grade"):
        what, done, advice = "the check", "put back from the lesson", ""
    else:
        what, done, advice = "the locked cell", "put back from the lesson", ""
    return f"{what} {grade_id} was missing (deleted, or its nbgrader marks removed): {done}, {where}{advice}"


# ------------------------------------------------------------------------------------------ the notebook


def _notebook_cells(cells: list[_Cell]) -> list[nbformat.NotebookNode]:
    """The nbformat cells, each with a valid id of its own (the submitted one when it is)."""
    used: set[str] = set()
    result = []
    for cell in cells:
        cell_id = cell.cell_id
        if not isinstance(cell_id, str) or not CELL_ID.fullmatch(cell_id) or cell_id in used:
            cell_id = generate_corpus_id()
            while cell_id in used:
                cell_id = generate_corpus_id()
        used.add(cell_id)
        result.append(_notebook_cell(cell, cell_id))
    return result


def _notebook_cell(cell: _Cell, cell_id: str) -> nbformat.NotebookNode:
    make = {
        "code": nbformat.v4.new_code_cell,
        "markdown": nbformat.v4.new_markdown_cell,
        "raw": nbformat.v4.new_raw_cell,
    }[cell.cell_type]
    new = make(source=cell.source, metadata=nbformat.from_dict(cell.metadata), id=cell_id)
    if cell.attachments is not None:
        new.attachments = nbformat.from_dict(cell.attachments)
    return new
