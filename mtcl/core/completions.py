"""Completions: a plan task's occurrence done, what the officer types for it, the line it
becomes in completions.jsonl, and the rules both obey.

A completion keeps its evidence as text (the document's number and title) and, when a file
is named, its path and SHA-256, so the record shows which file it was; the file itself is
never copied or changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass as plain_dataclass
from datetime import date

from pydantic.dataclasses import dataclass

from mtcl.core.entries import ENTRY_CONFIG, Stamp
from mtcl.core.errors import UserError
from mtcl.core.models import Id, Task, Text
from mtcl.core.periods import check_in_window
from mtcl.core.schedule import default_occurrence, find_occurrence, occurrences
from mtcl.core.text import clean, typed

COMPLETIONS_FILE = "completions.jsonl"
REF_PREFIX = "HT"


@dataclass(kw_only=True, slots=True, frozen=True, config=ENTRY_CONFIG)
class Completion:
    """One occurrence of a plan task done, with its evidence (a line of completions.jsonl)."""

    ref: str | None = None  # written by mtcl; worked out for lines written before (entries.py)
    task: Id
    occurrence: Text
    done_on: dt.date
    evidence: Text
    file: str | None = None
    sha256: str | None = None
    by: Text
    recorded_at: dt.datetime


@plain_dataclass
class Done:
    """What the officer typed for ``mtcl done``; a named file is already hashed."""

    evidence: str
    occurrence: str | None = None
    done_on: date | None = None
    file: str | None = None
    sha256: str | None = None


def occurrence_keys(task: Task, year: int) -> str:
    return ", ".join(o.key for o in occurrences(task, year))


def build_completion(task: Task, done: Done, year: int, existing: list[Completion], today: date,
                     stamp: Stamp) -> Completion:
    """The completion of ``done``; without an occurrence, the earliest one not done among
    ``existing`` (read under the lock, so two officers cannot tick the same one)."""
    done_on = done.done_on or today
    if done_on > today:
        raise UserError(f"ngày hoàn thành {done_on:%d/%m/%Y} chưa tới")
    check_in_window(done_on, year, "ngày hoàn thành")
    if not done.evidence.strip():
        raise UserError("cần ghi minh chứng (--evidence): số, ký hiệu và tên văn bản")
    if done.occurrence is not None:
        occurrence = find_occurrence(task, year, done.occurrence)
        if occurrence is None:
            raise UserError(f"nhiệm vụ {task.id} không có lần thực hiện '{done.occurrence}'",
                            f"các lần: {occurrence_keys(task, year)}")
    else:
        done_keys = {c.occurrence for c in existing if c.task == task.id}
        occurrence = default_occurrence(task, year, done_on, done_keys)
        if occurrence is None:
            raise UserError(
                f"nhiệm vụ {task.id} không còn lần thực hiện nào mở",
                f"để bổ sung minh chứng, chỉ rõ --occurrence (các lần: {occurrence_keys(task, year)})",
            )
    return Completion(
        task=task.id,
        occurrence=occurrence.key,
        done_on=done_on,
        evidence=typed(done.evidence, "--evidence"),
        file=done.file,
        sha256=done.sha256,
        by=clean(stamp.by),
        recorded_at=stamp.at,
    )
