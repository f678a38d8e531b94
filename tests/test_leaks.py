"""Nothing under lessons/ gives the answers away: no solution code, hidden test or expected value."""

import re

import pytest
from lesson_tools import answer_values, regions

from likes_to_ledger import notebooks
from likes_to_ledger.answer_key import CHECKS_MODULE_NAME
from likes_to_ledger.manifest import Lesson
from likes_to_ledger.paths import CourseDir

TEXT_SUFFIXES = {".ipynb", ".py", ".md", ".txt", ".csv", ".tsv", ".json", ".html"}


def lesson_texts(course: CourseDir, lesson: Lesson) -> dict[str, str]:
    """Every text a learner can read in the lesson's folder, by file (notebooks: their cell sources), but
    the data files: they are the course's datasets (the build keeps them identical), which learners are
    meant to read, and a count such as 327 turns up in them by chance (order #1327, riley.patel327@...)."""
    texts = {}
    for path in sorted(course.lesson_folder(lesson.id).rglob("*")):
        if ".ipynb_checkpoints" in path.parts:  # JupyterLab's copies of what a learner saved
            continue
        if path.name in lesson.datasets:
            continue
        if path.suffix == ".ipynb":
            texts[course.relative(path)] = "\n".join(cell.source for cell in notebooks.read(path).cells)
        elif path.suffix in TEXT_SUFFIXES:
            texts[course.relative(path)] = path.read_text(encoding="utf-8", errors="replace")
    return texts


def secret_lines(course: CourseDir, lesson_id: str) -> dict[str, set[str]]:
    """Lines of the solution that only the instructor may see: solution regions, hand-graded model
    answers and hidden tests, less the lines that also appear in the open parts of the solution."""
    nb = notebooks.read(course.solution_notebook(lesson_id))
    secrets = {"solution code": [], "hidden test": [], "model answer": []}
    open_text = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and meta.get("solution"):
            secrets["model answer"] += cell.source.splitlines()
            continue
        hidden = regions(cell.source, "solution") + regions(cell.source, "hidden tests")
        secrets["solution code"] += "\n".join(regions(cell.source, "solution")).splitlines()
        secrets["hidden test"] += "\n".join(regions(cell.source, "hidden tests")).splitlines()
        open_lines = cell.source.splitlines()
        for region in hidden:
            for line in region.splitlines():
                if line in open_lines:
                    open_lines.remove(line)
        open_text += open_lines
    shared = {line.strip() for line in open_text}
    return {
        kind: {line.strip() for line in lines if len(line.strip()) > 3 and line.strip() not in shared}
        for kind, lines in secrets.items()
    }


def value_patterns(values: dict[str, object]) -> dict[str, re.Pattern]:
    """Regular expressions for the written forms of each answer value with at least 3 digits."""
    patterns = {}
    for name, value in values.items():
        numbers = value if isinstance(value, list) else [value]
        for number in numbers:
            if isinstance(number, bool) or not isinstance(number, int | float):
                continue
            forms = {str(number), f"{number:,}"}
            if isinstance(number, float):
                forms |= {f"{number:.1f}", f"{number:.2f}"}
            for form in forms:
                if sum(ch.isdigit() for ch in form) >= 3:
                    # Not inside a longer token: checks.json's hex fingerprints hold digit runs by chance.
                    patterns[f"{name} = {form}"] = re.compile(
                        rf"(?<![0-9A-Za-z.,]){re.escape(form)}(?![0-9A-Za-z])"
                    )
    return patterns


def find_leaks(texts: dict[str, str], secrets: dict[str, set[str]], patterns: dict[str, re.Pattern]):
    leaks = []
    for file, text in texts.items():
        # The checks module is likes_to_ledger/checks.py, copied into every lesson (the build keeps it
        # identical): no lesson's secret is in it, though its docstring shares syntax lines such as `grade(`
        # with hidden tests and its numbers (SHA-256) can equal an answer by chance.
        if file.endswith(f"/{CHECKS_MODULE_NAME}"):
            continue
        lines = {line.strip() for line in text.splitlines()}
        for kind, secret in secrets.items():
            leaks += [f"{file}: {kind}: {line}" for line in sorted(secret & lines)]
        leaks += [f"{file}: the value {label}" for label, pattern in patterns.items() if pattern.search(text)]
    return leaks


@pytest.fixture(scope="module")
def values(course):
    cache = {}

    def values_of(lesson_id):
        if lesson_id not in cache:
            cache[lesson_id] = answer_values(course, lesson_id)
        return cache[lesson_id]

    return values_of


def test_no_solution_hidden_test_or_expected_value_in_lessons(course, lesson, values):
    """Is every file under lessons/ free of solution code, hidden tests, model answers and answer values?"""
    secrets = secret_lines(course, lesson.id)
    assert secrets["solution code"] and secrets["hidden test"], "found no secrets to look for"
    patterns = value_patterns(values(lesson.id))
    assert patterns, "found no answer values to look for"
    assert find_leaks(lesson_texts(course, lesson), secrets, patterns) == []


def test_leak_detector_finds_planted_leaks(course, lesson, values):
    """Would the leak check notice a solution line, a hidden test line and an answer value?"""
    secrets = secret_lines(course, lesson.id)
    patterns = value_patterns(values(lesson.id))
    planted_value = next(iter(patterns))
    text = "\n".join(
        [
            sorted(secrets["solution code"])[0],
            "    " + sorted(secrets["hidden test"])[0],
            f"In total: {planted_value.split(' = ')[1]} people.",
        ]
    )
    leaks = find_leaks({"planted.ipynb": text}, secrets, patterns)
    assert any(": solution code: " in leak for leak in leaks)
    assert any(": hidden test: " in leak for leak in leaks)
    assert any(": the value " in leak for leak in leaks)


def test_an_answer_value_counts_only_as_a_number_of_its_own():
    """Is 699 a leak in prose or code, but not inside a fingerprint such as 3fa699c0?"""
    pattern = value_patterns({"sessions": 699})["sessions = 699"]
    assert pattern.search("That makes 699 sessions.") and pattern.search("x = 699\n")
    assert not pattern.search('"fingerprint": "3fa699c0"') and not pattern.search("1699 or 6990")
