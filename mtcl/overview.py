"""The year at a date: every target evaluated, as the status command and reports see it.

``year_status`` gathers what ``attainment.evaluate`` needs (the year's records, last
year's for comparison) and returns plain values; ``status_json`` is the documented JSON
shape of ``mtcl status --json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mtcl.actions import Action, load_actions, without_action
from mtcl.attainment import Evaluation, evaluate, summarise
from mtcl.errors import UserError
from mtcl.loader import YearData
from mtcl.models import FigureRecord
from mtcl.numbers import today
from mtcl.periods import period_end
from mtcl.recording import load_history, load_records


@dataclass(frozen=True)
class YearStatus:
    year: int
    as_of: date
    evaluations: list[Evaluation]
    summary: dict[str, int]
    notes: tuple[str, ...] = ()  # what could not be done, e.g. last year unreadable
    actions: tuple[Action, ...] = ()

    def open_action_ids(self, target_id: str) -> list[str]:
        return [a.id for a in self.actions if a.is_open and a.opened.subject == target_id and a.opened.occurrence is None]

    @property
    def without_action(self) -> set[str]:
        return without_action(self.evaluations, list(self.actions))


def evaluation_date(year: int, as_of: date | None = None, period: str | None = None) -> date:
    """``as_of``, else the period's end, else today kept inside the year."""
    if as_of is not None:
        return as_of
    if period is not None:
        return period_end(year, period)
    return min(max(today(), date(year, 1, 1)), date(year, 12, 31))


def year_status(year: YearData, as_of: date, records: list[FigureRecord] | None = None) -> YearStatus:
    """Every target at ``as_of``, from ``records`` (read from the file if not given)."""
    if as_of.year != year.year:
        raise UserError(f"ngày đánh giá {as_of:%d/%m/%Y} nằm ngoài năm {year.year}")
    records = load_records(year) if records is None else records
    notes = []
    try:
        history = load_history(year)
    except UserError:
        history = None
        notes.append(
            f"Không so sánh được với cùng kỳ: dữ liệu năm {year.year - 1} có lỗi "
            f"(xem: mtcl validate --year {year.year - 1})."
        )
    evaluations = evaluate(list(year.targets.values()), records, as_of, history)
    return YearStatus(year.year, as_of, evaluations, summarise(evaluations), tuple(notes), tuple(load_actions(year)))


def evaluation_json(evaluation: Evaluation, status: YearStatus) -> dict:
    target, figure, previous = evaluation.target, evaluation.figure, evaluation.previous
    fields = target.public()
    return {
        **{key: fields[key] for key in ("id", "objective", "name", "unit", "plan", "op", "kind")},
        "actual": evaluation.actual,
        "attainment": evaluation.attainment,
        "status": evaluation.status,
        "record_as_of": figure.as_of if figure else None,
        "estimated": figure.estimated if figure else False,
        "previous_year": (
            {"actual": previous.actual, "as_of": previous.as_of, "ratio": previous.ratio} if previous else None
        ),
        "actions": status.open_action_ids(target.id),
        "needs_action": target.id in status.without_action,
    }


def status_json(status: YearStatus, shown: list[Evaluation] | None = None) -> dict:
    """The JSON of ``mtcl status``: the targets ``shown`` (all by default), the summary of
    the whole year."""
    return {
        "year": status.year,
        "as_of": status.as_of,
        "targets": [evaluation_json(e, status) for e in (status.evaluations if shown is None else shown)],
        "summary": {**status.summary, "without_action": len(status.without_action)},
        "notes": list(status.notes),
    }


@dataclass(frozen=True)
class YearSummary:
    year: int
    objectives: int = 0
    targets: int = 0
    tasks: int = 0
    records: int = 0
    with_data: int = 0
    met: int = 0
    problem: str | None = None


def yearly_summary(root, year: int) -> YearSummary:
    """How complete a year's figures are, for ``mtcl years``; a year that does not load
    is reported, not raised, so the other years still show."""
    from mtcl.loader import load_year

    try:
        loaded = load_year(root, year)
        records = load_records(loaded)
        status = year_status(loaded, evaluation_date(year), records)
    except UserError as exc:
        first = str(exc).splitlines()[0]
        return YearSummary(year, problem=f"lỗi: {first}")
    return YearSummary(
        year=year,
        objectives=len(loaded.objectives.objectives),
        targets=len(loaded.targets),
        tasks=len(loaded.tasks),
        records=len(records),
        with_data=status.summary["total"] - status.summary["no_data"],
        met=status.summary["met"],
    )
