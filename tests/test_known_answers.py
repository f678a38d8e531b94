"""Both halves of every check judge every known answer alike and say the expected thing: the visible check
(fingerprints from checks.json, in the student version) and the hidden test (values computed from the data).

The lesson's code runs in this process, so each known answer costs a tenth of a second, not a kernel: the
cells before an answer run once per exercise, and each file read (same file, same options) once. Through
nbgrader, test_grading.py autogrades the first right and wrong answer of each exercise (all of them with
COURSE_TESTS_GRADE_EVERY_ANSWER=1, see conftest.py).
"""

import copy
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import MANIFEST
from known_answers import KNOWN_ANSWERS
from lesson_tools import cells_by_grade_id, filled_lesson, regions

from likes_to_ledger import notebooks
from likes_to_ledger.checks import NOT_ATTEMPTED, NOT_YET_RIGHT, RIGHT, NotAttempted, NotYetRight


def _cases():
    for lesson in MANIFEST.lessons:
        for exercise, answers in KNOWN_ANSWERS.get(lesson.id, {}).items():
            for number, code in enumerate(answers["right"], start=1):
                yield pytest.param(
                    lesson.id, exercise, code, None, id=f"{lesson.id}-{exercise}-right-{number}"
                )
            for name, code in answers["wrong"].items():
                says = answers["says"][name]
                yield pytest.param(lesson.id, exercise, code, says, id=f"{lesson.id}-{exercise}-{name}")


@pytest.fixture(autouse=True)
def close_charts():
    """Lessons draw charts in this process; close them after each answer, as a fresh kernel would."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")


@pytest.fixture(autouse=True, scope="module")
def remembered_reads():
    """The lessons and their hidden tests read the same files again and again; within this module each
    distinct read (same file, same options) runs once and every caller gets its own copy of the result."""
    patch = pytest.MonkeyPatch()
    for name in ("read_excel", "read_csv"):
        patch.setattr(pd, name, _remembering(getattr(pd, name)))
    yield
    patch.undo()


def _remembering(read):
    results: dict = {}

    def remembered(source, *args, **kwargs):
        if not isinstance(source, str | Path):
            return read(source, *args, **kwargs)
        path = Path(source).resolve()
        key = (str(path), path.stat().st_mtime_ns, repr(args), repr(sorted(kwargs.items())))
        if key not in results:
            results[key] = read(source, *args, **kwargs)
        return _copied(results[key])

    return remembered


def _copied(value):
    if isinstance(value, dict):  # several sheets
        return {name: frame.copy(deep=True) for name, frame in value.items()}
    return value.copy(deep=True)


def run_up_to_answer(course, lesson_id, exercise, code, monkeypatch) -> dict:
    """The learner's namespace just after the exercise's answer cell ran, with `code` as the answer."""
    folder = course.lesson_folder(lesson_id)
    monkeypatch.chdir(folder)
    monkeypatch.syspath_prepend(str(folder))
    namespace = copy_namespace(namespace_before_answer(course, lesson_id, exercise))
    exec(compile(code, f"<{exercise}_answer>", "exec"), namespace)
    return namespace


# The lesson's cells before an answer cell are the same for every known answer of that exercise: run them
# once (with the solution in earlier answer cells) and give each answer its own copy of the namespace.
_BEFORE_ANSWER: dict[tuple[str, str], dict] = {}


def namespace_before_answer(course, lesson_id, exercise) -> dict:
    key = (lesson_id, exercise)
    if key not in _BEFORE_ANSWER:
        if not any(cached_lesson == lesson_id for cached_lesson, _ in _BEFORE_ANSWER):
            sys.modules.pop("course_checks", None)  # each lesson folder has its own copy
        namespace: dict = {}
        for cell in filled_lesson(course, lesson_id).cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if grade_id == f"{exercise}_answer":
                _BEFORE_ANSWER[key] = namespace
                return namespace
            if cell.cell_type == "code" and not grade_id.endswith("_check"):
                exec(compile(cell.source, f"<{grade_id or 'cell'}>", "exec"), namespace)
        raise AssertionError(f"{lesson_id} has no {exercise}_answer cell")
    return _BEFORE_ANSWER[key]


def copy_namespace(namespace: dict) -> dict:
    """A copy an answer can change freely: tables, arrays and containers are copied, deep; modules,
    functions and other objects are shared."""
    copied = {}
    for name, value in namespace.items():
        if isinstance(value, pd.DataFrame | pd.Series | pd.Index):
            copied[name] = value.copy(deep=True)
        elif isinstance(value, np.ndarray):
            copied[name] = value.copy()
        elif isinstance(value, list | dict | set):
            copied[name] = copy.deepcopy(value)
        else:
            copied[name] = value
    return copied


def hidden_outcome(course, lesson_id, exercise, namespace) -> tuple[str, str]:
    """Run the exercise's hidden test (from solutions/) in the namespace: (status, message)."""
    solution = cells_by_grade_id(notebooks.read(course.solution_notebook(lesson_id)))
    hidden = "\n".join(regions(solution[f"{exercise}_check"].source, "hidden tests"))
    try:
        exec(compile(hidden, f"<{exercise} hidden tests>", "exec"), namespace)
    except AssertionError as error:  # raised by the lesson folder's own copy of the checks module
        status = {NotAttempted.__name__: NOT_ATTEMPTED, NotYetRight.__name__: NOT_YET_RIGHT}
        return status.get(type(error).__name__, "a bare AssertionError"), str(error)
    return RIGHT, ""


@pytest.mark.parametrize(("lesson_id", "exercise", "code", "says"), _cases())
def test_visible_check_and_hidden_test_agree(course, monkeypatch, lesson_id, exercise, code, says):
    """Do the visible check and the hidden test reach the same outcome and message for a known answer,
    right for a right answer, and for a wrong one 'not yet right' with the message this mistake deserves?"""
    namespace = run_up_to_answer(course, lesson_id, exercise, code, monkeypatch)
    visible = namespace["check"].__globals__["visible_outcome"](exercise, namespace)
    status, message = hidden_outcome(course, lesson_id, exercise, namespace)
    if says is None:
        assert (visible.status, status) == (RIGHT, RIGHT), f"{code!r}: {visible.message} / {message}"
    else:
        assert visible.status == status == NOT_YET_RIGHT, f"{code!r}: {visible} / {status}"
        assert visible.message == message
        assert says in message, f"{code!r} got: {message}"


def test_every_wrong_answer_says_what_its_check_tells(lesson):
    """Does every known wrong answer name the piece of message its check must give?"""
    for exercise, answers in KNOWN_ANSWERS.get(lesson.id, {}).items():
        assert set(answers["wrong"]) == set(answers.get("says", {})), f"{lesson.id} {exercise}"
