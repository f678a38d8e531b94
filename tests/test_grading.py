"""Autograding each lesson as nbgrader would grade a class: full marks, zero, and known answers."""

import pytest
from conftest import known_submissions
from known_answers import KNOWN_ANSWERS
from lesson_tools import cells_by_grade_id, exercises, stderr_and_errors

from likes_to_ledger import notebooks


def test_solution_scores_full_marks(lesson, graded_classes):
    """Does the solution, submitted as a student, earn every point of every autograded cell?"""
    graded = graded_classes(lesson.id)
    assert graded.returncode == 0, graded.log
    autograded = {name: s for name, s in graded.scores("solution").items() if not name.startswith("written")}
    assert autograded, "no autograded cells were scored"
    short = {name: f"{s.score}/{s.max_score}" for name, s in autograded.items() if s.score != s.max_score}
    assert not short, f"the solution lost points: {short}"
    assert sum(s.max_score for s in autograded.values()) == lesson.autograded_points


def test_solution_runs_cleanly_in_the_autograded_folder(lesson, graded_classes):
    """Does the solution run without errors or warnings from nbgrader's autograded/ folder?"""
    graded = graded_classes(lesson.id)
    nb = notebooks.read(graded.autograded_notebook("solution"))
    assert stderr_and_errors(nb) == []


def test_untouched_lesson_scores_zero_and_grader_exits_cleanly(lesson, graded_classes):
    """Does an untouched student version earn nothing, without upsetting nbgrader?"""
    graded = graded_classes(lesson.id)
    assert graded.returncode == 0, graded.log
    # Only nbgrader's own error lines count: a kernel's shutdown can print a harmless ZMQ traceback.
    assert "| ERROR]" not in graded.log, graded.log
    scores = graded.scores("untouched")
    assert scores, "the untouched lesson was not graded"
    assert {name: s.score for name, s in scores.items() if s.score} == {}


def test_every_exercise_has_known_right_and_wrong_answers(course, lesson):
    """Does the course hold at least one right and one wrong answer for every exercise?"""
    known = KNOWN_ANSWERS.get(lesson.id, {})
    lesson_exercises = exercises(notebooks.read(course.lesson_notebook(lesson.id)))
    missing = [
        ex for ex in lesson_exercises if not (known.get(ex, {}).get("right") and known[ex].get("wrong"))
    ]
    assert not missing, (
        f"{lesson.id}: add known right and wrong answers in tests/known_answers.py for {missing}"
    )
    assert set(known) <= set(lesson_exercises), "known answers for exercises the lesson doesn't have"


def _known_answer_cases():
    from conftest import MANIFEST

    for lesson in MANIFEST.lessons:
        for student, (exercise, verdict, code) in known_submissions(lesson.id).items():
            mistake = next(
                (
                    name
                    for name, wrong in KNOWN_ANSWERS[lesson.id][exercise]["wrong"].items()
                    if wrong == code
                ),
                None,
            )
            yield pytest.param(
                lesson.id, student, exercise, verdict, code, mistake, id=f"{lesson.id}-{student}"
            )


@pytest.mark.parametrize(
    ("lesson_id", "student", "exercise", "verdict", "code", "mistake"), _known_answer_cases()
)
def test_known_answer_is_graded_as_expected(
    graded_classes, lesson_id, student, exercise, verdict, code, mistake
):
    """Does the check of an exercise accept a known right answer and reject a known wrong one, with the
    message that mistake deserves in the autograded notebook, while every other exercise keeps its full
    marks? (The first of each by default; all of them with COURSE_TESTS_GRADE_EVERY_ANSWER=1.)"""
    scores = graded_classes(lesson_id).scores(student)
    check = scores[f"{exercise}_check"]
    expected = check.max_score if verdict == "right" else 0
    assert check.score == expected, f"{verdict} answer scored {check.score}/{check.max_score}: {code}"
    others = {
        name: s.score
        for name, s in scores.items()
        if name.endswith("_check") and name != check.grade_id and s.score != s.max_score
    }
    assert not others, f"other exercises lost points: {others}"
    nb = notebooks.read(graded_classes(lesson_id).autograded_notebook(student))
    errors = [o for o in cells_by_grade_id(nb)[f"{exercise}_check"].outputs if o.output_type == "error"]
    if verdict == "right":
        assert errors == []
    else:
        says = KNOWN_ANSWERS[lesson_id][exercise]["says"][mistake]
        assert [e.ename for e in errors] == ["NotYetRight"], errors
        assert says in errors[0].evalue
