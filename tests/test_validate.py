"""`mtcl validate` on the shipped data, and on broken copies: each its own message and line."""

from __future__ import annotations

import pytest

from tests.conftest import line_of, replace_in

OBJ = "objectives.yaml"
PLAN = "plan.yaml"


def test_shipped_data_is_valid(cli):
    result = cli("validate")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Hợp lệ: năm 2023 có 9 mục tiêu, 40 chỉ tiêu, 26 nhiệm vụ")


# file, text to replace (None: the whole file), replacement, a text on the expected line
# (after the edit; None: line 1), column, message
BROKEN = [
    ("syntax", OBJ, "year: 2023", "year: [2023", "year: [2023", 7, "ngoặc vuông '[' chưa được đóng"),
    ("tab", OBJ, "  place: Giang Hải", "\tplace: Giang Hải", "\tplace", 1,
     "có ký tự Tab: hãy thụt lề bằng dấu cách, không dùng phím Tab"),
    ("unknown key", OBJ, "        plan: 5.573", "        plann: 5.573", "plann: 5.573", 9,
     "khóa 'plann' không hợp lệ ở đây (có phải 'plan'?); ở đây dùng các khóa: id, short, name, kind, unit, plan, "
     "op, parent, sum_of, items, scale, near_from, decimals, signed, above_100, change, base, milestones, every, by, "
     "share_of, owner, group, indicator"),
    ("bad reference", OBJ, "parent: 4a", "parent: 4x", "parent: 4x", 9, "chỉ tiêu cha '4x' không tồn tại"),
    ("yes as number", OBJ, "plan: 1936.49", "plan: yes", "plan: yes", 9, "'yes' không phải là số"),
    ("vietnamese comma in yaml", OBJ, "plan: 1936.49", "plan: 1.936,49", "plan: 1.936,49", 9,
     "'1.936,49' phải là số; trong tệp YAML dùng dấu chấm cho phần thập phân và không tách hàng nghìn: 1936.49"),
    ("ratio in persons", OBJ, 'unit: "%"', "unit: người", "unit: người", 9,
     "chỉ tiêu tỷ lệ (ratio) phải có đơn vị '%', không phải 'người'"),
    ("unit not text", OBJ, "unit: tỷ đồng", "unit: 5", "unit: 5", 9,
     "'5' phải là một đoạn chữ (đặt trong ngoặc kép nếu cần)"),
    ("unknown schema", OBJ, "schema_version: 4", "schema_version: 7", "schema_version", 1,
     "phiên bản lược đồ '7' không được hỗ trợ; mtcl này đọc các phiên bản: 1, 2, 3, 4"),
    ("missing schema", PLAN, "schema_version: 4\n", "", "year: 2023", 1,
     "thiếu khóa schema_version; mtcl này đọc các phiên bản: 1, 2, 3, 4"),
    ("sum_of mismatch", OBJ, "plan: 994", "plan: 990", "plan: 990", 9,
     "kế hoạch 990 không bằng tổng các thành phần 4e1 + 4e2 = 994"),
    ("impossible date", PLAN, "due: [2023-02-28]", "due: [2023-02-30]", "due: [2023-02-30]", 15,
     "ngày '2023-02-30' không hợp lệ: viết dạng YYYY-MM-DD (ví dụ 2023-06-15) và ngày phải tồn tại"),
    ("due and repeat", PLAN, "due: [2023-02-28]", "due: [2023-02-28]\n        repeat: yearly", "- id: I.1", 9,
     "ghi hạn bằng đúng một trong hai khóa: 'due' (các ngày) hoặc 'repeat' (chu kỳ)"),
    ("deadline in another year", PLAN, "due: [2023-10-31]", "due: [2024-10-31]", "2024-10-31", 15,
     "hạn 2024-10-31 nằm ngoài năm 2023 của kế hoạch"),
    ("nan plan", OBJ, "plan: 994", "plan: .nan", "plan: .nan", 9, "phải là một số hữu hạn (không nhận .nan, .inf)"),
    ("negative plan", OBJ, "plan: 994", "plan: -994", "plan: -994", 9, "kế hoạch -994 là số âm; chỉ tiêu cần giảm thì ghi op: '<=' (không quá) hoặc '<' (dưới) với "
     "kế hoạch dương, hoặc change: percent với kế hoạch là phần trăm giảm (số âm)"),
    ("alias", OBJ, "  unit: Xã Giang Hải", "  unit: &u Xã Giang Hải\n  place: *u", "&u", 9,
     "không dùng tham chiếu YAML (&, *): hãy ghi đầy đủ giá trị"),
    ("unknown section objective", PLAN, "objective: 9", "objective: 19", "objective: 19", 5,
     "mục tiêu 19 không có trong objectives.yaml"),
    ("list at top", PLAN, None, "- schema_version: 1\n- year: 2023\n", None, None, None),
]


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_file_is_reported_at_its_line(cli, data_dir, case):
    _, name, old, new, needle, column, message = case
    path = data_dir / "2023" / name
    if old is None:  # the whole file becomes something else
        path.write_text(new, encoding="utf-8")
    else:
        replace_in(path, old, new)
    result = cli("validate")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert result.stderr.strip().endswith("cần sửa trước khi làm tiếp.")
    if needle is None:
        assert f"2023/{name}:1:1: tệp phải là một bảng 'khóa: giá trị' ở cấp ngoài cùng" in result.stderr
        return
    line = line_of(path, needle.rstrip("\n"))
    assert f"2023/{name}:{line}:{column}: {message}\n" in result.stderr


def test_duplicate_key_names_both_lines(cli, data_dir):
    path = data_dir / "2023" / OBJ
    replace_in(path, "        unit: tấn\n", "        unit: tấn\n        unit: tấn\n")
    first = line_of(path, "unit: tấn")
    result = cli("validate")
    assert result.exit_code == 1
    assert f"2023/{OBJ}:{first + 1}:9: khóa 'unit' bị lặp lại (đã có ở dòng {first})" in result.stderr


def test_duplicate_id_names_the_first_use(cli, data_dir):
    path = data_dir / "2023" / OBJ
    replace_in(path, "id: 4b", "id: 4a")
    first = line_of(path, "id: 4a")
    result = cli("validate")
    assert f"mã chỉ tiêu '4a' trùng với mã chỉ tiêu ở dòng {first}" in result.stderr


def test_empty_file(cli, data_dir):
    (data_dir / "2023" / PLAN).write_text("", encoding="utf-8")
    result = cli("validate")
    assert result.exit_code == 1
    assert "2023/plan.yaml:1:1: tệp rỗng: không có nội dung YAML" in result.stderr


def test_missing_file(cli, data_dir):
    (data_dir / "2023" / PLAN).unlink()
    result = cli("validate")
    assert result.exit_code == 1
    assert "2023/plan.yaml: không tìm thấy tệp" in result.stderr


def test_every_error_of_both_files_at_once(cli, data_dir):
    replace_in(data_dir / "2023" / OBJ, "plan: 994", "plan: yes")
    replace_in(data_dir / "2023" / PLAN, "due: [2023-02-28]", "due: [2023-02-30]")
    replace_in(data_dir / "2023" / OBJ, "        plan: 5.573", "        plann: 5.573")
    result = cli("validate")
    assert "dữ liệu có 4 lỗi" in result.stderr  # plann, missing plan, yes, the date
    assert "objectives.yaml" in result.stderr and "plan.yaml" in result.stderr


def test_missing_data_folder(cli, tmp_path):
    result = cli("validate", "--data", str(tmp_path / "khong-co"))
    assert result.exit_code == 1
    assert "không tìm thấy thư mục dữ liệu" in result.stderr
    assert "--data" in result.stderr


def test_unknown_year(cli):
    result = cli("validate", "--year", "2019")
    assert result.exit_code == 1
    assert "không có dữ liệu năm 2019" in result.stderr and "2023" in result.stderr


def test_non_utf8_file(cli, data_dir):
    path = data_dir / "2023" / PLAN
    path.write_bytes(path.read_bytes().replace("Kế hoạch thực hiện".encode(), "K\xea ho".encode("latin-1"), 1))
    result = cli("validate")
    assert result.exit_code == 1
    assert "tệp không phải mã UTF-8" in result.stderr
