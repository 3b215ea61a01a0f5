"""Malformed data files: each refused with its file and line, nothing changed on disk."""

from __future__ import annotations

import json

import pytest

from tests.adversarial.conftest import COMPLETION, OPENED, RECORD, assert_refused, snapshot

OBJ, PLAN = "objectives.yaml", "plan.yaml"
REC, DONE, ACT = "records.jsonl", "completions.jsonl", "actions.jsonl"

# (name, file, old text or None for the whole file, new text, expected "file:line" part, message)
CASES = [
    # objectives.yaml
    ("obj syntax", OBJ, "year: 2023", "year: {2023", "objectives.yaml:11:", "ngoặc nhọn '{' chưa được đóng"),
    ("obj tab", OBJ, "  place: Giang Hải", "\tplace: Giang Hải", "objectives.yaml:16:1", "Tab"),
    ("obj empty", OBJ, None, "", "objectives.yaml:1:1", "tệp rỗng"),
    ("obj only comments", OBJ, None, "# chỉ có chú thích\n", "objectives.yaml:1:1", "tệp rỗng"),
    ("obj a list", OBJ, None, "- 1\n- 2\n", "objectives.yaml:1:1", "bảng 'khóa: giá trị'"),
    ("obj a scalar", OBJ, None, "xin chào\n", "objectives.yaml:1:1", "bảng 'khóa: giá trị'"),
    ("obj duplicate key", OBJ, "  place: Giang Hải\n", "  place: Giang Hải\n  place: Giang Hải\n",
     "objectives.yaml:17:3", "khóa 'place' bị lặp lại"),
    ("obj duplicate id", OBJ, 'id: "9.2"', 'id: "9.1"', "objectives.yaml:", "mã chỉ tiêu '9.1' trùng"),
    ("obj telex duplicate", OBJ, "id: 4g", "id: 4dd", "objectives.yaml:", "mã chỉ tiêu '4dd' trùng"),
    ("obj unknown key", OBJ, "        kind: level\n", "        kind: level\n        colour: red\n",
     "objectives.yaml:", "khóa 'colour' không hợp lệ"),
    ("obj yes as plan", OBJ, "plan: 994", "plan: yes", "objectives.yaml:", "'yes' không phải là số"),
    ("obj on as plan", OBJ, "plan: 994", "plan: on", "objectives.yaml:", "'on' không phải là số"),
    ("obj list as unit", OBJ, "unit: tỷ đồng", "unit: [tỷ, đồng]", "objectives.yaml:", "phải là một đoạn chữ"),
    ("obj true as plan", OBJ, "plan: 994", "plan: true", "objectives.yaml:", "'True' không phải là số"),
    ("obj vietnamese comma", OBJ, "plan: 101.715", 'plan: "101,715"', "objectives.yaml:", "dùng dấu chấm"),
    ("obj nan", OBJ, "plan: 994", "plan: .nan", "objectives.yaml:", "số hữu hạn"),
    ("obj infinity", OBJ, "plan: 994", "plan: .inf", "objectives.yaml:", "số hữu hạn"),
    ("obj negative plan", OBJ, "plan: 994", "plan: -994", "objectives.yaml:", "kế hoạch -994 là số âm"),
    ("obj bad op", OBJ, 'op: "<="', 'op: "=<"', "objectives.yaml:", "chọn một trong"),
    ("obj bad kind", OBJ, "kind: level", "kind: levle", "objectives.yaml:", "chọn một trong"),
    ("obj impossible date", OBJ, "date: 2023-02-01", "date: 2023-02-30", "objectives.yaml:", "ngày '2023-02-30'"),
    ("obj schema unknown", OBJ, "schema_version: 4", "schema_version: 99", "objectives.yaml:10:", "lược đồ '99'"),
    ("obj schema missing", OBJ, "schema_version: 4\n", "", "objectives.yaml:", "thiếu khóa schema_version"),
    ("obj year mismatch", OBJ, "year: 2023", "year: 2022", "objectives.yaml:11:", "không khớp với thư mục 2023"),
    ("obj parent missing", OBJ, "parent: 4a", "parent: 4zz", "objectives.yaml:", "chỉ tiêu cha '4zz'"),
    ("obj sum_of part missing", OBJ, "sum_of: [4e1, 4e2]", "sum_of: [4e1, 4e9]", "objectives.yaml:",
     "chỉ tiêu thành phần '4e9'"),
    ("obj sum mismatch", OBJ, "plan: 192", "plan: 190", "objectives.yaml:", "không bằng tổng các thành phần"),
    ("obj checklist without items", OBJ, "items: [Giao thông, Trường học, Thu nhập]", "items: []",
     "objectives.yaml:", "phải có danh sách tiêu chí"),
    ("obj ratio over 100", OBJ, "plan: 85\n", "plan: 185\n", "objectives.yaml:", "không thể vượt 100%"),
    ("obj alias", OBJ, "  unit: Xã Giang Hải", "  unit: &u Xã Giang Hải\n  other: *u", "objectives.yaml:",
     "tham chiếu YAML"),
    ("obj deep nesting", OBJ, "commitment: >-", "deep: " + "[" * 60 + "]" * 60 + "\ncommitment: >-",
     "objectives.yaml:", "lồng nhau quá sâu"),
    ("obj no objectives", OBJ, "objectives:\n", "old_objectives:\n", "objectives.yaml:", "thiếu khóa bắt buộc 'objectives'"),
    # plan.yaml
    ("plan syntax", PLAN, "title: Kế hoạch thực hiện Mục tiêu chất lượng năm 2023",
     "title: Kế hoạch: năm: 2023", "plan.yaml:13:", "dấu hai chấm đặt sai chỗ"),
    ("plan unknown key", PLAN, "        lead: Các ngành\n", "        leader: Các ngành\n", "plan.yaml:",
     "khóa 'leader' không hợp lệ"),
    ("plan impossible date", PLAN, "due: [2023-10-31]", "due: [2023-11-31]", "plan.yaml:", "ngày '2023-11-31'"),
    ("plan deadline other year", PLAN, "due: [2023-10-31]", "due: [2022-10-31]", "plan.yaml:", "nằm ngoài năm"),
    ("plan bad repeat", PLAN, "        repeat: yearly", "        repeat: weekly", "plan.yaml:", "chọn một trong"),
    ("plan no schedule", PLAN, "        repeat: yearly\n", "", "plan.yaml:", "đúng một trong hai khóa"),
    ("plan unknown objective", PLAN, "objective: 7", "objective: 17", "plan.yaml:", "mục tiêu 17"),
    ("plan duplicate task", PLAN, "id: IX.1", "id: I.1", "plan.yaml:", "mã nhiệm vụ 'I.1' trùng"),
    ("plan non utf8", PLAN, "title: Kế hoạch", "title: K\udce1 hoạch", "plan.yaml:", "không phải mã UTF-8"),
    # the files mtcl writes
    ("records cut off", REC, None, RECORD + "\n" + RECORD[:40], "records.jsonl:2", "bị cắt dở"),
    ("records not json", REC, None, "xin chào\n", "records.jsonl:1", "bị cắt dở"),
    ("records a list", REC, None, "[1, 2]\n", "records.jsonl:1", "phải là một bảng"),
    ("records unknown target", REC, None, RECORD.replace('"4c"', '"4z"') + "\n", "records.jsonl:1",
     "chỉ tiêu '4z' không còn"),
    ("records other year", REC, None, RECORD.replace("2023-06-01", "2022-06-01", 1) + "\n", "records.jsonl:1",
     "nằm ngoài năm 2023"),
    ("records negative", REC, None, RECORD.replace('"43"', '"-43"') + "\n", "records.jsonl:1",
     "số liệu -43 là số âm, nhưng chỉ tiêu 4c không nhận số âm"),
    ("records nan", REC, None, RECORD.replace('"43"', '"NaN"') + "\n", "records.jsonl:1", "số hữu hạn"),
    ("records impossible date", REC, None, RECORD.replace("2023-06-01", "2023-02-30", 1) + "\n",
     "records.jsonl:1", "2023-02-30"),
    ("records unknown field", REC, None, RECORD.replace('"by"', '"colour":"red","by"') + "\n",
     "records.jsonl:1", "khóa 'colour' không hợp lệ"),
    ("records value and item", REC, None, RECORD.replace('"by"', '"item":"x","met":true,"by"') + "\n",
     "records.jsonl:1", "đúng một trong: 'value' (số liệu), 'item' và 'met' (tiêu chí)"),
    ("completions unknown occurrence", DONE, None, COMPLETION.replace("2023-02-28", "2023-Q5") + "\n",
     "completions.jsonl:1", "không có lần thực hiện '2023-Q5'"),
    ("completions unknown task", DONE, None, COMPLETION.replace('"I.1"', '"I.9"') + "\n", "completions.jsonl:1",
     "nhiệm vụ 'I.9' không còn"),
    ("actions close before open", ACT, None,
     '{"event":"close","id":"HĐKP-2023-05","result":"r","effective":true,"closed_on":"2023-07-01","by":"x",'
     '"recorded_at":"2023-07-01T08:00:00Z"}\n', "actions.jsonl:1", "chưa từng được mở"),
    ("actions unknown subject", ACT, None, OPENED.replace('"5.6"', '"5.9"') + "\n", "actions.jsonl:1",
     "'5.9', không còn"),
    ("actions unknown event", ACT, None, OPENED.replace('"open"', '"reopen"') + "\n", "actions.jsonl:1", None),
]


def _write(path, old, new):
    if old is None:
        path.write_bytes(new.encode("utf-8", "surrogateescape"))
        return
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_bytes(text.replace(old, new, 1).encode("utf-8", "surrogateescape"))


# The commands that read each file: every one must refuse it.
READERS = {
    OBJ: [["validate"], ["status"], ["record", "4c", "44"], ["done", "I.2", "--evidence", "KH 12"]],
    PLAN: [["validate"], ["plan"], ["record", "4c", "44"], ["done", "I.2", "--evidence", "KH 12"]],
    REC: [["status"], ["record", "4c", "44"], ["history", "4c"], ["report", "--period", "h1"]],
    DONE: [["plan"], ["done", "I.2", "--evidence", "KH 12"], ["status"], ["report", "--period", "h1"]],
    ACT: [["action", "list"], ["status"], ["report", "--kind", "register"],
          ["action", "open", "5.6", "--problem", "p", "--action", "a", "--owner", "o", "--due", "30/9/2023"]],
}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_malformed_file_is_refused_and_nothing_changes(cli, seeded, case, monkeypatch):
    _, name, old, new, where, message = case
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    _write(seeded / "2023" / name, old, new)
    before = snapshot(seeded)
    for command in READERS[name]:
        result = cli(*command)
        assert_refused(result, where, *([message] if message else []))
        assert result.exit_code == 1
        assert snapshot(seeded) == before, command


def test_a_bom_is_accepted(cli, seeded):
    before = json.loads(cli("status", "--json").stdout)
    for name in ("objectives.yaml", "records.jsonl"):
        path = seeded / "2023" / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert cli("validate").stdout.startswith("Hợp lệ: năm 2023 có 9 mục tiêu, 40 chỉ tiêu")
    assert json.loads(cli("status", "--json").stdout) == before  # every figure read as before


def test_every_problem_of_a_file_is_listed(cli, seeded):
    (seeded / "2023" / "records.jsonl").write_text(
        "\n".join([RECORD, "xin chào", RECORD.replace('"4c"', '"4z"'), RECORD]) + "\n", encoding="utf-8")
    result = cli("status")
    assert_refused(result, "records.jsonl:2:", "records.jsonl:3:", "dữ liệu có 2 lỗi")
