"""Reporting periods, the share of the year elapsed and the date a view is judged at."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from mtcl.core.errors import UserError
from mtcl.core.periods import (
    check_in_window,
    check_period,
    elapsed_share,
    evaluation_date,
    period_end,
    period_phrase,
    plan_window,
    quarter_end,
    quarter_of,
    same_day_last_year,
    within_year,
)


def test_a_period_is_read_in_any_case_and_spacing():
    assert check_period(" H1 ") == "h1"
    assert check_period("Year") == "year"


def test_an_unknown_period_names_every_choice():
    with pytest.raises(UserError) as caught:
        check_period("h3")
    assert caught.value.message == "kỳ 'h3' không hợp lệ"
    assert caught.value.hint == "chọn một trong: q1, q2, q3, q4, h1, 9m, year"


def test_period_phrase():
    assert period_phrase("h1", 2023) == "6 tháng đầu năm 2023"
    assert period_phrase("q3", 2023) == "quý III năm 2023"


@pytest.mark.parametrize("quarter, end", [(1, date(2023, 3, 31)), (2, date(2023, 6, 30)), (3, date(2023, 9, 30)),
                                          (4, date(2023, 12, 31))])
def test_a_quarter_ends_on_its_last_day(quarter, end):
    assert quarter_end(2023, quarter) == end


@pytest.mark.parametrize("day, quarter", [(date(2023, 1, 1), 1), (date(2023, 3, 31), 1), (date(2023, 4, 1), 2),
                                          (date(2023, 9, 30), 3), (date(2023, 10, 1), 4), (date(2023, 12, 31), 4)])
def test_the_quarter_of_a_day_changes_on_the_first_of_its_month(day, quarter):
    assert quarter_of(day) == quarter


@pytest.mark.parametrize("period, end", [("year", date(2023, 12, 31)), ("h1", date(2023, 6, 30)),
                                         ("9m", date(2023, 9, 30)), ("q1", date(2023, 3, 31)),
                                         ("q2", date(2023, 6, 30)), ("q3", date(2023, 9, 30)),
                                         ("q4", date(2023, 12, 31)), ("Q2", date(2023, 6, 30))])
def test_each_period_ends_on_its_own_day(period, end):
    assert period_end(2023, period) == end


def test_period_end_refuses_an_unknown_period():
    with pytest.raises(UserError):
        period_end(2023, "h2")


@pytest.mark.parametrize("day, share", [
    (date(2023, 1, 1), D(1) / 365),  # the first day counts as gone by at its end
    (date(2023, 6, 30), D(181) / 365),
    (date(2023, 12, 31), D(1)),
    (date(2024, 12, 31), D(1)),  # a leap year has 366 days
    (date(2024, 2, 29), D(60) / 366),
])
def test_elapsed_share_counts_the_day_itself_over_the_days_of_its_year(day, share):
    assert elapsed_share(day) == share


def test_same_day_last_year():
    assert same_day_last_year(date(2023, 6, 30)) == date(2022, 6, 30)
    assert same_day_last_year(date(2024, 2, 29)) == date(2023, 2, 28)
    assert same_day_last_year(date(2024, 3, 1)) == date(2023, 3, 1)


def test_the_plan_window_runs_from_october_before_to_march_after():
    assert plan_window(2023) == (date(2022, 10, 1), date(2024, 3, 31))


@pytest.mark.parametrize("day", [date(2022, 10, 1), date(2023, 6, 1), date(2024, 3, 31)])
def test_dates_inside_the_plan_window_pass_including_its_edges(day):
    check_in_window(day, 2023, "Ngày hoàn thành")


@pytest.mark.parametrize("day", [date(2022, 9, 30), date(2024, 4, 1), date(2013, 3, 1)])
def test_a_date_outside_the_plan_window_is_refused_with_the_window(day):
    with pytest.raises(UserError) as caught:
        check_in_window(day, 2023, "Ngày hoàn thành")
    assert caught.value.message == (f"Ngày hoàn thành {day:%d/%m/%Y} nằm ngoài thời gian của kế hoạch năm 2023 "
                                    "(từ 01/10/2022 đến 31/03/2024)")
    assert caught.value.hint == "kiểm tra lại năm đã gõ"


@pytest.mark.parametrize("day, kept", [(date(2026, 11, 25), date(2023, 12, 31)), (date(2022, 5, 1), date(2023, 1, 1)),
                                       (date(2023, 5, 1), date(2023, 5, 1)), (date(2023, 1, 1), date(2023, 1, 1)),
                                       (date(2023, 12, 31), date(2023, 12, 31))])
def test_today_is_kept_inside_the_year_viewed(day, kept):
    assert within_year(2023, day) == kept


def test_the_evaluation_date_is_as_of_then_the_period_end_then_today_in_the_year():
    today = date(2026, 11, 25)
    assert evaluation_date(2023, today, as_of=date(2023, 5, 31), period="h1") == date(2023, 5, 31)
    assert evaluation_date(2023, today, period="h1") == date(2023, 6, 30)
    assert evaluation_date(2023, today) == date(2023, 12, 31)
    assert evaluation_date(2023, date(2023, 4, 2)) == date(2023, 4, 2)
