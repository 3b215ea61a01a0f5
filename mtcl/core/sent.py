"""Forms sent to the departments: which form was made, for whom, for which period and when
it is due back (a line of forms.jsonl), so that mtcl can say who has not sent theirs.

A form is named by its reference (``BM-K3Q9ZB7M``), a digest of its line like every
reference mtcl writes; the form carries it in its hidden sheet, and each figure imported
from it keeps it (``FigureRecord.form``).
"""

from __future__ import annotations

import datetime as dt

from pydantic.dataclasses import dataclass

from mtcl.core.entries import ENTRY_CONFIG
from mtcl.core.models import Id, Text

SENT_FILE = "forms.jsonl"
REF_PREFIX = "BM"


@dataclass(kw_only=True, slots=True, frozen=True, config=ENTRY_CONFIG)
class SentForm:
    """One form made for a department (every department when ``owner`` is none)."""

    ref: str | None = None
    owner: Text | None = None
    period: str | None = None  # q1 … year, none for a form of figures to a date
    as_of: dt.date  # the figures' date the form asks for
    return_by: dt.date
    made_on: dt.date
    targets: list[Id]  # the targets it asks for, in its order
    file: str  # the file's name as written
    version: int
    by: Text
    recorded_at: dt.datetime
