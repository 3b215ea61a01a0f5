"""``mtcl status``: where the year stands, target by target, at a date."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from mtcl.cli.base import (AsOfOption, ByOption, DataOption, JsonOption, OwnerOption, PeriodOption, YearOption, command,
                           console, data_folder, past_year_notice, reports_folder, styled, table, today, user, when,
                           written_with_pdf)
from mtcl.cli.output import OutOption, emit_json, only_with
from mtcl.core.attainment import STALE_DAYS, Evaluation, count_statuses
from mtcl.core.errors import UserError
from mtcl.core.words import attainment_text, status_counts_text
from mtcl.files.book import open_year
from mtcl.usecases.status import PlanStatus, TargetRow, YearStatus, plan_status, year_status
from mtcl.usecases.views import TARGET_COLUMNS, Column, pick, status_json

COLOURS = {
    "met": "green",
    "near": "yellow",
    "on_track": "cyan",
    "behind": "red",
    "over_pace": "red",
    "not_met": "red",
    "in_progress": "cyan",
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
    output_format: Annotated[Optional[str], typer.Option(
        "--format", help="docx hoặc pdf: bảng tình hình trên một trang A4, có chữ ký người lập.")] = None,
    out: OutOption = None,
    by: ByOption = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè bảng đã có (với --format).")] = False,
) -> None:
    only_with(out, as_json or output_format is not None, "--json hoặc --format")
    book = open_year(data_folder(data), year, last_year=True)
    result = year_status(book, when(book.year, as_of, period))
    shown = result.select(book, ids, objective, owner)
    if output_format is not None:
        write_sheet(book, result, output_format, out, user(by), force)
        return
    if as_json:
        emit_json(status_json(result, shown), out)
        return
    print_table(result, shown, plan_status(book, result.as_of), past_year_notice(book))


def write_sheet(book, result: YearStatus, output_format: str, out: Path | None, made_by: str, force: bool) -> None:
    """The one-page sheet of ``result`` as Word, or Word and its PDF."""
    if output_format not in ("docx", "pdf"):
        raise UserError(f"định dạng '{output_format}' không hỗ trợ", "chọn docx hoặc pdf")
    from mtcl.report.onepage import sheet_context  # python-docx and docxtpl: 60 ms, only for the sheet
    from mtcl.report.render import render_docx

    context = sheet_context(book, result, today(), made_by)
    out = out or reports_folder(book) / f"tinh-hinh-mtcl-{result.as_of.isoformat()}.docx"
    written_with_pdf(render_docx(context, out, "tinh-hinh-mtcl.docx", force=force), "bảng tình hình",
                     output_format == "pdf")


SHOWN = ("id", "label", "plan", "actual", "attainment", "previous", "status", "as_of")
# How the terminal lays out each column it shows: alignment, and what it may shrink to.
LAYOUT = {"id": dict(no_wrap=True), "label": dict(min_width=14, ratio=1),
          "plan": dict(justify="right", min_width=8), "actual": dict(justify="right", min_width=8),
          "attainment": dict(no_wrap=True, justify="right"), "previous": dict(justify="right", no_wrap=True),
          "status": dict(min_width=8), "as_of": dict(no_wrap=True)}


def print_table(result: YearStatus, shown: list[TargetRow], plan: PlanStatus, notice: str | None = None) -> None:
    out = console()
    if notice:
        out.print(styled(notice, "yellow"))
    bars = out.width >= WIDE  # in a narrow window the attainment is a figure without its bar
    grid = table(f"Thực hiện Mục tiêu chất lượng năm {result.year} — đến ngày {result.as_of:%d/%m/%Y}",
                 narrow=not bars)
    compare = any(row.evaluation.previous for row in shown)
    columns = [c for c in pick(TARGET_COLUMNS, SHOWN) if c.key != "previous" or compare]
    for column in columns:
        layout = dict(LAYOUT[column.key])
        heading = column.narrow
        if column.key == "attainment" and bars:
            heading, layout["justify"] = "So với KH", "left"
        grid.add_column(heading, **layout)
    current = None
    group = None
    for row in shown:
        if row.target.objective != current and grid.row_count:
            grid.add_section()
        if row.target.group and (row.target.objective, row.target.group) != group:
            grid.add_row("", styled(row.target.group, "bold"))
        current, group = row.target.objective, (row.target.objective, row.target.group)
        grid.add_row(*cells(row, columns, bars))
    out.print(grid)
    if len(shown) == len(result.rows):
        out.print(status_counts_text(result.summary))
    else:  # one department's targets, or some: their counts, not the whole body's
        out.print(f"{status_counts_text(count_statuses([row.evaluation for row in shown]))} "
                  f"(trong {len(shown)} chỉ tiêu đang xem; cả năm: {result.summary['met']}/{result.summary['total']} đạt)")
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


def cells(row: TargetRow, columns: list[Column] | None = None, bars: bool = True) -> list:
    """The cells of one target's line: the table's row, and what ``record`` echoes (every
    column shown but last year's)."""
    columns = columns or [c for c in pick(TARGET_COLUMNS, SHOWN) if c.key != "previous"]
    return [_cell(column, row, bars) for column in columns]


def _cell(column: Column, row: TargetRow, bars: bool):
    """A cell as the terminal shows it: the status in its colour (⚑ where an action is
    missing), the attainment as a bar, a stale figure's date starred."""
    evaluation = row.evaluation
    if column.key == "status":
        status_cell = styled(column.shown(row), COLOURS[evaluation.status])
        if row.needs_action:
            status_cell.append(f" {FLAG}", style="red")
        return status_cell
    if column.key == "attainment" and bars:
        return attainment_bar(evaluation)
    if column.key == "as_of":
        return date_cell(row)
    return column.shown(row)


def date_cell(row: TargetRow):
    """The figure's date; a stale one in yellow with a star that the footnote explains."""
    figure = row.evaluation.figure
    if figure is None:
        return ""
    if row.evaluation.stale:
        return styled(f"{figure.since:%d/%m}*", "yellow")
    return f"{figure.as_of:%d/%m}"


def attainment_bar(evaluation: Evaluation) -> str:
    """'████░ 88,2%': the attainment as a bar of five, and its figure."""
    value = evaluation.attainment
    if value is None:
        return ""
    filled = min(BAR_WIDTH, int(value * BAR_WIDTH / 100))
    return f"{'█' * filled}{'░' * (BAR_WIDTH - filled)} {attainment_text(evaluation)}"
