"""Where the year stands at a date: the rows every view renders.

``year_status`` evaluates every target of a book at a date and gives one ``TargetRow`` per
target; ``plan_status`` judges every occurrence of the plan; a target's history has its
rows too.  The terminal table, the reports, the sheets (``views``) and ``--json``
(``shapes``) are renderings of these rows, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from mtcl.core.actions import NEEDS_ACTION, Action, open_actions_by_subject, overdue_without_action
from mtcl.core.attainment import Evaluation, RecordIndex, count_statuses, evaluate, figure_at
from mtcl.core.entries import Withdrawal
from mtcl.core.errors import DataError, UserError
from mtcl.core.figures import FigureRecord, doubt, record_value, twins, typed_places
from mtcl.core.models import Target
from mtcl.core.periods import check_in_window, evaluation_date
from mtcl.core.schedule import DUE_SOON_DAYS, OccurrenceState, plan_summary, task_states
from mtcl.core.text import fold
from mtcl.core.words import doubt_question, replaced_question
from mtcl.files.book import Book, open_year


@dataclass(frozen=True)
class TargetRow:
    """One target at the date: its evaluation and the corrective actions that cover it."""

    evaluation: Evaluation
    actions: tuple[str, ...] = ()  # ids of the open actions on the target
    needs_action: bool = False  # falls short and no open action covers it

    @property
    def target(self) -> Target:
        return self.evaluation.target

@dataclass(frozen=True)
class YearStatus:
    """Every target of the year at ``as_of``, with the counts of each status."""

    year: int
    as_of: date
    rows: list[TargetRow]
    summary: dict[str, int]
    actions: tuple[Action, ...] = ()
    notes: tuple[str, ...] = ()  # what could not be done, e.g. last year unreadable

    @property
    def evaluations(self) -> list[Evaluation]:
        return [row.evaluation for row in self.rows]

    @property
    def without_action(self) -> list[Target]:
        """Targets that fall short with no open corrective action, in file order."""
        return [row.target for row in self.rows if row.needs_action]

    def select(self, book: Book, ids: list[str] | None = None, objective: int | None = None,
               owner: str | None = None) -> list[TargetRow]:
        """The rows of the targets named (any spelling ``Book.find`` takes), of one objective,
        of one owner (any part of its name, without case or diacritics)."""
        wanted = {book.target(i).id for i in ids} if ids else None
        if objective is not None and objective not in {o.id for o in book.objectives.objectives}:
            raise UserError(f"không có mục tiêu {objective} (các mục tiêu: 1..{len(book.objectives.objectives)})")
        owned = {t.id for t in owned_targets(book, owner)} if owner is not None else None
        return [
            row for row in self.rows
            if (wanted is None or row.target.id in wanted) and (objective is None or row.target.objective == objective)
            and (owned is None or row.target.id in owned)
        ]

    def restricted_to(self, target_ids: set[str]) -> YearStatus:
        """The same view restricted to some targets (one department's), its counts redone."""
        rows = [row for row in self.rows if row.target.id in target_ids]
        return replace(self, rows=rows, summary=count_statuses([row.evaluation for row in rows]))

def missing_bases(book: Book) -> list[DataError]:
    """Change targets with no figure to grow from: no ``base``, and last year's folder has
    none for the same id.  Their status stays 'no_data' until one is given."""
    change = [t for t in book.targets.values() if t.change and t.base is None]
    last = book.last
    source = book.objectives_source
    missing = []
    for target in change:
        known = last is not None and target.id in last.targets and figure_at(
            last.targets[target.id], last.targets, last.index, date(book.year - 1, 12, 31)) is not None
        if not known:
            missing.append(source.error(target._path + ("change",),
                                        f"chỉ tiêu {target.id} tính mức tăng so với năm trước nhưng chưa có số năm "
                                        f"{book.year - 1}: ghi base (số năm trước) hoặc số liệu vào thư mục "
                                        f"{book.year - 1}"))
    return missing


def owned_targets(book: Book, owner: str) -> list[Target]:
    """The targets whose owner's name holds ``owner`` (any case, diacritics optional); none
    is an error that lists the owners the year has."""
    wanted = fold(owner)
    found = [t for t in book.targets.values() if t.owner and wanted in fold(t.owner)]
    if not found:
        owners = sorted({t.owner for t in book.targets.values() if t.owner})
        hint = f"các đơn vị: {'; '.join(owners)}" if owners else "objectives.yaml chưa ghi owner cho chỉ tiêu nào"
        raise UserError(f"không có chỉ tiêu nào do '{owner}' phụ trách", hint)
    return found


def year_status(book: Book, as_of: date) -> YearStatus:
    """Every target of ``book`` evaluated at ``as_of`` (with last year, when the book was
    opened with it: a last year that did not load is a note, not an error)."""
    if as_of.year != book.year:
        raise UserError(f"ngày đánh giá {as_of:%d/%m/%Y} nằm ngoài năm {book.year}")
    notes = [book.last_problem] if book.last_problem else []
    evaluations = evaluate(book.targets.values(), book.index, as_of, book.last_year)
    covered = open_actions_by_subject(book.actions)
    rows = [
        TargetRow(
            evaluation=e,
            actions=tuple(a.id for a in covered.get((e.target.id, None), [])),
            needs_action=e.status in NEEDS_ACTION and (e.target.id, None) not in covered,
        )
        for e in evaluations
    ]
    return YearStatus(book.year, as_of, rows, count_statuses(evaluations), tuple(book.actions), tuple(notes))


@dataclass(frozen=True)
class PlanStatus:
    """Every occurrence of the plan judged at ``as_of``, and which overdue ones have no action."""

    as_of: date
    states: list[OccurrenceState]
    actions: list[Action]
    missing: set[tuple[str, str]] = field(default_factory=set)  # overdue without an open action

    @property
    def summary(self) -> dict:
        return plan_summary(self.states)

    def select(self, book: Book, task_ids: list[str] | None = None, lead: str | None = None,
               overdue: bool = False, due_within: int | None = None) -> list[OccurrenceState]:
        """The occurrences of the tasks named, led by ``lead`` (any case, no diacritics
        needed), overdue only, or open and due within ``due_within`` days."""
        wanted = {book.task(t).id for t in task_ids} if task_ids else None
        return [
            s for s in self.states
            if (wanted is None or s.task.id in wanted)
            and (lead is None or fold(lead) in fold(s.task.lead))
            and (not overdue or s.status == "overdue")
            and (due_within is None or (s.is_open and (s.occurrence.due - self.as_of).days <= due_within))
        ]

def doubt_about(book: Book, target: Target, record: FigureRecord) -> str | None:
    """The question to put before storing ``record``: when it looks like a slip (see
    ``figures.doubt``), naming the target in full and any twin target it would fit; when it
    replaces a figure of the same date, naming that figure, its date and who wrote it."""
    questions = []
    if record.value is not None:
        day = record.as_of - timedelta(days=1)
        previous = {t.id: book.index.current(t.id, day) for t in [target, *twins(book.targets, target)]}
        usual = frozenset({typed_places(v) for v in target.bounds} |
                          {typed_places(r.value) for r in book.index.of(target.id) if r.value is not None and r.of is None})
        reason = doubt(target, record_value(record), record.as_of, previous[target.id], usual, record.of is None)
        if reason:
            questions.append(doubt_question(target, record, reason, book.targets, previous))
    same_day = book.index.current(target.id, record.as_of, record.item)
    if same_day is not None and same_day.as_of == record.as_of:
        questions.append(replaced_question(target, same_day))
    return "\n".join(questions) or None


def plan_status(book: Book, as_of: date, horizon: int = DUE_SOON_DAYS) -> PlanStatus:
    """Every occurrence judged at ``as_of`` (completions dated later do not count)."""
    check_in_window(as_of, book.year, "ngày đánh giá")
    states = task_states(book.tasks.values(), book.counted_completions, book.year, as_of, horizon)
    return PlanStatus(as_of, states, book.actions, overdue_without_action(states, book.actions))


@dataclass(frozen=True)
class HistoryRow:
    """One stored figure of a target, whether it is the one that counts at the date, and
    its withdrawal if it was withdrawn."""

    record: FigureRecord
    counts: bool
    withdrawal: Withdrawal | None = None

def target_history(book: Book, target: Target, on: date) -> list[HistoryRow]:
    """Every figure of ``target``, withdrawn ones too, oldest first, each marked if it
    counts at ``on``."""
    counting = {id(book.index.current(target.id, on, item)) for item in (target.items or [None])}
    return [HistoryRow(record, id(record) in counting, book.withdrawn.get(record.ref))
            for record in RecordIndex(book.records).of(target.id)]


@dataclass(frozen=True)
class YearSummary:
    """How complete a year is, for ``mtcl years``."""

    year: int
    objectives: int = 0
    targets: int = 0
    tasks: int = 0
    records: int = 0
    with_data: int = 0
    met: int = 0
    problem: str | None = None


def yearly_summary(root: Path, year: int, today: date) -> YearSummary:
    """A year that does not load is reported, not raised, so the other years still show."""
    try:
        book = open_year(root, year, last_year=True)
        status = year_status(book, evaluation_date(year, today))
    except UserError as exc:
        first = str(exc).splitlines()[0]
        return YearSummary(year, problem=f"lỗi: {first}")
    return YearSummary(
        year=year,
        objectives=len(book.objectives.objectives),
        targets=len(book.targets),
        tasks=len(book.tasks),
        records=len(book.counted_records),
        with_data=status.summary["total"] - status.summary["no_data"],
        met=status.summary["met"],
    )
