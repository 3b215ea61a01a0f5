"""The judge on hand-worked examples, one or more per rule of section 5 of the rule book, and on
200 random years from generate.py (valid by section 7, and judged without error).

Each example writes a tiny data root in tmp_path; the arithmetic is in the comments.
Day numbers of 2023 used below: 14/03 = 73, 31/03 = 90, 15/05 = 135, 31/05 = 151, 29/06 = 180,
30/06 = 181, 30/09 = 273, 30/11 = 334, 31/12 = 365.
"""

from __future__ import annotations

import json
import random
import textwrap
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from .generate import ALPHABET, check_valid, random_case, random_year
from .rules import judge_details, judge_folder, months_before, read_folder

HEADER = """\
schema_version: 4
year: {year}
issuer: {{authority: Ủy ban nhân dân, unit: Phường Hòa Minh, place: Hòa Minh}}
decision: {{number: 15/QĐ-UBND, date: {year}-01-20, title: Quyết định ban hành Mục tiêu chất lượng}}
revision: {{number: 1, history: [{{number: 1, date: {year}-01-20, note: Ban hành lần đầu}}]}}
objectives:
  - id: 1
    title: Mục tiêu
    targets:
"""

_refs = iter(range(10**6))


def ref() -> str:
    n = next(_refs)
    return "SL-" + "".join(ALPHABET[(n >> (5 * k)) % 32] for k in range(8))


def rec(target: str, as_of: str, **fields) -> dict:
    """One records.jsonl line; returns it so a test can withdraw it by its ref."""
    line = {"ref": ref(), "target": target, "as_of": as_of, **fields}
    line.setdefault("estimated", False)
    line.update(by="Thu", recorded_at="2023-07-01T00:00:00Z")
    return line


def write(root: Path, year: int, targets: str, records: list[dict], withdrawn: list[dict] = ()) -> None:
    folder = root / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    body = textwrap.indent(textwrap.dedent(targets).strip("\n"), " " * 6)
    (folder / "objectives.yaml").write_text(HEADER.format(year=year) + body + "\n", encoding="utf-8")
    (folder / "records.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                          encoding="utf-8")
    (folder / "withdrawals.jsonl").write_text(
        "".join(json.dumps({"ref": r["ref"], "reason": "ghi nhầm", "by": "Thu",
                            "recorded_at": "2023-07-02T00:00:00Z"}) + "\n" for r in withdrawn),
        encoding="utf-8")


def status(root: Path, on: str, target: str = "1.1", year: int = 2023) -> str:
    return judge_folder(root, year, date.fromisoformat(on))[target]


def details(root: Path, on: str, target: str = "1.1", year: int = 2023) -> dict:
    return judge_details(root, year, date.fromisoformat(on))[target]


CUM_100 = """
- id: "1.1"
  name: Sản lượng
  unit: tấn
  kind: cumulative
  plan: 100
  op: ">="
"""


# --- §3 and §5.1: the figure that counts ---------------------------------------------------


def test_rule_1_no_figure_and_figures_after_e_change_nothing(tmp_path):
    write(tmp_path, 2023, CUM_100, [rec("1.1", "2023-07-01", value="50")])
    # 30/06: the only figure is dated 01/07, after E -> no figure -> no_data
    assert status(tmp_path, "2023-06-30") == "no_data"
    assert details(tmp_path, "2023-06-30")["reason"] == "figure"
    # 01/07 (day 182): X = 100 × 182 / 365 = 49.86…; 50 ≥ X -> on_track
    assert status(tmp_path, "2023-07-01") == "on_track"


def test_same_date_the_line_further_down_wins_and_a_back_dated_line_does_not(tmp_path):
    target = """
    - id: "1.1"
      name: Tỷ lệ lao động qua đào tạo
      unit: "%"
      kind: level
      plan: 84.5
      op: ">="
    """
    write(tmp_path, 2023, target, [
        rec("1.1", "2023-06-30", value="90"),
        rec("1.1", "2023-06-30", value="80"),  # same date, further down: counts
        rec("1.1", "2023-06-29", value="99"),  # further down but older: does not count
    ])
    # V = 80 < 84.5, level -> rule 6, no near_from -> not_met
    assert details(tmp_path, "2023-07-15")["figure"] == Decimal(80)
    assert status(tmp_path, "2023-07-15") == "not_met"
    # on 29/06 only the 99 line counts: 99 ≥ 84.5 -> met
    assert status(tmp_path, "2023-06-29") == "met"


def test_three_figures_on_one_date(tmp_path):
    write(tmp_path, 2023, CUM_100, [
        rec("1.1", "2023-12-31", value="100"),
        rec("1.1", "2023-12-31", value="99.99"),
        rec("1.1", "2023-12-31", value="100.01"),  # the last of the three counts
    ])
    assert details(tmp_path, "2023-12-31")["figure"] == Decimal("100.01")
    assert status(tmp_path, "2023-12-31") == "met"


def test_a_withdrawn_line_does_not_exist(tmp_path):
    target = """
    - id: "1.1"
      name: Tỷ lệ hộ nghèo
      unit: "%"
      kind: level
      plan: 3.37
      op: "<="
    """
    older = rec("1.1", "2023-05-31", value="3.2")
    wrong = rec("1.1", "2023-06-30", value="4.1")
    write(tmp_path, 2023, target, [older, wrong], withdrawn=[wrong])
    # the 30/06 line is withdrawn: V = 3.2 (31/05) ≤ 3.37 -> met
    assert details(tmp_path, "2023-07-01")["figure"] == Decimal("3.2")
    assert status(tmp_path, "2023-07-01") == "met"


def test_ratio_with_of_exactly_on_the_plan(tmp_path):
    target = """
    - id: "1.1"
      name: Tỷ lệ hồ sơ đúng hạn
      unit: "%"
      kind: ratio
      plan: 98
      op: ">="
    - id: "1.2"
      name: Tỷ lệ hồ sơ đúng hạn (trên 98%)
      unit: "%"
      kind: ratio
      plan: 98
      op: ">"
      near_from: 95
    - id: "1.3"
      name: Tỷ lệ khảo sát
      unit: "%"
      kind: ratio
      plan: 98
      op: ">="
    """
    write(tmp_path, 2023, target, [
        rec("1.1", "2023-06-30", value="1225", of="1250"),  # 1225 × 100 / 1250 = 98 exactly
        rec("1.2", "2023-06-30", value="1225", of="1250"),
        rec("1.3", "2023-06-30", value="97.99"),  # a percentage: one hundredth under
    ])
    got = judge_folder(tmp_path, 2023, date(2023, 7, 1))
    assert got["1.1"] == "met"  # 98 ≥ 98
    assert got["1.2"] == "near"  # 98 > 98 is false; 98 ≥ near_from 95 -> near (ratio: rule 6 all year)
    assert got["1.3"] == "not_met"  # 97.99 < 98, no near_from


def test_yaml_and_json_numbers_are_exact_decimals(tmp_path):
    # with binary floats 0.1 + 0.2 = 0.30000000000000004 > 0.3; in decimals it is 0.3 ≤ 0.3
    target = """
    - id: "1.1"
      name: Tổng
      unit: tấn
      kind: cumulative
      plan: 0.3
      op: "<="
      sum_of: ["1.2", "1.3"]
    - id: "1.2"
      name: Phần một
      unit: tấn
      kind: cumulative
      plan: 0.1
      op: "<="
    - id: "1.3"
      name: Phần hai
      unit: tấn
      kind: cumulative
      plan: 0.2
      op: "<="
    - id: "1.4"
      name: Sản lượng lương thực
      unit: tấn
      kind: cumulative
      plan: 1936.49
      op: ">="
    """
    write(tmp_path, 2023, target, [rec("1.2", "2023-12-31", value="0.1"), rec("1.3", "2023-12-31", value="0.2"),
                                   rec("1.4", "2023-12-31", value="1936.48")])
    got = judge_folder(tmp_path, 2023, date(2023, 12, 31))
    assert got["1.1"] == "met"
    assert got["1.4"] == "not_met"  # 1936.48 < 1936.49


# --- §3 sum_of -------------------------------------------------------------------------------

SUM = """
- id: "1.1"
  name: Sản lượng thủy sản
  unit: tấn
  kind: cumulative
  plan: 994
  op: ">="
  sum_of: ["1.2", "1.3"]
- id: "1.2"
  name: Nuôi trồng
  unit: tấn
  kind: cumulative
  plan: 192
  op: ">="
- id: "1.3"
  name: Khai thác
  unit: tấn
  kind: cumulative
  plan: 802
  op: ">="
"""


def test_sum_of_parts_dated_differently_takes_the_oldest_date(tmp_path):
    write(tmp_path, 2023, SUM, [rec("1.2", "2023-03-31", value="50"), rec("1.3", "2023-06-30", value="400")])
    # 31/05: part 1.3 has no figure yet -> the sum has none -> no_data
    assert status(tmp_path, "2023-05-31") == "no_data"
    # 29/06: also 1.3 not yet (dated 30/06) -> no_data
    assert status(tmp_path, "2023-06-29") == "no_data"
    # 30/06: V = 50 + 400 = 450, D = 31/03 (the older part); 31/03 < 01/04 -> no_data (period)
    d = details(tmp_path, "2023-06-30")
    assert (d["figure"], d["date"]) == (Decimal(450), date(2023, 3, 31))
    assert (d["status"], d["reason"]) == ("no_data", "period")
    # 31/12: year end, 450 < 994 not met (7a), and D = 31/03 < 01/10 -> no_data (7b, period)
    assert status(tmp_path, "2023-12-31") == "no_data"
    # a part sent again in the last quarter: D = 30/06 still -> no_data; both -> rule 6, not_met
    write(tmp_path, 2023, SUM, [rec("1.2", "2023-10-31", value="60"), rec("1.3", "2023-11-30", value="800")])
    assert status(tmp_path, "2023-12-31") == "not_met"  # 860 < 994


def test_sum_of_on_pace(tmp_path):
    write(tmp_path, 2023, SUM, [rec("1.2", "2023-05-31", value="50"), rec("1.3", "2023-06-30", value="400")])
    # 30/06: V = 450, D = 31/05 (day 151): X = 994 × 151 / 365 = 411.2… -> 450 ≥ X -> on_track
    assert status(tmp_path, "2023-06-30") == "on_track"
    assert details(tmp_path, "2023-06-30")["expected"] == Decimal(994) * 151 / 365


# --- §4 and §5.2: the goal -------------------------------------------------------------------

INCOME = """
- id: "1.1"
  name: Thu nhập bình quân đầu người tăng 10%
  unit: triệu đồng
  kind: level
  change: percent
  plan: 10
  op: ">="
"""


def test_rule_2_change_without_base_is_no_data(tmp_path):
    write(tmp_path, 2023, INCOME, [rec("1.1", "2023-06-30", value="44")])
    d = details(tmp_path, "2023-07-01")
    assert (d["status"], d["reason"]) == ("no_data", "base")


def test_base_from_last_years_figure_on_31_december(tmp_path):
    write(tmp_path, 2023, INCOME, [rec("1.1", "2023-06-30", value="44")])
    last = """
    - id: "1.1"
      name: Thu nhập bình quân đầu người
      unit: triệu đồng
      kind: level
      plan: 38
      op: ">="
    """
    write(tmp_path, 2022, last, [rec("1.1", "2022-12-31", value="40")])
    # base = 40 (last year's figure at 31/12/2022); goal = 40 × (1 + 10/100) = 44; level: 44 ≥ 44 -> met
    assert details(tmp_path, "2023-07-01")["goal"] == (Decimal(44), Decimal(44))
    assert status(tmp_path, "2023-07-01") == "met"


def test_change_points_lower_is_better_with_base_from_last_year_after_a_withdrawal(tmp_path):
    target = """
    - id: "1.1"
      name: Giảm tỷ lệ hộ nghèo 1,5 điểm phần trăm
      unit: "%"
      kind: level
      change: points
      plan: -1.5
      op: "<="
    """
    write(tmp_path, 2023, target, [rec("1.1", "2023-06-30", value="2.9")])
    last = """
    - id: "1.1"
      name: Tỷ lệ hộ nghèo
      unit: "%"
      kind: level
      plan: 4
      op: "<="
    """
    wrong = rec("1.1", "2022-12-31", value="4.2")
    write(tmp_path, 2022, last, [rec("1.1", "2022-11-30", value="4.5"), wrong], withdrawn=[wrong])
    # the 31/12 line is withdrawn: base = 4.5 (30/11/2022); goal = 4.5 − 1.5 = 3.0; 2.9 ≤ 3.0 -> met
    assert details(tmp_path, "2023-07-01")["goal"] == (Decimal("3.0"), Decimal("3.0"))
    assert status(tmp_path, "2023-07-01") == "met"


SHARE = """
- id: "1.1"
  name: Thu ngân sách đạt 105% dự toán
  unit: tỷ đồng
  kind: cumulative
  plan: 105
  op: ">="
  share_of: "1.2"
- id: "1.2"
  name: Dự toán thu ngân sách được giao
  unit: tỷ đồng
  kind: reference
"""


def test_share_of_without_reference_figure_is_no_data(tmp_path):
    write(tmp_path, 2023, SHARE, [rec("1.1", "2023-02-28", value="1"), rec("1.2", "2023-03-31", value="5.2")])
    got = judge_folder(tmp_path, 2023, date(2023, 2, 28))
    assert "1.2" not in got  # a reference is never judged
    d = details(tmp_path, "2023-02-28")
    assert (d["status"], d["reason"]) == ("no_data", "reference")
    # 31/03: goal = 5.2 × 105 / 100 = 5.46; D = 28/02 (day 59): X = 5.46 × 59 / 365 = 0.88…; 1 ≥ X
    assert details(tmp_path, "2023-03-31")["goal"] == (Decimal("5.46"), Decimal("5.46"))
    assert status(tmp_path, "2023-03-31") == "on_track"


def test_share_of_at_year_end_uses_the_reference_figure_at_e(tmp_path):
    write(tmp_path, 2023, SHARE, [
        rec("1.2", "2023-01-10", value="5.2"),
        rec("1.2", "2023-07-01", value="6"),  # revised: goal = 6 × 105 / 100 = 6.3
        rec("1.1", "2023-12-31", value="6.29"),
    ])
    assert status(tmp_path, "2023-12-31") == "not_met"  # 6.29 < 6.3


# --- §5.3 rating and judged ------------------------------------------------------------------


def test_rule_3_rating(tmp_path):
    target = """
    - id: "1.1"
      name: Xếp loại chính quyền
      kind: rating
      scale: [Yếu, Trung bình, Khá, Tốt]
      plan: Khá
    """
    write(tmp_path, 2023, target, [
        rec("1.1", "2023-06-30", grade="Tốt", note="tự đánh giá"),
        rec("1.1", "2023-11-30", grade="Khá", note="tự đánh giá"),
        rec("1.1", "2023-12-15", grade="Trung bình", note="tự đánh giá"),
    ])
    assert status(tmp_path, "2023-06-01") == "no_data"
    assert status(tmp_path, "2023-07-01") == "met"  # Tốt above Khá
    assert status(tmp_path, "2023-12-01") == "met"  # Khá at Khá
    assert status(tmp_path, "2023-12-31") == "not_met"  # Trung bình below Khá


def test_rule_3_judged(tmp_path):
    target = """
    - id: "1.1"
      name: Duy trì HTQLCL
      kind: judged
    """
    write(tmp_path, 2023, target, [rec("1.1", "2023-06-30", met=True, note="lý do"),
                                   rec("1.1", "2023-11-30", met=False, note="lý do")])
    assert status(tmp_path, "2023-07-01") == "met"
    assert status(tmp_path, "2023-12-31") == "not_met"  # the latest verdict


# --- §5.4 by -----------------------------------------------------------------------------------


def test_rule_4_by_a_later_year(tmp_path):
    target = """
    - id: "1.1"
      name: Tỷ lệ hộ dùng nước sạch đến năm 2025
      unit: "%"
      kind: level
      plan: 100
      op: ">="
      by: 2025
    - id: "1.2"
      name: Tỷ lệ hộ dùng nước sạch trong năm
      unit: "%"
      kind: level
      plan: 100
      op: ">="
      by: 2023
    """
    write(tmp_path, 2023, target, [rec("1.1", "2023-12-31", value="97"), rec("1.2", "2023-12-31", value="97")])
    got = judge_folder(tmp_path, 2023, date(2023, 12, 31))
    assert got["1.1"] == "in_progress"  # 97 < 100, the plan is for 2025
    assert got["1.2"] == "not_met"  # by = the year itself: the ordinary rules


# --- §5.5 every ----------------------------------------------------------------------------------

EVERY_Q = """
- id: "1.1"
  name: Mỗi quý ít nhất 01 cuộc kiểm tra
  unit: cuộc
  kind: cumulative
  plan: 1
  op: ">="
  every: quarter
"""


def test_rule_5_every_quarter_missed(tmp_path):
    write(tmp_path, 2023, EVERY_Q, [rec("1.1", "2023-03-31", value="1"), rec("1.1", "2023-06-30", value="1")])
    # Q1: 1 − 0 = 1 ≥ 1; Q2: 1 − 1 = 0 < 1 -> missed -> not_met
    assert status(tmp_path, "2023-06-30") == "not_met"
    # before Q2 ends only Q1 counts: on_track
    assert status(tmp_path, "2023-06-29") == "on_track"


def test_rule_5_every_quarter_unreported(tmp_path):
    write(tmp_path, 2023, EVERY_Q, [rec("1.1", "2023-03-31", value="1"), rec("1.1", "2023-07-31", value="3")])
    # Q2 (01/04–30/06) has no line -> unreported -> no_data (period)
    d = details(tmp_path, "2023-06-30")
    assert (d["status"], d["reason"]) == ("no_data", "period")
    # 30/09: Q3 = cum(30/09) − cum(30/06) = 3 − 1 = 2 ≥ 1; Q2 is still unreported -> no_data
    assert status(tmp_path, "2023-09-30") == "no_data"


def test_rule_5_missed_wins_over_unreported(tmp_path):
    write(tmp_path, 2023, EVERY_Q, [rec("1.1", "2023-03-31", value="0"), rec("1.1", "2023-07-31", value="3")])
    # Q1: 0 < 1 missed; Q2 unreported -> any missed -> not_met
    assert status(tmp_path, "2023-06-30") == "not_met"


def test_rule_5_all_periods_kept(tmp_path):
    write(tmp_path, 2023, EVERY_Q, [
        rec("1.1", "2023-03-31", value="1"), rec("1.1", "2023-05-10", value="2"),
        rec("1.1", "2023-09-30", value="4"), rec("1.1", "2023-12-31", value="5"),
    ])
    # Q1 1, Q2 2 − 1 = 1, Q3 4 − 2 = 2, Q4 5 − 4 = 1, all ≥ 1
    assert status(tmp_path, "2023-12-30") == "on_track"
    assert status(tmp_path, "2023-12-31") == "met"
    # 15/01: no figure yet -> no_data (rule 1 comes first)
    assert status(tmp_path, "2023-01-15") == "no_data"


def test_rule_5_every_month_ceiling(tmp_path):
    target = """
    - id: "1.1"
      name: Mỗi tháng không quá 2 vụ
      unit: vụ
      kind: cumulative
      plan: 2
      op: "<="
      every: month
    """
    write(tmp_path, 2023, target, [rec("1.1", "2023-01-31", value="2"), rec("1.1", "2023-02-28", value="5")])
    assert status(tmp_path, "2023-01-31") == "on_track"  # January: 2 ≤ 2
    assert status(tmp_path, "2023-02-28") == "not_met"  # February: 5 − 2 = 3 > 2


# --- §5.6 not pace-judged or year end --------------------------------------------------------


def test_rule_6_lower_is_better_near_band(tmp_path):
    target = """
    - id: "1.1"
      name: Tỷ lệ hộ nghèo
      unit: "%"
      kind: level
      plan: 3.37
      op: "<="
      near_from: 3.6
    """
    for value, expected in [("3.37", "met"), ("3.38", "near"), ("3.6", "near"), ("3.61", "not_met")]:
        write(tmp_path, 2023, target, [rec("1.1", "2023-06-30", value=value)])
        assert status(tmp_path, "2023-07-01") == expected, value


def test_rule_6_pace_judged_at_year_end_gets_the_near_band(tmp_path):
    target = CUM_100 + "  near_from: 90\n"
    write(tmp_path, 2023, target, [rec("1.1", "2023-11-30", value="95")])
    # 31/12: 95 < 100 but ≥ 90 -> near
    assert status(tmp_path, "2023-12-31") == "near"
    # 30/12 (rule 8: no near band before year end): D = 30/11 (day 334), X = 100 × 334 / 365 = 91.5… -> on_track
    assert status(tmp_path, "2023-12-30") == "on_track"


# --- §5.7 pace-judged before year end ----------------------------------------------------------


def test_rule_7a_one_sided_range_above_its_top_is_met(tmp_path):
    target = """
    - id: "1.1"
      name: Giá trị sản xuất từ 80 đến 90 tỷ đồng
      unit: tỷ đồng
      kind: cumulative
      plan: [80, 90]
      op: ">="
    """
    write(tmp_path, 2023, target, [rec("1.1", "2023-06-30", value="95")])
    assert status(tmp_path, "2023-06-30") == "met"  # 95 ≥ 80 (above the top: met, "vượt")
    assert status(tmp_path, "2023-12-31") == "met"


def test_rule_7a_between_above_the_band_is_not_met(tmp_path):
    target = """
    - id: "1.1"
      name: Sản lượng trong khoảng
      unit: tấn
      kind: cumulative
      plan: [95, 105]
      op: between
    """
    for value, expected in [("106", "not_met"), ("105", "met"), ("95", "met"),
                            # 40 < 95: X = 95 × 181 / 365 = 47.1… -> behind
                            ("40", "behind")]:
        write(tmp_path, 2023, target, [rec("1.1", "2023-06-30", value=value)])
        assert status(tmp_path, "2023-06-30") == expected, value


def test_rule_7_ceiling_heading_over_its_cap(tmp_path):
    target = """
    - id: "1.1"
      name: Số vụ tai nạn giao thông không quá 45 vụ
      unit: vụ
      kind: cumulative
      plan: 45
      op: "<="
    - id: "1.2"
      name: Số vụ tai nạn giao thông dưới 45 vụ
      unit: vụ
      kind: cumulative
      plan: 45
      op: "<"
    """
    # D = 30/06 (day 181): X = 45 × 181 / 365 = 22.31…
    cases = [("30", "over_pace", "over_pace"), ("22", "on_track", "on_track"),
             ("45", "over_pace", "not_met"),  # <: 45 ≥ 45 is already past the cap
             ("46", "not_met", "not_met")]
    for value, le, lt in cases:
        write(tmp_path, 2023, target, [rec("1.1", "2023-06-30", value=value), rec("1.2", "2023-06-30", value=value)])
        got = judge_folder(tmp_path, 2023, date(2023, 6, 30))
        assert (got["1.1"], got["1.2"]) == (le, lt), value
    # at year end a ceiling is met when under its cap
    write(tmp_path, 2023, target, [rec("1.1", "2023-12-31", value="45"), rec("1.2", "2023-12-31", value="44")])
    assert judge_folder(tmp_path, 2023, date(2023, 12, 31)) == {"1.1": "met", "1.2": "met"}


def test_rule_7b_a_figure_three_months_and_one_day_old(tmp_path):
    write(tmp_path, 2023, CUM_100, [rec("1.1", "2023-03-31", value="30")])
    # E = 30/06: E − 3 months = 31/03, + 1 day = 01/04; D = 31/03 < 01/04 -> no_data (period)
    assert months_before(date(2023, 6, 30), 3) == date(2023, 3, 31)
    d = details(tmp_path, "2023-06-30")
    assert (d["status"], d["reason"]) == ("no_data", "period")
    # E = 29/06: 29/03 + 1 = 30/03; D = 31/03 is fresh: X = 100 × 90 / 365 = 24.6… -> on_track
    assert status(tmp_path, "2023-06-29") == "on_track"
    write(tmp_path, 2023, CUM_100, [rec("1.1", "2023-04-01", value="30")])
    assert status(tmp_path, "2023-06-30") == "on_track"  # D = 01/04 is not before 01/04
    assert status(tmp_path, "2023-07-01") == "no_data"  # 01/04 + 1 = 02/04 > D


def test_rule_7b_reading_of_month_arithmetic_off_a_month_end(tmp_path):
    # READING (rules.months_before): 30/05 − 3 months = 28/02 (day kept, cut to February),
    # + 1 day = 01/03, so a figure of 28/02 is too old on 30/05.  "(E + 1 day) − 3 months"
    # would give 28/02 and keep it.
    write(tmp_path, 2023, CUM_100, [rec("1.1", "2023-02-28", value="30")])
    assert months_before(date(2023, 5, 30), 3) == date(2023, 2, 28)
    assert status(tmp_path, "2023-05-30") == "no_data"
    assert status(tmp_path, "2023-05-27") == "on_track"  # 27/02 + 1 = 28/02 ≤ D; X = 100 × 59 / 365 = 16.1…


def test_rule_7b_does_not_apply_to_a_checklist(tmp_path):
    target = """
    - id: "1.1"
      name: Tiêu chí nông thôn mới
      unit: tiêu chí
      kind: checklist
      plan: 3
      op: ">="
      items: [Giao thông, Trường học, Thu nhập, Y tế]
      near_from: 2
    """
    write(tmp_path, 2023, target, [
        rec("1.1", "2023-01-31", item="Giao thông", met=True),
        rec("1.1", "2023-03-31", item="Trường học", met=True),
        rec("1.1", "2023-04-30", item="Thu nhập", met=True),
        rec("1.1", "2023-05-31", item="Trường học", met=False),  # lost from 31/05 on
    ])
    assert status(tmp_path, "2023-01-15") == "no_data"  # no item has a record yet
    assert status(tmp_path, "2023-04-30") == "met"  # 3 met ≥ 3
    # 30/11: met = Giao thông, Thu nhập = 2; D = 31/05 (latest of the items' latest records, day 151)
    # X = 3 × 151 / 365 = 1.24…; 2 ≥ X -> on_track (no staleness for a checklist)
    d = details(tmp_path, "2023-11-30")
    assert (d["figure"], d["date"], d["status"]) == (Decimal(2), date(2023, 5, 31), "on_track")
    assert status(tmp_path, "2023-12-31") == "near"  # year end: 2 < 3, 2 ≥ near_from 2


def test_rule_7c_exactly_on_the_pace_line(tmp_path):
    target = """
    - id: "1.1"
      name: Hồ sơ tiếp nhận trực tuyến
      unit: hồ sơ
      kind: cumulative
      plan: 365
      op: ">="
    """
    # D = 14/03 (day 73): X = 365 × 73 / 365 = 73
    write(tmp_path, 2023, target, [rec("1.1", "2023-03-14", value="73")])
    assert details(tmp_path, "2023-04-01")["expected"] == Decimal(73)
    assert status(tmp_path, "2023-04-01") == "on_track"
    write(tmp_path, 2023, target, [rec("1.1", "2023-03-14", value="72.99")])
    assert status(tmp_path, "2023-04-01") == "behind"


def test_rule_7c_pace_line_in_a_leap_year(tmp_path):
    target = CUM_100.replace("plan: 100", "plan: 366")
    # 2024: D = 01/07 is day 183 of 366: X = 366 × 183 / 366 = 183
    write(tmp_path, 2024, target, [rec("1.1", "2024-07-01", value="183")])
    assert status(tmp_path, "2024-07-01", year=2024) == "on_track"
    write(tmp_path, 2024, target, [rec("1.1", "2024-07-01", value="182.99")])
    assert status(tmp_path, "2024-07-01", year=2024) == "behind"


def test_rule_7c_milestones(tmp_path):
    target = CUM_100 + "  milestones: {q1: 20, h1: 50}\n"
    cases = [
        ("2023-03-31", "20", "on_track"),  # on the q1 milestone: X = 20
        ("2023-03-31", "19.99", "behind"),
        # 15/05 (day 135) between (90, 20) and (181, 50): X = 20 + 30 × 45 / 91 = 34.835…
        ("2023-05-15", "34.84", "on_track"),
        ("2023-05-15", "34.83", "behind"),
        # 30/09 (day 273) between (181, 50) and (365, 100): X = 50 + 50 × 92 / 184 = 75
        ("2023-09-30", "75", "on_track"),
        ("2023-09-30", "74.99", "behind"),
    ]
    for on, value, expected in cases:
        write(tmp_path, 2023, target, [rec("1.1", on, value=value)])
        assert status(tmp_path, on) == expected, (on, value)


def test_rule_7_milestones_on_a_ratio_make_it_pace_judged(tmp_path):
    target = """
    - id: "1.1"
      name: Tỷ lệ giải ngân vốn đầu tư công
      unit: "%"
      kind: ratio
      plan: 95
      op: ">="
      milestones: {m1: 5, m2: 10, m3: 20}
    """
    # D = 28/02 (day 59) on the m2 milestone: X = 10; 180 of 2000 = 9 % -> behind
    write(tmp_path, 2023, target, [rec("1.1", "2023-02-28", value="180", of="2000")])
    assert status(tmp_path, "2023-03-01") == "behind"
    # 30/06: 28/02 < 01/04 -> no_data (period)
    assert status(tmp_path, "2023-06-30") == "no_data"
    # year end: 9 < 95 not met (7a), D = 28/02 < 01/10 -> no_data (7b, period)
    assert status(tmp_path, "2023-12-31") == "no_data"


CHANGE_PCT = """
- id: "1.1"
  name: Tổng vốn đầu tư tăng 10%
  unit: tỷ đồng
  kind: cumulative
  change: percent
  plan: 10
  op: ">="
  base: 200
"""
LAST_CUM = """
- id: "1.1"
  name: Tổng vốn đầu tư
  unit: tỷ đồng
  kind: cumulative
  plan: 180
  op: ">="
"""


def test_rule_7c_same_period_last_year(tmp_path):
    write(tmp_path, 2022, LAST_CUM, [rec("1.1", "2022-05-31", value="80"), rec("1.1", "2022-06-30", value="90"),
                                     rec("1.1", "2022-12-31", value="200")])
    # D = 30/06/2023; last year's figure at 30/06/2022 = 90: X = 90 × (1 + 10/100) = 99
    for value, expected in [("99", "on_track"), ("98.99", "behind")]:
        write(tmp_path, 2023, CHANGE_PCT, [rec("1.1", "2023-06-30", value=value)])
        assert status(tmp_path, "2023-07-01") == expected, value
    # D = 15/06/2023: the figure counting at 15/06/2022 is the 31/05 one (80): X = 88
    write(tmp_path, 2023, CHANGE_PCT, [rec("1.1", "2023-06-15", value="88")])
    assert details(tmp_path, "2023-07-01")["expected"] == Decimal(88)
    assert status(tmp_path, "2023-07-01") == "on_track"


def test_rule_7c_without_same_period_figure_the_straight_line(tmp_path):
    write(tmp_path, 2022, LAST_CUM, [rec("1.1", "2022-12-31", value="200")])
    # nothing counts at 30/06/2022: X = 220 × 181 / 365 = 109.09… (goal = 200 × 1.1 = 220)
    write(tmp_path, 2023, CHANGE_PCT, [rec("1.1", "2023-06-30", value="99")])
    assert details(tmp_path, "2023-07-01")["expected"] == Decimal(220) * 181 / 365
    assert status(tmp_path, "2023-07-01") == "behind"


def test_rule_7c_29_february_compares_with_28_february(tmp_path):
    write(tmp_path, 2023, LAST_CUM.replace("plan: 180", "plan: 100"),
          [rec("1.1", "2023-02-28", value="20"), rec("1.1", "2023-03-01", value="25")])
    target = CHANGE_PCT.replace("base: 200", "base: 100")
    # D = 29/02/2024 -> 28/02/2023: 20 -> X = 20 × 1.1 = 22
    for value, expected in [("22", "on_track"), ("21.99", "behind")]:
        write(tmp_path, 2024, target, [rec("1.1", "2024-02-29", value=value)])
        assert status(tmp_path, "2024-03-01", year=2024) == expected, value


def test_rule_7d_a_fall_in_percent_is_lower_is_better(tmp_path):
    target = """
    - id: "1.1"
      name: Giảm 10% số vụ tai nạn
      unit: vụ
      kind: cumulative
      change: percent
      plan: -10
      op: "<="
      base: 40
    """
    # goal = 40 × (1 − 10/100) = 36; D = 30/06: X = 36 × 181 / 365 = 17.85…
    for value, expected in [("18", "over_pace"), ("17", "on_track"), ("37", "not_met")]:
        write(tmp_path, 2023, target, [rec("1.1", "2023-06-30", value=value)])
        assert status(tmp_path, "2023-06-30") == expected, value


def test_details_carry_the_numbers(tmp_path):
    write(tmp_path, 2023, CUM_100, [rec("1.1", "2023-06-30", value="40", estimated=True)])
    d = details(tmp_path, "2023-06-30")
    # X = 100 × 181 / 365 = 49.58…; 40 < X -> behind (an estimate counts like any figure)
    assert d["status"] == "behind"
    assert d["figure"] == Decimal(40) and d["date"] == date(2023, 6, 30)
    assert d["goal"] == (Decimal(100), Decimal(100))
    assert d["expected"] == Decimal(100) * 181 / 365


# --- random years --------------------------------------------------------------------------------


def test_random_year_keeps_its_signature(tmp_path):
    dates = random_year(random.Random(1), tmp_path)
    assert (tmp_path / "2023" / "objectives.yaml").exists()
    assert 10 <= len(dates) <= 30 and all(d.year == 2023 for d in dates)
    check_valid(tmp_path, 2023)


def test_200_random_years_are_valid_and_judged(tmp_path):
    statuses: Counter = Counter()
    keys: Counter = Counter()
    years: Counter = Counter()
    for seed in range(200):
        root = tmp_path / f"s{seed}"
        year, dates = random_case(random.Random(seed), root)
        years[year] += 1
        check_valid(root, year)
        assert 10 <= len(dates) <= 30
        assert date(year, 1, 1) in dates and date(year, 12, 31) in dates
        for on in dates:
            assert on.year == year
            got = judge_folder(root, year, on)
            statuses.update(got.values())
        for t in read_folder(root, year).targets.values():
            keys[t["kind"]] += 1
            keys[str(t.get("op"))] += 1
            keys.update(k for k in ("change", "base", "milestones", "every", "by", "share_of", "above_100",
                                    "near_from", "sum_of", "signed") if t.get(k) not in (None, [], {}, False))
            if t.get("every"):
                keys["every " + t["every"]] += 1
            if t.get("change"):
                keys["change " + t["change"]] += 1
            if isinstance(t.get("plan"), list):
                keys["range " + t["op"]] += 1
        keys["last year"] += (root / str(year - 1)).is_dir()
    assert set(statuses) == {"met", "near", "on_track", "behind", "over_pace", "not_met", "in_progress", "no_data"}
    for key in ["ratio", "cumulative", "level", "checklist", "rating", "judged", "reference",
                ">=", ">", "<=", "<", "between", "range >=", "range <=", "range between",
                "change percent", "change points", "base", "milestones", "every month", "every quarter",
                "every half", "by", "share_of", "above_100", "near_from", "sum_of", "signed", "last year"]:
        assert keys[key] > 0, key
    assert years[2024] > 0 and years[2023] > 0


@pytest.mark.parametrize("seed", range(3))
def test_generated_numbers_are_written_as_the_rule_book_says(tmp_path, seed):
    year, _ = random_case(random.Random(seed), tmp_path)
    for line in (tmp_path / str(year) / "records.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for key in ("value", "of"):
            if key in record:
                text = record[key]
                assert isinstance(text, str) and "e" not in text.lower()
                assert not text.endswith(".0") and (("." not in text) or not text.endswith("0"))


def test_pace_verdicts_agree_with_exact_fractions(tmp_path):
    """The Decimal pace comparison (§5.7c–d) against the same line in exact fractions."""
    from fractions import Fraction

    from .rules import day_of_year, days_in_year, milestone_date

    checked = 0
    for seed in range(40):
        root = tmp_path / f"s{seed}"
        year, dates = random_case(random.Random(seed), root)
        targets = read_folder(root, year).targets
        for on in dates:
            for target_id, d in judge_details(root, year, on).items():
                t = targets[target_id]
                if d["expected"] is None:
                    continue
                higher = t["op"] in (">=", ">", "between")
                end = Fraction(d["goal"][0] if higher else d["goal"][1])
                x, days = day_of_year(d["date"]), days_in_year(year)
                if t.get("milestones"):
                    points = sorted([(0, Fraction(0)), (days, end)] + [
                        (day_of_year(milestone_date(k, year)), Fraction(v)) for k, v in t["milestones"].items()])
                    exact = next(y0 + (y1 - y0) * Fraction(x - x0, x1 - x0)
                                 for (x0, y0), (x1, y1) in zip(points, points[1:]) if x0 < x1 and x0 <= x <= x1)
                elif t.get("change") == "percent" and Fraction(d["expected"]) != end * x / days:
                    continue  # the same-period line: see test_rule_7c_same_period_last_year
                else:
                    exact = end * Fraction(x, days)
                v = Fraction(d["figure"])
                on_track = v >= exact if higher else v <= exact
                assert d["status"] == ("on_track" if on_track else "behind" if higher else "over_pace"), (t, d)
                checked += 1
    assert checked > 1000
