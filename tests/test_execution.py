"""Each lesson runs top to bottom in a fresh kernel, where learners and instructors run it."""

from lesson_tools import cells_by_grade_id, filled_lesson, stderr_and_errors

from likes_to_ledger import notebooks


def test_solution_runs_from_solutions_folder(course, lesson):
    """Does the solution run from solutions/ without an error, a warning or anything on stderr?"""
    nb = notebooks.read(course.solution_notebook(lesson.id))
    executed = notebooks.execute(nb, course.solution_folder(lesson.id))
    assert stderr_and_errors(executed) == []


def test_answered_lesson_runs_from_lessons_folder(course, lesson):
    """With right answers typed in, does the student version run from lessons/ cleanly?"""
    executed = notebooks.execute(filled_lesson(course, lesson.id), course.lesson_folder(lesson.id))
    assert stderr_and_errors(executed) == []


def test_untouched_lesson_fails_only_in_check_cells(course, lesson):
    """In an untouched lesson, do setup and worked examples run, and does every check say
    'not attempted' rather than crash with some other error?"""
    nb = notebooks.read(course.lesson_notebook(lesson.id))
    executed = notebooks.execute(nb, course.lesson_folder(lesson.id), allow_errors=True)
    check_cells = {id(cell) for gid, cell in cells_by_grade_id(executed).items() if gid.endswith("_check")}
    for index, cell in enumerate(executed.cells):
        errors = [out for out in cell.get("outputs", []) if out.output_type == "error"]
        if id(cell) in check_cells:
            assert [(e.ename, e.evalue.split(":")[0]) for e in errors] == [
                ("NotAttempted", "Not attempted yet")
            ]
            # What Validate and the graded notebook show: the check's message, not the checks' insides.
            assert errors[0].traceback == [f"NotAttempted: {errors[0].evalue}"]
        else:
            assert errors == [], f"cell {index} fails before any answer is given"


def test_untouched_lesson_runs_through_in_jupyterlab(course, lesson):
    """In JupyterLab, where checks show their outcome instead of raising, does Run All go through an
    untouched lesson without an error, every check saying 'not attempted'?"""
    nb = notebooks.read(course.lesson_notebook(lesson.id))
    executed = notebooks.execute(
        nb, course.lesson_folder(lesson.id), env={"COURSE_CHECKS_MODE": "interactive"}
    )
    assert stderr_and_errors(executed) == []
    for grade_id, cell in cells_by_grade_id(executed).items():
        if grade_id.endswith("_check"):
            shown = [o.data["text/plain"] for o in cell.outputs if o.output_type == "display_data"]
            assert len(shown) == 1 and "Not attempted yet" in shown[0], (grade_id, shown)
