"""chart_facts reads real pandas and matplotlib charts (Agg, no mocks) into the facts a check compares."""

import datetime
import json
import subprocess
import sys

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from likes_to_ledger.checks import chart_facts

# A warning from reading a chart (ours, pandas', matplotlib's or plotchecker's) fails the test.
pytestmark = pytest.mark.filterwarnings("error")

DAYS = ["Mon", "Tue", "Wed"]
LIKES = [["Mon", 120.0], ["Tue", 340.26], ["Wed", 95.0]]  # [120, 340.256, 95] to 2 decimals


@pytest.fixture(autouse=True)
def agg_and_close():
    plt.switch_backend("agg")
    plt.close("all")
    yield
    plt.close("all")


def facts(kind, data, title="", xlabel="", ylabel="", series_labels=()):
    return {
        "kind": kind,
        "title": title,
        "xlabel": xlabel,
        "ylabel": ylabel,
        "data": data,
        "series_labels": list(series_labels),
    }


def test_pandas_bar_chart():
    """Does a pandas bar chart give its categories, heights, title and stripped axis labels?"""
    likes = pd.Series([120, 340.256, 95], index=DAYS, name="likes")
    ax = likes.plot.bar(title="  Likes per day ", xlabel="Day", ylabel="Likes ")
    assert chart_facts(ax) == facts("bar", LIKES, title="Likes per day", xlabel="Day", ylabel="Likes")


def test_matplotlib_bar_chart_with_string_categories():
    """Does plt.bar(labels, values) give the same facts as a pandas bar chart, read from the Figure?"""
    fig = plt.figure()
    plt.bar(DAYS, [120, 340.256, 95])
    plt.title("Likes per day")
    assert chart_facts(fig) == facts("bar", LIKES, title="Likes per day")


def test_bar_chart_on_numbers_gives_the_bar_centres():
    """Does a bar chart on a numeric axis fall back to the bar centres, negative heights kept?"""
    _, ax = plt.subplots()
    ax.bar([2023, 2024, 2025], [3, -1.5, 2])
    assert chart_facts(ax)["data"] == [[2023.0, 3.0], [2024.0, -1.5], [2025.0, 2.0]]


def test_horizontal_bar_charts():
    """Do pandas and matplotlib horizontal bar charts give their categories and widths, bottom to top?"""
    expected = facts("barh", [["Mon", 120.0], ["Tue", 340.0], ["Wed", 95.0]], xlabel="Likes")
    ax = pd.Series([120, 340, 95], index=DAYS).plot.barh(xlabel="Likes")
    assert chart_facts(ax) == expected
    _, ax = plt.subplots()
    ax.barh(DAYS, [120, 340, 95])
    ax.set_xlabel("Likes")
    assert chart_facts(ax) == expected


def test_grouped_bar_chart():
    """Does a grouped pandas bar chart give one labelled set of bars per column?"""
    posts = pd.DataFrame({"likes": [120, 340, 95], "shares": [12, 30.5, 8]}, index=DAYS)
    ax = posts.plot.bar(rot=0)
    assert chart_facts(ax) == facts(
        "bar",
        [
            {"label": "likes", "bars": [["Mon", 120.0], ["Tue", 340.0], ["Wed", 95.0]]},
            {"label": "shares", "bars": [["Mon", 12.0], ["Tue", 30.5], ["Wed", 8.0]]},
        ],
        series_labels=["likes", "shares"],
    )


def test_pandas_line_with_a_datetime_index():
    """Does a pandas line of a DatetimeIndex give ISO dates, whether pandas draws periods or dates?"""
    daily = pd.date_range("2024-01-01", periods=3, freq="D")  # pandas draws periods of a day
    irregular = pd.DatetimeIndex(["2024-01-01", "2024-01-05", "2024-02-01"])  # matplotlib date numbers
    with_freq = pd.Series([1.5, 2.25, 3.0], index=daily, name="likes")
    without_freq = pd.Series([1.5, 2.25, 3.0], index=irregular)
    monthly = pd.Series([10.0, 20.0], index=pd.date_range("2024-01-01", periods=2, freq="MS"))

    ax = with_freq.plot(title="Likes", legend=True)
    assert chart_facts(ax) == facts(
        "line",
        [{"label": "likes", "x": ["2024-01-01", "2024-01-02", "2024-01-03"], "y": [1.5, 2.25, 3.0]}],
        title="Likes",
        series_labels=["likes"],
    )
    _, ax = plt.subplots()
    without_freq.plot(ax=ax)
    assert chart_facts(ax)["data"] == [
        {"label": "", "x": ["2024-01-01", "2024-01-05", "2024-02-01"], "y": [1.5, 2.25, 3.0]}
    ]
    _, ax = plt.subplots()
    monthly.plot(ax=ax)
    assert chart_facts(ax)["data"] == [{"label": "", "x": ["2024-01-01", "2024-02-01"], "y": [10.0, 20.0]}]


def test_matplotlib_line_with_datetime_values():
    """Does ax.plot(dates, values) give ISO dates for datetimes, dates and numpy datetime64 alike?"""
    days = [datetime.datetime(2024, 3, 1), datetime.datetime(2024, 3, 2), datetime.datetime(2024, 3, 4)]
    expected = [{"label": "", "x": ["2024-03-01", "2024-03-02", "2024-03-04"], "y": [5.0, 7.12, 6.0]}]
    for dates in (days, [d.date() for d in days], pd.DatetimeIndex(days).to_numpy()):
        fig, ax = plt.subplots()
        ax.plot(dates, [5, 7.123, 6])
        assert chart_facts(ax) == facts("line", expected)
        plt.close(fig)


def test_two_lines_with_a_legend():
    """Do two lines with a legend each give their legend label, also when the legend names them itself?"""
    _, ax = plt.subplots()
    ax.plot([1, 2, 3], [10, 20, 30], label="likes")
    ax.plot([1, 2, 3], [1, 2, 3], label="shares")
    ax.set_xlabel("Week")
    ax.legend()
    expected = facts(
        "line",
        [
            {"label": "likes", "x": [1.0, 2.0, 3.0], "y": [10.0, 20.0, 30.0]},
            {"label": "shares", "x": [1.0, 2.0, 3.0], "y": [1.0, 2.0, 3.0]},
        ],
        xlabel="Week",
        series_labels=["likes", "shares"],
    )
    assert chart_facts(ax) == expected
    _, ax = plt.subplots()
    ax.plot([1, 2, 3], [10, 20, 30])
    ax.plot([1, 2, 3], [1, 2, 3])
    ax.set_xlabel("Week")
    ax.legend(["likes", "shares"])
    assert chart_facts(ax) == expected


def test_pandas_line_of_categories():
    """Does a pandas line over a text index give the category labels as x?"""
    ax = pd.Series([1, 3, 2], index=DAYS).plot()
    assert chart_facts(ax)["data"] == [{"label": "", "x": DAYS, "y": [1.0, 3.0, 2.0]}]


def test_scatter_charts():
    """Do pandas and matplotlib scatter charts give their points as sorted [x, y] pairs?"""
    posts = pd.DataFrame({"reach": [300, 100, 200.555], "likes": [30, 12, 25]})
    points = [[100.0, 12.0], [200.56, 25.0], [300.0, 30.0]]
    expected = facts("scatter", points, xlabel="reach", ylabel="likes")
    assert chart_facts(posts.plot.scatter(x="reach", y="likes")) == expected
    _, ax = plt.subplots()
    ax.scatter(posts["reach"], posts["likes"])
    ax.set_xlabel("reach")
    ax.set_ylabel("likes")
    assert chart_facts(ax) == expected


def test_scatter_with_a_colour_bar():
    """Does a pandas scatter coloured by a column still count as one chart, colour bar aside?"""
    posts = pd.DataFrame({"reach": [1, 2], "likes": [3, 4], "day": [0, 1]})
    ax = posts.plot.scatter(x="reach", y="likes", c="day")
    assert len(ax.figure.axes) == 2
    assert chart_facts(ax.figure)["data"] == [[1.0, 3.0], [2.0, 4.0]]


def test_decimals_and_json():
    """Are numbers rounded to `decimals`, and is every result plain JSON (a missing value is null)?"""
    ax = pd.Series([1.23456, float("nan"), 3.0]).plot()
    result = chart_facts(ax, decimals=3)
    assert result["data"] == [{"label": "", "x": [0.0, 1.0, 2.0], "y": [1.235, None, 3.0]}]
    assert json.loads(json.dumps(result, allow_nan=False)) == result


def test_other_and_empty_charts():
    """Does a pie chart count as 'other' and a blank Axes as 'empty'?"""
    _, ax = plt.subplots()
    ax.pie([1, 2])
    assert chart_facts(ax) == facts("other", [])
    _, ax = plt.subplots()
    assert chart_facts(ax) == facts("empty", [])


def test_current_axes_when_no_chart_is_passed():
    """Does chart_facts(None) read the chart just drawn with pyplot?"""
    plt.plot([1, 2], [3, 4])
    assert chart_facts(None)["data"] == [{"label": "", "x": [1.0, 2.0], "y": [3.0, 4.0]}]


def test_figure_with_two_axes_is_refused():
    """Does a Figure with two Axes raise a ValueError that says how many it has?"""
    fig, _ = plt.subplots(1, 2)
    with pytest.raises(ValueError, match="has 2 Axes"):
        chart_facts(fig)


def test_no_figure_at_all():
    """Does chart_facts(None) with no figure open tell the learner how to pass their chart?"""
    with pytest.raises(ValueError, match=r"No chart found: draw it in this cell, or store the Axes"):
        chart_facts(None)


def test_importing_is_cheap_and_plotchecker_imports_cleanly():
    """Does importing the checks module load neither matplotlib nor plotchecker (lessons without charts
    don't need them), and does plotchecker import without a warning?"""
    loaded = "sorted({'matplotlib', 'plotchecker'} & {*sys.modules})"
    code = f"import sys, likes_to_ledger.checks; print({loaded})"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    strict = [sys.executable, "-W", "error::DeprecationWarning", "-c", "import plotchecker"]
    subprocess.run(strict, check=True)


WEEK = pd.DataFrame({"Mon": [1.0, 2.5], "Tue": [float("nan"), 4.256]}, index=pd.Index([12, 19], name="Hour"))
WEEK_FACTS = {"rows": ["12", "19"], "columns": ["Mon", "Tue"], "values": [[1.0, None], [2.5, 4.26]]}


def labelled_imshow(table, **imshow):
    _, ax = plt.subplots()
    ax.imshow(table, **imshow)
    ax.set_yticks(range(len(table.index)), table.index)
    ax.set_xticks(range(len(table.columns)), table.columns)
    return ax


def test_imshow_heatmap_gives_labels_top_to_bottom_and_values():
    """Does ax.imshow of a pivot table, with its labels on the ticks and a colour bar, give its rows top
    to bottom, columns left to right and rounded values (a missing cell None), read from the Figure?"""
    ax = labelled_imshow(WEEK)
    ax.set_title("Engagement rate")
    ax.set_xlabel("Weekday")
    ax.set_ylabel("Hour")
    ax.figure.colorbar(ax.images[0])
    expected = facts("heatmap", WEEK_FACTS, title="Engagement rate", xlabel="Weekday", ylabel="Hour")
    assert chart_facts(ax.figure) == expected
    assert json.loads(json.dumps(chart_facts(ax), allow_nan=False)) == expected


def test_heatmap_reads_the_rows_as_shown():
    """Are the rows read from top to bottom as the chart shows them, whatever the origin or the y axis?"""
    assert chart_facts(labelled_imshow(WEEK, origin="lower"))["data"] == {
        "rows": ["19", "12"],  # the tick labels now sit the other way up, each still on its own row
        "columns": ["Mon", "Tue"],
        "values": [[2.5, 4.26], [1.0, None]],
    }
    _, ax = plt.subplots()
    ax.pcolormesh(WEEK.columns, WEEK.index.astype(str), WEEK)  # y grows upwards: row 12 at the bottom
    assert chart_facts(ax)["data"] == {
        "rows": ["19", "12"],
        "columns": ["Mon", "Tue"],
        "values": [[2.5, 4.26], [1.0, None]],
    }
    ax.invert_yaxis()
    assert chart_facts(ax)["data"] == WEEK_FACTS


def test_pcolormesh_and_matshow_heatmaps():
    """Do ax.pcolormesh with its ticks at the cell centres, and ax.matshow, read like ax.imshow?"""
    _, ax = plt.subplots()
    ax.pcolormesh(WEEK)
    ax.invert_yaxis()
    ax.set_yticks([0.5, 1.5], WEEK.index)
    ax.set_xticks([0.5, 1.5], WEEK.columns)
    assert chart_facts(ax) == facts("heatmap", WEEK_FACTS)
    _, ax = plt.subplots()
    ax.matshow(WEEK)
    ax.set_yticks(range(2), WEEK.index)
    ax.set_xticks(range(2), WEEK.columns)
    assert chart_facts(ax)["data"] == WEEK_FACTS


def test_heatmap_without_tick_labels_gives_positions():
    """Without labels on its ticks, does a heatmap name its rows and columns by their positions?"""
    _, ax = plt.subplots()
    ax.imshow([[1, 2, 3], [4, 5, 6]])
    assert chart_facts(ax)["data"] == {
        "rows": [0.0, 1.0],
        "columns": [0.0, 1.0, 2.0],
        "values": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]],
    }


def test_a_picture_or_two_grids_are_not_a_heatmap():
    """Is an RGB picture, or an Axes with two images, 'other' rather than a heatmap?"""
    _, ax = plt.subplots()
    ax.imshow([[[0.0, 0.5, 1.0], [1.0, 0.5, 0.0]]])
    assert chart_facts(ax)["kind"] == "other"
    _, ax = plt.subplots()
    ax.imshow([[1, 2]], extent=(0, 2, 0, 1))
    ax.imshow([[3, 4]], extent=(0, 2, 1, 2))
    assert chart_facts(ax)["kind"] == "other"


def test_heatmap_diagnosis_names_the_part_that_is_off():
    """Does a check of a heatmap say whether its labels or its values are off, and does a bar chart
    asked to be a heatmap hear that it is not the kind asked for?"""
    from likes_to_ledger.checks import Chart

    compare = Chart()
    expected = compare.parts(labelled_imshow(WEEK))

    def message(ax):
        parts = compare.parts(ax)
        assert parts["value"] != expected["value"]
        return compare.diagnosis(
            "heatmap_ax", {part: expected.get(part) == text for part, text in parts.items()}
        )

    unlabelled = plt.subplots()[1]
    unlabelled.imshow(WEEK)
    assert "its rows (the y axis) and columns (the x axis) don't carry the labels" in message(unlabelled)
    assert "rows (the y axis) don't carry" in message(labelled_imshow(WEEK.rename(index={19: 20})))
    assert "cells don't show the numbers asked for" in message(labelled_imshow(WEEK * 2))
    assert "not the kind of chart asked for" in message(WEEK.plot.bar())
