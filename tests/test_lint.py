"""ruff passes on the package, the tests, the scripts and the code cells of every notebook."""

import subprocess
import sys

from conftest import COURSE, MANIFEST


def ruff(*args):
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--no-cache"], cwd=COURSE.root, capture_output=True, text=True
    )


def test_ruff_covers_package_tests_and_every_notebook():
    """Does ruff look at the package, the tests and both versions of every lesson?"""
    listed = ruff("check", "--show-files").stdout
    expected = ["likes_to_ledger/cli.py", "tests/conftest.py", "bootstrap.py", "grader_config.py"]
    for lesson in MANIFEST.lessons:
        expected += [
            COURSE.relative(COURSE.solution_notebook(lesson.id)),
            COURSE.relative(COURSE.lesson_notebook(lesson.id)),
        ]
    assert [name for name in expected if name not in listed] == []


def test_ruff_passes():
    """Is the whole repository free of ruff findings?"""
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr
