"""``mtcl rollup``: the level above's overview of its bodies, from the folders and bundles
it received."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtcl.cli.base import (AsOfOption, JsonOption, PdfOption, PeriodOption, command, console, date_option, echo,
                           pdf_beside, styled, table, today)
from mtcl.cli.output import emit_json
from mtcl.core.errors import UserError
from mtcl.core.models import Catalogue, Issuer
from mtcl.core.numbers import format_date, rounded_number
from mtcl.core.periods import check_period, evaluation_date
from mtcl.core.words import actual_number, plan_words, status_words
from mtcl.files.book import load_catalogue
from mtcl.files.collected import collect
from mtcl.files.fs import display_path
from mtcl.usecases.rollup import catalogue_beside, rollup_year
from mtcl.usecases.rollup import rollup as make_rollup
from mtcl.usecases.summaries import BodySummary, Rollup
from mtcl.usecases.views import body_state, rollup_json, sending_words

CHECKS = {True: "đã", False: "chưa", None: "—"}
FORMATS = ("xlsx", "csv", "docx", "png")


@command("rollup", help="Tổng hợp nhiều đơn vị (cấp trên): tình hình từng đơn vị, đơn vị chưa gửi số liệu, so sánh "
                        "các chỉ số chung; đọc thư mục dữ liệu hoặc gói .zip các đơn vị gửi.")
def rollup(
    folders: Annotated[list[Path], typer.Argument(metavar="THƯ_MỤC", help="Thư mục dữ liệu hoặc gói .zip của từng đơn "
                                                                           "vị, hoặc thư mục chứa chúng.")],
    year: Annotated[Optional[int], typer.Option("--year", help="Năm tổng hợp (mặc định: năm mới nhất của đa số đơn "
                                                               "vị).")] = None,
    period: PeriodOption = None,
    as_of: AsOfOption = None,
    indicators: Annotated[Optional[Path], typer.Option("--indicators", help="Danh mục chỉ số chung (indicators.yaml); "
                                                                            "mặc định tìm cạnh các thư mục.")] = None,
    output_format: Annotated[Optional[str], typer.Option("--format", help="xlsx (các bảng, mỗi bảng một trang), csv "
                                                                          "(mỗi đơn vị, chỉ tiêu một dòng) hoặc docx "
                                                                          "(báo cáo tổng hợp để ký) hoặc png (biểu đồ tỷ lệ "
                                                                          "đạt của từng đơn vị).")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Tệp ghi ra, với --format hoặc --json.",
                                                show_default=False)] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Với docx: tên cơ quan cấp trên (nếu indicators.yaml "
                                                               "không ghi issuer), ví dụ 'Tỉnh Ninh Bình'.")] = None,
    place: Annotated[Optional[str], typer.Option("--place", help="Với docx: địa danh ghi trên báo cáo.")] = None,
    number: Annotated[Optional[str], typer.Option("--number", help="Với docx: số văn bản, ví dụ 45 (thành "
                                                                   "45/BC-UBND).")] = None,
    report_date: Annotated[Optional[str], typer.Option("--date", help="Với docx: ngày ký (mặc định hôm nay).")] = None,
    signer: Annotated[Optional[str], typer.Option("--signer", help="Với docx: họ tên người ký.")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", min=1, help="Số tiến trình đọc các đơn vị cùng lúc (mặc "
                                                                      "định: số lõi của máy).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
    pdf: PdfOption = False,
    as_json: JsonOption = False,
) -> None:
    if as_of is not None and period is not None:
        raise UserError("chỉ dùng một trong hai: --as-of hoặc --period")
    json_out = out if output_format is None else None  # --json --out: the JSON's own file
    if (output_format is None) != (out is None) and not (as_json and json_out):
        raise UserError("--format và --out đi cùng nhau",
                        "ví dụ: --format xlsx --out tong-hop.xlsx (hoặc --json --out tong-hop.json)")
    if output_format is not None and output_format not in FORMATS:
        raise UserError(f"định dạng '{output_format}' không hỗ trợ", f"chọn {', '.join(FORMATS)}")
    if pdf and output_format not in ("docx", "xlsx"):
        raise UserError("--pdf chỉ dùng với --format docx hoặc xlsx")
    key = check_period(period) if period else None
    day = date_option(as_of)
    if year is not None and day is not None and day.year != year:
        raise UserError(f"ngày {format_date(day)} không thuộc năm {year}")
    found = indicators or catalogue_beside(folders)
    catalogue = load_catalogue(found) if found else Catalogue()
    received, unusable = collect(folders)
    chosen = rollup_year(received, year, day)
    on = evaluation_date(chosen, today(), day, key) if chosen else None
    result = make_rollup(received, unusable, chosen, on, catalogue, jobs or os.cpu_count() or 1)
    if as_json:
        emit_json(rollup_json(result), json_out)
    else:
        print_rollup(result)
    if output_format is not None:
        written = write(result, catalogue, output_format, out, key, Signing(unit, place, number, report_date, signer),
                        force)
        echo(f"Đã lập: {display_path(written)}")
        if pdf:
            pdf_beside(written)
    if say_problems(result):
        raise typer.Exit(1)


@dataclass(frozen=True)
class Signing:
    """What the level above's report needs from the command line: who signs, where, when."""

    unit: str | None
    place: str | None
    number: str | None
    signed: str | None
    signer: str | None

    def issuer(self, catalogue: Catalogue) -> Issuer:
        """The level above: from indicators.yaml, with --unit and --place over it."""
        issuer = catalogue.issuer
        if self.unit or self.place:
            if not (self.unit and self.place) and issuer is None:
                raise UserError("cần cả --unit và --place (hoặc issuer trong indicators.yaml)")
            issuer = Issuer(unit=self.unit or issuer.unit, place=self.place or issuer.place,
                            parent=issuer.parent if issuer else None)
        if issuer is None:
            raise UserError("báo cáo tổng hợp cần tên cơ quan cấp trên",
                            "ghi issuer trong indicators.yaml, hoặc thêm --unit 'Tỉnh Ninh Bình' --place 'Ninh Bình'")
        return issuer


def write(result: Rollup, catalogue: Catalogue, output_format: str, out: Path, key: str | None, signing: Signing,
          force: bool) -> Path:
    """The roll-up as a workbook, the province's own table (CSV), or the report to sign."""
    from mtcl.report.rollup import rollup_context, rollup_tables, targets_table  # openpyxl or docxtpl: 100 ms
    from mtcl.report.sheets import write_table, write_tables

    if output_format != "docx" and out.suffix.lower() != f".{output_format}":
        raise UserError(f"tệp '{display_path(out)}' không có đuôi .{output_format}",
                        f"đặt tên tệp kết thúc bằng .{output_format}")
    if output_format == "xlsx":
        return write_tables(rollup_tables(result), out, force)
    if output_format == "csv":
        return write_table(targets_table(result), out, force)
    if output_format == "png":
        return picture(result, out, force)
    if result.year is None:
        raise UserError("chưa có đơn vị nào có số liệu để lập báo cáo tổng hợp")
    from mtcl.report.render import render_docx  # docxtpl: 60 ms

    issuer = signing.issuer(catalogue)
    signed = date_option(signing.signed) or today()
    context = rollup_context(result, catalogue.model_copy(update={"issuer": issuer}), key, signed, signing.number,
                             signing.signer)
    return render_docx(context, out, "tong-hop-mtcl.docx", None, force)


def picture(result: Rollup, out: Path, force: bool) -> Path:
    """The share of targets met by each body, as a picture for chat groups and slides."""
    from mtcl.report.picture import chart_png  # matplotlib: 300 ms, only for a picture
    from mtcl.report.rollup import bodies_chart
    from mtcl.report.sheets import writable

    writable(out, force)  # as every document: a link, a device or an edited file is not replaced
    if not result.counted:
        raise UserError("chưa có đơn vị nào có số liệu để vẽ biểu đồ")
    left = len(result.bodies) - len(result.counted)
    subtitle = (f"Năm {result.year}, số liệu đến ngày {format_date(result.as_of)}; {len(result.counted)} đơn vị"
                + (f" ({left} đơn vị chưa có số liệu năm hoặc không đọc được: xem bảng tổng hợp)" if left else ""))
    return chart_png(bodies_chart(result), subtitle, out)


def print_rollup(result: Rollup) -> None:
    """The table of the bodies, the best first; each shared indicator; then who has not
    sent, whose data has damaged lines, what was not counted, and what could not be read."""
    out = console()
    wide = out.width >= 100  # the decision's number only where there is room for it
    when = f"năm {result.year}, đến ngày {format_date(result.as_of)}" if result.as_of else "chưa có năm nào"
    grid = table(f"Tổng hợp các đơn vị ({when})", narrow=not wide)
    grid.add_column("Hạng", justify="right", max_width=5)
    grid.add_column("Đơn vị", ratio=1, min_width=12)
    if wide:
        grid.add_column("Quyết định", no_wrap=True)
    for heading in ("Đạt", "Chậm, chưa đạt", "Chưa có số liệu", "NV quá hạn", "HĐKP mở"):
        grid.add_column(heading, justify="right", max_width=7)
    for heading in ("ĐGNB", "XXLĐ"):
        grid.add_column(heading, max_width=5)
    for body in [*result.ranking(), *(b for b in result.bodies if not b.rank)]:
        grid.add_row(*_row(body, wide))
    out.print(grid)
    out.print("NV: lần thực hiện nhiệm vụ của kế hoạch; HĐKP: hành động khắc phục (trong ngoặc: quá hạn); ĐGNB, "
              "XXLĐ: đánh giá nội bộ, xem xét của lãnh đạo (—: không có trong kế hoạch). Hạng theo tỷ lệ chỉ tiêu "
              "đạt. Số liệu cũ, nhiệm vụ đã xong, quyết định: --json hoặc --format xlsx.")
    for view in result.indicators:
        grid = table(f"{view.indicator.code}: {view.indicator.name} ({view.indicator.unit})")
        for heading in ("Hạng", "Đơn vị", "Thực hiện", "Kế hoạch", "Đánh giá"):
            grid.add_column(heading, justify="right" if heading in ("Hạng", "Thực hiện") else "left")
        for rank, row in view.ranked():
            grid.add_row(str(rank or ""), row.body, actual_number(row.evaluation),
                         plan_words(row.evaluation.target, unit=False), status_words(row.evaluation))
        out.print(grid)
        out.print(f"Trung vị: {'chưa có số liệu' if view.median is None else rounded_number(view.median)}")
    _listed(out, f"Chưa gửi số liệu của kỳ (từ {format_date(result.since)} đến {format_date(result.as_of)})"
            if result.since else "Chưa gửi số liệu", [f"{b.name}: {sending_words(b)}" for b in result.not_sent],
            "yellow")
    _listed(out, "Số liệu có lỗi (đã tổng hợp phần đọc được, bỏ các dòng sau)",
            [f"{b.name}:\n    " + "\n    ".join(b.damaged) for b in result.damaged], "yellow")
    _listed(out, "Không tổng hợp", [f"{entry.folder}: {entry.reason}" for entry in result.set_aside], "yellow")
    _listed(out, "Không đọc được dữ liệu", [f"{b.name} ({b.folder}): {b.error}" for b in result.failed], "red")


def _row(body: BodySummary, wide: bool) -> list:
    """A body's row: its figures, or in their place why it has none."""
    decision = [(body.decision or "").split(" ngày")[0] or styled("chưa có", "yellow")] if wide else []
    if body.state != "counted":
        colour = "red" if body.state == "failed" else "yellow"
        return ["", body.name, *decision[:0], styled(body_state(body).lower(), colour), *[""] * (7 if wide else 6)]
    counts = body.counts
    overdue = f" ({body.actions_overdue})" if body.actions_overdue else ""
    name = body.name if not body.damaged else styled(f"{body.name} (số liệu có lỗi)", "yellow")
    return [str(body.rank or ""), name, *decision, f"{counts['met']}/{counts['total']}", str(body.short),
            str(counts["no_data"]), str(body.tasks_overdue), f"{body.actions_open}{overdue}",
            CHECKS[body.checks.get("internal_audit")], CHECKS[body.checks.get("management_review")]]


def _listed(out, title: str, lines: list[str], colour: str) -> None:
    """A titled list under the tables, when there is anything to list."""
    if lines:
        out.print(styled(f"{title}:", colour))
        for line in lines:
            out.print(f"- {line}")


def say_problems(result: Rollup) -> bool:
    """Say on standard error what was not read whole, naming each; True when something was
    wrong (a body not read, a damaged line, a folder or bundle refused)."""
    if result.failed:
        echo(f"Lỗi: {len(result.failed)}/{len(result.bodies)} đơn vị không đọc được dữ liệu: "
             f"{'; '.join(b.name for b in result.failed)}.", err=True)
    if result.damaged:
        echo(f"Lỗi: số liệu có dòng hỏng (đã bỏ qua các dòng đó): {'; '.join(b.name for b in result.damaged)}.",
             err=True)
    if result.refused:
        echo(f"Lỗi: {len(result.refused)} thư mục, gói không tổng hợp được: "
             f"{'; '.join(entry.folder for entry in result.refused)}.", err=True)
    for entry in result.set_aside:
        if entry.benign:
            echo(f"Lưu ý: {entry.folder}: {entry.reason}.", err=True)
    return bool(result.failed or result.damaged or result.refused)
