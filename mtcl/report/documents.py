"""Which document to make: its context, its template, and the name of its file.

``mtcl report`` makes four kinds of document: the MTCL results report (``results``), the
corrective action request form (``action``), the register of actions (``register``) and
the management review input (``review``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mtcl.errors import UserError
from mtcl.loader import YearData
from mtcl.report.context import REPORT_SLUGS, ReportOptions, prepare_report

KINDS = ("results", "action", "register", "review")


@dataclass(frozen=True)
class Prepared:
    context: dict
    template: str  # file name among the shipped templates
    file_name: str


def prepare(kind: str, year: YearData, options: ReportOptions, as_of: date | None, action_id: str | None) -> Prepared:
    from mtcl.actions import find_action, load_actions
    from mtcl.overview import year_status
    from mtcl.periods import period_end
    from mtcl.recording import load_records
    from mtcl.report import quality
    from mtcl.tracking import plan_states

    if kind not in KINDS:
        raise UserError(f"loại văn bản '{kind}' không có", f"chọn một trong: {', '.join(KINDS)}")
    if kind != "action" and action_id is not None:
        raise UserError(f"số phiếu '{action_id}' chỉ dùng với --kind action")
    if kind in ("results", "review") and options.period is None:
        raise UserError("cần chọn kỳ báo cáo", "thêm --period h1 (6 tháng), q1..q4 hoặc year (năm)")
    if kind == "results":
        context = prepare_report(year, options, as_of)
        return Prepared(context, "bao-cao-mtcl.docx", f"bao-cao-mtcl-{REPORT_SLUGS[options.period]}-{year.year}.docx")
    if kind == "action":
        if action_id is None:
            raise UserError("cần số phiếu: mtcl report --kind action HĐKP-2023-01")
        action = find_action(load_actions(year), action_id)
        slug = action.id.lower().replace("hđkp", "hdkp")
        return Prepared(quality.action_context(year, action), "phieu-hdkp.docx", f"phieu-{slug}.docx")
    if kind == "register":
        on = as_of or options.report_date
        context = quality.register_context(year, load_actions(year), on)
        return Prepared(context, "so-theo-doi-hdkp.docx", f"so-theo-doi-hdkp-{year.year}.docx")
    if options.period not in quality.EARLIER_CHECKPOINT:
        raise UserError("báo cáo xem xét của lãnh đạo làm 6 tháng một lần", "dùng --period h1 hoặc --period year")
    when = as_of or period_end(year.year, options.period)
    records = load_records(year)  # read once for both dates
    status = year_status(year, when, records)
    earlier = year_status(year, quality.earlier_checkpoint(year.year, options.period), records)
    tasks = plan_states(year, min(when, max(options.report_date, date(year.year, 1, 1))))
    context = quality.review_context(year, options.period, status, earlier, tasks, options.report_date,
                                     options.signer or "")
    return Prepared(context, "xem-xet-lanh-dao.docx",
                    f"xem-xet-lanh-dao-{REPORT_SLUGS[options.period]}-{year.year}.docx")
