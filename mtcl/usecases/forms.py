"""Forms for the departments: what a form asks for, the message that goes with the forms,
and which forms came back.

``make_form`` lists, for one department (all of them without an owner), every target it
reports, with the figure mtcl has now and cells to fill; ``make_forms`` makes one per
department.  A form is due back a few days before the report of its period; when it comes
back before its period ends, its figures to the period's end are estimates, and the form
says so (its ``Ước`` cells are pre-set).  A form carries a hidden sheet naming its body,
year, department, version and reference (``meta``): reading it back is ``usecases.intake``.
``form_returns`` says, for each form made (``core.sent``), which of its targets have come
back, which are missing, and whether it is late.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from datetime import date

from mtcl.core.entries import Stamp
from mtcl.core.errors import UserError
from mtcl.core.figures import FigureRecord
from mtcl.core.models import Target
from mtcl.core.numbers import format_date
from mtcl.core.periods import PERIOD_SLUGS, period_phrase
from mtcl.core.sent import SentForm
from mtcl.core.text import fold, one_line
from mtcl.core.words import actual_text, plan_words
from mtcl.files.book import Book
from mtcl.usecases.status import owned_targets, year_status

HEADERS = ("Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Số liệu gần nhất", "Số liệu",
           "Tổng số (tỷ lệ)", "Ngày số liệu", "Ước", "Nguồn", "Ghi chú")
ID, NAME, UNIT, PLAN, LATEST, VALUE, TOTAL, DATE, ESTIMATED, SOURCE, NOTE = range(len(HEADERS))
FILLED = (VALUE, TOTAL, DATE, ESTIMATED, SOURCE, NOTE)  # the cells a department fills
MET, NOT_MET = "Đạt", "Chưa đạt"
ESTIMATE_MARK = "x"
META_SHEET = "mtcl"  # hidden: what the form is for
META_KIND = "Biểu số liệu MTCL"
# The hidden sheet's rows, one key a row: the first five since the first forms, then those
# of version 2 (a form of version 1 has none of them).
KIND, YEAR, OWNER, AS_OF, RETURN_BY, VERSION, BODY, REF, PERIOD = (
    "Loại", "Năm", "Đơn vị", "Ngày số liệu", "Hạn gửi lại", "Phiên bản biểu", "Cơ quan", "Mã biểu", "Kỳ")
FORM_VERSION = 2  # 2: the body, the reference, estimates pre-set, columns read by their heading
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
    made_on: date
    ref: str | None = None  # BM-…, given when the form is stored among the forms sent

    @property
    def department(self) -> str:
        return self.owner or ALL_DEPARTMENTS

    @property
    def period_words(self) -> str:
        when = f"số liệu đến ngày {format_date(self.as_of)}"
        return f"{period_phrase(self.period, self.year)} ({when})" if self.period else when

    @property
    def estimates(self) -> bool:
        """Whether the form comes back before its figures' date: its figures to that date
        are then estimates, and its ``Ước`` cells are pre-set."""
        return self.as_of > self.return_by

    def meta(self) -> list[tuple[str, object]]:
        return [(KIND, META_KIND), (YEAR, self.year), (OWNER, self.owner or ""), (AS_OF, self.as_of),
                (RETURN_BY, self.return_by), (VERSION, FORM_VERSION), (BODY, self.body), (REF, self.ref or ""),
                (PERIOD, self.period or "")]


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
    return _form(book, department, targets, period, as_of, today)


def make_forms(book: Book, period: str | None, as_of: date, today: date) -> list[Form]:
    """One form per department (per ``owner``), in the order the targets name them; a
    department with nothing to send (only totals worked out from parts) gets none."""
    owners = list(dict.fromkeys(t.owner for t in book.targets.values() if t.owner))
    forms = [_form(book, owner, [t for t in book.targets.values() if t.owner == owner], period, as_of, today)
             for owner in owners]
    return [form for form in forms if form.lines]


def unassigned(book: Book) -> list[str]:
    """The targets no department reports (no owner), which no form of ``make_forms`` asks for."""
    return [t.id for t in book.targets.values() if not t.owner and not t.sum_of]


def _form(book: Book, owner: str | None, targets: list[Target], period: str | None, as_of: date,
          today: date) -> Form:
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
    return Form(book.year, book.objectives.issuer.short_name, owner, period, as_of,
                return_by(book, as_of, today), lines, today)


def return_by(book: Book, end: date, today: date) -> date:
    """When the form comes back: a few days before the report of its period is due, else a
    few days after the period's end; a form made later than that comes back the day before
    the report, and a form made when even that has passed comes back a few days after it is
    made — never on the day it is made."""
    report = report_due(book, end)
    wanted = [report - dt.timedelta(days=RETURN_DAYS), report - dt.timedelta(days=1)] if report else \
        [end + dt.timedelta(days=RETURN_DAYS)]
    return next((day for day in wanted if day > today), today + dt.timedelta(days=RETURN_DAYS))


def report_due(book: Book, end: date) -> date | None:
    """The deadline of the report of the period ending ``end``: the first of the plan's
    results_report tasks due near it, if any."""
    deadlines = sorted(d for task in book.tasks.values() if task.kind == "results_report" for d in task.due)
    return next((d for d in deadlines if abs((d - end).days) <= REPORT_NEAR_DAYS), None)


def form_slug(form: Form) -> str:
    """'bieu-so-lieu-dia-chinh-nong-nghiep-6-thang-2023'."""
    who = slug(form.owner) if form.owner else "tat-ca"
    return f"bieu-so-lieu-{who}-{when_slug(form.period, form.as_of)}-{form.year}"


def slug(text: str) -> str:
    """'dia-chinh-nong-nghiep' for 'Địa chính - Nông nghiệp'."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text)))


def when_slug(period: str | None, as_of: date) -> str:
    """'6-thang' for h1, 'den-20-06' for figures to a date."""
    return PERIOD_SLUGS[period] if period else f"den-{as_of:%d-%m}"


def sent_entry(form: Form, file: str, stamp: Stamp) -> SentForm:
    """The line of forms.jsonl that remembers ``form``, written to ``file``."""
    targets = list(dict.fromkeys(line.target.id for line in form.lines))
    return SentForm(owner=form.owner, period=form.period, as_of=form.as_of, return_by=form.return_by,
                    made_on=form.made_on, targets=targets, file=file, version=FORM_VERSION, by=stamp.by,
                    recorded_at=stamp.at)


def with_ref(form: Form, sent: SentForm) -> Form:
    return replace(form, ref=sent.ref)


def covering_message(book: Book, forms: list[Form], files: list[str], sender: str) -> str:
    """The text the officer pastes in an e-mail or a chat with the forms: what they are
    for, by when they come back, how estimates are written, and which file is whose."""
    first = forms[0]
    what = period_phrase(first.period, first.year) if first.period else f"đến ngày {format_date(first.as_of)}"
    report = report_due(book, first.as_of)
    lines = [f"Kính gửi: các ngành, bộ phận của {first.body}.", "",
             f"Để tổng hợp kết quả thực hiện Mục tiêu chất lượng {what}"
             + (f" (báo cáo trước ngày {format_date(report)})" if report else "")
             + f", xin gửi kèm biểu số liệu của từng ngành. Đề nghị các ngành điền số liệu vào các ô nền trắng "
               f"và gửi lại trước ngày {format_date(first.return_by)}."]
    if first.estimates:
        lines += ["", f"Kỳ chưa hết khi gửi lại biểu: số liệu đến ngày {format_date(first.as_of)} là số ước "
                      f"thực hiện (cột Ước tự hiện {ESTIMATE_MARK} khi để nguyên ngày này). Số đã có đến một ngày "
                      f"đã qua thì ghi ngày đó ở cột Ngày số liệu: đó là số thực hiện."]
    lines += ["", "Biểu của từng ngành:"]
    lines += [f"- {form.department} ({_count(form)}): {file}" for form, file in zip(forms, files)]
    lines += ["", "Xin cảm ơn.", sender]
    return "\n".join(lines) + "\n"


def _count(form: Form) -> str:
    targets = len({line.target.id for line in form.lines})
    return f"{targets} chỉ tiêu" if targets == len(form.lines) else f"{targets} chỉ tiêu, {len(form.lines)} dòng"


# Which forms came back.

@dataclass(frozen=True)
class FormReturn:
    """A form made, what came back for it, and what is still missing."""

    form: SentForm
    received: list[str]  # target ids with a figure dated up to the form's date, recorded since it was made
    missing: list[str]
    files: list[str]  # the files its figures were imported from
    late_days: int  # days past its return date while targets are missing (0: not late)

    @property
    def state(self) -> str:
        """'Đã đủ', 'Thiếu 2/3 chỉ tiêu', 'Chưa gửi lại', with how late."""
        if not self.missing:
            return "Đã đủ"
        words = "Chưa gửi lại" if not self.received else \
            f"Thiếu {len(self.missing)}/{len(self.form.targets)} chỉ tiêu"
        return f"{words}, quá hạn {self.late_days} ngày" if self.late_days else words


def form_returns(book: Book, sent: list[SentForm], today: date, period: str | None = None) -> list[FormReturn]:
    """Each department's latest form (of ``period`` when given) and what came back for it:
    a target has come back when a figure of it dated up to the form's date was recorded on
    or after the day the form was made (imported from a form, or typed)."""
    latest: dict[tuple, SentForm] = {}
    for form in sent:
        if period is None or form.period == period:
            latest[(form.owner, form.period, form.as_of)] = form
    return [_returned(book, form, today) for form in latest.values()]


def _returned(book: Book, form: SentForm, today: date) -> FormReturn:
    since = [r for r in book.counted_records if r.target in form.targets and _answers(r, form)]
    received = [t for t in form.targets if any(r.target == t for r in since)]
    missing = [t for t in form.targets if t not in received]
    files = list(dict.fromkeys(r.file for r in book.counted_records if r.form == form.ref and r.file))
    late = (today - form.return_by).days if missing and today > form.return_by else 0
    return FormReturn(form, received, missing, files, late)


def _answers(record: FigureRecord, form: SentForm) -> bool:
    return record.form == form.ref or (record.as_of <= form.as_of and record.recorded_at.date() >= form.made_on)
