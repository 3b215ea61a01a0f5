"""``mtcl report`` (the Word documents, or Markdown to preview) and ``mtcl templates``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from mtcl.cli.base import (AsOfOption, DataOption, OwnerOption, PdfOption, YearOption, command, console, data_folder,
                           date_option, echo, reports_folder, templates_app, when, written_with_pdf)
from mtcl.core.errors import UserError
from mtcl.core.periods import check_in_window, check_period
from mtcl.files.book import open_year
from mtcl.files.fs import display_path
from mtcl.report.context import ReportOptions
from mtcl.report.documents import prepare
from mtcl.report.render import TEMPLATES, export_template, render_docx, render_markdown


@command("report", help="Lập báo cáo kết quả thực hiện MTCL, phiếu và sổ HĐKP, báo cáo xem xét của lãnh đạo (Word).")
def report(
    action_id: Annotated[Optional[str], typer.Argument(metavar="[SỐ_PHIẾU]", help="Số phiếu, với --kind action.")] = None,
    kind: Annotated[str, typer.Option("--kind", show_default=False, help="results (báo cáo MTCL, mặc định), action (phiếu HĐKP), register (sổ theo dõi), review (xem xét của lãnh đạo).")] = "results",
    period: Annotated[Optional[str], typer.Option("--period", help="Kỳ báo cáo: h1 (6 tháng), 9m (9 tháng), q1..q4, year (năm).")] = None,
    as_of: AsOfOption = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Tệp .docx ghi ra.", show_default=False)] = None,
    template: Annotated[Optional[Path], typer.Option("--template", help="Mẫu báo cáo riêng (.docx, hoặc .md.j2 với --format md).")] = None,
    number: Annotated[Optional[str], typer.Option("--number", help="Số văn bản, ví dụ 45 (thành 45/BC-UBND).")] = None,
    report_date: Annotated[Optional[str], typer.Option("--date", help="Ngày ký báo cáo (mặc định hôm nay).")] = None,
    signer: Annotated[Optional[str], typer.Option("--signer", help="Họ tên người ký.")] = None,
    owner: OwnerOption = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
    output_format: Annotated[str, typer.Option("--format", show_default=False, help="docx (mặc định) hoặc md (xem nhanh trên màn hình).")] = "docx",
    pdf: PdfOption = False,
    data: DataOption = None,
    year: YearOption = None,
) -> None:
    book = open_year(data_folder(data), year, last_year=True)
    key = check_period(period) if period else None
    if output_format not in ("docx", "md"):
        raise UserError(f"định dạng '{output_format}' không hỗ trợ", "chọn docx hoặc md")
    signed = date_option(report_date) or when(book.year)
    check_in_window(signed, book.year, "ngày ký báo cáo")
    document = prepare(kind, book, ReportOptions(key, signed, number, signer, owner), date_option(as_of), action_id)
    for notice in document.notices:
        echo(f"Lưu ý: {notice}.", err=True)
    if output_format == "md":
        if kind != "results":
            raise UserError("--format md chỉ dùng cho báo cáo kết quả (--kind results)")
        echo(render_markdown(document.context, template), end="")
        return
    if out is None:
        out = reports_folder(book) / document.file_name
    written_with_pdf(render_docx(document.context, out, document.template, template, force), "báo cáo", pdf)


@command("list", help="Các mẫu văn bản có sẵn.", group=templates_app)
def list_templates() -> None:
    out = console()
    for name, (file_name, what) in TEMPLATES.items():
        out.print(f"{name:<18} {file_name:<24} {what}")


@command("export", help="Lấy một mẫu có sẵn ra tệp để sửa (rồi dùng với --template).", group=templates_app)
def export(
    name: Annotated[str, typer.Argument(metavar="MẪU", help="Tên mẫu: bao-cao, bao-cao-md, phieu-hdkp…")],
    out: Annotated[Path, typer.Argument(metavar="TỆP", help="Tệp (hoặc thư mục) ghi ra.")],
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
) -> None:
    written = export_template(name, out, force)
    echo(f"Đã lấy mẫu '{name}' ra: {display_path(written)}")
    echo(f"Sửa bằng Word hoặc LibreOffice, giữ các thẻ {{{{ ... }}}} và {{%p ... %}}, rồi dùng: "
          f"mtcl report --template {display_path(written)}")
