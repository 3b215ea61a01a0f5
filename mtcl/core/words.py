"""The words and number formats for what the core computes, in one place.

The terminal, Markdown, Word and the sheets render the same rows; the Vietnamese for a
status, a comparison, a plan or an actual, and the sentences more than one document says
(the plan's progress, an overdue task, an action), are decided here once, so the table and
the report never say the same thing two ways.  Messages about a mistake stay beside the
rule that finds it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from mtcl.core.attainment import Actual, Evaluation
from mtcl.core.figures import FigureRecord, doubt, record_value, twins, typed_places
from mtcl.core.goals import period_name
from mtcl.core.models import Target
from mtcl.core.numbers import format_date, format_number, format_percent, format_quantity, rounded_number

# The comparison as a symbol (tables on screen) and as words (documents: "trên 98%").
OPS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}
OP_WORDS = {">=": "", ">": "trên ", "<=": "không quá ", "<": "dưới "}
# A planned fall ("giảm 5%" is a change ≤ −5%) reads with the comparison turned round.
TURNED = {">=": "<=", ">": "<", "<=": ">=", "<": ">"}
RANGE_DASH = "–"
OFF_RANGE_WORDS = {"below": "thấp hơn khoảng kế hoạch", "above": "cao hơn khoảng kế hoạch"}

KIND_WORDS = {
    "ratio": "tỷ lệ",
    "cumulative": "lũy kế",
    "level": "mức",
    "checklist": "tiêu chí",
    "rating": "xếp loại",
    "judged": "tự đánh giá",
    "reference": "số tham chiếu",
}

EVERY_WORDS = {"month": "mỗi tháng", "quarter": "mỗi quý", "half": "mỗi 6 tháng"}
POINTS = "điểm phần trăm"  # a change of a rate in points, as careful reports write it

REPEAT_WORDS = {
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "half-yearly": "6 tháng/lần",
    "yearly": "hằng năm",
    "continuous": "thường xuyên",
}

STATUS_WORDS = {
    "met": "Đạt",
    "near": "Gần đạt",
    "on_track": "Đúng tiến độ",
    "behind": "Chậm tiến độ",
    "over_pace": "Nguy cơ vượt mức",
    "not_met": "Chưa đạt",
    "in_progress": "Đang thực hiện",
    "no_data": "Chưa có số liệu",
}
# A verdict after a report's clause: '…, bằng 52% kế hoạch năm, đúng tiến độ'.
VERDICT_PHRASES = {"met": "đạt kế hoạch", "near": "gần đạt kế hoạch", "on_track": "đúng tiến độ",
                   "behind": "chậm tiến độ", "over_pace": "có nguy cơ vượt mức kế hoạch",
                   "not_met": "chưa đạt kế hoạch", "in_progress": "đang thực hiện"}
# Why a target with a figure has no verdict.
REASON_WORDS = {"base": "Chưa có số liệu năm trước", "reference": "Chưa có số tham chiếu",
                "period": "Chưa có số liệu của kỳ"}

TASK_STATUS_WORDS = {
    "done": "Đã hoàn thành",
    "done_late": "Hoàn thành trễ hạn",
    "overdue": "Quá hạn",
    "due_soon": "Sắp đến hạn",
    "upcoming": "Chưa đến hạn",
    "continuous": "Thường xuyên",
}

ACTION_STATE_WORDS = {"open": "Đang thực hiện", "overdue": "Quá hạn", "closed": "Đã đóng"}

NO_FIGURE = "—"


def verdict(effective: bool) -> str:
    """The check of a closed action's effectiveness: 'có hiệu lực' / 'chưa có hiệu lực'."""
    return "có hiệu lực" if effective else "chưa có hiệu lực"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _change_unit(target: Target) -> str:
    """The unit a planned change is in: '%', or points ('điểm phần trăm' for a rate)."""
    if target.change == "percent":
        return "%"
    return f" {POINTS}" if target.unit == "%" else f" {target.unit}"


def _change_words(target: Target, symbols: bool) -> str:
    """A planned change on last year: 'tăng ≥ 8%' on screen, 'tăng 8%', 'giảm không quá 5%',
    'tăng từ 14 đến 15%', 'giảm 1,5 điểm phần trăm' in documents."""
    low, high = target.bounds
    unit = _change_unit(target)
    if target.is_range:
        if low >= 0 or high <= 0:
            direction = "tăng" if low >= 0 else "giảm"
            ends = sorted((abs(low), abs(high)))
            numbers = (f"{format_number(ends[0])}{RANGE_DASH}{format_number(ends[1])}{unit}" if symbols
                       else f"từ {format_number(ends[0])} đến {format_number(ends[1])}{unit}")
            sign = OPS[target.op] + " " if symbols and target.op != "between" else ""
            return f"{direction} {sign}{numbers}"
        return f"từ {format_signed(low, unit)} đến {format_signed(high, unit)}"
    direction, op = ("tăng", target.op) if low >= 0 else ("giảm", TURNED[target.op])
    amount = f"{format_number(abs(low))}{unit}"
    return f"{direction} {OPS[op]} {amount}" if symbols else f"{direction} {OP_WORDS[op]}{amount}"


def format_signed(value: Decimal, unit: str = "%") -> str:
    """'+8%', '−5%', '−1,5 điểm phần trăm': a change with its sign."""
    return f"{'+' if value >= 0 else '−'}{format_number(abs(value))}{unit}"


def _share(target: Target) -> str:
    """'dự toán thu ngân sách': what a share_of plan is a share of."""
    return lowered(target.reference_label) if target.reference_label else "số tham chiếu"


def _range(target: Target, unit: bool = True) -> str:
    low, high = target.bounds
    numbers = f"{format_number(low)}{RANGE_DASH}{format_number(high)}"
    return with_unit(numbers, target.unit) if unit else numbers


def _horizon(target: Target, text: str) -> str:
    """A plan with its terms: '… mỗi quý', '…, đến năm 2025' (no bracket: it stands in one)."""
    if target.every:
        text += f" {EVERY_WORDS[target.every]}"
    if target.by:
        text += f", đến năm {target.by}"
    return text


def plan_text(target: Target) -> str:
    """'≥ 1.936,49 tấn', '> 98%', '≤ 3,37%', '1,8–2,1 con', '≥ 14–15%', 'tăng ≥ 8%',
    'giảm ≥ 1,5 điểm phần trăm', '≥ 105% dự toán', '≥ Tốt' — the plan on screen."""
    if target.kind == "rating":
        return f"≥ {target.plan}"
    if target.kind in ("judged", "reference"):
        return NO_FIGURE
    if target.change:
        return _horizon(target, _change_words(target, symbols=True))
    if target.share_of:
        return _horizon(target, f"{OPS[target.op]} {format_number(target.bounds[0])}% {_share(target)}")
    if target.is_range:
        sign = "" if target.op == "between" else OPS[target.op] + " "
        return _horizon(target, f"{sign}{_range(target)}")
    return _horizon(target, f"{OPS[target.op]} {format_quantity(target.plan, target.unit)}")


def plan_words(target: Target, unit: bool = True) -> str:
    """'1.936,49 tấn', 'trên 98%', 'không quá 3,37%', 'từ 14 đến 15%', 'từ 14% trở lên, phấn
    đấu 15%', 'tăng 8%', '105% dự toán', 'Tốt trở lên' — the plan as documents write it;
    without the unit in a table that has its own unit column."""
    if target.kind == "rating":
        return f"{target.plan} trở lên"
    if target.kind in ("judged", "reference"):
        return "" if not unit else "tự đánh giá"
    if target.change:
        return _horizon(target, _change_words(target, symbols=False))
    if target.share_of:
        return _horizon(target, f"{OP_WORDS[target.op]}{format_number(target.bounds[0])}% {_share(target)}")
    if target.is_range:
        low, high = target.bounds
        if not unit:
            return _horizon(target, _range(target, unit=False))
        if target.op == ">=":
            return _horizon(target, f"từ {format_quantity(low, target.unit)} trở lên, phấn đấu "
                                    f"{format_quantity(high, target.unit)}")
        if target.op == "<=":
            return _horizon(target, f"không quá {format_quantity(high, target.unit)}, phấn đấu "
                                    f"{format_quantity(low, target.unit)}")
        return _horizon(target, f"từ {format_number(low)} đến {with_unit(format_number(high), target.unit)}")
    amount = format_quantity(target.plan, target.unit) if unit else format_number(target.plan)
    return _horizon(target, f"{OP_WORDS[target.op]}{amount}")


def plan_sentence(target: Target) -> str:
    """The plan as a sentence says it, without symbols: 'từ 85% trở lên', 'trên 98%',
    'không quá 3,37%', 'dưới 1%', 'từ 14 đến 15%', 'tăng 8%', and a year's total as it is
    ('1.936,49 tấn')."""
    if target.change or target.is_range or target.share_of or not target.numeric:
        return plan_words(target)
    amount = format_quantity(target.bounds[0], target.unit)
    if target.op == ">=":
        # A year's total, a count of criteria, and a share of the whole at 100% (a share of cases
        # is never more than all of them) are said as they are: 'từ 100% trở lên' is not Vietnamese.
        whole = target.kind == "ratio" and target.bounds[0] == 100
        plain = amount if target.kind in ("cumulative", "checklist") or whole else f"từ {amount} trở lên"
        return _horizon(target, plain)
    return _horizon(target, f"{OP_WORDS[target.op]}{amount}")


def thresholds(target: Target) -> tuple[Decimal, ...]:
    """The numbers a target's figure is judged against, in the plan's unit: the plan's ends,
    and the edge of its near band."""
    if not target.numeric:
        return ()
    marks = set(target.bounds)
    if target.near_from is not None:
        marks.add(target.near_from)
    return tuple(marks)


def change_words(change: Decimal, target: Target | None = None) -> str:
    """'tăng 6,2%', 'giảm 3%', 'không đổi', 'giảm 1,5 điểm phần trăm' — a change on last year
    (its digits as many as tell it from the plan: 'tăng 16,98%' beside 'tăng 17%')."""
    if change == 0:
        return "không đổi"
    marks = tuple(abs(mark) for mark in thresholds(target)) if target is not None and target.change else ()
    unit = _change_unit(target) if target is not None and target.change else "%"
    return f"{'tăng' if change > 0 else 'giảm'} {rounded_number(abs(change), marks)}{unit}"


def lowered(text: str) -> str:
    """'Thu ngân sách', 'Ý kiến' read 'thu ngân sách', 'ý kiến' inside a sentence; a first word
    written in capitals ('CB,CC', 'TTHC', 'HTQLCL') stays as it is."""
    first = text.split(None, 1)[0] if text.strip() else text
    if sum(1 for c in first if c.isupper()) > 1:
        return text
    return text[:1].lower() + text[1:]


def with_unit(number: str, unit: str) -> str:
    """'1.936,49 tấn', but '98,5%' with no space before the percent sign."""
    return f"{number}%" if unit == "%" else f"{number} {unit}"


def figure_number(value: Decimal, target: Target, computed: bool = False) -> str:
    """A figure as the officer typed it (2,415 stays 2,415; no more decimals than the target
    allows), or a percentage worked out from counts by the one rule for percentages (with the
    digits that tell it from the plan: 59,96% beside 'từ 60%')."""
    if computed:
        return rounded_number(value, thresholds(target))
    places = typed_places(value)
    if target.decimals is not None:
        places = min(places, target.decimals)
    return format_number(value, places)


def record_text(record: FigureRecord, target: Target) -> str:
    """One stored figure: '1.002,5 tấn', '99,2% (1.240/1.250)', 'Giao thông: đạt', 'Tốt', 'Đạt'."""
    if record.item is not None:
        return f"{record.item}: {'đạt' if record.met else 'chưa đạt'}"
    if record.grade is not None:
        return record.grade
    if record.value is None:
        return "Đạt" if record.met else "Chưa đạt"
    text = with_unit(figure_number(record_value(record), target, record.of is not None), target.unit)
    if record.of is not None:
        text += f" ({format_number(record.value)}/{format_number(record.of)})"
    return text


def imported_from(record: FigureRecord) -> str | None:
    """'nhập từ phong-dc.xlsx, ô Biểu số liệu!F7' for a figure read from a form."""
    return f"nhập từ {record.file}, ô {record.cell}" if record.file else None


def percent_text(value: Decimal | None, thresholds: tuple[Decimal, ...] = ()) -> str:
    """'98,5%', or nothing when there is no percentage to give."""
    return format_percent(value, thresholds) if value is not None else ""


HUNDRED_PERCENT = (Decimal(100),)


def attainment_text(evaluation: Evaluation) -> str:
    """The figure's share of the plan, '99,96%' rather than '100%' where it is not met."""
    return percent_text(evaluation.attainment, HUNDRED_PERCENT)


def status_counts_text(summary: dict[str, int]) -> str:
    """'Đạt 8/40 chỉ tiêu · 2 gần đạt · …' — only the statuses that occur."""
    parts = [f"Đạt {summary['met']}/{summary['total']} chỉ tiêu"]
    for status in ("near", "on_track", "behind", "over_pace", "not_met", "in_progress", "no_data"):
        if summary[status]:
            parts.append(f"{summary[status]} {STATUS_WORDS[status].lower()}")
    return " · ".join(parts)


def plan_progress(summary: dict) -> str:
    """'12 lần thực hiện nhiệm vụ đã đến hạn: 1 hoàn thành đúng hạn, 1 hoàn thành trễ hạn,
    10 quá hạn': where the plan stands, as a document says it (no count that is zero)."""
    parts = [f"{summary[key]} {words}" for key, words in
             (("done", "hoàn thành đúng hạn"), ("done_late", "hoàn thành trễ hạn"), ("overdue", "quá hạn"))
             if summary[key]]
    return f"{summary['due']} lần thực hiện nhiệm vụ đã đến hạn: {', '.join(parts)}"


def overdue_phrase(states: list) -> str:
    """'Xây dựng chương trình ĐGNB (hạn 31/03/2023, 30/06/2023, chủ trì: Công chức VP-TK)':
    one task's overdue occurrences."""
    task = states[0].task
    return f"{task.label} (hạn {', '.join(format_date(s.occurrence.due) for s in states)}, chủ trì: {task.lead})"


def action_phrase(action, on: date | None = None) -> str:
    """'HĐKP-2023-01: Hướng dẫn … (phụ trách: …, hạn 30/09/2023; đã đóng 15/09/2023, có hiệu lực)';
    still open on ``on`` past its deadline: '…, đã quá hạn 30/09/2023)'."""
    opened, closed = action.opened, action.closed
    text = f"{action.id}: {opened.action} (phụ trách: {opened.owner}, {deadline_words(action, on)}"
    if closed is not None:
        text += f"; đã đóng {format_date(closed.closed_on)}, {verdict(closed.effective)}"
    return text + ")"


def deadline_words(action, on: date | None = None) -> str:
    """'hạn 30/09/2023', or 'đã quá hạn 30/09/2023' when it is still open on ``on`` past it."""
    late = on is not None and action.state(on) == "overdue"
    return f"{'đã quá hạn' if late else 'hạn'} {format_date(action.opened.due)}"


def action_counts_words(actions, on: date, noun: str = "phiếu") -> str:
    """'3 phiếu: 1 đang thực hiện (1 quá hạn), 2 đã đóng (1 có hiệu lực, 1 chưa có hiệu lực)',
    no count that is zero: '1 phiếu, đang thực hiện'."""
    still = [a for a in actions if a.closed is None]
    late = sum(1 for a in still if a.state(on) == "overdue")
    closed = [a for a in actions if a.closed is not None]
    effective = sum(1 for a in closed if a.closed.effective)
    checks = [f"{count} {verdict(kind)}" for kind, count in ((True, effective), (False, len(closed) - effective))
              if count]
    parts = ([f"{len(still)} đang thực hiện" + (f" ({late} quá hạn)" if late else "")] if still else []) + (
        [f"{len(closed)} đã đóng ({', '.join(checks)})"] if closed else [])
    if len(parts) == 1:  # all of one kind: said once
        return f"{len(actions)} {noun}, " + parts[0].split(" ", 1)[1]
    return f"{len(actions)} {noun}: {', '.join(parts)}"


def plan_counts_text(summary: dict) -> str:
    """'3 đã hoàn thành · 12 quá hạn · … · đúng hạn 8,3% số việc đã đến hạn'."""
    parts = [f"{summary[s]} {TASK_STATUS_WORDS[s].lower()}" for s in TASK_STATUS_WORDS if summary[s]]
    if summary["missing_evidence"]:
        parts.append(f"{summary['missing_evidence']} quý thiếu minh chứng việc thường xuyên")
    if summary["on_time_share"] is not None:
        parts.append(f"đúng hạn {format_percent(summary['on_time_share'])} số việc đã đến hạn")
    return " · ".join(parts)


def actual_figure(actual: Actual, target: Target) -> str:
    """The number of a target's actual, without its unit: '2,9', '99,4', '450'; a rating's
    grade, a judged target's verdict."""
    if target.kind == "rating":
        return actual.records[-1].grade
    if target.kind == "judged":
        return "Đạt" if actual.actual else "Chưa đạt"
    return figure_number(actual.actual, target, actual.computed)


def figure_with_unit(actual: Actual, target: Target) -> str:
    """'2,9 tỷ đồng', '98,5%', 'Tốt'."""
    if not target.numeric and target.kind != "reference":
        return actual_figure(actual, target)
    return with_unit(actual_figure(actual, target), target.unit)


def actual_text(evaluation: Evaluation, estimate: str = "") -> str:
    """'2,9 tỷ đồng', or '—' without a figure; ``estimate`` ('ước', 'Ước') marks an estimated
    one; a change target's change follows: '2,9 tỷ đồng (tăng 6,2%)'."""
    figure = evaluation.figure
    if figure is None:
        return NO_FIGURE
    text = figure_with_unit(figure, evaluation.target)
    if evaluation.change is not None:
        text += f" ({change_words(evaluation.change, evaluation.target)})"
    return f"{estimate} {text}" if estimate and figure.estimated else text


def status_words(evaluation: Evaluation) -> str:
    """'Đạt', 'Đạt (vượt kế hoạch)', 'Chưa đạt (thấp hơn khoảng kế hoạch)', 'Chưa có số liệu
    năm trước', 'Chưa có số liệu của kỳ', 'Đang thực hiện (đến năm 2025)' …"""
    if evaluation.status == "no_data" and evaluation.reason:
        return REASON_WORDS[evaluation.reason]
    word = STATUS_WORDS[evaluation.status]
    if evaluation.status == "in_progress":
        return f"{word} (đến năm {evaluation.target.by})"
    if evaluation.missed:
        return f"{word} ({missed_periods(evaluation)})"
    if evaluation.exceeded:
        return f"{word} (vượt kế hoạch)"
    return f"{word} ({OFF_RANGE_WORDS[evaluation.off_range]})" if evaluation.off_range else word


def missed_periods(evaluation: Evaluation) -> str:
    """'quý III', 'tháng 2, tháng 5': the periods whose own amount missed a plan for each."""
    return ", ".join(period_name(evaluation.target.every, end) for end in evaluation.missed)


def actual_number(evaluation: Evaluation) -> str:
    """The actual without its unit, for a table with a unit column: 'Ước 2,9', '99,2', '—';
    a stale figure carries its date: '2,6 (31/05)'."""
    figure = evaluation.figure
    if figure is None:
        return NO_FIGURE
    number = actual_figure(figure, evaluation.target)
    if evaluation.stale:
        number += f" ({figure.since:%d/%m})"
    return f"Ước {number}" if figure.estimated else number


def stale_note(evaluation: Evaluation) -> str:
    """'số liệu đến ngày 31/05/2023' for a figure older than the evaluation allows, else ''."""
    return f"số liệu đến ngày {format_date(evaluation.figure.since)}" if evaluation.stale else ""


def target_phrase(target: Target) -> str:
    """'4d — Tổng vốn đầu tư toàn xã hội (tỷ đồng, kế hoạch năm ≥ 101,715 tỷ đồng)': the
    target named in full, so a slip of the id shows."""
    unit = f"{target.unit}, " if target.unit else ""
    return f"{target.id} — {target.label} ({unit}kế hoạch năm {plan_text(target)})"


def doubt_question(target: Target, record: FigureRecord, reason: str, targets: dict[str, Target],
                   previous: dict[str, FigureRecord | None]) -> str:
    """The question put to the officer: the target in full, what is doubtful, and the twin
    target the figure would fit (``previous`` holds each target's last figure)."""
    text = f"Số liệu bất thường cho chỉ tiêu {target_phrase(target)}: {reason}."
    value = record_value(record)
    fitting = [t for t in twins(targets, target) if t.kind not in ("ratio", "checklist") and not t.sum_of
               and doubt(t, value, record.as_of, previous.get(t.id)) is None]
    for twin in fitting:
        text += f"\nCó phải chỉ tiêu {target_phrase(twin)}?"
    return text


def replaced_question(target: Target, earlier: FigureRecord) -> str:
    """What a new figure of the same date replaces: its value, date and who wrote it."""
    written = f"{earlier.by} ghi lúc {earlier.recorded_at:%H:%M %d/%m/%Y}"
    return (f"Chỉ tiêu {target.id} đã có số liệu ngày {format_date(earlier.as_of)}: {record_text(earlier, target)}"
            f"{' (ước)' if earlier.estimated else ''} ({written}); số mới sẽ thay cho số này.")
