"""The content of the MTCL results report as plain data, ready for any template.

Everything a report says is decided here, from the status of the targets and the plan at
the evaluation date: the sentences in the style of commune reports, the table rows with
Vietnamese numbers, what fell short, what is due next.  Templates (Word, Markdown) only
lay it out, so the same context serves every format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mtcl.actions import NEEDS_ACTION, Action, actions_about
from mtcl.attainment import STALE_DAYS, Evaluation
from mtcl.book import Book
from mtcl.numbers import format_date, format_long_date, format_percent
from mtcl.periods import period_phrase
from mtcl.schedule import OccurrenceState, plan_summary
from mtcl.status import YearStatus
from mtcl.text import one_line
from mtcl.models import Decision
from mtcl.words import (OFF_RANGE_WORDS, STATUS_WORDS, actual_figure, actual_number, actual_text, change_words,
                        percent_text, plan_text, plan_words, stale_note, status_words, verdict, with_unit)


@dataclass(frozen=True)
class ReportOptions:
    period: str | None  # h1, 9m, q1..q4, year; none for documents that are not about a period
    report_date: date
    number: str | None = None
    signer: str | None = None
    owner: str | None = None  # the department whose targets and tasks the report covers


def subject(period: str, year: int) -> str:
    return f"Kết quả thực hiện Mục tiêu chất lượng {period_phrase(period, year)}"


def build_context(book: Book, status: YearStatus, tasks: list[OccurrenceState], options: ReportOptions) -> dict:
    objectives = book.objectives
    issuer, decision = objectives.issuer, objectives.decision
    period_words = period_phrase(options.period, book.year)
    final = status.as_of >= date(book.year, 12, 31)  # the year's figures are complete
    estimated = any(e.figure and e.figure.estimated for e in status.evaluations)
    covered = f" các chỉ tiêu do {options.owner} phụ trách" if options.owner else ""
    intro = f"{decisions_phrase(book)}, {issuer.short_name} báo cáo kết quả thực hiện {period_words}{covered} như sau:"
    by_objective: dict[int, list[Evaluation]] = {}
    for evaluation in status.evaluations:
        by_objective.setdefault(evaluation.target.objective, []).append(evaluation)
    note = f"Số liệu tính đến ngày {format_date(status.as_of)}"
    if estimated:
        note += "; số liệu ghi “ước” là ước thực hiện đến hết kỳ báo cáo"
    if any(e.stale for e in status.evaluations):
        note += f"; số liệu cũ hơn {STALE_DAYS} ngày ghi kèm ngày của số liệu"
    note += "."
    return {
        **letterhead(book, options.report_date, document_number(book, options.number)),
        "subject": subject(options.period, book.year),
        "intro": intro,
        "as_of_note": note,
        "objectives": [_objective(o, by_objective[o.id], final) for o in objectives.objectives if o.id in by_objective],
        "plan_summary": _plan_summary_sentence(tasks),
        "plan_parts": _plan_parts(tasks),
        "shortcomings": _shortcomings(status.evaluations, tasks, status.actions),
        "next_steps": _next_steps(status, tasks),
        "closing": f"{_closing(status)}. Trên đây là báo cáo kết quả thực hiện Mục tiêu chất lượng "
        f"{period_words} của {issuer.short_name}./.",
        "recipients": _recipients(objectives.report.recipients, objectives.report.archive),
        "signer_org": signer_org(book),
        "signer_title": objectives.report.signer_title.upper(),
        "signer": options.signer or objectives.report.signer or "",
    }


def decision_phrase(decision: Decision, issuer: str, issued: str) -> str | None:
    """'Quyết định số 27/QĐ-UBND ngày 01/02/2023 của UBND xã Giang Hải ban hành …'."""
    if not (decision.number and decision.date):
        return None
    return f"Quyết định số {decision.number} ngày {format_date(decision.date)} của {issuer} ban hành {issued}"


def decisions_phrase(book: Book) -> str:
    """The report's opening words, citing the decision of the objectives and, when the plan
    was issued by a decision of its own, that one too."""
    issuer = book.objectives.issuer.name
    objectives = f"Mục tiêu chất lượng năm {book.year}"
    plan = f"Kế hoạch thực hiện Mục tiêu chất lượng năm {book.year}"
    own = book.plan.decision
    first = decision_phrase(book.objectives.decision, issuer, objectives if own else f"{objectives} và {plan}")
    second = decision_phrase(own, issuer, plan) if own else None
    if first and second:
        return f"Thực hiện {first} và {second}"
    if first and not own:
        return f"Thực hiện {first}"
    return f"Thực hiện {objectives} và {plan}"


def document_number(book: Book, number: str | None, kind: str = "BC") -> str:
    """'45/BC-UBND', or a blank for the number when it is written by hand."""
    return f"{number or '      '}/{kind}-{book.objectives.report.symbol}"


def signer_org(book: Book) -> str:
    """'TM. ỦY BAN NHÂN DÂN' for a collective body; what report.signer_org says otherwise."""
    settings = book.objectives.report
    if settings.signer_org is not None:
        return settings.signer_org.upper()
    return f"TM. {book.objectives.issuer.authority.upper()}"


def letterhead(book: Book, on: date, number: str | None) -> dict:
    """The header every document of the commune carries (NĐ 30/2020, Phụ lục I)."""
    issuer = book.objectives.issuer
    return {
        "authority": issuer.authority.upper(),
        "unit": issuer.unit.upper(),
        "parent": (issuer.parent or "").upper(),
        "number": number or "",
        "place_date": f"{issuer.place}, {format_long_date(on)}",
    }


def _objective(objective, mine: list[Evaluation], final: bool) -> dict:
    return {
        "heading": f"{objective.id}. Mục tiêu {objective.id}: {one_line(objective.title)}",
        "sentences": [objective_sentence(mine, final)],
        "rows": [_row(e) for e in mine],
    }


def _row(evaluation: Evaluation) -> dict:
    target, previous = evaluation.target, evaluation.previous
    return {
        "stt": target.id,
        "name": one_line(target.name),
        "unit": target.unit,
        "plan": plan_words(target, unit=False),
        "actual": actual_number(evaluation),
        "attainment": percent_text(evaluation.attainment),
        "previous": percent_text(previous.ratio if previous else None),
        "status": status_words(evaluation),
    }


def target_clause(evaluation: Evaluation, final: bool = True) -> str:
    """What one target reached, in the words of commune reports: 'Thu ngân sách … ước đạt
    2,9 tỷ đồng, bằng 52,0% kế hoạch năm, bằng 108,3% so với cùng kỳ'."""
    target, figure = evaluation.target, evaluation.figure
    verb = "ước đạt" if figure.estimated else "đạt"
    actual = with_unit(actual_figure(figure, target), target.unit)
    if evaluation.stale:
        actual += f" ({stale_note(evaluation)})"
    plan = plan_words(target)
    if target.change and not final and target.kind == "cumulative" and evaluation.attainment is not None:
        # Before the year ends a running total says how far it is to the year's goal, not
        # its change on the whole of last year.
        return (f"{target.label} {verb} {actual}, bằng {format_percent(evaluation.attainment)} mục tiêu năm "
                f"(kế hoạch {plan} so với năm {figure.as_of.year - 1})")
    if target.change:
        if evaluation.change is None:
            return f"{target.label} {verb} {actual} (chưa có số liệu năm trước để so sánh; kế hoạch {plan})"
        year = figure.as_of.year - 1
        return f"{target.label} {verb} {actual}, {change_words(evaluation.change)} so với năm {year} (kế hoạch {plan})"
    if evaluation.off_range:
        text = f"{target.label} {verb} {actual}, {OFF_RANGE_WORDS[evaluation.off_range]} (kế hoạch {plan})"
    elif target.kind == "ratio" or evaluation.attainment is None:
        text = f"{target.label} {verb} {actual} (kế hoạch {plan})"
    elif target.kind == "checklist":
        met = [r.item for r in figure.records if r.met]
        which = f" ({', '.join(met)})" if met else ""
        text = f"{target.label} {verb} {actual}{which}, kế hoạch {plan}"
    else:
        text = f"{target.label} {verb} {actual}, bằng {format_percent(evaluation.attainment)} kế hoạch năm"
    if evaluation.previous and evaluation.previous.ratio is not None:
        text += f", bằng {format_percent(evaluation.previous.ratio)} so với cùng kỳ"
    return text


def objective_sentence(evaluations: list[Evaluation], final: bool = True) -> str:
    """One paragraph per objective: every figure, then how many targets are met."""
    clauses = [target_clause(e, final) for e in evaluations if e.figure]
    missing = [e.target.id for e in evaluations if e.figure is None]
    met = sum(1 for e in evaluations if e.status == "met")
    tail = f"Đạt {met}/{len(evaluations)} chỉ tiêu"
    if missing:
        tail += f"; chưa có số liệu: {', '.join(missing)}"
    if not clauses:
        return f"Chưa có số liệu của {len(evaluations)} chỉ tiêu ({', '.join(missing)})."
    body = "; ".join([clauses[0]] + [_lower_first(c) for c in clauses[1:]])
    return f"Kết quả: {_lower_first(body)}. {tail}."


def _lower_first(text: str) -> str:
    # 'Thu ngân sách' reads 'thu ngân sách' inside a sentence; 'CB,CC' and 'TTHC' stay.
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _task_line(state: OccurrenceState) -> str:
    task, occurrence = state.task, state.occurrence
    due = f"hạn {format_date(occurrence.due)}" if occurrence.due else f"lần {occurrence.key}"
    line = f"- {task.id}. {task.label} ({due}; chủ trì: {task.lead})"
    if state.status in ("done", "done_late"):
        evidence = "; ".join(c.evidence for c in state.completions)
        late = f", trễ {state.days_late} ngày" if state.days_late else ""
        line += f": hoàn thành ngày {format_date(state.done_on)}{late}; minh chứng: {evidence}"
    elif state.status == "overdue":
        line += f": quá hạn {state.days_late} ngày"
    return line + "."


def _plan_summary_sentence(tasks: list[OccurrenceState]) -> str:
    summary = plan_summary(tasks)
    due = summary["due"]
    if not due:
        return "Đến thời điểm báo cáo, chưa có nhiệm vụ nào của kế hoạch đến hạn."
    share = f", đạt {format_percent(summary['on_time_share'])} đúng hạn" if summary["on_time_share"] is not None else ""
    return (
        f"Đến thời điểm báo cáo, {due} lần thực hiện nhiệm vụ đã đến hạn: hoàn thành đúng hạn {summary['done']}, "
        f"hoàn thành trễ hạn {summary['done_late']}, quá hạn {summary['overdue']}{share}."
    )


def _plan_parts(tasks: list[OccurrenceState]) -> list[dict]:
    parts = []
    for number, (status, heading) in enumerate(
        [("done", "Nhiệm vụ đã hoàn thành"), ("done_late", "Nhiệm vụ hoàn thành trễ hạn"), ("overdue", "Nhiệm vụ quá hạn")],
        start=1,
    ):
        lines = [_task_line(s) for s in tasks if s.status == status]
        parts.append({"heading": f"{number}. {heading}", "lines": lines or ["Không có."]})
    continuous = [s for s in tasks if s.status == "continuous" and s.completions]
    if continuous:
        lines = [
            f"- {s.task.id}. {s.task.label} ({s.occurrence.key}): {'; '.join(c.evidence for c in s.completions)}."
            for s in continuous
        ]
        parts.append({"heading": f"{len(parts) + 1}. Nhiệm vụ thường xuyên", "lines": lines})
    return parts


def action_phrase(action: Action) -> str:
    """'HĐKP-2023-01: Hướng dẫn … (phụ trách: …, hạn 30/09/2023; đã đóng 15/09/2023, có hiệu lực)'."""
    opened, closed = action.opened, action.closed
    text = f"{action.id}: {opened.action} (phụ trách: {opened.owner}, hạn {format_date(opened.due)}"
    if closed is not None:
        text += f"; đã đóng {format_date(closed.closed_on)}, {verdict(closed.effective)}"
    return text + ")"


def _actions_for(actions: tuple[Action, ...], subject: str, occurrence: str | None) -> str:
    mine = actions_about(list(actions), subject, occurrence)
    if not mine:
        return ""
    return " Hành động khắc phục " + "; ".join(action_phrase(a) for a in mine) + "."


def _shortcomings(evaluations: list[Evaluation], tasks: list[OccurrenceState], actions: tuple[Action, ...]) -> list[str]:
    lines = []
    for evaluation in evaluations:
        if evaluation.status not in NEEDS_ACTION:
            continue
        target = evaluation.target
        stale = f" ({stale_note(evaluation)})" if evaluation.stale else ""
        line = (
            f"- Chỉ tiêu {target.id} ({target.label}): thực hiện {actual_text(evaluation, 'ước')}{stale}, "
            f"kế hoạch {plan_text(target)}; {STATUS_WORDS[evaluation.status].lower()}."
        )
        reasons = [r.note for r in evaluation.figure.records if r.note]
        if reasons:
            line += f" Nguyên nhân: {'; '.join(reasons)}."
        lines.append(line + _actions_for(actions, target.id, None))
    for state in tasks:
        if state.status == "overdue":
            lines.append(
                f"- Nhiệm vụ {state.task.id} ({state.task.label}) quá hạn {state.days_late} ngày "
                f"(hạn {format_date(state.occurrence.due)}); chủ trì: {state.task.lead}."
                + _actions_for(actions, state.task.id, state.occurrence.key)
            )
        elif state.missing_evidence:
            lines.append(
                f"- Nhiệm vụ thường xuyên {state.task.id} ({state.task.label}) chưa có minh chứng "
                f"trong {state.occurrence.key}; chủ trì: {state.task.lead}."
            )
    missing = [e.target.id for e in evaluations if e.status == "no_data"]
    if missing:
        lines.append(f"- Chưa có số liệu của {len(missing)} chỉ tiêu: {', '.join(missing)}.")
    return lines or ["Không có."]


def _next_steps(status: YearStatus, tasks: list[OccurrenceState]) -> list[str]:
    lines = [
        f"- Thực hiện hành động khắc phục {action_phrase(a)}."
        for a in status.actions
        if a.is_open
    ]
    behind = [e.target for e in status.evaluations if e.status in NEEDS_ACTION]
    if behind:
        lines.append(
            "- Tập trung chỉ đạo, có giải pháp thực hiện các chỉ tiêu chưa đạt hoặc chậm tiến độ: "
            + ", ".join(f"{t.id} ({t.label})" for t in behind)
            + "."
        )
    due: dict[str, list[OccurrenceState]] = {}
    for state in tasks:
        if state.status in ("due_soon", "upcoming"):
            due.setdefault(state.task.id, []).append(state)
    for states in due.values():
        task = states[0].task
        dates = ", ".join(format_date(s.occurrence.due) for s in states)
        lines.append(f"- {task.id}. {task.label} (chủ trì: {task.lead}): hạn {dates}.")
    return lines or ["Tiếp tục duy trì kết quả đã đạt được."]


def _closing(status: YearStatus) -> str:
    summary = status.summary
    text = f"Tổng hợp đến ngày {format_date(status.as_of)}: đạt {summary['met']}/{summary['total']} chỉ tiêu"
    for key, words in (
        ("near", "gần đạt"),
        ("on_track", "đúng tiến độ"),
        ("behind", "chậm tiến độ"),
        ("not_met", "chưa đạt"),
        ("no_data", "chưa có số liệu"),
    ):
        if summary[key]:
            text += f", {summary[key]} chỉ tiêu {words}"
    return text


def _recipients(recipients: list[str], archive: str) -> list[str]:
    return [f"- {r};" for r in recipients] + [f"- Lưu: {archive}."]
