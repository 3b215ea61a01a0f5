"""The rules of a valid year (RULES.md section 7), each on a year built in memory: exact message, at the field it is about."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone
from decimal import Decimal as D

import pytest

from mtcl.core.checks import (YearData, changes_have_a_base, kinds_fit, line_warnings, milestones_rise, periods_fit,
                              plans_fit, records_fit_their_targets, shares_fit, sums_add_up)
from mtcl.core.errors import Source
from mtcl.core.figures import FigureRecord
from mtcl.core.models import Target
from tests.core.test_checks import year_of
from tests.test_attainment import rec, target

# The keys a problem may point at; in the year built here, target i's key k stands on line 100 × (i + 1) + k.
FIELDS = ("id", "plan", "op", "unit", "kind", "items", "scale", "above_100", "change", "base", "milestones", "every",
          "by", "share_of", "near_from", "sum_of", "parent")
SCALE = ["Khá", "Tốt"]
AT_RECORDED = datetime(2023, 7, 1, tzinfo=timezone.utc)


def located(*targets: Target, records=()) -> YearData:
    """A year of ``targets`` whose objectives.yaml knows the line of each target and of each of its keys."""
    year = year_of(targets, records=records)
    positions = {}
    for i, entry in enumerate(year.objectives.targets):
        entry._path = ("objectives", 0, "targets", i)
        positions[entry._path] = (100 * (i + 1), 7)
        for k, key in enumerate(FIELDS, 1):
            positions[entry._path + (key,)] = (100 * (i + 1) + k, 9)
    year.objectives_source = Source("objectives.yaml", positions)
    return year


def found(rule, *targets: Target) -> list[tuple[str, str, str]]:
    """What ``rule`` finds in a year of ``targets``: (target id, key pointed at, message)."""
    year = located(*targets)
    ids = [t.id for t in year.objectives.targets]
    out = []
    for error in rule(year):
        assert error.file == "objectives.yaml"
        index, key = divmod(error.line, 100)
        out.append((ids[index - 1], FIELDS[key - 1] if key else "", error.message))
    return out


def rating(id="r", plan="Tốt", scale=SCALE, **extra) -> Target:
    return Target(id=id, name="Xếp loại", kind="rating", scale=scale, plan=plan, **extra)


def judged(id="j", **extra) -> Target:
    return Target(id=id, name="Tự đánh giá", kind="judged", **extra)


def reference(id="R", unit="tỷ đồng", **extra) -> Target:
    return Target(id=id, name="Dự toán", kind="reference", unit=unit, **extra)


NEGATIVE = ("kế hoạch -1 là số âm; chỉ tiêu cần giảm thì ghi op: '<=' (không quá) hoặc '<' (dưới) với kế hoạch dương, "
            "hoặc change: percent với kế hoạch là phần trăm giảm (số âm)")
EVERY = ("every (mỗi tháng, quý, nửa năm) chỉ dùng cho chỉ tiêu lũy kế (cumulative) có kế hoạch là một số, không cùng "
         "milestones, change, share_of hay by")
SUM = "chỉ tiêu tổng (sum_of) và các thành phần phải có kế hoạch là một số, không là khoảng hay mức tăng"
NOT_A_REFERENCE = "share_of '{}' phải là mã của một chỉ tiêu loại reference (số tham chiếu)"


# -- sum_of -----------------------------------------------------------------------------------------------------

def test_a_sum_of_a_grade_is_refused():
    whole = target(id="s", plan="10", kind="cumulative", unit="tấn", sum_of=["a", "r"])
    assert found(sums_add_up, whole, target(id="a", plan="10", kind="cumulative", unit="tấn"), rating()) == [
        ("s", "sum_of", SUM)]


def test_a_sum_of_a_share_is_refused():
    whole = target(id="s", plan="10", kind="cumulative", unit="tỷ đồng", sum_of=["a", "b"])
    parts = [target(id="a", plan="5", kind="cumulative", unit="tỷ đồng"),
             target(id="b", plan="5", kind="cumulative", unit="tỷ đồng", share_of="R")]
    assert found(sums_add_up, whole, *parts, reference()) == [("s", "sum_of", SUM)]


# -- What each kind needs ---------------------------------------------------------------------------------------

CHECKLIST = "chỉ tiêu checklist đếm tiêu chí đạt: op '>=', không dùng khoảng, change, signed hay every"


@pytest.mark.parametrize("extra", [dict(op=">"), dict(plan=["1", "2"]), dict(every="quarter")])
def test_a_checklist_counts_at_least_a_whole_number(extra):
    fields = dict(id="c", plan="2", kind="checklist", unit="tiêu chí", items=["A", "B"]) | extra
    assert found(kinds_fit, target(**fields)) == [("c", "kind", CHECKLIST)]


def test_a_ratio_never_goes_above_100():
    assert found(kinds_fit, target(id="t", plan="90", above_100=True)) == [
        ("t", "kind", "chỉ tiêu tỷ lệ (ratio) không dùng change, signed hay above_100"),
        ("t", "above_100", "above_100 chỉ dùng cho chỉ tiêu mức (level) hoặc lũy kế (cumulative) tính bằng %")]


@pytest.mark.parametrize(("kind", "unit", "refused"), [("level", "%", False), ("cumulative", "%", False),
                                                       ("level", "tấn", True)])
def test_above_100_is_for_a_level_or_a_running_total_in_percent(kind, unit, refused):
    message = "above_100 chỉ dùng cho chỉ tiêu mức (level) hoặc lũy kế (cumulative) tính bằng %"
    assert found(kinds_fit, target(id="t", plan="90", kind=kind, unit=unit, above_100=True)) == (
        [("t", "above_100", message)] if refused else [])


def test_a_grade_has_no_change():
    assert found(kinds_fit, rating(change="percent")) == [
        ("r", "change", "chỉ tiêu xếp loại (rating) không dùng change")]


def test_a_judgement_names_every_key_it_cannot_have_at_the_first():
    assert found(kinds_fit, judged(by=2025, share_of="R"), reference()) == [
        ("j", "by", "chỉ tiêu tự đánh giá (judged) không dùng by, share_of")]


def test_a_reference_has_no_sum():
    assert found(kinds_fit, reference(sum_of=["R1", "R2"]), reference("R1"), reference("R2")) == [
        ("R", "sum_of", "chỉ tiêu số tham chiếu (reference) không dùng sum_of")]


def test_only_a_rating_has_a_scale():
    assert found(kinds_fit, target(id="t", plan="90", kind="level", scale=SCALE)) == [
        ("t", "scale", "chỉ chỉ tiêu xếp loại (rating) mới có thang xếp loại (scale)")]


@pytest.mark.parametrize("scale", [["Tốt"], ["Khá", "Tốt", "Khá"]])
def test_a_scale_has_two_different_grades_or_more(scale):
    assert found(kinds_fit, rating(scale=scale)) == [
        ("r", "scale", "chỉ tiêu xếp loại (rating) cần thang (scale) có ít nhất hai mức khác nhau, từ thấp đến cao")]


def test_a_ratings_plan_is_a_grade_of_its_scale():
    assert found(kinds_fit, rating(plan="Xuất sắc")) == [
        ("r", "plan", "kế hoạch 'Xuất sắc' không có trong thang xếp loại (Khá, Tốt)")]
    assert found(kinds_fit, rating()) == []


# -- What each plan is ------------------------------------------------------------------------------------------

def test_a_judgement_or_a_reference_has_no_plan_nor_op():
    assert found(plans_fit, judged(plan=D("5"))) == [
        ("j", "plan", "chỉ tiêu tự đánh giá (judged) không có kế hoạch (plan) hay so sánh (op)")]
    assert found(plans_fit, judged(plan=D("5"), op=">=")) == [
        ("j", "plan", "chỉ tiêu tự đánh giá (judged) không có kế hoạch (plan) hay so sánh (op)")]
    assert found(plans_fit, reference(op=">=")) == [
        ("R", "op", "chỉ tiêu số tham chiếu (reference) không có kế hoạch (plan) hay so sánh (op)")]
    assert found(plans_fit, judged(), reference()) == []


def test_a_ratings_plan_is_a_grade_compared_at_least():
    assert found(plans_fit, rating(plan=D("3"))) == [
        ("r", "plan", "chỉ tiêu xếp loại (rating) ghi kế hoạch là một mức của thang (scale), ví dụ plan: Tốt")]
    assert found(plans_fit, rating(op=">")) == [
        ("r", "op", "chỉ tiêu xếp loại (rating) chỉ dùng op: '>=' (đạt mức này trở lên)")]
    assert found(plans_fit, rating(op=">=")) == []


def test_a_range_is_not_strictly_below():
    assert found(plans_fit, target(id="t", plan=["1", "2"], op="<", kind="level", unit="vụ")) == [
        ("t", "op", "khoảng kế hoạch dùng op '>=', '<=' hoặc between, không phải '<'")]


@pytest.mark.parametrize("first", [judged(id="a"), reference(id="a"), rating(id="a"),
                                   target(id="a", plan="5", op="between", kind="level", unit="vụ")])
def test_every_plan_is_checked_after_a_target_the_rule_is_done_with(first):
    later = target(id="z", plan="-1", kind="level", unit="vụ")
    problems = found(plans_fit, first, later)
    assert problems[-1] == ("z", "plan", NEGATIVE)


def test_between_needs_a_range():
    assert found(plans_fit, target(id="t", plan="5", op="between", kind="level", unit="vụ")) == [
        ("t", "plan", "op: between cần kế hoạch là một khoảng [thấp, cao], thấp nhỏ hơn cao, ví dụ plan: [14, 15]")]


# -- A change and a share -----------------------------------------------------------------------------------------

def test_a_change_is_never_a_share():
    t = target(id="t", plan="8", kind="level", unit="tỷ đồng", change="percent", share_of="R")
    assert found(changes_have_a_base, t, reference()) == [("t", "change", "change và share_of không dùng cùng nhau")]


@pytest.mark.parametrize(("named", "message"), [
    ("zz", NOT_A_REFERENCE.format("zz")),
    ("L", NOT_A_REFERENCE.format("L")),
    ("K", "chỉ tiêu t và số tham chiếu K phải cùng đơn vị (tấn)"),
])
def test_a_share_names_a_reference_of_its_own_unit(named, message):
    others = [target(id="L", plan="5", kind="level", unit="tỷ đồng"), reference(), reference(id="K", unit="tấn")]
    share = target(id="t", plan="105", kind="level", unit="tỷ đồng", share_of=named)
    assert found(shares_fit, target(id="a", plan="5", kind="level", unit="vụ"), share, *others) == [
        ("t", "share_of", message)]
    good = target(id="g", plan="105", kind="level", unit="tỷ đồng", share_of="R")
    assert found(shares_fit, good, share, *others) == [("t", "share_of", message)]


# -- A plan for each period, a plan for a later year ------------------------------------------------------------

@pytest.mark.parametrize("extra", [dict(kind="level"), dict(plan=["1", "2"]), dict(milestones={"q1": D("1")}),
                                   dict(change="percent", base=D("10")), dict(share_of="R"), dict(by=2025)])
def test_a_plan_for_each_period_is_a_plain_running_total(extra):
    fields = dict(id="t", plan="1", kind="cumulative", unit="tỷ đồng", every="quarter") | extra
    assert found(periods_fit, target(**fields), reference()) == [("t", "every", EVERY)]
    assert found(periods_fit, target(id="t", plan="1", kind="cumulative", unit="tỷ đồng", every="quarter")) == []


@pytest.mark.parametrize(("by", "refused"), [(2022, True), (2023, False), (2033, False), (2034, True)])
def test_a_later_year_is_within_ten_years(by, refused):
    t = target(id="t", plan="10", kind="cumulative", unit="km", by=by)
    assert found(periods_fit, t) == ([("t", "by", f"năm phải đạt (by) {by} phải từ 2023 đến 2033")] if refused else [])


# -- Milestones -----------------------------------------------------------------------------------------------------

def test_milestones_are_checked_on_after_a_change_without_its_base():
    unknown = target(id="a", plan="8", kind="cumulative", unit="tấn", change="percent", milestones={"q1": D("1")})
    over = target(id="b", plan="100", kind="cumulative", unit="tấn", milestones={"q1": D("200")})
    assert found(milestones_rise, unknown, over) == [
        ("a", "milestones", "mốc của chỉ tiêu tính mức tăng ghi bằng đơn vị của số liệu; cần base (số năm trước) để "
                            "kiểm tra các mốc"),
        ("b", "milestones", "mốc q1 (200) phải nằm trong kế hoạch năm (từ 0 đến 100)")]


def grown(base: str, plan: str, marks: dict[str, str], change: str = "percent") -> Target:
    return target(id="t", plan=plan, kind="cumulative", unit="tấn", change=change, base=D(base),
                  milestones={key: D(value) for key, value in marks.items()})


def like_percentages(listed: str, top: str) -> list[tuple[str, str, str]]:
    return [("t", "milestones", f"các mốc ({listed}) nhỏ như phần trăm trong khi kế hoạch năm là {top} tấn: mốc ghi "
                                f"bằng đơn vị của số liệu (tấn), số phải đạt đến hết kỳ")]


@pytest.mark.parametrize(("grown_target", "expected"), [
    # a goal of 100 or less is itself like a percentage: its milestones are never taken for one
    (grown("50", "8", {"q1": "1", "h1": "2"}), []),
    (grown("80", "25", {"q1": "1", "h1": "2"}), []),
    (grown("100", "1", {"q1": "1", "h1": "2"}, change="points"), like_percentages("1, 2", "101")),
    # a milestone above 100 is no percentage; one of 100 may be
    (grown("1000", "17", {"q1": "4", "h1": "100"}), like_percentages("4, 100", "1170")),
    (grown("1000", "17", {"q1": "4", "h1": "101"}), []),
    # the last milestone decides: 100 by 30/11 is a quarter or more of 400 × 334/365 = 366
    (grown("320", "25", {"q1": "4", "h1": "8", "m11": "100"}), []),
    (grown("320", "25", {"q1": "4", "h1": "8", "m11": "80"}), like_percentages("4, 8, 80", "400")),
    # exactly a quarter of where the year's share puts it (365 × 181/365 = 181 = 4 × 45,25) is a figure
    (grown("292", "25", {"q1": "4", "h1": "45.25"}), []),
    (grown("292", "25", {"q1": "4", "h1": "45.24"}), like_percentages("4, 45.24", "365")),
])
def test_milestones_that_read_as_the_plans_percentages(grown_target, expected):
    assert found(milestones_rise, grown_target) == expected


# -- The figures stored -------------------------------------------------------------------------------------------

def record_problems(targets, records) -> list[tuple[int, str]]:
    return [(e.line, e.message) for e in records_fit_their_targets(year_of(targets, records=records))]


def test_a_stored_grade_is_on_the_targets_scale():
    grade = FigureRecord(target="r", as_of=date(2023, 6, 30), grade="Kém", by="x", recorded_at=AT_RECORDED)
    assert record_problems([rating()], [grade]) == [
        (1, "mức 'Kém' không có trong thang xếp loại của chỉ tiêu r (Khá, Tốt)")]


def test_a_stored_line_has_the_form_its_targets_kind_asks_for():
    verdict = FigureRecord(target="t", as_of=date(2023, 6, 30), met=True, by="x", recorded_at=AT_RECORDED)
    assert record_problems([rating(), target(id="t", kind="level")], [rec("r", value="5"), verdict]) == [
        (1, "bản ghi ghi một số liệu (value), nhưng chỉ tiêu r cần một mức xếp loại (grade)"),
        (2, "bản ghi ghi một đánh giá đạt, chưa đạt (met), nhưng chỉ tiêu t cần một số liệu (value)")]


def warnings_of(targets, records) -> list[tuple[str, int, str]]:
    return [(e.file, e.line, e.message) for e in line_warnings(year_of(targets, records=records))]


def test_a_stored_percentage_of_a_whole_above_100_is_warned_of():
    over = dataclasses.replace(rec("t", value="100.5"), ref="SL-AAAAAAAA")
    assert warnings_of([target(id="t", kind="level")], [rec("t", value="100"), over]) == [
        ("records.jsonl", 2, "tỷ lệ 100.5% của chỉ tiêu t vượt quá 100% (rút bằng mtcl void SL-AAAAAAAA, hoặc ghi "
                             "above_100: true nếu chỉ tiêu có thể trên 100%)")]


def test_no_warning_for_a_figure_that_may_pass_100():
    records = [rec("t", value="50"), rec("g", value="150"), rec("c", value="150", of="200"), rec("x", value="150"),
               rec("n", value="150")]
    targets = [target(id="t", kind="level"), target(id="g", kind="level", above_100=True), target(id="c"),
               target(id="n", plan="100", kind="level", unit="tấn")]
    assert warnings_of(targets, records) == []


def test_a_share_is_a_plain_number():
    share = target(id="s", plan=["100", "105"], op=">=", kind="level", unit="tỷ đồng", share_of="R")
    year = located(share, reference())
    problems = [e for rule in (plans_fit, shares_fit, changes_have_a_base, kinds_fit) for e in rule(year)]
    assert problems != []
