"""What a target aims at, in its own unit, and where along the year it should stand.

A target's plan is a figure (≥ 1.936,49 tấn), a range (14–15%: at least 14, aiming at 15, or
a two-sided band with ``between``), a change on last year (tăng 8%, giảm 1,5 điểm), or a
share of a figure given during the year (105% dự toán): the goal in the target's unit is
worked out from the base or the reference.  A target judged on its pace is expected to move
along a line: from 0 at the start of 1 January to its goal on 31 December, straight between
the milestones its plan gives (seasonal harvests, a disbursement rate reached step by step),
or, for a change on last year whose same period last year is known, that figure grown by
the plan.  A figure says nothing of the pace of a period it is too old for: the three
months that end at the evaluation date are the period it must fall in.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

from mtcl.core.models import Target
from mtcl.core.periods import month_end, period_end

HUNDRED = Decimal(100)


def goal(target: Target, base: Decimal | None = None, reference: Decimal | None = None) -> tuple[Decimal, Decimal] | None:
    """The plan as (low, high) in the target's unit; none for a change without its base or a
    share of a figure not given yet."""
    low, high = target.bounds
    if target.share_of:
        return None if reference is None else (reference * low / HUNDRED, reference * high / HUNDRED)
    if target.change is None:
        return low, high
    if base is None:
        return None
    if target.change == "points":
        return base + low, base + high
    return base * (1 + low / HUNDRED), base * (1 + high / HUNDRED)


def goal_end(target: Target, aims: tuple[Decimal, Decimal]) -> Decimal:
    """The end of the goal the pace leads to: its low end (at least it), or for what should
    stay low, its high end (at most it)."""
    return aims[1] if target.less_is_better else aims[0]


def plan_end(target: Target) -> Decimal:
    """The plan's own number at that end (for a change, the change)."""
    low, high = target.bounds
    return high if target.less_is_better else low


def change_of(actual: Decimal, base: Decimal, how: str = "percent") -> Decimal | None:
    """The change on last year: in % ('tăng 6,2%' is 6.2; none when last year was 0), or in
    the target's own unit for points ('giảm 1,5 điểm' is -1.5)."""
    if how == "points":
        return actual - base
    return (actual / base - 1) * HUNDRED if base else None


def measure(target: Target, actual: Decimal, base: Decimal | None, reference: Decimal | None) -> Decimal:
    """The figure in the unit of the plan: itself, its change on the base, or its share of
    the reference (what ``near_from`` is compared with)."""
    if target.share_of:
        return actual * HUNDRED / reference if reference else Decimal(0)
    if target.change is None:
        return actual
    changed = change_of(actual, base, target.change) if base is not None else None
    return changed if changed is not None else Decimal(0)


def milestone_end(year: int, key: str) -> date:
    """The last day of a milestone's period: q1 31/3, h1 30/6, 9m 30/9, m5 31/5."""
    if key.startswith("m"):
        return month_end(year, int(key[1:]))
    return period_end(year, key)


def day_of_year(day: date) -> int:
    """Days elapsed at the end of ``day`` (1 January → 1)."""
    return (day - date(day.year, 1, 1)).days + 1


def days_in(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


def curve(target: Target, year: int, end: Decimal) -> list[tuple[int, Decimal]]:
    """The points (days elapsed, value) the target should pass: 0 at the start of the year,
    each milestone at the end of its period's last day, ``end`` at the end of the year."""
    points = [(0, Decimal(0))]
    for key, value in sorted(target.milestones.items(), key=lambda item: milestone_end(year, item[0])):
        points.append((day_of_year(milestone_end(year, key)), value))
    points.append((days_in(year), end))
    return points


def expected_at(target: Target, day: date, end: Decimal, same_period: Decimal | None = None) -> Decimal:
    """Where the target should stand at the end of ``day`` on its way to ``end``: on the line
    through its milestones; else, for a change on last year whose figure of the same day last
    year is known, that figure grown by the plan; else the share of the year gone by."""
    elapsed = day_of_year(day)
    if target.milestones:
        points = curve(target, day.year, end)
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if elapsed <= x1:
                return y0 + (y1 - y0) * Decimal(elapsed - x0) / Decimal(x1 - x0)
        return end
    if same_period is not None and target.change == "percent":
        return same_period * (1 + plan_end(target) / HUNDRED)
    return end * Decimal(elapsed) / Decimal(days_in(day.year))


def months_back(day: date, months: int) -> date:
    """``day`` moved back ``months`` months: a month's last day to a month's last day, any
    other day to the same number (kept inside the shorter month)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return date(year, month, last)
    return date(year, month, min(day.day, last))


PERIOD_MONTHS = 3  # a figure older than these months before the date says nothing of its pace


def period_start(on: date) -> date:
    """The first day of the three months that end at ``on``: 30/06 → 01/04, 15/08 → 16/05."""
    return months_back(on, PERIOD_MONTHS) + timedelta(days=1)


def period_ends(year: int, every: str) -> list[date]:
    """The ends of the months, quarters or halves of the year."""
    step = {"month": 1, "quarter": 3, "half": 6}[every]
    return [month_end(year, month) for month in range(step, 13, step)]


def period_name(every: str, end: date) -> str:
    """'tháng 9', 'quý III', '6 tháng cuối năm': the period of a plan for each that ends on ``end``."""
    if every == "month":
        return f"tháng {end.month}"
    if every == "quarter":
        return f"quý {('I', 'II', 'III', 'IV')[(end.month - 1) // 3]}"
    return "6 tháng đầu năm" if end.month <= 6 else "6 tháng cuối năm"
