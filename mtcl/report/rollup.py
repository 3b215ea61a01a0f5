"""What the level above reads: the roll-up of its bodies as a Word report in the Decree 30
format (signed by the level above) and as workbook sheets, one per view."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

from mtcl.core.models import Catalogue, ReportSettings
from mtcl.core.numbers import format_percent, rounded_number
from mtcl.core.words import with_unit
from mtcl.report.context import letterhead_of, signer_org_of
from mtcl.report.sheets import Table, table_of
from mtcl.usecases.rollup import BodySummary, IndicatorView, Rollup
from mtcl.usecases.views import BODY_COLUMNS, indicator_columns, pick, row_words

INDICATOR = ("rank", "body", "actual", "plan", "status")

SHORT_CHECK = {True: "Đã", False: "Chưa", None: "—"}


def met_text(body: BodySummary) -> str:
    return f"{body.counts['met']}/{body.counts['total']}" if body.counts else ""


def rollup_tables(result: Rollup) -> list[Table]:
    """The sheets of the workbook: the bodies, then each shared indicator (with the median
    of the bodies' figures under them)."""
    tables = [table_of("Các đơn vị", BODY_COLUMNS, result.bodies)]
    for view in result.indicators:
        sheet = table_of(view.indicator.code, indicator_columns(view.indicator.unit), view.ranked())
        sheet.rows.append(["", "Trung vị", view.median, None, None, None, None])
        tables.append(sheet)
    return tables


def rollup_context(result: Rollup, catalogue: Catalogue, period_words: str, on: date, signer: str | None) -> dict:
    """The level above's summary report."""
    issuer = catalogue.issuer
    settings: ReportSettings = catalogue.report
    readable = [b for b in result.bodies if not b.error]
    issued = sum(1 for b in readable if b.decision)
    shortfalls = [f"{b.name} ({b.tasks_overdue})" for b in readable if b.tasks_overdue]
    summary = [
        f"Tổng hợp {len(result.bodies)} đơn vị: {issued} đơn vị đã ban hành quyết định Mục tiêu chất lượng và Kế "
        f"hoạch thực hiện; bình quân mỗi đơn vị đạt {_mean_share(readable)} số chỉ tiêu.",
        f"Đánh giá nội bộ đã thực hiện ở {_done(readable, 'internal_audit')}; xem xét của lãnh đạo đã thực hiện ở "
        f"{_done(readable, 'management_review')}.",
    ]
    if shortfalls:
        summary.append(f"Đơn vị có nhiệm vụ của kế hoạch quá hạn (số lần): {', '.join(shortfalls)}.")
    usual = Counter(b.year for b in readable).most_common(1)[0][0] if readable else None
    other_years = [f"{b.name} (năm {b.year})" for b in readable if b.year != usual]
    if other_years:
        summary.append(f"Số liệu khác năm: {', '.join(other_years)}.")
    return {
        **letterhead_of(issuer, on, ""),
        "subject": f"Tổng hợp kết quả thực hiện Mục tiêu chất lượng {period_words} của các đơn vị",
        "intro": f"{issuer.short_name} tổng hợp kết quả thực hiện Mục tiêu chất lượng {period_words} của các đơn "
                 "vị theo Hệ thống quản lý chất lượng TCVN ISO 9001:2015 như sau:",
        "summary": summary,
        "bodies": [{
            "stt": str(number), "name": body.name, "met": met_text(body),
            "short": "" if body.error else str(body.short),
            "no_data": "" if body.error else str(body.counts["no_data"]),
            "overdue": "" if body.error else str(body.tasks_overdue),
            "actions": "" if body.error else str(body.actions_open),
            "audit": "" if body.error else SHORT_CHECK[body.checks.get("internal_audit")],
            "review": "" if body.error else SHORT_CHECK[body.checks.get("management_review")],
        } for number, body in enumerate(result.bodies, start=1)],
        "indicators": [{
            "heading": f"{number}. {view.indicator.name} ({view.indicator.unit})",
            "rows": [row_words(pick(indicator_columns(view.indicator.unit), INDICATOR), ranked)
                     for ranked in view.ranked()],
            "median": f"Trung vị: {_median_words(view)}.",
        } for number, view in enumerate(result.indicators, start=1)],
        "failed_heading": f"{'III' if result.indicators else 'II'}. ĐƠN VỊ CHƯA ĐỌC ĐƯỢC DỮ LIỆU",
        "failed": [f"- {body.name} ({body.folder}): {body.error}" for body in result.failed],
        "closing": f"Trên đây là báo cáo tổng hợp kết quả thực hiện Mục tiêu chất lượng {period_words} của các đơn "
                   "vị./.",
        "recipients": [f"- {r};" for r in settings.recipients] + [f"- Lưu: {settings.archive}."],
        "signer_org": signer_org_of(issuer, settings),
        "signer_title": settings.signer_title.upper(),
        "signer": signer or settings.signer or "",
    }


def _mean_share(bodies: list[BodySummary]) -> str:
    shares = [Decimal(100 * b.counts["met"]) / b.counts["total"] for b in bodies if b.counts.get("total")]
    return format_percent(sum(shares) / len(shares)) if shares else "—"


def _done(bodies: list[BodySummary], check: str) -> str:
    planned = [b for b in bodies if b.checks.get(check) is not None]
    done = sum(1 for b in planned if b.checks[check])
    return f"{done}/{len(planned)} đơn vị có nhiệm vụ này trong kế hoạch"


def _median_words(view: IndicatorView) -> str:
    median = view.median
    if median is None:
        return "chưa có đơn vị nào có số liệu"
    return with_unit(rounded_number(median), view.indicator.unit)
