"""The edges of reading and writing numbers: each refusal's exact words, each rounding."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from mtcl.core.errors import UserError
from mtcl.core.numbers import (
    digit_count,
    format_long_date,
    format_number,
    format_percent,
    format_quantity,
    parse_date,
    parse_number,
    rounded_number,
    spell_number,
)


def refusal(read, text: str, **options) -> tuple[str, str | None]:
    with pytest.raises(UserError) as caught:
        read(text, **options)
    return caught.value.message, caught.value.hint


@pytest.mark.parametrize(("text", "message", "hint"), [
    ("-5", "không nhận số âm: '-5'", "số âm chỉ ghi được cho chỉ tiêu có signed: true (như tốc độ tăng trưởng)"),
    ("-abc", "'-abc' không phải là một số hợp lệ", "viết theo kiểu Việt Nam, ví dụ 1.936,49 hoặc 5,573 hoặc 78.000"),
    ("2.91", "số '2.91' không rõ nghĩa: dấu chấm dùng để tách hàng nghìn", "dùng dấu phẩy cho phần thập phân: 2,91"),
    ("1,936.49", "số '1,936.49' viết theo kiểu nước ngoài", "viết theo kiểu Việt Nam: 1.936,49"),
    ("1234567890123456", "số '1234567890123456' có quá nhiều chữ số (mtcl nhận số có tối đa 15 chữ số)",
     "kiểm tra lại số đã gõ và đơn vị tính"),
])
def test_each_refusal_says_what_is_wrong_and_how_to_write_it(text, message, hint):
    assert refusal(parse_number, text) == (message, hint)


@pytest.mark.parametrize(("text", "value"), [("-5", "-5"), ("-1.936,49", "-1936.49"), ("\u221215", "-15"),
                                             ("5", "5"), ("123456789012345", "123456789012345")])
def test_a_signed_target_reads_negative_numbers(text, value):
    assert parse_number(text, signed=True) == D(value)


def test_a_negative_number_is_refused_unless_signed_even_when_well_written():
    assert refusal(parse_number, "-1.936,49")[0] == "không nhận số âm: '-1.936,49'"


@pytest.mark.parametrize(("value", "digits"), [("1936.49", 6), ("1E+30", 31), ("0.0001", 4), ("100", 3), ("1E+2", 3),
                                               ("0", 1), ("NaN", 0), ("Infinity", 0), ("12.5", 3)])
def test_digits_are_counted_as_written_out(value, digits):
    assert digit_count(D(value)) == digits


@pytest.mark.parametrize(("value", "most", "text"), [("33.3333", 2, "33,33"), ("99.2000", 2, "99,2"),
                                                     ("2.45", 1, "2,5"), ("7.996", 2, "8")])
def test_at_most_so_many_decimals(value, most, text):
    assert format_number(D(value), most=most) == text


def test_computed_numbers_and_percentages_are_rounded_to_one_decimal():
    assert [rounded_number(D(v)) for v in ("98.456", "100.0", "0", "0.04", "-2.25")] == ["98,5", "100", "0", "0",
                                                                                        "-2,3"]
    assert format_percent(D("0")) == "0%" and format_percent(D("99.96")) == "100%"


def test_a_quantity_keeps_the_places_asked_for():
    assert format_quantity(D("1936.4"), "tấn", 2) == "1.936,40 tấn"
    assert format_quantity(D("1936.456"), "tấn", most=1) == "1.936,5 tấn"
    assert format_quantity(D("98.5"), "%") == "98,5%"


@pytest.mark.parametrize(("day", "text"), [(date(2023, 1, 5), "ngày 05 tháng 01 năm 2023"),
                                           (date(2023, 2, 28), "ngày 28 tháng 02 năm 2023"),
                                           (date(2023, 3, 1), "ngày 01 tháng 3 năm 2023"),
                                           (date(2023, 11, 30), "ngày 30 tháng 11 năm 2023")])
def test_long_dates_pad_the_day_and_only_january_and_february(day, text):
    assert format_long_date(day) == text


@pytest.mark.parametrize(("text", "message", "hint"), [
    ("15.6.2023", "'15.6.2023' không phải là ngày", "viết ngày dạng 15/6/2023 hoặc 2023-06-15"),
    ("31/02/2023", "ngày '31/02/2023' không tồn tại", "kiểm tra lại ngày và tháng"),
    ("2023-13-01", "ngày '2023-13-01' không tồn tại", "kiểm tra lại ngày và tháng"),
])
def test_each_date_refusal_says_what_is_wrong(text, message, hint):
    assert refusal(parse_date, text) == (message, hint)


@pytest.mark.parametrize("number, words", [
    (41250, "bốn mươi mốt nghìn hai trăm năm mươi"), (1050, "một nghìn không trăm năm mươi"),
    (105, "một trăm linh năm"), (15, "mười lăm"), (21, "hai mươi mốt"), (24, "hai mươi tư"),
    (25, "hai mươi lăm"), (14, "mười bốn"), (10, "mười"), (110, "một trăm mười"), (0, "không"),
    (1000001, "một triệu không trăm linh một"), (2_000_000_000, "hai tỷ"),
    (78000, "bảy mươi tám nghìn"), (1936, "một nghìn chín trăm ba mươi sáu"),
    (1, "một"), (11, "mười một"), (44, "bốn mươi tư"), (55, "năm mươi lăm"), (101, "một trăm linh một"),
    (1000, "một nghìn"), (1_000_100, "một triệu một trăm"), (1_000_000_000_000, "một nghìn tỷ"),
    (5_000_021, "năm triệu không trăm hai mươi mốt"), (1001, "một nghìn không trăm linh một"),
    (999_999, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín"), (1014, "một nghìn không trăm mười bốn"),
])
def test_numbers_in_words(number, words):
    assert spell_number(number) == words


def test_minus_zero_is_zero_not_a_negative_figure():
    from decimal import Decimal

    from mtcl.core.numbers import parse_number

    for typed in ("-0", "-0,0", "\u22120"):
        value = parse_number(typed)
        assert value == 0 and not value.is_signed() and str(value) in ("0", "0.0")
    assert parse_number("-0,5", signed=True) == Decimal("-0.5")
