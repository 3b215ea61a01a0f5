"""Figures from the departments in Excel: forms out, filled forms in, tables out — real
.xlsx files written by mtcl, filled with openpyxl as a department would, read back."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mtcl.usecases.forms import HEADERS

HEADER_ROW = 6


def make_form(cli, out: Path, *args: str) -> Path:
    result = cli("form", *args, "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def rows_by_id(sheet) -> dict[str, int]:
    """The row number of each target (the first, for a checklist) in a form."""
    found: dict[str, int] = {}
    for number in range(HEADER_ROW + 1, sheet.max_row + 1):
        value = sheet.cell(number, 1).value
        if value is not None:
            found.setdefault(str(value), number)
    return found


def fill(path: Path, values: dict[str, dict[str, object]], ids: dict[str, str] | None = None) -> None:
    """Fill a form as a department would: by target id, column heading → value; ``ids``
    retypes an id cell (a slip)."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    rows = rows_by_id(sheet)
    for target, cells in values.items():
        for heading, value in cells.items():
            sheet.cell(rows[target], HEADERS.index(heading) + 1, value)
    for old, new in (ids or {}).items():
        sheet.cell(rows[old], 1, new)
    book.save(path)


@pytest.fixture
def forms(cli, data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-20")
    land = make_form(cli, tmp_path / "phong-dc.xlsx", "--owner", "dia chinh", "--period", "h1")
    desk = make_form(cli, tmp_path / "mot-cua.xlsx", "--owner", "một cửa", "--period", "h1")
    return land, desk


def test_a_form_asks_for_what_a_department_reports(forms):
    land, desk = forms
    sheet = load_workbook(land).worksheets[0]
    assert [c.value for c in sheet[HEADER_ROW]] == list(HEADERS)
    assert sheet["A1"].value == "BIỂU SỐ LIỆU MỤC TIÊU CHẤT LƯỢNG NĂM 2023"
    assert sheet["A2"].value == "UBND xã Giang Hải — Đơn vị: Địa chính - Nông nghiệp"
    assert sheet["A3"].value == ("Kỳ: 6 tháng đầu năm 2023 (số liệu đến ngày 30/06/2023). Gửi lại trước ngày "
                                 "25/06/2023.")  # the report was due 15/6: back in five days, never 'today'
    assert list(rows_by_id(sheet)) == ["4đ", "4e1", "4e2"]  # 4e is their sum: never sent
    row = rows_by_id(sheet)["4đ"]
    assert [sheet.cell(row, c).value for c in (2, 3, 4)] == ["Sản lượng lương thực có hạt", "tấn", "1.936,49"]
    assert sheet.protection.sheet and not sheet.protection.password
    locked = {HEADERS[c - 1]: sheet.cell(row, c).protection.locked for c in range(1, len(HEADERS) + 1)}
    assert [h for h, is_locked in locked.items() if not is_locked] == ["Số liệu", "Ngày số liệu", "Ước", "Nguồn",
                                                                       "Ghi chú"]  # no total: not a ratio
    day = sheet.cell(row, HEADERS.index("Ngày số liệu") + 1)
    assert day.value == datetime(2023, 6, 30) and day.number_format == "DD/MM/YYYY"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    meta = load_workbook(land)["mtcl"]
    assert meta.sheet_state == "hidden" and meta["B2"].value == 2023 and meta["B3"].value == "Địa chính - Nông nghiệp"

    ratios = load_workbook(desk).worksheets[0]
    total = ratios.cell(rows_by_id(ratios)["5.2"], HEADERS.index("Tổng số (tỷ lệ)") + 1)
    assert not total.protection.locked and total.number_format == "#,##0"
    lists = {v.formula1: str(v.sqref) for v in ratios.data_validations.dataValidation}
    assert '"x"' in lists and "I7" in lists['"x"']


def test_a_checklist_gets_a_row_per_criterion(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-20")
    sheet = load_workbook(make_form(cli, tmp_path / "vp.xlsx", "--owner", "văn phòng")).worksheets[0]
    names = [sheet.cell(r, 2).value for r in range(HEADER_ROW + 1, sheet.max_row + 1) if sheet.cell(r, 1).value == "4h"]
    assert names == ["Tiêu chí nông thôn mới đạt chuẩn: Giao thông", "Tiêu chí nông thôn mới đạt chuẩn: Trường học",
                     "Tiêu chí nông thôn mới đạt chuẩn: Thu nhập"]
    lists = {v.formula1: str(v.sqref) for v in sheet.data_validations.dataValidation}
    assert len(lists['"Đạt,Chưa đạt"'].split()) == 3


def records(data_dir: Path) -> list[dict]:
    path = data_dir / "2023" / "records.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_the_story_of_two_forms(cli, data_dir, forms):
    land, desk = forms
    fill(land, {"4đ": {"Số liệu": 1002.5, "Ngày số liệu": datetime(2023, 5, 31), "Nguồn": "Báo cáo số 12/BC-ĐC"},
                "4e1": {"Số liệu": "100", "Ngày số liệu": "31/5/2023"},
                "4e2": {"Số liệu": "1.050,5", "Ngày số liệu": datetime(2022, 12, 31)}},  # last year
         ids={"4e1": "4z"})
    fill(desk, {"5.2": {"Số liệu": 1240, "Tổng số (tỷ lệ)": 1250, "Ngày số liệu": datetime(2023, 6, 15)},
                "5.6": {"Số liệu": "43", "Ngày số liệu": datetime(2023, 6, 15)},
                "5.7": {"Số liệu": "96,2", "Ước": "x"},
                "5.3": {"Số liệu": "41,250", "Tổng số (tỷ lệ)": 41250, "Ngày số liệu": datetime(2023, 6, 15)}})

    first = cli("import", str(land), str(desk), "--yes")
    assert first.exit_code == 1 and "Traceback" not in first.output
    errors = first.stderr
    assert "phong-dc.xlsx!A8: không có chỉ tiêu '4z' trong năm 2023" in errors
    assert "phong-dc.xlsx!H9: ngày số liệu 31/12/2022 nằm ngoài năm 2023" in errors
    assert "mot-cua.xlsx!F9: '41,250' không phải số nguyên" in errors  # 5.3 is the third row of the desk's form
    assert "Lỗi: các biểu có 3 lỗi; chưa ghi số liệu nào" in errors
    assert records(data_dir) == []

    fill(land, {"4e2": {"Ngày số liệu": datetime(2023, 5, 31)}}, ids={"4z": "4e1"})
    fill(desk, {"5.3": {"Số liệu": 41250}})
    preview = cli("import", str(land), str(desk), "--dry-run")
    assert preview.exit_code == 0, preview.output
    assert "phong-dc.xlsx!F7" in preview.stdout and "1.002,5 tấn" in preview.stdout
    assert "chưa ghi (bỏ --dry-run để ghi)" in preview.stdout and records(data_dir) == []
    unasked = cli("import", str(land), str(desk))
    assert unasked.exit_code == 1 and "--yes" in unasked.stderr and records(data_dir) == []

    done = cli("import", str(land), str(desk), "--yes", "--by", "Lê Văn Nam")
    assert done.exit_code == 0, done.output
    assert "Đã ghi 7 số liệu từ phong-dc.xlsx, mot-cua.xlsx" in done.stdout
    stored = {r["target"]: r for r in records(data_dir)}
    assert set(stored) == {"4đ", "4e1", "4e2", "5.2", "5.3", "5.6", "5.7"}
    assert stored["4đ"]["value"] == "1002.5" and stored["4đ"]["source"] == "Báo cáo số 12/BC-ĐC"  # exact decimals
    assert stored["4đ"]["file"] == "phong-dc.xlsx" and stored["4đ"]["cell"] == "Biểu số liệu!F7"
    assert len(stored["4đ"]["sha256"]) == 64 and stored["4đ"]["by"] == "Lê Văn Nam"
    assert stored["4e1"]["source"] == "Địa chính - Nông nghiệp"  # the department, when the row names no source
    assert "nhập từ phong-dc.xlsx, ô Biểu số liệu!F7" in cli("history", "4đ").stdout
    assert stored["5.2"]["value"] == "1240" and stored["5.2"]["of"] == "1250"
    assert stored["5.6"]["value"] == "43" and "of" not in stored["5.6"]  # a ratio without its total is a percentage
    assert stored["5.7"]["estimated"] is True and stored["5.7"]["as_of"] == "2023-06-30"
    status = {t["id"]: t for t in json.loads(cli("status", "--json", "--period", "h1").stdout)["targets"]}
    assert status["5.2"]["actual"] == 99.2 and status["4đ"]["actual"] == 1002.5 and status["5.7"]["estimated"]

    again = cli("import", str(land), "--yes")
    assert again.exit_code == 0
    assert re.fullmatch(r"Tệp phong-dc.xlsx đã nhập ngày \d\d/\d\d/\d{4} \(3 số liệu\): không ghi gì thêm.\n",
                        again.stdout)  # the day it was imported (the clock, not the figures' date)
    assert len(records(data_dir)) == 7


def test_a_form_is_for_its_department_and_its_year(cli, data_dir, forms, tmp_path):
    land, _ = forms
    fill(land, {"4đ": {"Số liệu": 900}}, ids={"4đ": "5.2"})
    result = cli("import", str(land), "--yes")
    assert result.exit_code == 1
    assert "phong-dc.xlsx!A7: chỉ tiêu 5.2 do Bộ phận một cửa phụ trách, không thuộc biểu của Địa chính - Nông " \
           "nghiệp" in result.stderr
    book = load_workbook(land)
    book["mtcl"]["B2"] = 2022
    book.save(land)
    result = cli("import", str(land), "--yes")
    assert "phong-dc.xlsx: biểu lập cho năm 2022, không phải năm 2023" in result.stderr
    assert records(data_dir) == []


def test_what_is_not_a_form_is_refused_plainly(cli, tmp_path):
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    result = cli("import", str(old), "--yes")
    assert result.exit_code == 1 and "tệp Excel cũ (.xls) hoặc có đặt mật khẩu" in result.stderr
    text = tmp_path / "so-lieu.xlsx"
    text.write_text("4a;2,9", encoding="utf-8")
    assert "không phải tệp Excel (.xlsx)" in cli("import", str(text), "--yes").stderr
    blank = tmp_path / "trong.xlsx"
    from openpyxl import Workbook

    Workbook().save(blank)
    assert "không có bảng nào có dòng tiêu đề của biểu mtcl" in cli("import", str(blank), "--yes").stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
def test_a_form_saved_again_by_libreoffice_imports_the_same(cli, data_dir, forms, tmp_path):
    land, _ = forms
    fill(land, {"4đ": {"Số liệu": "1.002,5", "Ngày số liệu": datetime(2023, 5, 31)},
                "4e2": {"Số liệu": 300, "Ngày số liệu": datetime(2023, 5, 31), "Ước": "x"}})
    out = tmp_path / "resaved"
    subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(land)], check=True,
                   capture_output=True, timeout=180)
    resaved = out / land.name
    assert resaved.exists()
    assert load_workbook(resaved)["mtcl"].sheet_state == "hidden"
    result = cli("import", str(resaved), "--yes")
    assert result.exit_code == 0, result.output
    stored = {r["target"]: r for r in records(data_dir)}
    assert stored["4đ"]["value"] == "1002.5" and stored["4đ"]["as_of"] == "2023-05-31"
    assert stored["4e2"]["value"] == "300" and stored["4e2"]["estimated"] is True


def test_exports_are_real_cells(cli, data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-20")
    assert cli("record", "5.2", "1240", "--of", "1250", "--as-of", "15/6/2023").exit_code == 0
    assert cli("record", "4đ", "1.002,5", "--as-of", "31/5/2023").exit_code == 0
    out = tmp_path / "tinh-hinh.xlsx"
    assert cli("export", "status", "--period", "h1", "--out", str(out)).exit_code == 0
    sheet = load_workbook(out).active
    headings = [c.value for c in sheet[3]]
    assert headings[:4] == ["Mã chỉ tiêu", "Mục tiêu", "Nhóm", "Chỉ tiêu"]
    rows = {r[0].value: {h: c for h, c in zip(headings, r)} for r in sheet.iter_rows(min_row=4)}
    assert rows["5.2"]["Thực hiện"].value == pytest.approx(99.2)
    # 99,2 / 98 = 101,22…%, rounded by the one rule before it leaves mtcl: 101,2%
    assert rows["5.2"]["Tỷ lệ so với KH"].value == pytest.approx(1.012) and \
        rows["5.2"]["Tỷ lệ so với KH"].number_format == "0.0%"
    assert rows["4đ"]["Ngày số liệu"].value == datetime(2023, 5, 31)
    assert rows["4đ"]["Kế hoạch (số)"].value == pytest.approx(1936.49)
    assert rows["5.2"]["Kế hoạch năm"].value == "trên 98" and rows["5.2"]["Đánh giá"].value == "Đạt"
    assert sheet.freeze_panes == "B4" and sheet.auto_filter.ref.startswith("A3:")
    assert len(rows) == 40

    csv_out = tmp_path / "ke-hoach.csv"
    assert cli("export", "plan", "--out", str(csv_out)).exit_code == 0
    raw = csv_out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:3] == ["Mã nhiệm vụ", "Nhiệm vụ", "Chủ trì"]
    assert any(row[0] == "I.6" and row[6] == "15/06/2023" for row in table[1:])

    actions = tmp_path / "so.xlsx"
    assert cli("export", "actions", "--out", str(actions)).exit_code == 0
    assert load_workbook(actions).active["A3"].value == "Số phiếu"
    assert cli("export", "actions", "--out", str(actions)).exit_code == 1  # never replaced unless asked
    wrong = cli("export", "status", "--format", "csv", "--out", str(tmp_path / "x.xlsx"))
    assert wrong.exit_code == 1 and "không có đuôi .csv" in wrong.stderr
    assert cli("export", "budget").exit_code == 1

