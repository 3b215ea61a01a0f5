"""The words of the reports on their own: evaluations in, sentences out, no files.

Each rule of the narrative (how a plan is said, when 'ước' and 'ở mức' are written, how a
stale figure and its plan share one bracket, how missing evidence is grouped, how a
target moved between two checkpoints) is pinned here at its edges."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal as D

import pytest

from mtcl.core.attainment import LastYear, RecordIndex, evaluate
from mtcl.core.figures import FigureRecord
from mtcl.core.models import PeriodNotes, Target, Task
from mtcl.report.context import (_quarters, _shortcomings, counts_words, gap_clause, objective_paragraph,
                                 target_clause, unended)
from mtcl.report.quality import trend
from mtcl.core.schedule import Occurrence, OccurrenceState
from mtcl.core.words import plan_sentence
from tests.test_attainment import rec, target


@pytest.mark.parametrize(
    "extra, words",
    [
        ({"plan": "85", "op": ">="}, "từ 85% trở lên"),
        ({"plan": "98", "op": ">"}, "trên 98%"),
        ({"plan": "3.37", "op": "<=", "kind": "level"}, "không quá 3,37%"),
        ({"plan": "1", "op": "<", "kind": "level"}, "dưới 1%"),
        ({"plan": "1936.49", "op": ">=", "kind": "cumulative", "unit": "tấn"}, "1.936,49 tấn"),
        ({"plan": "42", "op": ">=", "kind": "level", "unit": "triệu đồng"}, "từ 42 triệu đồng trở lên"),
    ],
)
def test_a_plan_is_said_in_words(extra, words):
    assert plan_sentence(target(**extra)) == words


def test_a_range_and_a_change_are_said_in_words():
    ranged = target(op="between", kind="level").model_copy(update={"plan": [D("14"), D("15")]})
    assert plan_sentence(ranged) == "từ 14 đến 15%"
    births = target(op="between", kind="level", unit="con").model_copy(update={"plan": [D("1.8"), D("2.1")]})
    assert plan_sentence(births) == "từ 1,8 đến 2,1 con"


def clause(t, *records, as_of=date(2023, 6, 30), last_year=None, others=()):
    every = {x.id: x for x in (t, *others)}
    return target_clause(evaluate([t], RecordIndex(list(records)), as_of, last_year, every)[0])


def test_a_figure_that_should_stay_low_is_at_a_level_never_reached():
    low = target(id="4i", plan="3.37", op="<=", kind="level", short="Tỷ lệ hộ nghèo")
    assert clause(low, rec("4i", value="3.1")) == "tỷ lệ hộ nghèo ở mức 3,1% (kế hoạch không quá 3,37%)"
    assert clause(low, rec("4i", value="3.1", estimated=True)) == \
        "tỷ lệ hộ nghèo ước ở mức 3,1% (kế hoạch không quá 3,37%)"
    high = target(id="5.2", plan="98", op=">", short="Hồ sơ đúng hạn")
    assert clause(high, rec("5.2", value="99.2", estimated=True)) == "hồ sơ đúng hạn ước đạt 99,2% (kế hoạch trên 98%)"


def test_a_stale_figure_and_its_plan_share_one_bracket():
    income = target(id="4c", plan="42", op=">=", kind="level", unit="triệu đồng", short="Thu nhập bình quân")
    stale = clause(income, rec("4c", value="43.5", as_of=date(2023, 5, 30)), as_of=date(2023, 7, 15))
    assert stale == "thu nhập bình quân đạt 43,5 triệu đồng (số liệu đến ngày 30/05/2023; kế hoạch từ 42 triệu " \
                    "đồng trở lên)"
    fresh = clause(income, rec("4c", value="43.5", as_of=date(2023, 6, 14)), as_of=date(2023, 7, 14))
    assert fresh == "thu nhập bình quân đạt 43,5 triệu đồng (kế hoạch từ 42 triệu đồng trở lên)"  # 30 days: fresh


def test_a_running_total_is_a_share_of_the_years_plan():
    budget = target(id="4b", plan="5.573", op=">=", kind="cumulative", unit="tỷ đồng", short="Chi ngân sách")
    assert clause(budget, rec("4b", value="2.6", as_of=date(2023, 5, 31))) == \
        "chi ngân sách đạt 2,6 tỷ đồng, bằng 46,7% kế hoạch năm"


def test_a_checklist_counts_its_criteria():
    rural = target(id="4h", plan="3", op=">=", kind="checklist", unit="tiêu chí", short="Tiêu chí nông thôn mới",
                   items=["Giao thông", "Trường học", "Thu nhập"])
    assert clause(rural, rec("4h", item="Giao thông", met=True), rec("4h", item="Trường học", met=True)) == \
        "tiêu chí nông thôn mới: đạt 2/3 tiêu chí (Giao thông, Trường học), kế hoạch 3 tiêu chí"
    # Section III names what is still missing, in its own bracket ('đạt 2/3 tiêu chí, còn Thu nhập, tỷ lệ …'
    # ran into the next target's clause).
    (short,) = evaluate([rural], RecordIndex([rec("4h", item="Giao thông", met=True),
                                              rec("4h", item="Trường học", met=True)]), date(2023, 12, 31), None)
    assert gap_clause(short) == "tiêu chí nông thôn mới đạt 2/3 tiêu chí (còn tiêu chí Thu nhập)"
    (shorter,) = evaluate([rural], RecordIndex([rec("4h", item="Giao thông", met=True)]), date(2023, 12, 31), None)
    assert gap_clause(shorter) == "tiêu chí nông thôn mới đạt 1/3 tiêu chí (còn các tiêu chí Trường học, Thu nhập)"


def test_an_objective_without_any_figure_says_so_once():
    evaluations = evaluate([target(id="6.1", short="Ý kiến được theo dõi"), target(id="6.2", short="Ý kiến đúng hạn")],
                           RecordIndex([]), date(2023, 6, 30), None)
    assert objective_paragraph(evaluations) == \
        "Chưa có số liệu của 2 chỉ tiêu: ý kiến được theo dõi, ý kiến đúng hạn."


def test_counts_name_only_what_there_is():
    ts = [target(id="a", plan="90"), target(id="b", plan="90"), target(id="c", plan="90")]
    evaluations = evaluate(ts, RecordIndex([rec("a", value="95"), rec("b", value="80")]), date(2023, 6, 30), None)
    assert counts_words(evaluations) == "đạt 1/3 chỉ tiêu, 1 chưa đạt"
    assert counts_words(evaluations, missing=True) == "đạt 1/3 chỉ tiêu, 1 chưa đạt, 1 chưa có số liệu"


@pytest.mark.parametrize(
    "written, kept",
    [("Mưa bão kéo dài.", "Mưa bão kéo dài"), ("Mưa bão;  ", "Mưa bão"), ("A ./.", "A ./"), ("100%", "100%")],
)
def test_her_sentence_loses_only_its_closing_stop(written, kept):
    assert unended(written) == kept


def task(id="III.1", label="Niêm yết TTHC") -> Task:
    return Task(id=id, work=label, lead="Các ngành", timing="Thường xuyên", repeat="continuous")


def missing(t: Task, quarter: int) -> OccurrenceState:
    end = date(2023, 3 * quarter, 28 if quarter == 1 else 30)
    return OccurrenceState(t, Occurrence(f"2023-Q{quarter}", None, date(2023, 3 * quarter - 2, 1), end),
                           "continuous", (), missing_evidence=True)


def evidence_sentence(states) -> str:
    (sentence,) = [p for p in _shortcomings([], states, (), PeriodNotes()) if p.startswith("- Minh chứng")]
    return sentence


def test_missing_evidence_is_one_sentence_with_its_quarters():
    a, b = task("III.1", "Niêm yết TTHC"), task("III.2", "Cập nhật quy trình")
    assert _quarters([missing(a, 1), missing(a, 2), missing(a, 3)]) == "quý I, II, III"
    assert evidence_sentence([missing(a, 1), missing(b, 1)]) == \
        "- Minh chứng: 2 nhiệm vụ thường xuyên chưa lưu minh chứng quý I: niêm yết TTHC; cập nhật quy trình."
    assert evidence_sentence([missing(a, 1), missing(a, 2), missing(b, 2)]) == \
        "- Minh chứng: 2 nhiệm vụ thường xuyên chưa lưu minh chứng: niêm yết TTHC (quý I, II); cập nhật quy " \
        "trình (quý II)."


def moved(t, before, now):
    earlier = evaluate([t], RecordIndex(before), date(2023, 3, 31), None)[0]
    later = evaluate([t], RecordIndex(before + now), date(2023, 6, 30), None)[0]
    return trend(later, earlier)


def test_how_a_target_moved_between_two_checkpoints():
    fish = target(id="4e2", plan="802", op=">=", kind="cumulative", unit="tấn")
    q1 = [rec("4e2", value="100", as_of=date(2023, 3, 31))]
    assert moved(fish, q1, [rec("4e2", value="300", as_of=date(2023, 6, 30))]) == "giữ nguyên (chậm tiến độ)"
    assert moved(fish, q1, [rec("4e2", value="420", as_of=date(2023, 6, 30))]) == \
        "tốt lên: Chậm tiến độ → Đúng tiến độ"
    ahead = [rec("4e2", value="300", as_of=date(2023, 3, 31))]
    assert moved(fish, ahead, [rec("4e2", value="320", as_of=date(2023, 6, 30))]) == \
        "xấu đi: Đúng tiến độ → Chậm tiến độ"
    assert moved(fish, q1, []) == "chưa có số liệu mới"
    assert moved(fish, [], [rec("4e2", value="300", as_of=date(2023, 6, 30))]) == ""  # nothing to compare with
    poor = target(id="4i", plan="3.37", op="<=", kind="level")
    before = [rec("4i", value="3.5", as_of=date(2023, 3, 31))]
    assert moved(poor, before, [rec("4i", value="3.1", as_of=date(2023, 6, 30))]) == "giảm (tốt lên)"
    assert moved(poor, before, [rec("4i", value="3.6", as_of=date(2023, 6, 30))]) == "tăng (xấu đi)"
    assert moved(poor, before, [rec("4i", value="3.5", as_of=date(2023, 6, 30))]) == "không đổi"


# Schema 4's meanings, as other bodies' decisions phrase them; each sentence worked out by hand.

def test_a_one_sided_range_met_beyond_its_aim_is_said_to_exceed_it():
    # A ward: "tỷ lệ hồ sơ giải quyết đúng hạn từ 95% trở lên, phấn đấu 98%".
    dossiers = target(id="2.1", plan=["95", "98"], op=">=", short="Tỷ lệ hồ sơ đúng hạn")
    assert clause(dossiers, rec("2.1", value="99")) == \
        "tỷ lệ hồ sơ đúng hạn đạt 99%, vượt kế hoạch (kế hoạch từ 95% trở lên, phấn đấu 98%)"
    assert clause(dossiers, rec("2.1", value="96")) == \
        "tỷ lệ hồ sơ đúng hạn đạt 96% (kế hoạch từ 95% trở lên, phấn đấu 98%)"


def _town_budget():
    # A town: "thu ngân sách trên địa bàn tăng 10% so với năm 2022" (50 tỷ đồng in 2022).
    return target(id="4a", plan="10", op=">=", kind="cumulative", unit="tỷ đồng", change="percent",
                  short="Thu ngân sách")


def _last_year(t, *records):
    return LastYear({t.id: t}, RecordIndex(list(records)))


def test_a_running_change_is_against_the_same_period_then_the_whole_year():
    budget = _town_budget()
    last = _last_year(budget, rec("4a", value="25", as_of=date(2022, 6, 30)), rec("4a", value="50",
                                                                                  as_of=date(2022, 12, 31)))
    # 27,5 / 25 = +10% on the same period; 27,5 / (50 × 1,1) = 50% of the year's goal.
    assert clause(budget, rec("4a", value="27.5"), last_year=last) == \
        "thu ngân sách đạt 27,5 tỷ đồng, bằng 50% mục tiêu năm, tăng 10% so với cùng kỳ năm 2022 " \
        "(kế hoạch tăng 10% so với năm 2022)"
    # At year end: 56 / 50 = +12%, 56 / 55 = 101,8%.
    assert clause(budget, rec("4a", value="56", as_of=date(2023, 12, 31)), as_of=date(2023, 12, 31),
                  last_year=last) == \
        "thu ngân sách đạt 56 tỷ đồng, bằng 101,8% mục tiêu năm, tăng 12% so với năm 2022 " \
        "(kế hoạch tăng 10% so với năm 2022)"


def test_a_change_without_last_years_figure_says_so():
    budget = _town_budget()
    assert clause(budget, rec("4a", value="27.5")) == \
        "thu ngân sách đạt 27,5 tỷ đồng (chưa có số liệu năm trước để so sánh; kế hoạch tăng 10% so với năm 2022)"


def test_a_fall_in_points_is_said_as_a_fall_in_points():
    # A health centre: "tỷ lệ sinh con thứ 3 trở lên giảm 0,5 điểm phần trăm" (5,2% in 2022).
    births = target(id="3.2", plan="-0.5", op="<=", kind="level", change="points", base=D("5.2"),
                    short="Tỷ lệ sinh con thứ 3 trở lên")
    assert clause(births, rec("3.2", value="4.6", as_of=date(2023, 12, 31)), as_of=date(2023, 12, 31)) == \
        "tỷ lệ sinh con thứ 3 trở lên ở mức 4,6%, giảm 0,6 điểm phần trăm so với năm 2022 " \
        "(kế hoạch giảm 0,5 điểm phần trăm so với năm 2022)"


def test_a_share_of_the_estimate_is_said_against_the_estimate():
    # A department: "thu ngân sách đạt từ 105% dự toán tỉnh giao".
    estimate = Target(id="dt", name="Dự toán tỉnh giao", unit="tỷ đồng", kind="reference")
    budget = target(id="1.1", plan="105", op=">=", kind="cumulative", unit="tỷ đồng", share_of="dt",
                    short="Thu ngân sách")
    figures = [rec("dt", value="200", as_of=date(2023, 1, 1)), rec("1.1", value="190", as_of=date(2023, 12, 31))]
    objectives_like = {"dt": estimate, "1.1": budget}
    budget._reference = "Dự toán tỉnh giao"
    evaluation = evaluate([budget], RecordIndex(figures), date(2023, 12, 31), None, objectives_like)[0]
    assert target_clause(evaluation) == \
        "thu ngân sách đạt 190 tỷ đồng, bằng 95% dự toán tỉnh giao (kế hoạch 105% dự toán tỉnh giao)"


def test_a_grade_and_a_judgement_are_said_as_they_are():
    scale = ["Không hoàn thành nhiệm vụ", "Hoàn thành nhiệm vụ", "Hoàn thành tốt nhiệm vụ",
             "Hoàn thành xuất sắc nhiệm vụ"]
    grade = Target(id="9.1", name="Xếp loại chính quyền", kind="rating", scale=scale, plan="Hoàn thành tốt nhiệm vụ")
    graded = FigureRecord(target="9.1", as_of=date(2023, 12, 31), grade="Hoàn thành nhiệm vụ", note="tự chấm",
                          by="test", recorded_at=datetime(2024, 1, 2, tzinfo=timezone.utc))
    assert clause(grade, graded, as_of=date(2023, 12, 31)) == \
        "xếp loại chính quyền: Hoàn thành nhiệm vụ (kế hoạch Hoàn thành tốt nhiệm vụ trở lên)"
    kept = Target(id="9.2", name="Duy trì, cải tiến HTQLCL", kind="judged")
    judged = FigureRecord(target="9.2", as_of=date(2023, 12, 31), met=True, note="đánh giá nội bộ", by="test",
                          recorded_at=datetime(2024, 1, 2, tzinfo=timezone.utc))
    assert clause(kept, judged, as_of=date(2023, 12, 31)) == "duy trì, cải tiến HTQLCL: tự đánh giá đạt"


def test_a_figure_older_than_the_period_has_no_pace_and_says_its_date():
    rice = target(id="4e", plan="100", op=">=", kind="cumulative", unit="tấn", short="Sản lượng lúa")
    assert clause(rice, rec("4e", value="25", as_of=date(2023, 3, 31))) == \
        "sản lượng lúa đạt 25 tấn, bằng 25% kế hoạch năm (số liệu đến ngày 31/03/2023; chưa có số liệu của kỳ)"


def test_an_estimate_stands_beside_the_actual_it_grows_from():
    rice = target(id="4e", plan="100", op=">=", kind="cumulative", unit="tấn", short="Sản lượng lúa")
    assert clause(rice, rec("4e", value="40", as_of=date(2023, 5, 31)),
                  rec("4e", value="50", as_of=date(2023, 6, 30), estimated=True)) == \
        "sản lượng lúa đến 31/05/2023 đạt 40 tấn, ước đến 30/06/2023 đạt 50 tấn, bằng 50% kế hoạch năm"


def test_a_plan_for_a_later_year_keeps_one_bracket():
    # A province's department: "đến năm 2025, 100% thủ tục được cung cấp trực tuyến toàn trình".
    online = target(id="5.3", plan="100", op=">=", by=2025, short="Thủ tục trực tuyến toàn trình")
    assert clause(online, rec("5.3", value="80")) == \
        "thủ tục trực tuyến toàn trình đạt 80% (kế hoạch 100%, đến năm 2025)"


def test_a_share_of_the_whole_at_100_is_said_as_100_and_a_lower_share_as_at_least():
    """'kế hoạch từ 100% trở lên' of a share of cases is not Vietnamese: no share is more than
    all the cases. A health centre's 'tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt từ 95%
    trở lên' keeps its words; a year's total at 100 units stays '100 tấn'."""
    vaccinated = target(id="2.1", plan="95", op=">=", short="Trẻ em được tiêm chủng đầy đủ")
    assert plan_sentence(vaccinated) == "từ 95% trở lên"
    assert plan_sentence(target(id="2.2", plan="100", op=">=", short="Hồ sơ đúng hạn")) == "100%"
    assert plan_sentence(target(id="2.3", plan="100", op=">", short="Hồ sơ")) == "trên 100%"


def test_the_opening_note_says_how_many_figures_are_of_the_day():
    from mtcl.report.context import _as_of_note
    from mtcl.usecases.status import TargetRow, YearStatus
    ts = [target(id="a"), target(id="b"), target(id="c")]
    day = date(2023, 6, 30)
    records = [rec("a", value="99"), rec("b", value="97", as_of=date(2023, 5, 31)), rec("c", value="98",
                                                                                         estimated=True)]
    evaluations = evaluate(ts, RecordIndex(records), day, None)
    note = _as_of_note(YearStatus(2023, day, [TargetRow(e) for e in evaluations], {}))
    assert note == "Số liệu tổng hợp đến ngày 30/06/2023: 2 chỉ tiêu có số liệu đến ngày 30/06/2023, 1 chỉ tiêu có " \
                   "số liệu đến ngày trước đó; 1 chỉ tiêu là số ước thực hiện (ghi “ước”)."
    same_day = evaluate(ts[:1], RecordIndex(records[:1]), day, None)
    assert _as_of_note(YearStatus(2023, day, [TargetRow(e) for e in same_day], {})) == "Số liệu tính đến ngày 30/06/2023."
