"""The level above: one overview of many bodies' folders, of different shapes — a commune
with figures, one without, a ward with a previous year, a body's own repository, a broken one
— each body counted once, none left out in silence."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.conftest import REPO, replace_in

CATALOGUE = """\
issuer:
  unit: Tỉnh Ninh Bình
  place: Ninh Bình
report:
  signer_title: Chủ tịch
  recipients: [Bộ Nội vụ, Sở Khoa học và Công nghệ]
  archive: VT, NV
indicators:
  - code: TTHC_DUNG_HAN
    name: Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn
    unit: "%"
  - code: HAI_LONG
    name: Mức độ hài lòng của người dân
    unit: "%"
"""
LINE = ('{"target":"5.2","as_of":"2023-06-20","value":"990","of":"1000","estimated":false,'
        '"by":"x","recorded_at":"2023-06-21T01:00:00Z"}\n')


def mark(folder: Path, year: str, target: str, code: str) -> None:
    """Name a target's shared indicator, as each body does in its objectives.yaml."""
    replace_in(folder / year / "objectives.yaml", f'      - id: "{target}"\n',
               f'      - id: "{target}"\n        indicator: {code}\n')


def commune(root: Path, folder: str, unit: str, source: Path = REPO / "examples", records: bool = True) -> Path:
    """A commune's data folder: a copy of ``source`` named ``unit`` in its objectives.yaml."""
    ignored = ("*.lock",) if records else ("*.jsonl", "*.lock")
    shutil.copytree(source, root / folder, ignore=shutil.ignore_patterns(*ignored))
    replace_in(root / folder / "2023" / "objectives.yaml", "unit: Xã Giang Hải", f"unit: {unit}")
    return root / folder


@pytest.fixture
def province(tmp_path: Path) -> Path:
    return build_province(tmp_path)


def build_province(tmp_path: Path) -> Path:
    """Five bodies as a province receives them: the example, an empty commune, a ward, one
    in a 'data' folder with a damaged line, and one whose plan is broken by hand."""
    root = tmp_path / "ninh-binh"
    shutil.copytree(REPO / "examples", root / "giang-hai", ignore=shutil.ignore_patterns("*.lock"))
    commune(root, "giao-lac", "Xã Giao Lạc", REPO / "data", records=False)
    shutil.copytree(REPO / "tests" / "data" / "ward", root / "hoa-minh", ignore=shutil.ignore_patterns("*.lock"))
    commune(root, "giao-thien/data", "Xã Giao Thiện")
    commune(root, "giao-an", "Xã Giao An", REPO / "data", records=False)
    for folder in ("giang-hai", "giao-lac", "giao-thien/data"):
        mark(root / folder, "2023", "5.2", "TTHC_DUNG_HAN")
        mark(root / folder, "2023", "5.7", "HAI_LONG")
    mark(root / "hoa-minh", "2023", "3.1", "TTHC_DUNG_HAN")
    replace_in(root / "giao-an" / "2023" / "plan.yaml", "    tasks:\n", "    tasks:\n  - :\n")  # broken by hand
    with (root / "giao-thien" / "data" / "2023" / "records.jsonl").open("a", encoding="utf-8") as out:
        out.write(LINE)
    (root / "indicators.yaml").write_text(CATALOGUE, encoding="utf-8")
    return root


@pytest.fixture
def june(monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    monkeypatch.setenv("COLUMNS", "120")


def bodies_of(result) -> dict[str, dict]:
    return {b["folder"].split("ninh-binh/")[1]: b for b in json.loads(result.stdout)["bodies"]}


def test_the_overview_of_five_bodies(cli, province, june):
    result = cli("rollup", str(province), "--period", "h1", "--json")
    assert result.exit_code == 1 and "Lỗi: 1/5 đơn vị không đọc được dữ liệu: UBND xã Giao An." in result.stderr
    found = json.loads(result.stdout)
    assert found["year"] == 2023 and found["as_of"] == "2023-06-30" and found["since"] == "2023-04-01"
    bodies = bodies_of(result)
    assert list(bodies) == ["giang-hai", "giao-an", "giao-lac", "giao-thien/data", "hoa-minh"]
    example = bodies["giang-hai"]
    assert example["name"] == "UBND xã Giang Hải" and example["decision"] == "27/QĐ-UBND ngày 01/02/2023"
    assert example["targets"]["total"] == 40 and example["targets"]["met"] == 11 and example["targets"]["no_data"] == 14
    assert example["actions"] == {"open": 1, "overdue": 0} and example["as_of"] == "2023-06-30"
    assert example["internal_audit"] is False and example["management_review"] is False
    assert example["state"] == "counted" and example["rank"] == 1 and example["sent"] is True
    empty = bodies["giao-lac"]
    assert empty["targets"]["no_data"] == 40 and empty["targets"]["met"] == 0 and empty["stale"] == 0
    assert empty["sent"] is False and len(empty["missing"]) == 40 and empty["latest"] is None
    broken = bodies["giao-an"]
    assert broken["name"] == "UBND xã Giao An" and broken["targets"] == {} and broken["year"] is None
    assert broken["state"] == "failed" and "giao-an/2023/plan.yaml:33:5: thụt lề không đều" in broken["error"]
    ward = bodies["hoa-minh"]
    assert ward["error"] is None and ward["year"] == 2023 and ward["years"] == [2023, 2024]
    assert ward["name"] == "UBND phường Hòa Minh" and ward["targets"]["total"] == 7

    on_time, satisfied = found["indicators"]
    assert on_time["code"] == "TTHC_DUNG_HAN"
    assert [(b["name"], b["actual"]) for b in on_time["bodies"]] == [
        ("UBND xã Giang Hải", 99.2), ("UBND xã Giao Thiện", 99), ("UBND xã Giao Lạc", None),
        ("UBND phường Hòa Minh", None)]  # the best first, the bodies without a figure last
    assert on_time["median"] == 99.1
    assert [(b["name"], b["actual"]) for b in satisfied["bodies"]][:2] == [
        ("UBND xã Giang Hải", 96.2), ("UBND xã Giao Thiện", 96.2)]
    assert found["failed"] == 1 and found["set_aside"] == []


def test_the_table_names_every_body_and_the_broken_one(cli, province, june):
    result = cli("rollup", str(province), "--period", "h1")
    assert result.exit_code == 1
    table = result.stdout
    for name in ("UBND xã Giang Hải", "UBND xã Giao Lạc", "UBND xã Giao Thiện", "UBND phường Hòa Minh",
                 "UBND xã Giao An"):
        assert name in table
    assert "27/QĐ-UBND" in table and "15/QĐ-UBND" in table and "không đọc được dữ liệu" in table
    assert "ĐGNB, XXLĐ: đánh giá nội bộ, xem xét của lãnh đạo" in " ".join(table.split())
    assert "TTHC_DUNG_HAN: Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn (%)" in table
    assert "Trung vị:" in table
    assert "UBND xã Giao An (" in table.split("Trung vị:")[-1] and "plan.yaml:" in table


def test_every_folder_given_is_counted_or_listed_with_its_reason(cli, province, june, tmp_path):
    """22 entries received: 20 communes, a folder of documents and an empty one; 20 counted,
    the two others listed with why (wrong today: dropped without a word)."""
    root = tmp_path / "tinh"
    for number in range(20):
        commune(root, f"xa-{number:02d}", f"Xã Số {number}", REPO / "data", records=False)
    (root / "van-ban" / "2023").mkdir(parents=True)
    (root / "van-ban" / "2023" / "bao-cao.docx").write_bytes(b"PK")
    (root / "moi-tao").mkdir()
    result = cli("rollup", str(root), "--period", "h1", "--json")
    found = json.loads(result.stdout)
    assert len(found["bodies"]) == 20 and all(b["state"] == "counted" for b in found["bodies"])
    reasons = {entry["folder"].split("tinh/")[1]: entry["reason"] for entry in found["set_aside"]}
    assert reasons == {"moi-tao": "thư mục trống",
                       "van-ban": "không có thư mục năm (như 2023/) có tệp của mtcl, hay gói .zip nào"}
    assert result.exit_code == 1 and "Lỗi: 2 thư mục, gói không tổng hợp được" in result.stderr
    screen = cli("rollup", str(root), "--period", "h1").stdout
    assert "Không tổng hợp:" in screen and "moi-tao: thư mục trống" in screen


def test_a_copied_folder_is_one_body_and_the_newer_is_used(cli, province, june):
    """'giao-thien (1)' is the same commune as its folder says: counted once, the copy with
    the later line used, and both named (wrong today: ranked twice)."""
    copy = province / "giao-thien (1)"
    shutil.copytree(province / "giao-thien", copy)
    with (copy / "data" / "2023" / "records.jsonl").open("a", encoding="utf-8") as out:
        out.write(LINE.replace("2023-06-21T01:00:00Z", "2023-06-24T03:00:00Z").replace('"990"', '"995"'))
    result = cli("rollup", str(province), "--period", "h1", "--json")
    bodies = bodies_of(result)
    assert "giao-thien/data" not in bodies and bodies["giao-thien (1)/data"]["name"] == "UBND xã Giao Thiện"
    assert [b["name"] for b in json.loads(result.stdout)["bodies"]].count("UBND xã Giao Thiện") == 1
    aside = json.loads(result.stdout)["set_aside"]
    assert len(aside) == 1 and aside[0]["benign"] and aside[0]["folder"].endswith("giao-thien/data")
    assert aside[0]["reason"] == ("bản cũ hơn của UBND xã Giao Thiện (ghi lần cuối 21/06/2023 01:00); dùng bản mới "
                                  f"hơn '{bodies['giao-thien (1)/data']['folder']}' (ghi lần cuối 24/06/2023 03:00)")
    assert "Lưu ý: " in result.stderr and "bản cũ hơn của UBND xã Giao Thiện" in result.stderr


def test_a_body_without_the_year_is_listed_not_ranked(cli, province, june):
    """A commune that only has 2022 is 'chưa có số liệu năm 2023' (wrong today: ranked in
    the 2023 summary)."""
    old = commune(province, "giao-hai", "Xã Giao Hải", REPO / "data", records=False)
    (old / "2023").rename(old / "2022")
    replace_in(old / "2022" / "objectives.yaml", "year: 2023", "year: 2022")
    result = cli("rollup", str(province), "--period", "h1", "--json")
    late = bodies_of(result)["giao-hai"]
    assert late["state"] == "no_year" and late["name"] == "UBND xã Giao Hải" and late["rank"] is None
    assert late["years"] == [2022] and late["targets"] == {}
    assert "UBND xã Giao Hải" in json.loads(result.stdout)["not_sent"]
    screen = cli("rollup", str(province), "--period", "h1").stdout
    assert "UBND xã Giao Hải: chưa có số liệu năm 2023 (có năm 2022)" in screen
    assert "chưa có số liệu năm 2023" in screen.split("Chưa gửi")[0]  # its row says so, without a rank


def test_a_damaged_line_leaves_the_line_out_not_the_commune(cli, province, june):
    """One damaged line: the commune is summarised from what can be read, marked, and the
    line named on screen (wrong today: removed from every table)."""
    records = province / "giao-thien" / "data" / "2023" / "records.jsonl"
    lines = records.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, '{"target":"4c","as_of":"2023-05-3\n')
    records.write_text("".join(lines), encoding="utf-8")
    result = cli("rollup", str(province), "--period", "h1", "--json")
    body = bodies_of(result)["giao-thien/data"]
    assert body["state"] == "counted" and body["targets"]["met"] == 11 and body["rank"] == 1
    assert len(body["damaged"]) == 1 and "giao-thien/data/2023/records.jsonl:4: dòng hỏng" in body["damaged"][0]
    assert "Lỗi: số liệu có dòng hỏng (đã bỏ qua các dòng đó): UBND xã Giao Thiện." in result.stderr
    screen = cli("rollup", str(province), "--period", "h1").stdout
    assert "có lỗi)" in screen.split("NV: lần")[0]  # its row is marked
    assert "records.jsonl:4:dònghỏng" in "".join(screen.split("Số liệu có lỗi")[1].split())


def test_a_line_that_breaks_a_rule_is_left_out_too(cli, province, june):
    """A line for a target the commune removed, and the withdrawal of a line left out."""
    folder = province / "giao-thien" / "data" / "2023"
    with (folder / "records.jsonl").open("a", encoding="utf-8") as out:
        out.write(LINE.replace('"5.2"', '"9.9"'))
    result = cli("rollup", str(province), "--period", "h1", "--json")
    body = bodies_of(result)["giao-thien/data"]
    assert body["state"] == "counted" and body["targets"]["total"] == 40
    assert len(body["damaged"]) == 1 and "records.jsonl:" in body["damaged"][0] and "9.9" in body["damaged"][0]


@pytest.mark.parametrize("kind", ["docx", "xlsx", "csv"])
def test_with_a_file_the_screen_still_shows_the_table_and_names_the_failed(cli, province, june, tmp_path, kind):
    """Wrong today: '(xem bảng)' and no table, and the failed unit not named."""
    out = tmp_path / f"tong-hop.{kind}"
    result = cli("rollup", str(province), "--period", "h1", "--format", kind, "--out", str(out))
    assert out.exists() and result.exit_code == 1
    assert "Tổng hợp các đơn vị (năm 2023, đến ngày 30/06/2023)" in result.stdout
    assert "UBND xã Giang Hải" in result.stdout and f"Đã lập: {out}" in " ".join(result.stdout.split())
    assert "Lỗi: 1/5 đơn vị không đọc được dữ liệu: UBND xã Giao An." in result.stderr
    assert "xem bảng" not in result.stderr


def test_who_has_not_sent_in_the_terminal_the_export_and_the_report(cli, province, june, tmp_path):
    result = cli("rollup", str(province), "--period", "h1")
    screen = result.stdout.split("Chưa gửi số liệu của kỳ (từ 01/04/2023 đến 30/06/2023):")[1]
    assert "- UBND xã Giao Lạc: chưa gửi số liệu nào của kỳ (chưa có số liệu nào)" in screen
    assert "- UBND xã Giang Hải: thiếu số liệu 14/40 chỉ tiêu" in screen
    out = tmp_path / "tong-hop.xlsx"
    cli("rollup", str(province), "--period", "h1", "--format", "xlsx", "--out", str(out))
    sheet = load_workbook(out)["Chưa gửi số liệu"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert rows["UBND xã Giao Lạc"][2] == "Chưa gửi số liệu nào của kỳ (chưa có số liệu nào)"
    assert rows["UBND xã Giao Lạc"][4] == "40/40" and rows["UBND xã Giao Lạc"][5].startswith("1.1, 2.1, 2.2")
    assert rows["UBND xã Giang Hải"][5] == "4d, 4g, 4k, 4l, 5.4, 5.5, 6.1, 6.2, 8.2, 8.3, 8.4, 8.5, 8.6, 9.1"
    report = tmp_path / "tong-hop.docx"
    cli("rollup", str(province), "--period", "h1", "--format", "docx", "--out", str(report))
    texts = [p.text for p in Document(str(report)).paragraphs]
    assert ("Chưa gửi số liệu của kỳ: UBND xã Giao Lạc (chưa có số liệu nào); UBND phường Hòa Minh (chưa có số "
            "liệu nào).") in texts
    assert "- Đôn đốc UBND xã Giao Lạc, UBND phường Hòa Minh gửi số liệu thực hiện Mục tiêu chất lượng của kỳ." in texts


def test_the_workbook_has_a_sheet_per_view(cli, province, tmp_path, june):
    out = tmp_path / "tong-hop.xlsx"
    result = cli("rollup", str(province), "--period", "h1", "--format", "xlsx", "--out", str(out))
    assert result.exit_code == 1 and out.exists()  # written, and the failure still said
    book = load_workbook(out)
    assert book.sheetnames == ["Các đơn vị", "Chỉ tiêu các đơn vị", "Chưa gửi số liệu", "TTHC_DUNG_HAN", "HAI_LONG"]
    bodies = book["Các đơn vị"]
    headings = [c.value for c in bodies[3]]
    rows = {r[1].value: dict(zip(headings, (c.value for c in r))) for r in bodies.iter_rows(min_row=4)}
    assert rows["UBND xã Giang Hải"]["Đạt"] == 11 and rows["UBND xã Giang Hải"]["Tổng số chỉ tiêu"] == 40
    assert rows["UBND xã Giang Hải"]["Hạng"] == 1 and rows["UBND xã Giang Hải"]["Tình trạng"] == "Đã tổng hợp"
    assert rows["UBND xã Giang Hải"]["Ngày đánh giá"].date().isoformat() == "2023-06-30"
    assert rows["UBND xã Giao An"]["Lỗi"].count("plan.yaml:") == 1 and rows["UBND xã Giao An"]["Đạt"] is None
    assert rows["UBND xã Giao An"]["Tình trạng"] == "Không đọc được dữ liệu"
    on_time = book["TTHC_DUNG_HAN"]
    ranked = [(r[0].value, r[1].value, r[2].value) for r in on_time.iter_rows(min_row=4)]
    assert ranked[0][:2] == (1, "UBND xã Giang Hải") and ranked[0][2] == pytest.approx(99.2)
    assert ranked[-1][1] == "Trung vị" and isinstance(ranked[-1][2], float)


def test_one_row_per_body_and_target_for_the_province_own_table(cli, province, tmp_path, june):
    out = tmp_path / "chi-tieu.csv"
    cli("rollup", str(province), "--period", "h1", "--format", "csv", "--out", str(out))
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ("Đơn vị;Mã đơn vị;Mã chỉ tiêu;Chỉ tiêu;Đơn vị tính;Kế hoạch năm;Thực hiện;Ngày số liệu;Ước;"
                        "Đánh giá")
    assert "UBND xã Giang Hải;;4a;Thu ngân sách Nhà nước xã hưởng;tỷ đồng;5,573;2,9;30/06/2023;x;Đúng tiến độ" in lines
    assert "UBND xã Giao An;;;;;;;;;Không đọc được dữ liệu" in lines  # every body once at least
    assert len(lines) == 1 + 40 + 40 + 40 + 7 + 1
    assert "UBND phường Hòa Minh;;1.1;" in "\n".join(lines)
    sheet = load_workbook(_xlsx(cli, province, tmp_path))["Chỉ tiêu các đơn vị"]
    first = next(sheet.iter_rows(min_row=4, values_only=True))
    assert first[:3] == ("UBND xã Giang Hải", None, "1.1") and first[6] == 100


def _xlsx(cli, province, tmp_path) -> Path:
    out = tmp_path / "tong-hop.xlsx"
    cli("rollup", str(province), "--period", "h1", "--format", "xlsx", "--out", str(out), "--force")
    return out


def test_two_bodies_of_one_name_are_told_apart_by_their_code(cli, province, june):
    """Two wards Tân Lập in two provinces: their codes say they are two bodies."""
    for folder, code in (("tan-lap-a", "00091"), ("tan-lap-b", "10459")):
        commune(province, folder, "Phường Tân Lập", REPO / "data", records=False)
        replace_in(province / folder / "2023" / "objectives.yaml", "  parent:\n", f"  parent:\n  code: '{code}'\n")
    found = json.loads(cli("rollup", str(province), "--period", "h1", "--json").stdout)
    names = [b["name"] for b in found["bodies"]]
    assert "UBND phường Tân Lập (mã 00091)" in names and "UBND phường Tân Lập (mã 10459)" in names
    assert found["set_aside"] == []


def test_a_pool_of_processes_gives_what_one_process_gives(cli, province, june):
    for number in range(34):
        commune(province, f"xa-{number:02d}", f"Xã Số {number}", REPO / "data", records=False)
    one = cli("rollup", str(province), "--period", "h1", "--json", "--jobs", "1")
    two = cli("rollup", str(province), "--period", "h1", "--json", "--jobs", "2")
    assert json.loads(one.stdout) == json.loads(two.stdout) and len(json.loads(one.stdout)["bodies"]) == 39


def test_the_summary_report_is_signed_by_the_level_above(cli, province, tmp_path, june):
    """Numbered, bodies named by their own names, no path and no tool's word, a narrative,
    the ranking, and the tables after the signature (issue 29)."""
    out = tmp_path / "tong-hop.docx"
    result = cli("rollup", str(province), "--period", "h1", "--format", "docx", "--out", str(out),
                 "--signer", "Phạm Quang Ngọc", "--number", "45", "--date", "28/6/2023")
    assert out.exists(), result.output
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    whole = "\n".join(texts + [cell.text for table in document.tables for row in table.rows for cell in row.cells])
    assert "Tổng hợp kết quả thực hiện Mục tiêu chất lượng 6 tháng đầu năm 2023 của các đơn vị" in texts
    header = document.tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs if p.text] == ["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"]
    assert header.cell(1, 0).text == "Số: 45/BC-UBND"
    assert header.cell(1, 1).text == "Ninh Bình, ngày 28 tháng 6 năm 2023"
    # Two bodies have sent nothing (before: '4/5 đơn vị' and totals of 127 targets at 17,3 %, beside a mean of 27,5 %).
    assert ("Tổng hợp số liệu của 2/5 đơn vị đến ngày 30/06/2023; chưa tổng hợp được 3 đơn vị (chưa gửi số liệu nào: "
            "UBND xã Giao Lạc, UBND phường Hòa Minh; dữ liệu gửi lên có lỗi, chưa đọc được: UBND xã Giao An).") in texts
    assert ("Các đơn vị đã tổng hợp đều đã ban hành Quyết định Mục tiêu chất lượng và Kế hoạch thực hiện năm 2023 "
            "(theo số, ngày quyết định ghi trong dữ liệu của đơn vị).") in texts
    assert any(t.startswith("Tổng số 80 chỉ tiêu của 2 đơn vị: 22 chỉ tiêu đạt kế hoạch (27,5%)") for t in texts)
    # Hòa Minh and Giao Lạc have sent no figure: not ranked, not in the mean (before: ranked 3rd at 0 %).
    assert ("Bình quân mỗi đơn vị có số liệu đạt 27,5% số chỉ tiêu; xếp theo tỷ lệ chỉ tiêu đạt: UBND xã Giang Hải "
            "(11/40 chỉ tiêu, 27,5%), UBND xã Giao Thiện (11/40 chỉ tiêu, 27,5%); UBND xã Giao Lạc, UBND phường Hòa "
            "Minh chưa có số liệu nên chưa xếp hạng (chi tiết tại Biểu 1 kèm theo).") in texts
    assert any(t.startswith("- UBND xã Giang Hải: 3 chỉ tiêu chậm tiến độ, 6 chỉ tiêu chưa đạt (") for t in texts)
    assert ("Về tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn, 2/4 đơn vị đạt kế hoạch (trung vị 99,1%); cao "
            "nhất UBND xã Giang Hải (99,2%), thấp nhất UBND xã Giao Thiện (99%); 2 đơn vị chưa có số liệu.") in texts
    for wrong in ("giao-an", "giao-lac", "ninh-binh", ".yaml", "sửa hoặc xóa dòng này", "đã ban hành quyết định;",
                  "(số lần)", "((", "))", "(;", "()", " ;"):
        assert wrong not in "\n".join(texts), wrong
    assert not re.search(r"\b0/\d", "\n".join(texts))  # no zero count
    signature = [p.text for p in document.tables[1].cell(0, 1).paragraphs if p.text]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Quang Ngọc"]
    appendix = texts.index("Phụ lục")
    assert texts.index("Trên đây là báo cáo tổng hợp kết quả thực hiện Mục tiêu chất lượng 6 tháng đầu năm 2023 của "
                       "các đơn vị./.") < appendix
    assert "(Kèm theo Báo cáo số 45/BC-UBND ngày 28/06/2023 của UBND tỉnh Ninh Bình)" in texts[appendix:]
    ranking = document.tables[2]
    assert [c.text for c in ranking.rows[0].cells][:4] == ["Hạng", "Đơn vị", "Chỉ tiêu đạt", "Tỷ lệ đạt"]
    assert [c.text for c in ranking.rows[1].cells][:4] == ["1", "UBND xã Giang Hải", "11/40", "27,5%"]
    assert "- UBND xã Giao An: không đọc được dữ liệu." in texts[appendix:]
    assert "Biểu 2. Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn (%)" in texts[appendix:]
    assert "UBND xã Giao An" in whole


def test_without_a_number_the_line_is_left_to_fill(cli, province, tmp_path, june):
    out = tmp_path / "tong-hop.docx"
    cli("rollup", str(province), "--period", "h1", "--format", "docx", "--out", str(out))
    assert Document(str(out)).tables[0].cell(1, 0).text == "Số:       /BC-UBND"


def test_a_wrong_catalogue_or_folder_is_said(cli, province, tmp_path):
    (province / "indicators.yaml").write_text("indicators:\n  - code: A\n    name: x\n    unit: '%'\n"
                                              "  - code: A\n    name: y\n    unit: '%'\n", encoding="utf-8")
    result = cli("rollup", str(province))
    assert result.exit_code == 1 and "indicators.yaml:5" in result.stderr
    assert "mã chỉ số 'A' có hai lần" in result.stderr
    empty = tmp_path / "rong"
    empty.mkdir()
    assert "không có thư mục dữ liệu nào" in cli("rollup", str(empty)).stderr
    assert "không có thư mục" in cli("rollup", str(tmp_path / "khong-co")).stderr


def test_the_options_are_checked(cli, province, june, tmp_path):
    said = cli("rollup", str(province), "--format", "pdf", "--out", str(tmp_path / "a.pdf"))
    assert said.exit_code == 1 and "định dạng 'pdf' không hỗ trợ" in said.stderr
    said = cli("rollup", str(province), "--year", "2024", "--as-of", "30/6/2023")
    assert said.exit_code == 1 and "ngày 30/06/2023 không thuộc năm 2024" in said.stderr
    said = cli("rollup", str(province), "--format", "csv", "--out", str(tmp_path / "a.xlsx"))
    assert said.exit_code == 1 and "không có đuôi .csv" in said.stderr


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="LibreOffice (soffice) and poppler are not installed here")
def test_the_report_as_printed_signs_on_the_page_of_its_text(cli, province, tmp_path, june):
    """Through LibreOffice as offices print it: the signature on the page of the closing
    sentence, the appendix on pages of its own, every page rendered."""
    out = tmp_path / "tong-hop.docx"
    cli("rollup", str(province), "--period", "h1", "--format", "docx", "--out", str(out), "--number", "45")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    pdf = tmp_path / "tong-hop.pdf"
    assert pdf.exists()  # soffice exits 0 even when it did not convert
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    closing = next(number for number, page in enumerate(pages) if "Trên đây là báo cáo" in page)
    assert "CHỦ TỊCH" in pages[closing] and "Phụ lục" not in pages[closing]
    assert "Biểu 1. Kết quả của các đơn vị" in pages[closing + 1]
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "trang")], check=True, timeout=120)
    assert len(list(tmp_path.glob("trang-*.png"))) == len([page for page in pages if page.strip()])
