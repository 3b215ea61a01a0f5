"""``mtcl record`` and ``mtcl history``: figures in, and every figure of a target out."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer
from rich.markup import escape

from mtcl.attainment import RecordIndex, record_value
from mtcl.cli.base import AsOfOption, DataOption, JsonOption, YearOption, command, console, date_option, print_json
from mtcl.cli.status import row
from mtcl.errors import UserError
from mtcl.loader import load_year
from mtcl.numbers import format_date, format_quantity, today
from mtcl.overview import evaluation_date, year_status
from mtcl.recording import Entry, append_record, build_record, load_records, records_store, unit_slip


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
    by: Annotated[Optional[str], typer.Option("--by", help="Người ghi (mặc định: MTCL_USER).")] = None,
    yes: Annotated[bool, typer.Option("--yes", help="Xác nhận số liệu bất thường mà không hỏi lại.")] = False,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    loaded = load_year(data, year)
    target = loaded.target(target_id)
    entry = Entry(value, of, date_option(as_of), estimated, not_met, source, note, by)
    new = build_record(loaded, target, entry, today())
    warning = unit_slip(target, new)
    if warning and not yes:
        if not sys.stdin.isatty():
            raise UserError(warning, "nếu số liệu đúng, ghi lại kèm --yes")
        if not typer.confirm(f"{warning} Vẫn ghi?", default=False):
            raise UserError("chưa ghi số liệu")
    records = append_record(loaded, new)
    result = year_status(loaded, evaluation_date(loaded.year, new.as_of), records)
    evaluation = next(e for e in result.evaluations if e.target.id == target.id)
    out = console()
    out.print(f"Đã ghi số liệu {target.id} ngày {format_date(new.as_of)}.")
    out.print("  ".join(cell for cell in row(evaluation) if cell))


@command("history", help="Mọi số liệu đã ghi của một chỉ tiêu, cũ trước mới sau.")
def history(
    target_id: Annotated[str, typer.Argument(metavar="MÃ", help="Mã chỉ tiêu.")],
    data: DataOption = None,
    year: YearOption = None,
    as_json: JsonOption = False,
) -> None:
    loaded = load_year(data, year)
    target = loaded.target(target_id)
    store = records_store(loaded)
    index = RecordIndex(load_records(loaded))
    when = evaluation_date(loaded.year)
    items = target.items or [None]
    counting = {id(index.current(target.id, when, item)) for item in items}
    records = index.of(target.id)
    if as_json:
        print_json([{**store.as_json(r), "counts": id(r) in counting} for r in records])
        return
    if not records:
        console().print(f"Chỉ tiêu {target.id} chưa có số liệu nào.")
        return
    from rich.table import Table

    table = Table(title=f"Số liệu đã ghi: {target.id} {escape(target.label)}", title_justify="left")
    for heading in ("Ngày số liệu", "Số liệu", "Ước", "Nguồn", "Ghi chú", "Người ghi", "Ghi lúc (UTC)", ""):
        table.add_column(heading)
    for r in records:
        if r.item is not None:
            figure = f"{r.item}: {'đạt' if r.met else 'chưa đạt'}"
        else:
            figure = format_quantity(record_value(r), target.unit, most=2)
            if r.of is not None:
                figure += f" ({format_quantity(r.value, '', most=2).strip()}/{format_quantity(r.of, '', most=2).strip()})"
        table.add_row(
            format_date(r.as_of), escape(figure), "ước" if r.estimated else "", escape(r.source or ""),
            escape(r.note or ""), escape(r.by), r.recorded_at.strftime("%d/%m/%Y %H:%M"),
            "[bold]← đang tính[/]" if id(r) in counting else "",
        )
    console().print(table)
