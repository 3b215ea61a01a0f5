"""Reporting periods of a year (q1..q4, h1, 9m, year), the share of the year elapsed, and
the date a view is judged at."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

from mtcl.core.errors import UserError

PERIODS = ("q1", "q2", "q3", "q4", "h1", "9m", "year")

PERIOD_NAMES = {
    "q1": "quý I năm",
    "q2": "quý II năm",
    "q3": "quý III năm",
    "q4": "quý IV năm",
    "h1": "6 tháng đầu năm",
    "9m": "9 tháng đầu năm",
    "year": "năm",
}

# Parts of file names: bao-cao-mtcl-6-thang-2023.docx.
PERIOD_SLUGS = {"h1": "6-thang", "9m": "9-thang", "year": "nam", "q1": "quy-1", "q2": "quy-2", "q3": "quy-3",
                "q4": "quy-4"}


def period_phrase(period: str, year: int) -> str:
    """'6 tháng đầu năm 2023', 'quý I năm 2023', 'năm 2023'."""
    return f"{PERIOD_NAMES[period]} {year}"


def check_period(period: str) -> str:
    key = period.strip().lower()
    if key not in PERIODS:
        raise UserError(f"kỳ '{period}' không hợp lệ", f"chọn một trong: {', '.join(PERIODS)}")
    return key


def quarter_end(year: int, quarter: int) -> date:
    if quarter == 4:
        return date(year, 12, 31)
    return date(year, 3 * quarter + 1, 1) - timedelta(days=1)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def period_end(year: int, period: str) -> date:
    key = check_period(period)
    if key == "year":
        return date(year, 12, 31)
    if key == "h1":
        return date(year, 6, 30)
    if key == "9m":
        return date(year, 9, 30)
    return quarter_end(year, int(key[1]))


def elapsed_share(day: date) -> Decimal:
    """The share of the year gone by at the end of ``day`` (1 January → 1/365)."""
    start = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - start).days
    return Decimal((day - start).days + 1) / Decimal(length)


def same_day_last_year(day: date) -> date:
    """The comparison date for "so với cùng kỳ"; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return date(day.year - 1, 2, 28)


def plan_window(year: int) -> tuple[date, date]:
    """The days work of a year's plan can be done on: from October before it (a plan is
    prepared in the last quarter, "Tháng 12/2022 – Quý I/2023") to March after it (the
    year's last reports)."""
    return date(year - 1, 10, 1), date(year + 1, 3, 31)


def check_in_window(day: date, year: int, what: str) -> None:
    """Refuse a date far from the plan's year (a typo: 1/3/2013 for 1/3/2023)."""
    first, last = plan_window(year)
    if not first <= day <= last:
        raise UserError(f"{what} {day:%d/%m/%Y} nằm ngoài thời gian của kế hoạch năm {year} "
                        f"(từ {first:%d/%m/%Y} đến {last:%d/%m/%Y})", "kiểm tra lại năm đã gõ")


def within_year(year: int, day: date) -> date:
    """``day`` kept inside ``year``: a view of 2023 opened in 2026 is judged at 31/12/2023."""
    return min(max(day, date(year, 1, 1)), date(year, 12, 31))


def evaluation_date(year: int, today: date, as_of: date | None = None, period: str | None = None) -> date:
    """``as_of``, else the period's end, else today kept inside the year."""
    if as_of is not None:
        return as_of
    if period is not None:
        return period_end(year, period)
    return within_year(year, today)
