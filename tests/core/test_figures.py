"""What the officer types becomes a figure, or a refusal in exact words; a doubtful figure is named."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal as D

import pytest

from mtcl.core.entries import Stamp
from mtcl.core.errors import UserError
from mtcl.core.figures import Typed, build_record, doubt, record_value, twins
from tests.test_attainment import rec, target

STAMP = Stamp(by="  Chị Lan ", at=datetime(2023, 6, 1, 8, tzinfo=timezone.utc))
TODAY = date(2023, 6, 1)
RATIO = target(id="1.1", plan="98", op=">")
TONNES = target(id="4đ", plan="1936.49", kind="cumulative", unit="tấn", decimals=2)
PEOPLE = target(id="5.2", plan="1000", kind="cumulative", unit="người", decimals=0)
CHECKLIST = target(id="4h", plan="3", kind="checklist", unit="tiêu chí", items=["Giao thông", "Trường học"])


def build(t, value, **typed):
    return build_record(t, Typed(value, **typed), 2023, TODAY, STAMP)


def refused(t, value, **typed) -> tuple[str, str | None]:
    with pytest.raises(UserError) as caught:
        build(t, value, **typed)
    return caught.value.message, caught.value.hint


def test_a_figure_is_stored_with_who_when_and_what_was_typed():
    r = build(TONNES, " 1.002,5 ", as_of=date(2023, 5, 31), source="  Phòng NN ", note="dòng 1\ndòng 2",
              estimated=True)
    assert (r.target, r.value, r.of, r.as_of, r.estimated, r.source, r.note, r.by, r.recorded_at, r.item) == (
        "4đ", D("1002.5"), None, date(2023, 5, 31), True, "Phòng NN", "dòng 1\ndòng 2", "Chị Lan", STAMP.at, None)
    assert build(TONNES, "5").as_of == TODAY  # no date typed: today


@pytest.mark.parametrize(("value", "typed", "stored"), [
    ("1240", dict(of="1.250"), (D("1240"), D("1250"))), ("96,2%", {}, (D("96.2"), None)),
    ("100%", {}, (D("100"), None)), ("1250", dict(of="1250"), (D("1250"), D("1250"))),
])
def test_a_ratio_is_counts_or_a_percentage(value, typed, stored):
    r = build(RATIO, value, **typed)
    assert (r.value, r.of) == stored


@pytest.mark.parametrize(("t", "value", "typed", "message", "hint"), [
    (TONNES, "5", dict(as_of=date(2022, 12, 31)), "ngày số liệu 31/12/2022 nằm ngoài năm 2023", None),
    (TONNES, "5", dict(as_of=date(2023, 6, 2)), "ngày số liệu 02/06/2023 chưa tới",
     "số liệu ước tính cho ngày sau hôm nay thì thêm --estimated"),
    (target(id="4e", sum_of=["4e1", "4e2"], kind="cumulative", unit="tấn"), "5", {},
     "chỉ tiêu 4e là tổng của 4e1, 4e2: không ghi trực tiếp", "ghi số liệu cho từng chỉ tiêu thành phần (4e1 và 4e2)"),
    (CHECKLIST, "Giao thông", dict(of="2"), "chỉ tiêu 4h là danh sách tiêu chí: không dùng --of", None),
    (CHECKLIST, "Điện", {}, "'Điện' không phải tiêu chí của chỉ tiêu 4h", "các tiêu chí: Giao thông, Trường học"),
    (TONNES, "5", dict(not_met=True), "--not chỉ dùng cho chỉ tiêu dạng danh sách tiêu chí", None),
    (TONNES, "5%", {}, "chỉ tiêu 4đ tính bằng tấn, không phải phần trăm", None),
    (TONNES, "5", dict(of="6"), "--of chỉ dùng cho chỉ tiêu tỷ lệ; 4đ tính bằng tấn", None),
    (TONNES, "1,005", {}, "chỉ tiêu 4đ (tấn) ghi tối đa 2 chữ số thập phân: '1,005' có 3 chữ số thập phân", None),
    (PEOPLE, "41,250", {}, "chỉ tiêu 5.2 (người) ghi số nguyên: '41,250' có 3 chữ số thập phân",
     "nếu là bốn mươi mốt nghìn hai trăm năm mươi, gõ 41.250"),
    (PEOPLE, "41,25", {}, "chỉ tiêu 5.2 (người) ghi số nguyên: '41,25' có 2 chữ số thập phân", None),
    (RATIO, "96", {}, "chỉ tiêu 1.1 là tỷ lệ: ghi số đạt trên tổng số, hoặc tỷ lệ có dấu %",
     "ví dụ: mtcl record 1.1 1240 --of 1250, hoặc mtcl record 1.1 96,2%"),
    (RATIO, "100,1%", {}, "tỷ lệ 100,1% vượt quá 100%", None),
    (RATIO, "96%", dict(of="100"), "đã có --of thì số đạt không kèm dấu %", "ví dụ: 96 --of 100"),
    (RATIO, "12,5", dict(of="100"), "'12,5' không phải số nguyên: số đạt và tổng số (--of) là số đếm",
     "tỷ lệ đã tính sẵn thì ghi kèm dấu %, ví dụ 96,2%"),
    (RATIO, "12", dict(of=" 100,5 "), "'100,5' không phải số nguyên: số đạt và tổng số (--of) là số đếm",
     "tỷ lệ đã tính sẵn thì ghi kèm dấu %, ví dụ 96,2%"),
    (RATIO, "0", dict(of="0"), "tổng số (--of) phải lớn hơn 0", None),
    (RATIO, "1.251", dict(of="1.250"), "số đạt 1.251 lớn hơn tổng số 1.250", None),
    (TONNES, "2,9 tỷ", {}, "'2,9 tỷ' không phải là một số hợp lệ", "ghi số không kèm chữ: 2,9 (đơn vị của chỉ tiêu 4đ là tấn)"),
    (TONNES, "2.91", {}, "số '2.91' không rõ nghĩa: dấu chấm dùng để tách hàng nghìn",
     "dùng dấu phẩy cho phần thập phân: 2,91"),
    (TONNES, "-5", {}, "không nhận số âm: '-5'",
     "số âm chỉ ghi được cho chỉ tiêu có signed: true (như tốc độ tăng trưởng)"),
    (TONNES, "5\x1b[2J", {}, "SỐ_LIỆU có ký tự điều khiển (\\x1b) không được phép", None),
    (TONNES, "5", dict(source="Phòng\x1b"), "--source có ký tự điều khiển (\\x1b) không được phép", None),
    (TONNES, "5", dict(source="Phòng\nNN"), "--source có ký tự điều khiển (\\x0a) không được phép", None),
    (TONNES, "5", dict(note="Ghi chú\x1b"), "--note có ký tự điều khiển (\\x1b) không được phép", None),
    (TONNES, "1,005", dict(of="6"), "chỉ tiêu 4đ (tấn) ghi tối đa 2 chữ số thập phân: '1,005' có 3 chữ số thập phân",
     None),
    (target(id="1.1", plan="98", decimals=1), "96,25%", {},
     "chỉ tiêu 1.1 (%) ghi tối đa 1 chữ số thập phân: '96,25' có 2 chữ số thập phân", None),
    (target(id="1.1", plan="98", decimals=0), "12,5", dict(of="100"),
     "'12,5' không phải số nguyên: số đạt và tổng số (--of) là số đếm", "tỷ lệ đã tính sẵn thì ghi kèm dấu %, ví dụ 96,2%"),
])
def test_what_cannot_be_right_is_refused_in_exact_words(t, value, typed, message, hint):
    assert refused(t, value, **typed) == (message, hint)


def test_a_signed_target_takes_either_minus():
    growth = target(id="1", plan="6", kind="level", unit="%", signed=True)
    assert build(growth, "\u22122,5").value == D("-2.5") and build(growth, "-2,5%").value == D("-2.5")


def test_a_checklist_item_is_found_without_diacritics_and_met_unless_not():
    r = build(CHECKLIST, "giao thong")
    assert (r.item, r.met, r.value) == ("Giao thông", True, None)
    assert build(CHECKLIST, "Trường học", not_met=True).met is False


def test_a_count_within_its_decimals_is_kept_as_typed():
    assert build(TONNES, "1.936,40").value == D("1936.40") and str(build(TONNES, "1.936,40").value) == "1936.40"
    assert build(PEOPLE, "78.000").value == D("78000")


def test_a_ratios_value_is_successes_over_total():
    assert record_value(rec(value="1240", of="1250")) == D("99.2")
    assert record_value(rec(value="96.2")) == D("96.2")


PLAN = target(id="4đ", plan="365", kind="cumulative", unit="tấn")


@pytest.mark.parametrize(("value", "day", "reason"), [
    ("50.01", date(2023, 1, 10), "50,01 tấn đến ngày 10/01/2023 gấp 5 lần tiến độ kế hoạch đến ngày đó (10 tấn)"),
    ("50", date(2023, 1, 10), None),
    ("3.64", date(2023, 7, 2), "số lũy kế 3,64 tấn chưa bằng 1/100 kế hoạch năm dù đã qua nửa năm"),
    ("3.65", date(2023, 7, 2), None), ("3.64", date(2023, 7, 1), None),
])
def test_a_cumulative_figure_is_doubted_against_the_progress_planned_at_its_date(value, day, reason):
    assert doubt(PLAN, D(value), day) == reason


def test_doubt_along_a_seasonal_curve_and_for_other_kinds():
    seasonal = target(id="s", plan="1000", kind="cumulative", unit="tấn", milestones={"q1": D("10")})
    assert doubt(seasonal, D("50.01"), date(2023, 3, 31)) == (
        "50,01 tấn đến ngày 31/03/2023 gấp 5 lần tiến độ kế hoạch đến ngày đó (10 tấn)")
    level = target(id="l", plan="10", kind="level", unit="ha")
    assert doubt(level, D("100"), TODAY) is None
    assert doubt(level, D("100.1"), TODAY) == "100,1 ha gấp 10 lần kế hoạch năm"
    assert doubt(target(id="z", plan="0", kind="level", unit="vụ"), D("5"), TODAY) is None
    assert doubt(RATIO, D("1000"), TODAY) is None and doubt(CHECKLIST, D("31"), TODAY) is None
    grown = target(id="g", plan="8", kind="level", unit="tỷ đồng", change="percent")
    assert doubt(grown, D("1000"), TODAY) is None
    ceiling = target(id="c", plan="10", op="<=", kind="cumulative", unit="vụ")
    assert doubt(ceiling, D("9"), date(2023, 1, 2)) is None


def test_doubt_against_the_figure_before():
    before = rec("4đ", as_of=date(2023, 3, 31), value="300")
    assert doubt(PLAN, D("299"), date(2023, 4, 30), before) == "số lũy kế 299 tấn nhỏ hơn số ngày 31/03/2023 (300 tấn)"
    assert doubt(PLAN, D("300"), date(2023, 4, 30), before) is None
    assert doubt(PLAN, D("299"), date(2023, 3, 31), before) is None  # not an earlier figure
    assert doubt(PLAN, D("299"), date(2023, 3, 30), before) is None
    level = target(id="l", plan="100000", kind="level", unit="ha")
    assert doubt(level, D("3000.1"), date(2023, 4, 30), before) == "3.000,1 ha lệch hơn 10 lần so với số ngày 31/03/2023 (300 ha)"
    assert doubt(level, D("3000"), date(2023, 4, 30), before) is None
    assert doubt(level, D("29.9"), date(2023, 4, 30), before) == "29,9 ha lệch hơn 10 lần so với số ngày 31/03/2023 (300 ha)"
    assert doubt(level, D("30"), date(2023, 4, 30), before) is None
    zero = rec("l", as_of=date(2023, 3, 31), value="0")
    assert doubt(level, D("5"), date(2023, 4, 30), zero) is None
    assert doubt(level, D("5"), date(2023, 4, 30), rec("l", item="a", met=True)) is None


def test_twins_differ_only_by_diacritics():
    targets = {t.id: t for t in (target(id="4d"), target(id="4đ"), target(id="4e"))}
    assert [t.id for t in twins(targets, targets["4d"])] == ["4đ"]
    assert twins(targets, targets["4e"]) == []


def test_doubt_at_the_edges_of_its_rules():
    assert doubt(PLAN, D("5.01"), date(2023, 1, 1)) == (
        "5,01 tấn đến ngày 01/01/2023 gấp 5 lần tiến độ kế hoạch đến ngày đó (1 tấn)")  # 1 tấn expected
    slow_start = target(id="s", plan="1000", kind="cumulative", unit="tấn", milestones={"q1": D("0")})
    assert doubt(slow_start, D("5"), date(2023, 2, 1)) is None  # nothing expected yet: no ratio to judge by
    thousand = target(id="t", plan="1000", kind="cumulative", unit="tấn")
    assert doubt(thousand, D("137"), date(2023, 1, 10)) == (
        "137 tấn đến ngày 10/01/2023 gấp 5 lần tiến độ kế hoạch đến ngày đó (27,4 tấn)")  # 27,397…
    leap = target(id="l", plan="365", kind="cumulative", unit="tấn")
    assert doubt(leap, D("3.64"), date(2024, 7, 1)) == (  # 183 of 366 days: exactly half the year
        "số lũy kế 3,64 tấn chưa bằng 1/100 kế hoạch năm dù đã qua nửa năm")
    one = target(id="o", plan="1", kind="level", unit="ha")
    assert doubt(one, D("10.1"), TODAY) == "10,1 ha gấp 10,1 lần kế hoạch năm"
    level = target(id="v", plan="100000", kind="level", unit="ha")
    before = rec("v", as_of=date(2023, 3, 31), value="1")
    assert doubt(level, D("10.1"), date(2023, 4, 30), before) == (
        "10,1 ha lệch hơn 10 lần so với số ngày 31/03/2023 (1 ha)")
