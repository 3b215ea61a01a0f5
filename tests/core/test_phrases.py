"""Vietnamese phrases of a decision read into values, and the proof of a drafted plan: each
rule, each edge where it turns, and each misreading of other bodies' decisions (issue 35)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from mtcl.core.models import Target
from mtcl.core.phrases import (ND90_SCALE, comparison_before, figures, is_ambiguous, meaning, numbers, read_plan,
                               scale_of, thousands_reading, timing, unit_after)
from mtcl.core.proof import differences, said_comparison


@pytest.mark.parametrize("text, subject, plan, unit, op, kind", [
    ("Tổng thu ngân sách Nhà nước xã hưởng: 5,573 tỷ đồng", "Tổng thu ngân sách Nhà nước xã hưởng", "5.573",
     "tỷ đồng", ">=", "cumulative"),
    ("Thu nhập bình quân đầu người: 42 triệu đồng", "Thu nhập bình quân đầu người", "42", "triệu đồng", ">=", "level"),
    ("Sản lượng lương thực có hạt: 1.936,49 tấn", "Sản lượng lương thực có hạt", "1936.49", "tấn", ">=", "cumulative"),
    ("Tổng lượt khách du lịch nội địa: 78.000 lượt", "", "78000", "lượt", ">=", "cumulative"),
    ("Số lao động đi làm việc ở nước ngoài theo hợp đồng lao động: 10 người", "", "10", "người", ">=", "cumulative"),
    ("Tỷ lệ lao động qua đào tạo: 84,5%", "Tỷ lệ lao động qua đào tạo", "84.5", "%", ">=", "level"),
    ("Tỷ lệ tăng dân số tự nhiên duy trì: 0,9%", "Tỷ lệ tăng dân số tự nhiên duy trì", "0.9", "%", "<=", "level"),
    ("phấn đấu trên 98% hồ sơ thủ tục hành chính", "", "98", "%", ">", "ratio"),
    ("Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3 và 4 trên tổng số hồ sơ phấn đấu đạt 50%", "", "50", "%", ">=",
     "ratio"),
    ("Mức độ hài lòng của người dân đạt tối thiểu 95% khi thực hiện giao dịch", "", "95", "%", ">=", "ratio"),
    ("Tỷ lệ hộ nghèo dưới 1%", "", "1", "%", "<", "level"),
    ("Tỷ lệ hộ nghèo không quá 3,37%", "", "3.37", "%", "<=", "level"),
    ("100% cơ quan chuyên môn triển khai Bộ chỉ số đánh giá chuyển đổi số", "", "100", "%", ">=", "ratio"),
    ("Thu thập hồ sơ, tài liệu vào Lưu trữ lịch sử tỉnh: 150 mét giá", "", "150", "mét giá", ">=", "cumulative"),
])
def test_a_plan_is_read_from_its_sentence(text, subject, plan, unit, op, kind):
    read = read_plan(text, subject)
    assert (read.plan, read.unit, read.op, read.kind, read.why, read.missing) == (Decimal(plan), unit, op, kind, {},
                                                                                  {})


def test_a_ceiling_chosen_from_the_subject_is_a_guess():
    read = read_plan("Tỷ lệ hộ nghèo: 3,37%", "Tỷ lệ hộ nghèo")
    assert read.op == "<=" and read.why == {"op": "'Tỷ lệ hộ nghèo' càng thấp càng tốt: kế hoạch là mức không vượt quá"}
    assert read_plan("Tỷ lệ hộ nghèo đạt 2%").op == ">="  # the words say it
    assert read_plan("100% dự thảo văn bản quy phạm pháp luật được thẩm định").op == ">="  # 'phạm pháp' of a law


def test_a_growth_range_is_one_sided_and_marked_a_birth_rate_a_band():
    growth = read_plan("Tốc độ tăng trưởng kinh tế 14-15%")  # not '≥ 15%', not a change: 'tăng trưởng' is growth
    assert (growth.plan, growth.op, growth.unit, growth.kind, growth.change) == (
        [Decimal(14), Decimal(15)], ">=", "%", "level", None)
    assert growth.why["op"].startswith("khoảng không nói phía nào: đọc là từ 14 trở lên, phấn đấu 15")
    score = read_plan("Chỉ số cải cách hành chính (PAR Index) năm 2024 của Sở đạt từ 80 đến 90 điểm", year=2024)
    assert (score.plan, score.op, score.unit, score.kind, score.why) == (
        [Decimal(80), Decimal(90)], ">=", "điểm", "level", {})
    birth = read_plan("Tỷ lệ sinh từ 1,8 đến 2,1 con")
    assert (birth.plan, birth.op, birth.unit, birth.kind, birth.why) == (
        [Decimal("1.8"), Decimal("2.1")], "between", "con", "level", {})


def test_growth_without_so_voi_is_a_change_on_last_year_whose_base_is_to_fill():
    income = read_plan("Thu nhập bình quân đầu người tăng 15%")
    assert (income.plan, income.op, income.change, income.kind, income.unit) == (
        Decimal(15), ">=", "percent", "level", None)
    assert set(income.missing) == {"base", "unit"}
    budget = read_plan("Phấn đấu tăng thu ngân sách 17%")
    assert (budget.plan, budget.change, budget.kind, set(budget.missing)) == (
        Decimal(17), "percent", "cumulative", {"base", "unit"})


def test_a_fall_on_a_named_year_is_a_change_of_the_count_never_that_year():
    fires = read_plan("Giảm 20% số vụ cháy nổ so với năm 2020")
    assert (fires.plan, fires.op, fires.change, fires.unit, fires.kind) == (
        Decimal(-20), "<=", "percent", "vụ", "cumulative")
    assert set(fires.missing) == {"base"} and fires.why == {}


def test_a_rate_that_falls_falls_in_points_a_guess():
    poverty = read_plan("Tỷ lệ hộ nghèo giảm 1,5%")
    assert (poverty.plan, poverty.op, poverty.change, poverty.unit, poverty.kind) == (
        Decimal("-1.5"), "<=", "points", "%", "level")
    assert "điểm phần trăm" in poverty.why["change"]
    assert read_plan("Tỷ lệ hộ nghèo giảm 1,5 điểm phần trăm").why == {}
    down_to = read_plan("Tỷ lệ hộ nghèo giảm còn dưới 2,5%")  # down to 2,5%: a level, not a change
    assert (down_to.plan, down_to.op, down_to.change) == (Decimal("2.5"), "<", None)


@pytest.mark.parametrize("text, unit", [
    ("Không để xảy ra tai nạn giao thông nghiêm trọng trên địa bàn (0 vụ)", "vụ"),  # not 'vụ)'
    ("Hồ sơ giải quyết quá hạn: 0 hồ sơ", "hồ sơ"),  # not 'hộ'
    ("Không có hồ sơ thẩm định bị trả lại", "hồ sơ"),
])
def test_none_at_all_is_a_ceiling_of_zero_in_the_unit_written(text, unit):
    read = read_plan(text)
    assert (read.plan, read.op, read.unit, read.kind, read.why) == (Decimal(0), "<=", unit, "cumulative", {})


def test_none_of_a_thing_the_words_do_not_count_in_a_unit_guesses_the_unit():
    officials = read_plan("không có cán bộ, công chức bị kỷ luật")
    assert (officials.plan, officials.op, officials.unit) == (Decimal(0), "<=", "người")
    assert officials.why == {"unit": "cán bộ, công chức đếm theo người"}


@pytest.mark.parametrize("text", [
    "Duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
    "Giữ vững danh hiệu xã đạt chuẩn nông thôn mới nâng cao", "Duy trì", "Hoàn thành",
])
def test_words_without_a_figure_are_judged_never_a_standard_read_as_a_plan(text):
    read = read_plan(text)
    assert (read.kind, read.plan, read.op) == ("judged", None, None)


def test_years_periods_standards_documents_and_time_limits_are_never_figures():
    text = ("100% cơ quan thuộc UBND thị xã triển khai Quyết định số 1123/QĐ-UBND ngày 20/5/2021, Nghị định số "
            "90/2020/NĐ-CP, kế hoạch năm 2023 giai đoạn 2021-2025 theo TCVN ISO 9001:2015, mức độ 3 và 4, trong "
            "thời hạn 15 ngày làm việc, trẻ em dưới 1 tuổi")
    assert [n.text for n in figures(text)] == ["100%"]
    assert read_plan("Hoàn thành 100% nhiệm vụ năm 2021 của Kế hoạch giai đoạn 2021-2025").plan == Decimal(100)


def test_a_sign_or_a_word_before_the_figure_sets_the_comparison():
    assert read_plan("Tỷ lệ hài lòng > 90% đối với sự phục vụ").op == ">"
    assert [read_plan(cell, "Hồ sơ", "%").op for cell in ("≥ 98", "Trên 98", "≤ 1", "Dưới 5", "Không quá 50", "100")] \
        == [">=", ">", "<=", "<", "<=", ">="]


@pytest.mark.parametrize(("before", "op"), [
    ("trên", ">"), ("cao hơn", ">"), ("vượt", ">"), ("vượt mức", ">"), ("không quá", "<="), ("tối đa", "<="),
    ("không vượt quá", "<="), ("không vượt", "<="), ("dưới", "<"), ("tối thiểu", ">="), ("ít nhất", ">="),
    ("đạt", ">="), ("phấn đấu", ">="), ("đảm bảo", ">="), ("", None), ("giữ", None), ("≥", ">="), ("≤", "<="),
    ("trên tổng số hồ sơ phấn đấu đạt", ">="), ("dưới mức trung bình, phấn đấu", ">="),
    ("Chi ngân sách trên địa bàn:", None), ("Số dư: trên", ">"), ("trên một hai ba bốn năm", None),
    ("không  \n quá", "<="), ("không vượt  quá", "<="), ("duy trì", "held"), ("duy trì:", "held"),
])
def test_the_last_words_before_the_number_set_the_comparison(before, op):
    assert comparison_before(before + " ") == op


def test_a_share_of_the_estimate_is_a_percentage_of_it():
    over = read_plan("Tổng thu ngân sách nhà nước trên địa bàn vượt 5% dự toán tỉnh giao")
    assert (over.share, over.plan, over.op, over.kind, over.change) == (True, Decimal(105), ">=", "cumulative", None)
    assert set(over.missing) == {"unit"}  # the unit of the estimate is not written
    reached = read_plan("đạt 105% dự toán", "Tổng thu ngân sách", "triệu đồng")
    assert (reached.share, reached.plan, reached.op, reached.unit, reached.missing) == (
        True, Decimal(105), ">=", "triệu đồng", {})
    above = read_plan("Phấn đấu thu ngân sách trên địa bàn vượt dự toán thị xã giao")
    assert (above.share, above.plan, above.op) == (True, Decimal(100), ">")


def test_a_period_rule_and_a_horizon_are_read_from_their_words():
    each = read_plan("Kiểm tra công tác cải cách hành chính: mỗi quý ít nhất 01 cuộc kiểm tra")
    assert (each.plan, each.op, each.unit, each.said.every) == (Decimal(1), ">=", "cuộc", "quarter")
    later = read_plan("Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình trên 80% vào năm 2025", year=2022)
    assert (later.plan, later.op, later.said.by) == (Decimal(80), ">", 2025)
    assert meaning("Chỉ số năm 2024 đạt 80 điểm", 2024).by is None  # the year itself is no horizon


def test_a_grade_aimed_at_is_a_rating_and_nd90_grades_are_its_likely_scale():
    par = read_plan("Chỉ số cải cách hành chính xếp loại Tốt")
    assert (par.kind, par.plan) == ("rating", "Tốt") and scale_of("Tốt") is None
    body = read_plan("Tập thể Sở được xếp loại chất lượng Hoàn thành tốt nhiệm vụ trở lên")
    assert (body.kind, body.plan) == ("rating", "Hoàn thành tốt nhiệm vụ")
    assert scale_of("Hoàn thành tốt nhiệm vụ") == (list(ND90_SCALE), "văn bản không kể các mức xếp loại: lấy 4 mức "
                                                                       "của Nghị định 90/2020/NĐ-CP")
    listed = "Theo Nghị định: Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ; Hoàn thành nhiệm vụ; Không hoàn " \
             "thành nhiệm vụ"
    assert scale_of("Hoàn thành tốt nhiệm vụ", listed) == (list(ND90_SCALE), None)
    assert read_plan("100% công chức được xếp loại từ Hoàn thành nhiệm vụ trở lên").kind == "ratio"


def test_checklists_name_their_criteria():
    rural = read_plan("Phấn đấu đạt thêm 02 tiêu chí xã nông thôn mới kiểu mẫu (Văn hóa, Môi trường)")
    assert (rural.kind, rural.plan, rural.items, rural.why) == ("checklist", Decimal(2), ("Văn hóa", "Môi trường"), {})
    assert read_plan("Đạt 3 tiêu chí (A, B)").why == {"items": "câu ghi 3 tiêu chí nhưng kể 2 tên"}


def _target(**keys) -> Target:
    return Target.model_construct(**{"id": "1", "name": "x", **keys})


def test_the_proof_renders_the_plan_in_mtcls_words_and_compares_the_meaning():
    source = meaning("Tỷ lệ hộ gia đình văn hóa từ 92% trở lên")
    assert differences(_target(kind="level", unit="%", plan=Decimal(92), op=">="), source, "Tỷ lệ hộ", 2023) == {}
    assert set(differences(_target(kind="level", unit="%", plan=Decimal(92), op=">"), source, "", 2023)) == {"op"}
    assert set(differences(_target(kind="level", unit="%", plan=Decimal(2015), op=">="), source, "", 2023)) == {"plan"}
    assert set(differences(_target(kind="level", unit="người", plan=Decimal(92), op=">="), source, "", 2023)) == {
        "unit"}
    fall = meaning("Giảm 20% số vụ cháy nổ so với năm 2020")
    right = _target(kind="cumulative", unit="vụ", plan=Decimal(-20), op="<=", change="percent")
    assert differences(right, fall, "", 2021) == {}
    assert set(differences(_target(kind="cumulative", unit="vụ", plan=Decimal(20), op=">=", change="percent"), fall,
                           "", 2021)) == {"change"}
    rate = meaning("Tỷ lệ hộ nghèo giảm 1,5%")
    points = _target(kind="level", unit="%", plan=Decimal("-1.5"), op="<=", change="points")
    assert differences(points, rate, "", 2023) == {
        "change": "văn bản ghi 'giảm', mtcl sẽ hiểu là 'giảm 1,5 điểm phần trăm'"}


def test_the_proof_checks_a_share_a_period_and_a_horizon():
    over = _target(kind="cumulative", unit="tỷ đồng", plan=Decimal(105), op=">=", share_of="2.1dt")
    assert differences(over, meaning("vượt 5% dự toán tỉnh giao"), "", 2025) == {}
    assert set(differences(over, meaning("đạt 105%"), "", 2025)) == {"share_of"}
    each = _target(kind="cumulative", unit="cuộc", plan=Decimal(1), op=">=", every="quarter")
    assert differences(each, meaning("mỗi quý ít nhất 01 cuộc"), "", 2023) == {}
    assert set(differences(each, meaning("ít nhất 01 cuộc"), "", 2023)) == {"every"}
    later = _target(kind="ratio", unit="%", plan=Decimal(80), op=">", by=2025)
    assert differences(later, meaning("trên 80% vào năm 2025", 2022), "", 2022) == {}


def test_what_the_words_mean_when_they_say_no_comparison():
    assert said_comparison(meaning("5,573 tỷ đồng"), "") == ">="
    assert said_comparison(meaning("0 hồ sơ"), "") == "<="
    assert said_comparison(meaning("14-15%"), "") is None  # a range whose side is not said
    assert said_comparison(meaning("duy trì: 0,9%"), "Tỷ lệ tăng dân số") == "<="
    assert said_comparison(meaning("duy trì 95%"), "Tỷ lệ dân số dùng nước sạch") == ">="


@pytest.mark.parametrize("text, due, repeat, guessed", [
    ("Tháng 01-02 năm 2023", [date(2023, 2, 28)], None, False),
    ("Quý I năm 2023", [date(2023, 3, 31)], None, False),
    ("Quý II/2023", [date(2023, 6, 30)], None, False),
    ("Quý IV/2023", [date(2023, 12, 31)], None, False),
    ("Quý I, II, III, IV năm 2023", [date(2023, 3, 31), date(2023, 6, 30), date(2023, 9, 30), date(2023, 12, 31)],
     None, False),
    ("Quý II, III năm 2023", [date(2023, 6, 30), date(2023, 9, 30)], None, False),
    ("Quý II và Quý IV năm 2023", [date(2023, 6, 30), date(2023, 12, 31)], None, False),
    ("Tháng 6 và tháng 12/2023", [date(2023, 6, 30), date(2023, 12, 31)], None, False),
    ("Trước ngày 15/6 và trước 30/11 hằng năm", [date(2023, 6, 15), date(2023, 11, 30)], None, False),
    ("Tháng 12/2022 – Quý I/2023", [date(2023, 3, 31)], None, False),
    ("- Kế hoạch: tháng 01/2023\n- Báo cáo: 6 tháng (trước ngày 1/6/2023), năm (trước ngày 30/11/2023)",
     [date(2023, 1, 31), date(2023, 6, 1), date(2023, 11, 30)], None, False),
    ("Định kỳ 6 tháng/lần hoặc đột xuất", [], "half-yearly", False),
    ("Định kỳ hàng Quý", [], "quarterly", False),
    ("Định kỳ hàng tháng", [], "monthly", False),
    ("Hàng tháng", [], "monthly", False),
    ("Định kỳ hàng tháng\n(trước ngày 20)", [], "monthly", False),
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
    ("5 hộ gia đình", "hộ"), ("5 Hộ", "hộ"), ("0 hồ sơ", "hồ sơ"), ("0 vụ)", "vụ"), ("5 hoc sinh", None),
    ("5 hai", None), ("5%", "%"), ("5", None), ("5 ha,", "ha"), ("5 đồng/người", "đồng"), ("150 mét giá", "mét giá"),
])
def test_the_unit_written_after_a_number(text, unit):
    assert unit_after(text, numbers(text)[0]) == unit


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
    assert (read.repeat, read.guess, read.read) == (
        "quarterly", "'Định kỳ theo yêu cầu' đọc là hằng quý — kiểm tra lại", True)
    assert timing("Khi có điều kiện", 2023).read is False
    assert timing("Quý I", 2023).read is True
    assert timing("Liên tục", 2023).repeat == "continuous"
