"""The rules a year must obey, across its entries: one list, run once over the whole year.

Each rule is a small function that takes the year as read (its two hand-written documents
with the positions of their entries, and the lines the tool wrote, each with its number)
and yields the problems it finds, located in their file; ``RULES`` lists them in the order
they run.  A rule never raises: every problem of the year is reported in one pass.  The
same list runs when a year is opened and, under the file's lock, on the year a write would
leave, so a line that breaks a rule is never written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from mtcl.core.actions import ACTION_ID, ACTIONS_FILE, ActionClosed, ActionOpened
from mtcl.core.completions import COMPLETIONS_FILE, Completion
from mtcl.core.entries import WITHDRAWALS_FILE, Lines, ref_key
from mtcl.core.errors import DataError, Source
from mtcl.core.figures import RECORDS_FILE, FigureRecord
from mtcl.core.goals import day_of_year, days_in, goal, goal_end, milestone_end
from mtcl.core.models import Objectives, Plan, Target, Task, id_key
from mtcl.core.schedule import occurrences


@dataclass(eq=False, kw_only=True)
class YearData:
    """A year as read: the two hand-written files, each with the positions of its entries,
    and the lines the tool wrote for it, each with its line number."""

    objectives: Objectives
    objectives_source: Source
    plan: Plan
    plan_source: Source
    folder_year: int | None = None
    record_lines: Lines = Lines(RECORDS_FILE)
    completion_lines: Lines = Lines(COMPLETIONS_FILE)
    event_lines: Lines = Lines(ACTIONS_FILE)
    withdrawal_lines: Lines = Lines(WITHDRAWALS_FILE)

    @property
    def year(self) -> int:
        return self.objectives.year

    @cached_property
    def targets(self) -> dict[str, Target]:
        return {t.id: t for t in self.objectives.targets}

    @cached_property
    def tasks(self) -> dict[str, Task]:
        return {t.id: t for t in self.plan.tasks}


def _error(source: Source, entry, field: tuple[str | int, ...], message: str) -> DataError:
    return source.error(entry._path + field, message)


def unique_ids(docs: YearData) -> Iterator[DataError]:
    """Ids are unique as the command line compares them (case-free, Telex): objectives,
    targets and tasks share one space, since ``mtcl show ID`` finds any of them."""
    groups = [
        (docs.objectives_source, docs.objectives.objectives, "mục tiêu"),
        (docs.objectives_source, docs.objectives.targets, "chỉ tiêu"),
        (docs.plan_source, docs.plan.tasks, "nhiệm vụ"),
        (docs.plan_source, docs.plan.sections, "phần"),
    ]
    seen: dict[str, tuple[str, str, int | None]] = {}
    for source, entries, noun in groups:
        if noun == "phần":
            seen = {}  # sections (I, II...) are only named within the plan
        for entry in entries:
            key = id_key(str(entry.id))
            if key in seen:
                first_noun, first_file, first_line = seen[key]
                where = f"dòng {first_line}" if first_file == source.file else f"{first_file}:{first_line}"
                yield _error(source, entry, ("id",), f"mã {noun} '{entry.id}' trùng với mã {first_noun} ở {where}")
            else:
                seen[key] = (noun, source.file, source.position(entry._path + ("id",))[0])


def target_references(docs: YearData) -> Iterator[DataError]:
    targets = {t.id: t for t in docs.objectives.targets}
    source = docs.objectives_source
    for target in docs.objectives.targets:
        if target.parent is not None:
            if target.parent not in targets:
                yield _error(source, target, ("parent",), f"chỉ tiêu cha '{target.parent}' không tồn tại")
            elif target.parent == target.id:
                yield _error(source, target, ("parent",), "chỉ tiêu không thể là cha của chính nó")
        for index, part in enumerate(target.sum_of):
            if part not in targets:
                yield _error(source, target, ("sum_of", index), f"chỉ tiêu thành phần '{part}' không tồn tại")
            elif part == target.id:
                yield _error(source, target, ("sum_of", index), "chỉ tiêu không thể là tổng của chính nó")


def sums_add_up(docs: YearData) -> Iterator[DataError]:
    for target in docs.objectives.targets:
        parts = [docs.targets[p] for p in target.sum_of if p in docs.targets]
        if not target.sum_of or len(parts) != len(target.sum_of):
            continue
        if any(t.is_range or t.change or t.share_of or not t.numeric or t.plan is None for t in [target, *parts]):
            message = "chỉ tiêu tổng (sum_of) và các thành phần phải có kế hoạch là một số, không là khoảng hay mức tăng"
            yield _error(docs.objectives_source, target, ("sum_of",), message)
            continue
        total = sum(p.plan for p in parts)
        if total != target.plan:
            names = " + ".join(p.id for p in parts)
            message = f"kế hoạch {target.plan} không bằng tổng các thành phần {names} = {total}"
            yield _error(docs.objectives_source, target, ("plan",), message)
        for part in parts:
            if part.unit != target.unit or part.kind != target.kind:
                message = f"thành phần '{part.id}' phải cùng đơn vị và loại với '{target.id}'"
                yield _error(docs.objectives_source, target, ("sum_of",), message)


KIND_NAMES = {"rating": "xếp loại (rating)", "judged": "tự đánh giá (judged)", "reference": "số tham chiếu (reference)"}


def kinds_fit(docs: YearData) -> Iterator[DataError]:
    """What each kind of target needs, and what it cannot have."""
    source = docs.objectives_source
    for target in docs.objectives.targets:
        def at(*field: str) -> Callable[[str], DataError]:
            return lambda message: _error(source, target, field, message)

        low, high = target.bounds
        if target.kind == "checklist":
            if not target.items:
                yield at("items")("chỉ tiêu loại checklist phải có danh sách tiêu chí (items)")
            elif high > len(target.items):
                yield at("plan")(f"kế hoạch {high} lớn hơn số tiêu chí ({len(target.items)})")
            if target.is_range or target.op not in (">=", None) or target.change or target.signed or target.every:
                yield at("kind")("chỉ tiêu checklist đếm tiêu chí đạt: op '>=', không dùng khoảng, change, signed "
                                 "hay every")
        elif target.items:
            yield at("items")("chỉ chỉ tiêu loại checklist mới có danh sách tiêu chí (items)")
        if target.kind == "ratio":
            if target.unit != "%":
                yield at("unit")(f"chỉ tiêu tỷ lệ (ratio) phải có đơn vị '%', không phải '{target.unit}'")
            if high > 100:
                yield at("plan")("kế hoạch của chỉ tiêu tỷ lệ không thể vượt 100%")
            if target.change or target.signed or target.above_100:
                yield at("kind")("chỉ tiêu tỷ lệ (ratio) không dùng change, signed hay above_100")
        if target.above_100 and (target.unit != "%" or target.kind not in ("level", "cumulative")):
            yield at("above_100")("above_100 chỉ dùng cho chỉ tiêu mức (level) hoặc lũy kế (cumulative) tính bằng %")
        if target.kind in KIND_NAMES:
            used = [key for key in ("change", "base", "milestones", "every", "by", "share_of", "near_from", "sum_of")
                    if getattr(target, key)]
            if used:
                yield at(used[0])(f"chỉ tiêu {KIND_NAMES[target.kind]} không dùng {', '.join(used)}")
        if target.scale and target.kind != "rating":
            yield at("scale")("chỉ chỉ tiêu xếp loại (rating) mới có thang xếp loại (scale)")
        if target.kind == "rating":
            if len(set(target.scale)) < 2 or len(set(target.scale)) != len(target.scale):
                yield at("scale")("chỉ tiêu xếp loại (rating) cần thang (scale) có ít nhất hai mức khác nhau, từ thấp "
                                  "đến cao")
            elif target.plan not in target.scale:
                yield at("plan")(f"kế hoạch '{target.plan}' không có trong thang xếp loại ({', '.join(target.scale)})")
        if target.near_from is not None:
            if target.op == "between":
                yield at("near_from")("chỉ tiêu có kế hoạch là khoảng (between) không dùng ngưỡng gần đạt (near_from)")
            elif target.near_from > low if not target.less_is_better else target.near_from < high:
                yield at("near_from")("ngưỡng gần đạt (near_from) phải nằm ở phía chưa đạt của kế hoạch")


def plans_fit(docs: YearData) -> Iterator[DataError]:
    """A number or a range for a target compared with figures (a range whose meaning ``op``
    says), a grade for a rating, nothing for a judged target or a reference; a negative plan
    only where the figure may be negative or the plan is a fall on last year."""
    for target in docs.objectives.targets:
        def at(message: str, field: str = "plan") -> DataError:
            return _error(docs.objectives_source, target, (field,), message)

        if target.kind in ("judged", "reference"):
            if target.plan is not None or target.op is not None:
                yield at(f"chỉ tiêu {KIND_NAMES[target.kind]} không có kế hoạch (plan) hay so sánh (op)",
                         "plan" if target.plan is not None else "op")
            continue
        if target.kind == "rating":
            if not isinstance(target.plan, str):
                yield at("chỉ tiêu xếp loại (rating) ghi kế hoạch là một mức của thang (scale), ví dụ plan: Tốt")
            elif target.op not in (None, ">="):
                yield at("chỉ tiêu xếp loại (rating) chỉ dùng op: '>=' (đạt mức này trở lên)", "op")
            continue
        if target.is_range:
            if len(target.plan) != 2 or target.plan[0] >= target.plan[1]:
                yield at("kế hoạch là một khoảng [thấp, cao], thấp nhỏ hơn cao, ví dụ plan: [14, 15]")
                continue
            if target.op in (">", "<"):
                yield at(f"khoảng kế hoạch dùng op '>=', '<=' hoặc between, không phải '{target.op}'", "op")
                continue
        elif target.op == "between":
            yield at("op: between cần kế hoạch là một khoảng [thấp, cao], thấp nhỏ hơn cao, ví dụ plan: [14, 15]")
            continue
        lowest = min(target.bounds)
        if lowest < 0 and not (target.signed or target.change):
            yield at(f"kế hoạch {lowest} là số âm; chỉ tiêu cần giảm thì ghi op: '<=' (không quá) hoặc '<' (dưới) với "
                     "kế hoạch dương, hoặc change: percent với kế hoạch là phần trăm giảm (số âm)")


def changes_have_a_base(docs: YearData) -> Iterator[DataError]:
    """A change on last year is a running total or a level, grown from a base; a relative
    change from a base above 0."""
    source = docs.objectives_source
    for target in docs.objectives.targets:
        if target.base is not None and not target.change:
            yield _error(source, target, ("base",), "base (số năm trước) chỉ dùng với change: percent hoặc points")
        elif target.change == "percent" and target.base == 0:
            yield _error(source, target, ("base",), "base (số năm trước) phải lớn hơn 0 để tính mức tăng, giảm")
        if target.change and target.share_of:
            yield _error(source, target, ("change",), "change và share_of không dùng cùng nhau")


def shares_fit(docs: YearData) -> Iterator[DataError]:
    """A plan that is a share of a figure names a reference target of the same unit."""
    for target in docs.objectives.targets:
        if target.share_of is None:
            continue
        reference = docs.targets.get(target.share_of)
        if target.is_range:
            message = f"kế hoạch của chỉ tiêu {target.id} là % của số tham chiếu: ghi một số (plan: 105), không ghi khoảng"
        elif reference is None or reference.kind != "reference":
            message = f"share_of '{target.share_of}' phải là mã của một chỉ tiêu loại reference (số tham chiếu)"
        elif reference.unit != target.unit:
            message = f"chỉ tiêu {target.id} và số tham chiếu {reference.id} phải cùng đơn vị ({reference.unit})"
        else:
            continue
        yield _error(docs.objectives_source, target, ("share_of",), message)


def periods_fit(docs: YearData) -> Iterator[DataError]:
    """A plan for every month, quarter or half is a number of a running total; a year it
    must be reached by lies ahead, within ten years."""
    source = docs.objectives_source
    for target in docs.objectives.targets:
        if target.every is not None and (target.kind != "cumulative" or target.is_range or target.milestones
                                         or target.change or target.share_of or target.by):
            yield _error(source, target, ("every",), "every (mỗi tháng, quý, nửa năm) chỉ dùng cho chỉ tiêu lũy kế "
                                                     "(cumulative) có kế hoạch là một số, không cùng milestones, change, "
                                                     "share_of hay by")
        if target.by is not None and not docs.year <= target.by <= docs.year + 10:
            yield _error(source, target, ("by",), f"năm phải đạt (by) {target.by} phải từ {docs.year} đến "
                                                  f"{docs.year + 10}")


def milestones_rise(docs: YearData) -> Iterator[DataError]:
    """Milestones are in the figures' unit, on the way to the year's goal: they rise through
    the year and stay within it.  A change target's goal needs its base to be known, and a
    milestone under 1/100 of it was written in another unit (a percentage)."""
    source = docs.objectives_source
    for target in docs.objectives.targets:
        if not target.milestones:
            continue
        if not (target.kind == "cumulative" or (target.kind in ("ratio", "level") and target.op in (">=", ">"))) \
                or target.share_of:
            yield _error(source, target, ("milestones",), "mốc (milestones) chỉ dùng cho chỉ tiêu lũy kế (cumulative), "
                                                          "hoặc tỷ lệ, mức cần đạt từ (>=, >) một số; không cùng "
                                                          "share_of")
            continue
        if target.change and target.base is None:
            yield _error(source, target, ("milestones",), "mốc của chỉ tiêu tính mức tăng ghi bằng đơn vị của số liệu; "
                                                          "cần base (số năm trước) để kiểm tra các mốc")
            continue
        year = docs.year
        marks = sorted(target.milestones.items(), key=lambda item: milestone_end(year, item[0]))
        for (before, low_value), (key, value) in zip(marks, marks[1:]):
            end = milestone_end(year, key)
            if end == milestone_end(year, before):  # q1 and m3, h1 and m6, 9m and m9: the same day
                message = f"mốc {key} và mốc {before} cùng là ngày {end.day}/{end.month}: chỉ ghi một mốc"
                yield _error(source, target, ("milestones", key), message)
            elif value <= low_value:
                message = f"mốc {key} ({value}) phải lớn hơn mốc {before} ({low_value})"
                yield _error(source, target, ("milestones", key), message)
        top = goal_end(target, goal(target, target.base))
        for key, value in marks:
            if value < 0 or value > top:
                message = f"mốc {key} ({value}) phải nằm trong kế hoạch năm (từ 0 đến {format_plain(top)})"
                yield _error(source, target, ("milestones", key), message)
        if target.change and _like_percentages(marks, top, year):
            listed = ", ".join(format_plain(value) for _, value in marks)
            yield _error(source, target, ("milestones",), f"các mốc ({listed}) nhỏ như phần trăm trong khi kế hoạch "
                                                          f"năm là {format_plain(top)} {target.unit}: mốc ghi bằng "
                                                          f"đơn vị của số liệu ({target.unit}), số phải đạt đến hết kỳ")


def _like_percentages(marks: list[tuple[str, Decimal]], top: Decimal, year: int) -> bool:
    """A change target's milestones that read as the plan's percentages ('+4% by q1, +8% by
    h1') rather than figures on the way to a goal far above 100: all of them 100 or less, and
    the last a quarter or less of where the year's share would put it."""
    if top <= 100 or any(value > 100 for _, value in marks):
        return False
    key, last = marks[-1]
    share = Decimal(day_of_year(milestone_end(year, key))) / Decimal(days_in(year))
    return last * 4 < top * share


def format_plain(value: Decimal) -> str:
    """A number as YAML writes it (1936.49), for a message about the YAML file."""
    return format(value.normalize(), "f")


def sections_reference_objectives(docs: YearData) -> Iterator[DataError]:
    known = {o.id for o in docs.objectives.objectives}
    for section in docs.plan.sections:
        if section.objective not in known:
            message = f"mục tiêu {section.objective} không có trong objectives.yaml"
            yield _error(docs.plan_source, section, ("objective",), message)


def years_agree(docs: YearData) -> Iterator[DataError]:
    year = docs.objectives.year
    if docs.folder_year is not None and year != docs.folder_year:
        yield docs.objectives_source.error(("year",), f"năm {year} không khớp với thư mục {docs.folder_year}")
    if docs.plan.year != year:
        yield docs.plan_source.error(("year",), f"năm {docs.plan.year} không khớp với năm của mục tiêu ({year})")


def deadlines_in_year(docs: YearData) -> Iterator[DataError]:
    for task in docs.plan.tasks:
        for index, due in enumerate(task.due):
            if due.year != docs.plan.year:
                message = f"hạn {due.isoformat()} nằm ngoài năm {docs.plan.year} của kế hoạch"
                yield _error(docs.plan_source, task, ("due", index), message)


# The lines the tool wrote, against the year's files and each other.

def records_fit_their_targets(docs: YearData) -> Iterator[DataError]:
    """A figure names a target still in the objectives, is dated in the year, is negative
    only where the target allows it, and names a criterion the target still lists."""
    year = docs.year
    for number, record in docs.record_lines.located():
        target = docs.targets.get(record.target)
        if target is None:
            problem = f"chỉ tiêu '{record.target}' không còn trong objectives.yaml"
        elif record.as_of.year != year:
            problem = f"ngày số liệu {record.as_of:%d/%m/%Y} nằm ngoài năm {year}"
        elif record.value is not None and record.value < 0 and not target.signed:
            problem = f"số liệu {record.value} là số âm, nhưng chỉ tiêu {target.id} không nhận số âm (signed)"
        elif record.item is not None and record.item not in target.items:
            problem = (f"tiêu chí '{record.item}' không còn trong danh sách của chỉ tiêu {target.id} "
                       f"({', '.join(target.items)})")
        elif record.grade is not None and record.grade not in target.scale:
            problem = (f"mức '{record.grade}' không có trong thang xếp loại của chỉ tiêu {target.id} "
                       f"({', '.join(target.scale)})")
        elif _form(record) != FORMS.get(target.kind, "value"):
            problem = f"bản ghi ghi {FORM_WORDS[_form(record)]}, nhưng chỉ tiêu {target.id} cần {FORM_WORDS[FORMS.get(target.kind, 'value')]}"
        else:
            continue
        yield docs.record_lines.error(number, problem)


# The form a record of each kind of target takes, and its words.
FORMS = {"checklist": "item", "rating": "grade", "judged": "met"}
FORM_WORDS = {"value": "một số liệu (value)", "item": "một tiêu chí (item)", "grade": "một mức xếp loại (grade)",
              "met": "một đánh giá đạt, chưa đạt (met)"}


def _form(record) -> str:
    if record.value is not None:
        return "value"
    if record.item is not None:
        return "item"
    return "grade" if record.grade is not None else "met"


def line_warnings(docs: YearData) -> list[DataError]:
    """Stored figures a rule added since would refuse, still read: a percentage of a whole
    above 100 (withdraw it with mtcl void, or mark the target above_100)."""
    found = []
    for number, record in docs.record_lines.located():
        target = docs.targets.get(record.target)
        if target is not None and target.percent_of_whole and record.value is not None and record.of is None \
                and record.value > 100:
            found.append(docs.record_lines.error(
                number, f"tỷ lệ {record.value}% của chỉ tiêu {target.id} vượt quá 100% (rút bằng mtcl void "
                        f"{record.ref}, hoặc ghi above_100: true nếu chỉ tiêu có thể trên 100%)"))
    return found


def completions_fit_the_plan(docs: YearData) -> Iterator[DataError]:
    """A completion names a task and an occurrence the plan still has."""
    keys: dict[str, set[str]] = {}
    for number, completion in docs.completion_lines.located():
        task = docs.tasks.get(completion.task)
        if task is None:
            yield docs.completion_lines.error(number, f"nhiệm vụ '{completion.task}' không còn trong plan.yaml")
            continue
        if task.id not in keys:
            keys[task.id] = {o.key for o in occurrences(task, docs.year)}
        if completion.occurrence not in keys[task.id]:
            yield docs.completion_lines.error(number, f"nhiệm vụ {task.id} không có lần thực hiện "
                                                      f"'{completion.occurrence}'")


def actions_follow_the_register(docs: YearData) -> Iterator[DataError]:
    """An action's id has the year's form (HĐKP-2023-01) and is opened once (two clones
    merged can hold the same id twice), on a subject still in the year's files; a close
    follows its open, once."""
    opened: set[str] = set()
    closed: set[str] = set()
    lines = docs.event_lines
    withdrawn = {ref_key(w.ref) for w in docs.withdrawal_lines}
    for number, event in lines.located():
        if not ACTION_ID.fullmatch(event.id) or int(event.id.split("-")[1]) != docs.year:
            yield lines.error(number, f"số phiếu '{event.id}' không đúng dạng HĐKP-{docs.year}-01")
        elif isinstance(event, ActionOpened):
            known = docs.targets if event.subject_kind == "target" else docs.tasks
            if event.id in opened:
                yield lines.error(number, f"số phiếu {event.id} đã được mở ở một dòng trước (hai bản dữ liệu được "
                                          "gộp?); đổi số phiếu này")
            elif event.subject not in known:
                yield lines.error(number, f"hành động {event.id} nói về '{event.subject}', không còn trong mục "
                                          "tiêu và kế hoạch")
            opened.add(event.id)
        elif event.id not in opened:
            yield lines.error(number, f"đóng hành động '{event.id}' chưa từng được mở")
        elif event.id in closed:
            yield lines.error(number, f"hành động {event.id} đã được đóng ở một dòng trước")
        elif event.ref not in withdrawn:  # a closing withdrawn leaves the action open
            closed.add(event.id)


def withdrawals_name_lines(docs: YearData) -> Iterator[DataError]:
    """A withdrawal names a figure or a completion of the year, once."""
    known = {entry.ref for entry in (*docs.record_lines, *docs.completion_lines, *docs.event_lines)
             if isinstance(entry, (FigureRecord, Completion, ActionClosed))}
    seen: set[str] = set()
    for number, withdrawal in docs.withdrawal_lines.located():
        ref = ref_key(withdrawal.ref)
        if ref not in known:
            yield docs.withdrawal_lines.error(number, f"không có dòng số liệu, hoàn thành hay đóng phiếu nào mang "
                                                      f"mã '{withdrawal.ref}'")
        elif ref in seen:
            yield docs.withdrawal_lines.error(number, f"dòng '{withdrawal.ref}' đã được rút ở một dòng trước")
        seen.add(ref)


RULES: list[Callable[[YearData], Iterator[DataError]]] = [
    unique_ids,
    target_references,
    plans_fit,
    sums_add_up,
    kinds_fit,
    changes_have_a_base,
    shares_fit,
    periods_fit,
    milestones_rise,
    sections_reference_objectives,
    years_agree,
    deadlines_in_year,
    records_fit_their_targets,
    completions_fit_the_plan,
    actions_follow_the_register,
    withdrawals_name_lines,
]


def run_checks(docs: YearData) -> list[DataError]:
    return [error for rule in RULES for error in rule(docs)]


def pending_fields(docs: YearData) -> list[DataError]:
    """Fields a new year leaves for the officer to fill: warnings, not errors."""
    decision = docs.objectives.decision
    source = docs.objectives_source
    found = []
    if not decision.number:
        found.append(source.error(("decision", "number"), "chưa điền số quyết định ban hành mục tiêu (decision.number)"))
    if decision.date is None:
        found.append(source.error(("decision", "date"), "chưa điền ngày quyết định (decision.date)"))
    if not docs.objectives.revision.history:
        found.append(source.error(("revision", "history"), "chưa ghi lần ban hành (revision.history)"))
    return found
