"""``mtcl record`` and ``mtcl history``: figures in, and every figure of a target out."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from mtcl.book import open_year
from mtcl.cli.base import (AsOfOption, ByOption, DataOption, JsonOption, YearOption, command, console, data_folder,
                           date_option, print_json, stamp, styled, table, today, when)
from mtcl.cli.status import cells
from mtcl.errors import UserError
from mtcl.figures import Typed, build_record, record_value, unit_slip
from mtcl.numbers import format_date, format_number
from mtcl.status import history as target_history
from mtcl.status import year_status
from mtcl.words import amount_text
from mtcl.writers import add_record


@command("record", help="Ghi một số liệu của chỉ tiêu (số viết kiểu Việt Nam: 1.936,49).")
def record(
    target_id: Annotated[str, typer.Argument(metavar="MÃ", help="Mã chỉ tiêu, ví dụ 5.2 hoặc 4dd.")],
    value: Annotated[str, typer.Argument(metavar="SỐ_LIỆU", help="Số liệu, tỷ lệ có dấu %, hoặc tên tiêu chí.")],
    of: Annotated[Optional[str], typer.Option("--of", help="Tổng số (chỉ tiêu tỷ lệ): 1240 --of 1250.")] = None,
    as_of: AsOfOption = None,
    estimated: Annotated[bool, typer.Option("--estimated", help="Số liệu ước tính (ước thực hiện).")] = False,
    not_met: Annotated[bool, typer.Option("--not", help="Tiêu chí chưa đạt (hoặc mất chuẩn).")] = False,
    source: Annotated[Optional[str], typer.Option("--source", help="Nguồn số liệu (ngành, văn bản).")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="Ghi chú.")] = None,
    by: ByOption = None,
    yes: Annotated[bool, typer.Option("--yes", help="Xác nhận số liệu bất thường mà không hỏi lại.")] = False,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    book = open_year(data_folder(data), year)
    target = book.target(target_id)
    typed = Typed(value, of, date_option(as_of), estimated, not_met, source, note)
    new = build_record(target, typed, book.year, today(), stamp(by))
    warning = unit_slip(target, new)
    if warning and not yes:
        if not sys.stdin.isatty():
            raise UserError(warning, "nếu số liệu đúng, ghi lại kèm --yes")
        if not typer.confirm(f"{warning} Vẫn ghi?", default=False):
            raise UserError("chưa ghi số liệu")
    book = add_record(book, new)
    (row,) = year_status(book, new.as_of).select(book, [target.id])
    out = console()
    out.print(f"Đã ghi số liệu {target.id} ngày {format_date(new.as_of)}.")
    line = styled("", "")
    for cell in cells(row):
        if cell:
            line.append("  " if line else "").append(cell)
    out.print(line)


@command("history", help="Mọi số liệu đã ghi của một chỉ tiêu, cũ trước mới sau.")
def history(
    target_id: Annotated[str, typer.Argument(metavar="MÃ", help="Mã chỉ tiêu.")],
    data: DataOption = None,
    year: YearOption = None,
    as_json: JsonOption = False,
) -> None:
    book = open_year(data_folder(data), year)
    target = book.target(target_id)
    rows = target_history(book, target, when(book.year))
    if as_json:
        print_json([row.json() for row in rows])
        return
    if not rows:
        console().print(f"Chỉ tiêu {target.id} chưa có số liệu nào.")
        return
    grid = table(f"Số liệu đã ghi: {target.id} {target.label}")
    grid.add_column("Ngày số liệu", no_wrap=True)
    grid.add_column("Số liệu", justify="right", min_width=8)
    grid.add_column("Nguồn, ghi chú", ratio=1, min_width=12)
    grid.add_column("Người ghi, lúc (UTC)", min_width=12)
    grid.add_column("Đang tính", no_wrap=True)
    for row in rows:
        r = row.record
        if r.item is not None:
            figure = f"{r.item}: {'đạt' if r.met else 'chưa đạt'}"
        else:
            figure = amount_text(record_value(r), target.unit)
            if r.of is not None:
                figure += f" ({format_number(r.value, most=2)}/{format_number(r.of, most=2)})"
        grid.add_row(
            format_date(r.as_of), f"ước {figure}" if r.estimated else figure,
            "; ".join(t for t in (r.source, r.note) if t), f"{r.by}, {r.recorded_at:%d/%m/%Y %H:%M}",
            styled("← đang tính", "bold") if row.counts else "",
        )
    console().print(grid)
