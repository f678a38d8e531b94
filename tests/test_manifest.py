"""course.toml problems are reported with the file, the lesson and what to do."""

import pytest

from likes_to_ledger.manifest import ManifestError, load_manifest
from likes_to_ledger.paths import CourseDir

LESSON = """
[[lessons]]
id = "{id}"
title = "A lesson"
question = "Why?"
minutes = 30
datasets = {datasets}
points = {{ autograded = 5, manual = 1 }}
"""


def write_manifest(root, *lessons):
    (root / "datasets").mkdir(exist_ok=True)
    (root / "datasets" / "there.xlsx").write_bytes(b"")
    text = '[course]\nid = "c"\ntitle = "C"\n' + "".join(
        LESSON.format(id=lesson_id, datasets=datasets) for lesson_id, datasets in lessons
    )
    (root / "course.toml").write_text(text)
    return CourseDir(root)


def test_the_real_manifest_loads(course):
    """Does the course's own manifest load, with lesson 00 first?"""
    manifest = load_manifest(course)
    assert manifest.lessons[0].id == "00-orientation"


def test_a_valid_manifest_loads(tmp_path):
    """Are lessons, datasets and points read as written?"""
    manifest = load_manifest(write_manifest(tmp_path, ("00-intro", '["there.xlsx"]'), ("01-next", "[]")))
    assert [lesson.id for lesson in manifest.lessons] == ["00-intro", "01-next"]
    assert manifest.lessons[0].datasets == ("there.xlsx",)
    assert manifest.lessons[0].autograded_points == 5


@pytest.mark.parametrize(
    ("lessons", "message"),
    [
        ([("intro", "[]")], "lesson id 'intro' must look like NN-slug"),
        (
            [("00-intro", '["missing.xlsx"]')],
            "Lesson 00-intro uses datasets/missing.xlsx, which does not exist",
        ),
        ([("00-intro", "[]"), ("02-gap", "[]")], "in order without gaps"),
        ([("00-intro", "[]"), ("00-intro", "[]")], "lists a lesson twice"),
        ([], "lists no lessons"),
    ],
)
def test_a_broken_manifest_is_explained(tmp_path, lessons, message):
    """Does each kind of broken manifest raise an error that says what is wrong?"""
    with pytest.raises(ManifestError, match=message):
        load_manifest(write_manifest(tmp_path, *lessons))
