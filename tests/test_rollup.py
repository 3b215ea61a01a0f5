"""The level above: one overview of many bodies' folders, of different shapes — a commune
with figures, one without, a ward with a previous year, a body's own repository, a broken one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.conftest import REPO, replace_in

CATALOGUE = """\
issuer:
  unit: Huyện Giao Thủy
  place: Giao Thủy
report:
  signer_title: Chủ tịch
  recipients: [UBND tỉnh Nam Định, Sở Nội vụ]
  archive: VT, NV
indicators:
  - code: TTHC_DUNG_HAN
    name: Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn
    unit: "%"
  - code: HAI_LONG
    name: Mức độ hài lòng của người dân
    unit: "%"
"""


def mark(folder: Path, year: str, target: str, code: str) -> None:
    """Name a target's shared indicator, as each body does in its objectives.yaml."""
    replace_in(folder / year / "objectives.yaml", f'      - id: "{target}"\n',
               f'      - id: "{target}"\n        indicator: {code}\n')


@pytest.fixture
def province(tmp_path: Path) -> Path:
    root = tmp_path / "giao-thuy"
    shutil.copytree(REPO / "examples", root / "giang-hai", ignore=shutil.ignore_patterns("*.lock"))
    shutil.copytree(REPO / "data", root / "giao-lac", ignore=shutil.ignore_patterns("*.jsonl", "*.lock"))
    shutil.copytree(REPO / "tests" / "data" / "ward", root / "hoa-minh", ignore=shutil.ignore_patterns("*.lock"))
    shutil.copytree(REPO / "examples", root / "giao-thien" / "data", ignore=shutil.ignore_patterns("*.lock"))
    shutil.copytree(REPO / "data", root / "giao-an", ignore=shutil.ignore_patterns("*.jsonl", "*.lock"))
    for commune in ("giang-hai", "giao-lac", "giao-thien/data"):
        mark(root / commune, "2023", "5.2", "TTHC_DUNG_HAN")
        mark(root / commune, "2023", "5.7", "HAI_LONG")
    mark(root / "hoa-minh", "2024", "3.1", "TTHC_DUNG_HAN")
    replace_in(root / "giao-thien" / "data" / "2023" / "objectives.yaml", "unit: Xã Giang Hải", "unit: Xã Giao Thiện")
    replace_in(root / "giao-lac" / "2023" / "objectives.yaml", "unit: Xã Giang Hải", "unit: Xã Giao Lạc")
    replace_in(root / "giao-an" / "2023" / "plan.yaml", "    tasks:\n", "    tasks:\n  - :\n")  # broken by hand
    with (root / "giao-thien" / "data" / "2023" / "records.jsonl").open("a", encoding="utf-8") as out:
        out.write('{"target":"5.2","as_of":"2023-06-20","value":"990","of":"1000","estimated":false,'
                  '"by":"x","recorded_at":"2023-06-21T01:00:00Z"}\n')
    (root / "indicators.yaml").write_text(CATALOGUE, encoding="utf-8")
    return root


def test_the_overview_of_five_bodies(cli, province, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    result = cli("rollup", str(province), "--period", "h1", "--json")  # each body's own newest year
    assert result.exit_code == 1 and "Lỗi: 1/5 đơn vị không đọc được dữ liệu" in result.stderr
    found = json.loads(result.stdout)
    bodies = {b["folder"].split("giao-thuy/")[1]: b for b in found["bodies"]}
    assert list(bodies) == ["giang-hai", "giao-an", "giao-lac", "giao-thien/data", "hoa-minh"]
    example = bodies["giang-hai"]
    assert example["name"] == "UBND xã Giang Hải" and example["decision"] == "27/QĐ-UBND ngày 01/02/2023"
    assert example["targets"]["total"] == 40 and example["targets"]["met"] == 11 and example["targets"]["no_data"] == 14
    assert example["actions"] == {"open": 1, "overdue": 0} and example["as_of"] == "2023-06-30"
    assert example["internal_audit"] is False and example["management_review"] is False
    empty = bodies["giao-lac"]
    assert empty["targets"]["no_data"] == 40 and empty["targets"]["met"] == 0 and empty["stale"] == 0
    broken = bodies["giao-an"]
    assert broken["name"] == "giao-an" and broken["targets"] == {} and broken["year"] is None
    assert "giao-an/2023/plan.yaml:33:5: thụt lề không đều" in broken["error"]
    ward = bodies["hoa-minh"]
    assert ward["error"] is None and ward["year"] == 2024 and ward["as_of"] == "2024-06-30"
    assert ward["name"] == "UBND phường Hòa Minh" and ward["targets"]["total"] == 7

    on_time, satisfied = found["indicators"]
    assert on_time["code"] == "TTHC_DUNG_HAN"
    assert [(b["name"], b["actual"]) for b in on_time["bodies"]] == [
        ("UBND xã Giang Hải", 99.2), ("UBND xã Giao Thiện", 99), ("UBND xã Giao Lạc", None),
        ("UBND phường Hòa Minh", None)]  # the best first, the bodies without a figure last
    assert on_time["median"] == 99.1
    assert [(b["name"], b["actual"]) for b in satisfied["bodies"]][:2] == [
        ("UBND xã Giang Hải", 96.2), ("UBND xã Giao Thiện", 96.2)]
    assert found["failed"] == 1


def test_the_table_names_every_body_and_the_broken_one(cli, province, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    monkeypatch.setenv("COLUMNS", "120")
    result = cli("rollup", str(province), "--period", "h1")
    assert result.exit_code == 1
    table = result.stdout
    for name in ("UBND xã Giang Hải", "UBND xã Giao Lạc", "UBND xã Giao Thiện", "UBND phường Hòa Minh", "giao-an"):
        assert name in table
    assert "27/QĐ-UBND" in table and "15/QĐ-UBND" in table and "không đọc được" in table
    assert "ĐGNB, XXLĐ: đánh giá nội bộ, xem xét của lãnh đạo" in " ".join(table.split())
    assert "TTHC_DUNG_HAN: Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn (%)" in table
    assert "Trung vị:" in table
    assert "giao-an" in table.split("Trung vị:")[-1] and "plan.yaml:" in table


def test_the_workbook_has_a_sheet_per_view(cli, province, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    out = tmp_path / "tong-hop.xlsx"
    result = cli("rollup", str(province), "--period", "h1", "--format", "xlsx", "--out", str(out))
    assert result.exit_code == 1 and out.exists()  # written, and the failure still said
    book = load_workbook(out)
    assert book.sheetnames == ["Các đơn vị", "TTHC_DUNG_HAN", "HAI_LONG"]
    bodies = book["Các đơn vị"]
    headings = [c.value for c in bodies[3]]
    rows = {r[0].value: dict(zip(headings, (c.value for c in r))) for r in bodies.iter_rows(min_row=4)}
    assert rows["UBND xã Giang Hải"]["Đạt"] == 11 and rows["UBND xã Giang Hải"]["Tổng số chỉ tiêu"] == 40
    assert rows["UBND xã Giang Hải"]["Ngày đánh giá"].date().isoformat() == "2023-06-30"
    assert rows["giao-an"]["Lỗi"].count("plan.yaml:") == 1 and rows["giao-an"]["Đạt"] is None
    on_time = book["TTHC_DUNG_HAN"]
    ranked = [(r[0].value, r[1].value, r[2].value) for r in on_time.iter_rows(min_row=4)]
    assert ranked[0][:2] == (1, "UBND xã Giang Hải") and ranked[0][2] == pytest.approx(99.2)
    assert ranked[-1][1] == "Trung vị" and isinstance(ranked[-1][2], float)


def test_the_summary_report_is_signed_by_the_level_above(cli, province, tmp_path, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-25")
    out = tmp_path / "tong-hop.docx"
    result = cli("rollup", str(province), "--period", "h1", "--format", "docx", "--out", str(out),
                 "--signer", "Trần Văn Bình")
    assert out.exists(), result.output
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "Tổng hợp kết quả thực hiện Mục tiêu chất lượng 6 tháng đầu năm 2023 của các đơn vị" in texts
    assert [p.text for p in document.tables[0].cell(0, 0).paragraphs if p.text] == ["ỦY BAN NHÂN DÂN",
                                                                                   "HUYỆN GIAO THỦY"]
    assert any(t.startswith("Tổng hợp 5 đơn vị: 4 đơn vị đã ban hành quyết định") for t in texts)
    assert "1. Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn (%)" in texts
    assert any(t.startswith("- giao-an (") and "plan.yaml:" in t for t in texts)
    bodies = document.tables[1]
    assert [c.text for c in bodies.rows[0].cells][:3] == ["STT", "Đơn vị", "Chỉ tiêu đạt"]
    assert [c.text for c in bodies.rows[1].cells][1:3] == ["UBND xã Giang Hải", "11/40"]
    signature = [p.text for p in document.tables[-1].cell(0, 1).paragraphs if p.text]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình"]


def test_a_wrong_catalogue_or_folder_is_said(cli, province, tmp_path):
    (province / "indicators.yaml").write_text("indicators:\n  - code: A\n    name: x\n    unit: '%'\n"
                                              "  - code: A\n    name: y\n    unit: '%'\n", encoding="utf-8")
    result = cli("rollup", str(province))
    assert result.exit_code == 1 and "indicators.yaml:5" in result.stderr and "mã chỉ số 'A' có hai lần" in result.stderr
    empty = tmp_path / "rong"
    empty.mkdir()
    assert "không có thư mục dữ liệu nào" in cli("rollup", str(empty)).stderr
