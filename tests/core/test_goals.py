"""What a target aims at: the goal of a change target, and the curve a cumulative one follows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from mtcl.core.goals import change_of, curve, expected_at, goal
from tests.test_attainment import target


def test_the_goal_of_a_figure_or_a_range_is_the_plan():
    assert goal(target(plan="98")) == (D("98"), D("98"))
    assert goal(target(plan=["14", "15"], op="between")) == (D("14"), D("15"))


def test_the_goal_of_a_change_is_the_base_grown_by_the_plan_at_both_ends():
    assert goal(target(plan=["5", "10"], op="between", change="percent"), D("200")) == (D("210"), D("220"))
    assert goal(target(plan="-4", change="percent", signed=True), D("50")) == (D("48"), D("48"))
    assert goal(target(plan="8", change="percent")) is None


def test_the_change_on_last_year_and_none_on_a_zero_year():
    assert change_of(D("106.2"), D("100")) == D("6.2")
    assert change_of(D("90"), D("120")) == D("-25")
    assert change_of(D("5"), D("0")) is None


SEASONAL = dict(kind="cumulative", unit="tấn", plan="1000",
                milestones={"9m": D("900"), "q1": D("100"), "h1": D("600")})  # written out of order


def test_the_curve_passes_each_milestone_at_its_periods_end_in_date_order():
    assert curve(target(**SEASONAL), 2023, D("1000")) == [(0, D(0)), (90, D("100")), (181, D("600")),
                                                        (273, D("900")), (365, D("1000"))]
    assert curve(target(**SEASONAL), 2024, D("1000"))[1:] == [(91, D("100")), (182, D("600")), (274, D("900")),
                                                            (366, D("1000"))]
    assert curve(target(kind="cumulative", plan="10"), 2023, D("10")) == [(0, D(0)), (365, D("10"))]


def test_progress_expected_is_straight_between_milestones():
    seasonal = target(**SEASONAL)
    assert expected_at(seasonal, date(2023, 3, 31), D("1000")) == D("100")  # q1's end
    assert expected_at(seasonal, date(2023, 1, 9), D("1000")) == D("10")  # 9 of 90 days toward 100
    assert expected_at(seasonal, date(2023, 4, 1), D("1000")) == D("100") + D("500") / D("91")
    assert expected_at(seasonal, date(2023, 6, 30), D("1000")) == D("600")
    assert expected_at(seasonal, date(2023, 12, 31), D("1000")) == D("1000")
    assert expected_at(target(kind="cumulative", plan="365"), date(2023, 2, 1), D("365")) == D("32")
