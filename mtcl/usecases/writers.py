"""The use cases that write: each builds its entry from the book with its entity's rules
and appends it through the store, then hands back the book as the file now stands.

Ids and default occurrences are given from the file as read under its lock, so two
officers writing at the same moment never get the same action number or tick the same
occurrence.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mtcl.core.actions import (Action, Request, build_closed, build_opened, check_request, check_subject, event_problem,
                          find_action, gather_actions)
from dataclasses import dataclass, replace

from mtcl.files.book import Book, actions_store, completions_store, records_store, with_refs, withdrawals_store
from mtcl.core.completions import REF_PREFIX as COMPLETION_REF
from mtcl.core.completions import Completion, Done, build_completion, completion_problem
from mtcl.core.entries import References, Stamp, Withdrawal, make_ref, ref_key, withdrawal_problem
from mtcl.core.errors import UserError
from mtcl.core.figures import REF_PREFIX as RECORD_REF
from mtcl.core.figures import FigureRecord, record_problem
from mtcl.files.fs import os_problem, portable, printable_path, real_path, regular_file, sha256_of
from mtcl.core.numbers import format_date
from mtcl.files.store import JsonlStore
from mtcl.core.text import clean, typed
from mtcl.core.models import Target, Task
from mtcl.usecases.status import plan_status, year_status


def _referenced(entry, store: JsonlStore, prefix: str, existing: list):
    """``entry`` with its reference, unique among the ``existing`` lines of its file."""
    references = References(e.ref for e in with_refs(existing, store, prefix))
    return replace(entry, ref=references.unique(make_ref(prefix, store.content(entry))))


def add_record(book: Book, record: FigureRecord) -> tuple[Book, FigureRecord]:
    """Store a figure built by ``figures.build_record``; the book with every record the
    file now holds, and the record as stored (with its reference)."""
    store = records_store(book.folder)
    stored = store.append_referenced(record, RECORD_REF, record_problem(book.targets, book.year),
                                     lambda existing: _referenced(record, store, RECORD_REF, existing))
    return book.with_entries(records=[*book.records, stored]), stored


def add_records(book: Book, records: list[FigureRecord]) -> tuple[Book, list[FigureRecord]]:
    """Store several figures in one write, all or none (a department's form).  A file whose
    SHA-256 is already in the records (two officers importing it at once) is refused."""
    store = records_store(book.folder)
    digests = {r.sha256 for r in records if r.sha256}

    def make(existing: list[FigureRecord]) -> list[FigureRecord]:
        if any(r.sha256 in digests for r in existing):
            raise UserError("tệp này vừa được nhập (có thể ở máy khác); không ghi thêm")
        made: list[FigureRecord] = []
        for record in records:
            made.append(_referenced(record, store, RECORD_REF, existing + made))
        return made

    stored = store.append_all(make, record_problem(book.targets, book.year))
    return book.with_entries(records=stored), stored[len(stored) - len(records):]


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

    store = completions_store(book.folder)

    def make(existing: list[Completion]) -> Completion:
        counted = [c for c in with_refs(existing, store, COMPLETION_REF) if c.ref not in book.withdrawn]
        completion = build_completion(task, done, book.year, counted, today, stamp)
        return _referenced(completion, store, COMPLETION_REF, existing)

    completions = store.append(make, completion_problem(book.tasks, book.year))
    return book.with_entries(completions=completions), completions[-1]


def withdraw(book: Book, text: str, reason: str, stamp: Stamp) -> tuple[FigureRecord | Completion, Withdrawal]:
    """Withdraw the figure or completion named by its reference: nothing is deleted, a line
    of withdrawals.jsonl says who withdrew it, when and why."""
    line = book.find_line(text)
    if not clean(reason):
        raise UserError("cần ghi lý do rút (--reason)")

    def make(existing: list[Withdrawal]) -> Withdrawal:
        earlier = next((w for w in existing if ref_key(w.ref) == line.ref), None)
        if earlier is not None:
            raise UserError(f"dòng {line.ref} đã được rút ngày {format_date(earlier.recorded_at.date())} "
                            f"({earlier.by}: {earlier.reason})")
        return Withdrawal(ref=line.ref, reason=typed(reason, "--reason", multiline=True), by=clean(stamp.by),
                          recorded_at=stamp.at)

    withdrawals = withdrawals_store(book.folder).append(make, withdrawal_problem(book.has_line))
    return line, withdrawals[-1]


def open_action(book: Book, subject: Target | Task, request: Request, on: date, today: date,
                stamp: Stamp) -> tuple[Book, Action]:
    """Open a corrective action on what is wrong at ``on`` (today, kept inside the year)."""
    check_request(request, today)
    occurrence = check_subject(subject, request, year_status(book, on).evaluations, plan_status(book, on).states)

    def make(events: list):
        return build_opened(subject, occurrence, request, book.year, events, today, stamp)

    events = actions_store(book.folder).append(make, event_problem(book.targets, book.tasks, book.year))
    book = book.with_entries(action_events=events)
    return book, book.actions[-1]


def close_action(book: Book, text: str, result: str, evidence_text: str | None, effective: bool, today: date,
                 stamp: Stamp) -> Action:
    """Close an open action with its result and the check of its effectiveness."""

    def make(events: list):
        return build_closed(text, result, evidence_text, effective, events, today, stamp)

    events = actions_store(book.folder).append(make, event_problem(book.targets, book.tasks, book.year))
    return find_action(gather_actions(events), text)
