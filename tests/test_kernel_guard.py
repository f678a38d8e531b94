"""The grading guard undoes a submission's monkeypatching before each check cell, and says what it undid.

One real ipykernel, started by jupyter_client in a folder holding lesson 00's course_checks.py, checks.json
and data file (COURSE_CHECKS_MODE=strict, as when grading), runs the guard's install code, the lesson's
setup cell and the code that remembers its names, then loads the posts. Each test restores first (the
kernel is shared), plays a submission that patches something, restores, and reads the report; then a wrong
answer must still fail both the visible check and the hidden test of exercise 1, copied from the solution.
"""

from __future__ import annotations

import ast
import os
import shutil
import statistics
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import COURSE
from jupyter_client import KernelManager
from lesson_tools import cells_by_grade_id, regions

from likes_to_ledger import notebooks
from likes_to_ledger.kernel_guard import (
    GUARD_ATTRIBUTE,
    GUARD_BROKEN,
    INSTALL_CODE,
    MARKER,
    RESTORE_CODE,
    RESTORED_EXPRESSION,
    after_locked_cell,
    restored_from_reply,
)

LESSON_ID = "00-orientation"
LESSON_FILES = ("course_checks.py", "checks.json", "orientation_week.xlsx")
LOAD_POSTS = 'posts = pd.read_excel(DATA_FILE, sheet_name="Posts", engine="openpyxl")'
WRONG_ANSWER = "n_posts = len(posts.columns)"  # a known mistake of exercise 1 (tests/known_answers)
VISIBLE_CHECK = 'check("ex1")'


class Kernel:
    """A running kernel and the three things the grader does with it."""

    def __init__(self, client):
        self.client = client

    def run(self, code: str, *, silent: bool = False, expressions: dict | None = None) -> dict:
        """The execute_reply content of `code`."""
        msg_id = self.client.execute(
            code, silent=silent, store_history=False, user_expressions=expressions or {}, allow_stdin=False
        )
        while True:
            reply = self.client.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]

    def ok(self, code: str, *, silent: bool = False) -> None:
        reply = self.run(code, silent=silent)
        assert reply["status"] == "ok", f"{code!r} failed: {reply.get('ename')}: {reply.get('evalue')}"

    def restore(self) -> list[str]:
        reply = self.run(RESTORE_CODE, silent=True, expressions={"restored": RESTORED_EXPRESSION})
        return restored_from_reply(reply)

    def value(self, expression: str) -> str:
        """The text of an expression's value in the kernel."""
        result = self.run("", silent=True, expressions={"value": expression})["user_expressions"]["value"]
        assert result["status"] == "ok", result
        return result["data"]["text/plain"]

    def error_of(self, code: str) -> str | None:
        """The name of the exception a cell raised (as nbgrader sees it), or None when it passed."""
        reply = self.run(code)
        return None if reply["status"] == "ok" else reply["ename"]


@pytest.fixture(scope="module")
def hidden_test() -> str:
    """The hidden tests of exercise 1's check cell, from the solution (nbgrader restores them to grade)."""
    solution = notebooks.read(COURSE.solution_notebook(LESSON_ID))
    [hidden] = regions(cells_by_grade_id(solution)["ex1_check"].source, "hidden tests")
    return hidden


@contextmanager
def guarded_kernel(folder: Path, env: dict[str, str] | None = None):
    """A real kernel working in `folder`, with the guard installed."""
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(folder), **({"env": env} if env else {}))
    client = manager.blocking_client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        kernel = Kernel(client)
        kernel.ok(INSTALL_CODE, silent=True)
        yield kernel
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    folder = tmp_path_factory.mktemp("guarded-lesson")
    for name in LESSON_FILES:
        shutil.copyfile(COURSE.lesson_folder(LESSON_ID) / name, folder / name)
    with guarded_kernel(folder, env={**os.environ, "COURSE_CHECKS_MODE": "strict"}) as kernel:
        setup = cells_by_grade_id(notebooks.read(COURSE.lesson_notebook(LESSON_ID)))["setup"].source
        kernel.ok(setup)
        kernel.ok(after_locked_cell(setup), silent=True)
        # As if the cell that loads the posts were locked too: a DataFrame is data, never remembered.
        kernel.ok(LOAD_POSTS)
        kernel.ok(after_locked_cell(LOAD_POSTS), silent=True)
        yield kernel


@pytest.fixture
def guarded(kernel):
    """The shared kernel, restored, with a wrong answer to exercise 1."""
    kernel.restore()
    kernel.ok(WRONG_ANSWER)
    return kernel


def assert_wrong_answer_fails(kernel: Kernel, hidden_test: str) -> None:
    assert kernel.error_of(VISIBLE_CHECK) == "NotYetRight"
    assert kernel.error_of(hidden_test) == "NotYetRight"


# A submission's patch, what the guard must report, and which check of exercise 1 the patch makes the
# wrong answer pass when no guard runs, if any (so the test shows that the guard is what stops it).
PATCHES = {
    "builtins replaced": (
        "import builtins\n"
        "_real = {name: getattr(builtins, name) for name in ('abs', 'isinstance', 'round', 'len')}\n"
        "builtins.abs = lambda x: _real['abs'](x)\n"
        "builtins.isinstance = lambda obj, kind: _real['isinstance'](obj, kind)\n"
        "builtins.round = lambda number, ndigits=None: _real['round'](number, ndigits)\n"
        "builtins.len = lambda obj: _real['len'](obj)",
        ["builtins.abs", "builtins.isinstance", "builtins.len", "builtins.round"],
        None,
    ),
    "a builtin deleted, one added": (
        "import builtins\ndel builtins.divmod\nbuiltins.answer = 42",
        ["builtins.answer", "builtins.divmod"],
        None,
    ),
    "course_checks.grade replaced": (
        "import course_checks\ncourse_checks.grade = lambda *a, **k: None",
        ["course_checks.grade"],
        "hidden test",
    ),
    "the code of course_checks.grade replaced": (
        "import course_checks\ncourse_checks.grade.__code__ = (lambda *a, **k: None).__code__",
        ["course_checks.grade"],
        "hidden test",
    ),
    "a method of a comparison replaced": (
        "import course_checks\ncourse_checks.WholeNumber.same = lambda self, answer, expected: True",
        ["course_checks.WholeNumber.same"],
        "hidden test",
    ),
    "a fake course_checks in sys.modules": (
        "import sys, types\n"
        "fake = types.ModuleType('course_checks')\n"
        "fake.grade = lambda *a, **k: None\n"
        "fake.WholeNumber = lambda *a, **k: None\n"
        "sys.modules['course_checks'] = fake",
        ["sys.modules['course_checks']"],
        "hidden test",
    ),
    "check redefined to say right": (
        "def check(exercise):\n    print('right')",
        ["the name 'check'"],
        "visible check",
    ),
    "pd.read_excel replaced": (
        "fake_df = pd.DataFrame({'Network': ['X', 'Y', 'Z']})\n"
        "pd.read_excel = lambda *a, **k: fake_df\n"
        "n_posts = 3",
        ["pandas.read_excel"],
        "hidden test",
    ),
    "the data file's name rebound": (
        "DATA_FILE = Path('my_own_posts.xlsx')",
        ["the name 'DATA_FILE'"],
        None,
    ),
    "hashlib.sha256 replaced": (
        "import hashlib\n_sha256 = hashlib.sha256\nhashlib.sha256 = lambda data=b'': _sha256(data)",
        ["hashlib.sha256"],
        None,
    ),
    "sys.exit replaced": ("import sys\nsys.exit = lambda *a: None", ["sys.exit"], None),
    "sys.stdout replaced": ("import io, sys\nsys.stdout = io.StringIO()", ["sys.stdout"], None),
    "showtraceback replaced on the shell": (
        "get_ipython().showtraceback = lambda *a, **k: None",
        ["IPython's showtraceback"],
        None,
    ),
    "run_cell replaced on InteractiveShell": (
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "_run_cell = InteractiveShell.run_cell\n"
        "InteractiveShell.run_cell = lambda self, *a, **k: _run_cell(self, *a, **k)",
        ["IPython's run_cell"],
        None,
    ),
    "a failed cell made to look successful": (
        "from IPython.core.interactiveshell import ExecutionResult\n"
        "ExecutionResult.success = property(lambda self: True)",
        ["IPython.core.interactiveshell.ExecutionResult.success"],
        "hidden test",
    ),
    "a callback before every cell": (
        "get_ipython().events.register('pre_run_cell', lambda info: None)",
        ["IPython's pre_run_cell callbacks"],
        None,
    ),
}


@pytest.mark.parametrize("patch", PATCHES, ids=list(PATCHES))
def test_a_patch_is_undone_and_reported(guarded, hidden_test, patch):
    """Does the guard undo each kind of patch, report exactly that, and leave a wrong answer failing?"""
    code, expected, passes = PATCHES[patch]
    guarded.ok(code)
    if passes:
        check = {"visible check": VISIBLE_CHECK, "hidden test": hidden_test}[passes]
        assert guarded.error_of(check) is None, f"without the guard, the patch should pass the {passes}"
    assert guarded.restore() == expected
    assert guarded.restore() == []
    assert_wrong_answer_fails(guarded, hidden_test)


def test_nothing_patched_reports_nothing(guarded, hidden_test):
    """Does a restore after an ordinary wrong answer report nothing?"""
    assert guarded.restore() == []
    assert_wrong_answer_fails(guarded, hidden_test)


def test_a_reassigned_dataframe_is_kept(kernel, hidden_test):
    """Does a right answer that reassigns the posts DataFrame report nothing, keep the new value and pass?"""
    kernel.restore()
    kernel.ok('posts = posts[posts["Reach"] >= 0].reset_index(drop=True)\nn_posts = len(posts)')
    before = kernel.value("id(posts)")
    assert kernel.restore() == []
    assert kernel.value("id(posts)") == before
    assert kernel.error_of(VISIBLE_CHECK) is None
    assert kernel.error_of(hidden_test) is None


def test_lists_of_a_locked_cell_are_put_back(kernel):
    """Are a locked cell's list of names and list of files (like lesson 01's X_FILES, which hidden tests
    read) put back when a submission changes one in place and rebinds the other?"""
    kernel.restore()
    locked = 'NETWORKS = ["Facebook", "Instagram"]\nDATA_FILES = sorted(Path(".").glob("*.xlsx"))'
    kernel.ok(locked)
    kernel.ok(after_locked_cell(locked), silent=True)
    kernel.ok('NETWORKS.append("TikTok")\nDATA_FILES = []')
    assert kernel.restore() == ["the name 'DATA_FILES'", "the name 'NETWORKS'"]
    assert kernel.value("NETWORKS") == "['Facebook', 'Instagram']"
    assert kernel.value("DATA_FILES") == "[PosixPath('orientation_week.xlsx')]"


def test_a_folder_without_checks_is_guarded_too(tmp_path):
    """In a folder with no course_checks.py, does the guard install, and restore a patched builtin?"""
    with guarded_kernel(tmp_path) as kernel:
        assert kernel.restore() == []
        kernel.ok("import builtins\nbuiltins.round = lambda *a: 0")
        assert kernel.restore() == ["builtins.round"]
        assert kernel.value("round(2.6)") == "3"


def test_a_removed_or_replaced_guard_is_reported(guarded, hidden_test):
    """When a submission deletes or replaces the guard, does the report say so instead of 'nothing'?"""
    guarded.ok(f"import sys\n_guard = sys.{GUARD_ATTRIBUTE}\ndel sys.{GUARD_ATTRIBUTE}")
    assert guarded.restore() == [GUARD_BROKEN]
    guarded.ok(f"sys.{GUARD_ATTRIBUTE} = lambda: None")
    assert guarded.restore() == [GUARD_BROKEN]
    guarded.ok(f"sys.{GUARD_ATTRIBUTE} = _guard")  # the kernel is shared: the next tests need it
    assert guarded.restore() == []
    assert_wrong_answer_fails(guarded, hidden_test)


def test_restore_is_quick(kernel):
    """Does a restore that finds nothing changed take less than 5 ms in the kernel?"""
    kernel.restore()
    timing = (
        "import sys as _sys, time as _time\n_took = []\nfor _ in range(30):\n"
        "    _start = _time.perf_counter()\n"
        f"    _sys.{GUARD_ATTRIBUTE}()\n"
        "    _took.append(_time.perf_counter() - _start)"
    )
    kernel.ok(timing, silent=True)
    took = ast.literal_eval(kernel.value("_took"))
    assert statistics.median(took) < 0.005, f"median {statistics.median(took) * 1000:.1f} ms"


# --- the grader's side, without a kernel ---------------------------------------------------------------


def remembered(source: str) -> tuple | None:
    """The entries the code of after_locked_cell(source) passes to the guard."""
    code = after_locked_cell(source)
    if code is None:
        return None
    call = ast.parse(code).body[0].value
    return ast.literal_eval(call.keywords[0].value)


def test_the_setup_cell_names_are_remembered():
    """Are the setup cell's imports and its data file's path what the guard remembers?"""
    setup = cells_by_grade_id(notebooks.read(COURSE.lesson_notebook(LESSON_ID)))["setup"].source
    assert remembered(setup) == (
        ("import", "Path", "pathlib", "Path"),
        ("import", "pd", "pandas", None),
        ("import", "check", "course_checks", "check"),
        ("path", "DATA_FILE", ("orientation_week.xlsx",)),
    )


def test_constants_are_sent_as_values_and_the_rest_read_in_the_kernel():
    """Are literal constants sent as values, and other assignments left for the kernel to judge?"""
    source = (
        "import matplotlib.pyplot\nimport numpy as np\nfrom os import path as p, sep\n"
        "A = 1\nB = C = 'x'\nD: tuple = (1, 2.5, b'z', True)\nE = pathlib.Path('a', 'b')\n"
        "F = len(p.sep)\nG, H = 1, 2\nI = float('nan')\nJ = 1e999\nK += 1\nposts = pd.read_excel('x')\n"
        "L = ['a', (1, 2)]\nM = {'a': [1.5]}\nN = set()"
    )
    assert remembered(source) == (
        ("import", "matplotlib", "matplotlib", None),
        ("import", "np", "numpy", None),
        ("import", "p", "os", "path"),
        ("import", "sep", "os", "sep"),
        ("constant", "A", 1),
        ("constant", "B", "x"),
        ("constant", "C", "x"),
        ("constant", "D", (1, 2.5, b"z", True)),
        ("path", "E", ("a", "b")),
        ("computed", "F"),
        ("computed", "G"),
        ("computed", "H"),
        ("computed", "I"),
        ("computed", "J"),
        ("computed", "K"),
        ("computed", "posts"),
        ("constant", "L", ["a", (1, 2)]),
        ("constant", "M", {"a": [1.5]}),
        ("computed", "N"),
    )


@pytest.mark.parametrize(
    "source", ["print('hello')", "x = (", "from . import sibling", "from os import *", "def f():\n    x = 1"]
)
def test_a_cell_that_binds_no_such_name_needs_no_code(source):
    """Is there nothing to run after a cell that imports and sets nothing (or is not Python)?"""
    assert after_locked_cell(source) is None


def report(text: str) -> dict:
    """An execute_reply content whose one user expression has the text `text`."""
    return {"status": "ok", "user_expressions": {"restored": {"status": "ok", "data": {"text/plain": text}}}}


def test_the_report_is_read_back():
    """Does restored_from_reply read the guard's report, and call anything else a broken guard?"""
    assert restored_from_reply(report(repr(repr((MARKER, ("sys.exit", "the name 'check'")))))) == [
        "sys.exit",
        "the name 'check'",
    ]
    assert restored_from_reply(report(repr(repr((MARKER, ()))))) == []
    broken = [
        {"status": "error", "ename": "AttributeError", "evalue": "no guard"},
        {"status": "ok", "user_expressions": {}},
        {"status": "ok", "user_expressions": {"restored": {"status": "error", "ename": "IndexError"}}},
        report("None"),
        report(repr(repr(("another marker", ())))),
        report(repr(repr((MARKER, ("fine", 3))))),
        report("not python ("),
    ]
    for reply in broken:
        assert restored_from_reply(reply) == [GUARD_BROKEN], reply
