"""From the body's own decision (.docx) to a running year: ``mtcl init YEAR --from-decision``."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Mm

from tests.conftest import SHIPPED
from tests.decisions import district_decision, seed_decision, ward_decision


@pytest.fixture
def empty(tmp_path: Path, monkeypatch) -> Path:
    """A data folder without any year, as a body that starts with mtcl has."""
    folder = tmp_path / "du-lieu-moi"
    folder.mkdir()
    monkeypatch.setenv("MTCL_DATA", str(folder))
    return folder


def imported(cli, empty: Path, docx: Path, year: str):
    result = cli("init", year, "--from-decision", str(docx))
    assert result.exit_code == 0, result.output
    return result


def as_json(cli, *args: str):
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_seed_decision_gives_the_shipped_year(cli, empty, tmp_path, monkeypatch):
    result = imported(cli, empty, seed_decision(tmp_path / "qd-27.docx"), "2023")
    said = result.stdout
    assert "Đã đọc 40 chỉ tiêu (9 mục tiêu) và 26 nhiệm vụ (9 phần)" in said
    assert "4 giá trị là đoán, 0 chỗ chưa đọc được cần điền:" in said
    assert "2023/objectives.yaml:86: đoán: '1,133' đọc là 1.133 (dấu phẩy tách hàng nghìn) — kiểm tra lại" in said
    assert "Việc tiếp: kiểm tra các dòng trên, rồi chạy: mtcl validate --year 2023" in said
    assert cli("validate").exit_code == 0

    mine = {t["id"]: t for t in as_json(cli, "targets")}
    monkeypatch.setenv("MTCL_DATA", str(SHIPPED))
    shipped = {t["id"]: t for t in as_json(cli, "targets")}
    assert set(mine) == set(shipped)
    for target_id, target in shipped.items():
        for key in ("plan", "op", "unit", "kind", "parent", "sum_of", "items", "change"):
            assert mine[target_id][key] == target[key], (target_id, key)
    shipped_plan = {t["id"]: t for t in as_json(cli, "plan")["tasks"]}
    monkeypatch.setenv("MTCL_DATA", str(empty))
    my_plan = {t["id"]: t for t in as_json(cli, "plan")["tasks"]}
    assert set(my_plan) == set(shipped_plan)
    for task_id, task in shipped_plan.items():
        assert [o["due"] for o in my_plan[task_id]["occurrences"]] == [o["due"] for o in task["occurrences"]], task_id
        assert my_plan[task_id]["lead"] == task["lead"] and my_plan[task_id]["objective"] == task["objective"]
    objectives = (empty / "2023" / "objectives.yaml").read_text(encoding="utf-8")
    assert objectives.count("  # đoán:") == 3 and "  # TODO" not in objectives
    assert 'number: "27/QĐ-UBND"' in objectives and "date: 2023-02-01" in objectives
    assert 'unit: "Xã Giang Hải"' in objectives and 'place: "Giang Hải"' in objectives


def test_a_ward_with_growth_and_ranges_marks_what_it_could_not_read(cli, empty, tmp_path):
    result = imported(cli, empty, ward_decision(tmp_path / "qd-15.docx"), "2024")
    assert "Đã đọc 7 chỉ tiêu (3 mục tiêu) và 5 nhiệm vụ (3 phần)" in result.stdout
    assert "0 giá trị là đoán, 3 chỗ chưa đọc được cần điền:" in result.stdout
    assert "2024/plan.yaml:" in result.stdout and "không đọc được thời gian 'Khi có điều kiện'" in result.stdout
    text = (empty / "2024" / "objectives.yaml").read_text(encoding="utf-8")
    assert 'parent: "UBND quận Sơn Tây"' in text and 'unit: "Phường Hòa Minh"' in text
    assert "plan: [14, 15]\n        op: between" in text and "plan: [1.8, 2.1]" in text and 'unit: con' in text
    assert "plan: 8\n        op: \">=\"\n        kind: cumulative\n        change: percent" in text
    assert 'plan: 1\n        op: "<"' in text
    validated = cli("validate", "--year", "2024")
    assert validated.exit_code == 1  # the TODOs are what validate lists, each with its line
    lines = [line for line in validated.stderr.splitlines() if "2024/" in line]
    assert len(lines) == 3 and all(".yaml:" in line for line in lines)


def test_a_district_table_with_owners(cli, empty, tmp_path):
    imported(cli, empty, district_decision(tmp_path / "qd-112.docx"), "2024")
    targets = {t["id"]: t for t in as_json(cli, "targets")}
    assert targets["1.1"]["op"] == ">" and targets["1.1"]["plan"] == 98 and targets["1.1"]["kind"] == "ratio"
    assert targets["1.2"]["op"] == ">=" and targets["1.2"]["plan"] == 60
    assert targets["2.1"]["plan"] == 1250.5 and targets["2.1"]["unit"] == "tỷ đồng"
    assert targets["2.2"]["op"] == "<=" and targets["2.2"]["kind"] == "level"
    assert targets["2.2"]["owner"] == "Phòng Lao động - Thương binh và Xã hội"
    tasks = {t["id"]: t for t in as_json(cli, "plan")["tasks"]}
    assert [o["due"] for o in tasks["II.1"]["occurrences"]] == ["2024-11-30"]
    assert cli("validate", "--year", "2024").exit_code == 0


def letter(path: Path) -> Path:
    document = Document()
    document.add_paragraph("Kính gửi: UBND huyện Giao Thủy")
    document.add_paragraph("UBND xã Giang Hải xin báo cáo tình hình triển khai ISO như sau: …")
    document.save(str(path))
    return path


def raw(content: bytes):
    def write(path: Path) -> Path:
        path.write_bytes(content)
        return path

    return write


def blank(path: Path) -> Path:
    Document().save(str(path))
    return path


# A one-pixel white PNG: what a scan pasted into Word is, without an imaging library.
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC")


def picture(path: Path) -> Path:
    """A scan pasted into Word: one image, no text."""
    document = Document()
    document.add_picture(io.BytesIO(PIXEL), width=Mm(50))
    document.save(str(path))
    return path


@pytest.mark.parametrize("make, said", [
    (letter, "không có Phụ lục 1 (Mục tiêu chất lượng): đây có phải quyết định ban hành Mục tiêu chất lượng?"),
    (blank, "không có chữ nào (có thể chỉ có ảnh quét)"),
    (picture, "không có chữ nào (có thể chỉ có ảnh quét)"),
    (raw(b"%PDF-1.4 ..."), "là tệp PDF"),
    (raw(b"\xff\xd8\xff\xe0 jpeg"), "là ảnh (bản quét)"),
    (raw(b"\xd0\xcf\x11\xe0 doc"), "là tệp Word cũ (.doc)"),
], ids=["letter", "empty", "only an image", "pdf", "scan", "doc"])
def test_what_is_not_a_decision_is_refused_and_nothing_written(cli, empty, tmp_path, make, said):
    result = cli("init", "2023", "--from-decision", str(make(tmp_path / "van-ban.docx")))
    assert result.exit_code == 1 and said in result.stderr and "Traceback" not in result.output
    assert list(empty.iterdir()) == []


def test_an_existing_year_is_never_overwritten(cli, empty, tmp_path):
    (empty / "2023").mkdir()
    result = cli("init", "2023", "--from-decision", str(seed_decision(tmp_path / "qd.docx")))
    assert result.exit_code == 1 and "mtcl init không ghi đè năm đã có" in result.stderr
    assert list((empty / "2023").iterdir()) == []


def test_record_reads_a_figure_typed_with_its_unit_into_a_hint(cli, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    result = cli("record", "4a", "2,9 tỷ")
    assert result.exit_code == 1
    assert "Gợi ý: ghi số không kèm chữ: 2,9 (đơn vị của chỉ tiêu 4a là tỷ đồng)" in result.stderr
    assert "Gợi ý: viết theo kiểu Việt Nam" in cli("record", "4a", "hai phẩy chín").stderr
