"""Plan tracking: occurrences from each timing form, done on time or late, overdue, evidence."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

from mtcl.files.book import open_year
from mtcl.core.schedule import occurrences, task_states
from tests.conftest import SHIPPED


@pytest.fixture(scope="module")
def year():
    return open_year(SHIPPED, 2023)


def keys_and_dues(year, task_id):
    return [(o.key, o.due) for o in occurrences(year.tasks[task_id], 2023)]


def test_occurrences_of_each_timing_form(year):
    assert keys_and_dues(year, "I.1") == [("2023-02-28", date(2023, 2, 28))]
    assert keys_and_dues(year, "I.6") == [("2023-06-15", date(2023, 6, 15)), ("2023-11-30", date(2023, 11, 30))]
    assert keys_and_dues(year, "II.2") == [
        ("2023-Q1", date(2023, 3, 31)), ("2023-Q2", date(2023, 6, 30)),
        ("2023-Q3", date(2023, 9, 30)), ("2023-Q4", date(2023, 12, 31)),
    ]
    assert keys_and_dues(year, "IV.3") == [("2023-12-31", date(2023, 12, 31))]
    assert keys_and_dues(year, "VIII.2") == [
        ("2023-01-31", date(2023, 1, 31)), ("2023-06-01", date(2023, 6, 1)), ("2023-11-30", date(2023, 11, 30)),
    ]
    assert keys_and_dues(year, "IX.1") == [("2023-10-31", date(2023, 10, 31))]
    assert keys_and_dues(year, "I.4") == [("2023-H1", date(2023, 6, 30)), ("2023-H2", date(2023, 12, 31))]
    assert keys_and_dues(year, "I.5") == [("2023", date(2023, 12, 31))]
    assert keys_and_dues(year, "V.1") == [(f"2023-Q{q}", None) for q in range(1, 5)]


def test_every_task_has_occurrences(year):
    assert all(occurrences(task, 2023) for task in year.tasks.values())
    states = task_states(year.tasks.values(), [], 2023, date(2023, 1, 1))
    assert {s.status for s in states} <= {"upcoming", "due_soon", "continuous"}


def occurrence(cli, task_id, key, as_of="2023-06-10"):
    out = json.loads(cli("plan", task_id, "--json", "--as-of", as_of).stdout)
    (task,) = out["tasks"]
    return next(o for o in task["occurrences"] if o["key"] == key)


def test_done_on_time_late_overdue_and_due_soon(cli, june):
    assert cli("done", "I.1", "--evidence", "QĐ số 27/QĐ-UBND ngày 01/02/2023", "--date", "1/2/2023").exit_code == 0
    assert cli("done", "I.2", "--evidence", "KH số 12/KH-UBND", "--date", "5/4/2023").exit_code == 0
    on_time = occurrence(cli, "I.1", "2023-02-28")
    assert on_time["status"] == "done" and on_time["done_on"] == "2023-02-01"
    assert on_time["evidence"][0]["text"] == "QĐ số 27/QĐ-UBND ngày 01/02/2023"
    late = occurrence(cli, "I.2", "2023-03-31")
    assert late["status"] == "done_late" and late["days_late"] == 5
    overdue = occurrence(cli, "I.3", "2023-03-31")
    assert overdue["status"] == "overdue" and overdue["days_late"] == 71
    assert occurrence(cli, "I.6", "2023-06-15")["status"] == "due_soon"
    assert occurrence(cli, "I.6", "2023-11-30")["status"] == "upcoming"
    assert occurrence(cli, "I.1", "2023-02-28", as_of="2023-01-15")["status"] == "upcoming"  # judged in the past


def test_table_and_summary(cli, june):
    cli("done", "I.1", "--evidence", "QĐ 27", "--date", "1/2/2023")
    result = cli("plan")
    assert result.exit_code == 0
    assert "Đã hoàn thành 01/02/2023: QĐ 27" in result.stdout
    assert "Quá hạn 71 ngày" in result.stdout and "Sắp đến hạn" in result.stdout
    assert "đúng hạn 8,3% số việc đã đến hạn" in result.stdout  # 1 on time of the 12 due by 10/6


def test_continuous_quarter_without_evidence_is_flagged(cli, june):
    cli("done", "V.1", "--evidence", "Danh mục TTHC niêm yết", "--date", "3/5/2023")
    q1 = occurrence(cli, "V.1", "2023-Q1")
    q2 = occurrence(cli, "V.1", "2023-Q2")
    assert q1["status"] == "continuous" and q1["missing_evidence"] is True
    assert q2["status"] == "continuous" and q2["missing_evidence"] is False and q2["done_on"] == "2023-05-03"
    assert "hết quý chưa có minh chứng" in cli("plan", "V.1").stdout


def test_evidence_file_is_hashed_and_kept_relative(cli, data_dir, june):
    scan = data_dir / "minh-chung" / "bc-quy-1.pdf"
    scan.parent.mkdir()
    scan.write_bytes(b"%PDF-1.4 bao cao quy I")
    result = cli("done", "II.2", "--occurrence", "2023-q1", "--evidence", "BC số 5/BC-UBND", "--file", str(scan))
    assert result.exit_code == 0, result.output
    (line,) = (data_dir / "2023" / "completions.jsonl").read_text(encoding="utf-8").splitlines()
    entry = json.loads(line)
    assert entry["file"] == "data/minh-chung/bc-quy-1.pdf"  # relative to the folder above the data
    assert entry["sha256"] == hashlib.sha256(b"%PDF-1.4 bao cao quy I").hexdigest()
    assert entry["occurrence"] == "2023-Q1" and entry["by"] == "Nguyễn Thị Thu"
    assert scan.read_bytes() == b"%PDF-1.4 bao cao quy I"


def test_second_completion_adds_evidence(cli, june):
    assert cli("done", "I.6", "--evidence", "BC số 45/BC-UBND", "--date", "9/6/2023").exit_code == 0
    assert cli("done", "I.6", "--evidence", "Phụ lục số liệu", "--date", "8/6/2023", "--occurrence", "2023-06-15").exit_code == 0
    first = occurrence(cli, "I.6", "2023-06-15")
    assert first["status"] == "done" and first["done_on"] == "2023-06-08"
    assert [e["text"] for e in first["evidence"]] == ["Phụ lục số liệu", "BC số 45/BC-UBND"]


def test_default_occurrence_is_the_earliest_open(cli, june):
    cli("done", "II.2", "--evidence", "BC quý I", "--date", "2/4/2023")
    cli("done", "II.2", "--evidence", "BC quý II", "--date", "9/6/2023")
    out = json.loads(cli("plan", "II.2", "--json").stdout)["tasks"][0]["occurrences"]
    assert [o["status"] for o in out[:2]] == ["done_late", "done"]


def test_unknown_occurrence_lists_the_keys(cli, data_dir, june):
    result = cli("done", "I.6", "--occurrence", "2023-07-01", "--evidence", "x")
    assert result.exit_code == 1
    assert "nhiệm vụ I.6 không có lần thực hiện '2023-07-01'" in result.stderr
    assert "các lần: 2023-06-15, 2023-11-30" in result.stderr
    assert not (data_dir / "2023" / "completions.jsonl").exists()


def test_missing_evidence_file_and_future_date(cli, june, tmp_path):
    assert "không tìm thấy tệp minh chứng" in cli("done", "I.3", "--evidence", "x", "--file", str(tmp_path / "no")).stderr
    assert "chưa tới" in cli("done", "I.3", "--evidence", "x", "--date", "1/7/2023").stderr


def test_filters(cli, june):
    overdue = json.loads(cli("plan", "--overdue", "--json").stdout)["tasks"]
    assert {t["id"] for t in overdue} == {"I.1", "I.2", "I.3", "II.1", "II.2", "III.2", "IV.1", "IV.2", "V.3", "V.4",
                                           "VIII.2"}
    viii2 = next(t for t in overdue if t["id"] == "VIII.2")
    assert [o["key"] for o in viii2["occurrences"]] == ["2023-01-31", "2023-06-01"]
    lead = json.loads(cli("plan", "--lead", "vh-xh", "--json").stdout)["tasks"]
    assert [t["id"] for t in lead] == ["VIII.2"]
    soon = json.loads(cli("plan", "--due-within", "30", "--json").stdout)["tasks"]
    assert "I.6" in {t["id"] for t in soon} and "IX.1" not in {t["id"] for t in soon}


def test_status_shows_overdue_plan_work(cli, june):
    # I.1, I.2, I.3, II.1, II.2-Q1, III.2-Q1, IV.1, IV.2, V.3-Q1, V.4-Q1, VIII.2 twice
    assert "Kế hoạch: 12 lần thực hiện nhiệm vụ quá hạn" in cli("status").stdout
