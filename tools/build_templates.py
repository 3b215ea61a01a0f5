"""Build the Word templates of mtcl's documents (a developer script, not installed).

Each template is a docxtpl document: a real .docx laid out per Nghị định 30/2020/NĐ-CP,
Phụ lục I, with Jinja tags where the figures go.  The officer may edit a .docx in Word or
LibreOffice; this script is how the shipped ones are made, so a reviewer can read the
layout as code and regenerate them into the repository's ``templates/`` folder::

    python tools/build_templates.py
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from mtcl.usecases.views import BODY_COLUMNS, TARGET_COLUMNS, action_columns, indicator_columns

TEMPLATES_FOLDER = Path(__file__).resolve().parent.parent / "templates"
FONT = "Times New Roman"
CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY
PORTRAIT_WIDTH, LANDSCAPE_WIDTH = 165, 252  # mm of text between the margins
BODY_SIZE = 13  # points: Decree 30 allows 13 to 14 for the text; 13 keeps a six-month body to four pages

# Tables: heading, width, alignment of the data cells, the field shown.  The columns of a
# view (mtcl/usecases/views.py) give their headings; the target's name is the widest column;
# the comparison with last year is there only when it has figures.


def view(columns, *specs):
    """A template table's columns from a view: (key, width, alignment, short heading or not)."""
    by_key = {column.key: column for column in columns}
    return [((by_key[key].narrow if narrow else by_key[key].heading), width, align, f"r.{key}")
            for key, width, align, narrow in specs]


RESULT_COLUMNS = view(
    TARGET_COLUMNS,
    ("id", Mm(11), CENTER, True),
    ("name", Mm(56), LEFT, False),
    ("unit", Mm(15), CENTER, True),
    ("plan", Mm(17), CENTER, False),
    ("actual", Mm(17), CENTER, False),
    ("attainment", Mm(17), CENTER, False),
    ("status", Mm(32), CENTER, False),  # 'Chưa có số liệu' on one line
)
COMPARED_COLUMNS = [
    *RESULT_COLUMNS[:1],
    ("Chỉ tiêu", Mm(41), LEFT, "r.name"),
    *RESULT_COLUMNS[2:6],
    *view(TARGET_COLUMNS, ("previous", Mm(15), CENTER, False)),
    RESULT_COLUMNS[6],
]
FORM_COLUMNS = [
    ("Nội dung", Mm(50), LEFT, "f.label"),
    ("Chi tiết", Mm(115), LEFT, "f.value"),
]
REGISTER_COLUMNS = [
    ("STT", Mm(12), CENTER, "r.stt"),
    *view(action_columns(date.today()),
          ("id", Mm(24), CENTER, False),
          ("opened_on", Mm(22), CENTER, False),
          ("subject", Mm(21), CENTER, False),
          ("problem", Mm(34), LEFT, False),
          ("cause", Mm(30), LEFT, False),
          ("action", Mm(34), LEFT, False),
          ("owner", Mm(20), LEFT, False),
          ("due", Mm(22), CENTER, False),
          ("outcome", Mm(33), LEFT, False)),
]
REVIEW_COLUMNS = [
    *view(TARGET_COLUMNS,
          ("id", Mm(12), CENTER, True),
          ("label", Mm(45), LEFT, False),
          ("unit", Mm(12), CENTER, True),
          ("plan", Mm(20), CENTER, True),
          ("actual", Mm(20), CENTER, False),
          ("status", Mm(28), CENTER, False)),
    ("Xu hướng", Mm(28), CENTER, "r.trend"),
]
ROLLUP_COLUMNS = [
    *view(BODY_COLUMNS, ("rank", Mm(12), CENTER, False), ("name", Mm(38), LEFT, False)),
    ("Chỉ tiêu đạt", Mm(15), CENTER, "r.met"),
    ("Tỷ lệ đạt", Mm(15), CENTER, "r.share"),
    *view(BODY_COLUMNS,
          ("short", Mm(16), CENTER, False),
          ("no_data", Mm(15), CENTER, False),
          ("tasks_overdue", Mm(14), CENTER, False),
          ("actions_open", Mm(14), CENTER, False),
          ("internal_audit", Mm(13), CENTER, False),
          ("management_review", Mm(13), CENTER, False)),
]
INDICATOR_COLUMNS = view(
    indicator_columns(""),
    ("rank", Mm(14), CENTER, False),
    ("body", Mm(60), LEFT, False),
    ("actual", Mm(25), CENTER, True),
    ("plan", Mm(25), CENTER, False),
    ("status", Mm(41), CENTER, False),
)
# Half of the one-page sheet's table (the other half repeats it): 136,5 mm of the 273.
SHEET_HALF = view(TARGET_COLUMNS, ("id", Mm(8), CENTER, True), ("label", Mm(50), LEFT, False),
                  ("unit", Mm(11), CENTER, True), ("plan", Mm(16), CENTER, True), ("actual", Mm(14), CENTER, False),
                  ("as_of", Mm(10), CENTER, True), ("status", Mm(27.5), CENTER, False))
DECISION_COLUMNS = [
    ("STT", Mm(12)), ("Vấn đề xem xét", Mm(55)), ("Quyết định, biện pháp", Mm(50)),
    ("Người thực hiện", Mm(25)), ("Thời hạn", Mm(23)),
]
DECISION_ROWS = 6
HANDWRITTEN_ROW = Mm(20)  # three lines of handwriting


def build_report_template(path: Path) -> Path:
    """The MTCL results report (quarter, six months, nine months, year): a narrative body,
    signed, then the table of every target as an appendix on a page of its own."""
    document = _new_document()
    _header_block(document)
    _title(document, "BÁO CÁO", "{{ subject }}")
    _body_paragraph(document, "{{ intro }}")
    _body_paragraph(document, "{{ as_of_note }}", italic=True)
    _tag(document, "{%p if general %}")
    _body_paragraph(document, "{{ general }}")
    _tag(document, "{%p endif %}")

    _heading(document, "I. KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG")
    _tag(document, "{%p for o in objectives %}")
    _heading(document, "{{ o.heading }}", indent=True)
    _lines(document, "o.paragraphs")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p if chart %}")  # the chart with its sentence and caption, never alone on a page
    _body_paragraph(document, "{{ chart.lead }}").paragraph_format.keep_with_next = True
    _paragraph(document, "{{ chart.mark }}", size=12).paragraph_format.keep_with_next = True
    _paragraph(document, "{{ chart.caption }}", italic=True, size=12)
    _tag(document, "{%p endif %}")
    _sections(document, ("II. KẾT QUẢ THỰC HIỆN KẾ HOẠCH", "plan"),
              ("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "shortcomings"),
              ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRONG THỜI GIAN TỚI", "directions"))
    _signed_then_appendix(document)
    _tag(document, "{%p if compare %}")
    _appendix_table(document, COMPARED_COLUMNS, "rows")
    _tag(document, "{%p else %}")
    _appendix_table(document, RESULT_COLUMNS, "rows")
    _tag(document, "{%p endif %}")
    return _save(document, path)


def build_action_template(path: Path) -> Path:
    """The corrective action request form (phiếu yêu cầu hành động khắc phục)."""
    document = _new_document()
    _header_block(document)
    _title(document, "PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC", "{{ subject }}")
    _grid_table(document, FORM_COLUMNS, "fields")
    # An empty field keeps blank lines under its value, for handwriting.
    value = document.tables[-1].cell(2, 1)
    _paragraph(value, "{%p for line in f.blank %}", size=11, align=LEFT)
    _paragraph(value, "{{ line }}", size=11, align=LEFT)
    _paragraph(value, "{%p endfor %}", size=11, align=LEFT)
    _two_signatures(document, ("NGƯỜI LẬP PHIẾU", "{{ opened_by }}"), ("ĐẠI DIỆN LÃNH ĐẠO VỀ CHẤT LƯỢNG", ""))
    return _save(document, path)


def build_register_template(path: Path) -> Path:
    """The register of corrective actions (sổ theo dõi), on a landscape page."""
    document = _new_document(landscape=True)
    _header_block(document, width=LANDSCAPE_WIDTH)
    _title(document, "SỔ THEO DÕI HÀNH ĐỘNG KHẮC PHỤC, CẢI TIẾN", "{{ subject }}", width=LANDSCAPE_WIDTH)
    _body_paragraph(document, "{{ summary }}")
    _grid_table(document, REGISTER_COLUMNS, "rows")
    _two_signatures(document, ("NGƯỜI LẬP", "{{ prepared_by }}"), ("ĐẠI DIỆN LÃNH ĐẠO VỀ CHẤT LƯỢNG", ""),
                    width=LANDSCAPE_WIDTH)
    return _save(document, path)


def build_status_sheet_template(path: Path) -> Path:
    """The one-page status sheet: every target in two halves side by side on an A4
    landscape page, the counts, the place and date, and who made it."""
    document = _new_document(landscape=True)
    section = document.sections[0]
    section.top_margin = section.bottom_margin = Mm(12)
    section.left_margin = section.right_margin = Mm(12)
    width = 297 - 24  # mm between the margins
    _paragraph(document, "{{ body }}", bold=True, size=11, align=LEFT)
    _paragraph(document, "{{ title }}", bold=True, size=13)
    _paragraph(document, "{{ subject }}", italic=True, size=11)
    half = [(heading, size, align, f"r.{side}_{field[2:]}") for side in ("a", "b")
            for heading, size, align, field in SHEET_HALF]
    _grid_table(document, half, "rows", size=7.5)
    _paragraph(document, "{{ summary }}", size=10, align=LEFT)
    _paragraph(document, "{{ place_date }}", italic=True, size=10, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _two_signatures(document, ("NGƯỜI LẬP", "{{ made_by }}"), ("LÃNH ĐẠO", ""), width=width, blank_lines=2, size=10)
    return _save(document, path)


def build_review_template(path: Path) -> Path:
    """The management review input (báo cáo đầu vào xem xét của lãnh đạo, ISO 9.3)."""
    document = _new_document()
    _header_block(document)
    _title(document, "BÁO CÁO ĐẦU VÀO XEM XÉT CỦA LÃNH ĐẠO", "{{ subject }}")
    _body_paragraph(document, "{{ intro }}")
    _heading(document, "1. Kết quả thực hiện Mục tiêu chất lượng")
    _body_paragraph(document, "{{ objectives_summary }}")
    _grid_table(document, REVIEW_COLUMNS, "rows")
    _tag(document, "{%p if chart %}")
    _paragraph(document, "{{ chart.mark }}", size=12)
    _tag(document, "{%p endif %}")
    _heading(document, "2. Tiến độ thực hiện Kế hoạch thực hiện MTCL")
    _body_paragraph(document, "{{ plan_summary }}")
    _lines(document, "overdue")
    _heading(document, "3. Hành động khắc phục, cải tiến")
    _body_paragraph(document, "{{ actions_summary }}")
    _lines(document, "actions")
    _heading(document, "4. Đề xuất cải tiến")
    _lines(document, "proposals")
    _heading(document, "5. Quyết định của cuộc họp xem xét của lãnh đạo")
    _decisions_table(document)
    _heading(document, "6. Ý kiến chỉ đạo của lãnh đạo")
    _opinion_box(document)
    _two_signatures(document, ("NGƯỜI LẬP", "{{ prepared_by }}"), ("ĐẠI DIỆN LÃNH ĐẠO VỀ CHẤT LƯỢNG", ""))
    return _save(document, path)


def build_rollup_template(path: Path) -> Path:
    """The level above's summary of its bodies: what they achieved, who is behind and on
    what, who sent nothing, what will be seen to; signed, then the bodies ranked and each
    shared indicator compared, as an appendix."""
    document = _new_document()
    _header_block(document)
    _title(document, "BÁO CÁO", "{{ subject }}")
    _body_paragraph(document, "{{ intro }}")
    _sections(document, ("I. TÌNH HÌNH CHUNG", "general"), ("II. KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG", "results"),
              ("III. TỒN TẠI, HẠN CHẾ", "shortcomings"), ("IV. NHIỆM VỤ TRONG THỜI GIAN TỚI", "directions"))
    _signed_then_appendix(document)
    _heading(document, "Biểu 1. Kết quả của các đơn vị, xếp theo tỷ lệ chỉ tiêu đạt")
    _grid_table(document, ROLLUP_COLUMNS, "bodies")
    _tag(document, "{%p if unranked %}")
    _heading(document, "Đơn vị chưa xếp hạng")
    _lines(document, "unranked")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p for ind in indicators %}")
    _heading(document, "{{ ind.heading }}")
    _grid_table(document, INDICATOR_COLUMNS, "ind.rows")
    _body_paragraph(document, "{{ ind.median }}")
    _tag(document, "{%p endfor %}")
    return _save(document, path)


TEMPLATES = {
    "bao-cao-mtcl.docx": build_report_template,
    "tinh-hinh-mtcl.docx": build_status_sheet_template,
    "phieu-hdkp.docx": build_action_template,
    "so-theo-doi-hdkp.docx": build_register_template,
    "xem-xet-lanh-dao.docx": build_review_template,
    "tong-hop-mtcl.docx": build_rollup_template,
}


def build_all(folder: Path = TEMPLATES_FOLDER) -> list[Path]:
    return [build(folder / name) for name, build in TEMPLATES.items()]


def _save(document, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path


def _new_document(landscape: bool = False):
    document = Document()
    _page_setup(document, landscape)
    _styles(document)
    return document


def _page_setup(document, landscape: bool) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.page_width, section.page_height = width, height
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    # Page numbers in the top margin, centred, from page 2 on (NĐ 30/2020, Phụ lục I).
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = CENTER
    _page_field(paragraph)


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _styles(document) -> None:
    for name, size in (("Normal", 14), ("Table Grid", 12)):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), FONT)
    normal = document.styles["Normal"].paragraph_format
    normal.space_before, normal.space_after = Pt(0), Pt(0)
    normal.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _paragraph(container, text: str = "", *, bold=False, italic=False, size=14, align=CENTER, upper=False):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    if text:
        run = paragraph.add_run(text.upper() if upper else text)
        run.bold, run.italic = bold, italic
        run.font.size = Pt(size)
    return paragraph


def _first_paragraph(cell, text: str, **kwargs):
    """Cells start with one empty paragraph; fill it rather than leave a blank line."""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = kwargs.pop("align", CENTER)
    run = paragraph.add_run(text)
    run.bold, run.italic = kwargs.pop("bold", False), kwargs.pop("italic", False)
    run.font.size = Pt(kwargs.pop("size", 14))
    return paragraph


def _rule(container, width_mm: float, space_mm: float) -> None:
    """A short horizontal rule, ``width_mm`` long, centred in ``space_mm``: the bottom
    border of a paragraph of almost no height, indented to the rule's length."""
    paragraph = container.add_paragraph()
    side = Mm((space_mm - width_mm) / 2)
    form = paragraph.paragraph_format
    form.left_indent, form.right_indent = side, side
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = Pt(2)
    form.space_before = form.space_after = Pt(0)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _no_borders(table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def _widths(table, widths) -> None:
    """Fix column widths in the grid too: LibreOffice lays tables out by the grid."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        column.set(qn("w:w"), str(round(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _header_block(document, width: float = PORTRAIT_WIDTH) -> None:
    """The invisible two-column table: issuing body and number on the left, national motto
    and place-date on the right, each pair on the same line."""
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    left_width, right_width = 65, 100
    _widths(table, [Mm(left_width), Mm(right_width + width - PORTRAIT_WIDTH)])
    left, right = table.cell(0, 0), table.cell(0, 1)
    _first_paragraph(left, "{%p if parent %}", size=13)
    _paragraph(left, "{{ parent }}", size=13)
    _paragraph(left, "{%p endif %}", size=13)
    _paragraph(left, "{{ authority }}", bold=True, size=13)
    _paragraph(left, "{{ unit }}", bold=True, size=13)
    _rule(left, 22, left_width)
    _first_paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
    _paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
    _rule(right, 62, right_width + width - PORTRAIT_WIDTH)
    number = _first_paragraph(table.cell(1, 0), "{% if number %}Số: {{ number }}{% endif %}", size=13)
    place = _first_paragraph(table.cell(1, 1), "{{ place_date }}", italic=True, size=14)
    for paragraph in (number, place):
        paragraph.paragraph_format.space_before = Pt(6)


def _title(document, title: str, subject: str, width: float = PORTRAIT_WIDTH) -> None:
    _paragraph(document)
    _paragraph(document, title, bold=True, size=14)
    _paragraph(document, subject, bold=True, size=14)
    _rule(document, 40, width)
    _paragraph(document)


def _body_format(paragraph, indent=True) -> None:
    form = paragraph.paragraph_format
    form.first_line_indent = Cm(1.27) if indent else None
    form.space_before = Pt(0)
    form.space_after = Pt(6)
    form.line_spacing = 1.0  # single: NĐ 30/2020 allows single to 1.5 lines


def _body_paragraph(container, text: str, italic=False):
    paragraph = _paragraph(container, text, italic=italic, size=BODY_SIZE, align=JUSTIFY)
    _body_format(paragraph)
    return paragraph


def _heading(container, text: str, indent=False):
    """A heading never ends a page: it is kept with the paragraph after it."""
    paragraph = _paragraph(container, text, bold=True, size=BODY_SIZE, align=JUSTIFY)
    _body_format(paragraph, indent=indent)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _tag(container, tag: str) -> None:
    container.add_paragraph(tag)


def _sections(document, *sections: tuple[str, str]) -> None:
    """Each numbered section of a report: its heading, then its paragraphs (a list)."""
    for heading, name in sections:
        _heading(document, heading)
        _lines(document, name)


def _signed_then_appendix(document) -> None:
    """The closing sentence, the signature block, and the appendix's title page."""
    _body_paragraph(document, "{{ closing }}").paragraph_format.keep_with_next = True
    _signature_block(document, recipients=True)
    appendix = _paragraph(document, "Phụ lục", bold=True, size=14)
    appendix.paragraph_format.page_break_before = True
    _paragraph(document, "{{ appendix_title }}", bold=True, size=13)
    _paragraph(document, "{{ appendix_note }}", italic=True, size=13)
    _paragraph(document, "", size=6)


def _lines(container, items: str) -> None:
    """One body paragraph per line of the list ``items``."""
    _tag(container, f"{{%p for line in {items} %}}")
    _body_paragraph(container, "{{ line }}")
    _tag(container, "{%p endfor %}")


def _headed_table(document, headings: list[str], widths: list, rows: int, size: float = 11):
    """A bordered table of ``rows`` rows, the first a bold heading row repeated on every page."""
    table = document.add_table(rows=rows, cols=len(headings))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    for index, heading in enumerate(headings):
        _first_paragraph(table.cell(0, index), heading, bold=True, size=size)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    return table


def _cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _grid_table(document, columns, rows: str, size: float = 11) -> None:
    """A bordered table: a heading row repeated on every page, then one row per item of
    ``rows`` (docxtpl's row loop), never split across pages."""
    table = _headed_table(document, [c[0] for c in columns], [c[1] for c in columns], rows=4, size=size)
    for index, (_, _, align, field) in enumerate(columns):
        _first_paragraph(table.cell(2, index), f"{{{{ {field} }}}}", size=size, align=align)
    loop_variable = columns[0][3].split(".")[0]
    _first_paragraph(table.cell(1, 0), f"{{%tr for {loop_variable} in {rows} %}}", size=size)
    _first_paragraph(table.cell(3, 0), "{%tr endfor %}", size=size)
    _cant_split(table.rows[2])
    _paragraph(document, "", size=6)


def _appendix_table(document, columns, rows: str) -> None:
    """The appendix's table: the heading row repeated on every page, then for each item of
    ``rows`` either a bold heading row (an objective, a group) or a target's row."""
    table = _headed_table(document, [c[0] for c in columns], [c[1] for c in columns], rows=8)
    for index, (_, _, align, field) in enumerate(columns):
        _first_paragraph(table.cell(5, index), f"{{{{ {field} }}}}", size=11, align=align)
    _first_paragraph(table.cell(1, 0), f"{{%tr for r in {rows} %}}", size=11)
    _first_paragraph(table.cell(2, 0), "{%tr if r.heading %}", size=11)
    heading = table.cell(3, 0).merge(table.cell(3, len(columns) - 1))  # an objective across the table
    # kept with its first target: a heading row never ends a page
    _first_paragraph(heading, "{{ r.name }}", bold=True, size=11, align=LEFT).paragraph_format.keep_with_next = True
    _first_paragraph(table.cell(4, 0), "{%tr else %}", size=11)
    _first_paragraph(table.cell(6, 0), "{%tr endif %}", size=11)
    _first_paragraph(table.cell(7, 0), "{%tr endfor %}", size=11)
    for row in (3, 5):
        _cant_split(table.rows[row])
    _paragraph(document, "", size=6)


def _decisions_table(document) -> None:
    """Empty rows for the meeting's decisions, to be filled in by hand."""
    table = _headed_table(document, [c[0] for c in DECISION_COLUMNS], [c[1] for c in DECISION_COLUMNS],
                          rows=1 + DECISION_ROWS)
    for row in range(1, DECISION_ROWS + 1):
        number = _first_paragraph(table.cell(row, 0), str(row), size=11)
        number.paragraph_format.keep_with_next = row < DECISION_ROWS  # the blank form stays on one page
        table.rows[row].height = HANDWRITTEN_ROW
        _cant_split(table.rows[row])
    for cell in table.rows[0].cells:
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    _paragraph(document, "", size=6)


def _opinion_box(document) -> None:
    """A framed space, five lines high, for the leaders' opinion written by hand."""
    table = document.add_table(rows=1, cols=1)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, [Mm(PORTRAIT_WIDTH)])
    table.rows[0].height = Mm(36)
    _paragraph(document, "", size=6)


def _signature_table(document):
    """A borderless row for signatures, never split across pages and kept on the page of
    the text above it: a signature alone on a page signs nothing."""
    _paragraph(document, "", size=8).paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _cant_split(table.rows[0])
    return table


def _signature_block(document, recipients: bool) -> None:
    """Recipients on the left ('Nơi nhận:'), the signature of the People's Committee on
    the right."""
    table = _signature_table(document)
    _widths(table, [Mm(80), Mm(85)])
    left, right = table.cell(0, 0), table.cell(0, 1)
    if recipients:
        _first_paragraph(left, "Nơi nhận:", bold=True, italic=True, size=12, align=LEFT)
        _paragraph(left, "{%p for r in recipients %}", size=11, align=LEFT)
        _paragraph(left, "{{ r }}", size=11, align=LEFT)
        _paragraph(left, "{%p endfor %}", size=11, align=LEFT)
    _first_paragraph(right, "{{ signer_org }}", bold=True, size=13)
    _paragraph(right, "{{ signer_title }}", bold=True, size=13)
    for _ in range(4):
        _paragraph(right, "", size=13)
    _paragraph(right, "{{ signer }}", bold=True, size=14)


def _two_signatures(document, left: tuple[str, str], right: tuple[str, str], width: float = PORTRAIT_WIDTH,
                    blank_lines: int = 4, size: float = 13) -> None:
    """Two signatures side by side (who prepared, who approves), names under the space."""
    table = _signature_table(document)
    _widths(table, [Mm(width / 2), Mm(width / 2)])
    for cell, (title, name) in zip(table.rows[0].cells, (left, right)):
        _first_paragraph(cell, title, bold=True, size=size)
        _paragraph(cell, "(Ký, ghi rõ họ tên)", italic=True, size=size - 1)
        for _ in range(blank_lines):
            _paragraph(cell, "", size=size)
        _paragraph(cell, name, bold=True, size=size + 1)
    _paragraph(document, "", size=2)  # a document ends with a paragraph, not a table


if __name__ == "__main__":
    for built in build_all():
        print(built)
