"""The tables ``mtcl export`` gives the level above: the status of every target, the plan
occurrence by occurrence, the register of corrective actions — as rows of real values
(numbers, percentages, dates) in the columns of their views, for sheets.py to write as .xlsx
or CSV.  Each names the body and the date it is evaluated at (in its title, or in two last
columns of a CSV), and its default file name says what it is, for which period, and whose."""

from __future__ import annotations

from datetime import date

from mtcl.core.numbers import format_date
from mtcl.files.book import Book
from mtcl.report.sheets import Table, table_of
from mtcl.usecases.forms import slug, when_slug
from mtcl.usecases.status import PlanStatus, YearStatus
from mtcl.usecases.views import OCCURRENCE_COLUMNS, TARGET_COLUMNS, action_columns, pick

EXPORTS = ("status", "plan", "actions")
STATUS_SHEET = ("id", "objective", "group", "name", "unit", "owner", "plan", "plan_value", "actual", "attainment",
                "status", "as_of", "estimated", "stale", "previous")
PLAN_SHEET = ("id", "work", "lead", "partners", "timing", "occurrence", "due", "status", "done_on", "days_late",
              "evidence")
ACTIONS_SHEET = ("id", "opened_on", "subject", "occurrence", "problem", "cause", "action", "owner", "due", "state",
                 "closed_on", "result", "evidence", "effective")
# Each export's file name and sheet tab, in Vietnamese.
NAMES = {"status": ("tinh-hinh-chi-tieu", "Chỉ tiêu"), "plan": ("ke-hoach", "Kế hoạch"),
         "actions": ("so-hanh-dong-khac-phuc", "Sổ HĐKP")}


def export_table(kind: str, book: Book, status: YearStatus, plan: PlanStatus) -> Table:
    """The table ``kind`` of the year at the date ``status`` and ``plan`` were made for."""
    body, tab = book.objectives.issuer.short_name, NAMES[kind][1]
    if kind == "status":
        return table_of(f"Thực hiện MTCL năm {book.year} đến ngày {format_date(status.as_of)}",
                        pick(TARGET_COLUMNS, STATUS_SHEET), status.rows, body, status.as_of, tab)
    if kind == "plan":
        return table_of(f"Kế hoạch thực hiện MTCL năm {book.year} đến ngày {format_date(plan.as_of)}",
                        pick(OCCURRENCE_COLUMNS, PLAN_SHEET), plan.states, body, plan.as_of, tab)
    return table_of(f"Sổ theo dõi hành động khắc phục năm {book.year} đến ngày {format_date(status.as_of)}",
                    pick(action_columns(status.as_of), ACTIONS_SHEET), book.actions, body, status.as_of, tab)


def export_name(kind: str, book: Book, period: str | None, on: date, suffix: str) -> str:
    """'tinh-hinh-chi-tieu-6-thang-2023-ubnd-xa-giang-hai.xlsx': what, when, whose."""
    return f"{NAMES[kind][0]}-{when_slug(period, on)}-{book.year}-{slug(book.objectives.issuer.short_name)}.{suffix}"
