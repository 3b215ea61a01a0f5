"""The shapes of the level above's roll-up: each body as summarised, each of its targets as
the province's own table takes it, the shared indicators compared, and what was not
counted with its reason.

They are plain values, small enough to travel back from a worker process and to be kept
for 3.321 bodies at once (a target's line holds its words and numbers, not the target).
``rollup.py`` makes them; ``views.py`` declares their columns and JSON.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from mtcl.core.actions import NEEDS_ACTION
from mtcl.core.attainment import Evaluation
from mtcl.core.models import Indicator

State = Literal["counted", "no_year", "failed"]


@dataclass(frozen=True, slots=True)
class TargetLine:
    """One target of one body at the date: its words and numbers, as a sheet holds them."""

    id: str
    name: str
    unit: str | None
    plan: str
    actual: Decimal | None
    as_of: date | None
    estimated: bool
    status: str
    verdict: str  # the status in words: 'Chậm tiến độ', 'Chưa có số liệu của kỳ'…


@dataclass(frozen=True)
class BodySummary:
    """One body at the date; one without the year asked for (``no_year``); or one whose data
    could not be read (``failed``, with the first error)."""

    folder: str  # where it came from, as shown: a data folder or a bundle
    name: str
    code: str | None = None
    parent: str | None = None  # the level above it, as its files name it
    state: State = "counted"
    named: bool = True  # False when its files could not say its name: the folder's is shown
    kind: Literal["folder", "bundle"] = "folder"
    years: tuple[int, ...] = ()
    year: int | None = None
    as_of: date | None = None
    decision: str | None = None  # '27/QĐ-UBND ngày 01/02/2023', or None when not yet issued
    counts: dict[str, int] = field(default_factory=dict)  # met, on_track, near, behind, not_met, no_data, total
    stale: int = 0
    tasks_done: int = 0
    tasks_overdue: int = 0
    actions_open: int = 0
    actions_overdue: int = 0
    checks: dict[str, bool | None] = field(default_factory=dict)  # internal audit, review: done, not, no task
    indicators: dict[str, Evaluation] = field(default_factory=dict)
    targets: tuple[TargetLine, ...] = ()
    damaged: tuple[str, ...] = ()  # the stored lines left out, 'file:line: message'
    latest: date | None = None  # its latest figure on or before the date
    missing: tuple[str, ...] = ()  # the targets without a figure of the period
    sent: bool = False  # some figure of the period
    updated: datetime | None = None  # when its data last changed: the last line written, or the bundle made
    period: str | None = None  # a bundle's period
    rank: int | None = None
    error: str | None = None

    @property
    def short(self) -> int:
        """Targets that fall short (behind, over pace, near, not met)."""
        return sum(self.counts.get(status, 0) for status in NEEDS_ACTION)

    @property
    def share(self) -> Decimal | None:
        """The share of its targets met, in percent."""
        total = self.counts.get("total")
        return Decimal(100 * self.counts["met"]) / total if total else None

    @property
    def rankable(self) -> bool:
        """Counted with some target judged on a figure: a body that has sent nothing is not
        ranked beside one whose figures fall short."""
        return (self.state == "counted" and self.share is not None
                and self.counts.get("no_data", 0) < self.counts.get("total", 0))

    @property
    def label(self) -> str:
        """The body as a document names it: its name, or the folder it came in when its
        files could not say it."""
        return self.name if self.named else f"thư mục '{self.name}'"


@dataclass(frozen=True)
class SetAside:
    """Something received that is not counted, and why: a folder with no body's data, a
    bundle refused, an older copy of a body counted once (``benign``: nothing is wrong)."""

    folder: str
    reason: str
    benign: bool = False


@dataclass(frozen=True)
class IndicatorRow:
    body: str
    evaluation: Evaluation

    @property
    def actual(self) -> Decimal | None:
        return self.evaluation.actual


@dataclass(frozen=True)
class IndicatorView:
    """Every body's figure of one shared indicator, the best first, and their median."""

    indicator: Indicator
    rows: list[IndicatorRow]

    def ranked(self) -> list[tuple[int | None, IndicatorRow]]:
        """Each row with its rank, 1 for the best; equal figures share a rank; a body
        without a figure has none."""
        ranks: dict[Decimal, int] = {}
        for place, row in enumerate(self.rows, start=1):
            if row.actual is not None:
                ranks.setdefault(row.actual, place)
        return [(ranks.get(row.actual) if row.actual is not None else None, row) for row in self.rows]

    @property
    def median(self) -> Decimal | None:
        figures = [row.actual for row in self.rows if row.actual is not None]
        return statistics.median(figures) if figures else None

    @property
    def met(self) -> int:
        return sum(1 for row in self.rows if row.evaluation.status == "met")


@dataclass(frozen=True)
class Rollup:
    year: int | None
    as_of: date | None
    since: date | None  # the first day of the period whose figures count as sent
    bodies: list[BodySummary]
    indicators: list[IndicatorView]
    set_aside: list[SetAside] = field(default_factory=list)

    @property
    def counted(self) -> list[BodySummary]:
        return [body for body in self.bodies if body.state == "counted"]

    @property
    def failed(self) -> list[BodySummary]:
        return [body for body in self.bodies if body.state == "failed"]

    @property
    def damaged(self) -> list[BodySummary]:
        return [body for body in self.bodies if body.damaged]

    @property
    def not_sent(self) -> list[BodySummary]:
        """The bodies without the year, then those with no figure of the period, then those
        missing some targets' figures of it."""
        late = [body for body in self.bodies if body.state == "no_year"]
        return (late + [body for body in self.counted if not body.sent]
                + [body for body in self.counted if body.sent and body.missing])

    @property
    def refused(self) -> list[SetAside]:
        return [entry for entry in self.set_aside if not entry.benign]

    def ranking(self) -> list[BodySummary]:
        """The bodies counted, the best first: by the share of targets met, then the fewest
        falling short."""
        return sorted((body for body in self.counted if body.rank), key=lambda body: (body.rank, body.name))
