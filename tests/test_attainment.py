"""The attainment core on its own: values in, statuses out, no files."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal as D

import pytest

from mtcl.core.attainment import LastYear, RecordIndex, evaluate, count_statuses
from mtcl.core.figures import FigureRecord
from mtcl.core.models import Target


def target(id="t", plan="100", op=">=", kind="ratio", unit="%", **extra) -> Target:
    plan = [D(p) for p in plan] if isinstance(plan, list) else D(plan)
    return Target(id=id, name=id, unit=unit, plan=plan, op=op, kind=kind, **extra)


def rec(target_id="t", as_of=date(2023, 6, 30), value=None, of=None, item=None, met=None, estimated=False,
        at=datetime(2023, 7, 1, tzinfo=timezone.utc)) -> FigureRecord:
    return FigureRecord(target=target_id, as_of=as_of, value=None if value is None else D(value),
                        of=None if of is None else D(of), item=item, met=met, estimated=estimated,
                        by="test", recorded_at=at)


def one(t: Target, records, as_of=date(2023, 12, 31), others=(), previous=None):
    return evaluate([t, *others], RecordIndex(records), as_of, previous)[0]


def test_ratio_from_count_and_total():
    e = one(target(plan="98", op=">"), [rec(value="1240", of="1250")])
    assert e.actual == D("99.2") and e.status == "met"
    assert e.attainment == D("99.2") * 100 / 98


def test_strict_comparison_edge():
    assert one(target(plan="98", op=">"), [rec(value="98")]).status == "not_met"
    assert one(target(plan="98", op=">="), [rec(value="98")]).status == "met"


def test_near_band():
    t = target(plan="98", op=">", near_from=D("95"))
    assert one(t, [rec(value="96")]).status == "near"
    assert one(t, [rec(value="94")]).status == "not_met"
    low = target(plan="3.37", op="<=", kind="level", near_from=D("3.5"))
    assert one(low, [rec(value="3.4")]).status == "near"
    assert one(low, [rec(value="3.37")]).status == "met"


def test_less_or_equal_has_no_attainment():
    e = one(target(plan="3.37", op="<=", kind="level"), [rec(value="3.1")])
    assert e.status == "met" and e.attainment is None
    assert one(target(plan="0.9", op="<=", kind="level"), [rec(value="1.2")]).status == "not_met"


@pytest.mark.parametrize(
    "as_of, value, status",
    [
        (date(2023, 1, 1), "1", "on_track"),  # 1/365 of the year: 1% of plan is ahead
        (date(2023, 1, 1), "0.2", "behind"),
        (date(2023, 6, 30), "50", "on_track"),  # 181/365 = 49.6%
        (date(2023, 6, 30), "49", "behind"),
        (date(2023, 12, 30), "99.8", "on_track"),
        (date(2023, 12, 31), "99.8", "not_met"),  # the year is over: no more "on track"
        (date(2023, 12, 31), "100", "met"),
    ],
)
def test_elapsed_share_rule_for_cumulative_targets(as_of, value, status):
    t = target(kind="cumulative", unit="tấn")
    assert one(t, [rec(as_of=as_of, value=value)], as_of=as_of).status == status


def test_level_targets_are_not_prorated():
    t = target(plan="84.5", kind="level")
    assert one(t, [rec(as_of=date(2023, 3, 1), value="80")], as_of=date(2023, 3, 1)).status == "not_met"


def test_supersession_by_date():
    t = target(kind="cumulative", unit="tấn", plan="1000")
    early = rec(as_of=date(2023, 3, 31), value="300", at=datetime(2023, 4, 2, tzinfo=timezone.utc))
    later = rec(as_of=date(2023, 6, 30), value="600", at=datetime(2023, 7, 2, tzinfo=timezone.utc))
    fix = rec(as_of=date(2023, 3, 31), value="320", at=datetime(2023, 8, 1, tzinfo=timezone.utc))
    records = [later, early, fix]
    assert one(t, records, as_of=date(2023, 5, 1)).actual == D("320")  # the tie goes to the later line
    assert one(t, [later, fix, early], as_of=date(2023, 5, 1)).actual == D("300")  # whatever the clocks say
    assert one(t, records, as_of=date(2023, 7, 1)).actual == D("600")  # the fix does not reach past its date
    assert one(t, records, as_of=date(2023, 3, 30)).status == "no_data"


def test_estimated_flag_follows_the_counting_record():
    t = target(kind="cumulative", unit="tỷ đồng", plan="5.573")
    e = one(t, [rec(value="2.9", estimated=True)], as_of=date(2023, 6, 30))
    assert e.figure.estimated and e.figure.as_of == date(2023, 6, 30)


def test_sum_of_parts_and_missing_part():
    total = target(id="4e", plan="994", kind="cumulative", unit="tấn", sum_of=["4e1", "4e2"])
    parts = [target(id="4e1", plan="192", kind="cumulative", unit="tấn", parent="4e"),
             target(id="4e2", plan="802", kind="cumulative", unit="tấn", parent="4e")]
    only_one = [rec("4e1", value="100")]
    assert one(total, only_one, others=parts).status == "no_data"
    both = [*only_one, rec("4e2", value="900", estimated=True)]
    e = one(total, both, others=parts)
    assert e.actual == D("1000") and e.status == "met" and e.figure.estimated


def test_checklist_met_then_lost():
    t = target(id="4h", plan="3", kind="checklist", unit="tiêu chí", items=["Giao thông", "Trường học", "Thu nhập"])
    records = [rec("4h", as_of=date(2023, 3, 1), item="Giao thông", met=True),
               rec("4h", as_of=date(2023, 4, 1), item="Trường học", met=True),
               rec("4h", as_of=date(2023, 5, 1), item="Thu nhập", met=True),
               rec("4h", as_of=date(2023, 9, 1), item="Trường học", met=False)]
    assert one(t, records, as_of=date(2023, 6, 1)).status == "met"
    lost = one(t, records, as_of=date(2023, 12, 31))
    assert lost.actual == 2 and lost.status == "not_met"


def test_previous_year_same_day():
    t = target(kind="cumulative", unit="tỷ đồng", plan="5.573")
    last = target(kind="cumulative", unit="tỷ đồng", plan="5")
    history = LastYear({"t": last}, RecordIndex([rec(as_of=date(2022, 6, 30), value="2.5"),
                                                rec(as_of=date(2022, 9, 30), value="4")]))
    e = one(t, [rec(value="3")], as_of=date(2023, 6, 30), previous=history)
    assert e.previous.actual == D("2.5") and e.previous.ratio == D("120")
    assert one(t, [rec(value="3")], as_of=date(2023, 6, 30)).previous is None


def test_summary_counts_every_status():
    targets = [target(id="a"), target(id="b")]
    counts = count_statuses(evaluate(targets, RecordIndex([rec("a", value="100")]), date(2023, 12, 31)))
    assert counts["met"] == 1 and counts["no_data"] == 1 and counts["total"] == 2
