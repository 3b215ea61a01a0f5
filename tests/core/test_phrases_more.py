"""How a decision's words are read (core.phrases) and proved (core.proof), pinned whole: each
phrase's full meaning (figures, comparison, unit, range, change, share, period, horizon), each
plan drafted from it with its guesses, and each difference the proof names in its exact words.
Every expected value is worked out by hand from the rules in the modules' docstrings."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from mtcl.core.models import Target
from mtcl.core.phrases import Meaning, meaning, read_plan
from mtcl.core.proof import differences, said_comparison

BASE_MISSING = {"base": "điền số liệu năm trước (văn bản không ghi)"}


@pytest.mark.parametrize(("text", "expected"), [
    # one-sided ranges: '… trở lên, phấn đấu …' (>=), 'không quá …, phấn đấu …' (<=, the aim is the low end)
    ("từ 14% trở lên, phấn đấu 15%", Meaning((D(14), D(15)), ">=", "%", range=True)),
    ("không quá 3,37%, phấn đấu 3%", Meaning((D(3), D("3.37")), "<=", "%", range=True)),
    ("từ 1.200 tấn trở lên, phấn đấu 1.500 tấn", Meaning((D(1200), D(1500)), ">=", "tấn", range=True)),
    ("không quá 2,5 tỷ đồng, phấn đấu 2 tỷ đồng", Meaning((D(2), D("2.5")), "<=", "tỷ đồng", range=True)),
    ("từ 2 cuộc trở lên, phấn đấu 3 cuộc mỗi quý", Meaning((D(2), D(3)), ">=", "cuộc", range=True, every="quarter")),
    # plain ranges: no side said, unless a word before says one
    ("từ 80 đến 90 điểm", Meaning((D(80), D(90)), None, "điểm", range=True)),
    ("14-15%", Meaning((D(14), D(15)), None, "%", range=True)),
    ("đạt 1.000 - 1.200 hộ", Meaning((D(1000), D(1200)), ">=", "hộ", range=True)),
    ("từ 2 đến 3 cuộc mỗi quý", Meaning((D(2), D(3)), None, "cuộc", range=True, every="quarter")),
    # equal ends are no range: the percentage is the figure, no side said
    ("từ 15 đến 15%", Meaning((D(15), D(15)), None, "%")),
    # a side said after the figure, in any case
    ("Tỷ lệ hộ dùng nước sạch 95% Trở lên", Meaning((D(95),), ">=", "%")),
    ("Tỷ lệ hộ nghèo 2% trở xuống", Meaning((D(2),), "<=", "%")),
    # changes on last year
    ("Kiềm chế, giảm số vụ tai nạn giao thông so với năm trước", Meaning(change="giảm")),
    ("tăng 1.500 tỷ đồng", Meaning((D(1500),), None, None, change="tăng")),
    ("tăng ít nhất 8%", Meaning((D(8),), ">=", "%", change="tăng")),
    ("giảm không quá 5%", Meaning((D(5),), "<=", "%", change="giảm")),
    ("Giảm 1,5 điểm phần trăm", Meaning((D("1.5"),), None, "%", change="giảm", points=True)),
    # shares of the estimate: above it, or at most it
    ("Thu ngân sách vượt 5% dự toán", Meaning((D(105),), ">=", "%", share=True)),
    ("Thu ngân sách vượt dự toán", Meaning((D(100),), ">", share=True)),
    ("Chi ngân sách không vượt dự toán", Meaning((D(100),), "<=", share=True)),
    ("Chi thường xuyên không vượt 5% dự toán", Meaning((D(105),), "<=", "%", share=True)),
])
def test_what_a_plans_words_say_whole(text, expected):
    assert meaning(text) == expected


def test_a_unit_written_apart_and_a_horizon_are_read_with_the_words():
    assert meaning("từ 100 đến 120 giường", 2023, "giường") == Meaning((D(100), D(120)), None, "giường", range=True)
    assert meaning("Tăng 15% vào năm 2025", 2023) == Meaning((D(15),), None, "%", change="tăng", by=2025)
    # the decision's own year is no horizon
    assert meaning("Tăng 15% vào năm 2025", 2025) == Meaning((D(15),), None, "%", change="tăng")


def _plan(*args: str) -> tuple:
    r = read_plan(*args)
    return r.kind, r.plan, r.op, r.unit, r.change, r.share, r.why, r.missing


@pytest.mark.parametrize(("args", "expected"), [
    # a flow's growth: percent of last year's; no unit anywhere, so it is asked for
    (("Tổng thu ngân sách tăng 15% so với năm 2022",),
     ("cumulative", D(15), ">=", None, "percent", False, {},
      {**BASE_MISSING, "unit": "điền đơn vị tính của số liệu (kế hoạch là mức tăng, giảm so với năm trước)"})),
    # a rate's fall in % is read in points (a guess, said); a fall is a ceiling on the change
    (("Tỷ lệ hộ nghèo giảm 1,5%",),
     ("level", D("-1.5"), "<=", "%", "points", False,
      {"change": "tăng, giảm của một tỷ lệ đọc là điểm phần trăm (4,2% → 2,7% là giảm 1,5 điểm)"}, BASE_MISSING)),
    (("giảm 1,5 điểm phần trăm", "Tỷ lệ hộ nghèo"), ("level", D("-1.5"), "<=", "%", "points", False, {}, BASE_MISSING)),
    # a fall with no figure: any fall, below 0 (a guess); the unit from 'số vụ'
    (("Kiềm chế, giảm số vụ tai nạn giao thông so với năm trước",),
     ("cumulative", D(0), "<", "vụ", "percent", False,
      {"plan": "không ghi mức giảm: đọc là giảm bất kỳ so với năm trước"}, BASE_MISSING)),
    (("Doanh thu tăng so với năm trước", "", "tỷ đồng"),
     ("cumulative", D(0), ">", "tỷ đồng", "percent", False,
      {"plan": "không ghi mức tăng: đọc là tăng bất kỳ so với năm trước"}, BASE_MISSING)),
    # 'giảm không quá 5%': the change is at least −5
    (("giảm không quá 5%", "Số vụ cháy nổ"), ("cumulative", D(-5), ">=", "vụ", "percent", False, {}, BASE_MISSING)),
    # units from the subject, each a guess said
    (("Tăng 5%", "Số cán bộ, công chức được đào tạo"),
     ("cumulative", D(5), ">=", "người", "percent", False, {"unit": "cán bộ, công chức đếm theo người"}, BASE_MISSING)),
    (("Tai nạn lao động giảm 10%",),
     ("cumulative", D(-10), "<=", "vụ", "percent", False, {"unit": "tai nạn, sự cố, vi phạm đếm theo vụ"},
      BASE_MISSING)),
    # shares of the estimate
    (("Thu ngân sách đạt 105% dự toán", "", "tỷ đồng"), ("cumulative", D(105), ">=", "tỷ đồng", None, True, {}, {})),
    (("Thu ngân sách vượt 5% dự toán",),
     ("cumulative", D(105), ">=", None, None, True, {}, {"unit": "điền đơn vị tính (đơn vị của số dự toán)"})),
    (("Thu ngân sách vượt dự toán", "", "tỷ đồng"), ("cumulative", D(100), ">", "tỷ đồng", None, True, {}, {})),
    (("Chi ngân sách không vượt dự toán", "", "tỷ đồng"), ("cumulative", D(100), "<=", "tỷ đồng", None, True, {}, {})),
    # ranges: no side said is a floor aiming at the top (a guess), a birth rate a band
    (("Tỷ lệ che phủ rừng từ 14-15%",),
     ("level", [D(14), D(15)], ">=", "%", None, False,
      {"op": "khoảng không nói phía nào: đọc là từ 14 trở lên, phấn đấu 15 (trên 15 là vượt kế hoạch); nếu chỉ đạt "
             "khi ở trong khoảng thì ghi op: between"}, {})),
    (("Tỷ lệ sinh từ 14 đến 15%",), ("level", [D(14), D(15)], "between", "%", None, False, {}, {})),
    # a subject better low is a ceiling (a guess); none at all is a ceiling of 0
    (("Số vụ tai nạn giao thông: 5",),
     ("cumulative", D(5), "<=", "vụ", None, False,
      {"op": "'Số vụ tai nạn giao thông: 5' càng thấp càng tốt: kế hoạch là mức không vượt quá"}, {})),
    (("Không để xảy ra cháy nổ",),
     ("cumulative", D(0), "<=", "vụ", None, False, {"unit": "tai nạn, sự cố, vi phạm đếm theo vụ"}, {})),
    # 'duy trì' of a subject better low: a ceiling, said by the words
    (("Tỷ lệ hộ nghèo duy trì 2%",), ("level", D(2), "<=", "%", None, False, {}, {})),
])
def test_the_plan_drafted_from_the_words(args, expected):
    assert _plan(*args) == expected


# -- The proof, in its exact words ---------------------------------------------------------------------------------

def _target(**keys) -> Target:
    return Target.model_construct(**{"id": "1", "name": "x", **keys})


def test_the_proof_names_each_difference_in_its_words():
    # a range said, one figure drafted: the figures and the side differ
    assert differences(_target(kind="level", unit="%", plan=D(14), op=">="), meaning("Tỷ lệ che phủ rừng từ 14-15%"),
                       "", 2023) == {
        "plan": "văn bản ghi số 14, 15, mtcl sẽ hiểu là 'từ 14% trở lên'",
        "op": "văn bản không nói so sánh này, mtcl sẽ hiểu là 'từ 14% trở lên'"}
    # no figure at all in the words
    assert differences(_target(kind="cumulative", unit="vụ", plan=D(0), op="<="),
                       meaning("Đảm bảo an ninh chính trị, trật tự an toàn xã hội"), "", 2023) == {
        "plan": "văn bản ghi số không có số, mtcl sẽ hiểu là 'không quá 0 vụ'",
        "op": "văn bản không nói so sánh này, mtcl sẽ hiểu là 'không quá 0 vụ'",
        "unit": "văn bản không ghi đơn vị 'vụ'"}
    # a change drafted where the words say none
    assert differences(_target(kind="cumulative", unit="tỷ đồng", plan=D(8), op=">=", change="percent"),
                       meaning("Tổng thu ngân sách đạt 8 tỷ đồng"), "", 2023) == {
        "unit": "văn bản không ghi đơn vị 'tỷ đồng'",
        "change": "văn bản ghi 'không tăng giảm', mtcl sẽ hiểu là 'tăng 8%'"}
    # a horizon drafted where the words say none
    assert differences(_target(kind="ratio", unit="%", plan=D(80), op=">", by=2025), meaning("trên 80% hồ sơ", 2023),
                       "", 2023) == {"by": "mtcl sẽ hiểu là 'trên 80%, đến năm 2025'"}


def test_the_proof_reads_its_rendering_as_it_reads_the_words():
    # a unit the column names is a unit of the rendering too
    beds = _target(kind="level", unit="giường", plan=D(120), op=">=")
    assert differences(beds, meaning("Số giường bệnh: 120 giường", 2023, "giường"), "", 2023) == {}
    # the decision's own year is no horizon, in the words or in the rendering
    later = _target(kind="ratio", unit="%", plan=D(80), op=">", by=2025)
    assert differences(later, meaning("trên 80% hồ sơ vào năm 2025", 2025), "", 2025) == {}
    # 'duy trì' of a subject better low is a ceiling
    kept = meaning("duy trì: 0,9%")
    assert differences(_target(kind="level", unit="%", plan=D("0.9"), op="<="), kept, "Tỷ lệ tăng dân số tự nhiên",
                       2023) == {}
    assert differences(_target(kind="level", unit="%", plan=D("0.9"), op=">="), kept, "Tỷ lệ tăng dân số tự nhiên",
                       2023) == {"op": "văn bản không nói so sánh này, mtcl sẽ hiểu là 'từ 0,9% trở lên'"}
    # 'không vượt dự toán' drafted as at most 100% of the estimate says the same
    within = _target(kind="cumulative", unit="tỷ đồng", plan=D(100), op="<=", share_of="R")
    within._reference = "Dự toán"
    assert "op" not in differences(within, meaning("Chi ngân sách không vượt dự toán"), "", 2023)
    assert "plan" not in differences(within, meaning("Chi ngân sách không vượt dự toán"), "", 2023)


def test_none_at_all_is_a_ceiling():
    assert said_comparison(meaning("Không để xảy ra tai nạn lao động"), "") == "<="
    assert said_comparison(meaning("Chi ngân sách không vượt dự toán"), "") == "<="
