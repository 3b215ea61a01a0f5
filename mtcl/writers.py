"""The use cases that write: each builds its entry from the book with its entity's rules
and appends it through the store, then hands back the book as the file now stands.

Ids and default occurrences are given from the file as read under its lock, so two
officers writing at the same moment never get the same action number or tick the same
occurrence.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mtcl.actions import (Action, Request, build_closed, build_opened, check_request, check_subject, event_problem,
                          find_action, gather_actions)
from mtcl.book import Book, actions_store, completions_store, records_store
from mtcl.completions import Completion, Done, build_completion, completion_problem
from mtcl.entries import Stamp
from mtcl.errors import UserError
from mtcl.figures import FigureRecord, record_problem
from mtcl.files import sha256_of
from mtcl.models import Target, Task
from mtcl.status import plan_status, year_status


def add_record(book: Book, record: FigureRecord) -> Book:
    """Store a figure built by ``figures.build_record``; the book with every record the
    file now holds."""
    records = records_store(book.folder).append(lambda _: record, record_problem(book.targets, book.year))
    return book.with_entries(records=records)


def evidence(book: Book, file: Path) -> tuple[str, str]:
    """The evidence file as stored: its path (relative to the folder above the data folder
    when it lies inside it) and its SHA-256."""
    if not file.is_file():
        raise UserError(f"không tìm thấy tệp minh chứng '{file}'")
    digest = sha256_of(file)
    resolved = file.resolve()
    root = book.root.resolve()
    shown = resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else str(resolved)
    return shown, digest


def add_completion(book: Book, task: Task, done: Done, today: date, stamp: Stamp) -> tuple[Book, Completion]:
    """Store a completion of ``task``; its default occurrence is chosen under the lock."""

    def make(existing: list[Completion]) -> Completion:
        return build_completion(task, done, book.year, existing, today, stamp)

    completions = completions_store(book.folder).append(make, completion_problem(book.tasks, book.year))
    return book.with_entries(completions=completions), completions[-1]


def open_action(book: Book, subject: Target | Task, request: Request, on: date, today: date,
                stamp: Stamp) -> tuple[Book, Action]:
    """Open a corrective action on what is wrong at ``on`` (today, kept inside the year)."""
    check_request(request, today)
    occurrence = check_subject(subject, request, year_status(book, on).evaluations, plan_status(book, on).states)

    def make(events: list):
        return build_opened(subject, occurrence, request, book.year, events, today, stamp)

    events = actions_store(book.folder).append(make, event_problem(book.targets, book.tasks))
    book = book.with_entries(action_events=events)
    return book, book.actions[-1]


def close_action(book: Book, text: str, result: str, evidence_text: str | None, effective: bool, today: date,
                 stamp: Stamp) -> Action:
    """Close an open action with its result and the check of its effectiveness."""

    def make(events: list):
        return build_closed(text, result, evidence_text, effective, events, today, stamp)

    events = actions_store(book.folder).append(make, event_problem(book.targets, book.tasks))
    return find_action(gather_actions(events), text)
