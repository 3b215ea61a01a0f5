"""A doubtful figure is named with both its readings, and a grade or a judgement is recorded in the body's words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from mtcl.core.figures import doubt, typed_places
from mtcl.core.models import Target
from tests.core.test_figures import PLAN, RATIO, TODAY, build, refused
from tests.test_attainment import target

PEOPLE = target(id="p", plan="100000", kind="level", unit="người")
SHARE = target(id="2.1", plan="90", kind="level", unit="%")
RATING = Target(id="10.1", name="Xếp loại", kind="rating", scale=["Khá", "Tốt"], plan="Tốt")
JUDGED = Target(id="1.2", name="Tự đánh giá", kind="judged")


# -- A percentage under 1 where the plan is over 10 -----------------------------------------------------------

def test_a_percentage_under_one_is_asked_about_as_a_hundred_times_more():
    assert doubt(RATIO, D("0.85"), TODAY) == "0,85% rất nhỏ so với kế hoạch 98%: 0,85% hay 85%?"


@pytest.mark.parametrize(("plan", "value", "asked"), [
    ("11", "0.85", True), ("10", "0.85", False),  # a plan of 10% or less may well have a figure under 1
    ("98", "0", False), ("98", "1", False), ("98", "1.5", False), ("98", "0.99", True),
])
def test_a_percentage_under_one_is_doubted_only_above_zero_and_under_a_plan_over_ten(plan, value, asked):
    found = doubt(target(id="1.1", plan=plan), D(value), TODAY)
    assert (found is not None) is asked


def test_a_figure_under_one_in_another_unit_is_no_percentage_slip():
    assert doubt(target(id="h", plan="50", kind="level", unit="ha"), D("0.5"), TODAY) is None


def test_a_figure_computed_rather_than_typed_is_not_asked_about_its_writing():
    assert doubt(RATIO, D("0.85"), TODAY, typed=False) is None
    assert doubt(PEOPLE, D("41.250"), TODAY, typed=False) is None


# -- Three digits after the comma -----------------------------------------------------------------------------

THREE = "'41,250' được đọc là 41,25 người; nếu là 41.250 người (bốn mươi mốt nghìn hai trăm năm mươi) thì gõ 41.250"


def test_three_decimals_are_asked_about_as_a_thousand_times_more():
    assert doubt(PEOPLE, D("41.250"), TODAY) == THREE
    assert doubt(PEOPLE, D("41.250"), TODAY, usual_places=frozenset({2, 4})) == THREE


def test_three_decimals_are_not_asked_about_where_the_target_has_had_three():
    assert doubt(PEOPLE, D("41.250"), TODAY, usual_places=frozenset({3})) is None


def test_two_or_four_decimals_are_no_thousands_slip():
    assert doubt(PEOPLE, D("41.25"), TODAY) is None
    assert doubt(PEOPLE, D("1.2345"), TODAY) is None


@pytest.mark.parametrize(("value", "places"), [("2.415", 3), ("78000", 0), ("1E+3", 0), ("0.10", 2), ("NaN", 0),
                                               ("Infinity", 0)])
def test_the_decimals_a_figure_was_written_with(value, places):
    assert typed_places(D(value)) == places


# -- Far from the progress planned: a thousand times off --------------------------------------------------------

@pytest.mark.parametrize(("value", "day", "reason"), [
    # 365 tấn a year: 10 tấn expected by 10/01, 30 by 30/01
    ("5000", date(2023, 1, 10), "5.000 tấn đến ngày 10/01/2023 gấp 500 lần tiến độ kế hoạch đến ngày đó (10 tấn); "
                                "có phải 5 tấn?"),
    ("3000", date(2023, 1, 10), "3.000 tấn đến ngày 10/01/2023 gấp 300 lần tiến độ kế hoạch đến ngày đó (10 tấn); "
                                "có phải 3 tấn?"),
    ("30000", date(2023, 1, 10), "30.000 tấn đến ngày 10/01/2023 gấp 3.000 lần tiến độ kế hoạch đến ngày đó (10 tấn); "
                                 "có phải 30 tấn?"),
    ("2990", date(2023, 1, 10), "2.990 tấn đến ngày 10/01/2023 gấp 299 lần tiến độ kế hoạch đến ngày đó (10 tấn)"),
    ("30010", date(2023, 1, 10), "30.010 tấn đến ngày 10/01/2023 gấp 3.001 lần tiến độ kế hoạch đến ngày đó "
                                 "(10 tấn)"),
])
def test_a_running_total_far_above_its_progress_is_read_a_thousand_times_smaller(value, day, reason):
    assert doubt(PLAN, D(value), day) == reason


@pytest.mark.parametrize(("value", "day", "reason"), [
    ("0.03", date(2023, 1, 10), "0,03 tấn đến ngày 10/01/2023 chưa bằng 1/333,3 tiến độ kế hoạch đến ngày đó (10 tấn); "
                                "có phải 30 tấn?"),
    ("0.1", date(2023, 1, 30), "0,1 tấn đến ngày 30/01/2023 chưa bằng 1/300 tiến độ kế hoạch đến ngày đó (30 tấn); "
                               "có phải 100 tấn?"),
    ("0.01", date(2023, 1, 30), "0,01 tấn đến ngày 30/01/2023 chưa bằng 1/3.000 tiến độ kế hoạch đến ngày đó "
                                "(30 tấn); có phải 10 tấn?"),
    ("0.0009", date(2023, 1, 10), "0,0009 tấn đến ngày 10/01/2023 chưa bằng 1/11.111,1 tiến độ kế hoạch đến ngày "
                                  "đó (10 tấn)"),
    ("0", date(2023, 1, 10), "0 tấn đến ngày 10/01/2023 chưa bằng 1/∞ tiến độ kế hoạch đến ngày đó (10 tấn)"),
    ("0.04", date(2023, 1, 10), None),  # 12 of the 10 expected at 300 times: not that small
])
def test_a_running_total_far_below_its_progress_is_read_a_thousand_times_larger(value, day, reason):
    assert doubt(PLAN, D(value), day) == reason


def test_the_progress_a_small_figure_is_compared_with_is_shown_to_two_decimals():
    # 100 tấn a year: 100/365 = 0,27 tấn expected by the end of 01/01
    small = target(id="s", plan="100", kind="cumulative", unit="tấn")
    assert doubt(small, D("0.0001"), date(2023, 1, 1)) == (
        "0,0001 tấn đến ngày 01/01/2023 chưa bằng 1/2.739,7 tiến độ kế hoạch đến ngày đó (0,27 tấn); có phải 0,1 tấn?")


def test_nothing_expected_and_nothing_done_is_no_doubt():
    slow_start = target(id="s", plan="1000", kind="cumulative", unit="tấn", milestones={"q1": D("0")})
    assert doubt(slow_start, D("0"), date(2023, 2, 1)) is None


def test_a_level_far_above_its_plan_is_read_a_thousand_times_smaller():
    level = target(id="l", plan="10", kind="level", unit="ha")
    assert doubt(level, D("5000"), TODAY) == "5.000 ha gấp 500 lần kế hoạch năm; có phải 5 ha?"


# -- What the officer types for a percentage of a whole -----------------------------------------------------------

def test_a_percentage_of_a_whole_stops_at_100():
    assert build(SHARE, "100").value == D("100")
    assert refused(SHARE, "100,5") == (
        "tỷ lệ 100,5% vượt quá 100%: chỉ tiêu 2.1 là tỷ lệ của một tổng thể",
        "nếu số liệu của chỉ tiêu này có thể trên 100%, ghi above_100: true cho chỉ tiêu trong objectives.yaml")


def test_an_estimate_said_in_words_is_shown_as_estimated():
    assert refused(PLAN, "ước 2,6") == ("'ước 2,6' không phải là một số hợp lệ", "số ước thực hiện thì ghi: 2,6 --estimated")


# -- A grade and a judgement -------------------------------------------------------------------------------------

def test_a_grade_is_recorded_as_the_scale_writes_it_with_its_grounds():
    r = build(RATING, " tot ", note="Quyết định 12/QĐ", source="QĐ 12")
    assert (r.target, r.grade, r.met, r.value, r.item, r.note, r.source) == (
        "10.1", "Tốt", None, None, None, "Quyết định 12/QĐ", "QĐ 12")


@pytest.mark.parametrize(("typed", "met"), [("dat", True), ("Đạt", True), ("chua dat", False), ("Chưa đạt", False)])
def test_a_judgement_is_recorded_as_met_or_not(typed, met):
    r = build(JUDGED, typed, note="Biên bản họp")
    assert (r.target, r.met, r.grade, r.value, r.item) == ("1.2", met, None, None, None)


@pytest.mark.parametrize(("t", "value", "typed", "message", "hint"), [
    (RATING, "Tốt", {}, "chỉ tiêu 10.1 được đánh giá bằng lời: ghi căn cứ bằng --note",
     "kèm văn bản làm căn cứ bằng --source (số, ký hiệu văn bản)"),
    (JUDGED, "Đạt", {}, "chỉ tiêu 1.2 được đánh giá bằng lời: ghi căn cứ bằng --note",
     "kèm văn bản làm căn cứ bằng --source (số, ký hiệu văn bản)"),
    (RATING, "Tốt", dict(of="2", note="x"), "chỉ tiêu 10.1 được đánh giá bằng lời: không dùng --of", None),
    (JUDGED, "Đạt", dict(of="2", note="x"), "chỉ tiêu 1.2 được đánh giá bằng lời: không dùng --of", None),
    (RATING, " Giỏi ", dict(note="x"), "'Giỏi' không phải mức xếp loại của chỉ tiêu 10.1", "chọn một trong: Khá, Tốt"),
    (JUDGED, "Không", dict(note="x"), "'Không' không phải đánh giá của chỉ tiêu 1.2", "chọn một trong: Đạt, Chưa đạt"),
    (RATING, "Tốt", dict(not_met=True, note="x"), "--not chỉ dùng cho chỉ tiêu dạng danh sách tiêu chí", None),
])
def test_a_grade_or_a_judgement_is_refused_in_exact_words(t, value, typed, message, hint):
    assert refused(t, value, **typed) == (message, hint)
