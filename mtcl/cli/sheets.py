"""``mtcl form``, ``mtcl import`` and ``mtcl export``: forms out to the departments, their
figures back in, tables out to the level above."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtcl.cli.base import (AsOfOption, ByOption, DataOption, OwnerOption, PeriodOption, YearOption, ask, command,
                           console, data_folder, echo, reports_folder, stamp, table, today, when)
from mtcl.core.errors import UserError
from mtcl.core.numbers import format_date
from mtcl.core.periods import check_period
from mtcl.core.words import record_text
from mtcl.files.book import open_year
from mtcl.files.fs import display_path, printable_path
from mtcl.files.workbook import read_workbook
from mtcl.usecases.forms import Intake, form_slug, make_form, read_form
from mtcl.usecases.status import plan_status, year_status
from mtcl.usecases.writers import add_records

ForceOption = Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")]


@command("form", help="Lập biểu Excel để một đơn vị điền số liệu (tất cả chỉ tiêu nếu không có --owner).")
def form(
    owner: OwnerOption = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Tệp .xlsx ghi ra.", show_default=False)] = None,
    force: ForceOption = False,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    from mtcl.report.sheets import write_form  # openpyxl, 100 ms: only when a form is made

    book = open_year(data_folder(data), year, last_year=True)
    made = make_form(book, owner, check_period(period) if period else None, when(book.year, as_of, period), today())
    if not made.lines:
        raise UserError(f"không có chỉ tiêu nào để {made.department} điền (các chỉ tiêu tổng tự tính từ chỉ tiêu con)")
    out = out or reports_folder(book) / f"{form_slug(made)}.xlsx"
    written = write_form(made, out, force)
    echo(f"Đã lập biểu: {display_path(written)} ({made.department}, {len(made.lines)} dòng, "
         f"gửi lại trước ngày {format_date(made.return_by)}).")


@command("import", help="Nhập số liệu từ biểu Excel các đơn vị đã điền (xem trước, hỏi lại rồi mới ghi).")
def import_forms(
    files: Annotated[list[Path], typer.Argument(metavar="TỆP.xlsx", help="Các biểu đã điền (một hay nhiều tệp).")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ xem trước, không ghi.")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Ghi mà không hỏi lại.")] = False,
    by: ByOption = None,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    book = open_year(data_folder(data), year)
    who = stamp(by)
    intakes: list[Intake] = []
    for file in files:
        sheets, digest = read_workbook(file)
        intakes.append(read_form(book, sheets, printable_path(Path(file.name)), digest, today(), who))
    problems = [p for intake in intakes for p in intake.problems]
    if problems:
        for problem in problems:
            echo(problem, err=True)
        raise UserError(f"các biểu có {len(problems)} lỗi; chưa ghi số liệu nào", "sửa các ô đã nêu rồi nhập lại")
    for intake in intakes:
        if intake.already:
            echo(f"Tệp {intake.file} {intake.already}: không ghi gì thêm.")
    planned = [entry for intake in intakes for entry in intake.planned]
    if not planned:
        if not any(intake.already for intake in intakes):
            echo("Các biểu chưa có số liệu nào để nhập.")
        return
    _preview(book, planned)
    if dry_run:
        echo(f"Xem trước: {len(planned)} số liệu; chưa ghi (bỏ --dry-run để ghi).")
        return
    if not yes:
        if not sys.stdin.isatty():
            raise UserError("cần xác nhận trước khi ghi", "xem trước bằng --dry-run, rồi ghi kèm --yes")
        if not ask(f"Ghi {len(planned)} số liệu?"):
            raise UserError("chưa ghi số liệu nào")
    _, stored = add_records(book, [entry.record for entry in planned])
    echo(f"Đã ghi {len(stored)} số liệu từ {', '.join(i.file for i in intakes if i.planned)} "
         f"(mã dòng {stored[0].ref}…{stored[-1].ref}).")


def _preview(book, planned) -> None:
    grid = table("Số liệu sẽ ghi")
    for heading in ("Ô", "Mã", "Số liệu", "Ngày", "Thay cho"):
        grid.add_column(heading, no_wrap=heading in ("Ô", "Mã", "Ngày"))
    for entry in planned:
        record, target = entry.record, book.targets[entry.record.target]
        figure = ("ước " if record.estimated else "") + record_text(record, target)
        grid.add_row(entry.place, target.id, figure, format_date(record.as_of), entry.replaces or "")
    console().print(grid)
    for entry in planned:
        if entry.doubt:
            echo(f"Cần xem lại ({entry.place}): {entry.doubt}")


@command("export", help="Xuất bảng tình hình chỉ tiêu, kế hoạch hoặc sổ HĐKP ra Excel (.xlsx) hoặc CSV.")
def export(
    kind: Annotated[str, typer.Argument(metavar="BẢNG", help="status (chỉ tiêu), plan (kế hoạch), actions (sổ HĐKP).")],
    output_format: Annotated[Optional[str], typer.Option("--format", help="xlsx hoặc csv (mặc định theo đuôi tệp --out, "
                                                                          "không có thì xlsx).")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Tệp ghi ra.", show_default=False)] = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    force: ForceOption = False,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    from mtcl.report.exports import EXPORTS, export_table  # with openpyxl on use: 100 ms, only for exports
    from mtcl.report.sheets import write_table

    if kind not in EXPORTS:
        raise UserError(f"không có bảng '{kind}'", f"chọn một trong: {', '.join(EXPORTS)}")
    suffix = (output_format or (out.suffix.lstrip(".") if out and out.suffix else "xlsx")).lower()
    if suffix not in ("xlsx", "csv"):
        raise UserError(f"định dạng '{suffix}' không hỗ trợ", "chọn xlsx hoặc csv")
    book = open_year(data_folder(data), year, last_year=True)
    on = when(book.year, as_of, period)
    if out is None:
        out = reports_folder(book) / f"{kind}-{book.year}.{suffix}"
    elif out.suffix.lower() != f".{suffix}":
        raise UserError(f"tệp '{display_path(out)}' không có đuôi .{suffix}", f"đặt tên tệp kết thúc bằng .{suffix}")
    written = write_table(export_table(kind, book, year_status(book, on), plan_status(book, on)), out, force)
    echo(f"Đã xuất: {display_path(written)}")
