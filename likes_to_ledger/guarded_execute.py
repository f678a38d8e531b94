"""nbgrader's Execute step, hardened for notebooks nobody has vetted.

It runs the notebook exactly as nbgrader's `Execute` does, and also:
- keeps at most `output_bytes` of output per notebook (a print loop can't fill the grader's memory), but
  always keeps each cell's errors and the start of its stderr, which nbgrader scores by;
- stops after `wall_seconds`, and when the kernel dies (CPU limit, `os._exit`, ...): the cells not run get
  an error saying why, so their checks score 0 and the rest of the notebook is still graded;
- runs the in-kernel guard (kernel_guard.py) before each check, which undoes monkeypatching of what the
  checks rely on (builtins, IPython's error display, the course's checks module, ...).
What it noticed is kept in `grading_notes` under the notebook's path, for the grading report.
"""

from __future__ import annotations

import signal
import time
from queue import Empty

from jupyter_core.utils import run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer

from likes_to_ledger import kernel_guard

# Notes per executed notebook (its folder), read by the caller after nbgrader's autograde returns.
grading_notes: dict[str, list[str]] = {}

STOPPED_ERROR = "GradingStopped"
KEPT_STDERR_CHARS = 1000
KEPT_TRACEBACK_CHARS = 5000


def _text_size(msg: dict) -> int:
    content = msg.get("content", {})
    if msg["msg_type"] == "stream":
        return len(content.get("text", ""))
    if msg["msg_type"] in ("display_data", "execute_result", "update_display_data"):
        return sum(len(str(value)) for value in content.get("data", {}).values())
    return 0


class GuardedExecute(Execute):
    """See the module docstring. Configured by `course grade` and `course check`, not in grader_config.py,
    so that nbgrader's own commands (and the learner's Validate button) behave as they always have."""

    wall_seconds = Integer(300, help="seconds the whole notebook may run").tag(config=True)
    output_bytes = Integer(2 * 1024 * 1024, help="characters of output kept per notebook").tag(config=True)
    guard = Bool(True, help="undo monkeypatching before each check cell").tag(config=True)

    def preprocess(self, nb, resources, km=None):
        self._folder = str(resources.get("metadata", {}).get("path", ""))
        self._notes = grading_notes.setdefault(self._folder, [])
        self._started: float | None = None  # the first cell: a kernel's start-up is not the notebook's time
        self._output_used = 0
        self._output_cut = False
        self._stderr_kept: set[int] = set()
        self._stopped = ""
        self._guard_installed = False
        self._guard_working = True
        return super().preprocess(nb, resources, km=km)

    # ------------------------------------------------------------------------------------------ cells

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        if self._started is None:
            self._started = time.monotonic()
        if not self._stopped and time.monotonic() - self._started > self.wall_seconds:
            self._stop(f"the notebook ran longer than its {self.wall_seconds}-second limit")
        if self._stopped:
            cell.outputs = [self._stopped_output()]
            return cell, resources
        meta = cell.metadata.get("nbgrader", {})
        is_check = meta.get("grade") and not meta.get("solution")
        if self.guard:
            if not self._guard_installed:
                self._guard_installed = True
                self._install_guard()
            if is_check and self._guard_working:
                self._restore(meta.get("grade_id", f"cell {index + 1}"))
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self._stop(self._why_the_kernel_died(), kernel_running=False)
            cell.outputs.append(self._stopped_output())
            return cell, resources
        except CellTimeoutError:  # interrupted, it still ran on (it catches KeyboardInterrupt)
            self._stop(f"a cell ran longer than {self.timeout} seconds and could not be interrupted")
            cell.outputs.append(self._stopped_output())
            return cell, resources
        if any(output.get("ename") == "CellTimeoutError" for output in cell.outputs):
            self._notes.append(
                f"Cell {index + 1} ran longer than {self.timeout} seconds and was interrupted; "
                "the notebook went on from the next cell."
            )
        guarded = self.guard and self._guard_working
        if guarded and meta.get("locked") and not meta.get("grade") and not meta.get("solution"):
            remember = kernel_guard.after_locked_cell(cell.source)
            if remember:
                self._silently(remember)
        return cell, resources

    def _stop(self, reason: str, kernel_running: bool = True) -> None:
        self._stopped = reason
        self._notes.append(f"Grading stopped: {reason}; the cells after that were not run and scored 0.")
        if self.km is not None and kernel_running:  # a runaway kernel is ended, not waited for
            run_sync(self.km.shutdown_kernel)(now=True)

    def _stopped_output(self) -> NotebookNode:
        message = f"Not run: {self._stopped}."
        return NotebookNode(output_type="error", ename=STOPPED_ERROR, evalue=message, traceback=[message])

    def _why_the_kernel_died(self) -> str:
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        code = process.poll() if process is not None else None
        limits = getattr(self.km, "limits", None)
        if code in (-signal.SIGXCPU, 128 + signal.SIGXCPU):  # the sandbox's CPU limit, as a rule
            return f"the kernel used up its {f'{limits.cpu_seconds} seconds of ' if limits else ''}CPU time"
        if code in (-signal.SIGKILL, 128 + signal.SIGKILL):
            return "the kernel was killed (out of memory?)"
        if code is None:
            return "the kernel stopped responding"
        return f"the kernel stopped (exit code {code}): the notebook's own code ended it"

    # ----------------------------------------------------------------------------------------- guard

    def _silently(self, code: str, expressions: dict | None = None, timeout: float = 30) -> dict | None:
        """Run code in the kernel without a trace in the notebook; the execute reply's content, or None."""
        if self.kc is None:
            return None
        msg_id = self.kc.execute(
            code, silent=True, store_history=False, user_expressions=expressions or {}, allow_stdin=False
        )
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                reply = run_sync(self.kc.shell_channel.get_msg)(timeout=left)
            except Empty:
                break
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                return reply["content"]
        return None

    def _install_guard(self) -> None:
        reply = self._silently(kernel_guard.INSTALL_CODE)
        if reply is None or reply.get("status") != "ok":
            # Said once, plainly, rather than as a "guard removed" remark before every check.
            self._guard_working = False
            why = "no reply" if reply is None else f"{reply.get('ename')}: {reply.get('evalue')}"
            self._notes.append(f"The grading guard could not start ({why}); checks ran unguarded.")

    def _restore(self, grade_id: str) -> None:
        reply = self._silently(
            kernel_guard.RESTORE_CODE, {kernel_guard.RESTORED_EXPRESSION: kernel_guard.RESTORED_EXPRESSION}
        )
        if reply is None:
            return  # the kernel is busy or gone: the check itself will time out or fail
        restored = kernel_guard.restored_from_reply(reply)
        if restored:
            self._notes.append(
                f"Before {grade_id}, the notebook had changed what the checks rely on; put back: "
                + ", ".join(restored)
                + "."
            )

    # ---------------------------------------------------------------------------------------- output

    def output(self, outs, msg, display_id, cell_index):
        msg_type = msg["msg_type"]
        if msg_type == "error":  # always kept (nbgrader scores by it), its traceback shortened
            content = msg["content"]
            traceback, kept = [], 0
            for line in content.get("traceback", []):
                if kept + len(line) > KEPT_TRACEBACK_CHARS:
                    traceback.append("… (traceback shortened)")
                    break
                traceback.append(line)
                kept += len(line)
            content["traceback"] = traceback
            return super().output(outs, msg, display_id, cell_index)
        size = _text_size(msg)
        room = self.output_bytes - self._output_used
        if size <= room:
            self._output_used += size
            return super().output(outs, msg, display_id, cell_index)
        is_stream = msg_type == "stream"
        if is_stream and room > 0:  # what fits of it is kept
            msg["content"]["text"] = msg["content"]["text"][:room]
            self._output_used = self.output_bytes
            super().output(outs, msg, display_id, cell_index)
        elif is_stream and msg["content"].get("name") == "stderr" and cell_index not in self._stderr_kept:
            # nbgrader scores a check that writes to stderr as failed: keep that fact, not the flood.
            msg["content"]["text"] = msg["content"]["text"][:KEPT_STDERR_CHARS]
            super().output(outs, msg, display_id, cell_index)
        if is_stream and msg["content"].get("name") == "stderr":
            self._stderr_kept.add(cell_index)
        if not self._output_cut:
            self._output_cut = True
            limit = self.output_bytes // (1024 * 1024)
            self._notes.append(f"The notebook printed more than {limit} MB; the rest of it was not kept.")
            outs.append(
                NotebookNode(
                    output_type="stream",
                    name="stdout",
                    text=f"\n[Output cut here: this notebook printed more than {limit} MB.]\n",
                )
            )
        return None


def configure(config, sandbox: bool, limits=None) -> None:
    """Make nbgrader's autograde (in this process) run notebooks with GuardedExecute, in the sandbox when
    `sandbox` (sandbox.require_sandbox() says whether it can), within `limits` (a sandbox.Limits)."""
    from nbgrader.converters import Autograde

    from likes_to_ledger.sandbox import DEFAULT_LIMITS

    limits = limits or DEFAULT_LIMITS
    steps = Autograde().autograde_preprocessors  # nbgrader's defaults (a list trait built per instance)
    config.Autograde.autograde_preprocessors = [GuardedExecute if step is Execute else step for step in steps]
    config.GuardedExecute.timeout = limits.cell_seconds
    config.GuardedExecute.wall_seconds = limits.wall_seconds
    config.GuardedExecute.output_bytes = limits.output_bytes
    if sandbox:
        config.GuardedExecute.kernel_manager_class = "likes_to_ledger.sandbox.SandboxedKernelManager"
        config.SandboxedKernelManager.limits = limits
