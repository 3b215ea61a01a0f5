"""Spreadsheets read from disk: the cells of every sheet of an .xlsx file, through openpyxl.

A department's file is read whole, values only (a formula gives the value Excel or
LibreOffice last computed), each cell with its place and number format.  Whatever is not a
workbook mtcl can read (an old .xls, a file with a password, a damaged or oversized file)
is a clear error naming the file, with what to do.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mtcl.core.errors import UserError
from mtcl.files.fs import display_path, os_problem, regular_file

MAX_WORKBOOK_BYTES = 20_000_000  # a form is a few kilobytes; a year's export a few hundred
MAX_UNPACKED_BYTES = 200_000_000  # what the sheets may unpack to (a zip bomb is refused)
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"  # .xls, and an .xlsx locked with a password
SAVE_AS_XLSX = "mở bằng Excel hoặc LibreOffice rồi Lưu thành… Sổ làm việc Excel (.xlsx)"


@dataclass(frozen=True)
class Cell:
    place: str  # 'F7'
    value: object  # None, str, int, float, bool, datetime
    number_format: str


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: list[list[Cell]]
    hidden: bool


def read_workbook(path: Path) -> tuple[list[Sheet], str]:
    """Every sheet of the workbook at ``path``, and the SHA-256 of the file's bytes."""
    shown = display_path(path)
    size = regular_file(path, "tệp Excel", "chỉ rõ tệp .xlsx").st_size
    if size > MAX_WORKBOOK_BYTES:
        raise UserError(f"tệp '{shown}' quá lớn ({size // 1_000_000} MB) cho một biểu số liệu")
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise UserError(f"không đọc được '{shown}': {os_problem(exc)}") from None
    if content.startswith(OLE_SIGNATURE):
        raise UserError(f"'{shown}' là tệp Excel cũ (.xls) hoặc có đặt mật khẩu", f"bỏ mật khẩu, {SAVE_AS_XLSX}")
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise UserError(f"'{shown}' không phải tệp Excel (.xlsx)", SAVE_AS_XLSX)
    with zipfile.ZipFile(io.BytesIO(content)) as packed:
        if sum(info.file_size for info in packed.infolist()) > MAX_UNPACKED_BYTES:
            raise UserError(f"tệp '{shown}' giải nén ra quá lớn: không đọc")
    from openpyxl import load_workbook  # 60 ms, only for spreadsheets

    try:
        book = load_workbook(io.BytesIO(content), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged package; all mean the same here
        raise UserError(f"không đọc được '{shown}' như một tệp Excel: {type(exc).__name__}", SAVE_AS_XLSX) from None
    sheets = [
        Sheet(sheet.title, [[Cell(cell.coordinate, cell.value, cell.number_format) for cell in row]
                            for row in sheet.iter_rows()], sheet.sheet_state != "visible")
        for sheet in book.worksheets
    ]
    return sheets, hashlib.sha256(content).hexdigest()
