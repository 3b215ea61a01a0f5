"""Filled forms read back: the records each gives, or every problem it has, named by file
and cell.

``read_form`` finds the form's columns by their headings (a department may swap columns or
insert one), reads each row through the same reading and plausibility rules as ``mtcl
record`` (``figures.build_record``, ``status.doubt_about``), and refuses a form of another
body or year, a row of another department, a formula whose result the file does not hold.
A figure already recorded from the same cell of a form is the same record whatever the
file's bytes (a form saved again): it is not written twice.  ``combine`` then looks across
the files of one import: a file given twice (or a copy of it) is read once, and two files
that give different figures for the same target and date are refused, as two rows of one
file are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from mtcl.core.entries import Stamp
from mtcl.core.errors import UserError
from mtcl.core.figures import FigureRecord, Typed, build_record
from mtcl.core.models import Target
from mtcl.core.numbers import format_date, parse_date
from mtcl.core.text import fold, nfc
from mtcl.core.words import record_text
from mtcl.files.book import Book
from mtcl.files.workbook import MAX_COLUMNS, MAX_ROWS, Cell, Sheet
from mtcl.usecases.forms import (AS_OF, BODY, DATE, ESTIMATE_MARK, ESTIMATED, FORM_VERSION, HEADERS, ID, MET,
                                 META_SHEET, NAME, NOT_MET, NOTE, OWNER, REF, SOURCE, TOTAL, VALUE,
                                 VERSION, YEAR)
from mtcl.usecases.status import doubt_about

HEADER_ROWS = 30  # the heading row is looked for in the first rows
REQUIRED = (ID, NAME, VALUE, DATE)  # the columns a form cannot be read without; the others may be missing
READ = (ID, NAME, VALUE, TOTAL, DATE, ESTIMATED, SOURCE, NOTE)  # the columns read (the others are shown only)
ERRORS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!")  # a formula's


@dataclass(frozen=True)
class Planned:
    """A record a form gives, where it comes from, and what the officer should see first."""

    record: FigureRecord
    place: str  # 'phong-dc.xlsx!F7'
    replaces: str | None  # the figure that counts now for the target at that date
    doubt: str | None  # the question record would ask


@dataclass(frozen=True)
class Intake:
    """What one file gives: records to write, or the problems that stop them."""

    file: str
    sha256: str
    planned: list[Planned]
    problems: list[str]
    already: str | None = None  # the file was imported before: when, and how many records
    notes: list[str] = field(default_factory=list)  # what the officer should know, not a problem


@dataclass(frozen=True)
class Meta:
    """What the hidden sheet says the form is for (a form of version 1 says less)."""

    year: object
    owner: str | None
    body: str | None
    version: int
    ref: str | None
    as_of: date | None  # the figures' date the form asked for


def read_form(book: Book, sheets: list[Sheet], file: str, sha256: str, today: date, stamp: Stamp) -> Intake:
    """Every record the filled form gives, or every problem it has (at once)."""
    earlier = [r for r in book.records if r.sha256 == sha256]
    if earlier:
        when = format_date(min(r.recorded_at for r in earlier).date())
        return Intake(file, sha256, [], [], f"đã nhập ngày {when} ({len(earlier)} số liệu)")
    found = [(sheet, _columns(sheet)) for sheet in sheets if not sheet.hidden]
    forms = [(sheet, columns) for sheet, columns in found if isinstance(columns, Columns)]
    problems = [f"{file}!{sheet.name}: {columns}" for sheet, columns in found if isinstance(columns, str)]
    if not forms and not problems:
        return Intake(file, sha256, [], [f"{file}: không có bảng nào có dòng tiêu đề của biểu mtcl "
                                         f"({', '.join(HEADERS[:3])}…); lập biểu bằng: mtcl form"])
    meta = _meta(book, sheets, file, problems)
    notes = [f"{file}!{sheet.name}: bỏ qua từ ô {sheet.beyond} (một biểu chỉ có tới {MAX_ROWS} dòng, {MAX_COLUMNS} "
             f"cột)" for sheet, _ in forms if sheet.beyond]
    planned: list[Planned] = []
    known = _known(book)
    repeated = 0
    for sheet, columns in forms:
        prefix = f"{file}!" if len(forms) == 1 else f"{file}!{sheet.name}!"
        for row in range(columns.header + 1, len(sheet.rows)):
            cells = columns.cells(sheet, row)
            made = _read_row(book, cells, meta, prefix, sheet.name, today, stamp, problems)
            if made is None:
                continue
            record = replace(made.record, file=file, sha256=sha256, form=meta.ref)
            if _identity(record) in known:
                repeated += 1
                continue
            planned.append(replace(made, record=record))
    if repeated:
        notes.append(f"Tệp {file}: {repeated} số liệu đã nhập trước đây từ cùng ô, cùng số: không ghi lại.")
    problems += _repeated_rows(planned)
    return Intake(file, sha256, planned, problems, notes=notes)


# The columns, by their headings.

@dataclass(frozen=True)
class Columns:
    """Where a sheet's heading row is, and which of its columns holds each heading."""

    header: int
    where: dict[int, int]  # HEADERS index → the sheet's column

    def cells(self, sheet: Sheet, row: int) -> list[Cell]:
        """The row's cells in the order of HEADERS (a blank one for a column the form lacks)."""
        return [sheet.cell(row, self.where[c]) if c in self.where else Cell("", None) for c in range(len(HEADERS))]


def _columns(sheet: Sheet) -> Columns | str | None:
    """The sheet's columns found by their headings: None for a sheet that is not a form (no
    heading 'Mã chỉ tiêu' in its first rows), the problem for a form whose headings cannot be
    matched."""
    wanted = {_heading(h): number for number, h in enumerate(HEADERS)}
    for row in range(min(HEADER_ROWS, len(sheet.rows))):
        texts = [_heading(c.value) for c in sheet.rows[row]]
        if _heading(HEADERS[ID]) not in texts:
            continue
        where: dict[int, int] = {}
        for column, text in enumerate(texts):
            if text in wanted:
                if wanted[text] in where:
                    return f"dòng tiêu đề {row + 1} có hai cột '{HEADERS[wanted[text]]}'; xóa một cột"
                where[wanted[text]] = column
        missing = [HEADERS[c] for c in REQUIRED if c not in where]
        if missing:
            return (f"dòng tiêu đề {row + 1} không có cột {', '.join(repr(m) for m in missing)}; "
                    f"giữ nguyên tên cột như biểu đã gửi (các cột: {', '.join(HEADERS)})")
        return Columns(row, where)
    return None


def _heading(value: object) -> str:
    """A heading as compared: without case, diacritics, or extra spaces and line breaks."""
    return fold(str(value)) if isinstance(value, str) else ""


# What the hidden sheet says.

def _meta(book: Book, sheets: list[Sheet], file: str, problems: list[str]) -> Meta:
    """The form's year, department, body, version and reference; a form of another year or
    another body, or of a version this mtcl does not know, is a problem."""
    sheet = next((s for s in sheets if s.name == META_SHEET), None)
    if sheet is None:
        problems.append(f"{file}: thiếu trang ẩn '{META_SHEET}' ghi năm và đơn vị của biểu; lập biểu bằng: mtcl form")
        return Meta(book.year, None, None, FORM_VERSION, None, None)
    values = {_text(row[0].value): row[1].value for row in sheet.rows if len(row) > 1 and not _blank(row[0].value)}
    version = _whole(values.get(VERSION, 1))
    meta = Meta(_whole(values.get(YEAR)), _text(values.get(OWNER)) or None, _text(values.get(BODY)) or None,
                version if isinstance(version, int) else 0, _text(values.get(REF)) or None,
                _day(values.get(AS_OF)))
    if not 1 <= meta.version <= FORM_VERSION:
        problems.append(f"{file}: biểu có phiên bản '{_text(values.get(VERSION))}', bản mtcl này đọc được biểu "
                        f"phiên bản 1 đến {FORM_VERSION}; cập nhật mtcl rồi nhập lại")
    if isinstance(meta.year, int) and meta.year != book.year:
        problems.append(f"{file}: biểu lập cho năm {meta.year}, không phải năm {book.year}; dùng --year {meta.year} "
                        f"hoặc lập biểu năm {book.year} bằng: mtcl form")
    elif not isinstance(meta.year, int):
        problems.append(f"{file}: trang ẩn '{META_SHEET}' không ghi rõ năm của biểu ('{_text(meta.year)}'); "
                        f"lập biểu năm {book.year} bằng: mtcl form")
    body = meta.body or _title_body(sheets)
    ours = book.objectives.issuer.short_name
    if body is not None and _same(body) != _same(ours):
        problems.append(f"{file}: biểu lập cho {body}, không phải {ours}; biểu của cơ quan khác không nhập được "
                        f"(lập biểu bằng: mtcl form)")
    return meta


def _title_body(sheets: list[Sheet]) -> str | None:
    """The body a form of version 1 names in its second title row ('UBND xã … — Đơn vị: …')."""
    for sheet in sheets:
        title = sheet.cell(1, 0).value
        if not sheet.hidden and isinstance(title, str) and " — Đơn vị:" in title:
            return title.split(" — Đơn vị:")[0].strip()
    return None


def _same(text: str) -> str:
    """Text as two names are compared: NFC, without case, spaces collapsed."""
    return " ".join(nfc(text).casefold().split())


def _whole(value: object) -> object:
    """A year or a version as a whole number, whether the cell holds 2023, 2023.0 or '2023'."""
    if isinstance(value, bool):
        return str(value)  # TRUE is not a year
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


def _day(value: object) -> date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, date) else None


# One row.

def _read_row(book: Book, cells: list[Cell], meta: Meta, prefix: str, sheet: str, today: date, stamp: Stamp,
              problems: list[str]) -> Planned | None:
    def problem(column: int, text: str) -> None:
        problems.append(f"{prefix}{cells[column].place or HEADERS[column]}: {text}")

    unreadable = [(c, _unreadable(cells[c])) for c in READ if _unreadable(cells[c]) and c != ESTIMATED]
    if unreadable:
        for column, text in unreadable:
            problem(column, text)
        return None
    if _blank(cells[VALUE].value):
        if not all(_blank(cells[c].value) for c in (TOTAL, SOURCE, NOTE)):
            problem(VALUE, "có điền các cột khác nhưng chưa có số liệu")
        return None
    try:
        target = book.target(_text(cells[ID].value))
    except UserError as exc:
        problem(ID, exc.message)
        return None
    if meta.owner is not None and target.owner != meta.owner:
        problem(ID, f"chỉ tiêu {target.id} do {target.owner or 'đơn vị khác'} phụ trách, không thuộc biểu của "
                    f"{meta.owner}")
        return None
    try:
        typed = _typed(target, cells, meta, today)
    except CellProblem as exc:
        problem(exc.column, exc.message)
        return None
    if typed.as_of.year != book.year:
        problem(DATE, f"ngày số liệu {format_date(typed.as_of)} nằm ngoài năm {book.year}")
        return None
    if typed.as_of > today and not typed.estimated:
        problem(DATE, f"ngày số liệu {format_date(typed.as_of)} chưa tới; số ước thực hiện thì ghi "
                      f"'{ESTIMATE_MARK}' ở cột Ước")
        return None
    try:
        record = build_record(target, typed, book.year, today, stamp)
    except UserError as exc:
        hint = f" ({_form_words(exc.hint)})" if exc.hint else ""
        about_total = typed.of is not None and f"'{typed.of.strip()}'" in exc.message
        problem(TOTAL if about_total else VALUE, _form_words(exc.message) + hint)
        return None
    record = replace(record, cell=f"{sheet}!{cells[VALUE].place}")
    current = book.index.current(target.id, record.as_of, record.item)
    replaces = f"{record_text(current, target)} ({format_date(current.as_of)})" if current else None
    return Planned(record, f"{prefix}{cells[VALUE].place}", replaces, doubt_about(book, target, record))


def _unreadable(cell: Cell) -> str | None:
    """Why a cell's value cannot be read: a formula's error (or its words pasted as text),
    or a formula whose result the file does not hold (a file made by a program that does
    not calculate)."""
    error = cell.error or (cell.value.strip() if isinstance(cell.value, str) and cell.value.strip() in ERRORS else None)
    if error is not None:
        return f"ô có lỗi công thức {error}; sửa công thức (hoặc gõ thẳng số vào ô) rồi lưu lại"
    if cell.formula and cell.value is None:
        return ("ô có công thức nhưng tệp không lưu kết quả đã tính (tệp do chương trình không tính công thức "
                "lập ra); mở bằng Excel hoặc LibreOffice rồi lưu lại, hoặc gõ thẳng số vào ô")
    return None


class CellProblem(UserError):
    """A problem of one cell of a row, before the record is built."""

    def __init__(self, column: int, message: str):
        super().__init__(message)
        self.column = column


def _typed(target: Target, cells: list[Cell], meta: Meta, today: date) -> Typed:
    """The row as ``mtcl record`` would have been typed."""
    as_of = _date(cells[DATE])
    estimated = _estimated(as_of, cells[ESTIMATED], meta, today)
    # The department that sent the figure is its source unless the row names another.
    source, note = _text(cells[SOURCE].value) or target.owner, _text(cells[NOTE].value) or None
    if target.kind == "checklist":
        item = target.items[0] if len(target.items) == 1 else _item_of(target, _text(cells[NAME].value))
        said = fold(_text(cells[VALUE].value))
        if said not in (fold(MET), fold(NOT_MET)):
            raise CellProblem(VALUE, f"tiêu chí ghi '{MET}' hoặc '{NOT_MET}', không phải '{_text(cells[VALUE].value)}'")
        if not _blank(cells[TOTAL].value):
            raise CellProblem(TOTAL, f"chỉ tiêu {target.id} là danh sách tiêu chí: để trống cột Tổng số")
        return Typed(item, None, as_of, estimated, said == fold(NOT_MET), source, note)
    total = None if _blank(cells[TOTAL].value) else _number(cells[TOTAL], TOTAL)
    if total is not None and target.kind != "ratio":
        raise CellProblem(TOTAL, f"cột Tổng số chỉ dùng cho chỉ tiêu tỷ lệ; {target.id} tính bằng {target.unit}")
    value = _number(cells[VALUE], VALUE)
    if target.kind == "ratio" and total is None and not value.endswith("%"):
        value += "%"  # a ratio without its total is a percentage
    return Typed(value, total, as_of, estimated, False, source, note)


def _estimated(as_of: date, cell: Cell, meta: Meta, today: date) -> bool:
    """Whether the row's figure is an estimate.  An ``Ước`` cell mtcl pre-set holds a
    formula that shows the mark while the row keeps the form's date: the date decides (a
    figure the department dated on another day is an actual figure to that day).  A cell
    the department wrote says it, but a figure dated the form's date while that date has not
    come is an estimate whatever it says (a period not yet ended can only be estimated)."""
    if cell.formula:
        return as_of == meta.as_of
    return _marked(cell.value) or (as_of == meta.as_of and as_of > today)


def _item_of(target: Target, name: str) -> str:
    """The criterion a checklist row is about: its name, alone or after the target's
    ('…: Giao thông'), matched whole (in NFC, without case), never by a part of it."""
    said = _same(name)
    label = _same(target.label)
    for item in target.items:
        if said in (_same(item), f"{label}: {_same(item)}"):
            return item
    raise CellProblem(NAME, f"không rõ '{name}' là tiêu chí nào của chỉ tiêu {target.id} "
                            f"({', '.join(target.items)}); giữ nguyên tên tiêu chí như biểu đã gửi")


def _number(cell: Cell, column: int) -> str:
    """A number cell as the officer would have typed it: a number Excel holds (its percent
    format undone), or text in Vietnamese spelling, kept for ``parse_number`` to read."""
    value = cell.value
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.datetime)):
        raise CellProblem(column, f"'{_text(value)}' không phải số (ô bị Excel đổi thành ngày hoặc đúng/sai?)")
    if isinstance(value, (int, float, Decimal)):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise CellProblem(column, f"'{value}' không phải số") from None
        if not number.is_finite():
            raise CellProblem(column, f"'{value}' không phải số")
        percent = "%" in cell.number_format
        if percent:
            number *= 100
        text = format(number.normalize(), "f").replace(".", ",")
        return text + "%" if percent else text
    return _text(value)


def _date(cell: Cell) -> date:
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if _blank(value):
        raise CellProblem(DATE, "cần ngày số liệu")
    try:
        return parse_date(_text(value))
    except UserError as exc:
        raise CellProblem(DATE, exc.message) from None


def _marked(value: object) -> bool:
    """Whether the ``Ước`` cell marks an estimate."""
    if _blank(value):
        return False
    if fold(_text(value)) in (ESTIMATE_MARK, "uoc", "co"):
        return True
    raise CellProblem(ESTIMATED, f"cột Ước ghi '{ESTIMATE_MARK}' (số ước thực hiện) hoặc để trống, "
                                 f"không phải '{_text(value)}'")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# The hints of ``mtcl record`` name its options; on a form they are columns.
_FORM_WORDS = (("--estimated", f"'{ESTIMATE_MARK}' ở cột Ước"), ("(--of)", "(cột Tổng số)"),
               ("--of", "cột Tổng số"), ("SỐ_LIỆU", "Số liệu"))


def _form_words(text: str) -> str:
    for option, column in _FORM_WORDS:
        text = text.replace(option, column)
    return text


# Records already there, and records across files.

def _identity(record: FigureRecord) -> tuple:
    """What makes two records the same figure from the same form cell, whatever file they
    were read from."""
    return (record.cell, record.target, record.item, record.as_of, record.value, record.of, record.met,
            record.grade, record.estimated)


def _known(book: Book) -> set[tuple]:
    """The figures imported before (withdrawn ones too: a figure withdrawn stays withdrawn
    when its form is imported again)."""
    return {_identity(r) for r in book.records if r.cell is not None}


def _key(record: FigureRecord) -> tuple:
    return (record.target, record.item, record.as_of)


def _figure(record: FigureRecord) -> tuple:
    return (record.value, record.of, record.met, record.grade, record.estimated)


def _repeated_rows(planned: list[Planned]) -> list[str]:
    """Two rows for the same target (and criterion) at the same date: which one counts
    would depend on the order of the rows."""
    seen: dict[tuple, str] = {}
    problems = []
    for entry in planned:
        key = _key(entry.record)
        if key in seen:
            problems.append(f"{entry.place}: chỉ tiêu {entry.record.target} đã có số liệu ngày "
                            f"{format_date(entry.record.as_of)} ở {seen[key]}; giữ một dòng")
        seen.setdefault(key, entry.place)
    return problems


def combine(intakes: list[Intake]) -> list[Intake]:
    """The intakes of one import looked at together: a file with the same bytes as one
    before it gives nothing more; a figure another file gives the same (target, date and
    figure) is kept once; a different figure for the same target and date is a problem of
    both files, as two rows of one file are."""
    combined: list[Intake] = []
    digests: dict[str, str] = {}
    seen: dict[tuple, Planned] = {}
    for intake in intakes:
        if intake.sha256 and intake.sha256 in digests:  # (a file that could not be read has no digest)
            said = f"Tệp {intake.file} giống hệt tệp {digests[intake.sha256]}: chỉ đọc một lần."
            combined.append(Intake(intake.file, intake.sha256, [], [], notes=[said]))
            continue
        digests[intake.sha256] = intake.file
        planned, problems, notes = [], list(intake.problems), list(intake.notes)
        for entry in intake.planned:
            earlier = seen.setdefault(_key(entry.record), entry)
            if earlier is entry:
                planned.append(entry)
            elif _figure(earlier.record) != _figure(entry.record):
                problems.append(f"{entry.place}: chỉ tiêu {entry.record.target} ngày {format_date(entry.record.as_of)} "
                                f"đã có số khác ở {earlier.place}; các tệp phải thống nhất một số")
            else:
                notes.append(f"{entry.place}: cùng số với {earlier.place}; ghi một lần.")
        combined.append(replace(intake, planned=planned, problems=problems, notes=notes))
    return combined
