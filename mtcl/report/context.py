"""The content of the MTCL results report as plain data, ready for any template.

Everything a report says is decided here, from the status of the targets and the plan at
the evaluation date, in the words a commune writes: the body is prose — for each objective
its key figures, then the plan, the shortcomings and their causes grouped by objective, the
directions for the rest of the year — and the table of every target is an appendix after
the signature.  What the officer wrote in notes.yaml stands where it belongs, before the
generated sentences.  Templates (Word, Markdown) only lay it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from mtcl.core.actions import NEEDS_ACTION, Action, actions_about
from mtcl.core.attainment import STALE_DAYS, Evaluation, count_statuses
from mtcl.core.models import Decision, Issuer, Objective, PeriodNotes, ReportSettings, Target
from mtcl.core.numbers import format_date, format_long_date, format_percent
from mtcl.core.periods import period_phrase, quarter_of
from mtcl.core.schedule import OccurrenceState, plan_summary
from mtcl.core.text import one_line
from mtcl.core.words import (OFF_RANGE_WORDS, STATUS_WORDS, action_phrase, actual_figure, attainment_text, capitalised,
                             change_words, lowered, overdue_phrase, plan_progress, plan_sentence, stale_note, with_unit)
from mtcl.files.book import Book
from mtcl.usecases.status import TargetRow, YearStatus
from mtcl.usecases.views import TARGET_COLUMNS, pick, row_words

CHART_MARK = "[[BIỂU ĐỒ]]"  # where render.py puts the chart in a Word document


@dataclass(frozen=True)
class ReportOptions:
    period: str | None  # h1, 9m, q1..q4, year; none for documents that are not about a period
    report_date: date
    number: str | None = None
    signer: str | None = None
    owner: str | None = None  # the department whose targets and tasks the report covers


def subject(period: str, year: int) -> str:
    return f"Kết quả thực hiện Mục tiêu chất lượng {period_phrase(period, year)}"


def build_context(book: Book, status: YearStatus, tasks: list[OccurrenceState], options: ReportOptions,
                  earlier: YearStatus | None = None) -> dict:
    """The results report; with ``earlier`` (the half year, for the year's report) a chart of
    the targets met by objective in both."""
    objectives = book.objectives
    issuer = objectives.issuer
    notes = book.notes.of(options.period)
    period_words = period_phrase(options.period, book.year)
    final = status.as_of >= date(book.year, 12, 31)  # the year's figures are complete
    covered = f" các chỉ tiêu do {options.owner} phụ trách" if options.owner else ""
    by_objective = _by_objective(book, status.evaluations)
    number = document_number(book, options.number)
    return {
        **letterhead(book, options.report_date, number),
        "subject": subject(options.period, book.year),
        "intro": f"{decisions_phrase(book)}, {issuer.short_name} báo cáo kết quả thực hiện {period_words}{covered} "
                 "như sau:",
        "as_of_note": _as_of_note(status),
        "general": notes.general or "",
        "objectives": [_objective(o, mine, notes, final) for o, mine in by_objective],
        "plan": _plan_paragraphs(tasks),
        "shortcomings": _shortcomings(by_objective, tasks, status.actions, notes),
        "directions": _directions(by_objective, tasks, status.actions, notes),
        "closing": f"{_closing(status)}. Trên đây là báo cáo kết quả thực hiện Mục tiêu chất lượng "
                   f"{period_words} của {issuer.short_name}./.",
        "recipients": _recipients(objectives.report.recipients, objectives.report.archive),
        "signer_org": signer_org(book),
        "signer_title": objectives.report.signer_title.upper(),
        "signer": options.signer or objectives.report.signer or "",
        "appendix_title": f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU MỤC TIÊU CHẤT LƯỢNG {period_words.upper()}",
        "appendix_note": f"(Kèm theo Báo cáo số {number} ngày {format_date(options.report_date)} của "
                         f"{issuer.short_name})",
        "compare": any(e.previous for e in status.evaluations),
        "rows": appendix_rows(by_objective),
        "chart": objectives_chart(book, [("6 tháng", earlier), ("Cả năm", status)]) if earlier else None,
    }


def objectives_chart(book: Book, views: list[tuple[str, YearStatus]]) -> dict:
    """The share of targets met or on track in each objective, for each view (a period, its
    earlier checkpoint): the data of a bar chart, and the mark where a Word template shows it.
    Mid-year a running total is rarely met yet; on track is where it should be."""
    numbers = [o.id for o in book.objectives.objectives]
    series = []
    for name, view in views:
        met: dict[int, list[bool]] = {number: [] for number in numbers}
        for row in view.rows:
            met[row.target.objective].append(row.evaluation.status in ("met", "on_track"))
        values = [Decimal(100 * sum(flags)) / len(flags) if flags else Decimal(0) for flags in met.values()]
        series.append({"name": f"{name} (đến {format_date(view.as_of)})", "values": values,
                       "percents": [format_percent(value) for value in values]})
    return {"mark": CHART_MARK, "title": "Tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ theo từng mục tiêu (%)",
            "categories": [f"MT {number}" for number in numbers], "series": series}


def _by_objective(book: Book, evaluations: list[Evaluation]) -> list[tuple[Objective, list[Evaluation]]]:
    """The evaluations of each objective that has any, in file order."""
    grouped: dict[int, list[Evaluation]] = {}
    for evaluation in evaluations:
        grouped.setdefault(evaluation.target.objective, []).append(evaluation)
    return [(o, grouped[o.id]) for o in book.objectives.objectives if o.id in grouped]


def _as_of_note(status: YearStatus) -> str:
    note = f"Số liệu tính đến ngày {format_date(status.as_of)}"
    if any(e.figure and e.figure.estimated for e in status.evaluations):
        note += "; số liệu ghi “ước” là ước thực hiện đến hết kỳ báo cáo"
    if any(e.stale for e in status.evaluations):
        note += f"; số liệu cũ hơn {STALE_DAYS} ngày ghi kèm ngày của số liệu"
    return note + "."


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
    return signer_org_of(book.objectives.issuer, book.objectives.report)


def signer_org_of(issuer: Issuer, settings: ReportSettings) -> str:
    """'TM. ỦY BAN NHÂN DÂN' for a collective body; what report.signer_org says otherwise."""
    if settings.signer_org is not None:
        return settings.signer_org.upper()
    return f"TM. {issuer.authority.upper()}"


def letterhead(book: Book, on: date, number: str | None) -> dict:
    return letterhead_of(book.objectives.issuer, on, number)


def letterhead_of(issuer: Issuer, on: date, number: str | None) -> dict:
    """The header every document of a body carries (NĐ 30/2020, Phụ lục I)."""
    return {
        "authority": issuer.authority.upper(),
        "unit": issuer.unit.upper(),
        "parent": (issuer.parent or "").upper(),
        "number": number or "",
        "place_date": f"{issuer.place}, {format_long_date(on)}",
    }


# Section I: what each objective reached.

def _objective(objective: Objective, mine: list[Evaluation], notes: PeriodNotes, final: bool) -> dict:
    written = notes.objectives.get(objective.id)
    paragraphs = [written.assessment] if written and written.assessment else []
    paragraphs += [objective_paragraph(group, final) for group in _groups(mine)]
    return {"heading": f"{objective.id}. Mục tiêu {objective.id}: {one_line(objective.title)}",
            "paragraphs": paragraphs}


def _groups(evaluations: list[Evaluation]) -> list[list[Evaluation]]:
    """The targets of an objective by group (a target without a group stands with the one
    before it), in file order."""
    groups: list[list[Evaluation]] = []
    for evaluation in evaluations:
        if not groups or (evaluation.target.group and evaluation.target.group != groups[-1][0].target.group):
            groups.append([])
        groups[-1].append(evaluation)
    return groups


def objective_paragraph(evaluations: list[Evaluation], final: bool = True) -> str:
    """One paragraph: every figure (parts folded into their whole), then the counts."""
    ids = {e.target.id for e in evaluations}
    children: dict[str, list[Evaluation]] = {}
    for e in evaluations:
        if e.target.parent in ids:
            children.setdefault(e.target.parent, []).append(e)
    clauses = []
    for e in evaluations:
        if e.target.parent in ids:
            continue
        parts = [p for p in children.get(e.target.id, []) if p.figure]
        if e.figure:
            clause = target_clause(e, final)
            if parts:
                clause += ", trong đó " + ", ".join(part_clause(p) for p in parts)
            clauses.append(clause)
        elif parts:
            clauses += [target_clause(p, final) for p in parts]
    group = evaluations[0].target.group
    head = f"{group}: " if group else ""
    body = capitalised("; ".join(clauses)) + ". " if clauses else ""
    missing = [e.target for e in evaluations if e.figure is None]
    if not clauses:
        return f"{head}{capitalised(f'chưa có số liệu của {len(missing)} chỉ tiêu: {_labels(missing)}')}."
    tail = counts_words(evaluations)
    if missing:
        tail += f"; chưa có số liệu: {_labels(missing)}"
    return f"{head}{body}{capitalised(tail)}."


def counts_words(evaluations: list[Evaluation], missing: bool = False) -> str:
    """'đạt 2/17 chỉ tiêu, 5 đúng tiến độ, 3 chưa đạt' (and '14 chưa có số liệu' if asked)."""
    counts = count_statuses(evaluations)
    text = f"đạt {counts['met']}/{counts['total']} chỉ tiêu"
    shown = ("on_track", "behind", "near", "not_met") + (("no_data",) if missing else ())
    for key in shown:
        if counts[key]:
            text += f", {counts[key]} {STATUS_WORDS[key].lower()}"
    return text


def _verb(evaluation: Evaluation) -> str:
    """'đạt', 'ở mức' for a figure that should stay low, 'ước …' for an estimate."""
    verb = "ở mức" if evaluation.target.less_is_better else "đạt"
    return f"ước {verb}" if evaluation.figure.estimated else verb


def _actual(evaluation: Evaluation) -> str:
    target = evaluation.target
    text = with_unit(actual_figure(evaluation.figure, target), target.unit)
    return f"{text} ({stale_note(evaluation)})" if evaluation.stale else text


def target_clause(evaluation: Evaluation, final: bool = True) -> str:
    """What one target reached, as a commune report says it: 'thu ngân sách … ước đạt 2,9 tỷ
    đồng, bằng 52% kế hoạch năm, tăng 6,9% so với cùng kỳ'.  No comparison symbols; a
    figure that should stay low is 'ở mức'; an estimate says 'ước'; a stale figure its date."""
    target, figure = evaluation.target, evaluation.figure
    label = lowered(without_part_words(target.label))
    verb, actual, plan = _verb(evaluation), _actual(evaluation), plan_sentence(target)
    # A figure with its date and its plan in one bracket: '43,5 triệu đồng (số liệu đến ngày
    # 30/05/2023; kế hoạch từ 42 triệu đồng trở lên)'.
    figure_only = with_unit(actual_figure(figure, target), target.unit)
    dated = f"{stale_note(evaluation)}; " if evaluation.stale else ""
    if target.kind == "checklist":
        met = [r.item for r in figure.records if r.met]
        which = f" ({', '.join(met)})" if met else ""
        text = f"{label}: {verb} {actual_figure(figure, target)}/{len(target.items)} tiêu chí{which}, kế hoạch {plan}"
    elif target.change and not final and target.kind == "cumulative" and evaluation.attainment is not None:
        # Before the year ends a running total is measured against the year's goal, not
        # against the whole of last year.
        text = (f"{label} {verb} {actual}, bằng {attainment_text(evaluation)} mục tiêu năm "
                f"(kế hoạch {plan} so với năm {figure.as_of.year - 1})")
    elif target.change:
        if evaluation.change is None:
            return f"{label} {verb} {figure_only} ({dated}chưa có số liệu năm trước để so sánh; kế hoạch {plan})"
        return f"{label} {verb} {actual}, {change_words(evaluation.change)} so với năm {figure.as_of.year - 1} " \
               f"(kế hoạch {plan})"
    elif evaluation.off_range:
        text = f"{label} {verb} {actual}, {OFF_RANGE_WORDS[evaluation.off_range]} (kế hoạch {plan})"
    elif target.kind == "cumulative" and evaluation.attainment is not None:
        text = f"{label} {verb} {actual}, bằng {attainment_text(evaluation)} kế hoạch năm"
    else:
        text = f"{label} {verb} {figure_only} ({dated}kế hoạch {plan})"
    previous = evaluation.previous
    if previous and previous.ratio is not None:
        text += f", {change_words(previous.ratio - 100)} so với cùng kỳ"
    return text


def part_clause(evaluation: Evaluation) -> str:
    """A part inside its whole's clause: 'nuôi trồng thủy sản đạt 100 tấn (52,1% kế hoạch)'."""
    text = f"{lowered(without_part_words(evaluation.target.label))} {_verb(evaluation)} {_actual(evaluation)}"
    if evaluation.attainment is not None:
        text += f" ({attainment_text(evaluation)} kế hoạch)"
    return text


_PART_WORDS = re.compile(r"^trong đó[:,]?\s*", re.IGNORECASE)


def without_part_words(label: str) -> str:
    """'Trong đó nuôi trồng thủy sản' → 'nuôi trồng thủy sản': the clause says 'trong đó' once."""
    return _PART_WORDS.sub("", label)


def _labels(targets: list[Target]) -> str:
    return ", ".join(lowered(without_part_words(t.label)) for t in targets)


# Section II: the plan.

def _plan_paragraphs(tasks: list[OccurrenceState]) -> list[str]:
    summary = plan_summary(tasks)
    if not summary["due"]:
        paragraphs = ["Đến thời điểm báo cáo, chưa có nhiệm vụ nào của kế hoạch đến hạn."]
    else:
        share = (f", đạt {format_percent(summary['on_time_share'])} đúng hạn"
                 if summary["on_time_share"] is not None else "")
        paragraphs = [f"Đến thời điểm báo cáo, {plan_progress(summary)}{share}."]
    done = [s for s in tasks if s.status == "done"]
    if done:
        paragraphs.append("Đã hoàn thành đúng hạn: " + "; ".join(
            lowered(s.task.label) + _evidence(s) for s in done) + ".")
    late = [s for s in tasks if s.status == "done_late"]
    if late:
        paragraphs.append("Hoàn thành nhưng trễ hạn: " + "; ".join(
            f"{lowered(s.task.label)} (trễ {s.days_late} ngày{_evidence(s, ', ')})" for s in late) + ".")
    continuous = sorted({s.task.id: s.task for s in tasks if s.status == "continuous" and s.completions}.values(),
                        key=lambda t: list(t.id))
    if continuous:
        paragraphs.append(f"Các nhiệm vụ thường xuyên có minh chứng thực hiện: {_task_labels(continuous)}.")
    return paragraphs


def _evidence(state: OccurrenceState, joined: str = "") -> str:
    """The documents that show a task done: ' (QĐ số 27/QĐ-UBND)', or inside a bracket
    already open ', QĐ số 27/QĐ-UBND'."""
    shown = "; ".join(_unique([unended(c.evidence) for c in state.completions]))
    if not shown:
        return ""
    return f"{joined}{shown}" if joined else f" ({shown})"


def _task_labels(tasks) -> str:
    return "; ".join(lowered(t.label) for t in tasks)


# Section III: what fell short, and why.

def _shortcomings(by_objective, tasks: list[OccurrenceState], actions: tuple[Action, ...],
                  notes: PeriodNotes) -> list[str]:
    paragraphs = []
    for objective, mine in by_objective:
        short = [e for e in mine if e.status in NEEDS_ACTION]
        written = notes.objectives.get(objective.id)
        if not short and not (written and written.causes):
            continue
        text = f"- Mục tiêu {objective.id}: "
        if short:
            clauses = "; ".join(f"{target_clause(e)}, {STATUS_WORDS[e.status].lower()}" for e in short)
            text += f"{len(short)} chỉ tiêu chưa đạt hoặc chậm tiến độ: {clauses}." if len(short) > 1 \
                else f"{capitalised(clauses)}."
        if written and written.causes:  # her account of the causes stands in place of ours
            causes = [unended(written.causes)]
        else:
            causes = [unended(a.opened.cause) for e in short for a in actions_about(list(actions), e.target.id, None)
                      if a.opened.cause]
            causes += [unended(r.note) for e in short for r in e.figure.records if r.note]
        if causes:
            text += f" Nguyên nhân: {'; '.join(_unique(causes))}."
        taken = [a for e in short for a in actions_about(list(actions), e.target.id, None)]
        if taken:
            text += " Đã mở hành động khắc phục " + "; ".join(action_phrase(a) for a in taken) + "."
        paragraphs.append(text)
    overdue = [s for s in tasks if s.status == "overdue"]
    if overdue:
        by_task: dict[str, list[OccurrenceState]] = {}
        for state in overdue:
            by_task.setdefault(state.task.id, []).append(state)
        listed = "; ".join(lowered(overdue_phrase(late)) for late in by_task.values())
        text = f"- Kế hoạch: {len(overdue)} lần thực hiện nhiệm vụ quá hạn: {listed}."
        taken = [a for s in overdue for a in actions_about(list(actions), s.task.id, s.occurrence.key)]
        if taken:
            text += " Đã mở hành động khắc phục " + "; ".join(action_phrase(a) for a in taken) + "."
        paragraphs.append(text)
    missing = [s for s in tasks if s.missing_evidence]
    if missing:
        by_task: dict[str, list[OccurrenceState]] = {}
        for state in missing:
            by_task.setdefault(state.task.id, []).append(state)
        quarters = {_quarters(states) for states in by_task.values()}
        if len(quarters) == 1:  # the same quarters for all: said once
            listed = f" {quarters.pop()}: " + "; ".join(lowered(states[0].task.label) for states in by_task.values())
        else:
            listed = ": " + "; ".join(f"{lowered(states[0].task.label)} ({_quarters(states)})"
                                      for states in by_task.values())
        paragraphs.append(f"- Minh chứng: {len(by_task)} nhiệm vụ thường xuyên chưa lưu minh chứng{listed}.")
    return paragraphs or ["Không có tồn tại, hạn chế đáng kể trong kỳ."]


def _quarters(states: list[OccurrenceState]) -> str:
    """'quý I', 'quý I, II, III': the quarters of a task's occurrences."""
    return "quý " + ", ".join(("I", "II", "III", "IV")[quarter_of(s.occurrence.end) - 1] for s in states)


def unended(text: str) -> str:
    """The officer's sentence without its closing stop, to stand inside one of ours."""
    return text.strip().rstrip(".;,").rstrip()


def _unique(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))


# Section IV: what to do for the rest of the year.

def _directions(by_objective, tasks: list[OccurrenceState], actions: tuple[Action, ...],
                notes: PeriodNotes) -> list[str]:
    written = {o.id: notes.objectives[o.id].directions for o, _ in by_objective
               if o.id in notes.objectives and notes.objectives[o.id].directions}
    paragraphs = [f"- Mục tiêu {number}: {unended(text)}." for number, text in written.items()]
    # Where she wrote the directions for an objective, hers stand in place of ours.
    short = [e.target for o, mine in by_objective if o.id not in written for e in mine if e.status in NEEDS_ACTION]
    if short:
        paragraphs.append(f"- Tập trung chỉ đạo, có giải pháp đẩy nhanh các chỉ tiêu chưa đạt hoặc chậm tiến độ: "
                          f"{_labels(short)}.")
    missing = [e.target for _, mine in by_objective for e in mine if e.figure is None]
    if missing:
        paragraphs.append(f"- Các ngành gửi số liệu còn thiếu của {len(missing)} chỉ tiêu để tổng hợp.")
    still_open = [a for a in actions if a.is_open]
    if still_open:
        paragraphs.append("- Thực hiện các hành động khắc phục đang mở: " + "; ".join(
            action_phrase(a) for a in still_open) + ".")
    coming: dict[str, OccurrenceState] = {}
    for state in tasks:
        # The report's own task is being done by writing it: never listed as work to come.
        if state.status in ("due_soon", "upcoming") and state.task.kind != "results_report":
            coming.setdefault(state.task.id, state)
    by_date: dict[date, list[str]] = {}
    for state in sorted(coming.values(), key=lambda s: s.occurrence.due):
        by_date.setdefault(state.occurrence.due, []).append(lowered(state.task.label))
    if by_date:
        paragraphs.append("- Thực hiện các nhiệm vụ của kế hoạch đến hạn: " + "; ".join(
            f"trước {format_date(day)}: {', '.join(labels)}" for day, labels in by_date.items())
            + "; duy trì các nhiệm vụ thường xuyên.")
    return paragraphs or ["Tiếp tục duy trì kết quả đã đạt được."]


def _closing(status: YearStatus) -> str:
    return f"Tổng hợp đến ngày {format_date(status.as_of)}: {counts_words(status.evaluations, missing=True)}"


def _recipients(recipients: list[str], archive: str) -> list[str]:
    return [f"- {r};" for r in recipients] + [f"- Lưu: {archive}."]


# The appendix: every target in a table.

APPENDIX = pick(TARGET_COLUMNS, ("id", "name", "unit", "plan", "actual", "attainment", "previous", "status"))


def appendix_rows(by_objective) -> list[dict]:
    """The appendix table: a heading row for each objective and group, then its targets."""
    rows = []
    for objective, mine in by_objective:
        rows.append(_heading_row(str(objective.id), f"Mục tiêu {objective.id}: {one_line(objective.title)}"))
        group = None
        for evaluation in mine:
            if evaluation.target.group and evaluation.target.group != group:
                rows.append(_heading_row("", evaluation.target.group))
            group = evaluation.target.group
            rows.append({"heading": False, **row_words(APPENDIX, TargetRow(evaluation))})
    return rows


def _heading_row(number: str, name: str) -> dict:
    return {**dict.fromkeys((c.key for c in APPENDIX), ""), "heading": True, "id": number, "name": name}
