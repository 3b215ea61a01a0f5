"""No silent wrong figure: what the officer types, what is stored and what is judged agree.

Each story is told from the officer's side: the command typed, what is stored, what
``status --json`` and the report then say.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import unicodedata
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from mtcl.core.figures import doubt, twins
from mtcl.core.models import Target
from tests.conftest import replace_in


def records_file(data_dir: Path) -> Path:
    return data_dir / "2023" / "records.jsonl"


def stored(data_dir: Path) -> list[dict]:
    path = records_file(data_dir)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def status_of(cli, target_id: str, *args: str) -> dict:
    out = json.loads(cli("status", "--json", *args).stdout)
    return next(t for t in out["targets"] if t["id"] == target_id)


# 1. A figure typed without diacritics lands on the wrong target

def test_a_figure_far_from_the_progress_expected_is_questioned_and_names_the_twin(cli, data_dir, june):
    result = cli("record", "4d", "1.002,5", "--as-of", "31/5/2023")
    assert result.exit_code == 1
    assert ("Số liệu bất thường cho chỉ tiêu 4d — Tổng vốn đầu tư toàn xã hội (tỷ đồng, kế hoạch năm "
            "≥ 101,715 tỷ đồng): 1.002,5 tỷ đồng đến ngày 31/05/2023 gấp 23,8 lần tiến độ kế hoạch đến ngày đó "
            "(42,08 tỷ đồng).\nCó phải chỉ tiêu 4đ — Sản lượng lương thực có hạt (tấn, kế hoạch năm "
            "≥ 1.936,49 tấn)?") in result.stderr
    assert "nếu số liệu đúng, ghi lại kèm --yes" in result.stderr
    assert stored(data_dir) == []
    confirmed = cli("record", "4d", "1.002,5", "--as-of", "31/5/2023", "--yes")
    assert confirmed.exit_code == 0
    assert confirmed.stdout.startswith("Đã ghi số liệu 4d — Tổng vốn đầu tư toàn xã hội (tỷ đồng, kế hoạch năm "
                                       "≥ 101,715 tỷ đồng): 1.002,5 tỷ đồng, ngày 31/05/2023; mã dòng SL-")


def test_the_right_target_is_not_questioned(cli, data_dir, june):
    result = cli("record", "4dd", "1.002,5", "--as-of", "31/5/2023")
    assert result.exit_code == 0, result.output
    assert "4đ — Sản lượng lương thực có hạt (tấn, kế hoạch năm ≥ 1.936,49 tấn): 1.002,5 tấn" in result.stdout


def target(id="t", plan="100", kind="cumulative", unit="tấn", op=">=", **extra) -> Target:
    return Target(id=id, name=id, unit=unit, plan=D(plan), op=op, kind=kind, **extra)


def test_doubt_rules():
    grain = target(plan="1000")
    mid_may = date(2023, 5, 31)  # 151/365 of the year: 413,7 tấn expected
    assert doubt(grain, D("2068"), mid_may) is None  # exactly five times the progress is still plausible
    assert doubt(grain, D("2069"), mid_may) == \
        "2.069 tấn đến ngày 31/05/2023 gấp 5 lần tiến độ kế hoạch đến ngày đó (413,7 tấn)"
    assert doubt(grain, D("9"), date(2023, 7, 2)) == "số lũy kế 9 tấn chưa bằng 1/100 kế hoạch năm dù đã qua nửa năm"
    assert doubt(grain, D("10"), date(2023, 7, 2)) is None
    rate = target(plan="3.37", kind="level", unit="%", op="<=")
    assert doubt(rate, D("33.7"), mid_may) is None  # ten times the plan: a rate may be far off
    assert doubt(rate, D("33.71"), mid_may) == "33,71% gấp 10 lần kế hoạch năm"
    assert doubt(target(plan="0.9", kind="level", unit="%", op="<="), D("0"), mid_may) is None
    assert doubt(target(kind="ratio", unit="%"), D("100"), mid_may) is None


def test_doubt_against_the_previous_figure():
    from tests.test_attainment import rec

    grain = target(plan="1000")
    earlier = rec(as_of=date(2023, 3, 31), value="300")
    assert doubt(grain, D("250"), date(2023, 5, 31), earlier) == \
        "số lũy kế 250 tấn nhỏ hơn số ngày 31/03/2023 (300 tấn)"
    assert doubt(grain, D("250"), date(2023, 3, 31), earlier) is None  # the same date corrects it
    income = target(plan="42", kind="level", unit="triệu đồng")
    before = rec(as_of=date(2023, 3, 31), value="40")
    assert doubt(income, D("4"), date(2023, 6, 30), before) is None  # a tenth is still within reach
    assert doubt(income, D("3.9"), date(2023, 6, 30), before) == \
        "3,9 triệu đồng lệch hơn 10 lần so với số ngày 31/03/2023 (40 triệu đồng)"
    assert doubt(income, D("401"), date(2023, 6, 30), before).startswith("401 triệu đồng lệch hơn 10 lần")


def test_twins_differ_only_by_diacritics():
    targets = {t.id: t for t in [target("4d"), target("4đ"), target("4e"), target("4ê"), target("4e1")]}
    assert [t.id for t in twins(targets, targets["4d"])] == ["4đ"]
    assert [t.id for t in twins(targets, targets["4ê"])] == ["4e"]
    assert twins(targets, targets["4e1"]) == []


def run_in_terminal(data_dir: Path, answers: list[str], *args: str) -> tuple[int, str]:
    """``mtcl`` in a real pseudo-terminal, answering its questions in turn."""
    env = {**os.environ, "MTCL_DATA": str(data_dir), "MTCL_TODAY": "2023-06-10", "MTCL_USER": "Thu"}
    parent, child = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "mtcl", *args], stdin=child, stdout=child, stderr=child,
                               env=env, close_fds=True)
    os.close(child)
    seen = b""
    pending = list(answers)
    while True:
        ready, _, _ = select.select([parent], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(parent, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if pending and seen.rstrip().endswith(b"[c/K]:"):
            os.write(parent, (pending.pop(0) + "\n").encode())
    os.close(parent)
    return process.wait(timeout=30), seen.decode("utf-8", errors="replace")


@pytest.mark.parametrize("answer, stored_count", [("k", 0), ("không", 0), ("", 0), ("c", 1), ("có", 1), ("y", 1)])
def test_the_question_is_asked_in_vietnamese(data_dir, answer, stored_count):
    code, screen = run_in_terminal(data_dir, ["x", answer], "record", "4d", "1.002,5", "--as-of", "31/5/2023")
    assert "Vẫn ghi vào chỉ tiêu 4d? [c/K]:" in screen
    assert "Trả lời c (có) hoặc k (không)." in screen  # 'x' is no answer: asked again
    assert "y/N" not in screen and "Error" not in screen
    assert code == (0 if stored_count else 1)
    assert len(stored(data_dir)) == stored_count
    if not stored_count:
        assert "Lỗi: chưa ghi số liệu" in screen


# 2. English thousands read as decimals

def test_a_count_refuses_decimals_and_reads_the_english_thousands(cli, data_dir, june):
    result = cli("record", "4ee", "41,250")
    assert result.exit_code == 1
    assert "chỉ tiêu 4ê (lượt) ghi số nguyên: '41,250' có 3 chữ số thập phân" in result.stderr
    assert "Gợi ý: nếu là bốn mươi mốt nghìn hai trăm năm mươi, gõ 41.250" in result.stderr
    assert stored(data_dir) == []
    assert cli("record", "4ee", "41.250").exit_code == 0
    assert stored(data_dir)[-1]["value"] == "41250"
    assert "chỉ tiêu 4l (người) ghi số nguyên: '2,5' có 1 chữ số thập phân" in cli("record", "4l", "2,5").stderr


def test_counts_of_a_ratio_are_whole_numbers(cli, data_dir, june):
    result = cli("record", "5.2", "1240,5", "--of", "1250")
    assert result.exit_code == 1 and "'1240,5' không phải số nguyên" in result.stderr
    assert "tỷ lệ đã tính sẵn thì ghi kèm dấu %" in result.stderr


# 3. Digits typed are shown as typed

def test_a_figure_is_shown_with_the_digits_typed(cli, data_dir, june):
    assert cli("record", "4a", "2,415", "--as-of", "31/5/2023").exit_code == 0
    assert status_of(cli, "4a")["actual"] == 2.415
    assert "2,415 tỷ đồng" in cli("status", "4a").stdout
    assert "2,415 tỷ đồng" in cli("history", "4a").stdout
    report = cli("report", "--period", "h1", "--format", "md").stdout
    assert "đạt 2,415 tỷ đồng" in report and "| 2,415 |" in report


def test_computed_percentages_follow_one_rule(cli, june):
    assert cli("record", "8.1", "310", "--of", "312").exit_code == 0  # 99,358…%
    assert cli("record", "1.1", "17", "--of", "17").exit_code == 0
    table = cli("status", "8.1", "1.1").stdout
    assert "99,4%" in table and "99,36" not in table
    assert "100%" in table and "100,0%" not in table


# 4. The same figure judged the same way, and stale figures said to be stale

def test_a_cumulative_figure_is_judged_at_its_own_date(cli, data_dir, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    echo = cli("record", "4b", "2,6", "--as-of", "31/5/2023")  # 46,7% of the plan; 41,4% of the year gone
    assert "Đúng tiến độ" in echo.stdout
    assert status_of(cli, "4b")["status"] == "on_track"  # seen on 12/6, when 44,4% of the year is gone
    assert status_of(cli, "4b", "--period", "h1")["status"] == "on_track"
    rows = cli("report", "--period", "h1", "--format", "md").stdout
    assert "| 4b | Chi ngân sách Nhà nước trên địa bàn | tỷ đồng | 5,573 | 2,6 | 46,7% | Đúng tiến độ |" in rows


def test_a_figure_older_than_thirty_days_is_stale_everywhere(cli, data_dir, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-06-12")
    assert cli("record", "4b", "2,6", "--as-of", "31/5/2023").exit_code == 0
    assert cli("record", "4c", "43,5", "--as-of", "30/5/2023").exit_code == 0
    assert status_of(cli, "4b", "--as-of", "30/6/2023")["stale"] is False  # exactly 30 days
    assert status_of(cli, "4c", "--as-of", "30/6/2023")["stale"] is True  # 31 days
    monkeypatch.setenv("MTCL_TODAY", "2023-07-15")
    assert status_of(cli, "4b")["stale"] is True
    table = cli("status", "4b").stdout
    assert "31/05*" in table and "* 2 chỉ tiêu có số liệu cũ hơn 30 ngày" not in table
    assert "* 1 chỉ tiêu có số liệu cũ hơn 30 ngày (ngày ghi là ngày của số liệu)" in table
    report = cli("report", "--period", "h1", "--as-of", "15/7/2023", "--format", "md")
    assert "Lưu ý: 2 chỉ tiêu có số liệu cũ hơn 30 ngày so với ngày 15/07/2023: 4b (31/05/2023), 4c (30/05/2023)." \
        in report.stderr
    assert "Lưu ý: 38 chỉ tiêu chưa có số liệu: 1.1, 2.1," in report.stderr
    assert "Chi ngân sách Nhà nước trên địa bàn đạt 2,6 tỷ đồng, bằng 46,7% kế hoạch năm (số liệu đến ngày " \
           "31/05/2023), đúng tiến độ; thu nhập bình quân đầu người đạt 43,5 triệu đồng (số liệu đến ngày 30/05/2023; " \
           "kế hoạch từ 42 triệu đồng trở lên), đạt kế hoạch." in report.stdout
    assert "| 2,6 (31/05) |" in report.stdout
    assert "số liệu cũ hơn 30 ngày ghi kèm ngày của số liệu" in report.stdout


# 5. Which figure counts does not depend on the PCs' clocks

def test_the_later_line_counts_whatever_the_clocks_say(cli, data_dir, june):
    fast = '{"target":"4c","as_of":"2023-06-01","value":"43","by":"PC nhanh 5 phút","recorded_at":"2023-06-01T08:05:00Z"}'
    slow = '{"target":"4c","as_of":"2023-06-01","value":"44","by":"PC đúng giờ","recorded_at":"2023-06-01T08:01:00Z"}'
    records_file(data_dir).write_text(fast + "\n" + slow + "\n", encoding="utf-8")
    assert status_of(cli, "4c")["actual"] == 44
    history = json.loads(cli("history", "4c", "--json").stdout)
    assert [(h["value"], h["counts"]) for h in history] == [("43", False), ("44", True)]


# 6. A wrong figure can be withdrawn, never deleted

def test_a_figure_recorded_on_the_wrong_target_is_withdrawn(cli, data_dir, june):
    assert cli("record", "4d", "1.002,5", "--as-of", "31/5/2023", "--yes").exit_code == 0
    (line,) = json.loads(cli("history", "4d", "--json").stdout)
    ref = line["ref"]
    assert ref.startswith("SL-") and len(ref) == 11 and line["voided"] is None
    assert ref in cli("history", "4d").stdout
    before = records_file(data_dir).read_bytes()

    result = cli("void", ref.lower(), "--reason", "Ghi nhầm chỉ tiêu, đúng là 4đ", "--by", "Thu")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Đã rút {ref} — số liệu 4d 1.002,5 tỷ đồng ngày 31/05/2023. "
                                    "Lý do: Ghi nhầm chỉ tiêu, đúng là 4đ.")
    assert records_file(data_dir).read_bytes() == before  # nothing deleted
    assert status_of(cli, "4d")["status"] == "no_data"
    (line,) = json.loads(cli("history", "4d", "--json").stdout)
    assert line["voided"]["by"] == "Thu" and line["voided"]["reason"] == "Ghi nhầm chỉ tiêu, đúng là 4đ"
    assert line["counts"] is False
    assert "đã rút: Ghi nhầm chỉ tiêu" in cli("history", "4d").stdout
    assert "1.002,5" not in cli("report", "--period", "h1", "--format", "md").stdout

    again = cli("void", ref, "--reason", "x")
    assert again.exit_code == 1 and f"dòng {ref} đã được rút ngày" in again.stderr
    unknown = cli("void", "SL-AAAAAAAA", "--reason", "x")
    assert unknown.exit_code == 1 and "không có dòng số liệu, hoàn thành hay đóng phiếu nào mang mã 'SL-AAAAAAAA'" in unknown.stderr
    assert cli("void", ref).exit_code == 2  # --reason is required


def test_a_completion_is_withdrawn_and_the_occurrence_is_open_again(cli, data_dir, june):
    assert cli("done", "I.2", "--evidence", "KH số 12", "--date", "5/4/2023").exit_code == 0
    (task,) = json.loads(cli("plan", "I.2", "--json").stdout)["tasks"]
    evidence = task["occurrences"][0]["evidence"][0]
    assert evidence["ref"].startswith("HT-")
    assert cli("void", evidence["ref"], "--reason", "Nhầm nhiệm vụ").exit_code == 0
    (task,) = json.loads(cli("plan", "I.2", "--json").stdout)["tasks"]
    assert task["occurrences"][0]["status"] == "overdue" and task["occurrences"][0]["evidence"] == []
    assert cli("done", "I.2", "--evidence", "KH số 12/KH-UBND", "--date", "6/4/2023").exit_code == 0


def test_lines_written_before_references_have_them_too(cli, data_dir, june):
    line = '{"target":"4c","as_of":"2023-06-01","value":"43","by":"x","recorded_at":"2023-06-01T08:00:00Z"}'
    records_file(data_dir).write_text(line + "\n" + line + "\n", encoding="utf-8")
    first, second = (h["ref"] for h in json.loads(cli("history", "4c", "--json").stdout))
    assert second == f"{first}-2"  # the same line twice: two references
    assert [h["ref"] for h in json.loads(cli("history", "4c", "--json").stdout)] == [first, second]  # stable
    assert cli("void", second, "--reason", "ghi hai lần").exit_code == 0
    assert status_of(cli, "4c")["actual"] == 43


def test_a_withdrawal_of_a_line_that_is_not_there_is_reported(cli, data_dir, june):
    (data_dir / "2023" / "withdrawals.jsonl").write_text(
        '{"ref":"SL-ZZZZZZZZ","reason":"x","by":"x","recorded_at":"2023-06-01T08:00:00Z"}\n', encoding="utf-8")
    result = cli("status")
    assert result.exit_code == 1
    assert "withdrawals.jsonl:1: không có dòng số liệu, hoàn thành hay đóng phiếu nào mang mã 'SL-ZZZZZZZZ'" in result.stderr


# 7. Vietnamese in another Unicode form

def to_nfd(path: Path) -> None:
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), encoding="utf-8")


def test_objectives_saved_in_decomposed_form_still_match(cli, data_dir, june):
    assert cli("record", "4h", "Giao thông").exit_code == 0
    to_nfd(data_dir / "2023" / "objectives.yaml")
    assert "ê" not in (data_dir / "2023" / "objectives.yaml").read_text(encoding="utf-8")
    assert cli("validate").exit_code == 0
    assert status_of(cli, "4h")["actual"] == 1
    assert cli("record", "4h", unicodedata.normalize("NFD", "Trường học")).exit_code == 0
    assert status_of(cli, "4h")["actual"] == 2
    assert cli("record", "4ê", "5.000").exit_code == 0
    again = cli("record", unicodedata.normalize("NFD", "4ê"), "6.000", "--yes")  # the same day: it replaces 5.000
    assert again.exit_code == 0, again.output
    assert all(unicodedata.is_normalized("NFC", line) for line in
               records_file(data_dir).read_text(encoding="utf-8").splitlines())


def test_a_records_file_in_decomposed_form_is_read(cli, data_dir, june):
    assert cli("record", "4h", "Trường học", "--note", "Đạt chuẩn").exit_code == 0
    to_nfd(records_file(data_dir))
    assert status_of(cli, "4h")["actual"] == 1


def test_a_checklist_item_no_longer_listed_is_reported(cli, data_dir, june):
    assert cli("record", "4h", "Thu nhập").exit_code == 0
    replace_in(data_dir / "2023" / "objectives.yaml", "items: [Giao thông, Trường học, Thu nhập]",
               "items: [Giao thông, Trường học, Thu nhập bình quân]")
    result = cli("status")
    assert result.exit_code == 1
    assert ("records.jsonl:1: tiêu chí 'Thu nhập' không còn trong danh sách của chỉ tiêu 4h "
            "(Giao thông, Trường học, Thu nhập bình quân)") in result.stderr


# 8. Numbers have bounds

@pytest.mark.parametrize("value, message", [
    ("1.000.000.000.000.000.000.000.000.000", "có quá nhiều chữ số (mtcl nhận số có tối đa 15 chữ số)"),
    ("1.234.567.890.123.456", "có quá nhiều chữ số"),
    ("0,0000000000000001", "có quá nhiều chữ số"),
    ("١٢٣", "không phải là một số hợp lệ"),
    ("１２３", "không phải là một số hợp lệ"),
])
def test_numbers_beyond_the_bounds_are_refused_on_the_command_line(cli, data_dir, june, value, message):
    result = cli("record", "4a", value, "--yes")
    assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.output
    assert stored(data_dir) == []


@pytest.mark.parametrize("value", ["1e30", "12345678901234567890123", "1e999999999", "١٢٣",
                                   "0.0000000000000000000000000001"])
def test_numbers_beyond_the_bounds_are_refused_in_the_records_file(cli, data_dir, june, value):
    line = '{"target":"4a","as_of":"2023-06-01","value":"%s","by":"x","recorded_at":"2023-06-01T08:00:00Z"}' % value
    records_file(data_dir).write_text(line + "\n", encoding="utf-8")
    for command in (["status", "--json"], ["history", "4a"], ["report", "--period", "h1", "--format", "md"]):
        result = cli(*command)
        assert result.exit_code == 1 and "records.jsonl:1: value:" in result.stderr, command
        assert "Traceback" not in result.output
    years = cli("years")
    assert years.exit_code == 0 and "lỗi: " in years.stdout


def test_a_huge_plan_in_yaml_is_refused(cli, data_dir):
    replace_in(data_dir / "2023" / "objectives.yaml", "plan: 994", "plan: 1e999999999")
    result = cli("validate")
    assert result.exit_code == 1
    assert "số '1e999999999' có quá nhiều chữ số (mtcl nhận số có tối đa 15 chữ số)" in result.stderr


def test_a_tiny_figure_last_year_does_not_break_this_year(cli, data_dir, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2024-06-30")
    assert cli("init", "2024").exit_code == 0
    line = '{"target":"4a","as_of":"2023-06-30","value":"0.0000000000000000000000000001","by":"x",' \
           '"recorded_at":"2023-07-01T08:00:00Z"}'
    records_file(data_dir).write_text(line + "\n", encoding="utf-8")
    assert cli("record", "4a", "2,5", "--year", "2024").exit_code == 0
    result = json.loads(cli("status", "--json", "--year", "2024").stdout)
    assert result["notes"] == ["Không so sánh được với cùng kỳ: dữ liệu năm 2023 có lỗi "
                               "(xem: mtcl validate --year 2023)."]


# Round 2 (issue 26): what a hurried officer types in June.

def asked(cli, *args: str) -> str:
    """The question ``mtcl record`` puts (refused without a terminal, nothing stored)."""
    result = cli("record", *args)
    assert result.exit_code == 1 and "Gợi ý: nếu số liệu đúng, ghi lại kèm --yes" in result.stderr, result.output
    return result.stderr


@pytest.mark.parametrize(("target", "typed", "both"), [
    ("4a1", "41,250", ("41,25 triệu đồng", "41.250 triệu đồng (bốn mươi mốt nghìn hai trăm năm mươi) thì gõ 41.250")),
    ("4g", "41,250", ("41,25 tỷ đồng", "41.250 tỷ đồng (bốn mươi mốt nghìn hai trăm năm mươi) thì gõ 41.250")),
    ("4a1", "1,133", ("1,133 triệu đồng", "1.133 triệu đồng (một nghìn một trăm ba mươi ba) thì gõ 1.133")),
])
def test_three_digits_after_the_comma_are_asked_about_with_both_readings(cli, data_dir, june, target, typed, both):
    """Money targets take decimals, so '41,250' was stored as 41,25 and '1,133' (the plan
    1.133 typed the English way) as 0,1% of the plan, without a word, before mid-year."""
    question = asked(cli, target, typed, "--as-of", "31/5/2023")
    assert f"'{typed}' được đọc là {both[0]}; nếu là {both[1]}" in question
    assert stored(data_dir) == []
    assert cli("record", target, typed, "--as-of", "31/5/2023", "--yes").exit_code == 0  # the officer's choice


def test_a_percentage_under_one_where_the_plan_is_over_ten_is_asked_about(cli, data_dir, june):
    question = asked(cli, "4k", "0,85", "--as-of", "31/5/2023")
    assert "0,85% rất nhỏ so với kế hoạch 84,5%: 0,85% hay 85%?" in question
    assert cli("record", "4k", "85", "--as-of", "31/5/2023").exit_code == 0  # the right figure: no question


def test_a_figure_of_the_same_date_says_what_it_replaces(cli, data_dir, june):
    assert cli("record", "5.6", "43%", "--as-of", "31/5/2023").exit_code == 0
    question = asked(cli, "5.6", "96,2%", "--as-of", "31/5/2023")
    assert "Chỉ tiêu 5.6 đã có số liệu ngày 31/05/2023: 43% (Nguyễn Thị Thu ghi lúc" in question
    assert "số mới sẽ thay cho số này" in question
    assert [r["value"] for r in stored(data_dir)] == ["43"]
    assert cli("record", "5.6", "96,2%", "--as-of", "31/5/2023", "--yes").exit_code == 0
    assert status_of(cli, "5.6", "--as-of", "31/5/2023")["actual"] == 96.2
    assert cli("record", "5.6", "97%", "--as-of", "1/6/2023").exit_code == 0  # another date replaces nothing


def test_an_estimate_said_in_words_is_shown_how_to_type(cli, data_dir, june):
    result = cli("record", "4a", "ước 2,6")
    assert result.exit_code == 1 and "Gợi ý: số ước thực hiện thì ghi: 2,6 --estimated" in result.stderr


def test_done_gives_its_reference_and_takes_the_date_as_record_does(cli, data_dir, june):
    result = cli("done", "I.3", "--evidence", "CT số 15/CT-UBND", "--as-of", "20/3/2023")
    assert result.exit_code == 0, result.output
    line = json.loads((data_dir / "2023" / "completions.jsonl").read_text(encoding="utf-8"))
    assert f"ngày 20/03/2023; mã dòng {line['ref']}." in result.stdout and line["ref"].startswith("HT-")
    assert cli("done", "I.4", "--evidence", "QĐ số 16/QĐ-UBND", "--date", "21/3/2023").exit_code == 0  # the old name
