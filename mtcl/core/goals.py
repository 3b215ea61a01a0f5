"""What a target aims at, in its own unit, and how far along the year it should be.

A target's plan is a figure (≥ 1.936,49 tấn), a range (từ 14 đến 15%), or a change on last
year (tăng 8%): then the goal in the target's unit is the base (last year's figure) grown
by the plan.  A cumulative target is expected to move along a curve: from 0 on 1 January to
its goal on 31 December, straight between the milestones its plan gives (seasonal
harvests, revenue collected unevenly), or straight through the year without them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from mtcl.core.models import Target
from mtcl.core.periods import period_end

HUNDRED = Decimal(100)


def goal(target: Target, base: Decimal | None = None) -> tuple[Decimal, Decimal] | None:
    """The plan as (low, high) in the target's unit; for a change target, the base grown by
    the planned change (none without a base)."""
    low, high = target.bounds
    if target.change is None:
        return low, high
    if base is None:
        return None
    return base * (1 + low / HUNDRED), base * (1 + high / HUNDRED)


def change_of(actual: Decimal, base: Decimal) -> Decimal | None:
    """The change on last year, in %: 'tăng 6,2%' is 6.2; none when last year was 0."""
    return (actual / base - 1) * HUNDRED if base else None


def curve(target: Target, year: int, planned: Decimal) -> list[tuple[int, Decimal]]:
    """The points (days elapsed at the end of a day, value) a cumulative target should
    pass: 0 before the year, each milestone at its period's end, ``planned`` at its end."""
    days = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    points = [(0, Decimal(0))]
    for key, value in sorted(target.milestones.items(), key=lambda item: period_end(year, item[0])):
        points.append(((period_end(year, key) - date(year, 1, 1)).days + 1, value))
    points.append((days, planned))
    return points


def expected_progress(target: Target, day: date, planned: Decimal) -> Decimal:
    """Where a cumulative target aiming at ``planned`` should stand at the end of ``day``."""
    elapsed = (day - date(day.year, 1, 1)).days + 1
    points = curve(target, day.year, planned)
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if elapsed <= x1:
            return y0 + (y1 - y0) * Decimal(elapsed - x0) / Decimal(x1 - x0)
    return planned
