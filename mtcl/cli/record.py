"""``mtcl record``, ``mtcl history`` and ``mtcl void``: figures in, every figure of a target out,
and a line written by mistake withdrawn."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from mtcl.cli.base import (AsOfOption, ByOption, DataOption, JsonOption, YearOption, ask, command, console, data_folder,
                           date_option, stamp, styled, table, today, when)
from mtcl.cli.output import OutOption, emit_json, only_with
from mtcl.cli.status import cells
from mtcl.core.actions import ActionClosed
from mtcl.core.errors import UserError
from mtcl.core.figures import FigureRecord, Typed, build_record
from mtcl.core.numbers import format_date
from mtcl.core.text import visible
from mtcl.core.words import imported_from, record_text, target_phrase, verdict
from mtcl.files.book import open_year
from mtcl.usecases.status import doubt_about, target_history, year_status
from mtcl.usecases.views import history_json
from mtcl.usecases.writers import add_records, withdraw


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
    book = open_year(data_folder(data), year, last_year=True)
    target = book.target(target_id)
    typed = Typed(value, of, date_option(as_of), estimated, not_met, source, note)
    new = build_record(target, typed, book.year, today(), stamp(by))
    question = doubt_about(book, target, new)
    if question and not yes:
        if not sys.stdin.isatty():
            raise UserError(question, "nếu số liệu đúng, ghi lại kèm --yes")
        if not ask(f"{question}\nVẫn ghi vào chỉ tiêu {target.id}?"):
            raise UserError("chưa ghi số liệu")
    book, (stored,) = add_records(book, [new])
    (row,) = year_status(book, stored.as_of).select(book, [target.id])
    out = console()
    out.print(f"Đã ghi số liệu {target_phrase(target)}: {record_text(stored, target)}, "
              f"ngày {format_date(stored.as_of)}{' (ước)' if stored.estimated else ''}; mã dòng {stored.ref}.")
    line = styled("", "")
    for cell in cells(row):
        if cell:
            line.append("  " if line else "").append(visible(cell) if isinstance(cell, str) else cell)
    out.print(line)


@command("history", help="Mọi số liệu đã ghi của một chỉ tiêu, cũ trước mới sau.")
def history(
    target_id: Annotated[str, typer.Argument(metavar="MÃ", help="Mã chỉ tiêu.")],
    data: DataOption = None,
    year: YearOption = None,
    as_json: JsonOption = False,
    out: OutOption = None,
) -> None:
    only_with(out, as_json, "--json")
    book = open_year(data_folder(data), year)
    target = book.target(target_id)
    rows = target_history(book, target, when(book.year))
    if as_json:
        emit_json([history_json(row) for row in rows], out)
        return
    if not rows:
        console().print(f"Chỉ tiêu {target.id} chưa có số liệu nào.")
        return
    grid = table(f"Số liệu đã ghi: {target.id} {target.label}")
    grid.add_column("Ngày số liệu, mã", no_wrap=True)
    grid.add_column("Số liệu", justify="right", min_width=8)
    grid.add_column("Nguồn, ghi chú", ratio=1, min_width=12)
    grid.add_column("Người ghi, lúc (UTC)", min_width=12)
    grid.add_column("Đang tính", min_width=9)
    for row in rows:
        r = row.record
        figure = record_text(r, target)
        if row.withdrawal:
            mark = styled(f"đã rút: {row.withdrawal.reason}", "red")
        else:
            mark = styled("← đang tính", "bold") if row.counts else ""
        grid.add_row(
            f"{format_date(r.as_of)}\n{r.ref}", f"ước {figure}" if r.estimated else figure,
            "; ".join(t for t in (r.source, r.note, imported_from(r)) if t), f"{r.by}, {r.recorded_at:%d/%m/%Y %H:%M}",
            mark,
        )
    console().print(grid)


@command("void", help="Rút một dòng số liệu, hoàn thành hay đóng phiếu HĐKP ghi nhầm (không xóa; ghi lý do).")
def void(
    ref: Annotated[str, typer.Argument(metavar="MÃ_DÒNG", help="Mã dòng, ví dụ SL-K3Q9ZB7M (xem mtcl history), HT-… "
                                                                 "(mtcl done), DP-… (mtcl action close).")],
    reason: Annotated[str, typer.Option("--reason", help="Lý do rút.")],
    by: ByOption = None,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    book = open_year(data_folder(data), year)
    line, withdrawal = withdraw(book, ref, reason, stamp(by))
    if isinstance(line, FigureRecord):
        target = book.targets[line.target]
        what = f"số liệu {target.id} {record_text(line, target)} ngày {format_date(line.as_of)}"
    elif isinstance(line, ActionClosed):
        what = (f"lần đóng phiếu {line.id} ngày {format_date(line.closed_on)} ({verdict(line.effective)}); phiếu "
                "mở lại")
    else:
        what = f"lần hoàn thành {line.task} ({line.occurrence}) ngày {format_date(line.done_on)}: {line.evidence}"
    console().print(f"Đã rút {withdrawal.ref} — {what}. Lý do: {withdrawal.reason}. "
                    "Dòng vẫn giữ trong tệp, không còn được tính.")
