"""What a learner's feedback page shows: the visible checks and their messages, never the hidden tests.

nbgrader's generate_feedback shows the whole autograded notebook, hidden test code and the tracebacks
that quote it included (nbgrader #917). grader_config.py adds HideHiddenTests to its preprocessors.
"""

from __future__ import annotations

from nbgrader import utils
from nbgrader.preprocessors import ClearHiddenTests


class HideHiddenTests(ClearHiddenTests):
    """Remove hidden test regions from test cells, and cut their tracebacks to the error's last line.

    A traceback quotes the source line that failed, which may be a hidden test; the last line is
    our checks' message (NotYetRight: ...), written never to reveal an expected value.
    """

    def preprocess_cell(self, cell, resources, cell_index):
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        if cell.cell_type == "code" and utils.is_grade(cell) and not utils.is_solution(cell):
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    output.traceback = [f"{output.ename}: {output.evalue}"]
        return cell, resources
