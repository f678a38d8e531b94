"""Exercise checks for Likes to Ledger: one declaration per exercise, for the visible check and hidden test.

`course build` copies this file next to every lesson as `course_checks.py`, so a lesson folder works on
its own (fetched from an nbgrader exchange, opened in Anaconda or Binder). It needs pandas only.

An exercise is declared once, in the hidden tests of its check cell in `solutions/`:

    grade(
        "ex3",
        answer="average_likes",
        compare=Number(decimals=1),
        expected=round(posts["Likes"].mean(), 1),
        mistakes={"That's the median, the middle value. The average is the mean.": posts["Likes"].median()},
    )

and the visible part of the cell is `check("ex3")`.

- `grade()` compares the learner's value with the expected value, computed from the data, and names the
  known mistake it recognises. It raises when the answer is not right: that is what nbgrader scores.
- `course build` runs the solution with COURSE_CHECKS_RECORD set. `grade()` then records the declaration
  with fingerprints (salted SHA-256) of the normalised expected value and mistakes; the build writes them
  to `checks.json` beside the lesson. `check()` recognises answers by those fingerprints, so the student
  version holds no expected value, yet tells right, a known mistake, and not attempted apart.
- Comparisons normalise first (rounding to the stated decimals, ignoring row order where the prompt
  allows), so the fingerprint and the direct comparison agree; the course tests hold them to it.

In JupyterLab, `check()` shows its outcome without raising, so Run All goes through the whole lesson.
Everywhere else (nbgrader's Validate and autograde, `course check`), a check that is not right raises,
so it fails the cell. COURSE_CHECKS_MODE=strict|interactive overrides the guess.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import inspect
import json
import math
import numbers
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

KEY_FILE = Path(__file__).with_name("checks.json")
RECORD_VARIABLE = "COURSE_CHECKS_RECORD"
MODE_VARIABLE = "COURSE_CHECKS_MODE"

RIGHT = "right"
NOT_YET_RIGHT = "not yet right"
NOT_ATTEMPTED = "not attempted"

NOT_ATTEMPTED_MESSAGE = (
    "Not attempted yet: replace the ... in the answer cell with your code, then run both cells."
)
STUCK = "Stuck? Open Hint 1 under the exercise."


class CheckFailed(AssertionError):
    """A check's verdict that the answer is not right yet; raised, it fails the check cell."""

    def _render_traceback_(self) -> list[str]:
        # IPython shows this in place of a traceback through this module, so nbgrader's Validate dialog and
        # the graded notebook show the learner the check's message rather than the checks' inner workings.
        return [f"{type(self).__name__}: {self}"]


class NotAttempted(CheckFailed):
    """The answer cell still holds its placeholder, or was never run."""


class NotYetRight(CheckFailed):
    """The answer is there, but it is not the one asked for."""


class CheckSetupError(RuntimeError):
    """The check itself cannot run: a missing key file or a broken declaration (an author's error)."""


@dataclass(frozen=True)
class Outcome:
    exercise: str
    status: str
    message: str

    def text(self) -> str:
        mark = {RIGHT: "✓", NOT_YET_RIGHT: "✗", NOT_ATTEMPTED: "…"}[self.status]
        return f"{mark} {self.message}"

    def _repr_html_(self) -> str:
        colour = {RIGHT: "#1b7f3b", NOT_YET_RIGHT: "#b35900", NOT_ATTEMPTED: "#4a5a70"}[self.status]
        return (
            f'<div style="border-left: 4px solid {colour}; padding: 0.3em 0.8em; margin: 0.2em 0">'
            f'<b style="color: {colour}">{html.escape(self.status.capitalize())}</b> · '
            f"{html.escape(self.message)}</div>"
        )


# --- Comparisons -------------------------------------------------------------------------------------
# Each turns a value into named canonical parts (strings). "value" is the whole answer; other parts let
# a not-yet-right message say which part is off (e.g. a pivot's row labels right, its numbers wrong).


def _is_real_number(value) -> bool:
    """Python's and numpy's ints and floats; not True/False, not text."""
    return isinstance(value, numbers.Real) and not (isinstance(value, bool) or pd.api.types.is_bool(value))


def _number_text(value, decimals: int) -> str:
    if isinstance(value, numbers.Integral) or pd.api.types.is_integer(value):
        text = str(int(value)) + ("." + "0" * decimals if decimals else "")
    else:
        text = f"{round(float(value), decimals):.{decimals}f}"
    return "0" + text[2:] if text.startswith("-0") and float(text) == 0 else text


def _describe(value) -> str:
    if isinstance(value, str):
        return f"text ({value!r})"
    if isinstance(value, pd.DataFrame):
        return f"a table (DataFrame) of {len(value)} rows and {len(value.columns)} columns"
    if isinstance(value, pd.Series):
        return f"a column (Series) of {len(value)} values"
    if value is None:
        return "None, which means nothing was stored"
    if _is_real_number(value):
        return f"the number {value}"
    if isinstance(value, pd.Timestamp):
        return f"the date and time {value}"
    name = type(value).__name__
    return f"an {name}" if name[0].lower() in "aeiou" else f"a {name}"


@dataclass(frozen=True)
class Number:
    """A number, compared after rounding both sides to `decimals` places (the prompt states them)."""

    decimals: int = 0

    def problem(self, value, name: str) -> str | None:
        if isinstance(value, pd.Series | pd.DataFrame):
            return (
                f"{name} is {_describe(value)}, but one number is asked for. Did you forget .sum() or "
                ".mean()?"
            )
        if isinstance(value, str):
            return f"{name} is {_describe(value)}; it should be a number. Leave out the quotes and str()."
        if isinstance(value, bool) or pd.api.types.is_bool(value):
            return f"{name} is {value}, a yes/no value; it should be a number."
        if not _is_real_number(value):
            return f"{name} should be a number; yours is {_describe(value)}."
        if math.isnan(float(value)):
            return (
                f"{name} is NaN (not a number), which pandas gives for an empty selection. Check your filter."
            )
        return None

    def parts(self, value) -> dict[str, str]:
        return {"value": _number_text(value, self.decimals)}

    def same(self, answer, expected) -> bool:
        return self.parts(answer) == self.parts(expected)

    def diagnosis(self, name: str, matching: dict[str, bool]) -> str:
        return f"{name} is not the number asked for yet."


@dataclass(frozen=True)
class WholeNumber(Number):
    """A count or a total: an integer (12.0 is accepted as 12, 12.5 is not)."""

    def problem(self, value, name: str) -> str | None:
        problem = super().problem(value, name)
        if problem is None and not float(value).is_integer():
            return (
                f"{name} should be a whole number; yours is {value}. Counts and totals of whole numbers "
                "have no decimals."
            )
        return problem


def _day_text(value) -> str | None:
    """A calendar day as 'YYYY-MM-DD': from a Timestamp, a datetime, a date or an ISO text; else None."""
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    if isinstance(value, pd.Timestamp | datetime.datetime):
        return None if pd.isna(value) else value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return None


@dataclass(frozen=True)
class Text:
    """A label such as a network, a post type or a weekday: compared ignoring capitals and outer spaces."""

    def problem(self, value, name: str) -> str | None:
        if isinstance(value, pd.Series | pd.DataFrame):
            return (
                f"{name} is {_describe(value)}, but one label is asked for. Pick the one row's label, e.g. "
                "with .idxmax() or .index[0]."
            )
        if not isinstance(value, str):
            return f'{name} should be a text in quotes, such as "Instagram"; yours is {_describe(value)}.'
        return None

    def parts(self, value) -> dict[str, str]:
        return {"value": value.strip().casefold()}

    def same(self, answer, expected) -> bool:
        return self.parts(answer) == self.parts(expected)

    def diagnosis(self, name: str, matching: dict[str, bool]) -> str:
        return f"{name} is not the one asked for yet."


@dataclass(frozen=True)
class Date:
    """A calendar day: a Timestamp, a date, or a text 'YYYY-MM-DD'. The time of day is not compared."""

    def problem(self, value, name: str) -> str | None:
        if isinstance(value, pd.Series | pd.DataFrame):
            return (
                f"{name} is {_describe(value)}, but one date is asked for. Pick the one row's date, e.g. "
                "with .idxmax() or .index[0]."
            )
        if _day_text(value) is None:
            return (
                f'{name} should be a date, such as pd.Timestamp("2025-01-31") or the text "2025-01-31"; '
                f"yours is {_describe(value)}."
            )
        return None

    def parts(self, value) -> dict[str, str]:
        return {"value": _day_text(value)}

    def same(self, answer, expected) -> bool:
        return self.parts(answer) == self.parts(expected)

    def diagnosis(self, name: str, matching: dict[str, bool]) -> str:
        return f"{name} is not the day asked for yet."


@dataclass(frozen=True)
class Table:
    """A Series or a DataFrame, compared cell by cell after normalising.

    columns=None asks for one column of values per row label (a Series, or a one-column DataFrame):
    a pivot table with one field in Values. Otherwise the named columns are compared, others ignored.
    ignore_row_order: rows may come in any order. ignore_index: row labels don't matter.
    """

    decimals: int = 0
    columns: tuple[str, ...] | None = None
    ignore_row_order: bool = True
    ignore_index: bool = False

    def problem(self, value, name: str) -> str | None:
        if self.columns is None:
            if isinstance(value, pd.DataFrame):
                if len(value.columns) == 1:
                    return None
                listed = ", ".join(str(c) for c in value.columns[:6])
                more = ", …" if len(value.columns) > 6 else ""
                return (
                    f"{name} has {len(value.columns)} columns ({listed}{more}); one column of numbers is "
                    "asked for, like a pivot table with one field in Values. Pick the column before you "
                    "summarise."
                )
            if not isinstance(value, pd.Series):
                return (
                    f"{name} should be a column of values with a label on each row (a Series); yours is "
                    f"{_describe(value)}."
                )
            return None
        if not isinstance(value, pd.DataFrame):
            return f"{name} should be a table (DataFrame); yours is {_describe(value)}."
        missing = [c for c in self.columns if c not in value.columns]
        if missing:
            return (
                f"{name} has no column {', '.join(repr(c) for c in missing)}. Check the names, capitals "
                "included."
            )
        return None

    def frame(self, value) -> pd.DataFrame:
        """The comparable form: selected columns, row labels as a column, rounded numbers, sorted rows."""
        if self.columns is None:
            series = value.squeeze(axis="columns") if isinstance(value, pd.DataFrame) else value
            table = series.rename("value").to_frame()
        else:
            table = value[list(self.columns)].copy()
        table.columns = [str(c) for c in table.columns]
        if not self.ignore_index:
            labels = [self._label(label) for label in table.index]
            table.insert(0, "(row label)", labels)
        table = table.reset_index(drop=True)
        for column in table.columns:
            table[column] = [self._cell(cell) for cell in table[column]]
        if self.ignore_row_order:
            table = table.sort_values(list(table.columns), key=lambda c: c.astype(str), kind="stable")
            table = table.reset_index(drop=True)
        return table

    @staticmethod
    def _label(label) -> str:
        # A day reads the same whether it came from a DatetimeIndex, .dt.date or an ISO text.
        if isinstance(label, datetime.datetime) and not pd.isna(label):  # pd.Timestamp is a datetime
            return label.date().isoformat() if label.time() == datetime.time(0) else label.isoformat()
        if isinstance(label, datetime.date):
            return label.isoformat()
        return str(label)

    def _cell(self, cell):
        if cell is None or (isinstance(cell, float) and math.isnan(cell)) or cell is pd.NA or cell is pd.NaT:
            return None
        if isinstance(cell, pd.Timestamp | datetime.date):
            return self._label(cell)
        if _is_real_number(cell):
            return float(_number_text(cell, self.decimals))
        return str(cell)

    def parts(self, value) -> dict[str, str]:
        table = self.frame(value)
        parts = {"value": json.dumps(table.to_dict(orient="split"), sort_keys=True), "rows": str(len(table))}
        if not self.ignore_index:
            parts["labels"] = json.dumps(sorted(table["(row label)"]))
        return parts

    def same(self, answer, expected) -> bool:
        try:
            pd.testing.assert_frame_equal(
                self.frame(answer), self.frame(expected), check_dtype=False, check_exact=True
            )
        except AssertionError:
            return False
        return True

    def diagnosis(self, name: str, matching: dict[str, bool]) -> str:
        if not matching.get("rows", True):
            return (
                f"{name} doesn't have the number of rows asked for. Did you group or filter by the right "
                "column?"
            )
        if not matching.get("labels", True):
            return f"{name}'s row labels aren't the ones asked for. Did you group by the right column?"
        return (
            f"{name} has the right rows, but not all of its values are right yet. Check the column and "
            "the summary."
        )


@dataclass(frozen=True)
class Chart:
    """A matplotlib chart (an Axes or a Figure): its kind, title, axis labels and plotted data.

    Texts are compared ignoring capitals and spaces at the ends; numbers after rounding to `decimals`.
    Facts named in `ignore` ("title", "xlabel", "ylabel") are not compared, e.g. a title of the
    learner's choosing. A heatmap's data is also compared in parts (its row labels, its column labels,
    its values), so a not-yet-right message can say which part is off.
    """

    decimals: int = 2
    ignore: tuple[str, ...] = ()

    FACTS = ("kind", "data", "title", "xlabel", "ylabel")

    def problem(self, value, name: str) -> str | None:
        try:
            facts = chart_facts(value, self.decimals)
        except (TypeError, ValueError) as error:
            return f"{name} is not a chart I can read: {error}"
        if facts["kind"] == "empty":
            return f"{name} has nothing drawn on it yet."
        return None

    def parts(self, value) -> dict[str, str]:
        facts = chart_facts(value, self.decimals)
        for text in ("title", "xlabel", "ylabel"):
            facts[text] = facts[text].strip().casefold()
        compared = {fact: facts[fact] for fact in self.FACTS if fact not in self.ignore}
        parts = {fact: json.dumps(fact_value, sort_keys=True) for fact, fact_value in compared.items()}
        if facts["kind"] == "heatmap" and "data" in compared:
            for key in ("rows", "columns", "values"):
                parts[f"heatmap {key}"] = json.dumps(facts["data"][key])
        parts["value"] = json.dumps(compared, sort_keys=True)
        return parts

    def same(self, answer, expected) -> bool:
        return self.parts(answer)["value"] == self.parts(expected)["value"]

    def diagnosis(self, name: str, matching: dict[str, bool]) -> str:
        if not matching.get("kind", True):
            return (
                f"{name} is not the kind of chart asked for (bar, horizontal bar, line, scatter or heatmap)."
            )
        if not matching.get("data", True):
            if "heatmap rows" in matching:
                return self._heatmap_diagnosis(name, matching)
            return f"{name} is the right kind of chart, but it doesn't plot the numbers asked for."
        wrong = [
            {"title": "the title", "xlabel": "the x-axis label", "ylabel": "the y-axis label"}[fact]
            for fact in ("title", "xlabel", "ylabel")
            if not matching.get(fact, True)
        ]
        return f"{name} plots the right data; now fix {' and '.join(wrong)} as the exercise words it."

    @staticmethod
    def _heatmap_diagnosis(name: str, matching: dict[str, bool]) -> str:
        rows, columns = matching.get("heatmap rows", True), matching.get("heatmap columns", True)
        if not rows or not columns:
            which = " and ".join(
                side
                for side, right in (("rows (the y axis)", rows), ("columns (the x axis)", columns))
                if not right
            )
            return (
                f"{name} is a heatmap, but its {which} don't carry the labels asked for. Did you draw the "
                "right table, and put its labels on the ticks (ax.set_yticks / ax.set_xticks with labels)?"
            )
        return (
            f"{name} is a heatmap with the rows and columns asked for, but its cells don't show the numbers "
            "asked for. Check the table you drew."
        )


# The charts' facts. plotchecker and matplotlib are imported inside, so lessons without charts don't
# need them. What reads what:
# The facts a course check compares about a learner's chart, as one plain, JSON-serialisable dict.
#
# `chart_facts` is one self-contained function (its imports and helpers live inside it, so importing
# this module costs nothing and the function can be pasted whole into a learner-facing checks module).
#
# What reads what:
# - plotchecker 0.2.0 (jhamrick) reads the title and axis labels (`PlotChecker`), the bar centres and
#   heights of a single set of vertical bars (`BarPlotChecker`), every line's data (`LinePlotChecker`)
#   and the points of a plain scatter chart (`ScatterPlotChecker`); all of these work with matplotlib 3.11.
# - Plain matplotlib does the rest, where plotchecker cannot: horizontal bars (`BarPlotChecker` takes
#   x-centres and sorts by the left edge, which is 0 for every horizontal bar), grouped or stacked bars
#   (`BarPlotChecker` pools every patch of the Axes, so it cannot tell the series apart), scatter charts
#   that also hold lines or other collections (`ScatterPlotChecker` refuses lines and reads (0, 0) for a
#   collection without points), category tick labels, dates and legend labels.
# - earthlab's matplotcheck 0.1.4 is not used: it fails to import without scipy (its base module imports
#   scipy, pandas and geopandas at the top; it also requires folium and rasterio).
#
# Dates: a date axis gives ISO strings 'YYYY-MM-DD' ('YYYY-MM-DDTHH:MM:SS' when the time is not midnight),
# both for matplotlib date numbers (ax.plot(dates, values), pandas without a frequency) and for pandas'
# period axes (a DatetimeIndex with a frequency is drawn as period ordinals; the date is the period's
# start, so a weekly 'W-MON' point dated Monday 2024-01-01 reads '2023-12-26' and a month-end point reads
# the 1st). The period case uses pandas only when it is already loaded, as it is when pandas drew it.
#
# Categories: an axis whose ticks were placed with text labels (pandas bar and category charts,
# plt.bar(labels, values), ax.set_xticks(positions, labels)) gives the label at a value's tick;
# a numeric axis gives the number.


def chart_facts(chart, decimals: int = 2) -> dict:
    """The facts of a chart that a course check compares, as a JSON-serialisable dict.

    `chart` is a matplotlib Axes, a Figure with exactly one Axes (colour bars do not count), or None
    for the current Axes of the current figure. The result has these keys:

    - "kind": "heatmap" (one image or one colour mesh: ax.imshow, ax.pcolormesh, wins over the rest),
      "bar" (vertical bars, histograms too), "barh" (horizontal bars), "scatter" (points), "line",
      "other" (something else is drawn, e.g. a pie) or "empty"; the first that fits, in that order.
    - "title", "xlabel", "ylabel": the texts, stripped.
    - "data":
      - bar / barh with one set of bars: [[category, value], ...] from left to right (barh: bottom to
        top), the value being the bar's height (barh: its width); the category is the tick label at the
        bar's centre, else the centre itself (a number, or an ISO date on a date axis).
      - bar / barh with several sets of bars (grouped or stacked, e.g. DataFrame.plot.bar()): one entry
        per set, in drawing order: [{"label": legend label or "", "bars": [[category, value], ...]}, ...].
      - line: [{"label": legend label or "", "x": [...], "y": [...]}, ...], one entry per line in
        drawing order; x and y values are numbers, ISO dates or category labels as their axis shows.
      - scatter: sorted [[x, y], ...] of every point (points that are not finite are left out). Points
        win over lines: a scatter chart with a trend line is "scatter", and its line is not in "data".
      - heatmap: {"rows": [...], "columns": [...], "values": [[...], ...]}: the rows from top to bottom
        and the columns from left to right as the chart shows them, each named as its axis reads the
        cell's centre (the tick label there, else the number), and one list of cell values per row
        (a missing or masked cell is None). An RGB picture is not a heatmap ("other").
      - other / empty: [].
    - "series_labels": the legend's texts, [] without a legend.

    Numbers are plain floats rounded to `decimals`; a missing value (NaN) in a line is None.
    """
    import datetime
    import math
    import sys

    import matplotlib.category as mcategory
    import matplotlib.collections as mcollections
    import matplotlib.container as mcontainer
    import matplotlib.dates as mdates
    import matplotlib.figure as mfigure
    import matplotlib.image as mimage
    import matplotlib.ticker as mticker
    import plotchecker

    # Which Axes.
    if chart is None:
        import matplotlib.pyplot as plt

        if not plt.get_fignums() or not plt.gcf().axes:
            raise ValueError(
                "No chart found: draw it in this cell, or store the Axes returned by plt.subplots() / "
                "df.plot() (e.g. ax = df.plot()) and pass that."
            )
        ax = plt.gca()
    elif isinstance(chart, mfigure.Figure):
        axes = [a for a in chart.axes if a.get_label() != "<colorbar>"]
        if len(axes) != 1:
            raise ValueError(
                f"The figure has {len(axes)} Axes, so it is not clear which chart to check: "
                "pass the one Axes you mean (e.g. axes[0])."
            )
        ax = axes[0]
    elif hasattr(chart, "get_title") and hasattr(chart, "xaxis"):
        ax = chart
    else:
        raise TypeError(f"Expected a matplotlib Axes, Figure or None, got {type(chart).__name__}.")

    def number(value):
        value = float(value)
        if not math.isfinite(value):
            return None
        return round(value, decimals) + 0.0  # + 0.0 turns -0.0 into 0.0

    def iso(moment):
        moment = moment.replace(microsecond=0)
        if moment.time() == datetime.time(0):
            return moment.date().isoformat()
        return moment.strftime("%Y-%m-%dT%H:%M:%S")

    def axis_reader(axis):
        """A function turning a value drawn on `axis` into a fact: a date, a category label or a number."""
        converter = axis.get_converter() if hasattr(axis, "get_converter") else axis.converter
        locator = axis.get_major_locator()
        formatter = axis.get_major_formatter()
        pandas = sys.modules.get("pandas")

        if type(converter).__name__ == "PeriodConverter" and pandas is not None:
            freq = getattr(formatter, "freq", None) or getattr(ax, "freq", None)

            def read_period(value):
                if not math.isfinite(float(value)) or freq is None:
                    return number(value)
                period = pandas.Period(ordinal=int(round(float(value))), freq=freq)
                return iso(period.start_time.to_pydatetime())

            return read_period

        # matplotlib's own converter for datetime values is a private class: look it up, don't rely on it.
        switchable = getattr(mdates, "_SwitchableDateConverter", mdates.DateConverter)
        date_converters = (mdates.DateConverter, switchable)
        if isinstance(converter, date_converters) or isinstance(locator, mdates.DateLocator):

            def read_date(value):
                if not math.isfinite(float(value)):
                    return None
                seconds = round(float(value) * 86400)
                return iso(mdates.num2date(seconds / 86400).replace(tzinfo=None))

            return read_date

        labelled_ticks = isinstance(locator, mticker.FixedLocator | mcategory.StrCategoryLocator)
        numeric_labels = isinstance(formatter, mticker.ScalarFormatter | mticker.LogFormatter)
        if labelled_ticks and not numeric_labels:
            locations = [float(v) for v in axis.get_majorticklocs()]
            texts = [str(t).strip() for t in formatter.format_ticks(locations)]
            ticks = sorted((loc, text) for loc, text in zip(locations, texts, strict=True) if text)
            gaps = [b[0] - a[0] for a, b in zip(ticks, ticks[1:], strict=False) if b[0] > a[0]]
            reach = min(gaps) / 2 if gaps else 0.5

            def read_category(value):
                value = float(value)
                if ticks and math.isfinite(value):
                    location, text = min(ticks, key=lambda tick: abs(tick[0] - value))
                    if abs(location - value) < reach:
                        return text
                return number(value)

            return read_category

        return number

    def legend_labels(artists):
        """The legend text shown for each artist, "" for one the legend does not show."""
        legend = ax.get_legend()
        if legend is None:
            return ["" for _ in artists]
        texts = [t.get_text() for t in legend.texts]
        own = [artist.get_label() for artist in artists]
        if any(label in texts for label in own):
            return [label if label in texts else "" for label in own]
        # ax.legend(["a", "b"]) labels the artists in drawing order without renaming them.
        return [texts[i] if i < len(texts) else "" for i in range(len(artists))]

    def heatmap_data(grid):
        """Rows, columns and values of one image or colour mesh, as the chart shows them; None for a
        picture (RGB) that holds no values to read."""
        values = grid.get_array()
        if values is None:
            return None
        values = values.astype(float).filled(math.nan) if hasattr(values, "filled") else values
        if isinstance(grid, mimage.AxesImage):
            if values.ndim != 2:
                return None
            n_rows, n_columns = values.shape
            left, right, bottom, top = grid.get_extent()
            # origin "upper" puts the array's first row at the extent's top, "lower" at its bottom.
            start, end = (top, bottom) if grid.origin == "upper" else (bottom, top)
            row_centres = [start + (i + 0.5) * (end - start) / n_rows for i in range(n_rows)]
            column_centres = [left + (j + 0.5) * (right - left) / n_columns for j in range(n_columns)]
        else:
            corners = grid.get_coordinates()  # (rows + 1, columns + 1, 2); (rows, columns, 2) if gouraud
            shape = corners.shape[:2]
            cells = (shape[0] - 1, shape[1] - 1)
            if values.ndim != 2:
                values = values.reshape(cells if values.size == cells[0] * cells[1] else shape)
            if values.shape == tuple(shape):
                row_centres = [float(y) for y in corners[:, 0, 1]]
                column_centres = [float(x) for x in corners[0, :, 0]]
            else:
                row_centres = [(corners[i, 0, 1] + corners[i + 1, 0, 1]) / 2 for i in range(cells[0])]
                column_centres = [(corners[0, j, 0] + corners[0, j + 1, 0]) / 2 for j in range(cells[1])]
        bottom_limit, top_limit = ax.get_ylim()
        left_limit, right_limit = ax.get_xlim()
        row_order = sorted(range(len(row_centres)), key=lambda i: row_centres[i])
        if top_limit > bottom_limit:  # y grows upwards, so the top row is the one with the largest y
            row_order.reverse()
        column_order = sorted(range(len(column_centres)), key=lambda j: column_centres[j])
        if left_limit > right_limit:
            column_order.reverse()
        read_row, read_column = axis_reader(ax.yaxis), axis_reader(ax.xaxis)
        return {
            "rows": [read_row(row_centres[i]) for i in row_order],
            "columns": [read_column(column_centres[j]) for j in column_order],
            "values": [[number(values[i][j]) for j in column_order] for i in row_order],
        }

    checker = plotchecker.PlotChecker(ax)
    legend = ax.get_legend()
    facts = {
        "kind": "empty",
        "title": checker.title,
        "xlabel": checker.xlabel,
        "ylabel": checker.ylabel,
        "data": [],
        "series_labels": [t.get_text().strip() for t in legend.texts] if legend is not None else [],
    }

    containers = [c for c in ax.containers if isinstance(c, mcontainer.BarContainer) and len(c)]
    point_sets = [c for c in ax.collections if isinstance(c, mcollections.PathCollection)]
    drawn_lines = [line for line in ax.get_lines() if line.get_linestyle() not in ("None", "", " ")]
    marker_lines = [line for line in ax.get_lines() if line not in drawn_lines]

    grids = [image for image in ax.images if isinstance(image, mimage.AxesImage)]
    grids += [mesh for mesh in ax.collections if isinstance(mesh, mcollections.QuadMesh)]
    heatmap = heatmap_data(grids[0]) if len(grids) == 1 else None

    if heatmap is not None:
        facts["kind"] = "heatmap"
        facts["data"] = heatmap

    elif containers:
        horizontal = getattr(containers[0], "orientation", None) == "horizontal"
        facts["kind"] = "barh" if horizontal else "bar"
        read_category = axis_reader(ax.yaxis if horizontal else ax.xaxis)
        sets = []
        for container in containers:
            if horizontal:
                bars = [(p.get_y() + p.get_height() / 2, p.get_width()) for p in container]
            elif len(containers) == 1 and len(ax.patches) == len(container):
                bar_checker = plotchecker.BarPlotChecker(ax)
                bars = list(zip(bar_checker.centers, bar_checker.heights, strict=True))
            else:
                bars = [(p.get_x() + p.get_width() / 2, p.get_height()) for p in container]
            sets.append([[read_category(centre), number(value)] for centre, value in sorted(bars)])
        if len(sets) == 1:
            facts["data"] = sets[0]
        else:
            labels = legend_labels(containers)
            facts["data"] = [{"label": label, "bars": bars} for label, bars in zip(labels, sets, strict=True)]

    elif point_sets or (marker_lines and not drawn_lines):
        facts["kind"] = "scatter"
        read_x, read_y = axis_reader(ax.xaxis), axis_reader(ax.yaxis)
        plain = all(line.get_marker() not in (None, "None", "") for line in marker_lines)
        if not drawn_lines and plain and len(point_sets) == len(ax.collections):
            scatter_checker = plotchecker.ScatterPlotChecker(ax)
            points = zip(scatter_checker.x_data, scatter_checker.y_data, strict=True)
        else:
            points = [tuple(xy) for line in marker_lines for xy in line.get_xydata()]
            for collection in point_sets:
                offsets = collection.get_offsets()
                offsets = offsets.filled(math.nan) if hasattr(offsets, "filled") else offsets
                points += [tuple(xy) for xy in offsets]
        finite = [(x, y) for x, y in points if math.isfinite(float(x)) and math.isfinite(float(y))]
        facts["data"] = sorted([read_x(x), read_y(y)] for x, y in finite)

    elif drawn_lines:
        facts["kind"] = "line"
        read_x, read_y = axis_reader(ax.xaxis), axis_reader(ax.yaxis)
        line_checker = plotchecker.LinePlotChecker(ax)
        labels = legend_labels(ax.get_lines())
        facts["data"] = [
            {"label": label, "x": [read_x(v) for v in xs], "y": [read_y(v) for v in ys]}
            for label, xs, ys in zip(labels, line_checker.x_data, line_checker.y_data, strict=True)
        ]

    elif ax.has_data():
        facts["kind"] = "other"

    return facts


COMPARISONS = {kind.__name__: kind for kind in (Number, WholeNumber, Text, Date, Table, Chart)}


def _comparison_from(spec: dict):
    spec = dict(spec)
    kind = COMPARISONS[spec.pop("kind")]
    if spec.get("columns") is not None:
        spec["columns"] = tuple(spec["columns"])
    return kind(**spec)


def _comparison_spec(compare) -> dict:
    return {"kind": type(compare).__name__, **asdict(compare)}


# --- Declarations and fingerprints -------------------------------------------------------------------


@dataclass
class Exercise:
    id: str
    answer: str
    compare: object
    column: str | None = None
    right: dict[str, str] = field(default_factory=dict)
    mistakes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def answer_name(self) -> str:
        return f'{self.answer}["{self.column}"]' if self.column else self.answer

    def key_entry(self) -> dict:
        return {
            "answer": self.answer,
            "column": self.column,
            "compare": _comparison_spec(self.compare),
            "right": self.right,
            "mistakes": [{"message": message, "value": fp} for message, fp in self.mistakes],
        }

    @classmethod
    def from_key(cls, exercise_id: str, entry: dict) -> Exercise:
        return cls(
            id=exercise_id,
            answer=entry["answer"],
            column=entry["column"],
            compare=_comparison_from(entry["compare"]),
            right=entry["right"],
            mistakes=[(m["message"], m["value"]) for m in entry["mistakes"]],
        )


def fingerprint(exercise_id: str, part: str, canonical: str) -> str:
    """A salted hash: the same value gives different fingerprints in different exercises."""
    return hashlib.sha256(f"likes-to-ledger|{exercise_id}|{part}|{canonical}".encode()).hexdigest()[:32]


def _fingerprints(exercise_id: str, parts: dict[str, str]) -> dict[str, str]:
    return {part: fingerprint(exercise_id, part, text) for part, text in parts.items()}


def load_key(path: Path | None = None) -> dict[str, Exercise]:
    path = path or KEY_FILE
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["exercises"]
    except (OSError, ValueError, KeyError) as error:
        raise CheckSetupError(
            f"The checks can't run: {path.name} is missing or damaged next to {Path(__file__).name} "
            f"({error}). Download a fresh copy of the lesson folder and copy your answers into it."
        ) from None
    return {exercise_id: Exercise.from_key(exercise_id, entry) for exercise_id, entry in entries.items()}


# --- Judging -----------------------------------------------------------------------------------------


def _strict() -> bool:
    mode = os.environ.get(MODE_VARIABLE, "")
    if mode in ("strict", "interactive"):
        return mode == "strict"
    # Kernels that JupyterLab starts for an open notebook know its path; nbgrader's and nbconvert's don't.
    return "JPY_SESSION_NAME" not in os.environ


def _caller_namespace() -> dict:
    frame = inspect.currentframe()
    try:
        return frame.f_back.f_back.f_globals
    finally:
        del frame


def _fetch(exercise: Exercise, namespace: dict):
    """The learner's value, or the Outcome that says it isn't there yet."""
    if exercise.answer not in namespace:
        return Outcome(
            exercise.id,
            NOT_ATTEMPTED,
            f"There is no {exercise.answer} yet. Run your answer cell (Shift + Enter), then this check.",
        )
    value = namespace[exercise.answer]
    if value is Ellipsis:
        return Outcome(exercise.id, NOT_ATTEMPTED, NOT_ATTEMPTED_MESSAGE)
    if exercise.column is None:
        return value
    if not isinstance(value, pd.DataFrame):
        return Outcome(
            exercise.id,
            NOT_YET_RIGHT,
            f"{exercise.answer} should still be a table (DataFrame); now it is {_describe(value)}. "
            "Run the notebook again from the top (Kernel → Restart Kernel and Run All Cells…).",
        )
    if exercise.column not in value.columns:
        near = [str(c) for c in value.columns if str(c).strip().casefold() == exercise.column.casefold()]
        if near:
            return Outcome(
                exercise.id,
                NOT_YET_RIGHT,
                f'{exercise.answer} has a column "{near[0]}", but it should be called "{exercise.column}": '
                "capitals and spaces count. (Drop the wrong one with "
                f'{exercise.answer} = {exercise.answer}.drop(columns="{near[0]}").)',
            )
        return Outcome(
            exercise.id,
            NOT_ATTEMPTED,
            f'{exercise.answer} has no column "{exercise.column}" yet. '
            "Write it in the answer cell and run it.",
        )
    column = value[exercise.column]
    if len(column) and column.map(lambda cell: cell is Ellipsis).all():
        return Outcome(exercise.id, NOT_ATTEMPTED, NOT_ATTEMPTED_MESSAGE)
    return column


def _judge(exercise: Exercise, value, is_right, mistake_of, matching) -> Outcome:
    name = exercise.answer_name
    problem = exercise.compare.problem(value, name)
    if problem:
        return Outcome(exercise.id, NOT_YET_RIGHT, f"{problem} {STUCK}")
    try:
        if is_right(value):
            return Outcome(exercise.id, RIGHT, f"Right: {name} is correct.")
        mistake = mistake_of(value)
        message = mistake if mistake else exercise.compare.diagnosis(name, matching(value))
    except Exception as error:  # a value the comparison can't read must not crash the grader
        message = (
            f"{name} could not be compared ({type(error).__name__}). Is it the kind of value the prompt "
            "asks for?"
        )
    return Outcome(exercise.id, NOT_YET_RIGHT, f"{message} {STUCK}")


def _judge_by_fingerprint(exercise: Exercise, value) -> Outcome:
    def mine(v):
        return _fingerprints(exercise.id, exercise.compare.parts(v))

    return _judge(
        exercise,
        value,
        is_right=lambda v: mine(v)["value"] == exercise.right["value"],
        mistake_of=lambda v: next((msg for msg, fp in exercise.mistakes if fp == mine(v)["value"]), None),
        matching=lambda v: {part: exercise.right.get(part) == fp for part, fp in mine(v).items()},
    )


def _judge_by_value(exercise: Exercise, value, expected, mistakes: dict) -> Outcome:
    compare = exercise.compare
    return _judge(
        exercise,
        value,
        is_right=lambda v: compare.same(v, expected),
        mistake_of=lambda v: next((msg for msg, wrong in mistakes.items() if compare.same(v, wrong)), None),
        matching=lambda v: {
            part: text == compare.parts(expected).get(part) for part, text in compare.parts(v).items()
        },
    )


def _report(outcome: Outcome, strict: bool) -> None:
    if outcome.status == RIGHT or not strict:
        try:
            from IPython.display import display

            display({"text/plain": outcome.text(), "text/html": outcome._repr_html_()}, raw=True)
        except ImportError:
            print(outcome.text())
        return
    raise (NotAttempted if outcome.status == NOT_ATTEMPTED else NotYetRight)(outcome.message)


def check(exercise_id: str) -> None:
    """The visible check: judge the learner's answer by the fingerprints in checks.json."""
    if os.environ.get(RECORD_VARIABLE):
        return  # the build is recording the key this check would read
    _report(visible_outcome(exercise_id, _caller_namespace()), _strict())


def visible_outcome(exercise_id: str, namespace: dict, key_path: Path | None = None) -> Outcome:
    exercises = load_key(key_path)
    if exercise_id not in exercises:
        raise CheckSetupError(
            f"checks.json has no exercise {exercise_id!r}. Download a fresh copy of the lesson."
        )
    exercise = exercises[exercise_id]
    value = _fetch(exercise, namespace)
    return value if isinstance(value, Outcome) else _judge_by_fingerprint(exercise, value)


def grade(
    exercise_id: str,
    *,
    answer: str,
    compare,
    expected,
    mistakes: dict | None = None,
    column: str | None = None,
) -> None:
    """The hidden test: judge the learner's answer against the expected value; raise unless it is right."""
    mistakes = mistakes or {}
    exercise = Exercise(exercise_id, answer, compare, column)
    value = _fetch(exercise, _caller_namespace())
    outcome = value if isinstance(value, Outcome) else _judge_by_value(exercise, value, expected, mistakes)
    if os.environ.get(RECORD_VARIABLE):
        _record(exercise, expected, mistakes, outcome)
        return
    if outcome.status != RIGHT:
        raise (NotAttempted if outcome.status == NOT_ATTEMPTED else NotYetRight)(outcome.message)


def _record(exercise: Exercise, expected, mistakes: dict, outcome: Outcome) -> None:
    """Write the declaration and its fingerprints for the build, after checking the declaration itself."""
    compare = exercise.compare
    if outcome.status != RIGHT:
        raise CheckSetupError(f"{exercise.id}: the solution does not pass its own check: {outcome.message}")
    problem = compare.problem(expected, "the expected value")
    if problem:
        raise CheckSetupError(f"{exercise.id}: {problem}")
    exercise.right = _fingerprints(exercise.id, compare.parts(expected))
    seen = {exercise.right["value"]: "the right answer"}
    for message, wrong in mistakes.items():
        if compare.problem(wrong, "a mistake"):
            raise CheckSetupError(
                f"{exercise.id}: the mistake {message!r} would be caught by its type already."
            )
        value_fp = _fingerprints(exercise.id, compare.parts(wrong))["value"]
        if value_fp in seen:
            raise CheckSetupError(f"{exercise.id}: the mistake {message!r} equals {seen[value_fp]}.")
        seen[value_fp] = f"the mistake {message!r}"
        exercise.mistakes.append((message, value_fp))
    with open(os.environ[RECORD_VARIABLE], "a", encoding="utf-8") as record:
        record.write(json.dumps({"id": exercise.id, **exercise.key_entry()}) + "\n")
