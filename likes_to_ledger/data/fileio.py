"""Writing files whose bytes depend only on their content: xlsx with fixed properties, exact CSVs."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.xml.functions import tostring

# Workbook properties and zip entry times are fixed so that the xlsx bytes never change.
FIXED_TIMESTAMP = datetime(2026, 7, 1, 9, 0, 0)
CORE_PROPERTIES = "docProps/core.xml"


@dataclass
class Sheet:
    title: str
    rows: Sequence[Sequence]
    header_row: int = 1  # 1-based row of the column headers, made bold
    freeze: str | None = None  # e.g. "A2"
    number_formats: dict[int, str] = field(default_factory=dict)  # 0-based column -> Excel format
    widths: dict[int, float] = field(default_factory=dict)


def write_xlsx(path: Path, sheets: Iterable[Sheet], names: dict[str, str] | None = None) -> None:
    """Write a workbook; `names` maps defined names to references such as "Assumptions!$B$2"."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in sheets:
        sheet = workbook.create_sheet(spec.title)
        for row in spec.rows:
            sheet.append(list(row))
        for cell in sheet[spec.header_row]:
            cell.font = Font(bold=True)
        for column, number_format in spec.number_formats.items():
            for (cell,) in sheet.iter_rows(
                min_row=spec.header_row + 1, min_col=column + 1, max_col=column + 1
            ):
                cell.number_format = number_format
        for column, width in spec.widths.items():
            sheet.column_dimensions[get_column_letter(column + 1)].width = width
        if spec.freeze:
            sheet.freeze_panes = spec.freeze
    for name, reference in (names or {}).items():
        workbook.defined_names[name] = DefinedName(name, attr_text=reference)
    save_stable(workbook, path)


def save_stable(workbook: Workbook, path: Path) -> None:
    """Save an xlsx whose bytes depend only on its content."""
    buffer = io.BytesIO()
    workbook.save(buffer)  # stamps the "modified" property with the time of saving
    properties = workbook.properties
    properties.creator = "Likes to Ledger"
    properties.created = properties.modified = FIXED_TIMESTAMP
    core_properties = tostring(properties.to_tree())
    buffer.seek(0)
    with (
        zipfile.ZipFile(buffer) as original,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as stable,
    ):
        for entry in original.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = original.read(entry.filename)
            if entry.filename == CORE_PROPERTIES:
                content = core_properties
            stable.writestr(fixed, content)


def write_delimited(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    line_end: str = "\n",
    preamble: str = "",
) -> None:
    """Write a CSV/TSV the way the imitated tool does: its delimiter, encoding, line ends and any lines
    above the header (GA4's # comments)."""
    buffer = io.StringIO(newline="")
    buffer.write(preamble)
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=line_end, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
