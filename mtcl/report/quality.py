"""The content of the quality-system documents, as plain data for their templates.

- the corrective action request form (phiếu yêu cầu hành động khắc phục, ISO 10.2);
- the register of corrective actions (sổ theo dõi hành động khắc phục, cải tiến);
- the management review input (báo cáo đầu vào xem xét của lãnh đạo, ISO 9.3): the
  objectives' status and trend, plan progress, actions and their effectiveness.
"""

from __future__ import annotations

from datetime import date

from mtcl.core.actions import Action
from mtcl.core.attainment import Evaluation
from mtcl.core.numbers import format_date
from mtcl.core.periods import period_phrase
from mtcl.core.schedule import OccurrenceState, plan_summary
from mtcl.core.words import (action_counts_words, action_phrase, capitalised, overdue_phrase, plan_progress, status_words,
                             verdict)
from mtcl.files.book import Book
from mtcl.report.context import counts_words, document_number, letterhead, objectives_chart
from mtcl.usecases.status import YearStatus
from mtcl.usecases.views import TARGET_COLUMNS, action_columns, pick, row_words

REVIEW = ("id", "label", "unit", "plan", "actual", "status")
# The review compares each target with the checkpoint before: the first quarter for the
# six-month review, the first half for the annual one.
EARLIER_CHECKPOINT = {"h1": (3, 31), "year": (6, 30)}
EARLIER_NAMES = {"h1": ("Quý I", "6 tháng"), "year": ("6 tháng", "Cả năm")}
HANDWRITING = ["", ""]  # blank lines below an empty field (with its own line: three)


def _subject_text(book: Book, action: Action) -> str:
    opened = action.opened
    if opened.subject_kind == "target":
        target = book.targets.get(opened.subject)
        return f"Chỉ tiêu {opened.subject}" + (f" – {target.label}" if target else "")
    task = book.tasks.get(opened.subject)
    text = f"Nhiệm vụ {opened.subject}" + (f" – {task.label}" if task else "")
    return text + (f" (lần {opened.occurrence})" if opened.occurrence else "")


def action_context(book: Book, action: Action) -> dict:
    opened, closed = action.opened, action.closed
    fields = [
        ("Số phiếu", action.id),
        ("Ngày mở phiếu", format_date(opened.opened_on)),
        ("Đối tượng", _subject_text(book, action)),
        ("Mô tả sự không phù hợp", opened.problem),
        ("Nguyên nhân", opened.cause or "Chưa xác định"),
        ("Hành động khắc phục", opened.action),
        ("Người, bộ phận thực hiện", opened.owner),
        ("Thời hạn hoàn thành", format_date(opened.due)),
        ("Người lập phiếu", opened.by),
        ("Kết quả thực hiện", closed.result if closed else ""),
        ("Minh chứng", (closed.evidence or "") if closed else ""),
        ("Ngày đóng phiếu", format_date(closed.closed_on) if closed else ""),
        ("Đánh giá hiệu lực", capitalised(verdict(closed.effective)) if closed else ""),
    ]
    return {
        **letterhead(book, opened.opened_on, action.id),
        "subject": f"(Theo điều 10.2 TCVN ISO 9001:2015, năm {book.year})",
        # An empty field is left three lines high, for the result to be written by hand.
        "fields": [{"label": label, "value": value, "blank": [] if value else HANDWRITING}
                   for label, value in fields],
        "opened_by": opened.by,
    }


REGISTER = ("id", "opened_on", "subject", "problem", "cause", "action", "owner", "due", "outcome")


def register_context(book: Book, on: date) -> dict:
    actions = book.actions
    columns = pick(action_columns(on), REGISTER)
    rows = [{"stt": str(number), **row_words(columns, action)} for number, action in enumerate(actions, start=1)]
    summary = (f"Đến ngày {format_date(on)}: {action_counts_words(actions, on)}." if actions
               else f"Đến ngày {format_date(on)}: chưa có phiếu nào.")
    return {
        **letterhead(book, on, None),
        "subject": f"Năm {book.year}",
        "summary": summary,
        "rows": rows or [{**dict.fromkeys(("stt", *REGISTER), ""), "problem": "Chưa có phiếu nào."}],
        "prepared_by": "",
    }


RANK = {"met": 4, "on_track": 3, "in_progress": 3, "near": 2, "behind": 1, "over_pace": 1, "not_met": 0}


def trend(now: Evaluation, before: Evaluation) -> str:
    """How a target moved since the earlier checkpoint: a running total by its status
    ('tốt lên: Chậm tiến độ → Đúng tiến độ'), a rate or a level by its value ('tăng (tốt
    lên)'); '' when the earlier checkpoint had no figure."""
    if now.figure is None or before.figure is None:
        return ""
    if [id(r) for r in now.figure.records] == [id(r) for r in before.figure.records]:
        return "chưa có số liệu mới"
    if now.target.kind == "cumulative":
        if now.status == before.status:
            return f"giữ nguyên ({status_words(now).lower()})"
        better = RANK.get(now.status, 0) > RANK.get(before.status, 0)
        return f"{'tốt lên' if better else 'xấu đi'}: {status_words(before)} → {status_words(now)}"
    if now.actual == before.actual:
        return "không đổi"
    rising = now.actual > before.actual
    better = rising != now.target.less_is_better
    return f"{'tăng' if rising else 'giảm'} ({'tốt lên' if better else 'xấu đi'})"


def review_context(
    book: Book,
    period: str,
    status: YearStatus,
    earlier: YearStatus,
    tasks: list[OccurrenceState],
    report_date: date,
    prepared_by: str,
) -> dict:
    before = {e.target.id: e for e in earlier.evaluations}
    names = EARLIER_NAMES[period]
    columns = pick(TARGET_COLUMNS, REVIEW)
    rows = [{**row_words(columns, row), "trend": trend(row.evaluation, before[row.target.id])} for row in status.rows]
    objectives_summary = (f"Đến ngày {format_date(status.as_of)}: {counts_words(status.evaluations, missing=True)}. "
                          f"Xu hướng so với ngày {format_date(earlier.as_of)}.")
    plan_sentence = f"{capitalised(plan_progress(plan_summary(tasks)))}."
    overdue = [f"- Quá hạn: {s.task.id}. {overdue_phrase([s])}." for s in tasks if s.status == "overdue"]
    actions = list(status.actions)
    closed = [a for a in actions if a.closed]
    actions_summary = (f"{action_counts_words(actions, status.as_of, 'hành động khắc phục')}." if actions
                       else "Chưa có hành động khắc phục nào trong kỳ.")
    uncovered = status.without_action
    proposals = ([f"- Mở hành động khắc phục cho {len(uncovered)} chỉ tiêu chưa đạt hoặc chậm tiến độ: "
                  + "; ".join(f"{t.id} ({t.label})" for t in uncovered) + "."] if uncovered else []) + [
        f"- Xem xét lại hành động {a.id}: chưa có hiệu lực." for a in closed if not a.closed.effective
    ]
    return {
        **letterhead(book, report_date, document_number(book, None)),
        "subject": f"Về Hệ thống quản lý chất lượng {period_phrase(period, book.year)}",
        "intro": (
            f"Thực hiện Kế hoạch thực hiện Mục tiêu chất lượng năm {book.year} (xem xét của lãnh đạo định kỳ "
            f"6 tháng/lần), Thư ký ISO tổng hợp các thông tin đầu vào để Lãnh đạo {book.objectives.issuer.short_name} "
            f"xem xét theo điều 9.3 TCVN ISO 9001:2015 như sau:"
        ),
        "objectives_summary": objectives_summary,
        "rows": rows,
        "plan_summary": plan_sentence,
        "overdue": overdue or ["Không có nhiệm vụ quá hạn."],
        "actions_summary": actions_summary,
        "actions": [f"- {action_phrase(a)}: {a.opened.problem}." for a in actions],
        "proposals": proposals or ["Tiếp tục duy trì Hệ thống quản lý chất lượng."],
        "prepared_by": prepared_by,
        "chart": objectives_chart(book, [(names[0], earlier), (names[1], status)]),
    }


def earlier_checkpoint(year: int, period: str) -> date:
    month, day = EARLIER_CHECKPOINT[period]
    return date(year, month, day)
