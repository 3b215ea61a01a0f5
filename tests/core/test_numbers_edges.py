"""The rounding rule's thresholds (RULES.md section 6): more decimals only where one would contradict the verdict."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from mtcl.core.errors import UserError
from mtcl.core.numbers import format_percent, parse_number, rounded, rounded_number


@pytest.mark.parametrize(("value", "shown"), [("59.96", "59.96"), ("60.04", "60.04"), ("59.955", "59.96"),
                                              ("59.94", "59.9"), ("60.06", "60.1")])
def test_a_figure_rounded_onto_its_threshold_keeps_the_decimals_that_tell_it_apart(value, shown):
    # 59,96 is not 60 beside 'at least 60'; 59,955 needs two decimals (59,96), not three
    assert str(rounded(D(value), (D("60"),))) == shown


def test_a_figure_rounded_across_its_threshold_keeps_the_decimals_that_tell_it_apart():
    # 99,96 rounds to 100, across a threshold of 99,98 it stands below
    assert rounded(D("99.96"), (D("99.98"),)) == D("99.96")
    assert rounded(D("99.99"), (D("99.98"),)) == D("100")


def test_a_figure_on_its_threshold_is_shown_as_the_threshold():
    assert str(rounded(D("60.00"), (D("60"),))) == "6E+1" and rounded_number(D("60.00"), (D("60"),)) == "60"


def test_no_more_than_four_decimals_are_ever_shown():
    assert rounded_number(D("59.99999"), (D("60"),)) == "60"
    assert rounded_number(D("59.99994"), (D("60"),)) == "59,9999"


def test_each_threshold_is_looked_at():
    assert rounded(D("99.96"), (D("60"), D("100"))) == D("99.96")
    assert rounded(D("99.96"), (D("60"),)) == D("100")


def test_a_change_too_small_to_show_is_zero_without_a_sign():
    assert str(rounded(D("-0.04"))) == "0"
    assert rounded_number(D("-0.04")) == "0"


def test_the_written_number_and_percentage_keep_the_threshold_rule():
    assert rounded_number(D("59.96"), (D("60"),)) == "59,96"
    assert format_percent(D("59.96"), (D("60"),)) == "59,96%"
    assert format_percent(D("99.96"), (D("100"),)) == "99,96%"
    assert format_percent(D("99.96")) == "100%"


# -- A minus sign before zero ---------------------------------------------------------------------------------------

def test_minus_zero_is_zero_not_a_negative_figure():
    assert str(parse_number("-0")) == "0"
    assert str(parse_number("\u22120,00")) == "0.00"
    assert str(parse_number("-0,00", signed=True)) == "0.00"


def test_a_negative_figure_is_still_refused_unless_signed():
    with pytest.raises(UserError) as caught:
        parse_number("-0,01")
    assert (caught.value.message, caught.value.hint) == (
        "không nhận số âm: '-0,01'", "số âm chỉ ghi được cho chỉ tiêu có signed: true (như tốc độ tăng trưởng)")
    assert parse_number("-0,01", signed=True) == D("-0.01")
