"""The edges of the attainment rules: each test a rule, at the value where it turns."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from mtcl.core.attainment import (Actual, LastYear, RecordIndex, attainment, count_statuses, evaluate, judge, off_range,
                                  satisfies)
from mtcl.core.goals import goal, measure
from tests.test_attainment import one, rec, target


def verdict(t, value: str, figure_date: date, on: date, base=None) -> str:
    """The status of ``value`` dated ``figure_date`` seen on ``on``."""
    return judge(t, Actual(D(value), figure_date, False, ()), on, goal(t, base), base).status


@pytest.mark.parametrize(("op", "value", "met"), [
    (">=", "10", True), (">=", "9.99", False),
    (">", "10.01", True), (">", "10", False),
    ("<=", "10", True), ("<=", "10.01", False),
    ("<", "9.99", True), ("<", "10", False),
])
def test_each_comparison_turns_at_the_plan(op, value, met):
    assert satisfies(D(value), op, D("10")) is met


@pytest.mark.parametrize(("value", "met"), [("14", True), ("15", True), ("13.99", False), ("15.01", False)])
def test_a_range_holds_both_its_ends(value, met):
    assert satisfies(D(value), "between", D("14"), D("15")) is met


@pytest.mark.parametrize(("op", "value", "met"), [("<=", "15", True), ("<=", "15.01", False), ("<", "14.99", True),
                                                    ("<", "15", False)])
def test_a_ceiling_with_a_range_is_its_top(op, value, met):
    assert satisfies(D(value), op, D("14"), D("15")) is met


def test_exactly_on_the_elapsed_share_is_on_track():
    t = target(plan="365", kind="cumulative", unit="tấn")
    day = date(2023, 1, 10)  # 10 of 365 days at the end of the day: 10 tấn expected
    assert one(t, [rec(as_of=day, value="10")], as_of=day).status == "on_track"
    assert one(t, [rec(as_of=day, value="9.99")], as_of=day).status == "behind"


def test_the_figure_is_judged_at_its_own_date_not_the_day_it_is_seen():
    t = target(plan="365", kind="cumulative", unit="tấn")
    assert verdict(t, "10", date(2023, 1, 10), date(2023, 2, 1)) == "on_track"
    assert verdict(t, "10", date(2023, 1, 11), date(2023, 1, 11)) == "behind"


def test_a_figure_older_than_the_three_months_says_nothing_of_the_pace():
    t = target(plan="365", kind="cumulative", unit="tấn")
    assert verdict(t, "100", date(2023, 4, 1), date(2023, 6, 30)) == "on_track"  # the quarter's first day
    assert verdict(t, "100", date(2023, 3, 31), date(2023, 6, 30)) == "no_data"  # the quarter before
    assert verdict(t, "200", date(2023, 5, 16), date(2023, 8, 15)) == "on_track"  # 15/08 → from 16/05
    assert verdict(t, "200", date(2023, 5, 15), date(2023, 8, 15)) == "no_data"
    assert verdict(t, "365", date(2023, 1, 1), date(2023, 8, 15)) == "met"  # met stays met, however old


def test_on_the_last_day_of_the_year_a_cumulative_target_is_met_or_not():
    t = target(plan="365", kind="cumulative", unit="tấn")
    assert verdict(t, "364", date(2023, 12, 30), date(2023, 12, 30)) == "on_track"
    assert verdict(t, "364", date(2023, 12, 30), date(2023, 12, 31)) == "not_met"


def test_a_cumulative_range_already_past_its_top_is_not_met():
    t = target(plan=["100", "120"], op="between", kind="cumulative", unit="tấn")
    assert verdict(t, "121", date(2023, 6, 30), date(2023, 6, 30)) == "not_met"
    assert verdict(t, "120", date(2023, 6, 30), date(2023, 6, 30)) == "met"
    assert verdict(t, "50", date(2023, 6, 30), date(2023, 6, 30)) == "on_track"  # 49,6 expected of the low end
    assert verdict(t, "49", date(2023, 6, 30), date(2023, 6, 30)) == "behind"


def test_a_cumulative_ceiling_is_judged_on_its_pace_and_is_near_only_at_the_end():
    t = target(plan="10", op="<=", kind="cumulative", unit="vụ", near_from=D("12"))
    assert verdict(t, "11", date(2023, 3, 1), date(2023, 3, 1)) == "not_met"  # already past the cap
    assert verdict(t, "2", date(2023, 3, 1), date(2023, 3, 1)) == "over_pace"  # 10 × 60/365 = 1,64 allowed
    assert verdict(t, "1", date(2023, 3, 1), date(2023, 3, 1)) == "on_track"
    assert verdict(t, "10", date(2023, 12, 31), date(2023, 12, 31)) == "met"
    assert verdict(t, "11", date(2023, 12, 31), date(2023, 12, 31)) == "near"


@pytest.mark.parametrize(("op", "plan", "near_from", "value", "status"), [
    (">=", "98", "95", "95", "near"), (">=", "98", "95", "94.99", "not_met"),
    ("<=", "3.37", "3.5", "3.5", "near"), ("<=", "3.37", "3.5", "3.51", "not_met"),
    (">", "98", "95", "95", "near"), ("<", "2", "3", "3", "near"),
])
def test_the_near_band_holds_its_edge(op, plan, near_from, value, status):
    t = target(plan=plan, op=op, kind="level", near_from=D(near_from))
    assert one(t, [rec(value=value)]).status == status


def test_without_a_band_a_miss_is_not_met():
    assert one(target(plan="98", kind="level"), [rec(value="97.99")]).status == "not_met"


@pytest.mark.parametrize(("plan", "expected"), [("0", None), ("1", D("500")), ("4", D("125"))])
def test_attainment_is_the_share_of_the_plan_and_none_for_a_plan_of_zero(plan, expected):
    t = target(plan=plan, unit="lượt", kind="level")
    assert attainment(t, D("5"), goal(t)) == expected


def test_no_attainment_for_a_ceiling_a_band_or_a_figure_below_zero():
    for t in (target(plan="3", op="<="), target(plan="3", op="<"), target(plan=["1", "3"], op="between")):
        assert attainment(t, D("2"), goal(t)) is None
    assert attainment(target(plan="3", op=">"), D("6"), (D("3"), D("3"))) == D("200")
    assert attainment(target(plan="3", op=">", signed=True), D("-1"), (D("3"), D("3"))) is None  # never '−33%'
    one_sided = target(plan=["14", "15"], op=">=", kind="level")
    assert attainment(one_sided, D("16.1"), goal(one_sided)) == D("115")  # against the low end: ≥ 100 is met


def change_target(**extra):
    return target(plan="8", unit="tỷ đồng", kind="level", change="percent", **extra)


def test_a_change_target_is_measured_by_its_change_on_the_base():
    t = change_target()
    assert measure(t, D("108"), D("100"), None) == D("8")
    assert measure(t, D("108"), None, None) == D("0")
    assert measure(t, D("108"), D("0"), None) == D("0")
    assert measure(target(plan="8"), D("108"), D("100"), None) == D("108")
    assert attainment(t, D("108"), goal(t, D("100"))) == D("100")
    assert attainment(t, D("108"), goal(t)) is None
    assert verdict(t, "108", date(2023, 12, 31), date(2023, 12, 31), D("100")) == "met"
    assert verdict(t, "107.99", date(2023, 12, 31), date(2023, 12, 31), D("100")) == "not_met"
    assert one(t, [rec(value="108")]).status == "no_data"  # no base: no goal


def test_a_change_target_without_its_base_keeps_the_figure_and_no_judgement():
    e = one(change_target(), [rec(value="108")])
    assert (e.status, e.actual, e.base, e.change, e.attainment, e.off_range) == ("no_data", D("108"), None, None, None,
                                                                                  None)
    e = one(change_target(base=D("100")), [rec(value="110")])
    assert (e.status, e.base, e.change, e.attainment) == ("met", D("100"), D("10"), D("110") * 100 / D("108"))


def test_a_change_target_from_last_years_folder():
    last = target(plan="100", unit="tỷ đồng", kind="level")
    history = LastYear({"t": last}, RecordIndex([rec(as_of=date(2022, 12, 31), value="50"),
                                                rec(as_of=date(2023, 1, 1), value="999")]))
    e = one(change_target(), [rec(value="54")], previous=history)
    assert (e.base, e.change, e.status) == (D("50"), D("8"), "met")
    assert one(change_target(), [], previous=history).base == D("50")  # shown even before a figure
    other = LastYear({"x": last}, history.index)
    assert one(change_target(), [rec(value="54")], previous=other).base is None


def test_a_range_missed_says_which_side():
    t = target(plan=["14", "15"], op="between", kind="level")
    assert off_range(t, D("13.99"), goal(t)) == "below"
    assert off_range(t, D("15.01"), goal(t)) == "above"
    assert off_range(t, D("14"), goal(t)) is None and off_range(t, D("15"), goal(t)) is None
    assert off_range(target(plan="14"), D("1"), (D("14"), D("14"))) is None
    assert one(t, [rec(value="16")]).off_range == "above"
    ranged_change = target(plan=["5", "10"], op="between", kind="level", change="percent", base=D("100"))
    assert one(ranged_change, [rec(value="104")]).off_range == "below"  # judged by the change, 4%
    assert one(target(plan=["5", "10"], op="between", kind="level", change="percent"), [rec(value="1")]).off_range is None


def test_last_years_figure_of_zero_gives_no_ratio():
    history = LastYear({"t": target()}, RecordIndex([rec(as_of=date(2022, 6, 30), value="0")]))
    e = one(target(), [rec(value="3")], as_of=date(2023, 6, 30), previous=history)
    assert (e.previous.actual, e.previous.as_of, e.previous.ratio) == (D("0"), date(2022, 6, 30), None)
    none_then = LastYear({"t": target()}, RecordIndex([rec(as_of=date(2022, 7, 1), value="5")]))
    assert one(target(), [rec(value="3")], as_of=date(2023, 6, 30), previous=none_then).previous is None


def test_a_checklist_counts_items_met_and_is_estimated_when_one_of_them_is():
    t = target(id="4h", plan="2", kind="checklist", unit="tiêu chí", items=["A", "B", "C"])
    records = [rec("4h", as_of=date(2023, 3, 1), item="A", met=True),
               rec("4h", as_of=date(2023, 4, 1), item="B", met=False, estimated=True),
               rec("4h", as_of=date(2023, 5, 1), item="Z", met=True)]  # an item the list does not have
    e = one(t, records, as_of=date(2023, 6, 1))  # 1 of 2 by 01/06: 2 × 152/365 = 0,83 expected on its way
    assert (e.actual, e.figure.as_of, e.figure.estimated, e.status) == (D("1"), date(2023, 4, 1), True, "on_track")
    assert one(t, records, as_of=date(2023, 12, 31)).status == "not_met"
    assert e.figure.records == tuple(records[:2]) and not e.stale  # a checklist is never stale
    plain = one(t, records[:1], as_of=date(2023, 6, 1))
    assert (plain.actual, plain.figure.estimated, plain.figure.as_of) == (D("1"), False, date(2023, 3, 1))
    assert one(t, records[2:], as_of=date(2023, 6, 1)).status == "no_data"


def test_a_sum_is_dated_by_its_latest_part_and_stale_by_its_oldest():
    total = target(id="s", plan="10", kind="cumulative", unit="tấn", sum_of=["p1", "p2"])
    parts = [target(id="p1", plan="5", kind="cumulative", unit="tấn"),
             target(id="p2", plan="5", kind="cumulative", unit="tấn")]
    records = [rec("p1", as_of=date(2023, 5, 1), value="2"), rec("p2", as_of=date(2023, 6, 30), value="3")]
    e = one(total, records, as_of=date(2023, 6, 30), others=parts)
    assert (e.actual, e.figure.as_of, e.figure.since, e.figure.estimated) == (D("5"), date(2023, 6, 30),
                                                                               date(2023, 5, 1), False)
    assert e.figure.records == tuple(records) and e.stale  # 60 days since the older part


@pytest.mark.parametrize(("days", "stale"), [(30, False), (31, True)])
def test_a_figure_older_than_thirty_days_is_stale(days, stale):
    day = date(2023, 5, 1)
    e = one(target(kind="level"), [rec(as_of=day, value="100")], as_of=date.fromordinal(day.toordinal() + days))
    assert e.stale is stale and e.figure.since == day


def test_a_computed_percentage_says_so():
    assert one(target(), [rec(value="1", of="2")]).figure.computed is True
    assert one(target(), [rec(value="50")]).figure.computed is False


def test_an_actual_without_parts_is_dated_by_itself():
    actual = Actual(D("1"), date(2023, 5, 1), False, ())
    assert actual.since == date(2023, 5, 1)


def test_a_range_between_its_ends_is_met():
    t = target(plan=["14", "15"], op="between", kind="level")
    assert one(t, [rec(value="14.5")]).status == "met"


def test_a_change_range_missed_above_is_judged_by_the_change():
    t = target(plan=["5", "10"], op="between", kind="level", change="percent", base=D("100"))
    assert one(t, [rec(value="111")]).off_range == "above"


def test_a_target_without_a_change_has_no_base_even_with_last_year():
    history = LastYear({"t": target()}, RecordIndex([rec(as_of=date(2022, 12, 31), value="50")]))
    e = one(target(), [rec(as_of=date(2023, 12, 31), value="54")], previous=history)
    assert (e.base, e.change) == (None, None) and e.previous.actual == D("50")


def test_last_year_without_a_figure_gives_no_base():
    history = LastYear({"t": target()}, RecordIndex([]))
    assert one(change_target(), [rec(value="54")], previous=history).base is None


NESTED = [target(id="s", plan="10", kind="cumulative", unit="tấn", sum_of=["a", "b"]),
          target(id="a", plan="5", kind="cumulative", unit="tấn", sum_of=["a1", "a2"]),
          target(id="a1", plan="2", kind="cumulative", unit="tấn"),
          target(id="a2", plan="3", kind="cumulative", unit="tấn"),
          target(id="b", plan="5", kind="cumulative", unit="tấn")]


def nested_records(year: int) -> list:
    return [rec(part, as_of=date(year, 6, 30), value=value) for part, value in (("a1", "1"), ("a2", "2"), ("b", "4"))]


def test_a_sum_of_sums_adds_every_part():
    e = one(NESTED[0], nested_records(2023), as_of=date(2023, 6, 30), others=NESTED[1:])
    assert e.actual == D("7") and len(e.figure.records) == 3


def test_last_years_sum_of_sums_gives_the_comparison_and_the_base():
    history = LastYear({t.id: t for t in NESTED}, RecordIndex(nested_records(2022)))
    total = target(id="s", plan="10", kind="cumulative", unit="tấn", sum_of=["a", "b"])
    e = one(total, nested_records(2023), as_of=date(2023, 6, 30), others=NESTED[1:], previous=history)
    assert (e.previous.actual, e.previous.ratio) == (D("7"), D("100"))
    grown = target(id="s", plan="10", kind="cumulative", unit="tấn", change="percent", sum_of=["a", "b"])
    history = LastYear({t.id: t for t in NESTED}, RecordIndex([*nested_records(2022)]))
    assert one(grown, nested_records(2023), as_of=date(2023, 12, 31), others=NESTED[1:], previous=history).base == D("7")


def test_the_summary_counts_each_status_as_often_as_it_comes():
    targets = [target(id="a"), target(id="b"), target(id="c")]
    counts = count_statuses(evaluate(targets, RecordIndex([rec("a", value="100"), rec("b", value="100")]), date(2023, 12, 31)))
    assert counts == {"met": 2, "near": 0, "on_track": 0, "behind": 0, "over_pace": 0, "not_met": 0, "in_progress": 0,
                      "no_data": 1, "total": 3}


def test_a_targets_records_in_supersession_order():
    records = [rec(as_of=date(2023, 6, 30), value="3"), rec("x", value="9"), rec(as_of=date(2023, 3, 31), value="1"),
               rec(as_of=date(2023, 6, 30), value="4")]
    assert RecordIndex(records).of("t") == [records[2], records[0], records[3]]
    assert RecordIndex(records).of("none") == []


def test_at_year_end_a_running_total_of_may_is_not_the_years_total():
    """The year report signed in late November is judged at 31/12: a running total last
    sent on 31/05 says nothing of the year (it was 'chưa đạt, thấp hơn kế hoạch 2,673 tỷ');
    what it has already reached stands, and a ceiling already passed is not met."""
    revenue = target(plan="5.573", op=">=", kind="cumulative", unit="tỷ đồng")
    assert verdict(revenue, "2.9", date(2023, 5, 31), date(2023, 12, 31)) == "no_data"
    assert verdict(revenue, "5.6", date(2023, 5, 31), date(2023, 12, 31)) == "met"  # reached by May
    assert verdict(revenue, "2.9", date(2023, 10, 15), date(2023, 12, 31)) == "not_met"  # inside the last quarter
    # A health centre's ceiling: 'số ca tai biến sản khoa không quá 2 ca'.
    accidents = target(plan="2", op="<=", kind="cumulative", unit="ca", near_from=D("3"))
    assert verdict(accidents, "1", date(2023, 6, 30), date(2023, 12, 31)) == "no_data"  # the year is not known
    assert verdict(accidents, "4", date(2023, 6, 30), date(2023, 12, 31)) == "not_met"  # already past it
    assert verdict(accidents, "3", date(2023, 12, 20), date(2023, 12, 31)) == "near"
    # A level is judged on its figure whatever its age (the stale mark says how old).
    poor = target(plan="3.37", op="<=", kind="level")
    assert verdict(poor, "3.1", date(2023, 5, 31), date(2023, 12, 31)) == "met"


def test_at_year_end_the_near_band_of_a_running_total_is_measured_as_its_plan_is():
    """A running total's near band in the plan's own unit: a growth on last year, a share of
    the estimate — for a goal and for a ceiling already passed."""
    growth = target(plan="10", op=">=", kind="cumulative", unit="tỷ đồng", change="percent", near_from=D("8"))
    assert verdict(growth, "109", date(2023, 12, 31), date(2023, 12, 31), base=D("100")) == "near"  # +9 %
    assert verdict(growth, "107", date(2023, 12, 31), date(2023, 12, 31), base=D("100")) == "not_met"  # +7 %
    fewer = target(plan="-10", op="<=", kind="cumulative", unit="vụ", change="percent", near_from=D("-5"))
    assert verdict(fewer, "93", date(2023, 12, 31), date(2023, 12, 31), base=D("100")) == "near"  # −7 %: past −10
    assert verdict(fewer, "97", date(2023, 12, 31), date(2023, 12, 31), base=D("100")) == "not_met"  # −3 %


def test_at_year_end_a_share_of_the_estimate_is_near_on_its_share():
    revenue = target(plan="105", op=">=", kind="cumulative", unit="triệu đồng", share_of="4x", near_from=D("100"))
    spending = target(plan="100", op="<=", kind="cumulative", unit="triệu đồng", share_of="4x", near_from=D("103"))
    def judged(t, value: str) -> str:  # of an estimate of 1.000, at year end
        on = date(2023, 12, 31)
        return judge(t, Actual(D(value), on, False, ()), on, goal(t, None, D("1000")), None, D("1000")).status

    assert judged(revenue, "1020") == "near" and judged(revenue, "990") == "not_met"  # 102 %, 99 %
    assert judged(spending, "1020") == "near" and judged(spending, "1050") == "not_met"  # 102 %, 105 %
