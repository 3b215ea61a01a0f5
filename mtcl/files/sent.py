"""The file of forms sent (forms.jsonl in the year's folder): read, and appended to under
its lock like every file the tool writes (``store.JsonlStore``)."""

from __future__ import annotations

from pathlib import Path

from mtcl.core.entries import Lines
from mtcl.core.errors import DataErrors
from mtcl.core.sent import REF_PREFIX, SENT_FILE, SentForm
from mtcl.files.store import JsonlStore


def sent_store(folder: Path) -> JsonlStore[SentForm]:
    return JsonlStore(folder / SENT_FILE, SentForm, REF_PREFIX)


def sent_forms(folder: Path) -> list[SentForm]:
    """Every form made for the year whose folder is ``folder``, oldest first (none when no
    form was made); a damaged line is an error naming it.  The calendar reads the return
    dates from here."""
    lines = sent_store(folder).read()
    if lines.problems:
        raise DataErrors(list(lines.problems))
    return list(lines)


def with_refs(folder: Path, forms: list[SentForm]) -> list[SentForm]:
    """``forms`` with the references they will have once stored (so that each file can carry
    its reference before it is written)."""
    store = sent_store(folder)
    return store.referenced(store.read(), forms)


def add_sent(folder: Path, forms: list[SentForm]) -> Lines[SentForm]:
    """Store the forms made, in one write."""
    lines, _ = sent_store(folder).add(lambda _: forms)
    return lines
