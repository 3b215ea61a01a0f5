"""Plan occurrences and their status at a date: pure computation, no files.

A task's schedule expands into dated occurrences with stable keys used on the command
line: a listed date (key ``2023-06-15``), each month (``2023-M05``, due at the month's end),
each quarter (``2023-Q2``, due at the quarter's end), each half (``2023-H1``), the year
(``2023``), or, for continuous work, each quarter with no deadline — but a quarter that
ended without evidence is flagged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal, Protocol

from mtcl.core.errors import UserError
from mtcl.core.models import Task
from mtcl.core.numbers import parse_date
from mtcl.core.periods import month_end, quarter_end, quarter_of

TaskStatus = Literal["done", "done_late", "overdue", "due_soon", "upcoming", "continuous"]
TASK_STATUSES: tuple[TaskStatus, ...] = ("done", "done_late", "overdue", "due_soon", "upcoming", "continuous")
DUE_SOON_DAYS = 14


class CompletionLine(Protocol):
    """What the schedule reads of a stored completion (``completions.Completion``)."""

    task: str
    occurrence: str
    done_on: date
    recorded_at: datetime


@dataclass(frozen=True)
class Occurrence:
    key: str
    due: date | None  # None for continuous work
    start: date
    end: date  # the window evidence of continuous work must fall in


@dataclass(frozen=True)
class OccurrenceState:
    task: Task
    occurrence: Occurrence
    status: TaskStatus
    completions: tuple[CompletionLine, ...]
    days_late: int = 0
    missing_evidence: bool = False  # continuous work: the quarter ended with no evidence

    @property
    def done_on(self) -> date | None:
        if not self.completions:
            return None
        dates = [c.done_on for c in self.completions]
        return max(dates) if self.status == "continuous" else min(dates)

    @property
    def is_open(self) -> bool:
        return self.status in ("overdue", "due_soon", "upcoming")


def occurrences(task: Task, year: int) -> list[Occurrence]:
    first = date(year, 1, 1)
    if task.due:
        return [Occurrence(d.isoformat(), d, first, d) for d in sorted(task.due)]
    if task.repeat == "monthly":
        return [Occurrence(f"{year}-M{month:02d}", end, date(year, month, 1), end)
                for month in range(1, 13) for end in [month_end(year, month)]]
    quarters = [(q, date(year, 3 * q - 2, 1), quarter_end(year, q)) for q in range(1, 5)]
    if task.repeat == "quarterly":
        return [Occurrence(f"{year}-Q{q}", end, start, end) for q, start, end in quarters]
    if task.repeat == "continuous":
        return [Occurrence(f"{year}-Q{q}", None, start, end) for q, start, end in quarters]
    if task.repeat == "half-yearly":
        return [
            Occurrence(f"{year}-H1", date(year, 6, 30), first, date(year, 6, 30)),
            Occurrence(f"{year}-H2", date(year, 12, 31), date(year, 7, 1), date(year, 12, 31)),
        ]
    return [Occurrence(str(year), date(year, 12, 31), first, date(year, 12, 31))]


def find_occurrence(task: Task, year: int, key: str) -> Occurrence | None:
    """The occurrence whose key is ``key`` (any case), or whose deadline it is (15/6/2023 or
    2023-06-15 for the occurrence due that day, whatever its key: 2023-M06, 2023-H1…)."""
    wanted = key.strip().casefold()
    try:
        day = parse_date(wanted)
    except UserError:
        day = None  # not a date: a month, a quarter, a half or a year
    return next((o for o in occurrences(task, year) if o.key.casefold() == wanted or (day and o.due == day)), None)


def occurrence_label(occurrence: Occurrence) -> str:
    """How a table names an occurrence: its deadline ('28/02/2023'), or its key with the
    deadline when the key is not the date ('2023-Q1, hạn 31/03'), or the key alone for
    continuous work."""
    if occurrence.due is None:
        return occurrence.key
    if occurrence.key == occurrence.due.isoformat():
        return f"{occurrence.due:%d/%m/%Y}"
    return f"{occurrence.key}, hạn {occurrence.due:%d/%m}"


def default_occurrence(task: Task, year: int, on: date, done_keys: set[str]) -> Occurrence | None:
    """For continuous work, the quarter of ``on``; else the earliest occurrence not done."""
    options = occurrences(task, year)
    if task.repeat == "continuous":
        return options[quarter_of(on) - 1] if on.year == year else None
    return next((o for o in options if o.key not in done_keys), None)


def task_states(
    tasks: Iterable[Task],
    completions: Iterable[CompletionLine],
    year: int,
    as_of: date,
    horizon: int = DUE_SOON_DAYS,
) -> list[OccurrenceState]:
    """Every occurrence of every task, judged at ``as_of`` (later completions do not count)."""
    done: dict[tuple[str, str], list[CompletionLine]] = defaultdict(list)
    for completion in completions:
        if completion.done_on <= as_of:
            done[(completion.task, completion.occurrence)].append(completion)
    states = []
    for task in tasks:
        for occurrence in occurrences(task, year):
            found = tuple(sorted(done.get((task.id, occurrence.key), []), key=lambda c: (c.done_on, c.recorded_at)))
            states.append(_judge(task, occurrence, found, as_of, horizon))
    return states


def _judge(task: Task, occurrence: Occurrence, found: tuple[CompletionLine, ...], as_of: date, horizon: int) -> OccurrenceState:
    if occurrence.due is None:
        missing = not found and as_of > occurrence.end
        return OccurrenceState(task, occurrence, "continuous", found, missing_evidence=missing)
    if found:
        first = found[0].done_on
        late = (first - occurrence.due).days
        return OccurrenceState(task, occurrence, "done" if late <= 0 else "done_late", found, max(late, 0))
    if as_of > occurrence.due:
        return OccurrenceState(task, occurrence, "overdue", found, (as_of - occurrence.due).days)
    status: TaskStatus = "due_soon" if (occurrence.due - as_of).days <= horizon else "upcoming"
    return OccurrenceState(task, occurrence, status, found)


def plan_summary(states: list[OccurrenceState]) -> dict[str, int | Decimal | None]:
    """How many occurrences are in each state; ``due`` those whose deadline has come (done,
    done late or overdue) and ``on_time_share`` the percentage of them done on time."""
    counts: dict[str, int | Decimal | None] = {s: 0 for s in TASK_STATUSES}
    for state in states:
        counts[state.status] += 1
    counts["missing_evidence"] = sum(1 for s in states if s.missing_evidence)
    due = counts["done"] + counts["done_late"] + counts["overdue"]
    counts["due"] = due
    counts["on_time_share"] = Decimal(100 * counts["done"]) / due if due else None
    return counts
