"""Vietnamese phrases of a decision read into values: each rule, and each edge where it turns."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from mtcl.core.phrases import (comparison, is_ambiguous, numbers, plan_number, plan_of, thousands_reading, timing,
                          unit_after)

@pytest.mark.parametrize("text, label, value, unit, op, kind", [
    ("Tổng thu ngân sách Nhà nước xã hưởng: 5,573 tỷ đồng", "Tổng thu ngân sách Nhà nước xã hưởng", "5.573",
     "tỷ đồng", ">=", "cumulative"),
    ("Chi ngân sách Nhà nước trên địa bàn: 5,573 tỷ đồng", "Chi ngân sách Nhà nước trên địa bàn", "5.573", "tỷ đồng",
     ">=", "cumulative"),
    ("Thu nhập bình quân đầu người: 42 triệu đồng", "Thu nhập bình quân đầu người", "42", "triệu đồng", ">=", "level"),
    ("Sản lượng lương thực có hạt: 1.936,49 tấn", "Sản lượng lương thực có hạt", "1936.49", "tấn", ">=", "cumulative"),
    ("Tổng lượt khách du lịch nội địa: 78.000 lượt", "", "78000", "lượt", ">=", "cumulative"),
    ("Tỷ lệ lao động qua đào tạo: 84,5%", "Tỷ lệ lao động qua đào tạo", "84.5", "%", ">=", "level"),
    ("Tỷ lệ tăng dân số tự nhiên duy trì: 0,9%", "Tỷ lệ tăng dân số tự nhiên duy trì", "0.9", "%", "<=", "level"),
    ("phấn đấu trên 98% hồ sơ thủ tục hành chính", "", "98", "%", ">", "ratio"),
    ("Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3 và 4 trên tổng số hồ sơ phấn đấu đạt 50%", "", "50", "%", ">=",
     "ratio"),
    ("đạt tối thiểu 95% khi thực hiện giao dịch thủ tục hành chính", "", "95", "%", ">=", "ratio"),
    ("Tỷ lệ hộ nghèo dưới 1%", "", "1", "%", "<", "level"),
    ("Tỷ lệ hộ nghèo không quá 3,37%", "", "3.37", "%", "<=", "level"),
])
def test_a_plan_is_read_from_its_sentence(text, label, value, unit, op, kind):
    plan = plan_of(text, label)
    assert (plan.value, plan.unit, plan.op, plan.kind, plan.guesses) == (Decimal(value), unit, op, kind, ())


def test_a_plan_chosen_from_its_subject_is_a_guess():
    plan = plan_of("Tỷ lệ hộ nghèo: 3,37%", "Tỷ lệ hộ nghèo")
    assert plan.op == "<=" and plan.guesses == ("'Tỷ lệ hộ nghèo' càng thấp càng tốt: kế hoạch là mức không vượt quá",)


def test_ranges_changes_and_checklists():
    assert plan_of("Tốc độ tăng giá trị sản xuất từ 14% đến 15%").value == [Decimal(14), Decimal(15)]
    birth = plan_of("Tỷ lệ sinh từ 1,8 đến 2,1 con")
    assert (birth.value, birth.unit, birth.op) == ([Decimal("1.8"), Decimal("2.1")], "con", "between")
    growth = plan_of("Thu ngân sách tăng 8% so với năm 2023")
    assert (growth.value, growth.op, growth.change) == (Decimal(8), ">=", True)
    fall = plan_of("Số hộ nghèo giảm 10% so với năm 2023")
    assert (fall.value, fall.op, fall.change) == (Decimal(-10), "<=", True)
    rural = plan_of("Phấn đấu đạt 03 tiêu chí (Giao thông, Trường học, Thu nhập)")
    assert (rural.value, rural.kind, rural.items) == (Decimal(3), "checklist", ("Giao thông", "Trường học", "Thu nhập"))
    assert plan_of("Tham gia đầy đủ các lớp tập huấn") is None
    assert plan_of("Thu nhập bình quân 12.5 triệu đồng năm 2023") is None  # not 2023, not 12: left to the officer
    assert plan_of("Thu nhập bình quân 12 triệu đồng, tháng 01/02/2023").value == Decimal(12)


@pytest.mark.parametrize("text, due, repeat, guessed", [
    ("Tháng 01-02 năm 2023", [date(2023, 2, 28)], None, False),
    ("Quý I năm 2023", [date(2023, 3, 31)], None, False),
    ("Quý II/2023", [date(2023, 6, 30)], None, False),
    ("Trước ngày 15/6 và trước 30/11 hằng năm", [date(2023, 6, 15), date(2023, 11, 30)], None, False),
    ("Tháng 12/2022 – Quý I/2023", [date(2023, 3, 31)], None, False),
    ("- Kế hoạch: tháng 01/2023\n- Báo cáo: 6 tháng (trước ngày 1/6/2023), năm (trước ngày 30/11/2023)",
     [date(2023, 1, 31), date(2023, 6, 1), date(2023, 11, 30)], None, False),
    ("Định kỳ 6 tháng/lần hoặc đột xuất", [], "half-yearly", False),
    ("Định kỳ hàng Quý", [], "quarterly", False),
    ("- Thường xuyên theo dõi;\n- Báo cáo định kỳ hàng quý", [], "quarterly", False),
    ("Hằng năm", [], "yearly", False),
    ("Trong năm 2023", [], "yearly", False),
    ("Thường xuyên", [], "continuous", False),
    ("Định kỳ/Thường xuyên", [], "quarterly", True),
    ("Khi có điều kiện", [], None, False),
])
def test_a_timing_is_read_into_deadlines_or_a_repeat(text, due, repeat, guessed):
    read = timing(text, 2023)
    assert (list(read.due), read.repeat, read.guess is not None) == (due, repeat, guessed)


def test_numbers_are_read_the_vietnamese_way_where_they_stand():
    found = numbers("Tỷ lệ 3,37% và 1.936,49 tấn, 03 tiêu chí; 12.5 và 1.2345 đọc sai thì không đọc. 45.")
    assert [(n.value, n.percent, n.start, n.end, n.text, n.guess) for n in found] == [
        (Decimal("3.37"), True, 6, 11, "3,37%", None), (Decimal("1936.49"), False, 15, 23, "1.936,49", None),
        (Decimal("3"), False, 29, 31, "03", None), (Decimal("45"), False, 80, 82, "45", None)]
    assert [n.text for n in numbers("đạt 85 %")] == ["85 %"] and numbers("đạt 85 %")[0].percent


@pytest.mark.parametrize(("text", "ambiguous"), [("1,133", True), ("11,133%", True), ("1,13", False),
                                                 ("1,1334", False), ("1.133,5", False), ("1133", False)])
def test_a_comma_before_exactly_three_digits_is_ambiguous(text, ambiguous):
    assert is_ambiguous(numbers(text)[0]) is ambiguous


def test_the_other_reading_of_a_comma_is_a_guess():
    other = thousands_reading(numbers("đạt 1,133 lượt")[0])
    assert (other.value, other.percent, other.start, other.end, other.text) == (Decimal(1133), False, 4, 9, "1,133")
    assert other.guess == "'1,133' đọc là 1.133 (dấu phẩy tách hàng nghìn) — kiểm tra lại"
    percent = thousands_reading(numbers("1,133%")[0])
    assert (percent.value, percent.percent, percent.guess) == (
        Decimal(1133), True, "'1,133%' đọc là 1.133 (dấu phẩy tách hàng nghìn) — kiểm tra lại")


@pytest.mark.parametrize(("text", "unit"), [
    ("5 tỷ đồng", "tỷ đồng"), ("5 tấn.", "tấn"), ("5 tạ", "tạ"), ("5 lượt khách", "lượt khách"), ("5 lượt", "lượt"),
    ("5 hộ gia đình", "hộ"), ("5 Hộ", "hộ"), ("5 hoc sinh", None), ("5 hai", None), ("5%", "%"), ("5", None),
    ("5 ha,", "ha"), ("5 đồng/người", "đồng"),
])
def test_the_unit_written_after_a_number(text, unit):
    assert unit_after(text, numbers(text)[0]) == unit


@pytest.mark.parametrize(("before", "op"), [
    ("trên", ">"), ("cao hơn", ">"), ("vượt", ">"), ("vượt mức", ">"), ("không quá", "<="), ("tối đa", "<="),
    ("không vượt quá", "<="), ("không vượt", "<="), ("dưới", "<"), ("tối thiểu", ">="), ("ít nhất", ">="),
    ("đạt", ">="), ("phấn đấu", ">="), ("đảm bảo", ">="), ("", ">="), ("giữ", ">="),
    ("trên tổng số hồ sơ phấn đấu đạt", ">="), ("dưới mức trung bình, phấn đấu", ">="),
    ("Chi ngân sách trên địa bàn:", ">="), ("Số dư: trên", ">"), ("trên một hai ba bốn năm", ">="),
    ("không  \n quá", "<="), ("không vượt  quá", "<="),
])
def test_the_last_words_before_the_number_set_the_comparison(before, op):
    assert comparison(before + " ", "") == (op, None)


def test_a_subject_better_low_is_a_ceiling():
    assert comparison("", "Số vụ tai nạn giao thông") == (
        "<=", "'Số vụ tai nạn giao thông' càng thấp càng tốt: kế hoạch là mức không vượt quá")
    assert comparison("duy trì ", "Tỷ lệ hộ nghèo") == ("<=", None)
    assert comparison("", "Tỷ lệ hộ nghèo duy trì") == ("<=", None)
    assert comparison("đạt ", "Tỷ lệ hộ nghèo") == (">=", None)
    assert comparison("", "Duy trì lượt khách") == (">=", None)


@pytest.mark.parametrize(("text", "chosen"), [
    ("Năm 2023 có 45% hồ sơ", "45%"), ("Năm 2023 đạt 1.200 tấn", "1.200"), ("Kế hoạch 2023: 15 và 20", "15"),
    ("Kế hoạch 15 và 20", "15"), ("15 và 20: nhiều", "15"), ("5: 15", "15"), ("Chỉ tiêu: số 12: 15", "12"),
])
def test_the_plans_number_is_a_percentage_then_one_with_a_unit_then_the_first_after_a_colon(text, chosen):
    assert plan_number(text, numbers(text)).text == chosen


@pytest.mark.parametrize(("text", "value", "unit", "op", "kind", "change"), [
    ("Thu ngân sách tăng 8,5% so với năm 2023", Decimal("8.5"), "%", ">=", "cumulative", True),
    ("Số vụ vi phạm giảm 5 % so với năm trước", Decimal("-5"), "%", "<=", "cumulative", True),
    ("Tỷ lệ từ 14 - 15%", [Decimal(14), Decimal(15)], "%", "between", "level", False),
    ("Tỷ lệ từ 14% – 15", [Decimal(14), Decimal(15)], "%", "between", "level", False),
    ("Diện tích từ 14 đến 15 ha", [Decimal(14), Decimal(15)], "ha", "between", "level", False),
    ("Diện tích từ 14 đến 15", [Decimal(14), Decimal(15)], None, "between", "level", False),
    ("Năm 2023 diện tích từ 14 đến 15 ha", [Decimal(14), Decimal(15)], "ha", "between", "level", False),
    ("Năng suất lúa trung bình 60 tạ/ha", Decimal(60), "tạ", ">=", "level", False),
    ("Tỷ lệ hồ sơ đúng hạn 98%", Decimal(98), "%", ">=", "ratio", False),
    ("Tỷ lệ che phủ rừng 45%", Decimal(45), "%", ">=", "level", False),
    ("Che phủ rừng đạt 45%", Decimal(45), "%", ">=", "ratio", False),
    ("Đạt 2 tiêu chí (An ninh)", Decimal(2), "tiêu chí", ">=", "checklist", False),
])
def test_a_plans_shape_from_its_words(text, value, unit, op, kind, change):
    plan = plan_of(text)
    assert (plan.value, plan.unit, plan.op, plan.kind, plan.change) == (value, unit, op, kind, change)


def test_a_label_decides_the_subject_the_sentence_alone_otherwise():
    assert plan_of("45%", "Tỷ lệ che phủ rừng").kind == "level"
    assert plan_of("Tỷ lệ che phủ rừng 45%", "Độ che phủ").kind == "ratio"
    assert plan_of("Tỷ lệ hộ nghèo 2%", "Hộ nghèo").guesses == (
        "'Hộ nghèo' càng thấp càng tốt: kế hoạch là mức không vượt quá",)
    assert plan_of("Đạt 3 tiêu chí (A, , B)").items == ("A", "B")
    assert plan_of("sơ đúng hạn 98%", "Tỷ lệ hồ").kind == "ratio"  # subject and sentence read as one text


@pytest.mark.parametrize("text, due", [
    ("Trước 31/2", []), ("Trước 15/6/2022", []), ("Trước 15/13", []), ("Tháng 13", []), ("Tháng 6/2022", []),
    ("Quý 2", [date(2023, 6, 30)]), ("Quý IV/2022", []), ("Quý iii năm 2023", [date(2023, 9, 30)]),
    ("Trước 29/2", []), ("Tháng 2", [date(2023, 2, 28)]), ("ngày 15/6 tháng 6", [date(2023, 6, 15), date(2023, 6, 30)]),
    ("Tháng 3 - Tháng 5", [date(2023, 5, 31)]), ("Tháng 3\n- Tháng 5", [date(2023, 3, 31), date(2023, 5, 31)]),
    ("Từ 1/3 - 15/3", [date(2023, 3, 1), date(2023, 3, 15)]), ("Trước 1/1/2023", [date(2023, 1, 1)]),
    ("Trước 15/12", [date(2023, 12, 15)]), ("Tháng 12", [date(2023, 12, 31)]),
    ("Trước tháng 1/6", [date(2023, 6, 1)]), ("Trước tháng 1/6 và tháng 9", [date(2023, 6, 1), date(2023, 9, 30)]),
])
def test_the_deadlines_a_timing_names_in_the_year(text, due):
    assert list(timing(text, 2023).due) == due


def test_a_guessed_repeat_says_what_it_read():
    read = timing("Định kỳ\n  theo   yêu cầu", 2023)
    assert (read.repeat, read.guess, read.read) == ("quarterly", "'Định kỳ theo yêu cầu' đọc là hằng quý — kiểm tra lại",
                                                    True)
    assert timing("Khi có điều kiện", 2023).read is False
    assert timing("Quý I", 2023).read is True
    assert timing("Liên tục", 2023).repeat == "continuous"
