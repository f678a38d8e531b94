"""`course build` regenerates lessons/ from solutions/; `course build --check` catches stale lessons."""

import shutil
import subprocess
import sys

import nbformat
import pytest
from conftest import COURSE

from likes_to_ledger import notebooks
from likes_to_ledger.grading import ScratchCourse
from likes_to_ledger.paths import CourseDir

COURSE_FILES = ["course.toml", "nbgrader_config.py", "grader_config.py"]
COURSE_FOLDERS = ["solutions", "lessons", "datasets"]


def course_command(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "likes_to_ledger.cli", *args], cwd=cwd, capture_output=True, text=True
    )


@pytest.fixture
def course_copy(tmp_path):
    """A copy of the course's sources, to build and break without touching the repository."""
    for name in COURSE_FILES:
        shutil.copyfile(COURSE.root / name, tmp_path / name)
    for name in COURSE_FOLDERS:
        shutil.copytree(
            COURSE.root / name, tmp_path / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
    return tmp_path


def snapshot(root):
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for folder in COURSE_FOLDERS
        for path in sorted((root / folder).rglob("*"))
        if path.is_file() and ".ipynb_checkpoints" not in path.parts
    }


def test_committed_lessons_are_up_to_date():
    """Is lessons/ exactly what `course build` generates from solutions/ right now?"""
    result = course_command("build", "--check", cwd=COURSE.root)
    assert result.returncode == 0, result.stderr


def test_build_is_idempotent(course_copy):
    """Does building an up-to-date course change no file at all?"""
    before = snapshot(course_copy)
    result = course_command("build", cwd=course_copy)
    assert result.returncode == 0, result.stderr
    assert snapshot(course_copy) == before


def test_check_names_the_lesson_whose_solution_changed(course_copy):
    """Does --check fail, naming the lesson, after a solution is edited, and does build then fix it?"""
    lesson_id = "00-orientation"
    path = course_copy / "solutions" / lesson_id / f"{lesson_id}.ipynb"
    nb = notebooks.read(path)
    nb.cells[0].source += "\n\nA sentence the student version does not have yet."
    notebooks.write(nb, path)

    stale = course_command("build", "--check", cwd=course_copy)
    assert stale.returncode == 1
    assert f"{lesson_id}: lessons/{lesson_id} is out of date ({lesson_id}.ipynb)" in stale.stderr

    assert course_command("build", lesson_id, cwd=course_copy).returncode == 0
    assert (
        "A sentence the student version"
        in (course_copy / "lessons" / lesson_id / f"{lesson_id}.ipynb").read_text()
    )
    assert course_command("build", "--check", cwd=course_copy).returncode == 0


def test_build_copies_data_files_and_cleans_solutions(course_copy):
    """Does build put each lesson's data files in its folders, and strip outputs an author saved?"""
    lesson_id = "00-orientation"
    (course_copy / "solutions" / lesson_id / "orientation_week.xlsx").unlink()
    shutil.rmtree(course_copy / "lessons" / lesson_id)
    path = course_copy / "solutions" / lesson_id / f"{lesson_id}.ipynb"
    nb = notebooks.read(path)
    code_cell = next(cell for cell in nb.cells if cell.cell_type == "code")
    code_cell.execution_count = 3
    code_cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="2\n")]
    code_cell.metadata["collapsed"] = True
    notebooks.write(nb, path)

    stale = course_command("build", "--check", lesson_id, cwd=course_copy)
    assert stale.returncode == 1
    assert f"solutions/{lesson_id}/orientation_week.xlsx is missing" in stale.stderr
    assert "is not clean" in stale.stderr

    assert course_command("build", lesson_id, cwd=course_copy).returncode == 0
    assert snapshot(course_copy) == snapshot(COURSE.root)


def test_check_reports_a_lesson_folder_not_in_the_manifest(course_copy):
    """Is a lessons/ folder that no lesson generates reported, and removed by build?"""
    (course_copy / "lessons" / "99-leftover").mkdir()
    stale = course_command("build", "--check", cwd=course_copy)
    assert stale.returncode == 1
    assert "lessons/99-leftover is not a lesson of course.toml" in stale.stderr
    assert course_command("build", cwd=course_copy).returncode == 0
    assert not (course_copy / "lessons" / "99-leftover").exists()


def test_nbgrader_failure_names_the_lesson(course_copy):
    """When nbgrader rejects a solution (a duplicated grade_id), does build say which lesson and why?"""
    lesson_id = "00-orientation"
    path = course_copy / "solutions" / lesson_id / f"{lesson_id}.ipynb"
    nb = notebooks.read(path)
    cells = [cell for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade_id") == "ex2_check"]
    cells[0].metadata.nbgrader.grade_id = "ex1_check"
    notebooks.write(nb, path)
    result = course_command("build", lesson_id, cwd=course_copy)
    assert result.returncode == 2
    assert f"nbgrader could not generate lesson {lesson_id}" in result.stderr
    assert "ex1_check" in result.stderr


def test_building_one_lesson_leaves_the_others_alone(course_copy):
    """Does `course build LESSON` rebuild that lesson only, and name a lesson that doesn't exist?"""
    edited, other = "00-orientation", course_copy / "lessons" / "99-leftover"
    other.mkdir()  # a full build would remove it
    path = course_copy / "solutions" / edited / f"{edited}.ipynb"
    nb = notebooks.read(path)
    nb.cells[0].source += "\n\nOne more sentence."
    notebooks.write(nb, path)
    assert course_command("build", edited, cwd=course_copy).returncode == 0
    assert "One more sentence." in (course_copy / "lessons" / edited / f"{edited}.ipynb").read_text()
    assert other.is_dir()

    unknown = course_command("build", "00-orientaton", cwd=course_copy)
    assert unknown.returncode == 2
    assert "00-orientaton: not a lesson of course.toml. Its lessons are: 00-orientation" in unknown.stderr


def test_outside_a_course_the_command_says_where_to_run_it(tmp_path):
    """Run from a folder with no course.toml, does `course build` explain what to do?"""
    result = course_command("build", cwd=tmp_path)
    assert result.returncode == 2
    assert "Run this command from inside the course folder" in result.stderr


def test_build_keeps_a_copy_of_learner_work(course_copy):
    """If someone worked in lessons/ (answers typed, cells run, files added), does build keep a copy
    of their work before it regenerates the folder?"""
    lesson_id = "00-orientation"
    folder = course_copy / "lessons" / lesson_id
    nb = notebooks.read(folder / f"{lesson_id}.ipynb")
    answer = next(
        cell for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade_id") == "ex1_answer"
    )
    answer.source = "n_posts = 12  # my answer"
    notebooks.write(nb, folder / f"{lesson_id}.ipynb")
    (folder / "my_notes.txt").write_text("ask about reach vs impressions")

    result = course_command("build", lesson_id, cwd=course_copy)
    assert result.returncode == 0, result.stderr
    backups = {
        path.name: path
        for path in (course_copy / ".course" / "backups" / lesson_id).rglob("*")
        if path.is_file() and ".ipynb_checkpoints" not in path.parts
    }
    assert set(backups) == {f"{lesson_id}.ipynb", "my_notes.txt"}
    assert "n_posts = 12  # my answer" in backups[f"{lesson_id}.ipynb"].read_text()
    assert f"kept a copy of lessons/{lesson_id}/{lesson_id}.ipynb" in result.stdout
    assert snapshot(course_copy) == snapshot(COURSE.root), "the lesson folder is regenerated as usual"


def test_build_makes_no_backup_of_an_untouched_lesson(course_copy):
    """Does a plain rebuild after a solution edit leave .course/backups alone?"""
    path = course_copy / "solutions" / "00-orientation" / "00-orientation.ipynb"
    nb = notebooks.read(path)
    nb.cells[0].source += "\n\nOne more sentence."
    notebooks.write(nb, path)
    assert course_command("build", "00-orientation", cwd=course_copy).returncode == 0
    assert not (course_copy / ".course").exists()


def test_recorded_checks_are_what_the_solution_gives_now(lesson):
    """Is each committed checks.json exactly what running the solution records today (so a fingerprint
    of unchanged inputs never hides a stale key)?"""
    from likes_to_ledger import answer_key

    committed = (COURSE.solution_folder(lesson.id) / answer_key.KEY_NAME).read_text(encoding="utf-8")
    assert answer_key.record(COURSE, lesson) == committed


def test_a_lessons_output_folder_is_the_learners_own(course_copy):
    """Is what a lesson saves in its `output` folder (lesson 12's workbook) left out of the check, the
    release and the build, in solutions/ and in lessons/ alike?"""
    lesson_id = "00-orientation"
    for side in ("solutions", "lessons"):
        output = course_copy / side / lesson_id / "output"
        output.mkdir()
        (output / "for_leadership.xlsx").write_bytes(b"the learner's workbook")
    assert course_command("build", "--check", lesson_id, cwd=course_copy).returncode == 0
    path = course_copy / "solutions" / lesson_id / f"{lesson_id}.ipynb"
    nb = notebooks.read(path)
    nb.cells[0].source += "\n\nOne more sentence."  # so that the build regenerates the lesson
    notebooks.write(nb, path)
    assert course_command("build", lesson_id, cwd=course_copy).returncode == 0
    assert "One more sentence." in (course_copy / "lessons" / lesson_id / f"{lesson_id}.ipynb").read_text()
    assert (course_copy / "lessons" / lesson_id / "output" / "for_leadership.xlsx").read_bytes() == (
        b"the learner's workbook"
    )
    released = ScratchCourse(CourseDir(course_copy), course_copy / "scratch").release(lesson_id)
    assert not (released / "output").exists()
