"""Each lesson runs top to bottom in a fresh kernel, where learners and instructors run it."""

from lesson_tools import cells_by_grade_id, execute, filled_lesson, stderr_and_errors

from likes_to_ledger import notebooks


def test_solution_runs_from_solutions_folder(course, lesson):
    """Does the solution run from solutions/ without an error, a warning or anything on stderr?"""
    nb = notebooks.read(course.solution_notebook(lesson.id))
    executed = execute(nb, course.solution_folder(lesson.id))
    assert stderr_and_errors(executed) == []


def test_answered_lesson_runs_from_lessons_folder(course, lesson):
    """With right answers typed in, does the student version run from lessons/ cleanly?"""
    executed = execute(filled_lesson(course, lesson.id), course.lesson_folder(lesson.id))
    assert stderr_and_errors(executed) == []


def test_untouched_lesson_fails_only_in_check_cells(course, lesson):
    """In an untouched lesson, do setup and worked examples run, and does every check say
    'not attempted' rather than crash with some other error?"""
    nb = notebooks.read(course.lesson_notebook(lesson.id))
    executed = execute(nb, course.lesson_folder(lesson.id), allow_errors=True)
    check_cells = {id(cell) for gid, cell in cells_by_grade_id(executed).items() if gid.endswith("_check")}
    for index, cell in enumerate(executed.cells):
        errors = [out for out in cell.get("outputs", []) if out.output_type == "error"]
        if id(cell) in check_cells:
            assert [(e.ename, e.evalue.split(":")[0]) for e in errors] == [
                ("AssertionError", "Not attempted yet")
            ]
        else:
            assert errors == [], f"cell {index} fails before any answer is given"
