"""Vietnamese numbers and dates: read strictly, written as Babel's vi_VN writes them, rounded half-up."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtcl.core.errors import UserError
from mtcl.core.numbers import (
    format_long_date,
    format_number,
    format_percent,
    format_quantity,
    parse_date,
    parse_number,
    quantize,
)


@pytest.mark.parametrize(
    "text, value",
    [("1.936,49", "1936.49"), ("5,573", "5.573"), ("78.000", "78000"), ("78000", "78000"),
     ("0,9", "0.9"), ("1.234.567,5", "1234567.5"), (" 42 ", "42"), ("5.573", "5573")],
)
def test_reads_vietnamese_numbers(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize(
    "text, hint",
    [("2.91", "dùng dấu phẩy cho phần thập phân: 2,91"),
     ("5.57", "dùng dấu phẩy cho phần thập phân: 5,57"),
     ("1936.49", "dùng dấu phẩy cho phần thập phân: 1.936,49"),
     ("1,936.49", "viết theo kiểu Việt Nam: 1.936,49"),
     ("1,2,3", "viết theo kiểu Việt Nam, ví dụ"),
     ("NaN", "viết theo kiểu Việt Nam, ví dụ"),
     ("12.34.5", "viết theo kiểu Việt Nam, ví dụ"),
     ("", "viết theo kiểu Việt Nam, ví dụ")],
)
def test_refuses_doubtful_numbers_with_the_right_spelling(text, hint):
    with pytest.raises(UserError) as caught:
        parse_number(text)
    assert hint in str(caught.value)


def test_refuses_negative_numbers():
    with pytest.raises(UserError, match="không nhận số âm"):
        parse_number("-5")


@pytest.mark.parametrize(
    "value, places, text",
    [("1936.49", None, "1.936,49"), ("5.573", None, "5,573"), ("78000", None, "78.000"),
     ("2.45", 1, "2,5"), ("2.25", 1, "2,3"), ("0.125", 2, "0,13"), ("1133", None, "1.133"), ("100.0", None, "100")],
)
def test_formats_with_half_up_rounding(value, places, text):
    assert format_number(Decimal(value), places) == text


def test_percent_and_quantity():
    assert format_percent(Decimal("98.456")) == "98,5%"
    assert format_quantity(Decimal("96.2"), "%") == "96,2%"
    assert format_quantity(Decimal("1936.49"), "tấn") == "1.936,49 tấn"


@given(st.decimals(min_value=0, max_value=Decimal("1e11") - 1, allow_nan=False, allow_infinity=False, places=4))
def test_format_then_parse_gives_the_same_number(value):
    assert parse_number(format_number(value)) == value


@given(st.text(max_size=20))
def test_no_malformed_string_is_silently_read(text):
    try:
        value = parse_number(text)
    except UserError:
        return
    # Whatever is accepted is a well-formed Vietnamese number that prints back the same.
    assert format_number(value) == format_number(parse_number(format_number(value)))
    assert text.strip().replace(".", "").replace(",", "").isdigit()
    assert text.strip().count(",") <= 1


@pytest.mark.parametrize("text, value", [("2023-06-15", date(2023, 6, 15)), ("15/6/2023", date(2023, 6, 15)),
                                         ("05/01/2023", date(2023, 1, 5))])
def test_reads_dates(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize("text", ["31/02/2023", "2023-02-30", "15-6-2023", "hôm qua"])
def test_refuses_impossible_or_unknown_dates(text):
    with pytest.raises(UserError):
        parse_date(text)


def test_long_date_leading_zeros():
    assert format_long_date(date(2023, 1, 5)) == "ngày 05 tháng 01 năm 2023"
    assert format_long_date(date(2023, 6, 15)) == "ngày 15 tháng 6 năm 2023"
    assert format_long_date(date(2023, 2, 28)) == "ngày 28 tháng 02 năm 2023"
    assert format_long_date(date(2023, 11, 30)) == "ngày 30 tháng 11 năm 2023"


@given(st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=6, allow_nan=False,
                   allow_infinity=False), st.one_of(st.none(), st.integers(0, 6)))
def test_written_as_babels_vi_vn_writes_it(value, places):
    """Babel formats Vietnamese numbers; mtcl does it by hand (25 ms of start-up saved) and
    must agree with it everywhere, except that a negative zero is written 0, not -0."""
    from babel.numbers import format_decimal

    shown = format_number(value, places)
    if places is None:
        exponent = value.normalize().as_tuple().exponent
        places = max(0, -exponent) if isinstance(exponent, int) else 0
    rounded = quantize(value, places)
    expected = format_decimal(rounded, format="#,##0" + ("." + "0" * places if places else ""), locale="vi_VN",
                              decimal_quantization=False)
    assert shown == (expected.removeprefix("-") if rounded == 0 else expected)
