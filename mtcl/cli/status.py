"""``mtcl status``: where the commune stands, target by target, at a date."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Optional

import typer
from rich.markup import escape

from mtcl.attainment import Evaluation
from mtcl.errors import UserError
from mtcl.cli.base import AsOfOption, DataOption, JsonOption, YearOption, command, console, date_option, print_json
from mtcl.labels import OPS, STATUSES
from mtcl.loader import load_year
from mtcl.numbers import format_date, format_percent, format_quantity
from mtcl.overview import YearStatus, evaluation_date, status_json, year_status
from mtcl.periods import check_period
from mtcl.report.context import actual_text
from mtcl.schedule import OccurrenceState
from mtcl.tracking import plan_states

COLOURS = {
    "met": "green",
    "near": "yellow",
    "on_track": "cyan",
    "behind": "red",
    "not_met": "red",
    "no_data": "bright_black",
}
BAR_WIDTH = 5


PeriodOption = Annotated[
    Optional[str], typer.Option("--period", help="Kỳ: h1, q1, q2, q3, q4, year (đánh giá tại ngày cuối kỳ).")
]


@command("status", help="Tình hình thực hiện các chỉ tiêu tại một ngày.")
def status(
    ids: Annotated[Optional[list[str]], typer.Argument(metavar="[MÃ]...", help="Chỉ xem các chỉ tiêu này.")] = None,
    objective: Annotated[Optional[int], typer.Option("--objective", help="Chỉ xem một mục tiêu (1..9).")] = None,
    as_of: AsOfOption = None,
    period: PeriodOption = None,
    data: DataOption = None,
    year: YearOption = None,
    as_json: JsonOption = False,
) -> None:
    loaded = load_year(data, year)
    if as_of is not None and period is not None:
        raise UserError("chỉ dùng một trong hai: --as-of hoặc --period")
    when = evaluation_date(loaded.year, date_option(as_of), check_period(period) if period else None)
    result = year_status(loaded, when)
    wanted = {loaded.target(i).id for i in ids} if ids else None
    if objective is not None and objective not in {o.id for o in loaded.objectives.objectives}:
        raise UserError(f"không có mục tiêu {objective} (các mục tiêu: 1..{len(loaded.objectives.objectives)})")
    shown = [
        e
        for e in result.evaluations
        if (wanted is None or e.target.id in wanted) and (objective is None or e.target.objective == objective)
    ]
    if as_json:
        print_json(status_json(result, shown))
        return
    print_table(result, shown, plan_states(loaded, when))


def print_table(result: YearStatus, shown: list[Evaluation], tasks: list[OccurrenceState]) -> None:
    from rich.table import Table

    from rich import box

    table = Table(
        title=f"Thực hiện Mục tiêu chất lượng năm {result.year} — đến ngày {format_date(result.as_of)}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("Mã", no_wrap=True)
    table.add_column("Chỉ tiêu", min_width=14, ratio=1)
    for heading in ("Kế hoạch", "Thực hiện"):
        table.add_column(heading, justify="right", min_width=8)
    table.add_column("So với KH", no_wrap=True)
    compare = any(e.previous for e in shown)
    if compare:
        table.add_column("Cùng kỳ", justify="right", no_wrap=True)
    table.add_column("Đánh giá", min_width=8)
    table.add_column("Ngày", no_wrap=True)
    current = None
    missing = result.without_action
    for evaluation in shown:
        if evaluation.target.objective != current and table.row_count:
            table.add_section()
        current = evaluation.target.objective
        cells = row(evaluation)
        if evaluation.target.id in missing:
            cells[5] += " [red]⚑[/]"
        if compare:
            previous = evaluation.previous
            cells.insert(5, format_percent(previous.ratio) if previous and previous.ratio is not None else "")
        table.add_row(*cells)
    out = console()
    out.print(table)
    out.print(summary_line(result.summary))
    if missing:
        out.print(f"[red]⚑ {len(missing)} chỉ tiêu chưa đạt hoặc chậm tiến độ chưa có hành động khắc phục[/] "
                  "(mở bằng: mtcl action open MÃ ...)")
    for note in result.notes:
        out.print(f"[yellow]{escape(note)}[/]")
    overdue = sum(1 for s in tasks if s.status == "overdue")
    if overdue:
        out.print(f"[red]Kế hoạch: {overdue} lần thực hiện nhiệm vụ quá hạn[/] (xem: mtcl plan --overdue)")
    else:
        out.print("Kế hoạch: không có nhiệm vụ quá hạn.")


def row(evaluation: Evaluation) -> list[str]:
    target, figure = evaluation.target, evaluation.figure
    colour = COLOURS[evaluation.status]
    return [
        target.id,
        escape(target.label),
        f"{OPS[target.op]} {format_quantity(target.plan, target.unit)}",
        actual_text(evaluation, "ước"),
        attainment_text(evaluation.attainment),
        f"[{colour}]{STATUSES[evaluation.status]}[/]",
        figure.as_of.strftime("%d/%m") if figure else "",
    ]


def attainment_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    filled = min(BAR_WIDTH, int(value * BAR_WIDTH / 100))
    return f"{'█' * filled}{'░' * (BAR_WIDTH - filled)} {format_percent(value)}"


def summary_line(summary: dict[str, int]) -> str:
    parts = [f"Đạt {summary['met']}/{summary['total']} chỉ tiêu"]
    for status in ("near", "on_track", "behind", "not_met", "no_data"):
        if summary[status]:
            parts.append(f"{summary[status]} {STATUSES[status].lower()}")
    return " · ".join(parts)
