"""Fixtures for the course tests. Every test that takes `lesson` runs once per lesson of course.toml."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from known_answers import KNOWN_ANSWERS
from lesson_tools import GradedClass, filled_lesson

from likes_to_ledger import notebooks
from likes_to_ledger.grading import ScratchCourse
from likes_to_ledger.manifest import load_manifest
from likes_to_ledger.paths import CourseDir

COURSE = CourseDir.find(Path(__file__).parent)
MANIFEST = load_manifest(COURSE)


def pytest_generate_tests(metafunc):
    if "lesson" in metafunc.fixturenames:
        metafunc.parametrize("lesson", MANIFEST.lessons, ids=lambda lesson: lesson.id)


@pytest.fixture(scope="session")
def course() -> CourseDir:
    return COURSE


@pytest.fixture(scope="session")
def manifest():
    return MANIFEST


# Every known answer is judged in-process by both halves of its check (test_known_answers.py, about
# half a second each). Through nbgrader, each costs a whole autograded notebook (about 3 s), so by default
# the made-up class holds the first right and the first wrong answer of every exercise; set
# COURSE_TESTS_GRADE_EVERY_ANSWER=1 to autograde them all (about 12 minutes more for lessons 00-04).
GRADE_EVERY_ANSWER = os.environ.get("COURSE_TESTS_GRADE_EVERY_ANSWER") == "1"


def known_submissions(lesson_id: str) -> dict[str, tuple[str, str, str]]:
    """Student id -> (exercise, 'right' or 'wrong', code) for the known answers autograded by nbgrader."""
    submissions = {}
    for exercise, answers in KNOWN_ANSWERS.get(lesson_id, {}).items():
        for verdict, codes in (("right", answers["right"]), ("wrong", list(answers["wrong"].values()))):
            for number, code in enumerate(codes if GRADE_EVERY_ANSWER else codes[:1], start=1):
                submissions[f"{exercise}-{verdict}-{number}"] = (exercise, verdict, code)
    return submissions


# nbgrader grades one notebook after another; two processes, each over its own scratch course with half
# the students, keep both cores busy (the gradebooks are separate, so nothing is shared between them).
GRADING_PROCESSES = 2


@pytest.fixture(scope="session")
def graded_classes(tmp_path_factory):
    """Autograde, once per lesson, a class of made-up students: the solution itself, the untouched
    student version, and one student per known answer."""
    cache: dict[str, GradedClass] = {}

    def graded(lesson_id: str) -> GradedClass:
        if lesson_id in cache:
            return cache[lesson_id]
        released = ScratchCourse(COURSE, tmp_path_factory.mktemp(f"graded-{lesson_id}"))
        released.release(lesson_id)
        scratches = [released] + [
            ScratchCourse(COURSE, Path(shutil.copytree(released.root, f"{released.root}-{n}")))
            for n in range(1, GRADING_PROCESSES)
        ]
        submissions = {
            "solution": notebooks.read(COURSE.solution_notebook(lesson_id)),
            "untouched": notebooks.read(COURSE.lesson_notebook(lesson_id)),
        }
        for student, (exercise, _verdict, code) in known_submissions(lesson_id).items():
            submissions[student] = filled_lesson(COURSE, lesson_id, replace={exercise: code})
        graded_class = GradedClass(lesson_id)
        for number, (student, nb) in enumerate(submissions.items()):
            scratch = scratches[number % len(scratches)]
            scratch.submit(lesson_id, student, nb)
            graded_class.scratch_of[student] = scratch
        with ThreadPoolExecutor(len(scratches)) as pool:
            results = list(pool.map(lambda scratch: scratch.autograde(lesson_id), scratches))
        graded_class.returncode = max(result.returncode for result in results)
        graded_class.log = "\n".join(result.stdout + result.stderr for result in results)
        cache[lesson_id] = graded_class
        return graded_class

    return graded


@pytest.fixture(scope="session")
def postgres_server():
    """One real PostgreSQL server for the whole session, started by the first test that asks for it (see
    postgres_server.py) and stopped at the end, whatever the tests did."""
    from postgres_server import postgres_tmp_dir, start_postgres

    with postgres_tmp_dir() as folder, start_postgres(folder) as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server, request) -> str:
    """The SQLAlchemy URL of a new empty database on the session's PostgreSQL server, for this test only."""
    slug = "".join(char if char.isascii() and char.isalnum() else "_" for char in request.node.name.lower())
    # PostgreSQL cuts names at 63 bytes; the number keeps them unique.
    return postgres_server.new_database(f"t{len(postgres_server.databases)}_{slug}"[:63])
