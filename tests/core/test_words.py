"""The Vietnamese for what the core computes: each phrase exactly, at each of its turns."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal as D

import pytest

from mtcl.core import words
from tests.test_attainment import one, rec, target


@pytest.mark.parametrize(("plan", "op", "extra", "text", "in_words", "sentence"), [
    ("1936.49", ">=", dict(kind="cumulative", unit="tấn"), "≥ 1.936,49 tấn", "1.936,49 tấn", "1.936,49 tấn"),
    ("85", ">=", {}, "≥ 85%", "85%", "từ 85% trở lên"),
    ("3", ">=", dict(kind="checklist", unit="tiêu chí", items=["a", "b", "c"]), "≥ 3 tiêu chí", "3 tiêu chí",
     "3 tiêu chí"),
    ("98", ">", {}, "> 98%", "trên 98%", "trên 98%"),
    ("3.37", "<=", {}, "≤ 3,37%", "không quá 3,37%", "không quá 3,37%"),
    ("1", "<", {}, "< 1%", "dưới 1%", "dưới 1%"),
    (["14", "15"], "between", {}, "14–15%", "từ 14 đến 15%", "từ 14 đến 15%"),
    (["14", "15"], "between", dict(unit="tấn"), "14–15 tấn", "từ 14 đến 15 tấn", "từ 14 đến 15 tấn"),
    ("8", ">=", dict(change="percent"), "tăng ≥ 8%", "tăng 8%", "tăng 8%"),
    ("8", ">", dict(change="percent"), "tăng > 8%", "tăng trên 8%", "tăng trên 8%"),
    ("-5", "<=", dict(change="percent", signed=True), "giảm ≥ 5%", "giảm 5%", "giảm 5%"),
    ("-5", ">=", dict(change="percent", signed=True), "giảm ≤ 5%", "giảm không quá 5%", "giảm không quá 5%"),
    ("-5", ">", dict(change="percent", signed=True), "giảm < 5%", "giảm dưới 5%", "giảm dưới 5%"),
    ("-5", "<", dict(change="percent", signed=True), "giảm > 5%", "giảm trên 5%", "giảm trên 5%"),
    (["14", "15"], "between", dict(change="percent"), "tăng 14–15%", "tăng từ 14 đến 15%", "tăng từ 14 đến 15%"),
    (["0", "2"], "between", dict(change="percent"), "tăng 0–2%", "tăng từ 0 đến 2%", "tăng từ 0 đến 2%"),
    (["-6", "-2"], "between", dict(change="percent", signed=True), "giảm 2–6%", "giảm từ 2 đến 6%", "giảm từ 2 đến 6%"),
    (["-2", "0"], "between", dict(change="percent", signed=True), "giảm 0–2%", "giảm từ 0 đến 2%", "giảm từ 0 đến 2%"),
    (["-2", "3"], "between", dict(change="percent", signed=True), "từ −2% đến +3%", "từ −2% đến +3%",
     "từ −2% đến +3%"),
    (["-2", "0.5"], "between", dict(change="percent", signed=True), "từ −2% đến +0,5%", "từ −2% đến +0,5%",
     "từ −2% đến +0,5%"),
    ("0", ">=", dict(change="percent"), "tăng ≥ 0%", "tăng 0%", "tăng 0%"),
    ("0.5", ">=", dict(change="percent"), "tăng ≥ 0,5%", "tăng 0,5%", "tăng 0,5%"),
])
def test_the_plan_on_screen_in_documents_and_in_a_sentence(plan, op, extra, text, in_words, sentence):
    t = target(plan=plan, op=op, **extra)
    assert (words.plan_text(t), words.plan_words(t), words.plan_sentence(t)) == (text, in_words, sentence)


@pytest.mark.parametrize(("plan", "op", "text"), [("1936.49", ">=", "1.936,49"), ("98", ">", "trên 98"),
                                                  (["14", "15"], "between", "14–15")])
def test_the_plan_without_its_unit_for_a_table_with_a_unit_column(plan, op, text):
    assert words.plan_words(target(plan=plan, op=op, unit="tấn"), unit=False) == text


@pytest.mark.parametrize(("change", "text"), [("6.2", "tăng 6,2%"), ("-3", "giảm 3%"), ("0", "không đổi"),
                                              ("0.04", "tăng 0%")])
def test_a_change_on_last_year(change, text):
    assert words.change_words(D(change)) == text


def test_signed_percentages_and_verdicts():
    assert [words.format_signed(D(v)) for v in ("8", "0", "-5.5")] == ["+8%", "+0%", "−5,5%"]
    assert (words.verdict(True), words.verdict(False)) == ("có hiệu lực", "chưa có hiệu lực")
    assert (words.capitalised("ước"), words.capitalised("")) == ("Ước", "")
    assert (words.with_unit("5", "%"), words.with_unit("5", "tấn")) == ("5%", "5 tấn")
    assert (words.percent_text(D("98.46")), words.percent_text(None)) == ("98,5%", "")


@pytest.mark.parametrize(("value", "decimals", "computed", "text"), [
    ("2.415", None, False, "2,415"), ("2.415", 2, False, "2,42"), ("2.415", 0, False, "2"), ("78000", None, False,
                                                                                            "78.000"),
    ("2.50", None, False, "2,50"), ("99.36", None, True, "99,4"), ("100.0", None, True, "100"),
])
def test_a_figure_is_shown_as_typed_within_the_targets_decimals(value, decimals, computed, text):
    assert words.figure_number(D(value), target(decimals=decimals), computed) == text


def test_a_figure_is_as_typed_unless_said_to_be_computed():
    assert words.figure_number(D("2.415"), target()) == "2,415"


def test_a_record_as_stored():
    assert words.record_text(rec(value="1002.5"), target(unit="tấn")) == "1.002,5 tấn"
    assert words.record_text(rec(value="1240", of="1250"), target()) == "99,2% (1.240/1.250)"
    assert words.record_text(rec(value="1", of="3"), target()) == "33,3% (1/3)"
    assert words.record_text(rec(item="Giao thông", met=True), target()) == "Giao thông: đạt"
    assert words.record_text(rec(item="Giao thông", met=False), target()) == "Giao thông: chưa đạt"
    assert words.imported_from(rec(value="1")) is None
    imported = dataclasses.replace(rec(value="1"), file="phong-dc.xlsx", cell="Biểu số liệu!F7")
    assert words.imported_from(imported) == "nhập từ phong-dc.xlsx, ô Biểu số liệu!F7"


def test_status_and_plan_counts_name_only_what_occurs():
    counts = {"met": 8, "near": 2, "on_track": 0, "behind": 1, "over_pace": 1, "not_met": 3, "in_progress": 0,
              "no_data": 25, "total": 40}
    assert words.status_counts_text(counts) == ("Đạt 8/40 chỉ tiêu · 2 gần đạt · 1 chậm tiến độ · 1 nguy cơ vượt mức"
                                                " · 3 chưa đạt · 25 chưa có số liệu")
    plan = {"done": 3, "done_late": 1, "overdue": 12, "due_soon": 0, "upcoming": 5, "continuous": 4,
            "missing_evidence": 2, "on_time_share": D("18.75")}
    assert words.plan_counts_text(plan) == ("3 đã hoàn thành · 1 hoàn thành trễ hạn · 12 quá hạn · 5 chưa đến hạn"
                                            " · 4 thường xuyên · 2 quý thiếu minh chứng việc thường xuyên"
                                            " · đúng hạn 18,8% số việc đã đến hạn")
    none_due = {**plan, "done": 0, "done_late": 0, "overdue": 0, "missing_evidence": 0, "on_time_share": None}
    assert words.plan_counts_text(none_due) == "5 chưa đến hạn · 4 thường xuyên"


def test_an_actual_in_words_and_in_a_table():
    t = target(kind="cumulative", unit="tỷ đồng", plan="5.573")
    estimated = one(t, [rec(as_of=date(2023, 5, 31), value="2.9", estimated=True)], as_of=date(2023, 6, 30))
    assert words.actual_text(estimated) == "2,9 tỷ đồng"
    assert words.actual_text(estimated, "ước") == "ước 2,9 tỷ đồng"
    assert words.actual_number(estimated) == "Ước 2,9"
    assert words.stale_note(estimated) == ""
    old = one(t, [rec(as_of=date(2023, 5, 1), value="2.6")], as_of=date(2023, 6, 30))
    assert (words.actual_number(old), words.stale_note(old)) == ("2,6 (01/05)", "số liệu đến ngày 01/05/2023")
    assert words.actual_text(old, "ước") == "2,6 tỷ đồng"
    missing = one(t, [])
    assert (words.actual_text(missing), words.actual_number(missing)) == ("—", "—")
    grown = one(target(plan="8", unit="tỷ đồng", kind="level", change="percent", base=D("100")), [rec(value="106.2")])
    assert words.actual_text(grown) == "106,2 tỷ đồng (tăng 6,2%)"
    third = one(target(), [rec(value="1", of="3")], as_of=date(2023, 6, 30))
    assert (words.actual_number(third), words.actual_text(third)) == ("33,3", "33,3%")


def test_a_status_in_words():
    ranged = target(plan=["14", "15"], op="between", kind="level")
    assert words.status_words(one(ranged, [rec(value="16")])) == "Chưa đạt (cao hơn khoảng kế hoạch)"
    assert words.status_words(one(ranged, [rec(value="13")])) == "Chưa đạt (thấp hơn khoảng kế hoạch)"
    assert words.status_words(one(ranged, [rec(value="14")])) == "Đạt"
    assert words.status_words(one(ranged, [])) == "Chưa có số liệu"
    unknown_base = target(plan="8", kind="level", change="percent")
    assert words.status_words(one(unknown_base, [rec(value="5")])) == "Chưa có số liệu năm trước"


def test_a_target_named_in_full():
    t = target(id="4d", plan="101.715", kind="cumulative", unit="tỷ đồng", short="Tổng vốn đầu tư toàn xã hội")
    assert words.target_phrase(t) == "4d — Tổng vốn đầu tư toàn xã hội (tỷ đồng, kế hoạch năm ≥ 101,715 tỷ đồng)"


def test_the_question_on_a_doubtful_figure_names_the_twin_it_would_fit():
    grain = target(id="4đ", plan="1936.49", kind="cumulative", unit="tấn", short="Sản lượng lương thực")
    invest = target(id="4d", plan="101.715", kind="cumulative", unit="tỷ đồng", short="Vốn đầu tư")
    ratio_twin = target(id="4D", plan="98", short="Tỷ lệ")
    targets = {t.id: t for t in (grain, invest, ratio_twin)}
    record = rec("4d", as_of=date(2023, 5, 31), value="1002.5")
    question = words.doubt_question(invest, record, "quá lớn", targets, {})
    assert question == ("Số liệu bất thường cho chỉ tiêu 4d — Vốn đầu tư (tỷ đồng, kế hoạch năm ≥ 101,715 tỷ đồng):"
                        " quá lớn.\nCó phải chỉ tiêu 4đ — Sản lượng lương thực (tấn, kế hoạch năm ≥ 1.936,49 tấn)?")
    later = {"4đ": rec("4đ", as_of=date(2023, 4, 30), value="1500")}  # 1.002,5 would fall below it
    assert words.doubt_question(invest, record, "quá lớn", targets, later) == (
        "Số liệu bất thường cho chỉ tiêu 4d — Vốn đầu tư (tỷ đồng, kế hoạch năm ≥ 101,715 tỷ đồng): quá lớn.")
    summed = {**targets, "4đ": target(id="4đ", plan="1936.49", kind="cumulative", unit="tấn", sum_of=["a"])}
    assert "Có phải" not in words.doubt_question(invest, record, "quá lớn", summed, {})
    checklist = {**targets, "4đ": target(id="4đ", plan="1", kind="checklist", unit="tiêu chí", items=["a"])}
    assert "Có phải" not in words.doubt_question(invest, record, "quá lớn", checklist, {})
