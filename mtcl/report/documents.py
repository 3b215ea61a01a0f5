"""Which document to make: its context, its template, and the name of its file.

``mtcl report`` makes four kinds of document: the MTCL results report (``results``), the
corrective action request form (``action``), the register of actions (``register``) and
the management review input (``review``).  Each is made from the book alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from mtcl.core.actions import find_action
from mtcl.core.attainment import STALE_DAYS
from mtcl.core.errors import UserError
from mtcl.core.numbers import format_date
from mtcl.core.periods import PERIOD_SLUGS, period_end, within_year
from mtcl.core.text import fold
from mtcl.files.book import Book
from mtcl.report import quality
from mtcl.report.context import ReportOptions, build_context
from mtcl.usecases.status import YearStatus, owned_targets, plan_status, year_status

DOCUMENTS = ("results", "action", "register", "review")


@dataclass(frozen=True)
class Prepared:
    context: dict
    template: str  # file name among the shipped templates
    file_name: str
    notices: tuple[str, ...] = ()  # what the officer should know before sending it


def figure_notices(status: YearStatus) -> tuple[str, ...]:
    """The stale and the missing figures of a period's report, to fix before it is sent."""
    stale = [f"{e.target.id} ({format_date(e.figure.since)})" for e in status.evaluations if e.stale]
    missing = [e.target.id for e in status.evaluations if e.figure is None]
    notices = []
    if stale:
        notices.append(f"{len(stale)} chỉ tiêu có số liệu cũ hơn {STALE_DAYS} ngày so với ngày "
                       f"{format_date(status.as_of)}: {', '.join(stale)}")
    if missing:
        notices.append(f"{len(missing)} chỉ tiêu chưa có số liệu: {', '.join(missing)}")
    return tuple(notices)


def unsigned_notice(name: str, who: str) -> tuple[str, ...]:
    """A document without the name of who signs it leaves the line blank for handwriting,
    and says so."""
    if name.strip():
        return ()
    return (f"chưa có họ tên {who}: dòng họ tên để trống để ký tay (thêm --signer \"Họ và tên\""
            + (" hoặc điền report.signer trong objectives.yaml" if who == "người ký" else "") + ")",)


def prepare(kind: str, book: Book, options: ReportOptions, as_of: date | None, action_id: str | None) -> Prepared:
    """The document of ``kind``.  A period's figures are taken at ``as_of``, by default
    the period's end: the report is written before the period ends (15/6 for six months,
    30/11 for the year), so the figures to date stand with the estimates (ước) the officer
    recorded for the period's end.  The plan is judged on the day the report is written:
    a deadline after it is not late."""
    if kind not in DOCUMENTS:
        raise UserError(f"loại văn bản '{kind}' không có", f"chọn một trong: {', '.join(DOCUMENTS)}")
    if kind != "action" and action_id is not None:
        raise UserError(f"số phiếu '{action_id}' chỉ dùng với --kind action")
    if kind in ("results", "review") and options.period is None:
        raise UserError("cần chọn kỳ báo cáo", "thêm --period h1 (6 tháng), 9m (9 tháng), q1..q4 hoặc year (năm)")
    if kind == "action":
        if action_id is None:
            raise UserError(f"cần số phiếu: mtcl report --kind action HĐKP-{book.year}-01")
        action = find_action(book.actions, action_id)
        slug = action.id.lower().replace("hđkp", "hdkp")
        return Prepared(quality.action_context(book, action), "phieu-hdkp.docx", f"phieu-{slug}.docx")
    if kind == "register":
        context = quality.register_context(book, as_of or options.report_date)
        return Prepared(context, "so-theo-doi-hdkp.docx", f"so-theo-doi-hdkp-{book.year}.docx")
    if kind == "review" and options.period not in quality.EARLIER_CHECKPOINT:
        raise UserError("báo cáo xem xét của lãnh đạo làm 6 tháng một lần", "dùng --period h1 hoặc --period year")
    when = as_of or period_end(book.year, options.period)
    status = year_status(book, when)
    tasks = plan_status(book, min(when, within_year(book.year, options.report_date))).states
    slug = PERIOD_SLUGS[options.period]
    if options.owner:
        owned = owned_targets(book, options.owner)
        options = replace(options, owner=owned[0].owner)
        status = status.restricted_to({t.id for t in owned})
        tasks = [s for s in tasks if fold(options.owner) in fold(s.task.lead)]
        slug += "-" + "-".join(fold(options.owner).replace("-", " ").split())
    if kind == "results":
        earlier = year_status(book, period_end(book.year, "h1")) if options.period == "year" else None
        if earlier is not None and options.owner:
            earlier = earlier.restricted_to({row.target.id for row in status.rows})
        context = build_context(book, status, tasks, options, earlier)
        return Prepared(context, "bao-cao-mtcl.docx", f"bao-cao-mtcl-{slug}-{book.year}.docx",
                        figure_notices(status) + unsigned_notice(context["signer"], "người ký"))
    earlier = year_status(book, quality.earlier_checkpoint(book.year, options.period))
    context = quality.review_context(book, options.period, status, earlier, tasks, options.report_date,
                                     options.signer or "")
    return Prepared(context, "xem-xet-lanh-dao.docx", f"xem-xet-lanh-dao-{slug}-{book.year}.docx",
                    figure_notices(status) + unsigned_notice(context["prepared_by"], "người lập"))
