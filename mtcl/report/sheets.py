"""Spreadsheets written with openpyxl: a department's form, and tables exported for the
level above (also as CSV).

Cells are real: numbers are numbers and dates are dates, with number formats Excel shows
the Vietnamese way on a Vietnamese system ('#,##0' groups thousands with the system's
separator).  A form locks what the department must not change (sheet protection without a
password: it guards against a slip, not a person) and leaves the cells to fill open, with
drop-downs where only some words are right.  Files are written whole to a temporary file
and renamed into place, and an existing file is replaced only when asked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from mtcl.core.numbers import format_date
from mtcl.files.fs import atomic_write
from mtcl.report.render import refuse_overwrite
from mtcl.usecases.forms import (DATE, ESTIMATE_MARK, ESTIMATED, FILLED, HEADERS, ID, LATEST, MET, META_SHEET, NAME,
                                 NOT_MET, NOTE, SOURCE, TOTAL, VALUE, Form)
from mtcl.usecases.views import Column

R = TypeVar("R")

FORM_SHEET = "Biểu số liệu"
HEADER_ROW = 6  # the rows above it name the form
FORM_WIDTHS = (11, 46, 12, 14, 30, 13, 13, 13, 6, 22, 26)  # characters, one per column of HEADERS
DATE_FORMAT = "DD/MM/YYYY"
COUNT_FORMAT = "#,##0"
GREY, HEAD, WHITE = "F2F2F2", "DDEBF7", "FFFFFF"
LINE_HEIGHT = 15  # points: a line of 11-point text


@dataclass(frozen=True)
class Table:
    """A sheet: its title, the columns of a view (their headings, kinds and widths), and a
    list of the values of each row."""

    title: str
    columns: list[Column]
    rows: list[list[object]]


def table_of(title: str, columns: Sequence[Column[R]], items: Iterable[R]) -> Table:
    """The sheet of ``items``, one row each, in the ``columns`` of their view."""
    return Table(title, list(columns), [[column.value(item) for column in columns] for item in items])


def write_form(form: Form, out: Path, force: bool = False) -> Path:
    """The form as an .xlsx file for the department to fill."""
    from openpyxl import Workbook  # 100 ms, only when a spreadsheet is written
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.worksheet.datavalidation import DataValidation

    refuse_overwrite(out, force)
    book = Workbook()
    sheet = book.active
    sheet.title = FORM_SHEET
    last = len(HEADERS)
    titles = [
        (f"BIỂU SỐ LIỆU MỤC TIÊU CHẤT LƯỢNG NĂM {form.year}", Font(bold=True, size=14)),
        (f"{form.body} — Đơn vị: {form.department}", Font(bold=True, size=12)),
        (f"Kỳ: {form.period_words}. Gửi lại trước ngày {format_date(form.return_by)}.", Font(size=12)),
        ("Chỉ điền các ô nền trắng. Số viết như thường gõ trên máy (1.936,49). Chỉ tiêu tỷ lệ: ghi số đạt ở cột "
         "Số liệu và tổng số ở cột Tổng số, hoặc ghi tỷ lệ % và để trống Tổng số. Số ước thực hiện đến hết kỳ: "
         f"ghi {ESTIMATE_MARK} ở cột Ước. Tiêu chí: chọn {MET} hoặc {NOT_MET}. Dòng không có số liệu được bỏ qua.",
         Font(italic=True, size=10)),
    ]
    for number, (text, font) in enumerate(titles, start=1):
        sheet.cell(number, 1, text).font = font
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=last)
        sheet.cell(number, 1).alignment = Alignment(wrap_text=True, vertical="center")
    sheet.row_dimensions[4].height = 42
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, heading in enumerate(HEADERS, start=1):
        cell = sheet.cell(HEADER_ROW, column, heading)
        cell.font, cell.border = Font(bold=True), border
        cell.fill = PatternFill("solid", fgColor=HEAD)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[HEADER_ROW].height = 32
    estimate = DataValidation(type="list", formula1=f'"{ESTIMATE_MARK}"', allow_blank=True,
                              error=f"Ghi {ESTIMATE_MARK} nếu là số ước thực hiện, hoặc để trống.",
                              errorTitle="Cột Ước")
    criterion = DataValidation(type="list", formula1=f'"{MET},{NOT_MET}"', allow_blank=True,
                               error=f"Chọn {MET} hoặc {NOT_MET}.", errorTitle="Tiêu chí")
    within = DataValidation(type="date", operator="between", formula1=f"DATE({form.year},1,1)",
                            formula2=f"DATE({form.year},12,31)", allow_blank=True,
                            error=f"Ngày số liệu phải trong năm {form.year}.", errorTitle="Ngày số liệu")
    for validation in (estimate, criterion, within):
        sheet.add_data_validation(validation)
    for number, line in enumerate(form.lines, start=HEADER_ROW + 1):
        target = line.target
        values = [target.id, line.name, target.unit, line.plan, line.latest, None, None, form.as_of, None, None, None]
        ratio = target.kind == "ratio"
        for column, value in enumerate(values):
            cell = sheet.cell(number, column + 1, value)
            cell.border = border
            cell.alignment = Alignment(vertical="top", wrap_text=column in (NAME, LATEST, SOURCE, NOTE),
                                       horizontal="center" if column in (ID, DATE, ESTIMATED) else None)
            open_cell = column in FILLED and (column != TOTAL or ratio)
            cell.protection = Protection(locked=not open_cell)
            cell.fill = PatternFill("solid", fgColor=WHITE if open_cell else GREY)
        # Spreadsheet programs do not grow a row for wrapped text written by another program.
        sheet.row_dimensions[number].height = LINE_HEIGHT * max(
            _lines(str(value or ""), FORM_WIDTHS[column]) for column, value in enumerate(values)
            if column in (NAME, LATEST))
        place = lambda column: sheet.cell(number, column + 1).coordinate  # noqa: E731 - a local shorthand
        sheet.cell(number, DATE + 1).number_format = DATE_FORMAT
        within.add(place(DATE))
        estimate.add(place(ESTIMATED))
        if line.item is not None:
            criterion.add(place(VALUE))
        elif target.decimals == 0 or ratio:
            sheet.cell(number, VALUE + 1).number_format = COUNT_FORMAT if target.decimals == 0 else "General"
        if ratio:
            sheet.cell(number, TOTAL + 1).number_format = COUNT_FORMAT
    for column, width in enumerate(FORM_WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(HEADER_ROW, column).column_letter].width = width
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, VALUE + 1)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widen a column, resize a row: allowed
    sheet.protection.formatRows = False
    _print_setup(sheet, f"{HEADER_ROW}:{HEADER_ROW}")
    meta = book.create_sheet(META_SHEET)
    for row in form.meta():
        meta.append(list(row))
    meta["B4"].number_format = meta["B5"].number_format = DATE_FORMAT
    meta.sheet_state = "hidden"
    return _save(book, out)


def write_table(table: Table, out: Path, force: bool = False) -> Path:
    """A table as .xlsx (title, a heading row with filters, frozen panes) or, for a file
    named .csv, as CSV the way Excel opens it on a Vietnamese system: UTF-8 with a BOM,
    ';' between cells, a decimal comma, dates dd/mm/yyyy."""
    refuse_overwrite(out, force)
    if out.suffix.lower() == ".csv":
        atomic_write(out, _csv(table))
        return out
    return write_tables([table], out, force=True)


def write_tables(tables: list[Table], out: Path, force: bool = False) -> Path:
    """Several tables as the sheets of one .xlsx workbook, each as ``write_table`` writes it."""
    from openpyxl import Workbook  # 100 ms, only for an .xlsx

    refuse_overwrite(out, force)
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        _table_sheet(book.create_sheet(_sheet_name(table.title)), table)
    return _save(book, out)


def _sheet_name(title: str) -> str:
    """A sheet's name: at most 31 characters, none of those Excel refuses."""
    return "".join("-" if ch in "[]:*?/\\" else ch for ch in title)[:31]


def _table_sheet(sheet, table: Table) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill  # loaded with openpyxl already (0 ms)

    sheet.cell(1, 1, table.title).font = Font(bold=True, size=13)
    for column, spec in enumerate(table.columns, start=1):
        cell = sheet.cell(3, column, spec.heading)
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor=HEAD)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = spec.width
    for number, row in enumerate(table.rows, start=4):
        for column, (spec, value) in enumerate(zip(table.columns, row), start=1):
            cell = sheet.cell(number, column, _cell_value(spec, value))
            cell.alignment = Alignment(vertical="top")  # one line a row: a data table, filtered and sorted
            if spec.kind == "date":
                cell.number_format = DATE_FORMAT
            elif spec.kind == "percent":
                cell.number_format = "0.0%"
            elif spec.kind == "number" and isinstance(value, Decimal):
                cell.number_format = COUNT_FORMAT if value == value.to_integral_value() else "#,##0.0##"
    last = sheet.cell(3 + max(len(table.rows), 1), len(table.columns)).coordinate
    sheet.auto_filter.ref = f"A3:{last}"
    sheet.freeze_panes = "B4"
    _print_setup(sheet, "3:3")


def _lines(text: str, width: int) -> int:
    """The lines ``text`` takes in a column ``width`` characters wide, breaking at spaces."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width - 1:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return lines


def _cell_value(spec: Column, value: object) -> object:
    if spec.kind == "percent" and isinstance(value, Decimal):
        return value / 100  # shown 101,2% by the cell's format
    return value


def _csv(table: Table) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.heading + (" (%)" if c.kind == "percent" else "") for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_text(spec, value) for spec, value in zip(table.columns, row)])
    return ("\ufeff" + text.getvalue()).encode("utf-8")


def _csv_text(spec: Column, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):  # a worked-out number is rounded by the one rule already (views)
        return format(value.normalize(), "f").replace(".", ",")
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def _print_setup(sheet, title_rows: str) -> None:
    """A4 landscape, one page wide, the heading row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = title_rows
    sheet.page_margins.left = sheet.page_margins.right = 0.4


def _save(book, out: Path) -> Path:
    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write(out, buffer.getvalue())
    return out
