"""More edges of the attainment rules (RULES.md sections 3 to 6): each test pins a rule where it turns."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal as D

import pytest

from mtcl.core.attainment import (Actual, LastYear, RecordIndex, _change, attainment, exceeded, figure_at, judge)
from mtcl.core.figures import FigureRecord
from mtcl.core.goals import goal
from mtcl.core.models import Target
from tests.test_attainment import one, rec, target

SCALE = ["Không hoàn thành", "Hoàn thành", "Hoàn thành tốt", "Hoàn thành xuất sắc"]
AT = datetime(2023, 7, 1, tzinfo=timezone.utc)


def said(target_id: str, as_of: date, grade: str | None = None, met: bool | None = None,
         estimated: bool = False) -> FigureRecord:
    """A rating's grade or a judged target's verdict, as recorded."""
    return FigureRecord(target=target_id, as_of=as_of, grade=grade, met=met, estimated=estimated, by="test",
                        recorded_at=AT)


def rating(plan: str = "Hoàn thành tốt") -> Target:
    return Target(id="r", name="Xếp loại", kind="rating", scale=SCALE, plan=plan)


def judged() -> Target:
    return Target(id="j", name="Tự đánh giá", kind="judged")


def reference(id: str = "R", **extra) -> Target:
    return Target(id=id, name="Dự toán thu", kind="reference", unit="tỷ đồng", **extra)


def quarterly(plan: str = "5", **extra) -> Target:
    return target(plan=plan, kind="cumulative", unit="cuộc", every="quarter", **extra)


def seen(t: Target, value: str, figure_date: date, on: date):
    """The verdict on ``value`` dated ``figure_date`` seen on ``on``."""
    return judge(t, Actual(D(value), figure_date, False, ()), on, goal(t))


# -- Section 3: the record that counts ----------------------------------------------------------------------------

def test_the_record_that_counts_may_be_an_estimate_unless_only_actuals_are_asked_for():
    estimate = rec(value="5", as_of=date(2023, 6, 30), estimated=True)
    index = RecordIndex([estimate])
    assert index.current("t", date(2023, 6, 30)) is estimate
    assert index.current("t", date(2023, 6, 30), actual_only=True) is None


def test_a_period_holds_a_record_dated_on_its_first_or_its_last_day():
    plan = quarterly(plan="1")
    first_day = [rec(value="1", as_of=date(2023, 3, 31)), rec(value="2", as_of=date(2023, 4, 1))]
    assert one(plan, first_day, as_of=date(2023, 6, 30)).status == "on_track"
    last_day = [rec(value="1", as_of=date(2023, 3, 31)), rec(value="2", as_of=date(2023, 6, 30))]
    assert one(plan, last_day, as_of=date(2023, 6, 30)).status == "on_track"
    nothing_in_q2 = [rec(value="1", as_of=date(2023, 3, 31))]
    assert one(plan, nothing_in_q2, as_of=date(2023, 6, 30)).reason == "period"


def test_the_actual_figure_of_a_sum_adds_its_parts_actual_figures():
    whole = target(id="s", plan="10", kind="cumulative", unit="tấn", sum_of=["p1", "p2"])
    parts = {t.id: t for t in (whole, target(id="p1", plan="5", kind="cumulative", unit="tấn"),
                               target(id="p2", plan="5", kind="cumulative", unit="tấn"))}
    index = RecordIndex([rec("p1", as_of=date(2023, 5, 31), value="2"),
                         rec("p1", as_of=date(2023, 6, 30), value="3", estimated=True),
                         rec("p2", as_of=date(2023, 6, 30), value="4")])
    counted = figure_at(whole, parts, index, date(2023, 6, 30))
    actual = figure_at(whole, parts, index, date(2023, 6, 30), actual_only=True)
    assert (counted.actual, counted.estimated, counted.since) == (D("7"), True, date(2023, 6, 30))
    assert (actual.actual, actual.estimated, actual.since) == (D("6"), False, date(2023, 5, 31))


def test_an_estimated_sum_reports_the_actual_sum_it_grows_from():
    whole = target(id="s", plan="10", kind="cumulative", unit="tấn", sum_of=["p1", "p2"])
    parts = [target(id="p1", plan="5", kind="cumulative", unit="tấn"),
             target(id="p2", plan="5", kind="cumulative", unit="tấn")]
    records = [rec("p1", as_of=date(2023, 5, 31), value="2"),
               rec("p1", as_of=date(2023, 6, 30), value="3", estimated=True),
               rec("p2", as_of=date(2023, 6, 30), value="4")]
    e = one(whole, records, as_of=date(2023, 6, 30), others=parts)
    assert (e.actual, e.reported.actual, e.reported.since) == (D("7"), D("6"), date(2023, 5, 31))


def test_the_actual_figure_of_a_checklist_counts_only_the_items_actually_recorded():
    t = target(id="c", plan="2", kind="checklist", unit="tiêu chí", items=["A", "B"])
    index = RecordIndex([rec("c", as_of=date(2023, 3, 1), item="A", met=False),
                         rec("c", as_of=date(2023, 4, 1), item="B", met=True),
                         rec("c", as_of=date(2023, 5, 1), item="A", met=True, estimated=True)])
    counted = figure_at(t, {"c": t}, index, date(2023, 6, 1))
    actual = figure_at(t, {"c": t}, index, date(2023, 6, 1), actual_only=True)
    assert (counted.actual, counted.as_of, counted.estimated) == (D("2"), date(2023, 5, 1), True)
    assert (actual.actual, actual.as_of, actual.estimated) == (D("1"), date(2023, 4, 1), False)


def test_an_estimated_checklist_reports_the_count_actually_recorded():
    t = target(id="c", plan="2", kind="checklist", unit="tiêu chí", items=["A", "B"])
    records = [rec("c", as_of=date(2023, 3, 1), item="A", met=False),
               rec("c", as_of=date(2023, 4, 1), item="B", met=True),
               rec("c", as_of=date(2023, 5, 1), item="A", met=True, estimated=True)]
    e = one(t, records, as_of=date(2023, 6, 1))
    assert (e.actual, e.reported.actual, e.reported.as_of) == (D("2"), D("1"), date(2023, 4, 1))


# -- Section 3 and rule 3: ratings and judged targets -------------------------------------------------------------

def test_a_grade_is_its_place_on_the_scale_and_is_met_at_the_grade_aimed_at():
    e = one(rating(), [said("r", date(2023, 11, 30), grade="Hoàn thành tốt")])
    assert (e.actual, e.status) == (D("2"), "met")
    e = one(rating(), [said("r", date(2023, 11, 30), grade="Hoàn thành")])
    assert (e.actual, e.status) == (D("1"), "not_met")


def test_a_grade_off_the_scale_stands_below_its_lowest_grade():
    e = one(rating(plan="Không hoàn thành"), [said("r", date(2023, 11, 30), grade="Kém")])
    assert (e.actual, e.status) == (D("-1"), "not_met")


def test_a_judged_target_counts_one_when_met_and_zero_when_not():
    e = one(judged(), [said("j", date(2023, 11, 30), met=True)])
    assert (e.actual, e.status) == (D("1"), "met")
    e = one(judged(), [said("j", date(2023, 11, 30), met=False)])
    assert (e.actual, e.status) == (D("0"), "not_met")


def test_a_grade_or_a_judgement_has_no_goal_and_is_never_stale():
    e = one(rating(), [said("r", date(2023, 1, 2), grade="Hoàn thành tốt")])
    assert (e.goal, e.stale, e.attainment) == (None, False, None)
    e = one(judged(), [said("j", date(2023, 1, 2), met=True)])
    assert (e.goal, e.stale, e.attainment) == (None, False, None)


def test_an_estimated_grade_reports_no_actual_figure_behind_it():
    e = one(rating(), [said("r", date(2023, 3, 1), grade="Hoàn thành"),
                       said("r", date(2023, 6, 1), grade="Hoàn thành tốt", estimated=True)], as_of=date(2023, 6, 30))
    assert (e.status, e.figure.estimated, e.reported) == ("met", True, None)


# -- Section 4: goals, with a base or a reference -----------------------------------------------------------------

def test_a_target_without_a_figure_still_shows_its_goal():
    e = one(target(plan="98"), [])
    assert (e.status, e.goal, e.reason) == ("no_data", (D("98"), D("98")), None)


def test_a_share_without_its_own_figure_still_shows_the_reference_and_the_goal():
    t = target(plan="105", kind="level", unit="tỷ đồng", share_of="R")
    e = one(t, [rec("R", value="200")], others=[reference()])
    assert (e.status, e.reference, e.goal) == ("no_data", D("200"), (D("210"), D("210")))


def test_a_share_without_its_reference_figure_has_no_verdict_for_that_reason():
    t = target(plan="105", kind="level", unit="tỷ đồng", share_of="R")
    e = one(t, [rec(value="300")], others=[reference()])
    assert (e.status, e.reason, e.goal, e.actual) == ("no_data", "reference", None, D("300"))


def test_a_change_without_its_base_has_no_verdict_for_that_reason():
    e = one(target(plan="8", kind="level", unit="tỷ đồng", change="percent"), [rec(value="300")])
    assert (e.status, e.reason) == ("no_data", "base")


def test_a_share_of_a_sum_of_references_is_a_share_of_their_total():
    t = target(plan="105", kind="level", unit="tỷ đồng", share_of="R")
    whole = reference(sum_of=["R1", "R2"])
    e = one(t, [rec("R1", value="120"), rec("R2", value="80"), rec(value="220")],
            others=[whole, reference("R1"), reference("R2")])
    assert (e.reference, e.goal, e.status) == (D("200"), (D("210"), D("210")), "met")


def test_the_evaluation_carries_the_goal_it_was_judged_against():
    e = one(target(plan=["14", "15"], op=">=", kind="level"), [rec(value="14.5")])
    assert (e.goal, e.status, e.exceeded) == ((D("14"), D("15")), "met", False)


# -- Rule 6: the near band of a share is the share itself ---------------------------------------------------------

@pytest.mark.parametrize(("value", "status"), [("204", "near"), ("200", "near"), ("199.8", "not_met"),
                                               ("210", "met")])
def test_a_share_is_near_when_its_share_of_the_reference_reaches_the_band(value, status):
    # 105 % of 200 is 210; the band from 100 % is 200: 204 is 102 %, 199,8 is 99,9 %.
    t = target(plan="105", kind="level", unit="tỷ đồng", share_of="R", near_from=D("100"))
    e = one(t, [rec("R", value="200"), rec(value=value)], others=[reference()])
    assert e.status == status


# -- Rule 7: a ceiling judged on its pace -------------------------------------------------------------------------

def test_a_ceiling_range_is_past_its_cap_only_above_its_top():
    t = target(plan=["10", "20"], op="<=", kind="cumulative", unit="vụ")
    # at most 20, aiming at 10: the pace leads to 20; 30/12 is day 364: 20 × 364/365 = 19,95 allowed
    assert seen(t, "15", date(2023, 12, 30), date(2023, 12, 30)).status == "on_track"
    assert seen(t, "20.01", date(2023, 12, 30), date(2023, 12, 30)).status == "not_met"
    # 30/06 is day 181: 20 × 181/365 = 9,92 allowed, so 11 is over the pace, not past the cap
    assert seen(t, "11", date(2023, 6, 30), date(2023, 6, 30)).status == "over_pace"


def test_the_pace_verdict_says_where_the_figure_should_stand():
    floor = target(plan="365", kind="cumulative", unit="tấn")
    ceiling = target(plan="365", op="<=", kind="cumulative", unit="vụ")
    behind = seen(floor, "9", date(2023, 1, 10), date(2023, 1, 10))
    assert (behind.status, behind.expected) == ("behind", D("10"))
    ahead = seen(floor, "11", date(2023, 1, 10), date(2023, 1, 10))
    assert (ahead.status, ahead.expected) == ("on_track", D("10"))
    under = seen(ceiling, "5", date(2023, 1, 10), date(2023, 1, 10))
    assert (under.status, under.expected) == ("on_track", D("10"))
    over = seen(ceiling, "11", date(2023, 1, 10), date(2023, 1, 10))
    assert (over.status, over.expected) == ("over_pace", D("10"))


def test_the_evaluation_carries_the_expected_figure_of_the_pace():
    e = one(target(plan="365", kind="cumulative", unit="tấn"), [rec(as_of=date(2023, 1, 10), value="9")],
            as_of=date(2023, 1, 10))
    assert (e.status, e.expected) == ("behind", D("10"))
    e = one(target(plan="365", op="<=", kind="cumulative", unit="vụ"), [rec(as_of=date(2023, 1, 10), value="11")],
            as_of=date(2023, 1, 10))
    assert (e.status, e.expected) == ("over_pace", D("10"))


# -- Rule 5: a plan for each period -------------------------------------------------------------------------------

def test_a_record_on_the_first_day_of_the_year_reports_the_first_period():
    e = one(quarterly(), [rec(as_of=date(2023, 1, 1), value="5")], as_of=date(2023, 3, 31))
    assert (e.status, e.reason) == ("on_track", None)


def test_a_record_on_the_first_day_of_a_period_reports_that_period():
    records = [rec(as_of=date(2023, 3, 31), value="5"), rec(as_of=date(2023, 4, 1), value="10")]
    e = one(quarterly(), records, as_of=date(2023, 6, 30))
    assert (e.status, e.missed) == ("on_track", ())


def test_a_record_on_the_last_day_of_a_period_does_not_report_the_next_one():
    e = one(quarterly(), [rec(as_of=date(2023, 3, 31), value="5")], as_of=date(2023, 6, 30))
    assert (e.status, e.reason, e.missed) == ("no_data", "period", ())


def test_an_unreported_first_period_leaves_the_whole_figure_to_the_next():
    # no figure in the first quarter: the second quarter's amount is its year-to-date 5, from 0
    e = one(quarterly(), [rec(as_of=date(2023, 5, 15), value="5")], as_of=date(2023, 6, 30))
    assert (e.status, e.reason, e.missed) == ("no_data", "period", ())


def test_a_period_whose_amount_misses_the_plan_is_named_in_the_verdict():
    records = [rec(as_of=date(2023, 3, 31), value="5"), rec(as_of=date(2023, 6, 30), value="8"),
               rec(as_of=date(2023, 9, 30), value="13")]
    e = one(quarterly(), records, as_of=date(2023, 9, 30))
    assert (e.status, e.missed, e.reason) == ("not_met", (date(2023, 6, 30),), None)
    records.append(rec(as_of=date(2023, 12, 31), value="16"))
    e = one(quarterly(), records, as_of=date(2023, 12, 31))
    assert (e.status, e.missed) == ("not_met", (date(2023, 6, 30), date(2023, 12, 31)))


def test_a_missed_period_outweighs_an_unreported_one():
    records = [rec(as_of=date(2023, 3, 31), value="4")]
    e = one(quarterly(), records, as_of=date(2023, 6, 30))
    assert (e.status, e.missed, e.reason) == ("not_met", (date(2023, 3, 31),), None)


def test_every_period_met_is_met_at_year_end_and_on_track_before():
    records = [rec(as_of=date(2023, month, day), value=value)
               for month, day, value in ((3, 31, "5"), (6, 30, "10"), (9, 30, "15"), (12, 31, "20"))]
    assert one(quarterly(), records, as_of=date(2023, 9, 30)).status == "on_track"
    e = one(quarterly(), records, as_of=date(2023, 12, 31))
    assert (e.status, e.attainment, e.expected) == ("met", None, None)  # a year's total is no share of a quarter's plan


def test_a_sum_with_a_plan_for_each_period_is_figured_from_its_parts():
    whole = quarterly(plan="4", id="s", sum_of=["a", "b"])
    parts = [quarterly(plan="2", id="a"), quarterly(plan="2", id="b")]
    records = [rec("a", as_of=date(2023, 3, 31), value="2"), rec("b", as_of=date(2023, 3, 31), value="3")]
    e = one(whole, records, as_of=date(2023, 3, 31), others=parts)
    assert (e.actual, e.figure.since) == (D("5"), date(2023, 3, 31))


def test_a_sum_with_a_plan_for_each_period_is_reported_by_its_parts_records():
    whole = quarterly(plan="4", id="s", sum_of=["a", "b"])
    parts = [quarterly(plan="2", id="a"), quarterly(plan="2", id="b")]
    records = [rec("a", as_of=date(2023, 3, 31), value="2"), rec("b", as_of=date(2023, 3, 31), value="3")]
    assert one(whole, records, as_of=date(2023, 3, 31), others=parts).status == "on_track"


# -- Section 5 flags: exceeded --------------------------------------------------------------------------------------

def test_a_band_is_never_exceeded():
    band = target(plan=["14", "15"], op="between", kind="level")
    assert exceeded(band, D("13"), (D("14"), D("15"))) is False
    assert exceeded(band, D("16"), (D("14"), D("15"))) is False


@pytest.mark.parametrize(("value", "flag"), [("15", False), ("15.01", True), ("14", False)])
def test_a_floor_range_is_exceeded_only_above_its_top(value, flag):
    assert exceeded(target(plan=["14", "15"], op=">=", kind="level"), D(value), (D("14"), D("15"))) is flag


@pytest.mark.parametrize(("value", "flag"), [("14", False), ("13.99", True), ("16", False)])
def test_a_ceiling_range_is_exceeded_only_below_its_bottom(value, flag):
    assert exceeded(target(plan=["14", "15"], op="<=", kind="level"), D(value), (D("14"), D("15"))) is flag


def test_a_plain_plan_is_never_exceeded():
    assert exceeded(target(plan="14", kind="level"), D("99"), (D("14"), D("14"))) is False


# -- Section 6: attainment -----------------------------------------------------------------------------------------

def test_no_attainment_against_a_range_starting_at_zero():
    t = target(plan=["0", "10"], op=">=", kind="level", unit="lượt")
    assert attainment(t, D("5"), goal(t)) is None


@pytest.mark.parametrize(("actual", "share"), [("0", D("0")), ("0.5", D("12.5")), ("1", D("25"))])
def test_attainment_of_a_figure_from_zero_up(actual, share):
    t = target(plan="4", kind="level", unit="lượt")
    assert attainment(t, D(actual), goal(t)) == share


# -- Section 6: the change stated -----------------------------------------------------------------------------------

def test_a_running_change_in_points_is_stated_in_points_against_the_same_period():
    t = target(plan="2", kind="cumulative", unit="tấn", change="points", base=D("100"))
    history = LastYear({"t": target(plan="90", kind="cumulative", unit="tấn")},
                       RecordIndex([rec(as_of=date(2022, 6, 30), value="40")]))
    e = one(t, [rec(as_of=date(2023, 6, 30), value="50")], as_of=date(2023, 6, 30), previous=history)
    assert (e.change, e.change_basis) == (D("10"), "period")


def test_a_running_change_in_percent_is_stated_against_the_same_period():
    t = target(plan="2", kind="cumulative", unit="tấn", change="percent", base=D("100"))
    history = LastYear({"t": target(plan="90", kind="cumulative", unit="tấn")},
                       RecordIndex([rec(as_of=date(2022, 6, 30), value="40")]))
    e = one(t, [rec(as_of=date(2023, 6, 30), value="50")], as_of=date(2023, 6, 30), previous=history)
    assert (e.change, e.change_basis) == (D("25"), "period")


def test_a_levels_change_is_stated_against_last_year():
    e = one(target(plan="8", kind="level", unit="tỷ đồng", change="percent", base=D("100")),
            [rec(as_of=date(2023, 6, 30), value="110")], as_of=date(2023, 6, 30))
    assert (e.change, e.change_basis) == (D("10"), "year")


def test_a_target_without_a_change_states_none_even_given_a_base():
    figure = Actual(D("110"), date(2023, 6, 30), False, ())
    assert _change(target(plan="8", kind="level"), figure, date(2023, 6, 30), D("100"), None) == (None, None)


# -- The actual behind an estimate ---------------------------------------------------------------------------------

def test_an_estimate_of_the_same_day_as_the_actual_reports_no_older_actual():
    records = [rec(as_of=date(2023, 6, 30), value="5"), rec(as_of=date(2023, 6, 30), value="6", estimated=True)]
    e = one(target(kind="level"), records, as_of=date(2023, 6, 30))
    assert (e.actual, e.figure.estimated, e.reported) == (D("6"), True, None)


def test_an_estimate_reports_the_older_actual_it_grows_from():
    records = [rec(as_of=date(2023, 5, 31), value="5"), rec(as_of=date(2023, 6, 30), value="6", estimated=True)]
    e = one(target(kind="level"), records, as_of=date(2023, 6, 30))
    assert (e.actual, e.reported.actual, e.reported.as_of) == (D("6"), D("5"), date(2023, 5, 31))
