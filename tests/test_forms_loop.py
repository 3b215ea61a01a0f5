"""The department loop on an ordinary timeline (issue 31): forms made on 01/06 for the six
months, filled by the departments, back on 10/06, imported for the report of 15/06 while the
period ends on 30/06 — one form each with the message that goes with them, who has not sent
theirs, forms saved again by another program, columns moved, .ods files, folders and
patterns, and the exported tables that name their body and period."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mtcl.report.sheets import sheet_name
from mtcl.usecases.forms import HEADERS
from tests.test_sheets import HEADER_ROW, fill, records, rows_by_id

SOFFICE = shutil.which("soffice")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here")
FORMS = ["van-phong-thong-ke", "tai-chinh-ke-toan", "dia-chinh-nong-nghiep", "van-hoa-xa-hoi", "bo-phan-mot-cua",
         "thu-ky-iso"]


def libreoffice(path: Path, to: str, folder: Path) -> Path:
    """``path`` opened and saved again by LibreOffice as ``to`` (xlsx, ods, pdf)."""
    subprocess.run([SOFFICE, "--headless", "--convert-to", to, "--outdir", str(folder), str(path)], check=True,
                   capture_output=True, timeout=180)
    saved = folder / f"{path.stem}.{to}"
    assert saved.exists()
    return saved


def form_of(folder: Path, department: str) -> Path:
    return folder / f"bieu-so-lieu-{department}-6-thang-2023.xlsx"


@pytest.fixture
def sent(cli, tmp_path, monkeypatch) -> Path:
    """01/06: one form per department for the six months, in a folder of their own."""
    monkeypatch.setenv("MTCL_TODAY", "2023-06-01")
    folder = tmp_path / "gui"
    folder.mkdir()
    result = cli("form", "--each", "--period", "h1", "--out", str(folder))
    assert result.exit_code == 0, result.output
    return folder


def back(sent: Path, tmp_path: Path, department: str, values: dict, name: str | None = None) -> Path:
    """A form filled by its department and saved under the name it comes back with."""
    returned = tmp_path / "nhan" / (name or f"{department}.xlsx")
    returned.parent.mkdir(exist_ok=True)
    shutil.copy(form_of(sent, department), returned)
    fill(returned, values)
    return returned


def test_the_ordinary_timeline_imports_with_no_error(cli, data_dir, sent, tmp_path, monkeypatch):
    assert sorted(p.name for p in sent.iterdir()) == sorted(
        [f"bieu-so-lieu-{d}-6-thang-2023.xlsx" for d in FORMS] + ["loi-nhan-gui-bieu-6-thang-2023.txt"])
    sheet = load_workbook(form_of(sent, "dia-chinh-nong-nghiep")).worksheets[0]
    assert sheet["A3"].value == ("Kỳ: 6 tháng đầu năm 2023 (số liệu đến ngày 30/06/2023). Gửi lại trước ngày "
                                 "10/06/2023.")  # five days before the report of 15/06
    assert "số liệu đến ngày 30/06/2023 là số ước thực hiện" in sheet["A4"].value
    row = rows_by_id(sheet)["4đ"]
    assert sheet.cell(row, HEADERS.index("Ước") + 1).value == '=IF(H7=DATE(2023,6,30),"x","")'

    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep",
                {"4đ": {"Số liệu": "1.002,5"},  # the date left as it came: an estimate to 30/06
                 "4e1": {"Số liệu": 90, "Ngày số liệu": datetime(2023, 5, 31)},  # an actual figure to 31/05
                 "4e2": {"Số liệu": 300, "Ngày số liệu": datetime(2023, 5, 31), "Ước": "x"}})  # typed: an estimate
    desk = back(sent, tmp_path, "bo-phan-mot-cua", {"5.2": {"Số liệu": 1240, "Tổng số (tỷ lệ)": 1250}})
    result = cli("import", str(land), str(desk), "--yes")
    assert result.exit_code == 0, result.output
    stored = {r["target"]: r for r in records(data_dir)}
    assert (stored["4đ"]["as_of"], stored["4đ"]["estimated"]) == ("2023-06-30", True)
    assert (stored["4e1"]["as_of"], stored["4e1"].get("estimated", False)) == ("2023-05-31", False)
    assert (stored["4e2"]["as_of"], stored["4e2"]["estimated"]) == ("2023-05-31", True)
    assert (stored["5.2"]["as_of"], stored["5.2"]["estimated"]) == ("2023-06-30", True)
    assert stored["4đ"]["form"].startswith("BM-") and stored["4đ"]["cell"] == "Biểu số liệu!F7"

    monkeypatch.setenv("MTCL_TODAY", "2023-06-15")
    report = cli("report", "--period", "h1", "--format", "md", "--out", str(tmp_path / "bc.md"))
    assert report.exit_code == 0, report.output


def test_a_date_still_to_come_is_an_estimate_only_at_the_period_end(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep",
                {"4đ": {"Số liệu": 1000, "Ước": None},  # the mark cleared, the date still 30/06: still an estimate
                 "4e1": {"Số liệu": 90, "Ngày số liệu": datetime(2023, 6, 25)}})  # a later day than today: a slip
    result = cli("import", str(land), "--yes")
    assert result.exit_code == 1
    assert "dia-chinh-nong-nghiep.xlsx!H8: ngày số liệu 25/06/2023 chưa tới; số ước thực hiện thì ghi 'x' ở cột " \
           "Ước" in result.stderr
    fill(land, {"4e1": {"Ngày số liệu": datetime(2023, 6, 9)}})
    assert cli("import", str(land), "--yes").exit_code == 0
    stored = {r["target"]: r for r in records(data_dir)}
    assert stored["4đ"]["estimated"] is True and stored["4đ"]["as_of"] == "2023-06-30"
    assert stored["4e1"].get("estimated", False) is False


@needs_libreoffice
def test_the_timeline_through_libreoffice(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep",
                {"4đ": {"Số liệu": "1.002,5"}, "4e1": {"Số liệu": 90, "Ngày số liệu": datetime(2023, 5, 31)}})
    saved = libreoffice(land, "xlsx", tmp_path / "lo")
    sheet = load_workbook(saved, data_only=True).worksheets[0]
    assert [sheet.cell(r, HEADERS.index("Ước") + 1).value for r in (7, 8)] == ["x", None]  # computed on the way
    result = cli("import", str(saved), "--yes")
    assert result.exit_code == 0, result.output
    stored = {r["target"]: r for r in records(data_dir)}
    assert stored["4đ"]["estimated"] is True and stored["4e1"].get("estimated", False) is False
    picture = libreoffice(form_of(sent, "dia-chinh-nong-nghiep"), "pdf", tmp_path / "pdf")
    assert picture.read_bytes().startswith(b"%PDF")


def test_checks_refuse_with_a_vietnamese_message(sent):
    sheet = load_workbook(form_of(sent, "van-phong-thong-ke")).worksheets[0]
    checks = {v.promptTitle: v for v in sheet.data_validations.dataValidation}
    assert set(checks) == {"Cột Ước", "Tiêu chí", "Ngày số liệu"}
    for check in checks.values():
        assert check.showErrorMessage and check.errorStyle == "stop" and check.showInputMessage
        assert check.error and check.errorTitle == check.promptTitle
    assert checks["Cột Ước"].formula1 == '"x"'
    assert checks["Cột Ước"].error == "Chỉ ghi x (số ước thực hiện) hoặc để trống."
    assert checks["Tiêu chí"].formula1 == '"Đạt,Chưa đạt"' and len(str(checks["Tiêu chí"].sqref).split()) == 3
    day = checks["Ngày số liệu"]
    # Day numbers as spreadsheets count them: 01/01/2023 and 31/12/2023, whatever the program's language.
    assert (day.type, day.operator, day.formula1, day.formula2) == ("date", "between", "44927", "45291")
    assert "trong năm 2023" in day.error


@needs_libreoffice
def test_checks_survive_libreoffice(sent, tmp_path):
    saved = libreoffice(form_of(sent, "van-phong-thong-ke"), "xlsx", tmp_path / "lo")
    checks = load_workbook(saved).worksheets[0].data_validations.dataValidation
    assert len(checks) == 3 and all(c.showErrorMessage and c.errorStyle == "stop" and c.error for c in checks)
    ods = libreoffice(form_of(sent, "van-phong-thong-ke"), "ods", tmp_path / "ods")
    content = zipfile.ZipFile(ods).read("content.xml").decode()
    assert len(re.findall('<table:error-message table:message-type="stop" table:title="[^"]+" table:display="true">',
                          content)) == 3
    assert "Ngày số liệu phải là một ngày trong năm 2023" in content


@pytest.mark.parametrize("today, due", [
    ("2023-06-12", "14/06/2023"),  # after the return date: the day before the report
    ("2023-06-14", "19/06/2023"),  # the day before the report: a few days on
    ("2023-06-20", "25/06/2023"),  # after the report: a few days on
    ("2023-05-20", "10/06/2023"),
])
def test_a_form_made_late_never_asks_for_today(cli, tmp_path, monkeypatch, today, due):
    monkeypatch.setenv("MTCL_TODAY", today)
    result = cli("form", "--owner", "dia chinh", "--period", "h1", "--out", str(tmp_path / "dc.xlsx"))
    assert result.exit_code == 0 and f"gửi lại trước ngày {due}" in result.stdout


def test_a_form_saved_again_writes_no_duplicates(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep",
                {"4đ": {"Số liệu": 1000}, "4e1": {"Số liệu": 90}, "4e2": {"Số liệu": 300}})
    assert cli("import", str(land), "--yes").exit_code == 0
    assert len(records(data_dir)) == 3
    book = load_workbook(land)  # opened, a column widened, saved again: other bytes, the same figures
    book.worksheets[0].column_dimensions["B"].width = 60
    book.save(land)
    again = cli("import", str(land), "--yes")
    assert again.exit_code == 0, again.output
    assert "3 số liệu đã nhập trước đây từ cùng ô, cùng số: không ghi lại" in again.stdout
    assert len(records(data_dir)) == 3
    fill(land, {"4e2": {"Số liệu": 320}})  # one figure corrected: only it is written
    corrected = cli("import", str(land), "--yes")
    assert "Đã ghi 1 số liệu" in corrected.stdout and "300 tấn" in corrected.stdout  # what it replaces
    assert [r["value"] for r in records(data_dir)] == ["1000", "90", "300", "320"]


def test_a_withdrawn_figure_stays_withdrawn_when_its_form_comes_again(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep", {"4đ": {"Số liệu": 100}, "4e1": {"Số liệu": 90}})
    assert cli("import", str(land), "--yes").exit_code == 0
    wrong = records(data_dir)[0]["ref"]
    assert cli("void", wrong, "--reason", "nhầm đơn vị tính").exit_code == 0
    book = load_workbook(land)
    book.worksheets[0].column_dimensions["B"].width = 60
    book.save(land)
    assert cli("import", str(land), "--yes").exit_code == 0
    assert len(records(data_dir)) == 2


@needs_libreoffice
def test_a_form_saved_again_by_libreoffice_writes_no_duplicates(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep", {"4đ": {"Số liệu": "1.002,5"}, "4e1": {"Số liệu": 90}})
    assert cli("import", str(land), "--yes").exit_code == 0
    saved = libreoffice(land, "xlsx", tmp_path / "lo")
    assert saved.read_bytes() != land.read_bytes()
    again = cli("import", str(saved), "--yes")
    assert again.exit_code == 0 and "2 số liệu đã nhập trước đây" in again.stdout
    assert len(records(data_dir)) == 2


def move_columns(path: Path, order: list[str], insert_number: bool = False) -> None:
    """The form's table rewritten with its columns in ``order`` (headings), after a 'STT'
    column numbering the rows when asked: what a department's own layout looks like."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    sheet.protection.sheet = False
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=HEADER_ROW)]
    headings = rows[0]
    for number, row in enumerate(rows, start=HEADER_ROW):
        values = [row[headings.index(h)] for h in order]
        if insert_number:
            values = ["STT" if number == HEADER_ROW else number - HEADER_ROW] + values
        for column in range(1, 20):
            sheet.cell(number, column).value = values[column - 1] if column <= len(values) else None
    book.save(path)


def test_columns_are_read_by_their_heading(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep",
                {"4đ": {"Số liệu": 1000, "Nguồn": "BC 12"}, "4e1": {"Số liệu": 90, "Ngày số liệu": "31/5/2023"}})
    swapped = list(HEADERS)
    swapped[5], swapped[7] = swapped[7], swapped[5]  # Ngày số liệu before Số liệu
    move_columns(land, swapped[::-1], insert_number=True)  # every column reversed, after a STT column
    result = cli("import", str(land), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "dia-chinh-nong-nghiep.xlsx!E7" in result.stdout, result.stdout  # STT, Ghi chú, Nguồn, Ước, Số liệu
    assert cli("import", str(land), "--yes").exit_code == 0
    stored = {r["target"]: r for r in records(data_dir)}
    assert stored["4đ"]["value"] == "1000" and stored["4đ"]["source"] == "BC 12"
    assert stored["4e1"]["as_of"] == "2023-05-31"


@pytest.mark.parametrize("heading, message", [
    ("Ngày", "dòng tiêu đề 6 không có cột 'Ngày số liệu'"),
    ("Số liệu", "dòng tiêu đề 6 có hai cột 'Số liệu'; xóa một cột"),
])
def test_a_form_whose_headings_cannot_be_matched_names_them(cli, data_dir, sent, tmp_path, monkeypatch, heading,
                                                             message):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep", {"4đ": {"Số liệu": 1000}})
    book = load_workbook(land)
    book.worksheets[0].cell(HEADER_ROW, HEADERS.index("Ngày số liệu") + 1).value = heading
    book.save(land)
    result = cli("import", str(land), "--yes")
    assert result.exit_code == 1 and f"dia-chinh-nong-nghiep.xlsx!Biểu số liệu: {message}" in result.stderr
    assert records(data_dir) == []


def test_optional_columns_may_go(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep", {"4đ": {"Số liệu": 1000}})
    move_columns(land, ["Mã chỉ tiêu", "Chỉ tiêu", "Số liệu", "Ngày số liệu"])  # the shown ones and Ước dropped
    assert cli("import", str(land), "--yes").exit_code == 0
    assert records(data_dir)[0]["estimated"] is True  # 30/06 is still to come: an estimate


@needs_libreoffice
def test_an_ods_form_is_read(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep",
                {"4đ": {"Số liệu": "1.002,5"}, "4e1": {"Số liệu": 90, "Ngày số liệu": datetime(2023, 5, 31)}})
    ods = libreoffice(land, "ods", tmp_path / "ods")
    result = cli("import", str(ods), "--yes")
    assert result.exit_code == 0, result.output
    stored = {r["target"]: r for r in records(data_dir)}
    assert stored["4đ"]["value"] == "1002.5" and stored["4đ"]["estimated"] is True
    assert stored["4e1"]["as_of"] == "2023-05-31" and stored["4đ"]["file"] == "dia-chinh-nong-nghiep.ods"
    desk = back(sent, tmp_path, "bo-phan-mot-cua", {"5.7": {"Số liệu": 0.962}})
    book = load_workbook(desk)
    book.worksheets[0].cell(rows_by_id(book.worksheets[0])["5.7"], 6).number_format = "0.0%"
    book.save(desk)
    percent = cli("import", str(libreoffice(desk, "ods", tmp_path / "ods")), "--dry-run")
    assert percent.exit_code == 0 and "ước 96,2%" in percent.stdout  # a percent cell read as LibreOffice shows it


def test_what_is_neither_xlsx_nor_ods_is_refused_plainly(cli, tmp_path):
    odt = tmp_path / "van-ban.ods"
    with zipfile.ZipFile(odt, "w") as packed:
        packed.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        packed.writestr("content.xml", "<x/>")
    result = cli("import", str(odt), "--yes")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "van-ban.ods' là tệp nén nhưng không phải bảng tính Excel (.xlsx) hay LibreOffice (.ods)" in result.stderr


def test_import_takes_a_folder_and_a_pattern(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    back(sent, tmp_path, "dia-chinh-nong-nghiep", {"4đ": {"Số liệu": 1000}}, name="a1-dc.xlsx")
    back(sent, tmp_path, "bo-phan-mot-cua", {"5.7": {"Số liệu": 96}}, name="a10-mc.xlsx")
    back(sent, tmp_path, "van-hoa-xa-hoi", {"4l": {"Số liệu": 4}}, name="b-vh.xlsx")
    (tmp_path / "nhan" / "~$a1-dc.xlsx").write_bytes(b"owner file Excel leaves beside an open workbook")
    (tmp_path / "nhan" / "ghi-chu.txt").write_text("không phải biểu", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    pattern = cli("import", "nhan/a1*.xlsx", "--dry-run")  # as a Windows shell passes it: unexpanded
    assert pattern.exit_code == 0, pattern.output
    assert "a1-dc.xlsx!F7" in pattern.stdout and "a10-mc.xlsx" in pattern.stdout and "b-vh" not in pattern.stdout
    folder = cli("import", "nhan", "--yes")
    assert folder.exit_code == 0, folder.output
    assert "Đã ghi 3 số liệu từ a1-dc.xlsx, a10-mc.xlsx, b-vh.xlsx" in folder.stdout
    nothing = cli("import", "nhan/z*.xlsx", "--yes")
    assert nothing.exit_code == 1 and "không có tệp .xlsx hay .ods nào khớp mẫu 'nhan/z*.xlsx'" in nothing.stderr
    (tmp_path / "trong").mkdir()
    empty = cli("import", "trong", "--yes")
    assert empty.exit_code == 1 and "thư mục 'trong' không có biểu nào (.xlsx, .ods)" in empty.stderr


def test_one_form_per_department_with_its_message(sent):
    message = (sent / "loi-nhan-gui-bieu-6-thang-2023.txt").read_bytes().decode("utf-8-sig")
    assert message.startswith("Kính gửi: các ngành, bộ phận của UBND xã Giang Hải.\r\n")
    assert ("Để tổng hợp kết quả thực hiện Mục tiêu chất lượng 6 tháng đầu năm 2023 (báo cáo trước ngày 15/06/2023), "
            "xin gửi kèm biểu số liệu của từng ngành. Đề nghị các ngành điền số liệu vào các ô nền trắng và gửi lại "
            "trước ngày 10/06/2023.") in message
    assert "- Địa chính - Nông nghiệp (3 chỉ tiêu): bieu-so-lieu-dia-chinh-nong-nghiep-6-thang-2023.xlsx" in message
    assert "- Văn phòng - Thống kê (14 chỉ tiêu, 16 dòng): " in message  # 4h asks for three criteria
    assert message.rstrip().endswith("Xin cảm ơn.\r\nNguyễn Thị Thu")
    meta = load_workbook(form_of(sent, "tai-chinh-ke-toan"))["mtcl"]
    values = {row[0].value: row[1].value for row in meta.iter_rows()}
    assert values["Đơn vị"] == "Tài chính - Kế toán" and values["Cơ quan"] == "UBND xã Giang Hải"
    assert values["Phiên bản biểu"] == 2 and values["Mã biểu"].startswith("BM-") and values["Kỳ"] == "h1"


def test_each_and_owner_do_not_mix(cli, tmp_path):
    result = cli("form", "--each", "--owner", "dia chinh")
    assert result.exit_code == 1 and "chỉ dùng một trong hai: --each" in result.stderr
    missing = cli("form", "--each", "--out", str(tmp_path / "khong-co"))
    assert missing.exit_code == 1 and "với --each, --out là thư mục" in missing.stderr


def test_who_has_not_returned(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep", {"4đ": {"Số liệu": 1000}, "4e1": {"Số liệu": 90},
                                                          "4e2": {"Số liệu": 300}})
    desk = back(sent, tmp_path, "bo-phan-mot-cua", {"5.2": {"Số liệu": 1240, "Tổng số (tỷ lệ)": 1250}})
    assert cli("import", str(land), str(desk), "--yes").exit_code == 0
    assert cli("record", "4a", "2,9", "--as-of", "31/5/2023").exit_code == 0  # sent by telephone, typed
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    shown = cli("form", "--status")
    assert shown.exit_code == 0, shown.output
    lines = {line.split()[0]: line for line in shown.stdout.splitlines() if line.strip().startswith("BM-")}
    assert len(lines) == 6
    by_owner = {json_row["owner"]: json_row for json_row in json.loads(cli("form", "--status", "--json").stdout)}
    assert by_owner["Địa chính - Nông nghiệp"]["state"] == "Đã đủ"
    assert by_owner["Địa chính - Nông nghiệp"]["files"] == ["dia-chinh-nong-nghiep.xlsx"]
    assert by_owner["Bộ phận một cửa"]["state"] == "Thiếu 6/7 chỉ tiêu, quá hạn 2 ngày"
    assert by_owner["Bộ phận một cửa"]["missing"] == ["5.1", "5.3", "5.4", "5.5", "5.6", "5.7"]
    assert by_owner["Tài chính - Kế toán"]["received"] == ["4a"]  # typed, not imported: still received
    assert by_owner["Thư ký ISO"]["state"] == "Chưa gửi lại, quá hạn 2 ngày"
    assert by_owner["Thư ký ISO"]["return_by"] == "2023-06-10" and by_owner["Thư ký ISO"]["late_days"] == 2
    assert "1/6 biểu đã đủ số liệu; quá hạn: " in shown.stdout and "Thư ký ISO" in shown.stdout
    assert cli("form", "--status", "--period", "q1").stdout.startswith("Chưa lập biểu nào cho quý I năm 2023")


def test_a_form_made_again_replaces_the_earlier_in_the_list(cli, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-05")
    again = cli("form", "--owner", "dia chinh", "--period", "h1", "--out", str(tmp_path / "lai.xlsx"))
    assert again.exit_code == 0
    rows = json.loads(cli("form", "--status", "--json").stdout)
    land = [r for r in rows if r["owner"] == "Địa chính - Nông nghiệp"]
    assert len(rows) == 6 and len(land) == 1 and land[0]["made_on"] == "2023-06-05" and land[0]["file"] == "lai.xlsx"


def test_a_form_of_the_first_version_still_imports(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep", {"4đ": {"Số liệu": 1000}, "4e1": {"Số liệu": 90}})
    book = load_workbook(land)  # as the forms of version 1 were: five keys, no formula in Ước
    book["mtcl"].delete_rows(6, 10)
    for row in (7, 8, 9):
        book.worksheets[0].cell(row, HEADERS.index("Ước") + 1).value = None
    book.save(land)
    result = cli("import", str(land), "--yes")
    assert result.exit_code == 0, result.output
    stored = {r["target"]: r for r in records(data_dir)}
    assert stored["4đ"]["estimated"] is True and "form" not in stored["4đ"]  # 30/06 to come: an estimate


def test_a_form_of_a_later_version_is_refused(cli, data_dir, sent, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-10")
    land = back(sent, tmp_path, "dia-chinh-nong-nghiep", {"4đ": {"Số liệu": 1000}})
    book = load_workbook(land)
    book["mtcl"]["B6"] = 3
    book.save(land)
    result = cli("import", str(land), "--yes")
    assert result.exit_code == 1
    assert "biểu có phiên bản '3', bản mtcl này đọc được biểu phiên bản 1 đến 2; cập nhật mtcl" in result.stderr


def test_exports_name_their_body_and_period(cli, data_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-20")
    assert cli("record", "5.2", "1240", "--of", "1250", "--as-of", "15/6/2023").exit_code == 0
    reports = data_dir.parent / "reports" / "2023"
    first = cli("export", "status", "--period", "h1")
    second = cli("export", "status", "--period", "q1")  # another period: another file, not refused
    plan = cli("export", "plan", "--format", "csv")
    assert first.exit_code == second.exit_code == plan.exit_code == 0, (first.output, second.output, plan.output)
    assert sorted(p.name for p in reports.iterdir()) == [
        "ke-hoach-den-20-06-2023-ubnd-xa-giang-hai.csv", "tinh-hinh-chi-tieu-6-thang-2023-ubnd-xa-giang-hai.xlsx",
        "tinh-hinh-chi-tieu-quy-1-2023-ubnd-xa-giang-hai.xlsx"]
    book = load_workbook(reports / "tinh-hinh-chi-tieu-6-thang-2023-ubnd-xa-giang-hai.xlsx")
    assert book.sheetnames == ["Chỉ tiêu"]
    assert book.active["A1"].value == "Thực hiện MTCL năm 2023 đến ngày 30/06/2023"
    assert book.active["A2"].value == "UBND xã Giang Hải"
    out = tmp_path / "tinh-hinh.csv"
    assert cli("export", "status", "--period", "h1", "--out", str(out)).exit_code == 0
    table = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert table[0][-2:] == ["Cơ quan", "Ngày đánh giá"]
    assert {tuple(row[-2:]) for row in table[1:]} == {("UBND xã Giang Hải", "30/06/2023")}


@pytest.mark.parametrize("title, taken, name", [
    ("Thực hiện MTCL năm 2023 đến ngày 30/06/2023", [], "Thực hiện MTCL năm 2023 đến"),
    ("Sổ theo dõi hành động khắc phục", ["Sổ theo dõi hành động khắc phục"], "Sổ theo dõi hành động khắc (2)"),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn: xã A/B", [], "Tỷ lệ hồ sơ giải quyết đúng"),
    ("Chỉ-tiêu-rất-dài-không-có-dấu-cách-nào-cả", [], "Chỉ-tiêu-rất-dài-không-có-dấu-c"),
])
def test_sheet_tabs_keep_whole_words(title, taken, name):
    assert sheet_name(title, taken) == name and len(name) <= 31
