"""The use cases that write: each builds its entries from the book with its entity's rules
and appends them to their file, then hands back the book as the file now stands.

Every write goes through ``_append``: under the file's lock, the entries are built from the
file as it stands (so two officers writing at the same moment never get the same action
number or tick the same occurrence), the year they would make is checked with the year's
rules (``core.checks``, the same list ``open_year`` runs), and only a year without a
problem is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from mtcl.core.actions import (Action, ActionClosed, Request, build_closed, build_opened, check_request, check_subject,
                               find_action)
from mtcl.core.completions import Completion, Done, build_completion
from mtcl.core.entries import Lines, Stamp, Withdrawal, ref_key
from mtcl.core.errors import DataErrors, UserError
from mtcl.core.figures import FigureRecord
from mtcl.core.models import Target, Task
from mtcl.core.numbers import format_date
from mtcl.core.text import clean, typed
from mtcl.files.book import Book, store_of
from mtcl.files.fs import os_problem, portable, printable_path, real_path, regular_file, sha256_of
from mtcl.usecases.status import plan_status, year_status


def _append(book: Book, field: str, build: Callable[[Lines], Sequence]) -> tuple[Book, list]:
    """Append what ``build`` makes of the file's lines (``field`` names the book's lines of
    that file) when the year it makes breaks none of the year's rules; the book as the file
    now stands, and the new entries (each with its reference)."""
    store = store_of(book.folder, field)

    def make(lines: Lines) -> list:
        new = store.referenced(lines, build(lines))
        problems = replace(book, **{field: lines.with_added(new)}).problems()
        if problems:
            raise DataErrors(problems)
        return new

    lines, new = store.add(make, known=getattr(book, field))
    return replace(book, **{field: lines}), new


def add_records(book: Book, records: list[FigureRecord]) -> tuple[Book, list[FigureRecord]]:
    """Store figures built by ``figures.build_record`` in one write, all or none: one typed,
    or a department's form.  A form whose SHA-256 is already in the records (two officers
    importing it at once) is refused."""
    digests = {r.sha256 for r in records if r.sha256}

    def build(lines: Lines[FigureRecord]) -> list[FigureRecord]:
        if digests and any(r.sha256 in digests for r in lines):
            raise UserError("tệp này vừa được nhập (có thể ở máy khác); không ghi thêm")
        return records

    return _append(book, "record_lines", build)


@dataclass(frozen=True)
class Evidence:
    """An evidence file as a completion stores it."""

    path: str  # with '/', relative to the folder above the data folder when inside it
    sha256: str
    warning: str | None = None  # what the officer should know about how it was stored


def evidence(book: Book, file: Path) -> Evidence:
    """Hash the evidence file (before any lock is taken: a large scan takes time) and say
    how its path is stored.  The folder above the data folder is the one the README has
    put under version control, so a path relative to it stays true in every clone."""
    shown = printable_path(file)
    regular_file(file, "tệp minh chứng", "chỉ rõ tệp văn bản, bản quét (.pdf, .docx…)")
    try:
        digest = sha256_of(file)
    except OSError as exc:
        raise UserError(f"không đọc được tệp minh chứng '{shown}': {os_problem(exc)}") from None
    base = book.root.parent
    try:
        relative = real_path(file).relative_to(real_path(base))
    except ValueError:
        return Evidence(portable(file), digest,
                        f"tệp minh chứng nằm ngoài thư mục '{printable_path(base)}' (thư mục đưa vào git): "
                        f"lưu đường dẫn như đã gõ, '{portable(file)}'")
    warning = None if printable_path(relative) == str(relative) else \
        f"tên tệp minh chứng có byte không phải UTF-8: lưu là '{portable(relative)}'"
    return Evidence(portable(relative), digest, warning)


def add_completion(book: Book, task: Task, done: Done, today: date, stamp: Stamp) -> tuple[Book, Completion]:
    """Store a completion of ``task``; its default occurrence is chosen under the lock."""

    def build(lines: Lines[Completion]) -> list[Completion]:
        counted = [c for c in lines if c.ref not in book.withdrawn]
        return [build_completion(task, done, book.year, counted, today, stamp)]

    book, (completion,) = _append(book, "completion_lines", build)
    return book, completion


def withdraw(book: Book, text: str, reason: str, stamp: Stamp) -> tuple[FigureRecord | Completion | ActionClosed,
                                                                      Withdrawal]:
    """Withdraw the figure, completion or closing of an action named by its reference:
    nothing is deleted, a line of withdrawals.jsonl says who withdrew it, when and why."""
    line = book.find_line(text)
    if not clean(reason):
        raise UserError("cần ghi lý do rút (--reason)")

    def build(lines: Lines[Withdrawal]) -> list[Withdrawal]:
        earlier = next((w for w in lines if ref_key(w.ref) == line.ref), None)
        if earlier is not None:
            raise UserError(f"dòng {line.ref} đã được rút ngày {format_date(earlier.recorded_at.date())} "
                            f"({earlier.by}: {earlier.reason})")
        return [Withdrawal(ref=line.ref, reason=typed(reason, "--reason", multiline=True), by=clean(stamp.by),
                           recorded_at=stamp.at)]

    _, (withdrawal,) = _append(book, "withdrawal_lines", build)
    return line, withdrawal


def open_action(book: Book, subject: Target | Task, request: Request, on: date, today: date,
                stamp: Stamp) -> tuple[Book, Action]:
    """Open a corrective action on what is wrong at ``on`` (today, kept inside the year)."""
    check_request(request, today)
    occurrence = check_subject(subject, request, year_status(book, on).evaluations, plan_status(book, on).states)

    def build(lines: Lines) -> list:
        return [build_opened(subject, occurrence, request, book.year, list(lines), today, stamp)]

    book, _ = _append(book, "event_lines", build)
    return book, book.actions[-1]


def close_action(book: Book, text: str, result: str, evidence_text: str | None, effective: bool, today: date,
                 stamp: Stamp) -> Action:
    """Close an open action with its result and the check of its effectiveness."""

    def build(lines: Lines) -> list:
        return [build_closed(text, result, evidence_text, effective, list(lines), today, stamp, book.withdrawn)]

    book, _ = _append(book, "event_lines", build)
    return find_action(book.actions, text)
