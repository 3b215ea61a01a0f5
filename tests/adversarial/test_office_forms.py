"""Careless and hostile spreadsheets at the doors of ``mtcl import`` and ``mtcl export``
(issue 32): a file given twice, files that disagree, formulas without their result, a
criterion named by a part of it, another commune's form, text that a spreadsheet would run
as a formula, far cells and a million rows, and the small words around them."""

from __future__ import annotations

import csv
import io
import os
import shutil
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mtcl.files.workbook import MAX_CELLS, MAX_TAGS, MAX_UNPACKED_BYTES
from tests.adversarial.conftest import assert_refused, snapshot
from tests.conftest import replace_in
from tests.processes import measured
from tests.test_sheets import fill, records

SHEET = "xl/worksheets/sheet1.xml"


def make(cli, tmp_path: Path, owner: str, name: str, values: dict) -> Path:
    """A department's form for the six months, filled with ``values``."""
    out = tmp_path / name
    result = cli("form", "--owner", owner, "--period", "h1", "--out", str(out))
    assert result.exit_code == 0, result.output
    fill(out, values)
    return out


@pytest.fixture
def land(cli, tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    return make(cli, tmp_path, "dia chinh", "dc.xlsx", {"4đ": {"Số liệu": 1000}, "4e1": {"Số liệu": 90}})


def patch_part(path: Path, part: str, change) -> None:
    """Rewrite one part of the package with ``change`` (text → text), the rest as it was."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as packed:
        for info in source.infolist():
            data = source.read(info)
            packed.writestr(info, change(data.decode("utf-8")).encode("utf-8") if info.filename == part else data)


def cell_xml(path: Path, place: str, xml: str) -> None:
    """Replace the cell at ``place`` of the form's sheet with ``xml``."""
    def change(text: str) -> str:
        start = text.index(f'<c r="{place}"')
        end = text.index("</c>", start) + 4 if text.find("/>", start) > text.find("</c>", start) else \
            text.index("/>", start) + 2
        return text[:start] + xml + text[end:]

    patch_part(path, SHEET, change)


# One file given twice, files that disagree.

def test_the_same_file_twice_writes_its_figures_once(cli, data_dir, land, tmp_path):
    twice = cli("import", str(land), str(land), "--yes")
    assert twice.exit_code == 0, twice.output
    assert "Tệp dc.xlsx giống hệt tệp dc.xlsx: chỉ đọc một lần." in twice.stdout  # said, not silently dropped
    assert len(records(data_dir)) == 2


def test_a_copy_with_another_name_is_read_once(cli, data_dir, land, tmp_path):
    copy = tmp_path / "dc (1).xlsx"
    shutil.copy(land, copy)
    result = cli("import", str(land), str(copy), "--yes")
    assert result.exit_code == 0 and "Tệp dc (1).xlsx giống hệt tệp dc.xlsx" in result.stdout
    assert len(records(data_dir)) == 2
    later = cli("import", str(copy), "--yes")  # in a later run: already imported
    assert later.exit_code == 0 and "đã nhập ngày" in later.stdout and len(records(data_dir)) == 2


def test_a_file_named_and_in_a_folder_named_is_read_once(cli, data_dir, land, tmp_path):
    result = cli("import", str(tmp_path), str(land), "--yes")
    assert result.exit_code == 0, result.output
    assert len(records(data_dir)) == 2


def test_every_unreadable_file_is_named(cli, data_dir, land, tmp_path):
    for name in ("cu.xls", "cu-2.xls"):
        (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    result = cli("import", str(tmp_path / "cu.xls"), str(tmp_path / "cu-2.xls"), str(land), "--yes")
    assert_refused(result, "cu.xls' là tệp Excel cũ (.xls)", "cu-2.xls' là tệp Excel cũ (.xls)", "các biểu có 2 lỗi")
    assert records(data_dir) == []


def test_files_that_disagree_are_refused(cli, data_dir, land, tmp_path):
    other = tmp_path / "dc-sua.xlsx"
    shutil.copy(land, other)
    fill(other, {"4đ": {"Số liệu": 1100}})
    before = snapshot(data_dir)
    result = cli("import", str(land), str(other), "--yes")
    assert_refused(result, "dc-sua.xlsx!F7: chỉ tiêu 4đ ngày 30/06/2023 đã có số khác ở dc.xlsx!F7; các tệp phải "
                           "thống nhất một số")
    assert snapshot(data_dir) == before
    reverse = cli("import", str(other), str(land), "--yes")  # whichever comes first, never the last wins
    assert_refused(reverse, "dc.xlsx!F7: chỉ tiêu 4đ ngày 30/06/2023 đã có số khác ở dc-sua.xlsx!F7")


def test_an_estimate_and_an_actual_of_one_day_disagree(cli, data_dir, land, tmp_path):
    other = tmp_path / "dc-2.xlsx"
    shutil.copy(land, other)
    fill(other, {"4đ": {"Ước": ""}, "4e1": {"Số liệu": 95}})  # 4đ still 30/06, now typed as not an estimate
    fill(other, {"4e1": {"Số liệu": 90}})
    result = cli("import", str(land), str(other), "--yes")
    assert result.exit_code == 0 and "dc-2.xlsx!F7: cùng số với dc.xlsx!F7; ghi một lần." in result.stdout
    assert len(records(data_dir)) == 2


def test_two_files_with_a_criterion_met_and_not_met_are_refused(cli, data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    first = make(cli, tmp_path, "văn phòng", "vp.xlsx", {"4h": {"Số liệu": "Đạt"}})
    second = tmp_path / "vp-2.xlsx"
    shutil.copy(first, second)
    fill(second, {"4h": {"Số liệu": "Chưa đạt"}})
    assert_refused(cli("import", str(first), str(second), "--yes"), "vp-2.xlsx!F15: chỉ tiêu 4h ngày 30/06/2023 đã "
                                                                      "có số khác ở vp.xlsx!F15")
    assert records(data_dir) == []


# Formulas.

def test_a_formula_without_its_result_is_named_per_cell(cli, data_dir, land):
    cell_xml(land, "F7", '<c r="F7"><f>SUM(1,2)</f></c>')
    cell_xml(land, "H8", '<c r="H8" s="7"><f>DATE(2023,5,31)</f><v></v></c>')
    result = cli("import", str(land), "--yes")
    message = "ô có công thức nhưng tệp không lưu kết quả đã tính"
    assert_refused(result, f"dc.xlsx!F7: {message}", f"dc.xlsx!H8: {message}", "Lỗi: các biểu có 2 lỗi")
    assert records(data_dir) == []


def test_a_formula_with_its_result_is_read(cli, data_dir, land):
    cell_xml(land, "F7", '<c r="F7"><f>SUM(600,400)</f><v>1000</v></c>')
    assert cli("import", str(land), "--yes").exit_code == 0
    assert records(data_dir)[0]["value"] == "1000"


@pytest.mark.parametrize("xml, shown", [
    ('<c r="F7" t="e"><f>1/0</f><v>#DIV/0!</v></c>', "#DIV/0!"),
    ('<c r="F7" t="e"><f>#REF!+1</f><v>#REF!</v></c>', "#REF!"),
    ('<c r="F7" t="inlineStr"><is><t>#DIV/0!</t></is></c>', "#DIV/0!"),  # the error pasted as text
])
def test_an_error_value_is_named_as_one(cli, data_dir, land, xml, shown):
    cell_xml(land, "F7", xml)
    result = cli("import", str(land), "--yes")
    assert_refused(result, f"dc.xlsx!F7: ô có lỗi công thức {shown}; sửa công thức (hoặc gõ thẳng số vào ô)")
    assert " 0" not in result.stderr.split("\n")[0].split(shown)[1]  # never hinted 'ghi … 0'


# Criteria.

def criterion_renamed(cli, tmp_path, monkeypatch, name: str) -> tuple[Path, int]:
    """The office's form with the criterion 'Thu nhập' of 4h written as ``name`` and met:
    the form and its row."""
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    form = make(cli, tmp_path, "văn phòng", "vp.xlsx", {})
    book = load_workbook(form)
    sheet = book.worksheets[0]
    row = [r for r in range(7, sheet.max_row + 1) if str(sheet.cell(r, 2).value).endswith("Thu nhập")][0]
    sheet.cell(row, 2).value = name
    sheet.cell(row, 6).value = "Đạt"
    book.save(form)
    return form, row


@pytest.mark.parametrize("name", ["Tiêu chí nông thôn mới đạt chuẩn: Bình quân thu nhập",
                                  "Tiêu chí nông thôn mới đạt chuẩn: Thu nhập bình quân",
                                  "Thu"])
def test_a_criterion_is_never_matched_by_a_part_of_its_name(cli, data_dir, tmp_path, monkeypatch, name):
    form, row = criterion_renamed(cli, tmp_path, monkeypatch, name)
    result = cli("import", str(form), "--yes")
    assert_refused(result, f"vp.xlsx!B{row}: không rõ '{name}' là tiêu chí nào của chỉ tiêu 4h (Giao thông, Trường "
                           "học, Thu nhập)")
    assert records(data_dir) == []


@pytest.mark.parametrize("name", ["TIÊU CHÍ NÔNG THÔN MỚI ĐẠT CHUẨN: THU NHẬP",
                                  unicodedata.normalize("NFD", "Tiêu chí nông thôn mới đạt chuẩn: Thu nhập"),
                                  "thu  nhập"])
def test_a_criterion_matches_whole_in_any_case_and_unicode_form(cli, data_dir, tmp_path, monkeypatch, name):
    form, _ = criterion_renamed(cli, tmp_path, monkeypatch, name)
    assert cli("import", str(form), "--yes").exit_code == 0
    assert records(data_dir)[0]["item"] == "Thu nhập"


# Whose form.

def test_a_form_made_for_another_commune_is_refused(cli, data_dir, land):
    book = load_workbook(land)
    book["mtcl"]["B7"] = "UBND xã Giang Thủy"
    book.save(land)
    assert_refused(cli("import", str(land), "--yes"), "dc.xlsx: biểu lập cho UBND xã Giang Thủy, không phải UBND xã "
                                                      "Giang Hải; biểu của cơ quan khác không nhập được")
    assert records(data_dir) == []


def test_a_first_version_form_of_another_commune_is_told_by_its_title(cli, data_dir, land):
    book = load_workbook(land)
    book["mtcl"].delete_rows(6, 10)
    book.worksheets[0]["A2"] = "UBND xã Giang Thủy — Đơn vị: Địa chính - Nông nghiệp"
    book.save(land)
    assert_refused(cli("import", str(land), "--yes"), "dc.xlsx: biểu lập cho UBND xã Giang Thủy")


def test_the_same_body_written_another_way_is_the_same(cli, data_dir, land):
    book = load_workbook(land)
    book["mtcl"]["B7"] = unicodedata.normalize("NFD", " ubnd xã  GIANG HẢI ")
    book.save(land)
    assert cli("import", str(land), "--yes").exit_code == 0


# Exported text that a spreadsheet would run.

@pytest.fixture
def formulas_in_plan(data_dir):
    plan = data_dir / "2023" / "plan.yaml"
    work = "short: Theo dõi Dịch vụ công trực tuyến, báo cáo thống kê giải quyết TTHC"
    replace_in(plan, work, "short: '=HYPERLINK(\"http://x.vn\";\"Bấm\") " + work[7:] + "'")
    short = "short: Khảo sát mức độ hài lòng của tổ chức, công dân"
    replace_in(plan, short, "short: '@SUM(1+1) " + short[7:] + "'")
    return plan


def test_exported_xlsx_holds_text_never_a_formula(cli, formulas_in_plan, tmp_path):
    out = tmp_path / "ke-hoach.xlsx"
    assert cli("export", "plan", "--out", str(out)).exit_code == 0
    sheet = load_workbook(out).active
    cells = {c.value: c for row in sheet.iter_rows(min_row=4) for c in row if isinstance(c.value, str)}
    link = next(c for v, c in cells.items() if v.startswith("=HYPERLINK"))
    assert link.data_type == "s" and link.quotePrefix  # what a person reads is the text itself
    timing = next(c for v, c in cells.items() if v.startswith("- Thường xuyên"))
    assert timing.data_type == "s" and timing.quotePrefix
    raw = zipfile.ZipFile(out).read(SHEET).decode()
    assert "<f>" not in raw


def test_exported_csv_marks_formula_text_with_an_apostrophe(cli, formulas_in_plan, tmp_path):
    out = tmp_path / "ke-hoach.csv"
    assert cli("export", "plan", "--out", str(out)).exit_code == 0
    table = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    texts = [cell for row in table for cell in row]
    assert not [t for t in texts if t[:1] in ("=", "+", "-", "@")]
    assert any(t.startswith("'=HYPERLINK(") for t in texts) and any(t.startswith("'- Thường xuyên") for t in texts)
    assert any(t.startswith("'@SUM(1+1)") for t in texts)


def test_exported_csv_keeps_negative_numbers_as_numbers(cli, data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-20")
    assert cli("record", "4c", "43", "--as-of", "31/5/2023").exit_code == 0
    out = tmp_path / "tinh-hinh.csv"
    assert cli("export", "status", "--period", "h1", "--out", str(out)).exit_code == 0
    text = out.read_bytes().decode("utf-8-sig")
    assert ";43;" in text and "'4" not in text


# Far cells and a million rows.

def run_import(data_dir: Path, path: Path) -> tuple[int, str, float, int]:
    """``mtcl import --dry-run`` in its own process: exit code, output, seconds, peak KiB."""
    env = {**os.environ, "MTCL_DATA": str(data_dir), "MTCL_TODAY": "2023-06-10"}
    started = time.monotonic()
    run = measured([sys.executable, "-m", "mtcl", "import", str(path), "--dry-run"], env)
    return run.code, run.stdout + run.stderr, time.monotonic() - started, run.peak_kib


def far_row(text: str, xml: str) -> str:
    return text.replace("</sheetData>", f"{xml}</sheetData>").replace('<dimension ref="A1:K9"/>',
                                                                         '<dimension ref="A1:XFD1048576"/>')


@pytest.mark.parametrize("xml, note", [
    ('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', "bỏ qua từ ô XFD1048576"),
    ('<row r="1048576"><c r="XFD1048576" s="1"/></row>', None),  # only a style: nothing to say
    ('<row r="10"><c r="XFD10" t="inlineStr"><is><t>xa</t></is></c></row>', "bỏ qua từ ô XFD10"),
])
def test_a_far_cell_costs_nothing(data_dir, land, xml, note):
    patch_part(land, SHEET, lambda text: far_row(text, xml))
    assert land.stat().st_size < 20_000
    code, output, seconds, peak = run_import(data_dir, land)
    assert code == 0 and "Traceback" not in output, output
    assert "dc.xlsx!F7" in output and (note is None or note in output)
    assert seconds < 10 and peak < 500 * 1024


def million_rows(path: Path, rows: int, cell: str) -> None:
    """A workbook whose one sheet has ``rows`` rows of ``cell`` (its place written in)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as packed:
        packed.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                                               'package/2006/content-types"/>')
        packed.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                                           'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                                           'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'
                                           '</workbook>')
        packed.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/'
                                                      '2006/relationships"><Relationship Id="rId1" Type="x" '
                                                      'Target="worksheets/sheet1.xml"/></Relationships>')
        with packed.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            for start in range(1, rows + 1, 10_000):
                sheet.write("".join(f'<row r="{n}">{cell.format(n=n)}</row>'
                                    for n in range(start, min(start + 10_000, rows + 1))).encode())
            sheet.write(b"</sheetData></worksheet>")


def test_a_million_rows_are_not_read(data_dir, tmp_path):
    path = tmp_path / "trieu-dong.xlsx"
    million_rows(path, 1_000_000, '<c r="A{n}"><v>{n}</v></c>')
    assert 2_000_000 < path.stat().st_size < 20_000_000
    code, output, seconds, peak = run_import(data_dir, path)
    assert code == 1 and "Traceback" not in output
    assert "không có bảng nào có dòng tiêu đề của biểu mtcl" in output
    assert seconds < 10 and peak < 500 * 1024


def test_what_unpacks_too_large_is_refused_before_it_is_read(data_dir, tmp_path):
    path = tmp_path / "bom.xlsx"
    million_rows(path, MAX_UNPACKED_BYTES // 40 + 1, '<c r="A{n}" t="inlineStr"><is><t>xx</t></is></c>')
    code, output, seconds, peak = run_import(data_dir, path)
    assert code == 1 and "giải nén ra quá lớn" in output and "Traceback" not in output
    assert seconds < 10 and peak < 500 * 1024


def test_a_sheet_of_empty_cells_past_the_columns_is_refused_in_time(data_dir, tmp_path):
    path = tmp_path / "o-trong.xlsx"
    million_rows(path, 2_000, "<c/>" * (MAX_TAGS // 1_500))  # styled cells without a place, far to the right
    code, output, seconds, peak = run_import(data_dir, path)
    assert code == 1 and "có quá nhiều ô, dòng cho một biểu số liệu" in output and "Traceback" not in output
    assert seconds < 10 and peak < 500 * 1024


def ods(path: Path, tables: list[str]) -> None:
    """An OpenDocument spreadsheet of ``tables`` (the XML of each)."""
    names = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
             'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
             'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as packed:
        packed.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        packed.writestr("content.xml", f"<office:document-content {names}><office:body><office:spreadsheet>"
                                       f"{''.join(tables)}</office:spreadsheet></office:body></office:document-content>")


def test_an_ods_row_repeated_a_million_times_is_bounded(data_dir, tmp_path):
    path = tmp_path / "lap-lai.ods"
    row = ('<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated='
           '"16384" office:value-type="float" office:value="1"/></table:table-row>')
    ods(path, [f'<table:table table:name="T{n}">{row}</table:table>' for n in range(40)])
    assert path.stat().st_size < 10_000
    code, output, seconds, peak = run_import(data_dir, path)
    assert code == 1 and f"có quá nhiều ô có dữ liệu cho một biểu số liệu (hơn {MAX_CELLS // 1000}.000 ô)" in output
    assert seconds < 10 and peak < 500 * 1024


def test_an_ods_of_too_many_sheets_is_refused(cli, tmp_path):
    path = tmp_path / "nhieu-trang.ods"
    ods(path, [f'<table:table table:name="T{n}"/>' for n in range(60)])
    assert_refused(cli("import", str(path), "--yes"), "nhieu-trang.ods' có 51 trang tính, quá nhiều cho một biểu")


def test_a_doctype_is_refused(cli, land):
    patch_part(land, SHEET, lambda text: text.replace("<worksheet", '<!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet', 1))
    assert_refused(cli("import", str(land), "--yes"), "tệp có khai báo DOCTYPE")


# The small words.

@pytest.mark.parametrize("year", ["2023", 2023.0, " 2023 "])
def test_a_year_written_as_text_is_the_year(cli, data_dir, land, year):
    book = load_workbook(land)
    book["mtcl"]["B2"] = year
    book.save(land)
    result = cli("import", str(land), "--yes")
    assert result.exit_code == 0, result.output
    assert "không phải năm 2023" not in result.output


def test_a_year_that_is_no_year_is_said_plainly(cli, land):
    book = load_workbook(land)
    book["mtcl"]["B2"] = "năm nay"
    book.save(land)
    assert_refused(cli("import", str(land), "--yes"), "dc.xlsx: trang ẩn 'mtcl' không ghi rõ năm của biểu ('năm nay')")


def dangling(tmp_path: Path, name: str) -> Path:
    link = tmp_path / name
    link.symlink_to(tmp_path / "o-dia-khong-con" / name)
    return link


@pytest.mark.parametrize("args", [["form", "--owner", "dia chinh"], ["export", "status"], ["export", "plan"]])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_out_to_a_link_pointing_nowhere_says_so(cli, tmp_path, args, suffix):
    if args[0] == "form" and suffix == ".csv":
        pytest.skip("a form is .xlsx only")
    link = dangling(tmp_path, f"ra{suffix}")
    for force in ([], ["--force"]):
        result = cli(*args, "--out", str(link), *force)
        assert_refused(result, f"ra{suffix}' là liên kết (symlink) trỏ tới", "nơi không có tệp nào; không ghi")
        assert "đã có" not in result.stderr
