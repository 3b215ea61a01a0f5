"""A plan task's occurrence ticked off: which occurrence, with what evidence, or a refusal in exact words."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from mtcl.core.completions import Done, build_completion, occurrence_keys
from mtcl.core.entries import Stamp
from mtcl.core.errors import UserError
from tests.core.test_schedule import done, task

STAMP = Stamp(by=" VP-TK ", at=datetime(2023, 7, 1, 8, tzinfo=timezone.utc))
TODAY = date(2023, 7, 1)
QUARTERLY = task("7", repeat="quarterly")
CONTINUOUS = task("9", repeat="continuous")


def complete(t, existing=(), **typed):
    return build_completion(t, Done(**{"evidence": "Báo cáo số 12/BC-UBND", **typed}), 2023, list(existing), TODAY,
                            STAMP)


def refused(t, existing=(), **typed) -> tuple[str, str | None]:
    with pytest.raises(UserError) as caught:
        complete(t, existing, **typed)
    return caught.value.message, caught.value.hint


def test_a_completion_keeps_who_when_and_the_evidence():
    c = complete(QUARTERLY, done_on=date(2023, 4, 5), evidence="  Báo cáo số 12 ", file="bc.pdf", sha256="ab" * 32)
    assert (c.task, c.occurrence, c.done_on, c.evidence, c.file, c.sha256, c.by, c.recorded_at) == (
        "7", "2023-Q1", date(2023, 4, 5), "Báo cáo số 12", "bc.pdf", "ab" * 32, "VP-TK", STAMP.at)
    assert complete(QUARTERLY).done_on == TODAY


def test_without_an_occurrence_the_earliest_not_done_is_taken():
    existing = [done("7", "2023-Q1", date(2023, 4, 1)), done("8", "2023-Q2", date(2023, 4, 1))]
    assert complete(QUARTERLY, existing).occurrence == "2023-Q2"
    assert complete(QUARTERLY, existing, occurrence="2023-Q1").occurrence == "2023-Q1"  # named: added evidence


def test_continuous_work_goes_to_the_quarter_of_its_day():
    assert complete(CONTINUOUS, done_on=date(2023, 5, 20)).occurrence == "2023-Q2"
    assert complete(CONTINUOUS, [done("9", "2023-Q3", date(2023, 7, 1))]).occurrence == "2023-Q3"


@pytest.mark.parametrize(("t", "existing", "typed", "message", "hint"), [
    (QUARTERLY, (), dict(done_on=date(2023, 7, 2)), "ngày hoàn thành 02/07/2023 chưa tới", None),
    (QUARTERLY, (), dict(done_on=date(2013, 3, 1)),
     "ngày hoàn thành 01/03/2013 nằm ngoài thời gian của kế hoạch năm 2023 (từ 01/10/2022 đến 31/03/2024)",
     "kiểm tra lại năm đã gõ"),
    (QUARTERLY, (), dict(evidence="  "), "cần ghi minh chứng (--evidence): số, ký hiệu và tên văn bản", None),
    (QUARTERLY, (), dict(occurrence="Q5"), "nhiệm vụ 7 không có lần thực hiện 'Q5'", "các lần: 2023-Q1, 2023-Q2, 2023-Q3, 2023-Q4"),
    (QUARTERLY, [done("7", key, date(2023, 6, 1)) for key in ("2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4")], {},
     "nhiệm vụ 7 không còn lần thực hiện nào mở",
     "để bổ sung minh chứng, chỉ rõ --occurrence (các lần: 2023-Q1, 2023-Q2, 2023-Q3, 2023-Q4)"),
    (QUARTERLY, (), dict(evidence="Báo cáo\x07"), "--evidence có ký tự điều khiển (\\x07) không được phép", None),
])
def test_what_cannot_be_right_is_refused_in_exact_words(t, existing, typed, message, hint):
    assert refused(t, existing, **typed) == (message, hint)


def test_the_occurrence_keys_of_a_task():
    assert occurrence_keys(QUARTERLY, 2023) == "2023-Q1, 2023-Q2, 2023-Q3, 2023-Q4"
