"""Forms for the departments: what a form asks for, and what a filled form says.

``make_form`` lists, for one department (all of them without an owner), every target it
reports, with the figure mtcl has now and cells to fill; ``read_form`` reads the filled
sheets back into records through the same reading and plausibility rules as ``mtcl
record`` (``figures.build_record``, ``status.doubt_about``), each problem named by its
file and cell.  A form carries a hidden sheet naming its year and department, so a form of
another year, or a row of another department, is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from mtcl.core.entries import Stamp
from mtcl.core.errors import UserError
from mtcl.core.figures import FigureRecord, Typed, build_record
from mtcl.core.models import Target
from mtcl.core.numbers import format_date, parse_date
from mtcl.core.periods import PERIOD_SLUGS, period_phrase
from mtcl.core.text import fold, one_line
from mtcl.core.words import actual_text, plan_words, record_text
from mtcl.files.book import Book
from mtcl.files.workbook import Cell, Sheet
from mtcl.usecases.status import doubt_about, owned_targets, year_status

HEADERS = ("Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Số liệu gần nhất", "Số liệu",
           "Tổng số (tỷ lệ)", "Ngày số liệu", "Ước", "Nguồn", "Ghi chú")
ID, NAME, UNIT, PLAN, LATEST, VALUE, TOTAL, DATE, ESTIMATED, SOURCE, NOTE = range(len(HEADERS))
FILLED = (VALUE, TOTAL, DATE, ESTIMATED, SOURCE, NOTE)  # the cells a department fills
MET, NOT_MET = "Đạt", "Chưa đạt"
ESTIMATE_MARK = "x"
META_SHEET = "mtcl"  # hidden: what the form is for
META_KIND = "Biểu số liệu MTCL"
ALL_DEPARTMENTS = "Tất cả các ngành"
RETURN_DAYS = 5  # a form comes back this many days before its report is due
REPORT_NEAR_DAYS = 45  # a report due this close to the period's end is that period's report


@dataclass(frozen=True)
class FormLine:
    """One row of a form: a target, or one criterion of a checklist target."""

    target: Target
    item: str | None
    name: str
    plan: str
    latest: str


@dataclass(frozen=True)
class Form:
    year: int
    body: str  # the People's Committee (or agency) the form is for
    owner: str | None  # the department, none for every one
    period: str | None
    as_of: date  # the figures' date the form suggests
    return_by: date
    lines: list[FormLine]

    @property
    def department(self) -> str:
        return self.owner or ALL_DEPARTMENTS

    @property
    def period_words(self) -> str:
        when = f"số liệu đến ngày {format_date(self.as_of)}"
        return f"{period_phrase(self.period, self.year)} ({when})" if self.period else when

    def meta(self) -> list[tuple[str, object]]:
        return [("Loại", META_KIND), ("Năm", self.year), ("Đơn vị", self.owner or ""),
                ("Ngày số liệu", self.as_of), ("Hạn gửi lại", self.return_by)]


def make_form(book: Book, owner: str | None, period: str | None, as_of: date, today: date) -> Form:
    """The form of ``owner``'s targets (every target without one), the figures dated
    ``as_of`` (the period's end when a period is given)."""
    targets = list(book.targets.values())
    department = None
    if owner is not None:
        targets = owned_targets(book, owner)
        owners = sorted({t.owner for t in targets})
        if len(owners) > 1:
            raise UserError(f"'{owner}' khớp với nhiều đơn vị: {'; '.join(owners)}", "gõ tên đơn vị đầy đủ hơn")
        department = owners[0]
    rows = {row.target.id: row for row in year_status(book, as_of).rows}
    lines = []
    for target in targets:
        if target.sum_of:  # a total is worked out from its parts, never sent
            continue
        name, plan = one_line(target.label), plan_words(target, unit=False)
        if target.kind == "checklist":
            for item in target.items:
                current = book.index.current(target.id, as_of, item)
                latest = f"{MET if current.met else NOT_MET} ({format_date(current.as_of)})" if current else ""
                lines.append(FormLine(target, item, f"{name}: {item}", plan, latest))
            continue
        evaluation = rows[target.id].evaluation
        latest = "" if evaluation.figure is None else \
            f"{actual_text(evaluation, 'ước')} ({format_date(evaluation.figure.as_of)})"
        lines.append(FormLine(target, None, name, plan, latest))
    return Form(book.year, book.objectives.issuer.short_name, department, period, as_of,
                return_by(book, as_of, today), lines)


def return_by(book: Book, end: date, today: date) -> date:
    """When the form comes back: a few days before the report of its period is due (the
    plan's task of kind results_report), else a few days after the period's end."""
    deadlines = sorted(d for task in book.tasks.values() if task.kind == "results_report" for d in task.due)
    near = [d for d in deadlines if abs((d - end).days) <= REPORT_NEAR_DAYS]
    wanted = near[0] - dt.timedelta(days=RETURN_DAYS) if near else end + dt.timedelta(days=RETURN_DAYS)
    return max(wanted, today)


def form_slug(form: Form) -> str:
    """'bieu-so-lieu-dia-chinh-nong-nghiep-6-thang-2023'."""
    who = "-".join(re.findall(r"[a-z0-9]+", fold(form.owner))) if form.owner else "tat-ca"
    when = PERIOD_SLUGS[form.period] if form.period else form.as_of.strftime("%d-%m")
    return f"bieu-so-lieu-{who}-{when}-{form.year}"


# Reading a filled form back.

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


def read_form(book: Book, sheets: list[Sheet], file: str, sha256: str, today: date, stamp: Stamp) -> Intake:
    """Every record the filled form gives, or every problem it has (at once)."""
    earlier = [r for r in book.records if r.sha256 == sha256]
    if earlier:
        when = format_date(min(r.recorded_at for r in earlier).date())
        return Intake(file, sha256, [], [], f"đã nhập ngày {when} ({len(earlier)} số liệu)")
    forms = [(sheet, header) for sheet in sheets if not sheet.hidden
             for header in [_header_row(sheet)] if header is not None]
    if not forms:
        return Intake(file, sha256, [], [f"{file}: không có bảng nào có dòng tiêu đề của biểu mtcl "
                                         f"({', '.join(HEADERS[:3])}…); lập biểu bằng: mtcl form"])
    problems: list[str] = []
    owner = _check_meta(book, sheets, file, problems)
    planned: list[Planned] = []
    for sheet, header in forms:
        prefix = f"{file}!" if len(forms) == 1 else f"{file}!{sheet.name}!"
        for row in sheet.rows[header + 1:]:
            cells = (row + [Cell("", None, "General")] * len(HEADERS))[:len(HEADERS)]
            made = _read_row(book, cells, owner, prefix, sheet.name, today, stamp, problems)
            if made is not None:
                planned.append(replace(made, record=replace(made.record, file=file, sha256=sha256)))
    problems += _repeated_rows(planned)
    return Intake(file, sha256, planned, problems)


def _header_row(sheet: Sheet) -> int | None:
    for number, row in enumerate(sheet.rows[:30]):
        texts = [fold(str(cell.value)) if cell.value is not None else "" for cell in row[:len(HEADERS)]]
        if texts == [fold(h) for h in HEADERS]:
            return number
    return None


def _check_meta(book: Book, sheets: list[Sheet], file: str, problems: list[str]) -> str | None:
    """The form's department (none for every department); its year must be the book's."""
    meta = next((s for s in sheets if s.name == META_SHEET), None)
    if meta is None:
        problems.append(f"{file}: thiếu trang ẩn '{META_SHEET}' ghi năm và đơn vị của biểu; lập biểu bằng: mtcl form")
        return None
    values = {str(row[0].value): row[1].value for row in meta.rows if len(row) > 1 and row[0].value is not None}
    year = values.get("Năm")
    if year != book.year:
        problems.append(f"{file}: biểu lập cho năm {year}, không phải năm {book.year}; "
                        f"dùng --year {year} hoặc lập biểu năm {book.year} bằng: mtcl form")
    return values.get("Đơn vị") or None


def _read_row(book: Book, cells: list[Cell], owner: str | None, prefix: str, sheet: str, today: date, stamp: Stamp,
              problems: list[str]) -> Planned | None:
    def problem(column: int, text: str) -> None:
        problems.append(f"{prefix}{cells[column].place or HEADERS[column]}: {text}")

    if _blank(cells[VALUE].value):
        if not all(_blank(cells[c].value) for c in (TOTAL, ESTIMATED, SOURCE, NOTE)):
            problem(VALUE, "có điền các cột khác nhưng chưa có số liệu")
        return None
    try:
        target = book.target(_text(cells[ID].value))
    except UserError as exc:
        problem(ID, exc.message)
        return None
    if owner is not None and target.owner != owner:
        problem(ID, f"chỉ tiêu {target.id} do {target.owner or 'đơn vị khác'} phụ trách, không thuộc biểu của {owner}")
        return None
    try:
        typed = _typed(target, cells)
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


class CellProblem(UserError):
    """A problem of one cell of a row, before the record is built."""

    def __init__(self, column: int, message: str):
        super().__init__(message)
        self.column = column


def _typed(target: Target, cells: list[Cell]) -> Typed:
    """The row as ``mtcl record`` would have been typed."""
    as_of = _date(cells[DATE])
    estimated = _estimated(cells[ESTIMATED].value)
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


def _item_of(target: Target, name: str) -> str:
    """The criterion a checklist row is about: its name after the target's ('…: Giao thông')."""
    for item in target.items:
        if fold(name).endswith(fold(item)):
            return item
    raise CellProblem(NAME, f"không rõ tiêu chí nào của chỉ tiêu {target.id} ({', '.join(target.items)})")


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


def _estimated(value: object) -> bool:
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


def _repeated_rows(planned: list[Planned]) -> list[str]:
    """Two rows for the same target (and criterion) at the same date: which one counts
    would depend on the order of the rows."""
    seen: dict[tuple, str] = {}
    problems = []
    for entry in planned:
        key = (entry.record.target, entry.record.item, entry.record.as_of)
        if key in seen:
            problems.append(f"{entry.place}: chỉ tiêu {entry.record.target} đã có số liệu ngày "
                            f"{format_date(entry.record.as_of)} ở {seen[key]}; giữ một dòng")
        seen.setdefault(key, entry.place)
    return problems

