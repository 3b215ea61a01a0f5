"""Any People's Committee's objectives: growth on last year, owners, ranges, strict below and
negatives, milestones, nine months, a plan decision of its own, groups.

Unit tests of the pure core first, then the story of a ward (tests/data/ward, a folder of
our own invention) told through the command line.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal as D

import pytest

from mtcl.core.attainment import LastYear, RecordIndex, evaluate
from mtcl.core.goals import expected_at, goal
from mtcl.core.models import Target
from tests.conftest import REPO, line_of, replace_in
from tests.test_attainment import rec


def target(id="t", plan="100", op=">=", kind="level", unit="%", **extra) -> Target:
    plan = [D(p) for p in plan] if isinstance(plan, list) else D(plan)
    return Target(id=id, name=id, unit=unit, plan=plan, op=op, kind=kind, **extra)


def one(t: Target, value, as_of=date(2024, 12, 31), previous=None, record_date=None):
    records = [rec(t.id, as_of=record_date or as_of, value=value)] if value is not None else []
    return evaluate([t], RecordIndex(records), as_of, previous)[0]


# Growth on the previous year

def test_a_growth_rate_may_be_negative():
    rate = target(plan=["14", "15"], op="between", signed=True)
    assert one(rate, "-2.5").status == "not_met" and one(rate, "-2.5").off_range == "below"


def test_a_change_on_a_base():
    revenue = target(plan="8", change="percent", base=D("12.5"), unit="tỷ đồng")
    assert goal(revenue, D("12.5")) == (D("13.5"), D("13.5"))
    met = one(revenue, "13.5")
    assert met.status == "met" and met.change == D(8) and met.base == D("12.5")
    assert one(revenue, "13.4").status == "not_met" and one(revenue, "13.4").change == D("7.2")
    fall = target(plan="-10", op="<=", change="percent", base=D(120), unit="hộ")
    assert one(fall, "108").status == "met" and one(fall, "108").change == D(-10)
    assert one(fall, "109").status == "not_met"


def test_a_change_takes_last_years_year_end_figure_without_a_base():
    sales = target(id="s", plan="10", change="percent", unit="tỷ đồng", kind="cumulative")
    last = LastYear({"s": sales}, RecordIndex([rec("s", as_of=date(2023, 12, 31), value="40"),
                                              rec("s", as_of=date(2023, 6, 30), value="18")]))
    evaluation = one(sales, "44", previous=last)
    assert evaluation.base == D(40) and evaluation.change == D(10) and evaluation.status == "met"
    orphan = one(sales, "44")
    assert orphan.status == "no_data" and orphan.change is None and orphan.figure is not None


def test_a_cumulative_change_is_on_track_along_its_goal():
    revenue = target(plan="8", change="percent", base=D("12.5"), unit="tỷ đồng", kind="cumulative")
    day = date(2024, 6, 30)  # 182 of 366 days: 13,5 × 182 / 366 = 6,713…
    assert one(revenue, "6.72", as_of=day).status == "on_track"
    assert one(revenue, "6.71", as_of=day).status == "behind"


# Ranges

@pytest.mark.parametrize("value, status, side", [("1.8", "met", None), ("2.1", "met", None), ("1.95", "met", None),
                                                 ("1.79", "not_met", "below"), ("2.11", "not_met", "above")])
def test_a_range_is_met_inside_its_ends(value, status, side):
    births = target(plan=["1.8", "2.1"], op="between", unit="con")
    evaluation = one(births, value)
    assert (evaluation.status, evaluation.off_range, evaluation.attainment) == (status, side, None)


def test_a_cumulative_range_that_overshoots_before_the_year_ends():
    spending = target(plan=["5", "6"], op="between", unit="tỷ đồng", kind="cumulative")
    assert one(spending, "6.5", as_of=date(2024, 6, 30)).status == "not_met"
    assert one(spending, "5.5", as_of=date(2024, 6, 30)).status == "met"
    assert one(spending, "2.6", as_of=date(2024, 6, 30)).status == "on_track"  # 5 × 182/366 = 2,49


# Strict below

@pytest.mark.parametrize("value, status", [("0.99", "met"), ("1", "not_met"), ("1.2", "not_met")])
def test_strictly_below(value, status):
    poverty = target(plan="1", op="<")
    assert one(poverty, value).status == status and one(poverty, value).attainment is None


# Milestones

def test_milestones_draw_the_curve():
    rice = target(plan="1000", kind="cumulative", unit="tấn", milestones={"q1": D(100), "h1": D(600), "9m": D(700)})
    assert expected_at(rice, date(2024, 3, 31), D(1000)) == D(100)
    assert expected_at(rice, date(2024, 6, 30), D(1000)) == D(600)
    assert expected_at(rice, date(2024, 9, 30), D(1000)) == D(700)
    assert expected_at(rice, date(2024, 12, 31), D(1000)) == D(1000)
    midway = expected_at(rice, date(2024, 5, 15), D(1000))  # 136 of 182 days: between 100 and 600
    assert D(100) < midway < D(600)
    assert one(rice, "600", as_of=date(2024, 6, 30)).status == "on_track"
    assert one(rice, "599", as_of=date(2024, 6, 30)).status == "behind"
    plain = target(plan="1000", kind="cumulative", unit="tấn")
    assert one(plain, "499", as_of=date(2024, 6, 30)).status == "on_track"  # the straight line: 497,3


# The ward's story

@pytest.fixture
def ward(tmp_path, monkeypatch, cli):
    root = tmp_path / "ward"
    shutil.copytree(REPO / "tests" / "data" / "ward", root)
    monkeypatch.setenv("MTCL_DATA", str(root))
    monkeypatch.setenv("MTCL_TODAY", "2024-10-10")
    return root


NINE_MONTHS = [
    ["1.1", "10,6", "--as-of", "30/9/2024"],   # milestone 9m 10,2 → on track; goal 13,5
    ["1.2", "13,2", "--as-of", "30/9/2024"],   # below the 14–15% range
    ["1.3", "35", "--as-of", "30/9/2024"],     # last year 40 → goal 44; 44 × 274/366 = 32,9
    ["2.1", "2,3", "--as-of", "30/9/2024"],    # above 1,8–2,1
    ["2.2", "0,8%", "--as-of", "30/9/2024"],   # under 1%
    ["2.3", "100", "--as-of", "30/9/2024"],    # 120 → 100: −16,7% ≤ −10%
    ["3.1", "980", "--of", "1000", "--as-of", "30/9/2024"],  # 98%, not above 98%
]


def test_the_wards_nine_months(ward, cli):
    for args in NINE_MONTHS:
        result = cli("record", *args)
        assert result.exit_code == 0, (args, result.output)
    assert cli("record", "1.2", "-1,5", "--as-of", "30/6/2024").exit_code == 0  # a fall in the growth rate
    status = json.loads(cli("status", "--period", "9m", "--json").stdout)
    assert status["as_of"] == "2024-09-30"
    rows = {t["id"]: t for t in status["targets"]}
    assert {i: rows[i]["status"] for i in rows} == {
        "1.1": "on_track", "1.2": "not_met", "1.3": "on_track", "2.1": "not_met", "2.2": "met", "2.3": "met",
        "3.1": "not_met"}
    assert rows["1.2"]["off_range"] == "below" and rows["2.1"]["off_range"] == "above"
    assert rows["1.2"]["plan"] == [14, 15] and rows["1.2"]["op"] == "between"
    assert rows["1.3"]["base"] == 40 and rows["1.3"]["change"] is None  # mid-year: never against the whole of 2023
    assert rows["2.3"]["change"] == -16.7 and rows["2.3"]["base"] == 120  # rounded by the one rule
    assert rows["1.1"]["owner"] == "Phòng Tài chính - Kế hoạch" and rows["1.2"]["owner"] == "Phòng Kinh tế"
    assert rows["2.1"]["group"] == "Nhóm chỉ tiêu xã hội"

    owned = json.loads(cli("status", "--owner", "van hoa", "--json").stdout)["targets"]
    assert [t["id"] for t in owned] == ["2.1", "2.2", "2.3"]
    assert [t["id"] for t in json.loads(cli("targets", "--owner", "KINH TE", "--json").stdout)] == ["1.2", "1.3"]
    missing = cli("status", "--owner", "Công an")
    assert missing.exit_code == 1 and "không có chỉ tiêu nào do 'Công an' phụ trách" in missing.stderr
    assert "các đơn vị: Phòng Kinh tế; Phòng Tài chính - Kế hoạch;" in missing.stderr

    table = cli("status", "--period", "9m").stdout
    assert "Nhóm chỉ tiêu kinh tế" in table and "Nhóm chỉ tiêu xã hội" in table
    assert "tăng ≥ 8%" in table and "14–15%" in table and "1,8–2,1 con" in table and "< 1%" in table
    assert "Chưa đạt (thấp hơn khoảng kế hoạch)" in table and "Chưa đạt (cao hơn khoảng kế hoạch)" in table
    assert "100 hộ (giảm 16,7%)" in table

    report = cli("report", "--period", "9m", "--format", "md", "--date", "10/10/2024")
    assert report.exit_code == 0, report.output
    text = report.stdout
    assert "Kết quả thực hiện Mục tiêu chất lượng 9 tháng đầu năm 2024" in text
    assert ("Thực hiện Quyết định số 15/QĐ-UBND ngày 22/01/2024 của Ủy ban nhân dân phường Hòa Minh ban hành "
            "Mục tiêu chất lượng năm 2024 và Quyết định số 21/QĐ-UBND ngày 05/02/2024 của Ủy ban nhân dân phường "
            "Hòa Minh ban hành Kế hoạch thực hiện Mục tiêu chất lượng năm 2024, UBND phường Hòa Minh báo cáo") in text
    assert "bằng 78,5% mục tiêu năm (kế hoạch tăng 8% so với năm 2023)" in text
    assert "tốc độ tăng giá trị sản xuất đạt 13,2%, thấp hơn khoảng kế hoạch (kế hoạch từ 14 đến 15%)" in text
    assert "số hộ nghèo ở mức 100 hộ, giảm 16,7% so với năm 2023 (kế hoạch giảm 10% so với năm 2023)" in text
    assert "xã" not in text.replace("xã hội", "")  # a ward's report says phường
    owner_report = cli("report", "--period", "9m", "--owner", "văn hóa", "--format", "md", "--date", "10/10/2024")
    assert "các chỉ tiêu do Phòng Văn hóa - Xã hội phụ trách" in owner_report.stdout
    assert "Thu ngân sách" not in owner_report.stdout


def test_a_negative_figure_needs_a_signed_target(ward, cli):
    result = cli("record", "2.2", "-0,5%")
    assert result.exit_code == 1 and "không nhận số âm: '-0,5'" in result.stderr
    assert "signed: true" in result.stderr
    assert cli("record", "1.2", "--", "-1,5").exit_code == 0  # the shell's way works too


def test_a_change_without_a_base_is_said_at_validate(ward, cli):
    (ward / "2023" / "records.jsonl").unlink()
    result = cli("validate")
    assert result.exit_code == 0
    line = line_of(ward / "2024" / "objectives.yaml", "change: percent     # số năm trước")
    assert f"objectives.yaml:{line}:9: chỉ tiêu 1.3 tính mức tăng so với năm trước nhưng chưa có số năm 2023" \
        in result.stdout
    assert cli("record", "1.3", "35", "--as-of", "30/9/2024").exit_code == 0
    row = json.loads(cli("status", "1.3", "--json").stdout)["targets"][0]
    assert row["status"] == "no_data" and row["change"] is None and row["actual"] == 35
    assert "Chưa có số liệu năm trước" in cli("status", "1.3").stdout


BROKEN = [
    ("range without its meaning", "        plan: [1.8, 2.1]\n        op: between", "        plan: [1.8, 2.1]",
     "khoảng kế hoạch [1.8, 2.1] chưa rõ nghĩa: ghi op: '>=' (từ 1.8 trở lên, phấn đấu 2.1; trên 2.1 là vượt kế "
     "hoạch), op: '<=' (không quá 2.1, phấn đấu 1.8) hoặc op: between (chỉ đạt khi trong khoảng từ 1.8 đến 2.1)"),
    ("a range strictly above", "        plan: [1.8, 2.1]\n        op: between", '        plan: [1.8, 2.1]\n        op: ">"',
     "khoảng kế hoạch dùng op '>=', '<=' hoặc between, không phải '>'"),
    ("between without a range", "        plan: [14, 15]\n        op: between", "        plan: 14\n        op: between",
     "op: between cần kế hoạch là một khoảng [thấp, cao], thấp nhỏ hơn cao, ví dụ plan: [14, 15]"),
    ("range upside down", "plan: [1.8, 2.1]", "plan: [2.1, 1.8]", "kế hoạch là một khoảng [thấp, cao], thấp nhỏ hơn cao"),
    ("milestones fall", "milestones: {q1: 3.1, h1: 6.8, 9m: 10.2}", "milestones: {q1: 3.1, h1: 2.8, 9m: 10.2}",
     "mốc h1 (2.8) phải lớn hơn mốc q1 (3.1)"),
    ("milestones of a level", "        kind: level\n        signed: true",
     "        kind: level\n        signed: true\n        milestones: {q1: 3}",
     "mốc (milestones) chỉ dùng cho chỉ tiêu lũy kế (cumulative), hoặc tỷ lệ, mức cần đạt từ (>=, >) một số"),
    ("a bad milestone key", "milestones: {q1: 3.1,", "milestones: {q2: 3.1,", "giá trị 'q2' không hợp lệ; chọn một trong: "
     "'q1', 'h1', '9m', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10' hoặc 'm11'"),
    ("a bad op", 'op: "<"', 'op: "=<"', "chọn một trong: '>=', '>', '<=', '<' hoặc 'between'"),
    ("a range typed as text", "plan: [1.8, 2.1]", 'plan: "15%-16%"', "'15%-16%' là một khoảng: ghi plan: [15, 16] và "
     "op: '>=' (từ 15 trở lên, phấn đấu 16), '<=' (không quá 16, phấn đấu 15) hoặc between (chỉ đạt khi trong khoảng)"),
    ("a base with no change", "        plan: 98\n", "        plan: 98\n        base: 97\n",
     "base (số năm trước) chỉ dùng với change: percent hoặc points"),
    ("an unknown key lists the keys", "        group: Nhóm chỉ tiêu xã hội\n        short: Tỷ lệ sinh",
     "        group: Nhóm chỉ tiêu xã hội\n        nhom: x\n        short: Tỷ lệ sinh",
     "khóa 'nhom' không hợp lệ ở đây; ở đây dùng các khóa: id, short, name, kind, unit, plan,"),
]


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_what_a_transcriber_gets_wrong(ward, cli, case):
    _, old, new, message = case
    path = ward / "2024" / "objectives.yaml"
    if old is None:
        text = path.read_text(encoding="utf-8")
        start = text.index("    targets:\n      - id: \"3.1\"")
        path.write_text(text[:start] + "    targets: []\n", encoding="utf-8")
    else:
        replace_in(path, old, new)
    result = cli("validate")
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.output


def test_the_old_schema_stays_readable_and_migrates(cli, tmp_path):
    root = tmp_path / "old"
    shutil.copytree(REPO / "tests" / "data" / "schema2", root)
    validated = cli("validate", "--data", str(root))
    assert validated.exit_code == 0 and "lược đồ 2 cũ; chạy 'mtcl migrate' để nâng lên 4" in validated.stdout
    migrated = cli("migrate", "--data", str(root))
    assert "objectives.yaml: lược đồ 2 → 4" in migrated.stdout
    text = (root / "2023" / "objectives.yaml").read_text(encoding="utf-8")
    assert "schema_version: 4" in text and "# Mục tiêu chất lượng năm 2023 của UBND xã Giang Hải" in text
    assert "kind: cumulative  # lũy kế" not in text or "#" in text  # comments are kept where they were
    assert cli("validate", "--data", str(root)).stdout.count("Cảnh báo") == 0


def test_one_departments_status_counts_its_own_targets(ward, cli):
    for args in NINE_MONTHS:
        assert cli("record", *args).exit_code == 0
    table = cli("status", "--period", "9m", "--owner", "van hoa").stdout
    assert "Đạt 2/3 chỉ tiêu · 1 chưa đạt (trong 3 chỉ tiêu đang xem; cả năm: 2/7 đạt)" in table
    data = json.loads(cli("status", "--period", "9m", "--owner", "van hoa", "--json").stdout)
    assert data["summary"]["total"] == 7 and data["shown"]["total"] == 3 and data["shown"]["met"] == 2
