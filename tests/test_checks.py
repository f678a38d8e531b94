"""The checks library on its own: comparisons, fingerprints, and the declarations the build records."""

import json

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from likes_to_ledger import checks
from likes_to_ledger.checks import (
    NOT_ATTEMPTED,
    NOT_YET_RIGHT,
    RIGHT,
    Chart,
    CheckSetupError,
    Date,
    Number,
    Table,
    Text,
    WholeNumber,
    grade,
    visible_outcome,
)

matplotlib.use("Agg")
NETWORKS = pd.Series({"Facebook": 6126, "Instagram": 17216, "LinkedIn": 1466})


def judge_both(tmp_path, monkeypatch, compare, expected, answer, mistakes=None):
    """Record the declaration as the build does, then judge `answer` with fingerprints and with values."""
    record = tmp_path / "record.jsonl"
    record.unlink(missing_ok=True)
    monkeypatch.setenv(checks.RECORD_VARIABLE, str(record))
    exec(
        "grade('ex1', answer='x', compare=compare, expected=expected, mistakes=mistakes)",
        {"grade": grade, "x": expected, "compare": compare, "expected": expected, "mistakes": mistakes},
    )
    monkeypatch.delenv(checks.RECORD_VARIABLE)
    entry = json.loads(record.read_text())
    key = tmp_path / "checks.json"
    key.write_text(json.dumps({"exercises": {entry.pop("id"): entry}}))
    namespace = {"grade": grade, "x": answer, "compare": compare, "expected": expected, "mistakes": mistakes}
    visible = visible_outcome("ex1", namespace, key)
    try:
        exec("grade('ex1', answer='x', compare=compare, expected=expected, mistakes=mistakes)", namespace)
        hidden = (RIGHT, "")
    except checks.NotYetRight as error:
        hidden = (NOT_YET_RIGHT, str(error))
    except checks.NotAttempted as error:
        hidden = (NOT_ATTEMPTED, str(error))
    assert hidden[0] == visible.status, (visible, hidden)
    if hidden[1]:
        assert hidden[1] == visible.message
    return visible


@pytest.mark.parametrize(
    ("answer", "status"),
    [(94.75, RIGHT), (94.8, RIGHT), (94.84, RIGHT), (94.86, NOT_YET_RIGHT), (95, NOT_YET_RIGHT)],
)
def test_numbers_are_compared_at_the_stated_decimals(tmp_path, monkeypatch, answer, status):
    """Is a number right exactly when it rounds to the expected value at the stated decimals, both halves?"""
    assert judge_both(tmp_path, monkeypatch, Number(decimals=1), 94.8, answer).status == status


def test_whole_numbers_accept_12_point_0_but_not_decimals(tmp_path, monkeypatch):
    """Does a whole number accept 12.0 for 12, and explain that 12.5 is not a whole number?"""
    assert judge_both(tmp_path, monkeypatch, WholeNumber(), 12, 12.0).status == RIGHT
    outcome = judge_both(tmp_path, monkeypatch, WholeNumber(), 12, 12.5)
    assert outcome.status == NOT_YET_RIGHT and "whole number" in outcome.message


def test_a_known_mistake_gets_its_own_message(tmp_path, monkeypatch):
    """Is a recognised mistake named, and is the expected value never in the message?"""
    mistakes = {"That's the median.": 90}
    outcome = judge_both(tmp_path, monkeypatch, Number(decimals=1), 94.8, 90.0, mistakes)
    assert outcome.message.startswith("That's the median.")
    assert "94.8" not in outcome.message


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ("Reel", RIGHT),
        (" reel ", RIGHT),
        ("REEL", RIGHT),
        ("Reels", NOT_YET_RIGHT),
        ("Photo", NOT_YET_RIGHT),
        (3, NOT_YET_RIGHT),
        (pd.Series(["Reel"]), NOT_YET_RIGHT),
    ],
)
def test_labels_ignore_capitals_and_outer_spaces_only(tmp_path, monkeypatch, answer, status):
    """Is a label right whatever its capitals, and wrong when it is another word or not a text?"""
    assert judge_both(tmp_path, monkeypatch, Text(), "Reel", answer).status == status


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        (pd.Timestamp("2025-03-18"), RIGHT),
        (pd.Timestamp("2025-03-18 14:30", tz="UTC"), RIGHT),
        ("2025-03-18", RIGHT),
        (pd.Timestamp("2025-03-18").date(), RIGHT),
        (pd.Timestamp("2025-03-17"), NOT_YET_RIGHT),
        ("18/03/2025", NOT_YET_RIGHT),
        (pd.NaT, NOT_YET_RIGHT),
        (18, NOT_YET_RIGHT),
    ],
)
def test_days_are_compared_by_calendar_day(tmp_path, monkeypatch, answer, status):
    """Is a day right in any of its usual forms, time of day aside, and wrong on another day or form?"""
    assert judge_both(tmp_path, monkeypatch, Date(), pd.Timestamp("2025-03-18"), answer).status == status


def test_a_day_reads_the_same_as_a_row_label_in_any_form():
    """Do a DatetimeIndex, .dt.date labels and ISO texts give the same table?"""
    days = pd.to_datetime(["2025-03-18", "2025-03-19"])
    expected = pd.Series([3, 4], index=days)
    for labels in (days.date, ["2025-03-18", "2025-03-19"]):
        assert Table().same(pd.Series([3, 4], index=labels), expected)
    assert not Table().same(pd.Series([3, 4], index=days + pd.Timedelta(days=1)), expected)


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (NETWORKS.sample(frac=1, random_state=1), None),
        (NETWORKS.to_frame("Reach"), None),
        (NETWORKS.astype(float), None),
        (NETWORKS / 2, "not all of its values are right"),
        (NETWORKS.rename(str.lower), "row labels aren't the ones asked for"),
        (NETWORKS.iloc[:2], "number of rows"),
        (pd.DataFrame({"Reach": NETWORKS, "Likes": NETWORKS}), "2 columns"),
        ([6126, 17216, 1466], "(a Series)"),
    ],
)
def test_tables_ignore_order_and_dtype_and_say_what_is_off(tmp_path, monkeypatch, answer, says):
    """Is a pivot right in any row order, as a Series or a one-column DataFrame, ints or floats; and
    otherwise, does the message say whether rows, labels or values are off?"""
    outcome = judge_both(tmp_path, monkeypatch, Table(), NETWORKS, answer)
    if says is None:
        assert outcome.status == RIGHT, outcome
    else:
        assert outcome.status == NOT_YET_RIGHT and says in outcome.message, outcome


def test_charts_by_kind_data_and_labels(tmp_path, monkeypatch):
    """Is a chart right by its kind, data, title and labels (capitals aside), and told which one is off?"""

    def bar(title="Reach by network", data=NETWORKS, kind="bar"):
        _, ax = plt.subplots()
        getattr(data.plot, kind)(ax=ax, title=title, ylabel="Reach")
        return ax

    expected = bar()
    assert judge_both(tmp_path, monkeypatch, Chart(), expected, bar("reach by network ")).status == RIGHT
    assert "kind of chart" in judge_both(tmp_path, monkeypatch, Chart(), expected, bar(kind="line")).message
    assert (
        "numbers asked for"
        in judge_both(tmp_path, monkeypatch, Chart(), expected, bar(data=NETWORKS / 2)).message
    )
    assert "the title" in judge_both(tmp_path, monkeypatch, Chart(), expected, bar(title="Reach")).message
    assert (
        judge_both(tmp_path, monkeypatch, Chart(ignore=("title",)), expected, bar(title="Mine")).status
        == RIGHT
    )
    plt.close("all")


def test_fingerprints_are_salted_per_exercise():
    """Does the same value give different fingerprints in two exercises (no cross-referencing answers)?"""
    assert checks.fingerprint("ex1", "value", "12") != checks.fingerprint("ex2", "value", "12")


def test_recording_refuses_a_mistake_equal_to_the_right_answer(tmp_path, monkeypatch):
    """Does the build stop when a declared mistake equals the expected value?"""
    monkeypatch.setenv(checks.RECORD_VARIABLE, str(tmp_path / "record.jsonl"))
    with pytest.raises(CheckSetupError, match="equals the right answer"):
        exec(
            "grade('ex1', answer='x', compare=WholeNumber(), expected=12, mistakes={'Oops': 12.0})",
            {"grade": grade, "WholeNumber": WholeNumber, "x": 12},
        )


def test_placeholder_and_missing_variable_are_not_attempted(tmp_path, monkeypatch):
    """Is the `...` placeholder, or a variable never assigned, 'not attempted' rather than wrong?"""
    assert judge_both(tmp_path, monkeypatch, WholeNumber(), 12, ...).status == NOT_ATTEMPTED
    monkeypatch.delenv(checks.RECORD_VARIABLE, raising=False)
    with pytest.raises(checks.NotAttempted, match="There is no x yet"):
        exec(
            "grade('ex1', answer='x', compare=WholeNumber(), expected=12)",
            {"grade": grade, "WholeNumber": WholeNumber},
        )
