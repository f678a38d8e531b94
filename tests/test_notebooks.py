"""Committed notebooks are clean, their nbgrader cells are well named, and lessons have the course's shape."""

import re
from collections import Counter

from lesson_tools import cells_by_grade_id, exercises, regions

from likes_to_ledger import notebooks
from likes_to_ledger.notebooks import GRADE_ID_PATTERN, KEPT_CELL_METADATA, KERNELSPEC


def both_versions(course, lesson):
    return {
        "solution": course.solution_notebook(lesson.id),
        "student version": course.lesson_notebook(lesson.id),
    }


def test_committed_notebooks_are_clean(course, lesson):
    """No outputs, no execution counts, kernelspec python3, no editor metadata, in both versions?"""
    for version, path in both_versions(course, lesson).items():
        nb = notebooks.read(path)
        assert nb.metadata == {"kernelspec": KERNELSPEC}, f"{version}: notebook metadata"
        for index, cell in enumerate(nb.cells):
            where = f"{course.relative(path)}, cell {index}"
            assert set(cell.metadata) <= set(KEPT_CELL_METADATA), (
                f"{where}: editor metadata {dict(cell.metadata)}"
            )
            if cell.cell_type == "code":
                assert cell.outputs == [], f"{where} has outputs"
                assert cell.execution_count is None, f"{where} has an execution count"
        assert path.read_text(encoding="utf-8") == notebooks.dumps(notebooks.clean(nb)), (
            f"{course.relative(path)} is not in the clean serialisation: run `course build`"
        )


def test_student_version_keeps_nbgrader_metadata(course, lesson):
    """Does every nbgrader cell of the solution reach the student version with its role and points?"""

    def roles(path):
        return {
            gid: {
                key: cell.metadata["nbgrader"].get(key) for key in ("grade", "solution", "locked", "points")
            }
            for gid, cell in cells_by_grade_id(notebooks.read(path)).items()
        }

    solution, student = (roles(path) for path in both_versions(course, lesson).values())
    assert student == solution


def test_grade_ids_are_unique_and_follow_the_pattern(course, lesson):
    """Are grade_ids unique, named by the one pattern, and paired answer/check from ex1 upwards?"""
    nb = notebooks.read(course.solution_notebook(lesson.id))
    ids = [meta["grade_id"] for _cell, meta in notebooks.nbgrader_cells(nb)]
    assert [gid for gid, count in Counter(ids).items() if count > 1] == []
    assert [gid for gid in ids if not GRADE_ID_PATTERN.match(gid)] == []
    numbers = [int(ex.removeprefix("ex")) for ex in exercises(nb)]
    assert numbers == list(range(1, len(numbers) + 1)), "exercises are numbered ex1, ex2, ... in order"
    for number in numbers:
        answer, check = ids.index(f"ex{number}_answer"), ids.index(f"ex{number}_check")
        assert check == answer + 1, (
            f"ex{number}_check must be the nbgrader cell right after ex{number}_answer"
        )
    written = [int(gid.removeprefix("written")) for gid in ids if gid.startswith("written")]
    assert written == list(range(1, len(written) + 1))


def test_points_match_the_manifest(course, lesson):
    """Do the lesson's autograded and hand-graded points add up to what course.toml says?"""
    graded = notebooks.graded_cells(notebooks.read(course.solution_notebook(lesson.id)))
    totals = {
        kind: sum(cell.points for cell in graded if cell.kind == kind) for kind in ("autograded", "manual")
    }
    assert totals == {"autograded": lesson.autograded_points, "manual": lesson.manual_points}
    for cell in graded:
        expected_kind = "manual" if cell.grade_id.startswith("written") else "autograded"
        assert cell.kind == expected_kind, f"{cell.grade_id} should be graded {expected_kind}"
        assert cell.points > 0, f"{cell.grade_id} is worth no points"


def test_lesson_has_the_course_shape(course, lesson):
    """Title, question, objectives, time and data up front; a read-only setup; exercises with hints;
    written answers with a rubric; key points and what's next at the end (COURSE_DESIGN.md §5)."""
    nb = notebooks.read(course.solution_notebook(lesson.id))
    intro = nb.cells[0].source
    assert intro.startswith(f"# Lesson {lesson.number} — {lesson.title}\n"), "first heading"
    assert f"**The business question:** {lesson.question}" in intro
    assert "By the end of this lesson you will be able to" in intro
    assert f"about {lesson.minutes} minutes" in intro
    # A family of monthly files may be named once by its pattern, e.g. `x_tweet_activity_YYYY_MM.csv`.
    named = [
        re.compile(re.escape(text).replace("YYYY", r"\d{4}").replace("MM", r"\d{2}") + "$")
        for text in re.findall(r"`([^`]+)`", intro)
    ]
    for name in lesson.datasets:
        assert any(pattern.match(name) for pattern in named), f"the introduction names the data file {name}"

    cells = cells_by_grade_id(nb)
    assert cells["setup"].metadata["nbgrader"]["locked"], "the setup cell is read-only"
    text = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    assert "Excel bridge" in text or "*In Excel:*" in text
    assert "## Key points" in text and "## What's next" in text

    exercise_ids = exercises(nb)
    assert 5 <= len(exercise_ids) <= 10, "a lesson has 5 to 10 autograded exercises"
    for exercise in exercise_ids:
        prompt = nb.cells[nb.cells.index(cells[f"{exercise}_answer"]) - 1]
        number = exercise.removeprefix("ex")
        assert prompt.cell_type == "markdown" and prompt.source.startswith(f"### Exercise {number} — ")
        assert len(re.findall(r"<details><summary><b>", prompt.source)) >= 2, f"{exercise}: hints in steps"
        assert re.search(r"\((\d+) points?\)", prompt.source.splitlines()[0]), f"{exercise}: points in title"

    written = [cell for gid, cell in cells.items() if gid.startswith("written")]
    assert 1 <= len(written) <= 2, "a lesson has one or two written answers"
    for cell in written:
        assert "**Rubric**" in cell.source, "each written answer carries its rubric in the solution"


def test_points_in_exercise_titles_match_the_checks(course, lesson):
    """Does each exercise title state the points its check cell is worth?"""
    nb = notebooks.read(course.solution_notebook(lesson.id))
    cells = cells_by_grade_id(nb)
    for exercise in exercises(nb):
        prompt = nb.cells[nb.cells.index(cells[f"{exercise}_answer"]) - 1]
        stated = int(re.search(r"\((\d+) points?\)", prompt.source)[1])
        assert stated == cells[f"{exercise}_check"].metadata["nbgrader"]["points"], exercise


HINT = re.compile(r"<details><summary><b>(.+?)</b></summary>(.*?)</details>", re.DOTALL)


def test_every_exercise_has_progressive_hints_that_never_give_the_answer_line(course, lesson):
    """Does every exercise's prompt hold Hint 1, Hint 2 and The approach, in that order, with no line of
    the solution's code in them?"""
    nb = notebooks.read(course.solution_notebook(lesson.id))
    solution_lines = {
        line.strip()
        for cell in nb.cells
        for region in regions(cell.source, "solution")
        for line in region.splitlines()
        if line.strip()
    }
    prompts = {}
    for cell in nb.cells:
        heading = re.match(r"### Exercise (\d+) ", cell.source)
        if cell.cell_type == "markdown" and heading:
            prompts[f"ex{heading[1]}"] = cell.source
    assert set(prompts) == set(exercises(nb))
    for exercise, prompt in prompts.items():
        hints = HINT.findall(prompt)
        assert [title for title, _ in hints] == ["Hint 1", "Hint 2", "The approach"], exercise
        for _, text in hints:
            leaked = [line for line in solution_lines if line in text]
            assert not leaked, f"{exercise}: a hint quotes the solution: {leaked}"


# A figure in prose is a decimal, a percentage, a number with a thousands separator or one of 3 or more
# digits (years aside). Those come from the data, so the notebook prints them; prose points to the output.
TYPED_FIGURE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+\.\d+|\d+(?:\.\d+)?\s?%|(?!20\d\d(?!\d))\d{3,})(?![\w])"
)
NOT_PROSE = re.compile(r"```.*?```|`[^`\n]*`|<[^>\n]*>|\]\([^)\s]*\)|https?://\S+", re.DOTALL)


def test_prose_states_no_typed_figures(course, lesson):
    """Is every figure a lesson states computed by a cell, not typed into its text?

    Code (in backticks) is exempt: a parameter such as `THRESHOLD = 3` is shown as code."""
    nb = notebooks.read(course.solution_notebook(lesson.id))
    typed = [
        f"cell {index}: {figure!r}"
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown"
        for figure in TYPED_FIGURE.findall(NOT_PROSE.sub(" ", cell.source))
    ]
    assert not typed, f"figures typed into the prose (print them from a cell instead): {typed}"


def test_typed_figures_are_recognised():
    """Does the prose check catch decimals, percentages, thousands and long numbers, but not years,
    small counts, times of day or code?"""
    caught = "Reach was 24,808, likes averaged 94.8, 35% of orders, and 1312 posts."
    assert [f.strip() for f in TYPED_FIGURE.findall(caught)] == ["24,808", "94.8", "35%", "1312"]
    allowed = "In 2025, post at 12:00 on 3 days; see `round(x, 2)` and `posts.head(100)`, lesson 04."
    assert TYPED_FIGURE.findall(NOT_PROSE.sub(" ", allowed)) == []
