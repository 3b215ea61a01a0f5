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

from mtcl.figures import HUNDRED, FigureRecord, record_value
from mtcl.models import Target
from mtcl.periods import elapsed_share, same_day_last_year

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

    @property
    def actual(self) -> Decimal | None:
        return self.figure.actual if self.figure else None


class RecordIndex:
    """Records grouped by target (and checklist item), each group in supersession order."""

    def __init__(self, records: Iterable[FigureRecord]):
        groups: dict[str, list[FigureRecord]] = defaultdict(list)
        for record in records:
            groups[record.target].append(record)
        for group in groups.values():
            group.sort(key=_as_of)  # stable: the same date keeps the order of the file
        self._groups = groups

    def of(self, target_id: str) -> list[FigureRecord]:
        return self._groups.get(target_id, [])

    def current(self, target_id: str, as_of: date, item: str | None = None) -> FigureRecord | None:
        """The record that counts at ``as_of``: the last one dated on or before it."""
        found = None
        for record in self.of(target_id):
            if record.as_of > as_of:
                break
            if item is None or record.item == item:
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


def satisfies(actual: Decimal, op: str, plan: Decimal) -> bool:
    if op == ">=":
        return actual >= plan
    if op == ">":
        return actual > plan
    return actual <= plan


def judge(target: Target, actual: Decimal, figure_date: date, on: date) -> Status:
    """The status of ``actual``, a figure dated ``figure_date``, seen on ``on``."""
    if satisfies(actual, target.op, target.plan):
        return "met"
    if target.kind == "cumulative" and on < date(on.year, 12, 31) and target.op != "<=":
        if target.plan == 0 or actual / target.plan >= elapsed_share(figure_date):
            return "on_track"
        return "behind"
    if target.near_from is not None:
        inside = actual <= target.near_from if target.op == "<=" else actual >= target.near_from
        if inside:
            return "near"
    return "not_met"


def attainment(target: Target, actual: Decimal) -> Decimal | None:
    """Actual as a percentage of plan; none for ≤ targets (less is better) or a zero plan."""
    if target.op == "<=" or target.plan == 0:
        return None
    return actual * HUNDRED / target.plan


@dataclass(frozen=True)
class History:
    """Last year's targets and records, for "so với cùng kỳ"."""

    targets: dict[str, Target]
    index: RecordIndex


def evaluate(
    targets: list[Target],
    records: Iterable[FigureRecord],
    as_of: date,
    previous: History | None = None,
) -> list[Evaluation]:
    """Evaluate every target at ``as_of``, in the order given."""
    by_id = {t.id: t for t in targets}
    index = RecordIndex(records)
    results = []
    for target in targets:
        figure = figure_at(target, by_id, index, as_of)
        if figure is None:
            results.append(Evaluation(target, "no_data", None, None, None))
            continue
        results.append(
            Evaluation(
                target=target,
                status=judge(target, figure.actual, figure.as_of, as_of),
                figure=figure,
                attainment=attainment(target, figure.actual),
                previous=_previous(target, figure.actual, as_of, previous),
                stale=target.kind != "checklist" and (as_of - figure.since).days > STALE_DAYS,
            )
        )
    return results


def _previous(target: Target, actual: Decimal, as_of: date, history: History | None) -> PreviousYear | None:
    old_target = history.targets.get(target.id) if history else None
    if old_target is None:
        return None
    then = same_day_last_year(as_of)
    old = figure_at(old_target, history.targets, history.index, then)
    if old is None:
        return None
    ratio = actual * HUNDRED / old.actual if old.actual else None
    return PreviousYear(old.actual, old.as_of, ratio)


def summarise(evaluations: list[Evaluation]) -> dict[str, int]:
    counts = {status: 0 for status in STATUSES}
    for evaluation in evaluations:
        counts[evaluation.status] += 1
    counts["total"] = len(evaluations)
    return counts


def _as_of(record: FigureRecord) -> date:
    return record.as_of
