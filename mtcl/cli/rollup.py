"""``mtcl rollup``: the level above's overview of many bodies' folders."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtcl.cli.base import (AsOfOption, JsonOption, PeriodOption, command, console, date_option, echo, print_json,
                           styled, table, today)
from mtcl.core.errors import UserError
from mtcl.core.models import Catalogue, Issuer
from mtcl.core.numbers import format_date, rounded_number
from mtcl.core.periods import check_period, evaluation_date, period_phrase
from mtcl.core.words import actual_number, plan_words, status_words
from mtcl.files.book import load_catalogue
from mtcl.files.fs import display_path
from mtcl.usecases.rollup import Rollup, catalogue_beside
from mtcl.usecases.rollup import rollup as make_rollup
from mtcl.usecases.views import rollup_json

CHECKS = {True: "đã", False: "chưa", None: "—"}


@command("rollup", help="Tổng hợp nhiều đơn vị (cấp trên): tình hình từng đơn vị, so sánh các chỉ số chung.")
def rollup(
    folders: Annotated[list[Path], typer.Argument(metavar="THƯ_MỤC", help="Thư mục dữ liệu của từng đơn vị, hoặc "
                                                                           "thư mục chứa các thư mục đó.")],
    year: Annotated[Optional[int], typer.Option("--year", help="Năm (mặc định: năm mới nhất của mỗi đơn vị).")] = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    indicators: Annotated[Optional[Path], typer.Option("--indicators", help="Danh mục chỉ số chung (indicators.yaml); "
                                                                            "mặc định tìm cạnh các thư mục.")] = None,
    output_format: Annotated[Optional[str], typer.Option("--format", help="xlsx (mỗi bảng một trang) hoặc docx (báo cáo "
                                                                          "tổng hợp).")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Tệp ghi ra, với --format.", show_default=False)] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Với docx: tên cơ quan cấp trên (nếu indicators.yaml "
                                                               "không ghi issuer), ví dụ 'Huyện Giao Thủy'.")] = None,
    place: Annotated[Optional[str], typer.Option("--place", help="Với docx: địa danh ghi trên báo cáo.")] = None,
    signer: Annotated[Optional[str], typer.Option("--signer", help="Với docx: họ tên người ký.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
    as_json: JsonOption = False,
) -> None:
    if as_of is not None and period is not None:
        raise UserError("chỉ dùng một trong hai: --as-of hoặc --period")
    if (output_format is None) != (out is None):
        raise UserError("--format và --out đi cùng nhau", "ví dụ: --format xlsx --out tong-hop.xlsx")
    key = check_period(period) if period else None
    found = indicators or catalogue_beside(folders)
    catalogue = load_catalogue(found) if found else Catalogue()
    day = date_option(as_of)
    result = make_rollup(folders, year, lambda y: evaluation_date(y, today(), day, key), catalogue)
    if as_json:
        print_json(rollup_json(result))
    elif output_format is None:
        print_rollup(result)
    if output_format is not None:
        written = write(result, catalogue, output_format, out, key, day, unit, place, signer, force)
        echo(f"Đã lập: {display_path(written)}")
    if result.failed:
        echo(f"Lỗi: {len(result.failed)}/{len(result.bodies)} đơn vị không đọc được dữ liệu (xem bảng).", err=True)
        raise typer.Exit(1)


def write(result: Rollup, catalogue: Catalogue, output_format: str, out: Path, key: str | None, day, unit, place,
          signer, force: bool) -> Path:
    from mtcl.report.rollup import rollup_context, rollup_tables  # openpyxl or docxtpl: 100 ms, only for files
    from mtcl.report.sheets import write_tables

    if output_format == "xlsx":
        return write_tables(rollup_tables(result), out, force)
    if output_format != "docx":
        raise UserError(f"định dạng '{output_format}' không hỗ trợ", "chọn xlsx hoặc docx")
    from mtcl.report.render import render_docx  # docxtpl: 60 ms

    issuer = catalogue.issuer
    if unit or place:
        if not (unit and place) and issuer is None:
            raise UserError("cần cả --unit và --place (hoặc issuer trong indicators.yaml)")
        issuer = Issuer(unit=unit or issuer.unit, place=place or issuer.place,
                        parent=issuer.parent if issuer else None)
    if issuer is None:
        raise UserError("báo cáo tổng hợp cần tên cơ quan cấp trên",
                        "ghi issuer trong indicators.yaml, hoặc thêm --unit 'Huyện Giao Thủy' --place 'Giao Thủy'")
    years = Counter(b.year for b in result.bodies if b.year)
    when = max((b.as_of for b in result.bodies if b.as_of), default=today())
    period_words = period_phrase(key, years.most_common(1)[0][0]) if key and years else f"đến ngày {format_date(when)}"
    context = rollup_context(result, catalogue.model_copy(update={"issuer": issuer}), period_words, today(), signer)
    return render_docx(context, out, "tong-hop-mtcl.docx", None, force)


def print_rollup(result: Rollup) -> None:
    out = console()
    wide = out.width >= 100  # the decision's number only where there is room for it
    grid = table("Tổng hợp các đơn vị", narrow=not wide)
    grid.add_column("Đơn vị", ratio=1, min_width=12)
    if wide:
        grid.add_column("Quyết định", no_wrap=True)
    for heading in ("Đạt", "Chậm, chưa đạt", "Chưa có số liệu", "NV quá hạn", "HĐKP mở"):
        grid.add_column(heading, justify="right", max_width=7)
    for heading in ("ĐGNB", "XXLĐ"):
        grid.add_column(heading, max_width=5)
    for body in result.bodies:
        if body.error:
            grid.add_row(body.name, styled("không đọc được", "red"), *[""] * (7 if wide else 6))
            continue
        counts = body.counts
        overdue = f" ({body.actions_overdue})" if body.actions_overdue else ""
        decision = [(body.decision or "").split(" ngày")[0] or styled("chưa có", "yellow")] if wide else []
        grid.add_row(body.name, *decision, f"{counts['met']}/{counts['total']}", str(body.short),
                     str(counts["no_data"]), str(body.tasks_overdue), f"{body.actions_open}{overdue}",
                     CHECKS[body.checks.get("internal_audit")], CHECKS[body.checks.get("management_review")])
    out.print(grid)
    out.print("NV: lần thực hiện nhiệm vụ của kế hoạch; HĐKP: hành động khắc phục (trong ngoặc: quá hạn); ĐGNB, "
              "XXLĐ: đánh giá nội bộ, xem xét của lãnh đạo (—: không có trong kế hoạch). Số liệu cũ, nhiệm vụ đã "
              "xong, quyết định: --json hoặc --format xlsx.")
    for view in result.indicators:
        grid = table(f"{view.indicator.code}: {view.indicator.name} ({view.indicator.unit})")
        for heading in ("Hạng", "Đơn vị", "Thực hiện", "Kế hoạch", "Đánh giá"):
            grid.add_column(heading, justify="right" if heading in ("Hạng", "Thực hiện") else "left")
        for rank, row in view.ranked():
            grid.add_row(str(rank or ""), row.body, actual_number(row.evaluation),
                         plan_words(row.evaluation.target, unit=False), status_words(row.evaluation))
        out.print(grid)
        out.print(f"Trung vị: {'chưa có số liệu' if view.median is None else rounded_number(view.median)}")
    for body in result.failed:
        out.print(styled(f"{body.name} ({body.folder}): {body.error}", "red"))

