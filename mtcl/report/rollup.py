"""What the level above reads: the roll-up of its bodies as a Word report in the Decree 30
format (signed by the level above) and as workbook sheets, one per view."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

from mtcl.core.models import Catalogue, ReportSettings
from mtcl.core.numbers import format_percent, rounded_number
from mtcl.report.context import letterhead_of, signer_org_of
from mtcl.report.sheets import Column, Table
from mtcl.usecases.rollup import BodySummary, IndicatorView, Rollup
from mtcl.core.words import actual_number, plan_words, status_words, with_unit

CHECK_WORDS = {True: "Đã thực hiện", False: "Chưa", None: "Không có trong kế hoạch"}
SHORT_CHECK = {True: "Đã", False: "Chưa", None: "—"}


def met_text(body: BodySummary) -> str:
    return f"{body.counts['met']}/{body.counts['total']}" if body.counts else ""


def rollup_tables(result: Rollup) -> list[Table]:
    """The sheets of the workbook: the bodies, then each shared indicator."""
    columns = [
        Column("Đơn vị", width=26), Column("Thư mục", width=30), Column("Năm", "number", 7),
        Column("Ngày đánh giá", "date", 13), Column("Quyết định", width=24), Column("Tổng số chỉ tiêu", "number", 10),
        Column("Đạt", "number", 7), Column("Đúng tiến độ", "number", 9), Column("Gần đạt", "number", 8),
        Column("Chậm tiến độ", "number", 9), Column("Chưa đạt", "number", 8), Column("Chưa có số liệu", "number", 9),
        Column("Số liệu cũ", "number", 8), Column("Nhiệm vụ đã xong", "number", 10),
        Column("Nhiệm vụ quá hạn", "number", 10), Column("HĐKP đang mở", "number", 9),
        Column("HĐKP quá hạn", "number", 9), Column("Đánh giá nội bộ", width=14), Column("Xem xét lãnh đạo", width=14),
        Column("Lỗi", width=50),
    ]
    rows = []
    for body in result.bodies:
        counts = body.counts
        rows.append([
            body.name, body.folder, body.year, body.as_of, body.decision, counts.get("total"), counts.get("met"),
            counts.get("on_track"), counts.get("near"), counts.get("behind"), counts.get("not_met"),
            counts.get("no_data"), None if body.error else body.stale, None if body.error else body.tasks_done,
            None if body.error else body.tasks_overdue, None if body.error else body.actions_open,
            None if body.error else body.actions_overdue,
            None if body.error else CHECK_WORDS[body.checks.get("internal_audit")],
            None if body.error else CHECK_WORDS[body.checks.get("management_review")], body.error,
        ])
    tables = [Table("Các đơn vị", columns, rows)]
    for view in result.indicators:
        indicator = view.indicator
        rows = [[rank, row.body, row.actual, plan_words(row.evaluation.target, unit=False),
                 row.evaluation.attainment, status_words(row.evaluation),
                 row.evaluation.figure.as_of if row.evaluation.figure else None]
                for rank, row in view.ranked()]
        rows.append(["", "Trung vị", view.median, None, None, None, None])
        tables.append(Table(indicator.code, [
            Column("Hạng", "number", 6), Column("Đơn vị", width=28), Column(f"Thực hiện ({indicator.unit})", "number", 14),
            Column("Kế hoạch", width=14), Column("Tỷ lệ so với KH", "percent", 12), Column("Đánh giá", width=18),
            Column("Ngày số liệu", "date", 12)], rows))
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
            "short": "" if body.error else str(body.counts["behind"] + body.counts["not_met"]),
            "no_data": "" if body.error else str(body.counts["no_data"]),
            "overdue": "" if body.error else str(body.tasks_overdue),
            "actions": "" if body.error else str(body.actions_open),
            "audit": "" if body.error else SHORT_CHECK[body.checks.get("internal_audit")],
            "review": "" if body.error else SHORT_CHECK[body.checks.get("management_review")],
        } for number, body in enumerate(result.bodies, start=1)],
        "indicators": [{
            "heading": f"{number}. {view.indicator.name} ({view.indicator.unit})",
            "rows": [{"rank": str(rank or ""), "name": row.body, "actual": actual_number(row.evaluation),
                      "plan": plan_words(row.evaluation.target, unit=False), "status": status_words(row.evaluation)}
                     for rank, row in view.ranked()],
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
