"""Attainment: from targets, records and an evaluation date to actuals and statuses.

Pure computation, no files and no output.  The actual of a target at a date is its latest
record dated on or before it; among records of the same date the one further down the
file counts (never the clock of the PC that wrote it), so a later record supersedes an
earlier one only from its own date on.  Ratios are successes over total, or a recorded
percentage; a checklist counts its items met; a ``sum_of`` target adds its parts when every
part has a figure.  Statuses follow the target's comparison:

- ``met`` when the actual satisfies it (``>`` is strict);
- a cumulative target not yet met before the year's end is ``on_track`` when its share of
  the plan is at least the share of the year elapsed **at the figure's own date**, else
  ``behind`` — so the same figure is judged the same way on whatever day it is looked at;
- otherwise ``near`` inside the target's optional band, else ``not_met``;
- ``no_data`` without a figure.

A figure dated more than ``STALE_DAYS`` before the evaluation date is ``stale``: it still
counts, and every view says how old it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from mtcl.core.figures import HUNDRED, FigureRecord, record_value
from mtcl.core.goals import change_of, expected_progress, goal
from mtcl.core.models import Target
from mtcl.core.periods import same_day_last_year

Status = Literal["met", "not_met", "near", "on_track", "behind", "no_data"]
STATUSES: tuple[Status, ...] = ("met", "near", "on_track", "behind", "not_met", "no_data")
STALE_DAYS = 30


@dataclass(frozen=True)
class Actual:
    """A target's actual at a date and the records it rests on."""

    actual: Decimal
    as_of: date
    estimated: bool
    records: tuple[FigureRecord, ...]
    computed: bool = False  # a percentage worked out from counts, not a figure as typed
    oldest: date | None = None  # a sum's oldest part: the date its staleness is judged by

    @property
    def since(self) -> date:
        return self.oldest or self.as_of


@dataclass(frozen=True)
class PreviousYear:
    actual: Decimal
    as_of: date
    ratio: Decimal | None  # this year's actual as a percentage of last year's


@dataclass(frozen=True)
class Evaluation:
    target: Target
    status: Status
    figure: Actual | None
    attainment: Decimal | None
    previous: PreviousYear | None
    stale: bool = False  # the figure is older than STALE_DAYS at the evaluation date
    base: Decimal | None = None  # a change target's figure of last year
    change: Decimal | None = None  # a change target's change on its base, in %
    off_range: str | None = None  # a range missed: 'below' or 'above' it

    @property
    def actual(self) -> Decimal | None:
        return self.figure.actual if self.figure else None


class RecordIndex:
    """Records grouped by target, in file order.  Which one counts at a date is found by one
    pass over the target's records, never by sorting them all: the last one dated on or
    before the date, and of two with the same date the later in the file."""

    def __init__(self, records: Iterable[FigureRecord]):
        groups: dict[str, list[FigureRecord]] = defaultdict(list)
        for record in records:
            groups[record.target].append(record)
        self._groups = groups

    def of(self, target_id: str) -> list[FigureRecord]:
        """A target's records in supersession order: by date, the file's order within a date."""
        return sorted(self._groups.get(target_id, []), key=_as_of)  # a stable sort

    def current(self, target_id: str, as_of: date, item: str | None = None) -> FigureRecord | None:
        """The record that counts at ``as_of``: the last one dated on or before it."""
        found = None
        for record in self._groups.get(target_id, ()):
            if record.as_of <= as_of and (item is None or record.item == item) and (
                    found is None or record.as_of >= found.as_of):
                found = record
        return found


def figure_at(target: Target, targets: dict[str, Target], index: RecordIndex, as_of: date) -> Actual | None:
    if target.sum_of:
        parts = [figure_at(targets[p], targets, index, as_of) for p in target.sum_of]
        if any(part is None for part in parts):
            return None
        return Actual(
            actual=sum((p.actual for p in parts), Decimal(0)),
            as_of=max(p.as_of for p in parts),
            estimated=any(p.estimated for p in parts),
            records=tuple(r for p in parts for r in p.records),
            oldest=min(p.since for p in parts),
        )
    if target.kind == "checklist":
        current = [index.current(target.id, as_of, item) for item in target.items]
        known = [r for r in current if r is not None]
        if not known:
            return None
        return Actual(
            actual=Decimal(sum(1 for r in known if r.met)),
            as_of=max(r.as_of for r in known),
            estimated=any(r.estimated for r in known),
            records=tuple(known),
        )
    record = index.current(target.id, as_of)
    if record is None:
        return None
    return Actual(record_value(record), record.as_of, record.estimated, (record,), computed=record.of is not None)


def satisfies(value: Decimal, op: str, low: Decimal, high: Decimal | None = None) -> bool:
    """Whether ``value`` meets the comparison with the plan (``low``; ``high`` for a range)."""
    high = low if high is None else high
    if op == ">=":
        return value >= low
    if op == ">":
        return value > low
    if op == "<=":
        return value <= high
    if op == "<":
        return value < high
    return low <= value <= high


def judge(target: Target, actual: Decimal, figure_date: date, on: date, base: Decimal | None = None) -> Status:
    """The status of ``actual``, a figure dated ``figure_date``, seen on ``on``; a change
    target is judged by its change on ``base`` (none without one)."""
    aims = goal(target, base)
    if aims is None:
        return "no_data"
    measured = measure(target, actual, base)
    low, high = target.bounds
    if satisfies(measured, target.op, low, high):
        return "met"
    if target.kind == "cumulative" and on < date(on.year, 12, 31) and not target.less_is_better:
        if target.op == "between" and actual > aims[1]:
            return "not_met"  # already past the range's top
        return "on_track" if actual >= expected_progress(target, figure_date, aims[0]) else "behind"
    if target.near_from is not None:
        inside = measured <= target.near_from if target.less_is_better else measured >= target.near_from
        if inside:
            return "near"
    return "not_met"


def measure(target: Target, actual: Decimal, base: Decimal | None) -> Decimal:
    """What the plan is compared with: the actual, or for a change target its change on ``base``."""
    if target.change is None:
        return actual
    return change_of(actual, base) if base else Decimal(0)


def off_range(target: Target, measured: Decimal) -> str | None:
    """For a range missed: 'below' or 'above' it."""
    if target.op != "between":
        return None
    low, high = target.bounds
    return "below" if measured < low else "above" if measured > high else None


def attainment(target: Target, actual: Decimal, base: Decimal | None = None) -> Decimal | None:
    """Actual as a percentage of the goal; none where less is better, for a range, a goal
    of zero, or a change target without its base."""
    aims = goal(target, base)
    if target.less_is_better or target.op == "between" or aims is None or aims[0] == 0:
        return None
    return actual * HUNDRED / aims[0]


@dataclass(frozen=True)
class LastYear:
    """Last year's targets and the figures that count, for "so với cùng kỳ" and a change's base."""

    targets: dict[str, Target]
    index: RecordIndex


def evaluate(targets: Iterable[Target], index: RecordIndex, as_of: date,
             last_year: LastYear | None = None) -> list[Evaluation]:
    """Evaluate every target at ``as_of``, in the order given."""
    targets = list(targets)
    by_id = {t.id: t for t in targets}
    return [evaluate_target(target, by_id, index, as_of, last_year) for target in targets]


def evaluate_target(target: Target, targets: dict[str, Target], index: RecordIndex, as_of: date,
                    last_year: LastYear | None = None) -> Evaluation:
    """One target at ``as_of``: its actual, status, attainment, change and comparison."""
    figure = figure_at(target, targets, index, as_of)
    base = base_of(target, as_of.year, last_year) if target.change else None
    if figure is None:
        return Evaluation(target, "no_data", None, None, None, base=base)
    measured = measure(target, figure.actual, base)
    return Evaluation(
        target=target,
        status=judge(target, figure.actual, figure.as_of, as_of, base),
        figure=figure,
        attainment=attainment(target, figure.actual, base),
        previous=_previous(target, figure.actual, as_of, last_year),
        stale=target.kind != "checklist" and (as_of - figure.since).days > STALE_DAYS,
        base=base,
        change=change_of(figure.actual, base) if base else None,
        off_range=off_range(target, measured) if target.change is None or base else None,
    )


def base_of(target: Target, year: int, last_year: LastYear | None) -> Decimal | None:
    """Last year's figure a change target grows from: its ``base``, else the figure the
    previous year's folder holds for the same id on 31 December."""
    if target.base is not None:
        return target.base
    old_target = last_year.targets.get(target.id) if last_year else None
    if old_target is None:
        return None
    old = figure_at(old_target, last_year.targets, last_year.index, date(year - 1, 12, 31))
    return old.actual if old else None


def _previous(target: Target, actual: Decimal, as_of: date, last_year: LastYear | None) -> PreviousYear | None:
    old_target = last_year.targets.get(target.id) if last_year else None
    if old_target is None:
        return None
    then = same_day_last_year(as_of)
    old = figure_at(old_target, last_year.targets, last_year.index, then)
    if old is None:
        return None
    ratio = actual * HUNDRED / old.actual if old.actual else None
    return PreviousYear(old.actual, old.as_of, ratio)


def count_statuses(evaluations: list[Evaluation]) -> dict[str, int]:
    counts = {status: 0 for status in STATUSES}
    for evaluation in evaluations:
        counts[evaluation.status] += 1
    counts["total"] = len(evaluations)
    return counts


def _as_of(record: FigureRecord) -> date:
    return record.as_of
