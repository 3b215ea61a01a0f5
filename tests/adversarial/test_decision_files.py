"""The decision reader under hostile .docx files (issue 32): a package that unpacks to far
more than it weighs, a sea of empty paragraphs, a Phụ lục 2 cell merged down over thousands
of rows.  Each is refused or read within seconds and memory bounded, with a Vietnamese
message and nothing written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from mtcl.core.errors import UserError
from mtcl.usecases.decision import MAX_TEXT_BYTES, MAX_UNPACKED_BYTES, blocks, read_decision
from tests.decisions import seed_decision


def _with_plan_merged_down(path: Path, rows: int) -> Path:
    """The seed decision whose plan table gets ``rows`` more rows, the 'Chủ trì' cell of the
    first merged down over all of them (vMerge restart, then continue)."""
    seed_decision(path)
    document = Document(str(path))
    table = document.tables[-1]
    first = None
    for number in range(rows):
        row = table.add_row()
        texts = [str(100 + number), f"Nhiệm vụ thêm số {number + 1}", "" if first else "VP-TK", "", "Tháng 12",
                 "Báo cáo"]
        for cell, text in zip(row.cells, texts):  # before the merge: python-docx recurses up a merge
            cell.text = text
        merge = OxmlElement("w:vMerge")
        if first is None:
            merge.set(qn("w:val"), "restart")
            first = row
        row._tr.tc_lst[2].get_or_add_tcPr().append(merge)
    document.save(str(path))
    return path


def test_a_cell_merged_down_over_two_thousand_rows_is_read_in_linear_time(tmp_path):
    path = _with_plan_merged_down(tmp_path / "qd.docx", 2000)
    found = blocks(path)  # before: 500 rows took 10 s, 1.000 a RecursionError (benchmarks/hostile.py)
    (table,) = [block for block in found if isinstance(block, list) and len(block) > 2000]
    assert [row[2] for row in table[-2000:]] == ["VP-TK"] * 2000  # the merged text in every row it covers


def test_a_merged_cell_repeats_across_its_span_and_down_its_rows(tmp_path):
    document = Document()
    document.add_paragraph("Bảng")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Hai cột"
    table.cell(0, 2).text = "C"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Hai dòng"
    table.cell(1, 1).text, table.cell(1, 2).text = "x", "y"
    table.cell(2, 1).text, table.cell(2, 2).text = "z", "w"
    document.save(str(tmp_path / "b.docx"))
    assert blocks(tmp_path / "b.docx")[1] == [["Hai cột", "Hai cột", "C"], ["Hai dòng", "x", "y"],
                                                ["Hai dòng", "z", "w"]]


def _packed(path: Path, name: str, content: bytes, base: Path) -> Path:
    """``base`` with its part ``name`` replaced by ``content`` (deflated)."""
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item.filename, content if item.filename == name else source.read(item.filename))
        if name not in source.namelist():
            out.writestr(name, content)
    return path


def test_a_package_that_unpacks_to_far_more_than_it_weighs_is_refused_before_it_is_opened(tmp_path):
    base = seed_decision(tmp_path / "qd.docx")
    padding = b"<!--" + b" " * (MAX_UNPACKED_BYTES + 1) + b"-->"
    for name in ("word/document.xml", "word/media/image1.png"):
        bomb = _packed(tmp_path / "bom.docx", name, padding, base)
        assert bomb.stat().st_size < 2_000_000
        with pytest.raises(UserError) as raised:
            blocks(bomb)
        assert "quá lớn khi giải nén" in str(raised.value) and "MB" in str(raised.value)


def test_a_package_that_lies_about_its_sizes_is_refused_too(tmp_path):
    """The sizes a zip's directory states are the package's word, not a proof: a part that
    says 1.000 bytes and unpacks to more is read no further than it said, and refused."""
    base = seed_decision(tmp_path / "qd.docx")
    raw = bytearray(_packed(tmp_path / "bom.docx", "word/document.xml", b" " * (MAX_UNPACKED_BYTES + 10),
                            base).read_bytes())
    header = raw.find(b"word/document.xml", raw.find(b"PK\x01\x02")) - 46  # its entry in the central directory
    assert raw[header:header + 4] == b"PK\x01\x02"
    raw[header + 24:header + 28] = (1000).to_bytes(4, "little")  # the uncompressed size it states
    (tmp_path / "liar.docx").write_bytes(bytes(raw))
    with pytest.raises(UserError) as raised:
        blocks(tmp_path / "liar.docx")
    assert "không đọc được" in str(raised.value) and "Word" in str(raised.value)


def test_a_sea_of_empty_paragraphs_is_read_in_seconds(tmp_path):
    path = seed_decision(tmp_path / "qd.docx")
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml")
    empties = b"<w:p/>" * 100_000  # 600 KB of empty paragraphs
    xml = xml.replace(b"<w:body>", b"<w:body>" + empties, 1)
    sea = _packed(tmp_path / "sea.docx", "word/document.xml", xml, path)
    draft = read_decision(sea, 2023)
    assert len([t for o in draft.objectives for t in o.targets]) == 40  # the seed's 40 targets, still read


def test_a_text_longer_than_any_decision_is_refused_before_it_is_read(tmp_path):
    """A million short paragraphs (34 MB of text, 140 KB packed) took 27 s and 700 MB; the
    text of a decision is refused above 5 MB, what 1,6 s reads."""
    path = seed_decision(tmp_path / "qd.docx")
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml")
    many = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * (MAX_TEXT_BYTES // 34 + 1)
    big = _packed(tmp_path / "big.docx", "word/document.xml", xml.replace(b"<w:body>", b"<w:body>" + many, 1), path)
    with pytest.raises(UserError) as raised:
        blocks(big)
    assert str(raised.value).startswith("phần chữ của ") and "quá lớn khi giải nén" in str(raised.value)
