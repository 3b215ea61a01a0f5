"""The officer's daily work: record figures, read the history, see the status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


def records_file(data_dir: Path) -> Path:
    return data_dir / "2023" / "records.jsonl"


SIX_MONTHS = [
    # a realistic set a VP-TK officer would have gathered for the 6-month report
    ["1.1", "17", "--of", "17"],
    ["2.1", "12", "--of", "12"],
    ["2.2", "9", "--of", "12"],             # 75% < 85%            -> not_met
    ["3.1", "40", "--of", "40"],
    ["3.2", "35", "--of", "40"],            # 87.5% >= 85%         -> met
    ["4a", "2,9", "--as-of", "30/6/2023", "--estimated"],  # 52.0% >= 49.6% -> on_track
    ["4a1", "520", "--as-of", "30/6/2023", "--estimated"],  # 45.9%          -> behind
    ["4b", "2,6", "--as-of", "31/5/2023"],  # 46.7% >= 41.4% at its own date -> on_track
    ["4c", "43,5"],                          # level 43.5 >= 42     -> met
    ["4đ", "1.002,5", "--as-of", "31/5/2023"],  # 51.8%             -> on_track
    ["4e1", "100", "--as-of", "31/5/2023"],
    ["4e2", "300", "--as-of", "31/5/2023"],  # 4e = 400 / 994 = 40.2% < 41.4% -> behind
    ["4ê", "41.000"],                        # 52.6%                -> on_track
    ["4h", "giao thong"],                    # 1 of 3
    ["4h", "Trường học"],                    # 2 of 3 by 10/06 ≥ 3 × 161/365 = 1,32 -> on_track
    ["4i", "3,1%"],                          # <= 3.37              -> met
    ["4m", "0,95%"],                         # > 0.9                -> not_met
    ["5.2", "1240", "--of", "1250"],         # 99.2% > 98           -> met
    ["5.6", "430", "--of", "1000"],          # 43% (band none)      -> not_met
    ["5.7", "96,2%", "--source", "Phiếu khảo sát quý II"],  # met
    ["7.1", "9", "--of", "10"],              # exactly 90%, needs > -> not_met
]

EXPECTED_H1 = {
    "1.1": "met", "2.1": "met", "2.2": "not_met", "3.1": "met", "3.2": "met",
    "4a": "on_track", "4a1": "behind", "4b": "on_track", "4c": "met", "4đ": "on_track",
    "4e": "behind", "4e1": "on_track", "4e2": "behind", "4ê": "on_track", "4h": "on_track",
    "4i": "met", "4m": "not_met", "5.2": "met", "5.6": "not_met", "5.7": "met", "7.1": "not_met",
}


def test_six_month_story(cli, june):
    for args in SIX_MONTHS:
        result = cli("record", *args)
        assert result.exit_code == 0, (args, result.output)
        assert result.stdout.startswith("Đã ghi số liệu")
    status = json.loads(cli("status", "--period", "h1", "--json").stdout)
    assert status["year"] == 2023 and status["as_of"] == "2023-06-30"
    by_id = {t["id"]: t for t in status["targets"]}
    assert {i: by_id[i]["status"] for i in EXPECTED_H1} == EXPECTED_H1
    assert all(by_id[i]["status"] == "no_data" for i in by_id if i not in EXPECTED_H1)
    assert by_id["5.2"]["actual"] == 99.2 and by_id["4e"]["actual"] == 400
    assert by_id["4a"]["estimated"] is True and by_id["4a"]["record_as_of"] == "2023-06-30"
    assert by_id["4a"]["attainment"] == 52  # 2,9 / 5,573 = 52,04%: one decimal, a whole number without
    assert by_id["4i"]["attainment"] is None and by_id["4h"]["actual"] == 2
    assert by_id["4a"]["previous_year"] is None
    summary = status["summary"]
    assert summary["met"] == 8 and summary["total"] == 40 and summary["no_data"] == 19
    assert sum(summary[k] for k in summary if k not in ("total", "without_action")) == 40
    assert summary["without_action"] == 7  # every target not met, near or behind: none has an action yet
    assert by_id["2.2"]["needs_action"] is True and by_id["2.2"]["actions"] == []
    assert by_id["5.2"]["needs_action"] is False


def test_status_table_in_vietnamese(cli, june):
    cli("record", "5.2", "1240", "--of", "1250")
    cli("record", "4đ", "1.002,5")
    result = cli("status", "--as-of", "10/6/2023")
    assert result.exit_code == 0
    out = result.stdout
    assert "đến ngày 10/06/2023" in out
    assert "99,2%" in out and "1.002,5 tấn" in out and "Đạt" in out and "Đúng tiến độ" in out
    assert "Đạt 1/40 chỉ tiêu · 1 đúng tiến độ · 38 chưa có số liệu" in out
    assert "\x1b[" not in out  # no colour codes when not a terminal


def test_record_writes_who_when_and_source(cli, data_dir, june):
    result = cli("record", "4ee", "41.000", "--source", "Ban VH-XH", "--note", "A & B <c>", "--by", "Trần Văn Nam")
    assert result.exit_code == 0
    (line,) = records_file(data_dir).read_text(encoding="utf-8").splitlines()
    entry = json.loads(line)
    assert entry["target"] == "4ê" and entry["value"] == "41000" and entry["as_of"] == "2023-06-10"
    assert entry["source"] == "Ban VH-XH" and entry["note"] == "A & B <c>" and entry["by"] == "Trần Văn Nam"
    assert entry["recorded_at"].endswith("Z")


def test_user_defaults_to_environment(cli, data_dir, june):
    cli("record", "4c", "43")
    assert json.loads(records_file(data_dir).read_text(encoding="utf-8"))["by"] == "Nguyễn Thị Thu"


@pytest.mark.parametrize(
    "args, message",
    [
        (["5.2", "2.91", "--of", "3"], "dùng dấu phẩy cho phần thập phân: 2,91"),
        (["4a", "5.57"], "dùng dấu phẩy cho phần thập phân: 5,57"),
        (["4a", "1,2,3"], "không phải là một số hợp lệ"),
        (["5.2", "1240"], "ghi số đạt trên tổng số, hoặc tỷ lệ có dấu %"),
        (["5.2", "12", "--of", "10"], "số đạt 12 lớn hơn tổng số 10"),
        (["5.2", "0", "--of", "0"], "tổng số (--of) phải lớn hơn 0"),
        (["5.7", "101%"], "tỷ lệ 101% vượt quá 100%"),
        (["4a", "2%"], "chỉ tiêu 4a tính bằng tỷ đồng, không phải phần trăm"),
        (["4a", "2", "--of", "3"], "--of chỉ dùng cho chỉ tiêu tỷ lệ"),
        (["4e", "450"], "chỉ tiêu 4e là tổng của 4e1, 4e2: không ghi trực tiếp"),
        (["4h", "cầu cống"], "'cầu cống' không phải tiêu chí của chỉ tiêu 4h"),
        (["4x", "1"], "không có chỉ tiêu '4x' trong năm 2023"),
        (["4a", "1", "--as-of", "31/12/2022"], "nằm ngoài năm 2023"),
        (["4a", "1", "--as-of", "31/02/2023"], "ngày '31/02/2023' không tồn tại"),
        (["4a", "1", "--as-of", "20/6/2023"], "chưa tới"),
        (["4a", "5573"], "5.573 tỷ đồng đến ngày 10/06/2023 gấp 2.267,1 lần tiến độ kế hoạch đến ngày đó (2,46 tỷ đồng)"),
        (["4đ", "NaN"], "không phải là một số hợp lệ"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(cli, data_dir, june, args, message):
    cli("record", "4c", "43")
    before = records_file(data_dir).read_bytes()
    result = cli("record", *args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert records_file(data_dir).read_bytes() == before


def test_future_date_with_estimate_and_unit_slip_with_yes(cli, data_dir, june):
    assert cli("record", "4a", "2,9", "--as-of", "30/6/2023", "--estimated").exit_code == 0
    assert cli("record", "4a", "5573", "--yes").exit_code == 0
    stored = [json.loads(line) for line in records_file(data_dir).read_text(encoding="utf-8").splitlines()]
    assert [(r["value"], r["as_of"], r["estimated"]) for r in stored] == [
        ("2.9", "2023-06-30", True), ("5573", "2023-06-10", False)]


def test_late_small_cumulative_figure_asks_for_confirmation(cli, monkeypatch):
    monkeypatch.setenv("MTCL_TODAY", "2023-09-30")
    result = cli("record", "4d", "0,5")
    assert result.exit_code == 1 and "chưa bằng 1/100 kế hoạch" in result.stderr and "--yes" in result.stderr


def test_checklist_lost_with_not(cli, june):
    cli("record", "4h", "giao thong", "--as-of", "1/3/2023")
    cli("record", "4h", "GIAO THÔNG", "--not", "--as-of", "1/5/2023")
    by_id = {t["id"]: t for t in json.loads(cli("status", "--json", "4h").stdout)["targets"]}
    assert by_id["4h"]["actual"] == 0
    march = json.loads(cli("status", "--json", "--as-of", "2023-03-02", "4h").stdout)["targets"][0]
    assert march["actual"] == 1


def test_history_marks_the_counting_record(cli, june):
    cli("record", "4đ", "500", "--as-of", "31/3/2023")
    cli("record", "4đ", "1.002,5", "--as-of", "31/5/2023", "--source", "HTX")
    entries = json.loads(cli("history", "4dd", "--json").stdout)
    assert [e["value"] for e in entries] == ["500", "1002.5"]
    assert [e["counts"] for e in entries] == [False, True]
    table = cli("history", "4đ").stdout
    assert "1.002,5 tấn" in table and "← đang tính" in table and "HTX" in table


def test_status_filters(cli, june):
    out = json.loads(cli("status", "--json", "--objective", "5").stdout)
    assert [t["id"] for t in out["targets"]] == ["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"]
    assert cli("status", "--period", "q5").exit_code == 1
    assert "kỳ 'q5' không hợp lệ" in cli("status", "--period", "q5").stderr


def test_a_damaged_records_file_is_reported_not_overwritten(cli, data_dir, june):
    cli("record", "4c", "43")
    path = records_file(data_dir)
    damaged = path.read_bytes() + b'{"target": "4a", "as_of": "2023-0'
    path.write_bytes(damaged)
    result = cli("record", "4a", "1")
    assert result.exit_code == 1
    assert "records.jsonl:2: dòng hỏng hoặc bị cắt dở" in result.stderr
    assert path.read_bytes() == damaged
    assert cli("status").exit_code == 1


def test_a_record_for_a_removed_target_is_reported(cli, data_dir, june):
    records_file(data_dir).write_text(
        '{"target":"4z","as_of":"2023-06-01","value":"1","by":"x","recorded_at":"2023-06-01T00:00:00Z"}\n',
        encoding="utf-8",
    )
    result = cli("status")
    assert result.exit_code == 1 and "records.jsonl:1: chỉ tiêu '4z' không còn trong objectives.yaml" in result.stderr
