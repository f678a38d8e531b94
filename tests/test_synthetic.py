"""A made-up class (likes_to_ledger.synthetic): its students, their notebooks, the scores they must get,
and the folders nbgrader reads them from."""

import re
from collections import Counter
from pathlib import Path

import pytest
from known_answers import KNOWN_ANSWERS
from lesson_tools import cells_by_grade_id, exercises
from nbgrader.api import Gradebook
from nbgrader.utils import parse_utc

from likes_to_ledger import notebooks
from likes_to_ledger.grading import ScratchCourse
from likes_to_ledger.paths import CourseDir
from likes_to_ledger.synthetic import (
    KINDS,
    SyntheticClassError,
    filled_lesson,
    make_class,
    write_exchange,
    write_submitted,
)

LESSON = "00-orientation"
# A seed whose class of six holds every kind, and broken cells of both sorts (a SyntaxError and a NameError).
SEED = 12


@pytest.fixture(scope="module")
def small_class(course):
    return make_class(course, [LESSON], n_students=6, seed=SEED)


def failure_of(code: str) -> str | None:
    """'SyntaxError' if the code doesn't compile, 'NameError' if it ends by printing a name, else None."""
    try:
        compile(code, "<answer>", "exec")
    except SyntaxError:
        return "SyntaxError"
    return "NameError" if re.search(r"^print\(\w+\)$", code.splitlines()[-1]) else None


def test_expected_scores_are_the_scores_nbgrader_gives(course, small_class, tmp_path):
    """Does nbgrader's autograde give every made-up student exactly the expected score of every check cell,
    stop on the broken cells with their SyntaxError or NameError, leave the written answers for hand
    grading (the untouched ones at 0), and record the submission time of timestamp.txt?"""
    assert {submission.kind for submission in small_class} == set(KINDS)
    scratch = ScratchCourse(course, tmp_path / "course")
    scratch.release(LESSON)
    write_submitted(small_class, scratch.root)

    result = scratch.autograde(LESSON)

    assert result.returncode == 0, result.stdout + result.stderr
    failures = Counter()
    for submission in small_class:
        scores = scratch.scores(LESSON, submission.student_id)
        checks = {grade_id: score.score for grade_id, score in scores.items() if grade_id.endswith("_check")}
        assert checks == submission.expected, f"{submission.student_id} ({submission.kind})"
        graded = cells_by_grade_id(notebooks.read(scratch.autograded_notebook(LESSON, submission.student_id)))
        for exercise in exercises(submission.notebook):
            cell = graded[f"{exercise}_answer"]
            errors = [output.ename for output in cell.outputs if output.output_type == "error"]
            expected_failure = failure_of(cell.source) if submission.kind == "broken" else None
            assert errors == ([expected_failure] if expected_failure else []), (
                f"{submission.student_id} {exercise}"
            )
            failures[expected_failure] += 1
        with Gradebook(f"sqlite:///{scratch.root / 'gradebook.db'}") as gradebook:
            stored = gradebook.find_submission(LESSON, submission.student_id).timestamp
            grade = gradebook.find_grade("written1", LESSON, LESSON, submission.student_id)
            written = (grade.auto_score, grade.needs_manual_grade)
        assert stored == submission.submitted_at.replace(tzinfo=None)
        # An answered written cell waits for hand grading; nbgrader gives an untouched one 0 by itself.
        assert written == ((None, True) if submission.kind in ("right", "partly") else (0.0, False))
    assert failures["SyntaxError"] and failures["NameError"], (
        "the class should hold both sorts of broken cell"
    )


def test_each_kind_fills_the_answer_cells_as_it_says(course, small_class):
    """Does each kind hold the solution's code, known wrong answers or failing code where it says, and
    expect full points exactly where the solution's code is?"""
    solution = cells_by_grade_id(notebooks.read(course.solution_notebook(LESSON)))
    blank = notebooks.read(course.lesson_notebook(LESSON))
    lesson_exercises = exercises(blank)
    points = {
        f"{ex}_check": float(cells_by_grade_id(blank)[f"{ex}_check"].metadata.nbgrader.points)
        for ex in lesson_exercises
    }
    written_placeholder = cells_by_grade_id(blank)["written1"].source
    for submission in small_class:
        cells = cells_by_grade_id(submission.notebook)
        answers = {ex: cells[f"{ex}_answer"].source for ex in lesson_exercises}
        not_solution = [ex for ex in lesson_exercises if answers[ex] != solution[f"{ex}_answer"].source]
        wrong = [ex for ex in not_solution if answers[ex] in KNOWN_ANSWERS[LESSON][ex]["wrong"].values()]
        failing = [ex for ex in not_solution if failure_of(answers[ex])]
        kind = submission.kind
        if kind == "blank":
            assert notebooks.dumps(submission.notebook) == notebooks.dumps(blank)
        elif kind == "right":
            assert not_solution == []
        elif kind == "wrong":
            assert wrong == lesson_exercises
        elif kind == "partly":
            assert wrong == not_solution and 0 < len(wrong) < len(lesson_exercises)
        else:
            assert failing == not_solution and len(failing) in (1, 2)
        assert submission.expected == {
            f"{ex}_check": 0.0 if ex in not_solution else points[f"{ex}_check"] for ex in lesson_exercises
        }
        answered = cells["written1"].source != written_placeholder
        assert answered == (kind in ("right", "partly")), submission.student_id


def test_a_name_error_runs_a_known_wrong_answer_first(course):
    """Does a NameError cell hold a known wrong answer (which sets what later exercises read) and then
    print a name that nothing in the lesson defines?"""
    lesson_text = "\n".join(cell.source for cell in notebooks.read(course.solution_notebook(LESSON)).cells)
    seen = 0
    for submission in make_class(course, [LESSON], n_students=40, seed=3):
        for grade_id, cell in cells_by_grade_id(submission.notebook).items():
            if submission.kind == "broken" and failure_of(cell.source) == "NameError":
                wrong_answer, printed = cell.source.rsplit("\n", 1)
                exercise = grade_id.removesuffix("_answer")
                assert wrong_answer in KNOWN_ANSWERS[LESSON][exercise]["wrong"].values()
                name = printed.removeprefix("print(").removesuffix(")")
                assert not re.search(rf"\b{name}\b", lesson_text), name
                seen += 1
    assert seen > 0


def test_the_same_seed_gives_the_same_class_and_another_seed_another(course):
    """Does the same seed give identical students, kinds, notebooks, scores and times, and another seed a
    different class?"""

    def snapshot(seed):
        return [
            (s.student_id, s.first_name, s.last_name, s.lesson_id, s.kind, notebooks.dumps(s.notebook),
             s.expected, s.submitted_at)
            for s in make_class(course, [LESSON, "01-reading-exports"], n_students=8, seed=seed)
        ]  # fmt: skip

    first = snapshot(7)
    assert snapshot(7) == first
    other = snapshot(8)
    assert [row[4] for row in other] != [row[4] for row in first]
    assert [row[5] for row in other] != [row[5] for row in first]
    assert [row[7] for row in other] != [row[7] for row in first]


def test_every_kind_appears_in_every_lesson_in_proportion(course, manifest):
    """With five students, does every lesson get one student of each kind, and with twenty the shares
    of the default mix (6 right, 6 partly, 3 wrong, 2 blank, 3 broken)?"""
    lesson_ids = [lesson.id for lesson in manifest.lessons]
    five = make_class(course, lesson_ids, n_students=5, seed=1)
    for lesson_id in lesson_ids:
        assert sorted(s.kind for s in five if s.lesson_id == lesson_id) == sorted(KINDS), lesson_id
    twenty = make_class(course, [LESSON], n_students=20, seed=1)
    assert Counter(s.kind for s in twenty) == {"right": 6, "partly": 6, "wrong": 3, "blank": 2, "broken": 3}


def test_a_student_is_the_same_person_in_every_lesson(course):
    """Does a student keep the same id and name from lesson to lesson, with times in UTC during that
    lesson's week?"""
    submissions = make_class(course, [LESSON, "01-reading-exports"], n_students=4, seed=2)
    people = {(s.lesson_id, s.student_id): (s.first_name, s.last_name) for s in submissions}
    assert [s.student_id for s in submissions] == ["s001", "s002", "s003", "s004"] * 2
    for student in ("s001", "s002", "s003", "s004"):
        assert people[(LESSON, student)] == people[("01-reading-exports", student)]
    for s in submissions:
        assert s.submitted_at.utcoffset().total_seconds() == 0
    assert max(s.submitted_at for s in submissions if s.lesson_id == LESSON) < min(
        s.submitted_at for s in submissions if s.lesson_id != LESSON
    )


def test_a_mix_the_kinds_dont_know_is_refused(course):
    """Does an unknown kind, a negative weight or a mix of zeros stop with a message naming the kinds?"""
    with pytest.raises(
        SyntheticClassError, match="Unknown kinds \\['perfect'\\] in mix; the kinds are right, partly"
    ):
        make_class(course, [LESSON], 5, mix={"perfect": 1.0})
    with pytest.raises(SyntheticClassError, match="one above 0"):
        make_class(course, [LESSON], 5, mix={"right": 0, "wrong": 0})
    with pytest.raises(SyntheticClassError, match="one above 0"):
        make_class(course, [LESSON], 5, mix={"right": 1, "wrong": -1})
    only_right = make_class(course, [LESSON], 5, mix={"right": 1})
    assert {s.kind for s in only_right} == {"right"}


def test_a_course_without_its_known_answers_is_told_where_they_belong(tmp_path):
    """Does a course folder without tests/known_answers stop with a message naming the missing file?"""
    (tmp_path / "course.toml").write_text('[course]\nid = "x"\ntitle = "x"\n', encoding="utf-8")
    with pytest.raises(SyntheticClassError, match="tests/known_answers/__init__.py is missing"):
        make_class(CourseDir(tmp_path), [LESSON], 3)


def test_filled_lesson_puts_the_solution_or_the_replacement_in_answer_cells(course):
    """Does filled_lesson fill every answer cell with the solution's code except the replaced ones?"""
    nb = filled_lesson(course, LESSON, replace={"ex2": "total_reach = 0"})
    solution = cells_by_grade_id(notebooks.read(course.solution_notebook(LESSON)))
    cells = cells_by_grade_id(nb)
    assert cells["ex2_answer"].source == "total_reach = 0"
    for exercise in ("ex1", "ex3", "ex4", "ex5", "ex6"):
        assert cells[f"{exercise}_answer"].source == solution[f"{exercise}_answer"].source


def test_write_submitted_uses_nbgraders_layout_and_timestamp(small_class, tmp_path):
    """Does write_submitted put each notebook in submitted/<student>/<lesson>/, with a timestamp.txt that
    nbgrader's own parser reads back as the submission time?"""
    paths = write_submitted(small_class, tmp_path)
    assert paths == [tmp_path / "submitted" / s.student_id / LESSON / f"{LESSON}.ipynb" for s in small_class]
    for submission, path in zip(small_class, paths, strict=True):
        assert path.read_text(encoding="utf-8") == notebooks.dumps(submission.notebook)
        stamp = (path.parent / "timestamp.txt").read_text(encoding="utf-8")
        assert stamp == f"{submission.submitted_at:%Y-%m-%d %H:%M:%S}.000000 UTC"
        assert parse_utc(stamp) == submission.submitted_at.replace(tzinfo=None)


def test_write_exchange_is_collected_by_nbgrader(course, small_class, tmp_path):
    """Does `nbgrader collect` find every submission written by write_exchange in the exchange's inbound
    folder and copy it, notebook and time, into submitted/?"""
    exchange = tmp_path / "exchange"
    paths = write_exchange(small_class, exchange, "likes-to-ledger")
    inbound = exchange / "likes-to-ledger" / "inbound"
    for submission, path in zip(small_class, paths, strict=True):
        stamp = f"{submission.submitted_at:%Y-%m-%d %H:%M:%S}.000000 UTC"
        assert path.parent.parent == inbound
        assert re.fullmatch(rf"{submission.student_id}\+{LESSON}\+{stamp}\+[\w-]{{12}}", path.parent.name)
    scratch = ScratchCourse(course, tmp_path / "course")

    result = scratch.nbgrader("collect", LESSON, "--update", f"--Exchange.root={exchange}")

    assert result.returncode == 0, result.stdout + result.stderr
    submitted = sorted(
        p.relative_to(scratch.root).as_posix() for p in Path(scratch.root, "submitted").rglob("*.*")
    )
    assert submitted == sorted(
        f"submitted/{s.student_id}/{LESSON}/{name}"
        for s in small_class
        for name in (f"{LESSON}.ipynb", "timestamp.txt")
    )
    for submission, path in zip(small_class, paths, strict=True):
        collected = scratch.root / "submitted" / submission.student_id / LESSON
        assert (collected / f"{LESSON}.ipynb").read_bytes() == path.read_bytes()
        assert (collected / "timestamp.txt").read_bytes() == (path.parent / "timestamp.txt").read_bytes()


def test_a_student_id_nbgrader_forbids_is_refused_by_write_exchange(small_class, tmp_path):
    """Does write_exchange refuse a student id holding '+', which nbgrader's exchange can't parse?"""
    from dataclasses import replace

    with pytest.raises(SyntheticClassError, match="'s\\+1' holds '\\+' or '\\*'"):
        write_exchange([replace(small_class[0], student_id="s+1")], tmp_path, "likes-to-ledger")
