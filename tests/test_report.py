"""The Word report as the officer sends it: rendered from real records, read back with python-docx."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from typer.testing import CliRunner

from mtcl.cli.app import app
from mtcl.report.render import shipped_template
from tests.conftest import SHIPPED
from tests.test_recording import SIX_MONTHS
from tools.build_templates import TEMPLATES as BUILDERS
from tools.build_templates import build_all

NOTE = 'A & B <c> "d"'


@pytest.fixture(scope="module")
def six_months(tmp_path_factory) -> Path:
    """A six-month set recorded once through the command line, for every report test to copy."""
    root = tmp_path_factory.mktemp("six-months") / "data"
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("*.jsonl", "*.lock"))
    env = {"MTCL_DATA": str(root), "MTCL_TODAY": "2023-06-12", "MTCL_USER": "Nguyễn Thị Thu"}
    runner = CliRunner()
    commands = [["record", *args] for args in SIX_MONTHS] + [
        ["record", "4n", "98,7%", "--note", NOTE, "--source", "Trạm cấp nước & UBND"],
        ["done", "I.1", "--evidence", "QĐ số 27/QĐ-UBND ngày 01/02/2023", "--date", "1/2/2023"],
        ["done", "I.2", "--evidence", "KH số 12/KH-UBND", "--date", "5/4/2023"],
    ]
    for command in commands:
        assert runner.invoke(app, command, env=env).exit_code == 0, command
    return root


@pytest.fixture
def recorded(cli, data_dir, six_months, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    for path in (six_months / "2023").glob("*.jsonl"):
        shutil.copy(path, data_dir / "2023" / path.name)
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


def paragraph_after(body: list[str], heading: str) -> str:
    """The paragraph right after the one that starts with ``heading``."""
    return body[next(i for i, t in enumerate(body) if t.startswith(heading)) + 1]


def section(body: list[str], heading: str) -> list[str]:
    """The paragraphs of a numbered section of the body, up to the next heading or the closing."""
    paragraphs = []
    for text in body[body.index(heading) + 1:]:
        if re.match(r"[IVX]+\. ", text) or text.startswith("Tổng hợp đến ngày"):
            break
        paragraphs.append(text)
    return paragraphs


def appendix(document) -> dict[str, list[str]]:
    """The appendix table's rows by STT (a heading row, merged across the table, by its
    text), after checking its heading row, repeated on every page."""
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["Mã", "Chỉ tiêu", "ĐVT", "Kế hoạch năm", "Thực hiện",
                                                    "Tỷ lệ so với KH", "Đánh giá"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    rows = {}
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        rows[cells[0]] = cells
    return rows


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
    economy = paragraph_after(body, "4. Mục tiêu 4:")
    assert economy.startswith("Thu ngân sách Nhà nước xã hưởng ước đạt 2,9 tỷ đồng, bằng 52% kế hoạch năm, đúng tiến "
                              "độ, trong đó thu cân đối ngân sách xã ước đạt 520 triệu đồng (45,9% kế hoạch); ")
    assert "tỷ lệ hộ nghèo ở mức 3,1% (kế hoạch không quá 3,37%), đạt kế hoạch;" in economy
    assert "tiêu chí nông thôn mới đạt chuẩn: đạt 2/3 tiêu chí (Giao thông, Trường học), kế hoạch 3 tiêu chí" \
        in economy
    assert economy.count("trong đó") == 2 and "; trong đó" not in economy  # once per whole, never twice in a row
    assert economy.endswith("Tính chung, đạt 2/17 chỉ tiêu, 6 đúng tiến độ, 3 chậm tiến độ, 2 chưa đạt; chưa có số "
                            "liệu: "
                            "tổng vốn đầu tư toàn xã hội, bán lẻ và doanh thu dịch vụ xã hội, tỷ lệ lao động qua "
                            "đào tạo, lao động đi làm việc ở nước ngoài.")
    assert "Hồ sơ một cửa giải quyết đúng hạn đạt 99,2% (kế hoạch trên 98%), đạt kế hoạch;" in paragraph_after(body, "5. Mục tiêu 5:")
    assert paragraph_after(body, "6. Mục tiêu 6:").startswith("Chưa có số liệu của 2 chỉ tiêu: ")

    plan = body[body.index("II. KẾT QUẢ THỰC HIỆN KẾ HOẠCH") + 1:body.index("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN")]
    assert plan[0] == ("Đến thời điểm báo cáo, 12 lần thực hiện nhiệm vụ đã đến hạn: 1 hoàn thành đúng hạn, 1 "
                       "hoàn thành trễ hạn, 10 quá hạn, đạt 8,3% đúng hạn.")
    assert "Đã hoàn thành đúng hạn: xây dựng MTCL, Kế hoạch thực hiện MTCL năm 2023 (QĐ số 27/QĐ-UBND ngày " \
           "01/02/2023)." in plan  # with the document that shows it done
    assert "Hoàn thành nhưng trễ hạn: xây dựng Kế hoạch Đánh giá nội bộ (ĐGNB) năm 2023 (trễ 5 ngày, KH số " \
           "12/KH-UBND)." in plan

    shortcomings = section(body, "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN")
    assert [p.split(":")[0] for p in shortcomings] == ["- Mục tiêu 2", "- Mục tiêu 4", "- Mục tiêu 5",
                                                       "- Mục tiêu 7", "- Kế hoạch", "- Minh chứng"]
    economy_short = shortcomings[1]
    # Each target's clause has its own commas: they are told apart by semicolons, each kind a sentence.
    assert economy_short.startswith("- Mục tiêu 4: 3 chỉ tiêu chậm tiến độ: thu cân đối ngân sách xã ước đạt 520 "
                                    "triệu đồng, thấp hơn tiến độ cần đạt đến ngày 30/06/2023 (561,8 triệu đồng); ")
    assert ". 2 chỉ tiêu chưa đạt kế hoạch: tỷ lệ tăng dân số tự nhiên ở mức 0,95%, cao hơn kế hoạch 0,05 điểm phần " \
           "trăm; dân số sử dụng nước sạch đạt 98,7%, thấp hơn kế hoạch 0,8 điểm phần trăm." in economy_short
    assert "bằng 52% kế hoạch năm" not in economy_short  # section I's sentences are not said again
    assert economy_short.endswith(f"Nguyên nhân: {NOTE}.")
    overdue = shortcomings[4]
    assert overdue.startswith("- Kế hoạch: 10 lần thực hiện nhiệm vụ quá hạn: xây dựng chương trình ĐGNB")
    assert overdue.count("kế hoạch chuyển đổi số năm 2023") == 1 and "(hạn 31/01/2023, 01/06/2023, " in overdue
    assert shortcomings[5].startswith("- Minh chứng: 9 nhiệm vụ thường xuyên chưa lưu minh chứng quý I: cập nhật, ")
    assert shortcomings[5].count("2023-Q1") == 0

    directions = section(body, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRONG THỜI GIAN TỚI")
    assert directions[0] == "- Tập trung chỉ đạo, có giải pháp đẩy nhanh các chỉ tiêu chưa đạt, chậm tiến độ của các " \
                            "Mục tiêu 2, 4, 5, 7 (nêu tại mục III)."
    assert "- Các ngành gửi số liệu còn thiếu của 18 chỉ tiêu để tổng hợp." in directions
    due = directions[-1]
    assert due.startswith("- Thực hiện các nhiệm vụ của kế hoạch đến hạn: trước 30/06/2023: xem xét của lãnh đạo")
    assert "Báo cáo kết quả thực hiện MTCL" not in due and "báo cáo kết quả thực hiện MTCL" not in due  # I.6 itself

    closing = next(t for t in body if t.endswith("./."))
    assert closing.startswith("Tổng hợp đến ngày 30/06/2023: đạt 8/40 chỉ tiêu, ")
    assert closing.endswith("Trên đây là báo cáo kết quả thực hiện Mục tiêu chất lượng 6 tháng đầu năm 2023 "
                            "của UBND xã Giang Hải./.")
    for paragraph in body[:body.index("Phụ lục")]:
        assert not set(paragraph.replace(NOTE, "")) & set("≥≤<>"), paragraph  # the officer's words are hers

    assert body[body.index("Phụ lục") + 1:body.index("Phụ lục") + 3] == [
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU MỤC TIÊU CHẤT LƯỢNG 6 THÁNG ĐẦU NĂM 2023",
        "(Kèm theo Báo cáo số 45/BC-UBND ngày 12/06/2023 của UBND xã Giang Hải)"]
    rows = appendix(document)
    assert len([r for r in rows.values() if len(set(r)) > 1]) == 40
    assert rows["5.2"][3:] == ["trên 98", "99,2", "101,2%", "Đạt"]
    assert rows["4a"][4] == "Ước 2,9" and rows["4a"][6] == "Đúng tiến độ"
    assert rows["4đ"][3:6] == ["1.936,49", "1.002,5", "51,8%"]
    assert rows["4i"][3:5] == ["không quá 3,37", "3,1"] and rows["4i"][6] == "Đạt"
    assert rows["4e2"][6] == "Chậm tiến độ" and rows["7.1"][6] == "Chưa đạt" and rows["9.1"][6] == "Chưa có số liệu"
    headings = [key for key, cells in rows.items() if len(set(cells)) == 1]
    assert [h.split(":")[0] for h in headings] == [f"Mục tiêu {n}" for n in range(1, 10)]

    closing = document.tables[1]
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
    shortfall = next(t for t in texts(document) if t.startswith("- Mục tiêu 4:"))
    assert "dân số sử dụng nước sạch đạt 98,7%" in shortfall and f"Nguyên nhân: {NOTE}." in shortfall


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
    assert "| 5.2 | Phấn đấu trên 98% hồ sơ thủ tục hành chính" in result.stdout and NOTE in result.stdout
    assert "| **5** | **Mục tiêu 5: Kết quả xử lý Dịch vụ công, giải quyết TTHC.** |" in result.stdout
    assert result.stdout.index("**CHỦ TỊCH**") < result.stdout.index("## Phụ lục") < result.stdout.index("| 5.2 |")
    year = recorded("report", "--period", "year", "--format", "md").stdout
    assert "| Mục tiêu | 6 tháng (đến 30/06/2023) | Cả năm (đến 31/12/2023) |" in year
    assert re.search(r"^\| MT 5 \| \d+(,\d)?% \| \d+(,\d)?% \|$", year, flags=re.MULTILINE)


def test_committed_templates_are_what_the_builder_makes(tmp_path):
    built = build_all(tmp_path)
    assert [p.name for p in built] == list(BUILDERS)
    for path in built:
        fresh, shipped = Document(str(path)), Document(io.BytesIO(shipped_template(path.name)))
        assert texts(fresh) == texts(shipped), path.name
        assert [[c.text for r in t.rows for c in r.cells] for t in fresh.tables] == [
            [c.text for r in t.rows for c in r.cells] for t in shipped.tables], path.name



NOTES = """\
h1:
  general: "Sáu tháng đầu năm, xã tập trung chỉ đạo thu ngân sách."
  objectives:
    4:
      assessment: "Kinh tế tăng trưởng khá."
      causes: "Mưa bão kéo dài, tàu nằm bờ."
      directions: "Hỗ trợ ngư dân bám biển."
year:
  general: "Cả năm không dùng tới."
"""


def test_the_officers_own_words_stand_where_they_belong(recorded, data_dir):
    (data_dir / "2023" / "notes.yaml").write_text(NOTES, encoding="utf-8")
    body = texts(make_report(recorded, data_dir, "--period", "h1"))
    intro = next(i for i, t in enumerate(body) if t.startswith("Thực hiện Quyết định số 27/QĐ-UBND"))
    assert body[intro + 2] == "Sáu tháng đầu năm, xã tập trung chỉ đạo thu ngân sách."  # after the figures' date
    assert paragraph_after(body, "4. Mục tiêu 4:") == "Kinh tế tăng trưởng khá."  # before the figures
    assert paragraph_after(body, "Kinh tế tăng trưởng khá.").startswith("Thu ngân sách Nhà nước xã hưởng")
    economy = next(t for t in section(body, "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN") if t.startswith("- Mục tiêu 4:"))
    assert f"Nguyên nhân: Mưa bão kéo dài, tàu nằm bờ.; {NOTE}." not in economy
    assert "Nguyên nhân: Mưa bão kéo dài, tàu nằm bờ; " in economy or "Nguyên nhân: Mưa bão kéo dài, tàu nằm bờ." \
        in economy
    assert section(body, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRONG THỜI GIAN TỚI")[0] == \
        "- Mục tiêu 4: Hỗ trợ ngư dân bám biển."
    assert "Cả năm không dùng tới." not in body

    # Made again, the same words stand: they live in notes.yaml, not in the document.
    again = texts(make_report(recorded, data_dir, "--period", "h1", "--force"))
    assert again == body


def test_a_wrong_notes_file_is_named_with_its_line(recorded, data_dir):
    notes = data_dir / "2023" / "notes.yaml"
    notes.write_text("h1:\n  objectives:\n    12:\n      causes: x\n", encoding="utf-8")
    result = recorded("report", "--period", "h1", "--format", "md")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "notes.yaml:3" in result.stderr and "không có mục tiêu 12 trong objectives.yaml" in result.stderr
    notes.write_text("h1:\n  objectives:\n    4:\n      cause: x\n", encoding="utf-8")
    result = recorded("validate")
    assert result.exit_code == 1 and "notes.yaml:4" in result.stderr and "cause" in result.stderr


def test_headings_stay_with_their_text_and_the_appendix_follows_the_signature(recorded, data_dir):
    document = make_report(recorded, data_dir, "--period", "h1")
    paragraphs = document.paragraphs
    headings = [p for p in paragraphs if re.match(r"([IVX]+|\d)\. ", p.text)]
    assert len(headings) == 4 + 9
    assert all(p.paragraph_format.keep_with_next for p in headings)
    body = document.element.body
    order = [child.tag.split("}")[1] + ":" + "".join(child.itertext()).strip()[:20] for child in body]
    signature = next(i for i, item in enumerate(order) if item.startswith("tbl:Nơi nhận"))
    annex = next(i for i, item in enumerate(order) if item.startswith("p:Phụ lục"))
    table = next(i for i, item in enumerate(order) if item.startswith("tbl:Mã"))
    assert signature < annex < table
    assert next(p for p in paragraphs if p.text == "Phụ lục").paragraph_format.page_break_before


def test_without_a_signer_the_name_is_left_for_handwriting_and_said(recorded, data_dir):
    result = recorded("report", "--period", "h1")
    assert result.exit_code == 0
    assert "Lưu ý: chưa có họ tên người ký: dòng họ tên để trống để ký tay" in result.stderr
    path = Path(result.stdout.split(": ", 1)[1].strip())
    signature = [p.text for p in Document(str(path)).tables[1].cell(0, 1).paragraphs if p.text]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    signed = recorded("report", "--period", "h1", "--signer", "Nguyễn Văn An", "--force")
    assert "người ký" not in signed.stderr


def test_the_year_report_has_an_editable_chart_beside_the_half_year(recorded, data_dir):
    document = make_report(recorded, data_dir, "--period", "year", "--date", "28/11/2023")
    parts = {part.partname: part for part in document.part.package.iter_parts()}
    (chart,) = [part for name, part in parts.items() if name.startswith("/word/charts/chart")]
    xml = chart.blob.decode("utf-8")
    assert xml.count("<c:ser>") == 2 and "6 tháng (đến 30/06/2023)" in xml and "Cả năm (đến 31/12/2023)" in xml
    assert "MT 9" in xml and "<c:barChart>" in xml
    # Objective 6 has no figure in the year: a gap named so, not a bar at 0 beside those that failed.
    assert "MT 6 (chưa có số liệu)" in xml
    for values in re.findall(r"<c:numCache>.*?</c:numCache>", xml):
        assert '<c:pt idx="5">' not in values and '<c:pt idx="4">' in values
    assert any(name.startswith("/word/embeddings/") and name.endswith(".xlsx") for name in parts)  # edit data in Word
    assert "[[BIỂU ĐỒ]]" not in texts(document)
    # In section I, between its sentence and its caption, all kept together: never alone on a page.
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p._p.findall(".//" + qn("w:drawing")))
    assert paragraphs[at - 1].text.endswith("như biểu đồ dưới đây:") and paragraphs[at - 1].paragraph_format.keep_with_next
    assert paragraphs[at].paragraph_format.keep_with_next
    assert paragraphs[at + 1].text.startswith("Biểu đồ: Tỷ lệ chỉ tiêu đạt hoặc đúng tiến độ")
    assert at < next(i for i, p in enumerate(paragraphs) if p.text == "II. KẾT QUẢ THỰC HIỆN KẾ HOẠCH")
    h1 = make_report(recorded, data_dir, "--period", "h1")
    assert not [name for name in (p.partname for p in h1.part.package.iter_parts()) if "chart" in name]


def test_nine_months(recorded, data_dir):
    body = texts(make_report(recorded, data_dir, "--period", "9m", "--date", "20/9/2023"))
    assert "Kết quả thực hiện Mục tiêu chất lượng 9 tháng đầu năm 2023" in body
    assert (data_dir.parent / "reports" / "2023" / "bao-cao-mtcl-9-thang-2023.docx").exists()
    assert "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU MỤC TIÊU CHẤT LƯỢNG 9 THÁNG ĐẦU NĂM 2023" in body


def test_every_estimate_says_so_in_every_section(cli, data_dir, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    for target, figure in (("4b", "2,5"), ("4c", "40"), ("4d", "10"), ("4g", "30")):
        assert cli("record", target, figure, "--estimated").exit_code == 0
    body = texts(make_report(cli, data_dir, "--period", "h1"))
    for label in ("chi ngân sách nhà nước trên địa bàn", "thu nhập bình quân đầu người", "tổng vốn đầu tư toàn xã hội",
                  "bán lẻ và doanh thu dịch vụ xã hội"):
        mentions = [t.lower().split(label, 1)[1] for t in body if label in t.lower()]
        figures = [after for after in mentions if re.match(r" (ước )?(đạt|ở mức) \d", after)]
        assert len(figures) >= 1 and all(after.startswith(" ước đạt ") for after in figures), (label, mentions)
    shortcomings = " ".join(section(body, "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN"))
    assert "thu nhập bình quân đầu người ước đạt 40 triệu đồng" in shortcomings


def test_no_number_or_heading_word_is_broken_across_lines(recorded, data_dir):
    """'1.936,49' once came out as '1.936,4 / 9' and the id heading as 'ST / T': each
    column is as wide as its longest figure or word, whatever the period."""
    from mtcl.report.layout import needs, text_width

    for period in ("h1", "9m", "year"):
        document = make_report(recorded, data_dir, "--period", period, "--date", "28/11/2023", "--force")
        appendix = document.tables[-1]._tbl
        widths = [int(c.get(qn("w:w"))) for c in appendix.tblGrid.findall(qn("w:gridCol"))]
        least, _ = needs(appendix)
        assert all(w >= n for w, n in zip(widths, least)), (period, widths, least)
        assert abs(sum(widths) - Mm(165).twips) <= len(widths)  # the table keeps the page's width (each rounded)
        plan_column = [t.text for t in document.tables[-1].columns[3].cells]
        assert "1.936,49" in plan_column
        # '1.936,49' at 11 pt is wider than the 17 mm the template gave the column
        assert text_width("1.936,49", 11) + 216 > round(Mm(17).twips)


def test_fitting_takes_room_first_from_columns_that_lose_nothing():
    from mtcl.report.layout import fitted

    # column 0 needs 300 more; column 2 has 200 beyond its whole lines, column 1 the rest
    assert fitted([1000, 3000, 1500], [1300, 1000, 800], [1300, 5000, 1300]) == [1300, 2900, 1300]
    assert fitted([1000, 3000], [900, 1000], [900, 5000]) == [1000, 3000]  # nothing to do
    assert fitted([1000, 1000], [1500, 1000]) == [1000, 1000]  # no room anywhere: left as it is
