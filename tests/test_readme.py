"""The README's commands are the ones that work, and CI runs exactly its test command."""

import re

from conftest import COURSE, MANIFEST

README = (COURSE.root / "README.md").read_text(encoding="utf-8")


def code_blocks():
    return [block.strip() for block in re.findall(r"```\n(.*?)```", README, flags=re.DOTALL)]


def test_ci_runs_exactly_the_readme_test_command():
    """Is the command in .ci/run the README's test command, word for word?"""
    ci_lines = [
        line for line in (COURSE.root / ".ci" / "run").read_text().splitlines() if "bootstrap.py" in line
    ]
    assert ci_lines == ["exec python3 bootstrap.py test"]
    assert "python3 bootstrap.py test" in code_blocks()


def test_readme_gives_the_main_command_and_the_anaconda_path():
    """Does the README give the one-command start, and the conda commands with environment.yml?"""
    assert "python3 bootstrap.py" in code_blocks()
    assert any("conda env create -f environment.yml" in block for block in code_blocks())


def test_binder_link_opens_the_first_lesson():
    """Does the Binder link open a notebook that exists, the first lesson's?"""
    links = re.findall(r"https://mybinder\.org/v2/gh/[^)\s]+", README)
    assert links, "no Binder link"
    first = MANIFEST.lessons[0]
    for link in links:
        path = link.split("urlpath=lab/tree/")[1]
        assert path == f"lessons/{first.id}/{first.id}.ipynb"
        assert (COURSE.root / path).is_file()


def test_readme_lists_every_lesson():
    """Does the README's lesson table name every lesson of the manifest, with its question and time?"""
    for lesson in MANIFEST.lessons:
        row = f"| {lesson.number} · {lesson.title} | {lesson.question} | {lesson.minutes} min |"
        assert row in README, f"README.md lacks the row: {row}"
