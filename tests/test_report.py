"""The Word report as the officer sends it: rendered from real records, read back with python-docx."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from mtcl.report.render import shipped_template
from tests.test_recording import SIX_MONTHS
from tools.build_templates import TEMPLATES as BUILDERS
from tools.build_templates import build_all

NOTE = 'A & B <c> "d"'


@pytest.fixture
def recorded(cli, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    for args in SIX_MONTHS:
        assert cli("record", *args).exit_code == 0
    assert cli("record", "4n", "98,7%", "--note", NOTE, "--source", "Trạm cấp nước & UBND").exit_code == 0
    assert cli("done", "I.1", "--evidence", "QĐ số 27/QĐ-UBND ngày 01/02/2023", "--date", "1/2/2023").exit_code == 0
    assert cli("done", "I.2", "--evidence", "KH số 12/KH-UBND", "--date", "5/4/2023").exit_code == 0
    return cli


def make_report(cli, data_dir: Path, *args: str) -> Document:
    result = cli("report", *args)
    assert result.exit_code == 0, result.output
    path = Path(result.stdout.split(": ", 1)[1].strip())
    if not path.is_absolute():
        path = Path.cwd() / path
    assert path.exists()
    return Document(str(path))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def runs_with(container, text: str):
    return [r for p in container.paragraphs for r in p.runs if text in r.text]


def test_six_month_report(recorded, data_dir):
    document = make_report(recorded, data_dir, "--period", "h1", "--number", "45", "--signer", "Nguyễn Văn An",
                           "--date", "12/6/2023")
    assert (data_dir.parent / "reports" / "2023" / "bao-cao-mtcl-6-thang-2023.docx").exists()

    header = document.tables[0]
    left, right = header.cell(0, 0), header.cell(0, 1)
    assert [p.text for p in left.paragraphs if p.text] == ["ỦY BAN NHÂN DÂN", "XÃ GIANG HẢI"]
    assert all(r.bold and r.font.size == Pt(13) for r in runs_with(left, "GIANG HẢI"))
    assert [p.text for p in right.paragraphs if p.text] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                           "Độc lập - Tự do - Hạnh phúc"]
    (motto,) = runs_with(right, "Độc lập")
    assert motto.bold and motto.font.size == Pt(13)
    assert header.cell(1, 0).text == "Số: 45/BC-UBND"
    (place,) = runs_with(header.cell(1, 1), "Giang Hải")
    assert place.text == "Giang Hải, ngày 12 tháng 6 năm 2023" and place.italic and place.font.size == Pt(14)
    for paragraph in (left.paragraphs[-1], right.paragraphs[-1]):  # the short rules under unit and motto
        assert paragraph._p.pPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr") is not None

    body = texts(document)
    assert "BÁO CÁO" in body
    assert "Kết quả thực hiện Mục tiêu chất lượng 6 tháng đầu năm 2023" in body
    assert "I. KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG" in body
    assert any(t.startswith("Kết quả: thu ngân sách Nhà nước xã hưởng ước đạt 2,9 tỷ đồng, bằng 52% kế hoạch năm;")
               and t.endswith("Đạt 2/17 chỉ tiêu; chưa có số liệu: 4d, 4g, 4k, 4l.") for t in body)
    for heading in ("II. KẾT QUẢ THỰC HIỆN KẾ HOẠCH", "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                    "IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI"):
        assert heading in body
    assert any("I.1. Xây dựng MTCL" in t and "QĐ số 27/QĐ-UBND ngày 01/02/2023" in t for t in body)
    assert any("I.2." in t and "trễ 5 ngày" in t for t in body)
    assert any(t.startswith("- Nhiệm vụ I.3") and "quá hạn" in t for t in body)
    assert any(t.startswith("- Chỉ tiêu 2.2") for t in body)
    assert "- I.6. Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng (chủ trì: Công chức VP-TK xã): " \
           "hạn 15/06/2023, 30/11/2023." in body
    closing = next(t for t in body if t.endswith("./."))
    assert closing.startswith("Tổng hợp đến ngày 30/06/2023: đạt 8/40 chỉ tiêu, ")
    assert closing.endswith("Trên đây là báo cáo kết quả thực hiện Mục tiêu chất lượng 6 tháng đầu năm 2023 "
                            "của UBND xã Giang Hải./.")

    rows = {}
    for table in document.tables[1:-1]:
        assert [c.text for c in table.rows[0].cells] == ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm", "Thực hiện",
                                                        "Tỷ lệ so với KH", "So với cùng kỳ", "Đánh giá"]
        for row in table.rows[1:]:
            cells = [c.text for c in row.cells]
            rows[cells[0]] = cells
    assert len(rows) == 40
    assert rows["5.2"][3:6] + rows["5.2"][7:] == ["trên 98", "99,2", "101,2%", "Đạt"]
    assert rows["4a"][4] == "Ước 2,9" and rows["4a"][7] == "Đúng tiến độ"
    assert rows["4đ"][3:6] == ["1.936,49", "1.002,5", "51,8%"]
    assert rows["4i"][3:5] == ["không quá 3,37", "3,1"] and rows["4i"][7] == "Đạt"
    assert rows["4e2"][7] == "Chậm tiến độ" and rows["7.1"][7] == "Chưa đạt" and rows["9.1"][7] == "Chưa có số liệu"

    closing = document.tables[-1]
    recipients = [p.text for p in closing.cell(0, 0).paragraphs if p.text]
    assert recipients[0] == "Nơi nhận:" and recipients[-1] == "- Lưu: VT, VP-TK."
    assert "- UBND huyện;" in recipients
    (where,) = runs_with(closing.cell(0, 0), "Nơi nhận")
    assert where.bold and where.italic and where.font.size == Pt(12)
    signature = [p.text for p in closing.cell(0, 1).paragraphs if p.text]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]


def test_page_font_and_numbering(recorded, data_dir):
    document = make_report(recorded, data_dir, "--period", "h1")
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    def within(value, low, high):  # Word keeps twentieths of a point: allow a rounding hair
        return Mm(low - 0.1) <= value <= Mm(high + 0.1)

    assert within(section.top_margin, 20, 25) and within(section.bottom_margin, 20, 25)
    assert within(section.left_margin, 30, 35) and within(section.right_margin, 15, 20)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "Times New Roman"
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml
    intro = next(p for p in document.paragraphs if p.text.startswith("Thực hiện Quyết định số 27/QĐ-UBND"))
    assert intro.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert Mm(10) <= intro.paragraph_format.first_line_indent <= Mm(12.7)
    assert intro.paragraph_format.space_after >= Pt(6)
    assert 1 <= intro.paragraph_format.line_spacing <= 1.5


def test_special_characters_survive(recorded, data_dir):
    document = make_report(recorded, data_dir, "--period", "h1")
    shortfall = next(t for t in texts(document) if t.startswith("- Chỉ tiêu 4n"))
    assert f"Nguyên nhân: {NOTE}." in shortfall


def test_annual_report_and_refusal_to_overwrite(recorded, data_dir):
    first = make_report(recorded, data_dir, "--period", "year", "--date", "28/11/2023")
    assert "Kết quả thực hiện Mục tiêu chất lượng năm 2023" in texts(first)
    again = recorded("report", "--period", "year")
    assert again.exit_code == 1 and "đã có" in again.stderr and "--force" in again.stderr
    assert recorded("report", "--period", "year", "--force").exit_code == 0


def test_unknown_variable_in_an_edited_template(recorded, data_dir, tmp_path):
    edited = tmp_path / "mau-rieng.docx"
    document = Document(io.BytesIO(shipped_template("bao-cao-mtcl.docx")))
    document.add_paragraph("Người lập: {{ nguoi_lap }}")
    document.save(str(edited))
    out = tmp_path / "bc.docx"
    result = recorded("report", "--period", "h1", "--template", str(edited), "--out", str(out))
    assert result.exit_code == 1
    assert "dùng biến 'nguoi_lap' không có trong dữ liệu báo cáo" in result.stderr
    assert "Người lập: {{ nguoi_lap }}" in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".bc.docx*"))


def test_sandbox_refuses_python_internals(recorded, tmp_path):
    edited = tmp_path / "mau.md.j2"
    edited.write_text("{{ ''.__class__.__mro__ }}", encoding="utf-8")
    result = recorded("report", "--period", "h1", "--format", "md", "--template", str(edited))
    assert result.exit_code == 1 and "không được phép" in result.stderr


def test_markdown_preview(recorded):
    result = recorded("report", "--period", "h1", "--format", "md")
    assert result.exit_code == 0
    assert "## Kết quả thực hiện Mục tiêu chất lượng 6 tháng đầu năm 2023" in result.stdout
    assert "| 5.2 |" in result.stdout and NOTE in result.stdout


def test_committed_templates_are_what_the_builder_makes(tmp_path):
    built = build_all(tmp_path)
    assert [p.name for p in built] == list(BUILDERS)
    for path in built:
        fresh, shipped = Document(str(path)), Document(io.BytesIO(shipped_template(path.name)))
        assert texts(fresh) == texts(shipped), path.name
        assert [[c.text for r in t.rows for c in r.cells] for t in fresh.tables] == [
            [c.text for r in t.rows for c in r.cells] for t in shipped.tables], path.name

