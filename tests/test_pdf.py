"""The PDF offices pass around (issue 29): written beside the .docx through LibreOffice when
it is installed, and a clear way to get it when it is not; never a traceback."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest

from mtcl.core.models import Catalogue
from mtcl.files.collected import collect
from mtcl.report.rollup import bodies_chart
from mtcl.usecases.rollup import rollup
from tests.test_report import recorded, six_months  # noqa: F401  (fixtures: the six months recorded)
from tests.test_rollup import build_province

HAS_OFFICE = shutil.which("soffice") is not None


def test_without_libreoffice_the_word_file_stays_and_the_way_to_a_pdf_is_said(recorded, data_dir, monkeypatch,
                                                                              tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    monkeypatch.delenv("PROGRAMFILES", raising=False)
    result = recorded("report", "--period", "h1", "--pdf")
    assert result.exit_code == 1
    assert "không tìm thấy LibreOffice" in result.stderr and "libreoffice.org" in result.stderr
    assert "Lưu thành… PDF" in result.stderr and "(tệp Word đã lập xong)" in result.stderr
    assert "Traceback" not in result.output
    reports = data_dir.parent / "reports" / "2023"
    assert (reports / "bao-cao-mtcl-6-thang-2023.docx").exists()
    assert not (reports / "bao-cao-mtcl-6-thang-2023.pdf").exists()


@pytest.mark.skipif(not HAS_OFFICE, reason="LibreOffice is not installed here")
def test_the_pdf_is_written_beside_the_report_and_reads_as_the_report(recorded, data_dir):
    result = recorded("report", "--period", "h1", "--pdf", "--signer", "Nguyễn Văn An")
    assert result.exit_code == 0, result.output
    pdf = data_dir.parent / "reports" / "2023" / "bao-cao-mtcl-6-thang-2023.pdf"
    assert f"Đã lập bản PDF: {pdf}" in result.stdout or "bao-cao-mtcl-6-thang-2023.pdf" in result.stdout
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "BÁO CÁO" in text and "Nguyễn Văn An" in text and "1.936,49" in text


def png_size(data: bytes) -> tuple[int, int]:
    """A PNG's width and height, from its IHDR chunk."""
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_the_chart_is_a_picture_a_phone_shows_whole(recorded, data_dir):
    result = recorded("chart", "--period", "h1")
    assert result.exit_code == 0, result.output
    picture = data_dir.parent / "reports" / "2023" / "bieu-do-mtcl-6-thang-2023.png"
    assert f"Đã vẽ biểu đồ: {picture}" in result.stdout
    width, height = png_size(picture.read_bytes())
    assert width == 1080 and 800 <= height <= 1600  # a phone's width; the nine objectives in one screen


def test_the_chart_has_no_bar_for_an_objective_without_figures(recorded, data_dir):
    from mtcl.files.book import open_year
    from mtcl.report.context import objectives_chart
    from mtcl.usecases.status import year_status
    from datetime import date

    book = open_year(data_dir, 2023)
    chart = objectives_chart(book, [("6 tháng", year_status(book, date(2023, 6, 30)))])
    (series,) = chart["series"]
    six = chart["categories"].index("MT 6 (chưa có số liệu)")
    assert series["values"][six] is None and series["percents"][six] == "chưa có số liệu"
    # Objective 4: 2 met and 6 on track of the 13 of its 17 targets with a figure (it read 8/17: its
    # four unreported counted as failures).
    assert series["counts"][3] == "8/13" and series["values"][3] == Decimal(800) / 13


def test_the_status_sheet_holds_every_target_on_one_landscape_page(recorded, data_dir):
    from docx import Document
    from docx.enum.section import WD_ORIENT

    result = recorded("status", "--period", "h1", "--format", "docx", "--by", "Nguyễn Thị Thu")
    assert result.exit_code == 0, result.output
    sheet = data_dir.parent / "reports" / "2023" / "tinh-hinh-mtcl-2023-06-30.docx"
    assert f"Đã lập bảng tình hình: {sheet}" in result.stdout
    document = Document(str(sheet))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    table = document.tables[0]
    assert len(table.columns) == 14 and len(table.rows) == 1 + 20  # 40 targets, two to a row
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0][:7] == ["Mã", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Ngày", "Đánh giá"]
    ids = [row[0] for row in cells[1:]] + [row[7] for row in cells[1:]]
    assert ids[0] == "1.1" and ids[-1] == "9.2" and len(set(ids)) == 40
    fish = next(row for row in cells if row[0] == "4đ")
    assert fish[3:7] == ["1.936,49", "1.002,5", "31/05", "Đúng tiến độ"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "UBND XÃ GIANG HẢI" in text and "TÌNH HÌNH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2023" in text
    assert "Đến ngày 30/06/2023" in text and "Đạt 8/40 chỉ tiêu; 6 đúng tiến độ;" in text
    signature = [p.text for c in document.tables[-1].rows[0].cells for p in c.paragraphs if p.text]
    assert signature[:2] == ["NGƯỜI LẬP", "(Ký, ghi rõ họ tên)"] and "Nguyễn Thị Thu" in signature


@pytest.mark.skipif(not HAS_OFFICE or not shutil.which("pdfinfo"), reason="LibreOffice or poppler is not here")
def test_the_status_sheet_prints_on_one_page(recorded, data_dir):
    result = recorded("status", "--period", "h1", "--format", "pdf", "--by", "Nguyễn Thị Thu")
    assert result.exit_code == 0, result.output
    pdf = data_dir.parent / "reports" / "2023" / "tinh-hinh-mtcl-2023-06-30.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info


def test_the_level_above_has_its_picture_by_body(cli, tmp_path, monkeypatch):
    """rollup --format png: one bar a body counted, the best first; bodies not counted are
    said under the title, not drawn as zeros."""
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    root = build_province(tmp_path)
    out = tmp_path / "tinh.png"

    result = cli("rollup", str(root), "--period", "h1", "--format", "png", "--out", str(out))
    assert f"Đã lập: {out}" in result.stdout and result.exit_code == 1  # Giao An's data cannot be read
    width, height = png_size(out.read_bytes())
    assert width == 1080 and 500 <= height <= 700  # four bodies counted, a bar each
    received, unusable = collect([root])
    chart = bodies_chart(rollup(received, unusable, 2023, date(2023, 6, 30), Catalogue(), 1))
    assert chart["labels"][0] == "UBND xã Giang Hải" and chart["series"][0]["counts"][0] == "11/40"
    assert chart["series"][0]["percents"][0] == "27,5%" and "UBND xã Giao An" not in chart["labels"]
    assert set(chart["labels"][-2:]) == {"UBND xã Giao Lạc", "UBND phường Hòa Minh"}  # no figure yet: not ranked
    assert chart["series"][0]["values"][-2:] == [None, None]
    again = cli("rollup", str(root), "--period", "h1", "--format", "png", "--out", str(out))
    assert "đã có (có thể đã được chỉnh sửa); không ghi đè" in again.stderr and "--force để ghi đè" in again.stderr


@pytest.mark.parametrize("args", [
    ("rollup", "--format", "csv", "--out", "t.csv", "--pdf"),
    ("rollup", "--format", "png", "--out", "t.png", "--pdf"),
    ("export", "status", "--format", "csv", "--pdf"),
    ("export", "bundle", "--pdf"),
])
def test_a_pdf_is_asked_only_of_a_document_or_a_workbook(cli, data_dir, args):
    result = cli(*args, *([str(data_dir)] if args[0] == "rollup" else []))
    assert result.exit_code == 1 and "--pdf chỉ dùng với" in result.stderr and "Traceback" not in result.output


def test_without_libreoffice_the_workbook_stays_and_the_way_to_a_pdf_is_said(cli, data_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    monkeypatch.delenv("PROGRAMFILES", raising=False)
    out = tmp_path / "tinh-hinh.xlsx"
    result = cli("export", "status", "--out", str(out), "--pdf")
    assert result.exit_code == 1 and out.exists() and not out.with_suffix(".pdf").exists()
    assert "không tìm thấy LibreOffice" in result.stderr and "(tệp Excel đã lập xong)" in result.stderr


@pytest.mark.skipif(not HAS_OFFICE, reason="LibreOffice is not installed here")
def test_the_export_and_the_level_above_have_their_pdf(cli, data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    out = tmp_path / "tinh-hinh.xlsx"
    result = cli("export", "status", "--out", str(out), "--pdf", "--period", "h1")
    assert result.exit_code == 0, result.output
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):  # the workbook's numbers as a Vietnamese system shows them, whatever this one's
        text = subprocess.run(["pdftotext", "-layout", str(out.with_suffix(".pdf")), "-"], capture_output=True,
                              text=True, check=True).stdout
        row = next(line for line in text.splitlines() if line.startswith("4d "))
        assert row.split().count("101,715") == 2 and "101.715" not in row, row  # the plan, as text and as a number
    root = build_province(tmp_path)
    report = tmp_path / "tong-hop.docx"
    result = cli("rollup", str(root), "--period", "h1", "--format", "docx", "--out", str(report), "--number", "45",
                 "--pdf")
    assert report.with_suffix(".pdf").read_bytes().startswith(b"%PDF"), result.output
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(report.with_suffix(".pdf")), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "45/BC-UBND" in text and "UBND xã Giang Hải" in text
