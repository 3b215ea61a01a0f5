"""A bar chart drawn natively in a Word document: Word can restyle it and edit its data (an
Excel sheet is embedded, as Word itself does), and LibreOffice draws it from the figures
cached in the chart.

python-docx has no chart API, so the chart is written as the DrawingML part Word writes
(``word/charts/chartN.xml``), related to the document and to its embedded workbook, and
placed inline where the template's mark stands.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Mm

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLOURS = ("2E75B6", "A5A5A5", "70AD47")
NAMESPACES = (
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def insert_chart(document, paragraph, chart: dict, width_mm: float = 160, height_mm: float = 85) -> None:
    """Put ``chart`` (its ``title``, ``categories`` and ``series``, each a ``name`` and
    ``values`` in %) in place of ``paragraph``'s text: the template's mark."""
    number = sum(1 for part in document.part.package.iter_parts() if part.content_type == CHART_TYPE) + 1
    chart_part = Part(PackURI(f"/word/charts/chart{number}.xml"), CHART_TYPE, b"", document.part.package)
    sheet_part = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Sheet{number}.xlsx"), SHEET_TYPE,
                      _workbook(chart), document.part.package)
    sheet_id = chart_part.relate_to(sheet_part, RELATIONSHIP_TYPE.PACKAGE)
    chart_part._blob = _chart_xml(chart, sheet_id).encode("utf-8")
    chart_id = document.part.relate_to(chart_part, RELATIONSHIP_TYPE.CHART)
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    paragraph.add_run()._r.append(parse_xml(_inline_xml(chart_id, number, chart['title'], width_mm, height_mm)))


def _workbook(chart: dict) -> bytes:
    from openpyxl import Workbook  # 60 ms, only for a report with a chart

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["", *(s['name'] for s in chart['series'])])
    for index, category in enumerate(chart['categories']):
        sheet.append([category, *(s['values'][index] for s in chart['series'])])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _column(index: int) -> str:
    return chr(ord("B") + index)


def _series_xml(chart: dict, index: int, series: dict) -> str:
    rows = len(chart["categories"]) + 1
    column = _column(index)
    categories = "".join(f'<c:pt idx="{n}"><c:v>{escape(c)}</c:v></c:pt>' for n, c in enumerate(chart["categories"]))
    values = "".join(f'<c:pt idx="{n}"><c:v>{v:.1f}</c:v></c:pt>' for n, v in enumerate(series["values"])
                     if v is not None)  # no point: a gap, not a bar at 0
    count = len(chart["categories"])
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f'<c:tx><c:strRef><c:f>Sheet1!${column}$1</c:f><c:strCache><c:ptCount val="1"/>'
        f'<c:pt idx="0"><c:v>{escape(series["name"])}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
        f'<c:spPr><a:solidFill><a:srgbClr val="{COLOURS[index % len(COLOURS)]}"/></a:solidFill></c:spPr>'
        '<c:invertIfNegative val="0"/>'
        '<c:dLbls><c:numFmt formatCode="0" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
        '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="vi-VN"/>'
        '</a:p></c:txPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
        f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${rows}</c:f><c:strCache><c:ptCount val="{count}"/>{categories}'
        '</c:strCache></c:strRef></c:cat>'
        f'<c:val><c:numRef><c:f>Sheet1!${column}$2:${column}${rows}</c:f><c:numCache><c:formatCode>0.0</c:formatCode>'
        f'<c:ptCount val="{count}"/>{values}</c:numCache></c:numRef></c:val>'
        '</c:ser>'
    )


def _chart_xml(chart: dict, sheet_id: str) -> str:
    series = "".join(_series_xml(chart, index, s) for index, s in enumerate(chart['series']))
    font = ('<a:latin typeface="Times New Roman"/><a:ea typeface="Times New Roman"/>'
            '<a:cs typeface="Times New Roman"/>')
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace {NAMESPACES}>'
        '<c:roundedCorners val="0"/><c:chart>'
        f'<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>'
        f'<a:r><a:rPr lang="vi-VN" sz="1200" b="1">{font}</a:rPr><a:t>{escape(chart["title"])}</a:t></a:r></a:p>'
        '</c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
        '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>'
        f'<c:varyColors val="0"/>{series}<c:gapWidth val="80"/><c:axId val="1001"/><c:axId val="1002"/>'
        '</c:barChart>'
        '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/>'
        '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        '<c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/>'
        '</c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>'
        '<c:numFmt formatCode="0&quot;%&quot;" sourceLinked="0"/><c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/>'
        '<c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="20"/></c:valAx>'
        '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000">{font}</a:defRPr></a:pPr>'
        '<a:endParaRPr lang="vi-VN"/></a:p></c:txPr>'
        f'<c:externalData r:id="{sheet_id}"><c:autoUpdate val="0"/></c:externalData>'
        '</c:chartSpace>'
    )


def _inline_xml(chart_id: str, number: int, title: str, width_mm: float, height_mm: float) -> str:
    width, height = Mm(width_mm), Mm(height_mm)
    return (
        '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{width}" cy="{height}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{1000 + number}" name="Biểu đồ {number}" descr="{escape(title)}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart r:id="{chart_id}"/></a:graphicData></a:graphic></wp:inline></w:drawing>'
    )
