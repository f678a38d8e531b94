"""Every workbook in datasets/ opens in real LibreOffice Calc (headless), which reads the values pandas reads.

LibreOffice converts each workbook to one CSV file per sheet, and every cell of that CSV is compared with the
cell pandas reads in the same place. Cells, not headers: some workbooks have a note row above the header or a
description row under it, so pandas reads with header=None and both sides count rows and columns from A1.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import numbers
import os
import shutil
import signal
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import COURSE
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
WORKBOOKS = sorted((COURSE.root / "datasets").glob("*.xlsx"))
CONVERSION_TIMEOUT = 180  # seconds, for one run of LibreOffice converting all the workbooks

# LibreOffice's CSV export filter and its options, one token per position (LibreOffice Help, "CSV Filter
# Options"; checked on LibreOffice 7.4):
#   1-3  44,34,76   commas between fields, double quotes around text that needs them, UTF-8
#   4-6  1,,0       import-only tokens (first line, column formats, language)
#   7    false      quote only the text that needs it
#   8    true       write numbers as numbers
#   9    false      "save cell contents as shown" off: LibreOffice writes each cell's raw value, as it would
#                   show it for editing (3.14159265358979, not the 3.14 of a cell formatted 0.00; 1234.5, not
#                   1,234.50 €; dates in the locale's edit form), so the comparison sees values, not formats
#   10   false      formulas' results, not the formulas
#   11   false      keep leading and trailing spaces
#   12   -1         every sheet to its own file, <workbook>-<sheet>.csv (LibreOffice 7.2 or newer)
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

# The private profile's only setting: the en-US locale, whatever the machine's language. Raw values are then
# written 1234.5, 25.6% (a percent format), TRUE, 03/04/2025 (month first; 4 March), 12:05:00 PM, or ISO
# 2025-03-04 12:05:00 when the cell's format is ISO.
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>en-US</value></prop></item>
</oor:items>
"""

Sheets = dict[str, list[list[str]]]  # sheet name -> rows of cells, as LibreOffice writes them


def require_libreoffice() -> str:
    if not SOFFICE:
        if os.environ.get("CI"):
            pytest.fail(
                "LibreOffice is missing on CI: bootstrap.py test should have installed libreoffice-calc"
            )
        pytest.skip("LibreOffice is not installed (Debian: apt-get install libreoffice-calc)")
    return SOFFICE


def convert_with_libreoffice(workbooks: list[Path], work: Path) -> tuple[dict[Path, Sheets], str]:
    """Each workbook's sheets as LibreOffice Calc reads them, and LibreOffice's output.

    One run of LibreOffice converts all the workbooks: each start costs seconds. A workbook LibreOffice
    cannot open maps to no sheets."""
    soffice = require_libreoffice()
    inbox, outbox, profile = work / "in", work / "out", work / "profile"
    for folder in (inbox, outbox, profile / "user"):
        folder.mkdir(parents=True)
    # A fresh profile for each run: neither a LibreOffice already running nor a stale profile interferes.
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE_SETTINGS, encoding="utf-8")
    # Numbered copies: LibreOffice names each CSV <stem>-<sheet>.csv, and "book1-" cannot be the start of
    # another copy's files (stems "week" and "week-2" could); no lock file can land in datasets/ either.
    copies = {workbook: inbox / f"book{number}.xlsx" for number, workbook in enumerate(workbooks)}
    for workbook, copy in copies.items():
        shutil.copyfile(workbook, copy)
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    command += ["--convert-to", CSV_FILTER, "--outdir", str(outbox), *map(str, copies.values())]
    # A UTF-8 locale for the process, or LibreOffice mangles accented sheet names in the CSV files' names.
    env = dict(os.environ, LC_ALL="C.UTF-8")
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        log, _ = process.communicate(timeout=CONVERSION_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # soffice starts soffice.bin: stop both
        process.communicate()
        pytest.fail(f"LibreOffice did not convert {len(workbooks)} workbook(s) within {CONVERSION_TIMEOUT} s")
    converted = {}
    for workbook, copy in copies.items():
        prefix = f"{copy.stem}-"
        converted[workbook] = {
            path.stem.removeprefix(prefix): read_csv(path) for path in sorted(outbox.glob(f"{prefix}*.csv"))
        }
    return converted, log


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file))


def read_with_pandas(workbook: Path) -> dict[str, pd.DataFrame]:
    """Every sheet as pandas reads it, cell by cell. keep_default_na=False: a text cell "NA" or "N/A"
    stays that text, as LibreOffice writes it, instead of becoming NaN; empty cells read as "", counted
    as empty."""
    return pd.read_excel(workbook, sheet_name=None, header=None, engine="openpyxl", keep_default_na=False)


def is_empty(value) -> bool:
    if isinstance(value, str):
        return value == ""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def shape(rows: list[list]) -> tuple[int, int]:
    """Rows and columns up to the last cell that is not empty, counted from A1."""
    filled = [
        (r, c)
        for r, row in enumerate(rows, start=1)
        for c, cell in enumerate(row, start=1)
        if not is_empty(cell)
    ]
    return max((r for r, _ in filled), default=0), max((c for _, c in filled), default=0)


def padded(rows: list[list], height: int, width: int, fill) -> list[list]:
    """`height` rows of `width` cells: rows cut or filled out with `fill`."""
    rows = [list(row[:width]) + [fill] * (width - len(row)) for row in rows[:height]]
    return rows + [[fill] * width for _ in range(height - len(rows))]


def seconds_of_day(moment: dt.time) -> float:
    return moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6


def same_value(value, text: str) -> bool:
    """Is `text`, a cell as LibreOffice writes it, the value pandas reads?"""
    if is_empty(value) or text == "":
        return is_empty(value) and text == ""
    one_second = pd.Timedelta(seconds=1)  # LibreOffice writes times to the second: 12:05:30.25 as 12:05:30
    try:
        if isinstance(value, bool | np.bool_):
            return text == ("TRUE" if value else "FALSE")
        if isinstance(value, numbers.Number):
            number = float(text[:-1]) / 100 if text.endswith("%") else float(text)
            return math.isclose(float(value), number, rel_tol=1e-9)
        if isinstance(value, dt.date | np.datetime64):  # dates and date-times (pd.Timestamp included)
            return abs(pd.Timestamp(text) - pd.Timestamp(value)) < one_second
        if isinstance(value, dt.time):
            return abs(seconds_of_day(pd.Timestamp(text).time()) - seconds_of_day(value)) < 1
        if isinstance(value, dt.timedelta | np.timedelta64):  # durations, e.g. format [h]:mm: 36:00:00
            return abs(pd.Timedelta(text) - pd.Timedelta(value)) < one_second
    except (ValueError, OverflowError):  # LibreOffice wrote no number, date or duration: not the same
        return False
    return isinstance(value, str) and text == value


def differences(name: str, pandas_sheets: dict[str, pd.DataFrame], libreoffice_sheets: Sheets) -> list[str]:
    """Where LibreOffice's sheets differ from pandas': a line per difference, naming file, sheet and cell."""
    problems = []
    if set(pandas_sheets) != set(libreoffice_sheets):
        problems.append(
            f"{name}: pandas reads sheets {sorted(pandas_sheets)}, LibreOffice {sorted(libreoffice_sheets)}"
        )
    for sheet, frame in pandas_sheets.items():
        if sheet not in libreoffice_sheets:
            continue
        ours, theirs = frame.astype(object).to_numpy().tolist(), libreoffice_sheets[sheet]
        where = f"{name}, sheet {sheet!r}"
        (our_height, our_width), (their_height, their_width) = shape(ours), shape(theirs)
        if (our_height, our_width) != (their_height, their_width):
            problems.append(
                f"{where}: pandas reads {our_height} rows and {our_width} columns, "
                f"LibreOffice {their_height} rows and {their_width} columns"
            )
        # Both padded to the larger shape, so the cells only one side has are named too.
        height, width = max(our_height, their_height), max(our_width, their_width)
        ours, theirs = padded(ours, height, width, None), padded(theirs, height, width, "")
        for row_number, (our_row, their_row) in enumerate(zip(ours, theirs, strict=True), start=1):
            for column_number, (value, text) in enumerate(zip(our_row, their_row, strict=True), start=1):
                if not same_value(value, text):
                    column = get_column_letter(column_number)
                    problems.append(
                        f"{where}, row {row_number}, column {column} (cell {column}{row_number}): "
                        f"pandas reads {value!r}, LibreOffice {text!r}"
                    )
    return problems


@pytest.fixture(scope="module")
def libreoffice_datasets(tmp_path_factory) -> tuple[dict[Path, Sheets], str]:
    """Every workbook of datasets/, as LibreOffice Calc reads it, converted in one run of LibreOffice."""
    return convert_with_libreoffice(WORKBOOKS, tmp_path_factory.mktemp("libreoffice"))


@pytest.mark.parametrize("workbook", WORKBOOKS, ids=lambda path: path.name)
def test_libreoffice_reads_the_same_values_as_pandas(workbook, libreoffice_datasets):
    """Does LibreOffice Calc open this workbook of datasets/ and read the same values as pandas in every
    sheet?"""
    converted, log = libreoffice_datasets
    name = f"datasets/{workbook.name}"
    assert converted[workbook], f"LibreOffice could not open {name}; its output:\n{log}"
    problems = differences(name, read_with_pandas(workbook), converted[workbook])
    assert not problems, f"{len(problems)} difference(s), the first ones:\n" + "\n".join(problems[:30])


def test_comparison_reports_a_planted_difference(tmp_path):
    """Does the comparison accept a small workbook (note row, date, formatted number, accents, empty cell)
    read honestly, and name the file, sheet, row and column of each value planted in pandas' copy?"""
    workbook = tmp_path / "planted.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.title = "Ventes été"
    sheet.append(["Note: made up for this test"])
    sheet.append(["Date", "Amount", "Comment", "Empty", "After"])
    sheet.append([dt.datetime(2025, 3, 4, 12, 5), 1234.5678, "Crème brûlée ☕", None, 7])
    sheet["A3"].number_format = "DD/MM/YYYY hh:mm"  # LibreOffice's en-US edit form: 03/04/2025 12:05:00
    sheet["B3"].number_format = "#,##0.00"  # shown as 1,234.57, written raw as 1234.5678
    book.save(workbook)
    converted, log = convert_with_libreoffice([workbook], tmp_path / "libreoffice")
    assert list(converted[workbook]) == ["Ventes été"], log
    honest = read_with_pandas(workbook)
    assert differences("planted.xlsx", honest, converted[workbook]) == []

    planted = honest["Ventes été"].astype(object)
    planted.iat[2, 0] = pd.Timestamp("2025-03-05 12:05")  # a day later
    planted.iat[2, 1] = 1234.5679  # off by 8e-8, relatively: more than the tolerance of 1e-9
    planted.iat[2, 2] = "Creme brulee ☕"  # accents lost
    planted.iat[2, 3] = 0.0  # empty in the workbook
    problems = differences("planted.xlsx", {"Ventes été": planted}, converted[workbook])
    assert len(problems) == 4, problems
    for problem, cell in zip(problems, ["A3", "B3", "C3", "D3"], strict=True):
        assert problem.startswith("planted.xlsx, sheet 'Ventes été', row 3, column "), problem
        assert f"(cell {cell})" in problem, problem

    planted.loc[3] = ["", "", "", "", "extra"]
    problems = differences("planted.xlsx", {"Ventes été": planted, "Extra": planted}, converted[workbook])
    assert "LibreOffice ['Ventes été']" in problems[0], problems
    assert "pandas reads 4 rows and 5 columns, LibreOffice 3 rows and 5 columns" in problems[1], problems
    assert problems[-1].endswith("row 4, column E (cell E4): pandas reads 'extra', LibreOffice ''"), problems
