"""pydantic's refusals rewritten in plain Vietnamese, each kind of error in its exact words."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from mtcl.core.figures import FigureRecord
from mtcl.core.models import Target
from mtcl.core.numbers import TOO_MANY_DIGITS
from mtcl.core.validation import describe_error, keys_at, not_a_number


class Place(BaseModel):
    model_config = ConfigDict(extra="forbid")
    unit: str
    place: str


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    seat: Place
    offices: list[Place] = []


def refusal(data: dict, known_keys=(), model=Body) -> str:
    """The one error pydantic finds in ``data`` for a Body, described."""
    with pytest.raises(ValidationError) as caught:
        Body.model_validate(data)
    [error] = caught.value.errors()
    return describe_error(error, known_keys, model)


def said(kind: str, value=None, loc=("plan",), **ctx) -> str:
    """An error of ``kind`` about ``value``, described (as pydantic hands it over)."""
    return describe_error({"type": kind, "loc": loc, "input": value, "ctx": ctx, "msg": f"English for {kind}"})


SEAT = {"unit": "Phường", "place": "Hòa Minh"}
TOO_MANY = f"số '1e999999999' {TOO_MANY_DIGITS}"


# -- A mistyped key -----------------------------------------------------------------------------------------------

def test_a_mistyped_key_is_compared_with_the_keys_allowed_where_it_stands():
    assert refusal({"name": "x", "seat": {"unit": "Phường", "unitt": "Phường", "place": "Hòa Minh"}}) == (
        "khóa 'unitt' không hợp lệ ở đây (có phải 'unit'?); ở đây dùng các khóa: unit, place")
    assert refusal({"name": "x", "seat": SEAT, "offices": [{"unit": "a", "place": "b", "plase": "c"}]}) == (
        "khóa 'plase' không hợp lệ ở đây (có phải 'place'?); ở đây dùng các khóa: unit, place")
    assert refusal({"name": "x", "nme": "x", "seat": SEAT}) == (
        "khóa 'nme' không hợp lệ ở đây (có phải 'name'?); ở đây dùng các khóa: name, seat, offices")


def test_a_key_like_none_allowed_gets_no_guess():
    assert refusal({"name": "x", "seat": SEAT, "zzz": 1}) == (
        "khóa 'zzz' không hợp lệ ở đây; ở đây dùng các khóa: name, seat, offices")


def test_without_the_model_a_mistyped_key_is_compared_with_the_keys_known():
    error = {"type": "unexpected_keyword_argument", "loc": ("valeu",), "input": 5}
    assert describe_error(error, ["target", "value", "of"]) == "khóa 'valeu' không hợp lệ ở đây (có phải 'value'?)"
    assert describe_error(error) == "khóa 'valeu' không hợp lệ ở đây"
    assert describe_error({"type": "extra_forbidden", "loc": ("zzz",)}, ["target", "value"]) == (
        "khóa 'zzz' không hợp lệ ở đây")


def test_the_keys_of_a_place_that_is_no_mapping_are_none():
    assert keys_at(Body, ("seat",)) == ["unit", "place"]
    assert keys_at(Body, ("offices", 3)) == ["unit", "place"]
    assert keys_at(Body, ("nowhere", "x")) == []
    assert keys_at(Body, ("name", "x")) == []
    assert keys_at(FigureRecord, ("value",)) == [] and keys_at(FigureRecord, ()) == []


# -- A missing key, a wrong shape ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["missing", "missing_argument", "missing_keyword_only_argument"])
def test_a_missing_key_is_named(kind):
    assert said(kind, loc=("objectives", 0, "title")) == "thiếu khóa bắt buộc 'title'"


def test_a_missing_entry_of_a_list_has_no_key_to_name():
    assert said("missing", loc=(0,)) == "thiếu khóa bắt buộc ''"


@pytest.mark.parametrize("kind", ["model_type", "dict_type", "model_attributes_type", "dataclass_type",
                                  "dataclass_exact_type"])
def test_a_mapping_expected_is_asked_for_as_a_table(kind):
    assert said(kind, "abc") == "phải là một bảng 'khóa: giá trị'"


def test_each_shape_is_named():
    assert said("list_type", "abc") == "phải là một danh sách (mỗi dòng bắt đầu bằng '- ')"
    assert said("string_too_short", "") == "không được để trống"
    assert said("string_type", 5) == "'5' phải là một đoạn chữ (đặt trong ngoặc kép nếu cần)"
    assert said("bool_type", "maybe") == "'maybe' phải là true hoặc false"
    assert said("too_short", [], loc=("objectives",)) == "phải có ít nhất một mục tiêu (objectives)"
    assert said("too_short", [], loc=("recipients",)) == "danh sách không được để trống"


def test_a_choice_lists_what_may_be_chosen_in_vietnamese():
    with pytest.raises(ValidationError) as caught:
        Target(id="t", name="t", kind="ratioo", unit="%", plan=D("5"), op=">=")
    [error] = [e for e in caught.value.errors() if e["type"] == "literal_error"]
    assert describe_error(error) == ("giá trị 'ratioo' không hợp lệ; chọn một trong: 'ratio', 'cumulative', 'level', "
                                     "'checklist', 'rating', 'judged' hoặc 'reference'")
    assert said("literal_error", "x", expected="'month', 'quarter' or 'half'") == (
        "giá trị 'x' không hợp lệ; chọn một trong: 'month', 'quarter' hoặc 'half'")


@pytest.mark.parametrize("kind", ["date_parsing", "date_from_datetime_parsing", "datetime_parsing",
                                  "datetime_from_date_parsing"])
def test_a_date_that_cannot_be_read_says_how_to_write_one(kind):
    assert said(kind, "2023-02-30") == (
        "ngày '2023-02-30' không hợp lệ: viết dạng YYYY-MM-DD (ví dụ 2023-06-15) và ngày phải tồn tại")


def test_a_rule_of_the_model_speaks_for_itself_and_anything_else_is_left_as_pydantic_says_it():
    assert said("value_error", "x", error=ValueError("kế hoạch phải là số")) == "kế hoạch phải là số"
    assert said("url_type", "x") == "English for url_type"


# -- A number ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["decimal_parsing", "int_parsing", "float_parsing", "int_from_float", "decimal_type"])
def test_a_number_that_cannot_be_read_is_asked_for(kind):
    assert said(kind, "abc") == "'abc' phải là một số"


def test_a_number_that_is_not_whole_is_still_only_asked_for():
    assert said("int_parsing", "1.5") == "'1.5' phải là một số"


@pytest.mark.parametrize("kind", ["decimal_max_digits", "decimal_max_places", "decimal_whole_digits"])
def test_a_number_with_too_many_digits_says_how_many_are_taken(kind):
    assert said(kind, "1234567890123456") == f"số '1234567890123456' {TOO_MANY_DIGITS}"


def test_a_huge_exponent_is_too_many_digits_not_an_infinity():
    assert said("finite_number", "1e999999999") == TOO_MANY
    assert said("finite_number", D("1e999999999")) == f"số '1E+999999999' {TOO_MANY_DIGITS}"
    assert said("finite_number", "nan") == "phải là một số hữu hạn (không nhận .nan, .inf)"
    assert said("finite_number", "abc") == "phải là một số hữu hạn (không nhận .nan, .inf)"
    assert said("finite_number", 5.0) == "phải là một số hữu hạn (không nhận .nan, .inf)"


def test_a_bound_is_said_with_its_limit():
    assert said("greater_than_equal", 0, loc=("id",), ge=1) == "giá trị 0 phải lớn hơn hoặc bằng 1"
    assert said("less_than_equal", 7, loc=("decimals",), le=6) == "giá trị 7 phải nhỏ hơn hoặc bằng 6"
    assert describe_error({"type": "greater_than_equal", "loc": ("id",), "input": 0}) == (
        "giá trị 0 phải lớn hơn hoặc bằng None")


@pytest.mark.parametrize(("typed", "low", "high"), [("14-15", "14", "15"), ("1,8–2,1", "1.8", "2.1"),
                                                    (" 15% - 16% ", "15", "16")])
def test_a_range_written_as_text_is_shown_as_a_list(typed, low, high):
    assert said("decimal_parsing", typed) == (
        f"'{typed}' là một khoảng: ghi plan: [{low}, {high}] và op: '>=' (từ {low} trở lên, phấn đấu {high}), '<=' "
        f"(không quá {high}, phấn đấu {low}) hoặc between (chỉ đạt khi trong khoảng)")


def test_a_percent_sign_belongs_to_the_unit():
    assert said("decimal_parsing", "98%") == "'98%' phải là số, không kèm dấu %: đơn vị ghi ở unit (\"%\")"


def test_a_vietnamese_decimal_comma_is_shown_the_yaml_way():
    assert said("decimal_parsing", "1.936,49") == (
        "'1.936,49' phải là số; trong tệp YAML dùng dấu chấm cho phần thập phân và không tách hàng nghìn: 1936.49")


@pytest.mark.parametrize("value", ["yes", "No", "on", "OFF", "y", "n", True])
def test_a_yes_or_no_is_no_number(value):
    assert said("decimal_parsing", value) == f"'{value}' không phải là số"


def test_a_plan_written_as_text_is_refused_in_the_words_of_a_number():
    assert not_a_number("abc") == "'abc' phải là một số"
    assert not_a_number(" 1e999999999 ") == f"số ' 1e999999999 ' {TOO_MANY_DIGITS}"
    assert not_a_number("nan") == "'nan' phải là một số"
    assert not_a_number("14-15").startswith("'14-15' là một khoảng: ghi plan: [14, 15]")


# -- Bugs found ------------------------------------------------------------------------------------------------------

def test_a_yes_or_no_key_written_otherwise_is_refused_in_vietnamese():
    with pytest.raises(ValidationError) as caught:
        Target(id="t", name="t", kind="level", unit="ha", plan=D("5"), op=">=", signed="maybe")
    [error] = caught.value.errors()
    assert describe_error(error) == "'maybe' phải là true hoặc false"


def test_a_short_number_written_as_text_is_not_said_to_have_too_many_digits():
    assert TOO_MANY_DIGITS not in not_a_number("98.5")
