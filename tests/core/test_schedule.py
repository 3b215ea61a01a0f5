"""Plan occurrences, their windows, and each occurrence's state at a date."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal as D

import pytest

from mtcl.core.completions import Completion
from mtcl.core.models import Task
from mtcl.core.schedule import (
    DUE_SOON_DAYS,
    Occurrence,
    default_occurrence,
    find_occurrence,
    occurrence_label,
    occurrences,
    plan_summary,
    task_states,
)

AT = datetime(2023, 7, 1, 8, 0, tzinfo=timezone.utc)


def task(id="1", due=(), repeat=None) -> Task:
    return Task(id=id, work=f"Việc {id}", lead="VP-TK", timing="—", due=list(due), repeat=repeat)


def done(task_id, occurrence, on, at=AT) -> Completion:
    return Completion(task=task_id, occurrence=occurrence, done_on=on, evidence="Báo cáo", by="VP-TK",
                      recorded_at=at)


def windows(t: Task) -> list[tuple]:
    return [(o.key, o.due, o.start, o.end) for o in occurrences(t, 2023)]


def state(t: Task, completions=(), as_of=date(2023, 6, 30), horizon=DUE_SOON_DAYS):
    [only] = task_states([t], completions, 2023, as_of, horizon)
    return only


def test_listed_dates_are_occurrences_in_date_order_each_window_from_new_year_to_the_date():
    t = task(due=[date(2023, 6, 15), date(2023, 2, 28)])
    assert windows(t) == [("2023-02-28", date(2023, 2, 28), date(2023, 1, 1), date(2023, 2, 28)),
                          ("2023-06-15", date(2023, 6, 15), date(2023, 1, 1), date(2023, 6, 15))]


def test_quarterly_work_is_due_at_each_quarter_end_with_the_quarter_as_its_window():
    assert windows(task(repeat="quarterly")) == [
        ("2023-Q1", date(2023, 3, 31), date(2023, 1, 1), date(2023, 3, 31)),
        ("2023-Q2", date(2023, 6, 30), date(2023, 4, 1), date(2023, 6, 30)),
        ("2023-Q3", date(2023, 9, 30), date(2023, 7, 1), date(2023, 9, 30)),
        ("2023-Q4", date(2023, 12, 31), date(2023, 10, 1), date(2023, 12, 31)),
    ]


def test_continuous_work_has_quarter_windows_and_no_deadline():
    assert windows(task(repeat="continuous")) == [
        ("2023-Q1", None, date(2023, 1, 1), date(2023, 3, 31)),
        ("2023-Q2", None, date(2023, 4, 1), date(2023, 6, 30)),
        ("2023-Q3", None, date(2023, 7, 1), date(2023, 9, 30)),
        ("2023-Q4", None, date(2023, 10, 1), date(2023, 12, 31)),
    ]


def test_half_yearly_work_is_due_at_each_half_end():
    assert windows(task(repeat="half-yearly")) == [
        ("2023-H1", date(2023, 6, 30), date(2023, 1, 1), date(2023, 6, 30)),
        ("2023-H2", date(2023, 12, 31), date(2023, 7, 1), date(2023, 12, 31)),
    ]


def test_yearly_work_is_due_on_the_last_day_of_the_year():
    assert windows(task(repeat="yearly")) == [("2023", date(2023, 12, 31), date(2023, 1, 1), date(2023, 12, 31))]


def test_an_occurrence_is_found_by_its_key_in_any_case_or_by_its_date_the_vietnamese_way():
    quarterly, dated = task(repeat="quarterly"), task(due=[date(2023, 2, 28)])
    assert find_occurrence(quarterly, 2023, " 2023-q2 ").key == "2023-Q2"
    assert find_occurrence(dated, 2023, "28/02/2023").key == "2023-02-28"
    assert find_occurrence(dated, 2023, "2023-02-28").key == "2023-02-28"
    assert find_occurrence(quarterly, 2023, "2023-Q5") is None
    assert find_occurrence(dated, 2023, "01/03/2023") is None


def test_an_occurrence_is_labelled_by_its_deadline_or_its_key_and_deadline():
    assert occurrence_label(Occurrence("2023-02-28", date(2023, 2, 28), date(2023, 1, 1), date(2023, 2, 28))) \
        == "28/02/2023"
    assert occurrence_label(Occurrence("2023-Q1", date(2023, 3, 31), date(2023, 1, 1), date(2023, 3, 31))) \
        == "2023-Q1, hạn 31/03"
    assert occurrence_label(Occurrence("2023-Q1", None, date(2023, 1, 1), date(2023, 3, 31))) == "2023-Q1"


def test_the_default_occurrence_of_continuous_work_is_the_quarter_of_the_day():
    t = task(repeat="continuous")
    assert default_occurrence(t, 2023, date(2023, 3, 31), set()).key == "2023-Q1"
    assert default_occurrence(t, 2023, date(2023, 4, 1), {"2023-Q2"}).key == "2023-Q2"
    assert default_occurrence(t, 2023, date(2024, 1, 5), set()) is None


def test_the_default_occurrence_is_the_earliest_not_done():
    t = task(repeat="quarterly")
    assert default_occurrence(t, 2023, date(2023, 12, 1), set()).key == "2023-Q1"
    assert default_occurrence(t, 2023, date(2023, 1, 1), {"2023-Q1", "2023-Q2"}).key == "2023-Q3"
    assert default_occurrence(t, 2023, date(2023, 1, 1), {"2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"}) is None


def test_done_on_the_due_day_is_on_time():
    s = state(task(due=[date(2023, 6, 15)]), [done("1", "2023-06-15", date(2023, 6, 15))])
    assert (s.status, s.days_late, s.done_on, s.is_open) == ("done", 0, date(2023, 6, 15), False)


def test_done_before_the_due_day_is_on_time():
    s = state(task(due=[date(2023, 6, 15)]), [done("1", "2023-06-15", date(2023, 6, 1))])
    assert (s.status, s.days_late) == ("done", 0)


def test_done_the_day_after_is_one_day_late():
    s = state(task(due=[date(2023, 6, 15)]), [done("1", "2023-06-15", date(2023, 6, 16))])
    assert (s.status, s.days_late, s.is_open) == ("done_late", 1, False)


def test_done_two_days_after_is_two_days_late():
    s = state(task(due=[date(2023, 6, 15)]), [done("1", "2023-06-15", date(2023, 6, 17))])
    assert (s.status, s.days_late) == ("done_late", 2)


def test_the_first_completion_decides_lateness_and_all_are_kept_in_date_order():
    later, first = done("1", "2023-06-15", date(2023, 6, 20)), done("1", "2023-06-15", date(2023, 6, 10))
    s = state(task(due=[date(2023, 6, 15)]), [later, first])
    assert (s.status, s.done_on, s.completions) == ("done", date(2023, 6, 10), (first, later))


def test_completions_on_the_same_day_are_ordered_by_when_they_were_recorded():
    a = done("1", "2023-06-15", date(2023, 6, 10), at=datetime(2023, 6, 12, tzinfo=timezone.utc))
    b = done("1", "2023-06-15", date(2023, 6, 10), at=datetime(2023, 6, 11, tzinfo=timezone.utc))
    assert state(task(due=[date(2023, 6, 15)]), [a, b]).completions == (b, a)


def test_a_completion_dated_on_the_evaluation_day_counts_and_a_later_one_does_not():
    t = task(due=[date(2023, 6, 15)])
    assert state(t, [done("1", "2023-06-15", date(2023, 6, 20))], as_of=date(2023, 6, 20)).status == "done_late"
    later = state(t, [done("1", "2023-06-15", date(2023, 6, 21))], as_of=date(2023, 6, 20))
    assert (later.status, later.completions, later.done_on) == ("overdue", (), None)


def test_a_completion_counts_only_for_its_own_task_and_occurrence():
    t = task(repeat="quarterly")
    states = task_states([t], [done("2", "2023-Q1", date(2023, 3, 1)), done("1", "2023-Q2", date(2023, 3, 1))],
                         2023, date(2023, 12, 31))
    assert [s.status for s in states] == ["overdue", "done", "overdue", "due_soon"]


def test_on_the_due_day_itself_an_open_occurrence_is_due_soon_not_overdue():
    s = state(task(due=[date(2023, 6, 15)]), as_of=date(2023, 6, 15))
    assert (s.status, s.days_late, s.is_open) == ("due_soon", 0, True)


def test_the_day_after_the_due_day_it_is_overdue_by_one_day():
    s = state(task(due=[date(2023, 6, 15)]), as_of=date(2023, 6, 16))
    assert (s.status, s.days_late, s.is_open) == ("overdue", 1, True)


def test_overdue_days_count_from_the_due_day():
    assert state(task(due=[date(2023, 6, 15)]), as_of=date(2023, 6, 25)).days_late == 10


def test_due_soon_runs_up_to_the_horizon_inclusive():
    t = task(due=[date(2023, 6, 15)])
    assert state(t, as_of=date(2023, 6, 1)).status == "due_soon"  # 14 days ahead
    upcoming = state(t, as_of=date(2023, 5, 31))  # 15 days ahead
    assert (upcoming.status, upcoming.is_open) == ("upcoming", True)
    assert state(t, as_of=date(2023, 6, 10), horizon=5).status == "due_soon"
    assert state(t, as_of=date(2023, 6, 9), horizon=5).status == "upcoming"


def test_the_due_soon_horizon_is_two_weeks():
    assert DUE_SOON_DAYS == 14


def test_continuous_work_is_never_late_and_its_last_evidence_is_its_date():
    a, b = done("1", "2023-Q2", date(2023, 4, 10)), done("1", "2023-Q2", date(2023, 5, 10))
    states = task_states([task(repeat="continuous")], [b, a], 2023, date(2024, 1, 1))
    assert [x.status for x in states] == ["continuous"] * 4
    s = states[1]
    assert (s.status, s.days_late, s.done_on, s.is_open, s.missing_evidence) == \
        ("continuous", 0, date(2023, 5, 10), False, False)


def test_continuous_work_misses_evidence_only_after_its_quarter_ended_without_any():
    t = task(repeat="continuous")
    on_last_day = task_states([t], [], 2023, date(2023, 3, 31))
    assert [s.missing_evidence for s in on_last_day] == [False, False, False, False]
    day_after = task_states([t], [], 2023, date(2023, 4, 1))
    assert [s.missing_evidence for s in day_after] == [True, False, False, False]
    with_evidence = task_states([t], [done("1", "2023-Q1", date(2023, 2, 1))], 2023, date(2023, 12, 31))
    assert [s.missing_evidence for s in with_evidence] == [False, True, True, False]


def test_the_plan_summary_counts_each_state_and_the_share_done_on_time():
    tasks = [task("a", due=[date(2023, 2, 1), date(2023, 3, 1), date(2023, 4, 1), date(2023, 5, 1)]),
             task("b", due=[date(2023, 6, 20), date(2023, 9, 1)]), task("c", repeat="continuous")]
    completions = [done("a", "2023-02-01", date(2023, 2, 1)), done("a", "2023-03-01", date(2023, 3, 2)),
                   done("a", "2023-04-01", date(2023, 3, 30)), done("c", "2023-Q2", date(2023, 4, 5))]
    counts = plan_summary(task_states(tasks, completions, 2023, date(2023, 6, 10)))
    assert counts == {"done": 2, "done_late": 1, "overdue": 1, "due_soon": 1, "upcoming": 1, "continuous": 4,
                      "missing_evidence": 1, "due": 4, "on_time_share": D(50)}


def test_the_share_done_on_time_is_none_before_any_deadline():
    counts = plan_summary(task_states([task(due=[date(2023, 6, 20)])], [], 2023, date(2023, 1, 10)))
    assert (counts["due"], counts["on_time_share"], counts["upcoming"]) == (0, None, 1)


def test_the_share_done_on_time_is_a_percentage_of_the_deadlines_come():
    tasks = [task("a", due=[date(2023, 2, 1), date(2023, 3, 1), date(2023, 4, 1)])]
    counts = plan_summary(task_states(tasks, [done("a", "2023-02-01", date(2023, 2, 1))], 2023, date(2023, 6, 1)))
    assert counts["on_time_share"] == D(100) / 3


@pytest.mark.parametrize(("completions", "as_of", "status"), [
    ((), date(2023, 6, 30), "upcoming"), ((), date(2023, 12, 10), "due_soon"), ((), date(2023, 12, 31), "overdue"),
    ((done("1", "2023-12-15", date(2023, 12, 1)),), date(2023, 12, 31), "done"),
])
def test_every_state_carries_its_task_occurrence_and_completions(completions, as_of, status):
    t = task(due=[date(2023, 12, 15)])
    s = state(t, completions, as_of=as_of)
    assert (s.status, s.task, s.occurrence, s.completions) == (status, t, occurrences(t, 2023)[0], completions)
    continuous = task("2", repeat="continuous")
    first = task_states([continuous], (), 2023, date(2023, 6, 30))[0]
    assert (first.task, first.occurrence) == (continuous, occurrences(continuous, 2023)[0])


def test_a_monthly_task_is_due_at_each_months_end():
    monthly = task("8", repeat="monthly")
    assert windows(monthly)[:2] == [("2023-M01", date(2023, 1, 31), date(2023, 1, 1), date(2023, 1, 31)),
                                    ("2023-M02", date(2023, 2, 28), date(2023, 2, 1), date(2023, 2, 28))]
    assert len(occurrences(monthly, 2023)) == 12 and occurrences(monthly, 2024)[1].due == date(2024, 2, 29)
    assert find_occurrence(monthly, 2023, "2023-m05").due == date(2023, 5, 31)
    assert find_occurrence(monthly, 2023, "31/5/2023").key == "2023-M05"
    states = task_states([monthly], [done("8", "2023-M01", date(2023, 2, 2))], 2023, date(2023, 3, 20))
    assert [(s.occurrence.key, s.status) for s in states[:3]] == [
        ("2023-M01", "done_late"), ("2023-M02", "overdue"), ("2023-M03", "due_soon")]
