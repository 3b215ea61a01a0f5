"""What every line the tool writes shares: who wrote it and when, its reference, and how a
line is withdrawn.

Each kind of stored line (a figure, a completion, an action event) is a pydantic dataclass
owned by its own module; they are read back in bulk (a province holds hundreds of
thousands of records), so they are slotted and frozen: a quarter of the memory of models,
and three times faster to sort.

A figure or a completion is never deleted: one written by mistake is withdrawn by a line
of ``withdrawals.jsonl`` naming its reference.  The reference (``SL-K3Q9ZB7M`` for a
figure, ``HT-…`` for a completion) is a digest of the line's content, so it never changes
and two clones of the folder agree on it; mtcl writes it into every new line, and works it
out the same way for a line written before references existed.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass as plain_dataclass
from typing import Generic, TypeVar

from pydantic import ConfigDict
from pydantic.dataclasses import dataclass

from mtcl.core.errors import DataError
from mtcl.core.models import Text

ENTRY_CONFIG = ConfigDict(extra="forbid")
WITHDRAWALS_FILE = "withdrawals.jsonl"
REF_LENGTH = 8

E = TypeVar("E")


@plain_dataclass(frozen=True)
class Lines(Generic[E]):
    """The entries of one file the tool writes, in file order, each with its line number
    (so that a rule that finds one wrong can point at it), the lines that could not be read
    (``problems``: a damaged line, a key given twice), and a digest of the bytes they were
    read from (so that a writer can tell whether the file changed since)."""

    file: str
    entries: tuple[E, ...] = ()
    numbers: tuple[int, ...] = ()
    problems: tuple[DataError, ...] = ()
    digest: str | None = None

    def __iter__(self) -> Iterator[E]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def located(self) -> Iterator[tuple[int, E]]:
        return zip(self.numbers, self.entries)

    def error(self, number: int, message: str) -> DataError:
        return DataError(self.file, number, None, message)

    def with_added(self, new: Sequence[E]) -> Lines[E]:
        """These lines and ``new`` after them, numbered on (their file's bytes are no
        longer those the digest was made of)."""
        last = self.numbers[-1] if self.numbers else 0
        return Lines(self.file, (*self.entries, *new), (*self.numbers, *range(last + 1, last + 1 + len(new))))


@plain_dataclass(frozen=True)
class Stamp:
    """Who writes a line and when (UTC, to the second): read at the command line's edge."""

    by: str
    at: dt.datetime


def make_ref(prefix: str, content: bytes) -> str:
    """The reference of a line whose content (without its reference) is ``content``."""
    digest = base64.b32encode(hashlib.sha256(content).digest()).decode("ascii")
    return f"{prefix}-{digest[:REF_LENGTH]}"


class References:
    """Hands out references unique in one file: a line identical to an earlier one (the
    same figure typed twice in the same second) gets the next free ``-2``, ``-3``…"""

    def __init__(self, taken: Iterable[str] = ()):
        self.taken = set(taken)
        self.repeats: dict[str, int] = {}

    def unique(self, ref: str) -> str:
        unique = ref
        while unique in self.taken:
            self.repeats[ref] = self.repeats.get(ref, 1) + 1
            unique = f"{ref}-{self.repeats[ref]}"
        self.taken.add(unique)
        return unique


def ref_key(text: str) -> str:
    """References compare without case or surrounding spaces."""
    return text.strip().upper()


@dataclass(kw_only=True, slots=True, frozen=True, config=ENTRY_CONFIG)
class Withdrawal:
    """A figure or a completion withdrawn (a line of withdrawals.jsonl): it stays in its
    file and in the history, and no longer counts."""

    ref: Text
    reason: Text
    by: Text
    recorded_at: dt.datetime
