"""GuardedExecute on small notebooks of its own: the wall limit, the output cap and a dying kernel, in a real
kernel (sandboxed where this machine has a sandbox, as `course grade` runs it)."""

from __future__ import annotations

import nbformat
import pytest

from likes_to_ledger import guarded_execute
from likes_to_ledger.guarded_execute import STOPPED_ERROR, GuardedExecute
from likes_to_ledger.sandbox import Limits, SandboxedKernelManager, unavailable_reason


def run(tmp_path, sources: list[str], **settings) -> tuple[nbformat.NotebookNode, list[str]]:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    if unavailable_reason() is None:
        settings.setdefault("kernel_manager_class", SandboxedKernelManager)
    step = GuardedExecute(guard=False, **settings)
    guarded_execute.grading_notes.clear()
    nb, _ = step.preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    return nb, guarded_execute.grading_notes.pop(str(tmp_path))


def errors(cell) -> list[str]:
    return [output.ename for output in cell.outputs if output.output_type == "error"]


def test_a_notebook_past_its_wall_limit_stops_and_the_rest_scores_nothing(tmp_path):
    """Does a notebook that outruns its wall limit stop there, its remaining cells marked as not run?"""
    nb, notes = run(tmp_path, ["import time; time.sleep(1.5)"] * 2 + ["x = 1", "x"], wall_seconds=2)
    assert [errors(cell) for cell in nb.cells] == [[], [], [STOPPED_ERROR], [STOPPED_ERROR]]
    assert "ran longer than its 2-second limit" in nb.cells[2].outputs[0].evalue
    assert notes == [
        "Grading stopped: the notebook ran longer than its 2-second limit; the cells after that were not run "
        "and scored 0."
    ]


def test_a_flood_of_output_is_cut_but_errors_and_stderr_are_kept(tmp_path):
    """Past the output cap, is printed text dropped, while a later cell's error and stderr, which nbgrader
    scores by, are still there?"""
    flood = "for _ in range(3000):\n    print('x' * 999)"
    stderr = "import sys; sys.stderr.write('careful\\n' * 100000)"
    nb, notes = run(tmp_path, [flood, "print('after')", stderr, "1/0"], output_bytes=1024 * 1024)
    kept = sum(len(output.get("text", "")) for output in nb.cells[0].outputs)
    assert 1_000_000 <= kept <= 1024 * 1024 + 200
    assert nb.cells[0].outputs[-1].text.startswith("\n[Output cut here")
    assert nb.cells[1].outputs == []
    assert [output.name for output in nb.cells[2].outputs] == ["stderr"]
    assert len(nb.cells[2].outputs[0].text) <= guarded_execute.KEPT_STDERR_CHARS
    assert errors(nb.cells[3]) == ["ZeroDivisionError"]
    assert notes == ["The notebook printed more than 1 MB; the rest of it was not kept."]


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("import os; os._exit(3)", "the kernel stopped (exit code 3): the notebook's own code ended it"),
        ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", "the kernel was killed (out of memory?)"),
    ],
    ids=["exits", "killed"],
)
def test_a_kernel_that_dies_is_named_and_the_cells_after_it_are_not_run(tmp_path, source, reason):
    """When the notebook's kernel dies, does grading carry on with every later cell marked as not run,
    saying why the kernel died?"""
    nb, notes = run(tmp_path, ["x = 1", source, "x"])
    assert [errors(cell) for cell in nb.cells] == [[], [STOPPED_ERROR], [STOPPED_ERROR]]
    assert notes == [f"Grading stopped: {reason}; the cells after that were not run and scored 0."]


@pytest.mark.skipif(unavailable_reason() is not None, reason="only the sandbox limits CPU time")
def test_a_kernel_out_of_cpu_time_is_stopped_and_named(tmp_path):
    """Is a kernel that spins past its CPU-time limit killed, with the limit named?"""
    from traitlets.config import Config

    config = Config({"SandboxedKernelManager": {"limits": Limits(cpu_seconds=3)}})
    nb, notes = run(tmp_path, ["x = 1", "while True:\n    pass", "x"], config=config, timeout=60)
    assert [errors(cell) for cell in nb.cells] == [[], [STOPPED_ERROR], [STOPPED_ERROR]]
    assert notes == [
        "Grading stopped: the kernel used up its 3 seconds of CPU time; the cells after that were not run "
        "and scored 0."
    ]


def test_an_endless_cell_is_interrupted_and_the_notebook_goes_on(tmp_path):
    """Is a cell past the per-cell timeout interrupted, named in a remark, and the next cell run?"""
    nb, notes = run(tmp_path, ["x = 1", "while True:\n    pass", "x + 1"], timeout=2)
    assert errors(nb.cells[1])[0] == "KeyboardInterrupt"
    assert nb.cells[2].outputs[0].data["text/plain"] == "2"
    assert notes == [
        "Cell 2 ran longer than 2 seconds and was interrupted; the notebook went on from the next cell."
    ]
