"""Each view's rows, declared once: the targets at a date, the plan's occurrences, the
register of corrective actions, the bodies of the level above — their columns, and their
JSON.

A column has a key (what a template or a reader names it by), its heading (and a short one
for a narrow table), the kind of its cells (text, number, percent — a percentage such as
101,2 —, date), a width in characters, and how a row gives it: ``value`` the typed value a
spreadsheet cell holds, ``text`` the words a document writes, and ``screen`` what the
terminal shows where it differs (symbols, colours are the terminal's own business).
The terminal, the Word tables and the exported sheets all read these lists and pick the
columns they show by key: a new column is one line here.

The JSON shapes (``--json``) are the last part of this module: their keys are kept stable
between releases (the README lists the ones added since), numbers stay numbers and dates
ISO dates (the command line's JSON writer turns ``Decimal`` and ``date`` into them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Generic, Literal, TypeVar

from pydantic import TypeAdapter

from mtcl.core.actions import Action
from mtcl.core.attainment import Evaluation, count_statuses
from mtcl.core.figures import FigureRecord
from mtcl.core.models import Target
from mtcl.core.numbers import format_date, rounded
from mtcl.core.schedule import OccurrenceState, occurrence_label
from mtcl.core.text import one_line
from mtcl.core.words import (ACTION_STATE_WORDS, HUNDRED_PERCENT, TASK_STATUS_WORDS, actual_number, actual_text,
                             attainment_text, capitalised, lowered, percent_text, plan_text, plan_words,
                             status_words, thresholds, verdict)
from mtcl.usecases.status import HistoryRow, PlanStatus, TargetRow, YearStatus
from mtcl.usecases.summaries import BodySummary, IndicatorRow, Rollup, SetAside, TargetLine

R = TypeVar("R")
CellKind = Literal["text", "number", "percent", "date"]
YES = "x"


@dataclass(frozen=True)
class Column(Generic[R]):
    key: str
    heading: str
    kind: CellKind
    width: int  # characters, in a sheet
    value: Callable[[R], object]
    text: Callable[[R], str] | None = None  # a document's words; by default the value as text
    screen: Callable[[R], str] | None = None  # the terminal's, where it differs from the text
    short: str | None = None  # the heading in a narrow table

    def words(self, row: R) -> str:
        """What a document writes in this column's cell."""
        if self.text is not None:
            return self.text(row)
        value = self.value(row)
        if value is None:
            return ""
        return format_date(value) if isinstance(value, date) else str(value)

    def shown(self, row: R) -> str:
        """What the terminal shows in this column's cell."""
        return self.screen(row) if self.screen is not None else self.words(row)

    @property
    def narrow(self) -> str:
        return self.short or self.heading


def pick(columns: Sequence[Column[R]], keys: Sequence[str]) -> list[Column[R]]:
    """The columns named by ``keys``, in that order."""
    by_key = {column.key: column for column in columns}
    return [by_key[key] for key in keys]


def row_words(columns: Sequence[Column[R]], row: R) -> dict[str, str]:
    """A row as a document's table takes it: each column's words, by key."""
    return {column.key: column.words(row) for column in columns}


def _figure_date(row: TargetRow) -> date | None:
    figure = row.evaluation.figure
    return figure.as_of if figure else None


def _single_plan(row: TargetRow) -> Decimal | None:
    """The plan as one number, where one number says it whole (not a range, not a change)."""
    target = row.target
    return target.bounds[0] if target.op != "between" and not target.change else None


def _previous_ratio(row: TargetRow) -> Decimal | None:
    previous = row.evaluation.previous
    return _rounded(previous.ratio) if previous else None


def _rounded(value: Decimal | None, marks: tuple[Decimal, ...] = ()) -> Decimal | None:
    """A computed number by the one rule (``numbers.rounded``), as every format gives it."""
    return None if value is None else rounded(value, marks)


def actual_value(evaluation: Evaluation) -> Decimal | None:
    """The figure as a sheet or JSON holds it: as typed, or worked out from counts and rounded
    by the one rule."""
    figure = evaluation.figure
    if figure is None or not evaluation.target.numeric:
        return None
    return rounded(figure.actual, thresholds(evaluation.target)) if figure.computed else figure.actual


def attainment_value(evaluation: Evaluation) -> Decimal | None:
    return _rounded(evaluation.attainment, HUNDRED_PERCENT)


def change_value(evaluation: Evaluation) -> Decimal | None:
    marks = tuple(abs(mark) for mark in thresholds(evaluation.target))
    return _rounded(evaluation.change, marks)


TARGET_COLUMNS: list[Column[TargetRow]] = [
    Column("id", "Mã chỉ tiêu", "text", 10, lambda r: r.target.id, short="Mã"),
    Column("objective", "Mục tiêu", "number", 9, lambda r: r.target.objective),
    Column("group", "Nhóm", "text", 16, lambda r: r.target.group),
    Column("name", "Chỉ tiêu", "text", 48, lambda r: one_line(r.target.name)),
    Column("label", "Chỉ tiêu", "text", 32, lambda r: r.target.label),
    Column("unit", "Đơn vị tính", "text", 11, lambda r: r.target.unit, short="ĐVT"),
    Column("owner", "Phụ trách", "text", 22, lambda r: r.target.owner),
    Column("plan", "Kế hoạch năm", "text", 14, lambda r: plan_words(r.target, unit=False),
           screen=lambda r: plan_text(r.target), short="Kế hoạch"),
    Column("plan_value", "Kế hoạch (số)", "number", 13, _single_plan),
    Column("actual", "Thực hiện", "number", 12, lambda r: actual_value(r.evaluation),
           text=lambda r: actual_number(r.evaluation), screen=lambda r: actual_text(r.evaluation, "ước")),
    Column("attainment", "Tỷ lệ so với KH", "percent", 12, lambda r: attainment_value(r.evaluation),
           text=lambda r: attainment_text(r.evaluation), short="% KH"),
    Column("status", "Đánh giá", "text", 16, lambda r: status_words(r.evaluation)),
    Column("as_of", "Ngày số liệu", "date", 12, _figure_date, short="Ngày"),
    Column("estimated", "Ước", "text", 6,
           lambda r: YES if r.evaluation.figure and r.evaluation.figure.estimated else None),
    Column("stale", "Số liệu cũ", "text", 9, lambda r: YES if r.evaluation.stale else None),
    Column("previous", "So với cùng kỳ", "percent", 12, _previous_ratio,
           text=lambda r: percent_text(_previous_ratio(r)), short="Cùng kỳ"),
]

OCCURRENCE_COLUMNS: list[Column[OccurrenceState]] = [
    Column("id", "Mã nhiệm vụ", "text", 11, lambda s: s.task.id, short="Nhiệm vụ"),
    Column("work", "Nhiệm vụ", "text", 48, lambda s: one_line(s.task.label), short="Nội dung"),
    Column("lead", "Chủ trì", "text", 22, lambda s: s.task.lead),
    Column("partners", "Phối hợp", "text", 22, lambda s: ", ".join(s.task.partners)),
    Column("timing", "Thời gian", "text", 18, lambda s: s.task.timing),
    Column("occurrence", "Lần", "text", 12, lambda s: s.occurrence.key),
    Column("when", "Lần, hạn", "text", 18, lambda s: occurrence_label(s.occurrence)),
    Column("due", "Hạn", "date", 12, lambda s: s.occurrence.due),
    Column("status", "Tình trạng", "text", 18, lambda s: TASK_STATUS_WORDS[s.status]),
    Column("done_on", "Ngày hoàn thành", "date", 14, lambda s: s.done_on),
    Column("days_late", "Số ngày trễ", "number", 10, lambda s: s.days_late or None),
    Column("evidence", "Minh chứng", "text", 40, lambda s: "; ".join(c.evidence for c in s.completions) or None),
]


def _subject(action: Action) -> str:
    opened = action.opened
    return opened.subject + (f" ({opened.occurrence})" if opened.occurrence else "")


def _closed(action: Action, field: str) -> object:
    return getattr(action.closed, field) if action.closed else None


def action_columns(on: date) -> list[Column[Action]]:
    """The register's columns, its state judged on ``on`` (an open action past its due
    date is overdue)."""
    return [
        Column("id", "Số phiếu", "text", 15, lambda a: a.id),
        Column("opened_on", "Ngày mở", "date", 12, lambda a: a.opened.opened_on),
        Column("subject", "Đối tượng", "text", 10, lambda a: a.opened.subject, text=_subject),
        Column("occurrence", "Lần", "text", 12, lambda a: a.opened.occurrence),
        Column("problem", "Sự không phù hợp", "text", 36, lambda a: a.opened.problem),
        Column("cause", "Nguyên nhân", "text", 30, lambda a: a.opened.cause),
        Column("action", "Hành động khắc phục", "text", 36, lambda a: a.opened.action),
        Column("owner", "Phụ trách", "text", 22, lambda a: a.opened.owner),
        Column("due", "Thời hạn", "date", 12, lambda a: a.opened.due),
        Column("state", "Tình trạng", "text", 15, lambda a: ACTION_STATE_WORDS[a.state(on)]),
        Column("closed_on", "Ngày đóng", "date", 12, lambda a: _closed(a, "closed_on")),
        Column("result", "Kết quả", "text", 30, lambda a: _closed(a, "result")),
        Column("evidence", "Minh chứng", "text", 24, lambda a: _closed(a, "evidence")),
        Column("effective", "Hiệu lực", "text", 16, lambda a: verdict(a.closed.effective) if a.closed else None),
        Column("outcome", "Kết quả, hiệu lực", "text", 30, lambda a: _outcome(a, on)),
    ]


def _outcome(action: Action, on: date) -> str:
    """The register's last column: the result and the check of its effectiveness, or the
    state of an action still open."""
    closed = action.closed
    if closed is None:
        return ACTION_STATE_WORDS[action.state(on)]
    return f"{closed.result} ({capitalised(verdict(closed.effective))}, đóng {format_date(closed.closed_on)})"


# The level above: one row a body, one a body's target, and each body's figure of a
# shared indicator.

def _read(value: Callable[[BodySummary], object]) -> Callable[[BodySummary], object]:
    """A body's figure, none for a body not summarised (no year, or not read)."""
    return lambda body: value(body) if body.state == "counted" else None


def _count(status: str) -> Callable[[BodySummary], object]:
    return lambda body: body.counts.get(status)


CHECK_WORDS = {True: "Đã thực hiện", False: "Chưa", None: "Không có trong kế hoạch"}
SHORT_CHECK_WORDS = {True: "Đã", False: "Chưa", None: "—"}  # in a document's narrow column


def _met(body: BodySummary) -> str:
    """'11/40': the targets met, of all."""
    return f"{body.counts['met']}/{body.counts['total']}" if body.state == "counted" else ""


def body_state(body: BodySummary) -> str:
    """'Đã tổng hợp', 'Số liệu có lỗi', 'Chưa có số liệu năm 2023', 'Không đọc được dữ liệu'."""
    if body.state == "failed":
        return "Không đọc được dữ liệu"
    if body.state == "no_year":
        return f"Chưa có số liệu năm {body.as_of.year}" if body.as_of else "Chưa có số liệu"
    return "Số liệu có lỗi" if body.damaged else "Đã tổng hợp"


def _missing(body: BodySummary) -> str | None:
    """'14/40', the targets without a figure of the period, of all."""
    return f"{len(body.missing)}/{body.counts['total']}" if body.state == "counted" else None


BODY_COLUMNS: list[Column[BodySummary]] = [
    Column("rank", "Hạng", "number", 6, lambda b: b.rank),
    Column("name", "Đơn vị", "text", 26, lambda b: b.name),
    Column("code", "Mã đơn vị", "text", 10, lambda b: b.code),
    Column("state", "Tình trạng", "text", 18, body_state),
    Column("folder", "Thư mục, gói", "text", 30, lambda b: b.folder),
    Column("year", "Năm", "number", 7, lambda b: b.year),
    Column("as_of", "Ngày đánh giá", "date", 13, lambda b: b.as_of),
    Column("decision", "Quyết định", "text", 24, lambda b: b.decision),
    Column("total", "Tổng số chỉ tiêu", "number", 10, _count("total")),
    Column("met", "Đạt", "number", 7, _count("met"), text=_met),
    Column("share", "Tỷ lệ chỉ tiêu đạt", "percent", 10, lambda b: _rounded(b.share, HUNDRED_PERCENT),
           text=lambda b: percent_text(b.share)),
    Column("short", "Chậm tiến độ, chưa đạt", "number", 10, _read(lambda b: b.short)),
    Column("on_track", "Đúng tiến độ", "number", 9, _count("on_track")),
    Column("near", "Gần đạt", "number", 8, _count("near")),
    Column("behind", "Chậm tiến độ", "number", 9, _count("behind")),
    Column("over_pace", "Nguy cơ vượt mức", "number", 9, _count("over_pace")),
    Column("not_met", "Chưa đạt", "number", 8, _count("not_met")),
    Column("in_progress", "Đang thực hiện", "number", 9, _count("in_progress")),
    Column("no_data", "Chưa có số liệu", "number", 9, _count("no_data")),
    Column("stale", "Số liệu cũ", "number", 8, _read(lambda b: b.stale)),
    Column("latest", "Số liệu mới nhất", "date", 13, lambda b: b.latest),
    Column("missing", "Thiếu số liệu của kỳ", "text", 11, _missing),
    Column("tasks_done", "Nhiệm vụ đã xong", "number", 10, _read(lambda b: b.tasks_done)),
    Column("tasks_overdue", "Nhiệm vụ quá hạn", "number", 10, _read(lambda b: b.tasks_overdue)),
    Column("actions_open", "HĐKP đang mở", "number", 9, _read(lambda b: b.actions_open)),
    Column("actions_overdue", "HĐKP quá hạn", "number", 9, _read(lambda b: b.actions_overdue)),
    *(Column(check, heading, "text", 14, _read(lambda b, check=check: CHECK_WORDS[b.checks.get(check)]),
             text=lambda b, check=check: SHORT_CHECK_WORDS[b.checks.get(check)] if b.state == "counted" else "")
      for check, heading in (("internal_audit", "Đánh giá nội bộ"), ("management_review", "Xem xét lãnh đạo"))),
    Column("damaged", "Dòng số liệu lỗi (đã bỏ qua)", "text", 50, lambda b: "; ".join(b.damaged) or None),
    Column("error", "Lỗi", "text", 50, lambda b: b.error),
]

BodyTarget = tuple[BodySummary, TargetLine | None]


def body_targets(bodies: list[BodySummary]) -> list[BodyTarget]:
    """One row per body and target; a body without targets (no year, not read) one row."""
    return [(body, line) for body in bodies for line in (body.targets or (None,))]


def _of_line(value: Callable[[TargetLine], object]) -> Callable[[BodyTarget], object]:
    return lambda row: value(row[1]) if row[1] is not None else None


BODY_TARGET_COLUMNS: list[Column[BodyTarget]] = [
    Column("body", "Đơn vị", "text", 26, lambda row: row[0].name),
    Column("code", "Mã đơn vị", "text", 10, lambda row: row[0].code),
    Column("target", "Mã chỉ tiêu", "text", 10, _of_line(lambda line: line.id)),
    Column("name", "Chỉ tiêu", "text", 40, _of_line(lambda line: line.name)),
    Column("unit", "Đơn vị tính", "text", 11, _of_line(lambda line: line.unit)),
    Column("plan", "Kế hoạch năm", "text", 14, _of_line(lambda line: line.plan)),
    Column("actual", "Thực hiện", "number", 12, _of_line(lambda line: line.actual)),
    Column("as_of", "Ngày số liệu", "date", 12, _of_line(lambda line: line.as_of)),
    Column("estimated", "Ước", "text", 6, _of_line(lambda line: YES if line.estimated else None)),
    Column("status", "Đánh giá", "text", 22,
           lambda row: row[1].verdict if row[1] is not None else body_state(row[0])),
]

def sending_words(body: BodySummary) -> str:
    """What a body has not sent: 'chưa có số liệu năm 2023 (có năm 2022)', 'chưa gửi số
    liệu nào của kỳ (số liệu mới nhất ngày 31/03/2023)', 'thiếu số liệu 14/40 chỉ tiêu'."""
    if body.state != "counted":
        years = f" (có năm {', '.join(str(y) for y in body.years)})" if body.years else ""
        return lowered(body_state(body)) + (years if body.state == "no_year" else "")
    if not body.sent:
        latest = f"số liệu mới nhất ngày {format_date(body.latest)}" if body.latest else "chưa có số liệu nào"
        return f"chưa gửi số liệu nào của kỳ ({latest})"
    return f"thiếu số liệu {_missing(body)} chỉ tiêu"


NOT_SENT_COLUMNS: list[Column[BodySummary]] = [
    Column("name", "Đơn vị", "text", 26, lambda b: b.name),
    Column("code", "Mã đơn vị", "text", 10, lambda b: b.code),
    Column("state", "Tình trạng", "text", 36, lambda b: capitalised(sending_words(b))),
    Column("latest", "Số liệu mới nhất", "date", 13, lambda b: b.latest),
    Column("missing", "Số chỉ tiêu thiếu", "text", 11, _missing),
    Column("targets", "Chỉ tiêu chưa có số liệu của kỳ", "text", 60, lambda b: ", ".join(b.missing) or None),
]

SET_ASIDE_COLUMNS: list[Column[SetAside]] = [
    Column("folder", "Thư mục, gói", "text", 36, lambda entry: entry.folder),
    Column("reason", "Lý do không tổng hợp", "text", 80, lambda entry: entry.reason),
]


def indicator_columns(unit: str) -> list[Column[tuple[int | None, IndicatorRow]]]:
    """A shared indicator's sheet: each body's rank (none without a figure), its figure
    in ``unit``, the plan, the share of the plan, the verdict, the figure's date."""
    return [
        Column("rank", "Hạng", "number", 6, lambda ranked: ranked[0]),
        Column("body", "Đơn vị", "text", 28, lambda ranked: ranked[1].body),
        Column("actual", f"Thực hiện ({unit})", "number", 14, lambda ranked: actual_value(ranked[1].evaluation),
               text=lambda ranked: actual_number(ranked[1].evaluation), short="Thực hiện"),
        Column("plan", "Kế hoạch", "text", 14, lambda ranked: plan_words(ranked[1].evaluation.target, unit=False)),
        Column("attainment", "Tỷ lệ so với KH", "percent", 12, lambda ranked: attainment_value(ranked[1].evaluation)),
        Column("status", "Đánh giá", "text", 18, lambda ranked: status_words(ranked[1].evaluation)),
        Column("as_of", "Ngày số liệu", "date", 12,
               lambda ranked: ranked[1].evaluation.figure.as_of if ranked[1].evaluation.figure else None),
    ]


# The JSON shapes.

def target_json(target: Target) -> dict:
    """A target as ``mtcl targets --json`` gives it: the keys of objectives.yaml."""
    return {
        "id": target.id,
        "objective": target.objective,
        "name": one_line(target.name),
        "unit": target.unit,
        "plan": list(target.plan) if isinstance(target.plan, list) else target.plan,
        "op": target.op,
        "kind": target.kind,
        "parent": target.parent,
        "sum_of": list(target.sum_of),
        "items": list(target.items),
        "decimals": target.decimals,
        "signed": target.signed,
        "change": target.change,
        "base": target.base,
        "milestones": dict(target.milestones),
        "owner": target.owner,
        "group": target.group,
    }


def row_json(row: TargetRow) -> dict:
    """One target at the date, as ``mtcl status --json`` gives it."""
    evaluation, target = row.evaluation, row.target
    figure, previous = evaluation.figure, evaluation.previous
    public = target_json(target)
    return {
        "id": target.id,
        "objective": target.objective,
        "name": public["name"],
        "unit": target.unit,
        "plan": public["plan"],
        "op": target.op,
        "kind": target.kind,
        "actual": actual_value(evaluation),
        "attainment": attainment_value(evaluation),
        "status": evaluation.status,
        "record_as_of": figure.as_of if figure else None,
        "estimated": figure.estimated if figure else False,
        "stale": evaluation.stale,
        "previous_year": (
            {"actual": previous.actual, "as_of": previous.as_of, "ratio": _rounded(previous.ratio)} if previous else None
        ),
        "actions": list(row.actions),
        "needs_action": row.needs_action,
        "change": change_value(evaluation),
        "base": evaluation.base,
        "off_range": evaluation.off_range,
        "owner": target.owner,
        "group": target.group,
        "change_basis": evaluation.change_basis,
        "reason": evaluation.reason,
        "exceeded": evaluation.exceeded,
        "expected": _rounded(evaluation.expected),
        "missed": list(evaluation.missed),
    }


def status_json(status: YearStatus, shown: list[TargetRow] | None = None) -> dict:
    """``mtcl status --json``: the rows ``shown`` (all by default), the summary of the whole year."""
    return {
        "year": status.year,
        "as_of": status.as_of,
        "targets": [row_json(row) for row in (status.rows if shown is None else shown)],
        "summary": {**status.summary, "without_action": len(status.without_action)},
        "shown": count_statuses([row.evaluation for row in (status.rows if shown is None else shown)]),
        "notes": list(status.notes),
    }


def occurrence_json(plan: PlanStatus, state: OccurrenceState) -> dict:
    key = (state.task.id, state.occurrence.key)
    return {
        "key": state.occurrence.key,
        "due": state.occurrence.due,
        "status": state.status,
        "done_on": state.done_on,
        "days_late": state.days_late,
        "missing_evidence": state.missing_evidence,
        "evidence": [
            {"text": c.evidence, "file": c.file, "sha256": c.sha256, "done_on": c.done_on, "by": c.by, "ref": c.ref}
            for c in state.completions
        ],
        "actions": [a.id for a in plan.actions if a.is_open and (a.opened.subject, a.opened.occurrence) == key],
        "needs_action": key in plan.missing,
    }


def plan_json(plan: PlanStatus, shown: list[OccurrenceState]) -> dict:
    """``mtcl plan --json``: the tasks of the occurrences ``shown``, each with them."""
    by_task: dict[str, list[OccurrenceState]] = {}
    for state in shown:
        by_task.setdefault(state.task.id, []).append(state)
    tasks = []
    for states in by_task.values():
        task = states[0].task
        tasks.append({
            "id": task.id,
            "section": task.section,
            "objective": task.objective,
            "title": task.label,
            "lead": task.lead,
            "partners": list(task.partners),
            "monitors": list(task.monitors),
            "timing": task.timing,
            "occurrences": [occurrence_json(plan, s) for s in states],
        })
    return {"as_of": plan.as_of, "tasks": tasks}


def action_json(action: Action, on: date) -> dict:
    opened, closed = action.opened, action.closed
    return {
        "id": action.id,
        "state": action.state(on),
        "subject": opened.subject,
        "subject_kind": opened.subject_kind,
        "occurrence": opened.occurrence,
        "problem": opened.problem,
        "cause": opened.cause,
        "action": opened.action,
        "owner": opened.owner,
        "due": opened.due,
        "opened_on": opened.opened_on,
        "opened_by": opened.by,
        "closed_on": closed.closed_on if closed else None,
        "result": closed.result if closed else None,
        "evidence": closed.evidence if closed else None,
        "effective": closed.effective if closed else None,
        "close_ref": closed.ref if closed else None,
    }


def history_json(row: HistoryRow) -> dict:
    """One stored figure of ``mtcl history --json``: its line, whether it counts, its withdrawal."""
    voided = row.withdrawal
    return {
        **_record_adapter().dump_python(row.record, mode="json"),
        "counts": row.counts,
        "voided": {"by": voided.by, "at": voided.recorded_at, "reason": voided.reason} if voided else None,
    }


@cache
def _record_adapter() -> TypeAdapter:
    return TypeAdapter(FigureRecord)


def body_json(body: BodySummary) -> dict:
    return {
        "folder": body.folder, "name": body.name, "code": body.code, "state": body.state, "rank": body.rank,
        "year": body.year, "years": list(body.years), "as_of": body.as_of,
        "decision": body.decision, "targets": body.counts, "stale": body.stale,
        "tasks": {"done": body.tasks_done, "overdue": body.tasks_overdue},
        "actions": {"open": body.actions_open, "overdue": body.actions_overdue},
        "internal_audit": body.checks.get("internal_audit"),
        "management_review": body.checks.get("management_review"),
        "latest": body.latest, "sent": body.sent, "missing": list(body.missing),
        "damaged": list(body.damaged), "updated": body.updated, "period": body.period,
        "error": body.error,
    }


def rollup_json(result: Rollup) -> dict:
    """``mtcl rollup --json``: each body, each shared indicator across them, and what was
    received but not counted."""
    return {
        "year": result.year, "as_of": result.as_of, "since": result.since,
        "bodies": [body_json(body) for body in result.bodies],
        "indicators": [{
            "code": view.indicator.code, "name": view.indicator.name, "unit": view.indicator.unit,
            "better": view.indicator.better, "median": view.median,
            "bodies": [{"name": row.body, "actual": actual_value(row.evaluation), "status": row.evaluation.status,
                        "attainment": attainment_value(row.evaluation)} for row in view.rows],
        } for view in result.indicators],
        "not_sent": [body.name for body in result.not_sent],
        "set_aside": [{"folder": entry.folder, "reason": entry.reason, "benign": entry.benign}
                      for entry in result.set_aside],
        "failed": len(result.failed),
    }
