"""The words of the reports on their own: evaluations in, sentences out, no files.

Each rule of the narrative (how a plan is said, when 'ước' and 'ở mức' are written, how a
stale figure and its plan share one bracket, how missing evidence is grouped, how a
target moved between two checkpoints) is pinned here at its edges."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from mtcl.core.attainment import RecordIndex, evaluate
from mtcl.core.models import PeriodNotes, Task
from mtcl.report.context import _quarters, _shortcomings, counts_words, objective_paragraph, target_clause, unended
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


def clause(t, *records, as_of=date(2023, 6, 30), final=False):
    return target_clause(evaluate([t], RecordIndex(list(records)), as_of, None)[0], final)


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


def test_an_objective_without_any_figure_says_so_once():
    evaluations = evaluate([target(id="6.1", short="Ý kiến được theo dõi"), target(id="6.2", short="Ý kiến đúng hạn")],
                           RecordIndex([]), date(2023, 6, 30), None)
    assert objective_paragraph(evaluations, final=False) == \
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
