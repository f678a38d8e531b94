"""The committed data files are exactly what the generator writes, and read as the lessons expect."""

import warnings

import pandas as pd
import pytest

from likes_to_ledger import datasets


def test_regeneration_reproduces_the_committed_files_byte_for_byte(course, tmp_path):
    """Does `course data` write files identical, byte for byte, to the committed ones?"""
    written = datasets.generate_all(tmp_path)
    assert written, "the generator wrote nothing"
    for path in written:
        committed = course.dataset(path.name)
        assert committed.is_file(), f"{path.name} is generated but not committed in datasets/"
        assert path.read_bytes() == committed.read_bytes(), f"datasets/{path.name} differs: run `course data`"


def test_every_committed_data_file_is_generated(course, tmp_path):
    """Is every file in datasets/ (other than its README) produced by the generator?"""
    generated = {path.name for path in datasets.generate_all(tmp_path)}
    committed = {path.name for path in course.datasets.iterdir() if path.name != "README.md"}
    assert committed == generated


def test_every_manifest_dataset_is_documented(course, manifest):
    """Does the data dictionary describe each file a lesson uses?"""
    dictionary = (course.datasets / "README.md").read_text(encoding="utf-8")
    for lesson in manifest.lessons:
        for name in lesson.datasets:
            assert f"`{name}`" in dictionary, f"datasets/README.md does not describe {name}"


@pytest.mark.parametrize("engine", ["openpyxl"])
def test_orientation_week_reads_without_warnings(course, engine):
    """Does the orientation workbook read quietly, with the types the lesson promises?"""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        posts = pd.read_excel(course.dataset("orientation_week.xlsx"), sheet_name="Posts", engine=engine)
    assert list(posts.columns) == datasets.POST_COLUMNS
    assert pd.api.types.is_datetime64_any_dtype(posts["Date"])
    for column in ["Reach", "Likes", "Comments", "Shares", "Link clicks"]:
        assert pd.api.types.is_integer_dtype(posts[column]), column
        assert (posts[column] >= 0).all(), column
    assert posts["Date"].dt.day_of_week.tolist() == sorted(posts["Date"].dt.day_of_week), "one week, in order"


def test_orientation_facts_the_model_answer_relies_on(course):
    """Is Instagram the network with the most reach, ahead of Facebook and LinkedIn together, with two
    reels, as lesson 00's model answer says?"""
    posts = pd.read_excel(course.dataset("orientation_week.xlsx"), sheet_name="Posts", engine="openpyxl")
    reach = posts.groupby("Network")["Reach"].sum()
    assert reach.idxmax() == "Instagram"
    assert reach["Instagram"] > reach.drop("Instagram").sum()
    instagram = posts[posts["Network"] == "Instagram"]
    assert (instagram["Post type"] == "Reel").sum() == 2
    assert len(posts) == 12, "the model answer speaks of twelve posts"
