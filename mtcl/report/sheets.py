"""Spreadsheets written with openpyxl: a department's form, and tables exported for the
level above (also as CSV).

Cells are real: numbers are numbers and dates are dates, with number formats Excel shows
the Vietnamese way on a Vietnamese system ('#,##0' groups thousands with the system's
separator).  A form locks what the department must not change (sheet protection without a
password: it guards against a slip, not a person) and leaves the cells to fill open, with
drop-downs and date checks that refuse, with a Vietnamese message, what cannot be right.
A text is always written as text: one that starts like a formula (= + - @) is marked as
text the way spreadsheet programs mark it (Excel's quote prefix in .xlsx, a leading
apostrophe in CSV), so nothing a file holds runs as a formula.  Files are written whole to
a temporary file and renamed into place, and an existing file is replaced only when asked.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from mtcl.core.errors import UserError
from mtcl.core.numbers import format_date
from mtcl.core.text import visible
from mtcl.files.fs import atomic_write, display_path, printable_path
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
SHEET_NAME_LENGTH = 31  # Excel's limit on a sheet's name
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet program read a cell as a formula
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of the serial numbers dates are in a validation's bounds


@dataclass(frozen=True)
class Table:
    """A sheet: its title, the columns of a view (their headings, kinds and widths), and a
    list of the values of each row."""

    title: str
    columns: list[Column]
    rows: list[list[object]]
    body: str | None = None  # the body the table is about, named in the file
    as_of: date | None = None  # the date its figures are evaluated at
    tab: str | None = None  # the sheet's name, when not the title's first words


def table_of(title: str, columns: Sequence[Column[R]], items: Iterable[R], body: str | None = None,
             as_of: date | None = None, tab: str | None = None) -> Table:
    """The sheet of ``items``, one row each, in the ``columns`` of their view."""
    return Table(title, list(columns), [[column.value(item) for column in columns] for item in items], body, as_of,
                 tab)


def write_form(form: Form, out: Path, force: bool = False) -> Path:
    """The form as an .xlsx file for the department to fill."""
    from openpyxl import Workbook  # 100 ms, only when a spreadsheet is written
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    writable(out, force)
    book = Workbook()
    sheet = book.active
    sheet.title = FORM_SHEET
    last = len(HEADERS)
    titles = [
        (f"BIỂU SỐ LIỆU MỤC TIÊU CHẤT LƯỢNG NĂM {form.year}", Font(bold=True, size=14)),
        (f"{form.body} — Đơn vị: {form.department}", Font(bold=True, size=12)),
        (f"Kỳ: {form.period_words}. Gửi lại trước ngày {format_date(form.return_by)}.", Font(size=12)),
        (_instructions(form), Font(italic=True, size=10)),
    ]
    for number, (text, font) in enumerate(titles, start=1):
        put(sheet, number, 1, text).font = font
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=last)
        sheet.cell(number, 1).alignment = Alignment(wrap_text=True, vertical="center")
    sheet.row_dimensions[4].height = 56
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, heading in enumerate(HEADERS, start=1):
        cell = put(sheet, HEADER_ROW, column, heading)
        cell.font, cell.border = Font(bold=True), border
        cell.fill = PatternFill("solid", fgColor=HEAD)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[HEADER_ROW].height = 32
    estimate, criterion, within = _validations(form)
    for validation in (estimate, criterion, within):
        sheet.add_data_validation(validation)
    for number, line in enumerate(form.lines, start=HEADER_ROW + 1):
        target = line.target
        values = [target.id, line.name, target.unit, line.plan, line.latest, None, None, form.as_of, None, None, None]
        ratio = target.kind == "ratio"
        for column, value in enumerate(values):
            cell = put(sheet, number, column + 1, value)
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
        if form.estimates:
            sheet.cell(number, ESTIMATED + 1).value = _estimate_mark(form, place(DATE))
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
    for number, (key, value) in enumerate(form.meta(), start=1):
        put(meta, number, 1, key)
        put(meta, number, 2, value).number_format = DATE_FORMAT if isinstance(value, date) else "General"
    meta.sheet_state = "hidden"
    return _save(book, out)


def _estimate_mark(form: Form, date_cell: str) -> str:
    """The pre-set ``Ước`` cell: the mark while the row keeps the form's date, nothing once
    the department writes another (an actual figure to that day); typing over it says
    otherwise, and the import reads it the same way (``intake._estimated``)."""
    day = form.as_of
    return f'=IF({date_cell}=DATE({day.year},{day.month},{day.day}),"{ESTIMATE_MARK}","")'


def _instructions(form: Form) -> str:
    """The form's fourth row: how to fill it, and whether its figures are estimates."""
    if form.estimates:
        dated = (f"Kỳ chưa hết khi gửi lại biểu: số liệu đến ngày {format_date(form.as_of)} là số ước thực hiện "
                 f"(cột Ước tự hiện {ESTIMATE_MARK} khi để nguyên ngày này). Số đã có đến một ngày đã qua thì ghi ngày "
                 "đó ở cột Ngày số liệu: đó là số thực hiện.")
    else:
        dated = f"Số ước thực hiện đến hết kỳ: ghi {ESTIMATE_MARK} ở cột Ước."
    return ("Chỉ điền các ô nền trắng. Số viết như thường gõ trên máy (1.936,49). Chỉ tiêu tỷ lệ: ghi số đạt ở cột "
            "Số liệu và tổng số ở cột Tổng số, hoặc ghi tỷ lệ % và để trống Tổng số. " + dated +
            f" Tiêu chí: chọn {MET} hoặc {NOT_MET}. Dòng không có số liệu được bỏ qua.")


def _validations(form: Form) -> tuple:
    """The drop-down of the Ước column, that of a criterion, and the check of a figure's
    date: each refuses what it does not allow (Excel and LibreOffice show the error only
    when it is switched on), with a Vietnamese title and message, and says what it wants
    when its cell is chosen."""
    from openpyxl.worksheet.datavalidation import DataValidation  # loaded with openpyxl already (0 ms)

    def checked(title: str, prompt: str, error: str, **rule: object) -> DataValidation:
        return DataValidation(allow_blank=True, showErrorMessage=True, errorStyle="stop", errorTitle=title,
                              error=error, showInputMessage=True, promptTitle=title, prompt=prompt, **rule)

    first, last = (date(form.year, 1, 1) - EXCEL_EPOCH).days, (date(form.year, 12, 31) - EXCEL_EPOCH).days
    return (
        checked("Cột Ước", f"{ESTIMATE_MARK}: số ước thực hiện; để trống: số thực hiện.",
                f"Chỉ ghi {ESTIMATE_MARK} (số ước thực hiện) hoặc để trống.", type="list",
                formula1=f'"{ESTIMATE_MARK}"'),
        checked("Tiêu chí", f"Chọn {MET} hoặc {NOT_MET}.", f"Chỉ chọn {MET} hoặc {NOT_MET}.", type="list",
                formula1=f'"{MET},{NOT_MET}"'),
        checked("Ngày số liệu", f"Ngày/tháng/năm, trong năm {form.year}.",
                f"Ngày số liệu phải là một ngày trong năm {form.year} (ngày/tháng/năm, ví dụ 31/05/{form.year}).",
                type="date", operator="between", formula1=str(first), formula2=str(last)),
    )


def put(sheet, row: int, column: int, value: object):
    """Write ``value`` in a cell; a text stays text whatever it starts with (never a formula
    or an error value), marked as text the way Excel marks what a person typed after an
    apostrophe when it starts like a formula, and a control character a file held is
    written out (\\x1b) instead of breaking the workbook."""
    cell = sheet.cell(row, column)
    if isinstance(value, str):
        cell.value = visible(value)
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def writable(out: Path, force: bool) -> None:
    """``out`` may be written: a link pointing nowhere is said to be one (it is not a file
    that exists), then ``refuse_overwrite``'s rules."""
    if out.is_symlink() and not out.exists():
        target = printable_path(Path(os.readlink(out)))
        raise UserError(f"'{display_path(out)}' là liên kết (symlink) trỏ tới '{target}', nơi không có tệp nào; không ghi", "xóa liên kết, hoặc dùng --out để ghi ra tệp khác")
    refuse_overwrite(out, force)


def write_text(text: str, out: Path, force: bool = False) -> Path:
    """A text file (the message that goes with the forms), UTF-8 with Windows line ends so
    Notepad shows its lines."""
    writable(out, force)
    atomic_write(out, ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    return out


def write_table(table: Table, out: Path, force: bool = False) -> Path:
    """A table as .xlsx (title, a heading row with filters, frozen panes) or, for a file
    named .csv, as CSV the way Excel opens it on a Vietnamese system: UTF-8 with a BOM,
    ';' between cells, a decimal comma, dates dd/mm/yyyy."""
    writable(out, force)
    if out.suffix.lower() == ".csv":
        atomic_write(out, _csv(table))
        return out
    return write_tables([table], out, force=True)


def write_tables(tables: list[Table], out: Path, force: bool = False) -> Path:
    """Several tables as the sheets of one .xlsx workbook, each as ``write_table`` writes it."""
    from openpyxl import Workbook  # 100 ms, only for an .xlsx

    writable(out, force)
    book = Workbook()
    book.remove(book.active)
    names: list[str] = []
    for table in tables:
        names.append(sheet_name(table.tab or table.title, names))
        _table_sheet(book.create_sheet(names[-1]), table)
    return _save(book, out)


def sheet_name(title: str, taken: Sequence[str] = ()) -> str:
    """A sheet's name: whole words of ``title`` in at most 31 characters, none of those
    Excel refuses, and not the name of a sheet before it (Excel compares without case)."""
    words = "".join("-" if ch in "[]:*?/\\" else ch for ch in visible(title)).strip("' ").split()
    name = _words_within(words, SHEET_NAME_LENGTH) or "Bảng"
    number = 1
    while name.casefold() in {t.casefold() for t in taken}:
        number += 1
        suffix = f" ({number})"
        name = (_words_within(words, SHEET_NAME_LENGTH - len(suffix)) or "Bảng") + suffix
    return name


def _words_within(words: list[str], length: int) -> str:
    """The first words that fit in ``length`` characters (the first word cut only when it
    alone is longer)."""
    kept = ""
    for word in words:
        longer = f"{kept} {word}" if kept else word
        if len(longer) > length:
            return kept or word[:length]
        kept = longer
    return kept


def _table_sheet(sheet, table: Table) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill  # loaded with openpyxl already (0 ms)

    put(sheet, 1, 1, table.title).font = Font(bold=True, size=13)
    if table.body:
        put(sheet, 2, 1, table.body).font = Font(italic=True)
    for column, spec in enumerate(table.columns, start=1):
        cell = put(sheet, 3, column, spec.heading)
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor=HEAD)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = spec.width
    for number, row in enumerate(table.rows, start=4):
        for column, (spec, value) in enumerate(zip(table.columns, row), start=1):
            cell = put(sheet, number, column, _cell_value(spec, value))
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
    """The table as CSV; a table about a body at a date says so in two last columns of
    every row (a CSV has no title: each row carries them)."""
    context = [(heading, value) for heading, value in (("Cơ quan", table.body), ("Ngày đánh giá", table.as_of))
               if value is not None]
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow([_csv_text(c.heading + (" (%)" if c.kind == "percent" else "")) for c in table.columns] +
                    [heading for heading, _ in context])
    for row in table.rows:
        writer.writerow([_csv_text(value) for value in row] + [_csv_text(value) for _, value in context])
    return ("\ufeff" + text.getvalue()).encode("utf-8")


def _csv_text(value: object) -> str:
    """A cell of a CSV: a number with a decimal comma, a date dd/mm/yyyy, a text as it is,
    after an apostrophe when it starts like a formula (the mark spreadsheet programs take
    for 'this is text')."""
    if value is None:
        return ""
    if isinstance(value, Decimal):  # a worked-out number is rounded by the one rule already (views)
        return format(value.normalize(), "f").replace(".", ",")
    if isinstance(value, date):
        return format_date(value)
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_STARTS) else text


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
