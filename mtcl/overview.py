"""The year at a date: every target evaluated, as the status command and reports see it.

``year_status`` gathers what ``attainment.evaluate`` needs (the year's records, last
year's for comparison) and returns plain values; ``status_json`` is the documented JSON
shape of ``mtcl status --json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mtcl.attainment import Evaluation, evaluate, summarise
from mtcl.errors import UserError
from mtcl.loader import YearData
from mtcl.numbers import today
from mtcl.periods import period_end
from mtcl.recording import load_history, load_records


@dataclass(frozen=True)
class YearStatus:
    year: int
    as_of: date
    evaluations: list[Evaluation]
    summary: dict[str, int]


def evaluation_date(year: int, as_of: date | None = None, period: str | None = None) -> date:
    """``as_of``, else the period's end, else today kept inside the year."""
    if as_of is not None:
        return as_of
    if period is not None:
        return period_end(year, period)
    return min(max(today(), date(year, 1, 1)), date(year, 12, 31))


def year_status(year: YearData, as_of: date) -> YearStatus:
    if as_of.year != year.year:
        raise UserError(f"ngày đánh giá {as_of:%d/%m/%Y} nằm ngoài năm {year.year}")
    evaluations = evaluate(list(year.targets.values()), load_records(year), as_of, load_history(year))
    return YearStatus(year.year, as_of, evaluations, summarise(evaluations))


def evaluation_json(evaluation: Evaluation) -> dict:
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
    }


def status_json(status: YearStatus) -> dict:
    return {
        "year": status.year,
        "as_of": status.as_of,
        "targets": [evaluation_json(e) for e in status.evaluations],
        "summary": status.summary,
    }
