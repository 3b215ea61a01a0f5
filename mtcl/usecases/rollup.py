"""The level above: one overview of many bodies' folders.

A district or a province's department collects its communes' mtcl folders and asks the
same questions every half-year: has each body issued its objectives and plan, how many
targets are met, what is overdue, are the internal audit and the management review done,
which corrective actions are open, and how the bodies compare on the indicators they share.
``rollup`` answers them from the folders as they are: a folder that does not load is listed
with its first error and the others are still summarised.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from mtcl.core.actions import NEEDS_ACTION
from mtcl.core.attainment import Evaluation
from mtcl.core.errors import DataErrors, UserError
from mtcl.core.models import Catalogue, Indicator
from mtcl.files.book import YEAR_NAME, open_year
from mtcl.files.fs import display_path
from mtcl.usecases.status import plan_status, year_status

DONE = ("done", "done_late")
YEARLY_CHECKS = {"internal_audit": "ĐGNB", "management_review": "XXLĐ"}


@dataclass(frozen=True)
class BodySummary:
    """One body at the date, or the reason its folder could not be read."""

    folder: str
    name: str
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
    error: str | None = None

    @property
    def short(self) -> int:
        """Targets that fall short (behind, over pace, near, not met)."""
        return sum(self.counts.get(status, 0) for status in NEEDS_ACTION)

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


@dataclass(frozen=True)
class Rollup:
    bodies: list[BodySummary]
    indicators: list[IndicatorView]

    @property
    def failed(self) -> list[BodySummary]:
        return [body for body in self.bodies if body.error]


def data_folders(paths: list[Path]) -> list[Path]:
    """The bodies' data folders: each path that holds year folders, else each folder inside
    it that does (directly, or in its data/ folder, as a body's own repository has it)."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            raise UserError(f"không có thư mục '{display_path(path)}'")
        if _is_data(path):
            found.append(path)
            continue
        inside = []
        for child in sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")):
            if _is_data(child):
                inside.append(child)
            elif _is_data(child / "data"):
                inside.append(child / "data")
        if not inside:
            raise UserError(f"'{display_path(path)}' không có thư mục dữ liệu nào (thư mục có năm như 2023/)")
        found += inside
    return found


def _is_data(path: Path) -> bool:
    return path.is_dir() and any(YEAR_NAME.fullmatch(p.name) and p.is_dir() for p in path.iterdir())


def summarise_body(folder: Path, year: int | None, when: Callable[[int], date], codes: set[str]) -> BodySummary:
    """One body's summary at ``when(year)``; a folder that does not load gives its first error."""
    shown = display_path(folder)
    try:
        book = open_year(folder, year, last_year=True)
    except DataErrors as exc:
        return BodySummary(shown, _name_of(folder), error=str(exc.errors[0]))
    except UserError as exc:
        return BodySummary(shown, _name_of(folder), error=exc.message)
    on = when(book.year)
    status = year_status(book, on)
    plan = plan_status(book, on)
    decision = book.objectives.decision
    issued = f"{decision.number} ngày {decision.date:%d/%m/%Y}" if decision.number and decision.date else None
    checks = {}
    for kind in YEARLY_CHECKS:
        states = [s for s in plan.states if s.task.kind == kind]
        checks[kind] = any(s.status in DONE for s in states) if states else None
    return BodySummary(
        folder=shown, name=book.objectives.issuer.short_name, year=book.year, as_of=on, decision=issued,
        counts=dict(status.summary), stale=sum(1 for e in status.evaluations if e.stale),
        tasks_done=sum(1 for s in plan.states if s.status in DONE),
        tasks_overdue=sum(1 for s in plan.states if s.status == "overdue"),
        actions_open=sum(1 for a in book.actions if a.is_open),
        actions_overdue=sum(1 for a in book.actions if a.state(on) == "overdue"),
        checks=checks,
        indicators={e.target.indicator: e for e in status.evaluations if e.target.indicator in codes},
    )


def _name_of(folder: Path) -> str:
    """A broken folder's name as best it can be told: its body's folder's name."""
    return (folder.parent.name if folder.name == "data" else folder.name) or str(folder)


def rollup(paths: list[Path], year: int | None, when: Callable[[int], date], catalogue: Catalogue) -> Rollup:
    codes = {indicator.code for indicator in catalogue.indicators}
    bodies = [summarise_body(folder, year, when, codes) for folder in data_folders(paths)]
    views = []
    for indicator in catalogue.indicators:
        rows = [IndicatorRow(body.name, body.indicators[indicator.code]) for body in bodies
                if indicator.code in body.indicators]
        known = sorted((r for r in rows if r.actual is not None), key=lambda r: r.actual,
                       reverse=indicator.better == "higher")
        views.append(IndicatorView(indicator, known + [r for r in rows if r.actual is None]))
    return Rollup(bodies, views)


def catalogue_beside(paths: list[Path]) -> Path | None:
    """An indicators.yaml in one of the folders given, or in the folder above one."""
    for path in paths:
        for folder in (path, path.parent):
            if (folder / "indicators.yaml").is_file():
                return folder / "indicators.yaml"
    return None

