"""The committed data files are exactly what the generator writes, and read as the lessons expect."""

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import COURSE

from likes_to_ledger.data import orientation
from likes_to_ledger.data.catalog import FILES
from likes_to_ledger.data.generate import generate_all, load

SIZE_LIMIT_MB = 25


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> dict[str, Path]:
    """A fresh run of `course data` into a scratch folder: file name -> path."""
    folder = tmp_path_factory.mktemp("regenerated")
    paths = generate_all(folder / "datasets", folder / "ground_truth.md")
    return {path.name: path for path in paths}


def test_regeneration_reproduces_the_committed_files_byte_for_byte(regenerated):
    """Does `course data` write every file, dictionary and instructors' page identical, byte for byte, to the
    committed ones?"""
    differing = []
    for name, path in regenerated.items():
        committed = COURSE.ground_truth_doc if name == "ground_truth.md" else COURSE.dataset(name)
        if not committed.is_file() or committed.read_bytes() != path.read_bytes():
            differing.append(name)
    assert differing == [], "run `course data` and commit the result"


def test_every_committed_data_file_is_generated(regenerated):
    """Is every file in datasets/ produced by the generator (nothing stale, nothing hand-made)?"""
    committed = {path.name for path in COURSE.datasets.iterdir()}
    assert committed == set(regenerated) - {"ground_truth.md"}


def test_every_manifest_dataset_is_documented(manifest):
    """Does the data dictionary describe each file a lesson uses?"""
    dictionary = (COURSE.datasets / "README.md").read_text(encoding="utf-8")
    # A family of monthly files has one section, headed by its pattern: `x_tweet_activity_YYYY_MM.csv`.
    sections = [
        re.compile(re.escape(heading).replace("YYYY", r"\d{4}").replace("MM", r"\d{2}") + "$")
        for heading in re.findall(r"^## `([^`]+)`$", dictionary, flags=re.MULTILINE)
    ]
    for lesson in manifest.lessons:
        for name in lesson.datasets:
            assert any(section.match(name) for section in sections), (
                f"datasets/README.md does not describe {name}"
            )


def test_the_datasets_folder_stays_small():
    """Is the whole datasets/ folder under 25 MB, so a clone and Binder stay quick?"""
    size = sum(path.stat().st_size for path in COURSE.datasets.iterdir())
    assert size < SIZE_LIMIT_MB * 1e6, f"datasets/ holds {size / 1e6:.1f} MB"


@pytest.mark.parametrize("data_file", FILES, ids=lambda data_file: data_file.name)
def test_each_file_reads_quietly_the_documented_way(data_file):
    """Read as the data dictionary says, does each file load quietly, with rows and a clean header?"""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = load(data_file, COURSE.datasets)
    assert len(frame) > 0
    assert not [column for column in frame.columns if str(column).startswith("Unnamed")], (
        "a header is misread"
    )


def test_realistic_volumes():
    """Thousands of posts and orders, tens of thousands of mentions?"""
    by_name = {data_file.name: load(data_file, COURSE.datasets) for data_file in FILES}
    posts = sum(
        len(by_name[name])
        for name in [
            "facebook_post_insights.xlsx",
            "instagram_posts.csv",
            "x_tweet_activity_YYYY_MM.csv",
            "linkedin_page_content.xlsx",
        ]
    )
    assert posts >= 3000
    assert by_name["shopify_orders.csv"]["Name"].nunique() >= 5000
    assert len(by_name["listening_mentions.tsv"]) >= 20000


def test_orientation_week_reads_with_the_types_the_lesson_promises():
    """Does lesson 00's workbook read with dates, whole numbers and no negative counts?"""
    posts = pd.read_excel(COURSE.dataset("orientation_week.xlsx"), sheet_name="Posts", engine="openpyxl")
    assert list(posts.columns) == orientation.POST_COLUMNS
    assert pd.api.types.is_datetime64_any_dtype(posts["Date"])
    for column in ["Reach", "Likes", "Comments", "Shares", "Link clicks"]:
        assert pd.api.types.is_integer_dtype(posts[column]), column
        assert (posts[column] >= 0).all(), column
    assert posts["Date"].dt.day_of_week.tolist() == sorted(posts["Date"].dt.day_of_week), "one week, in order"


def test_orientation_facts_the_model_answer_relies_on():
    """Is Instagram the network with the most reach, ahead of Facebook and LinkedIn together, with two
    reels, as lesson 00's model answer says?"""
    posts = pd.read_excel(COURSE.dataset("orientation_week.xlsx"), sheet_name="Posts", engine="openpyxl")
    reach = posts.groupby("Network")["Reach"].sum()
    assert reach.idxmax() == "Instagram"
    assert reach["Instagram"] > reach.drop("Instagram").sum()
    instagram = posts[posts["Network"] == "Instagram"]
    assert (instagram["Post type"] == "Reel").sum() == 2
    assert len(posts) == 12, "the model answer speaks of twelve posts"
