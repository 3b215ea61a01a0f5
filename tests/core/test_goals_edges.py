"""The goal's ends, the measure of a share or a change, months back and the names of the periods of a plan for each."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from mtcl.core.goals import measure, months_back, period_ends, period_name, plan_end
from tests.test_attainment import target


def test_the_plans_end_is_its_top_for_a_ceiling_and_its_bottom_for_a_floor():
    assert plan_end(target(plan=["10", "20"], op="<=", kind="level", unit="vụ")) == D("20")
    assert plan_end(target(plan=["10", "20"], op=">=", kind="level", unit="vụ")) == D("10")


def test_a_share_without_its_reference_measures_zero():
    share = target(plan="105", kind="level", unit="tỷ đồng", share_of="R")
    assert measure(share, D("50"), None, D("200")) == D("25")
    assert measure(share, D("50"), None, None) == D("0")
    assert measure(share, D("50"), None, D("0")) == D("0")


def test_a_change_in_points_without_its_base_measures_zero():
    points = target(plan="2", kind="level", unit="%", change="points")
    assert measure(points, D("50"), D("45"), None) == D("5")
    assert measure(points, D("50"), None, None) == D("0")


def test_months_back_cross_more_than_a_year():
    assert months_back(date(2023, 1, 15), 13) == date(2021, 12, 15)
    assert months_back(date(2023, 1, 31), 12) == date(2022, 1, 31)


def test_the_halves_end_in_june_and_december():
    assert period_ends(2023, "half") == [date(2023, 6, 30), date(2023, 12, 31)]


@pytest.mark.parametrize(("every", "end", "name"), [
    ("month", date(2023, 9, 30), "tháng 9"), ("month", date(2023, 12, 31), "tháng 12"),
    ("quarter", date(2023, 3, 31), "quý I"), ("quarter", date(2023, 6, 30), "quý II"),
    ("quarter", date(2023, 9, 30), "quý III"), ("quarter", date(2023, 12, 31), "quý IV"),
    ("half", date(2023, 6, 30), "6 tháng đầu năm"), ("half", date(2023, 12, 31), "6 tháng cuối năm"),
])
def test_each_period_of_a_plan_for_each_is_named_as_a_report_says_it(every, end, name):
    assert period_name(every, end) == name
