"""A corpus of decisions issuing quality objectives (Quyết định ban hành Mục tiêu chất lượng,
TCVN ISO 9001:2015), each built at test time as a real Word .docx with python-docx, for
`mtcl init YEAR --from-decision QD.docx`.

Written by a witness who has not read the reader: each case is a decision of a different body
and shape, laid out as offices lay them out (national motto, the body and its parent, "Số: …",
place and date, "QUYẾT ĐỊNH", the bases, the articles, "Nơi nhận" and the signature, then
Phụ lục 1 with the objectives and, most often, Phụ lục 2 with the plan), and beside it what a
careful official reads in it, per DOMAIN.md ("How a plan figure is meant") and the rule book
(RULES.md, section 2).

How to read an expectation
--------------------------
- `issuer`: `authority` is the kind of body as its header names it (Ủy ban nhân dân, Sở Tư pháp,
  Trung tâm Y tế, Chi cục Thuế) and `unit` the territory it serves, written as a name
  ("Phường Phú Hội", "Thị xã Hương Trà", "Huyện Quảng Điền", "Tỉnh Quảng Nam"), so that
  authority + unit (first letter lowered) is the body's full name. `place` is the địa danh of
  the date line. `parent` is the body directly above, written as prose writes it ("UBND tỉnh
  Quảng Trị", "UBND thị xã Hương Trà", "Sở Y tế Thừa Thiên Huế"), wherever the decision names
  it: the header, the bases (Căn cứ …) or the recipients (Nơi nhận).
- `decision`: `number` as in "Số: …" with the spaces typists leave around "/" removed, `date`,
  and `verb`: "ban hành" or "công bố".
- Objective ids are the decision's numbers (1, 2 …; a Roman "II" is 2). Target ids follow the
  decision's own numbering: "2.1" when it numbers them, "2a", "2đ", "2ê" when it letters them,
  "2a1" for the "Trong đó" part of a lettered target; "n.1", "n.2" … in order when it gives
  the targets no number of their own (dashes, table rows without a number, clauses of one
  sentence). Task ids are "I.1" …: the plan's section (Roman, as the plan writes it) and the
  row's place in that section.
- `title` and `name` are the words as the decision writes them, without their marker (1., a),
  -, –, the number cell) and without the final full stop, colon or semicolon; tabs and line
  breaks count as one space. A sentence that holds two targets gives each its own clause: a
  name is then the clause, and a reader's name that contains it is a match.
- Only the keys written are expected. A key written with the value None means the reader must
  leave it empty; when the key is also listed in the case's `unreadable` (as "<id>.<key>"), the
  text does not give the value: the reader must leave it as a TODO or a guess marked as such,
  never write it as a fact.
- `plan` is a Python number (1936.49, not "1.936,49"); a range is a two-item list [low, high]
  whose meaning is given by `op`. Units are written as the rule book writes them: lower case
  ("tỷ đồng", "vụ", "hồ sơ"), "%" for percentages, whatever case the table's unit column uses.
- `share_of: ADDED_REFERENCE` means the plan is a percentage of a figure the body is given
  (the dự toán) that the decision does not list as a line of its own: the reader adds a target
  of kind `reference` for it (id of its choosing, no plan, no op, the same unit) and points
  `share_of` at it. When the decision lists that figure as a line, `share_of` names its id.
- A task's schedule is `due` (the dates its timing implies) or `repeat` (monthly, quarterly,
  half-yearly, yearly, continuous); `repeat: quarterly` and `due` at the four ends of quarter
  are the same schedule, and so are `half-yearly` and due 30/6 and 31/12. `kind` is
  internal_audit, management_review, results_report or None for any other task. `partners`
  is the list of partners as written; "Các phòng, ban" is ONE partner, "QMR, Thư ký ISO" two.
- `tasks` is None when the decision has no plan annex.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

# The marker for a reference target (the dự toán) the reader has to add: see the docstring.
ADDED_REFERENCE = "<reference target added by the reader>"

# The grades of Nghị định 90/2020/NĐ-CP (xếp loại chất lượng), lowest first as the rule book
# wants a scale.
ND90_SCALE = ["Không hoàn thành nhiệm vụ", "Hoàn thành nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
              "Hoàn thành xuất sắc nhiệm vụ"]

# Phrases the corpus must carry somewhere, exactly as decisions write them (checked by
# test_corpus_builds on the built documents).
PHRASES = [
    "Tốc độ tăng trưởng kinh tế 14-15%", "từ 80 đến 90 điểm", "tăng 15%", "tăng thu ngân sách 17%",
    "Giảm 20% số vụ cháy nổ so với năm 2020", "(0 vụ)", "0 hồ sơ", "theo TCVN ISO 9001:2015",
    "giai đoạn 2021-2025", "Quyết định số 1123/QĐ-UBND", "Tỷ lệ hài lòng > 90%", "vượt 5% dự toán",
    "đạt 105% dự toán", "Tỷ lệ hộ nghèo giảm 1,5%",
    "100% hồ sơ được giải quyết đúng hạn, trong đó trước hạn từ 60% trở lên", "không quá 45 vụ",
    "mỗi quý ít nhất 01 cuộc kiểm tra", "trên 80% vào năm 2025", "Chỉ số cải cách hành chính xếp loại Tốt",
    "Hoàn thành tốt nhiệm vụ trở lên", "Duy trì, cải tiến Hệ thống quản lý chất lượng", "1.936,49 tấn",
    "1,133 tỷ đồng", "78.000 lượt", "Tổ chức đánh giá nội bộ", "Tổ chức ĐGNB", "Họp xem xét của lãnh đạo",
    "Quý I, II, III, IV năm 2021", "Định kỳ hàng tháng", "Hàng tháng", "Thường xuyên",
    "Trước ngày 15/6 và 30/11", "Tháng 01-02", "Các phòng, ban", "Đơn vị tính", "ĐVT",
    "Chỉ tiêu năm 2021", "Ghi chú", "STT", "Kế hoạch năm 2024", "Về việc công bố",
]


@dataclass(frozen=True)
class Case:
    """One decision of the corpus: how to build it, and what it means."""

    name: str
    shape: str
    year: int
    build: Callable[[Path], Path]
    issuer: dict[str, Any]
    decision: dict[str, Any]
    objectives: list[dict[str, Any]]
    tasks: list[dict[str, Any]] | None
    unreadable: dict[str, str] = field(default_factory=dict)


# --- expectations ---------------------------------------------------------------------------

def _o(number: int, title: str, *targets: dict[str, Any]) -> dict[str, Any]:
    return {"id": number, "title": title, "targets": list(targets)}


def _t(tid: str, name: str, kind: str, plan: Any, op: str, unit: str | None, **more: Any) -> dict[str, Any]:
    """A measured target: the keys every measured target has, and the optional ones given."""
    return {"id": tid, "name": name, "kind": kind, "plan": plan, "op": op, "unit": unit, **more}


def _judged(tid: str, name: str) -> dict[str, Any]:
    """A qualitative target the body judges itself: no plan, no op."""
    return {"id": tid, "name": name, "kind": "judged", "plan": None, "op": None}


def _rating(tid: str, name: str, plan: str, scale: list[str] | None) -> dict[str, Any]:
    """A grade aimed at; op is absent or ">=" (the same, rule book section 7): not checked."""
    return {"id": tid, "name": name, "kind": "rating", "plan": plan, "scale": scale}


def _reference(tid: str, name: str, unit: str) -> dict[str, Any]:
    """A figure the body is given (dự toán): not a target, no plan, no op."""
    return {"id": tid, "name": name, "kind": "reference", "plan": None, "op": None, "unit": unit}


def _task(tid: str, work: str, lead: str, partners: list[str], timing: str, *, due: list[date] | None = None,
          repeat: str | None = None, kind: str | None = None) -> dict[str, Any]:
    return {"id": tid, "work": work, "lead": lead, "partners": partners, "timing": timing,
            "due": due or [], "repeat": repeat, "kind": kind}


# --- documents ------------------------------------------------------------------------------

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def _document(*, size: float = 14, line_spacing: float | None = None, after: float = 0,
              font: str = "Times New Roman", left_margin: float = 30) -> Any:
    """An A4 document in the office's own font size and spacing."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = font
    style.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    style.font.size = Pt(size)
    style.paragraph_format.space_after = Pt(after)
    if line_spacing:
        style.paragraph_format.line_spacing = line_spacing
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(left_margin), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    return document


def _fill(paragraph: Any, pieces: Any, *, bold: bool = False, italic: bool = False, size: float | None = None,
          align: Any = None, indent: float | None = None, before: float | None = None, font: str | None = None) -> Any:
    """Write text into a paragraph. `pieces` is a text or a list of texts and (text, {bold,
    italic}) pairs, each its own run, as Word splits a line into runs. Tabs and line breaks in a
    text become Word tabs and line breaks."""
    for piece in [pieces] if isinstance(pieces, str) else pieces:
        text, extra = (piece, {}) if isinstance(piece, str) else piece
        run = paragraph.add_run(text)
        run.bold = extra.get("bold", bold) or None
        run.italic = extra.get("italic", italic) or None
        if size:
            run.font.size = Pt(size)
        if font:  # a table pasted from a spreadsheet keeps the spreadsheet's font
            run.font.name = font
    if align is not None:
        paragraph.alignment = align
    if indent is not None:
        paragraph.paragraph_format.first_line_indent = Cm(indent)
    if before is not None:
        paragraph.paragraph_format.space_before = Pt(before)
    return paragraph


def _p(document: Any, pieces: Any, **style: Any) -> Any:
    return _fill(document.add_paragraph(), pieces, **style)


def _lines(document: Any, lines: list[Any], **style: Any) -> None:
    for line in lines:
        _p(document, line, **style)


def _cell(cell: Any, lines: Any, **style: Any) -> None:
    """Write into a table cell: a text is one paragraph (its "\\n" are line breaks), a list is
    one paragraph per item (Enter pressed between them)."""
    lines = [lines] if isinstance(lines, str) else lines
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        _fill(paragraph, line, **style)


def _header(document: Any, *, layout: str, body: list[str], number: str, place_date: str,
            parent: list[str] | None = None, size: float = 13) -> None:
    """The top of the first page: the body (under its parent when the header names one) on the
    left, the national motto on the right, the number under the body, place and date under the
    motto. Offices lay it out as a 2×2 table, as a 1×2 table, or as lines with a tab."""
    parent = parent or []
    if layout == "grid":
        table = document.add_table(rows=2, cols=2)
        left = [[(line, {"bold": False})] for line in parent] + [[(line, {"bold": True})] for line in body]
        _cell(table.cell(0, 0), left, size=size, align=CENTER)
        _cell(table.cell(0, 1), [[(MOTTO[0], {"bold": True})], [(MOTTO[1], {"bold": True})]], size=size, align=CENTER)
        _cell(table.cell(1, 0), number, size=size, align=CENTER)
        _cell(table.cell(1, 1), place_date, italic=True, size=size, align=CENTER)
    elif layout == "cells":
        table = document.add_table(rows=1, cols=2)
        left = [[(line, {"bold": False})] for line in parent] + [[(line, {"bold": True})] for line in body]
        _cell(table.cell(0, 0), left + ["———————", number], size=size, align=CENTER)
        _cell(table.cell(0, 1), [[(MOTTO[0], {"bold": True})], [(MOTTO[1], {"bold": True})], "——————————————",
                                 [(place_date, {"italic": True})]], size=size, align=CENTER)
    elif layout == "tabs":
        left = parent + body + [number]
        right = MOTTO + [""] * (len(left) - len(MOTTO))
        right[-1] = place_date
        for index, (one, two) in enumerate(zip(left, right)):
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(11.5), WD_TAB_ALIGNMENT.CENTER)
            bold_left = one in body
            _fill(paragraph, [(one, {"bold": bold_left}), ("\t", {}),
                              (two, {"bold": two in MOTTO, "italic": two == place_date})], size=size)
    else:  # pragma: no cover - a typo in a builder
        raise ValueError(layout)


def _opening(document: Any, *, subject: str, signer: str, bases: list[str], proposal: str) -> None:
    """"QUYẾT ĐỊNH", its subject, who decides, the bases, and "QUYẾT ĐỊNH:"."""
    _p(document, "QUYẾT ĐỊNH", bold=True, align=CENTER, before=18)
    _p(document, subject, bold=True, align=CENTER)
    _p(document, "_____________", align=CENTER)
    _p(document, signer, bold=True, align=CENTER, before=12)
    for line in bases + [proposal]:
        _p(document, line, italic=True, align=JUSTIFY, indent=1)
    _p(document, "QUYẾT ĐỊNH:", bold=True, align=CENTER, before=6)


def _articles(document: Any, articles: list[str]) -> None:
    for number, text in enumerate(articles, start=1):
        _p(document, [(f"Điều {number}. ", {"bold": True}), text], align=JUSTIFY, indent=1)


def _signature(document: Any, recipients: list[str], sign: list[str], name: str) -> None:
    """"Nơi nhận" on the left, the signature block on the right."""
    table = document.add_table(rows=1, cols=2)
    _cell(table.cell(0, 0), [[("Nơi nhận:", {"bold": True, "italic": True})]] + recipients, size=11)
    _cell(table.cell(0, 1), [[(line, {"bold": True})] for line in sign] + ["", "", "", [(name, {"bold": True})]],
          align=CENTER)


def _landscape(document: Any) -> None:
    """A new section on a new page turned landscape, as offices do for the plan's wide table."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)


def _grid(document: Any, rows: int, cols: int) -> Any:
    table = document.add_table(rows=rows, cols=cols)
    table.style = "Table Grid"
    return table


def _heading_row(table: Any, headings: list[str], size: float | None = None, font: str | None = None) -> None:
    for index, text in enumerate(headings):
        _cell(table.cell(0, index), text, bold=True, align=CENTER, size=size, font=font)


def _objectives_down(document: Any, headings: list[str], objectives: list[tuple[str, str, list[list[str]]]],
                     size: float | None = None, font: str | None = None) -> None:
    """Phụ lục 1 as a table: the objective's number and text merged down over its targets,
    each target a row of the remaining columns (Chỉ tiêu, unit, plan, [Ghi chú])."""
    table = _grid(document, 1 + sum(len(targets) for _, _, targets in objectives), len(headings))
    _heading_row(table, headings, size, font)
    at = 1
    for number, title, targets in objectives:
        for offset, cells in enumerate(targets):
            for column, text in enumerate(cells, start=2):
                _cell(table.cell(at + offset, column), text, size=size, font=font)
        last = at + len(targets) - 1
        for column, text in ((0, number), (1, title)):
            cell = table.cell(at, column)
            if last > at:
                cell = cell.merge(table.cell(last, column))
            _cell(cell, text, size=size, font=font, align=CENTER if column == 0 else None)
        at = last + 1


def _objectives_across(document: Any, headings: list[str], groups: list[tuple[str, str, list[list[str]]]],
                       size: float | None = None) -> None:
    """Phụ lục 1 as a table: each objective a row of its own, its text merged across the
    table, its targets the rows below."""
    cols = len(headings)
    table = _grid(document, 1 + sum(1 + len(rows) for _, _, rows in groups), cols)
    _heading_row(table, headings, size)
    at = 1
    for mark, title, rows in groups:
        _cell(table.cell(at, 0), mark, bold=True, align=CENTER, size=size)
        _cell(table.cell(at, 1).merge(table.cell(at, cols - 1)), title, bold=True, size=size)
        at += 1
        for row in rows:
            for column, text in enumerate(row):
                _cell(table.cell(at, column), text, size=size, align=CENTER if column in (0,) else None)
            at += 1


def _plan(document: Any, headings: list[Any], sections: list[tuple[str, Any, list[list[Any]]]], *,
          merge_sections: bool = True, size: float | None = None) -> None:
    """Phụ lục 2's table. A heading given as (title, [sub, sub]) spans two columns over a second
    heading row (the others are merged down over both rows). Each section is a row (its mark,
    its title merged across the table, or only in the second cell), then its tasks."""
    flat: list[str] = []
    for heading in headings:
        flat.extend(heading[1] if isinstance(heading, tuple) else [heading])
    cols = len(flat)
    two = any(isinstance(heading, tuple) for heading in headings)
    top = 2 if two else 1
    table = _grid(document, top + sum(1 + len(tasks) for _, _, tasks in sections), cols)
    column = 0
    for heading in headings:
        if isinstance(heading, tuple):
            title, subs = heading
            _cell(table.cell(0, column).merge(table.cell(0, column + len(subs) - 1)), title, bold=True, align=CENTER,
                  size=size)
            for offset, sub in enumerate(subs):
                _cell(table.cell(1, column + offset), sub, bold=True, align=CENTER, size=size)
            column += len(subs)
        else:
            cell = table.cell(0, column).merge(table.cell(1, column)) if two else table.cell(0, column)
            _cell(cell, heading, bold=True, align=CENTER, size=size)
            column += 1
    at = top
    for mark, title, tasks in sections:
        _cell(table.cell(at, 0), mark, bold=True, align=CENTER, size=size)
        cell = table.cell(at, 1).merge(table.cell(at, cols - 1)) if merge_sections else table.cell(at, 1)
        _cell(cell, title, bold=True, size=size)
        at += 1
        for task in tasks:
            assert len(task) == cols, task
            for column, text in enumerate(task):
                _cell(table.cell(at, column), text, size=size)
            at += 1


# --- 1. A ward of a city, before 2025 ---------------------------------------------------------

def build_phuong_phu_hoi(path: Path) -> Path:
    """UBND phường Phú Hội (thành phố Huế), 2023: Phụ lục 1 as numbered paragraphs with
    lettered targets, Phụ lục 2 a plan table whose sections run across the table."""
    document = _document(size=14, line_spacing=1.15, after=3)
    _header(document, layout="grid", parent=["UBND THÀNH PHỐ HUẾ"], body=["ỦY BAN NHÂN DÂN", "PHƯỜNG PHÚ HỘI"],
            number="Số: 12 /QĐ-UBND", place_date="Phú Hội, ngày 16 tháng 01 năm 2023")
    _opening(document,
             subject="Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện\n"
                     "Mục tiêu chất lượng năm 2023 của UBND phường Phú Hội",
             signer="ỦY BAN NHÂN DÂN PHƯỜNG PHÚ HỘI",
             bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
                    "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 "
                    "năm 2019;",
                    "Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05 tháng 3 năm 2014 của Thủ tướng Chính phủ về việc áp "
                    "dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của "
                    "các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước;",
                    "Căn cứ Quyết định số 1250/QĐ-UBND ngày 28 tháng 12 năm 2022 của UBND thành phố Huế về việc giao "
                    "chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2023;"],
             proposal="Theo đề nghị của công chức Văn phòng - Thống kê phường.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2023 (Phụ lục 1) và Kế hoạch thực hiện Mục tiêu "
        "chất lượng năm 2023 (Phụ lục 2) của UBND phường Phú Hội.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Công chức Văn phòng - Thống kê, các công chức chuyên môn thuộc UBND phường và các cá nhân có liên quan "
        "chịu trách nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- UBND thành phố Huế (b/c);", "- Phòng Nội vụ thành phố;",
                          "- TT Đảng ủy, HĐND phường;", "- Lưu: VT."],
               ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn Hùng")
    document.add_page_break()
    _p(document, "PHỤ LỤC 1", bold=True, align=CENTER)
    _p(document, "MỤC TIÊU CHẤT LƯỢNG NĂM 2023", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 12/QĐ-UBND ngày 16/01/2023 của UBND phường Phú Hội)", italic=True,
       align=CENTER)
    _p(document, "Lãnh đạo và toàn thể cán bộ, công chức UBND phường Phú Hội cam kết xây dựng, áp dụng, duy trì và "
                 "cải tiến thường xuyên Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015, phấn đấu hoàn thành các "
                 "mục tiêu chất lượng năm 2023 như sau:", indent=1, align=JUSTIFY)
    _lines(document, [
        "1. Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 trong hoạt động giải quyết thủ tục "
        "hành chính của UBND phường.",
        "2. Phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội năm 2023 do HĐND phường thông qua, cụ thể:",
        "a) Thu ngân sách nhà nước trên địa bàn: 18,75 tỷ đồng;",
        "b) Thu nhập bình quân đầu người tăng 15%;",
        ["c) Tỷ lệ hộ ", "nghèo giảm 1,5%;"],
        "d) Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” từ 92% trở lên.",
        "3. Cải cách hành chính, giải quyết thủ tục hành chính:",
        "a) 100% hồ sơ được giải quyết đúng hạn, trong đó trước hạn từ 60% trở lên;",
        "b) 100% kết quả giải quyết thủ tục hành chính được số hóa;",
        "c) Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của Bộ phận Tiếp nhận và Trả kết quả đạt tối "
        "thiểu 95%.",
    ], indent=1, align=JUSTIFY)
    document.add_page_break()
    _p(document, "PHỤ LỤC 2", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2023", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 12/QĐ-UBND ngày 16/01/2023 của UBND phường Phú Hội)", italic=True,
       align=CENTER)
    _p(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _lines(document, ["- Cụ thể hóa các mục tiêu chất lượng năm 2023 thành nhiệm vụ, phân công rõ trách nhiệm chủ trì, "
                      "phối hợp và thời gian thực hiện.",
                      "- Làm căn cứ để theo dõi, đo lường, đánh giá mức độ hoàn thành các mục tiêu chất lượng."],
           indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    monitors = "-\tQMR;\n-\tThư ký ISO."
    _plan(document, ["TT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời gian thực hiện", "Theo dõi", "Kết quả"], [
        ("I", "Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015", [
            ["1", "Xây dựng, ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2023",
             "Công chức Văn phòng - Thống kê", "Các bộ phận chuyên môn", "Tháng 01/2023", monitors,
             "Quyết định ban hành"],
            ["2", "Tổ chức đánh giá nội bộ", "Thư ký ISO", "Đoàn đánh giá nội bộ", "Quý III/2023", "QMR",
             "Báo cáo đánh giá nội bộ"],
            ["3", "Họp xem xét của lãnh đạo", "Chủ tịch UBND phường", "QMR, Thư ký ISO", "Tháng 10/2023", "QMR",
             "Biên bản họp xem xét của lãnh đạo"],
            ["4", "Báo cáo kết quả thực hiện Mục tiêu chất lượng 6 tháng, năm", "Thư ký ISO",
             "Các bộ phận chuyên môn", "Trước ngày 15/6 và 30/11", "QMR", "Báo cáo 6 tháng;\nBáo cáo năm"]]),
        ("II", "Phát triển kinh tế - xã hội", [
            ["1", "Đôn đốc thu ngân sách, chống thất thu", "Công chức Tài chính - Kế toán", "Các tổ dân phố",
             "Hàng tháng", "Phó Chủ tịch UBND phường", "Báo cáo thu ngân sách tháng"],
            ["2", "Rà soát hộ nghèo, hộ cận nghèo năm 2023", "Công chức Lao động - Thương binh và Xã hội",
             ["- Ban Công tác Mặt trận;", "- Tổ trưởng các tổ dân phố."], "Tháng 10-11/2023",
             "Phó Chủ tịch UBND phường", "Danh sách hộ nghèo, hộ cận nghèo"]]),
        ("III", "Cải cách hành chính", [
            ["1", "Theo dõi, thống kê tình hình giải quyết hồ sơ thủ tục hành chính",
             "Bộ phận Tiếp nhận và Trả kết quả", "Công chức chuyên môn", "Thường xuyên", "Chủ tịch UBND phường",
             "Sổ theo dõi hồ sơ"],
            ["2", "Khảo sát mức độ hài lòng của người dân, tổ chức", "Bộ phận Tiếp nhận và Trả kết quả", "",
             "Quý II và Quý IV năm 2023", "QMR", "Phiếu khảo sát, báo cáo kết quả khảo sát"]]),
    ], size=12)
    _p(document, "III. TỔ CHỨC THỰC HIỆN", bold=True, before=6)
    _lines(document, ["1. Công chức Văn phòng - Thống kê: theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Chủ "
                      "tịch UBND phường.",
                      "2. Các công chức chuyên môn: căn cứ nhiệm vụ được giao tổ chức thực hiện, báo cáo kết quả đúng "
                      "thời gian quy định./."], indent=1)
    document.save(str(path))
    return path


PHUONG_PHU_HOI = Case(
    name="phuong-phu-hoi-2023",
    shape="numbered paragraphs with lettered targets a), b); a split run; plan table, sections merged across",
    year=2023,
    build=build_phuong_phu_hoi,
    issuer={"authority": "Ủy ban nhân dân", "unit": "Phường Phú Hội", "place": "Phú Hội",
            "parent": "UBND thành phố Huế"},
    decision={"number": "12/QĐ-UBND", "date": date(2023, 1, 16), "verb": "ban hành"},
    objectives=[
        # Qualitative, no figure: a judged target with the objective's own words, rather than an
        # objective with no target, because the body still has to say in its report whether it
        # was met and why (ISO 9.3 reviews every objective); "9001:2015" is the standard's
        # name, not a plan.
        _o(1, "Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 trong hoạt động giải quyết "
              "thủ tục hành chính của UBND phường",
           _judged("1.1", "Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 trong hoạt động "
                          "giải quyết thủ tục hành chính của UBND phường")),
        _o(2, "Phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội năm 2023 do HĐND phường thông qua, cụ thể",
           _t("2a", "Thu ngân sách nhà nước trên địa bàn: 18,75 tỷ đồng", "cumulative", 18.75, ">=", "tỷ đồng"),
           # "tăng 15%" with no "so với": relative growth on last year (DOMAIN), whose base the
           # text does not give; income per head is a level (the seed's 4c).
           _t("2b", "Thu nhập bình quân đầu người tăng 15%", "level", 15, ">=", None, change="percent", base=None),
           # Read as 1,5 percentage points (DOMAIN: "giảm tỷ lệ hộ nghèo 1,5%" usually means
           # points), not a 1,5 % relative fall of the rate.
           _t("2c", "Tỷ lệ hộ nghèo giảm 1,5%", "level", -1.5, "<=", "%", change="points", base=None),
           # A rate of the population of households, read as a level like the seed's rates (4k,
           # 4n); counting the households one by one (ratio) is the other fair reading.
           _t("2d", "Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa” từ 92% trở lên", "level", 92, ">=", "%")),
        _o(3, "Cải cách hành chính, giải quyết thủ tục hành chính",
           # One sentence, two targets: the whole on time, and "of which" ahead of time, the
           # part taking the seed's id for a part ("4a1").
           _t("3a", "100% hồ sơ được giải quyết đúng hạn", "ratio", 100, ">=", "%"),
           _t("3a1", "trước hạn từ 60% trở lên", "ratio", 60, ">=", "%"),
           _t("3b", "100% kết quả giải quyết thủ tục hành chính được số hóa", "ratio", 100, ">=", "%"),
           _t("3c", "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của Bộ phận Tiếp nhận và Trả kết quả "
                    "đạt tối thiểu 95%", "ratio", 95, ">=", "%")),
    ],
    tasks=[
        _task("I.1", "Xây dựng, ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2023",
              "Công chức Văn phòng - Thống kê", ["Các bộ phận chuyên môn"], "Tháng 01/2023",
              due=[date(2023, 1, 31)]),
        _task("I.2", "Tổ chức đánh giá nội bộ", "Thư ký ISO", ["Đoàn đánh giá nội bộ"], "Quý III/2023",
              due=[date(2023, 9, 30)], kind="internal_audit"),
        _task("I.3", "Họp xem xét của lãnh đạo", "Chủ tịch UBND phường", ["QMR", "Thư ký ISO"], "Tháng 10/2023",
              due=[date(2023, 10, 31)], kind="management_review"),
        _task("I.4", "Báo cáo kết quả thực hiện Mục tiêu chất lượng 6 tháng, năm", "Thư ký ISO",
              ["Các bộ phận chuyên môn"], "Trước ngày 15/6 và 30/11",
              due=[date(2023, 6, 15), date(2023, 11, 30)], kind="results_report"),
        _task("II.1", "Đôn đốc thu ngân sách, chống thất thu", "Công chức Tài chính - Kế toán", ["Các tổ dân phố"],
              "Hàng tháng", repeat="monthly"),
        _task("II.2", "Rà soát hộ nghèo, hộ cận nghèo năm 2023", "Công chức Lao động - Thương binh và Xã hội",
              ["Ban Công tác Mặt trận", "Tổ trưởng các tổ dân phố"], "Tháng 10-11/2023", due=[date(2023, 11, 30)]),
        _task("III.1", "Theo dõi, thống kê tình hình giải quyết hồ sơ thủ tục hành chính",
              "Bộ phận Tiếp nhận và Trả kết quả", ["Công chức chuyên môn"], "Thường xuyên", repeat="continuous"),
        _task("III.2", "Khảo sát mức độ hài lòng của người dân, tổ chức", "Bộ phận Tiếp nhận và Trả kết quả", [],
              "Quý II và Quý IV năm 2023", due=[date(2023, 6, 30), date(2023, 12, 31)]),
    ],
    unreadable={
        "2b.unit": "the text gives no unit for income per head (triệu đồng/người/năm is likely, not written)",
        "2b.base": "last year's income per head is not in the decision",
        "2c.base": "last year's poverty rate is not in the decision",
    },
)


# --- 2. A commune after the 2025 merger ---------------------------------------------------------

def build_xa_hai_lang(path: Path) -> Path:
    """UBND xã Hải Lăng (tỉnh Quảng Trị), formed on 1 July 2025; its parent is the province,
    named only in the bases and the recipients. Dashed targets; the plan's partners are
    "Các phòng, ban"."""
    document = _document(size=14, after=6)
    _header(document, layout="cells", body=["ỦY BAN NHÂN DÂN", "XÃ HẢI LĂNG"], number="Số: 156/QĐ-UBND",
            place_date="Hải Lăng, ngày 25 tháng 8 năm 2025")
    _opening(document,
             subject="Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2025\n"
                     "của Ủy ban nhân dân xã Hải Lăng",
             signer="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HẢI LĂNG",
             bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                    "Căn cứ Quyết định số 101/QĐ-BKHCN ngày 21 tháng 01 năm 2019 của Bộ trưởng Bộ Khoa học và Công "
                    "nghệ công bố Mô hình khung hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO "
                    "9001:2015 cho các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước tại địa phương;",
                    "Căn cứ Kế hoạch số 215/KH-UBND ngày 18 tháng 7 năm 2025 của UBND tỉnh Quảng Trị về duy trì, áp "
                    "dụng Hệ thống quản lý chất lượng tại các xã, phường, đặc khu sau sắp xếp;"],
             proposal="Theo đề nghị của Chánh Văn phòng HĐND và UBND xã.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2025 (Phụ lục I) và Kế hoạch thực hiện Mục tiêu "
        "chất lượng năm 2025 (Phụ lục II) của Ủy ban nhân dân xã Hải Lăng.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Chánh Văn phòng HĐND và UBND xã, Trưởng các phòng, ban, Giám đốc Trung tâm Phục vụ hành chính công xã và "
        "các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- UBND tỉnh Quảng Trị (b/c);", "- Sở Khoa học và Công nghệ;",
                          "- TT Đảng ủy, TT HĐND xã;", "- CT, các PCT UBND xã;", "- Lưu: VT, VP."],
               ["CHỦ TỊCH"], "Lê Văn Thành")
    document.add_page_break()
    _p(document, "Phụ lục I", bold=True, align=CENTER)
    _p(document, "MỤC TIÊU CHẤT LƯỢNG NĂM 2025", bold=True, align=CENTER)
    _p(document, "(Ban hành kèm theo Quyết định số 156/QĐ-UBND ngày 25 tháng 8 năm 2025 của Ủy ban nhân dân xã "
                 "Hải Lăng)", italic=True, align=CENTER)
    _p(document, "Ủy ban nhân dân xã Hải Lăng cam kết duy trì, áp dụng có hiệu quả Hệ thống quản lý chất lượng theo "
                 "Tiêu chuẩn quốc gia TCVN ISO 9001:2015 sau sắp xếp đơn vị hành chính; phấn đấu đạt các mục tiêu "
                 "chất lượng năm 2025 sau đây:", indent=1, align=JUSTIFY)
    _lines(document, [
        "1. Giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã:",
        "-\t100% thủ tục hành chính thuộc thẩm quyền được tiếp nhận, giải quyết theo cơ chế một cửa, một cửa liên "
        "thông;",
        "-\tTỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt từ 98% trở lên;",
        "-\tHồ sơ giải quyết quá hạn: 0 hồ sơ.",
        "2. Phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội năm 2025:",
        "-\tTổng thu ngân sách nhà nước trên địa bàn vượt 5% dự toán tỉnh giao;",
        "-\tThu nhập bình quân đầu người đạt 65 triệu đồng;",
        "-\tTỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều giai đoạn 2022-2025) giảm còn dưới 2,5%.",
        "3. Chuyển đổi số:",
        "-\t100% văn bản đi của UBND xã (trừ văn bản mật) được ký số và phát hành trên Hệ thống quản lý văn bản và "
        "điều hành;",
        "-\tTỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến đạt tối thiểu 70%.",
    ], indent=1, align=JUSTIFY)
    document.add_page_break()
    _p(document, "Phụ lục II", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2025", bold=True, align=CENTER)
    _p(document, "(Ban hành kèm theo Quyết định số 156/QĐ-UBND ngày 25 tháng 8 năm 2025 của Ủy ban nhân dân xã "
                 "Hải Lăng)", italic=True, align=CENTER)
    _p(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _lines(document, ["- Bảo đảm Hệ thống quản lý chất lượng được duy trì liên tục sau sắp xếp đơn vị hành chính.",
                      "- Phân công cụ thể nhiệm vụ cho các phòng, ban, Trung tâm Phục vụ hành chính công xã."],
           indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    _plan(document, ["TT", "Nội dung thực hiện", "Chủ trì", "Phối hợp", "Thời gian", "Theo dõi", "Kết quả"], [
        ("I", "Giải quyết thủ tục hành chính", [
            ["1", "Rà soát, cập nhật quy trình nội bộ giải quyết thủ tục hành chính theo TCVN ISO 9001:2015",
             "Văn phòng HĐND và UBND", "Các phòng, ban", "Tháng 9/2025", "Phó Chủ tịch UBND xã",
             "Quyết định ban hành quy trình"],
            ["2", "Thống kê, báo cáo kết quả giải quyết hồ sơ thủ tục hành chính",
             "Trung tâm Phục vụ hành chính công", "Các phòng, ban", "Định kỳ hàng tháng", "Chủ tịch UBND xã",
             "Báo cáo tháng"]]),
        ("II", "Phát triển kinh tế - xã hội", [
            ["1", "Đôn đốc thu ngân sách, rà soát nguồn thu trên địa bàn", "Phòng Kinh tế", "Văn phòng HĐND và UBND",
             "Hàng tháng", "Phó Chủ tịch UBND xã", "Báo cáo thu ngân sách"],
            ["2", "Rà soát hộ nghèo, hộ cận nghèo cuối năm", "Phòng Văn hóa - Xã hội", "Các thôn",
             "Tháng 10-11/2025", "Phó Chủ tịch UBND xã", "Quyết định công nhận hộ nghèo"]]),
        ("III", "Chuyển đổi số", [
            ["1", "Ký số, phát hành văn bản điện tử trên Hệ thống quản lý văn bản và điều hành",
             "Văn phòng HĐND và UBND", "Các phòng, ban", "Thường xuyên", "Chánh Văn phòng", "Số liệu trên hệ thống"]]),
        ("IV", "Duy trì Hệ thống quản lý chất lượng", [
            ["1", "Tổ chức ĐGNB", "Văn phòng HĐND và UBND", "Các phòng, ban", "Tháng 10/2025", "QMR",
             "Hồ sơ ĐGNB"],
            ["2", "Họp xem xét của lãnh đạo", "Chủ tịch UBND xã", "Các phòng, ban", "Tháng 11/2025", "QMR",
             "Biên bản họp"],
            ["3", "Báo cáo kết quả thực hiện Mục tiêu chất lượng năm 2025", "Văn phòng HĐND và UBND",
             "Các phòng, ban", "Trước ngày 30/11/2025", "QMR", "Báo cáo"]]),
    ], size=12)
    _p(document, "III. TỔ CHỨC THỰC HIỆN", bold=True, before=6)
    _lines(document, ["1. Văn phòng HĐND và UBND xã: tham mưu, theo dõi, tổng hợp kết quả thực hiện Kế hoạch.",
                      "2. Các phòng, ban, Trung tâm Phục vụ hành chính công xã: tổ chức thực hiện nhiệm vụ được "
                      "giao, báo cáo kết quả về Văn phòng HĐND và UBND xã./."], indent=1)
    document.save(str(path))
    return path


XA_HAI_LANG = Case(
    name="xa-hai-lang-2025",
    shape="numbered paragraphs with dashed targets (dash + tab), Phụ lục I / II, parent only in bases and "
          "recipients, plan table with 'Các phòng, ban' and 'Định kỳ hàng tháng'",
    year=2025,
    build=build_xa_hai_lang,
    issuer={"authority": "Ủy ban nhân dân", "unit": "Xã Hải Lăng", "place": "Hải Lăng",
            "parent": "UBND tỉnh Quảng Trị"},
    decision={"number": "156/QĐ-UBND", "date": date(2025, 8, 25), "verb": "ban hành"},
    objectives=[
        _o(1, "Giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã",
           _t("1.1", "100% thủ tục hành chính thuộc thẩm quyền được tiếp nhận, giải quyết theo cơ chế một cửa, một "
                     "cửa liên thông", "ratio", 100, ">=", "%"),
           _t("1.2", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt từ 98% trở lên", "ratio", 98, ">=", "%"),
           # Zero as a plan: a count of late dossiers that must stay at zero, a ceiling
           # watched on pace (one late dossier already breaks it).
           _t("1.3", "Hồ sơ giải quyết quá hạn: 0 hồ sơ", "cumulative", 0, "<=", "hồ sơ")),
        _o(2, "Phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội năm 2025",
           # "vượt 5% dự toán": at least 105 % of the estimate the province gives, a share of a
           # reference figure, not a change on last year.
           _t("2.1", "Tổng thu ngân sách nhà nước trên địa bàn vượt 5% dự toán tỉnh giao", "cumulative", 105, ">=",
              None, share_of=ADDED_REFERENCE),
           _t("2.2", "Thu nhập bình quân đầu người đạt 65 triệu đồng", "level", 65, ">=", "triệu đồng"),
           # "giảm còn dưới 2,5%": down TO below 2,5 % — a level, not a change; "2022-2025"
           # names the poverty standard's period, not a plan.
           _t("2.3", "Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều giai đoạn 2022-2025) giảm còn dưới 2,5%", "level",
              2.5, "<", "%")),
        _o(3, "Chuyển đổi số",
           _t("3.1", "100% văn bản đi của UBND xã (trừ văn bản mật) được ký số và phát hành trên Hệ thống quản lý "
                     "văn bản và điều hành", "ratio", 100, ">=", "%"),
           _t("3.2", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến đạt tối thiểu 70%", "ratio", 70, ">=",
              "%")),
    ],
    tasks=[
        _task("I.1", "Rà soát, cập nhật quy trình nội bộ giải quyết thủ tục hành chính theo TCVN ISO 9001:2015",
              "Văn phòng HĐND và UBND", ["Các phòng, ban"], "Tháng 9/2025", due=[date(2025, 9, 30)]),
        _task("I.2", "Thống kê, báo cáo kết quả giải quyết hồ sơ thủ tục hành chính",
              "Trung tâm Phục vụ hành chính công", ["Các phòng, ban"], "Định kỳ hàng tháng", repeat="monthly"),
        _task("II.1", "Đôn đốc thu ngân sách, rà soát nguồn thu trên địa bàn", "Phòng Kinh tế",
              ["Văn phòng HĐND và UBND"], "Hàng tháng", repeat="monthly"),
        _task("II.2", "Rà soát hộ nghèo, hộ cận nghèo cuối năm", "Phòng Văn hóa - Xã hội", ["Các thôn"],
              "Tháng 10-11/2025", due=[date(2025, 11, 30)]),
        _task("III.1", "Ký số, phát hành văn bản điện tử trên Hệ thống quản lý văn bản và điều hành",
              "Văn phòng HĐND và UBND", ["Các phòng, ban"], "Thường xuyên", repeat="continuous"),
        _task("IV.1", "Tổ chức ĐGNB", "Văn phòng HĐND và UBND", ["Các phòng, ban"], "Tháng 10/2025",
              due=[date(2025, 10, 31)], kind="internal_audit"),
        _task("IV.2", "Họp xem xét của lãnh đạo", "Chủ tịch UBND xã", ["Các phòng, ban"], "Tháng 11/2025",
              due=[date(2025, 11, 30)], kind="management_review"),
        _task("IV.3", "Báo cáo kết quả thực hiện Mục tiêu chất lượng năm 2025", "Văn phòng HĐND và UBND",
              ["Các phòng, ban"], "Trước ngày 30/11/2025", due=[date(2025, 11, 30)], kind="results_report"),
    ],
    unreadable={
        "2.1.unit": "the text gives no unit for the budget figures (tỷ đồng or triệu đồng)",
        "2.1.share_of": "the dự toán the province gives is not in the decision: the reference target is added "
                        "without a figure",
    },
)


# --- 3. A district People's Committee, before 2025: Phụ lục 1 as a table merged down -----------

def build_huyen_phong_dien(path: Path) -> Path:
    """UBND huyện Phong Điền (tỉnh Thừa Thiên Huế), 2021: Phụ lục 01 a table "STT | Mục tiêu |
    Chỉ tiêu | Đơn vị | Chỉ tiêu năm 2021" with the objective merged down over its targets; the
    plan on a landscape page with a two-row heading and "Quý I, II, III, IV năm 2021"."""
    document = _document(size=13, after=2)
    _header(document, layout="grid", body=["ỦY BAN NHÂN DÂN", "HUYỆN PHONG ĐIỀN"], number="Số: 245/QĐ-UBND",
            place_date="Phong Điền, ngày 03 tháng 02 năm 2021")
    _opening(document,
             subject="Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2021\n"
                     "của UBND huyện Phong Điền",
             signer="ỦY BAN NHÂN DÂN HUYỆN PHONG ĐIỀN",
             bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                    "Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ "
                    "thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của các cơ "
                    "quan, tổ chức thuộc hệ thống hành chính nhà nước;",
                    "Căn cứ Quyết định số 2720/QĐ-UBND ngày 25/11/2020 của UBND tỉnh Thừa Thiên Huế về việc giao chỉ "
                    "tiêu kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2021;"],
             proposal="Theo đề nghị của Trưởng phòng Nội vụ huyện.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2021 (Phụ lục 01) và Kế hoạch thực hiện Mục tiêu "
        "chất lượng năm 2021 (Phụ lục 02) của UBND huyện Phong Điền.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Chánh Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ, Thủ trưởng các phòng, ban thuộc UBND huyện chịu "
        "trách nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- UBND tỉnh Thừa Thiên Huế (b/c);", "- Sở Khoa học và Công nghệ;",
                          "- CT, các PCT UBND huyện;", "- Lưu: VT, NV."],
               ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Hoàng Văn Minh")
    document.add_page_break()
    _p(document, "PHỤ LỤC 01", bold=True, align=CENTER)
    _p(document, "MỤC TIÊU CHẤT LƯỢNG NĂM 2021 CỦA UBND HUYỆN PHONG ĐIỀN", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 245/QĐ-UBND ngày 03/02/2021 của UBND huyện Phong Điền)", italic=True,
       align=CENTER)
    _p(document, "UBND huyện Phong Điền cam kết duy trì và cải tiến thường xuyên Hệ thống quản lý chất lượng theo "
                 "TCVN ISO 9001:2015, phấn đấu đạt các mục tiêu sau:", indent=1, align=JUSTIFY)
    _objectives_down(document, ["STT", "Mục tiêu", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu năm 2021"], [
        ("1", "Hoàn thành các chỉ tiêu phát triển kinh tế - xã hội năm 2021", [
            ["Tổng thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "185,6"],
            ["Tổng vốn đầu tư phát triển toàn xã hội", "Tỷ đồng", "2.650"],
            ["Tỷ lệ bao phủ bảo hiểm y tế", "%", "≥ 92"],
            ["Số lao động được giải quyết việc làm mới", "Người", "2.100"]]),
        ("2", "Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội", [
            ["Số vụ tai nạn giao thông", "Vụ", "Giảm 10% so với năm 2020"],
            ["Số vụ phạm pháp hình sự", "Vụ", "Kiềm chế, giảm so với năm 2020"]]),
        ("3", "Cải cách hành chính", [
            ["Kiểm tra công tác cải cách hành chính tại các xã, thị trấn", "Cuộc", "Mỗi quý ít nhất\n01 cuộc"],
            ["Hồ sơ thủ tục hành chính giải quyết đúng hạn", "%", "Trên 98"],
            ["Hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", "%", "100"]]),
        ("4", "Hệ thống quản lý chất lượng", [
            ["Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015", "", "Duy trì"],
            ["Quy trình nội bộ giải quyết thủ tục hành chính được cập nhật khi thủ tục thay đổi", "%", "100"]]),
    ], size=12)
    _landscape(document)
    _p(document, "PHỤ LỤC 02", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2021", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 245/QĐ-UBND ngày 03/02/2021 của UBND huyện Phong Điền)", italic=True,
       align=CENTER)
    _p(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _lines(document, ["- Triển khai thực hiện có hiệu quả các mục tiêu chất lượng năm 2021 của UBND huyện.",
                      "- Xác định rõ trách nhiệm của các phòng, ban, thời gian và kết quả cần đạt."], indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    _plan(document, ["TT", "Nội dung công việc", ("Trách nhiệm thực hiện", ["Chủ trì", "Phối hợp"]),
                     "Thời gian thực hiện", "Người theo dõi", "Kết quả đầu ra"], [
        ("I.", "Kinh tế - xã hội", [
            ["1", "Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2021 cho các xã, thị trấn",
             "Phòng Tài chính - Kế hoạch", "Các phòng, ban", "Tháng 01/2021", "Phó Chủ tịch UBND huyện",
             "Quyết định giao chỉ tiêu"],
            ["2", "Báo cáo tình hình thực hiện kế hoạch phát triển kinh tế - xã hội", "Phòng Tài chính - Kế hoạch",
             "Chi cục Thống kê huyện", "Quý I, II, III, IV năm 2021", "Phó Chủ tịch UBND huyện", "Báo cáo quý"]]),
        ("II.", "Quốc phòng, an ninh", [
            ["1", "Tuần tra, kiểm soát, xử lý vi phạm trật tự an toàn giao thông", "Công an huyện",
             "UBND các xã, thị trấn", "Thường xuyên", "Chủ tịch UBND huyện", "Báo cáo tình hình"],
            ["2", "Kiểm tra an toàn phòng cháy, chữa cháy tại cơ sở", "Công an huyện",
             "Phòng Kinh tế và Hạ tầng;\nUBND các xã, thị trấn", "Quý II và Quý IV năm 2021",
             "Chủ tịch UBND huyện", "Biên bản kiểm tra"]]),
        ("III.", "Cải cách hành chính", [
            ["1", "Kiểm tra công tác cải cách hành chính tại các xã, thị trấn", "Phòng Nội vụ",
             "Văn phòng HĐND và UBND huyện", "Quý I, II, III, IV năm 2021", "Chủ tịch UBND huyện",
             "Thông báo kết quả kiểm tra"],
            ["2", "Theo dõi, đôn đốc giải quyết hồ sơ thủ tục hành chính trên Hệ thống một cửa điện tử",
             "Văn phòng HĐND và UBND huyện", "Các phòng, ban", "Thường xuyên", "Chánh Văn phòng",
             "Số liệu trên hệ thống"]]),
        ("IV.", "Hệ thống quản lý chất lượng", [
            ["1", "Tổ chức đánh giá nội bộ năm 2021", "Phòng Nội vụ", "Các phòng, ban", "Tháng 9/2021", "QMR",
             "Báo cáo đánh giá nội bộ"],
            ["2", "Họp xem xét của lãnh đạo", "Văn phòng HĐND và UBND huyện", "Phòng Nội vụ", "Tháng 10/2021",
             "Chủ tịch UBND huyện", "Biên bản họp"],
            ["3", "Báo cáo kết quả thực hiện mục tiêu chất lượng", "Phòng Nội vụ", "Các phòng, ban",
             "Trước ngày 15/6 và 30/11", "QMR", "Báo cáo 6 tháng, năm"]]),
    ], size=11)
    _p(document, "III. TỔ CHỨC THỰC HIỆN", bold=True, before=6)
    _lines(document, ["Phòng Nội vụ chủ trì, phối hợp với Văn phòng HĐND và UBND huyện theo dõi, đôn đốc các phòng, "
                      "ban thực hiện Kế hoạch này; tổng hợp, báo cáo UBND huyện theo quy định./."], indent=1)
    document.save(str(path))
    return path


HUYEN_PHONG_DIEN = Case(
    name="huyen-phong-dien-2021",
    shape="Phụ lục 01 as a table STT | Mục tiêu | Chỉ tiêu | Đơn vị | Chỉ tiêu năm 2021, objective merged down; "
          "plan on a landscape page, two-row heading, 'Quý I, II, III, IV năm 2021'",
    year=2021,
    build=build_huyen_phong_dien,
    issuer={"authority": "Ủy ban nhân dân", "unit": "Huyện Phong Điền", "place": "Phong Điền",
            "parent": "UBND tỉnh Thừa Thiên Huế"},
    decision={"number": "245/QĐ-UBND", "date": date(2021, 2, 3), "verb": "ban hành"},
    objectives=[
        _o(1, "Hoàn thành các chỉ tiêu phát triển kinh tế - xã hội năm 2021",
           _t("1.1", "Tổng thu ngân sách nhà nước trên địa bàn", "cumulative", 185.6, ">=", "tỷ đồng"),
           _t("1.2", "Tổng vốn đầu tư phát triển toàn xã hội", "cumulative", 2650, ">=", "tỷ đồng"),
           _t("1.3", "Tỷ lệ bao phủ bảo hiểm y tế", "level", 92, ">=", "%"),
           _t("1.4", "Số lao động được giải quyết việc làm mới", "cumulative", 2100, ">=", "người")),
        _o(2, "Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội",
           # The unit column says "Vụ": the figures are counts of accidents, the plan a fall
           # of 10 % on 2020 (last year), whose count the decision does not give.
           _t("2.1", "Số vụ tai nạn giao thông", "cumulative", -10, "<=", "vụ", change="percent", base=None),
           # "Kiềm chế, giảm so với năm 2020" gives no figure: read as "fewer than in 2020",
           # i.e. a change of 0 % with a strict "<". A reader may instead make it a judged
           # target; the figure-free fall is the closer reading because the unit is a count.
           _t("2.2", "Số vụ phạm pháp hình sự", "cumulative", 0, "<", "vụ", change="percent", base=None)),
        _o(3, "Cải cách hành chính",
           # "Mỗi quý ít nhất 01 cuộc": the plan is met in each quarter, not 4 in the year.
           _t("3.1", "Kiểm tra công tác cải cách hành chính tại các xã, thị trấn", "cumulative", 1, ">=", "cuộc",
              every="quarter"),
           _t("3.2", "Hồ sơ thủ tục hành chính giải quyết đúng hạn", "ratio", 98, ">", "%"),
           _t("3.3", "Hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", "ratio", 100, ">=", "%")),
        _o(4, "Hệ thống quản lý chất lượng",
           # The plan cell says "Duy trì": no figure, judged by the body.
           _judged("4.1", "Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"),
           _t("4.2", "Quy trình nội bộ giải quyết thủ tục hành chính được cập nhật khi thủ tục thay đổi", "ratio",
              100, ">=", "%")),
    ],
    tasks=[
        _task("I.1", "Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2021 cho các xã, thị trấn",
              "Phòng Tài chính - Kế hoạch", ["Các phòng, ban"], "Tháng 01/2021", due=[date(2021, 1, 31)]),
        _task("I.2", "Báo cáo tình hình thực hiện kế hoạch phát triển kinh tế - xã hội", "Phòng Tài chính - Kế hoạch",
              ["Chi cục Thống kê huyện"], "Quý I, II, III, IV năm 2021", repeat="quarterly"),
        _task("II.1", "Tuần tra, kiểm soát, xử lý vi phạm trật tự an toàn giao thông", "Công an huyện",
              ["UBND các xã, thị trấn"], "Thường xuyên", repeat="continuous"),
        _task("II.2", "Kiểm tra an toàn phòng cháy, chữa cháy tại cơ sở", "Công an huyện",
              ["Phòng Kinh tế và Hạ tầng", "UBND các xã, thị trấn"], "Quý II và Quý IV năm 2021",
              due=[date(2021, 6, 30), date(2021, 12, 31)]),
        _task("III.1", "Kiểm tra công tác cải cách hành chính tại các xã, thị trấn", "Phòng Nội vụ",
              ["Văn phòng HĐND và UBND huyện"], "Quý I, II, III, IV năm 2021", repeat="quarterly"),
        _task("III.2", "Theo dõi, đôn đốc giải quyết hồ sơ thủ tục hành chính trên Hệ thống một cửa điện tử",
              "Văn phòng HĐND và UBND huyện", ["Các phòng, ban"], "Thường xuyên", repeat="continuous"),
        _task("IV.1", "Tổ chức đánh giá nội bộ năm 2021", "Phòng Nội vụ", ["Các phòng, ban"], "Tháng 9/2021",
              due=[date(2021, 9, 30)], kind="internal_audit"),
        _task("IV.2", "Họp xem xét của lãnh đạo", "Văn phòng HĐND và UBND huyện", ["Phòng Nội vụ"], "Tháng 10/2021",
              due=[date(2021, 10, 31)], kind="management_review"),
        _task("IV.3", "Báo cáo kết quả thực hiện mục tiêu chất lượng", "Phòng Nội vụ", ["Các phòng, ban"],
              "Trước ngày 15/6 và 30/11", due=[date(2021, 6, 15), date(2021, 11, 30)], kind="results_report"),
    ],
    unreadable={
        "2.1.base": "the number of traffic accidents of 2020 is not in the decision",
        "2.2.base": "the number of criminal cases of 2020 is not in the decision",
    },
)


# --- 4. A town (thị xã) before 2025 -----------------------------------------------------------

def build_thi_xa_huong_tra(path: Path) -> Path:
    """UBND thị xã Hương Trà (tỉnh Thừa Thiên Huế), 2022: the header typed as lines with a
    tab, in capitals ("THỊ XÃ HƯƠNG TRÀ"); lettered targets with a tab after the letter;
    the plan's section titles only in the second cell."""
    document = _document(size=14, line_spacing=1.0, after=4)
    _header(document, layout="tabs", body=["ỦY BAN NHÂN DÂN", "THỊ XÃ HƯƠNG TRÀ"], number="Số:  89 /QĐ-UBND",
            place_date="Hương Trà, ngày  28  tháng 01 năm 2022")
    _opening(document,
             subject="Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2022",
             signer="CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ HƯƠNG TRÀ",
             bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của "
                    "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;",
                    "Căn cứ Quyết định số 101/QĐ-BKHCN ngày 21/01/2019 của Bộ trưởng Bộ Khoa học và Công nghệ công bố "
                    "Mô hình khung hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015;",
                    "Căn cứ Kế hoạch số 12/KH-UBND ngày 14/01/2022 của UBND tỉnh Thừa Thiên Huế về cải cách hành chính "
                    "nhà nước năm 2022;"],
             proposal="Theo đề nghị của Trưởng phòng Nội vụ thị xã.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng (Phụ lục I) và Kế hoạch thực hiện Mục tiêu chất lượng "
        "năm 2022 (Phụ lục II) của UBND thị xã Hương Trà.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Chánh Văn phòng HĐND và UBND thị xã, Trưởng phòng Nội vụ, Thủ trưởng các cơ quan chuyên môn thuộc UBND thị "
        "xã chịu trách nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- UBND tỉnh (b/c);", "- TT Thị ủy, TT HĐND thị xã;", "- Lưu: VT."],
               ["CHỦ TỊCH"], "Văn Thị Lan")
    document.add_page_break()
    _p(document, "Phụ lục I", bold=True, align=CENTER)
    _p(document, "MỤC TIÊU CHẤT LƯỢNG NĂM 2022", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 89/QĐ-UBND ngày 28/01/2022 của Chủ tịch UBND thị xã Hương Trà)",
       italic=True, align=CENTER)
    _p(document, "Lãnh đạo UBND thị xã Hương Trà cam kết xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý "
                 "chất lượng theo TCVN ISO 9001:2015 nhằm đạt được các mục tiêu sau đây:", indent=1, align=JUSTIFY)
    _lines(document, [
        [("1. Phấn đấu hoàn thành các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội năm 2022:", {"bold": True})],
        "a)\tTốc độ tăng trưởng kinh tế 14-15%;",
        "b)\tPhấn đấu tăng thu ngân sách 17%;",
        "c)\tTổng vốn đầu tư phát triển toàn xã hội đạt 3.200 tỷ đồng;",
        "d)\tTỷ lệ lao động qua đào tạo đạt 72%.",
        [("2. Cải cách hành chính, chuyển đổi số:", {"bold": True})],
        "a)\tChỉ số cải cách hành chính xếp loại Tốt;",
        "b)\tTỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình trên 80% vào năm 2025;",
        "c)\t100% cơ quan chuyên môn thuộc UBND thị xã triển khai Quyết định số 1123/QĐ-UBND ngày 20/5/2021 của UBND "
        "tỉnh về Bộ chỉ số đánh giá chuyển đổi số.",
        [("3. Phấn đấu 100% cán bộ, công chức hoàn thành nhiệm vụ được giao; không có cán bộ, công chức bị kỷ luật.",
          {"bold": True})],
    ], indent=1, align=JUSTIFY)
    document.add_page_break()
    _p(document, "Phụ lục II", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2022", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 89/QĐ-UBND ngày 28/01/2022 của Chủ tịch UBND thị xã Hương Trà)",
       italic=True, align=CENTER)
    _p(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _lines(document, ["Tổ chức thực hiện thắng lợi các mục tiêu chất lượng năm 2022; gắn trách nhiệm người đứng đầu "
                      "cơ quan chuyên môn với kết quả thực hiện."], indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    _plan(document, ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện",
                     "Người theo dõi", "Kết quả"], [
        ("I", "Kinh tế - xã hội", [
            ["1", "Xây dựng, ban hành Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách năm 2022",
             "Phòng Tài chính - Kế hoạch", "Các phòng, ban, đơn vị", "Tháng 01-02/2022", "Phó Chủ tịch UBND thị xã",
             "Kế hoạch, Quyết định giao dự toán"],
            ["2", "Tổng hợp, báo cáo tình hình thu ngân sách", "Phòng Tài chính - Kế hoạch",
             "Chi cục Thuế khu vực Hương Trà - Phong Điền", "Định kỳ hàng tháng", "Phó Chủ tịch UBND thị xã",
             "Báo cáo tháng"]]),
        ("II", "Cải cách hành chính", [
            ["1", "Theo dõi, đôn đốc giải quyết hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh",
             "Văn phòng HĐND và UBND thị xã", "Các cơ quan chuyên môn", "Thường xuyên", "Chánh Văn phòng",
             "Số liệu trên hệ thống"],
            ["2", "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2022", "Phòng Nội vụ",
             "Các cơ quan chuyên môn", "Tháng 11-12/2022", "Chủ tịch UBND thị xã", "Báo cáo tự đánh giá"]]),
        ("III", "Hệ thống quản lý chất lượng", [
            ["1", "Tổ chức đánh giá nội bộ", "Phòng Nội vụ", "Các cơ quan chuyên môn", "6 tháng/lần", "QMR",
             "Báo cáo đánh giá nội bộ"],
            ["2", "Họp xem xét của lãnh đạo", "Chủ tịch UBND thị xã", "Phòng Nội vụ", "Tháng 12/2022", "QMR",
             "Biên bản họp"],
            ["3", "Báo cáo kết quả thực hiện Mục tiêu chất lượng 6 tháng, năm 2022", "Phòng Nội vụ",
             "Các cơ quan chuyên môn", "Trước ngày 15/6/2022 và trước ngày 30/11/2022", "QMR", "Báo cáo"]]),
    ], merge_sections=False, size=12)
    _p(document, "III. TỔ CHỨC THỰC HIỆN", bold=True, before=6)
    _lines(document, ["Thủ trưởng các cơ quan chuyên môn căn cứ Kế hoạch này tổ chức thực hiện; Phòng Nội vụ theo "
                      "dõi, tổng hợp, báo cáo Chủ tịch UBND thị xã./."], indent=1)
    document.save(str(path))
    return path


THI_XA_HUONG_TRA = Case(
    name="thi-xa-huong-tra-2022",
    shape="header typed as tab-separated lines in capitals; lettered targets with a tab after the letter; "
          "plan table, section titles only in the second cell, 'Định kỳ hàng tháng', 'Tháng 01-02/2022'",
    year=2022,
    build=build_thi_xa_huong_tra,
    # "THỊ XÃ HƯƠNG TRÀ" in the header: the unit is "Thị xã Hương Trà", never "Thị Xã".
    issuer={"authority": "Ủy ban nhân dân", "unit": "Thị xã Hương Trà", "place": "Hương Trà",
            "parent": "UBND tỉnh Thừa Thiên Huế"},
    decision={"number": "89/QĐ-UBND", "date": date(2022, 1, 28), "verb": "ban hành"},
    objectives=[
        _o(1, "Phấn đấu hoàn thành các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội năm 2022",
           # A one-sided range (DOMAIN): at least 14, aiming at 15; above 15 is "vượt". The
           # figure recorded is the growth rate itself, a level in % that is not a share of a
           # whole (above_100). Not a `change` on a GRDP figure: the rate is what the
           # statistics office publishes. (A growth rate can be negative, so `signed` would be
           # fair too; it is not expected.)
           _t("1a", "Tốc độ tăng trưởng kinh tế 14-15%", "level", [14, 15], ">=", "%", above_100=True),
           # Relative growth of a flow on last year, base not given.
           _t("1b", "Phấn đấu tăng thu ngân sách 17%", "cumulative", 17, ">=", None, change="percent", base=None),
           _t("1c", "Tổng vốn đầu tư phát triển toàn xã hội đạt 3.200 tỷ đồng", "cumulative", 3200, ">=", "tỷ đồng"),
           _t("1d", "Tỷ lệ lao động qua đào tạo đạt 72%", "level", 72, ">=", "%")),
        _o(2, "Cải cách hành chính, chuyển đổi số",
           _rating("2a", "Chỉ số cải cách hành chính xếp loại Tốt", "Tốt", None),
           # A multi-year horizon: judged against 80 % only in 2025, in progress before.
           _t("2b", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến toàn trình trên 80% vào "
                    "năm 2025", "ratio", 80, ">", "%", by=2025),
           # "1123", "20/5/2021" are the number and date of a decision, not the plan.
           _t("2c", "100% cơ quan chuyên môn thuộc UBND thị xã triển khai Quyết định số 1123/QĐ-UBND ngày 20/5/2021 "
                    "của UBND tỉnh về Bộ chỉ số đánh giá chuyển đổi số", "ratio", 100, ">=", "%")),
        _o(3, "Phấn đấu 100% cán bộ, công chức hoàn thành nhiệm vụ được giao; không có cán bộ, công chức bị kỷ luật",
           _t("3.1", "Phấn đấu 100% cán bộ, công chức hoàn thành nhiệm vụ được giao", "ratio", 100, ">=", "%"),
           # "không có … bị kỷ luật": zero disciplined officials, a ceiling of 0 people (the
           # unit is the thing counted, "cán bộ, công chức").
           _t("3.2", "không có cán bộ, công chức bị kỷ luật", "cumulative", 0, "<=", "người")),
    ],
    tasks=[
        _task("I.1", "Xây dựng, ban hành Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách năm 2022",
              "Phòng Tài chính - Kế hoạch", ["Các phòng, ban, đơn vị"], "Tháng 01-02/2022", due=[date(2022, 2, 28)]),
        _task("I.2", "Tổng hợp, báo cáo tình hình thu ngân sách", "Phòng Tài chính - Kế hoạch",
              ["Chi cục Thuế khu vực Hương Trà - Phong Điền"], "Định kỳ hàng tháng", repeat="monthly"),
        _task("II.1", "Theo dõi, đôn đốc giải quyết hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính tỉnh",
              "Văn phòng HĐND và UBND thị xã", ["Các cơ quan chuyên môn"], "Thường xuyên", repeat="continuous"),
        _task("II.2", "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2022", "Phòng Nội vụ",
              ["Các cơ quan chuyên môn"], "Tháng 11-12/2022", due=[date(2022, 12, 31)]),
        _task("III.1", "Tổ chức đánh giá nội bộ", "Phòng Nội vụ", ["Các cơ quan chuyên môn"], "6 tháng/lần",
              repeat="half-yearly", kind="internal_audit"),
        _task("III.2", "Họp xem xét của lãnh đạo", "Chủ tịch UBND thị xã", ["Phòng Nội vụ"], "Tháng 12/2022",
              due=[date(2022, 12, 31)], kind="management_review"),
        _task("III.3", "Báo cáo kết quả thực hiện Mục tiêu chất lượng 6 tháng, năm 2022", "Phòng Nội vụ",
              ["Các cơ quan chuyên môn"], "Trước ngày 15/6/2022 và trước ngày 30/11/2022",
              due=[date(2022, 6, 15), date(2022, 11, 30)], kind="results_report"),
    ],
    unreadable={
        "1b.unit": "the text gives no unit for budget revenue (tỷ đồng is likely, not written)",
        "1b.base": "last year's budget revenue is not in the decision",
        "2a.scale": "the grades of the province's PAR ranking are not listed in the decision",
    },
)


# --- 5. A district health centre ----------------------------------------------------------------

def build_ttyt_quang_dien(path: Path) -> Path:
    """Trung tâm Y tế huyện Quảng Điền (Sở Y tế Thừa Thiên Huế), 2024: Phụ lục 1 the table
    "TT | Mục tiêu | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2024", objective merged down; the
    plan landscape, partners "Các khoa, phòng", no "Tổ chức thực hiện" part."""
    document = _document(size=13, after=6, left_margin=25)
    _header(document, layout="grid", parent=["SỞ Y TẾ THỪA THIÊN HUẾ"], body=["TRUNG TÂM Y TẾ", "HUYỆN QUẢNG ĐIỀN"],
            number="Số: 35/QĐ-TTYT", place_date="Quảng Điền, ngày 19 tháng 01 năm 2024", size=12)
    _opening(document,
             subject="Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2024",
             signer="GIÁM ĐỐC TRUNG TÂM Y TẾ HUYỆN QUẢNG ĐIỀN",
             bases=["Căn cứ Quyết định số 1520/QĐ-SYT ngày 12/10/2018 của Sở Y tế Thừa Thiên Huế về việc quy định "
                    "chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Trung tâm Y tế huyện Quảng Điền;",
                    "Căn cứ Thông tư số 19/2013/TT-BYT ngày 12/7/2013 của Bộ Y tế hướng dẫn thực hiện quản lý chất "
                    "lượng dịch vụ khám bệnh, chữa bệnh tại bệnh viện;",
                    "Căn cứ Quyết định số 6858/QĐ-BYT ngày 18/11/2016 của Bộ trưởng Bộ Y tế ban hành Bộ tiêu chí chất "
                    "lượng bệnh viện Việt Nam;"],
             proposal="Xét đề nghị của Tổ trưởng Tổ Quản lý chất lượng.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2024 (Phụ lục 1) và Kế hoạch thực hiện Mục tiêu "
        "chất lượng năm 2024 (Phụ lục 2) của Trung tâm Y tế huyện Quảng Điền.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Trưởng các khoa, phòng, Trạm trưởng Trạm Y tế các xã, thị trấn và các cá nhân có liên quan chịu trách "
        "nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- Sở Y tế (b/c);", "- Ban Giám đốc;", "- Lưu: VT, QLCL."],
               ["GIÁM ĐỐC"], "Trần Đình Phúc")
    document.add_page_break()
    _p(document, "PHỤ LỤC 1", bold=True, align=CENTER)
    _p(document, "MỤC TIÊU CHẤT LƯỢNG NĂM 2024", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 35/QĐ-TTYT ngày 19/01/2024 của Giám đốc Trung tâm Y tế huyện Quảng Điền)",
       italic=True, align=CENTER)
    _p(document, "Ban Giám đốc và toàn thể viên chức, người lao động Trung tâm Y tế huyện Quảng Điền cam kết duy "
                 "trì, cải tiến liên tục Hệ thống quản lý chất lượng, phấn đấu đạt các mục tiêu chất lượng năm 2024 "
                 "như sau:", indent=1.27, align=JUSTIFY)
    _objectives_down(document, ["TT", "Mục tiêu", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2024"], [
        ("1", "Nâng cao chất lượng khám bệnh, chữa bệnh", [
            ["Tỷ lệ hài lòng của người bệnh nội trú", "%", "≥ 90"],
            ["Công suất sử dụng giường bệnh kế hoạch", "%", "≥ 85"],
            ["Không để xảy ra sự cố y khoa nghiêm trọng (0 vụ)", "Vụ", "0"],
            ["Thời gian chờ khám bệnh trung bình", "Phút", "Dưới 60"]]),
        ("2", "Nâng cao hiệu quả công tác y tế dự phòng", [
            ["Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng\nđầy đủ các loại vắc xin", "%", "≥ 95"],
            ["Số ca mắc sốt xuất huyết", "Ca", "Không quá 50"]]),
        ("3", "Cải tiến chất lượng, chuyển đổi số", [
            ["Hồ sơ bệnh án nội trú được số hóa, lưu trữ điện tử", "%", "100"],
            ["Điểm đánh giá chất lượng theo Bộ tiêu chí chất lượng bệnh viện Việt Nam", "Điểm", "≥ 3,5"]]),
    ], size=12)
    _landscape(document)
    _p(document, "PHỤ LỤC 2", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2024", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 35/QĐ-TTYT ngày 19/01/2024 của Giám đốc Trung tâm Y tế huyện Quảng Điền)",
       italic=True, align=CENTER)
    _p(document, "I. MỤC ĐÍCH", bold=True)
    _lines(document, ["Bảo đảm các mục tiêu chất lượng năm 2024 được triển khai đến từng khoa, phòng, trạm y tế; có "
                      "người chịu trách nhiệm và thời hạn cụ thể."], indent=1.27)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    _plan(document, ["TT", "Nội dung công việc", "Khoa, phòng chủ trì", "Phối hợp", "Thời gian", "Người theo dõi",
                     "Hồ sơ, kết quả"], [
        ("I", "Nâng cao chất lượng khám bệnh, chữa bệnh", [
            ["1", "Khảo sát sự hài lòng người bệnh nội trú, ngoại trú", "Phòng Kế hoạch - Nghiệp vụ",
             "Các khoa, phòng", "Hàng tháng", "Phó Giám đốc", "Phiếu khảo sát;\nBáo cáo tháng"],
            ["2", "Báo cáo, phân tích sự cố y khoa", "Phòng Kế hoạch - Nghiệp vụ", "Các khoa lâm sàng",
             "Thường xuyên", "Phó Giám đốc", "Sổ theo dõi sự cố"]]),
        ("II", "Y tế dự phòng", [
            ["1", "Tổ chức tiêm chủng mở rộng tại các trạm y tế xã, thị trấn",
             "Khoa Kiểm soát bệnh tật và HIV/AIDS", "Trạm Y tế các xã, thị trấn", "Hàng tháng", "Phó Giám đốc",
             "Báo cáo tiêm chủng"],
            ["2", "Giám sát, xử lý ổ dịch sốt xuất huyết", "Khoa Kiểm soát bệnh tật và HIV/AIDS",
             "Trạm Y tế các xã, thị trấn", "Thường xuyên", "Phó Giám đốc", "Báo cáo dịch"]]),
        ("III", "Quản lý chất lượng", [
            ["1", "Tự đánh giá chất lượng bệnh viện theo Bộ tiêu chí", "Tổ Quản lý chất lượng", "Các khoa, phòng",
             "Trước ngày 15/12/2024", "Giám đốc", "Báo cáo tự đánh giá"],
            ["2", "Tổ chức đánh giá nội bộ", "Tổ Quản lý chất lượng", "Các khoa, phòng", "Quý III/2024", "Giám đốc",
             "Báo cáo đánh giá nội bộ"],
            ["3", "Họp xem xét của lãnh đạo", "Giám đốc Trung tâm", "Tổ Quản lý chất lượng", "Quý IV/2024",
             "Giám đốc", "Biên bản họp"]]),
    ], size=11)
    document.save(str(path))
    return path


TTYT_QUANG_DIEN = Case(
    name="ttyt-quang-dien-2024",
    shape="Phụ lục 1 as a table TT | Mục tiêu | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2024, objective merged "
          "down, line break inside a cell; landscape plan without 'Tổ chức thực hiện'",
    year=2024,
    build=build_ttyt_quang_dien,
    issuer={"authority": "Trung tâm Y tế", "unit": "Huyện Quảng Điền", "place": "Quảng Điền",
            "parent": "Sở Y tế Thừa Thiên Huế"},
    decision={"number": "35/QĐ-TTYT", "date": date(2024, 1, 19), "verb": "ban hành"},
    objectives=[
        _o(1, "Nâng cao chất lượng khám bệnh, chữa bệnh",
           _t("1.1", "Tỷ lệ hài lòng của người bệnh nội trú", "ratio", 90, ">=", "%"),
           # Bed occupancy is a level that Vietnamese hospitals often push above 100 %: not a
           # share of a whole, so above_100.
           _t("1.2", "Công suất sử dụng giường bệnh kế hoạch", "level", 85, ">=", "%", above_100=True),
           _t("1.3", "Không để xảy ra sự cố y khoa nghiêm trọng (0 vụ)", "cumulative", 0, "<=", "vụ"),
           # "Dưới 60": strictly below; an average at a point in time, a level.
           _t("1.4", "Thời gian chờ khám bệnh trung bình", "level", 60, "<", "phút")),
        _o(2, "Nâng cao hiệu quả công tác y tế dự phòng",
           # "dưới 1 tuổi" is the age group, not a plan (nor a "<"). Children counted one by one
           # over the cohort: a ratio (a reader may call it a level, as a coverage rate).
           _t("2.1", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin", "ratio", 95, ">=", "%"),
           _t("2.2", "Số ca mắc sốt xuất huyết", "cumulative", 50, "<=", "ca")),
        _o(3, "Cải tiến chất lượng, chuyển đổi số",
           _t("3.1", "Hồ sơ bệnh án nội trú được số hóa, lưu trữ điện tử", "ratio", 100, ">=", "%"),
           # A score on the Ministry's 1-5 scale, comma decimal.
           _t("3.2", "Điểm đánh giá chất lượng theo Bộ tiêu chí chất lượng bệnh viện Việt Nam", "level", 3.5, ">=",
              "điểm")),
    ],
    tasks=[
        _task("I.1", "Khảo sát sự hài lòng người bệnh nội trú, ngoại trú", "Phòng Kế hoạch - Nghiệp vụ",
              ["Các khoa, phòng"], "Hàng tháng", repeat="monthly"),
        _task("I.2", "Báo cáo, phân tích sự cố y khoa", "Phòng Kế hoạch - Nghiệp vụ", ["Các khoa lâm sàng"],
              "Thường xuyên", repeat="continuous"),
        _task("II.1", "Tổ chức tiêm chủng mở rộng tại các trạm y tế xã, thị trấn",
              "Khoa Kiểm soát bệnh tật và HIV/AIDS", ["Trạm Y tế các xã, thị trấn"], "Hàng tháng", repeat="monthly"),
        _task("II.2", "Giám sát, xử lý ổ dịch sốt xuất huyết", "Khoa Kiểm soát bệnh tật và HIV/AIDS",
              ["Trạm Y tế các xã, thị trấn"], "Thường xuyên", repeat="continuous"),
        _task("III.1", "Tự đánh giá chất lượng bệnh viện theo Bộ tiêu chí", "Tổ Quản lý chất lượng",
              ["Các khoa, phòng"], "Trước ngày 15/12/2024", due=[date(2024, 12, 15)]),
        _task("III.2", "Tổ chức đánh giá nội bộ", "Tổ Quản lý chất lượng", ["Các khoa, phòng"], "Quý III/2024",
              due=[date(2024, 9, 30)], kind="internal_audit"),
        _task("III.3", "Họp xem xét của lãnh đạo", "Giám đốc Trung tâm", ["Tổ Quản lý chất lượng"], "Quý IV/2024",
              due=[date(2024, 12, 31)], kind="management_review"),
    ],
)


# --- 6. A provincial department -----------------------------------------------------------------

def build_so_tu_phap(path: Path) -> Path:
    """Sở Tư pháp tỉnh Quảng Nam, 2024: header as a 1×2 table with the parent above; targets
    under en dashes; an older decision number in Điều 2 and a decision number inside a target;
    a score range; a grade "trở lên"."""
    document = _document(size=14, line_spacing=1.2)
    _header(document, layout="cells", parent=["UBND TỈNH QUẢNG NAM"], body=["SỞ TƯ PHÁP"], number="Số: 18 /QĐ-STP",
            place_date="Quảng Nam, ngày 26 tháng 01 năm 2024")
    _opening(document,
             subject="Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện\n"
                     "Mục tiêu chất lượng năm 2024 của Sở Tư pháp",
             signer="GIÁM ĐỐC SỞ TƯ PHÁP TỈNH QUẢNG NAM",
             bases=["Căn cứ Quyết định số 21/2021/QĐ-UBND ngày 15/9/2021 của UBND tỉnh Quảng Nam quy định chức năng, "
                    "nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư pháp tỉnh Quảng Nam;",
                    "Căn cứ Quyết định số 101/QĐ-BKHCN ngày 21/01/2019 của Bộ trưởng Bộ Khoa học và Công nghệ công bố "
                    "Mô hình khung hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015;"],
             proposal="Theo đề nghị của Chánh Văn phòng Sở.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2024 (Phụ lục 1) và Kế hoạch thực hiện Mục tiêu "
        "chất lượng năm 2024 (Phụ lục 2) của Sở Tư pháp.",
        "Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 09/QĐ-STP ngày 16/01/2023 của Giám đốc "
        "Sở Tư pháp.",
        "Chánh Văn phòng Sở, Trưởng các phòng, Thủ trưởng các đơn vị thuộc Sở chịu trách nhiệm thi hành Quyết định "
        "này./."])
    _signature(document, ["- Như Điều 3;", "- UBND tỉnh (b/c);", "- Sở Khoa học và Công nghệ;",
                          "- Giám đốc, các PGĐ Sở;", "- Lưu: VT, VP."], ["GIÁM ĐỐC"], "Phạm Thị Hoa")
    document.add_page_break()
    _p(document, "PHỤ LỤC 1: MỤC TIÊU CHẤT LƯỢNG NĂM 2024 CỦA SỞ TƯ PHÁP", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 18/QĐ-STP ngày 26 tháng 01 năm 2024 của Giám đốc Sở Tư pháp)", italic=True,
       align=CENTER)
    _p(document, "Lãnh đạo Sở Tư pháp cam kết áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo TCVN ISO "
                 "9001:2015 trong toàn bộ hoạt động của Sở; mục tiêu chất lượng năm 2024 như sau:", indent=1,
       align=JUSTIFY)
    _lines(document, [
        "1. Công tác xây dựng, kiểm tra văn bản quy phạm pháp luật:",
        "– 100% dự thảo văn bản quy phạm pháp luật của HĐND, UBND tỉnh được thẩm định đúng thời hạn;",
        "– Kiểm tra văn bản quy phạm pháp luật do HĐND, UBND cấp huyện ban hành: tối thiểu 120 văn bản.",
        "2. Giải quyết thủ tục hành chính:",
        "– 100% thủ tục hành chính được giải quyết theo quy trình nội bộ ban hành tại Quyết định số 1291/QĐ-UBND ngày "
        "15/5/2023 của UBND tỉnh Quảng Nam;",
        "– Tỷ lệ hồ sơ cấp Phiếu lý lịch tư pháp trả kết quả trước hạn đạt từ 70% trở lên;",
        "– Mức độ hài lòng của người dân, tổ chức đối với việc giải quyết thủ tục hành chính đạt từ 95% trở lên.",
        "3. Chỉ số cải cách hành chính (PAR Index) năm 2024 của Sở đạt từ 80 đến 90 điểm.",
        "4. Tập thể Sở Tư pháp được đánh giá, xếp loại chất lượng Hoàn thành tốt nhiệm vụ trở lên; 100% công chức, "
        "viên chức được xếp loại từ Hoàn thành nhiệm vụ trở lên.",
    ], indent=1, align=JUSTIFY)
    document.add_page_break()
    _p(document, "PHỤ LỤC 2: KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2024", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 18/QĐ-STP ngày 26 tháng 01 năm 2024 của Giám đốc Sở Tư pháp)", italic=True,
       align=CENTER)
    _p(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _lines(document, ["- Triển khai đồng bộ các mục tiêu chất lượng năm 2024 đến các phòng, đơn vị thuộc Sở.",
                      "- Kịp thời phát hiện, khắc phục các mục tiêu có nguy cơ không đạt."], indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    _plan(document, ["TT", "Nội dung", ("Trách nhiệm", ["Chủ trì", "Phối hợp"]), "Thời gian", "Theo dõi", "Kết quả"], [
        ("I", "Xây dựng, kiểm tra văn bản quy phạm pháp luật", [
            ["1", "Thẩm định dự thảo văn bản quy phạm pháp luật",
             "Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật", "Văn phòng Sở", "Thường xuyên",
             "Phó Giám đốc Sở", "Báo cáo thẩm định"],
            ["2", "Kiểm tra văn bản quy phạm pháp luật do cấp huyện ban hành",
             "Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật",
             "Phòng Tư pháp các huyện, thị xã, thành phố", "Hằng quý", "Phó Giám đốc Sở", "Kết luận kiểm tra"]]),
        ("II", "Giải quyết thủ tục hành chính", [
            ["1", "Tiếp nhận, giải quyết hồ sơ cấp Phiếu lý lịch tư pháp", "Phòng Hành chính tư pháp",
             "Trung tâm Phục vụ hành chính công tỉnh", "Thường xuyên", "Phó Giám đốc Sở", "Sổ theo dõi"],
            ["2", "Thống kê, báo cáo kết quả giải quyết thủ tục hành chính", "Văn phòng Sở",
             "Các phòng, đơn vị thuộc Sở", "Định kỳ hàng tháng\n(trước ngày 20)", "Chánh Văn phòng",
             "Báo cáo tháng"]]),
        ("III", "Hệ thống quản lý chất lượng", [
            ["1", "Tổ chức ĐGNB Hệ thống quản lý chất lượng năm 2024", "Văn phòng Sở", "Các phòng, đơn vị thuộc Sở",
             "Tháng 8/2024", "Đại diện lãnh đạo về chất lượng", "Hồ sơ ĐGNB"],
            ["2", "Họp xem xét của lãnh đạo", "Giám đốc Sở", "Văn phòng Sở", "Tháng 9/2024",
             "Đại diện lãnh đạo về chất lượng", "Biên bản họp"],
            ["3", "Báo cáo kết quả thực hiện Mục tiêu chất lượng", "Văn phòng Sở", "Các phòng, đơn vị thuộc Sở",
             "Trước ngày 15/6 và 30/11", "Đại diện lãnh đạo về chất lượng", "Báo cáo 6 tháng, năm"]]),
    ], size=12)
    _p(document, "III. TỔ CHỨC THỰC HIỆN", bold=True, before=6)
    _lines(document, ["Văn phòng Sở là đầu mối theo dõi, đôn đốc; Trưởng các phòng, đơn vị chịu trách nhiệm trước "
                      "Giám đốc Sở về kết quả thực hiện mục tiêu được giao./."], indent=1)
    document.save(str(path))
    return path


SO_TU_PHAP = Case(
    name="so-tu-phap-quang-nam-2024",
    shape="provincial department, 1×2 header with the parent above; Phụ lục 1 title on the heading line; targets "
          "under en dashes; a score range; a grade 'trở lên'; plan with a two-row heading",
    year=2024,
    build=build_so_tu_phap,
    issuer={"authority": "Sở Tư pháp", "unit": "Tỉnh Quảng Nam", "place": "Quảng Nam",
            "parent": "UBND tỉnh Quảng Nam"},
    # Not "09/QĐ-STP": that is the decision this one replaces (Điều 2).
    decision={"number": "18/QĐ-STP", "date": date(2024, 1, 26), "verb": "ban hành"},
    objectives=[
        _o(1, "Công tác xây dựng, kiểm tra văn bản quy phạm pháp luật",
           _t("1.1", "100% dự thảo văn bản quy phạm pháp luật của HĐND, UBND tỉnh được thẩm định đúng thời hạn",
              "ratio", 100, ">=", "%"),
           _t("1.2", "Kiểm tra văn bản quy phạm pháp luật do HĐND, UBND cấp huyện ban hành: tối thiểu 120 văn bản",
              "cumulative", 120, ">=", "văn bản")),
        _o(2, "Giải quyết thủ tục hành chính",
           # "1291", "15/5/2023" name the decision that issued the procedures: not a plan.
           _t("2.1", "100% thủ tục hành chính được giải quyết theo quy trình nội bộ ban hành tại Quyết định số "
                     "1291/QĐ-UBND ngày 15/5/2023 của UBND tỉnh Quảng Nam", "ratio", 100, ">=", "%"),
           _t("2.2", "Tỷ lệ hồ sơ cấp Phiếu lý lịch tư pháp trả kết quả trước hạn đạt từ 70% trở lên", "ratio", 70,
              ">=", "%"),
           _t("2.3", "Mức độ hài lòng của người dân, tổ chức đối với việc giải quyết thủ tục hành chính đạt từ 95% trở "
                     "lên", "ratio", 95, ">=", "%")),
        _o(3, "Chỉ số cải cách hành chính (PAR Index) năm 2024 của Sở đạt từ 80 đến 90 điểm",
           # "từ 80 đến 90 điểm" is one-sided (DOMAIN): at least 80, aiming at 90; 92 points
           # would be "vượt", not a failure. "2024" is the year, not a plan.
           _t("3.1", "Chỉ số cải cách hành chính (PAR Index) năm 2024 của Sở đạt từ 80 đến 90 điểm", "level",
              [80, 90], ">=", "điểm")),
        _o(4, "Tập thể Sở Tư pháp được đánh giá, xếp loại chất lượng Hoàn thành tốt nhiệm vụ trở lên; 100% công "
              "chức, viên chức được xếp loại từ Hoàn thành nhiệm vụ trở lên",
           # A grade aimed at, "trở lên" = that grade or better. The decision does not list
           # the grades: they are almost surely Nghị định 90/2020's four (ND90_SCALE), but
           # that is a guess to be marked, not the text.
           _rating("4.1", "Tập thể Sở Tư pháp được đánh giá, xếp loại chất lượng Hoàn thành tốt nhiệm vụ trở lên",
                   "Hoàn thành tốt nhiệm vụ", None),
           _t("4.2", "100% công chức, viên chức được xếp loại từ Hoàn thành nhiệm vụ trở lên", "ratio", 100, ">=",
              "%")),
    ],
    tasks=[
        _task("I.1", "Thẩm định dự thảo văn bản quy phạm pháp luật",
              "Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật", ["Văn phòng Sở"], "Thường xuyên",
              repeat="continuous"),
        _task("I.2", "Kiểm tra văn bản quy phạm pháp luật do cấp huyện ban hành",
              "Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật",
              ["Phòng Tư pháp các huyện, thị xã, thành phố"], "Hằng quý", repeat="quarterly"),
        _task("II.1", "Tiếp nhận, giải quyết hồ sơ cấp Phiếu lý lịch tư pháp", "Phòng Hành chính tư pháp",
              ["Trung tâm Phục vụ hành chính công tỉnh"], "Thường xuyên", repeat="continuous"),
        # "Định kỳ hàng tháng (trước ngày 20)": monthly; the day of the month is a detail
        # the schedule keeps in its timing text.
        _task("II.2", "Thống kê, báo cáo kết quả giải quyết thủ tục hành chính", "Văn phòng Sở",
              ["Các phòng, đơn vị thuộc Sở"], "Định kỳ hàng tháng (trước ngày 20)", repeat="monthly"),
        _task("III.1", "Tổ chức ĐGNB Hệ thống quản lý chất lượng năm 2024", "Văn phòng Sở",
              ["Các phòng, đơn vị thuộc Sở"], "Tháng 8/2024", due=[date(2024, 8, 31)], kind="internal_audit"),
        _task("III.2", "Họp xem xét của lãnh đạo", "Giám đốc Sở", ["Văn phòng Sở"], "Tháng 9/2024",
              due=[date(2024, 9, 30)], kind="management_review"),
        _task("III.3", "Báo cáo kết quả thực hiện Mục tiêu chất lượng", "Văn phòng Sở", ["Các phòng, đơn vị thuộc Sở"],
              "Trước ngày 15/6 và 30/11", due=[date(2024, 6, 15), date(2024, 11, 30)], kind="results_report"),
    ],
    unreadable={
        "4.1.scale": "the decision names the grade aimed at but not the scale (Nghị định 90/2020's four grades are "
                     "the likely one: a marked guess at most)",
    },
)


# --- 7. A provincial department that "công bố" ---------------------------------------------------

def build_so_noi_vu(path: Path) -> Path:
    """Sở Nội vụ tỉnh Bình Định, 2021: a decision that "công bố" the quality policy and
    objectives; the parent split over two header lines; Phụ lục 1 opens with the quality policy
    (not an objective) and numbers its targets 1.1, 1.2."""
    document = _document(size=13, line_spacing=1.1, after=3)
    _header(document, layout="grid", parent=["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"], body=["SỞ NỘI VỤ"],
            number="Số: 45/QĐ-SNV", place_date="Bình Định, ngày 02 tháng 3 năm 2021", size=12)
    _opening(document,
             subject="Về việc công bố Chính sách chất lượng, Mục tiêu chất lượng và Kế hoạch thực hiện\n"
                     "Mục tiêu chất lượng năm 2021 của Sở Nội vụ",
             signer="GIÁM ĐỐC SỞ NỘI VỤ",
             bases=["Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ "
                    "thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của các cơ "
                    "quan, tổ chức thuộc hệ thống hành chính nhà nước;",
                    "Căn cứ Quyết định số 08/2016/QĐ-UBND ngày 01/02/2016 của UBND tỉnh Bình Định ban hành Quy định "
                    "chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ;"],
             proposal="Xét đề nghị của Chánh Văn phòng Sở.")
    _articles(document, [
        "Công bố kèm theo Quyết định này Chính sách chất lượng, Mục tiêu chất lượng năm 2021 (Phụ lục 1) và Kế hoạch "
        "thực hiện Mục tiêu chất lượng năm 2021 (Phụ lục 2) của Sở Nội vụ tỉnh Bình Định.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Chánh Văn phòng Sở, Trưởng các phòng, Thủ trưởng các đơn vị thuộc Sở và công chức, viên chức có liên quan "
        "chịu trách nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- UBND tỉnh (b/c);", "- Lãnh đạo Sở;", "- Đăng Website Sở;",
                          "- Lưu: VT, VP."], ["GIÁM ĐỐC"], "Nguyễn Thị Hạnh")
    document.add_page_break()
    _p(document, "PHỤ LỤC 1", bold=True, align=CENTER)
    _p(document, "CHÍNH SÁCH CHẤT LƯỢNG VÀ MỤC TIÊU CHẤT LƯỢNG NĂM 2021", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 45/QĐ-SNV ngày 02/3/2021 của Giám đốc Sở Nội vụ)", italic=True, align=CENTER)
    _p(document, "I. CHÍNH SÁCH CHẤT LƯỢNG", bold=True)
    _p(document, "Sở Nội vụ tỉnh Bình Định cam kết xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng "
                 "theo TCVN ISO 9001:2015; không ngừng nâng cao chất lượng tham mưu, phục vụ tổ chức và công dân với "
                 "phương châm: “Kỷ cương - Trách nhiệm - Minh bạch - Hiệu quả”.", indent=1, align=JUSTIFY)
    _p(document, "II. MỤC TIÊU CHẤT LƯỢNG NĂM 2021", bold=True)
    _lines(document, [
        "1. Công tác tổ chức bộ máy, biên chế:",
        "1.1. 100% đề án, hồ sơ về tổ chức bộ máy, biên chế được thẩm định, trình UBND tỉnh đúng thời hạn.",
        "1.2. Không có hồ sơ thẩm định bị trả lại do sai sót về thể thức, thủ tục.",
        "2. Công tác cải cách hành chính:",
        "2.1. Hoàn thành 100% nhiệm vụ năm 2021 của Kế hoạch cải cách hành chính giai đoạn 2021-2025 của tỉnh được "
        "giao cho Sở Nội vụ.",
        "2.2. Tỷ lệ hài lòng > 90% đối với sự phục vụ của Sở trong giải quyết thủ tục hành chính.",
        "2.3. Hồ sơ giải quyết trễ hạn: không quá 1%.",
        "3. Công tác thi đua, khen thưởng:",
        "3.1. 100% hồ sơ đề nghị khen thưởng được thẩm định, trình cấp có thẩm quyền trong thời hạn 15 ngày làm việc.",
        "4. Công tác văn thư, lưu trữ:",
        "4.1. Thu thập hồ sơ, tài liệu vào Lưu trữ lịch sử tỉnh: 150 mét giá.",
    ], indent=1, align=JUSTIFY)
    document.add_page_break()
    _p(document, "PHỤ LỤC 2", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2021", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 45/QĐ-SNV ngày 02/3/2021 của Giám đốc Sở Nội vụ)", italic=True, align=CENTER)
    _p(document, "I. MỤC ĐÍCH", bold=True)
    _lines(document, ["Bảo đảm thực hiện đầy đủ các mục tiêu chất lượng đã công bố; làm cơ sở đánh giá mức độ hoàn "
                      "thành nhiệm vụ của các phòng, đơn vị thuộc Sở."], indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    _plan(document, ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Theo dõi", "Kết quả"], [
        ("I", "Tổ chức bộ máy, biên chế", [
            ["1", "Thẩm định đề án, hồ sơ tổ chức bộ máy, biên chế",
             "Phòng Tổ chức, biên chế và Tổ chức phi chính phủ", "Các sở, ban, ngành", "Thường xuyên",
             "Phó Giám đốc Sở", "Tờ trình, báo cáo thẩm định"]]),
        ("II", "Cải cách hành chính", [
            ["1", "Theo dõi, đôn đốc thực hiện Kế hoạch cải cách hành chính năm 2021", "Phòng Cải cách hành chính",
             "Các sở, ban, ngành; UBND các huyện, thị xã, thành phố", "Quý I, II, III, IV năm 2021",
             "Phó Giám đốc Sở", "Báo cáo quý"],
            ["2", "Khảo sát sự hài lòng của tổ chức, cá nhân", "Văn phòng Sở", "", "Tháng 6 và tháng 12/2021",
             "Chánh Văn phòng", "Báo cáo khảo sát"]]),
        ("III", "Thi đua, khen thưởng", [
            ["1", "Thẩm định hồ sơ đề nghị khen thưởng", "Ban Thi đua - Khen thưởng", "", "Thường xuyên",
             "Phó Giám đốc Sở", "Tờ trình khen thưởng"]]),
        ("IV", "Văn thư, lưu trữ", [
            ["1", "Hướng dẫn, thu thập hồ sơ, tài liệu vào Lưu trữ lịch sử", "Chi cục Văn thư - Lưu trữ",
             "Các cơ quan thuộc nguồn nộp lưu", "Quý II, III năm 2021", "Phó Giám đốc Sở", "Biên bản giao nhận"]]),
        ("V", "Hệ thống quản lý chất lượng", [
            ["1", "Tổ chức đánh giá nội bộ", "Văn phòng Sở", "Các phòng, đơn vị thuộc Sở", "Tháng 10/2021",
             "Đại diện lãnh đạo", "Báo cáo đánh giá nội bộ"],
            ["2", "Họp xem xét của lãnh đạo", "Giám đốc Sở", "Văn phòng Sở", "Tháng 11/2021", "Đại diện lãnh đạo",
             "Biên bản họp"]]),
    ], size=11)
    _p(document, "III. TỔ CHỨC THỰC HIỆN", bold=True, before=6)
    _lines(document, ["Văn phòng Sở chủ trì theo dõi, tổng hợp kết quả, báo cáo Giám đốc Sở trước ngày 30/11/2021./."],
           indent=1)
    document.save(str(path))
    return path


SO_NOI_VU = Case(
    name="so-noi-vu-binh-dinh-2021",
    shape="a decision that 'công bố' (Về việc công bố …); the quality policy before the objectives; targets "
          "numbered 1.1, 1.2 under numbered objectives; the parent over two header lines",
    year=2021,
    build=build_so_noi_vu,
    issuer={"authority": "Sở Nội vụ", "unit": "Tỉnh Bình Định", "place": "Bình Định", "parent": "UBND tỉnh Bình Định"},
    decision={"number": "45/QĐ-SNV", "date": date(2021, 3, 2), "verb": "công bố"},
    objectives=[
        # The quality policy (I. CHÍNH SÁCH CHẤT LƯỢNG) is not an objective and holds no target.
        _o(1, "Công tác tổ chức bộ máy, biên chế",
           _t("1.1", "100% đề án, hồ sơ về tổ chức bộ máy, biên chế được thẩm định, trình UBND tỉnh đúng thời hạn",
              "ratio", 100, ">=", "%"),
           # "Không có … bị trả lại": zero returned files, a ceiling of 0.
           _t("1.2", "Không có hồ sơ thẩm định bị trả lại do sai sót về thể thức, thủ tục", "cumulative", 0, "<=",
              "hồ sơ")),
        _o(2, "Công tác cải cách hành chính",
           # "2021-2025" is the plan's period and "2021" the year: the plan is 100.
           _t("2.1", "Hoàn thành 100% nhiệm vụ năm 2021 của Kế hoạch cải cách hành chính giai đoạn 2021-2025 của tỉnh "
                     "được giao cho Sở Nội vụ", "ratio", 100, ">=", "%"),
           _t("2.2", "Tỷ lệ hài lòng > 90% đối với sự phục vụ của Sở trong giải quyết thủ tục hành chính", "ratio", 90,
              ">", "%"),
           # A lower-is-better share: at most 1 % of dossiers late.
           _t("2.3", "Hồ sơ giải quyết trễ hạn: không quá 1%", "ratio", 1, "<=", "%")),
        _o(3, "Công tác thi đua, khen thưởng",
           # "15 ngày làm việc" is the time limit each file must meet, not the plan.
           _t("3.1", "100% hồ sơ đề nghị khen thưởng được thẩm định, trình cấp có thẩm quyền trong thời hạn 15 ngày "
                     "làm việc", "ratio", 100, ">=", "%")),
        _o(4, "Công tác văn thư, lưu trữ",
           _t("4.1", "Thu thập hồ sơ, tài liệu vào Lưu trữ lịch sử tỉnh: 150 mét giá", "cumulative", 150, ">=",
              "mét giá")),
    ],
    tasks=[
        _task("I.1", "Thẩm định đề án, hồ sơ tổ chức bộ máy, biên chế",
              "Phòng Tổ chức, biên chế và Tổ chức phi chính phủ", ["Các sở, ban, ngành"], "Thường xuyên",
              repeat="continuous"),
        _task("II.1", "Theo dõi, đôn đốc thực hiện Kế hoạch cải cách hành chính năm 2021", "Phòng Cải cách hành chính",
              ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"], "Quý I, II, III, IV năm 2021",
              repeat="quarterly"),
        _task("II.2", "Khảo sát sự hài lòng của tổ chức, cá nhân", "Văn phòng Sở", [], "Tháng 6 và tháng 12/2021",
              due=[date(2021, 6, 30), date(2021, 12, 31)]),
        _task("III.1", "Thẩm định hồ sơ đề nghị khen thưởng", "Ban Thi đua - Khen thưởng", [], "Thường xuyên",
              repeat="continuous"),
        _task("IV.1", "Hướng dẫn, thu thập hồ sơ, tài liệu vào Lưu trữ lịch sử", "Chi cục Văn thư - Lưu trữ",
              ["Các cơ quan thuộc nguồn nộp lưu"], "Quý II, III năm 2021", due=[date(2021, 6, 30), date(2021, 9, 30)]),
        _task("V.1", "Tổ chức đánh giá nội bộ", "Văn phòng Sở", ["Các phòng, đơn vị thuộc Sở"], "Tháng 10/2021",
              due=[date(2021, 10, 31)], kind="internal_audit"),
        _task("V.2", "Họp xem xét của lãnh đạo", "Giám đốc Sở", ["Văn phòng Sở"], "Tháng 11/2021",
              due=[date(2021, 11, 30)], kind="management_review"),
    ],
)


# --- 8. A ward of a centrally governed city after the 2025 reform ---------------------------------

def build_phuong_hai_chau(path: Path) -> Path:
    """UBND phường Hải Châu (thành phố Đà Nẵng), formed on 1 July 2025: the title without
    "Về việc"; Phụ lục I a table whose objectives are rows merged across and whose targets
    are numbered 1.1, 1.2, with a "Ghi chú" column holding another decision's number."""
    document = _document(size=14, after=4)
    _header(document, layout="cells", body=["ỦY BAN NHÂN DÂN", "PHƯỜNG HẢI CHÂU"], number="Số: 210/QĐ-UBND",
            place_date="Hải Châu, ngày 12 tháng 9 năm 2025")
    _opening(document,
             subject="Ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2025\n"
                     "của Ủy ban nhân dân phường Hải Châu",
             signer="ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU",
             bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                    "Căn cứ Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của "
                    "thành phố Đà Nẵng năm 2025;",
                    "Căn cứ Công văn số 1830/UBND-SKHCN ngày 20 tháng 8 năm 2025 của UBND thành phố Đà Nẵng về việc duy "
                    "trì Hệ thống quản lý chất lượng tại các phường, xã sau sắp xếp;"],
             proposal="Theo đề nghị của Chánh Văn phòng HĐND và UBND phường.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2025 (Phụ lục I) và Kế hoạch thực hiện Mục tiêu "
        "chất lượng năm 2025 (Phụ lục II) của Ủy ban nhân dân phường Hải Châu.",
        "Quyết định này có hiệu lực từ ngày ký.",
        "Chánh Văn phòng HĐND và UBND phường, Trưởng các phòng, ban, Giám đốc Trung tâm Phục vụ hành chính công "
        "phường và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- UBND thành phố (b/c);", "- Sở Khoa học và Công nghệ;", "- Lưu: VT."],
               ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Đặng Văn Tài")
    document.add_page_break()
    _p(document, "PHỤ LỤC I", bold=True, align=CENTER)
    _p(document, "MỤC TIÊU CHẤT LƯỢNG NĂM 2025", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 210/QĐ-UBND ngày 12/9/2025 của UBND phường Hải Châu)", italic=True,
       align=CENTER)
    _p(document, "UBND phường Hải Châu cam kết duy trì, cải tiến Hệ thống quản lý chất lượng sau sắp xếp đơn vị hành "
                 "chính, phấn đấu đạt các chỉ tiêu sau:", indent=1, align=JUSTIFY)
    _objectives_across(document, ["TT", "Nội dung chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Ghi chú"], [
        ("1", "Giải quyết thủ tục hành chính", [
            ["1.1", "Hồ sơ thủ tục hành chính được giải quyết trước hạn và đúng hạn", "%", "≥ 98", ""],
            ["1.2", "Hồ sơ trực tuyến toàn trình trên tổng số hồ sơ thủ tục hành chính", "%", "≥ 60", ""],
            ["1.3", "Chỉ số phục vụ người dân, doanh nghiệp", "Điểm", "≥ 90",
             "Theo Quyết định số 766/QĐ-TTg ngày 23/6/2022"]]),
        ("2", "Phát triển kinh tế - xã hội", [
            ["2.1", "Thu ngân sách nhà nước trên địa bàn", "Tỷ đồng", "412,8", ""],
            ["2.2", "Tỷ lệ hộ nghèo theo chuẩn nghèo thành phố", "%", "Giảm 0,5", ""],
            ["2.3", "Số vụ tai nạn giao thông", "Vụ", "Giảm 5% so với cùng kỳ", ""]]),
        ("3", "Hệ thống quản lý chất lượng", [
            ["3.1", "Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 sau sắp xếp đơn vị hành "
                    "chính", "", "Hoàn thành", ""],
            ["3.2", "Quy trình nội bộ giải quyết thủ tục hành chính được rà soát, ban hành lại sau sắp xếp", "%", "100",
             "Hoàn thành trong Quý IV/2025"]]),
    ], size=12)
    document.add_page_break()
    _p(document, "PHỤ LỤC II", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2025", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 210/QĐ-UBND ngày 12/9/2025 của UBND phường Hải Châu)", italic=True,
       align=CENTER)
    _p(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _lines(document, ["- Bảo đảm hoạt động giải quyết thủ tục hành chính của phường sau sắp xếp được kiểm soát theo "
                      "Hệ thống quản lý chất lượng.", "- Phân công rõ trách nhiệm cho từng phòng, ban."], indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    _plan(document, ["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Theo dõi", "Kết quả"], [
        ("I", "Giải quyết thủ tục hành chính", [
            ["1", "Theo dõi, thống kê hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính thành phố",
             "Trung tâm Phục vụ hành chính công phường", "Các phòng, ban", "Hàng tháng", "Phó Chủ tịch UBND phường",
             "Báo cáo thống kê"],
            ["2", "Khảo sát, đánh giá Chỉ số phục vụ người dân, doanh nghiệp",
             "Trung tâm Phục vụ hành chính công phường", "Văn phòng HĐND và UBND", "Quý IV/2025",
             "Phó Chủ tịch UBND phường", "Báo cáo kết quả"]]),
        ("II", "Phát triển kinh tế - xã hội", [
            ["1", "Đôn đốc thu ngân sách trên địa bàn", "Phòng Kinh tế, Hạ tầng và Đô thị", "Các tổ dân phố",
             "Thường xuyên", "Phó Chủ tịch UBND phường", "Báo cáo thu ngân sách"],
            ["2", "Rà soát hộ nghèo, hộ cận nghèo", "Phòng Văn hóa - Xã hội", "Các tổ dân phố", "Tháng 10-11/2025",
             "Phó Chủ tịch UBND phường", "Danh sách hộ nghèo"]]),
        ("III", "Hệ thống quản lý chất lượng", [
            ["1", "Rà soát, xây dựng lại quy trình nội bộ theo TCVN ISO 9001:2015", "Văn phòng HĐND và UBND",
             "Các phòng, ban", "Tháng 9-10/2025", "QMR", "Quyết định ban hành quy trình"],
            ["2", "Tổ chức đánh giá nội bộ", "Văn phòng HĐND và UBND", "Các phòng, ban", "Tháng 11/2025", "QMR",
             "Báo cáo đánh giá nội bộ"],
            ["3", "Họp xem xét của lãnh đạo", "Chủ tịch UBND phường", "Các phòng, ban", "Tháng 12/2025", "QMR",
             "Biên bản họp"]]),
    ], size=12)
    _p(document, "III. TỔ CHỨC THỰC HIỆN", bold=True, before=6)
    _lines(document, ["Văn phòng HĐND và UBND phường theo dõi, đôn đốc, tổng hợp kết quả thực hiện; các phòng, ban "
                      "báo cáo kết quả trước ngày 25 hằng tháng./."], indent=1)
    document.save(str(path))
    return path


PHUONG_HAI_CHAU = Case(
    name="phuong-hai-chau-2025",
    shape="city ward after 2025; title without 'Về việc'; Phụ lục I as a table TT | Nội dung chỉ tiêu | Đơn vị "
          "tính | Kế hoạch năm 2025 | Ghi chú, objectives as rows merged across, targets numbered 1.1",
    year=2025,
    build=build_phuong_hai_chau,
    issuer={"authority": "Ủy ban nhân dân", "unit": "Phường Hải Châu", "place": "Hải Châu",
            "parent": "UBND thành phố Đà Nẵng"},
    decision={"number": "210/QĐ-UBND", "date": date(2025, 9, 12), "verb": "ban hành"},
    objectives=[
        _o(1, "Giải quyết thủ tục hành chính",
           _t("1.1", "Hồ sơ thủ tục hành chính được giải quyết trước hạn và đúng hạn", "ratio", 98, ">=", "%"),
           _t("1.2", "Hồ sơ trực tuyến toàn trình trên tổng số hồ sơ thủ tục hành chính", "ratio", 60, ">=", "%"),
           # "766/QĐ-TTg" in the Ghi chú names the index's source, not a plan.
           _t("1.3", "Chỉ số phục vụ người dân, doanh nghiệp", "level", 90, ">=", "điểm")),
        _o(2, "Phát triển kinh tế - xã hội",
           _t("2.1", "Thu ngân sách nhà nước trên địa bàn", "cumulative", 412.8, ">=", "tỷ đồng"),
           # "Giảm 0,5" in a column whose unit is "%": half a percentage point (DOMAIN), not
           # a 0,5 % relative fall.
           _t("2.2", "Tỷ lệ hộ nghèo theo chuẩn nghèo thành phố", "level", -0.5, "<=", "%", change="points",
              base=None),
           # "so với cùng kỳ" in a yearly plan: on last year's count, which the new ward
           # inherits from the wards it was merged from and the decision does not give.
           _t("2.3", "Số vụ tai nạn giao thông", "cumulative", -5, "<=", "vụ", change="percent", base=None)),
        _o(3, "Hệ thống quản lý chất lượng",
           _judged("3.1", "Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 sau sắp xếp đơn vị "
                          "hành chính"),
           # "Hoàn thành trong Quý IV/2025" is a remark on timing, not a milestone figure.
           _t("3.2", "Quy trình nội bộ giải quyết thủ tục hành chính được rà soát, ban hành lại sau sắp xếp", "ratio",
              100, ">=", "%")),
    ],
    tasks=[
        _task("I.1", "Theo dõi, thống kê hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính thành phố",
              "Trung tâm Phục vụ hành chính công phường", ["Các phòng, ban"], "Hàng tháng", repeat="monthly"),
        _task("I.2", "Khảo sát, đánh giá Chỉ số phục vụ người dân, doanh nghiệp",
              "Trung tâm Phục vụ hành chính công phường", ["Văn phòng HĐND và UBND"], "Quý IV/2025",
              due=[date(2025, 12, 31)]),
        # The lead holds a comma: "Phòng Kinh tế, Hạ tầng và Đô thị" is one office.
        _task("II.1", "Đôn đốc thu ngân sách trên địa bàn", "Phòng Kinh tế, Hạ tầng và Đô thị", ["Các tổ dân phố"],
              "Thường xuyên", repeat="continuous"),
        _task("II.2", "Rà soát hộ nghèo, hộ cận nghèo", "Phòng Văn hóa - Xã hội", ["Các tổ dân phố"],
              "Tháng 10-11/2025", due=[date(2025, 11, 30)]),
        _task("III.1", "Rà soát, xây dựng lại quy trình nội bộ theo TCVN ISO 9001:2015", "Văn phòng HĐND và UBND",
              ["Các phòng, ban"], "Tháng 9-10/2025", due=[date(2025, 10, 31)]),
        _task("III.2", "Tổ chức đánh giá nội bộ", "Văn phòng HĐND và UBND", ["Các phòng, ban"], "Tháng 11/2025",
              due=[date(2025, 11, 30)], kind="internal_audit"),
        _task("III.3", "Họp xem xét của lãnh đạo", "Chủ tịch UBND phường", ["Các phòng, ban"], "Tháng 12/2025",
              due=[date(2025, 12, 31)], kind="management_review"),
    ],
    unreadable={
        "2.2.base": "last year's poverty rate is not in the decision",
        "2.3.base": "last year's number of traffic accidents (of the merged wards) is not in the decision",
    },
)


# --- 9. An urban district (quận) before 2025 -------------------------------------------------

def build_quan_thanh_khe(path: Path) -> Path:
    """UBND quận Thanh Khê (thành phố Đà Nẵng), 2023: Phụ lục 1 a table "STT | Chỉ tiêu | ĐVT
    | Kế hoạch năm 2023 | Ghi chú", objectives as Roman rows merged across, targets numbered
    again from 1 under each; a rating whose scale is listed in the Ghi chú, highest first."""
    document = _document(size=13, line_spacing=1.15)
    _header(document, layout="grid", body=["ỦY BAN NHÂN DÂN", "QUẬN THANH KHÊ"], number="Số: 1520/QĐ-UBND",
            place_date="Thanh Khê, ngày 06 tháng 3 năm 2023", size=12)
    _opening(document,
             subject="Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2023\n"
                     "của UBND quận Thanh Khê",
             signer="CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN THANH KHÊ",
             bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                    "Căn cứ Quyết định số 4510/QĐ-UBND ngày 20/12/2022 của UBND thành phố Đà Nẵng về giao chỉ tiêu kế "
                    "hoạch phát triển kinh tế - xã hội năm 2023;"],
             proposal="Theo đề nghị của Trưởng phòng Nội vụ quận.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2023 (Phụ lục 1) và Kế hoạch thực hiện Mục tiêu "
        "chất lượng năm 2023 (Phụ lục 2) của UBND quận Thanh Khê.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Chánh Văn phòng HĐND và UBND quận, Trưởng phòng Nội vụ, Thủ trưởng các phòng, ban thuộc UBND quận chịu trách "
        "nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- UBND thành phố (b/c);", "- Sở Khoa học và Công nghệ;", "- Lưu: VT, NV."],
               ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Thị Mỹ")
    document.add_page_break()
    _p(document, "PHỤ LỤC 1", bold=True, align=CENTER)
    _p(document, "MỤC TIÊU CHẤT LƯỢNG NĂM 2023 CỦA UBND QUẬN THANH KHÊ", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 1520/QĐ-UBND ngày 06/3/2023 của Chủ tịch UBND quận Thanh Khê)", italic=True,
       align=CENTER)
    _objectives_across(document, ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2023", "Ghi chú"], [
        ("I", "Cải cách hành chính", [
            ["1", "Hồ sơ thủ tục hành chính giải quyết đúng hạn", "%", "≥ 98", ""],
            ["2", "Hồ sơ thủ tục hành chính quá hạn", "Hồ sơ", "0", ""],
            ["3", "Kiểm tra công tác cải cách hành chính tại các phường", "Cuộc", "04", "Mỗi quý 01 cuộc"]]),
        ("II", "Kinh tế - xã hội", [
            ["1", "Tổng thu ngân sách trên địa bàn", "Tỷ đồng", "1.245,5", "Dự toán HĐND quận giao"],
            ["2", "Tỷ lệ hộ nghèo", "%", "≤ 0,5", "Chuẩn nghèo thành phố giai đoạn 2022-2025"],
            ["3", "Lao động được giải quyết việc làm", "Người", "4.500", ""]]),
        ("III", "Thi đua, đánh giá", [
            ["1", "Xếp loại chất lượng tập thể UBND quận", "Mức", "Hoàn thành tốt nhiệm vụ trở lên",
             "Theo Nghị định số 90/2020/NĐ-CP: Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ; Hoàn thành nhiệm "
             "vụ; Không hoàn thành nhiệm vụ"],
            ["2", "Cán bộ, công chức được đánh giá hoàn thành nhiệm vụ trở lên", "%", "100", ""]]),
    ], size=12)
    document.add_page_break()
    _p(document, "PHỤ LỤC 2", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2023", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 1520/QĐ-UBND ngày 06/3/2023 của Chủ tịch UBND quận Thanh Khê)", italic=True,
       align=CENTER)
    _p(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _lines(document, ["- Các phòng, ban xác định rõ nhiệm vụ để hoàn thành mục tiêu chất lượng năm 2023.",
                      "- Theo dõi, đánh giá định kỳ; đề xuất hành động khắc phục khi mục tiêu có nguy cơ không đạt."],
           indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    _plan(document, ["TT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời gian thực hiện", "Theo dõi",
                     "Kết quả"], [
        ("I", "Cải cách hành chính", [
            ["1", "Theo dõi tình hình giải quyết hồ sơ thủ tục hành chính trên Hệ thống một cửa điện tử",
             "Văn phòng HĐND và UBND quận", "Các phòng, ban", "Thường xuyên", "Chánh Văn phòng",
             "Số liệu trên hệ thống"],
            ["2", "Kiểm tra công tác cải cách hành chính tại các phường", "Phòng Nội vụ", "Văn phòng HĐND và UBND quận",
             "Hằng quý", "Phó Chủ tịch UBND quận", "Thông báo kết luận kiểm tra"]]),
        ("II", "Kinh tế - xã hội", [
            ["1", "Báo cáo tình hình thu, chi ngân sách", "Phòng Tài chính - Kế hoạch",
             "Chi cục Thuế khu vực Thanh Khê - Liên Chiểu", "Hàng tháng", "Phó Chủ tịch UBND quận", "Báo cáo tháng"],
            ["2", "Rà soát hộ nghèo, hộ cận nghèo", "Phòng Lao động - Thương binh và Xã hội", "UBND các phường",
             "Quý IV/2023", "Phó Chủ tịch UBND quận", "Quyết định công nhận"]]),
        ("III", "Duy trì Hệ thống quản lý chất lượng", [
            ["1", "Tổ chức đánh giá nội bộ", "Phòng Nội vụ", "Các phòng, ban", "Tháng 8/2023", "QMR",
             "Báo cáo đánh giá nội bộ"],
            ["2", "Họp xem xét của lãnh đạo", "Chủ tịch UBND quận", "Phòng Nội vụ", "Tháng 9/2023", "QMR",
             "Biên bản họp"],
            ["3", "Báo cáo kết quả thực hiện Mục tiêu chất lượng 6 tháng, năm 2023", "Phòng Nội vụ", "Các phòng, ban",
             "Trước ngày 15/6 và 30/11", "QMR", "Báo cáo"]]),
    ], size=11)
    _p(document, "III. TỔ CHỨC THỰC HIỆN", bold=True, before=6)
    _lines(document, ["Giao Phòng Nội vụ theo dõi, hướng dẫn, tổng hợp kết quả; định kỳ báo cáo Chủ tịch UBND quận./."],
           indent=1)
    document.save(str(path))
    return path


QUAN_THANH_KHE = Case(
    name="quan-thanh-khe-2023",
    shape="Phụ lục 1 as a table STT | Chỉ tiêu | ĐVT | Kế hoạch năm 2023 | Ghi chú, objectives as Roman rows "
          "merged across, targets renumbered from 1; a rating scale in the Ghi chú",
    year=2023,
    build=build_quan_thanh_khe,
    issuer={"authority": "Ủy ban nhân dân", "unit": "Quận Thanh Khê", "place": "Thanh Khê",
            "parent": "UBND thành phố Đà Nẵng"},
    decision={"number": "1520/QĐ-UBND", "date": date(2023, 3, 6), "verb": "ban hành"},
    objectives=[
        # Objective "I" is 1; its rows "1", "2", "3" become 1.1, 1.2, 1.3.
        _o(1, "Cải cách hành chính",
           _t("1.1", "Hồ sơ thủ tục hành chính giải quyết đúng hạn", "ratio", 98, ">=", "%"),
           _t("1.2", "Hồ sơ thủ tục hành chính quá hạn", "cumulative", 0, "<=", "hồ sơ"),
           # The plan cell says 04 for the year, the Ghi chú "Mỗi quý 01 cuộc": read as one
           # each quarter (every: quarter, plan 1), the stricter meaning the note adds; four
           # inspections all in December would not meet it.
           _t("1.3", "Kiểm tra công tác cải cách hành chính tại các phường", "cumulative", 1, ">=", "cuộc",
              every="quarter")),
        _o(2, "Kinh tế - xã hội",
           # The Ghi chú says the figure IS the dự toán: a plain plan, not a share_of.
           _t("2.1", "Tổng thu ngân sách trên địa bàn", "cumulative", 1245.5, ">=", "tỷ đồng"),
           _t("2.2", "Tỷ lệ hộ nghèo", "level", 0.5, "<=", "%"),
           _t("2.3", "Lao động được giải quyết việc làm", "cumulative", 4500, ">=", "người")),
        _o(3, "Thi đua, đánh giá",
           # The Ghi chú lists the grades highest first; a scale is written lowest first.
           _rating("3.1", "Xếp loại chất lượng tập thể UBND quận", "Hoàn thành tốt nhiệm vụ", ND90_SCALE),
           _t("3.2", "Cán bộ, công chức được đánh giá hoàn thành nhiệm vụ trở lên", "ratio", 100, ">=", "%")),
    ],
    tasks=[
        _task("I.1", "Theo dõi tình hình giải quyết hồ sơ thủ tục hành chính trên Hệ thống một cửa điện tử",
              "Văn phòng HĐND và UBND quận", ["Các phòng, ban"], "Thường xuyên", repeat="continuous"),
        _task("I.2", "Kiểm tra công tác cải cách hành chính tại các phường", "Phòng Nội vụ",
              ["Văn phòng HĐND và UBND quận"], "Hằng quý", repeat="quarterly"),
        _task("II.1", "Báo cáo tình hình thu, chi ngân sách", "Phòng Tài chính - Kế hoạch",
              ["Chi cục Thuế khu vực Thanh Khê - Liên Chiểu"], "Hàng tháng", repeat="monthly"),
        _task("II.2", "Rà soát hộ nghèo, hộ cận nghèo", "Phòng Lao động - Thương binh và Xã hội", ["UBND các phường"],
              "Quý IV/2023", due=[date(2023, 12, 31)]),
        _task("III.1", "Tổ chức đánh giá nội bộ", "Phòng Nội vụ", ["Các phòng, ban"], "Tháng 8/2023",
              due=[date(2023, 8, 31)], kind="internal_audit"),
        _task("III.2", "Họp xem xét của lãnh đạo", "Chủ tịch UBND quận", ["Phòng Nội vụ"], "Tháng 9/2023",
              due=[date(2023, 9, 30)], kind="management_review"),
        _task("III.3", "Báo cáo kết quả thực hiện Mục tiêu chất lượng 6 tháng, năm 2023", "Phòng Nội vụ",
              ["Các phòng, ban"], "Trước ngày 15/6 và 30/11", due=[date(2023, 6, 15), date(2023, 11, 30)],
              kind="results_report"),
    ],
)


# --- 10. A tax branch ------------------------------------------------------------------------------

def build_chi_cuc_thue_hoi_an(path: Path) -> Path:
    """Chi cục Thuế thành phố Hội An (Cục Thuế tỉnh Quảng Nam), 2022: Phụ lục 1 a table "STT |
    Mục tiêu | Chỉ tiêu | ĐVT | Kế hoạch năm 2022 | Ghi chú" merged down, whose first line is
    the dự toán (a reference, not a target) and whose second is "đạt 105% dự toán"."""
    document = _document(size=13, after=3)
    _header(document, layout="cells", parent=["CỤC THUẾ TỈNH QUẢNG NAM"], body=["CHI CỤC THUẾ", "THÀNH PHỐ HỘI AN"],
            number="Số: 125/QĐ-CCT", place_date="Hội An, ngày 10 tháng 02 năm 2022", size=12)
    _opening(document,
             subject="Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2022",
             signer="CHI CỤC TRƯỞNG CHI CỤC THUẾ THÀNH PHỐ HỘI AN",
             bases=["Căn cứ Quyết định số 245/QĐ-BTC ngày 25/3/2019 của Bộ trưởng Bộ Tài chính quy định chức năng, "
                    "nhiệm vụ, quyền hạn và cơ cấu tổ chức của Chi cục Thuế trực thuộc Cục Thuế;",
                    "Căn cứ Quyết định số 110/QĐ-CT ngày 12/01/2022 của Cục trưởng Cục Thuế tỉnh Quảng Nam về việc "
                    "giao dự toán thu ngân sách nhà nước năm 2022;"],
             proposal="Xét đề nghị của Đội trưởng Đội Hành chính - Nhân sự - Tài vụ - Ấn chỉ.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2022 (Phụ lục 1) và Kế hoạch thực hiện Mục tiêu "
        "chất lượng năm 2022 (Phụ lục 2) của Chi cục Thuế thành phố Hội An.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Đội trưởng các Đội thuế, công chức thuộc Chi cục Thuế chịu trách nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- Cục Thuế tỉnh Quảng Nam (b/c);", "- Lãnh đạo Chi cục;", "- Lưu: VT, HC."],
               ["CHI CỤC TRƯỞNG"], "Huỳnh Văn Sơn")
    document.add_page_break()
    _p(document, "Phụ lục 1", bold=True, align=CENTER)
    _p(document, "MỤC TIÊU CHẤT LƯỢNG NĂM 2022", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 125/QĐ-CCT ngày 10/02/2022 của Chi cục trưởng Chi cục Thuế thành phố Hội An)",
       italic=True, align=CENTER)
    _objectives_down(document, ["STT", "Mục tiêu", "Chỉ tiêu", "ĐVT", "Kế hoạch năm 2022", "Ghi chú"], [
        ("1", "Hoàn thành nhiệm vụ thu ngân sách nhà nước năm 2022", [
            ["Dự toán thu ngân sách nhà nước năm 2022 Cục Thuế giao", "Triệu đồng", "452.500", "Dự toán pháp lệnh"],
            ["Tổng thu ngân sách nhà nước trên địa bàn", "Triệu đồng", "đạt 105% dự toán", ""]]),
        ("2", "Quản lý nợ thuế, thanh tra, kiểm tra", [
            ["Tỷ lệ nợ thuế có khả năng thu trên tổng thu ngân sách", "%", "Dưới 5", ""],
            ["Kiểm tra tại trụ sở người nộp thuế", "Cuộc", "≥ 60", ""]]),
        ("3", "Cải cách hành chính thuế", [
            ["Hồ sơ khai thuế được nộp qua phương thức điện tử", "%", "≥ 98", ""],
            ["Hồ sơ hoàn thuế giải quyết quá hạn", "Hồ sơ", "0", ""],
            ["Tỷ lệ hài lòng của người nộp thuế", "%", "Trên 90", "Khảo sát 6 tháng/lần"]]),
    ], size=11, font="Arial")
    document.add_page_break()
    _p(document, "Phụ lục 2", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2022", bold=True, align=CENTER)
    _p(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _lines(document, ["Phân công các Đội thuế thực hiện các mục tiêu chất lượng năm 2022; theo dõi, đánh giá kết quả "
                      "hằng tháng."], indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    _plan(document, ["STT", "Nội dung công việc", "Đội chủ trì", "Đội phối hợp", "Thời gian", "Lãnh đạo theo dõi",
                     "Kết quả"], [
        ("I", "Thu ngân sách nhà nước", [
            ["1", "Giao chỉ tiêu thu ngân sách cho các Đội thuế", "Đội Nghiệp vụ - Dự toán - Pháp chế",
             "Các Đội Thuế liên phường", "Tháng 01-02/2022", "Chi cục trưởng", "Quyết định giao chỉ tiêu"],
            ["2", "Phân tích, đánh giá tình hình thu ngân sách", "Đội Nghiệp vụ - Dự toán - Pháp chế",
             "Các Đội Thuế liên phường", "Hàng tháng", "Chi cục trưởng", "Báo cáo tháng"]]),
        ("II", "Quản lý nợ, kiểm tra thuế", [
            ["1", "Đôn đốc thu nợ, cưỡng chế nợ thuế", "Đội Quản lý nợ và Cưỡng chế nợ thuế",
             "Các Đội Thuế liên phường", "Thường xuyên", "Phó Chi cục trưởng", "Báo cáo nợ thuế"],
            ["2", "Kiểm tra tại trụ sở người nộp thuế", "Đội Kiểm tra thuế", "", "Quý I, II, III, IV năm 2022",
             "Phó Chi cục trưởng", "Biên bản, kết luận kiểm tra"]]),
        ("III", "Cải cách hành chính, Hệ thống quản lý chất lượng", [
            ["1", "Khảo sát sự hài lòng của người nộp thuế", "Đội Tuyên truyền - Hỗ trợ người nộp thuế", "",
             "6 tháng/lần", "Phó Chi cục trưởng", "Báo cáo khảo sát"],
            ["2", "Tổ chức ĐGNB theo TCVN ISO 9001:2015", "Đội Hành chính - Nhân sự - Tài vụ - Ấn chỉ", "Các Đội thuế",
             "Quý III/2022", "Chi cục trưởng", "Hồ sơ ĐGNB"],
            ["3", "Họp xem xét của lãnh đạo", "Chi cục trưởng", "Đội Hành chính - Nhân sự - Tài vụ - Ấn chỉ",
             "Quý IV/2022", "Chi cục trưởng", "Biên bản họp"]]),
    ], size=11)
    document.save(str(path))
    return path


CHI_CUC_THUE_HOI_AN = Case(
    name="chi-cuc-thue-hoi-an-2022",
    shape="tax branch; Phụ lục 1 as a table STT | Mục tiêu | Chỉ tiêu | ĐVT | Kế hoạch năm 2022 | Ghi chú, "
          "objective merged down, the dự toán as its own line; plan without 'Tổ chức thực hiện'",
    year=2022,
    build=build_chi_cuc_thue_hoi_an,
    issuer={"authority": "Chi cục Thuế", "unit": "Thành phố Hội An", "place": "Hội An",
            "parent": "Cục Thuế tỉnh Quảng Nam"},
    decision={"number": "125/QĐ-CCT", "date": date(2022, 2, 10), "verb": "ban hành"},
    objectives=[
        _o(1, "Hoàn thành nhiệm vụ thu ngân sách nhà nước năm 2022",
           # The dự toán is a figure the branch is given, not a target: 452.500 triệu đồng is
           # its first value (a record), never a plan; it may be adjusted during the year.
           _reference("1.1", "Dự toán thu ngân sách nhà nước năm 2022 Cục Thuế giao", "triệu đồng"),
           _t("1.2", "Tổng thu ngân sách nhà nước trên địa bàn", "cumulative", 105, ">=", "triệu đồng",
              share_of="1.1")),
        _o(2, "Quản lý nợ thuế, thanh tra, kiểm tra",
           # A share of amounts (debt over revenue), not of cases counted one by one: a level.
           _t("2.1", "Tỷ lệ nợ thuế có khả năng thu trên tổng thu ngân sách", "level", 5, "<", "%"),
           _t("2.2", "Kiểm tra tại trụ sở người nộp thuế", "cumulative", 60, ">=", "cuộc")),
        _o(3, "Cải cách hành chính thuế",
           _t("3.1", "Hồ sơ khai thuế được nộp qua phương thức điện tử", "ratio", 98, ">=", "%"),
           _t("3.2", "Hồ sơ hoàn thuế giải quyết quá hạn", "cumulative", 0, "<=", "hồ sơ"),
           # "6 tháng/lần" in the Ghi chú says how often it is measured, not a plan.
           _t("3.3", "Tỷ lệ hài lòng của người nộp thuế", "ratio", 90, ">", "%")),
    ],
    tasks=[
        _task("I.1", "Giao chỉ tiêu thu ngân sách cho các Đội thuế", "Đội Nghiệp vụ - Dự toán - Pháp chế",
              ["Các Đội Thuế liên phường"], "Tháng 01-02/2022", due=[date(2022, 2, 28)]),
        _task("I.2", "Phân tích, đánh giá tình hình thu ngân sách", "Đội Nghiệp vụ - Dự toán - Pháp chế",
              ["Các Đội Thuế liên phường"], "Hàng tháng", repeat="monthly"),
        _task("II.1", "Đôn đốc thu nợ, cưỡng chế nợ thuế", "Đội Quản lý nợ và Cưỡng chế nợ thuế",
              ["Các Đội Thuế liên phường"], "Thường xuyên", repeat="continuous"),
        _task("II.2", "Kiểm tra tại trụ sở người nộp thuế", "Đội Kiểm tra thuế", [], "Quý I, II, III, IV năm 2022",
              repeat="quarterly"),
        _task("III.1", "Khảo sát sự hài lòng của người nộp thuế", "Đội Tuyên truyền - Hỗ trợ người nộp thuế", [],
              "6 tháng/lần", repeat="half-yearly"),
        _task("III.2", "Tổ chức ĐGNB theo TCVN ISO 9001:2015", "Đội Hành chính - Nhân sự - Tài vụ - Ấn chỉ",
              ["Các Đội thuế"], "Quý III/2022", due=[date(2022, 9, 30)], kind="internal_audit"),
        _task("III.3", "Họp xem xét của lãnh đạo", "Chi cục trưởng", ["Đội Hành chính - Nhân sự - Tài vụ - Ấn chỉ"],
              "Quý IV/2022", due=[date(2022, 12, 31)], kind="management_review"),
    ],
)


# --- 11. A commune that publishes its objectives only ----------------------------------------------

def build_xa_dien_hoa(path: Path) -> Path:
    """UBND xã Điện Hòa (thị xã Điện Bàn, Quảng Nam), 2021: objectives only, in a single
    unnumbered "PHỤ LỤC"; Điều 2 says the plan will be a separate decision (and names the
    report dates, which are not tasks)."""
    document = _document(size=14, line_spacing=1.3)
    _header(document, layout="grid", parent=["UBND THỊ XÃ ĐIỆN BÀN"], body=["ỦY BAN NHÂN DÂN", "XÃ ĐIỆN HÒA"],
            number="Số: 08/QĐ-UBND", place_date="Điện Hòa, ngày 15 tháng 01 năm 2021")
    _opening(document, subject="Về việc ban hành Mục tiêu chất lượng năm 2021",
             signer="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐIỆN HÒA",
             bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                    "Căn cứ Nghị quyết số 25/NQ-HĐND ngày 28/12/2020 của HĐND xã Điện Hòa về nhiệm vụ phát triển kinh "
                    "tế - xã hội năm 2021;"],
             proposal="Theo đề nghị của công chức Văn phòng - Thống kê xã.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2021 của UBND xã Điện Hòa.",
        "Giao công chức Văn phòng - Thống kê chủ trì, phối hợp với các công chức chuyên môn xây dựng Kế hoạch thực "
        "hiện Mục tiêu chất lượng năm 2021, trình Chủ tịch UBND xã ban hành bằng quyết định riêng; theo dõi, tổng hợp "
        "kết quả thực hiện, báo cáo trước ngày 15/6 và 30/11/2021.",
        "Quyết định này có hiệu lực kể từ ngày ký. Công chức Văn phòng - Thống kê, các công chức chuyên môn và các cá "
        "nhân có liên quan chịu trách nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- UBND thị xã Điện Bàn (b/c);", "- Phòng Nội vụ thị xã;",
                          "- TT Đảng ủy, HĐND xã;", "- Lưu: VT."], ["CHỦ TỊCH"], "Võ Văn Bình")
    document.add_page_break()
    _p(document, "PHỤ LỤC", bold=True, align=CENTER)
    _p(document, "MỤC TIÊU CHẤT LƯỢNG NĂM 2021", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 08/QĐ-UBND ngày 15/01/2021 của Chủ tịch UBND xã Điện Hòa)", italic=True,
       align=CENTER)
    _p(document, "UBND xã Điện Hòa cam kết xây dựng, áp dụng và duy trì Hệ thống quản lý chất lượng, phấn đấu thực "
                 "hiện các mục tiêu chất lượng năm 2021 như sau:", indent=1.25, align=JUSTIFY)
    _lines(document, [
        "1. 100% thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã được áp dụng theo TCVN ISO 9001:2015.",
        "2. Phấn đấu trên 98% hồ sơ thủ tục hành chính được giải quyết đúng hạn.",
        "3. Bảo đảm an ninh chính trị, trật tự an toàn xã hội:",
        "- Giảm 20% số vụ cháy nổ so với năm 2020;",
        "- Không để xảy ra tai nạn giao thông nghiêm trọng trên địa bàn (0 vụ).",
        "4. Phát triển kinh tế - xã hội:",
        "- Sản lượng lương thực: 9.850 tấn;",
        "- Tỷ lệ tham gia bảo hiểm y tế đạt 93,5%;",
        "- Giữ vững danh hiệu xã đạt chuẩn nông thôn mới nâng cao;",
        "- Phấn đấu đạt thêm 02 tiêu chí xã nông thôn mới kiểu mẫu (Văn hóa, Môi trường).",
    ], indent=1.25, align=JUSTIFY)
    document.save(str(path))
    return path


XA_DIEN_HOA = Case(
    name="xa-dien-hoa-2021",
    shape="objectives only, no Phụ lục 2 (the plan is a separate decision); a single unnumbered 'PHỤ LỤC'; "
          "numbered objectives, some with dashed targets; a checklist of named criteria",
    year=2021,
    build=build_xa_dien_hoa,
    issuer={"authority": "Ủy ban nhân dân", "unit": "Xã Điện Hòa", "place": "Điện Hòa", "parent": "UBND thị xã Điện Bàn"},
    decision={"number": "08/QĐ-UBND", "date": date(2021, 1, 15), "verb": "ban hành"},
    objectives=[
        _o(1, "100% thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã được áp dụng theo TCVN ISO 9001:2015",
           _t("1.1", "100% thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã được áp dụng theo TCVN ISO "
                     "9001:2015", "ratio", 100, ">=", "%")),
        _o(2, "Phấn đấu trên 98% hồ sơ thủ tục hành chính được giải quyết đúng hạn",
           _t("2.1", "Phấn đấu trên 98% hồ sơ thủ tục hành chính được giải quyết đúng hạn", "ratio", 98, ">", "%")),
        _o(3, "Bảo đảm an ninh chính trị, trật tự an toàn xã hội",
           # A fall of 20 % on 2020 (last year): a relative change of a count; "2020" names
           # the base year, whose count the decision does not give.
           _t("3.1", "Giảm 20% số vụ cháy nổ so với năm 2020", "cumulative", -20, "<=", "vụ", change="percent",
              base=None),
           _t("3.2", "Không để xảy ra tai nạn giao thông nghiêm trọng trên địa bàn (0 vụ)", "cumulative", 0, "<=",
              "vụ")),
        _o(4, "Phát triển kinh tế - xã hội",
           _t("4.1", "Sản lượng lương thực: 9.850 tấn", "cumulative", 9850, ">=", "tấn"),
           _t("4.2", "Tỷ lệ tham gia bảo hiểm y tế đạt 93,5%", "level", 93.5, ">=", "%"),
           # Keeping a title: no figure, judged by the body.
           _judged("4.3", "Giữ vững danh hiệu xã đạt chuẩn nông thôn mới nâng cao"),
           # Two named criteria: a checklist whose figure is how many are met.
           _t("4.4", "Phấn đấu đạt thêm 02 tiêu chí xã nông thôn mới kiểu mẫu (Văn hóa, Môi trường)", "checklist", 2,
              ">=", "tiêu chí", items=["Văn hóa", "Môi trường"])),
    ],
    tasks=None,
    unreadable={"3.1.base": "the number of fires and explosions of 2020 is not in the decision"},
)


# --- 12. A commune whose decision follows the seed's shape ------------------------------------------

def build_xa_hai_ninh(path: Path) -> Path:
    """UBND xã Hải Ninh (huyện Quảng Ninh, Quảng Bình), 2024: the seed's own shape (lettered
    targets a) … đ) e) ê) g), "Trong đó:" parts on lines of their own, Vietnamese numbers), the
    header typed with tabs and no parent (named in the bases and recipients), and the plan's
    two-row heading with the objective's text as each section's title."""
    document = _document(size=14, after=2, left_margin=35)
    _header(document, layout="tabs", body=["ỦY BAN NHÂN DÂN", "XÃ HẢI NINH"], number="Số: 19/QĐ-UBND",
            place_date="Hải Ninh, ngày 30 tháng 01 năm 2024")
    _opening(document,
             subject="Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2024",
             signer="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HẢI NINH",
             bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                    "Căn cứ Quyết định số 45/QĐ-UBND ngày 10/01/2024 của UBND huyện Quảng Ninh về việc giao chỉ tiêu kế "
                    "hoạch phát triển kinh tế - xã hội năm 2024;"],
             proposal="Theo đề nghị của công chức Văn phòng - Thống kê xã.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng (Phụ lục 1) và Kế hoạch thực hiện Mục tiêu chất lượng "
        "năm 2024 (Phụ lục 2) của UBND xã Hải Ninh.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Văn phòng UBND xã, các ngành và cán bộ, công chức xã chịu trách nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- UBND huyện Quảng Ninh (b/c);", "- Lưu: VT."], ["CHỦ TỊCH"],
               "Trương Văn Đức")
    document.add_page_break()
    _p(document, "PHỤ LỤC 1: MỤC TIÊU CHẤT LƯỢNG NĂM 2024", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 19 /QĐ-UBND ngày  30 / 01 /2024 của UBND xã)", italic=True, align=CENTER)
    _p(document, "Lãnh đạo và toàn thể công chức của UBND xã quyết tâm xây dựng, áp dụng, duy trì, cải tiến Hệ thống "
                 "quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 vào hoạt động của UBND xã để hoàn "
                 "thành các mục tiêu sau:", indent=1, align=JUSTIFY)
    _lines(document, [
        "1. 100% cán bộ, công chức xã áp dụng có hiệu quả Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN "
        "ISO 9001:2015.",
        "2. Phấn đấu các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội của xã năm 2024 đạt và vượt kế hoạch đề ra, "
        "cụ thể:",
        "a) Tổng thu ngân sách Nhà nước xã hưởng: 6,215 tỷ đồng",
        "Trong đó: Thu cân đối ngân sách xã 1,133 tỷ đồng",
        "b) Thu nhập bình quân đầu người: 48 triệu đồng",
        "\t\tc) Sản lượng lương thực có hạt: 1.936,49 tấn",
        "d) Tổng sản lượng thủy sản: 1.020 tấn",
        "Trong đó: Sản lượng nuôi trồng thủy sản: 210 tấn",
        "Sản lượng đánh bắt thủy sản: 810 tấn",
        "đ) Tổng lượt khách du lịch nội địa: 78.000 lượt",
        "e) Tỷ lệ hộ nghèo: 2,85%",
        "ê) Tỷ lệ tăng dân số tự nhiên duy trì: 0,9%",
        "g) Tỷ lệ dân số sử dụng nước sạch: 99,6%",
        "3. Phấn đấu trên 98% hồ sơ thủ tục hành chính được giải quyết đúng hạn; 100% hồ sơ, kết quả giải quyết thủ "
        "tục hành chính được số hóa.",
    ], align=JUSTIFY)
    document.add_page_break()
    _p(document, "Phụ lục 2", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH", bold=True, align=CENTER)
    _p(document, "THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2024", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 19/QĐ-UBND ngày 30/01/2024 của UBND xã)", italic=True, align=CENTER)
    _p(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _lines(document, ["1. Mục đích", "- Nhằm thực hiện và hoàn thành tốt các Mục tiêu chất lượng đã đặt ra năm 2024 tại "
                      "UBND xã Hải Ninh.", "2. Yêu cầu", "- Định kỳ và đột xuất, các ngành rà soát, tổng hợp báo cáo, "
                      "đánh giá kết quả thực hiện MTCL."], indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    monitors = ["- QMR;", "- Thư ký ISO."]
    _plan(document, ["TT", "Mục tiêu chất lượng và biện pháp thực hiện MTCL",
                     ("Trách nhiệm\nthực hiện", ["Cơ quan chủ trì", "Phối hợp"]), "Thời gian thực hiện",
                     "Trách nhiệm theo dõi MTCL", "Cách thức theo dõi và kết quả"], [
        ("I.", "100% cán bộ, công chức xã áp dụng có hiệu quả Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia "
               "TCVN ISO 9001:2015.", [
            ["1", "Xây dựng\nMTCL, Kế hoạch thực\nhiện MTCL năm 2024", "Công chức VP-TK xã", "Các ngành",
             "Tháng 01-02 năm 2024", monitors, "QĐ ban hành MTCL và Kế hoạch thực hiện MTCL năm 2024"],
            ["2", "Tổ chức đánh giá nội bộ (ĐGNB) năm 2024", "Công chức VP-TK xã", "Các ngành", "Quý II năm 2024",
             monitors, ["- Chương trình ĐGNB;", "- Báo cáo tổng hợp ĐGNB."]],
            ["3", "Họp xem xét của lãnh đạo", "Công chức VP-TK xã", "Các ngành",
             "Định kỳ 6 tháng/lần hoặc đột xuất", monitors, "Biên bản họp xem xét của lãnh đạo"],
            ["4", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng", "Công chức VP-TK xã", "Các ngành",
             "Trước ngày 15/6 và trước 30/11 hằng năm", monitors, "Báo cáo kết quả thực hiện MTCL"]]),
        ("II.", "Phấn đấu các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội của xã năm 2024 đạt và vượt kế hoạch đề "
                "ra", [
            ["1", "Báo cáo kết quả thực hiện các chỉ tiêu KT-XH", "Công chức VP-TK xã", "Các ngành",
             "Định kỳ hàng Quý", "Lãnh đạo UBND xã", "Báo cáo KT-XH"]]),
        ("III.", "Phấn đấu trên 98% hồ sơ thủ tục hành chính được giải quyết đúng hạn; 100% hồ sơ, kết quả giải quyết "
                 "thủ tục hành chính được số hóa.", [
            ["1", "Theo dõi trên phần mềm xử lý Dịch vụ công trực tuyến", "Bộ phận TN&TKQ",
             "Công chức Tư pháp - Hộ tịch, Công chức Địa chính - Xây dựng", "Thường xuyên", monitors,
             "Báo cáo thống kê tỷ lệ giải quyết TTHC"]]),
    ], size=12)
    _p(document, "III. TỔ CHỨC THỰC HIỆN:", bold=True, before=6)
    _lines(document, ["1. Ban chỉ đạo ISO: chỉ đạo thực hiện, đôn đốc, theo dõi, kiểm tra việc triển khai Kế hoạch này.",
                      "2. Công chức Văn phòng - Thống kê xã: định kỳ tổng hợp, báo cáo lãnh đạo UBND xã, UBND huyện "
                      "theo quy định./."])
    document.save(str(path))
    return path


XA_HAI_NINH = Case(
    name="xa-hai-ninh-2024",
    shape="the seed's shape: lettered targets with đ, ê and 'Trong đó' parts on their own lines, Vietnamese "
          "numbers; a leading tab; plan with the seed's two-row heading and objective texts as section titles",
    year=2024,
    build=build_xa_hai_ninh,
    issuer={"authority": "Ủy ban nhân dân", "unit": "Xã Hải Ninh", "place": "Hải Ninh", "parent": "UBND huyện Quảng Ninh"},
    decision={"number": "19/QĐ-UBND", "date": date(2024, 1, 30), "verb": "ban hành"},
    objectives=[
        _o(1, "100% cán bộ, công chức xã áp dụng có hiệu quả Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia "
              "TCVN ISO 9001:2015",
           _t("1.1", "100% cán bộ, công chức xã áp dụng có hiệu quả Hệ thống quản lý chất lượng phù hợp Tiêu chuẩn "
                     "quốc gia TCVN ISO 9001:2015", "ratio", 100, ">=", "%")),
        _o(2, "Phấn đấu các chỉ tiêu chủ yếu về phát triển kinh tế - xã hội của xã năm 2024 đạt và vượt kế hoạch đề ra, "
              "cụ thể",
           _t("2a", "Tổng thu ngân sách Nhà nước xã hưởng: 6,215 tỷ đồng", "cumulative", 6.215, ">=", "tỷ đồng"),
           # Comma decimal: 1,133 tỷ đồng is 1.133 billion (1133 triệu), a part of 6,215 tỷ —
           # not 1133 tỷ and not 1,133 triệu. Not sum_of: one part is listed, not all.
           _t("2a1", "Thu cân đối ngân sách xã 1,133 tỷ đồng", "cumulative", 1.133, ">=", "tỷ đồng"),
           _t("2b", "Thu nhập bình quân đầu người: 48 triệu đồng", "level", 48, ">=", "triệu đồng"),
           # Dot thousands, comma decimal: 1936.49 tonnes.
           _t("2c", "Sản lượng lương thực có hạt: 1.936,49 tấn", "cumulative", 1936.49, ">=", "tấn"),
           _t("2d", "Tổng sản lượng thủy sản: 1.020 tấn", "cumulative", 1020, ">=", "tấn", sum_of=["2d1", "2d2"]),
           _t("2d1", "Sản lượng nuôi trồng thủy sản: 210 tấn", "cumulative", 210, ">=", "tấn"),
           _t("2d2", "Sản lượng đánh bắt thủy sản: 810 tấn", "cumulative", 810, ">=", "tấn"),
           # Dot thousands: 78000 visits.
           _t("2đ", "Tổng lượt khách du lịch nội địa: 78.000 lượt", "cumulative", 78000, ">=", "lượt"),
           # A poverty rate should fall: the plan is a ceiling (the seed's 4i).
           _t("2e", "Tỷ lệ hộ nghèo: 2,85%", "level", 2.85, "<=", "%"),
           # "duy trì 0,9%": held at most at 0,9 % (DOMAIN's table, the seed's 4m), though
           # DOMAIN also cites it as a possible two-sided band; ≤ follows the shipped data.
           _t("2ê", "Tỷ lệ tăng dân số tự nhiên duy trì: 0,9%", "level", 0.9, "<=", "%"),
           _t("2g", "Tỷ lệ dân số sử dụng nước sạch: 99,6%", "level", 99.6, ">=", "%")),
        _o(3, "Phấn đấu trên 98% hồ sơ thủ tục hành chính được giải quyết đúng hạn; 100% hồ sơ, kết quả giải quyết thủ "
              "tục hành chính được số hóa",
           _t("3.1", "Phấn đấu trên 98% hồ sơ thủ tục hành chính được giải quyết đúng hạn", "ratio", 98, ">", "%"),
           _t("3.2", "100% hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", "ratio", 100, ">=", "%")),
    ],
    tasks=[
        # 2024 is a leap year: "Tháng 01-02 năm 2024" ends on 29 February.
        _task("I.1", "Xây dựng MTCL, Kế hoạch thực hiện MTCL năm 2024", "Công chức VP-TK xã", ["Các ngành"],
              "Tháng 01-02 năm 2024", due=[date(2024, 2, 29)]),
        _task("I.2", "Tổ chức đánh giá nội bộ (ĐGNB) năm 2024", "Công chức VP-TK xã", ["Các ngành"], "Quý II năm 2024",
              due=[date(2024, 6, 30)], kind="internal_audit"),
        _task("I.3", "Họp xem xét của lãnh đạo", "Công chức VP-TK xã", ["Các ngành"],
              "Định kỳ 6 tháng/lần hoặc đột xuất", repeat="half-yearly", kind="management_review"),
        _task("I.4", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng", "Công chức VP-TK xã", ["Các ngành"],
              "Trước ngày 15/6 và trước 30/11 hằng năm", due=[date(2024, 6, 15), date(2024, 11, 30)],
              kind="results_report"),
        _task("II.1", "Báo cáo kết quả thực hiện các chỉ tiêu KT-XH", "Công chức VP-TK xã", ["Các ngành"],
              "Định kỳ hàng Quý", repeat="quarterly"),
        # Two partners separated by a comma, each a post ("Công chức …").
        _task("III.1", "Theo dõi trên phần mềm xử lý Dịch vụ công trực tuyến", "Bộ phận TN&TKQ",
              ["Công chức Tư pháp - Hộ tịch", "Công chức Địa chính - Xây dựng"], "Thường xuyên", repeat="continuous"),
    ],
)


# --- 13. A district People's Committee with ceilings and a period rule --------------------------------

def build_huyen_phu_vang(path: Path) -> Path:
    """UBND huyện Phú Vang (tỉnh Thừa Thiên Huế), 2023: dashed targets, one dash holding two
    targets; a ceiling "không quá 45 vụ"; a rule for each quarter; a six-column plan without
    a "Theo dõi" column."""
    document = _document(size=14, line_spacing=1.15, after=6)
    _header(document, layout="grid", body=["ỦY BAN NHÂN DÂN", "HUYỆN PHÚ VANG"], number="Số: 512/QĐ-UBND",
            place_date="Phú Vang, ngày 20 tháng 02 năm 2023")
    _opening(document,
             subject="Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2023",
             signer="ỦY BAN NHÂN DÂN HUYỆN PHÚ VANG",
             bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                    "Căn cứ Quyết định số 3150/QĐ-UBND ngày 15/12/2022 của UBND tỉnh Thừa Thiên Huế về giao chỉ tiêu kế "
                    "hoạch phát triển kinh tế - xã hội năm 2023;"],
             proposal="Theo đề nghị của Trưởng phòng Nội vụ huyện.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2023 (Phụ lục 1) và Kế hoạch thực hiện Mục tiêu "
        "chất lượng năm 2023 (Phụ lục 2) của UBND huyện Phú Vang.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Chánh Văn phòng HĐND và UBND huyện, Thủ trưởng các phòng, ban, Chủ tịch UBND các xã, thị trấn chịu trách "
        "nhiệm thi hành Quyết định này./."])
    _signature(document, ["- Như Điều 3;", "- UBND tỉnh (b/c);", "- Sở Khoa học và Công nghệ;", "- Lưu: VT."],
               ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Hữu Phước")
    document.add_page_break()
    _p(document, "PHỤ LỤC 1", bold=True, align=CENTER)
    _p(document, "MỤC TIÊU CHẤT LƯỢNG NĂM 2023 CỦA UBND HUYỆN PHÚ VANG", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 512/QĐ-UBND ngày 20/02/2023 của UBND huyện Phú Vang)", italic=True,
       align=CENTER)
    _p(document, "UBND huyện Phú Vang cam kết áp dụng, duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO "
                 "9001:2015, phấn đấu đạt các mục tiêu chất lượng năm 2023:", indent=1, align=JUSTIFY)
    _lines(document, [
        "1. Phát triển kinh tế - xã hội:",
        "- Giá trị sản xuất các ngành kinh tế tăng 12,5% so với năm 2022;",
        "- Tổng thu ngân sách nhà nước trên địa bàn: 285 tỷ đồng.",
        "2. Quốc phòng, an ninh, trật tự an toàn xã hội:",
        "- Số vụ tai nạn giao thông trên địa bàn huyện không quá 45 vụ, không để xảy ra tai nạn giao thông đặc biệt "
        "nghiêm trọng;",
        "- Tỷ lệ thôn, tổ dân phố đạt tiêu chuẩn “An toàn về an ninh, trật tự” từ 90% trở lên.",
        "3. Cải cách hành chính, chuyển đổi số:",
        "- Kiểm tra công tác cải cách hành chính đối với các xã, thị trấn: mỗi quý ít nhất 01 cuộc kiểm tra;",
        "- 100% hồ sơ thủ tục hành chính được tiếp nhận, trả kết quả qua Hệ thống thông tin giải quyết thủ tục hành "
        "chính tỉnh;",
        "- Mức độ hài lòng của người dân, doanh nghiệp đạt từ 90% trở lên;",
        "- 100% văn bản điện tử đi của UBND huyện được ký số (trừ văn bản mật).",
    ], indent=1, align=JUSTIFY)
    document.add_page_break()
    _p(document, "PHỤ LỤC 2", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2023", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 512/QĐ-UBND ngày 20/02/2023 của UBND huyện Phú Vang)", italic=True,
       align=CENTER)
    _p(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _lines(document, ["Cụ thể hóa nhiệm vụ, thời gian hoàn thành và sản phẩm của từng mục tiêu chất lượng năm 2023."],
           indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    _plan(document, ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"], [
        ("I", "Kinh tế - xã hội", [
            ["1", "Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội, dự toán ngân sách năm 2023",
             "Phòng Tài chính - Kế hoạch", "Các phòng, ban", "Tháng 01/2023", "Quyết định giao chỉ tiêu"],
            ["2", "Đánh giá tình hình thực hiện kế hoạch kinh tế - xã hội", "Phòng Tài chính - Kế hoạch",
             "Chi cục Thống kê huyện", "Trước ngày 20/6 và 20/12/2023", "Báo cáo 6 tháng, năm"]]),
        ("II", "Quốc phòng, an ninh", [
            ["1", "Tuần tra, kiểm soát, xử lý vi phạm trật tự an toàn giao thông", "Công an huyện",
             "UBND các xã, thị trấn", "Thường xuyên", "Báo cáo tình hình"]]),
        ("III", "Cải cách hành chính, chuyển đổi số", [
            ["1", "Kiểm tra công tác cải cách hành chính tại các xã, thị trấn", "Phòng Nội vụ", "Các phòng, ban",
             "Quý I, II, III, IV năm 2023", "Thông báo kết quả kiểm tra"],
            ["2", "Tổ chức đánh giá nội bộ Hệ thống quản lý chất lượng", "Phòng Nội vụ", "Các phòng, ban",
             "Tháng 9/2023", "Báo cáo đánh giá nội bộ"],
            ["3", "Họp xem xét của lãnh đạo về Hệ thống quản lý chất lượng", "Văn phòng HĐND và UBND huyện",
             "Phòng Nội vụ", "Tháng 10/2023", "Biên bản họp"]]),
    ], size=12)
    _p(document, "III. TỔ CHỨC THỰC HIỆN", bold=True, before=6)
    _lines(document, ["Phòng Nội vụ theo dõi, đôn đốc; các phòng, ban báo cáo kết quả về Phòng Nội vụ trước ngày 10/6 "
                      "và 10/11/2023 để tổng hợp./."], indent=1)
    document.save(str(path))
    return path


HUYEN_PHU_VANG = Case(
    name="huyen-phu-vang-2023",
    shape="dashed targets, one dash holding two targets; a ceiling in vụ; a per-quarter rule; a six-column "
          "plan without a 'Theo dõi' column",
    year=2023,
    build=build_huyen_phu_vang,
    issuer={"authority": "Ủy ban nhân dân", "unit": "Huyện Phú Vang", "place": "Phú Vang",
            "parent": "UBND tỉnh Thừa Thiên Huế"},
    decision={"number": "512/QĐ-UBND", "date": date(2023, 2, 20), "verb": "ban hành"},
    objectives=[
        _o(1, "Phát triển kinh tế - xã hội",
           # "tăng 12,5% so với năm 2022" of a quantity: relative growth on last year (the
           # production value), whose unit and 2022 figure the text does not give. (A reader
           # could take the growth rate itself as a level in %, like "tốc độ tăng trưởng";
           # the sentence names the value, not its rate, so the change reading.)
           _t("1.1", "Giá trị sản xuất các ngành kinh tế tăng 12,5% so với năm 2022", "cumulative", 12.5, ">=", None,
              change="percent", base=None),
           _t("1.2", "Tổng thu ngân sách nhà nước trên địa bàn: 285 tỷ đồng", "cumulative", 285, ">=", "tỷ đồng")),
        _o(2, "Quốc phòng, an ninh, trật tự an toàn xã hội",
           # A ceiling watched on pace (DOMAIN): 30 accidents by 30/6 is heading over 45.
           _t("2.1", "Số vụ tai nạn giao thông trên địa bàn huyện không quá 45 vụ", "cumulative", 45, "<=", "vụ"),
           _t("2.2", "không để xảy ra tai nạn giao thông đặc biệt nghiêm trọng", "cumulative", 0, "<=", "vụ"),
           # Villages counted one by one against all villages: a ratio (a level is the other
           # fair reading; either way at most 100 %).
           _t("2.3", "Tỷ lệ thôn, tổ dân phố đạt tiêu chuẩn “An toàn về an ninh, trật tự” từ 90% trở lên", "ratio", 90,
              ">=", "%")),
        _o(3, "Cải cách hành chính, chuyển đổi số",
           # Each quarter at least one inspection: every quarter, plan 1.
           _t("3.1", "Kiểm tra công tác cải cách hành chính đối với các xã, thị trấn: mỗi quý ít nhất 01 cuộc kiểm tra",
              "cumulative", 1, ">=", "cuộc", every="quarter"),
           _t("3.2", "100% hồ sơ thủ tục hành chính được tiếp nhận, trả kết quả qua Hệ thống thông tin giải quyết thủ "
                     "tục hành chính tỉnh", "ratio", 100, ">=", "%"),
           _t("3.3", "Mức độ hài lòng của người dân, doanh nghiệp đạt từ 90% trở lên", "ratio", 90, ">=", "%"),
           _t("3.4", "100% văn bản điện tử đi của UBND huyện được ký số (trừ văn bản mật)", "ratio", 100, ">=", "%")),
    ],
    tasks=[
        _task("I.1", "Giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội, dự toán ngân sách năm 2023",
              "Phòng Tài chính - Kế hoạch", ["Các phòng, ban"], "Tháng 01/2023", due=[date(2023, 1, 31)]),
        _task("I.2", "Đánh giá tình hình thực hiện kế hoạch kinh tế - xã hội", "Phòng Tài chính - Kế hoạch",
              ["Chi cục Thống kê huyện"], "Trước ngày 20/6 và 20/12/2023", due=[date(2023, 6, 20), date(2023, 12, 20)]),
        _task("II.1", "Tuần tra, kiểm soát, xử lý vi phạm trật tự an toàn giao thông", "Công an huyện",
              ["UBND các xã, thị trấn"], "Thường xuyên", repeat="continuous"),
        _task("III.1", "Kiểm tra công tác cải cách hành chính tại các xã, thị trấn", "Phòng Nội vụ", ["Các phòng, ban"],
              "Quý I, II, III, IV năm 2023", repeat="quarterly"),
        _task("III.2", "Tổ chức đánh giá nội bộ Hệ thống quản lý chất lượng", "Phòng Nội vụ", ["Các phòng, ban"],
              "Tháng 9/2023", due=[date(2023, 9, 30)], kind="internal_audit"),
        _task("III.3", "Họp xem xét của lãnh đạo về Hệ thống quản lý chất lượng", "Văn phòng HĐND và UBND huyện",
              ["Phòng Nội vụ"], "Tháng 10/2023", due=[date(2023, 10, 31)], kind="management_review"),
    ],
    unreadable={
        "1.1.unit": "the text gives no unit for the production value (tỷ đồng is likely, not written)",
        "1.1.base": "the production value of 2022 is not in the decision",
    },
)


# --- 14. A ward of a town, its objectives as paragraphs of two clauses ---------------------------------

def build_phuong_tu_ha(path: Path) -> Path:
    """UBND phường Tứ Hạ (thị xã Hương Trà), 2024: numbered paragraphs each holding one or two
    targets split by ";" or ","; the parent in capitals in the header ("UBND THỊ XÃ HƯƠNG
    TRÀ"); "vượt dự toán" with no figure; the plan with a two-row heading."""
    document = _document(size=14, after=3)
    _header(document, layout="grid", parent=["UBND THỊ XÃ HƯƠNG TRÀ"], body=["ỦY BAN NHÂN DÂN", "PHƯỜNG TỨ HẠ"],
            number="Số: 07/QĐ-UBND", place_date="Tứ Hạ, ngày 12 tháng 01 năm 2024")
    _opening(document,
             subject="Về việc ban hành Mục tiêu chất lượng và Kế hoạch thực hiện Mục tiêu chất lượng năm 2024",
             signer="CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TỨ HẠ",
             bases=["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
                    "Căn cứ Quyết định số 101/QĐ-BKHCN ngày 21/01/2019 của Bộ trưởng Bộ Khoa học và Công nghệ;"],
             proposal="Theo đề nghị của công chức Văn phòng - Thống kê phường.")
    _articles(document, [
        "Ban hành kèm theo Quyết định này Mục tiêu chất lượng năm 2024 (Phụ lục 01) và Kế hoạch thực hiện Mục tiêu "
        "chất lượng năm 2024 (Phụ lục 02) của UBND phường Tứ Hạ.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Công chức Văn phòng - Thống kê, các bộ phận chuyên môn thuộc UBND phường chịu trách nhiệm thi hành Quyết "
        "định này./."])
    _signature(document, ["- Như Điều 3;", "- UBND thị xã (b/c);", "- Phòng Nội vụ thị xã;", "- Lưu: VT."],
               ["CHỦ TỊCH"], "Hồ Văn Quang")
    document.add_page_break()
    _p(document, "Phụ lục 01", bold=True, align=CENTER)
    _p(document, "MỤC TIÊU CHẤT LƯỢNG NĂM 2024", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 07/QĐ-UBND ngày 12/01/2024 của Chủ tịch UBND phường Tứ Hạ)", italic=True,
       align=CENTER)
    _p(document, "UBND phường Tứ Hạ cam kết duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 và "
                 "phấn đấu đạt các mục tiêu sau:", indent=1, align=JUSTIFY)
    _lines(document, [
        "1. 100% các nhiệm vụ trọng tâm trong Chương trình công tác năm 2024 được theo dõi, đôn đốc thực hiện; phấn đấu "
        "hoàn thành 90% nhiệm vụ đúng hạn.",
        "2. 100% ý kiến chỉ đạo của UBND thị xã, Chủ tịch UBND thị xã được theo dõi, đôn đốc thực hiện, phấn đấu 85% ý "
        "kiến chỉ đạo hoàn thành đúng hạn.",
        "3. Phấn đấu thu ngân sách trên địa bàn vượt dự toán thị xã giao; trong đó thu tiền sử dụng đất đạt 12,5 tỷ "
        "đồng.",
        "4. Giải quyết trên 90% đơn thư khiếu nại, tố cáo thuộc thẩm quyền của UBND phường.",
        "5. 100% cán bộ, công chức phường được đánh giá, xếp loại từ Hoàn thành nhiệm vụ trở lên.",
    ], indent=1, align=JUSTIFY)
    document.add_page_break()
    _p(document, "Phụ lục 02", bold=True, align=CENTER)
    _p(document, "KẾ HOẠCH THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG NĂM 2024", bold=True, align=CENTER)
    _p(document, "(Kèm theo Quyết định số 07/QĐ-UBND ngày 12/01/2024 của Chủ tịch UBND phường Tứ Hạ)", italic=True,
       align=CENTER)
    _p(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    _lines(document, ["- Thực hiện hoàn thành các mục tiêu chất lượng năm 2024 của UBND phường.",
                      "- Phân công rõ trách nhiệm, thời gian thực hiện và kết quả cần đạt."], indent=1)
    _p(document, "II. NỘI DUNG THỰC HIỆN", bold=True)
    _plan(document, ["TT", "Nội dung", ("Trách nhiệm thực hiện", ["Chủ trì", "Phối hợp"]), "Thời gian",
                     "Theo dõi", "Kết quả"], [
        ("I", "Theo dõi Chương trình công tác năm 2024", [
            ["1", "Theo dõi, đôn đốc thực hiện Chương trình công tác năm 2024", "Công chức Văn phòng - Thống kê",
             "Các bộ phận chuyên môn", "Định kỳ hàng tháng", "Chủ tịch UBND phường", "Báo cáo tháng"],
            ["2", "Báo cáo kết quả thực hiện Chương trình công tác quý", "Công chức Văn phòng - Thống kê", "",
             "Quý I, II, III, IV năm 2024", "Chủ tịch UBND phường", "Báo cáo quý"]]),
        ("II", "Theo dõi ý kiến chỉ đạo của cấp trên", [
            ["1", "Theo dõi ý kiến chỉ đạo trên phần mềm Theo dõi ý kiến chỉ đạo", "Công chức Văn phòng - Thống kê",
             "Các bộ phận chuyên môn", "Thường xuyên", "Chủ tịch UBND phường", "Số liệu trên phần mềm"]]),
        ("III", "Thu ngân sách", [
            ["1", "Đôn đốc thu ngân sách, thu tiền sử dụng đất", "Công chức Tài chính - Kế toán", "Các tổ dân phố",
             "Hàng tháng", "Phó Chủ tịch UBND phường", "Báo cáo thu ngân sách"]]),
        ("IV", "Giải quyết đơn thư", [
            ["1", "Tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo", "Công chức Tư pháp - Hộ tịch",
             "Công an phường, Công chức Địa chính - Xây dựng", "Thường xuyên", "Chủ tịch UBND phường",
             "Sổ tiếp công dân, báo cáo"]]),
        ("V", "Duy trì Hệ thống quản lý chất lượng", [
            ["1", "Tổ chức ĐGNB năm 2024", "Thư ký ISO", "Các bộ phận chuyên môn", "Tháng 7/2024", "QMR",
             "Hồ sơ ĐGNB"],
            ["2", "Họp xem xét của lãnh đạo", "Chủ tịch UBND phường", "Thư ký ISO", "Tháng 8/2024", "QMR",
             "Biên bản họp"],
            ["3", "Báo cáo kết quả thực hiện MTCL 6 tháng và năm", "Thư ký ISO", "Các bộ phận chuyên môn",
             "Trước ngày 15/6 và 30/11", "QMR", "Báo cáo"]]),
    ], size=12)
    _p(document, "III. TỔ CHỨC THỰC HIỆN", bold=True, before=6)
    _lines(document, ["Các bộ phận chuyên môn căn cứ Kế hoạch tổ chức thực hiện; Thư ký ISO tổng hợp, báo cáo Chủ tịch "
                      "UBND phường./."], indent=1)
    document.save(str(path))
    return path


PHUONG_TU_HA = Case(
    name="phuong-tu-ha-2024",
    shape="numbered paragraphs each holding two clauses (split at ';' or ','), parent in capitals in the header; "
          "'vượt dự toán' with no figure; plan with a two-row heading",
    year=2024,
    build=build_phuong_tu_ha,
    # "UBND THỊ XÃ HƯƠNG TRÀ" in the header: the parent reads "UBND thị xã Hương Trà".
    issuer={"authority": "Ủy ban nhân dân", "unit": "Phường Tứ Hạ", "place": "Tứ Hạ", "parent": "UBND thị xã Hương Trà"},
    decision={"number": "07/QĐ-UBND", "date": date(2024, 1, 12), "verb": "ban hành"},
    objectives=[
        _o(1, "100% các nhiệm vụ trọng tâm trong Chương trình công tác năm 2024 được theo dõi, đôn đốc thực hiện; phấn "
              "đấu hoàn thành 90% nhiệm vụ đúng hạn",
           _t("1.1", "100% các nhiệm vụ trọng tâm trong Chương trình công tác năm 2024 được theo dõi, đôn đốc thực hiện",
              "ratio", 100, ">=", "%"),
           _t("1.2", "phấn đấu hoàn thành 90% nhiệm vụ đúng hạn", "ratio", 90, ">=", "%")),
        _o(2, "100% ý kiến chỉ đạo của UBND thị xã, Chủ tịch UBND thị xã được theo dõi, đôn đốc thực hiện, phấn đấu 85% "
              "ý kiến chỉ đạo hoàn thành đúng hạn",
           # Split at the comma before "phấn đấu", as the seed's objective 3.
           _t("2.1", "100% ý kiến chỉ đạo của UBND thị xã, Chủ tịch UBND thị xã được theo dõi, đôn đốc thực hiện",
              "ratio", 100, ">=", "%"),
           _t("2.2", "phấn đấu 85% ý kiến chỉ đạo hoàn thành đúng hạn", "ratio", 85, ">=", "%")),
        _o(3, "Phấn đấu thu ngân sách trên địa bàn vượt dự toán thị xã giao; trong đó thu tiền sử dụng đất đạt 12,5 tỷ "
              "đồng",
           # "vượt dự toán" with no figure: more than 100 % of the estimate the town gives
           # (share_of, plan 100, strictly above). The part in tỷ đồng hints at the unit, but
           # the whole's unit is not written.
           _t("3.1", "Phấn đấu thu ngân sách trên địa bàn vượt dự toán thị xã giao", "cumulative", 100, ">", None,
              share_of=ADDED_REFERENCE),
           # The "trong đó" part of a numbered paragraph: the next number, 3.2.
           _t("3.2", "trong đó thu tiền sử dụng đất đạt 12,5 tỷ đồng", "cumulative", 12.5, ">=", "tỷ đồng")),
        _o(4, "Giải quyết trên 90% đơn thư khiếu nại, tố cáo thuộc thẩm quyền của UBND phường",
           _t("4.1", "Giải quyết trên 90% đơn thư khiếu nại, tố cáo thuộc thẩm quyền của UBND phường", "ratio", 90, ">",
              "%")),
        _o(5, "100% cán bộ, công chức phường được đánh giá, xếp loại từ Hoàn thành nhiệm vụ trở lên",
           _t("5.1", "100% cán bộ, công chức phường được đánh giá, xếp loại từ Hoàn thành nhiệm vụ trở lên", "ratio",
              100, ">=", "%")),
    ],
    tasks=[
        _task("I.1", "Theo dõi, đôn đốc thực hiện Chương trình công tác năm 2024", "Công chức Văn phòng - Thống kê",
              ["Các bộ phận chuyên môn"], "Định kỳ hàng tháng", repeat="monthly"),
        _task("I.2", "Báo cáo kết quả thực hiện Chương trình công tác quý", "Công chức Văn phòng - Thống kê", [],
              "Quý I, II, III, IV năm 2024", repeat="quarterly"),
        _task("II.1", "Theo dõi ý kiến chỉ đạo trên phần mềm Theo dõi ý kiến chỉ đạo", "Công chức Văn phòng - Thống kê",
              ["Các bộ phận chuyên môn"], "Thường xuyên", repeat="continuous"),
        _task("III.1", "Đôn đốc thu ngân sách, thu tiền sử dụng đất", "Công chức Tài chính - Kế toán",
              ["Các tổ dân phố"], "Hàng tháng", repeat="monthly"),
        _task("IV.1", "Tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo", "Công chức Tư pháp - Hộ tịch",
              ["Công an phường", "Công chức Địa chính - Xây dựng"], "Thường xuyên", repeat="continuous"),
        _task("V.1", "Tổ chức ĐGNB năm 2024", "Thư ký ISO", ["Các bộ phận chuyên môn"], "Tháng 7/2024",
              due=[date(2024, 7, 31)], kind="internal_audit"),
        _task("V.2", "Họp xem xét của lãnh đạo", "Chủ tịch UBND phường", ["Thư ký ISO"], "Tháng 8/2024",
              due=[date(2024, 8, 31)], kind="management_review"),
        _task("V.3", "Báo cáo kết quả thực hiện MTCL 6 tháng và năm", "Thư ký ISO", ["Các bộ phận chuyên môn"],
              "Trước ngày 15/6 và 30/11", due=[date(2024, 6, 15), date(2024, 11, 30)], kind="results_report"),
    ],
    unreadable={
        "3.1.unit": "the unit of the budget figures is not written for the whole (its part is in tỷ đồng: a marked "
                    "guess at most)",
        "3.1.share_of": "the dự toán the town gives is not in the decision: the reference target is added without a "
                        "figure",
    },
)


CORPUS: list[Case] = [
    PHUONG_PHU_HOI, XA_HAI_LANG, HUYEN_PHONG_DIEN, THI_XA_HUONG_TRA, TTYT_QUANG_DIEN, SO_TU_PHAP, SO_NOI_VU,
    PHUONG_HAI_CHAU, QUAN_THANH_KHE, CHI_CUC_THUE_HOI_AN, XA_DIEN_HOA, XA_HAI_NINH, HUYEN_PHU_VANG, PHUONG_TU_HA,
]
