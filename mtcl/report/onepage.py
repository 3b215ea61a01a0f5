"""The one-page status sheet (`mtcl status --format docx|pdf`): the body, the date, every
target with its plan, its latest figure and that figure's date, and the verdict, on one A4
landscape page with the signature of the officer who made it.  Printed for a meeting, pinned
on a board, passed round as a PDF.

Forty targets fit one page as two columns of twenty: each row of the table holds a target
of the first half and one of the second.
"""

from __future__ import annotations

from datetime import date

from mtcl.core.numbers import format_date
from mtcl.core.words import status_counts_text
from mtcl.files.book import Book
from mtcl.report.context import letterhead
from mtcl.usecases.status import YearStatus
from mtcl.usecases.views import TARGET_COLUMNS, pick, row_words

SHEET = pick(TARGET_COLUMNS, ("id", "label", "unit", "plan", "actual", "as_of", "status"))
SIDES = ("a", "b")


def _day(row) -> str:
    """The figure's day and month: the year is the sheet's own."""
    figure = row.evaluation.figure
    return f"{figure.since:%d/%m}" if figure else ""


def sheet_context(book: Book, status: YearStatus, on: date, made_by: str) -> dict:
    """Every target of ``status`` in two halves side by side, with the counts and who made it."""
    rows = [{**row_words(SHEET, row), "as_of": _day(row)} for row in status.rows]
    half = (len(rows) + 1) // 2
    blank = dict.fromkeys((c.key for c in SHEET), "")
    pairs = [{f"{side}_{key}": text for side, row in zip(SIDES, (rows[i], rows[i + half] if i + half < len(rows)
                                                                   else blank)) for key, text in row.items()}
             for i in range(half)]
    return {
        **letterhead(book, on, None),
        "body": book.objectives.issuer.short_name.upper(),
        "title": f"TÌNH HÌNH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM {book.year}",
        "subject": f"Đến ngày {format_date(status.as_of)}",
        "summary": status_counts_text(status.summary).replace(" · ", "; ") + ".",
        "rows": pairs,
        "made_by": made_by,
    }
