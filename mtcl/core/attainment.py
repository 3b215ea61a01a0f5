"""Attainment: from targets, records and an evaluation date to figures and verdicts.

Pure computation, no files and no output.  The figure of a target at a date is its latest
record dated on or before it; among records of the same date the one further down the
file counts (never the clock of the PC that wrote it), so a later record supersedes an
earlier one only from its own date on.  Ratios are successes over total, or a recorded
percentage; a checklist counts its items met; a ``sum_of`` target adds its parts when every
part has a figure, and is dated by its oldest part.

The verdict follows the README's table of target kinds, rule by rule (``judge``):

- a rating is met at or above its grade, a judged target as the body judged it;
- a target due in a later year (``by``) is met or still in progress, never failing;
- a plan to meet in every month, quarter or half is judged period by period;
- a level, a ratio (without milestones): met when the figure satisfies the plan, near
  inside the optional band, else not met;
- a running total, a checklist or a plan with milestones: met once it satisfies the plan (a
  ceiling: not met once past it); otherwise, unless the figure is older than the three
  months that end at the evaluation date (it says nothing of the period, and the status
  says so: "chưa có số liệu của kỳ"; a checklist excepted), judged at year end on the plan
  (near or not met) and before it on pace **at the figure's own date** — on track or behind
  (over pace for a ceiling).

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
from mtcl.core.goals import (change_of, expected_at, goal, goal_end, measure, period_ends, period_start)
from mtcl.core.models import Target
from mtcl.core.periods import same_day_last_year

Status = Literal["met", "near", "on_track", "behind", "over_pace", "not_met", "in_progress", "no_data"]
STATUSES: tuple[Status, ...] = ("met", "near", "on_track", "behind", "over_pace", "not_met", "in_progress", "no_data")
# Why a target with a figure has no verdict: last year's figure, the figure its plan is a
# share of, or a figure of the period, is missing.
Reason = Literal["base", "reference", "period"]
STALE_DAYS = 30


@dataclass(frozen=True)
class Actual:
    """A target's figure at a date and the records it rests on."""

    actual: Decimal  # for a rating, the grade's place on the scale; for a judged target, 1 or 0
    as_of: date
    estimated: bool
    records: tuple[FigureRecord, ...]
    computed: bool = False  # a percentage worked out from counts, not a figure as typed
    oldest: date | None = None  # a sum's oldest part: the date its pace and age are judged by

    @property
    def since(self) -> date:
        """The date the figure stands for (a sum: its oldest part's)."""
        return self.oldest or self.as_of


@dataclass(frozen=True)
class PreviousYear:
    actual: Decimal
    as_of: date
    ratio: Decimal | None  # this year's figure as a percentage of last year's


@dataclass(frozen=True)
class Evaluation:
    target: Target
    status: Status
    figure: Actual | None
    attainment: Decimal | None
    previous: PreviousYear | None  # last year's figure at the same day as this year's
    stale: bool = False  # the figure is older than STALE_DAYS at the evaluation date
    base: Decimal | None = None  # a change target's figure of last year
    change: Decimal | None = None  # the figure's change, stated against ``change_basis``
    change_basis: Literal["year", "period"] | None = None  # the base (last year) or the same period
    off_range: str | None = None  # a two-sided range missed: 'below' or 'above' it
    exceeded: bool = False  # a one-sided range met beyond its aim: "vượt kế hoạch"
    reason: Reason | None = None  # why a target with a figure has no verdict
    goal: tuple[Decimal, Decimal] | None = None  # the plan in the target's unit
    expected: Decimal | None = None  # where the pace says the figure should stand at its date
    reference: Decimal | None = None  # the figure a share_of plan is a share of
    reported: Actual | None = None  # the latest actual figure, when the one that counts is an estimate
    missed: tuple[date, ...] = ()  # a plan for each period: the ends of the periods that missed it

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

    def current(self, target_id: str, as_of: date, item: str | None = None,
                actual_only: bool = False) -> FigureRecord | None:
        """The record that counts at ``as_of``: the last one dated on or before it (of the
        actual figures alone, not the estimates, with ``actual_only``)."""
        found = None
        for record in self._groups.get(target_id, ()):
            if record.as_of <= as_of and (item is None or record.item == item) and (
                    found is None or record.as_of >= found.as_of) and not (actual_only and record.estimated):
                found = record
        return found


def figure_at(target: Target, targets: dict[str, Target], index: RecordIndex, as_of: date,
              actual_only: bool = False) -> Actual | None:
    """The figure of ``target`` that counts at ``as_of`` (the actual one, with ``actual_only``)."""
    if target.sum_of:
        parts = [figure_at(targets[p], targets, index, as_of, actual_only) for p in target.sum_of]
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
        current = [index.current(target.id, as_of, item, actual_only) for item in target.items]
        known = [r for r in current if r is not None]
        if not known:
            return None
        return Actual(
            actual=Decimal(sum(1 for r in known if r.met)),
            as_of=max(r.as_of for r in known),
            estimated=any(r.estimated for r in known),
            records=tuple(known),
        )
    record = index.current(target.id, as_of, actual_only=actual_only)
    if record is None:
        return None
    if target.kind == "rating":
        value = Decimal(target.scale.index(record.grade)) if record.grade in target.scale else Decimal(-1)
    elif target.kind == "judged":
        value = Decimal(1 if record.met else 0)
    else:
        value = record_value(record)
    return Actual(value, record.as_of, record.estimated, (record,), computed=record.of is not None)


def satisfies(value: Decimal, op: str, low: Decimal, high: Decimal | None = None) -> bool:
    """Whether ``value`` meets the comparison with the plan (``low``; ``high`` for a range:
    at least its low end, at most its high end, or inside it for ``between``)."""
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


@dataclass(frozen=True)
class Verdict:
    status: Status
    expected: Decimal | None = None
    reason: Reason | None = None
    missed: tuple[date, ...] = ()  # the ends of the periods whose own amount missed the plan (every)


def judge(target: Target, figure: Actual, on: date, aims: tuple[Decimal, Decimal] | None = None,
          base: Decimal | None = None, reference: Decimal | None = None,
          same_period: Decimal | None = None) -> Verdict:
    """The verdict on ``figure`` seen on ``on`` (the README's rules in their order); ``aims``
    is the goal, ``same_period`` last year's figure of the same day (for a change's pace)."""
    if target.kind == "rating":
        return Verdict("met" if figure.actual >= Decimal(target.scale.index(target.plan)) else "not_met")
    if target.kind == "judged":
        return Verdict("met" if figure.actual else "not_met")
    value, (low, high) = figure.actual, aims
    meets = satisfies(value, target.op, low, high)
    if target.by is not None and target.by > on.year:
        return Verdict("met" if meets else "in_progress")
    year_end = on >= date(on.year, 12, 31)
    if not target.paced:
        return _final(target, meets, value, base, reference)
    if target.less_is_better:
        if not meets:  # already past the cap: at year end, inside the near band or not
            return _final(target, meets, value, base, reference) if year_end else Verdict("not_met")
    elif meets:
        return Verdict("met")
    elif target.op == "between" and value > high:
        return Verdict("not_met")  # already past the range's top
    if target.kind != "checklist" and figure.since < period_start(on):
        # A running total of May says nothing of the quarter's pace, nor of the year's total.
        return Verdict("no_data", reason="period")
    if year_end:
        return _final(target, meets, value, base, reference)
    expected = expected_at(target, figure.since, goal_end(target, (low, high)), same_period)
    if target.less_is_better:
        return Verdict("on_track" if value <= expected else "over_pace", expected)
    return Verdict("on_track" if value >= expected else "behind", expected)


def _final(target: Target, meets: bool, value: Decimal, base: Decimal | None, reference: Decimal | None) -> Verdict:
    """A verdict on the plan itself: met, near inside the optional band, else not met."""
    if meets:
        return Verdict("met")
    if target.near_from is not None and _near(target, measure(target, value, base, reference)):
        return Verdict("near")
    return Verdict("not_met")


def _near(target: Target, measured: Decimal) -> bool:
    return measured <= target.near_from if target.less_is_better else measured >= target.near_from


def judge_periods(target: Target, targets: dict[str, Target], index: RecordIndex, on: date) -> Verdict:
    """A plan to meet in every month, quarter or half: each finished period's amount (the
    year-to-date figure at its end less the one at the end of the period before) must meet
    the plan; a period without a figure dated in it is not reported."""
    low, high = target.bounds
    missed, unreported = [], False
    start, before = date(on.year, 1, 1), Decimal(0)
    for end in period_ends(on.year, target.every):
        if end > on:
            break
        figure = figure_at(target, targets, index, end)
        total = figure.actual if figure else Decimal(0)
        if figure is None or figure.since < start:  # no figure dated in the period (a sum: by its oldest part)
            unreported = True
        elif not satisfies(total - before, target.op, low, high):
            missed.append(end)
        start, before = date.fromordinal(end.toordinal() + 1), total
    if missed:
        return Verdict("not_met", missed=tuple(missed))
    if unreported:
        return Verdict("no_data", reason="period")
    return Verdict("met" if on >= date(on.year, 12, 31) else "on_track")


def attainment(target: Target, actual: Decimal, aims: tuple[Decimal, Decimal] | None) -> Decimal | None:
    """The figure as a percentage of the goal: only where more is better, for a plan that is
    not a band nor a plan for each period (a year's total is no share of one quarter's plan),
    a goal above 0 and a figure not below 0."""
    if not target.numeric or target.less_is_better or target.op == "between" or target.every or aims is None:
        return None
    if aims[0] <= 0 or actual < 0:
        return None
    return actual * HUNDRED / aims[0]


def off_range(target: Target, value: Decimal, aims: tuple[Decimal, Decimal]) -> str | None:
    """For a two-sided band missed: 'below' or 'above' it."""
    if target.op != "between":
        return None
    low, high = aims
    return "below" if value < low else "above" if value > high else None


def exceeded(target: Target, value: Decimal, aims: tuple[Decimal, Decimal]) -> bool:
    """A one-sided range met beyond its aim: above the top of 'at least 14, aiming at 15',
    below the bottom of 'at most 15, aiming at 14'."""
    if not target.is_range or target.op == "between":
        return False
    low, high = aims
    return value > high if target.op == ">=" else value < low


@dataclass(frozen=True)
class LastYear:
    """Last year's targets and the figures that count, for "so với cùng kỳ" and a change's base."""

    targets: dict[str, Target]
    index: RecordIndex


def evaluate(targets: Iterable[Target], index: RecordIndex, as_of: date,
             last_year: LastYear | None = None, every: dict[str, Target] | None = None) -> list[Evaluation]:
    """Evaluate every target at ``as_of``, in the order given (references are not judged:
    they are left out).  ``every`` holds all the year's targets when ``targets`` is a part."""
    targets = list(targets)
    by_id = every or {t.id: t for t in targets}
    return [evaluate_target(target, by_id, index, as_of, last_year) for target in targets
            if target.kind != "reference"]


def evaluate_target(target: Target, targets: dict[str, Target], index: RecordIndex, as_of: date,
                    last_year: LastYear | None = None) -> Evaluation:
    """One target at ``as_of``: its figure, verdict, attainment, change and comparison."""
    figure = figure_at(target, targets, index, as_of)
    base = base_of(target, as_of.year, last_year) if target.change else None
    reference_figure = figure_at(targets[target.share_of], targets, index, as_of) \
        if target.share_of in targets else None
    reference = reference_figure.actual if reference_figure else None
    aims = goal(target, base, reference) if target.numeric else None
    if figure is None:
        return Evaluation(target, "no_data", None, None, None, base=base, goal=aims, reference=reference)
    previous = _previous(target, figure, last_year)
    same_period = previous.actual if previous else None
    common = dict(target=target, figure=figure, previous=previous, base=base, reference=reference, goal=aims,
                  stale=target.kind not in ("checklist", "rating", "judged")
                  and (as_of - figure.since).days > STALE_DAYS,
                  reported=_reported(target, targets, index, as_of, figure))
    if target.numeric and aims is None:
        return Evaluation(status="no_data", attainment=None, reason="reference" if target.share_of else "base",
                          **common)
    if target.every is not None:
        verdict = judge_periods(target, targets, index, as_of)
    else:
        verdict = judge(target, figure, as_of, aims, base, reference, same_period)
    if not target.numeric:
        return Evaluation(status=verdict.status, attainment=None, **common)
    change, basis = _change(target, figure, as_of, base, same_period)
    return Evaluation(
        status=verdict.status, attainment=attainment(target, figure.actual, aims), expected=verdict.expected,
        reason=verdict.reason, missed=verdict.missed, change=change, change_basis=basis,
        off_range=off_range(target, figure.actual, aims), exceeded=verdict.status == "met" and exceeded(target, figure.actual, aims), **common)


def _change(target: Target, figure: Actual, on: date, base: Decimal | None,
            same_period: Decimal | None) -> tuple[Decimal | None, str | None]:
    """The change a document states: a running total's against the same period of last year
    (against the whole of last year only at year end); a level's against its base."""
    if target.change is None or base is None:
        return None, None
    if target.kind == "cumulative" and on < date(on.year, 12, 31):
        if same_period is None:
            return None, None
        return change_of(figure.actual, same_period, target.change), "period"
    return change_of(figure.actual, base, target.change), "year"


def _reported(target: Target, targets: dict[str, Target], index: RecordIndex, on: date,
              figure: Actual) -> Actual | None:
    """The latest actual figure behind an estimate that counts (đến 31/5 đạt X, ước 6 tháng Y)."""
    if not figure.estimated or not target.numeric:
        return None
    actual = figure_at(target, targets, index, on, actual_only=True)
    return actual if actual is not None and actual.since < figure.since else None


def base_of(target: Target, year: int, last_year: LastYear | None) -> Decimal | None:
    """Last year's figure a change target grows from: its ``base``, else the figure the
    previous year's folder holds for the same id that counts on 31 December."""
    if target.base is not None:
        return target.base
    old_target = last_year.targets.get(target.id) if last_year else None
    if old_target is None:
        return None
    old = figure_at(old_target, last_year.targets, last_year.index, date(year - 1, 12, 31))
    return old.actual if old else None


def _previous(target: Target, figure: Actual, last_year: LastYear | None) -> PreviousYear | None:
    """Last year's figure on the same day as this year's figure (its oldest part's, for a sum)."""
    old_target = last_year.targets.get(target.id) if last_year else None
    if old_target is None or not target.numeric:
        return None
    old = figure_at(old_target, last_year.targets, last_year.index, same_day_last_year(figure.since))
    if old is None:
        return None
    ratio = figure.actual * HUNDRED / old.actual if old.actual else None
    return PreviousYear(old.actual, old.as_of, ratio)


def count_statuses(evaluations: list[Evaluation]) -> dict[str, int]:
    counts = {status: 0 for status in STATUSES}
    for evaluation in evaluations:
        counts[evaluation.status] += 1
    counts["total"] = len(evaluations)
    return counts


def _as_of(record: FigureRecord) -> date:
    return record.as_of
