"""The tables ``mtcl export`` gives the level above: the status of every target, the plan
occurrence by occurrence, the register of corrective actions — as rows of real values
(numbers, percentages, dates), for sheets.py to write as .xlsx or CSV."""

from __future__ import annotations

from datetime import date

from mtcl.files.book import Book
from mtcl.core.numbers import format_date
from mtcl.report.sheets import Column, Table
from mtcl.usecases.status import PlanStatus, YearStatus
from mtcl.core.text import one_line
from mtcl.core.words import ACTION_STATE_WORDS, TASK_STATUS_WORDS, plan_words, status_words, verdict

KINDS = ("status", "plan", "actions")
YES = "x"


def export_table(kind: str, book: Book, status: YearStatus, plan: PlanStatus) -> Table:
    if kind == "status":
        return status_table(book, status)
    if kind == "plan":
        return plan_table(book, plan)
    return actions_table(book, status.as_of)


def status_table(book: Book, status: YearStatus) -> Table:
    """Every target at the date: plan, figure, share of the plan, status, figure's date."""
    columns = [
        Column("Mã chỉ tiêu", width=10), Column("Mục tiêu", "number", 9), Column("Nhóm", width=16),
        Column("Chỉ tiêu", width=48), Column("Đơn vị tính", width=11), Column("Phụ trách", width=22),
        Column("Kế hoạch năm", width=14), Column("Kế hoạch (số)", "number", 13), Column("Thực hiện", "number", 12),
        Column("Tỷ lệ so với KH", "percent", 12), Column("Đánh giá", width=16), Column("Ngày số liệu", "date", 12),
        Column("Ước", width=6), Column("Số liệu cũ", width=9), Column("So với cùng kỳ", "percent", 12),
    ]
    rows = []
    for row in status.rows:
        evaluation, target = row.evaluation, row.target
        figure, previous = evaluation.figure, evaluation.previous
        single = target.op != "between" and not target.change  # a plan one number says whole
        rows.append([
            target.id, target.objective, target.group, one_line(target.name), target.unit, target.owner,
            plan_words(target, unit=False), target.bounds[0] if single else None, evaluation.actual,
            evaluation.attainment, status_words(evaluation), figure.as_of if figure else None,
            YES if figure and figure.estimated else None, YES if evaluation.stale else None,
            previous.ratio if previous else None,
        ])
    return Table(f"Thực hiện MTCL năm {book.year} đến ngày {format_date(status.as_of)}", columns, rows)


def plan_table(book: Book, plan: PlanStatus) -> Table:
    """Every occurrence of every task: its deadline, where it stands, its evidence."""
    columns = [
        Column("Mã nhiệm vụ", width=11), Column("Nhiệm vụ", width=48), Column("Chủ trì", width=22),
        Column("Phối hợp", width=22), Column("Thời gian", width=18), Column("Lần", width=12),
        Column("Hạn", "date", 12), Column("Tình trạng", width=18), Column("Ngày hoàn thành", "date", 14),
        Column("Số ngày trễ", "number", 10), Column("Minh chứng", width=40),
    ]
    rows = [[
        state.task.id, one_line(state.task.label), state.task.lead, ", ".join(state.task.partners), state.task.timing,
        state.occurrence.key, state.occurrence.due, TASK_STATUS_WORDS[state.status], state.done_on,
        state.days_late or None, "; ".join(c.evidence for c in state.completions) or None,
    ] for state in plan.states]
    return Table(f"Kế hoạch thực hiện MTCL năm {book.year} đến ngày {format_date(plan.as_of)}", columns, rows)


def actions_table(book: Book, on: date) -> Table:
    """The register of corrective actions."""
    columns = [
        Column("Số phiếu", width=15), Column("Ngày mở", "date", 12), Column("Đối tượng", width=10),
        Column("Lần", width=12), Column("Sự không phù hợp", width=36), Column("Nguyên nhân", width=30),
        Column("Hành động khắc phục", width=36), Column("Phụ trách", width=22), Column("Thời hạn", "date", 12),
        Column("Tình trạng", width=15), Column("Ngày đóng", "date", 12), Column("Kết quả", width=30),
        Column("Minh chứng", width=24), Column("Hiệu lực", width=16),
    ]
    rows = []
    for action in book.actions:
        opened, closed = action.opened, action.closed
        rows.append([
            action.id, opened.opened_on, opened.subject, opened.occurrence, opened.problem, opened.cause,
            opened.action, opened.owner, opened.due, ACTION_STATE_WORDS[action.state(on)],
            closed.closed_on if closed else None, closed.result if closed else None,
            closed.evidence if closed else None, verdict(closed.effective) if closed else None,
        ])
    return Table(f"Sổ theo dõi hành động khắc phục năm {book.year} đến ngày {format_date(on)}", columns, rows)
