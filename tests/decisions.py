"""Decisions as a body keeps them, built as real .docx files for the importer's tests: the
seed decision of UBND xã Giang Hải (Phụ lục 1 as paragraphs, Phụ lục 2 as a Word table),
and decisions of other shapes."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

# The source document of the shipped data (Quyết định 27/QĐ-UBND of xã Giang Hải), as text.
SEED = Path(__file__).resolve().parent / "data" / "decision" / "QD-27-MTCL-2023.txt"
ROMAN = re.compile(r"^[IVX]+\.?$")


def first_page(document, unit: str, place: str, number: str, day: str, parent: str | None = None) -> None:
    """The decision's first page: the body and the motto side by side, the number, the
    place and date, the title, the articles."""
    header = document.add_table(rows=2, cols=2)
    left = [parent.upper()] if parent else []
    header.cell(0, 0).text = "\n".join(left + ["ỦY BAN NHÂN DÂN", unit.upper()])
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = f"Số: {number}"
    header.cell(1, 1).text = f"{place}, {day}"
    document.add_paragraph("QUYẾT ĐỊNH")
    document.add_paragraph("Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng")
    document.add_paragraph("Điều 1. Ban hành kèm theo Quyết định này Mục tiêu chất lượng (Phụ lục 1) và Kế hoạch "
                           "thực hiện Mục tiêu chất lượng (Phụ lục 2).")
    document.add_page_break()


def seed_cells(lines: list[str]) -> list[str]:
    """The seed's table: each cell begins with a tab, its lines follow."""
    cells: list[list[str]] = []
    for line in lines:
        if line.startswith("\t"):
            cells.append([line.strip()])
        elif cells:
            cells[-1].append(line.rstrip())
    return ["\n".join(part for part in cell if part.strip()).strip() for cell in cells]


def seed_rows(cells: list[str]) -> list[list[str]]:
    """Rows from the seed's cells: two heading rows, then a section (2 cells) or a task (7)."""
    rows = [cells[:6], cells[6:13]]
    at = 13
    while at < len(cells):
        width = 2 if ROMAN.match(cells[at]) else 7
        rows.append(cells[at:at + width])
        at += width
    return rows


def seed_decision(path: Path) -> Path:
    text = SEED.read_text(encoding="utf-8")
    annex_one, annex_two = text.split("Phụ lục 2", 1)
    before_table, rest = annex_two.split("II. NỘI DUNG THỰC HIỆN", 1)
    table_lines, after = rest.split("III. TỔ CHỨC THỰC HIỆN", 1)
    document = Document()
    first_page(document, "Xã Giang Hải", "Giang Hải", "27/QĐ-UBND", "ngày 01 tháng 02 năm 2023")
    for line in annex_one.splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    document.add_page_break()
    document.add_paragraph("Phụ lục 2")
    for line in before_table.splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    document.add_paragraph("II. NỘI DUNG THỰC HIỆN")
    rows = seed_rows(seed_cells(table_lines.splitlines()))
    table = document.add_table(rows=len(rows), cols=7)
    heading = ["TT", "Mục tiêu chất lượng và biện pháp thực hiện MTCL", "Trách nhiệm thực hiện", "",
               "Thời gian thực hiện", "Trách nhiệm theo dõi MTCL", "Cách thức theo dõi và kết quả"]
    for index, cell in enumerate(heading):
        table.cell(0, index).text = cell
    table.cell(0, 2).merge(table.cell(0, 3))
    table.cell(0, 2).text = "Trách nhiệm thực hiện"
    for index, cell in enumerate(["", "", "Cơ quan chủ trì", "Phối hợp", "", "", ""]):
        table.cell(1, index).text = cell
    for number, row in enumerate(rows[2:], start=2):
        if len(row) == 2:  # a section: its title across the table
            table.cell(number, 0).text = row[0]
            merged = table.cell(number, 1).merge(table.cell(number, 6))
            merged.text = row[1]
        else:
            for index, cell in enumerate(row):
                table.cell(number, index).text = cell
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN:")
    for line in after.splitlines():
        if line.strip():
            document.add_paragraph(line.strip())
    document.save(str(path))
    return path


def plan_table(document, sections: list[tuple[str, str, list[tuple[str, str, str, str, str, str, str]]]]) -> None:
    """Phụ lục 2's table: a heading row, then each section and its tasks."""
    heading = ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện",
               "Người theo dõi", "Kết quả, hồ sơ"]
    rows = 1 + sum(1 + len(tasks) for _, _, tasks in sections)
    table = document.add_table(rows=rows, cols=7)
    for index, text in enumerate(heading):
        table.cell(0, index).text = text
    at = 1
    for mark, title, tasks in sections:
        table.cell(at, 0).text = mark
        table.cell(at, 1).merge(table.cell(at, 6)).text = title
        at += 1
        for task in tasks:
            for index, text in enumerate(task):
                table.cell(at, index).text = text
            at += 1


def ward_decision(path: Path) -> Path:
    """A ward's decision: a growth on last year, ranges, a ceiling, a parent body above."""
    document = Document()
    first_page(document, "Phường Hòa Minh", "Hòa Minh", "15/QĐ-UBND", "ngày 22 tháng 01 năm 2024",
               parent="UBND quận Sơn Tây")
    for text in ["PHỤ LỤC 1: MỤC TIÊU CHẤT LƯỢNG NĂM 2024",
                 "(Kèm theo Quyết định số 15/QĐ-UBND ngày 22/01/2024 của UBND phường)",
                 "1. Phát triển kinh tế của phường năm 2024, cụ thể:",
                 "a) Thu ngân sách trên địa bàn tăng 8% so với năm 2023",
                 "b) Tốc độ tăng giá trị sản xuất: từ 14% đến 15%",
                 "c) Doanh thu thương mại, dịch vụ: 44 tỷ đồng",
                 "2. Phát triển văn hóa - xã hội:",
                 "- Tỷ lệ sinh từ 1,8 đến 2,1 con",
                 "- Tỷ lệ hộ nghèo dưới 1%",
                 "- Số hộ nghèo giảm 10% so với năm 2023",
                 "3. Phấn đấu trên 98% hồ sơ thủ tục hành chính được giải quyết đúng hạn.",
                 "Phụ lục 2", "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2024"]:
        document.add_paragraph(text)
    plan_table(document, [
        ("I", "Phát triển kinh tế", [("1", "Giao chỉ tiêu thu ngân sách cho các tổ dân phố", "Phòng Tài chính",
                                      "Các tổ dân phố", "Quý I/2024", "Chủ tịch UBND phường", "Quyết định giao")]),
        ("II", "Phát triển văn hóa - xã hội", [("1", "Rà soát hộ nghèo, hộ cận nghèo", "Công chức VH-XH",
                                                "Các tổ dân phố", "Tháng 11/2024", "Phó Chủ tịch", "Báo cáo rà soát")]),
        ("III", "Cải cách hành chính", [
            ("1", "Xây dựng chương trình và triển khai đánh giá nội bộ", "Thư ký ISO", "", "Quý II năm 2024",
             "QMR", "Báo cáo ĐGNB"),
            ("2", "Xem xét của lãnh đạo", "Thư ký ISO", "", "6 tháng một lần", "QMR", "Biên bản"),
            ("3", "Khảo sát sự hài lòng của người dân", "Bộ phận một cửa", "", "Khi có điều kiện", "QMR",
             "Phiếu khảo sát")])])
    document.save(str(path))
    return path


def district_decision(path: Path) -> Path:
    """A district department's decision whose Phụ lục 1 is a table, an owner to each target."""
    document = Document()
    first_page(document, "Huyện Giao Thủy", "Giao Thủy", "112/QĐ-UBND", "ngày 10 tháng 01 năm 2024",
               parent="UBND tỉnh Nam Định")
    document.add_paragraph("PHỤ LỤC 1: MỤC TIÊU CHẤT LƯỢNG NĂM 2024")
    rows = [
        ("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024", "Đơn vị phụ trách"),
        ("1", "Cải cách hành chính", "", "", ""),
        ("1.1", "Hồ sơ TTHC giải quyết đúng hạn", "%", "trên 98", "Văn phòng HĐND và UBND"),
        ("1.2", "Hồ sơ trực tuyến toàn trình", "%", "tối thiểu 60", "Văn phòng HĐND và UBND"),
        ("2", "Kinh tế", "", "", ""),
        ("2.1", "Tổng thu ngân sách trên địa bàn", "tỷ đồng", "1.250,5", "Phòng Tài chính - Kế hoạch"),
        ("2.2", "Tỷ lệ hộ nghèo", "%", "không quá 1,5", "Phòng Lao động - Thương binh và Xã hội"),
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for number, row in enumerate(rows):
        if row[1] and not row[2] and number:
            table.cell(number, 0).text = row[0]
            table.cell(number, 1).merge(table.cell(number, 4)).text = row[1]
            continue
        for index, text in enumerate(row):
            table.cell(number, index).text = text
    document.add_paragraph("Phụ lục 2")
    plan_table(document, [
        ("I", "Cải cách hành chính", [("1", "Theo dõi hồ sơ trên Hệ thống thông tin giải quyết TTHC",
                                       "Văn phòng HĐND và UBND", "Các phòng", "Hằng quý", "Chánh Văn phòng",
                                       "Báo cáo quý")]),
        ("II", "Kinh tế", [("1", "Báo cáo kết quả thực hiện Mục tiêu chất lượng năm", "Phòng Nội vụ", "", "Tháng 11/2024",
                            "Chủ tịch UBND huyện", "Báo cáo năm")])])
    document.save(str(path))
    return path
