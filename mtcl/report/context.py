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
from mtcl.core.attainment import STALE_DAYS, Actual, Evaluation, count_statuses
from mtcl.core.models import Decision, Issuer, Objective, PeriodNotes, ReportSettings, Target
from mtcl.core.numbers import format_date, format_long_date, format_percent, rounded_number
from mtcl.core.periods import period_phrase, quarter_of
from mtcl.core.schedule import OccurrenceState, plan_summary
from mtcl.core.text import one_line
from mtcl.core.words import (OFF_RANGE_WORDS, POINTS, STATUS_WORDS, VERDICT_PHRASES, action_phrase, actual_figure,
                             attainment_text, capitalised, change_words, deadline_words, figure_number,
                             figure_with_unit, lowered, missed_periods, overdue_phrase, plan_progress, plan_sentence,
                             stale_note, with_unit)
from mtcl.files.book import Book
from mtcl.usecases.status import TargetRow, YearStatus
from mtcl.usecases.views import TARGET_COLUMNS, pick, row_words

CHART_MARK = "[[BIỂU ĐỒ]]"  # where render.py puts the chart in a Word document
NO_DATA = "chưa có số liệu"


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
        "objectives": [_objective(o, mine, notes) for o, mine in by_objective],
        "plan": _plan_paragraphs(tasks),
        "shortcomings": (shortcomings := _shortcomings(by_objective, tasks, status.actions, notes)),
        "directions": _directions(by_objective, tasks, status.actions, notes, " ".join(shortcomings),
                                  options.report_date),
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
    series, reported = [], set()
    for name, view in views:
        # Of the targets with a figure of the period only: one without is not a failure (MT 8
        # read '0/6' with five of its six unreported), and an objective without any is a gap.
        met: dict[int, list[bool]] = {number: [] for number in numbers}
        for row in view.rows:
            if row.evaluation.status != "no_data":
                met[row.target.objective].append(row.evaluation.status in ("met", "on_track"))
                reported.add(row.target.objective)
        values = [Decimal(100 * sum(flags)) / len(flags) if flags else None for flags in met.values()]
        series.append({"name": f"{name} (đến {format_date(view.as_of)})", "values": values,
                       "percents": [format_percent(v) if v is not None else NO_DATA for v in values],
                       "counts": [f"{sum(flags)}/{len(flags)}" for flags in met.values()]})
    named = " và ".join(name.lower() for name, _ in views)
    return {"mark": CHART_MARK, "title": "Tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ theo từng mục tiêu (%)",
            "lead": f"Tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ của từng mục tiêu ({named}), tính trên các chỉ tiêu đã có "
                    "số liệu của kỳ, như biểu đồ dưới đây:",
            "caption": f"Biểu đồ: Tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ theo từng mục tiêu ({named}; trên số chỉ tiêu "
                       "có số liệu)",
            "categories": [f"MT {n}" if n in reported else f"MT {n} ({NO_DATA})" for n in numbers],
            "series": series}


def _by_objective(book: Book, evaluations: list[Evaluation]) -> list[tuple[Objective, list[Evaluation]]]:
    """The evaluations of each objective that has any, in file order."""
    grouped: dict[int, list[Evaluation]] = {}
    for evaluation in evaluations:
        grouped.setdefault(evaluation.target.objective, []).append(evaluation)
    return [(o, grouped[o.id]) for o in book.objectives.objectives if o.id in grouped]


def _as_of_note(status: YearStatus) -> str:
    """What the figures stand for, truly: 'Số liệu tính đến ngày 30/06/2023' when every figure
    is of that day; else how many are of that day, how many older, how many estimated."""
    figures = [e.figure for e in status.evaluations if e.figure is not None]
    on_the_day = sum(1 for f in figures if f.since == status.as_of)
    estimated = sum(1 for f in figures if f.estimated)
    day = format_date(status.as_of)
    if on_the_day == len(figures):
        note = f"Số liệu tính đến ngày {day}"
    else:
        parts = [f"{on_the_day} chỉ tiêu có số liệu đến ngày {day}"] if on_the_day else []
        parts.append(f"{len(figures) - on_the_day} chỉ tiêu có số liệu đến ngày trước đó")
        note = f"Số liệu tổng hợp đến ngày {day}: {', '.join(parts)}"
    if estimated:
        note += f"; {estimated} chỉ tiêu là số ước thực hiện (ghi “ước”)"
    if any(e.stale for e in status.evaluations):
        note += f"; số liệu cũ hơn {STALE_DAYS} ngày ghi kèm ngày của số liệu"
    return note + "."


def decision_phrase(decision: Decision, issuer: str, issued: str) -> str | None:
    """'Quyết định số 27/QĐ-UBND ngày 01/02/2023 của UBND xã Giang Hải ban hành …' (or
    'công bố', as the decision's own title says); none without its number and date."""
    if not (decision.number and decision.date):
        return None
    return f"Quyết định số {decision.number} ngày {format_date(decision.date)} của {issuer} {decision.verb} {issued}"


def decisions_phrase(book: Book) -> str:
    """The report's opening words, citing the decision of the objectives and, when the plan
    was issued by a decision of its own, that one too; a document whose decision has no
    number or date is named without one."""
    issuer = book.objectives.issuer.name
    objectives = f"Mục tiêu chất lượng năm {book.year}"
    plan = f"Kế hoạch thực hiện Mục tiêu chất lượng năm {book.year}"
    own = book.plan.decision
    if own is None:
        both = f"{objectives} và {plan}"
        return f"Thực hiện {decision_phrase(book.objectives.decision, issuer, both) or both}"
    first = decision_phrase(book.objectives.decision, issuer, objectives) or objectives
    second = decision_phrase(own, issuer, plan) or plan
    return f"Thực hiện {first} và {second}"


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

def _objective(objective: Objective, mine: list[Evaluation], notes: PeriodNotes) -> dict:
    written = notes.objectives.get(objective.id)
    paragraphs = [written.assessment] if written and written.assessment else []
    paragraphs += [objective_paragraph(group) for group in _groups(mine)]
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


def objective_paragraph(evaluations: list[Evaluation]) -> str:
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
            clause = target_clause(e) + verdict_tail(e)
            if parts:
                clause += ", trong đó " + ", ".join(part_clause(p) for p in parts)
            clauses.append(clause)
        elif parts:
            clauses += [target_clause(p) + verdict_tail(p) for p in parts]
    group = evaluations[0].target.group
    head = f"{group}: " if group else ""
    body = capitalised("; ".join(clauses)) + ". " if clauses else ""
    missing = [e.target for e in evaluations if e.figure is None]
    if not clauses:
        return f"{head}{capitalised(f'chưa có số liệu của {len(missing)} chỉ tiêu: {_labels(missing)}')}."
    # Each clause says its verdict: the count is worth a sentence only over a longer list.
    judged = len(evaluations) - len(missing)
    tail = [f"tính chung, {counts_words(evaluations)}"] if judged > COUNTED_FROM else []
    if missing:
        tail.append(f"chưa có số liệu: {_labels(missing)}")
    return f"{head}{body}{capitalised('; '.join(tail))}." if tail else f"{head}{body.rstrip()}"


COUNTED_FROM = 3  # an objective's targets with figures beyond which its paragraph ends with the count


def verdict_tail(evaluation: Evaluation) -> str:
    """', đúng tiến độ' after a clause: its verdict, unless the clause has said it already
    ('vượt kế hoạch', 'chưa có số liệu của kỳ', a judgement)."""
    if evaluation.exceeded or evaluation.status == "no_data" or evaluation.target.kind == "judged":
        return ""
    return f", {VERDICT_PHRASES[evaluation.status]}"


def counts_words(evaluations: list[Evaluation], missing: bool = False) -> str:
    """'đạt 2/17 chỉ tiêu, 5 đúng tiến độ, 3 chưa đạt, 8 chưa có số liệu của kỳ' (and '14 chưa
    có số liệu' if asked); no count that is zero: '6 chỉ tiêu: 1 chưa đạt, 5 chưa có số liệu'."""
    counts = count_statuses(evaluations)
    # A figure too old for the period is no figure of it, but it is not missing either: said apart.
    old = sum(1 for e in evaluations if e.status == "no_data" and e.figure is not None)
    shown = ("on_track", "behind", "over_pace", "near", "not_met", "in_progress")
    others = [f"{counts[key]} {STATUS_WORDS[key].lower()}" for key in shown if counts[key]]
    others += [f"{old} chưa có số liệu của kỳ"] if old else []
    others += [f"{counts['no_data'] - old} {STATUS_WORDS['no_data'].lower()}"] if missing and counts["no_data"] > old else []
    if not counts["met"]:
        return f"{counts['total']} chỉ tiêu: {', '.join(others)}" if others else f"{counts['total']} chỉ tiêu"
    return ", ".join([f"đạt {counts['met']}/{counts['total']} chỉ tiêu", *others])


def _verb(evaluation: Evaluation, figure: Actual | None = None) -> str:
    """'đạt', 'ở mức' for a figure that should stay low, 'ước …' for an estimate."""
    verb = "ở mức" if evaluation.target.less_is_better else "đạt"
    return f"ước {verb}" if (figure or evaluation.figure).estimated else verb


def _reached(evaluation: Evaluation) -> str:
    """'đạt 2,9 tỷ đồng'; an estimate beside the actual it grows from: 'đến 31/05/2023 đạt
    2,6 tỷ đồng, ước đến 30/06/2023 đạt 2,9 tỷ đồng'."""
    target, figure = evaluation.target, evaluation.figure
    text = f"{_verb(evaluation)} {figure_with_unit(figure, target)}"
    reported = evaluation.reported
    if reported is None:
        return text
    return (f"đến {format_date(reported.since)} {_verb(evaluation, reported)} {figure_with_unit(reported, target)}, "
            f"{text.replace('ước ', f'ước đến {format_date(figure.since)} ', 1)}")


def _compared(evaluation: Evaluation) -> list[str]:
    """What the figure is worth, after it: 'bằng 52% kế hoạch năm', 'tăng 6,9% so với cùng
    kỳ năm 2022', 'bằng 98,1% dự toán', 'vượt kế hoạch', 'thấp hơn khoảng kế hoạch'."""
    target, last = evaluation.target, evaluation.figure.since.year - 1
    said = []
    if target.share_of and evaluation.reference:
        share = evaluation.figure.actual * 100 / evaluation.reference
        said.append(f"bằng {format_percent(share, target.bounds)} {lowered(target.reference_label or 'số tham chiếu')}")
    elif target.kind == "cumulative" and evaluation.attainment is not None:
        whose = "mục tiêu năm" if target.change else "kế hoạch năm"
        said.append(f"bằng {attainment_text(evaluation)} {whose}")
    if evaluation.change is not None:
        basis = f"cùng kỳ năm {last}" if evaluation.change_basis == "period" else f"năm {last}"
        said.append(f"{change_words(evaluation.change, target)} so với {basis}")
    elif evaluation.previous and evaluation.previous.ratio is not None and not target.change:
        said.append(f"{change_words(evaluation.previous.ratio - 100)} so với cùng kỳ năm {last}")
    if evaluation.exceeded:
        said.append("vượt kế hoạch")
    if evaluation.off_range:
        said.append(OFF_RANGE_WORDS[evaluation.off_range])
    if evaluation.missed:
        said.append(f"{missed_periods(evaluation)} không đạt")
    return said


def _bracket(evaluation: Evaluation, compared: list[str]) -> list[str]:
    """What stands in the one bracket after a figure: its date when it is old, why it has no
    verdict, and the plan (unless 'bằng …% kế hoạch năm' already says it)."""
    target = evaluation.target
    inside = [stale_note(evaluation)] if evaluation.stale else []
    if evaluation.reason == "period":
        inside.append(f"số liệu đến ngày {format_date(evaluation.figure.since)}, chưa có số liệu của kỳ"
                      if not evaluation.stale else "chưa có số liệu của kỳ")
    elif evaluation.reason == "base":
        inside.append("chưa có số liệu năm trước để so sánh")
    elif evaluation.reason == "reference":
        inside.append(f"chưa có số liệu {lowered(target.reference_label or 'tham chiếu')}")
    if not any(c.endswith("kế hoạch năm") for c in compared):
        plan = plan_sentence(target)
        if target.change:
            plan += f" so với năm {evaluation.figure.since.year - 1}"
        inside.append(f"kế hoạch {plan}")
    return inside


def target_clause(evaluation: Evaluation) -> str:
    """What one target reached, as a commune report says it: 'thu ngân sách … ước đạt 2,9 tỷ
    đồng, bằng 52% kế hoạch năm, tăng 6,9% so với cùng kỳ năm 2022'.  No comparison symbols;
    a figure that should stay low is 'ở mức'; an estimate says 'ước' (and the actual before
    it); an old figure its date; one bracket at most."""
    target, figure = evaluation.target, evaluation.figure
    label = lowered(without_part_words(target.label))
    plan = plan_sentence(target)
    if target.kind == "checklist":
        met = [r.item for r in figure.records if r.met]
        which = f" ({', '.join(met)})" if met else ""
        return f"{label}: {_verb(evaluation)} {actual_figure(figure, target)}/{len(target.items)} tiêu chí{which}, " \
               f"kế hoạch {plan}"
    if target.kind == "rating":
        return f"{label}: {actual_figure(figure, target)} (kế hoạch {plan})"
    if target.kind == "judged":
        return f"{label}: tự đánh giá {actual_figure(figure, target).lower()}"
    compared = _compared(evaluation)
    text = ", ".join([f"{label} {_reached(evaluation)}", *compared])
    inside = _bracket(evaluation, compared)
    return f"{text} ({'; '.join(inside)})" if inside else text


def part_clause(evaluation: Evaluation) -> str:
    """A part inside its whole's clause: 'nuôi trồng thủy sản đạt 100 tấn (52,1% kế hoạch)',
    one bracket with its date when it is old."""
    text = f"{lowered(without_part_words(evaluation.target.label))} {_reached(evaluation)}"
    inside = [stale_note(evaluation)] if evaluation.stale else []
    if evaluation.attainment is not None:
        inside.append(f"{attainment_text(evaluation)} kế hoạch")
    return f"{text} ({'; '.join(inside)})" if inside else text


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
            text += f"{capitalised(shortfalls(short))}."
        if written and written.causes:  # her account of the causes stands in place of ours
            causes = [unended(written.causes)]
        else:
            causes = [unended(a.opened.cause) for e in short for a in actions_about(list(actions), e.target.id, None)
                      if a.opened.cause]
            causes += [unended(r.note) for e in short for r in e.figure.records if r.note]
        if causes:
            text += f" Nguyên nhân: {'; '.join(_unique(causes))}."
        text += _actions_taken({a.id: (a, e) for e in short for a in actions_about(list(actions), e.target.id, None)})
        paragraphs.append(text)
    overdue = [s for s in tasks if s.status == "overdue"]
    if overdue:
        by_task: dict[str, list[OccurrenceState]] = {}
        for state in overdue:
            by_task.setdefault(state.task.id, []).append(state)
        listed = "; ".join(lowered(overdue_phrase(late)) for late in by_task.values())
        text = f"- Kế hoạch: {len(overdue)} lần thực hiện nhiệm vụ quá hạn: {listed}."
        text += _actions_taken({a.id: (a, None) for s in overdue
                                for a in actions_about(list(actions), s.task.id, s.occurrence.key)})
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


SHORT_WORDS = {"behind": "chậm tiến độ", "over_pace": "có nguy cơ vượt mức kế hoạch", "near": "gần đạt kế hoạch",
               "not_met": "chưa đạt kế hoạch"}


def shortfalls(short: list[Evaluation]) -> str:
    """The targets that fall short, alike ones together, each with how far it is from its
    plan or its pace (what section I does not say): '2 chỉ tiêu chậm tiến độ: …; …. Chỉ tiêu
    chưa đạt kế hoạch: dân số sử dụng nước sạch đạt 98,7%, thấp hơn kế hoạch 0,8 điểm phần trăm'."""
    said = []
    for status in NEEDS_ACTION:
        alike = [e for e in short if e.status == status]
        if alike:
            count = f"{len(alike)} chỉ tiêu " if len(alike) > 1 else "chỉ tiêu "
            said.append(f"{count}{SHORT_WORDS[status]}: {'; '.join(gap_clause(e) for e in alike)}")
    return ". ".join(capitalised(group) for group in said)  # each clause has commas of its own


def gap_clause(evaluation: Evaluation) -> str:
    """One target that falls short and by how much: 'tổng sản lượng thủy sản đạt 400 tấn,
    thấp hơn tiến độ cần đạt đến ngày 31/05/2023 (493,9 tấn)', 'tỷ lệ hộ nghèo ở mức 3,5%,
    cao hơn kế hoạch 0,13 điểm phần trăm'."""
    target, figure = evaluation.target, evaluation.figure
    label = lowered(without_part_words(target.label))
    if target.kind == "checklist":
        lost = [item for item in target.items if item not in {r.item for r in figure.records if r.met}]
        still = f"tiêu chí {lost[0]}" if len(lost) == 1 else f"các tiêu chí {', '.join(lost)}"
        return f"{label} đạt {actual_figure(figure, target)}/{len(target.items)} tiêu chí (còn {still})"
    if not target.numeric:
        return target_clause(evaluation)
    reached = f"{label} {_reached(evaluation)}"
    if evaluation.expected is not None and evaluation.status in ("behind", "over_pace"):
        side = "thấp hơn" if evaluation.status == "behind" else "cao hơn"
        expected = with_unit(rounded_number(evaluation.expected), target.unit)
        return f"{reached}, {side} tiến độ cần đạt đến ngày {format_date(figure.since)} ({expected})"
    if evaluation.off_range:
        return f"{reached}, {OFF_RANGE_WORDS[evaluation.off_range]} ({plan_sentence(target)})"
    if evaluation.missed:
        return f"{reached}, {missed_periods(evaluation)} không đạt (kế hoạch {plan_sentence(target)})"
    if target.change:
        told = f", {change_words(evaluation.change, target)} so với năm {figure.since.year - 1}" \
            if evaluation.change is not None else ""
        return f"{reached}{told} (kế hoạch {plan_sentence(target)})"
    low, high = evaluation.goal
    gap = low - figure.actual if not target.less_is_better else figure.actual - high
    if gap <= 0:  # 'trên 90%' and 90% reached: on the line, not past it
        return f"{reached}, chưa đạt mức kế hoạch ({plan_sentence(target)})"
    side = "thấp hơn" if not target.less_is_better else "cao hơn"
    unit = f" {POINTS}" if target.unit == "%" else f" {target.unit}"
    return f"{reached}, {side} kế hoạch {figure_number(gap, target, figure.computed)}{unit}"


def _actions_taken(taken: dict[str, tuple[Action, Evaluation | None]]) -> str:
    """' Đã mở hành động khắc phục …', each action once; one closed as effective while its
    target still falls short at a later figure is said to be so, and reopening proposed."""
    if not taken:
        return ""
    phrases = []
    for action, evaluation in taken.values():
        closed = action.closed
        if closed and closed.effective and evaluation is not None and evaluation.figure.since > closed.closed_on:
            phrases.append(f"{action.id}: {action.opened.action} (đã đóng {format_date(closed.closed_on)}, đánh giá có "
                           f"hiệu lực, nhưng số liệu đến ngày {format_date(evaluation.figure.since)} vẫn "
                           f"{SHORT_WORDS[evaluation.status]}: đề nghị mở lại hành động khắc phục)")
        else:
            phrases.append(action_phrase(action))
    return " Đã mở hành động khắc phục " + "; ".join(phrases) + "."


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
                notes: PeriodNotes, section_three: str, on: date) -> list[str]:
    written = {o.id: notes.objectives[o.id].directions for o, _ in by_objective
               if o.id in notes.objectives and notes.objectives[o.id].directions}
    paragraphs = [f"- Mục tiêu {number}: {unended(text)}." for number, text in written.items()]
    # Where she wrote the directions for an objective, hers stand in place of ours.
    short = [o.id for o, mine in by_objective if o.id not in written and any(e.status in NEEDS_ACTION for e in mine)]
    if short:
        which = f"Mục tiêu {short[0]}" if len(short) == 1 else f"các Mục tiêu {', '.join(map(str, short))}"
        paragraphs.append(f"- Tập trung chỉ đạo, có giải pháp đẩy nhanh các chỉ tiêu chưa đạt, chậm tiến độ của {which} "
                          "(nêu tại mục III).")
    missing = [e.target for _, mine in by_objective for e in mine if e.figure is None]
    old = [e.target for _, mine in by_objective for e in mine if e.status == "no_data" and e.figure is not None]
    asked = [f"số liệu còn thiếu của {len(missing)} chỉ tiêu"] if missing else []
    asked += [f"số liệu của kỳ của {len(old)} chỉ tiêu (số liệu đã gửi cũ hơn ba tháng)"] if old else []
    if asked:
        paragraphs.append(f"- Các ngành gửi {' và '.join(asked)} để tổng hợp.")
    still_open = [a for a in actions if a.is_open]
    if still_open:  # one described in section III is named there, not described again
        paragraphs.append("- Thực hiện các hành động khắc phục đang mở: " + "; ".join(
            f"{a.id} (nêu tại mục III, {deadline_words(a, on)})" if a.id in section_three else action_phrase(a, on)
            for a in still_open) + ".")
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
