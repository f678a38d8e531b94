"""Reading, writing and cleaning course notebooks, and reading their nbgrader cells."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from likes_to_ledger.errors import CourseError

# One naming pattern for nbgrader cells: the read-only setup cell, the answer and check
# cell of exercise N, and written answer N (graded by hand).
GRADE_ID_PATTERN = re.compile(r"^(setup|ex\d+_(answer|check)|written\d+)$")

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

# Cell metadata that carries meaning for grading; everything else is editor state.
KEPT_CELL_METADATA = ("nbgrader", "deletable", "editable")


class NotebookError(CourseError, ValueError):
    """A notebook cannot be read or breaks a course rule; the message names the file."""


@dataclass(frozen=True)
class GradedCell:
    grade_id: str
    kind: str  # "autograded" (a test cell) or "manual" (an answer graded by hand)
    points: float


def read(path: Path) -> nbformat.NotebookNode:
    try:
        return nbformat.read(path, as_version=4)
    except FileNotFoundError:
        raise NotebookError(f"{path} does not exist.") from None
    except Exception as error:  # nbformat raises several JSON and schema errors
        raise NotebookError(f"{path} is not a readable notebook: {error}") from None


def dumps(nb: nbformat.NotebookNode) -> str:
    """The one serialisation of notebooks in this repository (stable, so diffs stay small)."""
    return nbformat.writes(nb) + "\n"


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    path.write_text(dumps(nb), encoding="utf-8", newline="\n")


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip outputs, execution counts and editor metadata; keep nbgrader's metadata."""
    nb = nbformat.from_dict(nb)
    nb.metadata = nbformat.from_dict({"kernelspec": dict(KERNELSPEC)})
    for cell in nb.cells:
        cell.metadata = nbformat.from_dict(
            {key: cell.metadata[key] for key in KEPT_CELL_METADATA if key in cell.metadata}
        )
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        if "attachments" in cell and not cell.attachments:
            del cell["attachments"]
    return nb


def nbgrader_cells(nb: nbformat.NotebookNode) -> list[tuple[nbformat.NotebookNode, dict]]:
    """The cells that nbgrader knows about, with their nbgrader metadata."""
    return [(cell, cell.metadata["nbgrader"]) for cell in nb.cells if "nbgrader" in cell.metadata]


def graded_cells(nb: nbformat.NotebookNode) -> list[GradedCell]:
    cells = []
    for _cell, meta in nbgrader_cells(nb):
        if not meta.get("grade"):
            continue
        kind = "manual" if meta.get("solution") else "autograded"
        cells.append(GradedCell(meta["grade_id"], kind, float(meta.get("points", 0))))
    return cells


def execute(
    nb: nbformat.NotebookNode,
    folder: Path,
    allow_errors: bool = False,
    env: dict[str, str] | None = None,
    timeout: int = 120,
) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel whose working folder is `folder`; return the copy.

    `env` adds variables to the kernel's environment.
    """
    import os

    import nbclient  # imported here: reading and cleaning notebooks doesn't need a kernel

    nb = nbformat.from_dict(nb)
    client = nbclient.NotebookClient(
        nb,
        kernel_name=KERNELSPEC["name"],
        timeout=timeout,
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute(env={**os.environ, **(env or {})})
    return nb
