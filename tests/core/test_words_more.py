"""More of the Vietnamese the core writes: plans with their terms, changes in points, grades, tasks and actions."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from mtcl.core import words
from mtcl.core.attainment import Actual
from mtcl.core.figures import FigureRecord
from mtcl.core.models import Target
from tests.test_attainment import one, rec, target

RATING = Target(id="10.1", name="Xếp loại", kind="rating", scale=["Khá", "Tốt"], plan="Tốt")
JUDGED = Target(id="1.2", name="Tự đánh giá công tác", kind="judged")
REFERENCE = Target(id="R", name="Dự toán thu", kind="reference", unit="tỷ đồng")
AT = datetime(2023, 7, 1, 8, 5, tzinfo=timezone.utc)


def said(target_id: str, grade: str | None = None, met: bool | None = None) -> FigureRecord:
    return FigureRecord(target=target_id, as_of=date(2023, 6, 30), grade=grade, met=met, by="Lan", recorded_at=AT)


def share(label: str | None = None, **extra) -> Target:
    t = target(id="3", plan="105", kind="cumulative", unit="tỷ đồng", share_of="R", **extra)
    t._reference = label
    return t


# -- The plan on screen and in documents ---------------------------------------------------------------------------

def test_a_grade_a_judgement_and_a_reference_have_their_own_plan():
    assert (words.plan_text(RATING), words.plan_words(RATING)) == ("≥ Tốt", "Tốt trở lên")
    assert (words.plan_text(JUDGED), words.plan_words(JUDGED), words.plan_words(JUDGED, unit=False)) == (
        "—", "tự đánh giá", "")
    assert (words.plan_text(REFERENCE), words.plan_words(REFERENCE, unit=False)) == ("—", "")


def test_a_share_names_what_it_is_a_share_of():
    assert words.plan_text(share("Dự toán thu ngân sách")) == "≥ 105% dự toán thu ngân sách"
    assert words.plan_words(share("Dự toán thu ngân sách")) == "105% dự toán thu ngân sách"
    assert words.plan_text(share()) == "≥ 105% số tham chiếu"
    assert words.plan_words(share(op=">")) == "trên 105% số tham chiếu"
    assert words.plan_text(share("Dự toán", by=2025)) == "≥ 105% dự toán, đến năm 2025"


def test_a_plan_for_each_period_and_a_plan_for_a_later_year_say_so():
    each = target(id="7", plan="1", kind="cumulative", unit="cuộc", every="quarter")
    assert (words.plan_text(each), words.plan_words(each), words.plan_sentence(each)) == (
        "≥ 1 cuộc mỗi quý", "1 cuộc mỗi quý", "1 cuộc mỗi quý")
    later = target(id="8", plan="10", kind="cumulative", unit="km", by=2025)
    assert (words.plan_text(later), words.plan_words(later)) == ("≥ 10 km, đến năm 2025", "10 km, đến năm 2025")
    both = target(id="9", plan="2", kind="cumulative", unit="lượt", every="month", by=2024)
    assert words.plan_text(both) == "≥ 2 lượt mỗi tháng, đến năm 2024"


def test_a_range_on_screen_shows_its_comparison_unless_it_is_a_band():
    assert words.plan_text(target(plan=["14", "15"], op=">=")) == "≥ 14–15%"
    assert words.plan_text(target(plan=["14", "15"], op="<=")) == "≤ 14–15%"
    assert words.plan_text(target(plan=["1.8", "2.1"], op="between", kind="level", unit="con")) == "1,8–2,1 con"


def test_a_ceiling_range_in_documents_aims_at_its_bottom():
    ceiling = target(plan=["14", "15"], op="<=", kind="level")
    assert words.plan_words(ceiling) == "không quá 15%, phấn đấu 14%"
    assert words.plan_words(target(plan=["2", "3"], op="<=", kind="level", unit="vụ")) == "không quá 3 vụ, phấn đấu 2 vụ"
    assert words.plan_words(ceiling, unit=False) == "14–15"


# -- A planned change -------------------------------------------------------------------------------------------

def test_a_change_in_points_of_another_unit_is_in_that_unit():
    grown = target(plan="2", kind="cumulative", unit="tấn", change="points")
    assert (words.plan_text(grown), words.plan_words(grown)) == ("tăng ≥ 2 tấn", "tăng 2 tấn")
    rate = target(plan="2", kind="level", unit="%", change="points")
    assert words.plan_words(rate) == "tăng 2 điểm phần trăm"


def test_a_one_sided_range_of_change_shows_its_comparison_on_screen():
    assert words.plan_text(target(plan=["5", "10"], op=">=", kind="level", change="percent")) == "tăng ≥ 5–10%"
    assert words.plan_words(target(plan=["5", "10"], op=">=", kind="level", change="percent")) == "tăng từ 5 đến 10%"


def test_a_range_of_change_across_zero_in_points_keeps_its_unit_at_both_ends():
    t = target(plan=["-2", "3"], op="between", kind="level", unit="%", change="points", signed=True)
    assert words.plan_words(t) == "từ −2 điểm phần trăm đến +3 điểm phần trăm"


def test_a_change_close_to_its_plan_keeps_the_digits_that_tell_it_apart():
    grown = target(plan="17", kind="level", unit="tỷ đồng", change="percent")
    assert words.change_words(D("16.98"), grown) == "tăng 16,98%"
    assert words.change_words(D("16.98")) == "tăng 17%"
    assert words.change_words(D("-1.5"), target(plan="2", kind="level", change="points")) == (
        "giảm 1,5 điểm phần trăm")


def test_the_thresholds_are_the_plans_ends_and_the_near_band():
    assert sorted(words.thresholds(target(plan="98", near_from=D("95")))) == [D("95"), D("98")]
    assert sorted(words.thresholds(target(plan=["14", "15"], op="between"))) == [D("14"), D("15")]
    assert words.thresholds(RATING) == ()


def test_a_stated_change_of_a_rate_in_points_is_said_in_points():
    t = target(plan="2", kind="level", unit="%", change="points", base=D("40"))
    e = one(t, [rec(value="45")])
    assert words.actual_text(e) == "45% (tăng 5 điểm phần trăm)"


# -- Words inside a sentence ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "inside"), [("Thu ngân sách", "thu ngân sách"), ("Dự toán NSNN xã", "dự toán NSNN xã"),
                                              ("VP Đảng ủy", "VP Đảng ủy"), ("TTHC", "TTHC"), ("Ý kiến", "ý kiến")])
def test_a_label_inside_a_sentence_is_lowered_unless_its_first_word_is_in_capitals(text, inside):
    assert words.lowered(text) == inside


# -- Figures --------------------------------------------------------------------------------------------------------

def test_a_computed_percentage_keeps_the_digits_that_tell_it_from_the_plan():
    assert words.figure_number(D("59.96"), target(plan="60"), computed=True) == "59,96"
    assert words.percent_text(D("59.96"), (D("60"),)) == "59,96%"
    assert words.percent_text(None) == ""


def test_an_attainment_just_under_the_plan_is_not_shown_as_met():
    e = one(target(plan="100", kind="level", unit="lượt"), [rec(value="99.96")])
    assert (e.status, words.attainment_text(e)) == ("not_met", "99,96%")


def test_a_judgement_a_grade_and_a_reference_as_figures():
    assert words.record_text(said("1.2", met=True), JUDGED) == "Đạt"
    assert words.record_text(said("1.2", met=False), JUDGED) == "Chưa đạt"
    assert words.actual_figure(Actual(D("1"), date(2023, 6, 30), False, ()), JUDGED) == "Đạt"
    assert words.actual_figure(Actual(D("0"), date(2023, 6, 30), False, ()), JUDGED) == "Chưa đạt"
    graded = Actual(D("1"), date(2023, 6, 30), False, (said("10.1", grade="Tốt"),))
    assert words.figure_with_unit(graded, RATING) == "Tốt"
    given = Actual(D("200"), date(2023, 6, 30), False, (rec("R", value="200"),))
    assert words.figure_with_unit(given, REFERENCE) == "200 tỷ đồng"


# -- Statuses ------------------------------------------------------------------------------------------------------

def test_a_target_due_later_is_in_progress_until_its_year():
    e = one(target(plan="100", kind="cumulative", unit="km", by=2025), [rec(value="40")])
    assert (e.status, words.status_words(e)) == ("in_progress", "Đang thực hiện (đến năm 2025)")


def test_a_plan_for_each_period_names_the_periods_it_missed():
    quarterly = target(plan="5", kind="cumulative", unit="cuộc", every="quarter")
    records = [rec(as_of=date(2023, m, d), value=v) for m, d, v in ((3, 31, "5"), (6, 30, "8"), (9, 30, "13"),
                                                                    (12, 31, "16"))]
    e = one(quarterly, records)
    assert (words.status_words(e), words.missed_periods(e)) == ("Chưa đạt (quý II, quý IV)", "quý II, quý IV")
    monthly = target(plan="1", kind="cumulative", unit="cuộc", every="month")
    e = one(monthly, [rec(as_of=date(2023, 1, 31), value="1"), rec(as_of=date(2023, 2, 28), value="1"),
                      rec(as_of=date(2023, 3, 31), value="2")], as_of=date(2023, 3, 31))
    assert words.status_words(e) == "Chưa đạt (tháng 2)"


# -- The plan's progress, overdue tasks, actions ----------------------------------------------------------------

def test_the_plans_progress_names_only_the_counts_that_occur():
    assert words.plan_progress({"due": 12, "done": 1, "done_late": 1, "overdue": 10}) == (
        "12 lần thực hiện nhiệm vụ đã đến hạn: 1 hoàn thành đúng hạn, 1 hoàn thành trễ hạn, 10 quá hạn")
    assert words.plan_progress({"due": 3, "done": 3, "done_late": 0, "overdue": 0}) == (
        "3 lần thực hiện nhiệm vụ đã đến hạn: 3 hoàn thành đúng hạn")


def test_an_overdue_task_is_named_with_each_deadline_and_its_lead():
    task = SimpleNamespace(label="Xây dựng chương trình ĐGNB", lead="Công chức VP-TK")
    states = [SimpleNamespace(task=task, occurrence=SimpleNamespace(due=due)) for due in
              (date(2023, 3, 31), date(2023, 6, 30))]
    assert words.overdue_phrase(states) == (
        "Xây dựng chương trình ĐGNB (hạn 31/03/2023, 30/06/2023, chủ trì: Công chức VP-TK)")
    assert words.overdue_phrase(states[:1]) == "Xây dựng chương trình ĐGNB (hạn 31/03/2023, chủ trì: Công chức VP-TK)"


def test_an_action_is_named_with_its_owner_deadline_and_closing():
    opened = SimpleNamespace(action="Hướng dẫn lại quy trình", owner="Văn phòng", due=date(2023, 9, 30))
    action = SimpleNamespace(id="HĐKP-2023-01", opened=opened, closed=None)
    assert words.action_phrase(action) == "HĐKP-2023-01: Hướng dẫn lại quy trình (phụ trách: Văn phòng, hạn 30/09/2023)"
    action.closed = SimpleNamespace(closed_on=date(2023, 9, 15), effective=True)
    assert words.action_phrase(action) == ("HĐKP-2023-01: Hướng dẫn lại quy trình (phụ trách: Văn phòng, hạn "
                                           "30/09/2023; đã đóng 15/09/2023, có hiệu lực)")
    action.closed = SimpleNamespace(closed_on=date(2023, 9, 15), effective=False)
    assert words.action_phrase(action).endswith("; đã đóng 15/09/2023, chưa có hiệu lực)")


# -- Questions put to the officer ----------------------------------------------------------------------------------

def test_a_target_is_named_in_full_with_its_unit_when_it_has_one():
    assert words.target_phrase(target(id="4d", plan="101.715", kind="cumulative", unit="tỷ đồng")) == (
        "4d — 4d (tỷ đồng, kế hoạch năm ≥ 101,715 tỷ đồng)")
    assert words.target_phrase(JUDGED) == "1.2 — Tự đánh giá công tác (kế hoạch năm —)"


def test_a_figure_of_the_same_day_says_what_it_replaces():
    tonnes = target(id="4đ", plan="100", kind="cumulative", unit="tấn")
    earlier = FigureRecord(target="4đ", as_of=date(2023, 6, 30), value=D("5"), estimated=True, by="Lan",
                           recorded_at=AT)
    assert words.replaced_question(tonnes, earlier) == (
        "Chỉ tiêu 4đ đã có số liệu ngày 30/06/2023: 5 tấn (ước) (Lan ghi lúc 08:05 01/07/2023); số mới sẽ thay cho "
        "số này.")
    actual = FigureRecord(target="4đ", as_of=date(2023, 6, 30), value=D("5"), by="Lan", recorded_at=AT)
    assert words.replaced_question(tonnes, actual) == (
        "Chỉ tiêu 4đ đã có số liệu ngày 30/06/2023: 5 tấn (Lan ghi lúc 08:05 01/07/2023); số mới sẽ thay cho số này.")


def test_a_label_whose_first_word_ends_in_a_non_breaking_space_is_lowered():
    assert words.lowered("Số\u00a0TTHC giải quyết đúng hạn") == "số\u00a0TTHC giải quyết đúng hạn"
