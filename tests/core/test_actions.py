"""Corrective actions: what may be opened and closed, their numbers, and the register's rules."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone

import pytest

from mtcl.core.actions import (
    Action,
    ActionClosed,
    ActionOpened,
    Request,
    actions_about,
    build_closed,
    build_opened,
    check_request,
    check_subject,
    find_action,
    gather_actions,
    next_id,
    open_actions_by_subject,
    overdue_without_action,
)
from mtcl.core.attainment import RecordIndex, evaluate
from mtcl.core.entries import Stamp
from mtcl.core.errors import UserError
from mtcl.core.schedule import task_states
from tests.core.test_schedule import done, task
from tests.test_attainment import rec, target

AT = datetime(2023, 7, 1, 8, tzinfo=timezone.utc)
STAMP = Stamp(by=" VP-TK ", at=AT)
TODAY = date(2023, 7, 1)
REQUEST = Request(problem="Tỷ lệ thấp", action="Đôn đốc", owner="Phòng VH", due=date(2023, 9, 30))


def opened(number: int, subject="1.1", kind="target", occurrence=None, due=date(2023, 9, 30)) -> ActionOpened:
    return ActionOpened(id=f"HĐKP-2023-{number:02d}", subject=subject, subject_kind=kind, occurrence=occurrence,
                        problem="p", action="a", owner="o", due=due, opened_on=TODAY, by="x", recorded_at=AT)


def closed(number: int, on=date(2023, 8, 1), result="Xong") -> ActionClosed:
    return ActionClosed(id=f"HĐKP-2023-{number:02d}", result=result, effective=True, closed_on=on, by="x",
                        recorded_at=AT)


def refusal(call, *args) -> tuple[str, str | None]:
    with pytest.raises(UserError) as caught:
        call(*args)
    return caught.value.message, caught.value.hint


def test_an_action_is_open_overdue_after_its_due_day_or_closed():
    action = Action(opened(1), None)
    assert (action.id, action.is_open) == ("HĐKP-2023-01", True)
    assert [action.state(d) for d in (date(2023, 9, 30), date(2023, 10, 1))] == ["open", "overdue"]
    assert Action(opened(1), closed(1)).state(date(2023, 10, 1)) == "closed"
    assert not Action(opened(1), closed(1)).is_open


def test_the_register_folds_into_actions_in_the_order_opened_first_line_winning():
    events = [opened(2), opened(1), closed(2), closed(2, on=date(2023, 9, 1)), opened(1, subject="x")]
    actions = gather_actions(events)
    assert [(a.id, a.opened.subject, a.closed.closed_on if a.closed else None) for a in actions] == [
        ("HĐKP-2023-02", "1.1", date(2023, 8, 1)), ("HĐKP-2023-01", "1.1", None)]


def test_ids_run_per_year_after_the_highest():
    assert next_id(2023, []) == "HĐKP-2023-01"
    assert next_id(2023, [opened(1), opened(9), closed(12)]) == "HĐKP-2023-10"
    assert next_id(2023, [opened(99)]) == "HĐKP-2023-100"


@pytest.mark.parametrize(("changes", "message", "hint"), [
    (dict(problem=" "), "--problem không được để trống", None),
    (dict(action=""), "--action không được để trống", None),
    (dict(owner="  "), "--owner không được để trống", None),
    (dict(owner="Phòng\nVH"), "--owner có ký tự điều khiển (\\x0a) không được phép", None),
    (dict(cause="x\x1b"), "--cause có ký tự điều khiển (\\x1b) không được phép", None),
    (dict(due=date(2023, 6, 30)), "thời hạn 30/06/2023 đã qua", None),
    (dict(due=date(2025, 1, 1)), "thời hạn 01/01/2025 quá xa (hành động khắc phục làm trong năm nay hoặc năm sau)",
     "kiểm tra lại năm đã gõ"),
])
def test_a_request_is_refused_before_anything_is_looked_up(changes, message, hint):
    request = Request(**{**REQUEST.__dict__, **changes})
    assert refusal(check_request, request, TODAY) == (message, hint)


def test_a_request_due_today_or_next_year_is_taken():
    for due in (TODAY, date(2024, 12, 31)):
        check_request(Request(**{**REQUEST.__dict__, "due": due, "problem": "dòng 1\ndòng 2"}), TODAY)


def test_an_action_on_a_target_needs_a_target_that_falls_short():
    ratio = target(id="1.1", plan="98", op=">")
    short = evaluate([ratio], RecordIndex([rec("1.1", value="90")]), TODAY)
    assert check_subject(ratio, REQUEST, short, []) is None
    met = evaluate([ratio], RecordIndex([rec("1.1", value="99")]), TODAY)
    assert refusal(check_subject, ratio, REQUEST, met, []) == (
        "chỉ tiêu 1.1 đang ở mức 'Đạt': chỉ mở hành động khắc phục cho chỉ tiêu chưa đạt, gần đạt hoặc chậm tiến độ",
        "nếu vẫn cần (hành động phòng ngừa, cải tiến), thêm --force")
    assert check_subject(ratio, Request(**{**REQUEST.__dict__, "force": True}), met, []) is None


def test_an_action_on_a_task_takes_its_overdue_occurrence():
    quarterly = task("7", repeat="quarterly")
    states = task_states([quarterly], [done("7", "2023-Q1", date(2023, 4, 1))], 2023, date(2023, 7, 20))
    assert check_subject(quarterly, REQUEST, [], states) == "2023-Q2"
    named = Request(**{**REQUEST.__dict__, "occurrence": " 2023-q2 "})
    assert check_subject(quarterly, named, [], states) == "2023-Q2"
    assert refusal(check_subject, quarterly, Request(**{**REQUEST.__dict__, "occurrence": "2023-Q1"}), [], states) == (
        "nhiệm vụ 7, lần 2023-Q1, không quá hạn", "nếu vẫn cần, thêm --force")
    assert refusal(check_subject, quarterly, Request(**{**REQUEST.__dict__, "occurrence": "Q9"}), [], states) == (
        "nhiệm vụ 7 không có lần thực hiện 'Q9'", "các lần: 2023-Q1, 2023-Q2, 2023-Q3, 2023-Q4")
    early = task_states([quarterly], [], 2023, date(2023, 3, 1))
    assert refusal(check_subject, quarterly, REQUEST, [], early) == ("nhiệm vụ 7, lần 2023-Q1, không quá hạn",
                                                                   "nếu vẫn cần, thêm --force")
    assert check_subject(quarterly, Request(**{**REQUEST.__dict__, "force": True}), [], early) == "2023-Q1"


def test_continuous_work_without_evidence_may_have_an_action():
    continuous = task("9", repeat="continuous")
    states = task_states([continuous], [], 2023, date(2023, 7, 20))
    assert check_subject(continuous, REQUEST, [], states) == "2023-Q1"


def test_the_opening_line():
    subject = task("7", repeat="quarterly")
    request = Request(problem=" Chậm ", action="Làm\nngay", owner=" Phòng VH ", due=date(2023, 9, 30), cause=" Thiếu ")
    line = build_opened(subject, "2023-Q2", request, 2023, [opened(1)], TODAY, STAMP)
    assert line == ActionOpened(id="HĐKP-2023-02", subject="7", subject_kind="task", occurrence="2023-Q2",
                                problem="Chậm", cause="Thiếu", action="Làm\nngay", owner="Phòng VH",
                                due=date(2023, 9, 30), opened_on=TODAY, by="VP-TK", recorded_at=AT)
    assert build_opened(target(id="1.1"), None, REQUEST, 2023, [], TODAY, STAMP).subject_kind == "target"


def test_an_action_is_found_by_its_number_typed_any_way():
    actions = gather_actions([opened(1), opened(2)])
    assert find_action(actions, " hdkp-2023-02 ").id == "HĐKP-2023-02"
    assert find_action(actions, "HĐKP-2023-01").id == "HĐKP-2023-01"
    assert refusal(find_action, actions, "HĐKP-2023-03") == ("không có hành động khắc phục 'HĐKP-2023-03'",
                                                            "các phiếu hiện có: HĐKP-2023-01, HĐKP-2023-02")
    assert refusal(find_action, [], "1") == ("không có hành động khắc phục '1'", "các phiếu hiện có: chưa có")


def test_the_closing_line():
    line = build_closed("hdkp-2023-01", " Đã xong ", " QĐ 12 ", False, [opened(1)], TODAY, STAMP)
    assert line == ActionClosed(id="HĐKP-2023-01", result="Đã xong", evidence="QĐ 12", effective=False,
                                closed_on=TODAY, by="VP-TK", recorded_at=AT)
    assert refusal(build_closed, "HĐKP-2023-01", " ", None, True, [opened(1)], TODAY, STAMP) == (
        "--result không được để trống: ghi kết quả thực hiện", None)
    assert refusal(build_closed, "HĐKP-2023-01", "Xong", None, True, [opened(1), closed(1)], TODAY, STAMP) == (
        "hành động HĐKP-2023-01 đã đóng ngày 01/08/2023", None)


def test_what_falls_short_without_an_open_action():
    actions = gather_actions([opened(1, subject="a"), opened(2, subject="b"), closed(2),
                              opened(3, subject="c", kind="task", occurrence="2023")])
    assert {key: [a.id for a in found] for key, found in open_actions_by_subject(actions).items()} == {
        ("a", None): ["HĐKP-2023-01"], ("c", "2023"): ["HĐKP-2023-03"]}
    quarterly = task("7", repeat="quarterly")
    states = task_states([quarterly], [], 2023, date(2023, 10, 20))
    covered = gather_actions([opened(4, subject="7", kind="task", occurrence="2023-Q1")])
    assert overdue_without_action(states, covered) == {("7", "2023-Q2"), ("7", "2023-Q3")}
    assert [a.id for a in actions_about(actions, "c", "2023")] == ["HĐKP-2023-03"]
    assert [a.id for a in actions_about(actions, "b", None)] == ["HĐKP-2023-02"]
    assert actions_about(actions, "c", None) == []


@pytest.mark.parametrize(("field", "text", "message"), [
    ("problem", "x\x1b", "--problem có ký tự điều khiển (\\x1b) không được phép"),
    ("action", "x\x1b", "--action có ký tự điều khiển (\\x1b) không được phép"),
    ("cause", "x\x1b", "--cause có ký tự điều khiển (\\x1b) không được phép"),
    ("owner", "x\x1b", "--owner có ký tự điều khiển (\\x1b) không được phép"),
])
def test_each_text_of_a_request_is_named_when_refused(field, text, message):
    request = Request(**{**REQUEST.__dict__, field: text})
    assert refusal(check_request, request, TODAY) == (message, None)
    assert refusal(build_opened, target(id="1.1"), None, request, 2023, [], TODAY, STAMP) == (message, None)


def test_the_texts_of_an_action_may_run_over_lines_but_the_owner_may_not():
    request = Request(**{**REQUEST.__dict__, "problem": "a\nb", "action": "c\nd", "cause": "e\nf"})
    check_request(request, TODAY)
    line = build_opened(target(id="1.1"), None, request, 2023, [], TODAY, STAMP)
    assert (line.problem, line.action, line.cause) == ("a\nb", "c\nd", "e\nf")
    closing = build_closed("HĐKP-2023-01", "g\nh", None, True, [opened(1)], TODAY, STAMP)
    assert (closing.result, closing.evidence) == ("g\nh", None)
    assert refusal(build_closed, "HĐKP-2023-01", "x\x1b", None, True, [opened(1)], TODAY, STAMP) == (
        "--result có ký tự điều khiển (\\x1b) không được phép", None)
    assert refusal(build_closed, "HĐKP-2023-01", "Xong", "QĐ\n12", True, [opened(1)], TODAY, STAMP) == (
        "--evidence có ký tự điều khiển (\\x0a) không được phép", None)


def test_open_actions_are_grouped_by_what_they_are_about():
    actions = gather_actions([opened(1, subject="a"), opened(2, subject="a"), opened(3, subject="7", kind="task",
                                                                                    occurrence="2023-Q1")])
    assert {key: [a.id for a in found] for key, found in open_actions_by_subject(actions).items()} == {
        ("a", None): ["HĐKP-2023-01", "HĐKP-2023-02"], ("7", "2023-Q1"): ["HĐKP-2023-03"]}


def test_an_open_action_past_its_deadline_is_said_to_be_in_its_words():
    """A report signed on 28/11 named an action due 30/09 as if it were still in time."""
    from mtcl.core.words import action_phrase, deadline_words

    action = Action(opened(1), None)
    assert deadline_words(action) == "hạn 30/09/2023"
    assert deadline_words(action, date(2023, 9, 30)) == "hạn 30/09/2023"  # on its last day it is still in time
    assert deadline_words(action, date(2023, 10, 1)) == "đã quá hạn 30/09/2023"
    assert deadline_words(Action(opened(1), closed(1)), date(2023, 11, 28)) == "hạn 30/09/2023"  # closed
    assert action_phrase(action, date(2023, 11, 28)) == "HĐKP-2023-01: a (phụ trách: o, đã quá hạn 30/09/2023)"
    assert action_phrase(action) == "HĐKP-2023-01: a (phụ trách: o, hạn 30/09/2023)"


def test_the_register_and_the_review_count_actions_without_a_zero():
    """'1 phiếu, 1 đang thực hiện (0 quá hạn), 0 đã đóng (0 có hiệu lực)' was what the signer
    read: each count that is zero is left out, and one kind alone is said once."""
    from mtcl.core.words import action_counts_words

    on = date(2023, 10, 5)
    late, fresh = Action(opened(1), None), Action(opened(2, due=date(2023, 12, 31)), None)
    good = Action(opened(3), closed(3))
    bad = Action(opened(4), dataclasses.replace(closed(4), effective=False))
    assert action_counts_words([fresh], on) == "1 phiếu, đang thực hiện"
    assert action_counts_words([late, fresh], on) == "2 phiếu, đang thực hiện (1 quá hạn)"
    assert action_counts_words([good, good], on, "hành động khắc phục") == "2 hành động khắc phục, đã đóng (2 có hiệu lực)"
    assert action_counts_words([bad], on) == "1 phiếu, đã đóng (1 chưa có hiệu lực)"
    assert action_counts_words([late, good, bad], on) == \
        "3 phiếu: 1 đang thực hiện (1 quá hạn), 2 đã đóng (1 có hiệu lực, 1 chưa có hiệu lực)"
    assert action_counts_words([fresh, good], on) == "2 phiếu: 1 đang thực hiện, 1 đã đóng (1 có hiệu lực)"
