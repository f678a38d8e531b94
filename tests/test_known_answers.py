"""Both halves of every check judge every known answer alike and say the expected thing: the visible check
(fingerprints from checks.json, in the student version) and the hidden test (values computed from the data).

The lesson's code runs in this process, so each known answer costs under a second, not a kernel. Through
nbgrader, test_grading.py autogrades the first right and wrong answer of each exercise (all of them with
COURSE_TESTS_GRADE_EVERY_ANSWER=1, see conftest.py).
"""

import sys

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


def run_up_to_answer(course, lesson_id, exercise, code, monkeypatch) -> dict:
    """The learner's namespace just after the exercise's answer cell ran, with `code` as the answer."""
    folder = course.lesson_folder(lesson_id)
    monkeypatch.chdir(folder)
    monkeypatch.syspath_prepend(str(folder))
    sys.modules.pop("course_checks", None)  # each lesson folder has its own copy
    nb = filled_lesson(course, lesson_id, replace={exercise: code})
    namespace: dict = {}
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type != "code" or grade_id.endswith("_check"):
            continue
        exec(compile(cell.source, f"<{grade_id or 'cell'}>", "exec"), namespace)
        if grade_id == f"{exercise}_answer":
            return namespace
    raise AssertionError(f"{lesson_id} has no {exercise}_answer cell")


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
