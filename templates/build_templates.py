"""Build the Word template of the MTCL results report (bao-cao-mtcl.docx).

The template is a docxtpl document: a real .docx laid out per Nghị định 30/2020/NĐ-CP,
Phụ lục I, with Jinja tags where the figures go.  The officer may edit the .docx in Word
or LibreOffice; this script is how the shipped one is made, so a reviewer can read the
layout as code and regenerate it::

    python -m mtcl.templates.build_templates
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

HERE = Path(__file__).resolve().parent
REPORT_TEMPLATE = HERE / "bao-cao-mtcl.docx"
FONT = "Times New Roman"
TEXT_WIDTH = Mm(210 - 30 - 15)
CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY

# The results table: heading, width, alignment of the data cells.
COLUMNS = [
    ("STT", Mm(12), CENTER, "r.stt"),
    ("Chỉ tiêu", Mm(43), LEFT, "r.name"),
    ("ĐVT", Mm(14), CENTER, "r.unit"),
    ("Kế hoạch năm", Mm(19), CENTER, "r.plan"),
    ("Thực hiện", Mm(19), CENTER, "r.actual"),
    ("Tỷ lệ so với KH", Mm(16), CENTER, "r.attainment"),
    ("So với cùng kỳ", Mm(16), CENTER, "r.previous"),
    ("Đánh giá", Mm(26), CENTER, "r.status"),
]


def build_report_template(path: Path = REPORT_TEMPLATE) -> Path:
    document = Document()
    _page_setup(document)
    _styles(document)
    _header_block(document)
    _title(document)
    _body_paragraph(document, "{{ intro }}")
    _body_paragraph(document, "{{ as_of_note }}", italic=True)

    _heading(document, "I. KẾT QUẢ THỰC HIỆN MỤC TIÊU CHẤT LƯỢNG")
    _tag(document, "{%p for o in objectives %}")
    _heading(document, "{{ o.heading }}", indent=True)
    _tag(document, "{%p for s in o.sentences %}")
    _body_paragraph(document, "{{ s }}")
    _tag(document, "{%p endfor %}")
    _results_table(document)
    _tag(document, "{%p endfor %}")

    _heading(document, "II. KẾT QUẢ THỰC HIỆN KẾ HOẠCH")
    _body_paragraph(document, "{{ plan_summary }}")
    _tag(document, "{%p for part in plan_parts %}")
    _heading(document, "{{ part.heading }}", indent=True)
    _tag(document, "{%p for line in part.lines %}")
    _body_paragraph(document, "{{ line }}")
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p endfor %}")

    for heading, lines in [
        ("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "shortcomings"),
        ("IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI", "next_steps"),
    ]:
        _heading(document, heading)
        _tag(document, f"{{%p for line in {lines} %}}")
        _body_paragraph(document, "{{ line }}")
        _tag(document, "{%p endfor %}")

    _body_paragraph(document, "{{ closing }}")
    _signature_block(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path


def _page_setup(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
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


def _header_block(document) -> None:
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    left_width, right_width = 65, 100
    _widths(table, [Mm(left_width), Mm(right_width)])
    left, right = table.cell(0, 0), table.cell(0, 1)
    _first_paragraph(left, "{%p if parent %}", size=13)
    _paragraph(left, "{{ parent }}", size=13)
    _paragraph(left, "{%p endif %}", size=13)
    _paragraph(left, "{{ authority }}", bold=True, size=13)
    _paragraph(left, "{{ unit }}", bold=True, size=13)
    _rule(left, 22, left_width)
    _first_paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
    _paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
    _rule(right, 62, right_width)
    number = _first_paragraph(table.cell(1, 0), "Số: {{ number }}", size=13)
    place = _first_paragraph(table.cell(1, 1), "{{ place_date }}", italic=True, size=14)
    for paragraph in (number, place):
        paragraph.paragraph_format.space_before = Pt(6)


def _title(document) -> None:
    _paragraph(document)
    _paragraph(document, "BÁO CÁO", bold=True, size=14)
    _paragraph(document, "{{ subject }}", bold=True, size=14)
    _rule(document, 40, 165)
    _paragraph(document)


def _body_format(paragraph, indent=True) -> None:
    form = paragraph.paragraph_format
    form.first_line_indent = Cm(1.27) if indent else None
    form.space_before = Pt(0)
    form.space_after = Pt(6)
    form.line_spacing = 1.15


def _body_paragraph(container, text: str, italic=False):
    paragraph = _paragraph(container, text, italic=italic, size=14, align=JUSTIFY)
    _body_format(paragraph)
    return paragraph


def _heading(container, text: str, indent=False):
    paragraph = _paragraph(container, text, bold=True, size=14, align=JUSTIFY)
    _body_format(paragraph, indent=indent)
    return paragraph


def _tag(container, tag: str) -> None:
    container.add_paragraph(tag)


def _results_table(document) -> None:
    table = document.add_table(rows=4, cols=len(COLUMNS))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, [width for _, width, _, _ in COLUMNS])
    for index, (heading, _, align, field) in enumerate(COLUMNS):
        _first_paragraph(table.cell(0, index), heading, bold=True, size=11)
        _first_paragraph(table.cell(2, index), f"{{{{ {field} }}}}", size=11, align=align)
    _first_paragraph(table.cell(1, 0), "{%tr for r in o.rows %}", size=11)
    _first_paragraph(table.cell(3, 0), "{%tr endfor %}", size=11)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeat on each page
    table.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a target stays on one page
    _paragraph(document, "", size=6)


def _signature_block(document) -> None:
    _paragraph(document, "", size=8)
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [Mm(80), Mm(85)])
    left, right = table.cell(0, 0), table.cell(0, 1)
    _first_paragraph(left, "Nơi nhận:", bold=True, italic=True, size=12, align=LEFT)
    _paragraph(left, "{%p for r in recipients %}", size=11, align=LEFT)
    _paragraph(left, "{{ r }}", size=11, align=LEFT)
    _paragraph(left, "{%p endfor %}", size=11, align=LEFT)
    _first_paragraph(right, "{{ signer_org }}", bold=True, size=13)
    _paragraph(right, "{{ signer_title }}", bold=True, size=13)
    for _ in range(4):
        _paragraph(right, "", size=13)
    _paragraph(right, "{{ signer }}", bold=True, size=14)


if __name__ == "__main__":
    print(build_report_template())
