"""``mtcl status``: where the year stands, target by target, at a date."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Optional

import typer

from mtcl.files.book import open_year
from mtcl.cli.base import (AsOfOption, DataOption, JsonOption, OwnerOption, PeriodOption, YearOption, command, console,
                           data_folder, print_json, styled, table, when)
from mtcl.core.attainment import STALE_DAYS
from mtcl.core.numbers import format_percent
from mtcl.usecases.status import PlanStatus, TargetRow, YearStatus, plan_status, year_status
from mtcl.core.words import actual_text, percent_text, plan_text, status_counts_text, status_words

COLOURS = {
    "met": "green",
    "near": "yellow",
    "on_track": "cyan",
    "behind": "red",
    "not_met": "red",
    "no_data": "bright_black",
}
BAR_WIDTH = 5
WIDE = 100  # columns from which the table has room for the attainment bars
FLAG = "⚑"


@command("status", help="Tình hình thực hiện các chỉ tiêu tại một ngày.")
def status(
    ids: Annotated[Optional[list[str]], typer.Argument(metavar="[MÃ]...", help="Chỉ xem các chỉ tiêu này.")] = None,
    objective: Annotated[Optional[int], typer.Option("--objective", help="Chỉ xem một mục tiêu (1..9).")] = None,
    owner: OwnerOption = None,
    as_of: AsOfOption = None,
    period: PeriodOption = None,
    data: DataOption = None,
    year: YearOption = None,
    as_json: JsonOption = False,
) -> None:
    book = open_year(data_folder(data), year, last_year=True)
    result = year_status(book, when(book.year, as_of, period))
    shown = result.select(book, ids, objective, owner)
    if as_json:
        print_json(result.json(shown))
        return
    print_table(result, shown, plan_status(book, result.as_of))


def print_table(result: YearStatus, shown: list[TargetRow], plan: PlanStatus) -> None:
    out = console()
    bars = out.width >= WIDE  # in a narrow window the attainment is a figure without its bar
    grid = table(f"Thực hiện Mục tiêu chất lượng năm {result.year} — đến ngày {result.as_of:%d/%m/%Y}",
                 narrow=not bars)
    grid.add_column("Mã", no_wrap=True)
    grid.add_column("Chỉ tiêu", min_width=14, ratio=1)
    for heading in ("Kế hoạch", "Thực hiện"):
        grid.add_column(heading, justify="right", min_width=8)
    grid.add_column("So với KH" if bars else "% KH", no_wrap=True, justify="left" if bars else "right")
    compare = any(row.evaluation.previous for row in shown)
    if compare:
        grid.add_column("Cùng kỳ", justify="right", no_wrap=True)
    grid.add_column("Đánh giá", min_width=8)
    grid.add_column("Ngày", no_wrap=True)
    current = None
    group = None
    for row in shown:
        if row.target.objective != current and grid.row_count:
            grid.add_section()
        if row.target.group and (row.target.objective, row.target.group) != group:
            grid.add_row("", styled(row.target.group, "bold"))
        current, group = row.target.objective, (row.target.objective, row.target.group)
        grid.add_row(*cells(row, compare, bars))
    out.print(grid)
    out.print(status_counts_text(result.summary))
    stale = sum(1 for row in shown if row.evaluation.stale)
    if stale:
        out.print(styled(f"* {stale} chỉ tiêu có số liệu cũ hơn {STALE_DAYS} ngày (ngày ghi là ngày của số liệu)",
                         "yellow"))
    missing = result.without_action
    if missing:
        out.print(styled(f"{FLAG} {len(missing)} chỉ tiêu chưa đạt hoặc chậm tiến độ chưa có hành động khắc phục",
                         "red"), "(mở bằng: mtcl action open MÃ ...)")
    for note in result.notes:
        out.print(styled(note, "yellow"))
    overdue = plan.summary["overdue"]
    if overdue:
        out.print(styled(f"Kế hoạch: {overdue} lần thực hiện nhiệm vụ quá hạn", "red"), "(xem: mtcl plan --overdue)")
    else:
        out.print("Kế hoạch: không có nhiệm vụ quá hạn.")


def cells(row: TargetRow, compare: bool = False, bars: bool = True) -> list:
    """The cells of one target's line: the table's row, and what ``record`` echoes."""
    evaluation, target = row.evaluation, row.target
    status_cell = styled(status_words(evaluation), COLOURS[evaluation.status])
    if row.needs_action:
        status_cell.append(f" {FLAG}", style="red")
    previous = evaluation.previous
    return [
        target.id,
        target.label,
        plan_text(target),
        actual_text(evaluation, "ước"),
        attainment_bar(evaluation.attainment) if bars else percent_text(evaluation.attainment),
        *([percent_text(previous.ratio if previous else None)] if compare else []),
        status_cell,
        date_cell(row),
    ]


def date_cell(row: TargetRow):
    """The figure's date; a stale one in yellow with a star that the footnote explains."""
    figure = row.evaluation.figure
    if figure is None:
        return ""
    if row.evaluation.stale:
        return styled(f"{figure.since:%d/%m}*", "yellow")
    return f"{figure.as_of:%d/%m}"


def attainment_bar(value: Decimal | None) -> str:
    """'████░ 88,2%': the attainment as a bar of five, and its figure."""
    if value is None:
        return ""
    filled = min(BAR_WIDTH, int(value * BAR_WIDTH / 100))
    return f"{'█' * filled}{'░' * (BAR_WIDTH - filled)} {format_percent(value)}"
