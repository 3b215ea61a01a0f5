"""``mtcl form``, ``mtcl import`` and ``mtcl export``: forms out to the departments (one, or
one each with the message that goes with them), which came back, their figures back in,
tables out to the level above."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtcl.cli.base import (AsOfOption, ByOption, DataOption, JsonOption, OwnerOption, PdfOption, PeriodOption,
                           YearOption, ask, command, console, data_folder, echo, pdf_beside, print_json, reports_folder,
                           stamp, table, today, when)
from mtcl.core.errors import UserError
from mtcl.core.numbers import format_date
from mtcl.core.periods import check_period, period_phrase
from mtcl.core.words import record_text
from mtcl.files.book import open_year
from mtcl.files.fs import display_path, printable_path
from mtcl.files.sent import add_sent, sent_forms, with_refs
from mtcl.files.workbook import form_files, read_workbook
from mtcl.usecases.forms import (Form, FormReturn, covering_message, form_returns, form_slug, make_form, make_forms,
                                 sent_entry, unassigned, when_slug, with_ref)
from mtcl.usecases.intake import Intake, combine, read_form
from mtcl.usecases.status import plan_status, year_status
from mtcl.usecases.writers import add_records

ForceOption = Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")]


@command("form", help="Lập biểu Excel để các đơn vị điền số liệu (một đơn vị, mỗi đơn vị một biểu, hoặc tất cả "
                      "chỉ tiêu); --status: biểu nào đã gửi lại, biểu nào còn thiếu.")
def form(
    owner: OwnerOption = None,
    each: Annotated[bool, typer.Option("--each", help="Mỗi đơn vị một biểu, kèm lời nhắn gửi các đơn vị.")] = False,
    status: Annotated[bool, typer.Option("--status", help="Các biểu đã lập: đơn vị nào đã gửi lại, biểu nào quá "
                                                          "hạn, chỉ tiêu nào còn thiếu.")] = False,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Tệp .xlsx ghi ra (với --each: thư mục).",
                                                show_default=False)] = None,
    force: ForceOption = False,
    as_json: JsonOption = False,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    chosen = check_period(period) if period else None
    if status:
        if each or owner or out or as_of:
            raise UserError("--status chỉ dùng với --period, --json, --data, --year")
        return _returns(data, year, chosen, as_json)
    if as_json:
        raise UserError("--json chỉ dùng với --status")
    if each and owner:
        raise UserError("chỉ dùng một trong hai: --each (mỗi đơn vị một biểu) hoặc --owner (biểu của một đơn vị)")
    book = open_year(data_folder(data), year, last_year=True)
    on, now = when(book.year, as_of, period), today()
    forms = make_forms(book, chosen, on, now) if each else [make_form(book, owner, chosen, on, now)]
    if not forms or not forms[0].lines:
        raise UserError(f"không có chỉ tiêu nào để {'các đơn vị' if each else forms[0].department} điền "
                        "(các chỉ tiêu tổng tự tính từ chỉ tiêu con)")
    if not each:
        _make(book, forms, [out or reports_folder(book) / f"{form_slug(forms[0])}.xlsx"], force)
        return
    folder = out or reports_folder(book)
    if not folder.is_dir():
        raise UserError(f"với --each, --out là thư mục để ghi các biểu; '{display_path(folder)}' không phải thư mục "
                        "có sẵn")
    files = [folder / f"{form_slug(f)}.xlsx" for f in forms]
    message = folder / f"loi-nhan-gui-bieu-{when_slug(chosen, on)}-{book.year}.txt"
    _make(book, forms, files, force, also=message)
    _message(book, forms, files, message)
    left = unassigned(book)
    if left:
        echo(f"Chưa có biểu cho {len(left)} chỉ tiêu chưa giao đơn vị ({', '.join(left)}): ghi owner trong "
             "objectives.yaml, hoặc lập biểu không có --owner.")


def _make(book, forms: list[Form], files: list[Path], force: bool, also: Path | None = None) -> None:
    """Write the forms, each with its reference, and remember them among the forms sent;
    a file that may not be written (``also``: the message written after them) stops all of
    them before any is."""
    from mtcl.report.sheets import writable, write_form  # openpyxl, 100 ms: only when a form is made

    for file in [*files, *([also] if also else [])]:
        writable(file, force)
    who = stamp(None)
    sent = with_refs(book.folder, [sent_entry(made, printable_path(Path(file.name)), who)
                                   for made, file in zip(forms, files)])
    for made, file, entry in zip(forms, files, sent):
        written = write_form(with_ref(made, entry), file, force)
        echo(f"Đã lập biểu: {display_path(written)} ({made.department}, {len(made.lines)} dòng, "
             f"gửi lại trước ngày {format_date(made.return_by)}; mã biểu {entry.ref}).")
    add_sent(book.folder, sent)


def _message(book, forms: list[Form], files: list[Path], out: Path) -> None:
    """The message that goes with the forms: written beside them, and shown to be pasted."""
    from mtcl.report.sheets import write_text  # loaded with the forms already (0 ms)

    text = covering_message(book, forms, [printable_path(Path(f.name)) for f in files], stamp(None).by)
    written = write_text(text, out, force=True)  # checked with the forms
    echo(f"\nLời nhắn gửi kèm (đã ghi vào {display_path(written)}, dán vào thư điện tử hoặc tin nhắn):\n")
    echo(text, end="")


def _returns(data: Path | None, year: int | None, period: str | None, as_json: bool) -> None:
    """Which forms came back, which are late, and what is still missing."""
    book = open_year(data_folder(data), year)
    now = today()
    returns = form_returns(book, sent_forms(book.folder), now, period)
    if as_json:
        print_json([_return_json(r) for r in returns])
        return
    if not returns:
        echo(f"Chưa lập biểu nào cho {period_phrase(period, book.year) if period else f'năm {book.year}'} "
             "(lập biểu bằng: mtcl form --each --period KỲ).")
        return
    grid = table(f"Biểu đã gửi các đơn vị, năm {book.year} (đến ngày {format_date(now)})")
    for heading in ("Mã biểu", "Đơn vị", "Kỳ", "Hạn gửi lại", "Tình trạng", "Còn thiếu", "Đã nhận từ tệp"):
        grid.add_column(heading, no_wrap=heading in ("Mã biểu", "Hạn gửi lại"))
    for returned in returns:
        sent = returned.form
        grid.add_row(sent.ref or "", sent.owner or "Tất cả các ngành",
                     period_phrase(sent.period, book.year) if sent.period else f"đến {format_date(sent.as_of)}",
                     format_date(sent.return_by), returned.state, ", ".join(returned.missing),
                     ", ".join(returned.files))
    console().print(grid)
    done = sum(1 for r in returns if not r.missing)
    late = [r.form.owner or "Tất cả các ngành" for r in returns if r.late_days]
    echo(f"{done}/{len(returns)} biểu đã đủ số liệu" + (f"; quá hạn: {'; '.join(late)}." if late else "."))


def _return_json(returned: FormReturn) -> dict:
    sent = returned.form
    return {"ref": sent.ref, "owner": sent.owner, "period": sent.period, "as_of": sent.as_of.isoformat(),
            "made_on": sent.made_on.isoformat(), "return_by": sent.return_by.isoformat(), "file": sent.file,
            "targets": sent.targets, "received": returned.received, "missing": returned.missing,
            "files": returned.files, "late_days": returned.late_days, "state": returned.state}


@command("import", help="Nhập số liệu từ biểu Excel (.xlsx) hoặc LibreOffice (.ods) các đơn vị đã điền: tệp, thư "
                        "mục hoặc mẫu như nhan-ve/*.xlsx (xem trước, hỏi lại rồi mới ghi).")
def import_forms(
    files: Annotated[list[Path], typer.Argument(metavar="TỆP_HOẶC_THƯ_MỤC",
                                                help="Các biểu đã điền: tệp, thư mục, hoặc mẫu có * và ?.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Chỉ xem trước, không ghi.")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Ghi mà không hỏi lại.")] = False,
    by: ByOption = None,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    book = open_year(data_folder(data), year)
    who, now = stamp(by), today()
    intakes = combine([_intake(book, path, now, who) for path in form_files(files)])
    problems = [p for intake in intakes for p in intake.problems]
    if problems:
        for problem in problems:
            echo(problem, err=True)
        raise UserError(f"các biểu có {len(problems)} lỗi; chưa ghi số liệu nào", "sửa các ô đã nêu rồi nhập lại")
    for intake in intakes:
        if intake.already:
            echo(f"Tệp {intake.file} {intake.already}: không ghi gì thêm.")
        for note in intake.notes:
            echo(note)
    planned = [entry for intake in intakes for entry in intake.planned]
    if not planned:
        if not any(intake.already or intake.notes for intake in intakes):
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


def _intake(book, path: Path, now, who) -> Intake:
    """What one file gives; a file that cannot be read at all is one problem among the
    others, so that every file's problems are said at once."""
    name = printable_path(Path(path.name))
    try:
        sheets, digest = read_workbook(path)
    except UserError as exc:
        return Intake(name, "", [], [str(exc)])
    return read_form(book, sheets, name, digest, now, who)


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


@command("export", help="Xuất bảng tình hình chỉ tiêu, kế hoạch hoặc sổ HĐKP ra Excel (.xlsx) hoặc CSV; bundle: gói "
                        "số liệu gửi cấp trên (.zip).")
def export(
    kind: Annotated[str, typer.Argument(metavar="BẢNG", help="status (chỉ tiêu), plan (kế hoạch), actions (sổ HĐKP), "
                                                            "bundle (gói số liệu gửi cấp trên).")],
    output_format: Annotated[Optional[str], typer.Option("--format", help="xlsx hoặc csv (mặc định theo đuôi tệp "
                                                                          "--out, không có thì xlsx).")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Tệp ghi ra.", show_default=False)] = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    force: ForceOption = False,
    pdf: PdfOption = False,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    suffix = (output_format or (out.suffix.lstrip(".") if out and out.suffix else "xlsx")).lower()
    if pdf and (kind == "bundle" or suffix != "xlsx"):
        raise UserError("--pdf chỉ dùng với bảng Excel (.xlsx)")
    if kind == "bundle":
        from mtcl.cli.bundle import export_bundle  # the bundle's modules and zipfile: 20 ms, only for a bundle

        return export_bundle(data_folder(data), year, period, as_of, out, output_format, force)
    from mtcl.report.exports import EXPORTS, export_name, export_table  # with openpyxl on use: 100 ms
    from mtcl.report.sheets import write_table

    if kind not in EXPORTS:
        raise UserError(f"không có bảng '{kind}'", f"chọn một trong: {', '.join(EXPORTS)}")
    if suffix not in ("xlsx", "csv"):
        raise UserError(f"định dạng '{suffix}' không hỗ trợ", "chọn xlsx hoặc csv")
    book = open_year(data_folder(data), year, last_year=True)
    on = when(book.year, as_of, period)
    if out is None:
        out = reports_folder(book) / export_name(kind, book, check_period(period) if period else None, on, suffix)
    elif out.suffix.lower() != f".{suffix}":
        raise UserError(f"tệp '{display_path(out)}' không có đuôi .{suffix}", f"đặt tên tệp kết thúc bằng .{suffix}")
    written = write_table(export_table(kind, book, year_status(book, on), plan_status(book, on)), out, force)
    echo(f"Đã xuất: {display_path(written)}")
    if pdf:
        pdf_beside(written)
